//! Candidate pairs from an inverted index, never from all pairs. Keys are entity ids,
//! content terms (paraphrase groups included), figure buckets, event classes, speakers and
//! frames (an actor with what the claim says it does, see `frame_keys`).
//! Copies of one claim are sought once, through their representative (see `copies`).
//!
//! Common keys say less and would cost more, so both fade with how many claims hold a key,
//! smoothly rather than at a cut-off (a cut-off at 64 claims made a claim carried by 64
//! documents one group and by 65 none):
//! - Weight: a key held by at most `FULL_POSTING` claims weighs 1, a commoner one
//!   `FULL_POSTING / holders`; two claims are a candidate pair when the keys they share weigh
//!   `MIN_SHARED`. So `Kherson` in a corpus on Kherson counts for little, and claims that
//!   share many common keys (one story in many words) still meet.
//! - Work: a key held by at most `FULL_POSTING` claims pairs them all. A commoner key puts
//!   its claims in an order that sets claims sharing rarer keys side by side (each claim's
//!   rarest keys first), and pairs each with `(FULL_POSTING - 1) * FULL_POSTING / holders`
//!   claims on either side of it there: a key held by 65 claims pairs all but one pair of
//!   them, and any key pairs at most about `FULL_POSTING²` claims in all. The work grows
//!   with the keys' holders, not with their pairs: linearly with the corpus.

use rayon::prelude::*;

use super::frames::Role;
use super::outline::{CorpusIdf, Outline};
use super::represent::ClaimView;
use crate::stage::{Cancel, Cancelled};
use crate::syntax::hashing::{WordMap, WordSet};

/// Keys held by at most this many claims weigh 1 and pair them all; commoner keys weigh
/// less and pair neighbours.
pub const FULL_POSTING: usize = 64;
/// How many claims on either side of a claim a key held by `FULL_POSTING` claims pairs it
/// with (all of them); a commoner key, proportionally fewer.
const WINDOW: usize = FULL_POSTING - 1;
/// Terms commoner than this (idf below) are not keys: `year`, `people`.
const MIN_KEY_IDF: f32 = 1.5;
/// Two claims become a candidate pair when the keys they share weigh this much.
pub(super) const MIN_SHARED: f32 = 2.0;
/// How many of its rarest keys set a claim's place in a common key's order.
pub(super) const PROFILE_KEYS: usize = 4;

/// Every key of a claim, sorted and distinct, each with its weight if it is a term (else
/// infinite): a term is a key only while it weighs at least `MIN_KEY_IDF` once the corpus
/// has weighed it (see `Outline::index_keys`).
pub fn key_strings(v: &ClaimView) -> Vec<(String, f32)> {
    let always = |k: String| (k, f32::INFINITY);
    let mut k: Vec<(String, f32)> = v.entities.keys().map(|e| always(format!("@{e}"))).collect();
    k.extend(v.terms.iter().map(|t| (t.key.clone(), t.idf)));
    k.extend(v.figures.iter().flat_map(|f| f.buckets()).map(always));
    k.extend(v.events.iter().map(|e| always(format!("!{e}"))));
    k.extend(v.speaker_key.iter().map(|s| always(format!("${s}"))));
    k.extend(same_words_keys(v).map(always));
    k.extend(words_key(v).map(always));
    k.extend(frame_keys(v).into_iter().map(always));
    k.sort_by(|a, b| a.0.cmp(&b.0));
    k.dedup_by(|a, b| a.0 == b.0);
    k
}

/// Claims with at most this many terms are keyed by their words as well.
const SHORT_CLAIM_TERMS: usize = 4;

/// Coordinating conjunctions, which may open a quoted sentence or be left off it.
const OPENERS: &[&str] = &["but", "and", "so", "yet", "or"];

/// A short claim's words in order (stems, so case and inflection aside), as two keys that
/// together weigh `MIN_SHARED`: two outlets quoting `we will be talking about it` meet
/// though their one content word is common and their speakers differ (copies, which must
/// share a speaker, do not cover it). Longer claims in the same words share keys enough.
/// (A conjunction opening the claim is left out: `But we will be talking about it` is
/// `we will be talking about it` quoted from the start of its sentence.)
fn same_words_keys(v: &ClaimView) -> impl Iterator<Item = String> {
    let short = v.terms.len() <= SHORT_CLAIM_TERMS;
    words_hash(v)
        .filter(|_| short)
        .into_iter()
        .flat_map(|h| [format!("#a{h:016x}"), format!("#b{h:016x}")])
}

