//! Where a sentence ends inside a line: after final punctuation (and the closing quotes and
//! brackets that follow it), when the next word can open a sentence.
//!
//! The tokenizer has already told abbreviations from full stops: `Gen.`, `U.S.`, `O.` keep
//! their period, a full stop is a token of its own. So:
//! - `.` `!` `?` `…` `...` end a sentence before a capital, a digit or an opening quote or
//!   bracket (`… to defend.” The`; not `… ready? he asked`);
//! - a title (`Gen.`, `Mr.`, `St.`, see `text/title_abbreviations.txt`) never does: a name follows;
//! - any other abbreviation (`U.S.`, `Inc.`, `Nov.`, an initial `O.`) does only before a
//!   closed-class sentence opener (`text/sentence_starters.txt`): `… in the U.S. The next`
//!   splits, `U.S. Army`, `Nov. 2` and `Kyrylo O. Budanov` do not.

use super::lexicon::SentenceWords;
use crate::text::tokens::Token;

/// What the token before a possible break is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EndMark {
    /// `.` `!` `?` `…` and runs of them.
    FullStop,
    /// An abbreviation that stands before a name.
    Title,
    /// Another abbreviation or an initial, which may or may not end the sentence.
    Abbreviation,
}

/// Does a sentence end between `tokens[i]` and `tokens[i + 1]`? (Both in the same line and the
/// same boilerplate region; the caller handles those breaks.)
/// Inlined: asked for every token, and almost every token fails the first checks.
#[inline]
pub fn ends_after(text: &str, tokens: &[Token], i: usize, lex: &SentenceWords) -> bool {
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    if next.start == tokens[i].end || !may_end(text, &tokens[i]) {
        return false;
    }
    ends_after_mark(text, tokens, i, lex)
}

/// `ends_after` once `tokens[i]` may be an end mark, with a gap after it.
#[inline(never)]
fn ends_after_mark(text: &str, tokens: &[Token], i: usize, lex: &SentenceWords) -> bool {
    let next = &tokens[i + 1];
    let Some(mark) = end_mark(text, tokens, i, lex) else {
        return false;
    };
    let next = token_text(text, next);
    match mark {
        EndMark::FullStop => opens_sentence(next),
        EndMark::Title => false,
        EndMark::Abbreviation => lex.starters.contains(next) || is_opening_quote(next),
    }
}

/// The end mark that `tokens[i]` closes, looking back over closing quotes and brackets glued to
/// it (`defend.”`, `lies.”)`).
fn end_mark(text: &str, tokens: &[Token], i: usize, lex: &SentenceWords) -> Option<EndMark> {
    let mut j = i;
    while is_closer(token_text(text, &tokens[j])) {
        if j == 0 || tokens[j - 1].end != tokens[j].start {
            return None;
        }
        j -= 1;
    }
    let mark = token_text(text, &tokens[j]);
    if !mark.is_empty() && mark.chars().all(|c| matches!(c, '.' | '!' | '?' | '…')) {
        // A title the tokenizer did not keep whole (`Messrs` `.`) is still a title.
        let glued_title = mark == "."
            && j > 0
            && tokens[j - 1].end == tokens[j].start
            && lex.titles.contains(token_text(text, &tokens[j - 1]));
        return Some(if glued_title {
            EndMark::Title
        } else {
            EndMark::FullStop
        });
    }
    let stem = mark.strip_suffix('.')?;
    if !stem.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(if lex.titles.contains(stem) {
        EndMark::Title
    } else {
        EndMark::Abbreviation
    })
}

/// A cheap filter run on every token: can `token` be an end mark or a closer at all? Only
/// if its last byte is the last byte of `.` `!` `?` `…` or of a closer (`is_closer`).
/// False positives (other characters sharing a last UTF-8 byte) go on to the full test.
#[inline]
fn may_end(text: &str, token: &Token) -> bool {
    let last = text.as_bytes().get((token.end as usize).wrapping_sub(1));
    matches!(
        last,
        Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'}')
            // The last bytes of `…` (E2 80 A6), `”` (E2 80 9D), `’` (E2 80 99),
            // `»` (C2 BB), `›` (E2 80 BA).
            | Some(0xA6 | 0x9D | 0x99 | 0xBB | 0xBA)
    )
}

