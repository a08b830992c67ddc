//! Alignment of a corpus cut into partitions (`crosswire.dask`, stages P3-P6 of
//! benches/DASK.md): the same pairs, scores and groups as `align`, from pieces each of which
//! reads one partition, one key's holders, one claim's keys or one pair's claims.
//!
//! What crosses partitions is small and numbered in the corpus: claims by their corpus
//! index, keys with their holders, term counts, and the views of claims a pair needs from
//! another partition (`Picked`, serialisable). Every decision is the in-process one:
//! `Sources::doc_views`, `outline::weigh_terms`, `index::keys`/`weight`/`window`/
//! `sentence_pairs`, `judge_claims`, `one_statement`, `groups`.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::build::{ClaimRef, Sources};
use super::lexicon::AlignLexicon;
use super::outline::key_hash;
use super::represent::ClaimView;
use super::{copies, groups, index, judge_claims, one_statement, outline, Relation};
use crate::claims::claim_id;
use crate::corpus::Corpus;
use crate::stage::{Cancel, Cancelled};

/// A partition's claims as the aligner indexes them, without their views: a view is
/// several kilobytes (about 11 KB on news), so views are built again from the partition's
/// corpus for the pairs that need them (`views`, `pick`, `judge`) and dropped after, as
/// in-process alignment does past `views::resident_claims()`. What is held is about as
/// much as the in-process `Outline`: a few hundred bytes a claim.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PartitionClaims {
    /// The corpus's number of the partition's first document.
    pub first_doc: u32,
    /// How many documents the partition has.
    doc_count: u32,
    /// Where each claim is (documents numbered in the corpus).
    pub refs: Vec<ClaimRef>,
    /// Each claim's id (`doc:start`), for the pairs table.
    pub ids: Vec<String>,
    /// Each claim's document's name, for the pairs table.
    pub docs: Vec<String>,
    /// What each claim says, hashed (`copies::signature`).
    pub signatures: Vec<u64>,
    /// `(document in the corpus, sentence)` of each claim.
    pub sentences: Vec<Option<(u32, u32)>>,
    /// Each claim's index keys before the corpus weighs its terms.
    keys: KeyTable,
    /// The claims' terms with their reference idfs (the corpus counts them).
    pub terms: TermTable,
    /// The corpus's weights once `weigh` has been given them.
    weights: Option<Weights>,
}

/// Every claim's `index::key_strings` (sorted, distinct), hashed, with each key's reference
/// idf (infinite for keys that are not terms): claim `i`'s are `start[i]..start[i + 1]`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct KeyTable {
    start: Vec<u32>,
    /// `outline::key_hash` of each key (what the corpus's counts are keyed by).
    hash: Vec<u64>,
    /// `row_key` of each key (the hash, marked when it is a words key).
    row: Vec<u64>,
    idf: Vec<f32>,
}

impl KeyTable {
    fn of(views: &[ClaimView]) -> KeyTable {
        let mut t = KeyTable {
            start: vec![0],
            ..KeyTable::default()
        };
        for v in views {
            for (key, idf) in index::key_strings(v) {
                t.hash.push(key_hash(&key));
                t.row.push(row_key(&key));
                t.idf.push(idf);
            }
            t.start.push(t.hash.len() as u32);
        }
        t
    }
}

/// The corpus's term counts a partition weighs its claims by: `n` distinct claims, `df`
/// of them holding each term (hashed) whose corpus idf lowers a weight.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Weights {
    n: usize,
    df: HashMap<u64, u32>,
}

impl Weights {
    /// What a term (hashed key) of reference idf `idf` weighs in the corpus, as
    /// `outline::weigh_terms` weighs a view's terms.
    fn weighed(&self, hash: u64, idf: f32) -> f32 {
        if self.n < outline::MIN_CLAIMS_FOR_CORPUS_IDF {
            return idf;
        }
        idf.min(outline::corpus_idf(
            self.n,
            self.df.get(&hash).copied().unwrap_or(0),
        ))
    }

    /// `view` weighed by the corpus (the in-place weighing of a built view).
    fn weigh(&self, view: &mut ClaimView) {
        if self.n >= outline::MIN_CLAIMS_FOR_CORPUS_IDF {
            let idf = |k: &str| {
                outline::corpus_idf(self.n, self.df.get(&key_hash(k)).copied().unwrap_or(0))
            };
            outline::weigh_terms(view, idf);
        }
    }
}

/// A partition's terms as the corpus counts them: distinct keys (hashed), each with its
/// highest reference idf here (terms of claims and of their clauses), and the keys of
/// each claim's own terms.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TermTable {
    /// Distinct keys, sorted.
    keys: Vec<u64>,
    /// Each key's highest reference idf.
    top: Vec<f32>,
    /// Claim `i`'s terms are `held[start[i]..start[i + 1]]` (places in `keys`).
    held: Vec<u32>,
    start: Vec<u32>,
}

impl TermTable {
    fn of(views: &[ClaimView]) -> TermTable {
        let mut top: HashMap<u64, f32> = HashMap::new();
        let mut hashed: Vec<Vec<u64>> = Vec::with_capacity(views.len());
        for v in views {
            let mine: Vec<u64> = v.terms.iter().map(|t| key_hash(&t.key)).collect();
            let clause_terms = v.clauses.iter().flat_map(|c| &c.terms);
            for (k, t) in mine
                .iter()
                .copied()
                .zip(&v.terms)
                .chain(clause_terms.map(|t| (key_hash(&t.key), t)))
            {
                let e = top.entry(k).or_insert(f32::NEG_INFINITY);
                *e = e.max(t.idf);
            }
            hashed.push(mine);
        }
        TermTable::from_rows(top, hashed)
    }

