"""benches/make_corpus.py, the generator of the scale benchmark's corpora: the same seed gives
the same files whatever the number of processes; articles have news length; outlets share
facts the way the manifest says; wire copy is republished, not rewritten. Needs ../shared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import crosswire as cw
import pytest
from conftest import REPO

SHARED = REPO.parent / "shared"
pytestmark = pytest.mark.skipif(
    not (SHARED / "data" / "conll2003").is_dir(), reason="../shared is not beside the clone"
)
ARTICLES = 300


@pytest.fixture(scope="module")
def make_corpus():
    sys.path.insert(0, str(REPO / "benches"))
    try:
        import make_corpus

        yield make_corpus
    finally:
        sys.path.remove(str(REPO / "benches"))


@pytest.fixture(scope="module")
def built(make_corpus, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("corpus")
    return out, make_corpus.build(out, ARTICLES, seed=7, jobs=2)


def manifest(folder: Path) -> list[dict]:
    return [json.loads(line) for line in open(folder / "_manifest.jsonl", encoding="utf-8")]


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.txt")}


def test_same_seed_same_corpus_whatever_the_processes(make_corpus, built, tmp_path):
    folder, _ = built
    make_corpus.build(tmp_path, ARTICLES, seed=7, jobs=1)
    assert files(tmp_path) == files(folder)
    other = tmp_path / "other-seed"
    make_corpus.build(other, ARTICLES, seed=8, jobs=1)
    assert files(other) != files(folder)


def test_articles_have_news_length_and_the_reader_takes_them(built):
    folder, stats = built
    rows = manifest(folder)
    assert len(rows) == ARTICLES == len(files(folder))
    words = [r["words"] for r in rows]
    assert 250 <= stats["words_per_article"]["median"] <= 950
    assert sum(200 <= w <= 1100 for w in words) >= 0.95 * len(words)
    corpus = cw.Corpus.from_dir(folder)
    assert len(corpus) == ARTICLES
    assert corpus.names == sorted(r["name"] for r in rows)


def test_outlets_of_an_event_share_facts_and_articles_differ(built):
    folder, _ = built
    rows = manifest(folder)
    by_event: dict[int, list[dict]] = {}
    for r in rows:
        by_event.setdefault(r["event"], []).append(r)
    covered = [arts for arts in by_event.values() if len(arts) >= 2]
    assert covered, "no event has two outlets"
    for arts in covered:
        assert len({a["outlet"] for a in arts}) == len(arts), "an outlet covers an event once"
        facts = [{f for f, _ in a["facts"]} for a in arts]
        # The lead is in every article of the event.
        assert all(0 in f for f in facts)
    # Outside wire copy, no two articles are the same text.
    texts = [(folder / r["path"]).read_text(encoding="utf-8") for r in rows]
    originals = [t for t, r in zip(texts, rows) if r["kind"] != "republished"]
    assert len(set(originals)) == len(originals)


def test_wire_copy_is_republished_with_small_edits(built):
    folder, stats = built
    rows = manifest(folder)
    by_name = {r["name"]: r for r in rows}
    by_index = {int(r["name"].rsplit("_", 1)[1]): r for r in rows}
    republished = [r for r in rows if r["kind"] == "republished"]
    assert republished and stats["articles_by_kind"]["republished"] == len(republished)

    def paragraphs(row: dict) -> set[str]:
        """Body paragraphs: not the header and headline, byline or the (multi-line) footer."""
        text = (folder / row["path"]).read_text(encoding="utf-8")
        return {
            p
            for p in text.rstrip("\n").split("\n\n")
            if len(p.split()) > 15 and "\n" not in p and not p.startswith((" date", "Date:"))
        }

    for r in republished:
        wire = by_index[r["wire_of"]]
        assert wire["kind"] == "wire" and wire["event"] == r["event"]
        mine, theirs = paragraphs(r), paragraphs(wire)
        assert mine <= theirs, "a republication adds no body paragraph"
        assert len(mine) >= len(theirs) - 2, "at most two paragraphs are dropped"
        assert all(form == "wire" for _, form in r["facts"])
    assert set(by_name) == {r["name"] for r in rows}


def test_forms_of_the_facts_are_counted(built):
    _, stats = built
    shares = stats["facts_share_by_form"]
    assert set(shares) <= {"copy", "rewrite", "paraphrase", "related", "conflict", "wire"}
    assert abs(sum(shares.values()) - 1) < 0.01
    for form in ("copy", "rewrite", "paraphrase", "conflict", "wire"):
        assert shares.get(form, 0) > 0, form


def test_nested_layout(make_corpus, tmp_path):
    make_corpus.build(tmp_path, 40, seed=1, nested=True, jobs=1)
    paths = list(tmp_path.rglob("*.txt"))
    assert len(paths) == 40
    assert all(len(p.relative_to(tmp_path).parts) == 3 for p in paths)
