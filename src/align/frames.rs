//! Claims compared by their frames (`claims::frame`): the same predicate (lemma, paraphrase
//! group or event class) with compatible arguments in the same roles, and whether two
//! matching frames clash in polarity or modality. The relation rules (relation.rs) gate
//! the scorer's verdicts with these facts; the reason names the roles both state.

use super::lexicon::AlignLexicon;
use super::normalize::terms;

/// The roles of a frame, in the order a reason lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Agent,
    Patient,
    Recipient,
    Place,
    Time,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Agent,
        Role::Patient,
        Role::Recipient,
        Role::Place,
        Role::Time,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Patient => "patient",
            Role::Recipient => "recipient",
            Role::Place => "place",
            Role::Time => "time",
        }
    }
}

/// A role's filler as compared: its words, its head's term key and its entity key.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Filler {
    pub text: String,
    /// The head word's term key (a paraphrase group or a stem); empty for a stopword.
    pub key: String,
    /// The entity key (metonyms mapped) of the mention naming it.
    pub entity: Option<String>,
    /// The entity keys of all names inside it, sorted (`participants::names_in`): `a deal
    /// with China` is about China whatever its head.
    #[serde(default)]
    pub names: Vec<String>,
    /// Its preposition says it takes part, not where (`with China`, `for Iran`:
    /// `participant_cases.txt`): a place filler compared as a participant.
    #[serde(default)]
    pub takes_part: bool,
    /// Headed by an indefinite pronoun (`anything`, `nothing`: `indefinites.txt`), which
    /// names no participant: never a noun different from the other side's.
    #[serde(default)]
    pub indefinite: bool,
    /// Its entity is the person a pronoun stands for (`he`: `antecedent`): evidence that
    /// it is the other side's participant, never that it is another one.
    #[serde(default)]
    pub pronoun: bool,
    /// Headed by a noun that names a doing (`their efforts`: `activity_heads.txt`): the
    /// stems of the content words beside its head, which alone tell it from another such
    /// filler. `None` for any other head.
    #[serde(default)]
    pub activity: Option<Vec<String>>,
    /// Names a group, not one participant (`officials`, `the top four`, `A and B`:
    /// `claims::frame::Frame::agent_group`).
    #[serde(default)]
    pub group: bool,
}

/// A frame as compared.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct FrameView {
    /// Where its predicate starts (a byte of the document): which clause holds it.
    pub at: u32,
    /// The predicate's lemma, as shown.
    pub predicate: String,
    /// Its term key (paraphrase group or stem); empty for a light verb (`be`, `have`).
    pub key: String,
    pub event: Option<u16>,
    /// Fillers by `Role` index.
    pub roles: [Option<Filler>; 5],
    /// Negated in its own words, or denied by its source (not both).
    pub negative: bool,
    #[serde(with = "super::distributed::static_text")]
    pub modality: ModalityClass,
    /// What the claim states, not how or why (`claims::frame::Frame::core`).
    pub core: bool,
    /// A symmetric predicate (`symmetric.txt`): `A met B` is `B met A`.
    pub symmetric: bool,
    /// Its predicate is written as going on (`are negotiating`): what one `working` at it
    /// does (`are working to negotiate`), where a deed said done is not.
    #[serde(default)]
    pub ongoing: bool,
    /// Its predicate stands in a relative clause or an apposition of the claim: said in
    /// passing about a participant, not what the claim asserts.
    #[serde(default)]
    pub background: bool,
    /// Said of its subject with a copula (`claims::frame::Frame::copular`).
    #[serde(default)]
    pub copular: bool,
    /// Its predicate is the reporting cue of a free-standing text (`Abe said …`, in
    /// `compare`): who spoke, not what. A corpus claim holds no cue.
    #[serde(default)]
    pub reporting: bool,
    /// Its claim states a condition (`if the United States pulls out, …`): what it says of
    /// its main predicate follows on that condition, `would` as much as `might`.
    #[serde(default)]
    pub conditional: bool,
}

/// A modality class from `claims/modality.txt` (an alias, so that serde does not read its
/// `&'static` as borrowed from the bytes).
pub type ModalityClass = Option<&'static str>;

/// The term key of a lemma (or lemma phrase: `wrap up`), as claims' terms are keyed.
pub fn key_of(lemma: &str, lex: &AlignLexicon) -> String {
    let words: Vec<String> = lemma.split_whitespace().map(str::to_lowercase).collect();
    terms(&words, lex)
        .into_iter()
        .next()
        .map(|t| t.key)
        .unwrap_or_default()
}

/// The term key of a predicate as written (`piece`), read with the word after it when the
/// two make a paraphrase phrase: `stood by his criticism` is `=repeat`, as `repeated` is
/// (a parser takes `by` for a preposition, not a particle of the verb).
pub fn predicate_key(piece: &str, next: Option<&str>, lex: &AlignLexicon) -> String {
    if let Some(next) = next {
        let words = [piece.to_lowercase(), next.to_lowercase()];
        let stems: Vec<String> = words.iter().map(|w| super::stem::stem(w)).collect();
        if lex.phrases.contains_key(&stems) {
            return key_of(&words.join(" "), lex);
        }
    }
    key_of(piece, lex)
}

