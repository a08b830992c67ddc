"""Derives src/lang/en/align/idf.txt: inverse document frequency of lower-cased words in
news text, one sentence = one document, so that `compare` weighs rare words above common
ones even for two free-standing sentences.

The text is Reuters news that no held-out figure is read from: the first half of the
articles of CoNLL-2003 `eng.train` (the dev half `benches.audit_pairs --half a` reads) and
the CoNLL-2003 development split `eng.testa`. The second half of `eng.train` is held out
(`--half b`), so none of its words may weigh in the table.

Usage, from the clone's root: python -m scripts.derive_idf [../shared/data/conll2003]
"""

import math
import sys
from collections import Counter
from pathlib import Path

from benches.conll_heldout import documents

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "lang" / "en" / "align" / "idf.txt"
CONLL = ROOT.parent / "shared" / "data" / "conll2003"


def article_sentences(path: Path, first_half: bool = False):
    """The lower-cased words of each sentence of a CoNLL file's articles (cut as
    `benches.audit_pairs` cuts them); `first_half` keeps the first half of the articles."""
    docs = list(documents(str(path)))
    if first_half:
        docs = docs[: len(docs) // 2]
    for doc in docs:
        words = []
        for w, _ in doc:
            if w == "\n":
                if words:
                    yield words
                words = []
            else:
                words.append(w.lower())


def main(conll: Path) -> None:
    sources = [
        ("the first half of the articles of eng.train", conll / "eng.train", True),
        ("eng.testa", conll / "eng.testa", False),
    ]
    df = Counter()
    n = 0
    for _, path, first_half in sources:
        for s in article_sentences(path, first_half):
            n += 1
            df.update(set(w for w in s if any(c.isalpha() for c in w)))
    names = " and ".join(name for name, _, _ in sources)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(f"# idf = ln(N / df) over {n} CoNLL-2003 sentences ({names});\n")
        f.write("# words seen twice or more. The second half of eng.train is held out.\n")
        f.write(
            f"# Unseen words weigh ln(N) (= {math.log(n):.3f}). "
            "Regenerate: python -m scripts.derive_idf\n"
        )
        for w, c in sorted(df.items(), key=lambda x: (-x[1], x[0])):
            if c >= 2:
                f.write(f"{w}\t{math.log(n / c):.3f}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CONLL)
