//! The aligner's word lists (`lang/<language>/align/`), parsed once per language:
//! stopwords, paraphrase groups, event classes, metonyms, word weights (idf), the scorer's
//! weights and the learned word weights.

use super::model::Weights;
use super::represent::NEGATIONS;
use super::stem::stem;
use crate::lang::lines::{Files, ListError, ListFile, Problems};
use crate::lang::List;
// Lookups only (nothing iterates these to produce output): a word hash, not SipHash.
use crate::syntax::hashing::{WordMap, WordSet};
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug)]
pub struct AlignLexicon {
    pub stopwords: WordSet<String>,
    idf: WordMap<String, f32>,
    pub unseen_idf: f32,
    /// Stemmed word sequences → paraphrase group index (the first group listing it).
    pub phrases: WordMap<Vec<String>, u32>,
    /// Stemmed word sequences listed by more than one group → the groups after the first
    /// (`abandon`: `=flee` first, then `=abandon`): matched by either (`regroup`).
    pub also: WordMap<Vec<String>, Vec<u32>>,
    /// The keys (`=group`) of the first groups of the phrases in `also`: only a term with
    /// one of these may be keyed otherwise for a pair.
    pub ambiguous: WordSet<String>,
    pub longest_phrase: usize,
    /// First stem of a phrase → the longest phrase starting with it: `normalize::terms`
    /// looks up only the lengths that can match (one lookup for most words, not one per
    /// length up to `longest_phrase`).
    pub longest_from: WordMap<String, usize>,
    pub group_names: Vec<String>,
    /// Term key (stem or `=group`) → event class index.
    pub events: WordMap<String, u16>,
    pub event_names: Vec<String>,
    /// Term keys of symmetric predicates (`symmetric.txt`).
    pub symmetric: WordSet<String>,
    /// Prepositions whose named object is a participant (`participant_cases.txt`).
    pub participant_cases: WordSet<String>,
    /// Indefinite pronouns, lower-cased (`indefinites.txt`): a filler headed by one is
    /// no known participant (`restarting anything` / `restart their efforts`).
    pub indefinites: WordSet<String>,
    /// Nouns that name a doing, lower-cased (`activity_heads.txt`): two fillers headed by
    /// two of them are told apart only by the words beside their heads.
    pub activity_heads: WordSet<String>,
    /// Role head nouns, lower-cased, → the paraphrase group key they join as a filler's
    /// head (`role_heads.txt`: `forces` → `=soldier`).
    pub role_heads: WordMap<String, String>,
    /// Stems of the demonstratives and of the nouns by which a sentence points at the
    /// article itself (`self_reference.txt`: `these stories`).
    pub self_reference: (WordSet<String>, WordSet<String>),
    /// Words that tell claims of one kind apart (`told_apart.txt`, read by `apart`).
    pub told_apart: ToldApart,
    pub metonyms: WordMap<String, String>,
    /// The scorer's weights and thresholds, from `weights.txt`.
    pub weights: Weights,
    /// Word key → its id, an index into `word_weights`.
    word_ids: WordMap<String, u32>,
    /// (weight when both sides say it, weight when one side only), from `word_weights.txt`.
    word_weights: Vec<(f32, f32)>,
    /// Stems of the negation words, as they appear in `ClaimView::sequence`.
    pub negation_stems: Vec<String>,
    /// This lexicon among those of the process (`word_facts` keeps facts for one).
    pub(super) id: u64,
}

/// The words of `told_apart.txt`, lower-cased: ordinals as written, the others as stems
/// (`ClaimView::sequence` holds stems).
#[derive(Debug, Default)]
pub struct ToldApart {
    /// Each spelling of an ordinal → its value (`third`, `3rd` → 3).
    pub ordinals: WordMap<String, u8>,
    pub expectations: WordSet<String>,
    /// Words before an expectation word that make it no expectation (`as expected`).
    pub not_after: WordSet<String>,
    /// Words before a figure that make it a change (`rose`, `by`) or a level (`to`, `at`),
    /// and those passed over to find them (`a revised`), as written (`measures`).
    pub change: WordSet<String>,
    pub level: WordSet<String>,
    /// Change words that move up (`rose`) or down (`fell`), as written (`moves`).
    pub rise: WordSet<String>,
    pub drop: WordSet<String>,
    pub skip: WordSet<String>,
    /// Stems that name the period a figure is measured over (`year`, `annual`).
    pub periods: WordSet<String>,
    /// Words the article calls a reported statement false with (`misleading`), as
    /// written (`voices`).
    pub disputing: WordSet<String>,
    /// Personal pronouns, as written: a claim with one may name another's person by it
    /// (`slots::rival_people`).
    pub personal: WordSet<String>,
    /// Number words, as written: a filler that is a bare count (`two runs`) is no
    /// participant known to be the other's (`relation::known_role`).
    pub count: WordSet<String>,
}

