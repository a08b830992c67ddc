"""Fits the scorer (src/lang/en/align/weights.txt and word_weights.txt) on MSRP by
L2-regularised logistic regression, and reports 10-fold cross-validated accuracy and F1
(weights, word weights and threshold all fitted on nine folds, scored on the tenth), so
the figures are never training figures.

The model: the pair features of score.rs (standardised while fitting, then folded back
into plain weights) plus one indicator per word key and side: `+key` when both sentences
say it, `-key` when only one does. The word weights learn which differences matter (a
name or a number one side lacks) and which do not (`said`, `also`). Keys seen in fewer
than MIN_PAIRS training pairs get no weight.

Usage (after `maturin develop --release`; needs numpy and scipy):
    python scripts/fit_weights.py ../shared/data/msrp/msr_paraphrase_train.txt [--write]

`--write` stores the model fitted on the whole file, with the threshold that maximises
accuracy there. Rules that MSRP cannot teach (counts about different times, different
events) keep the fixed weights below.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
from crosswire import _core
from scipy import optimize, sparse

LEXICONS = Path(__file__).resolve().parent.parent / "src" / "lang" / "en" / "align"
# Exclusion rules (relation.rs), not in the fitted model: MSRP has too few counts of
# different times or different events to teach them. Their hand-set weights serve the
# claim-overlap score only.
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
DENSE_L2 = 1.0  # penalty on the standardised pair features' weights
WORD_L2 = 11.0  # penalty on word weights: stronger, there are thousands of them
MIN_PAIRS = 3
FOLDS = 10


def rows(path: str | Path) -> list[list[str]]:
    """MSRP's rows, header skipped: label, id 1, id 2, sentence 1, sentence 2 (rows of any
    other width left out)."""
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        return [p for line in f if len(p := line.rstrip("\n").split("\t")) == 5]


def load(path: str) -> tuple[list[str], list[str], np.ndarray]:
    table = rows(path)
    return [r[3] for r in table], [r[4] for r in table], np.array([int(r[0]) for r in table])


class Model:
    """Logistic model over dense pair features and sparse word-key indicators."""

    def __init__(self, dense: np.ndarray, words: list[list[str]], y: np.ndarray):
        counts = Counter(k for row in words for k in set(row))
        self.vocab = sorted(k for k, n in counts.items() if n >= MIN_PAIRS)
        self.mean, self.std = dense.mean(0), dense.std(0) + 1e-9
        x = self.design(dense, words)
        penalty = np.r_[0.0, np.full(dense.shape[1], DENSE_L2), np.full(len(self.vocab), WORD_L2)]

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            z = x @ w
            p = 1 / (1 + np.exp(-z))
            nll = np.logaddexp(0, z).sum() - y @ z
            return nll + 0.5 * penalty @ (w * w), x.T @ (p - y) + penalty * w

        w0 = np.zeros(x.shape[1])
        self.w = optimize.minimize(
            loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 2000}
        ).x

    def design(self, dense: np.ndarray, words: list[list[str]]) -> sparse.csr_matrix:
        index = {k: i for i, k in enumerate(self.vocab)}
        rows, cols = [], []
        for r, keys in enumerate(words):
            for k in keys:
                if k in index:
                    rows.append(r)
                    cols.append(index[k])
        ind = sparse.csr_matrix(
            (np.ones(len(rows)), (rows, cols)), shape=(len(words), len(self.vocab))
        )
        std = (dense - self.mean) / self.std
        return sparse.hstack([np.ones((len(words), 1)), std, ind]).tocsr()

    def score(self, dense: np.ndarray, words: list[list[str]]) -> np.ndarray:
        return 1 / (1 + np.exp(-(self.design(dense, words) @ self.w)))

    def plain_weights(self) -> tuple[float, np.ndarray, dict[str, tuple[float, float]]]:
        """Bias, dense weights on unstandardised features, and word key → (shared, one-sided)."""
        d = len(self.mean)
        dense = self.w[1 : 1 + d] / self.std
        bias = self.w[0] - dense @ self.mean
        words: dict[str, list[float]] = {}
        for k, v in zip(self.vocab, self.w[1 + d :]):
            words.setdefault(k[1:], [0.0, 0.0])[0 if k[0] == "+" else 1] = v
        return bias, dense, {k: (s, o) for k, (s, o) in words.items()}


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


def cross_validate(
    dense: np.ndarray, words: list[list[str]], y: np.ndarray, seed: int
) -> tuple[float, float]:
    """Accuracy and F1, each fold scored by a model and threshold fitted on the others."""
    folds = np.random.default_rng(seed).permutation(len(y)) % FOLDS
    pred = np.zeros(len(y), dtype=bool)
    for k in range(FOLDS):
        tr, te = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        m = Model(dense[tr], [words[i] for i in tr], y[tr])
        t = best_threshold(m.score(dense[tr], [words[i] for i in tr]), y[tr])
        pred[te] = m.score(dense[te], [words[i] for i in te]) >= t
    return acc_f1(pred, y)


def main(path: str, write: bool, seeds: int = 4) -> None:
    a, b, y = load(path)
    names, rows, words = _core.compare_features(a, b)
    fitted = [i for i, n in enumerate(names) if n not in FIXED]
    dense = np.array(rows)[:, fitted]
    # Fold assignments vary the figure by a few tenths of a point: report several.
    runs = [cross_validate(dense, words, y, seed) for seed in range(seeds)]
    for seed, (acc, f1) in enumerate(runs):
        print(
            f"{FOLDS}-fold CV, seed {seed} (model and threshold fitted per fold): accuracy {acc:.4f}  F1 {f1:.4f}"
        )
    acc, f1 = np.mean(runs, axis=0)
    print(f"mean over {seeds} fold assignments: accuracy {acc:.4f}  F1 {f1:.4f}  n={len(y)}")
    m = Model(dense, words, y)
    score = m.score(dense, words)
    t = best_threshold(score, y)
    print(
        f"whole file: threshold {t:.4f}, training accuracy {acc_f1(score >= t, y)[0]:.4f}, {len(m.vocab)} word keys"
    )
    bias, w, word_w = m.plain_weights()
    for n, v in zip(["bias"] + [names[i] for i in fitted], np.r_[bias, w]):
        print(f"  {n:22s} {v:+.3f}")
    if write:
        write_model(names, fitted, bias, w, word_w, t, acc, f1, seeds)


def write_model(names, fitted, bias, w, word_w, t, acc, f1, seeds) -> None:
    with open(LEXICONS / "weights.txt", "w", encoding="utf-8") as f:
        f.write("# Scorer weights: a logistic model over the features of score.rs, with the word\n")
        f.write("# weights of word_weights.txt. Fitted by scripts/fit_weights.py on MSRP\n")
        f.write(f"# (msr_paraphrase_train.txt); 10-fold CV accuracy {acc:.4f}, F1 {f1:.4f}\n")
        f.write(f"# (mean over {seeds} fold assignments).\n")
        f.write("# Do not edit by hand: refit.\n")
        f.write(f"bias {bias:.4f}\n")
        for n, v in zip([names[i] for i in fitted], w):
            f.write(f"{n} {v:.4f}\n")
        f.write("# Exclusion rules, hand-set, for the claim-overlap score (see score.rs, RULES):\n")
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
    with open(LEXICONS / "word_weights.txt", "w", encoding="utf-8") as f:
        f.write(
            "# Learned word weights, added to the scorer's logit (score.rs): for each word key\n"
        )
        f.write(
            "# (a stem, `#` for any number), its weight when both texts say it, then when only\n"
        )
        f.write("# one does. Fitted with weights.txt by scripts/fit_weights.py on MSRP.\n")
        f.write("# Do not edit by hand: refit.\n")
        for k in sorted(word_w):
            s, o = word_w[k]
            f.write(f"{k}\t{s:.3f}\t{o:.3f}\n")
    print(f"wrote {LEXICONS / 'weights.txt'} and word_weights.txt")


if __name__ == "__main__":
    main(sys.argv[1], "--write" in sys.argv[2:])
