//! The tagger: collects candidates from every source over one document's tokens, keeps the
//! best non-overlapping ones, then lets single-word mentions of people named in full earlier
//! join in. Reads only the text stage's tokens, sentences and boilerplate.

use crate::calendar::Date;
use crate::lang::Language;
use crate::text::index::Idx;
use crate::text::tokens::Token;
use crate::text::TextLayer;

use super::candidate::{priority, select, Candidate, Source};
use super::features::{Features, Shape};
use super::gazetteer::Match;
use super::label::Label;
use super::lexicon::{class, Lexicon};
use super::name_model::NameModel;
use super::one_bearer;
use super::spellings::SpellingKeys;
use super::values::{self, Normalised};

/// One entity mention: `text[start..end]` in bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mention {
    /// First byte.
    pub start: u32,
    /// Byte after the last.
    pub end: u32,
    /// What it is.
    pub label: Label,
    /// Which rule or list found it.
    pub source: Source,
    /// The lexicon entry it matched, if any.
    pub entry: Option<Idx>,
    /// A place named with the administrative unit after it (`the Kherson region`, `the
    /// Beryslav district`): it names that unit, not the city.
    pub area: Option<Area>,
    /// A figure's value, unit and bounds, or a date's calendar value.
    pub normalised: Option<Normalised>,
}

/// An administrative unit named after a place.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Area {
    /// `the Kherson region`, `oblast`, `province`.
    Region,
    /// `the Beryslav district`, `raion`.
    District,
}

impl Area {
    /// `region` or `district`.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Region => "region",
            Area::District => "district",
        }
    }
}

fn area_after(f: &Features, end: usize, label: Label) -> Option<Area> {
    if label != Label::Gpe || end >= f.len() {
        return None;
    }
    let area = |k: usize, plural_only: bool| -> Option<Area> {
        if k >= f.len() || f.tokens[k].shape != Shape::Lower {
            return None;
        }
        match f.folded(k) {
            "regions" | "oblasts" | "provinces" => Some(Area::Region),
            "districts" => Some(Area::District),
            "region" | "regional" | "oblast" | "province" if !plural_only => Some(Area::Region),
            "district" | "raion" if !plural_only => Some(Area::District),
            _ => None,
        }
    };
    // `the Zaporizhzhia and Kherson regions`: both are regions.
    if matches!(f.folded(end), "and" | ",")
        && f.tokens
            .get(end + 1)
            .is_some_and(|t| t.shape == Shape::Capitalised)
    {
        let mut k = end + 1;
        while k < f.len() && f.tokens[k].shape == Shape::Capitalised {
            k += 1;
        }
        return area(k, true);
    }
    area(end, false)
}

/// The mentions of one document, in text order, with the language's name model (if it has
/// one). `lexicon` holds the names (the language's and the user's), `language` the number and
/// calendar words. `doc_date` anchors relative dates (`on Monday`); without it they are found
/// but left unresolved.
pub fn tag(
    text: &str,
    layer: &TextLayer,
    lexicon: &Lexicon,
    language: &Language,
    doc_date: Option<Date>,
) -> Vec<Mention> {
    let names = language.name_model();
    tag_with(text, layer, lexicon, language, names, doc_date)
}

/// As `tag`, with another name model, or none (the rules alone).
pub(crate) fn tag_with(
    text: &str,
    layer: &TextLayer,
    lexicon: &Lexicon,
    language: &Language,
    names: Option<&NameModel>,
    doc_date: Option<Date>,
) -> Vec<Mention> {
    let f = Features::new(
        text,
        &layer.tokens,
        &layer.sentences,
        &layer.boilerplate,
        lexicon,
    );
    let matches = lexicon.gazetteer.find_all(&f);
    let mut candidates = rule_candidates(&f, lexicon, language, &matches, &layer.tokens, doc_date);
    if let Some(model) = names {
        let found = model.candidates(&f, lexicon, &matches, &candidates);
        candidates.extend(found);
    }
    let mut chosen = select(candidates, f.len());
    one_bearer::lone_words_follow_people(&f, &mut chosen);
    add_surnames(&f, &mut chosen);
    chosen
        .into_iter()
        .filter(|c| !(c.first..c.end).any(|k| f.tokens[k].boilerplate))
        .map(|c| Mention {
            start: f.tokens[c.first].start,
            end: f.tokens[c.end - 1].end,
            label: c.label,
            source: c.source,
            entry: c.entry.map(Idx::new),
            area: area_after(&f, c.end, c.label),
            normalised: c.normalised,
        })
        .collect()
}

