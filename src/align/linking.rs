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

/// Whether a participant the match shares names someone (an entity, or a phrase holding a
/// name) on `x`'s side. Common nouns alone (`The spokesman declined further comment` /
/// `The alliance's spokesman declined all comment`) name kinds of things: a stock deed said
/// of every event, two propositions however many roles they fill alike.
fn names_a_participant(m: &FrameMatch, x: &FrameView) -> bool {
    PARTICIPANTS.iter().any(|&r| {
        m.shared.iter().any(|(_, role)| *role == r.name())
            && x.role(r)
                .is_some_and(|p| p.entity.is_some() || !p.names.is_empty())
    })
}

/// How strongly a frame match makes two core frames one proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Core {
    /// `CORE_PARTICIPANTS` participants shared: one proposition whatever else is said.
    Participants,
    /// One participant, named (an entity, not a description), the only participant role
    /// both frames fill (`Pompeo made the secret visit to North Korea` / `Pompeo made the
    /// trip`; not `Trump welcomed Macron` / `Trump welcomed the announcement`, whose
    /// patients are not known to be one): thin evidence, enough only where the scorer
    /// finds the two claims paraphrases and the coverage rules alone held them apart.
    Named,
}

fn one_proposition(m: &FrameMatch, x: &FrameView, y: &FrameView) -> Option<Core> {
    if !m.compatible || m.polarity_clash || m.modality_clash {
        return None;
    }
    let shared = participants(m);
    if shared >= CORE_PARTICIPANTS && names_a_participant(m, x) {
        return Some(Core::Participants);
    }
    let both_fill = PARTICIPANTS
        .iter()
        .filter(|&&r| x.role(r).is_some() && y.role(r).is_some())
        .count();
    let named = PARTICIPANTS.iter().any(|&r| {
        matches!((x.role(r), y.role(r)), (Some(p), Some(q))
            if p.entity.is_some() && p.entity == q.entity)
    });
    (shared == 1 && both_fill == 1 && named && !x.symmetric).then_some(Core::Named)
}

/// The match of the two claims' core frames when it makes them one proposition, and how
/// strongly: the same content predicate (a paraphrase or event class counts), no
/// participant differing or swapped, the same polarity and modality, and participants
/// shared (`Core`): `Trump is expected to meet with Kim in May` / `Kim is planning to meet
/// with Trump`, but not `Kim is scheduled to meet Moon` (another participant).
pub fn same_core(a: &ClaimView, b: &ClaimView) -> Option<(FrameMatch, Core)> {
    if !(a.parsed && b.parsed) || a.negative != b.negative {
        return None;
    }
    let content = |f: &&FrameView| f.core && !f.key.is_empty();
    let mut found = None;
    for x in a.frames.iter().filter(content) {
        for y in b.frames.iter().filter(content) {
            let Some(m) = frames::compare(x, y) else {
                continue;
            };
            match one_proposition(&m, x, y) {
                Some(Core::Participants) => return Some((m, Core::Participants)),
                Some(Core::Named) if found.is_none() => found = Some((m, Core::Named)),
                _ => {}
            }
        }
    }
    found
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
    use super::super::frames::tests::filler;
    use super::super::frames::Filler;
    use super::*;

    /// A core frame: what a claim states.
    fn frame(predicate: &str, agent: Option<Filler>, patient: Option<Filler>) -> FrameView {
        let plain = super::super::frames::tests::frame(predicate, agent, patient);
        FrameView {
            core: true,
            ..plain
        }
    }

    fn core(x: &FrameView, y: &FrameView) -> Option<Core> {
        one_proposition(&frames::compare(x, y)?, x, y)
    }

    #[test]
    fn two_shared_participants_make_one_proposition() {
        let russia = || filler("Russia", Some("GPE:russia"));
        let a = frame("loot", russia(), filler("homes", None));
        let b = frame("loot", russia(), filler("homes", None));
        assert_eq!(core(&a, &b), Some(Core::Participants));
        // Different patients, or the other side negating it: no.
        let c = frame("loot", russia(), filler("Kherson", Some("GPE:kherson")));
        let d = frame("loot", russia(), filler("Mariupol", Some("GPE:mariupol")));
        assert_eq!(core(&c, &d), None);
        let not = FrameView {
            negative: true,
            ..b.clone()
        };
        assert_eq!(core(&a, &not), None);
    }

    #[test]
    fn one_named_participant_is_thin_evidence_and_a_description_none() {
        let pompeo = || filler("Pompeo", Some("PERSON:pompeo"));
        let visit = frame("visit", pompeo(), None);
        let trip = frame("visit", pompeo(), None);
        assert_eq!(core(&visit, &trip), Some(Core::Named));
        // `Trump welcomed Macron` / `Trump welcomed the announcement`: two patients not
        // known to be one.
        let trump = || filler("Trump", Some("PERSON:trump"));
        let macron = frame("welcome", trump(), filler("Macron", Some("PERSON:macron")));
        let news = frame("welcome", trump(), filler("the announcement", None));
        assert_eq!(core(&macron, &news), None);
        // A description is no name: `the director made a visit` / `the director made a trip`.
        let director = || filler("the director", None);
        assert_eq!(
            core(
                &frame("visit", director(), None),
                &frame("visit", director(), None)
            ),
            None
        );
    }

    #[test]
    fn copies_need_both_sides_nearly_whole() {
        assert!(copies(1.0, 0.95));
        assert!(!copies(1.0, 0.6));
    }
}
