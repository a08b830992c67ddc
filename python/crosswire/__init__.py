"""crosswire: cross-check news coverage — who reported what.

>>> import crosswire as cw
>>> corpus = cw.datasets.kherson_2022()
>>> corpus.sentences().head()
"""

from . import datasets
from ._core import DecodeError, __version__
from .alignment import Alignment, Comparison, compare, compare_many
from .corpus import Corpus, Document
from .patterns import Patterns

__all__ = ["Corpus", "Document", "Alignment", "Comparison", "compare", "compare_many", "Patterns", "DecodeError", "datasets", "__version__"]
