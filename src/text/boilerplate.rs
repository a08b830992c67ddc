//! What is not article text: scraper metadata, photo captions and credits, bylines and view
//! counters, site navigation, copyright lines, hashes, e-mail placeholders.
//! PLACEHOLDER: only the metadata header is detected so far.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    Metadata,
    Caption,
    Credit,
    Byline,
    Navigation,
    Copyright,
    Hash,
    Email,
}

impl BoilerplateKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::Metadata => "metadata",
            BoilerplateKind::Caption => "caption",
            BoilerplateKind::Credit => "credit",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Copyright => "copyright",
            BoilerplateKind::Hash => "hash",
            BoilerplateKind::Email => "email",
        }
    }
}

/// A boilerplate span, `text[start..end]` in bytes. Spans are sorted and do not overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boilerplate {
    pub start: u32,
    pub end: u32,
    pub kind: BoilerplateKind,
}

/// `body_start` is where the metadata header ends (see `metadata::parse`).
pub fn detect(text: &str, body_start: usize) -> Vec<Boilerplate> {
    let mut spans = Vec::new();
    let head = text[..body_start].trim_end();
    if !head.trim_start().is_empty() {
        let start = head.len() - head.trim_start().len();
        spans.push(Boilerplate {
            start: start as u32,
            end: head.len() as u32,
            kind: BoilerplateKind::Metadata,
        });
    }
    spans
}
