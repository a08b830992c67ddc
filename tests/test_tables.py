"""``doc.tokens`` (a view), ``doc.sentences``, ``doc.boilerplate`` and the DataFrames agree."""

from __future__ import annotations

import crosswire as cw
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_offsets import texts


def rows(df: pd.DataFrame, doc: str, columns: list[str]) -> list[tuple]:
    part = df[df["doc"] == doc]
    assert part["i"].tolist() == list(range(len(part))), "i counts 0.. within each document"
    return list(part[columns].itertuples(index=False, name=None))


def test_token_table_schema(sample):
    df = sample.tokens()
    assert list(df.columns)[:7] == ["doc", "i", "start", "end", "text", "kind", "boilerplate"]
    assert isinstance(df["doc"].dtype, pd.CategoricalDtype)
    assert list(df["doc"].cat.categories) == sample.names
    for col in ("i", "start", "end"):
        assert pd.api.types.is_integer_dtype(df[col]), col
    assert df["boilerplate"].dtype == bool
    assert len(df) == sum(len(d.tokens) for d in sample)


def test_sentence_and_boilerplate_table_schema(sample):
    assert list(sample.sentences().columns) == ["doc", "i", "start", "end", "text", "boilerplate"]
    assert list(sample.boilerplate().columns) == ["doc", "i", "start", "end", "text", "kind"]


def test_tables_agree_with_documents(sample):
    tokens, sentences, boilerplate = sample.tokens(), sample.sentences(), sample.boilerplate()
    for doc in sample:
        assert rows(tokens, doc.name, ["start", "end", "text", "kind"]) == [
            (t.start, t.end, t.text, t.kind) for t in doc.tokens
        ]
        assert rows(sentences, doc.name, ["start", "end", "text", "boilerplate"]) == [
            (s.start, s.end, s.text, s.boilerplate) for s in doc.sentences
        ]
        assert rows(boilerplate, doc.name, ["start", "end", "text", "kind"]) == [
            (b.start, b.end, b.text, b.kind) for b in doc.boilerplate
        ]


def test_token_boilerplate_flag_means_inside_a_boilerplate_span(sample):
    df = sample.tokens()
    for doc in sample:
        flags = df.loc[df["doc"] == doc.name, "boilerplate"].tolist()
        expected = [
            any(b.start <= t.start and t.end <= b.end for b in doc.boilerplate) for t in doc.tokens
        ]
        assert flags == expected
    assert df["boilerplate"].any(), "the sample has metadata lines"


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_token_table_rows_match_views_for_any_text(bodies):
    corpus = cw.Corpus.from_texts(bodies)
    df = corpus.tokens()
    for doc in corpus:
        assert rows(df, doc.name, ["start", "end", "text", "kind"]) == [
            (t.start, t.end, t.text, t.kind) for t in doc.tokens
        ]


# -- the Tokens view --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def doc(sample):
    return sample["003_7878a072beb5b911"]


def test_view_indexing_matches_the_table(sample, doc):
    df = sample.tokens()
    table = rows(df, doc.name, ["start", "end", "text", "kind"])
    toks = doc.tokens
    assert isinstance(toks, cw._core.Tokens)
    assert len(toks) == len(table)
    for i in (0, 1, len(table) // 2, len(table) - 1):
        t = toks[i]
        assert (t.start, t.end, t.text, t.kind) == table[i]
        assert toks[i - len(table)] == t  # the negative index of the same token
    assert [(t.start, t.end, t.text, t.kind) for t in toks] == table  # iteration
    assert [t.text for t in reversed(toks)] == [r[2] for r in reversed(table)]


def test_slices_are_views(doc):
    toks = doc.tokens
    everything = list(toks)
    n = len(everything)
    for sl in (
        slice(2, 7),
        slice(-5, None),
        slice(None, 3),
        slice(10, 2),
        slice(n - 1, n + 10),
        slice(None),
    ):
        view = toks[sl]
        assert isinstance(view, cw._core.Tokens), sl
        assert list(view) == everything[sl]
        assert len(view) == len(everything[sl])
    inner = toks[10:30][5:8]
    assert isinstance(inner, cw._core.Tokens)
    assert list(inner) == everything[15:18]
    assert inner[-1] == everything[17]
    assert toks[10:30][-1] == everything[29]


def test_stepped_slices_are_lists(doc):
    toks = doc.tokens
    everything = list(toks)
    assert toks[::2] == everything[::2]
    assert toks[::-1] == everything[::-1]
    assert toks[20:2:-3] == everything[20:2:-3]
    assert toks[5:10][::-1] == everything[5:10][::-1]


def test_view_index_errors(doc):
    toks = doc.tokens
    n = len(toks)
    with pytest.raises(IndexError, match=f"token index {n} out of range for {n} tokens"):
        toks[n]
    with pytest.raises(IndexError, match=f"token index {-n - 1} out of range"):
        toks[-n - 1]
    with pytest.raises(IndexError, match="out of range for 3 tokens"):
        toks[:3][3]
    with pytest.raises(IndexError):
        toks[10**30]
    with pytest.raises(TypeError, match="token indices must be integers or slices, not str"):
        toks["a"]
    with pytest.raises(TypeError, match="not float"):
        toks[1.0]


def test_view_accepts_numpy_integers(doc):
    import numpy as np

    assert doc.tokens[np.int64(3)] == doc.tokens[3]
    assert doc.tokens[np.int32(-1)] == doc.tokens[-1]


def test_view_repr(doc):
    assert repr(doc.tokens[:4]) == '<Tokens: 4 tokens of "003_7878a072beb5b911">'


def test_empty_document_view():
    toks = cw.Corpus.from_texts([""])[0].tokens
    assert len(toks) == 0 and list(toks) == [] and list(toks[0:5]) == []
    with pytest.raises(IndexError):
        toks[0]
