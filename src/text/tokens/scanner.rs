//! The scanner: one left-to-right pass over the bytes, one token at a time, no backtracking
//! beyond a few bytes of lookahead, no allocation except the output vector. ASCII letters and
//! digits stay on a table-driven fast path; only non-ASCII characters are decoded.

use super::chars::{classify, Class, ASCII, KEYCAP};
use super::kinds::{Rule, Token, TokenKind};
use super::matchers;
use super::special::{self, Abbreviations, KeepsPeriod};

/// Where tokens go. `tokenize` keeps only the token; `explain` keeps the rule too. Both run
/// the same scanner (monomorphised, so the plain path pays nothing for explain).
pub(super) trait Sink {
    fn push(&mut self, token: Token, rule: Rule);
}

impl Sink for Vec<Token> {
    #[inline]
    fn push(&mut self, token: Token, _rule: Rule) {
        Vec::push(self, token);
    }
}

impl Sink for Vec<(Rule, Token)> {
    fn push(&mut self, token: Token, rule: Rule) {
        Vec::push(self, (rule, token));
    }
}

pub(super) fn scan<S: Sink>(text: &str, abbreviations: &Abbreviations, sink: &mut S) {
    // Offsets are u32 (the Token contract); longer texts are tokenized up to 4 GiB.
    let text = if text.len() > u32::MAX as usize {
        let mut cut = u32::MAX as usize;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        &text[..cut]
    } else {
        text
    };
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        sink,
        abbreviations,
        single_quote_open: false,
        word_end: usize::MAX,
    };
    scanner.run();
}

struct Scanner<'t, 's, S: Sink> {
    text: &'t str,
    bytes: &'t [u8],
    sink: &'s mut S,
    abbreviations: &'s Abbreviations,
    /// A single quote opened on this line (`‘Ukrainian Nazis’`): the next `’` in closing
    /// position closes it rather than being read as a possessive apostrophe.
    single_quote_open: bool,
    /// End of the last word or number: an apostrophe here follows a word.
    word_end: usize,
}

/// What stopped a word body.
struct Body {
    end: usize,
    /// A `.` was joined inside (`U.S`, `1.5`, `bbc.com`).
    has_dot: bool,
    /// A keycap mark was absorbed (`1️⃣`).
    keycap: bool,
    /// The body stopped at an apostrophe that starts a clitic ending here.
    clitic_end: Option<usize>,
}

