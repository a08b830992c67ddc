//! Lemmas: an exception list, then suffix rules, both learned from the treebank by the
//! training command and shipped as readable text files in `src/lang/en/syntax/`:
//!
//! * `lemma_exceptions.txt`: `form<TAB>Penn tag<TAB>lemma`, the words the rules get wrong
//!   (`was VBD be`, `children NNS child`, `don VBP do` for crosswire's `don` + `'t`);
//! * `lemma_rules.txt`: `Penn tag<TAB>suffix<TAB>strip<TAB>append`: for a word with that tag
//!   and ending, drop `strip` characters and append (`VBD ied 3 y`). The longest matching
//!   suffix decides; `^` marks the start of the word.
//!
//! Proper nouns (NNP, NNPS) are their own lemma, as in UD EWT; other lemmas are lower case.

use std::collections::HashMap;

/// The longest suffix a rule looks at.
const MAX_SUFFIX: usize = 5;

/// Lemmas from an exception list and suffix rules (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lemmatizer {
    /// Penn tag, then lower-case form: the lemma. Keyed by tag first so that a lookup
    /// borrows the token's own strings instead of building a key per token.
    exceptions: HashMap<String, HashMap<String, String>>,
    /// Penn tag, then suffix key (see [`suffix_keys`]): characters to strip, text to append.
    rules: HashMap<String, HashMap<String, (usize, String)>>,
}

