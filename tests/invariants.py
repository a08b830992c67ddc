"""The span contracts (CONTRACT.md), as checks any correct tokenizer, sentence splitter and
boilerplate detector must pass. Offsets are Python string indices into ``doc.text``."""

from __future__ import annotations

# Rust's `char::is_whitespace` (Unicode White_Space). Python's str.isspace differs: it also
# counts U+001C..U+001F and leaves out nothing the core treats as space.
WHITESPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def check_spans(text: str, spans, what: str) -> None:
    previous_end = 0
    for i, s in enumerate(spans):
        assert 0 <= s.start < s.end <= len(text), f"{what}[{i}] {s!r} is empty or out of bounds"
        assert text[s.start : s.end] == s.text, f"{what}[{i}] {s!r} does not match the text"
        assert s.start >= previous_end, f"{what}[{i}] {s!r} overlaps or is out of order"
        previous_end = s.end


def check_tokens(doc) -> None:
    text, tokens = doc.text, list(doc.tokens)
    check_spans(text, tokens, "tokens")
    owner = [None] * len(text)
    for i, t in enumerate(tokens):
        assert not WHITESPACE.intersection(t.text), f"token {t!r} contains whitespace"
        assert isinstance(t.kind, str) and t.kind, t
        for c in range(t.start, t.end):
            owner[c] = i
    for c, ch in enumerate(text):
        if ch not in WHITESPACE:
            assert owner[c] is not None, f"{ch!r} at {c} is in no token"


def check_boilerplate(doc) -> None:
    check_spans(doc.text, doc.boilerplate, "boilerplate")
    for b in doc.boilerplate:
        assert isinstance(b.kind, str) and b.kind, b


def check_sentences(doc) -> None:
    text, tokens, sentences = doc.text, list(doc.tokens), doc.sentences
    check_spans(text, sentences, "sentences")
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    for s in sentences:
        assert s.start in starts and s.end in ends, f"{s!r} does not start and end on token edges"
    # Every token in exactly one sentence: sentences are ordered, so walk both lists together.
    k = 0
    for t in tokens:
        while k < len(sentences) and sentences[k].end <= t.start:
            k += 1
        assert k < len(sentences) and sentences[k].start <= t.start and t.end <= sentences[k].end, (
            f"token {t!r} is in no sentence"
        )


def check_sentences_respect_boilerplate(doc) -> None:
    for s in doc.sentences:
        inside = any(b.start <= s.start and s.end <= b.end for b in doc.boilerplate)
        straddles = any(
            s.start < b.start < s.end or s.start < b.end < s.end for b in doc.boilerplate
        )
        assert not straddles, f"{s!r} straddles a boilerplate edge"
        assert s.boilerplate == inside, (
            f"{s!r}: boilerplate flag is {s.boilerplate}, should be {inside}"
        )


def check_document(doc) -> None:
    check_tokens(doc)
    check_boilerplate(doc)
    check_sentences(doc)
