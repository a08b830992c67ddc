//! Every English list parses strictly; a second language is a folder of lists (`xx/`, a
//! test fixture) whose words, not English ones, decide what each stage finds.

use std::path::{Path, PathBuf};

use super::*;
use crate::align::lexicon::stems_of;
use crate::corpus::{Corpus, Document};
use crate::entities::candidate::Source;
use crate::entities::label::Label;

#[test]
fn every_english_list_parses_strictly() {
    if let Err(e) = Language::built_in("en", Strictness::Strict) {
        panic!("{e}");
    }
    assert!(Language::english().problems().is_empty());
    assert_eq!(Language::english().name(), "en");
    assert!(Language::english().name_model().is_some());
    let err = Language::built_in("xx", Strictness::Strict).unwrap_err();
    assert!(
        err.to_string().contains("not a built-in language (en)"),
        "{err}"
    );
}

#[test]
fn no_abbreviation_is_listed_twice() {
    // Titles live in title_abbreviations.txt only; the tokenizer reads both files.
    let texts = manifest::built_in("en").unwrap();
    let words = |list: List| -> Vec<&str> {
        texts[list as usize]
            .lines()
            .map(|l| l.trim().trim_end_matches('.'))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    };
    let titles = words(List::TitleAbbreviations);
    for a in words(List::Abbreviations) {
        assert!(!titles.contains(&a), "{a} is in both lists");
    }
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lang/xx")
}

/// The `xx` skeleton, read once.
fn xx() -> &'static Language {
    static XX: OnceLock<Language> = OnceLock::new();
    XX.get_or_init(
        || match Language::from_dir(&fixture(), Strictness::Strict) {
            Ok(language) => language,
            Err(e) => panic!("{e}"),
        },
    )
}

const XX_TEXT: &str = "La Dra. Ana Ruiz dijo que al menos tres mil soldados cayeron en Enero en \
Ruritania.\nfoto: Pedro Gil/Archivo\nEl puente sigue en pie, según el Diario Ruritano.";

fn corpus(language: &'static Language) -> Corpus {
    let doc = Document::new("a".into(), XX_TEXT.into(), None, None);
    Corpus::new(vec![doc]).unwrap().with_language(language)
}

fn piece(start: u32, end: u32) -> &'static str {
    &XX_TEXT[start as usize..end as usize]
}

#[test]
fn a_language_folder_loads_and_names_itself() {
    assert_eq!(xx().name(), "xx");
    assert!(xx().problems().is_empty(), "{:?}", xx().problems());
}

#[test]
fn the_second_language_decides_tokens_and_boilerplate() {
    let tokens = |language| -> Vec<&str> {
        corpus(language).text_layer(0).tokens[..4]
            .iter()
            .map(|t| piece(t.start, t.end))
            .collect()
    };
    assert_eq!(tokens(xx()), ["La", "Dra.", "Ana", "Ruiz"]);
    assert_eq!(tokens(Language::english()), ["La", "Dra", ".", "Ana"]);
    let credits = |language| -> Vec<&str> {
        corpus(language)
            .text_layer(0)
            .boilerplate
            .iter()
            .map(|b| piece(b.start, b.end))
            .collect()
    };
    assert_eq!(credits(xx()), ["foto: Pedro Gil/Archivo"]);
    assert!(credits(Language::english()).is_empty());
}

