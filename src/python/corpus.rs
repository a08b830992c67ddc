//! `_core.Corpus` and `_core.Document`: handles on the shared, immutable core corpus.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::columns::{Columns, Strings};
use super::errors;
use super::pool;
use super::spans::{PyBoilerplate, PySentence, PyTokens};
use crate::calendar::Date;
use crate::corpus::{Corpus, Document, Replacement};
use crate::entities::lexicon::Lexicon;
use crate::entities::user::{user_entry, user_regex, UserRegex};
use crate::lang::Language;
use crate::text::boilerplate::BoilerplateCursor;
use crate::text::decode::Decoding;
use crate::text::TextLayer;

#[pyclass(name = "Corpus", module = "crosswire._core", frozen)]
pub struct PyCorpus {
    pub inner: Arc<Corpus>,
}

/// Runs the text stage with the GIL released, the first time only.
pub fn text_layers<'a>(py: Python<'_>, corpus: &'a Corpus) -> PyResult<&'a [TextLayer]> {
    pool::stage(py, corpus, Corpus::try_text_layers)
}

/// A file read with `errors="replace"`: path, sequences replaced, offset of the first.
pub(crate) type Replaced = (String, usize, usize);

/// Files read with `errors="replace"`, as Python gets them.
pub(crate) fn replaced_rows(replaced: Vec<Replacement>) -> Vec<Replaced> {
    replaced
        .into_iter()
        .map(|r| {
            (
                r.path.to_string_lossy().into_owned(),
                r.count,
                r.first_offset,
            )
        })
        .collect()
}

/// A user lexicon row: name, label, aliases, a regular expression (or None), and where the
/// row came from (source, line) for errors.
pub(crate) type PatternRow = (String, String, Vec<String>, Option<String>, String, usize);

