//! A proleptic Gregorian calendar date, small enough to copy, with the day arithmetic that
//! metadata parsing and relative-date resolution need.

use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (proleptic Gregorian; may be negative).
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's last day.
    pub day: u8,
}

impl Date {
    /// A date, if the day exists in that month.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`: ASCII digits only (no signs), years 0001 to 9999, the range
    /// an ISO date string and Python's `datetime.date` share.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if !(digits(0..4) && digits(5..7) && digits(8..10)) {
            return None;
        }
        let year = s[0..4].parse().ok().filter(|&y| y >= 1)?;
        let month = s[5..7].parse().ok()?;
        let day = s[8..10].parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil algorithm.
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (before it if negative).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later (earlier if negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        (self.to_days() + 3).rem_euclid(7) as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` has a February 29.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// How many days month `month` (1 to 12) of `year` has.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip_and_validation() {
        let d = Date::parse_iso("2022-11-08").unwrap();
        assert_eq!(d.to_string(), "2022-11-08");
        assert!(Date::parse_iso("2022-02-29").is_none());
        assert!(Date::parse_iso("2024-02-29").is_some());
        assert!(Date::parse_iso("2022-13-01").is_none());
        assert!(Date::parse_iso("22-11-08").is_none());
    }

    #[test]
    fn iso_rejects_signs_and_year_zero() {
        // Each of these parsed before, and Python's datetime.date then refused the result.
        for s in [
            "-202-11-08",
            "2022-+1-08",
            "2022-11-+8",
            "+022-11-08",
            "0000-01-01",
            "2022-1a-08",
        ] {
            assert!(Date::parse_iso(s).is_none(), "{s}");
        }
        assert!(Date::parse_iso("0001-01-01").is_some());
        assert!(Date::parse_iso("9999-12-31").is_some());
    }

    #[test]
    fn day_arithmetic() {
        let d = Date::parse_iso("2022-11-08").unwrap();
        assert_eq!(d.weekday(), 1, "8 Nov 2022 was a Tuesday");
        assert_eq!(d.add_days(-1).to_string(), "2022-11-07");
        assert_eq!(d.add_days(60).to_string(), "2023-01-07");
        assert_eq!(Date::parse_iso("1970-01-01").unwrap().to_days(), 0);
        for n in [-800_000i64, -1, 0, 1, 19_000, 800_000] {
            assert_eq!(Date::from_days(n).to_days(), n);
        }
    }
}
