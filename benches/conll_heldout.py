#!/usr/bin/env python3
"""Names on CoNLL-2003 news: crosswire's entity tagger (rules, lexicons and the learned name
model) on eng.testa, the development split the model was tuned on (the test split is held out
and not in ../shared). Each CoNLL document becomes one text, its sentences one a line and
tokens joined by spaces; a file without -DOCSTART- lines is cut into articles before each
dateline (`LONDON 1996-08-30`), after the headline and an optional byline, as the Rust reader
does (src/entities/name_model/conll.rs). Labels map to CoNLL's (PERSON→PER, GPE/LOC/FAC→LOC,
ORG→ORG, NORP/EVENT/PRODUCT→MISC) and exact spans are compared. The issue's figure is PER,
LOC and ORG pooled. Usage: python benches/conll_heldout.py [path/to/eng.testa]"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import crosswire as cw

MAP = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
}
KINDS = ("PER", "LOC", "ORG", "MISC")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def sentences(path: str) -> tuple[list[list[tuple[str, str]]], list[int]]:
    """The file's sentences of (word, tag), and where -DOCSTART- documents begin."""
    out: list[list[tuple[str, str]]] = [[]]
    starts: list[int] = []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if out[-1]:
                out.append([])
            if parts:
                starts.append(len(out) - 1)
            continue
        out[-1].append((parts[0], parts[-1]))
    if not out[-1]:
        out.pop()
    return out, starts


def is_dateline(s: list[tuple[str, str]]) -> bool:
    return len(s) <= 8 and bool(s) and bool(DATE.match(s[-1][0]))


def is_byline(s: list[tuple[str, str]]) -> bool:
    return len(s) <= 4 and all(w[:1].isupper() and w.isalpha() for w, _ in s)


def documents(path: str):
    sents, starts = sentences(path)
    if not starts:
        starts = [0]
        for k in range(1, len(sents)):
            if not is_dateline(sents[k]):
                continue
            start = k - 1
            if start >= 1 and is_byline(sents[start]):
                start -= 1
            if start > starts[-1]:
                starts.append(start)
    bounds = starts + [len(sents)]
    for a, b in zip(bounds, bounds[1:]):
        doc: list[tuple[str, str]] = []
        for s in sents[a:b]:
            doc.extend(s)
            doc.append(("\n", "O"))
        if doc:
            yield doc


def main() -> None:
    default = Path(__file__).resolve().parent.parent.parent / "shared/data/conll2003/eng.testa"
    path = sys.argv[1] if len(sys.argv) > 1 else str(default)
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
            if kind in KINDS:
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
        for k in KINDS:
            g = {x for x in gold if x[2] == k}
            p = {x for x in pred if x[2] == k}
            tp[k] += len(g & p)
            fp[k] += len(p - g)
            fn[k] += len(g - p)
    for k in (*KINDS, "PER+LOC+ORG"):
        pooled = ("PER", "LOC", "ORG") if k == "PER+LOC+ORG" else (k,)
        t = sum(tp[x] for x in pooled)
        f_p = sum(fp[x] for x in pooled)
        f_n = sum(fn[x] for x in pooled)
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        print(
            f"{k:11} P={p:.3f} R={r:.3f} F1={2 * p * r / (p + r) if p + r else 0:.3f} (gold {t + f_n})"
        )


if __name__ == "__main__":
    main()
