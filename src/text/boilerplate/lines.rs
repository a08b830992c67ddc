//! The article body as trimmed, non-blank lines with their byte offsets. Detection works on
//! lines: in scraped text a paragraph is a line (blank-line separated or not), and CR, CRLF
//! and Unicode line separators all end one.

/// One non-blank line, trimmed: `text` is `full_text[start..start + text.len()]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub start: usize,
    pub text: &'a str,
}

impl Line<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The non-blank lines of `text[body_start..]`, offsets into `text`.
/// `body_start` must be a char boundary.
pub fn body_lines(text: &str, body_start: usize) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 200 + 1);
    let mut line_start = body_start;
    let mut at = body_start;
    // A byte scan (`str::split` with a char predicate decodes every character) that skips
    // 16 bytes at a time while none of them can end a break: the test compiles to SIMD.
    while at < bytes.len() {
        if let Some(chunk) = bytes.get(at..at + 16) {
            if chunk
                .iter()
                .fold(0u8, |any, &b| any | u8::from(may_end_break(b)))
                == 0
            {
                at += 16;
                continue;
            }
        }
        let b = bytes[at];
        at += 1;
        if !may_end_break(b) {
            continue;
        }
        // `at` is past the break's last byte; where did the break start? `line_start` is a
        // char boundary, so a multi-byte break lies wholly after it.
        let seen = &bytes[line_start..at];
        let break_len = match b {
            0x0A..=0x0D => 1,
            0x85 if seen.ends_with(&[0xC2, 0x85]) => 2,
            0xA8 | 0xA9 if seen.ends_with(&[0xE2, 0x80, b]) => 3,
            _ => continue,
        };
        let break_start = at - break_len;
        push_trimmed(text, line_start, break_start, &mut out);
        line_start = at;
    }
    push_trimmed(text, line_start, bytes.len(), &mut out);
    out
}

/// The last byte of a line break: `\n` `\r` VT FF, NEL (C2 85), LS (E2 80 A8), PS (E2 80 A9).
/// `0x85`, `0xA8` and `0xA9` also end other characters (`é` is C3 A9): the caller checks.
#[inline]
fn may_end_break(b: u8) -> bool {
    // Written as wrapping comparisons so that the 16-byte test vectorises.
    (b.wrapping_sub(0x0A) < 4) | (b == 0x85) | (b.wrapping_sub(0xA8) < 2)
}

fn push_trimmed<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Line<'a>>) {
    let raw = &text[start..end];
    let trimmed = raw.trim_start();
    let start = start + (raw.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        out.push(Line {
            start,
            text: trimmed,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, from: usize) -> Vec<&str> {
        body_lines(text, from)
            .iter()
            .map(|l| {
                assert_eq!(&text[l.start..l.end()], l.text);
                l.text
            })
            .collect()
    }

    #[test]
    fn crlf_blank_lines_and_single_newlines() {
        assert_eq!(texts("a b\r\n\r\n c \r\nd", 0), ["a b", "c", "d"]);
        assert_eq!(texts("one\ntwo\n", 0), ["one", "two"]);
        assert_eq!(texts("x\u{2028}é\ry", 0), ["x", "é", "y"]);
    }

    #[test]
    fn empty_and_unbroken_text() {
        assert!(texts("", 0).is_empty());
        assert!(texts(" \n\t\r\n", 0).is_empty());
        assert_eq!(texts("no newline at all", 0), ["no newline at all"]);
    }

    #[test]
    fn starts_at_the_body() {
        assert_eq!(texts(" date 2022-11-08 A man\nB", 17), ["A man", "B"]);
    }
}
