//! The name model's features. Everything that does not depend on the tags already chosen is
//! computed once per document (`Static`); the decoder adds the rest (`dynamic`): the tags of
//! the two tokens before, and what the same word was tagged earlier in the document.
//!
//! Features are hashes of a template id and its values (`syntax::hashing`): the word, its
//! affixes and shape, the words and shapes around it, the lexicons' word classes and names
//! (`entities/lexicons`), how the document writes the word elsewhere (`document.rs`), and
//! the run of capitalised words it sits in. Part-of-speech tags join as one more template
//! once the syntax stage runs before the entities stage.

use std::collections::HashMap;

use crate::entities::candidate::Candidate;
use crate::entities::features::{Features, Shape};
use crate::entities::gazetteer::Match;
use crate::entities::label::Label;
use crate::entities::lexicon::Lexicon;
use crate::syntax::hashing::{feature, feature2, feature3, hash_str};
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

/// Per-document features, token by token, before any tag is chosen.
pub struct Static {
    hashes: Vec<u64>,
    starts: Vec<u32>,
    /// The folded word's hash, for the history and tag-word features.
    pub word: Vec<u64>,
    pub shape: Vec<u64>,
    /// A word whose earlier tagging in the document is worth remembering: capitalised.
    pub remembered: Vec<bool>,
}

impl Static {
    pub fn len(&self) -> usize {
        self.word.len()
    }

    pub fn is_empty(&self) -> bool {
        self.word.is_empty()
    }

