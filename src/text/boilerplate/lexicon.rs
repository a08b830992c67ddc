//! The boilerplate rules' word lists (`lang/<language>/text/`, and the credit names of
//! `shared/news_media.txt`), parsed once per language.

use crate::lang::lines::{Files, ListError, ListFile, Problems, SectionRow};
use crate::lang::List;

/// An agency name as words; all-capital names must match exactly, others in any case.
#[derive(Debug)]
pub struct Agency {
    pub words: Vec<&'static str>,
    pub exact_case: bool,
}

/// The lists the boilerplate rules read.
#[derive(Debug)]
pub struct BoilerplateWords {
    /// Names that close a photo credit (`… AFP`, `…/Getty Images`).
    pub agencies: Vec<Agency>,
    pub photo_words: Vec<&'static str>,
    pub credit_markers: Vec<&'static str>,
    pub name_connectors: Vec<&'static str>,
    pub contributor_openings: Vec<&'static str>,
    pub contact_openings: Vec<&'static str>,
    pub counter_words: Vec<&'static str>,
    pub timestamp_openings: Vec<&'static str>,
    /// Stored in the normal form `normalise_line` gives, as are `navigation_lines`.
    pub navigation_headers: Vec<String>,
    pub navigation_lines: Vec<String>,
    pub navigation_prefixes: Vec<&'static str>,
}

impl BoilerplateWords {
    pub(crate) fn parse(files: &Files, problems: &mut Problems) -> Result<Self, ListError> {
        let mut entries = |list: List| files.get(list).entries(problems);
        let mut normalised = |list: List| -> Result<Vec<String>, ListError> {
            Ok(entries(list)?.into_iter().map(normalise_line).collect())
        };
        let navigation_headers = normalised(List::NavigationHeaders)?;
        let navigation_lines = normalised(List::NavigationLines)?;
        Ok(BoilerplateWords {
            photo_words: entries(List::PhotoWords)?,
            credit_markers: entries(List::CreditMarkers)?,
            name_connectors: entries(List::NameConnectors)?,
            contributor_openings: entries(List::ContributorOpenings)?,
            contact_openings: entries(List::ContactOpenings)?,
            counter_words: entries(List::CounterWords)?,
            timestamp_openings: entries(List::TimestampOpenings)?,
            navigation_headers,
            navigation_lines,
            navigation_prefixes: entries(List::NavigationPrefixes)?,
            agencies: credit_names(files.get(List::NewsMedia), problems)?
                .into_iter()
                .map(|name| Agency {
                    words: name.split_whitespace().collect(),
                    exact_case: !name.chars().any(char::is_lowercase),
                })
                .collect(),
        })
    }

    pub fn is_photo_word(&self, word: &str) -> bool {
        self.photo_words
            .iter()
            .any(|p| p.eq_ignore_ascii_case(word))
    }

    pub fn is_connector(&self, word: &str) -> bool {
        self.name_connectors.contains(&word)
    }

    /// Length in words of the agency name that `words` ends with, if any (longest wins).
    pub fn agency_suffix(&self, words: &[&str]) -> Option<usize> {
        self.agencies
            .iter()
            .filter(|a| a.words.len() <= words.len())
            .filter(|a| {
                let tail = &words[words.len() - a.words.len()..];
                tail.iter().zip(&a.words).all(|(w, n)| {
                    if a.exact_case {
                        w == n
                    } else {
                        w.eq_ignore_ascii_case(n)
                    }
                })
            })
            .map(|a| a.words.len())
            .max()
    }
}

/// Every written form in the `@label … credit` and `@credit` sections of the news media
/// list: the names that close a photo credit.
fn credit_names(file: ListFile, problems: &mut Problems) -> Result<Vec<&'static str>, ListError> {
    let mut names = Vec::new();
    let mut in_credits = false;
    file.sections(problems, |row| {
        match row {
            SectionRow::Header(name, args) => {
                in_credits = match name {
                    "credit" => true,
                    "label" => args.get(1) == Some(&"credit"),
                    _ => return Err(format!("unknown section @{name}")),
                }
            }
            SectionRow::Entry(forms) if in_credits => {
                names.extend(forms.iter().filter(|f| !f.is_empty()))
            }
            SectionRow::Entry(_) => {}
        }
        Ok(())
    })?;
    Ok(names)
}

/// Lower case, one space between words, no trailing punctuation (`No More Posts Available.`
/// → `no more posts available`), so list entries match the way sites vary them.
pub fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    let kept = out.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    out.truncate(kept);
    out
}

/// `text` starts with `prefix`, ignoring ASCII case (prefixes are ASCII).
pub fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn en() -> &'static BoilerplateWords {
        &Language::english().boilerplate
    }

    #[test]
    fn lists_parse_without_comments() {
        assert!(en().agencies.iter().any(|a| a.words == ["Getty", "Images"]));
        assert!(en().agencies.iter().all(|a| !a.words[0].starts_with('#')));
        assert!(en()
            .navigation_headers
            .contains(&"more stories".to_string()));
        assert!(en()
            .navigation_lines
            .contains(&"no more posts available".to_string()));
    }

    #[test]
    fn credit_names_are_the_credit_sections_of_news_media() {
        let names: Vec<String> = en().agencies.iter().map(|a| a.words.join(" ")).collect();
        for name in [
            "Reuters",
            "AP",
            "Associated Press",
            "AFP via Getty Images",
            "Pool",
        ] {
            assert!(names.iter().any(|n| n == name), "{name}");
        }
        // Outlets that are tagged ORG but do not sign pictures.
        for name in ["CNN", "Interfax", "Kyiv Independent"] {
            assert!(!names.iter().any(|n| n == name), "{name}");
        }
    }

    #[test]
    fn normal_form_drops_case_spacing_and_trailing_punctuation() {
        assert_eq!(
            normalise_line("  No More   Posts Available. "),
            "no more posts available"
        );
        assert_eq!(normalise_line("Related:"), "related");
        assert_eq!(normalise_line("..."), "");
    }

    #[test]
    fn agencies_match_at_the_end_with_their_case_rule() {
        let lex = en();
        assert_eq!(lex.agency_suffix(&["Dimitar", "DILKOFF", "AFP"]), Some(1));
        assert_eq!(
            lex.agency_suffix(&["Metin", "Aktas", "Anadolu", "Agency"]),
            Some(2)
        );
        assert_eq!(lex.agency_suffix(&["x", "REUTERS"]), Some(1));
        assert_eq!(lex.agency_suffix(&["a", "map"]), None);
        assert_eq!(lex.agency_suffix(&["the", "ap"]), None);
        assert_eq!(lex.agency_suffix(&[]), None);
    }
}
