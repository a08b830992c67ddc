"""benches/align_recall.py, alignment's recall against the synthetic corpus's manifest: the
generator replayed gives every fact's words where the files have them, claims are mapped to
facts by their spans, and true pairs are counted found through copies. Needs ../shared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO

SHARED = REPO.parent / "shared"
pytestmark = pytest.mark.skipif(
    not (SHARED / "data" / "conll2003").is_dir(), reason="../shared is not beside the clone"
)
ARTICLES = 200


@pytest.fixture(scope="module")
def recall():
    sys.path.insert(0, str(REPO / "benches"))
    try:
        import align_recall

        yield align_recall
    finally:
        sys.path.remove(str(REPO / "benches"))


@pytest.fixture(scope="module")
def folder(recall, tmp_path_factory) -> Path:
    import make_corpus

    out = tmp_path_factory.mktemp("corpus")
    make_corpus.build(out, ARTICLES, seed=3, jobs=1)
    return out


def test_the_replay_finds_every_fact_where_the_file_has_it(recall, folder):
    articles, check = recall.replay(folder)
    facts = sum(len(json.loads(line)["facts"]) for line in open(folder / "_manifest.jsonl"))
    assert check == {"articles": ARTICLES, "facts": facts}
    for name, a in articles.items():
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        for i, _form, start, end, _source in a["facts"]:
            assert text[start:end] == a["said"][i][0]


def test_a_changed_file_is_not_counted(recall, folder, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    first = sorted(copy.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    _, check = recall.replay(copy)
    assert check["articles differing from the files"] == 1
    assert check["articles"] == ARTICLES - 1


@pytest.mark.parametrize(
    "a, b, form",
    [
        (("copy", "x", "original"), ("copy", "x", "original"), "copy"),
        (("copy", "x", "wire"), ("copy", "x", "republished"), "wire"),
        (("copy", "x", "original"), ("rewrite", "y", "original"), "rewrite"),
        (("paraphrase", "x", "original"), ("rewrite", "y", "original"), "paraphrase"),
        (("conflict", "x", "original"), ("paraphrase", "y", "original"), "conflict"),
        (("related", "x", "original"), ("conflict", "y", "original"), "related"),
        # Both with the same other figures (or both the twin): the same words.
        (("conflict", "x", "original"), ("conflict", "x", "original"), "copy"),
    ],
)
def test_the_form_of_a_true_pair(recall, a, b, form):
    assert recall.pair_form(*a, *b) == form


def _article(event, kind, facts):
    """facts: (fact, form, start, end, source, words)."""
    return {
        "event": event,
        "kind": kind,
        "facts": [f[:5] for f in facts],
        "said": {f[0]: (f[5], f[1]) for f in facts},
        "sources": {f[0]: f[4] for f in facts},
    }


def test_true_pairs_are_found_directly_or_through_copies(recall):
    articles = {
        "a": _article(0, "original", [(1, "copy", 0, 20, 7, "W"), (2, "copy", 21, 40, 8, "V")]),
        "b": _article(0, "original", [(1, "copy", 0, 20, 7, "W"), (2, "rewrite", 21, 40, 8, "U")]),
        "c": _article(0, "original", [(1, "copy", 0, 20, 7, "W"), (2, "conflict", 21, 40, 8, "T")]),
        "d": _article(1, "original", [(5, "copy", 0, 20, 7, "S")]),
    }
    claims = pd.DataFrame(
        [
            ("a1", "a", 0, 19, "It rose."),
            ("b1", "b", 0, 19, "It rose!"),
            ("c1", "c", 2, 18, "it rose"),
            ("a2", "a", 21, 40, "He left."),
            ("b2", "b", 22, 39, "He went."),
            ("c2", "c", 21, 40, "He left 3."),
            ("d1", "d", 0, 20, "It rose."),
            ("x", "a", 45, 60, "Background."),
        ],
        columns=["claim", "doc", "start", "end", "text"],
    )
    pairs = pd.DataFrame(
        [
            # b1 and c1 are copies of a1 (listed with it, not with each other).
            ("a1", "b1", "a", "b", "agree"),
            ("a1", "c1", "a", "c", "agree"),
            ("a2", "b2", "a", "b", "agree"),
            # Other figures: a conflict is wanted, agree is the other relation.
            ("b2", "c2", "b", "c", "agree"),
            ("a1", "d1", "a", "d", "related"),
            ("x", "b2", "a", "b", "related"),
        ],
        columns=["claim_a", "claim_b", "doc_a", "doc_b", "relation"],
    )
    r = recall.count(articles, claims, pairs)
    assert r["true_pairs"] == {"copy": 3, "wire": 0, "rewrite": 1, "paraphrase": 0, "conflict": 2}
    assert r["found"] == {"copy": 3, "wire": 0, "rewrite": 1, "paraphrase": 0, "conflict": 0}
    assert r["other_relation"]["conflict"] == 1
    assert r["any_relation"]["conflict"] == 1
    assert r["mapping"]["claims in a fact"] == 7
    assert r["mapping"]["claims outside any fact"] == 1
    assert r["pairs_by_kind"] == {
        "cross-event, same source sentence/related": 1,
        "same event, no shared fact/related": 1,
        "same fact/agree": 4,
    }
