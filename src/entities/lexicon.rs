//! The lexicon: named entities with their aliases, and classes of ordinary words (titles,
//! roles, reporting verbs, head words, …) that the name rules read as context. A language's
//! lexicon comes from its lists (`lang/<language>/entities/`, and `shared/` for news media,
//! speaker verbs and calendar names); users add their own entries.
//!
//! List format (`Format::Sections`): `@label GPE` sets the label of the entity lines that
//! follow; an entity line is `Canonical name | alias | alias`. `@class title` starts a list
//! of words of one class, one a line.

use std::collections::HashMap;
use std::sync::Arc;

use super::dates::{Calendar, CalendarWord};
use super::gazetteer::Gazetteer;
use super::label::Label;
use super::normalize::fold;
use super::user::UserRegex;
use crate::lang::lines::{Files, ListError, ListFile, Problems, SectionRow};
use crate::lang::List;
use crate::syntax::hashing::WordMap;
use crate::text::tokens::special::Abbreviations;
use crate::text::tokens::{tokenize_with, Token};

/// Each folded word's class flags. Only looked up (per token, by the tagger and the
/// gazetteer), never iterated: the word hasher, not SipHash.
pub(super) type WordClasses = WordMap<String, u32>;

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
    /// A title that says the person is a man (`Mr.`).
    pub const MAN_TITLE: u32 = 1 << 13;
    /// A title or given name that says the person is a woman (`Mrs.`, `Melania`).
    pub const WOMAN: u32 = 1 << 14;
    /// A generational suffix after a name (`Jr.`, `III`).
    pub const SUFFIX: u32 = 1 << 15;

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
            "man_title" => MAN_TITLE,
            "woman" => WOMAN,
            "suffix" => SUFFIX,
            _ => return None,
        })
    }
}

/// The language's lists of names and word classes, in the order they are read (entries
/// listed earlier win ties between equal matches).
const NAME_LISTS: [List; 14] = [
    List::Countries,
    List::UkraineRussia,
    List::WorldPlaces,
    List::Groups,
    List::Organisations,
    List::NewsMedia,
    List::ProductsEvents,
    List::Titles,
    List::Roles,
    List::HeadWords,
    List::OtherWords,
    List::GivenNames,
    List::GivenNamesConll,
    List::CommonWords,
];

/// One real-world entity a lexicon knows: its canonical name and label, and every written
/// form (canonical first). A form may hold token patterns (`{CAP}`, `{NUM}`, `{ANY}`); an
/// entry with patterns stands for every name it matches, not one entity. A user's entry may
/// instead be a regular expression over the text (see `user`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub canonical: String,
    pub label: Label,
    pub forms: Vec<String>,
    /// Added by the user: wins over built-in entries and rules.
    pub user: bool,
    /// Found by this regular expression, not by its forms.
    pub regex: Option<UserRegex>,
}

impl Entry {
    /// The entry stands for every name it matches (token patterns, or a regular expression
    /// without a name of its own), each its own entity.
    pub fn is_pattern(&self) -> bool {
        self.forms.iter().any(|f| f.contains('{'))
            || (self.regex.is_some() && self.forms.is_empty())
    }
}

#[derive(Debug)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    classes: WordClasses,
    pub gazetteer: Gazetteer,
    /// Folded single-word alias → folded single-word canonical (`kiev` → `kyiv`), so that
    /// names built around a place spell it one way (`Dnieper River` → `dnipro river`).
    pub word_aliases: HashMap<String, String>,
    /// Folded one-word name → its `X River` entry (`dnipro` → Dnipro River): `the Dnipro`
    /// is the river, not the city.
    pub rivers: HashMap<String, u32>,
    /// Folded short given name → the folded formal one (`rick` → `richard`:
    /// `entities/nicknames.txt`), so that a person's full names meet.
    nicknames: Arc<HashMap<String, String>>,
    /// The language's special cases, to tokenize names as the text is tokenized.
    abbreviations: Arc<Abbreviations>,
    /// The entries found by a regular expression.
    regex_entries: Vec<u32>,
}

