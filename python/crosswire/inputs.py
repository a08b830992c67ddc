"""Checks on what callers hand the core, so a bad argument gets an error that names it
(``texts[3]``, ``dates[0]``, ``pairs[2][1]``) instead of a conversion error from deep inside."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import numpy as _np
import pandas as _pd


def missing(value: Any) -> bool:
    """None, NaN, ``pd.NA`` or ``NaT``: what a DataFrame holds where it has no value."""
    if value is None:
        return True
    if isinstance(value, (str, bytes)) or not _pd.api.types.is_scalar(value):
        return False
    return bool(_pd.isna(value))


def text(value: Any, what: str) -> str:
    """``value`` if it is a str; else a TypeError naming ``what`` (bytes get a hint)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        raise TypeError(f"{what} is bytes, not str: decode it first, e.g. with .decode('utf-8')")
    kind = "missing" if missing(value) else type(value).__name__
    raise TypeError(f"{what} is {kind}, not str")


def iso_date(date: Any, where: str) -> str | None:
    """A date as the core takes it: an ISO string (the core checks it), or None if missing."""
    if missing(date):
        return None
    if isinstance(date, _dt.datetime):  # pandas.Timestamp too
        return date.date().isoformat()
    if isinstance(date, _dt.date):
        return date.isoformat()
    if isinstance(date, str):
        return date
    if isinstance(date, _np.datetime64):
        return _pd.Timestamp(date).date().isoformat()
    raise TypeError(
        f"{where} is {type(date).__name__}; a date must be a datetime.date, an ISO string or None"
    )


def column(values: Any, n: int, what: str) -> list[Any]:
    """One item per text: ``values`` as a list of ``n``, or ``n`` Nones if not given."""
    if values is None:
        return [None] * n
    if isinstance(values, (str, bytes)):
        raise TypeError(
            f"{what} must be a sequence with one item per text, not a single {type(values).__name__}"
        )
    values = list(values)
    if len(values) != n:
        raise ValueError(f"{what} has {len(values)} items for {n} texts")
    return values


def strings(values: list[Any], what: str, *, optional: bool) -> list[str | None]:
    """Each item a str (or, if ``optional``, missing: None)."""
    out: list[str | None] = []
    for i, value in enumerate(values):
        if isinstance(value, str):
            out.append(value)
        elif optional and missing(value):
            out.append(None)
        else:
            text(value, f"{what}[{i}]")  # raises, naming the item
    return out


def unencodable(named: Iterable[tuple[str, Any]]) -> str:
    """Names the first of ``(name, value)`` that is a str the core cannot take (a lone
    surrogate is not UTF-8), for the error raised when the core refused one."""
    for what, value in named:
        if not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            return f"{what} is not valid Unicode at character {e.start}: {e.reason}"
    return "a string is not valid Unicode"


def indexed(what: str, values: Iterable[Any]) -> Iterable[tuple[str, Any]]:
    """``(what[i], value)`` for each value: the names :func:`unencodable` reports."""
    return ((f"{what}[{i}]", value) for i, value in enumerate(values))
