//! The dependency parser: arc-hybrid transitions, greedy, scored by an averaged perceptron,
//! trained with a dynamic oracle (Goldberg & Nivre 2013).
//!
//! A state is a stack and a buffer position. SHIFT pushes the buffer front; LEFT-l pops the
//! stack top and makes it an `l` dependent of the buffer front; RIGHT-l pops the stack top
//! and makes it an `l` dependent of the item below it. There is no artificial root: once the
//! buffer is empty only RIGHT is allowed, until one item is left, and that item is the root.
//! So every parse is a tree (one root, no cycles, every head in the sentence) in exactly
//! 2n - 1 transitions, whatever the scores say.

use super::hashing::{feature, feature2, feature3, SplitMix64};
use super::perceptron::{Model, Trainer};
use super::silver::SilverEpochs;
use super::words::{WordHashes, PAD};

pub(super) const NONE: u32 = u32::MAX;

/// One token as the parser reads it: its hashes and its predicted tag class.
#[derive(Debug, Clone, Copy)]
pub struct ParserToken {
    /// The token's hashes.
    pub word: WordHashes,
    /// Its predicted tag class.
    pub tag: u16,
}

/// A parse: per token its head (`None` for the root) and label index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    /// Per token: index of its head in the sentence, `None` for the root.
    pub heads: Vec<Option<usize>>,
    /// Per token: index of its label (meaningless for the root).
    pub labels: Vec<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Move {
    Shift,
    Left,
    Right,
}

/// Transition classes: SHIFT, then LEFT-l for every label, then RIGHT-l; and which feature
/// templates score them.
#[derive(Debug, Clone, Copy)]
pub struct Transitions {
    /// How many dependency labels.
    pub n_labels: usize,
    /// Which templates beyond the original ones are read ([`LABEL_CONTEXT`], [`SPANS`]; see
    /// [`features`]): a model is trained with one set and must be decoded with it, so the
    /// model file records it.
    pub templates: u8,
}

/// Extra templates: what decides an arc's label beside its head ([`label_context_features`]).
pub const LABEL_CONTEXT: u8 = 1;
/// Extra templates: the spans an arc would cross ([`span_features`]).
pub const SPANS: u8 = 2;
/// Every extra template set there is.
pub const ALL_TEMPLATES: u8 = LABEL_CONTEXT | SPANS;

impl Transitions {
    /// `n_labels` labels, scored with the original templates.
    pub fn new(n_labels: usize) -> Transitions {
        Transitions {
            n_labels,
            templates: 0,
        }
    }

    /// How many transition classes.
    pub fn n_classes(self) -> usize {
        1 + 2 * self.n_labels
    }

    pub(super) fn decode(self, class: usize) -> (Move, u16) {
        if class == 0 {
            (Move::Shift, 0)
        } else if class <= self.n_labels {
            (Move::Left, (class - 1) as u16)
        } else {
            (Move::Right, (class - 1 - self.n_labels) as u16)
        }
    }

    pub(super) fn encode(self, mv: Move, label: u16) -> usize {
        match mv {
            Move::Shift => 0,
            Move::Left => 1 + label as usize,
            Move::Right => 1 + self.n_labels + label as usize,
        }
    }
}

#[derive(Clone)]
pub(super) struct State {
    pub(super) stack: Vec<u32>,
    pub(super) next: usize,
    pub(super) heads: Vec<u32>,
    pub(super) labels: Vec<u16>,
    /// The two leftmost (resp. rightmost) dependents so far, outermost first.
    pub(super) lefts: Vec<[u32; 2]>,
    pub(super) rights: Vec<[u32; 2]>,
    pub(super) n_lefts: Vec<u16>,
    pub(super) n_rights: Vec<u16>,
    /// Which labels the left (resp. right) dependents carry, as hashed sets.
    pub(super) left_labels: Vec<u64>,
    pub(super) right_labels: Vec<u64>,
}

