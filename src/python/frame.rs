//! A claim's main frame as a Python value (`claim.frame`): predicate, event class, role
//! fillers with their spans (code points) and entity ids, negation and modality.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::align::frames::{event_of, Role};
use crate::claims::frame::{Argument, Frame};
use crate::corpus::Corpus;

/// One role filler: `(role, text, start, end, entity)`, offsets in code points.
pub type PyArgument = (String, String, usize, usize, Option<String>);

// A plain value, like a claim: equal when its fields are, hashable, pickled by value.
#[pyclass(name = "Frame", module = "crosswire._core", frozen, get_all, eq, hash)]
#[derive(Clone, PartialEq, Hash)]
pub struct PyFrame {
    /// The predicate's lemma (`loot`, `wrap up`, `invasion`).
    pub predicate: String,
    /// Its event class (`align/events.txt`), if it has one.
    pub event: Option<String>,
    /// Who does it (the words of the filler).
    pub agent: Option<String>,
    /// What it is done to.
    pub patient: Option<String>,
    /// To whom.
    pub recipient: Option<String>,
    /// Where.
    pub place: Option<String>,
    /// When.
    pub time: Option<String>,
    /// A negation on the predicate or on its agent or patient.
    pub negated: bool,
    /// The modal or raising word governing the predicate (`will`, `unlikely`).
    pub modality: Option<String>,
    /// Every filler as `(role, text, start, end, entity)`.
    pub arguments: Vec<PyArgument>,
}

const ROLES: [&str; 5] = ["agent", "patient", "recipient", "place", "time"];

#[pymethods]
impl PyFrame {
    /// Builds a frame from its fields (as pickling does); each argument's role must be one
    /// of agent, patient, recipient, place, time.
    #[new]
    #[pyo3(signature = (predicate, event = None, negated = false, modality = None, arguments = Vec::new()))]
    fn py_new(
        predicate: String,
        event: Option<String>,
        negated: bool,
        modality: Option<String>,
        arguments: Vec<PyArgument>,
    ) -> PyResult<PyFrame> {
        let mut frame = PyFrame {
            predicate,
            event,
            agent: None,
            patient: None,
            recipient: None,
            place: None,
            time: None,
            negated,
            modality,
            arguments: Vec::new(),
        };
        for arg in arguments {
            let slot = match arg.0.as_str() {
                "agent" => &mut frame.agent,
                "patient" => &mut frame.patient,
                "recipient" => &mut frame.recipient,
                "place" => &mut frame.place,
                "time" => &mut frame.time,
                other => {
                    return Err(PyValueError::new_err(format!(
                        "unknown frame role {other:?} (one of {})",
                        ROLES.join(", ")
                    )))
                }
            };
            if slot.is_some() {
                return Err(PyValueError::new_err(format!(
                    "role {:?} given twice",
                    arg.0
                )));
            }
            if arg.2 > arg.3 {
                return Err(PyValueError::new_err(format!(
                    "argument {:?}: start {} is after end {}",
                    arg.1, arg.2, arg.3
                )));
            }
            *slot = Some(arg.1.clone());
            frame.arguments.push(arg);
        }
        Ok(frame)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let f = slf.get();
        let py = slf.py();
        let args = [
            f.predicate.as_str().into_pyobject(py)?.into_any(),
            f.event.as_deref().into_pyobject(py)?.into_any(),
            f.negated.into_pyobject(py)?.to_owned().into_any(),
            f.modality.as_deref().into_pyobject(py)?.into_any(),
            f.arguments.clone().into_pyobject(py)?.into_any(),
        ];
        Ok((slf.get_type().into_any(), PyTuple::new(py, args)?))
    }

    /// `Frame(Russia (agent) · loot (predicate) · homes (patient))`, with `not` and the
    /// modality when it has them.
    fn __repr__(&self) -> String {
        let mut items: Vec<String> = Vec::new();
        let mut predicate = self.predicate.clone();
        if let Some(m) = &self.modality {
            predicate = format!("{m} {predicate}");
        }
        if self.negated {
            predicate = format!("not {predicate}");
        }
        if let Some(agent) = self.arguments.iter().find(|a| a.0 == "agent") {
            items.push(format!("{} (agent)", agent.1));
        }
        items.push(format!("{predicate} (predicate)"));
        for a in self.arguments.iter().filter(|a| a.0 != "agent") {
            items.push(format!("{} ({})", a.1, a.0));
        }
        format!("Frame({})", items.join(" · "))
    }
}

/// The Python frame of `frame`, a frame of document `d` of `corpus`.
pub fn make(corpus: &Corpus, d: usize, frame: &Frame) -> PyFrame {
    let doc = &corpus.docs()[d];
    let offsets = doc.char_offsets();
    let entities = corpus.entities();
    let lex = &corpus.language().align;
    let roles = [
        (Role::Agent, frame.agent.as_ref()),
        (Role::Patient, frame.patient.as_ref()),
        (Role::Recipient, frame.recipient.as_deref()),
        (Role::Place, frame.place.as_deref()),
        (Role::Time, frame.time.as_deref()),
    ];
    let arguments: Vec<PyArgument> = roles
        .iter()
        .filter_map(|(role, a)| a.map(|a| (role, a)))
        .map(|(role, a): (&Role, &Argument)| {
            (
                role.name().to_owned(),
                doc.text[a.span.start as usize..a.span.end as usize].to_owned(),
                offsets.to_char(a.span.start) as usize,
                offsets.to_char(a.span.end) as usize,
                a.mention()
                    .and_then(|m| entities.entity_of(d, m as usize))
                    .map(|e| e.id.clone()),
            )
        })
        .collect();
    let text_of = |role: Role| {
        arguments
            .iter()
            .find(|a| a.0 == role.name())
            .map(|a| a.1.clone())
    };
    let written = &doc.text[frame.predicate_span.start as usize..frame.predicate_span.end as usize];
    PyFrame {
        predicate: frame.predicate.to_string(),
        event: event_of(written, lex).map(str::to_owned),
        agent: text_of(Role::Agent),
        patient: text_of(Role::Patient),
        recipient: text_of(Role::Recipient),
        place: text_of(Role::Place),
        time: text_of(Role::Time),
        negated: frame.negated,
        modality: frame.modality.map(|m| m.to_string()),
        arguments,
    }
}
