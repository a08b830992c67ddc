//! Training and evaluation on a treebank: which tokens the models learn from, the loops,
//! and the scores (UPOS, Penn tag, lemma, UAS, LAS).

use super::beam;
use super::conllu::Sentence;
use super::labeller::{self, Labeller};
use super::lemma::Lemmatizer;
use super::model::{Models, Syntax};
use super::parser::{self, ParserExample, ParserToken, Silver, Transitions, Tree};
use super::perceptron::{Model, Trainer};
use super::project::{as_crosswire_tokens, as_words, GoldToken};
use super::silver;
use super::tagger::{self, TaggedSentence};
use super::words::{hashes, TokenInput, WordHashes};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Which tokenisation of the treebank the models see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tokens {
    /// The treebank's words.
    Words,
    /// crosswire's tokens with the trees projected onto them.
    Crosswire,
    /// Both: the words, plus the projected version of every sentence where the two differ.
    Both,
}

impl Tokens {
    /// The training sentences of `treebank` in this tokenisation.
    pub fn sentences(self, treebank: &[Sentence]) -> Vec<Vec<GoldToken>> {
        let mut out = Vec::with_capacity(treebank.len());
        for s in treebank {
            match self {
                Tokens::Words => out.push(as_words(s)),
                Tokens::Crosswire => out.push(as_crosswire_tokens(s)),
                Tokens::Both => {
                    let words = as_words(s);
                    let projected = as_crosswire_tokens(s);
                    let differ = words.len() != projected.len()
                        || words.iter().zip(&projected).any(|(a, b)| a.form != b.form);
                    out.push(words);
                    if differ {
                        out.push(projected);
                    }
                }
            }
        }
        out
    }
}

/// Hears the averaged parser after each epoch of its training (the epoch counts from 1).
pub type AfterEpoch<'a> = dyn FnMut(usize, &Model) + 'a;

/// How to train the models.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// Which tokenisation the models learn from.
    pub tokens: Tokens,
    /// Passes over the data for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the data for the parser.
    pub parser_epochs: usize,
    /// Seed for shuffling and exploration.
    pub seed: u64,
    /// The tagger's averaged weights smaller than this are dropped.
    pub prune_tagger: f32,
    /// The parser's averaged weights smaller than this are dropped (a smaller, faster model).
    pub prune_parser: f32,
    /// Probability of following the parser's own move during training (dynamic oracle).
    pub explore: f64,
    /// Folds for the parser's training tags (1: the final tagger's own tags).
    pub jackknife: usize,
    /// Passes over the data for the second-pass labeller (0: none, the parser's labels).
    pub labeller_epochs: usize,
    /// The weight of the parser's label scores beside the labeller's.
    pub labeller_parser_weight: f32,
    /// The parser's beam width: 1 trains a greedy parser with the dynamic oracle, more a
    /// beam parser with the global perceptron (see [`super::beam`]).
    pub beam: usize,
    /// How far below a step's best the beam keeps hypotheses, in training (a beam parser's
    /// search is pruned as it will be decoded) and in the model file (infinite: none).
    pub beam_margin: f32,
    /// A beam parser's updates stop where the gold sequence falls out of the beam (early
    /// update on the prefix) instead of searching on (see [`beam::Training`]).
    pub beam_early_update: bool,
    /// The extra templates the parser reads (see [`parser::Transitions::templates`]; 0:
    /// the original ones).
    pub parser_templates: u8,
    /// How many parsers are trained, with seeds `seed`, `seed + 1`, .., on the same
    /// training tags: the parser is their weights' mean (their score ensemble at one
    /// parser's lookups; see [`Model::mean`]). 1: a single parser (the shipped one; 3
    /// parses dev better but moves the claim and alignment tests: see README).
    pub parser_seeds: usize,
    /// How many silver sentences (see [`Prepared::add_silver`]) join the greedy parser's
    /// training each epoch, taken in turn from a fixed shuffle of them; all of them when
    /// larger than their number.
    pub silver_per_epoch: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            tokens: Tokens::Both,
            tagger_epochs: 10,
            parser_epochs: 16,
            seed: 1,
            prune_tagger: 0.0,
            prune_parser: 1.0,
            explore: 0.9,
            jackknife: 4,
            labeller_epochs: 0,
            labeller_parser_weight: 0.5,
            beam: 1,
            beam_margin: f32::INFINITY,
            beam_early_update: false,
            parser_templates: 0,
            parser_seeds: 1,
            silver_per_epoch: usize::MAX,
        }
    }
}

fn input(t: &GoldToken) -> TokenInput<'_> {
    TokenInput {
        form: &t.form,
        kind: t.kind,
    }
}

