//! An averaged perceptron over hashed features, shared by the tagger, the parser and the
//! name tagger.
//!
//! Features are `u64` hashes (see [`super::hashing`]); classes are `usize` below
//! `n_classes` (at most 65,536). Training ([`Trainer`]) keeps, per feature, only the classes
//! it was ever updated for, with the running total and time stamp that averaging needs;
//! [`Trainer::finish`] averages and drops weights that end near zero. The frozen [`Model`]
//! lays the survivors out flat (compressed rows: one run of `(class, weight)` per feature)
//! behind an open-addressing table keyed by the feature hash, so scoring a feature is one
//! probe and a short run of adds. Models are saved with serde (postcard).

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The largest number of classes a model can have (classes are stored as `u16`).
pub const MAX_CLASSES: usize = 1 << 16;

/// A frozen, averaged model: what ships and what runs.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(try_from = "StoredModel", into = "StoredModel")]
pub struct Model {
    n_classes: usize,
    /// Feature hash of each row, in ascending order.
    keys: Vec<u64>,
    /// Row `r` holds entries `starts[r]..starts[r + 1]`.
    starts: Vec<u32>,
    classes: Vec<u16>,
    weights: Vec<f32>,
    /// Open addressing, linear probing: a slot holds `row + 1`, or 0 when empty.
    slots: Vec<u32>,
}

impl Model {
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// How many features have at least one weight.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// How many (feature, class) weights the model holds.
    pub fn n_weights(&self) -> usize {
        self.weights.len()
    }

    /// Sets `scores` (resized to `n_classes`) to the summed weights of `features`. Unknown
    /// features add nothing; a repeated feature counts each time.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.n_classes, 0.0);
        for &feature in features {
            if let Some(row) = self.row(feature) {
                let (from, to) = (self.starts[row] as usize, self.starts[row + 1] as usize);
                for (&class, &weight) in self.classes[from..to].iter().zip(&self.weights[from..to])
                {
                    scores[class as usize] += weight;
                }
            }
        }
    }

    /// The best class for `features` (the lowest-numbered one on a tie).
    pub fn predict(&self, features: &[u64]) -> usize {
        let mut scores = Vec::with_capacity(self.n_classes);
        self.scores(features, &mut scores);
        argmax(&scores)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("serialising to memory cannot fail")
    }

    /// Reads a model written by [`Model::to_bytes`]; a damaged file is an error, not a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        postcard::from_bytes(bytes).map_err(|e| ModelError(e.to_string()))
    }

    #[inline]
    fn row(&self, feature: u64) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(feature, mask);
        loop {
            match self.slots[slot] {
                0 => return None,
                row_plus_one => {
                    let row = row_plus_one as usize - 1;
                    if self.keys[row] == feature {
                        return Some(row);
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Model {
        let mut keys = Vec::with_capacity(rows.len());
        let mut starts = Vec::with_capacity(rows.len() + 1);
        let mut classes = Vec::new();
        let mut weights = Vec::new();
        starts.push(0);
        for (key, entries) in rows {
            keys.push(key);
            for (class, weight) in entries {
                classes.push(class);
                weights.push(weight);
            }
            starts.push(classes.len() as u32);
        }
        let slots = build_slots(&keys);
        Model {
            n_classes,
            keys,
            starts,
            classes,
            weights,
            slots,
        }
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

fn build_slots(keys: &[u64]) -> Vec<u32> {
    // At most half full, so a miss (the common case for rare words) ends after a probe or two.
    let size = (keys.len() * 2).next_power_of_two().max(2);
    let mask = size - 1;
    let mut slots = vec![0u32; size];
    for (row, &key) in keys.iter().enumerate() {
        let mut slot = slot_of(key, mask);
        while slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        slots[slot] = row as u32 + 1;
    }
    slots
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

/// The on-disk form: the rows without the lookup table, which is rebuilt on load.
#[derive(Serialize, Deserialize)]
struct StoredModel {
    n_classes: u32,
    keys: Vec<u64>,
    starts: Vec<u32>,
    classes: Vec<u16>,
    weights: Vec<f32>,
}

impl From<Model> for StoredModel {
    fn from(m: Model) -> StoredModel {
        StoredModel {
            n_classes: m.n_classes as u32,
            keys: m.keys,
            starts: m.starts,
            classes: m.classes,
            weights: m.weights,
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
        if s.starts.len() != s.keys.len() + 1 || s.starts.first() != Some(&0) {
            return bad("row table does not match the features");
        }
        if s.starts.windows(2).any(|w| w[0] > w[1])
            || *s.starts.last().expect("non-empty") as usize != s.classes.len()
            || s.classes.len() != s.weights.len()
        {
            return bad("row bounds out of order");
        }
        if s.classes.iter().any(|&c| c as usize >= n_classes) {
            return bad("a weight names a class past the class count");
        }
        if s.keys.windows(2).any(|w| w[0] >= w[1]) {
            return bad("feature keys not strictly ascending");
        }
        let slots = build_slots(&s.keys);
        Ok(Model {
            n_classes,
            keys: s.keys,
            starts: s.starts,
            classes: s.classes,
            weights: s.weights,
            slots,
        })
    }
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

    /// Averages every weight over all instances and freezes the model, dropping weights
    /// whose average magnitude is below `min_weight` (0 keeps every non-zero weight).
    pub fn finish(self, min_weight: f32) -> Model {
        let now = self.instances.max(1);
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = self
            .rows
            .into_iter()
            .filter_map(|(key, row)| {
                let mut entries: Vec<(u16, f32)> = row
                    .iter()
                    .map(|w| {
                        let total = w.total + (now - w.stamp) as f64 * w.weight as f64;
                        (w.class, (total / now as f64) as f32)
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
        assert_eq!(trainer.finish(0.0).n_weights(), 2);
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
}
