//! A claim as the aligner compares it: content terms, entity ids, figures with bounds,
//! time, event classes, speaker and polarity. Built from the stages before (tokens,
//! mentions, figures, dates, claims), never from raw text alone.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use super::figures::FigureValue;
use super::frames::FrameView;
use super::lexicon::AlignLexicon;
use super::normalize::{terms_of_facts, Term};
use super::time::TimeScope;
use super::word_facts::{self, WordFacts};

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ClaimView {
    /// Terms sorted by key, one per key (the highest weight kept).
    pub terms: Vec<Term>,
    /// Stems of all words in order (stopwords included).
    pub sequence: Vec<String>,
    /// `sequence` hashed, with its word pairs and triples: compared per pair without
    /// building sets.
    pub ngrams: SequenceIndex,
    /// Entity keys (metonyms mapped), sorted, with a name to show.
    pub entities: BTreeMap<String, String>,
    pub figures: Vec<FigureValue>,
    pub time: TimeScope,
    /// Event classes, sorted.
    pub events: Vec<u16>,
    pub speaker: Option<String>,
    pub speaker_key: Option<String>,
    /// Denied by its source, or negated in its own words (`not`, `never`).
    pub negative: bool,
    pub words: usize,
    /// Every word and number, lower-cased, sorted and deduplicated: the plain word set.
    pub plain: Vec<String>,
    /// Values of the number tokens (`1,626.49` → 1626.49), sorted.
    pub numbers: Vec<f64>,
    /// Lower-cased words written with a capital (not the first word): names, sorted,
    /// deduplicated.
    pub names: Vec<String>,
    /// Character trigrams of its words (each padded with a space either side) with their
    /// counts, sorted: spelling-level likeness (`Pravachol`/`pravastatin`, `percent`/`per cent`).
    pub char_trigrams: Vec<(u64, u32)>,
    /// The stopwords it uses, sorted, deduplicated.
    pub stopwords: Vec<String>,
    /// Whether it holds a number (word key `#`).
    pub has_number: bool,
    /// Ids (in the lexicon's word weights) of its word keys that carry a learned weight,
    /// sorted: what the scorer sums per pair (see `word_keys`).
    pub weighted: Vec<u32>,
    /// Lower-cased words of its dates and durations, sorted, deduplicated.
    pub date_words: Vec<String>,
    /// The claim's clauses, each a view of its own (empty for a one-clause claim): a
    /// long claim may carry the proposition another outlet states alone.
    pub clauses: Vec<ClaimView>,
    /// `(document, sentence)` of a corpus claim.
    pub sentence: Option<(u32, u32)>,
    /// Its frames (main predicate first), from the parse; see `frames`.
    pub frames: Vec<FrameView>,
    /// Whether it was parsed: a parsed view with no frames has no predicate to match.
    pub parsed: bool,
    /// Parsed (its language has a syntax model) and no verb found: a fragment (`Israel's
    /// settlement policy`) or a parse gone wrong, which asserts nothing a frame can check.
    #[serde(default)]
    pub verbless: bool,
    /// States a condition (`if …`), read from its words (`build::mark_conditional`); a
    /// clause carries its claim's: what follows on a condition is not what is said to happen.
    #[serde(default)]
    pub conditional: bool,
    /// For a claim about what the claim before it said (`it is mass deportations`), that
    /// claim's index in the document: the two are one statement, not two to align.
    pub refers_to: Option<u32>,
    /// For a view that took the content of the claim before it (`borrow_context`): its own
    /// term keys but names (hashed, sorted), what it says in its own words.
    #[serde(default)]
    pub own_words: Option<Vec<u64>>,
    /// The article calls this claim false where it reports it (`… repeating his false and
    /// misleading claims`): the one sign that its own figures answer the claim's (`build`).
    #[serde(default)]
    pub disputed: bool,
    /// The term keys and numbers it says only in passing about a participant (in a relative
    /// clause or an apposition, and nowhere else in it), sorted: `claims::frame` `background`.
    #[serde(default)]
    pub background: Vec<String>,
    /// Its document's story (`stories::story`): the names the document mentions most.
    #[serde(default)]
    pub story: Vec<u64>,
    /// `terms`, `plain`, `names` and `stopwords` hashed (kept in step with them).
    pub hashed: HashedWords,
}

