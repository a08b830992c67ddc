"""What the report shows, gathered from the corpus's tables into plain objects.

Nothing here analyses text: claims, entities and alignment come from the core; this module
only selects, orders and cross-references them (which sentence a claim sits in, which claims
form a conflict card, which groups are corroborated by how many documents).
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .. import frames, summary
from .._core import __version__
from ..frames import FIGURE_LABELS, TIME_LABELS
from . import alignment as _alignment

if TYPE_CHECKING:
    import pandas as pd

    from ..corpus import Corpus

LEAD_LENGTH = 110


@dataclass(frozen=True)
class DocInfo:
    index: int
    name: str
    label: str  # "D1", "D2", …: short enough for a matrix column
    anchor: str
    lead: str  # the first sentence of article text, shortened
    date: _dt.date | None
    source: str | None
    sizes: summary.DocumentSummary
    claims: int
    mentions: int

    @property
    def outlet(self) -> str:
        """What to call the document next to a claim: its source where known, else its label."""
        return self.source or self.label


@dataclass(frozen=True)
class ClaimView:
    id: str
    anchor: str
    doc: DocInfo
    start: int
    end: int
    speaker: str | None
    cue: str | None
    polarity: str
    hedged: bool
    quote: str | None
    context: str  # the sentence(s) the claim sits in
    context_start: int  # offset of ``context`` in the document
    claim_span: tuple[int, int]  # relative to ``context``
    speaker_span: tuple[int, int] | None
    figure_spans: tuple[tuple[int, int], ...]


@dataclass
class GroupView:
    id: str
    anchor: str
    claims: list[ClaimView]

    @property
    def docs(self) -> list[DocInfo]:
        seen: dict[int, DocInfo] = {}
        for c in self.claims:
            seen.setdefault(c.doc.index, c.doc)
        return [seen[i] for i in sorted(seen)]

    @property
    def headline(self) -> str:
        first = self.claims[0]
        return first.context[first.claim_span[0] : first.claim_span[1]]


@dataclass
class ConflictView:
    """Two claims that conflict, each with the group of claims that agree with it."""

    anchor: str
    claims: tuple[ClaimView, ClaimView]
    groups: tuple[GroupView, GroupView]
    reason: str
    score: float

    @property
    def docs(self) -> list[DocInfo]:
        seen = {d.index: d for g in self.groups for d in g.docs}
        return [seen[i] for i in sorted(seen)]


@dataclass(frozen=True)
class EntityRow:
    entity: str
    name: str
    label: str
    aliases: list[str]
    per_doc: dict[int, int]  # document index -> mentions
    mentions: int
    speaks: int  # claims attributed to it


@dataclass
class ReportModel:
    title: str
    generated: str
    version: str
    docs: list[DocInfo]
    totals: summary.Totals
    date_range: str
    claims: list[ClaimView]
    conflicts: list[ConflictView] = field(default_factory=list)
    corroborated: list[GroupView] = field(default_factory=list)
    single: list[GroupView] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)
    entity_count: int = 0
    mentions_by_doc: dict[int, list[tuple[int, int, str, str, str]]] = field(default_factory=dict)

    @property
    def groups(self) -> list[GroupView]:
        """Every group, in report order: corroborated, then single-source."""
        return [*self.corroborated, *self.single]

    def conflict_of(self) -> dict[str, ConflictView]:
        """Claim id -> the first conflict it takes part in."""
        out: dict[str, ConflictView] = {}
        for card in self.conflicts:
            for c in card.claims:
                out.setdefault(c.id, card)
        return out

    def conflicted_groups(self) -> set[str]:
        return {g.id for card in self.conflicts for g in card.groups}


Stage = Callable[[str], None]


def build(
    corpus: Corpus, *, title: str | None = None, stage: Stage = lambda _: None
) -> ReportModel:
    """Runs the analyses the report needs (announcing each through ``stage``) and gathers them."""
    stage("text")
    rows = summary.corpus_summary(corpus)
    sentences = corpus.sentences()
    stage("entities")
    mentions = corpus.entities()
    table = corpus.entity_table()
    stage("claims")
    claims = corpus.claims()
    figures = _figures_by_claim(corpus)
    stage("alignment")
    alignment = _alignment.tables(corpus)

    stage("layout")
    mention_rows = _mentions_by_doc(mentions, corpus.names)
    claim_counts = claims.groupby("doc", observed=False).size()
    leads = _leads(sentences)
    docs = [
        DocInfo(
            index=i,
            name=doc.name,
            label=f"D{i + 1}",
            anchor=f"d{i + 1}",
            lead=leads.get(doc.name, ""),
            date=doc.date,
            source=doc.source,
            sizes=row,
            claims=int(claim_counts.get(doc.name, 0)),
            mentions=len(mention_rows.get(i, [])),
        )
        for i, (doc, row) in enumerate(zip(corpus, rows))
    ]
    views = _claim_views(corpus, docs, claims, sentences, figures)
    model = ReportModel(
        title=title or "crosswire report",
        generated=_dt.date.today().isoformat(),
        version=__version__,
        docs=docs,
        totals=summary.totals(rows),
        date_range=summary.date_range(rows),
        claims=list(views.values()),
        entities=_entity_rows(table, mention_rows, claims, len(docs)),
        entity_count=len(table),
        mentions_by_doc=mention_rows,
    )
    _arrange(model, views, alignment)
    return model


def _leads(sentences: pd.DataFrame) -> dict[str, str]:
    """Per document name, its first sentence of article text, shortened."""
    out: dict[str, str] = {}
    if sentences.empty:
        return out
    body = sentences[~sentences["boilerplate"]].drop_duplicates("doc")
    for name, text in zip(body["doc"], body["text"]):
        text = " ".join(str(text).split())
        out[str(name)] = (
            text if len(text) <= LEAD_LENGTH else text[: LEAD_LENGTH - 1].rstrip() + "…"
        )
    return out


def _mentions_by_doc(
    mentions: pd.DataFrame, names: list[str]
) -> dict[int, list[tuple[int, int, str, str, str]]]:
    """Per document index: (start, end, label, entity, text) of every mention, in text order."""
    index = {name: i for i, name in enumerate(names)}
    out: dict[int, list[tuple[int, int, str, str, str]]] = defaultdict(list)
    for doc, start, end, label, entity, text in zip(
        mentions["doc"],
        mentions["start"],
        mentions["end"],
        mentions["label"],
        mentions["entity"],
        mentions["text"],
    ):
        out[index[doc]].append((int(start), int(end), str(label), str(entity), str(text)))
    for rows in out.values():
        rows.sort()
    return dict(out)


def _figures_by_claim(corpus: Corpus) -> dict[str, list[tuple[int, int]]]:
    """Per claim id, the (start, end) of its figures in the document, as the core finds them."""
    figures = frames.claim_figures(corpus)
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for claim, start, end in zip(figures["claim"], figures["start"], figures["end"]):
        out[str(claim)].append((int(start), int(end)))
    return out


def _claim_views(
    corpus: Corpus,
    docs: list[DocInfo],
    claims: pd.DataFrame,
    sentences: pd.DataFrame,
    figures: dict[str, list[tuple[int, int]]],
) -> dict[str, ClaimView]:
    by_name = {d.name: d for d in docs}
    bounds: dict[str, tuple[list[int], list[int]]] = {}
    for name, group in sentences.groupby("doc", observed=True):
        bounds[str(name)] = (group["start"].tolist(), group["end"].tolist())
    texts = {d.name: corpus[d.index].text for d in docs}
    views: dict[str, ClaimView] = {}
    for n, row in enumerate(claims.to_dict("records")):
        name = str(row["doc"])
        info = by_name[name]
        start, end = int(row["start"]), int(row["end"])
        lo, hi = _context(bounds.get(name, ([], [])), start, end)
        context = texts[name][lo:hi]
        speaker = _text_or_none(row["speaker"])
        views[str(row["claim"])] = ClaimView(
            id=str(row["claim"]),
            anchor=f"c{n + 1}",
            doc=info,
            start=start,
            end=end,
            speaker=speaker,
            cue=_text_or_none(row["cue"]),
            polarity=str(row["polarity"]),
            hedged=bool(row["hedged"]),
            quote=_text_or_none(row["quote"]),
            context=context,
            context_start=lo,
            claim_span=(start - lo, end - lo),
            speaker_span=_find_speaker(context, speaker, start - lo, end - lo)
            or _find_speaker(context, _text_or_none(row.get("pronoun")), start - lo, end - lo),
            figure_spans=tuple((a - lo, b - lo) for a, b in figures.get(str(row["claim"]), ())),
        )
    return views


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _context(bounds: tuple[list[int], list[int]], start: int, end: int) -> tuple[int, int]:
    """From the start of the sentence holding ``start`` to the end of the one holding ``end``."""
    starts, ends = bounds
    if not starts:
        return start, end
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(first, bisect.bisect_left(ends, end))
    last = min(last, len(ends) - 1)
    return min(starts[first], start), max(ends[last], end)


def _find_speaker(context: str, speaker: str | None, a: int, b: int) -> tuple[int, int] | None:
    """Where the speaker's words appear around the claim: outside it and nearest it, if they do."""
    if not speaker:
        return None
    hits = []
    at = context.find(speaker)
    while at != -1:
        hits.append(at)
        at = context.find(speaker, at + 1)
    if not hits:
        return None
    outside = [h for h in hits if h + len(speaker) <= a or h >= b]
    best = min(outside or hits, key=lambda h: min(abs(h + len(speaker) - a), abs(h - b)))
    return best, best + len(speaker)


