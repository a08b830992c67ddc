//! Entities as Python objects and table columns, with code-point offsets.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use super::columns::{Columns, Strings};
use super::pool;
use crate::corpus::{Corpus, EntityLayer};
use crate::entities::candidate::Source;
use crate::entities::ids::EntityRecord;
use crate::entities::label::Label;
use crate::entities::values::Normalised;

/// Runs the entity stage (and the text stage before it) with the GIL released, once.
pub fn entity_layer<'a>(py: Python<'_>, corpus: &'a Corpus) -> PyResult<&'a EntityLayer> {
    pool::stage(py, corpus, Corpus::try_entities)
}

// A mention is a plain value: equal when its fields are, hashable, pickled by value.
#[pyclass(name = "Entity", module = "crosswire._core", frozen, get_all, eq, hash)]
#[derive(Clone, PartialEq)]
pub struct PyEntity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: &'static str,
    /// The cross-document id, shared by every mention of one real-world entity; a date's
    /// is its ISO value (`DATE:2022-11-07`); None for figures and unresolved dates.
    pub entity: Option<String>,
    /// The entity's canonical name.
    pub name: Option<String>,
    /// What proposed it: lexicon, user, context, surname, guess, figures, dates, …
    pub source: &'static str,
    /// A figure's value in `unit` (for `hundreds of`, its lower bound).
    pub value: Option<f64>,
    /// A figure's canonical unit or ISO 4217 currency (`km`, `%`, `EUR`); None for counts.
    pub unit: Option<String>,
    /// Smallest and largest values the wording allows (`at least 30`, `nearly 300,000`).
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    /// A figure given as rough (`about`, `some`, `hundreds of`); None for non-figures.
    pub approximate: Option<bool>,
    /// A date's ISO value (`2022-11-07`, `2022-11`, `2022-11-06/2022-11-08`); None if it
    /// has none (a duration, or relative to an unknown document date).
    pub date: Option<String>,
    /// A date that depends on the document's date (`on Monday`); None for non-dates.
    pub relative: Option<bool>,
}

/// Hashes a float so that values `==` treats as equal (0.0 and -0.0) hash alike.
fn hash_float<H: Hasher>(x: Option<f64>, h: &mut H) {
    x.map(|v| (v + 0.0).to_bits()).hash(h);
}

impl Hash for PyEntity {
    fn hash<H: Hasher>(&self, h: &mut H) {
        (
            self.start,
            self.end,
            &self.text,
            self.label,
            &self.entity,
            &self.name,
            self.source,
        )
            .hash(h);
        hash_float(self.value, h);
        self.unit.hash(h);
        hash_float(self.lower, h);
        hash_float(self.upper, h);
        (self.approximate, &self.date, self.relative).hash(h);
    }
}

/// The value columns of one mention: value, unit, lower, upper, approximate, date, relative.
pub(super) type Values = (
    Option<f64>,
    Option<&'static str>,
    Option<f64>,
    Option<f64>,
    Option<bool>,
    Option<String>,
    Option<bool>,
);

pub(super) fn values(n: Option<Normalised>) -> Values {
    match n {
        Some(Normalised::Figure {
            value,
            unit,
            lower,
            upper,
            approximate,
        }) => (
            Some(value),
            unit.map(|u| u.as_str()),
            lower.get(),
            upper.get(),
            Some(approximate),
            None,
            None,
        ),
        Some(d @ Normalised::Date { relative, .. }) => {
            (None, None, None, None, None, d.iso(), Some(relative))
        }
        None => (None, None, None, None, None, None, None),
    }
}

