//! Documents and the corpus; each stage runs for the whole corpus at once, in parallel, the
//! first time its results are asked for.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::align::{self, Alignment};
use crate::calendar::Date;
use crate::claims::{self, link::LinkedClaim};
use crate::entities::ids::{self, EntityRecord, Resolution};
use crate::entities::lexicon::Lexicon;
use crate::entities::tagger::{self, Mention};
use crate::lang::{Language, NoSyntaxModel};
use crate::pool;
use crate::progress::Progress;
use crate::stage::{Cancel, Cancelled, Stage};
use crate::syntax::document::{self as syntax, CompactSyntax, DocumentSyntax};
use crate::text::decode::{decode, Decoding};
use crate::text::files;
use crate::text::metadata;
use crate::text::offsets::CharOffsets;
use crate::text::TextLayer;

/// One article. `text` is exactly as read (after decoding); metadata found at its head fills
/// `date` and `source` unless the caller gave them.
#[derive(Debug)]
pub struct Document {
    /// Unique within the corpus: the file stem, or the name given.
    pub name: String,
    /// The text exactly as read (after decoding).
    pub text: String,
    /// The publication date, given or from the metadata header.
    pub date: Option<Date>,
    /// The outlet, given or from the metadata header.
    pub source: Option<String>,
    /// Byte offset where the article proper starts, after any metadata header.
    pub body_start: usize,
    char_offsets: OnceLock<CharOffsets>,
}

impl Document {
    /// A document; `date` and `source` given here win over the metadata header's.
    pub fn new(name: String, text: String, date: Option<Date>, source: Option<String>) -> Document {
        let meta = metadata::parse(&text);
        Document {
            name,
            date: date.or(meta.date),
            source: source.or(meta.source),
            body_start: meta.body_start,
            text,
            char_offsets: OnceLock::new(),
        }
    }

    pub(crate) fn char_offsets(&self) -> &CharOffsets {
        self.char_offsets
            .get_or_init(|| CharOffsets::new(&self.text))
    }
}

/// Why a corpus could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusError {
    /// A file or folder could not be read.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What kind of failure.
        kind: std::io::ErrorKind,
        /// The system's message.
        message: String,
    },
    /// A file is not valid UTF-8 (strict decoding).
    Decode {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// What was found there.
        message: String,
    },
    /// Two documents have this name.
    DuplicateName(String),
    /// Two files in one folder that would give one document name (`a.txt`, `a.TXT`).
    DuplicateFile {
        /// The document name both would give.
        name: String,
        /// The first file.
        first: PathBuf,
        /// The second file.
        second: PathBuf,
    },
    /// A document is over 4 GiB (offsets are 32-bit).
    TooLarge {
        /// The document.
        name: String,
        /// Its size.
        bytes: usize,
    },
    /// The folder holds no `*.txt` file.
    NoDocuments(PathBuf),
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Io { path, message, .. } => write!(f, "{}: {message}", path.display()),
            CorpusError::Decode { path, message, .. } => write!(f, "{}: {message}", path.display()),
            CorpusError::DuplicateName(name) => {
                write!(f, "two documents are named {name:?}; names must be unique")
            }
            CorpusError::DuplicateFile {
                name,
                first,
                second,
            } => write!(
                f,
                "{} and {} would both be named {name:?}; rename one (a document is named by its file name without the extension, and names must be unique)",
                first.display(),
                second.display()
            ),
            CorpusError::TooLarge { name, bytes } => {
                write!(
                    f,
                    "{name}: {bytes} bytes is over the 4 GiB a document may hold"
                )
            }
            CorpusError::NoDocuments(dir) => {
                write!(f, "{}: no *.txt files in this folder", dir.display())
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// A file read leniently: how many invalid sequences were replaced, and where the first was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// The file.
    pub path: PathBuf,
    /// How many invalid sequences became U+FFFD.
    pub count: usize,
    /// Byte offset of the first.
    pub first_offset: usize,
}

