//! `_core.PartitionClaims` and the steps of alignment across partitions (`crosswire.dask`,
//! `crate::align::distributed`). Number columns cross as little-endian bytes (numpy reads
//! them without a Python object per value); views cross as postcard bytes.

use std::collections::HashMap;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

use super::columns::Columns;
use super::corpus::PyCorpus;
use super::partition::{from_bytes, to_bytes};
use super::pool;
use crate::align::distributed::{self as dist, PartitionClaims, Picked, Profile};
use crate::lang::Language;

/// A claim's view, estimated (terms, stems, n-grams, trigrams, names and the same per clause:
/// about 16 KB, benches/DASK.md).
const VIEW_BYTES: usize = 16 * 1024;

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

/// A partition's claims as the aligner compares them (from a partition's corpus with the
/// corpus's entity ids). Pickles as postcard bytes.
#[pyclass(name = "PartitionClaims", module = "crosswire._core", frozen)]
pub struct PyPartitionClaims {
    inner: PartitionClaims,
}

#[pymethods]
impl PyPartitionClaims {
    #[new]
    fn new(py: Python<'_>, corpus: &PyCorpus, first_doc: u32) -> PyResult<PyPartitionClaims> {
        let inner = pool::interruptible(py, |cancel| {
            PartitionClaims::build(&corpus.inner, first_doc, cancel)
        })?;
        Ok(PyPartitionClaims { inner })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Bytes held, estimated (Dask's `sizeof` reads it): tasks that read the views then run
    /// where they are instead of moving them (postcard both ways) and holding them twice.
    fn __sizeof__(&self) -> usize {
        self.inner.len() * VIEW_BYTES
    }

    /// Each claim's copy signature (u64 bytes).
    fn signatures<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        write(py, self.inner.signatures().into_iter())
    }

    /// `(keys, df u32 bytes, top reference idf f32 bytes)`: term counts over the claims
    /// flagged `distinct` (u8 bytes, one per claim).
    fn term_counts<'py>(
        &self,
        py: Python<'py>,
        distinct: &[u8],
    ) -> PyResult<(Vec<String>, Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
        let distinct = flags(distinct, self.inner.len(), "distinct")?;
        let counts = pool::run(py, || self.inner.term_counts(|i| distinct[i]));
        Ok((
            counts.iter().map(|c| c.0.clone()).collect(),
            write(py, counts.iter().map(|c| c.1)),
            write(py, counts.iter().map(|c| c.2)),
        ))
    }

    /// The claims weighed by the corpus's counts (`n` distinct claims, `terms`: key → df).
    fn reweighed(
        &self,
        py: Python<'_>,
        n: usize,
        terms: HashMap<String, u32>,
    ) -> PyPartitionClaims {
        PyPartitionClaims {
            inner: pool::run(py, || self.inner.reweighed(n, &terms)),
        }
    }

    /// `(keys, claim u32 bytes, order u64 bytes)` of the claims flagged `among`.
    fn keyed<'py>(
        &self,
        py: Python<'py>,
        first_claim: u32,
        among: &[u8],
    ) -> PyResult<(Vec<String>, Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
        let among = flags(among, self.inner.len(), "among")?;
        let rows = pool::run(py, || self.inner.keyed(first_claim, |i| among[i]));
        Ok((
            rows.iter().map(|r| r.0.clone()).collect(),
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
        if rep.len() != self.inner.len() {
            return Err(PyValueError::new_err("one representative per claim"));
        }
        let pairs = self.inner.sentence_pairs(&rep);
        Ok((
            write(py, pairs.iter().map(|p| p.0)),
            write(py, pairs.iter().map(|p| p.1)),
        ))
    }

    /// The claims `wanted` (u32 bytes, corpus indices) for another partition (bytes).
    fn pick<'py>(
        &self,
        py: Python<'py>,
        first_claim: u32,
        wanted: &[u8],
    ) -> PyResult<Bound<'py, PyBytes>> {
        let wanted: Vec<u32> = read(wanted, "wanted")?;
        to_bytes(py, &self.inner.pick_refs(first_claim, &wanted))
    }

    /// The aligned pairs among `a`, `b` (u32 bytes) as columns: claim_a, claim_b (ids),
    /// doc_a, doc_b, relation, score, reason, and `a`, `b` (u32 bytes).
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
        let judged = pool::run(py, || self.inner.judge(first_claim, &picked, &pairs, lex))
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
        let bytes = to_bytes(py, &slf.get().inner)?;
        let from = py.get_type::<PyPartitionClaims>().getattr("from_bytes")?;
        Ok((from, PyTuple::new(py, [bytes])?))
    }

    /// Claims pickled as bytes (see `__reduce__`).
    #[staticmethod]
    fn from_bytes(bytes: &[u8]) -> PyResult<PyPartitionClaims> {
        Ok(PyPartitionClaims {
            inner: from_bytes(bytes, "partition claims")?,
        })
    }
}

/// The terms whose corpus idf lowers a weight: key → df (see `align::distributed`).
#[pyfunction]
pub fn corpus_idf_terms(
    n: usize,
    keys: Vec<String>,
    df: &[u8],
    top: &[u8],
) -> PyResult<HashMap<String, u32>> {
    let (df, top): (Vec<u32>, Vec<f32>) = (read(df, "df")?, read(top, "top")?);
    if df.len() != keys.len() || top.len() != keys.len() {
        return Err(PyValueError::new_err("one df and one idf per key"));
    }
    let counts: Vec<(String, u32, f32)> = keys
        .into_iter()
        .zip(df)
        .zip(top)
        .map(|((k, d), t)| (k, d, t))
        .collect();
    Ok(dist::corpus_idf_terms(n, &counts))
}

/// Each row's claim's profile (bytes), from rows `(claim, holders, order)` holding every key
/// of each of their claims.
#[pyfunction]
pub fn row_profiles<'py>(
    py: Python<'py>,
    claim: &[u8],
    holders: &[u8],
    order: &[u8],
) -> PyResult<Vec<Bound<'py, PyBytes>>> {
    let claim: Vec<u32> = read(claim, "claim")?;
    let (holders, order): (Vec<u32>, Vec<u64>) = (read(holders, "holders")?, read(order, "order")?);
    if holders.len() != claim.len() || order.len() != claim.len() {
        return Err(PyValueError::new_err("columns of unequal lengths"));
    }
    let by = dist::profiles(&claim, &holders, &order);
    let bytes: HashMap<u32, Bound<'py, PyBytes>> = by
        .iter()
        .map(|(c, p)| Ok((*c, to_bytes(py, p)?)))
        .collect::<PyResult<_>>()?;
    Ok(claim.iter().map(|c| bytes[c].clone()).collect())
}

/// `(a, b, order, weight)` (bytes) of every pair the keys of rows `(key, claim, holders,
/// order, profile)` make; the rows hold every holder of each of their keys.
#[pyfunction]
#[allow(clippy::type_complexity)]
pub fn key_pairs<'py>(
    py: Python<'py>,
    key: Vec<String>,
    claim: &[u8],
    holders: &[u8],
    order: &[u8],
    profile: Vec<Vec<u8>>,
) -> PyResult<(
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
)> {
    let claim: Vec<u32> = read(claim, "claim")?;
    let (holders, order): (Vec<u32>, Vec<u64>) = (read(holders, "holders")?, read(order, "order")?);
    let profile: Vec<Profile> = profile
        .iter()
        .map(|p| from_bytes(p, "a profile"))
        .collect::<PyResult<_>>()?;
    let n = key.len();
    if [claim.len(), holders.len(), order.len(), profile.len()] != [n; 4] {
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
