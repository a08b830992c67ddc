//! Sentences that are no claims, told from their words by general rules, so that they agree
//! and conflict with nothing: a display line (a headline or results heading set in capitals,
//! `SCORES AT WORLD SERIES OF GOLF`), and the outlet's note on its own copy (`Reuters has not
//! verified these stories and does not vouch for their accuracy`, `These are the leading
//! stories in the Beirut press`). Such lines recur word for word in unrelated articles, so
//! they matched as near-copies across events.

use super::lexicon::AlignLexicon;
use super::represent::ClaimView;

/// Words a display line has at least: two capitalised words in a sentence are a name.
const MIN_DISPLAY_WORDS: usize = 3;
/// How many words after a demonstrative its noun may stand (`These are some of the
/// leading stories`).
const SELF_REFERENCE_SPAN: usize = 6;
/// … and in a speaker's words: the next word, or one between (`these two stories`).
const ADJACENT: usize = 2;

/// Why `v` is no claim, if it is none.
pub fn why_not_a_claim(v: &ClaimView, lex: &AlignLexicon) -> Option<&'static str> {
    if display_line(v, lex) {
        Some("a display line (headline or heading), no claim")
    } else if about_itself(v, lex) {
        Some("the outlet's note on its own copy, no claim")
    } else {
        None
    }
}

/// Every word capitalised, function words too (`SCORES AT WORLD SERIES OF GOLF`,
/// `Results Of The Day`): set as a heading, not written as a sentence. A function word is
/// capitalised inside a sentence only in a title, so one is required: a run of names
/// (`Joe Biden`) is no heading. (`names` holds the capitalised words but the first.)
fn display_line(v: &ClaimView, lex: &AlignLexicon) -> bool {
    let words: Vec<&String> = (v.plain.iter())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let lower = words
        .iter()
        .filter(|w| v.names.binary_search(w).is_err())
        .count();
    words.len() >= MIN_DISPLAY_WORDS
        && lower <= 1
        && (v.names.iter()).any(|n| lex.stopwords.contains(n.as_str()))
}

/// A demonstrative with a noun for the text itself right after it (`these stories`), or,
/// in the article's own words (no speaker), a few words after it (`These are the leading
/// stories in …`): the sentence is about the copy, not the world. A speaker's `A lot of
/// these are made-up stories` is about stories in the world.
fn about_itself(v: &ClaimView, lex: &AlignLexicon) -> bool {
    let (demonstratives, nouns) = &lex.self_reference;
    let span = if v.speaker.is_some() {
        ADJACENT
    } else {
        SELF_REFERENCE_SPAN
    };
    (v.sequence.iter().enumerate())
        .filter(|(_, s)| demonstratives.contains(s.as_str()))
        .any(|(i, _)| (v.sequence.iter().skip(i + 1).take(span)).any(|s| nouns.contains(s)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::build::text_views;
    use crate::lang::Language;

    #[test]
    fn headings_and_notes_on_the_copy_are_no_claims_but_sentences_are() {
        let lang = Language::english();
        let views = text_views(
            &[
                "SCORES AT WORLD SERIES OF GOLF",
                "Reuters has not verified these stories and does not vouch for their accuracy",
                "These are some of the leading stories in the official Iraqi press on Thursday",
                "Joe Biden met Emmanuel Macron in Paris on Thursday",
                "The story of the siege was told by survivors in Mariupol",
            ],
            lang,
        );
        let why: Vec<_> = views
            .iter()
            .map(|v| why_not_a_claim(v, &lang.align))
            .collect();
        assert!(
            why[0].is_some_and(|w| w.starts_with("a display line")),
            "{why:?}"
        );
        assert!(
            why[1].is_some_and(|w| w.starts_with("the outlet's note")),
            "{why:?}"
        );
        assert!(why[2].is_some(), "{why:?}");
        assert_eq!(why[3], None);
        // A story with no demonstrative is what is told, not this text.
        assert_eq!(why[4], None);
    }
}