/// Documents and their analyses: each stage runs once, for all documents, when first asked.
#[derive(Debug)]
pub struct Corpus {
    docs: Vec<Document>,
    /// The word lists every stage reads.
    language: &'static Language,
    text: Stage<Vec<TextLayer>>,
    syntax: Stage<SyntaxLayer>,
    /// Names and word classes the entity stage uses: the language's, plus the user's.
    lexicon: Arc<Lexicon>,
    entities: Stage<EntityLayer>,
    claims: Stage<Vec<Vec<LinkedClaim>>>,
    alignment: Stage<Alignment>,
    /// How far the stage being computed has got (for a progress display).
    progress: Progress,
}

/// The syntax stage for the whole corpus: each document's tags and parse, lemmas recomputed
/// when asked for (see `CompactSyntax`), or why the language has none.
pub type SyntaxLayer = Result<Vec<CompactSyntax<'static>>, NoSyntaxModel>;

/// The entity stage for the whole corpus: each document's mentions, in text order, and the
/// cross-document entities they resolve to.
#[derive(Debug, Default)]
pub struct EntityLayer {
    /// Each document's mentions, in text order.
    pub mentions: Vec<Vec<Mention>>,
    /// The cross-document entities, and the entity of each mention.
    pub resolution: Resolution,
}

impl EntityLayer {
    /// The entity record of mention `m` of document `doc`; None for a figure or a date
    /// with no calendar value.
    pub fn entity_of(&self, doc: usize, m: usize) -> Option<&EntityRecord> {
        self.resolution.of_mention[doc][m].map(|e| &self.resolution.entities[e as usize])
    }
}

impl Corpus {
    /// A corpus of `docs`, read as English; names must be unique and texts under 4 GiB.
    pub fn new(docs: Vec<Document>) -> Result<Corpus, CorpusError> {
        let mut seen = HashSet::new();
        for doc in &docs {
            if !seen.insert(doc.name.as_str()) {
                return Err(CorpusError::DuplicateName(doc.name.clone()));
            }
            if doc.text.len() > u32::MAX as usize {
                return Err(CorpusError::TooLarge {
                    name: doc.name.clone(),
                    bytes: doc.text.len(),
                });
            }
        }
        let language = Language::english();
        Ok(Corpus {
            docs,
            language,
            text: Stage::new(),
            syntax: Stage::new(),
            lexicon: Arc::clone(&language.names),
            entities: Stage::new(),
            claims: Stage::new(),
            alignment: Stage::new(),
            progress: Progress::default(),
        })
    }

    /// Reads every `*.txt` file directly in `dir` (sorted by name; other files and
    /// sub-folders are ignored), one document per file, named by its stem (bytes that are not
    /// UTF-8 escaped: [`files::document_name`]); two files giving one name are an error.
    pub fn from_dir(dir: &Path, mode: Decoding) -> Result<(Corpus, Vec<Replacement>), CorpusError> {
        uncancelled(Corpus::try_from_dir(dir, false, mode, &Cancel::never()))
    }

    /// `from_dir` (with `recursive`, every folder below `dir` too: see `list_articles`),
    /// unless `cancel` is raised first (checked between files).
    pub fn try_from_dir(
        dir: &Path,
        recursive: bool,
        mode: Decoding,
        cancel: &Cancel,
    ) -> Result<Result<(Corpus, Vec<Replacement>), CorpusError>, Cancelled> {
        match list_articles(dir, recursive) {
            Ok(named) => Corpus::try_from_files(&named, mode, cancel),
            Err(e) => Ok(Err(e)),
        }
    }

