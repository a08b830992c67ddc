"""Scores claim extraction and alignment against the hand-made newswcl50-dev gold
(tests/data/newswcl50/, described in tests/data/README.md) and, where it fits, the sample
corpus's claims gold (tests/data/claims_gold.jsonl).

Shared by the tests (tests/test_newswcl_gold.py) and this script:

    python benches/claims_eval.py            # every measure, per event and pooled
    python benches/claims_eval.py --json     # the same as JSON
    python benches/claims_eval.py --pairs    # also list every agree/conflict pair judged

What is scored
--------------
* **Claims.** A system claim is matched to the gold claim of its document it overlaps most,
  when the overlap is at least half of the shorter of the two spans. A system claim matching no
  gold claim but lying mostly (half or more) inside a non-claim span (caption, embed, headline,
  ...) is *taken from a non-claim*; any other unmatched claim is *unsupported*. Recall: gold
  claims matched by at least one system claim; precision: system claims matched. For each
  recalled gold claim, its best-overlapping system claim is compared field by field: speaker
  (lenient on extent: one name contains the other, or the gold names the referent of a pronoun
  or description), cue, content span (exact after trimming quotes, edge punctuation and a
  leading conjunction; and the mean character Jaccard), polarity, hedged, quote kind, modality.
* **Pairs.** Each system pair is judged by the gold claims its two sides match: `same` (both in
  one proposition, strictly), `partial` (both in one proposition, one only in part), `conflict`
  (their propositions are a gold conflict), `different`, `same claim` (both sides match one gold
  claim), or `non-claim` / `unsupported` (a side matches no gold claim). Precision of `agree`:
  share judged `same` (with `partial` reported apart); of `conflict`: share judged `conflict`.
  Pairs within one document are reported apart as well: a restatement is no corroboration.
* **Propositions.** A proposition that two documents report is *linked* when two of its
  claims from different documents are matched by system claims that form an `agree` or
  `conflict` pair or share a group. Strict: only claims that assert it fully; lenient: any.
* **Hard negatives** (tests/data/newswcl50/hard_negatives.jsonl): gold pairs with the verdict
  they must get, by error class, and claims whose speaker must be found.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO / "tests" / "data" / "newswcl50"
CORPUS_DIR = REPO.parent / "shared" / "corpus" / "newswcl50-dev"
SAMPLE_CLAIMS = REPO / "tests" / "data" / "claims_gold.jsonl"

STRONG = ("agree", "conflict")
# Honorifics and titles before a name: `Mr. Trump` and `President Trump` are one speaker.
TITLES = re.compile(r"^(?:(?:mr|mrs|ms|dr|sen|gov|rep)\.|president|prime minister) ")
QUANTIFIERS = {"some", "many", "most", "few", "others", "several", "all", "both"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "his", "her", "its"}
QUOTES = "\"'“”‘’«»"
EDGE_PUNCT = ".,;:!?—–-… " + QUOTES
LEADING_WORDS = ("and ", "but ", "or ", "so ", "yet ", "that ", "nor ")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@dataclass
class Gold:
    claims: list[dict]
    nonclaims: list[dict] = field(default_factory=list)
    propositions: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    hard_negatives: list[dict] = field(default_factory=list)

    @property
    def events(self) -> list[str]:
        return sorted({c["event"] for c in self.claims})

    def only(self, events: set[str]) -> Gold:
        def keep(rows: list[dict]) -> list[dict]:
            return [r for r in rows if r.get("event") in events]

        return Gold(
            keep(self.claims),
            keep(self.nonclaims),
            keep(self.propositions),
            keep(self.conflicts),
            keep(self.hard_negatives),
        )


def load_gold(folder: Path = GOLD_DIR) -> Gold:
    return Gold(
        *(
            _rows(folder / f"{what}.jsonl")
            for what in ("claims", "nonclaims", "propositions", "conflicts", "hard_negatives")
        )
    )


def gold_problems(gold: Gold, texts: dict[str, str]) -> list[str]:
    """Everything wrong with the gold against the document texts (empty when it is sound)."""
    problems = []
    for row in gold.claims + gold.nonclaims:
        text = texts.get(row["doc"])
        if text is None:
            problems.append(f"{row['id']}: no document {row['doc']}")
            continue
        spans = [("", row["start"], row["end"], row["text"])]
        for part in ("speaker", "cue"):
            if row.get(part) is not None:
                spans.append((part, row[f"{part}_start"], row[f"{part}_end"], row[part]))
        for part, start, end, want in spans:
            if not (0 <= start < end <= len(text)) or text[start:end] != want:
                problems.append(f"{row['id']} {part}: [{start}, {end}) is not {want!r}")
    ids = [r["id"] for r in gold.claims + gold.nonclaims]
    problems += [f"duplicate id {i}" for i, n in Counter(ids).items() if n > 1]
    known = set(ids)
    for p in gold.propositions:
        problems += [
            f"{p['id']}: no claim {m['claim']}" for m in p["claims"] if m["claim"] not in known
        ]
    props = {p["id"] for p in gold.propositions}
    for c in gold.conflicts:
        problems += [f"conflict: no proposition {s}" for s in (c["a"], c["b"]) if s not in props]
    for h in gold.hard_negatives:
        refs = [h[k] for k in ("a", "b", "claim") if k in h]
        problems += [f"hard negative: no claim {r}" for r in refs if r not in known]
    return problems


# --- span helpers ---------------------------------------------------------------------------


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without edge quotes and punctuation or a leading conjunction / `that`."""
    while True:
        before = (start, end)
        while start < end and text[start] in EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCT:
            end -= 1
        head = text[start:end].casefold()
        for word in LEADING_WORDS:
            if head.startswith(word):
                start += len(word)
        if (start, end) == before:
            return start, end


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = overlap(a, b)
    union = max(a[1], b[1]) - min(a[0], b[0]) if inter else (a[1] - a[0]) + (b[1] - b[0])
    return inter / union if union else 1.0


