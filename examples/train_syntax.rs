//! Trains the tagger, parser and lemmatizer on UD English EWT and writes them to
//! `src/lang/en/syntax/`, printing figures on the dev split (never trained on).
//!
//!     cargo run --release --example train_syntax -- ../shared/data/ud-ewt
//!     cargo run --release --example train_syntax -- ../shared/data/ud-ewt --tiny --out /tmp/m
//!
//! `--parser-seeds N` makes the parser the mean of N parsers (seeds `--seed`, `--seed` + 1,
//! ..) trained on the same jackknifed tags; 1, the default, is the shipped single parser,
//! 3 the better-on-dev candidate described in README ("Syntax models").
//!
//! Options: `--from DIR` (load models trained before instead of training: to prune or
//! evaluate them), `--out DIR` (default `src/lang/en/syntax`), `--tiny` (200 sentences, one epoch:
//! proves the path in seconds), `--tokens words|crosswire|both`, `--seed N`,
//! `--tagger-epochs N`, `--parser-epochs N`, `--explore P` (how often the parser follows its
//! own move in training; default 0.9), `--prune W` (drop the parser's weights below W;
//! default 1), `--prune-tagger W` (the same for the tagger; default 0, all kept), `--sweep
//! W1,W2,..` (dev figures and sizes with the parser pruned at other levels, nothing written
//! for them), `--parser-only` (with `--from`: keep the tagger and lemmatizer, retrain only the
//! parser: for sweeps), `--tag-cache FILE` (the parser's jackknifed training tags, read from
//! FILE if it exists, else computed and written there; delete it when the data, the seed or
//! the tagger change), `--errors` (per gold label on dev:
//! how often the head is wrong, the label wrong under the right head, and the top confusions),
//! `--labeller-epochs N` (the second-pass labeller; 0 for none), `--labeller-weight W` (the
//! parser's label scores' weight beside it), `--labeller-weights W1,W2,..` (dev figures with
//! other weights), `--labeller-only` (with `--from`: retrain only the labeller), `--beam K`
//! (the parser decodes with a beam of K hypotheses and, when trained here, is trained for it
//! with the global perceptron, max-violation updates, `--parser-epochs` passes; 1, the
//! default, is the greedy parser with the dynamic oracle; with `--from` alone, the loaded
//! parser decodes with that width), `--margin M` (the beam keeps no hypothesis scoring more
//! than M below its step's best: saved in the model file and, when the beam is trained here,
//! used by the training search too, so the gold is kept within it; `inf`, the default, keeps
//! `--beam` of them always), `--early-update` (a beam trained here stops each sentence's
//! search where the gold falls out of the beam and updates on that prefix), `--warm-start` (with `--from`, `--parser-only` and
//! `--beam`: the beam training goes on from the loaded parser's weights instead of zero),
//! `--every-epoch` (with `--beam`: after each epoch, dev figures of the averaged parser
//! without a labeller, treebank words, and its models in OUT/epoch-N/, the lemma files
//! left out), `--labeller-from DIR` (the labeller of the models in DIR, put beside the
//! parser: the labeller is trained on gold trees, so one serves every parser),
//! `--ensemble DIR1,DIR2,..` (the parser becomes the mean of those models' parsers, e.g.
//! the same training with other `--seed`s, pruned at `--prune`: their score ensemble at one
//! parser's lookups), `--label-context` and `--spans` (the parser reads extra templates:
//! see `parser::label_context_features` and `parser::span_features`), `--silver
//! FILE1,FILE2,..` (CoNLL-U silver trees, e.g. from `examples/silver_trees`, join the greedy
//! parser's training; the tagger, the jackknifed tags and the lemmas stay gold-only; with
//! `--from`, needs `--parser-only`), `--silver-per-epoch N` (how many of them each epoch,
//! in turn from a fixed shuffle; default all).

use _core::syntax::beam::MAX_WIDTH;
use _core::syntax::conllu;
use _core::syntax::lemma::Lemmatizer;
use _core::syntax::model::{Models, Syntax};
use _core::syntax::parser::{LABEL_CONTEXT, SPANS};
use _core::syntax::perceptron::Model;
use _core::syntax::project::GoldToken;
use _core::syntax::train::{evaluate, train_with_silver, AfterEpoch, Config, Prepared, Tokens};
use _core::syntax::words::TokenInput;
use std::time::Instant;

