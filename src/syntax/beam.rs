//! Beam search over the parser's transitions, and the global perceptron that trains for it
//! (Zhang & Nivre 2011; max-violation updates, Huang, Fayong & Guo 2012).
//!
//! A hypothesis is a sequence of transitions scored by the sum of its moves' scores; each
//! step extends every hypothesis of the beam by every valid move and keeps the `width`
//! best. With width 1 this is the greedy parser, to the tree. Hypotheses share their
//! history: the stack is a linked list of nodes in an arena (an item carries the dependents
//! it has so far), so a step costs the same whatever the sentence's length, and a search is
//! linear in it. The features are the greedy parser's own, read from a scratch [`State`]
//! into which each hypothesis writes the few tokens they look at.
//!
//! Decoding may also drop the hypotheses that score more than a margin below the best one
//! ([`Beam::margin`]): where the model is sure of its move the beam holds one hypothesis and
//! the step costs what a greedy step does; where it hesitates, up to `width` are kept.

use super::hashing::SplitMix64;
use super::parser::{
    features, label_bit, Move, ParserExample, ParserToken, State, Transitions, Tree, NONE,
};
use super::perceptron::{Model, Trainer};

/// The widest beam a model file may ask for.
pub const MAX_WIDTH: usize = 64;

/// How the parser's beam decodes: at most `width` hypotheses, none scoring more than
/// `margin` below the best one of its step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Beam {
    /// How many hypotheses at most (1: greedy).
    pub width: usize,
    /// How far below the best a hypothesis may score and stay (infinite: always `width`).
    pub margin: f32,
}

impl Beam {
    /// A beam that always keeps `width` hypotheses.
    pub fn full(width: usize) -> Beam {
        Beam {
            width,
            margin: f32::INFINITY,
        }
    }
}

/// What the search scores moves with: a model when decoding, the trainer's current
/// weights when training.
pub(super) trait Scorer {
    /// Every class's score for `features`.
    fn scores(&mut self, features: &[u64], scores: &mut Vec<f32>);
    /// Asks for the memory `features` will read, to be scored soon (a hint).
    fn prefetch(&self, _features: &[u64]) {}
}

impl<F: FnMut(&[u64], &mut Vec<f32>)> Scorer for F {
    fn scores(&mut self, features: &[u64], scores: &mut Vec<f32>) {
        self(features, scores)
    }
}

impl Scorer for &Model {
    fn scores(&mut self, features: &[u64], scores: &mut Vec<f32>) {
        Model::scores(self, features, scores)
    }

    fn prefetch(&self, features: &[u64]) {
        Model::prefetch(self, features)
    }
}

/// A token on the stack or at the front of the buffer with the dependents it has so far:
/// what the features read about it.
#[derive(Debug, Clone, Copy)]
struct Item {
    token: u32,
    /// The two outermost left (right) dependents, outermost first, and their labels.
    lefts: [u32; 2],
    left_labels: [u16; 2],
    rights: [u32; 2],
    right_labels: [u16; 2],
    n_lefts: u16,
    n_rights: u16,
    /// Which labels the left (right) dependents carry, as hashed sets.
    left_set: u64,
    right_set: u64,
}

impl Item {
    fn fresh(token: u32) -> Item {
        Item {
            token,
            lefts: [NONE; 2],
            left_labels: [0; 2],
            rights: [NONE; 2],
            right_labels: [0; 2],
            n_lefts: 0,
            n_rights: 0,
            left_set: 0,
            right_set: 0,
        }
    }

    fn add_left(&mut self, dep: u32, label: u16) {
        self.lefts = [dep, self.lefts[0]];
        self.left_labels = [label, self.left_labels[0]];
        self.n_lefts += 1;
        self.left_set |= label_bit(label);
    }

    fn add_right(&mut self, dep: u32, label: u16) {
        self.rights = [dep, self.rights[0]];
        self.right_labels = [label, self.right_labels[0]];
        self.n_rights += 1;
        self.right_set |= label_bit(label);
    }
}

/// A stack item and the node below it (`NONE` at the bottom).
struct Node {
    item: Item,
    below: u32,
}

/// One hypothesis: a stack (its top node), the buffer front and the moves that led here.
#[derive(Debug, Clone, Copy)]
struct Hypothesis {
    top: u32,
    depth: u32,
    /// The buffer front with its left dependents (meaningless once the buffer is empty).
    front: Item,
    next: u32,
    score: f64,
    /// The last move, in `Search::history` (`NONE` before the first).
    last: u32,
    /// Whether every move so far is the gold sequence's (training only).
    on_gold: bool,
}

/// A candidate for the next beam: total score, the hypothesis it extends, the move.
#[derive(Clone, Copy)]
struct Candidate {
    score: f64,
    from: u32,
    class: u32,
}

/// One move of a hypothesis's history.
#[derive(Clone, Copy)]
struct Record {
    class: u16,
    /// The move before it (`NONE` for the first).
    before: u32,
    /// Where this move's label scores start in `Search::label_scores` (`NONE` when they
    /// are not kept: a SHIFT, or a search that does not keep them).
    labels: u32,
}

/// The arenas and buffers of a search, reused from sentence to sentence.
struct Search {
    nodes: Vec<Node>,
    history: Vec<Record>,
    scratch: State,
    /// One hypothesis's features, then all those of a step's scored hypotheses, in turn.
    one: Vec<u64>,
    features: Vec<u64>,
    /// Per scored hypothesis of a step: its index in the beam and where its features start.
    scored: Vec<(u32, usize)>,
    scores: Vec<f32>,
    candidates: Vec<Candidate>,
    /// A beam's vector, kept for the next step.
    spare: Vec<Hypothesis>,
    /// Whether the label scores of each attaching move are kept (for a labeller).
    keep_labels: bool,
    /// A step's scored hypotheses' scores of every class, one row each.
    step_rows: Vec<f32>,
    /// Per beam index: its row in `step_rows` (`NONE` when it was not scored).
    row_of: Vec<u32>,
    /// The kept label scores, `n_labels` per attaching move.
    label_scores: Vec<f32>,
}

