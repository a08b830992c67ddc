//! The part-of-speech tagger: one joint class per (UPOS, Penn tag) pair seen in training,
//! greedy left to right with the two previous tags as features.

use super::hashing::{feature, feature2, feature3, SplitMix64};
use super::perceptron::{argmax, Model, Trainer};
use super::words::{Case, WordHashes, PAD};

/// A sentence prepared for training: per token its hashes and gold class.
pub type TaggedSentence = Vec<(WordHashes, u16)>;

/// The tag history value before the sentence start.
const START: u64 = 0x57A7;

fn history(class: Option<u16>) -> u64 {
    class.map_or(START, |c| c as u64 + 1)
}

/// How many features a token has.
const N_FEATURES: usize = 34;

/// The positions of the features that read the tags already given: the rest are known
/// before tagging starts.
const HISTORY: [usize; 6] = [16, 17, 18, 19, 20, 27];

/// The features of token `i`, given the classes of the two tokens before it.
pub fn features(words: &[WordHashes], i: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
    let mut f = word_features(words, i, sentence_case(words));
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

/// How the sentence is written, past its first word: no cased words, mostly capitals (a
/// headline), mostly capitalised (a title), no capital at all, or ordinary; with how the
/// first word is written. A capital means little in a headline and much in a comment
/// typed in lower case.
fn sentence_case(words: &[WordHashes]) -> u64 {
    let (mut cased, mut capitalised, mut all_caps) = (0, 0, 0);
    for w in words.iter().skip(1) {
        cased += (w.case != Case::None as u8) as usize;
        capitalised += (w.case == Case::Capitalised as u8) as usize;
        all_caps += (w.case == Case::AllCaps as u8) as usize;
    }
    let class = if cased == 0 {
        0
    } else if all_caps * 2 > cased {
        1
    } else if (capitalised + all_caps) * 2 > cased {
        2
    } else if capitalised + all_caps == 0 {
        3
    } else {
        4
    };
    let first = words.first().map_or(Case::None as u8, |w| w.case);
    class * 4 + first as u64
}

/// The features of token `i` that do not read tags; the `HISTORY` positions are left 0.
/// `case` is the sentence's [`sentence_case`].
fn word_features(words: &[WordHashes], i: usize, case: u64) -> [u64; N_FEATURES] {
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
        // How the word is usually written in edited text, beside how it is written here,
        // in this sentence and at this position: a capital tells a name only where the
        // sentence's casing is ordinary and the word is usually written in lower case.
        feature(29, w.usual_case),
        feature3(30, w.usual_case, w.case as u64, case),
        feature3(31, w.usual_case, w.case as u64, (i == 0) as u64),
        feature2(32, before.usual_case, w.usual_case),
        feature2(33, w.usual_case, after.usual_case),
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
    let case = sentence_case(words);
    let mut next = words.first().map(|_| word_features(words, 0, case));
    for i in 0..words.len() {
        let mut f = next.take().expect("computed a token ahead");
        // The next token's word features are known already: fetching their slots now
        // overlaps those cache misses with this token's scoring.
        if i + 1 < words.len() {
            let ahead = word_features(words, i + 1, case);
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

    fn words_of(text: &str) -> Vec<WordHashes> {
        let language = crate::lang::Language::english();
        tokenize(text, language)
            .iter()
            .map(|t| {
                hashes(TokenInput {
                    form: &text[t.start as usize..t.end as usize],
                    kind: t.kind,
                })
            })
            .collect()
    }

    /// A headline, a title, a comment typed in lower case and an ordinary sentence are
    /// four casings; the first word's case is told apart too.
    #[test]
    fn sentence_casings() {
        let case = |text: &str| sentence_case(&words_of(text));
        let ordinary = case("Russian forces shelled Kherson on Tuesday.");
        let headline = case("RUSSIAN FORCES SHELL KHERSON");
        let title = case("Russian Forces Shell Kherson Again");
        let lower = case("russian forces shelled kherson again");
        let all = [ordinary, headline, title, lower];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_ne!(lower, case("Russian forces shelled kherson again"));
        assert_eq!(ordinary, case("The army shelled Kherson on Tuesday."));
        assert_eq!(case(""), case("2022"));
    }

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
