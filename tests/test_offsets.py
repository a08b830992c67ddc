"""Offsets are Python string indices: ``doc.text[x.start:x.end] == x.text`` for every token,
sentence and boilerplate span, whatever the text holds. These invariants hold for any correct
tokenizer and sentence splitter (see CONTRACT.md), not just today's."""

from __future__ import annotations

import crosswire as cw
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from invariants import (
    WHITESPACE,
    check_boilerplate,
    check_document,
    check_sentences,
    check_sentences_respect_boilerplate,
    check_tokens,
)

# Pieces that stress offsets and tokenization: multi-byte letters and punctuation, emoji
# (with ZWJ sequences and skin tones), combining marks, CRLF, NBSP and other Unicode spaces,
# zero-width characters (not whitespace: they belong to tokens), a BOM inside the text,
# abbreviations, numbers, URLs, quotes, metadata-like heads.
PIECES = [
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\t",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u3000",
    "\u2028",
    "\u0085",
    "\x0b",
    "\x1c",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "Stremoúsov",
    "Ukraine’s",
    "didn’t",
    "“Kherson”",
    "‘yes’",
    '"no"',
    "—",
    "–",
    "-",
    "€5",
    "£1.5m",
    "1,600",
    "300,000",
    "2022-11-08",
    "0.45",
    "07/29/2024",
    "155th",
    "17-year-old",
    "TB-2",
    "Gen.",
    "Mr.",
    "U.S.",
    "St.",
    "O.",
    "Feb. 24",
    "Nov. 2, 2022",
    ".",
    "!",
    "?",
    "...",
    "…",
    "😀",
    "👍🏽",
    "👩‍👩‍👧",
    "🇺🇦",
    "e\u0301",
    "Київ",
    "日本語",
    "عربي",
    "a\u0000b",
    "https://example.com/a?b=1",
    "name@example.org",
    "#Kherson",
    "@user",
    "(AP Photo)",
    "©",
    "More Stories",
    "No More Posts Available.",
    " date 2022-11-08 ",
    "Source: AP\n",
    "by -922 Views",
]

texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=4)),
    max_size=40,
).map("".join)

HEAD = st.sampled_from(
    ["", " date 2022-11-08 ", "Date: 2022-11-08\r\n", "source Reuters\n", "date 2022-11-08\n\n"]
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def one(text: str):
    return cw.Corpus.from_texts([text])[0]


@SETTINGS
@given(head=HEAD, body=texts)
@example(head="", body="Stremoúsov’s €5 😀!\r\n\r\nGen. Kyrylo O. Budanov said.")
@example(head="", body="\u00a0\u200b\u200d")
@example(head=" date 2022-11-08 ", body="")
def test_tokens_boilerplate_and_sentences_keep_exact_offsets(head, body):
    doc = one(head + body)
    assert doc.text == head + body
    check_document(doc)


@SETTINGS
@given(text=st.text())
def test_arbitrary_unicode(text):
    check_document(one(text))


@SETTINGS
@given(head=HEAD, body=texts)
@example(head=" date 2022-11-08 ", body="Kyiv said.")
def test_sentences_never_straddle_boilerplate(head, body):
    check_sentences_respect_boilerplate(one(head + body))


def test_sample_corpus_invariants(sample):
    for doc in sample:
        check_document(doc)
        assert len(doc.tokens) > 500, doc.name


def test_hand_made_multibyte_offsets():
    doc = one("Stremoúsov’s €5 😀!")
    for t in doc.tokens:
        assert doc.text[t.start : t.end] == t.text
    # Code points, not bytes and not UTF-16 units: the emoji is one index.
    emoji = next(t for t in doc.tokens if t.text == "😀")
    assert (emoji.start, emoji.end) == (16, 17)
    assert doc.tokens[-1].start == 17 and doc.tokens[-1].end == len(doc.text) == 18


def test_zero_width_and_nbsp():
    doc = one("a\u200bb\u00a0c")
    # NBSP is whitespace (it separates tokens); ZWSP is not (it sits inside one).
    assert "\u00a0" in WHITESPACE and "\u200b" not in WHITESPACE
    assert [t.text for t in doc.tokens][-1] == "c"
    check_tokens(doc)


def test_crlf_is_whitespace_between_tokens():
    doc = one("Kyiv said.\r\nMoscow denied it.\r\n")
    assert all("\r" not in t.text for t in doc.tokens)
    check_tokens(doc)
    check_sentences(doc)
    assert all(not s.text.endswith("\r") for s in doc.sentences)


def test_checks_can_fail():
    """The invariant checks themselves catch broken spans."""

    class Span:
        def __init__(self, start, end, text):
            self.start, self.end, self.text, self.kind, self.boilerplate = (
                start,
                end,
                text,
                "word",
                False,
            )

    class Doc:
        def __init__(self, text, tokens):
            self.text, self.tokens, self.sentences, self.boilerplate = text, tokens, [], []

    with pytest.raises(AssertionError, match="does not match"):
        check_tokens(Doc("ab cd", [Span(0, 2, "ab"), Span(3, 5, "cX")]))
    with pytest.raises(AssertionError, match="in no token"):
        check_tokens(Doc("ab cd", [Span(0, 2, "ab")]))
    with pytest.raises(AssertionError, match="overlaps"):
        check_tokens(Doc("abc", [Span(0, 2, "ab"), Span(1, 3, "bc")]))
    with pytest.raises(AssertionError, match="whitespace"):
        check_tokens(Doc("a b", [Span(0, 3, "a b")]))
    with pytest.raises(AssertionError, match="in no sentence"):
        check_sentences(Doc("a b", [Span(0, 1, "a"), Span(2, 3, "b")]))
    with pytest.raises(AssertionError, match="does not match"):
        check_boilerplate(type("D", (), {"text": "ab", "boilerplate": [Span(0, 1, "b")]})())
