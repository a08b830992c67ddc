"""How a command of the ``crosswire`` program is declared: its texts, what it reads, its
output formats and options. :mod:`.commands` lists the commands; :mod:`.parser` builds
argparse from that list, so a new command or format is one entry there."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Callable, TextIO

# A command reads its input and returns what to write, so nothing is written (and no output
# file is created) when the input cannot be read.
Writer = Callable[[TextIO], object]
Run = Callable[[argparse.Namespace], Writer]


@dataclass(frozen=True)
class Option:
    """One argparse argument: its flags (or positional name) and keyword settings. ``text``
    marks an argument whose value is data (a sentence, a title), which must be valid UTF-8;
    paths need not be."""

    flags: tuple[str, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)
    text: bool = False


@dataclass(frozen=True)
class Formats:
    """The ``--format`` choices; ``default`` None lets the command decide (``compare``)."""

    choices: tuple[str, ...]
    default: str | None
    help: str | None = None  # default: "output format (default: ...)"


@dataclass(frozen=True)
class Output:
    """The ``-o/--output`` option: stdout unless a default file is given."""

    help: str = "write to FILE instead of stdout"
    default: str | None = None


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    description: str
    examples: str  # one per line, without the program name
    run: Run
    # What it reads: None for a corpus (DIR or --sample, and --errors), else its own arguments.
    inputs: tuple[Option, ...] | None = None
    formats: Formats | None = None
    output: Output | None = None
    options: tuple[Option, ...] = ()
    # A check of the parsed arguments argparse cannot express: a usage error message, or None.
    check: Callable[[argparse.Namespace], str | None] | None = None
