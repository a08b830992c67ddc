//! What is not article text: scraper metadata, photo captions and credits, bylines, view
//! counters and contributor notes, contact lines, site navigation, copyright lines, stray
//! hashes and e-mail placeholders.
//!
//! Detection is by general rules over lines (a scraped paragraph is one line), never by the
//! strings of particular articles; word lists live in `lang/<language>/text/`. It is conservative: a line is
//! only boilerplate when its shape says so (names, credits, counters), so headlines and
//! subheads inside the article stay text.

mod bylines;
mod copyright;
mod credits;
mod cursor;
mod inline;
pub(crate) mod lexicon;
mod lines;
mod names;
mod navigation;
#[cfg(test)]
mod tests;

pub(crate) use cursor::BoilerplateCursor;
pub(crate) use lexicon::BoilerplateWords;

use crate::lang::Language;
use lines::{body_lines, Line};

/// What kind of boilerplate a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoilerplateKind {
    /// The scraper's header (` date 2022-11-08`).
    Metadata,
    /// A photo caption: a line of text that ends in a photo credit (the credit included).
    Caption,
    /// A photo credit on its own line.
    Credit,
    /// Bylines, view counters, publication stamps, contributor notes.
    Byline,
    /// How to reach the author (`write to X at …`).
    Contact,
    /// Site chrome and the trailing list of other stories.
    Navigation,
    /// A copyright notice.
    Copyright,
    /// A stray hex digest.
    Hash,
    /// An obfuscated e-mail placeholder (`[email protected]`).
    Email,
}

impl BoilerplateKind {
    /// Every kind, in declaration order.
    pub const ALL: [BoilerplateKind; 9] = [
        BoilerplateKind::Metadata,
        BoilerplateKind::Caption,
        BoilerplateKind::Credit,
        BoilerplateKind::Byline,
        BoilerplateKind::Contact,
        BoilerplateKind::Navigation,
        BoilerplateKind::Copyright,
        BoilerplateKind::Hash,
        BoilerplateKind::Email,
    ];

    /// The kind's name in tables (`caption`, `byline`).
    pub fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::Metadata => "metadata",
            BoilerplateKind::Caption => "caption",
            BoilerplateKind::Credit => "credit",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::Contact => "contact",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Copyright => "copyright",
            BoilerplateKind::Hash => "hash",
            BoilerplateKind::Email => "email",
        }
    }
}

/// A boilerplate span, `text[start..end]` in bytes. Spans are sorted, do not overlap, lie on
/// char boundaries and carry no surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boilerplate {
    /// First byte.
    pub start: u32,
    /// Byte after the last.
    pub end: u32,
    /// What kind of boilerplate.
    pub kind: BoilerplateKind,
}

/// `body_start` is where the metadata header ends (see `metadata::parse`); a value past the
/// end or inside a character is clamped down. `language` gives the word lists.
pub fn detect(text: &str, body_start: usize, language: &Language) -> Vec<Boilerplate> {
    let lex = &language.boilerplate;
    let body_start = floor_char_boundary(text, body_start);
    let mut spans = Vec::new();
    if let Some(header) = trimmed_range(text, 0, body_start) {
        spans.push(span(header, BoilerplateKind::Metadata));
    }
    let lines = body_lines(text, body_start);
    let list_start = navigation::trailing_list_start(&lines, body_start, text.len(), lex);
    let article_lines = &lines[..list_start.unwrap_or(lines.len())];
    for (i, line) in article_lines.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| &article_lines[p]);
        classify_line(line, previous, lex, &mut spans);
    }
    if let (Some(first), Some(last)) = (list_start.map(|i| lines[i]), lines.last()) {
        spans.push(span((first.start, last.end()), BoilerplateKind::Navigation));
    }
    without_overlaps(spans)
}

/// Whole-line kinds first; hashes and placeholders inside lines that are text.
fn classify_line(
    line: &Line,
    previous: Option<&Line>,
    lex: &BoilerplateWords,
    spans: &mut Vec<Boilerplate>,
) {
    let at = |(s, e): (usize, usize)| (line.start + s, line.start + e);
    if let Some(range) = copyright::notice(line.text) {
        spans.push(span(at(range), BoilerplateKind::Copyright));
    } else if let Some(kind) = line_kind(line, previous, lex, spans) {
        spans.push(span((line.start, line.end()), kind));
        return;
    }
    for range in inline::hashes(line.text) {
        spans.push(span(at(range), BoilerplateKind::Hash));
    }
    for range in inline::email_placeholders(line.text) {
        spans.push(span(at(range), BoilerplateKind::Email));
    }
}

/// The kind of a line that is boilerplate as a whole.
fn line_kind(
    line: &Line,
    previous: Option<&Line>,
    lex: &BoilerplateWords,
    spans: &mut Vec<Boilerplate>,
) -> Option<BoilerplateKind> {
    if navigation::is_navigation_line(line.text, lex) {
        return Some(BoilerplateKind::Navigation);
    }
    if let Some(previous) = previous.filter(|p| credits::is_repeated_credit(line.text, p.text, lex))
    {
        // The first copy is a credit too (a duplicate span is dropped later).
        spans.push(span(
            (previous.start, previous.end()),
            BoilerplateKind::Credit,
        ));
        return Some(BoilerplateKind::Credit);
    }
    if let Some(previous) = previous.filter(|p| credits::is_growing_caption(p.text, line.text)) {
        spans.push(span(
            (previous.start, previous.end()),
            BoilerplateKind::Caption,
        ));
        return Some(BoilerplateKind::Caption);
    }
    bylines::classify(line.text, lex).or_else(|| credits::classify(line.text, lex))
}

fn span((start, end): (usize, usize), kind: BoilerplateKind) -> Boilerplate {
    Boilerplate {
        start: start as u32,
        end: end as u32,
        kind,
    }
}

/// `text[start..end]` without surrounding whitespace, if anything is left.
fn trimmed_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = &text[start..end];
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return None;
    }
    let lead = slice.len() - slice.trim_start().len();
    Some((start + lead, start + lead + trimmed.len()))
}

/// Sorted, and where spans meet, the one that starts first (or is longer) wins: a line-level
/// span swallows the hashes and placeholders found inside it.
fn without_overlaps(mut spans: Vec<Boilerplate>) -> Vec<Boilerplate> {
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Boilerplate> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last() {
            Some(last) if s.start < last.end => continue,
            _ => out.push(s),
        }
    }
    out
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
