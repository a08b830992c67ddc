"""Work waiting on a paused worker is placed again, on the workers that run.

Dask pauses a worker whose process passes 80% of its memory limit: it finishes the task it
runs and starts no other until its memory falls. The scheduler then gives it no new work
(``decide_worker`` draws from its running workers; crosswire's pins are loose), but what
was placed on it before it paused stays there: only work stealing moves placed tasks, and
crosswire's clusters run without it (stealing would move the tasks pinned to a partition's
worker, and with them its claims, whose corpus is then made again). With spilling off the
paused worker's memory never falls, and the run waits forever (benches/DASK.md, session
32: a worker paused with 462 ready tasks while the other sat idle).

:class:`PausedWorkMover` is a scheduler plugin that, once a worker has been paused for
``grace`` seconds, releases the tasks placed on it that it has not started: the scheduler
places them again where it places new work, on a running worker (or, with none running,
holds them until one is). A pause shorter than ``grace`` (spilling brings most workers
back within a second or two) moves nothing, so pinned work stays where its data is. The
task a paused worker is running is left to finish there, and so are tasks bound to it
(strict restrictions: a P2P shuffle's outputs), which could run nowhere else.

While no worker runs, tasks wait with no worker; once one runs again, Dask places only
those pinned to it. The plugin places the other loosely pinned ones (pinned to a lost
worker, or to one still paused) on the running workers.

This module imports only ``distributed``: ``crosswire.dask`` sends the plugin by value, so
a scheduler without crosswire installed runs it.
"""

from __future__ import annotations

import time
from typing import Any

from distributed.core import Status
from distributed.diagnostics.plugin import SchedulerPlugin
from tornado.ioloop import PeriodicCallback

#: Seconds a worker stays paused before its waiting work is placed again.
GRACE = 10.0
#: Seconds between looks at the workers' states.
INTERVAL = 1.0


class PausedWorkMover(SchedulerPlugin):
    """Places again the unstarted tasks of workers paused for ``grace`` seconds."""

    name = "crosswire-paused-work-mover"
    idempotent = True

    def __init__(self, grace: float = GRACE, interval: float = INTERVAL):
        self.grace = grace
        self.interval = interval

    async def start(self, scheduler: Any) -> None:
        self.scheduler = scheduler
        #: When each paused worker was first seen paused (its address: when).
        self.paused_since: dict[str, float] = {}
        #: How many tasks were placed again, for the record (and the tests).
        self.moved = 0
        #: How many tasks left without a worker were placed.
        self.placed = 0
        callback = PeriodicCallback(self.check, self.interval * 1000)
        scheduler.periodic_callbacks[self.name] = callback
        callback.start()

    async def close(self) -> None:
        callback = self.scheduler.periodic_callbacks.pop(self.name, None)
        if callback is not None:
            callback.stop()

    def check(self) -> None:
        now = time.monotonic()
        workers = self.scheduler.workers
        for address in [a for a in self.paused_since if a not in workers]:
            del self.paused_since[address]
        for address, ws in workers.items():
            if ws.status != Status.paused:
                self.paused_since.pop(address, None)
                continue
            since = self.paused_since.setdefault(address, now)
            if now - since >= self.grace:
                self.move_off(ws)
        self.place_stranded()

    def place_stranded(self) -> None:
        """Places the loosely pinned tasks left without a worker. A task finds no worker
        when none runs (all paused, or the last one lost); when one runs again, Dask
        places only those whose pins name it (``bulk_schedule_unrunnable_after_adding_
        worker``): a task pinned to a lost worker, or to one still paused, would wait for
        ever, though it may run anywhere."""
        if not self.scheduler.running:
            return
        keys = [ts.key for ts in self.scheduler.unrunnable if ts.loose_restrictions]
        if not keys:
            return
        self.placed += len(keys)
        self.scheduler.log_event(
            "crosswire", {"action": "stranded-work-placed", "tasks": len(keys)}
        )
        stimulus_id = f"crosswire-stranded-{time.time()}"
        self.scheduler.transitions(dict.fromkeys(keys, "processing"), stimulus_id=stimulus_id)

    def move_off(self, ws: Any) -> None:
        """Releases the tasks placed on ``ws`` that it has not started and that may run
        elsewhere; the scheduler wants them still, so it places them again at once."""
        # ``executing`` is the worker's own report (each heartbeat): a paused worker
        # starts nothing, so after the grace it is current.
        keys = [
            ts.key
            for ts in ws.processing
            if ts not in ws.executing
            and ts not in ws.long_running
            and not ts.actor
            and (ts.loose_restrictions or not (ts.worker_restrictions or ts.host_restrictions))
        ]
        if not keys:
            return
        self.moved += len(keys)
        self.scheduler.log_event(
            "crosswire", {"action": "paused-work-moved", "worker": ws.address, "tasks": len(keys)}
        )
        stimulus_id = f"crosswire-paused-{ws.address}-{time.time()}"
        self.scheduler.transitions(dict.fromkeys(keys, "released"), stimulus_id=stimulus_id)
