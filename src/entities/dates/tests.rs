//! Dates over the real tokenizer: the cases of issue 3, sentences from the sample corpus,
//! and properties on arbitrary input.

use super::*;
use crate::lang::Language;
use crate::text::tokens::tokenize_en as tokenize;

/// 2022-11-08, a Tuesday: the date of sample documents 000 and 001.
fn doc() -> Option<Date> {
    Date::parse_iso("2022-11-08")
}

/// Every mention as (span text, label, ISO value, relative).
fn rows(text: &str, doc_date: Option<Date>) -> Vec<(String, &'static str, Option<String>, bool)> {
    let tokens = tokenize(text);
    find_dates(text, &tokens, doc_date, Language::english())
        .into_iter()
        .map(|m| {
            let start = tokens[m.tokens.start].start as usize;
            let end = tokens[m.tokens.end - 1].end as usize;
            (
                text[start..end].to_string(),
                m.label.as_str(),
                m.value.map(|v| v.iso()),
                m.relative,
            )
        })
        .collect()
}

/// The one mention in `text`: (span, ISO value).
fn one(text: &str, doc_date: Option<Date>) -> (String, Option<String>) {
    let all = rows(text, doc_date);
    assert_eq!(all.len(), 1, "{text:?}: {all:?}");
    (all[0].0.clone(), all[0].2.clone())
}

fn some(span: &str, iso: &str) -> (String, Option<String>) {
    (span.to_string(), Some(iso.to_string()))
}

#[test]
fn absolute_dates() {
    let cases = [
        (
            "upon his arrival on Wednesday, Nov. 2, 2022. Russian",
            "Wednesday, Nov. 2, 2022",
            "2022-11-02",
        ),
        (
            "in the Kherson region of Ukraine, on October 22, 2022. ©",
            "October 22, 2022",
            "2022-10-22",
        ),
        (
            "are being sabotaged – DW – 07/29/2024",
            "07/29/2024",
            "2024-07-29",
        ),
        ("annexed by Putin in 2014.", "2014", "2014"),
        (
            "the report of 8 November 2022 said",
            "8 November 2022",
            "2022-11-08",
        ),
        ("published 2022-11-08 at noon", "2022-11-08", "2022-11-08"),
        ("elections in November 2022", "November 2022", "2022-11"),
        ("in the 1990s", "1990s", "1990-01-01/1999-12-31"),
        ("Copyright © 2022 Dow Jones", "2022", "2022"),
    ];
    for (text, span, iso) in cases {
        assert_eq!(one(text, None), some(span, iso), "{text}");
        assert!(!rows(text, None)[0].3, "{text} is not relative");
    }
}

#[test]
fn days_without_a_year_take_the_documents_year() {
    assert_eq!(
        one("invading Ukraine on Feb. 24, the Russian", doc()),
        some("Feb. 24", "2022-02-24")
    );
    assert_eq!(
        one("admitted on November 8.", doc()),
        some("November 8", "2022-11-08")
    );
    assert_eq!(
        one("seized in February.", doc()),
        some("February", "2022-02")
    );
    assert_eq!(
        one("this Tuesday, November 8, the Government", doc()),
        some("this Tuesday, November 8", "2022-11-08")
    );
    // Not after the document date: later days and months are left unresolved, not guessed.
    assert_eq!(
        one("talks on December 5", doc()),
        ("December 5".to_string(), None)
    );
    assert_eq!(
        one("talks in December", doc()),
        ("December".to_string(), None)
    );
    // Without a document date, never guessed.
    assert_eq!(
        rows("on Feb. 24, the", None),
        vec![("Feb. 24".to_string(), "DATE", None, true)]
    );
}

#[test]
fn weekdays_are_the_most_recent_on_or_before_the_document_date() {
    let cases = [
        ("said on Monday that", "Monday", "2022-11-07"),
        ("Tuesday's congressional elections", "Tuesday", "2022-11-08"),
        ("on Wednesday they arrived", "Wednesday", "2022-11-02"),
        ("this Tuesday the government", "this Tuesday", "2022-11-08"),
        (
            "this Thursday the government",
            "this Thursday",
            "2022-11-10",
        ),
        ("next Monday", "next Monday", "2022-11-14"),
        ("last Tuesday", "last Tuesday", "2022-11-01"),
        (
            "in an early Tuesday statement",
            "early Tuesday",
            "2022-11-08",
        ),
        ("in an update late on Monday.", "Monday", "2022-11-07"),
    ];
    for (text, span, iso) in cases {
        assert_eq!(one(text, doc()), some(span, iso), "{text}");
    }
}

