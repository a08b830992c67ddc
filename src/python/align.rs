//! Alignment and comparison as columns for pandas. The work runs with the GIL released.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use super::pool;
use crate::align::{self, model::Feature, Judgement};
use crate::claims::claim_id;
use crate::corpus::Corpus;
use crate::lang::Language;

/// The `pairs` table of `corpus.align()`, as a dict of columns: built when asked for, never
/// kept (a Python object per cell).
pub fn pair_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let alignment = pool::stage(py, corpus, Corpus::try_alignment)?;
    let layer = super::claims::claim_layer(py, corpus)?;
    let docs = corpus.docs();
    // Each claim id and document name becomes one Python string, shared by every pair
    // that names it: pairs far outnumber claims.
    let ids: Vec<Bound<'py, PyString>> = alignment
        .claims
        .iter()
        .map(|r| {
            PyString::new(
                py,
                &claim_id(
                    &docs[r.doc as usize].name,
                    &layer[r.doc as usize][r.index as usize].claim,
                ),
            )
        })
        .collect();
    let names: Vec<Bound<'py, PyString>> =
        docs.iter().map(|d| PyString::new(py, &d.name)).collect();
    let id = |k: u32| ids[k as usize].clone();
    let doc_name = |k: u32| names[alignment.claims[k as usize].doc as usize].clone();
    let pairs = PyDict::new(py);
    let p = &alignment.pairs;
    pairs.set_item("claim_a", PyList::new(py, p.iter().map(|x| id(x.a)))?)?;
    pairs.set_item("claim_b", PyList::new(py, p.iter().map(|x| id(x.b)))?)?;
    pairs.set_item("doc_a", PyList::new(py, p.iter().map(|x| doc_name(x.a)))?)?;
    pairs.set_item("doc_b", PyList::new(py, p.iter().map(|x| doc_name(x.b)))?)?;
    pairs.set_item(
        "relation",
        PyList::new(
            py,
            p.iter().map(|x| PyString::intern(py, x.relation.as_str())),
        )?,
    )?;
    pairs.set_item("score", p.iter().map(|x| x.score).collect::<Vec<_>>())?;
    // Each reason written out into one buffer and straight to a Python string: the pairs
    // hold them compactly (`Reason`), and a Rust copy of every text would double them.
    let mut text = String::new();
    pairs.set_item(
        "reason",
        PyList::new(
            py,
            p.iter().map(|x| {
                text.clear();
                x.reason.write_to(&mut text);
                PyString::new(py, &text)
            }),
        )?,
    )?;
    Ok(pairs)
}

/// The `groups` table of `corpus.align()` (one row per claim), as a dict of columns: built
/// when asked for, never kept.
pub fn group_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let alignment = pool::stage(py, corpus, Corpus::try_alignment)?;
    let layer = super::claims::claim_layer(py, corpus)?;
    let groups = PyDict::new(py);
    let claims: Vec<_> = alignment
        .claims
        .iter()
        .map(|r| {
            super::claims::make(
                corpus,
                r.doc as usize,
                &layer[r.doc as usize][r.index as usize],
            )
        })
        .collect();
    groups.set_item("group", alignment.groups.clone())?;
    groups.set_item(
        "claim",
        claims.iter().map(|c| c.claim.clone()).collect::<Vec<_>>(),
    )?;
    groups.set_item(
        "doc",
        claims.iter().map(|c| c.doc.clone()).collect::<Vec<_>>(),
    )?;
    groups.set_item("start", claims.iter().map(|c| c.start).collect::<Vec<_>>())?;
    groups.set_item("end", claims.iter().map(|c| c.end).collect::<Vec<_>>())?;
    groups.set_item(
        "text",
        claims.iter().map(|c| c.text.clone()).collect::<Vec<_>>(),
    )?;
    groups.set_item(
        "speaker",
        claims.iter().map(|c| c.speaker.clone()).collect::<Vec<_>>(),
    )?;
    groups.set_item(
        "polarity",
        claims.iter().map(|c| c.polarity).collect::<Vec<_>>(),
    )?;
    groups.set_item(
        "figures",
        claims
            .iter()
            .map(|c| c.figures.iter().map(|f| f.text.clone()).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
    )?;
    // Where those figures sit in the claim's text, for highlighting (not a public column).
    groups.set_item(
        "figure_spans",
        claims
            .iter()
            .map(|c| {
                c.figures
                    .iter()
                    .map(|f| (f.start - c.start, f.end - c.start))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>(),
    )?;
    Ok(groups)
}

fn triple(j: Judgement) -> (&'static str, f64, String) {
    (j.relation.as_str(), j.score, j.reason)
}

/// Compares two sentences: `(relation, score, reason)`.
#[pyfunction]
pub fn compare(py: Python<'_>, a: String, b: String) -> (&'static str, f64, String) {
    triple(pool::run(py, move || {
        align::compare(&a, &b, Language::english())
    }))
}

/// Compares `a[i]` with `b[i]` for every i, in parallel: a list of `(relation, score, reason)`.
#[pyfunction]
pub fn compare_many(
    py: Python<'_>,
    a: Vec<String>,
    b: Vec<String>,
) -> PyResult<Vec<(&'static str, f64, String)>> {
    if a.len() != b.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "compare_many needs two lists of the same length, got {} and {}",
            a.len(),
            b.len()
        )));
    }
    let out = pool::run(py, move || {
        let pairs: Vec<(&str, &str)> = a
            .iter()
            .map(String::as_str)
            .zip(b.iter().map(String::as_str))
            .collect();
        align::compare_many(&pairs, Language::english())
    });
    Ok(out.into_iter().map(triple).collect())
}

/// Feature names, one row of features per pair, each pair's word keys.
type FeatureTable = (Vec<&'static str>, Vec<Vec<f64>>, Vec<Vec<String>>);

/// The pair features behind `compare`'s score: `(names, rows, words)`, `words` being each
/// pair's word keys (`+key` shared, `-key` one side only). For fitting weights.
#[pyfunction]
pub fn compare_features(py: Python<'_>, a: Vec<String>, b: Vec<String>) -> PyResult<FeatureTable> {
    if a.len() != b.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "compare_features needs two lists of the same length",
        ));
    }
    let (rows, words) = pool::run(py, move || {
        let pairs: Vec<(&str, &str)> = a
            .iter()
            .map(String::as_str)
            .zip(b.iter().map(String::as_str))
            .collect();
        align::features_many(&pairs, Language::english())
            .into_iter()
            .unzip()
    });
    Ok((Feature::ALL.map(Feature::name).to_vec(), rows, words))
}
