"""What Dask costs crosswire on this machine, before crosswire.dask exists: a 2-worker
LocalCluster's start, shipping a Corpus partition to a worker, and the per-document stages
run on the workers against the same documents in-process.

    pip install 'crosswire[dask]'
    python benches/dask_probe.py [FOLDER] [--docs 4000] [--partitions 4]

FOLDER is a corpus from benches/make_corpus.py (default: target/corpora/10000-seed0, which
bench_scale.py builds). Workers are processes with one Dask thread and RAYON_NUM_THREADS=1
each (two workers on two cores; more threads would only contend). Printed, not asserted:

- cluster start and stop, and each worker's RSS once started;
- a partition (a Corpus of N documents) pickled: bytes, dumps and loads time (a Corpus
  pickles as its texts, names, dates and sources, so loading rebuilds it, analyses not run);
- scatter to a worker, and a task's round trip on it;
- the per-document stages (text, entities with the partition's own id resolution, claims,
  and the claims table returned as a DataFrame) over all partitions on the cluster, against
  the same in-process, single-thread and all-core, and the result's bytes.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "target" / "corpora" / "10000-seed0"


def read_texts(folder: Path, n: int) -> tuple[list[str], list[str]]:
    paths = sorted(folder.rglob("*.txt"))[:n]
    return [p.read_text(encoding="utf-8") for p in paths], [p.stem for p in paths]


def per_document_stages(corpus):
    """Text, entities, claims for one partition, and its claims table."""
    corpus._core.analyse_text()
    corpus._core.analyse_entities()
    return corpus.claims()


def timed_on_worker(corpus):
    """`per_document_stages` and the seconds it took where it ran."""
    t0 = time.perf_counter()
    table = per_document_stages(corpus)
    return time.perf_counter() - t0, table


def warm_up() -> int:
    """Loads the lexicons and models once, as the first call in a process does."""
    import crosswire as cw

    return len(cw.Corpus.from_texts(["Kyiv said the bridge fell on Monday."]).claims())


def worker_rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1000
    return float("nan")


def rayon_threads() -> str | None:
    return os.environ.get("RAYON_NUM_THREADS")


def clock(label: str, work, *, note: str = ""):
    t0 = time.perf_counter()
    out = work()
    print(f"{label:<52}{time.perf_counter() - t0:>9.3f} s  {note}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()

    import crosswire as cw
    from dask.distributed import Client, LocalCluster

    texts, names = read_texts(args.folder, args.docs)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(texts):,} documents, {size / 1e6:.1f} MB of text; load {os.getloadavg()}")
    step = -(-len(texts) // args.partitions)
    parts = [
        cw.Corpus.from_texts(texts[i : i + step], names[i : i + step])
        for i in range(0, len(texts), step)
    ]

    blob = clock("pickle.dumps(partition)", lambda: pickle.dumps(parts[0]))
    clock("pickle.loads(partition)", lambda: pickle.loads(blob), note=f"{len(blob) / 1e6:.1f} MB")

    cluster = clock(
        "LocalCluster(2 workers x 1 thread) start",
        lambda: LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            env={"RAYON_NUM_THREADS": "1"},
        ),
    )
    client = Client(cluster)
    rss = client.run(worker_rss_mb)
    print(f"worker RSS after start: {', '.join(f'{v:.0f} MB' for v in rss.values())}")
    print(f"RAYON_NUM_THREADS on workers: {set(client.run(rayon_threads).values())}")
    clock("warm-up on each worker (import, lexicons)", lambda: client.run(warm_up))
    warm_up()

    future = clock("scatter(partition)", lambda: client.scatter(parts[0]))
    clock(
        "task round trip: len(partition) on a worker", lambda: client.submit(len, future).result()
    )
    clock("task round trip: a no-op", lambda: client.submit(int, 1).result())

    def on_cluster():
        futures = client.map(timed_on_worker, parts, pure=False)
        return client.gather(futures)

    timed = clock("per-document stages, 2 workers (partitions shipped)", on_cluster)
    print(f"  time inside the tasks: {', '.join(f'{t:.2f} s' for t, _ in timed)}")
    tables = [table for _, table in timed]
    out_bytes = sum(len(pickle.dumps(t)) for t in tables)
    print(f"  claims: {sum(len(t) for t in tables):,} rows, {out_bytes / 1e6:.1f} MB pickled")
    rss = client.run(worker_rss_mb)
    print(f"worker RSS after the stages: {', '.join(f'{v:.0f} MB' for v in rss.values())}")
    clock("cluster stop", lambda: (client.close(), cluster.close()))

    whole = cw.Corpus.from_texts(texts, names)
    clock(
        "per-document stages in-process, all cores (one corpus)", lambda: per_document_stages(whole)
    )
    fresh = [pickle.loads(pickle.dumps(p)) for p in parts]
    clock(
        "per-document stages in-process, partition by partition",
        lambda: [per_document_stages(p) for p in fresh],
    )
    print(f"load {os.getloadavg()}", file=sys.stderr)


if __name__ == "__main__":
    main()