    /// One document per `(path, name)`, in that order (see `list_articles`), unless
    /// `cancel` is raised first (checked between files).
    pub fn try_from_files(
        named: &[(PathBuf, String)],
        mode: Decoding,
        cancel: &Cancel,
    ) -> Result<Result<(Corpus, Vec<Replacement>), CorpusError>, Cancelled> {
        let read_one = |(path, name): &(PathBuf, String)| -> Result<(Document, Option<Replacement>), CorpusError> {
            let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
            let decoded = decode(&bytes, mode).map_err(|e| CorpusError::Decode {
                path: path.clone(),
                offset: e.offset,
                message: e.to_string(),
            })?;
            let replacement = decoded.first_invalid.map(|first_offset| Replacement {
                path: path.clone(),
                count: decoded.replaced,
                first_offset,
            });
            Ok((Document::new(name.clone(), decoded.text, None, None), replacement))
        };
        // The first failing file in name order is the one reported, whatever the thread count.
        let read = per_document(cancel, None, named, read_one)?;
        let read: Vec<(Document, Option<Replacement>)> = match read.into_iter().collect() {
            Ok(read) => read,
            Err(e) => return Ok(Err(e)),
        };
        let (docs, replacements): (Vec<_>, Vec<_>) = read.into_iter().unzip();
        Ok(Corpus::new(docs).map(|corpus| (corpus, replacements.into_iter().flatten().collect())))
    }

