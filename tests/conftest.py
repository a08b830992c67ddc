"""Shared fixtures: the bundled sample corpus and a helper to lay out corpus folders."""

from __future__ import annotations

import random
from pathlib import Path

import crosswire as cw
import pytest

SAMPLE_DIR = Path(cw.__file__).parent / "data" / "kherson-2022"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sample() -> cw.Corpus:
    return cw.datasets.kherson_2022()


@pytest.fixture
def folder(tmp_path: Path):
    """``folder({"a.txt": b"..."})`` writes the files (bytes as given) and returns the path."""

    def make(files: dict[str, bytes | str]) -> Path:
        for name, data in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, str):
                data = data.encode("utf-8")
            path.write_bytes(data)
        return tmp_path

    return make


def tiny_documents(n: int) -> cw.Corpus:
    """``n`` one-line articles, each with one claim in words of its own (so none align): the
    shape of a corpus whose groups x documents is large."""
    rng = random.Random(n)

    def word() -> str:
        return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))

    return cw.Corpus.from_texts(
        [f"The {word()} council said the {word()} bridge reopened." for _ in range(n)]
    )
