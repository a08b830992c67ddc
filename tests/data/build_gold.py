"""Build the entity gold (entities_gold.jsonl + entities_gold_coverage.json) from the
hand-annotated files in gold_annotations/.

Each ``gold_annotations/<doc>.ann`` holds the covered paragraphs of one article, one paragraph
per line, copied verbatim from the article, with entities marked inline:

    ⟦Vladimir V. Putin|PERSON|Vladimir Putin⟧     span | label | cross-document entity id
    ⟦Feb. 24|DATE⟧                                span | label   (numeric/temporal labels)

Lines starting with ``#`` and blank lines are ignored. With the markup removed, each line must
occur in the article, after the previous line's match; the matched line is a covered range.
Paragraphs that are not there (headlines, captions, credits, bylines, web junk, the metadata
header) are not covered: evaluation ignores predictions outside covered ranges.

All offsets are Python code-point offsets into ``open(path, encoding="utf-8").read()``, end
exclusive. Run: ``python tests/data/build_gold.py [--check]`` (``--check``: verify the
committed outputs are up to date instead of writing them).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "python" / "crosswire" / "data" / "kherson-2022"
ANNOTATIONS = HERE / "gold_annotations"
GOLD = HERE / "entities_gold.jsonl"
COVERAGE = HERE / "entities_gold_coverage.json"

LABELS = {
    "PERSON",
    "NORP",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "MONEY",
    "PERCENT",
    "EVENT",
    "PRODUCT",
}
# Labels whose mentions carry a cross-document entity id (and must).
RESOLVED = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT"}
REQUIRED_ID = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}

MARK = re.compile(r"⟦([^⟦⟧|]+)\|([A-Z]+)(?:\|([^⟦⟧|]+))?⟧")


class GoldError(Exception):
    pass


def parse_line(line: str) -> tuple[str, list[tuple[int, int, str, str | None]]]:
    """Strip markup from one annotated line: (plain text, [(start, end, label, entity)])."""
    plain: list[str] = []
    spans = []
    pos = 0
    length = 0
    for m in MARK.finditer(line):
        before = line[pos : m.start()]
        if "⟦" in before or "⟧" in before:
            raise GoldError(f"malformed markup near {before[-40:]!r}")
        plain.append(before)
        length += len(before)
        span, label, entity = m.group(1), m.group(2), m.group(3)
        if label not in LABELS:
            raise GoldError(f"unknown label {label!r} on {span!r}")
        if label in REQUIRED_ID and not entity:
            raise GoldError(f"{label} mention {span!r} has no entity id")
        if label not in RESOLVED and entity:
            raise GoldError(f"{label} mention {span!r} should not carry an entity id")
        if span != span.strip():
            raise GoldError(f"span {span!r} has surrounding whitespace")
        spans.append((length, length + len(span), label, entity))
        plain.append(span)
        length += len(span)
        pos = m.end()
    rest = line[pos:]
    if "⟦" in rest or "⟧" in rest:
        raise GoldError(f"malformed markup near {rest[:40]!r}")
    plain.append(rest)
    return "".join(plain), spans


def build_doc(name: str, text: str, annotated: str) -> tuple[list[dict], list[list[int]]]:
    mentions: list[dict] = []
    covered: list[list[int]] = []
    cursor = 0
    for lineno, line in enumerate(annotated.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            plain, spans = parse_line(line)
        except GoldError as e:
            raise GoldError(f"{name}.ann:{lineno}: {e}") from None
        at = text.find(plain, cursor)
        if at < 0:
            # Report the longest prefix that does match, to make typos easy to find.
            good = 0
            for n in range(len(plain), 0, -1):
                if text.find(plain[:n], cursor) >= 0:
                    good = n
                    break
            raise GoldError(
                f"{name}.ann:{lineno}: line not found in the article after offset {cursor}; "
                f"matches up to {plain[:good][-30:]!r}, then {plain[good : good + 30]!r}"
            )
        if text.find(plain, at + 1) >= 0 and len(plain) < 40:
            raise GoldError(f"{name}.ann:{lineno}: short line {plain!r} is ambiguous")
        for start, end, label, entity in spans:
            m = {
                "doc": name,
                "start": at + start,
                "end": at + end,
                "text": text[at + start : at + end],
                "label": label,
            }
            if entity:
                m["entity"] = entity
            mentions.append(m)
        end = at + len(plain)
        if covered and text[covered[-1][1] : at].strip() == "":
            covered[-1][1] = end  # adjacent paragraphs: one range
        else:
            covered.append([at, end])
        cursor = end
    return mentions, covered


def build() -> tuple[list[dict], dict[str, list[list[int]]]]:
    gold: list[dict] = []
    coverage: dict[str, list[list[int]]] = {}
    for ann in sorted(ANNOTATIONS.glob("*.ann")):
        name = ann.stem
        text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
        mentions, covered = build_doc(name, text, ann.read_text(encoding="utf-8"))
        for m in mentions:
            assert text[m["start"] : m["end"]] == m["text"]
        gold.extend(mentions)
        coverage[name] = covered
    return gold, coverage


def render(gold: list[dict], coverage: dict[str, list[list[int]]]) -> tuple[str, str]:
    lines = "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in gold)
    cov = (
        "{\n"
        + ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in coverage.items())
        + "\n}\n"
    )
    return lines, cov


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the outputs are up to date")
    args = ap.parse_args()
    try:
        gold, coverage = build()
    except GoldError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    lines, cov = render(gold, coverage)
    if args.check:
        ok = (
            GOLD.read_text(encoding="utf-8") == lines
            and COVERAGE.read_text(encoding="utf-8") == cov
        )
        print("gold up to date" if ok else "gold is stale: run python tests/data/build_gold.py")
        return 0 if ok else 1
    GOLD.write_text(lines, encoding="utf-8")
    COVERAGE.write_text(cov, encoding="utf-8")
    texts = {n: (CORPUS / f"{n}.txt").read_text(encoding="utf-8") for n in coverage}
    for name, ranges in coverage.items():
        body = sum(e - s for s, e in ranges)
        n = sum(1 for m in gold if m["doc"] == name)
        print(
            f"{name}: {n:4d} mentions, {body:5d}/{len(texts[name])} chars covered in {len(ranges)} range(s)"
        )
    print(f"total: {len(gold)} mentions -> {GOLD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
