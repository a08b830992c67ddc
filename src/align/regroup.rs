//! A word in several paraphrase groups, matched by either. `abandon` leaves a place
//! (`=flee`: `fled the city`) or gives something up (`=abandon`: `give up its arsenal`);
//! `release` frees prisoners or publishes documents. A view keys such a word by the first
//! group that lists it (`normalize::terms`); when the other claim of a pair says a later
//! group of the word and not the first, the word is keyed by that group for this pair
//! (its terms, frames, fillers and event classes), so that either sense can match.

use std::borrow::Cow;
use std::collections::HashSet;

use super::lexicon::{group_key, stems_of, AlignLexicon};
use super::represent::ClaimView;
use crate::syntax::hashing::WordSet;

/// Every term key a view says: its terms', its clauses', its frames' predicates and
/// fillers' heads. (Only looked up, never iterated: the word hasher, not SipHash.)
fn keys_of(v: &ClaimView) -> WordSet<&str> {
    let mut keys: WordSet<&str> = WordSet::default();
    for w in std::iter::once(v).chain(&v.clauses) {
        keys.extend(w.terms.iter().map(|t| t.key.as_str()));
        for f in &w.frames {
            keys.insert(f.key.as_str());
            keys.extend(f.roles.iter().flatten().map(|x| x.key.as_str()));
        }
    }
    keys
}

/// The key `surface` (a phrase keyed `key`) takes against a claim saying `other`: a later
/// group of the phrase that `other` says, when it does not say `key`.
fn rekey(surface: &str, key: &str, other: &WordSet<&str>, lex: &AlignLexicon) -> Option<String> {
    if !key.starts_with('=') || other.contains(key) {
        return None;
    }
    let later = lex.also.get(&stems_of(surface))?;
    (later.iter())
        .map(|&g| group_key(&lex.group_names[g as usize]))
        .find(|k| other.contains(k.as_str()))
}

/// The event class a key gives (`events.txt`).
fn event_of(key: &str, lex: &AlignLexicon) -> Option<u16> {
    lex.events.get(key).copied()
}

/// `v` with its words of several groups keyed against `other`'s keys; `None` if none moves.
fn regroup_view(v: &ClaimView, other: &WordSet<&str>, lex: &AlignLexicon) -> Option<ClaimView> {
    let moved: Vec<(String, String, String)> = (v.terms.iter())
        .filter_map(|t| {
            Some((
                t.surface.clone(),
                t.key.clone(),
                rekey(&t.surface, &t.key, other, lex)?,
            ))
        })
        .collect();
    let clauses: Vec<Option<ClaimView>> = v
        .clauses
        .iter()
        .map(|c| regroup_view(c, other, lex))
        .collect();
    if moved.is_empty() && clauses.iter().all(Option::is_none) {
        return None;
    }
    let mut out = v.clone();
    for (c, new) in out.clauses.iter_mut().zip(clauses) {
        if let Some(new) = new {
            *c = new;
        }
    }
    if moved.is_empty() {
        return Some(out);
    }
    // The new key of a word (a term's surface, a frame's predicate, a filler's head) that
    // was keyed `key`: a frame's predicate and a filler's head move with their term.
    let new_key = |word: &str, key: &str| {
        (moved.iter())
            .find(|(s, k, _)| k == key && stems_of(s) == stems_of(word))
            .map(|(_, _, n)| n.clone())
    };
    for t in &mut out.terms {
        if let Some(n) = new_key(&t.surface, &t.key) {
            t.key = n;
        }
    }
    // One term a key, the highest weight kept, sorted by key (as `represent::build`).
    out.terms
        .sort_by(|x, y| x.key.cmp(&y.key).then(y.idf.total_cmp(&x.idf)));
    out.terms.dedup_by(|x, y| x.key == y.key);
    for f in &mut out.frames {
        if let Some(n) = new_key(&f.predicate, &f.key) {
            f.event = event_of(&n, lex);
            f.key = n;
        }
        for x in f.roles.iter_mut().flatten() {
            let head = x
                .text
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .to_lowercase();
            if let Some(n) = new_key(&head, &x.key) {
                x.key = n;
            }
        }
    }
    // The event classes follow the terms' keys: a class no term gives any longer goes.
    let given: HashSet<u16> = (out.terms.iter())
        .filter_map(|t| event_of(&t.key, lex))
        .collect();
    let dropped: HashSet<u16> = (moved.iter())
        .filter_map(|(_, old, _)| event_of(old, lex))
        .filter(|e| !given.contains(e))
        .collect();
    out.events.retain(|e| !dropped.contains(e));
    out.events
        .extend(moved.iter().filter_map(|(_, _, n)| event_of(n, lex)));
    out.events.sort_unstable();
    out.events.dedup();
    Some(out.with_hashed_terms())
}

/// Whether `v` (or a clause of it) has a term keyed by the first group of a word of several.
/// Group keys (`=…`) sort before words (`>` follows `=`): only the first few terms are read.
pub fn has_ambiguous(v: &ClaimView, lex: &AlignLexicon) -> bool {
    std::iter::once(v).chain(&v.clauses).any(|w| {
        (w.terms.iter())
            .take_while(|t| t.key.as_str() < ">")
            .any(|t| lex.ambiguous.contains(&t.key))
    })
}

/// `a` and `b` with each word of several groups keyed by the group the other side says
/// (borrowed unchanged when no word moves: most pairs).
pub fn regrouped<'v>(
    a: &'v ClaimView,
    b: &'v ClaimView,
    lex: &AlignLexicon,
) -> (Cow<'v, ClaimView>, Cow<'v, ClaimView>) {
    regrouped_known(a, b, has_ambiguous(a, lex), has_ambiguous(b, lex), lex)
}

/// `regrouped`, told `has_ambiguous` of each side (a property of a view alone: alignment
/// works it out once a claim, not once a pair).
pub fn regrouped_known<'v>(
    a: &'v ClaimView,
    b: &'v ClaimView,
    ambiguous_a: bool,
    ambiguous_b: bool,
    lex: &AlignLexicon,
) -> (Cow<'v, ClaimView>, Cow<'v, ClaimView>) {
    if !ambiguous_a && !ambiguous_b {
        return (Cow::Borrowed(a), Cow::Borrowed(b));
    }
    let (ka, kb) = (keys_of(a), keys_of(b));
    let new_a = regroup_view(a, &kb, lex);
    let new_b = regroup_view(b, &ka, lex);
    (
        new_a.map_or(Cow::Borrowed(a), Cow::Owned),
        new_b.map_or(Cow::Borrowed(b), Cow::Owned),
    )
}
