//! Two moves told alike: market and statistics reports word one move the same way on every
//! day (`France's CAC-40 rose 1.5 percent` / `France's CAC-40 fell 1.6 percent`, `the dollar
//! was … down 0.60 percent` / `The dollar rose 0.6 percent`), so the two share their names,
//! their words and often a figure. A claim whose changes all go up and one whose changes all
//! go down report two moves, not one proposition; a claim with moves both ways (`rose …
//! while bonds fell`) is left to the other rules. Direction words: `rise` and `drop` in
//! `told_apart.txt`, read before each figure (`measures::reading`). Likewise two changes
//! that cannot be one beside a level both give (`other_change`).

use super::figures::{self, FigureValue};

/// The one way all of `figures`' changes move, if they have one: `None` when no figure's
/// word says, or when they move both ways.
fn one_way(figures: &[FigureValue]) -> Option<(usize, bool)> {
    let mut ways = figures
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.rising.map(|up| (i, up)));
    let first = ways.next()?;
    ways.all(|(_, up)| up == first.1).then_some(first)
}

/// The first figure of each side when all of `a`'s changes move one way and all of `b`'s
/// the other.
pub fn opposite(a: &[FigureValue], b: &[FigureValue]) -> Option<(usize, usize)> {
    match (one_way(a)?, one_way(b)?) {
        ((i, x), (j, y)) if x != y => Some((i, j)),
        _ => None,
    }
}

/// A change as the word before it tells (`rose 7.42 points`), not a label.
fn change(f: &FigureValue) -> bool {
    f.change == Some(true) && !f.label
}

/// The day's move told apart while the level matches (`was up 7.42 points, or 0.45
/// percent, at 1,653.44` / `was up a mere 0.04 of a point at 1,653`): an index hovers near
/// one level for days, the change is the day's news, so two changes of one unit that
/// cannot be one, and no change matched, are two readings whatever level both give. The
/// first pair of changes apart.
pub fn other_change(a: &[FigureValue], b: &[FigureValue]) -> Option<(usize, usize)> {
    let matched = figures::compare(a, b).shared;
    if matched.iter().any(|&(i, j)| change(&a[i]) || change(&b[j])) {
        return None;
    }
    first_pair_apart(a, b, change)
}

/// A level as the word before it tells (`at 9,331.77`, `to $42.57`): a reading at a
/// moment, not a label or a floor (`at least 30` bounds a count, it reads no quote).
fn level(f: &FigureValue) -> bool {
    f.change == Some(false) && !f.label && !f.floor
}

/// Whether the day's move of `a` (its first change) is one of `b`'s changes.
fn move_shared(a: &[FigureValue], b: &[FigureValue]) -> bool {
    (a.iter().find(|x| change(x))).is_some_and(|x| b.iter().any(|y| change(y) && x.compatible(y)))
}

/// Two quotes of one measure apart while the day's move differs too (`was up 12.81, or
/// 0.1 percent, at 9,331.77, having gained 201 points Monday` / `was down 8.76, or 0.1
/// percent, at 9,310.20, having gained 201 points Monday`; `fell 2.5 percent or $1.11 to
/// $42.57` / `fell $1.17 to $42.51`): a level is where the measure stood at one moment, so
/// two levels of one unit that cannot be one, no level matched, and neither side's first
/// change found on the other side, are two readings, whatever earlier figure both repeat.
/// A level one side rounds (`$50.18` / `$50`) still matches; one move told with two quotes
/// (`at 1.3172, up 0.60 percent` / `rose 0.6 percent to 1.3315`) is left to the other
/// rules: a quote may be taken at another hour of the same move. The first pair of levels
/// apart.
pub fn other_level(a: &[FigureValue], b: &[FigureValue]) -> Option<(usize, usize)> {
    let matched = figures::compare(a, b).shared;
    if matched.iter().any(|&(i, j)| level(&a[i]) || level(&b[j]))
        || move_shared(a, b)
        || move_shared(b, a)
    {
        return None;
    }
    first_pair_apart(a, b, level)
}

/// The first pair of figures of one kind (`kind`: changes, levels), comparable, each
/// compatible with no figure of the other side.
fn first_pair_apart(
    a: &[FigureValue],
    b: &[FigureValue],
    kind: fn(&FigureValue) -> bool,
) -> Option<(usize, usize)> {
    let alone = |x: &FigureValue, other: &[FigureValue]| !other.iter().any(|y| x.compatible(y));
    (a.iter().enumerate())
        .filter(|(_, x)| kind(x) && alone(x, b))
        .find_map(|(i, x)| {
            (b.iter())
                .position(|y| kind(y) && x.comparable(y) && alone(y, a))
                .map(|j| (i, j))
        })
}

