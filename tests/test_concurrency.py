"""Lazy stages asked for from many Python threads at once, and Ctrl-C during a stage.

Each scenario runs in a subprocess with a timeout, so that a deadlock fails the test instead
of blocking the run (the hung process is killed).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import crosswire as cw
import pytest

HANG_LIMIT = 240  # seconds; the scenarios take a few seconds each


def run_script(source: str, *args: str, timeout: float = HANG_LIMIT) -> str:
    try:
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(source), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the scenario hung (no end within {timeout} s)")
    assert done.returncode == 0, done.stderr
    return done.stdout


STRESS = """
    import random, sys, threading
    from concurrent.futures import ThreadPoolExecutor
    import crosswire as cw

    sample = [d.text for d in cw.datasets.kherson_2022()]
    rounds, copies = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(12)

    def fresh():
        texts = sample * copies
        return cw.Corpus.from_texts(texts, names=[str(i) for i in range(len(texts))])

    expected = None
    for r in range(rounds):
        # The issue's reproducers: two threads, one asking for claims and one for the
        # alignment, at first use; then a pool of threads over the documents.
        corpus = fresh()
        a = threading.Thread(target=corpus.claims)
        b = threading.Thread(target=lambda: corpus.align().pairs())
        a.start(); b.start(); a.join(); b.join()
        corpus = fresh()
        counts = list(ThreadPoolExecutor(4).map(lambda d: len(d.claims), corpus))
        # Any stage, in any order, from eight threads at once.
        corpus = fresh()
        asks = [
            lambda: len(corpus.tokens()),
            lambda: len(corpus.entities()),
            lambda: len(corpus.claims()),
            lambda: len(corpus.align().pairs()),
            lambda: len(corpus[rng.randrange(len(corpus))].entities),
            lambda: len(corpus[rng.randrange(len(corpus))].claims),
        ]
        picks = [rng.choice(asks) for _ in range(8)]
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda ask: ask(), picks))
        got = (counts, len(corpus.claims()), len(corpus.align().pairs()))
        assert expected is None or got == expected, (got, expected)
        expected = got
    print(expected)
"""


def test_many_threads_over_fresh_corpora_never_hang():
    out = run_script(STRESS, "12", "8")
    counts, claims, pairs = eval(out)
    assert sum(counts) == claims > 0
    assert pairs > 0


INTERRUPT = """
    import _thread, signal, time
    import crosswire as cw

    texts = [d.text for d in cw.datasets.kherson_2022()] * 160
    names = [str(i) for i in range(len(texts))]
    corpus = cw.Corpus.from_texts(texts, names=names)

    # Ctrl-C as soon as the first stage is done, when the claims stage has stages left to
    # run. Looked at from a timer's signal, which the main thread handles where it handles
    # Ctrl-C (the core lets it every 50 ms while a stage runs): not from a thread, which a
    # loaded machine could wake only after the stage had ended.
    seen = []  # what each look saw: printed, so a failure says when the stages got ready

    def look(signum, frame):
        ready = corpus._core.ready()
        seen.append((round(time.monotonic() - start, 3), ready))
        if "text" in ready or "claims" in ready:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if "text" in ready and "claims" not in ready:
            _thread.interrupt_main()

    # A process started in the background by a non-interactive shell inherits SIGINT
    # ignored, and then interrupt_main() does nothing: take Ctrl-C as a terminal gives it.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGALRM, look)
    start = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, 0.005, 0.005)
    try:
        corpus.claims()
        print("not interrupted", seen[:3], seen[-3:], len(seen))
    except KeyboardInterrupt:
        print("interrupted", corpus._core.ready())
    signal.setitimer(signal.ITIMER_REAL, 0)
    # Asked again, the stage runs to the end and gives what an untouched corpus gives.
    again = corpus.claims()
    fresh = cw.Corpus.from_texts(texts, names=names).claims()
    print(again.equals(fresh), corpus._core.ready())
"""


def test_ctrl_c_stops_a_stage_and_leaves_nothing_half_done():
    lines = run_script(INTERRUPT).splitlines()
    assert lines[0].startswith("interrupted"), lines
    assert "'claims'" not in lines[0], lines
    # Claims read the parse: the syntax stage runs before them.
    assert lines[1] == "True ['text', 'syntax', 'entities', 'claims']", lines


def test_alignment_is_a_stage_computed_once():
    corpus = cw.Corpus.from_texts(
        ["Kyiv said 32 soldiers died near Kherson.", "Ukraine said 32 soldiers died near Kherson."]
    )
    assert "alignment" not in corpus._core.ready()
    first = corpus.align().pairs()
    assert corpus._core.ready() == ["text", "syntax", "entities", "claims", "alignment"]
    assert corpus.align().pairs().equals(first)