    /// The table of claims whose terms are `rows` (keys), each key's top idf in `top`.
    fn from_rows<R: IntoIterator<Item = u64>>(
        top: HashMap<u64, f32>,
        rows: impl IntoIterator<Item = R>,
    ) -> TermTable {
        let mut keys: Vec<(u64, f32)> = top.into_iter().collect();
        keys.sort_unstable_by_key(|x| x.0);
        let place: HashMap<u64, u32> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.0, i as u32))
            .collect();
        let mut start = vec![0];
        let mut held = Vec::new();
        for row in rows {
            held.extend(row.into_iter().map(|k| place[&k]));
            start.push(held.len() as u32);
        }
        TermTable {
            keys: keys.iter().map(|k| k.0).collect(),
            top: keys.iter().map(|k| k.1).collect(),
            held,
            start,
        }
    }
}

/// A partition's corpus and the `Sources` its claims' views are built from, kept together
/// between the tasks that build views (`PartitionClaims::pick`, `judge`): each document's
/// marks (its figures and dates, about a quarter of building the document's views) are
/// found once, not once a task. A pick wants a few claims of many documents, so finding
/// the marks again was most of its cost (benches/DASK.md, session 31).
pub struct KeptSources {
    // Declared before `corpus`: dropped first, as it borrows it.
    sources: Sources<'static>,
    corpus: Arc<Corpus>,
}

impl KeptSources {
    /// The sources of `corpus` (its stages up to claims computed first if need be).
    pub fn new(corpus: Arc<Corpus>, cancel: &Cancel) -> Result<KeptSources, Cancelled> {
        // SAFETY: the borrow is of the corpus inside the Arc's allocation, which does not
        // move and lives as long as `corpus`, held here and dropped after `sources` (fields
        // drop in declaration order). The 'static lifetime never leaves this struct:
        // `sources()` lends it for `&self`'s lifetime only.
        let borrowed: &'static Corpus = unsafe { &*Arc::as_ptr(&corpus) };
        Ok(KeptSources {
            sources: Sources::of(borrowed, cancel)?,
            corpus,
        })
    }

    /// The corpus.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The corpus, shared.
    pub fn corpus_arc(&self) -> Arc<Corpus> {
        Arc::clone(&self.corpus)
    }

    /// Whether anything beside these sources holds the corpus (so dropping them frees
    /// the sources alone).
    pub fn corpus_shared(&self) -> bool {
        Arc::strong_count(&self.corpus) > 1
    }

    /// The sources of the corpus's views.
    pub fn sources(&self) -> &Sources<'_> {
        &self.sources
    }
}

/// Claims a partition needs from another one: `(corpus index, where, id, document, view)`.
pub type Picked = Vec<(u32, ClaimRef, String, String, ClaimView)>;

/// A pair judged aligned, with what the pairs table shows.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgedPair {
    /// The first claim's corpus index.
    pub a: u32,
    /// The second claim's corpus index (`a < b`).
    pub b: u32,
    /// The claims' ids.
    pub ids: (String, String),
    /// Their documents' names.
    pub docs: (String, String),
    /// Agree, conflict or related.
    pub relation: Relation,
    /// As `AlignedPair::score`.
    pub score: f64,
    /// As `AlignedPair::reason`.
    pub reason: String,
}

impl PartitionClaims {
    /// The claims of `corpus`, whose documents are the corpus's from `first_doc` on. Every
    /// view is built once here, read, and dropped.
    pub fn build(
        corpus: &Corpus,
        first_doc: u32,
        cancel: &Cancel,
    ) -> Result<PartitionClaims, Cancelled> {
        Self::build_from(corpus, &Sources::of(corpus, cancel)?, first_doc, cancel)
    }

    /// `build`, from `sources` of `corpus` (kept for the views built later: each
    /// document's marks are found once, not once a task).
    pub fn build_from(
        corpus: &Corpus,
        sources: &Sources,
        first_doc: u32,
        cancel: &Cancel,
    ) -> Result<PartitionClaims, Cancelled> {
        // Per document, so that a document's views go once it is read.
        struct Read {
            signatures: Vec<u64>,
            sentences: Vec<Option<(u32, u32)>>,
            keys: KeyTable,
            terms: TermTable,
        }
        let per_doc: Vec<Read> = (0..sources.docs())
            .into_par_iter()
            .map(|d| {
                cancel.check()?;
                let mut views = sources.doc_views(d);
                for v in &mut views {
                    shift_docs(v, first_doc);
                }
                Ok(Read {
                    signatures: views.iter().map(copies::signature).collect(),
                    sentences: views.iter().map(|v| v.sentence).collect(),
                    keys: KeyTable::of(&views),
                    terms: TermTable::of(&views),
                })
            })
            .collect::<Result<_, Cancelled>>()?;
        let claims = corpus.try_claims(cancel)?;
        let names = corpus.docs();
        let mut refs = Vec::new();
        let (mut ids, mut docs) = (Vec::new(), Vec::new());
        for (d, doc_claims) in claims.iter().enumerate() {
            for (index, c) in doc_claims.iter().enumerate() {
                refs.push(ClaimRef {
                    doc: d as u32 + first_doc,
                    index: index as u32,
                });
                ids.push(claim_id(&names[d].name, &c.claim));
                docs.push(names[d].name.clone());
            }
        }
        let mut signatures = Vec::with_capacity(refs.len());
        let mut sentences = Vec::with_capacity(refs.len());
        let mut keys = KeyTable {
            start: vec![0],
            ..KeyTable::default()
        };
        let mut term_views = Vec::new();
        for r in per_doc {
            signatures.extend(r.signatures);
            sentences.extend(r.sentences);
            let base = *keys.start.last().expect("starts with 0");
            keys.start
                .extend(r.keys.start[1..].iter().map(|&k| base + k));
            keys.hash.extend(r.keys.hash);
            keys.row.extend(r.keys.row);
            keys.idf.extend(r.keys.idf);
            term_views.push(r.terms);
        }
        Ok(PartitionClaims {
            first_doc,
            doc_count: names.len() as u32,
            refs,
            ids,
            docs,
            signatures,
            sentences,
            keys,
            terms: TermTable::merged(term_views),
            weights: None,
        })
    }