def _norm(s) -> str:
    if s is None or (isinstance(s, float) and s != s):
        return ""
    s = " ".join(str(s).replace("’", "'").split()).casefold()
    s = re.sub(r"^(the|a|an) ", "", s)
    s = TITLES.sub("", s)
    return re.sub(r"'s$", "", s)


def _contains(outer: str, inner: str) -> bool:
    return bool(inner) and re.search(r"(?<!\w)" + re.escape(inner) + r"(?!\w)", outer) is not None


def same_speaker(gold: dict, predicted) -> bool:
    got = _norm(predicted)
    names = {_norm(gold.get("speaker_ref"))}
    mention = _norm(gold.get("speaker"))
    if mention not in PRONOUNS:
        names.add(mention)
    names.discard("")
    if not names:
        return not got
    return any(_contains(got, n) or _contains(n, got) for n in names)


def same_cue(gold_cue, predicted) -> bool:
    g, p = set(_norm(gold_cue).split()), set(_norm(predicted).split())
    if not g or not p:
        return not g and not p
    return g <= p or p <= g


def _value(x, default=None):
    return default if x is None or (isinstance(x, float) and x != x) else x


# --- matching -------------------------------------------------------------------------------


@dataclass
class Matching:
    """Which gold unit each system claim stands for."""

    gold_of: dict[str, str]  # system claim -> gold claim id
    covers: dict[str, list[str]]  # system claim -> every gold claim half inside it, gold_of first
    nonclaim_of: dict[str, str]  # system claim -> non-claim id (when no gold claim matched)
    best: dict[str, dict]  # gold claim id -> its best-overlapping system claim (row)
    unsupported: list[str]

    def system_of(self) -> dict[str, list[str]]:
        """Gold claim or non-claim -> the system claims that stand for it (or cover it)."""
        out: dict[str, list[str]] = defaultdict(list)
        for claim, golds in self.covers.items():
            for g in golds:
                out[g].append(claim)
        for claim, nonclaim in self.nonclaim_of.items():
            out[nonclaim].append(claim)
        return out