#[test]
fn the_second_language_decides_entities_figures_and_dates() {
    let mentions = |language| -> Vec<(&str, Label, Source)> {
        corpus(language).entities().mentions[0]
            .iter()
            .map(|m| (piece(m.start, m.end), m.label, m.source))
            .collect()
    };
    let found = mentions(xx());
    for expected in [
        ("Ruritania", Label::Gpe, Source::Lexicon),
        ("Diario Ruritano", Label::Org, Source::Lexicon),
        ("al menos tres mil", Label::Cardinal, Source::Figures),
        ("Enero", Label::Date, Source::Dates),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    let english = mentions(Language::english());
    assert!(
        !english
            .iter()
            .any(|m| m.2 == Source::Lexicon || m.1 == Label::Date || m.0.contains("tres")),
        "{english:?}"
    );
}

#[test]
fn the_second_language_decides_claims_and_alignment_words() {
    let cues = |language| -> Vec<(String, &str)> {
        let corpus = corpus(language);
        corpus.claims()[0]
            .iter()
            .filter_map(|c| {
                let cue = c.claim.cue.as_ref()?;
                let speaker = c.claim.speaker.map_or("", |s| piece(s.start, s.end));
                Some((cue.text.clone(), speaker))
            })
            .collect()
    };
    let found = cues(xx());
    assert!(
        found.contains(&("dijo".to_string(), "La Dra. Ana Ruiz"))
            || found.contains(&("dijo".to_string(), "Dra. Ana Ruiz")),
        "{found:?}"
    );
    assert!(cues(Language::english()).is_empty());
    let group =
        |language: &Language, word: &str| language.align.phrases.get(&stems_of(word)).copied();
    assert!(group(xx(), "tropas").is_some());
    assert_eq!(group(xx(), "tropas"), group(xx(), "soldados"));
    assert_eq!(group(Language::english(), "tropas"), None);
}

#[test]
fn a_language_without_a_syntax_model_says_so_and_the_other_stages_still_run() {
    let err = xx().syntax().unwrap_err();
    assert!(err.to_string().contains("has no syntax model"), "{err}");
    let corpus = corpus(xx());
    assert_eq!(corpus.syntax(), Err(&err));
    assert!(!corpus.claims()[0].is_empty());
    assert!(Language::english().syntax().is_ok());
}

#[test]
fn a_missing_file_or_a_bad_line_names_the_file() {
    let dir = std::env::temp_dir().join(format!("crosswire-lang-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for list in List::ALL {
        let to = dir.join(list.path());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixture().join(list.path()), &to).unwrap();
    }
    std::fs::write(
        dir.join("entities/number_words.txt"),
        "# number words\nuno unit 1\ndos unit dos\n",
    )
    .unwrap();
    std::fs::remove_file(dir.join("claims/trailers.txt")).unwrap();
    let folder = dir.display().to_string();

    let err = Language::from_dir(&dir, Strictness::Strict).unwrap_err();
    assert_eq!(err.source, format!("{folder}/claims/trailers.txt"));
    assert_eq!(err.line, 0);

    let lenient = Language::from_dir(&dir, Strictness::Lenient).unwrap();
    let problems: Vec<String> = lenient.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with(&format!("{folder}/claims/trailers.txt: ")));
    assert_eq!(
        problems[1],
        format!("{folder}/entities/number_words.txt, line 3: the value \"dos\" is not a number")
    );
    // The good line of the file was kept.
    assert!(lenient.figures.number_words.contains_key("uno"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_name_model_is_read_with_the_folder_and_a_damaged_one_named() {
    assert!(xx().name_model().is_none(), "the skeleton has no model");
    let dir = std::env::temp_dir().join(format!("crosswire-lang-model-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for list in List::ALL {
        let to = dir.join(list.path());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixture().join(list.path()), &to).unwrap();
    }
    let english = Language::english().name_model().unwrap();
    let path = dir.join(manifest::NAME_MODEL);
    std::fs::write(&path, english.to_bytes()).unwrap();
    let with_model = Language::from_dir(&dir, Strictness::Strict).unwrap();
    assert_eq!(with_model.name_model(), Some(english));

    let bytes = english.to_bytes();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let source = format!("{}/{}", dir.display(), manifest::NAME_MODEL);
    let err = Language::from_dir(&dir, Strictness::Strict).unwrap_err();
    assert_eq!(err.source, source);
    let lenient = Language::from_dir(&dir, Strictness::Lenient).unwrap();
    assert!(lenient.name_model().is_none());
    assert_eq!(lenient.problems().len(), 1, "{:?}", lenient.problems());
    assert_eq!(lenient.problems()[0].source, source);
    std::fs::remove_dir_all(&dir).unwrap();
}
