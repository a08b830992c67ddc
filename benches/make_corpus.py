"""Builds a realistic news corpus of any size: a folder of .txt articles (optionally nested)
mixed from public text in ../shared, in which outlets share claims the way real ones do.

    python benches/make_corpus.py OUT --articles 100000 [--seed 0] [--nested] [--jobs N]

What it writes, and why it looks like news coverage (see benches/corpusgen/ for the how):
- Events, each covered by 1 to 80 outlets (log-normal: median 4, mean about 5; a quarter are
  single-source), spread over two years from 2023-01-01. An event's facts are the sentences
  of one source article (a CoNLL-2003 Reuters story, or a scraped one from the sample corpus
  or newswcl50-dev) and a few MSRP sentence pairs; its people, places, organisations and
  figures are its own (a cast drawn from CoNLL's names, a scale for its numbers), so the same
  source sentence reads differently in every event, and alike in every outlet of one event.
- Articles of 300 to 900 words (`--words`): a headline, a metadata header in the outlet's
  scraper style (` date …`, `Date:`/`Source:` lines, or none), a byline, a dateline, the
  lead fact and a share of the others, each copied, reworded (attribution moved, another
  reporting verb, a common phrase swapped), replaced by its MSRP twin (a paraphrase, or only
  related) or given other figures (a conflict); background sentences (UD EWT weblogs and
  newsgroups, CoNLL sentences) between them; captions, photo credits and trailing site
  boilerplate as scrapers leave them.
- Wire copy: in 40% of the events covered twice or more, a wire service writes the first
  article and 30-70% of the other outlets republish it whole with small edits (a new
  headline, one or two paragraphs dropped, another byline, their own footer).

Files are named `DATE_OUTLET_NUMBER.txt` (so sorting by name sorts by date, and one event's
articles sit among other events' of the same days); `--nested` puts them in `YYYY-MM/OUTLET/`.
`_manifest.jsonl` (one line per article: name, path, event, outlet, date, kind, wire_of, words,
facts as [fact, form]) and `_stats.json` (the figures printed at the end) sit at the top; they
are not .txt, so a corpus reader skips them. The same seed gives the same corpus, whatever
`--jobs` (each event is drawn from its own generator, seeded by the seed and its number).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import multiprocessing as mp
import os
import random
import statistics
import sys
import time
from array import array
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpusgen import sources  # noqa: E402
from corpusgen.compose import Article, Event  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"  # ../shared beside the clone
DAY0 = dt.date(2023, 1, 1)
DAYS = 730
EVENTS_PER_TASK = 200

# Set in each worker (inherited through fork, or loaded by `_init`).
_SOURCES: sources.Sources | None = None


def plan(articles: int, seed: int) -> list[tuple[int, int, int]]:
    """`(event, size, first article index)` for events whose sizes add up to `articles`."""
    rng = random.Random(f"{seed}:plan")
    out, total, event = [], 0, 0
    while total < articles:
        size = max(1, min(80, round(rng.lognormvariate(1.3, 0.8))))
        size = min(size, articles - total)
        out.append((event, size, total))
        total += size
        event += 1
    return out


def relative_path(article: Article, nested: bool) -> str:
    if nested:
        return f"{article.date:%Y-%m}/{article.outlet.slug}/{article.name}.txt"
    return f"{article.name}.txt"


def _init(shared: str) -> None:
    global _SOURCES
    if _SOURCES is None:
        _SOURCES = sources.load(Path(shared))


def _write_events(task: tuple) -> tuple[list[str], dict, bytes]:
    """Writes the articles of some events; returns their manifest lines, their counts and the
    hashes of their paragraphs (to count repeated ones across the corpus)."""
    out, events, seed, nested, words = task
    assert _SOURCES is not None
    made: set[str] = set()
    manifest: list[str] = []
    counts: dict = {"kind": Counter(), "form": Counter(), "words": [], "paragraphs": 0}
    hashes = array("Q")
    for number, size, first in events:
        event = Event(number, seed, _SOURCES, DAY0, DAYS)
        for article in event.articles(first, size, *words):
            path = relative_path(article, nested)
            folder = os.path.dirname(path)
            if folder and folder not in made:
                os.makedirs(os.path.join(out, folder), exist_ok=True)
                made.add(folder)
            text = article.text()
            with open(os.path.join(out, path), "w", encoding="utf-8") as f:
                f.write(text)
            n = len(text.split())
            facts = article.facts()
            manifest.append(
                json.dumps(
                    {
                        "name": article.name,
                        "path": path,
                        "event": article.event,
                        "outlet": article.outlet.name,
                        "date": article.date.isoformat(),
                        "kind": article.kind,
                        "wire_of": article.wire_of,
                        "words": n,
                        "facts": facts,
                    }
                )
            )
            counts["kind"][article.kind] += 1
            counts["form"].update(form for _, form in facts)
            counts["words"].append(n)
            for paragraph, _ in article.paragraphs:
                digest = hashlib.blake2b(paragraph.encode("utf-8"), digest_size=8).digest()
                hashes.append(int.from_bytes(digest, "little"))
    return manifest, counts, hashes.tobytes()


def build(
    out: Path,
    articles: int,
    seed: int = 0,
    nested: bool = False,
    jobs: int | None = None,
    words: tuple[int, int] = (300, 900),
    shared: Path = SHARED,
) -> dict:
    """Writes the corpus to `out` (which must not hold one already) and returns its figures."""
    out.mkdir(parents=True, exist_ok=True)
    if (out / "_manifest.jsonl").exists():
        raise SystemExit(f"{out} already holds a corpus (_manifest.jsonl); use a new folder")
    started = time.perf_counter()
    global _SOURCES
    _SOURCES = sources.load(shared)
    events = plan(articles, seed)
    tasks = [
        (str(out), events[i : i + EVENTS_PER_TASK], seed, nested, words)
        for i in range(0, len(events), EVENTS_PER_TASK)
    ]
    jobs = jobs or os.cpu_count() or 1
    kinds, forms, all_words, seen = Counter(), Counter(), [], array("Q")
    with open(out / "_manifest.jsonl", "w", encoding="utf-8") as manifest:
        if jobs == 1:
            results = map(_write_events, tasks)
            pool = None
        else:
            # fork shares the loaded sources; elsewhere each worker loads its own.
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            pool = mp.get_context(method).Pool(jobs, initializer=_init, initargs=(str(shared),))
            results = pool.imap(_write_events, tasks)
        for lines, counts, hashes in results:
            manifest.write("".join(line + "\n" for line in lines))
            kinds.update(counts["kind"])
            forms.update(counts["form"])
            all_words += counts["words"]
            seen.frombytes(hashes)
        if pool is not None:
            pool.close()
            pool.join()
    sizes = [size for _, size, _ in events]
    fact_total = sum(forms.values())
    stats = {
        "articles": articles,
        "seed": seed,
        "nested": nested,
        "seconds": round(time.perf_counter() - started, 1),
        "words": sum(all_words),
        "words_per_article": _spread(all_words),
        "events": len(events),
        "articles_per_event": _spread(sizes),
        "single_source_events": sum(1 for s in sizes if s == 1),
        "articles_by_kind": dict(kinds),
        "facts_by_form": dict(forms),
        "facts_share_by_form": {k: round(v / fact_total, 3) for k, v in forms.items()},
        "paragraphs": len(seen),
        "distinct_paragraph_share": round(len(set(seen)) / max(len(seen), 1), 3),
        "sources": _SOURCES.stats,
    }
    (out / "_stats.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    return stats


def _spread(xs: list[int]) -> dict:
    s = sorted(xs)
    q = statistics.quantiles(s, n=10) if len(s) > 1 else [s[0]] * 9
    return {
        "min": s[0],
        "p10": q[0],
        "median": statistics.median(s),
        "mean": round(statistics.fmean(s), 1),
        "p90": q[-1],
        "max": s[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("out", type=Path, help="folder to write (new, or empty)")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--nested", action="store_true", help="YYYY-MM/OUTLET/ sub-folders")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--words", type=int, nargs=2, default=(300, 900), metavar=("MIN", "MAX"))
    parser.add_argument("--shared", type=Path, default=SHARED, help="the ../shared folder")
    args = parser.parse_args()
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    stats = build(
        args.out, args.articles, args.seed, args.nested, args.jobs, tuple(args.words), args.shared
    )
    json.dump(stats, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
