//! Lemmas: an exception list, then suffix rules, both learned from the treebank by the
//! training command and shipped as readable text files in `src/lang/en/syntax/`:
//!
//! * `lemma_exceptions.txt`: `form<TAB>Penn tag<TAB>lemma`, the words the rules get wrong
//!   (`was VBD be`, `children NNS child`, `don VBP do` for crosswire's `don` + `'t`);
//! * `lemma_rules.txt`: `Penn tag<TAB>suffix<TAB>strip<TAB>append`: for a word with that tag
//!   and ending, drop `strip` characters and append (`VBD ied 3 y`). The longest matching
//!   suffix decides; `^` marks the start of the word.
//! * `lemma_known.txt`: one lemma a line, the lemmas of the treebank's nouns, verbs and
//!   adjectives; with `lemma_verbs.txt`, a hand list of news verbs the treebank lacks. A
//!   verb's rule output that is no known lemma (`looted` -> `loote`) gives way to the next
//!   shorter suffix's rule, or the form itself, whichever first is a known lemma (`loot`);
//!   if none is, the longest rule's output stands (a verb nobody listed).
//!
//! Proper nouns (NNP, NNPS) are their own lemma, as in UD EWT; other lemmas are lower case.

use super::hashing::{WordMap, WordSet};
use std::collections::{BTreeSet, HashMap};

/// The longest suffix a rule looks at.
const MAX_SUFFIX: usize = 5;

/// Lemmas from an exception list and suffix rules (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lemmatizer {
    /// Penn tag, then lower-case form: the lemma. Keyed by tag first so that a lookup
    /// borrows the token's own strings instead of building a key per token.
    /// (A fast hasher: every token looks up several keys; nothing iterates these maps
    /// except to write them out sorted.)
    exceptions: WordMap<String, WordMap<String, String>>,
    /// Penn tag, then suffix key (see [`suffix_keys`]): characters to strip, text to append.
    rules: WordMap<String, WordMap<String, (usize, String)>>,
    /// Lemmas known to be words (see the module doc); empty: every rule output stands.
    known: WordSet<String>,
}

/// Whether a Penn tag is a verb's: only verbs' rule outputs are checked against the known
/// lemmas (an unknown noun is far more often a real word than a bad rule's output).
fn checks_known(xpos: &str) -> bool {
    xpos.starts_with("VB")
}

