//! Photo credits and the captions they close.
//!
//! A credit is short, name-shaped (see `names`) and says it is a credit: it opens with `©` or a
//! marker (`Photo:`, `Credit:`), ends with an agency (`… AFP`, `…/Getty Images`), names an agency
//! or photo word before a slash (`AP Photo/Name`, `Reuters/Name`), or is a parenthesis with a
//! photo word (`(AP Photo)`). A line that is a credit is a `Credit`; a line of text that ends in
//! one is a photo caption, credit included.

use super::lexicon::{starts_with_ignore_case, BoilerplateWords};
use super::names::{credit_word_iter, credit_words, is_name_word, name_like};
use super::BoilerplateKind;

/// Credits name a photographer and an agency or two; longer name-shaped runs are headlines.
const MAX_CREDIT_WORDS: usize = 12;
/// Only the end of a long line is searched for a credit.
const MAX_CREDIT_BYTES: usize = 160;

/// `Credit` if the whole line is a credit, `Caption` if the line ends in one.
pub fn classify(line: &str, lex: &BoilerplateWords) -> Option<BoilerplateKind> {
    match credit_start(line, lex)? {
        0 => Some(BoilerplateKind::Credit),
        _ => Some(BoilerplateKind::Caption),
    }
}

/// A line that repeats the line before it and is a name with a slash (`Place - Name/Agency`):
/// scrapers duplicate caption credits even when the agency is not one we know.
pub fn is_repeated_credit(line: &str, previous: &str, lex: &BoilerplateWords) -> bool {
    if previous != line || !line.contains('/') || has_sentence_marks(line) {
        return false;
    }
    let words = credit_words(line);
    words.len() <= MAX_CREDIT_WORDS && name_like(&words, lex)
}

/// Two lines that only name someone, the first repeated at the start of the second
/// (`Russian President` / `Russian President Vladimir Putin`): a picture's caption scraped
/// twice, once cut short. Article text is neither this short nor without a verb.
pub fn is_growing_caption(first: &str, second: &str) -> bool {
    const MAX_WORDS: usize = 6;
    let Some(rest) = second.strip_prefix(first) else {
        return false;
    };
    let bare_name = |line: &str| {
        !line.contains(['.', '!', '?', ':', ',', '"', '“', '”'])
            && line.split_whitespace().count() <= MAX_WORDS
            && line
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    rest.starts_with(' ') && bare_name(first) && bare_name(second)
}

/// Byte offset in `line` where a trailing credit starts, 0 when the whole line is one.
fn credit_start(line: &str, lex: &BoilerplateWords) -> Option<usize> {
    if !may_end_in_credit(line, lex) {
        return None;
    }
    if let Some(open) = trailing_parenthesis(line) {
        if is_credit(&line[open..], lex) {
            return Some(open);
        }
    }
    // Earliest first, so that `Photo by Ann M. Simmons/AP` is taken whole.
    candidate_starts(line).find(|&at| is_credit(&line[at..], lex))
}

/// A credit's last word is a name, agency or photo word, so most lines (ending in a lower-case
/// word and a period, or a quote) are ruled out without looking further.
fn may_end_in_credit(line: &str, lex: &BoilerplateWords) -> bool {
    if line.ends_with('.') && !line.ends_with(").") && !line.ends_with("].") {
        // `… Kherson region.`: credits end in a name or a parenthesis, not a full stop.
        return false;
    }
    let end = line.trim_end_matches(['.', ')', ']', ' ']);
    let last_word = end
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '/' | '(' | '[' | ':'))
        .next();
    last_word
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) || lex.is_photo_word(w))
}

/// Where the line's final `( … )` or `[ … ]` opens, if the line ends with it (a `.` may
/// follow): `(AP Photo)`, `[File: Alex Babenko/AP]`.
fn trailing_parenthesis(line: &str) -> Option<usize> {
    let body = line.strip_suffix('.').unwrap_or(line).trim_end();
    let open = match body.chars().last()? {
        ')' => body.rfind('(')?,
        ']' => body.rfind('[')?,
        _ => return None,
    };
    (body.len() - open <= MAX_CREDIT_BYTES).then_some(open)
}

