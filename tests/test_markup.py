"""The one HTML layer: escaping, bidi controls shown and never applied, right-to-left text
isolated, the label palette, entity hover titles."""

from __future__ import annotations

import math
from html.parser import HTMLParser

import pytest
from crosswire import _core, markup
from crosswire.markup import BIDI_CONTROLS, Layer, Span, attribute, escape, render_spans, text
from hypothesis import given, settings
from hypothesis import strategies as st

RLO, PDF, RLM = "\u202e", "\u202c", "\u200f"


class Visible(HTMLParser):
    """The text a reader sees, with each bidi marker read back as the control it stands for,
    and the attribute values."""

    def __init__(self, markup_: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.markers: list[str] = []
        self.attributes: list[str] = []
        self._in_marker = 0
        self.feed(markup_)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attributes += [v for v in attrs.values() if v is not None]
        if attrs.get("data-role") == "bidi":
            code = int(attrs["title"].split()[0][2:], 16)
            self.text += chr(code)
            self.markers.append(chr(code))
            self._in_marker += 1

    def handle_endtag(self, tag):
        if self._in_marker and tag == "span":
            self._in_marker -= 1

    def handle_data(self, data):
        if not self._in_marker:
            self.text += data


def test_escape_defuses_markup_and_controls():
    out = escape('<a href="x">&\x00\x07 it\'s')
    assert out == "&lt;a href=&quot;x&quot;&gt;&amp;\ufffd\ufffd it&#x27;s"
    assert escape('"q"', quote=False) == '"q"'
    assert attribute('"><script>') == "&quot;&gt;&lt;script&gt;"


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS))
def test_every_bidi_control_is_shown_and_not_applied(control):
    ch = chr(control)
    out = escape(f"said {ch}Kyiv{ch} 32")
    assert ch not in out
    seen = Visible(out)
    assert seen.markers == [ch, ch] and seen.text == f"said {ch}Kyiv{ch} 32"
    assert BIDI_CONTROLS[control] in out  # its abbreviation, readable on the page
    in_attribute = attribute(f"claim by {ch}Kyiv")
    assert ch not in in_attribute and f"[{BIDI_CONTROLS[control]}]" in in_attribute


def test_right_to_left_text_is_isolated_and_left_to_right_is_not():
    assert text("محمد") == "<bdi>محمد</bdi>"
    assert text("שלום & <b>") == "<bdi>שלום &amp; &lt;b&gt;</bdi>"
    assert text("Zelensky & Kuleba") == "Zelensky &amp; Kuleba"
    assert text(f"{RLO}Kyiv") == escape(f"{RLO}Kyiv")  # the control is shown, not isolated


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            ["a", " ", "<", "&", '"', "\n", "\x00", "\x1b", "ب", "ש", "3", *map(chr, BIDI_CONTROLS)]
        ),
        max_size=30,
    ),
    st.lists(st.integers(0, 30), max_size=6, unique=True),
)
def test_no_control_reaches_the_page_and_the_text_reads_back(s, cuts):
    cuts = sorted(c for c in cuts if c <= len(s))
    spans = [Span(a, b, title=s[a:b]) for a, b in zip(cuts[::2], cuts[1::2])]
    rendered = render_spans(s, [Layer("l", spans)])
    forbidden = {*map(chr, BIDI_CONTROLS), "\x00", "\x1b"}
    assert not forbidden & set(rendered)
    seen = Visible(rendered)
    assert seen.text == s.replace("\x00", "\ufffd").replace("\x1b", "\ufffd")
    assert not forbidden & set("".join(seen.attributes))


def test_the_palette_covers_exactly_the_core_labels():
    assert list(markup.PALETTE) == list(_core.LABELS)
    # Every label has its own entry, none the fallback for a label the table does not know.
    assert set(markup._STYLES) == set(_core.LABELS)
    assert {markup.PALETTE[label].legend for label in ("GPE", "LOC", "FAC")} == {"places"}


@pytest.mark.parametrize(
    "args, title",
    [
        (("CARDINAL", math.nan, 32.0), "CARDINAL · 32"),
        (
            ("CARDINAL", None, 20000.0, None, 20000.0, None, True),
            "CARDINAL · about 20,000 (bounds 20,000..)",
        ),
        (("QUANTITY", None, 300.5, "km"), "QUANTITY · 300.5 km"),
        (("MONEY", None, 1600.0, "EUR", None, None, None), "MONEY · 1,600 EUR"),
        (("GPE", "GPE:kherson"), "GPE · GPE:kherson"),
        (
            ("DATE", "DATE:2022-11-07", None, None, None, None, None, "2022-11-07"),
            "DATE · DATE:2022-11-07",
        ),
        (
            ("DATE", math.nan, math.nan, math.nan, math.nan, math.nan, None, math.nan),
            "DATE · no calendar value",
        ),
        (("EVENT",), "EVENT"),
    ],
)
def test_entity_titles_say_what_is_known_and_never_nan(args, title):
    assert markup.entity_title(*args) == title
