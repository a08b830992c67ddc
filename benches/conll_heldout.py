#!/usr/bin/env python3
"""A held-out check of the name rules on text they were not written against: CoNLL-2003
eng.testa (Reuters, 1996; the lexicon script reads only eng.train). Each CoNLL document
becomes one text (tokens joined by spaces); crosswire's labels map to CoNLL's
(PERSON→PER, GPE/LOC/FAC→LOC, ORG→ORG; NORP and the rest are not scored) and exact spans
are compared. Usage: python benches/conll_heldout.py [path/to/eng.testa]"""

from __future__ import annotations

import sys
from collections import Counter

import crosswire as cw

MAP = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}


def documents(path: str):
    doc_tokens: list[tuple[str, str]] = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("-DOCSTART-"):
            if doc_tokens:
                yield doc_tokens
            doc_tokens = []
            continue
        parts = line.split()
        doc_tokens.append(("\n", "O") if not parts else (parts[0], parts[3]))
    if doc_tokens:
        yield doc_tokens


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/conll2003/eng.testa"
    texts, golds = [], []
    for toks in documents(path):
        text, spans, cur = "", set(), None
        for word, tag in toks:
            if word == "\n":
                text += "\n"
                if cur:
                    spans.add(cur)
                    cur = None
                continue
            start = len(text) + (1 if text and not text.endswith("\n") else 0)
            text += (" " if text and not text.endswith("\n") else "") + word
            kind = tag[2:] if tag != "O" else None
            if cur and (tag.startswith("B-") or kind != cur[2]):
                spans.add(cur)
                cur = None
            if kind in ("PER", "LOC", "ORG"):
                cur = (cur[0], len(text), kind) if cur else (start, len(text), kind)
        if cur:
            spans.add(cur)
        texts.append(text)
        golds.append(spans)
    corpus = cw.Corpus.from_texts(texts)
    ents = corpus.entities()
    tp, fp, fn = Counter(), Counter(), Counter()
    for i, gold in enumerate(golds):
        rows = ents[ents.doc == str(i)]
        pred = {
            (s, e, MAP[label])
            for s, e, label in zip(rows.start, rows.end, rows.label)
            if label in MAP
        }
        for k in ("PER", "LOC", "ORG"):
            g = {x for x in gold if x[2] == k}
            p = {x for x in pred if x[2] == k}
            tp[k] += len(g & p)
            fp[k] += len(p - g)
            fn[k] += len(g - p)
    for k in ("PER", "LOC", "ORG", "all"):
        t = sum(tp.values()) if k == "all" else tp[k]
        f_p = sum(fp.values()) if k == "all" else fp[k]
        f_n = sum(fn.values()) if k == "all" else fn[k]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        print(
            f"{k:4} P={p:.3f} R={r:.3f} F1={2 * p * r / (p + r) if p + r else 0:.3f} (gold {t + f_n})"
        )


if __name__ == "__main__":
    main()
