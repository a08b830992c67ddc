//! What alignment keeps of every claim between its passes, in flat arrays: where it sits,
//! its copy signature, its sentence, the claim it refers to and its index keys (hashed).
//! About 100 bytes a claim where its view is several kilobytes: views are built per
//! document when a batch of pairs needs them (`views`) and dropped after.
//!
//! Keys are 64-bit hashes of the key strings: two distinct keys of one corpus share a hash
//! with a chance of about n²/2⁶⁵ (below one in a million for ten million distinct keys).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use rayon::prelude::*;

use super::build::{ClaimRef, Sources};
use super::represent::ClaimView;
use super::{copies, index};
use crate::stage::{Cancel, Cancelled};
use crate::syntax::hashing::WordMap;

/// Every claim of the corpus, in (document, claim) order, as alignment's passes need it.
#[derive(Debug, Default)]
pub struct Outline {
    /// Where each claim comes from.
    pub claims: Vec<ClaimRef>,
    /// Each document's first claim, then the number of claims.
    first: Vec<u32>,
    /// What each claim says, hashed: equal for copies (`copies::signature`).
    pub signatures: Vec<u64>,
    /// `(document, sentence)` of each claim.
    pub sentences: Vec<Option<(u32, u32)>>,
    /// The claim (index in its document) each claim is one statement with.
    pub refers_to: Vec<Option<u32>>,
    /// Each claim's words key (`index::words_key`), hashed as its other keys are.
    pub words: Vec<Option<u64>>,
    /// Claim `i`'s keys are `keys[key_start[i]..key_start[i + 1]]`, in the order of their
    /// strings.
    key_start: Vec<u32>,
    keys: Vec<u64>,
    /// The weight of each key that is a term (its reference idf), infinite for keys that
    /// are not (entities, figure buckets, events, speakers: always keys).
    key_idf: Vec<f32>,
}

/// Claims a corpus needs before its own word counts say what is common in it.
pub(super) const MIN_CLAIMS_FOR_CORPUS_IDF: usize = 50;

/// A key string as the outline holds it.
pub fn key_hash(key: &str) -> u64 {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

impl Outline {
    /// The outline of every claim; with `keep`, it is given each document's full views
    /// (in document order per call, documents in any order), to hold them; without it,
    /// only what the outline reads of them is built (`Sources::outline_views`).
    pub fn of(
        sources: &Sources,
        cancel: &Cancel,
        keep: Option<&(dyn Fn(usize, Vec<ClaimView>) + Sync)>,
    ) -> Result<Outline, Cancelled> {
        let per_doc: Vec<Outline> = (0..sources.docs())
            .into_par_iter()
            .map(|d| {
                cancel.check()?;
                let views = match keep {
                    Some(_) => sources.doc_views(d),
                    None => sources.outline_views(d),
                };
                let outline = Outline::of_document(d as u32, &views);
                sources.tick();
                if let Some(keep) = keep {
                    keep(d, views);
                }
                Ok(outline)
            })
            .collect::<Result<_, Cancelled>>()?;
        let mut all = Outline {
            first: vec![0],
            key_start: vec![0],
            ..Outline::default()
        };
        for part in per_doc {
            let base = *all.key_start.last().expect("starts with 0");
            all.claims.extend(part.claims);
            all.signatures.extend(part.signatures);
            all.sentences.extend(part.sentences);
            all.refers_to.extend(part.refers_to);
            all.words.extend(part.words);
            all.key_start
                .extend(part.key_start[1..].iter().map(|&k| base + k));
            all.keys.extend(part.keys);
            all.key_idf.extend(part.key_idf);
            all.first.push(all.claims.len() as u32);
        }
        Ok(all)
    }

    fn of_document(d: u32, views: &[ClaimView]) -> Outline {
        let mut o = Outline {
            key_start: vec![0],
            ..Outline::default()
        };
        for (k, v) in views.iter().enumerate() {
            o.claims.push(ClaimRef {
                doc: d,
                index: k as u32,
            });
            o.signatures.push(copies::signature(v));
            o.sentences.push(v.sentence);
            o.refers_to.push(v.refers_to);
            let mut words = None;
            for (key, idf) in index::key_strings(v) {
                let h = key_hash(&key);
                if index::is_words_key(&key) {
                    words = Some(h);
                }
                o.keys.push(h);
                o.key_idf.push(idf);
            }
            o.words.push(words);
            o.key_start.push(o.keys.len() as u32);
        }
        o
    }

    /// How many claims.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// The claims of document `d`, as a range of claim indices.
    pub fn claims_of(&self, d: u32) -> Range<usize> {
        self.first[d as usize] as usize..self.first[d as usize + 1] as usize
    }

    /// Claim `i`'s keys and the idf of each (infinite for keys that are not terms).
    fn keys_of(&self, i: usize) -> impl Iterator<Item = (u64, f32)> + '_ {
        let r = self.key_start[i] as usize..self.key_start[i + 1] as usize;
        self.keys[r.clone()]
            .iter()
            .copied()
            .zip(self.key_idf[r].iter().copied())
    }

    /// Claim `i`'s index keys once the corpus weighs its terms (`index::is_key`).
    pub fn index_keys(&self, i: usize, idf: Option<&CorpusIdf>) -> Vec<u64> {
        self.keys_of(i)
            .filter(|&(k, w)| w.is_infinite() || index::is_key(idf.map_or(w, |c| c.weighed(k, w))))
            .map(|(k, _)| k)
            .collect()
    }
}

