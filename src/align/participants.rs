//! The names inside a role's filler: `a trade deal with China`, `Putin's spokesman`, `the
//! Obama plan` are about China, Putin, Obama whatever their head word. Two fillers that
//! name rival participants of one kind (China / India) are different participants even
//! when their heads agree (`deal`, `spokesman`, `plan`).

use crate::claims::Span;
use crate::corpus::EntityLayer;

use super::lexicon::AlignLexicon;

/// The entity keys (metonyms mapped) of the named mentions inside `span` of document `d`,
/// sorted and distinct. Dates are when, not who: left out.
pub fn names_in(span: Span, entities: &EntityLayer, d: usize, lex: &AlignLexicon) -> Vec<String> {
    let mentions = &entities.mentions[d];
    let first = mentions.partition_point(|m| m.start < span.start);
    let mut names: Vec<String> = (first..mentions.len())
        .take_while(|&m| mentions[m].start < span.end)
        .filter(|&m| mentions[m].end <= span.end)
        .filter_map(|m| entities.entity_of(d, m))
        .map(|e| lex.entity_key(&e.id).to_owned())
        .filter(|k| !kind(k).is_empty() && !matches!(kind(k), "DATE" | "TIME"))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The kind of an entity key: `GPE` of `GPE:china`.
fn kind(key: &str) -> &str {
    key.split_once(':').map_or("", |(k, _)| k)
}

/// Whether two fillers' names rival: for some kind, each names one the other does not
/// (`with China` / `with India`; `the US and China` / `the US and India`). A filler naming
/// fewer (`the deal` / `the deal with China`) says less, not something else.
pub fn rival(a: &[String], b: &[String]) -> bool {
    fn only<'x>(x: &'x [String], y: &[String]) -> Vec<&'x str> {
        (x.iter())
            .filter(|k| y.binary_search(k).is_err())
            .map(|k| kind(k))
            .collect()
    }
    let (only_a, only_b) = (only(a, b), only(b, a));
    only_a.iter().any(|k| only_b.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(k: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = k.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    }

    #[test]
    fn rival_names_are_of_one_kind_each_side_naming_one_the_other_does_not() {
        let china = keys(&["GPE:china"]);
        let india = keys(&["GPE:india"]);
        assert!(rival(&china, &india));
        assert!(!rival(&china, &china));
        assert!(
            !rival(&china, &[]),
            "naming none says less, not something else"
        );
        assert!(rival(
            &keys(&["GPE:china", "GPE:united_states"]),
            &keys(&["GPE:india", "GPE:united_states"])
        ));
        assert!(!rival(
            &keys(&["GPE:china", "GPE:united_states"]),
            &keys(&["GPE:china"])
        ));
        // Names of different kinds (a person, a country) are no rivals.
        assert!(!rival(&keys(&["PERSON:putin"]), &keys(&["GPE:russia"])));
    }
}