impl ToldApart {
    fn parse(files: &Files, problems: &mut Problems) -> Result<Self, ListError> {
        let mut out = ToldApart::default();
        files.get(List::ToldApart).rows(problems, |cols| {
            let words = cols[1].split_whitespace().map(str::to_lowercase);
            match cols[0].trim() {
                "ordinal" => {
                    let value = out.ordinals.values().max().map_or(1, |m| m + 1);
                    out.ordinals.extend(words.map(|w| (w, value)));
                }
                "expectation" => out.expectations.extend(words.map(|w| stem(&w))),
                "not-after" => out.not_after.extend(words.map(|w| stem(&w))),
                "change" => out.change.extend(words),
                "level" => out.level.extend(words),
                "rise" => out.rise.extend(words),
                "drop" => out.drop.extend(words),
                "skip" => out.skip.extend(words),
                "period" => out.periods.extend(words.map(|w| stem(&w))),
                "disputing" => out.disputing.extend(words),
                "personal" => out.personal.extend(words),
                "count" => out.count.extend(words),
                other => return Err(format!("unknown kind {other:?}")),
            }
            Ok(())
        })?;
        Ok(out)
    }
}

/// The comparison key of a paraphrase group.
pub fn group_key(name: &str) -> String {
    format!("={name}")
}

pub fn stems_of(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| stem(&w.to_lowercase()))
        .collect()
}

fn number<T: std::str::FromStr>(field: &str) -> Result<T, String> {
    field
        .parse()
        .map_err(|_| format!("{field:?} is not a number"))
}

impl AlignLexicon {
    pub(crate) fn parse(files: &Files, problems: &mut Problems) -> Result<Self, ListError> {
        let stopwords = files.get(List::Stopwords).entries(problems)?;
        let (idf, unseen_idf) = parse_idf(files.get(List::Idf), problems)?;
        let (phrases, also, group_names) =
            parse_paraphrases(files.get(List::Paraphrases), problems)?;
        let longest_phrase = phrases.keys().map(Vec::len).max().unwrap_or(1);
        let ambiguous = (also.keys())
            .filter_map(|k| phrases.get(k))
            .map(|&g| group_key(&group_names[g as usize]))
            .collect();
        let mut longest_from: WordMap<String, usize> = WordMap::default();
        for key in phrases.keys() {
            if let Some(first) = key.first() {
                let n = longest_from.entry(first.clone()).or_default();
                *n = (*n).max(key.len());
            }
        }
        let mut events = WordMap::default();
        let mut event_names = Vec::new();
        files.get(List::Events).rows(problems, |cols| {
            let class = event_names.len() as u16;
            event_names.push(cols[0].to_owned());
            for w in cols[1].split_whitespace() {
                let key = match phrases.get(&stems_of(w)) {
                    Some(&g) => group_key(&group_names[g as usize]),
                    None => stem(w),
                };
                events.entry(key).or_insert(class);
            }
            Ok(())
        })?;
        let mut symmetric = WordSet::default();
        for w in files.get(List::Symmetric).entries(problems)? {
            symmetric.insert(match phrases.get(&stems_of(w)) {
                Some(&g) => group_key(&group_names[g as usize]),
                None => stem(w),
            });
        }
        let participant_cases = (files.get(List::ParticipantCases).entries(problems)?)
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        let indefinites = (files.get(List::Indefinites).entries(problems)?)
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        let activity_heads = (files.get(List::ActivityHeads).entries(problems)?)
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        let mut role_heads = WordMap::default();
        files.get(List::RoleHeads).rows(problems, |cols| {
            let [group, nouns] = cols else {
                return Err("expected `group | nouns`".into());
            };
            if !group_names.iter().any(|g| g == group) {
                return Err(format!("no paraphrase group `{group}`"));
            }
            for noun in nouns.split_whitespace() {
                role_heads.insert(noun.to_lowercase(), group_key(group));
            }
            Ok(())
        })?;
        let mut self_reference = (WordSet::default(), WordSet::default());
        files.get(List::SelfReference).rows(problems, |cols| {
            let stems = |c: &str| {
                c.split_whitespace()
                    .map(|w| stem(&w.to_lowercase()))
                    .collect::<Vec<_>>()
            };
            self_reference.0.extend(stems(cols[0]));
            self_reference.1.extend(stems(cols[1]));
            Ok(())
        })?;
        let told_apart = ToldApart::parse(files, problems)?;
        let mut metonyms = WordMap::default();
        files.get(List::Metonyms).rows(problems, |cols| {
            metonyms.insert(cols[0].to_owned(), cols[1].to_owned());
            Ok(())
        })?;
        let weights = Weights::parse(files.get(List::Weights), problems)?;
        let mut word_ids = WordMap::default();
        let mut word_weights = Vec::new();
        files.get(List::WordWeights).rows(problems, |cols| {
            let weights = (number(cols[1])?, number(cols[2])?);
            word_ids.insert(cols[0].to_owned(), word_weights.len() as u32);
            word_weights.push(weights);
            Ok(())
        })?;
        Ok(AlignLexicon {
            word_ids,
            word_weights,
            stopwords: stopwords.into_iter().map(str::to_owned).collect(),
            idf,
            unseen_idf,
            phrases,
            also,
            ambiguous,
            longest_phrase,
            longest_from,
            group_names,
            events,
            event_names,
            symmetric,
            participant_cases,
            indefinites,
            activity_heads,
            role_heads,
            self_reference,
            told_apart,
            metonyms,
            weights,
            negation_stems: NEGATIONS.iter().map(|w| stem(w)).collect(),
            id: {
                static LEXICONS: AtomicU64 = AtomicU64::new(1);
                LEXICONS.fetch_add(1, Ordering::Relaxed)
            },
        })
    }

