//! The trained models as one value, how they are saved, and how they run over a sentence.

use super::beam::{self, Beam, MAX_WIDTH};
use super::labeller::Labeller;
use super::lemma::Lemmatizer;
use super::parser::{self, ParserToken, Transitions, Tree};
use super::perceptron::{Model, ModelError};
use super::tagger;
use super::words::{hashes, TokenInput, WordHashes};
use serde::{Deserialize, Serialize};

/// The tagger and the parser with their class names: what `syntax.model` holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Models {
    /// Per tagger class: (UPOS, Penn tag).
    pub tags: Vec<(String, String)>,
    /// Dependency labels, indexed as the parser's transitions index them.
    pub labels: Vec<String>,
    /// The tagger: features to tag classes.
    pub tagger: Model,
    /// The parser: features to transitions.
    pub parser: Model,
    /// The second-pass labeller, if trained (without it the parser's labels stand).
    pub labeller: Option<Labeller>,
    /// How many hypotheses the parser's beam keeps (1: greedy decoding; see
    /// [`super::beam`]): the width it was trained for.
    pub beam: u32,
    /// How far below the best hypothesis of a step the beam keeps others (infinite: always
    /// `beam` of them; see [`Beam::margin`]).
    pub beam_margin: f32,
    /// Which extra templates the parser reads (see [`Transitions::templates`]; 0: the
    /// original ones): it must be decoded with the templates it was trained with.
    pub parser_templates: u8,
}

/// The fields every model file has had. Later fields were appended one at a time (the
/// labeller, the beam's width, its margin, the templates), so an older file is these followed by the fields
/// of its day: postcard writes a struct as its fields one after another.
#[derive(Deserialize)]
struct FirstFields {
    tags: Vec<(String, String)>,
    labels: Vec<String>,
    tagger: Model,
    parser: Model,
}

/// A file written before the templates, the margin, the beam or the labeller existed, read
/// whole (nothing left over): a missing labeller is none, a missing beam greedy, a missing
/// margin infinite, missing templates the original ones.
fn older_models(bytes: &[u8]) -> Option<Models> {
    let (first, rest) = postcard::take_from_bytes::<FirstFields>(bytes).ok()?;
    let mut models = Models {
        tags: first.tags,
        labels: first.labels,
        tagger: first.tagger,
        parser: first.parser,
        labeller: None,
        beam: 1,
        beam_margin: f32::INFINITY,
        parser_templates: 0,
    };
    if rest.is_empty() {
        return Some(models);
    }
    let (labeller, rest) = postcard::take_from_bytes::<Option<Labeller>>(rest).ok()?;
    models.labeller = labeller;
    if rest.is_empty() {
        return Some(models);
    }
    let (beam, rest) = postcard::take_from_bytes::<u32>(rest).ok()?;
    models.beam = beam;
    if rest.is_empty() {
        return Some(models);
    }
    let (margin, rest) = postcard::take_from_bytes::<f32>(rest).ok()?;
    models.beam_margin = margin;
    rest.is_empty().then_some(models)
}

impl Models {
    /// The model file's bytes (postcard).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("serialising to memory cannot fail")
    }

    /// Reads a model file, checking the class names fit the models.
    pub fn from_bytes(bytes: &[u8]) -> Result<Models, ModelError> {
        let models: Models = match postcard::from_bytes(bytes) {
            Ok(models) => models,
            Err(e) => older_models(bytes).ok_or_else(|| ModelError(e.to_string()))?,
        };
        let transitions = Transitions::new(models.labels.len());
        if models.tags.is_empty()
            || models.tagger.n_classes() != models.tags.len()
            || models.parser.n_classes() != transitions.n_classes()
            || models
                .labeller
                .as_ref()
                .is_some_and(|l| l.model.n_classes() != models.labels.len())
            || models.tags.len() > u16::MAX as usize
            || models.labels.len() > u16::MAX as usize
            || !(1..=MAX_WIDTH as u32).contains(&models.beam)
            || models.beam_margin.is_nan()
            || models.beam_margin < 0.0
            || models.parser_templates & !parser::ALL_TEMPLATES != 0
        {
            return Err(ModelError("class names do not match the models".into()));
        }
        Ok(models)
    }
}

/// The syntax of one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis<'m> {
    /// Universal POS.
    pub pos: &'m str,
    /// Penn Treebank tag.
    pub tag: &'m str,
    /// Lemma (proper nouns as written, other words in lower case).
    pub lemma: String,
    /// Index of the head in the same sentence; `None` for the sentence's root.
    pub head: Option<usize>,
    /// UD relation; `root` for the root.
    pub dep: &'m str,
}

/// Models and lemmatizer, ready to run.
#[derive(Debug, Clone)]
pub struct Syntax {
    /// Tagger and parser.
    pub models: Models,
    /// Lemmas from the tag.
    pub lemmatizer: Lemmatizer,
}

impl Syntax {
    /// The parser's transition classes.
    pub fn transitions(&self) -> Transitions {
        Transitions {
            n_labels: self.models.labels.len(),
            templates: self.models.parser_templates,
        }
    }

    /// How the parser decodes: the models' beam width and margin.
    pub fn beam(&self) -> Beam {
        Beam {
            width: self.models.beam as usize,
            margin: self.models.beam_margin,
        }
    }

