//! A second-pass labeller: once the parser has built the tree, each arc's label is chosen
//! again, reading the whole tree around it (the dependent's own children, its siblings, its
//! grandparent), which the parser cannot see when it makes the arc. Its scores are added to
//! the parser's own label scores for that arc (weighted by `parser_weight`), so it refines
//! the parser's choice rather than replacing it. One perceptron lookup set per token: linear.

use super::hashing::{feature, feature2, feature3, SplitMix64};
use super::parser::{ParserToken, Tree};
use super::perceptron::{argmax, Model, Trainer};
use super::words::PAD;
use serde::{Deserialize, Serialize};

/// The labeller's model and how much the parser's own label scores count beside it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Labeller {
    /// Features of an arc to labels (the parser's label indices).
    pub model: Model,
    /// The weight of the parser's label scores in the sum (0: the labeller alone).
    pub parser_weight: f32,
}

const NONE: u32 = u32::MAX;

/// What the features need about a tree: per token its head and its children, nearest
/// first on each side (capped: a few children say enough about a word).
pub struct Structure {
    heads: Vec<u32>,
    /// Per token: up to `MAX_CHILDREN` left children (nearest first), then right ones.
    lefts: Vec<[u32; MAX_CHILDREN]>,
    rights: Vec<[u32; MAX_CHILDREN]>,
    n_lefts: Vec<u8>,
    n_rights: Vec<u8>,
    /// Per token: which tag classes its children carry (bit `tag % 64`).
    child_tags: Vec<u64>,
    /// Per token: how many punctuation tokens come before it (prefix counts).
    punct_before: Vec<u32>,
}

const MAX_CHILDREN: usize = 4;

impl Structure {
    /// The structure of `heads` (None for the root) over `tokens`.
    pub fn new(tokens: &[ParserToken], heads: &[Option<usize>]) -> Structure {
        let n = heads.len();
        let mut s = Structure {
            heads: heads.iter().map(|h| h.map_or(NONE, |h| h as u32)).collect(),
            lefts: vec![[NONE; MAX_CHILDREN]; n],
            rights: vec![[NONE; MAX_CHILDREN]; n],
            n_lefts: vec![0; n],
            n_rights: vec![0; n],
            child_tags: vec![0; n],
            punct_before: Vec::with_capacity(n + 1),
        };
        // Left children nearest first: walk right to left; right children: left to right.
        for d in (0..n).rev() {
            if let Some(h) = heads[d] {
                if d < h {
                    let k = s.n_lefts[h] as usize;
                    if k < MAX_CHILDREN {
                        s.lefts[h][k] = d as u32;
                    }
                    s.n_lefts[h] = s.n_lefts[h].saturating_add(1);
                }
                s.child_tags[h] |= 1u64 << (tokens[d].tag % 64);
            }
        }
        for (d, head) in heads.iter().enumerate() {
            if let Some(h) = *head {
                if d > h {
                    let k = s.n_rights[h] as usize;
                    if k < MAX_CHILDREN {
                        s.rights[h][k] = d as u32;
                    }
                    s.n_rights[h] = s.n_rights[h].saturating_add(1);
                }
            }
        }
        let punct = super::words::punct_kind();
        let mut count = 0;
        for t in tokens {
            s.punct_before.push(count);
            count += (t.word.kind == punct) as u32;
        }
        s.punct_before.push(count);
        s
    }

    fn children(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let l = (self.n_lefts[i] as usize).min(MAX_CHILDREN);
        let r = (self.n_rights[i] as usize).min(MAX_CHILDREN);
        self.lefts[i][..l]
            .iter()
            .chain(&self.rights[i][..r])
            .copied()
    }
}

fn word(tokens: &[ParserToken], i: u32) -> u64 {
    if i == NONE {
        PAD.norm
    } else {
        tokens[i as usize].word.norm
    }
}

fn tag(tokens: &[ParserToken], i: u32) -> u64 {
    if i == NONE {
        0xF00D
    } else {
        tokens[i as usize].tag as u64 + 1
    }
}