impl Search {
    fn new() -> Search {
        Search {
            nodes: Vec::new(),
            history: Vec::new(),
            scratch: State::new(0),
            one: Vec::with_capacity(64),
            features: Vec::new(),
            scored: Vec::new(),
            scores: Vec::new(),
            candidates: Vec::new(),
            spare: Vec::new(),
            keep_labels: false,
            step_rows: Vec::new(),
            row_of: Vec::new(),
            label_scores: Vec::new(),
        }
    }

    /// The beam before the first move of a sentence of `n` tokens.
    fn start(&mut self, n: usize) -> Vec<Hypothesis> {
        self.nodes.clear();
        self.history.clear();
        self.label_scores.clear();
        // The scratch state is sized to the sentence (the features read its length); what
        // is left in it from another sentence is overwritten before it is read.
        let st = &mut self.scratch;
        st.heads.resize(n, NONE);
        st.labels.resize(n, 0);
        st.lefts.resize(n, [NONE; 2]);
        st.rights.resize(n, [NONE; 2]);
        st.n_lefts.resize(n, 0);
        st.n_rights.resize(n, 0);
        st.left_labels.resize(n, 0);
        st.right_labels.resize(n, 0);
        vec![Hypothesis {
            top: NONE,
            depth: 0,
            front: Item::fresh(0),
            next: 0,
            score: 0.0,
            last: NONE,
            on_gold: true,
        }]
    }

    /// Writes into the scratch state what the features read of `h`: the top three stack
    /// items and the buffer's first three tokens, unattached, with their dependents.
    fn load(&mut self, h: &Hypothesis) {
        let n = self.scratch.heads.len();
        let st = &mut self.scratch;
        st.next = h.next as usize;
        let mut items = [None; 3];
        let mut at = h.top;
        for item in &mut items {
            if at == NONE {
                break;
            }
            *item = Some(self.nodes[at as usize].item);
            at = self.nodes[at as usize].below;
        }
        st.stack.clear();
        st.stack
            .extend(items.iter().rev().flatten().map(|i| i.token));
        // Of the buffer's second and third tokens the features read only whether they have
        // a head (never: they are unattached); the first is the front, written below.
        for i in st.next + 1..(st.next + 3).min(n) {
            st.heads[i] = NONE;
        }
        for item in items.iter().flatten() {
            write_item(st, item);
        }
        if st.next < n {
            write_item(st, &h.front);
        }
    }

    /// `h` extended by `class`, scored `score`; `labels` is where the move's label scores
    /// are kept (`NONE`: not kept).
    fn extend(
        &mut self,
        h: &Hypothesis,
        class: usize,
        score: f64,
        labels: u32,
        t: Transitions,
    ) -> Hypothesis {
        let (mv, label) = t.decode(class);
        self.history.push(Record {
            class: class as u16,
            before: h.last,
            labels,
        });
        let mut next = Hypothesis {
            score,
            last: (self.history.len() - 1) as u32,
            ..*h
        };
        match mv {
            Move::Shift => {
                self.nodes.push(Node {
                    item: h.front,
                    below: h.top,
                });
                next.top = (self.nodes.len() - 1) as u32;
                next.depth += 1;
                next.next += 1;
                next.front = Item::fresh(next.next);
            }
            Move::Left => {
                let s0 = &self.nodes[h.top as usize];
                next.front.add_left(s0.item.token, label);
                next.top = s0.below;
                next.depth -= 1;
            }
            Move::Right => {
                let s0 = &self.nodes[h.top as usize];
                let s1 = &self.nodes[s0.below as usize];
                let mut item = s1.item;
                item.add_right(s0.item.token, label);
                let below = s1.below;
                self.nodes.push(Node { item, below });
                next.top = (self.nodes.len() - 1) as u32;
                next.depth -= 1;
            }
        }
        next
    }

    /// The `width` best extensions of `beam`, best first; on a tie the earlier hypothesis,
    /// then the lower class, wins (as the greedy parser's first best class). `gold` is the
    /// gold class of this step, when training. (The tests' full step; the searches step
    /// within their limits.)
    #[cfg(test)]
    fn step(
        &mut self,
        beam: &[Hypothesis],
        width: usize,
        tokens: &[ParserToken],
        t: Transitions,
        score: &mut dyn Scorer,
        gold: Option<usize>,
    ) -> Vec<Hypothesis> {
        self.step_within(beam, Beam::full(width), tokens, t, score, gold)
    }

