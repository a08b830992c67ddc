"""Derives src/lang/en/align/idf.txt: inverse document frequency of lower-cased words in
news text, one sentence = one document, so that `compare` weighs rare words above common
ones even for two free-standing sentences.

The text is news that no held-out figure is read from: the first half of the articles of
CoNLL-2003 `eng.train` (the dev half `benches.audit_pairs --half a` reads), the CoNLL-2003
development split `eng.testa` (Reuters, 1996), and the sentences of MSRP's training file
(news of 2003-05 from many outlets; its labels are not read). The second half of
`eng.train` is held out (`--half b`), so none of its words may weigh in the table. An MSRP
pair is one document, not two: its sentences are two reports of one story, and counting
both would halve the weight of the very words they share.

Usage, from the clone's root: python -m scripts.derive_idf [../shared/data]
"""

import math
import sys
from collections import Counter
from pathlib import Path

from benches.conll_heldout import documents

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "lang" / "en" / "align" / "idf.txt"
DATA = ROOT.parent / "shared" / "data"


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


def msrp_pairs(path: Path):
    """The lower-cased words of each MSRP pair's two sentences (split on spaces, `n't`
    apart as CoNLL writes it), one list a pair."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()[1:]
    for line in lines:
        cols = line.split("\t")
        yield " ".join(cols[3:5]).lower().replace("n't", " n't").split()


def main(data: Path) -> None:
    conll = data / "conll2003"
    sources = [
        article_sentences(conll / "eng.train", first_half=True),
        article_sentences(conll / "eng.testa"),
        msrp_pairs(data / "msrp" / "msr_paraphrase_train.txt"),
    ]
    df = Counter()
    n = 0
    for source in sources:
        for words in source:
            n += 1
            df.update(set(w for w in words if any(c.isalpha() for c in w)))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            f"# idf = ln(N / df) over {n} documents: the sentences of CoNLL-2003 eng.testa and\n"
            "# of the first half of eng.train's articles, and MSRP's training pairs (one pair,\n"
            "# one document); words seen twice or more. Half b of eng.train is held out.\n"
        )
        f.write(
            f"# Unseen words weigh ln(N) (= {math.log(n):.3f}). "
            "Regenerate: python -m scripts.derive_idf\n"
        )
        for w, c in sorted(df.items(), key=lambda x: (-x[1], x[0])):
            if c >= 2:
                f.write(f"{w}\t{math.log(n / c):.3f}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
