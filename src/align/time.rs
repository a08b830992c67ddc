//! When a claim is about: the dates it names (resolved against its document's date), the
//! periods it names that have no calendar value (`in the first seven days of the
//! conflict`), and its document's date. Counts change over time, so two counts about
//! different times are different claims (a March toll and a November toll).

use crate::entities::dates::DateValue;

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TimeScope {
    /// Day ranges (first, last; days since the calendar epoch) of the dates named.
    pub days: Vec<(i64, i64)>,
    /// Periods named without a calendar value, as written, lower-cased.
    pub periods: Vec<String>,
    /// The document's date.
    pub published: Option<i64>,
    /// The document the claim comes from; None for a free-standing sentence.
    pub doc: Option<u32>,
    /// Days of the week it names (0 = Monday), sorted: `on Friday` and `on Saturday` are two
    /// days whether or not the document's date resolves them.
    #[serde(default)]
    pub weekdays: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeMatch {
    Same,
    Unknown,
    Different,
}

/// Slack around a day when comparing (reports lag events by a day or two).
const DAY_SLACK: i64 = 2;
/// Two documents' dates further apart than this, with no date in either claim: their
/// counts are about different times.
const PUBLISHED_APART: i64 = 31;

/// Days between two claims' dates beyond which words in common alone make no corroboration:
/// outlets report one event within its news cycle (wire copy republished the same day or the
/// next, follow-ups and weeklies within the week), so two claims dated further apart that
/// name nothing in common (`The company declined to comment`, months apart) are one kind of
/// statement made of two events. Wider than `DAY_SLACK` (a report's lag), narrower than
/// `PUBLISHED_APART` (counts of one period).
pub const CORROBORATION_DAYS: i64 = 7;

/// Whether two claims of different documents are dated more than `CORROBORATION_DAYS`
/// apart: by the dates they name when both name some (every date of one that far from every
/// date of the other), else by their documents' dates (a date only one names says what it
/// is about, not when the other was said). Unknown (no document date, or one document) is
/// not apart.
pub fn dated_apart(a: &TimeScope, b: &TimeScope) -> bool {
    if a.doc.is_some() && a.doc == b.doc {
        return false;
    }
    let gap = |p: &(i64, i64), q: &(i64, i64)| (q.0 - p.1).max(p.0 - q.1);
    if !a.days.is_empty() && !b.days.is_empty() {
        return (a.days.iter()).all(|p| b.days.iter().all(|q| gap(p, q) > CORROBORATION_DAYS));
    }
    match (a.published, b.published) {
        (Some(x), Some(y)) => (x - y).abs() > CORROBORATION_DAYS,
        _ => false,
    }
}

pub fn day_range(v: &DateValue) -> (i64, i64) {
    use crate::calendar::{days_in_month, Date};
    match *v {
        DateValue::Day(d) => (d.to_days(), d.to_days()),
        DateValue::Month { year, month } => {
            let first = Date::new(year, month, 1).map_or(0, |d| d.to_days());
            (first, first + days_in_month(year, month) as i64 - 1)
        }
        DateValue::Year(y) => {
            let first = Date::new(y, 1, 1).map_or(0, |d| d.to_days());
            let last = Date::new(y, 12, 31).map_or(0, |d| d.to_days());
            (first, last)
        }
        DateValue::Range(a, b) => (a.to_days(), b.to_days()),
    }
}

fn overlap(a: (i64, i64), b: (i64, i64)) -> bool {
    a.0 - DAY_SLACK <= b.1 && b.0 - DAY_SLACK <= a.1
}

impl TimeScope {
    fn named(&self) -> bool {
        !self.days.is_empty() || !self.periods.is_empty()
    }
}

/// Both name days of the week, none the same: what they tell happened on different days
/// (`Romania beat Lithuania on Friday` / `… on Saturday`: two matches).
pub fn weekdays_apart(a: &TimeScope, b: &TimeScope) -> bool {
    !a.weekdays.is_empty()
        && !b.weekdays.is_empty()
        && !a.weekdays.iter().any(|w| b.weekdays.contains(w))
}

pub fn compare(a: &TimeScope, b: &TimeScope) -> TimeMatch {
    if weekdays_apart(a, b) {
        return TimeMatch::Different;
    }
    if !a.days.is_empty() && !b.days.is_empty() {
        let any = a
            .days
            .iter()
            .any(|x| b.days.iter().any(|y| overlap(*x, *y)));
        return if any {
            TimeMatch::Same
        } else {
            TimeMatch::Different
        };
    }
    if !a.periods.is_empty() && !b.periods.is_empty() {
        let any = a.periods.iter().any(|p| b.periods.contains(p));
        return if any {
            TimeMatch::Same
        } else {
            TimeMatch::Different
        };
    }
    // One article, or two sentences set side by side: one time frame unless they name
    // different dates (`its army killed 5,840` answers `498 were killed in the first
    // seven days` in the same article).
    if a.doc == b.doc {
        return TimeMatch::Same;
    }
    // Across articles, one claim names a period the other does not (`in the first seven
    // days of the conflict` against a count with no time): the counts cannot be one.
    if a.periods.is_empty() != b.periods.is_empty() && a.days.is_empty() && b.days.is_empty() {
        return TimeMatch::Different;
    }
    // A date in one claim against the other's publication date.
    for (x, y) in [(a, b), (b, a)] {
        if !x.days.is_empty() && !y.named() {
            if let Some(p) = y.published {
                let near = x.days.iter().any(|d| overlap(*d, (p - PUBLISHED_APART, p)));
                return if near {
                    TimeMatch::Same
                } else {
                    TimeMatch::Different
                };
            }
        }
    }
    match (a.published, b.published) {
        (Some(x), Some(y)) if !a.named() && !b.named() => {
            if (x - y).abs() > PUBLISHED_APART {
                TimeMatch::Different
            } else {
                TimeMatch::Same
            }
        }
        _ => TimeMatch::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_dates() {
        let march = TimeScope {
            periods: vec!["the first seven days".into()],
            doc: Some(0),
            ..Default::default()
        };
        let none = TimeScope {
            doc: Some(1),
            ..Default::default()
        };
        assert_eq!(compare(&march, &none), TimeMatch::Different);
        assert_eq!(
            compare(
                &march,
                &TimeScope {
                    doc: Some(0),
                    ..Default::default()
                }
            ),
            TimeMatch::Same
        );
        assert_eq!(
            compare(
                &none,
                &TimeScope {
                    doc: Some(2),
                    ..Default::default()
                }
            ),
            TimeMatch::Unknown
        );
        let nov = TimeScope {
            published: Some(1000),
            doc: Some(0),
            ..Default::default()
        };
        let mar = TimeScope {
            published: Some(760),
            doc: Some(1),
            ..Default::default()
        };
        assert_eq!(compare(&nov, &mar), TimeMatch::Different);
        let day = TimeScope {
            days: vec![(999, 999)],
            doc: Some(3),
            ..Default::default()
        };
        assert_eq!(compare(&day, &nov), TimeMatch::Same);
    }

    #[test]
    fn claims_are_dated_apart_by_their_named_days_else_their_documents() {
        let scope = |doc: u32, published: Option<i64>, days: Vec<(i64, i64)>| TimeScope {
            doc: Some(doc),
            published,
            days,
            ..Default::default()
        };
        let week = CORROBORATION_DAYS;
        // Published a week apart: within the news cycle; a day more: apart.
        assert!(!dated_apart(
            &scope(0, Some(100), vec![]),
            &scope(1, Some(100 + week), vec![])
        ));
        assert!(dated_apart(
            &scope(0, Some(100), vec![]),
            &scope(1, Some(101 + week), vec![])
        ));
        // Days both name decide over publication: one day named months later is one day.
        let day = vec![(50, 50)];
        assert!(!dated_apart(
            &scope(0, Some(100), day.clone()),
            &scope(1, Some(300), day.clone())
        ));
        assert!(dated_apart(
            &scope(0, Some(100), day.clone()),
            &scope(1, Some(100), vec![(70, 70)])
        ));
        // A named year holds any day of it.
        assert!(!dated_apart(
            &scope(0, Some(100), vec![(0, 364)]),
            &scope(1, Some(300), day.clone())
        ));
        // A day only one names is what it is about: the documents' dates decide.
        assert!(!dated_apart(
            &scope(0, Some(100), day.clone()),
            &scope(1, Some(100), vec![])
        ));
        // No date, or one document: nothing told.
        assert!(!dated_apart(
            &scope(0, None, vec![]),
            &scope(1, Some(900), vec![])
        ));
        assert!(!dated_apart(
            &scope(0, Some(100), day),
            &scope(0, Some(100), vec![])
        ));
    }

    #[test]
    fn two_weekdays_are_two_days_even_unresolved() {
        let on = |weekdays: Vec<u8>, doc: u32| TimeScope {
            weekdays,
            doc: Some(doc),
            ..Default::default()
        };
        let (friday, saturday) = (on(vec![4], 0), on(vec![5], 1));
        assert!(weekdays_apart(&friday, &saturday));
        assert_eq!(compare(&friday, &saturday), TimeMatch::Different);
        // One day in common, or a weekday against none: nothing told.
        assert!(!weekdays_apart(&on(vec![3, 4], 0), &friday));
        assert!(!weekdays_apart(&on(vec![], 0), &friday));
        assert_eq!(
            compare(&on(vec![4], 0), &on(vec![4], 1)),
            TimeMatch::Unknown
        );
    }
}