#[cfg(test)]
mod tests {
    use super::FigureValue;
    use crate::align::build::text_views;
    use crate::lang::Language;

    type Rule = fn(&[FigureValue], &[FigureValue]) -> Option<(usize, usize)>;

    /// Whether `rule` tells the figures of two sentences apart.
    fn fires(rule: Rule, a: &str, b: &str) -> bool {
        let v = text_views(&[a, b], Language::english());
        rule(&v[0].figures, &v[1].figures).is_some()
    }

    fn opposite(a: &str, b: &str) -> bool {
        fires(super::opposite, a, b)
    }

    #[test]
    fn a_rise_and_a_fall_are_two_moves() {
        assert!(opposite(
            "France's CAC-40 rose 1.5 percent in afternoon trading.",
            "France's CAC-40 fell 1.6 percent in afternoon trading.",
        ));
        assert!(opposite(
            "The dollar was at 1.3172 francs, down 0.60 percent.",
            "The dollar rose 0.6 percent to 1.3315 francs.",
        ));
    }

    fn other_change(a: &str, b: &str) -> bool {
        fires(super::other_change, a, b)
    }

    #[test]
    fn two_changes_apart_beside_one_level_are_two_readings() {
        assert!(other_change(
            "The Nasdaq Composite Index was up 7.42 points, or 0.45 percent, at 1,653.44.",
            "The Nasdaq Composite Index was up 0.04 of a point at 1,653.",
        ));
        // One change matched: one move, whatever else differs.
        assert!(!other_change(
            "The Nasdaq Composite Index was up 7.42 points at 1,653.44.",
            "The Nasdaq Composite Index rose 7.42 points to 1,650.",
        ));
        // Changes of two units (points, percent) do not tell.
        assert!(!other_change(
            "The Nasdaq Composite Index was up 7.42 points at 1,653.44.",
            "The Nasdaq Composite Index was up 0.45 percent at 1,653.",
        ));
    }

    fn other_level(a: &str, b: &str) -> bool {
        fires(super::other_level, a, b)
    }

    #[test]
    fn two_levels_apart_beside_what_both_repeat_are_two_readings() {
        assert!(other_level(
            "Altria shares fell 2.5 percent or $1.11 to $42.57 on Monday.",
            "Altria shares fell $1.17 to $42.51 on Monday.",
        ));
        // The day before's gain, repeated by both, does not make the two quotes one.
        assert!(other_level(
            "The Dow Jones industrial average was up 12.81 at 9,331.77, having gained 201 points Monday.",
            "The Dow Jones industrial average was down 8.76 at 9,310.20, having gained 201 points Monday.",
        ));
        // One level, rounded by one side, is one reading.
        assert!(!other_level(
            "Freddie Mac shares fell $1.50 to $50.18 on Wednesday.",
            "Freddie Mac shares fell $1.50 to $50 on Wednesday.",
        ));
        // One move, quoted at two moments of it: the day's move matches.
        assert!(!other_level(
            "The dollar was at 1.3172 Swiss francs, up 0.60 percent.",
            "The dollar rose 0.6 percent to 1.3315 Swiss francs.",
        ));
        // A floor bounds a count: two floors are no quotes.
        assert!(!other_level(
            "The toll rose to at least 19 on Monday.",
            "The toll rose to at least 16 on Monday.",
        ));
    }

    #[test]
    fn a_word_sizing_the_change_still_leaves_it_a_change() {
        // `a mere`, `a scant`: how big the move is, between the change word and its figure.
        let nasdaq_up = "The Nasdaq Composite Index was up a mere 0.04 of a point at 1,653.";
        assert!(other_change(
            "The Nasdaq Composite Index was up 7.42 points, or 0.45 percent, at 1,653.44.",
            nasdaq_up,
        ));
        assert!(opposite(
            "The Nasdaq Composite Index inched down 1 point, or 0.11 percent, to 1,650.",
            nasdaq_up,
        ));
        // One move sized in other words is still one move.
        let scant = "The Nasdaq Composite Index rose a scant 0.04 of a point to 1,653.";
        assert!(!other_change(nasdaq_up, scant));
        assert!(!opposite(nasdaq_up, scant));
    }

    #[test]
    fn one_way_or_both_ways_is_no_opposite() {
        assert!(!opposite(
            "The Dow fell 86.56 points, or 0.94 percent.",
            "The Dow dropped 86.56 points.",
        ));
        // One side moves both ways: which of its moves the other reports is not told here.
        assert!(!opposite(
            "The CAC-40 rose 0.6 percent and the FTSE 100 slipped 0.02 percent.",
            "The FTSE 100 fell 0.02 percent.",
        ));
        // No direction word before a figure.
        assert!(!opposite(
            "Sales were $3 billion.",
            "Sales fell to $3 billion."
        ));
    }
}
