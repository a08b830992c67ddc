"""The report as one HTML page: sections drawn from a :class:`~.model.ReportModel`.

Every string that comes from an article (text, names, speakers, reasons, file names) goes
through :mod:`crosswire.markup` (:func:`text`, :func:`esc`, :func:`attr`, :func:`render_spans`),
which escapes it and shows bidi controls instead of applying them. The page has no script at
all, and its Content-Security-Policy forbids scripts and network fetches, so even a mistake in
escaping could not run anything or phone home.

The model says how much the page has room for (:class:`~.model.Limits`); what is left out is
counted, and links go only to what is drawn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..markup import PALETTE, Layer, Span, render_spans, text
from ..markup import attribute as attr
from ..markup import escape as esc
from .model import (
    ClaimView,
    ConflictView,
    DocInfo,
    GroupView,
    Limits,
    ReportModel,
    single_source_listing,
)
from .style import CSS

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _link(anchor: str, inner: str, drawn: bool, extra: str = "") -> str:
    """``inner`` linked to ``#anchor`` when the page has it, else as it is."""
    return f'<a href="#{anchor}"{extra}>{inner}</a>' if drawn else inner


# -- pieces ---------------------------------------------------------------------------------


def doc_label(doc: DocInfo, *, link: bool = True) -> str:
    label = f'<span class="doclabel" title="{attr(doc.name)}">{esc(doc.label)}</span>'
    return _link(doc.anchor, label, link and doc.shown)


def doc_labels(docs: Sequence[DocInfo], limits: Limits) -> str:
    """Labels of ``docs``, linked, the first few of a long list and how many more."""
    shown = " ".join(doc_label(d) for d in docs[: limits.labels])
    more = len(docs) - limits.labels
    return shown + (f' <span class="sub">and {more:,} more</span>' if more > 0 else "")


def wording(c: ClaimView, *, doc: bool = True, conflict: ConflictView | None = None) -> str:
    """One claim: who said it (and how), then its sentence with the claim, speaker and figures
    marked. ``doc``: lead with the document's label (off where the list is already by document)."""
    who = []
    if doc:
        who.append(
            _link(
                c.anchor,
                doc_label(c.doc, link=False),
                c.linked,
                f' title="read it in {attr(c.doc.name)}"',
            )
        )
        if c.doc.source:
            who.append(f"<span>{text(c.doc.source)}</span>")
    if c.speaker:
        who.append(f'<span class="speaker">{text(c.speaker)}</span>')
    else:
        who.append('<span class="article">the article itself</span>')
    if c.cue:
        who.append(f"<span>{text(c.cue)}</span>")
    if c.polarity != "asserted":
        who.append(f'<span class="tag denied">{esc(c.polarity)}</span>')
    if c.hedged:
        who.append('<span class="tag">hedged</span>')
    if c.quote in ("direct", "mixed"):  # indirect speech is the default: no tag
        who.append(f'<span class="tag">{esc(c.quote)} quote</span>')
    layers = [
        Layer("claim", [Span(*c.claim_span, attrs={"class": "said"})]),
        Layer(
            "speaker", [Span(*c.speaker_span, attrs={"class": "speaker"})] if c.speaker_span else []
        ),
        Layer(
            "figure",
            [Span(a, b, title="figure", attrs={"class": "fig"}) for a, b in c.figure_spans],
        ),
    ]
    context = render_spans(c.context, layers)
    if conflict is not None:
        who.append(
            f'<a class="badge conflict" href="#{conflict.anchor}">in conflict</a>'
            if conflict.drawn
            else '<span class="badge conflict">in conflict</span>'
        )
    if not doc and c.linked:
        who.append(
            f'<a class="totext" href="#{c.anchor}" title="read it in {attr(c.doc.name)}">in text ↗</a>'
        )
    return f'<div class="wording"><div class="who">{"".join(who)}</div><p class="ctx">{context}</p></div>'


def _docs_line(docs: Sequence[DocInfo], limits: Limits) -> str:
    return f'<span class="docs">{_plural(len(docs), "document")}: {doc_labels(docs, limits)}</span>'


