"""HTML for Jupyter: documents as text with span layers, corpora as a summary table.

Everything taken from an article is escaped. Styles are inline and use neutral colours (greys
with transparency, inherited text colour) so the output reads in light and dark themes, and
there are no scripts.

Documents are drawn by :func:`render_spans`, which lays any number of span layers over the text
by code-point offsets. Boilerplate is one layer (greyed); entities are another, highlighted in
displaCy's colours with the label after the text, as displaCy draws them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import summary

if TYPE_CHECKING:
    from . import _core
    from .corpus import Corpus, Document

__all__ = [
    "Span",
    "Layer",
    "render_spans",
    "boilerplate_layer",
    "entity_layer",
    "document_html",
    "corpus_html",
    "to_displacy",
    "LABEL_COLORS",
]

_FONT = "font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
_MUTED = "opacity: 0.7"
_BOILERPLATE_STYLE = "opacity: 0.45; background: rgba(128, 128, 128, 0.14); border-radius: 2px"

# displaCy's default entity colours (spaCy, displacy/render.py), so highlights read as spaCy
# users expect; labels it has no colour for get its fallback grey.
LABEL_COLORS: dict[str, str] = {
    "ORG": "#7aecec",
    "PRODUCT": "#bfeeb7",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "PERSON": "#aa9cfc",
    "NORP": "#c887fb",
    "FAC": "#9cc9cc",
    "EVENT": "#ffeb80",
    "LAW": "#ff8197",
    "LANGUAGE": "#ff8197",
    "WORK_OF_ART": "#f0d0ff",
    "DATE": "#bfe1d9",
    "TIME": "#bfe1d9",
    "MONEY": "#e4e7d2",
    "QUANTITY": "#e4e7d2",
    "ORDINAL": "#e4e7d2",
    "CARDINAL": "#e4e7d2",
    "PERCENT": "#e4e7d2",
}
_DEFAULT_COLOR = "#ddd"
# Pastel backgrounds need dark text whatever the notebook theme.
_ENTITY_STYLE = "color: #222; padding: 0.1em 0.35em; border-radius: 0.35em; line-height: 1.9"
_LABEL_STYLE = (
    "font-size: 0.7em; font-weight: bold; margin-left: 0.4em; vertical-align: middle; "
    "user-select: none"
)


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` (code points, end exclusive), drawn as one element.

    ``title`` shows on hover; ``attrs`` are further attributes (``style``, ``data-*``);
    ``label`` is a tag drawn after the span's text, inside its element (displaCy's entity
    labels), in an element marked ``data-role="label"`` so readers can tell it from the text.
    All values are escaped when rendered.
    """

    start: int
    end: int
    title: str | None = None
    attrs: Mapping[str, str] = field(default_factory=dict)
    label: str | None = None


@dataclass(frozen=True)
class Layer:
    """Non-overlapping spans drawn with one tag. Earlier layers in a list nest outside later
    ones; where a later layer's span crosses an earlier layer's edge it is drawn in pieces."""

    name: str
    spans: Sequence[Span]
    tag: str = "span"
    label_style: str = _LABEL_STYLE

    def checked(self, length: int) -> list[Span]:
        """The spans sorted, empty ones dropped; raises if two overlap or one leaves the text."""
        spans = sorted((s for s in self.spans if s.start < s.end), key=lambda s: s.start)
        for s in spans:
            if s.start < 0 or s.end > length:
                raise ValueError(
                    f"layer {self.name!r}: span {s.start}..{s.end} is outside a text of {length}"
                )
        for a, b in zip(spans, spans[1:]):
            if b.start < a.end:
                raise ValueError(
                    f"layer {self.name!r}: spans {a.start}..{a.end} and {b.start}..{b.end} overlap"
                )
        return spans


def _open_tag(layer: Layer, span: Span) -> str:
    attrs = {"data-layer": layer.name, **span.attrs}
    if span.title is not None:
        attrs["title"] = span.title
    rendered = "".join(f' {k}="{html.escape(str(v), quote=True)}"' for k, v in attrs.items())
    return f"<{layer.tag}{rendered}>"


def _close_tag(layer: Layer, span: Span, at: int) -> str:
    """Closes an element at ``at``; a span's label goes in just before its last piece closes."""
    label = ""
    if span.label is not None and at == span.end:
        label = (
            f'<span data-role="label" style="{html.escape(layer.label_style, quote=True)}">'
            f"{html.escape(span.label, quote=False)}</span>"
        )
    return f"{label}</{layer.tag}>"


