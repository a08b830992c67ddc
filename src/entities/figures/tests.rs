//! Figures over the real tokenizer: the cases of issue 3, sentences from the sample corpus,
//! and properties on arbitrary input.

use super::*;
use crate::lang::Language;
use crate::text::tokens::tokenize_en as tokenize;

/// Every figure as (span text, label, value, unit, lower, upper, approximate).
type Row = (
    String,
    &'static str,
    f64,
    Option<&'static str>,
    Option<f64>,
    Option<f64>,
    bool,
);

fn rows(text: &str) -> Vec<Row> {
    let tokens = tokenize(text);
    find_figures(text, &tokens, Language::english())
        .into_iter()
        .map(|f| {
            let start = tokens[f.tokens.start].start as usize;
            let end = tokens[f.tokens.end - 1].end as usize;
            (
                text[start..end].to_string(),
                f.label.as_str(),
                f.value,
                f.unit,
                f.lower,
                f.upper,
                f.approximate,
            )
        })
        .collect()
}

fn spans(text: &str) -> Vec<(String, &'static str)> {
    rows(text).into_iter().map(|r| (r.0, r.1)).collect()
}

/// The one figure whose text is `span`.
fn the(text: &str, span: &str) -> Row {
    let all = rows(text);
    all.iter()
        .find(|r| r.0 == span)
        .cloned()
        .unwrap_or_else(|| panic!("no figure {span:?} in {text:?}; found {all:?}"))
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn km_and_kilometers_are_the_same_quantity() {
    let a = the("dismantled 1.5 km of power lines", "1.5 km");
    let b = the("dismantled 1.5 kilometers of power lines", "1.5 kilometers");
    assert_eq!((a.1, a.2, a.3), ("QUANTITY", 1.5, Some("km")));
    assert_eq!((b.1, b.2, b.3), (a.1, a.2, a.3));
    let m = the("a 500 metres stretch", "500 metres");
    assert_eq!((m.2, m.3), (0.5, Some("km")));
}

#[test]
fn areas() {
    let r = the(
        "recaptured nearly 1,200 square kilometres of territory",
        "nearly 1,200 square kilometres",
    );
    assert_eq!(
        r,
        (
            s("nearly 1,200 square kilometres"),
            "QUANTITY",
            1200.0,
            Some("km2"),
            None,
            Some(1200.0),
            true
        )
    );
}

#[test]
fn two_sums_of_money() {
    let text = "a one-time payment of 100,000 rubles, about 1,600 euros, for every resident";
    assert_eq!(
        rows(text),
        vec![
            (
                s("100,000 rubles"),
                "MONEY",
                100000.0,
                Some("RUB"),
                None,
                None,
                false
            ),
            (
                s("about 1,600 euros"),
                "MONEY",
                1600.0,
                Some("EUR"),
                None,
                None,
                true
            ),
        ]
    );
    assert_eq!(the("it cost $1.5 billion", "$1.5 billion").2, 1.5e9);
    assert_eq!(the("it cost $1.5 billion", "$1.5 billion").3, Some("USD"));
    assert_eq!(the("worth €20 each", "€20").3, Some("EUR"));
    assert_eq!(the("paid 300 US dollars", "300 US dollars").3, Some("USD"));
}

#[test]
fn percentages() {
    for (text, span) in [
        (
            "annexed around 15 per cent of the territory",
            "around 15 per cent",
        ),
        ("annexed 15% of the territory", "15%"),
        ("annexed 15 percent of the territory", "15 percent"),
    ] {
        let r = the(text, span);
        assert_eq!((r.1, r.2, r.3), ("PERCENT", 15.0, Some("%")), "{text}");
    }
    assert!(the("annexed around 15 per cent", "around 15 per cent").6);
}

#[test]
fn bound_cues() {
    type Case<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, bool);
    let cases: &[Case] = &[
        (
            "where at least 30 Russians were killed",
            "at least 30",
            Some(30.0),
            None,
            false,
        ),
        (
            "a population of nearly 300,000, has been",
            "nearly 300,000",
            None,
            Some(300000.0),
            true,
        ),
        (
            "a population of around 300,000 before",
            "around 300,000",
            None,
            None,
            true,
        ),
        (
            "as many as 20,000 people have fled",
            "as many as 20,000",
            None,
            Some(20000.0),
            false,
        ),
        (
            "put the figure at closer to 1,000 and",
            "closer to 1,000",
            None,
            None,
            true,
        ),
        (
            "where more than 12,000 people were",
            "more than 12,000",
            Some(12000.0),
            None,
            false,
        ),
        ("up to 40 drones", "up to 40", None, Some(40.0), false),
        ("almost 50 villages", "almost 50", None, Some(50.0), true),
        (
            "a maximum of two",
            "a maximum of two",
            None,
            Some(2.0),
            false,
        ),
    ];
    for &(text, span, lower, upper, approx) in cases {
        let r = the(text, span);
        assert_eq!((r.4, r.5, r.6), (lower, upper, approx), "{text}");
    }
    let r = the("retreat some 20 kilometres since", "some 20 kilometres");
    assert_eq!((r.1, r.2, r.3, r.6), ("QUANTITY", 20.0, Some("km"), true));
}

