//! A listed pair's reason, held compactly until it is read.
//!
//! A corpus lists about 3.6 pairs a claim, and their reasons as `String`s were the largest
//! thing alignment keeps (198 bytes a pair at 10,000 articles, more than the pairs). A
//! reason is written from a few hundred distinct words (`shared words:`, entity names, the
//! claims' terms), so it is held as the ids of its words (each with the space after it) in
//! a process-wide table, one to three bytes an id: the text comes back byte for byte when
//! the pairs table is built or `Reason::text` is asked. The table only grows (by the
//! vocabulary of the reasons a process writes: words, not pairs).
//!
//! A reason is about 27 pieces and is written for every listed pair, so the table is read
//! millions of times: a piece of up to `short_keys::SHORT` bytes (most of them: words with
//! their punctuation) is found in a `short_keys::ShortIds`, one cache line read a lookup.

use std::fmt;
use std::sync::{PoisonError, RwLock};

use super::short_keys::{ShortIds, ShortKey};
use crate::syntax::hashing::WordMap;

/// Every piece any reason holds, and its id. Pieces are leaked: the table lives as long as
/// the process, and a piece is stored once however many reasons hold it.
#[derive(Default)]
struct Pieces {
    /// The ids of pieces of at most `SHORT` bytes.
    short: ShortIds,
    /// The ids of longer pieces.
    long: WordMap<&'static str, u32>,
    texts: Vec<&'static str>,
}

impl Pieces {
    fn get(&self, piece: &str) -> Option<u32> {
        match ShortKey::of(piece) {
            Some(key) => self.short.get(&key),
            None => self.long.get(piece).copied(),
        }
    }

    /// The id of `piece`, given it the next one if it has none.
    fn get_or_insert(&mut self, piece: &str) -> u32 {
        if let Some(id) = self.get(piece) {
            return id;
        }
        let id = u32::try_from(self.texts.len()).expect("under 2^32 distinct pieces");
        let p: &'static str = Box::leak(piece.to_owned().into_boxed_str());
        self.texts.push(p);
        match ShortKey::of(p) {
            Some(key) => self.short.insert(key, id),
            None => {
                self.long.insert(p, id);
            }
        }
        id
    }
}

static PIECES: RwLock<Option<Pieces>> = RwLock::new(None);

/// A reason's text as the ids of its pieces, each a LEB128 varint (frequent pieces are met
/// first and get the short ids). Equal reasons hold equal bytes.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Reason(Box<[u8]>);

/// `text` cut after each space: the cuts are kept, so the pieces join back to `text` (the
/// pieces of `str::split_inclusive(' ')`). Found by a byte scan: a space is one byte in
/// UTF-8 and never inside another character, and the char searcher's setup per piece was
/// most of `Reason::new`'s time (reasons are written for every listed pair).
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end =
            (bytes[start..].iter().position(|&b| b == b' ')).map_or(bytes.len(), |k| start + k + 1);
        let piece = &text[start..end];
        start = end;
        Some(piece)
    })
}

fn push_id(out: &mut Vec<u8>, mut id: u32) {
    while id >= 0x80 {
        out.push((id as u8 & 0x7f) | 0x80);
        id >>= 7;
    }
    out.push(id as u8);
}

impl Reason {
    /// `text`, held as piece ids.
    pub fn new(text: &str) -> Reason {
        let mut out = Vec::with_capacity(text.len() / 4 + 1);
        // Most pieces are known: look them all up under the shared lock first.
        let known = {
            let table = PIECES.read().unwrap_or_else(PoisonError::into_inner);
            table.as_ref().is_some_and(|t| {
                // Ask for every piece's slot before reading any: the misses overlap.
                for key in pieces(text).filter_map(ShortKey::of) {
                    t.short.prefetch(&key);
                }
                pieces(text).all(|p| match t.get(p) {
                    Some(id) => {
                        push_id(&mut out, id);
                        true
                    }
                    None => false,
                })
            })
        };
        if !known {
            out.clear();
            let mut table = PIECES.write().unwrap_or_else(PoisonError::into_inner);
            let t = table.get_or_insert_with(Pieces::default);
            for p in pieces(text) {
                push_id(&mut out, t.get_or_insert(p));
            }
        }
        Reason(out.into_boxed_slice())
    }

    /// Appends the text to `out`.
    pub fn write_to(&self, out: &mut String) {
        if self.0.is_empty() {
            return;
        }
        let table = PIECES.read().unwrap_or_else(PoisonError::into_inner);
        let texts = &table
            .as_ref()
            .expect("a reason's pieces are in the table")
            .texts;
        let (mut id, mut shift) = (0u32, 0);
        for &byte in self.0.iter() {
            id |= ((byte & 0x7f) as u32) << shift;
            if byte & 0x80 == 0 {
                out.push_str(texts[id as usize]);
                (id, shift) = (0, 0);
            } else {
                shift += 7;
            }
        }
    }

    /// The text, as written by `relation::judge`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out);
        out
    }

    /// Heap bytes held (for `examples/memory_holders`).
    pub fn heap_bytes(&self) -> usize {
        self.0.len()
    }

    /// Distinct pieces in the process-wide table, and their text bytes.
    pub fn table_size() -> (usize, usize) {
        let table = PIECES.read().unwrap_or_else(PoisonError::into_inner);
        table.as_ref().map_or((0, 0), |t| {
            (t.texts.len(), t.texts.iter().map(|p| p.len()).sum())
        })
    }
}

impl fmt::Debug for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::short_keys::SHORT;
    use proptest::prelude::*;

    proptest! {
        /// Any text (spaces, runs of them, other whitespace and non-ASCII mixed in) is cut
        /// where `split_inclusive(' ')` cuts it.
        #[test]
        fn pieces_are_those_of_split_inclusive(text in "[ a-zé—\\t~:;,]{0,40}") {
            let got: Vec<&str> = pieces(&text).collect();
            let want: Vec<&str> = text.split_inclusive(' ').collect();
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn text_comes_back_byte_for_byte() {
        for text in [
            "",
            " ",
            "agree: same proposition; shared words: kill ~ killed, Kherson; speakers: A / B",
            "  two  spaces, trailing ",
            "é unicode — «quotes» 32 ~ 32.0",
        ] {
            assert_eq!(Reason::new(text).text(), text);
        }
        // Many pieces: ids past one and two varint bytes.
        let long: String = (0..20_000).map(|i| format!("w{i} ")).collect();
        assert_eq!(Reason::new(&long).text(), long);
        assert_eq!(Reason::new(&long), Reason::new(&long));
        assert_ne!(Reason::new("a b"), Reason::new("a  b"));
    }

    #[test]
    fn pieces_either_side_of_the_short_length_keep_their_own_ids() {
        // 22 and 23 bytes are held in a short slot, 24 in the map of long pieces; a piece
        // and its prefix, and pieces that differ only past the padding, stay apart.
        let short = "x".repeat(SHORT - 1);
        let edge = "x".repeat(SHORT);
        let long = "x".repeat(SHORT + 1);
        let text = format!("{short} {edge} {long} {edge} {short} a a\0 é");
        assert_eq!(Reason::new(&text).text(), text);
        let ids = |t: &str| Reason::new(t).0.to_vec();
        assert_ne!(ids(&format!("{edge} ")), ids(&format!("{long} ")));
        assert_ne!(ids(&format!("{short} ")), ids(&format!("{edge} ")));
        assert_ne!(ids("a"), ids("a\0"));
        assert_eq!(ids(&text), ids(&text.clone()));
    }
}
