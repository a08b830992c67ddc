//! Whether each side of an agreeing pair states all the other does (issue 10: a pair is
//! `agree` only when both claims assert the same proposition). One claim that states the
//! other's proposition and more (`… charred 12,400 acres` / `… charred 12,400 acres and
//! more than 250 homes were destroyed`) corroborates it in part: the pair is `related`,
//! and the reason names the side and what it adds.
//!
//! Only figures are asked for now. Measured on the judged MSRP corpus pool (session 44),
//! an extra figure marks a partial or false agreement far more often than a true one,
//! while an extra participant, date or clause is about as often tolerated (`on Monday`, a
//! second place named) and costs newswcl50-dev links, whose gold counts such pairs as one
//! proposition.

use super::figures::FigureValue;
use super::represent::ClaimView;

/// Bare numbers up to this with nothing counted after them are ages or ranks
/// (`Peterson, 31`, `No. 12`): a detail of who, not a figure the claim reports.
const BARE_DETAIL: f64 = 120.0;
/// Bare counts up to this are small (`two`, `one of them`): a sentence gives them for
/// many reasons, and the other side often says them in words (`his wife and son`).
const SMALL_COUNT: f64 = 10.0;

/// Which side of a pair states more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    First,
    Second,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::First => "the first claim",
            Side::Second => "the second claim",
        }
    }
}

/// A figure one side states and the other neither states nor contradicts: the side and
/// the figure's text. Every figure the other side gives is matched by one of this side
/// (else the two give other values, or one value in two units: `about 30 miles` / `about
/// 48km`, which is no addition), and this side's figure is matched by none of the
/// other's, nor written among its numbers. Trivial details are not asked (`detail`), nor
/// a share given beside a change both state (`same_move_in_percent`).
pub fn extra_figure(a: &ClaimView, b: &ClaimView) -> Option<(Side, String)> {
    let one_sided = |s: &ClaimView, o: &ClaimView| {
        if unmatched(o, s).next().is_some() {
            return None;
        }
        unmatched(s, o)
            .filter(|x| !detail(x))
            .find(|x| !same_move_in_percent(x, s, o))
            .map(|x| x.text.clone())
    };
    one_sided(a, b)
        .map(|x| (Side::First, x))
        .or_else(|| one_sided(b, a).map(|x| (Side::Second, x)))
}

/// The figures of `s` that `o` does not state: no figure of `o` compatible with it, its
/// number nowhere in `o`'s words, nor the number it is restated as in brackets (`12,390
/// baht (US$298)` / `$298`). Labels (`the FTSE 100`) name a measure, not a value.
fn unmatched<'s>(s: &'s ClaimView, o: &'s ClaimView) -> impl Iterator<Item = &'s FigureValue> {
    (s.figures.iter())
        .filter(|x| !x.label)
        .filter(|x| !o.figures.iter().any(|y| x.compatible(y)))
        .filter(|x| !o.numbers.contains(&x.value))
        .filter(|x| !x.restated.is_some_and(|r| o.numbers.contains(&r)))
}

/// A small bare count (`two`), or a bare whole number with nothing counted after it, as
/// an age is written (`Peterson, 31`).
fn detail(x: &FigureValue) -> bool {
    let bare = x.unit.is_none();
    bare && (x.hi <= SMALL_COUNT
        || x.counts.is_none() && x.value.fract() == 0.0 && x.value <= BARE_DETAIL)
}

/// A percentage beside a figure of another unit that both sides state, one of the two a
/// change (`fell 72 cents, or 3.8 percent`, `fell 3.8 percent, or 72 cents`): the one move
/// said twice, not a second measure.
fn same_move_in_percent(x: &FigureValue, s: &ClaimView, o: &ClaimView) -> bool {
    let shared =
        |y: &&FigureValue| y.unit != Some("%") && o.figures.iter().any(|z| y.compatible(z));
    x.unit == Some("%")
        && (s.figures.iter().filter(shared))
            .any(|y| y.change == Some(true) || x.change == Some(true))
}
