//! Speaker phrases: the noun phrase before a cue (`Natalia Humeniuk, a spokeswoman for the
//! Ukrainian Army, said` → `Natalia Humeniuk`), after it (`said Mr Yermak`), a sentence's
//! subject, and the memory that resolves `it`/`he`/`she`/`they` to the source just named.

use crate::entities::label::Label;
use crate::entities::tagger::Mention;
use crate::syntax::hashing::WordSet;

use super::words::{
    is_time_like, Word, AUXILIARIES, CLAUSE_OPENERS, DETERMINERS, OPENING_ADVERBS, PREPOSITIONS,
    PRONOUNS,
};
use super::Span;
use crate::text::tokens::{Token, TokenKind};

const MAX_SPEAKER_WORDS: usize = 16;

/// Lowercase forms of the words the document writes in lowercase somewhere: a capitalised
/// word that never appears in lowercase is likely a name (`Putin`), one that does is likely
/// a sentence-initial common word (`Protests`).
/// The words borrow the document's text: no string is copied per word.
pub struct ProperNouns<'t> {
    /// The words seen written in lower case (a set per document: hashed with the word
    /// hasher, not SipHash; only looked up).
    lowercase_seen: WordSet<&'t str>,
}

impl<'t> ProperNouns<'t> {
    pub fn new(text: &'t str, tokens: &[Token]) -> ProperNouns<'t> {
        let lowercase_seen = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| &text[t.start as usize..t.end as usize])
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .collect();
        ProperNouns { lowercase_seen }
    }

    pub fn is_name(&self, w: &Word) -> bool {
        w.is_capitalised() && !self.lowercase_seen.contains(w.lower.as_str())
    }
}

/// What a speaker phrase was stopped by on its left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftEdge {
    SegmentStart,
    /// `,` `;` `:` or a dash.
    Break,
    QuoteMark,
    /// A clause opener: `that`, `while`, `but`, `and`, …
    Opener,
    /// Ran longer than a speaker can be.
    TooLong,
}

#[derive(Debug, Clone, Copy)]
pub struct LeftPhrase {
    /// Word range of the speaker (empty when `start == end`).
    pub start: usize,
    pub end: usize,
    pub edge: LeftEdge,
    /// The word that stopped the phrase (`edge` is not `SegmentStart`/`TooLong`).
    pub edge_at: Option<usize>,
}

