//! Who wrote it and how often it was read: bylines (`By Ann Lee`), scraped view counters
//! (`by -922 Views`), publication stamps, contributor notes (`Drew Henshaw and Ann M Simmons
//! contributed to this article.`) and contact lines (`write to X at [email protected]`).
//! All work on whole lines: in an article these stand alone.

use super::lexicon::{starts_with_ignore_case, BoilerplateWords};
use super::names::{capitalised, credit_words, name_like};
use super::BoilerplateKind;

const MAX_BYLINE_WORDS: usize = 10;
const MAX_COUNTER_BYTES: usize = 120;
const MAX_STAMP_BYTES: usize = 100;
const MAX_CONTRIBUTOR_BYTES: usize = 400;
const MAX_CONTACT_BYTES: usize = 300;

pub fn classify(line: &str, lex: &BoilerplateWords) -> Option<BoilerplateKind> {
    if is_view_counter(line, lex)
        || is_byline(line, lex)
        || is_timestamp(line, lex)
        || is_contributor_note(line, lex)
    {
        Some(BoilerplateKind::Byline)
    } else if is_contact(line, lex) {
        Some(BoilerplateKind::Contact)
    } else {
        None
    }
}

/// `by -922 Views`, `1,204 views`, `By Ann Lee 12K Shares`: a count, then a counter word, at the
/// end of a short line whose other words are `by` or a name.
fn is_view_counter(line: &str, lex: &BoilerplateWords) -> bool {
    if line.len() > MAX_COUNTER_BYTES {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let [lead @ .., count, counter] = words.as_slice() else {
        return false;
    };
    let lead = match lead.split_first() {
        Some((by, names)) if by.eq_ignore_ascii_case("by") => names,
        _ => lead,
    };
    words.len() <= MAX_BYLINE_WORDS
        && lex
            .counter_words
            .iter()
            .any(|w| w.eq_ignore_ascii_case(counter))
        && is_count(count)
        && (lead.is_empty() || name_like(&credit_words(&lead.join(" ")), lex))
}

/// `922`, `-922` (a scraper's negative counter), `1,204`, `1.2K`.
fn is_count(word: &str) -> bool {
    let digits = word
        .strip_prefix(['-', '+'])
        .unwrap_or(word)
        .trim_end_matches(['k', 'K', 'm', 'M']);
    digits.chars().any(|c| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// `By Ann Lee and John Smith`, `BY ANN LEE, Reuters`: `By` then a short run of names.
fn is_byline(line: &str, lex: &BoilerplateWords) -> bool {
    let Some(rest) = ["By ", "by ", "BY "]
        .iter()
        .find_map(|by| line.strip_prefix(by))
    else {
        return false;
    };
    let words = credit_words(rest);
    let names_someone = capitalised(&words) >= 2 || lex.agency_suffix(&words) == Some(words.len());
    words.len() < MAX_BYLINE_WORDS && name_like(&words, lex) && names_someone
}

/// `Published: 08 Nov 2022`, `Updated 10:14 GMT`: an opening, then only date and time words.
fn is_timestamp(line: &str, lex: &BoilerplateWords) -> bool {
    line.len() <= MAX_STAMP_BYTES
        && line.chars().any(|c| c.is_ascii_digit())
        && lex.timestamp_openings.iter().any(|opening| {
            starts_with_ignore_case(line, opening)
                && line[opening.len()..].starts_with([' ', ':', '\t'])
                && credit_words(&line[opening.len()..])
                    .iter()
                    .all(|w| is_date_word(w))
        })
}

/// `08`, `Nov`, `2022`, `10:14`, `GMT`, `on`, `am`: no ordinary lower-case words.
fn is_date_word(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        || word.chars().next().is_some_and(char::is_uppercase)
        || matches!(word, "on" | "at" | "am" | "pm" | "a.m" | "p.m")
}

/// Every sentence of the line credits reporters.
fn is_contributor_note(line: &str, lex: &BoilerplateWords) -> bool {
    !line.is_empty()
        && line.len() <= MAX_CONTRIBUTOR_BYTES
        // The first sentence must be a credit: a cheap test before splitting the line.
        && (line.contains("reported from")
            || line.contains("contributed")
            || lex
                .contributor_openings
                .iter()
                .any(|o| starts_with_ignore_case(line.trim_start_matches('('), o)))
        && note_sentences(line).all(|sentence| is_contributor_sentence(sentence, lex))
}

/// Sentences of a short note, split after a period that ends a lower-case word (`York. Helene`),
/// so that initials (`Ann M. Simmons`) do not split.
fn note_sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let cut = (1..bytes.len())
            .find(|&i| {
                bytes[i] == b'.'
                    && bytes[i - 1].is_ascii_lowercase()
                    && bytes.get(i + 1) == Some(&b' ')
            })
            .map_or(rest.len(), |i| i + 1);
        let (sentence, tail) = rest.split_at(cut);
        rest = tail.trim_start();
        Some(sentence)
    })
}

