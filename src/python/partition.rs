//! `_core.Partition` and what crosses processes when a corpus is analysed in partitions
//! (`crosswire.dask`): keys, the clustering, what clusters gathered, entity records. Values
//! that travel are bytes (postcard); the logic is the core's (`crate::partition`, `ids`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};
use serde::{de::DeserializeOwned, Serialize};

use super::corpus::{replaced_rows, user_lexicon, PatternRow, PyCorpus, Replaced};
use super::entities::record_columns;
use super::{errors, pool};
use crate::corpus::Corpus;
use crate::entities::ids::{self, Clustering, EntityRecord, Gathered, Key, Resolution};
use crate::partition::Partition;
use crate::text::decode::Decoding;

pub(super) fn to_bytes<'py>(
    py: Python<'py>,
    value: &impl Serialize,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = postcard::to_allocvec(value)
        .map_err(|e| PyValueError::new_err(format!("could not encode: {e}")))?;
    Ok(PyBytes::new(py, &bytes))
}

pub(super) fn from_bytes<T: DeserializeOwned>(bytes: &[u8], what: &str) -> PyResult<T> {
    postcard::from_bytes(bytes)
        .map_err(|e| PyValueError::new_err(format!("these bytes are not {what}: {e}")))
}

/// A tagged partition's bytes per byte of text (texts, tokens, sentences, mentions and keys:
/// about 360 MB held for 40 MB of text at 10,000 synthetic articles, benches/DASK.md).
const PARTITION_BYTES_PER_TEXT_BYTE: usize = 9;
/// Bytes per identity key held by a clustering, and per entity record (estimates).
const KEY_BYTES: usize = 96;
const RECORD_BYTES: usize = 256;

fn decoding(errors: &str) -> PyResult<Decoding> {
    match errors {
        "strict" => Ok(Decoding::Strict),
        "replace" => Ok(Decoding::Replace),
        other => Err(PyValueError::new_err(format!(
            "errors must be 'strict' or 'replace', not {other:?}"
        ))),
    }
}

/// The documents `paths` (named `names`), numbered `first_doc` on in the corpus, read and
/// tagged. Pickles as its arguments (like `Corpus` as its texts): a worker that gets it
/// reads the files again.
#[pyclass(name = "Partition", module = "crosswire._core", frozen)]
pub struct PyPartition {
    inner: Partition,
    args: (
        Vec<PathBuf>,
        Vec<String>,
        u32,
        String,
        Option<Vec<PatternRow>>,
    ),
    replaced: Vec<Replaced>,
}

#[pymethods]
impl PyPartition {
    #[new]
    #[pyo3(signature = (paths, names, first_doc, errors = "strict", patterns = None))]
    fn new(
        py: Python<'_>,
        paths: Vec<PathBuf>,
        names: Vec<String>,
        first_doc: u32,
        errors: &str,
        patterns: Option<Vec<PatternRow>>,
    ) -> PyResult<PyPartition> {
        if paths.len() != names.len() {
            return Err(PyValueError::new_err(
                "paths and names must have equal lengths",
            ));
        }
        let mode = decoding(errors)?;
        let lexicon = user_lexicon(patterns.clone())?;
        let named: Vec<(PathBuf, String)> = paths.iter().cloned().zip(names.clone()).collect();
        let (inner, replaced) = pool::interruptible(py, |cancel| {
            Ok(match Corpus::try_from_files(&named, mode, cancel)? {
                Ok((corpus, replaced)) => {
                    let corpus = corpus.with_lexicon(Arc::clone(&lexicon));
                    Ok((Partition::tag(corpus, first_doc, cancel)?, replaced))
                }
                Err(e) => Err(e),
            })
        })?
        .map_err(errors::to_py)?;
        Ok(PyPartition {
            inner,
            args: (paths, names, first_doc, errors.to_owned(), patterns),
            replaced: replaced_rows(replaced),
        })
    }

    fn __len__(&self) -> usize {
        self.inner.corpus().len()
    }

    /// Bytes held, estimated (Dask's `sizeof` reads it): tasks then run where the partition
    /// is rather than moving it, which would read and tag its files again (see `__reduce__`).
    fn __sizeof__(&self) -> usize {
        let text: usize = self
            .inner
            .corpus()
            .docs()
            .iter()
            .map(|d| d.text.len())
            .sum();
        text * PARTITION_BYTES_PER_TEXT_BYTE
    }

    /// Files read with `errors="replace"`: `(path, replaced, first_offset)`.
    #[getter]
    fn replaced(&self) -> Vec<Replaced> {
        self.replaced.clone()
    }

