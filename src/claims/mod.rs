//! The claims stage: the propositions an article puts forward, who it attributes each to,
//! by which reporting expression, whether the source asserts or denies it, whether it is
//! hedged, and whether the source's words are quoted.
//!
//! # What counts as a claim
//! Claims are read from segments (sentences, and within them full stops outside
//! quotations) of non-boilerplate paragraphs:
//! - **Attributed claims**: each reporting cue (`shared/reporting_verbs.txt`, `denials.txt`) with its
//!   speaker and the proposition it frames. One segment may hold several (`Moscow claims
//!   that …, but Ukrainian officials put the figure at … and say that …` gives three).
//!   Quoted speech with no cue of its own continues the last attribution of the paragraph
//!   (or the one before): `"…," Podolyak said on Twitter, … "Is Putin ready? Obviously not."`.
//! - **One proposition each** (`split`): a quotation over several sentences gives one claim
//!   per sentence, all with its speaker and cue; clauses joined by `;`, by `, and` / `, but`
//!   with a subject of their own, or predicates with a tense of their own (`… and would
//!   suspend testing`), and `A and that B`, give one claim each. A clause coordinated with the
//!   cue itself (`X said …, but declined to predict …`) is the article's statement.
//! - **Participle cues**: the main clause before `, saying …` / `, calling …` is the
//!   article's statement; an opening participle (`Denying any financial motivation, X said`)
//!   frames the words up to its comma, with the subject of the verb it hangs from as speaker.
//! - **The article's own statements**: a segment with no reporting cue is a claim with no
//!   speaker, no cue and no quote kind when it is declarative: it ends with `.` or `!`
//!   (possibly followed by a closing quote), has at least four words, and is not a question.
//!   Headlines, captions and truncated lines (no final stop) give no claim, nor do lines
//!   with no verb (`Tom Perez, the party's chairman, at a meeting last February.`) and
//!   commands (`Remember the floods of last spring.`, `"So let us be strong," he said`).
//! - **Only the body**: headlines, the standfirst, captions and video blurbs above the
//!   dateline or under a headline, blurbs ending with a correspondent's credit, and copies of
//!   the body's own paragraphs (embedded posts, pull-quotes, a line printed twice) give no
//!   claim (`layout`).
//!
//! The claim's span is the proposition only (`abusing civilians` in `Moscow denies abusing
//! civilians`); the speaker and cue have spans of their own. Pronoun speakers (`it said`)
//! are resolved to the last named source of the paragraph or the one before that the
//! pronoun can stand for (`he` and `she` no country, city or place, `it` no person, by the
//! entity mention that ends the source's phrase); the claim keeps the pronoun's span too.
//!
//! Claim ids are `<doc>:<byte start>` — stable across runs and across thread counts.

mod attribution;
mod cues;
mod dating;
pub mod frame;
mod governed;
mod hedges;
mod layout;
pub(crate) mod lexicon;
pub mod link;
mod negation;
mod noun_after_name;
mod opening;
mod participle;
mod quotes;
mod relative_run_on;
mod segments;
mod speakers;
mod split;
mod tree;
mod wish;
mod words;

#[cfg(test)]
mod tests;

use crate::entities::tagger::Mention;
use crate::lang::Language;
use crate::syntax::document::DocumentSyntax;
use crate::text::TextLayer;

/// What a reporting cue does to the proposition it frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// States it (`said`, `announced`).
    Assert,
    /// Confirms it (`confirmed`).
    Confirm,
    /// Admits it (`admitted`, `conceded`).
    Admit,
    /// Denies it (`denied`, `ruled out`).
    Deny,
    /// Accuses someone (`accused`, `condemned`).
    Accuse,
    /// Blames someone (`blamed`).
    Blame,
    /// Describes something as something (`described … as`).
    Describe,
    /// `put the figure at`: the source gives a number.
    Figure,
    /// `according to`.
    Source,
}

impl CueClass {
    /// Every class, in declaration order.
    pub const ALL: [CueClass; 9] = [
        CueClass::Assert,
        CueClass::Confirm,
        CueClass::Admit,
        CueClass::Deny,
        CueClass::Accuse,
        CueClass::Blame,
        CueClass::Describe,
        CueClass::Figure,
        CueClass::Source,
    ];

