"""The HTML report: self-contained, escaped, ordered as an analyst reads it, every link resolving."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import crosswire as cw
import pytest
from conftest import tiny_documents
from crosswire import markup, reporting
from fake_alignment import CONFLICT_REASON, FakeAlignment
from hypothesis import given, settings
from hypothesis import strategies as st

HOSTILE = (
    'Breaking: <script>alert("x")</script> and <img src=x onerror="alert(1)"> said Kyiv.\n\n'
    '"<svg onload=alert(2)>," Moscow said. <a href="javascript:alert(3)">link</a> '
    '<style>body{display:none}</style> <iframe src="https://example.com"></iframe> '
    "--> <!-- ]]> \x00 NUL and \x07 bell. Ukraine said 1,600 troops crossed."
)


class Page(HTMLParser):
    """Every element with its attributes, the ids, the text, and where sections start."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if attrs.get("id"):
            self.ids.append(attrs["id"])

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        raise AssertionError(f"a comment made it into the page: {data!r}")

    def attrs(self, name: str) -> list[str]:
        return [a[name] for _, a in self.elements if a.get(name) is not None]


def assert_inert(page: Page) -> None:
    tags = {tag for tag, _ in page.elements}
    assert not tags & {
        "script",
        "img",
        "iframe",
        "svg",
        "object",
        "embed",
        "link",
        "base",
        "form",
    }, tags
    assert [t for t, _ in page.elements].count("style") == 1  # the report's own stylesheet
    for tag, attrs in page.elements:
        events = [k for k in attrs if k.lower().startswith("on")]
        assert not events, (tag, attrs)
        for key in ("href", "src", "action"):
            value = attrs.get(key) or ""
            assert not value or value.startswith("#"), (tag, attrs)  # in-page links only


def assert_links_resolve(page: Page) -> None:
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    targets = {href[1:] for href in page.attrs("href")}
    assert targets <= set(page.ids), targets - set(page.ids)


@pytest.fixture
def aligned(monkeypatch):
    monkeypatch.setattr(cw.Corpus, "align", lambda self: FakeAlignment(self), raising=False)


@pytest.fixture
def hostile_corpus():
    sample = cw.datasets.kherson_2022()
    return cw.Corpus.from_texts(
        [HOSTILE, "", "\ufeff<b>bold</b>", *(d.text for d in sample[:2])],
        names=[
            '<script>alert("name")</script>',
            "empty",
            'x" onmouseover="alert(4)',
            *sample.names[:2],
        ],
        sources=["<img src=x onerror=alert(5)>", None, "AP & Reuters", None, None],
        dates=[None, None, "2022-11-09", None, None],
    )


# -- safety ---------------------------------------------------------------------------------


def test_sample_report_is_inert_and_self_contained(sample):
    html = reporting.render(sample)
    page = Page(html)
    assert_inert(page)
    assert_links_resolve(page)
    assert "http://" not in html and "https://" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


@pytest.mark.parametrize("alignment", ["real", "fake"])
def test_hostile_articles_cannot_run_anything(hostile_corpus, alignment, request):
    if alignment == "fake":
        request.getfixturevalue("aligned")
    html = reporting.render(hostile_corpus, title='<script>alert("title")</script>')
    page = Page(html)
    assert_inert(page)
    assert_links_resolve(page)
    text = "".join(page.text)
    # The markup is there to read, as text.
    assert '<script>alert("x")</script>' in text
    assert '<img src=x onerror="alert(1)">' in text
    assert '<script>alert("name")</script>' in text and "<img src=x onerror=alert(5)>" in text
    assert '<script>alert("title")</script>' in text
    assert "\x00" not in html and "\x07" not in html  # control characters shown as U+FFFD


def test_conflict_reason_is_escaped(sample, aligned):
    page = Page(reporting.render(sample))
    assert_inert(page)
    assert CONFLICT_REASON in "".join(page.text)


# -- content and order ----------------------------------------------------------------------


