//! Date and time expressions over tokens. Each matcher looks at one token position and
//! says how far the expression runs and what it means; it never looks at the document
//! date, so spans are the same whether or not a document has one.

use super::lexicon::{CalendarWord, Written};
use super::meaning::{Meaning, Part, Period, Shift};
use super::DateValue;
use crate::calendar::{days_in_month, Date};
use crate::entities::figures::view::TokenView;
use crate::entities::figures::{cue_at, cue_ends_at, number_at, unit_at, NumberKind};
use crate::entities::label::Label;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    pub end: usize,
    pub label: Label,
    pub meaning: Meaning,
    pub part: Option<Part>,
}

fn found(end: usize, label: Label, meaning: Meaning) -> Option<Found> {
    Some(Found {
        end,
        label,
        meaning,
        part: None,
    })
}

/// Words before a month name that make `May`/`March` a month (`in March`, `mid-May`).
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "of",
    "during",
    "early",
    "mid",
    "late",
    "before",
    "after",
    "through",
    "throughout",
    "between",
    "and",
    "or",
    "to",
    "-",
    "–",
    "end",
    "beginning",
    "start",
    "middle",
    "last",
    "this",
    "next",
    "coming",
    "past",
];

/// Words before a four-digit number that make it a year even when a lower-case word follows.
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "of",
    "during",
    "before",
    "after",
    "through",
    "early",
    "mid",
    "late",
    "the",
    "year",
    "and",
    "or",
    "to",
    "-",
    "–",
    "between",
    "©",
    "copyright",
];

fn calendar(v: &TokenView, i: usize) -> Option<CalendarWord> {
    v.language.calendar.words.get(v.key(i)).copied()
}

/// The date or time expression starting at token `i`.
pub(crate) fn date_at(v: &TokenView, i: usize) -> Option<Found> {
    if !v.starts_digit(i) && !v.language.calendar.starters.contains(v.key(i)) {
        return None;
    }
    if let Some((n, part)) = part_at(v, i) {
        if let Some(f) = core_at(v, i + n).filter(|f| f.meaning.takes_part()) {
            return Some(Found {
                part: Some(part),
                ..f
            });
        }
    }
    core_at(v, i)
        .or_else(|| duration_at(v, i))
        .or_else(|| ordinal_period_at(v, i))
        .or_else(|| clock_at(v, i))
}

/// `early`, `mid`(-), `late`, `earlier`, `later`, `(the) end of`, `(the) start of`, ...
fn part_at(v: &TokenView, i: usize) -> Option<(usize, Part)> {
    let one = |w: &str| match w {
        "early" => Some(Part::Early),
        "mid" => Some(Part::Mid),
        "late" => Some(Part::Late),
        "earlier" => Some(Part::Earlier),
        "later" => Some(Part::Later),
        _ => None,
    };
    if let Some(p) = one(v.key(i)) {
        let hyphen = p == Part::Mid && v.is(i + 1, "-");
        return Some((1 + usize::from(hyphen), p));
    }
    let the = usize::from(v.is(i, "the"));
    let part = match v.key(i + the) {
        "beginning" | "start" => Part::Early,
        "middle" => Part::Mid,
        "end" => Part::Late,
        _ => return None,
    };
    v.is(i + the + 1, "of").then_some((the + 2, part))
}

/// Everything that names a point or a calendar period (not durations or clock times).
fn core_at(v: &TokenView, i: usize) -> Option<Found> {
    month_date_at(v, i)
        .or_else(|| weekday_at(v, i, Shift::Recent))
        .or_else(|| relative_at(v, i))
        .or_else(|| year_at(v, i))
}

// ---- months, days, years ----

fn month_at(v: &TokenView, i: usize) -> Option<(u8, Written)> {
    match calendar(v, i)? {
        CalendarWord::Month(m, w) => Some((m, w)),
        _ => None,
    }
}

/// A day of the month, `8` or `8th`, valid in `month` of some year.
fn day_at(v: &TokenView, i: usize, month: u8) -> Option<u8> {
    let s = v.str(i);
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    if !(suffix.is_empty()
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| suffix.eq_ignore_ascii_case(x)))
    {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u8 = digits.parse().ok()?;
    (1..=days_in_month(2000, month))
        .contains(&day)
        .then_some(day)
}

/// A year written after a month or day: four digits.
fn written_year_at(v: &TokenView, i: usize) -> Option<i32> {
    let s = v.str(i);
    (s.len() == 4).then_some(())?;
    v.integer(i)
        .map(|y| y as i32)
        .filter(|y| (1000..=2999).contains(y))
}

