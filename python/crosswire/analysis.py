"""A whole analysis as tables, saved to one JSON file and loaded back without re-running it.

>>> import crosswire as cw
>>> analysis = cw.Analysis.from_corpus(cw.datasets.kherson_2022())  # doctest: +SKIP
>>> analysis.save("kherson.json")                                    # doctest: +SKIP
>>> cw.Analysis.load("kherson.json").claims.equals(analysis.claims)  # doctest: +SKIP
True

The file is plain JSON: ``{"format": ..., "crosswire": version, "tables": {name: {"columns":
[{"name", "type", ...}], "data": [[column values], ...]}}}``, readable from any language.
Column types are recorded so the DataFrames come back exactly as they were: categoricals,
integer widths, missing values, lists and ``(text, label)`` tuples. A sparse column (the
coverage table's) is stored as ``{"rows": [...], "values": [...]}``, its non-zero cells only.

Loading checks the whole file against this layout before building anything: damage (a
truncated file, a column one value short, a value of the wrong type) raises one
:class:`AnalysisError` that names the file and says what is wrong where.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import analysis_schema as schema
from ._core import __version__
from .analysis_schema import AnalysisError
from .columns import frame, giving_back
from .frames import sparse_column

if TYPE_CHECKING:
    from .corpus import Corpus

FORMAT = schema.FORMAT
TABLES = schema.TABLES

__all__ = ["Analysis", "AnalysisError", "FORMAT"]


@dataclass(frozen=True)
class Analysis:
    """Every table of a corpus's analysis, as DataFrames.

    ``documents``: one row per document (name, date, source, sizes, text); ``entities``,
    ``entity_table``, ``claims``: as from :class:`~crosswire.Corpus`; ``pairs``, ``groups``,
    ``coverage``: as from ``corpus.align()``.
    """

    documents: pd.DataFrame
    entities: pd.DataFrame
    entity_table: pd.DataFrame
    claims: pd.DataFrame
    pairs: pd.DataFrame
    groups: pd.DataFrame
    coverage: pd.DataFrame
    version: str = __version__

    @classmethod
    def from_corpus(cls, corpus: Corpus) -> Analysis:
        """Runs every stage on ``corpus`` (those already run are not run again)."""
        alignment = corpus.align()
        return cls(
            documents=documents_table(corpus),
            entities=corpus.entities(),
            entity_table=corpus.entity_table(),
            claims=corpus.claims(),
            pairs=alignment.pairs(),
            groups=alignment.groups(),
            coverage=alignment.coverage(),
        )

    # -- JSON ------------------------------------------------------------------------------

    def _json_pieces(self) -> Iterator[str]:
        """The JSON text in pieces, one table at a time, so that saving holds one table's
        text in memory, not the whole file's."""
        head = json.dumps({"format": FORMAT, "crosswire": self.version}, ensure_ascii=False)
        yield head[:-1] + ', "tables": {'
        for i, name in enumerate(TABLES):
            table = _encode_frame(getattr(self, name))
            yield ("" if i == 0 else ", ") + json.dumps(name) + ": "
            yield json.dumps(table, ensure_ascii=False, allow_nan=False, default=_json_default)
        yield "}}"

    def to_json(self) -> str:
        return "".join(self._json_pieces())

    @classmethod
    def from_json(cls, text: str, *, source: str | None = None) -> Analysis:
        """Reads what :meth:`to_json` wrote (and files of format ``crosswire.analysis/1``).
        Raises :class:`AnalysisError` if it is not a whole, well-formed analysis; ``source``
        (a file name) goes in its message.

        Files from earlier versions may carry an ``"aligned"`` key: ``true`` is ignored;
        anything else marks a file from a build without the alignment stage, whose pairs,
        groups and coverage are empty placeholders rather than results, so it is refused
        (re-run :meth:`from_corpus`)."""
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as e:
            # A file cut short fails at its end, or in the string its end cuts through.
            cut = e.pos >= len(text.rstrip()) or e.msg.startswith("Unterminated string")
            raise AnalysisError(
                f"not valid JSON at line {e.lineno}, column {e.colno} ({e.msg})"
                + (": the file ends early, it may be truncated" if cut else ""),
                source,
            ) from None
        except RecursionError:
            raise AnalysisError("not an analysis: its JSON is nested too deeply", source) from None
        tables = schema.check(payload, source)
        frames = {}
        for name in TABLES:
            try:
                frames[name] = _decode_frame(tables[name])
            except (ValueError, TypeError, OverflowError) as e:  # a value its type cannot hold
                raise AnalysisError(f"table {name}: {e}", source) from None
        return cls(**frames, version=str(payload.get("crosswire", "")))

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Writes the analysis as JSON (UTF-8) and returns the path."""
        target = Path(path)
        with open(target, "w", encoding="utf-8") as f:
            f.writelines(self._json_pieces())
        return target

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Analysis:
        """Reads a file written by :meth:`save`. Raises :class:`AnalysisError` naming the file
        when it is damaged or not an analysis (and OSError when it cannot be read at all)."""
        data = Path(path).read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise AnalysisError(f"not UTF-8 at byte offset {e.start}", os.fspath(path)) from None
        return cls.from_json(text, source=os.fspath(path))

    # -- Python protocols ------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Analysis):
            return NotImplemented
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            if isinstance(a, pd.DataFrame):
                if not _frames_equal(a, b):
                    return False
            elif a != b:
                return False
        return True

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(getattr(self, name)):,}" for name in TABLES)
        return f"<Analysis: {sizes}>"


DOCUMENT_COLUMNS = [
    "name",
    "date",
    "source",
    "characters",
    "tokens",
    "sentences",
    "boilerplate_characters",
    "boilerplate_share",
]


@giving_back
def documents_table(corpus: Corpus) -> pd.DataFrame:
    """One row per document: name, date, source, sizes, boilerplate share and the text (as
    ``summary.document_summary`` gives them), from the core's columns."""
    df = frame(corpus._core.document_columns(), [*DOCUMENT_COLUMNS, "text"])
    for name in ("date", "source"):
        # As pandas inferred them from Python values before: a column no document fills
        # is object (None), not str (NaN).
        if len(df) and df[name].isna().all():
            df[name] = np.full(len(df), None, dtype=object)
    return df


