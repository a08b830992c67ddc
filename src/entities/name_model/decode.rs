//! Greedy left-to-right decoding: each token's tag is chosen with the two tags before it and
//! the document's earlier tagging of the same word among its features, only among the tags
//! that may follow the previous one (BILOU), so every name comes out whole. Training walks the
//! documents with the same `Decoder`, so the model learns from the tags it will really see.

use std::collections::HashMap;

use super::features::{dynamic, Static};
use super::tags::{Tag, N_TAGS};

/// The state of one left-to-right pass over one document.
pub struct Decoder {
    prev: Tag,
    prev2: Tag,
    /// Folded word hash → what it was last tagged as (0 outside a name, else kind + 1).
    history: HashMap<u64, u64>,
    features: Vec<u64>,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            prev: Tag::OUTSIDE,
            prev2: Tag::OUTSIDE,
            history: HashMap::new(),
            features: Vec::with_capacity(64),
        }
    }
}

impl Decoder {
    /// Gathers the features of token `i`, the tokens before it being decided.
    pub fn prepare(&mut self, s: &Static, i: usize) {
        self.features.clear();
        self.features.extend_from_slice(s.of(i));
        let history = s.remembered[i]
            .then(|| self.history.get(&s.word[i]).copied())
            .flatten();
        dynamic(s, i, self.prev, self.prev2, history, &mut self.features);
    }

    /// The features `prepare` gathered.
    pub fn features(&self) -> &[u64] {
        &self.features
    }

    /// The best tag that may follow the previous one (and, at the last token, closes any
    /// name), with its margin over the next best such tag: the model's confidence.
    pub fn choose(&self, scores: &[f32], last: bool) -> (Tag, f32) {
        let mut best: Option<(Tag, f32)> = None;
        let mut second = f32::NEG_INFINITY;
        for tag in Tag::all() {
            if !self.prev.may_precede(tag) || last && tag.opens() {
                continue;
            }
            let s = scores[tag.class()];
            match best {
                Some((_, b)) if s <= b => second = second.max(s),
                _ => {
                    if let Some((_, b)) = best {
                        second = second.max(b);
                    }
                    best = Some((tag, s));
                }
            }
        }
        // Outside always may follow a closed name, and a name is always closable.
        let (tag, score) = best.expect("some tag is always allowed");
        (
            tag,
            if second.is_finite() {
                score - second
            } else {
                f32::MAX
            },
        )
    }

    /// Moves past token `i`, tagged `tag`.
    pub fn advance(&mut self, s: &Static, i: usize, tag: Tag) {
        if s.remembered[i] {
            let code = tag.kind().map_or(0, |k| k as u64 + 1);
            self.history.insert(s.word[i], code);
        }
        self.prev2 = self.prev;
        self.prev = tag;
    }
}

/// Tags one document with `score` (a model's scoring function); returns each token's tag and
/// the margin it was chosen by.
pub fn decode(s: &Static, score: impl Fn(&[u64], &mut Vec<f32>)) -> (Vec<Tag>, Vec<f32>) {
    let mut decoder = Decoder::default();
    let mut scores = Vec::with_capacity(N_TAGS);
    let (mut tags, mut margins) = (Vec::with_capacity(s.len()), Vec::with_capacity(s.len()));
    for i in 0..s.len() {
        decoder.prepare(s, i);
        score(decoder.features(), &mut scores);
        let (tag, margin) = decoder.choose(&scores, i + 1 == s.len());
        decoder.advance(s, i, tag);
        tags.push(tag);
        margins.push(margin);
    }
    (tags, margins)
}