/// `Nov. 2, 2022`, `November 8`, `Feb. 24`, `November 2022`, `February`, `24 February`,
/// `07/29/2024`, `2022-11-08`.
fn month_date_at(v: &TokenView, i: usize) -> Option<Found> {
    if let Some((month, written)) = month_at(v, i) {
        let capital = v.starts_upper(i);
        if written == Written::Ambiguous && !capital {
            return None;
        }
        if let Some(day) = day_at(v, i + 1, month) {
            let comma = usize::from(v.is(i + 2, ","));
            if let Some(year) = written_year_at(v, i + 2 + comma) {
                if let Some(d) = Date::new(year, month, day) {
                    return found(
                        i + 3 + comma,
                        Label::Date,
                        Meaning::Fixed(DateValue::Day(d)),
                    );
                }
            }
            return found(i + 2, Label::Date, Meaning::MonthDay { month, day });
        }
        if let Some(year) = written_year_at(v, i + 1) {
            return found(
                i + 2,
                Label::Date,
                Meaning::Fixed(DateValue::Month { year, month }),
            );
        }
        let alone = match written {
            Written::Full => capital,
            Written::Ambiguous => i > 0 && v.is_any(i - 1, MONTH_CONTEXT),
            Written::Abbreviated => false,
        };
        return if alone {
            found(
                i + 1,
                Label::Date,
                Meaning::Month {
                    month,
                    shift: Shift::Recent,
                },
            )
        } else {
            None
        };
    }
    // Day first: `24 February`, `8th November 2022`.
    if v.starts_digit(i) {
        if let Some((month, written)) = month_at(v, i + 1) {
            if written != Written::Ambiguous || v.starts_upper(i + 1) {
                if let Some(day) = day_at(v, i, month) {
                    if let Some(year) = written_year_at(v, i + 2) {
                        if let Some(d) = Date::new(year, month, day) {
                            return found(i + 3, Label::Date, Meaning::Fixed(DateValue::Day(d)));
                        }
                    }
                    return found(i + 2, Label::Date, Meaning::MonthDay { month, day });
                }
            }
        }
        if let Some(d) = numeric_date(v.str(i)) {
            return found(i + 1, Label::Date, Meaning::Fixed(DateValue::Day(d)));
        }
    }
    None
}

/// `2022-11-08`, `07/29/2024` (month first unless the first part cannot be a month),
/// `29.07.2024` (day first).
pub(crate) fn numeric_date(s: &str) -> Option<Date> {
    if let Some(d) = Date::parse_iso(s) {
        return Some(d);
    }
    let sep = if s.contains('/') { '/' } else { '.' };
    let mut parts = s.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || c.len() != 4 || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b, year): (u8, u8, i32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    if sep == '/' && a <= 12 {
        Date::new(year, a, b)
    } else {
        Date::new(year, b, a)
    }
}

/// A year on its own (`in 2014`), or a decade (`1990s`). A four-digit number after a
/// bound cue (`at least 2000`), before a unit (`2000 km`) or before a lower-case word
/// without date context (`killed 2000 people`) stays a number.
fn year_at(v: &TokenView, i: usize) -> Option<Found> {
    let s = v.str(i);
    if s.len() == 5 && s.ends_with('s') && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        let decade: i32 = s[..4]
            .parse()
            .ok()
            .filter(|y| y % 10 == 0 && (1000..=2990).contains(y))?;
        let (a, b) = (Date::new(decade, 1, 1)?, Date::new(decade + 9, 12, 31)?);
        return found(i + 1, Label::Date, Meaning::Fixed(DateValue::Range(a, b)));
    }
    let year = written_year_at(v, i).filter(|y| (1800..=2100).contains(y))?;
    let context = i > 0 && v.is_any(i - 1, YEAR_CONTEXT);
    if cue_ends_at(v, i) || unit_at(v, i + 1) || (v.starts_lower(i + 1) && !context) {
        return None;
    }
    found(i + 1, Label::Date, Meaning::Fixed(DateValue::Year(year)))
}

// ---- weekdays and relative expressions ----

/// `Monday`, `Wednesday, Nov. 2, 2022`, `Thursday afternoon` (TIME).
fn weekday_at(v: &TokenView, i: usize, shift: Shift) -> Option<Found> {
    let Some(CalendarWord::Weekday(weekday)) = calendar(v, i) else {
        return None;
    };
    let comma = usize::from(v.is(i + 1, ","));
    if let Some(f) = month_date_at(v, i + 1 + comma) {
        if matches!(
            f.meaning,
            Meaning::MonthDay { .. } | Meaning::Fixed(DateValue::Day(_))
        ) {
            return Some(f); // the written date says more than the weekday
        }
    }
    let meaning = Meaning::Weekday { weekday, shift };
    if calendar(v, i + 1) == Some(CalendarWord::DayPart) {
        return found(i + 2, Label::Time, meaning);
    }
    found(i + 1, Label::Date, meaning)
}