    /// The distinct identity keys of the partition's mentions, sorted (bytes).
    fn keys<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        to_bytes(py, &self.inner.keys())
    }

    /// What the partition's mentions gather for their clusters (bytes, for `absorb`).
    fn gathered<'py>(
        &self,
        py: Python<'py>,
        clustering: &PyClustering,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let gathered = pool::run(py, || self.inner.gathered(&clustering.inner));
        to_bytes(py, &gathered)
    }

    /// Every mention's entity in the partition (bytes, for `with_resolution`): its share
    /// of the corpus's ids, small beside `clustering` and `entities`.
    fn resolution<'py>(
        &self,
        py: Python<'py>,
        clustering: &PyClustering,
        entities: &PyEntities,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let resolution = pool::run(py, || {
            self.inner
                .resolution(&clustering.inner, &entities.by_cluster)
        })
        .map_err(PyValueError::new_err)?;
        to_bytes(py, &resolution)
    }

    /// The partition's documents as a corpus whose mentions carry the ids `resolution`
    /// (bytes, from `resolution` of this partition's documents) gives them.
    fn with_resolution(&self, py: Python<'_>, resolution: &[u8]) -> PyResult<PyCorpus> {
        let resolution: Resolution = from_bytes(resolution, "partition resolution")?;
        let corpus =
            pool::interruptible(py, |cancel| self.inner.with_resolution(resolution, cancel))?
                .map_err(PyValueError::new_err)?;
        Ok(PyCorpus {
            inner: Arc::new(corpus),
        })
    }

    /// The partition's documents as a corpus whose mentions carry the corpus's ids.
    fn with_ids(
        &self,
        py: Python<'_>,
        clustering: &PyClustering,
        entities: &PyEntities,
    ) -> PyResult<PyCorpus> {
        let corpus = pool::interruptible(py, |cancel| {
            self.inner
                .with_ids(&clustering.inner, &entities.by_cluster, cancel)
        })?
        .map_err(PyValueError::new_err)?;
        Ok(PyCorpus {
            inner: Arc::new(corpus),
        })
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let (paths, names, first, errors, patterns) = slf.get().args.clone();
        let args = (paths, names, first, errors, patterns).into_pyobject(slf.py())?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// Sorted, distinct key lists (bytes, from `Partition.keys`) as one.
#[pyfunction]
pub fn merge_keys<'py>(py: Python<'py>, lists: Vec<Vec<u8>>) -> PyResult<Bound<'py, PyBytes>> {
    let mut all: Vec<Key> = Vec::new();
    for bytes in &lists {
        all = ids::merge_distinct(all, from_bytes(bytes, "identity keys")?);
    }
    to_bytes(py, &all)
}

/// What clusters gathered from consecutive runs of documents (bytes, in document order),
/// as one.
#[pyfunction]
pub fn absorb<'py>(py: Python<'py>, parts: Vec<Vec<u8>>) -> PyResult<Bound<'py, PyBytes>> {
    let mut all = Gathered::default();
    for bytes in &parts {
        all.absorb(from_bytes(bytes, "gathered clusters")?);
    }
    to_bytes(py, &all)
}

/// The clusters of the corpus's distinct keys (built from the bytes of `merge_keys`).
/// Pickles as its keys: a worker that gets it clusters them again.
#[pyclass(name = "Clustering", module = "crosswire._core", frozen)]
pub struct PyClustering {
    inner: Clustering,
}

#[pymethods]
impl PyClustering {
    #[new]
    fn new(py: Python<'_>, keys: Vec<u8>) -> PyResult<PyClustering> {
        let keys: Vec<Key> = from_bytes(&keys, "identity keys")?;
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(PyValueError::new_err(
                "identity keys must be sorted and distinct",
            ));
        }
        Ok(PyClustering {
            inner: pool::run(py, || Clustering::new(keys)),
        })
    }

    fn __len__(&self) -> usize {
        self.inner.keys().len()
    }

    /// Bytes held, estimated (for Dask's `sizeof`).
    fn __sizeof__(&self) -> usize {
        self.inner.keys().len() * KEY_BYTES
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let keys = to_bytes(slf.py(), &slf.get().inner.keys())?;
        Ok((slf.get_type().into_any(), PyTuple::new(slf.py(), [keys])?))
    }
}

/// The corpus's entity records, each with its cluster, sorted by id (from the gathered
/// clusters of every partition). Pickles as bytes.
#[pyclass(name = "Entities", module = "crosswire._core", frozen)]
pub struct PyEntities {
    records: Vec<(u32, EntityRecord)>,
    by_cluster: HashMap<u32, EntityRecord>,
}

impl PyEntities {
    fn from_records(records: Vec<(u32, EntityRecord)>) -> PyEntities {
        PyEntities {
            by_cluster: records.iter().cloned().collect(),
            records,
        }
    }
}

#[pymethods]
impl PyEntities {
    /// Records from what every partition's clusters gathered (`absorb`'s bytes), named with
    /// the lexicon the partitions used.
    #[staticmethod]
    #[pyo3(signature = (gathered, patterns = None))]
    fn finish(
        py: Python<'_>,
        gathered: Vec<u8>,
        patterns: Option<Vec<PatternRow>>,
    ) -> PyResult<PyEntities> {
        let gathered: Gathered = from_bytes(&gathered, "gathered clusters")?;
        let lexicon = user_lexicon(patterns)?;
        Ok(PyEntities::from_records(pool::run(py, || {
            ids::finish(gathered, &lexicon)
        })))
    }

    fn __len__(&self) -> usize {
        self.records.len()
    }

    /// Bytes held, estimated (for Dask's `sizeof`): records twice (in order and by cluster).
    fn __sizeof__(&self) -> usize {
        self.records.len() * 2 * RECORD_BYTES
    }

    /// Columns of the entity table (as `Corpus.entity_table_columns`), documents named by
    /// `names` (every document of the corpus, in order).
    fn table_columns<'py>(
        &self,
        py: Python<'py>,
        names: Vec<String>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let records: Vec<&EntityRecord> = self.records.iter().map(|(_, r)| r).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        record_columns(py, &records, &names)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let bytes = to_bytes(py, &slf.get().records)?;
        let from = py.get_type::<PyEntities>().getattr("from_bytes")?;
        Ok((from, PyTuple::new(py, [bytes])?))
    }

    /// Records pickled as bytes (see `__reduce__`).
    #[staticmethod]
    fn from_bytes(bytes: Vec<u8>) -> PyResult<PyEntities> {
        Ok(PyEntities::from_records(from_bytes(
            &bytes,
            "entity records",
        )?))
    }
}
