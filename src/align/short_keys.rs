//! A map from short strings (at most `SHORT` bytes) to ids whose slot holds the string's
//! bytes: a lookup reads one cache line, where a map keyed by `String` reads its control
//! bytes, the slot and the key's text apart (three misses in a table larger than the
//! cache). Read millions of times by `reasons` (pieces of reasons) and `word_facts` (words
//! of views).

use crate::syntax::hashing::mix;
use crate::syntax::huge_pages::Table;

/// Keys up to this many bytes are held in `ShortIds`' slots.
pub(super) const SHORT: usize = 23;

/// A short piece's bytes, zero-padded, and its length in the last byte (`EMPTY` there
/// marks an empty slot): equal keys are equal pieces.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct ShortKey([u8; SHORT + 1]);

const EMPTY: u8 = u8::MAX;

impl ShortKey {
    pub(super) fn of(piece: &str) -> Option<ShortKey> {
        let bytes = piece.as_bytes();
        (bytes.len() <= SHORT).then(|| {
            let mut key = [0u8; SHORT + 1];
            key[..bytes.len()].copy_from_slice(bytes);
            key[SHORT] = bytes.len() as u8;
            ShortKey(key)
        })
    }

    fn hash(&self) -> u64 {
        let word = |i: usize| u64::from_le_bytes(self.0[i..i + 8].try_into().expect("8 bytes"));
        mix(mix(word(0), word(8)), word(16))
    }
}

/// A short piece and its id: half a cache line.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct ShortSlot {
    key: ShortKey,
    id: u32,
}

const EMPTY_SLOT: ShortSlot = ShortSlot {
    key: ShortKey([EMPTY; SHORT + 1]),
    id: 0,
};

/// Open addressing with linear probing, at most half full. In 2 MB pages when it fills one
/// (`huge_pages`): read at random, it missed the TLB as often as the cache.
pub(super) struct ShortIds {
    slots: Table<ShortSlot>,
    len: usize,
}

impl Default for ShortIds {
    fn default() -> ShortIds {
        ShortIds {
            slots: Table::filled(0, EMPTY_SLOT),
            len: 0,
        }
    }
}

impl ShortIds {
    pub(super) fn get(&self, key: &ShortKey) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = key.hash() as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.key == *key {
                return Some(slot.id);
            }
            if slot.key.0[SHORT] == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Asks the CPU to fetch the slot where a lookup of `key` starts (a hint: no effect on
    /// results).
    pub(super) fn prefetch(&self, key: &ShortKey) {
        if self.slots.is_empty() {
            return;
        }
        let slot = &self.slots[key.hash() as usize & (self.slots.len() - 1)];
        #[cfg(target_arch = "x86_64")]
        // SAFETY: SSE is part of every x86_64 CPU, and a prefetch reads nothing the program
        // sees (the address is a live reference anyway).
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch::<_MM_HINT_T0>((slot as *const ShortSlot).cast::<i8>());
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = slot;
    }

    /// Adds `key` (not in the table yet) with `id`.
    pub(super) fn insert(&mut self, key: ShortKey, id: u32) {
        if 2 * (self.len + 1) > self.slots.len() {
            let size = (2 * self.slots.len()).max(1024);
            let old = std::mem::replace(&mut self.slots, Table::filled(size, EMPTY_SLOT));
            for &slot in old.iter().filter(|s| s.key.0[SHORT] != EMPTY) {
                self.place(slot);
            }
        }
        self.place(ShortSlot { key, id });
        self.len += 1;
    }

    fn place(&mut self, slot: ShortSlot) {
        let mask = self.slots.len() - 1;
        let mut i = slot.key.hash() as usize & mask;
        while self.slots[i].key.0[SHORT] != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
    }
}
