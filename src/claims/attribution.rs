//! The claims of one segment: for each reporting cue, its speaker and the words it frames.
//!
//! Where the proposition lies relative to the cue:
//! - **after** it (`Moscow says [it is sending residents away]`, `X told Reuters [they …]`,
//!   `X said in a statement on Telegram: ["…"]`), up to the next claim of the segment;
//! - **before** it, when the cue and its speaker close the clause (`["…,"] Podolyak said on
//!   Twitter`, `[…], both sides said.`, `[…], said Mr Yermak`, `[…], according to X`);
//! - **around** it, for a parenthetical (`[The evacuation orders], he said, [suggested …]`).
//!
//! A new claim starts at a cue whose speaker follows `but`, `while`, `;`, at a participle
//! after a comma (`, adding that`) and at a coordinated cue (`… and say that`). Other cues
//! inside a running proposition are part of it (`said power was restored, after "sabotage"
//! it accuses Kyiv of`).

use super::cues::{self, CueMatch};
use super::hedges;
use super::negation;
use super::segments::Paragraph;
use super::speakers::{self, Attribution, LeftEdge, Memory, ProperNouns};
use super::split;
use super::tree;
use super::words::{
    is_time_like, is_time_noun, Word, CLAUSE_OPENERS, DETERMINERS, OPENING_ADVERBS, PREPOSITIONS,
    PRONOUNS,
};
use super::{Claim, Cue, CueClass, Polarity, QuoteKind, Span};
use crate::text::tokens::TokenKind;

/// Longest tail (in words) a cue may have and still close its clause (`said in an update
/// late on Monday`).
const MAX_TAIL_WORDS: usize = 12;
/// Words the article's own statement needs (fewer make a fragment, not a statement).
const MIN_STATEMENT_WORDS: usize = 4;

/// How far up the tree from a cue its clause's conjunct is looked for.
const MAX_CLIMB_TO_CONJUNCT: usize = 4;

