//! An index into a document's or the lexicon's items held in 4 bytes as an `Option` (an
//! `Option<u32>` takes 8): mentions and claim frames hold one each, millions per corpus.

use std::num::NonZeroU32;

/// Index `i`, stored as `i + 1` so that `Option<Idx>` needs no tag of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Idx(NonZeroU32);

impl Idx {
    /// Index `i` (under `u32::MAX`).
    pub fn new(i: u32) -> Idx {
        Idx(NonZeroU32::new(i.wrapping_add(1)).expect("an index under u32::MAX"))
    }

    /// The index.
    pub fn get(self) -> u32 {
        self.0.get() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_optional_index_is_four_bytes_and_reads_back() {
        assert_eq!(std::mem::size_of::<Option<Idx>>(), 4);
        for i in [0, 1, 7, u32::MAX - 1] {
            assert_eq!(Idx::new(i).get(), i);
        }
    }
}
