//! The text stage: from raw bytes to tokens, boilerplate spans and sentences.

pub mod boilerplate;
pub mod decode;
pub mod files;
pub mod metadata;
pub mod offsets;
#[cfg(test)]
pub(crate) mod sample;
pub mod sentences;
pub mod tokens;

/// Everything the text stage knows about one document. Offsets are byte offsets into
/// `Document::text`; conversion to code points happens once, at the Python boundary.
#[derive(Debug, Clone, Default)]
pub struct TextLayer {
    pub tokens: Vec<tokens::Token>,
    pub boilerplate: Vec<boilerplate::Boilerplate>,
    pub sentences: Vec<sentences::Sentence>,
}

impl TextLayer {
    pub fn analyse(text: &str, body_start: usize) -> TextLayer {
        let tokens = tokens::tokenize(text);
        let boilerplate = boilerplate::detect(text, body_start);
        let sentences = sentences::split(text, &tokens, &boilerplate);
        TextLayer {
            tokens,
            boilerplate,
            sentences,
        }
    }
}
