//! Labels a pair (agree / conflict / related) from its features, and says why in words a
//! reader can check: which entities, words, figures and speakers matched or clashed.

use std::collections::BTreeMap;

use super::apart;
use super::coverage;
use super::figures::{self, FigureValue};
use super::frames::{self, Filler, FrameMatch, Role};
use super::lexicon::AlignLexicon;
use super::linking;
use super::measures;
use super::model::{Feature, Scalar};
use super::moves;
use super::names_beside;
use super::nonclaims;
use super::predicates;
use super::referents;
use super::represent::ClaimView;
use super::score::{features, overlap_features, Features};
use super::slots;
use super::stem::stem;
use super::stories;
use super::time::{self, TimeMatch};
use super::untagged;
use super::voices::{self, source};

/// How two claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// Both assert the same proposition.
    Agree,
    /// Same proposition, but clashing figures or polarity.
    Conflict,
    /// About the same thing, not the same proposition.
    Related,
}

impl Relation {
    /// `agree`, `conflict` or `related`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agree => "agree",
            Relation::Conflict => "conflict",
            Relation::Related => "related",
        }
    }
}

/// What comparing two claims found.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// How the two relate.
    pub relation: Relation,
    /// How likely the two state the same proposition.
    pub score: f64,
    /// Why, in words a reader can check.
    pub reason: String,
    /// The pair is close enough to list in an alignment (score at least `related`).
    pub aligned: bool,
}

/// Items (the predicate and roles) two frames must share to clash: a predicate and one
/// common noun (`run … hotline`) is a topic, not one proposition.
const MIN_CLASH_ITEMS: usize = 3;
/// Share of each side's content the other states above which two claims are near-copies.
const NEAR_COPY: f64 = 0.67;
/// Shared terms and matching figures an agreement needs at least.
const MIN_EVIDENCE: usize = 2;
/// Content a clause needs to be compared on its own (`in recent days` is not a
/// proposition, nor is `missile systems`): three terms or figures at least (a predicate
/// and what it is about), weighing this much.
const MIN_CLAUSE_ITEMS: usize = 3;
const MIN_CLAUSE_WEIGHT: f32 = 6.0;
/// What a figure weighs as content, against a term's idf.
const FIGURE_WEIGHT: f32 = 3.0;
/// Share of its content one side of an agreeing pair must have stated by the other: two
/// long claims sharing a handful of topic words (`Ukrainian`, `forces`, `city`) are on
/// one topic, not one proposition.
const MIN_AGREE_COVER: f64 = 0.5;
/// A polarity clash is a conflict only when the two state one proposition but for the
/// negation: the negative side (`the bridge was not destroyed`) is this much stated by the
/// other, and so is what it negates (the words after its `not`, all of a denied claim):
/// `not preparing to leave now` does not answer `preparing to defend`, nor `the ferry was
/// destroyed` `the bridge was not destroyed`, whatever else they share.
const MIN_NEGATED_COVER: f64 = 0.75;
/// … and the asserting side at least this much stated by the negative one, not a long
/// sentence that mentions the negated words in passing.
const MIN_ASSERTED_COVER: f64 = 0.5;
/// A figure whose bounds lie further apart than this factor is vague (`thousands`).
const VAGUE_SPREAD: f64 = 3.0;
/// Bare counts up to this are small (`two`, `five`).
const SMALL_COUNT: f64 = 10.0;
/// Two clashing figures of one unit within this factor of each other are rival reports of
/// one count (`$1.8 billion` / `$1.7 billion`); further apart, they may as well count
/// different things (`$150 billion` / `$1.8 billion`), unless the frames say otherwise.
const CLOSE_RIVALS: f64 = 1.5;

/// The verdict on two claims that say different things of one topic (`predicates`).
const OTHER_VALUES: &str = "same words, not one proposition: one measure given other values";
const OPPOSITE_MOVES: &str = "same words, not one proposition: one tells a rise, the other a fall";
const PREDICATES_APART: &str = "same topic, different propositions: different predicates";

/// Non-name items (terms or matching figures) two claims must share to agree: names and
/// places say what a claim is about, not what it says of them, so two claims that share
/// only `Dnipro River` and `bank`, or `Putin` and `ready`, share a topic at most. A
/// proposition shared needs its predicate shared too, and what it is said of.
const MIN_SHARED_PREDICATE: usize = 2;

/// Whether the lower-cased `word` belongs to a name or date of claim `v`: a word written
/// with a capital inside it, a word of one of its entity mentions, or of its dates and
/// durations (`in the first days of the war` says when, not what). Read off the view for
/// each word asked, not gathered into a set: most pairs ask about a handful of words.
fn is_name_word(v: &ClaimView, word: &str) -> bool {
    v.names.iter().any(|n| n == word)
        || v.date_words.iter().any(|d| d == word)
        || v.entities
            .values()
            .flat_map(|s| s.split_whitespace())
            .any(|piece| lowercase_equals(piece, word))
}

/// `piece.to_lowercase() == word`, without building the lower-cased string but for a
/// capital sigma, whose lower case depends on where it stands in the word.
fn lowercase_equals(piece: &str, word: &str) -> bool {
    // ASCII lower-cases byte for byte (the common case, and most pieces differ in length).
    if piece.is_ascii() {
        return piece.len() == word.len()
            && (piece.bytes().zip(word.bytes())).all(|(p, w)| p.to_ascii_lowercase() == w);
    }
    if piece.contains('Σ') {
        return piece.to_lowercase() == word;
    }
    piece.chars().flat_map(char::to_lowercase).eq(word.chars())
}

/// Shared items that are not names or dates: shared terms none of whose words are names
/// or dates of either claim, and matching figures.
fn shared_predicate(a: &ClaimView, b: &ClaimView, f: &Features) -> usize {
    let terms = f
        .shared_terms
        .iter()
        .filter(|&&i| {
            !a.terms[i]
                .surface
                .split_whitespace()
                .any(|w| is_name_word(a, w) || is_name_word(b, w))
        })
        .count();
    terms + f.figures.shared.len()
}

/// A word this common (idf below it) is the stuff of stock lines: `details`, `comment`,
/// `available`, `declined`, `spokesman`, `government` (6.0 down to 4.2 in the reference
/// table); one rarer (`site` 6.5, `heroin` 7.2, `truce` 7.4, `raids` 7.5, `clinched` 8.9)
/// says what happened. Read off the table: with MSRP's news in it, words of politics and
/// business (`nuclear` 6.2) are commoner than in Reuters alone.
const STOCK_WORD_IDF: f32 = 6.4;