def reason_html(reason: str) -> str:
    """The aligner's reason as a list of findings, what clashed in bold."""
    parts = [p.strip() for p in reason.split(";") if p.strip()]
    items = "".join(
        f'<li class="{"clash" if "clash" in p else "head" if i == 0 else ""}">{text(p)}</li>'
        for i, p in enumerate(parts)
    )
    return f'<ul class="why">{items}</ul>'


def _also(claim: ClaimView, group: GroupView, limits: Limits) -> str:
    others = [c for c in group.claims if c.id != claim.id]
    if not others:
        return '<p class="also">No other claim in the corpus says this.</p>'
    docs = sorted({c.doc.index: c.doc for c in others}.values(), key=lambda d: d.index)
    agree = _link(group.anchor, f"{_plural(len(others), 'more claim')} agree", group.drawn)
    return f'<p class="also">{agree} in {doc_labels(docs, limits)}</p>'


def conflict_card(card: ConflictView, limits: Limits) -> str:
    a, b = card.claims
    ga, gb = card.groups
    docs = sorted({c.doc.index: c.doc for c in card.claims}.values(), key=lambda d: d.index)
    where = (
        f'<span class="docs">both in {doc_label(docs[0])}</span>'
        if len(docs) == 1
        else _docs_line(docs, limits)
    )
    return (
        f'<article class="card conflict" id="{card.anchor}">'
        f'<header><span class="badge conflict">conflict</span>{where}'
        f'<span class="sub">score {card.score:.2f}</span></header>'
        f'<div class="reason"><b>Why it conflicts</b>{reason_html(card.reason)}</div>'
        f'<div class="versus"><div class="side">{wording(a)}{_also(a, ga, limits)}</div><div class="vs">vs</div>'
        f'<div class="side">{wording(b)}{_also(b, gb, limits)}</div></div></article>'
    )


def _conflict_note(group: GroupView, conflicts: dict[str, ConflictView]) -> str:
    cards = list(
        {
            conflicts[c.id].anchor: conflicts[c.id] for c in group.claims if c.id in conflicts
        }.values()
    )
    if not cards:
        return ""
    links = ", ".join(_link(card.anchor, esc(card.anchor), card.drawn) for card in cards)
    return f'<span class="badge conflict">in conflict</span><span class="sub">see {links}</span>'


def _document_column(d: DocInfo, mine: list[ClaimView], limits: Limits) -> str:
    """A document's claims in a group card: the first ones, the next ones folded away, and how
    many more beyond those."""
    shown = "".join(wording(c) for c in mine[: limits.per_document])
    folded = mine[limits.per_document : limits.per_document + limits.folded]
    if folded:
        more = len(mine) - limits.per_document - len(folded)
        rest = f'<p class="sub">and {more:,} more</p>' if more > 0 else ""
        shown += (
            f"<details><summary>{_plural(len(mine) - limits.per_document, 'more claim')} from {esc(d.label)}</summary>"
            f"{''.join(wording(c) for c in folded)}{rest}</details>"
        )
    return f'<div class="column">{shown}</div>'


def group_card(group: GroupView, conflicts: dict[str, ConflictView], limits: Limits) -> str:
    """A group's claims in one column per document, side by side; a document that makes the
    claim several times shows the first ones and folds the rest away."""
    docs = group.docs
    by_doc: dict[int, list[ClaimView]] = {}
    for c in group.claims:
        by_doc.setdefault(c.doc.index, []).append(c)
    columns = [_document_column(d, by_doc[d.index], limits) for d in docs[: limits.card_documents]]
    more = len(docs) - limits.card_documents
    if more > 0:
        columns.append(
            f'<div class="column"><p class="sub">and {_plural(more, "more document")}</p></div>'
        )
    return (
        f'<article class="card agree" id="{group.anchor}">'
        f'<header><span class="badge agree">{_plural(len(docs), "outlet")}</span>{_docs_line(docs, limits)}'
        f'<span class="sub">{_plural(len(group.claims), "claim")}</span>'
        f"{_conflict_note(group, conflicts)}</header>"
        f'<div class="wordings">{"".join(columns)}</div></article>'
    )