/// The event class of a predicate lemma (`events.txt`), by name.
pub fn event_of<'l>(lemma: &str, lex: &'l AlignLexicon) -> Option<&'l str> {
    let e = *lex.events.get(&key_of(lemma, lex))?;
    Some(lex.event_names[e as usize].as_str())
}

impl FrameView {
    pub fn role(&self, r: Role) -> Option<&Filler> {
        self.roles[r as usize].as_ref()
    }

    /// The same predicate: one lemma, paraphrase group or event class.
    fn same_predicate(&self, other: &FrameView) -> bool {
        (!self.key.is_empty() && self.key == other.key)
            || self.predicate == other.predicate
            || (self.event.is_some() && self.event == other.event)
    }
}

/// What two fillers of one role say about each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// One entity, or one head word.
    Same,
    /// Two different entities: different participants.
    Different,
    /// Nothing to tell (no entity on one side, different common nouns).
    Unknown,
}

fn fit(a: &Filler, b: &Filler) -> Fit {
    if person_against_group(a, b) || person_against_group(b, a) {
        return Fit::Different;
    }
    // `Putin's spokesman` / `Biden's spokesman`, `a deal with China` / `a deal with India`:
    // one head, rival names inside. (Not when the head is one named participant: `CIA
    // Director Mike Pompeo` / `Central Intelligence Agency Director Mike Pompeo`; unless
    // the two name rivals of the head's own kind beside it, two lists that open alike:
    // `Rehnquist and Justice Thomas` / `Rehnquist and Justices O'Connor and Scalia`.)
    let one_named = match (&a.entity, &b.entity) {
        (Some(x), Some(y)) if x == y => {
            !super::participants::rival_of_kind(&a.names, &b.names, super::participants::kind(x))
        }
        _ => false,
    };
    if !one_named && super::participants::rival(&a.names, &b.names) {
        return Fit::Different;
    }
    match (&a.entity, &b.entity) {
        (Some(x), Some(y)) if x == y => Fit::Same,
        _ if a.pronoun || b.pronoun => Fit::Unknown,
        (Some(_), Some(_)) => Fit::Different,
        _ if !a.key.is_empty() && a.key == b.key => Fit::Same,
        // Two common nouns with different heads name different things (`a nuclear test
        // site` / `nuclear tests`); a name against a description (`Pompeo` / `the CIA
        // director`), or a pronoun, may be one participant.
        // (A parse may head a phrase on another of its words, a figure or its unit: `1.5 km
        // of power lines`, `as many as 20,000 people`. Two phrases ending in one word, or
        // one's head key starting the other's last word, are no sign of two things; but two
        // heads each followed by one modifier are: `12 soldiers near the border` / `12
        // villages near the border`.)
        // Two doings, one saying nothing beside its head or the two sharing a word beside
        // it (`resume its nuclear activities` / `restart their efforts`), may be one.
        (None, None) if activities_may_be_one(a, b) => Fit::Unknown,
        // One head the owner of the other (`the lawyer of the client` / `the lawyer's
        // client`): two things, though the phrases end in one word.
        (None, None) if owns_other_head(a, b) || owns_other_head(b, a) => Fit::Different,
        // One phrase the two parses head on two of its words (`a willing and active partner
        // in …` headed `willing` / `a "willing and active partner`): each holds both heads,
        // in one order (`the lawyer's client` / `the client's lawyer` holds them reversed).
        (None, None) if one_phrase_two_heads(a, b) => Fit::Unknown,
        (None, None)
            if !a.indefinite
                && !b.indefinite
                && !a.key.is_empty()
                && !b.key.is_empty()
                && (last_word(&a.text) != last_word(&b.text)
                    || heads_before_one_modifier(a, b))
                && !last_word(&b.text).starts_with(&a.key)
                && !last_word(&a.text).starts_with(&b.key) =>
        {
            Fit::Different
        }
        _ => Fit::Unknown,
    }
}

/// Whether `p` names one person and `g` a group that does not name them (`Phil Mickelson`
/// / `The top four on the PGA Tour money list`, `Smith` / `two officials`): what a group
/// did is not what one person did, even when the person is among them. A pronoun's person
/// (`he`) is left to other evidence.
fn person_against_group(p: &Filler, g: &Filler) -> bool {
    let person = (p.entity.as_deref()).is_some_and(|e| super::participants::kind(e) == "PERSON");
    person
        && !p.group
        && !p.pronoun
        && g.group
        && g.entity.is_none()
        && !g.pronoun
        && (p.entity.as_ref()).is_none_or(|e| g.names.binary_search(e).is_err())
}

/// Whether two fillers headed by different nouns of doing (`Filler::activity`) may name
/// one doing: one has no word beside its head, or they share one.
fn activities_may_be_one(a: &Filler, b: &Filler) -> bool {
    match (&a.activity, &b.activity) {
        (Some(x), Some(y)) => x.is_empty() || y.is_empty() || x.iter().any(|w| y.contains(w)),
        _ => false,
    }
}

/// Whether two fillers with different head words each hold the other's head, the two in
/// one order: one phrase headed on two of its words. Heads keyed by a paraphrase group
/// (no single word spells them) are not compared.
fn one_phrase_two_heads(a: &Filler, b: &Filler) -> bool {
    if a.key.is_empty() || b.key.is_empty() || a.key.starts_with('=') || b.key.starts_with('=') {
        return false;
    }
    let at = |f: &Filler, key: &str| {
        (f.text.split_whitespace())
            .map(|w| {
                super::stem::stem(
                    &w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase(),
                )
            })
            .position(|w| w == key)
    };
    match (at(a, &a.key), at(a, &b.key), at(b, &a.key), at(b, &b.key)) {
        (Some(aa), Some(ab), Some(ba), Some(bb)) => (aa < ab) == (ba < bb),
        _ => false,
    }
}

