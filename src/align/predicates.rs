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

/// The main predicates of two parsed claims that share no predicate, when neither states
/// the other's: `(a's, b's)` lemmas. `None` when a frame of one matches a frame of the other,
/// when either has no content predicate (a light verb, a fragment), when either states the
/// other's predicate among its words (`the seven men, who freed …` / `All the hostages were
/// freed …`: the parse chose another head, the words still say it), or when the two main
/// frames have the same participants (`one_doer_one_done`). A predicate said with a copula
/// is the exception: naming it is not stating it (`Zaire is home to 1.1 million refugees`
/// names the refugees that `Repatriation of 1.1 million refugees could start` speaks of, but
/// the second says nothing of where they live, nor the first of a start).
pub fn unshared(a: &ClaimView, b: &ClaimView) -> Option<(String, String)> {
    if !(a.parsed && b.parsed) || a.verbless || b.verbless {
        return None;
    }
    if (a.frames.iter()).any(|x| (b.frames.iter()).any(|y| compare(x, y).is_some())) {
        return None;
    }
    let (x, y) = (main(a)?, main(b)?);
    // One side naming the other's predicate holds the rule back (the parse chose other
    // heads, the words still say it), unless that predicate is a description said with a
    // copula: the other side names the noun, not the description (`Zaire is home to 1.1
    // million refugees` / `Repatriation of 1.1 million refugees could start`).
    let named = |stated: bool, f: &FrameView| stated && !f.copular;
    let (b_states_x, a_states_y) = (states(b, &x.key), states(a, &y.key));
    let held = (b_states_x && a_states_y) || named(b_states_x, x) || named(a_states_y, y);
    if held || one_doer_one_done(x, y) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::normalize::Term;

    /// A parsed claim whose main frame is `predicate` (copular or not) and whose words are
    /// `words` (term keys).
    fn claim(predicate: &str, copular: bool, words: &[&str]) -> ClaimView {
        let mut terms: Vec<Term> = (words.iter())
            .map(|w| Term {
                key: w.to_string(),
                surface: w.to_string(),
                idf: 1.0,
            })
            .collect();
        terms.sort_by(|x, y| x.key.cmp(&y.key));
        ClaimView {
            parsed: true,
            frames: vec![FrameView {
                predicate: predicate.to_owned(),
                key: predicate.to_owned(),
                core: true,
                copular,
                ..FrameView::default()
            }],
            terms,
            ..ClaimView::default()
        }
    }

    /// `Zaire is home to refugees` / `Repatriation of refugees could start`: the second names
    /// the first's copular predicate, and says something else of it.
    #[test]
    fn naming_a_copular_predicate_is_not_stating_it() {
        let home = claim("refugee", true, &["refugee", "zaire"]);
        let start = claim("start", false, &["refugee", "repatriation", "start"]);
        assert_eq!(
            unshared(&home, &start),
            Some(("refugee".into(), "start".into()))
        );
        assert!(unshared(&start, &home).is_some());
    }

    /// One claim stating the other's verbal predicate holds the rule back (`… welcomed
    /// Russia's help` / `Rather than report Russia's plans to interfere, … welcomed Russia's
    /// help`: another head for the same words), as does each stating the other's.
    #[test]
    fn a_verbal_predicate_stated_by_one_side_holds_the_rule_back() {
        let welcomed = claim("welcome", false, &["help", "welcome"]);
        let interfere = claim("interfere", false, &["help", "interfere", "welcome"]);
        assert_eq!(unshared(&welcomed, &interfere), None);
        assert_eq!(unshared(&interfere, &welcomed), None);
        let home = claim("refugee", true, &["refugee", "start"]);
        let start = claim("start", false, &["refugee", "start"]);
        assert_eq!(unshared(&home, &start), None);
    }
}
