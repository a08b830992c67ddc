"""A whole analysis saved as JSON loads back equal, without re-running; results pickle."""

from __future__ import annotations

import json
import pickle

import crosswire as cw
import pandas as pd
import pytest
from crosswire.analysis import TABLES
from fake_alignment import FakeAlignment


@pytest.fixture(params=["real", "fake"])
def analysis(request, sample, monkeypatch):
    if request.param == "fake":
        monkeypatch.setattr(cw.Corpus, "align", lambda self: FakeAlignment(self), raising=False)
    return cw.Analysis.from_corpus(sample)


def test_tables_are_the_corpus_tables(sample, analysis):
    pd.testing.assert_frame_equal(analysis.claims, sample.claims())
    pd.testing.assert_frame_equal(analysis.entities, sample.entities())
    pd.testing.assert_frame_equal(analysis.entity_table, sample.entity_table())
    assert analysis.documents["name"].tolist() == sample.names
    assert analysis.documents["text"].tolist() == [d.text for d in sample]


def test_json_round_trip_is_exact(analysis, tmp_path):
    path = analysis.save(tmp_path / "analysis.json")
    again = cw.Analysis.load(path)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(analysis, name), obj=name)
    assert again == analysis


def test_loading_does_not_run_anything(analysis, tmp_path, monkeypatch):
    path = analysis.save(tmp_path / "analysis.json")

    def refuse(*args, **kwargs):
        raise AssertionError("loading re-ran the analysis")

    for method in ("claims", "entities", "entity_table", "align"):
        monkeypatch.setattr(cw.Corpus, method, refuse, raising=False)
    assert cw.Analysis.load(path) == analysis


def test_the_file_is_plain_json(analysis):
    payload = json.loads(analysis.to_json())
    assert payload["format"] == "crosswire.analysis/2"
    claims = payload["tables"]["claims"]
    names = [c["name"] for c in claims["columns"]]
    assert names[:3] == ["claim", "doc", "start"]
    assert len(claims["data"][0]) == len(analysis.claims)


def test_fake_alignment_tables_survive(sample, monkeypatch, tmp_path):
    monkeypatch.setattr(cw.Corpus, "align", lambda self: FakeAlignment(self), raising=False)
    analysis = cw.Analysis.from_corpus(sample)
    assert len(analysis.pairs) == 4
    again = cw.Analysis.load(analysis.save(tmp_path / "a.json"))
    pd.testing.assert_frame_equal(again.coverage, analysis.coverage)
    pd.testing.assert_frame_equal(again.pairs, analysis.pairs)


def test_files_from_earlier_versions(analysis):
    payload = json.loads(analysis.to_json())
    assert "aligned" not in payload
    payload["aligned"] = True  # written by every aligned build before the key was dropped
    assert cw.Analysis.from_json(json.dumps(payload)) == analysis
    payload["aligned"] = False  # a build without alignment: its pair tables are placeholders
    with pytest.raises(ValueError, match="without alignment"):
        cw.Analysis.from_json(json.dumps(payload))


def test_not_an_analysis():
    with pytest.raises(ValueError, match="not a crosswire analysis"):
        cw.Analysis.from_json('{"format": "something else"}')
    with pytest.raises(ValueError, match="not a crosswire analysis"):
        cw.Analysis.from_json("[1, 2]")


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_results_pickle(sample, analysis, protocol):
    assert pickle.loads(pickle.dumps(analysis, protocol=protocol)) == analysis
    for table in (sample.claims(), sample.entities(), sample.entity_table()):
        pd.testing.assert_frame_equal(pickle.loads(pickle.dumps(table, protocol=protocol)), table)


def test_corpus_travels_to_a_worker_process(sample):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from operator import methodcaller

    with ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("spawn")
    ) as pool:
        claims = pool.submit(methodcaller("claims"), sample).result(timeout=120)
    pd.testing.assert_frame_equal(claims, sample.claims())
