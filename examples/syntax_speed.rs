//! Tagger + parser throughput on realistic news: the CoNLL-2003 train text (Reuters) cut into
//! 15-sentence documents, through crosswire's own tokens and sentences. Prints words/s
//! single-thread and on all cores (rayon), the peak memory of the process, and a digest of
//! every token's tag, lemma, head and label: a change meant only for speed must keep it.
//! `cargo run --release --example syntax_speed [-- CONLL2003_FILE] [--model DIR] [--beam K]`:
//! `--model` reads `DIR/syntax.model` instead of the shipped models, `--beam` decodes the
//! parser with a beam of K hypotheses whatever width the models were trained for. A
//! benchmark, not a test.
use rayon::prelude::*;
use std::time::Instant;

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

use _core::lang::Language;
use _core::syntax::document::analyse;
use _core::syntax::hashing::{hash_str, mix};
use _core::syntax::model::Models;
use _core::text::TextLayer;

fn main() {
    let mut path: String = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/conll2003/eng.train"
    )
    .into();
    let mut syntax = Language::english()
        .syntax()
        .expect("English has a syntax model")
        .clone();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--model" => {
                let file = format!("{}/syntax.model", args.next().expect("--model DIR"));
                let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
                syntax.models = Models::from_bytes(&bytes).expect("a model file");
            }
            "--beam" => {
                syntax.models.beam = args.next().and_then(|k| k.parse().ok()).expect("--beam K")
            }
            _ => path = arg,
        }
    }
    println!("parser beam width {}", syntax.models.beam);
    let syntax = &syntax;
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let documents = documents(&raw);
    let layers: Vec<(String, TextLayer)> = documents
        .into_iter()
        .map(|text| {
            let layer = TextLayer::analyse(&text, 0, Language::english());
            (text, layer)
        })
        .collect();
    let tokens: usize = layers.iter().map(|(_, l)| l.tokens.len()).sum();
    let run = || -> usize {
        layers
            .par_iter()
            .map(|(text, layer)| analyse(syntax, text, &layer.tokens, &layer.sentences).len())
            .sum()
    };
    let digest = layers
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
        .fold(0, mix);
    println!("analysis digest: {digest:016x}");
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    for (name, threads) in [("1 thread", Some(&single)), ("all cores", None)] {
        let (mut best, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
        for _ in 0..3 {
            let (started, cpu_started) = (Instant::now(), cpu_seconds());
            let n = match threads {
                Some(pool) => pool.install(run),
                None => run(),
            };
            assert_eq!(n, tokens);
            best = best.min(started.elapsed().as_secs_f64());
            best_cpu = best_cpu.min(cpu_seconds() - cpu_started);
        }
        println!(
            "{name:>9}: {} documents, {tokens} tokens, tagger+parser {:.0} tokens/s (best of 3), \
             {:.0} tokens per CPU second",
            layers.len(),
            tokens as f64 / best,
            tokens as f64 / best_cpu
        );
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(peak) = status.lines().find(|l| l.starts_with("VmHWM")) {
        println!(
            "peak resident memory: {}",
            peak.trim_start_matches("VmHWM:").trim()
        );
    }
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
