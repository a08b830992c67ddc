"""A measure that rises in one report and falls in another: two moves (two days, two
markets), not one proposition, though the two share their names, their words and, by
chance, a figure (align/moves.rs). Hand-made pairs, not sentences of a dev corpus."""

from __future__ import annotations

import pytest
from conftest import two_outlet_relations

OPPOSITE = [
    (
        "In afternoon trading in Europe, Germany's DAX index rose 1.5 percent and Britain's "
        "FTSE 100 gained 1.2 percent.",
        "In afternoon trading in Europe, Germany's DAX index fell 1.6 percent and Britain's "
        "FTSE 100 dropped 1.2 percent.",
    ),
    (
        "The dollar was at 1.3172 Swiss francs, down 0.60 percent, dealers said.",
        "The dollar rose 0.6 percent to 1.3315 Swiss francs, traders said.",
    ),
]

ONE_WAY = [
    (
        "The dollar was at 1.3172 Swiss francs, up 0.60 percent, dealers said.",
        "The dollar rose 0.6 percent to 1.3315 Swiss francs, traders said.",
    ),
    (
        "The dollar rose 0.6 percent against the yen, traders said.",
        "The dollar gained 0.6 percent against the yen, dealers said.",
    ),
]


@pytest.mark.parametrize(("a", "b"), OPPOSITE)
def test_a_rise_and_a_fall_do_not_agree(a: str, b: str) -> None:
    assert "agree" not in two_outlet_relations(a, b)


@pytest.mark.parametrize(("a", "b"), ONE_WAY)
def test_moves_one_way_still_agree(a: str, b: str) -> None:
    assert two_outlet_relations(a, b) == ["agree"]


# The day's change apart while the level matches (align/moves.rs `other_change`): an index
# hovers near one level for days, so two changes that cannot be one are two readings.
OTHER_CHANGE = [
    (
        "The Nasdaq Composite Index was up 7.42 points, or 0.45 percent, at 1,653.44, "
        "traders said.",
        "The Nasdaq Composite Index was up 0.04 of a point at 1,653, dealers said.",
    ),
]
ONE_CHANGE = [
    (
        "The Nasdaq Composite Index was up 7.42 points at 1,653.44, traders said.",
        "The Nasdaq Composite Index rose 7.42 points to 1,653, dealers said.",
    ),
]


@pytest.mark.parametrize(("a", "b"), OTHER_CHANGE)
def test_two_changes_beside_one_level_do_not_agree(a: str, b: str) -> None:
    assert "agree" not in two_outlet_relations(a, b)


@pytest.mark.parametrize(("a", "b"), ONE_CHANGE)
def test_one_change_beside_one_level_agrees(a: str, b: str) -> None:
    assert two_outlet_relations(a, b) == ["agree"]


# Two quotes of one measure apart while the day's moves differ too (align/moves.rs
# `other_level`): two readings, whatever earlier move both repeat.
OTHER_LEVEL = [
    (
        "Kraft stock fell $1.02, or 3.1 percent, to $31.88, having lost 2 percent on Monday.",
        "Kraft stock fell $1.09, or 3.1 percent, to $31.81, having lost 2 percent on Monday.",
    ),
]
ONE_LEVEL = [
    (
        "Kraft stock fell $1.02, or 3.1 percent, to $31.88, having lost 2 percent on Monday.",
        "Kraft stock dropped $1.02, or 3.1 percent, to $31.88, having lost 2 percent on Monday.",
    ),
]


@pytest.mark.parametrize(("a", "b"), OTHER_LEVEL)
def test_two_quotes_and_two_moves_do_not_agree(a: str, b: str) -> None:
    assert "agree" not in two_outlet_relations(a, b)


@pytest.mark.parametrize(("a", "b"), ONE_LEVEL)
def test_one_quote_and_one_move_agree(a: str, b: str) -> None:
    assert two_outlet_relations(a, b) == ["agree"]
