//! crosswire: cross-checks news coverage.
//!
//! Data flows one way, one folder per stage: `text` (reading, offsets, tokens, boilerplate,
//! sentences) → `syntax` (tags, lemmas, dependency parse; the claims stage reads it) →
//! `entities` → `claims` → `align`. `lang` holds every word list, one folder
//! per language, parsed once into the `Language` the stages take. `corpus` ties the stages
//! together and runs them in parallel (`pool`), each once (`stage`); `python` holds the PyO3
//! bindings and nothing else.

#![warn(missing_docs)]
// Some crate-private helpers serve only the bindings; clippy --all-features still finds dead code.
#![cfg_attr(not(feature = "python"), allow(dead_code))]

pub mod align;
pub mod calendar;
pub mod claims;
pub mod corpus;
pub mod entities;
pub mod lang;
pub mod memory;
pub mod partition;
pub mod pool;
pub mod progress;
pub mod stage;
pub mod syntax;
pub mod text;

// mimalloc: the stages make many small, short-lived allocations (views, frames, strings) from
// two threads; see memory.rs for giving its free pages back.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(feature = "python")]
mod python;

#[cfg(test)]
mod proptests;