    pub fn idf(&self, lower: &str) -> f32 {
        self.idf.get(lower).copied().unwrap_or(self.unseen_idf)
    }

    /// The id of a word key with a learned weight.
    pub fn word_id(&self, key: &str) -> Option<u32> {
        self.word_ids.get(key).copied()
    }

    /// What a word key (by id) tells about a pair, said by both sides (`shared`) or by one.
    pub fn word_weight(&self, id: u32, shared: bool) -> f32 {
        let (s, o) = self.word_weights[id as usize];
        if shared {
            s
        } else {
            o
        }
    }

    /// An entity id as compared: a capital standing for its country counts as the country.
    pub fn entity_key<'a>(&'a self, id: &'a str) -> &'a str {
        self.metonyms.get(id).map_or(id, String::as_str)
    }
}

/// Word → idf, and the weight of a word the list does not have.
fn parse_idf(
    file: ListFile,
    problems: &mut Problems,
) -> Result<(WordMap<String, f32>, f32), ListError> {
    let mut idf = WordMap::default();
    let mut unseen = 0.0f32;
    file.rows(problems, |cols| {
        let v: f32 = number(cols[1])?;
        unseen = unseen.max(v);
        idf.insert(cols[0].to_owned(), v);
        Ok(())
    })?;
    // A word seen once in the reference text is rarer than any listed one.
    Ok((idf, unseen + std::f32::consts::LN_2))
}

/// Stemmed phrase → group index, the later groups of phrases listed more than once, and
/// the group names (each group's first member).
type Paraphrases = (
    WordMap<Vec<String>, u32>,
    WordMap<Vec<String>, Vec<u32>>,
    Vec<String>,
);

fn parse_paraphrases(file: ListFile, problems: &mut Problems) -> Result<Paraphrases, ListError> {
    let mut phrases: WordMap<Vec<String>, u32> = WordMap::default();
    let mut also: WordMap<Vec<String>, Vec<u32>> = WordMap::default();
    let mut group_names = Vec::new();
    file.rows(problems, |cols| {
        let mut members = cols.iter().filter(|m| !m.is_empty());
        let name = members.next().ok_or("a paraphrase group needs a name")?;
        let g = group_names.len() as u32;
        group_names.push((*name).to_owned());
        for m in std::iter::once(name).chain(members) {
            // The first group to list a phrase keys it (lines are read in order); a later
            // one is an alternative, matched when the other claim says that group.
            let stems = stems_of(m);
            match phrases.get(&stems) {
                None => {
                    phrases.insert(stems, g);
                }
                Some(&first) if first != g => {
                    let later = also.entry(stems).or_default();
                    if !later.contains(&g) {
                        later.push(g);
                    }
                }
                Some(_) => {}
            }
        }
        Ok(())
    })?;
    Ok((phrases, also, group_names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_parse() {
        let l = &crate::lang::Language::english().align;
        assert!(l.stopwords.contains("the"));
        assert!(l.idf("the") < l.idf("kherson"));
        let g = |p: &str| l.phrases.get(&stems_of(p)).copied();
        assert_eq!(g("civilian clothes"), g("plainclothes"));
        assert_eq!(g("deportations"), g("forced deportation"));
        assert!(l.events.contains_key(&group_key("kill")));
        assert_eq!(l.entity_key("GPE:moscow"), "GPE:russia");
        assert!(l.negation_stems.contains(&stem("never")));
    }
}
