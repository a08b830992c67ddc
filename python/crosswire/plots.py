"""Plots of a corpus's coverage, as matplotlib Figures you can restyle, save or show.

Needs matplotlib (``pip install 'crosswire[plot]'``). Each function takes a corpus (and runs
whatever analysis it needs) and an optional ``ax`` to draw into; it returns the Figure.

>>> from crosswire import plots
>>> fig = plots.entities_by_outlet(corpus)       # doctest: +SKIP
>>> fig.savefig("entities.png", dpi=150)          # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import frames as _frames

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .corpus import Corpus

__all__ = ["coverage_heatmap", "entities_by_outlet", "claims_over_time", "outlet_labels"]

FIGURE_LABELS = _frames.FIGURE_LABELS | _frames.TIME_LABELS  # left out of entities_by_outlet


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            "crosswire.plots needs matplotlib: pip install 'crosswire[plot]'"
        ) from None
    return plt


def _axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    fig, new = _pyplot().subplots(figsize=size, layout="constrained")
    return fig, new


def outlet_labels(corpus: Corpus) -> dict[str, str]:
    """Document name -> what to call it on an axis: its source where known, else its name,
    made unique (``Reuters``, ``Reuters (2)``)."""
    out: dict[str, str] = {}
    used: dict[str, int] = {}
    for doc in corpus:
        base = doc.source or doc.name
        used[base] = used.get(base, 0) + 1
        out[doc.name] = base if used[base] == 1 else f"{base} ({used[base]})"
    return out


def _matrix(ax: Axes, data: pd.DataFrame, cmap: str, colorbar: str) -> None:
    image = ax.imshow(
        data.to_numpy(dtype=float), aspect="auto", cmap=cmap, vmin=0, interpolation="nearest"
    )
    ax.set_xticks(range(data.shape[1]), [str(c) for c in data.columns], rotation=35, ha="right")
    ax.set_yticks(range(data.shape[0]), [str(i) for i in data.index])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    top = float(data.to_numpy().max()) if data.size else 0.0
    for (i, j), value in pd.DataFrame(data.to_numpy()).stack().items():
        if value:
            ax.text(
                j,
                i,
                f"{value:g}",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if value > top / 2 else "black",
            )
    ax.figure.colorbar(image, ax=ax, label=colorbar, shrink=0.6)


def _counts_figure(
    corpus: Corpus,
    counts: pd.DataFrame,
    ax: Axes | None,
    size: tuple[float, float],
    empty: str,
    cmap: str,
    colorbar: str,
    title: str,
) -> Figure:
    """Draws a row x document count table (columns named by document) as a matrix, its
    columns labelled by outlet; ``size`` is (base width, height per row)."""
    labels = outlet_labels(corpus)
    counts.columns = [labels[c] for c in counts.columns]
    width, row_height = size
    fig, ax = _axes(ax, (width + 0.9 * len(counts.columns), 1.2 + row_height * max(len(counts), 1)))
    if counts.empty:
        ax.text(0.5, 0.5, empty, ha="center", va="center")
        ax.set_axis_off()
        return fig
    _matrix(ax, counts, cmap, colorbar)
    ax.set_title(title, loc="left")
    return fig


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def coverage_heatmap(corpus: Corpus, *, top: int = 30, ax: Axes | None = None) -> Figure:
    """Claim groups carried by more than one document (most widely carried first) against
    documents: the cells count each document's claims in the group."""
    groups = corpus.align().groups()[["group", "claim", "doc"]].astype({"doc": str})
    # The top groups first, then their table: never one row per group of the corpus.
    spread = groups.groupby("group")["doc"].nunique()
    spread = spread[spread > 1].sort_values(ascending=False, kind="stable")[:top]
    shown = groups[groups["group"].isin(spread.index)]
    counts = shown.groupby(["group", "doc"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=spread.index, columns=corpus.names, fill_value=0)
    claims = corpus.claims().set_index("claim")["text"]
    first = groups.drop_duplicates("group").set_index("group")["claim"]
    counts.index = [_short(str(claims.get(first[g], g))) for g in counts.index]
    return _counts_figure(
        corpus,
        counts,
        ax,
        (2.5, 0.32),
        "no claim is carried by more than one document",
        "Greens",
        "claims",
        "Claims carried by several documents",
    )


def entities_by_outlet(corpus: Corpus, *, top: int = 20, ax: Axes | None = None) -> Figure:
    """Mentions of the entities named by the most documents, per document (figures and
    dates left out)."""
    mentions = corpus.entities()
    mentions = mentions[~mentions["label"].isin(FIGURE_LABELS)]
    table = corpus.entity_table().set_index("entity")
    per_pair = mentions.astype({"doc": str}).groupby(["entity", "doc"]).size()
    # The top entities first, then their table: never one row per entity of the corpus.
    by_entity = per_pair.groupby(level="entity")
    spread, total = by_entity.size(), by_entity.sum()
    order = sorted(spread.index, key=lambda e: (-spread[e], -total[e], e))[:top]
    counts = per_pair[per_pair.index.get_level_values("entity").isin(order)].unstack(fill_value=0)
    counts = counts.reindex(index=order, columns=corpus.names, fill_value=0)
    counts.index = [
        f"{table.at[e, 'name']} ({table.at[e, 'label']})" if e in table.index else e
        for e in counts.index
    ]
    return _counts_figure(
        corpus, counts, ax, (3, 0.3), "no entities", "Blues", "mentions", "Who is named by whom"
    )


def claim_dates(corpus: Corpus) -> pd.DataFrame:
    """claim, doc, date: the day each claim is about (the claims table's ``date``: a day the
    claim names, else the document's date); claims with neither are left out."""
    claims = corpus.claims()
    dated = claims[claims["date"].notna()]
    return pd.DataFrame(
        {
            "claim": dated["claim"].tolist(),
            "doc": dated["doc"].astype(str).tolist(),
            "date": [_dt.date.fromisoformat(d) for d in dated["date"]],
        },
        columns=["claim", "doc", "date"],
    )


def claims_over_time(corpus: Corpus, *, ax: Axes | None = None) -> Figure:
    """Claims per day, stacked by document: dated by a date the claim mentions where it
    resolves, else by the document's date."""
    dated = claim_dates(corpus)
    fig, ax = _axes(ax, (8, 3.6))
    if dated.empty:
        ax.text(0.5, 0.5, "no claim has a date that resolves", ha="center", va="center")
        ax.set_axis_off()
        return fig
    counts = dated.groupby(["date", "doc"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=[n for n in corpus.names if n in counts.columns])
    labels = outlet_labels(corpus)
    bottom = pd.Series(0, index=counts.index)
    x = pd.to_datetime(pd.Series(counts.index, index=counts.index))
    for doc in counts.columns:
        ax.bar(x, counts[doc], bottom=bottom, width=0.8, label=labels[doc])
        bottom = bottom + counts[doc]
    ax.set_ylabel("claims")
    ax.set_title("Claims over time", loc="left")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    fig.autofmt_xdate()
    return fig
