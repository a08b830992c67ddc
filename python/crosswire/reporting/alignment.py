"""The one place the report, the CLI and :class:`~crosswire.Analysis` reach alignment through.

``corpus.align()`` returns an object with ``pairs()``, ``groups()`` and ``coverage()``
DataFrames (see docs/design.md). :func:`tables` runs it and hands the three tables back, or
``None`` when this build of crosswire has no alignment stage, so callers can say so instead of
failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..alignment import PAIR_COLUMNS as PAIR_COLUMNS  # re-exported for analysis.py

if TYPE_CHECKING:
    import pandas as pd

    from ..corpus import Corpus


@dataclass(frozen=True)
class AlignmentTables:
    pairs: pd.DataFrame
    groups: pd.DataFrame
    coverage: pd.DataFrame


def available(corpus: Corpus) -> bool:
    return callable(getattr(corpus, "align", None))


def tables(corpus: Corpus) -> AlignmentTables | None:
    if not available(corpus):
        return None
    alignment = corpus.align()
    return AlignmentTables(alignment.pairs(), alignment.groups(), alignment.coverage())


def compare_available() -> bool:
    import crosswire

    return callable(getattr(crosswire, "compare", None))


def compare_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, float, str]]:
    """``(relation, score, reason)`` for each ``(a, b)`` sentence pair, compared in parallel."""
    import crosswire

    df = crosswire.compare_many(pairs)
    return list(zip(df["relation"].tolist(), df["score"].tolist(), df["reason"].tolist()))
