//! The word lists in `data/`, compiled in and parsed once.

use std::collections::HashSet;
use std::sync::LazyLock;

fn entries(src: &'static str) -> HashSet<&'static str> {
    crate::wordlist::entries(src).collect()
}

/// Titles and ranks (without their period) that always precede a name.
pub static TITLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/titles.txt")));

/// Closed-class words that open sentences.
pub static SENTENCE_STARTERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/sentence_starters.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse() {
        assert!(TITLES.contains("Gen") && TITLES.contains("St"));
        assert!(!TITLES.contains("Jr") && !TITLES.iter().any(|t| t.starts_with('#')));
        assert!(SENTENCE_STARTERS.contains("The") && !SENTENCE_STARTERS.contains("Army"));
    }
}
