//! Tokens seen as words: lowercase text, capitalisation and the few closed word classes the
//! attribution rules need (determiners, pronouns, auxiliaries, time words, prepositions).

use super::lexicon::Lexicon;
use crate::text::tokens::{Token, TokenKind};

#[derive(Debug, Clone)]
pub struct Word<'t> {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    pub text: &'t str,
    pub lower: String,
    /// A time word of the language (`Monday`, `Nov.`, `yesterday`).
    pub time_word: bool,
    /// A word for the channel of a statement (`statement`, `briefing`).
    pub channel: bool,
}

impl<'t> Word<'t> {
    /// Token `t` of `text`, with the word classes `lexicon` gives it.
    pub fn new(text: &'t str, t: &Token, lexicon: &Lexicon) -> Word<'t> {
        let s = &text[t.start as usize..t.end as usize];
        let lower = s.to_lowercase();
        Word {
            start: t.start,
            end: t.end,
            kind: t.kind,
            text: s,
            time_word: lexicon.time_words.contains(lower.as_str()),
            channel: lexicon.trailers.contains(&lower),
            lower,
        }
    }

    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }

    pub fn is_any(&self, ws: &[&str]) -> bool {
        ws.contains(&self.lower.as_str())
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    pub fn is_capitalised(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == p
    }

    /// `,` `;` `:` `(` `)` and dashes: punctuation that ends a phrase.
    pub fn is_phrase_break(&self) -> bool {
        self.kind == TokenKind::Punct
            && matches!(
                self.text,
                "," | ";" | ":" | "(" | ")" | "–" | "—" | "--" | "[" | "]"
            )
    }

    pub fn is_terminal(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.text, "." | "!" | "?" | "…" | "...")
    }

    /// `’s` / `'s`: the possessive clitic.
    pub fn is_possessive(&self) -> bool {
        matches!(self.lower.as_str(), "’s" | "'s" | "'" | "’")
            && matches!(self.kind, TokenKind::Word | TokenKind::Punct)
    }
}

pub const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
    "such",
    "any",
    "no",
    "some",
    "many",
    "other",
    "earlier",
    "recent",
    "new",
    "latest",
    "previous",
    "conflicting",
    "several",
    "both",
    "all",
    "initial",
    "first",
];

/// Quantifiers that can stand for a group of sources (`Some argue`, `Many believe`).
pub const QUANTIFIERS: &[&str] = &["some", "many", "most", "few", "several", "others"];

pub const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

/// Words that may stand between a speaker and its reporting verb (`Kyiv has also said`).
pub const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "previously",
    "earlier",
    "later",
    "repeatedly",
    "again",
    "already",
    "then",
    "publicly",
    "officially",
    "separately",
    "further",
    "first",
    "would",
    "will",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "been",
    "reportedly",
    "allegedly",
    "apparently",
    "now",
    "once",
    "still",
    "yet",
    "not",
    "never",
    "n't",
    "’t",
    "'t",
    "flatly",
    "strongly",
    "firmly",
    "quickly",
    "swiftly",
    "immediately",
    "recently",
];

pub const PASSIVE_AUX: &[&str] = &["was", "were", "is", "are", "been", "be", "being"];

/// Time words besides the month and weekday names, which come from the shared calendar list.
pub(crate) const OTHER_TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "earlier",
    "later",
    "last",
    "this",
    "next",
    "late",
    "early",
    "recently",
    "on",
    "the",
    "past",
    "days",
    "weeks",
    "months",
    "hours",
    "day",
    "over",
    "in",
];

pub const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "during", "via", "through", "over", "to", "from", "with", "before", "after",
    "late", "early", "by",
];

/// Words that open a new clause: the left edge of a speaker phrase.
pub const CLAUSE_OPENERS: &[&str] = &[
    "that", "what", "while", "whereas", "but", "because", "although", "though", "as", "after",
    "before", "when", "where", "which", "who", "whom", "if", "since", "and", "or", "so", "yet",
    "unless", "until", "whether",
];

/// Sentence adverbs that may open a clause but are not part of a speaker.
pub const OPENING_ADVERBS: &[&str] = &[
    "but",
    "and",
    "however",
    "meanwhile",
    "still",
    "also",
    "yet",
    "moreover",
    "separately",
    "earlier",
    "later",
    "now",
    "then",
    "so",
    "instead",
    "indeed",
    "previously",
];

/// A time word, or a number that can be a day or a year (`Nov. 2, 2022`), not `50,000`.
pub fn is_time_like(w: &Word) -> bool {
    w.time_word
        || (w.kind == TokenKind::Number
            && w.text
                .parse::<u32>()
                .is_ok_and(|n| (1..=31).contains(&n) || (1900..=2100).contains(&n)))
}

/// Weekdays, months and the like: time words that can stand without a preposition
/// (`said Monday that`).
pub fn is_time_noun(w: &Word) -> bool {
    is_time_like(w)
        && !w.is_any(&[
            "on", "in", "over", "the", "late", "early", "earlier", "later",
        ])
}

/// The words of `text` with the English lists, for tests.
#[cfg(test)]
pub fn words_en(text: &str) -> Vec<Word<'_>> {
    let lexicon = &crate::lang::Language::english().claims;
    crate::text::tokens::tokenize_en(text)
        .iter()
        .map(|t| Word::new(text, t, lexicon))
        .collect()
}
