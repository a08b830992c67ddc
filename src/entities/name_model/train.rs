//! Training the name model on CoNLL-2003: each document is tokenized and featurised exactly
//! as crosswire does at run time (`TextLayer::analyse`, the entity `Features`, the language's
//! lexicons), its gold names are projected onto those tokens as BILOU tags, and the averaged
//! perceptron learns from greedy left-to-right passes over the documents in a seeded shuffled
//! order. Everything is single-threaded but the featurising, so a seed fixes the model.

use rayon::prelude::*;

use crate::entities::features::Features;
use crate::lang::Language;
use crate::syntax::hashing::SplitMix64;
use crate::syntax::perceptron::{Model, Trainer};
use crate::text::tokens::Token;
use crate::text::TextLayer;

use super::conll;
use super::decode::Decoder;
use super::eval::{kind_of, Scores};
use super::features::StaticFeatures;
use super::features::{Cached, Document};
use super::tags::{spans_of, tags_of, Kind, Tag, TokenSpan, N_TAGS};
use super::NameModel;
use crate::entities::tagger::{rule_candidates, tag_with};

/// One featurised document with its gold tags.
pub struct Example {
    pub(crate) features: Cached,
    pub(crate) gold: Vec<Tag>,
    /// Token byte spans, to turn predicted token spans back into text spans.
    pub(crate) tokens: Vec<(u32, u32)>,
    pub(crate) names: Vec<(u32, u32, Kind)>,
}

impl Example {
    /// How many tokens the document has.
    pub fn n_tokens(&self) -> usize {
        self.gold.len()
    }
}

/// The tokens each name covers: from the token holding its first byte to the one holding its
/// last (on CoNLL text, crosswire's tokens never cross a name's edge, so this is exact).
pub(crate) fn project(tokens: &[Token], names: &[conll::Name]) -> Vec<TokenSpan> {
    names
        .iter()
        .filter_map(|n| {
            let first = tokens.partition_point(|t| t.end <= n.start);
            let end = tokens.partition_point(|t| t.start < n.end);
            (first < end).then_some(TokenSpan {
                first,
                end,
                kind: n.kind,
            })
        })
        .collect()
}

/// One document read as crosswire reads an article in `language`, with its gold tags.
pub fn example(doc: &conll::Document, language: &Language) -> Example {
    let lexicon = &language.names;
    let layer = TextLayer::analyse(&doc.text, 0, language);
    let f = Features::new(
        &doc.text,
        &layer.tokens,
        &layer.sentences,
        &layer.boilerplate,
        lexicon,
    );
    let matches = lexicon.gazetteer.find_all(&f);
    let rules = rule_candidates(&f, lexicon, language, &matches, &layer.tokens, None);
    let spans = project(&layer.tokens, &doc.names);
    Example {
        features: Document::new(&f, lexicon, &matches, &rules).cached(),
        gold: tags_of(&spans, layer.tokens.len()),
        tokens: layer.tokens.iter().map(|t| (t.start, t.end)).collect(),
        names: doc.names.iter().map(|n| (n.start, n.end, n.kind)).collect(),
    }
}

/// Featurises documents in parallel (order kept).
pub fn examples(docs: &[conll::Document], language: &Language) -> Vec<Example> {
    docs.par_iter().map(|d| example(d, language)).collect()
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Passes over the training documents.
    pub epochs: usize,
    /// Seeds the order of the documents in each pass.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model file.
    pub min_weight: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 12,
            seed: 1,
            min_weight: 0.0,
        }
    }
}

/// Trains on `examples`; `after_epoch(epoch, trainer)` is called after each pass (to report).
pub fn train(
    examples: &[Example],
    settings: Settings,
    mut after_epoch: impl FnMut(usize, &Trainer),
) -> Model {
    let mut trainer = Trainer::new(N_TAGS);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix64::new(settings.seed);
    let mut scores = Vec::with_capacity(N_TAGS);
    for epoch in 0..settings.epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let ex = &examples[d];
            let tokens = ex.features.tokens();
            let mut decoder = Decoder::new(tokens);
            for i in 0..ex.gold.len() {
                if decoder.forced_outside(tokens, i) {
                    decoder.advance(tokens, i, Tag::OUTSIDE);
                    continue;
                }
                decoder.prepare(&ex.features, i);
                trainer.scores(decoder.features(), &mut scores);
                let (guess, _) = decoder.choose(&scores, i + 1 == ex.gold.len());
                trainer.update(decoder.features(), ex.gold[i].class(), guess.class());
                decoder.advance(tokens, i, guess);
            }
        }
        after_epoch(epoch, &trainer);
    }
    trainer.finish(settings.min_weight)
}

/// Exact-span scores of the whole entity tagger (rules, lexicons and `names`, or the rules
/// alone) on CoNLL documents, its labels mapped to CoNLL kinds.
pub fn evaluate_tagger(
    docs: &[conll::Document],
    language: &Language,
    names: Option<&NameModel>,
) -> Scores {
    let per_doc: Vec<Vec<(u32, u32, Kind)>> = docs
        .par_iter()
        .map(|d| {
            let layer = TextLayer::analyse(&d.text, 0, language);
            tag_with(&d.text, &layer, &language.names, language, names, None)
                .into_iter()
                .filter_map(|m| Some((m.start, m.end, kind_of(m.label)?)))
                .collect()
        })
        .collect();
    let mut scores = Scores::default();
    for (d, predicted) in docs.iter().zip(&per_doc) {
        let gold: Vec<_> = d.names.iter().map(|n| (n.start, n.end, n.kind)).collect();
        scores.add(&gold, predicted);
    }
    scores
}

/// Exact-span scores of `score` (a model's scoring function) on `examples`.
pub fn evaluate(examples: &[Example], score: impl Fn(&[u64], &mut Vec<f32>) + Sync) -> Scores {
    let per_doc: Vec<Vec<(u32, u32, Kind)>> = examples
        .par_iter()
        .map(|ex| {
            let (tags, _) = super::decode::decode(&ex.features, &score);
            spans_of(&tags)
                .into_iter()
                .map(|s| (ex.tokens[s.first].0, ex.tokens[s.end - 1].1, s.kind))
                .collect()
        })
        .collect();
    let mut scores = Scores::default();
    for (ex, predicted) in examples.iter().zip(&per_doc) {
        scores.add(&ex.names, predicted);
    }
    scores
}
