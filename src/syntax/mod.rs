//! The syntax stage: part-of-speech tags, lemmas and a labelled dependency parse per
//! sentence, from averaged-perceptron models trained on UD English EWT.

pub mod hashing;
pub mod perceptron;