/// A treebank made ready for training: sentences in the chosen tokenisation, the class names
/// and every token's hashes and gold tag class.
pub struct Prepared {
    /// The sentences in the chosen tokenisation.
    pub sentences: Vec<Vec<GoldToken>>,
    /// Per tagger class: (UPOS, Penn tag).
    pub tag_names: Vec<(String, String)>,
    /// Dependency labels, sorted.
    pub labels: Vec<String>,
    /// Per sentence, per token: hashes and gold tag class.
    pub tagged: Vec<TaggedSentence>,
    /// Silver trees for the parser (a stronger parser's on unlabelled text, with the tags
    /// the shipped tagger gave them); the tagger never sees them.
    pub silver: Vec<ParserExample>,
}

impl Prepared {
    /// Collects the class names of `treebank` seen through `tokens` and hashes every token.
    pub fn new(treebank: &[Sentence], tokens: Tokens) -> Prepared {
        let sentences = tokens.sentences(treebank);
        let tag_names: Vec<(String, String)> = sentences
            .iter()
            .flatten()
            .map(|t| (t.upos.clone(), t.xpos.clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let labels: Vec<String> = sentences
            .iter()
            .flatten()
            .filter(|t| t.head.is_some())
            .map(|t| t.deprel.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let tag_index = |t: &GoldToken| {
            tag_names
                .binary_search(&(t.upos.clone(), t.xpos.clone()))
                .expect("every tag was collected") as u16
        };
        let tagged = sentences
            .iter()
            .map(|s| s.iter().map(|t| (hashes(input(t)), tag_index(t))).collect())
            .collect();
        Prepared {
            sentences,
            tag_names,
            labels,
            tagged,
            silver: Vec::new(),
        }
    }

    /// Adds silver trees (read from a file [`silver::write_sentence`] wrote) to the greedy
    /// parser's training, `config.silver_per_epoch` of them an epoch; returns how many there
    /// are now. An error when a sentence holds a tag or label these classes lack or is not a
    /// tree: nothing is added then.
    pub fn add_silver(&mut self, sentences: &[Sentence]) -> Result<usize, String> {
        let more = silver::examples(sentences, &self.tag_names, &self.labels)?;
        self.silver.extend(more);
        Ok(self.silver.len())
    }

    /// The parser's training tags: each fold of the data tagged by a tagger trained on the
    /// other folds (a tagger's tags on its own training data are too good); with one fold,
    /// `tagger`'s own tags.
    pub fn jackknife_tags(&self, config: &Config, tagger: &Model) -> Vec<Vec<u16>> {
        let folds = config.jackknife.max(1);
        let fold_taggers: Vec<Model> = if folds == 1 {
            vec![tagger.clone()]
        } else {
            (0..folds)
                .into_par_iter()
                .map(|fold| {
                    let rest: Vec<TaggedSentence> = self
                        .tagged
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % folds != fold)
                        .map(|(_, s)| s.clone())
                        .collect();
                    tagger::train(
                        &rest,
                        self.tag_names.len(),
                        config.tagger_epochs,
                        config.seed,
                        0.0,
                    )
                })
                .collect()
        };
        self.tagged
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let words: Vec<WordHashes> = s.iter().map(|(w, _)| *w).collect();
                tagger::tag(&fold_taggers[i % folds], &words)
            })
            .collect()
    }

    /// The gold trees with `tags` (one per token) as the parser's input tags.
    pub fn parser_examples(&self, tags: &[Vec<u16>]) -> Vec<ParserExample> {
        self.sentences
            .iter()
            .zip(&self.tagged)
            .zip(tags)
            .map(|((s, tagged), tags)| ParserExample {
                tokens: tagged
                    .iter()
                    .zip(tags)
                    .map(|(&(word, _), &tag)| ParserToken { word, tag })
                    .collect(),
                gold: Tree {
                    heads: s.iter().map(|t| t.head).collect(),
                    labels: s
                        .iter()
                        .map(|t| self.labels.binary_search(&t.deprel).unwrap_or(0) as u16)
                        .collect(),
                },
            })
            .collect()
    }

    /// Trains the parser on the gold trees with `tags` (one per token) as its input tags.
    pub fn train_parser(
        &self,
        tags: &[Vec<u16>],
        config: &Config,
        progress: &mut dyn FnMut(&str),
    ) -> Model {
        self.train_parser_from(tags, config, None, progress, None)
            .expect("training from scratch has nothing to mismatch")
    }

