//! Silver trees for uptraining: unlabelled news parsed by a stronger, slower parser (a beam)
//! and added to the greedy parser's training set, so the greedy parser learns part of the
//! stronger one's accuracy at its own speed. The tagger never trains on them.
//!
//! The trees travel as CoNLL-U (written by [`write_sentence`], read by
//! [`super::conllu::parse`]), one sentence as crosswire tokenized and split it, with the tags
//! the shipped tagger gave it: the tags the parser meets at run time.

use super::conllu::Sentence;
use super::hashing::SplitMix64;
use super::parser::{ParserExample, ParserToken, Tree};
use super::project::as_words;
use super::words::{hashes, TokenInput};

/// One token of a parsed sentence, as written to a silver file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SilverToken<'a> {
    /// The token as written.
    pub form: &'a str,
    /// Its lemma.
    pub lemma: &'a str,
    /// Universal POS tag.
    pub upos: &'a str,
    /// Penn tag.
    pub xpos: &'a str,
    /// Index of its head in the sentence; `None` for the root.
    pub head: Option<usize>,
    /// UD relation (`root` for the root).
    pub dep: &'a str,
}

/// Appends one sentence as CoNLL-U (`# text` from `text`, then one line a token and a blank
/// line). `None` when a field could not be written as one CoNLL-U column (empty, or holding
/// a tab, a line break or, in a form, any space): such a sentence is left out, not mangled.
pub fn write_sentence(out: &mut String, text: &str, tokens: &[SilverToken]) -> Option<()> {
    let plain = |field: &str| !field.is_empty() && !field.contains(['\t', '\n', '\r']);
    let fits = tokens.iter().all(|t| {
        plain(t.form)
            && !t.form.contains(char::is_whitespace)
            && [t.lemma, t.upos, t.xpos, t.dep].into_iter().all(plain)
            && t.head.is_none_or(|h| h < tokens.len())
    });
    if tokens.is_empty() || !fits {
        return None;
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    out.push_str(&format!("# text = {text}\n"));
    for (i, t) in tokens.iter().enumerate() {
        let head = t.head.map_or(0, |h| h + 1);
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t_\t{head}\t{}\t_\t_\n",
            i + 1,
            t.form,
            t.lemma,
            t.upos,
            t.xpos,
            t.dep
        ));
    }
    out.push('\n');
    Some(())
}

/// The silver sentences as parser training examples, their tags and labels looked up in the
/// models' classes (`tag_names`, `labels` sorted as [`super::train::Prepared`] keeps them).
/// An error names the first sentence (1-based) whose tag or label the models lack, or whose
/// heads do not make a tree: a silver file from another model or a damaged one.
pub fn examples(
    sentences: &[Sentence],
    tag_names: &[(String, String)],
    labels: &[String],
) -> Result<Vec<ParserExample>, String> {
    sentences
        .iter()
        .enumerate()
        .map(|(n, s)| {
            example(s, tag_names, labels).map_err(|e| format!("silver sentence {}: {e}", n + 1))
        })
        .collect()
}

fn example(
    sentence: &Sentence,
    tag_names: &[(String, String)],
    labels: &[String],
) -> Result<ParserExample, String> {
    let words = as_words(sentence);
    let mut tokens = Vec::with_capacity(words.len());
    let mut tree = Tree {
        heads: Vec::with_capacity(words.len()),
        labels: Vec::with_capacity(words.len()),
    };
    for w in &words {
        let tag = tag_names
            .binary_search(&(w.upos.clone(), w.xpos.clone()))
            .map_err(|_| format!("tag {}/{} unknown to the models", w.upos, w.xpos))?;
        let label = match w.head {
            None => 0, // a root's label is never scored
            Some(_) => labels
                .binary_search(&w.deprel)
                .map_err(|_| format!("label {:?} unknown to the models", w.deprel))?,
        };
        tokens.push(ParserToken {
            word: hashes(TokenInput {
                form: &w.form,
                kind: w.kind,
            }),
            tag: tag as u16,
        });
        tree.heads.push(w.head);
        tree.labels.push(label as u16);
    }
    if !is_tree(&tree.heads) {
        return Err("its heads make a cycle".into());
    }
    Ok(ParserExample { tokens, gold: tree })
}

/// Whether following heads from every token reaches the root (CoNLL-U reading already
/// checked one root and heads inside the sentence).
fn is_tree(heads: &[Option<usize>]) -> bool {
    (0..heads.len()).all(|start| {
        let mut at = start;
        for _ in 0..=heads.len() {
            match heads[at] {
                None => return true,
                Some(h) => at = h,
            }
        }
        false
    })
}

/// Which silver sentences each epoch trains on: a fixed shuffle of all of them (from the
/// seed), read `per_epoch` at a time and round again, so every sentence is seen before any
/// is seen twice and no epoch outweighs the gold by more than `per_epoch` sentences.
#[derive(Debug, Clone)]
pub struct SilverEpochs {
    order: Vec<usize>,
    per_epoch: usize,
    next: usize,
}

