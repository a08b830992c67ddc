"""Nothing the core knows is lost at the Python boundary: the spans of a claim's speaker,
pronoun and cue; the tokenizer's rule for every token (``cw.explain``); and the alignment,
computed once per corpus."""

from __future__ import annotations

import inspect
import pickle
import threading

import crosswire as cw
import pytest
from crosswire import frames
from hypothesis import given, settings
from hypothesis import strategies as st

# -- claim spans -------------------------------------------------------------------------------


def test_a_claims_speaker_and_cue_spans_in_code_points():
    text = "💥 Olena Kovalenko said the bridge fell. She said 3 died."
    doc = cw.Corpus.from_texts([text])[0]
    first, second = doc.claims
    assert (first.speaker_start, first.speaker_end) == (2, 17)  # after one emoji code point
    assert (first.cue_start, first.cue_end) == (18, 22)
    assert (first.pronoun_start, first.pronoun_end) == (None, None)
    assert text[second.pronoun_start : second.pronoun_end] == "She"
    assert text[second.cue_start : second.cue_end] == "said"
    # The pronoun stands for the speaker named before it: the span is where the name is.
    assert (second.speaker_start, second.speaker_end) == (2, 17)


def test_an_unattributed_claim_has_no_spans():
    (claim,) = cw.Corpus.from_texts(["The bridge fell on Monday."])[0].claims
    assert claim.speaker is None and claim.cue is None
    assert {
        claim.speaker_start,
        claim.speaker_end,
        claim.pronoun_start,
        claim.pronoun_end,
        claim.cue_start,
        claim.cue_end,
    } == {None}


def _cue_words(cue: str) -> list[str]:
    return [w for part in cue.split("…") for w in part.split()]


def test_every_span_of_the_sample_is_the_text_it_names(sample):
    seen = {"speaker": 0, "pronoun": 0, "split cue": 0}
    for doc in sample:
        for c in doc.claims:
            for part in ("speaker", "pronoun"):
                value, start, end = (getattr(c, f"{part}{x}") for x in ("", "_start", "_end"))
                if value is None:
                    assert start is None and end is None
                else:
                    assert doc.text[start:end] == value
                    seen[part] += 1
            if c.cue is None:
                assert c.cue_start is None and c.cue_end is None
                continue
            words = _cue_words(c.cue)
            span = doc.text[c.cue_start : c.cue_end]
            assert span.split()[0] == words[0] and span.split()[-1] == words[-1]
            if "…" in c.cue:
                seen["split cue"] += 1
    # The sample has speakers, pronouns and split cues (`described … as`) to check.
    assert all(seen.values()), seen


def test_spans_pickle_and_compare(sample):
    claims = [c for doc in sample for c in doc.claims if c.pronoun]
    assert claims
    assert pickle.loads(pickle.dumps(claims)) == claims
    moved = cw._core.Claim(**{**_fields(claims[0]), "cue_end": claims[0].cue_end + 1})
    assert moved != claims[0]


def _fields(claim: cw._core.Claim) -> dict:
    return {name: getattr(claim, name) for name in inspect.signature(cw._core.Claim).parameters}


@pytest.mark.parametrize(
    "start, end, message",
    [(3, None, "speaker_start and speaker_end"), (5, 2, "speaker_start 5 is after")],
)
def test_a_claim_built_by_hand_checks_its_spans(start, end, message):
    with pytest.raises(ValueError, match=message):
        cw._core.Claim("c", "d", 0, 1, "x", speaker_start=start, speaker_end=end)


