"""What the core says about each claim beyond its words: its figures (entity mentions with
value, unit and bounds) and the day it is about. Dates of sample-corpus claims were checked by
hand against the articles: 000 and 001 are dated 2022-11-08 (a Tuesday), 002 is undated."""

from __future__ import annotations

import datetime as dt
import math

import crosswire as cw
import pandas as pd
import pytest
from crosswire import display, frames
from crosswire.alignment import _figure_layer
from crosswire.markup import render_spans
from crosswire.reporting import model

D0, D1, D2 = "000_9d7fe53fd889174e", "001_9dfa54e588b8d208", "002_5ae856ba477d4853"


def claim(corpus: cw.Corpus, doc: str, words: str) -> cw._core.Claim:
    found = [c for c in corpus[doc].claims if words in c.text]
    assert len(found) == 1, (words, [c.text for c in found])
    return found[0]


# -- figures ------------------------------------------------------------------------------------


def test_figures_are_mentions_with_values_and_bounds(sample):
    c = claim(sample, D0, "prewar population of nearly 300,000")
    assert [(f.text, f.label, f.value, f.upper) for f in c.figures] == [
        ("nearly 300,000", "CARDINAL", 300_000.0, 300_000.0)
    ]
    assert sample[D0].text[c.figures[0].start : c.figures[0].end] == "nearly 300,000"
    pay = claim(sample, D1, "a one-time payment of 100,000 rubles")
    assert [(f.text, f.value, f.unit, f.approximate) for f in pay.figures] == [
        ("100,000 rubles", 100_000.0, "RUB", False),
        ("about 1,600 euros", 1_600.0, "EUR", True),
    ]
    lines = claim(sample, D0, "dismantled 1.5 km of power lines")
    assert [(f.label, f.value, f.unit) for f in lines.figures] == [("QUANTITY", 1.5, "km")]


def test_ranks_are_figures_as_the_entity_labels_say(sample):
    c = claim(sample, "003_7878a072beb5b911", "the second largest city in Ukraine")
    assert [(f.text, f.label, f.value) for f in c.figures] == [("second", "ORDINAL", 2.0)]
    assert "ORDINAL" in frames.FIGURE_LABELS and "DATE" not in frames.FIGURE_LABELS
    assert frames.TIME_LABELS == {"DATE", "TIME"}


def test_every_claim_figure_is_a_figure_mention_inside_the_claim(sample):
    mentions = sample.entities()
    for doc in sample:
        inside = mentions[
            (mentions["doc"] == doc.name) & mentions["label"].isin(frames.FIGURE_LABELS)
        ]
        for c in doc.claims:
            expected = [
                (int(s), int(e))
                for s, e in zip(inside["start"], inside["end"])
                if c.start <= s and e <= c.end
            ]
            assert [(f.start, f.end) for f in c.figures] == expected, c


def test_tables_carry_the_same_figures_as_the_objects(sample):
    claims = sample.claims()
    objects = {c.claim: c for doc in sample for c in doc.claims}
    assert list(claims["figures"]) == [
        [f.text for f in objects[k].figures] for k in claims["claim"]
    ]
    table = frames.claim_figures(sample)
    rows = list(
        zip(
            table["claim"],
            table["start"],
            table["end"],
            table["label"],
            table["value"],
            table["unit"],
        )
    )
    expected = [
        (k, f.start, f.end, f.label, f.value, f.unit)
        for k in claims["claim"]
        for f in objects[k].figures
    ]
    assert len(rows) == len(expected) > 25
    for got, want in zip(rows, expected):
        assert got[:5] == want[:5] and (got[5] == want[5] or (pd.isna(got[5]) and want[5] is None))
    assert table["value"].dtype == "float64" and not table["value"].isna().any()


def test_displays_mark_exactly_the_claims_figures(sample):
    doc = sample[D1]
    html = display.claims_html(doc, doc.claims)
    assert html.count("rgba(255, 196, 0") == sum(len(c.figures) for c in doc.claims)
    pay = claim(sample, D1, "a one-time payment of 100,000 rubles")
    spans = [(f.start - pay.start, f.end - pay.start) for f in pay.figures]
    marked = render_spans(pay.text, [_figure_layer(pay.text, spans)])
    assert marked.count("<mark") == 2 and ">about 1,600 euros</mark>" in marked
    views = model.build(sample).claims
    view = next(v for v in views if v.id == pay.claim)
    lo = view.context_start
    assert [(lo + a, lo + b) for a, b in view.figure_spans] == [
        (f.start, f.end) for f in pay.figures
    ]


# -- the day a claim is about -------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc, words, day",
    [
        # `early Tuesday` in an article of Tuesday 2022-11-08.
        (D0, "hits on a Russian anti-aircraft facility", "2022-11-08"),
        # `the start of October` is 1-10 October to the entity stage: its day nearest the article.
        (D0, "Recapturing it has been the main focus", "2022-10-10"),
        # `in recent months` runs up to the article's date.
        (D0, "the talks had been taking place in recent months", "2022-11-08"),
        # A year names no day: the article's date.
        (D1, "annexed by Putin in", "2022-11-08"),
        # No date in the claim: the article's date.
        (D1, "it launched bombing raids on a Russian anti-aircraft", "2022-11-08"),
        # `on Wednesday` in an undated article resolves to nothing.
        (D2, "destroyed five ammunition depots", None),
    ],
)
def test_sample_claims_are_dated_by_hand(sample, doc, words, day):
    c = claim(sample, doc, words)
    assert c.date == day
    row = sample.claims().set_index("claim").loc[c.claim]
    assert (row["date"] if isinstance(row["date"], str) else None) == day


def test_a_day_named_in_the_claim_beats_the_article_date():
    corpus = cw.Corpus.from_texts(
        [
            "Officials said the bridge was destroyed on Nov. 9, 2022.",
            "Kyiv said the troops crossed the river on Wednesday.",
            "Kyiv said the troops crossed the river on Wednesday.",
            "Kyiv said the troops crossed the river.",
        ],
        dates=["2022-11-12", "2022-11-10", None, None],
    )
    assert [[c.date for c in doc.claims] for doc in corpus] == [
        ["2022-11-09"],
        ["2022-11-09"],
        [None],
        [None],
    ]


def test_claim_dates_for_plots_come_from_the_claims_table(sample):
    plots = pytest.importorskip("crosswire.plots")
    dated = plots.claim_dates(sample)
    claims = sample.claims()
    with_date = claims[claims["date"].notna()]
    assert list(dated["claim"]) == list(with_date["claim"])
    assert list(dated["date"]) == [dt.date.fromisoformat(d) for d in with_date["date"]]
    # Only the two dated articles date their claims.
    assert set(dated["doc"]) == {D0, D1}
    assert dt.date(2022, 10, 10) in set(dated["date"])
    assert not any(isinstance(d, float) and math.isnan(d) for d in dated["date"])
