//! Words → comparison terms: lower-cased, paraphrase groups matched (longest first, so
//! `civilian clothes` and `plainclothes` both become `=plainclothes`), stopwords dropped,
//! the rest stemmed. Each term keeps its surface form (for `reason`) and its weight (idf).

use super::lexicon::{group_key, AlignLexicon};
use super::word_facts::{self, WordFacts};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Term {
    /// A stem, or `=group` for a paraphrase group.
    pub key: String,
    /// The words as written, lower-cased.
    pub surface: String,
    pub idf: f32,
}

/// `words` are the lower-cased word tokens of a claim, in order (numbers excluded).
pub fn terms(words: &[String], lex: &AlignLexicon) -> Vec<Term> {
    word_facts::with(lex, |known| {
        let ids: Vec<u32> = words.iter().map(|w| known.id(w, lex)).collect();
        let facts: Vec<&WordFacts> = ids.iter().map(|&id| known.get(id)).collect();
        let stems: Vec<String> = facts.iter().map(|f| f.stem.clone()).collect();
        terms_of_facts(words, &stems, &facts, lex)
    })
}

/// `terms`, given each word's facts and its stem (`stems[i]` is `facts[i].stem`, as a
/// slice: phrases are looked up by runs of stems): a view reads its words' facts once for
/// its terms and its word sequence.
pub fn terms_of_facts(
    words: &[String],
    stems: &[String],
    facts: &[&WordFacts],
    lex: &AlignLexicon,
) -> Vec<Term> {
    debug_assert_eq!(words.len(), stems.len());
    debug_assert_eq!(words.len(), facts.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // No phrase starts with this stem: none of the lookups below could match.
        let longest = facts[i].longest_from.min(words.len() - i);
        let phrase = (1..=longest).rev().find_map(|n| {
            // A lone stopword never stands for a group (`over`, `some`).
            if n == 1 && facts[i].stopword {
                return None;
            }
            lex.phrases.get(&stems[i..i + n]).map(|&g| (n, g))
        });
        if let Some((n, g)) = phrase {
            let content = facts[i..i + n].iter().filter(|f| !f.stopword);
            let idf = content.map(|f| f.idf).fold(0.0f32, f32::max);
            out.push(Term {
                key: group_key(&lex.group_names[g as usize]),
                surface: words[i..i + n].join(" "),
                idf: idf.max(1.0),
            });
            i += n;
            continue;
        }
        if !facts[i].stopword && facts[i].alpha {
            out.push(Term {
                key: stems[i].clone(),
                surface: words[i].clone(),
                idf: facts[i].idf,
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
        let mut k: Vec<String> = terms(&words, &crate::lang::Language::english().align)
            .into_iter()
            .map(|t| t.key)
            .collect();
        k.sort();
        k
    }

    #[test]
    fn paraphrases_meet() {
        assert_eq!(
            keys("troops in civilian clothes"),
            keys("plainclothes soldiers")
        );
        assert_eq!(
            keys("forced deportation"),
            keys("mass deportations")[..1].to_vec()
        );
        assert_eq!(keys("people have fled"), keys("people left"));
        assert_eq!(keys("were killed"), keys("are dead"));
    }

    /// `terms` tries only the lengths `longest_from` allows: every phrase must be among them.
    #[test]
    fn every_phrase_is_reachable_from_its_first_stem() {
        let lex = &crate::lang::Language::english().align;
        assert!(!lex.phrases.is_empty());
        for key in lex.phrases.keys().filter(|k| !k.is_empty()) {
            assert!(lex.longest_from[&key[0]] >= key.len(), "{key:?}");
        }
    }

    #[test]
    fn stopwords_go() {
        assert_eq!(
            keys("the city of Kherson"),
            vec!["=city".to_string(), "kherson".into()]
        );
    }
}