impl State {
    pub(super) fn new(n: usize) -> State {
        State {
            stack: Vec::with_capacity(n.min(256)),
            next: 0,
            heads: vec![NONE; n],
            labels: vec![0; n],
            lefts: vec![[NONE; 2]; n],
            rights: vec![[NONE; 2]; n],
            n_lefts: vec![0; n],
            n_rights: vec![0; n],
            left_labels: vec![0; n],
            right_labels: vec![0; n],
        }
    }

    fn n(&self) -> usize {
        self.heads.len()
    }

    pub(super) fn is_final(&self) -> bool {
        self.next >= self.n() && self.stack.len() <= 1
    }

    pub(super) fn can(&self, mv: Move) -> bool {
        let buffer = self.next < self.n();
        match mv {
            Move::Shift => buffer,
            Move::Left => buffer && !self.stack.is_empty(),
            Move::Right => self.stack.len() >= 2,
        }
    }

    pub(super) fn apply(&mut self, mv: Move, label: u16) {
        match mv {
            Move::Shift => {
                self.stack.push(self.next as u32);
                self.next += 1;
            }
            Move::Left => {
                let dep = self.stack.pop().expect("LEFT needs a stack");
                let head = self.next;
                self.attach(head, dep as usize, label);
                let l = &mut self.lefts[head];
                *l = [dep, l[0]];
                self.n_lefts[head] += 1;
                self.left_labels[head] |= label_bit(label);
            }
            Move::Right => {
                let dep = self.stack.pop().expect("RIGHT needs two on the stack");
                let head = *self.stack.last().expect("RIGHT needs two on the stack") as usize;
                self.attach(head, dep as usize, label);
                let r = &mut self.rights[head];
                *r = [dep, r[0]];
                self.n_rights[head] += 1;
                self.right_labels[head] |= label_bit(label);
            }
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u16) {
        self.heads[dep] = head as u32;
        self.labels[dep] = label;
    }

    pub(super) fn stack_at(&self, depth: usize) -> u32 {
        self.stack
            .len()
            .checked_sub(depth + 1)
            .map_or(NONE, |i| self.stack[i])
    }

    fn buffer_at(&self, offset: usize) -> u32 {
        let i = self.next + offset;
        if i < self.n() {
            i as u32
        } else {
            NONE
        }
    }

    pub(super) fn into_tree(self) -> Tree {
        Tree {
            heads: self
                .heads
                .iter()
                .map(|&h| (h != NONE).then_some(h as usize))
                .collect(),
            labels: self.labels,
        }
    }
}

pub(super) fn label_bit(label: u16) -> u64 {
    1u64 << (label % 64)
}

/// What the features read about one position: word, tag, label (hashes; padded outside).
#[derive(Clone, Copy)]
struct Slot {
    w: u64,
    t: u64,
    l: u64,
}

const PAD_SLOT: Slot = Slot {
    w: PAD.norm,
    t: 0xF00D,
    l: 0xFEED,
};

fn slot(tokens: &[ParserToken], state: &State, i: u32) -> Slot {
    if i == NONE {
        return PAD_SLOT;
    }
    let i = i as usize;
    Slot {
        w: tokens[i].word.norm,
        t: tokens[i].tag as u64 + 1,
        l: if state.heads[i] == NONE {
            0xBEEF
        } else {
            state.labels[i] as u64 + 1
        },
    }
}

pub(super) fn features(tokens: &[ParserToken], state: &State, templates: u8, out: &mut Vec<u64>) {
    let s0i = state.stack_at(0);
    let b0i = state.buffer_at(0);
    let s = |i| slot(tokens, state, i);
    let (s0, s1, s2) = (s(s0i), s(state.stack_at(1)), s(state.stack_at(2)));
    let (b0, b1, b2) = (s(b0i), s(state.buffer_at(1)), s(state.buffer_at(2)));
    let child = |i: u32, of: fn(&State, usize) -> u32| {
        if i == NONE {
            NONE
        } else {
            of(state, i as usize)
        }
    };
    let s0l = s(child(s0i, |st, i| st.lefts[i][0]));
    let s0l2 = s(child(s0i, |st, i| st.lefts[i][1]));
    let s0r = s(child(s0i, |st, i| st.rights[i][0]));
    let s0r2 = s(child(s0i, |st, i| st.rights[i][1]));
    let s1i = state.stack_at(1);
    let s1r = s(child(s1i, |st, i| st.rights[i][0]));
    let s1l = s(child(s1i, |st, i| st.lefts[i][0]));
    let b0l = s(child(b0i, |st, i| st.lefts[i][0]));
    let b0l2 = s(child(b0i, |st, i| st.lefts[i][1]));
    let distance = if s0i == NONE || b0i == NONE {
        0
    } else {
        ((b0i - s0i) as u64).min(6)
    };
    let valency = |i: u32, lefts: bool| -> u64 {
        if i == NONE {
            99
        } else if lefts {
            state.n_lefts[i as usize].min(4) as u64
        } else {
            state.n_rights[i as usize].min(4) as u64
        }
    };
    let (s0vl, s0vr, b0vl) = (valency(s0i, true), valency(s0i, false), valency(b0i, true));
    let labels_of = |i: u32, sets: &Vec<u64>| if i == NONE { 1 << 63 } else { sets[i as usize] };
    let (s0ll, s0rl, b0ll) = (
        labels_of(s0i, &state.left_labels),
        labels_of(s0i, &state.right_labels),
        labels_of(b0i, &state.left_labels),
    );
    out.clear();
    // Zhang & Nivre's (2011) templates where they apply to arc-hybrid (stack items have no
    // head yet). Each lexical template costs a lookup in a table larger than the caches:
    // those whose information another template already carries were dropped when retraining
    // without them cost no accuracy on dev (see the commit that dropped them).
    out.extend_from_slice(&[
        feature(0, 0),
        // single positions
        feature(2, s0.t),
        feature2(3, s0.w, s0.t),
        feature(5, s1.t),
        feature2(6, s1.w, s1.t),
        feature(8, b0.t),
        feature2(9, b0.w, b0.t),
        feature(10, b1.w),
        feature(11, b1.t),
        feature2(12, b1.w, b1.t),
        feature(13, b2.t),
        feature(14, s2.t),
        feature(17, b2.w),
        // pairs
        feature2(23, s0.t, b0.t),
        feature2(25, s0.t, s1.t),
        feature2(26, b0.t, b1.t),
        feature3(27, s0.w, s0.t, s1.t),
        feature3(28, s1.w, s1.t, s0.t),
        feature2(29, s0.w, b0.t),
        feature2(30, s0.t, b0.w),
        // triples of tags
        feature3(40, s0.t, b0.t, b1.t),
        feature3(41, s1.t, s0.t, b0.t),
        feature3(42, s2.t, s1.t, s0.t),
        feature3(43, b0.t, b1.t, b2.t),
        feature3(44, s0.t, s0l.t, b0.t),
        feature3(45, s0.t, s0r.t, b0.t),
        feature3(46, s0.t, b0.t, b0l.t),
        feature3(47, s1.t, s1r.t, s0.t),
        feature3(48, s1.t, s1l.t, s0.t),
        feature3(49, s0.t, s0l.t, s0l2.t),
        feature3(50, s0.t, s0r.t, s0r2.t),
        feature3(51, b0.t, b0l.t, b0l2.t),
        feature3(52, s1.t, s0.t, b1.t),
        // children: words, tags and labels
        feature(60, s0l.w),
        feature(61, s0r.w),
        feature(62, b0l.w),
        feature2(63, s0.t, s0l.l),
        feature2(64, s0.t, s0r.l),
        feature2(65, b0.t, b0l.l),
        feature2(67, s0.w, s0l.l),
        feature3(68, s0.t, s0l.l, s0l2.l),
        feature3(69, s0.t, s0r.l, s0r2.l),
        feature2(70, s1.t, s1r.l),
        feature(71, s0l.t),
        feature(72, s0r.t),
        feature(73, b0l.t),
        feature(74, s0l.l),
        feature(75, s0r.l),
        feature(76, b0l.l),
        // distance and valency
        feature2(80, s0.w, distance),
        feature2(81, s0.t, distance),
        feature2(82, b0.w, distance),
        feature3(83, s0.t, b0.t, distance),
        feature2(84, s0.w, s0vl),
        feature2(85, s0.t, s0vl),
        feature2(86, s0.w, s0vr),
        feature2(87, s0.t, s0vr),
        feature2(89, b0.t, b0vl),
        // label sets, and a word pair
        feature2(90, s0.t, s0ll),
        feature2(91, s0.t, s0rl),
        feature2(92, b0.t, b0ll),
        feature3(95, s0.w, s0.t, b0.w),
    ]);
    if templates & LABEL_CONTEXT != 0 {
        label_context_features(tokens, state, s0l, s0, s1, b0, out);
    }
    if templates & SPANS != 0 {
        span_features(tokens, state, s0, s1, b0, out);
    }
}

/// How many punctuation tokens lie strictly between `from` and `to` (capped at 3), looking
/// at no more than `SPAN_LOOK` tokens from each end: constant time a step, so parsing stays
/// linear however long the sentence.
fn punct_between(tokens: &[ParserToken], from: u32, to: u32) -> u64 {
    const SPAN_LOOK: usize = 8;
    if from == NONE || to == NONE || to <= from + 1 {
        return 0;
    }
    let (from, to) = (from as usize + 1, to as usize);
    let punct = super::words::punct_kind();
    let is_punct = |i: &usize| tokens[*i].word.kind == punct;
    let count = if to - from <= 2 * SPAN_LOOK {
        (from..to).filter(is_punct).count()
    } else {
        (from..from + SPAN_LOOK)
            .chain(to - SPAN_LOOK..to)
            .filter(is_punct)
            .count()
    };
    count.min(3) as u64
}

/// What the RIGHT arc (s0 under s1) and the LEFT arc (s0 under b0) would span: the
/// distance from s1 to s0 (the original templates only measure s0 to b0), and the commas,
/// dashes and brackets in between, which conj, parataxis, appos and a wrong attachment
/// across a clause boundary all hinge on.
fn span_features(
    tokens: &[ParserToken],
    state: &State,
    s0: Slot,
    s1: Slot,
    b0: Slot,
    out: &mut Vec<u64>,
) {
    let (s0i, s1i, b0i) = (state.stack_at(0), state.stack_at(1), state.buffer_at(0));
    let s1_to_s0 = if s0i == NONE || s1i == NONE {
        0
    } else {
        ((s0i - s1i) as u64).min(6)
    };
    let (p_s1s0, p_s0b0) = (
        punct_between(tokens, s1i, s0i),
        punct_between(tokens, s0i, b0i),
    );
    out.extend_from_slice(&[
        feature3(110, s1.t, s0.t, s1_to_s0),
        feature3(111, s1.t, s0.t, p_s1s0),
        feature3(112, s0.t, b0.t, p_s0b0),
        feature3(113, s0.w, p_s0b0, p_s1s0),
    ]);
}

/// What decides an arc's label beside its head, for both candidate heads (s1 for RIGHT,
/// b0 for LEFT): the word that opens the dependent (its outermost left child: the
/// preposition of `in May` says obl under a verb, nmod under a noun); the labels the
/// dependent already holds on its left (a subject or a marker of its own: ccomp or advcl,
/// not xcomp); the labels the RIGHT head holds on its left (a passive auxiliary there
/// changes what its right dependents are); and the dependent's last three letters beside
/// its tag and b0's (amod or compound before a noun, where the tagger is least sure).
fn label_context_features(
    tokens: &[ParserToken],
    state: &State,
    s0l: Slot,
    s0: Slot,
    s1: Slot,
    b0: Slot,
    out: &mut Vec<u64>,
) {
    let left_labels = |i: u32| {
        if i == NONE {
            1 << 63
        } else {
            state.left_labels[i as usize]
        }
    };
    let s0i = state.stack_at(0);
    let (s0ll, s1ll) = (left_labels(s0i), left_labels(state.stack_at(1)));
    let s0_suffix = if s0i == NONE {
        PAD.suffix3
    } else {
        tokens[s0i as usize].word.suffix3
    };
    out.extend_from_slice(&[
        feature3(100, s0l.w, s0.t, s1.t),
        feature3(101, s0l.w, s0.t, b0.t),
        feature3(102, s1.t, s0.t, s1ll),
        feature3(103, s0.t, s0ll, s1.t),
        feature3(104, s0.t, s0ll, b0.t),
        feature3(105, s0_suffix, s0.t, b0.t),
    ]);
}

/// The best-scoring valid class.
fn best_valid(scores: &[f32], state: &State, t: Transitions) -> usize {
    let mut best = None;
    for (class, &score) in scores.iter().enumerate() {
        let (mv, _) = t.decode(class);
        if state.can(mv) && best.is_none_or(|(_, s)| score > s) {
            best = Some((class, score));
        }
    }
    best.expect("a non-final state allows a move").0
}

/// Parses one sentence greedily: linear in its length.
pub fn parse(model: &Model, transitions: Transitions, tokens: &[ParserToken]) -> Tree {
    parse_with(model, transitions, tokens, None)
}

/// Parses one sentence greedily, and sets `label_scores` to the scores of every label of
/// the move that attached each token (`n_labels` a token; zeros for the root): what a
/// second-pass labeller weighs against its own.
pub fn parse_scored(
    model: &Model,
    transitions: Transitions,
    tokens: &[ParserToken],
    label_scores: &mut Vec<f32>,
) -> Tree {
    label_scores.clear();
    label_scores.resize(tokens.len() * transitions.n_labels, 0.0);
    parse_with(model, transitions, tokens, Some(label_scores))
}

fn parse_with(
    model: &Model,
    transitions: Transitions,
    tokens: &[ParserToken],
    mut label_scores: Option<&mut Vec<f32>>,
) -> Tree {
    let n_labels = transitions.n_labels;
    let mut state = State::new(tokens.len());
    let mut feats = Vec::with_capacity(64);
    let mut scores = Vec::with_capacity(model.n_classes());
    while !state.is_final() {
        if state.stack.is_empty() {
            // Only SHIFT is possible: scoring it would change nothing. (Training still
            // scores it: the averaging counts it, and the shipped model was trained so.)
            state.apply(Move::Shift, 0);
            continue;
        }
        features(tokens, &state, transitions.templates, &mut feats);
        model.scores(&feats, &mut scores);
        let (mv, label) = transitions.decode(best_valid(&scores, &state, transitions));
        if let Some(out) = label_scores.as_deref_mut().filter(|_| mv != Move::Shift) {
            let dep = state.stack_at(0) as usize;
            let first = transitions.encode(mv, 0);
            out[dep * n_labels..(dep + 1) * n_labels]
                .copy_from_slice(&scores[first..first + n_labels]);
        }
        state.apply(mv, label);
    }
    state.into_tree()
}

/// A sentence prepared for training: tokens with predicted (or gold) tags and the gold tree.
#[derive(Debug, Clone)]
pub struct ParserExample {
    /// The tokens with their tags.
    pub tokens: Vec<ParserToken>,
    /// The gold tree.
    pub gold: Tree,
}

/// How many gold arcs `mv` makes unreachable (arc-hybrid, arc-decomposable for projective
/// trees; on a non-projective tree the least-cost moves still lead to a good tree).
fn cost(state: &State, gold: &[Option<usize>], mv: Move) -> usize {
    let s0 = state.stack_at(0);
    let s1 = state.stack_at(1);
    let in_buffer_after = |h: usize, from: usize| h >= from;
    match mv {
        Move::Shift => {
            let b0 = state.next;
            let mut c = state
                .stack
                .iter()
                .filter(|&&s| gold[s as usize] == Some(b0))
                .count();
            if let Some(h) = gold[b0] {
                let below_top = &state.stack[..state.stack.len().saturating_sub(1)];
                c += below_top.contains(&(h as u32)) as usize;
            }
            c
        }
        Move::Left | Move::Right => {
            let s0 = s0 as usize;
            let children = (state.next..state.n())
                .filter(|&d| gold[d] == Some(s0))
                .count();
            let b0 = state.next;
            let head_lost = match (mv, gold[s0]) {
                (_, None) => true, // the root must stay on the stack to the end
                (Move::Left, Some(h)) => h != b0 && (h as u32 == s1 || in_buffer_after(h, b0 + 1)),
                (_, Some(h)) => h as u32 != s1 && in_buffer_after(h, b0),
            };
            children + head_lost as usize
        }
    }
}

/// Trains the parser: dynamic oracle, exploring the model's own moves after the first epoch
/// (with probability `explore`), shuffled with `seed`.
pub fn train(
    examples: &[ParserExample],
    transitions: Transitions,
    epochs: usize,
    seed: u64,
    explore: f64,
    min_weight: f32,
    on_epoch: &mut dyn FnMut(usize),
) -> Model {
    let no_silver = Silver {
        examples: &[],
        per_epoch: 0,
    };
    train_with_silver(
        examples,
        no_silver,
        transitions,
        epochs,
        seed,
        explore,
        min_weight,
        on_epoch,
    )
}

/// Silver trees beside the gold ones (see [`super::silver`]): `per_epoch` of them join
/// each epoch.
#[derive(Debug, Clone, Copy)]
pub struct Silver<'a> {
    /// The silver sentences.
    pub examples: &'a [ParserExample],
    /// How many of them each epoch adds (all of them when larger).
    pub per_epoch: usize,
}

