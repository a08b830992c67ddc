"""Results never depend on the number of threads: the same corpus analysed with one rayon
thread and with two, each in its own process, gives identical tables."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap

import pandas as pd

SCRIPT = textwrap.dedent(
    """
    import pickle, sys
    import crosswire as cw
    sample = cw.datasets.kherson_2022()
    # Many documents of different sizes, so that work is actually split between threads.
    texts, names = [], []
    for k in range(40):
        for doc in sample:
            texts.append(doc.text[: 200 * (k + 1)] + "\\r\\n\\u00a0Gen. X said “yes” 😀.\\n\\n" * (k % 3))
            names.append(f"{doc.name}-{k}")
    corpus = cw.Corpus.from_texts(texts, names)
    with open(sys.argv[1], "wb") as f:
        pickle.dump((corpus.tokens(), corpus.sentences(), corpus.boilerplate()), f)
    """
)


def run(threads: int, out) -> tuple[pd.DataFrame, ...]:
    env = {**os.environ, "RAYON_NUM_THREADS": str(threads)}
    subprocess.run([sys.executable, "-c", SCRIPT, str(out)], env=env, check=True, timeout=300)
    with open(out, "rb") as f:
        return pickle.load(f)


def test_tables_do_not_depend_on_thread_count(tmp_path):
    one = run(1, tmp_path / "one.pkl")
    two = run(2, tmp_path / "two.pkl")
    assert len(one[0]) > 100_000, "enough tokens for the work to be split"
    for a, b in zip(one, two):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
