//! An averaged perceptron over hashed features, shared by the tagger, the parser and the
//! name tagger.
//!
//! Features are `u64` hashes (see [`super::hashing`]); classes are `usize` below
//! `n_classes` (at most 65,534). Training ([`Trainer`]) keeps, per feature, only the classes
//! it was ever updated for, with the running total and time stamp that averaging needs;
//! [`Trainer::finish`] averages and drops weights that end near zero. The frozen [`Model`]
//! keeps the survivors in an open-addressing table keyed by the feature hash, a short row
//! of `(class, weight)` inside the feature's slot, a longer one in a side array, and a row
//! covering a good part of the classes as a dense array of every class's weight (added
//! with vector instructions); scoring fetches every slot and row of a feature list before
//! adding, so that cache misses overlap. Models are saved with serde (postcard).

use super::huge_pages::Table;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The largest number of classes a model can have (classes are stored as `u16`, and the
/// three highest values mark empty, spilled and dense rows in the lookup table).
pub const MAX_CLASSES: usize = (1 << 16) - 3;

/// A frozen, averaged model: what ships and what runs.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(try_from = "StoredModel", into = "StoredModel")]
pub struct Model {
    n_classes: usize,
    n_features: usize,
    /// Open addressing, linear probing, at most three quarters full.
    slots: Table<Slot>,
    /// The rows too long to fit in their slot, one run per feature.
    spilled: Table<Entry>,
    /// The rows with weights for at least a `DENSE_SHARE` of the classes, `n_classes`
    /// bfloat16 weights each (0 for a class the row has no weight for).
    dense: Table<u16>,
}

/// A row with weights for at least one class in this many is stored dense: adding a whole
/// row with vector instructions beats adding its weights one by one. The scores stay the
/// same to the last bit: the other classes get `+ 0.0`, and each class still gets its
/// weights in the features' order. At 8 (was 4) the tagger's and parser's rows of 13-25
/// weights are dense too: 11% fewer instructions in scoring (callgrind, session 27), the
/// same peak memory (the spilled arrays shrink as the dense ones grow).
const DENSE_SHARE: usize = 8;

/// A feature in the lookup table with its row, 16 bytes: a row of one or two weights (four
/// in five of a parser's features) sits in the slot itself, so scoring a feature costs one
/// cache miss; a longer row lives in `Model::spilled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(16))]
struct Slot {
    key: u64,
    /// One or two weights (an unused second one has class `UNUSED`); or, in a spilled row,
    /// `[SPILLED with the row length as weight, the row start as two halves]`; or, in a
    /// dense row, `[DENSE, the row number as two halves]`; an empty slot has class `UNUSED`
    /// first.
    row: [Entry; 2],
}

/// The class of an unused weight in a slot.
const UNUSED: u16 = u16::MAX;
/// The class marking a slot whose row is in `Model::spilled`.
const SPILLED: u16 = u16::MAX - 1;
/// The class marking a slot whose row is in `Model::dense`.
const DENSE: u16 = u16::MAX - 2;

const EMPTY_SLOT: Slot = Slot {
    key: 0,
    row: [Entry {
        class: UNUSED,
        weight: 0,
    }; 2],
};

/// What a slot holds, unpacked.
enum Row<'a> {
    Empty,
    Inline(&'a [Entry]),
    Spilled { start: usize, len: usize },
    Dense(usize),
}

/// The weights of one feature, ready to add.
#[derive(Clone, Copy)]
enum Weights<'a> {
    Sparse(&'a [Entry]),
    /// Every class's weight, in class order.
    Dense(&'a [u16]),
}

impl Weights<'_> {
    /// Asks for every cache line of the row: a parser's dense row (101 classes as
    /// bfloat16) spans four lines, and the adds stalled on the lines not asked for.
    #[inline]
    fn prefetch(&self) {
        match self {
            Weights::Sparse(row) => prefetch_lines(row),
            Weights::Dense(row) => prefetch_lines(row),
        };
    }
}

impl Slot {
    #[inline]
    fn row(&self) -> Row<'_> {
        match self.row[0].class {
            UNUSED => Row::Empty,
            SPILLED => Row::Spilled {
                start: self.row_number(),
                len: self.row[0].weight as usize,
            },
            DENSE => Row::Dense(self.row_number()),
            _ if self.row[1].class == UNUSED => Row::Inline(&self.row[..1]),
            _ => Row::Inline(&self.row),
        }
    }

    /// A spilled row's start, or a dense row's number: 32 bits in the second entry.
    #[inline]
    fn row_number(&self) -> usize {
        ((self.row[1].class as usize) << 16) | self.row[1].weight as usize
    }
}

