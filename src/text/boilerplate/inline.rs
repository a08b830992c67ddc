//! Junk inside otherwise ordinary lines: stray hashes (`87990cbe856818d5eddac44c7b1cdeb8`) and
//! the placeholder Cloudflare leaves for an obfuscated address (`[email protected]`).

/// Hex digests: MD5 (32) up to SHA-512 (128) characters.
const HASH_LENGTHS: std::ops::RangeInclusive<usize> = 32..=128;

/// A hex digest: one case, digits and letters mixed (so a long number is not a hash).
pub fn is_hash(word: &str) -> bool {
    let lower = word.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let upper = word.bytes().all(|b| matches!(b, b'0'..=b'9' | b'A'..=b'F'));
    HASH_LENGTHS.contains(&word.len())
        && (lower || upper)
        && word.bytes().any(|b| b.is_ascii_digit())
        && word.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Byte ranges of whitespace-delimited hashes in `line`.
pub fn hashes(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = line.as_bytes();
    let min = *HASH_LENGTHS.start();
    let mut at = 0;
    std::iter::from_fn(move || {
        // A run of `min` hex digits that starts in `at..at + min` covers `at + min - 1`: test
        // that byte and skip `min` bytes when it is not hex, so prose costs one test per `min`.
        while at + min <= bytes.len() {
            let probe = at + min - 1;
            if !bytes[probe].is_ascii_hexdigit() {
                at += min;
                continue;
            }
            let mut start = probe;
            while start > at && bytes[start - 1].is_ascii_hexdigit() {
                start -= 1;
            }
            let mut end = probe + 1;
            while end < bytes.len() && bytes[end].is_ascii_hexdigit() {
                end += 1;
            }
            at = end + 1;
            let delimited = (start == 0 || bytes[start - 1].is_ascii_whitespace())
                && (end == bytes.len() || bytes[end].is_ascii_whitespace());
            if delimited && is_hash(&line[start..end]) {
                return Some((start, end));
            }
        }
        None
    })
}

/// Byte ranges of `[email protected]` placeholders (also `[email&#160;protected]`) in `line`.
pub fn email_placeholders(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    const OPEN: &str = "[email";
    const CLOSE: &str = "protected]";
    /// Room between the two halves for a space or an HTML entity.
    const MAX_GAP: usize = 8;
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let open = from + line[from..].find('[')?;
        from = open + 1;
        if !starts_with_ignore_ascii_case(&line[open..], OPEN) {
            continue;
        }
        let after = open + OPEN.len();
        let window_end = floor_char_boundary(line, after + MAX_GAP + CLOSE.len());
        if let Some(close) = find_ignore_ascii_case(&line[after..window_end], CLOSE) {
            let end = after + close + CLOSE.len();
            from = end;
            return Some((open, end));
        }
    })
}

fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(line: &str, found: impl Iterator<Item = (usize, usize)>) -> Vec<&str> {
        found.map(|(s, e)| &line[s..e]).collect()
    }

    #[test]
    fn hashes_are_mixed_hex_of_digest_length() {
        let line = "save. 87990cbe856818d5eddac44c7b1cdeb8 and DEADBEEF";
        assert_eq!(
            spans(line, hashes(line)),
            ["87990cbe856818d5eddac44c7b1cdeb8"]
        );
        assert!(!is_hash("12345678901234567890123456789012"));
        assert!(!is_hash("abcdefabcdefabcdefabcdefabcdefab"));
        assert!(!is_hash("87990cbe856818d5eddac44c7b1cdeB8"));
        assert!(is_hash(&"a1".repeat(20)));
        let line = "87990cbe856818d5eddac44c7b1cdeb8";
        assert_eq!(spans(line, hashes(line)), [line]);
        let line = "x87990cbe856818d5eddac44c7b1cdeb8 é";
        assert!(hashes(line).next().is_none());
        // Found at every alignment, also two in a row.
        for pad in 0..40 {
            let line = format!(
                "{} 87990cbe856818d5eddac44c7b1cdeb8 {} 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d",
                "w".repeat(pad),
                "v".repeat(pad % 7)
            );
            assert_eq!(hashes(&line).count(), 2, "{line}");
        }
    }

    #[test]
    fn placeholders_anywhere_in_a_line() {
        let line = "write to A at [email protected] and B at [email&#160;protected]";
        assert_eq!(
            spans(line, email_placeholders(line)),
            ["[email protected]", "[email&#160;protected]"]
        );
        let line = "an [email] thread, nothing protected]";
        assert!(email_placeholders(line).next().is_none());
        let line = "[email é";
        assert!(email_placeholders(line).next().is_none());
        let line = "[[email protected]]";
        assert_eq!(spans(line, email_placeholders(line)), ["[email protected]"]);
    }
}