    /// [`Prepared::train_parser`], for a beam parser optionally going on from `start`'s
    /// weights (a warm start, e.g. from the greedy parser), with `after_epoch` given the
    /// averaged, pruned model after each epoch (to measure it). An error when `start` does
    /// not score these moves, or when either is asked of the greedy parser's training.
    ///
    /// With `config.parser_seeds` above 1 the parsers of each seed (all from `start`) are
    /// trained one after another and averaged; per-epoch models are then refused (whose
    /// epoch would they be?).
    pub fn train_parser_from(
        &self,
        tags: &[Vec<u16>],
        config: &Config,
        start: Option<&Model>,
        progress: &mut dyn FnMut(&str),
        after_epoch: Option<&mut AfterEpoch>,
    ) -> Result<Model, String> {
        if config.parser_seeds <= 1 {
            return self.train_one_parser(tags, config, start, progress, after_epoch);
        }
        if after_epoch.is_some() {
            return Err("per-epoch models need a single parser seed".into());
        }
        let mut parsers = Vec::with_capacity(config.parser_seeds);
        for seed in (config.seed..).take(config.parser_seeds) {
            progress(&format!("parser seed {seed}"));
            let one = Config { seed, ..*config };
            parsers.push(self.train_one_parser(tags, &one, start, progress, None)?);
        }
        let parsers: Vec<&Model> = parsers.iter().collect();
        let mean = Model::mean(&parsers)
            .map_err(|e| e.to_string())?
            .pruned(config.prune_parser);
        progress(&format!(
            "parser, the mean of {} seeds: {} features, {} weights",
            parsers.len(),
            mean.n_features(),
            mean.n_weights()
        ));
        Ok(mean)
    }

    /// One parser, trained with `config.seed` (see [`Prepared::train_parser_from`]).
    fn train_one_parser(
        &self,
        tags: &[Vec<u16>],
        config: &Config,
        start: Option<&Model>,
        progress: &mut dyn FnMut(&str),
        mut after_epoch: Option<&mut AfterEpoch>,
    ) -> Result<Model, String> {
        let examples = self.parser_examples(tags);
        let transitions = Transitions {
            n_labels: self.labels.len(),
            templates: config.parser_templates,
        };
        if config.beam <= 1 && (start.is_some() || after_epoch.is_some()) {
            return Err("a warm start and per-epoch models need a beam (width > 1)".into());
        }
        if config.beam > 1 && !self.silver.is_empty() {
            return Err("silver trees train the greedy parser only (no beam)".into());
        }
        let mut on_epoch = |epoch| progress(&format!("parser epoch {epoch}"));
        let model = if config.beam > 1 {
            let trainer = match start {
                Some(model) if model.n_classes() != transitions.n_classes() => {
                    return Err(format!(
                        "the starting parser scores {} moves, these labels make {}",
                        model.n_classes(),
                        transitions.n_classes()
                    ))
                }
                Some(model) => Trainer::from_model(model),
                None => Trainer::new(transitions.n_classes()),
            };
            let mut each_epoch = |epoch, trainer: &Trainer| {
                on_epoch(epoch);
                if let Some(hear) = after_epoch.as_deref_mut() {
                    hear(epoch, &trainer.averaged(config.prune_parser));
                }
            };
            beam::train_from(
                trainer,
                &examples,
                transitions,
                beam::Training {
                    beam: beam::Beam {
                        width: config.beam,
                        margin: config.beam_margin,
                    },
                    early: config.beam_early_update,
                },
                config.parser_epochs,
                config.seed,
                &mut each_epoch,
            )
            .finish(config.prune_parser)
        } else {
            let silver = Silver {
                examples: &self.silver,
                per_epoch: config.silver_per_epoch,
            };
            parser::train_with_silver(
                &examples,
                silver,
                transitions,
                config.parser_epochs,
                config.seed,
                config.explore,
                config.prune_parser,
                &mut on_epoch,
            )
        };
        progress(&format!(
            "parser: {} features, {} weights",
            model.n_features(),
            model.n_weights()
        ));
        Ok(model)
    }

    /// Trains the second-pass labeller on the gold trees with `tags` as input tags (none
    /// when `config.labeller_epochs` is 0).
    pub fn train_labeller(
        &self,
        tags: &[Vec<u16>],
        config: &Config,
        progress: &mut dyn FnMut(&str),
    ) -> Option<Labeller> {
        if config.labeller_epochs == 0 {
            return None;
        }
        let examples: Vec<_> = self
            .parser_examples(tags)
            .into_iter()
            .map(|e| (e.tokens, e.gold))
            .collect();
        let model = labeller::train(
            &examples,
            self.labels.len(),
            config.labeller_epochs,
            config.seed,
            config.prune_parser,
        );
        progress(&format!(
            "labeller: {} features, {} weights",
            model.n_features(),
            model.n_weights()
        ));
        Some(Labeller {
            model,
            parser_weight: config.labeller_parser_weight,
        })
    }
}

