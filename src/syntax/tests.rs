//! Contracts of the shipped models over crosswire's own tokens and sentences: a tree for
//! every sentence whatever the input, the same answer on any number of threads, and
//! accuracy floors on UD EWT dev.

use super::beam::Beam;
use super::conllu;
use super::document::{analyse, DocumentSyntax};
use super::model::Models;
use super::model::Syntax;
use super::perceptron::{Model, Trainer};
use super::silver::{write_sentence, SilverToken};
use super::train::{evaluate, train, train_with_silver, Config, Prepared, Tokens};
use crate::text::TextLayer;
use proptest::prelude::*;

fn english() -> &'static Syntax {
    crate::lang::Language::english()
        .syntax()
        .expect("English has a syntax model")
}

fn syntax_of(text: &str) -> (TextLayer, DocumentSyntax<'static>) {
    let layer = TextLayer::analyse(text, 0, crate::lang::Language::english());
    let syntax = analyse(english(), text, &layer.tokens, &layer.sentences);
    (layer, syntax)
}

/// Every token has a head in its own sentence, each sentence has one root (its own head)
/// and following heads from any token reaches that root.
fn assert_trees(text: &str, layer: &TextLayer, syntax: &DocumentSyntax) {
    assert_eq!(syntax.len(), layer.tokens.len());
    let sentence_of = |i: usize| {
        let t = layer.tokens[i];
        layer
            .sentences
            .iter()
            .position(|s| s.start <= t.start && t.end <= s.end)
            .expect("every token lies in a sentence")
    };
    let mut roots = vec![0; layer.sentences.len()];
    for (i, s) in syntax.iter().enumerate() {
        let head = s.head as usize;
        assert_eq!(
            syntax.run_of(i),
            syntax.run_of(head),
            "head outside its run in {text:?}"
        );
        assert!(head < syntax.len(), "head out of range in {text:?}");
        assert_eq!(
            sentence_of(head),
            sentence_of(i),
            "head outside its sentence in {text:?}"
        );
        if head == i {
            roots[sentence_of(i)] += 1;
            assert_eq!(s.dep, "root");
        }
        let mut at = i;
        for _ in 0..=syntax.len() {
            at = syntax.head(at);
        }
        assert_eq!(syntax.head(at), at, "a cycle through token {i} in {text:?}");
    }
    assert!(
        roots.iter().all(|&r| r == 1),
        "roots per sentence {roots:?} in {text:?}"
    );
}

#[test]
fn verbs_the_treebank_lacks_get_known_lemmas() {
    let l = &english().lemmatizer;
    for (form, tag, lemma) in [
        ("looted", "VBD", "loot"),
        ("shelled", "VBD", "shell"),
        ("shelled", "VBN", "shell"),
        ("shot", "VBD", "shoot"),
        ("rooted", "VBN", "root"),
        ("ransacked", "VBD", "ransack"),
        ("uprooted", "VBN", "uproot"),
        ("Shelling", "VBG", "shell"),
        // Verbs the rules always handled stay as they were.
        ("said", "VBD", "say"),
        ("denied", "VBD", "deny"),
        ("stopped", "VBD", "stop"),
        ("created", "VBN", "create"),
    ] {
        assert_eq!(l.lemma(form, tag), lemma, "{form} {tag}");
    }
}

