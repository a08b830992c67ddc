//! Names the entity tagger missed, read from a role filler's own words: `Shares of
//! Gillette` / `Clayton Homes' stock` is one predicate said of two companies. A run of
//! capitalised words that no mention covers is a name of something; its kind is unknown,
//! so it is keyed `NAME:` and told apart only from other such names or organisations
//! (`participants::kinds_meet`): a missed name is most often a company, a publication or
//! a product. Three guards keep it to names the tagger truly missed:
//! - only a filler the tagger found no name in reads them (`build`);
//! - a missed name counts only where the other claim does not write it
//!   (`unless_written_by`): the tagger may read one name in one sentence only;
//! - a missed name may be an acronym's or a one-letter respelling's other form
//!   (`may_be_one`: `AustMag` / `AMC`, `MSBlast` / `MBlast`).

use crate::claims::Span;
use crate::entities::tagger::Mention;
use crate::text::tokens::{Token, TokenKind};
use crate::text::TextLayer;

use super::represent::ClaimView;

/// The kind given to a name no mention covers.
pub const UNTAGGED: &str = "NAME";

/// Words inside a name that keep one run going (`Journal of Allergy and Clinical
/// Immunology`); they are not names themselves.
const JOINERS: [&str; 3] = ["of", "and", "&"];

/// The `NAME:` keys of the capitalised runs inside `span` that no mention in `mentions`
/// (the document's, in text order) overlaps, sorted and distinct. A run the span starts
/// inside is read whole (`Clayton [Homes' stock]`: the parse cut the name). The first word
/// of a sentence is a name only when a capitalised word follows it and `known` does not
/// know it as a word of a class (`Clayton Homes`; not `The White House`, nor `Shares` of
/// `Shares of Gillette`). A run all of whose words `known` knows as words of a class
/// (common words, titles, roles: `entities/common_words.txt` and the like) is a common
/// noun written with a capital (`the state Legislature`, `the General Assembly`), no name.
pub fn untagged_names(
    span: Span,
    text: &str,
    layer: &TextLayer,
    mentions: &[Mention],
    known: impl Fn(&str) -> bool,
) -> Vec<String> {
    let tokens = &layer.tokens;
    let word = |i: usize| &text[tokens[i].start as usize..tokens[i].end as usize];
    let free = |i: usize| i < tokens.len() && capitalised_and_free(&tokens[i], word(i), mentions);
    let name_word = |i: usize| {
        free(i) && (!opens_sentence(i, layer) || !known(&word(i).to_lowercase()) && free(i + 1))
    };
    let mut first = tokens.partition_point(|t| t.start < span.start);
    while first > 0 && free(first) && free(first - 1) {
        first -= 1;
    }
    let mut names = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut pending_joiner = false;
    let close = |run: &mut Vec<String>, names: &mut Vec<String>| {
        if !run.iter().all(|w| known(w)) {
            names.push(format!("{UNTAGGED}:{}", run.join("_")));
        }
        run.clear();
    };
    let last = tokens.partition_point(|t| t.end <= span.end);
    for i in first..last {
        if !run.is_empty() && !pending_joiner && JOINERS.contains(&word(i)) {
            pending_joiner = true;
            continue;
        }
        pending_joiner = false;
        if name_word(i) {
            run.push(word(i).to_lowercase());
        } else {
            close(&mut run, &mut names);
        }
    }
    close(&mut run, &mut names);
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether a token reads as a name no mention holds: a word written with a capital and a
/// lower-case letter after it (not `I`, not an all-capitals heading word or acronym).
fn capitalised_and_free(t: &Token, word: &str, mentions: &[Mention]) -> bool {
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && chars.any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
    if t.kind != TokenKind::Word || !capitalised {
        return false;
    }
    let m = mentions.partition_point(|m| m.end <= t.start);
    mentions.get(m).is_none_or(|m| m.start >= t.end)
}

/// Whether token `i` opens its sentence, or follows only punctuation there (`"Shares …`).
fn opens_sentence(i: usize, layer: &TextLayer) -> bool {
    let t = &layer.tokens[i];
    let s = layer.sentences.partition_point(|s| s.end <= t.start);
    let Some(sentence) = layer.sentences.get(s) else {
        return true;
    };
    let before = layer.tokens[..i].iter().rev();
    before
        .take_while(|p| p.start >= sentence.start)
        .all(|p| p.kind != TokenKind::Word)
}

/// Whether a filler of `v`'s frames (or its clauses') holds a missed name at all: without
/// one, `unless_written_by` drops nothing whatever the other claim. A property of `v` alone,
/// so alignment works it out once a claim, not once a pair (the walk over every filler
/// of every frame was most of the rule's cost).
pub fn holds_untagged(v: &ClaimView) -> bool {
    holds(v, &|k: &String| {
        k.strip_prefix(UNTAGGED).is_some_and(|k| k.starts_with(':'))
    })
}

/// `v` with the missed names of its role fillers (its clauses' too) dropped where `other`
/// writes that name's words anywhere, or None when it has none to drop. The tagger may read
/// one name in one sentence and miss it in another (`Sequent's Unix contract` /
/// `Sequent's contract`): a name both claims write is no sign of two participants,
/// whichever role holds it. `untagged`: whether `v` holds a missed name at all
/// (`holds_untagged(v)`; without one there is nothing to drop).
pub fn unless_written_by(v: &ClaimView, other: &ClaimView, untagged: bool) -> Option<ClaimView> {
    if !untagged {
        return None;
    }
    let written = |k: &String| {
        k.strip_prefix(UNTAGGED)
            .and_then(|k| k.strip_prefix(':'))
            .is_some_and(|k| {
                k.split('_')
                    .all(|w| other.plain.binary_search_by(|p| p.as_str().cmp(w)).is_ok())
            })
    };
    if !holds(v, &written) {
        return None;
    }
    let mut out = v.clone();
    drop_names(&mut out, &written);
    Some(out)
}

/// Whether a filler of `v`'s frames (or its clauses') holds a name `pick` picks.
fn holds(v: &ClaimView, pick: &impl Fn(&String) -> bool) -> bool {
    (v.frames.iter())
        .flat_map(|f| f.roles.iter().flatten())
        .any(|r| r.names.iter().any(pick))
        || v.clauses.iter().any(|c| holds(c, pick))
}

fn drop_names(v: &mut ClaimView, pick: &impl Fn(&String) -> bool) {
    for f in &mut v.frames {
        for r in f.roles.iter_mut().flatten() {
            r.names.retain(|k| !pick(k));
        }
    }
    for c in &mut v.clauses {
        drop_names(c, pick);
    }
}

/// Longest name written in capitals that may abbreviate a missed name (`AMC` beside
/// `AustMag`, `GE`): its letters need not be the other's initials.
const ACRONYM: usize = 4;
/// Shortest word that two spellings one letter apart may be one name in (`MSBlast` /
/// `MBlast`): shorter words one letter apart are as often two names.
const ONE_LETTER_OFF: usize = 5;

/// Whether a missed name and another name (each as its words, lower-cased) may be one:
/// the other is one short word (an acronym, which may stand for anything), or the two
/// differ in one letter of one long word, as coined names and transliterations are spelt.
pub fn may_be_one(a: &[String], b: &[String]) -> bool {
    let acronym = |w: &[String]| w.len() == 1 && w[0].chars().count() <= ACRONYM;
    let one_off = a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x == y || one_letter_apart(x, y));
    acronym(a) || acronym(b) || one_off
}

