//! Claims as Python objects and as columns for `corpus.claims()`. Offsets are code points.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use super::columns::Columns;
use super::entities::PyEntity;
use super::frame::{self, PyFrame};
use super::pool;
use crate::calendar::Date;
use crate::claims::{claim_id, link::LinkedClaim, CueClass, Polarity, QuoteKind, Span};
use crate::corpus::{Corpus, Document};
use crate::text::offsets::CharOffsets;

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

fn piece(doc: &Document, s: Span) -> String {
    doc.text[s.start as usize..s.end as usize].to_owned()
}

/// `(start, end)` of a span in code points; `(None, None)` for no span.
fn char_bounds(offsets: &CharOffsets, s: Option<Span>) -> (Option<usize>, Option<usize>) {
    match s {
        Some(s) => (
            Some(offsets.to_char(s.start) as usize),
            Some(offsets.to_char(s.end) as usize),
        ),
        None => (None, None),
    }
}

pub fn make(corpus: &Corpus, d: usize, c: &LinkedClaim) -> PyClaim {
    let doc = &corpus.docs()[d];
    let offsets = doc.char_offsets();
    let entities = corpus.entities();
    let mentions = &entities.mentions[d];
    let mut ids = Vec::new();
    let mut when = Vec::new();
    for &m in &c.mentions {
        let x = &mentions[m as usize];
        if x.label.is_temporal() {
            when.push(doc.text[x.start as usize..x.end as usize].to_owned());
        } else if x.label.is_name() {
            if let Some(record) = entities.entity_of(d, m as usize) {
                if !ids.contains(&record.id) {
                    ids.push(record.id.clone());
                }
            }
        }
    }
    let claim = &c.claim;
    let (speaker_start, speaker_end) = char_bounds(offsets, claim.speaker);
    let (pronoun_start, pronoun_end) = char_bounds(offsets, claim.pronoun);
    let (cue_start, cue_end) = char_bounds(offsets, claim.cue.as_ref().map(|q| q.span));
    PyClaim {
        claim: claim_id(&doc.name, claim),
        doc: doc.name.clone(),
        start: offsets.to_char(claim.span.start) as usize,
        end: offsets.to_char(claim.span.end) as usize,
        text: piece(doc, claim.span),
        speaker: claim.speaker.map(|s| piece(doc, s)),
        speaker_entity: c
            .speaker_mention
            .and_then(|m| entities.entity_of(d, m as usize))
            .map(|r| r.id.clone()),
        pronoun: claim.pronoun.map(|s| piece(doc, s)),
        cue: claim.cue.as_ref().map(|q| q.text.clone()),
        cue_class: claim.cue.as_ref().map(|q| q.class.as_str()),
        polarity: claim.polarity.as_str(),
        hedged: claim.hedged,
        quote: claim.quote.map(|q| q.as_str()),
        entities: ids,
        figures: c
            .figures
            .iter()
            .map(|&m| PyEntity::of_mention(corpus, entities, d, m as usize))
            .collect(),
        when,
        date: c.date.map(|x| x.to_string()),
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

/// Every claim of the corpus, with its document's index, in document then text order.
fn all_claims(py: Python<'_>, corpus: &Arc<Corpus>) -> PyResult<Vec<(u32, PyClaim)>> {
    Ok(claim_layer(py, corpus)?
        .iter()
        .enumerate()
        .flat_map(|(d, cs)| cs.iter().map(move |c| (d as u32, make(corpus, d, c))))
        .collect())
}

/// Reads one end of a span, or one role, of a claim (a column of the claims table).
type SpanOf = fn(&PyClaim) -> Option<usize>;
type RoleOf = fn(&PyFrame) -> &Option<String>;

/// Columns of the claims table: one row per claim (see `columns.rs`).
pub fn claim_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let rows = all_claims(py, corpus)?;
    let cols = Columns::new(py)?;
    cols.strs("claim", rows.iter().map(|(_, c)| Some(c.claim.as_str())))?;
    cols.codes("doc", rows.iter().map(|(d, _)| *d))?;
    cols.ints("start", rows.iter().map(|(_, c)| c.start as i64))?;
    cols.ints("end", rows.iter().map(|(_, c)| c.end as i64))?;
    cols.strs("text", rows.iter().map(|(_, c)| Some(c.text.as_str())))?;
    cols.strs("speaker", rows.iter().map(|(_, c)| c.speaker.as_deref()))?;
    cols.strs(
        "speaker_entity",
        rows.iter().map(|(_, c)| c.speaker_entity.as_deref()),
    )?;
    cols.strs("pronoun", rows.iter().map(|(_, c)| c.pronoun.as_deref()))?;
    cols.strs("cue", rows.iter().map(|(_, c)| c.cue.as_deref()))?;
    cols.words("cue_class", rows.iter().map(|(_, c)| c.cue_class))?;
    cols.words("polarity", rows.iter().map(|(_, c)| Some(c.polarity)))?;
    cols.bools("hedged", rows.iter().map(|(_, c)| c.hedged))?;
    cols.words("quote", rows.iter().map(|(_, c)| c.quote))?;
    cols.str_lists(
        "entities",
        rows.iter()
            .map(|(_, c)| c.entities.iter().map(String::as_str)),
    )?;
    cols.str_lists(
        "figures",
        rows.iter()
            .map(|(_, c)| c.figures.iter().map(|f| f.text.as_str())),
    )?;
    cols.str_lists(
        "when",
        rows.iter().map(|(_, c)| c.when.iter().map(String::as_str)),
    )?;
    cols.strs("date", rows.iter().map(|(_, c)| c.date.as_deref()))?;
    // Where the speaker, pronoun and cue sit (code points): not columns of the public
    // table, which `frames.claims` keeps to design.md's; `frames.claim_spans` has them.
    let spans: [(&str, SpanOf); 6] = [
        ("speaker_start", |c| c.speaker_start),
        ("speaker_end", |c| c.speaker_end),
        ("pronoun_start", |c| c.pronoun_start),
        ("pronoun_end", |c| c.pronoun_end),
        ("cue_start", |c| c.cue_start),
        ("cue_end", |c| c.cue_end),
    ];
    for (name, f) in spans {
        cols.opt_ints(name, rows.iter().map(|(_, c)| f(c).map(|x| x as i64)))?;
    }
    // The main frame (design.md: `+ the frame`).
    cols.strs(
        "predicate",
        rows.iter()
            .map(|(_, c)| c.frame.as_ref().map(|f| f.predicate.as_str())),
    )?;
    let roles: [(&str, RoleOf); 7] = [
        ("event", |f| &f.event),
        ("agent", |f| &f.agent),
        ("patient", |f| &f.patient),
        ("recipient", |f| &f.recipient),
        ("place", |f| &f.place),
        ("time", |f| &f.time),
        ("modality", |f| &f.modality),
    ];
    for (name, f) in roles {
        cols.strs(
            name,
            rows.iter()
                .map(|(_, c)| c.frame.as_ref().and_then(|x| f(x).as_deref())),
        )?;
    }
    Ok(cols.into_dict())
}

/// Columns of the claims' figures: one row per figure of a claim (claim, doc, and the
/// mention's start, end, text, label, value, unit, lower, upper, approximate).
pub fn claim_figure_columns<'py>(
    py: Python<'py>,
    corpus: &Arc<Corpus>,
) -> PyResult<Bound<'py, PyDict>> {
    let claims = all_claims(py, corpus)?;
    let rows: Vec<(&str, u32, &PyEntity)> = claims
        .iter()
        .flat_map(|(d, c)| c.figures.iter().map(move |f| (c.claim.as_str(), *d, f)))
        .collect();
    let cols = Columns::new(py)?;
    cols.strs("claim", rows.iter().map(|(c, _, _)| Some(*c)))?;
    cols.codes("doc", rows.iter().map(|(_, d, _)| *d))?;
    cols.ints("start", rows.iter().map(|(_, _, f)| f.start as i64))?;
    cols.ints("end", rows.iter().map(|(_, _, f)| f.end as i64))?;
    cols.strs("text", rows.iter().map(|(_, _, f)| Some(f.text.as_str())))?;
    cols.words("label", rows.iter().map(|(_, _, f)| Some(f.label)))?;
    cols.floats("value", rows.iter().map(|(_, _, f)| f.value))?;
    cols.words("unit", rows.iter().map(|(_, _, f)| f.unit.as_deref()))?;
    cols.floats("lower", rows.iter().map(|(_, _, f)| f.lower))?;
    cols.floats("upper", rows.iter().map(|(_, _, f)| f.upper))?;
    cols.opt_bools("approximate", rows.iter().map(|(_, _, f)| f.approximate))?;
    Ok(cols.into_dict())
}
