//! The name model's features. `Document` holds what every token's features read — the
//! words' and shapes' hashes, lexicon names, the rules' candidates, how the document writes
//! each word (`document.rs`), runs of capitalised words — and gives one token's static
//! features on demand, so the decoder computes them only for the tokens it scores. Training
//! scores every token many times and keeps them all (`Cached`). The decoder adds the rest
//! (`dynamic`): the tags of the two tokens before, and what the same word was tagged earlier
//! in the document.
//!
//! Features are hashes of a template id and its values (`syntax::hashing`): the word, its
//! affixes and shape, the words and shapes around it, the lexicons' word classes and names
//! (`entities/lexicons`), the rules' candidates (stacking: the model learns when each rule is
//! right), how the document writes the word elsewhere, the run of capitalised words it sits
//! in. Part-of-speech tags join as one more template once the syntax stage runs before the
//! entities stage.

use crate::entities::candidate::Candidate;
use crate::entities::features::{Features, Shape};
use crate::entities::gazetteer::Match;
use crate::entities::label::Label;
use crate::entities::lexicon::Lexicon;
use crate::syntax::hashing::{feature, feature2, feature3, hash_bytes, hash_str, WordMap, WordSet};
use crate::text::tokens::TokenKind;

use super::combine::person_surnames;
use super::document::{casings, is_all_caps, telling, Casing};
use super::tags::{Position, Tag};

/// Template ids: part of the model file's meaning, so never renumber one; retire it.
mod template {
    pub const BIAS: u32 = 1;
    pub const WORD: u32 = 2;
    pub const FORM: u32 = 3;
    pub const PREFIX: u32 = 4;
    pub const SUFFIX: u32 = 5;
    pub const SHAPE: u32 = 6;
    pub const SHORT_SHAPE: u32 = 7;
    pub const WORD_AT: u32 = 8;
    pub const SHAPE_AT: u32 = 9;
    pub const BIGRAM_BEFORE: u32 = 10;
    pub const BIGRAM_AFTER: u32 = 11;
    pub const SHAPES_AROUND: u32 = 12;
    pub const CLASS_AT: u32 = 13;
    pub const LEXICON_NAME: u32 = 14;
    pub const LEXICON_NAME_AT: u32 = 15;
    pub const SENTENCE_START: u32 = 16;
    pub const HEADLINE: u32 = 17;
    pub const DOC_CASING: u32 = 18;
    pub const CAPITAL_RUN: u32 = 19;
    pub const PREV_TAG: u32 = 20;
    pub const PREV_TAGS: u32 = 21;
    pub const PREV_TAG_WORD: u32 = 22;
    pub const PREV_TAG_SHAPE: u32 = 23;
    pub const HISTORY: u32 = 24;
    pub const WORD_HEADLINE: u32 = 25;
    pub const DOC_CASING_WORD_SHAPE: u32 = 26;
    pub const RULE: u32 = 27;
    pub const RULE_LABEL: u32 = 28;
    pub const RULE_SURNAME: u32 = 29;
}

/// What the decoder needs of each token besides its static features.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// The folded word's hash, for the tag-word features.
    pub word: Vec<u64>,
    pub shape: Vec<u64>,
    /// The folded word, numbered densely within the document (the history's key), for
    /// capitalised words; None for the rest, whose tagging is not remembered.
    pub remembered: Vec<Option<u32>>,
    pub distinct_words: usize,
    /// A name may begin here: a capitalised word. Elsewhere, outside a name, the decoder tags
    /// Outside without scoring (on CoNLL-2003 train, 0.2% of names begin otherwise:
    /// `post-Soviet`, `de Klerk`).
    pub may_begin: Vec<bool>,
}

impl Tokens {
    pub fn len(&self) -> usize {
        self.word.len()
    }
}

/// One token's static features, however they are got.
pub trait StaticFeatures {
    fn tokens(&self) -> &Tokens;
    fn push(&self, i: usize, out: &mut Vec<u64>);
}

/// Everything one document's tokens' features read.
pub struct Document<'a> {
    f: &'a Features<'a>,
    tokens: Tokens,
    lexicon_names: Vec<Option<(Label, Position)>>,
    evidence: Vec<Option<(&'a Candidate, Position)>>,
    surnames: WordSet<&'a str>,
    casing: WordMap<&'a str, Casing>,
    runs: Vec<(u8, u8)>,
}

