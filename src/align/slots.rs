//! One template, two names in its slot: two claims in the same words but for a name each
//! gives and the other does not (`These are the leading stories in the Beirut press` /
//! `… in the Sarajevo press`, `At Weston-super-Mare: Match abandoned as a draw` / `At Trent
//! Bridge: …`, `Promodes was not immediately available for comment` / `Carrefour was …`)
//! say one thing of two different subjects: two propositions, however alike their words.
//! A name against a description (`Trump said …` / `The president said …`) or a shorter
//! spelling of one name (`Kim Jong Un` / `Kim`) is no such pair: the slot must hold only
//! names on both sides, names of one kind (entities: two places, two people), none of
//! them named by the other claim.

use super::lexicon::AlignLexicon;
use super::represent::ClaimView;
use super::stem::stem;

/// Words of the template the two must share around the slot, at least.
const MIN_TEMPLATE_WORDS: usize = 3;
/// Words a slot holds at most (`Garhi Habibullah`, `the Security Ministry`).
const MAX_SLOT_WORDS: usize = 4;

/// The two slot fillers (as stems), when `a` and `b` are one template with rival names in it.
pub fn rival_slot(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> Option<(String, String)> {
    let (x, y) = (&a.sequence, &b.sequence);
    let prefix = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let room = x.len().min(y.len()) - prefix;
    let suffix = (x.iter().rev().zip(y.iter().rev()))
        .take(room)
        .take_while(|(p, q)| p == q)
        .count();
    let (sa, sb) = (&x[prefix..x.len() - suffix], &y[prefix..y.len() - suffix]);
    if prefix + suffix < MIN_TEMPLATE_WORDS
        || sa.is_empty()
        || sb.is_empty()
        || sa.len().max(sb.len()) > MAX_SLOT_WORDS
        || sa.iter().any(|w| sb.contains(w))
    {
        return None;
    }
    // A slot beside a word of a name is part of that name, spelt two ways (`Wendy
    // Wasserman Schultz` / `Debbie Wasserman Schultz`), not a slot of the template.
    let beside = [
        prefix.checked_sub(1).map(|i| &x[i]),
        x.get(x.len() - suffix),
    ];
    let in_name =
        |w: &String, v: &ClaimView| v.entities.values().any(|s| words(s).any(|e| &e == w));
    if (beside.iter().flatten()).any(|w| in_name(w, a) || in_name(w, b)) {
        return None;
    }
    let rival = |slot: &[String], v: &ClaimView, other: &ClaimView| {
        // Every word of the slot a name (a stopword inside one, `of`, may be lower-case), no
        // date (`In January 1996` / `On Jan. 12, 1996` is one day told two ways), and none
        // of the names the slot holds named by the other claim.
        let names: Vec<String> = name_words(v).collect();
        let dated = |w: &String| v.date_words.iter().any(|d| &stem(d) == w);
        slot.iter().any(|w| names.contains(w))
            && !slot.iter().any(dated)
            && slot
                .iter()
                .all(|w| names.contains(w) || lex.stopwords.contains(w.as_str()))
            && !(v.entities.iter())
                .filter(|(_, shown)| words(shown).any(|w| slot.contains(&w)))
                .any(|(k, _)| other.entities.contains_key(k))
    };
    // The two slots hold names of one kind (two places, two people): `European` against
    // `World Cup` is a description against a name, one qualifier told two ways.
    let kinds = |slot: &[String], v: &ClaimView| -> Vec<String> {
        (v.entities.iter())
            .filter(|(_, shown)| words(shown).any(|w| slot.contains(&w)))
            .filter_map(|(k, _)| k.split_once(':').map(|(kind, _)| place_or(kind).to_owned()))
            .collect()
    };
    let (ka, kb) = (kinds(sa, a), kinds(sb, b));
    let one_kind = ka.iter().any(|k| kb.contains(k));
    (one_kind && rival(sa, a, b) && rival(sb, b, a)).then(|| (sa.join(" "), sb.join(" ")))
}

/// An entity kind, with the kinds of place as one (`At Weston-super-Mare:` / `At Trent
/// Bridge:`, a town and a ground, are two places in one slot).
fn place_or(kind: &str) -> &str {
    match kind {
        "GPE" | "LOC" | "FAC" => "place",
        other => other,
    }
}

/// Stems of the words of a claim's names: its capitalised words and its entity mentions
/// (whose first word may open the sentence).
fn name_words(v: &ClaimView) -> impl Iterator<Item = String> + '_ {
    (v.names.iter().map(|n| stem(n))).chain(v.entities.values().flat_map(|s| words(s)))
}

