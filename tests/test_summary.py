"""Document sizes come from the core's counts, in code points, without building span objects."""

from __future__ import annotations

import datetime as dt

import crosswire as cw
from crosswire import summary


def test_a_hand_made_document_is_counted_in_code_points():
    text = " date 2022-11-08\nКиїв said the bridge was down.\n\nMore Stories"
    doc = cw.Corpus.from_texts([text])[0]
    row = summary.document_summary(doc)
    assert (row.name, row.date) == ("0", dt.date(2022, 11, 8))
    assert row.characters == len(text) == 61 != len(text.encode("utf-8"))
    # `date 2022-11-08` (metadata) and `More Stories` (navigation): 15 + 12 characters.
    assert row.boilerplate_characters == 27
    assert row.sentences == 3
    assert row.tokens == 2 + 7 + 2


def test_sample_sizes_agree_with_the_span_objects(sample):
    rows = summary.corpus_summary(sample)
    assert [r.name for r in rows] == sample.names
    for doc, row in zip(sample, rows):
        assert row.characters == len(doc.text)
        assert row.tokens == len(doc.tokens) == len(list(doc.tokens))
        assert row.sentences == len(doc.sentences)
        assert row.boilerplate_characters == sum(b.end - b.start for b in doc.boilerplate) > 0
    total = summary.totals(rows)
    assert total.tokens == len(sample.tokens()) and total.sentences == len(sample.sentences())


def test_an_empty_document_has_no_sizes():
    row = summary.document_summary(cw.Corpus.from_texts([""])[0])
    assert (row.characters, row.tokens, row.sentences, row.boilerplate_characters) == (0, 0, 0, 0)
    assert row.boilerplate_share == 0.0