/// Every candidate but the name model's: lexicon names (`matches`), the user's patterns, the
/// name rules, figures and dates. The model reads them as evidence too.
pub(crate) fn rule_candidates(
    f: &Features,
    lexicon: &Lexicon,
    language: &Language,
    matches: &[Match],
    tokens: &[Token],
    doc_date: Option<Date>,
) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    let mut known: Vec<Option<u32>> = vec![None; f.len()];
    for (n, m) in matches.iter().enumerate() {
        let entry = &lexicon.entries[m.entry as usize];
        known[m.first..m.end]
            .iter_mut()
            .for_each(|k| *k = Some(n as u32));
        let (source, p) = if entry.user {
            (Source::User, priority::USER)
        } else {
            (Source::Lexicon, priority::LEXICON)
        };
        let (mut label, mut entry_id) = (entry.label, m.entry);
        // `the Dnipro`: a city takes no article, its river does.
        if label == Label::Gpe
            && m.end == m.first + 1
            && m.first > 0
            && f.text_of(m.first - 1) == "the"
        {
            if let Some(&river) = lexicon.rivers.get(f.folded(m.first)) {
                (label, entry_id) = (Label::Loc, river);
            }
        }
        // `Russian-speaking` names a language, not a group.
        if label == Label::Norp && f.is(m.end, "-") && f.folded(m.end + 1) == "speaking" {
            continue;
        }
        candidates.push(Candidate {
            entry: Some(entry_id),
            ..Candidate::new(m.first, m.end, label, source, p)
        });
    }
    regex_candidates(f, lexicon, &mut candidates);
    super::names::candidates(f, &known, &mut candidates);
    values::candidates(f, tokens, doc_date, language, &mut candidates);
    candidates
}

/// The user's regular expressions over the text: each match that starts and ends at token
/// edges, clear of boilerplate, is a candidate that wins like the user's names.
fn regex_candidates(f: &Features, lexicon: &Lexicon, out: &mut Vec<Candidate>) {
    for (entry, regex) in lexicon.regexes() {
        for (start, end) in regex.find_iter(f.text) {
            let first = f.tokens.binary_search_by_key(&(start as u32), |t| t.start);
            let last = f.tokens.binary_search_by_key(&(end as u32), |t| t.end);
            let (Ok(first), Ok(last)) = (first, last) else {
                continue;
            };
            if first > last || f.tokens[first..=last].iter().any(|t| t.boilerplate) {
                continue;
            }
            let label = lexicon.entries[entry as usize].label;
            out.push(Candidate {
                entry: Some(entry),
                ..Candidate::new(first, last + 1, label, Source::User, priority::USER)
            });
        }
    }
}

