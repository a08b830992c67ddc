"""Public text read into sentence templates: the raw material of the synthetic corpora.

A template is a tuple of parts: literal strings, and slots `(kind, key)` for the names and
figures an event fills in with its own cast (so one source sentence reads differently in every
event that uses it, and the same in every outlet covering one event). Kinds: `P` a person's
full name, `S` a person named by surname alone, `L` a place, `O` an organisation, `N` a
figure. Slots of one person share a key (the surname), so `Franz Fischler` and `Fischler`
become one person of the cast.

Sources (all in ../shared, see its README files):
- CoNLL-2003 (eng.train, eng.testa): Reuters articles of 1996, split at their datelines into
  headline + body; names from the NER tags.
- MSRP (train): pairs of sentences from different outlets on one story, judged paraphrases (1)
  or not (0); both sides of a pair share slot keys, so a pair stays a pair once filled.
- UD EWT (train): weblog and newsgroup sentences (the news-like genres), as background.
- The sample corpus (kherson-2022) and newswcl50-dev: whole scraped articles, by paragraph.

Names in the untagged texts (MSRP, EWT, the scraped articles) are found by looking capitalised
word runs up in the names CoNLL tags; numbers above 12 that are not years are figures.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

Slot = tuple[str, str]
Part = "str | Slot"
Template = tuple


@dataclass
class Doc:
    """A source article: its headline and body sentences (templates)."""

    headline: Template
    body: list[Template]
    origin: str


@dataclass
class Sources:
    docs: list[Doc]
    #: MSRP pairs: (paraphrase?, template a, template b).
    pairs: list[tuple[bool, Template, Template]]
    #: Background sentences (EWT weblogs and newsgroups, CoNLL sentences of other articles).
    background: list[Template]
    first_names: list[str]
    surnames: list[str]
    places: list[str]
    orgs: list[str]
    stats: dict[str, int] = field(default_factory=dict)


# -- detokenizing CoNLL tokens ------------------------------------------------------------

_NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", ")", "]", "%", "'s", "n't", "'re", "'ve"}
_NO_SPACE_BEFORE |= {"'ll", "'d", "'m", "'", "...", "'S"}
_NO_SPACE_AFTER = {"(", "[", "$", "#"}
# A number beside a month name is a day (`May 22`), not a figure.
MONTHS = set(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_figure(token: str) -> bool:
    """A number worth varying: above 12 (small counts read as words do) and not a year."""
    if not _NUMBER.match(token) or (token.startswith("0") and not token.startswith("0.")):
        return False
    value = float(token.replace(",", ""))
    year = "," not in token and "." not in token and 1900 <= value <= 2099
    return value > 12 and not year


def _spaced(tokens: list[str]) -> list[str]:
    """The whitespace to put before each token, as in running text."""
    out, open_quote, glue_next = [], False, True
    for tok in tokens:
        space = " "
        if glue_next or tok in _NO_SPACE_BEFORE:
            space = ""
        glue_next = tok in _NO_SPACE_AFTER
        if tok == '"':
            if open_quote:
                space = ""
            else:
                glue_next = True
            open_quote = not open_quote
        out.append(space)
    return out


def _conll_template(rows: list[tuple[str, str]]) -> Template:
    """Tokens with NER tags (IOB2) to a template; adjacent literal text is merged."""
    tokens = [w for w, _ in rows]
    spaces = _spaced(tokens)
    parts: list = []
    i = 0
    while i < len(rows):
        word, tag = rows[i]
        if tag[:2] in ("B-", "I-") and tag[2:] in ("PER", "LOC", "ORG"):
            kind = tag[2:]
            j = i + 1
            while j < len(rows) and rows[j][1] == f"I-{kind}":
                j += 1
            words = tokens[i:j]
            text = " ".join(words)
            if kind == "PER":
                slot = ("P" if len(words) > 1 else "S", words[-1].lower())
            else:
                slot = ("L" if kind == "LOC" else "O", text.lower())
            parts += [spaces[i], slot]
            i = j
            continue
        parts.append(spaces[i])
        near = {rows[k][0] for k in (i - 1, i + 1) if 0 <= k < len(rows)}
        parts.append(("N", word) if is_figure(word) and not near & MONTHS else word)
        i += 1
    return _merge(parts)


def _merge(parts: list) -> Template:
    out: list = []
    for p in parts:
        if isinstance(p, str):
            if not p:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += p
                continue
        out.append(p)
    return tuple(out)


def words_of(t: Template) -> int:
    """Words of a template once filled (a slot counts as one word: close enough)."""
    return sum(len(p.split()) if isinstance(p, str) else 1 for p in t)


def _conll_sentences(path: Path) -> list[list[tuple[str, str]]]:
    sentences, rows = [], []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("-DOCSTART-"):
            if rows:
                sentences.append(rows)
            rows = []
            continue
        cols = line.split()
        rows.append((cols[0], cols[-1]))
    if rows:
        sentences.append(rows)
    return sentences


def _is_prose(rows: list[tuple[str, str]]) -> bool:
    """A sentence of running text: long enough, ends like one, its quotes closed, not a
    results table (`Fall of wickets: 1-57 2-98 …`)."""
    words = [w for w, _ in rows]
    if len(words) < 6 or words[-1] not in (".", '"') or words.count('"') % 2:
        return False
    numbers = sum(1 for w in words if any(c.isdigit() for c in w))
    upper = sum(1 for w in words if w.isupper() and len(w) > 1)
    return numbers * 5 < len(words) and upper * 3 < len(words)


def conll_docs(paths: list[Path]) -> tuple[list[Doc], list[list[tuple[str, str]]]]:
    """Reuters articles: a dateline (`BRUSSELS 1996-08-22`) opens each; the sentence before it
    is the headline (a byline of names alone may sit between). Articles with fewer than four
    sentences of prose (results tables, market reports) are left out. Also returns every
    tagged sentence, for the name pools."""
    docs: list[Doc] = []
    everything: list[list[tuple[str, str]]] = []
    for path in paths:
        sentences = _conll_sentences(path)
        everything += sentences
        # (headline, sentences) of each article, split at the datelines; the first entry
        # holds what comes before the first dateline.
        articles: list[tuple[list | None, list]] = [(None, [])]
        for s in sentences:
            if len(s) <= 6 and _DATE.match(s[-1][0]):
                tail = articles[-1][1]
                while tail and all(t.endswith("PER") for _, t in tail[-1]):
                    tail.pop()  # the byline
                articles.append((tail.pop() if tail else None, []))
            else:
                articles[-1][1].append(s)
        for headline, body_rows in articles:
            if headline is None:
                continue
            body = [_conll_template(s) for s in body_rows if _is_prose(s)]
            if len(body) >= 4:
                head = headline[:-1] if headline[-1][0] == "." else headline
                docs.append(Doc(_conll_template(head), body, path.name))
    return docs, everything


# -- names ----------------------------------------------------------------------------

_CAP_WORD = re.compile(r"[A-Z][a-zA-Z]+(?:-[A-Z]?[a-zA-Z]+)*\.?")
_FIGURE_IN_TEXT = re.compile(r"(?<![\w:.,/$-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w:/-]|[.,]\d)")
_FIGURE_PLAIN = re.compile(r"(?<![\w:.,/-])\d+(?:\.\d+)?(?![\w:/-]|[.,]\d)")


@dataclass
class Names:
    """Names CoNLL tags, by folded form: the label most often given; and pools to draw an
    event's cast from."""

    label: dict[str, str]
    longest: int
    first_names: list[str]
    surnames: list[str]
    places: list[str]
    orgs: list[str]


