//! What holds memory after each stage, structure by structure, counted in bytes:
//!
//!     cargo run --release --example memory_holders -- FOLDER
//!
//! FOLDER is a corpus from benches/make_corpus.py. Runs the stages and alignment, then
//! counts each structure's bytes: its own size times the capacity of the vectors that hold
//! it, plus every heap buffer it owns (strings, vectors), each buffer rounded up to the
//! allocator's smallest block (16 bytes). Allocator slack and freed pages kept are not
//! counted: compare the total with the RSS (printed at the end) to see them.

use std::mem::size_of;
use std::path::Path;

use _core::claims::frame::{Argument, Frame};
use _core::claims::link::LinkedClaim;
use _core::corpus::Corpus;
use _core::text::decode::Decoding;

/// Bytes of a heap buffer of `cap` items of `size` bytes (none when empty).
fn buf(cap: usize, size: usize) -> usize {
    if cap == 0 {
        0
    } else {
        (cap * size).max(16).next_multiple_of(8)
    }
}

fn string(s: &str) -> usize {
    buf(s.len(), 1)
}

/// A role's heap bytes: none in line (its lemma is an interned pointer, counted once for
/// the process under "interned texts").
fn argument(_: Option<&Argument>) -> usize {
    0
}

/// A boxed role: the box's own bytes too.
fn boxed(a: &Option<Box<Argument>>) -> usize {
    a.as_ref().map_or(0, |_| buf(1, size_of::<Argument>())) + argument(a.as_deref())
}

fn frame_heap(f: &Frame) -> usize {
    argument(f.agent.as_ref())
        + argument(f.patient.as_ref())
        + [&f.recipient, &f.place, &f.time]
            .into_iter()
            .map(boxed)
            .sum::<usize>()
        + buf(
            f.figures.len(),
            size_of::<_core::claims::frame::FrameFigure>(),
        )
}

fn claim_heap(c: &LinkedClaim) -> (usize, usize) {
    let own = buf(c.mentions.capacity(), 4)
        + buf(c.figures.capacity(), 4)
        + c.claim.cue.as_ref().map_or(0, |cue| string(&cue.text));
    let frames = buf(c.frames.capacity(), size_of::<Frame>())
        + c.frames.iter().map(frame_heap).sum::<usize>();
    (own, frames)
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb * 1024.0 / 1e6)
}

