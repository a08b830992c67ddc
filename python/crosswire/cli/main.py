"""Runs one ``crosswire`` command: parse, check, run, write; every failure becomes one
line on stderr and an exit code (:mod:`.errors`), never a traceback."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO

from .errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_MEMORY,
    EXIT_OK,
    InputError,
    tell,
)
from .parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except InputError as e:
        return _fail(EXIT_INPUT, f"error: {e}")
    except BrokenPipeError:
        # The reader is gone: point stdout at devnull so the interpreter's final flush is silent.
        if sys.stdout is not None:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as e:  # e.g. the disk filled up while writing -o FILE
        return _fail(EXIT_INPUT, f"error: cannot write the output: {e}")
    except MemoryError:
        return _fail(
            EXIT_MEMORY,
            "error: out of memory; give it fewer or smaller files at once",
        )
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as e:  # a bug: still one line, and a code that says so
        return _fail(
            EXIT_INTERNAL,
            f"internal error: {type(e).__name__}: {e} (a bug in crosswire; please report it)",
        )


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on a usage error
    if args.check is not None:
        problem = args.check(args)
        if problem:
            args.parser.error(problem)
    for dest, name in args.text_args:
        _check_utf8(name, getattr(args, dest))
    write = args.run(args)
    out = _open_output(getattr(args, "output", None))
    try:
        write(out)
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_OK


def _check_utf8(name: str, value: object) -> None:
    """Text arguments are data: Python hands over bytes that are not UTF-8 as lone
    surrogates, which no output can hold, so they stop here, with the byte offset."""
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        problem = _not_utf8(item) if isinstance(item, str) else None
        if problem:
            what = f"{name} {i + 1}" if isinstance(value, list) else name
            raise InputError(f"{what} {problem}")


def _not_utf8(value: str) -> str | None:
    try:
        value.encode("utf-8")
        return None
    except UnicodeEncodeError:
        pass
    try:  # the argument's bytes as given, where Python escaped them (surrogateescape)
        value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeDecodeError as e:
        return f"is not valid UTF-8 at byte offset {e.start}"
    except UnicodeEncodeError:
        pass
    return "is not valid Unicode"


def _open_output(path: str | None) -> TextIO:
    if path is None or path == "-":
        if sys.stdout is None:
            raise InputError("cannot write the output: stdout is closed")
        if hasattr(sys.stdout, "reconfigure"):
            # Data, not messages: UTF-8 whatever the locale.
            sys.stdout.reconfigure(encoding="utf-8")
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as e:
        raise InputError(f"{path}: cannot write: {e.strerror}") from None


def _fail(code: int, message: str) -> int:
    tell(message)
    return code
