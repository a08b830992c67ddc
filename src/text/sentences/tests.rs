//! Sentences of whole texts: hand-made cases, the sample corpus, the contract as properties.

use super::*;
use crate::lang::Language;
use crate::text::metadata;
use crate::text::sample::{with_boilerplate_lines, SAMPLE};
use crate::text::TextLayer;
use proptest::prelude::*;

/// The text stage on `text`, with the English lists and the real boilerplate detector.
fn analyse(text: &str) -> TextLayer {
    TextLayer::analyse(text, metadata::parse(text).body_start, Language::english())
}

/// Sentences of `text` as (text, in boilerplate), boilerplate found by the real detector.
fn sentences(text: &str) -> Vec<(&str, bool)> {
    let layer = analyse(text);
    assert_contract(text, &layer.tokens, &layer.boilerplate, &layer.sentences).unwrap();
    layer
        .sentences
        .iter()
        .map(|s| (&text[s.start as usize..s.end as usize], s.boilerplate))
        .collect()
}

fn texts(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn empty_and_blank() {
    assert!(texts("").is_empty());
    assert!(texts(" \r\n\n\t").is_empty());
}

#[test]
fn one_line_without_newline_or_final_period() {
    assert_eq!(texts("Just a headline"), ["Just a headline"]);
}

#[test]
fn paragraphs_break_with_or_without_blank_lines_and_with_crlf() {
    let expected = ["First para ends", "Second para. ", "Third"];
    let expected: Vec<&str> = expected.iter().map(|s| s.trim()).collect();
    assert_eq!(texts("First para ends\nSecond para.\nThird"), expected);
    assert_eq!(texts("First para ends\n\nSecond para.\n\nThird"), expected);
    assert_eq!(
        texts("First para ends\r\n\r\nSecond para.\r\nThird\r\n"),
        expected
    );
}

#[test]
fn headline_without_period_is_its_own_sentence() {
    assert_eq!(
        texts("Russia offers 1,600 euros to leave the region\n\nStremousov promised a payment."),
        [
            "Russia offers 1,600 euros to leave the region",
            "Stremousov promised a payment."
        ]
    );
}

#[test]
fn boilerplate_edges_split_and_flag() {
    let text =
        "He left. Copyright © 2022 Dow Jones. 87990cbe856818d5eddac44c7b1cdeb8\nHe came back.";
    // The copyright notice only counts at the start of a line; here the hash is the junk.
    assert_eq!(
        sentences(text),
        [
            ("He left.", false),
            ("Copyright © 2022 Dow Jones.", false),
            ("87990cbe856818d5eddac44c7b1cdeb8", true),
            ("He came back.", false),
        ]
    );
    let text = "Tips went to [email protected] or by post. Thanks.";
    assert_eq!(
        sentences(text),
        [
            ("Tips went to", false),
            ("[email protected]", true),
            ("or by post.", false),
            ("Thanks.", false),
        ]
    );
}

#[test]
fn quotes_close_with_their_sentence() {
    assert_eq!(
        texts("“They are not preparing to exit now,” Gen. Kyrylo O. Budanov said. “They are preparing to defend.”"),
        [
            "“They are not preparing to exit now,” Gen. Kyrylo O. Budanov said.",
            "“They are preparing to defend.”"
        ]
    );
    assert_eq!(
        texts("Dmytro Kuleba called them “lies.” Russia has not answered."),
        [
            "Dmytro Kuleba called them “lies.”",
            "Russia has not answered."
        ]
    );
}

fn sample_has(doc: usize, sentence: &str, boilerplate: bool) {
    let found = sentences(SAMPLE[doc].1);
    assert!(
        found.contains(&(sentence, boilerplate)),
        "{sentence:?} ({boilerplate}) not among {found:#?}"
    );
}

#[test]
fn sample_abbreviations_titles_and_initials_do_not_split() {
    sample_has(4, "“They are not preparing to exit now,” Gen. Kyrylo O. Budanov, the head of Ukraine’s military intelligence service, said in an interview with a Ukrainian news outlet, Ukrainska Pravda, that was published on Monday.", false);
    sample_has(4, "President Vladimir V. Putin said they were now part of “Mother Russia,” a claim rejected by most world leaders.", false);
    sample_has(4, "“The military leaders discussed several security-related issues of concern and agreed to keep the lines of communication open,” General Milley’s spokesman, Col. Dave Butler, said in an emailed statement.", false);
    sample_has(4, "Within a week of invading Ukraine on Feb. 24, the Russian military had the city of Kherson, in the south, firmly in hand.", false);
    sample_has(4, "The loss of Kherson would be a severe military and symbolic blow for Mr. Putin, who has rejected requests from his commanders on the ground that they be allowed to retreat from the city.", false);
    sample_has(1, "Even the bones of Empress Catherine the Great’s friend and lover, the statesman Grigory Potemkin, were removed from a crypt in St. Catherine’s Cathedral.", false);
    sample_has(0, "A man, an evacuee from Kherson, looks through a bus window upon his arrival at the railway station in Dzhankoi, Crimea, on Wednesday, Nov. 2, 2022.", true);
}

#[test]
fn sample_closing_quotes_stay() {
    sample_has(4, "“They are preparing to defend.”", false);
    sample_has(4, "Russia has not publicly offered evidence to back up the dirty bomb accusations, and Ukraine’s foreign minister, Dmytro Kuleba, called them “lies.”", false);
    sample_has(0, "\"Is Putin ready?", false);
    sample_has(0, "Obviously not.\"", false);
    sample_has(
        1,
        "Washington said it seeks to avoid the possibility of a “nuclear catastrophe.”",
        false,
    );
}

#[test]
fn sample_headlines_and_single_newline_paragraphs() {
    sample_has(
        2,
        "Russia to evacuate civilians from Kherson as Ukrainians close in",
        false,
    );
    sample_has(
        1,
        "Russia offers 1,600 euros to inhabitants of Kherson to leave the region",
        false,
    );
    sample_has(
        4,
        "Russian Officials Flee Kherson as Russian Troops Dig In for a Battle",
        false,
    );
    sample_has(3, "Kherson Mayor Igor Kulekhaev wrote in", false);
    sample_has(3, "Over the past week, one million people in Ukraine have fled to neighboring countries, according to the United Nations.", false);
}

#[test]
fn sample_boilerplate_sentences_are_flagged() {
    sample_has(0, "(AP Photo)", true);
    sample_has(1, "Dimitar DILKOFF AFP", true);
    sample_has(2, "Kherson - Metin Aktas/Anadolu Agency/Getty Images", true);
    sample_has(3, "More Stories", true);
    sample_has(3, "Russian President", true);
    sample_has(3, "Russian President Vladimir Putin", true);
    sample_has(
        3,
        "Putin warns US against deploying long-range missiles in Germany | NATO",
        true,
    );
    sample_has(
        3,
        "Drew Henshaw and Ann M Simmons contributed to this article.",
        true,
    );
    sample_has(4, "by -922 Views", true);
    sample_has(4, "No more pages to load.", true);
}

#[test]
fn sample_002_sentence_count() {
    // 36 non-blank lines: the headline, the credit twice, 33 article paragraphs, of which two
    // hold two sentences (`… said on Telegram. "We have managed …"`, `… by Kyiv." It added …`).
    let found = sentences(SAMPLE[2].1);
    assert_eq!(found.iter().filter(|s| s.1).count(), 2);
    assert_eq!(
        found.iter().filter(|s| !s.1).count(),
        1 + 33 + 2,
        "{found:#?}"
    );
}

/// The sentence contract of CONTRACT.md.
fn assert_contract(
    text: &str,
    tokens: &[Token],
    boilerplate: &[Boilerplate],
    sentences: &[Sentence],
) -> Result<(), TestCaseError> {
    let mut next_token = 0;
    for s in sentences {
        prop_assert!(s.start < s.end, "empty sentence {s:?}");
        let first = tokens
            .get(next_token)
            .ok_or_else(|| TestCaseError::fail("too many sentences"))?;
        prop_assert_eq!(
            s.start,
            first.start,
            "sentence must start at the next token"
        );
        while tokens.get(next_token).is_some_and(|t| t.end <= s.end) {
            next_token += 1;
        }
        prop_assert_eq!(
            tokens[next_token - 1].end,
            s.end,
            "sentence must end at a token end"
        );
        for b in boilerplate {
            let straddles =
                (s.start < b.start && b.start < s.end) || (s.start < b.end && b.end < s.end);
            prop_assert!(!straddles, "{s:?} straddles {b:?} in {text:?}");
        }
        let inside = boilerplate
            .iter()
            .any(|b| b.start <= s.start && s.end <= b.end);
        prop_assert_eq!(s.boilerplate, inside, "flag of {:?}", s);
    }
    prop_assert_eq!(next_token, tokens.len(), "every token in a sentence");
    Ok(())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let layer = analyse(text);
    assert_contract(text, &layer.tokens, &layer.boilerplate, &layer.sentences)
}

proptest! {
    #[test]
    fn contract_holds_on_arbitrary_text(text in "(?s).{0,300}") {
        check(&text)?;
    }

    #[test]
    fn contract_holds_on_news_like_text(
        parts in proptest::collection::vec(
            proptest::sample::select(with_boilerplate_lines(&[
                "Gen. Kyrylo O. Budanov said.",
                "“They are preparing to defend.”",
                "in the U.S. The next",
                " date 2022-11-08",
                "Kherson. .",
                "…",
                "é",
                "",
            ])),
            0..25,
        ),
        sep in prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n"), Just(" "), Just("")],
    ) {
        check(&parts.join(sep))?;
    }
}
