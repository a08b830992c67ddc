//! Agreement the word-overlap rules of `relation` miss (issue 10, linking recall): a claim
//! whose core frame is what a shorter claim elsewhere states, and two near-identical claims
//! whose only content word is their predicate. Each rule here only ever turns a pair the
//! rules left `related` into `agree`, and only on evidence the frames give.

use super::frames::{self, FrameMatch, FrameView, Role};
use super::represent::ClaimView;

/// Participants (agent, patient, recipient) two core frames must share, besides their
/// predicate, to be one proposition however much else either claim says: `Russia (agent) ·
/// loot · homes (patient)`. One participant and a predicate (`Trump · meet`) is a topic.
const CORE_PARTICIPANTS: usize = 2;

/// Share of each side's content the other states above which two claims are copies of one
/// sentence, whatever their words: `It should have never been made` in two outlets.
const COPY: f64 = 0.9;

const PARTICIPANTS: [Role; 3] = [Role::Agent, Role::Patient, Role::Recipient];

/// How many participants a frame match shares (agent, patient, recipient).
fn participants(m: &FrameMatch) -> usize {
    let names = PARTICIPANTS.map(Role::name);
    m.shared
        .iter()
        .filter(|(_, role)| names.contains(role))
        .count()
}

/// Whether a frame match makes two core frames one proposition: `CORE_PARTICIPANTS`
/// participants shared; or one, named (an entity, not a description), when it is the only
/// participant role both frames fill (`Pompeo made the secret visit to North Korea` /
/// `Pompeo made the trip`; not `Trump welcomed Macron` / `Trump welcomed the announcement`,
/// whose patients are not known to be one).
fn one_proposition(m: &FrameMatch, x: &FrameView, y: &FrameView) -> bool {
    if !m.compatible || m.polarity_clash || m.modality_clash {
        return false;
    }
    let shared = participants(m);
    if shared >= CORE_PARTICIPANTS {
        return true;
    }
    let both_fill = PARTICIPANTS
        .iter()
        .filter(|&&r| x.role(r).is_some() && y.role(r).is_some())
        .count();
    let named = PARTICIPANTS.iter().any(|&r| {
        matches!((x.role(r), y.role(r)), (Some(p), Some(q))
            if p.entity.is_some() && p.entity == q.entity)
    });
    shared == 1 && both_fill == 1 && named && !x.symmetric
}

/// The match of the two claims' core frames when it makes them one proposition: the same
/// content predicate (a paraphrase or event class counts), no participant differing or
/// swapped, the same polarity and modality, and participants shared (`one_proposition`).
/// `Kim is scheduled to meet Moon at a summit in the DMZ next Friday` and `Kim will meet
/// Moon on Friday` state one meeting though most of the first is unshared.
pub fn same_core(a: &ClaimView, b: &ClaimView) -> Option<FrameMatch> {
    if !(a.parsed && b.parsed) || a.negative != b.negative {
        return None;
    }
    let content = |f: &&FrameView| f.core && !f.key.is_empty();
    for x in a.frames.iter().filter(content) {
        for y in b.frames.iter().filter(content) {
            if let Some(m) = frames::compare(x, y).filter(|m| one_proposition(m, x, y)) {
                return Some(m);
            }
        }
    }
    None
}

/// Two claims that state each other almost whole (`covers`: the share of each the other
/// states) are one statement even when their only shared content is a predicate and a
/// pronoun: the `MIN_SHARED_PREDICATE` rule guards against claims sharing names, which
/// copies do by being copies.
pub fn copies(cover_a: f64, cover_b: f64) -> bool {
    cover_a.min(cover_b) >= COPY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_need_both_sides_nearly_whole() {
        assert!(copies(1.0, 0.95));
        assert!(!copies(1.0, 0.6));
    }
}
