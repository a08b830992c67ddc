"""How each stage's time grows with its input: every shape of input that once made a stage
quadratic, at 1x, 4x and 16x its size. Linear work grows about 4x per 4x; the script fails
(exit 1) when any stage grows more than --max-growth (default 6) per 4x.

Stages, timed one after another on a fresh corpus: text, entities, claims, alignment (the
core's stages, computed with the GIL released), tables (the claims, entities, pairs and
groups DataFrames) and pipeline (all of them). Times are CPU seconds of the process, the
least of --repeats runs (a shape that seems to fail is run again, up to --max-repeats runs).
Growth is judged from the smallest size to the largest; the steps between are printed too.
Times under --floor seconds count as the floor, so that noise in tiny runs does not read as
growth. CPU time still varies with the load of a shared machine (and a virtual machine's
stolen time): run it twice before trusting a figure near the limit.

Shapes:
  long_document        one document: "Kyiv said the bridge fell. " repeated (issue 12, item 2)
  long_figures         one document: "The bridge fell and 32 soldiers died. " (item 3)
  claim_chain          one document: "It is a war crime. " (each claim names the one before)
  sample_as_one        the five sample articles joined into one document, repeated
  many_names           short documents, each naming a new person (item 4)
  names_in_one         one document naming a new person per sentence (item 4)
  many_copies          the sample plus one claim carried word for word by many documents (item 6)
  one_story            the sample plus one story told in five wordings by many documents
  many_tiny            one-line documents
  sample_repeated      the five sample articles as separate documents, repeated

Usage:
  python benches/growth.py                       # every shape at the default scale
  python benches/growth.py --scale 4 --shapes long_document many_names
  python benches/growth.py --peak-memory 20 80   # peak RSS for the sample repeated to 20, 80 MB
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable

# One thread: growth is about work, and one thread's time is the least noisy measure of it.
os.environ.setdefault("RAYON_NUM_THREADS", "1")

import crosswire as cw  # noqa: E402

STAGES = ["text", "entities", "claims", "alignment", "tables", "pipeline"]

FIRST_NAMES = ["Anna", "Boris", "Clara", "Dmytro", "Elena", "Fedir", "Galina", "Ihor", "Olena"]
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def person(i: int) -> tuple[str, str]:
    """A made-up person: first name and a surname far (in spelling) from the others'."""
    rng = random.Random(i)
    surname = "".join(rng.choice(SYLLABLES) for _ in range(5)).capitalize() + "enko"
    return FIRST_NAMES[i % len(FIRST_NAMES)], surname


def sample() -> list[str]:
    return [d.text for d in cw.datasets.kherson_2022()]


def many_names(n: int) -> list[str]:
    texts = []
    for i in range(n):
        first, last = person(i)
        texts.append(
            f"{first} {last} said the bridge fell near Kherson. {last} added that 32 soldiers died."
        )
    return texts


def names_in_one(n: int) -> list[str]:
    parts = []
    for i in range(n):
        first, last = person(i)
        parts.append(f"{first} {last} said the bridge fell. {last} agreed.")
    return [" ".join(parts)]


def one_story(n: int) -> list[str]:
    speakers = ["Ukrainian officials", "The Ukrainian military", "Kyiv", "Ukraine's army"]
    return sample() + [
        f"{speakers[i % 4]} said {32 + i % 3} Russian soldiers were killed near Kherson."
        for i in range(n)
    ]


# Each shape: (builder of the texts for size n, n at scale 1 and size 1x).
SHAPES: dict[str, tuple[Callable[[int], list[str]], int]] = {
    "long_document": (lambda n: ["Kyiv said the bridge fell. " * n], 400),
    "long_figures": (lambda n: ["The bridge fell and 32 soldiers died. " * n], 150),
    "claim_chain": (lambda n: ["It is a war crime. " * n], 400),
    "sample_as_one": (lambda n: ["\n\n".join(sample()) * n], 1),
    "many_names": (many_names, 150),
    "names_in_one": (names_in_one, 100),
    "many_copies": (
        lambda n: sample() + ["Ukrainian officials said 32 Russian soldiers were killed."] * n,
        40,
    ),
    "one_story": (one_story, 40),
    "many_tiny": (lambda n: [f"Item {i} was sold on Monday." for i in range(n)], 300),
    "sample_repeated": (lambda n: sample() * n, 2),
}


def stage_times(texts: list[str]) -> dict[str, float]:
    """CPU seconds of each stage on a fresh corpus of `texts`."""
    corpus = cw.Corpus.from_texts(texts, names=[str(i) for i in range(len(texts))])
    core = corpus._core
    steps = {
        "text": core.analyse_text,
        "entities": core.analyse_entities,
        "claims": core.analyse_claims,
        "alignment": core.analyse_alignment,
        "tables": lambda: (
            corpus.claims(),
            corpus.entities(),
            corpus.align().pairs(),
            corpus.align().groups(),
        ),
    }
    times = {}
    for name, step in steps.items():
        start = time.process_time()
        step()
        times[name] = time.process_time() - start
    times["pipeline"] = sum(times.values())
    return times