#[derive(Debug, Clone, Copy)]
enum Who {
    Named(usize, usize),
    /// The speaker of the previous claim in the segment, else the segment's subject.
    Inherit,
    /// `It was claimed that`.
    Nobody,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Extent {
    /// From this word to the next claim of the segment.
    Right(usize),
    Fixed(usize, usize),
}

struct Draft {
    cue: CueMatch,
    who: Who,
    extent: Extent,
    /// Where this claim's words begin; the previous claim's proposition ends here.
    region_start: usize,
    /// Where its attribution ends (a later claim's left proposition starts after it).
    attribution_end: usize,
    /// False for an `according to` that names the channel of the claim before it.
    emit: bool,
}

/// Skips what may follow a cue before the proposition: the addressee of `told`, channel
/// and time phrases, `that` and `:`. Returns the first word of the proposition and whether
/// a complementiser (`that`, `:`) or an opening quote announced it.
fn after_cue(words: &[Word], cue: &CueMatch, hi: usize) -> (usize, bool) {
    if cue.content_from < cue.end {
        return (cue.content_from, true);
    }
    let mut k = cue.end;
    // A bare number is a day only after a month and before no noun (`said Nov. 2 that`):
    // `said 10 people were killed` counts people.
    let day = |k: usize| {
        k > cue.end
            && words[k - 1].time_word
            && words
                .get(k + 1)
                .is_none_or(|w| !w.is_word() || w.is("that") || is_time_like(w))
    };
    while k < hi && is_time_noun(&words[k]) && (words[k].time_word || day(k)) {
        k += 1;
    }
    if words[cue.first].lower.starts_with("tell") || words[cue.first].is("told") {
        if k < hi
            && words[k].is_any(&["him", "her", "them", "us", "me", "reporters", "journalists"])
        {
            k += 1;
        } else if k < hi && words[k].is_any(&["a", "an", "the"]) {
            k += 1;
            while k < hi
                && words[k].is_word()
                && (words[k].channel || !words[k].is_any(&["that", "they", "it"]))
                && k - cue.end < 4
                && !words[k].is_any(PREPOSITIONS)
            {
                k += 1;
                if words[k - 1].channel {
                    break;
                }
            }
        } else {
            while k < hi && (words[k].is_capitalised() || words[k].is_possessive()) {
                k += 1;
            }
            k = addressee_head(words, k, hi);
        }
    }
    loop {
        if k < hi && words[k].is_any(PREPOSITIONS) && !words[k].is("to") {
            let mut j = k + 1;
            let mut meaningful = false;
            while j < hi {
                let w = &words[j];
                let part = w.is_any(DETERMINERS)
                    || w.is_possessive()
                    || w.is_any(&["on", "in", "at", "late", "early", "-"])
                    || w.channel
                    || is_time_like(w)
                    || w.is_capitalised();
                if !part {
                    break;
                }
                meaningful |= w.channel || is_time_like(w) || w.is_capitalised();
                j += 1;
            }
            if meaningful && j > k + 1 {
                k = j;
                continue;
            }
        }
        break;
    }
    if k < hi && (words[k].is("that") || words[k].is_punct(":")) {
        return (k + 1, true);
    }
    let quote_opens = k < hi && words[k].kind == TokenKind::Quote;
    (k, quote_opens)
}

/// The rest of a named addressee whose phrase goes on past its capitalised words, up to
/// the `that` announcing the content: a possessive's head (`told Wang's family that`) or a
/// second addressee (`told Jones and his family that`). Without that `that` near, the words
/// may already be the content (`told Reuters the company that made it …`): left as they are.
fn addressee_head(words: &[Word], k: usize, hi: usize) -> usize {
    let goes_on = k > 0 && words[k - 1].is_possessive() || k < hi && words[k].is("and");
    if !goes_on {
        return k;
    }
    (k..hi.min(k + 5))
        .take_while(|&j| words[j].is_word() && !words[j].is_any(PRONOUNS))
        .find(|&j| words[j].is("that"))
        .unwrap_or(k)
}

/// Whether `cue` is a trailing attribution closing its sentence, `…, a newspaper said on
/// Saturday.`: a short verbless phrase set off by a comma, the cue, then nothing but its
/// time or channel. It attributes all that comes before, an earlier cue's content included
/// (`after he admitted he had stashed heroin …, a newspaper said`), however the parser hung
/// the two cues.
fn closes_the_sentence(p: &Paragraph, lo: usize, hi: usize, cue: &CueMatch) -> bool {
    let words = &p.words;
    let (after, _) = after_cue(words, cue, hi);
    if cue.content_from < cue.end || words[after..hi].iter().any(|w| w.is_word()) {
        return false;
    }
    let Some(comma) = (lo..cue.first).rev().find(|&k| !words[k].is_word()) else {
        return false;
    };
    // The speaker phrase reaches back to the comma (not `official and [diplomatic
    // sources]`, which the speaker rules read otherwise).
    let left = speakers::left_phrase(words, lo, cue.first);
    let speaker = word_count(words, comma + 1, cue.first);
    words[comma].is_punct(",")
        && left.start == comma + 1
        && left.edge_at == Some(comma)
        && (1..=MAX_TRAILING_SPEAKER).contains(&speaker)
        && tree::has_verb(p, comma + 1, cue.first) == Some(false)
}

/// The most words a trailing speaker (`, a newspaper said.`) may have.
const MAX_TRAILING_SPEAKER: usize = 6;

fn word_count(words: &[Word], a: usize, b: usize) -> usize {
    words[a..b.max(a)].iter().filter(|w| w.is_word()).count()
}

/// `In a statement,` / `On Tuesday,` / `However, this Tuesday, November 8,`: an opening
/// adverbial, not a proposition.
fn is_adverbial(words: &[Word], a: usize, b: usize) -> bool {
    let n = word_count(words, a, b);
    let only_time = words[a..b.max(a)].iter().all(|w| {
        !w.is_word() || is_time_like(w) || w.is_any(OPENING_ADVERBS) || w.is_any(PREPOSITIONS)
    });
    n < 2 || only_time || (words[a].is_any(PREPOSITIONS) && n <= 5)
}

/// Headlines, captions and cut-off lines end without a full stop: they carry no claim.
fn ends_like_a_sentence(words: &[Word], lo: usize, hi: usize) -> bool {
    let mut end = hi;
    while end > lo && words[end - 1].kind == TokenKind::Quote {
        end -= 1;
    }
    end > lo && words[end - 1].is_terminal()
}

pub fn segment_claims(
    _text: &str,
    p: &Paragraph,
    lo: usize,
    hi: usize,
    memory: &mut Memory<'_>,
    names: &ProperNouns<'_>,
) -> Vec<Claim> {
    let words = &p.words;
    if !ends_like_a_sentence(words, lo, hi) {
        return Vec::new();
    }
    let found = cues::find(words, lo, hi, &p.quoted, p.lexicon, Some(p));
    let mut drafts: Vec<Draft> = Vec::new();
    // Propositions placed so far that may still hold a later cue: cues come in text order,
    // so one ending at or before a cue can be forgotten.
    let mut placed: Vec<(usize, usize)> = Vec::new();
    for (ci, cue) in found.iter().enumerate() {
        // Inside a proposition already placed around an earlier cue (a parenthetical).
        placed.retain(|&(_, b)| cue.first < b);
        if placed.iter().any(|&(a, _)| a <= cue.first) {
            continue;
        }
        let next_cue = found.get(ci + 1).map_or(hi, |c| c.first);
        // An open proposition does not swallow a later cue that governs the earlier one: the
        // earlier cue sits in a subordinate clause (`In welcoming Abe to what he called the
        // "southern White House", Trump said …`), and the later one is the sentence's own.
        let open = drafts
            .last()
            .filter(|d| d.emit && matches!(d.extent, Extent::Right(_)));
        // Nor one that heads a clause coordinated with it, subject and all: that cue
        // states something of its own, and the open content ends at the comma before it.
        let coordinated = open.and_then(|d| tree::coordinated_cue(p, d.cue.first, cue.first));
        let open_right = open.is_some_and(|d| !tree::governs(p, cue.first, d.cue.first))
            && coordinated.is_none()
            && !closes_the_sentence(p, lo, hi, cue);
        let clause_start = drafts.last().map_or(lo, |d| d.attribution_end);
        if drafts.is_empty() {
            if let Some(d) = opening_participle(p, lo, hi, cue) {
                drafts.push(d);
                continue;
            }
        }
        if let Some(d) = draft(
            words,
            lo,
            hi,
            cue.clone(),
            next_cue,
            open_right,
            clause_start,
        ) {
            let d = subject_before_inverted_cue(p, d, hi);
            if let Extent::Fixed(a, b) = d.extent {
                placed.push((a, b));
            }
            let mut d = with_parsed_subject(p, d, lo, hi);
            if let Some(comma) = coordinated {
                d.region_start = d.region_start.min(comma);
            }
            drafts.push(d);
        }
    }
    let mut out = narrative_before_participle(p, lo, &drafts);
    if out.is_empty() {
        out.extend(narrative_before_coordinated_cue(p, lo, &drafts));
    }
    out.extend(narrative_after_opening_participle(p, lo, hi, &drafts));
    // A quoted command (`"So let us be strong," Trump said`) is no claim, nor is the segment
    // around it the article's own statement.
    let mut commands = 0;
    let mut previous_speaker: Option<(Option<Span>, Option<Span>)> = None;
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if !d.emit {
            continue;
        }
        let (a, b) = match d.extent {
            Extent::Fixed(a, b) => (a, b),
            Extent::Right(a) => (a, drafts.get(i + 1).map_or(hi, |n| n.region_start)),
        };
        if is_command(p, a, b) {
            commands += 1;
            continue;
        }
        let (speaker, pronoun) = match d.who {
            Who::Nobody => (None, None),
            Who::Named(s, e) if speakers::is_pronoun(words, s, e) => {
                let plural = speakers::pronoun_plural(&words[s]);
                let kind = speakers::pronoun_kind(&words[s]);
                // A cue coordinated with the one before (`Trump has said …, and he has
                // called …`): its pronoun is that cue's named speaker, whichever clause a
                // parser hangs the conjunct on.
                let coordinated = i.checked_sub(1).map(|j| &drafts[j]).filter(|before| {
                    tree::coordinated_cue(p, before.cue.first, d.cue.first).is_some()
                });
                let earlier = coordinated.and_then(|before| match before.who {
                    Who::Named(bs, be)
                        if !speakers::is_pronoun(words, bs, be)
                            && plural.is_none_or(|pl| pl == tree::is_plural(p, bs, be)) =>
                    {
                        Some(speakers::span_of(words, bs, be))
                    }
                    _ => None,
                });
                let antecedent = (earlier.filter(|&span| memory.fits(span, kind)))
                    .or_else(|| subject_before_pronoun(p, lo, s, plural))
                    .filter(|&span| memory.fits(span, kind))
                    .or_else(|| memory.resolve_pronoun(plural, kind));
                // The source a pronoun stands for stays the latest one named (`"…," he
                // said.` … `He added that …` two paragraphs on).
                if let Some(span) = antecedent {
                    memory.mentioned_again(span, plural);
                }
                (antecedent, Some(speakers::span_of(words, s, e)))
            }
            Who::Named(s, e) => {
                let span = speakers::span_of(words, s, e);
                remember(p, s, e, memory);
                (Some(span), None)
            }
            Who::Inherit => previous_speaker.unwrap_or_else(|| {
                // The segment's opening noun phrase; where the tags say it is none
                // (`Hosting Macron at the`), the subject the parse gives the cue.
                let subject = match speakers::subject(words, lo, hi) {
                    Some((s, e)) if !tree::is_noun_phrase(p, s, e) => {
                        tree::subject(p, d.cue.first, lo, hi, true)
                    }
                    found => found,
                };
                match subject {
                    Some((s, e)) => {
                        let span = speakers::span_of(words, s, e);
                        remember(p, s, e, memory);
                        (Some(span), None)
                    }
                    None => (memory.resolve(), None),
                }
            }),
        };
        previous_speaker = Some((speaker, pronoun));
        let cue = Cue {
            span: speakers::span_of(words, d.cue.first, d.cue.end),
            text: d.cue.text.clone(),
            class: d.cue.class,
        };
        let negated = d.cue.first > lo
            && words[d.cue.first.saturating_sub(2)..d.cue.first]
                .iter()
                .any(|w| w.is_any(&["not", "never", "n't", "’t", "'t"]));
        // `did not say that X`: the source puts nothing forward, so X is not asserted.
        let polarity = match (d.cue.class, negated) {
            (CueClass::Deny, false) => Polarity::Denied,
            (CueClass::Deny, true) => Polarity::Asserted,
            (_, true) => Polarity::Negated,
            (_, false) => Polarity::Asserted,
        };
        let hedged_attribution =
            hedges::is_hedged(words, d.region_start.min(a), d.cue.end, p.lexicon);
        let statements: Vec<_> = split::statements(p, a, b)
            .into_iter()
            .filter(|s| !is_command(p, s.start, s.end))
            .collect();
        // The article's own clause names a source a later pronoun may stand for (`Iran
        // warned that …, Mr. Trump threatened it …` … `he said`).
        for s in statements.iter().filter(|s| s.narrative) {
            remember_named_subject(p, s.start, s.end, memory, names);
        }
        let claims: Vec<Claim> = statements
            .into_iter()
            .filter_map(|s| {
                if s.narrative {
                    let own = Polarity::Asserted;
                    return build(p, s.start, s.end, None, None, None, own, false);
                }
                build(
                    p,
                    s.start,
                    s.end,
                    Some(cue.clone()),
                    speaker,
                    pronoun,
                    polarity,
                    hedged_attribution,
                )
            })
            .collect();
        // Quoted speech that follows with no cue continues a quotation, not a paraphrase
        // (`"…," Podolyak said, adding that … "Is Putin ready?"` → said).
        if claims
            .iter()
            .any(|c| c.cue.is_some() && c.quote != Some(QuoteKind::Indirect))
        {
            memory.attributed(Attribution {
                speaker,
                pronoun,
                cue,
            });
        }
        out.extend(claims);
    }
    if out.is_empty() && commands == 0 {
        out = unattributed(p, lo, hi, memory, names);
    }
    out
}