def match_claims(system: list[dict], gold: Gold) -> Matching:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold.claims:
        by_doc[g["doc"]].append(g)
    nc_by_doc: dict[str, list[dict]] = defaultdict(list)
    for n in gold.nonclaims:
        nc_by_doc[n["doc"]].append(n)
    gold_of, covers, nonclaim_of, best, unsupported = {}, {}, {}, {}, []
    best_overlap: dict[str, int] = {}
    for c in system:
        span = (c["start"], c["end"])
        scored = [(overlap(span, (g["start"], g["end"])), g) for g in by_doc.get(c["doc"], [])]
        hit, g = max(scored, key=lambda x: x[0], default=(0, None))
        if g is not None and hit and 2 * hit >= min(span[1] - span[0], g["end"] - g["start"]):
            gold_of[c["claim"]] = g["id"]
            covers[c["claim"]] = [g["id"]] + [
                o["id"] for n, o in scored if o is not g and 2 * n >= o["end"] - o["start"]
            ]
            if hit > best_overlap.get(g["id"], 0):
                best[g["id"]], best_overlap[g["id"]] = c, hit
            continue
        inside = [
            n
            for n in nc_by_doc.get(c["doc"], [])
            if 2 * overlap(span, (n["start"], n["end"])) >= span[1] - span[0]
        ]
        if inside:
            nonclaim_of[c["claim"]] = inside[0]["id"]
        else:
            unsupported.append(c["claim"])
    return Matching(gold_of, covers, nonclaim_of, best, unsupported)


def _ratio(n: int, d: int) -> float | None:
    return n / d if d else None


def score_claims(system: list[dict], gold: Gold, texts: dict[str, str], m: Matching) -> dict:
    found = [g for g in gold.claims if g["id"] in m.best]
    attributed = [g for g in found if g["speaker_ref"] is not None]
    kind_of = {n["id"]: n["kind"] for n in gold.nonclaims}
    nonclaim_kinds = Counter(kind_of[nid] for nid in m.nonclaim_of.values())

    def rate(rows: list[dict], ok) -> float | None:
        return _ratio(sum(1 for g in rows if ok(g, m.best[g["id"]])), len(rows))

    def exact(g: dict, c: dict) -> bool:
        text = texts[g["doc"]]
        return trimmed(text, g["start"], g["end"]) == trimmed(text, c["start"], c["end"])

    has_modality = any("modality" in c for c in system)
    return {
        "gold": len(gold.claims),
        "system": len(system),
        "recall": _ratio(len(found), len(gold.claims)),
        "precision": _ratio(len(m.gold_of), len(system)),
        "from_nonclaims": _ratio(len(m.nonclaim_of), len(system)),
        "nonclaim_kinds": dict(nonclaim_kinds),
        "unsupported": _ratio(len(m.unsupported), len(system)),
        "speaker": rate(found, lambda g, c: same_speaker(g, c.get("speaker"))),
        "speaker_attributed": rate(attributed, lambda g, c: same_speaker(g, c.get("speaker"))),
        "cue": rate(found, lambda g, c: same_cue(g["cue"], c.get("cue"))),
        "span_exact": rate(found, exact),
        "span_jaccard": _ratio(
            sum(
                jaccard((g["start"], g["end"]), (m.best[g["id"]]["start"], m.best[g["id"]]["end"]))
                for g in found
            ),
            len(found),
        ),
        "polarity": rate(
            found, lambda g, c: g["polarity"] == _value(c.get("polarity"), "asserted")
        ),
        "hedged": rate(found, lambda g, c: g["hedged"] == bool(_value(c.get("hedged"), False))),
        "quote": rate(found, lambda g, c: g["quote"] == _value(c.get("quote"), "none")),
        "modality": rate(found, lambda g, c: g["modality"] == _value(c.get("modality")))
        if has_modality
        else None,
    }


