//! Claim views from the corpus's stages: for each document the figures and dates are read
//! once from its tokens, then each claim takes those inside its span (found by binary
//! search: they are sorted and apart, so a claim's cost does not grow with its document).

use std::ops::Range;
use std::sync::OnceLock;

use crate::claims::frame::{Argument, Frame, FrameSource};
use crate::claims::{link::LinkedClaim, CueClass, Polarity, Span};
use crate::corpus::{Corpus, Document, EntityLayer};
use crate::entities::dates::{find_dates_and_figures, DateMention};
use crate::entities::figures::Figure;
use crate::lang::Language;
use crate::stage::{Cancel, Cancelled};
use crate::text::tokens::{Token, TokenKind};
use crate::text::TextLayer;

use super::antecedent::{document_genders, fill_pronouns, Genders, Reach};
use super::figures::FigureValue;
use super::frames::{predicate_key, Filler, FrameView};
use super::represent::{build, ClaimParts, ClaimView};
use super::time::{day_range, TimeScope};
use super::voices;

/// Words a claim that is only a figure holds before it (`closer to`, `put it at`).
const ANSWER_LEAD: usize = 3;

/// Words after a count that may name what it counts (`three most senior officials`).
const COUNTED_WORDS: usize = 3;
/// How far the upper number of a range may lie above its lower one (`between 10 and 20`);
/// further, the two are likely not one range of one scale (`between 1 and 2 billion`).
const RANGE_SPREAD: f64 = 100.0;

/// What every view of a document reads of the document as a whole: its figures and dates,
/// in token order, and its story (found once a document, with them).
struct Marks {
    figures: Vec<Figure>,
    dates: Vec<DateMention>,
    /// The document's story (`stories::story`), which every view of it carries.
    story: Vec<u64>,
}

impl Marks {
    /// Every figure and date of the document (its story is `Sources::marks`' to add: texts
    /// compared on their own have none).
    fn of(doc: &Document, layer: &TextLayer, language: &Language) -> Marks {
        let (dates, figures) = find_dates_and_figures(&doc.text, &layer.tokens, doc.date, language);
        Marks {
            figures,
            dates,
            story: Vec::new(),
        }
    }

    /// Only those inside one of `spans` (token ranges): a view of a range inside one of
    /// them finds the same figures and dates (`within` keeps order), and the rest of the
    /// document's need not be held.
    fn inside(mut self, spans: &[Range<usize>]) -> Marks {
        let kept = |r: &Range<usize>| spans.iter().any(|s| s.start <= r.start && r.end <= s.end);
        self.figures.retain(|f| kept(&f.tokens));
        self.dates.retain(|m| kept(&m.tokens));
        self.figures.shrink_to_fit();
        self.dates.shrink_to_fit();
        self
    }
}

struct DocContext<'a> {
    doc: &'a Document,
    layer: &'a TextLayer,
    language: &'a Language,
    figures: &'a [Figure],
    dates: &'a [DateMention],
    /// The persons' genders, for pronouns: read once, on the first claim that asks.
    genders: OnceLock<Genders>,
}

