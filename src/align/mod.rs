//! Alignment: which claims say the same thing across (and within) articles, which
//! conflict, and which are only related.
//!
//! `represent` builds a comparable view of each claim (terms from `normalize` and `stem`,
//! entity ids, `figures` as intervals, `time`, event classes, speaker, polarity); `copies`
//! finds claims carried in the same words, judged once against their representative;
//! `index` proposes candidate pairs among representatives from shared keys (never all
//! pairs); `score` computes pair features and a logistic score; `relation` labels the pair
//! and writes its reason; `groups` clusters claims that all agree with each other, copies
//! with their representative. Word lists: `lang/<language>/align/`.

mod build;
mod copies;
pub mod distributed;
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
use crate::stage::{Cancel, Cancelled};
use represent::ClaimView;

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
/// thread count. `Corpus::alignment` keeps it; this computes it afresh.
pub fn align(corpus: &Corpus) -> Alignment {
    match try_align(corpus, &Cancel::never()) {
        Ok(alignment) => alignment,
        Err(Cancelled) => unreachable!("a request without a cancel flag was cancelled"),
    }
}

/// `align`, unless `cancel` is raised first (checked between documents and between claims).
pub fn try_align(corpus: &Corpus, cancel: &Cancel) -> Result<Alignment, Cancelled> {
    let (claims, views, maybe_copy_of) = build::corpus_views(corpus, cancel)?;
    let one_statement = |a: u32, b: u32| {
        one_statement(
            claims[a as usize],
            claims[b as usize],
            &views[a as usize],
            &views[b as usize],
        )
    };
    let lex = &corpus.language().align;
    let judge = |&(a, b): &(u32, u32)| -> Result<Option<AlignedPair>, Cancelled> {
        cancel.check()?;
        let (x, y) = (claims[a as usize], claims[b as usize]);
        let j = judge_claims(&views[a as usize], &views[b as usize], x.doc == y.doc, lex);
        Ok(j.aligned.then_some(AlignedPair {
            a,
            b,
            relation: j.relation,
            score: j.score,
            reason: j.reason,
        }))
    };
    // Copies: each judged against its representative once, kept only if they agree.
    let copy_pairs: Vec<(u32, u32)> = (0..views.len() as u32)
        .map(|i| (maybe_copy_of[i as usize], i))
        .filter(|&(r, i)| r != i && !one_statement(r, i))
        .collect();
    let mut pairs: Vec<AlignedPair> = copy_pairs
        .par_iter()
        .map(judge)
        .collect::<Result<Vec<_>, Cancelled>>()?
        .into_iter()
        .flatten()
        .filter(|p| p.relation == Relation::Agree)
        .collect();
    let rep = copies::confirmed(views.len(), pairs.iter().map(|p| (p.a, p.b)));
    let candidates: Vec<(u32, u32)> = index::candidates(&views, &rep, cancel)?
        .into_iter()
        .filter(|&(a, b)| !one_statement(a, b))
        .collect();
    let judged: Vec<Option<AlignedPair>> = candidates
        .par_iter()
        .map(judge)
        .collect::<Result<_, Cancelled>>()?;
    let agreeing: Vec<(u32, u32, f64)> = judged
        .iter()
        .flatten()
        .filter(|p| p.relation == Relation::Agree)
        .map(|p| (p.a, p.b, p.score))
        .collect();
    let groups = groups::follow_copies(&groups::group(claims.len(), &agreeing), &rep);
    pairs.extend(judged.into_iter().flatten());
    pairs.sort_by_key(|p| (p.a, p.b));
    Ok(Alignment {
        groups,
        claims,
        pairs,
        candidates: copy_pairs.len() + candidates.len(),
    })
}

/// Whether claims `x` and `y` (views `vx`, `vy`) are one statement: a claim about what the
/// one before it in its document said.
fn one_statement(x: ClaimRef, y: ClaimRef, vx: &ClaimView, vy: &ClaimView) -> bool {
    x.doc == y.doc && (vy.refers_to == Some(x.index) || vx.refers_to == Some(y.index))
}

/// Two claims of a corpus judged: what `relation::judge` says, with the rules for two
/// claims of one document when they are.
fn judge_claims(
    va: &ClaimView,
    vb: &ClaimView,
    same_doc: bool,
    lex: &lexicon::AlignLexicon,
) -> Judgement {
    let j = relation::judge(va, vb, lex, true);
    if same_doc {
        relation::within_document(j, va, vb)
    } else {
        j
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
