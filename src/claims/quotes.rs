//! Quotations in one paragraph: which tokens are quoted speech.
//!
//! Curly marks say which way they face; straight `"` alternates. Single quotes nested in a
//! double quotation are part of it (`“Thousands of ‘Ukrainian Nazis’ …”`). Damaged text is
//! common in scraped news, so:
//! - a quotation still open at the end of the paragraph runs to its end (the convention for
//!   quotes over several paragraphs, which reopen with a fresh mark);
//! - a closing mark with no opening one (the opening mark lost in translation or scraping)
//!   opens after the first full stop since the previous quotation in the paragraph, or at
//!   the paragraph start when there was none.

use super::words::Word;
use crate::text::tokens::TokenKind;

/// Token indices (into the paragraph's words): `open`/`close` are the marks if present;
/// quoted speech is `inner.0..inner.1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    pub open: Option<usize>,
    pub close: Option<usize>,
    pub inner: (usize, usize),
}

impl Quotation {
    /// The tokens the quotation occupies, marks included.
    pub fn outer(&self) -> (usize, usize) {
        (
            self.open.unwrap_or(self.inner.0),
            self.close.map_or(self.inner.1, |c| c + 1),
        )
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

fn classify(text: &str, w: &Word, double_open: bool) -> Option<(Family, Mark)> {
    if w.kind != TokenKind::Quote {
        return None;
    }
    let before = text[..w.start as usize].chars().next_back();
    let after_space = before.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
    Some(match w.text {
        "“" | "„" | "«" => (Family::Double, Mark::Open),
        "”" | "»" => (Family::Double, Mark::Close),
        "\"" => (
            Family::Double,
            if double_open { Mark::Close } else { Mark::Open },
        ),
        "‘" | "‚" | "‹" => (Family::Single, Mark::Open),
        "›" => (Family::Single, Mark::Close),
        _ => (
            Family::Single,
            if after_space { Mark::Open } else { Mark::Close },
        ),
    })
}

/// Quotations of one paragraph, in order, non-overlapping.
pub fn find(text: &str, words: &[Word]) -> Vec<Quotation> {
    let mut out: Vec<Quotation> = Vec::new();
    // The open top-level quotation: its mark's index and family.
    let mut open: Option<(usize, Family)> = None;
    for (i, w) in words.iter().enumerate() {
        let double_open = matches!(open, Some((_, Family::Double)));
        let Some((family, mark)) = classify(text, w, double_open) else {
            continue;
        };
        match (open, mark) {
            (None, Mark::Open) => open = Some((i, family)),
            (Some((o, f)), Mark::Close) if f == family => {
                out.push(Quotation {
                    open: Some(o),
                    close: Some(i),
                    inner: (o + 1, i),
                });
                open = None;
            }
            // A fresh opening double mark while one is open: the first was never closed.
            (Some((o, Family::Double)), Mark::Open) if family == Family::Double => {
                out.push(Quotation {
                    open: Some(o),
                    close: None,
                    inner: (o + 1, i),
                });
                open = Some((i, family));
            }
            (None, Mark::Close) if family == Family::Double => {
                let from = out.last().map_or(0, |q| q.outer().1);
                let start = if out.is_empty() {
                    0
                } else {
                    (from..i)
                        .find(|&k| words[k].is_terminal())
                        .map_or(from, |k| k + 1)
                };
                if start < i {
                    out.push(Quotation {
                        open: None,
                        close: Some(i),
                        inner: (start, i),
                    });
                }
            }
            _ => {} // nested or stray single marks: part of the text
        }
    }
    if let Some((o, _)) = open {
        out.push(Quotation {
            open: Some(o),
            close: None,
            inner: (o + 1, words.len()),
        });
    }
    out
}

/// For each word: the index of the quotation it lies in (marks included), if any.
pub fn membership(quotes: &[Quotation], n: usize) -> Vec<Option<usize>> {
    let mut inside = vec![None; n];
    for (q, quote) in quotes.iter().enumerate() {
        let (a, b) = quote.outer();
        for slot in &mut inside[a..b.min(n)] {
            *slot = Some(q);
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::words::words_en;

    fn quoted(text: &str) -> Vec<String> {
        let words = words_en(text);
        find(text, &words)
            .iter()
            .map(|q| {
                let (a, b) = q.inner;
                if a >= b {
                    return String::new();
                }
                text[words[a].start as usize..words[b - 1].end as usize].to_string()
            })
            .collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(
            quoted(r#"He said "we won" and "they lost"."#),
            ["we won", "they lost"]
        );
        assert_eq!(
            quoted("He said “we won,” she said, “again.”"),
            ["we won,", "again."]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            quoted("“Thousands of ‘Ukrainian Nazis’ remain,” said Stremousov."),
            ["Thousands of ‘Ukrainian Nazis’ remain,"]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        assert_eq!(
            quoted("“We will win. They will lose."),
            ["We will win. They will lose."]
        );
    }

    #[test]
    fn orphan_close_opens_after_the_previous_quote_sentence() {
        let q = quoted("“We will chase them,” he said. Every occupier should know. No rest.”");
        assert_eq!(
            q,
            [
                "We will chase them,",
                "Every occupier should know. No rest."
            ]
        );
        assert_eq!(
            quoted("The army will not be provoked. Stop.”"),
            ["The army will not be provoked. Stop."]
        );
    }
}