impl<'a> DocContext<'a> {
    fn new(
        doc: &'a Document,
        layer: &'a TextLayer,
        language: &'a Language,
        marks: &'a Marks,
    ) -> DocContext<'a> {
        DocContext {
            doc,
            layer,
            language,
            figures: &marks.figures,
            dates: &marks.dates,
            genders: OnceLock::new(),
        }
    }

    /// What pronouns of this document are resolved against (`antecedent`).
    fn reach<'e>(&'e self, entities: &'e EntityLayer, d: usize) -> Reach<'e> {
        Reach {
            text: &self.doc.text,
            tokens: &self.layer.tokens,
            entities,
            doc: d,
            language: self.language,
            genders: self
                .genders
                .get_or_init(|| document_genders(&self.doc.text, entities, d, self.language)),
        }
    }

    fn tokens_in(&self, span: Span) -> Range<usize> {
        tokens_in(&self.layer.tokens, span)
    }

    /// The figures whose tokens lie inside `r`, in order.
    fn figures_in(&self, r: &Range<usize>) -> &[Figure] {
        &self.figures[within(self.figures, r, |f| &f.tokens)]
    }

    /// The dates and durations whose tokens lie inside `r`, in order.
    fn dates_in(&self, r: &Range<usize>) -> &[DateMention] {
        &self.dates[within(self.dates, r, |m| &m.tokens)]
    }

    /// Whether `f` restates the figure just before it in another unit, in brackets (`50 km
    /// (30 miles)`): one figure, not a second one that may match another claim's. Brackets
    /// that hold nothing but `f` and its unit restate the figure before them whatever the
    /// units, also ones the lexicon lacks (`12,390 baht (US$298)`, `65 (18.33 Celsius)`,
    /// `50 degrees (120 Fahrenheit)`); a count's aside has more words (`5 people (2 of
    /// them children)`) or a lower-case noun (`(2 children)`).
    fn conversion(&self, before: &Figure, f: &Figure) -> bool {
        let Some(open) = f.tokens.start.checked_sub(1) else {
            return false;
        };
        let t = &self.layer.tokens;
        let text = |k: usize| {
            if k < t.len() {
                self.token_text(&(k..k + 1))
            } else {
                String::new()
            }
        };
        let word = |k: usize| t.get(k).is_some_and(|x| x.kind == TokenKind::Word);
        let capital = |k: usize| word(k) && text(k).starts_with(char::is_uppercase);
        if text(open) != "(" {
            return false;
        }
        if before.tokens.end == open && before.unit.is_some() && before.unit == f.unit {
            return true;
        }
        let unit_between = before.tokens.end + 1 == open && word(before.tokens.end);
        let end = f.tokens.end;
        let closes = text(end) == ")" || capital(end) && text(end + 1) == ")";
        (before.tokens.end == open || unit_between) && closes
    }

    /// The figure `f` restates in another unit after `or` (`fell 2.5 percent or $1.11`,
    /// `rose 86.56 points, or 0.94 percent`): one move told twice, so `f` reads as that
    /// figure does (a change), whatever the `or` hides from the words before `f`. The
    /// figure before must end at most a noun and a comma before the `or`, in the claim
    /// starting at token `start`.
    fn restated(&self, f: &Figure, start: usize) -> Option<&Figure> {
        let or = f.tokens.start.checked_sub(1).filter(|&k| k > start)?;
        if !self.token_text(&(or..or + 1)).eq_ignore_ascii_case("or") {
            return None;
        }
        let t = &self.layer.tokens;
        let before = &self.figures[..self.figures.partition_point(|g| g.tokens.end <= or)];
        let prev = before.last().filter(|g| g.tokens.start >= start)?;
        let gap = prev.tokens.end..or;
        let noun_or_comma =
            |k: usize| t[k].kind == TokenKind::Word || self.token_text(&(k..k + 1)) == ",";
        (prev.unit != f.unit && gap.len() <= 2 && gap.clone().all(noun_or_comma)).then_some(prev)
    }

    /// Whether `f` closes a range that the figure just before it opens: `between 10 and
    /// 20`, `10 to 20 people`. One count somewhere between the two, not two counts that
    /// may each rival another claim's (`15 people`). Plain numbers of one unit only, the
    /// second the larger and within `RANGE_SPREAD` of the first (`1 and 2 billion` reads
    /// its first number without the scale). `from 9 to 12` and `rose 6.48 to 2,558.84`
    /// are a change, not a range: `to` after `from`, or after a figure read as a change
    /// or level (`figure_reading`), is no range.
    fn range_end(&self, before: &Figure, f: &Figure, start: usize) -> bool {
        let t = &self.layer.tokens;
        let word = |k: usize| self.token_text(&(k..k + 1)).to_lowercase();
        let plain = |x: &Figure| x.lower.is_none() && x.upper.is_none() && !x.approximate;
        if f.tokens.start != before.tokens.end + 1
            || f.tokens.start >= t.len()
            || before.unit != f.unit
            || !(plain(before) && plain(f))
            || !(before.value > 0.0 && before.value < f.value)
            || f.value > RANGE_SPREAD * before.value
        {
            return false;
        }
        let opener = (before.tokens.start > start).then(|| word(before.tokens.start - 1));
        match word(before.tokens.end).as_str() {
            "and" => opener.as_deref() == Some("between"),
            "to" => {
                opener.as_deref() != Some("from")
                    && self
                        .figure_reading(before, start, f.unit.is_some())
                        .change
                        .is_none()
            }
            _ => false,
        }
    }

    /// The figure of a range `between 10 and 20` (`range_end`): its text from the opener
    /// on, bounded by its two numbers.
    fn range(&self, before: &Figure, f: &Figure, start: usize) -> Figure {
        let from = match before.tokens.start.checked_sub(1) {
            Some(k)
                if k >= start && self.token_text(&(k..k + 1)).eq_ignore_ascii_case("between") =>
            {
                k
            }
            _ => before.tokens.start,
        };
        Figure {
            tokens: from..f.tokens.end,
            lower: Some(before.value),
            upper: Some(f.value),
            ..f.clone()
        }
    }

    /// Whether the tokens of `r` state a condition (`if`): read from the words, as a
    /// tagger may take the condition's verb for a noun (`if talks fail`).
    fn states_condition(&self, r: &Range<usize>) -> bool {
        let t = &self.layer.tokens[r.clone()];
        t.iter()
            .any(|t| self.doc.text[t.start as usize..t.end as usize].eq_ignore_ascii_case("if"))
    }

    fn token_text(&self, r: &Range<usize>) -> String {
        let t = &self.layer.tokens;
        if r.is_empty() {
            return String::new();
        }
        self.doc.text[t[r.start].start as usize..t[r.end - 1].end as usize].to_owned()
    }

    /// Whether the claim `span` opens by naming what was just said: `it is mass
    /// deportations`, `this was a war crime`. Not an empty `it` (`it is likely that`), nor
    /// an agent doing something (`it is sending residents away`).
    fn describes_what_was_said(&self, span: Span) -> bool {
        let words: Vec<String> = self.layer.tokens[self.tokens_in(span)]
            .iter()
            .filter(|x| x.kind == TokenKind::Word)
            .take(4)
            .map(|x| self.doc.text[x.start as usize..x.end as usize].to_lowercase())
            .collect();
        let word = |i: usize| words.get(i).map_or("", String::as_str);
        ANAPHORS.contains(&word(0))
            && DESCRIBING.contains(&word(1))
            && !word(2).ends_with("ing")
            && !EXPLETIVE_THIRD.contains(&word(3))
    }

    /// What the figure ending before token `from` counts: the last of the words after it
    /// (at most `COUNTED_WORDS`, before token `end`) up to a function word or punctuation,
    /// stemmed: `two Democratic donors and …` → `donor`; `one of …` → none.
    fn counted_noun(&self, from: usize, end: usize) -> Option<String> {
        let stop = &self.language.align.stopwords;
        let mut last = None;
        for t in self.layer.tokens[from..end.max(from)]
            .iter()
            .take(COUNTED_WORDS)
        {
            let w = self.doc.text[t.start as usize..t.end as usize].to_lowercase();
            if t.kind != TokenKind::Word || stop.contains(&w) {
                break;
            }
            last = Some(w);
        }
        last.map(|w| super::stem::stem(&w))
    }

    /// What the tokens around figure `f` (in a claim starting at token `start`) say it is
    /// (`measures::reading`).
    fn figure_reading(&self, f: &Figure, start: usize, unit: bool) -> super::measures::Reading {
        if let Some(first) = self.restated(f, start) {
            return self.figure_reading(first, start, first.unit.is_some());
        }
        let t = &self.layer.tokens;
        let text = |k: usize| &self.doc.text[t[k].start as usize..t[k].end as usize];
        let word = |k: usize| t.get(k).is_some_and(|x| x.kind == TokenKind::Word);
        let before: Vec<String> = (start..f.tokens.start)
            .rev()
            .take_while(|&k| word(k))
            .map(|k| text(k).to_lowercase())
            .collect();
        // `10-year`, written together: the hyphen and the noun touch the figure.
        let end = f.tokens.end;
        let touches = |k: usize| t.get(k).is_some_and(|x| x.start == t[k - 1].end);
        let hyphen = |k: usize| t.get(k).is_some_and(|_| text(k) == "-") && touches(k);
        let compound = hyphen(end)
            && touches(end + 1)
            && word(end + 1)
            && !(hyphen(end + 2) && word(end + 3) && text(end + 3).eq_ignore_ascii_case("old"));
        let capital = |k: usize| word(k) && text(k).starts_with(char::is_uppercase);
        let lower = |k: usize| word(k) && text(k).starts_with(char::is_lowercase);
        // A number inside a name: after a capitalised word, before a lower-case one (`FTSE
        // 100 index`); or after a name's possessive, before a capitalised word or none
        // (`Standard & Poor's 500 Index`; a count after a possessive has its noun:
        // `Boeing's 300 engineers`).
        let first = f.tokens.start;
        let genitive = |k: usize| text(k).ends_with("'s") || text(k).ends_with("\u{2019}s");
        let possessive = first > start
            && genitive(first - 1)
            && (capital(first - 1) || first - 1 > start && capital(first - 2));
        let in_name =
            first > start && capital(first - 1) && lower(end) || possessive && !lower(end);
        super::measures::reading(&before, compound, in_name, unit, &self.language.align)
    }

    /// The word token right after `s`, if any.
    fn word_after(&self, s: Span) -> Option<String> {
        let tokens = &self.layer.tokens;
        let i = tokens.partition_point(|t| t.start < s.end);
        (tokens.get(i))
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| self.doc.text[t.start as usize..t.end as usize].to_owned())
    }

    /// The word token right before `s`, if any: an argument's preposition.
    fn word_before(&self, s: Span) -> Option<String> {
        let tokens = &self.layer.tokens;
        let i = tokens.partition_point(|t| t.end <= s.start);
        (i.checked_sub(1).and_then(|i| tokens.get(i)))
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| self.doc.text[t.start as usize..t.end as usize].to_owned())
    }

    /// The names inside a role's filler (`participants::names_in`); where the tagger found
    /// none there, the names it missed (`untagged`). A filler with a tagged name is read
    /// as the tagger reads it: its other capitalised words are as likely titles or parts of
    /// that name split off (`General` of `General Electric Co.`) as other participants.
    fn names_in(&self, span: Span, entities: &EntityLayer, d: usize) -> Vec<String> {
        let mut names = super::participants::names_in(span, entities, d, &self.language.align);
        if !names.is_empty() {
            return names;
        }
        let missed = super::untagged::untagged_names(
            span,
            &self.doc.text,
            self.layer,
            &entities.mentions[d],
            |w| self.language.names.classes_of(w) != 0,
        );
        names.extend(missed);
        names.sort_unstable();
        names.dedup();
        names
    }

    fn piece(&self, s: Span) -> String {
        self.doc.text[s.start as usize..s.end as usize].to_owned()
    }

    /// The content words beside the head of a filler headed by a noun of doing
    /// (`activity_heads.txt`), stemmed; `None` for any other head.
    fn activity_words(&self, a: &Argument) -> Option<Vec<String>> {
        let lex = &self.language.align;
        let head = (self.token_text(&(a.head as usize..a.head as usize + 1))).to_lowercase();
        if !lex.activity_heads.contains(&head) {
            return None;
        }
        let text = self.piece(a.span).to_lowercase();
        let words = (text.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty() && *w != head && !lex.stopwords.contains(*w))
            .map(super::stem::stem)
            .collect();
        Some(words)
    }

    /// Frames as the aligner compares them: fillers keyed by term and entity, polarity
    /// from the frame's own negation and the source's denial.
    fn frame_views(
        &self,
        frames: &[Frame],
        denied: bool,
        entities: &EntityLayer,
        d: usize,
    ) -> Vec<FrameView> {
        let lex = &self.language.align;
        let filler = |a: Option<&Argument>, group: bool| {
            a.map(|a| Filler {
                text: self.piece(a.span),
                // Keyed by the word as written: stemmed like the claim's terms.
                key: super::participants::head_key(
                    &self.token_text(&(a.head as usize..a.head as usize + 1)),
                    lex,
                ),
                // The filler is the entity only when the mention covers its head word:
                // `information about Mr. Trump` is no Trump.
                entity: a
                    .mention()
                    .filter(|&m| {
                        let x = &entities.mentions[d][m as usize];
                        let t = &self.layer.tokens[a.head as usize];
                        x.start <= t.start && t.end <= x.end
                    })
                    .and_then(|m| entities.entity_of(d, m as usize))
                    .map(|e| lex.entity_key(&e.id).to_owned()),
                names: self.names_in(a.span, entities, d),
                takes_part: (self.word_before(a.span))
                    .is_some_and(|w| lex.participant_cases.contains(&w.to_lowercase())),
                indefinite: lex.indefinites.contains(
                    &(self.token_text(&(a.head as usize..a.head as usize + 1))).to_lowercase(),
                ),
                pronoun: false,
                activity: self.activity_words(a),
                group,
            })
        };
        frames
            .iter()
            .map(|f| {
                let key = predicate_key(
                    &self.piece(f.predicate_span),
                    self.word_after(f.predicate_span).as_deref(),
                    lex,
                );
                let symmetric = lex.symmetric.contains(&key);
                let written = self.piece(f.predicate_span);
                FrameView {
                    at: f.predicate_span.start,
                    predicate: f.predicate.to_string(),
                    event: lex.events.get(&key).copied(),
                    key,
                    roles: [
                        filler(f.agent.as_ref(), f.agent_group),
                        filler(f.patient.as_ref(), f.patient_group),
                        filler(f.recipient.as_deref(), false),
                        filler(f.place.as_deref(), false),
                        filler(f.time.as_deref(), false),
                    ],
                    negative: f.negated != denied,
                    modality: f.modality_class.map(|c| c.as_str()),
                    core: f.core,
                    symmetric,
                    ongoing: written.to_lowercase().ends_with("ing"),
                    background: false,
                    copular: f.copular,
                    reporting: false,
                    // Set from the claim's words (`mark_conditional`).
                    conditional: false,
                }
            })
            .collect()
    }

    /// The view of the tokens `r`, with entity mentions `mentions` (indices into the
    /// document's mentions), of the `kind` of piece it is.
    fn view(
        &self,
        r: Range<usize>,
        mentions: &[u32],
        entities: &EntityLayer,
        d: usize,
        who: &Attribution,
        kind: Piece,
    ) -> ClaimView {
        let (free, lean) = (kind == Piece::Text, kind == Piece::Lean);
        let Attribution {
            speaker,
            speaker_id,
            denied,
            self_agent,
        } = who.clone();
        let written: Vec<&str> = self.layer.tokens[r.clone()]
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .map(|t| &self.doc.text[t.start as usize..t.end as usize])
            .collect();
        let words: Vec<String> = written.iter().map(|w| w.to_lowercase()).collect();
        // A capital inside a claim marks a name; the first word's capital says nothing.
        let capitalized = (written.iter().zip(&words))
            .skip(1)
            .filter(|(w, _)| w.chars().next().is_some_and(char::is_uppercase))
            .map(|(_, lower)| lower.clone())
            .collect();
        let mut ents: Vec<(&str, String)> = mentions
            .iter()
            .map(|&m| (m as usize, &entities.mentions[d][m as usize]))
            .filter(|(_, x)| x.label.is_name())
            .filter_map(|(m, x)| {
                let surface = self.piece(Span {
                    start: x.start,
                    end: x.end,
                });
                Some((entities.entity_of(d, m)?.id.as_str(), surface))
            })
            .collect();
        // `Moscow denies abusing civilians`: who denies (or admits) a doing is its doer.
        if let (true, Some(id), Some(name)) = (self_agent, speaker_id, &speaker) {
            ents.push((id, name.clone()));
        }
        let in_claim = self.figures_in(&r);
        let range_end = |i: usize| {
            i > 0 && i < in_claim.len() && self.range_end(&in_claim[i - 1], &in_claim[i], r.start)
        };
        let figures = (in_claim.iter().enumerate())
            .filter(|&(i, f)| !(range_end(i) || i > 0 && self.conversion(&in_claim[i - 1], f)))
            .filter_map(|(i, f)| {
                let ranged = range_end(i + 1).then(|| self.range(f, &in_claim[i + 1], r.start));
                let f = ranged.as_ref().unwrap_or(f);
                let mut v = FigureValue::new(f, self.token_text(&f.tokens))?;
                // A figure restating another after `or` is that one converted, rounded by
                // the writer to its place (`$2.57, or 9%` of $29.33 is 8.76%).
                if self.restated(f, r.start).is_some() {
                    v = v.rounded_to_place();
                }
                // Shown with its conversion, whose words (`miles`) are the figure's too.
                if let Some(next) = (in_claim.get(i + 1)).filter(|n| self.conversion(f, n)) {
                    v.text = format!("{} ({})", v.text, self.token_text(&next.tokens));
                    v.restated = Some(next.value);
                }
                v.counts = self.counted_noun(f.tokens.end, r.end);
                // Only a claim that is little but its figure (`closer to 1,000`): a count
                // ending a sentence elides its noun (`killing one soldier and wounding two`).
                v.counts_any = f.tokens.end >= r.end && f.tokens.start <= r.start + ANSWER_LEAD;
                let read = self.figure_reading(f, r.start, v.unit.is_some());
                (v.label, v.change, v.rising) = (read.label, read.change, read.rising);
                Some(v)
            })
            .collect();
        let mut time = TimeScope {
            published: self.doc.date.map(|x| x.to_days()),
            doc: (!free).then_some(d as u32),
            ..TimeScope::default()
        };
        // Words of its dates and durations (`first seven days`): when a claim is, not what it says.
        let mut date_words: Vec<String> = Vec::new();
        for m in self.dates_in(&r) {
            date_words.extend(
                self.token_text(&m.tokens)
                    .split_whitespace()
                    .map(str::to_lowercase),
            );
            time.weekdays.extend(m.weekday);
            match &m.value {
                Some(v) => time.days.push(day_range(v)),
                // A duration (`seven days`, `six years`) scopes a count; a relative date
                // with no document date to resolve it (`on Monday`) says nothing here.
                None if !m.relative => time.periods.push(self.token_text(&m.tokens).to_lowercase()),
                None => {}
            }
        }
        time.weekdays.sort_unstable();
        time.weekdays.dedup();
        build(
            ClaimParts {
                words,
                capitalized,
                date_words,
                entities: ents,
                figures,
                time,
                speaker,
                speaker_id,
                denied,
                lean,
            },
            &self.language.align,
        )
    }
}