impl PyEntity {
    /// Mention `m` of document `d`, as the entity stage found and resolved it.
    pub fn of_mention(corpus: &Corpus, layer: &EntityLayer, d: usize, m: usize) -> PyEntity {
        let doc = &corpus.docs()[d];
        let offsets = doc.char_offsets();
        let x = &layer.mentions[d][m];
        let record = layer.entity_of(d, m);
        let (value, unit, lower, upper, approximate, date, relative) = values(x.normalised);
        PyEntity {
            start: offsets.to_char(x.start) as usize,
            end: offsets.to_char(x.end) as usize,
            text: doc.text[x.start as usize..x.end as usize].to_owned(),
            label: x.label.as_str(),
            entity: record.map(|r| r.id.clone()),
            name: record.map(|r| r.name.clone()),
            source: x.source.as_str(),
            value,
            unit: unit.map(str::to_owned),
            lower,
            upper,
            approximate,
            date,
            relative,
        }
    }
}

#[pymethods]
impl PyEntity {
    /// Builds a mention from its fields (as pickling does); `label` and `source` must be
    /// ones the tagger gives.
    #[new]
    #[pyo3(signature = (
        start, end, text, label, entity = None, name = None, source = "user", value = None,
        unit = None, lower = None, upper = None, approximate = None, date = None, relative = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        start: usize,
        end: usize,
        text: String,
        label: &str,
        entity: Option<String>,
        name: Option<String>,
        source: &str,
        value: Option<f64>,
        unit: Option<String>,
        lower: Option<f64>,
        upper: Option<f64>,
        approximate: Option<bool>,
        date: Option<String>,
        relative: Option<bool>,
    ) -> PyResult<PyEntity> {
        let known = Label::parse(label).filter(|l| l.as_str() == label);
        let label = known
            .ok_or_else(|| PyValueError::new_err(format!("unknown entity label {label:?}")))?;
        let source = Source::parse(source)
            .ok_or_else(|| PyValueError::new_err(format!("unknown entity source {source:?}")))?;
        Ok(PyEntity {
            start,
            end,
            text,
            label: label.as_str(),
            entity,
            name,
            source: source.as_str(),
            value,
            unit,
            lower,
            upper,
            approximate,
            date,
            relative,
        })
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let e = slf.get();
        let py = slf.py();
        let args = [
            e.start.into_pyobject(py)?.into_any(),
            e.end.into_pyobject(py)?.into_any(),
            e.text.as_str().into_pyobject(py)?.into_any(),
            e.label.into_pyobject(py)?.into_any(),
            e.entity.as_deref().into_pyobject(py)?.into_any(),
            e.name.as_deref().into_pyobject(py)?.into_any(),
            e.source.into_pyobject(py)?.into_any(),
            e.value.into_pyobject(py)?.into_any(),
            e.unit.as_deref().into_pyobject(py)?.into_any(),
            e.lower.into_pyobject(py)?.into_any(),
            e.upper.into_pyobject(py)?.into_any(),
            e.approximate.into_pyobject(py)?.into_any(),
            e.date.as_deref().into_pyobject(py)?.into_any(),
            e.relative.into_pyobject(py)?.into_any(),
        ];
        Ok((slf.get_type().into_any(), PyTuple::new(py, args)?))
    }

    fn __repr__(&self) -> String {
        let what = match (&self.entity, self.value, &self.date) {
            (_, Some(v), _) => format!(
                "{v}{}",
                self.unit
                    .as_deref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default()
            ),
            (_, _, Some(d)) => d.clone(),
            (Some(e), _, _) => e.clone(),
            _ => "-".into(),
        };
        format!(
            "Entity({:?}, {}..{}, {}, {what})",
            self.text, self.start, self.end, self.label
        )
    }
}

pub fn document_entities(
    py: Python<'_>,
    corpus: &Arc<Corpus>,
    d: usize,
) -> PyResult<Vec<PyEntity>> {
    let layer = entity_layer(py, corpus)?;
    Ok((0..layer.mentions[d].len())
        .map(|m| PyEntity::of_mention(corpus, layer, d, m))
        .collect())
}

