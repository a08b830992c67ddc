"""Corpora, documents and spans pickle and come back equal."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import crosswire as cw


def fields(corpus):
    return [(d.name, d.text, d.date, d.source) for d in corpus]


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_sample_round_trips(sample, protocol):
    again = pickle.loads(pickle.dumps(sample, protocol=protocol))
    assert isinstance(again, cw.Corpus)
    assert fields(again) == fields(sample)
    assert again.tokens().equals(sample.tokens())
    assert again.sentences().equals(sample.sentences())


def test_caller_given_dates_and_sources_survive():
    corpus = cw.Corpus.from_texts(
        [" date 2022-11-08 Kyiv said.", "Source: AP\nMoscow denied it.", "plain", ""],
        names=["meta", "src", "given", "empty"],
        dates=[None, None, dt.date(2021, 1, 2), None],
        sources=[None, None, "Reuters", None],
    )
    again = pickle.loads(pickle.dumps(corpus))
    assert fields(again) == fields(corpus) == [
        ("meta", " date 2022-11-08 Kyiv said.", dt.date(2022, 11, 8), None),
        ("src", "Source: AP\nMoscow denied it.", None, "AP"),
        ("given", "plain", dt.date(2021, 1, 2), "Reuters"),
        ("empty", "", None, None),
    ]


def test_a_caller_date_that_overrides_metadata_survives():
    corpus = cw.Corpus.from_texts([" date 2022-11-08 x"], dates=["2020-02-02"])
    assert pickle.loads(pickle.dumps(corpus))[0].date == dt.date(2020, 2, 2)


def test_empty_corpus_round_trips():
    assert len(pickle.loads(pickle.dumps(cw.Corpus.from_texts([])))) == 0


def test_document_pickles_with_its_corpus(sample):
    doc = sample[3]
    again = pickle.loads(pickle.dumps(doc))
    assert (again.name, again.text, again.date) == (doc.name, doc.text, doc.date)
    assert again.corpus.names == sample.names
    assert list(again.tokens) == list(doc.tokens)


def test_spans_are_values_that_pickle(sample):
    doc = sample[0]
    for span in (doc.tokens[5], doc.sentences[1], doc.boilerplate[0]):
        again = pickle.loads(pickle.dumps(span))
        assert type(again) is type(span)
        assert again == span and hash(again) == hash(span)
        assert repr(again) == repr(span)
    assert doc.tokens[5] != doc.tokens[6]


def test_token_constructor_checks_kind():
    assert cw._core.Token(0, 1, "a", "word").kind == "word"
    with pytest.raises(ValueError, match='unknown token kind "bogus"'):
        cw._core.Token(0, 1, "a", "bogus")
