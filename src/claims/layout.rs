//! Layout: which paragraphs are the article's body. Scraped news carries, besides the body,
//! a headline, a standfirst or photo caption or video blurb above the dateline, and copies
//! of the body's own words (an embedded post under the quotation that carries it, a
//! pull-quote, a caption printed twice). None of these is a claim of its own: a headline
//! restates the lede, a copy restates its original, and a blurb describes other material.
//!
//! Rules, each read from layout alone (never from what a paragraph says):
//! - **dateline**: a paragraph opening with a place and a dash (`WASHINGTON —`,
//!   `PALM BEACH, Fla. —`, `WASHINGTON (Reuters)-`, `Kyiv, Ukraine –`) starts the body; the
//!   dateline itself is neither speaker nor proposition;
//! - **front matter**: the short paragraphs before a dateline near the top;
//! - **headline**: with no dateline on top, a short first paragraph of one sentence at the
//!   very top of the text, above a body of several paragraphs that restates it (a share of
//!   its words, reporting verbs aside, recurs in the paragraphs below);
//! - **standfirst**: under such a headline, one short sentence standing alone above a longer
//!   paragraph (the dek or a video title: `DNC files lawsuit over election interference.`);
//! - **video blurb**: a paragraph that ends with a correspondent's credit (`…; chief White
//!   House correspondent John Roberts reports from West Palm Beach, Florida.`);
//! - **copies**: a paragraph whose words another paragraph of the document carries (most of
//!   its word triples), when that one is longer or, as long, comes first; a paragraph printed
//!   twice in a row is a display line (a caption under a photo and in a gallery), both times.

use super::segments::Paragraph;
use super::words::Word;
use crate::syntax::hashing::{WordMap, WordSet};
use crate::text::tokens::TokenKind;

/// How far down the article a dateline may start the body (paragraphs).
const DATELINE_WITHIN: usize = 4;
/// Words of the place before a dateline's dash, at most (`PALM BEACH, Fla.`).
const DATELINE_PLACE_WORDS: usize = 6;
/// Sentences a paragraph of front matter (headline, standfirst, caption) has at most.
const FRONT_MATTER_SENTENCES: usize = 2;
/// Paragraphs an article must have for its first one-sentence paragraph to be a headline.
const MIN_PARAGRAPHS_UNDER_HEADLINE: usize = 3;
/// Words a headline has at most: a longer first sentence is a lede.
const MAX_HEADLINE_WORDS: usize = 25;
/// Words a standfirst has at most: a longer paragraph under the headline is the lede.
const MAX_STANDFIRST_WORDS: usize = 20;
/// Paragraphs below a headline that restate it, and the share of its words they must carry.
const HEADLINE_RESTATED_WITHIN: usize = 3;
const HEADLINE_RESTATED_SHARE: f64 = 0.4;
/// Letters of a word compared to find it restated (`suspends` / `suspend`, `Korea's` /
/// `Korean`), and the fewest a word needs to count (function words do not).
const STEM_LETTERS: usize = 5;
const MIN_WORD_LETTERS: usize = 5;
/// Share of a paragraph's word triples another must carry for it to be a copy.
const COPY_SHARE: f64 = 0.75;
/// Words a paragraph needs to be judged a copy: shorter ones repeat by chance.
const MIN_COPY_WORDS: usize = 6;
/// Triples found in more paragraphs than this are stock phrases, not evidence of a copy
/// (and skipping them keeps the comparison linear in the document's length).
const MAX_TRIPLE_PARAGRAPHS: usize = 8;

const DASHES: &[&str] = &["—", "―", "–", "-", "--"];