impl LeftPhrase {
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

fn np_word(w: &Word) -> bool {
    w.is_word() || w.is_possessive() || w.text == "-" || w.text == "." || w.text == "&"
}

/// Words of a parenthetical between a subject and its verb, besides the opening adverbs
/// (`however`, `meanwhile`), time words, channels, prepositions and determiners: `too`,
/// `for its part`, `in turn`, `in response`.
const PARENTHETICAL_WORDS: &[&str] = &[
    "too",
    "though",
    "likewise",
    "similarly",
    "nonetheless",
    "nevertheless",
    "again",
    "part",
    "turn",
    "response",
    "fact",
    "contrast",
    "addition",
    "particular",
    "course",
    "notably",
    "apparently",
    "reportedly",
];

/// Most words a parenthetical holds (`for its part`, `in a statement on Monday`).
const MAX_PARENTHETICAL_WORDS: usize = 5;

/// Whether words `a..b` are a parenthetical set off by commas between a subject and its
/// verb (`Right-wing media, meanwhile, described`, `Officials, for their part, said`,
/// `The ministry, in a statement, said`): adverbs, time and channel phrases, with at least
/// one word that is neither a preposition nor a determiner. An appositive (`a spokeswoman
/// for the army`) holds a noun of its own and is none.
fn is_parenthetical(words: &[Word], a: usize, b: usize) -> bool {
    let n = b.saturating_sub(a);
    let inside = &words[a..b.max(a)];
    let filler =
        |w: &Word| w.is_any(PREPOSITIONS) || w.is_any(DETERMINERS) || w.is_any(&["for", "of"]);
    let adverb = |w: &Word| {
        w.is_any(OPENING_ADVERBS) || w.is_any(PARENTHETICAL_WORDS) || is_time_like(w) || w.channel
    };
    (1..=MAX_PARENTHETICAL_WORDS).contains(&n)
        && inside
            .iter()
            .all(|w| w.is_word() && (adverb(w) || filler(w)))
        && inside.iter().any(|w| adverb(w) && !filler(w))
        && !inside
            .iter()
            .any(|w| w.is_any(&["and", "but", "so", "yet"]))
}

/// Scans left from the cue at `cue` to the start of its speaker phrase, within `lo..`.
pub fn left_phrase(words: &[Word], lo: usize, cue: usize) -> LeftPhrase {
    let mut end = cue;
    while end > lo && (words[end - 1].is_any(AUXILIARIES) || is_time_like(&words[end - 1])) {
        end -= 1;
    }
    // `X, meanwhile, said`: the parenthetical stands between the speaker and the cue.
    if end > lo && words[end - 1].is_punct(",") {
        let close = end - 1;
        let open = (lo..close)
            .rev()
            .take(MAX_PARENTHETICAL_WORDS + 1)
            .find(|&k| words[k].is_punct(","));
        if let Some(open) = open.filter(|&k| k > lo && np_word(&words[k - 1])) {
            if is_parenthetical(words, open + 1, close) {
                end = open;
            }
        }
    }
    let mut start = end;
    let (edge, edge_at) = loop {
        if start == lo {
            break (LeftEdge::SegmentStart, None);
        }
        if end - start >= MAX_SPEAKER_WORDS {
            break (LeftEdge::TooLong, None);
        }
        let w = &words[start - 1];
        if w.kind == TokenKind::Quote {
            break (LeftEdge::QuoteMark, Some(start - 1));
        }
        if w.is_phrase_break() || w.is_terminal() {
            break (LeftEdge::Break, Some(start - 1));
        }
        if w.is("and") {
            let joins_names = start < end
                && words[start].is_capitalised()
                && start >= 2
                && words[start - 2].is_capitalised();
            if !joins_names {
                break (LeftEdge::Opener, Some(start - 1));
            }
        } else if w.is("who") && start < end {
            // `A student who lives in the city said`: the relative clause is the speaker's.
        } else if w.is_any(CLAUSE_OPENERS) && (!w.is_capitalised() || start - 1 == lo) {
            break (LeftEdge::Opener, Some(start - 1));
        } else if !np_word(w) {
            break (LeftEdge::Break, Some(start - 1));
        }
        start -= 1;
    };
    // A noun phrase opens with neither an adverb nor a preposition (`with Kyiv saying`).
    while start < end && (words[start].is_any(OPENING_ADVERBS) || words[start].is_any(PREPOSITIONS))
    {
        start += 1;
    }
    end = trim_channel(words, start, end);
    LeftPhrase {
        start,
        end,
        edge,
        edge_at,
    }
}

/// Cuts a channel phrase off the end of a speaker: `Zelensky [in his nightly address]`.
fn trim_channel(words: &[Word], start: usize, end: usize) -> usize {
    for k in start + 1..end {
        if words[k].is_any(&["in", "during", "at", "on", "via", "through"])
            && words[k + 1..end].iter().any(|w| w.channel)
        {
            return k;
        }
    }
    end
}

/// `A, B, said` with the cue right after a comma: one of A and B names the speaker, the
/// other describes them. `Natalia Humeniuk, a spokeswoman for the Ukrainian Army,` → A;
/// `The presidential adviser, Mykhailo Podalyak,` → B (a description, then a name).
pub fn appositive_speaker(words: &[Word], lo: usize, comma: usize) -> Option<LeftPhrase> {
    let open = (lo..comma)
        .rev()
        .take(15)
        .find(|&k| words[k].is_punct(","))?;
    let appositive = &words[open + 1..comma];
    if appositive.is_empty()
        || appositive
            .iter()
            .any(|w| w.kind == TokenKind::Quote || w.is_phrase_break())
    {
        return None;
    }
    let first = left_phrase(words, lo, open);
    if first.is_empty() || first.end != open || appositive.len() > 14 {
        return None;
    }
    let first_is_name = words[first.end - 1].is_capitalised() && first.end - first.start <= 6;
    let second_is_name =
        appositive.last().is_some_and(Word::is_capitalised) && appositive.len() <= 6;
    if first_is_name {
        let describes = appositive[0].is_any(DETERMINERS)
            || appositive.iter().take(4).any(Word::is_possessive)
            || appositive[0].is_capitalised();
        return describes.then_some(first);
    }
    second_is_name.then_some(LeftPhrase {
        start: open + 1,
        end: comma,
        ..first
    })
}

/// The speaker after an inverted cue (`, said Mr. Le Drian, adding …`): up to a comma, a
/// stop or a preposition; `the host, Anton Krasovsky` keeps the name that follows.
pub fn right_phrase(words: &[Word], from: usize, hi: usize) -> Option<(usize, usize)> {
    if words
        .get(from)
        .is_none_or(|w| w.is_any(PREPOSITIONS) || w.is_any(CLAUSE_OPENERS))
    {
        return None;
    }
    let mut end = from;
    while end < hi {
        let w = &words[end];
        if !np_word(w) || w.is_terminal() {
            break;
        }
        if end > from && !w.is_capitalised() && w.is_any(PREPOSITIONS) && !w.is("of") {
            break;
        }
        if end > from && w.lower.ends_with("ing") && !w.is_capitalised() {
            break;
        }
        end += 1;
    }
    if end == from {
        return None;
    }
    let common_head = words[from..end].iter().all(|w| !w.is_capitalised());
    if common_head && end + 1 < hi && words[end].is_punct(",") && words[end + 1].is_capitalised() {
        let mut k = end + 1;
        while k < hi && (words[k].is_capitalised() || words[k].text == ".") {
            k += 1;
        }
        end = k;
    }
    Some((from, end))
}

/// The subject of a segment, for participles with no speaker of their own (`Mr Yermak
/// posted two photos …, saying …`): the opening noun phrase, after any opening adverbial.
pub fn subject(words: &[Word], lo: usize, hi: usize) -> Option<(usize, usize)> {
    let mut start = lo;
    loop {
        while start < hi && (words[start].is_any(OPENING_ADVERBS) || words[start].is_punct(",")) {
            start += 1;
        }
        // An opening adverbial (`Within a week of …,`, `And late last month,`) up to its comma.
        let adverbial = words.get(start).is_some_and(|w| {
            w.is_any(PREPOSITIONS)
                || (is_time_like(w) && !w.is("the"))
                || w.is_any(&[
                    "within",
                    "as",
                    "while",
                    "despite",
                    "amid",
                    "following",
                    "under",
                    "after",
                    "since",
                ])
        });
        let comma = (start..hi.min(start + 14)).find(|&k| words[k].is_punct(","));
        match comma {
            Some(c) if adverbial => start = c + 1,
            _ => break,
        }
    }
    let mut end = start;
    while end < hi && end - start < 8 {
        let w = &words[end];
        if !np_word(w) || w.is_terminal() || (end > start && looks_like_verb(w)) {
            break;
        }
        end += 1;
    }
    let named = words[start..end].iter().any(Word::is_capitalised);
    (end > start && named).then_some((start, end))
}

fn looks_like_verb(w: &Word) -> bool {
    !w.is_capitalised()
        && (w.is_any(AUXILIARIES)
            || w.lower.ends_with("ed")
            || w.is_any(&[
                "took", "made", "gave", "went", "began", "came", "got", "held", "kept", "left",
                "met", "sent", "spent", "stood", "won", "lost", "ran", "saw", "set", "put",
                "brought", "thought", "struck", "fought", "sought", "became", "said", "told",
                "wrote", "says", "can", "could", "may", "might", "must", "should",
            ]))
}

pub fn is_pronoun(words: &[Word], start: usize, end: usize) -> bool {
    end == start + 1 && words[start].is_any(PRONOUNS)
}

pub fn span_of(words: &[Word], start: usize, end: usize) -> Span {
    Span {
        start: words[start].start,
        end: words[end - 1].end,
    }
}

/// What a source is, as far as a pronoun cares: `he` and `she` stand for a person, `it` for
/// anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    /// A country, a city, a place or a building.
    Thing,
    /// No entity mention heads the phrase (`officials`, `the report`), or one that can be
    /// either (`the Russian`, a NORP mention), or an organisation (see `Kinds::of`).
    Unknown,
}

