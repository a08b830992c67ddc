//! Two claims that share no predicate: whether each says something the other does not.
//!
//! Word overlap lets two claims agree without a frame in common, and most such pairs are
//! one statement carried in near-identical words or a verbless fragment of one. But two
//! sentences of a news wire about one match, one refugee crisis or one visit share the
//! names and circumstances (`Austria`, `Scotland`, `World Cup group four qualifier`,
//! `Saturday`) and differ only in what they say happened (`dominated` / `drew`, `scored
//! 263-7` / `decided to bat`, `backed a peace plan` / `had spoken to her`). The predicate is
//! the proposition: when each claim's main predicate is a content word that the other claim
//! neither matches with a frame nor states in any form, the two say different things of
//! one topic.

use super::frames::{compare, FrameView};
use super::represent::ClaimView;

/// The main predicates of two parsed claims that share no predicate, when one of them does
/// not state the other's: `(a's, b's)` lemmas. `None` when a frame of one matches a frame of
/// the other, when either has no content predicate (a light verb, a fragment), when each
/// states the other's predicate among its words (the parse chose other heads, the words
/// still say it), or when the two main frames have the same participants
/// (`one_doer_one_done`). One side stating the other's predicate is not enough: `Zaire is
/// home to 1.1 million refugees` names the refugees that `Repatriation of 1.1 million
/// refugees could start` speaks of, but says nothing of a start.
pub fn unshared(a: &ClaimView, b: &ClaimView) -> Option<(String, String)> {
    if !(a.parsed && b.parsed) || a.verbless || b.verbless {
        return None;
    }
    if (a.frames.iter()).any(|x| (b.frames.iter()).any(|y| compare(x, y).is_some())) {
        return None;
    }
    let (x, y) = (main(a)?, main(b)?);
    if states(b, &x.key) && states(a, &y.key) || one_doer_one_done(x, y) {
        return None;
    }
    Some((x.predicate.clone(), y.predicate.clone()))
}

/// Whether two frames have one agent and one patient (by entity or head word, as frames
/// are matched): then two predicates may be two words for one deed (`The case was
/// organized by Protect Democracy` / `case was brought by Protect Democracy`), which no
/// word list holds. One participant in common is not enough (`Austria dominated their
/// qualifier` / `Austria and Scotland drew 0-0`).
fn one_doer_one_done(x: &FrameView, y: &FrameView) -> bool {
    let as_one = FrameView {
        predicate: x.predicate.clone(),
        key: x.key.clone(),
        event: x.event,
        ..y.clone()
    };
    compare(x, &as_one).is_some_and(|m| {
        m.compatible
            && ["agent", "patient"]
                .iter()
                .all(|r| (m.shared.iter()).any(|(_, role)| role == r))
    })
}

/// A claim's main frame, when its predicate is a content word (light verbs have no key).
fn main(v: &ClaimView) -> Option<&FrameView> {
    v.frames.first().filter(|f| f.core && !f.key.is_empty())
}

/// Whether `v` has the term `key` among its words.
fn states(v: &ClaimView, key: &str) -> bool {
    (v.terms.binary_search_by(|t| t.key.as_str().cmp(key))).is_ok()
}
