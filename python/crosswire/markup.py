"""The one HTML layer: escaping, bidi isolation, span layers and the label palette, shared by
the notebook reprs (display.py, alignment.py) and the report (reporting/).

Article text is hostile until escaped. :func:`escape` (element text) and :func:`attribute`
(attribute values) are the only ways it reaches markup: HTML syntax is escaped, C0 controls
(which HTML does not allow) become U+FFFD, and the Unicode bidi formatting characters (LRE,
RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM) are shown as small visible markers
instead of being applied, so an article cannot reverse or reorder the text, labels and figures
around it (an RLO before a speaker's name) without the reader seeing it. :func:`text` also
isolates a piece of article text that holds right-to-left letters in ``<bdi>``, so an Arabic
or Hebrew name cannot pull the punctuation and figures next to it into its run.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import _core

__all__ = [
    "escape",
    "attribute",
    "text",
    "Span",
    "Layer",
    "render_spans",
    "LabelStyle",
    "PALETTE",
    "entity_title",
]

# -- escaping ---------------------------------------------------------------------------------

# C0 controls (but tab, newline, carriage return) and DEL are not allowed in HTML text.
_CONTROLS = {c: "\ufffd" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}
BIDI_CONTROLS = {
    0x202A: "LRE",
    0x202B: "RLE",
    0x202C: "PDF",
    0x202D: "LRO",
    0x202E: "RLO",
    0x2066: "LRI",
    0x2067: "RLI",
    0x2068: "FSI",
    0x2069: "PDI",
    0x200E: "LRM",
    0x200F: "RLM",
    0x061C: "ALM",
}
# Inline styles, so the marker reads the same in a notebook and in the report.
_MARKER_STYLE = (
    "font: 600 0.7em/1 ui-monospace, monospace; border: 1px dashed currentColor; "
    "border-radius: 3px; padding: 0 0.2em; margin: 0 0.1em; opacity: 0.8"
)


def _marker(code: int, abbreviation: str) -> str:
    title = f"U+{code:04X} {unicodedata.name(chr(code))}: a hidden bidi control, shown, not applied"
    return f'<span data-role="bidi" title="{title}" style="{_MARKER_STYLE}">{abbreviation}</span>'


_IN_TEXT = {**_CONTROLS, **{c: _marker(c, a) for c, a in BIDI_CONTROLS.items()}}
_IN_ATTRIBUTE = {**_CONTROLS, **{c: f"[{a}]" for c, a in BIDI_CONTROLS.items()}}
# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms, and the
# supplementary right-to-left blocks: where a right-to-left letter can come from.
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def escape(value: object, *, quote: bool = True) -> str:
    """``value`` as element text: HTML escaped (quotes too unless ``quote=False``), controls
    replaced, bidi controls shown as markers."""
    return html.escape(str(value), quote=quote).translate(_IN_TEXT)


def attribute(value: object) -> str:
    """``value`` as an attribute value (to go between double quotes): bidi controls as
    ``[RLO]`` and the like, since an attribute cannot hold a marker element."""
    return html.escape(str(value), quote=True).translate(_IN_ATTRIBUTE)


def text(value: object) -> str:
    """A piece of article text shown inline beside other words (a speaker, a name, a lead):
    escaped, and isolated in ``<bdi>`` when it holds right-to-left letters."""
    s = str(value)
    out = escape(s)
    return f"<bdi>{out}</bdi>" if _RIGHT_TO_LEFT.search(s) else out


# -- span layers ------------------------------------------------------------------------------

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
    rendered = "".join(f' {k}="{attribute(v)}"' for k, v in attrs.items())
    return f"<{layer.tag}{rendered}>"


def _close_tag(layer: Layer, span: Span, at: int) -> str:
    """Closes an element at ``at``; a span's label goes in just before its last piece closes."""
    label = ""
    if span.label is not None and at == span.end:
        label = (
            f'<span data-role="label" style="{attribute(layer.label_style)}">'
            f"{escape(span.label, quote=False)}</span>"
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
        out.append(escape(text[lo:hi], quote=False))
    out.extend(_close_tag(layer, span, len(text)) for layer, span in reversed(opened))
    return "".join(out)


# -- labels -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelStyle:
    """How an entity label is drawn: ``color``, displaCy's colour for it (the notebook
    highlight); ``legend``, what the report's legend calls its mentions. The report's
    stylesheet colours the label classes (``.ent.PERSON``) by kind of thing."""

    color: str
    legend: str


# displaCy's default entity colours (spaCy, displacy/render.py), so highlights read as spaCy
# users expect; the legend groups places (GPE, LOC, FAC) as a reader does.
_STYLES = {
    "PERSON": LabelStyle("#aa9cfc", "people"),
    "NORP": LabelStyle("#c887fb", "groups & nationalities"),
    "ORG": LabelStyle("#7aecec", "organisations"),
    "GPE": LabelStyle("#feca74", "places"),
    "LOC": LabelStyle("#ff9561", "places"),
    "FAC": LabelStyle("#9cc9cc", "places"),
    "DATE": LabelStyle("#bfe1d9", "dates"),
    "TIME": LabelStyle("#bfe1d9", "time"),
    "CARDINAL": LabelStyle("#e4e7d2", "figures"),
    "ORDINAL": LabelStyle("#e4e7d2", "ordinal"),
    "QUANTITY": LabelStyle("#e4e7d2", "quantity"),
    "MONEY": LabelStyle("#e4e7d2", "money"),
    "PERCENT": LabelStyle("#e4e7d2", "percent"),
    "EVENT": LabelStyle("#ffeb80", "event"),
    "PRODUCT": LabelStyle("#bfeeb7", "product"),
}
# displaCy's fallback grey, for a label the core gains before this table does.
_FALLBACK = "#ddd"
PALETTE: dict[str, LabelStyle] = {
    label: _STYLES.get(label, LabelStyle(_FALLBACK, label.lower())) for label in _core.LABELS
}


def _number(x: float) -> str:
    x = float(x)
    if x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}"


def _given(x: Any) -> Any:
    """``x``, or None for the tables' missing values (None, NaN)."""
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def entity_title(
    label: str,
    entity: str | None = None,
    value: float | None = None,
    unit: str | None = None,
    lower: float | None = None,
    upper: float | None = None,
    approximate: bool | None = None,
    date: str | None = None,
) -> str:
    """What hovering over an entity mention tells: its label, then a figure's value (unit,
    bounds), else the cross-document id, else for a date that it has no calendar value.
    Missing values may be None or NaN, as in the tables; ``approximate`` is a bool or None."""
    parts = [label]
    value, lower, upper = _given(value), _given(lower), _given(upper)
    if value is not None:
        figure = _number(value) + (f" {unit}" if _given(unit) else "")
        if lower is not None or upper is not None:
            low = "" if lower is None else _number(lower)
            high = "" if upper is None else _number(upper)
            figure += f" (bounds {low}..{high})"
        parts.append(("about " if approximate else "") + figure)
    elif _given(entity):
        parts.append(str(entity))
    elif label in _core.TIME_LABELS:
        parts.append(str(date) if _given(date) else "no calendar value")
    return " · ".join(parts)
