//! The day a claim is about, for putting claims on a time line: the first DATE mention inside
//! the proposition that names a day (or a span of days, by its first day), else the article's
//! date. A month or a year does not name a day, so it does not date a claim; a DATE with no
//! calendar value (a duration, or relative to an unknown article date) does not either.

use crate::calendar::Date;
use crate::entities::dates::DateValue;
use crate::entities::label::Label;
use crate::entities::tagger::Mention;
use crate::entities::values::Normalised;

/// The day a mention names, if it is a DATE that names one.
fn day_of(m: &Mention) -> Option<Date> {
    if m.label != Label::Date {
        return None;
    }
    match m.normalised {
        Some(Normalised::Date { value: Some(DateValue::Day(d)), .. }) => Some(d),
        Some(Normalised::Date { value: Some(DateValue::Range(first, _)), .. }) => Some(first),
        _ => None,
    }
}

/// `contained` indexes `mentions` (the claim's mentions, in text order).
pub fn claim_date(contained: &[u32], mentions: &[Mention], doc_date: Option<Date>) -> Option<Date> {
    contained
        .iter()
        .find_map(|&m| day_of(&mentions[m as usize]))
        .or(doc_date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Document};

    /// (claim text, its date) for each claim of one article with the given date.
    fn dates(text: &str, doc_date: Option<&str>) -> Vec<(String, Option<String>)> {
        let doc = Document::new("a".into(), text.into(), doc_date.and_then(Date::parse_iso), None);
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
        let got = dates("Officials said the bridge was destroyed on Nov. 9, 2022.", Some("2022-11-12"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("2022-11-09"), "{got:?}");
    }

    #[test]
    fn a_relative_day_resolves_against_the_article_date() {
        // 2022-11-10 is a Thursday: `on Wednesday` is the day before.
        let got = dates("Kyiv said the troops crossed the river on Wednesday.", Some("2022-11-10"));
        assert_eq!(got[0].1.as_deref(), Some("2022-11-09"), "{got:?}");
    }

    #[test]
    fn without_a_day_the_article_date_dates_it() {
        let got = dates("Kyiv said the troops crossed the river in November.", Some("2022-11-10"));
        assert_eq!(got[0].1.as_deref(), Some("2022-11-10"), "a month names no day: {got:?}");
        let got = dates("Kyiv said the troops crossed the river.", Some("2022-11-10"));
        assert_eq!(got[0].1.as_deref(), Some("2022-11-10"), "{got:?}");
    }

    #[test]
    fn an_undated_article_leaves_undated_claims() {
        let got = dates("Kyiv said the troops crossed the river on Wednesday.", None);
        assert_eq!(got[0].1, None, "a relative day needs the article's date: {got:?}");
        let got = dates("Kyiv said the troops crossed the river on Nov. 9, 2022.", None);
        assert_eq!(got[0].1.as_deref(), Some("2022-11-09"), "{got:?}");
    }
}
