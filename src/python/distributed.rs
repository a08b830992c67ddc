//! `_core.PartitionClaims` and the steps of alignment across partitions (`crosswire.dask`,
//! `crate::align::distributed`). Number columns cross as little-endian bytes (numpy reads
//! them without a Python object per value); views cross as postcard bytes.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, PoisonError, RwLock, RwLockReadGuard};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

use super::columns::Columns;
use super::corpus::PyCorpus;
use super::partition::{from_bytes, to_bytes};
use super::pool;
use crate::align::distributed::{self as dist, KeptSources, PartitionClaims, Picked, Profile};
use crate::corpus::Corpus;
use crate::lang::Language;
use crate::stage::{Cancel, Cancelled};

/// A partition's corpus with its stages up to claims, bytes per byte of text (texts,
/// tokens, parse, mentions, claims): measured at ~14.5 on the cluster (each 1,667-article
/// partition a worker holds adds ~110 MB, 7.6 MB of text with its claims' index and
/// tables; benches/DASK.md, session 31). Session 30 guessed 40, which at 100,000 articles
/// would have told Dask ~9 GB a worker and made it spill claims, whose corpus is then
/// made again when read back.
const CORPUS_BYTES_PER_TEXT_BYTE: usize = 16;

/// A column of fixed-size numbers, from and to little-endian bytes.
trait Column: Sized + Copy {
    const SIZE: usize;
    fn read(b: &[u8]) -> Self;
    fn write(self, out: &mut Vec<u8>);
}

