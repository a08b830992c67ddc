//! Claims of one kind that are still two propositions, told apart by general rules after
//! the pair was judged: the steps of one event told alike (`failed for a second time` /
//! `… a third time`), what was expected against what happened (`Analysts had expected a
//! rise of 0.5 percent` / `prices rose 0.3 percent`), and two measures or two days of one
//! report that share a label but not their figures (`The 30-share index rose 10.3 points to
//! 2,801.5` / `The 30-share index rose 12.6 points to 2,803.8`). Such pairs read alike
//! word for word, so the scorer and the frames take them for one statement, or for one
//! statement with rival figures. Word lists: `told_apart.txt`.

use super::figures::FigureValue;
use super::frames::compare;
use super::lexicon::AlignLexicon;
use super::relation::{generic_words, named_in_content, weak_figure};
use super::represent::ClaimView;
use super::stem::stem;

/// Why `a` and `b` are two propositions, if a rule tells them apart. `agreeing`: the pair
/// was judged to agree (figures apart are asked only then: a conflict has its figures
/// apart by definition).
pub fn told_apart(
    a: &ClaimView,
    b: &ClaimView,
    lex: &AlignLexicon,
    agreeing: bool,
) -> Option<&'static str> {
    if different_ordinals(a, b, lex) {
        Some("same words, different occasions: different ordinals (a second / a third time)")
    } else if only_figures_shared(a, b) {
        Some("not one proposition: only figures and their units in common")
    } else if expectation_against_result(a, b, lex) || expectation_against_result(b, a, lex) {
        Some("not one proposition: one says what was expected, the other what happened")
    } else if agreeing && stock_lines(a, b, lex) {
        Some("same words, not one proposition: neither names what it is said of")
    } else if agreeing && quoted_stock_words(a, b, lex) {
        Some("same words, not one proposition: two remarks sharing only common words")
    } else if agreeing && unmatched_figures(&a.figures, &b.figures) {
        Some("same words, different measures: each gives a precise figure the other does not")
    } else {
        None
    }
}

/// A claim that names nothing it is said of: no entity, no name, no precise figure, no
/// named speaker (`Further details were not immediately available`, `The company declined
/// to comment`): a stock line of every event, which two articles may carry word for word
/// about two events. Two such claims cannot be told to be about one thing.
fn names_nothing(v: &ClaimView) -> bool {
    v.entities.is_empty()
        && v.names.is_empty()
        && v.speaker_key.is_none()
        && v.figures.iter().all(weak_figure)
}

