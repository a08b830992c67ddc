//! Labels a pair (agree / conflict / related) from its features, and says why in words a
//! reader can check: which entities, words, figures and speakers matched or clashed.

use super::lexicon::AlignLexicon;
use super::represent::ClaimView;
use super::score::{features, Features};
use super::time::TimeMatch;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    Agree,
    Conflict,
    Related,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agree => "agree",
            Relation::Conflict => "conflict",
            Relation::Related => "related",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub relation: Relation,
    pub score: f64,
    pub reason: String,
    /// The pair is close enough to list in an alignment (score at least `related`).
    pub aligned: bool,
}

/// Shared terms and matching figures an agreement needs at least.
const MIN_EVIDENCE: usize = 2;
/// Content a clause needs to be compared on its own (`in recent days` is not a
/// proposition): two terms or figures at least, weighing this much (a figure counts 3).
const MIN_CLAUSE_WEIGHT: f32 = 6.0;

fn substantial(v: &ClaimView) -> bool {
    let weight: f32 = v.terms.iter().map(|t| t.idf).sum::<f32>() + 3.0 * v.figures.len() as f32;
    v.terms.len() + v.figures.len() >= 2 && weight >= MIN_CLAUSE_WEIGHT
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn reason(a: &ClaimView, b: &ClaimView, f: &Features, lex: &AlignLexicon, verdict: &str) -> String {
    let mut parts = vec![verdict.to_owned()];
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
    words.sort_by(|x, y| y.idf.total_cmp(&x.idf).then_with(|| x.surface.cmp(&y.surface)));
    let words: Vec<String> = words.iter().take(8).map(|t| {
        match b.terms.iter().find(|u| u.key == t.key) {
            Some(u) if u.surface != t.surface => format!("{} ~ {}", t.surface, u.surface),
            _ => t.surface.clone(),
        }
    }).collect();
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
        parts.push(format!("figures clash: {} vs {}", a.figures[i].text, b.figures[j].text));
    }
    if a.negative != b.negative {
        let side = |v: &ClaimView| if v.negative { "denied/negated" } else { "asserted" };
        parts.push(format!("polarity clash: {} vs {}", side(a), side(b)));
    }
    if f.get("event_clash") > 0.0 {
        let names = |v: &ClaimView| {
            v.events.iter().map(|&e| lex.event_names[e as usize].clone()).collect::<Vec<_>>().join("/")
        };
        parts.push(format!("different events: {} vs {}", names(a), names(b)));
    }
    if f.time == TimeMatch::Different && f.get("time_clash") > 0.0 {
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

/// Judges two claims, and their clauses against each other: the best-matching pair of
/// clauses (or whole claims) decides.
///
/// `parts`: the texts are claims, possibly parts of longer sentences, so a pair also
/// scores by how much of the shorter one the longer states (`Features::overlap_score`);
/// otherwise they are whole sentences, scored as paraphrases.
pub fn judge(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon, parts: bool) -> Judgement {
    let whole = judge_one(a, b, lex, parts, false);
    if a.clauses.is_empty() && b.clauses.is_empty() {
        return whole;
    }
    let rank = |j: &Judgement| (j.relation != Relation::Related, j.aligned, j.score);
    let mut best = whole;
    for x in std::iter::once(a).chain(a.clauses.iter().filter(|c| substantial(c))) {
        for y in std::iter::once(b).chain(b.clauses.iter().filter(|c| substantial(c))) {
            if std::ptr::eq(x, a) && std::ptr::eq(y, b) {
                continue;
            }
            let j = judge_one(x, y, lex, parts, true);
            if rank(&j).partial_cmp(&rank(&best)) == Some(std::cmp::Ordering::Greater) {
                best = j;
            }
        }
    }
    best
}

/// `fragment`: one side is a clause, not a whole claim. The paraphrase model was fitted on
/// whole sentences and overrates two short fragments sharing two words, so fragments are
/// scored by overlap alone.
fn judge_one(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon, parts: bool, fragment: bool) -> Judgement {
    let f = features(a, b, lex);
    let overlap = if parts { f.overlap_score(lex) } else { 0.0 };
    let (score, topic) = if fragment {
        (overlap, overlap)
    } else {
        (f.score(lex).max(overlap), f.topic_score(lex).max(overlap))
    };
    let threshold = lex.weight("threshold");
    let related = lex.weight("related");
    // Different events, or counts of different times, are never the same proposition.
    let distinct = f.get("event_clash") > 0.0 || f.get("time_clash") > 0.0;
    // A clash counts only between claims about one time and one set of actors: two
    // counts from articles of unknown dates, or of different victims, do not conflict.
    let entity_disjoint = !a.entities.is_empty() && !b.entities.is_empty() && !a.entities.keys().any(|k| b.entities.contains_key(k));
    let clash = (f.figures.clash.is_some() || a.negative != b.negative) && f.time == TimeMatch::Same && !entity_disjoint;
    let shares = !f.shared_terms.is_empty() || a.entities.keys().any(|k| b.entities.contains_key(k));
    // Agreement needs evidence beyond a shared word or two of filler.
    let same_speaker = a.speaker_key.is_some() && a.speaker_key == b.speaker_key;
    let evidence = f.shared_terms.len() + f.figures.shared.len() + same_speaker as usize;
    let disagrees = f.figures.clash.is_some() || a.negative != b.negative;
    // One source denies a kind of deed about an actor another source says happened
    // (`Moscow denies abusing civilians` / `Russian forces were involved in looting`).
    let denial_answered = a.negative != b.negative
        && !f.shared_events.is_empty()
        && a.entities.keys().any(|k| b.entities.contains_key(k));
    // Clashing figures of one count (same time, same actors) need less common ground than
    // a polarity clash, which long claims with a stray `not` produce easily.
    let conflict_at = if f.figures.clash.is_some() { lex.weight("conflict") } else { threshold };
    let (relation, score, verdict) = if !distinct && clash && topic >= conflict_at {
        (Relation::Conflict, topic, "same proposition, in conflict")
    } else if !distinct && !disagrees && evidence >= MIN_EVIDENCE && score >= threshold {
        (Relation::Agree, score, "same proposition")
    } else if distinct {
        // Capped below the agreement threshold: related at most.
        (Relation::Related, score.min(topic).min(threshold * 0.99), "related, not the same proposition")
    } else {
        (Relation::Related, score, if score >= related { "same topic, different proposition" } else { "little in common" })
    };
    let (score, verdict) = if relation == Relation::Related && denial_answered && score < related {
        (related, "related: a denial against an assertion of the same kind of deed")
    } else {
        (score, verdict)
    };
    let aligned = shares && score >= related;
    Judgement {
        relation,
        score,
        reason: reason(a, b, &f, lex, verdict),
        aligned,
    }
}
