//! One bearer of a name per document. The name model reads each mention from its own
//! sentence, so `Trump held Macron's hands` may come out an organisation in a report that
//! calls him `President Trump` a paragraph before. A news report speaks of one bearer of a
//! name: a lone word the model typed otherwise, where the document firmly makes that word a
//! person, is that person. Firmly: the last word of a full name, or a word after a title
//! written as one (`President Trump`, `Mr. Trump`); a role in lower case is not enough
//! (`engineer Comelf`), nor is a speech verb (`Ruch says`: companies speak too).

use std::collections::HashSet;

use super::candidate::{Candidate, Source};
use super::features::{Features, Shape};
use super::label::Label;
use super::lexicon::class;

/// Lone words the document gives a capitalised title (`President Trump`), outside title-case
/// lines (a headline capitalises every word).
pub fn titled<'f>(f: &'f Features, chosen: &[Candidate]) -> Vec<&'f str> {
    let mut words: Vec<&str> = chosen
        .iter()
        .filter(|c| c.label == Label::Person && c.end == c.first + 1 && c.first > 0)
        .filter(|c| {
            let title = c.first - 1;
            f.has(title, class::TITLE)
                && f.tokens[title].shape == Shape::Capitalised
                && !f.tokens[title].title_case
        })
        .map(|c| f.folded(c.first))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Relabels, in place, the model's lone-word mentions of a word the document firmly makes a
/// person.
pub fn lone_words_follow_people(f: &Features, chosen: &mut [Candidate]) {
    // Full names from the rules and lexicons (the model's own are as unsure as its labels).
    let mut people: HashSet<&str> = chosen
        .iter()
        .filter(|c| {
            c.label == Label::Person
                && matches!(c.source, Source::User | Source::Lexicon | Source::Context)
        })
        .filter_map(|c| {
            let words: Vec<usize> = (c.first..c.end)
                .filter(|&k| f.tokens[k].shape == Shape::Capitalised)
                .collect();
            (words.len() >= 2).then(|| f.folded(words[words.len() - 1]))
        })
        .collect();
    people.extend(titled(f, chosen));
    if people.is_empty() {
        return;
    }
    for c in chosen.iter_mut() {
        if c.source == Source::Model
            && c.end == c.first + 1
            && c.label != Label::Person
            && people.contains(f.folded(c.first))
        {
            c.label = Label::Person;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::tagger::tests::tagged;

    fn labels_of(text: &str, word: &str) -> Vec<&'static str> {
        tagged(text)
            .into_iter()
            .filter(|(t, _)| t == word)
            .map(|(_, l)| l)
            .collect()
    }

    #[test]
    fn a_lone_surname_follows_the_person_the_document_names() {
        let text =
            "On a visit that began with a state dinner, President Trump met his guest. Trump held \
                    Macron's hands, showered him with compliments and even brushed what he \
                    said was a piece of dandruff off of Macron's suit. Trump appeared to be \
                    skeptical of such an agreement. Trump and Macron showed off their close \
                    relationship.";
        let labels = labels_of(text, "Trump");
        assert_eq!(labels.len(), 4, "every Trump is a mention: {labels:?}");
        assert!(labels.iter().all(|&l| l == "PERSON"), "{labels:?}");
    }

    #[test]
    fn a_word_no_person_bears_keeps_its_label() {
        let text = "Shares of Boeing fell on Tuesday. Boeing said orders were down.";
        assert!(labels_of(text, "Boeing").iter().all(|&l| l == "ORG"));
    }
}