macro_rules! column {
    ($($t:ty),*) => {$(
        impl Column for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn read(b: &[u8]) -> Self {
                <$t>::from_le_bytes(b.try_into().expect("chunks of SIZE"))
            }
            fn write(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
column!(u8, u32, u64, f32, f64);

fn read<T: Column>(bytes: &[u8], what: &str) -> PyResult<Vec<T>> {
    if bytes.len() % T::SIZE != 0 {
        return Err(PyValueError::new_err(format!(
            "{what}: {} bytes is not a whole number of {}-byte values",
            bytes.len(),
            T::SIZE
        )));
    }
    Ok(bytes.chunks_exact(T::SIZE).map(T::read).collect())
}

fn write<'py, T: Column>(py: Python<'py>, values: impl Iterator<Item = T>) -> Bound<'py, PyBytes> {
    let mut out = Vec::new();
    for v in values {
        v.write(&mut out);
    }
    PyBytes::new(py, &out)
}

fn flags(bytes: &[u8], n: usize, what: &str) -> PyResult<Vec<bool>> {
    let f: Vec<u8> = read(bytes, what)?;
    if f.len() != n {
        return Err(PyValueError::new_err(format!(
            "{what}: {} flags for {n} claims",
            f.len()
        )));
    }
    Ok(f.into_iter().map(|x| x != 0).collect())
}

/// A partition's claims as the aligner indexes them (from a partition's corpus with the
/// corpus's entity ids), and that corpus, from which the views of the claims a task needs
/// are built again (`pick`, `judge`) and dropped after: views are not held between tasks.
/// Pickles as postcard bytes and, when it was given one, the `source` that makes the
/// corpus again (a callable returning it: read, tagged and analysed again where the claims
/// are unpickled, the first time a view is built there); without a source, unpickled, it
/// indexes but builds no views. Behind a lock: `weigh` gives it the corpus's counts.
#[pyclass(name = "PartitionClaims", module = "crosswire._core", frozen)]
pub struct PyPartitionClaims {
    inner: RwLock<PartitionClaims>,
    /// The partition's corpus and the sources of its views (each document's marks found
    /// once, then kept with it).
    kept: OnceLock<KeptSources>,
    source: Option<Py<PyAny>>,
}

impl PyPartitionClaims {
    fn claims(&self) -> RwLockReadGuard<'_, PartitionClaims> {
        self.inner.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The partition's corpus: the one it was built from, or made again by its source
    /// (its sources then made in `kept`).
    fn corpus(&self, py: Python<'_>) -> PyResult<Arc<Corpus>> {
        if let Some(k) = self.kept.get() {
            return Ok(k.corpus_arc());
        }
        let Some(source) = &self.source else {
            return Err(PyValueError::new_err(
                "these partition claims were unpickled without their corpus or a source \
                 for it: their views cannot be built here",
            ));
        };
        let made = source.bind(py).call0()?;
        let made: PyRef<'_, PyCorpus> = made.extract()?;
        Ok(made.inner.clone())
    }

    /// The kept corpus and sources, made from `corpus` the first time (once unpickled).
    fn kept(&self, corpus: Arc<Corpus>, cancel: &Cancel) -> Result<&KeptSources, Cancelled> {
        if self.kept.get().is_none() {
            // Two tasks may both make them: one is kept, the other dropped.
            let _ = self.kept.set(KeptSources::new(corpus, cancel)?);
        }
        Ok(self.kept.get().expect("set above"))
    }
}

#[pymethods]
impl PyPartitionClaims {
    #[new]
    #[pyo3(signature = (corpus, first_doc, source=None))]
    fn new(
        py: Python<'_>,
        corpus: &PyCorpus,
        first_doc: u32,
        source: Option<Py<PyAny>>,
    ) -> PyResult<PyPartitionClaims> {
        let (inner, kept) = pool::interruptible(py, |cancel| {
            let kept = KeptSources::new(corpus.inner.clone(), cancel)?;
            let inner =
                PartitionClaims::build_from(kept.corpus(), kept.sources(), first_doc, cancel)?;
            Ok((inner, kept))
        })?;
        Ok(PyPartitionClaims {
            inner: RwLock::new(inner),
            kept: OnceLock::from(kept),
            source,
        })
    }

    fn __len__(&self) -> usize {
        self.claims().len()
    }

    /// Bytes that dropping the claims would free, estimated (Dask's `sizeof` reads it, and
    /// spills by it): the claims' index, and their corpus unless something else holds it.
    /// On a cluster the worker keeps each partition's corpus apart from Dask's data
    /// (`crosswire.dask_kept`), so spilling the claims leaves it in memory: counted, it made
    /// Dask's managed memory exceed the process's and spill claims to no avail.
    fn __sizeof__(&self) -> usize {
        let text: usize = self
            .kept
            .get()
            .filter(|k| !k.corpus_shared())
            .iter()
            .flat_map(|k| k.corpus().docs())
            .map(|d| d.text.len())
            .sum();
        self.claims().held_bytes() + text * CORPUS_BYTES_PER_TEXT_BYTE
    }

    /// Each claim's copy signature (u64 bytes).
    fn signatures<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        write(py, self.claims().signatures().into_iter())
    }

    /// `(keys u64 bytes, df u32 bytes, top reference idf f32 bytes)`: term counts over the
    /// claims flagged `distinct` (u8 bytes, one per claim), keys hashed.
    #[allow(clippy::type_complexity)]
    fn term_counts<'py>(
        &self,
        py: Python<'py>,
        distinct: &[u8],
    ) -> PyResult<(
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
    )> {
        let distinct = flags(distinct, self.claims().len(), "distinct")?;
        let counts = pool::run(py, || self.claims().term_counts(|i| distinct[i]));
        Ok((
            write(py, counts.iter().map(|c| c.0)),
            write(py, counts.iter().map(|c| c.1)),
            write(py, counts.iter().map(|c| c.2)),
        ))
    }

    /// Gives the claims the corpus's counts, in place (`n` distinct claims, `keys` (u64
    /// bytes, hashed) held by `df` (u32 bytes) of them): keys and views built from now on
    /// are weighed by them. Returns the claims; given again, nothing changes.
    fn weigh<'py>(
        slf: Bound<'py, Self>,
        n: usize,
        keys: &[u8],
        df: &[u8],
    ) -> PyResult<Bound<'py, Self>> {
        let terms = term_map(keys, df)?;
        let me = slf.get();
        pool::run(slf.py(), || {
            me.inner
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .weigh(n, &terms)
        });
        Ok(slf)
    }

    /// `(keys u64 bytes, claim u32 bytes, order u64 bytes)` of the claims flagged `among`
    /// (keys hashed).
    #[allow(clippy::type_complexity)]
    fn keyed<'py>(
        &self,
        py: Python<'py>,
        first_claim: u32,
        among: &[u8],
    ) -> PyResult<(
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
    )> {
        let among = flags(among, self.claims().len(), "among")?;
        let rows = pool::run(py, || self.claims().keyed(first_claim, |i| among[i]));
        Ok((
            write(py, rows.iter().map(|r| r.0)),
            write(py, rows.iter().map(|r| r.1)),
            write(py, rows.iter().map(|r| r.2)),
        ))
    }

    /// Pairs of neighbours in a sentence `(a, b)` (u32 bytes), given each claim's
    /// representative (u32 bytes, corpus indices).
    fn sentence_pairs<'py>(
        &self,
        py: Python<'py>,
        rep: &[u8],
    ) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
        let rep: Vec<u32> = read(rep, "rep")?;
        if rep.len() != self.claims().len() {
            return Err(PyValueError::new_err("one representative per claim"));
        }
        let pairs = self.claims().sentence_pairs(&rep);
        Ok((
            write(py, pairs.iter().map(|p| p.0)),
            write(py, pairs.iter().map(|p| p.1)),
        ))
    }

    /// The claims `wanted` (u32 bytes, corpus indices; those of other partitions left
    /// out) for another partition (bytes), their views built from the corpus.
    fn pick<'py>(
        &self,
        py: Python<'py>,
        first_claim: u32,
        wanted: &[u8],
    ) -> PyResult<Bound<'py, PyBytes>> {
        let wanted: Vec<u32> = read(wanted, "wanted")?;
        let corpus = self.corpus(py)?;
        let claims = self.claims();
        let picked = pool::interruptible(py, |cancel| {
            let kept = self.kept(corpus, cancel)?;
            claims.pick(kept.sources(), first_claim, &wanted, cancel)
        })?
        .map_err(PyValueError::new_err)?;
        to_bytes(py, &picked)
    }

    /// The aligned pairs among `a`, `b` (u32 bytes) as columns: claim_a, claim_b (ids),
    /// doc_a, doc_b, relation, score, reason, and `a`, `b` (u32 bytes). Views of this
    /// partition's claims are built from its corpus, the others' come `picked`.
    fn judge<'py>(
        &self,
        py: Python<'py>,
        first_claim: u32,
        picked: Vec<Vec<u8>>,
        a: &[u8],
        b: &[u8],
    ) -> PyResult<Bound<'py, PyDict>> {
        let picked: Vec<Picked> = picked
            .iter()
            .map(|p| from_bytes(p, "picked claims"))
            .collect::<PyResult<_>>()?;
        let (a, b): (Vec<u32>, Vec<u32>) = (read(a, "a")?, read(b, "b")?);
        if a.len() != b.len() || a.iter().zip(&b).any(|(x, y)| x >= y) {
            return Err(PyValueError::new_err(
                "pairs must be as many a as b, each a < b",
            ));
        }
        let pairs: Vec<(u32, u32)> = a.into_iter().zip(b).collect();
        let lex = &Language::english().align;
        let corpus = self.corpus(py)?;
        let claims = self.claims();
        let judged = pool::interruptible(py, |cancel| {
            let kept = self.kept(corpus, cancel)?;
            claims.judge(kept.sources(), first_claim, &picked, &pairs, lex, cancel)
        })?
        .map_err(PyValueError::new_err)?;
        let cols = Columns::new(py)?;
        let pair = |f: fn(&(String, String)) -> &String| {
            judged.iter().map(move |p| Some(f(&p.ids).as_str()))
        };
        cols.strs("claim_a", pair(|x| &x.0))?;
        cols.strs("claim_b", pair(|x| &x.1))?;
        cols.words("doc_a", judged.iter().map(|p| Some(p.docs.0.as_str())))?;
        cols.words("doc_b", judged.iter().map(|p| Some(p.docs.1.as_str())))?;
        cols.words("relation", judged.iter().map(|p| Some(p.relation.as_str())))?;
        cols.floats("score", judged.iter().map(|p| Some(p.score)))?;
        cols.strs("reason", judged.iter().map(|p| Some(p.reason.as_str())))?;
        let out = cols.into_dict();
        out.set_item("a", write(py, judged.iter().map(|p| p.a)))?;
        out.set_item("b", write(py, judged.iter().map(|p| p.b)))?;
        Ok(out)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let bytes = to_bytes(py, &*slf.get().claims())?.into_any();
        let from = py.get_type::<PyPartitionClaims>().getattr("from_bytes")?;
        let source = match &slf.get().source {
            Some(s) => s.bind(py).clone(),
            None => py.None().into_bound(py),
        };
        Ok((from, PyTuple::new(py, [bytes, source])?))
    }

    /// Claims pickled as bytes (see `__reduce__`), with the source of their corpus if
    /// they had one.
    #[staticmethod]
    #[pyo3(signature = (bytes, source=None))]
    fn from_bytes(bytes: &[u8], source: Option<Py<PyAny>>) -> PyResult<PyPartitionClaims> {
        Ok(PyPartitionClaims {
            inner: RwLock::new(from_bytes(bytes, "partition claims")?),
            kept: OnceLock::new(),
            source,
        })
    }
}