# --- pairs and propositions -----------------------------------------------------------------


class Propositions:
    """Gold propositions and conflicts, indexed by claim."""

    def __init__(self, gold: Gold):
        self.members: dict[str, dict[str, str]] = defaultdict(dict)  # claim -> {prop: match}
        for p in gold.propositions:
            for m in p["claims"]:
                self.members[m["claim"]][p["id"]] = m["match"]
        self.conflicts = {frozenset((c["a"], c["b"])) for c in gold.conflicts}

    def verdict(self, a: str, b: str) -> str:
        if a == b:
            return "same claim"
        pa, pb = self.members.get(a, {}), self.members.get(b, {})
        shared = pa.keys() & pb.keys()
        if any(pa[p] == "same" and pb[p] == "same" for p in shared):
            return "same"
        if shared:
            return "partial"
        if any(frozenset((x, y)) in self.conflicts for x in pa for y in pb):
            return "conflict"
        return "different"


def judge_pairs(pairs: list[dict], m: Matching, props: Propositions) -> list[dict]:
    out = []
    for p in pairs:
        a, b = p["claim_a"], p["claim_b"]
        ga, gb = m.gold_of.get(a), m.gold_of.get(b)
        if ga is None or gb is None:
            verdict = "non-claim" if a in m.nonclaim_of or b in m.nonclaim_of else "unsupported"
        else:
            verdict = props.verdict(ga, gb)
            if verdict in ("different", "same claim"):
                # A system claim that merges several gold claims asserts each of them in part.
                parts = {props.verdict(x, y) for x in m.covers[a] for y in m.covers[b]}
                if parts & {"same", "partial"}:
                    verdict = "partial"
                elif "conflict" in parts:
                    verdict = "conflict"
        out.append({**p, "gold_a": ga, "gold_b": gb, "verdict": verdict})
    return out


def score_pairs(judged: list[dict]) -> dict:
    out: dict = {}
    for scope, keep in (
        ("all", lambda p: True),
        ("cross_document", lambda p: p["doc_a"] != p["doc_b"]),
        ("same_document", lambda p: p["doc_a"] == p["doc_b"]),
    ):
        rows = [p for p in judged if keep(p)]
        by_rel: dict = {}
        for rel in ("agree", "conflict", "related"):
            verdicts = Counter(p["verdict"] for p in rows if p["relation"] == rel)
            n = sum(verdicts.values())
            by_rel[rel] = {
                "pairs": n,
                "verdicts": dict(verdicts),
                "precision": _ratio(verdicts["conflict" if rel == "conflict" else "same"], n),
                "precision_with_partial": _ratio(verdicts["same"] + verdicts["partial"], n)
                if rel != "conflict"
                else None,
            }
        out[scope] = by_rel
    return out