    /// How many claims.
    pub fn len(&self) -> usize {
        self.refs.len()
    }

    /// Whether it has no claims.
    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }

    /// Bytes held, estimated from the lengths of what is held.
    pub fn held_bytes(&self) -> usize {
        let strings: usize = self
            .ids
            .iter()
            .chain(&self.docs)
            .map(|s| s.len() + 24)
            .sum();
        let t = &self.terms;
        strings
            + self.len() * (8 + 8 + 12 + 4)
            + self.keys.hash.len() * 20
            + t.keys.len() * 12
            + t.held.len() * 4
            + self.weights.as_ref().map_or(0, |w| w.df.len() * 24)
    }

    /// What each claim says, hashed (`copies`): equal for claims carried in the same words.
    pub fn signatures(&self) -> Vec<u64> {
        self.signatures.clone()
    }

    /// Per term key (hashed, `outline::key_hash`, as in-process counts them): how many of
    /// the claims `distinct(i)` hold it, and the highest reference idf it has here (the
    /// corpus idf can only lower a weight below that). Sorted by key.
    pub fn term_counts(&self, distinct: impl Fn(usize) -> bool) -> Vec<(u64, u32, f32)> {
        let t = &self.terms;
        let mut df = vec![0u32; t.keys.len()];
        for i in (0..self.len()).filter(|&i| distinct(i)) {
            for &k in &t.held[t.start[i] as usize..t.start[i + 1] as usize] {
                df[k as usize] += 1;
            }
        }
        (0..t.keys.len())
            .map(|k| (t.keys[k], df[k], t.top[k]))
            .collect()
    }

    /// Takes the corpus's counts (`n` distinct claims, `df` of them holding a term; keys
    /// hashed; terms not in `df` keep their weight, see `corpus_idf_terms`): the keys and
    /// the views built from now on are weighed by them (before, by the reference idf).
    /// Given again, the same.
    pub fn weigh(&mut self, n: usize, df: &HashMap<u64, u32>) {
        self.weights = Some(Weights { n, df: df.clone() });
    }

    /// `(key, claim, order)` for every index key of every claim `among(i)` (its keys once
    /// the corpus weighs them, `index::keys`): `key` as `row_key` gives it, `claim` in
    /// corpus numbering (`first_claim` on), `order` its place among the claim's sorted
    /// keys in the low 32 bits. The smallest `order` of a key's holders is the key's place
    /// in the in-process key order (first holder, then key).
    pub fn keyed(&self, first_claim: u32, among: impl Fn(usize) -> bool) -> Vec<(u64, u32, u64)> {
        let k = &self.keys;
        let mut out = Vec::new();
        for i in (0..self.len()).filter(|&i| among(i)) {
            let c = first_claim + i as u32;
            let mut place = 0u64;
            for x in k.start[i] as usize..k.start[i + 1] as usize {
                let idf = k.idf[x];
                // Only terms are weighed (other keys are infinite: always keys); before
                // `weigh`, by their reference idf.
                let weighed = match &self.weights {
                    Some(w) if idf.is_finite() => w.weighed(k.hash[x], idf),
                    _ => idf,
                };
                if index::is_key(weighed) {
                    out.push((k.row[x], c, (c as u64) << 32 | place));
                    place += 1;
                }
            }
        }
        out
    }

    /// Neighbours in one sentence as pairs of representatives (`rep`: corpus index of each
    /// claim's confirmed representative), as `index::candidates` adds them.
    pub fn sentence_pairs(&self, rep: &[u32]) -> Vec<(u32, u32)> {
        index::sentence_pairs(&self.sentences, rep).collect()
    }

    /// The views of the claims `wanted` (places here), built from `sources` (of this
    /// partition's corpus) and weighed by the corpus: only those claims and those whose
    /// content they may take are built (`Sources::doc_views_of`), a document at a time.
    pub fn views(
        &self,
        sources: &Sources,
        wanted: &[usize],
        cancel: &Cancel,
    ) -> Result<Result<HashMap<usize, ClaimView>, String>, Cancelled> {
        if sources.docs() != self.doc_count as usize {
            return Ok(Err("views: not this partition's corpus".to_string()));
        }
        let mut by_doc: HashMap<u32, Vec<usize>> = HashMap::new();
        for &i in wanted {
            by_doc
                .entry(self.refs[i].doc - self.first_doc)
                .or_default()
                .push(i);
        }
        let by_doc: Vec<(u32, Vec<usize>)> = by_doc.into_iter().collect();
        let built: Vec<Vec<(usize, ClaimView)>> = by_doc
            .par_iter()
            .map(|(d, places)| {
                cancel.check()?;
                let index: Vec<usize> = places
                    .iter()
                    .map(|&i| self.refs[i].index as usize)
                    .collect();
                let mut views = sources.doc_views_of(*d as usize, |k| index.contains(&k));
                Ok(places
                    .iter()
                    .zip(&index)
                    .map(|(&i, &k)| {
                        let mut v = std::mem::take(&mut views[k]);
                        shift_docs(&mut v, self.first_doc);
                        if let Some(w) = &self.weights {
                            w.weigh(&mut v);
                        }
                        (i, v)
                    })
                    .collect())
            })
            .collect::<Result<_, Cancelled>>()?;
        Ok(Ok(built.into_iter().flatten().collect()))
    }

    /// The claims `wanted` (corpus indices in this partition) for another partition, their
    /// views built from `sources`.
    pub fn pick(
        &self,
        sources: &Sources,
        first_claim: u32,
        wanted: &[u32],
        cancel: &Cancel,
    ) -> Result<Result<Picked, String>, Cancelled> {
        let mut places: Vec<usize> = wanted
            .iter()
            .filter_map(|&c| c.checked_sub(first_claim).map(|i| i as usize))
            .filter(|&i| i < self.len())
            .collect();
        places.sort_unstable();
        places.dedup();
        let mut views = match self.views(sources, &places, cancel)? {
            Ok(v) => v,
            Err(e) => return Ok(Err(e)),
        };
        Ok(Ok(places
            .into_iter()
            .map(|i| {
                let v = views.remove(&i).expect("every wanted claim is built");
                (
                    first_claim + i as u32,
                    self.refs[i],
                    self.ids[i].clone(),
                    self.docs[i].clone(),
                    v,
                )
            })
            .collect()))
    }

    /// Judges `pairs` (corpus indices, `a < b`), each claim this partition's (its view
    /// built from `sources`) or one of `picked`; keeps the aligned ones, as `align` does, in
    /// `(a, b)` order. Pairs that are one statement are not judged. Errors naming a claim
    /// found nowhere.
    pub fn judge(
        &self,
        sources: &Sources,
        first_claim: u32,
        picked: &[Picked],
        pairs: &[(u32, u32)],
        lex: &AlignLexicon,
        cancel: &Cancel,
    ) -> Result<Result<Vec<JudgedPair>, String>, Cancelled> {
        let others: HashMap<u32, (&ClaimRef, &String, &String, &ClaimView)> = picked
            .iter()
            .flatten()
            .map(|(c, r, id, doc, v)| (*c, (r, id, doc, v)))
            .collect();
        let mut pairs = pairs.to_vec();
        pairs.sort_unstable();
        pairs.dedup();
        let here = |c: u32| {
            c.checked_sub(first_claim)
                .map(|i| i as usize)
                .filter(|&i| i < self.len())
        };
        let mut mine: Vec<usize> = pairs
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .filter_map(here)
            .collect();
        mine.sort_unstable();
        mine.dedup();
        let views = match self.views(sources, &mine, cancel)? {
            Ok(v) => v,
            Err(e) => return Ok(Err(e)),
        };
        let claim = |c: u32| {
            here(c)
                .map(|i| (&self.refs[i], &self.ids[i], &self.docs[i], &views[&i]))
                .or_else(|| others.get(&c).copied())
                .ok_or_else(|| format!("claim {c} is in neither this partition nor those picked"))
        };
        for &(a, b) in &pairs {
            if let Err(e) = claim(a).and(claim(b)) {
                return Ok(Err(e));
            }
        }
        let judged: Vec<Option<JudgedPair>> = pairs
            .par_iter()
            .map(|&(a, b)| {
                cancel.check()?;
                let ((ra, ia, da, va), (rb, ib, db, vb)) =
                    (claim(a).expect("checked"), claim(b).expect("checked"));
                if one_statement(*ra, *rb, va.refers_to, vb.refers_to) {
                    return Ok(None);
                }
                let j = judge_claims(va, vb, ra.doc == rb.doc, lex);
                Ok(j.aligned.then(|| JudgedPair {
                    a,
                    b,
                    ids: (ia.clone(), ib.clone()),
                    docs: (da.clone(), db.clone()),
                    relation: j.relation,
                    score: j.score,
                    reason: j.reason,
                }))
            })
            .collect::<Result<_, Cancelled>>()?;
        Ok(Ok(judged.into_iter().flatten().collect()))
    }
}

