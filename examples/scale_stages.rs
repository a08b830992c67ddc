//! Where the stages spend their time as a corpus grows, on the Rust side alone:
//!
//!     cargo run --release --example scale_stages -- FOLDER [PARTS] [--per-document]
//!
//! FOLDER is a corpus from benches/make_corpus.py. The first 1/PARTS, 2/PARTS, … of its
//! documents (default PARTS = 4) are each run through the stages, timed apart: text, entity
//! tagging (per document), id resolution (across the corpus), the parse, claims, and
//! alignment; wall seconds on the first line, then each stage's CPU seconds (all threads:
//! on a shared machine wall time measures the load). The
//! entity stage runs twice (once through `ids::resolve` to time it alone, once inside the
//! corpus for the later stages), which the figures do not count. With `--per-document` only
//! the stages that read one document at a time run (text, tagging, claims from the tagged
//! mentions): what partitions of a cluster would do before any cross-document step.
//! Thread count: RAYON_NUM_THREADS.

use std::path::Path;
use std::time::Instant;

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

use rayon::prelude::*;

use _core::claims;
use _core::corpus::{Corpus, Document};
use _core::entities::{ids, tagger};
use _core::text::decode::Decoding;

fn seconds<T>(work: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let out = work();
    (out, t.elapsed().as_secs_f64())
}

/// CPU seconds (all threads) each stage took, in the order they ran: printed after the
/// wall-clock line, since on a shared machine wall time measures the load.
#[derive(Default)]
struct StageCpu(Vec<(&'static str, f64)>);

impl StageCpu {
    fn time<T>(&mut self, stage: &'static str, work: impl FnOnce() -> T) -> (T, f64) {
        let cpu = cpu_seconds();
        let out = seconds(work);
        self.0.push((stage, cpu_seconds() - cpu));
        out
    }

    fn line(&self) -> String {
        let parts: Vec<String> = (self.0.iter())
            .map(|(stage, cpu)| format!("{stage} {cpu:.2}"))
            .collect();
        format!("CPU s: {}", parts.join(", "))
    }
}

/// A digest of everything alignment decided (pairs with relation, score bits and reason,
/// groups): two builds align a corpus identically when their digests are equal.
fn digest(alignment: &_core::align::Alignment) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    for p in &alignment.pairs {
        (
            p.a,
            p.b,
            p.relation.as_str(),
            p.score.to_bits(),
            p.reason.text(),
        )
            .hash(&mut h);
    }
    alignment.groups.hash(&mut h);
    alignment.candidates.hash(&mut h);
    h.finish()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let per_document = args.iter().any(|a| a == "--per-document");
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    let folder = positional
        .next()
        .expect("usage: scale_stages FOLDER [PARTS] [--per-document]");
    let parts: usize = positional.next().map_or(4, |s| s.parse().expect("PARTS"));
    let (all, read) = seconds(|| Corpus::from_dir(Path::new(folder), Decoding::Strict));
    let (all, _) = all.expect("a corpus");
    let n = all.len();
    println!("read {n} documents in {read:.2} s");
    println!(
        "{:>8} {:>8} {:>8} {:>9} {:>9} {:>8} {:>8}   seconds",
        "docs", "MB", "text", "tagging", "resolve", "claims", "align"
    );
    for k in 1..=parts {
        let take = n * k / parts;
        let docs: Vec<Document> = all.docs()[..take]
            .iter()
            .map(|d| Document::new(d.name.clone(), d.text.clone(), d.date, d.source.clone()))
            .collect();
        let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
        let corpus = Corpus::new(docs).expect("distinct names");

        let mut stage_cpu = StageCpu::default();
        let (layers, text) = stage_cpu.time("text", || corpus.text_layers());
        let (mentions, tagging) = stage_cpu.time("tagging", || {
            corpus
                .docs()
                .par_iter()
                .zip(layers.par_iter())
                .map(|(d, layer)| {
                    tagger::tag(&d.text, layer, corpus.lexicon(), corpus.language(), d.date)
                })
                .collect::<Vec<_>>()
        });
        if per_document {
            // Claims read the parse, so their time includes the syntax stage.
            let (claimed, claim_time) = seconds(|| {
                let parses = corpus.syntax().ok();
                corpus
                    .docs()
                    .par_iter()
                    .enumerate()
                    .zip(layers.par_iter())
                    .zip(mentions.par_iter())
                    .map(|(((i, d), layer), m)| {
                        // The stage holds parses compact: the full one is rebuilt.
                        let parse = parses.and_then(|_| corpus.parse(i));
                        claims::link::link(
                            claims::extract(&d.text, layer, parse.as_ref(), m, corpus.language()),
                            m,
                            d.date,
                        )
                        .len()
                    })
                    .sum::<usize>()
            });
            println!(
                "{take:>8} {mb:>8.1} {text:>8.2} {tagging:>9.2} {:>9} {claim_time:>8.2} {:>8}   \
                 mentions {} claims {claimed}",
                "-",
                "-",
                mentions.iter().map(Vec::len).sum::<usize>(),
            );
            continue;
        }
        let inputs: Vec<(&str, &[_])> = corpus
            .docs()
            .iter()
            .zip(&mentions)
            .map(|(d, m)| (d.text.as_str(), m.as_slice()))
            .collect();
        let (resolution, resolve) =
            stage_cpu.time("resolve", || ids::resolve(&inputs, corpus.lexicon()));
        corpus.entities(); // the same work again, inside the corpus: not counted
        let (_, syntax_time) = stage_cpu.time("syntax", || corpus.syntax().map(|_| ()));
        let (claimed, claim_time) = stage_cpu.time("claims", || {
            corpus.claims().iter().map(Vec::len).sum::<usize>()
        });
        let (alignment, align) = stage_cpu.time("align", || _core::align::align(&corpus));
        let align_cpu = stage_cpu.0.last().map_or(0.0, |&(_, cpu)| cpu);
        println!(
            "{take:>8} {mb:>8.1} {text:>8.2} {tagging:>9.2} {resolve:>9.2} {claim_time:>8.2} {align:>8.2}   \
             entities {} claims {claimed} candidates {} pairs {} align CPU s {align_cpu:.2} \
             digest {:016x}",
            resolution.entities.len(),
            alignment.candidates,
            alignment.pairs.len(),
            digest(&alignment),
        );
        let passes: Vec<String> = (alignment.passes.iter())
            .map(|(pass, wall, cpu)| format!("{pass} {wall:.2} ({cpu:.2} CPU)"))
            .collect();
        println!(
            "{:>8} syntax {syntax_time:.2} s wall; {}",
            "",
            stage_cpu.line()
        );
        println!(
            "{:>8} alignment passes (wall s, CPU s): {}; candidates per claim {:.2}; documents' views \
             built again {} ({:.2} per document), claims' views {} ({:.2} per claim)",
            "",
            passes.join(", "),
            alignment.candidates as f64 / claimed.max(1) as f64,
            alignment.views_rebuilt,
            alignment.views_rebuilt as f64 / take.max(1) as f64,
            alignment.claim_views_rebuilt,
            alignment.claim_views_rebuilt as f64 / claimed.max(1) as f64
        );
    }
}