/// The article's own statement in the main clause before a participle cue that opens the
/// segment's first claim: `[The White House sought to put a good face on the meeting],
/// describing Japan as …`, `[Trump fired back hours later via Twitter], calling the suit …`.
/// The clause says what the speaker did; the participle, what they said. None when the clause
/// has no finite verb or is too short to state anything (`Hosting Macron,`).
fn narrative_before_participle(p: &Paragraph, lo: usize, drafts: &[Draft]) -> Vec<Claim> {
    let Some(d) = drafts.first() else {
        return Vec::new();
    };
    let after_comma = p.words.get(d.region_start).is_some_and(|w| w.is_punct(","));
    let statement = d.emit
        && d.cue.participle
        && matches!(d.who, Who::Inherit)
        && after_comma
        && word_count(&p.words, lo, d.region_start) >= MIN_STATEMENT_WORDS
        && !p.quoted[lo..d.region_start].iter().any(|&q| q)
        && tree::has_verb(p, lo, d.region_start) == Some(true);
    if !statement {
        return Vec::new();
    }
    build(
        p,
        lo,
        d.region_start,
        None,
        None,
        None,
        Polarity::Asserted,
        false,
    )
    .into_iter()
    .collect()
}

/// The article's own clause before `and` / `but` / `yet` when the clause after it holds the
/// segment's first cue: `[Kim's offer was conveyed to Trump by South Korea last month], and
/// the president shocked many when it was announced that …`, `[The announcement is sure to
/// be a step in the right direction] but Trump has said …`. By the parse: the cue lies in a
/// conjunct (`conj`) whose conjunction stands between the two clauses and whose head, a
/// predicate before the conjunction, heads the first. None when the first clause is quoted,
/// too short to state anything, has no verb, or holds the cue's proposition (`"…," and …`).
fn narrative_before_coordinated_cue(p: &Paragraph, lo: usize, drafts: &[Draft]) -> Vec<Claim> {
    let Some(d) = drafts.first() else {
        return Vec::new();
    };
    let content_start = match d.extent {
        Extent::Fixed(a, _) | Extent::Right(a) => a,
    };
    let Some(cc) = conjunction_before_cue(p, lo, d.cue.first) else {
        return Vec::new();
    };
    // No other claim of the segment may start before the conjunction (one id a start).
    let after_cc = drafts.iter().all(|d| match d.extent {
        Extent::Fixed(a, _) | Extent::Right(a) => cc <= a && cc <= d.region_start,
    });
    let statement = d.emit
        && after_cc
        && cc <= d.region_start.min(content_start)
        && word_count(&p.words, lo, cc) >= MIN_STATEMENT_WORDS
        && !p.quoted[lo..cc].iter().any(|&q| q)
        && !p.words[lo..cc].iter().any(|w| w.kind == TokenKind::Quote)
        && tree::has_verb(p, lo, cc) == Some(true);
    if !statement {
        return Vec::new();
    }
    build(p, lo, cc, None, None, None, Polarity::Asserted, false)
        .into_iter()
        .collect()
}