/// A claim's words in order (stems; an opening conjunction left out), hashed; None for a
/// claim without words.
fn words_hash(v: &ClaimView) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let hash = |x: &dyn Fn(&mut std::hash::DefaultHasher)| {
        let mut h = std::hash::DefaultHasher::new();
        x(&mut h);
        h.finish()
    };
    // Hashed as `SequenceIndex::of` hashes a stem.
    let opener = |s: u64| {
        OPENERS
            .iter()
            .any(|w| hash(&|h| super::stem::stem(w).hash(h)) == s)
    };
    let start = v.ngrams.stems.iter().take_while(|&&s| opener(s)).count();
    let stems = &v.ngrams.stems[start..];
    (!stems.is_empty()).then(|| hash(&|h| stems.hash(h)))
}

/// What opens a words key (`words_key`), and no other key (`=` opens paraphrase groups,
/// `#` figure buckets and short claims' words).
const WORDS_KEY: char = '^';

/// Every claim's words (`words_hash`) as one key that pairs the claims holding it
/// whatever else they share: claims in identical words meet however common each of their
/// words is, and however many outlets carry them. Its holders are not all paired with one
/// another (a wire sentence in 500 outlets would be 124,750 pairs) but each with the
/// `WORDS_REACH` holders before it in corpus order (at most 997 pairs): a chain of the
/// judge's `agree`s.
/// Copies (`copies`) are the same claims with the same speaker, entities and figures;
/// this key still joins those whose copy judgement was not `agree` (their first holder
/// told of another event that took the same sentence), or who differ in what the
/// signature holds but the words (a speaker resolved in one article only).
fn words_key(v: &ClaimView) -> Option<String> {
    words_hash(v).map(|h| format!("{WORDS_KEY}{h:016x}"))
}

/// Whether a key (as `key_strings` gives it) is a claim's words key (`words_key`).
pub(super) fn is_words_key(key: &str) -> bool {
    key.starts_with(WORDS_KEY)
}

/// Copies of each frame key a claim holds: sharing one frame is enough for a candidate
/// pair (`MIN_SHARED`), whatever else the two claims share.
const FRAME_KEY_COPIES: usize = 2;

/// A claim's frame keys: for each of its core frames (what it states, see
/// `FrameView::core`) with a content predicate, each named participant (agent, patient or
/// recipient, by entity id) with the predicate's term key and with its event class. Two
/// claims saying an actor does or does not do one thing always meet, however common the
/// actor and the verb are on their own: `it does not name Trump as a defendant` meets `…
/// naming Mr. Trump`, and a denial meets what it denies. Each key is held `FRAME_KEY_COPIES`
/// times under different prefixes, so that the in-process index and the distributed one
/// (which both read `key_strings`) weigh it alike.
fn frame_keys(v: &ClaimView) -> Vec<String> {
    let mut out = Vec::new();
    for f in v.frames.iter().filter(|f| f.core && !f.key.is_empty()) {
        for r in [Role::Agent, Role::Patient, Role::Recipient] {
            let Some(actor) = f.role(r).and_then(|x| x.entity.as_deref()) else {
                continue;
            };
            let predicates = std::iter::once(f.key.clone()).chain(f.event.map(|e| format!("!{e}")));
            for p in predicates {
                for copy in 0..FRAME_KEY_COPIES {
                    out.push(format!("%{copy}{actor}|{p}"));
                }
            }
        }
    }
    out
}

/// The keys a claim is indexed by once the corpus has weighed its terms (`view` weighed):
/// `key_strings` that are keys (`is_key`), sorted and distinct. (What `distributed` keys
/// claims by without their views; its tests check it against this.)
#[cfg(test)]
pub(super) fn keys(view: &ClaimView) -> Vec<String> {
    key_strings(view)
        .into_iter()
        .filter(|&(_, idf)| is_key(idf))
        .map(|(k, _)| k)
        .collect()
}

/// Whether a key of `key_strings` weighing `idf` once the corpus has weighed it is an index
/// key: a term only while it is not common (infinite for keys that are not terms).
pub(super) fn is_key(idf: f32) -> bool {
    idf >= MIN_KEY_IDF
}

/// The claims holding each key, and for each claim its keys with its place among them.
struct Postings {
    /// Key id → claims (positions in `among`), in the key's order.
    holders: Vec<Vec<u32>>,
    /// Key id → whether it is a words key (`words_key`): its holders stay in corpus order.
    words: Vec<bool>,
    /// Claim (position in `among`) → (key id, its place in the key's holders).
    held: Vec<Vec<(u32, u32)>>,
}