/// A view's word lists as 64-bit hashes, sorted: a pair's overlaps are counted on these,
/// without comparing strings (most of a pair's judging time went to string comparisons).
/// Two distinct words share a hash with a chance of 2⁻⁶⁴ (as the outline's keys do).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct HashedWords {
    /// Each term's key hashed, with the term's position in `terms`.
    pub terms: Vec<(u64, u32)>,
    pub plain: Vec<u64>,
    pub names: Vec<u64>,
    pub stopwords: Vec<u64>,
    /// The Euclidean norm of `char_trigrams`' counts: the cosine of a pair reads both
    /// norms, so each view sums its own once instead of once per pair it is in.
    pub trigram_norm: f64,
}

pub(super) fn hash_word(w: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    w.hash(&mut h);
    h.finish()
}

fn hashed_set(words: &[String]) -> Vec<u64> {
    let mut v: Vec<u64> = words.iter().map(|w| hash_word(w)).collect();
    v.sort_unstable();
    v
}

fn hashed_terms<'t>(terms: impl Iterator<Item = &'t Term>) -> Vec<(u64, u32)> {
    let mut v: Vec<(u64, u32)> = terms
        .enumerate()
        .map(|(i, t)| (hash_word(&t.key), i as u32))
        .collect();
    v.sort_unstable();
    v
}

/// The Euclidean norm of a count vector, summed in its order (as `score::cosine` reads it).
pub(super) fn count_norm(v: &[(u64, u32)]) -> f64 {
    v.iter()
        .map(|(_, n)| (*n as f64).powi(2))
        .sum::<f64>()
        .sqrt()
}

/// The key standing for any number among a claim's word keys.
pub const NUMBER_KEY: &str = "#";

pub(super) const NEGATIONS: &[&str] = &[
    "not", "n't", "’t", "'t", "never", "no", "nobody", "nothing", "without",
];

/// The inputs for one claim, gathered by the caller from the stages.
pub struct ClaimParts<'a> {
    /// Lower-cased word and number tokens of the proposition, in order.
    pub words: Vec<String>,
    /// Lower-cased words of `words` written with a capital, but for the first.
    pub capitalized: Vec<String>,
    /// Lower-cased words of the dates and durations inside it.
    pub date_words: Vec<String>,
    /// `(entity id, surface)` of the mentions inside it (no dates or figures).
    pub entities: Vec<(&'a str, String)>,
    pub figures: Vec<FigureValue>,
    pub time: TimeScope,
    pub speaker: Option<String>,
    pub speaker_id: Option<&'a str>,
    pub denied: bool,
    /// Without the word-order, spelling and word-weight lists that only the paraphrase
    /// model reads (`score::features`): for a clause of a claim (`ClaimView::clauses`),
    /// judged only as a fragment on the overlap features, and for a view only outlined.
    pub lean: bool,
}

pub fn build(parts: ClaimParts<'_>, lex: &AlignLexicon) -> ClaimView {
    word_facts::with(lex, |known| {
        let ids: Vec<u32> = parts.words.iter().map(|w| known.id(w, lex)).collect();
        let facts: Vec<&WordFacts> = ids.iter().map(|&id| known.get(id)).collect();
        build_from(parts, &facts, lex)
    })
}