/// The word of the conjunction (`and`, `but`, `yet`) that joins the clause holding the cue
/// at word `cue` to a clause before it, within `lo..cue`: the cue's conjunct (the cue
/// itself or a clause above it) is a `conj` of a predicate (a verb, or a word with a
/// copula: `is sure to be a step … but Trump has said`) before the conjunction.
fn conjunction_before_cue(p: &Paragraph, lo: usize, cue: usize) -> Option<usize> {
    let syntax = p.syntax?;
    let first = p.token_of[lo] as usize;
    let mut t = p.token_of[cue] as usize;
    for _ in 0..MAX_CLIMB_TO_CONJUNCT {
        let head = syntax.head(t);
        if head == t || head < first {
            return None;
        }
        let predicate = matches!(syntax.get(head).pos, "VERB" | "AUX")
            || syntax.children(head).any(|c| syntax.get(c).dep == "cop");
        if syntax.get(t).dep == "conj" && head < t && predicate {
            let cc = syntax.children(t).find(|&c| {
                head < c && c < t && syntax.get(c).dep == "cc" && c < p.token_of[cue] as usize
            })?;
            let word = (lo + 1..cue).find(|&w| p.token_of[w] as usize == cc)?;
            return p.words[word].is_any(&["and", "but", "yet"]).then_some(word);
        }
        t = head;
    }
    None
}

/// A participle cue that opens the segment (`Denying any financial motivation, Mr. Perez
/// said …`, `Calling it "an all-out assault," the committee filed …`): its proposition runs
/// to the first comma, and its speaker is the subject of the verb it hangs from (by the
/// parse; else the segment's subject).
fn opening_participle(p: &Paragraph, lo: usize, hi: usize, cue: &CueMatch) -> Option<Draft> {
    let words = &p.words;
    let opens = (lo..cue.first).all(|k| words[k].is_any(OPENING_ADVERBS) || !words[k].is_word());
    if !cue.participle || cue.class == CueClass::Source || !opens {
        return None;
    }
    let (after, _) = after_cue(words, cue, hi);
    let comma = (after..hi).find(|&k| words[k].is_punct(","))?;
    // A comma inside a quotation closes it: `"… democracy,"`.
    let mut end = comma + 1;
    while end < hi && words[end].kind == TokenKind::Quote && p.quoted[end] {
        end += 1;
    }
    if end >= hi {
        return None;
    }
    // The parse may misattach the participle (as a clausal subject): the noun phrase that
    // opens the main clause is then its subject.
    let main_subject =
        || speakers::subject(words, end, hi).filter(|&(s, e)| tree::is_noun_phrase(p, s, e));
    let who = match tree::subject(p, cue.first, lo, hi, true)
        .filter(|&(s, _)| end <= s)
        .or_else(main_subject)
    {
        Some((s, e)) => Who::Named(s, e),
        None => Who::Inherit,
    };
    Some(Draft {
        cue: cue.clone(),
        who,
        extent: Extent::Fixed(after, comma),
        region_start: lo,
        attribution_end: end,
        emit: true,
    })
}

