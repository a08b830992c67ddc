"""Agree and conflict precision on news no rule has read (issue 10, session 22): the false
classes found by judging every agree/conflict pair of CoNLL-2003 train-a
(benches/data/conll_train_a_pairs.jsonl), each pinned by a hand-made pair that must not
agree (or conflict) and, beside it, a true pair of the same shape that still must.

- no claims: a heading set in capitals, the outlet's note on its own copy (`does not vouch
  for their accuracy`, `These are the leading stories in the Beirut press`);
- stock lines: near-copies with no predicate in common and nothing named in common
  (`Several people were also wounded` in two articles);
- one template with rival names in its slot (`… in the Beirut press` / `… Sarajevo press`);
- conflicts resting on words: two lines of one market report counting different things,
  and a side that is only a name and a figure (an age)."""

from __future__ import annotations

import crosswire as cw
import pytest

# (kind, claim, near miss that must not agree, true pair that must agree or None)
NOT_AGREEING = [
    (
        "note-on-copy",
        "Reuters has not verified these stories and does not vouch for their accuracy.",
        "Reuters has not verified these stories and does not vouch for their accuracy.",
        None,
    ),
    (
        "digest-header",
        "These are the leading stories in the Beirut press on Thursday.",
        "These are the leading stories in the Sarajevo press on Thursday.",
        None,
    ),
    ("display-line", "SCORES AT WORLD SERIES OF GOLF", "SCORES AT WORLD SERIES OF GOLF", None),
    (
        "stock-line",
        "Several people were also wounded.",
        "Many people were also wounded.",
        None,
    ),
    (
        "stock-line",
        "No other details were immediately available.",
        "Other details were not immediately available.",
        None,
    ),
]

# True pairs beside the rules: a story that is not this text, a stock line anchored on a name.
STILL_AGREEING = [
    (
        "story-told",
        "Police said the story of the robbery was invented by the guard.",
        "Police said the guard invented the story of the robbery.",
    ),
    (
        "named-stock-line",
        "Several people were also wounded in Kabul.",
        "Many people were also wounded in Kabul.",
    ),
    # Word for word and naming something (a short line naming nothing is a stock line).
    ("same-words", "Kabul x y z.", "Kabul x y z."),
]


