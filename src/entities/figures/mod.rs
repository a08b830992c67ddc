//! Figures: cardinals, ordinals, quantities with units, money and percentages, each with a
//! normalised value, a canonical unit and the bounds its wording gives (`at least 30`,
//! `nearly 300,000`, `hundreds of`).
//!
//! Numbers that belong to a date or a duration (`Nov. 2, 2022`, `in 2014`, `the past 48
//! hours`) are left to `dates`: a figure never overlaps a date mention.

mod lexicon;
mod number;
mod phrases;
pub(crate) mod view;

#[cfg(test)]
pub(crate) mod tests;

use std::ops::Range;

use crate::entities::label::Label;
use crate::lang::Language;
use crate::text::tokens::Token;
use lexicon::Bound;
pub(crate) use lexicon::Lexicon;
pub(crate) use number::{number_at, NumberKind, NumberMatch};
use view::TokenView;

/// A figure in the text, with its value, unit and bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Token indices, end exclusive; the span includes cue words (`at least 30`).
    pub tokens: Range<usize>,
    /// Cardinal, Ordinal, Quantity, Money or Percent.
    pub label: Label,
    /// The number, converted to `unit` (`1.5 kilometers` → 1.5 km; `500 metres` → 0.5 km;
    /// `15 per cent` → 15). For plural magnitudes (`hundreds of`) it is the lower bound.
    pub value: f64,
    /// Canonical unit or ISO 4217 currency code (`km`, `km2`, `%`, `EUR`); None for counts.
    pub unit: Option<&'static str>,
    /// Smallest value the wording allows (`at least 30`, `more than 12,000`: exclusive).
    pub lower: Option<f64>,
    /// Largest value the wording allows (`as many as 20,000`, `nearly 300,000`).
    pub upper: Option<f64>,
    /// The wording says the figure is rough (`about`, `some`, `nearly`, `hundreds of`).
    pub approximate: bool,
}

/// Figures in token order, non-overlapping, never overlapping a date.
pub fn find_figures(text: &str, tokens: &[Token], language: &Language) -> Vec<Figure> {
    let v = TokenView::new(text, tokens, language);
    let dates = crate::entities::dates::date_spans(&v);
    figures_clear_of(&v, &dates)
}

/// Figures in token order, non-overlapping, never overlapping one of `dates` (the spans of
/// the view's dates, in order).
pub(crate) fn figures_clear_of(v: &TokenView, dates: &[Range<usize>]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut next_date = dates.iter().peekable();
    let mut i = 0;
    while i < v.len() {
        while next_date.next_if(|d| d.end <= i).is_some() {}
        let limit = match next_date.peek() {
            Some(d) if d.start <= i => {
                i = d.end;
                continue;
            }
            Some(d) => d.start,
            None => v.len(),
        };
        match figure_at(v, i, limit) {
            Some(f) => {
                i = f.tokens.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

/// The figure starting at token `i` and ending at or before `limit`.
fn figure_at(v: &TokenView, i: usize, limit: usize) -> Option<Figure> {
    let lex = &v.language.figures;
    if !v.starts_digit(i) && !lex.starters.contains(v.key(i)) {
        return None;
    }
    let cue = lex.cues.longest_at(v, i);
    let mut j = i + cue.map_or(0, |(n, _)| n);
    let prefix_unit = lex.units_before.longest_at(v, j);
    j += prefix_unit.map_or(0, |(n, _)| n);
    let num = number_at(v, j)?;
    if num.end > limit || !plausible(v, j, &num) {
        return None;
    }
    if num.kind == NumberKind::Ordinal {
        // An ordinal takes no cue and no unit; the caller retries at the ordinal itself.
        return (j == i).then_some(Figure {
            tokens: i..num.end,
            label: Label::Ordinal,
            value: num.value,
            unit: None,
            lower: None,
            upper: None,
            approximate: false,
        });
    }
    let mut end = num.end;
    let mut unit = prefix_unit.map(|(_, u)| u);
    if unit.is_none() {
        // `20 km`, `20-kilometre`, `15 per cent`, `1,600 euros`
        let k = if v.is(end, "-") { end + 1 } else { end };
        if let Some((n, u)) = lex
            .units_after
            .longest_at(v, k)
            .filter(|(n, _)| k + n <= limit)
        {
            unit = Some(u);
            end = k + n;
        }
    }
    let factor = unit.map_or(1.0, |u| u.factor);
    let value = num.value * factor;
    let (mut lower, mut upper, mut approximate) = match num.kind {
        NumberKind::Vague { lower, upper } => (Some(lower * factor), Some(upper * factor), true),
        _ => (None, None, false),
    };
    match cue.map(|(_, b)| b) {
        Some(Bound::Min | Bound::Above) => lower = Some(value),
        Some(Bound::Max | Bound::Below) => upper = Some(value),
        Some(Bound::About) => approximate = true,
        Some(Bound::Nearly) => {
            upper = Some(value);
            approximate = true;
        }
        None => {}
    }
    Some(Figure {
        tokens: i..end,
        label: unit.map_or(Label::Cardinal, |u| u.label),
        value,
        unit: unit.map(|u| u.canonical),
        lower,
        upper,
        approximate,
    })
}

/// Rejects number words used as something else: the pronoun `one` (`no one`, `the one`,
/// `one-time`, `one by one`), `second` the unit of time (`a second`, `per second`) and
/// ordinals used as adverbs (`first reported`).
fn plausible(v: &TokenView, j: usize, num: &NumberMatch) -> bool {
    let alone = num.end == j + 1;
    let prev = j.checked_sub(1);
    let prev_is = |words: &[&str]| prev.is_some_and(|p| v.is_any(p, words));
    if alone && v.is(j, "one") {
        return !prev_is(&[
            "no", "any", "every", "each", "this", "that", "which", "the", "only", "another", "by",
        ]) && !v.is_any(j + 1, &["another", "-", "by", "'s", "’s"]);
    }
    if alone && v.is(j, "second") {
        let after_number = prev.is_some_and(|p| v.starts_digit(p));
        // `a second round` is the ordinal; `a second,` `a second later` the unit of time.
        let a_second_noun = prev_is(&["a"])
            && v.starts_lower(j + 1)
            && !v.is_any(
                j + 1,
                &[
                    "later", "earlier", "ago", "or", "and", "of", "longer", "more", "less", "too",
                ],
            );
        return !after_number
            && (a_second_noun || !prev_is(&["a", "one", "per", "every", "each", "split", "few"]));
    }
    // `the first city`, `the country’s first capital`, but not the adverb (`should first
    // withdraw`, `talks, first reported by`): a spelled-out ordinal follows a determiner.
    if num.kind == NumberKind::Ordinal && !v.starts_digit(j) {
        return prev_is(&[
            "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that",
            "these", "those", "every", "each", "'s", "’s",
        ]);
    }
    true
}

/// Length in tokens of a bound cue (`at least`, `more than`) starting at token `i`.
pub(crate) fn cue_at(v: &TokenView, i: usize) -> Option<usize> {
    v.language.figures.cues.longest_at(v, i).map(|(n, _)| n)
}

/// Whether a bound cue ends just before token `i` (`at least` | `2000`).
pub(crate) fn cue_ends_at(v: &TokenView, i: usize) -> bool {
    (1..=3).any(|n| i >= n && cue_at(v, i - n) == Some(n))
}

/// Whether a unit or currency written after a number starts at token `i`.
pub(crate) fn unit_at(v: &TokenView, i: usize) -> bool {
    v.language.figures.units_after.longest_at(v, i).is_some()
}