/// The article's own statement after an opening participle cue that is the segment's only
/// claim: `Calling it "an all-out assault," [the committee filed the civil suit …]`.
fn narrative_after_opening_participle(
    p: &Paragraph,
    lo: usize,
    hi: usize,
    drafts: &[Draft],
) -> Vec<Claim> {
    let [d] = drafts else {
        return Vec::new();
    };
    let opening = d.cue.participle && d.region_start == lo && matches!(d.extent, Extent::Fixed(..));
    let rest = d.attribution_end;
    let statement = opening
        && word_count(&p.words, rest, hi) >= MIN_STATEMENT_WORDS
        && tree::has_verb(p, rest, hi) == Some(true);
    if !statement {
        return Vec::new();
    }
    let own = Polarity::Asserted;
    build(p, rest, hi, None, None, None, own, false)
        .into_iter()
        .collect()
}

/// An inverted cue (`"…," said Mr Yermak`) after words with no verb and no quotation
/// (`Misael Valerio, head of border police at the Security Ministry, told reporters …`):
/// those words state nothing; they are the cue's subject, a name with a description set
/// off by commas, and what follows the cue is the content.
fn subject_before_inverted_cue(p: &Paragraph, mut d: Draft, hi: usize) -> Draft {
    let (Who::Named(s, _), Extent::Fixed(a, b)) = (d.who, d.extent) else {
        return d;
    };
    let words = &p.words;
    let quoted = (a..b).any(|k| p.quoted[k] || words[k].kind == TokenKind::Quote);
    if s < d.cue.end || quoted || a >= b || tree::has_verb(p, a, b) != Some(false) {
        return d;
    }
    // The name is the phrase up to its first comma; the rest describes it.
    let name_end = (a..b).find(|&k| words[k].is_punct(",")).unwrap_or(b);
    if !(a..name_end).any(|k| words[k].is_word()) {
        return d;
    }
    d.who = Who::Named(a, name_end);
    d.extent = Extent::Right(after_cue(words, &d.cue, hi).0);
    d.region_start = a;
    d.attribution_end = d.cue.end;
    d
}

/// The speaker the parse gives the cue (its subject) where the word rules found no noun
/// phrase (`Hosting Macron at the White House, Mr Trump said`), or only the end of the
/// subject (`Most scholars …`), or would carry a speaker over (the cue's own subject only:
/// long sentences are parsed less well than phrase edges are read). `according to` names
/// its source after it, and an impersonal passive has none.
fn with_parsed_subject(p: &Paragraph, mut d: Draft, lo: usize, hi: usize) -> Draft {
    if d.cue.class == CueClass::Source || matches!(d.who, Who::Nobody) {
        return d;
    }
    // Around a cue the tagger took for a noun, tags and tree are no guide.
    if tree::reading(p, d.cue.first, d.cue.end, hi) != Some(tree::Reading::Verb) {
        return d;
    }
    // A subject holding a quotation mark is a misparse taking the quote's words for the
    // speaker's (`"Melania and I were honored …," Trump said`): no speaker phrase holds one.
    let quoted = |(a, b): (usize, usize)| (a..b).any(|k| p.words[k].kind == TokenKind::Quote);
    let subject = |narrow| tree::subject(p, d.cue.first, lo, hi, narrow).filter(|&x| !quoted(x));
    match d.who {
        Who::Named(s, e) if tree::is_noun_phrase(p, s, e) => {
            if let Some((ps, pe)) = subject(false) {
                if ps <= s && pe == e {
                    d.who = Who::Named(ps, pe);
                }
            }
        }
        Who::Named(s, _) => {
            // A capitalised word the tagger misread (`Moscow` as an adverb) stays a name;
            // `essentially`, `Hosting Macron at the` do not.
            let first = &p.words[s];
            let misread_name = first.is_capitalised()
                && !first.lower.ends_with("ing")
                && !first.is_any(PREPOSITIONS)
                && !first.is_any(OPENING_ADVERBS);
            match subject(true) {
                Some((ps, pe)) => d.who = Who::Named(ps, pe),
                None if !misread_name => d.who = Who::Inherit,
                None => {}
            }
        }
        _ => {
            if let Some((ps, pe)) = subject(false) {
                d.who = Who::Named(ps, pe);
            }
        }
    }
    if let Who::Named(s, e) = d.who {
        if let Some((s, e)) = tree::speaker_proper(p, s, e) {
            d.who = Who::Named(s, e);
        }
    }
    d
}

