"""The MSRP training pairs `cw.compare` calls `agree` that MSRP labels as no paraphrase, read
by a sceptical analyst: a pool of labelled hard negatives from news no alignment rule was
written on (MSRP train is development data: the scorer is fitted on it).

    python -m benches.msrp_false_agrees            # agree precision, counts by class
    python -m benches.msrp_false_agrees --show no  # also the pairs judged `no` (or a class,
                                                   # `partial`, `unjudged`), with the reason

Agree precision is the share of `agree` pairs MSRP labels 1. MSRP's 0 is stricter than an
analyst's `no`: most of its 0s that crosswire agrees on are partial (one sentence says more,
`... and 18 countries have adopted biotechnology`). The judgements in
`benches/data/msrp_false_agrees.jsonl` (keyed by MSRP's two sentence ids) split them:
`yes` (one proposition after all), `partial`, or `no` (another proposition), a `no` with its
class: `figures` (other figures for other things), `participants` (another agent or
patient), `predicates` (no predicate in common: other deeds in shared words) or `reporting`
(only a reporting verb or a subordinate clause in common). The analyst's precision counts
MSRP's 1s and the judged `yes` and `partial` as right (`partial` apart).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import crosswire as cw

from scripts import fit_weights  # the one MSRP reader

HERE = Path(__file__).resolve().parent
MSRP = HERE.parents[1] / "shared" / "data" / "msrp" / "msr_paraphrase_train.txt"
JUDGED = HERE / "data" / "msrp_false_agrees.jsonl"


def pairs(path: Path) -> list[tuple[int, str, str, str]]:
    """(label, `id1-id2`, sentence 1, sentence 2) for every pair of the file."""
    return [(int(p[0]), f"{p[1]}-{p[2]}", p[3], p[4]) for p in fit_weights.rows(path)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--msrp", type=Path, default=MSRP)
    ap.add_argument(
        "--show", help="list pairs judged so (no, partial, yes, unjudged) or of a class"
    )
    args = ap.parse_args()
    rows = pairs(args.msrp)
    judged = {}
    if JUDGED.exists():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            j = json.loads(line)
            judged[j["pair"]] = j
    df = cw.compare_many([(a, b) for _, _, a, b in rows])
    agree = [(r, why) for r, rel, why in zip(rows, df["relation"], df["reason"]) if rel == "agree"]
    labelled = sum(r[0] for r, _ in agree)
    verdicts, classes = Counter(), Counter()
    for (label, key, a, b), why in agree:
        if label:
            continue
        j = judged.get(key, {"judged": "unjudged", "class": ""})
        verdicts[j["judged"]] += 1
        if j["judged"] == "no":
            classes[j["class"]] += 1
        if args.show in (j["judged"], j["class"]):
            print(f"[{key}] {j['judged']} {j['class']}: {j.get('why', '')}")
            print(f"  A: {a}\n  B: {b}\n  R: {why}\n")
    n = len(agree)
    print(f"MSRP train: {len(rows)} pairs; cw.compare says agree for {n}")
    print(f"  agree precision (MSRP label 1): {labelled}/{n} = {labelled / max(n, 1):.3f}")
    print(
        f"  MSRP label 0: {n - labelled}; judged: "
        + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items()))
    )
    strict = labelled + verdicts["yes"]
    print(
        f"  analyst's precision: {strict / max(n, 1):.3f} strict (label 1 or yes), "
        f"{(strict + verdicts['partial']) / max(n, 1):.3f} with partial"
    )
    print("  `no` by class: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()))


if __name__ == "__main__":
    main()
