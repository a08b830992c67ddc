//! Treebank sentences as the models see them: either the treebank's own words, or
//! crosswire's tokens of the same text with the tree projected onto them.
//!
//! Projection: each treebank word goes to the crosswire token it overlaps most (a multiword
//! token whose words spell it, `do`+`n't` in `don't`, is cut at the word boundaries first, so
//! `don` gets `do` and `'t` gets `n't`). A token that receives several words (`cannot` =
//! `can` and `not`) takes the annotation of the one nearest the root, and every arc into the
//! others is redirected to it; depth strictly falls along the projected arcs, so the result is
//! still a tree with the same root. A token that receives no word (a piece of a word crosswire
//! splits further) hangs off the token of the word it overlaps, as `punct` if it is punctuation
//! and `compound` otherwise.

use super::conllu::Sentence;
use super::words::kind_of;
use crate::lang::Language;
use crate::text::tokens::{tokenize, TokenKind};

/// A token with its gold annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldToken {
    /// The token as written.
    pub form: String,
    /// crosswire's kind for it.
    pub kind: TokenKind,
    /// Universal POS tag.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Lemma.
    pub lemma: String,
    /// Index of the head in the sentence; `None` for the root.
    pub head: Option<usize>,
    /// UD relation.
    pub deprel: String,
}

/// The treebank's own words.
pub fn as_words(s: &Sentence) -> Vec<GoldToken> {
    s.words
        .iter()
        .map(|w| GoldToken {
            form: w.form.clone(),
            kind: kind_of(&w.form),
            upos: w.upos.clone(),
            xpos: w.xpos.clone(),
            lemma: w.lemma.clone(),
            head: w.head,
            deprel: w.deprel.clone(),
        })
        .collect()
}

/// crosswire's tokens of the sentence text, with the tree projected (see the module doc).
pub fn as_crosswire_tokens(s: &Sentence) -> Vec<GoldToken> {
    let text = s.text();
    let spans = word_spans(s);
    let tokens = tokenize(&text, Language::english());
    if tokens.is_empty() {
        return as_words(s);
    }
    let overlap = |a: (usize, usize), t: usize| {
        let (ts, te) = (tokens[t].start as usize, tokens[t].end as usize);
        a.1.min(te).saturating_sub(a.0.max(ts))
    };
    // The token each word goes to.
    let mut to_token = vec![0usize; s.words.len()];
    for (w, &span) in spans.iter().enumerate() {
        let nearest = tokens
            .partition_point(|t| (t.end as usize) <= span.0)
            .min(tokens.len() - 1);
        let best = (nearest..tokens.len())
            .take_while(|&t| (tokens[t].start as usize) < span.1.max(span.0 + 1))
            .max_by_key(|&t| (overlap(span, t), std::cmp::Reverse(t)));
        to_token[w] = best.unwrap_or(nearest);
    }
    let depth: Vec<usize> = (0..s.words.len()).map(|w| depth_of(s, w)).collect();
    // Per token, the word nearest the root among those it received.
    let mut representative: Vec<Option<usize>> = vec![None; tokens.len()];
    for (w, &t) in to_token.iter().enumerate() {
        if representative[t].is_none_or(|r| depth[w] < depth[r]) {
            representative[t] = Some(w);
        }
    }
    tokens
        .iter()
        .enumerate()
        .map(|(t, token)| {
            let form = text[token.start as usize..token.end as usize].to_string();
            match representative[t] {
                Some(w) => {
                    let word = &s.words[w];
                    GoldToken {
                        form,
                        kind: token.kind,
                        upos: word.upos.clone(),
                        xpos: word.xpos.clone(),
                        lemma: word.lemma.clone(),
                        head: word.head.map(|h| to_token[h]),
                        deprel: word.deprel.clone(),
                    }
                }
                None => {
                    let w = (0..spans.len())
                        .max_by_key(|&w| (overlap(spans[w], t), std::cmp::Reverse(w)))
                        .expect("a sentence has words");
                    piece_of_word(form, token.kind, &s.words[w], to_token[w])
                }
            }
        })
        .collect()
}

fn piece_of_word(
    form: String,
    kind: TokenKind,
    word: &super::conllu::Word,
    head: usize,
) -> GoldToken {
    if matches!(kind, TokenKind::Punct | TokenKind::Quote) {
        let xpos = match form.as_str() {
            "-" | "–" | "—" => "HYPH",
            "," => ",",
            "." | "!" | "?" => ".",
            ":" | ";" => ":",
            _ => "NFP",
        };
        return GoldToken {
            lemma: form.clone(),
            form,
            kind,
            upos: "PUNCT".into(),
            xpos: xpos.into(),
            head: Some(head),
            deprel: "punct".into(),
        };
    }
    let proper = word.upos == "PROPN";
    GoldToken {
        lemma: if proper {
            form.clone()
        } else {
            form.to_lowercase()
        },
        form,
        kind,
        upos: word.upos.clone(),
        xpos: word.xpos.clone(),
        head: Some(head),
        deprel: if proper { "flat" } else { "compound" }.into(),
    }
}

