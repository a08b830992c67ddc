//! Figures as intervals, and whether two figures can be the same count. The wording's
//! bounds set the interval (`at least 30` → 30 and a little more; `nearly 300,000` → a
//! little under 300,000); a bare number allows rounding.

use super::bounds;
use crate::entities::figures::Figure;
use crate::entities::label::Label;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FigureValue {
    pub text: String,
    pub value: f64,
    #[serde(with = "super::distributed::static_text")]
    pub unit: super::distributed::Unit,
    pub lo: f64,
    pub hi: f64,
    /// The stem of what a bare count counts (`two Democratic donors` → `donor`), when the
    /// words after it say: two counts clash only when they count the same thing.
    pub counts: Option<String>,
    /// The claim is its figure (`closer to 1,000`): it answers whatever count the other
    /// claim gives.
    pub counts_any: bool,
    /// A number naming what is measured, not a count of it (`the 10-year bond`, `the FTSE
    /// 100 index`: `measures::reading`): never a rival count.
    #[serde(default)]
    pub label: bool,
    /// A change (`rose 10.3 points`: `Some(true)`) or a level (`to 2,801.5`: `Some(false)`),
    /// when the word before it says: a change and a level are two measures.
    #[serde(default)]
    pub change: Option<bool>,
    /// A change up (`rose 1.5 percent`: `Some(true)`) or down (`fell 1.6 percent`:
    /// `Some(false)`), when the word before it says (`moves`).
    #[serde(default)]
    pub rising: Option<bool>,
    /// Bounded below only (`at least 30`, `more than 300`): a floor, the count may lie
    /// anywhere above it.
    #[serde(default)]
    pub floor: bool,
    /// Whether `lo` / `hi` is a bound the wording states and includes (`at least 29`, `as
    /// many as 29`, `between 5 and 10`), not the reach of an approximation or a place.
    #[serde(default)]
    pub closed: (bool, bool),
    /// The number it is restated as in brackets, in another unit (`1,450 rupees (US$17)`:
    /// 17): the other side may state that one instead.
    #[serde(default)]
    pub restated: Option<f64>,
}

/// Rounding a bare number allows (`2.5` for `2.46`), at most: a number written to more
/// places allows just under half a unit of its last place (`5,616.21` is not `5,647.65`).
const EXACT_SLACK: f64 = 0.02;
const APPROX_SLACK: f64 = 0.12;
/// Share of a unit of its last place a number written to that place allows: under a half,
/// so that numbers one unit apart there (`55` / `56` cents, `4.30` / `4.31` percent), which
/// would meet at the half, are two figures. Rounding to the place is a half-open interval.
const PLACE_REACH: f64 = 0.49;

impl FigureValue {
    /// None for ordinals: `the first day` is not a count.
    pub fn new(f: &Figure, text: String) -> Option<FigureValue> {
        if f.label == Label::Ordinal || !f.value.is_finite() {
            return None;
        }
        let v = f.value.abs();
        let slack = if f.approximate {
            APPROX_SLACK
        } else {
            EXACT_SLACK
        };
        // The bounds' reach follows the place the number is written to (`bounds`).
        let step = bounds::step(&text, v);
        let (lo, hi) = match (f.lower, f.upper) {
            (Some(l), Some(u)) => (l, u),
            (Some(l), None) => (l, l + bounds::above_floor(l, step)),
            (None, Some(u)) => (u - bounds::below_ceiling(u, f.approximate, APPROX_SLACK), u),
            (None, None) => {
                let reach = match step {
                    Some(step) if !f.approximate => (v * slack).min(PLACE_REACH * step),
                    _ if f.approximate => bounds::about(v, step, EXACT_SLACK, APPROX_SLACK),
                    _ => v * slack,
                };
                (v - reach, v + reach)
            }
        };
        Some(FigureValue {
            text,
            value: f.value,
            unit: f.unit,
            lo: lo.min(hi),
            hi: hi.max(lo),
            counts: None,
            counts_any: false,
            label: false,
            change: None,
            rising: None,
            floor: f.lower.is_some() && f.upper.is_none(),
            closed: (
                f.lower.is_some() && !f.approximate,
                f.upper.is_some() && !f.approximate,
            ),
            restated: None,
        })
    }

