"""Tables as CSV or JSON lines, for the command line and for scripts."""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "jsonl")


def _native_columns(df: pd.DataFrame) -> list[list[Any]]:
    # .tolist() yields Python ints, bools and strs (categoricals included), which both the
    # csv and json modules write as is.
    return [df[c].tolist() for c in df.columns]


def write_table(df: pd.DataFrame, out: TextIO, format: str = "csv") -> None:
    """Writes ``df`` without its index: CSV with a header row (RFC 4180 quoting, ``\\n`` line
    ends), or one JSON object per line (UTF-8 as is, booleans as ``true``/``false``).

    Open files with ``newline=""`` so CSV fields holding line breaks survive on every platform.
    """
    names = [str(c) for c in df.columns]
    rows = zip(*_native_columns(df))
    if format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
    elif format == "jsonl":
        dumps = json.JSONEncoder(ensure_ascii=False).encode
        out.writelines(dumps(dict(zip(names, row))) + "\n" for row in rows)
    else:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
