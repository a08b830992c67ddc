"""Alignment time on synthetic corpora of 1,000, 4,000 and 16,000 articles, each built by
mixing sentences drawn at random from public news text in ../shared/data (MSRP sentences
and CoNLL-2003 sentences), so that articles share some sentences and topics the way real
coverage does, without being copies of one text.

Times the earlier stages (text, entities, claims) apart from alignment itself, and prints
the growth ratios t(4000)/t(1000) and t(16000)/t(4000): linear cost gives about 4.

Usage: python benches/bench_align.py [sizes...]
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

import crosswire as cw

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"  # ../shared beside the clone
SENTENCES_PER_ARTICLE = (8, 16)


def msrp_sentences() -> list[str]:
    out = []
    with open(DATA / "msrp" / "msr_paraphrase_train.txt", encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                out += [parts[3], parts[4]]
    return out


def conll_sentences() -> list[str]:
    out, words = [], []
    for name in ("eng.train", "eng.testa"):
        for line in open(DATA / "conll2003" / name, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("-DOCSTART-"):
                if len(words) >= 6:
                    text = " ".join(words)
                    text = re.sub(r" ([.,;:!?)'])", r"\1", text).replace("( ", "(")
                    out.append(text)
                words = []
            else:
                words.append(line.split()[0])
    return out


def corpus_of(n: int, pool: list[str], rng: random.Random) -> list[str]:
    texts = []
    for _ in range(n):
        k = rng.randint(*SENTENCES_PER_ARTICLE)
        texts.append("\n\n".join(rng.choice(pool) for _ in range(k)))
    return texts


def main(sizes: list[int]) -> None:
    pool = msrp_sentences() + conll_sentences()
    print(f"sentence pool: {len(pool)} sentences (MSRP + CoNLL-2003)")
    times = {}
    for n in sizes:
        texts = corpus_of(n, pool, random.Random(n))
        corpus = cw.Corpus.from_texts(texts)
        t0 = time.perf_counter()
        claims = corpus.claims()
        t1 = time.perf_counter()
        corpus._core.analyse_alignment()
        t2 = time.perf_counter()
        times[n] = t2 - t1
        pairs = len(corpus._core.align_pair_columns()["claim_a"])
        candidates = corpus._core.align_candidates()
        print(
            f"{n:6d} articles  {len(claims):7d} claims  stages {t1 - t0:7.2f}s  align {t2 - t1:7.2f}s  "
            f"candidates {candidates:9d} ({candidates / max(len(claims), 1):.1f}/claim)  pairs {pairs}"
        )
    ns = sorted(times)
    for x, z in zip(ns, ns[1:]):
        print(f"t({z})/t({x}) = {times[z] / times[x]:.2f}  (data x{z / x:.0f})")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [1000, 4000, 16000])