impl Lexicon {
    /// The names and word classes of a language, from its lists.
    pub(crate) fn parse(
        files: &Files,
        calendar: &Calendar,
        abbreviations: Arc<Abbreviations>,
        problems: &mut Problems,
    ) -> Result<Lexicon, ListError> {
        let mut entries = Vec::new();
        let mut classes = WordClasses::default();
        for list in NAME_LISTS {
            parse_file(files.get(list), &mut entries, &mut classes, problems)?;
        }
        for (word, flag) in shared_classes(files, calendar, problems)? {
            *classes.entry(fold(word)).or_default() |= flag;
        }
        let mut nicknames = HashMap::new();
        files.get(List::Nicknames).rows(problems, |cols| {
            let [formal, short] = cols else {
                return Err("expected `formal | short forms`".into());
            };
            for s in short.split_whitespace() {
                nicknames.insert(fold(s), fold(formal));
            }
            Ok(())
        })?;
        let mut lexicon = Lexicon::build(entries, classes, abbreviations);
        lexicon.nicknames = Arc::new(nicknames);
        Ok(lexicon)
    }

    /// The English lexicon, for tests.
    #[cfg(test)]
    pub fn builtin() -> Arc<Lexicon> {
        Arc::clone(&crate::lang::Language::english().names)
    }

    /// This lexicon's own entries plus `user` entries, which win where they overlap.
    pub fn with_user_entries(&self, user: Vec<Entry>) -> Lexicon {
        let mut entries: Vec<Entry> = self.entries.iter().filter(|e| !e.user).cloned().collect();
        entries.extend(user.into_iter().map(|e| Entry { user: true, ..e }));
        Lexicon {
            nicknames: Arc::clone(&self.nicknames),
            ..Lexicon::build(
                entries,
                self.classes.clone(),
                Arc::clone(&self.abbreviations),
            )
        }
    }

    fn build(
        entries: Vec<Entry>,
        classes: WordClasses,
        abbreviations: Arc<Abbreviations>,
    ) -> Lexicon {
        let gazetteer = Gazetteer::build(&entries, &classes, &abbreviations);
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
        let regex_entries = (0..entries.len() as u32)
            .filter(|&e| entries[e as usize].regex.is_some())
            .collect();
        Lexicon {
            entries,
            classes,
            gazetteer,
            word_aliases,
            rivers,
            nicknames: Arc::default(),
            abbreviations,
            regex_entries,
        }
    }

    /// The entries found by a regular expression: `(entry index, expression)`.
    pub fn regexes(&self) -> impl Iterator<Item = (u32, &UserRegex)> {
        self.regex_entries.iter().filter_map(|&e| {
            let regex = self.entries[e as usize].regex.as_ref()?;
            Some((e, regex))
        })
    }

    /// Tokens of a name, as the text stage splits them.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        tokenize_with(text, &self.abbreviations)
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

    /// The formal given name a folded short one stands for (`rick` → `richard`), else the
    /// word itself.
    pub fn formal_given<'a>(&'a self, folded: &'a str) -> &'a str {
        self.nicknames.get(folded).map_or(folded, |s| s.as_str())
    }

    /// The folded spelling of one name word that ids use (`kiev` → `kyiv`).
    pub fn canonical_word<'a>(&'a self, folded: &'a str) -> &'a str {
        self.word_aliases.get(folded).map_or(folded, |s| s.as_str())
    }
}

