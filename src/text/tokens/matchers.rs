//! Token matches: patterns taken whole before any splitting (spaCy's `url_match` and
//! `token_match`): URLs, e-mail addresses, hashtags, @handles, emoji clusters. Each takes the
//! text and a start offset (on a char boundary) and returns the end of the match, if any.

use super::chars::{classify, is_regional_indicator, Class, KEYCAP, ZWJ};

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|rest| rest.chars().next())
}

fn starts_with_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

/// `https://…`, `http://…`, `ftp://…` or `www.…` starting at `start`.
pub(super) fn url_with_scheme(text: &str, start: usize) -> Option<usize> {
    let rest = &text.as_bytes()[start..];
    // Called for every word starting with h, w or f: the fourth byte of each scheme (`p`
    // `:` `.`) rules out nearly all of them (`with`, `have`, `from`) in one test.
    if !matches!(rest.get(3), Some(b'p' | b'P' | b':' | b'.')) {
        return None;
    }
    let scheme = [&b"https://"[..], b"http://", b"ftp://", b"www."]
        .into_iter()
        .find(|s| starts_with_ignore_case(rest, s))?;
    let host = start + scheme.len();
    // The scheme alone (`http://` then a space) is not a URL.
    if !char_at(text, host).is_some_and(|c| classify(c).is_word()) {
        return None;
    }
    Some(url_tail(text, start, host))
}

/// Extends a URL from `from` to the end of its non-space run, then gives back trailing
/// punctuation that belongs to the sentence (`.` `,` `)` without its `(` ...).
pub(super) fn url_tail(text: &str, start: usize, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = from;
    while end < bytes.len() {
        let b = bytes[end];
        if b < 0x80 {
            if b.is_ascii_whitespace() || matches!(b, b'"' | b'<' | b'>' | b'\x00'..=b'\x1F') {
                break;
            }
            end += 1;
        } else {
            let Some(c) = char_at(text, end) else { break };
            if matches!(
                classify(c),
                Class::Space | Class::Quote | Class::Apostrophe | Class::Ellipsis | Class::Control
            ) {
                break;
            }
            end += c.len_utf8();
        }
    }
    while end > from {
        let url = &bytes[start..end];
        let unbalanced = |open: u8, close: u8| {
            url.iter().filter(|&&b| b == close).count() > url.iter().filter(|&&b| b == open).count()
        };
        let trim = match url[url.len() - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => true,
            b')' => unbalanced(b'(', b')'),
            b']' => unbalanced(b'[', b']'),
            b'}' => unbalanced(b'{', b'}'),
            _ => false,
        };
        if !trim {
            break;
        }
        end -= 1;
    }
    end
}

fn is_email_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// `name@host.tld` starting at `start` (ASCII; the last label is at least two letters).
pub(super) fn email(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    while i < bytes.len() && is_email_local(bytes[i]) {
        i += 1;
    }
    if i == start || bytes.get(i) != Some(&b'@') || bytes[i - 1] == b'.' {
        return None;
    }
    i += 1;
    let mut labels = 0;
    let mut last_label = (i, i);
    loop {
        let label_start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
            i += 1;
        }
        if i == label_start {
            break;
        }
        labels += 1;
        last_label = (label_start, i);
        let next_is_label = bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        if bytes.get(i) == Some(&b'.') && next_is_label {
            i += 1;
        } else {
            break;
        }
    }
    let tld = &bytes[last_label.0..last_label.1];
    (labels >= 2 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic))
        .then_some(last_label.1)
}

/// `#hashtag` at `start` (on the `#`): letters, digits, marks and `_`, starting with a letter
/// or `_` (so `#1` stays `#` + `1`).
pub(super) fn hashtag(text: &str, start: usize) -> Option<usize> {
    let first = char_at(text, start + 1)?;
    if !(classify(first).is_letter() || first == '_') {
        return None;
    }
    let mut end = start + 1;
    while let Some(c) = char_at(text, end) {
        if !(classify(c).is_word() || c == '_') {
            break;
        }
        end += c.len_utf8();
    }
    Some(end)
}

/// `@handle` at `start` (on the `@`): ASCII letters, digits and `_`, as the platforms allow.
pub(super) fn mention(bytes: &[u8], start: usize) -> Option<usize> {
    let is_handle = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let len = bytes[start + 1..]
        .iter()
        .take_while(|b| is_handle(b))
        .count();
    (len > 0).then_some(start + 1 + len)
}

/// One emoji with what belongs to it: a second regional indicator (a flag), modifiers,
/// variation selectors, tags, keycaps, and further emoji joined by ZWJ.
pub(super) fn emoji_cluster(text: &str, start: usize, first: char) -> usize {
    let mut end = start + first.len_utf8();
    if is_regional_indicator(first) {
        if let Some(c) = char_at(text, end).filter(|&c| is_regional_indicator(c)) {
            end += c.len_utf8();
        }
    }
    while let Some(c) = char_at(text, end) {
        match classify(c) {
            Class::Extender if c == ZWJ => {
                end += c.len_utf8();
                match char_at(text, end) {
                    Some(next) if classify(next) == Class::Emoji => end += next.len_utf8(),
                    _ => break,
                }
            }
            Class::Extender => end += c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// Extenders right after `from` (they glue onto the token before them); also says whether a
/// keycap mark was among them (`1️⃣` is an emoji, not a number).
pub(super) fn extenders(text: &str, from: usize) -> (usize, bool) {
    let mut end = from;
    let mut keycap = false;
    while let Some(c) = char_at(text, end) {
        if !c.is_ascii() && classify(c) == Class::Extender {
            keycap |= c == KEYCAP;
            end += c.len_utf8();
        } else {
            break;
        }
    }
    (end, keycap)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Option<&str> {
        url_with_scheme(s, 0).map(|e| &s[..e])
    }

    #[test]
    fn urls_give_back_sentence_punctuation() {
        assert_eq!(
            url("https://example.com/a?b=1."),
            Some("https://example.com/a?b=1")
        );
        assert_eq!(url("www.dw.com/en,"), Some("www.dw.com/en"));
        assert_eq!(
            url("https://en.wikipedia.org/wiki/Kherson_(city))"),
            Some("https://en.wikipedia.org/wiki/Kherson_(city)")
        );
        assert_eq!(url("https://x.org/”"), Some("https://x.org/"));
        assert_eq!(url("http:// x"), None);
        assert_eq!(url("www."), None);
        assert_eq!(url("whatever"), None);
    }

    #[test]
    fn emails() {
        fn e(s: &str) -> Option<&str> {
            email(s.as_bytes(), 0).map(|e| &s[..e])
        }
        assert_eq!(
            e("first.last+tag@mail.example.org."),
            Some("first.last+tag@mail.example.org")
        );
        assert_eq!(e("a@b"), None);
        assert_eq!(e("a@b.c"), None);
        assert_eq!(e("@b.com"), None);
    }

    #[test]
    fn emoji_clusters() {
        fn c(s: &str) -> &str {
            &s[..emoji_cluster(s, 0, s.chars().next().unwrap())]
        }
        assert_eq!(c("👩🏽‍🚒x"), "👩🏽‍🚒");
        assert_eq!(c("🇺🇦🇺🇦"), "🇺🇦");
        assert_eq!(c("❤️ x"), "❤️");
        assert_eq!(c("😀\u{200D}x"), "😀\u{200D}");
    }
}