impl SilverEpochs {
    /// For `n` silver sentences, `per_epoch` an epoch (all of them when larger), shuffled by
    /// `seed`.
    pub fn new(n: usize, per_epoch: usize, seed: u64) -> SilverEpochs {
        let mut order: Vec<usize> = (0..n).collect();
        // Its own stream, so the gold's shuffling and exploration stay those of the seed.
        SplitMix64::new(seed ^ 0x5117_E2D0_5117_E2D0).shuffle(&mut order);
        SilverEpochs {
            order,
            per_epoch: per_epoch.min(n),
            next: 0,
        }
    }

    /// The next epoch's silver sentences (indices into the silver set).
    pub fn next_epoch(&mut self) -> Vec<usize> {
        let n = self.order.len();
        let picked = (0..self.per_epoch)
            .map(|k| self.order[(self.next + k) % n])
            .collect();
        if n > 0 {
            self.next = (self.next + self.per_epoch) % n;
        }
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu;

    fn token<'a>(form: &'a str, head: Option<usize>, dep: &'a str) -> SilverToken<'a> {
        SilverToken {
            form,
            lemma: form,
            upos: "X",
            xpos: "XX",
            head,
            dep,
        }
    }

    #[test]
    fn a_written_sentence_reads_back_with_its_tree() {
        let tokens = [
            token("Kyiv", Some(1), "nsubj"),
            token("said", None, "root"),
            token("so", Some(1), "advmod"),
        ];
        let mut out = String::new();
        write_sentence(&mut out, "Kyiv  said\nso", &tokens).unwrap();
        let read = conllu::parse(&out).unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].comment("text"), Some("Kyiv said so"));
        let heads: Vec<_> = read[0].words.iter().map(|w| w.head).collect();
        assert_eq!(heads, [Some(1), None, Some(1)]);
        assert_eq!(read[0].words[2].deprel, "advmod");
    }

    #[test]
    fn a_sentence_that_cannot_be_one_conllu_line_a_token_is_left_out() {
        let mut out = String::new();
        for bad in [
            [token("a b", Some(1), "nsubj"), token("c", None, "root")],
            [token("a", Some(1), "ns\tubj"), token("c", None, "root")],
            [token("", Some(1), "nsubj"), token("c", None, "root")],
            [token("a", Some(5), "nsubj"), token("c", None, "root")],
        ] {
            assert_eq!(write_sentence(&mut out, "x", &bad), None);
        }
        assert_eq!(write_sentence(&mut out, "x", &[]), None);
        assert!(out.is_empty());
    }

    #[test]
    fn silver_examples_need_the_models_tags_and_labels_and_a_tree() {
        let tags = vec![("X".to_string(), "XX".to_string())];
        let labels = vec!["advmod".to_string(), "nsubj".to_string()];
        let read = |tokens: &[SilverToken]| {
            let mut out = String::new();
            write_sentence(&mut out, "t", tokens).unwrap();
            conllu::parse(&out).unwrap()
        };
        let good = read(&[token("Kyiv", Some(1), "nsubj"), token("said", None, "root")]);
        let made = examples(&good, &tags, &labels).unwrap();
        assert_eq!(made[0].gold.heads, [Some(1), None]);
        assert_eq!(made[0].gold.labels[0], 1);
        let unknown = read(&[token("Kyiv", Some(1), "obj"), token("said", None, "root")]);
        let e = examples(&unknown, &tags, &labels).unwrap_err();
        assert!(e.contains("silver sentence 1") && e.contains("obj"), "{e}");
        let cycle = read(&[
            token("a", Some(1), "nsubj"),
            token("b", Some(0), "nsubj"),
            token("c", None, "root"),
        ]);
        assert!(examples(&cycle, &tags, &labels)
            .unwrap_err()
            .contains("cycle"));
    }

    #[test]
    fn every_silver_sentence_comes_round_before_any_comes_twice() {
        let mut epochs = SilverEpochs::new(10, 4, 3);
        let seen: Vec<Vec<usize>> = (0..5).map(|_| epochs.next_epoch()).collect();
        assert!(seen.iter().all(|e| e.len() == 4));
        let first_ten: Vec<usize> = seen.concat()[..10].to_vec();
        let mut sorted = first_ten.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        assert_ne!(first_ten, (0..10).collect::<Vec<_>>(), "shuffled");
        // The same seed, the same epochs; all of them when the cap is above the set.
        let mut again = SilverEpochs::new(10, 4, 3);
        assert_eq!((0..5).map(|_| again.next_epoch()).collect::<Vec<_>>(), seen);
        assert_eq!(SilverEpochs::new(3, 100, 1).next_epoch().len(), 3);
        assert!(SilverEpochs::new(0, 5, 1).next_epoch().is_empty());
    }
}
