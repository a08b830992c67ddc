//! The claims stage's word lists (reporting verbs, denial cues, hedges, statement channels,
//! time words, negations), parsed once per language: cues from the lists shared with the
//! entity stage (`shared/reporting_verbs.txt`, `shared/denials.txt`), hedges, channels and
//! negations from `claims/`, time words from the shared calendar and `OTHER_TIME_WORDS`.

use std::collections::HashSet;

use super::words::OTHER_TIME_WORDS;
use super::CueClass;
use crate::entities::dates::{Calendar, CalendarWord, Written};
use crate::lang::lines::{Files, ListError, ListFile, Problems};
use crate::lang::List;

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
    /// Words for the channel of a statement (`statement`, `briefing`).
    pub trailers: HashSet<String>,
    /// Words of time (`monday`, `nov.`, `yesterday`) that may sit around a cue.
    pub time_words: HashSet<&'static str>,
    /// Words that negate a predicate or the phrase they open (`not`, `never`, `no`).
    pub negations: HashSet<String>,
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

/// Parses a cue list (`class slot slot …`). Lines of class `-` list speaker verbs only.
fn parse_cues(file: ListFile, problems: &mut Problems) -> Result<Vec<CuePattern>, ListError> {
    let mut cues = Vec::new();
    file.rows(problems, |fields| {
        let (class_name, fields) = fields.split_first().ok_or("an empty line")?;
        if *class_name == "-" {
            return Ok(());
        }
        let class = CueClass::parse(class_name)
            .ok_or_else(|| format!("unknown cue class {class_name:?}"))?;
        let mut slots = Vec::new();
        let mut not_before = Vec::new();
        for f in fields {
            if let Some(w) = f.strip_prefix('!') {
                not_before.push(w.to_lowercase());
            } else {
                slots.push(parse_slot(f, 6));
            }
        }
        if !matches!(slots.first(), Some(Slot::Forms(_))) {
            return Err("a cue must start with a word".into());
        }
        cues.push(CuePattern {
            class,
            slots,
            not_before,
        });
        Ok(())
    })?;
    Ok(cues)
}

fn parse_hedges(file: ListFile, problems: &mut Problems) -> Result<Vec<HedgePattern>, ListError> {
    let mut hedges = Vec::new();
    file.rows(problems, |fields| {
        let mut words = fields.to_vec();
        let any_case = words.last() == Some(&"Aa");
        if any_case {
            words.pop();
        }
        if words.is_empty() {
            return Err("a hedge needs a word before `Aa`".into());
        }
        hedges.push(HedgePattern {
            slots: words.iter().map(|w| parse_slot(w, 3)).collect(),
            any_case,
        });
        Ok(())
    })?;
    Ok(hedges)
}

/// Month and weekday names from the calendar (as written, `nov.`), and `OTHER_TIME_WORDS`.
fn time_words(calendar: &Calendar) -> HashSet<&'static str> {
    let calendar_names = calendar
        .words
        .iter()
        .filter(|&(form, word)| match word {
            CalendarWord::Weekday(_) => true,
            // A bare `jan` or `may` is too often something else: `may` is the modal verb.
            CalendarWord::Month(_, Written::Abbreviated) => form.ends_with('.'),
            CalendarWord::Month(..) => *form != "may",
            _ => false,
        })
        .map(|(form, _)| *form);
    calendar_names
        .chain(OTHER_TIME_WORDS.iter().copied())
        .collect()
}

impl Lexicon {
    pub(crate) fn parse(
        files: &Files,
        calendar: &Calendar,
        problems: &mut Problems,
    ) -> Result<Lexicon, ListError> {
        let mut cues = parse_cues(files.get(List::ReportingVerbs), problems)?;
        cues.extend(parse_cues(files.get(List::Denials), problems)?);
        let trailers = files.get(List::Trailers).entries(problems)?;
        Ok(Lexicon {
            cues,
            hedges: parse_hedges(files.get(List::Hedges), problems)?,
            trailers: trailers.into_iter().map(str::to_lowercase).collect(),
            time_words: time_words(calendar),
            negations: files
                .get(List::Negations)
                .entries(problems)?
                .into_iter()
                .map(str::to_lowercase)
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Language, Strictness};

    fn cues(text: &'static str) -> Result<Vec<CuePattern>, ListError> {
        let file = ListFile {
            folder: "xx",
            list: List::ReportingVerbs,
            text,
        };
        parse_cues(file, &mut Problems::new(Strictness::Strict))
    }

    #[test]
    fn lexicons_parse() {
        let lex = &Language::english().claims;
        assert!(lex.cues.len() > 40);
        assert!(lex.cues.iter().any(|c| c.class == CueClass::Deny));
        assert!(lex.hedges.iter().any(|h| h.any_case));
        assert!(lex.trailers.contains("statement"));
    }

    #[test]
    fn month_and_weekday_names_are_time_words() {
        let time_words = &Language::english().claims.time_words;
        for w in [
            "monday", "sunday", "november", "march", "nov.", "sept.", "tonight", "week",
        ] {
            assert!(time_words.contains(w), "{w}");
        }
        // The modal verb and bare abbreviations (`jan`, `sep`) are not.
        for w in ["may", "jan", "sep", "decade", "said"] {
            assert!(!time_words.contains(w), "{w}");
        }
    }

    #[test]
    fn cue_line_syntax() {
        let cues = cues("describe described|calls * as !on\n- urged^\nassert ~claims^").unwrap();
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
    fn an_unknown_class_names_file_and_line() {
        let err = cues("assert said^\nshout yelled").unwrap_err();
        assert_eq!(
            err.to_string(),
            "xx/shared/reporting_verbs.txt, line 2: unknown cue class \"shout\""
        );
        let err = cues("deny * denied").unwrap_err();
        assert!(err.message.contains("must start with a word"), "{err}");
    }
}
