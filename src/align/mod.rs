//! Alignment: which claims say the same thing across (and within) articles, which
//! conflict, and which are only related.
//!
//! `represent` builds a comparable view of each claim (terms from `normalize` and `stem`,
//! entity ids, `figures` as intervals, `time`, event classes, speaker, polarity), `build`
//! from the stages; `outline` keeps what the passes need of every claim, and `views` holds
//! the views of a bounded number of claims while their pairs are judged; `copies`
//! finds claims carried in the same words, judged once against their representative;
//! `index` proposes candidate pairs among representatives from shared keys (never all
//! pairs); `score` computes pair features and a logistic score; `relation` labels the pair
//! and writes its reason; `groups` clusters claims that all agree with each other, copies
//! with their representative. Word lists: `lang/<language>/align/`.

mod antecedent;
mod apart;
mod bounds;
mod build;
mod copies;
mod coverage;
pub mod distributed;
pub(crate) mod figures;
mod flags;
pub mod footprint;
pub(crate) mod frames;
mod groups;
mod index;
pub(crate) mod lexicon;
mod linking;
mod measures;
pub(crate) mod model;
mod moves;
mod names_beside;
mod nonclaims;
mod normalize;
mod outline;
mod participants;
mod predicates;
mod reasons;
mod referents;
mod regroup;
pub(crate) mod relation;
pub(crate) mod represent;
pub(crate) mod score;
mod short_keys;
mod slots;
mod stem;
mod stories;
pub(crate) mod time;
mod untagged;
mod views;
mod voices;
mod word_facts;

#[cfg(test)]
mod tests;

use std::sync::Mutex;

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::lang::Language;
use crate::stage::{Cancel, Cancelled};