    /// [`Search::step`] within `limits`: the extensions scoring more than its margin below
    /// the best one are dropped too.
    fn step_within(
        &mut self,
        beam: &[Hypothesis],
        limits: Beam,
        tokens: &[ParserToken],
        t: Transitions,
        scorer: &mut dyn Scorer,
        gold: Option<usize>,
    ) -> Vec<Hypothesis> {
        let n = tokens.len() as u32;
        let (width, margin) = (limits.width, limits.margin as f64);
        // Every hypothesis's features first, their memory asked for together: the table is
        // larger than the caches, and the k hypotheses' misses then overlap.
        self.features.clear();
        self.scored.clear();
        for (from, h) in beam.iter().enumerate() {
            // With an empty stack only SHIFT is possible: not scored, as in greedy decoding.
            if h.depth > 0 {
                self.load(h);
                features(tokens, &self.scratch, t.templates, &mut self.one);
                // (Alone, a hypothesis gains nothing: scoring fetches its slots first.)
                if beam.len() > 1 {
                    scorer.prefetch(&self.one);
                }
                self.scored.push((from as u32, self.features.len()));
                self.features.extend_from_slice(&self.one);
            }
        }
        // Every scored hypothesis's row of class scores, and the best total of a valid
        // move: nothing scoring more than `margin` below it can be kept, so with a margin
        // only the moves within it are offered (where the model is sure: one).
        let n_classes = t.n_classes();
        self.step_rows.clear();
        self.row_of.clear();
        self.row_of.resize(beam.len(), NONE);
        let mut best_total = f64::NEG_INFINITY;
        for (i, &(from, start)) in self.scored.iter().enumerate() {
            let end = self.scored.get(i + 1).map_or(self.features.len(), |s| s.1);
            scorer.scores(&self.features[start..end], &mut self.scores);
            let h = &beam[from as usize];
            let row = &self.scores[..n_classes];
            for range in valid_classes(h, n, t) {
                let top = row[range].iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
                best_total = best_total.max(h.score + top as f64);
            }
            self.row_of[from as usize] = self.step_rows.len() as u32;
            self.step_rows.extend_from_slice(row);
        }
        for h in beam.iter().filter(|h| h.depth == 0) {
            best_total = best_total.max(h.score);
        }
        let floor = if margin.is_finite() {
            best_total - margin
        } else {
            f64::NEG_INFINITY
        };
        let mut candidates = std::mem::take(&mut self.candidates);
        candidates.clear();
        for (from, h) in beam.iter().enumerate() {
            let from = from as u32;
            if h.depth == 0 {
                offer(&mut candidates, width, margin, h.score, from, 0);
                continue;
            }
            let row = self.row_of[from as usize] as usize;
            let scores = &self.step_rows[row..row + n_classes];
            for range in valid_classes(h, n, t) {
                for class in range {
                    let total = h.score + scores[class] as f64;
                    if total >= floor {
                        offer(&mut candidates, width, margin, total, from, class as u32);
                    }
                }
            }
        }
        let best = candidates.first().map_or(0.0, |c| c.score);
        candidates.truncate(candidates.partition_point(|c| c.score >= best - margin));
        let mut next = std::mem::take(&mut self.spare);
        next.clear();
        for c in &candidates {
            let h = &beam[c.from as usize];
            let labels = self.keep(c, t);
            let mut e = self.extend(h, c.class as usize, c.score, labels, t);
            e.on_gold = h.on_gold && gold == Some(c.class as usize);
            next.push(e);
        }
        self.candidates = candidates;
        next
    }

    /// Keeps the label scores of `c`'s move if it attaches and they are asked for: where
    /// they start in `label_scores`, else `NONE`.
    fn keep(&mut self, c: &Candidate, t: Transitions) -> u32 {
        let row = self.row_of[c.from as usize];
        if c.class == 0 || row == NONE || !self.keep_labels {
            return NONE;
        }
        let (mv, _) = t.decode(c.class as usize);
        let first = row as usize + t.encode(mv, 0);
        let at = self.label_scores.len() as u32;
        let labels = &self.step_rows[first..first + t.n_labels];
        self.label_scores.extend_from_slice(labels);
        at
    }

    /// Takes back a beam that is done with, to hold a later one.
    fn recycle(&mut self, beam: Vec<Hypothesis>) {
        self.spare = beam;
    }

    /// The moves that led to `h`, first move first.
    fn records(&self, h: &Hypothesis) -> Vec<Record> {
        let mut out = Vec::new();
        let mut at = h.last;
        while at != NONE {
            let record = self.history[at as usize];
            out.push(record);
            at = record.before;
        }
        out.reverse();
        out
    }

    /// The classes of the moves that led to `h`, first move first.
    fn moves(&self, h: &Hypothesis) -> Vec<u16> {
        self.records(h).iter().map(|r| r.class).collect()
    }

    /// The best complete hypothesis for `tokens`: its moves are [`Search::records`].
    fn search(
        &mut self,
        tokens: &[ParserToken],
        t: Transitions,
        limits: Beam,
        scorer: &mut dyn Scorer,
    ) -> Hypothesis {
        let n = tokens.len();
        let mut beam = self.start(n);
        for _ in 0..(2 * n).saturating_sub(1) {
            let next = self.step_within(&beam, limits, tokens, t, scorer, None);
            self.recycle(std::mem::replace(&mut beam, next));
        }
        let best = beam[0];
        self.recycle(beam);
        best
    }
}

/// The classes `h` may move by, as ranges: SHIFT and the LEFTs while the buffer holds a
/// token, the RIGHTs while the stack holds two (a hypothesis with an empty stack only
/// shifts, unscored).
fn valid_classes(
    h: &Hypothesis,
    n: u32,
    t: Transitions,
) -> impl Iterator<Item = std::ops::Range<usize>> {
    let lefts = (h.next < n).then_some(0..1 + t.n_labels);
    let rights = (h.depth >= 2).then_some(1 + t.n_labels..t.n_classes());
    lefts.into_iter().chain(rights)
}

/// Writes `item` (unattached, with its dependents attached to it) into `st`.
fn write_item(st: &mut State, item: &Item) {
    let i = item.token as usize;
    st.heads[i] = NONE;
    st.lefts[i] = item.lefts;
    st.rights[i] = item.rights;
    st.n_lefts[i] = item.n_lefts;
    st.n_rights[i] = item.n_rights;
    st.left_labels[i] = item.left_set;
    st.right_labels[i] = item.right_set;
    let children = item.lefts.iter().zip(&item.left_labels);
    for (&dep, &label) in children.chain(item.rights.iter().zip(&item.right_labels)) {
        if dep != NONE {
            st.heads[dep as usize] = i as u32;
            st.labels[dep as usize] = label;
        }
    }
}

