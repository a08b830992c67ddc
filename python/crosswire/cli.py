"""The ``crosswire`` command.

Exit codes: 0 success; 1 the input could not be read (missing folder, no ``*.txt`` files,
invalid UTF-8, a pairs file without columns a and b, an output file that cannot be written);
2 the command line was wrong;
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
from collections.abc import Sequence
from typing import Callable, TextIO

import pandas as pd

from . import __version__, datasets, reporting, summary
from ._core import DecodeError
from .alignment import compare_many
from .corpus import Corpus
from .export import write_table
from .progress import Progress

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
            raise InputError(
                f"{e} (use --errors replace to read it with replacement characters)"
            ) from None
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


def _export(table: str) -> Callable[[argparse.Namespace], Writer]:
    def run(args: argparse.Namespace) -> Writer:
        df = getattr(_load(args), table)()
        return lambda out: write_table(df, out, args.format)

    return run


def _entities(args: argparse.Namespace) -> Writer:
    corpus = _load(args)
    df = corpus.entity_table() if args.table == "entities" else corpus.entities()
    return lambda out: write_table(df, out, args.format)


def _align(args: argparse.Namespace) -> Writer:
    corpus = _load(args)
    df = getattr(corpus.align(), args.table)()  # only the table asked for
    if args.table == "coverage":
        df = df.reset_index()
    return lambda out: write_table(df, out, args.format)


def _read_pairs(path: str) -> pd.DataFrame:
    try:
        if path == "-":
            df = pd.read_csv(sys.stdin, dtype=str, keep_default_na=False)
        else:
            df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not valid UTF-8 at byte offset {e.start}") from None
    except pd.errors.EmptyDataError:
        raise InputError(f"{path}: empty file; expected a CSV with columns a and b") from None
    except (OSError, pd.errors.ParserError) as e:
        raise InputError(f"{path}: cannot read it as CSV: {e}") from None
    missing = [c for c in ("a", "b") if c not in df.columns]
    if missing:
        raise InputError(
            f"{path}: needs columns a and b; it has {', '.join(map(str, df.columns)) or 'none'}"
        )
    return df


def _compare(args: argparse.Namespace) -> Writer:
    if args.pairs is not None:
        df = _read_pairs(args.pairs)
    else:
        df = pd.DataFrame({"a": [args.sentences[0]], "b": [args.sentences[1]]})
    compared = compare_many(zip(df["a"], df["b"]))
    results = list(zip(compared["relation"], compared["score"], compared["reason"]))
    df = df.assign(
        relation=[r[0] for r in results],
        score=[round(r[1], 4) for r in results],
        reason=[r[2] for r in results],
    )
    if args.format == "text":
        lines = "".join(f"{rel}\t{score:.3f}\t{reason}\n" for rel, score, reason in results)
        return lambda out: out.write(lines)
    return lambda out: write_table(df, out, args.format)


def _report(args: argparse.Namespace) -> Writer:
    progress = Progress(["reading", *reporting.STAGES], enabled=False if args.quiet else None)
    with progress:
        progress.stage("reading")
        corpus = _load(args)
        page = reporting.render(corpus, title=args.title, progress=progress)
        progress.stage("writing")

    def write(out: TextIO) -> None:
        out.write(page)
        if not args.quiet and out is not sys.stdout:
            print(f"{PROG}: wrote {args.output} ({len(corpus)} documents)", file=sys.stderr)

    return write


# -- the parser ----------------------------------------------------------------------------


def _add_input(p: argparse.ArgumentParser) -> None:
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "dir", nargs="?", metavar="DIR", help="a folder of articles, one per *.txt file (UTF-8)"
    )
    source.add_argument(
        "--sample", action="store_true", help="use the bundled sample corpus (kherson-2022)"
    )
    p.add_argument(
        "--errors",
        choices=["strict", "replace"],
        default="strict",
        help="invalid UTF-8: 'strict' stops with an error naming file and byte offset (default); "
        "'replace' reads it as U+FFFD and warns",
    )


def _add_output(
    p: argparse.ArgumentParser,
    formats: Sequence[str] = ("csv", "jsonl", "json"),
    default: str = "csv",
) -> None:
    p.add_argument(
        "--format",
        choices=list(formats),
        default=default,
        help=f"output format (default: {default})",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def _command(
    commands: argparse._SubParsersAction, name: str, help: str, description: str, examples: str
) -> argparse.ArgumentParser:
    lines = "\n".join(f"  {PROG} {line}" for line in textwrap.dedent(examples).strip().splitlines())
    return commands.add_parser(
        name,
        help=help,
        description=_wrap(description),
        formatter_class=_Formatter,
        epilog=f"examples:\n{lines}",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_wrap(
            "Cross-check news coverage: which claims several outlets carry, which conflict and "
            "which stand on one source, in a folder of articles (one per *.txt file)."
        ),
        formatter_class=_Formatter,
        epilog=f"""examples:
  {PROG} report --sample -o report.html      the HTML report on the bundled sample corpus
  {PROG} report articles/ -o report.html     the same for your own folder of articles
  {PROG} info articles/                      documents, dates, sizes, boilerplate share
  {PROG} claims articles/ -o claims.csv      every claim: speaker, cue, polarity, figures
  {PROG} align articles/ --format jsonl      claim pairs: agree, conflict or related, and why
  {PROG} compare "sentence a" "sentence b"   relation, score and reason for two sentences
  {PROG} entities --sample --table entities  who is named, and by which documents
  {PROG} tokens articles/ -o tokens.csv      every token with its offsets and kind

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
        "--format",
        choices=["table", "json"],
        default="table",
        help="output format (default: table)",
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

    entities = _command(
        commands,
        "entities",
        "export entity mentions, or one row per entity",
        "Exports every entity mention (doc, start, end, text, label, entity, source), or with "
        "--table entities one row per cross-document entity (entity, name, label, aliases, docs, "
        "mentions). entity is a stable id shared by every spelling of one person, place or "
        "organisation. In CSV, list cells are JSON arrays.",
        """
        entities --sample | head
        entities articles/ --table entities -o entities.csv
        entities articles/ --format json | jq '.[] | select(.label == "PERSON") | .text'
        """,
    )
    _add_input(entities)
    _add_output(entities)
    entities.add_argument(
        "--table",
        choices=["mentions", "entities"],
        default="mentions",
        help="mentions: one row per mention (default); entities: one row per entity",
    )
    entities.set_defaults(run=_entities)

    claims = _command(
        commands,
        "claims",
        "export every claim with its speaker, cue, polarity and figures",
        "Exports the claims of every document, one row each: claim (a stable id), doc, start, end, "
        "text, speaker, speaker_entity, pronoun, cue, cue_class, polarity (asserted or denied), "
        "hedged, quote (direct, indirect, mixed), entities, figures, when and date (the day the claim "
        "is about). In CSV, list cells "
        "are JSON arrays and missing values are empty.",
        """
        claims --sample | head
        claims articles/ -o claims.csv
        claims articles/ --format jsonl | jq -r 'select(.polarity == "denied") | .text'
        """,
    )
    _add_input(claims)
    _add_output(claims)
    claims.set_defaults(run=_export("claims"))

    align = _command(
        commands,
        "align",
        "export claim pairs, groups or coverage across documents",
        "Aligns the claims of all documents. --table pairs (default): claim_a, claim_b, doc_a, doc_b, "
        "relation (agree, conflict, related), score and a readable reason. --table groups: the "
        "claims that say the same thing, one row per claim. --table coverage: one row per group, "
        "one column per document.",
        """
        align --sample
        align articles/ --format jsonl | jq -r 'select(.relation == "conflict") | .reason'
        align articles/ --table coverage -o coverage.csv
        """,
    )
    _add_input(align)
    _add_output(align)
    align.add_argument(
        "--table",
        choices=["pairs", "groups", "coverage"],
        default="pairs",
        help="which table (default: pairs)",
    )
    align.set_defaults(run=_align)

    compare = _command(
        commands,
        "compare",
        "compare two sentences, or every pair in a CSV file",
        "Says whether two sentences make the same claim: relation (agree, conflict or related), a "
        "score and the reason. With --pairs FILE, reads a CSV with columns a and b (others are kept) "
        "and writes it back with the columns relation, score and reason added. The text format "
        "prints relation, score and reason separated by tabs, one line per pair.",
        """
        compare "32 Russian soldiers were killed" "at least 30 Russians died"
        compare "Moscow says 20,000 fled" "Kyiv puts the figure at 1,000" --format json
        compare --pairs pairs.csv -o compared.csv
        compare --pairs - --format jsonl < pairs.csv
        """,
    )
    compare.add_argument(
        "sentences", nargs="*", metavar="SENTENCE", help="two sentences to compare"
    )
    compare.add_argument(
        "--pairs", metavar="FILE", help="a CSV file with columns a and b ('-' for stdin)"
    )
    compare.add_argument(
        "--format",
        choices=["text", "csv", "jsonl", "json"],
        default=None,
        help="output format (default: text for two sentences, csv for --pairs)",
    )
    compare.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    compare.set_defaults(run=_compare, parser=compare)

    report = _command(
        commands,
        "report",
        "write the HTML report: conflicts, corroborated and single-source claims",
        "Writes one self-contained HTML file (no scripts, nothing fetched from the network) to read "
        "and share: the corpus at a glance, conflicting claims first, then claims by how many "
        "outlets carry them, then single-source claims; the coverage matrix, who is named by whom, "
        "and every document with its entities highlighted and boilerplate greyed. A progress bar "
        "shows on stderr when it is a terminal.",
        """
        report --sample -o report.html
        report articles/ -o articles.html --title "Kherson, November 2022"
        report scraped/ --errors replace --quiet -o - > report.html
        """,
    )
    _add_input(report)
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="report.html",
        help="where to write the report (default: report.html; '-' for stdout)",
    )
    report.add_argument("--title", help="the report's title (default: crosswire report)")
    report.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no closing message"
    )
    report.set_defaults(run=_report)

    return parser


def _check_compare(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.pairs is not None and args.sentences:
        parser.error("give two sentences or --pairs FILE, not both")
    if args.pairs is None and len(args.sentences) != 2:
        parser.error(
            f"give two sentences (quoted) or --pairs FILE; got {len(args.sentences)} sentence(s)"
        )
    if args.format is None:
        args.format = "csv" if args.pairs is not None else "text"


# -- running -------------------------------------------------------------------------------


def _open_output(path: str | None) -> TextIO:
    if path is None or path == "-":
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(
                encoding="utf-8"
            )  # data, not messages: UTF-8 whatever the locale
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as e:
        raise InputError(f"{path}: cannot write: {e.strerror}") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on a usage error
    if args.command == "compare":
        _check_compare(args.parser, args)
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