impl Kind {
    /// Whether a pronoun that wants `self` may stand for a source of kind `source`.
    fn admits(self, source: Kind) -> bool {
        matches!(
            (self, source),
            (Kind::Unknown, _)
                | (_, Kind::Unknown)
                | (Kind::Person, Kind::Person)
                | (Kind::Thing, Kind::Thing)
        )
    }
}

/// The kind of source a pronoun stands for: `he`/`she` a person, `it` a thing.
pub fn pronoun_kind(w: &Word) -> Kind {
    if w.is_any(&["he", "she", "him", "her"]) {
        Kind::Person
    } else if w.is("it") {
        Kind::Thing
    } else {
        Kind::Unknown
    }
}

/// The kinds of the document's sources, read off its entity mentions.
pub struct Kinds<'m> {
    /// Sorted by start.
    mentions: &'m [Mention],
}

impl<'m> Kinds<'m> {
    pub fn new(mentions: &'m [Mention]) -> Kinds<'m> {
        Kinds { mentions }
    }

    /// The kind of the phrase at `span`, from the mention that ends it (its head in an
    /// English noun phrase: `the party's chairman, Tom Perez` is a person, `Iran` a thing,
    /// `the F.B.I. director` unknown).
    pub fn of(&self, span: Span) -> Kind {
        let from = self.mentions.partition_point(|m| m.start < span.start);
        let until = self.mentions.partition_point(|m| m.start < span.end);
        let head = self.mentions[from..until]
            .iter()
            .rev()
            .find(|m| m.end == span.end);
        match head.map(|m| m.label) {
            Some(Label::Person) => Kind::Person,
            // Not ORG: a person named alone is often tagged one (`Trump` as ORG:trump).
            Some(Label::Gpe | Label::Loc | Label::Fac) => Kind::Thing,
            _ => Kind::Unknown,
        }
    }
}

/// The sources named lately, remembered for two paragraphs (the current one and the next),
/// each with its number and kind, and the last attribution, which quoted speech with no cue
/// of its own continues.
pub struct Memory<'m> {
    /// Latest last: the span, its paragraph, whether it names several (`Aides`), its kind.
    named: Vec<(Span, u32, bool, Kind)>,
    attribution: Option<(Attribution, u32)>,
    paragraph: u32,
    kinds: Kinds<'m>,
}

