//! Numbers at a token position: digits (`1,600`, `1.5`, `155th`), digits with a scale word
//! (`1.5 million`), spelled out (`Twenty`, `three million`, `twenty-five`, `a dozen`),
//! plural magnitudes (`hundreds of thousands`) and fractions (`half`, `a third of`, `10/32`,
//! `2 1/2`, `1-1/4`).

use super::lexicon::NumberWord;
use super::view::TokenView;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberKind {
    Cardinal,
    Ordinal,
    /// A plural magnitude: at least `lower`, below `upper`; the value is `lower`.
    Vague {
        lower: f64,
        upper: f64,
    },
    Fraction,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberMatch {
    /// One past the last token of the number.
    pub end: usize,
    pub value: f64,
    pub kind: NumberKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Numeral {
    Plain(f64),
    Ordinal(f64),
}

/// Parses one number token: `1600`, `1,600`, `300,000`, `1.5`, `0.45`, `1,5` (decimal
/// comma), `155th`. Anything else (dates, hashes, `TB-2`) is not a numeral.
pub(crate) fn parse_numeral(s: &str) -> Option<Numeral> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || b.len() > 40 {
        return None;
    }
    let digits_end = b
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(b.len());
    if digits_end + 2 == b.len() {
        let suffix = &s[digits_end..];
        if ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| suffix.eq_ignore_ascii_case(x))
        {
            return s[..digits_end].parse().ok().map(Numeral::Ordinal);
        }
    }
    // Digits with `,` groups of three and at most one `.`; a single `,` followed by one or
    // two digits is a decimal comma.
    let mut buf = [0u8; 40];
    let mut len = 0;
    let mut seen_dot = false;
    let commas = b.iter().filter(|&&c| c == b',').count();
    let dots = b.iter().filter(|&&c| c == b'.').count();
    if dots > 1
        || (commas > 0
            && dots == 1
            && b.iter().position(|&c| c == b'.') < b.iter().position(|&c| c == b','))
    {
        return None;
    }
    let decimal_comma = commas == 1 && dots == 0 && {
        let after = b.len() - 1 - b.iter().position(|&c| c == b',').unwrap_or(0);
        after == 1 || after == 2
    };
    let mut run = 0; // digits since the last separator
    let mut first_group = true;
    for &c in b {
        match c {
            b'0'..=b'9' => {
                buf[len] = c;
                len += 1;
                run += 1;
            }
            b',' if decimal_comma => {
                buf[len] = b'.';
                len += 1;
                seen_dot = true;
                run = 0;
            }
            b',' if !seen_dot => {
                if run == 0 || run > 3 || (!first_group && run != 3) {
                    return None;
                }
                first_group = false;
                run = 0;
            }
            b'.' => {
                if !first_group && run != 3 {
                    return None;
                }
                buf[len] = b'.';
                len += 1;
                seen_dot = true;
                first_group = true;
                run = 0;
            }
            _ => return None,
        }
    }
    if run == 0 || (!first_group && !seen_dot && run != 3) {
        return None;
    }
    std::str::from_utf8(&buf[..len])
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map(Numeral::Plain)
}

fn word_at(v: &TokenView, i: usize) -> Option<NumberWord> {
    v.language.figures.number_words.get(v.key(i)).copied()
}

