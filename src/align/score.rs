//! Pair features and the scorer: a logistic model whose weights live in
//! `lang/en/align/weights.txt`, plus learned word weights (`word_weights.txt`: what a
//! word shared, or said by one side only, tells), both fitted together by
//! `scripts/fit_weights.py` and cross-validated on MSRP. The score is how likely the two
//! claims state the same proposition.

use super::figures::{self, FigureMatch};
use super::lexicon::AlignLexicon;
use super::model::{Feature, FeatureValues, Overlap, OverlapValues, Scalar};
use super::represent::{word_keys, ClaimView};
use super::time::{self, TimeMatch};

/// Numbers this close (relative difference) count as near, not as different: reports of
/// one market close or one tally round and update figures (`1,626.49` / `1,627.84`).
const NEAR: f64 = 0.1;

/// `(unmatched, near)`: numbers of `a` with no equal or near number in `b`, and those with
/// a near but no equal one.
fn number_matches(a: &[f64], b: &[f64]) -> (usize, usize) {
    let (mut unmatched, mut near) = (0, 0);
    for &v in a {
        if b.contains(&v) {
            continue;
        }
        if b.iter()
            .any(|&u| (v - u).abs() <= NEAR * v.abs().max(u.abs()))
        {
            near += 1;
        } else {
            unmatched += 1;
        }
    }
    (unmatched, near)
}

/// Cosine of two sorted count vectors whose norms are `na` and `nb` (`count_norm`, held by
/// each view: summed once a claim, not once a pair).
fn cosine(a: &[(u64, u32)], b: &[(u64, u32)], na: f64, nb: f64) -> f64 {
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    // A merge without branches on the comparison (which a pair's trigrams make
    // unpredictable): each step moves past the smaller item, or both when equal, and
    // adds a product only then (adding 0.0 to a non-negative sum leaves it as it was, so
    // the sum is the one the branching merge made).
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        let ((x, m), (y, n)) = (a[i], b[j]);
        let product = m as f64 * n as f64;
        dot += if x == y { product } else { 0.0 };
        i += (x <= y) as usize;
        j += (x >= y) as usize;
    }
    dot / (na * nb)
}

/// The cosine of two views' character trigram counts.
fn trigram_cosine(a: &ClaimView, b: &ClaimView) -> f64 {
    cosine(
        &a.char_trigrams,
        &b.char_trigrams,
        a.hashed.trigram_norm,
        b.hashed.trigram_norm,
    )
}

/// How many items of the sorted list `a` are not in the sorted list `b`.
fn missing(a: &[u64], b: &[u64]) -> usize {
    a.len() - sorted_overlap(a, b)
}

#[derive(Debug, Clone)]
pub struct Features {
    pub values: FeatureValues,
    /// Term keys both claims share.
    pub shared_terms: Vec<usize>,
    /// The same, as `(position in a.terms, position in b.terms)`: both ascend.
    pub shared_pairs: Vec<(usize, usize)>,
    pub figures: FigureMatch,
    pub time: TimeMatch,
    pub shared_events: Vec<u16>,
    /// Facts for the claim-overlap score (see `overlap_score`).
    pub overlap: OverlapValues,
    /// The learned word weights of the pair's shared and one-sided word keys, summed.
    pub word_evidence: f64,
    /// Whether every feature was computed (`features`), or only what the overlap score
    /// reads (`overlap_features`): the paraphrase model needs the former.
    pub paraphrase_model: bool,
}

/// Shared term weight (idf) counts up to this much.
const SHARED_CAP: f64 = 12.0;

fn weight_sums(v: &ClaimView) -> f64 {
    v.terms.iter().map(|t| t.idf as f64).sum()
}

/// Length of the longest common subsequence of two (hashed) stem sequences, bit-parallel
/// (Hyyrö's formulation of Allison and Dix): `b`'s positions are bits, and each item of
/// `a` updates them in a few word operations, where the textbook table would take a step
/// per item of `b`. The same length as that table, at a fraction of the cost per pair.
fn lcs(a: &[u64], b: &[u64]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    LCS_SCRATCH.with(|s| lcs_with(a, b, &mut s.borrow_mut()))
}

