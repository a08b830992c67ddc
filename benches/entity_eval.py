"""Scoring entity predictions against the hand-annotated gold (tests/data/entities_gold.jsonl).

Shared by benches/bench_entities.py and the tests. Plain Python, no dependencies.

Mentions are dicts ``{"doc", "start", "end", "label"}`` (plus ``"text"`` and, where a system
resolves entities, ``"entity"``), offsets in code points into the document text, end exclusive.

What is scored
--------------
* **Coverage.** The gold covers the article body of each document, not headlines, captions,
  credits, bylines or web junk (``entities_gold_coverage.json``). A prediction counts only if it
  lies entirely inside one covered range; one that straddles a range edge is counted too (as a
  false positive unless it matches), so a system cannot hide a bad span by letting it run into
  uncovered text. Everything outside is ignored, for every system alike.
* **Span normalisation** (on by default, ``normalize=False`` to switch off): the gold never
  includes a leading ``the`` nor a trailing possessive ``'s``/``’s``, whereas OntoNotes-trained
  models often put ``the`` inside GPE/ORG/DATE spans (``the United States``, ``the past 48
  hours``). Predictions are trimmed the same way before matching, so the score measures where a
  name is, not a determiner convention. Only these two edits are made.
* **Exact match.** A prediction is correct when (doc, start, end, label) equals a gold
  mention's. Per label: precision, recall, F1 and support; ``micro``: over all labels.
* **Group score** ``PERSON+NORP+ORG+GPE/LOC``: only gold and predicted mentions with those labels
  take part, and GPE and LOC are one class there (``Dnipro`` as GPE or LOC both count), so the
  group score is the quality of names for people, groups, organisations and places.
* **Resolution** (cross-document entity ids): measured on the mentions a system found with the
  exact gold span (any label), among gold mentions that carry an ``entity`` id, so it does not
  double-count detection errors. The headline number is **B-cubed** precision/recall/F1
  (Bagga & Baldwin 1998): for each mention, the overlap of its predicted cluster and its gold
  cluster, divided by the predicted (precision) or gold (recall) cluster size, averaged over
  mentions. Pairwise link precision/recall (over all pairs of those mentions) is reported too;
  it is dominated by the biggest clusters (``Kherson``, ``Russians``), B-cubed is not.
  ``string_baseline`` gives every mention the id ``casefold(text)``: what resolution by surface
  string alone gets, the floor a resolver should beat.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = ROOT / "tests" / "data" / "entities_gold.jsonl"
COVERAGE_PATH = ROOT / "tests" / "data" / "entities_gold_coverage.json"
CORPUS_DIR = ROOT / "python" / "crosswire" / "data" / "kherson-2022"

LABELS = (
    "PERSON",
    "NORP",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "MONEY",
    "PERCENT",
    "EVENT",
    "PRODUCT",
)
GROUP_NAME = "PERSON+NORP+ORG+GPE/LOC"
GROUP = {"PERSON": "PERSON", "NORP": "NORP", "ORG": "ORG", "GPE": "GPE/LOC", "LOC": "GPE/LOC"}

Mention = Mapping[str, Any]
Coverage = Mapping[str, Sequence[Sequence[int]]]


# -- loading ---------------------------------------------------------------------------------------


def load_gold(path: Path | str = GOLD_PATH) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_coverage(path: Path | str = COVERAGE_PATH) -> dict[str, list[list[int]]]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_texts(directory: Path | str = CORPUS_DIR) -> dict[str, str]:
    """The sample articles exactly as the gold's offsets see them: file stem -> text."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(directory).glob("*.txt"))}


def mentions_from_frame(df: Any) -> list[dict[str, Any]]:
    """Rows of a ``corpus.entities()`` DataFrame as mention dicts (doc, start, end, text, label,
    entity where the frame has them)."""
    cols = [c for c in ("doc", "start", "end", "text", "label", "entity") if c in df.columns]
    rows = df[cols].to_dict("records")
    for r in rows:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
    return rows


def evaluate(predictions: Iterable[Mention], normalize: bool = True) -> dict[str, Any]:
    """Everything at once against the bundled gold: detection scores and resolution."""
    gold, coverage, texts = load_gold(), load_coverage(), load_texts()
    pred = prepare(predictions, coverage, texts, normalize)
    return {"scores": score(gold, pred), "resolution": resolution(gold, pred)}


