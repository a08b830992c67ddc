//! How far a figure's wording lets it reach, read from how precisely it is written. A writer
//! gives a count at some place (`8,300`: hundreds; `1.1480`: ten-thousandths) and picks the
//! nearest number at that place that the wording makes true. So `more than 8,300` is a
//! count between 8,300 and 8,400 (past 8,400 they would write `more than 8,400`), `around
//! $1.1480` is within a unit of its last place, and `almost 10 percent` is about 10, from
//! below. Two floors at different numbers (`more than 8,300` / `more than 8,400`) are two
//! counts, unless one is the other rounded (`more than 8,000`).

use super::figures::written_place;

/// How far past a one-sided bound a figure may lie at most, whatever its place: `at least
/// 30` is not 498, nor `over 100` 160.
const OPEN_BOUND_REACH: f64 = 0.5;

/// The value of one unit of the last place `text` writes its number to, on `value`'s scale
/// (`$1.5 billion`: 0.1 billion; `8,300`: 100); None when no number is written in digits.
pub(super) fn step(text: &str, value: f64) -> Option<f64> {
    let (number, place) = written_place(text)?;
    (number > 0.0).then(|| place * value / number)
}

/// How far above a floor (`more than 140`, `at least 30`) the count may lie: up to the next
/// number at the floor's place, and never more than half the floor again.
pub(super) fn above_floor(floor: f64, step: Option<f64>) -> f64 {
    let most = floor.abs() * OPEN_BOUND_REACH;
    step.map_or(most, |s| s.min(most))
}

/// How far below a ceiling the count may lie. `nearly` / `almost X` is about X from below,
/// with the slack `about` allows; `up to` / `less than X` may lie well below, down to X
/// over one and a half.
pub(super) fn below_ceiling(ceiling: f64, approximate: bool, about: f64) -> f64 {
    if approximate {
        ceiling.abs() * about
    } else {
        ceiling.abs() * (1.0 - 1.0 / (1.0 + OPEN_BOUND_REACH))
    }
}

/// How far an approximate number (`around $1.1480`, `about 800`) reaches: one unit of its
/// last place, since a writer rounding coarser would have written fewer places; never more
/// than the slack `about` gives a round number (`most`). A number of up to three
/// significant digits (`about $15.8 billion`) reaches at least a bare number's rounding
/// (`least`, a share of the value); one of four or more (`around 1.5292`, a quote read off
/// a screen) says where the measure stood to its last place, the hedge on its last digit
/// only: at most half a unit of the place above (`around $1.5240` is `$1.5243`), as a share
/// of its value would reach dozens of such units, the day's other quotes.
pub(super) fn about(value: f64, step: Option<f64>, least: f64, most: f64) -> f64 {
    let (least, most) = (value.abs() * least, value.abs() * most);
    let read_off = |s: f64| value.abs() >= PRECISE_DIGITS * s;
    step.map_or(most, |s| {
        let least = if read_off(s) {
            least.min(5.0 * s)
        } else {
            least
        };
        s.max(least).min(most)
    })
}

/// Value over the unit of its last place from which a number has four significant digits.
const PRECISE_DIGITS: f64 = 1000.0;

/// Two floors state one count only when their numbers do: equal, or the coarser one the
/// finer cut down to its place, as a floor is rounded (`more than 5,200` / `more than
/// 5,270`; not `more than 8,300` / `more than 8,400`, two counts at one place).
pub(super) fn same_floor(a: (f64, Option<f64>), b: (f64, Option<f64>)) -> bool {
    let same = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(1.0);
    let (coarse, fine) = match (a.1, b.1) {
        (Some(x), Some(y)) if x > y => (a, b),
        (Some(x), Some(y)) if y > x => (b, a),
        _ => return same(a.0, b.0),
    };
    let step = coarse.1.unwrap_or_default();
    coarse.0 <= fine.0 && fine.0 < coarse.0 + step
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_floor_reaches_the_next_number_at_its_place() {
        assert_eq!(step("more than 8,300", 8300.0), Some(100.0));
        assert_eq!(above_floor(8300.0, step("more than 8,300", 8300.0)), 100.0);
        assert_eq!(above_floor(140.0, step("more than 140", 140.0)), 10.0);
        // A one-digit floor keeps at most half again.
        assert_eq!(above_floor(1.0, step("more than 1 percent", 1.0)), 0.5);
        assert_eq!(above_floor(30.0, None), 15.0);
        let billion = step("more than $1.5 billion", 1.5e9).unwrap();
        assert!((billion - 1e8).abs() < 1.0);
    }

    #[test]
    fn floors_at_other_numbers_are_other_counts() {
        let floor = |text: &str, v: f64| (v, step(text, v));
        assert!(!same_floor(
            floor("more than 8,300", 8300.0),
            floor("more than 8,400", 8400.0)
        ));
        assert!(!same_floor(
            floor("more than 5,200", 5200.0),
            floor("more than 5,300", 5300.0)
        ));
        assert!(same_floor(
            floor("more than 8,000", 8000.0),
            floor("more than 8,300", 8300.0)
        ));
        // MSRP train 426940 / 426546 (label 1): a floor cut down to the hundreds.
        assert!(same_floor(
            floor("more than 5,200", 5200.0),
            floor("more than 5,270", 5270.0)
        ));
        assert!(!same_floor(
            floor("more than 5,200", 5200.0),
            floor("more than 5,310", 5310.0)
        ));
        assert!(!same_floor(
            floor("at least 23", 23.0),
            floor("at least 26", 26.0)
        ));
        assert!(same_floor(
            floor("at least 30", 30.0),
            floor("at least 30", 30.0)
        ));
        assert!(same_floor((30.0, None), (30.0, None)));
        assert!(!same_floor((30.0, None), (31.0, None)));
    }

    #[test]
    fn an_approximate_number_written_precisely_stays_near_it() {
        // A rate written to four places: half a unit of the place above, not 2% of it.
        let precise = about(1.148, step("around $1.1480", 1.148), 0.02, 0.12);
        assert!((precise - 0.0005).abs() < 1e-12);
        // Nor does a quote near the day's high reach the day's other quotes.
        let high = about(1.5292, step("around 1.5292", 1.5292), 0.02, 0.12);
        assert!(
            1.5292 - high > 1.5281,
            "the euro at 1.5281 is no `around 1.5292`"
        );
        // Three digits keep a bare number's rounding.
        let billions = about(15.8, step("about $15.8 billion", 15.8), 0.02, 0.12);
        assert!((billions - 0.316).abs() < 1e-9);
        assert!(
            1.148 + precise < 1.1860,
            "MSRP train 173817 / 2677297: two readings"
        );
        // One unit of the place between the two.
        assert_eq!(about(11.0, step("about 11 percent", 11.0), 0.02, 0.12), 1.0);
        // A round number keeps the slack `about` gives.
        assert_eq!(about(800.0, step("about 800", 800.0), 0.02, 0.12), 96.0);
    }
}