def _frames_equal(a: pd.DataFrame, b: Any) -> bool:
    if not isinstance(b, pd.DataFrame):
        return False
    try:
        pd.testing.assert_frame_equal(a, b)
    except AssertionError:
        return False
    return True


# -- columns -> JSON ---------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    """What ``json`` cannot write itself: dates (ISO) and numpy scalars and arrays."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (np.generic, np.ndarray)):
        return value.tolist()
    raise TypeError(f"a {type(value).__name__} cannot be saved in an analysis")


def _missing(value: Any) -> bool:
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
    )


def _native(value: Any) -> Any:
    """A cell of an object column as JSON: missing values None, also inside lists."""
    if isinstance(value, (list, tuple)):
        return [_native(v) for v in value]
    return None if _missing(value) else value


def _shape(values: list[Any]) -> str:
    """How an object column's cells are built: plain, tuple, list of tuples, date."""
    for v in values:
        if isinstance(v, tuple):
            return "tuple"
        if isinstance(v, list) and any(isinstance(x, tuple) for x in v):
            return "list[tuple]"
        if isinstance(v, _dt.date):
            return "date"
    return "plain"


def _encode_series(name: Any, s: pd.Series) -> tuple[dict[str, Any], Any]:
    meta: dict[str, Any] = {"name": _native(name)}
    dtype = s.dtype
    if isinstance(dtype, pd.SparseDtype):
        array = s.array
        meta.update(
            type="sparse",
            subtype=str(dtype.subtype),
            fill=_native(array.fill_value),
            length=len(s),
        )
        values = array.sp_values.tolist()
        if dtype.subtype.kind == "f":
            values = [None if _missing(v) else v for v in values]
        return meta, {"rows": array.sp_index.indices.tolist(), "values": values}
    if isinstance(dtype, pd.CategoricalDtype):
        meta["type"] = "category"
        meta["categories"] = [_native(c) for c in dtype.categories.tolist()]
        meta["ordered"] = bool(dtype.ordered)
        return meta, _plain(s)
    if pd.api.types.is_object_dtype(dtype):
        values = s.tolist()
        meta["type"] = "object"
        meta["shape"] = _shape(values)
        return meta, [v if type(v) is str else _native(v) for v in values]
    meta["type"] = str(dtype)
    return meta, _plain(s)