/// Models already trained, from `dir`, pruned as `config` says: to prune or evaluate
/// without training.
fn load(dir: &str, config: &Config) -> Result<Syntax, String> {
    let read = |name: &str| {
        std::fs::read(format!("{dir}/{name}")).map_err(|e| format!("{dir}/{name}: {e}"))
    };
    let text = |name: &str| read(name).map(|b| String::from_utf8_lossy(&b).into_owned());
    let mut models = Models::from_bytes(&read("syntax.model")?).map_err(|e| e.to_string())?;
    models.tagger = models.tagger.pruned(config.prune_tagger);
    models.parser = models.parser.pruned(config.prune_parser);
    let lemmatizer =
        Lemmatizer::from_text(&text("lemma_exceptions.txt")?, &text("lemma_rules.txt")?)?;
    Ok(Syntax { models, lemmatizer })
}

/// The parser's jackknifed training tags, from `cache` if it exists (one sentence a line).
fn training_tags(
    prepared: &Prepared,
    config: &Config,
    syntax: &Syntax,
    cache: Option<&str>,
) -> Result<Vec<Vec<u16>>, String> {
    if let Some(text) = cache.and_then(|path| std::fs::read_to_string(path).ok()) {
        let tags: Vec<Vec<u16>> = text
            .lines()
            .map(|l| {
                l.split_whitespace()
                    .map(|t| t.parse().map_err(|e| format!("{e}")))
                    .collect()
            })
            .collect::<Result<_, String>>()?;
        let fits = tags.len() == prepared.tagged.len()
            && tags
                .iter()
                .zip(&prepared.tagged)
                .all(|(t, s)| t.len() == s.len());
        return if fits {
            Ok(tags)
        } else {
            Err("the tag cache does not fit the data".into())
        };
    }
    let tags = prepared.jackknife_tags(config, &syntax.models.tagger);
    if let Some(path) = cache {
        let text: String = tags
            .iter()
            .map(|s| s.iter().map(u16::to_string).collect::<Vec<_>>().join(" ") + "\n")
            .collect();
        std::fs::write(path, text).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(tags)
}

/// `syntax`'s model file in OUT/epoch-N/ (the models after epoch N).
fn write_epoch(syntax: &Syntax, out: &str, epoch: usize) -> Result<(), String> {
    let dir = format!("{out}/epoch-{epoch}");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{dir}: {e}"))?;
    let path = format!("{dir}/syntax.model");
    std::fs::write(&path, syntax.models.to_bytes()).map_err(|e| format!("{path}: {e}"))
}

/// The mean of the parsers in `dirs` (same labels and templates as `syntax`'s), pruned at
/// `config.prune_parser`: their score ensemble as one greedy parser.
fn mean_parser(syntax: &Syntax, dirs: &[String], config: &Config) -> Result<Model, String> {
    let loaded = dirs
        .iter()
        .map(|dir| load(dir, config))
        .collect::<Result<Vec<Syntax>, String>>()?;
    for (dir, other) in dirs.iter().zip(&loaded) {
        if other.models.labels != syntax.models.labels
            || other.models.parser_templates != syntax.models.parser_templates
        {
            return Err(format!("{dir}: its parser's labels or templates differ"));
        }
    }
    let parsers: Vec<&Model> = loaded.iter().map(|s| &s.models.parser).collect();
    let mean = Model::mean(&parsers).map_err(|e| e.to_string())?;
    Ok(mean.pruned(config.prune_parser))
}

/// The tagger's and parser's input for a treebank sentence's words.
fn inputs_of(gold: &[GoldToken]) -> Vec<TokenInput<'_>> {
    gold.iter()
        .map(|t| TokenInput {
            form: &t.form,
            kind: t.kind,
        })
        .collect()
}

/// Per gold label on dev (treebank words): tokens, wrong heads, wrong labels under a right
/// head, and the labels most often given instead.
fn print_errors(syntax: &Syntax, dev: &[conllu::Sentence]) {
    use std::collections::BTreeMap;
    type Row = (usize, usize, usize, BTreeMap<String, usize>);
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for gold in Tokens::Words.sentences(dev) {
        let inputs = inputs_of(&gold);
        for (g, p) in gold.iter().zip(syntax.analyse(&inputs)) {
            let row = rows.entry(g.deprel.clone()).or_default();
            row.0 += 1;
            if g.head != p.head {
                row.1 += 1;
            } else if g.deprel != p.dep {
                row.2 += 1;
                *row.3.entry(p.dep.to_string()).or_default() += 1;
            }
        }
    }
    let mut rows: Vec<_> = rows.into_iter().collect();
    rows.sort_by_key(|(_, r)| std::cmp::Reverse(r.1 + r.2));
    println!("label            n  head-wrong  label-wrong  confused with");
    for (label, (n, heads, labels, confused)) in rows.iter().take(30) {
        let mut confused: Vec<_> = confused.iter().collect();
        confused.sort_by_key(|(_, c)| std::cmp::Reverse(**c));
        let top: Vec<String> = confused
            .iter()
            .take(4)
            .map(|(l, c)| format!("{l} {c}"))
            .collect();
        println!(
            "{label:<14} {n:>5} {heads:>10} {labels:>12}  {}",
            top.join(", ")
        );
    }
}