/// Word classes whose words live in the lists other stages read too (`shared/`): speaker
/// verbs (the forms marked `^` in the cue lists), and month and weekday names, which are not
/// names (dates are the dates rules'). A trailing period is dropped as `classes_of` drops it
/// (`nov.` is `nov`).
fn shared_classes(
    files: &Files,
    calendar: &Calendar,
    problems: &mut Problems,
) -> Result<Vec<(&'static str, u32)>, ListError> {
    let mut out: Vec<(&'static str, u32)> = calendar
        .words
        .iter()
        .filter(|(_, word)| matches!(word, CalendarWord::Month(..) | CalendarWord::Weekday(_)))
        .map(|(form, _)| (form.trim_end_matches('.'), class::NOT_NAME))
        .collect();
    for list in [List::ReportingVerbs, List::Denials] {
        files.get(list).rows(problems, |fields| {
            let forms = fields[1..].iter().flat_map(|slot| slot.split('|'));
            let verbs = forms.filter_map(|form| form.trim_start_matches('~').strip_suffix('^'));
            out.extend(verbs.map(|verb| (verb, class::REPORTING)));
            Ok(())
        })?;
    }
    Ok(out)
}

/// Reads one list of names (`@label GPE`, then `Canonical | alias` lines) and word classes
/// (`@class title`, then one word a line). `@credit` sections (news media that sign
/// photos) are the boilerplate rules'.
fn parse_file(
    file: ListFile,
    entries: &mut Vec<Entry>,
    classes: &mut WordClasses,
    problems: &mut Problems,
) -> Result<(), ListError> {
    enum Mode {
        None,
        Label(Label),
        Class(u32),
        Skip,
    }
    let mut mode = Mode::None;
    file.sections(problems, |row| {
        match row {
            SectionRow::Header("label", [label, rest @ ..]) => {
                if !rest.is_empty() && rest != ["credit"] {
                    return Err(format!("unknown words after the label: {rest:?}"));
                }
                let label =
                    Label::parse(label).ok_or_else(|| format!("unknown label {label:?}"))?;
                mode = Mode::Label(label);
            }
            SectionRow::Header("class", [name]) => {
                mode = Mode::Class(
                    class::parse(name).ok_or_else(|| format!("unknown word class {name:?}"))?,
                );
            }
            SectionRow::Header("credit", []) => mode = Mode::Skip,
            SectionRow::Header(name, args) => {
                return Err(format!("unknown section header @{name} {}", args.join(" ")))
            }
            SectionRow::Entry(forms) => match mode {
                Mode::None => return Err("an entry before any @label or @class line".into()),
                Mode::Label(label) => entries.push(parse_entry(forms, label)?),
                Mode::Class(flag) => match forms {
                    [word] => *classes.entry(fold(word)).or_default() |= flag,
                    _ => return Err("a word class lists one word a line".into()),
                },
                Mode::Skip => {}
            },
        }
        Ok(())
    })
}

fn parse_entry(columns: &[&str], label: Label) -> Result<Entry, String> {
    let mut forms: Vec<String> = Vec::new();
    for f in columns.iter().filter(|f| !f.is_empty()) {
        if !forms.iter().any(|g| g == f) {
            forms.push((*f).to_owned());
        }
    }
    let canonical = forms.first().cloned().ok_or("an entry without a name")?;
    Ok(Entry {
        canonical,
        label,
        forms,
        user: false,
        regex: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Strictness;

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
        let parse = |text: &'static str| {
            let file = ListFile {
                folder: "xx",
                list: List::Countries,
                text,
            };
            let mut problems = Problems::new(Strictness::Strict);
            parse_file(
                file,
                &mut Vec::new(),
                &mut WordClasses::default(),
                &mut problems,
            )
            .unwrap_err()
        };
        let err = parse("# c\n@label CITY\nParis");
        assert_eq!(err.line, 2);
        assert!(
            err.to_string()
                .contains("xx/entities/countries.txt, line 2"),
            "{err}"
        );
        assert_eq!(parse("Paris").line, 1);
        assert!(parse("@label GPE\n@class title\nmr | sir")
            .message
            .contains("one word a line"));
        assert!(parse("@label GPE\n@lable ORG")
            .message
            .contains("unknown section"));
    }
}