#[test]
fn cue_words_alone_are_not_figures() {
    assert_eq!(
        spans("some civilians left at least once, about the war"),
        vec![]
    );
    assert_eq!(spans("over the past decade"), vec![]);
}

#[test]
fn plural_magnitudes() {
    let r = the("with hundreds of Russians being killed", "hundreds");
    assert_eq!(
        r,
        (
            s("hundreds"),
            "CARDINAL",
            200.0,
            None,
            Some(200.0),
            Some(1000.0),
            true
        )
    );
    let r = the(
        "outnumbered by thousands of Ukrainian soldiers",
        "thousands",
    );
    assert_eq!((r.4, r.5), (Some(2000.0), Some(1e6)));
    let r = the(
        "calling up hundreds of thousands of reservists",
        "hundreds of thousands",
    );
    assert_eq!((r.4, r.5), (Some(200000.0), Some(1e6)));
    let r = the("tens of thousands of people", "tens of thousands");
    assert_eq!((r.4, r.5), (Some(20000.0), Some(100000.0)));
    assert_eq!(the("dozens of drones", "dozens").4, Some(24.0));
    assert_eq!(spans("tens of people"), vec![]);
}

#[test]
fn fractions() {
    let r = the("lost 300 men, and half of their equipment", "half");
    assert_eq!((r.1, r.2), ("CARDINAL", 0.5));
    let r = the("a third of the city", "a third");
    assert!((r.2 - 1.0 / 3.0).abs() < 1e-12);
    assert!((the("two-thirds of the region", "two-thirds").2 - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(the("three quarters of voters", "three quarters").2, 0.75);
    assert_eq!(spans("the third battalion"), vec![(s("third"), "ORDINAL")]);
}

#[test]
fn fractions_in_digits() {
    // A bond's price moves in 32nds; mixed numbers in two tokens or joined by a hyphen.
    assert_eq!(
        the("The bond was down 10/32 for a yield", "10/32").2,
        10.0 / 32.0
    );
    assert_eq!(the("the index gained 2 1/2 points", "2 1/2").2, 2.5);
    assert_eq!(the("fell 2-1/2 percent", "2-1/2 percent").2, 2.5);
    assert_eq!(the("up 1/2 percent", "1/2 percent").2, 0.5);
    // Not fractions: a date's day past every denominator, a name, a whole over a part.
    assert!(rows("since 9/11 the city")
        .iter()
        .all(|r| r.2 != 9.0 / 11.0));
    assert!(rows("open 24/7 now").iter().all(|r| r.2 != 24.0 / 7.0));
}

#[test]
fn spelled_out_numbers() {
    let cases: &[(&str, &str, f64)] = &[
        ("had liberated five more settlements", "five", 5.0),
        ("\"Twenty Russian soldiers have returned\"", "Twenty", 20.0),
        (
            "where about three million birds were",
            "about three million",
            3e6,
        ),
        (
            "one million people in Ukraine have fled",
            "one million",
            1e6,
        ),
        (
            "more than a dozen European Nato members",
            "more than a dozen",
            12.0,
        ),
        ("twenty-five tanks", "twenty-five", 25.0),
        (
            "one hundred and fifty tanks",
            "one hundred and fifty",
            150.0,
        ),
        ("two dozen tanks", "two dozen", 24.0),
        ("1.5 million people", "1.5 million", 1.5e6),
        ("a million people", "a million", 1e6),
        ("three hundred thousand", "three hundred thousand", 300000.0),
    ];
    for &(text, span, value) in cases {
        let r = the(text, span);
        assert_eq!((r.1, r.2), ("CARDINAL", value), "{text}");
    }
}

#[test]
fn one_as_a_pronoun_is_not_a_number() {
    assert_eq!(
        spans("no one knows; the one who left; walk one by one; a one-time payment"),
        vec![]
    );
    assert_eq!(
        spans("will be one of the war's most important battles"),
        vec![(s("one"), "CARDINAL")]
    );
}

#[test]
fn ordinals() {
    let cases: &[(&str, &str, f64)] = &[
        ("the first to be seized", "first", 1.0),
        ("Kharkiv, the second largest city", "second", 2.0),
        ("the Pacific Fleet's 155th marine brigade", "155th", 155.0),
        ("for the fourth consecutive attack", "fourth", 4.0),
        ("its twenty-first birthday", "twenty-first", 21.0),
        ("the 1st battalion", "1st", 1.0),
    ];
    for &(text, span, value) in cases {
        let r = the(text, span);
        assert_eq!((r.1, r.2), ("ORDINAL", value), "{text}");
    }
    assert_eq!(
        spans("wait a second, 30 second delay"),
        vec![(s("30"), "CARDINAL")]
    );
    assert_eq!(
        spans("a second later, a second ago, a second of silence"),
        vec![]
    );
    // Sample 003: `to start a second round of talks`.
    assert_eq!(the("to start a second round of talks", "second").2, 2.0);
    // An ordinal that counts periods of time is part of a DATE (see the dates), not a figure.
    assert_eq!(spans("the third day, its twenty-first day"), vec![]);
}

#[test]
fn counts_of_people() {
    assert_eq!(
        the("saying that 498 Russian soldiers were killed", "498").1,
        "CARDINAL"
    );
    assert_eq!(
        the("with Kyiv saying 32 of its soldiers had been freed", "32").2,
        32.0
    );
}

#[test]
fn years_and_dates_are_not_cardinals() {
    assert_eq!(spans("annexed by Putin in 2014."), vec![]);
    assert_eq!(spans("on Wednesday, Nov. 2, 2022. Russian"), vec![]);
    assert_eq!(spans("over the past 48 hours, both sides said"), vec![]);
    assert_eq!(spans("lived in Russia for six years"), vec![]);
    assert_eq!(spans("killed 2000 people"), vec![(s("2000"), "CARDINAL")]);
    assert_eq!(
        spans("at least 2000 were"),
        vec![(s("at least 2000"), "CARDINAL")]
    );
}

#[test]
fn sample_corpus_sentences() {
    let text = "Ukraine's southern command said its troops had destroyed five ammunition depots, \
                two fuel trucks, two armoured vehicles and three artillery systems on Wednesday.";
    assert_eq!(
        spans(text),
        vec![
            (s("five"), "CARDINAL"),
            (s("two"), "CARDINAL"),
            (s("two"), "CARDINAL"),
            (s("three"), "CARDINAL")
        ]
    );
    let text =
        "The Russian Defense Ministry acknowledged heavy losses, saying that 498 Russian soldiers \
                were killed and 1,597 wounded in the first seven days of the conflict.";
    assert_eq!(
        rows(text)
            .into_iter()
            .map(|r| (r.0, r.2))
            .collect::<Vec<_>>(),
        vec![(s("498"), 498.0), (s("1,597"), 1597.0)],
        "`first seven days` is a DATE"
    );
    let text =
        "Volodymyr Zelensky, Ukraine's president, warned that his country had just 10 per cent \
                of the required air-defence systems";
    assert_eq!(the(text, "10 per cent").1, "PERCENT");
    let text =
        "Moscow claims that as many as 20,000 people have fled, but Ukrainian officials put the \
                figure at closer to 1,000 and say that most are pro-Kremlin collaborators.";
    assert_eq!(
        spans(text),
        vec![
            (s("as many as 20,000"), "CARDINAL"),
            (s("closer to 1,000"), "CARDINAL")
        ]
    );
}

#[test]
fn whole_sample_corpus_runs_and_stays_ordered() {
    let mut total = 0;
    for text in crate::text::sample::texts() {
        let tokens = tokenize(text);
        let figures = find_figures(text, &tokens, Language::english());
        for w in figures.windows(2) {
            assert!(w[0].tokens.end <= w[1].tokens.start);
        }
        total += figures.len();
    }
    assert!(total > 40, "{total}");
}

pub(crate) mod properties {
    use super::*;
    use crate::text::tokens::{Token, TokenKind};
    use proptest::prelude::*;

    /// Tokens for arbitrary text that do not depend on the real tokenizer: runs of
    /// alphanumerics, and every other non-space char alone.
    pub(crate) fn simple_tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                continue;
            }
            if let Some(s) = start.take() {
                out.push(Token {
                    start: s as u32,
                    end: i as u32,
                    kind: TokenKind::Word,
                });
            }
            if !c.is_whitespace() {
                out.push(Token {
                    start: i as u32,
                    end: (i + c.len_utf8()) as u32,
                    kind: TokenKind::Punct,
                });
            }
        }
        if let Some(s) = start {
            out.push(Token {
                start: s as u32,
                end: text.len() as u32,
                kind: TokenKind::Word,
            });
        }
        out
    }

    fn check(text: &str, tokens: &[Token]) {
        let figures = find_figures(text, tokens, Language::english());
        for f in &figures {
            assert!(f.tokens.start < f.tokens.end && f.tokens.end <= tokens.len());
        }
        for w in figures.windows(2) {
            assert!(w[0].tokens.end <= w[1].tokens.start);
        }
    }

    proptest! {
        #[test]
        fn no_panic_on_text_and_its_tokens(text in "[ a-zA-Z0-9.,%$€-]{0,80}") {
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
        fn number_phrases(words in prop::collection::vec(prop::sample::select(vec![
            "one", "two", "twenty", "-", "hundred", "and", "thousand", "million", "a", "dozen", "of",
            "hundreds", "thousands", "tens", "half", "third", "at", "least", "more", "than", "1,600",
            "1.5", "km", "per", "cent", "%", "$", "euros", "2014", "in", "May", "Monday", "the", "past",
        ]), 0..12)) {
            let text = words.join(" ");
            check(&text, &tokenize(&text));
        }
    }
}

#[test]
fn capitalised_cues() {
    let r = the("About 100 disabled children were moved", "About 100");
    assert!(r.6, "{r:?}");
}
