"""The whole analysis on large synthetic corpora: time per stage, words per second and peak
memory, single-thread and all-core, each run in a fresh process.

    python benches/bench_scale.py                        # 10,000 and 100,000 articles, 1 and all threads
    python benches/bench_scale.py --sizes 10000 --threads all
    python benches/bench_scale.py --json > scale.json

Corpora come from benches/make_corpus.py (seed 0), built once into target/corpora/ and
reused. Each configuration runs in a child process with RAYON_NUM_THREADS set before the
extension starts (the pool is fixed per process); the child reads the folder and runs, in
the order a user meets them, each stage on its own:

| stage        | what is timed                                                            |
|--------------|--------------------------------------------------------------------------|
| read         | `cw.Corpus.from_dir(folder)`: listing, reading, decoding, metadata       |
| text         | tokens, boilerplate, sentences (`_core.analyse_text`)                    |
| syntax       | tags, lemmas, dependency parse (`_core.analyse_syntax`; the claims stage of the `parsecl` branch reads it, on main it runs only when asked) |
| entities     | tagging every document, then the corpus-wide id resolution               |
| claims       | claim extraction and linking (forced through `corpus[0].claims`)          |
| align        | claim views, candidate pairs, scoring, groups, and the columns handed to Python (`corpus.align()`) |
| t:entities … | each table a user asks for, as a pandas DataFrame; the dense coverage table (groups x documents) only up to 2e8 cells, else its long form (`t:coverage-long`) |

Seconds are wall-clock; CPU seconds (user + system, all threads) are printed beside them,
since on a shared machine the wall clock also counts other people's work (the load average
is printed at start and end). Peak memory is the process's RSS high-water mark (VmHWM in
/proc/self/status), reset before each stage and read after it, so each stage shows its own
peak (over the RSS before it: its working memory) and `RSS MB` what it left held; `base` is
the mark after imports. Words are the generator's whitespace-separated words
(`_stats.json`). Nothing here asserts: targets from
issue 11 are printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent / "target" / "corpora"
TARGET_WORDS_PER_SECOND = 150_000
TARGET_PEAK_GB = 8
TARGET_GROWTH = 12  # t(100k) / t(10k)
MAX_COVERAGE_CELLS = 200_000_000  # 1.6 GB of int64


def memory_mb() -> tuple[float, float]:
    """(peak RSS, current RSS) of this process, in MB (10^6 bytes)."""
    fields = {}
    with open("/proc/self/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                fields[key] = int(value.split()[0]) * 1024 / 1e6
    return fields["VmHWM"], fields["VmRSS"]


def reset_peak() -> None:
    """Starts the peak RSS again from the current RSS (Linux's clear_refs), so that each
    stage's peak is its own, not an earlier stage's; elsewhere peaks only rise."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def cpu_seconds() -> float:
    """User + system time of this process, all threads."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child(folder: str, limit_gb: float, until: str) -> None:
    """Runs every stage on `folder` and prints one JSON line of figures. The address space
    is capped at `limit_gb`, so a run that would take the machine's memory fails alone."""
    limit = int(limit_gb * 1e9)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import crosswire as cw

    stages: list[dict] = []
    peak, rss = memory_mb()
    base = {"peak_mb": peak, "rss_mb": rss}

    def timed(name: str, work):
        reset_peak()
        c0, t0 = cpu_seconds(), time.perf_counter()
        out = work()
        seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        peak, rss = memory_mb()
        stages.append(
            {"stage": name, "seconds": seconds, "cpu": cpu, "peak_mb": peak, "rss_mb": rss}
        )
        print(
            f"  {name}: {seconds:.2f} s ({cpu:.2f} s CPU), peak {peak:,.0f} MB",
            file=sys.stderr,
            flush=True,
        )
        return out

    corpus = timed("read", lambda: cw.Corpus.from_dir(folder))
    if until != "read":
        timed("text", corpus._core.analyse_text)
    if until in ("read", "text"):
        print(json.dumps({"base": base, "stages": stages, "sizes": {"documents": len(corpus)}}))
        return
    timed("syntax", corpus._core.analyse_syntax)
    timed("entities", corpus._core.analyse_entities)
    claims = timed("claims", lambda: corpus[0].claims)
    alignment = timed("align", corpus.align)
    sizes = {"documents": len(corpus), "claims_doc0": len(claims)}
    sizes["entities"] = len(timed("t:entities", corpus.entities))
    sizes["entity_table"] = len(timed("t:entity_table", corpus.entity_table))
    sizes["claims"] = len(timed("t:claims", corpus.claims))
    sizes["pairs"] = len(timed("t:pairs", alignment.pairs))
    sizes["groups"] = len(timed("t:groups", alignment.groups))
    # The coverage table is dense, groups x documents: past a few hundred million cells it
    # cannot be held, so the long form (group, doc, claims) it is made from is timed instead.
    groups = alignment.groups()
    cells = groups["group"].nunique() * len(corpus)
    if cells <= MAX_COVERAGE_CELLS:
        sizes["coverage"] = list(timed("t:coverage", alignment.coverage).shape)
    else:
        long = timed(
            "t:coverage-long", lambda: groups.groupby(["group", "doc"], observed=True).size()
        )
        sizes["coverage"] = f"{cells:,} cells, not built; long form {len(long):,} rows"
    sizes["candidates"] = alignment.candidates
    relations = alignment.pairs()["relation"].value_counts().to_dict()
    print(json.dumps({"base": base, "stages": stages, "sizes": sizes, "relations": relations}))


def corpus_folder(n: int) -> Path:
    folder = CORPORA / f"{n}-seed0"
    if not (folder / "_stats.json").exists():
        print(f"building a corpus of {n:,} articles in {folder} …", file=sys.stderr)
        sys.path.insert(0, str(HERE))
        import make_corpus

        if folder.exists():
            raise SystemExit(f"{folder} is incomplete (no _stats.json): remove it and rerun")
        make_corpus.build(folder, n)
    return folder


def run(folder: Path, threads: str, limit_gb: float, until: str) -> dict:
    env = dict(os.environ)
    env.pop("RAYON_NUM_THREADS", None)
    if threads != "all":
        env["RAYON_NUM_THREADS"] = threads
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), str(limit_gb), until],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    if done.returncode != 0:
        # Out of memory under the cap shows as an abort (a failed allocation) or MemoryError.
        return {
            "failed": f"exit status {done.returncode}",
            "wall_seconds": time.perf_counter() - t0,
        }
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = time.perf_counter() - t0
    return result


