//! What the whole document says about each word's case. A capital letter means little at the
//! start of a sentence or in a headline (`JAPAN GET LUCKY WIN`, `Russian Officials Flee
//! Kherson`); the same word written elsewhere in the article, mid-sentence in running text,
//! tells whether it is a name (`Japan`) or an ordinary word (`officials`).

use crate::syntax::hashing::WordMap;

use crate::entities::features::{Features, Shape};
use crate::text::tokens::TokenKind;

/// How a word is written where its case is informative.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Casing {
    pub lower: u16,
    pub capitalised: u16,
    pub all_caps: u16,
}

impl Casing {
    /// A short code for a feature: which casings were seen, none meaning "nowhere telling".
    pub fn code(self) -> u64 {
        (self.lower > 0) as u64
            | ((self.capitalised > 0) as u64) << 1
            | ((self.all_caps > 0) as u64) << 2
    }

    /// Mostly written in lower case: an ordinary word.
    pub fn mostly_lower(self) -> bool {
        self.lower > self.capitalised + self.all_caps
    }
}

/// A token whose case carries information: a word, mid-sentence, outside headlines.
pub fn telling(f: &Features, i: usize) -> bool {
    let t = &f.tokens[i];
    t.kind == TokenKind::Word && !t.sentence_start && !t.title_case
}

pub fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// Each folded word's casing over the document's telling tokens.
/// (Only looked up, never iterated: the word hasher, not SipHash.)
pub fn casings<'f>(f: &'f Features) -> WordMap<&'f str, Casing> {
    let mut out: WordMap<&str, Casing> = WordMap::default();
    for i in 0..f.len() {
        if !telling(f, i) {
            continue;
        }
        let c = out.entry(f.folded(i)).or_default();
        let text = f.text_of(i);
        let counter = match f.tokens[i].shape {
            Shape::Lower => &mut c.lower,
            Shape::Capitalised if is_all_caps(text) && text.chars().count() > 1 => &mut c.all_caps,
            Shape::Capitalised => &mut c.capitalised,
            Shape::Other => continue,
        };
        *counter = counter.saturating_add(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    #[test]
    fn headlines_and_sentence_starts_do_not_count() {
        let text = "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nJapan won on Friday. Lucky them, the lucky team said. Officials agreed.";
        let lex = &Language::english().names;
        let f = Features::of_text(text, lex);
        let c = casings(&f);
        assert!(
            !c.contains_key("officials"),
            "a sentence start tells nothing"
        );
        assert_eq!(
            c["lucky"],
            Casing {
                lower: 1,
                capitalised: 0,
                all_caps: 0
            }
        );
        assert!(c["lucky"].mostly_lower());
        assert!(
            !c.contains_key("china"),
            "the all-caps headline tells nothing"
        );
        assert!(!c.contains_key("japan"));
        let text = "It went to Japan, to JAPAN and to japan.";
        let f = Features::of_text(text, lex);
        assert_eq!(
            casings(&f)["japan"],
            Casing {
                lower: 1,
                capitalised: 1,
                all_caps: 1
            }
        );
        assert!(is_all_caps("U.S.") && !is_all_caps("Us") && !is_all_caps("1996"));
    }
}
