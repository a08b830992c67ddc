//! The lexicons: named entities with their aliases, and classes of ordinary words (titles,
//! roles, reporting verbs, head words, …) that the name rules read as context. The built-in
//! lexicons are the text files in `lexicons/`, compiled in; users add their own entries.
//!
//! File format: `#` starts a comment line. `@label GPE` sets the label of the entity lines
//! that follow; an entity line is `Canonical name | alias | alias`. `@class title` starts a
//! list of words of one class, one a line.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::dates::{CalendarWord, CALENDAR_WORDS};
use super::gazetteer::Gazetteer;
use super::label::Label;
use super::normalize::fold;

/// Word classes, as bit flags on a folded word.
pub mod class {
    pub const TITLE: u32 = 1 << 0;
    pub const ROLE: u32 = 1 << 1;
    pub const REPORTING: u32 = 1 << 2;
    pub const ORG_HEAD: u32 = 1 << 3;
    pub const LOC_HEAD: u32 = 1 << 4;
    pub const FAC_HEAD: u32 = 1 << 5;
    pub const GPE_HEAD: u32 = 1 << 6;
    pub const GPE_BEFORE: u32 = 1 << 7;
    pub const PARTICLE: u32 = 1 << 8;
    pub const NOT_NAME: u32 = 1 << 9;
    pub const PLACE_PREP: u32 = 1 << 10;
    pub const GIVEN: u32 = 1 << 11;
    pub const COMMON: u32 = 1 << 12;

    pub fn parse(name: &str) -> Option<u32> {
        Some(match name {
            "title" => TITLE,
            "role" => ROLE,
            "reporting" => REPORTING,
            "org_head" => ORG_HEAD,
            "loc_head" => LOC_HEAD,
            "fac_head" => FAC_HEAD,
            "gpe_head" => GPE_HEAD,
            "gpe_before" => GPE_BEFORE,
            "particle" => PARTICLE,
            "not_name" => NOT_NAME,
            "place_prep" => PLACE_PREP,
            "given" => GIVEN,
            "common" => COMMON,
            _ => return None,
        })
    }
}

const BUILTIN: &[(&str, &str)] = &[
    ("countries.txt", include_str!("lexicons/countries.txt")),
    (
        "ukraine_russia.txt",
        include_str!("lexicons/ukraine_russia.txt"),
    ),
    (
        "world_places.txt",
        include_str!("lexicons/world_places.txt"),
    ),
    ("groups.txt", include_str!("lexicons/groups.txt")),
    (
        "organisations.txt",
        include_str!("lexicons/organisations.txt"),
    ),
    ("media.txt", include_str!("lexicons/media.txt")),
    (
        "products_events.txt",
        include_str!("lexicons/products_events.txt"),
    ),
    ("titles.txt", include_str!("lexicons/titles.txt")),
    ("roles.txt", include_str!("lexicons/roles.txt")),
    ("head_words.txt", include_str!("lexicons/head_words.txt")),
    ("other_words.txt", include_str!("lexicons/other_words.txt")),
    ("given_names.txt", include_str!("lexicons/given_names.txt")),
    (
        "given_names_conll.txt",
        include_str!("lexicons/given_names_conll.txt"),
    ),
    (
        "common_words.txt",
        include_str!("lexicons/common_words.txt"),
    ),
];

/// One real-world entity a lexicon knows: its canonical name and label, and every written
/// form (canonical first). A form may hold token patterns (`{CAP}`, `{NUM}`, `{ANY}`); an
/// entry with patterns stands for every name it matches, not one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub canonical: String,
    pub label: Label,
    pub forms: Vec<String>,
    /// Added by the user: wins over built-in entries and rules.
    pub user: bool,
}