fn depth_of(s: &Sentence, mut w: usize) -> usize {
    let mut depth = 0;
    while let Some(h) = s.words[w].head {
        depth += 1;
        w = h;
        if depth > s.words.len() {
            break; // a cycle in the input: any finite depth will do
        }
    }
    depth
}

/// Byte spans of each word in `s.text()`. Words of a multiword token split its span where
/// their forms spell it; otherwise the first word takes all of it and the rest are empty.
fn word_spans(s: &Sentence) -> Vec<(usize, usize)> {
    let mut spans = vec![(0, 0); s.words.len()];
    let mut offset = 0;
    for (first, last, form) in s.surface() {
        let end = offset + form.len();
        let parts: Vec<&str> = (first..=last).map(|w| s.words[w].form.as_str()).collect();
        if parts.concat().eq_ignore_ascii_case(form) {
            let mut at = offset;
            for (w, part) in (first..=last).zip(parts) {
                spans[w] = (at, at + part.len());
                at += part.len();
            }
        } else {
            spans[first] = (offset, end);
            for span in &mut spans[first + 1..=last] {
                *span = (end, end);
            }
        }
        offset = end + usize::from(s.space_after[last]);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu::parse;

    fn sentence(conllu: &str) -> Sentence {
        parse(conllu).unwrap().remove(0)
    }

    fn summary(tokens: &[GoldToken]) -> Vec<(String, String, Option<usize>, String)> {
        tokens
            .iter()
            .map(|t| (t.form.clone(), t.xpos.clone(), t.head, t.deprel.clone()))
            .collect()
    }

    #[test]
    fn contractions_split_where_crosswire_splits() {
        let s = sentence(
            "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_
",
        );
        let t = as_crosswire_tokens(&s);
        let s = |a: &str, b: &str, h: Option<usize>, d: &str| {
            (a.to_string(), b.to_string(), h, d.to_string())
        };
        assert_eq!(
            summary(&t),
            [
                s("I", "PRP", Some(3), "nsubj"),
                s("don", "VBP", Some(3), "aux"),
                s("'t", "RB", Some(3), "advmod"),
                s("know", "VB", None, "root"),
            ]
        );
        assert_eq!(t[1].lemma, "do");
    }

    #[test]
    fn merged_words_take_the_one_nearest_the_root() {
        // crosswire keeps "cannot" whole: it stands for "can", and "go"'s arcs stay.
        let s = sentence(
            "1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tcannot\t_\t_\t_\t_\t_\t_\t_\t_
2\tcan\tcan\tAUX\tMD\t_\t4\taux\t_\t_
3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
",
        );
        let t = as_crosswire_tokens(&s);
        assert_eq!(t.len(), 3);
        assert_eq!(
            (t[1].form.as_str(), t[1].xpos.as_str(), t[1].head),
            ("cannot", "MD", Some(2))
        );
        assert_eq!(t[0].head, Some(2));
        assert_eq!(t[2].head, None);
    }

    #[test]
    fn pieces_of_a_word_hang_off_it() {
        // A treebank word crosswire splits at its hyphen.
        let s = sentence(
            "1\tsend\tsend\tVERB\tVB\t_\t0\troot\t_\t_
2\te-mail\te-mail\tNOUN\tNN\t_\t1\tobj\t_\t_
",
        );
        let t = as_crosswire_tokens(&s);
        assert_eq!(
            t.iter()
                .map(|t| (t.form.as_str(), t.head, t.deprel.as_str()))
                .collect::<Vec<_>>(),
            [
                ("send", None, "root"),
                ("e", Some(3), "compound"),
                ("-", Some(3), "punct"),
                ("mail", Some(0), "obj")
            ]
        );
    }

    #[test]
    fn every_projected_dev_sentence_is_a_tree() {
        let Some(sentences) = crate::syntax::conllu::dev_treebank() else {
            return; // the shared data is not beside this clone
        };
        let mut same_length = 0;
        for s in &sentences {
            let t = as_crosswire_tokens(s);
            assert_eq!(
                t.iter().filter(|t| t.head.is_none()).count(),
                1,
                "{:?}",
                s.comment("sent_id")
            );
            for start in 0..t.len() {
                let mut i = start;
                for _ in 0..=t.len() {
                    match t[i].head {
                        Some(h) => i = h,
                        None => break,
                    }
                }
                assert!(t[i].head.is_none(), "a cycle in {:?}", s.comment("sent_id"));
            }
            same_length += (t.len() == s.words.len()) as usize;
        }
        assert!(same_length * 100 >= sentences.len() * 85, "{same_length}");
    }
}