fn term_map(keys: &[u8], df: &[u8]) -> PyResult<HashMap<u64, u32>> {
    let (keys, df): (Vec<u64>, Vec<u32>) = (read(keys, "keys")?, read(df, "df")?);
    if keys.len() != df.len() {
        return Err(PyValueError::new_err("one df per key"));
    }
    Ok(keys.into_iter().zip(df).collect())
}

/// The terms whose corpus idf lowers a weight: `(keys u64 bytes, df u32 bytes)` (see
/// `align::distributed`), from every key's df and top reference idf.
#[pyfunction]
pub fn corpus_idf_terms<'py>(
    py: Python<'py>,
    n: usize,
    keys: &[u8],
    df: &[u8],
    top: &[u8],
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let keys: Vec<u64> = read(keys, "keys")?;
    let (df, top): (Vec<u32>, Vec<f32>) = (read(df, "df")?, read(top, "top")?);
    if df.len() != keys.len() || top.len() != keys.len() {
        return Err(PyValueError::new_err("one df and one idf per key"));
    }
    let counts: Vec<(u64, u32, f32)> = keys
        .into_iter()
        .zip(df)
        .zip(top)
        .map(|((k, d), t)| (k, d, t))
        .collect();
    let mut terms: Vec<(u64, u32)> = dist::corpus_idf_terms(n, &counts).into_iter().collect();
    terms.sort_unstable();
    Ok((
        write(py, terms.iter().map(|t| t.0)),
        write(py, terms.iter().map(|t| t.1)),
    ))
}

