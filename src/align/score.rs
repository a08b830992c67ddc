//! Pair features and the scorer: a logistic model whose weights live in
//! `lexicons/weights.txt` (fitted by `scripts/fit_weights.py`, cross-validated on MSRP).
//! The score is how likely the two claims state the same proposition.

use std::collections::HashSet;

use super::figures::{self, FigureMatch};
use super::lexicon::AlignLexicon;
use super::represent::ClaimView;
use super::time::{self, TimeMatch};

/// Feature names, in the order of `Features::values`.
pub const NAMES: [&str; 22] = [
    "plain_jaccard",
    "plain_cover",
    "unmatched_max",
    "unmatched_min",
    "unmatched_terms_max",
    "unmatched_terms_min",
    "trigram_dice",
    "content_dice",
    "content_cover",
    "term_jaccard",
    "bigram_dice",
    "order",
    "entity_jaccard",
    "entity_unmatched",
    "figure_shared",
    "figure_unmatched",
    "figure_clash",
    "event_match",
    "event_clash",
    "negation_clash",
    "time_clash",
    "length_ratio",
];

/// Features that say two claims clash rather than differ: left out of the score that
/// decides whether a clashing pair is about the same proposition.
const CLASHES: [&str; 2] = ["figure_clash", "negation_clash"];

#[derive(Debug, Clone)]
pub struct Features {
    pub values: [f64; NAMES.len()],
    /// Term keys both claims share.
    pub shared_terms: Vec<usize>,
    pub figures: FigureMatch,
    pub time: TimeMatch,
    pub shared_events: Vec<u16>,
    /// Facts for the claim-overlap score (see `overlap_score`).
    pub overlap: [f64; OVERLAP_NAMES.len()],
}

/// Features of the claim-overlap score, weighted by `overlap_<name>` in weights.txt.
pub const OVERLAP_NAMES: [&str; 4] = ["cover", "shared_weight", "figure_shared", "same_speaker"];
/// Shared term weight (idf) counts up to this much.
const SHARED_CAP: f64 = 12.0;

fn weight_sums(v: &ClaimView) -> f64 {
    v.terms.iter().map(|t| t.idf as f64).sum()
}

