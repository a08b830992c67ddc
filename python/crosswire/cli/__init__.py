"""The ``crosswire`` command.

The commands and their formats are declared once (:mod:`.commands`); the parser is built from
that list (:mod:`.parser`); :mod:`.actions` does the work and :mod:`.main` runs it. Data goes
to stdout or ``-o FILE``, messages to stderr; every failure is one ``crosswire: error: ...``
line and an exit code (:mod:`.errors`): 0 ok, 1 input error, 2 usage error, 3 out of memory,
4 internal error, 130 interrupted, 141 output closed early.
"""

from .main import main

__all__ = ["main"]