    /// The documents, in order.
    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    /// How many documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The index of the document named `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.name == name)
    }

    /// The stages computed so far, in pipeline order.
    pub fn ready(&self) -> Vec<&'static str> {
        [
            ("text", self.text.get().is_some()),
            ("syntax", self.syntax.get().is_some()),
            ("entities", self.entities.get().is_some()),
            ("claims", self.claims.get().is_some()),
            ("alignment", self.alignment.get().is_some()),
        ]
        .into_iter()
        .filter_map(|(name, done)| done.then_some(name))
        .collect()
    }

    /// The text stage for every document, computed once, in parallel.
    pub fn text_layers(&self) -> &[TextLayer] {
        uncancelled(self.try_text_layers(&Cancel::never()))
    }

    /// The text stage, unless `cancel` is raised first.
    pub fn try_text_layers(&self, cancel: &Cancel) -> Result<&[TextLayer], Cancelled> {
        self.text
            .get_or_compute(cancel, || {
                self.progress.start("text", self.docs.len());
                per_document(cancel, Some(&self.progress), &self.docs, |d| {
                    TextLayer::analyse(&d.text, d.body_start, self.language)
                })
            })
            .map(Vec::as_slice)
    }

    /// The text stage of document `i`.
    pub fn text_layer(&self, i: usize) -> &TextLayer {
        &self.text_layers()[i]
    }

    /// The syntax stage (tags, lemmas, dependency parse of every token, boilerplate
    /// included), computed once, in parallel, when asked for or with the claims stage. An
    /// error if the language has no syntax model.
    pub fn syntax(&self) -> Result<&[CompactSyntax<'static>], &NoSyntaxModel> {
        uncancelled(self.try_syntax(&Cancel::never()))
            .as_ref()
            .map(Vec::as_slice)
    }

    /// The syntax stage, unless `cancel` is raised first.
    pub fn try_syntax(&self, cancel: &Cancel) -> Result<&SyntaxLayer, Cancelled> {
        self.syntax.get_or_compute(cancel, || {
            let model = match self.language.syntax() {
                Ok(model) => model,
                Err(e) => return Ok(Err(e)),
            };
            let layers = self.try_text_layers(cancel)?;
            let indexed: Vec<(&Document, &TextLayer)> = self.docs.iter().zip(layers).collect();
            self.progress.start("syntax", self.docs.len());
            let compact = per_document(cancel, Some(&self.progress), &indexed, |(d, layer)| {
                syntax::analyse_compact(model, &d.text, &layer.tokens, &layer.sentences)
            })?;
            // The full parses freed between the compact ones leave free pages behind.
            crate::memory::release_free_pages();
            Ok(Ok(compact))
        })
    }

    /// The corpus with the parses of some documents hung anew, `(document, edits)` as
    /// `DocumentSyntax::rehung` takes them: a reading another parser gives, so that a test
    /// pins what the claim and alignment rules do with it whichever parser ships. Call it
    /// before any stage that needs the parse.
    #[cfg(test)]
    pub fn rehung(self, readings: &syntax::Readings) -> Corpus {
        let model = self.language.syntax().expect("a syntax model");
        let compact = (self.docs.iter().zip(self.text_layers()).enumerate())
            .map(|(i, (d, layer))| {
                let edits = readings.iter().filter(|(doc, _)| *doc == i);
                let parse = syntax::analyse(model, &d.text, &layer.tokens, &layer.sentences);
                edits.fold(parse, |parse, (_, e)| parse.rehung(e)).compact()
            })
            .collect();
        let _ = self
            .syntax
            .get_or_compute(&Cancel::never(), || Ok(Ok(compact)));
        self
    }

    /// The full parse of document `i`, lemmas included (the syntax stage is computed if it
    /// has not run); None if the language has no syntax model.
    pub fn parse(&self, i: usize) -> Option<DocumentSyntax<'static>> {
        let compact = &self.syntax().ok()?[i];
        Some(compact.expand(&self.docs[i].text, &self.text_layer(i).tokens))
    }

    /// Reads the documents as `language` (English by default); the entity stage uses the
    /// language's lexicon (set user entries after this, with `with_lexicon`).
    pub fn with_language(mut self, language: &'static Language) -> Corpus {
        self.language = language;
        self.lexicon = Arc::clone(&language.names);
        self.text = Stage::new();
        self.syntax = Stage::new();
        self.entities = Stage::new();
        self.claims = Stage::new();
        self.alignment = Stage::new();
        self
    }

    /// The language the documents are read as.
    pub fn language(&self) -> &'static Language {
        self.language
    }

    /// Uses `lexicon` (e.g. the language's plus user entries) for the entity stage.
    pub(crate) fn with_lexicon(mut self, lexicon: Arc<Lexicon>) -> Corpus {
        self.lexicon = lexicon;
        self.entities = Stage::new();
        self.claims = Stage::new();
        self.alignment = Stage::new();
        self
    }

    /// The entity stage: documents tagged and their mentions keyed in parallel, then ids
    /// resolved across the corpus (one pass, so ids never depend on thread count).
    pub fn entities(&self) -> &EntityLayer {
        uncancelled(self.try_entities(&Cancel::never()))
    }

    /// The entity stage, unless `cancel` is raised first.
    pub fn try_entities(&self, cancel: &Cancel) -> Result<&EntityLayer, Cancelled> {
        self.entities.get_or_compute(cancel, || {
            let (mentions, keys) = self.try_tagged(cancel)?;
            let inputs: Vec<(&str, &[Mention])> = self
                .docs
                .iter()
                .zip(&mentions)
                .map(|(d, m)| (d.text.as_str(), m.as_slice()))
                .collect();
            let resolution = ids::resolve_keyed(&inputs, &keys, &self.lexicon);
            // The identity keys (strings, one per mention) were the stage's largest part.
            drop((inputs, keys));
            crate::memory::release_free_pages();
            Ok(EntityLayer {
                mentions,
                resolution,
            })
        })
    }

    /// Each document's mentions and their identity keys (the per-document half of the
    /// entity stage), in parallel.
    pub(crate) fn try_tagged(&self, cancel: &Cancel) -> Result<Tagged, Cancelled> {
        let layers = self.try_text_layers(cancel)?;
        let indexed: Vec<(&Document, &TextLayer)> = self.docs.iter().zip(layers).collect();
        self.progress.start("entities", self.docs.len());
        let tagged = per_document(cancel, Some(&self.progress), &indexed, |(d, layer)| {
            let mut mentions = tagger::tag(&d.text, layer, &self.lexicon, self.language, d.date);
            // Held to the end of the run: without the growth room (mentions were 1.6x their
            // size on the synthetic corpus, see examples/memory_holders.rs).
            mentions.shrink_to_fit();
            let keys = ids::document_keys(&d.text, &mentions, &self.lexicon);
            (mentions, keys)
        })?;
        Ok(tagged.into_iter().unzip())
    }

    /// The lexicon the entity stage uses.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// A corpus of the same documents and lexicon whose text and entity stages are
    /// `text` and `entities` (computed elsewhere: the entity ids of a partitioned corpus).
    pub(crate) fn with_stages(&self, text: Vec<TextLayer>, entities: EntityLayer) -> Corpus {
        let docs = self
            .docs
            .iter()
            .map(|d| Document::new(d.name.clone(), d.text.clone(), d.date, d.source.clone()))
            .collect();
        let corpus = Corpus {
            docs,
            language: self.language,
            text: Stage::new(),
            syntax: Stage::new(),
            lexicon: Arc::clone(&self.lexicon),
            entities: Stage::new(),
            claims: Stage::new(),
            alignment: Stage::new(),
            progress: Progress::default(),
        };
        let never = Cancel::never();
        let _ = corpus.text.get_or_compute(&never, || Ok(text));
        let _ = corpus.entities.get_or_compute(&never, || Ok(entities));
        corpus
    }

    /// The claims stage, after entities: each document's claims (never from boilerplate),
    /// with the mentions they contain, in parallel.
    pub fn claims(&self) -> &[Vec<LinkedClaim>] {
        uncancelled(self.try_claims(&Cancel::never()))
    }

    /// The claims stage, unless `cancel` is raised first. Unless the syntax stage has run
    /// already, each document is parsed here and its parse kept in compact form once its
    /// claims are out, so the corpus never holds every full parse at once.
    pub fn try_claims(&self, cancel: &Cancel) -> Result<&[Vec<LinkedClaim>], Cancelled> {
        self.claims
            .get_or_compute(cancel, || {
                let layers = self.try_text_layers(cancel)?;
                // A language without a syntax model keeps the word-list rules alone.
                let model = self.language.syntax().ok();
                let parsed = self.syntax.get().and_then(|s| s.as_ref().ok());
                let entities = self.try_entities(cancel)?;
                let indexed: Vec<_> = self
                    .docs
                    .iter()
                    .zip(layers)
                    .zip(&entities.mentions)
                    .enumerate()
                    .collect();
                self.progress.start("claims", self.docs.len());
                let done = per_document(
                    cancel,
                    Some(&self.progress),
                    &indexed,
                    |(i, ((d, layer), mentions))| {
                        let parse = match (parsed, model) {
                            (Some(p), _) => Some(p[*i].expand(&d.text, &layer.tokens)),
                            (None, Some(m)) => {
                                Some(syntax::analyse(m, &d.text, &layer.tokens, &layer.sentences))
                            }
                            (None, None) => None,
                        };
                        let linked = self.claims_of(d, layer, mentions, parse.as_ref());
                        let kept = parse.filter(|_| parsed.is_none()).map(|p| p.compact());
                        (linked, kept)
                    },
                )?;
                let (claims, kept): (Vec<_>, Vec<_>) = done.into_iter().unzip();
                if let (None, Some(_)) = (parsed, model) {
                    let kept: Vec<_> = kept.into_iter().flatten().collect();
                    self.syntax.get_or_compute(cancel, || Ok(Ok(kept)))?;
                }
                crate::memory::release_free_pages();
                Ok(claims)
            })
            .map(Vec::as_slice)
    }

    /// The claims of one document, with their mentions and (given a parse) their frames.
    fn claims_of(
        &self,
        d: &Document,
        layer: &TextLayer,
        mentions: &[Mention],
        parse: Option<&DocumentSyntax>,
    ) -> Vec<LinkedClaim> {
        let mut linked = claims::link::link(
            claims::extract(&d.text, layer, parse, mentions, self.language),
            mentions,
            d.date,
        );
        // Frames need the parse too: a language without a model has none.
        if let Some(parsed) = parse {
            let source = claims::frame::FrameSource {
                text: &d.text,
                tokens: &layer.tokens,
                syntax: parsed,
                mentions,
                words: &self.language.frames,
            };
            claims::link::add_frames(&mut linked, &source);
        }
        // Held to the end of the run: without the growth room.
        linked.shrink_to_fit();
        for c in &mut linked {
            c.frames.shrink_to_fit();
            c.mentions.shrink_to_fit();
            c.figures.shrink_to_fit();
        }
        linked
    }

    /// How far the stage being computed has got: `(stage, documents done, total)`.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The alignment of the corpus's claims (see `align`), computed once.
    pub fn alignment(&self) -> &Alignment {
        uncancelled(self.try_alignment(&Cancel::never()))
    }

    /// The alignment, unless `cancel` is raised first.
    pub fn try_alignment(&self, cancel: &Cancel) -> Result<&Alignment, Cancelled> {
        self.alignment.get_or_compute(cancel, || {
            // The stages before, on this thread: a rayon worker never waits for a stage.
            self.try_claims(cancel)?;
            let alignment = pool::install(|| align::try_align(self, cancel));
            // From this thread, so that every pool thread gives back its freed views.
            crate::memory::release_free_pages();
            alignment
        })
    }
}

