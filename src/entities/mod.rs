//! The entities stage: people, groups, organisations, places, dates and figures, each
//! mention resolved to one cross-document id.

pub mod label;
pub mod dates;
pub mod figures;
