//! crosswire: cross-checks news coverage.
//!
//! Data flows one way, one folder per stage: `text` (reading, offsets, tokens, boilerplate,
//! sentences) → `entities` → `claims`. `corpus` ties the stages together and runs them in
//! parallel; `python` holds the PyO3 bindings and nothing else.

pub mod align;
pub mod calendar;
pub mod claims;
pub mod corpus;
pub mod entities;
pub mod syntax;
pub mod text;
mod wordlist;

#[cfg(feature = "python")]
mod python;
