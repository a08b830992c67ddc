//! Alignment and comparison as columns for pandas. The work runs with the GIL released.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::columns::Columns;
use super::pool;
use crate::align::{self, model::Feature, Judgement};
use crate::claims::claim_id;
use crate::corpus::Corpus;
use crate::lang::Language;

/// The `pairs` table of `corpus.align()`, as columns (see `columns.rs`): built when asked
/// for, never kept.
pub fn pair_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let alignment = pool::stage(py, corpus, Corpus::try_alignment)?;
    let layer = super::claims::claim_layer(py, corpus)?;
    let docs = corpus.docs();
    let p = &alignment.pairs;
    let cols = Columns::new(py)?;
    // Each claim's id made once: pairs far outnumber claims.
    let ids: Vec<String> = alignment
        .claims
        .iter()
        .map(|r| {
            claim_id(
                &docs[r.doc as usize].name,
                &layer[r.doc as usize][r.index as usize].claim,
            )
        })
        .collect();
    // The long string columns go straight into their buffers (`strs_in_place`): at 100,000
    // articles a Rust copy of the reasons alone was over half a gigabyte at the peak.
    cols.strs_in_place("claim_a", |put| {
        p.iter().for_each(|x| put(&ids[x.a as usize]))
    })?;
    cols.strs_in_place("claim_b", |put| {
        p.iter().for_each(|x| put(&ids[x.b as usize]))
    })?;
    let doc_name = |k: u32| {
        Some(
            docs[alignment.claims[k as usize].doc as usize]
                .name
                .as_str(),
        )
    };
    cols.words("doc_a", p.iter().map(|x| doc_name(x.a)))?;
    cols.words("doc_b", p.iter().map(|x| doc_name(x.b)))?;
    cols.words("relation", p.iter().map(|x| Some(x.relation.as_str())))?;
    cols.floats("score", p.iter().map(|x| Some(x.score)))?;
    // Each reason written out (twice: sizes, then bytes): the pairs hold them compactly
    // (`Reason`).
    cols.strs_in_place("reason", |put| {
        let mut text = String::new();
        for x in p {
            text.clear();
            x.reason.write_to(&mut text);
            put(&text);
        }
    })?;
    Ok(cols.into_dict())
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
