//! The one reader for the compiled-in word lists of every stage.

/// Entries of a list file: one a line, trimmed; blank lines and `#` comment lines skipped.
pub(crate) fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
