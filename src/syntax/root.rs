//! The root chooser: before parsing, one token of the sentence is chosen as its root, by a
//! perceptron that scores every candidate token with features of the whole sentence (which
//! verbs come before and after it, what clause marker opens its clause, whether a subject
//! stands before it, quotes, position). The greedy parser decides the root last, by
//! elimination, and a subject left on the stack often becomes it; the chooser sees the whole
//! sentence at once. The parser then keeps the chosen token from becoming a dependent.
//! One lookup set per candidate token: linear.

use super::hashing::{feature, feature2, feature3, SplitMix64};
use super::parser::{ParserToken, RootHint};
use super::perceptron::{Model, Trainer};
use super::words::PAD;
use serde::{Deserialize, Serialize};

/// What the chooser needs to know about a tag class (from its UPOS and Penn tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[repr(u8)]
pub enum Kind {
    /// VBD, VBZ, VBP, MD: a verb that can head a clause on its own.
    Finite = 1,
    /// VB, VBN, VBG.
    Verb,
    /// Nouns, proper nouns, personal pronouns: a possible subject.
    Nominal,
    /// SCONJ, WH-words, TO: open a dependent clause.
    Marker,
    /// A comma.
    Comma,
    /// Colons, dashes, semicolons: a break between clauses.
    Break,
    /// Quotes.
    Quote,
    /// Brackets.
    Bracket,
    /// Other punctuation.
    Punct,
    /// CCONJ.
    Conj,
    /// Never the root in the treebank (DET, ADP, PART): not scored.
    Never,
    /// Anything else.
    Other,
}

impl Kind {
    /// The kind of a tag class given its UPOS and Penn tag.
    pub fn of(upos: &str, penn: &str) -> Kind {
        match (upos, penn) {
            (_, "VBD" | "VBZ" | "VBP" | "MD") => Kind::Finite,
            (_, "VB" | "VBN" | "VBG") => Kind::Verb,
            ("NOUN" | "PROPN", _) | (_, "PRP") => Kind::Nominal,
            ("SCONJ", _) | (_, "WDT" | "WP" | "WRB" | "TO") => Kind::Marker,
            (_, ",") => Kind::Comma,
            (_, ":" | "HYPH") => Kind::Break,
            (_, "``" | "''") => Kind::Quote,
            (_, "-LRB-" | "-RRB-") => Kind::Bracket,
            ("PUNCT", _) => Kind::Punct,
            ("CCONJ", _) => Kind::Conj,
            ("DET" | "ADP" | "PART", _) => Kind::Never,
            _ => Kind::Other,
        }
    }

    fn can_be_root(self) -> bool {
        !matches!(
            self,
            Kind::Comma | Kind::Break | Kind::Quote | Kind::Bracket | Kind::Punct | Kind::Never
        ) && self != Kind::Conj
    }
}

/// The chooser's model and the kind of every tag class.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RootChooser {
    /// Features of a token to two classes; a token's score is the second minus the first.
    pub model: Model,
    /// Per tag class (the tagger's index): its kind.
    pub kinds: Vec<Kind>,
    /// Whether the parser is held to the chosen root (else it reads it as a hint).
    pub hard: bool,
}

/// What the features read about the sentence around each token, in one pass each way.
struct Context {
    /// Per token: finite verbs (capped at 2) and verbs of any kind (capped) before it.
    finite_before: Vec<u8>,
    verbs_before: Vec<u8>,
    finite_after: Vec<u8>,
    verbs_after: Vec<u8>,
    /// Per token: the nearest clause marker, comma, break, conjunction or verb before it
    /// (its index), and whether a nominal stands between that and the token.
    opener: Vec<u32>,
    nominal_since: Vec<bool>,
    /// Per token: quotes before it (odd: inside quotes), open brackets before it.
    quotes: Vec<u8>,
    brackets: Vec<u8>,
    commas: Vec<u8>,
    /// Tag of the nearest verb before and after (0: none).
    verb_before: Vec<u64>,
    verb_after: Vec<u64>,
}

const NONE: u32 = u32::MAX;

