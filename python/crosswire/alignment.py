"""Claim alignment across a corpus (``corpus.align()``) and sentence comparison
(``cw.compare``): thin faces over the Rust core, whose results arrive as columns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, overload

import pandas as pd

from . import _core, columns, inputs
from .frames import sparse_column
from .markup import Layer, Span, escape, render_spans, text

if TYPE_CHECKING:
    from .corpus import Corpus

PAIR_COLUMNS = ["claim_a", "claim_b", "doc_a", "doc_b", "relation", "score", "reason"]
GROUP_COLUMNS = [
    "group",
    "claim",
    "doc",
    "start",
    "end",
    "text",
    "speaker",
    "polarity",
    "figures",
    "claims",
    "docs",
]


class Comparison(NamedTuple):
    """How two sentences relate: ``relation`` (agree, conflict or related), ``score`` (how
    likely they state the same proposition, 0-1) and ``reason`` (what matched or clashed)."""

    relation: str
    score: float
    reason: str


class Alignment:
    """The claims of a corpus aligned: ``pairs()``, ``groups()``, ``coverage()``.

    The alignment itself stays in the core, in compact form; each table is made, as Python
    objects, only when asked for, and not kept."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus

    @classmethod
    def of(cls, corpus: Corpus) -> Alignment:
        corpus._core.analyse_alignment()
        return cls(corpus)

    @property
    def candidates(self) -> int:
        """How many candidate pairs of claims were judged."""
        return self._corpus._core.align_candidates()

    @property
    def _pairs(self) -> dict[str, Any]:
        return columns.arrays(self._corpus._core.align_pair_columns(), PAIR_COLUMNS)

    @property
    def _groups(self) -> dict[str, Any]:
        return columns.arrays(
            self._corpus._core.align_group_columns(), GROUP_COLUMNS + ["figure_spans"]
        )

    @property
    def _docs(self) -> list[str]:
        return self._corpus._core.names()

    @columns.giving_back
    def pairs(self) -> pd.DataFrame:
        """One row per aligned pair of claims: claim_a, claim_b, doc_a, doc_b, relation
        (agree, conflict, related), score, reason."""
        return pd.DataFrame(self._pairs, columns=PAIR_COLUMNS, copy=False)

    @columns.giving_back
    def groups(self) -> pd.DataFrame:
        """One row per claim, with its group (claims every two of which agree): group, claim,
        doc, start, end, text, speaker, polarity, figures, claims (in the group), docs (that
        carry the group)."""
        # The core sorts the rows (group, doc, start) and counts each group's claims and
        # documents: no sorted or grouped copy of the table here.
        return pd.DataFrame(self._groups, columns=GROUP_COLUMNS, copy=False)

    @columns.giving_back
    def coverage(self) -> pd.DataFrame:
        """Group x document: how many claims of each group each document carries, one row per
        group, one column per document (in corpus order). Groups with a single non-zero column
        are single-source claims.

        The columns are sparse (``Sparse[int64, 0]``): only the non-zero cells are stored, so
        the table grows with the claims, not with groups x documents. Arithmetic, comparisons
        and ``.sum()`` work as on any table; ``.sparse.to_dense()`` gives plain ``int64``
        columns (for a small corpus)."""
        cols = self._groups
        return _coverage_table(cols["group"], cols["doc"], self._docs)

    def __repr__(self) -> str:
        pairs = self._pairs
        rel = pd.Series(pairs["relation"], dtype="object").value_counts()
        groups = self.groups()
        shared = groups.loc[groups["docs"] > 1, "group"].nunique() if len(groups) else 0
        return (
            f"Alignment({len(groups)} claims, {len(pairs['claim_a'])} pairs: "
            f"{rel.get('agree', 0)} agree, {rel.get('conflict', 0)} conflict, {rel.get('related', 0)} related; "
            f"{groups['group'].nunique() if len(groups) else 0} groups, {shared} carried by several documents)"
        )

    def _repr_html_(self) -> str:
        return _alignment_html(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Alignment):
            return NotImplemented
        if self._corpus is other._corpus:
            return True
        # The core's columns (tuples of buffers) compare whole, as values.
        mine, theirs = self._corpus._core, other._corpus._core
        return (
            mine.align_pair_columns() == theirs.align_pair_columns()
            and mine.align_group_columns() == theirs.align_group_columns()
            and self._docs == other._docs
        )

    __hash__ = None  # type: ignore[assignment]


COUNT_DTYPE = pd.SparseDtype("int64", 0)


