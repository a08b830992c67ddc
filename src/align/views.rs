//! Claim views for judging pairs, held for at most `resident_claims()` claims at a time.
//!
//! Documents are cut, in corpus order, into blocks of at most half that many claims. A pair
//! `(a, b)` falls in the tile (block of `a`, block of `b`); tiles are judged in order, so
//! the views of one block (`home`) serve every tile of its row, built once, and a tile
//! builds only the documents of its second claims (`away`, dropped after the tile). A
//! claim's view is built with the rest of its document, since it may take content from the
//! claims before it. When every claim fits, there is one block and no view is built twice.
//!
//! The cost of the bound: pairs within a block build nothing more; a tile far from the
//! diagonal builds its away documents once for all its pairs, so at worst (pairs spread
//! evenly over the corpus) each view is built once per block after its own.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::build::Sources;
use super::outline::{CorpusIdf, Outline};
use super::represent::ClaimView;
use crate::stage::{Cancel, Cancelled};

/// How many claims' views are held at most (each a few kilobytes) unless the environment
/// variable `CROSSWIRE_ALIGN_CLAIMS_HELD` says otherwise: 2¹⁷ claims, about 5,000 news
/// articles.
const RESIDENT_CLAIMS: usize = 1 << 17;

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
    /// Documents whose views were built after the outline: the cost of the bound.
    pub built: usize,
}

impl<'a> Views<'a> {
    /// No views held yet; at most `budget` claims' views will be.
    pub fn new(
        sources: &'a Sources<'a>,
        outline: &'a Outline,
        idf: Option<&'a CorpusIdf>,
        budget: usize,
    ) -> Views<'a> {
        let docs = sources.docs() as u32;
        let size = |d: u32| outline.claims_of(d).len();
        let block_claims = if outline.len() <= budget {
            usize::MAX
        } else {
            budget / 2
        };
        let mut blocks: Vec<Range<u32>> = Vec::new();
        let mut claims = 0;
        for d in 0..docs {
            match blocks.last_mut() {
                Some(b) if claims + size(d) <= block_claims => b.end = d + 1,
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
        Views {
            sources,
            outline,
            idf,
            blocks,
            block_of,
            home_block: None,
            home: HashMap::new(),
            built: 0,
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
    /// tile; the results in the order of `pairs`.
    pub fn judge_all<T: Send>(
        &mut self,
        pairs: &[(u32, u32)],
        cancel: &Cancel,
        judge: impl Fn(u32, u32, &ClaimView, &ClaimView) -> Result<T, Cancelled> + Sync,
    ) -> Result<Vec<T>, Cancelled> {
        let outline = self.outline;
        let doc = |c: u32| outline.claims[c as usize].doc;
        let tiles: Vec<(u32, u32)> = pairs
            .iter()
            .map(|&(a, b)| {
                (
                    self.block_of[doc(a) as usize],
                    self.block_of[doc(b) as usize],
                )
            })
            .collect();
        let mut order: Vec<usize> = (0..pairs.len()).collect();
        order.sort_by_key(|&k| (tiles[k], k));
        let mut out: Vec<Option<T>> = std::iter::repeat_with(|| None).take(pairs.len()).collect();
        for run in order.chunk_by(|&x, &y| tiles[x] == tiles[y]) {
            let (home_block, away_block) = tiles[run[0]];
            if self.home_block != Some(home_block) {
                self.home.clear();
                let docs: Vec<u32> = self.blocks[home_block as usize].clone().collect();
                self.home = self.build(&docs, cancel)?;
                self.home_block = Some(home_block);
            }
            let mut away_docs: Vec<u32> = if away_block == home_block {
                Vec::new()
            } else {
                run.iter().map(|&k| doc(pairs[k].1)).collect()
            };
            away_docs.sort_unstable();
            away_docs.dedup();
            let away = self.build(&away_docs, cancel)?;
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
        }
        Ok(out
            .into_iter()
            .map(|t| t.expect("every pair is in a tile"))
            .collect())
    }

    /// The weighed views of `docs`, built in parallel.
    fn build(&mut self, docs: &[u32], cancel: &Cancel) -> Result<DocViews, Cancelled> {
        let (sources, idf) = (self.sources, self.idf);
        let built: DocViews = docs
            .par_iter()
            .map(|&d| {
                cancel.check()?;
                let mut views = sources.doc_views(d as usize);
                if let Some(idf) = idf {
                    views.iter_mut().for_each(|v| idf.weigh(v));
                }
                Ok((d, views))
            })
            .collect::<Result<_, Cancelled>>()?;
        self.built += built.len();
        Ok(built)
    }
}
