"""alignment.coverage(): group x document, who reports what, stored sparse so that it grows
with the claims and not with groups x documents (issue 12.5)."""

from __future__ import annotations

import crosswire as cw
import pandas as pd
import pytest
from conftest import tiny_documents


@pytest.fixture(scope="module")
def alignment(sample) -> cw.Alignment:
    return sample.align()


def test_coverage_counts_each_documents_claims_per_group(sample, alignment):
    cov = alignment.coverage()
    groups = alignment.groups()
    assert list(cov.columns) == sample.names and cov.columns.name == "doc"
    assert cov.index.name == "group" and list(cov.index) == sorted(groups["group"].unique())
    assert all(isinstance(t, pd.SparseDtype) for t in cov.dtypes)
    dense = pd.crosstab(groups["group"], groups["doc"].astype(str))
    dense = dense.reindex(columns=sample.names, fill_value=0)
    assert (cov.sparse.to_dense().to_numpy() == dense.to_numpy()).all()
    # A group with several claims from one document counts them all there, not 1.
    per_doc = groups.groupby(["group", groups["doc"].astype(str)]).size()
    (group, doc), n = next((k, v) for k, v in per_doc.items() if v > 1)
    assert cov.loc[group, doc] == n > 1


def test_single_source_groups_stand_out(alignment):
    cov = alignment.coverage()
    groups = alignment.groups().drop_duplicates("group").set_index("group")
    carried = (cov > 0).sum(axis=1)
    assert carried.to_dict() == groups["docs"].to_dict()
    shared = cov[carried > 1]  # the notebooks' idiom
    assert len(shared) == (groups["docs"] > 1).sum() > 0


def test_memory_grows_with_claims_not_groups_times_documents():
    corpus = tiny_documents(1500)
    cov = corpus.align().coverage()
    assert cov.shape == (1500, 1500)
    # A dense table would take 1500 x 1500 x 8 bytes = 18 MB; the sparse one a few bytes per claim.
    assert cov.memory_usage(index=True).sum() < 32 * 1500
    assert int(cov.sum().sum()) == 1500


def test_no_claims_no_rows():
    assert cw.Corpus.from_texts([]).align().coverage().shape == (0, 0)
    cov = cw.Corpus.from_texts(["", "  "], names=["a", "b"]).align().coverage()
    assert cov.shape == (0, 2) and list(cov.columns) == ["a", "b"]
