//! Copyright lines: `Copyright © 2022 Dow Jones & Company, Inc. All rights reserved.`,
//! `© 2022 Reuters`. (`© Reuters/Name` without a year is a photo credit, see `credits`.)

use super::lexicon::starts_with_ignore_case;

const MAX_COPYRIGHT_BYTES: usize = 300;

/// The copyright notice in `line` as a byte range of it, if the line is one. A hash the scraper
/// left at the end of the line is not part of it.
pub fn notice(line: &str) -> Option<(usize, usize)> {
    if line.len() > MAX_COPYRIGHT_BYTES {
        return None;
    }
    let is_notice = opens_notice(line)
        || ((line.contains("ights") || line.contains("IGHTS"))
            && contains_ignore_ascii_case(line, "all rights reserved"));
    if !is_notice {
        return None;
    }
    let mut end = line.len();
    while let Some(cut) = line[..end].trim_end().rfind(char::is_whitespace) {
        let last = line[cut..end].trim();
        if !super::inline::is_hash(last) {
            break;
        }
        end = line[..cut].trim_end().len();
    }
    (end > 0).then_some((0, end))
}

/// `Copyright © …`, `Copyright 2022 …`, `© 2022 …`, `(c) 2022 …`: the mark, then a year or `©`.
fn opens_notice(line: &str) -> bool {
    let rest = if starts_with_ignore_case(line, "copyright") {
        &line["copyright".len()..]
    } else if let Some(rest) = line.strip_prefix('©') {
        rest
    } else if starts_with_ignore_case(line, "(c)") {
        &line[3..]
    } else {
        return false;
    };
    let next = rest.trim_start();
    next.starts_with('©')
        || starts_with_ignore_case(next, "(c)")
        || next.get(..4).is_some_and(is_year)
}

fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && matches!(&word[..2], "19" | "20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_with_and_without_a_trailing_hash() {
        let line = "Copyright © 2022 Dow Jones & Company, Inc. all rights are save. 87990cbe856818d5eddac44c7b1cdeb8";
        let (start, end) = notice(line).unwrap();
        assert_eq!(
            &line[start..end],
            "Copyright © 2022 Dow Jones & Company, Inc. all rights are save."
        );
        for line in [
            "© 2022 Reuters. All rights reserved.",
            "Copyright 2022 The Associated Press. All rights reserved.",
            "(c) 2021 Example Media",
            "All Rights Reserved.",
        ] {
            assert_eq!(notice(line), Some((0, line.len())), "{line}");
        }
    }

    #[test]
    fn prose_about_copyright_and_photo_credits_are_not_notices() {
        for line in [
            "Copyright infringement suits were filed in 2022.",
            "© Reuters/Alexander Ermochenko",
            "Copyrights matter.",
            "",
        ] {
            assert_eq!(notice(line), None, "{line}");
        }
    }
}
