"""Writes src/lang/en/syntax/casing.txt: for each word, how it is usually written inside a
sentence of edited text (lower case, capitalised, all capitals, or mixed), and how often it
was seen. The tagger reads it to tell a proper noun from a common one where the text's own
casing says little: a sentence-initial word, an all-lowercase comment, an all-caps headline.

    python -m scripts.derive_casing            # reads ../shared, writes the file

Unlabelled text only (no tags are read): CoNLL-2003 train, MSRP train, newswcl50-dev and
the words of UD EWT train. Deterministic: counts, then sorted output.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
OUT = REPO / "src" / "lang" / "en" / "syntax" / "casing.txt"

TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|\S")
# A token after one of these may still be capitalised for the position, not the word.
OPENERS = set("\"“”‘’'(:[—–-*•|") | {"``", "''", "--"}
MIN_COUNT = 2


def normalise(form: str) -> str:
    """As src/syntax/words.rs normalise(): lower case, apostrophes straight, digits 0."""
    out = []
    for c in form:
        if c in "’‘`´ʼ":
            out.append("'")
        elif c.isdigit() and c.isascii():
            out.append("0")
        else:
            out.append(c.lower())
    return "".join(out)


def casing(form: str) -> str | None:
    """'l' lower, 'c' capitalised, 'a' all capitals (two letters or more); None without
    letters that have case."""
    letters = [c for c in form if c.isalpha() and (c.isupper() or c.islower())]
    if not letters:
        return None
    if letters[0].islower():
        return "l"
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "a"
    return "c"


def sentences() -> list[list[str]]:
    """Every sentence of the sources as tokens."""
    out: list[list[str]] = []
    conll = SHARED / "data" / "conll2003" / "eng.train"
    sentence: list[str] = []
    for line in conll.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                out.append(sentence)
            sentence = []
        elif not line.startswith("-DOCSTART-"):
            sentence.append(line.split(" ")[0])
    if sentence:
        out.append(sentence)
    msrp = SHARED / "data" / "msrp" / "msr_paraphrase_train.txt"
    for line in msrp.read_text(encoding="utf-8-sig").splitlines()[1:]:
        for text in line.split("\t")[3:5]:
            out.append(TOKEN.findall(text))
    for path in sorted((SHARED / "corpus" / "newswcl50-dev").rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            # Sentences are cut at a full stop followed by a capital: each starts a new one.
            for text in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line):
                out.append(TOKEN.findall(text))
    ewt = SHARED / "data" / "ud-ewt" / "en_ewt-ud-train.conllu"
    sentence = []
    for line in ewt.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                out.append(sentence)
            sentence = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                sentence.append(cols[1])
    if sentence:
        out.append(sentence)
    return out


def counted(sentence: list[str]) -> list[tuple[str, str]]:
    """(normalised word, casing) for the words whose casing is the word's own: inside the
    sentence, after a word or a comma, and only in a sentence written in ordinary case (not a
    headline in capitals or title case, not a comment typed all in lower case)."""
    seen = []
    for prev, word in zip(sentence, sentence[1:]):
        case = casing(word)
        if case is None or prev in OPENERS or prev in {".", "!", "?", "..."}:
            continue
        seen.append((normalise(word), case))
    if len(seen) < 3:
        return []
    upper = sum(c != "l" for _, c in seen)
    first = casing(sentence[0])
    if upper > 0.5 * len(seen) or first == "l":
        return []
    return seen


def main() -> int:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences():
        for word, case in counted(sentence):
            counts[word][case] += 1
    lines = []
    for word in sorted(counts):
        c = counts[word]
        n = sum(c.values())
        if n < MIN_COUNT or any(ch.isspace() for ch in word):
            continue
        upper = c["c"] + c["a"]
        if c["a"] > 0.5 * n:
            kind = "A"
        elif upper >= 0.95 * n:
            kind = "C"
        elif upper >= 0.5 * n:
            kind = "c"
        elif upper >= 0.05 * n:
            kind = "l"
        else:
            kind = "L"
        often = 1 if n < 10 else 2 if n < 100 else 3
        lines.append(f"{word}\t{kind}{often}\n")
    OUT.write_text(
        "# word (normalised) TAB how it is written inside a sentence of edited text: L lower,\n"
        "# l mostly lower, c mostly capitalised, C capitalised, A all capitals; then 1/2/3 for\n"
        "# seen 2-9, 10-99, 100+ times. Written by scripts/derive_casing.py from unlabelled\n"
        "# text (CoNLL-2003 train, MSRP train, newswcl50-dev, UD EWT train words).\n"
        + "".join(lines),
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({len(lines)} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