impl TermTable {
    /// The tables of consecutive runs of claims as one.
    fn merged(parts: Vec<TermTable>) -> TermTable {
        let mut top: HashMap<u64, f32> = HashMap::new();
        for p in &parts {
            for (&k, &t) in p.keys.iter().zip(&p.top) {
                let e = top.entry(k).or_insert(f32::NEG_INFINITY);
                *e = e.max(t);
            }
        }
        let rows = parts.iter().flat_map(|p| {
            p.start.windows(2).map(move |w| {
                p.held[w[0] as usize..w[1] as usize]
                    .iter()
                    .map(move |&k| p.keys[k as usize])
            })
        });
        TermTable::from_rows(top, rows)
    }
}

/// A view's document numbers moved from the partition's to the corpus's.
fn shift_docs(v: &mut ClaimView, first_doc: u32) {
    if let Some((d, _)) = &mut v.sentence {
        *d += first_doc;
    }
    if let Some(d) = &mut v.time.doc {
        *d += first_doc;
    }
    for c in &mut v.clauses {
        shift_docs(c, first_doc);
    }
}

/// The terms whose corpus idf among `n` distinct claims (`df` of them holding it) is below
/// the highest reference idf they have: the only terms `reweighed` must be told about.
pub fn corpus_idf_terms(n: usize, counts: &[(u64, u32, f32)]) -> HashMap<u64, u32> {
    counts
        .iter()
        .filter(|(_, df, top)| outline::corpus_idf(n, *df) < *top)
        .map(|&(k, df, _)| (k, df))
        .collect()
}

