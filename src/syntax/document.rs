//! Syntax for a whole document: every token, sentence by sentence as crosswire split them,
//! boilerplate included (analysts read captions; later stages still skip it).
//!
//! A document's analysis is stored compactly: per token a tag class, a head, a label and a
//! lemma in one shared string; the tag and label names stay in the model.

use std::ops::Range;

mod compact;
pub use compact::CompactSyntax;

use super::model::Syntax;
use super::words::TokenInput;
use crate::text::sentences::Sentence;
use crate::text::tokens::Token;

/// The label index of a sentence's root (the parser has no `root` label of its own).
const ROOT: u16 = u16::MAX;

/// The syntax of every token of one document.
#[derive(Debug, Clone)]
pub struct DocumentSyntax<'m> {
    syntax: &'m Syntax,
    /// Per token: its tag class, an index into the model's (UPOS, Penn tag) pairs.
    tags: Vec<u16>,
    /// Per token: the document index of its head; a root is its own head.
    heads: Vec<u32>,
    /// Per token: its label index, or `ROOT`.
    deps: Vec<u16>,
    /// Every lemma, one after the other; `lemma_ends[i]` is where token `i`'s ends.
    lemmas: String,
    lemma_ends: Vec<usize>,
    /// The first token of each parsed run (a sentence, or tokens outside every sentence).
    run_starts: Vec<u32>,
}

/// The syntax of one document token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSyntax<'a> {
    /// Universal POS tag.
    pub pos: &'a str,
    /// Penn Treebank tag.
    pub tag: &'a str,
    /// Lemma (proper nouns as written, other words in lower case).
    pub lemma: &'a str,
    /// Index of the head token in the document; a sentence's root is its own head (as in
    /// spaCy). Always a token of the same sentence.
    pub head: u32,
    /// UD relation; `root` for a sentence's root.
    pub dep: &'a str,
}

impl PartialEq for DocumentSyntax<'_> {
    /// Equal analyses, whichever copy of the model made them.
    fn eq(&self, other: &Self) -> bool {
        (
            &self.tags,
            &self.heads,
            &self.deps,
            &self.lemmas,
            &self.lemma_ends,
            &self.run_starts,
        ) == (
            &other.tags,
            &other.heads,
            &other.deps,
            &other.lemmas,
            &other.lemma_ends,
            &other.run_starts,
        )
    }
}

impl<'m> DocumentSyntax<'m> {
    fn new(syntax: &'m Syntax, n_tokens: usize) -> Self {
        DocumentSyntax {
            syntax,
            tags: Vec::with_capacity(n_tokens),
            heads: Vec::with_capacity(n_tokens),
            deps: Vec::with_capacity(n_tokens),
            lemmas: String::new(),
            lemma_ends: Vec::with_capacity(n_tokens),
            run_starts: Vec::new(),
        }
    }