impl Context {
    // One pass fills ten per-token arrays: indexing reads plainer than ten zips.
    #[allow(clippy::needless_range_loop)]
    fn new(tokens: &[ParserToken], kinds: &[Kind]) -> Context {
        let n = tokens.len();
        let kind = |i: usize| {
            kinds
                .get(tokens[i].tag as usize)
                .copied()
                .unwrap_or(Kind::Other)
        };
        let mut c = Context {
            finite_before: vec![0; n],
            verbs_before: vec![0; n],
            finite_after: vec![0; n],
            verbs_after: vec![0; n],
            opener: vec![NONE; n],
            nominal_since: vec![false; n],
            quotes: vec![0; n],
            brackets: vec![0; n],
            commas: vec![0; n],
            verb_before: vec![0; n],
            verb_after: vec![0; n],
        };
        let (mut fin, mut verbs, mut opener, mut nominal) = (0u8, 0u8, NONE, false);
        let (mut quotes, mut brackets, mut commas, mut verb) = (0u8, 0u8, 0u8, 0u64);
        for i in 0..n {
            c.finite_before[i] = fin;
            c.verbs_before[i] = verbs;
            c.opener[i] = opener;
            c.nominal_since[i] = nominal;
            c.quotes[i] = quotes;
            c.brackets[i] = brackets;
            c.commas[i] = commas;
            c.verb_before[i] = verb;
            match kind(i) {
                Kind::Finite | Kind::Verb => {
                    fin = (fin + (kind(i) == Kind::Finite) as u8).min(2);
                    verbs = (verbs + 1).min(3);
                    verb = tokens[i].tag as u64 + 1;
                    (opener, nominal) = (i as u32, false);
                }
                Kind::Marker | Kind::Comma | Kind::Break | Kind::Conj => {
                    (opener, nominal) = (i as u32, false);
                    commas = (commas + (kind(i) == Kind::Comma) as u8).min(3);
                }
                Kind::Nominal => nominal = true,
                Kind::Quote => quotes = (quotes + 1).min(3),
                Kind::Bracket => brackets = (brackets + 1).min(3),
                _ => {}
            }
        }
        let (mut fin, mut verbs, mut verb) = (0u8, 0u8, 0u64);
        for i in (0..n).rev() {
            c.finite_after[i] = fin;
            c.verbs_after[i] = verbs;
            c.verb_after[i] = verb;
            if matches!(kind(i), Kind::Finite | Kind::Verb) {
                fin = (fin + (kind(i) == Kind::Finite) as u8).min(2);
                verbs = (verbs + 1).min(3);
                verb = tokens[i].tag as u64 + 1;
            }
        }
        c
    }
}

fn features(tokens: &[ParserToken], c: &Context, i: usize, out: &mut Vec<u64>) {
    let n = tokens.len();
    let tag = |j: Option<usize>| {
        j.filter(|&j| j < n)
            .map_or(0xF00D, |j| tokens[j].tag as u64 + 1)
    };
    let word = |j: Option<usize>| {
        j.filter(|&j| j < n)
            .map_or(PAD.norm, |j| tokens[j].word.norm)
    };
    let t = tag(Some(i));
    let (p1, p2) = (i.checked_sub(1), i.checked_sub(2));
    let (n1, n2) = (Some(i + 1), Some(i + 2));
    let opener = (c.opener[i] != NONE).then_some(c.opener[i] as usize);
    let relative = (4 * i / n.max(1)) as u64;
    let from_end = (n - 1 - i).min(4) as u64;
    let sentence_has_finite = (c.finite_before[i] + c.finite_after[i] > 0) as u64;
    out.clear();
    out.extend_from_slice(&[
        feature(0, t),
        feature2(1, word(Some(i)), t),
        feature2(2, t, tag(p1)),
        feature2(3, t, tag(n1)),
        feature3(4, tag(p2), tag(p1), t),
        feature3(5, t, tag(n1), tag(n2)),
        feature2(6, t, word(p1)),
        feature2(7, t, word(n1)),
        feature3(8, t, (i == 0) as u64, relative),
        feature2(9, t, from_end),
        feature3(10, t, c.finite_before[i] as u64, c.verbs_before[i] as u64),
        feature3(11, t, c.finite_after[i] as u64, c.verbs_after[i] as u64),
        feature2(12, t, tag(opener)),
        feature2(13, t, word(opener)),
        feature3(14, t, tag(opener), c.nominal_since[i] as u64),
        feature3(15, t, c.quotes[i] as u64 % 2, c.brackets[i] as u64),
        feature2(16, t, sentence_has_finite),
        feature2(17, t, tag(Some(0))),
        feature2(18, t, c.commas[i] as u64),
        feature2(19, t, c.verb_before[i]),
        feature2(20, t, c.verb_after[i]),
        feature3(21, t, c.verb_before[i], c.nominal_since[i] as u64),
        feature2(22, word(Some(i)), c.finite_before[i] as u64),
        feature3(23, t, tag(p1), c.finite_before[i] as u64),
        feature3(24, t, word(opener), c.nominal_since[i] as u64),
        feature2(25, t, (n as u64).min(40) / 5),
        feature3(26, word(p1), word(Some(i)), t),
        feature3(27, t, tag(opener), c.finite_before[i] as u64),
    ]);
}

impl RootChooser {
    /// The token chosen as the root, if any token can be (not only punctuation, say).
    pub fn choose(&self, tokens: &[ParserToken]) -> Option<usize> {
        choose_with(tokens, &self.kinds, |f, s| self.model.scores(f, s)).map(|(i, _)| i)
    }

    /// The chosen root as the parser takes it.
    pub fn hint(&self, tokens: &[ParserToken]) -> Option<RootHint> {
        choose_with(tokens, &self.kinds, |f, s| self.model.scores(f, s)).map(|(at, margin)| {
            RootHint {
                at,
                hard: self.hard,
                sure: sureness(margin),
            }
        })
    }
}