/// Whether every term the two claims share is a common word (`STOCK_WORD_IDF`): the words
/// of every report of its kind (`A spokesman declined to comment`), which tie two claims to
/// one event only through something named. Words are weighed by the reference table, not
/// the corpus: in a corpus of a few hundred articles every word two claims share is rare.
pub(super) fn generic_words(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> bool {
    (a.terms.iter())
        .filter(|t| b.terms.binary_search_by(|u| u.key.cmp(&t.key)).is_ok())
        .all(|t| {
            (t.surface.split_whitespace()).fold(0.0f32, |m, w| m.max(lex.idf(w))) < STOCK_WORD_IDF
        })
}

fn content_weight(v: &ClaimView) -> f32 {
    v.terms.iter().map(|t| t.idf).sum::<f32>() + FIGURE_WEIGHT * v.figures.len() as f32
}

fn substantial(v: &ClaimView) -> bool {
    v.terms.len() + v.figures.len() >= MIN_CLAUSE_ITEMS && content_weight(v) >= MIN_CLAUSE_WEIGHT
}

/// How much of each side's content (terms by weight, figures) the other side states:
/// `(share of a, share of b)`, each 0 to 1.
fn covers(a: &ClaimView, b: &ClaimView, f: &Features) -> (f64, f64) {
    let mut shared_a = FIGURE_WEIGHT * f.figures.shared.len() as f32;
    let mut shared_b = shared_a;
    // Both in the order of `a`'s terms, as the shares were always summed.
    for &(i, j) in &f.shared_pairs {
        shared_a += a.terms[i].idf;
        shared_b += b.terms[j].idf;
    }
    let share = |shared: f32, total: f32| {
        if total > 0.0 {
            (shared / total).min(1.0) as f64
        } else {
            0.0
        }
    };
    (
        share(shared_a, content_weight(a)),
        share(shared_b, content_weight(b)),
    )
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn reason(v: &Verdict, lex: &AlignLexicon) -> String {
    let (a, b, f) = (v.a, v.b, &v.features);
    let mut parts = vec![v.verdict.to_owned()];
    if let Some(m) = &v.frames {
        parts.push(frames::both_say(m));
        if let Some(why) = m
            .mismatch
            .as_ref()
            .filter(|w| !v.verdict.contains(w.as_str()))
        {
            parts.push(why.clone());
        }
        if m.modality_clash {
            parts.push("modality clash: asserted vs unlikely".to_owned());
        }
    }
    if let Some(x) = &v.extra {
        let what = if v.verdict == PREDICATES_APART {
            "predicates"
        } else if v.verdict == ONE_DEED_APART {
            "different participants"
        } else if v.verdict == OTHER_VALUES {
            "figures apart"
        } else if v.verdict == OPPOSITE_MOVES {
            "moves"
        } else if v.verdict == IN_PART {
            "only"
        } else {
            "only one says"
        };
        // `only the second claim says: figure …`
        let colon = if v.verdict == IN_PART { "" } else { ":" };
        parts.push(format!("{what}{colon} {x}"));
    }
    let entities: Vec<String> = a
        .entities
        .iter()
        .filter(|(k, _)| b.entities.contains_key(*k))
        .map(|(_, name)| name.clone())
        .collect();
    if !entities.is_empty() {
        parts.push(format!("shared entities: {}", list(&entities)));
    }
    let mut words: Vec<&_> = f.shared_terms.iter().map(|&i| &a.terms[i]).collect();
    words.sort_by(|x, y| {
        y.idf
            .total_cmp(&x.idf)
            .then_with(|| x.surface.cmp(&y.surface))
    });
    let words: Vec<String> = words
        .iter()
        .take(8)
        .map(|t| match b.terms.iter().find(|u| u.key == t.key) {
            Some(u) if u.surface != t.surface => format!("{} ~ {}", t.surface, u.surface),
            _ => t.surface.clone(),
        })
        .collect();
    if !words.is_empty() {
        parts.push(format!("shared words: {}", list(&words)));
    }
    let figs: Vec<String> = f
        .figures
        .shared
        .iter()
        .map(|&(i, j)| format!("{} ~ {}", a.figures[i].text, b.figures[j].text))
        .collect();
    if !figs.is_empty() {
        parts.push(format!("figures match: {}", list(&figs)));
    }
    if let Some((i, j)) = f.figures.clash {
        parts.push(format!(
            "figures clash: {} vs {}",
            a.figures[i].text, b.figures[j].text
        ));
        // With no frame in common, what the two figures both count is the word they share.
        if v.relation == Relation::Conflict && v.frames.is_none() {
            let counted: Vec<String> = (counted_words(a, b, f).into_iter())
                .map(|k| a.terms[k].surface.clone())
                .collect();
            parts.push(format!("both count what is said: {}", list(&counted)));
        }
    }
    if a.negative != b.negative {
        // Who asserts and who denies, by speaker where there is one: `one denies: the
        // Washington Post (second) denies or negates what Trump (first) asserts`.
        let who = |v: &ClaimView, nth: &str| match &v.speaker {
            Some(s) => format!("{s} ({nth})"),
            None => format!("the {nth} claim"),
        };
        let (neg, pos) = if a.negative {
            (who(a, "first"), who(b, "second"))
        } else {
            (who(b, "second"), who(a, "first"))
        };
        parts.push(format!(
            "polarity clash, one denies: {neg} denies or negates what {pos} asserts"
        ));
    }
    if f.values[Feature::EventClash] > 0.0 {
        let names = |v: &ClaimView| {
            v.events
                .iter()
                .map(|&e| lex.event_names[e as usize].clone())
                .collect::<Vec<_>>()
                .join("/")
        };
        parts.push(format!("different events: {} vs {}", names(a), names(b)));
    }
    if f.time == TimeMatch::Different && f.values[Feature::TimeClash] > 0.0 {
        parts.push("different times".to_owned());
    }
    match (&a.speaker, &b.speaker) {
        (None, None) => {}
        (x, y) => {
            let who = |s: &Option<String>| s.clone().unwrap_or_else(|| "(the article)".into());
            let same = a.speaker_key.is_some() && a.speaker_key == b.speaker_key;
            let tag = if same { "same speaker" } else { "speakers" };
            parts.push(format!("{tag}: {} / {}", who(x), who(y)));
        }
    }
    parts.join("; ")
}

/// The verdict on two claims of which one states the other's proposition and more.
const IN_PART: &str = "corroborated in part: one claim states more than the other";

/// The verdict on two claims that say one deed of one participant and another.
const ONE_DEED_APART: &str =
    "same topic, different proposition: one figure counting two things in one deed";

/// Whether some frame of `a` and some frame of `b` have one predicate, fill one
/// participant's role alike (`A storm` as agent) and another's with fillers told apart that
/// hold one figure counting two things (`14 people` / `14 cows`): the same figure said of
/// something else, which backs no agreement, whatever other frame the two share (a
/// reporting verb: `…, officials said`). The two fillers, for the reason. A figure is
/// counting two things when the nouns after it differ (paraphrase groups read as one:
/// `12 soldiers` / `12 troops` count one thing).
fn one_deed_other_participant(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> Option<String> {
    let counted = |stem: &str| match lex.phrases.get(&[stem.to_owned()][..]) {
        Some(&g) => super::lexicon::group_key(&lex.group_names[g as usize]),
        None => stem.to_owned(),
    };
    // Matching figures (by value) that count two things.
    let two_things: Vec<(&str, &str)> = (a.figures.iter())
        .flat_map(|x| b.figures.iter().map(move |y| (x, y)))
        .filter(|(x, y)| x.compatible(y))
        .filter_map(|(x, y)| match (&x.counts, &y.counts) {
            (Some(p), Some(q)) if counted(p) != counted(q) => {
                Some((x.text.as_str(), y.text.as_str()))
            }
            _ => None,
        })
        .collect();
    if two_things.is_empty() {
        return None;
    }
    let participant = [Role::Agent, Role::Patient, Role::Recipient];
    for x in &a.frames {
        for y in &b.frames {
            let Some(m) = frames::compare(x, y) else {
                continue;
            };
            if m.compatible || !shared_role(&m) {
                continue;
            }
            for r in participant {
                let (Some(p), Some(q)) = (x.role(r), y.role(r)) else {
                    continue;
                };
                let holds = |(s, t): &(&str, &str)| p.text.contains(s) && q.text.contains(t);
                if p.text != q.text && two_things.iter().any(holds) {
                    return Some(format!("{} vs {} ({})", p.text, q.text, r.name()));
                }
            }
        }
    }
    None
}

/// Judges two claims, and their clauses against each other: the best-matching pair of
/// clauses (or whole claims) decides.
///
/// `parts`: the texts are claims, possibly parts of longer sentences, so a pair also
/// scores by how much of the shorter one the longer states (`Features::overlap_score`);
/// otherwise they are whole sentences, scored as paraphrases.
pub fn judge(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon, parts: bool) -> Judgement {
    let untagged = (untagged::holds_untagged(a), untagged::holds_untagged(b));
    judge_known(a, b, lex, parts, untagged)
}

/// `judge`, told `untagged::holds_untagged` of each side (a property of a view alone,
/// which regrouping does not change: alignment works it out once a claim).
pub fn judge_known(
    a: &ClaimView,
    b: &ClaimView,
    lex: &AlignLexicon,
    parts: bool,
    (untagged_a, untagged_b): (bool, bool),
) -> Judgement {
    // Names the tagger missed count as participants only where the other claim does not
    // write them (`untagged`).
    let (own_a, own_b) = (
        untagged::unless_written_by(a, b, untagged_a),
        untagged::unless_written_by(b, a, untagged_b),
    );
    let (a, b) = (own_a.as_ref().unwrap_or(a), own_b.as_ref().unwrap_or(b));
    let mut best = judge_one(a, b, lex, parts, false);
    if !(a.clauses.is_empty() && b.clauses.is_empty()) {
        let (own_a, own_b) = (own_clauses(a, lex), own_clauses(b, lex));
        for x in std::iter::once(a).chain(own_a) {
            for y in std::iter::once(b).chain(own_b.iter().copied()) {
                if std::ptr::eq(x, a) && std::ptr::eq(y, b) {
                    continue;
                }
                let v = judge_one(x, y, lex, parts, true);
                if v.rank().partial_cmp(&best.rank()) == Some(std::cmp::Ordering::Greater) {
                    best = v;
                }
            }
        }
    }
    // Agreement is on a whole proposition: when either claim states a core predicate the
    // other does not (`… and would close a test site` / `… close a test site`), they share
    // a part of one, whichever of their clauses agreed.
    if best.relation == Relation::Agree && a.parsed && b.parsed {
        let extra = frames::unmatched_core(&a.frames, &b.frames, |k| states_key(b, k))
            .or_else(|| frames::unmatched_core(&b.frames, &a.frames, |k| states_key(a, k)));
        if let Some(x) = extra {
            best.relation = Relation::Related;
            best.verdict = "same topic, part of one proposition: one claim states more";
            best.extra = Some(x.predicate.clone());
        }
    }
    // What a claim asserts is its core frames (the content's main predicate and those beside
    // it), not a subordinate one: `… have my blessing to discuss the end of the war` does not
    // assert `they are discussing an end to war`. Claims agreeing only on a subordinate frame
    // share a part of what one says. (Two claims with no predicate in common agree only as
    // near-copies, judged above; whole sentences are left to the paraphrase model.)
    if parts
        && best.relation == Relation::Agree
        && a.parsed
        && b.parsed
        && frames::best(&a.frames, &b.frames).is_some()
        && !frames::asserted(&a.frames, &b.frames).is_some_and(|m| m.compatible)
    {
        best.relation = Relation::Related;
        best.verdict = "same topic, not one assertion: they agree on a subordinate clause only";
        best.extra = None;
    }
    // Two claims agree on what their main clauses say, not on what both say of a
    // participant in passing (`Philippoussis, who beat Sampras in the third round, stayed
    // calm` / `… a likely date with Philippoussis, who took out Sampras in the third
    // round`): see `said_in_passing`.
    if parts && best.relation == Relation::Agree && said_in_passing(a, b) {
        best.relation = Relation::Related;
        best.verdict = PASSING;
        best.extra = None;
    }
    // Near-copies with no predicate in common (or unparsed: frames of nouns only), one of
    // which says what must be done: a call is no report of a deed, whichever of their
    // clauses agreed.
    if best.relation == Relation::Agree
        && best.frames.is_none()
        && obligation_against_statement(a, b)
    {
        best.relation = Relation::Related;
        best.verdict =
            "same topic, not one proposition: one says what must be done, the other what is";
        best.extra = None;
    }
    // One deed of one participant, done to (or by) another (`A storm killed 14 people` /
    // `A storm killed 14 cows`): two propositions, whatever other frame the two share (a
    // reporting verb, `…, officials said`, or a clause beside it).
    if best.relation == Relation::Agree && a.parsed && b.parsed {
        if let Some(why) = one_deed_other_participant(a, b, lex) {
            best.relation = Relation::Related;
            best.verdict = ONE_DEED_APART;
            best.extra = Some(why);
        }
    }
    // Measures given other values (`closed up $1.75, or 2.11 percent, at $84.50` / `closed
    // at $24.60, up 51 cents, or 2.1 percent`) are two readings, of two things or two
    // moments, whatever figure the two share: no one proposition (`figures::values_apart`).
    if best.relation == Relation::Agree {
        if let Some((i, j)) = figures::values_apart(&a.figures, &b.figures) {
            best.relation = Relation::Related;
            best.verdict = OTHER_VALUES;
            best.extra = Some(format!("{} / {}", a.figures[i].text, b.figures[j].text));
        }
    }
    // One measure moving up in one claim and down in the other (`CAC-40 rose 1.5 percent`
    // / `CAC-40 fell 1.6 percent`): two moves, of two days or two markets (`moves`).
    if best.relation == Relation::Agree {
        if let Some((i, j)) = moves::opposite(&a.figures, &b.figures) {
            best.relation = Relation::Related;
            best.verdict = OPPOSITE_MOVES;
            best.extra = Some(format!("{} / {}", a.figures[i].text, b.figures[j].text));
        }
    }
    // The day's changes apart while a level matches (`up 7.42 points … at 1,653.44` / `up
    // 0.04 of a point at 1,653`): two readings of one index (`moves::other_change`).
    if best.relation == Relation::Agree {
        if let Some((i, j)) = moves::other_change(&a.figures, &b.figures) {
            best.relation = Relation::Related;
            best.verdict = OTHER_VALUES;
            best.extra = Some(format!("{} / {}", a.figures[i].text, b.figures[j].text));
        }
    }
    // Two quotes of one measure apart (`to $42.57` / `to $42.51`) beside changes or earlier
    // figures both repeat: two readings, of two moments (`moves::other_level`).
    if best.relation == Relation::Agree {
        if let Some((i, j)) = moves::other_level(&a.figures, &b.figures) {
            best.relation = Relation::Related;
            best.verdict = OTHER_VALUES;
            best.extra = Some(format!("{} / {}", a.figures[i].text, b.figures[j].text));
        }
    }
    // A list of people (`Kushner, Manafort and Gates`) against another list: the same kind
    // of statement about different sets of people, one part of a proposition at most.
    if parts && best.relation == Relation::Agree {
        if let Some(x) = unshared_people(a, b) {
            best.relation = Relation::Related;
            best.verdict = "same topic, part of one proposition: they list different people";
            best.extra = Some(x);
        }
    }
    // Two people said to do one thing, nothing else named by both (`slots`).
    if parts && best.relation == Relation::Agree {
        if let Some(x) = slots::rival_people(a, b, lex) {
            best.relation = Relation::Related;
            best.verdict = "same words, different subjects: they name different people";
            best.extra = Some(x);
        }
    }
    // One predicate beside two organisations named in no role (`published in … the Annals
    // of Internal Medicine` / `… in … The New England Journal of Medicine`: `names_beside`).
    if parts && best.relation == Relation::Agree && a.parsed && b.parsed {
        if let Some(x) = names_beside::rival_names_beside(a, b, lex) {
            best.relation = Relation::Related;
            best.verdict = "same words, different participants: they name different organisations";
            best.extra = Some(x);
        }
    }
    // `This is very good news` takes its words from the claim before it, so it can match
    // that claim's other reports; but it comments on what was said, it does not say it
    // again: it agrees with another comment, or with a claim that shares its own words.
    if best.relation == Relation::Agree && (only_borrowed(a, b) || only_borrowed(b, a)) {
        best.relation = Relation::Related;
        best.verdict = "same topic: one only comments on what was said before it";
        best.extra = None;
    }
    // A heading or the outlet's note on its own copy asserts nothing (`nonclaims`).
    if best.relation != Relation::Related {
        if let Some(why) = nonclaims::why_not_a_claim(a, lex).or(nonclaims::why_not_a_claim(b, lex))
        {
            best.relation = Relation::Related;
            best.verdict = why;
            best.extra = None;
        }
    }
    // One template with two names in its slot says one thing of two subjects (`slots`).
    if best.relation != Relation::Related && slots::rival_slot(a, b, lex).is_some() {
        best.relation = Relation::Related;
        best.verdict = "same words, different subjects: one template, two names in it";
        best.extra = None;
    }
    // Two steps, an expectation and a result, or two measures of one kind (`apart`).
    if best.relation != Relation::Related {
        let agreeing = best.relation == Relation::Agree;
        if let Some(why) = apart::told_apart(a, b, lex, agreeing) {
            best.relation = Relation::Related;
            best.verdict = why;
            best.extra = None;
        }
    }
    // Clashing figures of two measures (two maturities, two regions, a month and the year),
    // or agreeing words about two labelled measures, are no one proposition (`measures`).
    if let Some(why) = measures_apart(&best, lex) {
        best.relation = Relation::Related;
        best.verdict = why;
        best.extra = None;
    }
    // A conflict with no predicate in common rests on words: the two whole claims must be
    // one statement but for the figure (`one_statement`), whichever clauses clashed; and
    // a side that says nothing but a name and a figure (`Brunswijk, 35`: an age) cannot
    // tell what its figure counts.
    if best.relation == Relation::Conflict
        && (bare(a) || bare(b) || best.frames.is_none() && !whole_statement(a, b, lex))
    {
        best.relation = Relation::Related;
        best.verdict = "same topic, not one proposition: the figures may count different things";
        best.extra = None;
    }
    // Near-copies with no predicate in common are one proposition only when they are said
    // of something known to be the same (see `unanchored_copies`).
    if best.relation == Relation::Agree
        && best.frames.is_none()
        && best.features.shared_terms.len() < MIN_UNANCHORED_TERMS
        && unanchored_copies(a, b)
    {
        best.relation = Relation::Related;
        best.verdict = "same words, not one proposition: said of nothing known to be the same";
        best.extra = None;
    }
    // One predicate said of participants not known to be one (`It has a margin of error of
    // plus or minus 4 percentage points` in two polls' stories): the same kind of statement
    // made of two things, unless something ties them to one (`referents`).
    if parts && best.relation == Relation::Agree && a.parsed && b.parsed {
        // One sentence word for word is one statement carried (`unanchored_copies`).
        let named = shared_entity(a, b)
            || shared_name_word(a, b)
            || one_speaker(a, b)
            || a.sequence == b.sequence;
        let loose = (best.frames.as_ref()).is_some_and(|m| {
            referents::unanchored(m, (best.a, best.b), (a, b), named_in_both, named, lex)
        });
        if loose {
            best.relation = Relation::Related;
            best.verdict = UNKNOWN_REFERENTS;
            best.extra = None;
        }
    }
    // Claims dated beyond one news cycle apart (`time::dated_apart`) that name nothing in
    // common are one kind of statement made of two events, whatever their words: `The
    // company declined to comment` months apart, a stock line two stories share. Only
    // something named (an entity, a name, a precise figure, the speaker) ties them to one.
    if best.relation == Relation::Agree
        && time::dated_apart(&a.time, &b.time)
        && !named_in_common(a, b)
    {
        best.relation = Relation::Related;
        best.verdict = "same words, not one proposition: dated apart, nothing named in common";
        best.extra = None;
    }
    // Claims of two stories (`stories`) that share only common words (`generic_words`) are
    // one proposition only when what they say names something in common: one speaker's
    // `very good news` of a test ban and of a lawsuit are said of two things. Rarer words
    // carried (`the weakest since January`, `defend those whom we dislike`) are one
    // report, and so is one sentence word for word (`We can't change the past`).
    if parts
        && best.relation != Relation::Related
        && stories::apart(&a.story, &b.story)
        && !named_in_content(a, b)
        && generic_words(a, b, lex)
        && a.sequence != b.sequence
    {
        best.relation = Relation::Related;
        best.verdict = "same words, not one proposition: two stories, nothing named in common";
        best.extra = None;
    }
    // Claims with no predicate in common, each with a main predicate the other does not
    // state (`Austria dominated their qualifier against Scotland` / `Austria and Scotland
    // drew 0-0 in the qualifier`), say two things of one topic (`predicates`). Claims
    // only: whole sentences that share most words are left to the paraphrase model (MSRP's
    // `Smith found …` / `Smith ruled …` would fall to this rule).
    if parts && best.relation == Relation::Agree && best.frames.is_none() {
        if let Some((x, y)) = predicates::unshared(a, b) {
            best.relation = Relation::Related;
            best.verdict = PREDICATES_APART;
            best.extra = Some(format!("{x} / {y}"));
        }
    }
    // One claim stating a figure the other neither states nor contradicts (`… cut 300
    // jobs` / `… cut jobs`) corroborates it in part (`coverage`). Asked last, of
    // what every other rule left agreeing, so that their reasons stand.
    if parts && best.relation == Relation::Agree {
        if let Some((side, x)) = coverage::extra_figure(a, b) {
            best.relation = Relation::Related;
            best.verdict = IN_PART;
            best.extra = Some(format!("{} says: figure {x}", side.name()));
        }
    }
    // The reason is written for the verdict that stands, and for a corpus pair only when
    // it is listed: most candidate pairs are not.
    let reason = if parts && !best.aligned {
        String::new()
    } else {
        reason(&best, lex)
    };
    Judgement {
        relation: best.relation,
        score: best.score,
        reason,
        aligned: best.aligned,
    }
}

/// Why a conflict over figures, or an agreement, is about two measures (`measures`).
fn measures_apart(v: &Verdict, lex: &AlignLexicon) -> Option<&'static str> {
    match v.relation {
        Relation::Conflict if v.a.negative == v.b.negative => (v.features.figures.clash)
            .and_then(|clash| measures::different_measures(v.a, v.b, clash, lex)),
        Relation::Agree if measures::labels_differ(&v.a.figures, &v.b.figures) => {
            Some("same words, different measures: differently labelled things (10-year / 30-year)")
        }
        // A change agreed on, over two periods (`rose 1.2 percent in July` / `… in the
        // year to July`), is two measures that happen to match.
        Relation::Agree
            if (v.features.figures.shared.iter())
                .any(|&(i, _)| measures::over_time(&v.a.figures[i]))
                && measures::periods_differ(v.a, v.b, lex) =>
        {
            Some("same words, different measures: a change over two periods (a month / the year)")
        }
        _ => None,
    }
}

/// The clauses of a claim judged on their own: those with content enough
/// (`substantial`) whose polarity their own words tell. Not a clause after the negation of
/// a negated claim that holds neither a negation nor a predicate of its own: the claim's
/// negation governs it (`he is not the target of the probe, or the target of the
/// investigation into Michael Cohen`: the second clause asserts nothing about Cohen).
fn own_clauses<'v>(whole: &'v ClaimView, lex: &AlignLexicon) -> Vec<&'v ClaimView> {
    let negation = (whole.negative)
        .then(|| (whole.sequence.iter()).position(|s| lex.negation_stems.contains(s)))
        .flatten();
    // The clauses cover the claim in order, so each starts where the ones before end.
    let mut start = 0;
    let mut out = Vec::new();
    for c in &whole.clauses {
        let governed = negation.is_some_and(|n| n < start) && !c.negative && c.frames.is_empty();
        start += c.sequence.len();
        if substantial(c) && !governed {
            out.push(c);
        }
    }
    out
}

