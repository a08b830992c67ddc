//! The aligner's word lists, compiled in from `lexicons/*.txt` and parsed once: stopwords,
//! paraphrase groups, event classes, metonyms, word weights (idf) and the scorer's weights.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::stem::stem;
use crate::wordlist::entries as lines;

pub struct AlignLexicon {
    pub stopwords: HashSet<String>,
    idf: HashMap<String, f32>,
    pub unseen_idf: f32,
    /// Stemmed word sequences → paraphrase group index.
    pub phrases: HashMap<Vec<String>, u32>,
    pub longest_phrase: usize,
    pub group_names: Vec<String>,
    /// Term key (stem or `=group`) → event class index.
    pub events: HashMap<String, u16>,
    pub event_names: Vec<String>,
    pub metonyms: HashMap<String, String>,
    /// Feature name → weight, and the named thresholds, from `weights.txt`.
    pub weights: HashMap<String, f64>,
    /// Word key → its id, an index into `word_weights`.
    word_ids: HashMap<String, u32>,
    /// (weight when both sides say it, weight when one side only), from `word_weights.txt`.
    word_weights: Vec<(f32, f32)>,
}

pub static LEXICON: LazyLock<AlignLexicon> = LazyLock::new(AlignLexicon::builtin);

/// The comparison key of a paraphrase group.
pub fn group_key(name: &str) -> String {
    format!("={name}")
}

pub fn stems_of(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| stem(&w.to_lowercase()))
        .collect()
}

impl AlignLexicon {
    fn builtin() -> AlignLexicon {
        let stopwords: HashSet<String> = lines(include_str!("lexicons/stopwords.txt"))
            .flat_map(|l| l.split_whitespace())
            .map(str::to_owned)
            .collect();
        let mut idf = HashMap::new();
        let mut unseen_idf = 0.0f32;
        for l in lines(include_str!("lexicons/idf.txt")) {
            if let Some((w, v)) = l.split_once('\t') {
                let v: f32 = v.parse().expect("idf.txt: a number after the tab");
                unseen_idf = unseen_idf.max(v);
                idf.insert(w.to_owned(), v);
            }
        }
        // A word seen once in the reference text is rarer than any listed one.
        unseen_idf += std::f32::consts::LN_2;
        let mut phrases = HashMap::new();
        let mut group_names = Vec::new();
        for l in lines(include_str!("lexicons/paraphrases.txt")) {
            let g = group_names.len() as u32;
            let mut members = l.split('|').map(str::trim).filter(|m| !m.is_empty());
            let name = members.next().expect("a paraphrase group has a name");
            group_names.push(name.to_owned());
            for m in std::iter::once(name).chain(members) {
                // The first group to list a phrase keeps it: lines are read in order.
                phrases.entry(stems_of(m)).or_insert(g);
            }
        }
        let longest_phrase = phrases.keys().map(Vec::len).max().unwrap_or(1);
        let mut events = HashMap::new();
        let mut event_names = Vec::new();
        for l in lines(include_str!("lexicons/events.txt")) {
            let (name, words) = l.split_once(':').expect("events.txt: `class: words`");
            let class = event_names.len() as u16;
            event_names.push(name.trim().to_owned());
            for w in words.split_whitespace() {
                let key = match phrases.get(&stems_of(w)) {
                    Some(&g) => group_key(&group_names[g as usize]),
                    None => stem(w),
                };
                events.entry(key).or_insert(class);
            }
        }
        let metonyms = lines(include_str!("lexicons/metonyms.txt"))
            .filter_map(|l| l.split_once('='))
            .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
            .collect();
        let weights = lines(include_str!("lexicons/weights.txt"))
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                Some((it.next()?.to_owned(), it.next()?.parse().ok()?))
            })
            .collect();
        let mut word_ids = HashMap::new();
        let mut word_weights = Vec::new();
        for l in lines(include_str!("lexicons/word_weights.txt")) {
            let mut it = l.split('\t');
            let key = it.next().unwrap_or_default().to_owned();
            let mut num = || -> f32 {
                it.next()
                    .and_then(|v| v.parse().ok())
                    .expect("word_weights.txt: `key<TAB>shared<TAB>one-sided`")
            };
            let weights = (num(), num());
            word_ids.insert(key, word_weights.len() as u32);
            word_weights.push(weights);
        }
        AlignLexicon {
            word_ids,
            word_weights,
            stopwords,
            idf,
            unseen_idf,
            phrases,
            longest_phrase,
            group_names,
            events,
            event_names,
            metonyms,
            weights,
        }
    }

    pub fn idf(&self, lower: &str) -> f32 {
        self.idf.get(lower).copied().unwrap_or(self.unseen_idf)
    }

    /// The id of a word key with a learned weight.
    pub fn word_id(&self, key: &str) -> Option<u32> {
        self.word_ids.get(key).copied()
    }

    /// What a word key (by id) tells about a pair, said by both sides (`shared`) or by one.
    pub fn word_weight(&self, id: u32, shared: bool) -> f32 {
        let (s, o) = self.word_weights[id as usize];
        if shared {
            s
        } else {
            o
        }
    }

    pub fn weight(&self, name: &str) -> f64 {
        self.weights.get(name).copied().unwrap_or(0.0)
    }

    /// An entity id as compared: a capital standing for its country counts as the country.
    pub fn entity_key<'a>(&'a self, id: &'a str) -> &'a str {
        self.metonyms.get(id).map_or(id, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_parse() {
        let l = &*LEXICON;
        assert!(l.stopwords.contains("the"));
        assert!(l.idf("the") < l.idf("kherson"));
        let g = |p: &str| l.phrases.get(&stems_of(p)).copied();
        assert_eq!(g("civilian clothes"), g("plainclothes"));
        assert_eq!(g("deportations"), g("forced deportation"));
        assert!(l.events.contains_key(&group_key("kill")));
        assert!(l.weights.contains_key("threshold"));
    }
}
