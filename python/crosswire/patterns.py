"""User lexicon entries: names, aliases and token patterns the entity tagger and the
cross-document id resolver use, on top of the built-in lexicons.

>>> import crosswire as cw
>>> patterns = cw.Patterns()
>>> patterns.add("Rapid Support Forces", "ORG", aliases=["RSF"])
>>> patterns.add("El Fasher", "GPE", aliases=["Al-Fashir"])
>>> patterns.add("{CAP} Brigade", "ORG")          # a token pattern: any capitalised word
>>> corpus = cw.Corpus.from_texts(texts, patterns=patterns)

or from a file, CSV with a header ``name,label,aliases`` (aliases separated by ``|``) or
JSONL with one ``{"name": ..., "label": ..., "aliases": [...]}`` object a line:

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

Row = tuple[str, str, list[str], str, int]


class Patterns:
    """An ordered collection of user entries: ``(name, label, aliases)``."""

    __slots__ = ("_rows",)

    def __init__(
        self, entries: Iterable[tuple[str, str] | tuple[str, str, Iterable[str]]] = ()
    ) -> None:
        self._rows: list[Row] = []
        for entry in entries:
            name, label, *rest = entry
            self.add(name, label, aliases=rest[0] if rest else ())

    def add(self, name: str, label: str, aliases: Iterable[str] | str = ()) -> Patterns:
        """Adds one entity: its canonical ``name``, an OntoNotes ``label`` (``ORG``, ``GPE``,
        ``PERSON``, …) and other ways it is written. Returns ``self`` for chaining."""
        self._rows.append(_row(name, label, aliases, "Patterns.add", len(self._rows) + 1))
        return self

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Patterns:
        """Reads a ``.csv`` (columns name, label, aliases) or ``.jsonl`` file."""
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

    def __iter__(self) -> Iterator[tuple[str, str, list[str]]]:
        return ((name, label, list(aliases)) for name, label, aliases, _, _ in self._rows)

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
    return (name, label, aliases, source, line)


def _csv_rows(path: str) -> list[Row]:
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None or not {"name", "label"} <= set(reader.fieldnames):
            raise ValueError(
                f"{path}: a CSV of patterns needs a header with name, label (and aliases)"
            )
        return [
            _row(r.get("name"), r.get("label"), r.get("aliases"), path, i + 2)
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
            rows.append(_row(obj.get("name"), obj.get("label"), obj.get("aliases"), path, i))
    return rows


def core_rows(patterns: Patterns | Iterable | None) -> list[Row] | None:
    """What the core takes: None, or rows with their origin for error messages."""
    if patterns is None:
        return None
    if not isinstance(patterns, Patterns):
        patterns = Patterns(patterns)
    return patterns._core_rows()
