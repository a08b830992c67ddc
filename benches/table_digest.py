"""SHA-256 of the claims, entities, pairs and groups tables of a corpus folder: an exact
optimisation must leave every digest as it was.

    python benches/table_digest.py target/corpora/2000-seed0

Each table is written as CSV (floats at full precision, lists as their repr) and hashed, so
two builds agree only if every row, column and value does. The CPU seconds of the whole
analysis are printed beside them (not part of the digest).
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys


def digest(df) -> str:
    """The table's CSV, floats written exactly (repr precision), hashed."""
    text = df.to_csv(index=False, float_format="%.17g")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    args = parser.parse_args()
    import crosswire as cw

    corpus = cw.Corpus.from_dir(args.folder)
    tables = {
        "claims": corpus.claims,
        "entities": corpus.entities,
        "pairs": lambda: corpus.align().pairs(),
        "groups": lambda: corpus.align().groups(),
    }
    for name, make in tables.items():
        df = make()
        print(f"{name:<9} {len(df):>9,} rows  {digest(df)}")
    r = resource.getrusage(resource.RUSAGE_SELF)
    print(f"CPU s {r.ru_utime + r.ru_stime:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