@pytest.mark.parametrize(
    ("kind", "a", "b"), [(k, a, b) for k, a, b, _ in NOT_AGREEING], ids=lambda x: x[:24]
)
def test_no_claim_or_stock_line_agrees(kind: str, a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        result = cw.compare(x, y)
        assert result.relation == "related", (kind, result)


@pytest.mark.parametrize(("kind", "a", "b"), STILL_AGREEING, ids=lambda x: x[:24])
def test_the_true_pair_beside_the_rule_still_agrees(kind: str, a: str, b: str) -> None:
    result = cw.compare(a, b)
    assert result.relation == "agree", (kind, result)


def test_the_reason_says_why_it_is_no_claim() -> None:
    assert "no claim" in cw.compare(*NOT_AGREEING[0][1:3]).reason
    assert "display line" in cw.compare(*NOT_AGREEING[2][1:3]).reason


def test_the_outlets_note_agrees_with_nothing_in_a_corpus() -> None:
    # The corpus path: copies of one note in two unrelated articles are no corroboration.
    note = "Reuters has not verified these stories and does not vouch for their accuracy."
    corpus = cw.Corpus.from_texts(
        [
            f"Beirut newspapers led with the cabinet crisis on Thursday.\n{note}",
            f"Sarajevo papers led with the election campaign on Thursday.\n{note}",
        ],
        sources=["outlet0", "outlet1"],
    )
    pairs = corpus.align().pairs()
    assert not pairs["relation"].isin(["agree", "conflict"]).any(), pairs


def test_a_template_with_rival_names_does_not_agree_but_its_paraphrase_does() -> None:
    a = "Germany sent tanks to Ukraine."
    assert cw.compare(a, "Germany sent tanks to Poland.").relation == "related"
    assert cw.compare(a, "Germany delivered tanks to Ukraine.").relation == "agree"


def test_figures_of_different_things_do_not_conflict_but_of_one_thing_do() -> None:
    steel = "Argentine raw steel output was 355,900 tonnes in July, 14.8 percent higher than in July 1995."
    iron = "Primary iron output was 297,700 tonnes, 14.5 percent more than last July."
    assert cw.compare(steel, iron).relation != "conflict"
    one = cw.compare(
        "Argentine raw steel output was 355,900 tonnes in July.",
        "Argentine raw steel output was 298,000 tonnes in July.",
    )
    assert one.relation == "conflict", one


def test_a_name_and_an_age_conflict_with_no_count() -> None:
    r = cw.compare(
        "Brunswijk, 35.", "Brunswijk led a rebel group of about 1,000 in a 1986 uprising."
    )
    assert r.relation != "conflict", r
    r = cw.compare(
        "As many as 20,000 people have fled Kherson.", "Closer to 1,000 people have fled Kherson."
    )
    assert r.relation == "conflict", r


# Session 23 (`src/align/apart.rs`): claims of one kind that are two propositions, each
# beside its true paraphrase. (kind, claim, near miss: neither agree nor conflict, paraphrase)
TOLD_APART = [
    (
        "ordinal",
        "The Albanian parliament failed for the second time to elect a new president.",
        "The Albanian parliament failed for the third time to elect a new president.",
        "For the second time, the Albanian parliament failed to elect a new president.",
    ),
    (
        "expectation",
        "The hijacked plane is expected to land at Stansted airport on Tuesday.",
        "The hijacked plane landed at Stansted airport on Tuesday.",
        "The hijacked plane is expected to land at Stansted on Tuesday.",
    ),
    (
        "forecast",
        "Economists forecast that exports would rise 12 percent in July.",
        "Exports rose 9 percent in July, the ministry said.",
        "Economists forecast a 12 percent rise in exports in July.",
    ),
    (
        "index-two-days",
        "The 30-share index rose 10.3 points to 2,801.5, dealers said.",
        "The 30-share index rose 12.6 points to 2,803.8.",
        "The 30-share index gained 10.3 points to close at 2,801.5.",
    ),
    (
        "distance-only",
        "The town lies 60 km (40 miles) from the capital.",
        "The village is 60 km (40 miles) to the north.",
        None,
    ),
    (
        "stock-line",
        "Further details were not immediately available.",
        "Further details were not immediately available.",
        None,
    ),
    (
        "stock-line",
        "The company declined to comment on the report.",
        "The company declined to comment on the report.",
        None,
    ),
]

# True pairs of the same shapes that must still agree.
STILL_ONE = [
    (
        "named-stock-line",
        "Further details of the Kabul attack were not immediately available.",
        "Further details of the Kabul attack were not immediately available.",
    ),
    (
        "long-copy",
        "After a search of the aircraft following the hijack, police found only knives and "
        "fake explosives.",
        "After a search of the aircraft following the hijackers' surrender, police found only "
        "knives and fake explosives.",
    ),
    (
        "ordinal-in-a-name",
        "In Falluja on Thursday, two grenades were thrown at soldiers from the Third Armored "
        "Cavalry Regiment, wounding seven.",
        "In Falluja, two grenades were thrown Thursday at soldiers from the 3rd Armored Cavalry "
        "Regiment, wounding seven.",
    ),
    (
        "expected-against-a-plan",
        "Trump is also expected to meet with Kim in May or early June.",
        "President Donald Trump is preparing to meet Kim in May or early June.",
    ),
    (
        "as-expected",
        "Consumer prices rose 0.3 percent in July, as expected.",
        "Consumer prices increased 0.3 percent in July.",
    ),
]


@pytest.mark.parametrize(("kind", "a", "b", "p"), TOLD_APART, ids=lambda x: str(x)[:24])
def test_one_kind_two_propositions_neither_agree_nor_conflict(
    kind: str, a: str, b: str, p: str | None
) -> None:
    for x, y in ((a, b), (b, a)):
        result = cw.compare(x, y)
        assert result.relation == "related", (kind, result)
    if p is not None:
        assert cw.compare(a, p).relation == "agree", (kind, cw.compare(a, p))


@pytest.mark.parametrize(("kind", "a", "b"), STILL_ONE, ids=lambda x: x[:24])
def test_the_same_shape_told_once_still_agrees(kind: str, a: str, b: str) -> None:
    result = cw.compare(a, b)
    assert result.relation == "agree", (kind, result)


def test_an_expectation_does_not_conflict_with_the_result_in_a_corpus() -> None:
    # The corpus path, two voices of one report (a conflict is allowed between them).
    corpus = cw.Corpus.from_texts(
        [
            "Net profit fell six percent to A$1.26 billion, the company said.\n"
            "Analysts had on average expected a net profit of A$1.343 billion."
        ]
    )
    pairs = corpus.align().pairs()
    assert not (pairs["relation"] == "conflict").any(), pairs


def test_a_conversion_in_brackets_is_shown_with_its_figure() -> None:
    r = cw.compare(
        "Rebels shelled Shali, 30 km (20 miles) south of Grozny.",
        "Rebels shelled Shali, 30 km south of Grozny.",
    )
    assert r.relation == "agree", r
    assert "30 km (20 miles)" in r.reason, r
