//! Claim views kept between judging passes as bytes (postcard), up to a byte budget: a view
//! the bound on views held (`views`) drops is read back from its bytes instead of being
//! built again from the stages (tokens, mentions, frames, pronouns, terms), which took about
//! half of alignment's CPU when each document's views were built ~4.6 times.
//!
//! Only weighed, full views (the judging passes') are kept: every pass weighs by the same
//! corpus idf, so a view read back equals the one a build would give. Past the budget no
//! more are kept and the rest are built as before: results never depend on it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use super::represent::ClaimView;

/// Bytes of kept views at most unless `CROSSWIRE_ALIGN_VIEW_BYTES` says otherwise.
const VIEW_BYTES: usize = 1 << 30;

/// How many bytes of views alignment keeps at most: `VIEW_BYTES`, or the number in
/// `CROSSWIRE_ALIGN_VIEW_BYTES` (read once; 0 keeps none).
pub fn view_bytes() -> usize {
    static BYTES: OnceLock<usize> = OnceLock::new();
    *BYTES.get_or_init(|| {
        std::env::var("CROSSWIRE_ALIGN_VIEW_BYTES")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(VIEW_BYTES)
    })
}

/// The kept views of a corpus's claims, by claim index (`Outline::claims`).
pub struct Stored {
    views: Vec<OnceLock<Box<[u8]>>>,
    /// Bytes kept so far (a view is not kept once this passes the budget).
    bytes: AtomicUsize,
    budget: usize,
}

impl Stored {
    /// Room for `claims` claims' views, at most `budget` bytes of them; none for a budget
    /// of 0.
    pub fn new(claims: usize, budget: usize) -> Stored {
        Stored {
            views: (0..if budget == 0 { 0 } else { claims })
                .map(|_| OnceLock::new())
                .collect(),
            bytes: AtomicUsize::new(0),
            budget,
        }
    }

    /// Whether the view of claim `c` is kept.
    pub fn has(&self, c: usize) -> bool {
        self.views.get(c).is_some_and(|v| v.get().is_some())
    }

    /// The view of claim `c` read back, if kept.
    pub fn view(&self, c: usize) -> Option<ClaimView> {
        let bytes = self.views.get(c)?.get()?;
        let view: ClaimView =
            postcard::from_bytes(bytes).expect("a view kept by `keep` reads back");
        Some(view.with_derived())
    }

    /// Keeps the full view of claim `c` (without what is computed again on reading it
    /// back: hashes, a third of its bytes) unless it is kept already or the budget is spent.
    pub fn keep(&self, c: usize, view: &mut ClaimView) {
        let Some(slot) = self.views.get(c) else {
            return;
        };
        if slot.get().is_some() || self.bytes.load(Ordering::Relaxed) >= self.budget {
            return;
        }
        let derived = view.without_derived();
        let bytes = postcard::to_allocvec(&*view)
            .expect("a view serializes")
            .into_boxed_slice();
        view.put_back(derived);
        let len = bytes.len();
        if slot.set(bytes).is_ok() {
            self.bytes.fetch_add(len, Ordering::Relaxed);
        }
    }

    /// Bytes and claims' views kept.
    pub fn size(&self) -> (usize, usize) {
        let kept = self.views.iter().filter(|v| v.get().is_some()).count();
        (self.bytes.load(Ordering::Relaxed), kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::build::Sources;
    use crate::corpus::{Corpus, Document};
    use crate::stage::Cancel;

    #[test]
    fn views_read_back_equal_the_views_built() {
        let docs = crate::text::sample::texts()
            .enumerate()
            .map(|(i, t)| Document::new(i.to_string(), t.to_owned(), None, None))
            .collect();
        let corpus = Corpus::new(docs).unwrap();
        let sources = Sources::of(&corpus, &Cancel::never()).unwrap();
        let claims: usize = (0..sources.docs()).map(|d| sources.claims_of(d)).sum();
        let stored = Stored::new(claims, usize::MAX);
        let (mut c, mut with_clauses, mut borrowed, mut whole) = (0, 0, 0, 0);
        for d in 0..sources.docs() {
            for mut v in sources.doc_views(d) {
                let built = format!("{v:?}");
                whole += postcard::to_allocvec(&v).unwrap().len();
                assert!(!stored.has(c) && stored.view(c).is_none());
                stored.keep(c, &mut v);
                // Keeping gives the view back whole; reading it back computes its hashes again.
                assert_eq!(format!("{v:?}"), built);
                assert_eq!(format!("{:?}", stored.view(c).unwrap()), built);
                with_clauses += usize::from(!v.clauses.is_empty());
                borrowed += usize::from(v.own_words.is_some());
                c += 1;
            }
        }
        assert!(
            c > 50 && with_clauses > 5 && borrowed > 0,
            "{c} {with_clauses} {borrowed}"
        );
        let (bytes, kept) = stored.size();
        assert_eq!(kept, claims);
        // Hashes are not kept.
        assert!(bytes < whole * 3 / 4, "{bytes} bytes kept of {whole}");
    }

    #[test]
    fn no_view_is_kept_past_the_budget() {
        let mut view = ClaimView {
            sequence: vec!["troop".into(), "withdraw".into()],
            plain: vec!["troops".into(), "withdrew".into()],
            ..ClaimView::default()
        };
        let stored = Stored::new(3, 1);
        stored.keep(0, &mut view);
        stored.keep(1, &mut view);
        stored.keep(5, &mut view);
        assert!(stored.has(0) && !stored.has(1) && !stored.has(5));
        assert_eq!(stored.size().1, 1);
        let none = Stored::new(3, 0);
        none.keep(0, &mut view);
        assert!(!none.has(0) && none.size() == (0, 0));
    }
}
