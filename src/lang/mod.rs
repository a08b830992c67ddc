//! Language data: every word list of a language lives in one folder (`en/`, with a subfolder
//! per stage), is read by one loader (`lines`) against one manifest of file formats
//! (`manifest`), and is parsed once into a [`Language`], the value the stages take.
//!
//! English is compiled in ([`Language::english`], built once per process). Another language
//! is a new folder holding every file of the manifest: [`Language::from_dir`] reads one at
//! run time, and adding its name to `built_in_languages!` (manifest.rs) compiles it in. See
//! `src/lang/README.md` for the formats and how to add a list or a language.

pub(crate) mod lines;
pub mod manifest;
pub mod syntax;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::align::lexicon::AlignLexicon;
use crate::claims::frame::FrameWords;
use crate::claims::lexicon::Lexicon as ClaimWords;
use crate::entities::dates::Calendar;
use crate::entities::figures::Lexicon as FigureWords;
use crate::entities::lexicon::Lexicon;
use crate::entities::name_model::NameModel;
use crate::syntax::model::Syntax;
use crate::text::boilerplate::BoilerplateWords;
use crate::text::sentences::SentenceWords;
use crate::text::tokens::special::Abbreviations;
use lines::{Files, Problems};

pub use lines::{ListError, Strictness};
pub use manifest::{Format, List};
pub use syntax::NoSyntaxModel;

/// The word lists of one language, parsed: what every stage reads about the language.
/// Built once (English: [`Language::english`]) and passed to the stages by reference.
#[derive(Debug)]
pub struct Language {
    name: String,
    /// Words that keep the period after them (tokens).
    pub(crate) abbreviations: Arc<Abbreviations>,
    /// Titles and sentence openers (sentences).
    pub(crate) sentences: SentenceWords,
    /// Credits, bylines, navigation (boilerplate).
    pub(crate) boilerplate: BoilerplateWords,
    /// Months, weekdays, units of time (dates; names and claims read them too).
    pub(crate) calendar: Calendar,
    /// Number words, bound cues, units (figures).
    pub(crate) figures: FigureWords,
    /// Names and word classes (entities), without the user's entries.
    pub(crate) names: Arc<Lexicon>,
    /// The learned name tagger (entities), if the language has one.
    name_model: Option<NameModel>,
    /// Reporting cues, hedges, channel and time words (claims).
    pub(crate) claims: ClaimWords,
    /// Modality and negation words (claims: frames).
    pub(crate) frames: FrameWords,
    /// Stopwords, paraphrases, events, idf and the scorer's weights (alignment).
    pub(crate) align: AlignLexicon,
    /// Loads the tagger and parser (once per process), for languages that have them.
    syntax: Option<fn() -> &'static Syntax>,
    problems: Vec<ListError>,
}