/// Whether two words of `ONE_LETTER_OFF` letters or more differ by one letter added,
/// dropped or changed.
fn one_letter_apart(x: &str, y: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    if x.len().min(y.len()) < ONE_LETTER_OFF || x.len().abs_diff(y.len()) > 1 {
        return false;
    }
    let shorter = x.len().min(y.len());
    let start = x.iter().zip(&y).take_while(|(p, q)| p == q).count();
    let end = (x.iter().rev().zip(y.iter().rev()))
        .take_while(|(p, q)| p == q)
        .count()
        .min(shorter - start);
    x.len().max(y.len()) - start - end <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn a_missed_name_may_be_an_acronym_or_a_one_letter_respelling() {
        assert!(may_be_one(&words("austmag"), &words("amc")));
        assert!(may_be_one(&words("msblast"), &words("mblast")));
        assert!(may_be_one(&words("qaeda"), &words("qaida")));
        assert!(may_be_one(&words("abcde"), &words("abcdde")));
        // Two names, not one: more than a letter apart, or short words a letter apart.
        assert!(!may_be_one(&words("gillette"), &words("clayton homes")));
        assert!(!may_be_one(&words("wexmoor"), &words("dallicott")));
        assert!(!may_be_one(&words("gillette"), &words("gilette co")));
        // (A short name is taken for a possible acronym, whatever its letters: `Bali` /
        // `Mali` are not told apart when one of them is a missed name.)
        assert!(may_be_one(&words("bali"), &words("mali")));
        assert!(!may_be_one(&words("nigeria"), &words("algeria")));
    }
}
