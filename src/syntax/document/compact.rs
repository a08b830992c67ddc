//! A document's parse as the corpus holds it once the claims stage has read it: tag
//! classes, labels and heads as small columns, lemmas recomputed when asked for.
//!
//! Nothing after claims reads the parse except the token table and a token's attributes
//! from Python, so holding each token's lemma (a string and an offset: over half the bytes)
//! for the life of the corpus is waste: the lemmatizer is a lookup on the token's form and
//! tag class, cheap beside the tagger and parser that a full recomputation would run.
//! Heads are kept as offsets from their token (a sentence's tokens are near each other);
//! the rare head further than an `i16` reaches is kept apart.

use std::ops::Range;

use super::{run_containing, DocumentSyntax, ROOT};
use crate::syntax::model::Syntax;
use crate::syntax::words::TokenInput;
use crate::text::tokens::Token;

/// A head offset that does not fit: the head is in `far`.
const FAR: i16 = i16::MIN;

/// The parse of one document without its lemmas (see the module doc).
#[derive(Debug, Clone)]
pub struct CompactSyntax<'m> {
    syntax: &'m Syntax,
    /// Per token: its tag class.
    tags: Box<[u16]>,
    /// Per token: its label index, or `ROOT`.
    deps: Box<[u16]>,
    /// Per token: its head's index minus its own (0 for a root), or `FAR`.
    heads: Box<[i16]>,
    /// `(token, head)` for every token whose offset is `FAR`, by token.
    far: Box<[(u32, u32)]>,
    /// The first token of each parsed run, as in `DocumentSyntax`.
    run_starts: Box<[u32]>,
}

impl PartialEq for CompactSyntax<'_> {
    /// Equal analyses, whichever copy of the model made them.
    fn eq(&self, other: &Self) -> bool {
        (
            &self.tags,
            &self.deps,
            &self.heads,
            &self.far,
            &self.run_starts,
        ) == (
            &other.tags,
            &other.deps,
            &other.heads,
            &other.far,
            &other.run_starts,
        )
    }
}

impl<'m> DocumentSyntax<'m> {
    /// The same parse without its lemmas, in compact columns.
    pub fn compact(&self) -> CompactSyntax<'m> {
        let mut far = Vec::new();
        let heads = self
            .heads
            .iter()
            .enumerate()
            .map(|(i, &h)| match i16::try_from(h as i64 - i as i64) {
                Ok(d) if d != FAR => d,
                _ => {
                    far.push((i as u32, h));
                    FAR
                }
            })
            .collect();
        CompactSyntax {
            syntax: self.syntax,
            tags: self.tags.as_slice().into(),
            deps: self.deps.as_slice().into(),
            heads,
            far: far.into(),
            run_starts: self.run_starts.as_slice().into(),
        }
    }
}

impl<'m> CompactSyntax<'m> {
    /// How many tokens.
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// Whether the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// Universal POS and Penn tag of token `i`.
    pub fn pos_tag(&self, i: usize) -> (&'m str, &'m str) {
        let (pos, tag) = &self.syntax.models.tags[self.tags[i] as usize];
        (pos, tag)
    }

    /// The UD relation of token `i`; `root` for a sentence's root.
    pub fn dep(&self, i: usize) -> &'m str {
        match self.deps[i] {
            ROOT => "root",
            label => self.syntax.models.labels[label as usize].as_str(),
        }
    }

    /// The head of token `i` (its own index for a root).
    pub fn head(&self, i: usize) -> usize {
        match self.heads[i] {
            FAR => {
                let k = self
                    .far
                    .binary_search_by_key(&(i as u32), |&(t, _)| t)
                    .expect("every far head is listed");
                self.far[k].1 as usize
            }
            d => (i as i64 + d as i64) as usize,
        }
    }

    /// The tokens parsed together with token `i`: its sentence.
    pub fn run_of(&self, i: usize) -> Range<usize> {
        run_containing(&self.run_starts, self.len(), i)
    }

    /// Whether token `i` starts a parsed run (a sentence).
    pub fn starts_run(&self, i: usize) -> bool {
        self.run_starts.binary_search(&(i as u32)).is_ok()
    }

    /// The dependents of token `i`, in text order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.run_of(i).filter(move |&j| j != i && self.head(j) == i)
    }

    /// The lemma of token `i`, as the syntax stage made it; `text` and `tokens` are the
    /// document's, as parsed.
    pub fn lemma(&self, i: usize, text: &str, tokens: &[Token]) -> String {
        let run = self.run_of(i);
        let inputs = inputs(text, &tokens[run.clone()]);
        self.syntax.lemma(&inputs, i - run.start, self.tags[i])
    }

    /// The full parse again, lemmas included, equal to the one this was made from.
    pub fn expand(&self, text: &str, tokens: &[Token]) -> DocumentSyntax<'m> {
        let mut out = DocumentSyntax::new(self.syntax, self.len());
        out.tags.extend_from_slice(&self.tags);
        out.deps.extend_from_slice(&self.deps);
        out.heads
            .extend((0..self.len()).map(|i| self.head(i) as u32));
        out.run_starts.extend_from_slice(&self.run_starts);
        for (k, &start) in self.run_starts.iter().enumerate() {
            let end = self
                .run_starts
                .get(k + 1)
                .map_or(self.len(), |&s| s as usize);
            let start = start as usize;
            let inputs = inputs(text, &tokens[start..end]);
            for j in 0..inputs.len() {
                let lemma = self.syntax.lemma(&inputs, j, self.tags[start + j]);
                out.lemmas.push_str(&lemma);
                out.lemma_ends.push(out.lemmas.len());
            }
        }
        out
    }
}

