//! Alignment: which claims say the same thing across (and within) articles, which
//! conflict, and which are only related.
//!
//! `represent` builds a comparable view of each claim (terms from `normalize` and `stem`,
//! entity ids, `figures` as intervals, `time`, event classes, speaker, polarity); `index`
//! proposes candidate pairs from shared keys (never all pairs); `score` computes pair
//! features and a logistic score; `relation` labels the pair and writes its reason;
//! `groups` clusters claims that all agree with each other. Word lists: `lang/<language>/align/`.

mod build;
pub(crate) mod figures;
mod groups;
mod index;
pub(crate) mod lexicon;
pub(crate) mod model;
mod normalize;
pub(crate) mod relation;
pub(crate) mod represent;
pub(crate) mod score;
mod stem;
pub(crate) mod time;

#[cfg(test)]
mod tests;

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::lang::Language;

pub use build::ClaimRef;
pub use relation::{Judgement, Relation};

/// A pair of claims close enough to list, with its relation and why.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedPair {
    /// Indices into `Alignment::claims`, `a < b`.
    pub a: u32,
    /// The second claim, an index into `Alignment::claims`.
    pub b: u32,
    /// Agree, conflict or related.
    pub relation: Relation,
    /// How likely the two state the same proposition (the topic score for a conflict).
    pub score: f64,
    /// Why, in words a reader can check: shared entities, words, figures, clashes.
    pub reason: String,
}

/// The alignment of a corpus's claims: pairs and groups.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Every claim of the corpus, in (document, claim) order.
    pub claims: Vec<ClaimRef>,
    /// Pairs close enough to list, sorted by `(a, b)`.
    pub pairs: Vec<AlignedPair>,
    /// The group of each claim: claims every two of which agree.
    pub groups: Vec<u32>,
    /// Candidate pairs the index proposed (for diagnostics and benchmarks).
    pub candidates: usize,
}

/// Aligns the claims of the whole corpus, in parallel; the result does not depend on the
/// thread count.
pub fn align(corpus: &Corpus) -> Alignment {
    let (claims, views) = build::corpus_views(corpus);
    let one_statement = |a: u32, b: u32| {
        let (x, y) = (claims[a as usize], claims[b as usize]);
        x.doc == y.doc
            && (views[b as usize].refers_to == Some(x.index)
                || views[a as usize].refers_to == Some(y.index))
    };
    let candidates: Vec<(u32, u32)> = index::candidates(&views)
        .into_iter()
        .filter(|&(a, b)| !one_statement(a, b))
        .collect();
    let lex = &corpus.language().align;
    let pairs: Vec<AlignedPair> = candidates
        .par_iter()
        .filter_map(|&(a, b)| {
            let j = relation::judge(&views[a as usize], &views[b as usize], lex, true);
            j.aligned.then_some(AlignedPair {
                a,
                b,
                relation: j.relation,
                score: j.score,
                reason: j.reason,
            })
        })
        .collect();
    let agreeing: Vec<(u32, u32, f64)> = pairs
        .iter()
        .filter(|p| p.relation == Relation::Agree)
        .map(|p| (p.a, p.b, p.score))
        .collect();
    Alignment {
        groups: groups::group(claims.len(), &agreeing),
        claims,
        pairs,
        candidates: candidates.len(),
    }
}

/// Compares two free-standing sentences (or short texts) of `language`.
pub fn compare(a: &str, b: &str, language: &'static Language) -> Judgement {
    let views = build::text_views(&[a, b], language);
    relation::judge(&views[0], &views[1], &language.align, false)
}

/// Many comparisons at once, in parallel, each pair read on its own.
pub fn compare_many(pairs: &[(&str, &str)], language: &'static Language) -> Vec<Judgement> {
    pairs
        .par_iter()
        .map(|&(a, b)| compare(a, b, language))
        .collect()
}

/// The pair features `compare` scores, in `model::Feature` order, and the pair's word
/// keys (see `score::pair_words`): for fitting weights.
pub fn features_many(
    pairs: &[(&str, &str)],
    language: &'static Language,
) -> Vec<(Vec<f64>, Vec<String>)> {
    pairs
        .par_iter()
        .map(|&(a, b)| {
            let v = build::text_views(&[a, b], language);
            let f = score::features(&v[0], &v[1], &language.align);
            (f.values.0.to_vec(), score::pair_words(&v[0], &v[1]))
        })
        .collect()
}