def _plain_name(s: str) -> bool:
    return (
        all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in s.split())
        and not s.isupper()
    )


def names_of(sentences: list[list[tuple[str, str]]]) -> Names:
    labels: dict[str, Counter] = defaultdict(Counter)
    people, places, orgs = Counter(), Counter(), Counter()
    for rows in sentences:
        i = 0
        while i < len(rows):
            tag = rows[i][1]
            if tag[:2] not in ("B-", "I-"):
                i += 1
                continue
            kind, j = tag[2:], i + 1
            while j < len(rows) and rows[j][1] == f"I-{kind}":
                j += 1
            text = " ".join(w for w, _ in rows[i:j])
            labels[text.lower()][kind] += 1
            if _plain_name(text) and kind != "MISC":
                {"PER": people, "LOC": places, "ORG": orgs}[kind][text] += 1
            i = j
    # Words mostly tagged MISC (`German`, `American`) are not names to swap.
    label = {k: c.most_common(1)[0][0] for k, c in labels.items()}
    label = {k: v for k, v in label.items() if v != "MISC"}
    full = [p.split() for p in people if len(p.split()) == 2 and p.replace(" ", "").isalpha()]
    return Names(
        label=label,
        longest=max(len(k.split()) for k in label),
        first_names=sorted({f for f, _ in full}),
        surnames=sorted({s for _, s in full}),
        places=sorted(p for p, n in places.items() if n >= 2),
        orgs=sorted(o for o, n in orgs.items() if n >= 2 and len(o) > 3),
    )


