//! Figures and dates as tagger candidates, with what they mean: a figure's value, unit and
//! bounds; a date's calendar value against the document date. Scans only the runs of tokens
//! outside boilerplate, so nothing in the metadata header, a caption or a credit line is
//! read, and no figure or date straddles a boilerplate edge.

use crate::calendar::Date;
use crate::lang::Language;
use crate::text::interned::Interned;
use crate::text::tokens::Token;

use super::candidate::{priority, Candidate, Source};
use super::dates::{find_dates_and_figures, DateValue};
use super::features::Features;

/// What a figure or date mention means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Normalised {
    /// CARDINAL, ORDINAL, QUANTITY, MONEY, PERCENT (see `figures::Figure`).
    Figure {
        /// The number, converted to `unit`.
        value: f64,
        /// Canonical unit or currency code; `None` for counts. Held as one pointer (8 bytes,
        /// not 16): a corpus holds millions of mentions.
        unit: Option<Interned>,
        /// Smallest value the wording allows.
        lower: OptionalValue,
        /// Largest value the wording allows.
        upper: OptionalValue,
        /// The wording says the figure is rough.
        approximate: bool,
    },
    /// DATE, TIME: None when it has no calendar value or is relative to an unknown date.
    Date {
        /// The calendar value, if it has one.
        value: Option<DateValue>,
        /// The value depends on the document's date.
        relative: bool,
    },
}

impl Normalised {
    /// The ISO value of a resolved date (`2022-11-07`, `2022-11`, `2022-11-06/2022-11-08`).
    pub fn iso(&self) -> Option<String> {
        match self {
            Normalised::Date { value: Some(v), .. } => Some(v.iso()),
            _ => None,
        }
    }
}

/// A figure's bound if it has one, in 8 bytes (an `Option<f64>` takes 16): NaN stands for
/// none, and a bound read from a text's digits is never NaN (one that were would read as none,
/// which a table shows the same way).
#[derive(Clone, Copy)]
pub struct OptionalValue(f64);

impl OptionalValue {
    /// `value`, held.
    pub fn new(value: Option<f64>) -> OptionalValue {
        OptionalValue(value.unwrap_or(f64::NAN))
    }

    /// The value, if there is one.
    pub fn get(self) -> Option<f64> {
        Some(self.0).filter(|x| !x.is_nan())
    }
}

impl PartialEq for OptionalValue {
    fn eq(&self, other: &OptionalValue) -> bool {
        self.get() == other.get()
    }
}

impl std::fmt::Debug for OptionalValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// Adds a candidate for every figure and date in the document's non-boilerplate runs.
pub fn candidates(
    f: &Features,
    tokens: &[Token],
    doc_date: Option<Date>,
    language: &Language,
    out: &mut Vec<Candidate>,
) {
    let mut k = 0;
    while k < f.len() {
        if f.tokens[k].boilerplate {
            k += 1;
            continue;
        }
        let first = k;
        while k < f.len() && !f.tokens[k].boilerplate {
            k += 1;
        }
        run_candidates(f.text, &tokens[first..k], first, doc_date, language, out);
    }
}

/// Tokens `run` start at index `first` of the document.
fn run_candidates(
    text: &str,
    run: &[Token],
    first: usize,
    doc_date: Option<Date>,
    language: &Language,
    out: &mut Vec<Candidate>,
) {
    let (dates, figures) = find_dates_and_figures(text, run, doc_date, language);
    for d in dates {
        // `the past 48 hours`, `the weekend`: spans start after the article, as names do.
        let the = d.tokens.len() > 1
            && token_text(text, &run[d.tokens.start]).eq_ignore_ascii_case("the");
        out.push(Candidate {
            normalised: Some(Normalised::Date {
                value: d.value,
                relative: d.relative,
            }),
            ..Candidate::new(
                first + d.tokens.start + usize::from(the),
                first + d.tokens.end,
                d.label,
                Source::Dates,
                priority::NUMERIC,
            )
        });
    }
    for x in figures {
        out.push(Candidate {
            normalised: Some(Normalised::Figure {
                value: x.value,
                unit: x.unit.map(Interned::new),
                lower: OptionalValue::new(x.lower),
                upper: OptionalValue::new(x.upper),
                approximate: x.approximate,
            }),
            ..Candidate::new(
                first + x.tokens.start,
                first + x.tokens.end,
                x.label,
                Source::Figures,
                priority::NUMERIC,
            )
        });
    }
}

fn token_text<'a>(text: &'a str, t: &Token) -> &'a str {
    text.get(t.start as usize..t.end as usize).unwrap_or("")
}
