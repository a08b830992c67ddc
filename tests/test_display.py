"""HTML for Jupyter: escaping, span layers, the boilerplate layer, the corpus summary."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import crosswire as cw
import pytest
from crosswire.markup import Layer, Span, render_spans
from hypothesis import given, settings
from hypothesis import strategies as st

HOSTILE = (
    'Breaking: <script>alert("x")</script> and <img src=x onerror="alert(1)"> '
    "&amp; <b>bold</b> — Stremoúsov’s 💥 <!-- comment --> ]]> 'single' \"double\"\n\n"
    'second paragraph <style>body{display:none}</style> <a href="javascript:alert(2)">link</a>'
)


class Parsed(HTMLParser):
    """The text of an HTML fragment, and for each character the stack of elements around it.
    Entity labels drawn after a span's text (``data-role="label"``) are not article text: they
    are collected in ``labels`` instead."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""
        self.context: list[tuple[tuple[str, dict[str, str | None]], ...]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.labels: list[str] = []
        self.feed(markup)
        self.close()
        assert not self.stack, f"unclosed elements: {self.stack}"

    def handle_starttag(self, tag, attrs):
        element = (tag, dict(attrs))
        self.tags.append(element)
        self.stack.append(element)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if any(attrs.get("data-role") == "label" for _, attrs in self.stack):
            self.labels.append(data)
            return
        self.text += data
        self.context.extend([tuple(self.stack)] * len(data))

    def handle_comment(self, data):
        raise AssertionError(f"a comment became markup: {data!r}")


def runs(parsed: Parsed, layer: str) -> list[tuple[int, int, dict]]:
    """Maximal runs of characters inside the same element of ``layer``: (start, end, attrs)."""
    out: list[tuple[int, int, dict]] = []
    current = None
    for i, stack in enumerate(parsed.context):
        element = next((e for e in stack if e[1].get("data-layer") == layer), None)
        if element is not None and element is current:
            out[-1] = (out[-1][0], i + 1, element[1])
        elif element is not None:
            out.append((i, i + 1, element[1]))
        current = element
    return out


# -- the span renderer ----------------------------------------------------------------------


def test_render_escapes_text_and_attributes():
    markup = render_spans(
        HOSTILE, [Layer("x", [Span(0, 10, title='"><script>t</script>', attrs={"data-k": "<&>"})])]
    )
    parsed = Parsed(markup)
    assert parsed.text == HOSTILE
    assert [t for t, _ in parsed.tags] == ["span"]
    assert parsed.tags[0][1] == {
        "data-layer": "x",
        "data-k": "<&>",
        "title": '"><script>t</script>',
    }
    assert "<script" not in markup and "<img" not in markup and "<!--" not in markup


def test_nested_layers_split_inner_spans_at_outer_edges():
    text = "0123456789"
    outer = Layer("outer", [Span(2, 6, attrs={"data-id": "A"})])
    inner = Layer("inner", [Span(0, 3, attrs={"data-id": "x"}), Span(4, 8, attrs={"data-id": "y"})])
    parsed = Parsed(render_spans(text, [outer, inner]))
    assert parsed.text == text
    assert [(a, b, at["data-id"]) for a, b, at in runs(parsed, "outer")] == [(2, 6, "A")]
    # The inner span x is cut in two where the outer span starts; both pieces carry its attributes.
    inner_runs = [(a, b, at["data-id"]) for a, b, at in runs(parsed, "inner")]
    assert inner_runs == [(0, 2, "x"), (2, 3, "x"), (4, 6, "y"), (6, 8, "y")]
    for i, stack in enumerate(parsed.context):
        layers = [e[1]["data-layer"] for e in stack]
        assert layers == sorted(layers, key=["outer", "inner"].index), f"at {i}: {layers}"


def test_adjacent_spans_stay_separate_elements():
    parsed = Parsed(render_spans("aabb", [Layer("l", [Span(0, 2, "first"), Span(2, 4, "second")])]))
    assert [(a, b, at["title"]) for a, b, at in runs(parsed, "l")] == [
        (0, 2, "first"),
        (2, 4, "second"),
    ]


def test_overlapping_spans_in_one_layer_are_refused():
    with pytest.raises(ValueError, match="overlap"):
        render_spans("abcdef", [Layer("l", [Span(0, 3), Span(2, 5)])])


def test_spans_outside_the_text_are_refused():
    with pytest.raises(ValueError, match="outside"):
        render_spans("abc", [Layer("l", [Span(1, 4)])])


def test_empty_spans_and_empty_text():
    assert render_spans("", []) == ""
    assert render_spans("a<b", [Layer("l", [Span(1, 1)])]) == "a&lt;b"


@st.composite
def layered_text(draw):
    text = draw(st.text(alphabet="ab <>&\"'\n—💥é", max_size=40))
    layers = []
    for k in range(draw(st.integers(0, 3))):
        cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
        pairs = list(zip(cuts[::2], cuts[1::2]))
        spans = [Span(a, b, attrs={"data-id": f"{k}:{a}"}) for a, b in pairs if draw(st.booleans())]
        layers.append(Layer(f"L{k}", spans))
    return text, layers


@settings(max_examples=300, deadline=None)
@given(layered_text())
def test_every_character_sits_in_exactly_the_spans_that_cover_it(case):
    text, layers = case
    parsed = Parsed(render_spans(text, layers))
    assert parsed.text == text
    order = [layer.name for layer in layers]
    for i, stack in enumerate(parsed.context):
        expected = [
            (layer.name, f"{layer.name[1:]}:{s.start}")
            for layer in layers
            for s in layer.spans
            if s.start <= i < s.end and s.start < s.end
        ]
        got = [(e[1]["data-layer"], e[1]["data-id"]) for e in stack]
        assert got == sorted(expected, key=lambda p: order.index(p[0])), (
            f"character {i} of {text!r}"
        )


# -- documents ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    return cw.datasets.kherson_2022()


@pytest.fixture(scope="module")
def hostile():
    return cw.Corpus.from_texts(
        [" date 2022-11-08 " + HOSTILE, "", "<script>x</script>"],
        names=['<img src=x onerror="alert(3)">', "empty", "n&m"],
        dates=[None, dt.date(2022, 11, 9), None],
        sources=["<b onmouseover=alert(4)>Reuters</b>", None, None],
    )


def test_document_html_has_no_markup_from_the_article(hostile):
    for doc in hostile:
        markup = doc._repr_html_()
        parsed = Parsed(markup)
        assert {t for t, _ in parsed.tags} <= {"div", "span", "strong", "mark"}
        for tag, attrs in parsed.tags:
            assert set(attrs) <= {
                "class",
                "style",
                "title",
                "data-layer",
                "data-kind",
                "data-label",
                "data-role",
            }, (tag, attrs)
        assert "<script" not in markup.lower() and "<img" not in markup.lower()
        # The article text survives intact, and comes after the header line.
        assert parsed.text.endswith(doc.text)


def test_document_header_shows_name_date_source_and_sizes(hostile):
    doc = hostile[0]
    parsed = Parsed(doc._repr_html_())
    header = parsed.text[: len(parsed.text) - len(doc.text)]
    assert doc.name in header
    assert "2022-11-08" in header  # from the metadata line
    assert "<b onmouseover=alert(4)>Reuters</b>" in header
    assert f"{len(doc.text):,} characters" in header
    assert f"{len(doc.tokens):,} tokens" in header
    assert "2022-11-09" in Parsed(hostile["empty"]._repr_html_()).text


def test_greyed_spans_wrap_exactly_the_boilerplate(sample, hostile):
    for doc in [*sample, *hostile]:
        parsed = Parsed(doc._repr_html_())
        offset = len(parsed.text) - len(doc.text)  # the header comes first
        greyed = [(a - offset, b - offset, attrs) for a, b, attrs in runs(parsed, "boilerplate")]
        expected = sorted(doc.boilerplate, key=lambda b: b.start)
        assert [(a, b) for a, b, _ in greyed] == [(b.start, b.end) for b in expected], doc.name
        for (a, b, attrs), span in zip(greyed, expected):
            assert doc.text[a:b] == span.text
            assert attrs["data-kind"] == span.kind
            assert span.kind in attrs["title"]
            assert "opacity" in attrs["style"]


def test_metadata_line_is_greyed(sample):
    doc = sample[0]
    parsed = Parsed(doc._repr_html_())
    offset = len(parsed.text) - len(doc.text)
    greyed = [parsed.text[a:b] for a, b, _ in runs(parsed, "boilerplate")]
    assert doc.text.startswith(" date 2022-11-08")
    assert any(g.startswith("date 2022-11-08") for g in greyed)
    assert offset > 0


def test_paragraphs_are_preserved(sample):
    doc = sample[1]
    markup = doc._repr_html_()
    assert "white-space: pre-wrap" in markup
    assert "\n\n" in Parsed(markup).text and Parsed(markup).text.endswith(doc.text)


# -- the corpus summary ---------------------------------------------------------------------


class Table(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def _count(text: str) -> int:
    return int(text.replace(",", ""))


def test_corpus_summary_numbers(sample):
    rows = Table(sample._repr_html_()).rows
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header == [
        "document",
        "date",
        "source",
        "characters",
        "tokens",
        "sentences",
        "boilerplate",
    ]
    assert [r[0] for r in body] == sample.names
    tokens = sample.tokens().groupby("doc", observed=False).size()
    sentences = sample.sentences().groupby("doc", observed=False).size()
    bp = sample.boilerplate()
    bp_chars = (bp["end"] - bp["start"]).groupby(bp["doc"], observed=False).sum()
    for row, doc in zip(body, sample):
        assert row[1] == (doc.date.isoformat() if doc.date else "")
        assert _count(row[3]) == len(doc.text)
        assert _count(row[4]) == tokens[doc.name]
        assert _count(row[5]) == sentences[doc.name]
        assert row[6] == f"{bp_chars[doc.name] / len(doc.text):.1%}"
    assert total[0] == f"{len(sample)} documents"
    assert _count(total[3]) == sum(len(d.text) for d in sample)
    assert _count(total[4]) == len(sample.tokens())
    assert _count(total[5]) == len(sample.sentences())
    assert total[6] == f"{bp_chars.sum() / sum(len(d.text) for d in sample):.1%}"


def test_corpus_summary_escapes_names_and_sources(hostile):
    markup = hostile._repr_html_()
    rows = Table(markup).rows
    assert rows[1][0] == '<img src=x onerror="alert(3)">'
    assert rows[1][2] == "<b onmouseover=alert(4)>Reuters</b>"
    assert "<img" not in markup and "<b " not in markup
    # An empty document counts zero everywhere, with no division by zero.
    empty = rows[2]
    assert empty[0] == "empty" and empty[3:] == ["0", "0", "0", "0.0%"]
    assert rows[-1][1] == "2022-11-08 – 2022-11-09"


# -- entities --------------------------------------------------------------------------------


def test_entities_are_marked_in_displacy_colours_with_their_labels(sample):
    from crosswire.markup import PALETTE

    for doc in sample:
        parsed = Parsed(doc._repr_html_())
        offset = len(parsed.text) - len(doc.text)
        marked = [(a - offset, b - offset, attrs) for a, b, attrs in runs(parsed, "entity")]
        assert [(a, b) for a, b, _ in marked] == [(e.start, e.end) for e in doc.entities], doc.name
        assert parsed.labels == [e.label for e in doc.entities]
        for (_, _, attrs), e in zip(marked, doc.entities):
            assert attrs["data-label"] == e.label
            assert PALETTE[e.label].color in attrs["style"]
            assert attrs["title"].startswith(e.label)
    assert PALETTE["GPE"].color == "#feca74" and PALETTE["PERSON"].color == "#aa9cfc"


def test_entity_markup_escapes_the_article():
    text = 'President Zelensky <b>said</b> & "Kyiv" <script>alert(1)</script> fell in Kherson on Monday.'
    doc = cw.Corpus.from_texts([text], names=["<i>x</i>"], dates=["2022-11-08"])[0]
    assert {e.text for e in doc.entities} >= {"Zelensky", "Kyiv", "Kherson", "Monday"}
    markup = doc._repr_html_()
    parsed = Parsed(markup)
    assert "<script" not in markup and "<b>" not in markup and "<i>" not in markup
    assert parsed.text.endswith(text)
    monday = next(attrs for a, b, attrs in runs(parsed, "entity") if attrs["data-label"] == "DATE")
    assert "2022-11-07" in monday["title"]


def test_entity_labels_survive_split_spans():
    # A label is drawn once, after the last piece of a span that an outer layer cut in two.
    layers = [Layer("outer", [Span(0, 4)]), Layer("inner", [Span(2, 6, label="X<")])]
    parsed = Parsed(render_spans("abcdefgh", layers))
    assert parsed.text == "abcdefgh" and parsed.labels == ["X<"]


def test_to_displacy_is_displacys_manual_format(sample):
    for doc in sample:
        data = doc.to_displacy()
        assert set(data) == {"text", "ents", "title"}
        assert data["text"] == doc.text and data["title"] == doc.name
        assert data["ents"] == [
            {"start": e.start, "end": e.end, "label": e.label} for e in doc.entities
        ]
        starts = [e["start"] for e in data["ents"]]
        assert starts == sorted(starts)


def test_displacy_renders_it(sample):
    displacy = pytest.importorskip("spacy.displacy")
    doc = sample[0]
    markup = displacy.render(doc.to_displacy(), style="ent", manual=True, jupyter=False)
    assert "Kherson" in markup and "GPE" in markup