/// Length of the longest common subsequence of two stem sequences.
fn lcs(a: &[String], b: &[String]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn bigrams(seq: &[String]) -> HashSet<(&str, &str)> {
    seq.windows(2).map(|w| (w[0].as_str(), w[1].as_str())).collect()
}

fn trigrams(seq: &[String]) -> HashSet<(&str, &str, &str)> {
    seq.windows(3).map(|w| (w[0].as_str(), w[1].as_str(), w[2].as_str())).collect()
}

fn sorted_overlap(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

pub fn features(a: &ClaimView, b: &ClaimView) -> Features {
    // Terms: both sorted by key.
    let (mut i, mut j) = (0, 0);
    let mut shared_terms = Vec::new();
    let mut f: Vec<(usize, usize)> = Vec::new();
    let mut shared_weight = 0.0;
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].key.cmp(&b.terms[j].key) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared_terms.push(i);
                f.push((i, j));
                shared_weight += a.terms[i].idf.max(b.terms[j].idf) as f64;
                i += 1;
                j += 1;
            }
        }
    }
    let (wa, wb) = (weight_sums(a), weight_sums(b));
    let ratio = |x: f64, y: f64| if y > 0.0 { (x / y).min(1.0) } else { 0.0 };
    let content_dice = ratio(2.0 * shared_weight, wa + wb);
    let content_cover = ratio(shared_weight, wa.min(wb));
    let union = a.terms.len() + b.terms.len() - shared_terms.len();
    let term_jaccard = ratio(shared_terms.len() as f64, union as f64);
    let plain_shared = sorted_overlap(&a.plain, &b.plain) as f64;
    let plain_union = (a.plain.len() + b.plain.len()) as f64 - plain_shared;
    let plain_jaccard = ratio(plain_shared, plain_union);
    let plain_cover = ratio(plain_shared, a.plain.len().min(b.plain.len()) as f64);
    // What each side says that the other does not, weighted (scaled to about 0-1).
    let shared_a: f64 = f.iter().map(|&(i, _)| a.terms[i].idf as f64).sum();
    let shared_b: f64 = f.iter().map(|&(_, j)| b.terms[j].idf as f64).sum();
    let (ua, ub) = ((wa - shared_a).max(0.0) / 20.0, (wb - shared_b).max(0.0) / 20.0);
    let (ca, cb) = (
        (a.terms.len() - f.len()) as f64 / 10.0,
        (b.terms.len() - f.len()) as f64 / 10.0,
    );
    let (ta, tb) = (trigrams(&a.sequence), trigrams(&b.sequence));
    let trigram_dice = ratio(2.0 * ta.intersection(&tb).count() as f64, (ta.len() + tb.len()) as f64);
    let (ba, bb) = (bigrams(&a.sequence), bigrams(&b.sequence));
    let bigram_dice = ratio(2.0 * ba.intersection(&bb).count() as f64, (ba.len() + bb.len()) as f64);
    let order = ratio(lcs(&a.sequence, &b.sequence) as f64, a.sequence.len().min(b.sequence.len()) as f64);

    let shared_entities = a.entities.keys().filter(|k| b.entities.contains_key(*k)).count();
    let entity_union = a.entities.len() + b.entities.len() - shared_entities;
    let entity_jaccard = ratio(shared_entities as f64, entity_union as f64);
    let entity_unmatched = ratio((entity_union - shared_entities) as f64, entity_union as f64);

    let figs = figures::compare(&a.figures, &b.figures);
    let figure_unmatched = ratio(figs.unmatched as f64, figs.total as f64);
    let time = time::compare(&a.time, &b.time);
    // A time clash matters for counts; for other claims the time is context.
    let time_clash = time == TimeMatch::Different && !a.figures.is_empty() && !b.figures.is_empty();

    let shared_events: Vec<u16> = a.events.iter().filter(|e| b.events.contains(e)).copied().collect();
    let event_clash = !a.events.is_empty() && !b.events.is_empty() && shared_events.is_empty();
    let (na, nb) = (a.words.max(1) as f64, b.words.max(1) as f64);

    let flag = |x: bool| if x { 1.0 } else { 0.0 };
    Features {
        values: [
            plain_jaccard,
            plain_cover,
            ua.max(ub),
            ua.min(ub),
            ca.max(cb),
            ca.min(cb),
            trigram_dice,
            content_dice,
            content_cover,
            term_jaccard,
            bigram_dice,
            order,
            entity_jaccard,
            entity_unmatched,
            flag(!figs.shared.is_empty()),
            figure_unmatched,
            flag(figs.clash.is_some()),
            flag(!shared_events.is_empty()),
            flag(event_clash),
            flag(a.negative != b.negative),
            flag(time_clash),
            na.min(nb) / na.max(nb),
        ],
        overlap: [
            content_cover,
            shared_weight.min(SHARED_CAP),
            flag(!figs.shared.is_empty()),
            flag(a.speaker_key.is_some() && a.speaker_key == b.speaker_key),
        ],
        shared_terms,
        figures: figs,
        time,
        shared_events,
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl Features {
    pub fn get(&self, name: &str) -> f64 {
        NAMES.iter().position(|n| *n == name).map_or(0.0, |k| self.values[k])
    }

    fn logit(&self, lex: &AlignLexicon, skip: &[&str]) -> f64 {
        let mut z = lex.weight("bias");
        for (name, v) in NAMES.iter().zip(self.values) {
            if !skip.contains(name) {
                z += lex.weight(name) * v;
            }
        }
        z
    }

    /// How likely the two claims state the same proposition, all features counted.
    pub fn score(&self, lex: &AlignLexicon) -> f64 {
        sigmoid(self.logit(lex, &[]))
    }

    /// How much of the shorter claim the longer one states: claims are often parts of
    /// long sentences, where a paraphrase score (whole sentence against whole sentence)
    /// undersells a shared proposition. Hand-set weights (`overlap_*` in weights.txt).
    pub fn overlap_score(&self, lex: &AlignLexicon) -> f64 {
        let mut z = lex.weight("overlap_bias");
        for (name, v) in OVERLAP_NAMES.iter().zip(self.overlap) {
            z += lex.weight(&format!("overlap_{name}")) * v;
        }
        z += lex.weight("event_clash") * self.get("event_clash") + lex.weight("time_clash") * self.get("time_clash");
        sigmoid(z)
    }

    /// The same, leaving out clashes of figures and polarity: how likely the two speak of
    /// the same thing, whether or not they agree on it.
    pub fn topic_score(&self, lex: &AlignLexicon) -> f64 {
        sigmoid(self.logit(lex, &CLASHES))
    }
}