/// Two attributed remarks (often one speaker's: `There's a great chance to solve a world
/// problem` / `It will be a great day for the world`) that share only common words
/// (`relation::generic_words`), no frame and nothing named in what they say: a speaker's
/// stock praise or warning, said of whatever is at hand. Speakers tie a remark to no
/// subject; one sentence word for word is one remark carried, and so is a phrase of two
/// content words (`called the suit "good news."` / `This can be good news …`).
fn quoted_stock_words(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> bool {
    let one_frame = (a.frames.iter()).any(|x| (b.frames.iter()).any(|y| compare(x, y).is_some()));
    a.speaker.is_some()
        && b.speaker.is_some()
        && a.sequence != b.sequence
        && !carried_phrase(a, b, lex)
        && !one_frame
        && !named_in_content(a, b)
        && generic_words(a, b, lex)
}

/// Whether two claims share two adjacent content words in one order (`good news`).
fn carried_phrase(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> bool {
    let content = |w: &[String]| {
        !(lex.stopwords.contains(w[0].as_str()) || lex.stopwords.contains(w[1].as_str()))
    };
    (a.sequence.windows(2).filter(|w| content(w))).any(|w| b.sequence.windows(2).any(|v| v == w))
}

/// Content terms a stock line has at most (`Further details were not immediately
/// available`: four): a long sentence that names nothing (`After a search of the aircraft
/// following the hijack, police found only knives and fake explosives`) is one report of
/// one event, carried word for word.
const MAX_STOCK_TERMS: usize = 4;

fn short(v: &ClaimView) -> bool {
    v.terms.len() <= MAX_STOCK_TERMS
}

/// Two claims neither of which names what it is said of, short and carried word for word,
/// or sharing only common words (`relation::generic_words`) and telling of no event: stock
/// lines (`Further details were not immediately available` / `No further details were
/// immediately available`, `State security officials were not immediately available for
/// comment` / `Government officials were not available for immediate comment`). Nothing
/// in them ties the two to one event. (A short paraphrase that
/// names its subject, `Kim praised the agreement` / `Kim commended the agreement`, is left
/// to the frames.)
fn stock_lines(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> bool {
    let word_for_word = short(a) && a.sequence == b.sequence;
    // Reworded, a line that tells of an event (`two people were killed in the strike`: an
    // event class, a count) reports it; one about the reporting does not.
    let reworded = || {
        (a.events.is_empty() && b.events.is_empty())
            && (a.figures.is_empty() && b.figures.is_empty())
            && generic_words(a, b, lex)
    };
    names_nothing(a) && names_nothing(b) && (word_for_word || reworded())
}

/// The ordinals a claim names, by value (`third` and `3rd` are one), but those written
/// with a capital (`the Third Armored Cavalry Regiment`: a name).
fn ordinals(v: &ClaimView, lex: &AlignLexicon) -> Vec<u8> {
    let list = &lex.told_apart.ordinals;
    (v.plain.iter())
        .filter(|w| v.names.binary_search(w).is_err())
        .filter_map(|w| list.get(w.as_str()).copied())
        .collect()
}

/// Both name ordinals, none the same: two steps of a series (a second and a third
/// attempt, second and third place), whatever else they share.
fn different_ordinals(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> bool {
    let (x, y) = (ordinals(a, lex), ordinals(b, lex));
    !x.is_empty() && !y.is_empty() && !x.iter().any(|w| y.contains(w))
}

/// Whether a claim tells what someone expected, forecast or predicted: an expectation word
/// (`told_apart.txt`) that is a core predicate (`Analysts had expected a rise`), or beside
/// a core predicate it puts as likely (`prices were expected to rise`) or a light one. Not
/// a word in a relative clause (`in what both sides predict will be …`), nor one closing a
/// comparison (`as expected`, `more than Wall Street expected`: a result), nor one beside a
/// noun (`given the expected growth rate`, `defied expectations`).
fn expects(v: &ClaimView, lex: &AlignLexicon) -> bool {
    let lists = &lex.told_apart;
    let seq = &v.sequence;
    let said = (seq.iter().enumerate()).any(|(i, s)| {
        let before = &seq[i.saturating_sub(COMPARISON_REACH)..i];
        lists.expectations.contains(s.as_str())
            && !(i > 0 && lists.not_after.contains(seq[i - 1].as_str()))
            && !before.iter().any(|w| w == "than" || w == "as")
    });
    said && (v.frames.iter()).any(|f| {
        f.core
            && (lists
                .expectations
                .contains(&stem(&f.predicate.to_lowercase()))
                || matches!(f.modality, Some("likely" | "will"))
                // A light verb's frame: the parse took `had` for the verb of `had expected`.
                || f.key.is_empty())
    })
}

/// Words before an expectation word within which `than` or `as` makes it the close of a
/// comparison (`than Wall Street had expected`).
const COMPARISON_REACH: usize = 4;

/// `expected` tells what someone expected and `other` says outright what happened: no
/// expectation word, however read, and none of its predicates has a modality (`the plane
/// is expected to land` / `the plane landed`).
/// Against another future (`Trump is preparing to meet Kim`, `they would boycott the
/// vote`) an expectation is one proposition.
fn expectation_against_result(expected: &ClaimView, other: &ClaimView, lex: &AlignLexicon) -> bool {
    let list = &lex.told_apart.expectations;
    expects(expected, lex)
        && !other.sequence.iter().any(|s| list.contains(s.as_str()))
        && other.frames.iter().all(|f| f.modality.is_none())
}

/// Whether all the two claims share are figures and the words of figures (`60 km (40
/// miles)` / `50 km (31 miles)`, `percent`), and no entity: a distance or a share given in
/// two unrelated sentences.
fn only_figures_shared(a: &ClaimView, b: &ClaimView) -> bool {
    if a.entities.keys().any(|k| b.entities.contains_key(k)) {
        return false;
    }
    let figure_word = |w: &str| {
        (a.figures.iter().chain(&b.figures))
            .any(|g| (g.text.split(|c: char| !c.is_alphanumeric())).any(|p| p.to_lowercase() == w))
    };
    let shared = (a.terms.iter())
        .filter(|t| b.terms.binary_search_by(|u| u.key.cmp(&t.key)).is_ok())
        .collect::<Vec<_>>();
    !shared.is_empty()
        && !a.figures.is_empty()
        && !b.figures.is_empty()
        && (shared.iter()).all(|t| t.surface.split_whitespace().all(figure_word))
}

/// With no measure of a unit in common: on each side, precise figures (not vague or small
/// ones: `weak_figure`) with no compatible figure on the other side outnumber those
/// matched, and some of them are of one kind: two counts, whatever else matches (a label's
/// number, `30-share`, matches in every report of that index). One figure more on each
/// side is context (`rose to 60 from 51.2`, `its highest since 62.6`), not another count.
fn unmatched_figures(a: &[FigureValue], b: &[FigureValue]) -> bool {
    let precise = |v: &[FigureValue]| v.iter().filter(|x| !weak_figure(x)).cloned().collect();
    let (a, b): (Vec<FigureValue>, Vec<FigureValue>) = (precise(a), precise(b));
    let matched = |x: &FigureValue, other: &[FigureValue]| other.iter().any(|y| x.compatible(y));
    let outnumbered = |v: &[FigureValue], other: &[FigureValue]| {
        let m = v.iter().filter(|x| matched(x, other)).count();
        v.len() - m > m
    };
    // A measure with a unit in common (`100 kg`) is what both say: the rest is context.
    let shared_measure = (a.iter()).any(|x| x.unit.is_some() && matched(x, &b));
    !shared_measure
        && outnumbered(&a, &b)
        && outnumbered(&b, &a)
        && (a.iter().filter(|x| !matched(x, &b)))
            .any(|x| (b.iter()).any(|y| !matched(y, &a) && x.comparable(y)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::build::text_views;
    use crate::lang::Language;

    fn apart(a: &str, b: &str) -> Option<&'static str> {
        let lang = Language::english();
        let v = text_views(&[a, b], lang);
        told_apart(&v[0], &v[1], &lang.align, true)
    }

    #[test]
    fn ordinals_tell_steps_apart() {
        let second = "Parliament failed for a second time to elect a president.";
        assert!(apart(
            second,
            "Parliament failed for a third time to elect a president."
        )
        .is_some());
        assert!(apart(
            second,
            "For the second time, parliament failed to elect a president."
        )
        .is_none());
        assert!(apart(
            second,
            "Parliament failed for the 2nd time to elect a president."
        )
        .is_none());
        // In a name, an ordinal is no step.
        assert!(apart(
            "Grenades were thrown at soldiers of the Third Armored Cavalry Regiment.",
            "Grenades were thrown at soldiers of the 3rd Armored Cavalry Regiment."
        )
        .is_none());
        // An ordinal on one side only tells nothing.
        assert!(apart(second, "Parliament failed to elect a president.").is_none());
    }

    #[test]
    fn an_expectation_is_not_a_result() {
        let result = "Consumer prices rose 0.3 percent in July.";
        assert!(apart(
            "Analysts had expected consumer prices to rise 0.3 percent.",
            result
        )
        .is_some());
        assert!(apart("Economists forecast a 0.3 percent rise in prices.", result).is_some());
        assert!(apart(
            "Consumer prices rose 0.3 percent in July, as expected.",
            result
        )
        .is_none());
        assert!(apart(
            "A deficit of two percent is sustainable given the expected growth rate.",
            "A deficit of two percent is sustainable given the current rate of growth."
        )
        .is_none());
        assert!(apart(
            "The hijacked plane is expected to land at Stansted.",
            "The hijacked plane landed at Stansted."
        )
        .is_some());
        assert!(apart(
            "Analysts had expected consumer prices to rise 0.3 percent.",
            "Economists expected a rise of 0.3 percent in consumer prices."
        )
        .is_none());
    }

    #[test]
    fn a_short_line_that_names_nothing_is_a_stock_line() {
        let stock = "Further details were not immediately available.";
        assert!(apart(stock, stock).is_some());
        let named = "Further details of the Kabul attack were not immediately available.";
        assert!(apart(named, named).is_none());
        let long = "After a search of the aircraft, police found only knives and fake explosives.";
        assert!(apart(long, long).is_none());
    }

    #[test]
    fn a_distance_alone_is_nothing_in_common() {
        let a = "The town lies 60 km (40 miles) from the capital.";
        let b = "The village is 60 km (40 miles) to the north.";
        assert!(apart(a, b).is_some());
        assert!(apart(
            a,
            "The town lies 60 km (40 miles) from the capital Conakry."
        )
        .is_none());
    }

    #[test]
    fn a_shared_label_number_does_not_make_one_count() {
        let monday = "The 30-share index rose 10.3 points to 2,801.5.";
        assert!(apart(monday, "The 30-share index rose 12.6 points to 2,803.8.").is_some());
        assert!(apart(monday, "The 30-share index gained 10.3 points to 2,801.5.").is_none());
        // A figure the other side does not give at all is more said, not another count.
        assert!(apart(monday, "The 30-share index rose 10.3 points.").is_none());
        assert!(apart(
            "They weighed an average 220 pounds (100 kg) and needed to lose 30 pounds.",
            "They weighed an average 100 kilograms and needed to lose 14 kilograms."
        )
        .is_none());
        // A previous level or a record beside one matching level is context.
        assert!(apart(
            "The index rose 8.8 points to 60.0, its highest level since 62.6.",
            "The index rose to 60 from 51.2 in July."
        )
        .is_none());
    }
}
