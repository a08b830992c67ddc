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
    words_with_offsets(line)
        .filter(|(_, w)| is_hash(w))
        .map(|(at, w)| (at, at + w.len()))
}

/// Byte ranges of `[email protected]` placeholders (also `[email&#160;protected]`) in `line`.
pub fn email_placeholders(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    const OPEN: &str = "[email";
    const CLOSE: &str = "protected]";
    /// Room between the two halves for a space or an HTML entity.
    const MAX_GAP: usize = 8;
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let open = from + find_ignore_ascii_case(&line[from..], OPEN)?;
        let after = open + OPEN.len();
        from = after;
        let window_end = floor_char_boundary(line, after + MAX_GAP + CLOSE.len());
        if let Some(close) = find_ignore_ascii_case(&line[after..window_end], CLOSE) {
            let end = after + close + CLOSE.len();
            from = end;
            return Some((open, end));
        }
    })
}

fn words_with_offsets(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split(char::is_whitespace)
        .scan(0, |pos, word| {
            let at = *pos;
            *pos += word.len()
                + line[*pos + word.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            Some((at, word))
        })
        .filter(|(_, w)| !w.is_empty())
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
    }
}