/// The line start (if short) and every point after a sentence end or at a `©` near the end.
fn candidate_starts(line: &str) -> impl Iterator<Item = usize> + '_ {
    let mut window = line.len().saturating_sub(MAX_CREDIT_BYTES);
    while !line.is_char_boundary(window) {
        window += 1;
    }
    let short_line = (line.len() <= MAX_CREDIT_BYTES).then_some(0);
    let after_sentence_ends = line[window..]
        .char_indices()
        .map(move |(i, c)| (window + i, c))
        .filter_map(move |(i, c)| match c {
            '©' => Some(i),
            ' ' if ends_sentence_before(&line[..i]) => Some(i + 1),
            _ => None,
        });
    short_line.into_iter().chain(after_sentence_ends)
}

/// `text` ends with final punctuation (and closing quotes) after a word of two or more letters,
/// so `region.` counts and the initial in `Ann M.` does not.
fn ends_sentence_before(text: &str) -> bool {
    let text = text.trim_end_matches(['"', '”', '’', '\'', ')']);
    let Some(word) = text.strip_suffix(['.', '!', '?', '…']) else {
        return false;
    };
    let last_word = word.rsplit(char::is_whitespace).next().unwrap_or("");
    last_word.chars().filter(|c| c.is_alphanumeric()).count() >= 2
}

fn has_sentence_marks(text: &str) -> bool {
    text.contains(['!', '?', '"', '“', '”'])
}

/// Whether `candidate` (a whole line, a tail after a sentence or a parenthesis) is a credit.
fn is_credit(candidate: &str, lex: &BoilerplateWords) -> bool {
    let candidate = candidate.trim();
    let candidate = candidate.strip_suffix('.').unwrap_or(candidate);
    let in_parentheses = (candidate.starts_with('(') && candidate.ends_with(')'))
        || (candidate.starts_with('[') && candidate.ends_with(']'));
    let inner = if in_parentheses {
        &candidate[1..candidate.len() - 1]
    } else {
        candidate
    };
    if has_sentence_marks(inner) || inner.contains(['(', '[']) {
        return false;
    }
    let (marked, rest) = strip_credit_marker(inner.trim(), lex);
    if rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        // `© 2022 Dow Jones`: a copyright notice, not a picture credit.
        return false;
    }
    if !credit_word_iter(rest).all(|w| is_name_word(w, lex)) {
        return false;
    }
    let words = credit_words(rest);
    if words.is_empty() || words.len() > MAX_CREDIT_WORDS || !name_like(&words, lex) {
        return false;
    }
    if marked || (in_parentheses && words.iter().any(|w| lex.is_photo_word(w))) {
        return true;
    }
    let segments: Vec<Vec<&str>> = rest.split('/').map(credit_words).collect();
    let (last, before_slashes) = segments.split_last().expect("split yields one segment");
    // `AP Photo/Name`, `Reuters/Name`: the credit's source before a slash.
    let source_before_slash = before_slashes.iter().any(|segment| {
        segment.last().is_some_and(|w| lex.is_photo_word(w)) || lex.agency_suffix(segment).is_some()
    });
    // A lone agency name may be a one-word headline; a credit also names the photographer.
    source_before_slash || (words.len() >= 2 && ends_with_agency(last, lex))
}

/// `… AFP`, `… Getty Images`, also `… AP Photo`.
fn ends_with_agency(words: &[&str], lex: &BoilerplateWords) -> bool {
    let words = match words.split_last() {
        Some((last, rest)) if lex.is_photo_word(last) => rest,
        _ => words,
    };
    lex.agency_suffix(words).is_some()
}

