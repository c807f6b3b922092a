//! Calendar days and the ways pages print them.
//!
//! A [`Day`] is a count of days since 1970-01-01 in the proleptic Gregorian calendar, converted to and from
//! year, month and day with Howard Hinnant's `days_from_civil` algorithms. That is all the generator needs
//! (dates from 2000 to 2025, differences of a few days, weekdays), so the crate does without a date
//! library and stays small on wasm.

/// A calendar day: days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Day(pub i32);

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Abbreviations as news pages print them ("Sept." is AP style, "Sep" is the Guardian's).
pub(crate) const MONTHS_SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Weekdays from Monday.
pub(crate) const WEEKDAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

impl Day {
    /// The day of a date; `month` and `day` count from 1.
    pub(crate) fn from_ymd(year: i32, month: u32, day: u32) -> Day {
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// Year, month (1 to 12) and day of the month (1 to 31).
    pub(crate) fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    pub(crate) fn plus(self, days: i32) -> Day {
        Day(self.0 + days)
    }

    pub(crate) fn year(self) -> i32 {
        self.ymd().0
    }

    /// The month's full name.
    pub(crate) fn month_name(self) -> &'static str {
        MONTHS[self.ymd().1 as usize - 1]
    }

    pub(crate) fn month_short(self) -> &'static str {
        MONTHS_SHORT[self.ymd().1 as usize - 1]
    }

    /// The weekday's name (1970-01-01 was a Thursday).
    pub(crate) fn weekday(self) -> &'static str {
        WEEKDAYS[(self.0 + 3).rem_euclid(7) as usize]
    }

    /// ISO 8601: `2013-04-20`.
    pub(crate) fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// "April 20" (no year), as running text refers to a recent day.
    pub(crate) fn month_day(self) -> String {
        let (_, _, d) = self.ymd();
        format!("{} {d}", self.month_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_days() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
        assert_eq!(Day::from_ymd(2013, 4, 20).iso(), "2013-04-20");
        assert_eq!(Day::from_ymd(2013, 4, 20).weekday(), "Saturday");
        assert_eq!(Day::from_ymd(2000, 2, 29).plus(1).iso(), "2000-03-01");
        assert_eq!(Day::from_ymd(2024, 12, 31).plus(1).ymd(), (2025, 1, 1));
        for d in (Day::from_ymd(1999, 12, 1).0..Day::from_ymd(2026, 2, 1).0).step_by(7) {
            let (y, m, dd) = Day(d).ymd();
            assert_eq!(Day::from_ymd(y, m, dd), Day(d));
        }
    }
}
