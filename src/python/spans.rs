//! Tokens, sentences and boilerplate spans as Python objects, with code-point offsets.
//! `Tokens` is a view: it builds a `Token` only for the item asked for.

use std::sync::Arc;

use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyInt, PySlice};

use crate::corpus::{Corpus, Document};
use crate::text::boilerplate::Boilerplate;
use crate::text::sentences::Sentence;
use crate::text::tokens::Token;

fn char_span(doc: &Document, start: u32, end: u32) -> (usize, usize, String) {
    let offsets = doc.char_offsets();
    (
        offsets.to_char(start) as usize,
        offsets.to_char(end) as usize,
        doc.text[start as usize..end as usize].to_owned(),
    )
}

#[pyclass(name = "Token", module = "crosswire._core", frozen, get_all)]
pub struct PyToken {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: &'static str,
}

#[pymethods]
impl PyToken {
    fn __repr__(&self) -> String {
        format!(
            "Token({:?}, {}..{}, {})",
            self.text, self.start, self.end, self.kind
        )
    }
}

#[pyclass(name = "Sentence", module = "crosswire._core", frozen, get_all)]
pub struct PySentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub boilerplate: bool,
}

impl PySentence {
    pub fn new(doc: &Document, s: &Sentence) -> PySentence {
        let (start, end, text) = char_span(doc, s.start, s.end);
        PySentence {
            start,
            end,
            text,
            boilerplate: s.boilerplate,
        }
    }
}

#[pymethods]
impl PySentence {
    fn __repr__(&self) -> String {
        let flag = if self.boilerplate {
            ", boilerplate"
        } else {
            ""
        };
        format!(
            "Sentence({:?}, {}..{}{flag})",
            self.text, self.start, self.end
        )
    }
}

#[pyclass(name = "Boilerplate", module = "crosswire._core", frozen, get_all)]
pub struct PyBoilerplate {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: &'static str,
}

impl PyBoilerplate {
    pub fn new(doc: &Document, b: &Boilerplate) -> PyBoilerplate {
        let (start, end, text) = char_span(doc, b.start, b.end);
        PyBoilerplate {
            start,
            end,
            text,
            kind: b.kind.as_str(),
        }
    }
}

#[pymethods]
impl PyBoilerplate {
    fn __repr__(&self) -> String {
        format!(
            "Boilerplate({:?}, {}..{}, {})",
            self.text, self.start, self.end, self.kind
        )
    }
}

/// The tokens `lo..hi` of one document.
#[pyclass(name = "Tokens", module = "crosswire._core", frozen, sequence)]
pub struct PyTokens {
    pub corpus: Arc<Corpus>,
    pub doc: usize,
    pub lo: usize,
    pub hi: usize,
}

impl PyTokens {
    fn token(&self, i: usize) -> PyToken {
        // The view exists only once the text stage has run.
        let t: Token = self.corpus.text_layer(self.doc).tokens[self.lo + i];
        let (start, end, text) = char_span(&self.corpus.docs()[self.doc], t.start, t.end);
        PyToken {
            start,
            end,
            text,
            kind: t.kind.as_str(),
        }
    }
}

#[pymethods]
impl PyTokens {
    fn __len__(&self) -> usize {
        self.hi - self.lo
    }

    fn __getitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let len = self.hi - self.lo;
        if let Ok(slice) = key.cast::<PySlice>() {
            let ix = slice.indices(len as isize)?;
            if ix.step == 1 {
                let lo = self.lo + ix.start as usize;
                let hi = lo.max(self.lo + ix.stop as usize);
                let view = PyTokens {
                    corpus: Arc::clone(&self.corpus),
                    doc: self.doc,
                    lo,
                    hi,
                };
                return Ok(Py::new(py, view)?.into_any());
            }
            let items: Vec<PyToken> = (0..ix.slicelength)
                .map(|k| self.token((ix.start + k as isize * ix.step) as usize))
                .collect();
            return Ok(items.into_pyobject(py)?.into_any().unbind());
        }
        if key.cast::<PyInt>().is_err() {
            return Err(PyTypeError::new_err(format!(
                "token indices must be integers or slices, not {}",
                key.get_type().name()?
            )));
        }
        let i: isize = key.extract()?;
        let j = if i < 0 { i + len as isize } else { i };
        if j < 0 || j >= len as isize {
            return Err(PyIndexError::new_err(format!(
                "token index {i} out of range for {len} tokens"
            )));
        }
        Ok(Py::new(py, self.token(j as usize))?.into_any())
    }

    fn __repr__(&self) -> String {
        format!(
            "<Tokens: {} tokens of {:?}>",
            self.hi - self.lo,
            self.corpus.docs()[self.doc].name
        )
    }
}