    /// The figure as a number the writer rounded to its last place (a conversion: `$2.57,
    /// or 9%` of $29.33 is 8.76%): it reaches just under half a unit of that place, however
    /// large a share of its value that is.
    pub fn rounded_to_place(mut self) -> FigureValue {
        let v = self.value.abs();
        if let Some(step) = bounds::step(&self.text, v) {
            let reach = PLACE_REACH * step;
            (self.lo, self.hi) = (self.lo.min(v - reach), self.hi.max(v + reach));
        }
        self
    }

    /// Counts of the same kind: the same unit (or both plain counts).
    pub fn comparable(&self, other: &FigureValue) -> bool {
        self.unit == other.unit
    }

    /// Two figures that cannot both be right: counts of one kind, and for bare counts of one
    /// thing (`two donors and a staffer` does not answer `three Americans`); no label, and
    /// not a change against a level (`fell 163.77 points` / `ended at 1,520.4`).
    /// Two floors never rival (`at least 30` / `at least 50` killed): each report bounds
    /// what it could confirm, and both hold of any count above the higher. (A ceiling, as
    /// `nearly 300,000`, says about how many: two of them may clash.)
    pub fn rivals(&self, other: &FigureValue) -> bool {
        let both_floors = self.floor && other.floor;
        self.comparable(other)
            && !both_floors
            && !self.label
            && !other.label
            && !matches!((self.change, other.change), (Some(x), Some(y)) if x != y)
            && (self.unit.is_some()
                || self.counts_any
                || other.counts_any
                || self.counts.is_some() && self.counts == other.counts)
    }

    pub fn compatible(&self, other: &FigureValue) -> bool {
        if self.floor && other.floor {
            // Two floors overlap above the higher, but state one count only at one number.
            let floor = |f: &FigureValue| (f.lo, bounds::step(&f.text, f.lo));
            return self.comparable(other) && bounds::same_floor(floor(self), floor(other));
        }
        // Intervals that only touch meet only where both state the number as an inclusive
        // bound (`at least 29` / `as many as 29`): elsewhere an end is the reach of an
        // approximation or a place, set so that neighbouring readings stay apart (`about
        // $19 billion` / `about $21 billion`; `almost 10` / `about 11` percent, which
        // `almost` excludes). A point (`0`) meets what holds it.
        let (lo, hi) = (self.lo.max(other.lo), self.hi.min(other.hi));
        let closes_at =
            |f: &FigureValue, t: f64| f.closed.0 && f.lo == t || f.closed.1 && f.hi == t;
        let point = self.lo == self.hi || other.lo == other.hi;
        self.comparable(other)
            && (lo < hi || lo == hi && (point || closes_at(self, lo) && closes_at(other, lo)))
    }

    /// Bucket keys for the candidate index: the orders of magnitude the interval touches,
    /// in quarter-decades, so that compatible figures share at least one key.
    pub fn buckets(&self) -> Vec<String> {
        let q = |x: f64| (x.max(1e-9).log10() * 4.0).floor() as i64;
        let (a, b) = (q(self.lo), q(self.hi));
        (a..=b.min(a + 3))
            .map(|k| format!("#{}:{k}", self.unit.unwrap_or("n")))
            .collect()
    }
}

/// The last number written in digits in `text` (`$317.6 billion` → 317.6) and the value of
/// its last place (0.1), or of its last non-zero digit for a whole number (`300` → 100):
/// how precisely it was written.
pub(super) fn written_place(text: &str) -> Option<(f64, f64)> {
    let end = text.rfind(|c: char| c.is_ascii_digit())? + 1;
    let run = text[..end]
        .rsplit(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .next()?;
    let digits: String = run.chars().filter(|c| *c != ',').collect();
    let number: f64 = digits.trim_start_matches('.').parse().ok()?;
    let place = match digits.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len() as i32)),
        None => 10f64.powi(digits.len() as i32 - digits.trim_end_matches('0').len() as i32),
    };
    Some((number, place))
}

/// Figures of two claims compared: which pairs match, and whether they clash (rival
/// figures on both sides, none of them compatible).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FigureMatch {
    pub shared: Vec<(usize, usize)>,
    pub clash: Option<(usize, usize)>,
    /// Comparable figures on both sides, none of them compatible, rivals or not: two claims
    /// whose counts differ do not state one proposition, even when they may count different
    /// things (`32 personnel` / `5,840 soldiers`).
    pub apart: bool,
    /// Figures of either side with no compatible counterpart.
    pub unmatched: usize,
    pub total: usize,
}