/// Plural units without a number, in days: `recent days`, `the coming weeks`.
fn default_span(unit_days: u16) -> i64 {
    match unit_days {
        1 => 7,
        7 => 28,
        30 => 91,
        d => 3 * i64::from(d),
    }
}

/// `today`, `overnight`, `this Tuesday`, `last month`, `this week`, `the weekend`, `last
/// March`, `the past 48 hours`, `the coming weeks`, `recent days`, `last night`.
fn relative_at(v: &TokenView, i: usize) -> Option<Found> {
    let key = v.key(i);
    let simple = match key {
        "today" => Some((Label::Date, Meaning::Days(0))),
        "yesterday" => Some((Label::Date, Meaning::Days(-1))),
        "tomorrow" => Some((Label::Date, Meaning::Days(1))),
        "tonight" => Some((Label::Time, Meaning::Days(0))),
        "overnight" => Some((Label::Time, Meaning::Overnight)),
        _ => None,
    };
    if let Some((label, meaning)) = simple {
        return found(i + 1, label, meaning);
    }
    if key == "recent" {
        return match calendar(v, i + 1)? {
            CalendarWord::Unit(days) if days > 0 && v.str(i + 1).ends_with('s') => {
                found(i + 2, Label::Date, Meaning::Span(-default_span(days)))
            }
            _ => None,
        };
    }
    let the = usize::from(key == "the");
    let j = i + the;
    let direction: i64 = match v.key(j) {
        "this" if the == 0 => 0,
        // Not `previous`/`following`: they count from the story's time, not the document's.
        "last" | "past" => -1,
        "next" | "coming" => 1,
        "weekend" if the == 1 => return found(j + 1, Label::Date, Meaning::RecentWeekend),
        _ => return None,
    };
    // `the past 48 hours`, `the last two weeks`, `the coming weeks`, `past week`
    let calendar_word = v.key(j) == "last" || v.key(j) == "next" || direction == 0;
    let counted = number_at(v, j + 1).filter(|n| n.kind == NumberKind::Cardinal && n.value >= 1.0);
    let few = usize::from(counted.is_none() && v.is(j + 1, "few"));
    let unit_at_k = counted.map_or(j + 1 + few, |n| n.end);
    if let Some(CalendarWord::Unit(days)) = calendar(v, unit_at_k) {
        let plural = v.str(unit_at_k).ends_with('s');
        let label = if days == 0 { Label::Time } else { Label::Date };
        if let Some(n) = counted {
            let length = if days == 0 {
                (n.value / 24.0).ceil() as i64
            } else {
                (n.value as i64) * i64::from(days)
            };
            return found(
                unit_at_k + 1,
                label,
                Meaning::Span(direction * length.max(1)),
            );
        }
        if plural && direction != 0 {
            return found(
                unit_at_k + 1,
                label,
                Meaning::Span(direction * default_span(days)),
            );
        }
        if few == 1 || plural {
            return None;
        }
        // Singular, no number: a calendar period (`last month`) or, after `the`/`past`,
        // the span up to the document date (`the past week`).
        let period = match v.key(unit_at_k) {
            "week" => Period::Week,
            "month" => Period::Month,
            "year" => Period::Year,
            _ => return None,
        };
        if calendar_word && the == 0 {
            return found(
                unit_at_k + 1,
                label,
                Meaning::Period {
                    period,
                    offset: direction as i32,
                },
            );
        }
        return found(
            unit_at_k + 1,
            label,
            Meaning::Span(direction * i64::from(days)),
        );
    }
    if the == 1 {
        return None;
    }
    let shift = match direction {
        0 => Shift::Same,
        d if d < 0 => Shift::Before,
        _ => Shift::After,
    };
    if v.is(j + 1, "weekend") {
        return found(
            j + 2,
            Label::Date,
            Meaning::Period {
                period: Period::Weekend,
                offset: direction as i32,
            },
        );
    }
    match calendar(v, j + 1)? {
        // `this Tuesday, November 8`: the written date wins; the span starts at `this`.
        CalendarWord::Weekday(_) => weekday_at(v, j + 1, shift),
        CalendarWord::Month(month, written)
            if written != Written::Abbreviated && v.starts_upper(j + 1) =>
        {
            found(j + 2, Label::Date, Meaning::Month { month, shift })
        }
        CalendarWord::DayPart if direction == 0 => found(j + 2, Label::Time, Meaning::Days(0)),
        CalendarWord::DayPart if v.is(j, "last") && v.is(j + 1, "night") => {
            found(j + 2, Label::Time, Meaning::Days(-1))
        }
        _ => None,
    }
}

