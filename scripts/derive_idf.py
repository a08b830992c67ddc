"""Derives src/lang/en/align/idf.txt: inverse document frequency of lower-cased words in
news text (CoNLL-2003 training sentences, one sentence = one document), so that `compare`
weighs rare words above common ones even for two free-standing sentences.

Usage: python scripts/derive_idf.py ../shared/data/conll2003/eng.train
"""

import math
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "lang" / "en" / "align" / "idf.txt"


def sentences(path):
    words = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("-DOCSTART-"):
            if words:
                yield words
            words = []
            continue
        words.append(line.split()[0].lower())
    if words:
        yield words


def main(path):
    df = Counter()
    n = 0
    for s in sentences(path):
        n += 1
        df.update(set(w for w in s if any(c.isalpha() for c in w)))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            f"# idf = ln(N / df) over {n} CoNLL-2003 training sentences; words seen twice or more.\n"
        )
        f.write(
            f"# Unseen words weigh ln(N) (= {math.log(n):.3f}). Regenerate: scripts/derive_idf.py\n"
        )
        for w, c in sorted(df.items(), key=lambda x: (-x[1], x[0])):
            if c >= 2:
                f.write(f"{w}\t{math.log(n / c):.3f}\n")


if __name__ == "__main__":
    main(sys.argv[1])