pub fn compare(a: &[FigureValue], b: &[FigureValue]) -> FigureMatch {
    let mut m = FigureMatch {
        total: a.len() + b.len(),
        ..FigureMatch::default()
    };
    let mut used_b: Vec<bool> = b.iter().map(|y| y.label).collect();
    let mut matched_a = 0;
    let mut first_rival = None;
    let mut comparable = false;
    for (i, x) in a.iter().enumerate() {
        let mut found = false;
        // A label names the measure (`the 10-year bond`), it does not count: one label on
        // both sides is no figure matched, and keeps no clash off (`measures`).
        if x.label {
            matched_a += 1;
            continue;
        }
        for (j, y) in b.iter().enumerate() {
            if y.label {
                continue;
            }
            comparable |= x.comparable(y);
            if x.rivals(y) && first_rival.is_none() {
                first_rival = Some((i, j));
            }
            if x.compatible(y) {
                if !found {
                    m.shared.push((i, j));
                    found = true;
                }
                used_b[j] = true;
            }
        }
        matched_a += found as usize;
    }
    m.unmatched = (a.len() - matched_a) + used_b.iter().filter(|u| !**u).count();
    if m.shared.is_empty() {
        m.clash = first_rival;
        m.apart = comparable;
    }
    m
}

/// Figures of the two sides that no figure of the other side matches, paired one to one
/// where they measure one kind of thing: rivals (`rivals`), or plain numbers both read as
/// a change or both as a level. When such pairs outnumber the figures that match, the two
/// claims give one set of measures other values (`down 18.42, or 0.2 percent, at 8,569.94`
/// / `up 22.81, or 0.2 percent, at 9,340.45`): two readings, of two things or two moments,
/// whatever figure they happen to share. One pair apart beside one match is left alone:
/// a report updated or rounded (`12,400` / `11,400 acres`, `$38.28` / `$38.30`) is the
/// same story told twice. The first pair apart, `(i, j)`, when they outnumber the matches.
pub fn values_apart(a: &[FigureValue], b: &[FigureValue]) -> Option<(usize, usize)> {
    let unmatched = |x: &FigureValue, other: &[FigureValue]| {
        !x.label && !other.iter().any(|y| !y.label && x.compatible(y))
    };
    let alike = |x: &FigureValue, y: &FigureValue| {
        x.rivals(y) || x.comparable(y) && x.change.is_some() && x.change == y.change
    };
    let mut taken = vec![false; b.len()];
    let mut apart = Vec::new();
    for (i, x) in a.iter().enumerate().filter(|(_, x)| unmatched(x, b)) {
        let j = (0..b.len()).find(|&j| !taken[j] && unmatched(&b[j], a) && alike(x, &b[j]));
        if let Some(j) = j {
            taken[j] = true;
            apart.push((i, j));
        }
    }
    (apart.len() > compare(a, b).shared.len())
        .then(|| apart.first().copied())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(
        value: f64,
        lower: Option<f64>,
        upper: Option<f64>,
        approximate: bool,
        unit: Option<&'static str>,
    ) -> FigureValue {
        let f = Figure {
            tokens: 0..1,
            label: Label::Cardinal,
            value,
            unit,
            lower,
            upper,
            approximate,
        };
        FigureValue::new(&f, value.to_string()).unwrap()
    }

    #[test]
    fn bounds_make_intervals() {
        let exact32 = fig(32.0, None, None, false, None);
        let at_least_30 = fig(30.0, Some(30.0), None, false, None);
        assert!(exact32.compatible(&at_least_30));
        assert!(!fig(498.0, None, None, false, None).compatible(&at_least_30));
        let nearly = fig(300_000.0, None, Some(300_000.0), true, None);
        let around = fig(300_000.0, None, None, true, None);
        assert!(nearly.compatible(&around));
        // `almost 10 percent` (just under 10) and `about 11 percent` (a unit of its place
        // either side) touch only at 10, which `almost` excludes.
        let almost_10 = fig(10.0, None, Some(10.0), true, Some("%"));
        let about_11 = fig(11.0, None, None, true, Some("%"));
        assert_eq!((about_11.lo, almost_10.hi), (10.0, 10.0));
        assert!(!almost_10.compatible(&about_11));
        // Two reports of one count by inclusive bounds still meet at it.
        let as_many_as_29 = fig(29.0, None, Some(29.0), false, None);
        assert!(as_many_as_29.compatible(&fig(29.0, Some(29.0), None, false, None)));
        let about = |v: f64| fig(v, None, None, true, Some("$"));
        assert!(!about(19e9).compatible(&about(21e9)));
        let zero = fig(0.0, None, None, false, Some("%"));
        assert!(zero.compatible(&fig(0.0, None, None, false, Some("%"))));
        let as_many_as = fig(20_000.0, None, Some(20_000.0), false, None);
        let closer_to = fig(1_000.0, None, None, true, None);
        assert!(!as_many_as.compatible(&closer_to));
        // Bare counts clash only when they count one thing.
        assert!(compare(
            std::slice::from_ref(&as_many_as),
            std::slice::from_ref(&closer_to)
        )
        .clash
        .is_none());
        let counting = |f: &FigureValue, what: &str| FigureValue {
            counts: Some(what.to_owned()),
            ..f.clone()
        };
        let (many, closer) = (
            counting(&as_many_as, "soldier"),
            counting(&closer_to, "soldier"),
        );
        assert!(compare(std::slice::from_ref(&many), &[closer])
            .clash
            .is_some());
        assert!(compare(&[many], &[counting(&closer_to, "donor")])
            .clash
            .is_none());
        assert!(fig(1.5, None, None, false, Some("km")).compatible(&fig(
            1.5,
            None,
            None,
            false,
            Some("km")
        )));
        assert!(
            !fig(1.5, None, None, false, Some("km")).compatible(&fig(1.5, None, None, false, None))
        );
    }

    #[test]
    fn two_floors_never_clash_but_a_floor_and_a_count_below_it_do() {
        let killed = |f: FigureValue| FigureValue {
            counts: Some("kill".to_owned()),
            ..f
        };
        let at_least_30 = killed(fig(30.0, Some(30.0), None, false, None));
        let at_least_50 = killed(fig(50.0, Some(50.0), None, false, None));
        let m = compare(
            std::slice::from_ref(&at_least_30),
            std::slice::from_ref(&at_least_50),
        );
        assert!(m.clash.is_none(), "both hold of 60 dead");
        assert!(
            m.shared.is_empty() && m.apart,
            "nor do they state one count"
        );
        // A floor against an exact count under it cannot both be right.
        let exact_25 = killed(fig(25.0, None, None, false, None));
        assert!(compare(std::slice::from_ref(&at_least_30), &[exact_25])
            .clash
            .is_some());
        // Nor two ceilings that say about how many (`nearly`).
        let nearly = |v: f64| fig(v, None, Some(v), true, Some("$"));
        assert!(compare(&[nearly(300.0)], &[nearly(100.0)]).clash.is_some());
        // Money floors, too.
        let more_than = |v: f64| fig(v, Some(v), None, false, Some("$"));
        assert!(compare(&[more_than(1e9)], &[more_than(2e9)])
            .clash
            .is_none());
    }

    #[test]
    fn a_number_allows_the_rounding_of_its_last_place() {
        assert_eq!(written_place("$317.6 billion"), Some((317.6, 0.1)));
        assert_eq!(written_place("5,616.21"), Some((5616.21, 0.01)));
        assert_eq!(written_place("300,000"), Some((300_000.0, 100_000.0)));
        assert_eq!(written_place("three"), None);
        let written = |text: &str, value: f64| {
            let f = Figure {
                tokens: 0..1,
                label: Label::Cardinal,
                value,
                unit: None,
                lower: None,
                upper: None,
                approximate: false,
            };
            FigureValue::new(&f, text.to_owned()).unwrap()
        };
        // Two closes of an index written to the cent are two closes.
        assert!(!written("5,616.21", 5616.21).compatible(&written("5,647.65", 5647.65)));
        assert!(!written("51.9", 51.9).compatible(&written("51.2", 51.2)));
        // Nor are two numbers one unit apart in their last place.
        assert!(!written("56", 56.0).compatible(&written("55", 55.0)));
        assert!(!written("4.31", 4.31).compatible(&written("4.30", 4.30)));
        assert!(written("4.3", 4.3).compatible(&written("4.31", 4.31)));
        // A rounded number still answers the precise one.
        assert!(written("5,616", 5616.0).compatible(&written("5,616.21", 5616.21)));
        assert!(written("2.5", 2.5).compatible(&written("2.46", 2.46)));
        // A round number keeps the 2% a bare number allows.
        assert!(written("300,000", 300_000.0).compatible(&written("295,000", 295_000.0)));
    }

    #[test]
    fn compatible_figures_share_a_bucket() {
        let a = fig(32.0, None, None, false, None);
        let b = fig(30.0, Some(30.0), None, false, None);
        assert!(a.buckets().iter().any(|k| b.buckets().contains(k)));
    }
}
