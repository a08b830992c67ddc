"""What the report shows, gathered from the corpus's tables into plain objects.

Nothing here analyses text: claims, entities and alignment come from the core; this module
only selects, orders and cross-references them (which sentence a claim sits in, which claims
form a conflict card, which groups are corroborated by how many documents).
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable

import pandas as pd

from .. import frames, summary
from .._core import __version__
from ..frames import FIGURE_LABELS, TIME_LABELS
from ..markup import entity_title

if TYPE_CHECKING:
    from ..corpus import Corpus

LEAD_LENGTH = 110
# (start, end, label, hover title) of an entity mention in its document.
Mention = tuple[int, int, str, str]


@dataclass(frozen=True)
class Limits:
    """How much of a corpus the report draws, so that it stays readable (and its size bounded
    by these numbers, not by the corpus) however many documents come in. What is left out is
    counted where it would have been ("and 1,234 more")."""

    documents: int = 100  # documents drawn in full, and rows of the glance table
    conflicts: int = 100  # conflict cards
    corroborated: int = 100  # corroborated group cards
    single: int = 500  # single-source claims listed
    columns: int = 40  # documents as columns of the coverage matrix and the entity table
    matrix_rows: int = 80  # claim groups in the coverage matrix
    entity_rows: int = 60  # entities in the entity table
    card_documents: int = 12  # documents side by side in a group card
    labels: int = 20  # document labels in a line of labels
    per_document: int = 2  # a document's claims in a group card before the rest fold away
    folded: int = 20  # claims behind one fold


@dataclass
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
    shown: bool = True  # drawn in full in the Documents section (else only counted)

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
    in_text: bool = True  # marked in its document's text (not when it overlaps an earlier claim)

    @property
    def linked(self) -> bool:
        """Whether the page marks the claim in its document, so links to it resolve."""
        return self.in_text and self.doc.shown


@dataclass
class GroupView:
    id: str
    anchor: str
    claims: list[ClaimView]
    drawn: bool = True  # has a card or a list entry on the page (else only counted)

    @cached_property  # asked for again and again while the page is laid out
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
    drawn: bool = True  # has a card on the page (else only counted)

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
    mentions_by_doc: dict[int, list[Mention]] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    column_docs: set[int] = field(default_factory=set)  # indices of the documents in `columns`

    @property
    def shown_docs(self) -> list[DocInfo]:
        """The documents drawn in full, in corpus order."""
        return [d for d in self.docs if d.shown]

    @property
    def columns(self) -> list[DocInfo]:
        """The documents given a column in the coverage matrix and the entity table, in
        corpus order."""
        return [d for d in self.docs if d.index in self.column_docs]

    def claims_of(self) -> dict[int, list[ClaimView]]:
        """Document index -> its claims, in text order."""
        out: dict[int, list[ClaimView]] = defaultdict(list)
        for c in self.claims:
            out[c.doc.index].append(c)
        return out

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
    corpus: Corpus,
    *,
    title: str | None = None,
    stage: Stage = lambda _: None,
    limits: Limits | None = None,
) -> ReportModel:
    """Runs the analyses the report needs (announcing each through ``stage``) and gathers them."""
    limits = limits or Limits()
    stage("text")
    rows = summary.corpus_summary(corpus)
    sentences = corpus.sentences()
    stage("entities")
    mentions = corpus.entities()
    table = corpus.entity_table()
    stage("claims")
    claims = corpus.claims()
    figures = _figures_by_claim(corpus)
    speakers = _speaker_spans(corpus)
    stage("alignment")
    alignment = corpus.align()
    pairs, groups = alignment.pairs(), alignment.groups()

    stage("layout")
    mention_rows = _mentions_by_doc(mentions)
    claim_counts = Counter(claims["doc"].cat.codes.tolist())  # per document index
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
            claims=claim_counts[i],
            mentions=len(mention_rows.get(i, [])),
        )
        for i, (doc, row) in enumerate(zip(corpus, rows))
    ]
    views = _claim_views(corpus, docs, claims, sentences, figures, speakers)
    model = ReportModel(
        title=title or "crosswire report",
        generated=_dt.date.today().isoformat(),
        version=__version__,
        docs=docs,
        totals=summary.totals(rows),
        date_range=summary.date_range(rows),
        claims=list(views.values()),
        entities=_entity_rows(table, mentions, claims),
        entity_count=len(table),
        limits=limits,
    )
    _arrange(model, views, pairs, groups)
    _choose_documents(model)
    model.mentions_by_doc = {d.index: mention_rows.get(d.index, []) for d in model.shown_docs}
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


def _mentions_by_doc(mentions: pd.DataFrame) -> dict[int, list[Mention]]:
    """Per document index: (start, end, label, hover title) of every mention, in text order."""
    out: dict[int, list[Mention]] = defaultdict(list)
    doc_index = mentions["doc"].cat.codes.tolist()  # the categories are the corpus's names
    for d, m in zip(doc_index, mentions.itertuples(index=False)):
        approximate = None if m.approximate is pd.NA else bool(m.approximate)
        title = entity_title(
            m.label, m.entity, m.value, m.unit, m.lower, m.upper, approximate, m.date
        )
        out[d].append((int(m.start), int(m.end), str(m.label), title))
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


def _speaker_spans(corpus: Corpus) -> list[tuple[int, int] | None]:
    """Per claim, in table order, where the core found its speaker's words (else the pronoun
    that stands for the speaker) in the document; None for a claim with neither."""
    spans = frames.claim_spans(corpus)
    out: list[tuple[int, int] | None] = []
    for row in spans.itertuples(index=False):
        if row.speaker_start is not pd.NA:
            out.append((int(row.speaker_start), int(row.speaker_end)))
        elif row.pronoun_start is not pd.NA:
            out.append((int(row.pronoun_start), int(row.pronoun_end)))
        else:
            out.append(None)
    return out


def _claim_views(
    corpus: Corpus,
    docs: list[DocInfo],
    claims: pd.DataFrame,
    sentences: pd.DataFrame,
    figures: dict[str, list[tuple[int, int]]],
    speakers: list[tuple[int, int] | None],
) -> dict[str, ClaimView]:
    by_name = {d.name: d for d in docs}
    bounds: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    # Sentences come in document and text order; one pass, not a pandas group per document.
    names = sentences["doc"].astype(str).tolist()
    for name, start, end in zip(names, sentences["start"].tolist(), sentences["end"].tolist()):
        starts, ends = bounds[name]
        starts.append(start)
        ends.append(end)
    texts = {d.name: corpus[d.index].text for d in docs}
    views: dict[str, ClaimView] = {}
    last_end: dict[str, int] = {}
    for n, row in enumerate(claims.itertuples(index=False)):
        name = str(row.doc)
        info = by_name[name]
        start, end = int(row.start), int(row.end)
        # Claims do not overlap; if they ever did, the first keeps the mark in the text.
        in_text = start >= last_end.get(name, -1)
        if in_text:
            last_end[name] = end
        lo, hi = _context(bounds.get(name, ([], [])), start, end)
        context = texts[name][lo:hi]
        speaker = _text_or_none(row.speaker)
        span = speakers[n]
        views[str(row.claim)] = ClaimView(
            id=str(row.claim),
            anchor=f"c{n + 1}",
            doc=info,
            start=start,
            end=end,
            speaker=speaker,
            cue=_text_or_none(row.cue),
            polarity=str(row.polarity),
            hedged=bool(row.hedged),
            quote=_text_or_none(row.quote),
            context=context,
            context_start=lo,
            claim_span=(start - lo, end - lo),
            # Only where the words sit inside the context shown (a speaker may be paragraphs away).
            speaker_span=(span[0] - lo, span[1] - lo)
            if span and lo <= span[0] < span[1] <= hi
            else None,
            figure_spans=tuple((a - lo, b - lo) for a, b in figures.get(str(row.claim), ())),
            in_text=in_text,
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


def _entity_rows(
    table: pd.DataFrame, mentions: pd.DataFrame, claims: pd.DataFrame
) -> list[EntityRow]:
    per_doc: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for entity, d in zip(mentions["entity"].tolist(), mentions["doc"].cat.codes.tolist()):
        if isinstance(entity, str):
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
    model: ReportModel, views: dict[str, ClaimView], pairs: pd.DataFrame, groups_table: pd.DataFrame
) -> None:
    """Claim groups into conflict cards, corroborated groups and single-source groups, and
    which of them the page has room for."""
    members: dict[str, list[str]] = defaultdict(list)
    group_of: dict[str, str] = {}
    for group, claim in zip(groups_table["group"], groups_table["claim"]):
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
    # Groups whose agreements rest on frames (the reason names what both say) lead: word
    # overlap alone is weaker evidence that outlets corroborate one another.
    framed = _framed_groups(pairs, group_of)
    model.corroborated = sorted(
        (g for g in groups.values() if len(g.docs) > 1),
        key=lambda g: (g.id not in framed, -len(g.docs), -len(g.claims)),
    )
    model.single = [g for g in groups.values() if len(g.docs) == 1]

    limits = model.limits
    for n, card in enumerate(model.conflicts):
        card.drawn = n < limits.conflicts
    for n, group in enumerate(model.corroborated):
        group.drawn = n < limits.corroborated
    listed = 0
    for group in single_source_listing(model.single):
        group.drawn = listed < limits.single
        listed += len(group.claims)


# How an agreement on frames begins its reason (src/align/frames.rs, `both_say`).
FRAMES_SAY = "both say: "


def _framed_groups(pairs: pd.DataFrame, group_of: dict[str, str]) -> set[str]:
    """Groups at least half of whose agreeing pairs agree on frames."""
    framed: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    agree = pairs[pairs["relation"] == "agree"]
    for a, b, reason in zip(agree["claim_a"], agree["claim_b"], agree["reason"]):
        group = group_of.get(str(a))
        if group is None or group != group_of.get(str(b)):
            continue
        total[group] += 1
        framed[group] += isinstance(reason, str) and FRAMES_SAY in reason
    return {g for g, n in total.items() if 2 * framed[g] >= n}


def single_source_listing(single: list[GroupView]) -> list[GroupView]:
    """Single-source groups in the order the report lists them: by document, then as found."""
    return sorted(single, key=lambda g: g.docs[0].index)


def _choose_documents(model: ReportModel) -> None:
    """Which documents are drawn in full (and which of those get a column in the matrices):
    those the drawn conflict and group cards quote first, then the rest in corpus order, as
    many as the limits allow."""
    quoted = [d for card in model.conflicts if card.drawn for d in card.docs]
    quoted += [d for g in model.corroborated if g.drawn for d in g.docs]
    chosen: dict[int, None] = {}  # in order of preference
    for d in [*quoted, *model.docs]:
        if len(chosen) >= model.limits.documents:
            break
        chosen.setdefault(d.index)
    for d in model.docs:
        d.shown = d.index in chosen
    model.column_docs = set(list(chosen)[: model.limits.columns])