    pub fn of(&self, i: usize) -> &[u64] {
        &self.hashes[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// `Xxxx` → `Xx`-style: upper `X`, lower `x`, digit `d`, other letters `c`, the rest as is;
/// runs longer than `max_run` cut to `max_run`.
pub fn shape(s: &str, max_run: usize) -> String {
    let mut out = String::with_capacity(s.len().min(16));
    let (mut last, mut run) = ('\0', 0);
    for c in s.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'c'
        } else {
            c
        };
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
    out
}

/// Each token's place in the lexicon name that covers it.
fn lexicon_names(n: usize, matches: &[Match], lexicon: &Lexicon) -> Vec<Option<(Label, Position)>> {
    let mut out = vec![None; n];
    for m in matches {
        let label = lexicon.entries[m.entry as usize].label;
        for (k, slot) in out[m.first..m.end].iter_mut().enumerate() {
            let position = match (k, m.end - m.first) {
                (_, 1) => Position::Unit,
                (0, _) => Position::Begin,
                (k, len) if k + 1 == len => Position::Last,
                _ => Position::Inside,
            };
            *slot = Some((label, position));
        }
    }
    out
}

/// The rules' best candidate over each token (highest priority, then longest), with the
/// token's place in it.
fn rule_evidence(n: usize, rules: &[Candidate]) -> Vec<Option<(&Candidate, Position)>> {
    let mut out: Vec<Option<(&Candidate, Position)>> = vec![None; n];
    for c in rules.iter().filter(|c| c.first < c.end && c.end <= n) {
        for k in c.first..c.end {
            let better = out[k]
                .is_none_or(|(b, _)| (c.priority, c.end - c.first) > (b.priority, b.end - b.first));
            if better {
                let position = match (k - c.first, c.end - c.first) {
                    (_, 1) => Position::Unit,
                    (0, _) => Position::Begin,
                    (j, len) if j + 1 == len => Position::Last,
                    _ => Position::Inside,
                };
                out[k] = Some((c, position));
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

fn affixes(folded: &str, out: &mut Vec<u64>) {
    let chars: Vec<char> = folded.chars().collect();
    if chars.len() < 3 {
        return;
    }
    for k in 1..=3.min(chars.len() - 1) {
        out.push(feature2(
            template::PREFIX,
            k as u64,
            hash_str(&String::from_iter(&chars[..k])),
        ));
    }
    for k in 1..=4.min(chars.len() - 1) {
        let tail = String::from_iter(&chars[chars.len() - k..]);
        out.push(feature2(template::SUFFIX, k as u64, hash_str(&tail)));
    }
}

/// Every static feature of every token of one document; `rules` are the other sources'
/// candidates (`tagger::rule_candidates`).
pub fn extract(f: &Features, lexicon: &Lexicon, matches: &[Match], rules: &[Candidate]) -> Static {
    let n = f.len();
    let words: Vec<u64> = (0..n).map(|i| hash_str(f.folded(i))).collect();
    let shapes: Vec<u64> = (0..n).map(|i| hash_str(&shape(f.text_of(i), 2))).collect();
    let names = lexicon_names(n, matches, lexicon);
    let runs = capital_runs(f);
    let doc_casing: HashMap<&str, Casing> = casings(f);
    let evidence = rule_evidence(n, rules);
    let surnames = person_surnames(f, rules);
    const NONE: u64 = 0x5eed;
    let word_at = |k: isize| -> u64 {
        usize::try_from(k)
            .ok()
            .and_then(|k| words.get(k))
            .copied()
            .unwrap_or(NONE)
    };
    let shape_at = |k: isize| -> u64 {
        usize::try_from(k)
            .ok()
            .and_then(|k| shapes.get(k))
            .copied()
            .unwrap_or(NONE)
    };
    let mut hashes = Vec::with_capacity(n * 40);
    let mut starts = Vec::with_capacity(n + 1);
    let mut remembered = Vec::with_capacity(n);
    for i in 0..n {
        starts.push(hashes.len() as u32);
        let t = &f.tokens[i];
        let text = f.text_of(i);
        let folded = f.folded(i);
        let (w, s) = (words[i], shapes[i]);
        let at = i as isize;
        let out = &mut hashes;
        out.push(feature(template::BIAS, 0));
        out.push(feature(template::WORD, w));
        out.push(feature(template::FORM, hash_str(text)));
        out.push(feature(template::SHAPE, s));
        out.push(feature(template::SHORT_SHAPE, hash_str(&shape(text, 1))));
        if t.kind == TokenKind::Word {
            affixes(folded, out);
        }
        for d in [-2isize, -1, 1, 2] {
            out.push(feature2(template::WORD_AT, d as u64, word_at(at + d)));
            out.push(feature2(template::SHAPE_AT, d as u64, shape_at(at + d)));
        }
        out.push(feature2(template::BIGRAM_BEFORE, word_at(at - 1), w));
        out.push(feature2(template::BIGRAM_AFTER, w, word_at(at + 1)));
        out.push(feature3(
            template::SHAPES_AROUND,
            shape_at(at - 1),
            s,
            shape_at(at + 1),
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
            if let Some((label, position)) = names[k] {
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
            let casing = doc_casing.get(folded).copied().unwrap_or_default();
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
        if let Some((c, position)) = evidence[i] {
            let label = hash_str(c.label.as_str());
            out.push(feature3(
                template::RULE,
                label,
                hash_str(c.source.as_str()),
                position as u64,
            ));
            out.push(feature2(template::RULE_LABEL, label, position as u64));
        }
        if capitalised && surnames.contains(folded) {
            let in_full_name =
                evidence[i].is_some_and(|(c, _)| c.label == Label::Person && c.end - c.first >= 2);
            out.push(feature(template::RULE_SURNAME, in_full_name as u64));
        }
        let (len, place) = runs[i];
        out.push(feature2(template::CAPITAL_RUN, len as u64, place as u64));
        remembered.push(capitalised && t.kind == TokenKind::Word);
    }
    starts.push(hashes.len() as u32);
    Static {
        hashes,
        starts,
        word: words,
        shape: shapes,
        remembered,
    }
}

/// The features that depend on the tags already chosen: `prev` and `prev2` are the tags of
/// the two tokens before; `history` what this word was tagged earlier in the document.
pub fn dynamic(
    s: &Static,
    i: usize,
    prev: Tag,
    prev2: Tag,
    history: Option<u64>,
    out: &mut Vec<u64>,
) {
    let (p1, p2) = (prev.class() as u64, prev2.class() as u64);
    out.push(feature(template::PREV_TAG, p1));
    out.push(feature2(template::PREV_TAGS, p2, p1));
    out.push(feature2(template::PREV_TAG_WORD, p1, s.word[i]));
    out.push(feature2(template::PREV_TAG_SHAPE, p1, s.shape[i]));
    if let Some(h) = history {
        out.push(feature(template::HISTORY, h));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Zelensky", 2), "Xxx");
        assert_eq!(shape("Zelensky", 1), "Xx");
        assert_eq!(shape("U.S.", 2), "X.X.");
        assert_eq!(shape("1996-08-22", 2), "dd-dd-dd");
        assert_eq!(shape("McDonald", 2), "XxXxx");
        assert_eq!(shape("北京", 2), "cc");
        assert_eq!(shape("", 2), "");
    }
}
