//! Entities as Python objects and table columns, with code-point offsets.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::corpus::{Corpus, EntityLayer};

/// Runs the entity stage (and the text stage before it) with the GIL released, once.
pub fn entity_layer<'a>(py: Python<'_>, corpus: &'a Arc<Corpus>) -> &'a EntityLayer {
    let shared = Arc::clone(corpus);
    py.detach(move || {
        shared.entities();
    });
    corpus.entities()
}

#[pyclass(name = "Entity", module = "crosswire._core", frozen, get_all)]
pub struct PyEntity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: &'static str,
    /// The cross-document id, shared by every mention of one real-world entity.
    pub entity: String,
    /// The entity's canonical name.
    pub name: String,
    /// What proposed it: lexicon, user, context, surname, guess, …
    pub source: &'static str,
}

#[pymethods]
impl PyEntity {
    fn __repr__(&self) -> String {
        format!(
            "Entity({:?}, {}..{}, {}, {})",
            self.text, self.start, self.end, self.label, self.entity
        )
    }
}

pub fn document_entities(py: Python<'_>, corpus: &Arc<Corpus>, d: usize) -> Vec<PyEntity> {
    let layer = entity_layer(py, corpus);
    let doc = &corpus.docs()[d];
    let offsets = doc.char_offsets();
    layer.mentions[d]
        .iter()
        .enumerate()
        .map(|(m, x)| {
            let record = layer.entity_of(d, m);
            PyEntity {
                start: offsets.to_char(x.start) as usize,
                end: offsets.to_char(x.end) as usize,
                text: doc.text[x.start as usize..x.end as usize].to_owned(),
                label: x.label.as_str(),
                entity: record.id.clone(),
                name: record.name.clone(),
                source: x.source.as_str(),
            }
        })
        .collect()
}

/// Columns of `corpus.entities()`: doc, start, end, text, label, entity, source.
pub fn entity_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let layer = entity_layer(py, corpus);
    let n: usize = layer.mentions.iter().map(Vec::len).sum();
    let (mut doc, mut start, mut end) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut text, mut label, mut entity, mut source) =
        (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    for (d, (document, mentions)) in corpus.docs().iter().zip(&layer.mentions).enumerate() {
        let offsets = document.char_offsets();
        for (m, x) in mentions.iter().enumerate() {
            doc.push(d as u32);
            start.push(offsets.to_char(x.start));
            end.push(offsets.to_char(x.end));
            text.push(&document.text[x.start as usize..x.end as usize]);
            label.push(x.label.as_str());
            entity.push(layer.entity_of(d, m).id.as_str());
            source.push(x.source.as_str());
        }
    }
    let dict = PyDict::new(py);
    dict.set_item("doc", doc)?;
    dict.set_item("start", start)?;
    dict.set_item("end", end)?;
    dict.set_item("text", text)?;
    dict.set_item("label", label)?;
    dict.set_item("entity", entity)?;
    dict.set_item("source", source)?;
    Ok(dict)
}

/// Columns of `corpus.entity_table()`: entity, name, label, aliases, docs, mentions.
pub fn entity_table_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let layer = entity_layer(py, corpus);
    let records = &layer.resolution.entities;
    let names: Vec<&str> = corpus.docs().iter().map(|d| d.name.as_str()).collect();
    let dict = PyDict::new(py);
    dict.set_item("entity", records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>())?;
    dict.set_item("name", records.iter().map(|r| r.name.as_str()).collect::<Vec<_>>())?;
    dict.set_item("label", records.iter().map(|r| r.label.as_str()).collect::<Vec<_>>())?;
    dict.set_item("aliases", records.iter().map(|r| r.aliases.clone()).collect::<Vec<_>>())?;
    dict.set_item(
        "docs",
        records
            .iter()
            .map(|r| r.docs.iter().map(|&d| names[d as usize]).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
    )?;
    dict.set_item("mentions", records.iter().map(|r| r.mentions).collect::<Vec<_>>())?;
    Ok(dict)
}