/// The number starting at token `i`, if one does.
pub(crate) fn number_at(v: &TokenView, i: usize) -> Option<NumberMatch> {
    if i >= v.len() {
        return None;
    }
    if v.starts_digit(i) {
        if let Some(value) = written_fraction(v.str(i)) {
            return Some(NumberMatch {
                end: i + 1,
                value,
                kind: NumberKind::Cardinal,
            });
        }
        return match parse_numeral(v.str(i))? {
            Numeral::Ordinal(n) => Some(NumberMatch {
                end: i + 1,
                value: n,
                kind: NumberKind::Ordinal,
            }),
            Numeral::Plain(n) => {
                // `2 1/2`: a whole number and a proper fraction are one mixed number.
                let part = (n.fract() == 0.0 && i + 1 < v.len())
                    .then(|| proper_fraction(v.str(i + 1)))
                    .flatten();
                let (n, next) = part.map_or((n, i + 1), |f| (n + f, i + 2));
                let (value, end) = scaled(v, n, next);
                Some(NumberMatch {
                    end,
                    value,
                    kind: NumberKind::Cardinal,
                })
            }
        };
    }
    if v.is_any(i, &["a", "an", "one"]) {
        if let Some(m) = fraction_of_one(v, i) {
            return Some(m);
        }
        if v.is_any(i, &["a", "an"]) {
            return match word_at(v, i + 1)? {
                NumberWord::Hundred | NumberWord::Scale(_) | NumberWord::Dozen => {
                    spelled(v, i + 1, 1.0)
                }
                _ => None,
            };
        }
    }
    match word_at(v, i)? {
        NumberWord::Ordinal(n) => Some(NumberMatch {
            end: i + 1,
            value: n,
            kind: NumberKind::Ordinal,
        }),
        NumberWord::Vague(m) => vague(v, i, m),
        NumberWord::Fraction(f)
            if v.is(i, "half") && v.is_any(i + 1, &["of", "the", "a", "an"]) =>
        {
            Some(NumberMatch {
                end: i + 1,
                value: f,
                kind: NumberKind::Fraction,
            })
        }
        NumberWord::Fraction(_) => None,
        _ => spelled(v, i, 0.0),
    }
}

/// Denominators of the fractions prices and durations are written in (`10/32` of a bond
/// point, `1/4` penny, `2 1/2 weeks`); others (`9/11`, `24/7`) are names or dates.
const DENOMINATORS: [u32; 7] = [2, 3, 4, 8, 16, 32, 64];

