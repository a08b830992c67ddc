"""What the ``crosswire`` command exits with, the error a user can fix, and how a message
reaches them.

Every failure is one ``crosswire: error: ...`` line on stderr and one of these exit codes,
never a traceback. The table is what ``crosswire --help`` prints and README documents.
"""

from __future__ import annotations

import sys

PROG = "crosswire"

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_MEMORY = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "ok"),
    (
        EXIT_INPUT,
        "input error (missing folder, invalid UTF-8, a bad pairs file, an output that cannot "
        "be written, ...)",
    ),
    (EXIT_USAGE, "usage error"),
    (EXIT_MEMORY, "out of memory"),
    (EXIT_INTERNAL, "internal error (a bug: please report it)"),
    (EXIT_INTERRUPTED, "interrupted"),
    (EXIT_BROKEN_PIPE, "output closed early (e.g. piped into head)"),
)


class InputError(Exception):
    """Something the user can fix about the input or output; one line, exit code 1."""


def tell(message: str) -> None:
    """``crosswire: <message>`` as one line on stderr; nothing if stderr is closed."""
    if sys.stderr is not None:
        print(f"{PROG}: {' '.join(message.splitlines())}", file=sys.stderr)
