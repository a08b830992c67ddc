//! The claims lexicons (reporting verbs, denial cues, hedges, statement channels), compiled
//! into the binary from readable files and parsed once: hedges and channels from
//! `lexicons/`, the cues from the lists shared with the entity stage (`crate::wordlist`).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::CueClass;
use crate::wordlist::{entries, DENIALS, REPORTING_VERBS};

const HEDGES: &str = include_str!("lexicons/hedges.txt");
const TRAILERS: &str = include_str!("lexicons/trailers.txt");

/// One position of a pattern: a set of lowercase word forms, or a gap of a few words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Forms(Vec<Form>),
    Gap(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub text: String,
    /// Also a noun (`claims`): needs a verb context.
    pub noun_too: bool,
}

#[derive(Debug, Clone)]
pub struct CuePattern {
    pub class: CueClass,
    pub slots: Vec<Slot>,
    /// Words that, right after the cue, make it something else (`called on`).
    pub not_before: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct HedgePattern {
    pub slots: Vec<Slot>,
    pub any_case: bool,
}

#[derive(Debug)]
pub struct Lexicon {
    pub cues: Vec<CuePattern>,
    pub hedges: Vec<HedgePattern>,
    pub trailers: HashSet<String>,
}

fn parse_slot(s: &str, gap: usize) -> Slot {
    if s == "*" {
        return Slot::Gap(gap);
    }
    Slot::Forms(
        s.split('|')
            // A `^` marks a speaker verb for the entity stage; it says nothing about the cue.
            .map(|f| f.strip_suffix('^').unwrap_or(f))
            .map(|f| match f.strip_prefix('~') {
                Some(rest) => Form {
                    text: rest.to_lowercase(),
                    noun_too: true,
                },
                None => Form {
                    text: f.to_lowercase(),
                    noun_too: false,
                },
            })
            .collect(),
    )
}

/// Parses a cue file; `where_` names the file in error messages (the files are ours, so a
/// malformed line is a bug caught by the tests). Lines of class `-` list speaker verbs only.
pub fn parse_cues(text: &str, where_: &str) -> Vec<CuePattern> {
    entries(text)
        .filter(|line| line.split_whitespace().next() != Some("-"))
        .map(|line| {
            let mut fields = line.split_whitespace();
            let class_name = fields.next().unwrap_or_default();
            let class = CueClass::parse(class_name).unwrap_or_else(|| {
                panic!("{where_}: unknown cue class {class_name:?} in {line:?}")
            });
            let mut slots = Vec::new();
            let mut not_before = Vec::new();
            for f in fields {
                if let Some(w) = f.strip_prefix('!') {
                    not_before.push(w.to_lowercase());
                } else {
                    slots.push(parse_slot(f, 6));
                }
            }
            assert!(
                matches!(slots.first(), Some(Slot::Forms(_))),
                "{where_}: a cue must start with a word: {line:?}"
            );
            CuePattern {
                class,
                slots,
                not_before,
            }
        })
        .collect()
}

pub fn parse_hedges(text: &str) -> Vec<HedgePattern> {
    entries(text)
        .map(|line| {
            let mut words: Vec<&str> = line.split_whitespace().collect();
            let any_case = words.last() == Some(&"Aa");
            if any_case {
                words.pop();
            }
            HedgePattern {
                slots: words.iter().map(|w| parse_slot(w, 3)).collect(),
                any_case,
            }
        })
        .collect()
}

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut cues = parse_cues(REPORTING_VERBS, "reporting_verbs.txt");
        cues.extend(parse_cues(DENIALS, "denials.txt"));
        Lexicon {
            cues,
            hedges: parse_hedges(HEDGES),
            trailers: entries(TRAILERS).map(str::to_lowercase).collect(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_parse() {
        let lex = lexicon();
        assert!(lex.cues.len() > 40);
        assert!(lex.cues.iter().any(|c| c.class == CueClass::Deny));
        assert!(lex.hedges.iter().any(|h| h.any_case));
        assert!(lex.trailers.contains("statement"));
    }

    #[test]
    fn cue_line_syntax() {
        let cues = parse_cues(
            "describe described|calls * as !on\n- urged^\nassert ~claims^",
            "t",
        );
        assert_eq!(cues.len(), 2, "the `-` line is no cue");
        assert_eq!(cues[0].class, CueClass::Describe);
        assert_eq!(cues[0].slots.len(), 3);
        assert_eq!(cues[0].slots[1], Slot::Gap(6));
        assert_eq!(cues[0].not_before, vec!["on".to_string()]);
        match &cues[1].slots[0] {
            Slot::Forms(f) => assert!(f[0].noun_too && f[0].text == "claims"),
            _ => panic!(),
        }
    }

    #[test]
    #[should_panic(expected = "unknown cue class")]
    fn unknown_class_is_a_bug() {
        parse_cues("shout yelled", "t");
    }
}