/// Puts a candidate among the `width` best so far (kept best first; an equal score does not
/// displace an earlier candidate), unless it scores more than `margin` below the best so far
/// (the best can only rise: it would be dropped at the end of the step anyway).
fn offer(
    candidates: &mut Vec<Candidate>,
    width: usize,
    margin: f64,
    score: f64,
    from: u32,
    class: u32,
) {
    if candidates.len() == width && candidates.last().is_some_and(|c| c.score >= score) {
        return;
    }
    if candidates.first().is_some_and(|c| score < c.score - margin) {
        return;
    }
    let at = candidates.partition_point(|c| c.score >= score);
    candidates.insert(at, Candidate { score, from, class });
    candidates.truncate(width);
}

/// Parses one sentence with `beam` (width 1: the greedy parse). Linear in the sentence's
/// length; any tokens give a tree, whatever the width and margin.
pub fn parse(model: &Model, t: Transitions, tokens: &[ParserToken], beam: Beam) -> Tree {
    decode(model, t, tokens, beam, None)
}

/// [`parse`], and sets `label_scores` as [`super::parser::parse_scored`] does, for the best
/// hypothesis's moves (the scores each move had when the search made it).
pub fn parse_scored(
    model: &Model,
    t: Transitions,
    tokens: &[ParserToken],
    beam: Beam,
    label_scores: &mut Vec<f32>,
) -> Tree {
    label_scores.clear();
    label_scores.resize(tokens.len() * t.n_labels, 0.0);
    decode(model, t, tokens, beam, Some(label_scores))
}

thread_local! {
    /// Each thread's search arenas, reused from sentence to sentence.
    static SEARCH: std::cell::RefCell<Search> = std::cell::RefCell::new(Search::new());
}

/// The tree of the best hypothesis, and its moves' label scores if asked for.
fn decode(
    model: &Model,
    t: Transitions,
    tokens: &[ParserToken],
    beam: Beam,
    mut label_scores: Option<&mut Vec<f32>>,
) -> Tree {
    SEARCH.with(|search| {
        let mut search = search.borrow_mut();
        search.keep_labels = label_scores.is_some();
        let limits = Beam {
            width: beam.width.max(1),
            ..beam
        };
        let mut scorer = model;
        let best = search.search(tokens, t, limits, &mut scorer);
        let mut state = State::new(tokens.len());
        for record in search.records(&best) {
            let (mv, label) = t.decode(record.class as usize);
            if let Some(out) = label_scores
                .as_deref_mut()
                .filter(|_| record.labels != NONE)
            {
                let dep = state.stack_at(0) as usize;
                let kept = record.labels as usize;
                out[dep * t.n_labels..(dep + 1) * t.n_labels]
                    .copy_from_slice(&search.label_scores[kept..kept + t.n_labels]);
            }
            state.apply(mv, label);
        }
        state.into_tree()
    })
}

/// Whether token `k` lies under `a` in `heads` (a token lies under itself).
fn dominates(heads: &[Option<usize>], a: usize, mut k: usize) -> bool {
    for _ in 0..=heads.len() {
        if k == a {
            return true;
        }
        match heads[k] {
            Some(h) => k = h,
            None => return false,
        }
    }
    false
}

/// The tree with its non-projective arcs lifted (Nivre & Nilsson 2005, without encoding the
/// lift in the label): while an arc spans a token its head does not dominate, the shortest
/// such arc's dependent moves up to its head's head. Arcs from the root are never lifted
/// (the root dominates every token); an arc over the root is, up to the root at worst.
pub fn projectivise(heads: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut heads = heads.to_vec();
    let n = heads.len();
    for _ in 0..n * n + 1 {
        let crossing = (0..n)
            .filter_map(|d| heads[d].map(|h| (d, h)))
            .filter(|&(d, h)| (d.min(h) + 1..d.max(h)).any(|k| !dominates(&heads, h, k)))
            .min_by_key(|&(d, h)| (d.abs_diff(h), d));
        match crossing {
            Some((d, h)) if heads[h].is_some() => heads[d] = heads[h],
            _ => break,
        }
    }
    heads
}

/// The static oracle's moves for `gold` made projective: reduce as soon as a token has its
/// dependents and its head is next to it, else shift. `None` when they do not rebuild it
/// (a gold tree with more than one root, or a cycle).
pub fn oracle(gold: &Tree, t: Transitions) -> Option<Vec<u16>> {
    let heads = projectivise(&gold.heads);
    let n = heads.len();
    let mut pending = vec![0usize; n];
    for h in heads.iter().flatten() {
        pending[*h] += 1;
    }
    let mut state = State::new(n);
    let mut moves = Vec::with_capacity(2 * n);
    while !state.is_final() {
        let (s0, s1) = (state.stack_at(0), state.stack_at(1));
        let done = s0 != NONE && pending[s0 as usize] == 0;
        let head = (s0 != NONE).then(|| heads[s0 as usize]).flatten();
        let mv = if done && state.next < n && head == Some(state.next) {
            Move::Left
        } else if done && s1 != NONE && head == Some(s1 as usize) {
            Move::Right
        } else if state.next < n {
            Move::Shift
        } else {
            return None;
        };
        let label = match mv {
            Move::Shift => 0,
            _ => {
                pending[head.expect("a reduce has a head")] -= 1;
                gold.labels[s0 as usize]
            }
        };
        moves.push(t.encode(mv, label) as u16);
        state.apply(mv, label);
    }
    (state.into_tree().heads == heads).then_some(moves)
}

/// Trains the parser for a beam of `width`: per sentence, a beam search under the current
/// weights beside the oracle's sequence; where the best hypothesis beats the gold prefix by
/// most (max violation), the gold prefix's moves are rewarded and the best one's penalised.
/// Sentences the oracle cannot rebuild are skipped; shuffled with `seed`.
pub fn train(
    examples: &[ParserExample],
    t: Transitions,
    width: usize,
    epochs: usize,
    seed: u64,
    min_weight: f32,
    on_epoch: &mut dyn FnMut(usize),
) -> Model {
    let trainer = Trainer::new(t.n_classes());
    let mut on_epoch = |epoch: usize, _: &Trainer| on_epoch(epoch);
    let how = Training::full(width);
    train_from(trainer, examples, t, how, epochs, seed, &mut on_epoch).finish(min_weight)
}

