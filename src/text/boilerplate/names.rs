//! The shape of names as credits and bylines write them: capitalised words, initials, all-caps
//! surnames (`Dimitar DILKOFF`), a few lower-case connectors (`de`, `and`, `via`). Sentences
//! have lower-case words; that is what keeps article text out.

use super::lexicon::BoilerplateWords;

/// The words of a credit or byline: split at spaces and at the separators credits use
/// (`/`, `|`, `,`, `;`, `:`), with dashes and surrounding punctuation dropped.
pub fn credit_words(text: &str) -> Vec<&str> {
    credit_word_iter(text).collect()
}

pub fn credit_word_iter(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | ',' | ';' | ':'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .filter(|w| !w.is_empty())
}

/// Every word looks like part of a name (or a photo word such as `photo`); numbers do not.
pub fn name_like(words: &[&str], lex: &BoilerplateWords) -> bool {
    !words.is_empty() && words.iter().all(|w| is_name_word(w, lex))
}

pub fn is_name_word(word: &str, lex: &BoilerplateWords) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        || lex.is_connector(word)
        || lex.is_photo_word(word)
}

/// How many words start with a capital letter.
pub fn capitalised(words: &[&str]) -> usize {
    words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_at_credit_separators() {
        assert_eq!(
            credit_words("Kherson - Metin Aktas/Anadolu Agency/Getty Images"),
            ["Kherson", "Metin", "Aktas", "Anadolu", "Agency", "Getty", "Images"]
        );
        assert_eq!(credit_words("(AP Photo)"), ["AP", "Photo"]);
        assert_eq!(credit_words("© Reuters"), ["Reuters"]);
    }

    #[test]
    fn names_versus_sentences() {
        let lex = &crate::lang::Language::english().boilerplate;
        assert!(name_like(&credit_words("Dimitar DILKOFF AFP"), lex));
        assert!(name_like(
            &credit_words("Ana de Armas and John O. Smith"),
            lex
        ));
        assert!(!name_like(
            &credit_words("Russia to evacuate civilians from Kherson as Ukrainians close in"),
            lex
        ));
        assert!(!name_like(&[], lex));
    }
}
