//! Scraper metadata at the head of an article, e.g. ` date 2022-11-08 A man, …`.
//!
//! Recognised fields, in any order, each optionally followed by `:`:
//! - `date YYYY-MM-DD`, which may share its line with the article's first words;
//! - `source NAME`, alone on its line.
//!
//! Only a field whose value parses is metadata; anything else is article text.

use crate::calendar::Date;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub date: Option<Date>,
    pub source: Option<String>,
    /// Byte offset where the article text starts (0 when there is no metadata).
    pub body_start: usize,
}

pub fn parse(text: &str) -> Metadata {
    let mut meta = Metadata::default();
    let mut pos = 0;
    loop {
        let rest = &text[pos..];
        let field_start = rest.len() - rest.trim_start().len();
        let field = &rest[field_start..];
        let Some((key, value_at)) = field_key(field) else {
            break;
        };
        let value = &field[value_at..];
        let (date, source, len) = match key {
            "date" if meta.date.is_none() => match value.get(..10).and_then(Date::parse_iso) {
                Some(d) => (Some(d), None, 10),
                None => break,
            },
            "source" if meta.source.is_none() => {
                let line = value.split(['\n', '\r']).next().unwrap_or("");
                let name = line.trim();
                if name.is_empty() || line.len() >= 120 {
                    break;
                }
                (None, Some(name.to_owned()), line.len())
            }
            _ => break,
        };
        let end = pos + field_start + value_at + len;
        // A value must end at a word boundary: `2022-11-080` is not a date.
        if text[end..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace())
        {
            break;
        }
        meta.date = meta.date.or(date);
        meta.source = meta.source.or(source);
        pos = end;
        meta.body_start = end + (text[end..].len() - text[end..].trim_start().len());
    }
    meta
}

/// `date 2022…` / `Date: 2022…` → ("date", offset of the value).
fn field_key(field: &str) -> Option<(&'static str, usize)> {
    for key in ["date", "source"] {
        let Some(head) = field.get(..key.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(key) {
            continue;
        }
        let after = &field[key.len()..];
        let colon = usize::from(after.starts_with(':'));
        let gap = &after[colon..];
        let spaces = gap.len() - gap.trim_start_matches([' ', '\t']).len();
        if spaces == 0 {
            continue;
        }
        return Some((key, key.len() + colon + spaces));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_date_before_the_first_sentence() {
        let text = " date 2022-11-08 A man, an evacuee";
        let m = parse(text);
        assert_eq!(m.date.unwrap().to_string(), "2022-11-08");
        assert_eq!(&text[m.body_start..], "A man, an evacuee");
    }

    #[test]
    fn source_line_and_date_line() {
        let text = "Source: Reuters\nDate: 2022-11-08\n\nKyiv said";
        let m = parse(text);
        assert_eq!(m.source.as_deref(), Some("Reuters"));
        assert_eq!(m.date.unwrap().to_string(), "2022-11-08");
        assert_eq!(&text[m.body_start..], "Kyiv said");
    }

    #[test]
    fn prose_is_not_metadata() {
        for text in [
            "date night was fun",
            "Date 2022-13-40 x",
            "Russia to evacuate",
            "",
            "date 2022-11-080",
        ] {
            assert_eq!(parse(text), Metadata::default(), "{text:?}");
        }
    }
}