/// A proper fraction written in digits: `1/2`, `10/32`.
fn proper_fraction(s: &str) -> Option<f64> {
    let (a, b) = s.split_once('/')?;
    let digits = |x: &str| !x.is_empty() && x.len() <= 2 && x.bytes().all(|c| c.is_ascii_digit());
    if !digits(a) || !digits(b) {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (a > 0 && a < b && DENOMINATORS.contains(&b)).then(|| f64::from(a) / f64::from(b))
}

/// One token that is a fraction or a mixed number joined by a hyphen: `10/32`, `1-1/4`.
fn written_fraction(s: &str) -> Option<f64> {
    if let Some(f) = proper_fraction(s) {
        return Some(f);
    }
    let (whole, part) = s.split_once('-')?;
    if whole.is_empty() || !whole.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(whole.parse::<f64>().ok()? + proper_fraction(part)?)
}

/// `n` followed by scale words: `1.5 million`, `300 thousand`, `2 dozen`.
fn scaled(v: &TokenView, n: f64, mut j: usize) -> (f64, usize) {
    let mut value = n;
    let mut last = None;
    while let Some(w) = word_at(v, j) {
        match (w, last) {
            (NumberWord::Hundred, None) => value *= 100.0,
            (NumberWord::Dozen, None) => value *= 12.0,
            (NumberWord::Scale(s), None | Some(NumberWord::Hundred)) => value *= s,
            _ => break,
        }
        last = Some(w);
        j += 1;
    }
    (value, j)
}

/// `a third of`, `one quarter of`: a fraction with numerator one.
fn fraction_of_one(v: &TokenView, i: usize) -> Option<NumberMatch> {
    let value = match word_at(v, i + 1)? {
        NumberWord::Ordinal(n) if n >= 3.0 => 1.0 / n,
        NumberWord::Fraction(f) if !v.is(i + 1, "half") => f,
        _ => return None,
    };
    v.is(i + 2, "of").then_some(NumberMatch {
        end: i + 2,
        value,
        kind: NumberKind::Fraction,
    })
}

/// Spelled-out cardinals (`three million`, `twenty-five`, `one hundred and fifty`) and the
/// ordinals and fractions built on them (`twenty-first`, `two-thirds of`). `group` starts
/// at 1 after `a` (`a million`).
fn spelled(v: &TokenView, i: usize, start_group: f64) -> Option<NumberMatch> {
    #[derive(Clone, Copy, PartialEq)]
    enum Prev {
        Start,
        Unit,
        Tens,
        Hundred,
        Scale,
        Dozen,
    }
    let mut total = 0.0;
    let mut group = start_group;
    let mut prev = Prev::Start;
    let mut j = i;
    let mut end = i;
    loop {
        let word = word_at(v, j);
        match word {
            Some(NumberWord::Unit(n))
                if matches!(prev, Prev::Start | Prev::Tens | Prev::Hundred | Prev::Scale) =>
            {
                group += n;
                prev = Prev::Unit;
            }
            Some(NumberWord::Tens(n))
                if matches!(prev, Prev::Start | Prev::Hundred | Prev::Scale) =>
            {
                group += n;
                prev = Prev::Tens;
            }
            Some(NumberWord::Hundred) if matches!(prev, Prev::Start | Prev::Unit | Prev::Tens) => {
                group = group.max(1.0) * 100.0;
                prev = Prev::Hundred;
            }
            Some(NumberWord::Dozen) if matches!(prev, Prev::Start | Prev::Unit) => {
                group = group.max(1.0) * 12.0;
                prev = Prev::Dozen;
            }
            Some(NumberWord::Scale(s)) if prev != Prev::Scale => {
                total += group.max(1.0) * s;
                group = 0.0;
                prev = Prev::Scale;
            }
            Some(NumberWord::Ordinal(n)) if prev == Prev::Tens && n < 10.0 && j > end => {
                // `twenty-first`: only after a hyphen, never `twenty first`.
                return Some(NumberMatch {
                    end: j + 1,
                    value: total + group + n,
                    kind: NumberKind::Ordinal,
                });
            }
            Some(NumberWord::Fraction(f))
                if prev == Prev::Unit && v.is(j + 1, "of") && !v.is(j, "half") =>
            {
                return Some(NumberMatch {
                    end: j + 1,
                    value: (total + group) * f,
                    kind: NumberKind::Fraction,
                });
            }
            _ => {
                let joins = (v.is(j, "-") && prev == Prev::Tens && j == end)
                    || (v.is(j, "and") && matches!(prev, Prev::Hundred | Prev::Scale) && j == end)
                    || (v.is(j, "-")
                        && prev == Prev::Unit
                        && j == end
                        && matches!(word_at(v, j + 1), Some(NumberWord::Fraction(_))));
                if joins {
                    j += 1;
                    continue;
                }
                break;
            }
        }
        j += 1;
        end = j;
    }
    (end > i).then_some(NumberMatch {
        end,
        value: total + group,
        kind: NumberKind::Cardinal,
    })
}

/// `hundreds`, `thousands`, `hundreds of thousands`, `tens of thousands`, `dozens`.
fn vague(v: &TokenView, i: usize, magnitude: f64) -> Option<NumberMatch> {
    let mut times = 1.0;
    let mut end = i + 1;
    while v.is(end, "of") {
        match word_at(v, end + 1) {
            Some(NumberWord::Vague(m)) if m > magnitude => {
                times *= m;
                end += 2;
            }
            _ => break,
        }
    }
    if magnitude == 10.0 && times == 1.0 {
        return None; // `tens` only counts as `tens of thousands`
    }
    let lower = 2.0 * magnitude * times;
    Some(NumberMatch {
        end,
        value: lower,
        kind: NumberKind::Vague {
            lower,
            upper: next_named_magnitude(magnitude) * times,
        },
    })
}

/// The magnitude that a plural one stays below: `hundreds` < 1,000, `thousands` < 1,000,000.
fn next_named_magnitude(m: f64) -> f64 {
    match m {
        m if m < 100.0 => 100.0,
        m if m < 1000.0 => 1000.0,
        m => m * 1000.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let p = parse_numeral;
        assert_eq!(p("1,600"), Some(Numeral::Plain(1600.0)));
        assert_eq!(p("300,000"), Some(Numeral::Plain(300000.0)));
        assert_eq!(p("1.5"), Some(Numeral::Plain(1.5)));
        assert_eq!(p("0.45"), Some(Numeral::Plain(0.45)));
        assert_eq!(p("1,234,567.5"), Some(Numeral::Plain(1234567.5)));
        assert_eq!(p("1,5"), Some(Numeral::Plain(1.5)));
        assert_eq!(p("1,60"), Some(Numeral::Plain(1.6)));
        assert_eq!(p("155th"), Some(Numeral::Ordinal(155.0)));
        assert_eq!(p("1st"), Some(Numeral::Ordinal(1.0)));
        assert_eq!(p("22nd"), Some(Numeral::Ordinal(22.0)));
        for bad in [
            "2022-11-08",
            "07/29/2024",
            "87990cbe85",
            "1,6000",
            "1.2.3",
            "1.",
            ",5",
            "12a",
        ] {
            assert_eq!(p(bad), None, "{bad}");
        }
    }
}
