"""The argparse parser, built from the declared commands (:mod:`.commands`)."""

from __future__ import annotations

import argparse
import shutil
import textwrap
from collections.abc import Sequence

from .._core import __version__
from .commands import COMMANDS, DESCRIPTION, EXAMPLES
from .errors import EXIT_CODES, PROG
from .spec import Command, Formats, Option, Output


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples in epilogs as written (descriptions go through :func:`_wrap`)."""


def _wrap(text: str, width: int | None = None) -> str:
    return textwrap.fill(text, width=width or min(shutil.get_terminal_size().columns, 100) - 2)


def build_parser(commands: Sequence[Command] = COMMANDS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_wrap(DESCRIPTION),
        formatter_class=_Formatter,
        epilog=_program_epilog(),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in commands:
        _add_command(subparsers, command)
    return parser


def _program_epilog() -> str:
    width = max(len(example) for example, _ in EXAMPLES)
    examples = "\n".join(f"  {PROG} {ex.ljust(width)}  {what}" for ex, what in EXAMPLES)
    codes = ", ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES)
    return (
        f"examples:\n{examples}\n\n"
        + _wrap(f"exit codes: {codes}.", width=98)
        + f"\nrun '{PROG} COMMAND --help' for the options of a command."
    )


def _add_command(subparsers: argparse._SubParsersAction, command: Command) -> None:
    lines = textwrap.dedent(command.examples).strip().splitlines()
    p = subparsers.add_parser(
        command.name,
        help=command.help,
        description=_wrap(command.description),
        formatter_class=_Formatter,
        epilog="examples:\n" + "\n".join(f"  {PROG} {line}" for line in lines),
    )
    text_args: list[tuple[str, str]] = []
    if command.inputs is None:
        _add_corpus_input(p)
    else:
        for option in command.inputs:
            _add_option(p, option, text_args)
    if command.formats is not None:
        _add_formats(p, command.formats)
    if command.output is not None:
        _add_output(p, command.output)
    for option in command.options:
        _add_option(p, option, text_args)
    p.set_defaults(run=command.run, check=command.check, text_args=tuple(text_args), parser=p)


def _add_option(
    p: argparse.ArgumentParser, option: Option, text_args: list[tuple[str, str]]
) -> None:
    action = p.add_argument(*option.flags, **option.settings)
    if option.text:  # by destination, and by the name the user knows it by
        name = action.metavar if isinstance(action.metavar, str) else option.flags[-1]
        text_args.append((action.dest, name))


def _add_corpus_input(p: argparse.ArgumentParser) -> None:
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
    p.add_argument(
        "-r",
        "--recursive",
        action="store_true",
        help="read the *.txt files in every folder below DIR too, each named by its path below DIR",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar on stderr (shown only when stderr is a terminal) and no closing "
        "message",
    )


def _add_formats(p: argparse.ArgumentParser, formats: Formats) -> None:
    p.add_argument(
        "--format",
        choices=list(formats.choices),
        default=formats.default,
        help=formats.help or f"output format (default: {formats.default})",
    )


def _add_output(p: argparse.ArgumentParser, output: Output) -> None:
    p.add_argument("-o", "--output", metavar="FILE", default=output.default, help=output.help)
