//! Two claims of one document that clash: when the clash is a contradiction, and when it is
//! two items of one kind. An article reports many items of one kind (two bond auctions a
//! week apart, two wells, two tenders, two shipments), each with its own figures, in its
//! own narration and in the words of the sources it quotes. Across outlets a clash of
//! figures about one frame is likely one item told two ways; within one article it is far
//! more often two items, because a writer who saw a contradiction says so. So a clash of
//! figures within one document stands only when two named sources give the two values, or
//! when the article calls the claim it answers false; a denial or negation of the other's
//! statement by another voice stands as across documents.

use crate::claims::Claim;
use crate::text::sentences::Sentence;
use crate::text::tokens::{Token, TokenKind};

use super::represent::ClaimView;

/// Whether two claims of one document that conflict are two voices in contradiction:
/// one negates or denies what the other asserts (as across documents, from two voices), or
/// their figures clash and either two named sources (two entities) give them, or the
/// article disputes one of them (`ClaimView::disputed`) against a voice of its own.
pub fn contradict(a: &ClaimView, b: &ClaimView) -> bool {
    let (sa, sb) = (source(a), source(b));
    if sa == sb {
        return false;
    }
    let named = |v: &ClaimView| v.speaker_key.is_some();
    a.negative != b.negative || (named(a) && named(b)) || a.disputed || b.disputed
}

/// Who a claim is from: its speaker's entity key, else its speaker's words; `None` for the
/// article's own statements.
pub fn source(v: &ClaimView) -> Option<String> {
    v.speaker_key
        .clone()
        .or_else(|| v.speaker.as_deref().map(str::to_lowercase))
}

/// Whether the article calls `claim` false where it reports it: one of `disputing` (lower
/// case: `false`, `misleading`, `falsely`) among the words of the sentence that holds its
/// cue, from its speaker or cue on, outside the claim itself (`…," Trump said, once again
/// repeating his false and misleading claims`; `Trump falsely claimed that …`). The
/// article's own statements (no cue) are never disputed so.
pub fn disputed(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    claim: &Claim,
    disputing: &crate::syntax::hashing::WordSet<String>,
) -> bool {
    let Some(cue) = &claim.cue else {
        return false;
    };
    if disputing.is_empty() {
        return false;
    }
    let at = sentences.partition_point(|s| s.end <= cue.span.start);
    let Some(sentence) = sentences.get(at) else {
        return false;
    };
    // A speaker carried over from an earlier sentence starts the stretch no earlier than
    // the cue's own sentence.
    let from = (claim.speaker)
        .map_or(cue.span.start, |s| s.start.min(cue.span.start))
        .max(sentence.start);
    let lo = tokens.partition_point(|t| t.start < from);
    let hi = tokens.partition_point(|t| t.end <= sentence.end);
    (tokens[lo..hi.max(lo)].iter())
        .filter(|t| t.kind == TokenKind::Word)
        .filter(|t| t.end <= claim.span.start || t.start >= claim.span.end)
        .any(|t| disputing.contains(&text[t.start as usize..t.end as usize].to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(speaker: Option<&str>, key: Option<&str>, negative: bool) -> ClaimView {
        ClaimView {
            speaker: speaker.map(str::to_owned),
            speaker_key: key.map(str::to_owned),
            negative,
            ..ClaimView::default()
        }
    }

    #[test]
    fn one_article_contradicts_itself_only_in_two_named_voices_a_denial_or_a_dispute() {
        let article = voice(None, None, false);
        let dealer = voice(Some("one dealer"), None, false);
        let karim = voice(Some("Abdul Karim"), Some("PERSON:abdul karim"), false);
        let islam = voice(Some("Rafiqul Islam"), Some("PERSON:rafiqul islam"), false);
        // Rival figures of the article and an unnamed source: two items of one kind.
        assert!(!contradict(&article, &dealer));
        // One voice twice is no contradiction, whatever it says.
        assert!(!contradict(&karim, &karim.clone()));
        assert!(!contradict(&article, &voice(None, None, true)));
        // Two named sources; a denial; a claim the article calls false.
        assert!(contradict(&karim, &islam));
        assert!(contradict(&article, &voice(Some("one dealer"), None, true)));
        let disputed = ClaimView {
            disputed: true,
            ..dealer.clone()
        };
        assert!(contradict(&article, &disputed));
    }
}
