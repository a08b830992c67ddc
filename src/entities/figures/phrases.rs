//! Lexicon entries of one or more words, matched over tokens: one hash lookup on the
//! first token's lower-cased text, then a short comparison of the few candidates.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::view::{Fnv, TokenView};

#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    by_first: HashMap<&'static str, Vec<Phrase<V>>, BuildHasherDefault<Fnv>>,
}

/// A phrase's words after the first, and its value.
type Phrase<V> = (Vec<&'static str>, V);

impl<V: Copy> PhraseTable<V> {
    pub(crate) fn new() -> PhraseTable<V> {
        PhraseTable {
            by_first: HashMap::default(),
        }
    }

    /// Adds a phrase; its words are the tokens it must match, separated by spaces, in
    /// lower case (token text is lower-cased before the lookup). `Err` says why a phrase
    /// cannot be matched.
    pub(crate) fn insert(&mut self, phrase: &'static str, value: V) -> Result<(), String> {
        if phrase.chars().any(char::is_uppercase) {
            return Err(format!("phrases are written in lower case: {phrase:?}"));
        }
        let mut words = phrase.split_whitespace();
        let Some(first) = words.next() else {
            return Err("an empty phrase".into());
        };
        let rest: Vec<&'static str> = words.collect();
        let entries = self.by_first.entry(first).or_default();
        entries.push((rest, value));
        // Longest first, so that `square kilometres` wins over a shorter entry.
        entries.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        Ok(())
    }

    pub(crate) fn first_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.by_first.keys().copied()
    }

    /// The longest phrase starting at token `i`: its length in tokens and its value.
    pub(crate) fn longest_at(&self, v: &TokenView, i: usize) -> Option<(usize, V)> {
        if i >= v.len() {
            return None;
        }
        let entries = self.by_first.get(v.key(i))?;
        entries
            .iter()
            .find(|(rest, _)| rest.iter().enumerate().all(|(k, w)| v.key(i + 1 + k) == *w))
            .map(|(rest, value)| (rest.len() + 1, *value))
    }
}