/// Whether `owner`'s head word stands in `owned` as a possessor (`lawyer's`, `lawyers'`,
/// or `lawyer 's` as tokenized text spells it), with `owned` headed on another word.
fn owns_other_head(owner: &Filler, owned: &Filler) -> bool {
    if owner.key.is_empty() || owner.key.starts_with('=') || owner.key == owned.key {
        return false;
    }
    let words: Vec<String> = owned
        .text
        .split_whitespace()
        .map(|w| w.replace('\u{2019}', "'").to_lowercase())
        .collect();
    let is_key =
        |w: &str| super::stem::stem(w.trim_matches(|c: char| !c.is_alphanumeric())) == owner.key;
    words.iter().enumerate().any(|(i, w)| {
        let possessor = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("s'").map(|_| w.trim_end_matches('\'')));
        match possessor {
            Some(stem) if !stem.is_empty() => is_key(stem),
            _ => matches!(words.get(i + 1).map(String::as_str), Some("'s" | "'")) && is_key(w),
        }
    })
}

/// How a participant of a symmetric predicate fits the other frame's participants (agent,
/// patient, recipient, in any order): the same as one of them, different from all of them
/// (when it has some), or unknown.
fn symmetric_fit(x: &Filler, other: &FrameView) -> Fit {
    let ys: Vec<&Filler> = [Role::Agent, Role::Patient, Role::Recipient]
        .into_iter()
        .filter_map(|r| other.role(r))
        .collect();
    let fits: Vec<Fit> = ys.iter().map(|y| fit(x, y)).collect();
    // A participant naming someone one of the other's names (`North Korean leader Kim Jong
    // Un` / `North Korean dictator Kim Jong Un …`) may be that one, whatever its head.
    let names_one = |y: &&Filler| x.names.iter().any(|n| y.names.binary_search(n).is_ok());
    if fits.contains(&Fit::Same) {
        Fit::Same
    } else if ys.iter().any(names_one) {
        Fit::Unknown
    } else if !fits.is_empty() && fits.iter().all(|&f| f == Fit::Different) {
        Fit::Different
    } else {
        Fit::Unknown
    }
}

/// Two fillers told apart by their names (two named heads, or rival names inside), not
/// only by two head nouns.
/// (Two lists headed by different names of one set, `Lopez, Hanlon and Brandt` / `Brandt,
/// Lopez and Hanlon`, are not apart.)
fn named_apart(a: &Filler, b: &Filler) -> bool {
    let holds = |f: &Filler, e: &String| f.names.binary_search(e).is_ok();
    match (&a.entity, &b.entity) {
        (Some(x), Some(y)) if x == y => false,
        _ if a.pronoun || b.pronoun => false,
        (Some(x), Some(y)) if !holds(b, x) && !holds(a, y) => true,
        _ => super::participants::rival(&a.names, &b.names),
    }
}

/// A place filler that is a name taking part (`with China`, `for Iran`), not a phrase
/// holding one (`with a hostile foreign power …`).
fn named_party(x: &Filler) -> bool {
    x.takes_part && x.entity.is_some()
}

