//! The name model's contracts: the shipped file loads; names on any input stay within the
//! tokens, never overlap and never panic; the result is deterministic; names nobody listed
//! are found in hand-made sentences; training runs end to end in seconds; and on eng.testa
//! (when `../shared` is beside the clone) the model keeps its accuracy.

use std::path::PathBuf;

use proptest::prelude::*;

use crate::entities::features::Features;
use crate::entities::tagger::{rule_candidates, tag};
use crate::lang::Language;
use crate::text::TextLayer;

use super::tags::Kind;
use super::{conll, train, Found, NameModel};

/// The shipped model.
fn model() -> &'static NameModel {
    Language::english()
        .name_model()
        .expect("English has a name model")
}

fn found(text: &str) -> Vec<Found> {
    let language = Language::english();
    let lexicon = &language.names;
    let layer = TextLayer::analyse(text, 0, language);
    let f = Features::new(
        text,
        &layer.tokens,
        &layer.sentences,
        &layer.boilerplate,
        lexicon,
    );
    let matches = lexicon.gazetteer.find_all(&f);
    let rules = rule_candidates(&f, lexicon, language, &matches, &layer.tokens, None);
    model().find(&f, lexicon, &matches, &rules)
}

/// `(text, label, source)` of every name the whole tagger finds.
fn tagged(text: &str) -> Vec<(String, &'static str, &'static str)> {
    let language = Language::english();
    let layer = TextLayer::analyse(text, 0, language);
    tag(text, &layer, &language.names, language, None)
        .into_iter()
        .map(|m| {
            (
                text[m.start as usize..m.end as usize].to_owned(),
                m.label.as_str(),
                m.source.as_str(),
            )
        })
        .collect()
}

fn has(text: &str, name: &str, label: &str) {
    let got = tagged(text);
    assert!(
        got.iter().any(|(t, l, _)| t == name && *l == label),
        "{name:?} {label} not in {got:?}"
    );
}

#[test]
fn the_shipped_model_loads_and_damaged_ones_do_not() {
    let model = model();
    assert_eq!(model.model().n_classes(), super::tags::N_TAGS);
    assert!(model.model().n_features() > 10_000);
    let bytes = model.to_bytes();
    assert_eq!(NameModel::from_bytes(&bytes).unwrap(), *model);
    assert!(NameModel::from_bytes(&bytes[..bytes.len() / 3]).is_err());
    assert!(NameModel::from_bytes(b"").is_err());
    let mut other_version = bytes.clone();
    other_version[0] = other_version[0].wrapping_add(1);
    assert!(NameModel::from_bytes(&other_version).is_err());
}

/// `(text, label)` of the names the model proposed that won.
fn by_model(text: &str) -> Vec<(String, &'static str)> {
    tagged(text)
        .into_iter()
        .filter(|m| m.2 == "model")
        .map(|m| (m.0, m.1))
        .collect()
}

#[test]
fn unseen_names_are_found_by_their_context() {
    // Made-up names, in no lexicon and typed by no rule: the model's own.
    let cases = [
        (
            "The talks in Vostrakh ended without a deal, Ambassador Ilse Marquardt said.",
            "Vostrakh",
            "GPE",
        ),
        (
            "Police in Barrowmere arrested two men on Friday.",
            "Barrowmere",
            "GPE",
        ),
        (
            "The deal was announced by Telvaro, a software maker based in Dunleith.",
            "Dunleith",
            "GPE",
        ),
        (
            "Dunleith beat Barrowmere 2-1 in the Scottish league on Saturday.",
            "Barrowmere",
            "ORG",
        ),
    ];
    for (text, name, label) in cases {
        let got = by_model(text);
        assert!(
            got.contains(&(name.to_owned(), label)),
            "{name:?} {label} not in {got:?}"
        );
    }
    // A capitalised club name is no nationality (`-ic` is no group ending).
    let got = tagged("Marlowe Pryce-Adebayo scored twice for Harlow Athletic on Saturday.");
    assert!(!got.iter().any(|m| m.1 == "NORP"), "{got:?}");
}

#[test]
fn the_lexicon_keeps_its_labels_and_a_sure_model_its_longer_names() {
    // CoNLL-2003 calls the Kremlin a place; the lexicon's OntoNotes label stands.
    has("The Kremlin said the talks had failed.", "Kremlin", "ORG");
    has(
        "Manchester United beat Arsenal 2-0 at Old Trafford on Saturday.",
        "Manchester United",
        "ORG",
    );
}

