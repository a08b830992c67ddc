//! Claims as Python objects (`claim_table.rs` has them as columns). Offsets are code points.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::claim_row::ClaimRow;
use super::entities::PyEntity;
use super::frame::{self, PyFrame};
use super::pool;
use crate::calendar::Date;
use crate::claims::{link::LinkedClaim, CueClass, Polarity, QuoteKind};
use crate::corpus::Corpus;

/// Runs the claims stage (and the stages before it) with the GIL released, once.
pub fn claim_layer<'a>(py: Python<'_>, corpus: &'a Corpus) -> PyResult<&'a [Vec<LinkedClaim>]> {
    pool::stage(py, corpus, Corpus::try_claims)
}

// A claim is a plain value: equal when its fields are, hashable, pickled by value.
#[pyclass(name = "Claim", module = "crosswire._core", frozen, get_all, eq, hash)]
#[derive(Clone, PartialEq, Hash)]
pub struct PyClaim {
    pub claim: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_entity: Option<String>,
    /// The pronoun that stood for the speaker (`it said`), if one did.
    pub pronoun: Option<String>,
    pub cue: Option<String>,
    pub cue_class: Option<&'static str>,
    pub polarity: &'static str,
    pub hedged: bool,
    pub quote: Option<&'static str>,
    /// Cross-document ids of the entities mentioned in the claim, in text order.
    pub entities: Vec<String>,
    /// The figure mentions it contains (CARDINAL, ORDINAL, QUANTITY, MONEY, PERCENT), with
    /// value, unit and bounds.
    pub figures: Vec<PyEntity>,
    /// The DATE and TIME mentions the claim contains, as written.
    pub when: Vec<String>,
    /// The day the claim is about (ISO): a day named in it, else the document's date.
    pub date: Option<String>,
    /// Where `speaker` is in the document (code points), if the claim has one.
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    /// Where `pronoun` is in the document (code points), if the claim has one.
    pub pronoun_start: Option<usize>,
    pub pronoun_end: Option<usize>,
    /// Where the cue is in the document (code points), from its first word to its last (a
    /// split cue, `described … as`, spans its gap).
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    /// Its main frame (who did what to whom), if the parse gave one.
    pub frame: Option<PyFrame>,
}

/// A span is both ends or neither, in order.
fn span_or_none(what: &str, start: Option<usize>, end: Option<usize>) -> PyResult<()> {
    match (start, end) {
        (None, None) => Ok(()),
        (Some(s), Some(e)) if s <= e => Ok(()),
        (Some(s), Some(e)) => Err(PyValueError::new_err(format!(
            "{what}_start {s} is after {what}_end {e}"
        ))),
        _ => Err(PyValueError::new_err(format!(
            "{what}_start and {what}_end are given together or not at all"
        ))),
    }
}

fn known<T>(what: &str, value: &str, parse: impl Fn(&str) -> Option<T>) -> PyResult<T> {
    parse(value).ok_or_else(|| PyValueError::new_err(format!("unknown claim {what} {value:?}")))
}

