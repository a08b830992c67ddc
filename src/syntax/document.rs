//! Syntax for a whole document: every token, sentence by sentence as crosswire split them,
//! boilerplate included (analysts read captions; later stages still skip it).

use super::lemma::Lemmatizer;
use super::model::{Models, Syntax};
use super::words::TokenInput;
use crate::text::sentences::Sentence;
use crate::text::tokens::Token;
use std::sync::OnceLock;

/// The syntax of one document token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSyntax<'m> {
    /// Universal POS tag.
    pub pos: &'m str,
    /// Penn Treebank tag.
    pub tag: &'m str,
    /// Lemma (proper nouns as written, other words in lower case).
    pub lemma: String,
    /// Index of the head token in the document; a sentence's root is its own head (as in
    /// spaCy). Always a token of the same sentence.
    pub head: u32,
    /// UD relation; `root` for a sentence's root.
    pub dep: &'m str,
}

/// The English models shipped in `src/lang/en/syntax/`, loaded once per process.
pub fn english() -> &'static Syntax {
    static ENGLISH: OnceLock<Syntax> = OnceLock::new();
    ENGLISH.get_or_init(|| Syntax {
        models: Models::from_bytes(include_bytes!("../lang/en/syntax/syntax.model"))
            .expect("the shipped syntax model reads (pinned by tests)"),
        // The hand list comes last: its entries override the learned ones.
        lemmatizer: Lemmatizer::from_text(
            concat!(
                include_str!("../lang/en/syntax/lemma_exceptions.txt"),
                include_str!("../lang/en/syntax/lemma_hand.txt")
            ),
            include_str!("../lang/en/syntax/lemma_rules.txt"),
        )
        .expect("the shipped lemma files read (pinned by tests)"),
    })
}

/// Tags and parses every token of a document. `tokens` and `sentences` are the text
/// stage's; a token outside every sentence (which that stage never produces) is parsed as
/// part of a sentence of its own, so the result always covers every token.
pub fn analyse<'m>(
    syntax: &'m Syntax,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<TokenSyntax<'m>> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut next = 0;
    for sentence in sentences {
        let before = next + tokens[next..].partition_point(|t| t.start < sentence.start);
        if before > next {
            analyse_run(syntax, text, tokens, next..before, &mut out);
        }
        let end = before + tokens[before..].partition_point(|t| t.end <= sentence.end);
        analyse_run(syntax, text, tokens, before..end, &mut out);
        next = end;
    }
    if next < tokens.len() {
        analyse_run(syntax, text, tokens, next..tokens.len(), &mut out);
    }
    out
}

fn analyse_run<'m>(
    syntax: &'m Syntax,
    text: &str,
    tokens: &[Token],
    run: std::ops::Range<usize>,
    out: &mut Vec<TokenSyntax<'m>>,
) {
    if run.is_empty() {
        return;
    }
    let inputs: Vec<TokenInput> = tokens[run.clone()]
        .iter()
        .map(|t| TokenInput {
            form: text.get(t.start as usize..t.end as usize).unwrap_or(""),
            kind: t.kind,
        })
        .collect();
    for (i, a) in syntax.analyse(&inputs).into_iter().enumerate() {
        out.push(TokenSyntax {
            pos: a.pos,
            tag: a.tag,
            lemma: a.lemma,
            head: (run.start + a.head.unwrap_or(i)) as u32,
            dep: a.dep,
        });
    }
}
