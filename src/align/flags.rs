//! What judging reads of a claim's view at every pair but which depends on that view
//! alone: worked out the first time the claim is judged and kept, one byte a claim.
//!
//! A claim's view is built the same way every time (`views` may build it more than once),
//! and regrouping against the other side changes term keys only, so the flags of the first
//! build hold for every pair.

use std::sync::atomic::{AtomicU8, Ordering};

use super::lexicon::AlignLexicon;
use super::regroup;
use super::represent::ClaimView;
use super::untagged;

/// A view's flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    /// `regroup::has_ambiguous`: it says a word of several paraphrase groups.
    pub ambiguous: bool,
    /// `untagged::holds_untagged`: a filler of its frames holds a name the tagger missed.
    pub untagged: bool,
}

impl Flags {
    /// The flags of `v`, worked out.
    pub fn of(v: &ClaimView, lex: &AlignLexicon) -> Flags {
        Flags {
            ambiguous: regroup::has_ambiguous(v, lex),
            untagged: untagged::holds_untagged(v),
        }
    }

    fn bits(self) -> u8 {
        KNOWN | (self.ambiguous as u8 * AMBIGUOUS) | (self.untagged as u8 * UNTAGGED)
    }

    fn from_bits(bits: u8) -> Flags {
        Flags {
            ambiguous: bits & AMBIGUOUS != 0,
            untagged: bits & UNTAGGED != 0,
        }
    }
}

const KNOWN: u8 = 1;
const AMBIGUOUS: u8 = 2;
const UNTAGGED: u8 = 4;

/// The flags of every claim of a corpus, each worked out when first asked. Threads may
/// work out one claim's flags at once: they store the same byte.
pub struct ClaimFlags(Vec<AtomicU8>);

impl ClaimFlags {
    /// No claim's flags known yet, for `n` claims.
    pub fn new(n: usize) -> ClaimFlags {
        ClaimFlags((0..n).map(|_| AtomicU8::new(0)).collect())
    }

    /// The flags of claim `i`, whose view is `v`.
    pub fn get(&self, i: u32, v: &ClaimView, lex: &AlignLexicon) -> Flags {
        let cell = &self.0[i as usize];
        let bits = cell.load(Ordering::Relaxed);
        if bits & KNOWN != 0 {
            return Flags::from_bits(bits);
        }
        let flags = Flags::of(v, lex);
        cell.store(flags.bits(), Ordering::Relaxed);
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::build::Sources;
    use crate::corpus::{Corpus, Document};
    use crate::stage::Cancel;

    /// Every claim view of the sample articles and of sentences with words of several
    /// groups (`abandon`, `release`) and names the tagger misses, with its document.
    fn views() -> (Vec<(usize, ClaimView)>, &'static AlignLexicon) {
        let mut texts: Vec<String> = crate::text::sample::texts().map(str::to_owned).collect();
        texts.extend([
            "Officials said the troops abandoned the city on Friday.".to_owned(),
            "The army said its soldiers fled the city, officials said.".to_owned(),
            "The ministry said it would release the prisoners next week.".to_owned(),
            "Shares of Gillette rose 3 percent, traders said.".to_owned(),
            "Clayton Homes' stock rose 3 percent, analysts said.".to_owned(),
        ]);
        let docs = (texts.into_iter().enumerate())
            .map(|(i, t)| Document::new(i.to_string(), t, None, None))
            .collect();
        let corpus: &'static Corpus = Box::leak(Box::new(Corpus::new(docs).unwrap()));
        let sources = Sources::of(corpus, &Cancel::never()).unwrap();
        let views = (0..sources.docs())
            .flat_map(|d| sources.doc_views(d).into_iter().map(move |v| (d, v)))
            .collect();
        (views, &corpus.language().align)
    }

    /// Flags that skip nothing: the judging as it was before the flags.
    const EVERYTHING: Flags = Flags {
        ambiguous: true,
        untagged: true,
    };

    #[test]
    fn a_claims_flags_change_no_judgement() {
        let (views, lex) = views();
        let cache = ClaimFlags::new(views.len());
        let (mut ambiguous, mut untagged) = (0, 0);
        for (i, (dx, x)) in views.iter().enumerate() {
            let fx = cache.get(i as u32, x, lex);
            assert_eq!(fx, Flags::of(x, lex));
            ambiguous += fx.ambiguous as usize;
            untagged += fx.untagged as usize;
            for (j, (dy, y)) in views.iter().enumerate().skip(i + 1) {
                let fy = cache.get(j as u32, y, lex);
                let same_doc = dx == dy;
                let fast = crate::align::judge_claims_known(x, y, same_doc, lex, (fx, fy));
                let full =
                    crate::align::judge_claims_known(x, y, same_doc, lex, (EVERYTHING, EVERYTHING));
                assert_eq!(fast, full, "claims {i} and {j}");
                // Regrouping moves keys, never names: the untagged flag holds after it.
                let (rx, ry) = regroup::regrouped(x, y, lex);
                assert_eq!(untagged::holds_untagged(&rx), fx.untagged);
                assert_eq!(untagged::holds_untagged(&ry), fy.untagged);
            }
        }
        // The skipped and the kept paths are both met.
        assert!(
            ambiguous > 0 && ambiguous < views.len(),
            "{ambiguous} of {}",
            views.len()
        );
        assert!(
            untagged > 0 && untagged < views.len(),
            "{untagged} of {}",
            views.len()
        );
    }

    #[test]
    fn bits_round_trip() {
        for ambiguous in [false, true] {
            for untagged in [false, true] {
                let f = Flags {
                    ambiguous,
                    untagged,
                };
                assert_eq!(Flags::from_bits(f.bits()), f);
            }
        }
    }
}
