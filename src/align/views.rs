//! Claim views for judging pairs, held for at most `resident_claims()` claims at a time.
//!
//! Documents are cut, in corpus order, into blocks of at most half that many claims (for
//! one batch of pairs, counting only the claims its pairs name). A pair `(a, b)` falls in
//! the tile (block of `a`, block of `b`); tiles are judged in order, so the views of one
//! block (`home`) serve every tile of its row, built once, and a tile builds only the
//! documents of its second claims (`away`, dropped after the tile). A row ends with its
//! tile with the next block, whose away views are kept for that block's turn as home (only
//! the rest of it built then): pairs across the boundary of two blocks (one story's
//! articles on either side) build nothing twice. A claim's view is built
//! with the rest of its document, since it may take content from the claims before it.
//! When every claim fits, there is one block and no view is built twice.
//!
//! The cost of the bound: pairs within a block build nothing more; a tile far from the
//! diagonal builds its away documents once for all its pairs, so at worst (pairs spread
//! evenly over the corpus) each view is built once per block after its own. Pairs whose
//! first claims are few and anywhere (copies and their representatives) are judged apart
//! (`judge_scattered`): only those first claims' views are held.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::build::Sources;
use super::outline::{CorpusIdf, Outline};
use super::represent::ClaimView;
use crate::stage::{Cancel, Cancelled};

/// How many claims' views are held at most (each a few kilobytes) unless the environment
/// variable `CROSSWIRE_ALIGN_CLAIMS_HELD` says otherwise: 2¹⁶ claims, about 2,200 news
/// articles. Builds are partial (a batch builds only the claims it names), so a view built
/// again costs little: on 10,000 articles, 2¹⁶ against 2¹⁷ took alignment's peak from 2.8 to
/// 1.9 GB for about 11% more of its CPU (benches/README.md, session 26).
const RESIDENT_CLAIMS: usize = 1 << 16;

/// How many claims' views alignment holds at most: `RESIDENT_CLAIMS`, or the number in
/// `CROSSWIRE_ALIGN_CLAIMS_HELD` (read once; less memory, more views built again).
pub fn resident_claims() -> usize {
    static HELD: OnceLock<usize> = OnceLock::new();
    *HELD.get_or_init(|| {
        std::env::var("CROSSWIRE_ALIGN_CLAIMS_HELD")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or(RESIDENT_CLAIMS)
    })
}

type DocViews = HashMap<u32, Vec<ClaimView>>;

/// The views of the documents the tile being judged needs, each weighed by the corpus.
pub struct Views<'a> {
    sources: &'a Sources<'a>,
    outline: &'a Outline,
    idf: Option<&'a CorpusIdf>,
    /// Documents of each block, in order.
    blocks: Vec<Range<u32>>,
    /// The block of each document.
    block_of: Vec<u32>,
    /// The block whose views `home` holds.
    home_block: Option<u32>,
    home: DocViews,
    /// How many claims' views may be held at once.
    budget: usize,
    /// Documents whose views were built after the outline: the cost of the bound.
    pub built: usize,
    /// Claims whose views those builds were asked for (a document's build costs about
    /// its claims built).
    pub claims_built: usize,
}

