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
mod lexicon;
#[cfg(test)]
mod tests;

use super::boilerplate::Boilerplate;
use super::tokens::Token;

/// A sentence, `text[start..end]` in bytes, from its first token to its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: u32,
    pub end: u32,
    /// The sentence lies inside boilerplate; later stages skip it.
    pub boilerplate: bool,
}

pub fn split(text: &str, tokens: &[Token], boilerplate: &[Boilerplate]) -> Vec<Sentence> {
    let regions = regions(tokens, boilerplate);
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut first = 0;
    for i in 0..tokens.len() {
        let last_of_sentence = match tokens.get(i + 1) {
            None => true,
            Some(next) => {
                regions[i] != regions[i + 1]
                    || has_line_break(text, tokens[i].end, next.start)
                    || ends::ends_after(text, tokens, i)
            }
        };
        if last_of_sentence {
            out.push(Sentence {
                start: tokens[first].start,
                end: tokens[i].end,
                boilerplate: regions[i].is_some(),
            });
            first = i + 1;
        }
    }
    out
}

/// For each token, the index of the boilerplate span it overlaps, if any. One merge pass:
/// both lists are sorted.
fn regions(tokens: &[Token], boilerplate: &[Boilerplate]) -> Vec<Option<usize>> {
    let mut span = 0;
    tokens
        .iter()
        .map(|t| {
            while boilerplate.get(span).is_some_and(|b| b.end <= t.start) {
                span += 1;
            }
            boilerplate
                .get(span)
                .filter(|b| b.start < t.end)
                .map(|_| span)
        })
        .collect()
}

/// The gap between two tokens is whitespace; does it hold a line break?
fn has_line_break(text: &str, from: u32, to: u32) -> bool {
    text.get(from as usize..to as usize)
        .is_some_and(|gap| gap.chars().any(is_line_break))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}