/// The second entry of a slot that points elsewhere: a 32-bit position as two halves.
fn pointer(at: u32) -> Entry {
    Entry {
        class: (at >> 16) as u16,
        weight: at as u16,
    }
}

/// One weight: a class and a bfloat16 (see [`to_bf16`]), four bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    class: u16,
    weight: u16,
}

impl Model {
    /// How many classes the model scores.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// How many features have at least one weight.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// How many (feature, class) weights the model holds.
    pub fn n_weights(&self) -> usize {
        self.slots.iter().map(|s| self.weights_of(s).len()).sum()
    }

    /// Sets `scores` (resized to `n_classes`) to the summed weights of `features`. Unknown
    /// features add nothing; a repeated feature counts each time.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.n_classes, 0.0);
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2.
            return unsafe { self.add_rows_avx2(features, scores) };
        }
        self.add_rows(features, scores)
    }

    /// [`Model::add_rows`] compiled for AVX2: a dense row is added eight classes at a
    /// time instead of four. Each class still gets the same adds in the same order, so
    /// the sums are the same to the last bit.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn add_rows_avx2(&self, features: &[u64], scores: &mut [f32]) {
        self.add_rows(features, scores)
    }

    /// Adds the rows of `features` to `scores` (one per class).
    #[inline(always)]
    fn add_rows(&self, features: &[u64], scores: &mut [f32]) {
        // The table is larger than the caches: fetch every feature's slot, then every spilled
        // row, before adding, so that the cache misses overlap instead of coming one after
        // the other. The adds keep the features' order (the same sums to the last bit).
        const CHUNK: usize = 128;
        let mask = self.slots.len() - 1;
        let mut rows: [Weights; CHUNK] = [Weights::Sparse(&[]); CHUNK];
        for chunk in features.chunks(CHUNK) {
            for &feature in chunk {
                prefetch(&self.slots[slot_of(feature, mask)]);
            }
            for (row, &feature) in rows.iter_mut().zip(chunk) {
                *row = self
                    .slot(feature)
                    .map_or(Weights::Sparse(&[]), |slot| self.weights(slot));
                row.prefetch();
            }
            for row in &rows[..chunk.len()] {
                match *row {
                    Weights::Sparse(row) => {
                        for e in row {
                            scores[e.class as usize] += from_bf16(e.weight);
                        }
                    }
                    Weights::Dense(row) => {
                        for (score, &w) in scores.iter_mut().zip(row) {
                            *score += from_bf16(w);
                        }
                    }
                }
            }
        }
    }

    /// Asks the CPU to start fetching the slots of `features`, to be scored soon: a hint
    /// that changes no result.
    pub fn prefetch(&self, features: &[u64]) {
        let mask = self.slots.len() - 1;
        for &feature in features {
            prefetch(&self.slots[slot_of(feature, mask)]);
        }
    }

    /// The best class for `features` (the lowest-numbered one on a tie).
    pub fn predict(&self, features: &[u64]) -> usize {
        let mut scores = Vec::with_capacity(self.n_classes);
        self.scores(features, &mut scores);
        argmax(&scores)
    }

    /// The same model without the weights smaller than `min_weight` in magnitude.
    pub fn pruned(&self, min_weight: f32) -> Model {
        let rows = self
            .rows()
            .into_iter()
            .filter_map(|(key, entries)| {
                let kept: Vec<(u16, f32)> = entries
                    .into_iter()
                    .filter(|(_, w)| w.abs() >= min_weight)
                    .collect();
                (!kept.is_empty()).then_some((key, kept))
            })
            .collect();
        Model::from_rows(self.n_classes, rows)
    }

    /// The model file's bytes (postcard).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("serialising to memory cannot fail")
    }

    /// Reads a model written by [`Model::to_bytes`]; a damaged file is an error, not a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        postcard::from_bytes(bytes).map_err(|e| ModelError(e.to_string()))
    }

    #[inline]
    fn slot(&self, feature: u64) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let mut i = slot_of(feature, mask);
        loop {
            let slot = &self.slots[i];
            match slot.row() {
                Row::Empty => return None,
                _ if slot.key == feature => return Some(slot),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The weights of an occupied slot (none for an empty one), as scoring reads them.
    #[inline]
    fn weights<'a>(&'a self, slot: &'a Slot) -> Weights<'a> {
        match slot.row() {
            Row::Empty => Weights::Sparse(&[]),
            Row::Inline(row) => Weights::Sparse(row),
            Row::Spilled { start, len } => Weights::Sparse(&self.spilled[start..start + len]),
            Row::Dense(number) => {
                let start = number * self.n_classes;
                Weights::Dense(&self.dense[start..start + self.n_classes])
            }
        }
    }

    /// The weights of an occupied slot as `(class, weight)`, in class order.
    fn weights_of(&self, slot: &Slot) -> Vec<(u16, f32)> {
        match self.weights(slot) {
            Weights::Sparse(row) => row.iter().map(|e| (e.class, from_bf16(e.weight))).collect(),
            Weights::Dense(row) => (0..)
                .zip(row)
                .filter(|&(_, &w)| from_bf16(w) != 0.0)
                .map(|(class, &w)| (class, from_bf16(w)))
                .collect(),
        }
    }

    /// The mean of `models`' weights (each weight summed over the models that have it,
    /// divided by their number): one linear model whose scores are the mean of theirs, so a
    /// greedy decoder following it decodes their score ensemble at one model's lookups.
    /// An error when they score different class counts.
    pub fn mean(models: &[&Model]) -> Result<Model, ModelError> {
        let first = models
            .first()
            .ok_or_else(|| ModelError("no models to average".into()))?;
        if models.iter().any(|m| m.n_classes != first.n_classes) {
            return Err(ModelError("the models score different classes".into()));
        }
        let mut all: Vec<(u64, u16, f32)> = models
            .iter()
            .flat_map(|m| m.rows())
            .flat_map(|(key, row)| row.into_iter().map(move |(class, w)| (key, class, w)))
            .collect();
        // Summed in the models' order for each weight: the result depends on them alone.
        all.sort_by_key(|&(key, class, _)| (key, class));
        let n = models.len() as f32;
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
        for chunk in all.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            let (key, class) = (chunk[0].0, chunk[0].1);
            let mean = chunk.iter().map(|&(_, _, w)| w).sum::<f32>() / n;
            match rows.last_mut() {
                Some((k, row)) if *k == key => row.push((class, mean)),
                _ => rows.push((key, vec![(class, mean)])),
            }
        }
        Ok(Model::from_rows(first.n_classes, rows))
    }

    /// Every feature with its weights, in key order.
    fn rows(&self) -> Vec<(u64, Vec<(u16, f32)>)> {
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = self
            .slots
            .iter()
            .filter(|s| !matches!(s.row(), Row::Empty))
            .map(|s| (s.key, self.weights_of(s)))
            .collect();
        rows.sort_unstable_by_key(|&(key, _)| key);
        rows
    }

    /// `rows` in key order, each class at most once and below `n_classes`. Zero weights
    /// are dropped (they add nothing), and with them a row left without weights.
    fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Model {
        let mut flat = FlatRows::with_capacity(rows.len(), rows.iter().map(|(_, r)| r.len()).sum());
        for (key, row) in rows {
            flat.push(
                key,
                row.into_iter().map(|(class, weight)| Entry {
                    class,
                    weight: to_bf16(weight),
                }),
            );
        }
        Model::from_flat(n_classes, &flat)
    }

    /// The model of `rows` (see [`Model::from_rows`]), built without a heap block per row:
    /// loading a shipped model builds its tables straight from the file's arrays.
    fn from_flat(n_classes: usize, rows: &FlatRows) -> Model {
        // Scoring adds without bounds checks would need this; loading rejects such a file
        // with an error before it gets here.
        assert!(
            rows.entries.iter().all(|e| (e.class as usize) < n_classes),
            "a weight for a class past the class count"
        );
        let n_features = rows.keys.len();
        // At most three quarters full: a quarter fewer cache misses than half full, and an
        // unknown feature still stops at an empty slot within a few probes.
        let size = (n_features * 4 / 3 + 1).next_power_of_two().max(2);
        let mask = size - 1;
        // Where each row goes is known from its length: size the side arrays first, so that
        // they are written once, in place.
        let is_dense = |len: usize| len > 2 && len * DENSE_SHARE >= n_classes;
        let (mut n_dense, mut n_spilled) = (0, 0);
        for i in 0..n_features {
            let len = rows.row(i).len();
            if is_dense(len) {
                n_dense += 1;
            } else if len > 2 {
                n_spilled += len;
            }
        }
        let mut slots = Table::filled(size, EMPTY_SLOT);
        let mut spilled = Table::filled(n_spilled, EMPTY_SLOT.row[0]);
        let mut dense = Table::filled(n_dense * n_classes, 0u16);
        let (mut next_dense, mut next_spilled) = (0, 0);
        for (i, &key) in rows.keys.iter().enumerate() {
            let row = rows.row(i);
            let mut i = slot_of(key, mask);
            while !matches!(slots[i].row(), Row::Empty) {
                i = (i + 1) & mask;
            }
            let mut packed = EMPTY_SLOT.row;
            if row.len() <= 2 {
                packed[..row.len()].copy_from_slice(row);
            } else if is_dense(row.len()) {
                let number = next_dense;
                next_dense += 1;
                packed = [
                    Entry {
                        class: DENSE,
                        weight: 0,
                    },
                    pointer(number as u32),
                ];
                for e in row {
                    dense[number * n_classes + e.class as usize] = e.weight;
                }
            } else {
                packed = [
                    Entry {
                        class: SPILLED,
                        weight: row.len() as u16,
                    },
                    pointer(next_spilled as u32),
                ];
                spilled[next_spilled..next_spilled + row.len()].copy_from_slice(row);
                next_spilled += row.len();
            }
            slots[i] = Slot { key, row: packed };
        }
        Model {
            n_classes,
            n_features,
            slots,
            spilled,
            dense,
        }
    }
}