def _plain(s: pd.Series) -> list[Any]:
    """A column of scalars as Python values, missing ones None (vectorised, not per cell)."""
    return s.to_numpy(dtype=object, na_value=None).tolist()


def _encode_frame(df: pd.DataFrame) -> dict[str, Any]:
    index_names: list[Any] = []
    if not (
        isinstance(df.index, pd.RangeIndex)
        and df.index.start == 0
        and df.index.step == 1
        and df.index.name is None
    ):
        index_names = [n if n is not None else "index" for n in df.index.names]
        df = df.reset_index(names=index_names)
    columns, data = [], []
    for name, column in df.items():
        meta, values = _encode_series(name, column)
        columns.append(meta)
        data.append(values)
    return {
        "columns": columns,
        "data": data,
        "index": [_native(n) for n in index_names],
        "columns_name": _native(df.columns.name),
        "columns_type": "category" if isinstance(df.columns, pd.CategoricalIndex) else "plain",
    }


# -- JSON -> columns (already checked by analysis_schema) ---------------------------------------


def _decode_column(meta: dict[str, Any], values: Any) -> Any:
    """A column as an array pandas takes as it is (no per-column Series to align and copy)."""
    kind = meta["type"]
    if kind == "sparse":
        dtype = _sparse_dtype(meta["subtype"], meta["fill"])
        return sparse_column(values["values"], values["rows"], meta["length"], dtype)
    if kind == "category":
        dtype = pd.CategoricalDtype(meta["categories"], ordered=meta.get("ordered", False))
        return pd.Categorical(values, dtype=dtype)
    if kind == "object":
        shape = meta.get("shape", "plain")
        if shape == "tuple":
            values = [tuple(v) if isinstance(v, list) else v for v in values]
        elif shape == "list[tuple]":
            values = [
                [tuple(x) if isinstance(x, list) else x for x in v] if isinstance(v, list) else v
                for v in values
            ]
        elif shape == "date":
            values = [_dt.date.fromisoformat(v) if isinstance(v, str) else v for v in values]
        column = np.empty(len(values), dtype=object)
        column[:] = values  # element by element: a list cell stays a list
        return column
    if kind.startswith("float"):
        return pd.array([math.nan if v is None else v for v in values], dtype=kind)
    return pd.array(values, dtype=kind)


@functools.cache
def _sparse_dtype(subtype: str, fill: Any) -> pd.SparseDtype:
    # Building a SparseDtype costs more than building its column: one per kind, not per column.
    return pd.SparseDtype(subtype, fill)


def _decode_frame(table: dict[str, Any]) -> pd.DataFrame:
    columns = table["columns"]
    arrays = [_decode_column(meta, values) for meta, values in zip(columns, table["data"])]
    names = [meta["name"] for meta in columns]
    df = pd.DataFrame(dict(enumerate(arrays)), copy=False) if arrays else pd.DataFrame()
    if names:
        df.columns = pd.Index(names)
    index = table.get("index") or []
    if index:
        df = df.set_index(index)
        df.index.names = [None if n == "index" else n for n in df.index.names]
        df.columns = pd.Index(list(df.columns))  # their type inferred anew, as when first built
    if table.get("columns_type") == "category":
        df.columns = pd.CategoricalIndex(df.columns)
    df.columns.name = table.get("columns_name")
    return df
