//! Whether two figures measure the same thing. Wire market and statistics reports give
//! many figures in one frame (`X rose N to M`), for many measures: two maturities (`the
//! 10-year bond` / `the 30-year bond`), two indices (`FTSE 100` / `FTSE 250`), two regions or
//! commodities (`eastern` / `western Germany`, `wheat` / `maize exports`), a month's change
//! against the year's, a change against a level. Their figures differ without clashing: a
//! conflict needs one measure (the noun the figure counts, with its qualifiers), one period
//! and one kind of figure. Word lists: `told_apart.txt` (change, level, skip, period).

use super::figures::FigureValue;
use super::lexicon::AlignLexicon;
use super::represent::ClaimView;
use super::stem::stem;

/// What the words around a figure say it is: a label and a change or level
/// (`FigureValue::label`, `FigureValue::change`).
pub struct Reading {
    pub label: bool,
    pub change: Option<bool>,
    /// A change up (`Some(true)`) or down (`Some(false)`), when its word says (`moves`).
    pub rising: Option<bool>,
}

/// Words looked back over for a change or level word.
const LOOK_BACK: usize = 3;

/// Reads a figure from its surroundings: `before`, the words before it in the claim,
/// lower-cased, nearest first (up to punctuation); `compound`, it is joined by a hyphen to a
/// noun after it (`10-year`, not an age: `21-year-old`); `in_name`, it follows a capitalised
/// word and precedes a lower-case one (`FTSE 100 index`); `unit`, it has a unit (`30 km` is
/// a distance however it is joined).
pub fn reading(
    before: &[String],
    compound: bool,
    in_name: bool,
    unit: bool,
    lex: &AlignLexicon,
) -> Reading {
    let lists = &lex.told_apart;
    let word = (before.iter().take(LOOK_BACK)).find(|w| !lists.skip.contains(w.as_str()));
    let change = word.and_then(|w| {
        if lists.change.contains(w.as_str()) {
            Some(true)
        } else if lists.level.contains(w.as_str()) {
            Some(false)
        } else {
            None
        }
    });
    let rising = word.and_then(|w| {
        if lists.rise.contains(w.as_str()) {
            Some(true)
        } else if lists.drop.contains(w.as_str()) {
            Some(false)
        } else {
            None
        }
    });
    Reading {
        label: !unit && (compound || in_name),
        change,
        rising,
    }
}

/// Why the clashing figures (`clash`: indices into each side's figures) of `a` and `b`
/// measure different things, if they do.
pub fn different_measures(
    a: &ClaimView,
    b: &ClaimView,
    clash: (usize, usize),
    lex: &AlignLexicon,
) -> Option<&'static str> {
    let (x, y) = (&a.figures[clash.0], &b.figures[clash.1]);
    if labels_differ(&a.figures, &b.figures) {
        Some("not one measure: the figures are of differently labelled things (10-year / 30-year)")
    } else if (over_time(x) || over_time(y)) && periods_differ(a, b, lex) {
        Some("not one measure: figures over different periods (a month / the year)")
    } else if rival_qualifier(a, b, lex) {
        Some("not one measure: what the figures count is qualified differently")
    } else {
        None
    }
}

/// A figure measured over a period: a change (`rose 1.2 percent`) or a rate (`2.5
/// percent`), not a sum (`$1.7 billion … for three and a half decades`).
pub fn over_time(f: &FigureValue) -> bool {
    f.change == Some(true) || f.unit == Some("%")
}

/// Both claims label what they measure by a number and some label of each has no match on
/// the other side: two maturities, two indices.
pub fn labels_differ(a: &[FigureValue], b: &[FigureValue]) -> bool {
    let unmatched = |x: &[FigureValue], y: &[FigureValue]| {
        (x.iter().filter(|f| f.label))
            .any(|f| !(y.iter().filter(|g| g.label)).any(|g| f.compatible(g)))
    };
    a.iter().any(|f| f.label) && b.iter().any(|f| f.label) && unmatched(a, b) && unmatched(b, a)
}