/// Outside the document, as a neighbour's word or shape.
const NONE: u64 = 0x5eed;

impl<'a> Document<'a> {
    /// `rules` are the other sources' candidates (`tagger::rule_candidates`).
    pub fn new(
        f: &'a Features<'a>,
        lexicon: &Lexicon,
        matches: &[Match],
        rules: &'a [Candidate],
    ) -> Document<'a> {
        let n = f.len();
        let mut shape_buf = String::new();
        // Only counted and looked up: the word hasher, not SipHash.
        let mut ids: WordMap<&str, u32> = WordMap::default();
        let mut tokens = Tokens::default();
        for i in 0..n {
            let t = &f.tokens[i];
            tokens.word.push(hash_str(f.folded(i)));
            shape_into(f.text_of(i), 2, &mut shape_buf);
            tokens.shape.push(hash_str(&shape_buf));
            let capitalised = t.shape == Shape::Capitalised && t.kind == TokenKind::Word;
            tokens.remembered.push(capitalised.then(|| {
                let next = ids.len() as u32;
                *ids.entry(f.folded(i)).or_insert(next)
            }));
            tokens.may_begin.push(capitalised);
        }
        tokens.distinct_words = ids.len();
        let mut lexicon_names = vec![None; n];
        for m in matches {
            let label = lexicon.entries[m.entry as usize].label;
            for (k, slot) in (m.first..).zip(&mut lexicon_names[m.first..m.end]) {
                *slot = Some((label, position_in(k, m.first, m.end)));
            }
        }
        Document {
            f,
            tokens,
            lexicon_names,
            evidence: rule_evidence(n, rules),
            surnames: person_surnames(f, rules),
            casing: casings(f),
            runs: capital_runs(f),
        }
    }

    fn word_at(&self, k: isize) -> u64 {
        usize::try_from(k)
            .ok()
            .and_then(|k| self.tokens.word.get(k))
            .copied()
            .unwrap_or(NONE)
    }

    fn shape_at(&self, k: isize) -> u64 {
        usize::try_from(k)
            .ok()
            .and_then(|k| self.tokens.shape.get(k))
            .copied()
            .unwrap_or(NONE)
    }

    /// Every token's static features, kept (for training).
    pub fn cached(self) -> Cached {
        let mut hashes = Vec::with_capacity(self.tokens.len() * 48);
        let mut starts = Vec::with_capacity(self.tokens.len() + 1);
        for i in 0..self.tokens.len() {
            starts.push(hashes.len() as u32);
            self.push(i, &mut hashes);
        }
        starts.push(hashes.len() as u32);
        Cached {
            tokens: self.tokens,
            hashes,
            starts,
        }
    }
}

