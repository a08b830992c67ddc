//! Finding the spellings of one name among many without comparing every two.
//!
//! Two folded name words are spellings of one name (`normalize::same_name_word`) when their
//! sound keys are equal, or one edit apart with the same first letter and at least six
//! letters each. So a key is filed under a few blocks: itself, itself with one letter (not
//! the first) replaced by a wildcard, and itself with one letter (not the first) left out.
//! Two keys one replacement apart share a wildcard block; one insertion apart, the shorter
//! key's own block holds the longer one with a letter left out. A query looks in its own
//! blocks only and checks each key found with the exact rule, so the answer is the one
//! comparing against every key would give. Blocks hold few keys (a wildcard block at most
//! one per letter of the alphabet), so a query costs a constant times its length.

use std::collections::HashMap;

use super::normalize::{same_sound_key, sound_key, MIN_EDITED_LETTERS};

/// The blocks a sound key is filed under, as hashes: the key itself, the key with one letter
/// (not the first) left out, and the key with one letter (not the first) replaced, tagged
/// with the replaced position. Sound keys are ASCII, so byte positions are letters. Two keys
/// sharing a hash by chance only cost a check.
fn blocks(key: &str) -> impl Iterator<Item = u64> + '_ {
    let k = key.as_bytes();
    let whole = std::iter::once(block_hash(0, k, &[]));
    let edited = (1..k.len()).flat_map(move |p| {
        let (before, after) = (&k[..p], &k[p + 1..]);
        let left_out = (k.len() > MIN_EDITED_LETTERS).then(|| block_hash(0, before, after));
        let replaced =
            (k.len() >= MIN_EDITED_LETTERS).then(|| block_hash(1 + p as u64, before, after));
        left_out.into_iter().chain(replaced)
    });
    whole.chain(edited)
}

/// FNV-1a over `tag`, then the bytes of `a` and `b` as one string.
fn block_hash(tag: u64, a: &[u8], b: &[u8]) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h = 0xcbf2_9ce4_8422_2325 ^ tag.wrapping_mul(PRIME);
    for &byte in a.iter().chain(b) {
        h = (h ^ byte as u64).wrapping_mul(PRIME);
    }
    h
}

/// Distinct sound keys of folded name words, each with an id (its position).
#[derive(Debug, Default)]
pub struct SpellingKeys {
    keys: Vec<String>,
    ids: HashMap<String, u32>,
}

impl SpellingKeys {
    pub fn new() -> SpellingKeys {
        SpellingKeys::default()
    }

    /// The id of the folded name word `word`'s sound key, gathering it if it is new.
    pub fn insert_word(&mut self, word: &str) -> u32 {
        let key = sound_key(word);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.clone());
        self.ids.insert(key, id);
        id
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// For each key, the other keys that stand for the same name, sorted. Keys are filed by
    /// block and sorted, so only keys sharing a block are compared (a group-by, then a
    /// check within each group).
    pub fn neighbours(&self) -> Vec<Vec<u32>> {
        let mut filed: Vec<(u64, u32)> = self
            .keys
            .iter()
            .enumerate()
            .flat_map(|(id, key)| blocks(key).map(move |b| (b, id as u32)))
            .collect();
        filed.sort_unstable();
        filed.dedup();
        let mut out: Vec<Vec<u32>> = vec![Vec::new(); self.keys.len()];
        for block in filed.chunk_by(|x, y| x.0 == y.0) {
            for (i, &(_, x)) in block.iter().enumerate() {
                for &(_, y) in &block[i + 1..] {
                    if same_sound_key(&self.keys[x as usize], &self.keys[y as usize]) {
                        out[x as usize].push(y);
                        out[y as usize].push(x);
                    }
                }
            }
        }
        for near in &mut out {
            near.sort_unstable();
            near.dedup();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::entities::normalize::same_name_word;

    /// The words among `words` that spell the same name as `word`, other than itself.
    fn near(words: &[&str], word: &str) -> Vec<String> {
        let mut keys = SpellingKeys::new();
        let ids: Vec<u32> = words.iter().map(|w| keys.insert_word(w)).collect();
        let me = keys.insert_word(word);
        let neighbours = keys.neighbours();
        words
            .iter()
            .zip(&ids)
            .filter(|(_, id)| neighbours[me as usize].contains(id))
            .map(|(w, _)| w.to_string())
            .collect()
    }

    #[test]
    fn spellings_meet_and_other_names_do_not() {
        let names = ["zelensky", "podolyak", "stremousov", "kuleba", "dmytro"];
        assert_eq!(near(&names, "podalyak"), ["podolyak"]);
        assert_eq!(near(&names, "stremosov"), ["stremousov"]);
        assert!(near(&names, "oleksiy").is_empty());
        assert!(near(&names, "putin").is_empty());
        // Equal sound keys are one key, not neighbours.
        let mut keys = SpellingKeys::new();
        assert_eq!(keys.insert_word("zelensky"), keys.insert_word("zelenski"));
    }

    proptest! {
        /// Over words from a small alphabet (so that near spellings are common), two words
        /// are one key or neighbours exactly when `same_name_word` pairs them.
        #[test]
        fn blocks_find_what_comparing_every_two_words_finds(
            words in proptest::collection::vec("[abkhyj]{3,9}", 1..40),
        ) {
            let mut keys = SpellingKeys::new();
            let ids: Vec<u32> = words.iter().map(|w| keys.insert_word(w)).collect();
            let neighbours = keys.neighbours();
            for (a, &x) in words.iter().zip(&ids) {
                for (b, &y) in words.iter().zip(&ids) {
                    let paired = x == y || neighbours[x as usize].contains(&y);
                    prop_assert_eq!(paired, same_name_word(a, b), "{} / {}", a, b);
                }
            }
        }
    }
}
