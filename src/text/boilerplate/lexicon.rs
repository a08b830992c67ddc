//! The word lists in `data/`, compiled in and parsed once.

use std::sync::LazyLock;

use crate::wordlist::entries;

/// An agency name as words; all-capital names must match exactly, others in any case.
pub struct Agency {
    pub words: Vec<&'static str>,
    pub exact_case: bool,
}

pub static AGENCIES: LazyLock<Vec<Agency>> = LazyLock::new(|| {
    entries(include_str!("data/agencies.txt"))
        .map(|name| Agency {
            words: name.split_whitespace().collect(),
            exact_case: !name.chars().any(char::is_lowercase),
        })
        .collect()
});

pub static PHOTO_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/photo_words.txt")).collect());

pub static CREDIT_MARKERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/credit_markers.txt")).collect());

pub static NAME_CONNECTORS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/name_connectors.txt")).collect());

pub static CONTRIBUTOR_OPENINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/contributor_openings.txt")).collect());

pub static CONTACT_OPENINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/contact_openings.txt")).collect());

pub static COUNTER_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/counter_words.txt")).collect());

pub static TIMESTAMP_OPENINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/timestamp_openings.txt")).collect());

/// Navigation lists are stored in the normal form `normalise_line` gives.
pub static NAVIGATION_HEADERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    entries(include_str!("data/navigation_headers.txt"))
        .map(normalise_line)
        .collect()
});

pub static NAVIGATION_LINES: LazyLock<Vec<String>> = LazyLock::new(|| {
    entries(include_str!("data/navigation_lines.txt"))
        .map(normalise_line)
        .collect()
});

pub static NAVIGATION_PREFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/navigation_prefixes.txt")).collect());

/// Lower case, one space between words, no trailing punctuation (`No More Posts Available.`
/// → `no more posts available`), so list entries match the way sites vary them.
pub fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    let kept = out.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    out.truncate(kept);
    out
}

/// `text` starts with `prefix`, ignoring ASCII case (prefixes are ASCII).
pub fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

pub fn is_photo_word(word: &str) -> bool {
    PHOTO_WORDS.iter().any(|p| p.eq_ignore_ascii_case(word))
}

pub fn is_connector(word: &str) -> bool {
    NAME_CONNECTORS.contains(&word)
}

/// Length in words of the agency name that `words` ends with, if any (longest wins).
pub fn agency_suffix(words: &[&str]) -> Option<usize> {
    AGENCIES
        .iter()
        .filter(|a| a.words.len() <= words.len())
        .filter(|a| {
            let tail = &words[words.len() - a.words.len()..];
            tail.iter().zip(&a.words).all(|(w, n)| {
                if a.exact_case {
                    w == n
                } else {
                    w.eq_ignore_ascii_case(n)
                }
            })
        })
        .map(|a| a.words.len())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_without_comments() {
        assert!(AGENCIES.iter().any(|a| a.words == ["Getty", "Images"]));
        assert!(AGENCIES.iter().all(|a| !a.words[0].starts_with('#')));
        assert!(NAVIGATION_HEADERS.contains(&"more stories".to_string()));
        assert!(NAVIGATION_LINES.contains(&"no more posts available".to_string()));
    }

    #[test]
    fn normal_form_drops_case_spacing_and_trailing_punctuation() {
        assert_eq!(
            normalise_line("  No More   Posts Available. "),
            "no more posts available"
        );
        assert_eq!(normalise_line("Related:"), "related");
        assert_eq!(normalise_line("..."), "");
    }

    #[test]
    fn agencies_match_at_the_end_with_their_case_rule() {
        assert_eq!(agency_suffix(&["Dimitar", "DILKOFF", "AFP"]), Some(1));
        assert_eq!(
            agency_suffix(&["Metin", "Aktas", "Anadolu", "Agency"]),
            Some(2)
        );
        assert_eq!(agency_suffix(&["x", "REUTERS"]), Some(1));
        assert_eq!(agency_suffix(&["a", "map"]), None);
        assert_eq!(agency_suffix(&["the", "ap"]), None);
        assert_eq!(agency_suffix(&[]), None);
    }
}
