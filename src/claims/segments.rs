//! Paragraphs and segments: the units claims are read from.
//!
//! A paragraph is a run of non-boilerplate sentences with no line break between them. A
//! segment is a sentence, split further at a full stop followed by a capital or an opening
//! quote (so that coarse sentences still give one segment per statement), but never inside a
//! quotation: a quotation that runs over several sentences stays in one segment with its
//! attribution. A line break the scraper wrote out as the two characters `\n` also ends a
//! segment: the sentence splitter does not see it, and the statement after it has a speaker of
//! its own.

use super::lexicon::Lexicon;
use super::quotes::{self, Quotation};
use super::words::Word;
use crate::syntax::document::{DocumentSyntax, TokenSyntax};
use crate::text::sentences::Sentence;
use crate::text::tokens::{Token, TokenKind};

pub struct Paragraph<'t> {
    pub words: Vec<Word<'t>>,
    /// The language's claims lists, which the rules over these words read.
    pub lexicon: &'t Lexicon,
    /// For each word, the index of the text-stage sentence it belongs to.
    pub sentence_of: Vec<u32>,
    pub quotes: Vec<Quotation>,
    /// Word is inside a quotation (marks included).
    pub quoted: Vec<bool>,
    /// Word ranges, in order, covering all words.
    pub segments: Vec<(usize, usize)>,
    /// The document's parse, when the language has a syntax model.
    pub syntax: Option<&'t DocumentSyntax<'t>>,
    /// For each word, its index among the document's tokens (and in `syntax`).
    pub token_of: Vec<u32>,
}

impl Paragraph<'_> {
    /// The parse of word `k`, when the document has one.
    pub fn parse(&self, k: usize) -> Option<TokenSyntax<'_>> {
        self.syntax.map(|s| s.get(self.token_of[k] as usize))
    }

    /// The parse and the first and last token of words `a..b`, when the document has a
    /// parse and the range is not empty.
    pub fn parsed_tokens(&self, a: usize, b: usize) -> Option<(&DocumentSyntax<'_>, usize, usize)> {
        let syntax = self.syntax.filter(|_| a < b)?;
        Some((
            syntax,
            self.token_of[a] as usize,
            self.token_of[b - 1] as usize,
        ))
    }
}

pub fn paragraphs<'t>(
    text: &'t str,
    tokens: &[Token],
    sentences: &[Sentence],
    lexicon: &'t Lexicon,
    syntax: Option<&'t DocumentSyntax<'t>>,
) -> Vec<Paragraph<'t>> {
    let flush = |current: &mut Vec<(u32, &Sentence)>, out: &mut Vec<Paragraph<'t>>| {
        flush(text, tokens, lexicon, syntax, current, out)
    };
    let mut out = Vec::new();
    let mut current: Vec<(u32, &Sentence)> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        if s.boilerplate {
            flush(&mut current, &mut out);
            continue;
        }
        let broken = current
            .last()
            .is_some_and(|(_, prev)| text[prev.end as usize..s.start as usize].contains('\n'));
        if broken {
            flush(&mut current, &mut out);
        }
        current.push((si as u32, s));
    }
    flush(&mut current, &mut out);
    out
}

fn flush<'t>(
    text: &'t str,
    tokens: &[Token],
    lexicon: &'t Lexicon,
    syntax: Option<&'t DocumentSyntax<'t>>,
    current: &mut Vec<(u32, &Sentence)>,
    out: &mut Vec<Paragraph<'t>>,
) {
    if current.is_empty() {
        return;
    }
    let mut words = Vec::new();
    let mut sentence_of = Vec::new();
    let mut sentence_starts = Vec::new();
    let mut token_of = Vec::new();
    for &(si, s) in current.iter() {
        let lo = tokens.partition_point(|t| t.start < s.start);
        let hi = tokens.partition_point(|t| t.start < s.end);
        sentence_starts.push(words.len());
        for (i, t) in tokens[lo..hi].iter().enumerate() {
            words.push(Word::new(text, t, lexicon));
            sentence_of.push(si);
            token_of.push((lo + i) as u32);
        }
    }
    current.clear();
    if words.is_empty() {
        return;
    }
    let quotes = quotes::find(text, &words);
    let member = quotes::membership(&quotes, words.len());
    let segments = segment(&words, &member, &sentence_starts);
    let quoted = member.iter().map(Option::is_some).collect();
    out.push(Paragraph {
        words,
        lexicon,
        sentence_of,
        quotes,
        quoted,
        segments,
        syntax,
        token_of,
    });
}

/// `\` then `n`, glued: a line break written out.
fn is_escaped_newline(backslash: &Word, n: &Word) -> bool {
    backslash.text == "\\" && n.text == "n" && backslash.end == n.start
}

/// `Index .IXIC ended`, `the Nasdaq <.IXIC> fell`: a stop glued to the word after it, with
/// a space or an opening bracket before it, opens a ticker or a file name and ends nothing.
/// A stop glued to both sides of a scraped line (`attacks.The army`) still ends a sentence.
pub fn opens_a_name(words: &[Word], i: usize) -> bool {
    let glued_after = words
        .get(i + 1)
        .is_some_and(|n| n.start == words[i].end && n.kind == TokenKind::Word);
    let open_before =
        i == 0 || words[i - 1].end < words[i].start || matches!(words[i - 1].text, "<" | "(" | "[");
    glued_after && open_before
}

fn segment(
    words: &[Word],
    member: &[Option<usize>],
    sentence_starts: &[usize],
) -> Vec<(usize, usize)> {
    let n = words.len();
    let mut cut = vec![false; n + 1];
    for &s in sentence_starts {
        cut[s] = true;
    }
    for i in 0..n {
        if !words[i].is_terminal() || opens_a_name(words, i) {
            continue;
        }
        let mut j = i + 1;
        // Closing marks after the stop belong to the sentence that ends.
        while j < n
            && words[j].kind == TokenKind::Quote
            && member[j].is_some()
            && member[j] == member[i]
        {
            j += 1;
        }
        if j < n && (words[j].is_capitalised() || words[j].kind == TokenKind::Quote) {
            cut[j] = true;
        }
    }
    for i in 0..n.saturating_sub(1) {
        if is_escaped_newline(&words[i], &words[i + 1]) {
            cut[i] = true;
            cut[i + 2] = true;
        }
    }
    // Never cut inside a quotation: the cut would separate quoted speech from itself.
    for i in 1..n {
        if member[i].is_some() && member[i] == member[i - 1] {
            cut[i] = false;
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in cut.iter().enumerate().take(n).skip(1).filter(|(_, &c)| c) {
        out.push((start, i));
        start = i;
    }
    out.push((start, n));
    out
}
