//! Greedy left-to-right decoding: each token's tag is chosen with the two tags before it and
//! the document's earlier tagging of the same word among its features, only among the tags
//! that may follow the previous one (BILOU), so every name comes out whole. Outside a name,
//! a token that cannot begin one is tagged Outside unscored. Training walks the documents
//! with the same `Decoder`, so the model learns from the tags it will really see.

use super::features::{dynamic, StaticFeatures, Tokens};
use super::tags::{Tag, N_TAGS};

/// The state of one left-to-right pass over one document.
pub struct Decoder {
    prev: Tag,
    prev2: Tag,
    /// By the document's word number: what the word was last tagged as (0 outside a name,
    /// else kind + 1), or none yet.
    history: Vec<Option<u8>>,
    features: Vec<u64>,
}

impl Decoder {
    pub fn new(tokens: &Tokens) -> Decoder {
        Decoder {
            prev: Tag::OUTSIDE,
            prev2: Tag::OUTSIDE,
            history: vec![None; tokens.distinct_words],
            features: Vec::with_capacity(64),
        }
    }

    /// Token `i` is Outside, whatever the model would say: no name is open and none may
    /// begin here.
    pub fn forced_outside(&self, tokens: &Tokens, i: usize) -> bool {
        !self.prev.opens() && !tokens.may_begin[i]
    }

    /// Gathers the features of token `i`, the tokens before it being decided.
    pub fn prepare(&mut self, s: &impl StaticFeatures, i: usize) {
        self.features.clear();
        s.push(i, &mut self.features);
        let history = s.tokens().remembered[i]
            .and_then(|w| self.history[w as usize])
            .map(u64::from);
        dynamic(
            s.tokens(),
            i,
            self.prev,
            self.prev2,
            history,
            &mut self.features,
        );
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
        // Outside may follow any closed name, and Last or Unit closes any open one.
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
    pub fn advance(&mut self, tokens: &Tokens, i: usize, tag: Tag) {
        if let Some(w) = tokens.remembered[i] {
            self.history[w as usize] = Some(tag.kind().map_or(0, |k| k as u8 + 1));
        }
        self.prev2 = self.prev;
        self.prev = tag;
    }
}

/// Tags one document with `score` (a model's scoring function); returns each token's tag and
/// the margin it was chosen by.
pub fn decode(
    s: &impl StaticFeatures,
    score: impl Fn(&[u64], &mut Vec<f32>),
) -> (Vec<Tag>, Vec<f32>) {
    let tokens = s.tokens();
    let mut decoder = Decoder::new(tokens);
    let mut scores = Vec::with_capacity(N_TAGS);
    let (mut tags, mut margins) = (
        Vec::with_capacity(tokens.len()),
        Vec::with_capacity(tokens.len()),
    );
    for i in 0..tokens.len() {
        let (tag, margin) = if decoder.forced_outside(tokens, i) {
            (Tag::OUTSIDE, f32::MAX)
        } else {
            decoder.prepare(s, i);
            score(decoder.features(), &mut scores);
            decoder.choose(&scores, i + 1 == tokens.len())
        };
        decoder.advance(tokens, i, tag);
        tags.push(tag);
        margins.push(margin);
    }
    (tags, margins)
}
