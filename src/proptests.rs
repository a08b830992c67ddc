//! Property tests of the whole pipeline on hostile input: text built from long sentences,
//! claims repeated within and across documents, many names, figures and dates, huge
//! numbers, control, bidi and zero-width characters. Every stage must finish without a
//! panic, give spans that are valid slices of the text in order, and give the same result
//! on one thread as on three.
//!
//! `CROSSWIRE_FUZZ_CASES` sets the number of cases (default 24); `scripts/fuzz` runs many.

use std::sync::LazyLock;

use proptest::prelude::*;

use crate::corpus::{Corpus, Document};

/// Pieces of hostile news text, glued together at random.
const PIECES: &[&str] = &[
    "Kyiv said",
    "Ukrainian officials said that",
    "Moscow denied",
    "according to the Defense Ministry,",
    "Volodymyr Zelensky",
    "Zelenski",
    "Mr. Podolyak",
    "Dmytro Kuleba",
    "Kuleba",
    "the Kherson region",
    "32 soldiers were killed",
    "at least 1,000 people fled",
    "as many as 20,000",
    "99999999999999999999999999999999",
    "1e308",
    "10,000,000,000,000,000,000 dollars",
    "-0.0000000001%",
    "on Monday",
    "November 7, 2022",
    "2022-11-08",
    "it is a war crime",
    "the bridge fell",
    "“It is over,” he said.",
    "\"Quote without end",
    "”",
    ".",
    ". ",
    ",",
    ";",
    " — ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{200b}",
    "\u{feff}",
    "e\u{301}",
    "👩‍👩‍👧",
    "Дмитро Кулеба",
    "ﷺ",
    " date 2022-11-08 ",
    "Source: Reuters",
    "(AP Photo)",
];

/// A made-up name from a few syllables, so that spellings of one another are common.
fn name() -> impl Strategy<Value = String> {
    ("(Ka|Ko|Mi|Ya)(ri|ly|li)", "(Ze|Se|Za)(len|lin)(sky|ski|ko)")
        .prop_map(|(first, last)| format!("{first} {last} said"))
}

/// One document: pieces, names and whole sentences, some repeated many times.
fn document() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => name(),
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ];
    let sentence = proptest::collection::vec(piece, 0..24).prop_map(|p| p.join(" "));
    let repeated = (
        sentence,
        1usize..40,
        prop_oneof![Just(". "), Just(", "), Just(" ")],
    )
        .prop_map(|(s, n, glue)| vec![s; n].join(glue));
    proptest::collection::vec(repeated, 0..6).prop_map(|parts| parts.join(" "))
}

fn corpus_of(texts: &[String]) -> Corpus {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(i.to_string(), t.clone(), None, None))
        .collect();
    Corpus::new(docs).expect("distinct names")
}

/// A claim as its start, end and speaker span.
type ClaimRow = (u32, u32, Option<(u32, u32)>);