# -- filtering and normalisation -------------------------------------------------------------------


def in_coverage(doc: str, start: int, end: int, coverage: Coverage) -> bool:
    """True if [start, end) overlaps a covered range of ``doc`` (see the module docstring)."""
    return any(start < e and s < end for s, e in coverage.get(doc, ()))


_LEADING = ("the ", "The ", "THE ")
_POSSESSIVE = ("'s", "’s", "'S", "’S")


def normalize_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading ``the`` and a trailing possessive ``'s`` (and whitespace) from a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for lead in _LEADING:
        if text.startswith(lead, start) and end - start > len(lead):
            start += len(lead)
            break
    for poss in _POSSESSIVE:
        if end - start > len(poss) and text.endswith(poss, start, end):
            end -= len(poss)
            break
    return start, end


def prepare(
    predictions: Iterable[Mention],
    coverage: Coverage,
    texts: Mapping[str, str] | None = None,
    normalize: bool = True,
) -> list[dict[str, Any]]:
    """Predictions inside the gold's coverage, with spans normalised (needs ``texts``)."""
    out = []
    for p in predictions:
        doc, start, end = p["doc"], int(p["start"]), int(p["end"])
        if doc not in coverage:
            continue
        if normalize:
            if texts is None:
                raise ValueError("normalize=True needs the document texts")
            start, end = normalize_span(texts[doc], start, end)
        if end <= start or not in_coverage(doc, start, end, coverage):
            continue
        q = dict(p)
        q["start"], q["end"] = start, end
        if texts is not None:
            q["text"] = texts[doc][start:end]
        out.append(q)
    return out


# -- detection scores ------------------------------------------------------------------------------


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.support,
        }


@dataclass
class Scores:
    per_label: dict[str, PRF] = field(default_factory=dict)
    micro: PRF = field(default_factory=PRF)
    group: PRF = field(default_factory=PRF)
    errors: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "per_label": {k: v.as_dict() for k, v in self.per_label.items()},
            "micro": self.micro.as_dict(),
            "group": self.group.as_dict(),
            "group_labels": GROUP_NAME,
        }


def _key(m: Mention, label: str) -> tuple[str, int, int, str]:
    return (m["doc"], int(m["start"]), int(m["end"]), label)


