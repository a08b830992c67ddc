"""A whole analysis saved as JSON loads back equal, without re-running; results pickle."""

from __future__ import annotations

import copy
import json
import pickle

import crosswire as cw
import pandas as pd
import pytest
from conftest import tiny_documents
from crosswire.analysis import TABLES
from fake_alignment import FakeAlignment
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


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


def test_files_of_the_first_format_still_load(analysis):
    # Format 1 had no sparse columns: its coverage table was dense.
    dense = cw.Analysis(**{**vars(analysis), "coverage": analysis.coverage.astype("int64")})
    payload = json.loads(dense.to_json())
    assert all(c["type"] != "sparse" for c in payload["tables"]["coverage"]["columns"])
    payload["format"] = "crosswire.analysis/1"
    assert cw.Analysis.from_json(json.dumps(payload)) == dense


def test_an_empty_corpus_round_trips(tmp_path):
    empty = cw.Analysis.from_corpus(cw.Corpus.from_texts([]))
    assert cw.Analysis.load(empty.save(tmp_path / "empty.json")) == empty


def test_coverage_is_saved_as_its_non_zero_cells(tmp_path):
    analysis = cw.Analysis.from_corpus(tiny_documents(1500))
    path = analysis.save(tmp_path / "many.json")
    coverage = json.loads(path.read_text(encoding="utf-8"))["tables"]["coverage"]
    # A dense table would be 1500 x 1500 numbers (4.5 MB of JSON); its cells are 1500 here.
    assert len(json.dumps(coverage)) < 150 * 1500
    assert cw.Analysis.load(path) == analysis


# -- damaged files (issue 12.9) -----------------------------------------------------------------


def _column(table: dict, name: str) -> int:
    return [c["name"] for c in table["columns"]].index(name)


def _short(p):  # a column one value short: once, the claim id became NaN
    t = p["tables"]["claims"]
    t["data"][_column(t, "claim")].pop()


def _retype(p):
    t = p["tables"]["claims"]
    t["data"][_column(t, "start")][3] = "x"


def _not_a_category(p):
    t = p["tables"]["claims"]
    t["data"][_column(t, "doc")][0] = "no such document"


def _no_claim_column(p):
    t = p["tables"]["claims"]
    i = _column(t, "claim")
    del t["columns"][i], t["data"][i]


def _sparse_out_of_range(p):
    t = p["tables"]["coverage"]
    t["data"][1]["rows"][-1] = 10**6


DAMAGE = {
    "a column one value short": (_short, "column 'claim' has"),
    "a string among integers": (_retype, "column 'start', row 3: expected an integer"),
    "a value outside its categories": (_not_a_category, "column 'doc', row 0"),
    "a required column missing": (_no_claim_column, "no column 'claim'"),
    "a sparse row outside the table": (_sparse_out_of_range, "row 1000000"),
    "no tables": (lambda p: p.pop("tables"), 'no "tables"'),
    "a table missing": (lambda p: p["tables"].pop("groups"), "no table groups"),
    "a table without columns": (lambda p: p["tables"]["pairs"].pop("columns"), '"columns"'),
    "data that is not a list": (lambda p: p["tables"]["entities"].update(data={}), '"data"'),
    "a column without a type": (
        lambda p: p["tables"]["entities"]["columns"][0].pop("type"),
        "unknown column type None",
    ),
    "a column that is a number": (
        lambda p: p["tables"]["pairs"]["columns"].__setitem__(0, 3),
        "column 0 has no name",
    ),
    "an index that is no column": (
        lambda p: p["tables"]["coverage"].update(index=["nope"]),
        "index ['nope']",
    ),
    "another format": (lambda p: p.update(format="crosswire.analysis/9"), "not a crosswire"),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_damage_gives_one_error_naming_file_and_fault(sample, tmp_path, damage):
    mutate, says = DAMAGE[damage]
    payload = json.loads(cw.Analysis.from_corpus(sample).to_json())
    mutate(payload)
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(cw.AnalysisError) as caught:
        cw.Analysis.load(path)
    assert str(caught.value).startswith(f"{path}: ") and says in str(caught.value)
    assert caught.value.path == str(path) and isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "text, says",
    [
        (None, "the file ends early"),  # the sample's analysis, cut in half
        ("", "not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("[1, 2]", "not a crosswire analysis"),
        (b"\xff\xfe{", "not UTF-8 at byte offset 0"),
    ],
    ids=["truncated", "empty", "deep", "a list", "not utf-8"],
)
def test_unreadable_files_name_the_file(sample, tmp_path, text, says):
    path = tmp_path / "bad.json"
    if text is None:
        whole = cw.Analysis.from_corpus(sample).to_json()
        text = whole[: len(whole) // 2]
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(cw.AnalysisError, match=says) as caught:
        cw.Analysis.load(path)
    assert str(caught.value).startswith(f"{path}: ")


@pytest.fixture(scope="module")
def small_payload() -> dict:
    corpus = cw.Corpus.from_texts(
        ["Kyiv said 32 soldiers died in Kherson on Monday.", "Moscow said 40 soldiers died."],
        names=["a", "b"],
        dates=["2022-11-08", None],
    )
    return json.loads(cw.Analysis.from_corpus(corpus).to_json())


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_damage_loads_or_raises_analysis_error(small_payload, data):
    payload = copy.deepcopy(small_payload)
    table = payload["tables"][data.draw(st.sampled_from(TABLES))]
    place = data.draw(st.sampled_from(["value", "meta", "drop value", "table key"]))
    if place == "table key":
        key = data.draw(st.sampled_from(sorted(table)))
        table[key] = data.draw(JSON)
    elif table["columns"]:
        i = data.draw(st.integers(0, len(table["columns"]) - 1))
        values = table["data"][i]
        if place == "meta":
            key = data.draw(st.sampled_from(sorted(table["columns"][i])))
            table["columns"][i][key] = data.draw(JSON)
        elif isinstance(values, list) and values:
            j = data.draw(st.integers(0, len(values) - 1))
            if place == "drop value":
                del values[j]
            else:
                values[j] = data.draw(JSON)
    try:
        cw.Analysis.from_json(json.dumps(payload), source="fuzzed.json")
    except cw.AnalysisError as e:
        assert str(e).startswith("fuzzed.json: ")


def test_a_column_without_its_name_key_is_an_analysis_error(small_payload):
    # Found by the fuzz above: `{}` as a column's description raised KeyError.
    payload = copy.deepcopy(small_payload)
    payload["tables"]["coverage"]["columns"][0] = {}
    with pytest.raises(cw.AnalysisError, match="column 0 has no name"):
        cw.Analysis.from_json(json.dumps(payload), source="fuzzed.json")