impl Entry {
    pub fn is_pattern(&self) -> bool {
        self.forms.iter().any(|f| f.contains('{'))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub source: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, line {}: {}", self.source, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

#[derive(Debug)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    classes: HashMap<String, u32>,
    pub gazetteer: Gazetteer,
    /// Folded single-word alias → folded single-word canonical (`kiev` → `kyiv`), so that
    /// names built around a place spell it one way (`Dnieper River` → `dnipro river`).
    pub word_aliases: HashMap<String, String>,
    /// Folded one-word name → its `X River` entry (`dnipro` → Dnipro River): `the Dnipro`
    /// is the river, not the city.
    pub rivers: HashMap<String, u32>,
}

impl Lexicon {
    /// The built-in lexicon, parsed once per process.
    pub fn builtin() -> Arc<Lexicon> {
        static BUILTIN_LEXICON: OnceLock<Arc<Lexicon>> = OnceLock::new();
        Arc::clone(BUILTIN_LEXICON.get_or_init(|| {
            Arc::new(Lexicon::with_entries(Vec::new()).expect("built-in lexicons parse"))
        }))
    }

    /// The built-in lexicon plus `user` entries, which win where they overlap.
    pub fn with_entries(user: Vec<Entry>) -> Result<Lexicon, LexiconError> {
        let mut entries = Vec::new();
        let mut classes: HashMap<String, u32> = HashMap::new();
        for (name, text) in BUILTIN {
            parse_file(name, text, &mut entries, &mut classes)?;
        }
        for (word, flag) in shared_classes() {
            *classes.entry(fold(word)).or_default() |= flag;
        }
        entries.extend(user.into_iter().map(|e| Entry { user: true, ..e }));
        let gazetteer = Gazetteer::build(&entries, &classes);
        let mut word_aliases = HashMap::new();
        for e in entries.iter().filter(|e| !e.is_pattern()) {
            let canon = fold(&e.canonical);
            if canon.contains(' ') {
                continue;
            }
            for f in &e.forms[1..] {
                let f = fold(f);
                if !f.contains(' ') && f != canon {
                    word_aliases.insert(f, canon.clone());
                }
            }
        }
        let mut rivers = HashMap::new();
        for (i, e) in entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.label == Label::Loc)
        {
            for f in &e.forms {
                let f = fold(f);
                if let Some(name) = f.strip_suffix(" river") {
                    if !name.contains(' ') {
                        rivers.entry(name.to_owned()).or_insert(i as u32);
                    }
                }
            }
        }
        Ok(Lexicon {
            entries,
            classes,
            gazetteer,
            word_aliases,
            rivers,
        })
    }

    /// Class flags of a folded word; a trailing period is optional (`gen.` reads as `gen`).
    #[inline]
    pub fn classes_of(&self, folded: &str) -> u32 {
        let mut flags = self.classes.get(folded).copied().unwrap_or(0);
        if let Some(stem) = folded.strip_suffix('.') {
            if !stem.is_empty() {
                flags |= self.classes.get(stem).copied().unwrap_or(0);
            }
        }
        flags
    }

    pub fn is_common(&self, folded: &str) -> bool {
        self.classes_of(folded) & class::COMMON != 0
    }

    /// The folded spelling of one name word that ids use (`kiev` → `kyiv`).
    pub fn canonical_word<'a>(&'a self, folded: &'a str) -> &'a str {
        self.word_aliases.get(folded).map_or(folded, |s| s.as_str())
    }
}

/// Word classes whose words live in the lists other stages read too (`crate::wordlist`):
/// speaker verbs, and month and weekday names, which are not names (dates are the dates
/// rules'). A trailing period is dropped as `classes_of` drops it (`nov.` is `nov`).
fn shared_classes() -> impl Iterator<Item = (&'static str, u32)> {
    let calendar_names = CALENDAR_WORDS
        .iter()
        .filter(|(_, word)| matches!(word, CalendarWord::Month(..) | CalendarWord::Weekday(_)))
        .map(|(form, _)| (form.trim_end_matches('.'), class::NOT_NAME));
    let speaker_verbs = crate::wordlist::speaker_verbs().map(|verb| (verb, class::REPORTING));
    calendar_names.chain(speaker_verbs)
}

