"""Corpus and Document: thin Python faces over the Rust core's objects."""

from __future__ import annotations

import datetime as _dt
import operator
import os
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union, overload

import pandas as _pd

from . import _core, display, frames, inputs, spacy_bridge
from .alignment import Alignment
from .patterns import Patterns, core_rows

if TYPE_CHECKING:
    import pandas as pd

DateLike = Union[_dt.date, str, None]


class Document:
    """One article. Offsets are Python string indices into ``text``, end exclusive."""

    __slots__ = ("_doc", "_corpus")

    def __init__(self, core_doc: _core.Document, corpus: Corpus) -> None:
        self._doc = core_doc
        self._corpus = corpus

    @property
    def name(self) -> str:
        return self._doc.name

    @property
    def text(self) -> str:
        """The article exactly as read."""
        return self._doc.text

    @property
    def date(self) -> _dt.date | None:
        iso = self._doc.date
        return None if iso is None else _dt.date.fromisoformat(iso)

    @property
    def source(self) -> str | None:
        return self._doc.source

    @property
    def tokens(self) -> _core.Tokens:
        """A sequence view over the core's tokens: indexing builds only the token asked for."""
        return self._doc.tokens

    @property
    def sentences(self) -> list[_core.Sentence]:
        return self._doc.sentences

    @property
    def claims(self) -> Claims:
        """Claims in text order: the proposition (``text``, ``start``, ``end``), ``speaker``
        (None for the article's own statements), ``cue``, ``polarity``, ``hedged``, ``quote``,
        its ``figures`` (entity mentions with value, unit and bounds) and ``date`` (the day it
        is about). A list, drawn as a table in Jupyter; claims pickle by value."""
        return Claims(self._doc.claims, self)

    @property
    def entities(self) -> list[_core.Entity]:
        """Entity mentions in text order; ``entity`` is the cross-document id."""
        return self._doc.entities

    @property
    def boilerplate(self) -> list[_core.Boilerplate]:
        """Spans that are not article text: metadata, captions, credits, navigation, …"""
        return self._doc.boilerplate

    @property
    def corpus(self) -> Corpus:
        return self._corpus

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return self._corpus is other._corpus and self.name == other.name

    def __hash__(self) -> int:
        return hash((id(self._corpus), self.name))

    def __reduce__(self) -> tuple[Any, ...]:
        # A document pickles with its corpus, so it keeps its context (and its analyses).
        return (_document, (self._corpus, self.name))

    def __repr__(self) -> str:
        date = f", date={self.date.isoformat()}" if self.date else ""
        source = f", source={self.source!r}" if self.source else ""
        return f"<Document {self.name!r}: {len(self.text):,} characters{date}{source}>"

    def _repr_html_(self) -> str:
        return display.document_html(self)

    def to_displacy(self, style: str = "ent") -> dict[str, Any]:
        """displaCy's ``manual=True`` format: the entities (``style="ent"``, ``{"text", "ents",
        "title"}``) or the dependency parse (``style="dep"``, ``{"words", "arcs", "title"}``):
        ``spacy.displacy.render(doc.to_displacy("dep"), style="dep", manual=True)``."""
        return display.to_displacy(self, style)

    def to_spacy(self, vocab: Any) -> Any:
        """A ``spacy.tokens.Doc`` with this document's tokens (spaces from the text), sentences,
        tags, POS, lemmas, heads, dependencies and entities (overlapping entities: the longest
        kept; the cross-document id as ``kb_id_``). ``vocab`` is a ``spacy.vocab.Vocab`` or a
        pipeline (``spacy.blank("en")``). Needs spaCy."""
        return spacy_bridge.to_spacy(self, vocab)


class Claims(list):
    """A document's claims: a plain list of :class:`~crosswire._core.Claim` that Jupyter draws
    as a table (speaker and cue, the claim with its figures highlighted, denied and hedged)."""

    __slots__ = ("_document",)

    def __init__(self, claims: Iterable[Any], document: Document) -> None:
        super().__init__(claims)
        self._document = document

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))

    def _repr_html_(self) -> str:
        return display.claims_html(self._document, self)