/// `Podolyak said`, `Putin has responded`: a lone capitalised word that spells the last
/// name of a person named in full (or with a title: `President Trump`) in this document is
/// that person.
fn add_surnames(f: &Features, chosen: &mut Vec<Candidate>) {
    // Surnames and lone words keyed by sound together: a word meets only the surnames it
    // may spell.
    let mut words_keys = SpellingKeys::new();
    let mut surnames: Vec<u32> = Vec::new();
    for c in chosen.iter().filter(|c| c.label == Label::Person) {
        let words: Vec<usize> = (c.first..c.end)
            .filter(|&k| {
                f.tokens[k].shape == Shape::Capitalised && f.text_of(k).chars().count() > 2
            })
            .collect();
        if words.len() >= 2 {
            surnames.push(words_keys.insert_word(f.folded(*words.last().unwrap())));
        }
    }
    for word in one_bearer::titled(f, chosen) {
        surnames.push(words_keys.insert_word(word));
    }
    if surnames.is_empty() {
        return;
    }
    let mut taken = vec![false; f.len()];
    for c in chosen.iter() {
        taken[c.first..c.end].iter_mut().for_each(|t| *t = true);
    }
    let mut lone: Vec<(usize, u32)> = Vec::new();
    for (k, t) in f.tokens.iter().enumerate() {
        if taken[k]
            || t.boilerplate
            || t.shape != Shape::Capitalised
            || t.flags & class::NOT_NAME != 0
        {
            continue;
        }
        // Part of a longer capitalised name we left alone: not a lone surname.
        let glued = |j: usize| {
            f.tokens.get(j).is_some_and(|n| {
                n.shape == Shape::Capitalised
                    && n.flags & class::NOT_NAME == 0
                    && !(n.sentence_start && n.flags & class::COMMON != 0)
            })
        };
        if glued(k + 1)
            || (k > 0 && glued(k - 1) && !f.tokens[k].sentence_start && !f.has(k - 1, class::TITLE))
        {
            continue;
        }
        lone.push((k, words_keys.insert_word(f.folded(k))));
    }
    let mut is_surname = vec![false; words_keys.len()];
    for &s in &surnames {
        is_surname[s as usize] = true;
    }
    let near = words_keys.neighbours();
    let spells_surname = |id: u32| {
        is_surname[id as usize] || near[id as usize].iter().any(|&x| is_surname[x as usize])
    };
    let extra: Vec<Candidate> = lone
        .into_iter()
        .filter(|&(_, id)| spells_surname(id))
        .map(|(k, _)| Candidate::new(k, k + 1, Label::Person, Source::Surname, priority::SURNAME))
        .collect();
    if !extra.is_empty() {
        chosen.extend(extra);
        chosen.sort_by_key(|c| c.first);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_mention_is_small() {
        // A corpus holds every mention (about 9 million at 100,000 articles). A figure's
        // unit is an interned pointer and its bounds NaN-for-none `f64`s (`Normalised` 64 -> 40
        // bytes), and its lexicon entry 4 bytes, not 8: `Mention` 88 -> 56.
        assert!(std::mem::size_of::<Normalised>() <= 40);
        assert!(std::mem::size_of::<Mention>() <= 56);
    }

    /// `(text, label)` of every entity the tagger finds in `text`.
    pub fn tagged(text: &str) -> Vec<(String, &'static str)> {
        let layer = TextLayer::analyse(text, 0, Language::english());
        tag(text, &layer, &Lexicon::builtin(), Language::english(), None)
            .into_iter()
            .map(|m| {
                (
                    text[m.start as usize..m.end as usize].to_owned(),
                    m.label.as_str(),
                )
            })
            .collect()
    }

    fn has(text: &str, name: &str, label: &str) {
        let got = tagged(text);
        assert!(
            got.iter().any(|(t, l)| t == name && *l == label),
            "{name:?} {label} not in {got:?}"
        );
    }

    fn lacks(text: &str, name: &str) {
        let got = tagged(text);
        assert!(
            !got.iter().any(|(t, _)| t == name),
            "{name:?} wrongly in {got:?}"
        );
    }

    #[test]
    fn an_instrument_code_is_no_part_of_a_name() {
        for (text, code) in [
            (
                "Sources said cable TV company Comcast Corp. CMCSA.O was looking at VUE.",
                "CMCSA.O",
            ),
            ("Shares of Microsoft Corp. MSFT.O rose 2 percent.", "MSFT.O"),
        ] {
            let got = tagged(text);
            assert!(
                !got.iter().any(|(t, _)| t.contains(code)),
                "{code} in {got:?}"
            );
        }
        // Capitals with a dot that are no code stay names.
        has(
            "The U.S. Army said on Monday it would stay.",
            "U.S. Army",
            "ORG",
        );
    }

    #[test]
    fn titles_type_the_name_after_them() {
        let s = "Ukrainian President Volodymyr Zelensky said on Monday that the Donetsk region remained the epicentre.";
        has(s, "Volodymyr Zelensky", "PERSON");
        has(s, "Ukrainian", "NORP");
        has(s, "Donetsk", "GPE");
        has(
            "It was a blow for Gen. Kyrylo O. Budanov, the head of intelligence.",
            "Kyrylo O. Budanov",
            "PERSON",
        );
        has(
            "Kherson Governor Hanadi Lahota said on social media that forces left.",
            "Hanadi Lahota",
            "PERSON",
        );
        has(
            "The Kherson Governor Hanadi Lahota spoke.",
            "Kherson",
            "GPE",
        );
        has("They were freed, said Mr Yermak.", "Yermak", "PERSON");
        has(
            "“The worst is still ahead,” said Mr. Le Drian, adding more.",
            "Le Drian",
            "PERSON",
        );
        has(
            "said the host, Anton Krasovsky, a director of broadcasting for RT.",
            "Anton Krasovsky",
            "PERSON",
        );
        has(
            "said the host, Anton Krasovsky, a director of broadcasting for RT.",
            "RT",
            "ORG",
        );
        has(
            "the Russian-backed forces of Syrian President Bashar al-Assad.",
            "Bashar al-Assad",
            "PERSON",
        );
        has(
            "French Foreign Minister Jean-Yves Le Drian has compared conditions.",
            "Jean-Yves Le Drian",
            "PERSON",
        );
    }

    #[test]
    fn title_chains_and_middle_initials() {
        let s = "said Russian Deputy Prime Minister Marat Khusnullin on state television.";
        has(s, "Marat Khusnullin", "PERSON");
        lacks(s, "Prime");
        has(
            "Gen. Mark A. Milley, chairman of the Joint Chiefs of Staff, spoke.",
            "Mark A. Milley",
            "PERSON",
        );
        has(
            "Gen. Mark A. Milley, chairman of the Joint Chiefs of Staff, spoke.",
            "Joint Chiefs of Staff",
            "ORG",
        );
        has(
            "Then Ann M Simmons, a reporter, asked.",
            "Ann M Simmons",
            "PERSON",
        );
    }

    #[test]
    fn lexicon_names_win_over_head_rules_and_ordinary_words_keep_their_case() {
        has(
            "equipment taken to the Russian Federation, it said.",
            "Russian Federation",
            "GPE",
        );
        has(
            "the pocket on the West Bank of the river",
            "West Bank",
            "GPE",
        );
        lacks(
            "the pocket on the west bank of the Dnipro River",
            "west bank",
        );
        has(
            "the pocket on the west bank of the Dnipro River",
            "Dnipro River",
            "LOC",
        );
        lacks("It was a white house on a hill.", "white house");
    }

    #[test]
    fn names_of_bodies_and_buildings_keep_their_parts() {
        has(
            "Gen. Valery Gerasimov, the chief of the Russian General Staff, said.",
            "Russian General Staff",
            "ORG",
        );
        has(
            "the bones were removed from a crypt in St. Catherine’s Cathedral.",
            "St. Catherine’s Cathedral",
            "FAC",
        );
        has("Kherson, Ukraine’s Black Sea port", "Black Sea", "LOC");
    }

    #[test]
    fn places_before_region_words_name_the_region() {
        let text = "in the Kherson region and in Kherson itself, the Beryslav district, the Zaporizhzhia and Kherson regions.";
        let layer = TextLayer::analyse(text, 0, Language::english());
        let got = tag(text, &layer, &Lexicon::builtin(), Language::english(), None);
        let areas: Vec<_> = got.iter().map(|m| m.area).collect();
        assert_eq!(
            areas,
            vec![
                Some(Area::Region),
                None,
                Some(Area::District),
                Some(Area::Region),
                Some(Area::Region)
            ]
        );
    }

    #[test]
    fn appositive_roles_make_people() {
        has(
            "However, Natalia Humeniuk, a spokeswoman for the Ukrainian Army, said so.",
            "Natalia Humeniuk",
            "PERSON",
        );
        has(
            "Andrei Malets, a businessman who lives in Kryvyi Rih, said the town was quiet.",
            "Andrei Malets",
            "PERSON",
        );
        has(
            "Andrei Malets, a businessman who lives in Kryvyi Rih, said the town was quiet.",
            "Kryvyi Rih",
            "GPE",
        );
        has(
            "Serhii Khlan, the exiled deputy governor of the Kherson region, said it.",
            "Serhii Khlan",
            "PERSON",
        );
        has(
            "said Christine Lambrecht, Germany's defence minister, at a ceremony.",
            "Christine Lambrecht",
            "PERSON",
        );
        lacks(
            "He went to Kharkiv, a predominantly Russian city.",
            "Kharkiv, a",
        );
        has(
            "He went to Kharkiv, a predominantly Russian city.",
            "Kharkiv",
            "GPE",
        );
    }

    #[test]
    fn head_words_and_place_contexts() {
        has(
            "\"The evacuation,\" said the Ministry of Defence.",
            "Ministry of Defence",
            "ORG",
        );
        has(
            "They met at the Economic Club of New York on Friday.",
            "Economic Club of New York",
            "ORG",
        );
        has(
            "Residents said the Regional Defense Forces had begun.",
            "Regional Defense Forces",
            "ORG",
        );
        has(
            "hits in the Beryslav district of the Kherson region.",
            "Beryslav",
            "GPE",
        );
        has(
            "They arrived in the town of Innerhodar, home to a plant.",
            "Innerhodar",
            "GPE",
        );
        has(
            "children were moved from a facility in Dnipriany in Kherson region.",
            "Dnipriany",
            "GPE",
        );
        has(
            "a series of strikes near the Zolota Balka district on Friday.",
            "Zolota Balka",
            "GPE",
        );
        has(
            "The loot is taken across the Dnieper River to the left bank.",
            "Dnieper River",
            "LOC",
        );
        has(
            "to the coast of the Sea of Azov are at risk",
            "Sea of Azov",
            "LOC",
        );
    }

    #[test]
    fn a_given_names_last_syllable_after_a_hyphen_is_part_of_the_name() {
        has("He met Kim Jong-un on Friday.", "Kim Jong-un", "PERSON");
        // At a sentence's end, without the full stop.
        has(
            "He will meet President Moon Jae-in. Kim said so.",
            "Moon Jae-in",
            "PERSON",
        );
        // A longer piece is a word of its own (`Obama-era`).
        lacks("the Barack Obama-era deal", "Barack Obama-era");
    }

    #[test]
    fn known_names_in_any_case_and_inside_hyphens_and_possessives() {
        has(
            "Meanwhile, kyiv has rejected any negotiations.",
            "kyiv",
            "GPE",
        );
        has("KYIV, Ukraine — The first city fell.", "KYIV", "GPE");
        has(
            "Russian-installed officials blamed sabotage.",
            "Russian",
            "NORP",
        );
        has(
            "said Moscow-imposed deputy governor Kiril Stremoúsov, referring to them.",
            "Moscow",
            "GPE",
        );
        has(
            "said Moscow-imposed deputy governor Kiril Stremoúsov, referring to them.",
            "Kiril Stremoúsov",
            "PERSON",
        );
        has("Ukraine’s military institution said so.", "Ukraine", "GPE");
        has("the US-provided Himars", "US", "GPE");
        has("the US-provided Himars", "Himars", "PRODUCT");
        // An acronym matches only as written: "us" is a pronoun.
        lacks("They told us nothing.", "us");
    }

    #[test]
    fn sentence_initial_words_need_evidence() {
        lacks("Billboards around the city still declare it.", "Billboards");
        lacks(
            "Russian Officials Flee Kherson as Russian Troops Dig In for a Battle",
            "Officials Flee",
        );
        lacks(
            "Russian Officials Flee Kherson as Russian Troops Dig In for a Battle",
            "Troops Dig",
        );
        has(
            "Oleksiy Kuleba, the Kyiv regional governor, said the strike hit.",
            "Oleksiy Kuleba",
            "PERSON",
        );
        has(
            "Stremousov promised a one-time payment of 100,000 rubles.",
            "Stremousov",
            "PERSON",
        );
    }

    #[test]
    fn later_surnames_join_the_full_name() {
        let s = "Ukrainian presidential adviser Mykhailo Podolyak said no. \"Ukraine has never refused to negotiate,\" Podolyak said. Putin has responded to Vladimir Putin.";
        let got = tagged(s);
        assert_eq!(
            got.iter()
                .filter(|(t, l)| t == "Podolyak" && *l == "PERSON")
                .count(),
            1,
            "{got:?}"
        );
        has(s, "Putin", "PERSON");
        has(
            "He spoke to Vladimir Putin. \"Is Putin ready? Obviously not.\"",
            "Putin",
            "PERSON",
        );
    }

    #[test]
    fn rivers_languages_and_mixed_case_acronyms() {
        has(
            "its only foothold on the Dnipro's west bank",
            "Dnipro",
            "LOC",
        );
        has("a flight from Dnipro to Lviv", "Dnipro", "GPE");
        lacks("a largely Russian-speaking city", "Russian");
        has("Nato allies meeting in Brussels", "Nato", "ORG");
        has("NATO allies meeting in Brussels", "NATO", "ORG");
        has(
            "Even the bones of Empress Catherine the Great’s friend",
            "Catherine the Great",
            "PERSON",
        );
    }

    #[test]
    fn user_entries_and_token_patterns_win() {
        use crate::entities::user::user_entry;
        let lex = Lexicon::builtin().with_user_entries(vec![
            user_entry("Rapid Support Forces", "ORG", &["RSF".into()], "test", 1).unwrap(),
            user_entry("El Fasher", "GPE", &[], "test", 2).unwrap(),
            user_entry("{CAP} Brigade", "ORG", &[], "test", 3).unwrap(),
        ]);
        let text = "The RSF took El Fasher, and the Azov Brigade and Tigers Brigade moved.";
        let layer = TextLayer::analyse(text, 0, Language::english());
        let got: Vec<(&str, &str, &str)> = tag(text, &layer, &lex, Language::english(), None)
            .into_iter()
            .map(|m| {
                (
                    &text[m.start as usize..m.end as usize],
                    m.label.as_str(),
                    m.source.as_str(),
                )
            })
            .collect();
        for want in [
            ("RSF", "ORG", "user"),
            ("El Fasher", "GPE", "user"),
            ("Azov Brigade", "ORG", "user"),
            ("Tigers Brigade", "ORG", "user"),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
    }

    #[test]
    fn user_regexes_match_whole_tokens_only() {
        use crate::entities::user::user_regex;
        let plant = "Zaporizhzhia Nuclear Power Plant";
        let lex = Lexicon::builtin().with_user_entries(vec![
            user_regex(r"\d+(st|nd|rd|th) (Brigade|Battalion)", "ORG", "", "t", 1).unwrap(),
            user_regex(r"(?i)\bzap(orizhzhia)? nuclear plant", "FAC", plant, "t", 2).unwrap(),
            user_regex("RS", "ORG", "", "t", 3).unwrap(),
        ]);
        let text =
            "The 93rd Brigade and the 10th Battalion guard the ZAP nuclear plant near RSF lines.";
        let layer = TextLayer::analyse(text, 0, Language::english());
        let got: Vec<(&str, &str, &str)> = tag(text, &layer, &lex, Language::english(), None)
            .into_iter()
            .map(|m| {
                let entry = m
                    .entry
                    .map(|e| lex.entries[e.get() as usize].canonical.as_str());
                (
                    &text[m.start as usize..m.end as usize],
                    m.label.as_str(),
                    entry.unwrap_or(""),
                )
            })
            .collect();
        for want in [
            (
                "93rd Brigade",
                "ORG",
                r"\d+(st|nd|rd|th) (Brigade|Battalion)",
            ),
            (
                "10th Battalion",
                "ORG",
                r"\d+(st|nd|rd|th) (Brigade|Battalion)",
            ),
            ("ZAP nuclear plant", "FAC", plant),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // `RS` inside the token `RSF` is no match.
        assert!(!got.iter().any(|g| g.0 == "RS"), "{got:?}");
    }

    /// `(text, label, normalised)` of the figures and dates in `text`, dated `doc_date`.
    fn values_in(
        text: &str,
        doc_date: Option<&str>,
    ) -> Vec<(String, &'static str, Option<Normalised>)> {
        let body = crate::text::metadata::parse(text).body_start;
        let layer = TextLayer::analyse(text, body, Language::english());
        tag(
            text,
            &layer,
            &Lexicon::builtin(),
            Language::english(),
            doc_date.and_then(Date::parse_iso),
        )
        .into_iter()
        .filter(|m| m.normalised.is_some())
        .map(|m| {
            (
                text[m.start as usize..m.end as usize].to_owned(),
                m.label.as_str(),
                m.normalised,
            )
        })
        .collect()
    }

    fn figure(
        got: &[(String, &str, Option<Normalised>)],
        span: &str,
    ) -> (f64, Option<&'static str>, Option<f64>, Option<f64>, bool) {
        match got.iter().find(|g| g.0 == span).and_then(|g| g.2) {
            Some(Normalised::Figure {
                value,
                unit,
                lower,
                upper,
                approximate,
            }) => (
                value,
                unit.map(|u| u.as_str()),
                lower.get(),
                upper.get(),
                approximate,
            ),
            other => panic!("{span:?}: {other:?} in {got:?}"),
        }
    }

    #[test]
    fn figures_carry_value_unit_and_bounds() {
        let got = values_in("The front moved 1.5 km. Nearly 300,000 people paid 100,000 rubles, about 1,600 euros, or 15 per cent.", None);
        assert_eq!(figure(&got, "1.5 km"), (1.5, Some("km"), None, None, false));
        assert_eq!(
            figure(&got, "Nearly 300,000"),
            (300_000.0, None, None, Some(300_000.0), true)
        );
        assert_eq!(
            figure(&got, "100,000 rubles"),
            (100_000.0, Some("RUB"), None, None, false)
        );
        assert_eq!(
            figure(&got, "about 1,600 euros"),
            (1600.0, Some("EUR"), None, None, true)
        );
        assert_eq!(
            figure(&got, "15 per cent"),
            (15.0, Some("%"), None, None, false)
        );
        let labels: Vec<&str> = got.iter().map(|g| g.1).collect();
        assert_eq!(
            labels,
            ["QUANTITY", "CARDINAL", "MONEY", "MONEY", "PERCENT"]
        );
        let km = values_in("It is 1.5 kilometers wide.", None);
        assert_eq!(figure(&km, "1.5 kilometers"), figure(&got, "1.5 km"));
    }

    #[test]
    fn relative_dates_resolve_only_against_a_document_date() {
        let text = "Zelensky said on Monday that the past 48 hours were hard; Kyiv fell in 2014.";
        let dated = values_in(text, Some("2022-11-08"));
        let iso = |got: &[(String, &str, Option<Normalised>)], span: &str| {
            got.iter()
                .find(|g| g.0 == span)
                .unwrap_or_else(|| panic!("{span} not in {got:?}"))
                .2
                .and_then(|n| n.iso())
        };
        assert_eq!(iso(&dated, "Monday").as_deref(), Some("2022-11-07"));
        assert_eq!(
            iso(&dated, "past 48 hours").as_deref(),
            Some("2022-11-06/2022-11-08")
        );
        assert_eq!(iso(&dated, "2014").as_deref(), Some("2014"));
        let undated = values_in(text, None);
        assert_eq!(iso(&undated, "Monday"), None);
        assert_eq!(
            iso(&undated, "2014").as_deref(),
            Some("2014"),
            "absolute dates need no document date"
        );
        assert!(matches!(
            dated[0].2,
            Some(Normalised::Date { relative: true, .. })
        ));
    }

    #[test]
    fn the_metadata_header_holds_no_figures_or_dates() {
        let got = values_in(
            " date 2022-11-08 source Reuters 12 km\nOn Monday 30 people left.",
            Some("2022-11-08"),
        );
        let spans: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(spans, ["Monday", "30"]);
    }

    #[test]
    fn ordinals_after_a_determiner_not_adverbs() {
        let got = tagged("Kherson was the first city to fall, the country’s second port and its 155th brigade. Russia should first withdraw, as first reported, in the first days.");
        let ordinals: Vec<&str> = got
            .iter()
            .filter(|g| g.1 == "ORDINAL")
            .map(|g| g.0.as_str())
            .collect();
        assert_eq!(ordinals, ["first", "second", "155th"]);
        assert!(got.contains(&("first days".into(), "DATE")), "{got:?}");
    }

    #[test]
    fn dates_beat_guessed_names() {
        // A weekday or month capitalised at a sentence start is a date, not a guessed name.
        let got = tagged("Monday was quiet. November brought rain to Kherson.");
        assert!(got.contains(&("Monday".into(), "DATE")), "{got:?}");
        assert!(got.contains(&("November".into(), "DATE")), "{got:?}");
        assert!(got.contains(&("Kherson".into(), "GPE")), "{got:?}");
    }

    #[test]
    fn nothing_overlaps_and_nothing_in_boilerplate() {
        let text =
            " date 2022-11-08 Kyiv Moscow\nKyiv said Russian-installed officials left Kherson.";
        let body = crate::text::metadata::parse(text).body_start;
        let layer = TextLayer::analyse(text, body, Language::english());
        let got = tag(text, &layer, &Lexicon::builtin(), Language::english(), None);
        assert!(!got.is_empty());
        for w in got.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        for m in &got {
            for b in &layer.boilerplate {
                assert!(m.end <= b.start || m.start >= b.end, "{m:?} in {b:?}");
            }
        }
    }
}
