"""The layout of an analysis file, checked as a whole before any table is built from it, so
that damage gives one :class:`AnalysisError` saying what is wrong where, never a bare
KeyError, a half-built table or a claim id quietly turned into NaN.

A file is ``{"format", "crosswire", "tables": {name: table}}`` with every name in
:data:`TABLES`; a table is ``{"columns": [meta], "data": [values], "index": [names],
"columns_name", "columns_type"}``, one ``values`` per ``meta``, all of the table's length.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

FORMAT = "crosswire.analysis/2"  # /2 added sparse columns (the coverage table's)
READABLE = ("crosswire.analysis/1", FORMAT)
TABLES = ("documents", "entities", "entity_table", "claims", "pairs", "groups", "coverage")
# The columns the rest of crosswire reads from each table.
REQUIRED = {
    "documents": ("name", "text"),
    "entities": ("doc", "start", "end", "label"),
    "entity_table": ("entity", "name", "label"),
    "claims": ("claim", "doc", "start", "end", "text"),
    "pairs": ("claim_a", "claim_b", "relation"),
    "groups": ("group", "claim", "doc"),
    "coverage": (),
}

__all__ = ["AnalysisError", "FORMAT", "TABLES", "check"]


class AnalysisError(ValueError):
    """An analysis file (or JSON text) that is damaged or not an analysis. ``path`` is the
    file (None for text passed to ``Analysis.from_json``); ``problem`` says what is wrong and
    where; the message is ``"<path>: <problem>"``."""

    def __init__(self, problem: str, path: str | None = None) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


def _is_iso_date(v: str) -> bool:
    try:
        _dt.date.fromisoformat(v)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class _Rule:
    """What the values of a column may be: their types (None: any JSON), a further test of
    each value that is not null, and how to say so."""

    types: frozenset[type] | None
    expected: str
    each: Callable[[Any], bool] | None = None

    def allows(self, v: Any) -> bool:
        if self.types is not None and type(v) not in self.types:
            return False
        return self.each is None or v is None or self.each(v)

    def allows_all(self, values: list[Any]) -> bool:
        # Types by set (at C speed): the per-value test runs only where a rule has one.
        if self.types is not None and not set(map(type, values)) <= self.types:
            return False
        return self.each is None or all(self.each(v) for v in values if v is not None)


_NULL = type(None)
_INTS = [f"{u}int{n}" for u in ("", "u") for n in (8, 16, 32, 64)]
_NULLABLE_INTS = [f"{u}Int{n}" for u in ("", "U") for n in (8, 16, 32, 64)]
_VALUES: dict[str, _Rule] = {
    **{t: _Rule(frozenset({int}), "an integer") for t in _INTS},
    **{t: _Rule(frozenset({int, _NULL}), "an integer or null") for t in _NULLABLE_INTS},
    **{
        t: _Rule(frozenset({int, float, _NULL}), "a number or null")
        for t in ("float32", "float64", "Float32", "Float64")
    },
    "bool": _Rule(frozenset({bool}), "true or false"),
    "boolean": _Rule(frozenset({bool, _NULL}), "true, false or null"),
    "str": _Rule(frozenset({str, _NULL}), "a string or null"),
    "string": _Rule(frozenset({str, _NULL}), "a string or null"),
}
_SHAPES: dict[str, _Rule] = {
    "plain": _Rule(None, "any value"),
    "tuple": _Rule(frozenset({list, _NULL}), "a list or null"),
    "list[tuple]": _Rule(frozenset({list, _NULL}), "a list or null"),
    "date": _Rule(frozenset({str, _NULL}), "an ISO date (YYYY-MM-DD) or null", _is_iso_date),
}
_SPARSE_SUBTYPES = {**{t: _VALUES[t] for t in _INTS}, "float64": _VALUES["float64"]}
_SCALAR = (str, int, float, bool, type(None))


def check(payload: Any, source: str | None = None) -> dict[str, dict[str, Any]]:
    """Checks a parsed analysis file and returns its tables; raises :class:`AnalysisError`
    (naming ``source``) at the first thing wrong."""

    def fail(problem: str) -> NoReturn:
        raise AnalysisError(problem, source)

    if not isinstance(payload, dict) or payload.get("format") not in READABLE:
        found = payload.get("format") if isinstance(payload, dict) else type(payload).__name__
        fail(f"not a crosswire analysis (format {found!r}, expected {FORMAT!r})")
    if payload.get("aligned", True) is not True:
        fail(
            "this analysis was saved by a crosswire without alignment, so it has no pairs, groups "
            "or coverage; run Analysis.from_corpus again to get them"
        )
    tables = payload.get("tables")
    if not isinstance(tables, dict):
        fail('the analysis has no "tables" object')
    missing = [name for name in TABLES if name not in tables]
    if missing:
        fail(f"the analysis has no table {', '.join(missing)}")
    for name in TABLES:
        _check_table(name, tables[name], fail)
    return tables


def _check_table(name: str, table: Any, fail: Callable[[str], NoReturn]) -> None:
    where = f"table {name}"
    if not isinstance(table, dict):
        fail(f"{where} is a {type(table).__name__}, not an object")
    columns, data = table.get("columns"), table.get("data")
    if not isinstance(columns, list) or not isinstance(data, list):
        fail(f'{where} needs "columns" and "data" lists')
    if len(columns) != len(data):
        fail(f"{where} describes {len(columns)} columns but holds data for {len(data)}")
    names: list[Any] = []
    length: tuple[Any, int] | None = None  # the first column's name and length
    for meta, values in zip(columns, data):
        # A column may be named None (pandas' unnamed column), but the key must be there.
        if (
            not isinstance(meta, dict)
            or "name" not in meta
            or not isinstance(meta["name"], _SCALAR)
        ):
            fail(f"{where}: column {len(names)} has no name")
        column = meta["name"]
        n = _check_column(f"{where}, column {column!r}", meta, values, fail)
        if length is None:
            length = (column, n)
        elif n != length[1]:
            fail(
                f"{where}: column {column!r} has {n:,} values but column {length[0]!r} has "
                f"{length[1]:,}"
            )
        names.append(column)
    index = table.get("index") or []
    if not isinstance(index, list) or any(i not in names for i in index):
        fail(f"{where}: its index {index!r} is not among its columns")
    if table.get("columns_type", "plain") not in ("plain", "category"):
        fail(f"{where}: unknown columns_type {table.get('columns_type')!r}")
    if not isinstance(table.get("columns_name"), _SCALAR):
        fail(f"{where}: columns_name must be a string or null")
    absent = [c for c in REQUIRED[name] if c not in names]
    if absent:
        fail(f"{where} has no column {', '.join(map(repr, absent))}")


def _check_column(
    where: str, meta: dict[str, Any], values: Any, fail: Callable[[str], NoReturn]
) -> int:
    """Checks one column; returns its length."""
    kind = meta.get("type")
    if kind == "sparse":
        return _check_sparse(where, meta, values, fail)
    if not isinstance(values, list):
        fail(f"{where}: its values are a {type(values).__name__}, not a list")
    if kind == "category":
        categories = meta.get("categories")
        if not isinstance(categories, list) or not all(isinstance(c, _SCALAR) for c in categories):
            fail(f"{where}: a category column needs a list of categories")
        if len(set(categories)) != len(categories):
            fail(f"{where}: its categories repeat")
        if not isinstance(meta.get("ordered", False), bool):
            fail(f"{where}: ordered must be true or false")
        allowed = set(categories)
        rule = _Rule(frozenset(map(type, [*categories, None])), "one of its categories or null")
        _check_values(where, values, rule, fail)
        if not set(values) <= allowed | {None}:
            row = next(i for i, v in enumerate(values) if v is not None and v not in allowed)
            fail(f"{where}, row {row:,}: expected {rule.expected}, found {_shown(values[row])}")
        return len(values)
    if kind == "object":
        shape = meta.get("shape", "plain")
        if not isinstance(shape, str) or shape not in _SHAPES:
            fail(f"{where}: unknown shape {shape!r}")
        rule = _SHAPES[shape]
    elif isinstance(kind, str) and kind in _VALUES:
        rule = _VALUES[kind]
    else:
        fail(f"{where}: unknown column type {kind!r}")
    _check_values(where, values, rule, fail)
    return len(values)


def _check_sparse(
    where: str, meta: dict[str, Any], cells: Any, fail: Callable[[str], NoReturn]
) -> int:
    length, subtype = meta.get("length"), meta.get("subtype")
    if not isinstance(length, int) or isinstance(length, bool) or length < 0:
        fail(f"{where}: a sparse column needs its length")
    if not isinstance(subtype, str) or subtype not in _SPARSE_SUBTYPES:
        fail(f"{where}: unknown sparse type {subtype!r}")
    rule = _SPARSE_SUBTYPES[subtype]
    if not rule.allows(meta.get("fill")):
        fail(f"{where}: its fill value must be {rule.expected}")
    if (
        not isinstance(cells, dict)
        or not isinstance(cells.get("rows"), list)
        or not isinstance(cells.get("values"), list)
    ):
        fail(f'{where}: a sparse column holds {{"rows": [...], "values": [...]}}')
    rows, values = cells["rows"], cells["values"]
    if len(rows) != len(values):
        fail(f"{where}: {len(rows):,} rows for {len(values):,} values")
    previous = -1
    for row in rows:
        if type(row) is not int or not previous < row < length:
            fail(f"{where}: row {row!r} is not in ascending order within 0..{length - 1}")
        previous = row
    _check_values(where, values, rule, fail)
    return length


def _check_values(
    where: str, values: list[Any], rule: _Rule, fail: Callable[[str], NoReturn]
) -> None:
    if rule.allows_all(values):
        return
    row = next(i for i, v in enumerate(values) if not rule.allows(v))
    fail(f"{where}, row {row:,}: expected {rule.expected}, found {_shown(values[row])}")


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
