"""The whole pipeline through the Python API on hostile generated articles: long sentences,
claims repeated within and across documents, many names, huge numbers, control, bidi and
zero-width characters. Nothing raises, every entity and claim span is a slice of its
document's text (Python string indices), and the alignment tables refer to claims that
exist. (src/proptests.rs checks the same in the core, and one thread against three.)"""

from __future__ import annotations

import crosswire as cw
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check_spans

PIECES = [
    "Kyiv said",
    "Ukrainian officials said that",
    "Moscow denied",
    "Volodymyr Zelensky",
    "Zelenski",
    "Mr. Podolyak",
    "the Kherson region",
    "32 soldiers were killed",
    "at least 1,000 people fled",
    "99999999999999999999999999999999",
    "1e308",
    "on Monday",
    "November 7, 2022",
    "it is a war crime",
    "“It is over,” he said.",
    '"Quote without end',
    ".",
    ",",
    " — ",
    "\n\n",
    "\r\n",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "e\u0301",
    "👩‍👩‍👧",
    "Дмитро Кулеба",
    " date 2022-11-08 ",
]

name = st.builds(
    "{} {}en{} said".format,
    st.sampled_from(["Kari", "Koly", "Mili", "Yari"]),
    st.sampled_from(["Zel", "Sel", "Zal"]),
    st.sampled_from(["sky", "ski", "ko"]),
)
piece = st.one_of(st.sampled_from(PIECES), name, st.text(max_size=5))
sentence = st.lists(piece, max_size=20).map(" ".join)
repeated = st.tuples(sentence, st.integers(1, 30), st.sampled_from([". ", ", ", " "])).map(
    lambda t: t[2].join([t[0]] * t[1])
)
document = st.lists(repeated, max_size=5).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(document, min_size=1, max_size=5))
def test_pipeline_spans_and_tables_hold_on_hostile_text(texts):
    corpus = cw.Corpus.from_texts(texts)
    claims = corpus.claims()
    for doc in corpus:
        check_spans(doc.text, doc.entities, "entities")
        for c in doc.claims:
            assert 0 <= c.start < c.end <= len(doc.text) and doc.text[c.start : c.end] == c.text
    entities = corpus.entities()
    names = corpus.names
    text_of = dict(zip(names, texts))
    for row in entities.itertuples():
        assert text_of[row.doc][row.start : row.end] == row.text
    alignment = corpus.align()
    pairs, groups = alignment.pairs(), alignment.groups()
    ids = set(claims["claim"])
    assert set(pairs["claim_a"]) <= ids and set(pairs["claim_b"]) <= ids
    assert sorted(groups["claim"]) == sorted(ids)
    assert set(pairs["doc_a"]) | set(pairs["doc_b"]) <= set(names)
    assert pairs["score"].between(0, 1).all()
