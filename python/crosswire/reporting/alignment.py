"""The one place the report and :class:`~crosswire.Analysis` reach alignment through.

``corpus.align()`` returns an object with ``pairs()``, ``groups()`` and ``coverage()``
DataFrames (see docs/design.md); :func:`tables` runs it and hands the three tables back
together.
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
