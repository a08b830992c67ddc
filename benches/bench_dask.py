"""What crosswire.dask does against the same work in-process: reading, the per-document
stages, entity ids across the corpus, claim alignment, and the entities, claims, entity,
pairs and groups tables as pandas.

    python benches/bench_dask.py                  # 10,000 articles
    python benches/bench_dask.py --sizes 2000 10000 --rounds 2 --partition-docs 2000

Corpora are benches/make_corpus.py's (seed 0, target/corpora/, as bench_scale.py builds
them). Each side runs in a fresh child process: in-process with every core (rayon), and
`analyze` on a 2-worker LocalCluster (one thread each) it starts itself, cluster start
timed apart.

The main figure is the run as a large corpus is used: in-process, each table written to
Parquet as it is made and dropped (`--sides in-process-held`: all five kept as pandas, then
written, which at 100,000 articles holds ~5 GB of tables at once); on the cluster,
`analyze` and `to_parquet` from the workers (nothing gathered). Then, apart, the cluster's
`compute()` of every table into the client (what `analysis()` needs; in-process the tables
are already made), and the in-process Parquet writes alone. Printed: seconds, words per
second, CPU seconds of each process (the client, which hosts the LocalCluster's scheduler,
and every worker), peak RSS of each (VmHWM), the in-process peak so far and resident size
after each step, CPU per step on the workers. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_scale import corpus_folder  # noqa: E402
from distributed import WorkerPlugin  # noqa: E402


def _status_mb(field: str) -> float:
    """A memory field of this process's /proc status (`VmHWM`, `VmRSS`), in MB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1000
    return float("nan")


def peak_mb() -> float:
    return _status_mb("VmHWM")


def rss_mb() -> float:
    return _status_mb("VmRSS")


