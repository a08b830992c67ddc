#!/usr/bin/env python3
"""Derives two word lists for the entity tagger from the CoNLL-2003 English training data
(Reuters news, 1996; /work/shared/data/conll2003/eng.train, `word POS chunk NER` a line).

- src/lang/en/entities/given_names_conll.txt: the first token of multi-token PER entities
  seen at least twice (given names), minus words that are mostly lower-case in the data.
- src/lang/en/entities/common_words.txt: words written in lower case more often than
  capitalised (away from sentence starts), seen at least three times. The tagger uses it to
  tell a capitalised ordinary word ("Officials", "Flee") from a name, and to decide which
  lexicon names may match in lower case.

Usage: python3 scripts/derive_lexicons.py [path/to/eng.train]
"""

from __future__ import annotations

import collections
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "lang" / "en" / "entities"
DEFAULT = pathlib.Path("/work/shared/data/conll2003/eng.train")


def sentences(path: pathlib.Path):
    sent = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("-DOCSTART-"):
            if sent:
                yield sent
            sent = []
            continue
        word, _pos, _chunk, tag = line.split()
        sent.append((word, tag))
    if sent:
        yield sent


def main() -> None:
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    lower = collections.Counter()
    capital = collections.Counter()
    given = collections.Counter()
    for sent in sentences(path):
        for i, (word, tag) in enumerate(sent):
            if not word.isalpha():
                continue
            if word.islower():
                lower[word] += 1
            elif i > 0 and word[0].isupper() and not word.isupper():
                capital[word.lower()] += 1
            if tag == "B-PER" or (
                tag == "I-PER" and (i == 0 or sent[i - 1][1] not in ("B-PER", "I-PER"))
            ):
                if (
                    i + 1 < len(sent)
                    and sent[i + 1][1] == "I-PER"
                    and word[0].isupper()
                    and len(word) > 1
                ):
                    given[word.lower()] += 1
    common = sorted(w for w, n in lower.items() if n >= 3 and n > capital[w])
    common_set = set(common)
    names = sorted(w for w, n in given.items() if n >= 2 and w not in common_set)
    header = "# Derived by scripts/derive_lexicons.py from CoNLL-2003 eng.train (Reuters, 1996).\n"
    (OUT / "common_words.txt").write_text(
        header
        + "# Words mostly written in lower case: not names when capitalised alone.\n@class common\n"
        + "\n".join(common)
        + "\n",
        encoding="utf-8",
    )
    (OUT / "given_names_conll.txt").write_text(
        header
        + "# Given names: first tokens of multi-token person names seen at least twice.\n@class given\n"
        + "\n".join(names)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(common)} common words, {len(names)} given names")


if __name__ == "__main__":
    main()
