//! Lexicon names matched over tokens: a trie keyed by folded token text (one hash lookup per
//! token and step), longest match first. Forms are tokenized by the same tokenizer as the
//! text, so `U.S.` or `Rostov-on-Don` match however the tokenizer splits them.

use crate::syntax::hashing::WordMap;
use crate::text::tokens::special::Abbreviations;
use crate::text::tokens::{tokenize_with, TokenKind};

use super::features::{Features, Shape};
use super::label::Label;
use super::lexicon::{class, Entry, WordClasses};
use super::normalize::fold;

/// Pattern tokens in user forms: any capitalised word, any number, any token.
const WILD_CAP: u32 = u32::MAX;
const WILD_NUM: u32 = u32::MAX - 1;
const WILD_ANY: u32 = u32::MAX - 2;
const WILDCARDS: [(&str, u32); 3] = [
    ("{CAP}", WILD_CAP),
    ("{NUM}", WILD_NUM),
    ("{ANY}", WILD_ANY),
];

/// When a form may match text in another case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    /// `Kyiv` matches `kyiv` and `KYIV`.
    Any,
    /// Made of ordinary words (`White House`, `Patriot`): every word must be capitalised.
    Capitalised,
    /// An acronym (`US`, `AP`): the text must be written just so.
    Exact,
}

#[derive(Debug)]
struct Terminal {
    entry: u32,
    /// Each written form that folds to this key (`NATO`, `Nato`), with its case rule and
    /// its own token texts; the text must fit one of them.
    variants: Vec<(CaseRule, Vec<String>)>,
    user: bool,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    // Looked up per token, never iterated: the word hasher, not SipHash.
    vocab: WordMap<String, u32>,
    edges: WordMap<u64, u32>,
    terminals: Vec<Option<Terminal>>,
    wild_nodes: Vec<bool>,
}

/// A lexicon name found in the text: tokens `first..end`, entry index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub first: usize,
    pub end: usize,
    pub entry: u32,
}

#[inline]
fn edge_key(node: u32, word: u32) -> u64 {
    (node as u64) << 32 | word as u64
}

