"""A speaker's stock remarks (`a great day for the world`, `a great chance to solve a world
problem`) share common words whatever they are said of: two of them agree only when they
share a frame, something named, or rarer words (align/apart.rs `quoted_stock_words`).
Hand-made pairs, not sentences of a dev corpus."""

from __future__ import annotations

import pytest
from conftest import two_outlet_relations

STOCK_APART = [
    (
        '"There\'s a great chance to solve a world problem," Trump said.',
        '"It will be a great day for the world," Trump said.',
    ),
]

ONE_REMARK = [
    # One sentence word for word is one remark carried.
    (
        '"It will be a great day for the world," Trump said.',
        '"It will be a great day for the world," the president said.',
    ),
    # A phrase of two content words carried (`good news`) is one remark quoted.
    (
        'Trump called it "good news."',
        '"This can be good news in that we will now counter," Trump said.',
    ),
    # Rarer words shared (`summit`, `historic`) tie two remarks to one thing.
    (
        '"The summit will be a historic success," Trump said.',
        '"The summit will be a historic triumph," Trump told reporters.',
    ),
]


@pytest.mark.parametrize(("a", "b"), STOCK_APART)
def test_stock_remarks_sharing_only_common_words_do_not_agree(a: str, b: str) -> None:
    assert "agree" not in two_outlet_relations(a, b)


@pytest.mark.parametrize(("a", "b"), ONE_REMARK)
def test_one_remark_still_agrees(a: str, b: str) -> None:
    assert two_outlet_relations(a, b) == ["agree"]