#[allow(clippy::too_many_arguments)]
fn draft(
    words: &[Word],
    lo: usize,
    hi: usize,
    cue: CueMatch,
    next_cue: usize,
    open_right: bool,
    clause_start: usize,
) -> Option<Draft> {
    let before = cue.first.checked_sub(1).filter(|&k| k >= lo);
    let (after, announced) = after_cue(words, &cue, hi);
    let mk = |who, extent, region_start, attribution_end, emit| Draft {
        cue: cue.clone(),
        who,
        extent,
        region_start,
        attribution_end,
        emit,
    };

    if cue.class == CueClass::Source {
        return Some(according_to(words, lo, hi, &cue, open_right, clause_start));
    }
    let left = speakers::left_phrase(words, lo, cue.first);
    let edge_word = left.edge_at.map(|k| &words[k]);
    // `, adding that …`, `took the step of denying that …`, `for suggesting that …`
    let after_link = before.is_some_and(|k| {
        words[k].is_punct(",")
            || words[k].is("and")
            || words[k].is_any(PREPOSITIONS)
            || words[k].is_any(&["of", "for"])
    });
    if cue.participle && after_link {
        let region = before
            .filter(|&k| words[k].is_punct(",") || words[k].is("and"))
            .unwrap_or(cue.first);
        return Some(mk(
            Who::Inherit,
            Extent::Right(after),
            region,
            cue.end,
            true,
        ));
    }
    if cue.passive {
        let impersonal =
            !left.is_empty() && words[left.start].is("it") && left.end == left.start + 1;
        return impersonal
            .then(|| mk(Who::Nobody, Extent::Right(after), left.start, cue.end, true));
    }
    if left.is_empty() {
        match left.edge {
            // `… and say that …`: a second cue of the same speaker.
            LeftEdge::Opener if edge_word.is_some_and(|w| w.is_any(&["and", "but", "or"])) => {
                return Some(mk(
                    Who::Inherit,
                    Extent::Right(after),
                    left.edge_at.unwrap_or(cue.first),
                    cue.end,
                    true,
                ));
            }
            LeftEdge::Break | LeftEdge::QuoteMark
                if left.edge_at.is_some_and(|k| k > clause_start) =>
            {
                let k = left.edge_at.unwrap_or(cue.first);
                if words[k].is_punct(",") {
                    if let Some(name) = speakers::appositive_speaker(words, lo, k) {
                        let named = speakers::LeftPhrase {
                            end: name.end,
                            ..name
                        };
                        return named_speaker(
                            words,
                            hi,
                            cue.clone(),
                            named,
                            next_cue,
                            open_right,
                            clause_start,
                            after,
                            announced,
                        );
                    }
                }
                if open_right {
                    return None;
                }
                // Inverted: `"…," said Mr Yermak.`
                let Some((s, e)) = speakers::right_phrase(words, cue.end, hi) else {
                    return Some(mk(
                        Who::Inherit,
                        Extent::Right(after),
                        cue.first,
                        cue.end,
                        true,
                    ));
                };
                let content_end = if words[k].kind == TokenKind::Quote {
                    k + 1
                } else {
                    k
                };
                return Some(mk(
                    Who::Named(s, e),
                    Extent::Fixed(clause_start, content_end),
                    clause_start,
                    e,
                    true,
                ));
            }
            // `…, Mr. Putin, who has rejected …`: the name before the relative pronoun.
            LeftEdge::Opener if edge_word.is_some_and(|w| w.is("who")) => {
                let k = left.edge_at.unwrap_or(cue.first);
                let mut end = k;
                if end > lo && words[end - 1].is_punct(",") {
                    end -= 1;
                }
                let mut start = end;
                while start > lo
                    && (words[start - 1].is_capitalised() || words[start - 1].text == ".")
                {
                    start -= 1;
                }
                let who = if start < end {
                    Who::Named(start, end)
                } else {
                    Who::Inherit
                };
                return Some(mk(who, Extent::Right(after), k, cue.end, true));
            }
            _ => {
                if open_right && edge_word.is_some_and(|w| w.is("that")) {
                    return None;
                }
                return Some(mk(
                    Who::Inherit,
                    Extent::Right(after),
                    cue.first,
                    cue.end,
                    true,
                ));
            }
        }
    }
    named_speaker(
        words,
        hi,
        cue,
        left,
        next_cue,
        open_right,
        clause_start,
        after,
        announced,
    )
}

