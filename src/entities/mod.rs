//! The entities stage: people, groups, organisations, places, dates and figures, each
//! mention resolved to one cross-document id.
//!
//! `lexicon` (names and word classes, from `lexicons/*.txt`) → `features` (per-token facts)
//! → candidates from `gazetteer`, `names` and `values` (figures, dates), then from
//! `name_model` (the learned name tagger, which reads the others' as evidence) →
//! `candidate::select` → `tagger` → `ids` across documents.

pub mod candidate;
pub mod dates;
pub mod features;
pub mod figures;
pub mod gazetteer;
pub mod ids;
pub mod label;
pub mod lexicon;
pub mod name_model;
pub mod names;
pub mod normalize;
pub mod tagger;
pub mod values;
