"""Time and peak memory of the Python side of the pipeline as the corpus grows: coverage(),
the HTML report, and Analysis save and load, on two shapes of corpus:

- ``tiny``: one-line articles, each with one claim in words of its own, so that there are as
  many claim groups as documents (groups x documents is as large as it gets);
- ``news``: articles of 8-16 sentences drawn from MSRP and CoNLL-2003 (as bench_align.py
  builds them), so that articles share sentences the way real coverage does.

Each size runs in a fresh subprocess. Memory is the process's peak resident size
(``ru_maxrss``) after each step, which only grows: a step's cost is its increase over the step
before. The core's stages (text, entities, claims, alignment) run first and are timed apart;
"tables" is their conversion to DataFrames; the report and the analysis call ``corpus.align()``
again, as a user's code does.

Usage: python benches/bench_report.py [--shape tiny|news] [sizes...]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import crosswire as cw
from crosswire import reporting


def tiny_texts(n: int) -> list[str]:
    rng = random.Random(n)

    def word() -> str:
        return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))

    return [f"The {word()} council said the {word()} bridge reopened." for _ in range(n)]


def news_texts(n: int) -> list[str]:
    import bench_align  # beside this script

    pool = bench_align.msrp_sentences() + bench_align.conll_sentences()
    return bench_align.corpus_of(n, pool, random.Random(n))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(shape: str, n: int) -> dict[str, float]:
    texts = tiny_texts(n) if shape == "tiny" else news_texts(n)
    out: dict[str, float] = {"input_mb": sum(len(t.encode()) for t in texts) / 2**20}
    corpus = cw.Corpus.from_texts(texts, names=[f"doc{i:06d}" for i in range(n)])
    t = time.perf_counter()
    alignment = corpus.align()  # runs every stage of the core
    out["core stages s"] = time.perf_counter() - t
    out["core stages peak MB"] = peak_mb()
    steps = [
        ("tables", lambda: (corpus.entities(), corpus.claims(), alignment.groups())),
        ("coverage", alignment.coverage),
        ("report", lambda: reporting.render(corpus)),
        ("analysis", lambda: cw.Analysis.from_corpus(corpus)),
    ]
    results = {}
    for name, step in steps:
        t = time.perf_counter()
        results[name] = step()
        out[f"{name} s"] = time.perf_counter() - t
        out[f"{name} peak MB"] = peak_mb()
    out["report MB"] = len(results["report"].encode()) / 2**20
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "analysis.json"
        t = time.perf_counter()
        results["analysis"].save(path)
        out["save s"] = time.perf_counter() - t
        out["save peak MB"] = peak_mb()
        out["file MB"] = path.stat().st_size / 2**20
        del results
        t = time.perf_counter()
        cw.Analysis.load(path)
        out["load s"] = time.perf_counter() - t
        out["load peak MB"] = peak_mb()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int)
    parser.add_argument("--shape", choices=["tiny", "news"], default="tiny")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = args.sizes or ([6250, 25000, 100000] if args.shape == "tiny" else [1000, 4000, 16000])
    if args.one:
        print(json.dumps(one(args.shape, sizes[0])))
        return
    rows = {}
    for n in sizes:
        cmd = [sys.executable, __file__, "--one", "--shape", args.shape, str(n)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        rows[n] = json.loads(done.stdout)
        print(
            f"{args.shape} {n:,} documents: "
            + ", ".join(f"{k} {v:.2f}" for k, v in rows[n].items())
        )
    ns = sorted(rows)
    for key in [k for k in rows[ns[0]] if k.endswith(" s")]:
        ratios = "  ".join(
            f"x{rows[b][key] / max(rows[a][key], 1e-9):.1f}" for a, b in zip(ns, ns[1:])
        )
        print(f"{key:>14} growth per x{ns[1] / ns[0]:.0f} data: {ratios}")


if __name__ == "__main__":
    main()