def score_propositions(
    gold: Gold, m: Matching, pairs: list[dict], groups: dict[str, object]
) -> dict:
    system_of = m.system_of()
    strong = {frozenset((p["claim_a"], p["claim_b"])) for p in pairs if p["relation"] in STRONG}
    doc_of = {g["id"]: g["doc"] for g in gold.claims}

    def linked(members: list[str]) -> bool:
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                if doc_of[x] == doc_of[y]:
                    continue
                for cx in system_of.get(x, []):
                    for cy in system_of.get(y, []):
                        if frozenset((cx, cy)) in strong:
                            return True
                        gx, gy = groups.get(cx), groups.get(cy)
                        if gx is not None and gx == gy:
                            return True
        return False

    out = {}
    for name, allowed in (("strict", {"same"}), ("lenient", {"same", "partial"})):
        props = [
            [c["claim"] for c in p["claims"] if c["match"] in allowed] for p in gold.propositions
        ]
        props = [ms for ms in props if len({doc_of[c] for c in ms}) >= 2]
        hits = sum(linked(ms) for ms in props)
        out[name] = {"propositions": len(props), "linked": hits, "recall": _ratio(hits, len(props))}
    found = 0
    prop_claims = {p["id"]: [c["claim"] for c in p["claims"]] for p in gold.propositions}
    conflict_pairs = {
        frozenset((p["claim_a"], p["claim_b"])) for p in pairs if p["relation"] == "conflict"
    }
    for c in gold.conflicts:
        found += any(
            frozenset((cx, cy)) in conflict_pairs
            for x in prop_claims[c["a"]]
            for y in prop_claims[c["b"]]
            for cx in system_of.get(x, [])
            for cy in system_of.get(y, [])
        )
    out["conflicts"] = {
        "gold": len(gold.conflicts),
        "found": found,
        "recall": _ratio(found, len(gold.conflicts)),
    }
    return out


def speaker_found(gold: dict, got: dict, error_class: str) -> bool:
    """Speaker and cue right; for the quantifier class, the quantifier kept in the speaker."""
    if not (same_speaker(gold, got.get("speaker")) and same_cue(gold["cue"], got.get("cue"))):
        return False
    if error_class != "quantifier":
        return True
    wanted = set(_norm(gold["speaker"]).split()) & QUANTIFIERS
    return bool(wanted & set(_norm(got.get("speaker")).split()))


def check_hard_negatives(gold: Gold, m: Matching, pairs: list[dict]) -> dict:
    system_of = m.system_of()
    relation = {frozenset((p["claim_a"], p["claim_b"])): p["relation"] for p in pairs}
    claims = {g["id"]: g for g in gold.claims}
    results = []
    for h in gold.hard_negatives:
        if h["expected"] == "speaker":
            got = m.best.get(h["claim"])
            status = (
                "missed"
                if got is None
                else ("pass" if speaker_found(claims[h["claim"]], got, h["class"]) else "fail")
            )
            results.append(
                {**h, "got": None if got is None else got.get("speaker"), "status": status}
            )
            continue
        xs, ys = system_of.get(h["a"], []), system_of.get(h["b"], [])
        rels = {relation.get(frozenset((x, y)), "none") for x in xs for y in ys if x != y}
        want = set(h["expected"].split("/"))
        if not rels:
            status = "pass" if want <= {"none", "related"} else "missed"
        elif want <= {"none", "related"}:
            status = "fail" if rels & set(STRONG) else "pass"
        else:
            status = "pass" if rels & want else "fail"
        results.append({**h, "got": sorted(rels), "status": status})
    by_class: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        by_class[r["class"]][r["status"]] += 1
    return {"results": results, "by_class": {k: dict(v) for k, v in sorted(by_class.items())}}


# --- running crosswire ----------------------------------------------------------------------


def system_output(corpus) -> tuple[list[dict], list[dict], dict[str, object]]:
    """(claims, pairs, claim -> group) of a crosswire corpus, as plain rows."""
    claims = corpus.claims().to_dict("records")
    alignment = corpus.align()
    pairs = alignment.pairs().to_dict("records")
    groups = alignment.groups()
    sizes = groups.groupby("group")["claim"].transform("size")
    multi = groups[sizes > 1]
    return claims, pairs, dict(zip(multi["claim"], multi["group"]))


def read_texts(events: list[str], corpus_dir: Path = CORPUS_DIR) -> dict[str, str]:
    import crosswire as cw

    texts = {}
    for event in events:
        for doc in cw.Corpus.from_dir(corpus_dir / event):
            texts[doc.name] = doc.text
    return texts


