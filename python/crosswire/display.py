"""HTML for Jupyter: documents as text with span layers, corpora as a summary table.

Everything taken from an article goes through :mod:`crosswire.markup`, which escapes it and
defuses bidi controls. Styles are inline and use neutral colours (greys with transparency,
inherited text colour) so the output reads in light and dark themes, and there are no scripts.

Documents are drawn by :func:`~crosswire.markup.render_spans`, which lays any number of span
layers over the text by code-point offsets. Boilerplate is one layer (greyed); entities are
another, highlighted in displaCy's colours with the label after the text, as displaCy draws
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import summary
from .markup import PALETTE, Layer, Span, entity_title, escape, render_spans, text

if TYPE_CHECKING:
    from . import _core
    from .corpus import Corpus, Document

__all__ = [
    "boilerplate_layer",
    "entity_layer",
    "document_html",
    "corpus_html",
    "claims_html",
    "to_displacy",
]

_FONT = "font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
_MUTED = "opacity: 0.7"
_BOILERPLATE_STYLE = "opacity: 0.45; background: rgba(128, 128, 128, 0.14); border-radius: 2px"
# Pastel backgrounds need dark text whatever the notebook theme.
_ENTITY_STYLE = "color: #222; padding: 0.1em 0.35em; border-radius: 0.35em; line-height: 1.9"


def boilerplate_layer(doc: Document) -> Layer:
    """The document's boilerplate as a layer: greyed out, its kind on hover."""
    spans = [
        Span(
            b.start,
            b.end,
            title=f"boilerplate: {b.kind}",
            attrs={"data-kind": b.kind, "style": _BOILERPLATE_STYLE},
        )
        for b in doc.boilerplate
    ]
    return Layer("boilerplate", spans)


def _entity_title(e: _core.Entity) -> str:
    return entity_title(e.label, e.entity, e.value, e.unit, e.lower, e.upper, e.approximate, e.date)


def entity_layer(doc: Document) -> Layer:
    """The document's entities as a layer: ``<mark>`` in displaCy's colour for the label, the
    label after the text, the id (or value, or date) on hover."""
    spans = [
        Span(
            e.start,
            e.end,
            title=_entity_title(e),
            attrs={
                "data-label": e.label,
                "style": f"background: {PALETTE[e.label].color}; {_ENTITY_STYLE}",
            },
            label=e.label,
        )
        for e in doc.entities
    ]
    return Layer("entity", spans, tag="mark")


def to_displacy(doc: Document, style: str = "ent") -> dict[str, object]:
    """displaCy's ``manual=True`` input for one document.

    ``style="ent"``: ``{"text", "ents", "title"}``, each entity ``{"start", "end", "label"}``
    in character offsets into ``text``. ``style="dep"``: ``{"words", "arcs", "title"}``, each
    word ``{"text", "tag"}`` (the UPOS tag, as displaCy shows by default), each arc
    ``{"start", "end", "label", "dir"}`` with ``start < end`` as token indices and ``dir``
    ``"left"`` when the dependent is the left end.
    """
    if style == "ent":
        ents = [{"start": e.start, "end": e.end, "label": e.label} for e in doc.entities]
        return {"text": doc.text, "ents": ents, "title": doc.name}
    if style == "dep":
        return _displacy_dep(doc)
    raise ValueError(f"style must be 'ent' or 'dep', not {style!r}")


def _displacy_dep(doc: Document) -> dict[str, object]:
    syntax = doc._doc.syntax_columns()
    tokens = doc.tokens
    words = [{"text": tokens[i].text, "tag": pos} for i, pos in enumerate(syntax["pos"])]
    arcs = []
    for i, (head, dep) in enumerate(zip(syntax["head"], syntax["dep"])):
        if head != i:  # a root has no arc
            left, right = min(i, head), max(i, head)
            arcs.append(
                {"start": left, "end": right, "label": dep, "dir": "left" if i < head else "right"}
            )
    return {"words": words, "arcs": arcs, "title": doc.name}


def _header(doc: Document, row: summary.DocumentSummary) -> str:
    facts = [
        row.date.isoformat() if row.date else None,
        row.source,
        f"{row.characters:,} characters",
        f"{row.tokens:,} tokens",
        f"{row.sentences:,} sentences",
        f"{row.boilerplate_share:.1%} boilerplate",
    ]
    parts = [f'<strong style="opacity: 1">{text(doc.name)}</strong>']
    parts += [text(f) for f in facts if f]
    return (
        f'<div style="{_MUTED}; font-size: 0.85em; margin-bottom: 0.6em">{" · ".join(parts)}</div>'
    )


def document_html(doc: Document, layers: Iterable[Layer] | None = None) -> str:
    """The article with boilerplate greyed out and entities highlighted, under a one-line
    header of its metadata.

    ``layers`` are drawn inside the boilerplate layer; by default, the entity layer.
    """
    row = summary.document_summary(doc)
    extra = [entity_layer(doc)] if layers is None else list(layers)
    body = render_spans(doc.text, [boilerplate_layer(doc), *extra])
    return (
        f'<div class="crosswire-document" style="{_FONT}; max-width: 52em">'
        f"{_header(doc, row)}"
        f'<div style="white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.5">{body}</div>'
        "</div>"
    )