fn token_text<'a>(text: &'a str, token: &Token) -> &'a str {
    text.get(token.start as usize..token.end as usize)
        .unwrap_or("")
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(token: &str) -> bool {
    matches!(token, "”" | "’" | "\"" | "'" | "»" | "›" | ")" | "]" | "}")
}

fn is_opening_quote(token: &str) -> bool {
    matches!(token, "“" | "‘" | "\"" | "'" | "«" | "„" | "‹")
}

/// A capital (or a letter of a script without case), a digit, an opening quote or bracket.
fn opens_sentence(token: &str) -> bool {
    let Some(first) = token.chars().next() else {
        return false;
    };
    (first.is_alphabetic() && !first.is_lowercase())
        || first.is_numeric()
        || is_opening_quote(token)
        || matches!(first, '(' | '[' | '“' | '‘' | '«' | '„')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize_en as tokenize;

    /// The text before each break `ends_after` finds.
    fn breaks(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        (0..tokens.len())
            .filter(|&i| {
                ends_after(
                    text,
                    &tokens,
                    i,
                    &crate::lang::Language::english().sentences,
                )
            })
            .map(|i| &text[..tokens[i].end as usize])
            .collect()
    }

    fn ends_once_at_the_end(text: &str) {
        assert_eq!(breaks(text), [text], "{text}");
    }

    #[test]
    fn full_stops_before_capitals_digits_and_quotes() {
        assert_eq!(
            breaks("One. Two! Three? 4 more… “Five.”"),
            [
                "One.",
                "One. Two!",
                "One. Two! Three?",
                "One. Two! Three? 4 more…",
                "One. Two! Three? 4 more… “Five.”",
            ]
        );
    }

    #[test]
    fn no_break_before_lower_case_or_punctuation() {
        ends_once_at_the_end("“Is he ready?” he asked.");
        ends_once_at_the_end("the governor said. regional installed.");
        ends_once_at_the_end("fighting in Kherson. .");
        ends_once_at_the_end("the water supply. , causing a disaster.");
    }

    #[test]
    fn titles_initials_months_and_acronyms_inside_sentences() {
        for text in [
            "Gen. Kyrylo O. Budanov said so.",
            "President Vladimir V. Putin said so.",
            "Col. Dave Butler said so.",
            "On Feb. 24 the army moved.",
            "On Wednesday, Nov. 2, 2022 they left.",
            "The bones lay in St. Catherine’s Cathedral.",
            "It was a blow for Mr. Putin.",
            "U.S. officials and the U.S. Army agreed.",
            "Drew Henshaw and Ann M. Simmons wrote it.",
        ] {
            ends_once_at_the_end(text);
        }
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_sentence_opener() {
        assert_eq!(
            breaks("Troops came from the U.S. The next day they left."),
            [
                "Troops came from the U.S.",
                "Troops came from the U.S. The next day they left."
            ]
        );
        assert_eq!(breaks("He joined Acme Inc. He left.").len(), 2);
        assert_eq!(breaks("Gen. The title stays.").len(), 1);
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            breaks("“They are preparing to defend.” General Budanov said."),
            [
                "“They are preparing to defend.”",
                "“They are preparing to defend.” General Budanov said."
            ]
        );
        assert_eq!(
            breaks("He called them “lies.”) Then left."),
            [
                "He called them “lies.”)",
                "He called them “lies.”) Then left."
            ]
        );
        assert_eq!(breaks("He said “now”. “I will go.”").len(), 2);
    }

    #[test]
    fn no_break_without_space() {
        ends_once_at_the_end("Visit kyiv.Ukraine today.");
        ends_once_at_the_end("1.5 km.");
    }
}