/// Columns of `corpus.entities()`: doc, start, end, text, label, entity, value, unit,
/// lower, upper, approximate, date, relative, source (see `columns.rs`).
pub fn entity_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let layer = entity_layer(py, corpus)?;
    let docs = corpus.docs();
    // Each mention again for each column: (document index, mention index, mention).
    let rows = || {
        layer
            .mentions
            .iter()
            .enumerate()
            .flat_map(|(d, ms)| ms.iter().enumerate().map(move |(m, x)| (d, m, x)))
    };
    let cols = Columns::new(py)?;
    cols.codes("doc", rows().map(|(d, ..)| d as u32))?;
    let char_at = |d: usize, b: u32| docs[d].char_offsets().to_char(b) as i64;
    cols.ints("start", rows().map(|(d, _, x)| char_at(d, x.start)))?;
    cols.ints("end", rows().map(|(d, _, x)| char_at(d, x.end)))?;
    cols.strs_in_place("text", |put| {
        rows().for_each(|(d, _, x)| put(&docs[d].text[x.start as usize..x.end as usize]))
    })?;
    cols.words("label", rows().map(|(.., x)| Some(x.label.as_str())))?;
    cols.strs(
        "entity",
        rows().map(|(d, m, _)| layer.entity_of(d, m).map(|r| r.id.as_str())),
    )?;
    let value = |x: &crate::entities::tagger::Mention| values(x.normalised);
    cols.floats("value", rows().map(|(.., x)| value(x).0))?;
    cols.words("unit", rows().map(|(.., x)| value(x).1))?;
    cols.floats("lower", rows().map(|(.., x)| value(x).2))?;
    cols.floats("upper", rows().map(|(.., x)| value(x).3))?;
    cols.opt_bools("approximate", rows().map(|(.., x)| value(x).4))?;
    let mut dates = Strings::new()?;
    for (.., x) in rows() {
        dates.push(value(x).5.as_deref())?;
    }
    cols.put_strs("date", dates)?;
    cols.opt_bools("relative", rows().map(|(.., x)| value(x).6))?;
    cols.words("source", rows().map(|(.., x)| Some(x.source.as_str())))?;
    Ok(cols.into_dict())
}

/// Columns of `corpus.entity_table()`: entity, name, label, aliases, docs, mentions.
pub fn entity_table_columns<'py>(
    py: Python<'py>,
    corpus: &Arc<Corpus>,
) -> PyResult<Bound<'py, PyDict>> {
    let layer = entity_layer(py, corpus)?;
    let records: Vec<&EntityRecord> = layer.resolution.entities.iter().collect();
    let names: Vec<&str> = corpus.docs().iter().map(|d| d.name.as_str()).collect();
    record_columns(py, &records, &names)
}

/// The entity table's columns for `records`, whose documents are indices into `names`.
pub fn record_columns<'py>(
    py: Python<'py>,
    records: &[&EntityRecord],
    names: &[&str],
) -> PyResult<Bound<'py, PyDict>> {
    if let Some(&d) = records.iter().flat_map(|r| &r.docs).max() {
        if d as usize >= names.len() {
            return Err(PyValueError::new_err(format!(
                "an entity is in document {d}, but only {} documents are named",
                names.len()
            )));
        }
    }
    let cols = Columns::new(py)?;
    cols.strs("entity", records.iter().map(|r| Some(r.id.as_str())))?;
    cols.strs("name", records.iter().map(|r| Some(r.name.as_str())))?;
    cols.words("label", records.iter().map(|r| Some(r.label.as_str())))?;
    cols.str_lists(
        "aliases",
        records.iter().map(|r| r.aliases.iter().map(String::as_str)),
    )?;
    cols.str_lists(
        "docs",
        records
            .iter()
            .map(|r| r.docs.iter().map(|&d| names[d as usize])),
    )?;
    cols.ints("mentions", records.iter().map(|r| r.mentions as i64))?;
    Ok(cols.into_dict())
}