    /// How many tokens.
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// Whether the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// The syntax of token `i` (panics past the end, like a slice).
    pub fn get(&self, i: usize) -> TokenSyntax<'_> {
        let (pos, tag) = &self.syntax.models.tags[self.tags[i] as usize];
        let dep = match self.deps[i] {
            ROOT => "root",
            label => self.syntax.models.labels[label as usize].as_str(),
        };
        let lemma_start = i.checked_sub(1).map_or(0, |j| self.lemma_ends[j]);
        TokenSyntax {
            pos,
            tag,
            lemma: &self.lemmas[lemma_start..self.lemma_ends[i]],
            head: self.heads[i],
            dep,
        }
    }

    /// Every token's syntax, in order.
    pub fn iter(&self) -> impl Iterator<Item = TokenSyntax<'_>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The head of token `i` (its own index for a root).
    pub fn head(&self, i: usize) -> usize {
        self.heads[i] as usize
    }

    /// The tokens parsed together with token `i`: its sentence. Heads never leave it.
    pub fn run_of(&self, i: usize) -> Range<usize> {
        run_containing(&self.run_starts, self.len(), i)
    }

    /// Whether token `i` starts a parsed run (a sentence).
    pub fn starts_run(&self, i: usize) -> bool {
        self.run_starts.binary_search(&(i as u32)).is_ok()
    }

    /// The dependents of token `i`, in text order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.run_of(i)
            .filter(move |&j| j != i && self.heads[j] as usize == i)
    }

    /// The same analysis with each `(token, head, label)` of `edits` hung anew: a reading
    /// another parser gives, so that a test pins what a rule does with that reading
    /// whichever parser ships, or a misreading corrected (`claims::participle`). A root is
    /// its own head, labelled `root`.
    pub fn rehung(mut self, edits: &[(usize, usize, &str)]) -> Self {
        for &(i, head, label) in edits {
            assert_eq!(
                self.run_of(i),
                self.run_of(head),
                "a head in the token's sentence"
            );
            self.heads[i] = head as u32;
            self.deps[i] = match label {
                "root" => ROOT,
                _ => (self.syntax.models.labels.iter())
                    .position(|l| l == label)
                    .expect("a label of the model") as u16,
            };
        }
        self
    }

    /// Tags and parses the tokens `run` of a document as one sentence, with their lemmas
    /// when `lemmas` is set.
    fn push_run(&mut self, text: &str, tokens: &[Token], run: Range<usize>, lemmas: bool) {
        if run.is_empty() {
            return;
        }
        let inputs: Vec<TokenInput> = tokens[run.clone()]
            .iter()
            .map(|t| TokenInput {
                form: text.get(t.start as usize..t.end as usize).unwrap_or(""),
                kind: t.kind,
            })
            .collect();
        let (classes, tree) = self.syntax.tag_and_parse(&inputs);
        self.run_starts.push(run.start as u32);
        for (i, &class) in classes.iter().enumerate() {
            self.tags.push(class);
            self.heads
                .push((run.start + tree.heads[i].unwrap_or(i)) as u32);
            self.deps
                .push(tree.heads[i].map_or(ROOT, |_| tree.labels[i]));
            if lemmas {
                self.lemmas.push_str(&self.syntax.lemma(&inputs, i, class));
                self.lemma_ends.push(self.lemmas.len());
            }
        }
    }
}

/// Tags and parses every token of a document. `tokens` and `sentences` are the text
/// stage's; a token outside every sentence (which that stage never produces) is parsed as
/// part of a sentence of its own, so the result always covers every token.
pub fn analyse<'m>(
    syntax: &'m Syntax,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> DocumentSyntax<'m> {
    analyse_with(syntax, text, tokens, sentences, true)
}

/// [`analyse`] as the syntax stage holds it, compact: the same tags, heads and labels, and
/// no lemmas made only to be dropped (the compact form recomputes one when asked).
pub fn analyse_compact<'m>(
    syntax: &'m Syntax,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> CompactSyntax<'m> {
    analyse_with(syntax, text, tokens, sentences, false).compact()
}

/// [`analyse`], with the lemmas only when `lemmas` is set (without them, `get` must not be
/// called: the result is for `compact` alone).
fn analyse_with<'m>(
    syntax: &'m Syntax,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    lemmas: bool,
) -> DocumentSyntax<'m> {
    let mut out = DocumentSyntax::new(syntax, tokens.len());
    let mut next = 0;
    for sentence in sentences {
        let before = next + tokens[next..].partition_point(|t| t.start < sentence.start);
        out.push_run(text, tokens, next..before, lemmas);
        let end = before + tokens[before..].partition_point(|t| t.end <= sentence.end);
        out.push_run(text, tokens, before..end, lemmas);
        next = end;
    }
    out.push_run(text, tokens, next..tokens.len(), lemmas);
    out
}

/// The run (sentence) of `len` tokens split at `run_starts` (sorted, the first 0) that holds
/// token `i`.
fn run_containing(run_starts: &[u32], len: usize, i: usize) -> Range<usize> {
    let k = run_starts.partition_point(|&s| s as usize <= i) - 1;
    let end = run_starts.get(k + 1).map_or(len, |&s| s as usize);
    run_starts[k] as usize..end
}

/// `(token, head, label)` edits for `DocumentSyntax::rehung` (test only).
#[cfg(test)]
pub type Edits<'a> = [(usize, usize, &'a str)];

/// Per-document edits for `Corpus::rehung`: `(document, edits)` (test only).
#[cfg(test)]
pub type Readings<'a> = [(usize, &'a Edits<'a>)];
