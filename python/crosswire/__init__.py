"""crosswire: cross-check news coverage — who reported what.

>>> import crosswire as cw
>>> corpus = cw.datasets.kherson_2022()
>>> corpus.sentences().head()
"""

from __future__ import annotations

import os as _os
from pathlib import Path as _Path

from . import datasets
from ._core import DecodeError, __version__
from .alignment import Alignment, Comparison, compare, compare_many
from .analysis import Analysis, AnalysisError
from .corpus import Corpus, Document
from .patterns import Patterns
from .tokenizer import explain

__all__ = [
    "Corpus",
    "Document",
    "Alignment",
    "Comparison",
    "compare",
    "compare_many",
    "explain",
    "Analysis",
    "AnalysisError",
    "report",
    "Patterns",
    "DecodeError",
    "datasets",
    "__version__",
]


def report(corpus: Corpus, path: str | _os.PathLike[str], *, title: str | None = None) -> _Path:
    """Writes the HTML report on ``corpus`` to ``path``: one self-contained file (no scripts, no
    network) with the corpus at a glance, conflicting, corroborated and single-source claims,
    the coverage matrix, the entity table and every document. Returns the path."""
    from . import reporting

    return reporting.write(corpus, path, title=title)