/// The buffers `lcs` fills, kept by each thread: it runs once for every pair judged, and
/// four allocations a pair were a share of its cost.
#[derive(Default)]
struct LcsScratch {
    at: Vec<(u64, usize)>,
    items: Vec<u64>,
    masks: Vec<u64>,
    v: Vec<u64>,
}

thread_local! {
    static LCS_SCRATCH: std::cell::RefCell<LcsScratch> = std::cell::RefCell::default();
}

/// `lcs` of two non-empty sequences, in `s`'s buffers (emptied first).
fn lcs_with(a: &[u64], b: &[u64], s: &mut LcsScratch) -> usize {
    let words = b.len().div_ceil(64);
    // The distinct items of `b`, sorted, each with the bits of the positions it holds.
    let LcsScratch {
        at,
        items,
        masks,
        v,
    } = s;
    at.clear();
    items.clear();
    masks.clear();
    v.clear();
    at.extend(b.iter().copied().zip(0..));
    at.sort_unstable();
    for &(item, pos) in at.iter() {
        if items.last() != Some(&item) {
            items.push(item);
            masks.resize(masks.len() + words, 0);
        }
        let base = masks.len() - words;
        masks[base + pos / 64] |= 1 << (pos % 64);
    }
    // A zero bit in `v` is a position of `b` that ends a longer common subsequence.
    v.resize(words, u64::MAX);
    for x in a {
        let Ok(k) = items.binary_search(x) else {
            continue;
        };
        let m = &masks[k * words..(k + 1) * words];
        let mut carry = false;
        for (vw, &mw) in v.iter_mut().zip(m) {
            let (sum, c1) = vw.overflowing_add(*vw & mw);
            let (sum, c2) = sum.overflowing_add(carry as u64);
            carry = c1 || c2;
            *vw = sum | (*vw & !mw);
        }
    }
    let tail = b.len() % 64;
    let last_unused = if tail == 0 { 0 } else { u64::MAX << tail };
    let ones: usize = v.iter().map(|w| w.count_ones() as usize).sum();
    b.len() - (ones - last_unused.count_ones() as usize)
}

/// How many items two sorted, deduplicated lists share: a merge that steps past the
/// smaller item (both when equal) without branching on the comparison.
fn sorted_overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let order = a[i].cmp(&b[j]);
        n += order.is_eq() as usize;
        i += order.is_le() as usize;
        j += order.is_ge() as usize;
    }
    n
}

/// How many items two sorted, deduplicated iterators share, counting up to `limit`: a
/// merge, where looking each item of one up in the other's map would compare its key
/// again at every level of the map.
pub(super) fn sorted_overlap_iter<T: Ord>(
    a: impl IntoIterator<Item = T>,
    b: impl IntoIterator<Item = T>,
    limit: usize,
) -> usize {
    let (mut a, mut b) = (a.into_iter(), b.into_iter());
    let (mut x, mut y) = (a.next(), b.next());
    let mut n = 0;
    while let (Some(p), Some(q)) = (&x, &y) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => x = a.next(),
            std::cmp::Ordering::Greater => y = b.next(),
            std::cmp::Ordering::Equal => {
                n += 1;
                if n >= limit {
                    break;
                }
                (x, y) = (a.next(), b.next());
            }
        }
    }
    n
}

/// A pair's word keys as the word weights see them: `+key` shared, `-key` on one side
/// only (for fitting the weights).
pub fn pair_words(a: &ClaimView, b: &ClaimView) -> Vec<String> {
    let (ka, kb) = (
        word_keys(&a.sequence, a.has_number),
        word_keys(&b.sequence, b.has_number),
    );
    let mut out = Vec::new();
    walk_sorted(&ka, &kb, |k, shared| {
        out.push(format!("{}{k}", if shared { '+' } else { '-' }))
    });
    out
}

