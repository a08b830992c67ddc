//! The entities stage: people, groups, organisations, places, dates and figures, each
//! mention resolved to one cross-document id.
//!
//! `lexicon` (names and word classes, from `lang/<language>/entities/`) → `features`
//! (per-token facts) → candidates from `gazetteer`, `names` and `values` (figures, dates),
//! then from `name_model` (the learned name tagger, which reads the others' as evidence) →
//! `candidate::select` → `tagger` → `ids` across documents.

pub(crate) mod candidate;
pub mod dates;
pub(crate) mod features;
pub mod figures;
pub(crate) mod gazetteer;
pub mod ids;
pub mod label;
pub(crate) mod lexicon;
pub mod name_model;
pub(crate) mod names;
pub(crate) mod normalize;
pub(crate) mod one_bearer;
pub(crate) mod spellings;
pub mod tagger;
pub(crate) mod user;
pub(crate) mod values;

pub use candidate::Source;
pub use values::Normalised;
