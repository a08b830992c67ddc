"""Why gold propositions two outlets both report are not linked, by class (issue 10).

For each proposition of tests/data/newswcl50/propositions.jsonl reported by two documents
(strict members, as `claims_eval` counts it) and not linked, the closest its cross-document
member pairs came to a link:

    (a) extraction: a side has no system claim standing for it
    (b) candidates: both sides are claims, but the index (align/index.rs) never pairs them
    (c) judged: they meet as candidates but are judged `related` or not listed
    (d) grouped apart: they agree, but the groups split them

The candidates and judgements come from the same calls the Dask path makes
(`crosswire.dask_alignment`), run in process on one partition.

    python -m benches.link_misses            # counts by class, per event and pooled
    python -m benches.link_misses --show c   # also every pair of class (c), with its reason
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import claims_eval as ev  # noqa: E402

U32 = np.dtype("<u4")
ORDER = "dcba"  # closest to a link first


def candidates_and_judge(corpus):
    """(claim ids in corpus order, candidate pair set of ids, judge(pairs) -> rows)."""
    import crosswire as cw  # noqa: F401
    from crosswire import _core
    from crosswire import dask_alignment as da

    ids = list(corpus.claims()["claim"])
    pc = _core.PartitionClaims(corpus._core, 0)
    sigs = da._signatures(pc, 0)
    by = sigs.groupby("sig")["claim"].agg(["min", "size"])
    reps = da._signature_reps(sigs, da._first_of_repeated(by))
    counts = da._term_counts(pc, reps, 0)
    n = da._distinct(reps, 0)
    totals = counts.groupby("key").agg(df=("df", "sum"), top=("top", "max"))
    weighed = da._reweighed(pc, n, da._corpus_terms(totals, n))
    copies = da._agreed(da._judge(weighed, 0, [], da._copy_pairs(reps, 0)))
    rep = da._confirmed(0, reps, copies)
    keyed = da._keyed(weighed, 0, rep)
    pairs = da.candidates_here(keyed)
    pairs = pd.concat([pairs, da._sentence_pairs(weighed, rep)], ignore_index=True)
    cand = {frozenset((ids[a], ids[b])) for a, b in zip(pairs["a"], pairs["b"])}
    rep_of = {ids[i]: ids[int(r)] for i, r in enumerate(rep)}
    index = {c: i for i, c in enumerate(ids)}

    def judge(pairs_ids: list[tuple[str, str]]) -> dict[frozenset, dict]:
        if not pairs_ids:
            return {}
        ab = sorted((min(index[x], index[y]), max(index[x], index[y])) for x, y in pairs_ids)
        df = da._judge(
            weighed,
            0,
            [],
            pd.DataFrame({"a": [a for a, _ in ab], "b": [b for _, b in ab]}),
        )
        return {frozenset((r["claim_a"], r["claim_b"])): r for r in df.to_dict("records")}

    return rep_of, cand, judge


@dataclass
class EventRun:
    """One gold event run through crosswire, its claims matched to the gold's."""

    corpus: Any
    pairs: list[dict]
    groups: dict
    gold: ev.Gold
    system_of: dict
    text_of: dict[str, str]
    gold_text: dict[str, str]


def run_event(event: str, gold: ev.Gold) -> EventRun:
    import crosswire as cw

    corpus = cw.Corpus.from_dir(ev.CORPUS_DIR / event)
    claims, pairs, groups = ev.system_output(corpus)
    g = gold.only({event})
    return EventRun(
        corpus,
        pairs,
        groups,
        g,
        ev.match_claims(claims, g).system_of(),
        {c["claim"]: c["text"] for c in claims},
        {c["id"]: c["text"] for c in g.claims},
    )


def diagnose(event: str, gold: ev.Gold, show: str | None) -> Counter:
    run = run_event(event, gold)
    corpus, pairs, groups, g = run.corpus, run.pairs, run.groups, run.gold
    system_of, text_of, gtext = run.system_of, run.text_of, run.gold_text
    doc_of = {c["id"]: c["doc"] for c in g.claims}
    strong = {
        frozenset((p["claim_a"], p["claim_b"])): p for p in pairs if p["relation"] in ev.STRONG
    }
    rep_of, cand, judge = candidates_and_judge(corpus)
    out: Counter = Counter()
    for p in g.propositions:
        members = [c["claim"] for c in p["claims"] if c["match"] == "same"]
        if len({doc_of[c] for c in members}) < 2:
            continue
        best, seen = "a", []
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                if doc_of[x] == doc_of[y]:
                    continue
                for cx in system_of.get(x, []) or [None]:
                    for cy in system_of.get(y, []) or [None]:
                        if cx is None or cy is None:
                            cls = "a"
                        elif frozenset((cx, cy)) in strong or (
                            groups.get(cx) is not None and groups.get(cx) == groups.get(cy)
                        ):
                            cls = "linked"
                        else:
                            rx, ry = rep_of[cx], rep_of[cy]
                            cls = "c" if frozenset((rx, ry)) in cand or rx == ry else "b"
                            seen.append((cls, x, y, cx, cy))
                        if best == "linked":
                            continue
                        if cls == "linked" or ORDER.index(cls) < ORDER.index(best):
                            best = cls
        if best == "linked":
            out["linked"] += 1
            continue
        if best == "c":
            verdicts = judge([(cx, cy) for cls, _, _, cx, cy in seen if cls == "c"])
            if any(v["relation"] == "agree" for v in verdicts.values()):
                best = "d"
        out[best] += 1
        if show and best in show:
            print(f"\n## {p['id']} ({best}) {p['gloss']}")
            shown = 0
            for cls, x, y, cx, cy in seen:
                if cls != best and best != "d" or shown >= 4:
                    continue
                shown += 1
                v = judge([(cx, cy)]).get(frozenset((cx, cy)))
                print(f"  {x}: {gtext[x][:150]}")
                print(f"  {y}: {gtext[y][:150]}")
                print(f"    sys: {text_of[cx][:110]!r} / {text_of[cy][:110]!r}")
                print(f"    -> {v['relation'] if v else 'not listed'} {v['score'] if v else ''}")
                if v:
                    print(f"       {v['reason'][:400]}")
            if best == "a":
                for x in members:
                    if not system_of.get(x):
                        print(f"  missing {x}: {gtext[x][:160]}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--event", action="append")
    parser.add_argument("--show", help="classes to list: any of a, b, c, d")
    args = parser.parse_args()
    gold = ev.load_gold()
    total: Counter = Counter()
    for event in args.event or gold.events:
        counts = diagnose(event, gold, args.show)
        print(f"event {event}: {dict(sorted(counts.items()))}")
        total += counts
    print(f"pooled: {dict(sorted(total.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
