//! A claim's fields read straight from the core's results, borrowed where they can be: the
//! claims and groups tables write each cell from these, claim by claim, without making a
//! `PyClaim` (about 1.5 KB of Strings and Vecs) per row first. `claims::make` builds the
//! Python object from the same readers, so objects and tables agree.

use crate::align::frames::{event_of, Role};
use crate::claims::frame::{Argument, Frame};
use crate::claims::{claim_id, link::LinkedClaim, Span};
use crate::corpus::{Corpus, Document};
use crate::entities::tagger::Mention;

/// Claim `c` of document `d`.
#[derive(Clone, Copy)]
pub struct ClaimRow<'a> {
    corpus: &'a Corpus,
    pub d: usize,
    pub c: &'a LinkedClaim,
}

impl<'a> ClaimRow<'a> {
    pub fn new(corpus: &'a Corpus, d: usize, c: &'a LinkedClaim) -> Self {
        ClaimRow { corpus, d, c }
    }

    fn doc(&self) -> &'a Document {
        &self.corpus.docs()[self.d]
    }

    pub fn id(&self) -> String {
        claim_id(&self.doc().name, &self.c.claim)
    }

    pub fn doc_name(&self) -> &'a str {
        &self.doc().name
    }

    /// A byte offset of the document in code points.
    pub fn chars(&self, byte: u32) -> usize {
        self.doc().char_offsets().to_char(byte) as usize
    }

    pub fn start(&self) -> usize {
        self.chars(self.c.claim.span.start)
    }

    pub fn end(&self) -> usize {
        self.chars(self.c.claim.span.end)
    }

    fn piece(&self, s: Span) -> &'a str {
        &self.doc().text[s.start as usize..s.end as usize]
    }

    pub fn text(&self) -> &'a str {
        self.piece(self.c.claim.span)
    }

    pub fn speaker(&self) -> Option<&'a str> {
        self.c.claim.speaker.map(|s| self.piece(s))
    }

    fn entity_id(&self, m: u32) -> Option<&'a str> {
        let record = self.corpus.entities().entity_of(self.d, m as usize)?;
        Some(record.id.as_str())
    }

    pub fn speaker_entity(&self) -> Option<&'a str> {
        self.c.speaker_mention.and_then(|m| self.entity_id(m))
    }

    pub fn pronoun(&self) -> Option<&'a str> {
        self.c.claim.pronoun.map(|s| self.piece(s))
    }

    pub fn cue(&self) -> Option<&'a str> {
        self.c.claim.cue.as_ref().map(|q| q.text.as_str())
    }

    pub fn cue_class(&self) -> Option<&'static str> {
        self.c.claim.cue.as_ref().map(|q| q.class.as_str())
    }

    pub fn polarity(&self) -> &'static str {
        self.c.claim.polarity.as_str()
    }

    pub fn hedged(&self) -> bool {
        self.c.claim.hedged
    }

    pub fn quote(&self) -> Option<&'static str> {
        self.c.claim.quote.map(|q| q.as_str())
    }

    fn mentions(&self) -> impl Iterator<Item = (u32, &'a Mention)> + 'a {
        let mentions = &self.corpus.entities().mentions[self.d];
        self.c
            .mentions
            .iter()
            .map(move |&m| (m, &mentions[m as usize]))
    }

    /// Cross-document ids of the names it mentions, in text order, each once.
    pub fn entities(&self) -> Vec<&'a str> {
        let mut ids = Vec::new();
        for (m, x) in self.mentions() {
            if x.label.is_name() {
                if let Some(id) = self.entity_id(m) {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        ids
    }

    /// Its DATE and TIME mentions as written.
    pub fn when(&self) -> impl Iterator<Item = &'a str> + 'a {
        let text = &self.doc().text;
        self.mentions()
            .filter(|(_, x)| x.label.is_temporal())
            .map(move |(_, x)| &text[x.start as usize..x.end as usize])
    }

    /// Its figure mentions (index into the document's mentions, and the mention).
    pub fn figures(&self) -> impl Iterator<Item = (usize, &'a Mention)> + 'a {
        let mentions = &self.corpus.entities().mentions[self.d];
        self.c
            .figures
            .iter()
            .map(move |&m| (m as usize, &mentions[m as usize]))
    }

    /// A mention's text.
    pub fn mention_text(&self, x: &Mention) -> &'a str {
        &self.doc().text[x.start as usize..x.end as usize]
    }

    pub fn date(&self) -> Option<String> {
        self.c.date.map(|x| x.to_string())
    }

    fn bounds(&self, s: Option<Span>) -> (Option<usize>, Option<usize>) {
        match s {
            Some(s) => (Some(self.chars(s.start)), Some(self.chars(s.end))),
            None => (None, None),
        }
    }

    pub fn speaker_span(&self) -> (Option<usize>, Option<usize>) {
        self.bounds(self.c.claim.speaker)
    }

    pub fn pronoun_span(&self) -> (Option<usize>, Option<usize>) {
        self.bounds(self.c.claim.pronoun)
    }

    pub fn cue_span(&self) -> (Option<usize>, Option<usize>) {
        self.bounds(self.c.claim.cue.as_ref().map(|q| q.span))
    }

    /// Its main frame, if the parse gave one.
    pub fn frame(&self) -> Option<FrameRow<'a>> {
        let f = self.c.frames.first()?;
        Some(FrameRow {
            corpus: self.corpus,
            doc: self.doc(),
            f,
        })
    }
}

/// A claim's main frame, as the claims table reads it.
#[derive(Clone, Copy)]
pub struct FrameRow<'a> {
    corpus: &'a Corpus,
    doc: &'a Document,
    f: &'a Frame,
}

impl<'a> FrameRow<'a> {
    pub fn predicate(&self) -> &'a str {
        &self.f.predicate
    }

    /// The event class of the predicate as written.
    pub fn event(&self) -> Option<&'a str> {
        let s = self.f.predicate_span;
        let written = &self.doc.text[s.start as usize..s.end as usize];
        event_of(written, &self.corpus.language().align)
    }

    pub fn argument(&self, role: Role) -> Option<&'a Argument> {
        match role {
            Role::Agent => self.f.agent.as_ref(),
            Role::Patient => self.f.patient.as_ref(),
            Role::Recipient => self.f.recipient.as_deref(),
            Role::Place => self.f.place.as_deref(),
            Role::Time => self.f.time.as_deref(),
        }
    }

    /// The words filling `role`.
    pub fn role(&self, role: Role) -> Option<&'a str> {
        let a = self.argument(role)?;
        Some(&self.doc.text[a.span.start as usize..a.span.end as usize])
    }

    pub fn modality(&self) -> Option<&'a str> {
        self.f.modality.as_deref()
    }
}
