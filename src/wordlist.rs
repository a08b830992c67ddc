//! The one reader for the compiled-in word lists of every stage, and the lists that more
//! than one stage reads (in `wordlist/`), so that each word is written down once.

/// Months, weekdays, parts of the day and units of time. The dates rules parse it
/// (`entities::dates`); the name rules and the claims' time words take their month and
/// weekday names from that parse.
pub(crate) const CALENDAR_WORDS: &str = include_str!("wordlist/calendar_words.txt");

/// Reporting cues: claims parse them as cue patterns; entities read the speaker verbs.
pub(crate) const REPORTING_VERBS: &str = include_str!("wordlist/reporting_verbs.txt");

/// Denial cues, in the format of `REPORTING_VERBS`.
pub(crate) const DENIALS: &str = include_str!("wordlist/denials.txt");

/// Entries of a list file: one a line, trimmed; blank lines and `#` comment lines skipped.
pub(crate) fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The forms marked `^` in the cue lists (`said^`), without their marks: verbs next to which
/// an unknown capitalised name is a speaker.
pub(crate) fn speaker_verbs() -> impl Iterator<Item = &'static str> {
    [REPORTING_VERBS, DENIALS]
        .into_iter()
        .flat_map(entries)
        .flat_map(|line| line.split_whitespace().skip(1))
        .flat_map(|slot| slot.split('|'))
        .filter_map(|form| form.trim_start_matches('~').strip_suffix('^'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_verbs_are_the_marked_forms() {
        let verbs: Vec<&str> = speaker_verbs().collect();
        for v in [
            "said",
            "say",
            "told",
            "reports",
            "claims",
            "denied",
            "asked",
            "emphasized",
        ] {
            assert!(verbs.contains(&v), "{v}");
        }
        // Unmarked forms of the same cues, and marks or prefixes left on a form.
        for v in [
            "saying",
            "tell",
            "reporting",
            "deny",
            "believe",
            "according",
        ] {
            assert!(!verbs.contains(&v), "{v}");
        }
        assert!(
            verbs
                .iter()
                .all(|v| v.chars().all(|c| c.is_ascii_lowercase())),
            "{verbs:?}"
        );
    }
}
