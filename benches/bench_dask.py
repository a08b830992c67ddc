"""What crosswire.dask does against the same work in-process: reading, the per-document
stages, entity ids across the corpus, claim alignment, and the entities, claims, entity,
pairs and groups tables as pandas.

    python benches/bench_dask.py                  # 10,000 articles
    python benches/bench_dask.py --sizes 10000 100000 --partition-docs 2000

Corpora are benches/make_corpus.py's (seed 0, target/corpora/, as bench_scale.py builds
them). Each side runs in a fresh child process: in-process with every core (rayon), and
`analyze` on a 2-worker LocalCluster (one thread each) it starts itself, cluster start
timed apart. Printed: seconds, words per second, peak RSS of each process (the client's and
every worker's VmHWM). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_scale import corpus_folder  # noqa: E402


def peak_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1000
    return float("nan")


def in_process(folder: str) -> dict:
    import crosswire as cw

    t0 = time.perf_counter()
    corpus = cw.Corpus.from_dir(folder)
    sizes = [len(corpus.entities()), len(corpus.claims()), len(corpus.entity_table())]
    alignment = corpus.align()
    sizes += [len(alignment.pairs()), len(alignment.groups())]
    return {"seconds": time.perf_counter() - t0, "rows": sizes, "peak_mb": [peak_mb()]}


def on_cluster(folder: str, partition_docs: int) -> dict:
    from crosswire import dask as cwd
    from distributed import Client, get_task_stream

    t0 = time.perf_counter()
    cluster = cwd.local_cluster(2)
    client = Client(cluster)
    started = time.perf_counter() - t0
    t0 = time.perf_counter()
    with get_task_stream(client) as stream:
        result = cwd.analyze(folder, client, partition_docs=partition_docs)
        tables = result.compute()
    seconds = time.perf_counter() - t0
    # Seconds of work per kind of task (cw-partition, cw-clustering, …), summed over workers.
    per_step: dict[str, float] = {}
    for task in stream.data:
        parts = str(task["key"]).strip("('").split("-")
        # cw-align-<token>-<step>-…: the alignment's steps by name; Dask's shuffles by theirs.
        step = (
            "-".join(parts[:2] + parts[3:4])
            if parts[:2] == ["cw", "align"]
            else "-".join(parts[:2])
        )
        busy = sum(s["stop"] - s["start"] for s in task["startstops"] if s["action"] == "compute")
        per_step[step] = per_step.get(step, 0.0) + busy
    workers = client.run(peak_mb)
    client.close()
    cluster.close()
    return {
        "seconds": seconds,
        "cluster_start": started,
        "rows": [len(tables[t]) for t in cwd.TABLES],
        "peak_mb": [peak_mb(), *workers.values()],
        "task_seconds": {k: round(v, 2) for k, v in sorted(per_step.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--partition-docs", type=int, default=2000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        side, folder, docs = args.child
        out = in_process(folder) if side == "in-process" else on_cluster(folder, int(docs))
        print(json.dumps(out))
        return
    for n in args.sizes:
        folder = corpus_folder(n)
        words = json.loads((folder / "_stats.json").read_text())["words"]
        results = {}
        for side in ("in-process", "cluster"):
            cmd = [sys.executable, __file__, "--child", side, str(folder), str(args.partition_docs)]
            results[side] = json.loads(subprocess.run(cmd, check=True, capture_output=True).stdout)
            r = results[side]
            peaks = ", ".join(f"{p:,.0f}" for p in r["peak_mb"])
            extra = f"  (cluster start {r['cluster_start']:.1f} s)" if "cluster_start" in r else ""
            print(
                f"{n:>7,} articles  {side:<10} {r['seconds']:8.1f} s  "
                f"{words / r['seconds']:>9,.0f} words/s  peak MB {peaks}  rows {r['rows']}{extra}"
            )
        print(f"{'':>17}task seconds: {results['cluster']['task_seconds']}")
        a, b = results["in-process"], results["cluster"]
        print(
            f"{'':>17}cluster / in-process: {b['seconds'] / a['seconds']:.2f}x; same rows: {a['rows'] == b['rows']}"
        )


if __name__ == "__main__":
    main()