/// The language's lexicon, with the user's rows added.
pub(crate) fn user_lexicon(rows: Option<Vec<PatternRow>>) -> PyResult<Arc<Lexicon>> {
    let entries = rows
        .unwrap_or_default()
        .iter()
        .map(|(name, label, aliases, regex, source, line)| match regex {
            Some(regex) => user_regex(regex, label, name, source, *line),
            None => user_entry(name, label, aliases, source, *line),
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(Language::english().lexicon_with(entries))
}

/// Raises ValueError, saying what is wrong, if `pattern` is not a regular expression the
/// user patterns can use.
#[pyfunction]
pub fn check_regex(pattern: &str) -> PyResult<()> {
    UserRegex::new(pattern)
        .map(|_| ())
        .map_err(PyValueError::new_err)
}

fn parse_date(date: Option<String>, index: usize, name: &str) -> PyResult<Option<Date>> {
    date.map(|s| {
        Date::parse_iso(&s).ok_or_else(|| {
            PyValueError::new_err(format!(
                "dates[{index}] (document {name:?}): {s:?} is not a valid YYYY-MM-DD date"
            ))
        })
    })
    .transpose()
}

/// The articles of `path` as `Corpus.from_dir` reads them: `(paths, names)`, sorted by path
/// (`recursive`: every folder below too, documents named by their path below `path`).
#[pyfunction]
#[pyo3(signature = (path, recursive = false))]
pub fn list_articles(path: PathBuf, recursive: bool) -> PyResult<(Vec<PathBuf>, Vec<String>)> {
    let named = crate::corpus::list_articles(&path, recursive).map_err(errors::to_py)?;
    Ok(named.into_iter().unzip())
}

#[pymethods]
impl PyCorpus {
    /// Reads `*.txt` files in `path` (`recursive`: in every folder below it too, see
    /// `list_articles`). Returns the corpus and, for files read with `errors="replace"`,
    /// `(path, replaced, first_offset)` for each file that needed it.
    #[staticmethod]
    #[pyo3(signature = (path, errors = None, patterns = None, recursive = false))]
    fn from_dir(
        py: Python<'_>,
        path: PathBuf,
        errors: Option<&Bound<'_, PyAny>>,
        patterns: Option<Vec<PatternRow>>,
        recursive: bool,
    ) -> PyResult<(PyCorpus, Vec<Replaced>)> {
        let lexicon = user_lexicon(patterns)?;
        let given = errors.map(|e| e.extract::<String>());
        let mode = match given.as_ref().map(|g| g.as_ref().map(String::as_str)) {
            None | Some(Ok("strict")) => Decoding::Strict,
            Some(Ok("replace")) => Decoding::Replace,
            // `None` means strict, as for `open()`.
            Some(Ok(other)) => {
                return Err(PyValueError::new_err(format!(
                    "errors must be 'strict' or 'replace', not {other:?}"
                )))
            }
            Some(Err(_)) => {
                return Err(PyTypeError::new_err(format!(
                    "errors must be 'strict' or 'replace', not {}",
                    errors.map_or(Ok("None".into()), |e| e.repr().map(|r| r.to_string()))?
                )))
            }
        };
        let (corpus, replaced) = pool::interruptible(py, |cancel| {
            Corpus::try_from_dir(&path, recursive, mode, cancel)
        })?
        .map_err(errors::to_py)?;
        Ok((
            PyCorpus {
                inner: Arc::new(corpus.with_lexicon(lexicon)),
            },
            replaced_rows(replaced),
        ))
    }

    /// One document per text; the lists have equal lengths (the Python layer sees to it).
    #[staticmethod]
    #[pyo3(signature = (texts, names, dates, sources, patterns = None))]
    fn from_texts(
        texts: Vec<String>,
        names: Vec<String>,
        dates: Vec<Option<String>>,
        sources: Vec<Option<String>>,
        patterns: Option<Vec<PatternRow>>,
    ) -> PyResult<PyCorpus> {
        let lexicon = user_lexicon(patterns)?;
        if names.len() != texts.len() || dates.len() != texts.len() || sources.len() != texts.len()
        {
            return Err(PyValueError::new_err(
                "texts, names, dates and sources must have equal lengths",
            ));
        }
        let mut docs = Vec::with_capacity(texts.len());
        let rows = texts.into_iter().zip(names).zip(dates).zip(sources);
        for (i, (((text, name), date), source)) in rows.enumerate() {
            let date = parse_date(date, i, &name)?;
            docs.push(Document::new(name, text, date, source));
        }
        let corpus = Corpus::new(docs).map_err(errors::to_py)?;
        Ok(PyCorpus {
            inner: Arc::new(corpus.with_lexicon(lexicon)),
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn names(&self) -> Vec<String> {
        self.inner.docs().iter().map(|d| d.name.clone()).collect()
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        self.inner.index_of(name)
    }

    fn document(&self, index: usize) -> PyResult<PyDocument> {
        if index >= self.inner.len() {
            return Err(PyIndexError::new_err(format!(
                "document {index} of a corpus of {}",
                self.inner.len()
            )));
        }
        Ok(PyDocument {
            corpus: Arc::clone(&self.inner),
            index,
        })
    }

    /// Runs the text stage now (tokens, boilerplate, sentences) for every document.
    fn analyse_text(&self, py: Python<'_>) -> PyResult<()> {
        text_layers(py, &self.inner).map(drop)
    }

    /// Runs the entity stage now, for every document.
    fn analyse_entities(&self, py: Python<'_>) -> PyResult<()> {
        super::entities::entity_layer(py, &self.inner).map(drop)
    }

    /// Runs the syntax stage now (tags, lemmas, parse), for every document.
    fn analyse_syntax(&self, py: Python<'_>) -> PyResult<()> {
        super::syntax::syntax_layer(py, &self.inner).map(drop)
    }

    /// Runs the claims stage now, for every document.
    fn analyse_claims(&self, py: Python<'_>) -> PyResult<()> {
        super::claims::claim_layer(py, &self.inner).map(drop)
    }

    /// Aligns the corpus's claims now (kept for `align_columns`).
    fn analyse_alignment(&self, py: Python<'_>) -> PyResult<()> {
        pool::stage(py, &self.inner, Corpus::try_alignment).map(drop)
    }

    /// How far the stage being computed (or last computed) has got: `(stage, documents
    /// done, total)`; `(None, 0, 0)` before any started. Cheap: for a progress display
    /// polling it while another thread runs the stage.
    fn progress(&self) -> (Option<&'static str>, usize, usize) {
        self.inner.progress().get()
    }

    /// The stages computed so far, in pipeline order: `text`, `syntax`, `entities`,
    /// `claims`, `alignment`.
    fn ready(&self) -> Vec<&'static str> {
        self.inner.ready()
    }

    /// Columns of the claims table, for pandas.
    fn claim_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        super::claim_table::claim_columns(py, &self.inner)
    }

    /// Columns of the claims' figures (one row per figure of a claim), for pandas.
    fn claim_figure_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        super::claim_table::claim_figure_columns(py, &self.inner)
    }

    /// Columns of the pairs table of the alignment (computed first if need be).
    fn align_pair_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        super::align::pair_columns(py, &self.inner)
    }

    /// Columns of the groups table of the alignment (computed first if need be).
    fn align_group_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        super::claim_table::group_columns(py, &self.inner)
    }

    /// How many candidate pairs alignment judged (computed first if need be).
    fn align_candidates(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(pool::stage(py, &self.inner, Corpus::try_alignment)?.candidates)
    }

    /// Columns of the entity table, for pandas.
    fn entity_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        super::entities::entity_columns(py, &self.inner)
    }

    /// Columns of the cross-document entity table, for pandas.
    fn entity_table_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        super::entities::entity_table_columns(py, &self.inner)
    }

    /// Columns of the token table, for pandas (see `columns.rs`).
    fn token_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let layers = text_layers(py, &self.inner)?;
        let cols = span_columns(
            py,
            self.inner.docs(),
            layers,
            |l| &l.tokens,
            |t| (t.start, t.end),
        )?;
        cols.words(
            "kind",
            layers
                .iter()
                .flat_map(|l| l.tokens.iter().map(|t| Some(t.kind.as_str()))),
        )?;
        cols.bools(
            "boilerplate",
            layers.iter().flat_map(|layer| {
                let mut in_boilerplate = BoilerplateCursor::new(&layer.boilerplate);
                layer
                    .tokens
                    .iter()
                    .map(move |t| in_boilerplate.covers(t.start, t.end))
            }),
        )?;
        super::syntax::syntax_table_columns(py, &self.inner, &cols)?;
        Ok(cols.into_dict())
    }

    /// Columns of the sentence table, for pandas.
    fn sentence_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let layers = text_layers(py, &self.inner)?;
        let cols = span_columns(
            py,
            self.inner.docs(),
            layers,
            |l| &l.sentences,
            |s| (s.start, s.end),
        )?;
        cols.bools(
            "boilerplate",
            layers
                .iter()
                .flat_map(|l| l.sentences.iter().map(|s| s.boilerplate)),
        )?;
        Ok(cols.into_dict())
    }

    /// Columns of the documents table, for pandas.
    fn document_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        document_columns(py, &self.inner)
    }

    /// Columns of the boilerplate table, for pandas.
    fn boilerplate_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let layers = text_layers(py, &self.inner)?;
        let cols = span_columns(
            py,
            self.inner.docs(),
            layers,
            |l| &l.boilerplate,
            |b| (b.start, b.end),
        )?;
        cols.words(
            "kind",
            layers
                .iter()
                .flat_map(|l| l.boilerplate.iter().map(|b| Some(b.kind.as_str()))),
        )?;
        Ok(cols.into_dict())
    }
}

