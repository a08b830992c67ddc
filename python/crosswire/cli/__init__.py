"""The ``crosswire`` command.

The commands and their formats are declared once (:mod:`.commands`); the parser is built from
that list (:mod:`.parser`); :mod:`.actions` does the work and :mod:`.main` runs it. Data goes
to stdout or ``-o FILE``, messages to stderr; every failure is one ``crosswire: error: ...``
line and an exit code from the table in :mod:`.errors`, never a traceback.
"""

from .main import main

__all__ = ["main"]