impl<'a> Views<'a> {
    /// No views held yet; at most `budget` claims' views will be.
    pub fn new(
        sources: &'a Sources<'a>,
        outline: &'a Outline,
        idf: Option<&'a CorpusIdf>,
        budget: usize,
    ) -> Views<'a> {
        let block_claims = if outline.len() <= budget {
            usize::MAX
        } else {
            budget / 2
        };
        let (blocks, block_of) = cut(sources.docs() as u32, block_claims, |d| {
            outline.claims_of(d).len()
        });
        Views {
            sources,
            outline,
            idf,
            blocks,
            block_of,
            home_block: None,
            home: HashMap::new(),
            budget,
            built: 0,
            claims_built: 0,
        }
    }

    /// Holds the views of document `d` (built by the caller, not yet weighed) if the whole
    /// corpus is one block: they serve every pair.
    pub fn keep(&mut self, d: u32, mut views: Vec<ClaimView>) {
        if self.blocks.len() != 1 {
            return;
        }
        if let Some(idf) = self.idf {
            views.iter_mut().for_each(|v| idf.weigh(v));
        }
        self.home_block = Some(0);
        self.home.insert(d, views);
    }

    /// `judge(a, b, view of a, view of b)` for every pair (`a < b`), in parallel, tile by
    /// tile; the results in the order of `pairs`. When the corpus is more than one block,
    /// the blocks of this call count only the claims its pairs name (a claim in no pair,
    /// such as a copy judged already, holds no view): fewer blocks, so fewer documents
    /// built again as away documents, and only the views named are kept and weighed.
    pub fn judge_all<T: Send>(
        &mut self,
        pairs: &[(u32, u32)],
        cancel: &Cancel,
        judge: impl Fn(u32, u32, &ClaimView, &ClaimView) -> Result<T, Cancelled> + Sync,
    ) -> Result<Vec<T>, Cancelled> {
        let outline = self.outline;
        let doc = |c: u32| outline.claims[c as usize].doc;
        let resident = self.blocks.len() == 1;
        let mut named = vec![false; if resident { 0 } else { outline.len() }];
        let (blocks, block_of) = if resident {
            (self.blocks.clone(), self.block_of.clone())
        } else {
            for &(a, b) in pairs {
                named[a as usize] = true;
                named[b as usize] = true;
            }
            self.home.clear();
            self.home_block = None;
            cut(self.sources.docs() as u32, (self.budget / 2).max(1), |d| {
                named[outline.claims_of(d)].iter().filter(|&&n| n).count()
            })
        };
        let named = (!resident).then_some(&named[..]);
        let tiles: Vec<(u32, u32)> = pairs
            .iter()
            .map(|&(a, b)| (block_of[doc(a) as usize], block_of[doc(b) as usize]))
            .collect();
        // A row's tile with the next block comes last: its away views are kept for that
        // block's turn as home (`carried`), which then builds only the rest.
        let next = |(home, away): (u32, u32)| (home, away == home + 1, away);
        let mut order: Vec<usize> = (0..pairs.len()).collect();
        order.sort_by_key(|&k| (next(tiles[k]), k));
        let mut out: Vec<Option<T>> = std::iter::repeat_with(|| None).take(pairs.len()).collect();
        let mut carried: Option<(u32, DocViews, Vec<u32>)> = None;
        for run in order.chunk_by(|&x, &y| tiles[x] == tiles[y]) {
            let (home_block, away_block) = tiles[run[0]];
            if self.home_block != Some(home_block) {
                self.home.clear();
                let (views, claims) = match carried.take() {
                    Some((block, views, claims)) if block == home_block => (views, claims),
                    _ => (HashMap::new(), Vec::new()),
                };
                let docs: Vec<u32> = blocks[home_block as usize]
                    .clone()
                    .filter(|&d| named.is_none_or(|n| n[outline.claims_of(d)].contains(&true)))
                    .collect();
                self.home = self.build_around(&docs, named, (views, &claims), cancel)?;
                self.home_block = Some(home_block);
            }
            // Of an away document only the tile's second claims are built.
            let mut away_claims: Vec<u32> = if away_block == home_block {
                Vec::new()
            } else {
                run.iter().map(|&k| pairs[k].1).collect()
            };
            away_claims.sort_unstable();
            away_claims.dedup();
            let away = self.build_claims(&away_claims, cancel)?;
            let home = &self.home;
            let view = |c: u32| {
                let r = outline.claims[c as usize];
                let views = home.get(&r.doc).or_else(|| away.get(&r.doc));
                &views.expect("the tile's documents are built")[r.index as usize]
            };
            let judged: Vec<T> = run
                .par_iter()
                .map(|&k| {
                    let (a, b) = pairs[k];
                    judge(a, b, view(a), view(b))
                })
                .collect::<Result<_, Cancelled>>()?;
            for (&k, t) in run.iter().zip(judged) {
                out[k] = Some(t);
            }
            if away_block == home_block + 1 {
                carried = Some((away_block, away, away_claims));
            }
        }
        if !resident {
            self.home.clear();
            self.home_block = None;
        }
        Ok(out
            .into_iter()
            .map(|t| t.expect("every pair is in a tile"))
            .collect())
    }

    /// `judge(a, b, view of a, view of b)` for copies and their representatives (pairs with
    /// `a` the first claim of its kind in corpus order, so `a < b`), the results in the order
    /// of `pairs`: documents are swept once in corpus order, a stretch at a time built in
    /// parallel; a representative's view is held from its own document until its last copy
    /// is judged (wire copy is mostly near its original, so few are held at once). Those
    /// that would hold more than half the budget are not held: their later copies are
    /// judged after the sweep (`judge_scattered`).
    pub fn judge_copies<T: Send>(
        &mut self,
        pairs: &[(u32, u32)],
        cancel: &Cancel,
        judge: impl Fn(u32, u32, &ClaimView, &ClaimView) -> Result<T, Cancelled> + Sync,
    ) -> Result<Vec<T>, Cancelled> {
        if self.blocks.len() == 1 {
            return self.judge_all(pairs, cancel, judge);
        }
        let outline = self.outline;
        let at = |c: u32| outline.claims[c as usize];
        let held = (self.budget / 2).max(1);
        // Each representative's last copy's document, and the pairs by copy's document.
        let mut last: HashMap<u32, u32> = HashMap::new();
        let mut named = vec![false; outline.len()];
        for &(a, b) in pairs {
            let end = last.entry(a).or_insert(0);
            *end = (*end).max(at(b).doc);
            named[a as usize] = true;
            named[b as usize] = true;
        }
        let mut by_doc: Vec<usize> = (0..pairs.len()).collect();
        by_doc.sort_by_key(|&k| (at(pairs[k].1).doc, k));
        // Stretches of documents holding at most `held / 2` named claims, built together.
        let (stretches, _) = cut(self.sources.docs() as u32, (held / 2).max(1), |d| {
            named[outline.claims_of(d)].iter().filter(|&&n| n).count()
        });
        let mut kept: HashMap<u32, ClaimView> = HashMap::new();
        let mut spilled: Vec<usize> = Vec::new();
        let mut out: Vec<Option<T>> = std::iter::repeat_with(|| None).take(pairs.len()).collect();
        let mut next = 0;
        for stretch in stretches {
            let from = next;
            while next < by_doc.len() && at(pairs[by_doc[next]].1).doc < stretch.end {
                next += 1;
            }
            let docs: Vec<u32> = stretch
                .filter(|&d| named[outline.claims_of(d)].contains(&true))
                .collect();
            if docs.is_empty() {
                continue;
            }
            let built = self.build(&docs, Some(&named), cancel)?;
            let view = |c: u32| {
                let r = at(c);
                match built.get(&r.doc) {
                    Some(v) => Some(&v[r.index as usize]),
                    None => kept.get(&c),
                }
            };
            let run = &by_doc[from..next];
            let judged: Vec<Option<T>> = run
                .par_iter()
                .map(|&k| {
                    let (a, b) = pairs[k];
                    match view(a) {
                        Some(va) => judge(a, b, va, view(b).expect("built")).map(Some),
                        None => Ok(None),
                    }
                })
                .collect::<Result<_, Cancelled>>()?;
            for (&k, t) in run.iter().zip(judged) {
                match t {
                    Some(t) => out[k] = Some(t),
                    None => spilled.push(k),
                }
            }
            // Hold the representatives of this stretch with copies further on, while room.
            let end = docs.last().copied().unwrap_or(0);
            kept.retain(|c, _| last[c] > end);
            let mut built = built;
            let mut fresh: Vec<u32> = last
                .iter()
                .filter(|&(&c, &l)| l > end && built.contains_key(&at(c).doc))
                .map(|(&c, _)| c)
                .collect();
            fresh.sort_unstable();
            for c in fresh {
                if kept.len() >= held {
                    break;
                }
                let r = at(c);
                let v = built.get_mut(&r.doc).expect("built");
                kept.insert(c, std::mem::take(&mut v[r.index as usize]));
            }
        }
        if !spilled.is_empty() {
            spilled.sort_unstable();
            let rest: Vec<(u32, u32)> = spilled.iter().map(|&k| pairs[k]).collect();
            for (k, t) in spilled
                .into_iter()
                .zip(self.judge_scattered(&rest, cancel, judge)?)
            {
                out[k] = Some(t);
            }
        }
        Ok(out
            .into_iter()
            .map(|t| t.expect("every pair is judged"))
            .collect())
    }

    /// `judge(a, b, view of a, view of b)` for every pair (`a < b`), in parallel, the
    /// results in the order of `pairs`, for pairs whose first claims are anywhere in the
    /// corpus and each pair's own (copies and their representative, `copies`): tiles would
    /// build nearly every document once per block. Here only the first claims' views are
    /// held (at most half the budget at a time), and each second claim's document is built
    /// once per such batch, its pairs judged, and dropped: a document is built at most twice
    /// when the first claims fit in one batch.
    pub fn judge_scattered<T: Send>(
        &mut self,
        pairs: &[(u32, u32)],
        cancel: &Cancel,
        judge: impl Fn(u32, u32, &ClaimView, &ClaimView) -> Result<T, Cancelled> + Sync,
    ) -> Result<Vec<T>, Cancelled> {
        if self.blocks.len() == 1 {
            return self.judge_all(pairs, cancel, judge);
        }
        let outline = self.outline;
        let at = |c: u32| outline.claims[c as usize];
        let held = (self.budget / 2).max(1);
        let mut order: Vec<usize> = (0..pairs.len()).collect();
        order.sort_by_key(|&k| (pairs[k].0, k));
        let mut out: Vec<Option<T>> = std::iter::repeat_with(|| None).take(pairs.len()).collect();
        let mut start = 0;
        while start < order.len() {
            // A batch: the pairs of the next `held` distinct first claims.
            let (mut end, mut distinct, mut last) = (start, 0, None);
            while end < order.len() {
                let a = pairs[order[end]].0;
                if last != Some(a) {
                    if distinct == held {
                        break;
                    }
                    distinct += 1;
                    last = Some(a);
                }
                end += 1;
            }
            let batch = &order[start..end];
            start = end;
            let firsts = self.claim_views(batch.iter().map(|&k| pairs[k].0), cancel)?;
            let mut by_doc = batch.to_vec();
            by_doc.sort_by_key(|&k| (at(pairs[k].1).doc, k));
            let runs: Vec<&[usize]> = by_doc
                .chunk_by(|&x, &y| at(pairs[x].1).doc == at(pairs[y].1).doc)
                .collect();
            let (sources, idf) = (self.sources, self.idf);
            let judged: Vec<Vec<T>> = runs
                .par_iter()
                .map(|run| {
                    cancel.check()?;
                    let d = at(pairs[run[0]].1).doc as usize;
                    let mut views = sources.doc_views_of(d, |i| {
                        run.iter().any(|&k| at(pairs[k].1).index as usize == i)
                    });
                    weigh_some(&mut views, run.iter().map(|&k| at(pairs[k].1).index), idf);
                    run.iter()
                        .map(|&k| {
                            let (a, b) = pairs[k];
                            judge(a, b, &firsts[&a], &views[at(b).index as usize])
                        })
                        .collect()
                })
                .collect::<Result<_, Cancelled>>()?;
            self.built += runs.len();
            let mut seconds: Vec<u32> = batch.iter().map(|&k| pairs[k].1).collect();
            seconds.sort_unstable();
            seconds.dedup();
            self.claims_built += seconds.len();
            for (run, ts) in runs.iter().zip(judged) {
                for (&k, t) in run.iter().zip(ts) {
                    out[k] = Some(t);
                }
            }
        }
        Ok(out
            .into_iter()
            .map(|t| t.expect("every pair is in a batch"))
            .collect())
    }

    /// The weighed views of `claims` (any order, repeats allowed), each document built once,
    /// in parallel; only the claims asked for are kept.
    fn claim_views(
        &mut self,
        claims: impl Iterator<Item = u32>,
        cancel: &Cancel,
    ) -> Result<HashMap<u32, ClaimView>, Cancelled> {
        let outline = self.outline;
        let mut wanted: Vec<u32> = claims.collect();
        wanted.sort_unstable();
        wanted.dedup();
        let runs: Vec<&[u32]> = wanted
            .chunk_by(|&x, &y| outline.claims[x as usize].doc == outline.claims[y as usize].doc)
            .collect();
        let (sources, idf) = (self.sources, self.idf);
        let built: Vec<Vec<(u32, ClaimView)>> = runs
            .par_iter()
            .map(|run| {
                cancel.check()?;
                let index = |c: u32| outline.claims[c as usize].index;
                let d = outline.claims[run[0] as usize].doc as usize;
                let mut views = sources.doc_views_of(d, |i| wanted_in(run, i, index));
                weigh_some(&mut views, run.iter().map(|&c| index(c)), idf);
                Ok(run
                    .iter()
                    .map(|&c| (c, std::mem::take(&mut views[index(c) as usize])))
                    .collect())
            })
            .collect::<Result<_, Cancelled>>()?;
        self.built += runs.len();
        self.claims_built += wanted.len();
        Ok(built.into_iter().flatten().collect())
    }

    /// The weighed views of `claims` (sorted, distinct) with the rest of their documents
    /// left empty, each document built in parallel (only the claims asked for, see
    /// `Sources::doc_views_of`).
    fn build_claims(&mut self, claims: &[u32], cancel: &Cancel) -> Result<DocViews, Cancelled> {
        let (sources, idf, outline) = (self.sources, self.idf, self.outline);
        let runs: Vec<&[u32]> = claims
            .chunk_by(|&x, &y| outline.claims[x as usize].doc == outline.claims[y as usize].doc)
            .collect();
        let built: DocViews = runs
            .par_iter()
            .map(|run| {
                cancel.check()?;
                let index = |c: u32| outline.claims[c as usize].index;
                let d = outline.claims[run[0] as usize].doc;
                let views = weighed_views(sources, idf, d as usize, |i| wanted_in(run, i, index));
                Ok((d, views))
            })
            .collect::<Result<_, Cancelled>>()?;
        self.built += built.len();
        self.claims_built += claims.len();
        Ok(built)
    }

    /// `build(docs, named)`, where `carried` holds the views of some of those claims
    /// already (`(views by document, their claims sorted)`, as `build_claims` gives them):
    /// only the others are built, and a document with none left is not built again.
    fn build_around(
        &mut self,
        docs: &[u32],
        named: Option<&[bool]>,
        (mut carried, claims): (DocViews, &[u32]),
        cancel: &Cancel,
    ) -> Result<DocViews, Cancelled> {
        if claims.is_empty() {
            return self.build(docs, named, cancel);
        }
        let outline = self.outline;
        let mut wanted = named.map_or_else(|| vec![true; outline.len()], <[bool]>::to_vec);
        for &c in claims {
            wanted[c as usize] = false;
        }
        let rest: Vec<u32> = (docs.iter().copied())
            .filter(|&d| wanted[outline.claims_of(d)].contains(&true))
            .collect();
        let mut built = self.build(&rest, Some(&wanted), cancel)?;
        for &c in claims {
            let r = outline.claims[c as usize];
            let from = carried.get_mut(&r.doc).expect("a carried claim's document");
            let view = std::mem::take(&mut from[r.index as usize]);
            let n = from.len();
            let into = built
                .entry(r.doc)
                .or_insert_with(|| std::iter::repeat_with(ClaimView::default).take(n).collect());
            into[r.index as usize] = view;
        }
        Ok(built)
    }

    /// The weighed views of `docs`, built in parallel; with `named`, only the claims it
    /// names keep (and weigh) their views, the others left empty.
    fn build(
        &mut self,
        docs: &[u32],
        named: Option<&[bool]>,
        cancel: &Cancel,
    ) -> Result<DocViews, Cancelled> {
        let (sources, idf, outline) = (self.sources, self.idf, self.outline);
        let built: DocViews = docs
            .par_iter()
            .map(|&d| {
                cancel.check()?;
                let first = outline.claims_of(d).start;
                let wanted = |i: usize| named.is_none_or(|n| n[first + i]);
                Ok((d, weighed_views(sources, idf, d as usize, wanted)))
            })
            .collect::<Result<_, Cancelled>>()?;
        self.built += built.len();
        self.claims_built += (docs.iter())
            .map(|&d| {
                named.map_or(outline.claims_of(d).len(), |n| {
                    n[outline.claims_of(d)].iter().filter(|&&x| x).count()
                })
            })
            .sum::<usize>();
        Ok(built)
    }
}

