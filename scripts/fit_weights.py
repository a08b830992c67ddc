"""Fits the scorer's weights (src/align/lexicons/weights.txt) on MSRP by logistic
regression, and reports 10-fold cross-validated accuracy and F1 (weights AND threshold
fitted on nine folds, scored on the tenth), so the figures are never training figures.

Usage (after `maturin develop --release`):
    python scripts/fit_weights.py ../shared/data/msrp/msr_paraphrase_train.txt [--write]

`--write` stores the weights fitted on the whole file, with the threshold that maximises
accuracy there. Rules that MSRP cannot teach (counts about different times, different
events) keep the fixed weights below.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from crosswire import _core

WEIGHTS = Path(__file__).resolve().parent.parent / "src" / "align" / "lexicons" / "weights.txt"
# Not fitted: MSRP has (almost) no pairs of counts at different times, and these are
# exclusion rules, applied in relation.rs as well.
FIXED = {"time_clash": -4.0, "event_clash": -3.0}
# The claim-overlap score (score.rs, `overlap_score`) is set by hand: no data to fit it on.
OVERLAP = {
    "overlap_bias": -6.5,
    "overlap_cover": 3.0,
    "overlap_shared_weight": 0.5,
    "overlap_figure_shared": 2.5,
    "overlap_same_speaker": 2.0,
}
RELATED = 0.25  # score above which a non-agreeing pair is listed as related
CONFLICT = 0.35  # topic score above which clashing claims (same time, same actors) conflict
L2 = 1e-4
FOLDS = 10


def load(path: str) -> tuple[list[str], list[str], np.ndarray]:
    a, b, y = [], [], []
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 5:
                continue
            y.append(int(parts[0]))
            a.append(parts[3])
            b.append(parts[4])
    return a, b, np.array(y)


def fit(x: np.ndarray, y: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method; column 0 is the bias."""
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w + offset)))
        grad = x.T @ (p - y) / len(y) + L2 * np.r_[0, w[1:]]
        h = (x * (p * (1 - p))[:, None]).T @ x / len(y) + L2 * np.diag(np.r_[0, np.ones(len(w) - 1)])
        step = np.linalg.solve(h, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def best_threshold(score: np.ndarray, y: np.ndarray) -> float:
    cands = np.unique(np.round(score, 4))
    accs = [((score >= t) == y).mean() for t in cands]
    return float(cands[int(np.argmax(accs))])


def acc_f1(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float((pred == y).mean()), f1


def main(path: str, write: bool) -> None:
    a, b, y = load(path)
    names, rows = _core.compare_features(a, b)
    feats = np.array(rows)
    fitted = [i for i, n in enumerate(names) if n not in FIXED]
    fixed_w = np.array([FIXED.get(n, 0.0) for n in names])
    offset = feats @ fixed_w
    x = np.c_[np.ones(len(y)), feats[:, fitted]]
    folds = np.random.default_rng(0).permutation(len(y)) % FOLDS
    pred = np.zeros(len(y), dtype=bool)
    for k in range(FOLDS):
        tr, te = folds != k, folds == k
        w = fit(x[tr], y[tr], offset[tr])
        t = best_threshold(1 / (1 + np.exp(-(x[tr] @ w + offset[tr]))), y[tr])
        pred[te] = 1 / (1 + np.exp(-(x[te] @ w + offset[te]))) >= t
    acc, f1 = acc_f1(pred, y)
    print(f"{FOLDS}-fold CV (weights and threshold fitted per fold): accuracy {acc:.4f}  F1 {f1:.4f}  n={len(y)}")
    w = fit(x, y, offset)
    score = 1 / (1 + np.exp(-(x @ w + offset)))
    t = best_threshold(score, y)
    print(f"whole file: threshold {t:.4f}, training accuracy {acc_f1(score >= t, y)[0]:.4f}")
    for n, v in zip(["bias"] + [names[i] for i in fitted], w):
        print(f"  {n:18s} {v:+.3f}")
    if write:
        with open(WEIGHTS, "w", encoding="utf-8") as f:
            f.write("# Scorer weights: a logistic model over the features of score.rs.\n")
            f.write("# Fitted by scripts/fit_weights.py on MSRP (msr_paraphrase_train.txt);\n")
            f.write(f"# 10-fold CV accuracy {acc:.4f}, F1 {f1:.4f}. Do not edit by hand: refit.\n")
            for n, v in zip(["bias"] + [names[i] for i in fitted], w):
                f.write(f"{n} {v:.4f}\n")
            f.write("# Fixed rules, not fitted (MSRP cannot teach them):\n")
            for n, v in FIXED.items():
                f.write(f"{n} {v:.4f}\n")
            f.write("# Claim-overlap score, hand-set (see score.rs, overlap_score):\n")
            for n, v in OVERLAP.items():
                f.write(f"{n} {v:.4f}\n")
            f.write("# Score at or above which two claims state the same proposition.\n")
            f.write(f"threshold {t:.4f}\n")
            f.write("# Score at or above which a pair is listed as related.\n")
            f.write(f"related {RELATED:.4f}\n")
            f.write("# Topic score at or above which claims that clash (figures, polarity) conflict.\n")
            f.write(f"conflict {CONFLICT:.4f}\n")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main(sys.argv[1], "--write" in sys.argv[2:])
