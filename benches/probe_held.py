"""What the cluster holds between tasks, by step: a scheduler plugin adds up the bytes
(Dask's ``sizeof``: exact for the bytes of picked views) of every result in memory, by
step and worker, and keeps each step's peak and total. For the copy and pairs rounds'
picks (views built in one partition, held until the judging partition reads them).

    python benches/probe_held.py --size 2000 [--block 2] [--partition-docs 200]

Corpora as bench_dask.py's (make_corpus seed 0). Runs analyze(persist=False) and
to_parquet on a 2-worker local_cluster; prints JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from dask.utils import key_split
from distributed import Client
from distributed.diagnostics.plugin import SchedulerPlugin

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_scale import corpus_folder  # noqa: E402


class Held(SchedulerPlugin):
    name = "probe-held"

    def __init__(self) -> None:
        self.held: dict[tuple[str, str], int] = defaultdict(int)
        self.peak: dict[tuple[str, str], int] = defaultdict(int)
        self.total: dict[str, int] = defaultdict(int)
        self.count: dict[str, int] = defaultdict(int)
        self.largest: dict[str, int] = defaultdict(int)
        self.where: dict[str, tuple[tuple[str, str], int]] = {}
        self.all: dict[str, int] = defaultdict(int)
        self.all_peak: dict[str, int] = defaultdict(int)

    async def start(self, scheduler) -> None:
        self.scheduler = scheduler

    def transition(self, key, start, finish, *args, **kwargs) -> None:
        if finish == "memory" and key not in self.where:
            ts = self.scheduler.tasks.get(key)
            if ts is None or not ts.who_has:
                return
            step = key_split(key)
            place = (step, next(iter(ts.who_has)).address)
            self.where[key] = (place, ts.nbytes)
            self.held[place] += ts.nbytes
            self.all[place[1]] += ts.nbytes
            self.all_peak[place[1]] = max(self.all_peak[place[1]], self.all[place[1]])
            self.peak[place] = max(self.peak[place], self.held[place])
            self.total[step] += ts.nbytes
            self.count[step] += 1
            self.largest[step] = max(self.largest[step], ts.nbytes)
        elif start == "memory" and key in self.where:
            place, nbytes = self.where.pop(key)
            self.held[place] -= nbytes
            self.all[place[1]] -= nbytes


def main() -> None:
    from crosswire import dask as cwd

    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--block", type=int, default=None)
    parser.add_argument("--partition-docs", type=int, default=None)
    args = parser.parse_args()
    folder = corpus_folder(args.size)
    cluster = cwd.local_cluster(2)
    client = Client(cluster)
    probe = Held()
    probe.scheduler = cluster.scheduler  # (add_plugin does not call start)
    cluster.scheduler.add_plugin(probe)
    out = tempfile.mkdtemp(dir=HERE.parent / "target")
    try:
        result = cwd.analyze(
            folder, client, persist=False, block=args.block, partition_docs=args.partition_docs
        )
        result.to_parquet(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    mb = 1e6
    steps = sorted(probe.total, key=lambda s: -probe.total[s])
    report = {
        step: {
            "results": probe.count[step],
            "total_mb": round(probe.total[step] / mb, 1),
            "largest_mb": round(probe.largest[step] / mb, 2),
            "peak_held_mb_per_worker": sorted(
                round(v / mb, 1) for (s, _), v in probe.peak.items() if s == step
            ),
        }
        for step in steps[:14]
    }
    for step, row in report.items():
        print(step, json.dumps(row))
    print(
        "all results held, peak MB per worker:",
        sorted(round(v / mb) for v in probe.all_peak.values()),
    )
    client.close()
    cluster.close()


if __name__ == "__main__":
    main()
