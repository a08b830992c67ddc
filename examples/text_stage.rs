//! Times the text stage's parts on the Rust side alone, one thread, no Python:
//! `cargo run --release --example text_stage [-- MB REPEATS]`.
//! The corpus is the bundled sample repeated to ~MB megabytes, as in benches/bench_tokenize.py.

use std::time::{Duration, Instant};

use _core::corpus::{Corpus, Document};
use _core::lang::Language;
use _core::text::{boilerplate, sentences, tokens};

fn best<T>(repeats: usize, mut f: impl FnMut() -> T) -> Duration {
    std::hint::black_box(f()); // warm-up
    (0..repeats)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: f64 = args.next().map_or(4.0, |s| s.parse().expect("MB"));
    let repeats: usize = args.next().map_or(5, |s| s.parse().expect("REPEATS"));

    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/python/crosswire/data/kherson-2022"
    );
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let articles: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut texts = Vec::new();
    let mut size = 0usize;
    while (size as f64) < mb * 1e6 {
        for a in &articles {
            texts.push(a.clone());
            size += a.len();
        }
    }
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(i.to_string(), t.clone(), None, None))
        .collect();

    let en = Language::english();
    let toks: Vec<Vec<tokens::Token>> =
        docs.iter().map(|d| tokens::tokenize(&d.text, en)).collect();
    let bps: Vec<_> = docs
        .iter()
        .map(|d| boilerplate::detect(&d.text, d.body_start, en))
        .collect();
    let report = |what: &str, d: Duration| {
        println!(
            "{what:<28}{:>10.2} ms{:>10.0} MB/s",
            d.as_secs_f64() * 1e3,
            size as f64 / d.as_secs_f64() / 1e6
        )
    };
    println!(
        "{} documents, {:.2} MB, best of {repeats}, this thread only",
        docs.len(),
        size as f64 / 1e6
    );
    report(
        "tokens::tokenize",
        best(repeats, || {
            docs.iter()
                .map(|d| tokens::tokenize(&d.text, en))
                .collect::<Vec<_>>()
        }),
    );
    report(
        "boilerplate::detect",
        best(repeats, || {
            docs.iter()
                .map(|d| boilerplate::detect(&d.text, d.body_start, en))
                .collect::<Vec<_>>()
        }),
    );
    report(
        "sentences::split",
        best(repeats, || {
            docs.iter()
                .zip(&toks)
                .zip(&bps)
                .map(|((d, t), b)| sentences::split(&d.text, t, b, en))
                .collect::<Vec<_>>()
        }),
    );
    report(
        "Document::new (metadata)",
        best(repeats, || {
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::new(i.to_string(), t.clone(), None, None))
                .collect::<Vec<_>>()
        }),
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    report(
        "Corpus::text_layers (1 thr)",
        best(repeats, || {
            pool.install(|| {
                let docs = texts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| Document::new(i.to_string(), t.clone(), None, None))
                    .collect();
                let c = Corpus::new(docs).unwrap();
                c.text_layers();
                c
            })
        }),
    );
    println!(
        "tokens: {}, sentences: {}",
        toks.iter().map(Vec::len).sum::<usize>(),
        docs.iter()
            .zip(&toks)
            .zip(&bps)
            .map(|((d, t), b)| sentences::split(&d.text, t, b, en).len())
            .sum::<usize>()
    );
}