def text_template(text: str, names: Names) -> Template:
    """Slots in untagged text: capitalised word runs found among CoNLL's names (the longest
    that matches), and figures."""
    spans: list[tuple[int, int, tuple[str, str]]] = []
    words = list(_CAP_WORD.finditer(text))
    i = 0
    while i < len(words):
        run = [words[i]]
        while i + len(run) < len(words) and len(run) < names.longest:
            nxt = words[i + len(run)]
            if text[run[-1].end() : nxt.start()] != " ":
                break
            run.append(nxt)
        for n in range(len(run), 0, -1):
            start, end = run[0].start(), run[n - 1].end()
            phrase = text[start:end].rstrip(".")
            kind = names.label.get(phrase.lower())
            if kind is None:
                continue
            end = start + len(phrase)
            if kind == "PER":
                last = phrase.split()[-1].lower()
                spans.append((start, end, ("P" if n > 1 else "S", last)))
            else:
                spans.append((start, end, ("L" if kind == "LOC" else "O", phrase.lower())))
            i += n - 1
            break
        i += 1
    for pattern in (_FIGURE_IN_TEXT, _FIGURE_PLAIN):
        for m in pattern.finditer(text):
            before = text[: m.start()].rsplit(None, 1)[-1:] or [""]
            after = text[m.end() :].split(None, 1)[:1] or [""]
            if {before[0], after[0].rstrip(".,")} & MONTHS or not is_figure(m.group()):
                continue
            if not any(s < m.end() and m.start() < e for s, e, _ in spans):
                spans.append((m.start(), m.end(), ("N", m.group())))
    spans.sort()
    parts: list = []
    pos = 0
    for s, e, slot in spans:
        parts += [text[pos:s], slot]
        pos = e
    parts.append(text[pos:])
    return _merge(parts)


# -- the other sources ------------------------------------------------------------------


def msrp_pairs(path: Path, names: Names) -> list[tuple[bool, Template, Template]]:
    out = []
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 5:
                out.append(
                    (cols[0] == "1", text_template(cols[3], names), text_template(cols[4], names))
                )
    return out


def ewt_sentences(path: Path, names: Names) -> list[Template]:
    """Weblog and newsgroup sentences of 8 to 45 words: opinion and background."""
    out, genre = [], ""
    for line in open(path, encoding="utf-8"):
        if line.startswith("# sent_id = "):
            genre = line[12:].split("-", 1)[0]
        elif line.startswith("# text = ") and genre in ("weblog", "newsgroup"):
            text = line[9:].strip()
            n = len(text.split())
            if 8 <= n <= 45 and text[-1] in '.!?"' and text[0].isupper():
                out.append(text_template(text, names))
    return out


def scraped_docs(folder: Path, names: Names) -> list[Doc]:
    """Scraped articles by paragraph (captions and junk included): the first paragraph is
    the headline when it is short, else the headline is the first sentence."""
    docs = []
    for path in sorted(folder.rglob("*.txt")):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
        paragraphs = [p for p in paragraphs if p]
        if len(paragraphs) < 5:
            continue
        head = paragraphs[0] if len(paragraphs[0].split()) <= 25 else paragraphs[0].split(". ")[0]
        body = [text_template(p, names) for p in paragraphs[1:]]
        docs.append(Doc(text_template(head.lstrip(), names), body, path.parent.name))
    return docs


def load(shared: Path) -> Sources:
    data, corpus = shared / "data", shared / "corpus"
    conll = [data / "conll2003" / "eng.train", data / "conll2003" / "eng.testa"]
    docs, tagged = conll_docs(conll)
    names = names_of(tagged)
    pairs = msrp_pairs(data / "msrp" / "msr_paraphrase_train.txt", names)
    ewt = ewt_sentences(data / "ud-ewt" / "en_ewt-ud-train.conllu", names)
    scraped = []
    for folder in ("kherson-2022", "newswcl50-dev"):
        if (corpus / folder).is_dir():
            scraped += scraped_docs(corpus / folder, names)
    background = ewt + [s for d in docs for s in d.body]
    return Sources(
        docs=docs + scraped,
        pairs=pairs,
        background=background,
        first_names=names.first_names,
        surnames=names.surnames,
        places=names.places,
        orgs=names.orgs,
        stats={
            "conll_articles": len(docs),
            "scraped_articles": len(scraped),
            "msrp_pairs": len(pairs),
            "ewt_sentences": len(ewt),
            "background_sentences": len(background),
            "first_names": len(names.first_names),
            "surnames": len(names.surnames),
            "places": len(names.places),
            "orgs": len(names.orgs),
        },
    )


def crc(s: str) -> int:
    """A hash that does not change between runs (Python's `hash` of a str does)."""
    return zlib.crc32(s.encode("utf-8"))