#[test]
fn parses_a_news_sentence_into_a_tree_with_tags() {
    let text =
        "Russian troops didn’t leave Kherson, officials said on Friday.\nThe U.S. denied it.";
    let (layer, syntax) = syntax_of(text);
    assert_trees(text, &layer, &syntax);
    let form = |i: usize| &text[layer.tokens[i].start as usize..layer.tokens[i].end as usize];
    let lemma_of = |w: &str| {
        (0..syntax.len())
            .find(|&i| form(i) == w)
            .map(|i| syntax.get(i).lemma)
    };
    assert_eq!(lemma_of("didn"), Some("do"));
    assert_eq!(lemma_of("troops"), Some("troop"));
    assert_eq!(lemma_of("said"), Some("say"));
    assert_eq!(lemma_of("officials"), Some("official"));
    let didn = (0..syntax.len()).find(|&i| form(i) == "didn").unwrap();
    let leave = (0..syntax.len()).find(|&i| form(i) == "leave").unwrap();
    assert_eq!(
        (
            syntax.get(didn).pos,
            syntax.head(didn),
            syntax.get(didn).dep
        ),
        ("AUX", leave, "aux")
    );
    assert_eq!(syntax.get(leave).dep, "root");
    let children: Vec<&str> = (syntax.children(leave))
        .filter(|&c| syntax.get(c).pos != "PUNCT")
        .map(form)
        .collect();
    // UD: the reporting clause hangs off the main verb (as parataxis). The punctuation's
    // heads (the comma on the verb, the object or the reporting verb) and the reporting
    // verb's label (`parataxis`, or `acl` as the model has it here) are where models
    // trained on the same data disagree: not pinned.
    assert_eq!(children, ["troops", "didn", "’t", "Kherson", "said"]);
    let said = (0..syntax.len()).find(|&i| form(i) == "said").unwrap();
    let officials = (0..syntax.len()).find(|&i| form(i) == "officials").unwrap();
    assert_eq!(
        (syntax.head(officials), syntax.get(officials).dep),
        (said, "nsubj")
    );
}

#[test]
fn a_run_of_twenty_thousand_tokens_without_a_full_stop_is_one_tree() {
    let text = "and the soldiers said that ".repeat(4000);
    let (layer, syntax) = syntax_of(&text);
    assert_eq!(layer.tokens.len(), 20_000);
    assert_trees(&text, &layer, &syntax);
}

#[test]
fn tokens_outside_every_sentence_still_get_a_tree() {
    let text = "Kyiv said. Moscow denied it.";
    let layer = TextLayer::analyse(text, 0, crate::lang::Language::english());
    // Only the second sentence given: the tokens before it form a run of their own.
    let syntax = analyse(english(), text, &layer.tokens, &layer.sentences[1..]);
    assert_eq!(syntax.len(), layer.tokens.len());
    let roots: Vec<usize> = (0..syntax.len()).filter(|&i| syntax.head(i) == i).collect();
    assert_eq!(roots.len(), 2, "{syntax:?}");
    assert!((0..3).all(|i| syntax.head(i) < 3 && syntax.run_of(i) == (0..3)));
    assert!((3..syntax.len()).all(|i| syntax.head(i) >= 3 && syntax.starts_run(3)));
    assert!(analyse(english(), "", &[], &[]).is_empty());
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    use rayon::prelude::*;
    let texts: Vec<String> = (0..24)
        .map(|i| format!("Officials in Kherson said {i} people were killed on Friday. “We won’t leave,” he said."))
        .collect();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| texts.par_iter().map(|t| syntax_of(t).1).collect::<Vec<_>>())
    };
    assert_eq!(run(1), run(2));
    assert_eq!(run(1), run(4));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_gives_a_tree_per_sentence(text in "\\PC{0,300}") {
        let (layer, syntax) = syntax_of(&text);
        assert_trees(&text, &layer, &syntax);
    }

    #[test]
    fn news_like_text_gives_a_tree_per_sentence(
        words in proptest::collection::vec("[A-Za-z]{1,8}|[0-9]{1,4}|[,.;:!?\"'’()-]|don’t|U\\.S\\.|\\n", 0..120)
    ) {
        let text = words.join(" ");
        let (layer, syntax) = syntax_of(&text);
        assert_trees(&text, &layer, &syntax);
    }
}