/// Calls `visit(item, shared)` for each item of either sorted list, once.
fn walk_sorted<T: Ord>(a: &[T], b: &[T], mut visit: impl FnMut(&T, bool)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                visit(x, true);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                visit(x, false);
                i += 1;
            }
            (Some(x), None) => {
                visit(x, false);
                i += 1;
            }
            (_, Some(y)) => {
                visit(y, false);
                j += 1;
            }
            (None, None) => unreachable!(),
        }
    }
}

fn word_evidence(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> f64 {
    let mut sum = 0.0;
    walk_sorted(&a.weighted, &b.weighted, |&id, shared| {
        sum += lex.word_weight(id, shared) as f64
    });
    sum
}

/// `x / y`, at most 1; 0 when `y` is 0.
fn ratio(x: f64, y: f64) -> f64 {
    if y > 0.0 {
        (x / y).min(1.0)
    } else {
        0.0
    }
}

fn flag(x: bool) -> f64 {
    if x {
        1.0
    } else {
        0.0
    }
}

/// Sets the pair of features for "the larger side" and "the smaller side".
fn larger_smaller(
    values: &mut FeatureValues,
    (larger, smaller): (Feature, Feature),
    x: f64,
    y: f64,
) {
    values[larger] = x.max(y);
    values[smaller] = x.min(y);
}

/// The features of a pair of claims, family by family: all of them, for the paraphrase
/// model (`Features::score`, `Features::topic_score`) and the overlap score.
pub fn features(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> Features {
    let mut f = overlap_features(a, b);
    let values = &mut f.values;
    plain_overlap(a, b, values);
    sequence_likeness(a, b, values);
    entity_overlap(a, b, values);
    number_agreement(a, b, values);
    word_differences(a, b, values);
    f.word_evidence = word_evidence(a, b, lex);
    f.paraphrase_model = true;
    f
}

/// The features the overlap score and the judge's rules read, and no more: what a clause
/// pair is judged on (fragments are scored by overlap alone), at a fraction of the cost of
/// `features`, whose word order, spelling and word-weight families only the paraphrase
/// model reads.
pub fn overlap_features(a: &ClaimView, b: &ClaimView) -> Features {
    let mut values = FeatureValues::default();
    let shared = term_overlap(a, b, &mut values);
    let figures = figure_agreement(a, b, &mut values);
    let (time, shared_events) = events_time_and_polarity(a, b, &mut values);
    let mut overlap = OverlapValues::default();
    overlap[Overlap::Cover] = values[Feature::ContentCover];
    overlap[Overlap::SharedWeight] = shared.weight.min(SHARED_CAP);
    overlap[Overlap::FigureShared] = values[Feature::FigureShared];
    overlap[Overlap::SameSpeaker] = flag(a.speaker_key.is_some() && a.speaker_key == b.speaker_key);
    Features {
        values,
        overlap,
        word_evidence: 0.0,
        shared_terms: shared.terms,
        shared_pairs: shared.pairs,
        figures,
        time,
        shared_events,
        paraphrase_model: false,
    }
}

/// The terms two claims share: indices into `a.terms`, and their weight.
struct SharedTerms {
    terms: Vec<usize>,
    pairs: Vec<(usize, usize)>,
    weight: f64,
}

/// Terms and plain words: what both say, and what each says that the other does not
/// (weighted by idf, and counted).
fn term_overlap(a: &ClaimView, b: &ClaimView, values: &mut FeatureValues) -> SharedTerms {
    // Shared terms `(i, j)` (positions in `a.terms`, `b.terms`), met by their hashed keys,
    // then in the order of the terms (by key): sums run in the same order as ever.
    let (ha, hb) = (&a.hashed.terms, &b.hashed.terms);
    let (mut x, mut y) = (0, 0);
    let mut f: Vec<(usize, usize)> = Vec::new();
    while x < ha.len() && y < hb.len() {
        match ha[x].0.cmp(&hb[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                f.push((ha[x].1 as usize, hb[y].1 as usize));
                x += 1;
                y += 1;
            }
        }
    }
    f.sort_unstable();
    let shared_terms: Vec<usize> = f.iter().map(|&(i, _)| i).collect();
    let shared_weight = (f.iter()).fold(0.0, |sum, &(i, j)| {
        sum + a.terms[i].idf.max(b.terms[j].idf) as f64
    });
    let (wa, wb) = (weight_sums(a), weight_sums(b));
    values[Feature::ContentDice] = ratio(2.0 * shared_weight, wa + wb);
    values[Feature::ContentCover] = ratio(shared_weight, wa.min(wb));
    let union = a.terms.len() + b.terms.len() - shared_terms.len();
    values[Feature::TermJaccard] = ratio(shared_terms.len() as f64, union as f64);
    // What each side says that the other does not, weighted (scaled to about 0-1).
    let shared_a: f64 = f.iter().map(|&(i, _)| a.terms[i].idf as f64).sum();
    let shared_b: f64 = f.iter().map(|&(_, j)| b.terms[j].idf as f64).sum();
    let (ua, ub) = (
        (wa - shared_a).max(0.0) / 20.0,
        (wb - shared_b).max(0.0) / 20.0,
    );
    larger_smaller(
        values,
        (Feature::UnmatchedMax, Feature::UnmatchedMin),
        ua,
        ub,
    );
    let (ca, cb) = (
        (a.terms.len() - f.len()) as f64 / 10.0,
        (b.terms.len() - f.len()) as f64 / 10.0,
    );
    let counts = (Feature::UnmatchedTermsMax, Feature::UnmatchedTermsMin);
    larger_smaller(values, counts, ca, cb);
    SharedTerms {
        terms: shared_terms,
        pairs: f,
        weight: shared_weight,
    }
}

/// Plain words (every word and number) both use.
fn plain_overlap(a: &ClaimView, b: &ClaimView, values: &mut FeatureValues) {
    let plain_shared = sorted_overlap(&a.hashed.plain, &b.hashed.plain) as f64;
    let plain_union = (a.plain.len() + b.plain.len()) as f64 - plain_shared;
    values[Feature::PlainJaccard] = ratio(plain_shared, plain_union);
    values[Feature::PlainCover] = ratio(plain_shared, a.plain.len().min(b.plain.len()) as f64);
}

/// Word order and spelling: shared stem n-grams, the longest common stem subsequence,
/// character trigrams.
fn sequence_likeness(a: &ClaimView, b: &ClaimView, values: &mut FeatureValues) {
    let dice = |x: &[u64], y: &[u64]| {
        ratio(
            2.0 * sorted_overlap(x, y) as f64,
            (x.len() + y.len()) as f64,
        )
    };
    let (ia, ib) = (&a.ngrams, &b.ngrams);
    values[Feature::TrigramDice] = dice(&ia.trigrams, &ib.trigrams);
    values[Feature::BigramDice] = dice(&ia.bigrams, &ib.bigrams);
    values[Feature::Order] = ratio(
        lcs(&ia.stems, &ib.stems) as f64,
        ia.stems.len().min(ib.stems.len()) as f64,
    );
    values[Feature::CharTrigramCosine] = trigram_cosine(a, b);
}

/// Entities both name, and those only one names.
fn entity_overlap(a: &ClaimView, b: &ClaimView, values: &mut FeatureValues) {
    let shared_entities = sorted_overlap_iter(a.entities.keys(), b.entities.keys(), usize::MAX);
    let entity_union = a.entities.len() + b.entities.len() - shared_entities;
    values[Feature::EntityJaccard] = ratio(shared_entities as f64, entity_union as f64);
    values[Feature::EntityUnmatched] =
        ratio((entity_union - shared_entities) as f64, entity_union as f64);
}

/// Figures (counts with units and bounds): shared, missing, clashing.
fn figure_agreement(a: &ClaimView, b: &ClaimView, values: &mut FeatureValues) -> FigureMatch {
    let figs = figures::compare(&a.figures, &b.figures);
    values[Feature::FigureShared] = flag(!figs.shared.is_empty());
    values[Feature::FigureUnmatched] = ratio(figs.unmatched as f64, figs.total as f64);
    values[Feature::FigureClash] = flag(figs.apart);
    figs
}

/// Bare numbers: those of each side with no equal or near number on the other.
fn number_agreement(a: &ClaimView, b: &ClaimView, values: &mut FeatureValues) {
    let ((nua, nna), (nub, nnb)) = (
        number_matches(&a.numbers, &b.numbers),
        number_matches(&b.numbers, &a.numbers),
    );
    let unmatched = (Feature::NumberUnmatchedMax, Feature::NumberUnmatchedMin);
    larger_smaller(values, unmatched, nua as f64, nub as f64);
    let near = (Feature::NumberNearMax, Feature::NumberNearMin);
    larger_smaller(values, near, nna as f64, nnb as f64);
}

/// What happened (event classes), when (for counts), and whether one side negates.
fn events_time_and_polarity(
    a: &ClaimView,
    b: &ClaimView,
    values: &mut FeatureValues,
) -> (TimeMatch, Vec<u16>) {
    let shared_events: Vec<u16> = a
        .events
        .iter()
        .filter(|e| b.events.contains(e))
        .copied()
        .collect();
    let event_clash = !a.events.is_empty() && !b.events.is_empty() && shared_events.is_empty();
    values[Feature::EventMatch] = flag(!shared_events.is_empty());
    values[Feature::EventClash] = flag(event_clash);
    values[Feature::NegationClash] = flag(a.negative != b.negative);
    let time = time::compare(&a.time, &b.time);
    // A time clash matters for counts, and for deeds on two named days; for other claims
    // the time is context.
    let time_clash = time == TimeMatch::Different
        && (!a.figures.is_empty() && !b.figures.is_empty()
            || time::weekdays_apart(&a.time, &b.time));
    values[Feature::TimeClash] = flag(time_clash);
    (time, shared_events)
}

/// Length, and the names and stopwords one side has that the other lacks.
fn word_differences(a: &ClaimView, b: &ClaimView, values: &mut FeatureValues) {
    let (na, nb) = (a.words.max(1) as f64, b.words.max(1) as f64);
    values[Feature::LengthRatio] = na.min(nb) / na.max(nb);
    let (ha, hb) = (&a.hashed, &b.hashed);
    let (mna, mnb) = (missing(&ha.names, &hb.names), missing(&hb.names, &ha.names));
    let names = (Feature::NameUnmatchedMax, Feature::NameUnmatchedMin);
    larger_smaller(values, names, mna as f64, mnb as f64);
    let (msa, msb) = (
        missing(&ha.stopwords, &hb.stopwords),
        missing(&hb.stopwords, &ha.stopwords),
    );
    let stopwords = (Feature::StopwordUnmatchedMax, Feature::StopwordUnmatchedMin);
    larger_smaller(values, stopwords, msa as f64, msb as f64);
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl Features {
    fn logit(&self, lex: &AlignLexicon, skip_clashes: bool) -> f64 {
        debug_assert!(
            self.paraphrase_model,
            "the paraphrase model on overlap features"
        );
        let w = &lex.weights;
        let mut z = w.scalar(Scalar::Bias) + self.word_evidence;
        for f in Feature::ALL {
            if !(f.is_rule() || skip_clashes && f.is_clash()) {
                z += w.features[f] * self.values[f];
            }
        }
        z
    }

    /// How likely the two claims state the same proposition, all features counted.
    pub fn score(&self, lex: &AlignLexicon) -> f64 {
        sigmoid(self.logit(lex, false))
    }

    /// How much of the shorter claim the longer one states: claims are often parts of
    /// long sentences, where a paraphrase score (whole sentence against whole sentence)
    /// undersells a shared proposition. Hand-set weights (`overlap_*` in weights.txt).
    pub fn overlap_score(&self, lex: &AlignLexicon) -> f64 {
        let w = &lex.weights;
        let mut z = w.scalar(Scalar::OverlapBias);
        for o in Overlap::ALL {
            z += w.overlap[o] * self.overlap[o];
        }
        z += w.features[Feature::EventClash] * self.values[Feature::EventClash]
            + w.features[Feature::TimeClash] * self.values[Feature::TimeClash];
        sigmoid(z)
    }

    /// The same, leaving out clashes of figures and polarity: how likely the two speak of
    /// the same thing, whether or not they agree on it.
    pub fn topic_score(&self, lex: &AlignLexicon) -> f64 {
        sigmoid(self.logit(lex, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::build::text_views;
    use crate::align::represent::count_norm;
    use proptest::strategy::Strategy;

    fn views(a: &str, b: &str) -> (ClaimView, ClaimView) {
        let mut v = text_views(&[a, b], crate::lang::Language::english());
        let b = v.pop().unwrap();
        (v.pop().unwrap(), b)
    }

    /// The textbook table: the longest common subsequence's length, a step per cell.
    fn lcs_table(a: &[u64], b: &[u64]) -> usize {
        let mut prev = vec![0usize; b.len() + 1];
        for x in a {
            let mut cur = vec![0usize; b.len() + 1];
            for (j, y) in b.iter().enumerate() {
                cur[j + 1] = if x == y {
                    prev[j] + 1
                } else {
                    cur[j].max(prev[j + 1])
                };
            }
            prev = cur;
        }
        prev[b.len()]
    }

    proptest::proptest! {
        /// The bit-parallel length is the table's, across word boundaries (b past 64 and
        /// 128 items) and with few distinct items (many repeats).
        #[test]
        fn bit_parallel_lcs_is_the_table(
            a in proptest::collection::vec(0u64..6, 0..150),
            b in proptest::collection::vec(0u64..6, 0..200),
        ) {
            proptest::prop_assert_eq!(lcs(&a, &b), lcs_table(&a, &b));
        }
    }

    #[test]
    fn lcs_of_known_sequences() {
        assert_eq!(lcs(&[1, 2, 3, 4], &[1, 3, 4]), 3);
        assert_eq!(lcs(&[1, 2, 3], &[4, 5]), 0);
        assert_eq!(lcs(&[], &[1]), 0);
        let long: Vec<u64> = (0..130).collect();
        let reversed: Vec<u64> = long.iter().rev().copied().collect();
        assert_eq!(lcs(&long, &long), 130);
        assert_eq!(lcs(&long, &reversed), 1);
    }

    /// What `features` counts on the hashed word lists is what the word lists hold.
    fn assert_hashed_in_step(a: &ClaimView, b: &ClaimView) {
        for v in [a, b] {
            assert_eq!(v.hashed.plain.len(), v.plain.len());
            assert_eq!(v.hashed.names.len(), v.names.len());
            assert_eq!(v.hashed.stopwords.len(), v.stopwords.len());
            assert_eq!(v.hashed.terms.len(), v.terms.len());
            assert!(!v.char_trigrams.is_empty());
            let norm = count_norm(&v.char_trigrams);
            assert_eq!(v.hashed.trigram_norm.to_bits(), norm.to_bits());
        }
        let (ha, hb) = (&a.hashed, &b.hashed);
        assert_eq!(
            sorted_overlap(&ha.plain, &hb.plain),
            sorted_overlap(&a.plain, &b.plain)
        );
        assert_eq!(
            sorted_overlap(&ha.names, &hb.names),
            sorted_overlap(&a.names, &b.names)
        );
        assert_eq!(
            sorted_overlap(&ha.stopwords, &hb.stopwords),
            sorted_overlap(&a.stopwords, &b.stopwords)
        );
        let mut by_key: Vec<(usize, usize)> = Vec::new();
        for (i, x) in a.terms.iter().enumerate() {
            for (j, y) in b.terms.iter().enumerate() {
                if x.key == y.key {
                    by_key.push((i, j));
                }
            }
        }
        let mut by_hash: Vec<(usize, usize)> = Vec::new();
        for &(h, i) in &ha.terms {
            for &(g, j) in &hb.terms {
                if h == g {
                    by_hash.push((i as usize, j as usize));
                }
            }
        }
        by_hash.sort_unstable();
        assert!(!by_key.is_empty());
        assert_eq!(by_hash, by_key);
        assert_eq!(overlap_features(a, b).shared_pairs, by_key);
    }

    #[test]
    fn hashed_words_stay_in_step_with_the_word_lists() {
        let (mut a, b) = views(
            "Officials in Kherson said Russian troops had left the city on Monday.",
            "The Mayor of Mykolaiv said Russian troops shelled the city and left.",
        );
        assert_hashed_in_step(&a, &b);
        a.borrow_context(&b);
        assert_hashed_in_step(&a, &b);
        let first = a.terms[0].key.clone();
        let fewer = a.clone_without(|t| t.key != first, |_| true);
        assert!(fewer.terms.len() < a.terms.len());
        assert_hashed_in_step(&fewer, &b);
    }

    /// A clause pair is judged on `overlap_features`: what it computes is what `features`
    /// computes, for every value the overlap score and the judge's rules read.
    #[test]
    fn overlap_features_are_the_full_features_overlap_reads() {
        let texts = [
            "Officials in Kherson said Russian troops had left the city on Monday.",
            "Russian troops left Kherson on Monday, officials said.",
            "The mayor said 30 people were killed in the shelling of Mykolaiv.",
            "At least 32 people died when shells hit Mykolaiv, the mayor said.",
            "Moscow denies that its forces shelled the market.",
            "Shelling hit the market in 2021 and again last week.",
        ];
        let v = text_views(&texts, crate::lang::Language::english());
        let lex = &crate::lang::Language::english().align;
        let read = [
            Feature::ContentCover,
            Feature::FigureShared,
            Feature::EventClash,
            Feature::TimeClash,
        ];
        let mut with_figures = 0;
        for a in &v {
            for b in &v {
                let (full, part) = (features(a, b, lex), overlap_features(a, b));
                assert!(full.paraphrase_model && !part.paraphrase_model);
                for f in read {
                    assert_eq!(full.values[f].to_bits(), part.values[f].to_bits(), "{f:?}");
                }
                assert_eq!(full.overlap, part.overlap);
                assert_eq!(full.shared_terms, part.shared_terms);
                assert_eq!(full.figures, part.figures);
                assert_eq!(full.time, part.time);
                assert_eq!(full.shared_events, part.shared_events);
                assert_eq!(full.overlap_score(lex), part.overlap_score(lex));
                with_figures += !full.figures.shared.is_empty() as usize;
            }
        }
        assert!(with_figures > 0, "some pair matches a figure");
    }

    /// A view's weighted word ids are those of its word keys, as fitting sees them.
    #[test]
    fn weighted_ids_are_the_word_keys_ids() {
        let (a, b) = views(
            "Russian troops left Kherson on 11 November, officials said.",
            "The troops said they left the city.",
        );
        let lex = &crate::lang::Language::english().align;
        for v in [&a, &b] {
            let mut ids: Vec<u32> = word_keys(&v.sequence, v.has_number)
                .iter()
                .filter_map(|k| lex.word_id(k))
                .collect();
            ids.sort_unstable();
            assert!(!ids.is_empty());
            assert_eq!(v.weighted, ids);
        }
    }

    #[test]
    fn near_numbers_are_told_from_different_ones() {
        // 1,627.84 is within a tenth of 1,626.49; 25.78 of 27.13; 44 is far from 18.
        assert_eq!(
            number_matches(&[1626.49, 27.13, 18.0], &[1627.84, 25.78, 44.0]),
            (1, 2)
        );
        assert_eq!(number_matches(&[5.0], &[5.0]), (0, 0));
        assert_eq!(number_matches(&[5.0], &[]), (1, 0));
    }

    #[test]
    fn trigram_cosine_sees_spelling_likeness() {
        let (a, b) = views("The percentage rose.", "The per cent figure rose.");
        let (c, d) = views("The percentage rose.", "Shelling hit the market.");
        assert!(trigram_cosine(&a, &b) > trigram_cosine(&c, &d));
        assert!((trigram_cosine(&a, &a) - 1.0).abs() < 1e-9);
    }

    /// The cosine as first written: norms summed per pair, a merge branching on order.
    fn cosine_branching(a: &[(u64, u32)], b: &[(u64, u32)]) -> f64 {
        let norm = |v: &[(u64, u32)]| {
            v.iter()
                .map(|(_, n)| (*n as f64).powi(2))
                .sum::<f64>()
                .sqrt()
        };
        let (na, nb) = (norm(a), norm(b));
        if na == 0.0 || nb == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 as f64 * b[j].1 as f64;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot / (na * nb)
    }

    /// Counts as `walk_sorted` visits them: the shared items.
    fn overlap_walked(a: &[u64], b: &[u64]) -> usize {
        let mut n = 0;
        walk_sorted(a, b, |_, shared| n += shared as usize);
        n
    }

    /// Sorted count vectors with keys from a small range (so that many are shared).
    fn counts() -> impl proptest::strategy::Strategy<Value = Vec<(u64, u32)>> {
        proptest::collection::btree_map(0u64..40, 1u32..6, 0..30)
            .prop_map(|m| m.into_iter().collect())
    }

    proptest::proptest! {
        /// The branch-free merge with norms held by each side gives the very bits of the
        /// per-pair computation.
        #[test]
        fn cosine_with_held_norms_is_the_branching_one(a in counts(), b in counts()) {
            let held = cosine(&a, &b, count_norm(&a), count_norm(&b));
            proptest::prop_assert_eq!(held.to_bits(), cosine_branching(&a, &b).to_bits());
        }

        /// The branch-free overlap counts what a walk over both lists finds shared, with
        /// repeated items too (a sequence's n-grams may repeat).
        #[test]
        fn branch_free_overlap_is_the_walked_one(
            mut a in proptest::collection::vec(0u64..30, 0..40),
            mut b in proptest::collection::vec(0u64..30, 0..40),
        ) {
            a.sort_unstable();
            b.sort_unstable();
            proptest::prop_assert_eq!(sorted_overlap(&a, &b), overlap_walked(&a, &b));
        }

        /// Entities shared, by a merge of two maps' keys: what looking each up finds, and
        /// with a limit of one, whether any is shared.
        #[test]
        fn merged_keys_count_what_lookups_find(
            a in proptest::collection::btree_map("[a-e]{1,2}", "[A-Z]", 0..12),
            b in proptest::collection::btree_map("[a-e]{1,2}", "[A-Z]", 0..12),
        ) {
            let looked_up = a.keys().filter(|k| b.contains_key(*k)).count();
            proptest::prop_assert_eq!(sorted_overlap_iter(a.keys(), b.keys(), usize::MAX), looked_up);
            let any = a.keys().any(|k| b.contains_key(k));
            proptest::prop_assert_eq!(sorted_overlap_iter(a.keys(), b.keys(), 1) > 0, any);
        }
    }

    #[test]
    fn pair_words_mark_shared_and_one_sided_keys_once() {
        let (a, b) = views(
            "Russian troops left Kherson.",
            "Russian troops fled 3 villages.",
        );
        let words = pair_words(&a, &b);
        assert!(words.contains(&"+russian".to_string()), "{words:?}");
        assert!(words.contains(&"+russian troop".to_string()), "{words:?}");
        assert!(words.contains(&"-kherson".to_string()), "{words:?}");
        assert!(words.contains(&"-#".to_string()), "{words:?}");
        let mut keys: Vec<&str> = words.iter().map(|w| &w[1..]).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "each key once: {words:?}");
    }

    #[test]
    fn names_inside_a_claim_count_and_the_first_word_does_not() {
        let (a, b) = views(
            "Officials in Kherson said Saldo left.",
            "Officials said he left.",
        );
        assert_eq!(a.names, vec!["kherson".to_string(), "saldo".into()]);
        let f = features(&a, &b, &crate::lang::Language::english().align);
        assert_eq!(f.values[Feature::NameUnmatchedMax], 2.0);
        assert_eq!(f.values[Feature::NameUnmatchedMin], 0.0);
    }
}