fn main() {
    let folder = std::env::args()
        .nth(1)
        .expect("usage: memory_holders FOLDER");
    let (corpus, _) = Corpus::from_dir(Path::new(&folder), Decoding::Strict).expect("a corpus");
    let n = corpus.len();
    let mut stages = vec![("read", rss_mb())];
    corpus.text_layers();
    stages.push(("text", rss_mb()));
    let _ = corpus.syntax();
    stages.push(("syntax", rss_mb()));
    corpus.entities();
    stages.push(("entities", rss_mb()));
    corpus.claims();
    stages.push(("claims", rss_mb()));
    let alignment = corpus.alignment();
    stages.push(("alignment", rss_mb()));
    _core::memory::release_free_pages();
    stages.push(("released", rss_mb()));
    println!(
        "RSS MB after each stage: {}",
        stages
            .iter()
            .map(|(s, mb)| format!("{s} {mb:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut rows: Vec<(&str, usize, usize)> = Vec::new(); // (what, items, bytes)
    let mb = |b: usize| b as f64 / 1e6;

    let texts: usize = corpus
        .docs()
        .iter()
        .map(|d| buf(d.text.capacity(), 1))
        .sum();
    rows.push(("document texts", n, texts));
    let layers = corpus.text_layers();
    let tokens: usize = layers.iter().map(|l| l.tokens.len()).sum();
    let text_bytes: usize = layers
        .iter()
        .map(|l| {
            buf(
                l.tokens.capacity(),
                size_of_val(&l.tokens[..]) / l.tokens.len().max(1),
            ) + buf(
                l.sentences.capacity(),
                size_of_val(&l.sentences[..]) / l.sentences.len().max(1),
            ) + buf(
                l.boilerplate.capacity(),
                size_of_val(&l.boilerplate[..]) / l.boilerplate.len().max(1),
            )
        })
        .sum();
    rows.push((
        "text layers (tokens, sentences, boilerplate)",
        tokens,
        text_bytes,
    ));

    let entities = corpus.entities();
    let mentions: usize = entities.mentions.iter().map(Vec::len).sum();
    let mention_size = size_of::<_core::entities::tagger::Mention>();
    let mention_bytes: usize = entities
        .mentions
        .iter()
        .map(|m| buf(m.capacity(), mention_size))
        .sum();
    rows.push(("entity mentions", mentions, mention_bytes));
    let of_mention: usize = entities
        .resolution
        .of_mention
        .iter()
        .map(|m| buf(m.capacity(), size_of::<Option<u32>>()))
        .sum();
    rows.push(("entity of each mention", mentions, of_mention));
    let records = &entities.resolution.entities;
    let record_bytes: usize = buf(
        records.capacity(),
        size_of::<_core::entities::ids::EntityRecord>(),
    ) + records
        .iter()
        .map(|r| {
            string(&r.id)
                + string(&r.name)
                + buf(r.aliases.capacity(), 24)
                + r.aliases.iter().map(|a| string(a)).sum::<usize>()
                + buf(r.docs.capacity(), 4)
        })
        .sum::<usize>();
    rows.push(("entity records", records.len(), record_bytes));

    let claims = corpus.claims();
    let count: usize = claims.iter().map(Vec::len).sum();
    let frames: usize = claims.iter().flatten().map(|c| c.frames.len()).sum();
    let (mut own, mut frame_bytes) = (0, 0);
    for doc in claims {
        own += buf(doc.capacity(), size_of::<LinkedClaim>());
        for c in doc {
            let (o, f) = claim_heap(c);
            own += o;
            frame_bytes += f;
        }
    }
    // How often each role is filled: the rare ones are worth holding out of line.
    let filled = |role: fn(&Frame) -> bool| {
        let n = claims
            .iter()
            .flatten()
            .flat_map(|c| &c.frames)
            .filter(|f| role(f))
            .count();
        format!("{:.1}%", 100.0 * n as f64 / frames.max(1) as f64)
    };
    println!(
        "frames' roles filled: agent {}, patient {}, recipient {}, place {}, time {}, figures {}, modality {}",
        filled(|f| f.agent.is_some()),
        filled(|f| f.patient.is_some()),
        filled(|f| f.recipient.is_some()),
        filled(|f| f.place.is_some()),
        filled(|f| f.time.is_some()),
        filled(|f| !f.figures.is_empty()),
        filled(|f| f.modality.is_some()),
    );
    rows.push(("claims (without frames)", count, own));
    rows.push(("claim frames", frames, frame_bytes));

    let pairs = &alignment.pairs;
    let pair_bytes = buf(pairs.capacity(), size_of::<_core::align::AlignedPair>());
    // A reason's heap bytes as mimalloc's size classes round them (8 B steps up to 64).
    let reasons: usize = pairs.iter().map(|p| buf(p.reason.heap_bytes(), 1)).sum();
    let (pieces, piece_bytes) = _core::align::Reason::table_size();
    let as_strings: usize = pairs.iter().map(|p| string(&p.reason.text())).sum();
    println!(
        "the reasons as strings would hold {:.1} MB",
        as_strings as f64 / 1e6
    );
    rows.push(("aligned pairs", pairs.len(), pair_bytes));
    rows.push(("their reasons (piece ids)", pairs.len(), reasons));
    rows.push((
        "the reasons' pieces (process-wide)",
        pieces,
        buf(pieces, 40) + piece_bytes,
    ));
    // Frames' lemmas and figures' units, each text once: a `String` leaked and its key.
    let (texts, text_bytes) = _core::text::interned::Interned::table_size();
    rows.push((
        "interned texts (process-wide)",
        texts,
        texts * (24 + 16 + 8) + text_bytes,
    ));
    let rest = buf(alignment.claims.capacity(), 8) + buf(alignment.groups.capacity(), 4);
    rows.push((
        "alignment's claims and groups",
        alignment.claims.len(),
        rest,
    ));

    println!("{n} documents; sizes: Mention {mention_size} B, LinkedClaim {} B, Frame {} B, Argument {} B, AlignedPair {} B",
        size_of::<LinkedClaim>(), size_of::<Frame>(), size_of::<Argument>(), size_of::<_core::align::AlignedPair>());
    println!(
        "{:<46}{:>12}{:>10}{:>10}",
        "structure", "items", "MB", "B/item"
    );
    let mut total = 0;
    for (what, items, bytes) in &rows {
        total += bytes;
        println!(
            "{what:<46}{items:>12}{:>10.1}{:>10.1}",
            mb(*bytes),
            *bytes as f64 / (*items).max(1) as f64
        );
    }
    println!("{:<46}{:>12}{:>10.1}", "total counted", "", mb(total));
    println!(
        "RSS now {:.0} MB (the parse, the model and word lists, and slack are not counted)",
        rss_mb()
    );
}