/// The word after a paragraph's dateline (`SEOUL, South Korea — ` → the index of the word
/// after the dash), if it opens with one.
pub fn dateline_end(words: &[Word]) -> Option<usize> {
    if !words.first()?.is_capitalised() {
        return None;
    }
    let mut place_words = 0;
    for (k, w) in words.iter().enumerate().skip(1) {
        if w.kind == TokenKind::Punct && DASHES.contains(&w.text) {
            // A hyphen between two words (`Russian-installed`) is no dateline's dash.
            let prev = &words[k - 1];
            let glued = |x: &Word, y: &Word| x.end == y.start;
            let hyphen = words.get(k + 1).is_some_and(|next| {
                prev.kind == TokenKind::Word && glued(prev, w) && glued(w, next)
            });
            return (!hyphen && k + 1 < words.len()).then_some(k + 1);
        }
        if w.kind == TokenKind::Word {
            // `Fla.`, `South Korea`, `(Reuters)`: capitalised words only.
            if !w.is_capitalised() {
                return None;
            }
            place_words += 1;
            if place_words > DATELINE_PLACE_WORDS {
                return None;
            }
        } else if !matches!(w.text, "," | "." | "(" | ")") {
            return None;
        }
    }
    None
}

/// Whether a paragraph is a dateline on a line of its own: a place in capitalised words and
/// the date, nothing else (`SEOUL 1996-08-30`, `LONDON, Aug 31`), as wire copy is filed. The
/// lines above it are front matter (`SOCCER - RESULTS OF SOUTH KOREAN PRO-SOCCER GAMES.`).
fn dateline_alone(words: &[Word]) -> bool {
    let place = (words.iter())
        .take_while(|w| w.is_capitalised() && !w.time_word || w.is_punct(","))
        .count();
    let date = &words[place..];
    let numbers = date.iter().filter(|w| w.kind == TokenKind::Number).count();
    (1..=DATELINE_PLACE_WORDS).contains(&place)
        && numbers > 0
        && (date.iter()).all(|w| {
            w.kind == TokenKind::Number
                || w.time_word
                || (w.kind == TokenKind::Punct && matches!(w.text, "-" | "/" | "," | "."))
        })
}

fn sentences(p: &Paragraph) -> usize {
    let mut n = 0;
    let mut last = None;
    for &s in &p.sentence_of {
        if last != Some(s) {
            n += 1;
            last = Some(s);
        }
    }
    n
}

/// For each paragraph, whether it is the article's body (its segments may give claims).
pub fn body(text: &str, paragraphs: &[Paragraph]) -> Vec<bool> {
    let mut body = vec![true; paragraphs.len()];
    // A dateline on its own line comes first: a headline above it with a section label
    // (`SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN.`) reads like a dateline with a dash.
    let top = || paragraphs.iter().take(DATELINE_WITHIN);
    let dateline = (top().position(|p| dateline_alone(&p.words)))
        .or_else(|| top().position(|p| dateline_end(&p.words).is_some()));
    match dateline {
        Some(d) => {
            if paragraphs[..d]
                .iter()
                .all(|p| sentences(p) <= FRONT_MATTER_SENTENCES)
            {
                body[..d].fill(false);
            }
        }
        None if paragraphs.is_empty() => {}
        None => {
            let first = &paragraphs[0];
            let at_top = first
                .words
                .first()
                .is_some_and(|w| text[..w.start as usize].trim().is_empty());
            let words = word_count(first);
            // A line with no final stop is a headline whatever follows (it gives no claim
            // anyway); one with a stop only when the paragraphs below restate it.
            let unfinished = !first.words.last().is_some_and(Word::is_terminal);
            if at_top
                && paragraphs.len() >= MIN_PARAGRAPHS_UNDER_HEADLINE
                && sentences(first) == 1
                && words <= MAX_HEADLINE_WORDS
                && (unfinished || restated_below(paragraphs))
            {
                body[0] = false;
                body[1] = !is_standfirst(&paragraphs[1], &paragraphs[2]);
            }
        }
    }
    for (i, p) in paragraphs.iter().enumerate() {
        body[i] &= !ends_with_correspondent_credit(&p.words);
    }
    for (i, copy) in copies(paragraphs).into_iter().enumerate() {
        body[i] &= !copy;
    }
    body
}

fn word_count(p: &Paragraph) -> usize {
    p.words.iter().filter(|w| w.is_word()).count()
}

/// The paragraph under a headline is a standfirst: one short sentence, above a longer one.
fn is_standfirst(p: &Paragraph, next: &Paragraph) -> bool {
    let words = word_count(p);
    sentences(p) == 1 && words <= MAX_STANDFIRST_WORDS && word_count(next) > words
}

