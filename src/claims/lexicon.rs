//! The claims stage's word lists (reporting verbs, denial cues, hedges, statement channels,
//! time words, negations), parsed once per language: cues from the lists shared with the
//! entity stage (`shared/reporting_verbs.txt`, `shared/denials.txt`), hedges, channels and
//! negations from `claims/`, time words from the shared calendar and `OTHER_TIME_WORDS`.

use super::words::OTHER_TIME_WORDS;
use super::CueClass;
use crate::entities::dates::{Calendar, CalendarWord, Written};
use crate::lang::lines::{Files, ListError, ListFile, Problems};
use crate::lang::List;
use crate::syntax::hashing::{WordMap, WordSet};

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
    /// The cue reports only a clause or a quotation (`=clause`): with a noun for its object
    /// it is another verb (`added 28 points`).
    pub clause_only: bool,
}

#[derive(Debug, Clone)]
pub struct HedgePattern {
    pub slots: Vec<Slot>,
    pub any_case: bool,
}

#[derive(Debug)]
pub struct Lexicon {
    pub cues: Vec<CuePattern>,
    /// Which of `cues` may start at a word.
    pub cue_starts: FirstWords,
    pub hedges: Vec<HedgePattern>,
    /// Which of `hedges` may start at a word.
    pub hedge_starts: FirstWords,
    /// Words for the channel of a statement (`statement`, `briefing`).
    pub trailers: WordSet<String>,
    /// Words of time (`monday`, `nov.`, `yesterday`) that may sit around a cue.
    pub time_words: WordSet<&'static str>,
    /// Words that negate a predicate or the phrase they open (`not`, `never`, `no`).
    pub negations: WordSet<String>,
    /// Prepositions whose noun places or dates something (`in`, `at`, `since`): no
    /// antecedent of a relative `who`.
    pub place_cases: WordSet<String>,
    /// Every form a slot of `cues` takes: words that report, not what is reported (a
    /// headline's restatement below it is judged on its other words).
    pub cue_forms: WordSet<String>,
}

/// The patterns of a list that may start at a word, by the word's lower-cased form: those
/// whose first slot takes that form, and those that open with a gap, in list order. A word
/// is then tried against a few patterns, not all of them (each try compared the word with
/// every form of a pattern's first slot: most of the claims stage's string comparisons).
#[derive(Debug, Default)]
pub struct FirstWords {
    by_form: WordMap<String, Vec<u32>>,
    /// Patterns opening with a gap: they may start at any word.
    anywhere: Vec<u32>,
}

impl FirstWords {
    /// From each pattern's first slot, in list order (`None` for a pattern with none,
    /// which matches anywhere).
    fn of<'s>(first_slots: impl Iterator<Item = Option<&'s Slot>>) -> FirstWords {
        let mut out = FirstWords::default();
        let mut forms: Vec<(&str, u32)> = Vec::new();
        for (i, slot) in first_slots.enumerate() {
            match slot {
                Some(Slot::Forms(fs)) => {
                    forms.extend(fs.iter().map(|f| (f.text.as_str(), i as u32)))
                }
                Some(Slot::Gap(_)) | None => out.anywhere.push(i as u32),
            }
        }
        for (form, i) in forms {
            out.by_form.entry(form.to_owned()).or_default().push(i);
        }
        for list in out.by_form.values_mut() {
            list.extend_from_slice(&out.anywhere);
            list.sort_unstable();
            list.dedup();
        }
        out
    }

    /// The indices, ascending, of the patterns that may start at a word written `lower`
    /// (a superset of those that match there: see the property tests in `cues` and
    /// `hedges`).
    pub fn at(&self, lower: &str) -> &[u32] {
        self.by_form
            .get(lower)
            .map_or(&self.anywhere, Vec::as_slice)
    }
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
        let mut clause_only = false;
        for f in fields {
            if let Some(w) = f.strip_prefix('!') {
                not_before.push(w.to_lowercase());
            } else if let Some(option) = f.strip_prefix('=') {
                if option != "clause" {
                    return Err(format!("unknown cue option ={option}"));
                }
                clause_only = true;
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
            clause_only,
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

/// A word list's entries, lower-cased (the rules compare lower-cased words).
fn lowercased(file: ListFile, problems: &mut Problems) -> Result<WordSet<String>, ListError> {
    Ok(file
        .entries(problems)?
        .into_iter()
        .map(str::to_lowercase)
        .collect())
}

/// Month and weekday names from the calendar (as written, `nov.`), and `OTHER_TIME_WORDS`.
fn time_words(calendar: &Calendar) -> WordSet<&'static str> {
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

/// Every form any slot of `cues` takes.
fn cue_forms(cues: &[CuePattern]) -> WordSet<String> {
    (cues.iter())
        .flat_map(|c| &c.slots)
        .filter_map(|s| match s {
            Slot::Forms(forms) => Some(forms),
            Slot::Gap(_) => None,
        })
        .flatten()
        .map(|f| f.text.clone())
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
        let hedges = parse_hedges(files.get(List::Hedges), problems)?;
        Ok(Lexicon {
            cue_starts: FirstWords::of(cues.iter().map(|c| c.slots.first())),
            cue_forms: cue_forms(&cues),
            cues,
            hedge_starts: FirstWords::of(hedges.iter().map(|h| h.slots.first())),
            hedges,
            trailers: trailers.into_iter().map(str::to_lowercase).collect(),
            time_words: time_words(calendar),
            negations: lowercased(files.get(List::Negations), problems)?,
            place_cases: lowercased(files.get(List::PlaceCases), problems)?,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
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
        let cues =
            cues("describe described|calls * as !on\n- urged^\nassert ~claims^ =clause").unwrap();
        assert_eq!(cues.len(), 2, "the `-` line is no cue");
        assert!(!cues[0].clause_only && cues[1].clause_only);
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
    fn an_unknown_option_is_an_error() {
        let err = cues("assert added^ =clauses").unwrap_err();
        assert!(
            err.to_string().contains("unknown cue option =clauses"),
            "{err}"
        );
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

    /// Every word form of the patterns' slots, and a few other words: texts made of these
    /// match cues and hedges often, whole or in part.
    pub(crate) fn pattern_words(slots: impl Iterator<Item = Vec<Slot>>) -> Vec<String> {
        let mut out: Vec<String> = ["the", "officials", "Kyiv", "not", ",", ".", "that", "1,000"]
            .map(String::from)
            .to_vec();
        for s in slots.flatten() {
            if let Slot::Forms(forms) = s {
                out.extend(
                    forms
                        .iter()
                        .flat_map(|f| f.text.split_whitespace().map(String::from)),
                );
            }
        }
        out.sort();
        out.dedup();
        out
    }
}