impl Language {
    /// English, compiled in, parsed the first time it is asked for. Parsing is lenient, so
    /// this never fails; a test parses every English list strictly.
    pub fn english() -> &'static Language {
        static ENGLISH: OnceLock<Language> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            Language::built_in("en", Strictness::Lenient)
                .expect("English is built in, and lenient parsing does not fail")
        })
    }

    /// A language compiled into the binary (one of `manifest::BUILT_IN`), parsed anew.
    pub fn built_in(name: &str, strictness: Strictness) -> Result<Language, ListError> {
        let built_in = manifest::BUILT_IN
            .iter()
            .find(|n| **n == name)
            .and_then(|folder| Some((*folder, manifest::built_in(folder)?)));
        let Some((folder, texts)) = built_in else {
            let known = manifest::BUILT_IN.join(", ");
            return Err(ListError::new(
                name,
                0,
                format!("not a built-in language ({known})"),
            ));
        };
        let name_model = manifest::built_in_name_model(folder).map(Ok::<_, String>);
        let language = Language::parse(name, Files { folder, texts }, name_model, strictness)?;
        Ok(Language {
            syntax: syntax::built_in(folder),
            ..language
        })
    }

    /// Reads a language folder that holds every file of the manifest (`dir/text/…`,
    /// `dir/entities/…`), and its name model if it has one, named by the folder. Strict: the
    /// first problem is the error. Lenient: a missing file reads as empty, a bad line or a
    /// damaged model is skipped, each noted in `problems`. The folder's text stays in memory
    /// for the life of the process (every result borrows words from it), so read a language
    /// once.
    pub fn from_dir(dir: &Path, strictness: Strictness) -> Result<Language, ListError> {
        let folder = leak(dir.display().to_string());
        let mut problems = Problems::new(strictness);
        let mut texts = [""; List::ALL.len()];
        for list in List::ALL {
            let path = dir.join(list.path());
            match std::fs::read_to_string(&path) {
                Ok(text) => texts[list as usize] = leak(text),
                Err(e) => {
                    let source = format!("{folder}/{}", list.path());
                    problems.report(ListError::new(source, 0, e.to_string()))?;
                }
            }
        }
        let name = dir
            .file_name()
            .map_or_else(|| folder.to_owned(), |n| n.to_string_lossy().into_owned());
        let name_model = match std::fs::read(dir.join(manifest::NAME_MODEL)) {
            Ok(bytes) => Some(Ok(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => Some(Err(e.to_string())),
        };
        let files = Files { folder, texts };
        let mut language = Language::parse(&name, files, name_model, strictness)?;
        let mut found = problems.into_vec();
        found.append(&mut language.problems);
        language.problems = found;
        Ok(language)
    }

    /// `name_model`: the model file's bytes, or why they could not be read; `None` when the
    /// language has no model.
    fn parse(
        name: &str,
        files: Files,
        name_model: Option<Result<impl AsRef<[u8]>, String>>,
        strictness: Strictness,
    ) -> Result<Language, ListError> {
        let mut problems = Problems::new(strictness);
        let p = &mut problems;
        let name_model = match name_model {
            None => None,
            Some(bytes) => {
                let model = bytes.and_then(|b| NameModel::from_bytes(b.as_ref()).map_err(|e| e.0));
                match model {
                    Ok(model) => Some(model),
                    Err(message) => {
                        let source = format!("{}/{}", files.folder, manifest::NAME_MODEL);
                        p.report(ListError::new(source, 0, message))?;
                        None
                    }
                }
            }
        };
        let abbreviations = Arc::new(Abbreviations::parse(&files, p)?);
        let figures = FigureWords::parse(&files, p)?;
        let calendar = Calendar::parse(&files, &figures, p)?;
        let names = Lexicon::parse(&files, &calendar, Arc::clone(&abbreviations), p)?;
        let language = Language {
            name: name.to_owned(),
            sentences: SentenceWords::parse(&files, p)?,
            boilerplate: BoilerplateWords::parse(&files, p)?,
            claims: ClaimWords::parse(&files, &calendar, p)?,
            frames: FrameWords::parse(&files, p)?,
            align: AlignLexicon::parse(&files, p)?,
            names: Arc::new(names),
            name_model,
            abbreviations,
            calendar,
            figures,
            syntax: None,
            problems: Vec::new(),
        };
        // Two stages read the shared cue lists: a bad line there is one problem.
        let mut found: Vec<ListError> = Vec::new();
        for problem in problems.into_vec() {
            if !found.contains(&problem) {
                found.push(problem);
            }
        }
        Ok(Language {
            problems: found,
            ..language
        })
    }

    /// The language's name (`en`, or the folder's name).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The language's tagger, parser and lemmatizer, read the first time they are asked
    /// for; an error for a language without them.
    pub fn syntax(&self) -> Result<&'static Syntax, NoSyntaxModel> {
        match self.syntax {
            Some(load) => Ok(load()),
            None => Err(NoSyntaxModel {
                language: self.name.clone(),
            }),
        }
    }

    /// The learned name tagger the entity tagger runs beside its rules; `None` for a language
    /// without one.
    pub fn name_model(&self) -> Option<&NameModel> {
        self.name_model.as_ref()
    }

    /// Lines skipped by lenient parsing, each with its file and line; empty for English.
    pub fn problems(&self) -> &[ListError] {
        &self.problems
    }

    /// The language's names and word classes, with `user` entries added (they win where
    /// they overlap); the language's own lexicon when there are none.
    pub(crate) fn lexicon_with(&self, user: Vec<crate::entities::lexicon::Entry>) -> Arc<Lexicon> {
        if user.is_empty() {
            Arc::clone(&self.names)
        } else {
            Arc::new(self.names.with_user_entries(user))
        }
    }
}

/// Text that must live as long as the process: every word parsed from it is borrowed.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

#[cfg(test)]
mod tests;
