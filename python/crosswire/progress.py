"""A one-line progress bar on stderr for runs made of a few long stages.

It draws only when the stream is a terminal (so logs and pipes stay clean) and can be turned
off outright (``--quiet``). Each stage is announced before it runs; the line is cleared at the
end, leaving the terminal as it was.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """``with Progress(["text", "claims"]) as p: p.stage("text"); ...; p.stage("claims"); ...``"""

    width = 24

    def __init__(
        self, stages: list[str], *, stream: TextIO | None = None, enabled: bool | None = None
    ) -> None:
        self.stages = list(stages)
        self.stream = sys.stderr if stream is None else stream
        if enabled is None:
            enabled = _is_terminal(self.stream)
        self.enabled = enabled
        self.done = 0
        self._started = time.monotonic()
        self._drawn = 0

    def stage(self, name: str) -> None:
        """Marks the stages before ``name`` as done and shows ``name`` as running."""
        if name in self.stages:
            self.done = self.stages.index(name)
        self._draw(name)

    def _draw(self, label: str) -> None:
        if not self.enabled:
            return
        n = len(self.stages) or 1
        filled = round(self.width * self.done / n)
        bar = "█" * filled + "░" * (self.width - filled)
        seconds = time.monotonic() - self._started
        line = f"crosswire {bar} {self.done}/{n} {label}… {seconds:.0f}s"
        pad = max(0, self._drawn - len(line))
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()
        self._drawn = len(line)

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