/// Trains tagger, parser and lemmatizer; `progress` hears what is going on.
pub fn train(treebank: &[Sentence], config: Config, progress: &mut dyn FnMut(&str)) -> Syntax {
    train_with_silver(treebank, &[], config, progress)
        .expect("without silver trees there is nothing to mismatch")
}

/// [`train`], the greedy parser also learning from `silver` trees (see
/// [`Prepared::add_silver`]; the tagger, the jackknifed tags and the lemmatizer learn from
/// `treebank` alone). An error when a silver sentence does not fit the treebank's tags and
/// labels, or with a beam.
pub fn train_with_silver(
    treebank: &[Sentence],
    silver: &[Sentence],
    config: Config,
    progress: &mut dyn FnMut(&str),
) -> Result<Syntax, String> {
    let mut prepared = Prepared::new(treebank, config.tokens);
    if !silver.is_empty() {
        if config.beam > 1 {
            return Err("silver trees train the greedy parser only (no beam)".into());
        }
        let n = prepared.add_silver(silver)?;
        progress(&format!(
            "{n} silver sentences, {} an epoch",
            config.silver_per_epoch.min(n)
        ));
    }
    progress(&format!(
        "{} sentences, {} tokens, {} tag classes, {} labels",
        prepared.sentences.len(),
        prepared.tagged.iter().map(Vec::len).sum::<usize>(),
        prepared.tag_names.len(),
        prepared.labels.len()
    ));
    let tagger_model = tagger::train(
        &prepared.tagged,
        prepared.tag_names.len(),
        config.tagger_epochs,
        config.seed,
        config.prune_tagger,
    );
    progress(&format!(
        "tagger: {} features, {} weights",
        tagger_model.n_features(),
        tagger_model.n_weights()
    ));
    let tags = prepared.jackknife_tags(&config, &tagger_model);
    progress(&format!(
        "{} jackknife tagger(s) trained",
        config.jackknife.max(1)
    ));
    let parser_model = prepared.train_parser_from(&tags, &config, None, progress, None)?;
    let labeller = prepared.train_labeller(&tags, &config, progress);
    let lemmatizer = Lemmatizer::learn(
        prepared
            .sentences
            .iter()
            .flatten()
            .map(|t| (t.form.as_str(), t.xpos.as_str(), t.lemma.as_str())),
    );
    Ok(Syntax {
        models: Models {
            tags: prepared.tag_names,
            labels: prepared.labels,
            tagger: tagger_model,
            parser: parser_model,
            labeller,
            beam: config.beam.max(1) as u32,
            beam_margin: config.beam_margin,
            parser_templates: config.parser_templates,
        },
        lemmatizer,
    })
}

/// Accuracy figures over every token (punctuation included, as in the CoNLL 2018 shared task).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// How many tokens were scored.
    pub tokens: usize,
    /// Universal POS accuracy.
    pub upos: f64,
    /// Penn tag accuracy.
    pub xpos: f64,
    /// Lemma accuracy.
    pub lemma: f64,
    /// Unlabelled attachment score: head right.
    pub uas: f64,
    /// Head and full label (with subtypes such as `nsubj:pass`) right.
    pub las: f64,
    /// Head and universal label right (subtypes ignored, as in the CoNLL 2018 shared task).
    pub las_universal: f64,
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} tokens: UPOS {:.4}  tag {:.4}  lemma {:.4}  UAS {:.4}  LAS {:.4} (universal labels {:.4})",
            self.tokens, self.upos, self.xpos, self.lemma, self.uas, self.las, self.las_universal
        )
    }
}

/// Scores `syntax` on `treebank` seen through `tokens` (Words or Crosswire).
pub fn evaluate(syntax: &Syntax, treebank: &[Sentence], tokens: Tokens) -> Scores {
    let mut counts = [0usize; 7];
    let universal = |label: &str| label.split(':').next().unwrap_or("").to_string();
    for gold in tokens.sentences(treebank) {
        let inputs: Vec<TokenInput> = gold.iter().map(input).collect();
        for (g, p) in gold.iter().zip(syntax.analyse(&inputs)) {
            let head_ok = g.head == p.head;
            let hits = [
                true,
                g.upos == p.pos,
                g.xpos == p.tag,
                g.lemma == p.lemma,
                head_ok,
                head_ok && g.deprel == p.dep,
                head_ok && universal(&g.deprel) == universal(p.dep),
            ];
            for (c, hit) in counts.iter_mut().zip(hits) {
                *c += hit as usize;
            }
        }
    }
    let share = |i: usize| counts[i] as f64 / counts[0].max(1) as f64;
    Scores {
        tokens: counts[0],
        upos: share(1),
        xpos: share(2),
        lemma: share(3),
        uas: share(4),
        las: share(5),
        las_universal: share(6),
    }
}