impl Lemmatizer {
    /// The lemma of `form` with Penn tag `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        if xpos == "NNP" || xpos == "NNPS" {
            return form.to_string();
        }
        let lower = lower(form);
        if let Some(lemma) = self
            .exceptions
            .get(xpos)
            .and_then(|m| m.get(lower.as_str()))
        {
            return lemma.clone();
        }
        let Some(rules) = self.rules.get(xpos) else {
            return lower;
        };
        let n_chars = lower.chars().count();
        // A short word's whole-word key (`^` + the word); only short words have one.
        let whole = if n_chars <= MAX_SUFFIX {
            format!("^{lower}")
        } else {
            String::new()
        };
        for n in (0..=MAX_SUFFIX.min(n_chars)).rev() {
            let key = if n == n_chars {
                whole.as_str()
            } else {
                &lower[start_of_last(&lower, n)..]
            };
            if let Some((strip, append)) = rules.get(key) {
                if *strip <= n_chars {
                    let mut lemma = lower[..start_of_last(&lower, *strip)].to_string();
                    lemma.push_str(append);
                    if !lemma.is_empty() {
                        return lemma;
                    }
                }
                break;
            }
        }
        lower
    }

    /// Learns rules and exceptions from `(form, Penn tag, lemma)` triples.
    pub fn learn<'a>(examples: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        let mut rule_counts: HashMap<(String, String), HashMap<(usize, String), usize>> =
            HashMap::new();
        let mut word_counts: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
        for (form, xpos, lemma) in examples {
            if xpos == "NNP" || xpos == "NNPS" || lemma == "_" {
                continue;
            }
            let lower = lower(form);
            let chars: Vec<char> = lower.chars().collect();
            let rule = rule_for(&chars, lemma);
            for key in suffix_keys(&chars) {
                *rule_counts
                    .entry((xpos.to_string(), key))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
            *word_counts
                .entry((lower, xpos.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
        }
        let mut rules = HashMap::new();
        for (key, counts) in rule_counts {
            rules.insert(key, majority(counts));
        }
        // A rule that says what its shorter suffix says adds nothing.
        let redundant: Vec<(String, String)> = rules
            .iter()
            .filter(|((xpos, suffix), rule)| {
                shorter(suffix)
                    .is_some_and(|parent| rules.get(&(xpos.clone(), parent)) == Some(*rule))
            })
            .map(|(k, _)| k.clone())
            .collect();
        for key in redundant {
            rules.remove(&key);
        }
        let mut lemmatizer = Lemmatizer::default();
        for ((xpos, suffix), rule) in rules {
            lemmatizer
                .rules
                .entry(xpos)
                .or_default()
                .insert(suffix, rule);
        }
        let mut exceptions = Vec::new();
        for ((form, xpos), counts) in word_counts {
            let lemma = majority(counts);
            if lemmatizer.lemma(&form, &xpos) != lemma {
                exceptions.push((form, xpos, lemma));
            }
        }
        for (form, xpos, lemma) in exceptions {
            lemmatizer
                .exceptions
                .entry(xpos)
                .or_default()
                .insert(form, lemma);
        }
        lemmatizer
    }

    /// Reads the exception and rule files (formats in the module doc); an error names the line.
    pub fn from_text(exceptions: &str, rules: &str) -> Result<Lemmatizer, String> {
        let mut out = Lemmatizer::default();
        for (n, line) in data_lines(exceptions) {
            match line.split('\t').collect::<Vec<_>>()[..] {
                [form, xpos, lemma] => {
                    out.exceptions
                        .entry(xpos.to_string())
                        .or_default()
                        .insert(form.to_string(), lemma.to_string());
                }
                _ => {
                    return Err(format!(
                        "lemma exceptions line {n}: expected form, tag, lemma"
                    ))
                }
            }
        }
        for (n, line) in data_lines(rules) {
            let parsed = match line.split('\t').collect::<Vec<_>>()[..] {
                [xpos, suffix, strip, append] => strip.parse().ok().map(|strip| {
                    (
                        (xpos.to_string(), suffix.to_string()),
                        (strip, append.to_string()),
                    )
                }),
                _ => None,
            };
            let (key, rule) = parsed.ok_or(format!(
                "lemma rules line {n}: expected tag, suffix, strip, append"
            ))?;
            let (xpos, suffix) = key;
            out.rules.entry(xpos).or_default().insert(suffix, rule);
        }
        Ok(out)
    }

    /// The two text files, sorted so that retraining on the same data gives the same files.
    pub fn to_text(&self) -> (String, String) {
        let mut exceptions: Vec<String> = self
            .exceptions
            .iter()
            .flat_map(|(xpos, words)| {
                words
                    .iter()
                    .map(move |(form, lemma)| format!("{form}\t{xpos}\t{lemma}"))
            })
            .collect();
        exceptions.sort();
        let mut rules: Vec<String> = self
            .rules
            .iter()
            .flat_map(|(xpos, suffixes)| {
                suffixes.iter().map(move |(suffix, (strip, append))| {
                    format!("{xpos}\t{suffix}\t{strip}\t{append}")
                })
            })
            .collect();
        rules.sort();
        let head = |what: &str| {
            format!(
                "# Lemma {what}, learned from UD English EWT train (CC BY-SA 4.0) by\n\
                 # `cargo run --release --example train_syntax`; see src/syntax/lemma.rs.\n"
            )
        };
        (
            head("exceptions: form, Penn tag, lemma") + &exceptions.join("\n") + "\n",
            head("rules: Penn tag, suffix (^ = word start), strip, append")
                + &rules.join("\n")
                + "\n",
        )
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn lower(form: &str) -> String {
    form.chars()
        .map(|c| {
            if matches!(c, '’' | '‘' | '`') {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Keys from the longest suffix to the empty one; a whole short word is marked with `^`.
fn suffix_keys(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    (0..=MAX_SUFFIX.min(chars.len())).rev().map(move |n| {
        let tail: String = chars[chars.len() - n..].iter().collect();
        if n == chars.len() {
            format!("^{tail}")
        } else {
            tail
        }
    })
}

/// The byte offset where the last `n` characters of `s` start (0 if it has fewer).
fn start_of_last(s: &str, n: usize) -> usize {
    match n {
        0 => s.len(),
        _ => s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i),
    }
}

fn shorter(key: &str) -> Option<String> {
    let key = key.strip_prefix('^').unwrap_or(key);
    let mut chars = key.chars();
    chars.next()?;
    Some(chars.collect())
}

fn rule_for(chars: &[char], lemma: &str) -> (usize, String) {
    let lemma: Vec<char> = lemma.chars().collect();
    let common = chars.iter().zip(&lemma).take_while(|(a, b)| a == b).count();
    (chars.len() - common, lemma[common..].iter().collect())
}

/// The most frequent value; ties go to the smallest, so the result does not depend on
/// hash-map order.
fn majority<T: Ord + Clone>(counts: HashMap<T, usize>) -> T {
    counts
        .into_iter()
        .max_by(|(a, ca), (b, cb)| ca.cmp(cb).then_with(|| b.cmp(a)))
        .map(|(value, _)| value)
        .expect("counted at least once")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Lemmatizer {
        let data = [
            ("killed", "VBD", "kill"),
            ("walked", "VBD", "walk"),
            ("played", "VBD", "play"),
            ("tried", "VBD", "try"),
            ("cried", "VBD", "cry"),
            ("said", "VBD", "say"),
            ("troops", "NNS", "troop"),
            ("cats", "NNS", "cat"),
            ("children", "NNS", "child"),
            ("was", "VBD", "be"),
            ("Kherson", "NNP", "Kherson"),
        ];
        Lemmatizer::learn(data.into_iter())
    }

    #[test]
    fn rules_generalise_and_exceptions_win() {
        let l = toy();
        assert_eq!(l.lemma("stopped", "VBD"), "stopp"); // no doubling rule was seen
        assert_eq!(l.lemma("jumped", "VBD"), "jump");
        assert_eq!(l.lemma("denied", "VBD"), "deny");
        assert_eq!(l.lemma("Soldiers", "NNS"), "soldier");
        assert_eq!(l.lemma("children", "NNS"), "child");
        assert_eq!(l.lemma("said", "VBD"), "say");
        assert_eq!(l.lemma("was", "VBD"), "be");
        assert_eq!(l.lemma("Kyiv", "NNP"), "Kyiv");
        assert_eq!(l.lemma("Fast", "RB"), "fast");
    }

    #[test]
    fn text_files_round_trip() {
        let l = toy();
        let (exceptions, rules) = l.to_text();
        assert!(rules.contains("\nVBD\tied\t3\ty\n"), "{rules}");
        assert_eq!(Lemmatizer::from_text(&exceptions, &rules).unwrap(), l);
        assert!(Lemmatizer::from_text("a\tb\n", "").is_err());
        assert!(Lemmatizer::from_text("", "VBD\ted\tx\t\n").is_err());
    }
}
