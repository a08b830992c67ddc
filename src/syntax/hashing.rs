//! Stable 64-bit feature hashes.
//!
//! Model files store hashed features, so the hash must never change between Rust versions,
//! platforms or runs (std's `DefaultHasher` promises none of that). Strings are hashed once
//! per token; templates combine those hashes with [`mix`], which costs a few multiplies.

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of a byte string (little-endian 8-byte chunks, splitmix64 finaliser).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(MULTIPLIER);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes"));
        h = (h.rotate_left(27) ^ word).wrapping_mul(MULTIPLIER);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(27) ^ u64::from_le_bytes(buf)).wrapping_mul(MULTIPLIER);
    }
    finalize(h)
}

/// The hash of a string's UTF-8 bytes.
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Combines two hashes, order-sensitively: `mix(a, b) != mix(b, a)`.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    finalize(a.rotate_left(31) ^ b.wrapping_add(MULTIPLIER))
}

/// A feature from a template id and one value.
#[inline]
pub fn feature(template: u32, value: u64) -> u64 {
    mix(template as u64, value)
}

/// A feature from a template id and two values.
#[inline]
pub fn feature2(template: u32, a: u64, b: u64) -> u64 {
    mix(mix(template as u64, a), b)
}

/// A feature from a template id and three values.
#[inline]
pub fn feature3(template: u32, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(template as u64, a), b), c)
}

#[inline]
fn finalize(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A hasher for in-memory maps keyed by short strings (the lemmatizer's word lists): eight
/// bytes a multiply, where std's SipHash takes several rounds. Nothing is stored with it and
/// nothing iterates such a map to produce output, so its values may change freely. Its seed
/// is fixed: an input crafted to collide only slows the lookups of its own words, in maps of
/// fixed size.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes"));
            self.0 = (self.0.rotate_left(27) ^ word).wrapping_mul(MULTIPLIER);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.0 = (self.0.rotate_left(27) ^ u64::from_le_bytes(buf) ^ rest.len() as u64)
                .wrapping_mul(MULTIPLIER);
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        // A `str` ends its hash with 0xFF: one cheap step.
        self.0 = (self.0.rotate_left(27) ^ n as u64).wrapping_mul(MULTIPLIER);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The table takes its bucket from the low bits and a tag from the high ones: mix both.
        self.0 ^ (self.0 >> 32)
    }
}

/// A `HashMap` with [`WordHasher`].
pub type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;
/// A `HashSet` with [`WordHasher`].
pub type WordSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<WordHasher>>;

/// A small deterministic generator (splitmix64) for shuffling training data: a fixed seed
/// gives the same order on every machine.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next pseudo-random value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(MULTIPLIER);
        finalize(self.0)
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_pinned_across_versions() {
        // Model files store these hashes: a change here silently breaks every shipped model.
        assert_eq!(hash_str("said"), 3845062763561485682);
        assert_eq!(hash_str("the quick brown fox"), 12352636407504063507);
        assert_eq!(mix(1, 2), 9902261916291938003);
        assert_ne!(mix(1, 2), mix(2, 1));
        assert_ne!(hash_str("ab"), hash_str("ba"));
        assert_ne!(hash_str("abcdefgh"), hash_str("abcdefgh\0"));
    }

    #[test]
    fn shuffle_is_a_deterministic_permutation() {
        let mut a: Vec<u32> = (0..100).collect();
        let mut b = a.clone();
        SplitMix64::new(7).shuffle(&mut a);
        SplitMix64::new(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..100).collect::<Vec<_>>());
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
    }
}
