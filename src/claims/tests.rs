//! Hand-made cases for each construction, and real sentences from the sample corpus.

use super::*;
use crate::text::TextLayer;

/// (proposition, speaker, cue, polarity, hedged, quote) for each claim of `text`.
pub fn show(text: &str) -> Vec<(String, Option<String>, Option<String>, &'static str, bool, Option<&'static str>)> {
    let layer = TextLayer::analyse(text, 0);
    let piece = |s: Span| text[s.start as usize..s.end as usize].to_string();
    extract(text, &layer)
        .into_iter()
        .map(|c| {
            (
                piece(c.span),
                c.speaker.map(piece),
                c.cue.map(|q| q.text),
                c.polarity.as_str(),
                c.hedged,
                c.quote.map(QuoteKind::as_str),
            )
        })
        .collect()
}

#[test]
fn dump() {
    for c in show("Moscow denies abusing civilians.") {
        println!("{c:?}");
    }
}

#[test]
fn dbg_two() {
    for t in ["And late last month, the Kremlin went even further, announcing that it had annexed the region.",
              "Over the weekend, the top diplomats in France, Britain and the United States, three of Ukraine’s strongest allies, issued a rare joint statement that rejected the claim, calling it a pretext Moscow has concocted for escalating the war."] {
        for c in show(t) { println!("{c:?}"); }
    }
}