/// `build`, given the facts of each of `parts.words`.
fn build_from(parts: ClaimParts<'_>, facts: &[&WordFacts], lex: &AlignLexicon) -> ClaimView {
    let alpha_facts: Vec<&WordFacts> = facts.iter().copied().filter(|f| f.alpha).collect();
    let alpha: Vec<String> = (parts.words.iter().zip(facts))
        .filter(|(_, f)| f.alpha)
        .map(|(w, _)| w.clone())
        .collect();
    let sequence: Vec<String> = alpha_facts.iter().map(|f| f.stem.clone()).collect();
    let terms = one_term_a_key(terms_of_facts(&alpha, &sequence, &alpha_facts, lex));
    let mut events: Vec<u16> = (terms.iter())
        .filter_map(|t| lex.events.get(&t.key).copied())
        .collect();
    events.sort_unstable();
    events.dedup();
    let negated = facts.iter().filter(|f| f.negation).count() % 2 == 1;
    let entities = parts
        .entities
        .iter()
        .map(|(id, surface)| (lex.entity_key(id).to_owned(), surface.clone()))
        .collect();
    let has_number = alpha.len() < parts.words.len();
    let mut numbers: Vec<f64> = parts.words.iter().filter_map(|w| number_value(w)).collect();
    numbers.sort_by(f64::total_cmp);
    let mut date_words = parts.date_words;
    date_words.sort_unstable();
    date_words.dedup();
    let mut names = parts.capitalized;
    names.sort_unstable();
    names.dedup();
    let (stopwords, stopword_hashes) = sorted_with_hashes(
        (parts.words.iter().zip(facts))
            .filter(|(_, f)| f.stopword)
            .map(|(w, f)| (w.clone(), f.word_hash))
            .collect(),
    );
    let stem_hashes: Vec<u64> = alpha_facts.iter().map(|f| f.stem_hash).collect();
    let word_hashes: Vec<u64> = facts.iter().map(|f| f.word_hash).collect();
    let whole = !parts.lean;
    let mut view = ClaimView {
        char_trigrams: if whole {
            char_trigrams(&parts.words)
        } else {
            Vec::new()
        },
        numbers,
        names,
        date_words,
        stopwords,
        weighted: if whole {
            weighted_ids(&sequence, &alpha_facts, has_number, lex)
        } else {
            Vec::new()
        },
        has_number,
        ngrams: if whole {
            SequenceIndex::of_hashes(stem_hashes)
        } else {
            SequenceIndex {
                stems: stem_hashes,
                ..SequenceIndex::default()
            }
        },
        sequence,
        terms,
        entities,
        figures: parts.figures,
        time: parts.time,
        events,
        speaker_key: parts.speaker_id.map(|s| lex.entity_key(s).to_owned()),
        speaker: parts.speaker,
        negative: parts.denied != negated,
        words: parts.words.len(),
        // The last use of the words: moved, not copied (with their hashes, `hashed.plain`).
        plain: parts.words,
        clauses: Vec::new(),
        sentence: None,
        frames: Vec::new(),
        parsed: false,
        verbless: false,
        conditional: false,
        disputed: false,
        refers_to: None,
        own_words: None,
        background: Vec::new(),
        story: Vec::new(),
        hashed: HashedWords::default(),
    };
    let (plain, plain_hashes) = sorted_with_hashes(view.plain.drain(..).zip(word_hashes).collect());
    view.plain = plain;
    view.hashed.plain = plain_hashes;
    view.hashed.stopwords = stopword_hashes;
    view.hashed.names = hashed_set(&view.names);
    view.hashed.trigram_norm = count_norm(&view.char_trigrams);
    view.with_hashed_terms()
}

/// Words with their hashes (`hash_word`), the words sorted and deduplicated and the
/// hashes of those sorted: the list and its `hashed_set`.
fn sorted_with_hashes(mut words: Vec<(String, u64)>) -> (Vec<String>, Vec<u64>) {
    words.sort_by(|a, b| a.0.cmp(&b.0));
    words.dedup_by(|a, b| a.0 == b.0);
    let (words, mut hashes): (Vec<String>, Vec<u64>) = words.into_iter().unzip();
    hashes.sort_unstable();
    (words, hashes)
}