/// The verdict on two claims whose common ground is background (`said_in_passing`).
const PASSING: &str =
    "same topic, not one proposition: what they share one says in passing (a relative clause or apposition)";

/// Whether what two claims share beyond names lies, on one side or the other, in what it
/// says only in passing (`ClaimView::background`: a relative clause, an apposition), and
/// what is left of it in both main clauses is too little to be one proposition: fewer than
/// `MIN_SHARED_PREDICATE` items (terms, figures), or one with no frame outside the
/// background that both state of one participant. Copies of one sentence say the same
/// thing whatever they say in passing.
fn said_in_passing(a: &ClaimView, b: &ClaimView) -> bool {
    if a.background.is_empty() && b.background.is_empty() {
        return false;
    }
    let f = overlap_features(a, b);
    let (ca, cb) = covers(a, b, &f);
    if linking::copies(ca, cb) {
        return false;
    }
    let passing = |v: &ClaimView, key: &str| {
        v.background
            .binary_search_by(|k| k.as_str().cmp(key))
            .is_ok()
    };
    // A figure is said in passing when its number is.
    let figure_passing = |v: &ClaimView, text: &str| {
        (text.split_whitespace())
            .filter(|w| !w.chars().any(char::is_alphabetic))
            .any(|w| passing(v, &w.to_lowercase()))
    };
    // Items said in passing by one side, in passing by both sides, and in both main clauses.
    let (mut moved, mut twice, mut main) = (0, 0, 0);
    let mut count = |pa: bool, pb: bool| match (pa, pb) {
        (true, true) => twice += 1,
        (false, false) => main += 1,
        _ => moved += 1,
    };
    for &i in &f.shared_terms {
        let t = &a.terms[i];
        if (t.surface.split_whitespace()).any(|w| is_name_word(a, w) || is_name_word(b, w)) {
            continue;
        }
        count(passing(a, &t.key), passing(b, &t.key));
    }
    for &(i, j) in &f.figures.shared {
        count(
            figure_passing(a, &a.figures[i].text),
            figure_passing(b, &b.figures[j].text),
        );
    }
    // What both say in passing of one participant backs a proposition their main clauses
    // share (`The case was organized by Protect Democracy, a watchdog group run by …` /
    // `… brought by Protect Democracy, a watchdog group run by …`); it makes none when
    // they share nothing else (two reports that each recall one past match).
    if main > 0 {
        main += twice;
    } else {
        moved += twice;
    }
    if moved == 0 || main >= MIN_SHARED_PREDICATE {
        return false;
    }
    let said =
        |v: &ClaimView| (v.frames.iter().filter(|x| !x.background).cloned()).collect::<Vec<_>>();
    let one_frame =
        frames::best(&said(a), &said(b)).is_some_and(|m| m.compatible && shared_role(&m));
    !(main == 1 && one_frame)
}

