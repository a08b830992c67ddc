//! Cross-document ids: one stable id per real-world entity, shared by all its mentions in
//! the corpus. Lexicon names resolve through their entry (so exonyms and aliases meet:
//! `Kiev` / `Kyiv`); people's full names merge when first and last names are spellings of
//! each other (`Volodímir Zelenski` / `Volodymyr Zelensky`), titles and middle initials
//! aside; a lone surname joins the one full name that has it in its document, else in the
//! corpus. The result depends only on the mentions, never on thread count or on the order
//! in which equal candidates were met. Names meet only where their keys meet (`resolve`
//! lists the steps), so the cost grows with the mentions, not with their pairs.
//!
//! Dates and times resolved to a calendar value get that value as their id
//! (`DATE:2022-11-07`), so `on Monday` in one article and `November 7` in another meet.
//! Figures, and dates left unresolved, have no id: a number is a value, not an entity.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::text::index::Idx;
use crate::text::tokens::TokenKind;

use super::label::Label;
use super::lexicon::{class, Lexicon};
use super::normalize::{fold, slug, sound_key};
use super::spellings::SpellingKeys;
use super::tagger::{Area, Mention};
use super::values::Normalised;

/// One entity of the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Resolution {
    /// Sorted by id.
    pub entities: Vec<EntityRecord>,
    /// For each document, for each of its mentions, the index of its entity (None for
    /// figures and unresolved dates).
    pub of_mention: Vec<Vec<Option<u32>>>,
}

/// How a mention's identity is keyed before clustering.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Key {
    /// A lexicon entry, by index.
    Lexicon(u32),
    /// A person's full name: first and last name words, folded (a generation's suffix leads
    /// the last: `jr kennedy`); and whether its title or given name says a woman (`Mrs.`,
    /// `Melania`).
    FullName(String, String, bool),
    /// A person's single name word, folded; and whether its title says a man (`Mr.`), or
    /// the document shows it is no woman's (`mark_titled_before_a_woman`).
    Surname(String, bool),
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

fn key_of(text: &str, m: &Mention, title: u32, lexicon: &Lexicon) -> Option<Key> {
    match m.normalised {
        Some(Normalised::Figure { .. }) => None,
        Some(n @ Normalised::Date { .. }) => n.iso().map(|iso| Key::Calendar(m.label, iso)),
        None => Some(name_key(text, m, title, lexicon)),
    }
}

/// The word classes of the word just before a mention (`Mr.` in `Mr. Trump`: taggers leave
/// the title out of the name).
fn word_before(text: &str, start: usize, lexicon: &Lexicon) -> u32 {
    let before = text.get(..start).unwrap_or_default().trim_end();
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    // A title is written capitalised (`to miss Donald Trump` has none).
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return 0;
    }
    lexicon.classes_of(&fold(word))
}

/// The classes of a person's title: the word before the mention and the mention's first
/// word (taggers leave `Mr.` out of the name or take it in).
fn title_of(text: &str, m: &Mention, lexicon: &Lexicon) -> u32 {
    let name = &text[m.start as usize..m.end as usize];
    word_before(text, m.start as usize, lexicon)
        | lexicon.tokenize(name).into_iter().next().map_or(0, |t| {
            lexicon.classes_of(&fold(&name[t.start as usize..t.end as usize]))
        })
}

/// `title`: the classes of a person's title (`title_of`).
fn name_key(text: &str, m: &Mention, title: u32, lexicon: &Lexicon) -> Key {
    if let Some(area) = m.area {
        // `the Kherson region` is the oblast, one entity however the city is spelled.
        let place = match m.entry.map(Idx::get) {
            Some(e) if !lexicon.entries[e as usize].is_pattern() => {
                fold(&lexicon.entries[e as usize].canonical)
            }
            _ => name_words(text, m.label, lexicon).join(" "),
        };
        return Key::Area(area, place);
    }
    if let Some(e) = m.entry.map(Idx::get) {
        if !lexicon.entries[e as usize].is_pattern() {
            let entry = &lexicon.entries[e as usize];
            if entry.label != Label::Person {
                return Key::Lexicon(e);
            }
            let words = name_words(&entry.canonical, Label::Person, lexicon);
            return person_key(words, lexicon);
        }
    }
    let mut words = name_words(text, m.label, lexicon);
    if m.label == Label::Person {
        // One hyphenated word names no first and last name (`the Trump-Abe summit`):
        // keyed as one surname, it owns no lone `Abe` that the document's `Shinzo Abe` does.
        if !text.trim().contains(char::is_whitespace) && words.len() > 1 {
            words = vec![words.join("-")];
        }
        return match person_key(words, lexicon) {
            Key::FullName(first, last, woman) => {
                Key::FullName(first, last, woman || title & class::WOMAN != 0)
            }
            Key::Surname(word, _) => Key::Surname(word, title & class::MAN_TITLE != 0),
            k => k,
        };
    }
    let sound: Vec<String> = words.iter().map(|w| sound_key(w)).collect();
    Key::Other(m.label, sound.join(" "))
}

