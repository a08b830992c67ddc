"""A whole analysis as tables, saved to one JSON file and loaded back without re-running it.

>>> import crosswire as cw
>>> analysis = cw.Analysis.from_corpus(cw.datasets.kherson_2022())  # doctest: +SKIP
>>> analysis.save("kherson.json")                                    # doctest: +SKIP
>>> cw.Analysis.load("kherson.json").claims.equals(analysis.claims)  # doctest: +SKIP
True

The file is plain JSON: ``{"format": ..., "crosswire": version, "tables":
{name: {"columns": [{"name", "type", ...}], "data": [[column values], ...]}}}``, readable
from any language. Column types are recorded so the DataFrames come back exactly as they
were: categoricals, integer widths, missing values, lists and ``(text, label)`` tuples.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import summary
from ._core import __version__
from .reporting import alignment as _alignment

if TYPE_CHECKING:
    from .corpus import Corpus

FORMAT = "crosswire.analysis/1"
TABLES = ("documents", "entities", "entity_table", "claims", "pairs", "groups", "coverage")

__all__ = ["Analysis", "FORMAT"]


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
        alignment = _alignment.tables(corpus)
        return cls(
            documents=documents_table(corpus),
            entities=corpus.entities(),
            entity_table=corpus.entity_table(),
            claims=corpus.claims(),
            pairs=alignment.pairs,
            groups=alignment.groups,
            coverage=alignment.coverage,
        )

    # -- JSON ------------------------------------------------------------------------------

    def to_json(self) -> str:
        payload = {
            "format": FORMAT,
            "crosswire": self.version,
            "tables": {name: _encode_frame(getattr(self, name)) for name in TABLES},
        }
        return json.dumps(payload, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        """Reads what :meth:`to_json` wrote. Files from earlier versions may carry an
        ``"aligned"`` key: ``true`` is ignored; anything else marks a file from a build without
        the alignment stage, whose pairs, groups and coverage are empty placeholders rather
        than results, so it is refused with a ValueError (re-run :meth:`from_corpus`)."""
        payload = json.loads(text)
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            found = payload.get("format") if isinstance(payload, dict) else type(payload).__name__
            raise ValueError(f"not a crosswire analysis (format {found!r}, expected {FORMAT!r})")
        if payload.get("aligned", True) is not True:
            raise ValueError(
                "this analysis was saved by a crosswire without alignment, so it has no pairs, groups "
                "or coverage; run Analysis.from_corpus again to get them"
            )
        tables = payload["tables"]
        missing = [name for name in TABLES if name not in tables]
        if missing:
            raise ValueError(f"the analysis has no table {', '.join(missing)}")
        return cls(
            **{name: _decode_frame(tables[name]) for name in TABLES},
            version=str(payload.get("crosswire", "")),
        )

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Writes the analysis as JSON (UTF-8) and returns the path."""
        target = Path(path)
        target.write_text(self.to_json(), encoding="utf-8")
        return target

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Analysis:
        """Reads a file written by :meth:`save`; see :meth:`from_json` for older files."""
        return cls.from_json(Path(path).read_text(encoding="utf-8"))

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


def documents_table(corpus: Corpus) -> pd.DataFrame:
    """One row per document: name, date, source, sizes, boilerplate share and the text."""
    rows = summary.corpus_summary(corpus)
    df = pd.DataFrame(
        [r.to_dict() for r in rows],
        columns=[
            "name",
            "date",
            "source",
            "characters",
            "tokens",
            "sentences",
            "boilerplate_characters",
            "boilerplate_share",
        ],
    )
    df["text"] = [doc.text for doc in corpus]
    return df


def _frames_equal(a: pd.DataFrame, b: Any) -> bool:
    if not isinstance(b, pd.DataFrame):
        return False
    try:
        pd.testing.assert_frame_equal(a, b)
    except AssertionError:
        return False
    return True


# -- columns <-> JSON --------------------------------------------------------------------------


def _native(value: Any) -> Any:
    """A cell as JSON: tuples become lists (the column type says to turn them back)."""
    if isinstance(value, (list, tuple)):
        return [_native(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy scalars and arrays
        return _native(value.tolist())
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return None
    return value


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


def _encode_series(name: Any, s: pd.Series) -> tuple[dict[str, Any], list[Any]]:
    meta: dict[str, Any] = {"name": _native(name)}
    if isinstance(s.dtype, pd.CategoricalDtype):
        meta["type"] = "category"
        meta["categories"] = [_native(c) for c in s.cat.categories]
        meta["ordered"] = bool(s.cat.ordered)
        return meta, [_native(v) for v in s.astype(object).where(s.notna(), None).tolist()]
    if s.dtype == object:
        values = s.tolist()
        meta["type"] = "object"
        meta["shape"] = _shape(values)
        return meta, [_native(v) for v in values]
    meta["type"] = str(s.dtype)
    return meta, [_native(v) for v in s.tolist()]


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
    for i, name in enumerate(df.columns):
        meta, values = _encode_series(name, df.iloc[:, i])
        columns.append(meta)
        data.append(values)
    return {
        "columns": columns,
        "data": data,
        "index": [_native(n) for n in index_names],
        "columns_name": _native(df.columns.name),
        "columns_type": "category" if isinstance(df.columns, pd.CategoricalIndex) else "plain",
    }


def _decode_series(meta: dict[str, Any], values: list[Any]) -> pd.Series:
    kind = meta["type"]
    if kind == "category":
        dtype = pd.CategoricalDtype(meta["categories"], ordered=meta.get("ordered", False))
        return pd.Series(pd.Categorical(values, dtype=dtype))
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
        return pd.Series(values, dtype=object)
    if kind.startswith("float"):
        return pd.Series([math.nan if v is None else v for v in values], dtype=kind)
    return pd.Series(values, dtype=kind)


def _decode_frame(table: dict[str, Any]) -> pd.DataFrame:
    columns = table["columns"]
    series = [_decode_series(meta, values) for meta, values in zip(columns, table["data"])]
    names = [meta["name"] for meta in columns]
    df = pd.DataFrame(dict(enumerate(series))) if series else pd.DataFrame()
    if names:
        df.columns = pd.Index(names)
    index = table.get("index") or []
    if index:
        df = df.set_index(index)
        df.index.names = [None if n == "index" else n for n in df.index.names]
    if table.get("columns_type") == "category":
        df.columns = pd.CategoricalIndex(df.columns)
    df.columns.name = table.get("columns_name")
    return df