/// Whether one claim's main predicate says what must (or should) be done and the other's
/// does not: a call (`We must prevent future attacks on our democracy`) is no report of a
/// deed (`an all-out assault on our democracy`), however many words they share.
fn obligation_against_statement(a: &ClaimView, b: &ClaimView) -> bool {
    let must = |v: &ClaimView| v.frames.first().map(|f| f.modality == Some("must"));
    matches!((must(a), must(b)), (Some(x), Some(y)) if x != y)
}

/// Whether claims not both parsed into verbal frames still have verbless ones (`The deal
/// is terrible for Iran`) with one predicate and rival named participants (`… for
/// Israel`): what is said is said of someone else. Only names decide here, not head nouns,
/// which a verbless parse picks less surely.
fn verbless_rivals(a: &ClaimView, b: &ClaimView) -> bool {
    frames::best(&a.frames, &b.frames).is_some_and(|m| m.mismatch.is_some() && m.named_rivals)
}

/// Terms two near-copies with no predicate in common and nothing named in common must share
/// to agree: a long sentence carried in the same words (`After a search of the aircraft
/// following the hijack, police found only knives and fake explosives`) is one report of
/// one event; a short stock statement (`No other details were immediately available`,
/// `Several people were also wounded`) is made of every event.
const MIN_UNANCHORED_TERMS: usize = 4;

