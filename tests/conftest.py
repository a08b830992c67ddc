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


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    (d / "markup.txt").write_text(
        'Hello <script>alert("x")</script> and <img src=x onerror="alert(1)">, "quoted", a,b\n\n'
        "Stremoúsov’s 💥 report: 1,600 troops.",
        encoding="utf-8",
    )
    (d / "empty.txt").write_bytes(b"")
    (d / "bom_crlf.txt").write_bytes("\ufeffFirst line.\r\nSecond line.\r\n".encode())
    (d / "bad.txt").write_bytes(b"Valid start. \xff\xfe then more text.")
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff")
    (d / "notes.md").write_text("# not an article", encoding="utf-8")
    (d / "sub").mkdir()
    (d / "sub" / "nested.txt").write_text("not read", encoding="utf-8")
    return d


@pytest.fixture(scope="session")
def valid(hostile, tmp_path_factory) -> Path:
    """The hostile folder without the invalid UTF-8 file."""
    d = tmp_path_factory.mktemp("valid")
    for f in hostile.iterdir():
        if f.is_file() and f.name != "bad.txt":
            (d / f.name).write_bytes(f.read_bytes())
    return d


def tiny_documents(n: int) -> cw.Corpus:
    """``n`` one-line articles, each with one claim in words of its own (so none align): the
    shape of a corpus whose groups x documents is large."""
    rng = random.Random(n)
    used: set[str] = set()

    def word() -> str:
        # Never the same word twice: two articles sharing a council or a bridge would be
        # two claims about one thing, and may rightly align.
        while True:
            w = "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
            if w not in used:
                used.add(w)
                return w

    return cw.Corpus.from_texts(
        [f"The {word()} council said the {word()} bridge reopened." for _ in range(n)]
    )


def two_outlet_relations(a: str, b: str) -> list[str]:
    """The relations of the pairs found between two reports, one an outlet."""
    corpus = cw.Corpus.from_texts([a, b], sources=["outlet0", "outlet1"])
    return list(corpus.align().pairs()["relation"])
