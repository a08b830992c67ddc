//! Special cases: which words keep a following period, which endings are clitics, which
//! dotted words are web domains. The scanner asks these only at a `.`, `’` or `'`, so they
//! cost nothing on the common path.

use crate::lang::lines::{Files, ListError, Problems};
use crate::lang::List;

/// The words that keep the period after them (`text/abbreviations.txt` and the titles of
/// `text/title_abbreviations.txt`), without the period, bucketed by first byte: a
/// sentence-final `said.` compares against nothing (no entry starts with `s`) and a hit
/// costs a few length checks, no hashing.
#[derive(Debug)]
pub(crate) struct Abbreviations {
    by_first_byte: Vec<Vec<&'static str>>,
}

impl Abbreviations {
    pub(crate) fn parse(files: &Files, problems: &mut Problems) -> Result<Self, ListError> {
        let mut by_first_byte = vec![Vec::new(); 256];
        for list in [List::TitleAbbreviations, List::Abbreviations] {
            files.get(list).rows(problems, |row| {
                let word = row[0].strip_suffix('.').unwrap_or(row[0]);
                match word.as_bytes().first() {
                    _ if word.contains(char::is_whitespace) => {
                        Err(format!("an abbreviation is one word: {word:?}"))
                    }
                    Some(&b) => {
                        by_first_byte[b as usize].push(word);
                        Ok(())
                    }
                    None => Err("an empty abbreviation".into()),
                }
            })?;
        }
        Ok(Abbreviations { by_first_byte })
    }

    fn contains(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&b) => self.by_first_byte[b as usize].contains(&word),
            None => false,
        }
    }
}

/// Which special case (if any) lets `word` keep the period that follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeepsPeriod {
    /// Listed in abbreviations.txt or title_abbreviations.txt (`Gen`, `Feb`, `St`).
    Abbreviation,
    /// One capital letter: a name initial (`O` in `Kyrylo O. Budanov`).
    Initial,
    /// Single letters joined by periods (`U.S`, `a.m`, `e.g`).
    DottedAcronym,
}

/// `word` is the token text before the period.
pub(super) fn keeps_period(word: &str, abbreviations: &Abbreviations) -> Option<KeepsPeriod> {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return Some(KeepsPeriod::Initial);
        }
    }
    if word.contains('.') && is_dotted_acronym(word) {
        return Some(KeepsPeriod::DottedAcronym);
    }
    if abbreviations.contains(word) {
        return Some(KeepsPeriod::Abbreviation);
    }
    None
}

fn is_dotted_acronym(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    parts >= 2
}

/// Length in bytes of a clitic that starts right after an apostrophe at `rest`
/// (`s` `t` `d` `m` `re` `ve` `ll`, any case), if the word ends there.
pub(super) fn clitic_len(rest: &[u8], ends_word: impl Fn(usize) -> bool) -> Option<usize> {
    let lower = |i: usize| rest.get(i).map(u8::to_ascii_lowercase);
    let len = match (lower(0), lower(1)) {
        (Some(b'r'), Some(b'e')) | (Some(b'v'), Some(b'e')) | (Some(b'l'), Some(b'l')) => 2,
        (Some(b's' | b't' | b'd' | b'm'), _) => 1,
        _ => return None,
    };
    ends_word(len).then_some(len)
}

/// Top-level domains that make `name.tld` a web address when written without `https://`.
/// Kept short on purpose: `Node.js`, `e.g` and `U.S` must stay words.
const TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "mil", "int", "info", "biz", "io", "uk", "ua", "ru", "de",
    "fr", "eu", "us", "ca", "au", "pl", "es", "it", "nl", "news", "online",
];

/// `word` is dotted ASCII whose last label is a known top-level domain (`aljazeera.com`).
pub(super) fn is_domain(word: &str) -> bool {
    if !word.is_ascii() {
        return false;
    }
    match word.rsplit_once('.') {
        Some((host, tld)) => !host.is_empty() && TLDS.contains(&tld),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn keeps_period(word: &str) -> Option<KeepsPeriod> {
        super::keeps_period(word, &Language::english().abbreviations)
    }

    #[test]
    fn abbreviation_files_parse() {
        let is_abbreviation = |w| Language::english().abbreviations.contains(w);
        assert!(is_abbreviation("Gen") && is_abbreviation("Feb") && is_abbreviation("St"));
        assert!(is_abbreviation("Ph.D") && !is_abbreviation("Gen."));
        // Titles keep their period, whether or not they are in abbreviations.txt.
        assert!(is_abbreviation("Gens") && is_abbreviation("Messrs") && is_abbreviation("Jr"));
        assert!(!is_abbreviation("#") && !is_abbreviation(""));
    }

    #[test]
    fn period_keepers() {
        assert_eq!(keeps_period("O"), Some(KeepsPeriod::Initial));
        assert_eq!(keeps_period("Ú"), Some(KeepsPeriod::Initial));
        assert_eq!(keeps_period("U.S"), Some(KeepsPeriod::DottedAcronym));
        assert_eq!(keeps_period("a.m"), Some(KeepsPeriod::DottedAcronym));
        assert_eq!(keeps_period("Col"), Some(KeepsPeriod::Abbreviation));
        assert_eq!(keeps_period("war"), None);
        assert_eq!(keeps_period("a"), None);
        assert_eq!(keeps_period("May"), None);
        assert_eq!(keeps_period("1.5"), None);
    }

    #[test]
    fn clitics() {
        let at_end = |rest: &'static [u8]| {
            clitic_len(rest, |n| {
                rest.get(n).is_none_or(|b| !b.is_ascii_alphanumeric())
            })
        };
        assert_eq!(at_end(b"s"), Some(1));
        assert_eq!(at_end(b"t "), Some(1));
        assert_eq!(at_end(b"ll."), Some(2));
        assert_eq!(at_end(b"RE"), Some(2));
        assert_eq!(at_end(b"yanka"), None);
        assert_eq!(at_end(b"Brien"), None);
        assert_eq!(at_end(b"sa"), None);
    }

    #[test]
    fn domains() {
        assert!(is_domain("aljazeera.com") && is_domain("bbc.co.uk"));
        assert!(!is_domain("Node.js") && !is_domain("U.S") && !is_domain("e.g"));
    }
}