def claims_by_document(
    groups: Iterable[GroupView],
    docs: Sequence[DocInfo],
    conflicts: dict[str, ConflictView] | None = None,
) -> str:
    """Groups (or single claims) listed under the document they come from; a claim in a
    conflict links to its conflict card."""
    conflicts = conflicts or {}
    by_doc: dict[int, list[GroupView]] = {}
    for g in groups:
        by_doc.setdefault(g.docs[0].index, []).append(g)
    parts = []
    for d in docs:
        items = by_doc.get(d.index)
        if not items:
            continue
        rows = "".join(
            f'<li id="{g.anchor}">{"".join(wording(c, doc=False, conflict=conflicts.get(c.id)) for c in g.claims)}</li>'
            for g in items
        )
        parts.append(
            f'<h3>{doc_label(d)} <span class="lead">{text(d.lead)}</span> '
            f'<span class="sub">{_plural(sum(len(g.claims) for g in items), "claim")}</span></h3>'
            f'<ol class="claims">{rows}</ol>'
        )
    return "".join(parts)


def _more(n: int, what: str) -> str:
    """A line saying what the page left out, or nothing."""
    return f'<p class="sub">… and {n:,} more {what}.</p>' if n > 0 else ""


# -- sections -------------------------------------------------------------------------------


def _tile(value: int | str, what: str, kind: str = "") -> str:
    return f'<div class="tile {kind}"><b>{esc(value)}</b><span>{esc(what)}</span></div>'


def glance(m: ReportModel) -> str:
    t = m.totals
    outlets = len({d.source for d in m.docs if d.source})
    tiles = [_tile(f"{t.documents:,}", "documents")]
    if outlets:
        tiles.append(_tile(f"{outlets:,}", "outlets"))
    tiles.append(_tile(f"{len(m.claims):,}", "claims"))
    tiles += [
        _tile(f"{len(m.conflicts):,}", "conflicts", "conflict"),
        _tile(f"{len(m.corroborated):,}", "corroborated", "agree"),
        _tile(f"{sum(len(g.claims) for g in m.single):,}", "single-source"),
        _tile(f"{m.entity_count:,}", "entities"),
        _tile(f"{t.characters:,}", "characters"),
        _tile(f"{t.boilerplate_share:.0%}", "boilerplate"),
    ]
    head = (
        "<tr><th></th><th>document</th><th>outlet</th><th>date</th><th class=n>characters</th>"
        "<th class=n>sentences</th><th class=n>boilerplate</th><th class=n>entities</th><th class=n>claims</th></tr>"
    )
    shown = m.shown_docs
    rows = "".join(
        f"<tr><td>{doc_label(d)}</td>"
        f'<td><span class="lead">{text(d.lead) or "<i>(no article text)</i>"}</span><br><span class="sub">{text(d.name)}</span></td>'
        f"<td>{text(d.source) if d.source else '<span class=sub>unknown</span>'}</td>"
        f'<td class="date">{d.date.isoformat() if d.date else "<span class=sub>unknown</span>"}</td>'
        f"<td class=n>{d.sizes.characters:,}</td><td class=n>{d.sizes.sentences:,}</td>"
        f"<td class=n>{d.sizes.boilerplate_share:.1%}</td><td class=n>{d.mentions:,}</td><td class=n>{d.claims:,}</td></tr>"
        for d in shown
    )
    if len(m.docs) > len(shown):
        rows += (
            f'<tr><td></td><td colspan="8" class="sub">… and {len(m.docs) - len(shown):,} more '
            "documents, counted in the totals below</td></tr>"
        )
    foot = (
        f"<tr><td></td><td>{_plural(t.documents, 'document')}</td><td></td><td class='date'>{esc(m.date_range)}</td>"
        f"<td class=n>{t.characters:,}</td><td class=n>{t.sentences:,}</td><td class=n>{t.boilerplate_share:.1%}</td>"
        f"<td class=n>{sum(d.mentions for d in m.docs):,}</td><td class=n>{len(m.claims):,}</td></tr>"
    )
    return (
        '<section id="glance"><h2>At a glance</h2>'
        '<p class="lede">Boilerplate is what is not article text: metadata lines, photo captions and '
        "credits, bylines, site navigation. It is greyed out in the documents below and left out of "
        "claims.</p>"
        f'<div class="tiles">{"".join(tiles)}</div>'
        f'<div class="scroll"><table><thead>{head}</thead><tbody>{rows}</tbody><tfoot>{foot}</tfoot></table></div>'
        "</section>"
    )


