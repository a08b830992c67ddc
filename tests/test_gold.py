"""Sanity of the hand-annotated entity gold (tests/data/entities_gold.jsonl) itself."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
ROOT = DATA.parent.parent
CORPUS = ROOT / "python" / "crosswire" / "data" / "kherson-2022"

LABELS = {
    "PERSON",
    "NORP",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "MONEY",
    "PERCENT",
    "EVENT",
    "PRODUCT",
}
NEEDS_ID = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}
NO_ID = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    with open(DATA / "entities_gold.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def coverage() -> dict[str, list[list[int]]]:
    with open(DATA / "entities_gold_coverage.json", encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: open(p, encoding="utf-8").read() for p in sorted(CORPUS.glob("*.txt"))}


def by_entity(gold: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for m in gold:
        if "entity" in m:
            out[m["entity"]].add(m["text"])
    return out


def entity_of(gold: list[dict], text: str) -> set[str]:
    return {m["entity"] for m in gold if m["text"] == text and "entity" in m}


# -- the file itself -------------------------------------------------------------------------------


def test_gold_is_rebuilt_from_the_annotations():
    build = _load_module("build_gold", DATA / "build_gold.py")
    gold, cov = build.build()
    lines, cov_text = build.render(gold, cov)
    assert (DATA / "entities_gold.jsonl").read_text(encoding="utf-8") == lines, (
        "run tests/data/build_gold.py"
    )
    assert (DATA / "entities_gold_coverage.json").read_text(encoding="utf-8") == cov_text


def test_every_sample_document_is_annotated(gold, coverage, texts):
    assert set(coverage) == set(texts)
    assert {m["doc"] for m in gold} == set(texts)
    assert len(gold) >= 500


def test_keys_and_types(gold):
    for m in gold:
        assert set(m) <= {"doc", "start", "end", "text", "label", "entity"}, m
        assert isinstance(m["start"], int) and isinstance(m["end"], int)
        assert 0 <= m["start"] < m["end"], m


def test_offsets_match_the_decoded_text(gold, texts):
    for m in gold:
        assert texts[m["doc"]][m["start"] : m["end"]] == m["text"], m


def test_labels_are_ontonotes_names(gold):
    assert {m["label"] for m in gold} <= LABELS


def test_entity_ids_where_and_only_where_they_belong(gold):
    for m in gold:
        if m["label"] in NEEDS_ID:
            assert m.get("entity"), m
        if m["label"] in NO_ID:
            assert "entity" not in m, m


def test_one_label_per_entity_id(gold):
    labels: dict[str, set[str]] = defaultdict(set)
    for m in gold:
        if "entity" in m:
            labels[m["entity"]].add(m["label"])
    mixed = {k: v for k, v in labels.items() if len(v) > 1 and v != {"GPE", "LOC"}}
    assert not mixed


def test_no_overlaps_and_sorted(gold):
    last: dict[str, int] = {}
    for m in gold:
        assert m["start"] >= last.get(m["doc"], 0), m
        last[m["doc"]] = m["end"]


def test_span_conventions(gold):
    """Trimmed: no surrounding whitespace or punctuation, no leading `the`, no possessive."""
    for m in gold:
        t = m["text"]
        assert t == t.strip(), m
        assert not t.lower().startswith("the "), m
        assert not t.endswith(("'s", "’s")), m
        assert t[0].isalnum() and (t[-1].isalnum() or t.endswith(".")), m


def test_titles_are_not_part_of_person_names(gold):
    titles = (
        "Mr",
        "Mrs",
        "Ms",
        "Gen",
        "General",
        "Col",
        "President",
        "Governor",
        "Mayor",
        "Empress",
    )
    for m in gold:
        if m["label"] == "PERSON":
            assert m["text"].split()[0].rstrip(".") not in titles, m


def test_mentions_lie_inside_coverage(gold, coverage):
    for m in gold:
        assert any(s <= m["start"] and m["end"] <= e for s, e in coverage[m["doc"]]), m


def test_coverage_ranges(coverage, texts):
    for doc, ranges in coverage.items():
        text = texts[doc]
        prev = 0
        for s, e in ranges:
            assert prev <= s < e <= len(text)
            assert text[s] == text[s].strip() and text[e - 1] == text[e - 1].strip()
            prev = e
        covered = sum(e - s for s, e in ranges)
        assert covered >= 0.6 * len(text.strip()), (doc, covered, len(text))


# -- resolution cases the issue names --------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        ("Volodymyr Zelensky", "Zelensky", "Volodímir Zelenski"),
        ("Kyiv", "kyiv", "KYIV"),
        ("Dnipro River", "Dnieper River", "Dnipro"),
        ("Mykhailo Podolyak", "Mykhailo Podalyak", "Mikhailo Podolyak", "Podolyak"),
        ("Andrei Malets", "Mallets"),
        ("Kiril Stremoúsov", "Stremousov"),
        ("Odessa", "Odesa"),
        ("Vladimir V. Putin", "Vladimir Putin", "Putin"),
    ],
)
def test_variants_share_one_entity(gold, variants):
    # Intersection, not equality: `Kyiv` in `the Kyiv regional governor` is Kyiv Oblast.
    ids = [entity_of(gold, v) for v in variants]
    assert all(ids) and set.intersection(*ids), ids


@pytest.mark.parametrize(
    "a, b",
    [
        ("Oleksiy Kuleba", "Dmytro Kuleba"),
        ("Vladimir Saldo", "Vladimir Putin"),
        ("Kharkiv", "Kherson"),
        ("Dnipriany", "Dnipro"),
        ("Russia", "Russian"),
    ],
)
def test_different_entities_stay_apart(gold, a, b):
    ea, eb = entity_of(gold, a), entity_of(gold, b)
    assert ea and eb and not ea & eb


# -- against the crosswire text stage --------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus():
    cw = pytest.importorskip("crosswire")
    return cw.datasets.kherson_2022()


def test_crosswire_sees_the_same_text(corpus, texts):
    for doc in corpus:
        assert doc.text == texts[doc.name]


def test_metadata_header_is_outside_the_gold(corpus, gold, coverage):
    for doc in corpus:
        for b in doc.boilerplate:
            if b.kind != "metadata":
                continue
            assert not any(s < b.end and b.start < e for s, e in coverage[doc.name]), (doc.name, b)


def test_gold_is_not_inside_boilerplate(corpus, gold):
    kinds = {b.kind for doc in corpus for b in doc.boilerplate}
    if kinds <= {"metadata"}:
        pytest.skip(
            "boilerplate detection is still a placeholder (only the metadata header is "
            "marked); this check becomes meaningful once the boilerplate branch lands"
        )
    spans = {doc.name: [(b.start, b.end, b.kind) for b in doc.boilerplate] for doc in corpus}
    inside = [
        (m["doc"], m["start"], m["text"], kind)
        for m in gold
        for s, e, kind in spans[m["doc"]]
        if s < m["end"] and m["start"] < e
    ]
    assert not inside, inside


def test_gold_spans_fall_on_token_boundaries(corpus, gold):
    first = next(iter(corpus))
    if first.text.startswith(" date 2022-11-08"):
        number = [t for t in first.tokens if t.start <= 6 < t.end]
        if not number or (number[0].start, number[0].end) != (6, 16):
            pytest.skip(
                "the installed tokenizer is still a placeholder (it splits 2022-11-08); "
                "token alignment is checked once the tokens branch lands"
            )
    for doc in corpus:
        starts = {t.start for t in doc.tokens}
        ends = {t.end for t in doc.tokens}
        bad = [
            m
            for m in gold
            if m["doc"] == doc.name and (m["start"] not in starts or m["end"] not in ends)
        ]
        assert not bad, bad[:10]


# -- the scorer, on the gold itself ----------------------------------------------------------------


def test_scoring_the_gold_against_itself_is_perfect(gold, coverage, texts):
    ev = _load_module("entity_eval", ROOT / "benches" / "entity_eval.py")
    pred = ev.prepare(gold, coverage, texts, normalize=True)
    assert len(pred) == len(gold)
    s = ev.score(gold, pred)
    assert s.micro.f1 == 1.0 and s.group.f1 == 1.0
    r = ev.resolution(gold, pred)
    assert r["b_cubed"]["f1"] == 1.0 and r["pairwise"]["f1"] == 1.0
    # A resolver that merges everything keeps recall and loses precision.
    merged = ev.resolution(gold, [dict(m, entity="x") for m in pred])
    assert merged["b_cubed"]["recall"] == 1.0 and merged["b_cubed"]["precision"] < 0.2
