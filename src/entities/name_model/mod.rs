//! The learned name tagger: an averaged perceptron (`syntax::perceptron`) trained on
//! CoNLL-2003 that finds people, organisations, places and other names (PER, ORG, LOC, MISC)
//! with BILOU tags, decoded greedily. It is one more candidate source for the entity tagger:
//! its names are mapped to OntoNotes labels (`labels.rs`) and proposed with a priority that
//! rises with the model's confidence; `candidate::select` decides among all sources.
//!
//! The model file lives beside the other entity lists (`lang/en/entities/names.model`) and is
//! read once, with them, into the [`Language`](crate::lang::Language) the stages take.
//!
//! Training: `cargo run --release --example train_names -- ../shared/data/conll2003`
//! (see `examples/train_names.rs`).

pub(crate) mod combine;
pub mod conll;
pub(crate) mod decode;
pub(crate) mod document;
pub(crate) mod eval;
pub(crate) mod features;
pub(crate) mod labels;
pub(crate) mod tags;
#[cfg(test)]
mod tests;
pub mod train;

use serde::{Deserialize, Serialize};

use crate::entities::candidate::Candidate;
use crate::entities::features::Features;
use crate::entities::gazetteer::Match;
use crate::entities::lexicon::Lexicon;
use crate::syntax::perceptron::{Model, ModelError};

use tags::{spans_of, TokenSpan};

/// The version of the feature set (`features.rs`): a model file trained with another one
/// would silently score the wrong features, so loading it is an error.
const FEATURES_VERSION: u32 = 2;

/// A name the model found, with the smallest margin by which one of its tokens' tags won.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    /// The tokens it covers and its kind.
    pub span: TokenSpan,
    /// The smallest lead of a token's winning tag over its runner-up.
    pub margin: f32,
}

/// The learned name tagger: a perceptron over BILOU tags, with the feature set it reads.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct NameModel {
    features_version: u32,
    model: Model,
}

/// Its size, not its weights: a `Language` prints without megabytes of numbers.
impl std::fmt::Debug for NameModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameModel")
            .field("features_version", &self.features_version)
            .field("features", &self.model.n_features())
            .field("weights", &self.model.n_weights())
            .finish()
    }
}

impl NameModel {
    /// A trained perceptron, for the current feature set.
    pub fn new(model: Model) -> NameModel {
        NameModel {
            features_version: FEATURES_VERSION,
            model,
        }
    }

    /// The perceptron.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("serialising to memory cannot fail")
    }

    /// Reads a model file; a damaged one, or one made for other features, is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<NameModel, ModelError> {
        let m: NameModel = postcard::from_bytes(bytes).map_err(|e| ModelError(e.to_string()))?;
        if m.features_version != FEATURES_VERSION {
            return Err(ModelError(format!(
                "name model made for feature set {}, this build reads {FEATURES_VERSION}",
                m.features_version
            )));
        }
        if m.model.n_classes() != tags::N_TAGS {
            return Err(ModelError(format!(
                "name model has {} classes, expected {}",
                m.model.n_classes(),
                tags::N_TAGS
            )));
        }
        Ok(m)
    }

    /// The names in one document, in text order.
    pub(crate) fn find(
        &self,
        f: &Features,
        lexicon: &Lexicon,
        matches: &[Match],
        rules: &[Candidate],
    ) -> Vec<Found> {
        let s = features::Document::new(f, lexicon, matches, rules);
        let (tags, margins) = decode::decode(&s, |x, out| self.model.scores(x, out));
        spans_of(&tags)
            .into_iter()
            .map(|span| Found {
                span,
                margin: margins[span.first..span.end]
                    .iter()
                    .copied()
                    .fold(f32::MAX, f32::min),
            })
            .collect()
    }

    /// The names in one document as entity candidates (see `combine.rs`).
    pub(crate) fn candidates(
        &self,
        f: &Features,
        lexicon: &Lexicon,
        matches: &[Match],
        rules: &[Candidate],
    ) -> Vec<Candidate> {
        let context = combine::Context::new(f, lexicon, matches, rules);
        self.find(f, lexicon, matches, rules)
            .into_iter()
            .filter_map(|found| context.candidate(found))
            .collect()
    }
}