/// The parser's inputs for `tokens` of `text` (as `DocumentSyntax::push_run` makes them).
fn inputs<'t>(text: &'t str, tokens: &[Token]) -> Vec<TokenInput<'t>> {
    tokens
        .iter()
        .map(|t| TokenInput {
            form: text.get(t.start as usize..t.end as usize).unwrap_or(""),
            kind: t.kind,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{analyse, analyse_compact};
    use crate::lang::Language;
    use crate::text::TextLayer;

    /// The compact form answers as the full parse does, and expands back to it.
    #[test]
    fn compact_parse_expands_to_the_full_one() {
        let english = Language::english();
        let model = english.syntax().unwrap();
        let text = "Officials didn't confirm it. \"We won't leave,\" the mayor of Kherson said on Friday.\n\nPhoto: AP";
        let layer = TextLayer::analyse(text, 0, english);
        let full = analyse(model, text, &layer.tokens, &layer.sentences);
        let compact = full.compact();
        assert_eq!(compact.len(), full.len());
        for i in 0..full.len() {
            let t = full.get(i);
            assert_eq!(compact.pos_tag(i), (t.pos, t.tag));
            assert_eq!(compact.dep(i), t.dep);
            assert_eq!(compact.head(i), t.head as usize);
            assert_eq!(compact.lemma(i, text, &layer.tokens), t.lemma);
            assert_eq!(compact.run_of(i), full.run_of(i));
            assert_eq!(compact.starts_run(i), full.starts_run(i));
            assert!(compact.children(i).eq(full.children(i)));
        }
        assert_eq!(compact.expand(text, &layer.tokens), full);
        // `didn` takes the verb's lemma from the token after it.
        let didn = layer
            .tokens
            .iter()
            .position(|t| &text[t.start as usize..t.end as usize] == "didn")
            .unwrap();
        assert_eq!(compact.lemma(didn, text, &layer.tokens), "do");
    }

    /// The syntax stage's compact parse, made without lemmas, is the full parse compacted,
    /// and expands back to the full parse with its lemmas.
    #[test]
    fn compact_analysis_is_the_full_one_compacted() {
        let english = Language::english();
        let model = english.syntax().unwrap();
        let text = "Officials didn't confirm it. \"We won't leave,\" the mayor of Kherson said on Friday.\n\nPhoto: AP\nThe ministers were meeting in Geneva, sources said";
        let layer = TextLayer::analyse(text, 0, english);
        let full = analyse(model, text, &layer.tokens, &layer.sentences);
        let compact = analyse_compact(model, text, &layer.tokens, &layer.sentences);
        assert_eq!(compact, full.compact());
        assert_eq!(compact.expand(text, &layer.tokens), full);
    }

    /// Heads further than an `i16` reaches are kept exactly (sentences that long are rare,
    /// so the parse here is made by hand: one run, every token hanging from the first).
    #[test]
    fn far_heads_survive() {
        let english = Language::english();
        let model = english.syntax().unwrap();
        let text = "word ".repeat(40_000);
        let layer = TextLayer::analyse(&text, 0, english);
        let mut full = analyse(model, &text, &layer.tokens, &layer.sentences);
        full.heads.iter_mut().for_each(|h| *h = 0);
        full.run_starts = vec![0];
        let compact = full.compact();
        assert!(compact.far.len() > 7_000, "{}", compact.far.len());
        assert!((0..full.len()).all(|i| compact.head(i) == full.head(i)));
        let back = compact.expand(&text, &layer.tokens);
        assert_eq!(
            (back.heads, back.deps, back.tags),
            (full.heads, full.deps, full.tags)
        );
    }
}
