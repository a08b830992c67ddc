"""Worker processes forked after crosswire has run in parallel must still work (the core's
thread pool does not survive fork(); the bindings build a new one in the child)."""

import multiprocessing
import sys

import crosswire as cw
import pytest

TEXTS = ["Kyiv said on Monday that 20 soldiers were freed near Kherson."] * 40


def entity_count(_: int) -> int:
    corpus = cw.Corpus.from_texts(TEXTS)
    return len(corpus.entities()) + len(corpus.claims())


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX-only")
def test_forked_workers_analyse_after_the_parent_has():
    expected = entity_count(0)  # the parent's pool now has threads
    with multiprocessing.get_context("fork").Pool(2) as pool:
        counts = pool.map_async(entity_count, range(4)).get(timeout=120)
    assert expected > 0
    assert counts == [expected] * 4
