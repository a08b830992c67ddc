//! Boilerplate on whole texts: the sample corpus, hand-made cases, invariants.

use super::*;
use crate::text::sample::{with_boilerplate_lines, SAMPLE};
use proptest::prelude::*;
use BoilerplateKind::*;

fn detect(text: &str, body_start: usize) -> Vec<Boilerplate> {
    super::detect(text, body_start, crate::lang::Language::english())
}

fn marked(text: &str, body_start: usize) -> Vec<(BoilerplateKind, &str)> {
    detect(text, body_start)
        .into_iter()
        .map(|s| (s.kind, &text[s.start as usize..s.end as usize]))
        .collect()
}

#[test]
fn empty_and_blank_texts() {
    assert!(marked("", 0).is_empty());
    assert!(marked(" \r\n\n ", 0).is_empty());
    assert!(marked("One line of article text, no newline.", 0).is_empty());
}

#[test]
fn metadata_header_is_kept_apart_from_a_caption_on_the_same_line() {
    let text = " date 2022-11-08 A man looks out of a bus window. (AP Photo)\n\nArticle text.";
    assert_eq!(
        marked(text, 17),
        [
            (Metadata, "date 2022-11-08"),
            (Caption, "A man looks out of a bus window. (AP Photo)"),
        ]
    );
}

#[test]
fn crlf_and_single_newline_paragraphs() {
    let text = "Text one.\r\nby -922 Views\r\nText two.\r\nNo more pages to load.\r\n";
    assert_eq!(
        marked(text, 0),
        [
            (Byline, "by -922 Views"),
            (Navigation, "No more pages to load.")
        ]
    );
}

#[test]
fn hash_and_placeholder_inside_article_lines() {
    let text =
        "Tips went to [email protected] today.\nA stray 87990cbe856818d5eddac44c7b1cdeb8 here.";
    assert_eq!(
        marked(text, 0),
        [
            (Email, "[email protected]"),
            (Hash, "87990cbe856818d5eddac44c7b1cdeb8"),
        ]
    );
}

#[test]
fn a_body_start_inside_a_character_or_past_the_end_does_not_panic() {
    let text = "é date";
    let _ = detect(text, 1);
    let _ = detect(text, 99);
}

fn sample(name: &str) -> Vec<(BoilerplateKind, &'static str)> {
    let text = crate::text::sample::text(name);
    let body_start = crate::text::metadata::parse(text).body_start;
    marked(text, body_start)
}

#[test]
fn sample_000_ap_caption() {
    let found = sample("000");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0], (Metadata, "date 2022-11-08"));
    assert_eq!(found[1].0, Caption);
    assert!(found[1].1.starts_with("A man, an evacuee from Kherson"));
    assert!(found[1]
        .1
        .ends_with("massive Ukrainian shelling. (AP Photo)"));
}

#[test]
fn sample_001_two_captions_and_the_subheads_stay() {
    let found = sample("001");
    let kinds: Vec<_> = found.iter().map(|f| f.0).collect();
    assert_eq!(kinds, [Metadata, Caption, Caption], "{found:#?}");
    assert_eq!(
        found[1].1,
        "In the south, kyiv forces prepare for heavy fighting to recapture the city of Kherson and its surrounding region. Dimitar DILKOFF AFP"
    );
    assert_eq!(
        found[2].1,
        "A group of people unloads a ship in the city of Oleshky, in the Kherson region of Ukraine, on October 22, 2022. © Reuters/Alexander Ermochenko"
    );
}

#[test]
fn sample_002_repeated_credit_line_and_the_headline_stays() {
    assert_eq!(
        sample("002"),
        [
            (Credit, "Kherson - Metin Aktas/Anadolu Agency/Getty Images"),
            (Credit, "Kherson - Metin Aktas/Anadolu Agency/Getty Images"),
        ]
    );
}

#[test]
fn sample_003_the_tail_of_a_wsj_page() {
    assert_eq!(
        sample("003"),
        [
            (Caption, "Russian President"),
            (Caption, "Russian President Vladimir Putin"),
            (Byline, "Drew Henshaw and Ann M Simmons contributed to this article."),
            (
                Contact,
                "write to Yaroslav Trofimov at [email protected] and Stacy Meichtry at [email protected]"
            ),
            (Copyright, "Copyright © 2022 Dow Jones & Company, Inc. all rights are save."),
            (Hash, "87990cbe856818d5eddac44c7b1cdeb8"),
            (
                Navigation,
                "More Stories\nTwo children killed, 11 injured in stabbing attack at Taylor Swift dance party in UK, 17-year-old arrested\nFiber optic communications networks are being sabotaged – DW – 07/29/2024\nPutin warns US against deploying long-range missiles in Germany | NATO"
            ),
        ]
    );
}

