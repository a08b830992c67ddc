"""A hand-made alignment for testing how the report, the Analysis export and the plots lay out
pairs and groups, independently of what the aligner finds on a given day.

Among the documents with at least three claims (on the sample corpus: all five): group A holds
the first claim of the first three (three outlets); group B the second claim of the first and
the fourth (two outlets; the second when there are fewer); the third claims of the first two
conflict, with a reason that carries markup; every other claim stands alone.
"""

from __future__ import annotations

import pandas as pd

CONFLICT_REASON = 'figures clash: <b onclick="alert(1)">20,000</b> against 1,000'


class FakeAlignment:
    def __init__(self, corpus):
        claims = corpus.claims()
        by_doc = {
            name: list(group["claim"]) for name, group in claims.groupby("doc", observed=True)
        }
        names = corpus.names
        docs = [by_doc[n] for n in names if len(by_doc.get(n, [])) >= 3]
        assert len(docs) >= 2, "the fake alignment needs two documents with three claims each"
        self.doc_of = dict(zip(claims["claim"], claims["doc"].astype(str)))
        self.group_a = [d[0] for d in docs[:3]]
        self.group_b = [docs[0][1], docs[3 if len(docs) > 3 else 1][1]]
        self.conflict = (docs[0][2], docs[1][2])
        grouped = {c: "A" for c in self.group_a} | {c: "B" for c in self.group_b}
        rest = [c for c in claims["claim"] if c not in grouped]
        self._groups = pd.DataFrame(
            [(grouped[c], c, self.doc_of[c]) for c in [*self.group_a, *self.group_b]]
            + [(f"S{i}", c, self.doc_of[c]) for i, c in enumerate(rest)],
            columns=["group", "claim", "doc"],
        )
        rows = [
            (self.group_a[0], self.group_a[1], "agree", 0.9, "same entities and words"),
            (self.group_a[0], self.group_a[2], "agree", 0.8, "same entities"),
            (self.group_b[0], self.group_b[1], "agree", 0.7, "same words"),
            (*self.conflict, "conflict", 0.85, CONFLICT_REASON),
        ]
        self._pairs = pd.DataFrame(
            [
                (a, b, self.doc_of[a], self.doc_of[b], rel, score, why)
                for a, b, rel, score, why in rows
            ],
            columns=["claim_a", "claim_b", "doc_a", "doc_b", "relation", "score", "reason"],
        )
        self._names = names

    def pairs(self):
        return self._pairs

    def groups(self):
        return self._groups

    def coverage(self):
        table = self._groups.groupby(["group", "doc"]).size().unstack(fill_value=0)
        return table.reindex(columns=self._names, fill_value=0)
