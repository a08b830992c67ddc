//! Cross-document ids: one stable id per real-world entity, shared by all its mentions in
//! the corpus. Lexicon names resolve through their entry (so exonyms and aliases meet:
//! `Kiev` / `Kyiv`); people's full names merge when first and last names are spellings of
//! each other (`Volodímir Zelenski` / `Volodymyr Zelensky`), titles and middle initials
//! aside; a lone surname joins the one full name that has it in its document, else in the
//! corpus. The result depends only on the mentions, never on thread count or on the order
//! in which equal candidates were met.
//!
//! Dates and times resolved to a calendar value get that value as their id
//! (`DATE:2022-11-07`), so `on Monday` in one article and `November 7` in another meet.
//! Figures, and dates left unresolved, have no id: a number is a value, not an entity.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::text::tokens::TokenKind;

use super::label::Label;
use super::lexicon::{class, Lexicon};
use super::normalize::{fold, same_name_word, slug, sound_key};
use super::tagger::{Area, Mention};
use super::values::Normalised;

/// One entity of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRecord {
    /// `LABEL:slug`, e.g. `GPE:kyiv`, `PERSON:vladimir_putin`.
    pub id: String,
    /// The canonical name: the lexicon's, else the fullest, most frequent spelling seen.
    pub name: String,
    /// The entity's label.
    pub label: Label,
    /// Every distinct spelling seen, sorted.
    pub aliases: Vec<String>,
    /// Indices of the documents that mention it, sorted.
    pub docs: Vec<u32>,
    /// How many mentions it has in the corpus.
    pub mentions: u32,
}

/// The entities of a corpus and the entity of each mention.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Sorted by id.
    pub entities: Vec<EntityRecord>,
    /// For each document, for each of its mentions, the index of its entity (None for
    /// figures and unresolved dates).
    pub of_mention: Vec<Vec<Option<u32>>>,
}

/// How a mention's identity is keyed before clustering.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Lexicon(u32),
    /// A person's full name: first and last name words, folded.
    FullName(String, String),
    /// A person's single name word, folded.
    Surname(String),
    /// Anything else: label and the sound keys of its words.
    Other(Label, String),
    /// A region or district named after a place: the place's folded canonical name.
    Area(Area, String),
    /// A date or time with a calendar value: its label and ISO value.
    Calendar(Label, String),
}

/// The name words of a mention: folded, titles, possessives and (for people) initials
/// dropped, exonyms spelled the lexicon's way.
fn name_words(text: &str, label: Label, lexicon: &Lexicon) -> Vec<String> {
    let mut words = Vec::new();
    for t in lexicon.tokenize(text) {
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        let w = fold(&text[t.start as usize..t.end as usize]);
        let bare = w.trim_end_matches('.');
        if matches!(bare, "'s" | "s" | "'") || bare.is_empty() {
            continue;
        }
        if label == Label::Person
            && (bare.chars().count() == 1
                || lexicon.classes_of(&w) & class::TITLE != 0 && words.is_empty())
        {
            continue;
        }
        words.push(lexicon.canonical_word(bare).to_owned());
    }
    if words.is_empty() {
        words.push(fold(text));
    }
    words
}

fn key_of(text: &str, m: &Mention, lexicon: &Lexicon) -> Option<Key> {
    match m.normalised {
        Some(Normalised::Figure { .. }) => None,
        Some(n @ Normalised::Date { .. }) => n.iso().map(|iso| Key::Calendar(m.label, iso)),
        None => Some(name_key(text, m, lexicon)),
    }
}

fn name_key(text: &str, m: &Mention, lexicon: &Lexicon) -> Key {
    if let Some(area) = m.area {
        // `the Kherson region` is the oblast, one entity however the city is spelled.
        let place = match m.entry {
            Some(e) if !lexicon.entries[e as usize].is_pattern() => {
                fold(&lexicon.entries[e as usize].canonical)
            }
            _ => name_words(text, m.label, lexicon).join(" "),
        };
        return Key::Area(area, place);
    }
    if let Some(e) = m.entry {
        if !lexicon.entries[e as usize].is_pattern() {
            let entry = &lexicon.entries[e as usize];
            if entry.label != Label::Person {
                return Key::Lexicon(e);
            }
            let words = name_words(&entry.canonical, Label::Person, lexicon);
            return person_key(words, lexicon);
        }
    }
    let words = name_words(text, m.label, lexicon);
    if m.label == Label::Person {
        return person_key(words, lexicon);
    }
    let sound: Vec<String> = words.iter().map(|w| sound_key(w)).collect();
    Key::Other(m.label, sound.join(" "))
}