impl StaticFeatures for Document<'_> {
    fn tokens(&self) -> &Tokens {
        &self.tokens
    }

    fn push(&self, i: usize, out: &mut Vec<u64>) {
        let f = self.f;
        let n = f.len();
        let t = &f.tokens[i];
        let text = f.text_of(i);
        let folded = f.folded(i);
        let (w, s) = (self.tokens.word[i], self.tokens.shape[i]);
        let at = i as isize;
        out.push(feature(template::BIAS, 0));
        out.push(feature(template::WORD, w));
        out.push(feature(template::FORM, hash_str(text)));
        out.push(feature(template::SHAPE, s));
        out.push(feature(template::SHORT_SHAPE, short_shape_hash(text)));
        if t.kind == TokenKind::Word {
            affixes(folded, out);
        }
        for d in [-2isize, -1, 1, 2] {
            out.push(feature2(template::WORD_AT, d as u64, self.word_at(at + d)));
            out.push(feature2(
                template::SHAPE_AT,
                d as u64,
                self.shape_at(at + d),
            ));
        }
        out.push(feature2(template::BIGRAM_BEFORE, self.word_at(at - 1), w));
        out.push(feature2(template::BIGRAM_AFTER, w, self.word_at(at + 1)));
        out.push(feature3(
            template::SHAPES_AROUND,
            self.shape_at(at - 1),
            s,
            self.shape_at(at + 1),
        ));
        for d in [-1isize, 0, 1] {
            let Some(k) = usize::try_from(at + d).ok().filter(|&k| k < n) else {
                continue;
            };
            let flags = f.tokens[k].flags;
            for bit in 0..32 {
                if flags & (1 << bit) != 0 {
                    out.push(feature2(template::CLASS_AT, d as u64, bit));
                }
            }
            if let Some((label, position)) = self.lexicon_names[k] {
                let label = hash_str(label.as_str());
                if d == 0 {
                    out.push(feature2(template::LEXICON_NAME, label, position as u64));
                } else {
                    out.push(feature2(template::LEXICON_NAME_AT, d as u64, label));
                }
            }
        }
        if t.sentence_start {
            out.push(feature(template::SENTENCE_START, s));
        }
        if t.title_case {
            out.push(feature(template::HEADLINE, s));
            out.push(feature(template::WORD_HEADLINE, w));
        }
        let capitalised = t.shape == Shape::Capitalised;
        if capitalised {
            let casing = self.casing.get(folded).copied().unwrap_or_default();
            let untelling = !telling(f, i) || is_all_caps(text);
            out.push(feature2(
                template::DOC_CASING,
                untelling as u64,
                casing.code(),
            ));
            if untelling && casing.mostly_lower() {
                out.push(feature2(template::DOC_CASING_WORD_SHAPE, 1, s));
            }
        }
        if let Some((c, position)) = self.evidence[i] {
            let label = hash_str(c.label.as_str());
            out.push(feature3(
                template::RULE,
                label,
                hash_str(c.source.as_str()),
                position as u64,
            ));
            out.push(feature2(template::RULE_LABEL, label, position as u64));
        }
        if capitalised && self.surnames.contains(folded) {
            let in_full_name = self.evidence[i]
                .is_some_and(|(c, _)| c.label == Label::Person && c.end - c.first >= 2);
            out.push(feature(template::RULE_SURNAME, in_full_name as u64));
        }
        let (len, place) = self.runs[i];
        out.push(feature2(template::CAPITAL_RUN, len as u64, place as u64));
    }
}

/// Every token's static features of one document, computed once.
pub struct Cached {
    tokens: Tokens,
    hashes: Vec<u64>,
    starts: Vec<u32>,
}

impl StaticFeatures for Cached {
    fn tokens(&self) -> &Tokens {
        &self.tokens
    }

    fn push(&self, i: usize, out: &mut Vec<u64>) {
        out.extend_from_slice(&self.hashes[self.starts[i] as usize..self.starts[i + 1] as usize]);
    }
}

/// Token `k`'s place in a name over `first..end`.
fn position_in(k: usize, first: usize, end: usize) -> Position {
    match (k - first, end - first) {
        (_, 1) => Position::Unit,
        (0, _) => Position::Begin,
        (j, len) if j + 1 == len => Position::Last,
        _ => Position::Inside,
    }
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'c'
    } else {
        c
    }
}

/// `Xxxx` → `Xx`-style into `out`: upper `X`, lower `x`, digit `d`, other letters `c`, the
/// rest as is; runs longer than `max_run` cut to `max_run`.
pub fn shape_into(s: &str, max_run: usize, out: &mut String) {
    out.clear();
    let (mut last, mut run) = ('\0', 0);
    for m in s.chars().map(shape_char) {
        if m == last {
            run += 1;
            if run >= max_run {
                continue;
            }
        } else {
            (last, run) = (m, 0);
        }
        out.push(m);
    }
}

/// The hash of the shape with every run cut to one (`Xx`, `X.X.`), without building it.
fn short_shape_hash(s: &str) -> u64 {
    let mut buf = [0u8; 32];
    let mut len = 0;
    let mut last = '\0';
    for m in s.chars().map(shape_char) {
        if m == last {
            continue;
        }
        last = m;
        let mut tmp = [0u8; 4];
        let bytes = m.encode_utf8(&mut tmp).as_bytes();
        if len + bytes.len() > buf.len() {
            break;
        }
        buf[len..len + bytes.len()].copy_from_slice(bytes);
        len += bytes.len();
    }
    hash_bytes(&buf[..len])
}

