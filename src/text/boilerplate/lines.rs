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

pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The non-blank lines of `text[body_start..]`, offsets into `text`.
/// `body_start` must be a char boundary.
pub fn body_lines(text: &str, body_start: usize) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 200 + 1);
    let mut line_start = body_start;
    let mut at = body_start;
    // A byte scan: `str::split` with a char predicate decodes every character.
    while at < bytes.len() {
        let break_len = match bytes[at] {
            b'\n' | b'\r' | 0x0B | 0x0C => 1,
            0xC2 if bytes.get(at + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(at + 1) == Some(&0x80)
                && matches!(bytes.get(at + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => 0,
        };
        if break_len == 0 {
            at += 1;
            continue;
        }
        push_trimmed(text, line_start, at, &mut out);
        at += break_len;
        line_start = at;
    }
    push_trimmed(text, line_start, bytes.len(), &mut out);
    out
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