/// `… John Roberts reports from West Palm Beach, Florida.`: the credit a video blurb ends
/// with, naming who reports from where (a body sentence goes on after the place, or reports
/// something: `reports from the front say …`).
fn ends_with_correspondent_credit(words: &[Word]) -> bool {
    let mut end = words.len();
    while end > 0 && words[end - 1].is_terminal() {
        end -= 1;
    }
    let Some(from) = (1..end).rev().find(|&k| words[k].is("from")) else {
        return false;
    };
    let place = &words[from + 1..end];
    words[from - 1].is_any(&["reports", "reporting"])
        && place.first().is_some_and(Word::is_capitalised)
        && place
            .iter()
            .all(|w| w.is_capitalised() || w.is_punct(",") || w.text == ".")
}

/// Stems of a paragraph's content words (long enough, not a reporting verb).
fn content_stems(p: &Paragraph) -> Vec<String> {
    p.words
        .iter()
        .filter(|w| w.kind == TokenKind::Word && w.lower.chars().count() >= MIN_WORD_LETTERS)
        .filter(|w| !p.lexicon.cue_forms.contains(w.lower.as_str()))
        .map(|w| w.lower.chars().take(STEM_LETTERS).collect())
        .collect()
}

/// Whether the paragraphs under the first one restate it (see the module's rules).
fn restated_below(paragraphs: &[Paragraph]) -> bool {
    let headline = content_stems(&paragraphs[0]);
    if headline.is_empty() {
        return false;
    }
    // Word sets' hasher, not SipHash: only looked up.
    let below: WordSet<String> = paragraphs[1..]
        .iter()
        .take(HEADLINE_RESTATED_WITHIN)
        .flat_map(content_stems)
        .collect();
    let restated = headline.iter().filter(|w| below.contains(*w)).count();
    restated as f64 >= HEADLINE_RESTATED_SHARE * headline.len() as f64
}

fn lower_words<'a>(p: &'a Paragraph) -> Vec<&'a str> {
    p.words
        .iter()
        .filter(|w| w.is_word())
        .map(|w| w.lower.as_str())
        .collect()
}

/// Whether each paragraph is a copy of another (see the module's rules).
fn copies(paragraphs: &[Paragraph]) -> Vec<bool> {
    let words: Vec<Vec<&str>> = paragraphs.iter().map(lower_words).collect();
    let mut triples: Vec<Vec<[&str; 3]>> = words
        .iter()
        .map(|w| w.windows(3).map(|t| [t[0], t[1], t[2]]).collect())
        .collect();
    for t in &mut triples {
        t.sort_unstable();
        t.dedup();
    }
    // Word maps' hasher, not SipHash: these maps are only looked up, never iterated in order.
    // Sized for every triple at once: it never grows (each growth hashed every key again).
    let mut holders: WordMap<[&str; 3], Vec<usize>> =
        WordMap::with_capacity_and_hasher(triples.iter().map(Vec::len).sum(), Default::default());
    for (i, ts) in triples.iter().enumerate() {
        for t in ts {
            holders.entry(*t).or_default().push(i);
        }
    }
    let mut out = vec![false; paragraphs.len()];
    for (i, ts) in triples.iter().enumerate() {
        if words[i].len() < MIN_COPY_WORDS || ts.is_empty() {
            continue;
        }
        let mut carried: WordMap<usize, usize> = WordMap::default();
        for t in ts {
            let h = &holders[t];
            if h.len() > MAX_TRIPLE_PARAGRAPHS {
                continue;
            }
            for &j in h.iter().filter(|&&j| j != i) {
                *carried.entry(j).or_default() += 1;
            }
        }
        out[i] = carried.into_iter().any(|(j, n)| {
            let original =
                words[j].len() > words[i].len() || (words[j].len() == words[i].len() && j < i);
            original && n as f64 >= COPY_SHARE * ts.len() as f64
        });
    }
    // A paragraph printed twice in a row is a display line, the first time too.
    for i in 1..paragraphs.len() {
        if words[i].len() >= MIN_COPY_WORDS && words[i] == words[i - 1] {
            out[i - 1] = true;
            out[i] = true;
        }
    }
    out
}