def measure(
    shape: str, scale: float, sizes: list[int], repeats: int, best: list[dict] | None = None
) -> list[dict[str, float]]:
    """For each size, the least time of each stage over `repeats` runs (and `best`, the
    least times of earlier runs). The sizes take turns, so that a burst of other work on the
    machine slows one run of each, not every run of one size."""
    build, base = SHAPES[shape]
    inputs = [build(max(1, round(base * scale * size))) for size in sizes]
    out = best or [dict.fromkeys(STAGES, math.inf) for _ in sizes]
    for _ in range(repeats):
        for least, texts in zip(out, inputs):
            for s, t in stage_times(texts).items():
                least[s] = min(least[s], t)
    return out


def growth(times: list[dict[str, float]], sizes: list[int], floor: float) -> dict[str, list[float]]:
    """Per stage, the growth from each size to the next and from the first to the last,
    each scaled to a 4x step (as if the work grew as a power of the size)."""

    def per_4x(stage: str, a: int, b: int) -> float:
        ratio = max(times[b][stage], floor) / max(times[a][stage], floor)
        return ratio ** (math.log(4) / math.log(sizes[b] / sizes[a]))

    last = len(sizes) - 1
    return {s: [per_4x(s, k, k + 1) for k in range(last)] + [per_4x(s, 0, last)] for s in STAGES}


def run(
    shapes: list[str],
    scale: float,
    sizes: list[int],
    repeats: int,
    floor: float,
    max_growth: float,
    max_repeats: int,
) -> list[dict]:
    """Measures each shape; a shape that seems to grow too fast is measured again (up to
    `max_repeats` runs in all), since a stage that truly does keeps doing so."""
    rows = []
    for shape in shapes:
        times = measure(shape, scale, sizes, repeats)
        done = repeats
        while True:
            row = {"shape": shape, "times": times, "growth": growth(times, sizes, floor)}
            if not failures([row], max_growth) or done >= max_repeats:
                break
            times = measure(shape, scale, sizes, 1, times)
            done += 1
        rows.append(row)
    return rows


def print_table(rows: list[dict], sizes: list[int], max_growth: float) -> None:
    head = "  ".join(f"{f'{n}x s':>8}" for n in sizes)
    print(f"{'shape':16} {'stage':10} {head}  growth per 4x: steps, overall")
    for row in rows:
        for s in STAGES:
            times = "  ".join(f"{t[s]:8.3f}" for t in row["times"])
            steps = " ".join(f"{g:5.1f}" for g in row["growth"][s][:-1])
            overall = row["growth"][s][-1]
            steps += f"  {overall:5.1f}{' !' if overall > max_growth else ''}"
            print(f"{row['shape']:16} {s:10} {times}  {steps}")


def failures(rows: list[dict], max_growth: float) -> list[str]:
    """Stages whose growth from the first size to the last is over `max_growth` per 4x."""
    return [
        f"{row['shape']}/{s}: {row['growth'][s][-1]:.1f}x per 4x"
        for row in rows
        for s in STAGES
        if row["growth"][s][-1] > max_growth
    ]


PEAK = """
import resource, sys, time
import crosswire as cw
mb = float(sys.argv[1])
texts = [d.text for d in cw.datasets.kherson_2022()]
size = sum(len(t.encode()) for t in texts)
texts = texts * max(1, round(mb * 1e6 / size))
start = time.perf_counter()
corpus = cw.Corpus.from_texts(texts, names=[str(i) for i in range(len(texts))])
claims = corpus.claims(); entities = corpus.entities()
alignment = corpus.align(); pairs = alignment.pairs(); groups = alignment.groups()
print(sum(len(t.encode()) for t in texts) / 1e6, len(texts), len(claims), len(pairs),
      groups["group"].nunique(), time.perf_counter() - start,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def peak_memory(mbs: list[float]) -> None:
    """Peak RSS of the whole pipeline (core stages and tables, all threads) on the sample
    repeated as separate documents to each size, each in a fresh process."""
    print(f"{'MB':>6} {'docs':>7} {'claims':>8} {'pairs':>8} {'groups':>7} {'s':>7} {'peak MB':>8}")
    env = {k: v for k, v in os.environ.items() if k != "RAYON_NUM_THREADS"}
    for mb in mbs:
        out = subprocess.run(
            [sys.executable, "-c", PEAK, str(mb)], env=env, capture_output=True, text=True
        )
        if out.returncode != 0:
            print(f"{mb:6}: failed\n{out.stderr}")
            continue
        size, docs, claims, pairs, groups, secs, peak = out.stdout.split()
        print(
            f"{float(size):6.1f} {docs:>7} {claims:>8} {pairs:>8} {groups:>7} "
            f"{float(secs):7.1f} {float(peak):8.0f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    parser.add_argument("--scale", type=float, default=8.0, help="input size multiplier")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument(
        "--max-repeats", type=int, default=3, help="runs in all for a shape that seems to fail"
    )
    parser.add_argument("--floor", type=float, default=0.02, help="seconds; smaller is noise")
    parser.add_argument("--max-growth", type=float, default=6.0)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--peak-memory", type=float, nargs="+", metavar="MB")
    args = parser.parse_args(argv)
    if args.peak_memory:
        peak_memory(args.peak_memory)
        return 0
    rows = run(
        args.shapes,
        args.scale,
        args.sizes,
        args.repeats,
        args.floor,
        args.max_growth,
        args.max_repeats,
    )
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        print_table(rows, args.sizes, args.max_growth)
    bad = failures(rows, args.max_growth)
    for b in bad:
        print(f"grows faster than linear: {b}", file=sys.stderr)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this run: {rss:.0f} MB", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
