//! Read-only access to the tokens of one text, safe on any input: a token whose range is
//! out of bounds or not on a char boundary reads as "". Lower-casing goes to a stack
//! buffer so that lexicon lookups allocate nothing. The view carries the language whose
//! number and calendar words the figure and date rules look up.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::lang::Language;
use crate::text::tokens::Token;

/// FNV-1a: lexicon keys are short words, for which it is much cheaper than SipHash, and
/// the tables are fixed at build time, so flooding is not a concern.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// Longest token, in bytes, that can match a lexicon entry.
const KEY_CAP: usize = 40;

/// A lower-cased token text held on the stack.
pub(crate) struct Key {
    buf: [u8; KEY_CAP],
    len: usize,
}

impl Key {
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    fn of(s: &str) -> Key {
        let mut key = Key {
            buf: [0; KEY_CAP],
            len: 0,
        };
        if s.is_ascii() && s.len() <= KEY_CAP {
            for (d, b) in key.buf.iter_mut().zip(s.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            key.len = s.len();
            return key;
        }
        let mut tmp = [0u8; 4];
        for c in s.chars().flat_map(char::to_lowercase) {
            let e = c.encode_utf8(&mut tmp);
            if key.len + e.len() > KEY_CAP {
                key.len = 0; // too long for any lexicon entry
                return key;
            }
            key.buf[key.len..key.len + e.len()].copy_from_slice(e.as_bytes());
            key.len += e.len();
        }
        key
    }
}

pub(crate) struct TokenView<'a> {
    text: &'a str,
    tokens: &'a [Token],
    pub(crate) language: &'a Language,
    /// Every token's `Key`, one after the other: the figure and date rules look each
    /// token up a score of times, and lower-casing it once per view is cheaper.
    keys: String,
    /// Where each token's key ends in `keys`.
    key_ends: Vec<u32>,
}

impl<'a> TokenView<'a> {
    pub(crate) fn new(text: &'a str, tokens: &'a [Token], language: &'a Language) -> TokenView<'a> {
        let mut view = TokenView {
            text,
            tokens,
            language,
            keys: String::new(),
            key_ends: Vec::with_capacity(tokens.len()),
        };
        for i in 0..tokens.len() {
            let key = Key::of(view.str(i));
            view.keys.push_str(key.as_str());
            view.key_ends.push(view.keys.len() as u32);
        }
        view
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text; "" past the end or for a token that does not fit the text.
    pub(crate) fn str(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start as usize..t.end as usize))
            .unwrap_or("")
    }

    /// The token's text lower-cased (`Key`); "" past the end, for a token that does not
    /// fit the text, and for one longer than any lexicon entry.
    pub(crate) fn key(&self, i: usize) -> &str {
        let Some(&end) = self.key_ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.key_ends[i - 1] };
        &self.keys[start as usize..end as usize]
    }

    /// Case-insensitive comparison with a lower-case word.
    pub(crate) fn is(&self, i: usize, lower: &str) -> bool {
        self.str(i).eq_ignore_ascii_case(lower)
    }

    pub(crate) fn is_any(&self, i: usize, lower: &[&str]) -> bool {
        let s = self.str(i);
        lower.iter().any(|w| s.eq_ignore_ascii_case(w))
    }

    pub(crate) fn starts_upper(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub(crate) fn starts_lower(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_lowercase)
    }

    pub(crate) fn starts_digit(&self, i: usize) -> bool {
        self.str(i)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
    }

    /// A plain integer written with digits only (no separators), e.g. a day or a year.
    pub(crate) fn integer(&self, i: usize) -> Option<u32> {
        let s = self.str(i);
        if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_lower_case_without_allocating() {
        assert_eq!(Key::of("Twenty").as_str(), "twenty");
        assert_eq!(Key::of("€").as_str(), "€");
        assert_eq!(Key::of("ÉTÉ").as_str(), "été");
        assert_eq!(Key::of(&"x".repeat(100)).as_str(), "");
    }

    mod properties {
        use super::*;
        use crate::text::tokens::TokenKind;
        use proptest::prelude::*;

        proptest! {
            /// The keys a view keeps are those `Key::of` makes for each lookup, on any text
            /// and any tokens: out of bounds, inside a char, reversed, too long, past the end.
            #[test]
            fn kept_keys_are_the_keys_made_per_lookup(
                text in "(\\PC|[A-ZÉİẞ]){0,60}",
                raw in prop::collection::vec((0u32..130, 0u32..130), 0..24),
            ) {
                let tokens: Vec<Token> = raw
                    .into_iter()
                    .map(|(start, end)| Token { start, end, kind: TokenKind::Word })
                    .collect();
                let v = TokenView::new(&text, &tokens, Language::english());
                for i in 0..tokens.len() + 3 {
                    let made = Key::of(v.str(i));
                    prop_assert_eq!(v.key(i), made.as_str(), "token {}", i);
                }
            }
        }
    }
}
