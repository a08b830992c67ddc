//! What a claim view holds, field by field, and what a compact form of it would hold: the
//! figures behind holding every view of a corpus once instead of building views again
//! under the views bound (`views`). For benchmarks (`examples/view_bytes.rs`); alignment
//! never calls it.
//!
//! Bytes are counted as `examples/memory_holders.rs` counts them: each heap buffer its
//! capacity times its item size, rounded up to 16 bytes at least and to a multiple of 8;
//! a view's own size once (a clause's and a frame's inline size under `clauses` and
//! `frames`). The compact form is an estimate from the same views' item counts, with the
//! sizes below an item: every word, stem, key and name an interned `u32` id (one
//! corpus-wide table of distinct strings, which also holds each string's hash, so the
//! `hashed` lists and the stem hashes of `ngrams` are read from it, not held), all lists
//! of a view in one boxed `u32` buffer behind a header of lengths, character trigrams
//! counted again from the plain words (each with its count) when the view is read.

use std::collections::HashSet;
use std::mem::size_of;

use super::build::Sources;
use super::figures::FigureValue;
use super::frames::{Filler, FrameView};
use super::represent::ClaimView;
use crate::corpus::Corpus;
use crate::stage::{Cancel, Cancelled};

/// A compact view's fixed part: the buffer's pointer and length (16), a length for each of
/// its lists (20 lists, 2 bytes each) and its scalars (words, sentence, refers_to, flags).
const COMPACT_HEADER: usize = 16 + 40 + 16;
/// A term: key id, surface id, weight (`f32`).
const COMPACT_TERM: usize = 12;
/// A plain word: its id and how often the claim uses it (for the trigram counts).
const COMPACT_PLAIN: usize = 6;
/// A figure: text and counted-noun ids, value and bounds, unit pointer, flags.
const COMPACT_FIGURE: usize = 48;
/// A frame: predicate, key, event, where it starts, modality pointer, flags.
const COMPACT_FRAME: usize = 28;
/// A role filler: text, key and entity ids, its names' count, flags.
const COMPACT_FILLER: usize = 16;
/// A character trigram with its count, were they held (`u64` and `u32`, unpadded).
const HELD_TRIGRAM: usize = 12;

/// One field of `ClaimView`: how many items all views hold in it, their bytes, and the
/// bytes of the compact form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldBytes {
    /// The field's name (`inline`: the views' own size); a clause's fields are named
    /// `clauses.` and the field.
    pub field: String,
    /// Items held in it by all views (a list's entries; a clause or frame once).
    pub items: usize,
    /// Bytes it holds in all views.
    pub bytes: usize,
    /// Bytes it would hold in the compact form.
    pub compact: usize,
}

/// What the full views of a corpus's claims hold.
#[derive(Debug, Clone, Default)]
pub struct Footprint {
    /// Claims (top-level views).
    pub views: usize,
    /// Field by field, in `ClaimView`'s order; `inline` is the views' own size.
    pub fields: Vec<FieldBytes>,
    /// Distinct strings the compact form would intern, and their bytes in such a table
    /// (each string's bytes, its 8-byte hash and about 24 bytes of table and offsets).
    pub vocabulary: usize,
    /// The bytes of that table.
    pub vocabulary_bytes: usize,
    /// What the character trigrams would cost held in the compact form instead of counted
    /// again on read.
    pub trigrams_held: usize,
    /// CPU seconds to build every view (`Sources::doc_views`, one thread) and to clone
    /// them all (a floor for turning a compact form back into views), summed over the
    /// repeats, taken in turn.
    pub build_cpu: f64,
    /// CPU seconds to clone them, as `build_cpu`.
    pub clone_cpu: f64,
}

impl Footprint {
    /// Bytes all views hold.
    pub fn bytes(&self) -> usize {
        self.fields.iter().map(|f| f.bytes).sum()
    }

    /// Bytes all views would hold in the compact form (the interned strings apart).
    pub fn compact(&self) -> usize {
        self.fields.iter().map(|f| f.compact).sum()
    }
}

/// Bytes of a heap buffer of `cap` items of `size` bytes (none when empty).
fn buf(cap: usize, size: usize) -> usize {
    if cap == 0 || size == 0 {
        0
    } else {
        (cap * size).max(16).next_multiple_of(8)
    }
}

/// A string's buffer, by its capacity (`to_lowercase` may leave room).
#[allow(clippy::ptr_arg)]
fn string(s: &String) -> usize {
    buf(s.capacity(), 1)
}

fn strings(v: &[String], cap: usize) -> usize {
    buf(cap, size_of::<String>()) + v.iter().map(string).sum::<usize>()
}

#[derive(Default)]
struct Tally {
    fields: Vec<FieldBytes>,
    words: HashSet<String>,
    trigrams: usize,
    /// Counting a clause's view: its fields go under `clauses.`.
    in_clause: bool,
}

