//! The sentence splitter's word lists (`lang/<language>/text/`), parsed once per language.

use std::collections::HashSet;

use crate::lang::lines::{Files, ListError, Problems};
use crate::lang::List;

#[derive(Debug)]
pub struct SentenceWords {
    /// Titles and ranks (without their period) that always precede a name.
    pub titles: HashSet<&'static str>,
    /// Closed-class words that open sentences.
    pub starters: HashSet<&'static str>,
}

impl SentenceWords {
    pub(crate) fn parse(files: &Files, problems: &mut Problems) -> Result<Self, ListError> {
        let mut set = |list: List| -> Result<HashSet<&'static str>, ListError> {
            Ok(files.get(list).entries(problems)?.into_iter().collect())
        };
        Ok(SentenceWords {
            titles: set(List::TitleAbbreviations)?,
            starters: set(List::SentenceStarters)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::Language;

    #[test]
    fn lists_parse() {
        let lex = &Language::english().sentences;
        assert!(lex.titles.contains("Gen") && lex.titles.contains("St"));
        assert!(!lex.titles.contains("Jr") && !lex.titles.iter().any(|t| t.starts_with('#')));
        assert!(lex.starters.contains("The") && !lex.starters.contains("Army"));
    }
}
