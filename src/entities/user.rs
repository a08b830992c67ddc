//! The user's entries (Python's `cw.Patterns`): names with aliases and token patterns
//! (`user_entry`), and regular expressions over the text (`user_regex`). They win over the
//! language's names and the rules where they overlap.
//!
//! A regular expression is matched over the whole document text, in the `regex` crate's
//! syntax: Python's `re` syntax without look-around and backreferences; `(?i)` ignores case,
//! classes and `\b` are Unicode-aware. As with spaCy's `Doc.char_span`, a match becomes a
//! mention only if it starts at a token's start and ends at a token's end (`\bRSF\b` finds
//! `RSF` in `RSF-held`, `RS` finds nothing in `RSF`); empty matches and matches that touch
//! boilerplate are dropped. With a name, every match is that one entity (its id comes from
//! the name); without one, each match is named by its own text.

use regex::{Regex, RegexBuilder};

use super::label::Label;
use super::lexicon::Entry;
use crate::lang::ListError;

/// The most memory one compiled expression may take: a typo such as `\w{1000}{1000}` is an
/// error, not a stall.
const REGEX_SIZE_LIMIT: usize = 1 << 22;

/// A user's regular expression; two are equal when they are written the same.
#[derive(Debug, Clone)]
pub struct UserRegex(Regex);

impl UserRegex {
    /// Compiles `pattern`; `Err` says what is wrong with it, in the regex crate's words.
    pub fn new(pattern: &str) -> Result<UserRegex, String> {
        RegexBuilder::new(pattern)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map(UserRegex)
            .map_err(|e| {
                format!(
                    "{pattern:?} is not a regular expression crosswire can use (the syntax \
                     is Python's without look-around and backreferences): {e}"
                )
            })
    }

    /// Byte ranges of the non-empty matches in `text`, in order.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.0
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| (m.start(), m.end()))
    }
}

impl PartialEq for UserRegex {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

impl Eq for UserRegex {}

fn label_of(label: &str, err: impl Fn(String) -> ListError) -> Result<Label, ListError> {
    Label::parse(label.trim()).ok_or_else(|| {
        err(format!(
            "unknown label {label:?}; labels are {}",
            Label::ALL.map(|l| l.as_str()).join(", ")
        ))
    })
}

/// Builds user entries from rows of `name, label, aliases` (aliases separated by `|` or
/// `;`), as read from a CSV or JSONL file or given from Python. `source` names the origin in
/// errors.
pub fn user_entry(
    name: &str,
    label: &str,
    aliases: &[String],
    source: &str,
    line: usize,
) -> Result<Entry, ListError> {
    let err = |message: String| ListError::new(source, line, message);
    let name = name.trim();
    if name.is_empty() {
        return Err(err("the name is empty".into()));
    }
    let label = label_of(label, err)?;
    let mut forms = vec![name.to_owned()];
    for a in aliases.iter().flat_map(|a| a.split(['|', ';'])) {
        let a = a.trim();
        if !a.is_empty() && !forms.iter().any(|f| f == a) {
            forms.push(a.to_owned());
        }
    }
    Ok(Entry {
        canonical: name.to_owned(),
        label,
        forms,
        user: true,
        regex: None,
    })
}

/// A user entry found by the regular expression `pattern`; `name` (if not empty) makes
/// every match one entity of that name.
pub fn user_regex(
    pattern: &str,
    label: &str,
    name: &str,
    source: &str,
    line: usize,
) -> Result<Entry, ListError> {
    let err = |message: String| ListError::new(source, line, message);
    let regex = UserRegex::new(pattern).map_err(err)?;
    let label = label_of(label, err)?;
    let name = name.trim();
    Ok(Entry {
        canonical: if name.is_empty() { pattern } else { name }.to_owned(),
        label,
        forms: if name.is_empty() {
            Vec::new()
        } else {
            vec![name.to_owned()]
        },
        user: true,
        regex: Some(regex),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_entries_check_labels() {
        let e = user_entry("Rapid Support Forces", "org", &["RSF".into()], "py", 1).unwrap();
        assert_eq!(e.label, Label::Org);
        assert_eq!(e.forms, vec!["Rapid Support Forces", "RSF"]);
        assert!(user_entry("X", "TEAM", &[], "f.csv", 3)
            .unwrap_err()
            .to_string()
            .contains("f.csv, line 3"));
    }

    #[test]
    fn a_regex_entry_with_and_without_a_name() {
        let named = user_regex(r"\bRSF\b|Rapid Support Forces?", "ORG", "RSF", "py", 1).unwrap();
        assert!(!named.is_pattern());
        assert_eq!(named.canonical, "RSF");
        let each = user_regex(r"\d+(st|nd|rd|th) Brigade", "ORG", " ", "py", 2).unwrap();
        assert!(each.is_pattern());
        assert!(each.forms.is_empty());
    }

    #[test]
    fn bad_expressions_name_the_origin_and_the_problem() {
        let err = user_regex(r"(?<=x)y", "ORG", "", "names.jsonl", 4).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("names.jsonl, line 4: \"(?<=x)y\" is not a regular expression"));
        assert!(text.contains("look-around"), "{text}");
        assert!(user_regex("(unclosed", "ORG", "", "py", 1).is_err());
        assert!(user_regex(r"\w{1000}{1000}", "ORG", "", "py", 1)
            .unwrap_err()
            .message
            .contains("size limit"));
        assert!(user_regex("x", "TEAM", "", "py", 1)
            .unwrap_err()
            .message
            .contains("unknown label"));
    }

    #[test]
    fn matches_are_non_empty_byte_ranges() {
        let r = UserRegex::new(r"(?i)kyiv|x*").unwrap();
        let found: Vec<_> = r.find_iter("In KYIV, Київ").collect();
        assert_eq!(found, [(3, 7)]);
        assert_eq!(r, UserRegex::new(r"(?i)kyiv|x*").unwrap());
    }
}