/// Whether two claims share nothing that says they are about one thing: no entity, no
/// name, no precise figure, no speaker, and are not both attributed. `No other details
/// were immediately available` in two articles, `The report could not be independently
/// confirmed` / `There was no independent confirmation of the reports`, `Several people
/// were also wounded` / `31 people were injured`: one kind of statement about two events.
fn unanchored_copies(a: &ClaimView, b: &ClaimView) -> bool {
    // Words two sources both put in quotes (`an act of previously unimaginable treachery`)
    // are one statement carried, whoever made it.
    let both_attributed = a.speaker.is_some() && b.speaker.is_some();
    // One sentence word for word is one statement (however generic): the stock lines that
    // recur in unrelated articles are caught as paraphrases of each other, not as copies.
    let same_words = a.sequence == b.sequence;
    !(named_in_common(a, b) || both_attributed || same_words)
}

/// The verdict on one predicate said of participants not known to be one (`referents`).
const UNKNOWN_REFERENTS: &str =
    "same words, not one proposition: said of participants not known to be the same";

/// Whether two claims write one name (a word with a capital, not a date's).
fn shared_name_word(a: &ClaimView, b: &ClaimView) -> bool {
    (a.names.iter()).any(|n| b.names.binary_search(n).is_ok() && !a.date_words.contains(n))
}

/// Whether two claims share something that says they are about one thing: an entity, a
/// name, a precise figure, or their speaker.
fn named_in_common(a: &ClaimView, b: &ClaimView) -> bool {
    named_in_content(a, b) || one_speaker(a, b)
}

/// Whether what two claims say shares an entity, a name or a precise figure (their
/// speakers aside).
pub(super) fn named_in_content(a: &ClaimView, b: &ClaimView) -> bool {
    let shared_name = shared_name_word(a, b);
    let strong_figure = (a.figures.iter()).any(|x| {
        !weak_figure(x)
            && (b.figures.iter())
                .any(|y| !weak_figure(y) && x.unit == y.unit && x.lo <= y.hi && y.lo <= x.hi)
    });
    shared_entity(a, b) || shared_name || strong_figure
}

/// Whether two claims with clashing figures and no frame in common are one statement but
/// for the figure: one of them mostly stated by the other, as an agreement needs
/// (`MIN_AGREE_COVER`). Two lines of one market report (`raw steel output was 355,900
/// tonnes …` / `Primary iron output was 297,700 tonnes …`, `orders for manufactured goods
/// climbed 1.8 percent` / `Orders for durable goods … rose 1.7 percent`) share the unit and
/// the month, not what they count.
fn one_statement(cover_a: f64, cover_b: f64) -> bool {
    cover_a.max(cover_b) >= MIN_AGREE_COVER
}

/// `one_statement` on two whole claims.
fn whole_statement(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> bool {
    let f = pair_features(a, b, lex, false);
    let (ca, cb) = covers(a, b, &f);
    one_statement(ca, cb)
}

/// Whether a claim's only words are names (and figures): `Brunswijk, 35`.
fn bare(v: &ClaimView) -> bool {
    (v.terms.iter()).all(|t| t.surface.split_whitespace().all(|w| is_name_word(v, w)))
}

/// Whether `v` has the term `key` among its words.
fn states_key(v: &ClaimView, key: &str) -> bool {
    (v.terms.binary_search_by(|t| t.key.as_str().cmp(key))).is_ok()
}

/// People each of two claims names at least, for them to be compared as lists: a claim
/// naming two people (`Macron … encouraged Trump`) is about them, not a list of them.
const MIN_LISTED: usize = 3;

/// When both claims list people (`MIN_LISTED` at least each) and the two do not name the
/// same people: the names only one of them gives. A list inside the other, said with one
/// predicate (`names A and B as defendants` / `named A, B and C as defendants`), is not
/// apart: the longer list says what the shorter one does (issue 10, linking recall).
fn unshared_people(a: &ClaimView, b: &ClaimView) -> Option<String> {
    let people = |v: &ClaimView| {
        (v.entities.iter())
            .filter(|(k, _)| k.starts_with("PERSON:"))
            .map(|(k, name)| (k.clone(), name.clone()))
            .collect::<BTreeMap<String, String>>()
    };
    let (pa, pb) = (people(a), people(b));
    if pa.len().min(pb.len()) < MIN_LISTED {
        return None;
    }
    let a_only: Vec<&String> = (pa.iter().filter(|(k, _)| !pb.contains_key(*k)))
        .map(|(_, name)| name)
        .collect();
    let b_only: Vec<&String> = (pb.iter().filter(|(k, _)| !pa.contains_key(*k)))
        .map(|(_, name)| name)
        .collect();
    let one_predicate = || frames::asserted(&a.frames, &b.frames).is_some_and(|m| m.compatible);
    let same = a_only.is_empty() && b_only.is_empty();
    if same || (a_only.is_empty() || b_only.is_empty()) && one_predicate() {
        return None;
    }
    let only: Vec<String> = a_only.into_iter().chain(b_only).cloned().collect();
    Some(list(&only))
}

/// Whether `comment` names what was said before it (`this is …`) and `other` is no such
/// comment and shares fewer than half the comment's own terms: any agreement
/// would rest on the words it borrowed.
fn only_borrowed(comment: &ClaimView, other: &ClaimView) -> bool {
    let (Some(_), None, Some(own)) = (comment.refers_to, other.refers_to, &comment.own_words)
    else {
        return false;
    };
    let shared = (own.iter())
        .filter(|w| (other.hashed.terms.binary_search_by_key(w, |(h, _)| h)).is_ok())
        .count();
    shared * 2 < own.len().max(1)
}

/// Whether a shared word is part of a name in both claims (`Watson` / `Dwight Watson`,
/// whose entity ids differ); a date's word (`Monday`) is no name.
fn shared_name(a: &ClaimView, b: &ClaimView, f: &Features) -> bool {
    let in_name =
        |v: &ClaimView, w: &str| is_name_word(v, w) && !v.date_words.iter().any(|d| d == w);
    (f.shared_terms.iter())
        .any(|&i| (a.terms[i].surface.split_whitespace()).any(|w| in_name(a, w) && in_name(b, w)))
}

/// One predicate said of one participant by two compatible frames (`Kim is scheduled to
/// meet with Moon` / `the North Korean leader will meet … with Moon`): the frames show what
/// is said of the names, so one shared word beside them (the predicate) is enough for
/// `MIN_SHARED_PREDICATE`. Never with a participant named differently.
fn said_of_one(m: &Option<Option<FrameMatch>>) -> bool {
    matches!(m, Some(Some(m)) if m.compatible && !m.named_rivals && shared_role(m))
}

/// Whether two matching frames fill a participant's role alike.
fn shared_role(m: &FrameMatch) -> bool {
    (m.shared.iter()).any(|(_, role)| matches!(*role, "agent" | "patient" | "recipient"))
}

/// Whether two matching frames fill a participant's role alike with something known to be
/// one. For claims (`parts`), not a bare count (`two runs`: a number and its noun), which
/// each report makes of its own: `He allowed two runs` / `Rosado allowed two runs` are two
/// pitchers' runs. Nor, for claims, a common noun (`the spokesman`, `an inquiry`) in
/// claims that share little else (`shared_terms`, below `MIN_UNANCHORED_TERMS`): one
/// head names one kind of thing, not one thing, and a stock statement of it is made of
/// every event (`The spokesman declined further comment` / `NATO's spokesman declined all
/// comment`; `ordered an inquiry` / `ordered a judicial probe`, of two countries). A named
/// participant (an entity, a pronoun resolved to one, a phrase holding a name) is known;
/// so is a common noun in a statement that shares more (`close down a nuclear test site in
/// the northern country`). A filler holding a name is known only when the other side's
/// participant holds that name too: `NATO's spokesman declined all comment` / `A police
/// spokesman declined to comment` share a head noun, not a spokesman. Whole sentences are
/// left to the paraphrase model (MSRP's `drowning her two children` / `… her children`).
fn known_role(
    m: &FrameMatch,
    a: &ClaimView,
    b: &ClaimView,
    shared_terms: usize,
    lex: &AlignLexicon,
    parts: bool,
) -> bool {
    let count = |text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        words.len() <= BARE_COUNT_WORDS
            && words.first().is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || lex.told_apart.count.contains(&w.to_lowercase())
            })
    };
    (m.shared.iter()).any(|(text, role)| {
        matches!(*role, "agent" | "patient" | "recipient")
            && !(parts
                && (count(text)
                    || !known_filler(a, b, text, lex) && shared_terms < MIN_UNANCHORED_TERMS))
    })
}