fn choose_with(
    tokens: &[ParserToken],
    kinds: &[Kind],
    mut scores: impl FnMut(&[u64], &mut Vec<f32>),
) -> Option<(usize, f32)> {
    let c = Context::new(tokens, kinds);
    let (mut feats, mut s) = (Vec::with_capacity(24), Vec::with_capacity(2));
    let mut best: Option<(usize, f32)> = None;
    let mut second = f32::NEG_INFINITY;
    for i in 0..tokens.len() {
        let kind = kinds
            .get(tokens[i].tag as usize)
            .copied()
            .unwrap_or(Kind::Other);
        if !kind.can_be_root() {
            continue;
        }
        features(tokens, &c, i, &mut feats);
        scores(&feats, &mut s);
        let score = s[1] - s[0];
        match best {
            Some((_, b)) if score <= b => second = second.max(score),
            _ => {
                second = best.map_or(second, |(_, b)| b);
                best = Some((i, score));
            }
        }
    }
    // The margin over the runner-up: how sure the chooser is (infinite if it had no choice).
    best.map(|(i, b)| (i, b - second))
}

/// The margin in buckets that double: 0 below 1, then 1..=5.
fn sureness(margin: f32) -> u8 {
    let mut bucket = 0;
    let mut edge = 1.0;
    while margin >= edge && bucket < 5 {
        bucket += 1;
        edge *= 2.0;
    }
    bucket
}

/// Trains the chooser on sentences with their gold root (`None`: none, skipped), shuffled
/// with `seed`; `kinds` per tag class.
pub fn train(
    examples: &[(Vec<ParserToken>, Option<usize>)],
    kinds: Vec<Kind>,
    epochs: usize,
    seed: u64,
    hard: bool,
) -> RootChooser {
    let mut trainer = Trainer::new(2);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix64::new(seed);
    let (mut gold_feats, mut guess_feats) = (Vec::new(), Vec::new());
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let (tokens, gold) = &examples[e];
            // A gold root the chooser never scores (punctuation, say) teaches nothing.
            let Some(gold) = gold.filter(|&g| {
                kinds
                    .get(tokens[g].tag as usize)
                    .is_some_and(|k| k.can_be_root())
            }) else {
                continue;
            };
            let guess = choose_with(tokens, &kinds, |f, s| trainer.scores(f, s)).map(|(i, _)| i);
            let c = Context::new(tokens, &kinds);
            features(tokens, &c, gold, &mut gold_feats);
            match guess {
                Some(g) if g != gold => {
                    features(tokens, &c, g, &mut guess_feats);
                    trainer.update(&gold_feats, 1, 0);
                    trainer.update(&guess_feats, 0, 1);
                }
                _ => trainer.update(&gold_feats, 1, 1),
            }
        }
    }
    RootChooser {
        model: trainer.finish(0.0),
        kinds,
        hard,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::words::{hashes, TokenInput};
    use crate::text::tokens::TokenKind;

    // Tag classes of the hand-made sentences below.
    const CLASSES: [(&str, &str); 6] = [
        ("PRON", "PRP"),
        ("VERB", "VBD"),
        ("SCONJ", "IN"),
        ("NOUN", "NN"),
        ("PUNCT", "."),
        ("DET", "DT"),
    ];

    fn sentence(words: &[(&str, u16)]) -> Vec<ParserToken> {
        words
            .iter()
            .map(|&(form, tag)| ParserToken {
                word: hashes(TokenInput {
                    form,
                    kind: TokenKind::Word,
                }),
                tag,
            })
            .collect()
    }

    fn kinds() -> Vec<Kind> {
        CLASSES.iter().map(|(u, p)| Kind::of(u, p)).collect()
    }

    #[test]
    fn the_chooser_learns_the_main_verb_and_skips_punctuation() {
        // "she said that he left ." (root: said) and "he left because she said ." (left).
        let a = sentence(&[
            ("she", 0),
            ("said", 1),
            ("that", 2),
            ("he", 0),
            ("left", 1),
            (".", 4),
        ]);
        let b = sentence(&[
            ("he", 0),
            ("left", 1),
            ("because", 2),
            ("she", 0),
            ("said", 1),
            (".", 4),
        ]);
        let examples = vec![(a.clone(), Some(1)), (b.clone(), Some(1))];
        let chooser = train(&examples, kinds(), 10, 1, true);
        assert_eq!(chooser.choose(&a), Some(1));
        assert_eq!(chooser.choose(&b), Some(1));
        let hint = chooser.hint(&a).expect("a verb to choose");
        assert!(hint.hard && hint.at == 1);
        // Nothing to choose among punctuation and determiners: no hint.
        assert_eq!(chooser.choose(&sentence(&[("the", 5), (".", 4)])), None);
        assert_eq!(chooser.choose(&[]), None);
        // Tags the chooser has no kind for are read as "other", never out of bounds.
        let odd = sentence(&[("x", 40), ("y", 41)]);
        assert!(chooser.choose(&odd).is_some());
    }

    #[test]
    fn sureness_buckets_double() {
        let buckets: Vec<u8> = [0.0, 0.5, 1.0, 3.0, 7.9, 8.0, 100.0, f32::INFINITY]
            .iter()
            .map(|&m| sureness(m))
            .collect();
        assert_eq!(buckets, [0, 0, 1, 2, 3, 4, 5, 5]);
    }
}