/// `Helene Cooper contributed reporting from Washington.`, `Marc Santorareported from Kyiv`
/// (the scraper glued the verb to the name), `Reporting by Pavel Polityuk`.
fn is_contributor_sentence(sentence: &str, lex: &BoilerplateWords) -> bool {
    // Reuters closes with the note in parentheses: `(Reporting by …; Editing by …)`.
    let sentence = sentence.trim_start_matches('(').trim_end_matches(')');
    if lex
        .contributor_openings
        .iter()
        .any(|opening| starts_with_ignore_case(sentence, opening))
    {
        return true;
    }
    let words: Vec<&str> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut names = 0;
    for (i, word) in words.iter().enumerate() {
        if *word == "and" || *word == "&" {
            continue;
        }
        if let Some(verb) = contributor_verb(word) {
            let glued = word.len() > verb.len();
            names += usize::from(glued);
            let next = words.get(i + 1).copied().unwrap_or("");
            return names >= 2 && verb_is_followed_by_credit(verb, next) && !reports_speech(&words);
        }
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        names += 1;
    }
    false
}

/// `contributed`, `reported`, or a capitalised name with one of them glued on.
fn contributor_verb(word: &str) -> Option<&'static str> {
    ["contributed", "reported"].into_iter().find(|verb| {
        word == *verb
            || (word.ends_with(verb)
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.len() > verb.len())
    })
}

/// `reported from Kyiv`, `contributed to this article`, `contributed reporting`.
fn verb_is_followed_by_credit(verb: &str, next: &str) -> bool {
    match verb {
        "reported" => next == "from",
        _ => matches!(
            next,
            "to" | "reporting" | "research" | "additional" | "from"
        ),
    }
}

/// `Vladimir Saldo reported from Kherson that …` is news, not a credit.
fn reports_speech(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| matches!(*w, "that" | "said" | "says" | "which" | "who"))
}

/// `write to Yaroslav Trofimov at [email protected]`: a contact opening and an address.
fn is_contact(line: &str, lex: &BoilerplateWords) -> bool {
    line.len() <= MAX_CONTACT_BYTES
        && lex.contact_openings.iter().any(|opening| {
            starts_with_ignore_case(line, opening) && line[opening.len()..].starts_with([' ', ':'])
        })
        && (line.contains('@') || line.contains("[email"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;
    use BoilerplateKind::{Byline, Contact};

    fn classify(line: &str) -> Option<BoilerplateKind> {
        super::classify(line, &Language::english().boilerplate)
    }

    #[test]
    fn bylines_counters_stamps_and_contributors() {
        for line in [
            "by -922 Views",
            "1,204 views",
            "By Ann Lee 12K Shares",
            "By Yaroslav Trofimov and Stacy Meichtry",
            "BY ANN LEE, Reuters",
            "Published: 08 Nov 2022, 10:14",
            "Updated 10:14 GMT",
            "Drew Henshaw and Ann M Simmons contributed to this article.",
            "Drew Henshaw and Ann M. Simmons contributed to this article.",
            "Marc Santorareported from Kyiv, and Eric Nagourney from New York. Helene Cooper contributed reporting from Washington, and Cora Engelbrecht from London.",
            "Reporting by Pavel Polityuk; Editing by Alex Richardson",
            "(Reporting by Pavel Polityuk in Kyiv; Editing by Alex Richardson)",
            "By Reuters",
            "By AFP",
        ] {
            assert_eq!(classify(line), Some(Byline), "{line}");
        }
    }

    #[test]
    fn contact_lines() {
        for line in [
            "write to Yaroslav Trofimov at [email protected] and Stacy Meichtry at [email protected]",
            "Write to Ann Lee at ann.lee@wsj.com",
            "Contact: news@example.org",
        ] {
            assert_eq!(classify(line), Some(Contact), "{line}");
        }
    }

    #[test]
    fn article_sentences_are_not_bylines() {
        for line in [
            "By Monday, Russian forces had withdrawn.",
            "By Monday",
            "By nightfall the city was quiet",
            "There were 5 comments",
            "Ukrainian officials reported from the front that fighting continued.",
            "Reuters reported from Kyiv on Monday.",
            "Vladimir Saldo reported from Kherson that evacuations began.",
            "Cases were reported from three regions.",
            "The ministry contributed to this effort, officials said.",
            "Published reports say 20,000 people fled the city in the last month of fighting before the retreat.",
            "Follow the news closely.",
            "Email scams rose.",
            "",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }
}