def report(n: int, threads: str, words: int, result: dict) -> None:
    if "failed" in result:
        print(
            f"\n{n:,} articles, threads={threads}: failed ({result['failed']}) after {result['wall_seconds']:,.0f} s"
        )
        return
    stages = result["stages"]
    total = sum(s["seconds"] for s in stages)
    peak = max(s["peak_mb"] for s in stages)
    print(
        f"\n{n:,} articles, {words:,} words, threads={threads}: {total:,.1f} s, "
        f"{words / total:,.0f} words/s (target >= {TARGET_WORDS_PER_SECOND:,}), "
        f"peak {peak:,.0f} MB (target < {TARGET_PEAK_GB} GB)"
    )
    print(f"  {'stage':<16}{'seconds':>10}{'share':>8}{'CPU s':>10}{'peak MB':>10}{'RSS MB':>10}")
    base = result["base"]
    print(f"  {'base':<16}{'':>10}{'':>8}{'':>10}{base['peak_mb']:>10,.0f}{base['rss_mb']:>10,.0f}")
    for s in stages:
        print(
            f"  {s['stage']:<16}{s['seconds']:>10,.2f}{s['seconds'] / total:>8.1%}{s['cpu']:>10,.2f}"
            f"{s['peak_mb']:>10,.0f}{s['rss_mb']:>10,.0f}"
        )
    print(f"  sizes: {result['sizes']}  relations: {result.get('relations', {})}")


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(sys.argv[2], float(sys.argv[3]), sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--threads", nargs="+", default=["1", "all"], help="1, 2, …, or all")
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    parser.add_argument(
        "--until",
        choices=["read", "text", "all"],
        default="all",
        help="stop after this stage (read, text: Corpus.from_dir and the text stage alone)",
    )
    parser.add_argument(
        "--limit-gb",
        type=float,
        default=None,
        help="address-space cap per run (default 12 up to 20,000 articles, 20 above: the "
        "address space runs a few GB over the resident peak, projected 10-15 GB at "
        "100,000, see benches/README.md)",
    )
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()}", file=sys.stderr)
    results = []
    for n in args.sizes:
        folder = corpus_folder(n)
        words = json.loads((folder / "_stats.json").read_text())["words"]
        for threads in args.threads:
            print(f"{n:,} articles, threads={threads}:", file=sys.stderr, flush=True)
            limit = args.limit_gb or (12 if n <= 20_000 else 20)
            result = run(folder, threads, limit, args.until)
            results.append({"articles": n, "words": words, "threads": threads, **result})
            if not args.json:
                report(n, threads, words, result)
    print(f"load average at end: {os.getloadavg()}", file=sys.stderr)
    if args.json:
        json.dump(results, sys.stdout, indent=1)
        print()
        return
    results = [r for r in results if "failed" not in r]
    if not results:
        return
    totals = {
        (r["articles"], r["threads"]): sum(s["seconds"] for s in r["stages"]) for r in results
    }
    sizes = sorted({r["articles"] for r in results})
    for threads in args.threads:
        for small, large in zip(sizes, sizes[1:]):
            if (small, threads) in totals and (large, threads) in totals:
                growth = totals[(large, threads)] / totals[(small, threads)]
                print(
                    f"threads={threads}: t({large:,})/t({small:,}) = {growth:.2f} for "
                    f"x{large / small:.0f} the articles (target <= {TARGET_GROWTH})"
                )
        per_stage: dict[str, list[float]] = {}
        for r in results:
            if r["threads"] == threads:
                for x in r["stages"]:
                    per_stage.setdefault(x["stage"], []).append(x["seconds"])
        if len(sizes) > 1:
            print(
                f"threads={threads}: growth per stage, "
                + ", ".join(
                    f"{k} x{v[-1] / v[0]:.1f}"
                    for k, v in per_stage.items()
                    if len(v) > 1 and v[0] > 0
                )
            )


if __name__ == "__main__":
    main()