/// A model's rows in two flat arrays (a heap block per row made loading slow): per feature
/// its key, and where its weights end in `entries`. Weights that are zero as bfloat16 are
/// left out, and a row left without weights with them.
struct FlatRows {
    keys: Vec<u64>,
    ends: Vec<usize>,
    entries: Vec<Entry>,
}

impl FlatRows {
    fn with_capacity(rows: usize, entries: usize) -> FlatRows {
        FlatRows {
            keys: Vec::with_capacity(rows),
            ends: Vec::with_capacity(rows),
            entries: Vec::with_capacity(entries),
        }
    }

    fn push(&mut self, key: u64, row: impl Iterator<Item = Entry>) {
        let start = self.entries.len();
        self.entries.extend(row.filter(|e| e.weight & 0x7FFF != 0));
        if self.entries.len() > start {
            self.keys.push(key);
            self.ends.push(self.entries.len());
        }
    }

    fn row(&self, i: usize) -> &[Entry] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.entries[start..self.ends[i]]
    }
}

/// Asks the CPU to bring `item` into the cache (a hint: no effect on results).
#[inline]
fn prefetch<T>(item: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: SSE is part of every x86_64 CPU, and a prefetch never faults (it reads
        // nothing the program sees; here the address is a live reference anyway).
        unsafe { _mm_prefetch::<_MM_HINT_T0>((item as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = item;
}

/// Asks the CPU to bring every cache line of `items` into the cache (a hint, as
/// [`prefetch`]): one item a line, and the last one for a line the stride steps over.
#[inline]
fn prefetch_lines<T>(items: &[T]) {
    const LINE: usize = 64;
    let per_line = (LINE / std::mem::size_of::<T>().max(1)).max(1);
    for item in items.iter().step_by(per_line) {
        prefetch(item);
    }
    if let Some(last) = items.last() {
        prefetch(last);
    }
}

/// The index of the highest score, the first one on a tie; 0 for an empty slice.
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

#[inline]
fn slot_of(feature: u64, mask: usize) -> usize {
    // Features are already well-mixed hashes: the high bits make a fine slot number.
    (feature >> 32) as usize & mask
}

/// A model file that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid model file: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// The on-disk form: the rows without the lookup table, which is rebuilt on load. Keys are
/// raw little-endian bytes (random hashes gain nothing from varints), row lengths and
/// classes varints, weights bfloat16 (the upper half of an f32: 8 bits of mantissa is
/// plenty for perceptron scores and halves the file).
#[derive(Serialize, Deserialize)]
struct StoredModel {
    n_classes: u32,
    #[serde(deserialize_with = "byte_vec")]
    keys: Vec<u8>,
    row_lengths: Vec<u32>,
    classes: Vec<u16>,
    #[serde(deserialize_with = "byte_vec")]
    weights: Vec<u8>,
}

/// Reads a `Vec<u8>` as one block of bytes rather than byte by byte. Postcard writes a
/// sequence of `u8` exactly as it writes bytes (a varint length, then the raw bytes), so
/// the file format is the same; a format that gives a sequence still works.
fn byte_vec<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    struct Bytes;
    impl<'de> serde::de::Visitor<'de> for Bytes {
        type Value = Vec<u8>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("bytes")
        }
        fn visit_bytes<E>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }
        fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
            while let Some(b) = seq.next_element()? {
                out.push(b);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_byte_buf(Bytes)
}

impl From<Model> for StoredModel {
    fn from(m: Model) -> StoredModel {
        let rows = m.rows();
        StoredModel {
            n_classes: m.n_classes as u32,
            keys: rows.iter().flat_map(|(k, _)| k.to_le_bytes()).collect(),
            row_lengths: rows.iter().map(|(_, e)| e.len() as u32).collect(),
            classes: rows
                .iter()
                .flat_map(|(_, e)| e.iter().map(|&(c, _)| c))
                .collect(),
            weights: rows
                .iter()
                .flat_map(|(_, e)| e.iter().flat_map(|&(_, w)| to_bf16(w).to_le_bytes()))
                .collect(),
        }
    }
}

impl TryFrom<StoredModel> for Model {
    type Error = ModelError;

    fn try_from(s: StoredModel) -> Result<Model, ModelError> {
        let n_classes = s.n_classes as usize;
        let bad = |what: &str| Err(ModelError(what.to_string()));
        if n_classes == 0 || n_classes > MAX_CLASSES {
            return bad("class count out of range");
        }
        if s.keys.len() % 8 != 0 || s.keys.len() / 8 != s.row_lengths.len() {
            return bad("row table does not match the features");
        }
        let total: u64 = s.row_lengths.iter().map(|&l| l as u64).sum();
        if total != s.classes.len() as u64 || s.weights.len() != 2 * s.classes.len() {
            return bad("row lengths do not match the weights");
        }
        if s.row_lengths.contains(&0) {
            return bad("a feature without weights");
        }
        if s.classes.iter().any(|&c| c as usize >= n_classes) {
            return bad("a weight names a class past the class count");
        }
        let keys = s
            .keys
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")));
        if keys.clone().zip(keys.clone().skip(1)).any(|(a, b)| a >= b) {
            return bad("feature keys not strictly ascending");
        }
        let mut entries = s
            .classes
            .iter()
            .zip(s.weights.chunks_exact(2))
            .map(|(&class, w)| Entry {
                class,
                weight: u16::from_le_bytes([w[0], w[1]]),
            });
        let mut rows = FlatRows::with_capacity(s.row_lengths.len(), s.classes.len());
        for (key, &len) in keys.zip(&s.row_lengths) {
            rows.push(key, entries.by_ref().take(len as usize));
        }
        Ok(Model::from_flat(n_classes, &rows))
    }
}

/// f32 to bfloat16, rounding to nearest even.
fn to_bf16(w: f32) -> u16 {
    let bits = w.to_bits();
    ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) as u16
}

fn from_bf16(b: u16) -> f32 {
    f32::from_bits((b as u32) << 16)
}

/// Feature hashes are already uniform: hashing them again would only cost time.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// One weight while training, with what averaging needs.
#[derive(Debug, Clone, Copy)]
struct TrainWeight {
    class: u16,
    weight: f32,
    /// Sum of the weight over every instance before `stamp`.
    total: f64,
    stamp: u64,
}

/// Trains a [`Model`]: call [`Trainer::update`] once per training instance (also when the
/// guess was right, so that averaging counts it), then [`Trainer::finish`].
#[derive(Debug, Clone)]
pub struct Trainer {
    n_classes: usize,
    rows: FeatureMap<Vec<TrainWeight>>,
    /// Instances seen so far: the clock of the average.
    instances: u64,
}

impl Trainer {
    /// A trainer with all weights zero.
    pub fn new(n_classes: usize) -> Trainer {
        assert!(
            (1..=MAX_CLASSES).contains(&n_classes),
            "a perceptron needs 1..={MAX_CLASSES} classes, got {n_classes}"
        );
        Trainer {
            n_classes,
            rows: FeatureMap::default(),
            instances: 0,
        }
    }

    /// A trainer whose current weights are `model`'s (a warm start: training goes on from
    /// them). They count in the average as if they had stood from the first instance.
    pub fn from_model(model: &Model) -> Trainer {
        let mut trainer = Trainer::new(model.n_classes());
        for (key, row) in model.rows() {
            let row = row
                .into_iter()
                .map(|(class, weight)| TrainWeight {
                    class,
                    weight,
                    total: 0.0,
                    stamp: 0,
                })
                .collect();
            trainer.rows.insert(key, row);
        }
        trainer
    }

    /// How many classes it scores.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Scores with the current (not averaged) weights, as [`Model::scores`].
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.n_classes, 0.0);
        for feature in features {
            if let Some(row) = self.rows.get(feature) {
                for w in row {
                    scores[w.class as usize] += w.weight;
                }
            }
        }
    }

    /// The best class for `features` under the current (not averaged) weights.
    pub fn predict(&self, features: &[u64]) -> usize {
        let mut scores = Vec::with_capacity(self.n_classes);
        self.scores(features, &mut scores);
        argmax(&scores)
    }

    /// One training instance: rewards `truth` and penalises `guess` on `features` when they
    /// differ. Either way the instance advances the averaging clock.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        assert!(truth < self.n_classes && guess < self.n_classes);
        self.instances += 1;
        if truth == guess {
            return;
        }
        let now = self.instances;
        for &feature in features {
            let row = self.rows.entry(feature).or_default();
            bump(row, truth as u16, 1.0, now);
            bump(row, guess as u16, -1.0, now);
        }
    }

    /// One training instance of a structured model (a whole parse): adds each change's
    /// delta to its class's weight on each of its features. The instance advances the
    /// averaging clock once, however many changes it makes (none when the guess was right).
    pub fn update_structured(&mut self, changes: &[(&[u64], usize, f32)]) {
        assert!(changes.iter().all(|&(_, class, _)| class < self.n_classes));
        self.instances += 1;
        let now = self.instances;
        for &(features, class, delta) in changes {
            for &feature in features {
                bump(
                    self.rows.entry(feature).or_default(),
                    class as u16,
                    delta,
                    now,
                );
            }
        }
    }

    /// Averages every weight over all instances and freezes the model, dropping weights
    /// whose average magnitude is below `min_weight` (0 keeps every non-zero weight).
    pub fn finish(self, min_weight: f32) -> Model {
        self.averaged(min_weight)
    }

    /// The model [`Trainer::finish`] would give now, leaving the trainer as it is (to
    /// measure a model between epochs).
    pub fn averaged(&self, min_weight: f32) -> Model {
        let now = self.instances.max(1);
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = self
            .rows
            .iter()
            .filter_map(|(&key, row)| {
                let mut entries: Vec<(u16, f32)> = row
                    .iter()
                    .map(|w| {
                        let total = w.total + (now - w.stamp) as f64 * w.weight as f64;
                        (w.class, from_bf16(to_bf16((total / now as f64) as f32)))
                    })
                    .filter(|&(_, avg)| avg != 0.0 && avg.abs() >= min_weight)
                    .collect();
                entries.sort_by_key(|&(class, _)| class);
                (!entries.is_empty()).then_some((key, entries))
            })
            .collect();
        // Hash-map order is arbitrary: sorting makes the file a function of the training alone.
        rows.sort_unstable_by_key(|&(key, _)| key);
        Model::from_rows(self.n_classes, rows)
    }
}

