//! Words → comparison terms: lower-cased, paraphrase groups matched (longest first, so
//! `civilian clothes` and `plainclothes` both become `=plainclothes`), stopwords dropped,
//! the rest stemmed. Each term keeps its surface form (for `reason`) and its weight (idf).

use super::lexicon::{group_key, AlignLexicon};
use super::stem::stem;

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
    let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
    terms_of_stems(words, &stems, lex)
}

/// `terms`, given each word's stem (`stems[i]` is `stem(&words[i])`): a view stems its
/// words once for its terms and its word sequence.
pub fn terms_of_stems(words: &[String], stems: &[String], lex: &AlignLexicon) -> Vec<Term> {
    debug_assert_eq!(words.len(), stems.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // No phrase starts with this stem: none of the lookups below could match.
        let starting = lex.longest_from.get(&stems[i]).copied().unwrap_or(0);
        let longest = starting.min(words.len() - i);
        let phrase = (1..=longest).rev().find_map(|n| {
            let key = &stems[i..i + n];
            // A lone stopword never stands for a group (`over`, `some`).
            if n == 1 && lex.stopwords.contains(&words[i]) {
                return None;
            }
            lex.phrases.get(key).map(|&g| (n, g))
        });
        if let Some((n, g)) = phrase {
            let content = words[i..i + n]
                .iter()
                .filter(|w| !lex.stopwords.contains(*w));
            let idf = content.map(|w| lex.idf(w)).fold(0.0f32, f32::max);
            out.push(Term {
                key: group_key(&lex.group_names[g as usize]),
                surface: words[i..i + n].join(" "),
                idf: idf.max(1.0),
            });
            i += n;
            continue;
        }
        let w = &words[i];
        if !lex.stopwords.contains(w) && w.chars().any(char::is_alphabetic) {
            out.push(Term {
                key: stems[i].clone(),
                surface: w.clone(),
                idf: lex.idf(w),
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
