"""Events covered by several outlets, written as articles.

An event takes one source article (its headline and sentences are the event's facts), a few
MSRP pairs (facts that outlets word one way or the other) and a cast: the people, places and
organisations every slot of its sentences is filled with, and a scale for its figures. Each
outlet covering it writes its own article: a headline, maybe a metadata header, a byline and a
dateline, some of the facts (the lead always) each copied, paraphrased or with other figures,
background sentences in between, and the outlet's captions and trailing boilerplate. Some
events have wire copy: a wire service's article that other outlets republish with small edits
(a new headline, a paragraph dropped, another byline, their own footer).

Everything is drawn from a random generator seeded by the corpus seed and the event number,
so an event reads the same whichever process writes it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .sources import Sources, Template, crc, words_of

# Outlet names are made up from these words: `Riverton Herald`, `Coastal Ledger`, …
OUTLET_PLACES = (
    "Riverton Bay Eastport Lakeside Hillcrest Westbrook Capital Metro Valley Coastal Harbor "
    "Summit Prairie Granite Union Liberty Pioneer Frontier Central Northern"
).split()
OUTLET_NOUNS = (
    "Herald Times Post Tribune Courier Gazette Ledger Observer Chronicle Journal Dispatch "
    "Sentinel Record Review Daily"
).split()
WIRES = ("Continental Press", "Global Wire Service", "Meridian News Agency", "Atlas Press")
PHOTO_AGENCIES = ("AP", "AFP", "Reuters", "EPA", "Getty Images")

# How an original article words a fact: with an MSRP twin, half the outlets use the twin
# (a paraphrase, or only related); otherwise copied, reworded, or with other figures (a fact
# with no figure is copied where a conflict is drawn).
TWIN_SHARE = 0.5
FORM_WEIGHTS = {"copy": 0.6, "rewrite": 0.3, "conflict": 0.1}
WIRE_SHARE = 0.4  # of events covered by two or more outlets
REPUBLISHED_SHARE = (0.3, 0.7)  # of the other outlets' articles, in an event with wire copy
FACT_WORDS = 1200  # an event's facts: a little more than the longest article carries
BACKGROUND_SHARE = 0.15  # of an article's words, at most, in sentences not about the event

SAID = ("said", "says", "stated", "added", "told reporters")
# Light rewording, applied once each where the phrase occurs.
SWAPS = (
    (" more than ", " over "),
    (" about ", " around "),
    (" percent", " per cent"),
    (" announced ", " said "),
    (" government ", " administration "),
    (" because ", " as "),
    ("However, ", "But "),
    (" also ", " "),
    (" would ", " will "),
    (" told ", " informed "),
    (" officials ", " authorities "),
    (" expected to ", " likely to "),
    (" began ", " started "),
    (" until ", " till "),
    (" in order to ", " to "),
    (" on Monday", " Monday"),
    (" on Tuesday", " Tuesday"),
    (" on Wednesday", " Wednesday"),
    (" on Thursday", " Thursday"),
    (" on Friday", " Friday"),
    (" last week", " recently"),
    (" has been ", " was "),
    (" a statement", " a written statement"),
    (" but ", " though "),
)
OPENERS = {"The", "A", "An", "It", "There", "This", "These", "Those", "Its", "Their", "He"}
OPENERS |= {"She", "They", "We", "Some", "Most", "All", "No", "Prices", "Police", "Officials"}
CAPTIONS = (
    "{person} speaks to reporters in {place}. (Photo: {photographer}/{agency})",
    "A view of {place} on {weekday}. {agency} Photo/{photographer}",
    "File photo: {person} in {place}. Photo by {photographer}/{agency}",
    "Residents of {place} gather on {weekday}. Credit: {photographer} {agency}",
)
FOOTERS = (
    ("Copyright {year} {outlet}. All rights reserved.",),
    ("More Stories", "{other}", "{other2}"),
    ("Advertisement",),
    ("Read more: {other}",),
    ("Sign up for the {outlet} newsletter", "Follow us on social media"),
    (),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Outlet:
    name: str
    slug: str
    #: `scraper` (` date 2024-03-05` before the headline), `fields` (`Date:`/`Source:`
    #: lines) or `none`: each site's scraper writes its own way.
    header: str
    dateline: bool
    footer: tuple[str, ...]
    wire: bool = False


def _outlet(name: str, wire: bool = False) -> Outlet:
    h = crc(name)
    return Outlet(
        name=name,
        slug=name.lower().replace(" ", "-"),
        header=("scraper", "fields", "none")[h % 3],
        dateline=wire or (h >> 4) % 2 == 0,
        footer=FOOTERS[(h >> 8) % len(FOOTERS)],
        wire=wire,
    )


OUTLETS = tuple(_outlet(f"{p} {n}") for p in OUTLET_PLACES for n in OUTLET_NOUNS)
WIRE_OUTLETS = tuple(_outlet(w, wire=True) for w in WIRES)


@dataclass
class Fact:
    text: Template
    #: The other side of an MSRP pair, and whether it says the same (a paraphrase) or only
    #: something related.
    alt: Template | None = None
    paraphrase: bool = False
    words: int = 0

    def __post_init__(self) -> None:
        self.words = words_of(self.text)


class Cast:
    """An event's people, places and organisations, and the scale of its figures: slot keys
    take the next free member of their kind the first time they are met, so distinct source
    names stay distinct (until the cast runs out) and every outlet names them alike."""

    def __init__(self, rng: random.Random, src: Sources) -> None:
        self.people = [
            (rng.choice(src.first_names), rng.choice(src.surnames))
            for _ in range(rng.randint(5, 8))
        ]
        self.members = {
            "L": [rng.choice(src.places) for _ in range(rng.randint(3, 6))],
            "O": [rng.choice(src.orgs) for _ in range(rng.randint(3, 6))],
        }
        self.scale = rng.uniform(0.5, 2.0)
        self.conflict_scale = self.scale * rng.choice((0.6, 0.75, 1.5, 2.0))
        self.taken: dict[tuple[str, str], int] = {}
        self.count = {"P": 0, "L": 0, "O": 0}

    def _index(self, kind: str, key: str) -> int:
        group = "P" if kind in ("P", "S") else kind
        slot = (group, key)
        if slot not in self.taken:
            self.taken[slot] = self.count[group]
            self.count[group] += 1
        return self.taken[slot]

    def name(self, kind: str, key: str) -> str:
        i = self._index(kind, key)
        if kind in ("P", "S"):
            first, last = self.people[i % len(self.people)]
            return f"{first} {last}" if kind == "P" else last
        pool = self.members[kind]
        return pool[i % len(pool)]

    def figure(self, raw: str, conflict: bool) -> str:
        value = float(raw.replace(",", "")) * (self.conflict_scale if conflict else self.scale)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        text = f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"
        return text if decimals or value >= 13 else str(13 + int(value))

    def fill(self, t: Template, conflict: bool = False) -> str:
        out = []
        for p in t:
            if isinstance(p, str):
                out.append(p)
            elif p[0] == "N":
                out.append(self.figure(p[1], conflict))
            else:
                out.append(self.name(p[0], p[1]))
        return "".join(out)


def has_figure(t: Template) -> bool:
    return any(not isinstance(p, str) and p[0] == "N" for p in t)


def rewrite(sentence: str, rng: random.Random) -> str:
    """Reworded: the attribution moved (`X, Y said.` / `Y said that x.`) or another reporting
    verb, and a common phrase swapped. Returns the sentence unchanged when nothing applies."""
    out = sentence
    head, sep, tail = sentence.rpartition(", ")
    words = tail.rstrip(".").split()
    if sep and head[:1].isupper() and '"' not in sentence and 2 <= len(words) <= 6:
        if words[-1] in ("said", "says") or words[-2:-1] == ["said"]:
            first = head.split(" ", 1)[0]
            if first in OPENERS:
                speaker = " ".join(w for w in words if w not in ("said", "says"))
                out = f"{speaker} {rng.choice(SAID[:4])} that {head[0].lower()}{head[1:]}."
    if out == sentence and " said " in sentence:
        out = sentence.replace(" said ", f" {rng.choice(SAID[2:])} ", 1)
    for a, b in rng.sample(SWAPS, 8):
        if a in out:
            out = out.replace(a, b, 1)
    return out


def headline_of(sentence: str) -> str:
    """A headline cut from a sentence: its first clause, at most 12 words, no final stop."""
    words = sentence.split(",")[0].split()[:12]
    if len(words) < 4:
        words = sentence.split()[:12]
    return " ".join(words).rstrip(".:;,")


@dataclass
class Article:
    event: int
    index: int
    outlet: Outlet
    date: dt.date
    kind: str  # original | wire | republished
    headline: str
    byline: str
    #: Paragraphs and the facts each carries: (fact index, form).
    paragraphs: list[tuple[str, list[tuple[int, str]]]]
    footer: list[str]
    wire_of: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.date.isoformat()}_{self.outlet.slug}_{self.index:07d}"

    def head(self) -> str:
        """The headline with the outlet's metadata header before it."""
        if self.outlet.header == "scraper":
            return f" date {self.date.isoformat()} {self.headline}"
        if self.outlet.header == "fields":
            return f"Date: {self.date.isoformat()}\nSource: {self.outlet.name}\n\n{self.headline}"
        return self.headline

    def text(self) -> str:
        body = [p for p, _ in self.paragraphs]
        lines = [self.head(), self.byline, *body] + (
            ["\n".join(self.footer)] if self.footer else []
        )
        return "\n\n".join(x for x in lines if x) + "\n"

    def facts(self) -> list[tuple[int, str]]:
        return [f for _, fs in self.paragraphs for f in fs]


