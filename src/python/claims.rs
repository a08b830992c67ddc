//! Claims as Python objects and as columns for `corpus.claims()`. Offsets are code points.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::pool;
use crate::claims::{claim_id, link::LinkedClaim, Span};
use crate::corpus::{Corpus, Document};
use crate::entities::label::Label;

/// Runs the claims stage (and the stages before it) with the GIL released, once.
pub fn claim_layer<'a>(py: Python<'_>, corpus: &'a Arc<Corpus>) -> &'a [Vec<LinkedClaim>] {
    pool::stage(py, corpus, Corpus::claims)
}

#[pyclass(name = "Claim", module = "crosswire._core", frozen, get_all)]
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
    /// `(text, label)` of the figures (CARDINAL, QUANTITY, MONEY, PERCENT) it contains.
    pub figures: Vec<(String, &'static str)>,
    /// The DATE and TIME mentions the claim contains, as written.
    pub when: Vec<String>,
}

#[pymethods]
impl PyClaim {
    fn __repr__(&self) -> String {
        let who = self.speaker.as_deref().unwrap_or("(the article)");
        let cue = self.cue.as_deref().unwrap_or("-");
        format!("Claim({} {cue} {:?}, {})", who, self.text, self.polarity)
    }
}

fn piece(doc: &Document, s: Span) -> String {
    doc.text[s.start as usize..s.end as usize].to_owned()
}

pub fn make(corpus: &Corpus, d: usize, c: &LinkedClaim) -> PyClaim {
    let doc = &corpus.docs()[d];
    let offsets = doc.char_offsets();
    let entities = corpus.entities();
    let mentions = &entities.mentions[d];
    let mut ids = Vec::new();
    let mut figures = Vec::new();
    let mut when = Vec::new();
    for &m in &c.mentions {
        let x = &mentions[m as usize];
        let text = doc.text[x.start as usize..x.end as usize].to_owned();
        match x.label {
            Label::Cardinal | Label::Quantity | Label::Money | Label::Percent => figures.push((text, x.label.as_str())),
            _ if x.label.is_temporal() => when.push(text),
            _ => {
                if let Some(record) = entities.entity_of(d, m as usize) {
                    if !ids.contains(&record.id) {
                        ids.push(record.id.clone());
                    }
                }
            }
        }
    }
    let claim = &c.claim;
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
        figures,
        when,
    }
}

pub fn document_claims(py: Python<'_>, corpus: &Arc<Corpus>, d: usize) -> Vec<PyClaim> {
    claim_layer(py, corpus)[d]
        .iter()
        .map(|c| make(corpus, d, c))
        .collect()
}

/// Columns of the claims table: one row per claim.
pub fn claim_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let layer = claim_layer(py, corpus);
    let rows: Vec<(u32, PyClaim)> = layer
        .iter()
        .enumerate()
        .flat_map(|(d, cs)| cs.iter().map(move |c| (d as u32, make(corpus, d, c))))
        .collect();
    let dict = PyDict::new(py);
    macro_rules! column {
        ($name:literal, $f:expr) => {
            dict.set_item($name, rows.iter().map($f).collect::<Vec<_>>())?;
        };
    }
    column!("claim", |(_, c)| c.claim.clone());
    column!("doc", |(d, _)| *d);
    column!("start", |(_, c)| c.start);
    column!("end", |(_, c)| c.end);
    column!("text", |(_, c)| c.text.clone());
    column!("speaker", |(_, c)| c.speaker.clone());
    column!("speaker_entity", |(_, c)| c.speaker_entity.clone());
    column!("pronoun", |(_, c)| c.pronoun.clone());
    column!("cue", |(_, c)| c.cue.clone());
    column!("cue_class", |(_, c)| c.cue_class);
    column!("polarity", |(_, c)| c.polarity);
    column!("hedged", |(_, c)| c.hedged);
    column!("quote", |(_, c)| c.quote);
    column!("entities", |(_, c)| c.entities.clone());
    column!("figures", |(_, c)| c.figures.iter().map(|f| f.0.clone()).collect::<Vec<_>>());
    column!("when", |(_, c)| c.when.clone());
    Ok(dict)
}