def _prf(gold: set, pred: set) -> PRF:
    tp = len(gold & pred)
    return PRF(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


def score(gold: Sequence[Mention], predictions: Sequence[Mention]) -> Scores:
    """Exact-span scores. ``predictions`` should already be ``prepare``d (coverage, trimming)."""
    g = {_key(m, m["label"]) for m in gold}
    p = {_key(m, m["label"]) for m in predictions}
    s = Scores()
    for label in LABELS:
        gl = {k for k in g if k[3] == label}
        pl = {k for k in p if k[3] == label}
        if gl or pl:
            s.per_label[label] = _prf(gl, pl)
    s.micro = _prf(g, p)
    gg = {_key(m, GROUP[m["label"]]) for m in gold if m["label"] in GROUP}
    pg = {_key(m, GROUP[m["label"]]) for m in predictions if m["label"] in GROUP}
    s.group = _prf(gg, pg)
    s.errors = {"false_positives": sorted(p - g), "false_negatives": sorted(g - p)}
    return s


# -- resolution scores -----------------------------------------------------------------------------


def _clusters(ids: Mapping[Any, str]) -> dict[str, set]:
    out: dict[str, set] = defaultdict(set)
    for mention, ident in ids.items():
        out[ident].add(mention)
    return out


def variant_entities(gold: Sequence[Mention]) -> set[str]:
    """Gold entity ids written in more than one way (casefolded): the cases string matching misses."""
    forms: dict[str, set[str]] = defaultdict(set)
    for m in gold:
        if m.get("entity"):
            forms[m["entity"]].add(str(m["text"]).casefold())
    return {e for e, f in forms.items() if len(f) > 1}


def resolution(
    gold: Sequence[Mention], predictions: Sequence[Mention], only: set[str] | None = None
) -> dict[str, Any]:
    """B-cubed and pairwise scores of predicted entity ids on exactly matched gold mentions.

    A predicted mention without an ``entity`` is its own singleton cluster. ``only``: restrict
    to gold mentions of these entity ids (a diagnostic: merges with other mentions go unseen).
    """
    gold_ids = {
        (m["doc"], int(m["start"]), int(m["end"])): m["entity"]
        for m in gold
        if m.get("entity") and (only is None or m["entity"] in only)
    }
    pred_ids: dict[tuple[str, int, int], str] = {}
    for i, m in enumerate(predictions):
        key = (m["doc"], int(m["start"]), int(m["end"]))
        if key in gold_ids and key not in pred_ids:
            ent = m.get("entity")
            missing = (
                ent is None or ent == "" or (isinstance(ent, float) and ent != ent)
            )  # None, NaN
            pred_ids[key] = f"\0singleton{i}" if missing else str(ent)
    mentions = list(pred_ids)
    result: dict[str, Any] = {"mentions": len(mentions), "gold_mentions": len(gold_ids)}
    if not mentions:
        zero = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
        result.update({"b_cubed": dict(zero), "pairwise": dict(zero)})
        return result
    g = {k: gold_ids[k] for k in mentions}
    gc, pc = _clusters(g), _clusters(pred_ids)
    p_sum = r_sum = 0.0
    for k in mentions:
        gset, pset = gc[g[k]], pc[pred_ids[k]]
        overlap = len(gset & pset)
        p_sum += overlap / len(pset)
        r_sum += overlap / len(gset)
    bp, br = p_sum / len(mentions), r_sum / len(mentions)
    result["b_cubed"] = {
        "precision": round(bp, 4),
        "recall": round(br, 4),
        "f1": round(2 * bp * br / (bp + br), 4) if bp + br else 0.0,
    }

    # Pairwise links, counted per cluster intersection rather than by enumerating pairs.
    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    both = Counter((g[k], pred_ids[k]) for k in mentions)
    correct = sum(pairs(n) for n in both.values())
    predicted = sum(pairs(len(v)) for v in pc.values())
    golden = sum(pairs(len(v)) for v in gc.values())
    pp = correct / predicted if predicted else 0.0
    pr = correct / golden if golden else 0.0
    result["pairwise"] = {
        "precision": round(pp, 4),
        "recall": round(pr, 4),
        "f1": round(2 * pp * pr / (pp + pr), 4) if pp + pr else 0.0,
        "correct_links": correct,
        "predicted_links": predicted,
        "gold_links": golden,
    }
    # The gold's ids that a prediction split, and the predicted ids that merged several gold ids.
    split = {
        gid: sorted({pred_ids[k] for k in ks})
        for gid, ks in gc.items()
        if len({pred_ids[k] for k in ks}) > 1
    }
    merged = {
        pid: sorted({g[k] for k in ks}) for pid, ks in pc.items() if len({g[k] for k in ks}) > 1
    }
    result["split"] = {k: [x for x in v if not x.startswith("\0")] for k, v in split.items()}
    result["merged"] = merged
    return result


def string_baseline(mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    """Give every mention the id ``casefold(text)``: resolution by surface string alone."""
    return [dict(m, entity=str(m["text"]).casefold()) for m in mentions]


# -- printing --------------------------------------------------------------------------------------


def format_table(results: Mapping[str, Scores], labels: Sequence[str] | None = None) -> str:
    """One row per label (and micro, group), P/R/F1 for each system side by side."""
    systems = list(results)
    if labels is None:
        seen = {lab for s in results.values() for lab in s.per_label}
        labels = [lab for lab in LABELS if lab in seen]
    head = f"{'label':<26}{'n':>5}" + "".join(f"  {name[:22]:>22}" for name in systems)
    sub = f"{'':<31}" + "".join(f"  {'P':>6} {'R':>6} {'F1':>7}" for _ in systems)
    lines = [head, sub, "-" * len(sub)]

    def row(name: str, get) -> str:
        prfs = [get(results[s]) for s in systems]
        n = max((x.support for x in prfs if x is not None), default=0)
        cells = "".join(
            f"  {x.precision:6.3f} {x.recall:6.3f} {x.f1:7.3f}"
            if x is not None
            else f"  {'-':>6} {'-':>6} {'-':>7}"
            for x in prfs
        )
        return f"{name:<26}{n:>5}{cells}"

    for lab in labels:
        lines.append(row(lab, lambda s, lab=lab: s.per_label.get(lab)))
    lines.append("-" * len(sub))
    lines.append(row("micro (all labels)", lambda s: s.micro))
    lines.append(row(GROUP_NAME, lambda s: s.group))
    return "\n".join(lines)
