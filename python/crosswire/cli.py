"""The ``crosswire`` command.

Exit codes: 0 success; 1 the input could not be read (missing folder, no ``*.txt`` files,
invalid UTF-8, an output file that cannot be written); 2 the command line was wrong;
141 (128 + SIGPIPE) the reader of the output went away, e.g. ``crosswire tokens --sample | head``.
Errors go to stderr as one ``crosswire: error: ...`` line, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
import warnings
from typing import Callable, Sequence, TextIO

from . import __version__, datasets, summary
from ._core import DecodeError
from .corpus import Corpus
from .export import write_table

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_BROKEN_PIPE = 0, 1, 2, 141

PROG = "crosswire"


class InputError(Exception):
    """Something the user can fix about the input; reported in one line, exit code 1."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples in epilogs as written (descriptions go through :func:`_wrap`)."""


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=min(shutil.get_terminal_size().columns, 100) - 2)


# -- loading -------------------------------------------------------------------------------


def _load(args: argparse.Namespace) -> Corpus:
    if args.sample:
        return datasets.kherson_2022()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnicodeWarning)
        try:
            corpus = Corpus.from_dir(args.dir, errors=args.errors)
        except DecodeError as e:
            raise InputError(f"{e} (use --errors replace to read it with replacement characters)") from None
        except (OSError, ValueError) as e:
            raise InputError(str(e)) from None
    for w in caught:
        print(f"{PROG}: warning: {w.message}", file=sys.stderr)
    return corpus


# -- commands ------------------------------------------------------------------------------

# A command reads its input and returns what to write, so nothing is written (and no output
# file is created) when the input cannot be read.
Writer = Callable[[TextIO], object]


def _info(args: argparse.Namespace) -> Writer:
    rows = summary.corpus_summary(_load(args))
    total = summary.totals(rows)
    if args.format == "json":
        report = {"documents": [r.to_dict() for r in rows], "totals": total.to_dict()}
        return lambda out: out.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    header = ["document", "date", "source", "characters", "tokens", "sentences", "boilerplate"]
    table = [[r.name, r.date.isoformat() if r.date else "-", r.source or "-", *_sizes(r)] for r in rows]
    table.append([f"total: {total.documents} documents", summary.date_range(rows) or "-", "", *_sizes(total)])
    text = _format_table(header, table, numeric_from=3)
    return lambda out: out.write(text)


def _sizes(s: summary.Sizes) -> list[str]:
    return [f"{s.characters:,}", f"{s.tokens:,}", f"{s.sentences:,}", f"{s.boilerplate_share:.1%}"]


def _format_table(header: list[str], rows: list[list[str]], numeric_from: int) -> str:
    """Plain-text columns, numbers right-aligned, a rule under the header and above the last row."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if i >= numeric_from else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))
        ]
        return "  ".join(parts).rstrip() + "\n"

    rule = "  ".join("-" * w for w in widths) + "\n"
    return line(header) + rule + "".join(line(r) for r in rows[:-1]) + rule + line(rows[-1])


def _export(table: str) -> Callable[[argparse.Namespace], Writer]:
    def run(args: argparse.Namespace) -> Writer:
        df = getattr(_load(args), table)()
        return lambda out: write_table(df, out, args.format)

    return run


# -- the parser ----------------------------------------------------------------------------


def _add_input(p: argparse.ArgumentParser) -> None:
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "dir", nargs="?", metavar="DIR", help="a folder of articles, one per *.txt file (UTF-8)"
    )
    source.add_argument("--sample", action="store_true", help="use the bundled sample corpus (kherson-2022)")
    p.add_argument(
        "--errors",
        choices=["strict", "replace"],
        default="strict",
        help="invalid UTF-8: 'strict' stops with an error naming file and byte offset (default); "
        "'replace' reads it as U+FFFD and warns",
    )


def _add_output(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="output format (default: csv)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_wrap(
            "Cross-check news coverage: tokens, sentences and boilerplate of a folder of articles."
        ),
        formatter_class=_Formatter,
        epilog=f"""examples:
  {PROG} info --sample                      what is in the bundled sample corpus
  {PROG} info articles/                     documents, dates, sizes, boilerplate share
  {PROG} tokens articles/ -o tokens.csv     every token with its offsets and kind
  {PROG} sentences --sample --format jsonl  sentences as JSON lines on stdout

exit codes: 0 ok, 1 input error (missing folder, invalid UTF-8, ...), 2 usage error,
141 output closed early (e.g. piped into head).
run '{PROG} COMMAND --help' for the options of a command.""",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    info = commands.add_parser(
        "info",
        help="documents, dates, sources, sizes and boilerplate share",
        description=_wrap(
            "One line per document: date, source, size in characters, tokens and sentences, "
            "and the share of characters that are boilerplate (not article text); then the totals."
        ),
        formatter_class=_Formatter,
        epilog=f"""examples:
  {PROG} info --sample
  {PROG} info articles/ --format json | jq '.totals'
  {PROG} info scraped/ --errors replace""",
    )
    _add_input(info)
    info.add_argument(
        "--format", choices=["table", "json"], default="table", help="output format (default: table)"
    )
    info.set_defaults(run=_info)

    for name, what, columns in [
        ("tokens", "every token", "doc, i, start, end, text, kind, boilerplate"),
        ("sentences", "every sentence", "doc, i, start, end, text, boilerplate"),
    ]:
        p = commands.add_parser(
            name,
            help=f"export {what} as CSV or JSON lines",
            description=_wrap(
                f"Exports {what} of every document, one row each, with the columns {columns}. "
                "start and end are character offsets into the file's text (end exclusive); "
                "boilerplate is True for rows inside boilerplate (captions, credits, navigation, ...)."
            ),
            formatter_class=_Formatter,
            epilog=f"""examples:
  {PROG} {name} --sample | head
  {PROG} {name} articles/ -o {name}.csv
  {PROG} {name} articles/ --format jsonl > {name}.jsonl""",
        )
        _add_input(p)
        _add_output(p)
        p.set_defaults(run=_export(name))

    return parser


# -- running -------------------------------------------------------------------------------


def _open_output(path: str | None) -> TextIO:
    if path is None:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")  # data, not messages: UTF-8 whatever the locale
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as e:
        raise InputError(f"{path}: cannot write: {e.strerror}") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # exits with 2 on a usage error
    try:
        write = args.run(args)
        out = _open_output(getattr(args, "output", None))
        try:
            write(out)
            out.flush()
        finally:
            if out is not sys.stdout:
                out.close()
    except InputError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader is gone: point stdout at devnull so the interpreter's final flush is silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as e:  # e.g. the disk filled up while writing -o FILE
        print(f"{PROG}: error: cannot write the output: {e}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