impl Postings {
    fn new(keyed: &[Vec<u64>], words_keys: &WordSet<u64>) -> Postings {
        // Keys are hashes already: the word hasher's one multiply, not SipHash. Ids go in
        // first-seen order, whatever the map's.
        let mut ids: WordMap<u64, u32> = WordMap::default();
        let mut holders: Vec<Vec<u32>> = Vec::new();
        let mut words: Vec<bool> = Vec::new();
        let mut keys_of: Vec<Vec<u32>> = Vec::with_capacity(keyed.len());
        for (c, ks) in keyed.iter().enumerate() {
            let mut mine = Vec::with_capacity(ks.len());
            for k in ks {
                let id = *ids.entry(*k).or_insert_with(|| {
                    holders.push(Vec::new());
                    words.push(words_keys.contains(k));
                    holders.len() as u32 - 1
                });
                holders[id as usize].push(c as u32);
                mine.push(id);
            }
            keys_of.push(mine);
        }
        // A common key's claims, ordered by their rarest keys (then position).
        let profile = |c: u32| -> Vec<(usize, u32)> {
            let mut p: Vec<(usize, u32)> = keys_of[c as usize]
                .iter()
                .map(|&k| (holders[k as usize].len(), k))
                .collect();
            p.sort_unstable();
            p.truncate(PROFILE_KEYS);
            p
        };
        let ordered: Vec<Option<Vec<u32>>> = holders
            .par_iter()
            .zip(&words)
            .map(|(h, &w)| {
                (h.len() > FULL_POSTING && !w).then(|| {
                    let mut by: Vec<(Vec<(usize, u32)>, u32)> =
                        h.iter().map(|&c| (profile(c), c)).collect();
                    by.sort_unstable();
                    by.into_iter().map(|(_, c)| c).collect()
                })
            })
            .collect();
        for (h, o) in holders.iter_mut().zip(ordered) {
            if let Some(o) = o {
                *h = o;
            }
        }
        let mut held: Vec<Vec<(u32, u32)>> = keys_of
            .iter()
            .map(|ks| Vec::with_capacity(ks.len()))
            .collect();
        for (k, h) in holders.iter().enumerate() {
            for (place, &c) in h.iter().enumerate() {
                held[c as usize].push((k as u32, place as u32));
            }
        }
        Postings {
            holders,
            words,
            held,
        }
    }

    /// What sharing `key` counts toward a candidate pair: 1 for a key held by at most
    /// `FULL_POSTING` claims, less the commoner it is; a words key, enough on its own.
    fn weight(&self, key: u32) -> f32 {
        if self.words[key as usize] {
            return MIN_SHARED;
        }
        weight(self.holders[key as usize].len())
    }

    /// The claims a key pairs claim `c` with (at place `place` of its holders).
    fn neighbours(&self, key: u32, place: u32) -> &[u32] {
        let h = &self.holders[key as usize];
        if self.words[key as usize] {
            return words_neighbours(h, place as usize);
        }
        if h.len() <= FULL_POSTING {
            return h;
        }
        let place = place as usize;
        let w = window(h.len());
        &h[place.saturating_sub(w)..(place + w + 1).min(h.len())]
    }
}

/// How many holders before it (in corpus order) a words key pairs each holder with.
/// Not the first holder alone: that is the corpus's first claim in those words, and as a
/// corpus grows it is more often a sentence another event took too, which the judge finds
/// only `related` to this event's copies (at 10,000 synthetic articles, the cause of most
/// copies left unpaired). Neighbours in corpus order (by date, for a folder of dated
/// names) are one event's copies unless another event's claims in the same words sit
/// between them; two holders back keeps the chain whole where two events alternate.
/// Safe to widen the net so: a pair is a candidate only, and an `agree` is the judge's.
pub(super) const WORDS_REACH: usize = 2;

/// The holders (in corpus order) a words key pairs its holder at `place` with: the
/// `WORDS_REACH` on either side (each pair is kept once, from its earlier claim).
pub(super) fn words_neighbours<T>(holders: &[T], place: usize) -> &[T] {
    &holders[place.saturating_sub(WORDS_REACH)..(place + WORDS_REACH + 1).min(holders.len())]
}

/// What sharing a key held by `holders` claims counts toward a candidate pair.
pub(super) fn weight(holders: usize) -> f32 {
    (FULL_POSTING as f32 / holders as f32).min(1.0)
}

/// How many claims on either side a key held by more than `FULL_POSTING` claims pairs each
/// of its holders with.
pub(super) fn window(holders: usize) -> usize {
    (WINDOW * FULL_POSTING).div_ceil(holders)
}

