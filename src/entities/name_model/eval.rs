//! Exact-span scores per kind, as the CoNLL-2003 shared task counts them: a name is right
//! when its start, end and kind all match a gold name's.

use std::collections::HashSet;

use crate::entities::label::Label;

use super::tags::Kind;

/// The CoNLL-2003 kind an OntoNotes label is scored as (as `benches/conll_heldout.py` maps
/// them); figures and dates are not names.
pub fn kind_of(label: Label) -> Option<Kind> {
    Some(match label {
        Label::Person => Kind::Per,
        Label::Org => Kind::Org,
        Label::Gpe | Label::Loc | Label::Fac => Kind::Loc,
        Label::Norp | Label::Event | Label::Product => Kind::Misc,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Counts per kind over any number of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    pub per_kind: [Counts; 4],
}

impl Scores {
    /// Adds one document: `gold` and `predicted` are `(start, end, kind)` spans.
    pub fn add(&mut self, gold: &[(u32, u32, Kind)], predicted: &[(u32, u32, Kind)]) {
        let gold: HashSet<_> = gold.iter().collect();
        let predicted: HashSet<_> = predicted.iter().collect();
        for kind in Kind::ALL {
            let g: HashSet<_> = gold.iter().filter(|x| x.2 == kind).collect();
            let p: HashSet<_> = predicted.iter().filter(|x| x.2 == kind).collect();
            let tp = g.intersection(&p).count();
            self.per_kind[kind as usize].add(Counts {
                tp,
                fp: p.len() - tp,
                fn_: g.len() - tp,
            });
        }
    }

    pub fn of(&self, kind: Kind) -> Counts {
        self.per_kind[kind as usize]
    }

    /// Pooled over `kinds`.
    pub fn pooled(&self, kinds: &[Kind]) -> Counts {
        let mut total = Counts::default();
        for &k in kinds {
            total.add(self.of(k));
        }
        total
    }

    /// PER, LOC and ORG pooled: the figure the target is set on.
    pub fn per_loc_org(&self) -> Counts {
        self.pooled(&[Kind::Per, Kind::Loc, Kind::Org])
    }

    /// One line per kind and the pooled figures.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let mut line = |name: &str, c: Counts| {
            out.push_str(&format!(
                "{name:<12} P={:.3} R={:.3} F1={:.3} (gold {})\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp + c.fn_
            ));
        };
        for k in Kind::ALL {
            line(k.as_str(), self.of(k));
        }
        line("PER+LOC+ORG", self.per_loc_org());
        line("all four", self.pooled(&Kind::ALL));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_spans_and_kinds_only() {
        let mut s = Scores::default();
        s.add(
            &[(0, 5, Kind::Per), (10, 15, Kind::Loc), (20, 25, Kind::Org)],
            &[(0, 5, Kind::Per), (10, 14, Kind::Loc), (20, 25, Kind::Loc)],
        );
        assert_eq!(
            s.of(Kind::Per),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            s.of(Kind::Loc),
            Counts {
                tp: 0,
                fp: 2,
                fn_: 1
            }
        );
        assert_eq!(
            s.of(Kind::Org),
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        let all = s.per_loc_org();
        assert_eq!((all.precision(), all.recall()), (1.0 / 3.0, 1.0 / 3.0));
        assert!((all.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
        assert!(s.table().contains("PER+LOC+ORG"));
    }
}
