"""Sizes of documents and corpora, as shown by ``Corpus._repr_html_`` and ``crosswire info``."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import Corpus, Document


@dataclass(frozen=True)
class Sizes:
    characters: int
    tokens: int
    sentences: int
    boilerplate_characters: int

    @property
    def boilerplate_share(self) -> float:
        """Share of the characters that lie in boilerplate spans (0 for an empty text)."""
        return self.boilerplate_characters / self.characters if self.characters else 0.0


@dataclass(frozen=True)
class DocumentSummary(Sizes):
    name: str
    date: _dt.date | None
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        d["boilerplate_share"] = self.boilerplate_share
        return {k: d[k] for k in ("name", "date", "source", *_SIZE_FIELDS, "boilerplate_share")}


@dataclass(frozen=True)
class Totals(Sizes):
    documents: int

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["boilerplate_share"] = self.boilerplate_share
        return {k: d[k] for k in ("documents", *_SIZE_FIELDS, "boilerplate_share")}


_SIZE_FIELDS = ("characters", "tokens", "sentences", "boilerplate_characters")


def document_summary(doc: Document) -> DocumentSummary:
    characters, tokens, sentences, boilerplate_characters = doc._doc.sizes()
    return DocumentSummary(
        name=doc.name,
        date=doc.date,
        source=doc.source,
        characters=characters,
        tokens=tokens,
        sentences=sentences,
        boilerplate_characters=boilerplate_characters,
    )


def corpus_summary(corpus: Corpus) -> list[DocumentSummary]:
    return [document_summary(doc) for doc in corpus]


def totals(rows: Sequence[DocumentSummary]) -> Totals:
    return Totals(
        documents=len(rows),
        **{f: sum(getattr(r, f) for r in rows) for f in _SIZE_FIELDS},
    )


def date_range(rows: Sequence[DocumentSummary]) -> str:
    """``"2022-11-02 – 2022-11-10"``, one date, or ``""`` when no document has one."""
    dates = sorted(r.date for r in rows if r.date is not None)
    if not dates:
        return ""
    first, last = dates[0].isoformat(), dates[-1].isoformat()
    return first if first == last else f"{first} – {last}"
