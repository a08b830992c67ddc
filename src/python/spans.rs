//! Tokens, sentences and boilerplate spans as Python objects, with code-point offsets.
//! `Tokens` is a view: it builds a `Token` only for the item asked for.

use std::sync::Arc;

use pyo3::exceptions::{PyIndexError, PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PySlice, PyTuple};

use super::pool;
use crate::corpus::{Corpus, Document};
use crate::syntax::document::CompactSyntax;
use crate::text::boilerplate::Boilerplate;
use crate::text::offsets::CharOffsets;
use crate::text::sentences::Sentence;
use crate::text::tokens::{Token, TokenKind};

fn char_span(doc: &Document, start: u32, end: u32) -> (usize, usize, String) {
    let offsets = doc.char_offsets();
    (
        offsets.to_char(start) as usize,
        offsets.to_char(end) as usize,
        doc.text[start as usize..end as usize].to_owned(),
    )
}

// Spans are plain values: equal when their fields are, hashable, and pickled by value.
#[pyclass(name = "Token", module = "crosswire._core", frozen, eq, hash)]
pub struct PyToken {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub kind: &'static str,
    /// The document token it is, for its syntax; None for a token made by hand, by
    /// `explain` or by unpickling.
    pub at: Option<TokenAt>,
}

/// Token `i` of document `doc`.
pub struct TokenAt {
    pub corpus: Arc<Corpus>,
    pub doc: usize,
    pub i: usize,
}

impl TokenAt {
    /// The token as a Python value.
    pub fn token(self) -> PyToken {
        let t: Token = self.corpus.text_layer(self.doc).tokens[self.i];
        let (start, end, text) = char_span(&self.corpus.docs()[self.doc], t.start, t.end);
        PyToken {
            start,
            end,
            text,
            kind: t.kind.as_str(),
            at: Some(self),
        }
    }

    fn sibling(&self, i: usize) -> PyToken {
        TokenAt {
            corpus: Arc::clone(&self.corpus),
            doc: self.doc,
            i,
        }
        .token()
    }
}

// Equality and hashing are by value: where a token came from does not count.
impl PartialEq for PyToken {
    fn eq(&self, other: &Self) -> bool {
        (self.start, self.end, &self.text, self.kind)
            == (other.start, other.end, &other.text, other.kind)
    }
}

impl Eq for PyToken {}

impl std::hash::Hash for PyToken {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.start, self.end, &self.text, self.kind).hash(state);
    }
}

impl PyToken {
    /// The token's syntax, computing the syntax stage if it has not run; None without a
    /// document.
    fn syntax<'a>(
        &'a self,
        py: Python<'_>,
    ) -> PyResult<Option<(&'a TokenAt, &'a CompactSyntax<'static>)>> {
        let Some(at) = &self.at else {
            return Ok(None);
        };
        let layer = super::syntax::syntax_layer(py, &at.corpus)?;
        Ok(Some((at, &layer[at.doc])))
    }

    fn field(
        &self,
        py: Python<'_>,
        get: fn(&CompactSyntax<'static>, usize) -> &'static str,
    ) -> PyResult<Option<String>> {
        Ok(self
            .syntax(py)?
            .map(|(at, syntax)| get(syntax, at.i).to_owned()))
    }
}

#[pymethods]
impl PyToken {
    #[new]
    fn new(start: usize, end: usize, text: String, kind: &str) -> PyResult<PyToken> {
        let kind = TokenKind::ALL
            .iter()
            .map(|k| k.as_str())
            .find(|k| *k == kind)
            .ok_or_else(|| PyValueError::new_err(format!("unknown token kind {kind:?}")))?;
        Ok(PyToken {
            start,
            end,
            text,
            kind,
            at: None,
        })
    }

    /// The token's index in its document; None without a document.
    #[getter]
    fn i(&self) -> Option<usize> {
        self.at.as_ref().map(|at| at.i)
    }

    /// Universal POS tag.
    #[getter]
    fn pos(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.field(py, |s, i| s.pos_tag(i).0)
    }

    /// Penn Treebank tag.
    #[getter]
    fn tag(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.field(py, |s, i| s.pos_tag(i).1)
    }

    #[getter]
    fn lemma(&self, py: Python<'_>) -> PyResult<Option<String>> {
        // Recomputed from the text: the syntax stage keeps no lemmas.
        Ok(self.syntax(py)?.map(|(at, syntax)| {
            let doc = &at.corpus.docs()[at.doc];
            syntax.lemma(at.i, &doc.text, &at.corpus.text_layer(at.doc).tokens)
        }))
    }

    /// UD relation to the head; `root` for a sentence's root.
    #[getter]
    fn dep(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.field(py, |s, i| s.dep(i))
    }

    /// The head token; a sentence's root is its own head.
    #[getter]
    fn head(&self, py: Python<'_>) -> PyResult<Option<PyToken>> {
        Ok(self
            .syntax(py)?
            .map(|(at, syntax)| at.sibling(syntax.head(at.i))))
    }

