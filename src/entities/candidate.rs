//! Candidate entity spans from independent sources, and the choice among them: every source
//! (lexicons, name rules, figures, dates, the learned name model) proposes spans with a
//! priority; `select` keeps the best non-overlapping ones. A new source only adds candidates.

use super::label::Label;
use super::values::Normalised;

/// Which rule or list found a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// A name the user added (always wins).
    User,
    /// A name from the built-in lexicons.
    Lexicon,
    /// A capitalised name typed by its context (`President X`, `X, a spokeswoman for`).
    Context,
    /// A later single-word mention of a person named in full earlier in the document.
    Surname,
    /// A capitalised name typed by weak evidence only (`in X`, two unknown words).
    Guess,
    /// Numbers, quantities, money, percentages.
    Figures,
    /// Dates and times.
    Dates,
    /// The learned name tagger (`name_model`).
    Model,
}

impl Source {
    /// Every source, in declaration order.
    pub const ALL: [Source; 8] = [
        Source::User,
        Source::Lexicon,
        Source::Context,
        Source::Surname,
        Source::Guess,
        Source::Figures,
        Source::Dates,
        Source::Model,
    ];

    /// The source of that name.
    pub fn parse(s: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The source's name in tables (`lexicon`, `user`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::User => "user",
            Source::Lexicon => "lexicon",
            Source::Context => "context",
            Source::Surname => "surname",
            Source::Guess => "guess",
            Source::Figures => "figures",
            Source::Dates => "dates",
            Source::Model => "model",
        }
    }
}

/// Priorities: higher wins an overlap; equal priorities go to the longer span.
pub mod priority {
    pub const USER: u8 = 100;
    pub const CONTEXT_STRONG: u8 = 70;
    pub const GIVEN_NAME: u8 = 65;
    /// The name model, sure, where it reads a lexicon place as part of a longer name.
    pub const MODEL_OVER_LEXICON: u8 = 61;
    pub const LEXICON: u8 = 60;
    /// The name model, where every token of the name won by a clear margin.
    pub const MODEL_SURE: u8 = 55;
    pub const REPORTING: u8 = 50;
    pub const NUMERIC: u8 = 45;
    pub const SURNAME: u8 = 40;
    /// The name model, less sure.
    pub const MODEL: u8 = 35;
    pub const GUESS: u8 = 30;
}

/// Tokens `first..end` of one document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub first: usize,
    pub end: usize,
    pub label: Label,
    pub source: Source,
    pub priority: u8,
    /// The lexicon entry it matched, if any.
    pub entry: Option<u32>,
    /// What a figure or date means.
    pub normalised: Option<Normalised>,
}

impl Candidate {
    pub fn new(first: usize, end: usize, label: Label, source: Source, priority: u8) -> Self {
        Candidate {
            first,
            end,
            label,
            source,
            priority,
            entry: None,
            normalised: None,
        }
    }

    fn len(&self) -> usize {
        self.end - self.first
    }
}

/// The winners: by priority, then length, then position (so the outcome never depends on
/// the order candidates were proposed in), none overlapping; returned in text order.
pub fn select(mut candidates: Vec<Candidate>, n_tokens: usize) -> Vec<Candidate> {
    candidates.retain(|c| c.first < c.end && c.end <= n_tokens);
    candidates.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(b.len().cmp(&a.len()))
            .then(a.first.cmp(&b.first))
            .then(a.label.cmp(&b.label))
            .then(a.source.cmp(&b.source))
    });
    let mut taken = vec![false; n_tokens];
    let mut out = Vec::new();
    for c in candidates {
        if taken[c.first..c.end].iter().any(|&t| t) {
            continue;
        }
        taken[c.first..c.end].iter_mut().for_each(|t| *t = true);
        out.push(c);
    }
    out.sort_by_key(|c| c.first);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_then_length_then_position() {
        let c = |first, end, label, p| Candidate::new(first, end, label, Source::Guess, p);
        let won = select(
            vec![
                c(0, 2, Label::Person, 30),
                c(1, 3, Label::Gpe, 60),
                c(3, 5, Label::Org, 30),
                c(4, 6, Label::Org, 30),
                c(6, 7, Label::Loc, 10),
            ],
            8,
        );
        let spans: Vec<_> = won.iter().map(|c| (c.first, c.end, c.label)).collect();
        assert_eq!(
            spans,
            vec![(1, 3, Label::Gpe), (3, 5, Label::Org), (6, 7, Label::Loc)]
        );
    }

    #[test]
    fn order_of_proposal_does_not_matter() {
        let a = Candidate::new(0, 2, Label::Person, Source::Context, 70);
        let b = Candidate::new(1, 3, Label::Org, Source::Context, 70);
        assert_eq!(select(vec![a, b], 3), select(vec![b, a], 3));
    }
}
