//! Tokenizer throughput, single-threaded, on the sample corpus repeated to ~4 MB:
//! `cargo run --release --example token_speed`. A benchmark, not a test: no assertion on time.
use std::time::Instant;

use _core::lang::Language;
use _core::text::tokens::tokenize;

fn main() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/python/crosswire/data/kherson-2022"
    );
    let mut sample = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("sample corpus")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        sample.push_str(&std::fs::read_to_string(path).expect("UTF-8 sample"));
        sample.push('\n');
    }
    let mut text = String::with_capacity(4 << 20);
    while text.len() < 4 << 20 {
        text.push_str(&sample);
    }
    let mb = text.len() as f64 / 1e6;
    let tokens = tokenize(&text, Language::english()).len();
    let mut best = f64::INFINITY;
    for _ in 0..20 {
        let t0 = Instant::now();
        let n =
            std::hint::black_box(tokenize(std::hint::black_box(&text), Language::english())).len();
        best = best.min(t0.elapsed().as_secs_f64());
        assert_eq!(n, tokens);
    }
    println!(
        "{mb:.1} MB, {tokens} tokens: best of 20 {:.2} ms = {:.0} MB/s, {:.0} M tokens/s",
        best * 1e3,
        mb / best,
        tokens as f64 / best / 1e6
    );
}
