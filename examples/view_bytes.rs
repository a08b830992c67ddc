//! What alignment's claim views hold, field by field, and what a compact form would hold
//! (`align::footprint`):
//!
//!     cargo run --release --example view_bytes -- FOLDER [DOCS] [REPEATS]
//!
//! FOLDER is a corpus from benches/make_corpus.py; its first DOCS documents (default all)
//! are run through the stages, then every claim's full view is built (one thread) and
//! counted. Prints each field's items and bytes, the compact estimate, the distinct strings
//! a compact form would intern, and the CPU seconds of building the views against cloning
//! them (REPEATS times each, in turn; default 3).

use std::path::Path;

use _core::align::footprint::view_footprint;
use _core::corpus::{Corpus, Document};
use _core::text::decode::Decoding;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let folder = args
        .first()
        .expect("usage: view_bytes FOLDER [DOCS] [REPEATS]");
    let docs: usize = args.get(1).map_or(usize::MAX, |a| a.parse().expect("DOCS"));
    let repeats: usize = args.get(2).map_or(3, |a| a.parse().expect("REPEATS"));
    let (all, _) = Corpus::from_dir(Path::new(folder), Decoding::Strict).expect("a corpus");
    let docs: Vec<Document> = (all.docs().iter().take(docs))
        .map(|d| Document::new(d.name.clone(), d.text.clone(), d.date, d.source.clone()))
        .collect();
    let n = docs.len();
    let corpus = Corpus::new(docs).expect("distinct names");
    let f = view_footprint(&corpus, n, repeats).expect("not cancelled");
    let per = |b: usize| b as f64 / f.views.max(1) as f64;
    println!("{n} documents, {} claims' views", f.views);
    println!(
        "{:<22} {:>10} {:>8} {:>10} {:>8} {:>9}",
        "field", "items", "a view", "bytes", "a view", "compact"
    );
    for x in &f.fields {
        println!(
            "{:<22} {:>10} {:>8.1} {:>10} {:>8.1} {:>9.1}",
            x.field,
            x.items,
            per(x.items),
            x.bytes,
            per(x.bytes),
            per(x.compact)
        );
    }
    println!(
        "all: {:.0} bytes a view held, {:.0} compact ({:.1}x smaller); trigrams held would add {:.0}",
        per(f.bytes()),
        per(f.compact()),
        f.bytes() as f64 / f.compact().max(1) as f64,
        per(f.trigrams_held)
    );
    println!(
        "vocabulary: {} distinct strings, {:.1} MB interned",
        f.vocabulary,
        f.vocabulary_bytes as f64 / 1e6
    );
    println!(
        "CPU s over {repeats} repeats: build {:.2}, clone {:.2} (clone/build {:.3})",
        f.build_cpu,
        f.clone_cpu,
        f.clone_cpu / f.build_cpu.max(1e-9)
    );
}
