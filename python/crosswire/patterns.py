"""User lexicon entries: names, aliases, token patterns and regular expressions the entity
tagger and the cross-document id resolver use, on top of the built-in lexicons.

>>> import crosswire as cw
>>> patterns = cw.Patterns()
>>> patterns.add("Rapid Support Forces", "ORG", aliases=["RSF"])
>>> patterns.add("El Fasher", "GPE", aliases=["Al-Fashir"])
>>> patterns.add("{CAP} Brigade", "ORG")          # a token pattern: any capitalised word
>>> patterns.add_regex(r"\\d+(st|nd|rd|th) Brigade", "ORG")   # a regular expression
>>> corpus = cw.Corpus.from_texts(texts, patterns=patterns)

or from a file, CSV with a header ``name,label,aliases`` (aliases separated by ``|``; an
optional ``regex`` column) or JSONL with one object a line, ``{"name": ..., "label": ...,
"aliases": [...]}`` or ``{"regex": ..., "label": ..., "name": ...}``:

>>> corpus = cw.Corpus.from_dir("articles/", patterns=cw.Patterns.from_file("sudan.csv"))

Pattern tokens: ``{CAP}`` any capitalised word, ``{NUM}`` any number, ``{ANY}`` any token.
User entries win over built-in names and rules where they overlap; every mention of one
entry (any alias) gets one entity id.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

from . import _core

# name, label, aliases, regex (or None), and the origin (source, line) for error messages.
Row = tuple[str, str, list[str], "str | None", str, int]


class Patterns:
    """An ordered collection of user entries. Iterating gives each as a dict, in the JSONL
    file's shape: ``{"name", "label", "aliases"}`` or ``{"regex", "label", "name"}``."""

    __slots__ = ("_rows",)

    def __init__(
        self,
        entries: Iterable[tuple[str, str] | tuple[str, str, Iterable[str]] | dict[str, Any]] = (),
    ) -> None:
        self._rows: list[Row] = []
        for entry in entries:
            if isinstance(entry, dict):
                self._rows.append(_dict_row(entry, "Patterns()", len(self._rows) + 1))
                continue
            name, label, *rest = entry
            self.add(name, label, aliases=rest[0] if rest else ())

    def add(self, name: str, label: str, aliases: Iterable[str] | str = ()) -> Patterns:
        """Adds one entity: its canonical ``name``, an OntoNotes ``label`` (``ORG``, ``GPE``,
        ``PERSON``, …) and other ways it is written. Returns ``self`` for chaining."""
        self._rows.append(_row(name, label, aliases, "Patterns.add", len(self._rows) + 1))
        return self

    def add_regex(self, pattern: str, label: str, name: str | None = None) -> Patterns:
        """Adds the entities a regular expression finds in the text, with an OntoNotes
        ``label``. The syntax is Python's ``re`` without look-around and backreferences
        (the Rust ``regex`` crate's); ``(?i)`` ignores case, ``\\b`` and classes are
        Unicode-aware. As with spaCy's ``Doc.char_span``, a match counts only when it starts
        and ends at token boundaries (``RS`` finds nothing in ``RSF``). With ``name``, every
        match is that one entity; without, each match is named by its own text. Raises
        ``ValueError`` for an expression that cannot be used. Returns ``self``."""
        source, line = "Patterns.add_regex", len(self._rows) + 1
        self._rows.append(_regex_row(pattern, label, name, source, line))
        return self

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Patterns:
        """Reads a ``.csv`` (columns name, label, aliases, optionally regex) or ``.jsonl``
        file."""
        path = os.fspath(path)
        patterns = cls()
        if path.lower().endswith((".jsonl", ".ndjson", ".json")):
            patterns._rows.extend(_jsonl_rows(path))
        else:
            patterns._rows.extend(_csv_rows(path))
        return patterns

    def __add__(self, other: Patterns) -> Patterns:
        out = Patterns()
        out._rows = self._rows + other._rows
        return out

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for name, label, aliases, regex, _, _ in self._rows:
            if regex is None:
                yield {"name": name, "label": label, "aliases": list(aliases)}
            else:
                yield {"regex": regex, "label": label, "name": name or None}

    def __repr__(self) -> str:
        return f"<Patterns: {len(self)} entries>"

    def __reduce__(self) -> tuple:
        return (Patterns, (list(self),))

    def _core_rows(self) -> list[Row]:
        return list(self._rows)


def _row(name: object, label: object, aliases: object, source: str, line: int) -> Row:
    if not isinstance(name, str) or not name.strip():
        raise ValueError(
            f"{source}, line {line}: the name must be a non-empty string, not {name!r}"
        )
    if not isinstance(label, str):
        raise ValueError(f"{source}, line {line}: the label must be a string, not {label!r}")
    if aliases is None or (isinstance(aliases, float) and aliases != aliases):
        aliases = []
    elif isinstance(aliases, str):
        aliases = [a for a in aliases.replace(";", "|").split("|") if a.strip()]
    elif isinstance(aliases, Iterable):
        aliases = [str(a) for a in aliases]
    else:
        raise ValueError(
            f"{source}, line {line}: aliases must be a string or a list of strings, not {aliases!r}"
        )
    return (name, label, aliases, None, source, line)


def _regex_row(pattern: object, label: object, name: object, source: str, line: int) -> Row:
    if not isinstance(pattern, str) or not pattern:
        raise ValueError(
            f"{source}, line {line}: the regex must be a non-empty string, not {pattern!r}"
        )
    if not isinstance(label, str):
        raise ValueError(f"{source}, line {line}: the label must be a string, not {label!r}")
    if name is None or (isinstance(name, float) and name != name):
        name = ""
    if not isinstance(name, str):
        raise ValueError(f"{source}, line {line}: the name must be a string, not {name!r}")
    try:
        _core.check_regex(pattern)
    except ValueError as e:
        raise ValueError(f"{source}, line {line}: {e}") from None
    return (name, label, [], pattern, source, line)


def _dict_row(obj: dict[str, Any], source: str, line: int) -> Row:
    if obj.get("regex") is not None:
        return _regex_row(obj["regex"], obj.get("label"), obj.get("name"), source, line)
    return _row(obj.get("name"), obj.get("label"), obj.get("aliases"), source, line)


def _csv_rows(path: str) -> list[Row]:
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields = set(reader.fieldnames or ())
        if "label" not in fields or not fields & {"name", "regex"}:
            raise ValueError(
                f"{path}: a CSV of patterns needs a header with name, label (and aliases, regex)"
            )
        return [
            _dict_row({**r, "regex": r.get("regex") or None}, path, i + 2)
            for i, r in enumerate(reader)
        ]


def _jsonl_rows(path: str) -> list[Row]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}, line {i}: not JSON ({e.msg})") from None
            if not isinstance(obj, dict):
                raise ValueError(f"{path}, line {i}: expected an object with name, label, aliases")
            rows.append(_dict_row(obj, path, i))
    return rows


def core_rows(patterns: Patterns | Iterable | None) -> list[Row] | None:
    """What the core takes: None, or rows with their origin for error messages."""
    if patterns is None:
        return None
    if not isinstance(patterns, Patterns):
        patterns = Patterns(patterns)
    return patterns._core_rows()