/// The rows of common keys (`align::distributed::is_common`) among rows `(claim, holders,
/// order)` holding every key of each of their claims: `(rows u32 bytes, profiles)`, each
/// such row's place and its claim's profile (bytes). Only common keys' holders are paired
/// in profile order, so only their rows carry one.
#[pyfunction]
pub fn common_profiles<'py>(
    py: Python<'py>,
    claim: &[u8],
    holders: &[u8],
    order: &[u8],
) -> PyResult<(Bound<'py, PyBytes>, Vec<Bound<'py, PyBytes>>)> {
    let claim: Vec<u32> = read(claim, "claim")?;
    let (holders, order): (Vec<u32>, Vec<u64>) = (read(holders, "holders")?, read(order, "order")?);
    if holders.len() != claim.len() || order.len() != claim.len() {
        return Err(PyValueError::new_err("columns of unequal lengths"));
    }
    let rows: Vec<u32> = (0..claim.len() as u32)
        .filter(|&i| dist::is_common(holders[i as usize]))
        .collect();
    let by = dist::profiles(&claim, &holders, &order);
    let mut bytes: HashMap<u32, Bound<'py, PyBytes>> = HashMap::new();
    let mut profiles = Vec::with_capacity(rows.len());
    for &i in &rows {
        let c = claim[i as usize];
        let b = match bytes.get(&c) {
            Some(b) => b.clone(),
            None => {
                let b = to_bytes(py, &by[&c])?;
                bytes.insert(c, b.clone());
                b
            }
        };
        profiles.push(b);
    }
    Ok((write(py, rows.into_iter()), profiles))
}