    /// Tags and parses one sentence: per token its tag class (an index into
    /// `models.tags`) and the tree. Linear in its length; any tokens give a tree.
    pub fn tag_and_parse(&self, tokens: &[TokenInput]) -> (Vec<u16>, Tree) {
        let words: Vec<WordHashes> = tokens.iter().map(|&t| hashes(t)).collect();
        let classes = tagger::tag(&self.models.tagger, &words);
        let parser_tokens: Vec<ParserToken> = words
            .iter()
            .zip(&classes)
            .map(|(&word, &tag)| ParserToken { word, tag })
            .collect();
        let (parser, t, beam) = (&self.models.parser, self.transitions(), self.beam());
        let greedy = beam.width <= 1;
        let tree = match &self.models.labeller {
            None if greedy => parser::parse(parser, t, &parser_tokens),
            None => beam::parse(parser, t, &parser_tokens, beam),
            Some(labeller) => {
                let mut label_scores = Vec::new();
                let mut tree = if greedy {
                    parser::parse_scored(parser, t, &parser_tokens, &mut label_scores)
                } else {
                    beam::parse_scored(parser, t, &parser_tokens, beam, &mut label_scores)
                };
                labeller.relabel(&parser_tokens, &mut tree, &label_scores);
                tree
            }
        };
        (classes, tree)
    }

    /// The lemma of token `i` of a sentence, given its tag class.
    pub fn lemma(&self, tokens: &[TokenInput], i: usize, class: u16) -> String {
        let (_, tag) = &self.models.tags[class as usize];
        clitic_lemma(tokens, i, self.lemmatizer.lemma(tokens[i].form, tag))
    }

    /// Tags and parses one sentence. Linear in its length; any tokens give a tree.
    pub fn analyse(&self, tokens: &[TokenInput]) -> Vec<Analysis<'_>> {
        let (classes, tree) = self.tag_and_parse(tokens);
        (0..tokens.len())
            .map(|i| {
                let (pos, tag) = &self.models.tags[classes[i] as usize];
                let head = tree.heads[i];
                let dep = match head {
                    None => "root",
                    Some(_) => self.models.labels[tree.labels[i] as usize].as_str(),
                };
                Analysis {
                    pos,
                    tag,
                    lemma: self.lemma(tokens, i, classes[i]),
                    head,
                    dep,
                }
            })
            .collect()
    }
}

/// crosswire splits `didn't` as `didn` + `'t` where the treebank has `did` + `n't`: the
/// first half's lemma is the verb's (`do`), whatever the suffix rules made of `didn`.
fn clitic_lemma(tokens: &[TokenInput], i: usize, lemma: String) -> String {
    let next_is_nt = tokens
        .get(i + 1)
        .is_some_and(|t| matches!(t.form, "'t" | "’t" | "'T" | "’T"));
    if !next_is_nt {
        return lemma;
    }
    let lower = tokens[i].form.to_lowercase();
    let verb = match lower.as_str() {
        "don" | "doesn" | "didn" => "do",
        "isn" | "aren" | "wasn" | "weren" | "ain" => "be",
        "haven" | "hasn" | "hadn" => "have",
        "won" => "will",
        "wouldn" => "would",
        "couldn" => "could",
        "shouldn" => "should",
        "mustn" => "must",
        "needn" => "need",
        "mightn" => "might",
        _ => return lemma,
    };
    verb.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Models {
        crate::lang::Language::english()
            .syntax()
            .expect("English has a syntax model")
            .models
            .clone()
    }

    #[test]
    fn the_beam_margin_is_saved_and_older_files_decode_as_before() {
        let mut models = english();
        models.beam = 4;
        models.beam_margin = 2.5;
        let loaded = Models::from_bytes(&models.to_bytes()).unwrap();
        assert_eq!((loaded.beam, loaded.beam_margin), (4, 2.5));
        // A file with a width but no margin keeps its full beam.
        let without_margin = postcard::to_allocvec(&(
            &models.tags,
            &models.labels,
            &models.tagger,
            &models.parser,
            &models.labeller,
            models.beam,
        ))
        .unwrap();
        let old = Models::from_bytes(&without_margin).unwrap();
        assert_eq!((old.beam, old.beam_margin), (4, f32::INFINITY));
        // A negative or undefined margin is a damaged file.
        for margin in [-1.0, f32::NAN] {
            models.beam_margin = margin;
            assert!(Models::from_bytes(&models.to_bytes()).is_err(), "{margin}");
        }
    }

    #[test]
    fn the_label_context_flag_is_saved_and_older_files_read_without_it() {
        let mut models = english();
        assert_eq!(
            models.parser_templates, 0,
            "the shipped parser reads the original set"
        );
        models.parser_templates = parser::LABEL_CONTEXT;
        models.beam_margin = 3.0;
        let loaded = Models::from_bytes(&models.to_bytes()).unwrap();
        assert_eq!(loaded.parser_templates, parser::LABEL_CONTEXT);
        assert_eq!(loaded.beam_margin, 3.0);
        // A file from before the flag (its fields end with the margin) reads as the
        // original templates, margin kept.
        let without_flag = postcard::to_allocvec(&(
            &models.tags,
            &models.labels,
            &models.tagger,
            &models.parser,
            &models.labeller,
            models.beam,
            models.beam_margin,
        ))
        .unwrap();
        let old = Models::from_bytes(&without_flag).unwrap();
        assert_eq!(old.parser_templates, 0);
        assert_eq!((old.beam, old.beam_margin), (models.beam, 3.0));
        // Templates this build does not know are a damaged file.
        models.parser_templates = 4;
        assert!(Models::from_bytes(&models.to_bytes()).is_err());
    }
}
