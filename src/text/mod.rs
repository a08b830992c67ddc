//! The text stage: from raw bytes to tokens, boilerplate spans and sentences.

pub mod boilerplate;
pub mod decode;
pub(crate) mod files;
pub mod index;
pub mod interned;
pub(crate) mod metadata;
pub(crate) mod offsets;
#[cfg(test)]
pub(crate) mod sample;
pub mod sentences;
pub mod tokens;

use crate::lang::Language;

/// Everything the text stage knows about one document. Offsets are byte offsets into
/// `Document::text`; conversion to code points happens once, at the Python boundary.
#[derive(Debug, Clone, Default)]
pub struct TextLayer {
    /// Every token, in order.
    pub tokens: Vec<tokens::Token>,
    /// Boilerplate spans, in order.
    pub boilerplate: Vec<boilerplate::Boilerplate>,
    /// Sentences, in order, covering every token.
    pub sentences: Vec<sentences::Sentence>,
}

impl TextLayer {
    /// The text stage on one document, with `language`'s lists.
    pub fn analyse(text: &str, body_start: usize, language: &Language) -> TextLayer {
        let tokens = tokens::tokenize(text, language);
        let boilerplate = boilerplate::detect(text, body_start, language);
        let sentences = sentences::split(text, &tokens, &boilerplate, language);
        TextLayer {
            tokens,
            boilerplate,
            sentences,
        }
    }
}