/// Each document's mentions and the identity key of each mention.
pub(crate) type Tagged = (Vec<Vec<Mention>>, Vec<Vec<Option<ids::Key>>>);

fn io_error(path: &Path, e: std::io::Error) -> CorpusError {
    CorpusError::Io {
        path: path.to_owned(),
        kind: e.kind(),
        message: e.to_string(),
    }
}

/// The articles of `dir`, as `from_dir` reads them: every `*.txt` file directly in `dir`
/// (with `recursive`, in every folder below it too, links not followed), sorted by path,
/// each with its document name: its stem, or with `recursive` its path below `dir` without
/// the extension (`2024-05/herald/0001`), since stems alone collide across folders.
pub fn list_articles(dir: &Path, recursive: bool) -> Result<Vec<(PathBuf, String)>, CorpusError> {
    let mut paths = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| io_error(&folder, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_error(&folder, e))?;
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| io_error(&path, e))?;
            if recursive && kind.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("txt"))
                && path.is_file()
            {
                paths.push(path);
            }
        }
    }
    if paths.is_empty() {
        return Err(CorpusError::NoDocuments(dir.to_owned()));
    }
    paths.sort();
    let named: Vec<(PathBuf, String)> = paths
        .into_iter()
        .map(|path| {
            let stem = files::document_name(&path);
            let name = match path.parent().and_then(|p| p.strip_prefix(dir).ok()) {
                Some(folder) if recursive && !folder.as_os_str().is_empty() => {
                    let mut name: Vec<String> = folder.iter().map(files::escaped).collect();
                    name.push(stem);
                    name.join("/")
                }
                _ => stem,
            };
            (path, name)
        })
        .collect();
    if let Some((first, second, name)) = files::first_clash(&named) {
        return Err(CorpusError::DuplicateFile {
            name: name.to_owned(),
            first: first.to_owned(),
            second: second.to_owned(),
        });
    }
    Ok(named)
}