def section_order(html: str) -> list[str]:
    return re.findall(r'<section id="([a-z]+)"', html)


def test_aligned_report_puts_conflicts_first(sample, aligned):
    fake = FakeAlignment(sample)
    html = reporting.render(sample)
    assert section_order(html) == [
        "glance",
        "conflicts",
        "corroborated",
        "single",
        "coverage",
        "entities",
        "documents",
    ]
    conflicts = text_of(html[html.index('id="conflicts"') : html.index('id="corroborated"')])
    corroborated = text_of(html[html.index('id="corroborated"') : html.index('id="single"')])
    assert html.count('class="card conflict"') == 1
    # The group carried by three outlets comes before the one carried by two.
    assert corroborated.index("3 outlets") < corroborated.index("2 outlets")
    claims = sample.claims().set_index("claim")
    for claim in fake.group_a:
        assert claims.at[claim, "text"] in corroborated
    for claim in fake.conflict:
        assert claims.at[claim, "text"] in conflicts
    assert "vs" in conflicts and CONFLICT_REASON in conflicts


def test_groups_agreeing_on_frames_lead_the_corroborated_section(sample, monkeypatch):
    """A group whose agreements name shared frames comes before one that agrees on words
    alone, even one carried by more outlets."""
    fake = FakeAlignment(sample)
    fake._pairs.loc[fake._pairs["claim_a"] == fake.group_b[0], "reason"] = (
        "same proposition; both say: Russia (agent) · loot (predicate)"
    )
    monkeypatch.setattr(cw.Corpus, "align", lambda self: fake, raising=False)
    html = reporting.render(sample)
    corroborated = text_of(html[html.index('id="corroborated"') : html.index('id="single"')])
    assert corroborated.index("2 outlets") < corroborated.index("3 outlets")
    # Words in a reason that only look like a frame do not count: the plain order is back.
    fake._pairs["reason"] = "same words: both, say"
    html = reporting.render(sample)
    corroborated = text_of(html[html.index('id="corroborated"') : html.index('id="single"')])
    assert corroborated.index("3 outlets") < corroborated.index("2 outlets")


def text_of(markup: str) -> str:
    return "".join(Page("<div " + markup).text)


def test_every_claim_appears_once_and_links_to_its_document(sample, aligned):
    page = Page(reporting.render(sample))
    n = len(sample.claims())
    # Each claim is drawn once in its group (and again in a conflict card if it has a conflict),
    # and once, as a link back, in its document.
    claim_links = [
        a for t, a in page.elements if t == "a" and "claim" in (a.get("class") or "").split()
    ]
    assert len(claim_links) == n
    conflicted = [a for a in claim_links if "conflict" in a["class"].split()]
    assert len(conflicted) == 2 and all(a["href"] == "#x1" for a in conflicted)
    wordings = [a for t, a in page.elements if t == "div" and a.get("class") == "wording"]
    assert len(wordings) == n + 2


def test_speaker_and_figures_are_marked(sample, aligned):
    html = reporting.render(sample)
    assert 'class="speaker"' in html
    assert 'class="fig"' in html
    claims = sample.claims()
    with_figures = claims[claims["figures"].map(len) > 0]
    assert len(with_figures) > 0


def test_report_lays_out_the_real_alignment(sample):
    html = reporting.render(sample)
    assert section_order(html) == [
        "glance",
        "conflicts",
        "corroborated",
        "single",
        "coverage",
        "entities",
        "documents",
    ]
    pairs = sample.align().pairs()
    conflicts = {
        frozenset((a, b))
        for a, b, r in zip(pairs["claim_a"], pairs["claim_b"], pairs["relation"])
        if r == "conflict"
    }
    assert html.count('class="card conflict"') == len(conflicts)
    # Each claim is worded once in its group, and once more per conflict card it is in.
    assert html.count('class="wording"') == len(sample.claims()) + 2 * len(conflicts)


def test_glance_numbers(sample):
    html = reporting.render(sample)
    for doc in sample:
        assert f"{len(doc.text):,}" in html
        assert doc.name in html
    assert f"<b>{len(sample):,}</b><span>documents</span>" in html


