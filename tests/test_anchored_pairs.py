"""Agreement needs an anchor (issue 10): the pairs below stand for the false `agree` and
`conflict` classes found by reading every pair crosswire listed on unseen Reuters news
(benches/audit_pairs.py), each with a control that must still agree. Hand-made articles;
each pair is two one-article corpora's worth of text in one corpus."""

from __future__ import annotations

import crosswire as cw
import pytest


def relation(a: str, b: str, a_claim: str, b_claim: str) -> str:
    """The relation of the claims containing `a_claim` (in article a) and `b_claim` (in b)."""
    corpus = cw.Corpus.from_texts([a, b], names=["a", "b"])
    claims = corpus.claims().set_index("claim")
    first = [c for c, t in claims.text.items() if a_claim in t and c.startswith("a:")]
    second = [c for c, t in claims.text.items() if b_claim in t and c.startswith("b:")]
    assert first and second, claims.text.tolist()
    pairs = corpus.align().pairs()
    found = pairs[
        (pairs.claim_a.isin(first) & pairs.claim_b.isin(second))
        | (pairs.claim_a.isin(second) & pairs.claim_b.isin(first))
    ]
    return "none" if found.empty else found.relation.iloc[0]


def test_a_pronoun_is_no_participant_across_articles() -> None:
    a = "Acme Corp said on Monday it would cut 500 jobs in Ohio. It gave no further details."
    b = "Globex Inc said on Monday it had agreed to buy Initech. It gave no further details."
    assert relation(a, b, "gave no further details", "gave no further details") != "agree"
    # The same silence of one named company is one proposition.
    a = "Acme Corp gave no further details about the job cuts, the newspaper said."
    b = "Acme Corp gave no further details about the job cuts in Ohio, the agency said."
    assert relation(a, b, "Acme", "Acme") == "agree"


def test_first_person_claims_of_two_speakers_differ() -> None:
    a = '"I am glad it was not a Norwegian plane," said shop assistant Heidi Groenstein.'
    b = '"I am glad I had a good innings," the veteran batsman Graham Gooch said.'
    assert relation(a, b, "glad", "glad") != "agree"


def test_a_precise_figure_allows_only_its_own_rounding() -> None:
    a = "The Dow Jones industrial average closed at 5,616.21 points, traders said."
    b = "The Dow Jones industrial average closed at 5,647.65 points, traders said."
    assert relation(a, b, "5,616.21", "5,647.65") != "agree"
    b = "The Dow Jones industrial average closed at 5,616 points, traders said."
    assert relation(a, b, "5,616.21", "5,616") == "agree"


@pytest.mark.parametrize(
    ("day_a", "day_b", "agrees"), [("Friday", "Saturday", False), ("Friday", "Friday", True)]
)
def test_two_weekdays_are_two_days(day_a: str, day_b: str, agrees: bool) -> None:
    a = f"Romania beat Lithuania in their European soccer qualifier on {day_a}, the federation said."
    b = f"Romania beat Lithuania in a World Cup soccer qualifier on {day_b}, the federation said."
    got = relation(a, b, "Romania beat", "Romania beat")
    assert (got == "agree") == agrees, got


def test_one_predicate_over_two_measures_is_no_conflict() -> None:
    text = (
        "Wages and salaries decreased by $6.9 billion in July, the department said.\n\n"
        "Spending on durable goods fell to $626.3 billion in July, the department said."
    )
    corpus = cw.Corpus.from_texts([text], names=["a"])
    assert "conflict" not in set(corpus.align().pairs().relation)