/// How the training search is run and when it updates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Training {
    /// The search, pruned as the decoder will prune it: with a finite margin the gold
    /// sequence falls out as soon as it scores more than the margin below the best, and
    /// the hypotheses it is compared with are those the decoder would keep.
    pub beam: Beam,
    /// Stop the search where the gold sequence falls out of the beam and update on the
    /// worst violation of that prefix (Collins & Roark's early update, as max-violation on
    /// the prefix); else search to the end and update on the worst violation of all.
    pub early: bool,
}

impl Training {
    /// Today's training: the full beam of `width`, max-violation over the whole sequence.
    pub fn full(width: usize) -> Training {
        Training {
            beam: Beam::full(width),
            early: false,
        }
    }
}

/// [`train`] going on from `trainer`'s weights (a fresh trainer, or one warm-started from
/// a greedy parser: a sequence's score is the sum of its moves' scores under either, so a
/// greedy parser's weights are a valid start), searching as `how` says, handing `on_epoch`
/// the trainer after each epoch; the caller averages it.
pub fn train_from(
    mut trainer: Trainer,
    examples: &[ParserExample],
    t: Transitions,
    how: Training,
    epochs: usize,
    seed: u64,
    on_epoch: &mut dyn FnMut(usize, &Trainer),
) -> Trainer {
    assert_eq!(
        trainer.n_classes(),
        t.n_classes(),
        "a trainer for these moves"
    );
    let golds: Vec<Option<Vec<u16>>> = examples.iter().map(|e| oracle(&e.gold, t)).collect();
    let mut order: Vec<usize> = (0..examples.len())
        .filter(|&i| golds[i].is_some())
        .collect();
    let mut rng = SplitMix64::new(seed);
    let mut search = Search::new();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let gold = golds[e].as_deref().expect("only rebuilt sentences");
            train_one(&mut trainer, &mut search, &examples[e].tokens, gold, t, how);
        }
        on_epoch(epoch + 1, &trainer);
    }
    trainer
}