def test_documents_grey_boilerplate_and_highlight_entities(sample):
    page = Page(reporting.render(sample))
    boilerplate = [a for _, a in page.elements if a.get("data-layer") == "boilerplate"]
    assert len(boilerplate) >= sum(len(d.boilerplate) for d in sample)
    entities = [a for _, a in page.elements if a.get("data-layer") == "entity"]
    assert len(entities) >= len(sample.entities())


def test_empty_corpus_and_empty_documents():
    page = Page(reporting.render(cw.Corpus.from_texts([])))
    assert_inert(page)
    page = Page(reporting.render(cw.Corpus.from_texts(["", "   "], names=["a", "b"])))
    assert_inert(page)
    assert_links_resolve(page)


# -- entry points ---------------------------------------------------------------------------


def test_report_function_and_method_write_the_same_page(sample, tmp_path):
    a = cw.report(sample, tmp_path / "a.html")
    b = sample.report(tmp_path / "b.html", title="crosswire report")
    assert a == tmp_path / "a.html"
    strip = lambda p: p.read_text(encoding="utf-8")  # noqa: E731
    assert strip(a) == strip(b) == reporting.render(sample)


def test_progress_announces_stages_on_a_terminal(sample):
    import io

    from crosswire.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    with Progress(reporting.STAGES, stream=stream) as progress:
        reporting.render(sample, progress=progress)
    shown = stream.getvalue()
    for stage in ["text", "entities", "claims", "alignment"]:
        assert f" {stage}…" in shown
    assert shown.endswith("\r")  # the line is cleared at the end

    quiet = io.StringIO()
    with Progress(reporting.STAGES, stream=quiet) as progress:
        progress.stage("text")
    assert quiet.getvalue() == ""  # not a terminal: silent


def test_progress_counts_the_documents_of_the_stage_the_core_computes():
    import io

    from crosswire.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    corpus = cw.Corpus.from_texts([f"Kyiv said {i} soldiers were killed." for i in range(7)])
    assert corpus._core.progress() == (None, 0, 0)
    stream = Terminal()
    with Progress(["text", "entities", "claims"], stream=stream) as progress:
        with progress.watching(corpus, every=0.001):
            corpus.claims()
    shown = stream.getvalue()
    # The core counted every document of the last stage it computed.
    assert corpus._core.progress() == ("claims", 7, 7)
    assert " claims 7/7 documents…" in shown
    assert " 2/3 claims" in shown  # two stages of three done before it
    assert shown.endswith("\r")

    quiet = io.StringIO()  # not a terminal: nothing drawn, no thread started
    with Progress(["claims"], stream=quiet) as progress:
        with progress.watching(corpus):
            corpus.align()
    assert quiet.getvalue() == ""
    assert corpus._core.progress() == ("alignment", 7, 7)


def test_claims_list_draws_as_an_inert_table(hostile_corpus, sample):
    claims = sample[4].claims
    assert isinstance(claims, list) and [c.claim for c in claims] == [
        c.claim for c in sample[4]._doc.claims
    ]
    markup = claims._repr_html_()
    assert markup.count("<tr") == len(claims) + 1
    for doc in hostile_corpus:
        page = Page(doc.claims._repr_html_())
        assert not {t for t, _ in page.elements} & {"script", "img", "svg", "iframe"}
        assert not [k for _, a in page.elements for k in a if k.startswith("on")]


# -- hover titles and bidi controls (issue 12.8) ------------------------------------------------


def test_no_hover_title_says_nan(sample):
    page = Page(reporting.render(sample))
    titles = page.attrs("title")
    assert not [t for t in titles if "nan" in t.split()], "a title shows a missing value"
    figures = [t for t in titles if t.startswith(("CARDINAL ·", "MONEY ·", "QUANTITY ·"))]
    assert figures and all(any(ch.isdigit() for ch in t) for t in figures)
    assert "MONEY · about 1,600 EUR" in titles  # 'about 1,600 euros' in D2