impl Gazetteer {
    /// Forms are tokenized with `abbreviations`, as the text is.
    pub(crate) fn build(
        entries: &[Entry],
        classes: &WordClasses,
        abbreviations: &Abbreviations,
    ) -> Gazetteer {
        let mut g = Gazetteer {
            terminals: vec![None],
            wild_nodes: vec![false],
            ..Default::default()
        };
        // Entries found by a regular expression are the tagger's to match.
        for (e, entry) in entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.regex.is_none())
        {
            for form in &entry.forms {
                g.insert(form, e as u32, entry, classes, abbreviations);
            }
        }
        g
    }

    fn insert(
        &mut self,
        form: &str,
        entry: u32,
        &Entry { label, user, .. }: &Entry,
        classes: &WordClasses,
        abbreviations: &Abbreviations,
    ) {
        let mut words: Vec<u32> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        for piece in form.split_whitespace() {
            if let Some(&(_, w)) = WILDCARDS.iter().find(|(p, _)| *p == piece) {
                words.push(w);
                texts.push(piece.to_owned());
                continue;
            }
            for t in tokenize_with(piece, abbreviations) {
                let s = &piece[t.start as usize..t.end as usize];
                let key = fold(s);
                let next = self.vocab.len() as u32;
                words.push(*self.vocab.entry(key).or_insert(next));
                texts.push(s.to_owned());
            }
        }
        if words.is_empty() {
            return;
        }
        let mut node = 0u32;
        for &w in &words {
            let next = self.terminals.len() as u32;
            let child = *self.edges.entry(edge_key(node, w)).or_insert(next);
            if child == next {
                self.terminals.push(None);
                self.wild_nodes.push(false);
            }
            if w >= WILD_ANY {
                self.wild_nodes[node as usize] = true;
            }
            node = child;
        }
        let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
        let case = if !letters.is_empty()
            && letters.iter().all(|c| c.is_uppercase())
            && letters.len() <= 5
        {
            CaseRule::Exact
        } else if matches!(
            label,
            Label::Gpe | Label::Loc | Label::Org | Label::Fac | Label::Person
        ) && texts.iter().all(|t| {
            t.chars().any(char::is_alphabetic)
                && classes
                    .get(&fold(t))
                    .is_none_or(|c| c & (class::COMMON | class::NOT_NAME) == 0)
        }) {
            // Unusual words only (`kyiv`, `KYIV`, `el fasher`): machine translation and
            // headlines change their case, and no ordinary phrase reads the same.
            CaseRule::Any
        } else {
            CaseRule::Capitalised
        };
        let slot = &mut self.terminals[node as usize];
        match slot {
            Some(old) if old.entry == entry => old.variants.push((case, texts)),
            Some(old) if !user || old.user => {}
            _ => {
                *slot = Some(Terminal {
                    entry,
                    variants: vec![(case, texts)],
                    user,
                })
            }
        }
    }

    #[inline]
    pub fn word_id(&self, folded: &str) -> Option<u32> {
        self.vocab.get(folded).copied()
    }

    /// Every longest lexicon match, left to right, none overlapping and none touching
    /// boilerplate. A match must not begin or end inside a hyphenated or dotted word
    /// (`Kherson` in `Kherson-based` is fine; `Rostov` in `Rostov-on-Don` is not, if the
    /// longer form is known).
    pub fn find_all(&self, f: &Features) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < f.len() {
            match self.longest_at(f, i) {
                Some(m) => {
                    out.push(m);
                    i = m.end;
                }
                None => i += 1,
            }
        }
        out
    }

    fn longest_at(&self, f: &Features, i: usize) -> Option<Match> {
        let mut best: Option<(usize, &Terminal)> = None;
        // Depth-first over (node, next token); wildcards make it a search, plain names a walk.
        let mut stack: Vec<(u32, usize)> = vec![(0, i)];
        while let Some((node, pos)) = stack.pop() {
            if pos > i {
                if let Some(t) = &self.terminals[node as usize] {
                    if self.case_fits(t, f, i)
                        && best.is_none_or(|(end, b)| {
                            pos > end
                                || pos == end
                                    && (t.user && !b.user || t.user == b.user && t.entry < b.entry)
                        })
                    {
                        best = Some((pos, t));
                    }
                }
            }
            let Some(tok) = f.tokens.get(pos) else {
                continue;
            };
            if tok.boilerplate {
                continue;
            }
            // Only the first token may follow whitespace freely; inside a name, the form's
            // own spacing is not checked (tokens carry no spaces), which is what we want.
            if let Some(w) = tok.word {
                if let Some(&child) = self.edges.get(&edge_key(node, w)) {
                    stack.push((child, pos + 1));
                }
            }
            if self.wild_nodes[node as usize] {
                for w in [WILD_CAP, WILD_NUM, WILD_ANY] {
                    let fits = match w {
                        WILD_CAP => tok.shape == Shape::Capitalised,
                        WILD_NUM => tok.kind == TokenKind::Number,
                        _ => true,
                    };
                    if fits {
                        if let Some(&child) = self.edges.get(&edge_key(node, w)) {
                            stack.push((child, pos + 1));
                        }
                    }
                }
            }
        }
        best.map(|(end, t)| Match {
            first: i,
            end,
            entry: t.entry,
        })
    }

    fn case_fits(&self, t: &Terminal, f: &Features, first: usize) -> bool {
        t.variants.iter().any(|(case, tokens)| match case {
            CaseRule::Any => true,
            CaseRule::Capitalised => (0..tokens.len()).all(|k| {
                let tok = &f.tokens[first + k];
                tok.shape != Shape::Lower
                    || !tokens[k].chars().next().is_some_and(char::is_uppercase)
            }),
            CaseRule::Exact => (0..tokens.len())
                .all(|k| tokens[k].starts_with('{') || f.text_of(first + k) == tokens[k]),
        })
    }
}