#[test]
fn accuracy_floors_on_ud_ewt_dev() {
    let Some(dev) = conllu::dev_treebank() else {
        return; // skipped when ../shared is absent
    };
    let words = evaluate(english(), &dev, Tokens::Words);
    assert!(words.upos >= 0.950, "{words}");
    assert!(words.xpos >= 0.945, "{words}");
    assert!(words.lemma >= 0.96, "{words}");
    // The shipped parser (gold only, seed 1): 0.8407 / 0.8053. The uptrained student mean
    // (session 35; shipped on branch parse22 at 2d4fef0, then taken back) clears 0.846 / 0.811.
    assert!(words.uas >= 0.840, "{words}");
    assert!(words.las >= 0.805, "{words}");
    let crosswire = evaluate(english(), &dev, Tokens::Crosswire);
    assert!(
        crosswire.upos >= 0.949 && crosswire.uas >= 0.840,
        "{crosswire}"
    );
}

/// The first 150 sentences of UD EWT train: enough to prove the training path (the shipped
/// model uses all); `None` when ../shared is absent.
fn tiny_treebank() -> Option<Vec<conllu::Sentence>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/ud-ewt/en_ewt-ud-train.conllu"
    );
    let text = std::fs::read_to_string(path).ok()?;
    let end = text
        .match_indices("\n\n")
        .nth(149)
        .map_or(text.len(), |(i, _)| i + 2);
    Some(conllu::parse(&text[..end]).unwrap())
}

/// One epoch each and two jackknife folds: the training path in seconds.
fn tiny_config() -> Config {
    Config {
        tagger_epochs: 1,
        parser_epochs: 1,
        jackknife: 2,
        parser_seeds: 1,
        ..Config::default()
    }
}

#[test]
fn the_tiny_training_path_is_deterministic_and_its_files_load() {
    let Some(sentences) = tiny_treebank() else {
        return; // skipped when ../shared is absent
    };
    let config = Config {
        labeller_epochs: 1,
        ..tiny_config()
    };
    let a = train(&sentences, config, &mut |_| {});
    let b = train(&sentences, config, &mut |_| {});
    let bytes = a.models.to_bytes();
    assert_eq!(bytes, b.models.to_bytes());
    assert_eq!(a.lemmatizer.to_text(), b.lemmatizer.to_text());
    assert_eq!(Models::from_bytes(&bytes).unwrap(), a.models);
    assert!(Models::from_bytes(&bytes[..bytes.len() / 3]).is_err());
    // Trained on these sentences, it has learnt something about them.
    let scores = evaluate(&a, &sentences, Tokens::Words);
    assert!(scores.upos > 0.8 && scores.uas > 0.5, "{scores}");
    // The second-pass labeller is saved with the models; it changes labels, never heads.
    assert!(a.models.labeller.is_some());
    let mut without = a.clone();
    without.models.labeller = None;
    let plain = evaluate(&without, &sentences, Tokens::Words);
    assert_eq!(plain.uas, scores.uas);
    // A file written before the labeller existed still loads, without one.
    let old = postcard::to_allocvec(&(
        &without.models.tags,
        &without.models.labels,
        &without.models.tagger,
        &without.models.parser,
    ))
    .unwrap();
    assert_eq!(Models::from_bytes(&old).unwrap(), without.models);
}

#[test]
fn the_tiny_training_path_with_a_beam_records_its_width() {
    let Some(sentences) = tiny_treebank() else {
        return; // skipped when ../shared is absent
    };
    let config = Config {
        parser_epochs: 2,
        beam: 3,
        ..tiny_config()
    };
    let a = train(&sentences, config, &mut |_| {});
    let bytes = a.models.to_bytes();
    assert_eq!(
        bytes,
        train(&sentences, config, &mut |_| {}).models.to_bytes()
    );
    let loaded = Models::from_bytes(&bytes).unwrap();
    assert_eq!(loaded.beam, 3);
    assert_eq!(loaded, a.models);
    let scores = evaluate(&a, &sentences, Tokens::Words);
    assert!(scores.uas > 0.5, "{scores}");
    // Decoded greedily, the same weights give other parses: the width matters.
    let mut greedy = a.clone();
    greedy.models.beam = 1;
    assert_ne!(evaluate(&greedy, &sentences, Tokens::Words), scores);
    // A width of 0, or past the widest, is a damaged file.
    for width in [0, 65] {
        let mut bad = a.models.clone();
        bad.beam = width;
        assert!(Models::from_bytes(&bad.to_bytes()).is_err(), "{width}");
    }
    // A file written before the beam existed loads as a greedy parser.
    let old = postcard::to_allocvec(&(
        &a.models.tags,
        &a.models.labels,
        &a.models.tagger,
        &a.models.parser,
        &a.models.labeller,
    ))
    .unwrap();
    assert_eq!(Models::from_bytes(&old).unwrap(), greedy.models);
}

