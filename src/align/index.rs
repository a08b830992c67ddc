//! Candidate pairs from an inverted index, never from all pairs. Keys are entity ids,
//! content terms (paraphrase groups included) and figure buckets. A key held by more than
//! `MAX_POSTING` claims is too common to point at one proposition and is left out, so each
//! claim meets at most keys × `MAX_POSTING` others: the cost grows linearly with the corpus.

use std::collections::HashMap;

use rayon::prelude::*;

use super::represent::ClaimView;
use crate::stage::{Cancel, Cancelled};

pub const MAX_POSTING: usize = 64;
/// Terms commoner than this (idf below) are not keys: `year`, `people`.
const MIN_KEY_IDF: f32 = 1.5;
/// Two claims become a candidate pair when they share this many keys.
const MIN_SHARED: u32 = 2;

fn keys(v: &ClaimView) -> Vec<String> {
    let mut k: Vec<String> = v.entities.keys().map(|e| format!("@{e}")).collect();
    k.extend(
        v.terms
            .iter()
            .filter(|t| t.idf >= MIN_KEY_IDF)
            .map(|t| t.key.clone()),
    );
    k.extend(v.figures.iter().flat_map(|f| f.buckets()));
    k.extend(v.events.iter().map(|e| format!("!{e}")));
    k.extend(v.speaker_key.iter().map(|s| format!("${s}")));
    k.sort();
    k.dedup();
    k
}

/// Pairs `(i, j)`, `i < j`, sorted: claims that share at least `MIN_SHARED` useful keys.
pub fn candidates(views: &[ClaimView], cancel: &Cancel) -> Result<Vec<(u32, u32)>, Cancelled> {
    let keyed: Vec<Vec<String>> = views.par_iter().map(keys).collect();
    let mut postings: HashMap<&str, Vec<u32>> = HashMap::new();
    for (i, ks) in keyed.iter().enumerate() {
        for k in ks {
            postings.entry(k.as_str()).or_default().push(i as u32);
        }
    }
    postings.retain(|_, p| p.len() <= MAX_POSTING && p.len() > 1);
    let per_claim: Vec<Vec<(u32, u32)>> = keyed
        .par_iter()
        .enumerate()
        .map(|(i, ks)| {
            cancel.check()?;
            let mut counts: HashMap<u32, u32> = HashMap::new();
            for k in ks {
                if let Some(p) = postings.get(k.as_str()) {
                    for &j in p.iter().filter(|&&j| j > i as u32) {
                        *counts.entry(j).or_default() += 1;
                    }
                }
            }
            let mut mine: Vec<(u32, u32)> = counts
                .into_iter()
                .filter(|&(_, c)| c >= MIN_SHARED)
                .map(|(j, _)| (i as u32, j))
                .collect();
            mine.sort_unstable();
            Ok(mine)
        })
        .collect::<Result<_, Cancelled>>()?;
    let mut pairs: Vec<(u32, u32)> = per_claim.into_iter().flatten().collect();
    // Claims of one sentence answer each other (`Moscow claims …, but officials put the
    // figure at …`): neighbours in a sentence are always compared.
    pairs.extend(
        views
            .windows(2)
            .enumerate()
            .filter(|(_, w)| w[0].sentence.is_some() && w[0].sentence == w[1].sentence)
            .map(|(i, _)| (i as u32, i as u32 + 1)),
    );
    pairs.sort_unstable();
    pairs.dedup();
    Ok(pairs)
}