def claims_sections(m: ReportModel) -> str:
    limits = m.limits
    drawn_conflicts = [c for c in m.conflicts if c.drawn]
    conflicts = "".join(conflict_card(c, limits) for c in drawn_conflicts) or (
        '<p class="lede">No conflicting claims found: no figures that disagree, no assertion denied elsewhere.</p>'
    )
    conflicts += _more(len(m.conflicts) - len(drawn_conflicts), "conflicts, less certain")
    conflict_of = m.conflict_of()
    drawn_groups = [g for g in m.corroborated if g.drawn]
    corroborated = "".join(group_card(g, conflict_of, limits) for g in drawn_groups) or (
        '<p class="lede">No claim is carried by more than one document.</p>'
    )
    corroborated += _more(
        len(m.corroborated) - len(drawn_groups), "groups, each carried by fewer documents"
    )
    n_single = sum(len(g.claims) for g in m.single)
    listed = [g for g in single_source_listing(m.single) if g.drawn]
    single = (
        claims_by_document(listed, m.docs, conflict_of)
        or '<p class="lede">Every claim is carried by more than one document.</p>'
    )
    single += _more(n_single - sum(len(g.claims) for g in listed), "single-source claims")
    return (
        f'<section id="conflicts"><h2>Conflicts<span class="count">{len(m.conflicts):,}</span></h2>'
        '<p class="lede">The same proposition with figures that cannot both be right, or asserted by one '
        "source and denied by another: check these first. Figures and speakers are highlighted; the "
        "reason lists what matched and, in bold, what clashed.</p>"
        f"{conflicts}</section>"
        f'<section id="corroborated"><h2>Corroborated<span class="count">{len(m.corroborated):,}</span></h2>'
        '<p class="lede">Claims that several documents carry, most widely reported first, '
        "each outlet's wording side by side.</p>"
        f"{corroborated}</section>"
        f'<section id="single"><h2>Single-source<span class="count">{n_single:,}</span></h2>'
        '<p class="lede">Claims only one document carries: nothing else in the corpus corroborates or '
        "contradicts them.</p>"
        f"{single}</section>"
    )


def _columns_note(m: ReportModel) -> str:
    return _more(len(m.docs) - len(m.columns), "documents have no column here")


def coverage(m: ReportModel) -> str:
    flagged = m.conflicted_groups()
    shown_groups = [g for g in m.corroborated if g.id in flagged]
    shown_groups += [g for g in m.single if g.id in flagged]
    shown_groups += [g for g in m.corroborated if g.id not in flagged]
    rows = [("conflict" if g.id in flagged else "agree", g) for g in shown_groups]
    shown = rows[: m.limits.matrix_rows]
    columns = m.columns
    head = "".join(f'<th class="doc">{doc_label(d)}</th>' for d in columns)
    body = []
    for kind, g in shown:
        counts = Counter(c.doc.index for c in g.claims)
        cells = "".join(
            f'<td class="cell on" title="{_plural(counts[d.index], "claim")} in {attr(d.label)}">'
            f"{'<span class=dot></span>' if counts[d.index] == 1 else counts[d.index]}</td>"
            if counts[d.index]
            else '<td class="cell"></td>'
            for d in columns
        )
        headline = g.headline if len(g.headline) <= 120 else g.headline[:119].rstrip() + "…"
        body.append(
            f'<tr class="{kind}"><td class="group">{_link(g.anchor, text(headline), g.drawn)}</td>{cells}'
            f'<td class="n">{len(g.docs)}</td></tr>'
        )
    single = Counter(g.docs[0].index for g in m.single if g.id not in flagged for _ in g.claims)
    body.append(
        '<tr class="summary"><td class="group"><a href="#single">other single-source claims</a></td>'
        + "".join(f'<td class="cell">{single[d.index] or ""}</td>' for d in columns)
        + f'<td class="n">{sum(single.values())}</td></tr>'
    )
    more = (
        f'<p class="sub">{len(rows) - len(shown):,} more groups are listed above but not in the matrix.</p>'
        if len(rows) > len(shown)
        else ""
    )
    return (
        '<section id="coverage"><h2>Coverage</h2>'
        '<p class="lede">Which document carries which claim group: conflicts first, then claims by how '
        "many documents carry them. A number counts claims when a document makes one more than once.</p>"
        f'<div class="scroll"><table class="matrix"><thead><tr><th>claim group</th>{head}<th class="n">docs</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>{more}{_columns_note(m)}</section>"
    )