pub use build::ClaimRef;
pub use reasons::Reason;
pub use relation::{Judgement, Relation};
use represent::ClaimView;

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
    /// Why, in words a reader can check: shared entities, words, figures, clashes
    /// (`Reason::text`; held compactly, see `reasons`).
    pub reason: Reason,
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
    /// Wall and CPU seconds (the whole process's, all threads) of each pass, in order (for
    /// benchmarks: not part of the result).
    pub passes: Vec<(&'static str, f64, f64)>,
    /// Documents whose views were built again after the outline, to judge pairs with a
    /// bounded number of views held (for benchmarks: the cost of the bound).
    pub views_rebuilt: usize,
    /// Claims those rebuilds were asked for (a build costs about its claims).
    pub claim_views_rebuilt: usize,
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
///
/// No pass holds every claim's view: the first builds each document's views to outline
/// them (`outline`), the judging passes build them again a batch at a time (`views`),
/// unless all of them fit at once.
pub fn try_align(corpus: &Corpus, cancel: &Cancel) -> Result<Alignment, Cancelled> {
    align_holding(corpus, cancel, views::resident_claims())
}

/// `try_align` holding at most `budget` claims' views at a time.
fn align_holding(corpus: &Corpus, cancel: &Cancel, budget: usize) -> Result<Alignment, Cancelled> {
    let sources = build::Sources::of(corpus, cancel)?;
    corpus.progress().start("alignment", sources.docs());
    let mut passes = Passes::new();
    let claims_total: usize = (0..sources.docs()).map(|d| sources.claims_of(d)).sum();
    let resident = claims_total <= budget;
    let kept = Mutex::new(Vec::new());
    let keep = |d: usize, views: Vec<ClaimView>| {
        kept.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((d as u32, views));
    };
    // Views not held are built again to judge: the outline builds only what it reads.
    let outline = outline::Outline::of(&sources, cancel, resident.then_some(&keep as _))?;
    passes.done("views and outline");
    let maybe_copy_of = copies::representatives(&outline.signatures);
    let idf = outline::CorpusIdf::of(&outline, &maybe_copy_of);
    let mut views = views::Views::new(&sources, &outline, idf.as_ref(), budget);
    for (d, v) in kept.into_inner().unwrap_or_else(|e| e.into_inner()) {
        views.keep(d, v);
    }
    let claims = &outline.claims;
    let one_statement = |a: u32, b: u32| {
        one_statement(
            claims[a as usize],
            claims[b as usize],
            outline.refers_to[a as usize],
            outline.refers_to[b as usize],
        )
    };
    let lex = &corpus.language().align;
    let flags = flags::ClaimFlags::new(outline.len());
    let judge = |a: u32, b: u32, va: &ClaimView, vb: &ClaimView| {
        cancel.check()?;
        let same_doc = claims[a as usize].doc == claims[b as usize].doc;
        let known = (flags.get(a, va, lex), flags.get(b, vb, lex));
        let j = judge_claims_known(va, vb, same_doc, lex, known);
        Ok(j.aligned.then_some(AlignedPair {
            a,
            b,
            relation: j.relation,
            score: j.score,
            reason: Reason::new(&j.reason),
        }))
    };
    // Copies: each judged against its representative once, kept only if they agree.
    let copy_pairs: Vec<(u32, u32)> = (0..outline.len() as u32)
        .map(|i| (maybe_copy_of[i as usize], i))
        .filter(|&(r, i)| r != i && !one_statement(r, i))
        .collect();
    let mut pairs: Vec<AlignedPair> = views
        .judge_copies(&copy_pairs, cancel, judge)?
        .into_iter()
        .flatten()
        .filter(|p| p.relation == Relation::Agree)
        .collect();
    passes.done("copies");
    let rep = copies::confirmed(outline.len(), pairs.iter().map(|p| (p.a, p.b)));
    let candidates: Vec<(u32, u32)> = index::candidates(&outline, idf.as_ref(), &rep, cancel)?
        .into_iter()
        .filter(|&(a, b)| !one_statement(a, b))
        .collect();
    passes.done("candidates");
    let judged: Vec<Option<AlignedPair>> = views.judge_all(&candidates, cancel, judge)?;
    let (views_rebuilt, claim_views_rebuilt) = (views.built, views.claims_built);
    drop(views);
    // The views were most of alignment's memory: their pages go back before the tables.
    crate::memory::release_free_pages();
    passes.done("judging");
    let agreeing: Vec<(u32, u32, f64)> = judged
        .iter()
        .flatten()
        .filter(|p| p.relation == Relation::Agree)
        .map(|p| (p.a, p.b, p.score))
        .collect();
    let groups = groups::follow_copies(&groups::group(outline.len(), &agreeing), &rep);
    pairs.extend(judged.into_iter().flatten());
    pairs.sort_by_key(|p| (p.a, p.b));
    // Held with the corpus: without the room `extend` left (it doubled the pairs' 48 bytes).
    pairs.shrink_to_fit();
    passes.done("groups");
    Ok(Alignment {
        groups,
        claims: outline.claims,
        pairs,
        candidates: copy_pairs.len() + candidates.len(),
        passes: passes.0,
        views_rebuilt,
        claim_views_rebuilt,
    })
}

/// Wall and CPU seconds of alignment's passes, each from the end of the one before.
struct Passes(Vec<(&'static str, f64, f64)>, std::time::Instant, f64);

impl Passes {
    fn new() -> Passes {
        Passes(Vec::new(), std::time::Instant::now(), cpu_seconds())
    }

    fn done(&mut self, pass: &'static str) {
        let cpu = cpu_seconds();
        self.0
            .push((pass, self.1.elapsed().as_secs_f64(), cpu - self.2));
        self.1 = std::time::Instant::now();
        self.2 = cpu;
    }
}

/// CPU seconds this process has used (user and system, all threads), from /proc (0 where
/// there is none): read a few times an alignment, for `Alignment::passes`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // After the command name (which may hold spaces), utime and stime are the 12th and
    // 13th fields, in clock ticks (100 a second on Linux).
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = (after.split_whitespace().skip(11).take(2))
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    ticks as f64 / 100.0
}

/// Whether claims `x` and `y` are one statement: a claim about what the one before it in its
/// document said (`x_refers_to`, `y_refers_to`: the claim each names, see
/// `ClaimView::refers_to`).
fn one_statement(
    x: ClaimRef,
    y: ClaimRef,
    x_refers_to: Option<u32>,
    y_refers_to: Option<u32>,
) -> bool {
    x.doc == y.doc && (y_refers_to == Some(x.index) || x_refers_to == Some(y.index))
}

/// Two claims of a corpus judged: what `relation::judge` says, with the rules for two
/// claims of one document when they are.
fn judge_claims(
    va: &ClaimView,
    vb: &ClaimView,
    same_doc: bool,
    lex: &lexicon::AlignLexicon,
) -> Judgement {
    let known = (flags::Flags::of(va, lex), flags::Flags::of(vb, lex));
    judge_claims_known(va, vb, same_doc, lex, known)
}

/// `judge_claims`, told each view's `flags::Flags` (kept per claim by `align`).
pub(super) fn judge_claims_known(
    va: &ClaimView,
    vb: &ClaimView,
    same_doc: bool,
    lex: &lexicon::AlignLexicon,
    (fa, fb): (flags::Flags, flags::Flags),
) -> Judgement {
    let (va, vb) = regroup::regrouped_known(va, vb, fa.ambiguous, fb.ambiguous, lex);
    let j = relation::judge_known(&va, &vb, lex, true, (fa.untagged, fb.untagged));
    if same_doc {
        relation::within_document(j, &va, &vb)
    } else {
        j
    }
}

/// Compares two free-standing sentences (or short texts) of `language`.
pub fn compare(a: &str, b: &str, language: &'static Language) -> Judgement {
    let views = build::text_views(&[a, b], language);
    let (va, vb) = regroup::regrouped(&views[0], &views[1], &language.align);
    let j = relation::judge(&va, &vb, &language.align, false);
    if asks(a) || asks(b) {
        relation::unasserted(j, "a question asserts nothing")
    } else {
        j
    }
}

/// Whether a text ends in a question (a corpus takes no claim from one).
fn asks(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace() || "\"'\u{201d}\u{2019})".contains(c))
        .ends_with('?')
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