/// How many dev sentences (treebank words) get the right root: 38% of head errors sit in
/// the sentences that do not (session 20), so this is the figure to watch.
fn print_roots(syntax: &Syntax, dev: &[conllu::Sentence]) {
    let (mut n, mut right) = (0, 0);
    for gold in Tokens::Words.sentences(dev) {
        let inputs = inputs_of(&gold);
        let gold_root = gold.iter().position(|t| t.head.is_none());
        let (_, tree) = syntax.tag_and_parse(&inputs);
        n += 1;
        right += (tree.heads.iter().position(Option::is_none) == gold_root) as usize;
    }
    println!("dev roots right: {right} of {n} sentences");
}

/// Dev parses beside the gold (treebank words), one token a line: id, form, tag, gold
/// head and label, predicted head and label (heads 1-based, 0 the root); a blank line
/// between sentences. For error analysis.
fn dump_parses(syntax: &Syntax, dev: &[conllu::Sentence]) -> String {
    let mut out = String::new();
    for gold in Tokens::Words.sentences(dev) {
        let inputs = inputs_of(&gold);
        for (i, (g, p)) in gold.iter().zip(syntax.analyse(&inputs)).enumerate() {
            let one = |h: Option<usize>| h.map_or(0, |h| h + 1);
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                i + 1,
                g.form,
                p.tag,
                one(g.head),
                g.deprel,
                one(p.head),
                p.dep
            ));
        }
        out.push('\n');
    }
    out
}

/// The hand list of news verbs beside the shipped lemma files: the dev figures are those of
/// the lemmatizer as it ships.
fn news_verbs() -> &'static str {
    include_str!("../src/lang/en/syntax/lemma_verbs.txt")
}

