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

pub fn judge(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> Judgement {
    let f = features(a, b);
    let score = f.score(lex);
    let topic = f.topic_score(lex);
    let threshold = lex.weight("threshold");
    let related = lex.weight("related");
    // Different events, or counts of different times, are never the same proposition.
    let distinct = f.get("event_clash") > 0.0 || f.get("time_clash") > 0.0;
    let clash = f.figures.clash.is_some() || a.negative != b.negative;
    let shares = !f.shared_terms.is_empty() || a.entities.keys().any(|k| b.entities.contains_key(k));
    let (relation, score, verdict) = if !distinct && clash && topic >= threshold {
        (Relation::Conflict, topic, "same proposition, in conflict")
    } else if !distinct && score >= threshold {
        (Relation::Agree, score, "same proposition")
    } else if distinct {
        // Capped below the agreement threshold: related at most.
        (Relation::Related, score.min(topic).min(threshold * 0.99), "related, not the same proposition")
    } else {
        (Relation::Related, score, if score >= related { "same topic, different proposition" } else { "little in common" })
    };
    let aligned = shares && score >= related;
    Judgement {
        relation,
        score,
        reason: reason(a, b, &f, lex, verdict),
        aligned,
    }
}
