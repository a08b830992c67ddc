"""Sample corpora bundled with the package."""

from __future__ import annotations

from pathlib import Path

from .corpus import Corpus

_DATA = Path(__file__).parent / "data"


def kherson_2022() -> Corpus:
    """Five articles from different outlets on the battle for Kherson in 2022, as scraped:
    metadata headers, photo credits, machine-translation artefacts and site navigation."""
    return Corpus.from_dir(_DATA / "kherson-2022")
