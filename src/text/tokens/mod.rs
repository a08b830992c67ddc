//! The tokenizer: text → `Token`s (byte spans with a kind), spaCy-style but hand-written.
//!
//! # Contract
//! Every non-whitespace character (`char::is_whitespace`; NBSP and U+2028 are whitespace,
//! zero-width characters are not) lies in exactly one token; tokens never contain whitespace,
//! are sorted, non-overlapping, on char boundaries. Any input is accepted, nothing panics.
//!
//! # How it works
//! One left-to-right pass over the bytes (`scanner.rs`). spaCy splits a whitespace chunk by
//! peeling prefixes and suffixes and cutting infixes, after checking special cases and token
//! matches; this scanner makes the same decisions in one pass, each at the character where
//! it arises, and records which rule fired (see [`explain`]). Rule names in `explain`:
//!
//! * **Token matches** (`match:*`, taken whole, never split): `url` (`https://…`, `http://…`,
//!   `ftp://…`, `www.…`; trailing `.,;:!?'*` and unbalanced `)]}` are given back to the
//!   sentence), `domain` (`bbc.co.uk`, `aljazeera.com/news`: dotted ASCII ending in a known
//!   TLD), `email` (`name@host.tld`), `hashtag` (`#Kherson`, not `#1`), `mention` (`@handle`),
//!   `emoji` (one cluster: ZWJ sequences, skin tones, variation selectors, flags, keycaps).
//! * **Words and numbers** (`word`, `number`): letters, digits and combining marks (any
//!   script: `Stremoúsov` is one word), joined across a mark only where it sits inside a
//!   word: `.` between digits (`1.5`) or letters (`U.S`, `a.m`, but not before a capitalised
//!   word: `kyiv.Ukraine` is a missing space and splits); `,` `:` `/` between digits
//!   (`1,600`, `10:30`, `07/29/2024`); `-` before a digit (`2022-11-08`, `TB-2`, `COVID-19`);
//!   `_` inside; `&` between capitals (`AT&T`); an apostrophe before letters that are not a
//!   clitic (`O’Brien`, `Kam’yanka`). A token is a number when it starts with a digit and has
//!   letters only as a suffix (`155th`, `1.5bn`, `10km`); letters then digits again make it a
//!   word (`87990cbe856818d5…`, a hash, stays one token).
//! * **Special cases** (`special:*`): a word keeps the period after it when it is listed in
//!   the language's `text/abbreviations.txt` or `text/title_abbreviations.txt` (`Gen.`,
//!   `Feb.`, `St.`, `Inc.`), is a single capital (`O.`, an
//!   initial), or is a dotted acronym of single letters (`U.S.`, `a.m.`, `e.g.`). Otherwise the
//!   period is its own token (`suffix:period`), also at the very end of the text. A decade
//!   with an elided century is one number (`’90s`, `'22`: `special:decade`), not a quote. A sentence
//!   ending in an initial or a listed abbreviation keeps its period inside that token (as in
//!   spaCy); the sentence splitter decides.
//! * **Suffixes**: clitics split at the apostrophe (`suffix:clitic`): `Ukraine’s` → `Ukraine`
//!   `’s`, `didn’t` → `didn` `’t`, also `’re` `’ve` `’ll` `’d` `’m`, any case, straight or
//!   curly apostrophe, also after a kept period (`U.S.’s`). `%` and closing punctuation are separate tokens (`15%` → `15` `%`).
//! * **Prefixes**: opening punctuation, quotes and currency signs are separate tokens
//!   (`€5` → `€` `5`, `$1.5bn` → `$` `1.5bn`, `(AP` → `(` `AP`).
//! * **Quotes** (kind `quote`): `"` `“` `”` `„` `«` `»` `‹` `›` `‘` `‚` always; `'` and `’` by
//!   context. Between letters they are apostrophes (joined or clitic, above). Before a word
//!   and not after one they open a single quote (`quote:open`). In closing position they close
//!   an open single quote (`‘Ukrainian Nazis’`, `quote:close`); with no quote open on the line
//!   a `'`/`’` after `s` is a possessive apostrophe (kind punct, `suffix:possessive`:
//!   `persons'` → `persons` `'`), anything else a closing quote. Open quotes are forgotten at
//!   each line break, so one stray quote cannot mislead a whole document.
//! * **Infixes and punctuation**: hyphen policy, spaCy's: a hyphen between letters splits
//!   (`Russian-installed` → `Russian` `-` `installed`, `17-year-old` → `17` `-` `year` `-` `old`,
//!   `infix:hyphen`); before a digit it stays inside (`TB-2`, `2022-11-08`, and ranges like
//!   `10-15`). `--` and the en/em dashes (`–` `—`) are always their own token (`dash`), a run of
//!   them one token; so is `/` between letters (`Reuters/Alexander`). `...` (any run of
//!   periods) and `…` are one `ellipsis` token. Other punctuation is one token per character.
//! * **Everything else**: symbols one per character (`€ $ % © + = <`, kind `symbol`), runs of
//!   control characters one `control` token (kind symbol). Invisible characters (ZWSP, ZWJ,
//!   soft hyphen, BOM, bidi marks, variation selectors, combining marks) glue onto the token
//!   before them (inside a word they keep it whole: `Kher\u{200B}son` is one token); with
//!   nothing before them they form an `invisible` token (kind symbol) of their own.
//!
//! Non-ASCII characters are classified without Unicode property tables beyond std (see
//! `chars.rs`): emoji and combining-mark ranges are hand-kept and approximate for rare
//! scripts (an unlisted mark becomes a symbol token rather than joining its word).

mod chars;
mod kinds;
mod matchers;
mod scanner;
pub(crate) mod special;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use kinds::{Token, TokenKind};

use crate::lang::Language;

/// Tokens of `text`, in order. Offsets are bytes into `text`. `language` gives the special
/// cases (abbreviations).
pub fn tokenize(text: &str, language: &Language) -> Vec<Token> {
    tokenize_with(text, &language.abbreviations)
}

/// `tokenize` with the special cases given directly (for stages that keep only these).
pub(crate) fn tokenize_with(text: &str, abbreviations: &special::Abbreviations) -> Vec<Token> {
    // Typical news text has one token per ~5 bytes; over-reserving beats regrowing.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    scanner::scan(text, abbreviations, &mut tokens);
    // The layer keeps its tokens for the corpus's lifetime: give back the spare quarter.
    tokens.shrink_to_fit();
    tokens
}

/// Each token of `text` with the name of the rule that produced it (spaCy's
/// `tokenizer.explain`). The same scanner as `tokenize`: the tokens are identical.
pub fn explain(text: &str, language: &Language) -> Vec<(String, Token)> {
    let mut explained = Vec::new();
    scanner::scan(text, &language.abbreviations, &mut explained);
    explained
        .into_iter()
        .map(|(rule, token): (kinds::Rule, Token)| (rule.name().to_string(), token))
        .collect()
}

/// `tokenize` with the English lists, for tests.
#[cfg(test)]
pub(crate) fn tokenize_en(text: &str) -> Vec<Token> {
    tokenize(text, Language::english())
}
