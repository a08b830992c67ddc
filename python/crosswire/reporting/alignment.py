"""The one place the report, the CLI and :class:`~crosswire.Analysis` reach alignment through.

``corpus.align()`` returns an object with ``pairs()``, ``groups()`` and ``coverage()``
DataFrames (see docs/design.md); :func:`tables` runs it and hands the three tables back
together. :func:`compare_pairs` compares free-standing sentence pairs with ``cw.compare_many``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from ..corpus import Corpus


@dataclass(frozen=True)
class AlignmentTables:
    pairs: pd.DataFrame
    groups: pd.DataFrame
    coverage: pd.DataFrame


def tables(corpus: Corpus) -> AlignmentTables:
    alignment = corpus.align()
    return AlignmentTables(alignment.pairs(), alignment.groups(), alignment.coverage())


def compare_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, float, str]]:
    """``(relation, score, reason)`` for each ``(a, b)`` sentence pair, compared in parallel."""
    import crosswire

    df = crosswire.compare_many(pairs)
    return list(zip(df["relation"].tolist(), df["score"].tolist(), df["reason"].tolist()))
