//! Tokenizer. PLACEHOLDER: splits on whitespace and character class; to be replaced by the
//! rule-based tokenizer (prefix/suffix/infix rules, special cases, `explain`).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Quote,
    Symbol,
    Url,
    Email,
}

impl TokenKind {
    pub const ALL: [TokenKind; 7] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punct,
        TokenKind::Quote,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Quote => "quote",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
        }
    }
}

/// A token: `text[start..end]` in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token {
                start: s as u32,
                end: i as u32,
                kind: TokenKind::Word,
            });
        }
        if !c.is_whitespace() {
            out.push(Token {
                start: i as u32,
                end: (i + c.len_utf8()) as u32,
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s as u32,
            end: text.len() as u32,
            kind: TokenKind::Word,
        });
    }
    out
}
