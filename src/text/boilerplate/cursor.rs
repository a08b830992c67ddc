//! Which boilerplate span, if any, a token falls in, for tokens asked about in text order:
//! one forward pass over the sorted spans, so a whole document costs tokens + spans steps.

use super::Boilerplate;

pub struct BoilerplateCursor<'a> {
    spans: &'a [Boilerplate],
    /// The first span that does not end before the last range asked about.
    next: usize,
    /// Start of the last range asked about (only checked in debug builds).
    last_start: u32,
}

impl<'a> BoilerplateCursor<'a> {
    /// `spans` as `detect` returns them: sorted and disjoint.
    pub fn new(spans: &'a [Boilerplate]) -> Self {
        BoilerplateCursor {
            spans,
            next: 0,
            last_start: 0,
        }
    }

    /// The index of the span that `start..end` overlaps. Starts must not decrease from one
    /// call to the next.
    pub fn overlapping(&mut self, start: u32, end: u32) -> Option<usize> {
        self.candidate(start).filter(|&i| self.spans[i].start < end)
    }

    /// Whether `start..end` lies wholly inside one span. Starts must not decrease from one
    /// call to the next.
    pub fn covers(&mut self, start: u32, end: u32) -> bool {
        self.candidate(start)
            .is_some_and(|i| self.spans[i].start <= start && end <= self.spans[i].end)
    }

    /// The first span that ends after `start`: the only one a range from there can be in.
    fn candidate(&mut self, start: u32) -> Option<usize> {
        debug_assert!(start >= self.last_start, "ranges asked out of order");
        self.last_start = start;
        while self.spans.get(self.next).is_some_and(|b| b.end <= start) {
            self.next += 1;
        }
        (self.next < self.spans.len()).then_some(self.next)
    }
}

#[cfg(test)]
mod tests {
    use super::super::BoilerplateKind;
    use super::*;

    fn span(start: u32, end: u32) -> Boilerplate {
        Boilerplate {
            start,
            end,
            kind: BoilerplateKind::Hash,
        }
    }

    #[test]
    fn inside_touching_and_straddling_ranges() {
        let spans = [span(5, 10), span(20, 30)];
        let mut c = BoilerplateCursor::new(&spans);
        assert!(!c.covers(0, 5), "ends where the span starts");
        assert!(c.covers(5, 10), "the whole span");
        assert!(!c.covers(10, 12), "starts where the span ends");
        assert!(!c.covers(18, 22), "straddles the start");
        assert!(c.covers(22, 25));
        assert!(!c.covers(28, 31), "straddles the end");
        assert!(!c.covers(40, 41), "after every span");
    }

    #[test]
    fn overlapping_names_the_span() {
        let spans = [span(5, 10), span(20, 30)];
        let mut c = BoilerplateCursor::new(&spans);
        assert_eq!(c.overlapping(0, 5), None);
        assert_eq!(c.overlapping(3, 6), Some(0));
        assert_eq!(c.overlapping(9, 21), Some(0), "the first of two");
        assert_eq!(c.overlapping(12, 20), None);
        assert_eq!(c.overlapping(29, 35), Some(1));
        assert_eq!(c.overlapping(30, 35), None);
    }

    #[test]
    fn no_spans() {
        let mut c = BoilerplateCursor::new(&[]);
        assert!(!c.covers(0, 3));
        assert_eq!(c.overlapping(0, 3), None);
    }
}
