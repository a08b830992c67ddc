//! How the names the model found enter the competition with the lexicons and the rules
//! (`candidate::select` keeps the best non-overlapping candidates).
//!
//! The model is best at finding where names are in text nobody wrote rules for; the lexicon
//! knows the OntoNotes label of the names it lists (`Kremlin` is an ORG, where CoNLL says
//! LOC); the strong context rules (`President X`, `Ministry of X`) are rarely wrong. So:
//! * a name the lexicon knows with the same kind is left to the lexicon;
//! * a sure name (every token's tag won by `SURE_MARGIN`) outranks the lexicon where it says
//!   the lexicon's place or group is part of a person or organisation (`Manchester United`,
//!   `Dynamo Moscow`, the team `NEW YORK`), never where it would swallow a known person or
//!   organisation;
//! * other sure names outrank the weak rules (reporting verbs, surnames, guesses) but not the
//!   lexicon or the strong rules; unsure ones only fill gaps; the least sure are dropped;
//! * a name that is not a person but holds one the rules found (`the Government of Volodímir
//!   Zelenski`, `the Government of Putin` after `Vladimir Putin`) is dropped.
//!
//! The thresholds were set on eng.testa (dev) and the sample corpus's gold together (see
//! README, "Names").
//!
//! Before that, a name is trimmed to start at a capitalised word (`pro-Russian` names the
//! Russians) and dropped if it ends in a lower-case word (`the Army of the invaded country`).

use std::collections::HashMap;

use crate::syntax::hashing::WordSet;

use crate::entities::candidate::{priority, Candidate, Source};
use crate::entities::features::{Features, Shape};
use crate::entities::gazetteer::Match;
use crate::entities::label::Label;
use crate::entities::lexicon::{class, Lexicon};
use crate::text::tokens::TokenKind;

use super::eval::kind_of;
use super::labels::label_of;
use super::tags::TokenSpan;
use super::Found;

/// The smallest token margin (a difference of averaged perceptron scores) at which a name
/// counts as sure: on eng.testa, ~80% of the model's names, ~95% of them right.
pub const SURE_MARGIN: f32 = 20.0;

/// Below this margin a name is dropped: on eng.testa, under half of those are right.
pub const DROP_MARGIN: f32 = 10.0;

/// A one-word name opening a sentence, written nowhere else in the document and unsupported
/// by any rule (`Billboards around the city …`), needs this margin: a capital says nothing
/// there. (On eng.testa this drops some 20 names, three in four of them right: the price of
/// not taking ordinary words for names in news the lexicons do not cover.)
pub const LONE_OPENING_MARGIN: f32 = 30.0;

/// What the rest of the document says, for every name the model found in it.
pub struct Context<'a> {
    f: &'a Features<'a>,
    lexicon: &'a Lexicon,
    matches: &'a [Match],
    /// The last words of the people the rules name in full.
    surnames: WordSet<&'a str>,
    /// Per token: does a rule's candidate cover it.
    covered: Vec<bool>,
    /// Where each person the rules found begins, by the token after it.
    people_ending_at: HashMap<usize, Vec<usize>>,
    /// How often each capitalised word occurs.
    capitalised: HashMap<&'a str, u32>,
}