/// The words of a name as a claim's sequence holds them: a hyphened name is several
/// (`Weston-super-Mare`).
fn words(shown: &str) -> impl Iterator<Item = String> + '_ {
    (shown.split(|c: char| c.is_whitespace() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| stem(&w.to_lowercase()))
}

/// When each claim names people and they name none in common, nor anything else: the
/// names of each side, shown. One deed said of two people (`Hill (14-7) allowed 10 hits` /
/// `Joey Hamilton allowed two hits over seven innings`, two pitchers of two games) is two
/// propositions, whatever the parse made of their doers; one person named two ways shares
/// an entity, and a description (`the president`) names nobody. Not when either holds a
/// personal pronoun that may stand for the other's person (`Trump was not a target of
/// that probe` / `he is not the target of … the investigation into Michael Cohen`): one
/// after a person its own claim names stands for that one (`Frank Thomas hit his 29th
/// homer`), and leaves the rule be.
pub fn rival_people(a: &ClaimView, b: &ClaimView, lex: &AlignLexicon) -> Option<String> {
    let people = |v: &ClaimView| {
        (v.entities.iter())
            .filter(|(k, _)| k.starts_with("PERSON:"))
            .map(|(_, name)| name.clone())
            .collect::<Vec<String>>()
    };
    if open_pronoun(a, &people(a), lex) || open_pronoun(b, &people(b), lex) {
        return None;
    }
    let (pa, pb) = (people(a), people(b));
    let shares = a.entities.keys().any(|k| b.entities.contains_key(k));
    (!pa.is_empty() && !pb.is_empty() && !shares)
        .then(|| format!("{} / {}", pa.join(", "), pb.join(", ")))
}

/// Whether `v` holds a personal pronoun before any word of the people it names (`people`,
/// as shown): one that may stand for someone outside the claim.
fn open_pronoun(v: &ClaimView, people: &[String], lex: &AlignLexicon) -> bool {
    let personal: Vec<String> = (lex.told_apart.personal.iter()).map(|w| stem(w)).collect();
    let name_words: Vec<String> = people.iter().flat_map(|p| words(p)).collect();
    let first_person = (v.sequence.iter()).position(|s| name_words.contains(s));
    (v.sequence.iter().enumerate())
        .any(|(i, s)| personal.contains(s) && first_person.is_none_or(|p| p > i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::build::text_views;
    use crate::lang::Language;

    #[test]
    fn one_template_with_two_names_in_its_slot_is_told_apart() {
        let lang = Language::english();
        let lex = &lang.align;
        let v = text_views(
            &[
                "These are the leading stories in the Beirut press on Thursday",
                "These are the leading stories in the Sarajevo press on Thursday",
                "The president was not immediately available for comment",
                "Mr. Trump was not immediately available for comment",
                "Trump was not immediately available for comment",
                "the servers of the Wendy Wasserman Schultz campaign",
                "the servers of the Debbie Wasserman Schultz campaign",
                "the trial, during which Waagner represented himself",
                "the trial, during which the Venango County man represented himself",
                "At Weston-super-Mare: Match abandoned as a draw - rain",
                "At Trent Bridge: Match abandoned as a draw - rain",
            ],
            lang,
        );
        assert!(rival_slot(&v[0], &v[1], lex).is_some());
        // A description against a name may be one participant.
        assert_eq!(rival_slot(&v[2], &v[3], lex), None);
        // One name spelt shorter: nothing in the slot of one side.
        assert_eq!(rival_slot(&v[3], &v[4], lex), None);
        // Two spellings of one name: the slot is part of the name beside it.
        assert_eq!(rival_slot(&v[5], &v[6], lex), None);
        // A name against a description holding a name: the slot is not names only.
        assert_eq!(rival_slot(&v[7], &v[8], lex), None);
        // A town and a ground: two places.
        assert!(rival_slot(&v[9], &v[10], lex).is_some());
    }

    #[test]
    fn a_pronoun_after_a_person_of_its_own_claim_stands_for_that_one() {
        let lang = Language::english();
        let lex = &lang.align;
        let v = text_views(
            &[
                "Mark Ellis allowed two runs over seven innings and Tom Reyes hit his 20th homer",
                "Joe Barker allowed two runs over seven innings",
                "He allowed two runs over seven innings and Tom Reyes hit his 20th homer",
            ],
            lang,
        );
        assert!(rival_people(&v[0], &v[1], lex).is_some());
        // A pronoun before any person named may be the other claim's person.
        assert_eq!(rival_people(&v[2], &v[1], lex), None);
    }
}
