//! The name model's tag set: BILOU over the four CoNLL-2003 kinds (Begin, Inside, Last,
//! Unit-length, Outside), which transitions are allowed, and the conversion between tags and
//! token spans.

/// What the model learns to find: CoNLL-2003's name kinds. `mod.rs` maps them to OntoNotes
/// labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Per,
    Org,
    Loc,
    Misc,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Org, Kind::Loc, Kind::Misc];

    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "PER" => Kind::Per,
            "ORG" => Kind::Org,
            "LOC" => Kind::Loc,
            "MISC" => Kind::Misc,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
            Kind::Misc => "MISC",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

/// One tag, numbered as the perceptron's classes: 0 is Outside, then four positions per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(u8);

pub const N_TAGS: usize = 1 + 4 * Kind::ALL.len();

impl Tag {
    pub const OUTSIDE: Tag = Tag(0);

    pub fn new(kind: Kind, position: Position) -> Tag {
        Tag(1 + 4 * kind.index() as u8 + position as u8)
    }

    pub fn from_class(class: usize) -> Tag {
        debug_assert!(class < N_TAGS);
        Tag(class as u8)
    }

    pub fn class(self) -> usize {
        self.0 as usize
    }

    pub fn kind(self) -> Option<Kind> {
        (self.0 > 0).then(|| Kind::ALL[(self.0 as usize - 1) / 4])
    }

    pub fn position(self) -> Option<Position> {
        const POSITIONS: [Position; 4] = [
            Position::Begin,
            Position::Inside,
            Position::Last,
            Position::Unit,
        ];
        (self.0 > 0).then(|| POSITIONS[(self.0 as usize - 1) % 4])
    }

    /// A name is open after this tag: the next must continue it.
    pub fn opens(self) -> bool {
        matches!(self.position(), Some(Position::Begin | Position::Inside))
    }

    /// `next` may follow `self` (the tag before the first token is Outside).
    pub fn may_precede(self, next: Tag) -> bool {
        let continues = matches!(next.position(), Some(Position::Inside | Position::Last));
        if self.opens() {
            continues && next.kind() == self.kind()
        } else {
            !continues
        }
    }

    pub fn all() -> impl Iterator<Item = Tag> {
        (0..N_TAGS).map(Tag::from_class)
    }
}

/// A name over tokens `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenSpan {
    pub first: usize,
    pub end: usize,
    pub kind: Kind,
}

/// The tags that mark `spans` (sorted, non-overlapping) over `n` tokens.
pub fn tags_of(spans: &[TokenSpan], n: usize) -> Vec<Tag> {
    let mut tags = vec![Tag::OUTSIDE; n];
    for s in spans.iter().filter(|s| s.first < s.end && s.end <= n) {
        if s.end - s.first == 1 {
            tags[s.first] = Tag::new(s.kind, Position::Unit);
            continue;
        }
        tags[s.first] = Tag::new(s.kind, Position::Begin);
        for t in &mut tags[s.first + 1..s.end - 1] {
            *t = Tag::new(s.kind, Position::Inside);
        }
        tags[s.end - 1] = Tag::new(s.kind, Position::Last);
    }
    tags
}

/// The spans `tags` mark. A sequence the decoder never produces (a name left open, a Last
/// without its Begin) is read leniently: whatever run of one kind is there becomes a name.
pub fn spans_of(tags: &[Tag]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (kind, position) = match (tag.kind(), tag.position()) {
            (Some(k), Some(p)) => (k, p),
            _ => {
                if let Some((first, kind)) = open.take() {
                    out.push(TokenSpan {
                        first,
                        end: i,
                        kind,
                    });
                }
                continue;
            }
        };
        let continues = matches!(position, Position::Inside | Position::Last);
        match open {
            Some((_, k)) if continues && k == kind => {}
            _ => {
                if let Some((first, k)) = open.take() {
                    out.push(TokenSpan {
                        first,
                        end: i,
                        kind: k,
                    });
                }
                open = Some((i, kind));
            }
        }
        if matches!(position, Position::Last | Position::Unit) {
            let (first, kind) = open.take().expect("just opened or continued");
            out.push(TokenSpan {
                first,
                end: i + 1,
                kind,
            });
        }
    }
    if let Some((first, kind)) = open {
        out.push(TokenSpan {
            first,
            end: tags.len(),
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span(first: usize, end: usize, kind: Kind) -> TokenSpan {
        TokenSpan { first, end, kind }
    }

    #[test]
    fn classes_number_every_tag_once() {
        let classes: Vec<usize> = Tag::all().map(Tag::class).collect();
        assert_eq!(classes, (0..N_TAGS).collect::<Vec<_>>());
        for kind in Kind::ALL {
            for p in [
                Position::Begin,
                Position::Inside,
                Position::Last,
                Position::Unit,
            ] {
                let t = Tag::new(kind, p);
                assert_eq!((t.kind(), t.position()), (Some(kind), Some(p)));
                assert_eq!(Kind::parse(kind.as_str()), Some(kind));
            }
        }
        assert_eq!(Tag::OUTSIDE.kind(), None);
    }

    #[test]
    fn transitions_keep_names_whole() {
        let b = Tag::new(Kind::Per, Position::Begin);
        let i = Tag::new(Kind::Per, Position::Inside);
        let l = Tag::new(Kind::Per, Position::Last);
        let u = Tag::new(Kind::Org, Position::Unit);
        let other_l = Tag::new(Kind::Org, Position::Last);
        assert!(Tag::OUTSIDE.may_precede(b) && Tag::OUTSIDE.may_precede(u));
        assert!(!Tag::OUTSIDE.may_precede(i) && !Tag::OUTSIDE.may_precede(l));
        assert!(b.may_precede(i) && b.may_precede(l) && i.may_precede(l));
        assert!(!b.may_precede(other_l) && !b.may_precede(Tag::OUTSIDE) && !b.may_precede(u));
        assert!(l.may_precede(u) && u.may_precede(b) && l.may_precede(Tag::OUTSIDE));
    }

    #[test]
    fn spans_and_tags_round_trip() {
        let spans = vec![
            span(0, 2, Kind::Per),
            span(2, 3, Kind::Loc),
            span(5, 9, Kind::Org),
        ];
        let tags = tags_of(&spans, 10);
        assert_eq!(tags[0], Tag::new(Kind::Per, Position::Begin));
        assert_eq!(tags[6], Tag::new(Kind::Org, Position::Inside));
        assert_eq!(spans_of(&tags), spans);
    }

    #[test]
    fn broken_sequences_read_leniently() {
        let b = Tag::new(Kind::Per, Position::Begin);
        let i = Tag::new(Kind::Per, Position::Inside);
        let l_org = Tag::new(Kind::Org, Position::Last);
        assert_eq!(
            spans_of(&[b, i, l_org, Tag::OUTSIDE, i]),
            vec![
                span(0, 2, Kind::Per),
                span(2, 3, Kind::Org),
                span(4, 5, Kind::Per)
            ]
        );
    }

    proptest! {
        #[test]
        fn any_tag_sequence_gives_sorted_disjoint_spans(classes in prop::collection::vec(0..N_TAGS, 0..40)) {
            let tags: Vec<Tag> = classes.into_iter().map(Tag::from_class).collect();
            let spans = spans_of(&tags);
            for s in &spans {
                prop_assert!(s.first < s.end && s.end <= tags.len());
            }
            for w in spans.windows(2) {
                prop_assert!(w[0].end <= w[1].first);
            }
            // Valid sequences survive a round trip.
            prop_assert_eq!(spans_of(&tags_of(&spans, tags.len())), spans);
        }
    }
}
