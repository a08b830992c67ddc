"""Build the newswcl50-dev gold (claims, non-claims, propositions, conflicts, hard negatives)
from the hand annotations in ``<event>.gold`` beside this file.

The annotation format is described in tests/data/README.md (section "newswcl50-dev gold"). In
short, one file per event, with a section per document and sections for the event:

    == doc 0_LL
    nc1 headline | CIA Director Mike Pompeo secretly met with North Korean leader Kim Jong Un.
    3 | media reports | according to | Central Intelligence Agency ... over Easter weekend | indirect
    4 | he => Mr. Trump | said | ... | direct neg hedged mod:will   # a note
    == propositions
    p1 | Pompeo met Kim | LL:3 L:1 M:4~          (~: partial)
    == conflicts
    p4 x p5 | why
    == hard negatives
    LL:3 L:5 | none | shared-words | why       (a pair and the verdict it must not miss)
    speaker R:7 | nouns-as-cues | why           (a claim whose gold speaker must be found)

Texts are located, not given as offsets: each entry's text is searched in the document from the
previous entry's end on, so entries are listed in document order; a speaker or cue is the
occurrence (whole words) nearest the content within its paragraph, else the nearest before it
(``text@n``: the n-th occurrence in the paragraph instead). Any text not found is an error.

Offsets are Python code-point offsets into the text as ``crosswire.Corpus.from_dir`` reads it
(UTF-8, a leading BOM dropped), end exclusive. Needs ``../shared/corpus/newswcl50-dev`` beside
the clone. Run: ``python tests/data/newswcl50/build.py [--check] [--show DOC]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "newswcl50-dev"
OUTPUTS = ("claims", "nonclaims", "propositions", "conflicts", "hard_negatives")

NONCLAIM_KINDS = {
    "headline",  # the title and display lines above the article
    "standfirst",  # the summary line under a headline
    "dateline",  # `WEST PALM BEACH, Fla. —` opening the first paragraph
    "caption",  # photo caption
    "video",  # video title or blurb
    "embed",  # embedded tweet or post, repeated as its own paragraph
    "pullquote",  # a quote repeated as display text
    "credit",  # photo and reporting credits, bylines
    "link",  # related-story link text
    "fragment",  # a line without a finite verb or sentence end
    "question",  # a question, not an assertion
    "imperative",  # an exhortation to the reader (`let's pause`)
    "repeat",  # a paragraph repeated verbatim (the first copy holds the claims)
}
POLARITY_FLAGS = {"neg": "negated", "denied": "denied"}
QUOTE_FLAGS = {"direct", "indirect", "mixed", "none"}
MODALS = {"can", "could", "may", "might", "must", "shall", "should", "will", "would"}
VERDICTS = {"none", "related", "agree", "partial", "conflict"}
HARD_CLASSES = {
    "shared-words",  # agreement by shared words
    "nonclaim",  # captions, embeds, video titles, headline fragments
    "headline-lede",  # headline against lede, repeated paragraphs in one document
    "noun-cue",  # nouns read as speech verbs
    "dateline",  # a dateline read as a speaker
    "carried-speaker",  # a speaker carried over from the sentence before
    "quantifier",  # a quantifier lost from the speaker
    "wrong-speaker",  # another speaker error (the cue's subject missed)
    "figures",  # figures that measure different things
    "clash-related",  # a real clash over one predicate left related
    "paraphrase",  # the same proposition with few shared words
    "core",  # a long claim whose core is a short claim elsewhere
}


class GoldError(Exception):
    pass


@dataclass
class Event:
    name: str
    texts: dict[str, str]
    claims: list[dict] = field(default_factory=list)
    nonclaims: list[dict] = field(default_factory=list)
    propositions: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    hard_negatives: list[dict] = field(default_factory=list)


def read_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def paragraph_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, pos)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", pos)
    return start, len(text) if end < 0 else end


def word_hits(text: str, needle: str, lo: int, hi: int) -> list[int]:
    """Starts of `needle` in text[lo:hi] that do not cut a word at either edge."""
    pattern = re.escape(needle)
    if needle[:1].isalnum():
        pattern = r"(?<!\w)" + pattern
    if needle[-1:].isalnum():
        pattern += r"(?!\w)"
    return [m.start() for m in re.compile(pattern).finditer(text, lo, hi)]


def locate_near(text: str, spec: str, start: int, end: int, what: str) -> tuple[str, int, int]:
    """The mention `spec` nearest the content [start, end): in its paragraph, else before it."""
    needle, _, nth = spec.partition("@")
    needle, nth = needle.strip(), nth.strip()
    p_lo, p_hi = paragraph_of(text, start)
    hits = word_hits(text, needle, p_lo, p_hi)
    if nth:
        if not nth.isdigit() or not 1 <= int(nth) <= len(hits):
            raise GoldError(f"{what} {spec!r}: no occurrence {nth} in the paragraph")
        at = hits[int(nth) - 1]
        return needle, at, at + len(needle)
    outside = [h for h in hits if h + len(needle) <= start or h >= end] or hits
    if not outside:
        outside = word_hits(text, needle, 0, p_lo)[-1:]
    if not outside:
        raise GoldError(f"{what} {needle!r} not found near {text[start:end][:60]!r}")

    def distance(h: int) -> int:
        return start - (h + len(needle)) if h < start else max(0, h - end)

    at = min(outside, key=distance)
    return needle, at, at + len(needle)


def parse_flags(flags: str, attributed: bool, where: str) -> dict:
    out = {
        "polarity": "asserted",
        "hedged": False,
        "modality": None,
        "quote": "indirect" if attributed else "none",
    }
    for flag in flags.split():
        if flag in POLARITY_FLAGS:
            out["polarity"] = POLARITY_FLAGS[flag]
        elif flag in QUOTE_FLAGS:
            out["quote"] = flag
        elif flag == "hedged":
            out["hedged"] = True
        elif flag.startswith("mod:") and flag[4:] in MODALS:
            out["modality"] = flag[4:]
        else:
            raise GoldError(f"{where}: unknown flag {flag!r}")
    return out


def claim_ref(event: str, ref: str) -> str:
    """`LL:3` -> `0_LL:3` (the event's document `0_LL`, claim 3)."""
    outlet, sep, local = ref.partition(":")
    if not sep or not local:
        raise GoldError(f"bad claim reference {ref!r}")
    return f"{event}_{outlet}:{local}"


class Parser:
    def __init__(self, event: Event):
        self.event = event
        self.doc: str | None = None
        self.cursor = 0
        self.section = ""
        self.ids: set[str] = set()

    def feed(self, lineno: int, raw: str) -> None:
        line, _, note = raw.partition("#")
        line, note = line.strip(), note.strip() or None
        if not line:
            return
        where = f"{self.event.name}.gold:{lineno}"
        if line.startswith("== "):
            self.open_section(line[3:].strip(), where)
        elif self.section == "doc":
            self.entry(line, note, where)
        elif self.section == "propositions":
            self.proposition(line, where)
        elif self.section == "conflicts":
            self.conflict(line, where)
        elif self.section == "hard negatives":
            self.hard_negative(line, note, where)
        else:
            raise GoldError(f"{where}: text outside a section")

    def open_section(self, head: str, where: str) -> None:
        if head.startswith("doc "):
            self.doc = head[4:].strip()
            if self.doc not in self.event.texts:
                raise GoldError(f"{where}: no document {self.doc}")
            self.section, self.cursor = "doc", 0
        elif head in ("propositions", "conflicts", "hard negatives"):
            self.section = head
        else:
            raise GoldError(f"{where}: unknown section {head!r}")

    def find(self, needle: str, where: str) -> int:
        text = self.event.texts[self.doc]
        at = text.find(needle, self.cursor)
        if at < 0:
            raise GoldError(f"{where}: not found after offset {self.cursor}: {needle!r}")
        self.cursor = at + len(needle)  # entries do not overlap: the next one starts after
        return at

    def new_id(self, local: str, where: str) -> str:
        cid = f"{self.doc}:{local}"
        if cid in self.ids:
            raise GoldError(f"{where}: duplicate id {cid}")
        self.ids.add(cid)
        return cid

    def entry(self, line: str, note: str | None, where: str) -> None:
        fields = [f.strip() for f in line.split("|")]
        head = fields[0].split()
        if head[0].startswith("nc"):
            if len(head) != 2 or head[1] not in NONCLAIM_KINDS or len(fields) != 2:
                raise GoldError(f"{where}: want `ncN kind | text`")
            start = self.find(fields[1], where)
            self.event.nonclaims.append(
                {
                    "doc": self.doc,
                    "id": self.new_id(head[0], where),
                    "kind": head[1],
                    "start": start,
                    "end": start + len(fields[1]),
                    "text": fields[1],
                }
            )
            return
        if len(fields) not in (4, 5) or not head[0].isdigit():
            raise GoldError(f"{where}: want `N | speaker | cue | content [| flags]`")
        speaker, cue, content = fields[1], fields[2], fields[3]
        flags = fields[4] if len(fields) == 5 else ""
        text = self.event.texts[self.doc]
        start = self.find(content, where)
        end = start + len(content)
        row = {
            "doc": self.doc,
            "id": self.new_id(head[0], where),
            "start": start,
            "end": end,
            "text": content,
            "speaker": None,
            "speaker_start": None,
            "speaker_end": None,
            "speaker_ref": None,
            "cue": None,
            "cue_start": None,
            "cue_end": None,
        }
        if speaker != "-":
            mention, _, ref = speaker.partition("=>")
            s, s0, s1 = locate_near(text, mention, start, end, f"{where}: speaker")
            row.update(speaker=s, speaker_start=s0, speaker_end=s1, speaker_ref=ref.strip() or s)
        if cue != "-":
            c, c0, c1 = locate_near(text, cue, start, end, f"{where}: cue")
            row.update(cue=c, cue_start=c0, cue_end=c1)
        row.update(parse_flags(flags, speaker != "-" or cue != "-", where))
        row["note"] = note
        self.event.claims.append(row)

    def proposition(self, line: str, where: str) -> None:
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != 3 or not fields[0].startswith("p"):
            raise GoldError(f"{where}: want `pN | gloss | claims`")
        members = []
        for ref in fields[2].split():
            match = "partial" if ref.endswith("~") else "same"
            members.append({"claim": claim_ref(self.event.name, ref.rstrip("~")), "match": match})
        self.event.propositions.append(
            {"id": f"{self.event.name}:{fields[0]}", "gloss": fields[1], "claims": members}
        )

    def conflict(self, line: str, where: str) -> None:
        fields = [f.strip() for f in line.split("|")]
        pair = fields[0].split()
        if len(fields) != 2 or len(pair) != 3 or pair[1] != "x":
            raise GoldError(f"{where}: want `pA x pB | why`")
        self.event.conflicts.append(
            {
                "a": f"{self.event.name}:{pair[0]}",
                "b": f"{self.event.name}:{pair[2]}",
                "why": fields[1],
            }
        )

    def hard_negative(self, line: str, note: str | None, where: str) -> None:
        fields = [f.strip() for f in line.split("|")]
        head = fields[0].split()
        if head[0] == "speaker":
            if len(fields) != 3 or len(head) != 2 or fields[1] not in HARD_CLASSES:
                raise GoldError(f"{where}: want `speaker REF | class | why`")
            self.event.hard_negatives.append(
                {
                    "class": fields[1],
                    "claim": claim_ref(self.event.name, head[1]),
                    "expected": "speaker",
                    "why": fields[2],
                }
            )
            return
        if len(fields) != 4 or len(head) != 2 or fields[2] not in HARD_CLASSES:
            raise GoldError(f"{where}: want `REF REF | verdict | class | why`")
        verdicts = fields[1].split("/")
        if not set(verdicts) <= VERDICTS:
            raise GoldError(f"{where}: verdict {fields[1]!r}")
        self.event.hard_negatives.append(
            {
                "class": fields[2],
                "a": claim_ref(self.event.name, head[0]),
                "b": claim_ref(self.event.name, head[1]),
                "expected": fields[1],
                "why": fields[3],
            }
        )


def check_event(event: Event) -> None:
    """Cross-references resolve; claims and non-claims do not overlap one another."""
    claims = {c["id"]: c for c in event.claims}
    units = {**claims, **{n["id"]: n for n in event.nonclaims}}
    props = {p["id"] for p in event.propositions}
    for p in event.propositions:
        for m in p["claims"]:
            if m["claim"] not in claims:
                raise GoldError(f"{p['id']}: unknown claim {m['claim']}")
        if len({m["claim"].split(":")[0] for m in p["claims"]}) < 2 and not any(
            p["id"] in (c["a"], c["b"]) for c in event.conflicts
        ):
            raise GoldError(f"{p['id']}: a proposition needs two documents (or a conflict)")
    for c in event.conflicts:
        for side in (c["a"], c["b"]):
            if side not in props:
                raise GoldError(f"conflict: unknown proposition {side}")
    for h in event.hard_negatives:
        for key in ("a", "b", "claim"):
            if key in h and h[key] not in units:
                raise GoldError(f"hard negative: unknown claim {h[key]}")
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    for u in units.values():
        by_doc.setdefault(u["doc"], []).append((u["start"], u["end"], u["id"]))
    for spans in by_doc.values():
        spans.sort()
        for (_, e0, a), (s1, _, b) in zip(spans, spans[1:]):
            if s1 < e0:
                raise GoldError(f"{a} and {b} overlap")


def build_event(path: Path) -> Event:
    name = path.stem
    folder = CORPUS / name
    texts = {p.stem: read_text(p) for p in sorted(folder.glob("*.txt"))}
    event = Event(name, texts)
    parser = Parser(event)
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parser.feed(lineno, raw)
    for row in event.claims + event.nonclaims:
        row["event"] = name
        assert texts[row["doc"]][row["start"] : row["end"]] == row["text"]
    for row in event.propositions + event.conflicts + event.hard_negatives:
        row["event"] = name
    check_event(event)
    return event


def build_all() -> list[Event]:
    return [build_event(p) for p in sorted(HERE.glob("*.gold"))]


def rendered(events: list[Event]) -> dict[str, str]:
    out = {}
    for what in OUTPUTS:
        rows = [row for e in events for row in getattr(e, what)]
        out[what] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return out


def show(event: Event, doc: str) -> None:
    """Print each entry of one document with its speaker and cue in context, to proofread."""
    text = event.texts[doc]
    rows = sorted(
        [r for r in event.claims + event.nonclaims if r["doc"] == doc], key=lambda r: r["start"]
    )
    for r in rows:
        if "kind" in r:
            print(f"{r['id']:>9} [{r['kind']}] {r['text'][:100]}")
            continue
        flags = [r["polarity"], r["quote"]] + ["hedged"] * r["hedged"]
        flags += [f"mod:{r['modality']}"] * bool(r["modality"])
        spk = r["speaker"] and f"{r['speaker']}@{r['speaker_start']}"
        if r["speaker_ref"] != r["speaker"]:
            spk = f"{spk}=>{r['speaker_ref']}"
        cue = r["cue"] and f"{r['cue']}@{r['cue_start']}"
        print(f"{r['id']:>9} {r['start']}-{r['end']} [{spk} / {cue}] {' '.join(flags)}")
        print(f"{'':>10}{text[r['start'] : r['end']]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify the outputs are current")
    parser.add_argument("--show", metavar="DOC", help="proofread one document (e.g. 0_LL)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    try:
        events = build_all()
    except GoldError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.show:
        event = next(e for e in events if args.show in e.texts)
        show(event, args.show)
        return 0
    stale = []
    for what, body in rendered(events).items():
        path = HERE / f"{what}.jsonl"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != body:
                stale.append(path.name)
        else:
            path.write_text(body, encoding="utf-8")
    if stale:
        print(f"out of date (run build.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    counts = {w: len(b.splitlines()) for w, b in rendered(events).items()}
    print(", ".join(f"{n} {w}" for w, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
