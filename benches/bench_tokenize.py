#!/usr/bin/env python3
"""Tokenize (and sentence-split) one ~4 MB corpus with crosswire, spaCy and HF tokenizers.

The corpus is the bundled sample (five articles) repeated as separate documents with distinct
names until it reaches the target size. Every configuration runs in its own subprocess, so each
starts with a fresh heap and rayon reads RAYON_NUM_THREADS afresh (its global pool is fixed per
process). In each subprocess: one untimed warm-up run, then N timed runs; throughput is the best
run, in MB/s of UTF-8 input bytes (1 MB = 10**6 bytes).

Memory is the growth of peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) over the
subprocess's baseline taken after imports and after building the input texts, so it covers the
tool's working memory plus the results it holds (the previous run's results are dropped before
the next run). A tracemalloc peak from one extra, untimed run is reported too: it sees only
allocations made through Python's allocators (spaCy's Cython objects, HF's Python tuples and
strings), not crosswire's Rust heap, so for crosswire it is near zero by construction.

Run: ``python benches/bench_tokenize.py [--repeats 5] [--rounds 1] [--mb 4] [--json]``.
``--rounds R`` runs every configuration R times, interleaved, and keeps the best: on a machine
shared with other work this evens out the load each tool happens to meet.
Benchmarks are never part of the test pass.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable

# name -> (description, environment overrides; None removes the variable)
CONFIGS: dict[str, tuple[str, dict[str, str | None]]] = {
    "crosswire-1t": ("crosswire, 1 thread (from_texts + analyse_text)", {"RAYON_NUM_THREADS": "1"}),
    "crosswire-all": (
        "crosswire, all cores (from_texts + analyse_text)",
        {"RAYON_NUM_THREADS": None},
    ),
    "spacy-tokenizer": ("spaCy blank('en') tokenizer.pipe", {}),
    "spacy-sentencizer": ("spaCy blank('en') + sentencizer, nlp.pipe", {}),
    "hf-bert": ("HF tokenizers BertPreTokenizer.pre_tokenize_str", {}),
    "hf-whitespace": ("HF tokenizers Whitespace.pre_tokenize_str", {}),
}
CROSSWIRE = ("crosswire-1t", "crosswire-all")
# The targets: crosswire >= 50x spaCy's tokenizer and >= 5x the HF pre-tokenizer.
TARGETS = {"spacy-tokenizer": 50.0, "hf-bert": 5.0}


# -- the corpus ---------------------------------------------------------------------------------


def sample_dir() -> Path:
    import crosswire

    return Path(crosswire.__file__).parent / "data" / "kherson-2022"


def build_corpus(megabytes: float) -> tuple[list[str], list[str]]:
    """The sample articles repeated, as separate documents, to about ``megabytes`` MB."""
    files = sorted(sample_dir().glob("*.txt"))
    articles = [(f.stem, f.read_text(encoding="utf-8-sig")) for f in files]
    if not articles:
        raise SystemExit(f"no sample articles in {sample_dir()}")
    target = megabytes * 1e6
    texts: list[str] = []
    names: list[str] = []
    size = 0
    copy = 0
    while size < target:
        for stem, text in articles:
            texts.append(text)
            names.append(f"{stem}-{copy:04d}")
            size += len(text.encode("utf-8"))
        copy += 1
    return texts, names


# -- one configuration, in a subprocess -----------------------------------------------------------


def runner(
    config: str, texts: list[str], names: list[str], phases: list[tuple[float, float]]
) -> tuple[Callable[[], Any], Callable[[Any], dict]]:
    """``run()`` does the work and returns the results it holds; ``count(results)`` says
    how many tokens (and sentences) came out, outside the timed region. crosswire's runs
    append (from_texts seconds, analyse_text seconds) to ``phases``."""
    if config in CROSSWIRE:
        import crosswire as cw

        def run() -> Any:
            t0 = time.perf_counter()
            corpus = cw.Corpus.from_texts(texts, names=names)  # copies the texts into Rust
            t1 = time.perf_counter()
            corpus._core.analyse_text()  # tokens + boilerplate + sentences, GIL released
            phases.append((t1 - t0, time.perf_counter() - t1))
            return corpus

        def count(corpus: Any) -> dict:
            docs = list(corpus)
            return {
                "tokens": sum(len(d.tokens) for d in docs),
                "sentences": sum(len(d.sentences) for d in docs),
            }

        return run, count

    if config.startswith("spacy"):
        import spacy

        nlp = spacy.blank("en")
        if config == "spacy-tokenizer":

            def run() -> Any:
                return list(nlp.tokenizer.pipe(texts))

            def count(docs: Any) -> dict:
                return {"tokens": sum(len(d) for d in docs)}

        else:
            nlp.add_pipe("sentencizer")

            def run() -> Any:
                return list(nlp.pipe(texts))

            def count(docs: Any) -> dict:
                return {
                    "tokens": sum(len(d) for d in docs),
                    "sentences": sum(1 for d in docs for _ in d.sents),
                }

        return run, count

    if config.startswith("hf"):
        from tokenizers import pre_tokenizers

        pre = (
            pre_tokenizers.BertPreTokenizer()
            if config == "hf-bert"
            else pre_tokenizers.Whitespace()
        )
        pre_tokenize = pre.pre_tokenize_str

        def run() -> Any:
            return [pre_tokenize(t) for t in texts]

        def count(results: Any) -> dict:
            return {"tokens": sum(len(r) for r in results)}

        return run, count

    raise SystemExit(f"unknown configuration {config!r}")


def maxrss_bytes() -> int:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024  # kB on Linux


def worker(config: str, repeats: int, megabytes: float) -> dict:
    texts, names = build_corpus(megabytes)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    phases: list[tuple[float, float]] = []
    run, count = runner(config, texts, names, phases)
    gc.collect()
    baseline = maxrss_bytes()

    results = run()  # warm-up: also pays one-off costs (spaCy's lexeme cache, page faults)
    counts = count(results)
    del results
    times = []
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        results = run()
        times.append(time.perf_counter() - t0)
        del results
    timed_phases = phases[1 : 1 + repeats]  # drop the warm-up
    rss_delta = maxrss_bytes() - baseline

    gc.collect()
    tracemalloc.start()
    results = run()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del results

    best = min(times)
    out = {
        "config": config,
        "description": CONFIGS[config][0],
        "documents": len(texts),
        "bytes": nbytes,
        "repeats": repeats,
        "times_s": times,
        "best_s": best,
        "median_s": sorted(times)[len(times) // 2],
        "mb_per_s": nbytes / best / 1e6,
        "peak_rss_delta_mb": rss_delta / 1e6,
        "tracemalloc_peak_mb": traced_peak / 1e6,
        "rayon_num_threads": os.environ.get("RAYON_NUM_THREADS"),
        **counts,
    }
    if timed_phases:
        out["best_from_texts_s"] = min(p[0] for p in timed_phases)
        out["best_analyse_text_s"] = min(p[1] for p in timed_phases)
    return out


def run_config(config: str, repeats: int, megabytes: float) -> dict:
    env = dict(os.environ)
    for key, value in CONFIGS[config][1].items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    cmd = [
        sys.executable,
        os.path.abspath(__file__),
        "--worker",
        config,
        "--repeats",
        str(repeats),
        "--mb",
        str(megabytes),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        err = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        return {"config": config, "description": CONFIGS[config][0], "error": err}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def merge_rounds(runs: list[dict]) -> dict:
    """The round with the best run, with every round's times and the worst memory figure."""
    ok = [r for r in runs if "error" not in r]
    if not ok:
        return runs[0]
    best = dict(min(ok, key=lambda r: r["best_s"]))
    best["rounds"] = len(ok)
    best["round_mb_per_s"] = [r["mb_per_s"] for r in ok]
    best["times_s"] = [t for r in ok for t in r["times_s"]]
    best["median_s"] = sorted(best["times_s"])[len(best["times_s"]) // 2]
    best["peak_rss_delta_mb"] = max(r["peak_rss_delta_mb"] for r in ok)
    best["tracemalloc_peak_mb"] = max(r["tracemalloc_peak_mb"] for r in ok)
    return best


# -- the machine --------------------------------------------------------------------------------


def machine() -> dict:
    from importlib import metadata

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for pkg in ("crosswire", "spacy", "tokenizers"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    commit = None
    try:
        commit = subprocess.run(
            ["git", "-C", str(Path(__file__).parent), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "crosswire_commit": commit,
        "loadavg_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


# -- report -------------------------------------------------------------------------------------


def report(info: dict, results: list[dict]) -> str:
    by = {r["config"]: r for r in results}
    cw = {c: by[c]["mb_per_s"] for c in CROSSWIRE if c in by and "error" not in by[c]}
    ok = next((r for r in results if "error" not in r), None)
    lines = []
    m = info
    lines.append(f"machine: {m['nproc']} CPUs ({m['usable_cpus']} usable), {m['cpu']}")
    lines.append(f"         Python {m['python']}, {m['platform']}")
    lines.append(
        "         "
        + ", ".join(f"{k} {v or 'not installed'}" for k, v in m["versions"].items())
        + (f" (crosswire at {m['crosswire_commit']})" if m["crosswire_commit"] else "")
    )
    if m["loadavg_at_start"]:
        lines.append(
            "         load average at start: "
            + " ".join(f"{x:.2f}" for x in m["loadavg_at_start"])
            + (
                " / at end: " + " ".join(f"{x:.2f}" for x in m["loadavg_at_end"])
                if m.get("loadavg_at_end")
                else ""
            )
            + "  (shared machine: figures may be noisy)"
        )
    if ok:
        rounds = ok.get("rounds", 1)
        lines.append(
            f"corpus:  {ok['documents']} documents, {ok['bytes'] / 1e6:.2f} MB UTF-8; "
            f"best of {ok['repeats']} runs after one warm-up"
            + (f", over {rounds} interleaved rounds" if rounds > 1 else "")
        )
    lines.append("")
    head = (
        f"{'tool':<20}{'MB/s':>9}{'best s':>9}{'median s':>10}{'tokens':>10}{'sents':>8}"
        f"{'RSS +MB':>9}{'trace MB':>9}{'cw-1t x':>9}{'cw-all x':>9}"
    )
    lines.append(head)
    lines.append("-" * len(head))
    for r in results:
        if "error" in r:
            lines.append(f"{r['config']:<20}  failed: {r['error']}")
            continue
        ratios = ""
        for c in CROSSWIRE:
            if c in cw and r["config"] not in CROSSWIRE:
                ratios += f"{cw[c] / r['mb_per_s']:>9.1f}"
            else:
                ratios += f"{'':>9}"
        sents = r.get("sentences")
        lines.append(
            f"{r['config']:<20}{r['mb_per_s']:>9.2f}{r['best_s']:>9.3f}{r['median_s']:>10.3f}"
            f"{r['tokens']:>10,}{(f'{sents:,}' if sents is not None else '-'):>8}"
            f"{r['peak_rss_delta_mb']:>9.1f}{r['tracemalloc_peak_mb']:>9.1f}{ratios}"
        )
    lines.append("")
    lines.append(
        "MB/s: UTF-8 input bytes / best run. RSS +MB: peak RSS growth over the subprocess baseline "
        "(ru_maxrss)."
    )
    lines.append(
        "trace MB: tracemalloc peak of one extra run (Python allocators only; crosswire's Rust heap "
        "is invisible to it)."
    )
    lines.append("cw-1t x / cw-all x: crosswire MB/s divided by the tool's MB/s.")
    if any(len(r.get("round_mb_per_s", [])) > 1 for r in results):
        lines.append(
            "MB/s per round: "
            + "; ".join(
                f"{r['config']} " + "/".join(f"{x:.1f}" for x in r["round_mb_per_s"])
                for r in results
                if "round_mb_per_s" in r
            )
        )
    for c in CROSSWIRE:
        r = by.get(c)
        if r and "best_analyse_text_s" in r:
            lines.append(
                f"{c}: best from_texts {r['best_from_texts_s'] * 1e3:.1f} ms, best analyse_text "
                f"{r['best_analyse_text_s'] * 1e3:.1f} ms "
                f"({r['bytes'] / r['best_analyse_text_s'] / 1e6:.0f} MB/s for the text stage alone)"
            )
    for tool, target in TARGETS.items():
        if tool in by and "error" not in by[tool]:
            for c in CROSSWIRE:
                if c in cw:
                    ratio = cw[c] / by[tool]["mb_per_s"]
                    verdict = "meets" if ratio >= target else "below"
                    lines.append(f"target {c} >= {target:g}x {tool}: {ratio:.1f}x ({verdict})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeats", type=int, default=5, help="timed runs per tool (best is reported)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run every tool this many times, interleaved, each in a fresh subprocess; "
        "the best over all rounds is reported (evens out load from other work)",
    )
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    parser.add_argument(
        "--tools",
        default=",".join(CONFIGS),
        help="comma-separated configurations (default all): " + ", ".join(CONFIGS),
    )
    parser.add_argument(
        "--json", action="store_true", help="print the results as JSON instead of a table"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")

    if args.worker:
        print(json.dumps(worker(args.worker, args.repeats, args.mb)))
        return 0

    configs = [c.strip() for c in args.tools.split(",") if c.strip()]
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        parser.error(f"unknown tools {unknown}; choose from {list(CONFIGS)}")
    info = machine()
    rounds: dict[str, list[dict]] = {c: [] for c in configs}
    for k in range(max(1, args.rounds)):
        for config in configs:
            if not args.json:
                print(f"round {k + 1}: {config} ...", file=sys.stderr, flush=True)
            rounds[config].append(run_config(config, args.repeats, args.mb))
    results = [merge_rounds(rounds[c]) for c in configs]
    if args.json:
        info["loadavg_at_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
        print(json.dumps({"machine": info, "results": results}, indent=2))
    else:
        info["loadavg_at_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
        print(report(info, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
