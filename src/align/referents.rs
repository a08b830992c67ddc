//! Whether two claims that state one predicate state it of one referent. `It has a margin
//! of error of plus or minus 4 percentage points`, `The results will be published in the
//! journal`, `The court reversed the decision`: a pronoun or a description (`the court`,
//! `the results`) names a kind of thing, and every story has one. Two such claims are one
//! proposition only when something ties their participants to one referent: a participant
//! named alike on both sides (an entity, a pronoun resolved to one, a name inside the
//! phrase), a name or entity the two claims share, one speaker, a precise figure or a
//! calendar day both give, or one story: two articles naming the same people and places
//! tell one event, where `the poll` of one outlet is most likely the other's.
//! Otherwise they are the same kind of statement, `related`.

use super::figures::FigureValue;
use super::frames::FrameMatch;
use super::lexicon::AlignLexicon;
use super::represent::ClaimView;
use super::stories;

/// Significant digits a figure needs to tie two claims to one event: `4 percentage
/// points`, `0.1 percent`, `20 percent` recur in every story of their kind; `$388.1
/// million`, `9,256.49`, `52 percent` rarely do by chance.
const SPECIFIC_DIGITS: usize = 2;

/// Whether the agreement found in `m` (frames of `x` and `y`, clauses of the whole claims
/// `a` and `b`) rests on participants not known to be one: no participant role both fill
/// names one referent (`named_alike`, or one capitalised word in both fillers: a name the
/// tagger missed, `Peterson is charged`), and the whole claims share nothing named
/// (`named`: an entity, a name, one speaker, as the caller reads them), no precise figure,
/// no calendar day, and do not come from one story (`stories::one`).
pub fn unanchored(
    m: &FrameMatch,
    (x, y): (&ClaimView, &ClaimView),
    (a, b): (&ClaimView, &ClaimView),
    named_alike: impl Fn(&ClaimView, &ClaimView, &str) -> bool,
    named: bool,
    lex: &AlignLexicon,
) -> bool {
    let tied = (m.shared.iter())
        .filter(|(_, role)| is_participant(role))
        .any(|(text, _)| {
            named_alike(x, y, text) || named_alike(y, x, text) || capital_in_both(text, y, lex)
        });
    !(tied || named || specific_figure(a, b) || same_day(a, b) || stories::one(&a.story, &b.story))
}

/// Whether a word of `text` written with a capital (not a stopword: `The`, `It`) is
/// written so in a participant of `y`'s frames too.
fn capital_in_both(text: &str, y: &ClaimView, lex: &AlignLexicon) -> bool {
    let capitals = |t: &'_ str| -> Vec<String> {
        t.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| w.starts_with(char::is_uppercase))
            .filter(|w| !lex.stopwords.contains(&w.to_lowercase()))
            .map(str::to_owned)
            .collect()
    };
    let mine = capitals(text);
    !mine.is_empty()
        && (y.frames.iter())
            .flat_map(|f| f.roles.iter().flatten())
            .any(|f| capitals(&f.text).iter().any(|w| mine.contains(w)))
}

fn is_participant(role: &str) -> bool {
    matches!(role, "agent" | "patient" | "recipient")
}

/// Whether the two claims give one precise figure (`specific`, one unit): bounds that
/// meet, or for a floor (`more than 1.6 million`) the value written.
fn specific_figure(a: &ClaimView, b: &ClaimView) -> bool {
    let meet = |f: &FigureValue, g: &FigureValue| {
        f.unit == g.unit
            && if f.floor || g.floor {
                f.value == g.value
            } else {
                f.lo <= g.hi && g.lo <= f.hi
            }
    };
    (a.figures.iter().filter(|f| specific(f)))
        .any(|f| (b.figures.iter().filter(|g| specific(g))).any(|g| meet(f, g)))
}

/// Widest spread of a precise figure's bounds: its rounding (`7.12 percent` reaches 7.115
/// to 7.125), not a range (`three to four`) nor an approximation (`about 800`).
const PRECISE_SPREAD: f64 = 1.02;

/// One value written with `SPECIFIC_DIGITS` significant digits, not a range nor an
/// approximation (a floor, `more than 1.6 million`, is its value written).
pub fn specific(f: &FigureValue) -> bool {
    (f.floor || f.hi - f.lo <= (PRECISE_SPREAD - 1.0) * f.value.abs())
        && significant_digits(f.value) >= SPECIFIC_DIGITS
}

/// The significant digits of a value as written in shortest form: 9,000 has one, 1,653.44
/// six, 0.11 two.
fn significant_digits(v: f64) -> usize {
    let s = format!("{}", v.abs());
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    // Trailing zeros of a whole number are its magnitude, not its precision.
    let digits = if s.contains('.') {
        digits
    } else {
        digits.trim_end_matches('0')
    };
    digits.len()
}

/// Whether the two claims name one calendar day (a date resolved to a single day).
fn same_day(a: &ClaimView, b: &ClaimView) -> bool {
    let days = |v: &ClaimView| {
        (v.time.days.iter())
            .filter(|(first, last)| first == last)
            .map(|&(d, _)| d)
            .collect::<Vec<_>>()
    };
    let theirs = days(b);
    days(a).iter().any(|d| theirs.contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_counts_significant_digits_not_magnitude() {
        assert_eq!(significant_digits(4.0), 1);
        assert_eq!(significant_digits(9000.0), 1);
        assert_eq!(significant_digits(0.1), 1);
        assert_eq!(significant_digits(0.11), 2);
        assert_eq!(significant_digits(20.0), 1);
        assert_eq!(significant_digits(52.0), 2);
        assert_eq!(significant_digits(1653.44), 6);
        assert_eq!(significant_digits(388_100_000.0), 4);
    }
}
