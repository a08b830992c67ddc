"""Agree and conflict precision on news the alignment rules were never tuned on: the CoNLL-2003
development split (Reuters, August 1996: 214 articles of sport, markets, politics), one
article a text, through the whole pipeline.

    python -m benches.audit_pairs            # precision against benches/data/conll_dev_pairs.jsonl
    python -m benches.audit_pairs --list     # also every agree/conflict pair, judged or not
    python -m benches.audit_pairs --split ../shared/data/conll2003/eng.train --half a \
        --judged benches/data/conll_train_a_pairs.jsonl   # another split, its own judgements
    python -m benches.audit_pairs --events ../shared/corpus/newswcl50-dev \
        --judged benches/data/newswcl_cross_event_pairs.jsonl   # pairs across events only

The judgements are a sceptical analyst's, made by hand on the pairs crosswire listed: `yes`
(the two claims assert one proposition), `partial` (one asserts part of what the other does)
or `no`; for a conflict, `yes` only when the two cannot both be right. They are keyed by a
hash of the two claims' texts (the Reuters text itself stays in ../shared), so a pair keeps
its judgement while the rules change; a pair listed that was never judged is counted apart
(`unjudged`) and shown with `--list`, to be judged and added.

This is a second development set for the alignment rules (the first is newswcl50-dev), of
another genre: one outlet, many unrelated events, sports results and market reports, so
every listed pair is a chance for a false `agree`. Figures from it are dev figures once a
rule was changed after reading it.

`--events DIR` reads a folder of events (one subfolder of texts each, as newswcl50-dev) as
one corpus and lists only the pairs whose claims come from two events: news of the same
kind as the event's own, where a pair is true only when two stories share a proposition
(events on one topic may), so these pairs are judged like the others.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import crosswire as cw

from benches.conll_heldout import documents

ROOT = Path(__file__).resolve().parent
SPLIT = ROOT.parent.parent / "shared" / "data" / "conll2003" / "eng.testa"
JUDGED = ROOT / "data" / "conll_dev_pairs.jsonl"


def detokenize(words: list[str]) -> str:
    """CoNLL's space-separated tokens as running text (punctuation and clitics attached)."""
    s = " ".join(words)
    s = re.sub(r" ([,.;:!?%)])", r"\1", s)
    s = re.sub(r"([($]) ", r"\1", s)
    return re.sub(r" (n't|'s|'re|'ll|'ve|'d)\b", r"\1", s)


def texts(path: Path) -> list[str]:
    out = []
    for doc in documents(str(path)):
        lines, words = [], []
        for w, _ in doc:
            if w == "\n":
                lines.append(detokenize(words))
                words = []
            else:
                words.append(w)
        out.append("\n".join(lines))
    return out


def key(a: str, b: str) -> str:
    """The pair's judgement key: its two claims' texts, in either order."""
    x, y = sorted((a, b))
    return hashlib.sha1(f"{x}\x1f{y}".encode()).hexdigest()[:16]


def load_judged(path: Path) -> dict[tuple[str, str], dict]:
    """A judgement file's rows by (key, relation); none when the file is missing."""
    judged = {}
    for line in path.read_text().splitlines() if path.exists() else []:
        if line.strip():
            row = json.loads(line)
            judged[(row["key"], row["relation"])] = row
    return judged


def split_texts(path: Path, half: str | None = None) -> tuple[list[str], list[str]]:
    """A CoNLL split's articles and their names; `half` "a" or "b" keeps the first or the
    second half of them."""
    docs = texts(path)
    if half:
        middle = len(docs) // 2
        docs = docs[:middle] if half == "a" else docs[middle:]
    return docs, [f"d{i:03d}" for i in range(len(docs))]


def event_texts(folder: Path) -> tuple[list[str], list[str]]:
    """Every text of a folder of events, named `event/file`."""
    docs, names = [], []
    for event in sorted(p for p in folder.iterdir() if p.is_dir()):
        for f in sorted(event.glob("*.txt")):
            docs.append(f.read_text(encoding="utf-8"))
            names.append(f"{event.name}/{f.stem}")
    return docs, names


def listed_pairs(docs: list[str], names: list[str], across_events: bool = False):
    """Every agree/conflict pair: (key, relation, same document, text a, text b, reason);
    `across_events` keeps only pairs whose documents' names differ before the `/`."""
    corpus = cw.Corpus.from_texts(docs, names=names)
    claims = corpus.claims().set_index("claim")["text"]
    pairs = corpus.align().pairs()
    for r in pairs[pairs.relation.isin(["agree", "conflict"])].itertuples():
        if across_events and r.doc_a.split("/")[0] == r.doc_b.split("/")[0]:
            continue
        a, b = claims[r.claim_a], claims[r.claim_b]
        yield key(a, b), r.relation, r.doc_a == r.doc_b, a, b, r.reason


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", type=Path, default=SPLIT)
    parser.add_argument("--judged", type=Path, default=JUDGED, help="the split's judgement file")
    parser.add_argument(
        "--half", choices=["a", "b"], help="the first or second half of its articles"
    )
    parser.add_argument(
        "--events", type=Path, help="a folder of events, one corpus; pairs across events only"
    )
    parser.add_argument("--list", action="store_true", help="print every pair with its judgement")
    args = parser.parse_args()
    judged = {k: row["judged"] for k, row in load_judged(args.judged).items()}
    counts: dict[str, Counter] = {"agree": Counter(), "conflict": Counter()}
    docs, names = event_texts(args.events) if args.events else split_texts(args.split, args.half)
    listed = listed_pairs(docs, names, across_events=args.events is not None)
    for k, relation, same_doc, a, b, reason in listed:
        verdict = judged.get((k, relation), "unjudged")
        counts[relation][verdict] += 1
        counts[relation]["same document" if same_doc else "across documents"] += 1
        if args.list:
            print(f"{k} {relation} {verdict}{' (one document)' if same_doc else ''}")
            print(f"   A: {a}\n   B: {b}\n   {reason}")
    for relation, c in counts.items():
        n = c["yes"] + c["partial"] + c["no"]
        strict = c["yes"] / n if n else float("nan")
        lenient = (c["yes"] + c["partial"]) / n if n else float("nan")
        print(
            f"{relation}: {n + c['unjudged']} pairs ({c['across documents']} across documents), "
            f"judged {n}: precision {strict:.3f} strict, {lenient:.3f} with partial; "
            f"yes {c['yes']}, partial {c['partial']}, no {c['no']}, unjudged {c['unjudged']}"
        )


if __name__ == "__main__":
    main()