/// What a view is of: a free-standing text, a claim of a corpus, or a claim's clause (or
/// a claim only outlined) built without what only the paraphrase model reads
/// (`ClaimParts::lean`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Piece {
    Text,
    Claim,
    Lean,
}

/// The positions in `items` (sorted by token start, none overlapping another) of those whose
/// tokens (`span`) lie inside `r`.
fn within<T>(items: &[T], r: &Range<usize>, span: impl Fn(&T) -> &Range<usize>) -> Range<usize> {
    let lo = items.partition_point(|x| span(x).start < r.start);
    let hi = lo + items[lo..].partition_point(|x| span(x).end <= r.end);
    lo..hi
}

/// The tokens of `tokens` inside `span`.
fn tokens_in(tokens: &[Token], span: Span) -> Range<usize> {
    let lo = tokens.partition_point(|x| x.start < span.start);
    let hi = tokens.partition_point(|x| x.end <= span.end);
    lo..hi.max(lo)
}

/// Where a claim comes from: document index and index among its claims.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct ClaimRef {
    /// Index of the document in the corpus.
    pub doc: u32,
    /// Index of the claim among the document's claims.
    pub index: u32,
}

/// The stages a claim's view is built from: views of any document can be built (and built
/// again) at any time, so no pass of the alignment needs to hold every claim's view at once.
pub struct Sources<'a> {
    corpus: &'a Corpus,
    layers: &'a [TextLayer],
    entities: &'a EntityLayer,
    claims: &'a [Vec<LinkedClaim>],
    /// Whether the documents were parsed (a language without a syntax model has no frames).
    parsed: bool,
    /// Each document's figures and dates inside its claims, found the first time one of its
    /// views is built: a document's views are built several times (the outline, then
    /// again for judging when not all views are held), and finding them took about a
    /// quarter of each build, whose other costs grow with the claims built, not the
    /// document.
    marks: Vec<OnceLock<Marks>>,
}