BIDI = (
    "Officials in Kherson said \u202e32 soldiers died\u202c on Monday.\n\n"
    "\u202eMr. Smith\u202c said 40 soldiers died in Kherson.\n\n"
    'The mayor said "the \u2067bridge\u2069 fell."'
)
RIGHT_TO_LEFT = "قال المسؤولون إن الجسر سقط. Kyiv said the bridge fell in Kherson."


def test_bidi_controls_are_shown_and_never_reach_the_page():
    corpus = cw.Corpus.from_texts(
        [BIDI, RIGHT_TO_LEFT], names=["bidi \u202eevil.txt", "arabic"], sources=["\u202eAP", None]
    )
    html = reporting.render(corpus, title="\u202eKherson")
    controls = set(map(chr, markup.BIDI_CONTROLS))
    assert not controls & set(html), "a bidi control reached the page"
    page = Page(html)
    assert_inert(page)
    assert_links_resolve(page)
    markers = [a for t, a in page.elements if a.get("data-role") == "bidi"]
    # The document draws each of its controls once; its name, source, lead and claims more.
    assert len(markers) >= BIDI.count("\u202e") + BIDI.count("\u202c") + 2
    assert "[RLO]" in html  # in titles, which cannot hold a marker
    assert "<bdi>قال المسؤولون إن الجسر سقط.</bdi>" in html  # the lead, isolated


# -- bounded on a large corpus (issue 12.5) -----------------------------------------------------


def test_report_on_many_documents_draws_a_bounded_page():
    corpus = tiny_documents(600)
    limits = reporting.Limits()
    html = reporting.render(corpus)
    page = Page(html)
    assert_inert(page)
    assert_links_resolve(page)
    assert html.count('<article class="doc"') == limits.documents
    assert "and 500 more documents" in html
    listed = html[html.index('id="single"') : html.index('id="coverage"')]
    assert listed.count('class="wording"') == limits.single
    assert "and 100 more single-source claims" in listed
    matrix = html[html.index('id="coverage"') : html.index('id="entities"')]
    assert matrix.count('<th class="doc">') == limits.columns
    # Every document is still counted.
    assert f"<b>{len(corpus):,}</b><span>documents</span>" in html


def test_limits_cap_every_section_and_say_what_is_left_out(sample):
    limits = reporting.Limits(
        documents=2, conflicts=1, corroborated=2, single=5, columns=1, card_documents=1, labels=1
    )
    html = reporting.render(sample, limits=limits)
    page = Page(html)
    assert_inert(page)
    assert_links_resolve(page)
    conflicts = len(sample.align().pairs().query("relation == 'conflict'"))
    assert html.count('class="card conflict"') == 1 and conflicts > 1
    assert html.count('class="card agree"') == 2
    assert html.count('<article class="doc"') == 2
    for note in ("more conflicts", "more groups", "more single-source claims", "more documents"):
        assert note in html, note
    section = html[html.index('id="coverage"') : html.index('id="entities"')]
    assert section.count('<th class="doc">') == 1
    # A conflict card's claims are in the documents drawn: their 'read it' links resolve.
    card = html[html.index('class="card conflict"') : html.index('id="corroborated"')]
    assert 'title="read it in' in card


PIECES = [
    "Kyiv said ", "Moscow denied that ", "32 soldiers died", " in Kherson", ". ", '"', "\n\n",
    "<b>", "&amp;", "\u202e", "\u202c", "\u2067", "\u2069", "\u200f", "\x00", "\x1b",
    "قال المسؤولون", "שלום", "Zelensky", " on Monday",
]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), min_size=1, max_size=3)
)
def test_any_articles_give_an_inert_page_without_controls(texts):
    html = reporting.render(cw.Corpus.from_texts(texts))
    assert not set(html) & {*map(chr, markup.BIDI_CONTROLS), "\x00", "\x1b"}
    page = Page(html)
    assert_inert(page)
    assert_links_resolve(page)
