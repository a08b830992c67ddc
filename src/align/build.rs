//! Claim views from the corpus's stages: for each document the figures and dates are read
//! once from its tokens, then each claim takes those inside its span.

use std::ops::Range;

use rayon::prelude::*;

use crate::claims::{link::LinkedClaim, Polarity, Span};
use crate::corpus::{Corpus, Document, EntityLayer};
use crate::entities::dates::{find_dates, DateMention};
use crate::entities::figures::{find_figures, Figure};
use crate::entities::label::Label;
use crate::text::tokens::TokenKind;
use crate::text::TextLayer;

use super::figures::FigureValue;
use super::lexicon::LEXICON;
use super::represent::{build, ClaimParts, ClaimView};
use super::time::{day_range, TimeScope};

/// Labels the aligner compares as figures or times, not as entities.
fn is_entity(label: Label) -> bool {
    !matches!(
        label,
        Label::Date | Label::Time | Label::Cardinal | Label::Ordinal | Label::Quantity | Label::Money | Label::Percent
    )
}

struct DocContext<'a> {
    doc: &'a Document,
    layer: &'a TextLayer,
    figures: Vec<Figure>,
    dates: Vec<DateMention>,
}

impl<'a> DocContext<'a> {
    fn new(doc: &'a Document, layer: &'a TextLayer) -> DocContext<'a> {
        DocContext {
            doc,
            layer,
            figures: find_figures(&doc.text, &layer.tokens),
            dates: find_dates(&doc.text, &layer.tokens, doc.date),
        }
    }

    fn tokens_in(&self, span: Span) -> Range<usize> {
        let t = &self.layer.tokens;
        let lo = t.partition_point(|x| x.start < span.start);
        let hi = t.partition_point(|x| x.end <= span.end);
        lo..hi.max(lo)
    }

    fn token_text(&self, r: &Range<usize>) -> String {
        let t = &self.layer.tokens;
        if r.is_empty() {
            return String::new();
        }
        self.doc.text[t[r.start].start as usize..t[r.end - 1].end as usize].to_owned()
    }

    fn piece(&self, s: Span) -> String {
        self.doc.text[s.start as usize..s.end as usize].to_owned()
    }

    /// The view of the tokens `r`, with entity mentions `mentions` (indices into the
    /// document's mentions).
    fn view(
        &self,
        r: Range<usize>,
        mentions: &[u32],
        entities: &EntityLayer,
        d: usize,
        speaker: Option<String>,
        speaker_id: Option<&str>,
        denied: bool,
    ) -> ClaimView {
        let inside = |x: &Range<usize>| r.start <= x.start && x.end <= r.end;
        let words = self.layer.tokens[r.clone()]
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .map(|t| self.doc.text[t.start as usize..t.end as usize].to_lowercase())
            .collect();
        let ents = mentions
            .iter()
            .map(|&m| (m as usize, &entities.mentions[d][m as usize]))
            .filter(|(_, x)| is_entity(x.label))
            .map(|(m, x)| {
                let surface = self.piece(Span { start: x.start, end: x.end });
                (entities.entity_of(d, m).id.as_str(), surface)
            })
            .collect();
        let figures = self
            .figures
            .iter()
            .filter(|f| inside(&f.tokens))
            .filter_map(|f| FigureValue::new(f, self.token_text(&f.tokens)))
            .collect();
        let mut time = TimeScope {
            published: self.doc.date.map(|x| x.to_days()),
            ..TimeScope::default()
        };
        for m in self.dates.iter().filter(|m| inside(&m.tokens)) {
            match &m.value {
                Some(v) => time.days.push(day_range(v)),
                None => time.periods.push(self.token_text(&m.tokens).to_lowercase()),
            }
        }
        build(
            ClaimParts {
                words,
                entities: ents,
                figures,
                time,
                speaker,
                speaker_id,
                denied,
            },
            &LEXICON,
        )
    }
}

/// Where a claim comes from: document index and index among its claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    pub doc: u32,
    pub index: u32,
}

/// Every claim of the corpus, as views, in (document, claim) order.
pub fn corpus_views(corpus: &Corpus) -> (Vec<ClaimRef>, Vec<ClaimView>) {
    let layers = corpus.text_layers();
    let entities = corpus.entities();
    let claims = corpus.claims();
    let per_doc: Vec<Vec<ClaimView>> = (0..corpus.len())
        .into_par_iter()
        .map(|d| {
            let ctx = DocContext::new(&corpus.docs()[d], &layers[d]);
            claims[d].iter().map(|c| claim_view(&ctx, c, entities, d)).collect()
        })
        .collect();
    let refs = per_doc
        .iter()
        .enumerate()
        .flat_map(|(d, vs)| (0..vs.len()).map(move |i| ClaimRef { doc: d as u32, index: i as u32 }))
        .collect();
    (refs, per_doc.into_iter().flatten().collect())
}

fn claim_view(ctx: &DocContext, c: &LinkedClaim, entities: &EntityLayer, d: usize) -> ClaimView {
    let claim = &c.claim;
    let speaker_id = c.speaker_mention.map(|m| entities.entity_of(d, m as usize).id.as_str());
    ctx.view(
        ctx.tokens_in(claim.span),
        &c.mentions,
        entities,
        d,
        claim.speaker.map(|s| ctx.piece(s)),
        speaker_id,
        claim.polarity == Polarity::Denied,
    )
}

/// Views of free-standing texts, each taken whole, read as one small corpus so that their
/// entities share ids (`Kiev` / `Kyiv`). Speaker and denial come from the first claim
/// found that has them.
pub fn text_views(texts: &[&str]) -> Vec<ClaimView> {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(i.to_string(), (*t).to_owned(), None, None))
        .collect();
    let corpus = Corpus::new(docs).expect("names are distinct and texts small");
    let layers = corpus.text_layers();
    let entities = corpus.entities();
    let claims = corpus.claims();
    (0..texts.len())
        .map(|d| {
            let ctx = DocContext::new(&corpus.docs()[d], &layers[d]);
            let all: Vec<u32> = (0..entities.mentions[d].len() as u32).collect();
            let spoken = claims[d].iter().find(|c| c.claim.speaker.is_some());
            let speaker = spoken.and_then(|c| c.claim.speaker.map(|s| ctx.piece(s)));
            let speaker_id = spoken
                .and_then(|c| c.speaker_mention)
                .map(|m| entities.entity_of(d, m as usize).id.as_str());
            let denied = claims[d].iter().any(|c| c.claim.polarity == Polarity::Denied);
            ctx.view(0..layers[d].tokens.len(), &all, entities, d, speaker, speaker_id, denied)
        })
        .collect()
}
