//! Sentence splitting over tokens.
//!
//! A sentence ends
//! - at every line break: scraped paragraphs are lines, with or without a blank line between
//!   them, and a headline or subhead without a final period is a sentence of its own;
//! - at every boilerplate edge: no sentence is partly boilerplate;
//! - inside a line, where `ends::ends_after` says so (final punctuation, not abbreviations).
//!
//! Contract: sentences are ordered and disjoint, every token lies in exactly one of them, each
//! starts at a token start and ends at a token end, none straddles a boilerplate edge, and
//! those inside boilerplate are flagged.

mod ends;
pub(crate) mod lexicon;
#[cfg(test)]
mod tests;

use super::boilerplate::{Boilerplate, BoilerplateCursor};
use super::tokens::Token;
pub(crate) use lexicon::SentenceWords;

use crate::lang::Language;

/// A sentence, `text[start..end]` in bytes, from its first token to its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte of its first token.
    pub start: u32,
    /// Byte after its last token.
    pub end: u32,
    /// The sentence lies inside boilerplate; later stages skip it.
    pub boilerplate: bool,
}

/// The sentences of `text`, from its tokens and boilerplate spans; `language` gives the
/// titles and sentence openers.
pub fn split(
    text: &str,
    tokens: &[Token],
    boilerplate: &[Boilerplate],
    language: &Language,
) -> Vec<Sentence> {
    let lex = &language.sentences;
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut regions = BoilerplateCursor::new(boilerplate);
    let mut first = 0;
    let Some(t) = tokens.first() else {
        return out;
    };
    let mut region = regions.overlapping(t.start, t.end);
    for i in 0..tokens.len() {
        let (last_of_sentence, next_region) = match tokens.get(i + 1) {
            None => (true, None),
            Some(next) => {
                let next_region = regions.overlapping(next.start, next.end);
                let ends = region != next_region
                    || has_line_break(text, tokens[i].end, next.start)
                    || ends::ends_after(text, tokens, i, lex);
                (ends, next_region)
            }
        };
        if last_of_sentence {
            out.push(Sentence {
                start: tokens[first].start,
                end: tokens[i].end,
                boilerplate: region.is_some(),
            });
            first = i + 1;
        }
        region = next_region;
    }
    out
}

/// The gap between two tokens is whitespace; does it hold a line break?
fn has_line_break(text: &str, from: u32, to: u32) -> bool {
    let Some(gap) = text.get(from as usize..to as usize) else {
        return false;
    };
    // Most gaps are one space: check ASCII bytes without decoding.
    if gap.is_ascii() {
        return gap
            .bytes()
            .any(|b| matches!(b, b'\n' | b'\r' | 0x0B | 0x0C));
    }
    gap.chars().any(is_line_break)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}
