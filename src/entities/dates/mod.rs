//! Dates and times: absolute (`Nov. 2, 2022`, `2014`, `07/29/2024`), relative to the
//! document's date (`on Monday`, `last month`, `the past 48 hours`), durations (`six
//! years`) and times of day (`Thursday afternoon`, `overnight`). How relative expressions
//! resolve is documented in `meaning.rs`.

mod lexicon;
mod meaning;
mod patterns;

#[cfg(test)]
mod tests;

/// The parsed calendar words, for the other rules that need month and weekday names.
pub(crate) use lexicon::{Calendar, CalendarWord, Written};

use std::ops::Range;

use crate::calendar::Date;
use crate::entities::figures::view::TokenView;
use crate::entities::label::Label;
use crate::lang::Language;
use crate::text::tokens::Token;

/// The calendar value of a date mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// One day.
    Day(Date),
    /// One month.
    Month {
        /// The year.
        year: i32,
        /// 1 to 12.
        month: u8,
    },
    /// One year.
    Year(i32),
    /// First and last day, inclusive.
    Range(Date, Date),
}

impl DateValue {
    /// `2022-11-02`, `2022-11`, `2022`, `2022-11-07/2022-11-13`.
    pub fn iso(&self) -> String {
        match self {
            DateValue::Day(d) => d.to_string(),
            DateValue::Month { year, month } => format!("{year:04}-{month:02}"),
            DateValue::Year(y) => format!("{y:04}"),
            DateValue::Range(a, b) => format!("{a}/{b}"),
        }
    }
}

/// A date or time expression in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Token indices, end exclusive.
    pub tokens: Range<usize>,
    /// Date, or Time for times of day and durations under a day.
    pub label: Label,
    /// None when the expression has no calendar value (a duration, a clock time) or is
    /// relative and the document has no date.
    pub value: Option<DateValue>,
    /// The value depends on the document's date (`Monday`, `last month`, `Feb. 24`).
    pub relative: bool,
    /// The day of the week it names (0 = Monday), resolved or not: two different weekdays
    /// are two days, even where the document's date is unknown.
    pub weekday: Option<u8>,
}

/// Date and time mentions in token order, non-overlapping. Spans never depend on
/// `doc_date`; values of relative mentions do, and are None without it.
pub fn find_dates(
    text: &str,
    tokens: &[Token],
    doc_date: Option<Date>,
    language: &Language,
) -> Vec<DateMention> {
    let v = TokenView::new(text, tokens, language);
    mentions(scan(&v), doc_date)
}

/// `find_dates` and `find_figures` of the same tokens, with one scan for dates (the
/// figures keep clear of the dates' spans) and the tokens lower-cased once.
pub fn find_dates_and_figures(
    text: &str,
    tokens: &[Token],
    doc_date: Option<Date>,
    language: &Language,
) -> (Vec<DateMention>, Vec<crate::entities::figures::Figure>) {
    let v = TokenView::new(text, tokens, language);
    let found = scan(&v);
    let spans: Vec<Range<usize>> = found.iter().map(|(span, _)| span.clone()).collect();
    let figures = crate::entities::figures::figures_clear_of(&v, &spans);
    (mentions(found, doc_date), figures)
}

/// The mentions of what `scan` found, relative ones resolved against `doc_date`.
fn mentions(
    found: Vec<(Range<usize>, patterns::Found)>,
    doc_date: Option<Date>,
) -> Vec<DateMention> {
    found
        .into_iter()
        .map(|(span, f)| {
            let (value, relative) = f.meaning.resolve(f.part, doc_date);
            DateMention {
                tokens: span,
                label: f.label,
                value,
                relative,
                weekday: match f.meaning {
                    meaning::Meaning::Weekday { weekday, .. } => Some(weekday),
                    _ => None,
                },
            }
        })
        .collect()
}

/// The token spans of `find_dates`, for the figures to keep clear of.
pub(crate) fn date_spans(v: &TokenView) -> Vec<Range<usize>> {
    scan(v).into_iter().map(|(span, _)| span).collect()
}

fn scan(v: &TokenView) -> Vec<(Range<usize>, patterns::Found)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        match patterns::date_at(v, i).filter(|f| f.end > i && f.end <= v.len()) {
            Some(f) => {
                out.push((i..f.end, f));
                i = f.end;
            }
            None => i += 1,
        }
    }
    out
}
