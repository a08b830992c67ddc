//! A conjunct split from a governed clause keeps its governor's modality: in `It's possible
//! things won't go well and we won't have the meetings`, the second clause is as possible
//! as the first, though the split claim holds only its own words (`split.rs`). The parse of
//! such openers is often wrong (`possible` read as a modifier of `things`), so the governor
//! is read from the words that open the sentence: `it is` + a modality adjective, or a
//! modality adverb (`maybe`, `perhaps`), before the first conjunct (issue 10, linking).

use std::ops::Range;

use super::frame::{Frame, FrameSource};
use crate::text::tokens::TokenKind;

/// Classes a governor may give: a modal auxiliary inside the conjunct (`won't`) is
/// outranked by it, an opinion or obligation is not read from an opener.
const GOVERNING: &[&str] = &["possible", "likely", "unlikely"];

/// The governing class of a modality word, or of a class's own name (`possible`, which
/// modality.txt leaves out so that `possible to` is no raising word).
fn class_of(src: &FrameSource, lemma: &str) -> Option<&'static str> {
    let named = GOVERNING.iter().copied().find(|&c| c == lemma);
    named
        .or_else(|| src.words.modality_class(lemma))
        .filter(|c| GOVERNING.contains(c))
}

/// How far back the opener may lie, in tokens: one sentence of news.
const REACH: usize = 60;

/// The modality lemma governing the conjunct that starts at token `r.start`, when the
/// token before it is a coordinating conjunction and the sentence opens with a governor.
pub fn governing_modality(src: &FrameSource, r: &Range<usize>) -> Option<String> {
    let tok = |i: usize| src.syntax.get(i);
    let mut k = r.start.checked_sub(1)?;
    while k > 0 && tok(k).pos == "PUNCT" {
        k -= 1;
    }
    if tok(k).pos != "CCONJ" || !matches!(tok(k).lemma.to_lowercase().as_str(), "and" | "but") {
        return None;
    }
    // `…, and we will`: a comma before the conjunction sets off a clause of its own.
    if k == 0 || tok(k - 1).pos == "PUNCT" {
        return None;
    }
    // The sentence's first word: after the last terminal mark (or a quotation mark
    // opening it) before the conjunction.
    let floor = k.saturating_sub(REACH);
    let terminal = |i: usize| {
        let t = &src.tokens[i];
        matches!(
            &src.text[t.start as usize..t.end as usize],
            "." | "!" | "?" | ";"
        )
    };
    let mut first = match (floor..k).rev().find(|&i| terminal(i)) {
        Some(i) => i + 1,
        None if floor == 0 => 0,
        None => return None,
    };
    while first < k && (src.tokens[first].kind == TokenKind::Quote || tok(first).pos == "PUNCT") {
        first += 1;
    }
    let class = |i: usize| {
        let lemma = tok(i).lemma.to_lowercase();
        class_of(src, &lemma).map(|_| lemma)
    };
    let pos = |i: usize| tok(i).pos;
    // `Maybe …`, `Perhaps …`
    if first < k && pos(first) == "ADV" {
        return class(first);
    }
    // `It's possible …`, `It is very likely …`
    let is_it = |i: usize| {
        let t = &src.tokens[i];
        src.text[t.start as usize..t.end as usize].eq_ignore_ascii_case("it")
    };
    if first + 2 < k && is_it(first) && tok(first + 1).lemma == "be" {
        let mut a = first + 2;
        if pos(a) == "ADV" && a + 1 < k {
            a += 1;
        }
        if pos(a) == "ADJ" {
            return class(a);
        }
    }
    None
}

/// Gives the core frames of the conjunct at `r` the modality that governs it, where the
/// conjunct says none or only its own `will`.
pub fn inherit(src: &FrameSource, r: &Range<usize>, frames: &mut [Frame]) {
    let Some(lemma) = governing_modality(src, r) else {
        return;
    };
    for f in frames.iter_mut().filter(|f| f.core) {
        if matches!(f.modality_class.as_deref(), None | Some("will")) {
            f.modality_class = class_of(src, &lemma).map(crate::text::interned::Interned::new);
            f.modality = Some(crate::text::interned::Interned::new(&lemma));
        }
    }
}