#[test]
fn sample_004_view_counter_contributors_and_navigation() {
    assert_eq!(
        sample("004"),
        [
            (Byline, "by -922 Views"),
            (
                Byline,
                "Marc Santorareported from Kyiv, and Eric Nagourney from New York. Helene Cooper contributed reporting from Washington, and Cora Engelbrecht from London."
            ),
            (Navigation, "No More Posts Available."),
            (Navigation, "No more pages to load."),
        ]
    );
}

#[test]
fn sample_headlines_and_subheads_are_article_text() {
    let texts: Vec<&str> = SAMPLE
        .iter()
        .flat_map(|(name, _)| sample(name))
        .map(|(_, t)| t)
        .collect();
    for line in [
        "Russia to evacuate civilians from Kherson as Ukrainians close in",
        "Russia offers 1,600 euros to inhabitants of Kherson to leave the region",
        "The US promotes talks with Russia and kyiv rules them out",
        "Russian Officials Flee Kherson as Russian Troops Dig In for a Battle",
    ] {
        assert!(texts.iter().all(|t| !t.contains(line)), "{line}");
    }
}

/// The cursor answers, token by token, what a search over every span answers.
fn check_cursor(text: &str, body_start: usize) -> Result<(), TestCaseError> {
    let spans = detect(text, body_start);
    let mut cursor = BoilerplateCursor::new(&spans);
    for t in crate::text::tokens::tokenize_en(text) {
        let touched = spans
            .iter()
            .position(|b| b.start < t.end && t.start < b.end);
        let inside = spans.iter().any(|b| b.start <= t.start && t.end <= b.end);
        prop_assert_eq!(cursor.overlapping(t.start, t.end), touched, "{:?}", t);
        prop_assert_eq!(cursor.covers(t.start, t.end), inside, "{:?}", t);
    }
    Ok(())
}

#[test]
fn cursor_on_the_sample_corpus() {
    let mut inside = 0;
    for (_, text) in SAMPLE {
        let spans = detect(text, crate::text::metadata::parse(text).body_start);
        let mut cursor = BoilerplateCursor::new(&spans);
        inside += crate::text::tokens::tokenize_en(text)
            .iter()
            .filter(|t| cursor.covers(t.start, t.end))
            .count();
        check_cursor(text, crate::text::metadata::parse(text).body_start).unwrap();
    }
    // Captions, credits, bylines and the navigation tails hold a few hundred tokens.
    assert!((200..400).contains(&inside), "{inside}");
}

fn check_invariants(text: &str, body_start: usize) -> Result<(), TestCaseError> {
    let spans = detect(text, body_start);
    let mut last_end = 0;
    for s in &spans {
        let (start, end) = (s.start as usize, s.end as usize);
        prop_assert!(start < end && end <= text.len());
        prop_assert!(start >= last_end, "sorted, non-overlapping: {spans:?}");
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        let inner = &text[start..end];
        prop_assert_eq!(inner.trim(), inner);
        last_end = end;
    }
    Ok(())
}

proptest! {
    #[test]
    fn spans_are_sorted_disjoint_trimmed_on_boundaries(
        text in "(?s)[a-zA-Z0-9 .,©()/\\-\r\n\u{e9}\u{2019}\u{2028}\\[\\]@]{0,300}",
        body_start in 0usize..320,
    ) {
        check_invariants(&text, body_start)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,400}", body_start in 0usize..500) {
        check_invariants(&text, body_start)?;
        check_cursor(&text, body_start)?;
    }

    #[test]
    fn boilerplate_lines_mixed_into_text(
        parts in proptest::collection::vec(
            proptest::sample::select(with_boilerplate_lines(&["Article text goes on here.", ""])),
            0..20,
        ),
        sep in prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n"), Just(" ")],
    ) {
        let text = parts.join(sep);
        check_invariants(&text, 0)?;
        check_cursor(&text, 0)?;
    }
}
