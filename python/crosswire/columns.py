"""The core's table columns (flat buffers, see src/python/columns.rs) as pandas arrays, with
no Python object per row: numbers as numpy arrays over the core's bytes, strings as Arrow
string arrays (pandas' own ``str`` dtype), few-valued strings from codes.

List-valued columns (a claim's entities, figures and dates, an entity's aliases and
documents) stay object columns of Python lists, as before: made from Arrow lists in one
call, but a Python list and str per cell. As pandas' Arrow list dtype their cells would print
as numpy arrays (``to_csv``, ``repr``) and no longer equal the lists they were; ``STR_LIST``
and :func:`arrow_lists` are that form, for a caller that wants it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa

from . import _core

# pandas' default string dtype (pandas 3): Arrow-backed, NaN where missing.
STR = pd.StringDtype("pyarrow", na_value=np.nan)
STR_LIST = pd.ArrowDtype(pa.large_list(pa.large_string()))


def _array(kind: str, parts: tuple[Any, ...], categories: bool) -> Any:
    if kind == "i64":
        values = np.frombuffer(parts[0], dtype=np.int64)
        if len(parts) == 1:
            return values
        return pd.arrays.IntegerArray(values, np.frombuffer(parts[1], dtype=np.bool_))
    if kind == "f64":
        return np.frombuffer(parts[0], dtype=np.float64)
    if kind == "bool":
        return np.frombuffer(parts[0], dtype=np.bool_)
    if kind == "boolean":
        flags, missing = (np.frombuffer(p, dtype=np.bool_) for p in parts)
        return pd.arrays.BooleanArray(flags, missing)
    if kind == "codes":
        return np.frombuffer(parts[0], dtype=np.int32)
    if kind == "str":
        return _strings(strings(*parts))
    if kind == "words":
        codes = np.frombuffer(parts[0], dtype=np.int32)
        if categories:
            return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(list(parts[1])))
        values = pa.array(list(parts[1]), type=pa.large_string())
        return _strings(values.take(pa.array(codes, mask=codes < 0)))
    if kind == "strs":
        offsets, text_offsets, data = parts
        return _str_lists(_int64s(offsets), strings(text_offsets, data, None))
    if kind == "ints":
        offsets, values = parts
        return _objects(pa.LargeListArray.from_arrays(_int64s(offsets), _int64s(values)))
    raise ValueError(f"unknown column kind {kind!r}")


def _objects(lists: pa.Array) -> np.ndarray:
    column = np.empty(len(lists), dtype=object)
    column[:] = lists.to_pylist()  # element by element: each cell stays a list
    return column


def _str_lists(offsets: pa.Array, values: pa.Array) -> np.ndarray:
    """An object column of lists of str, as ``_objects`` makes, but one str object per distinct
    value, shared by every cell that holds it (str is immutable: the cells are equal, and
    each list is its own). A claim's entity ids and an entity's document names repeat across
    rows: a str per cell was most of the claims table's bytes (about 60 bytes an entry)."""
    encoded = values.dictionary_encode()
    distinct = np.empty(len(encoded.dictionary), dtype=object)
    distinct[:] = encoded.dictionary.to_pylist()
    flat = distinct[encoded.indices.to_numpy(zero_copy_only=False)].tolist()
    bounds = offsets.to_numpy().tolist()
    column = np.empty(len(bounds) - 1, dtype=object)
    column[:] = [flat[a:b] for a, b in zip(bounds, bounds[1:])]
    return column


def arrow_lists(column: tuple[Any, ...]) -> pd.api.extensions.ExtensionArray:
    """A ``strs`` column of the core as pandas' Arrow list array (``STR_LIST``)."""
    kind, offsets, text_offsets, data = column
    if kind != "strs":
        raise ValueError(f"not a column of string lists: {kind!r}")
    values = strings(text_offsets, data, None)
    return pd.arrays.ArrowExtensionArray(pa.LargeListArray.from_arrays(_int64s(offsets), values))


def _int64s(buffer: Any) -> pa.Array:
    return pa.Array.from_buffers(pa.int64(), len(buffer) // 8, [None, pa.py_buffer(buffer)])


def strings(offsets: Any, data: Any, validity: Any) -> pa.Array:
    """An Arrow large_string array over the core's buffers (no copy)."""
    n = len(offsets) // 8 - 1
    buffers = [None if validity is None else pa.py_buffer(validity)]
    buffers += [pa.py_buffer(offsets), pa.py_buffer(data)]
    return pa.Array.from_buffers(pa.large_string(), n, buffers)


def _strings(values: pa.Array) -> Any:
    return pd.arrays.ArrowStringArray(values, dtype=STR)


def arrays(
    columns: dict[str, tuple[Any, ...]], names: Sequence[str], categories: Sequence[str] = ()
) -> dict[str, Any]:
    """The columns ``names`` as arrays pandas takes as they are; few-valued string columns
    named in ``categories`` as categoricals (their distinct values sorted), others as str."""
    return {n: _array(columns[n][0], columns[n][1:], n in categories) for n in names}


def frame(
    columns: dict[str, tuple[Any, ...]],
    names: Sequence[str],
    docs: Sequence[str] | None = None,
    categories: Sequence[str] = (),
) -> pd.DataFrame:
    """A DataFrame of the columns ``names``; ``doc`` (codes) as the categorical of the
    document names ``docs``."""
    cols = arrays(columns, names, categories)
    if docs is not None and "doc" in cols:
        cols["doc"] = pd.Categorical.from_codes(cols["doc"], categories=docs)
    return pd.DataFrame(cols, columns=list(names), copy=False)


def give_back() -> None:
    """Returns the memory a table step freed to the system: the C and Rust heaps' free pages
    (``src/python/memory.rs``) and Arrow's pool's. Without it the process keeps its size after
    each table, though what it holds is the table."""
    _core.give_back()
    pa.default_memory_pool().release_unused()


T = TypeVar("T")


def giving_back(make: Callable[..., T]) -> Callable[..., T]:
    """``make`` (a table step), then :func:`give_back`."""

    @functools.wraps(make)
    def made(*args: Any, **kwargs: Any) -> T:
        try:
            return make(*args, **kwargs)
        finally:
            give_back()

    return made