#[allow(clippy::too_many_arguments)]
fn named_speaker(
    words: &[Word],
    hi: usize,
    cue: CueMatch,
    left: speakers::LeftPhrase,
    next_cue: usize,
    open_right: bool,
    clause_start: usize,
    after: usize,
    announced: bool,
) -> Option<Draft> {
    let who = Who::Named(left.start, left.end);
    let edge_word = left.edge_at.map(|k| &words[k]);
    let new_clause =
        edge_word.is_some_and(|w| w.is_any(&["but", "while", "whereas", ";"]) || w.is_punct(";"));
    let region_start = match left.edge_at {
        Some(k) if new_clause || words[k].is_punct(",") => k,
        _ => left.start,
    };
    let right = |extent| Draft {
        cue: cue.clone(),
        who,
        extent,
        region_start,
        attribution_end: cue.end,
        emit: true,
    };
    match left.edge {
        LeftEdge::Opener if open_right && !new_clause => None,
        LeftEdge::Break | LeftEdge::QuoteMark => {
            let k = left.edge_at.unwrap_or(left.start);
            let content_end = if words[k].kind == TokenKind::Quote {
                k + 1
            } else {
                k
            };
            if new_clause
                || k < clause_start
                || is_adverbial(words, clause_start, content_end)
                    && words[k].kind != TokenKind::Quote
            {
                return (!open_right || new_clause).then(|| right(Extent::Right(after)));
            }
            if open_right {
                return None;
            }
            // The cue's clause ends at the next cue or full stop.
            let limit = (cue.end..next_cue.min(hi))
                .find(|&j| words[j].is_terminal())
                .unwrap_or(next_cue.min(hi));
            let tail = word_count(words, after, limit);
            let rest_starts_clause = after < hi
                && words[after].is_punct(",")
                && words.get(after + 1).is_some_and(|w| {
                    w.kind == TokenKind::Word && !w.is_capitalised() && !w.lower.ends_with("ing")
                });
            if rest_starts_clause && words[k].is_punct(",") {
                // `The orders, he said, suggested that …`
                return Some(Draft {
                    cue: cue.clone(),
                    who,
                    extent: Extent::Fixed(clause_start, hi),
                    region_start: clause_start,
                    attribution_end: hi,
                    emit: true,
                });
            }
            // What follows the cue is its channel or time, not an object or a clause: the
            // cue closes the clause. Only `say`-like cues can stand without an object.
            let mut first_after = cue.end;
            while first_after < limit && words[first_after].is_punct(",") {
                first_after += 1;
            }
            let tail_is_phrase = first_after < limit
                && words[first_after].is_any(PREPOSITIONS)
                && word_count(words, first_after, limit) <= MAX_TAIL_WORDS;
            // `"…," X said in …`: a quotation right before the speaker is what they said.
            let after_quotation = words[k].kind == TokenKind::Quote && !cue.participle;
            let closes = tail == 0
                || after_quotation
                || (cue.class == CueClass::Assert
                    && !cue.participle
                    && (tail <= 5 || tail_is_phrase));
            if !announced && closes {
                return Some(Draft {
                    cue: cue.clone(),
                    who,
                    extent: Extent::Fixed(clause_start, content_end),
                    region_start: clause_start,
                    attribution_end: cue.end,
                    emit: true,
                });
            }
            Some(right(Extent::Right(after)))
        }
        _ => Some(right(Extent::Right(after))),
    }
}

/// `According to X, …` and `…, according to X.`
fn according_to(
    words: &[Word],
    lo: usize,
    hi: usize,
    cue: &CueMatch,
    open_right: bool,
    clause_start: usize,
) -> Draft {
    let mut end = hi;
    while end > cue.end && !words[end - 1].is_word() {
        end -= 1;
    }
    let opening = (clause_start..cue.first)
        .all(|k| words[k].is_punct(",") || words[k].is_any(&["and", "but", "however"]))
        || is_adverbial(words, clause_start, cue.first);
    if opening {
        let comma = (cue.end..hi)
            .find(|&k| words[k].is_punct(","))
            .unwrap_or(end);
        return Draft {
            cue: cue.clone(),
            who: Who::Named(cue.end, comma.max(cue.end + 1).min(hi)),
            extent: Extent::Right(comma + 1),
            region_start: cue.first,
            attribution_end: comma + 1,
            emit: comma + 1 < hi,
        };
    }
    let region_start = if cue.first > lo && words[cue.first - 1].is_punct(",") {
        cue.first - 1
    } else {
        cue.first
    };
    Draft {
        cue: cue.clone(),
        who: Who::Named(cue.end, end.max(cue.end + 1).min(hi)),
        extent: Extent::Fixed(clause_start, region_start),
        region_start,
        attribution_end: hi,
        emit: !open_right,
    }
}

/// The subject that opens the segment before a pronoun speaker in a clause of its own, when
/// its number agrees (`Mr. Trump alluded to the trip when he said …`): the pronoun's nearest
/// antecedent. Not a quotation's words, nor the subject of what the pronoun says (`Support
/// would be "unflinching," she said`).
fn subject_before_pronoun(
    p: &Paragraph,
    lo: usize,
    pronoun: usize,
    plural: Option<bool>,
) -> Option<Span> {
    let opens_clause = pronoun > lo
        && p.words[pronoun - 1].is_any(CLAUSE_OPENERS)
        && !p.words[pronoun - 1].is("that");
    if !opens_clause {
        return None;
    }
    // The parse tells which clause the pronoun's own hangs from; without one, the phrase
    // that opens the segment.
    let (s, e) = match tree::governing_subject(p, lo, pronoun) {
        Some(subject) => subject?,
        None => speakers::subject(&p.words, lo, pronoun)?,
    };
    let fits = e < pronoun
        && !p.quoted[s..e].iter().any(|&q| q)
        && tree::is_noun_phrase(p, s, e)
        && !speakers::is_pronoun(&p.words, s, e)
        && plural.is_none_or(|pl| pl == tree::is_plural(p, s, e));
    fits.then(|| speakers::span_of(&p.words, s, e))
}

/// Whether the proposition at words `a..b` (quotation marks and edge punctuation aside) is a
/// command.
fn is_command(p: &Paragraph, mut a: usize, mut b: usize) -> bool {
    let edge = |w: &Word| matches!(w.kind, TokenKind::Punct | TokenKind::Quote) || w.is("that");
    while a < b && edge(&p.words[a]) {
        a += 1;
    }
    while a < b && edge(&p.words[b - 1]) {
        b -= 1;
    }
    tree::is_imperative(p, a, b)
}