#[test]
fn the_tiny_training_path_with_a_margin_records_it_and_decodes_with_it() {
    let Some(sentences) = tiny_treebank() else {
        return; // skipped when ../shared is absent
    };
    let config = Config {
        parser_epochs: 2,
        beam: 3,
        beam_margin: 2.0,
        ..tiny_config()
    };
    let a = train(&sentences, config, &mut |_| {});
    let bytes = a.models.to_bytes();
    assert_eq!(
        bytes,
        train(&sentences, config, &mut |_| {}).models.to_bytes(),
        "deterministic"
    );
    let loaded = Models::from_bytes(&bytes).unwrap();
    assert_eq!((loaded.beam, loaded.beam_margin), (3, 2.0));
    let syntax = Syntax {
        models: loaded,
        lemmatizer: a.lemmatizer.clone(),
    };
    assert_eq!(
        syntax.beam(),
        Beam {
            width: 3,
            margin: 2.0
        }
    );
    // It decodes within its margin: the same weights with the full beam parse otherwise.
    let scores = evaluate(&syntax, &sentences, Tokens::Words);
    assert!(scores.uas > 0.5, "{scores}");
    let mut full = syntax.clone();
    full.models.beam_margin = f32::INFINITY;
    assert_ne!(evaluate(&full, &sentences, Tokens::Words), scores);
    // Trained with the margin: other weights than the full beam's training.
    let unpruned = Config {
        beam_margin: f32::INFINITY,
        ..config
    };
    assert_ne!(
        train(&sentences, unpruned, &mut |_| {}).models.parser,
        a.models.parser
    );
}

#[test]
fn the_tiny_training_path_warm_starts_a_beam_from_the_greedy_parser() {
    let Some(sentences) = tiny_treebank() else {
        return; // skipped when ../shared is absent
    };
    let config = tiny_config();
    let greedy = train(&sentences, config, &mut |_| {});
    let prepared = Prepared::new(&sentences, config.tokens);
    let tags = prepared.jackknife_tags(&config, &greedy.models.tagger);
    let start = &greedy.models.parser;
    let beam = |epochs, start: Option<&Model>| {
        let config = Config {
            beam: 3,
            parser_epochs: epochs,
            ..config
        };
        let mut heard = Vec::new();
        let mut after_epoch = |epoch: usize, model: &Model| heard.push((epoch, model.clone()));
        let model = prepared
            .train_parser_from(&tags, &config, start, &mut |_| {}, Some(&mut after_epoch))
            .unwrap();
        (model, heard)
    };
    // No epoch gives back the greedy parser's weights (pruned as they were).
    assert_eq!(&beam(0, Some(start)).0, start);
    let (warm, heard) = beam(2, Some(start));
    assert_eq!(heard.len(), 2);
    assert_eq!(heard[1], (2, warm.clone()));
    assert_eq!(warm.to_bytes(), beam(2, Some(start)).0.to_bytes());
    assert_ne!(warm, beam(2, None).0, "a warm start is not a cold one");
    let mut syntax = greedy.clone();
    syntax.models.parser = warm;
    syntax.models.beam = 3;
    let scores = evaluate(&syntax, &sentences, Tokens::Words);
    assert!(scores.uas > 0.5, "{scores}");
    // A start that scores other moves, or a warm start of the greedy training, is an error.
    let other = Trainer::new(start.n_classes() + 1).finish(0.0);
    let config_beam = Config { beam: 3, ..config };
    let quiet = &mut |_: &str| {};
    assert!(prepared
        .train_parser_from(&tags, &config_beam, Some(&other), quiet, None)
        .is_err());
    assert!(prepared
        .train_parser_from(&tags, &config, Some(start), quiet, None)
        .is_err());
}

