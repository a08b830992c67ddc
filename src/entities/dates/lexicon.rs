//! Calendar words, parsed once from the shared `wordlist/calendar_words.txt`.

use std::sync::LazyLock;

use crate::entities::figures::view::{WordMap, WordSet};

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

pub(crate) static CALENDAR_WORDS: LazyLock<WordMap<CalendarWord>> =
    LazyLock::new(|| parse(crate::wordlist::CALENDAR_WORDS));

fn parse(src: &'static str) -> WordMap<CalendarWord> {
    let mut map = WordMap::default();
    for line in crate::wordlist::entries(src) {
        let cols: Vec<&'static str> = line.split('|').map(str::trim).collect();
        let [kind, value, forms] = cols[..] else {
            panic!("calendar_words.txt: expected `kind | value | forms`: {line}")
        };
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            let (form, written) = if let Some(f) = form.strip_suffix('*') {
                (f, Written::Abbreviated)
            } else if let Some(f) = form.strip_suffix('~') {
                (f, Written::Ambiguous)
            } else {
                (form, Written::Full)
            };
            let number = || value.parse::<u16>().expect("calendar_words.txt: bad value");
            let word = match kind {
                "month" => CalendarWord::Month(number() as u8, written),
                "weekday" => CalendarWord::Weekday(number() as u8),
                "daypart" => CalendarWord::DayPart,
                "unit" => CalendarWord::Unit(number()),
                _ => panic!("calendar_words.txt: unknown kind {kind}"),
            };
            map.insert(form, word);
        }
    }
    map
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

pub(crate) static STARTERS: LazyLock<WordSet> = LazyLock::new(|| {
    let mut set: WordSet = CALENDAR_WORDS.keys().copied().collect();
    set.extend(OTHER_STARTERS);
    set.extend(crate::entities::figures::starters());
    set
});