/// Pairs `(i, j)`, `i < j`, sorted, of representatives (`rep[i] == i`, see `copies`):
/// claims that share at least `MIN_SHARED` useful keys, and neighbours in a sentence (a copy
/// standing in for its representative).
pub fn candidates(
    outline: &Outline,
    idf: Option<&CorpusIdf>,
    rep: &[u32],
    cancel: &Cancel,
) -> Result<Vec<(u32, u32)>, Cancelled> {
    let among: Vec<u32> = (0..outline.len() as u32)
        .filter(|&i| rep[i as usize] == i)
        .collect();
    let keyed: Vec<Vec<u64>> = among
        .par_iter()
        .map(|&i| outline.index_keys(i as usize, idf))
        .collect();
    let words_keys: WordSet<u64> = among
        .iter()
        .filter_map(|&i| outline.words[i as usize])
        .collect();
    let postings = Postings::new(&keyed, &words_keys);
    drop(words_keys);
    // Held in the postings now: its room goes before the pairs are found.
    drop(keyed);
    let per_claim: Vec<Vec<(u32, u32)>> = (0..among.len())
        .into_par_iter()
        .map(|c| {
            cancel.check()?;
            // Each claim's weights are summed in postings order and the pairs sorted: the
            // map's order is never seen, so its hasher is the cheap one.
            let mut shared: WordMap<u32, f32> = WordMap::default();
            for &(key, place) in &postings.held[c] {
                let weight = postings.weight(key);
                for &other in postings.neighbours(key, place) {
                    if other > c as u32 {
                        *shared.entry(other).or_default() += weight;
                    }
                }
            }
            let mut mine: Vec<(u32, u32)> = shared
                .into_iter()
                .filter(|&(_, w)| w >= MIN_SHARED)
                .map(|(other, _)| (among[c], among[other as usize]))
                .collect();
            mine.sort_unstable();
            Ok(mine)
        })
        .collect::<Result<_, Cancelled>>()?;
    let mut pairs: Vec<(u32, u32)> = per_claim.into_iter().flatten().collect();
    // Claims of one sentence answer each other (`Moscow claims …, but officials put the
    // figure at …`): neighbours in a sentence are always compared.
    pairs.extend(sentence_pairs(&outline.sentences, rep));
    pairs.sort_unstable();
    pairs.dedup();
    Ok(pairs)
}

/// Claims next to each other in one sentence (`sentences`: each claim's `(document,
/// sentence)`, see `ClaimView::sentence`), as pairs `(a, b)`, `a < b`, of their
/// representatives (`rep[i]`, claim `i`'s, in the corpus's numbering).
pub(super) fn sentence_pairs<'a>(
    sentences: &'a [Option<(u32, u32)>],
    rep: &'a [u32],
) -> impl Iterator<Item = (u32, u32)> + 'a {
    sentences
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w[0].is_some() && w[0] == w[1])
        .map(|(i, _)| (rep[i], rep[i + 1]))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.min(b), a.max(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::build::text_views;
    use crate::lang::Language;

    fn same_words_of(text: &str) -> Vec<String> {
        let v = text_views(&[text], Language::english()).pop().unwrap();
        same_words_keys(&v).collect()
    }

    #[test]
    fn an_opening_conjunction_is_no_part_of_a_short_claims_words() {
        let with = same_words_of("But we will be talking about it.");
        assert_eq!(with.len(), 2);
        assert_eq!(with, same_words_of("we will be talking about it."));
        assert_eq!(with, same_words_of("And so we will be talking about it."));
        // Other words still count.
        assert_ne!(with, same_words_of("Now we will be talking about it."));
    }

    fn frame_keys_of(text: &str) -> Vec<String> {
        let v = text_views(&[text], Language::english()).pop().unwrap();
        let keys: Vec<String> = key_strings(&v).into_iter().map(|(k, _)| k).collect();
        keys.into_iter().filter(|k| k.starts_with('%')).collect()
    }

    #[test]
    fn a_negated_deed_and_the_deed_asserted_share_their_frame_keys() {
        let denied = frame_keys_of("Vladimir Putin did not meet Volodymyr Zelensky in Istanbul.");
        let asserted =
            frame_keys_of("Vladimir Putin met Volodymyr Zelensky in Istanbul on Tuesday.");
        assert!(!denied.is_empty(), "{denied:?}");
        let shared = denied.iter().filter(|k| asserted.contains(k)).count();
        // Enough to make them a candidate pair on their own.
        assert!(
            shared as f32 * weight(1) >= MIN_SHARED,
            "{denied:?} / {asserted:?}"
        );
        // No named participant, no frame key: `they` and `anyone` are no actor.
        assert_eq!(
            frame_keys_of("They did not meet anyone."),
            Vec::<String>::new()
        );
    }
}