/// Whether two fillers end in the same words (`near the border`), each with its head
/// just before them and the two heads differing (`12 soldiers near the border` / `12
/// villages near the border`): one modifier said of two things. Not when the shared words
/// open with `of` (a head before it may be a measure or a quantity: `km of power lines`,
/// `dozens of people`), a figure (`A female attendant, 25`: an age, which a parse may
/// take for the head) or a name. A head is the word of its key (or any word, for a paraphrase
/// group's key, which no single word spells).
fn heads_before_one_modifier(a: &Filler, b: &Filler) -> bool {
    let words = |f: &Filler| -> Vec<String> {
        (f.text.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
            .collect()
    };
    let (x, y) = (words(a), words(b));
    let common = (x.iter().rev().zip(y.iter().rev()))
        .take_while(|(p, q)| p == q)
        .count();
    if common == 0 || common >= x.len() || common >= y.len() {
        return false;
    }
    let is_head = |w: &str, f: &Filler| {
        f.key.starts_with('=') || super::stem::stem(&w.to_lowercase()) == f.key
    };
    // A name is who they are (`Morrill's wife, Ellie` / `Morrill's widow, Ellie`), not
    // what is said of them.
    let modifier = &x[x.len() - common];
    modifier.chars().all(|c| c.is_ascii_lowercase())
        && modifier != "of"
        && is_head(&x[x.len() - common - 1], a)
        && is_head(&y[y.len() - common - 1], b)
}

/// The last word of a phrase, lower-cased.
fn last_word(text: &str) -> String {
    text.split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase()
}

/// How two frames compare.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameMatch {
    /// The same predicate, no role filled by two different entities, agent and patient not
    /// swapped.
    pub compatible: bool,
    /// Roles both fill with the same participant, and the predicate, as a reason shows them.
    pub shared: Vec<(String, &'static str)>,
    /// Why the frames do not match, when they have the same predicate.
    pub mismatch: Option<String>,
    /// One asserts what the other negates or denies.
    pub polarity_clash: bool,
    /// One says it will (or likely will) happen, the other that it is unlikely.
    pub modality_clash: bool,
    /// Some role is filled by two named participants that differ (not only by two head
    /// nouns).
    pub named_rivals: bool,
}

/// Said as happening, or as sure or likely to (`will`, `likely`, `must`).
fn firm(f: &FrameView) -> bool {
    matches!(
        f.modality,
        None | Some("will" | "likely" | "must" | "working")
    )
}

/// One side works at a deed (`are working to end the war`), the other says it done (`ended
/// the war`): work under way is no report that it is finished. Against a deed going on (`are
/// negotiating`), or one that will be, it is one proposition.
fn working_against_done(a: &FrameView, b: &FrameView) -> bool {
    let working = |f: &FrameView| f.modality == Some("working");
    let done = |f: &FrameView| f.modality.is_none() && !f.ongoing;
    working(a) && done(b) || working(b) && done(a)
}

/// One side says a deed was plotted (`conspired to influence`), the other that it was done
/// or will be: a plot is no report of the deed (issue 10).
fn plotted_against_done(a: &FrameView, b: &FrameView) -> bool {
    let plotted = |f: &FrameView| f.modality == Some("plotted");
    plotted(a) != plotted(b)
}

/// A frame the other side asserts outright, against one it calls unlikely.
fn modality_clash(a: &FrameView, b: &FrameView) -> bool {
    let doubted = |f: &FrameView| f.modality == Some("unlikely");
    (firm(a) && doubted(b) || firm(b) && doubted(a)) && a.negative == b.negative
}

/// One side says it happens (or will), the other only that it may: not one proposition,
/// and no clash either. Two claims that each state a condition both say what may follow on
/// it (`if they pull out, Iran might resume …` / `… would restart …`): no such gap.
fn hedged_against_firm(a: &FrameView, b: &FrameView) -> bool {
    let possible = |f: &FrameView| f.modality == Some("possible");
    (firm(a) && possible(b) || firm(b) && possible(a)) && !(a.conditional && b.conditional)
}

/// Compares two frames with the same predicate; `None` when the predicates differ.
pub fn compare(a: &FrameView, b: &FrameView) -> Option<FrameMatch> {
    if !a.same_predicate(b) {
        return None;
    }
    // Who fills a role: its entity, else its head word (`the bridge`). Borrowed: only
    // compared, and most frame pairs compared are not kept.
    fn entity(f: &FrameView, r: Role) -> Option<&str> {
        f.role(r).and_then(|x| {
            x.entity
                .as_deref()
                .or_else(|| (!x.key.is_empty()).then_some(x.key.as_str()))
        })
    }
    let (aa, ap, ba, bp) = (
        entity(a, Role::Agent),
        entity(a, Role::Patient),
        entity(b, Role::Agent),
        entity(b, Role::Patient),
    );
    // `Russia attacked Ukraine` / `Ukraine attacked Russia`; but `Kim met Trump` is `Trump
    // met Kim`: the participants of a symmetric predicate are compared as a set.
    let symmetric = a.symmetric || b.symmetric;
    let swapped = !symmetric
        && ((aa.is_some() && aa == bp && aa != ba) || (ap.is_some() && ap == ba && ap != bp));
    let mut shared = Vec::new();
    let mut different = Vec::new();
    let mut named_rivals = false;
    let participant = |r: Role| matches!(r, Role::Agent | Role::Patient | Role::Recipient);
    for r in Role::ALL {
        if symmetric && participant(r) {
            if let Some(x) = a.role(r) {
                match symmetric_fit(x, b) {
                    Fit::Same => shared.push((x.text.clone(), r.name())),
                    Fit::Different => {
                        named_rivals |= [Role::Agent, Role::Patient, Role::Recipient]
                            .into_iter()
                            .filter_map(|r| b.role(r))
                            .all(|y| named_apart(x, y));
                        different.push(format!("{} ({})", x.text, r.name()))
                    }
                    Fit::Unknown => {}
                }
            }
            continue;
        }
        if let (Some(x), Some(y)) = (a.role(r), b.role(r)) {
            match fit(x, y) {
                Fit::Same => shared.push((x.text.clone(), r.name())),
                // Places and times are checked elsewhere (`time`); two places in one
                // claim pair are often one nested in the other (`Kherson`, `Ukraine`),
                // but not two named with `with` or `for` (`a deal with China`).
                Fit::Different if participant(r) || named_party(x) && named_party(y) => {
                    named_rivals |= named_apart(x, y);
                    different.push(format!("{} vs {} ({})", x.text, y.text, r.name()))
                }
                _ => {}
            }
        }
    }
    let predicate = if a.predicate == b.predicate {
        a.predicate.clone()
    } else {
        format!("{} ~ {}", a.predicate, b.predicate)
    };
    shared.insert(shared.len().min(1), (predicate, "predicate"));
    let mismatch = if swapped {
        Some("agent and patient swapped".to_owned())
    } else if !different.is_empty() {
        Some(format!("different participants: {}", different.join(", ")))
    } else if hedged_against_firm(a, b) {
        Some("one side says it may happen, the other that it does".to_owned())
    } else if working_against_done(a, b) {
        Some("one side says it is being worked at, the other that it was done".to_owned())
    } else if plotted_against_done(a, b) {
        Some("one side says it was plotted, the other that it was done".to_owned())
    } else {
        None
    };
    Some(FrameMatch {
        compatible: mismatch.is_none(),
        shared,
        mismatch,
        polarity_clash: a.negative != b.negative,
        modality_clash: modality_clash(a, b),
        named_rivals,
    })
}

/// The best match of two claims' frames: a compatible one with most shared roles, else the
/// first with the same predicate. `None` when no predicate is shared.
pub fn best(a: &[FrameView], b: &[FrameView]) -> Option<FrameMatch> {
    // A match on what is reported outranks one on the reporting verbs (`Abe said Russia
    // attacked Ukraine` / `Abe said Ukraine attacked Russia`: the attack, swapped, decides).
    let mut best: Option<(bool, FrameMatch)> = None;
    for x in a {
        for y in b {
            let Some(m) = compare(x, y) else { continue };
            let reported = !(x.reporting || y.reporting);
            let better = match &best {
                None => true,
                Some((was, old)) => {
                    (reported, m.compatible, m.shared.len())
                        > (*was, old.compatible, old.shared.len())
                }
            };
            if better {
                best = Some((reported, m));
            }
        }
    }
    best.map(|(_, m)| m)
}

/// A frame of `a` standing beside its main one (coordinated with it, or another sentence)
/// with a content predicate (not a light or reporting verb) and a participant of its own
/// (a parse may make a verb of a noun: `stop tests and launches`) that no frame of `b` matches:
/// a further statement of `a` that `b` does not make. Two claims of which one states more
/// than the other share a part of a proposition, not the proposition. (The main frame is
/// not asked: a reporting or planning verb over what both say is no further statement.)
///
/// `b_says(key)`: whether `b` has the predicate among its words; a frame `b`'s parse missed
/// (`… to occupy them` attached to a noun) is no statement `b` lacks.
pub fn unmatched_core<'f>(
    a: &'f [FrameView],
    b: &[FrameView],
    b_says: impl Fn(&str) -> bool,
) -> Option<&'f FrameView> {
    a.iter()
        .skip(1)
        .filter(|x| x.core && !x.key.is_empty())
        .filter(|x| x.role(Role::Agent).is_some() || x.role(Role::Patient).is_some())
        .find(|x| {
            !b.iter()
                .any(|y| compare(x, y).is_some_and(|m| m.compatible))
                && !b_says(&x.key)
        })
}

