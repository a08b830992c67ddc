//! The syntax models of the built-in languages: compiled in, read the first time a corpus
//! asks for them, once per process.

use std::sync::OnceLock;

use crate::syntax::lemma::Lemmatizer;
use crate::syntax::model::{Models, Syntax};

/// A language has no tagger and parser (only the built-in English has them today).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoSyntaxModel {
    /// The language's name.
    pub language: String,
}

impl std::fmt::Display for NoSyntaxModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "language {:?} has no syntax model (part-of-speech tags, lemmas and dependencies \
             are available for built-in English only)",
            self.language
        )
    }
}

impl std::error::Error for NoSyntaxModel {}

/// The loader of built-in language `folder`'s models, if it has any.
pub(crate) fn built_in(folder: &str) -> Option<fn() -> &'static Syntax> {
    match folder {
        "en" => Some(english),
        _ => None,
    }
}

/// The English models shipped in `en/syntax/`.
fn english() -> &'static Syntax {
    static ENGLISH: OnceLock<Syntax> = OnceLock::new();
    ENGLISH.get_or_init(|| Syntax {
        models: Models::from_bytes(include_bytes!("en/syntax/syntax.model"))
            .expect("the shipped syntax model reads (pinned by tests)"),
        // The hand list comes last: its entries override the learned ones.
        lemmatizer: Lemmatizer::from_text(
            concat!(
                include_str!("en/syntax/lemma_exceptions.txt"),
                include_str!("en/syntax/lemma_hand.txt")
            ),
            include_str!("en/syntax/lemma_rules.txt"),
        )
        .expect("the shipped lemma files read (pinned by tests)")
        .with_known(include_str!("en/syntax/lemma_known.txt"))
        .with_known(include_str!("en/syntax/lemma_verbs.txt")),
    })
}
