"""Tables as CSV or JSON lines, for the command line and for scripts."""

from __future__ import annotations

import csv
import json
import math
from typing import Any, TextIO

import numpy as np
import pandas as pd

FORMATS = ("csv", "jsonl", "json")


def _cell(value: Any) -> Any:
    """A missing value (NaN in a string column) as None; tuples as lists; numpy scalars (what
    a sparse column's ``tolist`` gives) as Python's; the rest as is."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [_cell(v) for v in value]
    return value


def _native_columns(df: pd.DataFrame) -> list[list[Any]]:
    # .tolist() yields Python ints, bools and strs (categoricals included), which both the
    # csv and json modules write as is.
    return [[_cell(v) for v in df[c].tolist()] for c in df.columns]


def _csv_cell(value: Any) -> Any:
    # Lists (entity ids, aliases, figures) as JSON, so a CSV reader can take them apart again.
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_table(df: pd.DataFrame, out: TextIO, format: str = "csv") -> None:
    """Writes ``df`` without its index: CSV with a header row (RFC 4180 quoting, ``\\n`` line
    ends, list cells as JSON, missing values empty), one JSON object per line, or one JSON
    array of objects (UTF-8 as is, booleans as ``true``/``false``, missing values ``null``).

    Open files with ``newline=""`` so CSV fields holding line breaks survive on every platform.
    """
    names = [str(c) for c in df.columns]
    rows = zip(*_native_columns(df))
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    if format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
    elif format == "jsonl":
        out.writelines(dumps(dict(zip(names, row))) + "\n" for row in rows)
    elif format == "json":
        out.write("[")
        for i, row in enumerate(rows):
            out.write(("," if i else "") + "\n" + dumps(dict(zip(names, row))))
        out.write("\n]\n")
    else:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
