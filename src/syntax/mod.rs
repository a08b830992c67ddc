//! The syntax stage: part-of-speech tags, lemmas and a labelled dependency parse per
//! sentence, from averaged-perceptron models trained on UD English EWT.

pub mod beam;
pub mod conllu;
pub mod document;
pub mod hashing;
pub mod huge_pages;
pub mod labeller;
pub mod lemma;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod project;
pub mod silver;
pub mod tagger;
pub mod train;
pub mod words;

#[cfg(test)]
mod tests;