/// Whether a treebank token's lemma counts as a known one: nouns, verbs and adjectives,
/// not proper nouns (their lemma is the form).
fn is_content(xpos: &str) -> bool {
    (xpos.starts_with("VB") || xpos.starts_with("NN") || xpos.starts_with("JJ"))
        && !xpos.starts_with("NNP")
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
        // A short word's whole-word key (`^` + the word); only short words have one. Made
        // on the stack: at most `MAX_SUFFIX` characters of four bytes and the mark.
        let mut whole_bytes = [0u8; 1 + 4 * MAX_SUFFIX];
        let whole = if n_chars <= MAX_SUFFIX {
            whole_bytes[0] = b'^';
            whole_bytes[1..=lower.len()].copy_from_slice(lower.as_bytes());
            std::str::from_utf8(&whole_bytes[..=lower.len()]).expect("a mark and a word")
        } else {
            ""
        };
        let check = checks_known(xpos) && !self.known.is_empty();
        let mut first: Option<String> = None;
        for n in (0..=MAX_SUFFIX.min(n_chars)).rev() {
            let key = if n == n_chars {
                whole
            } else {
                &lower[start_of_last(&lower, n)..]
            };
            let Some((strip, append)) = rules.get(key) else {
                continue;
            };
            if *strip > n_chars {
                if first.is_none() {
                    // The longest rule does not apply: the form stands (as it always has).
                    return lower;
                }
                continue;
            }
            let mut lemma = lower[..start_of_last(&lower, *strip)].to_string();
            lemma.push_str(append);
            if lemma.is_empty() {
                if first.is_none() {
                    return lower;
                }
                continue;
            }
            if !check {
                return lemma;
            }
            if let Some(with_e) = silent_e(&lower, &lemma).filter(|l| self.known.contains(l)) {
                return with_e;
            }
            if self.known.contains(&lemma) {
                return lemma;
            }
            first.get_or_insert(lemma);
        }
        match first {
            Some(_) if self.known.contains(&lower) => lower,
            Some(lemma) => lemma,
            None => lower,
        }
    }

    /// The same lemmatizer, knowing the lemmas of `text` (one a line, `#` comments) too.
    pub fn with_known(mut self, text: &str) -> Lemmatizer {
        self.known
            .extend(data_lines(text).map(|(_, l)| l.trim().to_lowercase()));
        self
    }

    /// The known lemmas of a treebank's `(form, Penn tag, lemma)` triples, as the text
    /// [`Lemmatizer::with_known`] reads (sorted: the same data gives the same file).
    pub fn known_text<'a>(examples: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> String {
        let known: BTreeSet<String> = examples
            .filter(|&(_, xpos, lemma)| is_content(xpos) && lemma != "_" && !lemma.is_empty())
            .map(|(_, _, lemma)| lower(lemma))
            .filter(|l| !l.contains(char::is_whitespace))
            .collect();
        let mut out = String::from(
            "# Known lemmas: the nouns, verbs and adjectives of UD English EWT train\n\
             # (CC BY-SA 4.0), written by `cargo run --release --example train_syntax`;\n\
             # see src/syntax/lemma.rs.\n",
        );
        for lemma in known {
            out.push_str(&lemma);
            out.push('\n');
        }
        out
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
            // A rule that rewrites the whole word (`Japanese` -> `Japanese`, read as strip 8,
            // append `Japanese`) says nothing of its suffixes: kept for the word alone, or
            // it would turn `Sudanese` into `Japanese`.
            let whole_word = rule.0 >= chars.len();
            for key in suffix_keys(&chars).filter(|key| !whole_word || key.starts_with('^')) {
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
    // Most forms are ASCII: lower-cased byte by byte, with no character iterator.
    if form.is_ascii() {
        let lower = form.to_ascii_lowercase();
        return if lower.contains('`') {
            lower.replace('`', "'")
        } else {
            lower
        };
    }
    lower_by_chars(form)
}

