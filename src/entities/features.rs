//! What the entity rules need to know about each token of one document, computed once:
//! its folded text, word classes, gazetteer word id, shape and position.

use crate::text::boilerplate::{Boilerplate, BoilerplateCursor};
use crate::text::sentences::Sentence;
use crate::text::tokens::{Token, TokenKind};

use super::lexicon::Lexicon;
use super::normalize::fold_into;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `Kyiv`, `KYIV`, `O.`: starts with an upper-case letter.
    Capitalised,
    /// `kyiv`, `al`: starts with a lower-case letter.
    Lower,
    /// Numbers, punctuation, symbols.
    Other,
}

/// A market's instrument code after a company's name (`MSFT.O`, `CMCSA.O`, `VOD.L`): a
/// symbol, not a word of the name, though written in capitals.
fn is_instrument_code(s: &str) -> bool {
    let Some((symbol, market)) = s.split_once('.') else {
        return false;
    };
    let upper = |p: &str| {
        p.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    (2..=6).contains(&symbol.len())
        && upper(symbol)
        && symbol.chars().any(|c| c.is_ascii_uppercase())
        && (1..=2).contains(&market.len())
        && market.chars().all(|c| c.is_ascii_uppercase())
}

#[derive(Debug, Clone)]
pub struct TokenInfo {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    pub shape: Shape,
    /// Word-class flags (see `lexicon::class`).
    pub flags: u32,
    /// The gazetteer's id for this token's folded text, if any entry uses it.
    pub word: Option<u32>,
    /// First word of its sentence (after any opening quotes or brackets).
    pub sentence_start: bool,
    /// Lies in boilerplate: no entity may use it.
    pub boilerplate: bool,
    /// Whitespace separates it from the token before.
    pub space_before: bool,
    /// In a sentence written in title case (a headline): capitals say little there.
    pub title_case: bool,
    /// Index into `Features::folded`.
    folded: (u32, u32),
}

pub struct Features<'a> {
    pub text: &'a str,
    pub tokens: Vec<TokenInfo>,
    folded: String,
}

impl<'a> Features<'a> {
    pub fn new(
        text: &'a str,
        tokens: &[Token],
        sentences: &[Sentence],
        boilerplate: &[Boilerplate],
        lexicon: &Lexicon,
    ) -> Features<'a> {
        let mut folded = String::with_capacity(text.len());
        let mut out = Vec::with_capacity(tokens.len());
        let mut sentence = 0;
        let mut in_boilerplate = BoilerplateCursor::new(boilerplate);
        let mut prev_end = 0u32;
        let mut at_sentence_start = true;
        for t in tokens {
            while sentence < sentences.len() && sentences[sentence].end <= t.start {
                sentence += 1;
            }
            let in_sentence = sentences.get(sentence);
            if in_sentence.is_some_and(|s| s.start == t.start) {
                at_sentence_start = true;
            }
            let boiler = in_boilerplate.overlapping(t.start, t.end).is_some()
                || in_sentence.is_some_and(|s| s.boilerplate && s.start <= t.start);
            let s = &text[t.start as usize..t.end as usize];
            let from = folded.len() as u32;
            fold_into(s, &mut folded);
            let key = &folded[from as usize..];
            let first = s.chars().next().unwrap_or(' ');
            let shape = if !matches!(t.kind, TokenKind::Word) || is_instrument_code(s) {
                Shape::Other
            } else if first.is_uppercase() {
                Shape::Capitalised
            } else if first.is_lowercase() {
                Shape::Lower
            } else {
                Shape::Other
            };
            let space_before = t.start > prev_end
                && text[prev_end as usize..t.start as usize]
                    .chars()
                    .any(char::is_whitespace);
            let is_word = matches!(t.kind, TokenKind::Word | TokenKind::Number);
            let newline_before =
                t.start > prev_end && text[prev_end as usize..t.start as usize].contains("\n\n");
            out.push(TokenInfo {
                start: t.start,
                end: t.end,
                kind: t.kind,
                shape,
                flags: lexicon.classes_of(key),
                word: lexicon.gazetteer.word_id(key),
                sentence_start: is_word && (at_sentence_start || newline_before),
                boilerplate: boiler,
                space_before,
                title_case: false,
                folded: (from, folded.len() as u32),
            });
            prev_end = t.end;
            if is_word {
                at_sentence_start = false;
            }
            // A sentence may end inside a line however the splitter cut it; not at the dot
            // of an initial or a title the tokenizer split off (`O` `.`, `Gen` `.`).
            if matches!(s, "." | "!" | "?") && !is_word {
                let abbreviation = s == "." && out.len() >= 2 && {
                    let p = &out[out.len() - 2];
                    let ptext = &text[p.start as usize..p.end as usize];
                    p.end == t.start
                        && (ptext.chars().count() == 1 && p.shape == Shape::Capitalised
                            || p.flags & super::lexicon::class::TITLE != 0)
                };
                at_sentence_start = !abbreviation;
            }
        }
        mark_title_case(text, sentences, &mut out);
        Features {
            text,
            tokens: out,
            folded,
        }
    }

    #[inline]
    pub fn folded(&self, i: usize) -> &str {
        let (a, b) = self.tokens[i].folded;
        &self.folded[a as usize..b as usize]
    }

    #[inline]
    pub fn text_of(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start as usize..t.end as usize]
    }

    #[inline]
    pub fn has(&self, i: usize, flag: u32) -> bool {
        self.tokens.get(i).is_some_and(|t| t.flags & flag != 0)
    }

    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.shape == Shape::Capitalised && !t.boilerplate)
    }

    /// The token is this exact punctuation/word text.
    #[inline]
    pub fn is(&self, i: usize, s: &str) -> bool {
        i < self.tokens.len() && self.text_of(i) == s
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

#[cfg(test)]
impl<'a> Features<'a> {
    /// The features of `text` read whole as one document, as the tagger sees it.
    pub fn of_text(text: &'a str, lexicon: &Lexicon) -> Features<'a> {
        let layer = crate::text::TextLayer::analyse(text, 0, crate::lang::Language::english());
        Features::new(
            text,
            &layer.tokens,
            &layer.sentences,
            &layer.boilerplate,
            lexicon,
        )
    }
}

/// Marks the tokens of sentences where most longer words are capitalised.
fn mark_title_case(text: &str, sentences: &[Sentence], tokens: &mut [TokenInfo]) {
    let mut k = 0;
    for s in sentences {
        while k < tokens.len() && tokens[k].start < s.start {
            k += 1;
        }
        let first = k;
        let (mut upper, mut lower) = (0, 0);
        while k < tokens.len() && tokens[k].end <= s.end {
            let t = &tokens[k];
            if text[t.start as usize..t.end as usize].chars().count() >= 4 {
                match t.shape {
                    Shape::Capitalised => upper += 1,
                    Shape::Lower => lower += 1,
                    Shape::Other => {}
                }
            }
            k += 1;
        }
        if upper >= 4 && upper > 2 * lower {
            tokens[first..k]
                .iter_mut()
                .for_each(|t| t.title_case = true);
        }
    }
}