def _heat(n: int, top: int) -> str:
    if n == 0:
        return '<td class="heat h0">·</td>'
    level = 1 if n * 3 <= top else 2 if n * 3 <= 2 * top else 3
    return f'<td class="heat h{level}">{n}</td>'


def entities(m: ReportModel) -> str:
    rows = m.entities[: m.limits.entity_rows]
    if not rows:
        return '<section id="entities"><h2>Entities</h2><p class="lede">No entities found.</p></section>'
    columns = m.columns
    top = max((n for r in rows for n in r.per_doc.values()), default=1)
    head = "".join(f'<th class="doc n">{doc_label(d)}</th>' for d in columns)
    body = "".join(
        f"<tr><td><b>{text(r.name)}</b> "
        f'<span class="aliases">{text(", ".join(a for a in r.aliases if a != r.name))}</span></td>'
        f'<td><span class="label {attr(r.label)}">{esc(r.label)}</span></td>'
        + "".join(_heat(r.per_doc.get(d.index, 0), top) for d in columns)
        + f'<td class="n">{r.mentions:,}</td><td class="n">{r.speaks or ""}</td></tr>'
        for r in rows
    )
    more = (
        f'<p class="sub">{len(m.entities) - len(rows):,} more entities, each named by fewer documents: '
        "see <code>corpus.entity_table()</code>.</p>"
        if len(m.entities) > len(rows)
        else ""
    )
    return (
        '<section id="entities"><h2>Who is named by whom'
        f'<span class="count">{len(m.entities):,} entities</span></h2>'
        '<p class="lede">Mentions of each entity per document, whatever the spelling (aliases in grey); '
        "named by the most documents first. <i>speaks</i> counts the claims attributed to it.</p>"
        f'<div class="scroll"><table><thead><tr><th>entity</th><th>label</th>{head}'
        f'<th class="n">mentions</th><th class="n">speaks</th></tr></thead><tbody>{body}</tbody></table></div>'
        f"{more}{_columns_note(m)}</section>"
    )


def _legend(labels: Iterable[str]) -> str:
    seen: dict[str, str] = {}
    for label in labels:
        style = PALETTE.get(label)
        seen.setdefault(style.legend if style else label.lower(), label)
    items = "".join(
        f'<span><span class="ent {attr(lab)}">{esc(name)}</span></span>'
        for name, lab in seen.items()
    )
    return (
        f'<div class="legend">{items}<span><span class="claimmark">underlined</span>: a claim (follow it to its group)</span>'
        '<span><span class="bpmark">grey</span>: boilerplate</span></div>'
    )