def test_span_table_lines_up_with_the_claims_table(sample):
    claims, spans = sample.claims(), frames.claim_spans(sample)
    assert list(spans.columns) == frames.CLAIM_SPAN_COLUMNS
    assert spans["claim"].tolist() == claims["claim"].tolist()
    assert str(spans["speaker_start"].dtype) == "Int64"
    has_speaker = claims["speaker"].notna()
    assert (spans["speaker_start"].notna() == has_speaker).all()
    for row, span in zip(claims[has_speaker].itertuples(), spans[has_speaker].itertuples()):
        text = sample[row.doc].text
        assert text[span.speaker_start : span.speaker_end] == row.speaker
    # The public table keeps design.md's columns.
    assert "speaker_start" not in claims.columns


names = st.sampled_from(["Olena Kovalenko", "Dmytro Kuleba", "Volodímir Zelenski", "Reuters"])
noise = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=30
)


@settings(max_examples=60, deadline=None)
@given(noise, names, st.sampled_from(["said", "told reporters", "denied"]), noise)
def test_spans_are_code_points_whatever_comes_before(prefix, name, cue, suffix):
    text = f"{prefix}\n\n{name} {cue} that 32 soldiers were killed. {suffix}"
    for c in cw.Corpus.from_texts([text])[0].claims:
        if c.speaker is not None:
            assert text[c.speaker_start : c.speaker_end] == c.speaker
        if c.cue is not None:
            assert text[c.cue_start : c.cue_end].split()[0] == _cue_words(c.cue)[0]


# -- explain -----------------------------------------------------------------------------------


def test_explain_names_the_rule_of_each_token():
    got = [(rule, t.text, t.kind) for rule, t in cw.explain("Gen. Budanov’s 💥 war, in U.S.")]
    assert got == [
        ("special:abbreviation", "Gen.", "word"),
        ("word", "Budanov", "word"),
        ("suffix:clitic", "’s", "word"),
        ("match:emoji", "💥", "emoji"),
        ("word", "war", "word"),
        ("punct", ",", "punct"),
        ("word", "in", "word"),
        ("special:dotted_acronym", "U.S.", "word"),
    ]


def test_explain_gives_the_documents_tokens(sample):
    for doc in sample:
        explained = cw.explain(doc.text)
        assert [t for _, t in explained] == list(doc.tokens)
        assert all(rule for rule, _ in explained)


@settings(max_examples=80, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_explain_offsets_are_string_indices(text):
    explained = cw.explain(text)
    for _, t in explained:
        assert text[t.start : t.end] == t.text
    assert [t for _, t in explained] == list(cw.Corpus.from_texts([text])[0].tokens)


def test_explain_refuses_what_is_not_text():
    with pytest.raises(TypeError, match="bytes, not str: decode it first"):
        cw.explain(b"Kyiv said.")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="int, not str"):
        cw.explain(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="text is not valid Unicode at character 5"):
        cw.explain("Kyiv \ud800 said.")
    assert cw.explain("") == []


# -- alignment, once ---------------------------------------------------------------------------


class CountingCore:
    """Stands in for a corpus's core object, counting the alignment runs."""

    def __init__(self, core):
        self._core = core
        self.aligned = 0

    def analyse_alignment(self):
        self.aligned += 1
        return self._core.analyse_alignment()

    def __getattr__(self, name):
        return getattr(self._core, name)


def test_align_runs_once_and_returns_the_same_alignment():
    corpus = cw.datasets.kherson_2022()
    corpus._core = counting = CountingCore(corpus._core)
    first = corpus.align()
    assert corpus.align() is first and corpus.align() is first
    assert counting.aligned == 1
    assert first.pairs().equals(corpus.align().pairs())


def test_threads_asking_at_once_share_one_alignment():
    corpus = cw.datasets.kherson_2022()
    got = []
    threads = [threading.Thread(target=lambda: got.append(corpus.align())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert len(got) == 8 and all(a is got[0] for a in got)
    assert corpus.align() is got[0]


def test_a_copy_aligns_afresh_and_equally():
    corpus = cw.datasets.kherson_2022()
    aligned = corpus.align()
    copy = pickle.loads(pickle.dumps(corpus))
    assert copy.align() is not aligned and copy.align() == aligned
