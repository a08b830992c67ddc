"""The hand-made newswcl50-dev gold (tests/data/newswcl50/) and the harness that scores crosswire
against it (benches/claims_eval.py).

The gold is checked strictly against the articles as crosswire reads them; the scorer is checked
on the gold itself and on hand-made cases; today's crosswire is scored and held to floors a
little under what it reaches now (the claims-on-frames work raises them). The articles are not
bundled: everything here skips when ../shared/corpus/newswcl50-dev is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter

import crosswire as cw
import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "benches"))
ev = pytest.importorskip("claims_eval")

if not ev.CORPUS_DIR.is_dir():
    pytest.skip(f"no corpus at {ev.CORPUS_DIR}", allow_module_level=True)

# The error classes issue 10 lists, each of which the hard negatives must cover.
ISSUE_CLASSES = {
    "shared-words",
    "nonclaim",
    "headline-lede",
    "noun-cue",
    "dateline",
    "carried-speaker",
    "quantifier",
    "figures",
    "clash-related",
    "paraphrase",
    "core",
}


@pytest.fixture(scope="module")
def gold() -> ev.Gold:
    return ev.load_gold()


@pytest.fixture(scope="module")
def texts(gold: ev.Gold) -> dict[str, str]:
    return ev.read_texts(gold.events)


@pytest.fixture(scope="module")
def report(gold: ev.Gold) -> dict:
    return ev.evaluate(gold=gold)


# -- the gold itself -------------------------------------------------------------------------


def test_gold_is_rebuilt_from_the_annotations() -> None:
    path = ev.GOLD_DIR / "build.py"
    spec = importlib.util.spec_from_file_location("newswcl_build", path)
    build = importlib.util.module_from_spec(spec)
    sys.modules["newswcl_build"] = build
    spec.loader.exec_module(build)
    for what, body in build.rendered(build.build_all()).items():
        assert (ev.GOLD_DIR / f"{what}.jsonl").read_text(encoding="utf-8") == body, (
            "run tests/data/newswcl50/build.py"
        )


def test_offsets_speakers_and_references_are_sound(gold: ev.Gold, texts: dict[str, str]) -> None:
    assert ev.gold_problems(gold, texts) == []


def test_every_document_is_annotated_in_full(gold: ev.Gold, texts: dict[str, str]) -> None:
    assert gold.events == ["0", "2", "3", "4"]
    assert {c["doc"] for c in gold.claims} == set(texts) and len(texts) == 20
    # Claims and non-claims together leave out nothing but whitespace, quote marks, attribution
    # frames and connectives: at least 70% of every article's characters lie inside one.
    for doc, text in texts.items():
        units = [u for u in gold.claims + gold.nonclaims if u["doc"] == doc]
        covered = sum(u["end"] - u["start"] for u in units)
        assert covered >= 0.7 * len(text.strip()), doc


def test_field_values(gold: ev.Gold) -> None:
    for c in gold.claims:
        assert c["polarity"] in {"asserted", "negated", "denied"}, c
        assert c["quote"] in {"direct", "indirect", "mixed", "none"}, c
        assert isinstance(c["hedged"], bool)
        assert c["modality"] in {
            None,
            "can",
            "could",
            "may",
            "might",
            "must",
            "shall",
            "should",
            "will",
            "would",
        }, c
        assert (c["speaker"] is None) == (c["speaker_ref"] is None), c
        if c["quote"] in {"direct", "mixed"}:
            assert c["speaker"] is not None, c


def test_sizes(gold: ev.Gold) -> None:
    counts = ev.gold_counts(gold)
    assert counts["claims"] >= 850 and counts["attributed"] >= 450
    assert counts["nonclaims"] >= 60
    assert {"headline", "caption", "video", "embed", "pullquote", "dateline"} <= set(
        counts["nonclaim_kinds"]
    )
    assert counts["propositions"] >= 140 and counts["conflicts"] >= 8
    assert set(counts["hard_negatives"]) >= ISSUE_CLASSES


def test_propositions_span_documents(gold: ev.Gold) -> None:
    in_conflict = {side for c in gold.conflicts for side in (c["a"], c["b"])}
    doc_of = {c["id"]: c["doc"] for c in gold.claims}
    for p in gold.propositions:
        docs = {doc_of[m["claim"]] for m in p["claims"]}
        assert len(docs) >= 2 or p["id"] in in_conflict, p["id"]


def test_hard_negatives_agree_with_the_propositions(gold: ev.Gold) -> None:
    """A hard negative's verdict follows from the propositions: an `agree` pair shares one, a
    `conflict` pair sits on a gold conflict, a `none` pair across documents shares none."""
    props = ev.Propositions(gold)
    doc_of = {c["id"]: c["doc"] for c in gold.claims}
    for h in gold.hard_negatives:
        if "a" not in h or h["a"] not in doc_of or h["b"] not in doc_of:
            continue
        want, verdict = set(h["expected"].split("/")), props.verdict(h["a"], h["b"])
        if want == {"agree"}:
            assert verdict in {"same", "partial"}, h
        if want == {"conflict"}:
            assert verdict == "conflict", h
        if "conflict" not in want:
            assert verdict != "conflict", h
        if want <= {"none", "related"} and doc_of[h["a"]] != doc_of[h["b"]]:
            assert verdict == "different", h


# -- the scorer ------------------------------------------------------------------------------


def as_system(gold: ev.Gold) -> list[dict]:
    """The gold claims in the shape of `corpus.claims()` rows."""
    return [
        {
            "claim": c["id"],
            "doc": c["doc"],
            "start": c["start"],
            "end": c["end"],
            "speaker": c["speaker_ref"],
            "cue": c["cue"],
            "polarity": c["polarity"],
            "hedged": c["hedged"],
            "quote": None if c["quote"] == "none" else c["quote"],
            "modality": c["modality"],
        }
        for c in gold.claims
    ]


def test_the_gold_scores_perfectly(gold: ev.Gold, texts: dict[str, str]) -> None:
    system = as_system(gold)
    pairs, groups = [], {}
    for p in gold.propositions:
        same = [m["claim"] for m in p["claims"] if m["match"] == "same"]
        for x, y in zip(same, same[1:]):
            pairs.append(
                {
                    "claim_a": x,
                    "claim_b": y,
                    "doc_a": x.split(":")[0],
                    "doc_b": y.split(":")[0],
                    "relation": "agree",
                }
            )
    r = ev.score(gold, texts, system, pairs, groups)
    c = r["claims"]
    for key in (
        "recall",
        "precision",
        "speaker",
        "cue",
        "span_exact",
        "span_jaccard",
        "polarity",
        "hedged",
        "quote",
        "modality",
    ):
        assert c[key] == 1.0, key
    assert c["from_nonclaims"] == 0.0
    agree = r["pairs"]["all"]["agree"]
    assert agree["precision"] == 1.0 and agree["pairs"] > 100


def test_the_scorer_sees_errors(gold: ev.Gold, texts: dict[str, str]) -> None:
    system = as_system(gold)
    for c in system[::2]:
        c["speaker"], c["cue"], c["end"] = "Nobody", None, c["end"] - 1
    r = ev.score(gold, texts, system, [], {})["claims"]
    assert r["recall"] == 1.0
    assert r["speaker"] < 0.75 and r["span_exact"] < 0.6 and r["cue"] < 0.75
    assert r["span_jaccard"] < 1.0


def test_merged_claims_captions_and_unsupported_spans() -> None:
    text = "Kim said the site is closed. Trump said it was good news. A photo shows Kim."
    gold = ev.Gold(
        claims=[
            {
                "event": "x",
                "doc": "d",
                "id": "d:1",
                "start": 9,
                "end": 27,
                "text": "the site is closed",
                "speaker": "Kim",
                "speaker_ref": "Kim",
                "cue": "said",
                "polarity": "asserted",
                "hedged": False,
                "quote": "indirect",
                "modality": None,
            },
            {
                "event": "x",
                "doc": "d",
                "id": "d:2",
                "start": 40,
                "end": 56,
                "text": "it was good news",
                "speaker": "Trump",
                "speaker_ref": "Trump",
                "cue": "said",
                "polarity": "asserted",
                "hedged": False,
                "quote": "indirect",
                "modality": None,
            },
        ],
        nonclaims=[
            {
                "event": "x",
                "doc": "d",
                "id": "d:nc1",
                "kind": "caption",
                "start": 58,
                "end": 76,
                "text": "A photo shows Kim.",
            }
        ],
        propositions=[
            {
                "event": "x",
                "id": "x:p1",
                "gloss": "closed",
                "claims": [{"claim": "d:1", "match": "same"}],
            }
        ],
    )
    assert text[9:27] == "the site is closed" and text[58:76] == "A photo shows Kim."
    system = [
        {"claim": "s1", "doc": "d", "start": 0, "end": 56, "speaker": "Kim", "cue": "said"},
        {"claim": "s2", "doc": "d", "start": 58, "end": 75, "speaker": None, "cue": None},
    ]
    m = ev.match_claims(system, gold)
    assert m.gold_of == {"s1": "d:1"}  # the larger overlap; d:2 is covered too
    assert set(m.covers["s1"]) == {"d:1", "d:2"}
    assert m.nonclaim_of == {"s2": "d:nc1"}
    r = ev.score_claims(system, gold, {"d": text}, m)
    assert r["recall"] == 0.5 and r["precision"] == 0.5 and r["from_nonclaims"] == 0.5


def test_speakers_match_leniently_on_extent_but_not_on_pronouns() -> None:
    g = {"speaker": "he", "speaker_ref": "Mr. Trump"}
    assert ev.same_speaker(g, "Trump") and ev.same_speaker(g, "President Trump")
    assert not ev.same_speaker(g, "he") and not ev.same_speaker(g, "SEOUL")
    q = {"speaker": "Some", "speaker_ref": "some analysts in the region", "cue": "argue"}
    assert ev.speaker_found(q, {"speaker": "Some analysts", "cue": "argue"}, "quantifier")
    assert not ev.speaker_found(
        q, {"speaker": "analysts in the region", "cue": "argue"}, "quantifier"
    )


# -- today's crosswire -----------------------------------------------------------------------


def test_report_and_floors(report: dict, gold: ev.Gold, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\n" + ev.format_report(report, ev.gold_counts(gold)))
    c, pairs, props = report["claims"], report["pairs"]["all"], report["propositions"]
    # Floors a little under today's figures (see tests/data/README.md); ceilings for the
    # share of claims taken from non-claims.
    # Layout and parse rules for standfirsts, blurbs, fragments and commands (issue 10):
    # recall 0.762, precision 0.949, from non-claims 0.033 before; 0.771 / 0.972 / 0.009 with
    # them; 0.861 / 0.973 / 0.009 now that a quotation over several sentences gives one claim
    # per sentence, clauses with a subject of their own are split and the clause before a
    # participle cue (`X did Y, saying …`) is the article's statement; 0.890 / 0.975 / 0.007
    # with predicates that have a tense of their own and opening participle cues.
    assert c["recall"] >= 0.88 and c["precision"] >= 0.96
    assert c["from_nonclaims"] <= 0.01
    # Speakers and cues read from the parse (cues as verbs, a cue's subject as its speaker).
    # 0.845 / 0.862 before the speaker rules of issue 10 (number, clause, quantifier); 0.859 /
    # 0.872 with them; 0.866 / 0.880 with split statements (span Jaccard 0.881 -> 0.912).
    # Speaker 0.874 (attributed 0.857) once a pronoun keeps its source salient and a named
    # owner (`Mr. Trump's comments`) is a source for a later `he`; 0.876 / 0.861 with
    # speakers cut of trailing adverbs and relative pronouns read as their noun.
    assert c["speaker"] >= 0.87 and c["cue"] >= 0.87
    # Polarity 0.951 with negation read by the frames; 0.965 now that the extraction reads
    # it from the tree with its scope (main predicate and its arguments only).
    assert c["span_jaccard"] >= 0.90 and c["polarity"] >= 0.96 and c["hedged"] >= 0.9
    # Raised with alignment on frames (issue 10): 0.48 / 0.77 before frames; 0.595 / 0.840
    # with them; 0.683 / 0.904 now that a pair agrees on a whole proposition (one claim
    # stating a further core predicate is related), every role both fill must match and
    # non-claims give no claims. Split statements (one claim per sentence of a quotation)
    # add pairs, some of them short sentences of one quotation agreeing by shared words; a
    # deed under `if` is said as possible only (no agreement with the deed done): 0.679 /
    # 0.847; a comment on what was said (`This is very good news`) agrees with a report of
    # it only in its own words, not in the words it borrowed: 0.711 / 0.891; two lists of
    # people agree only when they name the same people: 0.763 / 0.877 now (10 pairs of
    # partial lists of defendants gone, 4 pairs the gold calls same with them); two claims
    # agree only when what each asserts (its core frames, not a subordinate clause) matches:
    # 0.837 / 0.930 (across documents 0.866 / 0.939); a clause under a negated claim's
    # negation is not judged as asserted, and clitics (`n’t`, `’re`) are no content words:
    # 0.866 / 0.951; a call (`we must prevent future attacks`) is no report of the deed:
    # 0.877 / 0.963 now.
    assert pairs["agree"]["precision"] >= 0.87
    assert pairs["agree"]["precision_with_partial"] >= 0.95
    # Within one document, only two different sources agree (a restatement is no
    # corroboration): few such pairs are left.
    assert report["pairs"]["same_document"]["agree"]["pairs"] <= 15
    # Frames trade recall for precision: a pair whose predicates differ no longer agrees
    # (strict 0.417 before frames; strict 0.380, lenient 0.317 with them); nor does a pair
    # one of whose claims states more (strict 0.352, lenient 0.295 now: three propositions
    # were linked only through claims that run several sentences together); strict 0.380,
    # lenient 0.317 with one claim per statement; strict 0.361, lenient 0.302 with lists of
    # people agreeing only on the same people (two propositions of defendants' names);
    # strict 0.324, lenient 0.266 with agreement on what each claim asserts (four
    # propositions linked only through a subordinate clause: `anxious to persuade Mr. Trump`).
    assert props["strict"]["recall"] >= 0.32 and props["lenient"]["recall"] >= 0.26


def test_hard_negatives_today(report: dict) -> None:
    results = report["hard_negatives"]["results"]
    assert {r["class"] for r in results} >= ISSUE_CLASSES
    passed = Counter(r["class"] for r in results if r["status"] == "pass")
    # Today's passes (the later work makes the rest pass): figures that count different
    # things left apart, datelines that are no speaker, headlines, captions and repeats
    # that give no claim. (The one real clash found before, `$1.8 billion` / `$1.7 billion`,
    # fell below the conflict threshold, then lost its shared frame to the parse; it is found
    # again as close rival sums of one unit: see tests/data/README.md.)
    assert passed["figures"] >= 9 and passed["dateline"] >= 4
    # Shared words without a shared predicate no longer agree (frames, issue 10): 2/13 before
    # frames, 9/13 with them, 11/13 with every role both fill matching and whole
    # propositions only; 12/13 with comments agreeing only in their own words; 15/16 with a
    # clause under a negation and clitics read as such (three added from those errors); 16/16
    # with a call to prevent a deed no report of it.
    assert passed["shared-words"] >= 16
    # Real clashes: close rival sums of one payment (`$1.8 billion` / `$1.7 billion`).
    assert passed["clash-related"] >= 1
    assert passed["headline-lede"] >= 7 and passed["nonclaim"] >= 9
    # Read from the parse: `state media`, `state visit`, `exchange of tweets`, `breaking
    # promises`, `certain claims` are nouns, no cue; an adverb before the cue (`essentially
    # accusing`) is no speaker: the cue's subject is. An opening participle cue (`Calling it
    # …, the DNC filed …`) leaves its main clause the article's statement, with no speaker.
    from_parse = {
        "noun-cue": {"0_L:6", "2_LL:1", "2_LL:12", "2_R:5", "3_L:19", "4_L:67", "4_R:22"},
        "wrong-speaker": {"4_LL:34", "4_L:3", "4_L:7", "2_M:15", "3_R:4"},
        # A pronoun takes an antecedent of its number, or the subject of the clause it
        # depends on; a written-out `\n` ends a statement.
        "carried-speaker": {"0_L:4", "2_M:8", "4_L:16", "4_M:48"},
        # `Some argue`, `Most scholars … agree`: the quantifier stays in the speaker.
        "quantifier": {"0_L:52", "0_L:48", "2_L:39"},
    }
    for error_class, claims in from_parse.items():
        status = {r["claim"]: r["status"] for r in results if r["class"] == error_class}
        assert {c: status[c] for c in claims} == dict.fromkeys(claims, "pass"), error_class
    # Paraphrase groups of news predicates (`persuade` / `encourage`, `preserve` / `remain
    # in`) linked the Europeans' push to keep Trump in the deal inside two long sentences;
    # there `persuade` stands in a subordinate clause (`anxious to persuade …`, `… has been to
    # persuade …`), and agreement is now on what each claim asserts: lost (61 passes before).
    # 65 of 101 with the conflict and agreement fixes of conflict6 (four hard negatives added).
    assert sum(passed.values()) >= 65


def test_every_conflict_crosswire_finds_is_judged(report: dict) -> None:
    """A conflict pair is `conflict` only when the gold says so; each other one is an error the
    report must show, not one the harness hides."""
    conflicts = [p for p in report["judged_pairs"] if p["relation"] == "conflict"]
    # Counts of different things (`two donors` / `three Americans`) and one document
    # contradicting itself in its own voice are no conflict: none is left that the gold
    # calls different.
    assert not [p for p in conflicts if p["verdict"] == "different"]
    assert all(
        p["verdict"]
        in {"conflict", "different", "partial", "same", "non-claim", "unsupported", "same claim"}
        for p in conflicts
    )
    # Issue 10's bar: what is flagged as a conflict is one at least 4 times in 5, and the
    # clash of one payment's two sums is found.
    precision = report["pairs"]["all"]["conflict"]["precision"]
    assert precision is not None and precision >= 0.8
    assert report["propositions"]["conflicts"]["found"] >= 1


def test_sample_corpus_read_the_same_way() -> None:
    s = ev.evaluate_sample()
    assert s["recall"] >= 0.95 and s["precision"] >= 0.95
    assert s["speaker"] >= 0.95 and s["cue"] >= 0.95 and s["polarity"] >= 0.97


def test_texts_are_read_as_crosswire_reads_them(texts: dict[str, str]) -> None:
    for doc, text in texts.items():
        event = doc.split("_")[0]
        raw = (ev.CORPUS_DIR / event / f"{doc}.txt").read_text(encoding="utf-8")
        assert text == raw.removeprefix("\ufeff"), doc
    assert cw.Corpus.from_dir(ev.CORPUS_DIR / "0").names == sorted(
        d for d in texts if d.startswith("0_")
    )