/// `terms` sorted by key, one a key: of a key's terms the first with the highest weight
/// (a later one replaces the kept one only when it weighs more), as a map from key to term
/// filled in order would keep, without a map node and a copy of the key per term.
pub(super) fn one_term_a_key(mut terms: Vec<Term>) -> Vec<Term> {
    // Stable: a key's terms stay in their order, which decides between equal weights.
    terms.sort_by(|a, b| a.key.cmp(&b.key));
    let mut out: Vec<Term> = Vec::with_capacity(terms.len());
    for t in terms {
        match out.last_mut() {
            Some(kept) if kept.key == t.key => {
                let stays = matches!(
                    kept.idf.partial_cmp(&t.idf),
                    Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
                );
                if !stays {
                    *kept = t;
                }
            }
            _ => out.push(t),
        }
    }
    out
}

/// A stem sequence as hashes: the stems in order, and the sets (sorted, deduplicated) of
/// adjacent pairs and triples.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SequenceIndex {
    pub stems: Vec<u64>,
    pub bigrams: Vec<u64>,
    pub trigrams: Vec<u64>,
}

impl SequenceIndex {
    pub fn of(sequence: &[String]) -> SequenceIndex {
        SequenceIndex::of_hashes(stem_hashes(sequence))
    }

    /// `of`, given the stems' hashes (`hash_word`).
    fn of_hashes(stems: Vec<u64>) -> SequenceIndex {
        // Order matters: (a, b) and (b, a) are different pairs.
        let mix = |a: u64, b: u64| (a.rotate_left(23) ^ b).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let set = |mut v: Vec<u64>| {
            v.sort_unstable();
            v.dedup();
            v
        };
        SequenceIndex {
            bigrams: set(stems.windows(2).map(|w| mix(w[0], w[1])).collect()),
            trigrams: set(stems
                .windows(3)
                .map(|w| mix(mix(w[0], w[1]), w[2]))
                .collect()),
            stems,
        }
    }
}

fn stem_hashes(sequence: &[String]) -> Vec<u64> {
    sequence.iter().map(|s| hash_word(s)).collect()
}