/// [`train`] on the gold `examples` plus, each epoch, the next `silver.per_epoch` silver
/// ones, shuffled in among them. Without silver it trains exactly as [`train`] did alone.
#[allow(clippy::too_many_arguments)]
pub fn train_with_silver(
    examples: &[ParserExample],
    silver: Silver,
    transitions: Transitions,
    epochs: usize,
    seed: u64,
    explore: f64,
    min_weight: f32,
    on_epoch: &mut dyn FnMut(usize),
) -> Model {
    let mut trainer = Trainer::new(transitions.n_classes());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix64::new(seed);
    let mut silver_epochs = SilverEpochs::new(silver.examples.len(), silver.per_epoch, seed);
    let mut feats = Vec::with_capacity(64);
    let mut scores = Vec::new();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let picked = silver_epochs.next_epoch();
        // Gold indices first, then silver ones past them; the gold-only order is untouched.
        let mixed: Vec<usize> = if picked.is_empty() {
            Vec::new()
        } else {
            let mut mixed: Vec<usize> = order
                .iter()
                .copied()
                .chain(picked.iter().map(|&s| examples.len() + s))
                .collect();
            rng.shuffle(&mut mixed);
            mixed
        };
        let this_epoch = if picked.is_empty() { &order } else { &mixed };
        for &e in this_epoch {
            let ex = match e.checked_sub(examples.len()) {
                Some(s) => &silver.examples[s],
                None => &examples[e],
            };
            let mut state = State::new(ex.tokens.len());
            while !state.is_final() {
                features(&ex.tokens, &state, transitions.templates, &mut feats);
                trainer.scores(&feats, &mut scores);
                let guess = best_valid(&scores, &state, transitions);
                // The cheapest moves, each with the gold label of the item it would attach.
                let moves = [Move::Shift, Move::Left, Move::Right];
                let costs: Vec<Option<usize>> = moves
                    .iter()
                    .map(|&mv| state.can(mv).then(|| cost(&state, &ex.gold.heads, mv)))
                    .collect();
                let least = costs
                    .iter()
                    .flatten()
                    .min()
                    .copied()
                    .expect("some move is valid");
                let s0_label = if state.stack_at(0) != NONE {
                    ex.gold.labels[state.stack_at(0) as usize]
                } else {
                    0
                };
                let best_gold = moves
                    .iter()
                    .zip(&costs)
                    .filter(|(_, c)| **c == Some(least))
                    .map(|(&mv, _)| transitions.encode(mv, s0_label))
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                    .expect("a least-cost move exists");
                let (guess_move, guess_label) = transitions.decode(guess);
                let guess_ok = costs[moves.iter().position(|&m| m == guess_move).unwrap()]
                    == Some(least)
                    && (guess_move == Move::Shift || guess_label == s0_label);
                trainer.update(&feats, best_gold, if guess_ok { best_gold } else { guess });
                let follow_guess = epoch > 0 && (rng.next_u64() as f64 / u64::MAX as f64) < explore;
                let (mv, label) = transitions.decode(if guess_ok || follow_guess {
                    guess
                } else {
                    best_gold
                });
                state.apply(mv, label);
            }
        }
        on_epoch(epoch + 1);
    }
    trainer.finish(min_weight)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::words::{hashes, TokenInput};
    use crate::text::tokens::TokenKind;

    fn tokens(words: &[&str]) -> Vec<ParserToken> {
        words
            .iter()
            .map(|w| ParserToken {
                word: hashes(TokenInput {
                    form: w,
                    kind: TokenKind::Word,
                }),
                tag: 0,
            })
            .collect()
    }

    fn is_tree(tree: &Tree) -> bool {
        let n = tree.heads.len();
        let roots = tree.heads.iter().filter(|h| h.is_none()).count();
        let acyclic = (0..n).all(|mut i| {
            for _ in 0..=n {
                match tree.heads[i] {
                    None => return true,
                    Some(h) => i = h,
                }
            }
            false
        });
        (n == 0 || roots == 1) && acyclic && tree.heads.iter().flatten().all(|&h| h < n)
    }

    #[test]
    fn skipping_forced_shifts_parses_as_scoring_every_state_would() {
        // Decoding does not score a state whose only move is SHIFT; with the shipped model,
        // the trees must be those of the plain loop that scores every state.
        let syntax = crate::lang::Language::english()
            .syntax()
            .expect("English has a model");
        let t = syntax.transitions();
        let model = &syntax.models.parser;
        let words = "The Russian army said on Friday that it had withdrawn from Kherson , \
                     and Ukraine 's president called it a historic day ."
            .split(' ')
            .collect::<Vec<_>>();
        let mut toks = tokens(&words);
        let hashes: Vec<_> = toks.iter().map(|t| t.word).collect();
        let tags = crate::syntax::tagger::tag(&syntax.models.tagger, &hashes);
        for (tok, tag) in toks.iter_mut().zip(tags) {
            tok.tag = tag;
        }
        let mut state = State::new(toks.len());
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        while !state.is_final() {
            features(&toks, &state, t.templates, &mut feats);
            model.scores(&feats, &mut scores);
            let (mv, label) = t.decode(best_valid(&scores, &state, t));
            state.apply(mv, label);
        }
        assert_eq!(parse(model, t, &toks), state.into_tree());
        let mut label_scores = Vec::new();
        let scored = parse_scored(model, t, &toks, &mut label_scores);
        assert_eq!(scored, parse(model, t, &toks));
        assert_eq!(label_scores.len(), toks.len() * t.n_labels);
    }

    #[test]
    fn the_label_context_templates_come_after_the_original_ones_and_only_when_asked() {
        // A model trained without them must see exactly the features it was trained on.
        let toks = tokens(&["They", "met", "in", "May", "in", "the", "capital", "."]);
        let (t, mut state) = (Transitions::new(4), State::new(toks.len()));
        let (mut plain, mut extended) = (Vec::new(), Vec::new());
        let mut steps = 0;
        while !state.is_final() {
            features(&toks, &state, 0, &mut plain);
            features(&toks, &state, LABEL_CONTEXT, &mut extended);
            assert_eq!(plain.len(), 62);
            assert_eq!(&extended[..plain.len()], &plain[..]);
            assert_eq!(extended.len(), plain.len() + 6);
            steps += 1;
            // Any valid walk will do: two SHIFTs, then an arc.
            let mv = if state.can(Move::Shift) && steps % 3 != 0 {
                Move::Shift
            } else if state.can(Move::Left) {
                Move::Left
            } else {
                Move::Right
            };
            state.apply(mv, (steps % t.n_labels) as u16);
        }
        assert!(steps > 8);
    }

    #[test]
    fn punctuation_between_counts_commas_and_looks_only_near_the_ends() {
        let tokens = |words: &[&str]| -> Vec<ParserToken> {
            let kind = |w: &str| match w {
                "," | "-" | "(" | ")" => TokenKind::Punct,
                _ => TokenKind::Word,
            };
            words
                .iter()
                .map(|&form| ParserToken {
                    word: hashes(TokenInput {
                        form,
                        kind: kind(form),
                    }),
                    tag: 0,
                })
                .collect()
        };
        let toks = tokens(&["a", ",", "b", "-", "c", "(", "d", ")", "e"]);
        assert_eq!(punct_between(&toks, 0, 2), 1);
        assert_eq!(punct_between(&toks, 0, 8), 3, "capped at 3 of 4");
        assert_eq!(punct_between(&toks, 2, 4), 1);
        assert_eq!(
            punct_between(&toks, 2, 3),
            0,
            "neighbours have nothing between"
        );
        assert_eq!(punct_between(&toks, NONE, 3), 0);
        // Past 16 tokens only the 8 nearest each end are read: a comma in the middle of a
        // 20,000-token run costs nothing and counts for nothing.
        let mut long = vec!["w"; 40];
        long[20] = ",";
        long[3] = ",";
        let toks = tokens(&long);
        assert_eq!(punct_between(&toks, 0, 39), 1, "the comma 3 in is read");
        assert_eq!(
            punct_between(&toks, 10, 30),
            0,
            "the comma 10 from each end is not"
        );
        assert_eq!(
            punct_between(&toks, 12, 24),
            1,
            "a short span is read whole"
        );
    }

    #[test]
    fn an_empty_model_still_gives_trees() {
        let t = Transitions::new(3);
        let model = Trainer::new(t.n_classes()).finish(0.0);
        for n in [0, 1, 2, 7, 300] {
            let words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let tree = parse(&model, t, &tokens(&refs));
            assert_eq!(tree.heads.len(), n);
            assert!(is_tree(&tree), "{tree:?}");
        }
    }

    #[test]
    fn the_oracle_reproduces_projective_trees_and_training_learns_them() {
        // "the dog barked loudly": the <- dog <- barked -> loudly
        let gold = Tree {
            heads: vec![Some(1), Some(2), None, Some(2)],
            labels: vec![0, 1, 0, 2],
        };
        let ex = ParserExample {
            tokens: tokens(&["the", "dog", "barked", "loudly"]),
            gold: gold.clone(),
        };
        let t = Transitions::new(3);
        let model = train(std::slice::from_ref(&ex), t, 10, 1, 0.9, 0.0, &mut |_| {});
        assert_eq!(parse(&model, t, &ex.tokens), gold);
    }
}