fn person_key(mut words: Vec<String>, lexicon: &Lexicon) -> Key {
    // "Le Drian", "al-Assad": a particle opens a surname, not a first name.
    if words.len() >= 2 && lexicon.classes_of(&words[0]) & class::PARTICLE == 0 {
        let mut last = words.pop().unwrap();
        // `Robert Kennedy Jr.` and `Robert Downey Jr.` are two people, and neither is
        // `Robert Kennedy`: a generation's suffix goes with the family name, first, since
        // spellings meet only when they begin alike (`jr kennedy` meets `jr kenedy`, never
        // `kennedy`), so that a suffixed name owns no lone surname, as a father may bear it.
        if words.len() >= 2 && lexicon.classes_of(&last) & class::SUFFIX != 0 {
            last = format!("{last} {}", words.pop().unwrap());
        }
        // `Rick Gates` is `Richard Gates`: short forms key as the formal name.
        let first = lexicon.formal_given(&words.swap_remove(0)).to_owned();
        let woman = lexicon.classes_of(&first) & class::WOMAN != 0;
        Key::FullName(first, last, woman)
    } else {
        Key::Surname(words.pop().unwrap_or_default(), false)
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
///
/// The work has the shape of a map, a group-by and a reduce, each a function here, so that it
/// can run where the documents are (a Dask port runs the same steps through its shuffles):
/// 1. `document_keys` (map, per document): each mention to its key.
/// 2. `KeyClusters::new` (group by key): the distinct keys of the corpus, one cluster each.
/// 3. `merge_spellings` (group by sound key): full names that spell one name merge; names
///    meet only where their sound keys share a block (`spellings`), never all pairs.
/// 4. `attach_surnames` (per document, then by sound key): a lone surname joins the one
///    full name with that last name in its document, else in the corpus.
/// 5. `records` (reduce, per cluster): names, spellings, documents and counts, and ids.
pub fn resolve(docs: &[(&str, &[Mention])], lexicon: &Lexicon) -> Resolution {
    let keys: Vec<Vec<Option<Key>>> = docs
        .iter()
        .map(|(text, mentions)| document_keys(text, mentions, lexicon))
        .collect();
    resolve_keyed(docs, &keys, lexicon)
}

/// `resolve` from the keys `document_keys` gave each document's mentions.
pub fn resolve_keyed(
    docs: &[(&str, &[Mention])],
    keys: &[Vec<Option<Key>>],
    lexicon: &Lexicon,
) -> Resolution {
    let clustering = Clustering::new(distinct_keys(keys));
    let clusters = clustering.assign(keys);
    let records = finish(accumulate(docs, &clusters, 0, lexicon), lexicon);
    let position: HashMap<u32, u32> = records
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (*c, i as u32))
        .collect();
    Resolution {
        of_mention: clusters
            .into_iter()
            .map(|row| row.into_iter().map(|c| c.map(|c| position[&c])).collect())
            .collect(),
        entities: records.into_iter().map(|(_, r)| r).collect(),
    }
}

/// The distinct keys of some documents' mentions, sorted.
pub fn distinct_keys(keys: &[Vec<Option<Key>>]) -> Vec<Key> {
    keys.iter()
        .flatten()
        .flatten()
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Two sorted, distinct key lists as one (for gathering the corpus's keys in a tree).
pub fn merge_distinct(a: Vec<Key>, b: Vec<Key>) -> Vec<Key> {
    let mut all: BTreeSet<Key> = a.into_iter().collect();
    all.extend(b);
    all.into_iter().collect()
}

/// Step 1 (map): the key of each of one document's mentions; None for figures and dates
/// with no calendar value.
pub fn document_keys(text: &str, mentions: &[Mention], lexicon: &Lexicon) -> Vec<Option<Key>> {
    let titles: Vec<u32> = mentions
        .iter()
        .map(|m| match m.label {
            Label::Person => title_of(text, m, lexicon),
            _ => 0,
        })
        .collect();
    let mut keys: Vec<Option<Key>> = mentions
        .iter()
        .zip(&titles)
        .map(|(m, &title)| key_of(&text[m.start as usize..m.end as usize], m, title, lexicon))
        .collect();
    mark_said_before_a_woman(text, mentions, &titles, &mut keys);
    keys
}

/// News names a person in full at first mention. So a surname said without a woman's
/// title (`President Trump`, `Macron said`), in the body before the document first names a
/// woman of that last name in full (`Melania Trump`, `his wife Brigitte Macron`), is
/// someone else: keyed as a surname said with `Mr.` is, so that her full name owns none of
/// the document's lone surnames. After her full name the surname may be hers (`Chancellor
/// Merkel`), so nothing changes there; the headline's line is passed over (`Trump warns
/// Iran`: a headline names no one in full).
fn mark_said_before_a_woman(
    text: &str,
    mentions: &[Mention],
    titles: &[u32],
    keys: &mut [Option<Key>],
) {
    let body = text.find('\n').unwrap_or(0);
    // Where the document first names a woman of each last name in full.
    let mut woman_named_at: HashMap<&str, u32> = HashMap::new();
    for (k, m) in keys.iter().zip(mentions) {
        if let Some(Key::FullName(_, last, true)) = k {
            let at = woman_named_at.entry(last.as_str()).or_insert(m.start);
            *at = (*at).min(m.start);
        }
    }
    let marked: Vec<usize> = (0..keys.len())
        .filter(|&i| {
            let Some(Key::Surname(word, false)) = &keys[i] else {
                return false;
            };
            let start = mentions[i].start;
            titles[i] & class::WOMAN == 0
                && start as usize >= body
                && woman_named_at
                    .get(word.as_str())
                    .is_some_and(|&at| at > start)
        })
        .collect();
    for i in marked {
        if let Some(Key::Surname(_, said_by_a_man)) = &mut keys[i] {
            *said_by_a_man = true;
        }
    }
}

/// The distinct keys of the corpus, sorted, and the clusters they fall into.
struct KeyClusters {
    distinct: Vec<Key>,
    index: HashMap<Key, usize>,
    sets: Sets,
}

impl KeyClusters {
    /// Step 2 (group by key): every distinct key (`distinct`: sorted, no repeats) is a
    /// cluster of its own.
    fn new(distinct: Vec<Key>) -> KeyClusters {
        let index = distinct
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        KeyClusters {
            sets: Sets((0..distinct.len()).collect()),
            distinct,
            index,
        }
    }

    /// The full names among the keys: `(key index, first name, last name)`.
    fn full_names(&self) -> impl Iterator<Item = (usize, &str, &str)> {
        self.distinct
            .iter()
            .enumerate()
            .filter_map(|(i, k)| match k {
                Key::FullName(first, last, _) => Some((i, first.as_str(), last.as_str())),
                _ => None,
            })
    }
}

/// Step 3: full names that are spellings of one another (same-sounding first and last
/// names) merge. Names are grouped by the sound keys of their two words; a group meets only
/// the groups whose two keys are its own or their neighbours (`SpellingKeys::neighbours`).
fn merge_spellings(clusters: &mut KeyClusters) {
    let (mut firsts, mut lasts) = (SpellingKeys::new(), SpellingKeys::new());
    let mut groups: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
    for (i, first, last) in clusters.full_names() {
        let pair = (firsts.insert_word(first), lasts.insert_word(last));
        groups.entry(pair).or_default().push(i);
    }
    let (near_first, near_last) = (firsts.neighbours(), lasts.neighbours());
    for (&(f, l), members) in &groups {
        // One group's names all match each other.
        for &m in &members[1..] {
            clusters.sets.union(members[0], m);
        }
        let firsts = std::iter::once(&f).chain(&near_first[f as usize]);
        for &f2 in firsts {
            for &l2 in std::iter::once(&l).chain(&near_last[l as usize]) {
                if let Some(other) = groups.get(&(f2, l2)) {
                    clusters.sets.union(members[0], other[0]);
                }
            }
        }
    }
}

/// Up to two distinct clusters: all a lone surname needs to know of its possible owners
/// (none, exactly one, or more).
#[derive(Debug, Default, Clone)]
struct Owners(Vec<usize>);

impl Owners {
    fn add(&mut self, cluster: usize) {
        if self.0.len() < 2 && !self.0.contains(&cluster) {
            self.0.push(cluster);
        }
    }

    fn the_one(&self) -> Option<usize> {
        match self.0[..] {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Owners of last names, by the id of the last name's sound key.
type OwnersByLastName = HashMap<u32, Owners>;

/// The corpus's distinct keys and the cluster each falls into (steps 2 and 3), and what a
/// lone surname needs to find its owner (step 4): everything about the corpus that one
/// document's mentions need to get their clusters. It is built from the distinct keys alone,
/// so a partition of the corpus gets the clusters the whole corpus would give.
pub struct Clustering {
    clusters: KeyClusters,
    /// The cluster of each distinct key: its smallest key, as an index into `distinct`.
    root: Vec<u32>,
    /// The sound-key id of each full name's last name, by key index.
    last_of: HashMap<usize, u32>,
    /// The sound-key id of each lone surname, by key index.
    surname_of: HashMap<usize, u32>,
    /// For each sound-key id, the others that spell the same name.
    near: Vec<Vec<u32>>,
    /// The clusters of the corpus's full names, by last name.
    corpus_owners: OwnersByLastName,
    /// The clusters a woman's full name is in (by title or given name): no owner of a
    /// surname said with a man's title.
    women: BTreeSet<usize>,
    /// `corpus_owners` without the women's.
    corpus_not_women: OwnersByLastName,
    /// The sound-key ids of the surnames some document says with a man's title.
    corpus_men: BTreeSet<u32>,
}

impl Clustering {
    /// Clusters `distinct` (sorted, no repeats: `distinct_keys`, `merge_distinct`).
    pub fn new(distinct: Vec<Key>) -> Clustering {
        let mut clusters = KeyClusters::new(distinct);
        merge_spellings(&mut clusters);
        // `Mr. Trump` and `Trump` are one surname: one cluster when no full name owns them.
        for (i, k) in clusters.distinct.iter().enumerate() {
            if let Key::Surname(word, true) = k {
                if let Some(&plain) = clusters.index.get(&Key::Surname(word.clone(), false)) {
                    clusters.sets.union(plain, i);
                }
            }
        }
        let root: Vec<u32> = (0..clusters.distinct.len())
            .map(|i| clusters.sets.find(i) as u32)
            .collect();
        // Last names and surnames are keyed by sound together, so a surname meets only the
        // last names it may spell.
        let mut words = SpellingKeys::new();
        let last_of: HashMap<usize, u32> = clusters
            .full_names()
            .map(|(i, _, last)| (i, words.insert_word(last)))
            .collect();
        let surname_of: HashMap<usize, u32> = clusters
            .distinct
            .iter()
            .enumerate()
            .filter_map(|(i, k)| match k {
                Key::Surname(s, _) => Some((i, words.insert_word(s))),
                _ => None,
            })
            .collect();
        let corpus_men: BTreeSet<u32> = clusters
            .distinct
            .iter()
            .enumerate()
            .filter(|(_, k)| matches!(k, Key::Surname(_, true)))
            .map(|(i, _)| surname_of[&i])
            .collect();
        let women: BTreeSet<usize> = clusters
            .distinct
            .iter()
            .enumerate()
            .filter(|(_, k)| matches!(k, Key::FullName(_, _, true)))
            .map(|(i, _)| root[i] as usize)
            .collect();
        let mut corpus_owners = OwnersByLastName::new();
        let mut corpus_not_women = OwnersByLastName::new();
        for (&i, &id) in &last_of {
            let c = root[i] as usize;
            corpus_owners.entry(id).or_default().add(c);
            if !women.contains(&c) {
                corpus_not_women.entry(id).or_default().add(c);
            }
        }
        Clustering {
            women,
            corpus_not_women,
            corpus_men,
            near: words.neighbours(),
            clusters,
            root,
            last_of,
            surname_of,
            corpus_owners,
        }
    }

    /// The distinct keys, sorted: what the clustering is built from.
    pub fn keys(&self) -> &[Key] {
        &self.clusters.distinct
    }

    /// Step 4, and the cluster of every mention of each document (`keys`: the documents'
    /// `document_keys`): a lone surname joins the one full name with that last name in its
    /// document, else in the corpus; otherwise it stays on its own. A cluster is named by
    /// the index of its smallest key; None where the mention has no key.
    ///
    /// Panics if a key is not among the clustering's keys.
    pub fn assign(&self, keys: &[Vec<Option<Key>>]) -> Vec<Vec<Option<u32>>> {
        keys.iter().map(|ks| self.assign_document(ks)).collect()
    }

    fn assign_document(&self, ks: &[Option<Key>]) -> Vec<Option<u32>> {
        let index = |k: &Key| self.clusters.index[k];
        // A surname the document says with a man's title (`Mr. Trump`) is a man's there,
        // said with or without it: no woman's full name owns it (`Melania Trump`, the one
        // full name of a report that calls her husband `Mr. Trump`).
        let men: BTreeSet<u32> = ks
            .iter()
            .flatten()
            .filter_map(|k| match k {
                Key::Surname(_, true) => Some(self.surname_of[&index(k)]),
                _ => None,
            })
            .collect();
        let (mut doc_owners, mut doc_not_women) =
            (OwnersByLastName::new(), OwnersByLastName::new());
        for k in ks.iter().flatten() {
            if matches!(k, Key::FullName(..)) {
                let i = index(k);
                let c = self.root[i] as usize;
                doc_owners.entry(self.last_of[&i]).or_default().add(c);
                if !self.women.contains(&c) {
                    doc_not_women.entry(self.last_of[&i]).or_default().add(c);
                }
            }
        }
        // The first full name the document gives with each first word: `Kim` in a report
        // that opens on `Kim Jong Un` (the family name comes first) is he, though his
        // father `Kim Jong Il` is named further down; `Hillary` is `Hillary Clinton`.
        let mut doc_first: HashMap<&str, usize> = HashMap::new();
        for k in ks.iter().flatten() {
            if let Key::FullName(first, ..) = k {
                doc_first
                    .entry(first.as_str())
                    .or_insert(self.root[index(k)] as usize);
            }
        }
        let mut surname_target: HashMap<usize, u32> = HashMap::new();
        ks.iter()
            .map(|k| {
                let k = k.as_ref()?;
                let ki = index(k);
                let Key::Surname(word, _) = k else {
                    return Some(self.root[ki]);
                };
                let target = surname_target.entry(ki).or_insert_with(|| {
                    let id = self.surname_of[&ki];
                    let spellings = || std::iter::once(&id).chain(&self.near[id as usize]);
                    let a_man = spellings().any(|x| men.contains(x));
                    let owners_in = |by_last: &OwnersByLastName| {
                        let mut owners = Owners::default();
                        for c in spellings()
                            .filter_map(|x| by_last.get(x))
                            .flat_map(|o| &o.0)
                        {
                            owners.add(*c);
                        }
                        owners
                    };
                    let doc = if a_man { &doc_not_women } else { &doc_owners };
                    // Beyond the document, a surname some report calls `Mr. X` (this one
                    // or another) may be that man: a woman's full name does not own it.
                    let corpus = if spellings().any(|x| self.corpus_men.contains(x)) {
                        &self.corpus_not_women
                    } else {
                        &self.corpus_owners
                    };
                    let local = owners_in(doc);
                    // A last name in the document, else the first full name there that
                    // begins with it, else a last name in the corpus.
                    let first = || {
                        doc_first
                            .get(word.as_str())
                            .copied()
                            .filter(|c| !(a_man && self.women.contains(c)))
                    };
                    let chosen = match local.0.len() {
                        1 => local.the_one(),
                        0 => first().or_else(|| owners_in(corpus).the_one()),
                        _ => None,
                    };
                    self.root[chosen.unwrap_or(ki)]
                });
                Some(*target)
            })
            .collect()
    }
}

/// What one cluster gathers from its mentions.
#[derive(Debug, Clone, Serialize, Deserialize)]
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

impl Acc {
    /// Adds what `later` gathered from mentions after all of this one's.
    fn absorb(&mut self, later: Acc) {
        for (spelling, n) in later.spellings {
            *self.spellings.entry(spelling).or_default() += n;
        }
        self.docs.extend(later.docs);
        self.mentions += later.mentions;
        self.entry = match (self.entry, later.entry) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

/// What the clusters gathered from some documents' mentions (step 5's map side), by
/// cluster. Label, area and date come from a cluster's first mention in corpus order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Gathered(BTreeMap<u32, Acc>);

impl Gathered {
    /// Adds what `later` gathered from documents that all come after this one's.
    pub fn absorb(&mut self, later: Gathered) {
        for (c, acc) in later.0 {
            match self.0.entry(c) {
                std::collections::btree_map::Entry::Occupied(mut mine) => {
                    mine.get_mut().absorb(acc)
                }
                std::collections::btree_map::Entry::Vacant(slot) => {
                    slot.insert(acc);
                }
            }
        }
    }

    /// How many clusters it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Step 5, map side: what each cluster gathers from the mentions of `docs`, the documents
/// numbered `first_doc` on in the corpus, given each mention's cluster (`Clustering::assign`).
pub fn accumulate(
    docs: &[(&str, &[Mention])],
    clusters: &[Vec<Option<u32>>],
    first_doc: u32,
    lexicon: &Lexicon,
) -> Gathered {
    let mut accs: BTreeMap<u32, Acc> = BTreeMap::new();
    for (d, ((text, ms), cs)) in docs.iter().zip(clusters).enumerate() {
        for (m, c) in ms.iter().zip(cs) {
            let Some(c) = *c else { continue };
            let acc = accs.entry(c).or_insert_with(|| Acc {
                label: m.label,
                spellings: BTreeMap::new(),
                docs: BTreeSet::new(),
                mentions: 0,
                entry: None,
                area: m.area,
                calendar: match m.normalised {
                    Some(n @ Normalised::Date { .. }) => n.iso(),
                    _ => None,
                },
            });
            *acc.spellings
                .entry(text[m.start as usize..m.end as usize].to_owned())
                .or_default() += 1;
            acc.docs.insert(first_doc + d as u32);
            acc.mentions += 1;
            if let Some(e) = m.entry.map(Idx::get) {
                if !lexicon.entries[e as usize].is_pattern() {
                    acc.entry = Some(acc.entry.map_or(e, |x| x.min(e)));
                }
            }
        }
    }
    Gathered(accs)
}

/// Step 5, reduce side: each cluster's record, sorted by id, ids made unique; each with its
/// cluster.
pub fn finish(gathered: Gathered, lexicon: &Lexicon) -> Vec<(u32, EntityRecord)> {
    let mut records: Vec<(u32, EntityRecord)> = gathered
        .0
        .into_iter()
        .map(|(c, acc)| (c, record(acc, lexicon)))
        .collect();
    // Distinct entities that would share an id (two people both called "Kuleba" alone)
    // get `~2`, `~3`, … in the order of their spellings, then of their smallest keys.
    records.sort_by(|a, b| (&a.1.id, &a.1.aliases, a.0).cmp(&(&b.1.id, &b.1.aliases, b.0)));
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (_, r) in records.iter_mut() {
        let n = seen.entry(r.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            r.id = format!("{}~{}", r.id, n);
        }
    }
    records.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    records
}

/// One cluster's record: a date is named by its value; anything else by its lexicon entry,
/// else its best spelling, and its id is its label and the slug of that name.
fn record(acc: Acc, lexicon: &Lexicon) -> EntityRecord {
    if let Some(iso) = acc.calendar {
        return EntityRecord {
            id: format!("{}:{iso}", acc.label.as_str()),
            name: iso,
            label: acc.label,
            aliases: acc.spellings.into_keys().collect(),
            docs: acc.docs.into_iter().collect(),
            mentions: acc.mentions,
        };
    }
    let mut name = match acc.entry {
        Some(e) => lexicon.entries[e as usize].canonical.clone(),
        None => best_spelling(&acc.spellings, acc.label, lexicon),
    };
    if let Some(area) = acc.area {
        name = format!("{name} {}", area.as_str());
    }
    let words = name_words(&name, acc.label, lexicon);
    EntityRecord {
        id: format!("{}:{}", acc.label.as_str(), slug(&words.join(" "))),
        name,
        label: acc.label,
        aliases: acc.spellings.into_keys().collect(),
        docs: acc.docs.into_iter().collect(),
        mentions: acc.mentions,
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
    /// Hand-made documents: each a list of `(text, label)`; the text of a document is the
    /// mentions joined by spaces.
    fn mentions(docs: &[&[(&str, Label)]], lex: &Lexicon) -> Vec<(String, Vec<Mention>)> {
        docs.iter()
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
                        .map(|e| Idx::new(e as u32));
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
            .collect()
    }

    /// Documents as `resolve` takes them: `(text, mentions)` borrowed from `built`.
    fn as_refs(built: &[(String, Vec<Mention>)]) -> Vec<(&str, &[Mention])> {
        built
            .iter()
            .map(|(t, m)| (t.as_str(), m.as_slice()))
            .collect()
    }

    /// Resolves hand-made mentions (see `mentions`): each mention's id.
    fn ids(docs: &[&[(&str, Label)]]) -> Vec<Vec<String>> {
        let lex = Lexicon::builtin();
        let built = mentions(docs, &lex);
        let refs = as_refs(&built);
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

    /// The corpus resolved in two parts, as a cluster would: keys gathered from each part,
    /// clustered once, gathered per part and reduced in order. The same records, and the
    /// same record for every mention, as resolving it whole, wherever it is cut.
    #[test]
    fn resolving_in_parts_gives_what_resolving_whole_gives() {
        let lex = Lexicon::builtin();
        let docs: &[&[(&str, Label)]] = &[
            &[("Kuleba", Person), ("Kyiv", Gpe)],
            &[("Oleksiy Kuleba", Person), ("Kuleba", Person)],
            &[("Volodymyr Zelensky", Person), ("Kiev", Gpe)],
            &[("Zelensky", Person), ("Dmytro Kuleba", Person)],
            &[
                ("Volodímir Zelenski", Person),
                ("Kuleba", Person),
                ("Kherson", Gpe),
            ],
            &[("Kuleba", Person), ("Stremousov", Person)],
            &[("Kirill Stremousov", Person), ("Dnipro", Loc)],
        ];
        let built = mentions(docs, &lex);
        let refs = as_refs(&built);
        let keys: Vec<Vec<Option<Key>>> = refs
            .iter()
            .map(|(t, m)| document_keys(t, m, &lex))
            .collect();
        let whole = resolve(&refs, &lex);
        let whole_ids: Vec<Vec<&str>> = whole
            .of_mention
            .iter()
            .map(|row| {
                row.iter()
                    .map(|&i| whole.entities[i.unwrap() as usize].id.as_str())
                    .collect()
            })
            .collect();
        // A lone surname that joins a full name of another document (across every cut).
        assert_eq!(whole_ids[5][1], "PERSON:kirill_stremousov");
        for cut in 1..docs.len() {
            let (left, right) = (&refs[..cut], &refs[cut..]);
            let (kl, kr) = (&keys[..cut], &keys[cut..]);
            let clustering = Clustering::new(merge_distinct(distinct_keys(kl), distinct_keys(kr)));
            let (cl, cr) = (clustering.assign(kl), clustering.assign(kr));
            let mut gathered = accumulate(left, &cl, 0, &lex);
            gathered.absorb(accumulate(right, &cr, cut as u32, &lex));
            let records = finish(gathered, &lex);
            let in_parts: Vec<&EntityRecord> = records.iter().map(|(_, r)| r).collect();
            assert_eq!(
                in_parts,
                whole.entities.iter().collect::<Vec<_>>(),
                "cut at {cut}"
            );
            let id_of: HashMap<u32, &str> =
                records.iter().map(|(c, r)| (*c, r.id.as_str())).collect();
            let part_ids: Vec<Vec<&str>> = cl
                .iter()
                .chain(&cr)
                .map(|row| row.iter().map(|c| id_of[&c.unwrap()]).collect())
                .collect();
            assert_eq!(part_ids, whole_ids, "cut at {cut}");
        }
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
    fn a_hyphenated_pair_of_surnames_owns_neither() {
        // newswcl50-dev event 0: `The Trump-Abe summit`, tagged a person, beside `Shinzo Abe`.
        let got = ids(&[&[
            ("Shinzo Abe", Person),
            ("Trump-Abe", Person),
            ("Abe", Person),
        ]]);
        assert_eq!(got[0][2], "PERSON:shinzo_abe", "{got:?}");
        assert_ne!(got[0][1], "PERSON:shinzo_abe", "{got:?}");
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
    fn a_short_given_name_is_the_formal_one() {
        // `nicknames.txt`: one person under two given names, across documents.
        for (a, b) in [
            ("Rick Gates", "Richard Gates"),
            ("Bill Clinton", "William Clinton"),
            ("Mike Pompeo", "Michael Pompeo"),
        ] {
            let got = ids(&[&[(a, Person)], &[(b, Person)]]);
            assert_eq!(got[0][0], got[1][0], "{a} / {b}");
        }
        // A given name that is no short form of the other stays apart.
        let got = ids(&[&[("Rick Gates", Person)], &[("Robert Gates", Person)]]);
        assert_ne!(got[0][0], got[1][0]);
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
    fn a_surname_said_with_mr_is_no_womans_full_name() {
        // A report that names only the first lady in full and calls the president `Mr.
        // Trump`: he (and `Trump` there) is not she; the corpus's one man of that name is.
        let got = ids(&[
            &[
                ("Melania Trump", Person),
                ("Mr. Trump", Person),
                ("Trump", Person),
            ],
            &[("Donald Trump", Person), ("Trump", Person)],
        ]);
        assert_ne!(got[0][1], got[0][0]);
        assert_eq!(got[0][1], got[1][0]);
        assert_eq!(got[0][2], got[1][0]);
        assert_eq!(got[0][0], "PERSON:melania_trump");
        // A title says a woman too (`Mrs. Jane Doe`, a name not in the list), and with no
        // man of the name anywhere, `Mr. Doe` and `Doe` stay one person of their own.
        let got = ids(&[&[
            ("Mrs. Jane Doe", Person),
            ("Mr. Doe", Person),
            ("Doe", Person),
        ]]);
        assert_ne!(got[0][1], got[0][0]);
        assert_eq!(got[0][1], got[0][2]);
        // A report that never says `Mr. Trump` nor names anyone Trump in full: the
        // corpus's only full name, a woman's, does not own its `Trump` when another report
        // calls a man so.
        let got = ids(&[
            &[("Melania Trump", Person), ("Mr. Trump", Person)],
            &[("Trump", Person)],
        ]);
        assert_ne!(got[1][0], got[0][0]);
        let got = ids(&[&[("Melania Trump", Person)], &[("Trump", Person)]]);
        assert_eq!(got[1][0], got[0][0]);
        // Without a man's title, the one full name in the document still owns the surname.
        let got = ids(&[&[("Melania Trump", Person), ("Mrs. Trump", Person)]]);
        assert_eq!(got[0][1], got[0][0]);
        let got = ids(&[&[("Hillary Clinton", Person), ("Clinton", Person)]]);
        assert_eq!(got[0][1], got[0][0]);
    }

    #[test]
    fn a_titled_surname_before_a_woman_is_named_in_full_is_not_hers() {
        // `President Trump` leads, the first lady is named in full further down: none of
        // the report's `Trump` is she; the corpus's one man of that name is he.
        let got = ids(&[
            &[
                ("President Trump", Person),
                ("Trump", Person),
                ("Melania Trump", Person),
                ("Trump", Person),
            ],
            &[("Donald Trump", Person)],
        ]);
        assert_eq!(got[0][2], "PERSON:melania_trump");
        for i in [0, 1, 3] {
            assert_eq!(got[0][i], got[1][0], "mention {i}");
        }
        // After her full name a title may be hers: `Chancellor Merkel` is Angela Merkel.
        let got = ids(&[&[
            ("Angela Merkel", Person),
            ("Chancellor Merkel", Person),
            ("Merkel", Person),
        ]]);
        assert_eq!(got[0][1], got[0][0]);
        assert_eq!(got[0][2], got[0][0]);
        // A woman's title before her full name says nothing against her.
        let got = ids(&[&[("Mrs. Clinton", Person), ("Hillary Clinton", Person)]]);
        assert_eq!(got[0][0], got[0][1]);
    }

    #[test]
    fn a_surname_said_before_a_woman_is_named_in_full_is_not_hers() {
        // `Macron said …`, then `his wife Brigitte Macron`: the report's lone `Macron` is
        // the corpus's one man of that name, titled or not.
        let got = ids(&[
            &[
                ("Macron", Person),
                ("Brigitte Macron", Person),
                ("Macron", Person),
            ],
            &[("Emmanuel Macron", Person)],
        ]);
        assert_eq!(got[0][1], "PERSON:brigitte_macron");
        assert_eq!(got[0][0], got[1][0]);
        assert_eq!(got[0][2], got[1][0]);
    }

    #[test]
    fn a_generations_suffix_keeps_father_and_son_and_namesakes_apart() {
        let got = ids(&[&[
            ("Robert Kennedy Jr.", Person),
            ("Robert Downey Jr.", Person),
            ("Robert Kennedy", Person),
            ("Robert F. Kennedy Jr.", Person),
        ]]);
        assert_ne!(got[0][0], got[0][1]);
        assert_ne!(got[0][0], got[0][2]);
        assert_eq!(got[0][0], got[0][3]);
    }

    #[test]
    fn a_lone_name_with_no_last_name_owner_is_the_first_full_name_it_opens() {
        // The family name first: `Kim` in a report on Kim Jong Un, who is named before
        // his father.
        let got = ids(&[&[
            ("Kim Jong Un", Person),
            ("Kim", Person),
            ("Kim Jong Il", Person),
            ("Kim", Person),
        ]]);
        assert_eq!(got[0][1], got[0][0]);
        assert_eq!(got[0][3], got[0][0]);
        assert_ne!(got[0][2], got[0][0]);
        // A last name in the document comes first: `Trump` is Donald Trump, not Trump
        // Tower's owner's namesake opening another name.
        let got = ids(&[&[
            ("Trump Smith", Person),
            ("Donald Trump", Person),
            ("Trump", Person),
        ]]);
        assert_eq!(got[0][2], got[0][1]);
        // Only within its document.
        let got = ids(&[&[("Kim Jong Un", Person)], &[("Kim", Person)]]);
        assert_ne!(got[1][0], got[0][0]);
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

    /// People's ids as comparing every two names gives them (the rules of steps 3 and 4
    /// applied to all pairs): for each document, each mention's cluster.
    fn clusters_comparing_all_pairs(keys: &[Vec<Option<Key>>]) -> Vec<Vec<usize>> {
        use crate::entities::normalize::same_name_word;
        let distinct: Vec<Key> = keys
            .iter()
            .flatten()
            .flatten()
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let index = |k: &Key| distinct.iter().position(|x| x == k).unwrap();
        let mut sets = Sets((0..distinct.len()).collect());
        let full: Vec<(usize, &str, &str)> = distinct
            .iter()
            .enumerate()
            .filter_map(|(i, k)| match k {
                Key::FullName(f, l, _) => Some((i, f.as_str(), l.as_str())),
                _ => None,
            })
            .collect();
        for &(i, f1, l1) in &full {
            for &(j, f2, l2) in &full {
                if same_name_word(l1, l2) && same_name_word(f1, f2) {
                    sets.union(i, j);
                }
            }
        }
        let mut out = Vec::new();
        for ks in keys {
            let mut row = Vec::new();
            for k in ks.iter().flatten() {
                let Key::Surname(s, _) = k else {
                    row.push(sets.find(index(k)));
                    continue;
                };
                let mut owners = |in_doc: bool| -> BTreeSet<usize> {
                    full.iter()
                        .filter(|&&(i, _, l)| {
                            same_name_word(l, s)
                                && (!in_doc || ks.iter().flatten().any(|x| *x == distinct[i]))
                        })
                        .map(|&(i, _, _)| sets.find(i))
                        .collect()
                };
                let local = owners(true);
                let chosen = match local.len() {
                    1 => local.into_iter().next(),
                    0 => Some(owners(false))
                        .filter(|g| g.len() == 1)
                        .and_then(|g| g.into_iter().next()),
                    _ => None,
                };
                row.push(sets.find(chosen.unwrap_or(index(k))));
            }
            out.push(row);
        }
        out
    }

    proptest::proptest! {
        /// Over names from a few syllables (so that spellings of one another are common),
        /// blocking gives every person mention the entity comparing all pairs gives it.
        #[test]
        fn blocking_groups_people_as_comparing_all_pairs_does(
            docs in proptest::collection::vec(
                proptest::collection::vec(
                    (proptest::option::of("(Ka|Ko|Mi|Ya|Yo)(ri|ry|ly|li)"), "(Ze|Se|Za)(len|lin|ren)(sky|ski|ko)"),
                    1..5,
                ),
                1..6,
            ),
        ) {
            let lex = Lexicon::builtin();
            let built: Vec<(String, Vec<Mention>)> = docs
                .iter()
                .map(|names| {
                    let mut text = String::new();
                    let mut mentions = Vec::new();
                    for (first, last) in names {
                        let start = text.len() as u32;
                        match first {
                            Some(f) => text.push_str(&format!("{f} {last}")),
                            None => text.push_str(last),
                        }
                        mentions.push(Mention {
                            start,
                            end: text.len() as u32,
                            label: Person,
                            source: Source::Context,
                            entry: None,
                            area: None,
                            normalised: None,
                        });
                        text.push_str(". ");
                    }
                    (text, mentions)
                })
                .collect();
            let refs = as_refs(&built);
            let keys: Vec<Vec<Option<Key>>> = refs
                .iter()
                .map(|(t, m)| document_keys(t, m, &lex))
                .collect();
            let got: Vec<u32> = resolve(&refs, &lex).of_mention.into_iter().flatten().map(Option::unwrap).collect();
            let expected: Vec<usize> = clusters_comparing_all_pairs(&keys).into_iter().flatten().collect();
            for i in 0..got.len() {
                for j in 0..got.len() {
                    proptest::prop_assert_eq!(got[i] == got[j], expected[i] == expected[j], "{:?}", docs);
                }
            }
        }
    }
}
