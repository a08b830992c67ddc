//! Trains the name model on CoNLL-2003 and writes it where the build picks it up.
//!
//! ```sh
//! cargo run --release --example train_names -- ../shared/data/conll2003
//! cargo run --release --example train_names -- ../shared/data/conll2003 --tiny   # seconds
//! ```
//!
//! Reads `eng.train` (training) and `eng.testa` (development: scores printed after each
//! epoch, never trained on). Options: `--epochs N` (default 12), `--seed S` (default 1),
//! `--min-weight W` (drop averaged weights below W; default 0.05), `--out PATH` (default
//! `src/lang/en/entities/names.model`), `--tiny` (200 training documents, 2 epochs, written
//! nowhere unless `--out` is given: the whole pipeline in seconds).

use std::path::PathBuf;
use std::time::Instant;

use _core::entities::name_model::{conll, train, NameModel};
use _core::lang::Language;

fn main() {
    if let Err(e) = run() {
        eprintln!("train_names: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut settings = train::Settings {
        min_weight: 0.05,
        ..Default::default()
    };
    let mut out: Option<PathBuf> = None;
    let mut tiny = false;
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--epochs" => settings.epochs = parse(&value("--epochs")?)?,
            "--seed" => settings.seed = parse(&value("--seed")?)?,
            "--min-weight" => settings.min_weight = parse(&value("--min-weight")?)?,
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--tiny" => tiny = true,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.ok_or("usage: train_names DATA_DIR [--epochs N] [--seed S] [--min-weight W] [--out PATH] [--tiny]")?;
    let read = |name: &str| -> Result<Vec<conll::Document>, String> {
        let path = dir.join(name);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        conll::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let started = Instant::now();
    let mut train_docs = read("eng.train")?;
    let dev_docs = read("eng.testa")?;
    if tiny {
        train_docs.truncate(200);
        settings.epochs = settings.epochs.min(2);
    }
    let language = Language::english();
    let train_set = train::examples(&train_docs, language);
    let dev_set = train::examples(&dev_docs, language);
    let tokens: usize = train_set.iter().map(|e| e.n_tokens()).sum();
    eprintln!(
        "{} training documents ({tokens} tokens), {} dev documents; featurised in {:.1}s",
        train_set.len(),
        dev_set.len(),
        started.elapsed().as_secs_f64()
    );
    let model = train::train(&train_set, settings, |epoch, trainer| {
        let averaged = trainer.clone().finish(0.0);
        let dev = train::evaluate(&dev_set, |x, o| averaged.scores(x, o));
        eprintln!(
            "epoch {:>2}: dev PER+LOC+ORG F1 {:.4}, {:.0}s",
            epoch + 1,
            dev.per_loc_org().f1(),
            started.elapsed().as_secs_f64()
        );
    });
    let model = NameModel::new(model);
    let dev = train::evaluate(&dev_set, |x, o| model.model().scores(x, o));
    eprintln!("the model alone on eng.testa (dev):\n{}", dev.table());
    let rules = train::evaluate_tagger(&dev_docs, language, None);
    eprintln!(
        "the entity tagger, rules alone, on eng.testa (dev):\n{}",
        rules.table()
    );
    let both = train::evaluate_tagger(&dev_docs, language, Some(&model));
    eprintln!(
        "the entity tagger, rules and model, on eng.testa (dev):\n{}",
        both.table()
    );
    let bytes = model.to_bytes();
    eprintln!(
        "{} features, {} weights, {:.2} MB; {:.0}s in all",
        model.model().n_features(),
        model.model().n_weights(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let out = match (out, tiny) {
        (Some(p), _) => Some(p),
        (None, false) => Some(PathBuf::from("src/lang/en/entities/names.model")),
        (None, true) => None,
    };
    if let Some(path) = out {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("not a valid value: {s:?}"))
}