/// Word keys of a stem sequence: the stems, stem pairs of adjacent words (`stem stem`: a
/// pair keeps some of what a word means in its phrase) and `#` for any number, sorted and
/// deduplicated. The keys of the learned word weights (`word_weights.txt`).
pub fn word_keys(sequence: &[String], has_number: bool) -> Vec<String> {
    let mut keys = sequence.to_vec();
    keys.extend(sequence.windows(2).map(|w| format!("{} {}", w[0], w[1])));
    if has_number {
        keys.push(NUMBER_KEY.to_owned());
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The ids of the word keys of `sequence` (see `word_keys`) that carry a learned weight,
/// sorted: each pair key is spelled in one reused buffer, not a string of its own (every
/// view and clause makes these).
fn weighted_ids(
    sequence: &[String],
    facts: &[&WordFacts],
    has_number: bool,
    lex: &AlignLexicon,
) -> Vec<u32> {
    // Each stem's own id is one of its facts (`facts[i].stem` is `sequence[i]`).
    let mut ids: Vec<u32> = facts.iter().filter_map(|f| f.stem_id).collect();
    let mut pair = String::new();
    for w in sequence.windows(2) {
        pair.clear();
        pair.push_str(&w[0]);
        pair.push(' ');
        pair.push_str(&w[1]);
        ids.extend(lex.word_id(&pair));
    }
    if has_number {
        ids.extend(lex.word_id(NUMBER_KEY));
    }
    // Distinct keys have distinct ids: the same ids as from the deduplicated keys.
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A trigram of characters packed in one integer (21 bits a character).
fn pack(g: &[char]) -> u64 {
    g.iter().fold(0, |acc, &c| (acc << 21) | c as u64)
}

/// Counted by sorting the packed trigrams and counting runs: no map node per trigram.
fn char_trigrams(words: &[String]) -> Vec<(u64, u32)> {
    let mut grams: Vec<u64> = Vec::new();
    let mut padded: Vec<char> = Vec::new();
    for w in words {
        padded.clear();
        padded.push(' ');
        padded.extend(w.chars());
        padded.push(' ');
        grams.extend(padded.windows(3).map(pack));
    }
    grams.sort_unstable();
    // Sized to the distinct trigrams: grown by pushes, a third of the list was spare
    // room, held with every view (benches/README.md, session 36).
    let distinct = grams.chunk_by(|a, b| a == b).count();
    let mut counts: Vec<(u64, u32)> = Vec::with_capacity(distinct);
    for g in grams {
        match counts.last_mut() {
            Some((last, n)) if *last == g => *n += 1,
            _ => counts.push((g, 1)),
        }
    }
    counts
}

/// The value of a number token as written (`1,626.49`, `39`), if it is one.
fn number_value(word: &str) -> Option<f64> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    word.replace(',', "").parse().ok()
}

/// Adds `other`'s items to the sorted, deduplicated list `mine`, keeping it so.
fn union_into<T: Ord + Clone>(mine: &mut Vec<T>, other: &[T]) {
    mine.extend_from_slice(other);
    mine.sort_unstable();
    mine.dedup();
}

impl ClaimView {
    /// A copy keeping the terms and figures that pass `keep_term` and `keep_figure`, and
    /// no clauses (a long claim's clauses are most of its size, and the copy is judged
    /// as one piece). Every other field is listed so that a new one is copied too.
    pub fn clone_without(
        &self,
        keep_term: impl Fn(&Term) -> bool,
        keep_figure: impl Fn(&FigureValue) -> bool,
    ) -> ClaimView {
        ClaimView {
            terms: self
                .terms
                .iter()
                .filter(|t| keep_term(t))
                .cloned()
                .collect(),
            figures: (self.figures.iter())
                .filter(|x| keep_figure(x))
                .cloned()
                .collect(),
            clauses: Vec::new(),
            sequence: self.sequence.clone(),
            ngrams: self.ngrams.clone(),
            entities: self.entities.clone(),
            time: self.time.clone(),
            events: self.events.clone(),
            speaker: self.speaker.clone(),
            speaker_key: self.speaker_key.clone(),
            negative: self.negative,
            words: self.words,
            plain: self.plain.clone(),
            numbers: self.numbers.clone(),
            names: self.names.clone(),
            char_trigrams: self.char_trigrams.clone(),
            stopwords: self.stopwords.clone(),
            has_number: self.has_number,
            weighted: self.weighted.clone(),
            date_words: self.date_words.clone(),
            sentence: self.sentence,
            frames: self.frames.clone(),
            parsed: self.parsed,
            verbless: self.verbless,
            conditional: self.conditional,
            disputed: self.disputed,
            refers_to: self.refers_to,
            own_words: self.own_words.clone(),
            background: self.background.clone(),
            story: self.story.clone(),
            hashed: HashedWords {
                terms: Vec::new(),
                ..self.hashed.clone()
            },
        }
        .with_hashed_terms()
    }

    /// The view with `hashed` computed from its word lists.
    fn with_hashed_words(mut self) -> ClaimView {
        self.hashed.plain = hashed_set(&self.plain);
        self.hashed.names = hashed_set(&self.names);
        self.hashed.stopwords = hashed_set(&self.stopwords);
        self.hashed.trigram_norm = count_norm(&self.char_trigrams);
        self.with_hashed_terms()
    }

    /// The view with `hashed.terms` computed from its terms.
    pub(super) fn with_hashed_terms(mut self) -> ClaimView {
        self.hashed.terms = hashed_terms(self.terms.iter());
        self
    }

    /// Takes the content (terms, words, entities, events) of `other`, keeping its own
    /// figures, time, speaker and polarity.
    pub fn borrow_context(&mut self, other: &ClaimView) {
        if self.own_words.is_none() {
            let own = (self.hashed.terms.iter())
                .filter(|(_, i)| !self.names.contains(&self.terms[*i as usize].surface))
                .map(|(h, _)| *h)
                .collect();
            self.own_words = Some(own);
        }
        for t in &other.terms {
            if let Err(k) = self.terms.binary_search_by(|x| x.key.cmp(&t.key)) {
                self.terms.insert(k, t.clone());
            }
        }
        let mut seq = other.sequence.clone();
        seq.append(&mut self.sequence);
        self.sequence = seq;
        self.ngrams = SequenceIndex::of(&self.sequence);
        for (k, v) in &other.entities {
            self.entities.entry(k.clone()).or_insert_with(|| v.clone());
        }
        union_into(&mut self.events, &other.events);
        union_into(&mut self.plain, &other.plain);
        union_into(&mut self.names, &other.names);
        union_into(&mut self.stopwords, &other.stopwords);
        union_into(&mut self.date_words, &other.date_words);
        let mut grams: BTreeMap<u64, u32> = self.char_trigrams.drain(..).collect();
        for (g, n) in &other.char_trigrams {
            *grams.entry(*g).or_default() += n;
        }
        self.char_trigrams = grams.into_iter().collect();
        self.has_number |= other.has_number;
        union_into(&mut self.weighted, &other.weighted);
        self.words += other.words;
        *self = std::mem::take(self).with_hashed_words();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `build` kept before `one_term_a_key`: a map from key to term, filled in order,
    /// a later term replacing the kept one unless the kept one weighs as much or more.
    fn by_map(terms: Vec<Term>) -> Vec<Term> {
        let mut by_key: BTreeMap<String, Term> = BTreeMap::new();
        for t in terms {
            match by_key.get(&t.key) {
                Some(old) if old.idf >= t.idf => {}
                _ => {
                    by_key.insert(t.key.clone(), t);
                }
            }
        }
        by_key.into_values().collect()
    }

    /// `build` sorts a view's words with their hashes: the list and hashes that sorting
    /// the words and hashing them give.
    #[test]
    fn words_sorted_with_their_hashes_are_the_hashed_set_of_the_sorted_words() {
        let words: Vec<String> = "b a c a b é A".split(' ').map(str::to_owned).collect();
        let (sorted, hashes) =
            sorted_with_hashes(words.iter().map(|w| (w.clone(), hash_word(w))).collect());
        let mut plain = words.clone();
        plain.sort();
        plain.dedup();
        assert_eq!(sorted, plain);
        assert_eq!(hashes, hashed_set(&plain));
    }

    proptest! {
        /// Few keys and few weights, so that keys repeat and weights tie (NaN included):
        /// the same terms, surfaces and weight bits as the map kept.
        #[test]
        fn one_term_a_key_keeps_what_the_map_kept(
            picks in proptest::collection::vec((0u8..6, 0u8..5, 0usize..1000), 0..30)
        ) {
            let weights = [1.0f32, 2.5, 2.5, f32::NAN, 0.0];
            let terms: Vec<Term> = (picks.iter().enumerate())
                .map(|(i, &(k, w, s))| Term {
                    key: format!("k{k}"),
                    surface: format!("w{i}-{s}"),
                    idf: weights[w as usize],
                })
                .collect();
            let bits = |ts: Vec<Term>| -> Vec<(String, String, u32)> {
                ts.into_iter().map(|t| (t.key, t.surface, t.idf.to_bits())).collect()
            };
            prop_assert_eq!(bits(one_term_a_key(terms.clone())), bits(by_map(terms)));
        }
    }
}