impl Tally {
    fn add(&mut self, field: &'static str, items: usize, bytes: usize, compact: usize) {
        let field = match self.in_clause {
            true => format!("clauses.{field}"),
            false => field.to_owned(),
        };
        let at = match self.fields.iter().position(|f| f.field == field) {
            Some(i) => i,
            None => {
                self.fields.push(FieldBytes {
                    field,
                    ..FieldBytes::default()
                });
                self.fields.len() - 1
            }
        };
        let f = &mut self.fields[at];
        f.items += items;
        f.bytes += bytes;
        f.compact += compact;
    }

    fn intern<'s>(&mut self, words: impl IntoIterator<Item = &'s String>) {
        for w in words {
            if !self.words.contains(w) {
                self.words.insert(w.clone());
            }
        }
    }

    /// A list of interned words: 4 bytes an item compact.
    fn words(&mut self, field: &'static str, v: &[String], cap: usize) {
        self.add(field, v.len(), strings(v, cap), 4 * v.len());
        self.intern(v);
    }

    /// A view's fields (a clause's under `clauses.`, see `in_clause`).
    fn view(&mut self, v: &ClaimView) {
        self.add("inline", 1, size_of::<ClaimView>(), COMPACT_HEADER);
        let terms = buf(v.terms.capacity(), size_of::<super::normalize::Term>())
            + (v.terms.iter())
                .map(|t| string(&t.key) + string(&t.surface))
                .sum::<usize>();
        self.add("terms", v.terms.len(), terms, COMPACT_TERM * v.terms.len());
        self.intern(v.terms.iter().flat_map(|t| [&t.key, &t.surface]));
        self.words("sequence", &v.sequence, v.sequence.capacity());
        let n = &v.ngrams;
        self.add(
            "ngrams",
            n.stems.len() + n.bigrams.len() + n.trigrams.len(),
            buf(n.stems.capacity(), 8)
                + buf(n.bigrams.capacity(), 8)
                + buf(n.trigrams.capacity(), 8),
            0,
        );
        // A map node per entry: key and value strings, and about 16 bytes of node share.
        let entities = (v.entities.iter())
            .map(|(k, s)| 2 * size_of::<String>() + 16 + string(k) + string(s))
            .sum();
        self.add("entities", v.entities.len(), entities, 8 * v.entities.len());
        self.intern(v.entities.iter().flat_map(|(k, s)| [k, s]));
        let figures = buf(v.figures.capacity(), size_of::<FigureValue>())
            + (v.figures.iter())
                .map(|f| string(&f.text) + f.counts.as_ref().map_or(0, string))
                .sum::<usize>();
        self.add(
            "figures",
            v.figures.len(),
            figures,
            COMPACT_FIGURE * v.figures.len(),
        );
        self.intern(
            v.figures
                .iter()
                .flat_map(|f| f.counts.iter().chain([&f.text])),
        );
        let t = &v.time;
        self.add(
            "time",
            t.days.len() + t.periods.len() + t.weekdays.len(),
            buf(t.days.capacity(), 16)
                + strings(&t.periods, t.periods.capacity())
                + buf(t.weekdays.capacity(), 1),
            16 * t.days.len() + 4 * t.periods.len() + t.weekdays.len(),
        );
        self.intern(&t.periods);
        self.add(
            "events",
            v.events.len(),
            buf(v.events.capacity(), 2),
            2 * v.events.len(),
        );
        let speaker: Vec<&String> = v.speaker.iter().chain(&v.speaker_key).collect();
        self.add(
            "speaker",
            speaker.len(),
            speaker.iter().map(|s| string(s)).sum(),
            4 * speaker.len(),
        );
        self.intern(speaker);
        self.add(
            "plain",
            v.plain.len(),
            strings(&v.plain, v.plain.capacity()),
            COMPACT_PLAIN * v.plain.len(),
        );
        self.intern(&v.plain);
        self.add(
            "numbers",
            v.numbers.len(),
            buf(v.numbers.capacity(), 8),
            8 * v.numbers.len(),
        );
        self.words("names", &v.names, v.names.capacity());
        self.add(
            "char_trigrams",
            v.char_trigrams.len(),
            buf(v.char_trigrams.capacity(), 16),
            0,
        );
        self.trigrams += HELD_TRIGRAM * v.char_trigrams.len();
        self.words("stopwords", &v.stopwords, v.stopwords.capacity());
        self.add(
            "weighted",
            v.weighted.len(),
            buf(v.weighted.capacity(), 4),
            4 * v.weighted.len(),
        );
        self.words("date_words", &v.date_words, v.date_words.capacity());
        // A clause's own size is counted as its `clauses.inline`.
        self.add(
            "clauses",
            v.clauses.len(),
            buf(v.clauses.capacity(), size_of::<ClaimView>())
                .saturating_sub(v.clauses.len() * size_of::<ClaimView>()),
            0,
        );
        let outer = std::mem::replace(&mut self.in_clause, true);
        for c in &v.clauses {
            self.view(c);
        }
        self.in_clause = outer;
        self.add(
            "frames",
            v.frames.len(),
            buf(v.frames.capacity(), size_of::<FrameView>()),
            COMPACT_FRAME * v.frames.len(),
        );
        for f in &v.frames {
            self.frame(f, "frames");
        }
        let own = v.own_words.as_ref().map_or(0, Vec::len);
        self.add(
            "own_words",
            own,
            v.own_words.as_ref().map_or(0, |o| buf(o.capacity(), 8)),
            8 * own,
        );
        self.words("background", &v.background, v.background.capacity());
        self.add(
            "story",
            v.story.len(),
            buf(v.story.capacity(), 8),
            8 * v.story.len(),
        );
        let h = &v.hashed;
        self.add(
            "hashed",
            h.terms.len() + h.plain.len() + h.names.len() + h.stopwords.len(),
            buf(h.terms.capacity(), 16)
                + buf(h.plain.capacity(), 8)
                + buf(h.names.capacity(), 8)
                + buf(h.stopwords.capacity(), 8),
            0,
        );
    }

    fn frame(&mut self, f: &FrameView, field: &'static str) {
        self.add(field, 0, string(&f.predicate) + string(&f.key), 0);
        self.intern([&f.predicate, &f.key]);
        for filler in f.roles.iter().flatten() {
            self.filler(filler, field);
        }
    }

    fn filler(&mut self, x: &Filler, field: &'static str) {
        let bytes = string(&x.text)
            + string(&x.key)
            + x.entity.as_ref().map_or(0, string)
            + strings(&x.names, x.names.capacity());
        self.add(field, 0, bytes, COMPACT_FILLER + 4 * x.names.len());
        self.intern(x.entity.iter().chain(&x.names).chain([&x.text, &x.key]));
    }
}

