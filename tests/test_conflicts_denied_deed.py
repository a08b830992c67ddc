"""Conflicts over one deed: one side asserts what the other negates (issue 10,
`relation::denies_whatever`), and hard negatives that must stay apart. Each pair is two
made-up wire reports of one day, so that only the rule under test decides."""

from __future__ import annotations

import crosswire as cw
import pytest

DATE = "2021-05-04"


def relation(a: str, b: str) -> str:
    corpus = cw.Corpus.from_texts([a, b], dates=[DATE, DATE])
    claims = corpus.claims()
    pairs = corpus.align().pairs()
    docs = dict(zip(claims["claim"], claims["doc"]))
    across = [
        rel
        for x, y, rel in zip(pairs["claim_a"], pairs["claim_b"], pairs["relation"])
        if docs[x] != docs[y]
    ]
    return ",".join(sorted(set(across))) or "none"


def test_not_doing_anything_answers_doing_something() -> None:
    # `not … restart anything` denies the restart whatever it restarts: the agent and the
    # predicate are the whole clash (issue 10, newswcl 4_RR: Trump against the Iranians).
    a = "TEHRAN\nIran would restart its enrichment of uranium within weeks, officials warned.\n"
    b = "WASHINGTON\nIran is not going to restart anything, the president told reporters.\n"
    assert relation(a, b) == "conflict"
    a = "BOGOTA\nThe rebels will release three hostages on Friday, the church said.\n"
    b = "BOGOTA\nThe rebels will not release anyone, the army said.\n"
    assert relation(a, b) == "conflict"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another agent denied the deed.
        (
            "TEHRAN\nIran would restart its enrichment of uranium within weeks, officials warned.\n",
            "BAGHDAD\nIraq is not going to restart anything, the president told reporters.\n",
        ),
        # Another deed denied of the agent.
        (
            "TEHRAN\nIran would restart its enrichment of uranium within weeks, officials warned.\n",
            "WASHINGTON\nIran is not going to build anything, the president told reporters.\n",
        ),
        # A year against a count: what was built when, and by how many.
        (
            "OSLO\nThe dam on the river was finished in 1956, the ministry said.\n",
            "OSLO\nThe dam on the river was finished by 1,956 workers, the historian said.\n",
        ),
        # Counts of different things with one predicate.
        (
            "LIMA\nPolice arrested two donors and a staffer of the campaign, officials said.\n",
            "LIMA\nPolice arrested three Americans at the airport, officials said.\n",
        ),
    ],
)
def test_no_conflict(a: str, b: str) -> None:
    assert "conflict" not in relation(a, b)
