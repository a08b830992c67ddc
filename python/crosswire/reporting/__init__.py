"""The report: one self-contained HTML page to read a corpus's coverage and pass around.

>>> import crosswire as cw
>>> cw.report(cw.datasets.kherson_2022(), "report.html")  # doctest: +SKIP
PosixPath('report.html')

:func:`render` returns the page as a string; :func:`write` saves it. Both run whatever
analysis has not run yet (text, entities, claims, alignment), announcing each stage to an
optional :class:`~crosswire.progress.Progress`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from . import model, template
from .model import Limits

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..progress import Progress

__all__ = ["render", "write", "STAGES", "Limits"]

STAGES = ["text", "entities", "claims", "alignment", "layout", "writing"]


def render(
    corpus: Corpus,
    *,
    title: str | None = None,
    progress: Progress | None = None,
    limits: Limits | None = None,
) -> str:
    """The report on ``corpus`` as one HTML document (styles inline, no scripts, no fetches).
    ``limits`` caps how much of a large corpus it draws (:class:`Limits`' defaults otherwise)."""
    stage = progress.stage if progress is not None else (lambda _: None)
    m = model.build(corpus, title=title, stage=stage, limits=limits)
    docs = [corpus[d.index] for d in m.shown_docs]
    texts = [doc.text for doc in docs]
    boilerplate = [[(b.start, b.end, b.kind) for b in doc.boilerplate] for doc in docs]
    return template.page(m, texts, boilerplate)


def write(
    corpus: Corpus,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    progress: Progress | None = None,
    limits: Limits | None = None,
) -> Path:
    """Writes the report to ``path`` (UTF-8) and returns the path."""
    page = render(corpus, title=title, progress=progress, limits=limits)
    if progress is not None:
        progress.stage("writing")
    target = Path(path)
    target.write_text(page, encoding="utf-8")
    return target
