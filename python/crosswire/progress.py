"""A one-line progress bar on stderr for runs made of a few long stages.

It draws only when the stream is a terminal (so logs and pipes stay clean) and can be turned
off outright (``--quiet``). Each stage is announced before it runs; while the core computes a
stage, :meth:`Progress.watching` shows its documents done out of all (a counter the core
bumps once per document, polled from a thread here); the line is cleared at the end, leaving
the terminal as it was.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .corpus import Corpus

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
        self._lock = threading.Lock()  # the watching thread draws too

    def stage(self, name: str, detail: str = "") -> None:
        """Marks the stages before ``name`` as done and shows ``name`` as running (with
        ``detail``, such as documents done)."""
        with self._lock:
            if name in self.stages:
                self.done = self.stages.index(name)
            self._draw(f"{name} {detail}" if detail else name)

    @contextmanager
    def watching(self, corpus: Corpus, every: float = 0.25) -> Iterator[None]:
        """While the block runs, shows every ``every`` seconds which stage the core is
        computing for ``corpus`` and how many of its documents are done."""
        if not self.enabled:
            yield
            return
        stop = threading.Event()

        def show() -> None:
            stage, done, total = corpus._core.progress()
            if stage is not None:
                self.stage(stage, f"{done:,}/{total:,} documents")

        def poll() -> None:
            while not stop.wait(every):
                show()

        thread = threading.Thread(target=poll, name="crosswire-progress", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
            show()  # the counts the block ended with

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
        with self._lock:
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