/// A claim's place in a common key's order: its `index::PROFILE_KEYS` rarest keys as
/// `(holders, key order)`, rarest first.
pub type Profile = Vec<(u32, u64)>;

/// Keys held by more claims than this are common (`index::FULL_POSTING`).
pub const FULL_POSTING: usize = index::FULL_POSTING;

/// Whether a key held by `holders` claims is common: its holders are paired in profile
/// order, so only its rows need their claims' profiles.
pub fn is_common(holders: u32) -> bool {
    holders as usize > index::FULL_POSTING
}

/// Each claim's profile, from the rows `(claim, holders, key order)` of all its keys.
pub fn profiles(claim: &[u32], holders: &[u32], order: &[u64]) -> HashMap<u32, Profile> {
    let mut by: HashMap<u32, Profile> = HashMap::new();
    for i in 0..claim.len() {
        by.entry(claim[i]).or_default().push((holders[i], order[i]));
    }
    for p in by.values_mut() {
        p.sort_unstable();
        p.truncate(index::PROFILE_KEYS);
    }
    by
}

/// Marks a words key (`index::is_words_key`) in a row's key: `key_pairs` pairs its holders
/// with their neighbours in corpus order, and rows carry hashes only.
const WORDS_KEY_BIT: u64 = 1 << 63;

/// A key as rows carry it: hashed as the in-process index holds keys (`outline::key_hash`),
/// with the top bit saying whether it is a words key.
fn row_key(key: &str) -> u64 {
    let h = key_hash(key) & !WORDS_KEY_BIT;
    if index::is_words_key(key) {
        h | WORDS_KEY_BIT
    } else {
        h
    }
}

/// The pairs every key pairs, from rows `(key, claim, holders, key order, profile)` holding
/// every holder of each of their keys: `(a, b, key order, weight)` with `a < b`, as
/// `index::candidates` adds weights (all holders of a key held by at most
/// `FULL_POSTING` claims; for a commoner one, neighbours in its holders ordered by profile;
/// for a words key, neighbours in corpus order, `index::words_neighbours`). `profile` may
/// be empty when no key is common. Errors when a key's rows are not all its holders, or a
/// common key's rows have no profiles.
#[allow(clippy::type_complexity)]
pub fn key_pairs(
    key: &[u64],
    claim: &[u32],
    holders: &[u32],
    order: &[u64],
    profile: &[Profile],
) -> Result<Vec<(u32, u32, u64, f32)>, String> {
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, &k) in key.iter().enumerate() {
        by_key.entry(k).or_default().push(i);
    }
    let mut out = Vec::new();
    for (k, mut rows) in by_key {
        let n = rows.len();
        if holders[rows[0]] as usize != n {
            return Err(format!(
                "key {k:#x}: {n} holders here, {} in the corpus",
                holders[rows[0]]
            ));
        }
        let key_order = order[rows[0]];
        if k & WORDS_KEY_BIT != 0 {
            // As `index::candidates` pairs a words key's holders: neighbours in corpus order.
            rows.sort_unstable_by_key(|&x| claim[x]);
            for (place, &x) in rows.iter().enumerate() {
                let c = claim[x];
                for &y in index::words_neighbours(&rows, place) {
                    if claim[y] > c {
                        out.push((c, claim[y], key_order, index::MIN_SHARED));
                    }
                }
            }
            continue;
        }
        let weight = index::weight(n);
        if n > index::FULL_POSTING && profile.len() != key.len() {
            return Err(format!(
                "key {k:#x} is held by {n} claims: its rows need profiles"
            ));
        }
        if n > index::FULL_POSTING {
            rows.sort_unstable_by(|&x, &y| (&profile[x], claim[x]).cmp(&(&profile[y], claim[y])));
        }
        let w = if n > index::FULL_POSTING {
            index::window(n)
        } else {
            n
        };
        for (place, &x) in rows.iter().enumerate() {
            let c = claim[x];
            for &y in &rows[place.saturating_sub(w)..(place + w + 1).min(n)] {
                if claim[y] > c {
                    out.push((c, claim[y], key_order, weight));
                }
            }
        }
    }
    Ok(out)
}