/// Everything the pipeline says about a corpus, as plain values.
#[derive(Debug, PartialEq)]
struct Summary {
    tokens: Vec<Vec<(u32, u32)>>,
    sentences: Vec<Vec<(u32, u32, bool)>>,
    mentions: Vec<Vec<(u32, u32, Option<String>)>>,
    claims: Vec<Vec<ClaimRow>>,
    pairs: Vec<(u32, u32, &'static str, u64)>,
    groups: Vec<u32>,
}

fn summary(corpus: &Corpus) -> Summary {
    let layers = corpus.text_layers();
    let entities = corpus.entities();
    let claims = corpus.claims();
    let alignment = corpus.alignment();
    Summary {
        tokens: layers
            .iter()
            .map(|l| l.tokens.iter().map(|t| (t.start, t.end)).collect())
            .collect(),
        sentences: layers
            .iter()
            .map(|l| {
                l.sentences
                    .iter()
                    .map(|s| (s.start, s.end, s.boilerplate))
                    .collect()
            })
            .collect(),
        mentions: entities
            .mentions
            .iter()
            .enumerate()
            .map(|(d, ms)| {
                ms.iter()
                    .enumerate()
                    .map(|(m, x)| {
                        (
                            x.start,
                            x.end,
                            entities.entity_of(d, m).map(|e| e.id.clone()),
                        )
                    })
                    .collect()
            })
            .collect(),
        claims: claims
            .iter()
            .map(|cs| {
                cs.iter()
                    .map(|c| {
                        let sp = c.claim.speaker.map(|s| (s.start, s.end));
                        (c.claim.span.start, c.claim.span.end, sp)
                    })
                    .collect()
            })
            .collect(),
        pairs: alignment
            .pairs
            .iter()
            .map(|p| (p.a, p.b, p.relation.as_str(), p.score.to_bits()))
            .collect(),
        groups: alignment.groups.clone(),
    }
}

/// Spans `(start, end)` are slices of `text` on character boundaries, not reversed.
fn valid_spans(text: &str, spans: impl IntoIterator<Item = (u32, u32)>) -> Result<(), String> {
    for (start, end) in spans {
        let (s, e) = (start as usize, end as usize);
        if s > e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return Err(format!("span {s}..{e} of a text of {} bytes", text.len()));
        }
    }
    Ok(())
}

fn sorted<T: PartialOrd + Copy>(xs: impl IntoIterator<Item = T>) -> bool {
    let xs: Vec<T> = xs.into_iter().collect();
    xs.windows(2).all(|w| w[0] <= w[1])
}

fn check(texts: &[String], s: &Summary) -> Result<(), String> {
    for (d, text) in texts.iter().enumerate() {
        valid_spans(text, s.tokens[d].iter().copied())?;
        valid_spans(text, s.sentences[d].iter().map(|&(a, b, _)| (a, b)))?;
        valid_spans(text, s.mentions[d].iter().map(|&(a, b, _)| (a, b)))?;
        valid_spans(text, s.claims[d].iter().map(|&(a, b, _)| (a, b)))?;
        valid_spans(text, s.claims[d].iter().filter_map(|c| c.2))?;
        if !sorted(s.tokens[d].iter().map(|t| t.0)) || !sorted(s.mentions[d].iter().map(|m| m.0)) {
            return Err(format!("document {d}: tokens or mentions out of order"));
        }
        if !sorted(s.claims[d].iter().map(|c| c.0)) {
            return Err(format!("document {d}: claims out of order"));
        }
    }
    let n: usize = s.claims.iter().map(Vec::len).sum();
    if s.groups.len() != n {
        return Err(format!("{} groups for {n} claims", s.groups.len()));
    }
    if s.pairs.iter().any(|p| p.0 >= p.1 || p.1 as usize >= n) {
        return Err("a pair is not (a, b) with a < b < claims".into());
    }
    if !sorted(s.pairs.iter().map(|p| (p.0, p.1))) {
        return Err("pairs out of order".into());
    }
    Ok(())
}

static ONE: LazyLock<rayon::ThreadPool> = LazyLock::new(|| pool(1));
static THREE: LazyLock<rayon::ThreadPool> = LazyLock::new(|| pool(3));

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
}

fn cases() -> u32 {
    std::env::var("CROSSWIRE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_stage_holds_on_hostile_text_whatever_the_thread_count(
        texts in proptest::collection::vec(document(), 1..6),
    ) {
        let one = ONE.install(|| summary(&corpus_of(&texts)));
        if let Err(e) = check(&texts, &one) {
            return Err(TestCaseError::fail(e));
        }
        let three = THREE.install(|| summary(&corpus_of(&texts)));
        prop_assert_eq!(one, three);
    }

    #[test]
    fn comparing_any_two_texts_gives_a_verdict(a in document(), b in document()) {
        let j = crate::align::compare(&a, &b, crate::lang::Language::english());
        prop_assert!((0.0..=1.0).contains(&j.score), "score {}", j.score);
    }
}