fn person_key(mut words: Vec<String>, lexicon: &Lexicon) -> Key {
    // "Le Drian", "al-Assad": a particle opens a surname, not a first name.
    if words.len() >= 2 && lexicon.classes_of(&words[0]) & class::PARTICLE == 0 {
        let last = words.pop().unwrap();
        Key::FullName(words.swap_remove(0), last)
    } else {
        Key::Surname(words.pop().unwrap_or_default())
    }
}

/// Union-find over cluster indices.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        // The smaller index is the root, whatever order unions come in.
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.0[hi] = lo;
    }
}

/// Resolves the mentions of every document (`(text, mentions)`) to cross-document entities.
pub fn resolve(docs: &[(&str, &[Mention])], lexicon: &Lexicon) -> Resolution {
    // 1. Key every mention; distinct keys, sorted, are the first clusters.
    let keys: Vec<Vec<Option<Key>>> = docs
        .iter()
        .map(|(text, ms)| {
            ms.iter()
                .map(|m| key_of(&text[m.start as usize..m.end as usize], m, lexicon))
                .collect()
        })
        .collect();
    let distinct: Vec<Key> = keys
        .iter()
        .flatten()
        .flatten()
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let index: HashMap<&Key, usize> = distinct.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let mut sets = Sets((0..distinct.len()).collect());

    // 2. Full names that are spellings of one another: same-sounding last and first names.
    let full: Vec<(usize, &str, &str)> = distinct
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            Key::FullName(first, last) => Some((i, first.as_str(), last.as_str())),
            _ => None,
        })
        .collect();
    for (x, &(i, f1, l1)) in full.iter().enumerate() {
        for &(j, f2, l2) in &full[x + 1..] {
            if same_name_word(l1, l2) && same_name_word(f1, f2) {
                sets.union(i, j);
            }
        }
    }

    // 3. Lone surnames: the one full-name person with that last name in the same document,
    //    else in the corpus; otherwise they stay on their own.
    let full_in_doc: Vec<BTreeSet<usize>> = keys
        .iter()
        .map(|ks| {
            ks.iter()
                .flatten()
                .filter(|k| matches!(k, Key::FullName(..)))
                .map(|k| index[k])
                .collect()
        })
        .collect();
    let all_full: BTreeSet<usize> = full.iter().map(|&(i, _, _)| i).collect();
    let mut surname_target: HashMap<(usize, usize), usize> = HashMap::new();
    for (d, ks) in keys.iter().enumerate() {
        for k in ks.iter().flatten() {
            let Key::Surname(s) = k else { continue };
            let ki = index[k];
            if surname_target.contains_key(&(d, ki)) {
                continue;
            }
            let mut owners = |pool: &BTreeSet<usize>| -> BTreeSet<usize> {
                pool.iter()
                    .filter(
                        |&&i| matches!(&distinct[i], Key::FullName(_, l) if same_name_word(l, s)),
                    )
                    .map(|&i| sets.find(i))
                    .collect()
            };
            let local = owners(&full_in_doc[d]);
            let chosen = if local.len() == 1 {
                local.into_iter().next()
            } else if local.is_empty() {
                let global = owners(&all_full);
                if global.len() == 1 {
                    global.into_iter().next()
                } else {
                    None
                }
            } else {
                None
            };
            surname_target.insert((d, ki), chosen.unwrap_or(ki));
        }
    }

    // 4. Clusters → records.
    let cluster_of = |sets: &mut Sets, d: usize, k: &Key| -> usize {
        let ki = index[k];
        match k {
            Key::Surname(_) => sets.find(surname_target[&(d, ki)]),
            _ => sets.find(ki),
        }
    };
    struct Acc {
        label: Label,
        spellings: BTreeMap<String, u32>,
        docs: BTreeSet<u32>,
        mentions: u32,
        entry: Option<u32>,
        area: Option<Area>,
        /// A date's ISO value, which is its name and id.
        calendar: Option<String>,
    }
    let mut accs: BTreeMap<usize, Acc> = BTreeMap::new();
    let mut raw_of: Vec<Vec<Option<usize>>> = Vec::with_capacity(docs.len());
    for (d, ((text, ms), ks)) in docs.iter().zip(&keys).enumerate() {
        let mut row = Vec::with_capacity(ms.len());
        for (m, k) in ms.iter().zip(ks) {
            let Some(k) = k else {
                row.push(None);
                continue;
            };
            let c = cluster_of(&mut sets, d, k);
            let acc = accs.entry(c).or_insert_with(|| Acc {
                label: m.label,
                spellings: BTreeMap::new(),
                docs: BTreeSet::new(),
                mentions: 0,
                entry: None,
                area: m.area,
                calendar: match k {
                    Key::Calendar(_, iso) => Some(iso.clone()),
                    _ => None,
                },
            });
            *acc.spellings
                .entry(text[m.start as usize..m.end as usize].to_owned())
                .or_default() += 1;
            acc.docs.insert(d as u32);
            acc.mentions += 1;
            if let Some(e) = m.entry {
                if !lexicon.entries[e as usize].is_pattern() {
                    acc.entry = Some(acc.entry.map_or(e, |x| x.min(e)));
                }
            }
            row.push(Some(c));
        }
        raw_of.push(row);
    }

    let mut records: Vec<(usize, EntityRecord)> = accs
        .into_iter()
        .map(|(c, acc)| {
            if let Some(iso) = acc.calendar {
                let record = EntityRecord {
                    id: format!("{}:{iso}", acc.label.as_str()),
                    name: iso,
                    label: acc.label,
                    aliases: acc.spellings.into_keys().collect(),
                    docs: acc.docs.into_iter().collect(),
                    mentions: acc.mentions,
                };
                return (c, record);
            }
            let mut name = match acc.entry {
                Some(e) => lexicon.entries[e as usize].canonical.clone(),
                None => best_spelling(&acc.spellings, acc.label, lexicon),
            };
            if let Some(area) = acc.area {
                name = format!("{name} {}", area.as_str());
            }
            let words = name_words(&name, acc.label, lexicon);
            let id = format!("{}:{}", acc.label.as_str(), slug(&words.join(" ")));
            let record = EntityRecord {
                id,
                name,
                label: acc.label,
                aliases: acc.spellings.into_keys().collect(),
                docs: acc.docs.into_iter().collect(),
                mentions: acc.mentions,
            };
            (c, record)
        })
        .collect();
    // Distinct entities that would share an id (two people both called "Kuleba" alone)
    // get `~2`, `~3`, … in the order of their first spellings.
    records.sort_by(|a, b| (&a.1.id, &a.1.aliases).cmp(&(&b.1.id, &b.1.aliases)));
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (_, r) in records.iter_mut() {
        let n = seen.entry(r.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            r.id = format!("{}~{}", r.id, n);
        }
    }
    records.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    let position: HashMap<usize, u32> = records
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (*c, i as u32))
        .collect();
    Resolution {
        of_mention: raw_of
            .into_iter()
            .map(|row| row.into_iter().map(|c| c.map(|c| position[&c])).collect())
            .collect(),
        entities: records.into_iter().map(|(_, r)| r).collect(),
    }
}