/// `(a, b, order, weight)` (bytes) of every pair the keys of rows `(key, claim, holders,
/// order, profile)` make (keys u64 bytes, profiles as `common_profiles` gives them, or none
/// when no key is common); the rows hold every holder of each of their keys.
#[pyfunction]
#[pyo3(signature = (key, claim, holders, order, profile=None))]
#[allow(clippy::type_complexity)]
pub fn key_pairs<'py>(
    py: Python<'py>,
    key: &[u8],
    claim: &[u8],
    holders: &[u8],
    order: &[u8],
    profile: Option<Vec<Vec<u8>>>,
) -> PyResult<(
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
)> {
    let (key, claim): (Vec<u64>, Vec<u32>) = (read(key, "key")?, read(claim, "claim")?);
    let (holders, order): (Vec<u32>, Vec<u64>) = (read(holders, "holders")?, read(order, "order")?);
    let profile: Vec<Profile> = profile
        .unwrap_or_default()
        .iter()
        .map(|p| from_bytes(p, "a profile"))
        .collect::<PyResult<_>>()?;
    let n = key.len();
    if [claim.len(), holders.len(), order.len()] != [n; 3]
        || !(profile.is_empty() || profile.len() == n)
    {
        return Err(PyValueError::new_err("columns of unequal lengths"));
    }
    let rows = pool::run(py, || {
        dist::key_pairs(&key, &claim, &holders, &order, &profile)
    })
    .map_err(PyValueError::new_err)?;
    Ok((
        write(py, rows.iter().map(|r| r.0)),
        write(py, rows.iter().map(|r| r.1)),
        write(py, rows.iter().map(|r| r.2)),
        write(py, rows.iter().map(|r| r.3)),
    ))
}

/// The candidate pairs `(a, b)` (u32 bytes) among rows `(a, b, order, weight)` holding
/// every key weight of each of their pairs.
#[pyfunction]
pub fn shared_pairs<'py>(
    py: Python<'py>,
    a: &[u8],
    b: &[u8],
    order: &[u8],
    weight: &[u8],
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let (a, b): (Vec<u32>, Vec<u32>) = (read(a, "a")?, read(b, "b")?);
    let (order, weight): (Vec<u64>, Vec<f32>) = (read(order, "order")?, read(weight, "weight")?);
    if [b.len(), order.len(), weight.len()] != [a.len(); 3] {
        return Err(PyValueError::new_err("columns of unequal lengths"));
    }
    let mut rows: Vec<(u32, u32, u64, f32)> = (0..a.len())
        .map(|i| (a[i], b[i], order[i], weight[i]))
        .collect();
    let pairs = dist::shared(&mut rows);
    Ok((
        write(py, pairs.iter().map(|p| p.0)),
        write(py, pairs.iter().map(|p| p.1)),
    ))
}

/// Group numbers (u32 bytes) of `n` claims from the agreeing candidate pairs `a`, `b`
/// (u32 bytes), `score` (f64 bytes) and each claim's representative `rep` (u32 bytes).
#[pyfunction]
pub fn claim_groups<'py>(
    py: Python<'py>,
    n: usize,
    a: &[u8],
    b: &[u8],
    score: &[u8],
    rep: &[u8],
) -> PyResult<Bound<'py, PyBytes>> {
    let (a, b, rep): (Vec<u32>, Vec<u32>, Vec<u32>) =
        (read(a, "a")?, read(b, "b")?, read(rep, "rep")?);
    let score: Vec<f64> = read(score, "score")?;
    if b.len() != a.len() || score.len() != a.len() || rep.len() != n {
        return Err(PyValueError::new_err("columns of unequal lengths"));
    }
    let bad = |c: &u32| *c as usize >= n;
    if a.iter().chain(&b).any(bad) || rep.iter().enumerate().any(|(i, &r)| r as usize > i) {
        return Err(PyValueError::new_err(
            "claims beyond n, or a representative after its copy",
        ));
    }
    let agreeing: Vec<(u32, u32, f64)> = (0..a.len()).map(|i| (a[i], b[i], score[i])).collect();
    let groups = pool::run(py, || dist::groups(n, &agreeing, &rep));
    Ok(write(py, groups.into_iter()))
}