#[test]
fn relative_periods() {
    let cases = [
        ("ordered out last month", "last month", "2022-10"),
        (
            "late last month, the Kremlin",
            "late last month",
            "2022-10-21/2022-10-31",
        ),
        ("this week it said", "this week", "2022-11-07/2022-11-13"),
        ("annexed this month", "this month", "2022-11"),
        (
            "cut over the past 48 hours, both",
            "the past 48 hours",
            "2022-11-06/2022-11-08",
        ),
        (
            "In recent days, Russia",
            "recent days",
            "2022-11-01/2022-11-08",
        ),
        (
            "said over the weekend that",
            "the weekend",
            "2022-11-05/2022-11-06",
        ),
        (
            "decided in the coming weeks in a series",
            "the coming weeks",
            "2022-11-08/2022-12-06",
        ),
        (
            "retreat since early October.",
            "early October",
            "2022-10-01/2022-10-10",
        ),
        (
            "since the start of October",
            "the start of October",
            "2022-10-01/2022-10-10",
        ),
        (
            "at the end of August, its forces",
            "the end of August",
            "2022-08-21/2022-08-31",
        ),
        (
            "Over the past week, one million",
            "the past week",
            "2022-11-01/2022-11-08",
        ),
        ("taken last March, in the", "last March", "2022-03"),
        ("said today", "today", "2022-11-08"),
        ("said yesterday", "yesterday", "2022-11-07"),
        ("last year", "last year", "2021"),
        ("in mid-October", "mid-October", "2022-10-11/2022-10-20"),
        (
            "in recent months has faced",
            "recent months",
            "2022-08-09/2022-11-08",
        ),
    ];
    for (text, span, iso) in cases {
        assert_eq!(one(text, doc()), some(span, iso), "{text}");
    }
}

#[test]
fn relative_without_a_document_date_is_unresolved() {
    for text in [
        "on Monday",
        "last month",
        "this week",
        "over the past 48 hours",
        "in recent days",
        "February",
    ] {
        let all = rows(text, None);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        assert_eq!((&all[0].2, all[0].3), (&None, true), "{text}");
    }
}

#[test]
fn times_of_day() {
    assert_eq!(
        rows("On Thursday afternoon, the adviser", doc()),
        vec![(
            "Thursday afternoon".to_string(),
            "TIME",
            Some("2022-11-03".to_string()),
            true
        )]
    );
    assert_eq!(
        rows("as the result of overnight shelling", doc()),
        vec![(
            "overnight".to_string(),
            "TIME",
            Some("2022-11-07/2022-11-08".to_string()),
            true
        )]
    );
    assert_eq!(rows("exploded on Thursday morning near", None)[0].1, "TIME");
    assert_eq!(
        rows("last night", doc())[0].2.as_deref(),
        Some("2022-11-07")
    );
    assert_eq!(
        rows("at 10:30 p.m. local", None),
        vec![("10:30 p.m.".to_string(), "TIME", None, false)]
    );
    assert_eq!(rows("the past 48 hours", None)[0].1, "TIME");
}

#[test]
fn durations_are_dates_without_a_value() {
    for (text, span) in [
        ("lived in Russia for six years, and", "six years"),
        ("after more than a week of fighting", "more than a week"),
        ("Within a week of invading", "a week"),
        ("Moscow’s week-long incursion", "week-long"),
        ("in UK, 17-year-old arrested", "17-year-old"),
    ] {
        assert_eq!(
            rows(text, doc()),
            vec![(span.to_string(), "DATE", None, false)],
            "{text}"
        );
    }
}

#[test]
fn ordinal_periods_are_dates_without_a_value() {
    for (text, span, label) in [
        // From the sample corpus (001, 002, 003 twice).
        ("in the first days of the war.", "first days", "DATE"),
        (
            "air raid sirens for the fourth consecutive day.",
            "fourth consecutive day",
            "DATE",
        ),
        ("As the second week of Russia’s war", "second week", "DATE"),
        (
            "wounded in the first seven days of the conflict.",
            "first seven days",
            "DATE",
        ),
        ("in its 155th day", "155th day", "DATE"),
        ("over the first few weeks", "first few weeks", "DATE"),
        ("in the first 48 hours", "first 48 hours", "TIME"),
    ] {
        assert_eq!(
            rows(text, doc()),
            vec![(span.to_string(), label, None, false)],
            "{text}"
        );
    }
    // An ordinal before anything else is no period (it stays an ORDINAL for the figures).
    for text in [
        "the first city to fall",
        "the first part of the conflict",
        "the first time",
        "the second round",
    ] {
        assert!(rows(text, doc()).is_empty(), "{text}");
    }
}

#[test]
fn may_and_march_as_words_are_not_months() {
    assert!(rows(
        "warning that the city may come under massive shelling",
        doc()
    )
    .is_empty());
    assert!(rows("troops march on the capital", doc()).is_empty());
    assert!(rows("May God help us", doc()).is_empty());
    assert_eq!(
        one("the invasion in March", doc()),
        some("March", "2022-03")
    );
    assert_eq!(
        one("on May 9 they paraded", doc()),
        some("May 9", "2022-05-09")
    );
}