def _entity_rows(
    table: pd.DataFrame,
    mention_rows: dict[int, list[tuple[int, int, str, str, str]]],
    claims: pd.DataFrame,
    n_docs: int,
) -> list[EntityRow]:
    per_doc: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for d, rows in mention_rows.items():
        for _, _, _, entity, _ in rows:
            per_doc[entity][d] += 1
    speaks = claims["speaker_entity"].dropna().value_counts().to_dict()
    out = []
    for row in table.to_dict("records"):
        if row["label"] in FIGURE_LABELS or row["label"] in TIME_LABELS:
            continue
        entity = str(row["entity"])
        out.append(
            EntityRow(
                entity=entity,
                name=str(row["name"]),
                label=str(row["label"]),
                aliases=[str(a) for a in row["aliases"]],
                per_doc=dict(per_doc.get(entity, {})),
                mentions=int(row["mentions"]),
                speaks=int(speaks.get(entity, 0)),
            )
        )
    # Named by the most documents first, then by mentions: what the coverage has in common.
    out.sort(key=lambda r: (-len(r.per_doc), -r.mentions, r.entity))
    return out


def _arrange(
    model: ReportModel, views: dict[str, ClaimView], tables: _alignment.AlignmentTables
) -> None:
    """Claim groups into conflict cards, corroborated groups and single-source groups."""
    members: dict[str, list[str]] = defaultdict(list)
    group_of: dict[str, str] = {}
    for group, claim in zip(tables.groups["group"], tables.groups["claim"]):
        if str(claim) in views and str(claim) not in group_of:
            members[str(group)].append(str(claim))
            group_of[str(claim)] = str(group)
    for claim in views:  # a claim the aligner left out stands alone
        if claim not in group_of:
            members[f"claim {claim}"].append(claim)
            group_of[claim] = f"claim {claim}"

    order = {claim: i for i, claim in enumerate(views)}
    groups: dict[str, GroupView] = {}
    for n, (gid, claim_ids) in enumerate(
        sorted(members.items(), key=lambda item: min(order[c] for c in item[1]))
    ):
        ordered = sorted(claim_ids, key=lambda c: order[c])
        groups[gid] = GroupView(id=gid, anchor=f"g{n + 1}", claims=[views[c] for c in ordered])

    cards: dict[tuple[str, str], ConflictView] = {}
    pairs = tables.pairs
    conflicts = pairs[pairs["relation"] == "conflict"]
    for a, b, score, reason in zip(
        conflicts["claim_a"], conflicts["claim_b"], conflicts["score"], conflicts["reason"]
    ):
        a, b = str(a), str(b)
        if a not in views or b not in views or (a, b) in cards or (b, a) in cards:
            continue
        if order[b] < order[a]:
            a, b = b, a
        cards[(a, b)] = ConflictView(
            anchor="",
            claims=(views[a], views[b]),
            groups=(groups[group_of[a]], groups[group_of[b]]),
            reason=str(reason) if isinstance(reason, str) else "",
            score=float(score),
        )
    # The aligner's most confident conflicts first.
    model.conflicts = sorted(cards.values(), key=lambda c: (-c.score, order[c.claims[0].id]))
    for n, card in enumerate(model.conflicts):
        card.anchor = f"x{n + 1}"
    model.corroborated = sorted(
        (g for g in groups.values() if len(g.docs) > 1),
        key=lambda g: (-len(g.docs), -len(g.claims)),
    )
    model.single = [g for g in groups.values() if len(g.docs) == 1]