/// `lower` of any form, character by character.
fn lower_by_chars(form: &str) -> String {
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

/// `stem` + `e` where `form` is `stem` + `ed` or `ing` and the stem ends in a consonant, one
/// vowel and a consonant: English doubles that consonant after a short vowel (`starred`,
/// `barring`), so an undoubled one had a silent `e` (`stared` -> `stare`, `sharing` ->
/// `share`, not `star` or `shar`). The caller keeps it only if it is a known lemma
/// (`visited` -> `visit`).
fn silent_e(form: &str, stem: &str) -> Option<String> {
    let inflected = [("ed", stem.len() + 2), ("ing", stem.len() + 3)]
        .iter()
        .any(|&(ending, len)| {
            form.len() == len && form.starts_with(stem) && form.ends_with(ending)
        });
    let vowel = |c: char| "aeiou".contains(c);
    // `u` after `q` is no vowel (`squared`).
    let letters = stem.replace("qu", "qw");
    let mut tail = letters.chars().rev();
    let (last, before, third) = (tail.next()?, tail.next()?, tail.next());
    let consonant = last.is_ascii_lowercase() && !vowel(last) && !"wxy".contains(last);
    let one_vowel = vowel(before) && !third.is_some_and(vowel);
    (inflected && consonant && one_vowel).then(|| format!("{stem}e"))
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

    proptest::proptest! {
        /// An ASCII form (backticks and capitals among its characters) lower-cased byte by
        /// byte is the form lower-cased character by character.
        #[test]
        fn ascii_forms_lower_byte_by_byte_as_by_characters(form in "[a-zA-Z0-9`'.-]{0,12}") {
            proptest::prop_assert_eq!(lower(&form), lower_by_chars(&form));
        }
    }

    #[test]
    fn a_short_words_whole_word_rule_applies_whatever_its_bytes() {
        // `^` + a five-character word of four-byte letters (Deseret, lower-cased from
        // capitals of four bytes too): the longest key there is.
        let rules = "NN\t^𐐨𐐨𐐨𐐨𐐨\t5\tx\nNN\t^ab\t2\tyz\n";
        let lem = Lemmatizer::from_text("", rules).expect("two rules");
        assert_eq!(lem.lemma("𐐀𐐀𐐀𐐀𐐀", "NN"), "x");
        assert_eq!(lem.lemma("AB", "NN"), "yz");
    }

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
    fn a_rule_that_rewrites_a_whole_word_is_kept_for_that_word_alone() {
        // UD EWT keeps some adjectives' capitals in the lemma: `japanese` -> `Japanese` shares
        // no prefix with its lemma, so its rule rewrites every letter.
        let data = [
            ("Japanese", "JJ", "Japanese"),
            ("big", "JJ", "big"),
            ("Nepalese", "JJ", "Nepalese"),
        ];
        let l = Lemmatizer::learn(data.into_iter());
        assert_eq!(l.lemma("Sudanese", "JJ"), "sudanese");
        assert_eq!(l.lemma("Congolese", "JJ"), "congolese");
        assert_eq!(l.lemma("Japanese", "JJ"), "Japanese");
        assert_eq!(l.lemma("big", "JJ"), "big");
    }

    #[test]
    fn an_undoubled_consonant_before_ed_or_ing_had_a_silent_e() {
        let rules = "VBD\td\t2\t\nVBN\ted\t2\t\nVBG\tg\t3\t\nVBZ\ts\t1\t\n";
        let known = "share\nstar\nstare\nvisit\nbar\nbare\nloot\nloote\nvote\nvoting\nsquare\n";
        let l = Lemmatizer::from_text("", rules).unwrap().with_known(known);
        assert_eq!(l.lemma("shared", "VBD"), "share");
        assert_eq!(l.lemma("stared", "VBD"), "stare");
        assert_eq!(l.lemma("voting", "VBG"), "vote");
        assert_eq!(l.lemma("squared", "VBD"), "square");
        // Not a stem whose `e` form is no word, nor one with two vowels (English writes
        // `looted` whether or not a `loote` were known), nor after a plain `-s`.
        assert_eq!(l.lemma("visited", "VBN"), "visit");
        assert_eq!(l.lemma("looted", "VBD"), "loot");
        assert_eq!(l.lemma("bars", "VBZ"), "bar");
    }

    #[test]
    fn a_verb_rule_must_give_a_known_lemma_or_give_way() {
        let rules = "VBD\toted\t1\t\nVBD\ted\t2\t\nVBD\t\t0\t\nNNS\tes\t1\t\n";
        let plain = Lemmatizer::from_text("", rules).unwrap();
        assert_eq!(plain.lemma("looted", "VBD"), "loote");
        let l = plain.with_known("# a comment\nloot\nquote\nbarked\n");
        // The longest rule gives an unknown word: the next shorter one a known lemma.
        assert_eq!(l.lemma("looted", "VBD"), "loot");
        // The longest rule's known output wins over a shorter rule's.
        assert_eq!(l.lemma("quoted", "VBD"), "quote");
        // No rule gives a known lemma, the form is one: the form.
        assert_eq!(l.lemma("barked", "VBD"), "barked");
        // Nothing known at all: the longest rule stands, as without the list.
        assert_eq!(l.lemma("zooted", "VBD"), "zoote");
        // Only verbs are checked.
        assert_eq!(l.lemma("horses", "NNS"), "horse");
        assert_eq!(l.lemma("Looted", "NNP"), "Looted");
    }

    #[test]
    fn known_lemmas_come_from_content_words() {
        let text = Lemmatizer::known_text(
            [
                ("looted", "VBD", "loot"),
                ("Shells", "NNS", "Shell"),
                ("Kyiv", "NNP", "Kyiv"),
                ("the", "DT", "the"),
                ("big", "JJ", "big"),
            ]
            .into_iter(),
        );
        let lemmas: Vec<&str> = data_lines(&text).map(|(_, l)| l).collect();
        assert_eq!(lemmas, ["big", "loot", "shell"]);
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