/// The best match of what two claims assert: their core frames only (the main predicate and
/// those beside it), not a subordinate one (`have my blessing to discuss …` asserts the
/// blessing, not the discussion). `None` when no core predicate is shared.
pub fn asserted(a: &[FrameView], b: &[FrameView]) -> Option<FrameMatch> {
    let core = |f: &[FrameView]| f.iter().filter(|x| x.core).cloned().collect::<Vec<_>>();
    best(&core(a), &core(b))
}

/// `both say: Russia (agent) · loot (predicate) · homes (patient)`.
pub fn both_say(m: &FrameMatch) -> String {
    let items: Vec<String> = m
        .shared
        .iter()
        .map(|(text, role)| format!("{text} ({role})"))
        .collect();
    format!("both say: {}", items.join(" · "))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::align) fn filler(text: &str, entity: Option<&str>) -> Option<Filler> {
        Some(Filler {
            text: text.into(),
            key: text.to_lowercase(),
            entity: entity.map(str::to_owned),
            ..Filler::default()
        })
    }

    pub(in crate::align) fn frame(
        predicate: &str,
        agent: Option<Filler>,
        patient: Option<Filler>,
    ) -> FrameView {
        FrameView {
            predicate: predicate.into(),
            key: predicate.into(),
            roles: [agent, patient, None, None, None],
            ..FrameView::default()
        }
    }

    #[test]
    fn same_predicate_and_participants_match_and_say_so() {
        let a = frame(
            "loot",
            filler("Russia", Some("GPE:russia")),
            filler("homes", None),
        );
        let b = frame(
            "loot",
            filler("Russian forces", Some("GPE:russia")),
            filler("homes", None),
        );
        let m = compare(&a, &b).unwrap();
        assert!(m.compatible);
        assert_eq!(
            both_say(&m),
            "both say: Russia (agent) · loot (predicate) · homes (patient)"
        );
        assert!(!m.polarity_clash && !m.modality_clash);
    }

    #[test]
    fn swapped_or_different_participants_do_not_match() {
        let a = frame(
            "attack",
            filler("Russia", Some("GPE:russia")),
            filler("Ukraine", Some("GPE:ukraine")),
        );
        let b = frame(
            "attack",
            filler("Ukraine", Some("GPE:ukraine")),
            filler("Russia", Some("GPE:russia")),
        );
        let m = compare(&a, &b).unwrap();
        assert!(!m.compatible);
        assert_eq!(m.mismatch.as_deref(), Some("agent and patient swapped"));
        let c = frame("attack", filler("Belarus", Some("GPE:belarus")), None);
        let m = compare(&a, &c).unwrap();
        assert!(!m.compatible, "{m:?}");
        assert!(compare(&a, &frame("kill", None, None)).is_none());
    }

    #[test]
    fn event_class_or_paraphrase_key_makes_one_predicate() {
        let mut a = frame("execute", None, None);
        let mut b = frame("shoot", None, None);
        assert!(compare(&a, &b).is_none());
        a.event = Some(0);
        b.event = Some(0);
        assert!(compare(&a, &b).unwrap().compatible);
        let lex = &crate::lang::Language::english().align;
        assert_eq!(key_of("killed", lex), key_of("die", lex));
        assert_eq!(key_of("be", lex), "");
    }

    #[test]
    fn a_head_owning_the_others_head_is_another_participant() {
        let with_patient = |text: &str, key: &str| {
            let f = Filler {
                text: text.into(),
                key: key.into(),
                ..Filler::default()
            };
            frame("arrest", None, Some(f))
        };
        let of_client = with_patient("the lawyer of the client", "lawyer");
        for owned in [
            "the lawyer's client",
            "the lawyer 's client",
            "the lawyers' client",
        ] {
            let m = compare(&of_client, &with_patient(owned, "client")).unwrap();
            assert!(!m.compatible, "{owned}: {m:?}");
        }
        // The same owner and head in either spelling is one participant.
        let clients_lawyer = with_patient("the client's lawyer", "lawyer");
        assert!(compare(&of_client, &clients_lawyer).unwrap().compatible);
        // A phrase ending in the other's last word, with no possessor, still may be one.
        let lines = with_patient("1.5 km of power lines", "km");
        assert!(
            compare(&lines, &with_patient("the power lines", "line"))
                .unwrap()
                .compatible
        );
    }

    #[test]
    fn two_common_nouns_with_different_heads_are_different_participants() {
        let site = frame("close", None, filler("a nuclear test site", None));
        let mut site2 = site.clone();
        site2.roles[1] = Some(Filler {
            text: "the test site".into(),
            key: "site".into(),
            entity: None,
            ..Filler::default()
        });
        let mut site1 = site.clone();
        site1.roles[1].as_mut().unwrap().key = "site".into();
        assert!(compare(&site1, &site2).unwrap().compatible);
        let mut tests = site1.clone();
        tests.roles[1] = Some(Filler {
            text: "nuclear tests".into(),
            key: "test".into(),
            entity: None,
            ..Filler::default()
        });
        let m = compare(&site1, &tests).unwrap();
        assert!(!m.compatible, "{m:?}");
        assert!(m.mismatch.unwrap().starts_with("different participants"));
        // A head found in the other's words (a parse heading one phrase elsewhere) and a
        // name against a description are no sign of two things.
        let mut willing = site1.clone();
        willing.roles[1] = Some(Filler {
            text: "a willing and active partner".into(),
            key: "partner".into(),
            entity: None,
            ..Filler::default()
        });
        let mut quoted = willing.clone();
        quoted.roles[1].as_mut().unwrap().key = "will".into();
        assert!(compare(&willing, &quoted).unwrap().compatible);
        let mut km = site1.clone();
        km.roles[1] = Some(Filler {
            text: "1.5 km of power lines".into(),
            key: "km".into(),
            entity: None,
            ..Filler::default()
        });
        let mut kilometres = km.clone();
        kilometres.roles[1] = Some(Filler {
            text: "1.5 kilometers of power lines".into(),
            key: "kilomet".into(),
            entity: None,
            ..Filler::default()
        });
        assert!(compare(&km, &kilometres).unwrap().compatible);
        // Two heads each before one modifier are two things, whatever the last word.
        let captured = |text: &str, head: &str| {
            let mut f = site1.clone();
            f.roles[1] = Some(Filler {
                text: text.into(),
                key: crate::align::stem::stem(head),
                ..Filler::default()
            });
            f
        };
        let soldiers = captured("12 soldiers near the border", "soldiers");
        let m = compare(
            &soldiers,
            &captured("12 villages near the border", "villages"),
        )
        .unwrap();
        assert!(!m.compatible, "{m:?}");
        let mut troops = captured("12 troops near the border", "troops");
        troops.roles[1].as_mut().unwrap().key = "=soldier".into();
        let villages = captured("12 villages near the border", "villages");
        assert!(!compare(&troops, &villages).unwrap().compatible);
        assert!(
            compare(
                &soldiers,
                &captured("twelve soldiers near the border", "soldiers")
            )
            .unwrap()
            .compatible
        );
        // … but a head before `of` may be a quantity (`dozens of people`).
        let dozens = captured("dozens of people near the border", "dozens");
        assert!(
            compare(
                &dozens,
                &captured("scores of people near the border", "scores")
            )
            .unwrap()
            .compatible
        );
        let named = frame("meet", filler("Pompeo", Some("PERSON:pompeo")), None);
        let described = frame("meet", filler("the director", None), None);
        assert!(compare(&named, &described).unwrap().compatible);
    }

    fn named(text: &str, key: &str, entity: Option<&str>, names: &[&str]) -> Option<Filler> {
        Some(Filler {
            text: text.into(),
            key: key.into(),
            entity: entity.map(str::to_owned),
            names: names.iter().map(|n| n.to_string()).collect(),
            takes_part: false,
            indefinite: false,
            pronoun: false,
            activity: None,
            group: false,
        })
    }

    /// One named person against a group (`two officials`) that does not name him: two
    /// participants; a group naming him (`Pompeo and Kim`) is left to other rules.
    #[test]
    fn one_person_is_not_a_group() {
        let pompeo = named(
            "Pompeo",
            "pompeo",
            Some("PERSON:pompeo"),
            &["PERSON:pompeo"],
        );
        let group = |text: &str, key: &str, names: &[&str]| Filler {
            group: true,
            ..named(text, key, None, names).unwrap()
        };
        let officials = frame("visit", Some(group("two officials", "offici", &[])), None);
        let met = frame("visit", pompeo.clone(), None);
        assert!(!compare(&met, &officials).unwrap().compatible);
        let both = group("Pompeo and Kim", "pompeo", &["PERSON:kim", "PERSON:pompeo"]);
        let both = frame("visit", Some(both), None);
        assert!(compare(&met, &both).unwrap().compatible);
    }

    #[test]
    fn an_indefinite_pronoun_is_no_participant_different_from_a_noun() {
        let restart = |patient: Option<Filler>| frame("restart", None, patient);
        let anything = Filler {
            indefinite: true,
            ..filler("anything", None).unwrap()
        };
        let efforts = filler("their efforts", None);
        assert!(
            compare(&restart(Some(anything)), &restart(efforts.clone()))
                .unwrap()
                .compatible
        );
        let programme = filler("their programme", None);
        assert!(
            !compare(&restart(programme), &restart(efforts))
                .unwrap()
                .compatible
        );
    }

    #[test]
    fn two_nouns_of_doing_differ_only_by_what_they_say_beside_their_heads() {
        let restart = |patient: Option<Filler>| frame("restart", None, patient);
        let doing = |text: &str, key: &str, beside: &[&str]| Filler {
            key: key.into(),
            activity: Some(beside.iter().map(|w| w.to_string()).collect()),
            ..filler(text, None).unwrap()
        };
        let nuclear = doing("its nuclear activities", "activ", &["nuclear"]);
        let bare = doing("their efforts", "effort", &[]);
        let peace = doing("its peace efforts", "effort", &["peac"]);
        let nuclear_efforts = doing("its nuclear efforts", "effort", &["nuclear"]);
        let compatible = |x: &Filler, y: &Filler| {
            compare(&restart(Some(x.clone())), &restart(Some(y.clone())))
                .unwrap()
                .compatible
        };
        assert!(compatible(&nuclear, &bare));
        assert!(compatible(&nuclear, &nuclear_efforts));
        assert!(!compatible(&nuclear, &peace));
        // A noun of doing against a thing is two participants still.
        assert!(!compatible(
            &nuclear,
            &filler("its missiles", None).unwrap()
        ));
    }

    #[test]
    fn one_phrase_headed_on_two_of_its_words_is_one_participant() {
        let find = |patient: Option<Filler>| frame("find", None, patient);
        let headed = |text: &str, key: &str| Filler {
            key: key.into(),
            ..filler(text, None).unwrap()
        };
        let willing = headed(
            "a willing and active partner in Donald Trump's campaign",
            "will",
        );
        let partner = headed("a \"willing and active partner", "partner");
        assert!(
            compare(&find(Some(willing)), &find(Some(partner)))
                .unwrap()
                .compatible
        );
        // The two heads in reverse order are two participants.
        let client = headed("the lawyer's client", "client");
        let lawyer = headed("the client's lawyer", "lawyer");
        assert!(
            !compare(&find(Some(client)), &find(Some(lawyer)))
                .unwrap()
                .compatible
        );
    }

    #[test]
    fn may_against_would_is_no_gap_when_both_follow_on_a_condition() {
        let resume = |modality, conditional| FrameView {
            modality: Some(modality),
            conditional,
            ..frame("resume", filler("Iran", Some("GPE:iran")), None)
        };
        assert!(
            compare(&resume("possible", true), &resume("will", true))
                .unwrap()
                .compatible
        );
        assert!(
            !compare(&resume("possible", false), &resume("will", true))
                .unwrap()
                .compatible
        );
        assert!(
            !compare(&resume("possible", true), &resume("will", false))
                .unwrap()
                .compatible
        );
    }

    #[test]
    fn rival_names_inside_fillers_make_different_participants() {
        let russia = || filler("Russia", Some("GPE:russia"));
        // `signed a trade deal with China` / `… with India`: one head, rival names.
        let china = frame(
            "sign",
            russia(),
            named("a trade deal with China", "deal", None, &["GPE:china"]),
        );
        let india = frame(
            "sign",
            russia(),
            named("a trade deal with India", "deal", None, &["GPE:india"]),
        );
        let m = compare(&china, &india).unwrap();
        assert!(!m.compatible, "{m:?}");
        // … but the deal named less fully is the same deal.
        let bare = frame("sign", russia(), named("a trade deal", "deal", None, &[]));
        assert!(compare(&china, &bare).unwrap().compatible);
        // One named head with titles from two spellings of one body is one participant.
        let cia = frame(
            "meet",
            named(
                "CIA Director Mike Pompeo",
                "pompeo",
                Some("PERSON:pompeo"),
                &["ORG:cia", "PERSON:pompeo"],
            ),
            None,
        );
        let agency = frame(
            "meet",
            named(
                "Agency Director Mike Pompeo",
                "pompeo",
                Some("PERSON:pompeo"),
                &["ORG:agency", "PERSON:pompeo"],
            ),
            None,
        );
        assert!(compare(&cia, &agency).unwrap().compatible);
        // A place named with `with`/`for` takes part (`terrible for Iran` / `for Israel`);
        // one named with `in` may hold the other (`in Kherson` / `in Ukraine`).
        let place = |name: &str, id: &str, takes_part: bool| {
            let mut f = frame("terrible", filler("The deal", None), None);
            f.roles[Role::Place as usize] = Some(Filler {
                takes_part,
                ..named(name, &name.to_lowercase(), Some(id), &[id]).unwrap()
            });
            f
        };
        let (iran, israel) = (
            place("Iran", "GPE:iran", true),
            place("Israel", "GPE:israel", true),
        );
        assert!(!compare(&iran, &israel).unwrap().compatible);
        let (kherson, ukraine) = (
            place("Kherson", "GPE:kherson", false),
            place("Ukraine", "GPE:ukraine", false),
        );
        assert!(compare(&kherson, &ukraine).unwrap().compatible);
    }

    #[test]
    fn a_symmetric_predicates_participants_match_in_any_order() {
        let trump = || filler("Trump", Some("PERSON:trump"));
        let kim = || filler("Kim", Some("PERSON:kim"));
        let abe = || filler("Abe", Some("PERSON:abe"));
        let meet = |agent, patient| FrameView {
            symmetric: true,
            ..frame("meet", agent, patient)
        };
        // `Trump will meet Kim` / `Kim is planning to meet Trump`.
        let m = compare(&meet(trump(), kim()), &meet(kim(), trump())).unwrap();
        assert!(m.compatible, "{m:?}");
        assert_eq!(m.shared.len(), 3, "{m:?}");
        // `Trump will meet Kim` / `Trump will meet Abe`: another participant.
        let m = compare(&meet(trump(), kim()), &meet(trump(), abe())).unwrap();
        assert!(!m.compatible, "{m:?}");
        // … and a predicate that is not symmetric still minds the order.
        let attack = |agent, patient| frame("attack", agent, patient);
        let m = compare(&attack(trump(), kim()), &attack(kim(), trump())).unwrap();
        assert_eq!(m.mismatch.as_deref(), Some("agent and patient swapped"));
    }

    #[test]
    fn a_predicate_read_with_the_next_word_when_they_make_a_phrase() {
        let lex = &crate::lang::Language::english().align;
        assert_eq!(
            predicate_key("stood", Some("by"), lex),
            key_of("repeated", lex)
        );
        assert_eq!(predicate_key("met", Some("with"), lex), key_of("met", lex));
        assert_eq!(predicate_key("met", None, lex), key_of("meet", lex));
    }

    #[test]
    fn may_happen_against_happens_is_not_one_proposition_nor_a_clash() {
        let will = frame("close", filler("Kim", Some("PERSON:kim")), None);
        let mut may = will.clone();
        may.modality = Some("possible");
        let m = compare(&will, &may).unwrap();
        assert!(!m.compatible && !m.modality_clash, "{m:?}");
        let mut also_may = will.clone();
        also_may.modality = Some("possible");
        assert!(compare(&may, &also_may).unwrap().compatible);
        let mut surely = will.clone();
        surely.modality = Some("will");
        assert!(compare(&will, &surely).unwrap().compatible);
    }

    #[test]
    fn a_further_core_statement_is_what_one_claim_states_more() {
        let kim = || filler("North Korea", Some("GPE:north_korea"));
        let site = || filler("site", None);
        let tests = || filler("tests", None);
        let close = FrameView {
            core: true,
            ..frame("close", kim(), site())
        };
        let suspend = FrameView {
            core: true,
            ..frame("suspend", kim(), tests())
        };
        // `suspend tests and close a site` / `close a site`: the second states less.
        let long = [suspend.clone(), close.clone()];
        let short = [close.clone()];
        assert_eq!(
            unmatched_core(&long, &short, |_| false),
            None,
            "the main frame is not asked"
        );
        let long = [close.clone(), suspend.clone()];
        assert_eq!(
            unmatched_core(&long, &short, |_| false).unwrap().predicate,
            "suspend"
        );
        assert_eq!(unmatched_core(&short, &long, |_| false), None);
        // … unless the other claim says `suspend` in words its parse gave no frame.
        let long = [close.clone(), suspend.clone()];
        assert_eq!(unmatched_core(&long, &short, |k| k == "suspend"), None);
        // A subordinate frame (`… to prove its vow`) is how or why, not a further statement;
        // nor is a frame with no participant of its own.
        let why = FrameView {
            core: false,
            ..suspend.clone()
        };
        assert_eq!(
            unmatched_core(&[close.clone(), why], &short, |_| false),
            None
        );
        let bare = FrameView {
            core: true,
            ..frame("suspend", None, None)
        };
        assert_eq!(
            unmatched_core(&[close.clone(), bare], &short, |_| false),
            None
        );
    }

    #[test]
    fn polarity_and_modality_clashes() {
        let will = frame(
            "meet",
            filler("Trump", Some("PERSON:trump")),
            filler("Queen", None),
        );
        let mut unlikely = will.clone();
        unlikely.modality = Some("unlikely");
        assert!(compare(&will, &unlikely).unwrap().modality_clash);
        let mut may = will.clone();
        may.modality = Some("possible");
        assert!(!compare(&will, &may).unwrap().modality_clash);
        let mut not = will.clone();
        not.negative = true;
        let m = compare(&will, &not).unwrap();
        assert!(m.polarity_clash && !m.modality_clash);
    }
}