#[test]
fn spans_do_not_depend_on_the_document_date() {
    let text = "On Monday, in recent days and last March, Feb. 24 and over the weekend, in 2014.";
    let tokens = tokenize(text);
    let with: Vec<_> = find_dates(text, &tokens, doc(), Language::english())
        .into_iter()
        .map(|m| (m.tokens, m.label))
        .collect();
    let without: Vec<_> = find_dates(text, &tokens, None, Language::english())
        .into_iter()
        .map(|m| (m.tokens, m.label))
        .collect();
    assert_eq!(with, without);
    assert_eq!(with.len(), 6);
}

#[test]
fn sample_document_000() {
    let text = crate::text::sample::text("000");
    let found: Vec<(String, Option<String>)> =
        rows(text, doc()).into_iter().map(|r| (r.0, r.2)).collect();
    for expected in [
        some("Wednesday, Nov. 2, 2022", "2022-11-02"),
        some("recent days", "2022-11-01/2022-11-08"),
        some("February", "2022-02"),
        some("the past 48 hours", "2022-11-06/2022-11-08"),
        some("Monday", "2022-11-07"),
        some("early Tuesday", "2022-11-08"),
        some("recent months", "2022-08-09/2022-11-08"),
        some("Tuesday", "2022-11-08"),
        ("four days".to_string(), None),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    assert!(!found.iter().any(|(s, _)| s.contains("may")), "{found:?}");
}

mod properties {
    use super::*;
    use crate::entities::figures::tests::properties::simple_tokens;
    use crate::text::tokens::{Token, TokenKind};
    use proptest::prelude::*;

    fn check(text: &str, tokens: &[Token]) {
        let with = find_dates(text, tokens, doc(), Language::english());
        let without = find_dates(text, tokens, None, Language::english());
        for m in &with {
            assert!(m.tokens.start < m.tokens.end && m.tokens.end <= tokens.len());
            if let Some(v) = m.value {
                let _ = v.iso();
            }
        }
        for w in with.windows(2) {
            assert!(w[0].tokens.end <= w[1].tokens.start);
        }
        let spans = |ms: &[DateMention]| ms.iter().map(|m| m.tokens.clone()).collect::<Vec<_>>();
        assert_eq!(spans(&with), spans(&without));
        assert!(without.iter().all(|m| m.value.is_none() || !m.relative));
    }

    /// Dates and figures found together are those found one at a time.
    fn together_as_apart(text: &str, tokens: &[Token]) {
        let language = Language::english();
        let (dates, figures) = find_dates_and_figures(text, tokens, doc(), language);
        assert_eq!(dates, find_dates(text, tokens, doc(), language));
        let apart = crate::entities::figures::find_figures(text, tokens, language);
        // `Debug`, so that a NaN value compares equal to itself.
        assert_eq!(format!("{figures:?}"), format!("{apart:?}"));
    }

    proptest! {
        #[test]
        fn dates_and_figures_found_together_are_those_found_apart(words in prop::collection::vec(prop::sample::select(vec![
            "on", "Monday", "last", "the", "past", "48", "hours", "October", "Feb.", "24", ",",
            "2022", "at", "least", "1,600", "people", "one", "hundred", "thousands", "of", "per",
            "cent", "%", "$", "3.5", "million", "km", "in", "2014", "May", "about", "a", "dozen",
            "07/29/2024", "TWENTY", "Six", "years", "ago", "-", "half",
        ]), 0..16)) {
            let text = words.join(" ");
            together_as_apart(&text, &tokenize(&text));
        }

        #[test]
        fn dates_and_figures_together_on_arbitrary_tokens(text in "\\PC{0,40}", raw in prop::collection::vec((0u32..60, 0u32..60), 0..20)) {
            let tokens: Vec<Token> = raw.into_iter().map(|(a, b)| Token { start: a, end: b, kind: TokenKind::Word }).collect();
            together_as_apart(&text, &tokens);
        }

        #[test]
        fn no_panic_on_text_and_its_tokens(text in "[ a-zA-Z0-9.,/:-]{0,80}") {
            check(&text, &tokenize(&text));
        }

        #[test]
        fn no_panic_on_any_text(text in "\\PC{0,80}") {
            check(&text, &simple_tokens(&text));
        }

        #[test]
        fn no_panic_on_arbitrary_tokens(text in "\\PC{0,40}", raw in prop::collection::vec((0u32..60, 0u32..60), 0..20)) {
            let tokens: Vec<Token> = raw.into_iter().map(|(a, b)| Token { start: a, end: b, kind: TokenKind::Word }).collect();
            check(&text, &tokens);
        }

        #[test]
        fn date_phrases(words in prop::collection::vec(prop::sample::select(vec![
            "on", "Monday", "this", "last", "next", "past", "the", "coming", "weeks", "week", "month",
            "year", "48", "hours", "recent", "days", "early", "late", "mid", "-", "October", "May",
            "Feb.", "24", ",", "2022", "end", "of", "weekend", "afternoon", "overnight", "a", "few",
            "29", "31", "2", "07/29/2024", "2022-02-30", "more", "than", "old", "long", "ago",
        ]), 0..12)) {
            let text = words.join(" ");
            check(&text, &tokenize(&text));
        }
    }
}