class Event:
    def __init__(self, number: int, seed: int, src: Sources, day0: dt.date, days: int) -> None:
        self.number = number
        self.rng = rng = random.Random(f"{seed}:event:{number}")
        self.src = src
        # A story and the ones after it in its source (the same day's news, often the same
        # topic), until there is more than the longest article could carry.
        first = rng.randrange(len(src.docs))
        self.headline = src.docs[first].headline
        self.facts = []
        words = 0
        for doc in src.docs[first:]:
            if doc.origin != src.docs[first].origin or words > FACT_WORDS:
                break
            self.facts += [Fact(t) for t in doc.body]
            words += sum(f.words for f in self.facts[-len(doc.body) :])
        for _ in range(rng.randint(4, 10)):
            paraphrase, a, b = rng.choice(src.pairs)
            self.facts.insert(rng.randint(1, len(self.facts)), Fact(a, b, paraphrase))
        self.cast = Cast(rng, src)
        self.date = day0 + dt.timedelta(days=rng.randrange(days))
        self.background = [rng.choice(src.background) for _ in range(30)]

    def person(self) -> str:
        return self.cast.name("P", f"~{self.rng.randrange(3)}")

    def place(self) -> str:
        return self.cast.name("L", f"~{self.rng.randrange(2)}")

    def reporter(self) -> str:
        rng = self.rng
        return f"{rng.choice(self.src.first_names)} {rng.choice(self.src.surnames)}"

    def word(self, i: int, rng: random.Random) -> tuple[str, str]:
        """Fact `i` as this article words it, and how: copy, rewrite, paraphrase or related
        (the MSRP twin), conflict (other figures)."""
        fact = self.facts[i]
        if fact.alt is not None and rng.random() < TWIN_SHARE:
            return self.cast.fill(fact.alt), "paraphrase" if fact.paraphrase else "related"
        form = rng.choices(list(FORM_WEIGHTS), weights=list(FORM_WEIGHTS.values()))[0]
        if form == "conflict" and has_figure(fact.text):
            return self.cast.fill(fact.text, conflict=True), "conflict"
        text = self.cast.fill(fact.text)
        if form == "rewrite":
            changed = rewrite(text, rng)
            if changed != text:
                return changed, "rewrite"
        return text, "copy"

    def article(self, index: int, outlet: Outlet, min_words: int, max_words: int) -> Article:
        """An article of this outlet's own: some facts (the lead first), each worded its way,
        with background sentences, to between `min_words` and `max_words` words."""
        rng = self.rng
        target = rng.randint(min_words, max_words)
        # The lead, then facts drawn at random (kept in story order) up to the target less
        # the background's share.
        others = rng.sample(range(1, len(self.facts)), len(self.facts) - 1)
        chosen, words = [0], self.facts[0].words
        for i in others:
            if words >= target * (1 - BACKGROUND_SHARE):
                break
            chosen.append(i)
            words += self.facts[i].words
        chosen.sort()
        background = rng.sample(self.background, len(self.background))
        paragraphs: list[tuple[str, list[tuple[int, str]]]] = []
        for k, i in enumerate(chosen):
            text, form = self.word(i, rng)
            if k and paragraphs[-1][1] and len(paragraphs[-1][1]) < 3 and rng.random() < 0.5:
                last, facts = paragraphs.pop()
                paragraphs.append((f"{last} {text}", facts + [(i, form)]))
            else:
                paragraphs.append((text, [(i, form)]))
        extra = 0
        while words < target and background and extra < 2 * BACKGROUND_SHARE * target:
            sentence = self.cast.fill(background.pop())
            words += len(sentence.split())
            extra += len(sentence.split())
            paragraphs.insert(rng.randint(1, len(paragraphs)), (sentence, []))
        date = self.date + dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
        if outlet.dateline:
            lead, facts = paragraphs[0]
            where = self.cast.name("L", "~0").upper()
            paragraphs[0] = (f"{where} ({outlet.name}) — {lead}", facts)
        if rng.random() < 0.3:
            paragraphs.insert(1, (self.caption(), []))
        headline = (
            self.cast.fill(self.headline)
            if rng.random() < 0.5
            else headline_of(paragraphs[0][0].split("— ")[-1])
        )
        byline = f"By {self.reporter()}" if rng.random() < 0.7 else ""
        return Article(
            event=self.number,
            index=index,
            outlet=outlet,
            date=date,
            kind="wire" if outlet.wire else "original",
            headline=headline,
            byline=byline,
            paragraphs=paragraphs,
            footer=self.footer(outlet, date),
        )

    def republish(self, wire: Article, index: int, outlet: Outlet) -> Article:
        """The wire article as `outlet` runs it: maybe a new headline, a paragraph or two
        dropped (never the lead), the byline changed, its own footer; the text otherwise as
        the wire wrote it."""
        rng = self.rng
        paragraphs = list(wire.paragraphs)
        for _ in range(rng.choice((0, 1, 1, 2))):
            if len(paragraphs) > 4:
                paragraphs.pop(rng.randrange(2, len(paragraphs)))
        headline = wire.headline
        if rng.random() < 0.6:
            body = [p for p, facts in paragraphs[1:] if facts]
            headline = headline_of(rng.choice(body)) if body else headline
        byline = rng.choice(
            (wire.byline, f"{wire.outlet.name}", "From wire reports", f"By {self.reporter()}")
        )
        date = wire.date + dt.timedelta(days=rng.choice((0, 0, 1)))
        return Article(
            event=self.number,
            index=index,
            outlet=outlet,
            date=date,
            kind="republished",
            headline=headline,
            byline=byline,
            paragraphs=[(p, [(i, "wire") for i, _ in facts]) for p, facts in paragraphs],
            footer=self.footer(outlet, date),
            wire_of=wire.index,
        )

    def caption(self) -> str:
        rng = self.rng
        return rng.choice(CAPTIONS).format(
            person=self.person(),
            place=self.place(),
            photographer=self.reporter(),
            agency=rng.choice(PHOTO_AGENCIES),
            weekday=rng.choice(WEEKDAYS),
        )

    def footer(self, outlet: Outlet, date: dt.date) -> list[str]:
        rng = self.rng
        lines = []
        for line in outlet.footer:
            other = headline_of(self.cast.fill(rng.choice(self.src.background)))
            other2 = headline_of(self.cast.fill(rng.choice(self.src.background)))
            lines.append(
                line.format(year=date.year, outlet=outlet.name, other=other, other2=other2)
            )
        return lines

    def articles(
        self, first_index: int, size: int, min_words: int, max_words: int
    ) -> list[Article]:
        """`size` articles on this event, numbered from `first_index`."""
        rng = self.rng
        outlets = rng.sample(OUTLETS, size)
        out: list[Article] = []
        if size >= 2 and rng.random() < WIRE_SHARE:
            wire = self.article(first_index, rng.choice(WIRE_OUTLETS), min_words, max_words)
            out.append(wire)
            republished = max(1, round((size - 1) * rng.uniform(*REPUBLISHED_SHARE)))
            for k in range(1, size):
                outlet, index = outlets[k], first_index + k
                if k <= republished:
                    out.append(self.republish(wire, index, outlet))
                else:
                    out.append(self.article(index, outlet, min_words, max_words))
            return out
        return [
            self.article(first_index + k, outlets[k], min_words, max_words) for k in range(size)
        ]
