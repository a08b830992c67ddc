//! What the models know about one token, computed once per token: hashes of its normalised
//! form, affixes and shape, and its crosswire kind.
//!
//! Normalisation makes treebank words and news tokens look alike: lower case, curly
//! apostrophes and quotes straightened, en dashes as em dashes, every digit `0` (so `1990s`
//! and `2022` share statistics with all years).

use super::hashing::{hash_bytes, hash_str, mix};
use crate::text::tokens::TokenKind;

/// One token as the models read it.
#[derive(Debug, Clone, Copy)]
pub struct TokenInput<'a> {
    /// The token as written.
    pub form: &'a str,
    /// crosswire's kind for it.
    pub kind: TokenKind,
}

/// Per-token hashes; 0 is reserved for "no token here" (before the start, past the end).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordHashes {
    /// The normalised form.
    pub norm: u64,
    /// The form as written (case kept, digits kept).
    pub exact: u64,
    /// First character.
    pub prefix1: u64,
    /// First three characters.
    pub prefix3: u64,
    /// Last character.
    pub suffix1: u64,
    /// Last two characters.
    pub suffix2: u64,
    /// Last three characters.
    pub suffix3: u64,
    /// Last four characters.
    pub suffix4: u64,
    /// Word shape (`Xxxx`, `dd`, ...).
    pub shape: u64,
    /// crosswire's token kind.
    pub kind: u64,
}

/// The padding value for positions outside the sentence.
pub const PAD: WordHashes = WordHashes {
    norm: 0x5EED_0001,
    exact: 0x5EED_0002,
    prefix1: 0x5EED_0003,
    prefix3: 0x5EED_0004,
    suffix1: 0x5EED_0005,
    suffix2: 0x5EED_0006,
    suffix3: 0x5EED_0007,
    suffix4: 0x5EED_0008,
    shape: 0x5EED_0009,
    kind: 0x5EED_000A,
};

/// The hashes of one token.
pub fn hashes(token: TokenInput) -> WordHashes {
    let form = token.form;
    // Nearly every news token is short ASCII: its normal form and shape are written on the
    // stack (the same characters `normalise` and `shape` give, one byte each), not in two
    // strings and a list of character offsets.
    if form.is_ascii() && form.len() <= ON_STACK {
        let (mut norm, mut shaped) = (StackAscii::default(), StackAscii::default());
        normalise_into(form, |c| norm.push(c));
        shape_into(form, |c| shaped.push(c));
        let norm = norm.as_bytes();
        return hashes_of(token, norm, norm.len(), |k| k, shaped.as_bytes());
    }
    hashes_in_strings(token)
}

/// `hashes` of any token, its normal form and shape made as strings.
fn hashes_in_strings(token: TokenInput) -> WordHashes {
    let norm = normalise(token.form);
    // Byte offset of every character boundary, so affixes are slices, not new strings.
    let bounds: Vec<usize> = norm
        .char_indices()
        .map(|(i, _)| i)
        .chain([norm.len()])
        .collect();
    let shape = shape(token.form);
    hashes_of(
        token,
        norm.as_bytes(),
        bounds.len() - 1,
        |k| bounds[k],
        shape.as_bytes(),
    )
}

/// Tokens of at most this many bytes are hashed without allocating (`hashes`).
const ON_STACK: usize = 48;

/// An ASCII string of at most `ON_STACK` bytes, on the stack.
struct StackAscii {
    bytes: [u8; ON_STACK],
    len: usize,
}

impl Default for StackAscii {
    fn default() -> StackAscii {
        StackAscii {
            bytes: [0; ON_STACK],
            len: 0,
        }
    }
}