/// One sentence of [`train`].
fn train_one(
    trainer: &mut Trainer,
    search: &mut Search,
    tokens: &[ParserToken],
    gold: &[u16],
    t: Transitions,
    how: Training,
) {
    let limits = Beam {
        width: how.beam.width.max(1),
        ..how.beam
    };
    let mut beam = search.start(tokens.len());
    let mut gold_state = State::new(tokens.len());
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    let mut gold_score = 0.0;
    // (violation, moves made, the best hypothesis then)
    let mut worst: Option<(f64, usize, Hypothesis)> = None;
    for (step, &class) in gold.iter().enumerate() {
        let mut score = |f: &[u64], s: &mut Vec<f32>| trainer.scores(f, s);
        let next = search.step_within(&beam, limits, tokens, t, &mut score, Some(class as usize));
        search.recycle(std::mem::replace(&mut beam, next));
        let gold_kept = beam.iter().find(|h| h.on_gold);
        let fell_out = gold_kept.is_none();
        match gold_kept {
            Some(h) => gold_score = h.score,
            None if !gold_state.stack.is_empty() => {
                features(tokens, &gold_state, t.templates, &mut feats);
                trainer.scores(&feats, &mut scores);
                gold_score += scores[class as usize] as f64;
            }
            None => {}
        }
        let (mv, label) = t.decode(class as usize);
        gold_state.apply(mv, label);
        let top = beam[0];
        let violation = top.score - gold_score;
        if !top.on_gold && worst.is_none_or(|(v, _, _)| violation > v) {
            worst = Some((violation, step + 1, top));
        }
        if how.early && fell_out {
            break;
        }
    }
    let Some((_, len, best)) = worst else {
        trainer.update_structured(&[]);
        return;
    };
    let predicted = search.moves(&best);
    let shared = gold
        .iter()
        .zip(&predicted)
        .take_while(|(a, b)| a == b)
        .count();
    let mut state = State::new(tokens.len());
    for &class in &gold[..shared] {
        let (mv, label) = t.decode(class as usize);
        state.apply(mv, label);
    }
    let mut changes: Vec<(Vec<u64>, usize, f32)> = Vec::new();
    for (moves, delta) in [(&gold[shared..len], 1.0), (&predicted[shared..len], -1.0)] {
        let mut state = state.clone();
        for &class in moves {
            let (mv, label) = t.decode(class as usize);
            if !state.stack.is_empty() {
                features(tokens, &state, t.templates, &mut feats);
                changes.push((feats.clone(), class as usize, delta));
            }
            state.apply(mv, label);
        }
    }
    let changes: Vec<(&[u64], usize, f32)> = changes
        .iter()
        .map(|(f, c, d)| (f.as_slice(), *c, *d))
        .collect();
    trainer.update_structured(&changes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu;
    use crate::syntax::model::Syntax;
    use crate::syntax::parser;
    use crate::syntax::train::Tokens;
    use crate::syntax::words::{hashes, TokenInput};
    use crate::text::tokens::TokenKind;
    use proptest::prelude::*;

    fn english() -> &'static Syntax {
        crate::lang::Language::english()
            .syntax()
            .expect("English has a syntax model")
    }

    /// `words` hashed and tagged by the shipped tagger, as the parser reads them.
    fn tagged(words: &[&str]) -> Vec<ParserToken> {
        let hashed: Vec<_> = words
            .iter()
            .map(|w| {
                hashes(TokenInput {
                    form: w,
                    kind: TokenKind::Word,
                })
            })
            .collect();
        let tags = crate::syntax::tagger::tag(&english().models.tagger, &hashed);
        hashed
            .into_iter()
            .zip(tags)
            .map(|(word, tag)| ParserToken { word, tag })
            .collect()
    }

    /// Hand sentences, and the first 300 of UD EWT dev when ../shared is there.
    fn sentences() -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = [
            "The Russian army said on Friday that it had withdrawn from Kherson .",
            "Officials , who spoke on condition of anonymity , denied that 32 soldiers were killed",
            "He said",
            "Kyiv",
        ]
        .iter()
        .map(|s| s.split(' ').map(String::from).collect())
        .collect();
        if let Some(dev) = conllu::dev_treebank() {
            out.extend(
                Tokens::Words
                    .sentences(&dev[..300])
                    .into_iter()
                    .map(|s| s.into_iter().map(|t| t.form).collect()),
            );
        }
        out
    }

    fn is_tree(tree: &Tree) -> bool {
        let n = tree.heads.len();
        let roots = tree.heads.iter().filter(|h| h.is_none()).count();
        let reaches_the_root = |mut i: usize| {
            (0..=n).any(|_| match tree.heads[i] {
                None => true,
                Some(h) => {
                    i = h;
                    false
                }
            })
        };
        let in_range = tree.heads.iter().flatten().all(|&h| h < n);
        (n == 0 || roots == 1) && in_range && (0..n).all(reaches_the_root)
    }

    #[test]
    fn width_one_gives_the_greedy_parse_on_real_sentences() {
        let (model, t) = (&english().models.parser, english().transitions());
        for words in sentences() {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let tokens = tagged(&words);
            let greedy = parser::parse(model, t, &tokens);
            assert_eq!(parse(model, t, &tokens, Beam::full(1)), greedy, "{words:?}");
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let greedy_scored = parser::parse_scored(model, t, &tokens, &mut a);
            assert_eq!(
                parse_scored(model, t, &tokens, Beam::full(1), &mut b),
                greedy_scored
            );
            assert_eq!(a, b, "{words:?}");
            // A margin changes nothing at width 1.
            for margin in [0.0, 3.0] {
                let beam = Beam { width: 1, margin };
                assert_eq!(parse(model, t, &tokens, beam), greedy, "{words:?}");
            }
        }
    }

    #[test]
    fn each_hypothesis_features_are_those_of_its_moves_replayed() {
        // The shared stacks and the scratch state must show the features exactly what a
        // state built move by move shows, for every hypothesis of a wide beam.
        let (model, t) = (&english().models.parser, english().transitions());
        let mut search = Search::new();
        let mut checked = 0;
        for words in sentences().iter().take(60) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let tokens = tagged(&words);
            let mut beam = search.start(tokens.len());
            for _ in 0..(2 * tokens.len()).saturating_sub(1) {
                let mut score = |f: &[u64], s: &mut Vec<f32>| model.scores(f, s);
                let next = search.step(&beam, 6, &tokens, t, &mut score, None);
                search.recycle(std::mem::replace(&mut beam, next));
                for h in &beam {
                    let mut state = State::new(tokens.len());
                    for class in search.moves(h) {
                        let (mv, label) = t.decode(class as usize);
                        state.apply(mv, label);
                    }
                    // The extra templates too: they read s1's and s0's left labels.
                    search.load(h);
                    for templates in [t.templates, parser::ALL_TEMPLATES] {
                        let mut want = Vec::new();
                        features(&tokens, &state, templates, &mut want);
                        let mut got = Vec::new();
                        features(&tokens, &search.scratch, templates, &mut got);
                        assert_eq!(got, want, "{words:?}");
                    }
                    assert_eq!(
                        (h.depth as usize, h.next as usize),
                        (state.stack.len(), state.next)
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000);
    }

    #[test]
    fn a_margin_keeps_the_full_beams_best_hypotheses_within_it() {
        // From the same beam, a step within a margin keeps exactly the full step's
        // hypotheses that score within the margin of its best, in the same order.
        let (model, t) = (&english().models.parser, english().transitions());
        let mut search = Search::new();
        let (mut pruned_some, mut steps) = (0, 0);
        for (i, words) in sentences().iter().take(80).enumerate() {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let tokens = tagged(&words);
            let margin = [0.0, 0.5, 2.0, 8.0][i % 4];
            let mut beam = search.start(tokens.len());
            for _ in 0..(2 * tokens.len()).saturating_sub(1) {
                let mut scorer = model;
                let full = search.step(&beam, 6, &tokens, t, &mut scorer, None);
                let limits = Beam { width: 6, margin };
                let within = search.step_within(&beam, limits, &tokens, t, &mut scorer, None);
                let best = full[0].score;
                let close = full.iter().take_while(|h| h.score >= best - margin as f64);
                let want: Vec<(f64, Vec<u16>)> =
                    close.map(|h| (h.score, search.moves(h))).collect();
                let got: Vec<(f64, Vec<u16>)> =
                    within.iter().map(|h| (h.score, search.moves(h))).collect();
                assert_eq!(got, want, "{words:?}");
                pruned_some += (within.len() < full.len()) as usize;
                steps += 1;
                beam = within;
            }
        }
        assert!(pruned_some > 0 && pruned_some < steps);
    }

    /// The label scores of `moves`' attaching moves, scored again on a state built move by
    /// move: what the search must have kept.
    fn label_scores_replayed(
        model: &Model,
        t: Transitions,
        tokens: &[ParserToken],
        moves: &[u16],
    ) -> Vec<f32> {
        let mut out = vec![0.0; tokens.len() * t.n_labels];
        let mut state = State::new(tokens.len());
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        for &class in moves {
            let (mv, label) = t.decode(class as usize);
            if mv != Move::Shift {
                features(tokens, &state, t.templates, &mut feats);
                model.scores(&feats, &mut scores);
                let dep = state.stack_at(0) as usize;
                let first = t.encode(mv, 0);
                out[dep * t.n_labels..(dep + 1) * t.n_labels]
                    .copy_from_slice(&scores[first..first + t.n_labels]);
            }
            state.apply(mv, label);
        }
        out
    }

    #[test]
    fn the_label_scores_kept_are_those_of_the_best_moves() {
        let (model, t) = (&english().models.parser, english().transitions());
        let mut search = Search::new();
        search.keep_labels = true;
        for words in sentences().iter().take(60) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let tokens = tagged(&words);
            for beam in [
                Beam::full(4),
                Beam {
                    width: 4,
                    margin: 2.0,
                },
            ] {
                let mut scorer = model;
                let best = search.search(&tokens, t, beam, &mut scorer);
                let moves = search.moves(&best);
                let mut kept = Vec::new();
                let tree = parse_scored(model, t, &tokens, beam, &mut kept);
                assert_eq!(tree, parse(model, t, &tokens, beam));
                assert_eq!(kept, label_scores_replayed(model, t, &tokens, &moves));
            }
        }
    }

    #[test]
    fn a_wider_beam_changes_some_parses() {
        // Not a test of quality (the shipped parser is greedy): the search does explore.
        let (model, t) = (&english().models.parser, english().transitions());
        let differ = sentences()
            .iter()
            .filter(|words| {
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                let tokens = tagged(&words);
                parse(model, t, &tokens, Beam::full(8)) != parse(model, t, &tokens, Beam::full(1))
            })
            .count();
        if sentences().len() > 100 {
            assert!(differ > 0);
        }
    }

    #[test]
    fn a_non_projective_arc_is_lifted_to_the_heads_head() {
        // 0 <- 1 (root) -> 3, and 0 -> 2 over the root: 2 goes up to 0's head, the root.
        let heads = [Some(1), None, Some(0), Some(1)];
        assert_eq!(projectivise(&heads), vec![Some(1), None, Some(1), Some(1)]);
        // Crossing arcs 1 -> 3 and 2 -> 4 under 0, as long as each other: the leftmost
        // dependent's is lifted first (3 under 0); 2 -> 4 still spans 3, which 2 does not
        // dominate, and is lifted too.
        let heads = [None, Some(0), Some(0), Some(1), Some(2)];
        let lifted = projectivise(&heads);
        assert_eq!(lifted, vec![None, Some(0), Some(0), Some(0), Some(0)]);
        let t = Transitions::new(2);
        let gold = Tree {
            heads: heads.to_vec(),
            labels: vec![0, 1, 0, 1, 0],
        };
        let moves = oracle(&gold, t).expect("a tree with one root");
        let mut state = State::new(5);
        for class in moves {
            let (mv, label) = t.decode(class as usize);
            state.apply(mv, label);
        }
        let tree = state.into_tree();
        assert_eq!(tree.heads, lifted);
        assert_eq!(tree.labels, gold.labels);
    }

    #[test]
    fn the_oracle_gives_up_on_two_roots() {
        let gold = Tree {
            heads: vec![None, None],
            labels: vec![0, 0],
        };
        assert_eq!(oracle(&gold, Transitions::new(1)), None);
    }

    /// A random tree over `n` tokens: each token after the first hangs off an earlier one
    /// of a random order.
    fn random_tree(n: usize, seeds: &[u64]) -> Vec<Option<usize>> {
        let mut order: Vec<usize> = (0..n).collect();
        let mut rng = SplitMix64::new(seeds.first().copied().unwrap_or(1));
        rng.shuffle(&mut order);
        let mut heads = vec![None; n];
        for i in 1..n {
            heads[order[i]] = Some(order[(rng.next_u64() % i as u64) as usize]);
        }
        heads
    }

    fn projective(heads: &[Option<usize>]) -> bool {
        (0..heads.len()).all(|d| {
            heads[d].is_none_or(|h| (d.min(h) + 1..d.max(h)).all(|k| dominates(heads, h, k)))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Any tree, made projective, keeps its root and every token; the oracle rebuilds
        /// it exactly, and a projective tree is left as it was.
        #[test]
        fn the_oracle_rebuilds_every_tree_made_projective(
            n in 1usize..30,
            seed in any::<u64>(),
        ) {
            let heads = random_tree(n, &[seed]);
            let lifted = projectivise(&heads);
            prop_assert!(projective(&lifted));
            prop_assert_eq!(lifted.iter().position(Option::is_none), heads.iter().position(Option::is_none));
            if projective(&heads) {
                prop_assert_eq!(&lifted, &heads);
            }
            let t = Transitions::new(3);
            let gold = Tree { heads: heads.clone(), labels: (0..n).map(|i| (i % 3) as u16).collect() };
            let moves = oracle(&gold, t).expect("one root");
            prop_assert_eq!(moves.len(), 2 * n - 1);
        }

        /// Whatever the width, the margin and the words, the beam's parse is a tree.
        #[test]
        fn beam_parses_are_trees(
            words in proptest::collection::vec("[a-z]{1,6}|[A-Z][a-z]{1,6}|[0-9]{1,3}|[,.;:\"'()-]", 0..60),
            width in 1usize..9,
            margin in prop_oneof![Just(0.0f32), 0.0f32..20.0, Just(f32::INFINITY)],
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let tokens = tagged(&words);
            let (model, t) = (&english().models.parser, english().transitions());
            let beam = Beam { width, margin };
            let tree = parse(model, t, &tokens, beam);
            prop_assert_eq!(tree.heads.len(), words.len());
            prop_assert!(is_tree(&tree), "{:?}", tree);
            let mut label_scores = Vec::new();
            prop_assert_eq!(parse_scored(model, t, &tokens, beam, &mut label_scores), tree);
            // An empty model scores every move 0: ties everywhere, still a tree.
            let empty = Trainer::new(t.n_classes()).finish(0.0);
            prop_assert!(is_tree(&parse(&empty, t, &tokens, beam)));
        }
    }

    /// Three hand sentences with trees (labels made up), tagged by the shipped tagger.
    fn hand_examples() -> Vec<ParserExample> {
        let hand = [
            // the dog barked loudly
            (
                "the dog barked loudly",
                vec![Some(1), Some(2), None, Some(2)],
            ),
            // officials said troops left
            (
                "officials said troops left",
                vec![Some(1), None, Some(3), Some(1)],
            ),
            // a non-projective one: lifted for training, so never quite learnt
            ("a b c d", vec![Some(1), None, Some(0), Some(1)]),
        ];
        hand.iter()
            .map(|(text, heads)| {
                let words: Vec<&str> = text.split(' ').collect();
                ParserExample {
                    tokens: tagged(&words),
                    gold: Tree {
                        heads: heads.clone(),
                        labels: (0..heads.len()).map(|i| (i % 4) as u16).collect(),
                    },
                }
            })
            .collect()
    }

    #[test]
    fn global_training_learns_a_few_sentences() {
        let t = Transitions::new(4);
        let examples = hand_examples();
        let model = train(&examples, t, 4, 10, 1, 0.0, &mut |_| {});
        for ex in &examples[..2] {
            let tree = parse(&model, t, &ex.tokens, Beam::full(4));
            assert_eq!(tree.heads, ex.gold.heads);
            let attached = |tr: &Tree| -> Vec<u16> {
                (0..tr.heads.len())
                    .filter(|&i| tr.heads[i].is_some())
                    .map(|i| tr.labels[i])
                    .collect()
            };
            assert_eq!(attached(&tree), attached(&ex.gold));
        }
        let lifted = parse(&model, t, &examples[2].tokens, Beam::full(4));
        assert_eq!(lifted.heads, projectivise(&examples[2].gold.heads));
        // The same data and seed give the same model.
        let again = train(&examples, t, 4, 10, 1, 0.0, &mut |_| {});
        assert_eq!(again, model);
    }

    #[test]
    fn a_warm_start_goes_on_from_the_greedy_parsers_weights() {
        let t = Transitions::new(4);
        let examples = hand_examples();
        let greedy = parser::train(&examples, t, 3, 1, 0.9, 0.0, &mut |_| {});
        let warm = |epochs| {
            let mut heard = Vec::new();
            let trainer = Trainer::from_model(&greedy);
            let mut on_epoch = |epoch, tr: &Trainer| heard.push((epoch, tr.averaged(0.0)));
            let how = Training::full(4);
            let model =
                train_from(trainer, &examples, t, how, epochs, 1, &mut on_epoch).finish(0.0);
            (model, heard)
        };
        // No epoch: the greedy parser as it was.
        assert_eq!(warm(0).0, greedy);
        let (model, heard) = warm(10);
        assert_eq!(heard.len(), 10);
        assert_eq!(
            heard.iter().map(|h| h.0).collect::<Vec<_>>(),
            (1..=10).collect::<Vec<_>>()
        );
        assert_eq!(heard[9].1, model);
        assert_eq!(warm(10).0, model, "deterministic");
        for ex in &examples[..2] {
            assert_eq!(
                parse(&model, t, &ex.tokens, Beam::full(4)).heads,
                ex.gold.heads
            );
        }
        // It kept the greedy weights the beam updates did not undo: not a cold start.
        assert_ne!(model, train(&examples, t, 4, 10, 1, 0.0, &mut |_| {}));
    }

    /// A model trained on the hand examples as `how` says, from zero, 10 epochs.
    fn trained(how: Training) -> Model {
        let t = Transitions::new(4);
        let trainer = Trainer::new(t.n_classes());
        train_from(trainer, &hand_examples(), t, how, 10, 1, &mut |_, _| {}).finish(0.0)
    }

    /// Whether the gold moves of `ex` stay in the beam at every step of a search with `beam`.
    fn keeps_the_gold(model: &Model, ex: &ParserExample, beam: Beam) -> bool {
        let t = Transitions::new(4);
        let gold = oracle(&ex.gold, t).expect("a projective hand tree");
        let mut search = Search::new();
        let mut hypotheses = search.start(ex.tokens.len());
        for &class in &gold {
            let mut scorer = model;
            let next = search.step_within(
                &hypotheses,
                beam,
                &ex.tokens,
                t,
                &mut scorer,
                Some(class as usize),
            );
            search.recycle(std::mem::replace(&mut hypotheses, next));
            if !hypotheses.iter().any(|h| h.on_gold) {
                return false;
            }
        }
        true
    }

    #[test]
    fn pruned_training_is_deterministic_and_without_a_margin_is_the_full_beams() {
        let full = trained(Training::full(4));
        let t = Transitions::new(4);
        assert_eq!(full, train(&hand_examples(), t, 4, 10, 1, 0.0, &mut |_| {}));
        // A margin too wide to drop anything takes the margin's path to the same model.
        let never = Beam {
            width: 4,
            margin: 1e30,
        };
        let wide = trained(Training {
            beam: never,
            early: false,
        });
        assert_eq!(wide, full);
        for early in [false, true] {
            let how = Training {
                beam: Beam {
                    width: 4,
                    margin: 0.5,
                },
                early,
            };
            let pruned = trained(how);
            assert_eq!(trained(how), pruned, "deterministic");
            assert_ne!(pruned, full, "the margin changes what is learnt");
        }
        // Early updates stop at the first fall-out: other updates than max-violation's.
        let early = |early| {
            trained(Training {
                beam: Beam::full(2),
                early,
            })
        };
        assert_ne!(early(true), early(false));
    }

    #[test]
    fn pruned_training_learns_the_hand_sentences_within_its_margin() {
        let margin = 0.5;
        let beam = Beam { width: 4, margin };
        let how = Training { beam, early: false };
        let pruned = trained(how);
        let t = Transitions::new(4);
        for ex in &hand_examples()[..2] {
            assert!(keeps_the_gold(&pruned, ex, beam));
            assert_eq!(parse(&pruned, t, &ex.tokens, beam).heads, ex.gold.heads);
        }
    }
}