/// Documents `0..docs` cut, in order, into blocks of at most `most` claims as counted by
/// `size` (a larger document is a block of its own): the blocks, and the block of each
/// document.
fn cut(docs: u32, most: usize, size: impl Fn(u32) -> usize) -> (Vec<Range<u32>>, Vec<u32>) {
    let mut blocks: Vec<Range<u32>> = Vec::new();
    let mut claims = 0;
    for d in 0..docs {
        match blocks.last_mut() {
            Some(b) if claims + size(d) <= most => b.end = d + 1,
            _ => {
                blocks.push(d..d + 1);
                claims = 0;
            }
        }
        claims += size(d);
    }
    let mut block_of = vec![0; docs as usize];
    for (k, b) in blocks.iter().enumerate() {
        for d in b.clone() {
            block_of[d as usize] = k as u32;
        }
    }
    (blocks, block_of)
}

/// Whether claim index `i` (in its document) is one of `run`'s claims (`index`: a
/// claim's index in its document; `run` sorted, so by index too).
fn wanted_in(run: &[u32], i: usize, index: impl Fn(u32) -> u32) -> bool {
    run.binary_search_by_key(&(i as u32), |&c| index(c)).is_ok()
}

/// Weighs the views of `views` at `indices` (repeats allowed) by the corpus, each once.
/// The views of document `d` for the claims `wanted` picks, weighed; the others empty.
fn weighed_views(
    sources: &Sources,
    idf: Option<&CorpusIdf>,
    d: usize,
    wanted: impl Fn(usize) -> bool,
) -> Vec<ClaimView> {
    let mut views = sources.doc_views_of(d, &wanted);
    for (i, v) in views.iter_mut().enumerate() {
        if !wanted(i) {
            *v = ClaimView::default();
        } else if let Some(idf) = idf {
            idf.weigh(v);
        }
    }
    views
}

