"""Syntax from Python: token attributes, the token table's columns, displaCy's dependency
format and the spaCy Doc, on the sample corpus, hand-made sentences and any text."""

from __future__ import annotations

import pickle
import sys

import crosswire as cw
import pandas as pd
import pytest
from hypothesis import given, settings
from test_offsets import texts


def parse(sentence: str) -> dict[str, tuple[str, str, str]]:
    """Each word of a one-sentence text: (pos, dep, head word)."""
    doc = cw.Corpus.from_texts([sentence])[0]
    return {t.text: (t.pos, t.dep, t.head.text) for t in doc.tokens}


def assert_trees(doc: cw.Document) -> None:
    """Every head in the token's own sentence, one root per sentence, no cycles."""
    tokens = list(doc.tokens)
    heads = [t.head.i for t in tokens]
    sentence_of = []
    for t in tokens:
        inside = [k for k, s in enumerate(doc.sentences) if s.start <= t.start and t.end <= s.end]
        assert len(inside) == 1, f"{t!r} lies in {len(inside)} sentences"
        sentence_of.append(inside[0])
    roots = [0] * len(doc.sentences)
    for i, head in enumerate(heads):
        assert sentence_of[head] == sentence_of[i], f"{tokens[i]!r} -> {tokens[head]!r}"
        if head == i:
            roots[sentence_of[i]] += 1
            assert tokens[i].dep == "root"
        at = i
        for _ in range(len(tokens)):
            at = heads[at]
        assert heads[at] == at, f"a cycle through {tokens[i]!r}"
    # A sentence of whitespace-free text has tokens, so exactly one root.
    assert all(r == 1 for r, s in zip(roots, doc.sentences) if s.text.strip()), roots


def test_sample_documents_are_trees(sample):
    for doc in sample:
        assert_trees(doc)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Russia denied the report.",
            {"denied": ("VERB", "root", "denied"), "Russia": ("PROPN", "nsubj", "denied")}
            | {"report": ("NOUN", "obj", "denied"), "the": ("DET", "det", "report")},
        ),
        (
            "The mayor said the bridge was destroyed.",
            {"said": ("VERB", "root", "said"), "mayor": ("NOUN", "nsubj", "said")}
            | {
                "destroyed": ("VERB", "ccomp", "said"),
                "bridge": ("NOUN", "nsubj:pass", "destroyed"),
            }
            | {"was": ("AUX", "aux:pass", "destroyed")},
        ),
        (
            "Ukrainian forces did not enter Kherson on Friday.",
            {"enter": ("VERB", "root", "enter"), "forces": ("NOUN", "nsubj", "enter")}
            | {"not": ("PART", "advmod", "enter"), "Kherson": ("PROPN", "obj", "enter")}
            | {"Friday": ("PROPN", "obl", "enter"), "on": ("ADP", "case", "Friday")},
        ),
    ],
)
def test_hand_made_sentences_get_their_parse(sentence, expected):
    got = parse(sentence)
    assert {w: got[w] for w in expected} == expected


def test_token_attributes(sample):
    doc = sample[0]
    tokens = list(doc.tokens)
    root = next(t for t in tokens if t.dep == "root")
    assert root.head == root and root.i == tokens.index(root)
    for t in tokens[:200]:
        assert t in t.head.children or t.head == t
        assert all(c.head == t for c in t.children)
        assert t.pos in {"NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "PRON"} | {
            "NUM",
            "PUNCT",
            "CCONJ",
            "SCONJ",
            "PART",
            "SYM",
            "INTJ",
            "X",
        }
        assert isinstance(t.tag, str) and t.tag and isinstance(t.lemma, str)
    said = [t for t in tokens if t.text == "said"]
    assert said and all(t.lemma == "say" and t.pos == "VERB" for t in said)


def test_verbs_with_a_silent_e_and_whole_word_rules_lemmatize(sample):
    """Two lemmatizer defects, in the sample corpus and a hand-made sentence: an undoubled
    consonant before `-ed` lost its `e` (`declined` -> `declin`), and a rule learned from one
    whole word rewrote others (`Sudanese` -> `Japanese`)."""
    tokens = sample.tokens()
    declined = tokens[tokens["text"] == "declined"]
    assert len(declined) and declined["lemma"].eq("decline").all()
    made = cw.Corpus.from_texts(["The Sudanese envoy shared and voted; visitors stared."])
    lemmas = dict(zip(made.tokens()["text"], made.tokens()["lemma"]))
    assert [lemmas[w] for w in ("Sudanese", "shared", "voted", "stared")] == [
        "sudanese",
        "share",
        "vote",
        "stare",
    ]


def test_a_token_without_a_document_has_no_syntax(sample):
    made = cw._core.Token(0, 5, "Kyiv.", "word")
    assert (made.i, made.pos, made.tag, made.lemma, made.dep, made.head) == (None,) * 6
    assert made.children == []
    token = sample[0].tokens[3]
    again = pickle.loads(pickle.dumps(token))
    assert again == token and again.pos is None
    assert cw.explain("Kyiv said.")[0][1].pos is None


