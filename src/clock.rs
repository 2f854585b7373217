//! The build's one clock: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the
//! system's; calendar dates (`Date`, review periods) and the arithmetic between them.

use crate::Error;

/// The latest time `SOURCE_DATE_EPOCH` may give: the last second of the year 9999.
const MAX_SOURCE_DATE: u64 = 253_402_300_799;

/// `SOURCE_DATE_EPOCH`, the reproducible-builds date printed pages carry instead of
/// today's: `None` when unset; a usage error when it is not a whole number of seconds
/// since 1970 (negative, a fraction, text, or past the year 9999).
pub fn source_date_epoch() -> Result<Option<u64>, Error> {
    let Some(raw) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let value = raw.to_string_lossy();
    let digits = value.trim();
    match digits.parse::<u64>() {
        Ok(secs) if digits.bytes().all(|b| b.is_ascii_digit()) && secs <= MAX_SOURCE_DATE => {
            Ok(Some(secs))
        }
        _ => Err(Error::Usage(format!(
            "the environment variable SOURCE_DATE_EPOCH is `{}`, which is not a date carebook can use\n  help: set it to a whole number of seconds since 1970-01-01 UTC, like 1763856000 (what `date +%s` prints), or unset it to use today's date",
            value.escape_debug()
        ))),
    }
}

/// Seconds since 1970 for "now": `SOURCE_DATE_EPOCH` when it is set and valid (commands
/// that print dates check it first, see `source_date_epoch`), else the system clock.
/// The one clock of the build, so pages, cards and review dates agree.
pub fn now_secs() -> i64 {
    match source_date_epoch() {
        Ok(Some(secs)) => secs as i64,
        _ => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64),
    }
}

/// Today's date (UTC) as YYYY-MM-DD, or the date of `SOURCE_DATE_EPOCH` when set, so
/// builds can be reproduced byte for byte.
pub fn build_date() -> String {
    let secs = now_secs();
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A calendar date, as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i64);

impl Date {
    /// `YYYY-MM-DD`, a real date; anything else is `None`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date(days_from_civil(y, m, d)))
    }

    pub fn from_unix(secs: i64) -> Date {
        Date(secs.div_euclid(86_400))
    }

    pub fn ymd(self) -> (i64, i64, i64) {
        let (y, m, d) = crate::clock::civil_from_days(self.0);
        (y, i64::from(m), i64::from(d))
    }

    /// Midnight UTC, in seconds since 1970.
    pub fn unix(self) -> i64 {
        self.0 * 86_400
    }

    pub fn plus(self, period: Period) -> Date {
        match period {
            Period::Days(n) => Date(self.0 + n),
            Period::Months(n) => {
                let (y, m, d) = self.ymd();
                let total = y * 12 + (m - 1) + n;
                let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
                Date(days_from_civil(y, m, d.min(days_in_month(y, m))))
            }
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A calendar date to days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Today: the date of `SOURCE_DATE_EPOCH` when set, else the system clock's (UTC).
pub fn today() -> Date {
    let secs = now_secs();
    Date::from_unix(secs)
}

/// How often a page must be reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Days(i64),
    Months(i64),
}

impl Period {
    /// "180 days", "1 week", "6 months", "1 year".
    pub fn parse(s: &str) -> Option<Period> {
        let mut words = s.split_whitespace();
        let n: i64 = words.next()?.parse().ok()?;
        let unit = words.next()?.to_ascii_lowercase();
        if words.next().is_some() || !(1..=10_000).contains(&n) {
            return None;
        }
        match unit.trim_end_matches('s') {
            "day" => Some(Period::Days(n)),
            "week" => Some(Period::Days(n * 7)),
            "month" => Some(Period::Months(n)),
            "year" => Some(Period::Months(n * 12)),
            _ => None,
        }
    }
}

pub const PERIOD_HINT: &str =
    "write a number and a unit: \"180 days\", \"26 weeks\", \"6 months\" or \"1 year\"";

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_from_days(0), (1970, 1, 1));
        assert_eq!(super::civil_from_days(20_415), (2025, 11, 23));
        assert_eq!(super::civil_from_days(11_016), (2000, 2, 29));
    }
}
