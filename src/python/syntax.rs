//! The syntax stage for Python: the stage itself, a document's columns for displaCy and
//! spaCy, and the token table's syntax columns.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use rayon::prelude::*;

use super::columns::{Buf, Columns, Strings};
use super::pool;
use crate::corpus::Corpus;
use crate::lang::Language;
use crate::syntax::document::CompactSyntax;
use crate::syntax::words::{kind_of, TokenInput};

/// Runs the syntax stage with the GIL released, the first time only; ValueError for a
/// language without a syntax model.
pub fn syntax_layer<'a>(
    py: Python<'_>,
    corpus: &'a Corpus,
) -> PyResult<&'a [CompactSyntax<'static>]> {
    match pool::stage(py, corpus, Corpus::try_syntax)? {
        Ok(layer) => Ok(layer),
        Err(e) => Err(PyValueError::new_err(e.to_string())),
    }
}

/// Interns each distinct string once: a column of tags holds a few dozen string objects.
#[derive(Default)]
struct Interned<'a, 'py> {
    seen: std::collections::HashMap<&'a str, Bound<'py, PyString>>,
}

impl<'a, 'py> Interned<'a, 'py> {
    fn get(&mut self, py: Python<'py>, s: &'a str) -> Bound<'py, PyString> {
        self.seen
            .entry(s)
            .or_insert_with(|| PyString::intern(py, s))
            .clone()
    }
}

/// The syntax columns of documents `docs`, token by token: pos, tag, lemma, head (the
/// head's index in its document), dep, and sent_start (whether the token opens a sentence).
pub fn syntax_columns<'py>(
    py: Python<'py>,
    corpus: &Corpus,
    docs: std::ops::Range<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let layer = &syntax_layer(py, corpus)?[docs.clone()];
    let n: usize = layer.iter().map(CompactSyntax::len).sum();
    let (mut pos, mut tag, mut dep) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut lemma, mut head, mut sent_start) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let mut names = Interned::default();
    for (d, compact) in docs.zip(layer) {
        // Lemmas are recomputed from the text (the stage keeps none).
        let doc = compact.expand(&corpus.docs()[d].text, &corpus.text_layer(d).tokens);
        for i in 0..compact.len() {
            let (p, t) = compact.pos_tag(i);
            pos.push(names.get(py, p));
            tag.push(names.get(py, t));
            dep.push(names.get(py, compact.dep(i)));
            lemma.push(PyString::new(py, doc.get(i).lemma));
            head.push(compact.head(i) as u32);
            sent_start.push(compact.starts_run(i));
        }
    }
    let dict = PyDict::new(py);
    dict.set_item("pos", pos)?;
    dict.set_item("tag", tag)?;
    dict.set_item("lemma", lemma)?;
    dict.set_item("head", head)?;
    dict.set_item("dep", dep)?;
    dict.set_item("sent_start", sent_start)?;
    Ok(dict)
}

/// The token table's syntax columns (pos, tag, lemma, head, dep), every document's tokens
/// in order, added to `cols`.
pub fn syntax_table_columns(py: Python<'_>, corpus: &Corpus, cols: &Columns<'_>) -> PyResult<()> {
    let layer = syntax_layer(py, corpus)?;
    let n: usize = layer.iter().map(CompactSyntax::len).sum();
    let (mut pos, mut tag, mut dep) = (
        Buf::with_capacity(n)?,
        Buf::with_capacity(n)?,
        Buf::with_capacity(n)?,
    );
    let mut head = Buf::with_capacity(n)?;
    let mut lemma = Strings::new()?;
    for (d, compact) in layer.iter().enumerate() {
        // Lemmas are recomputed from the text (the stage keeps none).
        let doc = compact.expand(&corpus.docs()[d].text, &corpus.text_layer(d).tokens);
        for i in 0..compact.len() {
            let (p, t) = compact.pos_tag(i);
            pos.push(Some(p))?;
            tag.push(Some(t))?;
            dep.push(Some(compact.dep(i)))?;
            lemma.push(Some(doc.get(i).lemma))?;
            head.push(compact.head(i) as i64)?;
        }
    }
    cols.words("pos", pos)?;
    cols.words("tag", tag)?;
    cols.put_strs("lemma", lemma)?;
    cols.ints("head", head)?;
    cols.words("dep", dep)?;
    Ok(())
}

/// One sentence's analysis: pos, tag, head (a root is its own head) and dep of each word.
type WordsSyntax = (
    Vec<&'static str>,
    Vec<&'static str>,
    Vec<usize>,
    Vec<&'static str>,
);

/// Tags and parses sentences given as words (a treebank's, not crosswire's tokens), in
/// parallel with the GIL released: what the benchmark compares with other taggers.
#[pyfunction]
pub fn analyse_words(py: Python<'_>, sentences: Vec<Vec<String>>) -> PyResult<Vec<WordsSyntax>> {
    let syntax = Language::english()
        .syntax()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(pool::run(py, || {
        sentences
            .par_iter()
            .map(|words| {
                let inputs: Vec<TokenInput> = words
                    .iter()
                    .map(|w| TokenInput {
                        form: w,
                        kind: kind_of(w),
                    })
                    .collect();
                let mut out: WordsSyntax = Default::default();
                for (i, a) in syntax.analyse(&inputs).into_iter().enumerate() {
                    out.0.push(a.pos);
                    out.1.push(a.tag);
                    out.2.push(a.head.unwrap_or(i));
                    out.3.push(a.dep);
                }
                out
            })
            .collect()
    }))
}