/// The rules' best candidate over each token (highest priority, then longest), with the
/// token's place in it.
fn rule_evidence(n: usize, rules: &[Candidate]) -> Vec<Option<(&Candidate, Position)>> {
    let mut out: Vec<Option<(&Candidate, Position)>> = vec![None; n];
    for c in rules.iter().filter(|c| c.first < c.end && c.end <= n) {
        for (k, slot) in (c.first..).zip(&mut out[c.first..c.end]) {
            let better = slot
                .is_none_or(|(b, _)| (c.priority, c.end - c.first) > (b.priority, b.end - b.first));
            if better {
                *slot = Some((c, position_in(k, c.first, c.end)));
            }
        }
    }
    out
}

/// The length of the run of capitalised words each token sits in (0 outside one) and its
/// place in it. Runs stop at sentence starts, so a capitalised opening word stands alone.
fn capital_runs(f: &Features) -> Vec<(u8, u8)> {
    let mut out = vec![(0u8, 0u8); f.len()];
    let mut i = 0;
    while i < f.len() {
        if f.tokens[i].shape != Shape::Capitalised {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < f.len()
            && f.tokens[end].shape == Shape::Capitalised
            && !f.tokens[end].sentence_start
        {
            end += 1;
        }
        let len = (end - i).min(5) as u8;
        for (k, slot) in out[i..end].iter_mut().enumerate() {
            *slot = (len, k.min(4) as u8);
        }
        i = end;
    }
    out
}

/// Prefixes of 1-3 and suffixes of 1-4 characters of words of three characters or more.
fn affixes(folded: &str, out: &mut Vec<u64>) {
    let bounds: Vec<usize> = folded.char_indices().map(|(b, _)| b).collect();
    let chars = bounds.len();
    if chars < 3 {
        return;
    }
    // One to three characters, never the whole word.
    for (k, &end) in bounds.iter().enumerate().take(4).skip(1) {
        let prefix = &folded.as_bytes()[..end];
        out.push(feature2(template::PREFIX, k as u64, hash_bytes(prefix)));
    }
    for k in 1..=4.min(chars - 1) {
        let suffix = &folded.as_bytes()[bounds[chars - k]..];
        out.push(feature2(template::SUFFIX, k as u64, hash_bytes(suffix)));
    }
}

/// The features that depend on the tags already chosen: `prev` and `prev2` are the tags of
/// the two tokens before; `history` what this word was tagged earlier in the document.
pub fn dynamic(
    t: &Tokens,
    i: usize,
    prev: Tag,
    prev2: Tag,
    history: Option<u64>,
    out: &mut Vec<u64>,
) {
    let (p1, p2) = (prev.class() as u64, prev2.class() as u64);
    out.push(feature(template::PREV_TAG, p1));
    out.push(feature2(template::PREV_TAGS, p2, p1));
    out.push(feature2(template::PREV_TAG_WORD, p1, t.word[i]));
    out.push(feature2(template::PREV_TAG_SHAPE, p1, t.shape[i]));
    if let Some(h) = history {
        out.push(feature(template::HISTORY, h));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(s: &str, max_run: usize) -> String {
        let mut out = String::new();
        shape_into(s, max_run, &mut out);
        out
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Zelensky", 2), "Xxx");
        assert_eq!(shape("Zelensky", 1), "Xx");
        assert_eq!(short_shape_hash("Zelensky"), hash_str("Xx"));
        assert_eq!(short_shape_hash("U.S."), hash_str("X.X."));
        assert_eq!(shape("U.S.", 2), "X.X.");
        assert_eq!(shape("1996-08-22", 2), "dd-dd-dd");
        assert_eq!(shape("McDonald", 2), "XxXxx");
        assert_eq!(shape("北京", 2), "cc");
        assert_eq!(shape("", 2), "");
    }

    #[test]
    fn affixes_cut_at_characters() {
        let mut got = Vec::new();
        affixes("kyïv", &mut got);
        let mut want = Vec::new();
        for p in ["k", "ky", "kyï"] {
            want.push(feature2(
                template::PREFIX,
                p.chars().count() as u64,
                hash_str(p),
            ));
        }
        for s in ["v", "ïv", "yïv"] {
            want.push(feature2(
                template::SUFFIX,
                s.chars().count() as u64,
                hash_str(s),
            ));
        }
        assert_eq!(got, want);
        got.clear();
        affixes("us", &mut got);
        assert!(got.is_empty());
    }
}