/// The candidate pairs among `(a, b, key order, weight)` rows holding every key weight of
/// each of their pairs: weights summed in key order (as `f32`, as in-process), kept at
/// `index::MIN_SHARED`. Sorted.
pub fn shared(rows: &mut [(u32, u32, u64, f32)]) -> Vec<(u32, u32)> {
    rows.sort_unstable_by_key(|x| (x.0, x.1, x.2));
    let mut out = Vec::new();
    for run in rows.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let sum: f32 = run.iter().fold(0.0, |s, r| s + r.3);
        if sum >= index::MIN_SHARED {
            out.push((run[0].0, run[0].1));
        }
    }
    out
}

/// Group numbers of `n` claims from the agreeing candidate pairs `(a, b, score)` and each
/// claim's confirmed representative (`rep`), as `align` numbers them.
pub fn groups(n: usize, agreeing: &[(u32, u32, f64)], rep: &[u32]) -> Vec<u32> {
    groups::follow_copies(&groups::group(n, agreeing), rep)
}

/// A figure's unit (named so that serde does not read its `&'static` as borrowed from the
/// bytes).
pub type Unit = Option<&'static str>;

/// Serde for a `&'static str` from one of the language's short lists (a figure's unit, a
/// frame's modality class): it travels as its text and comes back as the one `&'static`
/// copy of that text in this process.
pub(crate) mod static_text {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(unit: &Option<&'static str>, s: S) -> Result<S::Ok, S::Error> {
        unit.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
        // The lists are short and fixed, so each distinct text is kept once for the process.
        static UNITS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        let mut known = UNITS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(&u) = known.get(text.as_str()) {
            return Ok(Some(u));
        }
        let u: &'static str = Box::leak(text.into_boxed_str());
        known.insert(u);
        Ok(Some(u))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::align::AlignedPair;
    use crate::partition::tests::partitions;
    use crate::text::sample;

    /// The steps as `crosswire.dask` runs them, each partition's on its own, what crosses
    /// partitions gathered here: the sample corpus cut anywhere aligns as a whole.
    fn aligned_in_partitions(parts: &[(Corpus, u32)]) -> (Vec<AlignedPair>, Vec<u32>) {
        let never = Cancel::never();
        let lex = &crate::lang::Language::english().align;
        let pcs: Vec<PartitionClaims> = parts
            .iter()
            .map(|(c, first)| PartitionClaims::build(c, *first, &never).unwrap())
            .collect();
        let sources: Vec<Sources> = parts
            .iter()
            .map(|(c, _)| Sources::of(c, &never).unwrap())
            .collect();
        let mut offsets = vec![0u32];
        for pc in &pcs {
            offsets.push(offsets.last().unwrap() + pc.len() as u32);
        }
        let part_of = |c: u32| offsets.partition_point(|&o| o <= c) - 1;
        // Copies: the first claim of each signature.
        let mut first: HashMap<u64, u32> = HashMap::new();
        for (p, pc) in pcs.iter().enumerate() {
            for (i, s) in pc.signatures().into_iter().enumerate() {
                first.entry(s).or_insert(offsets[p] + i as u32);
            }
        }
        let sig_rep: Vec<Vec<u32>> = pcs
            .iter()
            .map(|pc| pc.signatures().iter().map(|s| first[s]).collect())
            .collect();
        let own = |p: usize, i: usize| offsets[p] + i as u32;
        let mut counts: HashMap<u64, (u32, f32)> = HashMap::new();
        let mut n = 0;
        for (p, pc) in pcs.iter().enumerate() {
            let distinct = |i: usize| sig_rep[p][i] == own(p, i);
            n += (0..pc.len()).filter(|&i| distinct(i)).count();
            for (k, df, top) in pc.term_counts(distinct) {
                let e = counts.entry(k).or_insert((0, f32::NEG_INFINITY));
                e.0 += df;
                e.1 = e.1.max(top);
            }
        }
        let counts: Vec<(u64, u32, f32)> =
            counts.into_iter().map(|(k, (d, t))| (k, d, t)).collect();
        let terms = corpus_idf_terms(n, &counts);
        let mut pcs = pcs;
        for pc in &mut pcs {
            let before = pc.term_counts(|_| true);
            pc.weigh(n, &terms);
            let once = format!("{:?}", pc);
            // A retried weighing changes nothing, nor do the counts a retried count reads.
            pc.weigh(n, &terms);
            assert_eq!(format!("{:?}", pc), once);
            assert_eq!(pc.term_counts(|_| true), before);
        }
        // Pairs judged in the partition of `a`, the other claims picked where they are
        // (from partitions at or after `a`'s: `a < b`), views built from each partition's
        // corpus.
        let judge_all = |pairs: &[(u32, u32)]| -> Vec<JudgedPair> {
            let mut out = Vec::new();
            for (p, pc) in pcs.iter().enumerate() {
                let mine: Vec<(u32, u32)> = pairs
                    .iter()
                    .copied()
                    .filter(|&(a, _)| part_of(a) == p)
                    .collect();
                let wanted: Vec<u32> = mine.iter().flat_map(|&(a, b)| [a, b]).collect();
                let picked: Vec<Picked> = (p + 1..pcs.len())
                    .map(|q| {
                        // As they cross processes: postcard bytes.
                        let pick = pcs[q].pick(&sources[q], offsets[q], &wanted, &never);
                        let bytes = postcard::to_allocvec(&pick.unwrap().unwrap()).unwrap();
                        postcard::from_bytes(&bytes).unwrap()
                    })
                    .collect();
                let judged = pc.judge(&sources[p], offsets[p], &picked, &mine, lex, &never);
                out.extend(judged.unwrap().unwrap());
            }
            out
        };
        let copy_pairs: Vec<(u32, u32)> = (0..pcs.len())
            .flat_map(|p| (0..pcs[p].len()).map(move |i| (p, i)))
            .map(|(p, i)| (sig_rep[p][i], own(p, i)))
            .filter(|(r, c)| r != c)
            .collect();
        let copies: Vec<JudgedPair> = judge_all(&copy_pairs)
            .into_iter()
            .filter(|j| j.relation == Relation::Agree)
            .collect();
        let total = *offsets.last().unwrap() as usize;
        let mut rep: Vec<u32> = (0..total as u32).collect();
        for c in &copies {
            rep[c.b as usize] = c.a;
        }
        // Keys: holders and key order per key, profiles per claim, pairs per key.
        let mut rows: Vec<(u64, u32, u64)> = Vec::new();
        for (p, pc) in pcs.iter().enumerate() {
            let among = |i: usize| rep[own(p, i) as usize] == own(p, i);
            rows.extend(pc.keyed(offsets[p], among));
        }
        let mut per_key: HashMap<u64, (u32, u64)> = HashMap::new();
        for (k, _, o) in &rows {
            let e = per_key.entry(*k).or_insert((0, u64::MAX));
            e.0 += 1;
            e.1 = e.1.min(*o);
        }
        let key: Vec<u64> = rows.iter().map(|r| r.0).collect();
        let claim: Vec<u32> = rows.iter().map(|r| r.1).collect();
        let holders: Vec<u32> = key.iter().map(|k| per_key[k].0).collect();
        let order: Vec<u64> = key.iter().map(|k| per_key[k].1).collect();
        // As on Dask: rare keys paired without profiles where their holders meet, common
        // keys' rows given their claims' profiles and paired apart.
        let by_claim = profiles(&claim, &holders, &order);
        let (common, rare): (Vec<usize>, Vec<usize>) =
            (0..key.len()).partition(|&i| is_common(holders[i]));
        let pick = |rows: &[usize]| {
            let key: Vec<u64> = rows.iter().map(|&i| key[i]).collect();
            let claim: Vec<u32> = rows.iter().map(|&i| claim[i]).collect();
            let holders: Vec<u32> = rows.iter().map(|&i| holders[i]).collect();
            let order: Vec<u64> = rows.iter().map(|&i| order[i]).collect();
            (key, claim, holders, order)
        };
        let (k, c, h, o) = pick(&rare);
        let mut weights = key_pairs(&k, &c, &h, &o, &[]).unwrap();
        let (k, c, h, o) = pick(&common);
        let profile: Vec<Profile> = c.iter().map(|c| by_claim[c].clone()).collect();
        weights.extend(key_pairs(&k, &c, &h, &o, &profile).unwrap());
        let mut candidates = shared(&mut weights);
        for (p, pc) in pcs.iter().enumerate() {
            candidates
                .extend(pc.sentence_pairs(&rep[offsets[p] as usize..offsets[p + 1] as usize]));
        }
        candidates.sort_unstable();
        candidates.dedup();
        let judged = judge_all(&candidates);
        let agreeing: Vec<(u32, u32, f64)> = judged
            .iter()
            .filter(|j| j.relation == Relation::Agree)
            .map(|j| (j.a, j.b, j.score))
            .collect();
        let groups = groups(total, &agreeing, &rep);
        let mut pairs: Vec<AlignedPair> = copies
            .into_iter()
            .chain(judged)
            .map(|j| AlignedPair {
                a: j.a,
                b: j.b,
                relation: j.relation,
                score: j.score,
                reason: crate::align::Reason::new(&j.reason),
            })
            .collect();
        pairs.sort_by_key(|p| (p.a, p.b));
        (pairs, groups)
    }

    #[test]
    fn partitions_align_as_the_whole_corpus() {
        let texts: Vec<&str> = sample::texts().collect();
        let (whole, cuts) = partitions(&texts, &[1, texts.len() / 2, texts.len() - 1]);
        let want = whole.alignment();
        assert!(want.pairs.iter().any(|p| p.relation == Relation::Agree));
        for parts in cuts {
            let (pairs, groups) = aligned_in_partitions(&parts);
            assert_eq!(pairs, want.pairs);
            assert_eq!(groups, want.groups);
        }
    }

    #[test]
    fn views_cross_processes_unchanged() {
        let texts: Vec<&str> = sample::texts().collect();
        let (whole, _) = partitions(&texts, &[]);
        let never = Cancel::never();
        let mut pc = PartitionClaims::build(&whole, 0, &never).unwrap();
        let back: PartitionClaims =
            postcard::from_bytes(&postcard::to_allocvec(&pc).unwrap()).unwrap();
        assert_eq!(format!("{:?}", back), format!("{:?}", pc));
        let all: Vec<u32> = (0..pc.len() as u32).collect();
        pc.weigh(pc.len(), &HashMap::new());
        let picked = pc
            .pick(&Sources::of(&whole, &never).unwrap(), 0, &all, &never)
            .unwrap()
            .unwrap();
        let bytes = postcard::to_allocvec(&picked).unwrap();
        let back: Picked = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(format!("{:?}", back), format!("{:?}", picked));
        assert!(picked
            .iter()
            .any(|p| p.4.figures.iter().any(|f| f.unit.is_some())));
    }

    #[test]
    fn views_built_again_are_the_views_built_whole() {
        // A pick of a few claims builds only those (and the claims before them they may
        // take content from): each is the view the whole document's build gives.
        let texts: Vec<&str> = sample::texts().collect();
        let (whole, _) = partitions(&texts, &[]);
        let never = Cancel::never();
        let mut pc = PartitionClaims::build(&whole, 0, &never).unwrap();
        pc.weigh(pc.len(), &HashMap::new());
        let all: Vec<u32> = (0..pc.len() as u32).collect();
        // Sources kept between picks (as the binding keeps them: each document's marks
        // found once) build what fresh ones build.
        let kept = Sources::of(&whole, &never).unwrap();
        let every = pc.pick(&kept, 0, &all, &never).unwrap().unwrap();
        let some: Vec<u32> = all.iter().copied().filter(|c| c % 3 == 2).collect();
        let few = pc.pick(&kept, 0, &some, &never).unwrap().unwrap();
        let fresh = Sources::of(&whole, &never).unwrap();
        let few_fresh = pc.pick(&fresh, 0, &some, &never).unwrap().unwrap();
        assert_eq!(format!("{:?}", few), format!("{:?}", few_fresh));
        assert_eq!(few.len(), some.len());
        for p in &few {
            assert_eq!(format!("{:?}", p), format!("{:?}", every[p.0 as usize]));
        }
        // Another corpus than the partition's is refused, not judged.
        let (other, _) = partitions(&texts[..1], &[]);
        assert!(pc
            .pick(&Sources::of(&other, &never).unwrap(), 0, &some, &never)
            .unwrap()
            .is_err());
    }

    #[test]
    fn keys_without_views_are_the_keys_of_the_weighed_views() {
        // The index keys come from what the first build kept (`KeyTable`) and the corpus's
        // counts, not from views held: they are `index::keys` of the view built and
        // weighed, claim by claim, in place and order; unweighed, by the reference idf.
        let texts: Vec<&str> = sample::texts().collect();
        let (whole, _) = partitions(&texts, &[]);
        let never = Cancel::never();
        let mut pc = PartitionClaims::build(&whole, 0, &never).unwrap();
        let all: Vec<u32> = (0..pc.len() as u32).collect();
        let mut df: HashMap<u64, u32> = HashMap::new();
        for (k, d, _) in pc.term_counts(|_| true) {
            df.insert(k, d);
        }
        let n = pc.len();
        for weigh in [false, true] {
            if weigh {
                pc.weigh(n, &df);
            }
            let picked = pc
                .pick(&Sources::of(&whole, &never).unwrap(), 0, &all, &never)
                .unwrap()
                .unwrap();
            let mut want = Vec::new();
            for (c, _, _, _, v) in &picked {
                for (place, k) in index::keys(v).iter().enumerate() {
                    want.push((row_key(k), *c, (*c as u64) << 32 | place as u64));
                }
            }
            assert_eq!(pc.keyed(0, |_| true), want);
        }
        assert!(n >= outline::MIN_CLAIMS_FOR_CORPUS_IDF);
        assert_ne!(
            PartitionClaims::build(&whole, 0, &never)
                .unwrap()
                .keyed(0, |_| true),
            pc.keyed(0, |_| true),
            "the corpus's counts drop common terms from the keys"
        );
    }

    #[test]
    fn rare_keys_pair_without_profiles() {
        // Three claims on a rare key, then a common key's holders: rare keys need no
        // profiles (rows may come without them), a common key's rows must have them.
        let key = vec![7u64, 7, 7];
        let (claim, holders, order) = (vec![4u32, 2, 9], vec![3u32; 3], vec![5u64; 3]);
        let profile: Vec<Profile> = vec![vec![(1, 1)], vec![(1, 2)], vec![(2, 0)]];
        let with = key_pairs(&key, &claim, &holders, &order, &profile).unwrap();
        let without = key_pairs(&key, &claim, &holders, &order, &[]).unwrap();
        assert_eq!(with.len(), 3);
        assert_eq!(with, without);
        let n = index::FULL_POSTING + 1;
        let common = key_pairs(
            &vec![1; n],
            &(0..n as u32).collect::<Vec<_>>(),
            &vec![n as u32; n],
            &vec![0; n],
            &[],
        );
        assert!(is_common(n as u32) && common.is_err());
    }

    #[test]
    fn shared_weights_sum_in_key_order() {
        // Fractions that sum to 2.0 in one order and not in another would flip a pair; the
        // sum runs in key order whatever order the rows came in.
        let mut rows = vec![
            (0, 1, 3, 0.7f32),
            (0, 1, 1, 0.6),
            (0, 1, 2, 0.7),
            (0, 2, 1, 1.0),
        ];
        let forward = shared(&mut rows.clone());
        rows.reverse();
        assert_eq!(shared(&mut rows), forward);
        let in_order = (0.6f32 + 0.7) + 0.7;
        assert_eq!(forward.contains(&(0, 1)), in_order >= index::MIN_SHARED);
        assert!(!forward.contains(&(0, 2)));
    }
}