/// `© …`, `(c) …`, `Photo: …`: returns whether a marker was there and the rest.
fn strip_credit_marker<'t>(text: &'t str, lex: &BoilerplateWords) -> (bool, &'t str) {
    if let Some(rest) = text.strip_prefix('©') {
        return (true, rest);
    }
    if starts_with_ignore_case(text, "(c) ") {
        return (true, &text[4..]);
    }
    for marker in &lex.credit_markers {
        if starts_with_ignore_case(text, marker) {
            return (true, &text[marker.len()..]);
        }
    }
    (false, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;
    use BoilerplateKind::{Caption, Credit};

    fn classify(line: &str) -> Option<BoilerplateKind> {
        super::classify(line, &Language::english().boilerplate)
    }

    fn is_repeated_credit(line: &str, previous: &str) -> bool {
        super::is_repeated_credit(line, previous, &Language::english().boilerplate)
    }

    #[test]
    fn credits_on_their_own_line() {
        for line in [
            "Kherson - Metin Aktas/Anadolu Agency/Getty Images",
            "© Reuters/Alexander Ermochenko",
            "(AP Photo/Evgeniy Maloletka)",
            "Photo: Olena Petrenko",
            "Dimitar DILKOFF AFP",
            "Sergei Supinsky/AFP via Getty Images",
            "Photo by Ann M. Simmons/AP",
            "REUTERS/Valentyn Ogirenko",
            "Photograph: Olena Petrenko/Reuters",
            "[Sergey Bobok/AFP]",
            "Getty Images",
        ] {
            assert_eq!(classify(line), Some(Credit), "{line}");
        }
    }

    #[test]
    fn captions_end_in_a_credit() {
        for line in [
            "A man looks through a bus window on Wednesday, Nov. 2, 2022. Russian authorities have encouraged residents to evacuate. (AP Photo)",
            "In the south, forces prepare for heavy fighting to recapture the city. Dimitar DILKOFF AFP",
            "A group of people unloads a ship in the city of Oleshky, on October 22, 2022. © Reuters/Alexander Ermochenko",
            "Residents queue for water in Kherson on Nov. 14. (AP Photo/Bernat Armangue).",
            "Ukrainian servicemen ride a tank near Kherson [File: Alex Babenko/AP]",
            "Smoke rises over the city. Photograph: Olena Petrenko/Reuters",
        ] {
            assert_eq!(classify(line), Some(Caption), "{line}");
        }
    }

    #[test]
    fn article_text_and_headlines_are_not_credits() {
        for line in [
            "Russia to evacuate civilians from Kherson as Ukrainians close in",
            "Russia offers 1,600 euros to inhabitants of Kherson to leave the region",
            "Russian Officials Flee Kherson as Russian Troops Dig In for a Battle",
            "Russian President Vladimir Putin",
            "The Kremlin declined to comment on the talks, first reported by the Wall Street Journal.",
            "The source said the talks were going on, according to Reuters",
            "AP Interview: Zelensky Says Ukraine Will Win",
            "Ukraine's military said so (the region's capital).",
            "Russia annexed the region [Kherson] in September.",
            "He cited the agency [Reuters]",
            "He spoke to AFP. \"We will stay,\" he said.",
            "Reuters",
            "He left. © 2022 Dow Jones",
            "",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn a_name_line_repeated_longer_is_a_caption() {
        assert!(is_growing_caption(
            "Russian President",
            "Russian President Vladimir Putin"
        ));
        assert!(!is_growing_caption(
            "Russian President",
            "Russian President said so."
        ));
        assert!(!is_growing_caption(
            "Russian President",
            "Russian Presidents Meet"
        ));
        assert!(!is_growing_caption(
            "Russian President",
            "Russian President"
        ));
        assert!(!is_growing_caption(
            "Kherson Mayor Igor Kulekhaev wrote in",
            "Kherson Mayor Igor Kulekhaev wrote in a post"
        ));
        assert!(!is_growing_caption("", "Russian President"));
    }

    #[test]
    fn a_repeated_slash_name_is_a_credit_even_without_a_known_agency() {
        let line = "Kyiv - Ivan Petrov/Kyiv Daily";
        assert!(is_repeated_credit(line, line));
        assert!(!is_repeated_credit(line, "Something else"));
        let headline = "Russian Troops Dig In";
        assert!(!is_repeated_credit(headline, headline));
    }
}
