"""Prices written in fractions (a bond's 32nds, `2 1/2`, `1-1/4`) are figures: two moves
in 32nds apart are two readings, not one (entities/figures/number.rs). A figure alone in
brackets after another restates it in another unit, known to the lexicon or not
(align/build.rs `conversion`): one figure, not an added one. Hand-made pairs, not
sentences of a dev corpus."""

from __future__ import annotations

import pytest
from conftest import two_outlet_relations

APART = [
    (
        "The 10-year note was down 6/32 to yield 3.98 percent, up from 3.96 percent "
        "on Monday, traders said.",
        "The 10-year note was down 11/32 to yield 3.98 percent, up from 3.96 percent "
        "on Monday, dealers said.",
    ),
]

SAME = [
    (
        "The 10-year note was down 6/32 to yield 3.98 percent, traders said.",
        "The 10-year note was off 6/32 to yield 3.98 percent, dealers said.",
    ),
    (
        "The ferry to Kessel Bay now costs 1,450 rupees (US$17) a trip, the operator said.",
        "The ferry to Kessel Bay now costs US$17 a trip, the operator said.",
    ),
    (
        "The lake at Ostley warmed to 64 (17.8 Celsius) in May, the water board said.",
        "The lake at Ostley warmed to 64 in May, the water board said.",
    ),
]


@pytest.mark.parametrize(("a", "b"), APART)
def test_two_moves_in_32nds_do_not_agree(a: str, b: str) -> None:
    assert "agree" not in two_outlet_relations(a, b)


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_figure_in_fractions_or_restated_in_brackets_agrees(a: str, b: str) -> None:
    assert two_outlet_relations(a, b) == ["agree"]
