//! Site navigation: chrome lines (`No More Posts Available.`, `Load more`), promo links
//! (`Read more: …`) and the trailing list of unrelated headlines under a heading such as
//! `More Stories`.

use super::lexicon::{normalise_line, starts_with_ignore_case, BoilerplateWords};
use super::lines::Line;

/// Headlines in a link list are short; an article paragraph after a heading means it was not
/// the site's list.
const MAX_LISTED_HEADLINE_CHARS: usize = 200;
const MAX_PROMO_LINE_CHARS: usize = 200;
/// Chrome lines are a few words; longer lines are not compared with the list (speed).
const MAX_CHROME_LINE_BYTES: usize = 64;

pub fn is_navigation_line(line: &str, lex: &BoilerplateWords) -> bool {
    (line.len() <= MAX_CHROME_LINE_BYTES && lex.navigation_lines.contains(&normalise_line(line)))
        || (lex
            .navigation_prefixes
            .iter()
            .any(|prefix| starts_with_ignore_case(line, prefix) && line.len() > prefix.len())
            && line.chars().count() <= MAX_PROMO_LINE_CHARS)
}

/// Index of the line that opens the trailing link list: a navigation heading in the back half
/// of the body, followed only by short lines.
pub fn trailing_list_start(
    lines: &[Line],
    body_start: usize,
    text_len: usize,
    lex: &BoilerplateWords,
) -> Option<usize> {
    let back_half = body_start + (text_len - body_start) / 2;
    let first_candidate = lines.partition_point(|l| l.start < back_half);
    // The list runs to the end, so the last long line bounds where its heading can be.
    let after_last_long = lines
        .iter()
        .rposition(|l| {
            l.text.len() > MAX_LISTED_HEADLINE_CHARS
                && l.text.chars().count() > MAX_LISTED_HEADLINE_CHARS
        })
        .map_or(0, |i| i + 1);
    (first_candidate.max(after_last_long)..lines.len()).find(|&i| {
        lines[i].text.len() <= MAX_CHROME_LINE_BYTES
            && lex
                .navigation_headers
                .contains(&normalise_line(lines[i].text))
    })
}

#[cfg(test)]
mod tests {
    use super::super::lines::body_lines;
    use super::*;
    use crate::lang::Language;

    fn en() -> &'static BoilerplateWords {
        &Language::english().boilerplate
    }

    fn is_navigation_line(line: &str) -> bool {
        super::is_navigation_line(line, en())
    }

    fn trailing_list_start(lines: &[Line], body_start: usize, text_len: usize) -> Option<usize> {
        super::trailing_list_start(lines, body_start, text_len, en())
    }

    #[test]
    fn every_listed_line_fits_the_length_limit() {
        assert!(en()
            .navigation_lines
            .iter()
            .chain(en().navigation_headers.iter())
            .all(|l| l.len() <= MAX_CHROME_LINE_BYTES));
    }

    #[test]
    fn chrome_and_promo_lines() {
        for line in [
            "No More Posts Available.",
            "No more pages to load.",
            "LOAD MORE",
            "Read more: Russia says it will leave Kherson",
        ] {
            assert!(is_navigation_line(line), "{line}");
        }
        for line in [
            "No more rubles.",
            "Read more",
            "Share",
            "Readers shared their views.",
            "Related reports said the city was quiet.",
        ] {
            let expected = matches!(line, "Read more" | "Share");
            assert_eq!(is_navigation_line(line), expected, "{line}");
        }
    }

    #[test]
    fn a_heading_then_short_headlines_to_the_end() {
        let article = "Paragraph one is long enough to be article text. ".repeat(6);
        let text = format!("{article}\nMore Stories\nTwo killed in UK\nPutin warns US | NATO\n");
        let lines = body_lines(&text, 0);
        let i = trailing_list_start(&lines, 0, text.len()).unwrap();
        assert_eq!(lines[i].text, "More Stories");
    }

    #[test]
    fn a_heading_followed_by_article_text_or_early_in_the_text_is_not_a_list() {
        let long = "A paragraph that goes on and on about the battle for the city. ".repeat(4);
        let text = format!("Intro.\n{long}\nRelated\n{long}\n");
        assert_eq!(
            trailing_list_start(&body_lines(&text, 0), 0, text.len()),
            None
        );
        let text = format!("Related\nShort\n{}", "x ".repeat(200));
        assert_eq!(
            trailing_list_start(&body_lines(&text, 0), 0, text.len()),
            None
        );
    }
}