class Corpus:
    """A collection of articles; each analysis stage runs once, for all of them, in parallel."""

    __slots__ = ("_core", "_patterns", "_alignment", "_alignment_lock")

    def __init__(self, core: _core.Corpus, patterns: Patterns | None = None) -> None:
        self._core = core
        self._patterns = patterns
        self._alignment: Alignment | None = None
        self._alignment_lock = threading.Lock()

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def from_dir(
        cls,
        path: str | os.PathLike[str],
        *,
        errors: str = "strict",
        patterns: Patterns | None = None,
        recursive: bool = False,
    ) -> Corpus:
        """One document per ``*.txt`` file directly in ``path``, named by the file stem.

        With ``recursive=True``, every ``*.txt`` file in the folders below ``path`` too
        (symbolic links not followed), in order of their path, each named by its path below
        ``path`` without the extension (``2024-05/herald/0001``): stems alone can collide
        across folders. Files are read in parallel, with the GIL released.

        Files are read as UTF-8 (a leading BOM is dropped). With ``errors="strict"`` invalid
        UTF-8 raises :class:`DecodeError` naming the file and byte offset; with
        ``errors="replace"`` it becomes U+FFFD and a :class:`UnicodeWarning` says where.
        """
        patterns = _as_patterns(patterns)
        core, replaced = _core.Corpus.from_dir(
            os.fsdecode(path), errors, core_rows(patterns), recursive
        )
        for file, count, offset in replaced:
            warnings.warn(
                f"{file}: replaced {count} invalid UTF-8 sequence(s), the first at byte offset {offset}",
                UnicodeWarning,
                stacklevel=2,
            )
        return cls(core, patterns)

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str],
        names: Sequence[str] | None = None,
        dates: Sequence[DateLike] | None = None,
        sources: Sequence[str | None] | None = None,
        *,
        patterns: Patterns | None = None,
    ) -> Corpus:
        """One document per text. Names default to ``"0"``, ``"1"``, …; dates and sources,
        where not given, come from a metadata header in the text if it has one. ``patterns``
        (:class:`Patterns`, or a CSV/JSONL path) adds names to the entity lexicons."""
        if isinstance(texts, (str, bytes)):
            raise TypeError(f"texts must be a sequence of str, not a single {type(texts).__name__}")
        patterns = _as_patterns(patterns)
        texts = list(texts)
        n = len(texts)
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                inputs.text(text, f"texts[{i}]")
        name_list = [str(i) for i in range(n)]
        if names is not None:
            name_list = [
                name or ""
                for name in inputs.strings(
                    inputs.column(names, n, "names"), "names", optional=False
                )
            ]
        date_list = [
            inputs.iso_date(d, f"dates[{i}]")
            for i, d in enumerate(inputs.column(dates, n, "dates"))
        ]
        source_list = inputs.strings(inputs.column(sources, n, "sources"), "sources", optional=True)
        try:
            core = _core.Corpus.from_texts(
                texts, name_list, date_list, source_list, core_rows(patterns)
            )
        except UnicodeEncodeError:
            columns: dict[str, list[Any]] = {
                "texts": texts,
                "names": name_list,
                "dates": date_list,
                "sources": source_list,
            }
            named = (
                pair for what, values in columns.items() for pair in inputs.indexed(what, values)
            )
            raise ValueError(inputs.unencodable(named)) from None
        return cls(core, patterns)

    @classmethod
    def from_dataframe(cls, df: pd.DataFrame, *, patterns: Patterns | None = None) -> Corpus:
        """Columns ``text`` and, optionally, ``name``, ``date`` and ``source``; missing values
        (None, NaN, NaT) in ``date`` and ``source`` mean "not given"."""
        if not isinstance(df, _pd.DataFrame):
            raise TypeError(f"from_dataframe needs a pandas DataFrame, not {type(df).__name__}")
        if "text" not in df.columns:
            raise ValueError(f"the DataFrame needs a 'text' column; it has {list(df.columns)}")
        for name in ("text", "name", "date", "source"):
            count = list(df.columns).count(name)
            if count > 1:
                raise ValueError(
                    f"the DataFrame has {count} columns named {name!r}; keep one "
                    "(e.g. df.loc[:, ~df.columns.duplicated()])"
                )

        def optional(column: str) -> list[Any] | None:
            return df[column].tolist() if column in df.columns else None

        return cls.from_texts(
            df["text"].tolist(),
            optional("name"),
            optional("date"),
            optional("source"),
            patterns=patterns,
        )

    # -- documents ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._core)

    @overload
    def __getitem__(self, key: int | str) -> Document: ...
    @overload
    def __getitem__(self, key: slice) -> list[Document]: ...
    def __getitem__(self, key: int | str | slice) -> Document | list[Document]:
        if isinstance(key, slice):
            return [self[i] for i in range(len(self))[key]]
        if isinstance(key, str):
            index = self._core.index_of(key)
            if index is None:
                raise KeyError(f"no document named {key!r}")
            return Document(self._core.document(index), self)
        try:
            i = operator.index(key)
        except TypeError:
            raise TypeError(
                f"documents are indexed by position, name or slice, not {type(key).__name__}"
            ) from None
        n = len(self)
        if not -n <= i < n:
            raise IndexError(f"document index {i} out of range for a corpus of {n}")
        return Document(self._core.document(i % n), self)

    def __iter__(self) -> Iterator[Document]:
        return (Document(self._core.document(i), self) for i in range(len(self)))

    @property
    def names(self) -> list[str]:
        return self._core.names()

    # -- tables ---------------------------------------------------------------------------

    def tokens(self) -> pd.DataFrame:
        """One row per token: doc, i, start, end, text, kind, boilerplate, and its syntax: pos
        (UPOS), tag (Penn), lemma, head (the head's ``i`` in the same document; a root is its
        own head) and dep (UD relation). The syntax is computed on the first call."""
        return frames.tokens(self)

    def sentences(self) -> pd.DataFrame:
        """One row per sentence: doc, i, start, end, text, boilerplate."""
        return frames.sentences(self)

    def boilerplate(self) -> pd.DataFrame:
        """One row per boilerplate span: doc, i, start, end, text, kind."""
        return frames.boilerplate(self)

    def entities(self) -> pd.DataFrame:
        """One row per entity mention: doc, start, end, text, label, entity (the
        cross-document id), value, unit, lower, upper, approximate, date, relative, source.

        Figures (CARDINAL, ORDINAL, QUANTITY, MONEY, PERCENT) carry ``value`` in the canonical
        ``unit`` (``km``, ``km2``, ``%``, ISO 4217 codes; none for counts), the bounds their
        wording gives (``lower``/``upper``: ``at least 30``, ``nearly 300,000``) and
        ``approximate``; they have no ``entity`` id. Dates and times carry their ISO ``date``
        (a day, month, year or ``first/last`` interval), resolved against the document's date
        when ``relative``, else missing; a resolved one's id is its value (``DATE:2022-11-07``),
        so the same day meets across outlets however it is written. Missing values are NaN/NA."""
        return frames.entities(self)

    def claims(self) -> pd.DataFrame:
        """One row per claim: claim (a stable id), doc, start, end, text, speaker,
        speaker_entity, pronoun, cue, cue_class, polarity, hedged, quote, entities, figures
        (the figure mentions' texts: counts, measures, amounts, ranks), when (its DATE and
        TIME mentions, as written) and date (the day it is about, ISO: the first day a date in
        it names, else the document's date; missing with neither). Each claim object
        (``doc.claims``) carries its figures as entity mentions (``Entity``) with value, unit
        and bounds."""
        return frames.claims(self)

    def align(self) -> Alignment:
        """Aligns the claims of all documents: ``pairs()`` (agree, conflict, related, with
        score and reason), ``groups()`` (claims that say the same thing) and ``coverage()``
        (group x document). Runs in the core, in parallel, with the GIL released, the first
        time only: every call returns the same :class:`Alignment`."""
        if self._alignment is None:
            computed = Alignment.of(self)
            # Held only to publish, never across the work, so no thread (and no process forked
            # meanwhile) can wait on it for long; threads that raced keep the first result.
            with self._alignment_lock:
                if self._alignment is None:
                    self._alignment = computed
        return self._alignment

    def entity_table(self) -> pd.DataFrame:
        """One row per cross-document entity: entity, name, label, aliases, docs, mentions.
        Names, and dates with a calendar value (named by it); figures have no entity."""
        return frames.entity_table(self)

    def report(self, path: str | os.PathLike[str], *, title: str | None = None) -> Path:
        """Writes the HTML report on this corpus to ``path``; see :func:`crosswire.report`."""
        from . import reporting

        return reporting.write(self, path, title=title)

    @property
    def patterns(self) -> Patterns | None:
        """The user's lexicon entries this corpus was built with, if any."""
        return self._patterns

    # -- Python protocols -----------------------------------------------------------------

    def __reduce__(self) -> tuple[Any, ...]:
        docs = list(self)
        return (
            _from_state,
            (
                [d.text for d in docs],
                [d.name for d in docs],
                [d.date for d in docs],
                [d.source for d in docs],
                self._patterns,
            ),
        )

    def __repr__(self) -> str:
        return f"<Corpus: {len(self)} documents>"

    def _repr_html_(self) -> str:
        return display.corpus_html(self)


def _from_state(
    texts: list[str],
    names: list[str],
    dates: list[Any],
    sources: list[Any],
    patterns: Patterns | None = None,
) -> Corpus:
    return Corpus.from_texts(texts, names, dates, sources, patterns=patterns)


def _as_patterns(patterns: Any) -> Patterns | None:
    if patterns is None or isinstance(patterns, Patterns):
        return patterns
    if isinstance(patterns, (str, os.PathLike)):
        return Patterns.from_file(patterns)
    return Patterns(patterns)


def _document(corpus: Corpus, name: str) -> Document:
    return corpus[name]
