//! The names inside a role's filler: `a trade deal with China`, `Putin's spokesman`, `the
//! Obama plan` are about China, Putin, Obama whatever their head word. Two fillers that
//! name rival participants of one kind (China / India) are different participants even
//! when their heads agree (`deal`, `spokesman`, `plan`).

use crate::claims::Span;
use crate::corpus::EntityLayer;

use super::lexicon::AlignLexicon;
use super::untagged::UNTAGGED;

/// The entity keys (metonyms mapped) of the named mentions inside `span` of document `d`,
/// sorted and distinct, and of one that ends inside it: a parse may cut a name at the
/// filler's start (`Clayton [Homes' stock]`), whose owner is still that name. Dates are
/// when, not who: left out.
pub fn names_in(span: Span, entities: &EntityLayer, d: usize, lex: &AlignLexicon) -> Vec<String> {
    let mentions = &entities.mentions[d];
    let mut first = mentions.partition_point(|m| m.start < span.start);
    if first > 0 && mentions[first - 1].end > span.start {
        first -= 1;
    }
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

/// The term key of a role filler's head word: as a claim's terms are keyed, but a noun of
/// `role_heads.txt` joins its group there (`Russian forces` / `Russian troops`).
pub fn head_key(word: &str, lex: &AlignLexicon) -> String {
    match lex.role_heads.get(&word.to_lowercase()) {
        Some(group) => group.clone(),
        None => super::frames::key_of(word, lex),
    }
}

/// The kind of an entity key: `GPE` of `GPE:china`.
pub fn kind(key: &str) -> &str {
    key.split_once(':').map_or("", |(k, _)| k)
}

/// Whether two fillers' names rival: for some kind, each names one the other does not
/// (`with China` / `with India`; `the US and China` / `the US and India`). A filler naming
/// fewer (`the deal` / `the deal with China`) says less, not something else; and a name
/// spelled like one of the other's (`alike`) may be that one under another id.
pub fn rival(a: &[String], b: &[String]) -> bool {
    let (only_a, only_b) = (only(a, b), only(b, a));
    (only_a.iter()).any(|k| only_b.iter().any(|j| kinds_meet(k, j)))
}

/// Whether names of kinds `x` and `y` can be rivals (or spellings of one): one kind, or a
/// name the tagger missed (`untagged`) against another such or an organisation, the kind
/// a missed name most often is (`Shares of Gillette` / `Clayton Homes' stock`).
pub fn kinds_meet(x: &str, y: &str) -> bool {
    let loose = |k: &str| matches!(k, UNTAGGED | "ORG");
    x == y || (x == UNTAGGED || y == UNTAGGED) && loose(x) && loose(y)
}

/// `rival`, for names of one kind only (`PERSON`).
pub fn rival_of_kind(a: &[String], b: &[String], of: &str) -> bool {
    names_other(a, b, of) && names_other(b, a, of)
}

/// Whether `x` holds a name of kind `of` that `y` names under no id nor spelling of its own.
pub fn names_other(x: &[String], y: &[String], of: &str) -> bool {
    only(x, y).contains(&of)
}

/// The kinds of the names of `x` that `y` names under no id nor spelling of its own.
fn only<'x>(x: &'x [String], y: &[String]) -> Vec<&'x str> {
    (x.iter())
        .filter(|k| !y.iter().any(|o| o == *k || alike(k, o)))
        .map(|k| kind(k))
        .collect()
}

/// Shortest common opening of two name words that makes them spellings of one
/// (`Falluja` / `Fallujah`, `Labor` / `Labour`, `Jeffrey` / `Jeffery`).
const SPELLING_PREFIX: usize = 4;

/// Whether two entity keys of one kind may name one thing under two ids, as entity ids
/// split on unseen text: they share a word or its opening (`Hal Gehman` / `Harold W.
/// Gehman Jr.`, `Sony Corp.` / `Sony`, `9th U.S. Circuit Court of Appeals` / `Court of
/// Appeals for the Ninth Circuit`) other than last words both end with (`Labour Party` /
/// `Conservative Party`, `Toronto Stock Exchange` / `London Stock Exchange` are two), or
/// one is the initials of the other (`H-P` / `Hewlett-Packard`).
fn alike(a: &str, b: &str) -> bool {
    let (Some((ka, sa)), Some((kb, sb))) = (a.split_once(':'), b.split_once(':')) else {
        return false;
    };
    if !kinds_meet(ka, kb) {
        return false;
    }
    let words = |s: &'_ str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(sa), words(sb));
    if (ka == UNTAGGED || kb == UNTAGGED) && super::untagged::may_be_one(&wa, &wb) {
        return true;
    }
    // The words both end with, each keeping one before them: `Stock Exchange` of `Toronto
    // Stock Exchange` / `London Stock Exchange` is the kind of thing, not the name.
    let tail = (wa.iter().rev().zip(wb.iter().rev()))
        .take_while(|(x, y)| x == y)
        .count()
        .min(wa.len().saturating_sub(1))
        .min(wb.len().saturating_sub(1));
    let body = |w: &[String]| -> Vec<String> { w[..w.len() - tail].to_vec() };
    let spelled = |x: &str, y: &str| {
        let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
        x == y && x.chars().count() >= 3 || common >= SPELLING_PREFIX
    };
    let initials = |w: &[String]| {
        w.iter()
            .filter_map(|x| x.chars().next())
            .collect::<String>()
    };
    let joined = |w: &[String]| w.concat();
    (body(&wa).iter()).any(|x| body(&wb).iter().any(|y| spelled(x, y)))
        || wa.len() > 1 && initials(&wa) == joined(&wb)
        || wb.len() > 1 && initials(&wb) == joined(&wa)
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
        // Two spellings of one name, split into two ids, are no rivals either …
        for (x, y) in [
            ("PERSON:hal_gehman", "PERSON:harold_w_gehman_jr"),
            ("ORG:sony_corp", "ORG:sony"),
            ("ORG:labor_party", "ORG:labour_party"),
            ("GPE:falluja", "GPE:fallujah"),
            ("ORG:h_p", "ORG:hewlett_packard"),
            ("ORG:federal_bureau", "ORG:federal_bureau_of_prisons"),
        ] {
            assert!(!rival(&keys(&[x]), &keys(&[y])), "{x} {y}");
        }
        // … but one last word both end with does not make one name.
        assert!(rival(
            &keys(&["ORG:labour_party"]),
            &keys(&["ORG:conservative_party"])
        ));
        assert!(rival(
            &keys(&["ORG:toronto_stock_exchange"]),
            &keys(&["ORG:london_stock_exchange"])
        ));
        assert!(!rival(
            &keys(&["ORG:stock_exchange"]),
            &keys(&["ORG:london_stock_exchange"])
        ));
        assert!(rival(&keys(&["GPE:saudi_arabia"]), &keys(&["GPE:turkey"])));
        assert!(rival(
            &keys(&["GPE:north_korea"]),
            &keys(&["GPE:south_korea"])
        ));
        assert!(rival(&keys(&["GPE:iran"]), &keys(&["GPE:iraq"])));
    }
}