/// Whether the filler of `a` written `text` is known to be `b`'s participant: it names
/// someone `b` names in a participant's role too, or it holds a name and the two share a
/// word rarer than a stock line's (`he clinched a truce with Chechen separatists` / `… as
/// he clinched a truce`). A name on one side under stock words is no anchor: `NATO's
/// spokesman declined all comment` / `A police spokesman declined to comment`.
fn known_filler(a: &ClaimView, b: &ClaimView, text: &str, lex: &AlignLexicon) -> bool {
    named_in_both(a, b, text) || named_filler(a, text) && !generic_words(a, b, lex)
}

/// Whether a filler of one of `v`'s frames written `text` names someone: it is an entity's
/// mention (a pronoun resolved included) or holds a name (`Putin's spokesman`).
fn named_filler(v: &ClaimView, text: &str) -> bool {
    (v.frames.iter())
        .flat_map(|f| f.roles.iter().flatten())
        .any(|x| x.text == text && (x.entity.is_some() || !x.names.is_empty()))
}

/// Whether a filler of one of `a`'s frames written `text` names someone (it is an entity's
/// mention, a pronoun resolved included, or holds a name: `Putin's spokesman`) whom a
/// participant of `b`'s frames names too.
fn named_in_both(a: &ClaimView, b: &ClaimView, text: &str) -> bool {
    fn named<'f>(x: &'f Filler) -> impl Iterator<Item = &'f String> + 'f {
        x.entity.iter().chain(&x.names)
    }
    fn fillers(v: &ClaimView) -> Vec<&Filler> {
        (v.frames.iter())
            .flat_map(|f| f.roles.iter().flatten())
            .collect()
    }
    let theirs = fillers(b);
    (fillers(a).into_iter().filter(|x| x.text == text))
        .flat_map(named)
        .any(|n| theirs.iter().any(|y| named(y).any(|m| m == n)))
}

/// Words of a bare count: the number and its noun.
const BARE_COUNT_WORDS: usize = 2;

/// Whether two claims name one entity.
fn shared_entity(a: &ClaimView, b: &ClaimView) -> bool {
    // Both maps are sorted by key: a merge that stops at the first shared one.
    super::score::sorted_overlap_iter(a.entities.keys(), b.entities.keys(), 1) > 0
}

/// Whether two claims have one speaker: one entity, or one surname as written (`Mr. Kudlow`
/// / `Kudlow`, where one side's speaker was not resolved to an entity).
fn one_speaker(a: &ClaimView, b: &ClaimView) -> bool {
    fn surname(v: &ClaimView) -> Option<&str> {
        let last = v.speaker.as_deref()?.split_whitespace().last()?;
        last.starts_with(char::is_uppercase).then_some(last)
    }
    (a.speaker_key.is_some() && a.speaker_key == b.speaker_key)
        || surname(a).is_some_and(|x| surname(b) == Some(x))
}

/// A pair of claims of one document, judged: an article that says a thing twice (headline
/// and lede, a quotation and its paraphrase, a repeated paragraph) does not corroborate
/// itself, so two of its claims agree only when two different named sources make them;
/// and it contradicts itself only when two different voices do, one denying the other or
/// giving rival figures for what is plainly one item (`voices::contradict`). Otherwise the
/// pair is related at most.
pub fn within_document(j: Judgement, a: &ClaimView, b: &ClaimView) -> Judgement {
    let (sa, sb) = (source(a), source(b));
    let separate = match j.relation {
        Relation::Agree => sa.is_some() && sb.is_some() && sa != sb,
        Relation::Conflict => voices::contradict(a, b),
        Relation::Related => true,
    };
    if separate {
        return j;
    }
    demoted(
        j,
        "related: one document restating itself, no corroboration",
    )
}

/// `j` as `related`, its verdict (the reason's first part) replaced by `verdict`.
fn demoted(j: Judgement, verdict: &str) -> Judgement {
    let rest = j.reason.split_once("; ").map_or("", |(_, rest)| rest);
    Judgement {
        relation: Relation::Related,
        reason: if rest.is_empty() {
            verdict.to_owned()
        } else {
            format!("{verdict}; {rest}")
        },
        ..j
    }
}

/// `j` for a side that states no proposition (`why`): related at most, the rest of its
/// reason kept.
pub fn unasserted(j: Judgement, why: &str) -> Judgement {
    if j.relation == Relation::Related {
        return j;
    }
    demoted(j, &format!("same topic, not one proposition: {why}"))
}

/// The verdict for frames with one predicate but incompatible participants.
fn frame_mismatch(why: &str) -> &'static str {
    if why.starts_with("agent and patient") {
        "same topic, different proposition: agent and patient swapped"
    } else if why.starts_with("different participants") {
        "same topic, different proposition: different participants"
    } else {
        "same topic, different proposition: not said as firmly"
    }
}

/// A judgement of one pair of claims (or clauses), before its reason is written.
struct Verdict<'v> {
    relation: Relation,
    score: f64,
    aligned: bool,
    verdict: &'static str,
    /// The best match of the two sides' frames, if they share a predicate.
    frames: Option<FrameMatch>,
    features: Features,
    a: &'v ClaimView,
    b: &'v ClaimView,
    /// A core predicate one claim states and the other does not.
    extra: Option<String>,
}

impl Verdict<'_> {
    /// Which verdict of a pair's clauses decides: a clash or agreement over mere relation,
    /// then a listed pair, then the score.
    fn rank(&self) -> (bool, bool, f64) {
        (self.relation != Relation::Related, self.aligned, self.score)
    }
}

/// Whether one side negates a deed of an agent both name done to no one in particular
/// (`Iran is not going to restart anything`), and the other asserts that deed of that agent
/// done to something (`Iran would restart its enrichment`): a negation of `anything`
/// denies it whatever it is done to, so the agent and the predicate are the whole clash,
/// not a topic.
fn denies_whatever(a: &ClaimView, b: &ClaimView, m: &FrameMatch) -> bool {
    let (neg, pos) = if a.negative { (a, b) } else { (b, a) };
    let agent = (m.shared.iter()).any(|(_, role)| *role == "agent");
    let patient = |f: &frames::FrameView| f.role(Role::Patient).map(|p| p.indefinite);
    agent
        && m.polarity_clash
        && (neg.frames.iter()).any(|x| {
            x.negative
                && !x.key.is_empty()
                && patient(x) == Some(true)
                && (pos.frames.iter())
                    .any(|y| !y.negative && y.key == x.key && patient(y) == Some(false))
        })
}

/// The terms (indices into `v.terms`) a negative claim negates: those after its first
/// negation word (`not preparing to exit now`: preparing, exit, now), or all its terms
/// when its source denies it, or when nothing follows the negation (`Obviously not`).
fn negated_terms(v: &ClaimView, lex: &AlignLexicon) -> Vec<usize> {
    let negation = |s: &String| lex.negation_stems.contains(s);
    let by_word = v.sequence.iter().filter(|s| negation(s)).count() % 2 == 1;
    let all = || (0..v.terms.len()).collect();
    let Some(first) = v.sequence.iter().position(negation).filter(|_| by_word) else {
        return all();
    };
    let after = &v.sequence[first + 1..];
    let scope: Vec<usize> = (0..v.terms.len())
        .filter(|&i| {
            v.terms[i]
                .surface
                .split_whitespace()
                .any(|w| after.contains(&stem(w)))
        })
        .collect();
    if scope.is_empty() {
        all()
    } else {
        scope
    }
}

/// How much of what `negated` negates (by weight) `asserted` states.
fn scope_cover(negated: &ClaimView, asserted: &ClaimView, lex: &AlignLexicon) -> f64 {
    let (mut shared, mut total) = (0.0f32, 0.0f32);
    for i in negated_terms(negated, lex) {
        let t = &negated.terms[i];
        total += t.idf;
        if asserted
            .terms
            .binary_search_by(|u| u.key.cmp(&t.key))
            .is_ok()
        {
            shared += t.idf;
        }
    }
    if total > 0.0 {
        (shared / total) as f64
    } else {
        0.0
    }
}