/// The weight of each term among the corpus's own claims: `Kherson` in articles on Kherson
/// weighs little. Copies of a claim count once: a story carried by many outlets does not
/// make its own words common.
pub struct CorpusIdf {
    /// Each counted key's idf (`corpus_idf` of its count), worked out once: a view's terms
    /// are weighed at every build, and the keys are hashes already (no SipHash again).
    idf: WordMap<u64, f32>,
    /// The idf of a key no counted claim holds.
    unseen: f32,
}

impl CorpusIdf {
    /// The corpus's term counts over the claims that are their own representative
    /// (`rep[i] == i`); None below `MIN_CLAIMS_FOR_CORPUS_IDF` such claims.
    pub fn of(outline: &Outline, rep: &[u32]) -> Option<CorpusIdf> {
        let distinct: Vec<usize> = (0..outline.len()).filter(|&i| rep[i] == i as u32).collect();
        if distinct.len() < MIN_CLAIMS_FOR_CORPUS_IDF {
            return None;
        }
        let mut df: HashMap<u64, u32> = HashMap::new();
        for &i in &distinct {
            for (k, w) in outline.keys_of(i) {
                if w.is_finite() {
                    *df.entry(k).or_default() += 1;
                }
            }
        }
        let claims = distinct.len();
        Some(CorpusIdf {
            idf: (df.into_iter())
                .map(|(k, n)| (k, corpus_idf(claims, n)))
                .collect(),
            unseen: corpus_idf(claims, 0),
        })
    }

    /// The idf of the term with key `key` (hashed) among the corpus's claims.
    fn idf(&self, key: u64) -> f32 {
        self.idf.get(&key).copied().unwrap_or(self.unseen)
    }

    /// What a term with key `key` (hashed) and reference idf `idf` weighs in the corpus.
    pub fn weighed(&self, key: u64, idf: f32) -> f32 {
        idf.min(self.idf(key))
    }

    /// `view` weighed by the corpus (`weigh_terms`). A view holds its terms' keys hashed
    /// (`HashedWords::terms`, the hash `key_hash` gives): read from there, not hashed again.
    pub fn weigh(&self, view: &mut ClaimView) {
        self.weigh_own(view);
        for c in &mut view.clauses {
            self.weigh_own(c);
        }
    }

    /// `weigh` for the view's own terms only (not its clauses').
    fn weigh_own(&self, v: &mut ClaimView) {
        if v.hashed.terms.len() != v.terms.len() {
            // Not in step (not built by `represent`): hashed here.
            weigh_terms_of(v, |k| self.idf(key_hash(k)));
            return;
        }
        for &(h, i) in &v.hashed.terms {
            let t = &mut v.terms[i as usize];
            t.idf = t.idf.min(self.idf(h));
        }
    }
}

/// The idf of a term held by `df` of a corpus's `claims` distinct claims.
pub(super) fn corpus_idf(claims: usize, df: u32) -> f32 {
    ((claims as f32 + 1.0) / (df as f32 + 0.5)).ln()
}

/// Each term of `view` (and of its clauses) weighs the lesser of its reference idf and
/// `idf(key)`, its idf in the corpus (from wherever the corpus's terms were counted).
pub(super) fn weigh_terms(view: &mut ClaimView, idf: impl Fn(&str) -> f32) {
    weigh_terms_of(view, &idf);
    for c in &mut view.clauses {
        weigh_terms_of(c, &idf);
    }
}

/// `weigh_terms` for the view's own terms only (not its clauses').
fn weigh_terms_of(view: &mut ClaimView, idf: impl Fn(&str) -> f32) {
    for t in &mut view.terms {
        t.idf = t.idf.min(idf(&t.key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Document};

    /// Weighing by the hashes a view holds gives every term (and every clause's term) the
    /// weight that hashing each key again gives, bit for bit, on the sample articles.
    #[test]
    fn weighing_by_held_hashes_is_weighing_by_keys() {
        let docs = (crate::text::sample::texts().enumerate())
            .map(|(i, t)| Document::new(i.to_string(), t.to_owned(), None, None))
            .collect();
        let corpus = Corpus::new(docs).unwrap();
        let sources = Sources::of(&corpus, &Cancel::never()).unwrap();
        let outline = Outline::of(&sources, &Cancel::never(), None).unwrap();
        let rep: Vec<u32> = (0..outline.len() as u32).collect();
        let idf = CorpusIdf::of(&outline, &rep).expect("over 50 claims");
        let (mut terms, mut clauses) = (0, 0);
        for d in 0..sources.docs() {
            for view in sources.doc_views(d) {
                let (mut held, mut keyed) = (view.clone(), view);
                idf.weigh(&mut held);
                weigh_terms(&mut keyed, |k| idf.idf(key_hash(k)));
                let bits = |v: &ClaimView| -> Vec<(String, u32)> {
                    (std::iter::once(v).chain(&v.clauses))
                        .flat_map(|w| w.terms.iter().map(|t| (t.key.clone(), t.idf.to_bits())))
                        .collect()
                };
                assert_eq!(bits(&held), bits(&keyed));
                terms += held.terms.len();
                clauses += held.clauses.len();
            }
        }
        assert!(
            terms > 500 && clauses > 50,
            "{terms} terms, {clauses} clauses"
        );
    }
}
