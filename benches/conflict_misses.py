"""Why gold conflicts of newswcl50-dev are missed (issue 10).

For each conflict of tests/data/newswcl50/conflicts.jsonl, every pair of system claims standing
for a member of one side and a member of the other: whether the index makes them candidates,
and, if so, the verdict and reason the judge gives them (the calls the Dask path makes, run in
process on one partition, as `link_misses` does).

    python -m benches.conflict_misses
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import claims_eval as ev  # noqa: E402
from link_misses import candidates_and_judge, run_event  # noqa: E402


def diagnose(event: str, gold: ev.Gold) -> tuple[int, int]:
    run = run_event(event, gold)
    corpus, pairs, g = run.corpus, run.pairs, run.gold
    system_of, text_of, gtext = run.system_of, run.text_of, run.gold_text
    listed = {frozenset((p["claim_a"], p["claim_b"])): p for p in pairs}
    members = {p["id"]: [c["claim"] for c in p["claims"]] for p in g.propositions}
    rep_of, cand, judge = candidates_and_judge(corpus)
    found = 0
    for c in g.conflicts:
        print(f"\n## {c['a']} x {c['b']}: {c['why']}")
        hit = False
        for x in members[c["a"]]:
            for y in members[c["b"]]:
                print(f"  {x}: {gtext[x][:140]}")
                print(f"  {y}: {gtext[y][:140]}")
                sx, sy = system_of.get(x, []), system_of.get(y, [])
                if not sx or not sy:
                    print("    -> a side is no system claim")
                    continue
                for cx in sx:
                    for cy in sy:
                        key = frozenset((cx, cy))
                        p = listed.get(key)
                        if p is None:
                            rx, ry = rep_of[cx], rep_of[cy]
                            met = frozenset((rx, ry)) in cand or rx == ry
                            v = judge([(cx, cy)]).get(key) if cx != cy else None
                            rel = v["relation"] if v else "not listed"
                            if not met:
                                rel = f"never meet (would be {rel})"
                            why = v["reason"] if v else ""
                        else:
                            rel, why = p["relation"], p["reason"]
                        hit |= rel == "conflict"
                        print(f"    sys {text_of[cx][:70]!r} / {text_of[cy][:70]!r}")
                        print(f"    -> {rel}: {why[:300]}")
        found += hit
    return found, len(g.conflicts)


def main() -> int:
    gold = ev.load_gold()
    total = [0, 0]
    for event in gold.events:
        f, n = diagnose(event, gold)
        total[0] += f
        total[1] += n
    print(f"\nconflicts found {total[0]} of {total[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