def cpu_seconds() -> float:
    """User + system seconds of this process, all its threads."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _scratch() -> str:
    """A folder for the Parquet output, beside the corpora (removed after the run)."""
    base = HERE.parent / "target" / "bench-dask"
    base.mkdir(parents=True, exist_ok=True)
    return tempfile.mkdtemp(dir=base)


def in_process(folder: str, held: bool = False) -> dict:
    """The analysis in this process, every table written to Parquet. By default each table
    is written as it is made and dropped, as a corpus too large to hold its tables is used
    (and as the cluster writes them with ``persist=False``); ``held``: every table is kept
    as a DataFrame until all are made, then written (sessions 29-34's figure). After each
    step: the peak so far and the resident size (MB), to see which step sets the peak."""
    import crosswire as cw

    out = _scratch()
    steps: list[dict] = []
    tables: dict = {}
    rows: list[int] = []
    write_seconds, write_cpu = 0.0, 0.0

    def mark(step: str) -> None:
        steps.append({"step": step, "peak_mb": peak_mb(), "rss_mb": rss_mb()})

    def write(name: str, df) -> None:
        nonlocal write_seconds, write_cpu
        c, t = cpu_seconds(), time.perf_counter()
        # Written as the cluster writes them (one folder per table), so both sides end on disk.
        os.makedirs(f"{out}/{name}")
        df.to_parquet(f"{out}/{name}/part.0.parquet", index=False)
        write_seconds += time.perf_counter() - t
        write_cpu += cpu_seconds() - c

    def table(name: str, make) -> None:
        df = make()
        rows.append(len(df))
        mark(f"t:{name}")
        if held:
            tables[name] = df
            return
        write(name, df)
        del df
        mark(f"w:{name}")

    c0, t0 = cpu_seconds(), time.perf_counter()
    corpus = cw.Corpus.from_dir(folder)
    mark("read")
    table("entities", corpus.entities)
    table("claims", corpus.claims)
    table("entity_table", corpus.entity_table)
    alignment = corpus.align()
    mark("align")
    table("pairs", alignment.pairs)
    table("groups", alignment.groups)
    for name in list(tables):
        write(name, tables.pop(name))
        mark(f"w:{name}")
    c2, t2 = cpu_seconds(), time.perf_counter()
    shutil.rmtree(out)
    return {
        "seconds": t2 - t0,
        "cpu": [c2 - c0],
        "write_seconds": write_seconds,
        "write_cpu": [write_cpu],
        "rows": rows,
        "peak_mb": [peak_mb()],
        "steps": steps,
    }


class StepCPU(WorkerPlugin):
    """A worker plugin that adds up the process's CPU seconds while each task runs, per step
    (the task's name up to its token). Workers run one task at a time (one thread), and the
    core runs a task's work on its own pool threads, which thread-CPU metrics miss."""

    name = "bench-step-cpu"

    def setup(self, worker) -> None:
        self.started: dict = {}
        self.cpu: dict[str, float] = {}

    def transition(self, key, start, finish, **kwargs) -> None:
        from dask.utils import key_split

        if finish == "executing":
            self.started[key] = cpu_seconds()
        elif start == "executing" and key in self.started:
            step = key_split(key)
            self.cpu[step] = self.cpu.get(step, 0.0) + cpu_seconds() - self.started.pop(key)


def _step_cpu(dask_worker) -> dict[str, float]:
    return dask_worker.plugins[StepCPU.name].cpu


def _memory_events(dask_worker) -> dict[str, float]:
    """What the worker spilled to disk and read back (Dask's spill buffer's own counters),
    and the corpora it made again."""
    from crosswire import dask_kept

    metrics = getattr(dask_worker.data, "cumulative_metrics", {})
    out = {
        f"{label} {unit}": value
        for (label, unit), value in metrics.items()
        if label in ("disk-write", "disk-read") and unit in ("count", "bytes")
    }
    out["corpora made again"] = dask_kept.made_again()
    return out


def _pauses(client) -> int:
    """How many times the workers paused (their memory past Dask's pause threshold)."""
    logs = client.get_worker_logs()
    return sum("Pausing worker" in line for lines in logs.values() for _, line in lines)


def _worker_metrics(dask_scheduler) -> list:
    """The scheduler's cumulative worker metrics of fetching data from other workers
    (``("gather-dep", …, activity, unit)``), as a list of (key, value)."""
    return [
        (k, v)
        for k, v in dask_scheduler.cumulative_worker_metrics.items()
        if isinstance(k, tuple) and k[0] == "gather-dep"
    ]


class MemoryTrace:
    """Each worker's process memory, managed memory (what Dask's sizeof counts) and bytes
    spilled to disk, from the scheduler's heartbeats every ``every`` seconds: the highest
    of each, as fractions of the worker's memory limit (spilling starts at 0.7 of it,
    pausing at 0.8), and the trace."""

    def __init__(self, client, every: float = 5.0):
        import threading

        self.client, self.every = client, every
        self.rows: list[tuple[float, list[tuple[float, float, float]]]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.t0 = time.perf_counter()

    def run(self) -> None:
        while not self.stop.wait(self.every):
            try:
                workers = self.client.scheduler_info()["workers"].values()
            except Exception:
                return
            gb = 1e9
            row = []
            for w in sorted(workers, key=lambda w: w["name"]):
                m = w.get("metrics", {})
                spilled = m.get("spilled_bytes", {}).get("disk", 0)
                row.append((m.get("memory", 0) / gb, m.get("managed_bytes", 0) / gb, spilled / gb))
            self.rows.append((time.perf_counter() - self.t0, row))

    def __enter__(self) -> MemoryTrace:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def summary(self, limit_gb: float) -> dict:
        """Per worker the highest process, managed and spilled GB, and the trace every
        ~30 s (seconds: process/managed/spilled GB of each worker)."""
        if not self.rows:
            return {}
        n = len(self.rows[0][1])
        high = [
            [max(r[1][w][k] for r in self.rows if len(r[1]) > w) for k in range(3)]
            for w in range(n)
        ]
        step = max(1, round(30 / self.every))
        trace = [
            f"{t:.0f}: " + " | ".join(f"{p:.1f}/{m:.1f}/{d:.1f}" for p, m, d in row)
            for t, row in self.rows[::step]
        ]
        return {
            "limit_gb": round(limit_gb, 2),
            "high_process_managed_spilled_gb": [[round(x, 2) for x in h] for h in high],
            "trace": trace,
        }


def _parquet_rows(out: str, name: str) -> int:
    import pyarrow.parquet as pq

    return sum(
        pq.ParquetFile(f).metadata.num_rows for f in sorted(Path(out, name).glob("*.parquet"))
    )


def on_cluster(
    folder: str,
    partition_docs: int,
    dask_defaults: bool = False,
    persist: bool = True,
    memory_limit: str = "auto",
) -> dict:
    from crosswire import dask as cwd
    from distributed import Client, get_task_stream

    t0 = time.perf_counter()
    cluster = cwd.local_cluster(2, config={} if dask_defaults else None, memory_limit=memory_limit)
    client = Client(cluster)
    started = time.perf_counter() - t0
    client.register_plugin(StepCPU())
    out = _scratch()
    before = [cpu_seconds(), *client.run(cpu_seconds).values()]
    t0 = time.perf_counter()
    limit_gb = min(w["memory_limit"] for w in client.scheduler_info()["workers"].values()) / 1e9
    with MemoryTrace(client) as trace, get_task_stream(client) as stream:
        # (persist only when not the default: the older graph has no such argument)
        extra = {} if persist else {"persist": False}
        result = cwd.analyze(folder, client, partition_docs=partition_docs or None, **extra)
        result.to_parquet(out)
    seconds = time.perf_counter() - t0
    # CPU of the client (the LocalCluster's scheduler runs in it) and of each worker.
    after = [cpu_seconds(), *client.run(cpu_seconds).values()]
    # Peaks of the analysis and the writing (before any gather into the client).
    workers = client.run(peak_mb)
    memory_events = list(client.run(_memory_events).values())
    pauses = _pauses(client)
    client_peak = peak_mb()
    # The run's own figures, before the gather (which at 100,000 articles brings every table
    # into this process, beside the workers': should it not end, these are on record).
    analysis = {"seconds": seconds, "cpu": [b - a for a, b in zip(before, after)]}
    analysis |= {"peak_mb": [client_peak, *workers.values()], "pauses": pauses}
    analysis |= {"memory_events": memory_events, "memory": trace.summary(limit_gb)}
    print(json.dumps({"before the gather": analysis}), file=sys.stderr, flush=True)
    if persist:
        shutil.rmtree(out)
        # Apart: every table gathered into the client, as `analysis()` does (the results
        # are persisted on the workers: this is the gather, not the analysis again).
        t0 = time.perf_counter()
        tables = result.compute()
        gather_seconds = time.perf_counter() - t0
        gathered = [cpu_seconds(), *client.run(cpu_seconds).values()]
        rows = [len(tables[t]) for t in cwd.TABLES]
    else:
        # Not persisted: a gather would run the analysis again. Rows read off the files.
        rows = [_parquet_rows(out, t) for t in cwd.TABLES]
        shutil.rmtree(out)
        gather_seconds, gathered = 0.0, after
    # Transfers and spills to disk by action, from the task stream.
    from dask.utils import key_split

    per_action: dict[str, float] = {}
    per_step_tasks: dict[str, int] = {}
    for task in stream.data:
        step = key_split(task["key"])
        per_step_tasks[step] = per_step_tasks.get(step, 0) + 1
        for s in task["startstops"]:
            per_action[s["action"]] = per_action.get(s["action"], 0.0) + s["stop"] - s["start"]
    # CPU seconds per step (a task's name up to its token: cw-tables, cw-align-weighed, …),
    # summed over workers; what moving data between workers cost, from Dask's own fine
    # performance metrics.
    metrics = client.run_on_scheduler(_worker_metrics)
    per_step: dict[str, float] = {}
    for steps in client.run(_step_cpu).values():
        for step, value in steps.items():
            per_step[step] = per_step.get(step, 0.0) + value
    moved: dict[str, float] = {}
    for key, value in metrics:
        if key[-1] == "seconds":
            moved[key[-2]] = moved.get(key[-2], 0.0) + value
    client.close()
    cluster.close()
    return {
        "seconds": seconds,
        "cluster_start": started,
        "cpu": [b - a for a, b in zip(before, after)],
        "gather_seconds": gather_seconds,
        "gather_cpu": [b - a for a, b in zip(after, gathered)],
        "rows": rows,
        "peak_mb": [client_peak, *workers.values()],
        "tasks": len(stream.data),
        "step_tasks": dict(sorted(per_step_tasks.items(), key=lambda x: -x[1])),
        "action_seconds": {k: round(v, 2) for k, v in sorted(per_action.items())},
        "step_cpu": {k: round(v, 2) for k, v in sorted(per_step.items(), key=lambda x: -x[1])},
        "gather_dep_seconds": {k: round(v, 2) for k, v in sorted(moved.items())},
        "memory_events": memory_events,
        "pauses": pauses,
        "memory": analysis["memory"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument(
        "--partition-docs",
        type=int,
        default=0,
        help="documents per partition (default: analyze's own, sized to the workers)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="alternate the two sides this many times"
    )
    parser.add_argument(
        "--sides",
        nargs="+",
        choices=[
            "in-process",
            "in-process-held",
            "cluster",
            "cluster-dask-defaults",
            "cluster-unpersisted",
        ],
        default=["in-process", "cluster"],
        help="in-process: each table written as it is made and dropped; in-process-held: "
        "every table kept as a DataFrame until all are made, then written; "
        "cluster-dask-defaults: the cluster under Dask's own settings, not "
        "CLUSTER_CONFIG; cluster-unpersisted: analyze(persist=False), each table written as "
        "it is made (rows counted from the files, nothing gathered)",
    )
    parser.add_argument(
        "--memory-limit",
        default="auto",
        help="each worker's memory limit (Dask's: '3.5GB'; default: the machine's over the "
        "workers), to put a small corpus's workers where a large one's are against Dask's "
        "spill and pause thresholds",
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        side, folder, docs, memory_limit = args.child
        if side.startswith("in-process"):
            out = in_process(folder, held=side == "in-process-held")
        else:
            out = on_cluster(
                folder,
                int(docs),
                dask_defaults=side == "cluster-dask-defaults",
                persist=side != "cluster-unpersisted",
                memory_limit=memory_limit,
            )
        print(json.dumps(out))
        return
    for n in args.sizes:
        folder = corpus_folder(n)
        words = json.loads((folder / "_stats.json").read_text())["words"]
        for _ in range(args.rounds):
            compare(n, folder, words, args.partition_docs, args.sides, args.memory_limit)


def compare(
    n: int, folder: Path, words: int, partition_docs: int, sides: list[str], memory_limit: str
) -> None:
    """One run of each side, in-process first, and their ratios."""
    results = {}
    for side in sides:
        cmd = [
            *(sys.executable, __file__, "--child", side, str(folder)),
            *(str(partition_docs), memory_limit),
        ]
        # stderr passes through: Dask's warnings (memory, pauses) and the figures before the gather.
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
        print(out.decode().strip(), file=sys.stderr)
        results[side] = json.loads(out)
        r = results[side]
        peaks = ", ".join(f"{p:,.0f}" for p in r["peak_mb"])
        cpus = ", ".join(f"{c:,.1f}" for c in r["cpu"])
        extra = f"  (cluster start {r['cluster_start']:.1f} s)" if "cluster_start" in r else ""
        print(
            f"{n:>7,} articles  {side:<21} {r['seconds']:8.1f} s  "
            f"{words / r['seconds']:>9,.0f} words/s  CPU s {cpus} (sum {sum(r['cpu']):,.1f})  "
            f"peak MB {peaks}  rows {r['rows']}{extra}  load {os.getloadavg()[0]:.1f}"
        )
        apart = "gather" if "gather_cpu" in r else "write"
        print(
            f"{'':>17}of which/apart: {apart} {r[apart + '_seconds']:.1f} s, CPU s "
            + ", ".join(f"{c:,.1f}" for c in r[apart + "_cpu"])
            + ("  (not in the figure above)" if apart == "gather" else "  (in the figure above)")
        )
        if "steps" in r:
            print(
                f"{'':>17}peak so far / RSS after each step (MB): "
                + ", ".join(
                    f"{x['step']} {x['peak_mb']:,.0f}/{x['rss_mb']:,.0f}" for x in r["steps"]
                )
            )
    for side in [s for s in results if not s.startswith("in-process")]:
        c = results[side]
        inside = sum(c["step_cpu"].values())
        print(f"{'':>17}{side}: tasks: {c['tasks']:,}; seconds by action: {c['action_seconds']}")
        print(f"{'':>17}gather-dep seconds: {c['gather_dep_seconds']}")
        print(
            f"{'':>17}pauses {c['pauses']}; per worker spilled / read back, corpora made "
            f"again: {c['memory_events']}"
        )
        memory = c.get("memory", {})
        print(
            f"{'':>17}memory limit {memory.get('limit_gb')} GB a worker; highest process / "
            f"managed / spilled GB per worker: {memory.get('high_process_managed_spilled_gb')}"
        )
        print(
            f"{'':>17}trace (s: process/managed/spilled GB): {'; '.join(memory.get('trace', []))}"
        )
        print(
            f"{'':>17}client CPU ms per wall s {1000 * c['cpu'][0] / c['seconds']:.1f}; "
            f"workers' CPU s outside tasks {sum(c['cpu'][1:]) - inside:,.1f}"
        )
        print(f"{'':>17}tasks per step: {c['step_tasks']}")
        top = {k: v for k, v in c["step_cpu"].items() if v >= 0.5}
        print(f"{'':>17}CPU s per step (>= 0.5 s, of {inside:,.1f}): {top}")
        if "in-process" not in results:
            continue
        a = results["in-process"]
        with_gather = sum(c["cpu"]) + sum(c["gather_cpu"])
        print(
            f"{'':>17}{side} / in-process (analysis + Parquet): "
            f"{c['seconds'] / a['seconds']:.2f}x wall, {sum(c['cpu']) / sum(a['cpu']):.2f}x CPU; "
            f"with the cluster's compute() added: {with_gather / sum(a['cpu']):.2f}x CPU; "
            f"same rows: {a['rows'] == c['rows']}"
        )


if __name__ == "__main__":
    main()