/// The fullest spelling (most name words, initials aside), then the most frequent, then the
/// first in sorted order.
fn best_spelling(spellings: &BTreeMap<String, u32>, label: Label, lexicon: &Lexicon) -> String {
    spellings
        .iter()
        .max_by(|a, b| {
            let wa = name_words(a.0, label, lexicon).len();
            let wb = name_words(b.0, label, lexicon).len();
            wa.cmp(&wb).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
        })
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::candidate::Source;

    /// Resolves hand-made mentions: each document is a list of `(text, label)`; the text of
    /// a document is the mentions joined by spaces.
    fn ids(docs: &[&[(&str, Label)]]) -> Vec<Vec<String>> {
        let lex = Lexicon::builtin();
        let built: Vec<(String, Vec<Mention>)> = docs
            .iter()
            .map(|ms| {
                let mut text = String::new();
                let mut out = Vec::new();
                for (t, label) in ms.iter() {
                    let start = text.len() as u32;
                    text.push_str(t);
                    let entry = lex
                        .entries
                        .iter()
                        .position(|e| e.forms.iter().any(|f| f == t) && e.label == *label)
                        .map(|e| e as u32);
                    out.push(Mention {
                        start,
                        end: text.len() as u32,
                        label: *label,
                        source: Source::Context,
                        entry,
                        area: None,
                        normalised: None,
                    });
                    text.push(' ');
                }
                (text, out)
            })
            .collect();
        let refs: Vec<(&str, &[Mention])> = built
            .iter()
            .map(|(t, m)| (t.as_str(), m.as_slice()))
            .collect();
        let r = resolve(&refs, &lex);
        r.of_mention
            .iter()
            .map(|row| {
                row.iter()
                    .map(|&i| r.entities[i.unwrap() as usize].id.clone())
                    .collect()
            })
            .collect()
    }

    use Label::{Gpe, Loc, Person};

    #[test]
    fn short_forms_and_initials_join_the_full_name() {
        let got = ids(&[
            &[
                ("Vladimir V. Putin", Person),
                ("Putin", Person),
                ("Mr. Putin", Person),
            ],
            &[("Vladimir Putin", Person)],
        ]);
        assert!(
            got.iter().flatten().all(|id| id == "PERSON:vladimir_putin"),
            "{got:?}"
        );
    }

    #[test]
    fn regions_are_their_own_entities() {
        let lex = Lexicon::builtin();
        let text = "the Kherson region, Kherson, the Kherson regions";
        let layer = crate::text::TextLayer::analyse(text, 0, crate::lang::Language::english());
        let ms = crate::entities::tagger::tag(
            text,
            &layer,
            &lex,
            crate::lang::Language::english(),
            None,
        );
        let r = resolve(&[(text, ms.as_slice())], &lex);
        let got: Vec<&str> = r.of_mention[0]
            .iter()
            .map(|&i| r.entities[i.unwrap() as usize].id.as_str())
            .collect();
        assert_eq!(
            got,
            vec!["GPE:kherson_region", "GPE:kherson", "GPE:kherson_region"]
        );
    }

    #[test]
    fn particles_open_surnames() {
        let got = ids(&[&[
            ("Jean-Yves Le Drian", Person),
            ("Le Drian", Person),
            ("Bashar al-Assad", Person),
        ]]);
        assert_eq!(got[0][0], got[0][1]);
        assert_eq!(got[0][0], "PERSON:jean_yves_le_drian");
        assert_eq!(got[0][2], "PERSON:bashar_al_assad");
    }

    #[test]
    fn spelling_variants_merge() {
        for (a, b) in [
            ("Volodymyr Zelensky", "Volodímir Zelenski"),
            ("Mykhailo Podolyak", "Mikhailo Podolyak"),
            ("Mykhailo Podolyak", "Mykhailo Podalyak"),
            ("Kiril Stremoúsov", "Kirill Stremousov"),
            ("Andrei Malets", "Andrei Mallets"),
        ] {
            let got = ids(&[&[(a, Person)], &[(b, Person)]]);
            assert_eq!(got[0][0], got[1][0], "{a} / {b}");
        }
        let got = ids(&[
            &[("Volodymyr Zelensky", Person), ("Zelenski", Person)],
            &[("Zelensky", Person)],
        ]);
        assert!(
            got.iter()
                .flatten()
                .all(|id| id == "PERSON:volodymyr_zelensky"),
            "{got:?}"
        );
        let got = ids(&[&[("Andrei Malets", Person), ("Mallets", Person)]]);
        assert_eq!(got[0][0], got[0][1]);
    }

    #[test]
    fn exonyms_meet_through_the_lexicon() {
        for (a, b, label) in [
            ("Kiev", "Kyiv", Gpe),
            ("Odessa", "Odesa", Gpe),
            ("kyiv", "KYIV", Gpe),
            ("Dnieper River", "Dnipro River", Loc),
            ("Zaporizhia", "Zaporizhzhia", Gpe),
        ] {
            let got = ids(&[&[(a, label)], &[(b, label)]]);
            assert_eq!(got[0][0], got[1][0], "{a} / {b}");
        }
        assert_eq!(ids(&[&[("Kiev", Gpe)]])[0][0], "GPE:kyiv");
    }

    #[test]
    fn different_people_and_places_stay_apart() {
        let got = ids(&[&[("Oleksiy Kuleba", Person)], &[("Dmytro Kuleba", Person)]]);
        assert_ne!(got[0][0], got[1][0]);
        let got = ids(&[&[("Vladimir Saldo", Person), ("Vladimir Putin", Person)]]);
        assert_ne!(got[0][0], got[0][1]);
        let got = ids(&[&[
            ("Kharkiv", Gpe),
            ("Kherson", Gpe),
            ("Dnipriany", Gpe),
            ("Dnipro", Gpe),
        ]]);
        let set: BTreeSet<_> = got[0].iter().collect();
        assert_eq!(set.len(), 4, "{got:?}");
    }

    #[test]
    fn a_lone_surname_needs_exactly_one_owner() {
        // In its own document, the one Kuleba there.
        let got = ids(&[
            &[("Oleksiy Kuleba", Person)],
            &[("Dmytro Kuleba", Person), ("Kuleba", Person)],
        ]);
        assert_eq!(got[1][1], got[1][0]);
        // Elsewhere, two Kulebas in the corpus: it stays apart from both.
        let got = ids(&[
            &[("Oleksiy Kuleba", Person)],
            &[("Dmytro Kuleba", Person)],
            &[("Kuleba", Person)],
        ]);
        assert_ne!(got[2][0], got[0][0]);
        assert_ne!(got[2][0], got[1][0]);
        // One owner in the corpus: joins it.
        let got = ids(&[&[("Jake Sullivan", Person)], &[("Sullivan", Person)]]);
        assert_eq!(got[1][0], got[0][0]);
    }

    #[test]
    fn dates_are_named_by_their_value_and_figures_have_no_id() {
        let lex = Lexicon::builtin();
        let tagged = |text: &'static str, date: &str| {
            let layer = crate::text::TextLayer::analyse(text, 0, crate::lang::Language::english());
            (
                text,
                crate::entities::tagger::tag(
                    text,
                    &layer,
                    &lex,
                    crate::lang::Language::english(),
                    crate::calendar::Date::parse_iso(date),
                ),
            )
        };
        let a = tagged("Kyiv said on Monday that 30 people died.", "2022-11-08");
        let b = tagged("On November 7, Kyiv said so.", "2022-11-20");
        let r = resolve(&[(a.0, a.1.as_slice()), (b.0, b.1.as_slice())], &lex);
        let id =
            |d: usize, m: usize| r.of_mention[d][m].map(|i| r.entities[i as usize].id.as_str());
        assert_eq!(id(0, 1), Some("DATE:2022-11-07"));
        assert_eq!(id(0, 2), None, "figures have no id");
        assert_eq!(
            id(1, 0),
            id(0, 1),
            "`on Monday` and `November 7` are one day"
        );
        let day = r
            .entities
            .iter()
            .find(|e| e.id == "DATE:2022-11-07")
            .unwrap();
        assert_eq!(
            (day.name.as_str(), day.aliases.clone(), day.mentions),
            (
                "2022-11-07",
                vec!["Monday".to_string(), "November 7".to_string()],
                2
            )
        );
    }

    #[test]
    fn document_order_does_not_change_ids() {
        let a: &[(&str, Label)] = &[("Volodímir Zelenski", Person), ("Kuleba", Person)];
        let b: &[(&str, Label)] = &[("Volodymyr Zelensky", Person), ("Dmytro Kuleba", Person)];
        let one = ids(&[a, b]);
        let two = ids(&[b, a]);
        assert_eq!(one[0], two[1]);
        assert_eq!(one[1], two[0]);
    }
}