/// A figure too loose to show that two claims count the same thing: a vague quantity
/// (`thousands` is 2,000 to a million) or a small bare count (`five`, `two`), which a
/// sentence mentions for many reasons. A shared number is not a shared claim.
pub(super) fn weak_figure(fv: &FigureValue) -> bool {
    fv.hi > VAGUE_SPREAD * fv.lo.max(f64::MIN_POSITIVE)
        || (fv.unit.is_none() && fv.hi <= SMALL_COUNT)
}

/// The view without its weak figures, in digits or in words (`five` is a term too), and
/// without clauses, which are judged on their own.
fn without_weak_figures(v: &ClaimView) -> ClaimView {
    let spelled: Vec<String> = (v.figures.iter().filter(|x| weak_figure(x)))
        .flat_map(|x| x.text.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    v.clone_without(|t| !spelled.contains(&t.surface), |x| !weak_figure(x))
}

/// Whether the clashing figures of a pair whose frames share no predicate still count one
/// thing: rival figures of one unit close to each other (`CLOSE_RIVALS`), in claims that
/// share a word of what is said beside the names, the dates and the figures' own words
/// (`We gave $1.8 billion in cash` / `The $1.7 billion the United States gave to Iran was
/// …`: a parse may leave the verb of one in a relative clause, with no frame of its own).
fn close_rivals(a: &ClaimView, b: &ClaimView, f: &Features) -> bool {
    let Some((i, j)) = f.figures.clash else {
        return false;
    };
    let (x, y) = (&a.figures[i], &b.figures[j]);
    let (lo, hi) = (
        x.value.abs().min(y.value.abs()),
        x.value.abs().max(y.value.abs()),
    );
    if x.unit.is_none() || lo <= 0.0 || hi > CLOSE_RIVALS * lo {
        return false;
    }
    // Two named actors' sums are two counts (`Rollins received $770,962` / `Dell made
    // $950,000`).
    let actor = |v: &ClaimView| {
        (v.frames.first())
            .and_then(|m| m.role(Role::Agent))
            .and_then(|r| r.entity.clone())
    };
    if let (Some(p), Some(q)) = (actor(a), actor(b)) {
        if p != q {
            return false;
        }
    }
    !counted_words(a, b, f).is_empty()
}

/// Shared terms (indices into `a.terms`) that are neither names, dates nor words of a
/// figure of either claim: what two figures may both count (`gave`).
fn counted_words(a: &ClaimView, b: &ClaimView, f: &Features) -> Vec<usize> {
    let figure_word = |w: &str| {
        (a.figures.iter().chain(&b.figures))
            .any(|g| g.text.split_whitespace().any(|p| lowercase_equals(p, w)))
    };
    (f.shared_terms.iter().copied())
        .filter(|&k| {
            a.terms[k]
                .surface
                .split_whitespace()
                .all(|w| !is_name_word(a, w) && !is_name_word(b, w) && !figure_word(w))
        })
        .collect()
}

/// The same-proposition and topic scores of a pair.
fn scores(f: &Features, lex: &AlignLexicon, parts: bool, fragment: bool) -> (f64, f64) {
    let overlap = if parts { f.overlap_score(lex) } else { 0.0 };
    if fragment {
        (overlap, overlap)
    } else {
        (f.score(lex).max(overlap), f.topic_score(lex).max(overlap))
    }
}

/// A pair's features: all of them for two whole claims, what the overlap score and the
/// rules read for a fragment (see `scores`).
fn pair_features(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon, fragment: bool) -> Features {
    if fragment {
        overlap_features(a, b)
    } else {
        features(a, b, lex)
    }
}

/// `fragment`: one side is a clause, not a whole claim. The paraphrase model was fitted on
/// whole sentences and overrates two short fragments sharing two words, so fragments are
/// scored by overlap alone.
fn judge_one<'v>(
    a: &'v ClaimView,
    b: &'v ClaimView,
    lex: &AlignLexicon,
    parts: bool,
    fragment: bool,
) -> Verdict<'v> {
    let f = pair_features(a, b, lex, fragment);
    let (score, topic) = scores(&f, lex, parts, fragment);
    let threshold = lex.weights.scalar(Scalar::Threshold);
    let related = lex.weights.scalar(Scalar::Related);
    // Different events, or counts of different times, are never the same proposition.
    let distinct = f.values[Feature::EventClash] > 0.0 || f.values[Feature::TimeClash] > 0.0;
    // A clash counts only between claims about one time and one set of actors: two
    // counts from articles of unknown dates, or of different victims, do not conflict.
    let shared_entity = shared_entity(a, b);
    let entity_disjoint = !a.entities.is_empty() && !b.entities.is_empty() && !shared_entity;
    let (cover_a, cover_b) = covers(a, b, &f);
    // One side negates or denies what the other asserts: the same proposition but for the
    // negation, so the negated side says little the asserting side does not.
    let negation_answered = a.negative != b.negative && {
        let (negated, asserted) = if a.negative { (a, b) } else { (b, a) };
        let (negated_cover, asserted_cover) = if a.negative {
            (cover_a, cover_b)
        } else {
            (cover_b, cover_a)
        };
        negated_cover >= MIN_NEGATED_COVER
            && scope_cover(negated, asserted, lex) >= MIN_NEGATED_COVER
            && asserted_cover >= MIN_ASSERTED_COVER
    };
    // Frames, when both sides were parsed: `None` then means no predicate in common.
    let frame_match: Option<Option<FrameMatch>> =
        (a.parsed && b.parsed).then(|| frames::best(&a.frames, &b.frames));
    let matching_frames = match &frame_match {
        Some(Some(m)) => Some(m.compatible),
        Some(None) => Some(false),
        None => None,
    };
    // One frame asserts what the other negates, denies or calls unlikely, about a
    // participant both name: the frames decide over word overlap.
    let frame_clash = matches!(&frame_match, Some(Some(m))
        if m.compatible && (m.polarity_clash || m.modality_clash)
            && (m.shared.len() >= MIN_CLASH_ITEMS || denies_whatever(a, b, m)));
    let polarity_clash = match matching_frames {
        Some(_) => frame_clash,
        None => negation_answered,
    };
    // Clashing figures count one thing when the frames match in a participant's role, or
    // share no predicate but the figures are close rivals; never with different
    // participants. (`wages decreased by $6.9 billion` / `spending fell to $626.3 billion`:
    // one predicate, two things measured.)
    let figures_clash = f.figures.clash.is_some()
        && match &frame_match {
            Some(Some(m)) => m.compatible && shared_role(m),
            Some(None) => close_rivals(a, b, &f) && one_statement(cover_a, cover_b),
            // A fragment with no verb says too little to tell what its figure counts, unless
            // it is only the figure, an answer to the other's count (`closer to 1,000`).
            None if a.verbless || b.verbless => {
                (close_rivals(a, b, &f)
                    || f.figures
                        .clash
                        .is_some_and(|(i, j)| a.figures[i].counts_any || b.figures[j].counts_any))
                    && one_statement(cover_a, cover_b)
            }
            // Claims of a language without a parse are judged on their words: any rival figures.
            None => true,
        };
    let clash = (figures_clash || polarity_clash) && f.time == TimeMatch::Same && !entity_disjoint;
    let shares = !f.shared_terms.is_empty() || shared_entity;
    let disagrees = f.figures.apart || a.negative != b.negative;
    // Agreement is judged without weak figures: if only those match, the words must carry it.
    let weak_match = !f.figures.shared.is_empty()
        && f.figures
            .shared
            .iter()
            .all(|&(i, j)| weak_figure(&a.figures[i]) || weak_figure(&b.figures[j]));
    // Only a pair that may agree (neither disagreeing nor distinct) reads what follows.
    let (stripped_views, stripped);
    let (va, vb, fa, sa, ca, cb) = if weak_match && !disagrees && !distinct {
        stripped_views = (without_weak_figures(a), without_weak_figures(b));
        let (a2, b2) = (&stripped_views.0, &stripped_views.1);
        stripped = pair_features(a2, b2, lex, fragment);
        let (ca, cb) = covers(a2, b2, &stripped);
        let sa = scores(&stripped, lex, parts, fragment).0;
        (a2, b2, &stripped, sa, ca, cb)
    } else {
        (a, b, &f, score, cover_a, cover_b)
    };
    // Agreement needs evidence beyond a shared word or two of filler.
    // (Two copies of one sentence by one surname count so too when one side's speaker was
    // carried over with no entity: `But we will be talking about it`, Trump in both.)
    let same_speaker = a.speaker_key.is_some() && a.speaker_key == b.speaker_key
        || linking::copies(ca, cb) && one_speaker(a, b);
    let evidence = fa.shared_terms.len() + fa.figures.shared.len() + same_speaker as usize;
    let paraphrase = !disagrees && evidence >= MIN_EVIDENCE && sa >= threshold;
    // Claims (`parts`) are pieces of sentences, scored partly by overlap, which grows with
    // the weight shared whatever else each says: one side must be mostly stated by the
    // other. Whole sentences are left to the paraphrase model, which weighs coverage itself.
    let covered = !parts || ca.max(cb) >= MIN_AGREE_COVER;
    // Claims share more than names: what is said of them (see MIN_SHARED_PREDICATE).
    // Whole sentences are left to the paraphrase model, as above.
    // Read only past a covered paraphrase, so only counted there.
    let predicate = !parts
        || paraphrase
            && covered
            && match shared_predicate(va, vb, fa) {
                n if n >= MIN_SHARED_PREDICATE => true,
                // Two whole claims in the same words that say something of what they name.
                n => n > 0 && !fragment && (linking::copies(ca, cb) || said_of_one(&frame_match)),
            };
    // One source denies a kind of deed about an actor another source says happened
    // (`Moscow denies abusing civilians` / `Russian forces were involved in looting`).
    let denial_answered = a.negative != b.negative && !f.shared_events.is_empty() && shared_entity;
    // Clashing figures of one count (same time, same actors) need less common ground than
    // a polarity clash.
    let conflict_at = if f.figures.clash.is_some() || frame_clash {
        lex.weights.scalar(Scalar::Conflict)
    } else {
        threshold
    };
    // Agreement needs one predicate with compatible participants, when both were parsed;
    // two near-copies with no predicate in common say one thing whatever their parses (a
    // parser errs on one of them), but never with participants swapped or different.
    // The matching frames must share a participant, or the claims a name or a figure: one
    // predicate said of unknown subjects (`It gave no further details` in two articles, of
    // two companies) is two propositions. A fragment with no verb (`Israel's settlement
    // policy`) asserts nothing a frame can check: it agrees only as a near-copy.
    let strong_figure = (fa.figures.shared.iter())
        .any(|&(i, j)| !weak_figure(&va.figures[i]) && !weak_figure(&vb.figures[j]));
    let anchored = |m: &FrameMatch| {
        known_role(m, a, b, fa.shared_terms.len(), lex, parts)
            || shared_entity
            || shared_name(a, b, &f)
            || one_speaker(a, b)
            || (a.speaker.is_some() && b.speaker.is_some() && ca.min(cb) >= NEAR_COPY)
            || strong_figure
    };
    // One side states a condition, the other none: what follows on a condition is not
    // what is said to happen (no agreement), though a denial may still answer it.
    let condition_gap = a.conditional != b.conditional;
    let frames_agree = !condition_gap
        && match &frame_match {
            Some(Some(m)) => m.compatible && anchored(m),
            Some(None) => ca.min(cb) >= NEAR_COPY,
            // (`Kherson, with a population of nearly 300,000` is a fact about a name.)
            None => {
                !verbless_rivals(a, b)
                    && (!(a.verbless || b.verbless)
                        || one_speaker(a, b)
                        || ca.min(cb) >= NEAR_COPY
                        || (shared_entity && strong_figure))
            }
        };
    // The score stays the scorer's (the topic score for a conflict); the rules above only
    // decide the relation, and the reason says which one held.
    let (relation, score, verdict) = if !distinct && clash && topic >= conflict_at {
        (Relation::Conflict, topic, "same proposition, in conflict")
    } else if !distinct && paraphrase && covered && predicate && frames_agree {
        (Relation::Agree, score, "same proposition")
    } else if !distinct && paraphrase && covered && predicate {
        (
            Relation::Related,
            score,
            match &frame_match {
                _ if condition_gap => {
                    "same topic, not one proposition: one side states a condition"
                }
                Some(Some(FrameMatch {
                    mismatch: Some(why),
                    ..
                })) => frame_mismatch(why),
                // One predicate, said of no participant known to be the same.
                Some(Some(_)) => "same topic, not one proposition: no participant in common",
                // Unparsed, with verbless frames naming rival participants.
                None if verbless_rivals(a, b) => frame_mismatch("different participants"),
                None => "same topic, not one proposition: a fragment with no verb",
                _ => "same topic, different proposition: no predicate in common",
            },
        )
    } else if distinct {
        // Capped below the agreement threshold: related at most.
        (
            Relation::Related,
            score.min(topic).min(threshold * 0.99),
            "related, not the same proposition",
        )
    } else if paraphrase && covered {
        (Relation::Related, score, "same topic, different proposition: they share names or dates, not what is said of them")
    } else if paraphrase {
        (
            Relation::Related,
            score,
            "same topic, different proposition: most of each claim is unshared",
        )
    } else if weak_match && !disagrees && score >= threshold {
        (
            Relation::Related,
            score,
            "same topic, different proposition: only a loose figure matches",
        )
    } else if a.negative != b.negative && topic >= threshold {
        (
            Relation::Related,
            score,
            "same topic; one side negates what the other does not state",
        )
    } else {
        (
            Relation::Related,
            score,
            if score >= related {
                "same topic, different proposition"
            } else {
                "little in common"
            },
        )
    };
    // One core frame with its participants: agreement however much else either states.
    let core = (relation == Relation::Related && !fragment && !distinct && !disagrees && !clash)
        .then(|| linking::same_core(a, b))
        .flatten();
    let enough = |strength: &linking::Core| match strength {
        linking::Core::Participants => topic >= related,
        linking::Core::Named => paraphrase,
    };
    let (relation, score, verdict) = match &core {
        Some((_, strength)) if shares && enough(strength) => (
            Relation::Agree,
            score.max(threshold),
            "same proposition: one core frame",
        ),
        _ => (relation, score, verdict),
    };
    let (score, verdict) = if relation == Relation::Related && denial_answered && score < related {
        (
            related,
            "related: a denial against an assertion of the same kind of deed",
        )
    } else {
        (score, verdict)
    };
    let aligned = shares && score >= related;
    Verdict {
        relation,
        score,
        aligned,
        verdict,
        frames: core.map(|(m, _)| m).or(frame_match.flatten()),
        features: f,
        a,
        b,
        extra: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::build::text_views;
    use crate::lang::Language;

    #[test]
    fn a_clause_under_the_claims_negation_is_not_judged_as_asserted() {
        let lang = Language::english();
        let mut parts = text_views(
            &[
                "the prosecutor is not the target of the bribery probe",
                "or the target of the customs inquiry into the mayor's aide Oleg Petrenko",
                "the regional review of the tender is in its earliest stages",
            ],
            lang,
        );
        // As in a claim, where the second holds no predicate of its own.
        parts[1].frames.clear();
        parts[2].frames.clear();
        assert!(parts[0].negative && !parts[1].negative && !parts[2].negative);
        let whole = |first: &ClaimView, second: &ClaimView| ClaimView {
            negative: true,
            sequence: (first.sequence.iter().chain(&second.sequence))
                .cloned()
                .collect(),
            clauses: vec![first.clone(), second.clone()],
            ..ClaimView::default()
        };
        let lex = &lang.align;
        // After the negation, governed by it: not judged alone.
        let negated = whole(&parts[0], &parts[1]);
        assert!(substantial(&negated.clauses[1]));
        let own = own_clauses(&negated, lex);
        assert!(!own.iter().any(|c| std::ptr::eq(*c, &negated.clauses[1])));
        // Before it (`the review is in its earliest stages, and I can't say …`): a
        // statement of its own.
        let before = whole(&parts[2], &parts[0]);
        let own = own_clauses(&before, lex);
        assert!(own.iter().any(|c| std::ptr::eq(*c, &before.clauses[0])));
    }

    proptest::proptest! {
        /// The byte-wise test for ASCII pieces says what lower-casing the piece would.
        #[test]
        fn lowercase_equals_is_comparing_the_lower_cased_piece(
            piece in "[a-zA-Z\\-ÉéΣσς']{0,5}",
            word in "[a-zA-Z\\-ÉéΣσς']{0,5}",
        ) {
            proptest::prop_assert_eq!(lowercase_equals(&piece, &word), piece.to_lowercase() == word);
            let lower = piece.to_lowercase();
            proptest::prop_assert!(lowercase_equals(&piece, &lower));
        }
    }

    #[test]
    fn clitics_written_apart_or_with_a_curly_apostrophe_are_no_content() {
        let v = text_views(
            &["I do n’t know anybody, they’re sure."],
            Language::english(),
        );
        let surfaces: Vec<&str> = v[0].terms.iter().map(|t| t.surface.as_str()).collect();
        for clitic in ["n", "’t", "’re"] {
            assert!(!surfaces.contains(&clitic), "{surfaces:?}");
        }
        assert!(surfaces.contains(&"know"), "{surfaces:?}");
    }
}
