//! Ties claims to the entity stage's output: the mentions each proposition contains (names,
//! figures and dates alike) and the mention that names its speaker.

use super::{Claim, Span};
use crate::entities::tagger::Mention;

/// A claim with the entity mentions it involves (indices into the document's mentions).
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedClaim {
    pub claim: Claim,
    /// Mentions inside the proposition, in text order.
    pub mentions: Vec<u32>,
    /// The mention that names the speaker: the last one inside the speaker span (the head of
    /// `White House press secretary Karine Jean-Pierre`).
    pub speaker_mention: Option<u32>,
}

fn inside(outer: Span, start: u32, end: u32) -> bool {
    outer.start <= start && end <= outer.end
}

/// `mentions` are one document's, sorted by start.
pub fn link(claims: Vec<Claim>, mentions: &[Mention]) -> Vec<LinkedClaim> {
    claims
        .into_iter()
        .map(|claim| {
            let from = mentions.partition_point(|m| m.start < claim.span.start);
            let contained = mentions[from..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.start < claim.span.end)
                .filter(|(_, m)| inside(claim.span, m.start, m.end))
                .map(|(k, _)| (from + k) as u32)
                .collect();
            // `two Ukrainian officials`: the speaker is named by `Ukrainian`, never a figure.
            let speaker_mention = claim.speaker.and_then(|sp| {
                mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.label.is_name() && inside(sp, m.start, m.end))
                    .map(|(k, _)| k as u32)
                    .next_back()
            });
            LinkedClaim {
                claim,
                mentions: contained,
                speaker_mention,
            }
        })
        .collect()
}
