"""The tables arrive as columns (numpy arrays, Arrow strings and lists), not as a Python
object per cell; and a table Python cannot allocate raises MemoryError, never a panic."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import crosswire as cw
import numpy as np
import pandas as pd
import pytest
from crosswire.columns import STR, STR_LIST, arrow_lists


@pytest.fixture(scope="module")
def corpus() -> cw.Corpus:
    corpus = cw.datasets.kherson_2022()
    corpus.align()
    return corpus


def tables(corpus: cw.Corpus) -> dict[str, pd.DataFrame]:
    alignment = corpus.align()
    return {
        "tokens": corpus.tokens(),
        "sentences": corpus.sentences(),
        "boilerplate": corpus.boilerplate(),
        "entities": corpus.entities(),
        "entity_table": corpus.entity_table(),
        "claims": corpus.claims(),
        "pairs": alignment.pairs(),
        "groups": alignment.groups(),
    }


# Lists stay Python lists (see crosswire/columns.py).
LIST_COLUMNS = {"entities", "figures", "when", "aliases", "docs"}


def test_only_list_columns_hold_python_objects(corpus):
    for name, df in tables(corpus).items():
        objects = {c for c, t in df.dtypes.items() if pd.api.types.is_object_dtype(t)}
        assert objects <= LIST_COLUMNS, name


def test_list_columns_as_arrow_lists_hold_the_same_lists(corpus):
    core = corpus._core.claim_columns()
    claims = corpus.claims()
    for column in ("entities", "figures", "when"):
        arrow = pd.Series(arrow_lists(core[column]))
        assert arrow.dtype == STR_LIST
        assert arrow.tolist() == claims[column].tolist()


def test_columns_have_the_dtypes_a_pandas_user_expects(corpus):
    t = tables(corpus)
    assert t["tokens"]["text"].dtype == STR
    assert isinstance(t["tokens"]["pos"].dtype, pd.CategoricalDtype)
    assert t["tokens"]["start"].dtype == np.int64
    assert t["entities"]["approximate"].dtype == "boolean"
    assert t["entities"]["value"].dtype == np.float64
    assert t["pairs"]["relation"].dtype == STR
    assert t["pairs"]["score"].dtype == np.float64


def test_values_read_as_before(corpus):
    """Missing strings are NaN (pandas' str dtype), lists come back as Python lists of str,
    few-valued columns as their words, numbers as numbers."""
    claims = corpus.claims()
    first = corpus[claims["doc"][0]].claims[0]
    assert claims["claim"][0] == first.claim
    assert claims["entities"][0] == list(first.entities)
    assert claims["figures"][0] == [f.text for f in first.figures]
    assert claims["polarity"][0] == first.polarity
    assert claims["speaker"].isna().tolist() == [
        c.speaker is None for d in corpus for c in d.claims
    ]
    assert all(type(x) is list for x in claims["when"])
    assert all(type(x) is str for x in claims["text"])
    entities = corpus.entities()
    mentions = [m for d in corpus for m in d.entities]
    assert entities["label"].tolist() == [m.label for m in mentions]
    assert entities["source"].tolist() == [m.source for m in mentions]
    assert entities["unit"].isna().tolist() == [m.unit is None for m in mentions]
    assert entities["entity"].str.len().max() > 0
    tokens = corpus.tokens()
    assert tokens["kind"].tolist() == [t.kind for d in corpus for t in d.tokens]
    # Categoricals' categories: the sorted distinct values, as `astype("category")` makes.
    assert list(tokens["pos"].cat.categories) == sorted(set(tokens["pos"].astype(str)))


def test_tables_can_be_changed_in_place(corpus):
    # The arrays sit on writable buffers: pandas' setitem works as on any table.
    df = corpus.entities()
    df.loc[0, "start"] = -1
    df.loc[0, "text"] = "changed"
    assert df["start"][0] == -1 and df["text"][0] == "changed"
    assert corpus.entities()["start"][0] != -1


# Python-heap peak while a table is built over the bytes the table holds, at most. Measured
# on the sample: columnar 0.86-1.9 (the sorted tables copy once more); with a Python object
# per cell (main before session 25) tokens 5.4, entities 4.5, claims 2.9, sentences 3.0,
# pairs 1.3, groups 3.2.
PEAK_OVER_HELD = {
    "tokens": 2.0,
    "sentences": 2.0,
    "entities": 2.0,
    "claims": 2.0,
    "pairs": 1.15,
    "groups": 2.6,
}


@pytest.mark.parametrize("table", sorted(PEAK_OVER_HELD))
def test_a_table_makes_no_python_object_per_cell(corpus, table):
    """The Python heap's peak while a table is built (tracemalloc: Python objects and the
    buffers the core hands over; Arrow's own allocations are not traced) stays within a
    small multiple of what the table holds: a Python int or str per cell, even one pandas
    converts and frees, costs 30-60 bytes each on top."""
    import gc
    import tracemalloc

    alignment = corpus.align()
    build = getattr(alignment if table in ("pairs", "groups") else corpus, table)
    build()  # caches, imports
    gc.collect()
    tracemalloc.start()
    try:
        df = build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    held = df.memory_usage(deep=True, index=False).sum()
    assert len(df) > 200
    assert peak <= PEAK_OVER_HELD[table] * held, (peak, held, peak / held)


# A corpus of four 11 MB documents (the sample's texts, repeated): its sentence table's
# text buffer is larger than what the process has mapped and free, so under an
# address-space limit at the process's current size it cannot be allocated. Each table
# shares the same builders (src/python/columns.rs); the text stage alone keeps this fast.
MEMORY_SCRIPT = textwrap.dedent(
    """
    import json, resource
    import crosswire as cw

    def vm_size():
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024

    sample = " ".join(d.text for d in cw.datasets.kherson_2022())
    texts = [sample * 400 for _ in range(4)]
    corpus = cw.Corpus.from_texts(texts, names=[f"d{i}" for i in range(len(texts))])
    corpus._core.analyse_text()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    outcomes = {}
    for name in ("sentences", "boilerplate"):
        for slack in (0, 1 << 20):
            resource.setrlimit(resource.RLIMIT_AS, (vm_size() + slack, hard))
            try:
                getattr(corpus, name)()
                outcome = "ok"
            except MemoryError:
                outcome = "MemoryError"
            except BaseException as e:
                outcome = type(e).__name__
            finally:
                resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
            outcomes[f"{name}+{slack >> 20}MB"] = outcome
    print(json.dumps(outcomes))
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS as Linux applies it")
def test_a_table_python_cannot_allocate_raises_memory_error():
    """Under an address-space limit at the process's size, building a table fails with
    MemoryError, never PyO3's PanicException (which main raised before session 25) or an
    abort; the process goes on."""
    run = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT], capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr[-2000:]
    outcomes = json.loads(run.stdout.strip().splitlines()[-1])
    assert set(outcomes.values()) <= {"ok", "MemoryError"}, outcomes
    assert outcomes["sentences+0MB"] == "MemoryError", outcomes