def documents(
    m: ReportModel, texts: Sequence[str], boilerplate: Sequence[Sequence[tuple[int, int, str]]]
) -> str:
    """The documents drawn in full; ``texts`` and ``boilerplate`` hold theirs, in order."""
    target_of: dict[str, tuple[GroupView | ConflictView, bool]] = {}
    for g in m.groups:
        for c in g.claims:
            target_of[c.id] = (g, False)
    for claim_id, card in m.conflict_of().items():
        target_of[claim_id] = (card, True)
    claims_of = m.claims_of()
    parts = []
    for d, body, spans in zip(m.shown_docs, texts, boilerplate):
        layers = [
            Layer(
                "boilerplate",
                [
                    Span(s, e, title=f"boilerplate: {kind}", attrs={"data-kind": kind})
                    for s, e, kind in spans
                ],
            ),
            Layer("claim", _claim_spans(claims_of.get(d.index, []), target_of), tag="a"),
            Layer(
                "entity",
                [
                    Span(s, e, title=title, attrs={"class": f"ent {label}"})
                    for s, e, label, title in m.mentions_by_doc.get(d.index, [])
                ],
            ),
        ]
        facts = [
            d.source or "outlet unknown",
            d.date.isoformat() if d.date else "date unknown",
            f"{d.sizes.characters:,} characters",
            f"{d.sizes.boilerplate_share:.0%} boilerplate",
            _plural(d.claims, "claim"),
            d.name,
        ]
        parts.append(
            f'<article class="doc" id="{d.anchor}"><header><h3>{doc_label(d, link=False)} {text(d.lead)}</h3>'
            f'<p class="facts">{" · ".join(text(f) for f in facts)} <a class="back" href="#top">↑ top</a></p></header>'
            f'<div class="text">{render_spans(body, layers)}</div></article>'
        )
    labels = {label for rows in m.mentions_by_doc.values() for _, _, label, _ in rows}
    return (
        '<section id="documents"><h2>Documents</h2>'
        '<p class="lede">Each article as read. Entities are highlighted (hover for the label and the '
        "cross-document id).</p>"
        f"{_legend(sorted(labels))}{''.join(parts)}"
        f"{_more(len(m.docs) - len(m.shown_docs), 'documents, summed up in the table at the top')}</section>"
    )


def _claim_spans(
    claims: list[ClaimView], target_of: dict[str, tuple[GroupView | ConflictView, bool]]
) -> list[Span]:
    spans = []
    for c in claims:
        if not c.in_text:
            continue
        target, conflicted = target_of[c.id]  # every claim has a group, if only of itself
        who = c.speaker or "the article"
        attrs = {"id": c.anchor, "class": "claim conflict" if conflicted else "claim"}
        if target.drawn:
            attrs = {"id": c.anchor, "href": f"#{target.anchor}", "class": attrs["class"]}
        spans.append(
            Span(
                c.start,
                c.end,
                title=f"claim by {who}"
                + (": in conflict with another claim" if conflicted else ""),
                attrs=attrs,
            )
        )
    return spans


def page(
    m: ReportModel, texts: Sequence[str], boilerplate: Sequence[Sequence[tuple[int, int, str]]]
) -> str:
    n_single = sum(len(g.claims) for g in m.single)
    links = [
        ("glance", "At a glance", ""),
        ("conflicts", "Conflicts", f"{len(m.conflicts):,}"),
        ("corroborated", "Corroborated", f"{len(m.corroborated):,}"),
        ("single", "Single-source", f"{n_single:,}"),
        ("coverage", "Coverage", ""),
        ("entities", "Entities", ""),
        ("documents", "Documents", f"{len(m.docs):,}"),
    ]
    nav = "".join(f'<a href="#{a}">{esc(t)}{f" <b>{n}</b>" if n else ""}</a>' for a, t, n in links)
    when = f" · {esc(m.date_range)}" if m.date_range else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f'<meta name="generator" content="crosswire {attr(m.version)}">'
        f"<title>{attr(m.title)}</title><style>{CSS}</style></head>"
        '<body id="top">'
        f'<header class="top"><div class="wrap"><h1>{esc(m.title)}</h1>'
        f'<p class="meta">{_plural(len(m.docs), "document")}{when} · generated {esc(m.generated)} by crosswire {esc(m.version)}</p>'
        "</div></header>"
        f'<nav><div class="wrap">{nav}</div></nav>'
        f'<main class="wrap">{glance(m)}{claims_sections(m)}{coverage(m)}{entities(m)}'
        f"{documents(m, texts, boilerplate)}</main>"
        '<footer><div class="wrap">Made with crosswire. Claims, entities and alignment are machine-made: '
        "check a claim against its document before you rely on it.</div></footer>"
        "</body></html>\n"
    )