// ---- durations and clock times ----

/// `six years`, `48 hours` (TIME), `a week`, `more than a week`, `a few days`,
/// `17-year-old`, `week-long`: periods of time with no calendar value.
fn duration_at(v: &TokenView, i: usize) -> Option<Found> {
    if let Some(CalendarWord::Unit(days)) = calendar(v, i) {
        if v.is(i + 1, "-") && v.is(i + 2, "long") {
            let label = if days == 0 { Label::Time } else { Label::Date };
            return found(i + 3, label, Meaning::Unanchored);
        }
        return None;
    }
    let j = i + cue_at(v, i).unwrap_or(0);
    let unit_at_k = if v.is_any(j, &["a", "an"]) && !v.is(j + 1, "few") {
        j + 1
    } else if v.is(j, "a") && v.is(j + 1, "few") {
        j + 2
    } else if v.is_any(j, &["several", "few", "many"]) && j == i {
        j + 1
    } else {
        let n = number_at(v, j)
            .filter(|n| matches!(n.kind, NumberKind::Cardinal | NumberKind::Vague { .. }))?;
        n.end
    };
    let hyphen = v.is(unit_at_k, "-") && v.starts_digit(j);
    let k = unit_at_k + usize::from(hyphen);
    let Some(CalendarWord::Unit(days)) = calendar(v, k) else {
        return None;
    };
    if k == j + 1 && v.is_any(j, &["a", "an"]) && v.str(k).ends_with('s') {
        return None; // `a days` is not English; avoid odd spans
    }
    let label = if days == 0 { Label::Time } else { Label::Date };
    // `17-year-old`, `17 years old`
    let old = if hyphen && v.is(k + 1, "-") && v.is(k + 2, "old") {
        2
    } else {
        usize::from(!hyphen && v.is(k + 1, "old"))
    };
    if hyphen && old == 0 {
        return None; // `20-day` before a noun is left to the figures (`a 20-day truce`)
    }
    let end = k + 1 + old;
    // `a week-long`, `two years ago`
    let end = if v.is(end, "-") && v.is(end + 1, "long") {
        end + 2
    } else {
        end + usize::from(v.is(end, "ago"))
    };
    found(end, label, Meaning::Unanchored)
}

/// `first days`, `first seven days`, `first few weeks`, `fourth consecutive day`, `second
/// week`, `155th day`: periods counted from a start the text names (`of the war`), so with no
/// calendar value. OntoNotes tags the whole phrase DATE (TIME under a day: `first 48 hours`),
/// not the ordinal alone.
fn ordinal_period_at(v: &TokenView, i: usize) -> Option<Found> {
    let ordinal = number_at(v, i).filter(|n| n.kind == NumberKind::Ordinal)?;
    let mut k = ordinal.end;
    match number_at(v, k) {
        Some(n) if n.kind == NumberKind::Cardinal => k = n.end,
        _ => k += usize::from(v.is(k, "few")),
    }
    k += usize::from(v.is_any(k, &["consecutive", "straight"]));
    let Some(CalendarWord::Unit(days)) = calendar(v, k) else {
        return None;
    };
    let label = if days == 0 { Label::Time } else { Label::Date };
    found(k + 1, label, Meaning::Unanchored)
}

/// `10:30`, `10:30 p.m.`, `10 a.m.`, `Monday noon` is handled by weekdays.
fn clock_at(v: &TokenView, i: usize) -> Option<Found> {
    let s = v.str(i);
    let meridiem = |k: usize| v.is_any(k, &["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]);
    if let Some((h, m)) = s.split_once(':') {
        let ok = (1..=2).contains(&h.len())
            && m.len() == 2
            && h.parse::<u8>().is_ok_and(|h| h < 24)
            && m.parse::<u8>().is_ok_and(|m| m < 60);
        if ok {
            return found(
                i + 1 + usize::from(meridiem(i + 1)),
                Label::Time,
                Meaning::Unanchored,
            );
        }
        return None;
    }
    v.integer(i).filter(|h| (1..=12).contains(h))?;
    meridiem(i + 1).then(|| Found {
        end: i + 2,
        label: Label::Time,
        meaning: Meaning::Unanchored,
        part: None,
    })
}
