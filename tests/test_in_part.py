"""One report stating the other's proposition and a figure more corroborates it in part:
the pair is `related`, and the reason names the side and the figure (align/coverage.rs).
Trivial details and one value said twice are no addition. Hand-made pairs, not sentences of
a dev corpus."""

from __future__ import annotations

import crosswire as cw
import pytest

IN_PART = [
    (
        "The ferry operator will cancel sailings to Harlow Island this winter, its owner said.",
        "The ferry operator will cancel 140 sailings to Harlow Island this winter, its owner said.",
        "only the second claim says: figure 140",
    ),
    (
        "Brenton Mills reopened its paper plant in Ostley on Monday, hiring 85 workers.",
        "Brenton Mills reopened its paper plant in Ostley on Monday.",
        "only the first claim says: figure 85",
    ),
]

STILL_AGREE = [
    (
        "Marta Quill, 52, was elected mayor of Ostley on Sunday.",
        "Voters in Ostley elected Marta Quill as their mayor on Sunday.",
    ),
    (
        "Brenton Mills shares fell 40 cents, or 2.5 percent, to $15.60 on Thursday.",
        "Brenton Mills stock dropped 40 cents to end at $15.60 on Thursday.",
    ),
]


def pairs(a: str, b: str) -> list[tuple[str, str]]:
    corpus = cw.Corpus.from_texts([a, b], sources=["outlet0", "outlet1"])
    return [(r.relation, r.reason) for r in corpus.align().pairs().itertuples()]


@pytest.mark.parametrize(("a", "b", "why"), IN_PART)
def test_a_figure_only_one_side_states_is_agreement_in_part(a: str, b: str, why: str) -> None:
    got = pairs(a, b)
    assert [r for r, _ in got] == ["related"], got
    assert "corroborated in part" in got[0][1] and why in got[0][1], got


@pytest.mark.parametrize(("a", "b"), STILL_AGREE)
def test_a_detail_or_one_move_said_twice_still_agrees(a: str, b: str) -> None:
    assert [r for r, _ in pairs(a, b)] == ["agree"]