def evaluate(
    events: list[str] | None = None, corpus_dir: Path = CORPUS_DIR, gold: Gold | None = None
) -> dict:
    """Run crosswire on each event of newswcl50-dev and score it against the gold, pooled."""
    import crosswire as cw

    gold = gold or load_gold()
    events = events or gold.events
    gold = gold.only(set(events))
    claims, pairs, groups, texts = [], [], {}, {}
    for event in events:
        corpus = cw.Corpus.from_dir(corpus_dir / event)
        c, p, g = system_output(corpus)
        claims += c
        pairs += p
        groups.update({k: (event, v) for k, v in g.items()})
        texts.update({d.name: d.text for d in corpus})
    return score(gold, texts, claims, pairs, groups)


def score(
    gold: Gold, texts: dict[str, str], claims: list[dict], pairs: list[dict], groups: dict
) -> dict:
    m = match_claims(claims, gold)
    judged = judge_pairs(pairs, m, Propositions(gold))
    return {
        "events": gold.events,
        "claims": score_claims(claims, gold, texts, m),
        "pairs": score_pairs(judged),
        "propositions": score_propositions(gold, m, pairs, groups),
        "hard_negatives": check_hard_negatives(gold, m, pairs),
        "judged_pairs": judged,
        "matching": m,
    }


def gold_counts(gold: Gold) -> dict:
    return {
        "claims": len(gold.claims),
        "attributed": sum(c["speaker_ref"] is not None for c in gold.claims),
        "nonclaims": len(gold.nonclaims),
        "nonclaim_kinds": dict(Counter(n["kind"] for n in gold.nonclaims)),
        "propositions": len(gold.propositions),
        "conflicts": len(gold.conflicts),
        "hard_negatives": dict(Counter(h["class"] for h in gold.hard_negatives)),
    }


# --- the sample corpus gold, read the same way ----------------------------------------------


def sample_gold(texts: dict[str, str]) -> Gold:
    """The sample's claims gold as gold claims: each row's distinctive substring located in its
    document (first occurrence), speaker and cue taken as given (no offsets)."""
    claims = []
    for i, row in enumerate(_rows(SAMPLE_CLAIMS)):
        at = texts[row["doc"]].find(row["text"])
        if at < 0:
            raise ValueError(f"sample gold row {i}: {row['text']!r} not in {row['doc']}")
        claims.append(
            {
                "event": "kherson-2022",
                "doc": row["doc"],
                "id": f"{row['doc']}:{i}",
                "start": at,
                "end": at + len(row["text"]),
                "text": row["text"],
                "speaker": row["speaker"],
                "speaker_ref": row["speaker"],
                "cue": row["cue"],
                "polarity": row["polarity"],
                "hedged": bool(row["hedged"]),
                "quote": row["quote"] or "none",
                "modality": None,
            }
        )
    return Gold(claims)


def evaluate_sample() -> dict:
    """Claim measures on the sample corpus. Its gold lists attributed claims only, by a
    distinctive substring, so span exactness and article-claim precision do not apply."""
    import crosswire as cw

    corpus = cw.datasets.kherson_2022()
    texts = {d.name: d.text for d in corpus}
    gold = sample_gold(texts)
    claims = corpus.claims().to_dict("records")
    attributed = [c for c in claims if _value(c.get("speaker")) or _value(c.get("cue"))]
    m = match_claims(attributed, gold)
    scores = score_claims(attributed, gold, texts, m)
    for key in ("span_exact", "span_jaccard", "from_nonclaims", "unsupported", "modality"):
        scores[key] = None
    return scores


# --- printing -------------------------------------------------------------------------------