/// Columns of the documents table: name, date (ISO), source, characters, tokens, sentences,
/// boilerplate_characters, boilerplate_share, text (sizes in code points, as `sizes`).
fn document_columns<'py>(py: Python<'py>, corpus: &Corpus) -> PyResult<Bound<'py, PyDict>> {
    let layers = text_layers(py, corpus)?;
    let docs = corpus.docs();
    let cols = Columns::sized(py, docs.len())?;
    cols.strs("name", docs.iter().map(|d| Some(d.name.as_str())))?;
    let mut dates = Strings::new()?;
    for d in docs {
        dates.push(d.date.map(|x| x.to_string()).as_deref())?;
    }
    cols.put_strs("date", dates)?;
    cols.strs("source", docs.iter().map(|d| d.source.as_deref()))?;
    let characters = |d: &Document| d.char_offsets().to_char(d.text.len() as u32);
    let boilerplate = |(d, l): (&Document, &TextLayer)| -> u32 {
        let offsets = d.char_offsets();
        l.boilerplate
            .iter()
            .map(|b| offsets.to_char(b.end) - offsets.to_char(b.start))
            .sum()
    };
    let both = || docs.iter().zip(layers);
    cols.ints("characters", docs.iter().map(|d| characters(d) as i64))?;
    cols.ints("tokens", layers.iter().map(|l| l.tokens.len() as i64))?;
    cols.ints("sentences", layers.iter().map(|l| l.sentences.len() as i64))?;
    cols.ints(
        "boilerplate_characters",
        both().map(|x| boilerplate(x) as i64),
    )?;
    // As `summary.Sizes.boilerplate_share`: 0 for an empty text.
    cols.floats(
        "boilerplate_share",
        both().map(|(d, l)| {
            let n = characters(d);
            Some(if n == 0 {
                0.0
            } else {
                f64::from(boilerplate((d, l))) / f64::from(n)
            })
        }),
    )?;
    cols.strs("text", docs.iter().map(|d| Some(d.text.as_str())))?;
    Ok(cols.into_dict())
}

