"""Writes every table crosswire produces to a folder, so that a change meant to keep behaviour
(a restructuring, a speed-up) can be checked with one `diff -r`:

    python scripts/snapshot.py /tmp/before          # on the old build
    python scripts/snapshot.py /tmp/after           # on the new build
    diff -r /tmp/before /tmp/after && echo identical

For the bundled sample corpus and, when it sits beside the clone, ../shared/corpus/newswcl50-dev:
the tokens, sentences, boilerplate, entities, entity table, claims, pairs, groups and coverage
tables as CSV, and the HTML report. For MSRP (when present): the relation, score and reason
of every pair through `cw.compare_many`. Floats are written with repr precision (bit-exact).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import crosswire as cw
import pandas as pd

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TABLES = ["tokens", "sentences", "boilerplate", "entities", "entity_table", "claims"]
ALIGNMENT_TABLES = ["pairs", "groups", "coverage"]


def write(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=isinstance(df.index, pd.MultiIndex) or df.index.name is not None)


def corpus_snapshot(corpus: cw.Corpus, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        write(getattr(corpus, table)(), out / f"{table}.csv")
    alignment = corpus.align()
    for table in ALIGNMENT_TABLES:
        write(getattr(alignment, table)(), out / f"{table}.csv")
    cw.report(corpus, out / "report.html")


def msrp_snapshot(path: Path, out: Path) -> None:
    pairs = []
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                pairs.append((parts[3], parts[4]))
    write(cw.compare_many(pairs), out / "msrp.csv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the snapshot to")
    args = parser.parse_args()
    pd.set_option("display.precision", 17)
    corpus_snapshot(cw.datasets.kherson_2022(), args.out / "kherson-2022")
    dev = SHARED / "corpus" / "newswcl50-dev"
    if dev.is_dir():
        for event in sorted(p for p in dev.iterdir() if p.is_dir()):
            corpus_snapshot(cw.Corpus.from_dir(event), args.out / f"newswcl50-dev-{event.name}")
    msrp = SHARED / "data" / "msrp" / "msr_paraphrase_train.txt"
    if msrp.is_file():
        msrp_snapshot(msrp, args.out)
    print(f"snapshot written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