impl<'a> Context<'a> {
    pub fn new(
        f: &'a Features<'a>,
        lexicon: &'a Lexicon,
        matches: &'a [Match],
        rules: &'a [Candidate],
    ) -> Context<'a> {
        Context {
            f,
            lexicon,
            matches,
            surnames: person_surnames(f, rules),
            covered: covered_tokens(f.len(), rules),
            people_ending_at: people_ending_at(rules),
            capitalised: capitalised_counts(f),
        }
    }

    /// The candidate for one name, or None when the model leaves it to the other sources.
    pub fn candidate(&self, found: Found) -> Option<Candidate> {
        if found.margin < DROP_MARGIN {
            return None;
        }
        let span = trim(found.span, self.f)?;
        let label = label_of(span, self.f)?;
        if label != Label::Person && self.holds_person(span) {
            return None;
        }
        if found.margin < LONE_OPENING_MARGIN && self.lone_opening(span) {
            return None;
        }
        let sure = found.margin >= SURE_MARGIN;
        // The lexicon's matches run left to right without overlapping: those over the span
        // follow the last one that ends before it. (Each name a lookup: linear in the text.)
        let from = self.matches.partition_point(|m| m.end <= span.first);
        let overlapping: Vec<(&Match, Label)> = self.matches[from..]
            .iter()
            .take_while(|m| m.first < span.end)
            .map(|m| (m, self.lexicon.entries[m.entry as usize].label))
            .collect();
        let part_of_name =
            |l: Label| matches!(l, Label::Gpe | Label::Loc | Label::Fac | Label::Norp);
        let person_or_org = matches!(label, Label::Org | Label::Person);
        let p = match overlapping.as_slice() {
            [] if sure => priority::MODEL_SURE,
            [] => priority::MODEL,
            [(m, known)] if m.first == span.first && m.end == span.end => {
                if kind_of(*known) == Some(span.kind)
                    || !(sure && person_or_org && part_of_name(*known))
                {
                    return None;
                }
                priority::MODEL_OVER_LEXICON
            }
            inside
                if sure
                    && person_or_org
                    && inside.iter().all(|(m, l)| {
                        span.first <= m.first && m.end <= span.end && part_of_name(*l)
                    }) =>
            {
                priority::MODEL_OVER_LEXICON
            }
            _ => priority::MODEL,
        };
        Some(Candidate::new(
            span.first,
            span.end,
            label,
            Source::Model,
            p,
        ))
    }

    fn lone_opening(&self, span: TokenSpan) -> bool {
        let k = span.first;
        span.end == k + 1
            && self.f.tokens[k].sentence_start
            && self.capitalised.get(self.f.folded(k)) == Some(&1)
            && !self.covered[k]
    }

    /// `the Government of Volodímir Zelenski`: the name ends in `of` and a person the rules
    /// found, or the surname of one. (Persons inside other names are mostly the rules'
    /// guesses at two capitalised words, `Crystal Palace`, and no reason to doubt the model.)
    fn holds_person(&self, span: TokenSpan) -> bool {
        let after_of = |k: usize| k > span.first + 1 && self.f.folded(k - 1) == "of";
        let people = self
            .people_ending_at
            .get(&span.end)
            .map_or(&[][..], Vec::as_slice);
        people
            .iter()
            .any(|&first| first > span.first && after_of(first))
            || {
                let last = span.end - 1;
                after_of(last)
                    && self.f.tokens[last].shape == Shape::Capitalised
                    && self.surnames.contains(self.f.folded(last))
            }
    }
}

fn covered_tokens(n: usize, rules: &[Candidate]) -> Vec<bool> {
    let mut covered = vec![false; n];
    for c in rules.iter().filter(|c| c.end <= n) {
        covered[c.first..c.end].iter_mut().for_each(|t| *t = true);
    }
    covered
}

fn people_ending_at(rules: &[Candidate]) -> HashMap<usize, Vec<usize>> {
    let mut people: HashMap<usize, Vec<usize>> = HashMap::new();
    for c in rules.iter().filter(|c| c.label == Label::Person) {
        people.entry(c.end).or_default().push(c.first);
    }
    people
}

fn capitalised_counts<'a>(f: &'a Features) -> HashMap<&'a str, u32> {
    let mut counts = HashMap::new();
    for k in (0..f.len()).filter(|&k| f.tokens[k].shape == Shape::Capitalised) {
        *counts.entry(f.folded(k)).or_default() += 1;
    }
    counts
}

/// The last words of the people `rules` name in full (`Putin` after `Vladimir Putin`).
/// (Only looked up, never iterated: the word hasher, not SipHash.)
pub fn person_surnames<'a>(f: &'a Features, rules: &[Candidate]) -> WordSet<&'a str> {
    rules
        .iter()
        .filter(|c| c.label == Label::Person && c.end - c.first >= 2 && c.end <= f.len())
        .map(|c| f.folded(c.end - 1))
        .collect()
}

fn is_lower_word(f: &Features, i: usize) -> bool {
    f.tokens[i].kind == TokenKind::Word && f.tokens[i].shape == Shape::Lower
}

fn trim(mut span: TokenSpan, f: &Features) -> Option<TokenSpan> {
    while span.end - span.first > 2 && is_lower_word(f, span.first) && f.is(span.first + 1, "-") {
        span.first += 2;
    }
    // `Whatever Trump says`: a word capitalised only because it opens a sentence or a
    // quotation, and never a name's, opens none (an initial, `A. Stewart`, is a name's).
    let opens_quotation =
        |k: usize| k > 0 && f.tokens[k - 1].kind == TokenKind::Quote && !f.tokens[k].space_before;
    let initial = |k: usize| f.text_of(k).trim_end_matches('.').chars().count() == 1;
    while span.end - span.first > 1
        && (f.tokens[span.first].sentence_start || opens_quotation(span.first))
        && f.has(span.first, class::NOT_NAME)
        && !initial(span.first)
    {
        span.first += 1;
    }
    (!is_lower_word(f, span.end - 1)).then_some(span)
}