impl<'a> Sources<'a> {
    /// The corpus's stages up to claims, computed first if need be.
    pub fn of(corpus: &'a Corpus, cancel: &Cancel) -> Result<Sources<'a>, Cancelled> {
        let layers = corpus.try_text_layers(cancel)?;
        let entities = corpus.try_entities(cancel)?;
        let claims = corpus.try_claims(cancel)?;
        Ok(Sources {
            corpus,
            layers,
            entities,
            claims,
            parsed: corpus.try_syntax(cancel)?.is_ok(),
            marks: claims.iter().map(|_| OnceLock::new()).collect(),
        })
    }

    /// Document `d`'s figures and dates inside its claims (`Marks::inside`).
    fn marks(&self, d: usize) -> &Marks {
        self.marks[d].get_or_init(|| {
            let (doc, layer) = (&self.corpus.docs()[d], &self.layers[d]);
            let tokens = &layer.tokens;
            let spans: Vec<Range<usize>> = (self.claims[d].iter())
                .map(|c| tokens_in(tokens, c.claim.span))
                .collect();
            Marks {
                story: super::stories::story(self.entities, d),
                ..Marks::of(doc, layer, self.corpus.language()).inside(&spans)
            }
        })
    }

    /// How many documents.
    pub fn docs(&self) -> usize {
        self.claims.len()
    }

    /// Counts one more document done in the corpus's progress.
    pub fn tick(&self) {
        self.corpus.progress().tick();
    }

    /// How many claims document `d` has.
    pub fn claims_of(&self, d: usize) -> usize {
        self.claims[d].len()
    }

    /// The views of document `d`'s claims, in order, before the corpus's own word counts
    /// weigh their terms (`outline::CorpusIdf`).
    pub fn doc_views(&self, d: usize) -> Vec<ClaimView> {
        self.doc_views_of(d, |_| true)
    }

    /// `doc_views`, but only the claims `wanted` (by index in the document) and those
    /// whose content they may take are built; the others are left empty. The built views
    /// are those `doc_views` gives: a claim takes content only from the claim just before
    /// it (`borrow_context`), so the claims a wanted one may need are found walking back
    /// from it while each may take from the one before (a cheap test on the claims, before
    /// any view). Judging a few claims of a document (a pair's second claim, a copy) then
    /// costs those claims, not the whole document.
    pub fn doc_views_of(&self, d: usize, wanted: impl Fn(usize) -> bool) -> Vec<ClaimView> {
        self.views_of(d, wanted, false)
    }

    /// `doc_views` as the outline reads them (`outline::Outline::of`: keys, copy
    /// signatures, sentences), when they are not kept for judging: no clauses, and none of
    /// the lists only the paraphrase model reads (`ClaimParts::lean`). Their keys and
    /// signatures are those of the full views.
    pub fn outline_views(&self, d: usize) -> Vec<ClaimView> {
        self.views_of(d, |_| true, true)
    }

    fn views_of(&self, d: usize, wanted: impl Fn(usize) -> bool, lean: bool) -> Vec<ClaimView> {
        let (corpus, claims, entities) = (self.corpus, self.claims, self.entities);
        let marks = self.marks(d);
        let ctx = DocContext::new(&corpus.docs()[d], &self.layers[d], corpus.language(), marks);
        let claims = &claims[d];
        let n = claims.len();
        // Whether claim k names what the claim before it said (`it is mass deportations`).
        let describes: Vec<bool> = (0..n)
            .map(|k| {
                k > 0
                    && ctx.describes_what_was_said(claims[k].claim.span)
                    && claims[k].claim.sentence - claims[k - 1].claim.sentence <= 1
            })
            .collect();
        // Whether claim k may take content from the claim before it (a superset of when
        // it does, which also depends on its own terms and on the chain before it).
        let restates = |k: usize| {
            let c = &claims[k].claim;
            k > 0
                && c.cue.as_ref().is_some_and(|q| q.class == CueClass::Figure)
                && claims[k - 1].claim.sentence == c.sentence
        };
        let mut needed = vec![false; n];
        for k in (0..n).rev() {
            needed[k] =
                wanted(k) || (k + 1 < n && needed[k + 1] && (describes[k + 1] || restates(k + 1)));
        }
        let mut views: Vec<ClaimView> = Vec::with_capacity(n);
        // How many claims before it each view has taken content from, in a chain (only
        // read for a claim that is built and may take from the one before: built too).
        let mut carried: Vec<usize> = Vec::with_capacity(n);
        for (k, c) in claims.iter().enumerate() {
            if !needed[k] {
                views.push(ClaimView::default());
                carried.push(0);
                continue;
            }
            let mut v = claim_view(&ctx, c, entities, d, self.parsed, lean);
            if !lean {
                v.story.clone_from(&marks.story);
            }
            let may_borrow = k > 0 && carried[k - 1] < MAX_CONTEXT_CHAIN;
            let mut carries = 0;
            // `… but officials put the figure at closer to 1,000`: a figure that restates
            // the sentence's previous claim is about what that claim is about.
            if restates(k) && v.terms.len() < 2 && may_borrow {
                v.borrow_context(&views[k - 1]);
                carries = carried[k - 1] + 1;
            }
            // `Russia has ordered civilians to leave. Kyiv says it is mass deportations`:
            // a claim that names what was just said (`it is`, `this was`) is about what
            // the claim just before (same or previous sentence) said.
            if describes[k] {
                if may_borrow {
                    v.borrow_context(&views[k - 1]);
                    carries = carried[k - 1] + 1;
                }
                v.refers_to = Some(k as u32 - 1);
            }
            carried.push(carries);
            views.push(v);
        }
        views
    }
}

/// Subjects that point back to what was just said, and the verbs that then describe it.
const ANAPHORS: &[&str] = &["it", "this"];
const DESCRIBING: &[&str] = &[
    "is",
    "was",
    "amounts",
    "amounted",
    "constitutes",
    "constituted",
];
/// `it is likely that …`, `it is hard to …`: an empty `it`, pointing at nothing.
const EXPLETIVE_THIRD: &[&str] = &["that", "to"];

/// A claim takes the content of the claim before it, which may have taken that of the one
/// before, and so on (`It is a war crime. It is a war crime. …`): content is carried along
/// such a chain over at most this many claims, so a view's size does not grow with the
/// document.
const MAX_CONTEXT_CHAIN: usize = 3;

/// Words that open a new clause inside a claim.
const CLAUSE_BREAKS: &[&str] = &[
    "where", "while", "what", "who", "whereas", "but", "which", "after", "before", "because",
    "and", "when",
];
/// A clause needs this many words; shorter pieces stay with the clause before.
const MIN_CLAUSE_WORDS: usize = 3;
/// Every clause of one claim is judged against every clause of the other, so a run-on
/// claim gets at most this many; the rest of it stays with the last.
const MAX_CLAUSES: usize = 24;

/// The clauses of a token range, split at phrase punctuation and clause-opening words.
fn clauses(ctx: &DocContext, r: Range<usize>) -> Vec<Range<usize>> {
    let t = &ctx.layer.tokens;
    let mut cuts = vec![r.start];
    for i in r.clone() {
        let s = &ctx.doc.text[t[i].start as usize..t[i].end as usize];
        let breaks = match t[i].kind {
            TokenKind::Punct => matches!(s, "," | ";" | ":" | "—" | "–" | "(" | ")"),
            TokenKind::Word => CLAUSE_BREAKS.contains(&s.to_lowercase().as_str()),
            _ => false,
        };
        if breaks && i > r.start {
            cuts.push(i);
        }
    }
    cuts.push(r.end);
    let words = |a: usize, b: usize| {
        t[a..b]
            .iter()
            .filter(|x| matches!(x.kind, TokenKind::Word | TokenKind::Number))
            .count()
    };
    // Each clause with its word count, kept as it grows (a long run of short pieces).
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let n = words(a, b);
        let full = out.len() >= MAX_CLAUSES;
        match out.last_mut() {
            Some((last, count)) if full || *count < MIN_CLAUSE_WORDS || n < MIN_CLAUSE_WORDS => {
                last.end = b;
                *count += n;
            }
            _ => out.push((a..b, n)),
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out.into_iter().map(|(r, _)| r).collect()
}

/// Who a claim is attributed to, and how.
#[derive(Clone)]
struct Attribution<'a> {
    speaker: Option<String>,
    speaker_id: Option<&'a str>,
    denied: bool,
    /// The speaker denies or admits a deed of its own (`Moscow denies abusing civilians`).
    self_agent: bool,
}

/// Marks a claim that states a condition, and every frame of it
/// (`ClaimView::conditional`, `FrameView::conditional`).
fn mark_conditional(ctx: &DocContext, r: &Range<usize>, view: &mut ClaimView) {
    if ctx.states_condition(r) {
        view.conditional = true;
        view.frames.iter_mut().for_each(|f| f.conditional = true);
    }
}

fn claim_view(
    ctx: &DocContext,
    c: &LinkedClaim,
    entities: &EntityLayer,
    d: usize,
    parsed: bool,
    lean: bool,
) -> ClaimView {
    let claim = &c.claim;
    let who = Attribution {
        speaker: claim.speaker.map(|s| ctx.piece(s)),
        speaker_id: c
            .speaker_mention
            .and_then(|m| entities.entity_of(d, m as usize))
            .map(|e| e.id.as_str()),
        denied: claim.polarity == Polarity::Denied,
        self_agent: claim
            .cue
            .as_ref()
            .is_some_and(|q| matches!(q.class, CueClass::Deny | CueClass::Admit)),
    };
    let range = ctx.tokens_in(claim.span);
    let kind = if lean { Piece::Lean } else { Piece::Claim };
    let mut whole = ctx.view(range.clone(), &c.mentions, entities, d, &who, kind);
    whole.sentence = Some((d as u32, claim.sentence));
    let (text, layer) = (&ctx.doc.text, ctx.layer);
    let disputing = &ctx.language.align.told_apart.disputing;
    whole.disputed = voices::disputed(text, &layer.tokens, &layer.sentences, claim, disputing);
    whole.frames = ctx.frame_views(&c.frames, who.denied, entities, d);
    mark_conditional(ctx, &range, &mut whole);
    let reach = ctx.reach(entities, d);
    fill_pronouns(
        &reach,
        &c.frames,
        &mut whole.frames,
        claim.span.start,
        who.speaker_id,
    );
    // A claim the parse gave no verb (a fragment, or a parse gone wrong) is judged on its
    // words alone.
    whole.parsed = parsed && c.frames.iter().any(|f| f.verbal);
    whole.verbless = parsed && !whole.parsed;
    mark_background(ctx, &c.background, range.clone(), &mut whole);
    if lean {
        return whole;
    }
    whole.clauses = clauses(ctx, range)
        .into_iter()
        .map(|r| {
            let t = &ctx.layer.tokens;
            let (lo, hi) = (t[r.start].start, t[r.end - 1].end);
            let mut clause = ctx.view(r, &c.mentions, entities, d, &who, Piece::Lean);
            // A clause is about the claim's time (`… and 1,597 wounded in the first seven days`).
            clause.time = whole.time.clone();
            clause.conditional = whole.conditional;
            // … and has the frames whose predicates it holds. Sized to them: collected
            // from a filter, one frame took room for four (a frame is ~440 bytes).
            let holds = |f: &&FrameView| lo <= f.at && f.at < hi;
            clause.frames = Vec::with_capacity(whole.frames.iter().filter(holds).count());
            (clause.frames).extend(whole.frames.iter().filter(holds).cloned());
            clause.parsed = whole.parsed;
            clause.verbless = whole.verbless;
            clause
        })
        .collect();
    whole
}

/// Marks what claim `v` (tokens `r`) says only in passing (`background`: relative clauses,
/// appositions): the term keys and numbers found there and nowhere else in it, and the
/// frames whose predicates stand there.
fn mark_background(ctx: &DocContext, background: &[Span], r: Range<usize>, v: &mut ClaimView) {
    if background.is_empty() {
        return;
    }
    let inside = |start: u32| background.iter().any(|s| s.start <= start && start < s.end);
    // Words (for their terms) and numbers, in passing and elsewhere.
    let (mut passing, mut said) = ((Vec::new(), Vec::new()), (Vec::new(), Vec::new()));
    for t in &ctx.layer.tokens[r] {
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        let word = ctx.doc.text[t.start as usize..t.end as usize].to_lowercase();
        let side = if inside(t.start) {
            &mut passing
        } else {
            &mut said
        };
        if word.chars().any(char::is_alphabetic) {
            side.0.push(word);
        } else {
            side.1.push(word);
        }
    }
    let lex = &ctx.language.align;
    let items = |(words, numbers): (Vec<String>, Vec<String>)| {
        let mut keys: Vec<String> = (super::normalize::terms(&words, lex).into_iter())
            .map(|t| t.key)
            .chain(numbers)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    };
    let said = items(said);
    let mut passing = items(passing);
    passing.retain(|k| said.binary_search(k).is_err());
    v.background = passing;
    for f in &mut v.frames {
        f.background = inside(f.at);
    }
}

/// Views of free-standing texts, each taken whole, read as one small corpus so that their
/// entities share ids (`Kiev` / `Kyiv`). Speaker and denial come from the first claim
/// found that has them.
pub fn text_views(texts: &[&str], language: &'static Language) -> Vec<ClaimView> {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(i.to_string(), (*t).to_owned(), None, None))
        .collect();
    let corpus = Corpus::new(docs)
        .expect("names are distinct and texts small")
        .with_language(language);
    let layers = corpus.text_layers();
    let entities = corpus.entities();
    let claims = corpus.claims();
    (0..texts.len())
        .map(|d| {
            let marks = Marks::of(&corpus.docs()[d], &layers[d], language);
            let ctx = DocContext::new(&corpus.docs()[d], &layers[d], language, &marks);
            let all: Vec<u32> = (0..entities.mentions[d].len() as u32).collect();
            let spoken = claims[d].iter().find(|c| c.claim.speaker.is_some());
            let who = Attribution {
                speaker: spoken.and_then(|c| c.claim.speaker.map(|s| ctx.piece(s))),
                speaker_id: spoken
                    .and_then(|c| c.speaker_mention)
                    .and_then(|m| entities.entity_of(d, m as usize))
                    .map(|e| e.id.as_str()),
                denied: claims[d]
                    .iter()
                    .any(|c| c.claim.polarity == Polarity::Denied),
                self_agent: false,
            };
            let mut view = ctx.view(
                0..layers[d].tokens.len(),
                &all,
                entities,
                d,
                &who,
                Piece::Text,
            );
            // The frames of the whole text: `compare` judges on the same frames as `align`.
            if let Some(parsed) = &corpus.parse(d) {
                let source = FrameSource {
                    text: &corpus.docs()[d].text,
                    tokens: &layers[d].tokens,
                    syntax: parsed,
                    mentions: &entities.mentions[d],
                    words: &language.frames,
                };
                let whole = Span {
                    start: 0,
                    end: corpus.docs()[d].text.len() as u32,
                };
                // A reporting cue's own frame (`Abe said …`) says who spoke, not what
                // (`frames::best` ranks a match on it below one on what is reported).
                // Only cues that merely attribute (`said`, `according to`): a denial or an
                // accusation (`rejected the application`) is what the text reports.
                let cues: Vec<Span> = claims[d]
                    .iter()
                    .filter_map(|c| c.claim.cue.as_ref())
                    .filter(|q| matches!(q.class, CueClass::Assert | CueClass::Source))
                    .map(|q| q.span)
                    .collect();
                let frames = source.frames(whole);
                let in_cue = |f: &Frame| {
                    (cues.iter())
                        .any(|q| q.start <= f.predicate_span.start && f.predicate_span.end <= q.end)
                };
                view.frames = ctx.frame_views(&frames, who.denied, entities, d);
                mark_conditional(&ctx, &(0..layers[d].tokens.len()), &mut view);
                for (v, f) in view.frames.iter_mut().zip(&frames) {
                    v.reporting = in_cue(f);
                }
                let reach = ctx.reach(entities, d);
                fill_pronouns(&reach, &frames, &mut view.frames, 0, who.speaker_id);
                view.parsed = frames.iter().any(|f| f.verbal);
                view.verbless = !view.parsed;
            }
            view
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Binary search finds the items a filter over all of them finds.
        #[test]
        fn within_agrees_with_a_filter(
            gaps in proptest::collection::vec((0usize..5, 1usize..6), 0..30),
            start in 0usize..120,
            len in 0usize..60,
        ) {
            let mut at = 0;
            let items: Vec<Range<usize>> = gaps
                .iter()
                .map(|&(gap, n)| {
                    at += gap;
                    let r = at..at + n;
                    at += n;
                    r
                })
                .collect();
            let r = start..start + len;
            let filtered: Vec<&Range<usize>> = items
                .iter()
                .filter(|x| r.start <= x.start && x.end <= r.end)
                .collect();
            let found: Vec<&Range<usize>> = items[within(&items, &r, |x| x)].iter().collect();
            prop_assert_eq!(found, filtered);
        }
    }

    fn views_of(text: &str) -> Vec<ClaimView> {
        let corpus = Corpus::new(vec![Document::new("a".into(), text.into(), None, None)]).unwrap();
        Sources::of(&corpus, &Cancel::never()).unwrap().doc_views(0)
    }

    /// Views are held by the thousand while pairs are judged: the sample articles' views
    /// keep no spare room in their character trigrams and their clauses' frames, the two
    /// lists that were grown by pushes (spare room was about 14% of a held view).
    #[test]
    fn held_views_keep_no_spare_room_in_trigrams_and_clause_frames() {
        let docs = (crate::text::sample::texts().enumerate())
            .map(|(i, t)| Document::new(i.to_string(), t.to_owned(), None, None))
            .collect();
        let corpus = Corpus::new(docs).unwrap();
        let sources = Sources::of(&corpus, &Cancel::never()).unwrap();
        let (mut trigrams, mut clause_frames) = (0, 0);
        for d in 0..sources.docs() {
            for v in sources.doc_views(d) {
                assert_eq!(v.char_trigrams.capacity(), v.char_trigrams.len());
                trigrams += v.char_trigrams.len();
                for c in &v.clauses {
                    assert_eq!(c.frames.capacity(), c.frames.len(), "{:?}", v.sentence);
                    clause_frames += c.frames.len();
                }
            }
        }
        assert!(
            trigrams > 1000 && clause_frames > 20,
            "{trigrams} {clause_frames}"
        );
    }

    #[test]
    fn views_read_only_the_figures_and_dates_inside_claims() {
        let text = "The ministry said 32 soldiers were killed on Monday, about 12 km from the \
                    town. In 2021, 4,000 people lived there. Officials put the figure at closer to \
                    1,000 on Tuesday, while Kyiv said at least 50 km (30 miles) were retaken.";
        let corpus = Corpus::new(vec![Document::new(
            "a".into(),
            text.into(),
            Some(crate::calendar::Date::new(2022, 11, 8).unwrap()),
            None,
        )])
        .unwrap();
        let kept = Sources::of(&corpus, &Cancel::never()).unwrap();
        let all = Sources::of(&corpus, &Cancel::never()).unwrap();
        let whole = Marks {
            story: crate::align::stories::story(all.entities, 0),
            ..Marks::of(&corpus.docs()[0], &all.layers[0], corpus.language())
        };
        let total = whole.figures.len() + whole.dates.len();
        assert!(all.marks[0].set(whole).is_ok());
        let (a, b) = (kept.doc_views(0), all.doc_views(0));
        assert!(!a.is_empty());
        let inside = kept.marks(0).figures.len() + kept.marks(0).dates.len();
        assert!(0 < inside && inside <= total, "{inside} of {total}");
        assert!(a.iter().any(|v| !v.figures.is_empty()));
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }

    /// The figures of the one claim of `text`, as (text, lo, hi).
    fn figures_of(text: &str) -> Vec<(String, f64, f64)> {
        let views = views_of(text);
        assert_eq!(views.len(), 1, "{text}");
        (views[0].figures.iter())
            .map(|f| (f.text.clone(), f.lo, f.hi))
            .collect()
    }

    #[test]
    fn a_range_is_one_figure_bounded_by_its_two_numbers() {
        for (text, range, bounds) in [
            (
                "Police said the storm killed between 10 and 20 people.",
                "between 10 and 20",
                (10.0, 20.0),
            ),
            (
                "Police said the storm killed 10 to 20 people.",
                "10 to 20",
                (10.0, 20.0),
            ),
            (
                "Witnesses saw 40 to 50 armed men.",
                "40 to 50",
                (40.0, 50.0),
            ),
        ] {
            let got = figures_of(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(&got[0].0, range);
            assert_eq!((got[0].1, got[0].2), bounds, "{text}");
        }
        // A change is no range: `from 9 to 12`, `rose 6.48 to 2,558.84`; nor a score
        // (`1,627 to 743`), nor two numbers of different scales.
        for text in [
            "Police said the toll rose from 9 to 12.",
            "The index rose 6.48 to 2,558.84.",
            "Advances beat declines 1,627 to 743.",
            "Officials said between 1 and 2 billion dollars.",
        ] {
            let got = figures_of(text);
            assert!(got.len() >= 2, "{text}: {got:?}");
        }
    }

    #[test]
    fn a_figure_after_or_restates_the_move_before_it() {
        // `$1.11` is the fall in dollars, `$42.57` the price it fell to: no range.
        let views = views_of("Altria shares fell 2.5 percent or $1.11 to $42.57 on Monday.");
        let got: Vec<(&str, Option<bool>, Option<bool>)> = (views[0].figures.iter())
            .map(|f| (f.text.as_str(), f.change, f.rising))
            .collect();
        assert_eq!(
            got,
            [
                ("2.5 percent", Some(true), Some(false)),
                ("$1.11", Some(true), Some(false)),
                ("$42.57", Some(false), None),
            ]
        );
        // After a comma too.
        let views = views_of("The index rose 86.56 points, or 0.94 percent, to 9,109.99.");
        assert_eq!(views[0].figures[1].change, Some(true));
        // The restatement is rounded: `$2.57, or 9%` of a $29.33 share is 8.76%.
        let views = views_of("Shares of MONY were gaining $2.57, or 9%, to $31.90.");
        let (lo, hi) = (views[0].figures[1].lo, views[0].figures[1].hi);
        assert!(lo < 8.76 && 8.76 < hi, "{lo}..{hi}");
        // Two counts of one unit are a choice, not a restatement: `4` is not read as `by 3`.
        let views = views_of("Police said the toll rose by 3 or 4 overnight.");
        let changes: Vec<Option<bool>> = views[0].figures.iter().map(|f| f.change).collect();
        assert_eq!(changes, [Some(true), None]);
    }

    #[test]
    fn a_figure_alone_in_brackets_restates_the_figure_before_it() {
        let texts = |text: &str| -> Vec<String> {
            (figures_of(text).into_iter()).map(|(t, _, _)| t).collect()
        };
        // Units the lexicon lacks, or none written: still one figure, shown with its conversion.
        assert_eq!(
            texts("The ferry to Kessel Bay costs 1,450 rupees (US$17) a trip."),
            ["1,450 (US$17)"]
        );
        assert_eq!(
            texts("The lake at Ostley warmed to 64 (17.8 Celsius) in May."),
            ["64 (17.8)"]
        );
        assert_eq!(
            texts("Road surfaces reached 45 degrees (113 Fahrenheit) at noon."),
            ["45 (113)"]
        );
        // An aside counting part of the figure is a second figure.
        assert_eq!(
            texts("The fire at Ostley killed 14 people (two of them firefighters)."),
            ["14", "two"]
        );
        assert_eq!(
            texts("The fire at Ostley injured 14 people (3 children) overnight."),
            ["14", "3"]
        );
    }

    #[test]
    fn content_is_carried_along_a_chain_of_claims_a_bounded_way() {
        let views = views_of(&"It is a war crime. ".repeat(40));
        assert_eq!(views.len(), 40);
        let own = views[0].words;
        // Every claim names what the one before said; none carries more than the chain allows.
        assert!(views[1..].iter().all(|v| v.refers_to.is_some()));
        let most = views.iter().map(|v| v.words).max().unwrap();
        assert_eq!(most, own * (MAX_CONTEXT_CHAIN + 1), "{most} words");
        // The first claims of the chain still carry all that came before them.
        assert_eq!(views[2].words, 3 * own);
    }

    #[test]
    fn a_run_on_claim_has_a_bounded_number_of_clauses() {
        let pieces: Vec<String> = (0..100)
            .map(|i| format!("the town number {i} fell"))
            .collect();
        let text = format!("Officials said {}.", pieces.join(", "));
        let views = views_of(&text);
        assert_eq!(views.len(), 1);
        let v = &views[0];
        assert_eq!(v.clauses.len(), MAX_CLAUSES);
        // The clauses still cover the whole claim.
        let words: usize = v.clauses.iter().map(|c| c.words).sum();
        assert_eq!(words, v.words);
    }
}