def test_syntax_runs_when_asked_for_or_when_claims_need_it():
    corpus = cw.Corpus.from_texts(["Officials said the bridge was destroyed."])
    corpus.entities()
    assert "syntax" not in corpus._core.ready()
    assert corpus[0].tokens[1].lemma == "say"
    assert "syntax" in corpus._core.ready()
    # Claims read cues and speakers from the parse (issue 10).
    other = cw.Corpus.from_texts(["Officials said the bridge was destroyed."])
    other.claims()
    assert "syntax" in other._core.ready()


def test_token_table_columns_and_dtypes(sample):
    df = sample.tokens()
    # After the text columns (tests/test_tables.py), the syntax, as design.md lists it.
    assert list(df.columns)[7:] == ["pos", "tag", "lemma", "head", "dep"]
    for name in ("pos", "tag", "dep"):
        assert isinstance(df[name].dtype, pd.CategoricalDtype), name
    assert df["head"].dtype == "int64" and df["lemma"].map(type).eq(str).all()
    doc = sample[2]
    part = df[df["doc"] == doc.name]
    assert list(
        part[["pos", "tag", "lemma", "head", "dep"]].itertuples(index=False, name=None)
    ) == [(t.pos, t.tag, t.lemma, t.head.i, t.dep) for t in doc.tokens]
    # A head is the i of a token of the same document.
    assert ((part["head"] >= 0) & (part["head"] < len(part))).all()


def test_displacy_dep_format():
    doc = cw.Corpus.from_texts(["Russia denied the report. Kyiv said it was true."])[0]
    data = doc.to_displacy(style="dep")
    assert set(data) == {"words", "arcs", "title"} and data["title"] == doc.name
    assert data["words"][:2] == [
        {"text": "Russia", "tag": "PROPN"},
        {"text": "denied", "tag": "VERB"},
    ]
    assert len(data["words"]) == len(doc.tokens)
    # One arc per token but the roots (two sentences), each from left to right.
    assert len(data["arcs"]) == len(doc.tokens) - 2
    assert {"start": 0, "end": 1, "label": "nsubj", "dir": "left"} in data["arcs"]
    assert {"start": 1, "end": 3, "label": "obj", "dir": "right"} in data["arcs"]
    assert all(a["start"] < a["end"] and a["dir"] in ("left", "right") for a in data["arcs"])
    assert doc.to_displacy()["ents"] == doc.to_displacy(style="ent")["ents"]
    with pytest.raises(ValueError, match="style must be 'ent' or 'dep', not 'tree'"):
        doc.to_displacy(style="tree")


def test_displacy_renders_the_dep_format():
    displacy = pytest.importorskip("spacy.displacy")
    doc = cw.Corpus.from_texts(["Russia denied the report."])[0]
    svg = displacy.render(doc.to_displacy(style="dep"), style="dep", manual=True)
    assert "nsubj" in svg and "denied" in svg


def test_to_spacy_round_trip(sample):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    doc = sample[1]
    out = doc.to_spacy(nlp)
    tokens = list(doc.tokens)
    assert [t.text for t in out] == [t.text for t in tokens]
    assert [(t.pos_, t.tag_, t.lemma_, t.dep_, t.head.i) for t in out] == [
        (t.pos, t.tag, t.lemma, t.dep, t.head.i) for t in tokens
    ]
    syntax = doc._doc.syntax_columns()
    assert [t.is_sent_start for t in out][1:] == syntax["sent_start"][1:]
    # Spaces from the text: each token followed by whitespace in crosswire has a space.
    for t, s in zip(tokens, out):
        assert bool(s.whitespace_) == (t.end < len(doc.text) and doc.text[t.end].isspace())

    # Entities as token spans, with crosswire's labels and ids; of overlapping ones the longest.
    def token_span(e):
        inside = [t.i for t in tokens if e.start <= t.start and t.end <= e.end]
        return (inside[0], inside[-1] + 1)

    expected = {token_span(e): (e.label, e.entity or "") for e in doc.entities}
    got = {(e.start, e.end): (e.label_, e.kb_id_) for e in out.ents}
    assert got.items() <= expected.items()
    alone = [
        span
        for span in expected
        if not any(o != span and o[0] < span[1] and span[0] < o[1] for o in expected)
    ]
    assert len(alone) > 50 and set(alone) <= set(got)
    # A Vocab works as well as a pipeline.
    assert len(doc.to_spacy(nlp.vocab)) == len(tokens)


def test_to_spacy_without_spacy_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.setitem(sys.modules, "spacy.tokens", None)
    doc = cw.Corpus.from_texts(["Kyiv said."])[0]
    with pytest.raises(ImportError, match="pip install spacy"):
        doc.to_spacy(None)


@settings(max_examples=60, deadline=None)
@given(texts)
def test_any_text_gets_valid_heads(text):
    doc = cw.Corpus.from_texts([text])[0]
    df = doc.corpus.tokens()
    n = len(df)
    assert ((df["head"] >= 0) & (df["head"] < max(n, 1))).all()
    assert_trees(doc)
