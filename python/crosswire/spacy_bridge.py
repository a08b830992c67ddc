"""A crosswire document as a ``spacy.tokens.Doc``, for spaCy users' own pipelines. spaCy is
optional: it is imported only here, when asked for."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import Document


def _spacy() -> Any:
    try:
        import spacy.tokens
        import spacy.util
    except ImportError as e:
        raise ImportError(
            "Document.to_spacy needs spaCy, which crosswire does not install: pip install spacy"
        ) from e
    return spacy


def to_spacy(doc: Document, vocab: Any) -> Any:
    """See :meth:`crosswire.Document.to_spacy`."""
    spacy = _spacy()
    vocab = getattr(vocab, "vocab", vocab)  # a pipeline carries its vocabulary
    view = doc.tokens
    tokens = [view[i] for i in range(len(view))]
    text = doc.text
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    # A token is followed by a space when any gap separates it from the next (or the end).
    spaces = [
        end < (starts[i + 1] if i + 1 < len(starts) else len(text)) for i, end in enumerate(ends)
    ]
    syntax = doc._doc.syntax_columns()
    out = spacy.tokens.Doc(
        vocab,
        words=[t.text for t in tokens],
        spaces=spaces,
        tags=syntax["tag"],
        pos=syntax["pos"],
        lemmas=syntax["lemma"],
        heads=syntax["head"],
        deps=syntax["dep"],
    )
    spans = []
    for e in doc.entities:
        # The tokens the entity covers (entities start and end at token boundaries).
        first, last = bisect_right(ends, e.start), bisect_left(starts, e.end)
        if first < last:
            spans.append(spacy.tokens.Span(out, first, last, label=e.label, kb_id=e.entity or ""))
    out.ents = spacy.util.filter_spans(spans)
    return out