#[test]
fn the_tiny_training_path_with_extra_templates_records_them_and_decodes_with_them() {
    let Some(sentences) = tiny_treebank() else {
        return; // skipped when ../shared is absent
    };
    let config = Config {
        parser_epochs: 2,
        parser_templates: super::parser::LABEL_CONTEXT | super::parser::SPANS,
        ..tiny_config()
    };
    let a = train(&sentences, config, &mut |_| {});
    let bytes = a.models.to_bytes();
    assert_eq!(
        bytes,
        train(&sentences, config, &mut |_| {}).models.to_bytes(),
        "deterministic"
    );
    let loaded = Models::from_bytes(&bytes).unwrap();
    assert_eq!(loaded.parser_templates, config.parser_templates);
    assert_eq!(loaded, a.models);
    assert_eq!(a.transitions().templates, config.parser_templates);
    let scores = evaluate(&a, &sentences, Tokens::Words);
    assert!(scores.uas > 0.5, "{scores}");
    // Decoded without the templates it was trained with, the same weights parse otherwise.
    let mut without = a.clone();
    without.models.parser_templates = 0;
    assert_ne!(evaluate(&without, &sentences, Tokens::Words), scores);
    // Trained without them: other weights.
    let plain = Config {
        parser_templates: 0,
        ..config
    };
    assert_ne!(
        train(&sentences, plain, &mut |_| {}).models.parser,
        a.models.parser
    );
    // Every sentence still gets a tree, beam or not.
    let mut beam = a.clone();
    beam.models.beam = 3;
    for syntax in [&a, &beam] {
        for gold in Tokens::Crosswire.sentences(&sentences[..40]) {
            let inputs: Vec<_> = gold
                .iter()
                .map(|t| crate::syntax::words::TokenInput {
                    form: &t.form,
                    kind: t.kind,
                })
                .collect();
            let (_, tree) = syntax.tag_and_parse(&inputs);
            assert_eq!(tree.heads.iter().filter(|h| h.is_none()).count(), 1);
        }
    }
}

#[test]
fn several_parser_seeds_train_the_mean_of_each_seeds_parser_on_the_same_tags() {
    let Some(sentences) = tiny_treebank() else {
        return; // skipped when ../shared is absent
    };
    let config = Config {
        parser_seeds: 2,
        seed: 5,
        ..tiny_config()
    };
    let syntax = train(&sentences, config, &mut |_| {});
    let prepared = Prepared::new(&sentences, config.tokens);
    let tags = prepared.jackknife_tags(&config, &syntax.models.tagger);
    let one = |seed| {
        let config = Config {
            seed,
            parser_seeds: 1,
            ..config
        };
        prepared.train_parser(&tags, &config, &mut |_| {})
    };
    let (five, six) = (one(5), one(6));
    assert_ne!(five, six, "the seeds train different parsers");
    let mean = Model::mean(&[&five, &six])
        .unwrap()
        .pruned(config.prune_parser);
    assert_eq!(syntax.models.parser, mean);
    // Deterministic, and one parser when one seed is asked for.
    assert_eq!(
        train(&sentences, config, &mut |_| {}).models.to_bytes(),
        syntax.models.to_bytes()
    );
    let single = Config {
        parser_seeds: 1,
        ..config
    };
    assert_eq!(train(&sentences, single, &mut |_| {}).models.parser, five);
    // Per-epoch models have no single epoch to give for several seeds.
    let beam = Config { beam: 2, ..config };
    let mut after_epoch = |_: usize, _: &Model| {};
    assert!(prepared
        .train_parser_from(&tags, &beam, None, &mut |_| {}, Some(&mut after_epoch))
        .is_err());
}