def _coverage_table(
    groups: Sequence[Any], docs_of: Sequence[str], docs: Sequence[str]
) -> pd.DataFrame:
    """The coverage table of claims in ``groups`` carried by documents ``docs_of`` (one entry
    per claim), with one sparse column per name in ``docs``; rows sorted by group."""
    labels = sorted(set(groups))
    row = {g: i for i, g in enumerate(labels)}
    col = {d: j for j, d in enumerate(docs)}
    cells = Counter((col[d], row[g]) for g, d in zip(groups, docs_of))
    per_doc: list[tuple[list[int], list[int]]] = [([], []) for _ in docs]
    for (j, i), n in sorted(cells.items()):
        per_doc[j][0].append(i)
        per_doc[j][1].append(n)
    columns = [sparse_column(counts, rows, len(labels), COUNT_DTYPE) for rows, counts in per_doc]
    table = pd.DataFrame(dict(enumerate(columns)), index=pd.Index(labels, name="group"))
    table.columns = pd.Index(list(docs), name="doc")
    return table


@overload
def compare(a: str, b: str) -> Comparison: ...
@overload
def compare(a: Sequence[str], b: Sequence[str]) -> pd.DataFrame: ...
def compare(a: str | Sequence[str], b: str | Sequence[str]) -> Comparison | pd.DataFrame:
    """Compares two sentences: ``.relation`` (agree, conflict, related), ``.score`` and
    ``.reason``. Given two equally long lists, compares them item by item (in parallel) and
    returns a DataFrame with columns a, b, relation, score, reason. A question states no
    proposition (``related`` at most), and a condition (``if …``) on one side only keeps
    the two from agreeing, as on a corpus."""
    if isinstance(a, str) and isinstance(b, str):
        try:
            return Comparison(*_core.compare(a, b))
        except UnicodeEncodeError:
            raise ValueError(inputs.unencodable([("a", a), ("b", b)])) from None
    for what, x in (("a", a), ("b", b)):
        if isinstance(x, (bytes, bytearray)):
            inputs.text(x, what)  # raises, with a hint to decode
    for x in (a, b):
        if isinstance(x, str) or not isinstance(x, Iterable) or not hasattr(x, "__len__"):
            raise TypeError(
                "compare takes two strings, or two lists of strings of the same length; "
                f"a is {type(a).__name__} and b is {type(b).__name__}"
            )
    if len(a) != len(b):
        raise ValueError(f"compare needs two lists of the same length, got {len(a)} and {len(b)}")
    return _compare_columns(list(a), list(b), lambda i, side: f"{'ab'[side]}[{i}]")


def compare_many(pairs: Iterable[tuple[str, str]]) -> pd.DataFrame:
    """Compares each ``(a, b)`` pair, in parallel: a DataFrame with columns a, b, relation,
    score, reason, one row per pair, in order."""
    if isinstance(pairs, (str, bytes, bytearray)) or not isinstance(pairs, Iterable):
        raise TypeError(
            f"compare_many takes (a, b) pairs, e.g. a list of tuples; not a {type(pairs).__name__}"
        )
    a, b = [], []
    for i, pair in enumerate(pairs):
        if isinstance(pair, (str, bytes, bytearray)) or not isinstance(pair, Iterable):
            raise TypeError(
                f"pairs[{i}] is {type(pair).__name__}; each pair is (a, b), two strings"
            )
        items = list(pair)
        if len(items) != 2:
            raise ValueError(f"pairs[{i}] has {len(items)} items; each pair is (a, b), two strings")
        a.append(items[0])
        b.append(items[1])
    return _compare_columns(a, b, lambda i, side: f"pairs[{i}][{side}]")


def _compare_columns(a: list[Any], b: list[Any], label: Callable[[int, int], str]) -> pd.DataFrame:
    """``a[i]`` against ``b[i]`` in the core; ``label(i, side)`` names an item in errors."""
    for side, values in enumerate((a, b)):
        for i, value in enumerate(values):
            if not isinstance(value, str):  # named only when wrong: batches are large
                inputs.text(value, label(i, side))
    try:
        rows = _core.compare_many(a, b)
    except UnicodeEncodeError:
        named = (
            (label(i, side), pair[side]) for i, pair in enumerate(zip(a, b)) for side in (0, 1)
        )
        raise ValueError(inputs.unencodable(named)) from None
    return pd.DataFrame(
        {
            "a": a,
            "b": b,
            "relation": [r[0] for r in rows],
            "score": pd.Series([r[1] for r in rows], dtype="float64"),
            "reason": [r[2] for r in rows],
        }
    )


