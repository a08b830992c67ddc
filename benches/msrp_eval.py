"""`cw.compare` as a paraphrase detector on MSRP (msr_paraphrase_train.txt), against the
word-overlap (Jaccard) baseline, both with the threshold chosen by 10-fold
cross-validation on the file (fitted on nine folds, scored on the tenth).

The scorer (weights.txt and its word weights) was fitted on this same file by
scripts/fit_weights.py, so its figure here is that script's nested cross-validation:
model *and* threshold refitted on nine folds, scored on the tenth. Scoring the stored
model on the file it was fitted on would be a training figure, and is not reported.

Usage, from the clone's root:
    python -m benches.msrp_eval [../shared/data/msrp/msr_paraphrase_train.txt]
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import crosswire as cw
import numpy as np

from scripts import fit_weights  # one MSRP reader, one CV protocol
from scripts.fit_weights import FOLDS, acc_f1, best_threshold, load

HERE = Path(__file__).resolve().parent
DEFAULT = (
    HERE.parents[1] / "shared" / "data" / "msrp" / "msr_paraphrase_train.txt"
)  # ../shared beside the clone


def cv(score: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """A fixed score with its threshold chosen on nine folds, scored on the tenth."""
    folds = np.random.default_rng(0).permutation(len(y)) % FOLDS
    pred = np.zeros(len(y), dtype=bool)
    for k in range(FOLDS):
        tr, te = folds != k, folds == k
        pred[te] = score[te] >= best_threshold(score[tr], y[tr])
    return acc_f1(pred, y)


def jaccard(a: str, b: str) -> float:
    x, z = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(x & z) / len(x | z) if x | z else 0.0


def main(path: Path) -> None:
    a, b, y = load(path)
    t0 = time.perf_counter()
    df = cw.compare_many(zip(a, b))
    dt = time.perf_counter() - t0
    conflict = (df["relation"] == "conflict").to_numpy()
    jac = np.array([jaccard(x, z) for x, z in zip(a, b)])
    print(
        f"MSRP train: {len(y)} pairs, {y.mean():.3f} paraphrases (majority baseline {max(y.mean(), 1 - y.mean()):.4f})"
    )
    print(f"compare_many: {dt:.2f}s ({len(y) / dt:.0f} pairs/s)")
    acc, f1 = cv(jac, y)
    print(f"  word-overlap Jaccard: {FOLDS}-fold CV accuracy {acc:.4f}  F1 {f1:.4f}")
    # MSRP counts pairs whose figures differ slightly as paraphrases; crosswire calls
    # clashing figures a conflict. How many such pairs there are, and how MSRP labels them:
    print(
        f"  pairs crosswire labels conflict: {int(conflict.sum())} ({y[conflict].mean() if conflict.any() else 0:.2f} of them MSRP paraphrases)"
    )
    print("crosswire scorer, nested CV (scripts/fit_weights.py):")
    fit_weights.main(str(path), write=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
