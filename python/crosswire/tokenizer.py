"""Why the tokenizer cut a text where it did, rule by rule, as spaCy's ``tokenizer.explain``.

>>> import crosswire as cw
>>> [(rule, t.text) for rule, t in cw.explain("Gen. Budanov’s war.")]
[('special:abbreviation', 'Gen.'), ('word', 'Budanov'), ('suffix:clitic', '’s'), ('word', 'war'), ('suffix:period', '.')]
"""

from __future__ import annotations

from . import _core
from .inputs import text as _text
from .inputs import unencodable

__all__ = ["explain"]


def explain(text: str) -> list[tuple[str, _core.Token]]:
    """Each token of ``text`` with the name of the rule that produced it, in text order:
    ``(rule, Token)`` pairs, offsets in code points (``text[t.start:t.end] == t.text``). The
    tokens are exactly those of ``doc.tokens``; the rule names (``word``, ``number``,
    ``special:*``, ``match:*``, ``suffix:*``, ``infix:*``, ``quote:*``, ...) are listed in the
    tokenizer's documentation (src/text/tokens/mod.rs)."""
    try:
        return _core.explain(_text(text, "text"))
    except UnicodeEncodeError:
        raise ValueError(unencodable([("text", text)])) from None