/// The two claims name different periods (`in July` / `in the year to July`).
pub fn periods_differ(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> bool {
    periods(a, lex) != periods(b, lex)
}

/// The period words of a claim (`period` in `told_apart.txt`), sorted.
fn periods(v: &ClaimView, lex: &AlignLexicon) -> Vec<String> {
    let mut out: Vec<String> = (v.sequence.iter())
        .filter(|s| lex.told_apart.periods.contains(s.as_str()))
        .cloned()
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Words a qualifier slot holds at most on either side.
const MAX_QUALIFIER_WORDS: usize = 8;
/// Longest claims (in words) aligned word by word.
const MAX_ALIGNED: usize = 80;

/// Whether the two claims are one template whose measure is qualified by rival words: a
/// slot where each side has a content word the other claim lacks altogether (not a
/// paraphrase key, not a word of a shared name), just before a noun both share (`[eastern]
/// Germany`, `[wheat] exports`) or just after a word both share and its preposition
/// (`orders for [nondurables]`, `unemployment in [Saxony]`, `rose 5 percent in [June]`).
/// Not before a shared predicate (`Russian [forces] killed` / `Russian [troops] killed`:
/// the subject told two ways).
fn rival_qualifier(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> bool {
    let (x, y) = (&a.sequence, &b.sequence);
    if x.len() > MAX_ALIGNED || y.len() > MAX_ALIGNED {
        return false;
    }
    let anchors = common_subsequence(x, y);
    let predicates: Vec<String> = predicate_stems(a).chain(predicate_stems(b)).collect();
    let content = |w: &String| !lex.stopwords.contains(w.as_str());
    let qualified = |i: usize| content(&x[i]) && !predicates.contains(&x[i]);
    // The gaps between anchors, and the one after the last (`in [July]` / `in [June]`).
    let ends = anchors.iter().map(|&(i, j)| Some((i, j))).chain([None]);
    for (k, next) in ends.enumerate() {
        let prev = k.checked_sub(1).map(|p| anchors[p]);
        let (from_a, from_b) = prev.map_or((0, 0), |(p, q)| (p + 1, q + 1));
        let (to_a, to_b) = next.unwrap_or((x.len(), y.len()));
        let (ga, gb) = (&x[from_a..to_a], &y[from_b..to_b]);
        let slot = !ga.is_empty()
            && !gb.is_empty()
            && ga.len().max(gb.len()) <= MAX_QUALIFIER_WORDS
            && ga.iter().any(|w| unshared(w, a, b, lex))
            && gb.iter().any(|w| unshared(w, b, a, lex));
        // Before a shared noun, or after a shared word and its preposition, both adjacent
        // on both sides (`orders for`, `rose 5 percent in`).
        let before_noun = next.is_some_and(|(i, _)| qualified(i));
        let after_of = k >= 2 && {
            let ((p, q), (pp, qq)) = (anchors[k - 1], anchors[k - 2]);
            !content(&x[p]) && pp + 1 == p && qq + 1 == q && content(&x[pp])
        };
        if slot && (before_noun || after_of) {
            return true;
        }
    }
    false
}

/// A content word of `v` that `other` does not say in any form: not its stem, not its
/// term's key (`climbed` / `rose`), not a word of a name both claims name, nor of its own
/// figures. (A date word
/// counts: `[three]-month` / `[one]-month rates`, `in [July]` / `in [June]`.)
fn unshared(w: &str, v: &ClaimView, other: &ClaimView, lex: &AlignLexicon) -> bool {
    if lex.stopwords.contains(w) || other.sequence.iter().any(|s| s == w) {
        return false;
    }
    // A figure's own words (`as many as`, `closer to`) say how much, not what is counted.
    let figure_word = (v.figures.iter()).any(|f| {
        (f.text.split(|c: char| !c.is_alphanumeric())).any(|p| stem(&p.to_lowercase()) == w)
    });
    if figure_word {
        return false;
    }
    let keyed = (v.terms.iter())
        .filter(|t| stems(&t.surface).any(|s| s == w))
        .any(|t| other.terms.binary_search_by(|u| u.key.cmp(&t.key)).is_ok());
    let shared_name = (v.entities.iter())
        .filter(|(k, _)| other.entities.contains_key(*k))
        .any(|(_, shown)| stems(shown).any(|s| s == w));
    !keyed && !shared_name
}

/// The stems of a claim's predicates as its words hold them (`rose` for `rise`).
fn predicate_stems(v: &ClaimView) -> impl Iterator<Item = String> + '_ {
    (v.frames.iter()).flat_map(move |f| {
        (v.terms.iter())
            .filter(move |t| !f.key.is_empty() && t.key == f.key)
            .flat_map(|t| stems(&t.surface))
            .chain(std::iter::once(stem(&f.predicate.to_lowercase())))
            .collect::<Vec<_>>()
    })
}

/// The stems of the words of `text`, as a claim's `sequence` holds them.
fn stems(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace().map(|s| stem(&s.to_lowercase()))
}

/// A longest common subsequence of two word sequences, as pairs of indices in order.
fn common_subsequence(x: &[String], y: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (x.len(), y.len());
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * (m + 1) + j] = if x[i] == y[j] {
                t[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if x[i] == y[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::build::text_views;
    use crate::lang::Language;

    fn views(a: &str, b: &str) -> Vec<ClaimView> {
        text_views(&[a, b], Language::english())
    }

    #[test]
    fn a_hyphened_or_named_number_labels_and_the_word_before_tells_change_from_level() {
        let v = views(
            "The yield on the 10-year bond fell 12 basis points to 6.85 percent.",
            "The FTSE 100 index rose by a revised 2.5 percent, a 21-year-old trader said.",
        );
        let label = |v: &ClaimView| v.figures.iter().map(|f| f.label).collect::<Vec<_>>();
        let change = |v: &ClaimView| v.figures.iter().map(|f| f.change).collect::<Vec<_>>();
        assert_eq!(label(&v[0]), [true, false, false]);
        assert_eq!(change(&v[0])[1..], [Some(true), Some(false)]);
        // `21-year-old` is an age (no figure of its own here), never a label.
        assert_eq!(label(&v[1]), [true, false]);
        assert_eq!(change(&v[1])[1], Some(true));
    }

    #[test]
    fn a_number_after_a_names_possessive_labels_unless_a_noun_follows() {
        let v = views(
            "The broader Standard & Poor's 500 Index edged up 1.01 points.",
            "Boeing's 300 engineers voted to strike.",
        );
        let label = |v: &ClaimView| v.figures.iter().map(|f| f.label).collect::<Vec<_>>();
        assert_eq!(label(&v[0]), [true, false]);
        // A count after a possessive has its noun: `Boeing's 300 engineers` counts.
        assert_eq!(label(&v[1]), [false]);
    }

    #[test]
    fn rival_qualifiers_of_one_measure_tell_two_measures() {
        let lex = &Language::english().align;
        let apart = |a: &str, b: &str| {
            let v = views(a, b);
            rival_qualifier(&v[0], &v[1], lex)
        };
        assert!(apart(
            "Unemployment in eastern Germany rose to 15.2 percent.",
            "Unemployment in western Germany rose to 9.1 percent."
        ));
        assert!(apart(
            "Orders for durable goods rose 1.7 percent.",
            "Orders for nondurables rose 1.8 percent."
        ));
        assert!(apart(
            "Output rose 1.2 percent in July.",
            "Output rose 2.4 percent in June."
        ));
        // One measure told with more words, or its figure alone differing.
        assert!(!apart(
            "Unemployment in eastern Germany rose to 15.2 percent.",
            "Unemployment in eastern Germany rose to 16.8 percent in July, officials said."
        ));
        // A paraphrase key is no rival (`climbed` / `rose`).
        assert!(!apart(
            "Orders for durable goods climbed 1.7 percent.",
            "Orders for durable goods rose 1.9 percent."
        ));
    }

    #[test]
    fn labels_and_periods_differ_only_when_both_sides_say_them() {
        let lex = &Language::english().align;
        let v = views(
            "The yield on the 10-year bond fell to 6.85 percent.",
            "The yield on the 30-year bond fell to 7.02 percent.",
        );
        assert!(labels_differ(&v[0].figures, &v[1].figures));
        let w = views(
            "The yield on the 10-year bond fell to 6.85 percent.",
            "The yield fell to 6.61 percent.",
        );
        assert!(!labels_differ(&w[0].figures, &w[1].figures));
        let p = views(
            "Prices rose 0.3 percent in August.",
            "Prices rose 2.9 percent in the year to August.",
        );
        assert!(periods_differ(&p[0], &p[1], lex));
        assert!(!periods_differ(&p[1], &p[1], lex));
    }
}