#[test]
fn silver_trees_join_the_greedy_parsers_training_and_nothing_else() {
    let Some(sentences) = tiny_treebank() else {
        return; // skipped when ../shared is absent
    };
    let config = Config {
        parser_epochs: 2,
        ..tiny_config()
    };
    let gold_only = train(&sentences, config, &mut |_| {});
    // Silver: news the tiny model parsed itself, written and read back as a silver file is.
    let text = "Ukrainian forces entered Kherson on Friday, the defence ministry said. \
                Russia had announced its withdrawal from the city two days earlier. \
                Residents gathered in the main square and waved flags. \
                The president called it a historic day for the country.";
    let layer = TextLayer::analyse(text, 0, crate::lang::Language::english());
    let parsed = analyse(&gold_only, text, &layer.tokens, &layer.sentences);
    let mut file = String::new();
    let mut i = 0;
    while i < parsed.len() {
        let run = parsed.run_of(i);
        i = run.end;
        let forms: Vec<&str> = layer.tokens[run.clone()]
            .iter()
            .map(|t| &text[t.start as usize..t.end as usize])
            .collect();
        let tokens: Vec<SilverToken> = run
            .clone()
            .zip(&forms)
            .map(|(j, form)| {
                let t = parsed.get(j);
                SilverToken {
                    form,
                    lemma: t.lemma,
                    upos: t.pos,
                    xpos: t.tag,
                    head: (t.head as usize != j).then(|| t.head as usize - run.start),
                    dep: t.dep,
                }
            })
            .collect();
        write_sentence(&mut file, &forms.join(" "), &tokens).unwrap();
    }
    let silver = conllu::parse(&file).unwrap();
    assert_eq!(silver.len(), layer.sentences.len());
    let mut heard = Vec::new();
    let with = train_with_silver(&sentences, &silver, config, &mut |m| {
        heard.push(m.to_string())
    })
    .unwrap();
    let counted = format!(
        "{} silver sentences, {} an epoch",
        silver.len(),
        silver.len()
    );
    assert!(heard.contains(&counted), "{heard:?}");
    // The parser learnt from them; the tagger and lemmas did not; the same seed, the same file.
    assert_ne!(with.models.parser, gold_only.models.parser);
    assert_eq!(with.models.tagger, gold_only.models.tagger);
    assert_eq!(with.lemmatizer.to_text(), gold_only.lemmatizer.to_text());
    let again = train_with_silver(&sentences, &silver, config, &mut |_| {}).unwrap();
    assert_eq!(again.models.to_bytes(), with.models.to_bytes());
    // None an epoch is no silver at all; one an epoch is some of it.
    let none = Config {
        silver_per_epoch: 0,
        ..config
    };
    let unused = train_with_silver(&sentences, &silver, none, &mut |_| {}).unwrap();
    assert_eq!(unused.models.parser, gold_only.models.parser);
    let one = Config {
        silver_per_epoch: 1,
        ..config
    };
    let some = train_with_silver(&sentences, &silver, one, &mut |_| {}).unwrap();
    assert_ne!(some.models.parser, gold_only.models.parser);
    assert_ne!(some.models.parser, with.models.parser);
    // A label the treebank lacks, or a beam, is a clear error.
    let mut odd = silver.clone();
    let dependent = odd[1].words.iter_mut().find(|w| w.head.is_some()).unwrap();
    dependent.deprel = "not-a-label".into();
    let e = train_with_silver(&sentences, &odd, config, &mut |_| {}).err();
    assert!(e.is_some_and(|e| e.contains("not-a-label")));
    let beam = Config { beam: 2, ..config };
    assert!(train_with_silver(&sentences, &silver, beam, &mut |_| {}).is_err());
}
