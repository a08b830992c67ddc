"""A measure that rises in one report and falls in another: two moves (two days, two
markets), not one proposition, though the two share their names, their words and, by
chance, a figure (align/moves.rs). Hand-made pairs, not sentences of a dev corpus."""

from __future__ import annotations

import crosswire as cw
import pytest


def _relations(a: str, b: str) -> list[str]:
    corpus = cw.Corpus.from_texts([a, b], sources=["outlet0", "outlet1"])
    return list(corpus.align().pairs()["relation"])


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
    assert "agree" not in _relations(a, b)


@pytest.mark.parametrize(("a", "b"), ONE_WAY)
def test_moves_one_way_still_agree(a: str, b: str) -> None:
    assert _relations(a, b) == ["agree"]
