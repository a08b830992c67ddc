//! Tagger + parser throughput on realistic news: the CoNLL-2003 train text (Reuters) cut into
//! 15-sentence documents, through crosswire's own tokens and sentences. Prints words/s
//! single-thread and on all cores (rayon), the peak memory of the process, and a digest of
//! every token's tag, lemma, head and label: a change meant only for speed must keep it.
//!
//! `cargo run --release --example syntax_speed [-- CONLL2003_FILE] [--model DIR] [--beam K]
//! [--margin M1,M2,..] [--dev] [--documents N]`: `--model` reads `DIR/syntax.model` instead
//! of the shipped models, `--beam` decodes the parser with a beam of K hypotheses whatever
//! width the models were trained for, `--margin` with each of these beam margins in turn
//! (`inf`: none). With any of the three, the shipped models are timed too, in the same
//! rounds, and every setting's tokens per CPU second is also given as a share of theirs:
//! on a shared machine only a side-by-side ratio means much. `--dev` adds each setting's
//! UD EWT dev figures (treebank words); `--documents` times only the first N documents
//! (for a profiler). A benchmark, not a test.
use rayon::prelude::*;
use std::time::Instant;

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

use _core::lang::Language;
use _core::syntax::conllu;
use _core::syntax::document::analyse;
use _core::syntax::hashing::{hash_str, mix};
use _core::syntax::model::{Models, Syntax};
use _core::syntax::train::{evaluate, Tokens};
use _core::text::TextLayer;

/// A way of decoding to time: its name and its models.
struct Setting {
    name: String,
    syntax: Syntax,
}

fn main() {
    let mut path: String = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/conll2003/eng.train"
    )
    .into();
    let shipped = Language::english()
        .syntax()
        .expect("English has a syntax model")
        .clone();
    let mut tried = shipped.clone();
    let (mut margins, mut limit, mut dev, mut compared) = (None, None, false, false);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--model" => {
                let file = format!("{}/syntax.model", args.next().expect("--model DIR"));
                let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
                tried.models = Models::from_bytes(&bytes).expect("a model file");
                compared = true;
            }
            "--beam" => {
                tried.models.beam = args.next().and_then(|k| k.parse().ok()).expect("--beam K");
                compared = true;
            }
            "--margin" => {
                let list = args.next().expect("--margin M1,M2,..");
                let parsed: Vec<f32> = list
                    .split(',')
                    .map(|m| m.parse().expect("--margin: numbers or inf"))
                    .collect();
                margins = Some(parsed);
                compared = true;
            }
            "--dev" => dev = true,
            "--documents" => {
                limit = Some(
                    args.next()
                        .and_then(|n| n.parse().ok())
                        .expect("--documents N"),
                )
            }
            _ => path = arg,
        }
    }
    let mut settings = Vec::new();
    if compared {
        settings.push(Setting {
            name: "shipped".into(),
            syntax: shipped,
        });
    }
    let margins = margins.unwrap_or_else(|| vec![tried.models.beam_margin]);
    for margin in margins {
        let mut syntax = tried.clone();
        syntax.models.beam_margin = margin;
        let name = format!("beam {} margin {margin}", syntax.models.beam);
        settings.push(Setting { name, syntax });
    }

    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut documents = documents(&raw);
    documents.truncate(limit.unwrap_or(usize::MAX));
    let layers: Vec<(String, TextLayer)> = documents
        .into_iter()
        .map(|text| {
            let layer = TextLayer::analyse(&text, 0, Language::english());
            (text, layer)
        })
        .collect();
    let tokens: usize = layers.iter().map(|(_, l)| l.tokens.len()).sum();
    let run = |syntax: &Syntax| -> usize {
        layers
            .par_iter()
            .map(|(text, layer)| analyse(syntax, text, &layer.tokens, &layer.sentences).len())
            .sum()
    };
    for s in &settings {
        println!(
            "{}: parser beam width {}, analysis digest: {:016x}",
            s.name,
            s.syntax.models.beam,
            digest(&s.syntax, &layers)
        );
    }
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    for (threads, pool) in [("1 thread", Some(&single)), ("all cores", None)] {
        // Best of 3 rounds, each setting once a round: a burst of load hits them alike.
        let mut best = vec![(f64::INFINITY, f64::INFINITY); settings.len()];
        for _ in 0..3 {
            for (s, best) in settings.iter().zip(&mut best) {
                let (started, cpu_started) = (Instant::now(), cpu_seconds());
                let n = match pool {
                    Some(pool) => pool.install(|| run(&s.syntax)),
                    None => run(&s.syntax),
                };
                assert_eq!(n, tokens);
                best.0 = best.0.min(started.elapsed().as_secs_f64());
                best.1 = best.1.min(cpu_seconds() - cpu_started);
            }
        }
        let reference = tokens as f64 / best[0].1;
        for (s, (wall, cpu)) in settings.iter().zip(&best) {
            let per_cpu = tokens as f64 / cpu;
            let share = if compared {
                format!(" ({:.3} of {}'s)", per_cpu / reference, settings[0].name)
            } else {
                String::new()
            };
            println!(
                "{threads:>9}, {}: {} documents, {tokens} tokens, tagger+parser {:.0} tokens/s \
                 (best of 3), {per_cpu:.0} tokens per CPU second{share}",
                s.name,
                layers.len(),
                tokens as f64 / wall,
            );
        }
    }
    if dev {
        let file = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/ud-ewt/en_ewt-ud-dev.conllu"
        );
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let treebank = conllu::parse(&text).expect("UD EWT dev reads");
        for s in &settings {
            let scores = evaluate(&s.syntax, &treebank, Tokens::Words);
            println!("dev, treebank words, {}: {scores}", s.name);
        }
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(peak) = status.lines().find(|l| l.starts_with("VmHWM")) {
        println!(
            "peak resident memory: {}",
            peak.trim_start_matches("VmHWM:").trim()
        );
    }
}

/// A digest of every token's tag, lemma, head and label over the documents.
fn digest(syntax: &Syntax, layers: &[(String, TextLayer)]) -> u64 {
    layers
        .iter()
        .flat_map(|(text, layer)| {
            analyse(syntax, text, &layer.tokens, &layer.sentences)
                .iter()
                .map(|t| {
                    let strings = [t.pos, t.tag, t.lemma, t.dep].map(hash_str);
                    strings.into_iter().fold(t.head as u64, mix)
                })
                .collect::<Vec<_>>()
        })
        .fold(0, mix)
}

/// The articles' sentences, joined with spaces, 15 sentences to a document, one per line.
fn documents(conll: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in conll.lines() {
        let word = line.split(' ').next().unwrap_or("");
        if word.is_empty() || word == "-DOCSTART-" {
            if !current.is_empty() {
                sentences.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(word);
        }
    }
    if !current.is_empty() {
        sentences.push(current.join(" "));
    }
    sentences.chunks(15).map(|c| c.join("\n")).collect()
}
