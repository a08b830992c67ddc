//! Prints the claims of every `*.txt` file in a folder: `cargo run --example dump_claims -- DIR`.

use std::path::Path;

use _core::claims;
use _core::corpus::Corpus;
use _core::text::decode::Decoding;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "python/crosswire/data/kherson-2022".into());
    let (corpus, _) =
        Corpus::from_dir(Path::new(&dir), Decoding::Replace).expect("readable folder");
    for (i, doc) in corpus.docs().iter().enumerate() {
        println!("=== {}", doc.name);
        let piece = |s: claims::Span| &doc.text[s.start as usize..s.end as usize];
        for c in corpus.claims()[i].iter().map(|linked| &linked.claim) {
            let cue = c.cue.as_ref().map(|q| q.text.as_str()).unwrap_or("-");
            let who = c.speaker.map(piece).unwrap_or("-");
            let pron = c
                .pronoun
                .map(|p| format!(" ({})", piece(p)))
                .unwrap_or_default();
            let q = c.quote.map(|q| q.as_str()).unwrap_or("-");
            let flags = format!(
                "{}{}",
                if c.polarity == claims::Polarity::Denied {
                    " DENIED"
                } else {
                    ""
                },
                if c.hedged { " HEDGED" } else { "" }
            );
            println!("[{who}{pron}] <{cue}> {q}{flags} | {}", piece(c.span));
        }
    }
}