    /// The class's name, as in the cue lists and tables (`assert`, `deny`).
    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Assert => "assert",
            CueClass::Confirm => "confirm",
            CueClass::Admit => "admit",
            CueClass::Deny => "deny",
            CueClass::Accuse => "accuse",
            CueClass::Blame => "blame",
            CueClass::Describe => "describe",
            CueClass::Figure => "figure",
            CueClass::Source => "source",
        }
    }

    /// The class of that name.
    pub fn parse(s: &str) -> Option<CueClass> {
        CueClass::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Whether the source asserts or denies the proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// The source says it (or the article does).
    Asserted,
    /// A denial cue attributed to a speaker: `Moscow denies abusing civilians`.
    Denied,
    /// Stated in the negative: a negation on the proposition's main predicate or on its
    /// subject or object (`the bridge was not destroyed`, `no one was hurt`), not one inside
    /// a relative or subordinate clause; or a negated cue (`did not say that`). See
    /// `negation`.
    Negated,
}

impl Polarity {
    /// Every polarity.
    pub const ALL: [Polarity; 3] = [Polarity::Asserted, Polarity::Denied, Polarity::Negated];

    /// The polarity of that name.
    pub fn parse(s: &str) -> Option<Polarity> {
        Polarity::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// `asserted`, `denied` or `negated`.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Asserted => "asserted",
            Polarity::Denied => "denied",
            Polarity::Negated => "negated",
        }
    }
}

/// How the source's words are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// The proposition is the source's words, in quotation marks.
    Direct,
    /// Reported speech, no quotation marks.
    Indirect,
    /// Reported speech with quoted fragments (`remained the "epicentre" of the conflict`).
    Mixed,
}

impl QuoteKind {
    /// Every kind.
    pub const ALL: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed];

    /// The kind of that name.
    pub fn parse(s: &str) -> Option<QuoteKind> {
        QuoteKind::ALL.into_iter().find(|q| q.as_str() == s)
    }

    /// `direct`, `indirect` or `mixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// A byte span of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// Byte after the last.
    pub end: u32,
}

/// The reporting expression that attributes a claim (`said`, `according to`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Where it is, from its first word to its last.
    pub span: Span,
    /// The cue's words, gaps shown as `…`: `said`, `according to`, `described … as`.
    pub text: String,
    /// What it does to the proposition.
    pub class: CueClass,
}

/// One claim. All offsets are bytes into `Document::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The proposition.
    pub span: Span,
    /// The text-stage sentence the proposition starts in.
    pub sentence: u32,
    /// The named source: `None` for the article's own statements and for impersonal
    /// passives (`It was claimed that`), and when a pronoun has no antecedent.
    pub speaker: Option<Span>,
    /// The pronoun that stood for the speaker here (`it said`), if one did.
    pub pronoun: Option<Span>,
    /// The reporting expression; `None` for the article's own statements.
    pub cue: Option<Cue>,
    /// Asserted, denied by its source, or stated in the negative.
    pub polarity: Polarity,
    /// The text or its source holds back from asserting it (`likely`, `could not be verified`).
    pub hedged: bool,
    /// `None` for the article's own statements.
    pub quote: Option<QuoteKind>,
}

/// The claims of one document, in text order, from its text layer, its parse (`None` for
/// a language without a syntax model) and its entity mentions (sorted by start: they tell
/// a person, whom `he` may stand for, from a country or an organisation), with
/// `language`'s cues, hedges and channel words.
pub fn extract(
    text: &str,
    layer: &TextLayer,
    syntax: Option<&DocumentSyntax>,
    mentions: &[Mention],
    language: &Language,
) -> Vec<Claim> {
    let paragraphs = segments::paragraphs(
        text,
        &layer.tokens,
        &layer.sentences,
        &language.claims,
        syntax,
    );
    let proper_nouns = speakers::ProperNouns::new(text, &layer.tokens);
    let mut memory = speakers::Memory::new(mentions);
    let body = layout::body(text, &paragraphs);
    let mut out = Vec::new();
    for (p, _) in paragraphs.iter().zip(body).filter(|(_, body)| *body) {
        memory.next_paragraph();
        let mut previous: Vec<Claim> = Vec::new();
        // A dateline (`SEOUL, South Korea —`) is neither speaker nor proposition.
        let dateline = layout::dateline_end(&p.words).unwrap_or(0);
        for &(lo, hi) in &p.segments {
            let lo = lo.max(dateline.min(hi));
            let found = attribution::segment_claims(text, p, lo, hi, &mut memory, &proper_nouns);
            if hedges::disclaims_verification(p, lo, hi) {
                for c in previous.iter_mut().filter(|c| c.cue.is_some()) {
                    c.hedged = true;
                }
            }
            out.append(&mut previous);
            previous = found;
        }
        out.append(&mut previous);
    }
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out.dedup_by_key(|c| (c.span.start, c.span.end));
    out
}

/// A stable id: the document name and the claim's byte offset.
pub fn claim_id(doc: &str, claim: &Claim) -> String {
    format!("{doc}:{}", claim.span.start)
}