/// Trims the proposition and builds the claim; `None` when nothing is left.
#[allow(clippy::too_many_arguments)]
fn build(
    p: &Paragraph,
    mut a: usize,
    mut b: usize,
    cue: Option<Cue>,
    speaker: Option<Span>,
    pronoun: Option<Span>,
    polarity: Polarity,
    hedged_attribution: bool,
) -> Option<Claim> {
    let words = &p.words;
    let trim_punct =
        |w: &Word| w.kind == TokenKind::Punct && !matches!(w.text, "?" | "!" | ")" | "]");
    while a < b && (trim_punct(&words[a]) || words[a].is("that")) {
        a += 1;
    }
    while a < b && trim_punct(&words[b - 1]) {
        b -= 1;
    }
    if word_count(words, a, b) == 0 {
        return None;
    }
    let mut quote = None;
    if cue.is_some() {
        quote = Some(QuoteKind::Indirect);
        // Quotations are sorted and apart: only the last one opening at or before `a` can
        // hold the proposition.
        let opened = p.quotes.partition_point(|q| q.outer().0 <= a);
        let around = opened.checked_sub(1).map(|k| &p.quotes[k]).filter(|q| {
            let (oa, ob) = q.outer();
            oa <= a && b <= ob && q.inner.0 < q.inner.1
        });
        if let Some(q) = around {
            a = a.max(q.inner.0);
            b = b.min(q.inner.1);
            while a < b && trim_punct(&words[b - 1]) {
                b -= 1;
            }
            quote = Some(QuoteKind::Direct);
        } else if p.quoted[a..b].iter().any(|&q| q) {
            quote = Some(QuoteKind::Mixed);
        }
    }
    if a >= b {
        return None;
    }
    Some(Claim {
        span: speakers::span_of(words, a, b),
        sentence: p.sentence_of[a],
        speaker,
        pronoun,
        cue,
        polarity: if polarity == Polarity::Asserted && negation::is_negated(p, a, b) {
            Polarity::Negated
        } else {
            polarity
        },
        hedged: hedged_attribution || hedges::is_hedged(words, a, b, p.lexicon),
        quote,
    })
}

/// Remembers words `s..e` as a source a later pronoun may stand for. `Mr. Trump's comments
/// suggested …`: the named owner is one too (a later `he`), remembered before the phrase,
/// which stays the latest.
fn remember(p: &Paragraph, s: usize, e: usize, memory: &mut Memory<'_>) {
    let words = &p.words;
    if let Some(k) = (s + 1..e).find(|&k| words[k].is_possessive()) {
        if words[s..k]
            .iter()
            .all(|w| w.is_capitalised() || !w.is_word())
        {
            memory.name(speakers::span_of(words, s, k), false);
        }
    }
    memory.name(speakers::span_of(words, s, e), tree::is_plural(p, s, e));
}

/// Remembers the subject of the statement at words `lo..hi` when it names someone (a name,
/// two capitalised words or a possessive): a later pronoun may stand for it.
fn remember_named_subject(
    p: &Paragraph,
    lo: usize,
    hi: usize,
    memory: &mut Memory<'_>,
    names: &ProperNouns<'_>,
) {
    let words = &p.words;
    if let Some((s, e)) = speakers::subject(words, lo, hi) {
        let proper = words[s..e].iter().any(|w| names.is_name(w))
            || words[s..e].iter().filter(|w| w.is_capitalised()).count() >= 2
            || words[s..e].iter().any(Word::is_possessive);
        if proper {
            remember(p, s, e, memory);
        }
    }
}

/// A segment with no claim of its own: quoted speech continuing the last attribution, or
/// the article's own statement when it is declarative.
fn unattributed(
    p: &Paragraph,
    lo: usize,
    hi: usize,
    memory: &mut Memory<'_>,
    names: &ProperNouns<'_>,
) -> Vec<Claim> {
    let words = &p.words;
    let spoken: Vec<usize> = (lo..hi).filter(|&k| words[k].is_word()).collect();
    // With no verb it states nothing (a caption, a credit, a fragment); a command neither.
    if spoken.is_empty()
        || tree::states_something(p, lo, hi) == Some(false)
        || is_command(p, lo, hi)
    {
        return Vec::new();
    }
    if spoken.iter().all(|&k| p.quoted[k]) {
        let Some(last) = memory.last_attribution().cloned() else {
            return Vec::new();
        };
        let statements = split::statements(p, lo, hi).into_iter();
        let pieces = statements
            .filter(|s| !is_command(p, s.start, s.end))
            .filter_map(|s| {
                let mut claim = build(
                    p,
                    s.start,
                    s.end,
                    Some(last.cue.clone()),
                    last.speaker,
                    last.pronoun,
                    Polarity::Asserted,
                    false,
                )?;
                claim.quote = Some(QuoteKind::Direct);
                Some(claim)
            });
        return pieces.collect();
    }
    let mut end = hi;
    while end > lo && words[end - 1].kind == TokenKind::Quote {
        end -= 1;
    }
    let declarative = end > lo && (words[end - 1].is_punct(".") || words[end - 1].is_punct("!"));
    if !declarative || spoken.len() < MIN_STATEMENT_WORDS {
        return Vec::new();
    }
    remember_named_subject(p, lo, hi, memory, names);
    split::statements(p, lo, hi)
        .into_iter()
        .filter(|s| !is_command(p, s.start, s.end))
        .filter_map(|s| {
            build(
                p,
                s.start,
                s.end,
                None,
                None,
                None,
                Polarity::Asserted,
                false,
            )
        })
        .collect()
}
