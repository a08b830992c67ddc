//! The day a claim is about, for putting claims on a time line: the first DATE mention inside
//! the proposition that names a day or a span of days, else the article's date. A span dates
//! the claim by its day nearest the article's date (its first day when the article has none):
//! `in recent months` and `in the coming weeks` run through the article's date and say no
//! more than it does, `the weekend` before it is that Sunday. A month or a year does not name
//! a day, so it does not date a claim; a DATE with no calendar value (a duration, or relative
//! to an unknown article date) does not either.

use crate::calendar::Date;
use crate::entities::dates::DateValue;
use crate::entities::label::Label;
use crate::entities::tagger::Mention;
use crate::entities::values::Normalised;

/// The day a mention names, if it is a DATE that names one.
fn day_of(m: &Mention, doc_date: Option<Date>) -> Option<Date> {
    if m.label != Label::Date {
        return None;
    }
    match m.normalised {
        Some(Normalised::Date {
            value: Some(DateValue::Day(d)),
            ..
        }) => Some(d),
        Some(Normalised::Date {
            value: Some(DateValue::Range(a, b)),
            ..
        }) => {
            let (first, last) = (a.min(b), a.max(b));
            Some(doc_date.map_or(first, |d| d.clamp(first, last)))
        }
        _ => None,
    }
}

/// `contained` indexes `mentions` (the claim's mentions, in text order).
pub fn claim_date(contained: &[u32], mentions: &[Mention], doc_date: Option<Date>) -> Option<Date> {
    contained
        .iter()
        .find_map(|&m| day_of(&mentions[m as usize], doc_date))
        .or(doc_date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Document};

    /// (claim text, its date) for each claim of one article with the given date.
    fn dates(text: &str, doc_date: Option<&str>) -> Vec<(String, Option<String>)> {
        let doc = Document::new(
            "a".into(),
            text.into(),
            doc_date.and_then(Date::parse_iso),
            None,
        );
        let corpus = Corpus::new(vec![doc]).unwrap();
        let text = &corpus.docs()[0].text;
        corpus.claims()[0]
            .iter()
            .map(|c| {
                let span = &text[c.claim.span.start as usize..c.claim.span.end as usize];
                (span.to_owned(), c.date.map(|d| d.to_string()))
            })
            .collect()
    }

    #[test]
    fn a_day_in_the_claim_dates_it() {
        let got = dates(
            "Officials said the bridge was destroyed on Nov. 9, 2022.",
            Some("2022-11-12"),
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("2022-11-09"), "{got:?}");
    }

    #[test]
    fn a_relative_day_resolves_against_the_article_date() {
        // 2022-11-10 is a Thursday: `on Wednesday` is the day before.
        let got = dates(
            "Kyiv said the troops crossed the river on Wednesday.",
            Some("2022-11-10"),
        );
        assert_eq!(got[0].1.as_deref(), Some("2022-11-09"), "{got:?}");
    }

    #[test]
    fn a_span_of_days_dates_it_by_its_day_nearest_the_article() {
        // 2022-11-10 is a Thursday: `last weekend` is 5-6 November.
        let got = dates(
            "Kyiv said the troops crossed the river last weekend.",
            Some("2022-11-10"),
        );
        assert_eq!(got[0].1.as_deref(), Some("2022-11-06"), "{got:?}");
        let got = dates(
            "Kyiv said the troops crossed the river in recent weeks.",
            Some("2022-11-10"),
        );
        assert_eq!(got[0].1.as_deref(), Some("2022-11-10"), "{got:?}");
    }

    #[test]
    fn without_a_day_the_article_date_dates_it() {
        let got = dates(
            "Kyiv said the troops crossed the river in November.",
            Some("2022-11-10"),
        );
        assert_eq!(
            got[0].1.as_deref(),
            Some("2022-11-10"),
            "a month names no day: {got:?}"
        );
        let got = dates(
            "Kyiv said the troops crossed the river.",
            Some("2022-11-10"),
        );
        assert_eq!(got[0].1.as_deref(), Some("2022-11-10"), "{got:?}");
    }

    #[test]
    fn an_undated_article_leaves_undated_claims() {
        let got = dates("Kyiv said the troops crossed the river on Wednesday.", None);
        assert_eq!(
            got[0].1, None,
            "a relative day needs the article's date: {got:?}"
        );
        let got = dates(
            "Kyiv said the troops crossed the river on Nov. 9, 2022.",
            None,
        );
        assert_eq!(got[0].1.as_deref(), Some("2022-11-09"), "{got:?}");
    }
}
