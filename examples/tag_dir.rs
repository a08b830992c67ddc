//! Tags every `*.txt` file in a folder and prints the entities, or with `--bench N` times
//! the entity stage over the folder repeated N times and prints words per second.
//!
//! cargo run --release --example tag_dir -- ../shared/corpus/kherson-2022 [--bench 200]

use std::time::Instant;

use _core::corpus::{Corpus, Document};
use _core::text::decode::Decoding;
use _core::text::tokens::TokenKind;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::Path::new(args.get(1).expect("a folder"));
    let (corpus, _) = Corpus::from_dir(dir, Decoding::Replace).expect("readable folder");
    if let Some(n) = args
        .iter()
        .position(|a| a == "--bench")
        .map(|i| args[i + 1].parse::<usize>().unwrap())
    {
        let docs: Vec<Document> = (0..n)
            .flat_map(|r| {
                corpus.docs().iter().map(move |d| {
                    Document::new(
                        format!("{r}/{}", d.name),
                        d.text.clone(),
                        d.date,
                        d.source.clone(),
                    )
                })
            })
            .collect();
        let big = Corpus::new(docs).unwrap();
        let layers = big.text_layers();
        let words: usize = layers
            .iter()
            .map(|l| {
                l.tokens
                    .iter()
                    .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                    .count()
            })
            .sum();
        let t = Instant::now();
        let mentions: usize = big.entities().mentions.iter().map(Vec::len).sum();
        let s = t.elapsed().as_secs_f64();
        println!(
            "{words} words, {mentions} mentions, {} entities in {s:.3}s: {:.0} words/s (entity stage, {} threads)",
            big.entities().resolution.entities.len(),
            words as f64 / s,
            rayon::current_num_threads()
        );
        return;
    }
    let e = corpus.entities();
    for (d, doc) in corpus.docs().iter().enumerate() {
        println!("== {}", doc.name);
        for (m, x) in e.mentions[d].iter().enumerate() {
            println!(
                "{:>9} {:<40} {:<8} {}",
                x.source.as_str(),
                &doc.text[x.start as usize..x.end as usize],
                x.label.as_str(),
                e.entity_of(d, m).map_or("-", |r| r.id.as_str())
            );
        }
    }
}