impl StackAscii {
    /// Adds `c`, an ASCII character (normalising or shaping an ASCII form gives only those,
    /// never more of them than the form has bytes).
    fn push(&mut self, c: char) {
        self.bytes[self.len] = c as u8;
        self.len += 1;
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// The hashes of a token whose normal form (UTF-8 bytes `norm`) has `n_chars`
/// characters, the `k`-th starting at byte `bound(k)` (`bound(n_chars)` its length), and
/// whose shape is `shape`.
fn hashes_of(
    token: TokenInput,
    norm: &[u8],
    n_chars: usize,
    bound: impl Fn(usize) -> usize,
    shape: &[u8],
) -> WordHashes {
    let prefix = |n: usize| hash_bytes(&norm[..bound(n.min(n_chars))]);
    let suffix = |n: usize| {
        mix(
            n as u64,
            hash_bytes(&norm[bound(n_chars.saturating_sub(n))..]),
        )
    };
    WordHashes {
        norm: hash_bytes(norm),
        exact: mix(1, hash_str(token.form)),
        prefix1: mix(2, prefix(1)),
        prefix3: mix(3, prefix(3)),
        suffix1: suffix(1),
        suffix2: suffix(2),
        suffix3: suffix(3),
        suffix4: suffix(4),
        shape: hash_bytes(shape),
        kind: mix(4, token.kind as u64),
    }
}

/// The `kind` hash of a punctuation token.
pub fn punct_kind() -> u64 {
    mix(4, TokenKind::Punct as u64)
}

/// The form the models count: see the module doc.
pub fn normalise(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    normalise_into(form, |c| out.push(c));
    out
}

/// `normalise`, each character of the normal form given to `push` in order.
fn normalise_into(form: &str, mut push: impl FnMut(char)) {
    for c in form.chars() {
        match c {
            '’' | '‘' | '`' | '´' | 'ʼ' => push('\''),
            '“' | '”' | '„' | '«' | '»' => push('"'),
            '–' => push('—'),
            c if c.is_ascii_digit() => push('0'),
            c => c.to_lowercase().for_each(&mut push),
        }
    }
}

/// The word shape: `X` upper, `x` lower, `d` digit, other characters as themselves, runs cut
/// at three (`Kherson` → `Xxxx`, `2022-11-08` → `dddd-dd-dd` → `ddd-dd-dd`), at most 12.
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    shape_into(form, |c| out.push(c));
    out
}

/// `shape`, each character of it given to `push` in order.
fn shape_into(form: &str, mut push: impl FnMut(char)) {
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars().take(24) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a' // letters without case (CJK, Arabic)
        } else {
            c
        };
        run = if class == last { run + 1 } else { 1 };
        last = class;
        if run <= 3 {
            push(class);
        }
    }
}

/// The crosswire kind of a treebank word, read by crosswire's own tokenizer (its first
/// token), so training sees the kinds the models meet at run time.
pub fn kind_of(form: &str) -> TokenKind {
    crate::text::tokens::tokenize(form, crate::lang::Language::english())
        .first()
        .map_or(TokenKind::Word, |t| t.kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_news_and_treebank_spellings_alike() {
        assert_eq!(normalise("’s"), "'s");
        assert_eq!(normalise("Kherson"), "kherson");
        assert_eq!(normalise("1,600"), "0,000");
        assert_eq!(normalise("“"), "\"");
        assert_eq!(normalise("–"), "—");
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Kherson"), "Xxxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2022-11-08"), "ddd-dd-dd");
        assert_eq!(shape("TB-2"), "XX-d");
    }

    #[test]
    fn same_word_same_hashes_in_any_spelling_of_the_apostrophe() {
        let a = hashes(TokenInput {
            form: "Russia’s",
            kind: TokenKind::Word,
        });
        let b = hashes(TokenInput {
            form: "Russia's",
            kind: TokenKind::Word,
        });
        assert_eq!(a.norm, b.norm);
        assert_eq!(a.suffix2, b.suffix2);
        assert_ne!(a.exact, b.exact);
        assert_ne!(a.suffix3, a.suffix2);
    }

    proptest::proptest! {
        /// ASCII tokens (letters of both cases, digits, the backtick, punctuation; some
        /// longer than fit on the stack) hash as they do through the strings.
        #[test]
        fn ascii_tokens_hash_on_the_stack_as_through_strings(
            form in "[a-zA-Z0-9`',.\\-]{0,60}",
            number in proptest::bool::ANY,
        ) {
            let kind = if number { TokenKind::Number } else { TokenKind::Word };
            let token = TokenInput { form: &form, kind };
            proptest::prop_assert_eq!(hashes(token), hashes_in_strings(token));
        }
    }

    #[test]
    fn treebank_kinds_come_from_the_tokenizer() {
        assert_eq!(kind_of("said"), TokenKind::Word);
        assert_eq!(kind_of("1.5"), TokenKind::Number);
        assert_eq!(kind_of(","), TokenKind::Punct);
        assert_eq!(kind_of("http://x.org"), TokenKind::Url);
        assert_eq!(kind_of(""), TokenKind::Word);
    }
}