/// The shared columns of a span table: doc, i, start, end (code points), text, for the
/// spans `items` picks from each document's layer (`span`: start and end in bytes).
fn span_columns<'py, T>(
    py: Python<'py>,
    docs: &[Document],
    layers: &[TextLayer],
    items: impl Fn(&TextLayer) -> &[T],
    span: impl Fn(&T) -> (u32, u32),
) -> PyResult<Columns<'py>> {
    let (items, span) = (&items, &span);
    let spans = || {
        docs.iter()
            .zip(layers)
            .enumerate()
            .flat_map(move |(d, (doc, layer))| {
                items(layer).iter().enumerate().map(move |(i, x)| {
                    let (start, end) = span(x);
                    (d, doc, i, start, end)
                })
            })
    };
    let cols = Columns::new(py)?;
    cols.codes("doc", spans().map(|(d, ..)| d as u32))?;
    cols.ints("i", spans().map(|(_, _, i, ..)| i as i64))?;
    cols.ints(
        "start",
        spans().map(|(_, doc, _, start, _)| doc.char_offsets().to_char(start) as i64),
    )?;
    cols.ints(
        "end",
        spans().map(|(_, doc, _, _, end)| doc.char_offsets().to_char(end) as i64),
    )?;
    cols.strs(
        "text",
        spans().map(|(_, doc, _, start, end)| Some(&doc.text[start as usize..end as usize])),
    )?;
    Ok(cols)
}

#[pyclass(name = "Document", module = "crosswire._core", frozen)]
pub struct PyDocument {
    pub corpus: Arc<Corpus>,
    pub index: usize,
}

impl PyDocument {
    fn doc(&self) -> &Document {
        &self.corpus.docs()[self.index]
    }

    fn layer<'a>(&'a self, py: Python<'_>) -> PyResult<&'a TextLayer> {
        Ok(&text_layers(py, &self.corpus)?[self.index])
    }
}

#[pymethods]
impl PyDocument {
    #[getter]
    fn name(&self) -> &str {
        &self.doc().name
    }

    #[getter]
    fn text(&self) -> &str {
        &self.doc().text
    }

    /// ISO date or None; the Python layer turns it into `datetime.date`.
    #[getter]
    fn date(&self) -> Option<String> {
        self.doc().date.map(|d| d.to_string())
    }

    #[getter]
    fn source(&self) -> Option<&str> {
        self.doc().source.as_deref()
    }

    /// Where the article starts, after any metadata header (code points).
    #[getter]
    fn body_start(&self) -> u32 {
        self.doc()
            .char_offsets()
            .to_char(self.doc().body_start as u32)
    }

    /// `(characters, tokens, sentences, boilerplate characters)`, counted in code points,
    /// without building a span object.
    fn sizes(&self, py: Python<'_>) -> PyResult<(u32, usize, usize, u32)> {
        let doc = self.doc();
        let offsets = doc.char_offsets();
        let layer = self.layer(py)?;
        let boilerplate = layer
            .boilerplate
            .iter()
            .map(|b| offsets.to_char(b.end) - offsets.to_char(b.start))
            .sum();
        Ok((
            offsets.to_char(doc.text.len() as u32),
            layer.tokens.len(),
            layer.sentences.len(),
            boilerplate,
        ))
    }

    /// The document's syntax, token by token: `{"pos", "tag", "lemma", "head", "dep",
    /// "sent_start"}` (heads as token indices; a root is its own head).
    fn syntax_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        super::syntax::syntax_columns(py, &self.corpus, self.index..self.index + 1)
    }

    #[getter]
    fn tokens(&self, py: Python<'_>) -> PyResult<PyTokens> {
        let n = self.layer(py)?.tokens.len();
        Ok(PyTokens {
            corpus: Arc::clone(&self.corpus),
            doc: self.index,
            lo: 0,
            hi: n,
        })
    }

    #[getter]
    fn sentences(&self, py: Python<'_>) -> PyResult<Vec<PySentence>> {
        let doc = self.doc();
        Ok(self
            .layer(py)?
            .sentences
            .iter()
            .map(|s| PySentence::new(doc, s))
            .collect())
    }

    #[getter]
    fn entities(&self, py: Python<'_>) -> PyResult<Vec<super::entities::PyEntity>> {
        super::entities::document_entities(py, &self.corpus, self.index)
    }

    #[getter]
    fn claims(&self, py: Python<'_>) -> PyResult<Vec<super::claims::PyClaim>> {
        super::claims::document_claims(py, &self.corpus, self.index)
    }

    #[getter]
    fn boilerplate(&self, py: Python<'_>) -> PyResult<Vec<PyBoilerplate>> {
        let doc = self.doc();
        Ok(self
            .layer(py)?
            .boilerplate
            .iter()
            .map(|b| PyBoilerplate::new(doc, b))
            .collect())
    }
}
