"""Frames: who did what to whom, per claim (``claim.frame``, the frame columns of
``corpus.claims()``), and alignment gated by them (``cw.compare``, ``corpus.align()``).

Sentences are hand-made, chosen so that the shipped parser reads them right: these tests pin
what the frames do with a parse, not the parser.
"""

from __future__ import annotations

import pickle

import crosswire as cw
import pytest
from crosswire._core import Frame

FRAME_COLUMNS = ["predicate", "event", "agent", "patient", "recipient", "place", "time", "modality"]


@pytest.fixture(scope="module")
def corpus() -> cw.Corpus:
    return cw.Corpus.from_texts(
        [
            "Officials said Russia looted homes in Kherson on Friday. "
            "Officials said Putin is unlikely to meet the Queen. "
            "The mayor said the bridge was not destroyed."
        ]
    )


def _claim(corpus: cw.Corpus, words: str):
    (claim,) = [c for c in corpus[0].claims if words in c.text]
    return claim


def test_claim_frame_has_roles_with_spans_and_entity_ids(corpus: cw.Corpus) -> None:
    claim = _claim(corpus, "looted")
    f = claim.frame
    assert (f.agent, f.place, f.time) == ("Russia", "Kherson", "Friday")
    assert f.patient.startswith("homes")
    assert not f.negated and f.modality is None
    text = corpus[0].text
    roles = {role: (start, end, entity) for role, _, start, end, entity in f.arguments}
    for role, words, start, end, _ in f.arguments:
        assert text[start:end] == words, role
    assert roles["agent"][2] == "GPE:russia"
    assert roles["place"][2] is not None and roles["place"][2].startswith("GPE:")
    assert repr(f).startswith("Frame(Russia (agent) · ")


def test_modality_and_negation(corpus: cw.Corpus) -> None:
    meet = _claim(corpus, "Queen").frame
    assert (meet.predicate, meet.modality, meet.agent) == ("meet", "unlikely", "Putin")
    bridge = _claim(corpus, "bridge")
    assert bridge.frame.negated and bridge.frame.predicate == "destroy"
    # A negated frame makes the claim `negated` (a polarity beside asserted and denied).
    assert bridge.polarity == "negated"
    assert _claim(corpus, "looted").polarity == "asserted"


def test_claims_table_has_the_frame_columns(corpus: cw.Corpus) -> None:
    df = corpus.claims()
    assert list(df.columns[-len(FRAME_COLUMNS) :]) == FRAME_COLUMNS
    row = df[df["text"].str.contains("Queen")].iloc[0]
    assert (row["predicate"], row["agent"], row["modality"]) == ("meet", "Putin", "unlikely")
    assert df[df["text"].str.contains("bridge")].iloc[0]["event"] == "attack"


def test_frame_is_a_value_that_pickles(corpus: cw.Corpus) -> None:
    claim = _claim(corpus, "looted")
    assert pickle.loads(pickle.dumps(claim)) == claim
    assert pickle.loads(pickle.dumps(claim.frame)) == claim.frame
    built = Frame("meet", arguments=[("agent", "Putin", 0, 5, "PERSON:putin")])
    assert built.agent == "Putin" and built.patient is None
    with pytest.raises(ValueError, match="unknown frame role"):
        Frame("meet", arguments=[("victim", "x", 0, 1, None)])
    with pytest.raises(ValueError, match="given twice"):
        Frame("meet", arguments=[("agent", "x", 0, 1, None), ("agent", "y", 2, 3, None)])


def test_compare_will_against_unlikely_is_a_conflict() -> None:
    r = cw.compare("Biden will meet the Queen.", "Biden is unlikely to meet the Queen.")
    assert r.relation == "conflict", r.reason
    assert "both say: Biden (agent) · meet (predicate) · the Queen (patient)" in r.reason
    assert "modality clash" in r.reason
    # A hedge (`may`) does not contradict a plain assertion.
    assert cw.compare("Biden will meet the Queen.", "Biden may meet the Queen.").relation != (
        "conflict"
    )


def test_compare_swapped_roles_or_other_predicates_do_not_agree() -> None:
    swapped = cw.compare("Russia shelled the bridge.", "The bridge shelled Russia.")
    assert swapped.relation == "related", swapped.reason
    other = cw.compare("Russia shelled the bridge.", "Russia repaired the bridge.")
    assert other.relation == "related", other.reason


def test_compare_same_frame_agrees_and_names_it() -> None:
    r = cw.compare("Russia shelled the bridge.", "The bridge was shelled by Russia.")
    assert r.relation == "agree", r.reason
    assert "Russia (agent)" in r.reason and "(predicate)" in r.reason