/// Every claim's full view (as judging reads it, before the corpus's weights) of the
/// corpus's first `docs` documents, counted; its build and clone costs timed `repeats`
/// times each, in turn, on the calling thread.
pub fn view_footprint(
    corpus: &Corpus,
    docs: usize,
    repeats: usize,
) -> Result<Footprint, Cancelled> {
    let sources = Sources::of(corpus, &Cancel::never())?;
    let docs = docs.min(sources.docs());
    let (mut build_cpu, mut clone_cpu) = (0.0, 0.0);
    let mut views: Vec<Vec<ClaimView>> = Vec::new();
    for _ in 0..repeats.max(1) {
        let start = super::cpu_seconds();
        views = build_all(&sources, docs);
        build_cpu += super::cpu_seconds() - start;
        let start = super::cpu_seconds();
        let copies = clone_all(&views);
        clone_cpu += super::cpu_seconds() - start;
        drop(copies);
    }
    let mut tally = Tally::default();
    for v in views.iter().flatten() {
        tally.view(v);
    }
    let vocabulary_bytes = (tally.words.iter())
        .map(|w| w.len() + 8 + 24)
        .sum::<usize>();
    Ok(Footprint {
        views: views.iter().map(Vec::len).sum(),
        fields: tally.fields,
        vocabulary: tally.words.len(),
        vocabulary_bytes,
        trigrams_held: tally.trigrams,
        build_cpu,
        clone_cpu,
    })
}

/// Not inlined, so that a profiler can count it apart.
#[inline(never)]
fn build_all(sources: &Sources, docs: usize) -> Vec<Vec<ClaimView>> {
    (0..docs).map(|d| sources.doc_views(d)).collect()
}

#[inline(never)]
fn clone_all(views: &[Vec<ClaimView>]) -> Vec<Vec<ClaimView>> {
    views.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample articles: every field is counted, the totals are the fields' sums, and
    /// the compact form is smaller than what the views hold.
    #[test]
    fn the_sample_views_are_counted_field_by_field() {
        let docs = (crate::text::sample::texts().enumerate())
            .map(|(i, t)| crate::corpus::Document::new(i.to_string(), t.to_owned(), None, None))
            .collect();
        let corpus = Corpus::new(docs).unwrap();
        let f = view_footprint(&corpus, usize::MAX, 1).unwrap();
        assert!(f.views > 50, "{}", f.views);
        let inline = f.fields.iter().find(|x| x.field == "inline").unwrap();
        assert_eq!(inline.items, f.views);
        assert_eq!(inline.bytes, f.views * size_of::<ClaimView>());
        for field in [
            "terms",
            "sequence",
            "plain",
            "char_trigrams",
            "frames",
            "hashed",
        ] {
            let x = f.fields.iter().find(|x| x.field == field).unwrap();
            assert!(x.items > 0 && x.bytes > 0, "{x:?}");
        }
        assert!(
            f.compact() < f.bytes() / 4,
            "{} / {}",
            f.compact(),
            f.bytes()
        );
        assert!(f.vocabulary > 500, "{}", f.vocabulary);
    }
}
