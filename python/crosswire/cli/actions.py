"""What each command does: read the input, build the table or page, and return a writer.

A command raises :class:`~.errors.InputError` for anything the user can fix; it writes
nothing itself, so no output file is created when the input cannot be read.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import warnings
from pathlib import Path
from typing import Callable, TextIO, TypeVar

import pandas as pd

from .. import datasets, reporting, summary
from .._core import DecodeError
from ..alignment import compare_many
from ..corpus import Corpus
from ..export import write_table
from ..progress import Progress
from .errors import InputError, tell
from .spec import Run, Writer

T = TypeVar("T")


def load(args: argparse.Namespace) -> Corpus:
    """The corpus the arguments name: ``--sample`` or the folder DIR (warnings to stderr)."""
    if args.sample:
        return datasets.kherson_2022()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnicodeWarning)
        try:
            corpus = Corpus.from_dir(args.dir, errors=args.errors, recursive=args.recursive)
        except DecodeError as e:
            raise InputError(
                f"{e} (use --errors replace to read it with replacement characters)"
            ) from None
        except (OSError, ValueError) as e:
            raise InputError(str(e)) from None
    for w in caught:
        tell(f"warning: {w.message}")
    return corpus


# What the core computes for a table, in order: the progress bar's steps.
CORE_STAGES = ["text", "entities", "claims", "alignment"]


def analysed(args: argparse.Namespace, build: Callable[[Corpus], T]) -> T:
    """``build(corpus)`` on the corpus the arguments name, with a progress bar on stderr
    (a terminal only; ``--quiet`` turns it off): reading, then each stage the core computes,
    with its documents done out of all."""
    progress = Progress(["reading", *CORE_STAGES], enabled=False if args.quiet else None)
    with progress:
        progress.stage("reading")
        corpus = load(args)
        with progress.watching(corpus):
            return build(corpus)


# -- info ----------------------------------------------------------------------------------


def info(args: argparse.Namespace) -> Writer:
    rows = analysed(args, summary.corpus_summary)
    total = summary.totals(rows)
    if args.format == "json":
        report = {"documents": [r.to_dict() for r in rows], "totals": total.to_dict()}
        return lambda out: out.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    header = ["document", "date", "source", "characters", "tokens", "sentences", "boilerplate"]
    table = [
        [r.name, r.date.isoformat() if r.date else "-", r.source or "-", *_sizes(r)] for r in rows
    ]
    table.append(
        [f"total: {total.documents} documents", summary.date_range(rows) or "-", "", *_sizes(total)]
    )
    text = _format_table(header, table, numeric_from=3)
    return lambda out: out.write(text)


def _sizes(s: summary.Sizes) -> list[str]:
    return [f"{s.characters:,}", f"{s.tokens:,}", f"{s.sentences:,}", f"{s.boilerplate_share:.1%}"]


def _format_table(header: list[str], rows: list[list[str]], numeric_from: int) -> str:
    """Plain-text columns, numbers right-aligned, a rule under the header and above the last row."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if i >= numeric_from else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths))
        ]
        return "  ".join(parts).rstrip() + "\n"

    rule = "  ".join("-" * w for w in widths) + "\n"
    return line(header) + rule + "".join(line(r) for r in rows[:-1]) + rule + line(rows[-1])


# -- tables --------------------------------------------------------------------------------


def export(table: str) -> Run:
    """The command that writes ``corpus.<table>()``."""

    def run(args: argparse.Namespace) -> Writer:
        df = analysed(args, lambda corpus: getattr(corpus, table)())
        return lambda out: write_table(df, out, args.format)

    return run


def entities(args: argparse.Namespace) -> Writer:
    table = "entity_table" if args.table == "entities" else "entities"
    if _clustered(args):
        df = on_cluster(args, table)
    else:
        df = analysed(args, lambda corpus: getattr(corpus, table)())
    return lambda out: write_table(df, out, args.format)


def claims(args: argparse.Namespace) -> Writer:
    df = on_cluster(args, "claims") if _clustered(args) else analysed(args, Corpus.claims)
    return lambda out: write_table(df, out, args.format)


def _clustered(args: argparse.Namespace) -> bool:
    return args.scheduler is not None or args.workers is not None


def check_cluster(args: argparse.Namespace) -> str | None:
    """``--scheduler`` or ``--workers`` (not both) read a folder, not ``--sample``."""
    if args.scheduler is not None and args.workers is not None:
        return "give --scheduler ADDRESS or --workers N, not both"
    if _clustered(args) and args.sample:
        return "--scheduler and --workers read a folder (DIR), not --sample"
    if args.workers is not None and args.workers < 1:
        return f"--workers must be at least 1, not {args.workers}"
    if args.partition_docs is not None and args.partition_docs < 1:
        return f"--partition-docs must be at least 1, not {args.partition_docs}"
    return None


