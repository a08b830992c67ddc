//! Copies: one claim carried in the same words by many articles (wire copy republished by
//! many outlets, a sentence an article repeats).
//!
//! Claims are copies of one another when their views match on everything the aligner
//! compares but the document they sit in and what dates resolve to: the stems of their
//! words in order (so case, punctuation and inflection aside), their entities, figures,
//! periods, speaker and polarity. (`on Tuesday` in wire copy republished a day later
//! resolves to another day, or to none: still a copy, and the judge, which reads the dates,
//! decides.) The first of them in corpus order is the representative. A copy is kept as
//! one only if the representative and it are judged to agree (and are not one statement);
//! otherwise it is a claim of its own.
//!
//! What that gives (see `align`): n copies cost n - 1 judgements, not n(n - 1)/2; the pairs
//! table lists each copy once, paired with its representative (an agreement with its own
//! score and reason); candidate pairs are sought among representatives only, and a pair of
//! representatives stands for all their copies (listed once, not once per copy); every copy
//! is in its representative's group, so groups() and coverage() show who carries the claim.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::represent::ClaimView;

/// What a claim's view says, hashed: equal for copies.
pub(super) fn signature(v: &ClaimView) -> u64 {
    let mut h = DefaultHasher::new();
    v.ngrams.stems.hash(&mut h);
    for key in v.entities.keys() {
        key.hash(&mut h);
    }
    for f in &v.figures {
        (f.value.to_bits(), f.lo.to_bits(), f.hi.to_bits(), f.unit).hash(&mut h);
    }
    v.time.periods.hash(&mut h);
    v.speaker_key.hash(&mut h);
    v.negative.hash(&mut h);
    h.finish()
}

/// For each claim (by its `signature`), the first claim in corpus order with the same
/// signature: itself when it is the first. Copies are only candidates until judged (see
/// the module doc).
pub fn representatives(signatures: &[u64]) -> Vec<u32> {
    let mut first: HashMap<u64, u32> = HashMap::with_capacity(signatures.len());
    signatures
        .iter()
        .enumerate()
        .map(|(i, &s)| *first.entry(s).or_insert(i as u32))
        .collect()
}

/// The representative of each of `n` claims once copies are judged: `agreed` are the pairs
/// (representative, copy) judged to agree; any other claim is its own.
pub fn confirmed(n: usize, agreed: impl Iterator<Item = (u32, u32)>) -> Vec<u32> {
    let mut rep: Vec<u32> = (0..n as u32).collect();
    for (r, copy) in agreed {
        rep[copy as usize] = r;
    }
    rep
}
