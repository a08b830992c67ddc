"""Does alignment keep its recall as the corpus grows? Pairs found against the synthetic
corpus's manifest (benches/make_corpus.py), per corpus size.

    python benches/align_recall.py                         # 2,000 and 10,000 articles
    python benches/align_recall.py --sizes 2000 10000 30000 [--json]
    python benches/align_recall.py --folder target/corpora/10000-seed0

What is counted true. make_corpus gives every article of an event some of the event's facts
(one source sentence each), each worded one way; `_manifest.jsonl` lists them (fact, form).
The generator is replayed (same seed, same events) to get each fact's words as the article
has them, and the article's text is checked to be the file's, byte for byte: so each fact's
span in the article is known exactly. A claim belongs to the fact whose span holds at least
half of the claim's span (claims across two facts or in background sentences, captions,
boilerplate belong to none). Two articles of one event that carry one fact, each with a
claim made from it, make a *true pair*; it is found when a pair of the pairs table joins a
claim of the one to a claim of the other with the relation expected, directly or through
copies (a pair of representatives stands for their copies, see src/align/copies.rs: claims
of one fact in the same words joined by an `agree` are one copy class here).
True pairs by form of the two wordings:
- `copy`: the same words (copied by both outlets, or both with the MSRP twin or the same
  other figures); `wire`: the same words because one republished the other's wire copy;
- `rewrite`: reworded (attribution moved, another reporting verb, a phrase swapped);
- `paraphrase`: one has the MSRP twin that is a paraphrase of the other's sentence;
- `conflict`: one has other figures: the expected relation is `conflict`, not `agree`.
Expected `agree` for the first four. `related` (one has an MSRP twin that is not a
paraphrase) is not a proposition kept: not counted in recall; what alignment said of them is
printed apart (an `agree` there is one the manifest does not support).

Also printed: pairs between claims of different events (cross-event, by relation), pairs
inside an event that are no true pair (two facts, or a fact and a background sentence), and
pairs per claim of each. Each size runs in its own process (`--folder` runs one corpus).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpusgen import sources  # noqa: E402
from corpusgen.compose import Event  # noqa: E402

CORPORA = HERE.parent / "target" / "corpora"
FORMS = ("copy", "wire", "rewrite", "paraphrase", "conflict")
EXPECTED = {"conflict": "conflict"}  # else `agree`


class Recording(Event):
    """An event that remembers each article's words for each fact it carries (drawing
    nothing more from the generator, so the articles are the ones make_corpus wrote)."""

    def word(self, i, rng):
        text, form = super().word(i, rng)
        self._said[i] = (text, form)
        return text, form

    def article(self, index, outlet, min_words, max_words):
        self._said = {}
        a = super().article(index, outlet, min_words, max_words)
        a.extra["said"] = self._said
        return a

    def republish(self, wire, index, outlet):
        a = super().republish(wire, index, outlet)
        a.extra["said"] = wire.extra["said"]
        return a


def replay(folder: Path) -> tuple[dict, dict]:
    """For each article (by name): its event, kind, and its facts as (fact, form, start, end)
    spans in its text; and how well the replay matched the files."""
    import make_corpus

    stats = json.loads((folder / "_stats.json").read_text())
    manifest = {}
    with open(folder / "_manifest.jsonl", encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            manifest[m["name"]] = m
    src = sources.load(make_corpus.SHARED)
    out: dict = {}
    check = Counter()
    for number, size, first in make_corpus.plan(stats["articles"], stats["seed"]):
        event = Recording(number, stats["seed"], src, make_corpus.DAY0, make_corpus.DAYS)
        for a in event.articles(first, size, 300, 900):
            m = manifest.get(a.name)
            text = a.text()
            on_disk = (folder / m["path"]).read_text(encoding="utf-8") if m else None
            if on_disk != text or [list(x) for x in a.facts()] != m["facts"]:
                check["articles differing from the files"] += 1
                continue
            check["articles"] += 1
            # Facts sit in the body, in order: search from after the headline and byline.
            cursor = _body_start(a)
            spans = []
            for i, form in a.facts():
                words, own_form = a.extra["said"][i]
                at = text.find(words, cursor)
                if at < 0:
                    check["facts not found in their article"] += 1
                    continue
                # The source sentence (the same in every event that took it).
                source = zlib.crc32(repr(event.facts[i].text).encode())
                spans.append((i, own_form if form == "wire" else form, at, at + len(words), source))
                cursor = at + len(words)
                check["facts"] += 1
            out[a.name] = {
                "event": number,
                "kind": a.kind,
                "facts": spans,
                "said": a.extra["said"],
                "sources": {x[0]: x[4] for x in spans},
            }
    return out, dict(check)


def _body_start(a) -> int:
    return len("\n\n".join(x for x in (a.head(), a.byline) if x))


def pair_form(fa: str, ta: str, ka: str, fb: str, tb: str, kb: str) -> str:
    """The form of a true pair from its two wordings (form, words, article kind)."""
    if ta == tb:
        return "wire" if "republished" in (ka, kb) else "copy"
    forms = {fa, fb}
    if "related" in forms:
        return "related"
    if "conflict" in forms:
        return "conflict"
    if "paraphrase" in forms:
        return "paraphrase"
    return "rewrite"


def norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def measure(folder: Path, dump: str | None = None, from_dump: str | None = None) -> dict:
    """Runs the corpus (or reads the tables `dump` wrote) and counts against the manifest."""
    t0 = time.perf_counter()
    articles, check = replay(folder)
    t_replay = time.perf_counter() - t0
    t0 = time.perf_counter()
    if from_dump:
        import pandas as pd

        claims = pd.read_pickle(Path(from_dump) / "claims.pkl")
        pairs = pd.read_pickle(Path(from_dump) / "pairs.pkl")
        candidates = json.loads((Path(from_dump) / "sizes.json").read_text())["candidates"]
    else:
        import crosswire as cw

        corpus = cw.Corpus.from_dir(str(folder))
        claims = corpus.claims()[["claim", "doc", "start", "end", "text"]]
        alignment = corpus.align()
        pairs = alignment.pairs()[["claim_a", "claim_b", "doc_a", "doc_b", "relation"]]
        candidates = alignment.candidates
        if dump:
            claims.to_pickle(Path(dump) / "claims.pkl")
            pairs.to_pickle(Path(dump) / "pairs.pkl")
            (Path(dump) / "sizes.json").write_text(json.dumps({"candidates": candidates}))
    t_run = time.perf_counter() - t0
    r = count(articles, claims, pairs)
    r.update(folder=str(folder), candidates=candidates, replay=check)
    r["seconds"] = {"replay": round(t_replay, 1), "analysis": round(t_run, 1)}
    return r


def count(articles: dict, claims, pairs) -> dict:
    """True pairs found, and where the other pairs sit: see the module doc."""
    # Claims to facts.
    fact_of: dict[str, tuple[str, int, int] | None] = {}
    event_of_claim: dict[str, int] = {}
    by_fact: dict[tuple[str, int], list[str]] = defaultdict(list)
    mapped = Counter()
    text_of = {}
    for claim, name, start, end, text in claims.itertuples(index=False):
        a = articles.get(name)
        if a is None:
            mapped["claims of articles not replayed"] += 1
            continue
        event_of_claim[claim] = a["event"]
        text_of[claim] = text
        best, best_overlap = None, 0
        for i, _form, s, e, _source in a["facts"]:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None and best_overlap * 2 >= end - start:
            fact_of[claim] = (name, best, a["sources"][best])
            by_fact[(name, best)].append(claim)
            mapped["claims in a fact"] += 1
        else:
            fact_of[claim] = None
            mapped["claims outside any fact" if best is None else "claims across facts"] += 1
    mapped["claims"] = len(claims)
    mapped["facts carried"] = sum(len(a["facts"]) for a in articles.values())
    mapped["facts with a claim"] = len(by_fact)

    # Copy classes: claims of one fact in the same words joined by `agree`.
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for ca, cb, _da, _db, rel in pairs.itertuples(index=False):
        if rel == "agree" and norm(text_of.get(ca, "")) == norm(text_of.get(cb, "-")):
            ra, rb = find(ca), find(cb)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    links: dict[tuple[str, str], set] = defaultdict(set)
    kinds = Counter()
    for ca, cb, _da, _db, rel in pairs.itertuples(index=False):
        ea, eb = event_of_claim.get(ca), event_of_claim.get(cb)
        fa, fb = fact_of.get(ca), fact_of.get(cb)
        if ea is None or eb is None:
            kinds[("unknown", rel)] += 1
        elif ea != eb:
            if fa is not None and fb is not None:
                where = "same source sentence" if fa[2] == fb[2] else "two source sentences"
            else:
                where = "outside facts" if fa is None and fb is None else "a fact and outside"
            kinds[(f"cross-event, {where}", rel)] += 1
        elif fa is not None and fb is not None and fa[1] == fb[1]:
            kinds[("same fact", rel)] += 1
        else:
            kinds[("same event, no shared fact", rel)] += 1
        ra, rb = find(ca), find(cb)
        links[(min(ra, rb), max(ra, rb))].add(rel)

    # True pairs: per event and fact, the articles carrying it with a claim from it.
    carriers: dict[tuple[int, int], list[str]] = defaultdict(list)
    for name, i in by_fact:
        carriers[(articles[name]["event"], i)].append(name)
    found = Counter()
    total = Counter()
    wrong = Counter()
    linked = Counter()
    related = Counter()
    for (_event, i), docs in carriers.items():
        docs.sort()
        for x in range(len(docs)):
            a = articles[docs[x]]
            ta, fa = a["said"][i]
            classes_a = {find(c) for c in by_fact[(docs[x], i)]}
            for y in range(x + 1, len(docs)):
                b = articles[docs[y]]
                tb, fb = b["said"][i]
                form = pair_form(fa, ta, a["kind"], fb, tb, b["kind"])
                classes_b = {find(c) for c in by_fact[(docs[y], i)]}
                rels = set()
                for p in classes_a:
                    for q in classes_b:
                        if p == q:
                            rels.add("agree")
                        else:
                            rels |= links.get((min(p, q), max(p, q)), set())
                if form == "related":
                    related[_best(rels)] += 1
                    continue
                total[form] += 1
                linked[form] += bool(rels)
                want = EXPECTED.get(form, "agree")
                if want in rels:
                    found[form] += 1
                elif rels & {"agree", "conflict"}:
                    wrong[form] += 1
    n_claims = len(claims)
    return {
        "documents": claims["doc"].nunique(),
        "claims": n_claims,
        "pairs": len(pairs),
        "mapping": dict(mapped),
        "true_pairs": {f: total[f] for f in FORMS},
        "found": {f: found[f] for f in FORMS},
        "other_relation": {f: wrong[f] for f in FORMS},
        "any_relation": {f: linked[f] for f in FORMS},
        "related_facts": dict(related),
        "pairs_by_kind": {f"{k}/{r}": v for (k, r), v in sorted(kinds.items())},
    }


def _best(rels: set) -> str:
    for r in ("conflict", "agree", "related"):
        if r in rels:
            return r
    return "none"


def show(r: dict) -> None:
    n = r["claims"]
    print(
        f"\n{r['folder']}: {r['documents']:,} documents, {n:,} claims, "
        f"{r['pairs']:,} pairs ({r['pairs'] / n:.2f} a claim), {r['candidates']:,} candidates"
    )
    print(f"  replay: {r['replay']}")
    print(f"  mapping: {r['mapping']}")
    print(
        "  true-pair recall by form: found with the expected relation / true pairs; "
        "paired with any relation; with the other of agree/conflict:"
    )
    all_t = all_f = 0
    for f in FORMS:
        t, k, w = r["true_pairs"][f], r["found"][f], r["other_relation"][f]
        a = r["any_relation"][f]
        all_t, all_f = all_t + t, all_f + k
        print(
            f"    {f:<11} {k:>9,} / {t:>9,} = {k / max(t, 1):.3f}   "
            f"any: {a / max(t, 1):.3f}   other: {w:,}"
        )
    print(f"    {'all':<11} {all_f:>9,} / {all_t:>9,} = {all_f / max(all_t, 1):.3f}")
    print(f"  related-only facts (MSRP non-paraphrase), best relation: {r['related_facts']}")
    by = defaultdict(Counter)
    for key, v in r["pairs_by_kind"].items():
        kind, rel = key.split("/")
        by[kind][rel] += v
    print("  pairs by where they sit (per claim):")
    for kind, c in by.items():
        tot = sum(c.values())
        rels = ", ".join(f"{rel} {v:,}" for rel, v in sorted(c.items()))
        print(f"    {kind:<28} {tot:>10,} ({tot / n:.2f} a claim): {rels}")
    print(f"  seconds: {r['seconds']}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    p.add_argument("--folder", type=Path, help="one corpus, in this process")
    p.add_argument("--json", action="store_true", help="one JSON line per size")
    p.add_argument("--dump", help="with --folder: write the claims and pairs tables here")
    p.add_argument("--from-dump", help="with --folder: read the tables --dump wrote, not run")
    args = p.parse_args()
    if args.folder:
        r = measure(args.folder, args.dump, args.from_dump)
        print(json.dumps(r) if args.json else "", flush=True)
        if not args.json:
            show(r)
        return
    for n in args.sizes:
        folder = CORPORA / f"{n}-seed0"
        if not (folder / "_stats.json").exists():
            subprocess.run(
                [sys.executable, str(HERE / "make_corpus.py"), str(folder), "--articles", str(n)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        out = subprocess.run(
            [sys.executable, __file__, "--folder", str(folder), "--json"],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(json.dumps(r) if args.json else "", flush=True)
        if not args.json:
            show(r)


if __name__ == "__main__":
    main()
