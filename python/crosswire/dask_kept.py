"""Each worker keeps the corpora of the partitions it analysed, apart from Dask's data.

A partition's claims (``_core.PartitionClaims``) build their views from the partition's
analysed corpus, which does not pickle: claims pickled and read back make it again (read,
tagged, parsed: the partition's whole analysis, ``crosswire.dask._core_again``). Dask
pickles what a worker holds not only to move it but to spill it to disk once the worker's
memory passes its thresholds; claims spilled there were made again each time a later task
read them back, and the corpus made again filled the memory that spilling had freed.

So the process that analyses a partition keeps its corpus here, under the partition's
name in the analysis, and claims read back in that process take it from here. Claims read
back in another process (a moved task, a restarted worker) make it again, as before.
Spilled claims then cost their pickled index on disk, not an analysis; the corpus stays
in memory until the analysis has judged every pair that reads it (``release``, a task the
pairs and groups tables wait for). A corpus whose analysis is computed in part (only its
entities or claims, without persisting) stays until the analysis runs again or the
worker ends.

This module imports nothing from crosswire: the names and the callables it is given are
all it knows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: This process's partition corpora, by name.
KEPT: dict[str, Any] = {}

#: How many corpora this process made again (claims read back where theirs is not kept).
_made_again = 0


class KeptCorpus:
    """A partition's corpus for its claims: the one this process keeps under ``name``,
    else made again by ``make``. Given ``corpus``, keeps it. Pickles as the name and
    ``make``, never the corpus."""

    def __init__(self, name: str, make: Callable[[], Any], corpus: Any = None):
        self.name = name
        self.make = make
        if corpus is not None:
            KEPT[name] = corpus

    def __call__(self) -> Any:
        global _made_again
        corpus = KEPT.get(self.name)
        if corpus is None:
            _made_again += 1
            corpus = self.make()
        return corpus

    def __reduce__(self) -> tuple[Any, tuple[str, Callable[[], Any]]]:
        return (KeptCorpus, (self.name, self.make))


def name(token: str, partition: int) -> str:
    """The name a partition's corpus is kept under in the analysis ``token``."""
    return f"{token}-{partition}"


def made_again() -> int:
    """How many partition corpora this process has made again: each a partition's whole
    analysis, the cost of claims read back after a spill or a move."""
    return _made_again


def release(name: str, *_after: Any) -> None:
    """Drops the corpus kept under ``name`` (if this process keeps it). ``_after``: the
    tasks it waits for (a task of the graph)."""
    KEPT.pop(name, None)