    /// The tokens whose head this token is, in text order.
    #[getter]
    fn children(&self, py: Python<'_>) -> PyResult<Vec<PyToken>> {
        Ok(match self.syntax(py)? {
            Some((at, syntax)) => syntax.children(at.i).map(|j| at.sibling(j)).collect(),
            None => Vec::new(),
        })
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let t = slf.get();
        let args = (t.start, t.end, t.text.as_str(), t.kind).into_pyobject(slf.py())?;
        Ok((slf.get_type().into_any(), args))
    }

    fn __repr__(&self) -> String {
        format!(
            "Token({:?}, {}..{}, {})",
            self.text, self.start, self.end, self.kind
        )
    }
}

#[pyclass(
    name = "Sentence",
    module = "crosswire._core",
    frozen,
    get_all,
    eq,
    hash
)]
#[derive(PartialEq, Eq, Hash)]
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
    #[new]
    #[pyo3(signature = (start, end, text, boilerplate = false))]
    fn py_new(start: usize, end: usize, text: String, boilerplate: bool) -> PySentence {
        PySentence {
            start,
            end,
            text,
            boilerplate,
        }
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let s = slf.get();
        let args = (s.start, s.end, s.text.as_str(), s.boilerplate).into_pyobject(slf.py())?;
        Ok((slf.get_type().into_any(), args))
    }

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

#[pyclass(
    name = "Boilerplate",
    module = "crosswire._core",
    frozen,
    get_all,
    eq,
    hash
)]
#[derive(PartialEq, Eq, Hash)]
pub struct PyBoilerplate {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
}

impl PyBoilerplate {
    pub fn new(doc: &Document, b: &Boilerplate) -> PyBoilerplate {
        let (start, end, text) = char_span(doc, b.start, b.end);
        PyBoilerplate {
            start,
            end,
            text,
            kind: b.kind.as_str().to_owned(),
        }
    }
}

#[pymethods]
impl PyBoilerplate {
    #[new]
    fn py_new(start: usize, end: usize, text: String, kind: String) -> PyBoilerplate {
        PyBoilerplate {
            start,
            end,
            text,
            kind,
        }
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let b = slf.get();
        let args = (b.start, b.end, b.text.as_str(), b.kind.as_str()).into_pyobject(slf.py())?;
        Ok((slf.get_type().into_any(), args))
    }

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
        TokenAt {
            corpus: Arc::clone(&self.corpus),
            doc: self.doc,
            i: self.lo + i,
        }
        .token()
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
        // Anything with `__index__` (numpy integers too) is an index, as for a list.
        let Ok(index) = key.call_method0("__index__") else {
            return Err(PyTypeError::new_err(format!(
                "token indices must be integers or slices, not {}",
                key.get_type().name()?
            )));
        };
        let i: isize = index.extract().map_err(|e: PyErr| {
            if e.is_instance_of::<PyOverflowError>(py) {
                PyIndexError::new_err(format!("token index {index} out of range for {len} tokens"))
            } else {
                e
            }
        })?;
        let j = if i < 0 { i + len as isize } else { i };
        if j < 0 || j >= len as isize {
            return Err(PyIndexError::new_err(format!(
                "token index {i} out of range for {len} tokens"
            )));
        }
        Ok(Py::new(py, self.token(j as usize))?.into_any())
    }

    /// A view pickles as the list of its tokens: the tokens travel, not the corpus.
    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (Vec<PyToken>,))> {
        let list = py.get_type::<pyo3::types::PyList>().into_any().unbind();
        Ok((
            list,
            ((0..self.hi - self.lo).map(|i| self.token(i)).collect(),),
        ))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Tokens: {} tokens of {:?}>",
            self.hi - self.lo,
            self.corpus.docs()[self.doc].name
        )
    }
}

/// Each token of `text` with the rule that produced it (spaCy's `tokenizer.explain`):
/// `(rule, Token)` pairs in text order, offsets in code points.
#[pyfunction]
pub fn explain(py: Python<'_>, text: String) -> PyResult<Vec<(String, PyToken)>> {
    if text.len() > u32::MAX as usize {
        return Err(PyValueError::new_err(format!(
            "a text of {} bytes is over the 4 GiB the tokenizer takes",
            text.len()
        )));
    }
    let (explained, offsets) = pool::run(py, || {
        (
            crate::text::tokens::explain(&text, crate::lang::Language::english()),
            CharOffsets::new(&text),
        )
    });
    Ok(explained
        .into_iter()
        .map(|(rule, t)| {
            let token = PyToken {
                start: offsets.to_char(t.start) as usize,
                end: offsets.to_char(t.end) as usize,
                text: text[t.start as usize..t.end as usize].to_owned(),
                kind: t.kind.as_str(),
                at: None,
            };
            (rule, token)
        })
        .collect())
}