def render_spans(text: str, layers: Sequence[Layer]) -> str:
    """``text`` as escaped HTML with every layer's spans wrapped in elements, properly nested.

    The text is cut at every span edge of every layer; each piece is wrapped in the spans that
    cover it, outermost layer first. An element stays open across pieces as long as its span
    does and everything outside it is unchanged, so a span is split only where it must be.
    """
    checked = [layer.checked(len(text)) for layer in layers]
    cuts = sorted(
        {0, len(text)} | {x for spans in checked for s in spans for x in (s.start, s.end)}
    )
    cursors = [0] * len(layers)
    opened: list[tuple[Layer, Span]] = []  # open elements, outermost first, one per layer at most
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:]):
        covering: list[tuple[Layer, Span]] = []  # per layer, the span over lo..hi, if any
        for k, spans in enumerate(checked):
            while cursors[k] < len(spans) and spans[cursors[k]].end <= lo:
                cursors[k] += 1
            if cursors[k] < len(spans) and spans[cursors[k]].start <= lo:
                covering.append((layers[k], spans[cursors[k]]))
        keep = 0
        while keep < min(len(opened), len(covering)) and all(
            a is b for a, b in zip(opened[keep], covering[keep])
        ):
            keep += 1
        out.extend(_close_tag(layer, span, lo) for layer, span in reversed(opened[keep:]))
        out.extend(_open_tag(layer, span) for layer, span in covering[keep:])
        opened = covering
        out.append(html.escape(text[lo:hi], quote=False))
    out.extend(_close_tag(layer, span, len(text)) for layer, span in reversed(opened))
    return "".join(out)


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


def _number(x: float) -> str:
    return f"{x:,g}"


def _entity_title(e: _core.Entity) -> str:
    """What hovering over an entity tells: label, then its id, figure or date."""
    parts = [e.label]
    if e.value is not None:
        figure = _number(e.value) + (f" {e.unit}" if e.unit else "")
        if e.lower is not None or e.upper is not None:
            low = "" if e.lower is None else _number(e.lower)
            high = "" if e.upper is None else _number(e.upper)
            figure += f" (bounds {low}..{high})"
        parts.append(("about " if e.approximate else "") + figure)
    elif e.label in ("DATE", "TIME"):
        parts.append(e.date or "no calendar value")
    elif e.entity is not None:
        parts.append(e.entity)
    return " · ".join(parts)


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
                "style": f"background: {LABEL_COLORS.get(e.label, _DEFAULT_COLOR)}; {_ENTITY_STYLE}",
            },
            label=e.label,
        )
        for e in doc.entities
    ]
    return Layer("entity", spans, tag="mark")


def to_displacy(doc: Document) -> dict[str, object]:
    """displaCy's ``manual=True`` input for one document: ``{"text", "ents", "title"}``, each
    entity ``{"start", "end", "label"}`` in character offsets into ``text``."""
    ents = [{"start": e.start, "end": e.end, "label": e.label} for e in doc.entities]
    return {"text": doc.text, "ents": ents, "title": doc.name}


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _header(doc: Document, row: summary.DocumentSummary) -> str:
    facts = [
        row.date.isoformat() if row.date else None,
        row.source,
        f"{row.characters:,} characters",
        f"{row.tokens:,} tokens",
        f"{row.sentences:,} sentences",
        f"{row.boilerplate_share:.1%} boilerplate",
    ]
    parts = [f'<strong style="opacity: 1">{_esc(doc.name)}</strong>']
    parts += [_esc(f) for f in facts if f]
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
        _row(_cells(_esc(r.name), r.date.isoformat() if r.date else "", _esc(r.source or ""), r))
        for r in rows
    )
    foot = _row(
        _cells(f"{total.documents:,} documents", _esc(summary.date_range(rows)), "", total),
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
        text = render_spans(c.text, [Layer("figure", spans, tag="span")])
        who = (
            f"<strong>{_esc(c.speaker)}</strong>"
            if c.speaker
            else '<em style="opacity: 0.7">the article</em>'
        )
        cue = f' <span style="{_MUTED}">{_esc(c.cue)}</span>' if c.cue else ""
        flags = []
        if c.polarity != "asserted":
            flags.append(f'<span style="{_TAG_STYLE}; color: #c4262e">{_esc(c.polarity)}</span>')
        if c.hedged:
            flags.append(f'<span style="{_TAG_STYLE}; opacity: 0.7">hedged</span>')
        if c.quote in ("direct", "mixed"):
            flags.append(f'<span style="{_TAG_STYLE}; opacity: 0.7">{_esc(c.quote)} quote</span>')
        rows.append(
            f'<tr style="vertical-align: top"><td style="{_TEXT}; width: 14em; min-width: 10em">{who}{cue}</td>'
            f'<td style="{_TEXT}; min-width: 24em; max-width: 48em; line-height: 1.45">{text}</td>'
            f'<td style="{_TEXT}; white-space: nowrap">{" ".join(flags)}</td></tr>'
        )
    head = "".join(f'<th style="{_TEXT}">{h}</th>' for h in ("who", "claim", ""))
    return (
        f'<div class="crosswire-claims" style="{_FONT}">'
        f'<div style="{_MUTED}; font-size: 0.85em; margin-bottom: 0.4em">{len(claims):,} claims in '
        f"<strong>{_esc(doc.name)}</strong></div>"
        '<table style="border-collapse: collapse; font-size: 0.9em; max-width: 72em">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
