"""pandas tables, built from columns the core hands over in one call as flat buffers
(``columns.py``): no Python object per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from pandas._libs.sparse import IntIndex
from pandas.arrays import SparseArray

from . import _core
from .columns import frame, giving_back

if TYPE_CHECKING:
    from .corpus import Corpus


def _table(
    corpus: Corpus, columns: dict, order: list[str], categories: Sequence[str] = ()
) -> pd.DataFrame:
    # Document names as a categorical: one string per document, not per row.
    return frame(columns, order, docs=corpus.names, categories=categories)


TOKEN_COLUMNS = ["doc", "i", "start", "end", "text", "kind", "boilerplate"]
SYNTAX_COLUMNS = ["pos", "tag", "lemma", "head", "dep"]


@giving_back
def tokens(corpus: Corpus) -> pd.DataFrame:
    cols = corpus._core.token_columns()
    # A few dozen distinct tags and labels: categoricals, as for the document names.
    return _table(corpus, cols, TOKEN_COLUMNS + SYNTAX_COLUMNS, categories=("pos", "tag", "dep"))


@giving_back
def sentences(corpus: Corpus) -> pd.DataFrame:
    cols = corpus._core.sentence_columns()
    return _table(corpus, cols, ["doc", "i", "start", "end", "text", "boilerplate"])


@giving_back
def boilerplate(corpus: Corpus) -> pd.DataFrame:
    cols = corpus._core.boilerplate_columns()
    return _table(corpus, cols, ["doc", "i", "start", "end", "text", "kind"])


# Entity labels of figures (which carry value/unit/bounds) and of dates and times, as the
# core defines them.
FIGURE_LABELS = frozenset(_core.FIGURE_LABELS)
TIME_LABELS = frozenset(_core.TIME_LABELS)

ENTITY_COLUMNS = [
    "doc",
    "start",
    "end",
    "text",
    "label",
    "entity",
    "value",
    "unit",
    "lower",
    "upper",
    "approximate",
    "date",
    "relative",
    "source",
]


@giving_back
def entities(corpus: Corpus) -> pd.DataFrame:
    # Numbers as floats (NaN where a mention has none), flags as nullable booleans.
    return _table(corpus, corpus._core.entity_columns(), ENTITY_COLUMNS)


@giving_back
def entity_table(corpus: Corpus) -> pd.DataFrame:
    return entity_table_of(corpus._core.entity_table_columns())


ENTITY_TABLE_COLUMNS = ["entity", "name", "label", "aliases", "docs", "mentions"]


def entity_table_of(columns: dict) -> pd.DataFrame:
    """The entity table from the core's columns, most mentioned first."""
    df = frame(columns, ENTITY_TABLE_COLUMNS)
    return df.sort_values(["mentions", "entity"], ascending=[False, True], ignore_index=True)


CLAIM_COLUMNS = [
    "claim",
    "doc",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_entity",
    "pronoun",
    "cue",
    "cue_class",
    "polarity",
    "hedged",
    "quote",
    "entities",
    "figures",
    "when",
    "date",
    # The main frame: who did what to whom (claim.frame has it whole).
    "predicate",
    "event",
    "agent",
    "patient",
    "recipient",
    "place",
    "time",
    "modality",
]


@giving_back
def claims(corpus: Corpus) -> pd.DataFrame:
    cols = corpus._core.claim_columns()
    return _table(corpus, cols, CLAIM_COLUMNS)


CLAIM_SPAN_COLUMNS = [
    "claim",
    "doc",
    "speaker_start",
    "speaker_end",
    "pronoun_start",
    "pronoun_end",
    "cue_start",
    "cue_end",
]


@giving_back
def claim_spans(corpus: Corpus) -> pd.DataFrame:
    """One row per claim, in the order of :func:`claims`: claim, doc, and where its speaker,
    pronoun and cue sit in the document (code points, end exclusive; missing where the claim
    has none), as ``Claim.speaker_start`` and the others give them."""
    return _table(corpus, corpus._core.claim_columns(), CLAIM_SPAN_COLUMNS)


CLAIM_FIGURE_COLUMNS = [
    "claim",
    "doc",
    "start",
    "end",
    "text",
    "label",
    "value",
    "unit",
    "lower",
    "upper",
    "approximate",
]


@giving_back
def claim_figures(corpus: Corpus) -> pd.DataFrame:
    """One row per figure of each claim, as the core finds them: claim, doc, and the figure
    mention's start, end (offsets into the document), text, label, value, unit, lower, upper,
    approximate."""
    return _table(corpus, corpus._core.claim_figure_columns(), CLAIM_FIGURE_COLUMNS)


def sparse_column(
    values: Sequence[Any], rows: Sequence[int], length: int, dtype: pd.SparseDtype
) -> SparseArray:
    """A column of ``length`` cells holding ``values`` at ``rows`` (ascending, distinct) and
    ``dtype``'s fill value elsewhere, built without the dense column. pandas has no public way
    to do this before 3.0 (without scipy), and its ``SparseArray.from_indices`` costs about
    twenty times this per column, which adds up to minutes at 100,000 documents."""
    sp_values = np.asarray(values, dtype=dtype.subtype)
    return SparseArray._simple_new(
        sp_values, IntIndex(length, np.asarray(rows, dtype=np.int32)), dtype
    )
