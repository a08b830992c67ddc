//! Short texts a corpus holds millions of times from a small vocabulary, each stored once per
//! process: the lemmas of claim frames (predicates, role heads, modality words, counted
//! nouns) and the units of figure mentions.
//!
//! A corpus holds about 1.6 frames a claim and up to five lemmas a frame, drawn from a
//! vocabulary of a few thousand words; as `String`s they were 24 bytes in line plus a heap
//! block each (about a third of a frame's bytes). An [`Interned`] is one pointer to the shared
//! text. The table only grows, by the vocabulary (words, not frames), like `align::Reason`'s.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{PoisonError, RwLock};

use crate::syntax::hashing::WordMap;

/// Every text held, by its text. Leaked: a text lives as long as the process.
static TEXTS: RwLock<Option<WordMap<&'static str, &'static String>>> = RwLock::new(None);

/// A text held once per process: 8 bytes, compared by pointer (the table gives one
/// pointer per text), read as a `&str`.
#[derive(Clone, Copy)]
pub struct Interned(&'static String);

impl Interned {
    /// `text`, held once.
    pub fn new(text: &str) -> Interned {
        {
            let table = TEXTS.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(&held) = table.as_ref().and_then(|t| t.get(text)) {
                return Interned(held);
            }
        }
        let mut table = TEXTS.write().unwrap_or_else(PoisonError::into_inner);
        let table = table.get_or_insert_with(WordMap::default);
        // Another thread may have added it between the two locks.
        if let Some(&held) = table.get(text) {
            return Interned(held);
        }
        let held: &'static String = Box::leak(Box::new(text.to_owned()));
        table.insert(held.as_str(), held);
        Interned(held)
    }

    /// The text.
    pub fn as_str(&self) -> &'static str {
        self.0.as_str()
    }

    /// How many texts the process holds and their text's bytes.
    pub fn table_size() -> (usize, usize) {
        let table = TEXTS.read().unwrap_or_else(PoisonError::into_inner);
        table
            .as_ref()
            .map_or((0, 0), |t| (t.len(), t.keys().map(|k| k.len()).sum()))
    }
}

impl Default for Interned {
    fn default() -> Interned {
        Interned::new("")
    }
}

impl Deref for Interned {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl PartialEq for Interned {
    fn eq(&self, other: &Interned) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Interned {}

impl Hash for Interned {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialEq<str> for Interned {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Interned {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_text_is_one_pointer_and_reads_back() {
        let a = Interned::new("loot");
        let b = Interned::new(&String::from("loot"));
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, b);
        assert_ne!(a, Interned::new("looting"));
        assert_eq!(&*a, "loot");
        assert_eq!(a, "loot");
        assert_eq!(format!("{a:?} {a}"), "\"loot\" loot");
        assert_eq!(Interned::default(), "");
    }

    #[test]
    fn an_interned_text_is_one_pointer() {
        // Eight bytes, and `Option<Interned>` too (the pointer is never null): the point of it.
        assert_eq!(std::mem::size_of::<Interned>(), 8);
        assert_eq!(std::mem::size_of::<Option<Interned>>(), 8);
    }

    #[test]
    fn threads_adding_the_same_text_get_one_pointer() {
        let texts: Vec<String> = (0..200).map(|i| format!("word{i}")).collect();
        let got: Vec<Vec<Interned>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| texts.iter().map(|t| Interned::new(t)).collect::<Vec<_>>()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for other in &got[1..] {
            assert_eq!(&got[0], other);
        }
        assert!(got[0].iter().zip(&texts).all(|(l, t)| *l == t.as_str()));
    }
}
