//! What a date expression means, and its calendar value once the document date is known.
//!
//! Rules (the document date is `d`):
//! - A weekday alone is the most recent such day on or before `d` (`on Monday`); `last`,
//!   `past` and `previous` take the most recent one strictly before `d`, `next` and
//!   `coming` the first one after it, `this` the one in the Monday–Sunday week of `d`.
//! - A month without a year (`in February`, `Feb. 24`) is in `d`'s year when it is not
//!   after `d`; a later month or day is left unresolved rather than guessed (it may be
//!   upcoming or a year ago). `last March` is the most recent March before `d`'s month,
//!   `next March` the first one after it.
//! - `the past 48 hours`, `the last two weeks` end on `d`; `the coming weeks` start on it.
//!   Without a number, plural units span 7 days, 4 weeks, 3 months or 3 years (`in recent
//!   days`, `in the coming weeks`).
//! - `the weekend` is the most recent Saturday–Sunday on or before `d`; `overnight` is the
//!   night from `d - 1` to `d`.
//! - `early`, `mid` and `late` take the first, middle and last third of a month or week,
//!   and January–April, May–August, September–December of a year.
//!
//! With no document date a relative expression has no value (it is never guessed).

use super::DateValue;
use crate::calendar::{days_in_month, Date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    /// On or before the document date.
    Recent,
    /// Strictly before it.
    Before,
    /// Strictly after it.
    After,
    /// In the same week (weekdays) or year (months).
    Same,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    Week,
    Weekend,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
    Earlier,
    Later,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// Fully written out: `Nov. 2, 2022`, `2014`, `07/29/2024`.
    Fixed(DateValue),
    MonthDay {
        month: u8,
        day: u8,
    },
    Month {
        month: u8,
        shift: Shift,
    },
    Weekday {
        weekday: u8,
        shift: Shift,
    },
    /// `today` (0), `yesterday` (-1), `tomorrow` (1).
    Days(i64),
    /// `this week` (0), `last month` (-1), `next year` (1).
    Period {
        period: Period,
        offset: i32,
    },
    /// `the weekend`.
    RecentWeekend,
    /// Days before (negative) or after (positive) the document date, which is included.
    Span(i64),
    Overnight,
    /// A duration or a clock time: no calendar value (`six years`, `10 a.m.`).
    Unanchored,
}

impl Meaning {
    /// Whether `early`/`mid`/`late` can qualify it.
    pub(crate) fn takes_part(self) -> bool {
        match self {
            Meaning::Fixed(v) => !matches!(v, DateValue::Day(_)),
            Meaning::Month { .. } | Meaning::Weekday { .. } => true,
            Meaning::Period { .. } => true,
            _ => false,
        }
    }

    /// The value, and whether it depends on the document date.
    pub(crate) fn resolve(
        self,
        part: Option<Part>,
        doc: Option<Date>,
    ) -> (Option<DateValue>, bool) {
        let relative = !matches!(self, Meaning::Fixed(_) | Meaning::Unanchored)
            || matches!(part, Some(Part::Earlier | Part::Later));
        let value = match self {
            Meaning::Fixed(v) => Some(v),
            Meaning::Unanchored => None,
            _ => doc.and_then(|d| self.anchor(d)),
        };
        let value = value.and_then(|v| match part {
            None => Some(v),
            Some(p) => apply_part(v, p, doc),
        });
        (value, relative)
    }

    fn anchor(self, d: Date) -> Option<DateValue> {
        let wd = i64::from(d.weekday());
        Some(match self {
            Meaning::Fixed(v) => v,
            Meaning::Unanchored => return None,
            Meaning::MonthDay { month, day } => {
                if (month, day) > (d.month, d.day) {
                    return None;
                }
                DateValue::Day(Date::new(d.year, month, day)?)
            }
            Meaning::Month { month, shift } => {
                let year = match shift {
                    Shift::Recent if month <= d.month => d.year,
                    Shift::Recent => return None,
                    Shift::Before if month < d.month => d.year,
                    Shift::Before => d.year - 1,
                    Shift::After if month > d.month => d.year,
                    Shift::After => d.year + 1,
                    Shift::Same => d.year,
                };
                DateValue::Month { year, month }
            }
            Meaning::Weekday { weekday, shift } => {
                let w = i64::from(weekday);
                let offset = match shift {
                    Shift::Recent => -(wd - w).rem_euclid(7),
                    Shift::Before => -((wd - w - 1).rem_euclid(7) + 1),
                    Shift::After => (w - wd - 1).rem_euclid(7) + 1,
                    Shift::Same => w - wd,
                };
                DateValue::Day(d.add_days(offset))
            }
            Meaning::Days(n) => DateValue::Day(d.add_days(n)),
            Meaning::Period { period, offset } => match period {
                Period::Week | Period::Weekend => {
                    let monday = d.add_days(-wd + 7 * i64::from(offset));
                    if period == Period::Week {
                        DateValue::Range(monday, monday.add_days(6))
                    } else {
                        DateValue::Range(monday.add_days(5), monday.add_days(6))
                    }
                }
                Period::Month => {
                    let index = d.year * 12 + i32::from(d.month) - 1 + offset;
                    DateValue::Month {
                        year: index.div_euclid(12),
                        month: (index.rem_euclid(12) + 1) as u8,
                    }
                }
                Period::Year => DateValue::Year(d.year + offset),
            },
            Meaning::RecentWeekend => {
                let saturday = d.add_days(5 - wd - if wd >= 5 { 0 } else { 7 });
                DateValue::Range(saturday, saturday.add_days(1))
            }
            Meaning::Span(n) if n < 0 => DateValue::Range(d.add_days(n), d),
            Meaning::Span(n) => DateValue::Range(d, d.add_days(n)),
            Meaning::Overnight => DateValue::Range(d.add_days(-1), d),
        })
    }
}

/// The first and last day a value covers.
pub(crate) fn bounds(v: DateValue) -> Option<(Date, Date)> {
    Some(match v {
        DateValue::Day(d) => (d, d),
        DateValue::Month { year, month } => (
            Date::new(year, month, 1)?,
            Date::new(year, month, days_in_month(year, month))?,
        ),
        DateValue::Year(y) => (Date::new(y, 1, 1)?, Date::new(y, 12, 31)?),
        DateValue::Range(a, b) => (a, b),
    })
}

fn apply_part(v: DateValue, part: Part, doc: Option<Date>) -> Option<DateValue> {
    if let DateValue::Day(_) = v {
        return Some(v); // `early Tuesday`: still that day
    }
    let (first, last) = bounds(v)?;
    if let (DateValue::Year(y), Part::Early | Part::Mid | Part::Late) = (v, part) {
        let (from, to) = match part {
            Part::Early => (1, 4),
            Part::Mid => (5, 8),
            _ => (9, 12),
        };
        return Some(DateValue::Range(
            Date::new(y, from, 1)?,
            Date::new(y, to, days_in_month(y, to))?,
        ));
    }
    let len = last.to_days() - first.to_days() + 1;
    let (a, b) = match part {
        Part::Early => (0, len / 3 - 1),
        Part::Mid => (len / 3, 2 * len / 3 - 1),
        Part::Late => (2 * len / 3, len - 1),
        Part::Earlier | Part::Later => {
            let d = doc?;
            if d < first || d > last {
                return Some(v);
            }
            let at = d.to_days() - first.to_days();
            if part == Part::Earlier {
                (0, at)
            } else {
                (at, len - 1)
            }
        }
    };
    Some(DateValue::Range(
        first.add_days(a.max(0)),
        first.add_days(b.max(a.max(0))),
    ))
}
