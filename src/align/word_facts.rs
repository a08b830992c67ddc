//! What a view reads of one lower-cased word (its stem, weight, stopword flag, the hashes
//! of it and of its stem, …), found once a thread and kept: a view reads the same facts
//! for every claim, clause and rebuild that holds the word, which were a stem, two
//! SipHashes and half a dozen lexicon lookups each time. Every fact is a function of the
//! word and the lexicon alone, so a view built from them is the view built without.

use std::cell::RefCell;

use super::lexicon::AlignLexicon;
use super::represent::{hash_word, NEGATIONS};
use super::short_keys::{ShortIds, ShortKey};
use super::stem::stem;
use crate::syntax::hashing::WordMap;

/// The facts of one lower-cased word.
pub struct WordFacts {
    pub stem: String,
    /// `represent::hash_word` of the stem and of the word.
    pub stem_hash: u64,
    pub word_hash: u64,
    /// `AlignLexicon::idf` of the word.
    pub idf: f32,
    pub stopword: bool,
    /// Holds a letter (not a number).
    pub alpha: bool,
    pub negation: bool,
    /// The longest paraphrase phrase starting with its stem (`AlignLexicon::longest_from`).
    pub longest_from: usize,
    /// `AlignLexicon::word_id` of its stem.
    pub stem_id: Option<u32>,
}

impl WordFacts {
    fn of(word: &str, lex: &AlignLexicon) -> WordFacts {
        let stem = stem(word);
        WordFacts {
            stem_hash: hash_word(&stem),
            word_hash: hash_word(word),
            idf: lex.idf(word),
            stopword: lex.stopwords.contains(word),
            alpha: word.chars().any(char::is_alphabetic),
            negation: NEGATIONS.contains(&word),
            longest_from: lex.longest_from.get(&stem).copied().unwrap_or(0),
            stem_id: lex.word_id(&stem),
            stem,
        }
    }
}

/// The words met so far on this thread, for one lexicon.
#[derive(Default)]
pub struct Known {
    /// `AlignLexicon::id` of the lexicon the facts are of (0: none yet).
    lexicon: u64,
    /// The ids of the words of at most `short_keys::SHORT` bytes (nearly all), and of the
    /// longer ones.
    short: ShortIds,
    long: WordMap<String, u32>,
    facts: Vec<WordFacts>,
}

/// Words kept at most a thread (about 150 bytes each); past it the table starts again.
const MOST_WORDS: usize = 1 << 20;

impl Known {
    /// The position of `word`'s facts (`get`), found now if it was not met before.
    pub fn id(&mut self, word: &str, lex: &AlignLexicon) -> u32 {
        let key = ShortKey::of(word);
        let known = match &key {
            Some(key) => self.short.get(key),
            None => self.long.get(word).copied(),
        };
        if let Some(id) = known {
            return id;
        }
        let id = self.facts.len() as u32;
        self.facts.push(WordFacts::of(word, lex));
        match key {
            Some(key) => self.short.insert(key, id),
            None => {
                self.long.insert(word.to_owned(), id);
            }
        }
        id
    }

    pub fn get(&self, id: u32) -> &WordFacts {
        &self.facts[id as usize]
    }
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::new(Known::default());
}

/// `work` with this thread's known words for `lex` (a table of its own when called from
/// inside another `with`).
pub fn with<T>(lex: &AlignLexicon, work: impl FnOnce(&mut Known) -> T) -> T {
    let lexicon = lex.id;
    KNOWN.with(|known| match known.try_borrow_mut() {
        Ok(mut known) => {
            if known.lexicon != lexicon || known.facts.len() > MOST_WORDS {
                *known = Known {
                    lexicon,
                    ..Known::default()
                };
            }
            work(&mut known)
        }
        Err(_) => work(&mut Known::default()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    #[test]
    fn a_words_facts_are_what_the_lexicon_and_stemmer_say() {
        let lex = &Language::english().align;
        let long = "internationalisations-of-everything"; // past a short key
        for w in ["the", "deportations", "not", "1,626.49", "kyiv", long] {
            let (id, again) = with(lex, |known| (known.id(w, lex), known.id(w, lex)));
            assert_eq!(id, again, "{w}: one id");
            with(lex, |known| {
                let f = known.get(id);
                assert_eq!(f.stem, stem(w), "{w}");
                assert_eq!(f.stem_hash, hash_word(&stem(w)), "{w}");
                assert_eq!(f.word_hash, hash_word(w), "{w}");
                assert_eq!(f.idf.to_bits(), lex.idf(w).to_bits(), "{w}");
                assert_eq!(f.stopword, lex.stopwords.contains(w), "{w}");
                assert_eq!(f.alpha, w != "1,626.49", "{w}");
                assert_eq!(f.negation, w == "not", "{w}");
                let longest = lex.longest_from.get(&stem(w)).copied().unwrap_or(0);
                assert_eq!(f.longest_from, longest, "{w}");
                assert_eq!(f.stem_id, lex.word_id(&stem(w)), "{w}");
            });
        }
    }

    #[test]
    fn words_either_side_of_a_short_key_keep_their_own_facts() {
        let lex = &Language::english().align;
        let short = "a".repeat(crate::align::short_keys::SHORT);
        let long = format!("{short}s");
        with(lex, |known| {
            let (a, b) = (known.id(&short, lex), known.id(&long, lex));
            assert_ne!(a, b);
            assert_eq!(known.get(a).word_hash, hash_word(&short));
            assert_eq!(known.get(b).word_hash, hash_word(&long));
        });
    }

    #[test]
    fn a_call_inside_another_reads_a_table_of_its_own() {
        let lex = &Language::english().align;
        let inner = with(lex, |outer| {
            outer.id("agreement", lex);
            with(lex, |inner| inner.facts.len())
        });
        assert_eq!(inner, 0);
    }
}
