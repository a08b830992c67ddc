//! A claim as the aligner compares it: content terms, entity ids, figures with bounds,
//! time, event classes, speaker and polarity. Built from the stages before (tokens,
//! mentions, figures, dates, claims), never from raw text alone.

use std::collections::BTreeMap;

use super::figures::FigureValue;
use super::lexicon::AlignLexicon;
use super::normalize::{terms, Term};
use super::time::TimeScope;

#[derive(Debug, Clone, Default)]
pub struct ClaimView {
    /// Terms sorted by key, one per key (the highest weight kept).
    pub terms: Vec<Term>,
    /// Stems of all words in order (stopwords included): for word order and bigrams.
    pub sequence: Vec<String>,
    /// Entity keys (metonyms mapped), sorted, with a name to show.
    pub entities: BTreeMap<String, String>,
    pub figures: Vec<FigureValue>,
    pub time: TimeScope,
    /// Event classes, sorted.
    pub events: Vec<u16>,
    pub speaker: Option<String>,
    pub speaker_key: Option<String>,
    /// Denied by its source, or negated in its own words (`not`, `never`).
    pub negative: bool,
    pub words: usize,
    /// Every word and number, lower-cased, sorted and deduplicated: the plain word set.
    pub plain: Vec<String>,
    /// The claim's clauses, each a view of its own (empty for a one-clause claim): a
    /// long claim may carry the proposition another outlet states alone.
    pub clauses: Vec<ClaimView>,
    /// `(document, sentence)` of a corpus claim.
    pub sentence: Option<(u32, u32)>,
}

pub(super) const NEGATIONS: &[&str] = &["not", "n't", "’t", "'t", "never", "no", "nobody", "nothing", "without"];

/// The inputs for one claim, gathered by the caller from the stages.
pub struct ClaimParts<'a> {
    /// Lower-cased word and number tokens of the proposition, in order.
    pub words: Vec<String>,
    /// `(entity id, surface)` of the mentions inside it (no dates or figures).
    pub entities: Vec<(&'a str, String)>,
    pub figures: Vec<FigureValue>,
    pub time: TimeScope,
    pub speaker: Option<String>,
    pub speaker_id: Option<&'a str>,
    pub denied: bool,
}

pub fn build(parts: ClaimParts<'_>, lex: &AlignLexicon) -> ClaimView {
    let alpha: Vec<String> = parts
        .words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .cloned()
        .collect();
    let mut by_key: BTreeMap<String, Term> = BTreeMap::new();
    for t in terms(&alpha, lex) {
        match by_key.get(&t.key) {
            Some(old) if old.idf >= t.idf => {}
            _ => {
                by_key.insert(t.key.clone(), t);
            }
        }
    }
    let mut events: Vec<u16> = by_key.keys().filter_map(|k| lex.events.get(k).copied()).collect();
    events.sort_unstable();
    events.dedup();
    let negated = parts.words.iter().filter(|w| NEGATIONS.contains(&w.as_str())).count() % 2 == 1;
    let entities = parts
        .entities
        .iter()
        .map(|(id, surface)| (lex.entity_key(id).to_owned(), surface.clone()))
        .collect();
    ClaimView {
        sequence: alpha.iter().map(|w| super::stem::stem(w)).collect(),
        terms: by_key.into_values().collect(),
        entities,
        figures: parts.figures,
        time: parts.time,
        events,
        speaker_key: parts.speaker_id.map(|s| lex.entity_key(s).to_owned()),
        speaker: parts.speaker,
        negative: parts.denied != negated,
        words: parts.words.len(),
        plain: {
            let mut p = parts.words.clone();
            p.sort();
            p.dedup();
            p
        },
        clauses: Vec::new(),
        sentence: None,
    }
}

impl ClaimView {
    /// Takes the content (terms, words, entities, events) of `other`, keeping its own
    /// figures, time, speaker and polarity.
    pub fn borrow_context(&mut self, other: &ClaimView) {
        for t in &other.terms {
            if let Err(k) = self.terms.binary_search_by(|x| x.key.cmp(&t.key)) {
                self.terms.insert(k, t.clone());
            }
        }
        let mut seq = other.sequence.clone();
        seq.append(&mut self.sequence);
        self.sequence = seq;
        for (k, v) in &other.entities {
            self.entities.entry(k.clone()).or_insert_with(|| v.clone());
        }
        self.events.extend(&other.events);
        self.events.sort_unstable();
        self.events.dedup();
        self.plain.extend(other.plain.iter().cloned());
        self.plain.sort();
        self.plain.dedup();
        self.words += other.words;
    }
}