/// The features of the arc into token `d` (which has a head).
pub fn features(tokens: &[ParserToken], s: &Structure, d: usize, out: &mut Vec<u64>) {
    out.clear();
    let h = s.heads[d];
    debug_assert!(h != NONE);
    let (di, hi) = (d as u32, h);
    let g = s.heads[h as usize];
    let (dw, dt, hw, ht) = (
        word(tokens, di),
        tag(tokens, di),
        word(tokens, hi),
        tag(tokens, hi),
    );
    let right = (d > h as usize) as u64;
    let distance = (d as i64 - h as i64).unsigned_abs().min(8);
    let (a, b) = if right == 1 {
        (h as usize, d)
    } else {
        (d, h as usize)
    };
    let puncts = (s.punct_before[b] - s.punct_before[a + 1]).min(3) as u64;
    let prev = d.checked_sub(1).map_or(NONE, |p| p as u32);
    let next = if d + 1 < tokens.len() {
        d as u32 + 1
    } else {
        NONE
    };
    let dt_dir = dt * 2 + right;
    let n_children = (s.n_lefts[d].min(3) as u64) * 4 + s.n_rights[d].min(3) as u64;
    out.extend_from_slice(&[
        feature(0, right),
        feature(1, dt_dir),
        feature2(2, dw, dt_dir),
        feature2(3, ht, right),
        feature3(4, hw, ht, right),
        feature2(5, dt_dir, ht),
        feature3(6, dw, dt_dir, ht),
        feature3(7, dt_dir, hw, ht),
        feature3(8, dw, hw, right),
        feature3(9, dt_dir, ht, distance),
        feature3(10, dt_dir, ht, tag(tokens, g)),
        feature3(11, dt_dir, ht, puncts),
        feature3(12, dt_dir, tag(tokens, prev), tag(tokens, next)),
        feature3(13, dt_dir, ht, s.child_tags[d]),
        feature3(14, dt_dir, ht, s.child_tags[h as usize]),
        feature3(15, dt_dir, ht, n_children),
        feature3(
            16,
            tokens[d].word.shape,
            tokens[h as usize].word.shape,
            right,
        ),
        feature3(17, tokens[d].word.suffix3, dt_dir, ht),
        feature3(18, dt_dir, ht, (g == NONE) as u64),
    ]);
    // The dependent's children (its case marker, determiner, copula, ...) and its siblings
    // (a passive auxiliary on the head, another subject already there), by word and tag.
    for c in s.children(d) {
        let side = (c < di) as u64;
        out.push(feature3(
            20,
            word(tokens, c),
            tag(tokens, c),
            dt_dir * 2 + side,
        ));
    }
    for c in s.children(h as usize) {
        if c != di {
            let side = (c < di) as u64;
            out.push(feature3(
                21,
                word(tokens, c),
                tag(tokens, c),
                dt_dir * 2 + side,
            ));
        }
    }
}

impl Labeller {
    /// Relabels every non-root token of `tree`; `parser_scores` holds, per token, the
    /// parser's score for each label of the move that attached it (`n_labels` a token).
    pub fn relabel(&self, tokens: &[ParserToken], tree: &mut Tree, parser_scores: &[f32]) {
        let n_labels = self.model.n_classes();
        let s = Structure::new(tokens, &tree.heads);
        let mut feats = Vec::with_capacity(48);
        let mut scores = Vec::with_capacity(n_labels);
        for d in 0..tokens.len() {
            if tree.heads[d].is_none() {
                continue;
            }
            features(tokens, &s, d, &mut feats);
            self.model.scores(&feats, &mut scores);
            let parser = &parser_scores[d * n_labels..(d + 1) * n_labels];
            for (score, &p) in scores.iter_mut().zip(parser) {
                *score += self.parser_weight * p;
            }
            tree.labels[d] = argmax(&scores) as u16;
        }
    }
}

/// Trains the labeller's model on gold trees (with the parser's training tags).
pub fn train(
    examples: &[(Vec<ParserToken>, Tree)],
    n_labels: usize,
    epochs: usize,
    seed: u64,
    min_weight: f32,
) -> Model {
    let mut trainer = Trainer::new(n_labels);
    let structures: Vec<Structure> = examples
        .iter()
        .map(|(tokens, gold)| Structure::new(tokens, &gold.heads))
        .collect();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix64::new(seed ^ 0x1abe1);
    let mut feats = Vec::with_capacity(48);
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let (tokens, gold) = &examples[e];
            for d in 0..tokens.len() {
                if gold.heads[d].is_none() {
                    continue;
                }
                features(tokens, &structures[e], d, &mut feats);
                let guess = trainer.predict(&feats);
                trainer.update(&feats, gold.labels[d] as usize, guess);
            }
        }
    }
    trainer.finish(min_weight)
}