fn parse_file(
    source: &str,
    text: &str,
    entries: &mut Vec<Entry>,
    classes: &mut HashMap<String, u32>,
) -> Result<(), LexiconError> {
    enum Mode {
        None,
        Label(Label),
        Class(u32),
    }
    let mut mode = Mode::None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let err = |message: String| LexiconError {
            source: source.to_owned(),
            line: i + 1,
            message,
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(label) = line.strip_prefix("@label") {
            let label = label.trim();
            mode = Mode::Label(
                Label::parse(label).ok_or_else(|| err(format!("unknown label {label:?}")))?,
            );
            continue;
        }
        if let Some(name) = line.strip_prefix("@class") {
            let name = name.trim();
            mode = Mode::Class(
                class::parse(name).ok_or_else(|| err(format!("unknown word class {name:?}")))?,
            );
            continue;
        }
        match mode {
            Mode::None => return Err(err("an entry before any @label or @class line".into())),
            Mode::Label(label) => entries.push(parse_entry(line, label)),
            Mode::Class(flag) => *classes.entry(fold(line)).or_default() |= flag,
        }
    }
    Ok(())
}

fn parse_entry(line: &str, label: Label) -> Entry {
    let mut forms: Vec<String> = Vec::new();
    for f in line.split('|').map(str::trim).filter(|f| !f.is_empty()) {
        if !forms.iter().any(|g| g == f) {
            forms.push(f.to_owned());
        }
    }
    Entry {
        canonical: forms[0].clone(),
        label,
        forms,
        user: false,
    }
}

/// Builds user entries from rows of `name, label, aliases` (aliases separated by `|` or
/// `;`), as read from a CSV or JSONL file or given from Python. `source` names the origin in
/// errors.
pub fn user_entry(
    name: &str,
    label: &str,
    aliases: &[String],
    source: &str,
    line: usize,
) -> Result<Entry, LexiconError> {
    let err = |message: String| LexiconError {
        source: source.to_owned(),
        line,
        message,
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(err("the name is empty".into()));
    }
    let label = Label::parse(label.trim()).ok_or_else(|| {
        err(format!(
            "unknown label {label:?}; labels are {}",
            Label::ALL.map(|l| l.as_str()).join(", ")
        ))
    })?;
    let mut forms = vec![name.to_owned()];
    for a in aliases.iter().flat_map(|a| a.split(['|', ';'])) {
        let a = a.trim();
        if !a.is_empty() && !forms.iter().any(|f| f == a) {
            forms.push(a.to_owned());
        }
    }
    Ok(Entry {
        canonical: name.to_owned(),
        label,
        forms,
        user: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse_with_classes_and_aliases() {
        let lex = Lexicon::builtin();
        assert!(lex.entries.len() > 900, "{}", lex.entries.len());
        assert!(lex.classes_of("gen.") & class::TITLE != 0);
        assert!(lex.classes_of("said") & class::REPORTING != 0);
        assert!(lex.classes_of("asked") & class::REPORTING != 0);
        assert!(lex.classes_of("saying") & class::REPORTING == 0);
        assert!(lex.classes_of("nov.") & class::NOT_NAME != 0);
        assert!(lex.classes_of("may") & class::NOT_NAME != 0);
        assert!(lex.classes_of("wednesday") & class::NOT_NAME != 0);
        assert!(lex.classes_of("ministry") & class::ORG_HEAD != 0);
        assert!(lex.classes_of("volodymyr") & class::GIVEN != 0);
        assert!(lex.is_common("officials"));
        assert!(!lex.is_common("kyiv"));
        assert_eq!(lex.canonical_word("kiev"), "kyiv");
        assert_eq!(lex.canonical_word("odessa"), "odesa");
        let kyiv = lex.entries.iter().find(|e| e.canonical == "Kyiv").unwrap();
        assert_eq!(kyiv.label, Label::Gpe);
        assert!(kyiv.forms.iter().any(|f| f == "Kiev"));
    }

    #[test]
    fn bad_lines_say_where() {
        let mut e = Vec::new();
        let mut c = HashMap::new();
        let err = parse_file("x.txt", "# c\n@label CITY\nParis", &mut e, &mut c).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().contains("x.txt, line 2"));
        let err = parse_file("x.txt", "Paris", &mut e, &mut c).unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn user_entries_check_labels() {
        let e = user_entry("Rapid Support Forces", "org", &["RSF".into()], "py", 1).unwrap();
        assert_eq!(e.label, Label::Org);
        assert_eq!(e.forms, vec!["Rapid Support Forces", "RSF"]);
        assert!(user_entry("X", "TEAM", &[], "f.csv", 3)
            .unwrap_err()
            .to_string()
            .contains("f.csv, line 3"));
    }
}