_CELL = "padding: 0.2em 0.8em; border-bottom: 1px solid rgba(128, 128, 128, 0.3)"
_NUM = f"{_CELL}; text-align: right; font-variant-numeric: tabular-nums"
_TEXT = f"{_CELL}; text-align: left"


def _row(cells: Sequence[tuple[str, bool]], tag: str = "td", style: str = "") -> str:
    tds = "".join(
        f'<{tag} style="{_NUM if numeric else _TEXT}">{c}</{tag}>' for c, numeric in cells
    )
    return f'<tr style="{style}">{tds}</tr>' if style else f"<tr>{tds}</tr>"


def _cells(name: str, date: str, source: str, s: summary.Sizes) -> list[tuple[str, bool]]:
    return [
        (name, False),
        (date, False),
        (source, False),
        (f"{s.characters:,}", True),
        (f"{s.tokens:,}", True),
        (f"{s.sentences:,}", True),
        (f"{s.boilerplate_share:.1%}", True),
    ]


def corpus_html(corpus: Corpus) -> str:
    """One row per document (date, source, sizes, boilerplate share) and a totals row."""
    rows = summary.corpus_summary(corpus)
    total = summary.totals(rows)
    head = _row(
        [
            (h, n)
            for h, n in [
                ("document", False),
                ("date", False),
                ("source", False),
                ("characters", True),
                ("tokens", True),
                ("sentences", True),
                ("boilerplate", True),
            ]
        ],
        tag="th",
    )
    body = "".join(
        _row(_cells(text(r.name), r.date.isoformat() if r.date else "", text(r.source or ""), r))
        for r in rows
    )
    foot = _row(
        _cells(f"{total.documents:,} documents", escape(summary.date_range(rows)), "", total),
        style="font-weight: 600",
    )
    return (
        f'<div class="crosswire-corpus" style="{_FONT}">'
        '<table style="border-collapse: collapse; font-size: 0.9em">'
        f"<thead>{head}</thead><tbody>{body}</tbody><tfoot>{foot}</tfoot></table>"
        f'<div style="{_MUTED}; font-size: 0.8em; margin-top: 0.4em">'
        "boilerplate: share of characters that are not article text "
        "(metadata, captions, credits, navigation, …)"
        "</div></div>"
    )


_FIGURE_STYLE = (
    "background: rgba(255, 196, 0, 0.35); font-weight: 600; border-radius: 2px; padding: 0 0.1em"
)
_TAG_STYLE = "font-size: 0.75em; padding: 0 0.35em; border-radius: 3px; border: 1px solid currentColor; white-space: nowrap"


def claims_html(doc: Document, claims: Sequence[Any]) -> str:
    """A document's claims as a table: who (with the reporting cue), the claim with its
    figures highlighted, and flags for denied and hedged claims."""
    rows = []
    for c in claims:
        spans = [
            Span(
                e.start - c.start,
                e.end - c.start,
                title=_entity_title(e),
                attrs={"style": _FIGURE_STYLE},
            )
            for e in c.figures
        ]
        claim = render_spans(c.text, [Layer("figure", spans, tag="span")])
        who = (
            f"<strong>{text(c.speaker)}</strong>"
            if c.speaker
            else '<em style="opacity: 0.7">the article</em>'
        )
        cue = f' <span style="{_MUTED}">{text(c.cue)}</span>' if c.cue else ""
        flags = []
        if c.polarity != "asserted":
            flags.append(f'<span style="{_TAG_STYLE}; color: #c4262e">{escape(c.polarity)}</span>')
        if c.hedged:
            flags.append(f'<span style="{_TAG_STYLE}; opacity: 0.7">hedged</span>')
        if c.quote in ("direct", "mixed"):
            flags.append(f'<span style="{_TAG_STYLE}; opacity: 0.7">{escape(c.quote)} quote</span>')
        rows.append(
            f'<tr style="vertical-align: top"><td style="{_TEXT}; width: 14em; min-width: 10em">{who}{cue}</td>'
            f'<td style="{_TEXT}; min-width: 24em; max-width: 48em; line-height: 1.45">{claim}</td>'
            f'<td style="{_TEXT}; white-space: nowrap">{" ".join(flags)}</td></tr>'
        )
    head = "".join(f'<th style="{_TEXT}">{h}</th>' for h in ("who", "claim", ""))
    return (
        f'<div class="crosswire-claims" style="{_FONT}">'
        f'<div style="{_MUTED}; font-size: 0.85em; margin-bottom: 0.4em">{len(claims):,} claims in '
        f"<strong>{text(doc.name)}</strong></div>"
        '<table style="border-collapse: collapse; font-size: 0.9em; max-width: 72em">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
