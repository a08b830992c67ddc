//! Ties claims to the entity stage's output: the mentions each proposition contains and
//! the mention that names its speaker.

use super::{Claim, Span};

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

/// `mentions` are `(start, end)` byte spans, sorted by start.
pub fn link(claims: Vec<Claim>, mentions: &[(u32, u32)]) -> Vec<LinkedClaim> {
    claims
        .into_iter()
        .map(|claim| {
            let from = mentions.partition_point(|&(s, _)| s < claim.span.start);
            let contained = mentions[from..]
                .iter()
                .enumerate()
                .take_while(|(_, &(s, _))| s < claim.span.end)
                .filter(|(_, &(s, e))| inside(claim.span, s, e))
                .map(|(k, _)| (from + k) as u32)
                .collect();
            let speaker_mention = claim.speaker.and_then(|sp| {
                mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, &(s, e))| inside(sp, s, e))
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