# The notebook view stays small whatever the corpus: the most widely carried groups, the
# documents that carry them, the first conflicts.
MAX_GROUPS_SHOWN = 40
MAX_DOCS_SHOWN = 12
MAX_CONFLICTS_SHOWN = 40
_FIGURE = "background:#fff2b3;border-radius:2px;padding:0 1px"
_CONFLICT = "background:#fde2e1"


def _figure_layer(text: str, spans: Sequence[tuple[int, int]]) -> Layer:
    """The figures at ``spans`` (offsets into ``text``); any that leave the text or overlap an
    earlier one are not drawn (the text still is)."""
    kept: list[Span] = []
    for s, e in sorted(spans):
        if (kept and s < kept[-1].end) or s < 0 or e > len(text):
            continue
        kept.append(Span(s, e, attrs={"style": _FIGURE}))
    return Layer("figure", kept, tag="mark")


def _claim_cell(row: Any, figure_spans: Sequence[tuple[int, int]]) -> str:
    speaker = f"<b>{text(row.speaker)}</b>: " if isinstance(row.speaker, str) else ""
    denied = " <i>(denied)</i>" if row.polarity == "denied" else ""
    return f"<div>{speaker}{render_spans(row.text, [_figure_layer(row.text, figure_spans)])}{denied}</div>"


def _two_by_two(flat: Sequence[int]) -> list[tuple[int, int]]:
    return list(zip(flat[::2], flat[1::2]))


def _more(n: int, what: str) -> str:
    return f"<p>… and {n:,} more {what}</p>" if n > 0 else ""


def _alignment_html(al: Alignment) -> str:
    """Claim groups carried by several documents (and groups in conflict), each outlet's
    wording side by side, figures highlighted, conflicts flagged."""
    groups = al.groups()
    pairs = al.pairs()
    conflicts = pairs[pairs["relation"] == "conflict"]
    in_conflict = set(conflicts["claim_a"]) | set(conflicts["claim_b"])
    members: dict[Any, list[Any]] = {}
    for row in groups.itertuples(index=False):
        members.setdefault(row.group, []).append(row)
    flagged = {g for g, rows in members.items() if any(r.claim in in_conflict for r in rows)}
    shown = [g for g, rows in members.items() if g in flagged or len(rows) > 1]
    shown.sort(key=lambda g: (-int(members[g][0].docs), g))
    more_groups = len(shown) - MAX_GROUPS_SHOWN
    shown = shown[:MAX_GROUPS_SHOWN]
    carrying = {r.doc for g in shown for r in members[g]}
    docs = [d for d in al._docs if d in carrying]
    more_docs = len(docs) - MAX_DOCS_SHOWN
    docs = docs[:MAX_DOCS_SHOWN]
    # Each claim's figures where the core found them (absent from hand-built alignments).
    group_cols = al._groups
    # (start, end, start, end, ...) per claim.
    spans = dict(zip(group_cols["claim"], group_cols.get("figure_spans", [])))
    head = "".join(f"<th>{text(d)}</th>" for d in docs)
    rows = []
    for g in shown:
        by_doc: dict[str, list[Any]] = {}
        for r in members[g]:
            by_doc.setdefault(r.doc, []).append(r)
        style = f' style="{_CONFLICT}"' if g in flagged else ""
        cells = "".join(
            '<td style="vertical-align:top;text-align:left">'
            + "".join(
                _claim_cell(r, _two_by_two(spans.get(r.claim, []))) for r in by_doc.get(d, [])
            )
            + "</td>"
            for d in docs
        )
        label = escape(g) + (" &#9888; conflict" if g in flagged else "")
        rows.append(f"<tr{style}><td>{label}</td>{cells}</tr>")
    conflict_list = "".join(
        f"<li>&#9888; <b>{escape(r.claim_a)}</b> vs <b>{escape(r.claim_b)}</b>: {text(r.reason)}</li>"
        for r in conflicts.head(MAX_CONFLICTS_SHOWN).itertuples()
    )
    return (
        f"<div><p>{escape(repr(al))}</p>"
        f"<table><thead><tr><th>group</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + _more(more_groups, "groups")
        + _more(more_docs, "documents carry these groups")
        + (f"<p><b>Conflicts</b></p><ul>{conflict_list}</ul>" if conflict_list else "")
        + _more(len(conflicts) - MAX_CONFLICTS_SHOWN, "conflicts")
        + "</div>"
    )