#[pymethods]
impl PyClaim {
    /// Builds a claim from its fields (as pickling does); `cue_class`, `polarity` and
    /// `quote` must be ones the claims stage gives, `date` a YYYY-MM-DD day.
    #[new]
    #[pyo3(signature = (
        claim, doc, start, end, text, speaker = None, speaker_entity = None, pronoun = None,
        cue = None, cue_class = None, polarity = "asserted", hedged = false, quote = None,
        entities = Vec::new(), figures = Vec::new(), when = Vec::new(), date = None,
        speaker_start = None, speaker_end = None, pronoun_start = None, pronoun_end = None,
        cue_start = None, cue_end = None, frame = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        claim: String,
        doc: String,
        start: usize,
        end: usize,
        text: String,
        speaker: Option<String>,
        speaker_entity: Option<String>,
        pronoun: Option<String>,
        cue: Option<String>,
        cue_class: Option<&str>,
        polarity: &str,
        hedged: bool,
        quote: Option<&str>,
        entities: Vec<String>,
        figures: Vec<PyRef<'_, PyEntity>>,
        when: Vec<String>,
        date: Option<String>,
        speaker_start: Option<usize>,
        speaker_end: Option<usize>,
        pronoun_start: Option<usize>,
        pronoun_end: Option<usize>,
        cue_start: Option<usize>,
        cue_end: Option<usize>,
        frame: Option<PyRef<'_, PyFrame>>,
    ) -> PyResult<PyClaim> {
        span_or_none("speaker", speaker_start, speaker_end)?;
        span_or_none("pronoun", pronoun_start, pronoun_end)?;
        span_or_none("cue", cue_start, cue_end)?;
        if let Some(d) = date.as_deref() {
            if Date::parse_iso(d).is_none() {
                return Err(PyValueError::new_err(format!(
                    "claim date {d:?} is not a YYYY-MM-DD day"
                )));
            }
        }
        Ok(PyClaim {
            claim,
            doc,
            start,
            end,
            text,
            speaker,
            speaker_entity,
            pronoun,
            cue,
            cue_class: cue_class
                .map(|c| known("cue class", c, CueClass::parse))
                .transpose()?
                .map(CueClass::as_str),
            polarity: known("polarity", polarity, Polarity::parse)?.as_str(),
            hedged,
            quote: quote
                .map(|q| known("quote kind", q, QuoteKind::parse))
                .transpose()?
                .map(QuoteKind::as_str),
            entities,
            figures: figures.iter().map(|f| (**f).clone()).collect(),
            when,
            date,
            speaker_start,
            speaker_end,
            pronoun_start,
            pronoun_end,
            cue_start,
            cue_end,
            frame: frame.map(|f| (*f).clone()),
        })
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let c = slf.get();
        let py = slf.py();
        let args = [
            c.claim.as_str().into_pyobject(py)?.into_any(),
            c.doc.as_str().into_pyobject(py)?.into_any(),
            c.start.into_pyobject(py)?.into_any(),
            c.end.into_pyobject(py)?.into_any(),
            c.text.as_str().into_pyobject(py)?.into_any(),
            c.speaker.as_deref().into_pyobject(py)?.into_any(),
            c.speaker_entity.as_deref().into_pyobject(py)?.into_any(),
            c.pronoun.as_deref().into_pyobject(py)?.into_any(),
            c.cue.as_deref().into_pyobject(py)?.into_any(),
            c.cue_class.into_pyobject(py)?.into_any(),
            c.polarity.into_pyobject(py)?.into_any(),
            c.hedged.into_pyobject(py)?.to_owned().into_any(),
            c.quote.into_pyobject(py)?.into_any(),
            c.entities.clone().into_pyobject(py)?.into_any(),
            c.figures.clone().into_pyobject(py)?.into_any(),
            c.when.clone().into_pyobject(py)?.into_any(),
            c.date.as_deref().into_pyobject(py)?.into_any(),
            c.speaker_start.into_pyobject(py)?.into_any(),
            c.speaker_end.into_pyobject(py)?.into_any(),
            c.pronoun_start.into_pyobject(py)?.into_any(),
            c.pronoun_end.into_pyobject(py)?.into_any(),
            c.cue_start.into_pyobject(py)?.into_any(),
            c.cue_end.into_pyobject(py)?.into_any(),
            c.frame.clone().into_pyobject(py)?.into_any(),
        ];
        Ok((slf.get_type().into_any(), PyTuple::new(py, args)?))
    }

    fn __repr__(&self) -> String {
        let who = self.speaker.as_deref().unwrap_or("(the article)");
        let cue = self.cue.as_deref().unwrap_or("-");
        format!("Claim({} {cue} {:?}, {})", who, self.text, self.polarity)
    }
}

pub fn make(corpus: &Corpus, d: usize, c: &LinkedClaim) -> PyClaim {
    let r = ClaimRow::new(corpus, d, c);
    let entities = corpus.entities();
    let (speaker_start, speaker_end) = r.speaker_span();
    let (pronoun_start, pronoun_end) = r.pronoun_span();
    let (cue_start, cue_end) = r.cue_span();
    PyClaim {
        claim: r.id(),
        doc: r.doc_name().to_owned(),
        start: r.start(),
        end: r.end(),
        text: r.text().to_owned(),
        speaker: r.speaker().map(str::to_owned),
        speaker_entity: r.speaker_entity().map(str::to_owned),
        pronoun: r.pronoun().map(str::to_owned),
        cue: r.cue().map(str::to_owned),
        cue_class: r.cue_class(),
        polarity: r.polarity(),
        hedged: r.hedged(),
        quote: r.quote(),
        entities: r.entities().into_iter().map(str::to_owned).collect(),
        figures: r
            .figures()
            .map(|(m, _)| PyEntity::of_mention(corpus, entities, d, m))
            .collect(),
        when: r.when().map(str::to_owned).collect(),
        date: r.date(),
        speaker_start,
        speaker_end,
        pronoun_start,
        pronoun_end,
        cue_start,
        cue_end,
        frame: c.frames.first().map(|f| frame::make(corpus, d, f)),
    }
}

pub fn document_claims(py: Python<'_>, corpus: &Arc<Corpus>, d: usize) -> PyResult<Vec<PyClaim>> {
    Ok(claim_layer(py, corpus)?[d]
        .iter()
        .map(|c| make(corpus, d, c))
        .collect())
}