fn bump(row: &mut Vec<TrainWeight>, class: u16, delta: f32, now: u64) {
    let w = match row.iter_mut().position(|w| w.class == class) {
        Some(i) => &mut row[i],
        None => {
            row.push(TrainWeight {
                class,
                weight: 0.0,
                total: 0.0,
                stamp: now,
            });
            row.last_mut().expect("just pushed")
        }
    };
    w.total += (now - w.stamp) as f64 * w.weight as f64;
    w.stamp = now;
    w.weight += delta;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::hashing::{feature, hash_str};

    fn f(name: &str) -> u64 {
        feature(1, hash_str(name))
    }

    /// Three classes, each signalled by its own cue word, amid shared context words.
    fn toy_data() -> Vec<(Vec<u64>, usize)> {
        let mut data = Vec::new();
        for class in 0..3 {
            for context in ["the", "a", "said", "of"] {
                let cue = ["alpha", "beta", "gamma"][class];
                data.push((vec![f(cue), f(context)], class));
            }
        }
        data
    }

    fn train(epochs: usize) -> Model {
        let mut trainer = Trainer::new(3);
        for _ in 0..epochs {
            for (features, truth) in toy_data() {
                let guess = trainer.predict(&features);
                trainer.update(&features, truth, guess);
            }
        }
        trainer.finish(0.0)
    }

    #[test]
    fn learns_a_separable_problem() {
        let model = train(5);
        for (features, truth) in toy_data() {
            assert_eq!(model.predict(&features), truth, "{features:?}");
        }
        assert_eq!(model.n_classes(), 3);
        assert!(model.n_features() <= 7);
    }

    #[test]
    fn averaging_weighs_by_survival_time() {
        // A weight counts for the instances after the one that set it: set at instance 1 of
        // 4, it stands for 3 of them.
        let mut trainer = Trainer::new(2);
        trainer.update(&[f("a")], 1, 0);
        for _ in 0..3 {
            trainer.update(&[f("b")], 1, 1);
        }
        let model = trainer.finish(0.0);
        let mut scores = Vec::new();
        model.scores(&[f("a")], &mut scores);
        assert_eq!(scores, vec![-0.75, 0.75]);
        // A weight undone at instance 2 stood for one instance of four.
        let mut trainer = Trainer::new(2);
        trainer.update(&[f("a")], 1, 0);
        trainer.update(&[f("a")], 0, 1);
        trainer.update(&[f("b")], 0, 0);
        trainer.update(&[f("b")], 0, 0);
        let model = trainer.finish(0.0);
        model.scores(&[f("a")], &mut scores);
        assert_eq!(scores, vec![-0.25, 0.25]);
    }

    #[test]
    fn a_warm_start_goes_on_from_the_models_weights() {
        let model = train(5);
        let trainer = Trainer::from_model(&model);
        let (mut warm, mut frozen) = (Vec::new(), Vec::new());
        for (features, _) in toy_data() {
            trainer.scores(&features, &mut warm);
            model.scores(&features, &mut frozen);
            assert_eq!(warm, frozen, "{features:?}");
        }
        // Before any update it averages back to the model it started from.
        assert_eq!(trainer.averaged(0.0), model);
        assert_eq!(trainer.finish(0.0), model);
        // The start weight counts in the average for the instances it stood: 2 for the
        // first of two, then 1 (a cold start would average to -0.5 for class 1).
        let start = Model::from_rows(2, vec![(f("a"), vec![(1, 2.0)])]);
        let mut trainer = Trainer::from_model(&start);
        trainer.update(&[f("a")], 0, 1);
        trainer.update(&[f("b")], 0, 0);
        let mut scores = Vec::new();
        trainer.averaged(0.0).scores(&[f("a")], &mut scores);
        assert_eq!(scores, vec![0.5, 1.5]);
    }

    #[test]
    fn unknown_features_score_zero_and_ties_go_to_the_first_class() {
        let model = train(5);
        let mut scores = Vec::new();
        model.scores(&[f("never seen")], &mut scores);
        assert_eq!(scores, vec![0.0, 0.0, 0.0]);
        assert_eq!(model.predict(&[]), 0);
    }

    #[test]
    fn pruning_drops_small_weights() {
        let mut trainer = Trainer::new(3);
        for _ in 0..98 {
            trainer.update(&[f("b")], 2, 2);
        }
        trainer.update(&[f("a")], 1, 0);
        trainer.update(&[f("b")], 2, 2);
        // f("a") averages to +-0.01: pruned at 0.05, kept at 0.
        assert_eq!(trainer.clone().finish(0.05).n_features(), 0);
        let model = trainer.finish(0.0);
        assert_eq!(model.n_weights(), 2);
        assert_eq!(model.pruned(0.05).n_features(), 0);
        assert_eq!(model.pruned(0.001), model);
    }

    #[test]
    fn saves_and_loads_the_same_model() {
        let model = train(5);
        let bytes = model.to_bytes();
        let loaded = Model::from_bytes(&bytes).unwrap();
        assert_eq!(loaded, model);
        for (features, truth) in toy_data() {
            assert_eq!(loaded.predict(&features), truth);
        }
    }

    #[test]
    fn damaged_files_are_errors() {
        let bytes = train(10).to_bytes();
        assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        assert!(Model::from_bytes(&[]).is_err());
        let mut wrong_class_count = bytes.clone();
        wrong_class_count[0] = 1; // n_classes 1: the stored weights name classes 1 and 2
        assert!(Model::from_bytes(&wrong_class_count).is_err());
    }

    #[test]
    fn training_is_deterministic() {
        assert_eq!(train(7).to_bytes(), train(7).to_bytes());
    }

    proptest::proptest! {
        /// Rows of every length (in the slot, spilled, or dense) score as a plain sum over
        /// the features, in their order, would, to the last bit (the weights' magnitudes
        /// differ widely, so a changed order of adds would show); unknown features add
        /// nothing, zero weights are dropped.
        #[test]
        fn the_table_scores_as_a_plain_sum(
            n_classes in 1usize..40,
            raw_rows in proptest::collection::btree_map(
                proptest::prelude::any::<u64>(),
                proptest::collection::btree_map(0u16..40, (-50i16..50, -12i32..12), 1..12),
                0..300,
            ),
            picks in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..200),
        ) {
            let rows: Vec<(u64, Vec<(u16, f32)>)> = raw_rows
                .into_iter()
                .filter_map(|(key, row)| {
                    let row = row
                        .into_iter()
                        .map(|(c, (w, e))| {
                            let weight = from_bf16(to_bf16(w as f32 * 0.37 * 2f32.powi(e)));
                            (c % n_classes as u16, weight)
                        })
                        .filter(|&(_, w)| w != 0.0)
                        .collect::<std::collections::BTreeMap<_, _>>();
                    (!row.is_empty()).then(|| (key, row.into_iter().collect()))
                })
                .collect();
            let model = Model::from_rows(n_classes, rows.clone());
            proptest::prop_assert_eq!(model.n_features(), rows.len());
            proptest::prop_assert_eq!(model.rows(), rows.clone());
            // Loading builds the tables from the file's flat arrays: the same tables.
            proptest::prop_assert_eq!(&Model::from_bytes(&model.to_bytes()).unwrap(), &model);
            // Half the features from the model, half unknown (most likely).
            let features: Vec<u64> = picks
                .iter()
                .enumerate()
                .map(|(i, &p)| {
                    if i % 2 == 0 && !rows.is_empty() {
                        rows[p as usize % rows.len()].0
                    } else {
                        p
                    }
                })
                .collect();
            let lookup: HashMap<u64, &Vec<(u16, f32)>> =
                rows.iter().map(|(k, r)| (*k, r)).collect();
            let mut expected = vec![0.0f32; n_classes];
            for f in &features {
                for &(c, w) in lookup.get(f).map_or(&[][..], |r| &r[..]) {
                    expected[c as usize] += w;
                }
            }
            let mut scores = Vec::new();
            model.scores(&features, &mut scores);
            proptest::prop_assert_eq!(scores, expected);
        }
    }

    #[test]
    fn lookup_finds_every_feature_among_many() {
        let mut trainer = Trainer::new(4);
        let features: Vec<u64> = (0..5000u64).map(|i| feature(9, i)).collect();
        for (i, &feat) in features.iter().enumerate() {
            trainer.update(&[feat], i % 4, (i + 1) % 4);
        }
        trainer.update(&[], 0, 0); // the last update must stand for an instance to count
        let model = trainer.finish(0.0);
        assert_eq!(model.n_features(), 5000);
        for (i, &feat) in features.iter().enumerate() {
            assert_eq!(model.predict(&[feat]), i % 4);
        }
    }

    #[test]
    fn the_mean_model_scores_the_mean_of_the_models_scores() {
        // Weights that are exact in bfloat16, and sums of them halved, so the comparison
        // is exact: rows only in one model, in both, and classes only in one of a shared row.
        let a = Model::from_rows(3, vec![(1, vec![(0, 2.0), (2, -1.0)]), (5, vec![(1, 4.0)])]);
        let b = Model::from_rows(3, vec![(1, vec![(0, 1.0)]), (9, vec![(2, 0.5)])]);
        let mean = Model::mean(&[&a, &b]).unwrap();
        for features in [vec![1], vec![5], vec![9], vec![1, 5, 9], vec![7]] {
            let (mut sa, mut sb, mut sm) = (Vec::new(), Vec::new(), Vec::new());
            a.scores(&features, &mut sa);
            b.scores(&features, &mut sb);
            mean.scores(&features, &mut sm);
            let want: Vec<f32> = sa.iter().zip(&sb).map(|(x, y)| (x + y) / 2.0).collect();
            assert_eq!(sm, want, "{features:?}");
        }
        assert_eq!(mean.n_features(), 3);
        assert_eq!(Model::mean(&[&a]).unwrap(), a);
        let other = Model::from_rows(2, vec![(1, vec![(0, 1.0)])]);
        assert!(Model::mean(&[&a, &other]).is_err());
        assert!(Model::mean(&[]).is_err());
    }
}