fn weigh_some(
    views: &mut [ClaimView],
    indices: impl Iterator<Item = u32>,
    idf: Option<&CorpusIdf>,
) {
    let Some(idf) = idf else { return };
    let mut indices: Vec<u32> = indices.collect();
    indices.sort_unstable();
    indices.dedup();
    for i in indices {
        idf.weigh(&mut views[i as usize]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Document};

    /// Each claim with the next one of the corpus: pairs within blocks and across each
    /// boundary between two blocks.
    fn neighbours(outline: &Outline) -> Vec<(u32, u32)> {
        (1..outline.len() as u32).map(|c| (c - 1, c)).collect()
    }

    #[test]
    fn a_claim_judged_with_the_block_before_is_not_built_again_as_home() {
        let docs: Vec<Document> = (crate::text::sample::texts().enumerate())
            .map(|(i, t)| Document::new(i.to_string(), t.to_owned(), None, None))
            .collect();
        let corpus = Corpus::new(docs).unwrap();
        let cancel = Cancel::never();
        let sources = Sources::of(&corpus, &cancel).unwrap();
        let outline = Outline::of(&sources, &cancel, None).unwrap();
        let pairs = neighbours(&outline);
        let seen = |a: u32, b: u32, va: &ClaimView, vb: &ClaimView| {
            Ok((
                a,
                b,
                va.sentence,
                vb.sentence,
                va.terms.len(),
                vb.terms.len(),
            ))
        };
        let mut all = Views::new(&sources, &outline, None, usize::MAX);
        let whole = all.judge_all(&pairs, &cancel, seen).unwrap();
        // Blocks of 20 claims: several, each with pairs across its boundary.
        let mut views = Views::new(&sources, &outline, None, 40);
        assert!(views.blocks.len() > 3, "{} blocks", views.blocks.len());
        assert_eq!(views.judge_all(&pairs, &cancel, seen).unwrap(), whole);
        // Every claim's view built once: those judged with the block before are carried
        // into their own block's turn as home.
        assert_eq!(views.claims_built, outline.len());
    }
}