#[test]
fn a_word_capitalised_by_its_place_opens_no_name() {
    let got = tagged("Whatever Trump says goes, she said.");
    assert!(
        got.iter().any(|(t, l, _)| t == "Trump" && *l == "PERSON"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(t, _, _)| t.contains("Whatever")),
        "{got:?}"
    );
    // Opening a quotation after a colon (no sentence starts there).
    let got = tagged("It is simple: \u{2018}Whatever Trump says goes.\u{2019}");
    assert!(
        !got.iter().any(|(t, _, _)| t.contains("Whatever")),
        "{got:?}"
    );
}

#[test]
fn headlines_in_capitals_are_read_with_the_story() {
    let text = "SOCCER - VALTREXA UNITED SACK COACH .\nLONDON 1996-08-30\nValtrexa United sacked their coach on Friday , the club said .\n";
    let got = tagged(text);
    assert!(
        got.iter()
            .any(|(t, l, _)| t == "VALTREXA UNITED" && *l == "ORG"),
        "{got:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn names_lie_within_the_tokens_in_order(text in "\\PC{0,300}") {
        let layer = TextLayer::analyse(&text, 0, Language::english());
        let names = found(&text);
        for w in names.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.first);
        }
        for n in &names {
            prop_assert!(n.span.first < n.span.end && n.span.end <= layer.tokens.len());
            prop_assert!(n.margin >= 0.0);
        }
        prop_assert_eq!(found(&text), names);
    }

    #[test]
    fn capitalised_word_soup_never_panics(words in prop::collection::vec("[A-Z][a-z]{0,8}|[a-z]{1,6}|[,.\\-'\"()]|[0-9]{1,4}|[A-Z]{2,5}", 0..80)) {
        let text = words.join(" ");
        let layer = TextLayer::analyse(&text, 0, Language::english());
        for n in found(&text) {
            prop_assert!(n.span.end <= layer.tokens.len());
        }
    }
}

fn conll_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/conll2003");
    dir.join("eng.testa").is_file().then_some(dir)
}

fn read(dir: &std::path::Path, name: &str) -> Vec<conll::Document> {
    conll::parse(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
}

#[test]
fn accuracy_floor_on_conll_dev() {
    let Some(dir) = conll_dir() else {
        eprintln!("skipped: ../shared/data/conll2003 is not beside the clone");
        return;
    };
    let docs = read(&dir, "eng.testa");
    let language = Language::english();
    let dev = train::examples(&docs, language);
    let model = model();
    let alone = train::evaluate(&dev, |x, o| model.model().scores(x, o));
    // Dev was tuned on: these floors catch regressions, not generalisation.
    assert!(alone.per_loc_org().f1() >= 0.89, "{}", alone.table());
    assert!(alone.of(Kind::Misc).f1() >= 0.80, "{}", alone.table());
    let tagger = train::evaluate_tagger(&docs, language, Some(model));
    assert!(tagger.per_loc_org().f1() >= 0.88, "{}", tagger.table());
    let rules = train::evaluate_tagger(&docs, language, None);
    assert!(
        tagger.per_loc_org().f1() > rules.per_loc_org().f1() + 0.1,
        "{}\n{}",
        tagger.table(),
        rules.table()
    );
}

/// The tiny mode of `examples/train_names`: 200 training documents, two epochs.
#[test]
fn a_tiny_model_trains_in_seconds_and_deterministically() {
    let Some(dir) = conll_dir() else {
        eprintln!("skipped: ../shared/data/conll2003 is not beside the clone");
        return;
    };
    let mut docs = read(&dir, "eng.train");
    docs.truncate(200);
    let language = Language::english();
    let examples = train::examples(&docs, language);
    let settings = train::Settings {
        epochs: 2,
        seed: 7,
        min_weight: 0.05,
    };
    let a = train::train(&examples, settings, |_, _| {});
    let b = train::train(&examples, settings, |_, _| {});
    assert_eq!(a.to_bytes(), b.to_bytes(), "same seed, same model");
    let mut dev = read(&dir, "eng.testa");
    dev.truncate(50);
    let dev = train::examples(&dev, language);
    let scores = train::evaluate(&dev, |x, o| a.scores(x, o));
    assert!(scores.per_loc_org().f1() >= 0.6, "{}", scores.table());
}
