//! The scorer's model, defined once: the pair features (their names and order), the
//! claim-overlap facts, the scalar weights, and the parser of `align/weights.txt`, which
//! fails on a missing, unknown or repeated name. Scores index the weights by feature; no
//! name is looked up on the hot path.

use std::ops::{Index, IndexMut};

use crate::lang::lines::{ListError, ListFile, Problems};

/// Defines an enum of named items with `ALL` (in order: `item as usize` indexes it),
/// `name` and `parse`.
macro_rules! named {
    ($(#[doc = $what:literal])* $enum:ident { $($(#[doc = $doc:literal])* $item:ident = $name:literal,)* }) => {
        $(#[doc = $what])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $enum {
            $($(#[doc = $doc])* $item,)*
        }

        impl $enum {
            /// Every item, in order.
            pub const ALL: [$enum; [$($name),*].len()] = [$($enum::$item),*];

            /// The name `weights.txt` (and `compare_features`) use.
            pub fn name(self) -> &'static str {
                match self {
                    $($enum::$item => $name,)*
                }
            }

            /// The item of that name.
            pub fn parse(name: &str) -> Option<$enum> {
                $enum::ALL.into_iter().find(|item| item.name() == name)
            }
        }
    };
}

named! {
    /// A pair feature: a number that says how alike two claims are, or how they differ.
    Feature {
        /// Shared plain words over all plain words.
        PlainJaccard = "plain_jaccard",
        /// Shared plain words over the shorter side's.
        PlainCover = "plain_cover",
        /// Term weight (idf) one side says and the other does not: the larger side.
        UnmatchedMax = "unmatched_max",
        /// The same, the smaller side.
        UnmatchedMin = "unmatched_min",
        /// Terms one side says and the other does not: the larger count.
        UnmatchedTermsMax = "unmatched_terms_max",
        /// The same, the smaller count.
        UnmatchedTermsMin = "unmatched_terms_min",
        /// Dice coefficient of stem trigrams.
        TrigramDice = "trigram_dice",
        /// Dice coefficient of term weights.
        ContentDice = "content_dice",
        /// Shared term weight over the lighter side's.
        ContentCover = "content_cover",
        /// Shared terms over all terms.
        TermJaccard = "term_jaccard",
        /// Dice coefficient of stem bigrams.
        BigramDice = "bigram_dice",
        /// Longest common stem subsequence over the shorter side.
        Order = "order",
        /// Shared entities over all entities.
        EntityJaccard = "entity_jaccard",
        /// Entities one side names and the other does not, over all entities.
        EntityUnmatched = "entity_unmatched",
        /// Both sides give a figure of one count (1 or 0).
        FigureShared = "figure_shared",
        /// Figures without a match on the other side, over all figures.
        FigureUnmatched = "figure_unmatched",
        /// The sides give incompatible figures of one count (1 or 0).
        FigureClash = "figure_clash",
        /// The sides name a common event class (1 or 0).
        EventMatch = "event_match",
        /// Both sides name event classes, none in common (1 or 0); a rule, see `is_rule`.
        EventClash = "event_clash",
        /// One side is negative, the other not (1 or 0).
        NegationClash = "negation_clash",
        /// Counts about different times (1 or 0); a rule, see `is_rule`.
        TimeClash = "time_clash",
        /// The shorter side's word count over the longer's.
        LengthRatio = "length_ratio",
        /// Numbers without an equal or near number on the other side: the larger side.
        NumberUnmatchedMax = "number_unmatched_max",
        /// The same, the smaller side.
        NumberUnmatchedMin = "number_unmatched_min",
        /// Numbers with only a near number on the other side: the larger side.
        NumberNearMax = "number_near_max",
        /// The same, the smaller side.
        NumberNearMin = "number_near_min",
        /// Names inside the claim that the other side lacks: the larger side.
        NameUnmatchedMax = "name_unmatched_max",
        /// The same, the smaller side.
        NameUnmatchedMin = "name_unmatched_min",
        /// Stopwords the other side lacks: the larger side.
        StopwordUnmatchedMax = "stopword_unmatched_max",
        /// The same, the smaller side.
        StopwordUnmatchedMin = "stopword_unmatched_min",
        /// Cosine of character trigram counts.
        CharTrigramCosine = "char_trigram_cosine",
    }
}

named! {
    /// A fact of the claim-overlap score (`Features::overlap_score`), weighted by hand.
    Overlap {
        /// Shared term weight over the lighter side's.
        Cover = "overlap_cover",
        /// Shared term weight, capped.
        SharedWeight = "overlap_shared_weight",
        /// Both sides give a figure of one count.
        FigureShared = "overlap_figure_shared",
        /// Both sides have the same speaker.
        SameSpeaker = "overlap_same_speaker",
    }
}

named! {
    /// A weight of `weights.txt` that belongs to no feature.
    Scalar {
        /// The logit's intercept.
        Bias = "bias",
        /// The claim-overlap score's intercept.
        OverlapBias = "overlap_bias",
        /// Score at or above which two claims state the same proposition.
        Threshold = "threshold",
        /// Score at or above which a pair is listed as related.
        Related = "related",
        /// Topic score at or above which claims that clash (figures, polarity) conflict.
        Conflict = "conflict",
    }
}

impl Feature {
    /// Exclusion rules (relation.rs), not evidence of likeness: left out of the fitted logit,
    /// weighted by hand in `overlap_score` only.
    pub fn is_rule(self) -> bool {
        matches!(self, Feature::TimeClash | Feature::EventClash)
    }

    /// Features that say two claims clash rather than differ: left out of the score that
    /// decides whether a clashing pair is about the same proposition.
    pub fn is_clash(self) -> bool {
        matches!(self, Feature::FigureClash | Feature::NegationClash)
    }
}

/// Defines `$values`, one number per item of `$enum`, indexed by the item.
macro_rules! values {
    ($(#[doc = $doc:literal])* $values:ident, $enum:ident) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct $values(pub [f64; $enum::ALL.len()]);

        impl Default for $values {
            fn default() -> Self {
                $values([0.0; $enum::ALL.len()])
            }
        }

        impl Index<$enum> for $values {
            type Output = f64;
            fn index(&self, item: $enum) -> &f64 {
                &self.0[item as usize]
            }
        }

        impl IndexMut<$enum> for $values {
            fn index_mut(&mut self, item: $enum) -> &mut f64 {
                &mut self.0[item as usize]
            }
        }
    };
}

values!(
    /// A value per `Feature`.
    FeatureValues,
    Feature
);
values!(
    /// A value per `Overlap` fact.
    OverlapValues,
    Overlap
);
values!(
    /// A value per `Scalar`.
    ScalarValues,
    Scalar
);

/// The weights of `weights.txt`: one per feature, per overlap fact and per scalar.
#[derive(Debug, Clone)]
pub struct Weights {
    pub features: FeatureValues,
    pub overlap: OverlapValues,
    scalars: ScalarValues,
}

impl Weights {
    pub fn scalar(&self, s: Scalar) -> f64 {
        self.scalars[s]
    }

    /// Reads `name value` lines. Every feature, overlap fact and scalar must have its line,
    /// once; an unknown name is an error (a misspelt weight would otherwise count as zero).
    pub(crate) fn parse(file: ListFile, problems: &mut Problems) -> Result<Weights, ListError> {
        let mut weights = Weights {
            features: FeatureValues::default(),
            overlap: OverlapValues::default(),
            scalars: ScalarValues::default(),
        };
        let mut seen: Vec<&str> = Vec::new();
        file.rows(problems, |fields| {
            let [name, value] = fields else {
                return Err("expected `name value`".into());
            };
            let value: f64 = value
                .parse()
                .map_err(|_| format!("the weight {value:?} is not a number"))?;
            let slot = if let Some(f) = Feature::parse(name) {
                &mut weights.features[f]
            } else if let Some(o) = Overlap::parse(name) {
                &mut weights.overlap[o]
            } else if let Some(s) = Scalar::parse(name) {
                &mut weights.scalars[s]
            } else {
                return Err(format!("unknown weight {name:?}"));
            };
            if seen.contains(name) {
                return Err(format!("{name:?} is weighted twice"));
            }
            seen.push(name);
            *slot = value;
            Ok(())
        })?;
        let names = Feature::ALL.map(Feature::name);
        let missing: Vec<&str> = (names.iter())
            .chain(&Overlap::ALL.map(Overlap::name))
            .chain(&Scalar::ALL.map(Scalar::name))
            .filter(|name| !seen.contains(name))
            .copied()
            .collect();
        if !missing.is_empty() {
            let message = format!("no weight for {}", missing.join(", "));
            problems.report(ListError::new(file.source(), 0, message))?;
        }
        Ok(weights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{List, Strictness};

    fn parse(text: &'static str) -> Result<Weights, ListError> {
        let file = ListFile {
            folder: "xx",
            list: List::Weights,
            text,
        };
        Weights::parse(file, &mut Problems::new(Strictness::Strict))
    }

    fn every_weight() -> String {
        let mut lines: Vec<String> = Feature::ALL
            .iter()
            .map(|f| format!("{} 1.5", f.name()))
            .collect();
        lines.extend(Overlap::ALL.iter().map(|o| format!("{} 2", o.name())));
        lines.extend(Scalar::ALL.iter().map(|s| format!("{} 0.25", s.name())));
        lines.join("\n")
    }

    fn leak(s: String) -> &'static str {
        Box::leak(s.into_boxed_str())
    }

    #[test]
    fn names_and_indices_follow_the_definition() {
        for (i, f) in Feature::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
            assert_eq!(Feature::parse(f.name()), Some(*f));
        }
        assert_eq!(Feature::ALL.len(), 31);
        assert_eq!(Feature::parse("time_clash"), Some(Feature::TimeClash));
        assert_eq!(Feature::parse("time clash"), None);
        let rules: Vec<Feature> = Feature::ALL.into_iter().filter(|f| f.is_rule()).collect();
        assert_eq!(rules, [Feature::EventClash, Feature::TimeClash]);
    }

    #[test]
    fn every_weight_is_read_into_its_slot() {
        let w = parse(leak(every_weight())).unwrap();
        assert_eq!(w.features[Feature::Order], 1.5);
        assert_eq!(w.overlap[Overlap::SameSpeaker], 2.0);
        assert_eq!(w.scalar(Scalar::Threshold), 0.25);
    }

    #[test]
    fn a_misspelt_missing_or_repeated_weight_is_an_error() {
        let misspelt = leak(every_weight().replace("order 1.5", "ordre 1.5"));
        let err = parse(misspelt).unwrap_err();
        assert!(err.message.contains("unknown weight \"ordre\""), "{err}");
        assert!(err.line > 0);
        let missing = leak(every_weight().replace("\nconflict 0.25", ""));
        let err = parse(missing).unwrap_err();
        assert_eq!(
            err.to_string(),
            "xx/align/weights.txt: no weight for conflict"
        );
        let twice = leak(format!("{}\nbias 1", every_weight()));
        assert!(parse(twice).unwrap_err().message.contains("weighted twice"));
    }

    #[test]
    fn english_weights_are_complete() {
        let w = &crate::lang::Language::english().align.weights;
        assert!(w.scalar(Scalar::Threshold) > 0.0 && w.scalar(Scalar::Threshold) < 1.0);
        assert!(w.features[Feature::TimeClash] < 0.0);
    }
}