impl<S: Sink> Scanner<'_, '_, S> {
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|rest| rest.chars().next())
    }

    /// Class of the character at `i`; the end of text counts as space.
    #[inline]
    fn class_at(&self, i: usize) -> Class {
        match self.bytes.get(i) {
            None => Class::Space,
            Some(&b) if b < 0x80 => ASCII[b as usize],
            Some(_) => self.char_at(i).map_or(Class::Space, classify),
        }
    }

    /// Byte length of the character at `i` (1 past the end).
    #[inline]
    fn len_at(&self, i: usize) -> usize {
        match self.bytes.get(i) {
            Some(&b) if b >= 0x80 => self.char_at(i).map_or(1, char::len_utf8),
            _ => 1,
        }
    }

    #[inline]
    fn emit(&mut self, start: usize, end: usize, kind: TokenKind, rule: Rule) -> usize {
        let token = Token {
            start: start as u32,
            end: end as u32,
            kind,
        };
        self.sink.push(token, rule);
        end
    }

    /// Emits a token that is not a word, with any extenders that follow it glued on.
    fn emit_glued(&mut self, start: usize, end: usize, kind: TokenKind, rule: Rule) -> usize {
        if self.bytes.get(end).is_some_and(|&b| b >= 0x80) {
            let (glued, keycap) = matchers::extenders(self.text, end);
            if keycap {
                return self.emit(start, glued, TokenKind::Emoji, Rule::Emoji);
            }
            return self.emit(start, glued, kind, rule);
        }
        self.emit(start, end, kind, rule)
    }

    fn run(&mut self) {
        let n = self.bytes.len();
        let mut i = 0;
        while i < n {
            let b = self.bytes[i];
            if b < 0x80 {
                let class = ASCII[b as usize];
                if class == Class::Space {
                    if b == b'\n' {
                        self.single_quote_open = false;
                    }
                    i += 1;
                } else {
                    i = self.token_at(i, class, 1);
                }
            } else {
                let Some(c) = self.char_at(i) else { break };
                let class = classify(c);
                if class == Class::Space {
                    if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                        self.single_quote_open = false;
                    }
                    i += c.len_utf8();
                } else {
                    i = self.token_at(i, class, c.len_utf8());
                }
            }
        }
    }

    /// Emits the token(s) starting at `i` (a non-space character of `class`, `len` bytes)
    /// and returns where the next token may start.
    fn token_at(&mut self, i: usize, class: Class, len: usize) -> usize {
        // Most tokens are words: a plain branch here predicts better than the jump table the
        // match below compiles to.
        if matches!(
            class,
            Class::Upper | Class::Lower | Class::Letter | Class::Digit
        ) {
            return self.word(i);
        }
        match class {
            Class::Upper | Class::Lower | Class::Letter | Class::Digit => self.word(i),
            Class::Apostrophe => self.apostrophe(i, len),
            Class::Quote => {
                if matches!(self.char_at(i), Some('‘' | '‚' | '‛')) {
                    self.single_quote_open = true;
                    return self.emit_glued(i, i + len, TokenKind::Quote, Rule::QuoteOpen);
                }
                self.emit_glued(i, i + len, TokenKind::Quote, Rule::Quote)
            }
            Class::Period => {
                let end = self.run_of(i, |b| b == b'.');
                let rule = if end - i > 1 {
                    Rule::Ellipsis
                } else {
                    Rule::Period
                };
                self.emit_glued(i, end, TokenKind::Punct, rule)
            }
            Class::Ellipsis => self.emit_glued(i, i + len, TokenKind::Punct, Rule::Ellipsis),
            Class::Hyphen => {
                // Unicode hyphens are several bytes long: step by characters, not bytes.
                let (mut end, mut count) = (i + len, 1);
                while self.class_at(end) == Class::Hyphen {
                    end += self.len_at(end);
                    count += 1;
                }
                let rule = if count > 1 {
                    Rule::Dash
                } else if i == self.word_end && self.class_at(end).is_word() {
                    Rule::Hyphen
                } else {
                    Rule::Punct
                };
                self.emit_glued(i, end, TokenKind::Punct, rule)
            }
            Class::Dash => {
                let mut end = i + len;
                while self.class_at(end) == Class::Dash {
                    end += self.len_at(end);
                }
                self.emit_glued(i, end, TokenKind::Punct, Rule::Dash)
            }
            Class::Punct => self.emit_glued(i, i + len, TokenKind::Punct, Rule::Punct),
            Class::Symbol => self.symbol(i, len),
            Class::Emoji => {
                let first = self.char_at(i).unwrap_or(' ');
                let end = matchers::emoji_cluster(self.text, i, first);
                self.emit(i, end, TokenKind::Emoji, Rule::Emoji)
            }
            Class::Control => {
                let mut end = i + len;
                while self.class_at(end) == Class::Control {
                    end += self.len_at(end);
                }
                self.emit_glued(i, end, TokenKind::Symbol, Rule::Control)
            }
            // Nothing before them to glue onto (start of text, after a space).
            Class::Extender => {
                let (end, keycap) = matchers::extenders(self.text, i);
                let (kind, rule) = if keycap {
                    (TokenKind::Emoji, Rule::Emoji)
                } else {
                    (TokenKind::Symbol, Rule::Invisible)
                };
                self.emit(i, end.max(i + len), kind, rule)
            }
            Class::Space => i + len,
        }
    }

    /// End of the run of ASCII bytes matching `same` that starts at `i`.
    fn run_of(&self, i: usize, same: impl Fn(u8) -> bool) -> usize {
        i + self.bytes[i..].iter().take_while(|&&b| same(b)).count()
    }

    fn symbol(&mut self, i: usize, len: usize) -> usize {
        match self.bytes[i] {
            b'#' => {
                if let Some(end) = matchers::hashtag(self.text, i) {
                    return self.emit(i, end, TokenKind::Hashtag, Rule::Hashtag);
                }
            }
            b'@' => {
                if let Some(end) = matchers::mention(self.bytes, i) {
                    return self.emit(i, end, TokenKind::Mention, Rule::Mention);
                }
            }
            _ => {}
        }
        self.emit_glued(i, i + len, TokenKind::Symbol, Rule::Symbol)
    }

    /// `'` or `’` that did not join a word: a quote, or a possessive apostrophe (`persons'`).
    fn apostrophe(&mut self, i: usize, len: usize) -> usize {
        let after_word = i == self.word_end;
        // After a word that kept its period: `U.S.’s`.
        if after_word && self.class_at(i + len).is_letter() {
            if let Some(end) = self.clitic_after(i + len) {
                self.word_end = end;
                return self.emit(i, end, TokenKind::Word, Rule::Clitic);
            }
        }
        if !after_word {
            if let Some(end) = self.decade_after(i + len) {
                return self.emit(i, end, TokenKind::Number, Rule::Decade);
            }
        }
        let opens = !after_word && self.class_at(i + len).is_word();
        if opens {
            self.single_quote_open = true;
            return self.emit_glued(i, i + len, TokenKind::Quote, Rule::QuoteOpen);
        }
        if self.single_quote_open {
            self.single_quote_open = false;
            return self.emit_glued(i, i + len, TokenKind::Quote, Rule::QuoteClose);
        }
        if after_word && i > 0 && matches!(self.bytes[i - 1], b's' | b'S') {
            return self.emit_glued(i, i + len, TokenKind::Punct, Rule::Possessive);
        }
        let rule = if after_word {
            Rule::QuoteClose
        } else {
            Rule::Quote
        };
        self.emit_glued(i, i + len, TokenKind::Quote, rule)
    }

    /// A word or number starting at `start`, with what may follow it glued on (a kept
    /// period) or split off (a clitic).
    fn word(&mut self, start: usize) -> usize {
        if matches!(self.bytes[start], b'h' | b'H' | b'w' | b'W' | b'f' | b'F') {
            if let Some(end) = matchers::url_with_scheme(self.text, start) {
                return self.emit(start, end, TokenKind::Url, Rule::Url);
            }
        }
        let body = self.body(start);
        let end = body.end;
        let stop = self.bytes.get(end).copied().unwrap_or(b' ');
        // Only when the address can go on: not at a sentence-final `.` or a word's end.
        let may_be_email = stop == b'@'
            || (matches!(stop, b'.' | b'_' | b'+' | b'-' | b'%')
                && self
                    .bytes
                    .get(end + 1)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'@'));
        if may_be_email {
            if let Some(email_end) = matchers::email(self.bytes, start) {
                return self.emit_glued(start, email_end, TokenKind::Email, Rule::Email);
            }
        }
        if body.has_dot && special::is_domain(&self.text[start..end]) {
            let url_end = if stop == b'/' {
                matchers::url_tail(self.text, start, end)
            } else {
                end
            };
            return self.emit(start, url_end, TokenKind::Url, Rule::Domain);
        }
        let (kind, rule) = if body.keycap {
            (TokenKind::Emoji, Rule::Emoji)
        } else if self.class_at(start) == Class::Digit
            && !letters_then_digits(&self.bytes[start..end])
        {
            (TokenKind::Number, Rule::Number)
        } else {
            (TokenKind::Word, Rule::Word)
        };
        // A period right after a word: part of it (special case) or a token of its own.
        // Not when it starts `..`/`...`: an ellipsis stays whole.
        if stop == b'.' && kind == TokenKind::Word && self.bytes.get(end + 1) != Some(&b'.') {
            if let Some(keeps) = special::keeps_period(&self.text[start..end], self.abbreviations) {
                let rule = match keeps {
                    KeepsPeriod::Abbreviation => Rule::Abbreviation,
                    KeepsPeriod::Initial => Rule::Initial,
                    KeepsPeriod::DottedAcronym => Rule::DottedAcronym,
                };
                let end = self.emit_glued(start, end + 1, TokenKind::Word, rule);
                self.word_end = end;
                return end;
            }
        }
        self.emit(start, end, kind, rule);
        self.word_end = end;
        if let Some(clitic_end) = body.clitic_end {
            self.emit(end, clitic_end, TokenKind::Word, Rule::Clitic);
            self.word_end = clitic_end;
            return clitic_end;
        }
        end
    }

    /// The longest word body from `start`: letters, digits and extenders, joined across
    /// `.` `,` `:` `/` `-` `_` `&` `'` `’` where the neighbours say the mark is inside a word.
    fn body(&self, start: usize) -> Body {
        let bytes = self.bytes;
        let mut body = Body {
            end: start,
            has_dot: false,
            keycap: false,
            clitic_end: None,
        };
        let mut i = start;
        let mut prev = Class::Space;
        while i < bytes.len() {
            // The hot path: a run of ASCII letters and digits.
            let run = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if run > 0 {
                i += run;
                prev = ASCII[bytes[i - 1] as usize];
                if i >= bytes.len() {
                    break;
                }
            }
            let b = bytes[i];
            if b < 0x80 {
                let class = ASCII[b as usize];
                let joins = match b {
                    b'.' => {
                        let joins = self.dot_joins(prev, i + 1);
                        body.has_dot |= joins;
                        joins
                    }
                    b',' | b':' | b'/' => {
                        prev == Class::Digit && self.class_at(i + 1) == Class::Digit
                    }
                    b'-' => self.class_at(i + 1) == Class::Digit,
                    b'_' => self.class_at(i + 1).is_word(),
                    b'&' => {
                        prev == Class::Upper && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                    }
                    b'\'' => match self.apostrophe_in_word(i, 1) {
                        Apostrophe::Joins => true,
                        Apostrophe::Clitic(end) => {
                            body.clitic_end = Some(end);
                            false
                        }
                        Apostrophe::Ends => false,
                    },
                    _ => false,
                };
                if !joins {
                    break;
                }
                prev = class;
                i += 1;
            } else {
                let Some(c) = self.char_at(i) else { break };
                let class = classify(c);
                if let Some(keycap_end) = self.keycap_after_digit(i, c) {
                    // `1️⃣` is an emoji of its own, even glued to a word.
                    if i - 1 == start {
                        body.keycap = true;
                        i = keycap_end;
                    } else {
                        i -= 1;
                    }
                    break;
                }
                if class.is_word() {
                    prev = class;
                    i += c.len_utf8();
                    continue;
                }
                if class != Class::Apostrophe {
                    break;
                }
                match self.apostrophe_in_word(i, c.len_utf8()) {
                    Apostrophe::Joins => {
                        prev = class;
                        i += c.len_utf8();
                    }
                    Apostrophe::Clitic(end) => {
                        body.clitic_end = Some(end);
                        break;
                    }
                    Apostrophe::Ends => break,
                }
            }
        }
        body.end = i;
        body
    }

    /// At `i` (char `c`), the rest of a keycap emoji whose digit is the byte before:
    /// `1` + U+FE0F? + U+20E3. Returns where the keycap ends.
    fn keycap_after_digit(&self, i: usize, c: char) -> Option<usize> {
        let digit_before = i
            .checked_sub(1)
            .and_then(|p| self.bytes.get(p))
            .is_some_and(u8::is_ascii_digit);
        if !matches!(c, '\u{FE0F}' | KEYCAP) || !digit_before {
            return None;
        }
        let mut end = i;
        if c == '\u{FE0F}' {
            end += c.len_utf8();
        }
        (self.char_at(end) == Some(KEYCAP)).then_some(end + KEYCAP.len_utf8())
    }

    /// A `.` joins digits (`1.5`) and letters (`U.S`, `a.m`, `bbc.com`), but not before a
    /// capitalised word (`kyiv.Ukraine`, `U.S.Army`): that is a missing space.
    fn dot_joins(&self, prev: Class, next_at: usize) -> bool {
        let next = self.class_at(next_at);
        if prev == Class::Digit {
            return next == Class::Digit;
        }
        if !(prev.is_letter() && next.is_letter()) {
            return false;
        }
        let after_next = next_at + self.len_at(next_at);
        !(next == Class::Upper && self.class_at(after_next) == Class::Lower)
    }

    /// An apostrophe at `i` (`len` bytes) with a word before it.
    fn apostrophe_in_word(&self, i: usize, len: usize) -> Apostrophe {
        if !self.class_at(i + len).is_letter() {
            return Apostrophe::Ends;
        }
        match self.clitic_after(i + len) {
            Some(end) => Apostrophe::Clitic(end),
            None => Apostrophe::Joins,
        }
    }

    /// End of a clitic (`s`, `t`, `re`, ...) starting at `after`, if the word ends with it.
    fn clitic_after(&self, after: usize) -> Option<usize> {
        let ends_word = |n: usize| !self.class_at(after + n).is_word();
        special::clitic_len(&self.bytes[after..], ends_word).map(|n| after + n)
    }

    /// End of a decade written with an elided century after an apostrophe: `’90s`, `'22`.
    fn decade_after(&self, after: usize) -> Option<usize> {
        let digits = self.bytes.get(after..after + 2)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let end = after + 2 + usize::from(self.bytes.get(after + 2) == Some(&b's'));
        (!self.class_at(end).is_word()).then_some(end)
    }
}

/// Letters followed later by digits (`87990cbe856…`, a hash): not a number, though it starts
/// with a digit; a number keeps letters only as a suffix (`155th`, `1.5bn`).
fn letters_then_digits(token: &[u8]) -> bool {
    token
        .iter()
        .skip_while(|b| !b.is_ascii_alphabetic())
        .any(u8::is_ascii_digit)
}

enum Apostrophe {
    /// Inside a name: `O’Brien`, `Kam’yanka`.
    Joins,
    /// Starts a clitic ending at this offset: `Ukraine’s`, `didn’t`.
    Clitic(usize),
    /// Not followed by a letter: the word ends before it.
    Ends,
}
