"""Corpora, documents, spans, entities and claims pickle (and deep-copy) and come back equal."""

from __future__ import annotations

import copy
import datetime as dt
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import crosswire as cw
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


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
    assert (
        fields(again)
        == fields(corpus)
        == [
            ("meta", " date 2022-11-08 Kyiv said.", dt.date(2022, 11, 8), None),
            ("src", "Source: AP\nMoscow denied it.", None, "AP"),
            ("given", "plain", dt.date(2021, 1, 2), "Reuters"),
            ("empty", "", None, None),
        ]
    )


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


# -- entities and claims: values that travel to worker processes ---------------------------------

Entity, Claim = cw._core.Entity, cw._core.Claim


def round_trips(obj, protocol=pickle.HIGHEST_PROTOCOL):
    """Pickled and deep-copied, ``obj`` comes back as an equal object of its type."""
    for again in (
        pickle.loads(pickle.dumps(obj, protocol=protocol)),
        copy.deepcopy(obj),
        copy.copy(obj),
    ):
        assert type(again) is type(obj)
        assert again == obj and hash(again) == hash(obj)
        assert repr(again) == repr(obj)
    return pickle.loads(pickle.dumps(obj, protocol=protocol))


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_every_sample_entity_and_claim_round_trips(sample, protocol):
    n = 0
    for doc in sample:
        for e in doc.entities:
            round_trips(e, protocol)
            n += 1
        for c in doc.claims:
            again = round_trips(c, protocol)
            assert (
                again.figures == c.figures and again.date == c.date and again.entities == c.entities
            )
            n += 1
    assert n == len(sample.entities()) + len(sample.claims()) > 800


def test_claims_keep_every_field(sample):
    c = next(c for c in sample["001_9dfa54e588b8d208"].claims if "100,000 rubles" in c.text)
    again = pickle.loads(pickle.dumps(c))
    names = [n for n in dir(Claim) if not n.startswith("_")]
    assert len(names) == 24  # with the speaker, pronoun and cue spans, and the frame
    assert [getattr(again, n) for n in names] == [getattr(c, n) for n in names]
    assert [f.unit for f in again.figures] == ["RUB", "EUR"]


def test_a_documents_claims_pickle_as_a_list(sample):
    claims = sample[0].claims
    again = pickle.loads(pickle.dumps(claims))
    assert type(again) is list and again == list(claims)


def test_a_token_view_pickles_as_its_tokens(sample):
    view = sample[2].tokens[10:40]
    again = pickle.loads(pickle.dumps(view))
    assert again == list(view) and len(again) == 30
    assert copy.deepcopy(sample[2].tokens) == list(sample[2].tokens)


def test_a_changed_field_makes_a_different_value(sample):
    c = sample[0].claims[1]
    fields = {n: getattr(c, n) for n in dir(Claim) if not n.startswith("_")}
    assert Claim(**fields) == c
    assert Claim(**{**fields, "hedged": not c.hedged}) != c
    assert Claim(**{**fields, "date": "2000-01-01"}) != c
    e = next(f for doc in sample for k in doc.claims for f in k.figures)
    efields = {n: getattr(e, n) for n in dir(Entity) if not n.startswith("_")}
    assert Entity(**efields) == e
    assert Entity(**{**efields, "value": e.value + 1}) != e
    assert Entity(**{**efields, "unit": "km"}) != e
    assert Claim(**{**fields, "figures": [e]}) != Claim(**{**fields, "figures": []})


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: Entity(0, 1, "x", "CITY"), 'unknown entity label "CITY"'),
        (lambda: Entity(0, 1, "x", "gpe"), 'unknown entity label "gpe"'),
        (lambda: Entity(0, 1, "x", "GPE", source="oracle"), 'unknown entity source "oracle"'),
        (lambda: Claim("a:0", "a", 0, 1, "x", polarity="maybe"), 'unknown claim polarity "maybe"'),
        (
            lambda: Claim("a:0", "a", 0, 1, "x", quote="whisper"),
            'unknown claim quote kind "whisper"',
        ),
        (
            lambda: Claim("a:0", "a", 0, 1, "x", cue_class="shout"),
            'unknown claim cue class "shout"',
        ),
        (lambda: Claim("a:0", "a", 0, 1, "x", date="2022-11"), "not a YYYY-MM-DD day"),
        (lambda: Claim("a:0", "a", 0, 1, "x", date="2022-02-30"), "not a YYYY-MM-DD day"),
    ],
)
def test_constructors_reject_what_the_core_never_gives(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_constructor_figures_must_be_entities():
    with pytest.raises(TypeError):
        Claim("a:0", "a", 0, 1, "x", figures=[("32", "CARDINAL")])


labels = st.sampled_from(["PERSON", "GPE", "DATE", *sorted(cw._core.FIGURE_LABELS)])
sources = st.sampled_from(
    ["lexicon", "user", "context", "surname", "guess", "figures", "dates", "model"]
)
numbers = st.none() | st.floats(allow_nan=False)
small = st.integers(min_value=0, max_value=2**40)
texts = st.text()
maybe_text = st.none() | texts

entities = st.builds(
    Entity,
    start=small,
    end=small,
    text=texts,
    label=labels,
    entity=maybe_text,
    name=maybe_text,
    source=sources,
    value=numbers,
    unit=maybe_text,
    lower=numbers,
    upper=numbers,
    approximate=st.none() | st.booleans(),
    date=maybe_text,
    relative=st.none() | st.booleans(),
)
days = st.none() | st.dates(min_value=dt.date(1, 1, 1)).map(lambda d: d.isoformat())
claims = st.builds(
    Claim,
    claim=texts,
    doc=texts,
    start=small,
    end=small,
    text=texts,
    speaker=maybe_text,
    speaker_entity=maybe_text,
    pronoun=maybe_text,
    cue=maybe_text,
    cue_class=st.none() | st.sampled_from(["assert", "deny", "figure", "source"]),
    polarity=st.sampled_from(["asserted", "denied"]),
    hedged=st.booleans(),
    quote=st.none() | st.sampled_from(["direct", "indirect", "mixed"]),
    entities=st.lists(texts, max_size=4),
    figures=st.lists(entities, max_size=4),
    when=st.lists(texts, max_size=4),
    date=days,
)


@settings(max_examples=200, deadline=None)
@given(entities)
def test_any_entity_round_trips(e):
    round_trips(e)


@settings(max_examples=200, deadline=None)
@given(claims)
def test_any_claim_round_trips(c):
    round_trips(c)


def echo(objects):
    return objects


def test_claims_and_entities_travel_to_spawned_workers(sample):
    doc = sample["004_23350b8c88186ba0"]
    objects = [*doc.claims, *doc.entities]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        back = pool.submit(echo, objects).result(timeout=120)
    assert back == objects
