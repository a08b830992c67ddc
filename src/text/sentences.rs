//! Sentence splitting. PLACEHOLDER: one sentence per non-empty line.

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
    let _ = (tokens, boilerplate);
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            out.push(Sentence {
                start: start as u32,
                end: (start + trimmed.len()) as u32,
                boilerplate: false,
            });
        }
        pos += line.len();
    }
    out
}