/// Sources remembered at most: a pronoun looks no further back.
const REMEMBERED: usize = 4;

/// `he`, `she`, `it` stand for one source, `they` for one or several (a ministry, officials),
/// `we` and `I` for the speaker's side: `Some(false)` for the first, else `None`.
pub fn pronoun_plural(w: &Word) -> Option<bool> {
    w.is_any(&["he", "she", "it"]).then_some(false)
}

#[derive(Debug, Clone)]
pub struct Attribution {
    pub speaker: Option<Span>,
    pub pronoun: Option<Span>,
    pub cue: super::Cue,
}

impl<'m> Memory<'m> {
    /// Nothing remembered yet; sources' kinds read off the document's `mentions`.
    pub fn new(mentions: &'m [Mention]) -> Memory<'m> {
        Memory {
            named: Vec::new(),
            attribution: None,
            paragraph: 0,
            kinds: Kinds::new(mentions),
        }
    }

    pub fn next_paragraph(&mut self) {
        self.paragraph += 1;
    }

    pub fn name(&mut self, span: Span, plural: bool) {
        if self.named.len() == REMEMBERED {
            self.named.remove(0);
        }
        let kind = self.kinds.of(span);
        self.named.push((span, self.paragraph, plural, kind));
    }

    /// Whether the phrase at `span` can be what a pronoun of kind `pronoun` stands for.
    pub fn fits(&self, span: Span, pronoun: Kind) -> bool {
        pronoun.admits(self.kinds.of(span))
    }

    /// A pronoun stood for `span` here: it becomes the latest source again, with the
    /// number it was remembered with (or the pronoun's, if it was not remembered).
    pub fn mentioned_again(&mut self, span: Span, pronoun_plural: Option<bool>) {
        let known = self.named.iter().rposition(|&(s, ..)| s == span);
        let plural = match known {
            Some(k) => self.named.remove(k).2,
            None => pronoun_plural.unwrap_or(true),
        };
        if known.is_some() || pronoun_plural.is_some() {
            self.name(span, plural);
        }
    }

    pub fn attributed(&mut self, a: Attribution) {
        self.attribution = Some((a, self.paragraph));
    }

    pub fn last_attribution(&self) -> Option<&Attribution> {
        self.attribution
            .as_ref()
            .filter(|(_, p)| self.paragraph - p <= 1)
            .map(|(a, _)| a)
    }

    pub fn resolve(&self) -> Option<Span> {
        self.resolve_pronoun(None, Kind::Unknown)
    }

    /// The latest source still remembered whose number and kind agree (`he` is not `Aides`
    /// nor `Iran`).
    pub fn resolve_pronoun(&self, plural: Option<bool>, kind: Kind) -> Option<Span> {
        self.named
            .iter()
            .rev()
            .take_while(|&&(_, p, ..)| self.paragraph - p <= 1)
            .find(|&&(_, _, pl, k)| plural.is_none_or(|want| want == pl) && kind.admits(k))
            .map(|&(s, ..)| s)
    }
}
