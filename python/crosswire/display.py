"""HTML for Jupyter. PLACEHOLDER until the display work lands."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import Corpus, Document


def document_html(doc: Document) -> str:
    return f"<pre>{html.escape(doc.text)}</pre>"


def corpus_html(corpus: Corpus) -> str:
    return f"<p>{len(corpus)} documents</p>"