def on_cluster(args: argparse.Namespace, table: str) -> pd.DataFrame:
    """``table`` of the folder DIR, computed on a Dask cluster (``crosswire.dask``);
    ``"analysis"``: every table, as a :class:`~crosswire.Analysis`."""
    try:
        from .. import dask as cwd
    except ImportError as e:
        raise InputError(f"--scheduler and --workers need the dask extra ({e})") from None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnicodeWarning)
        try:
            result = cwd.analyze(
                args.dir,
                args.scheduler,
                partition_docs=args.partition_docs,
                errors=args.errors,
                workers=args.workers,
                recursive=args.recursive,
            )
        except (OSError, ValueError) as e:
            raise InputError(str(e)) from None
        with result:
            try:
                df = result.analysis() if table == "analysis" else result.compute(table)[table]
            except DecodeError as e:
                raise InputError(
                    f"{e} (use --errors replace to read it with replacement characters)"
                ) from None
    for w in caught:
        tell(f"warning: {w.message}")
    return df


def align(args: argparse.Namespace) -> Writer:
    if _clustered(args):
        df = on_cluster(args, args.table)
    else:
        # Only the table asked for.
        df = analysed(args, lambda corpus: getattr(corpus.align(), args.table)())
    if args.table == "coverage":
        df = df.reset_index()
    return lambda out: write_table(df, out, args.format)


# -- compare -------------------------------------------------------------------------------


def check_compare(args: argparse.Namespace) -> str | None:
    """Two sentences or a pairs file; the format's default follows from which."""
    if args.pairs is not None and args.sentences:
        return "give two sentences or --pairs FILE, not both"
    if args.pairs is None and len(args.sentences) != 2:
        return f"give two sentences (quoted) or --pairs FILE; got {len(args.sentences)} sentence(s)"
    if args.format is None:
        args.format = "csv" if args.pairs is not None else "text"
    return None


def read_pairs(path: str) -> pd.DataFrame:
    """The pairs file (``-``: stdin) as strings; it must be UTF-8 and have columns a and b."""
    name = "stdin" if path == "-" else path
    try:
        data = _stdin_bytes() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read it: {e.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-8 at byte offset {e.start}") from None
    if text.startswith("\ufeff"):  # a byte order mark, as spreadsheet programs write
        text = text[1:]
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise InputError(f"{name}: empty file; expected a CSV with columns a and b") from None
    except pd.errors.ParserError as e:
        raise InputError(f"{name}: cannot read it as CSV: {e}") from None
    missing = [c for c in ("a", "b") if c not in df.columns]
    if missing:
        raise InputError(
            f"{name}: needs columns a and b; it has {', '.join(map(str, df.columns)) or 'none'}"
        )
    return df


def _stdin_bytes() -> bytes:
    if sys.stdin is None:
        raise InputError("stdin is closed; give --pairs FILE")
    return sys.stdin.buffer.read()


def compare(args: argparse.Namespace) -> Writer:
    if args.pairs is not None:
        df = read_pairs(args.pairs)
    else:
        df = pd.DataFrame({"a": [args.sentences[0]], "b": [args.sentences[1]]})
    judged = compare_many(zip(df["a"].tolist(), df["b"].tolist()))
    results = list(
        zip(judged["relation"].tolist(), judged["score"].tolist(), judged["reason"].tolist())
    )
    if args.format == "text":
        lines = "".join(f"{rel}\t{score:.3f}\t{reason}\n" for rel, score, reason in results)
        return lambda out: out.write(lines)
    df = df.assign(
        relation=[r[0] for r in results],
        score=[round(r[1], 4) for r in results],
        reason=[r[2] for r in results],
    )
    return lambda out: write_table(df, out, args.format)


# -- report --------------------------------------------------------------------------------


def report(args: argparse.Namespace) -> Writer:
    progress = Progress(["reading", *reporting.STAGES], enabled=False if args.quiet else None)
    with progress:
        progress.stage("reading")
        corpus = load(args)
        with progress.watching(corpus):
            page = reporting.render(corpus, title=args.title, progress=progress)
        progress.stage("writing")

    def write(out: TextIO) -> None:
        out.write(page)
        if not args.quiet and out is not sys.stdout:
            tell(f"wrote {args.output} ({len(corpus)} documents)")

    return write
