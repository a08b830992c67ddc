"""MSRP train as a corpus: its labelled pairs through the corpus path (`Corpus.from_texts`,
claims, frames, the corpus rules), to count the `agree` and `conflict` pairs that are false.

    python -m benches.msrp_corpus_pairs             # counts: within / across MSRP pairs, label-1 share
    python -m benches.msrp_corpus_pairs --show no   # also the pairs judged so (no, partial, yes,
                                                    # unjudged, label0, label1, or a class)

Outlet A's articles hold the first sentences of MSRP pairs, outlet B's the second ones, a few
unrelated pairs an article (one sentence a paragraph), each outlet's pairs shuffled with its own
fixed seed, so the two sentences of one pair sit in different articles among other news.
`cw.compare` judges whole sentences; this path cuts them into claims and judges those, which is
what a user's corpus (and CoNLL's halves) exercises.

A listed pair is `within` when its two claims come from the two sentences of one MSRP pair (its
label is known: precision is the share labelled 1); `sentence` when both come from one MSRP
sentence (MSRP reuses sentences in several pairs: a copy, trivially one proposition); across
MSRP pairs, `story` when the two sentence ids are near (MSRP numbers one news cluster's
sentences together) and `other` when they are far apart: mostly unrelated events, where an
agree is false unless the two really say the same (some stories span far ids, so `other` is
judged, not assumed false). The judgements of a sceptical analyst (`benches/data/msrp_corpus_pairs.jsonl`) are keyed
as `audit_pairs` keys them, by a hash of the two claims' texts; a `no` carries its class.
MSRP train is development data (the scorer is fitted on it).
"""

from __future__ import annotations

import argparse
import bisect
import random
from collections import Counter
from pathlib import Path

import crosswire as cw

from benches.audit_pairs import key, load_judged
from benches.msrp_false_agrees import MSRP, pairs

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "data" / "msrp_corpus_pairs.jsonl"
SEEDS = {"A": 22, "B": 2022}
# MSRP numbers the sentences of one news cluster close together: pairs whose ids lie
# nearer than this are taken as one story (a heuristic: some stories span wider ids).
STORY_IDS = 2000


def articles(rows: list, side: int, per_article: int, seed: int):
    """One outlet's articles: (text, the MSRP row index of each paragraph, paragraph starts)."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    for i in range(0, len(order), per_article):
        chunk = order[i : i + per_article]
        starts, parts, at = [], [], 0
        for r in chunk:
            starts.append(at)
            parts.append(rows[r][2 + side])
            at += len(parts[-1]) + 2
        yield "\n\n".join(parts), chunk, starts


def listed_pairs(rows: list, per_article: int = 4):
    """Every agree/conflict pair of the corpus: (key, relation, where, label, sentence id a,
    sentence id b, text a, text b, reason); `where` is within, sentence, story or other (see
    the module's note); `label` MSRP's label for a pair within, else None."""
    texts, names, sources, index = [], [], [], {}
    for side, outlet in enumerate("AB"):
        for n, (text, chunk, starts) in enumerate(articles(rows, side, per_article, SEEDS[outlet])):
            name = f"{outlet.lower()}{n:04d}"
            texts.append(text)
            names.append(name)
            sources.append(outlet)
            index[name] = (chunk, starts)
    corpus = cw.Corpus.from_texts(texts, names=names, sources=sources)
    claims = corpus.claims().set_index("claim")

    def row_of(claim: str) -> int:
        c = claims.loc[claim]
        chunk, starts = index[c["doc"]]
        return chunk[bisect.bisect_right(starts, c["start"]) - 1]

    found = corpus.align().pairs()
    for r in found[found.relation.isin(["agree", "conflict"])].itertuples():
        ra, rb = row_of(r.claim_a), row_of(r.claim_b)
        ida, idb = sentence_id(rows[ra], r.doc_a), sentence_id(rows[rb], r.doc_b)
        a, b = claims.loc[r.claim_a, "text"], claims.loc[r.claim_b, "text"]
        label = None
        if ida == idb:
            where = "sentence"
        elif ra == rb:
            where, label = "within", rows[ra][0]
        elif abs(int(ida) - int(idb)) < STORY_IDS:
            where = "story"
        else:
            where = "other"
        yield key(a, b), r.relation, where, label, ida, idb, a, b, r.reason


def sentence_id(row: tuple, doc: str) -> str:
    """MSRP's id of the sentence a claim of `doc` comes from (outlet a: the first)."""
    return row[1].split("-")[0 if doc.startswith("a") else 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--msrp", type=Path, default=MSRP)
    ap.add_argument("--per-article", type=int, default=4, help="MSRP pairs an article")
    ap.add_argument("--limit", type=int, help="the first N MSRP pairs only")
    ap.add_argument(
        "--show", help="list pairs judged so, of a class, label0 / label1, or of a `where`"
    )
    args = ap.parse_args()
    rows = pairs(args.msrp)[: args.limit]
    judged = load_judged(JUDGED)
    counts: dict[str, Counter] = {"agree": Counter(), "conflict": Counter()}
    classes: Counter = Counter()
    listed = listed_pairs(rows, args.per_article)
    for k, relation, where, label, ida, idb, a, b, why in listed:
        row = judged.get((k, relation), {"judged": "unjudged"})
        c = counts[relation]
        c[where] += 1
        if where == "within":
            c[f"label{label}"] += 1
        if where != "sentence" and label != 1:
            c[row["judged"]] += 1
            if row["judged"] == "no":
                classes[f"{relation} {where} {row.get('class', '')}"] += 1
        tags = {row["judged"], row.get("class", ""), where}
        tags.add(f"label{label}" if label is not None else "")
        if args.show in tags:
            print(f"[{k}] {relation} {where} label={label} {row['judged']} {row.get('class', '')}")
            print(f"  A ({ida}): {a}\n  B ({idb}): {b}\n  R: {why}\n")
    print(f"MSRP train as a corpus: {len(rows)} pairs, {args.per_article} an article")
    for relation, c in counts.items():
        n = sum(c[w] for w in ("within", "sentence", "story", "other"))
        within = c["within"]
        share = c["label1"] / within if within else float("nan")
        print(
            f"{relation}: {n} pairs; within one MSRP pair {within} (label 1: {c['label1']}, "
            f"{share:.3f}); one sentence {c['sentence']}; across MSRP pairs, one story "
            f"{c['story']}, other stories {c['other']}"
        )
        print(
            f"  judged (label 0 and across): yes {c['yes']}, partial {c['partial']}, "
            f"no {c['no']}, unjudged {c['unjudged']}"
        )
    print("  `no` by class: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()))


if __name__ == "__main__":
    main()
