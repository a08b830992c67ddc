//! Calendar words, parsed once per language from the shared `shared/calendar_words.txt`.

use crate::entities::figures::view::{WordMap, WordSet};
use crate::lang::lines::{Files, ListError, ListFile, Problems};
use crate::lang::List;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    /// `November`: a month on its own.
    Full,
    /// `Nov.`: only before a day or a year.
    Abbreviated,
    /// `May`, `March`: also everyday words; need a capital and date context.
    Ambiguous,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CalendarWord {
    Month(u8, Written),
    Weekday(u8),
    DayPart,
    /// A unit of time with its length in days (0: shorter than a day).
    Unit(u16),
}

/// The calendar words of a language (`shared/calendar_words.txt`), and the words a date
/// expression can start with.
#[derive(Debug)]
pub(crate) struct Calendar {
    pub words: WordMap<CalendarWord>,
    /// Calendar words, figure starters and `OTHER_STARTERS`: one lookup rejects most tokens
    /// before any pattern is tried.
    pub starters: WordSet,
}

impl Calendar {
    pub(crate) fn parse(
        files: &Files,
        figures: &crate::entities::figures::Lexicon,
        problems: &mut Problems,
    ) -> Result<Calendar, ListError> {
        let words = parse_words(files.get(List::CalendarWords), problems)?;
        let mut starters: WordSet = words.keys().copied().collect();
        starters.extend(OTHER_STARTERS);
        starters.extend(figures.starters.iter().copied());
        Ok(Calendar { words, starters })
    }
}

fn parse_words(
    file: ListFile,
    problems: &mut Problems,
) -> Result<WordMap<CalendarWord>, ListError> {
    let mut map = WordMap::default();
    file.rows(problems, |cols| {
        let &[kind, value, forms] = cols else {
            return Err("expected `kind | value | forms`".into());
        };
        let number = || {
            value
                .parse::<u16>()
                .map_err(|_| format!("the value {value:?} is not a whole number"))
        };
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            let (form, written) = if let Some(f) = form.strip_suffix('*') {
                (f, Written::Abbreviated)
            } else if let Some(f) = form.strip_suffix('~') {
                (f, Written::Ambiguous)
            } else {
                (form, Written::Full)
            };
            let word = match kind {
                "month" => CalendarWord::Month(number()? as u8, written),
                "weekday" => CalendarWord::Weekday(number()? as u8),
                "daypart" => CalendarWord::DayPart,
                "unit" => CalendarWord::Unit(number()?),
                _ => return Err(format!("unknown kind {kind:?}")),
            };
            map.insert(form, word);
        }
        Ok(())
    })?;
    Ok(map)
}

/// Words other than calendar words and figure starters that a date expression can start
/// with; one lookup rejects most tokens before any pattern is tried.
const OTHER_STARTERS: &[&str] = &[
    "early",
    "mid",
    "late",
    "earlier",
    "later",
    "the",
    "beginning",
    "start",
    "middle",
    "end",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "overnight",
    "recent",
    "this",
    "last",
    "next",
    "past",
    "coming",
    "several",
    "few",
    "many",
];