def _fmt(x) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def format_report(report: dict, counts: dict | None = None) -> str:
    c = report["claims"]
    lines = [f"events: {', '.join(report['events'])}"]
    if counts:
        lines.append(
            "gold: {claims} claims ({attributed} with a speaker), {nonclaims} non-claims, "
            "{propositions} propositions, {conflicts} conflicts".format(**counts)
        )
    lines.append(
        f"claims: {c['system']} system / {c['gold']} gold; recall {_fmt(c['recall'])} "
        f"precision {_fmt(c['precision'])} from non-claims {_fmt(c['from_nonclaims'])} "
        f"{c['nonclaim_kinds']} unsupported {_fmt(c['unsupported'])}"
    )
    lines.append(
        "  on recalled claims: "
        + " ".join(
            f"{k} {_fmt(c[k])}"
            for k in (
                "speaker",
                "speaker_attributed",
                "cue",
                "span_exact",
                "span_jaccard",
                "polarity",
                "hedged",
                "quote",
                "modality",
            )
        )
    )
    for scope, rels in report["pairs"].items():
        parts = []
        for rel, s in rels.items():
            extra = (
                f" (with partial {_fmt(s['precision_with_partial'])})"
                if s["precision_with_partial"] is not None
                else ""
            )
            parts.append(
                f"{rel} {s['pairs']}: precision {_fmt(s['precision'])}{extra} {s['verdicts']}"
            )
        lines.append(f"pairs, {scope}:\n    " + "\n    ".join(parts))
    p = report["propositions"]
    lines.append(
        f"propositions linked: strict {p['strict']['linked']}/{p['strict']['propositions']} "
        f"({_fmt(p['strict']['recall'])}), lenient {p['lenient']['linked']}/"
        f"{p['lenient']['propositions']} ({_fmt(p['lenient']['recall'])}); conflicts found "
        f"{p['conflicts']['found']}/{p['conflicts']['gold']}"
    )
    lines.append(f"hard negatives by class: {report['hard_negatives']['by_class']}")
    return "\n".join(lines)


def format_pairs(report: dict, claims_text: dict[str, str], gold: Gold) -> str:
    gold_text = {g["id"]: g["text"] for g in gold.claims}
    out = []
    for p in report["judged_pairs"]:
        if p["relation"] not in STRONG:
            continue
        out.append(
            f"{p['relation']:8} {p['verdict']:11} {p['gold_a']} ~ {p['gold_b']}  ({p['reason']})"
        )
        for side in ("a", "b"):
            claim = p[f"claim_{side}"]
            out.append(f"      {claim}: {claims_text[claim][:110]!r}")
            g = p[f"gold_{side}"]
            if g:
                out.append(f"      {'gold':>{len(claim)}}: {gold_text[g][:110]!r}")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--pairs", action="store_true", help="list every agree/conflict pair")
    parser.add_argument("--event", action="append", help="only these events (repeatable)")
    args = parser.parse_args()
    if not CORPUS_DIR.is_dir():
        print(f"no corpus at {CORPUS_DIR}", file=sys.stderr)
        return 2
    gold = load_gold()
    events = args.event or gold.events
    reports = {"pooled": evaluate(events, gold=gold)}
    if len(events) > 1:
        reports.update({e: evaluate([e], gold=gold) for e in events})
    sample = evaluate_sample()
    if args.json:
        for r in reports.values():
            r.pop("matching")
            r.pop("judged_pairs")
        reports["counts"] = gold_counts(gold.only(set(events)))
        reports["sample"] = sample
        print(json.dumps(reports, indent=1, default=str))
        return 0
    for name, r in reports.items():
        counts = gold_counts(gold.only(set(r["events"])))
        print(f"== newswcl50-dev, {name}\n{format_report(r, counts)}\n")
    print(
        "== sample corpus (kherson-2022), attributed claims: "
        + " ".join(f"{k} {_fmt(v)}" for k, v in sample.items() if isinstance(v, float))
    )
    if args.pairs:
        import crosswire as cw

        text = {}
        for e in events:
            text.update(
                {
                    r["claim"]: r["text"]
                    for r in cw.Corpus.from_dir(CORPUS_DIR / e).claims().to_dict("records")
                }
            )
        print("\n" + format_pairs(reports["pooled"], text, gold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
