//! Ties claims to the entity stage's output: the mentions each proposition contains (names,
//! figures and dates alike), which of them are its figures, the mention that names its
//! speaker, and the day the claim is about.

use super::frame::{Frame, FrameSource};
use super::{dating, Claim, Span};
use crate::calendar::Date;
use crate::entities::tagger::Mention;

/// A claim with the entity mentions it involves (indices into the document's mentions).
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedClaim {
    /// The claim itself.
    pub claim: Claim,
    /// Mentions inside the proposition, in text order.
    pub mentions: Vec<u32>,
    /// The mention that names the speaker: the last one inside the speaker span (the head of
    /// `White House press secretary Karine Jean-Pierre`).
    pub speaker_mention: Option<u32>,
    /// The figures it states (`Label::is_figure`: counts, measures, amounts, ranks): indices
    /// into the document's mentions, whose `normalised` gives value, unit and bounds.
    pub figures: Vec<u32>,
    /// The day it is about (see `dating`).
    pub date: Option<Date>,
    /// Its frames, main predicate first (see `frame`); empty without a parse.
    pub frames: Vec<Frame>,
    /// Spans of what it says in passing about a participant: relative clauses and
    /// appositions (see `FrameSource::background`); empty without a parse.
    pub background: Box<[Span]>,
}

fn inside(outer: Span, start: u32, end: u32) -> bool {
    outer.start <= start && end <= outer.end
}

/// `mentions` are one document's, sorted by start; `doc_date` is the article's date.
pub fn link(claims: Vec<Claim>, mentions: &[Mention], doc_date: Option<Date>) -> Vec<LinkedClaim> {
    claims
        .into_iter()
        .map(|claim| {
            let from = mentions.partition_point(|m| m.start < claim.span.start);
            let contained: Vec<u32> = mentions[from..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.start < claim.span.end)
                .filter(|(_, m)| inside(claim.span, m.start, m.end))
                .map(|(k, _)| (from + k) as u32)
                .collect();
            let figures = contained
                .iter()
                .copied()
                .filter(|&m| mentions[m as usize].label.is_figure())
                .collect();
            let date = dating::claim_date(&contained, mentions, doc_date);
            let speaker_mention = claim.speaker.and_then(|sp| speaker_mention(sp, mentions));
            LinkedClaim {
                claim,
                mentions: contained,
                speaker_mention,
                figures,
                date,
                frames: Vec::new(),
                background: Box::default(),
            }
        })
        .collect()
}

/// Reads each claim's frames from `source` (one document's parse and mentions). The
/// claim's polarity is the extraction's (`negation`), read with its scope; a frame's own
/// `negated` may differ where the frame is not the proposition's main one.
pub fn add_frames(claims: &mut [LinkedClaim], source: &FrameSource) {
    for c in claims {
        c.frames = source.frames(c.claim.span);
        c.background = source.background(c.claim.span);
    }
}

/// The last name mention inside the speaker span `sp` (the head of `White House press
/// secretary Karine Jean-Pierre`). `two Ukrainian officials`: the speaker is named by
/// `Ukrainian`, never a figure. Only mentions starting inside the span are looked at (they
/// are sorted), so the cost does not grow with the document.
fn speaker_mention(sp: Span, mentions: &[Mention]) -> Option<u32> {
    let from = mentions.partition_point(|m| m.start < sp.start);
    mentions[from..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.start <= sp.end)
        .filter(|(_, m)| m.label.is_name() && inside(sp, m.start, m.end))
        .map(|(k, _)| (from + k) as u32)
        .last()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{inside, speaker_mention, Span};
    use crate::corpus::{Corpus, Document};
    use crate::entities::candidate::Source;
    use crate::entities::label::Label;
    use crate::entities::tagger::Mention;

    #[test]
    fn figures_are_the_figure_mentions_inside_the_claim_ranks_included() {
        let text = "Kyiv said 32 soldiers died in the second attack near Kherson.";
        let corpus = Corpus::new(vec![Document::new("a".into(), text.into(), None, None)]).unwrap();
        let mentions = &corpus.entities().mentions[0];
        let claims = corpus.claims();
        assert_eq!(claims[0].len(), 1, "{:?}", claims[0]);
        let c = &claims[0][0];
        let figures: Vec<(&str, Label)> = c
            .figures
            .iter()
            .map(|&m| {
                let x = &mentions[m as usize];
                (&text[x.start as usize..x.end as usize], x.label)
            })
            .collect();
        assert_eq!(
            figures,
            [("32", Label::Cardinal), ("second", Label::Ordinal)]
        );
        assert!(
            c.mentions
                .iter()
                .any(|&m| mentions[m as usize].label == Label::Gpe),
            "{c:?}"
        );
    }

    proptest! {
        /// The lookup finds what a scan of every mention finds.
        #[test]
        fn speaker_lookup_agrees_with_a_full_scan(
            spans in proptest::collection::vec((0u32..200, 1u32..12, any::<bool>()), 0..40),
            start in 0u32..220,
            len in 0u32..40,
        ) {
            let mut mentions: Vec<Mention> = spans
                .iter()
                .map(|&(s, n, name)| Mention {
                    start: s,
                    end: s + n,
                    label: if name { Label::Person } else { Label::Cardinal },
                    source: Source::Context,
                    entry: None,
                    area: None,
                    normalised: None,
                })
                .collect();
            mentions.sort_by_key(|m| m.start);
            let sp = Span { start, end: start + len };
            let scanned = mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.label.is_name() && inside(sp, m.start, m.end))
                .map(|(k, _)| k as u32)
                .next_back();
            prop_assert_eq!(speaker_mention(sp, &mentions), scanned);
        }
    }
}
