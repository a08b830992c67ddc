//! What a token is (`TokenKind`, the public contract) and which rule made it (`Rule`, for
//! `explain`).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and joined marks: `U.S`, `O’Brien`).
    Word,
    /// Starts with a digit (`1,600`, `155th`, `2022-11-08`).
    Number,
    /// Punctuation.
    Punct,
    /// A quotation mark.
    Quote,
    /// Any other symbol (`€`, `%`), and control or invisible characters.
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// One emoji cluster.
    Emoji,
    /// `#Kherson`.
    Hashtag,
    /// `@handle`.
    Mention,
}

impl TokenKind {
    /// Every kind, in declaration order (`kind as usize` indexes this array).
    pub const ALL: [TokenKind; 10] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punct,
        TokenKind::Quote,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Emoji,
        TokenKind::Hashtag,
        TokenKind::Mention,
    ];

    /// The kind's name in tables (`word`, `punct`).
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Quote => "quote",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Emoji => "emoji",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
        }
    }
}

/// A token: `text[start..end]` in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: u32,
    /// Byte after the last.
    pub end: u32,
    /// What the token is.
    pub kind: TokenKind,
}

/// The rule that produced a token. The names are what `explain` reports; the module doc
/// groups them the way spaCy does (special cases, token matches, prefixes/suffixes, infixes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    // plain tokens
    Word,
    Number,
    // special cases: a word that keeps its period
    Abbreviation,
    Initial,
    DottedAcronym,
    Decade,
    // token matches: whole patterns, never split
    Url,
    Domain,
    Email,
    Hashtag,
    Mention,
    Emoji,
    // suffixes
    Clitic,
    Possessive,
    Period,
    // quotes
    Quote,
    QuoteOpen,
    QuoteClose,
    // infixes and other punctuation
    Hyphen,
    Dash,
    Ellipsis,
    Punct,
    Symbol,
    Control,
    Invisible,
}

impl Rule {
    pub(super) fn name(self) -> &'static str {
        match self {
            Rule::Word => "word",
            Rule::Number => "number",
            Rule::Abbreviation => "special:abbreviation",
            Rule::Initial => "special:initial",
            Rule::DottedAcronym => "special:dotted_acronym",
            Rule::Decade => "special:decade",
            Rule::Url => "match:url",
            Rule::Domain => "match:domain",
            Rule::Email => "match:email",
            Rule::Hashtag => "match:hashtag",
            Rule::Mention => "match:mention",
            Rule::Emoji => "match:emoji",
            Rule::Clitic => "suffix:clitic",
            Rule::Possessive => "suffix:possessive",
            Rule::Period => "suffix:period",
            Rule::Quote => "quote",
            Rule::QuoteOpen => "quote:open",
            Rule::QuoteClose => "quote:close",
            Rule::Hyphen => "infix:hyphen",
            Rule::Dash => "dash",
            Rule::Ellipsis => "ellipsis",
            Rule::Punct => "punct",
            Rule::Symbol => "symbol",
            Rule::Control => "control",
            Rule::Invisible => "invisible",
        }
    }
}