fn main() {
    if let Err(e) = run() {
        eprintln!("train_syntax: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut data = None;
    let mut out = "src/lang/en/syntax".to_string();
    let mut config = Config::default();
    let mut tiny = false;
    let mut from: Option<String> = None;
    let mut sweep: Vec<f32> = Vec::new();
    let mut parser_only = false;
    let mut tag_cache: Option<String> = None;
    let mut errors = false;
    let mut labeller_only = false;
    let mut dump: Option<String> = None;
    let mut labeller_weights: Vec<f32> = Vec::new();
    let mut beam: Option<usize> = None;
    let mut warm_start = false;
    let mut every_epoch = false;
    let mut labeller_from: Option<String> = None;
    let mut margin: Option<f32> = None;
    let mut ensemble: Vec<String> = Vec::new();
    let mut silver_files: Vec<String> = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => out = value()?,
            "--tiny" => tiny = true,
            "--parser-only" => parser_only = true,
            "--errors" => errors = true,
            "--labeller-only" => labeller_only = true,
            "--warm-start" => warm_start = true,
            "--every-epoch" => every_epoch = true,
            "--early-update" => config.beam_early_update = true,
            "--label-context" => config.parser_templates |= LABEL_CONTEXT,
            "--spans" => config.parser_templates |= SPANS,
            "--labeller-from" => labeller_from = Some(value()?),
            "--dump" => dump = Some(value()?),
            "--ensemble" => ensemble = value()?.split(',').map(str::to_string).collect(),
            "--silver" => silver_files = value()?.split(',').map(str::to_string).collect(),
            "--silver-per-epoch" => {
                config.silver_per_epoch = value()?
                    .parse()
                    .map_err(|e| format!("--silver-per-epoch: {e}"))?
            }
            "--labeller-epochs" => {
                config.labeller_epochs = value()?.parse().map_err(|e| format!("{e}"))?
            }
            "--labeller-weight" => {
                config.labeller_parser_weight = value()?.parse().map_err(|e| format!("{e}"))?
            }
            "--labeller-weights" => {
                labeller_weights = value()?
                    .split(',')
                    .map(|w| w.parse().map_err(|e| format!("--labeller-weights: {e}")))
                    .collect::<Result<Vec<f32>, String>>()?
            }
            "--tag-cache" => tag_cache = Some(value()?),
            "--beam" => beam = Some(value()?.parse().map_err(|e| format!("--beam: {e}"))?),
            "--margin" => margin = Some(value()?.parse().map_err(|e| format!("--margin: {e}"))?),
            "--from" => from = Some(value()?),
            "--seed" => config.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--parser-seeds" => {
                config.parser_seeds = value()?
                    .parse()
                    .map_err(|e| format!("--parser-seeds: {e}"))?
            }
            "--tagger-epochs" => {
                config.tagger_epochs = value()?.parse().map_err(|e| format!("{e}"))?
            }
            "--parser-epochs" => {
                config.parser_epochs = value()?.parse().map_err(|e| format!("{e}"))?
            }
            "--explore" => {
                config.explore = value()?.parse().map_err(|e| format!("--explore: {e}"))?
            }
            "--prune" => {
                config.prune_parser = value()?.parse().map_err(|e| format!("--prune: {e}"))?
            }
            "--prune-tagger" => {
                config.prune_tagger = value()?
                    .parse()
                    .map_err(|e| format!("--prune-tagger: {e}"))?
            }
            "--sweep" => {
                sweep = value()?
                    .split(',')
                    .map(|w| w.parse().map_err(|e| format!("--sweep: {e}")))
                    .collect::<Result<Vec<f32>, String>>()?
            }
            "--tokens" => {
                config.tokens = match value()?.as_str() {
                    "words" => Tokens::Words,
                    "crosswire" => Tokens::Crosswire,
                    "both" => Tokens::Both,
                    other => return Err(format!("--tokens: unknown {other:?}")),
                }
            }
            _ if data.is_none() && !arg.starts_with("--") => data = Some(arg),
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    let data = data.ok_or("usage: train_syntax UD_EWT_DIR [--out DIR] [--tiny] ...")?;
    let read = |split: &str| -> Result<Vec<conllu::Sentence>, String> {
        let path = format!("{data}/en_ewt-ud-{split}.conllu");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        conllu::parse(&text).map_err(|e| format!("{path}: {e}"))
    };
    if let Some(width) = beam {
        if !(1..=MAX_WIDTH).contains(&width) {
            return Err(format!("--beam: a width from 1 to {MAX_WIDTH}"));
        }
        config.beam = width;
    }
    if let Some(margin) = margin {
        if margin.is_nan() || margin < 0.0 {
            return Err("--margin: a score from 0 (inf: none)".into());
        }
        // A beam trained here is trained with the margin it will decode with.
        config.beam_margin = margin;
    }
    if config.parser_seeds == 0 {
        return Err("--parser-seeds: at least 1".into());
    }
    if every_epoch && config.parser_seeds > 1 {
        return Err("--every-epoch needs --parser-seeds 1".into());
    }
    let mut train_set = read("train")?;
    let mut silver = Vec::new();
    for path in &silver_files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        silver.extend(conllu::parse(&text).map_err(|e| format!("{path}: {e}"))?);
    }
    if !silver.is_empty() && from.is_some() && !parser_only {
        return Err("--silver trains a parser: with --from, add --parser-only".into());
    }
    if tiny {
        train_set.truncate(200);
        config.tagger_epochs = 1;
        config.parser_epochs = 1;
    }
    let started = Instant::now();
    let mut progress = |msg: &str| eprintln!("[{:6.1}s] {msg}", started.elapsed().as_secs_f64());
    if (warm_start && !(parser_only && from.is_some()))
        || ((warm_start || every_epoch) && config.beam < 2)
    {
        return Err(
            "--warm-start needs --from, --parser-only and --beam; --every-epoch --beam".into(),
        );
    }
    let mut syntax = match from {
        Some(dir) => load(&dir, &config)?,
        None if parser_only || labeller_only => {
            return Err("--parser-only and --labeller-only need --from".into())
        }
        None => train_with_silver(&train_set, &silver, config, &mut progress)?,
    };
    if parser_only || labeller_only {
        let mut prepared = Prepared::new(&train_set, config.tokens);
        if prepared.tag_names != syntax.models.tags || prepared.labels != syntax.models.labels {
            return Err("the loaded models' classes do not fit the data".into());
        }
        let tags = training_tags(&prepared, &config, &syntax, tag_cache.as_deref())?;
        progress("training tags ready");
        if parser_only && !silver.is_empty() {
            let n = prepared.add_silver(&silver)?;
            progress(&format!(
                "{n} silver sentences, {} an epoch",
                config.silver_per_epoch.min(n)
            ));
        }
        if parser_only {
            let start = warm_start.then(|| syntax.models.parser.clone());
            let dev = if every_epoch {
                read("dev")?
            } else {
                Vec::new()
            };
            let mut measure = |epoch: usize, parser: &Model| {
                let mut model = syntax.clone();
                model.models.parser = parser.clone();
                model.models.beam = config.beam as u32;
                model.models.beam_margin = config.beam_margin;
                model.models.labeller = None;
                model.models.parser_templates = config.parser_templates;
                if let Err(e) = write_epoch(&model, &out, epoch) {
                    eprintln!("{e}");
                }
                let scores = evaluate(&model, &dev, Tokens::Words);
                println!("epoch {epoch}, dev, treebank words, no labeller: {scores}");
                print_roots(&model, &dev);
            };
            let after_epoch: Option<&mut AfterEpoch> = if every_epoch {
                Some(&mut measure)
            } else {
                None
            };
            let parser = prepared.train_parser_from(
                &tags,
                &config,
                start.as_ref(),
                &mut progress,
                after_epoch,
            )?;
            syntax.models.parser = parser;
            syntax.models.beam = config.beam as u32;
            syntax.models.parser_templates = config.parser_templates;
        }
        syntax.models.labeller = prepared.train_labeller(&tags, &config, &mut progress);
    }
    if let Some(dir) = &labeller_from {
        let other = load(dir, &config)?;
        if other.models.labels != syntax.models.labels {
            return Err(format!("{dir}: the labeller's labels are not the parser's"));
        }
        syntax.models.labeller = other.models.labeller;
    }
    if !ensemble.is_empty() {
        syntax.models.parser = mean_parser(&syntax, &ensemble, &config)?;
    }
    if let Some(width) = beam {
        // Loaded models decode with the width asked for.
        syntax.models.beam = width as u32;
    }
    if let Some(margin) = margin {
        syntax.models.beam_margin = margin;
    }
    eprintln!(
        "trained (or loaded) in {:.1}s",
        started.elapsed().as_secs_f64()
    );

    let known = Lemmatizer::known_text(
        config
            .tokens
            .sentences(&train_set)
            .iter()
            .flatten()
            .map(|t| (t.form.as_str(), t.xpos.as_str(), t.lemma.as_str())),
    );
    syntax.lemmatizer = syntax
        .lemmatizer
        .with_known(&known)
        .with_known(news_verbs());

    std::fs::create_dir_all(&out).map_err(|e| format!("{out}: {e}"))?;
    let bytes = syntax.models.to_bytes();
    let (exceptions, rules) = syntax.lemmatizer.to_text();
    for (name, content) in [
        ("syntax.model", bytes.as_slice()),
        ("lemma_exceptions.txt", exceptions.as_bytes()),
        ("lemma_rules.txt", rules.as_bytes()),
        ("lemma_known.txt", known.as_bytes()),
    ] {
        let path = format!("{out}/{name}");
        std::fs::write(&path, content).map_err(|e| format!("{path}: {e}"))?;
        eprintln!("wrote {path} ({} bytes)", content.len());
    }

    if let Ok(dev) = read("dev") {
        let dev = if tiny {
            &dev[..200.min(dev.len())]
        } else {
            &dev[..]
        };
        if errors {
            print_errors(&syntax, dev);
        }
        print_roots(&syntax, dev);
        if let Some(path) = &dump {
            std::fs::write(path, dump_parses(&syntax, dev)).map_err(|e| format!("{path}: {e}"))?;
        }
        for &w in &labeller_weights {
            let mut mixed = syntax.clone();
            if let Some(l) = mixed.models.labeller.as_mut() {
                l.parser_weight = w;
            }
            let scores = evaluate(&mixed, dev, Tokens::Words);
            println!("dev, words, labeller with parser weight {w}: {scores}");
        }
        for &w in &sweep {
            let mut pruned = syntax.clone();
            pruned.models.parser = pruned.models.parser.pruned(w);
            let scores = evaluate(&pruned, dev, Tokens::Words);
            let size = pruned.models.to_bytes().len();
            println!("dev, words, pruned at {w}: {scores}; {size} bytes");
        }
        for (name, tokens) in [
            ("treebank words", Tokens::Words),
            ("crosswire tokens", Tokens::Crosswire),
        ] {
            let started = Instant::now();
            let scores = evaluate(&syntax, dev, tokens);
            let secs = started.elapsed().as_secs_f64();
            println!(
                "dev, {name}: {scores} ({:.0} tokens/s incl. scoring)",
                scores.tokens as f64 / secs
            );
        }
    }
    Ok(())
}
