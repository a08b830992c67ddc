"""Plots come back as matplotlib Figures, drawn from the corpus's tables."""

from __future__ import annotations

import crosswire as cw
import pytest
from fake_alignment import FakeAlignment

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from crosswire import plots  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


def test_entities_by_outlet(sample):
    fig = plots.entities_by_outlet(sample, top=10)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 10
    assert len(ax.get_xticklabels()) == len(sample)


def test_coverage_heatmap(sample, monkeypatch):
    monkeypatch.setattr(cw.Corpus, "align", lambda self: FakeAlignment(self), raising=False)
    fig = plots.coverage_heatmap(sample)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(rows) == 2  # groups A and B; the rest are single-source


def test_claims_over_time(sample):
    fig = plots.claims_over_time(sample)
    assert isinstance(fig, Figure)
    dated = plots.claim_dates(sample)
    assert len(dated) > 0 and set(dated["doc"]) <= set(sample.names)


def test_plots_draw_into_given_axes(sample):
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2)
    assert plots.entities_by_outlet(sample, ax=a) is fig
    assert plots.claims_over_time(sample, ax=b) is fig
    plt.close("all")


def test_undated_corpus():
    fig = plots.claims_over_time(cw.Corpus.from_texts(["Kyiv said the bridge was down."]))
    assert isinstance(fig, Figure)


def test_outlet_labels_are_unique():
    corpus = cw.Corpus.from_texts(
        ["a", "b", "c"], names=["x", "y", "z"], sources=["AP", "AP", None]
    )
    assert plots.outlet_labels(corpus) == {"x": "AP", "y": "AP (2)", "z": "z"}