/// `work` for every item, in parallel, checking `cancel` before each and counting each
/// done in `progress`.
fn per_document<I: Sync, T: Send>(
    cancel: &Cancel,
    progress: Option<&Progress>,
    items: &[I],
    work: impl Fn(&I) -> T + Sync,
) -> Result<Vec<T>, Cancelled> {
    pool::install(|| {
        items
            .par_iter()
            .map(|item| {
                cancel.check()?;
                let out = work(item);
                if let Some(p) = progress {
                    p.tick();
                }
                Ok(out)
            })
            .collect()
    })
}

/// The value of a request that no one can cancel.
fn uncancelled<T>(result: Result<T, Cancelled>) -> T {
    match result {
        Ok(v) => v,
        Err(Cancelled) => unreachable!("a request without a cancel flag was cancelled"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, text: &str) -> Document {
        Document::new(name.into(), text.into(), None, None)
    }

    #[test]
    fn metadata_fills_date_unless_caller_gave_one() {
        let d = doc("a", " date 2022-11-08 Kyiv said.");
        assert_eq!(d.date.unwrap().to_string(), "2022-11-08");
        let given = Date::parse_iso("2020-01-01");
        let d = Document::new(
            "a".into(),
            " date 2022-11-08 Kyiv said.".into(),
            given,
            None,
        );
        assert_eq!(d.date, given);
    }

    #[test]
    fn duplicate_names_are_rejected() {
        let err = Corpus::new(vec![doc("a", "x"), doc("a", "y")]).unwrap_err();
        assert_eq!(err, CorpusError::DuplicateName("a".into()));
    }

    #[test]
    fn results_do_not_depend_on_thread_count() {
        let docs = || {
            (0..40)
                .map(|i| {
                    doc(
                        &i.to_string(),
                        &"Kyiv said. Moscow denied it.\n\n".repeat(i),
                    )
                })
                .collect()
        };
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let a = one.install(|| {
            Corpus::new(docs())
                .unwrap()
                .text_layers()
                .iter()
                .map(|l| l.tokens.clone())
                .collect::<Vec<_>>()
        });
        let b = Corpus::new(docs())
            .unwrap()
            .text_layers()
            .iter()
            .map(|l| l.tokens.clone())
            .collect::<Vec<_>>();
        assert_eq!(a, b);
    }

    #[test]
    fn syntax_runs_before_claims_and_covers_every_token() {
        let corpus = Corpus::new(vec![
            doc("a", "Russia denied the report.\n\nPhoto: AP"),
            doc("b", ""),
        ])
        .unwrap();
        corpus.entities();
        assert_eq!(corpus.ready(), ["text", "entities"]);
        corpus.claims();
        assert_eq!(corpus.ready(), ["text", "syntax", "entities", "claims"]);
        let syntax = corpus.syntax().unwrap();
        let a = &corpus.parse(0).unwrap();
        // The caption is boilerplate and is parsed too.
        assert_eq!(a.len(), corpus.text_layer(0).tokens.len());
        assert!(syntax[1].is_empty());
        let words: Vec<(&str, &str, usize)> = a
            .iter()
            .take(5)
            .map(|t| (t.pos, t.dep, t.head as usize))
            .collect();
        assert_eq!(
            words,
            [
                ("PROPN", "nsubj", 1),
                ("VERB", "root", 1),
                ("DET", "det", 3),
                ("NOUN", "obj", 1),
                ("PUNCT", "punct", 1)
            ]
        );
        assert_eq!(a.get(1).lemma, "deny");
    }

    /// Claims made with the parse of the claims stage itself equal claims made after the
    /// syntax stage ran apart, and the parse kept compact expands to the one made.
    #[test]
    fn claims_do_not_depend_on_whether_the_syntax_stage_ran_first() {
        let build = || {
            let docs = crate::text::sample::texts()
                .enumerate()
                .map(|(i, t)| doc(&i.to_string(), t))
                .collect();
            Corpus::new(docs).unwrap()
        };
        let (first, later) = (build(), build());
        assert!(first.syntax().is_ok());
        assert_eq!(first.claims(), later.claims());
        assert!(!later.claims().iter().all(Vec::is_empty));
        assert_eq!(first.syntax(), later.syntax());
        let layer = later.text_layer(0);
        let model = Language::english().syntax().unwrap();
        let direct = syntax::analyse(
            model,
            &later.docs()[0].text,
            &layer.tokens,
            &layer.sentences,
        );
        assert_eq!(later.parse(0).unwrap(), direct);
    }

    #[test]
    fn entities_resolve_across_documents_whatever_the_thread_count() {
        let texts = [
            "Ukrainian President Volodymyr Zelensky said Kiev would not yield. Zelensky spoke.",
            "The Government of Volodímir Zelenski ruled it out, kyiv said.",
            "Oleksiy Kuleba, the Kyiv regional governor, said so. Dmytro Kuleba, the foreign minister, agreed.",
        ];
        let build = || {
            Corpus::new(
                texts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| doc(&i.to_string(), t))
                    .collect(),
            )
            .unwrap()
        };
        let summary = |c: &Corpus| {
            let e = c.entities();
            (0..c.len())
                .flat_map(|d| {
                    e.mentions[d]
                        .iter()
                        .enumerate()
                        .map(move |(m, x)| {
                            (
                                d,
                                x.start,
                                e.entity_of(d, m).map(|r| r.id.clone()).unwrap_or_default(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let a = one.install(|| summary(&build()));
        let b = summary(&build());
        assert_eq!(a, b);
        let ids: Vec<&str> = a.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(
            ids.iter()
                .filter(|i| **i == "PERSON:volodymyr_zelensky")
                .count(),
            3,
            "{ids:?}"
        );
        assert_eq!(
            ids.iter().filter(|i| **i == "GPE:kyiv").count(),
            2,
            "{ids:?}"
        );
        assert!(ids.contains(&"GPE:kyiv_region"), "{ids:?}");
        assert!(
            ids.contains(&"PERSON:oleksiy_kuleba") && ids.contains(&"PERSON:dmytro_kuleba"),
            "{ids:?}"
        );
    }
}

/// Stages asked for from several threads at once, each thread inside the same rayon pool as
/// the work (as the Python bindings ran them): no thread may wait for a stage that a
/// thread busy inside that stage's own parallel work has to finish.
#[cfg(test)]
mod concurrency_tests {
    use std::sync::{mpsc, Arc};
    use std::time::Duration;

    use super::*;
    use crate::text::sample;

    fn sample_corpus(copies: usize) -> Corpus {
        let docs = (0..copies)
            .flat_map(|k| {
                sample::texts()
                    .enumerate()
                    .map(move |(i, t)| Document::new(format!("{k}-{i}"), t.to_owned(), None, None))
            })
            .collect();
        Corpus::new(docs).unwrap()
    }

    /// Runs `scenario` on its own thread; fails the test if it has not ended in `limit`
    /// (the hung threads are left behind: the test process ends anyway).
    fn within(limit: Duration, scenario: impl FnOnce() + Send + 'static) {
        let (done, finished) = mpsc::channel();
        std::thread::spawn(move || {
            scenario();
            let _ = done.send(());
        });
        finished
            .recv_timeout(limit)
            .expect("the threads hung: a stage waited on itself");
    }

    #[test]
    fn stages_asked_from_many_threads_inside_one_pool_do_not_hang() {
        within(Duration::from_secs(120), || {
            let pool = Arc::new(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(2)
                    .build()
                    .unwrap(),
            );
            for _ in 0..12 {
                let corpus = Arc::new(sample_corpus(4));
                let askers: Vec<_> = (0..4)
                    .map(|k| {
                        let (pool, corpus) = (Arc::clone(&pool), Arc::clone(&corpus));
                        std::thread::spawn(move || {
                            pool.install(|| match k % 3 {
                                0 => corpus.claims().len(),
                                1 => corpus.alignment().pairs.len(),
                                _ => crate::align::align(&corpus).pairs.len(),
                            })
                        })
                    })
                    .collect();
                for a in askers {
                    a.join().unwrap();
                }
            }
        });
    }
}
