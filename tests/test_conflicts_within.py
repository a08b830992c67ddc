"""Conflicts within one article (issue 10, `src/align/voices.rs`). A wire report tells of many
items of one kind (two bond auctions a week apart, two tenders, two shipments), in its own
narration and in the words of the sources it quotes, each item with its own figures. Within
one article a clash of figures is far more often two items than a contradiction: it stands
only when two named sources give the two values, when the article calls the claim it answers
false, or when one voice denies or negates what another asserts. Each near miss below is a
made-up wire-style article whose two figures must not conflict (each was a conflict before
the rule); beside them, true contradictions of one article that must stay."""

from __future__ import annotations

import crosswire as cw
import pytest

# (kind, article): two items of one kind, narration against a source or two unnamed ones.
TWO_ITEMS = [
    (
        "two auctions",
        "German bonds firm after five-year note sale.\nFRANKFURT 1996-08-20\n"
        "The Bundesbank sold 4.0 billion marks of five-year notes at an average yield of "
        "5.12 percent on Tuesday.\nDealers said demand was solid.\n"
        '"The Bundesbank sold 2.5 billion marks of five-year notes at an average yield of '
        "5.31 percent, and that went badly,\" one dealer said of last week's sale.",
    ),
    (
        "two tenders",
        "Egypt buys U.S. wheat in tender.\nCAIRO 1996-08-20\n"
        "Egypt bought 120,000 tonnes of U.S. wheat in its tender on Tuesday.\n"
        "Traders said Egypt bought 60,000 tonnes of U.S. wheat in its previous tender.",
    ),
    (
        "two shipments",
        "Sugar shipments from Brazil.\nSAO PAULO 1996-08-20\n"
        "Brazil shipped 240,000 tonnes of raw sugar to Russia in July.\n"
        "Brazil shipped 180,000 tonnes of raw sugar to Russia, a Santos port official said.",
    ),
    (
        "two unnamed sources",
        "Death toll in Algeria attack.\nALGIERS 1996-08-20\n"
        "Algerian radio said on Tuesday that 12 people were killed in the attack on the "
        "village.\nHospital officials said 19 people were killed in the attack on the village.",
    ),
]

# (kind, article): one article in contradiction with itself, or with a source it quotes.
CONTRADICTIONS = [
    (
        "two named sources",
        "Death toll rises in Bangladesh ferry sinking.\nDHAKA 1996-08-20\n"
        "Police chief Abdul Karim said 40 people drowned when the ferry sank on the Meghna "
        "river.\nBut Home Minister Rafiqul Islam told reporters that 25 people drowned when "
        "the ferry sank on the Meghna river.",
    ),
    (
        "a denial",
        "Minister denies report on bank sale.\nWARSAW 1996-08-20\n"
        "The government will sell its stake in the bank this year, Zycie Warszawy reported.\n"
        "Treasury Minister Miroslaw Pietrewicz said the government will not sell its stake in "
        "the bank this year.",
    ),
    (
        "a claim the article calls false",
        "Candidate repeats claim on aid.\nWASHINGTON 1996-08-20\n"
        '"We gave $1.8 billion in cash to them," Smith said on Monday, repeating his false '
        "claims.\nThe $1.7 billion the United States gave to them was money frozen in U.S. "
        "banks.",
    ),
]


def _strong(article: str) -> list[str]:
    pairs = cw.Corpus.from_texts([article]).align().pairs()
    return list(pairs.loc[pairs["relation"].isin(["agree", "conflict"]), "relation"])


@pytest.mark.parametrize("kind, article", TWO_ITEMS, ids=[k for k, _ in TWO_ITEMS])
def test_two_items_of_one_kind_in_one_article_do_not_conflict(kind: str, article: str) -> None:
    assert _strong(article) == [], kind


@pytest.mark.parametrize("kind, article", CONTRADICTIONS, ids=[k for k, _ in CONTRADICTIONS])
def test_an_article_that_contradicts_itself_still_conflicts(kind: str, article: str) -> None:
    assert _strong(article) == ["conflict"], kind


def test_the_two_items_are_related_with_a_reason() -> None:
    pairs = cw.Corpus.from_texts([TWO_ITEMS[1][1]]).align().pairs()
    assert pairs["reason"].str.contains("one document restating itself").any(), pairs


def test_across_two_articles_the_same_clash_of_two_unnamed_sources_conflicts() -> None:
    # The rule is for one article: two outlets' rival tolls of one event, on one day, clash.
    head = "Death toll in Algeria attack.\nALGIERS\n"
    a, b = (head + TWO_ITEMS[3][1].split("\n")[i] for i in (2, 3))
    corpus = cw.Corpus.from_texts([a, b], dates=["1996-08-20", "1996-08-20"])
    pairs = corpus.align().pairs()
    assert list(pairs["relation"]) == ["conflict"], pairs
