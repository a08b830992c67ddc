//! The part-of-speech tagger: one joint class per (UPOS, Penn tag) pair seen in training,
//! greedy left to right with the two previous tags as features.

use super::hashing::{feature, feature2, feature3, SplitMix64};
use super::perceptron::{argmax, Model, Trainer};
use super::words::{WordHashes, PAD};

/// A sentence prepared for training: per token its hashes and gold class.
pub type TaggedSentence = Vec<(WordHashes, u16)>;

/// The tag history value before the sentence start.
const START: u64 = 0x57A7;

fn history(class: Option<u16>) -> u64 {
    class.map_or(START, |c| c as u64 + 1)
}

/// How many features a token has.
const N_FEATURES: usize = 29;

/// The positions of the features that read the tags already given: the rest are known
/// before tagging starts.
const HISTORY: [usize; 6] = [16, 17, 18, 19, 20, 27];

/// The features of token `i`, given the classes of the two tokens before it.
pub fn features(words: &[WordHashes], i: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
    let mut f = word_features(words, i);
    set_history(&mut f, words, i, prev, prev2);
    out.clear();
    out.extend_from_slice(&f);
}

fn at(words: &[WordHashes], i: usize, offset: isize) -> &WordHashes {
    let j = i as isize + offset;
    if j < 0 || j as usize >= words.len() {
        &PAD
    } else {
        &words[j as usize]
    }
}

/// The features of token `i` that do not read tags; the `HISTORY` positions are left 0.
fn word_features(words: &[WordHashes], i: usize) -> [u64; N_FEATURES] {
    let at = |offset| at(words, i, offset);
    let (w, before, before2, after, after2) = (at(0), at(-1), at(-2), at(1), at(2));
    [
        feature(0, 0),
        feature(1, w.norm),
        feature(2, w.exact),
        feature(3, before.norm),
        feature(4, after.norm),
        feature(5, before2.norm),
        feature(6, after2.norm),
        feature(7, w.suffix1),
        feature(8, w.suffix2),
        feature(9, w.suffix3),
        feature(10, w.suffix4),
        feature(11, w.prefix1),
        feature(12, w.prefix3),
        feature(13, w.shape),
        feature(14, before.shape),
        feature(15, after.shape),
        0,
        0,
        0,
        0,
        0,
        feature(21, before.suffix3),
        feature(22, after.suffix3),
        feature(23, w.kind),
        feature2(24, (i == 0) as u64, w.shape),
        feature2(25, w.norm, after.norm),
        feature2(26, before.norm, w.norm),
        0,
        feature2(28, after.suffix2, w.suffix3),
    ]
}

/// Fills in the `HISTORY` features of token `i`.
fn set_history(f: &mut [u64; N_FEATURES], words: &[WordHashes], i: usize, prev: u64, prev2: u64) {
    let (w, after) = (at(words, i, 0), at(words, i, 1));
    let history = [
        feature(16, prev),
        feature(17, prev2),
        feature2(18, prev, prev2),
        feature2(19, prev, w.norm),
        feature2(20, prev, w.suffix3),
        feature3(27, prev, w.norm, after.norm),
    ];
    for (&position, value) in HISTORY.iter().zip(history) {
        f[position] = value;
    }
}

/// Tags one sentence: the class of each token.
pub fn tag(model: &Model, words: &[WordHashes]) -> Vec<u16> {
    let mut classes: Vec<u16> = Vec::with_capacity(words.len());
    let mut scores = Vec::with_capacity(model.n_classes());
    let mut next = words.first().map(|_| word_features(words, 0));
    for i in 0..words.len() {
        let mut f = next.take().expect("computed a token ahead");
        // The next token's word features are known already: fetching their slots now
        // overlaps those cache misses with this token's scoring.
        if i + 1 < words.len() {
            let ahead = word_features(words, i + 1);
            model.prefetch(&ahead);
            next = Some(ahead);
        }
        let prev = history(i.checked_sub(1).map(|j| classes[j]));
        let prev2 = history(i.checked_sub(2).map(|j| classes[j]));
        set_history(&mut f, words, i, prev, prev2);
        model.scores(&f, &mut scores);
        classes.push(argmax(&scores) as u16);
    }
    classes
}

/// Trains for `epochs` passes over `sentences`, shuffled with `seed` each pass.
pub fn train(
    sentences: &[TaggedSentence],
    n_classes: usize,
    epochs: usize,
    seed: u64,
    min_weight: f32,
) -> Model {
    let mut trainer = Trainer::new(n_classes);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = SplitMix64::new(seed);
    let mut feats = Vec::with_capacity(32);
    let mut words = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let sentence = &sentences[s];
            words.clear();
            words.extend(sentence.iter().map(|(w, _)| *w));
            let mut guesses: Vec<u16> = Vec::with_capacity(sentence.len());
            for (i, &(_, truth)) in sentence.iter().enumerate() {
                let prev = history(i.checked_sub(1).map(|j| guesses[j]));
                let prev2 = history(i.checked_sub(2).map(|j| guesses[j]));
                features(&words, i, prev, prev2, &mut feats);
                let guess = trainer.predict(&feats);
                trainer.update(&feats, truth as usize, guess);
                guesses.push(guess as u16);
            }
        }
    }
    trainer.finish(min_weight)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::words::{hashes, TokenInput};
    use crate::text::tokens::tokenize;

    /// `tag` splits each token's features into those known ahead and those that read the
    /// tags given so far; it must tag exactly as the features training saw would.
    #[test]
    fn tagging_reads_the_same_features_as_training() {
        let language = crate::lang::Language::english();
        let model = &language
            .syntax()
            .expect("English has a model")
            .models
            .tagger;
        let text = "Kyiv said on Tuesday that Russian forces had shelled 12 villages overnight, \
                    while Moscow denied it: “We don’t target civilians,” its envoy told reporters.";
        let words: Vec<WordHashes> = tokenize(text, language)
            .iter()
            .map(|t| {
                hashes(TokenInput {
                    form: &text[t.start as usize..t.end as usize],
                    kind: t.kind,
                })
            })
            .collect();
        let (mut expected, mut feats, mut scores) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..words.len() {
            let prev = history(i.checked_sub(1).map(|j| expected[j]));
            let prev2 = history(i.checked_sub(2).map(|j| expected[j]));
            features(&words, i, prev, prev2, &mut feats);
            assert_eq!(feats.len(), N_FEATURES);
            model.scores(&feats, &mut scores);
            expected.push(argmax(&scores) as u16);
        }
        assert!(words.len() > 25);
        assert_eq!(tag(model, &words), expected);
        assert!(tag(model, &[]).is_empty());
    }
}
