//! Dates, times, numbers and durations as the page's language writes them, from the
//! strings table's locale keys (`date_long`, `months`, `clock`, `number_group`, ..).
//! The one place Rust formats them for a page; templates reach these through the
//! `date_label` filter and the `t()` function (which groups the numbers it fills in),
//! and the browser scripts do the same from the same keys (`agenda.js`, `search.js`).

use crate::clock::Date;
use crate::strings::Strings;

impl Strings {
    /// The `n`th name of a "|"-separated list key (`months`, `weekdays`); the empty
    /// text when the list is short.
    fn nth<'s>(&'s self, key: &'s str, n: usize) -> &'s str {
        self.get(key).split('|').nth(n).map_or("", str::trim)
    }

    /// A `YYYY-MM-DD` date as the language writes it (`date_long`): "3 December 2026".
    /// `None` when the text is not a real date.
    pub fn date(&self, iso: &str) -> Option<String> {
        self.date_with(iso, "date_long")
    }

    /// A `YYYY-MM-DD` date with its weekday (`date_weekday`): "Thursday 3 December
    /// 2026", as a class date is shown.
    pub fn date_weekday(&self, iso: &str) -> Option<String> {
        self.date_with(iso, "date_weekday")
    }

    fn date_with(&self, iso: &str, key: &str) -> Option<String> {
        let date = Date::parse(iso)?;
        let (y, m, d) = date.ymd();
        // Day 0 (1970-01-01) was a Thursday; `weekdays` starts on Sunday.
        let weekday = (date.0 + 4).rem_euclid(7) as usize;
        Some(self.fill(
            key,
            &[
                ("day", &d.to_string()),
                ("month", self.nth("months", (m - 1) as usize)),
                ("year", &y.to_string()),
                ("weekday", self.nth("weekdays", weekday)),
            ],
        ))
    }

    /// A time of day, `minutes` after midnight (a class running past midnight wraps):
    /// "13:05" on a 24-hour `clock`, "1:05 pm" on a 12-hour one.
    pub fn time_of_day(&self, minutes: u32) -> String {
        let minutes = minutes % (24 * 60);
        let (h, mm) = (minutes / 60, format!("{:02}", minutes % 60));
        if self.get("clock") == "12h" {
            let ampm = self.get(if h < 12 { "time_am" } else { "time_pm" });
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            self.fill(
                "time_12h",
                &[("h", &h12.to_string()), ("mm", &mm), ("ampm", ampm)],
            )
        } else {
            self.fill("time_24h", &[("h", &h.to_string()), ("mm", &mm)])
        }
    }

    /// A length of time: "2 h 15 min", "1 h", "45 min".
    pub fn duration(&self, minutes: u32) -> String {
        let (h, min) = ((minutes / 60).to_string(), (minutes % 60).to_string());
        match (minutes / 60, minutes % 60) {
            (0, _) => self.fill("duration_minutes", &[("min", &min)]),
            (_, 0) => self.fill("duration_hours", &[("h", &h)]),
            _ => self.fill("duration_hours_minutes", &[("h", &h), ("min", &min)]),
        }
    }

    /// A whole number with its thousands grouped (`number_group`): "12,500".
    pub fn number(&self, n: i128) -> String {
        let digits = n.unsigned_abs().to_string();
        let group = self.get("number_group");
        let mut out = String::with_capacity(digits.len() + 8);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(group);
            }
            out.push(c);
        }
        out
    }

    /// A number with `places` decimals (`number_decimal`, thousands grouped): "1.5".
    pub fn decimal(&self, x: f64, places: usize) -> String {
        let text = format!("{:.*}", places, x.abs());
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        let whole: i128 = whole.parse().unwrap_or(0);
        let sign = if x < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            "-"
        } else {
            ""
        };
        let mut out = format!("{sign}{}", self.number(whole));
        if !frac.is_empty() {
            out.push_str(self.get("number_decimal"));
            out.push_str(frac);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(pairs: &[(&str, &str)]) -> Strings {
        let mut s = Strings::default();
        for (k, v) in pairs {
            s.set(k, v);
        }
        s
    }

    #[test]
    fn english_dates_times_and_numbers() {
        let s = Strings::default();
        assert_eq!(s.date("2026-12-03").as_deref(), Some("3 December 2026"));
        assert_eq!(
            s.date_weekday("2026-12-03").as_deref(),
            Some("Thursday 3 December 2026")
        );
        assert_eq!(s.date("2026-02-30"), None);
        assert_eq!(s.time_of_day(9 * 60 + 5), "9:05");
        assert_eq!(s.time_of_day(24 * 60 + 15), "0:15");
        assert_eq!(s.duration(135), "2 h 15 min");
        assert_eq!(s.duration(60), "1 h");
        assert_eq!(s.duration(0), "0 min");
        assert_eq!(s.number(999), "999");
        assert_eq!(s.number(12_500), "12,500");
        assert_eq!(s.number(-1_234_567), "-1,234,567");
        assert_eq!(s.decimal(1234.56, 1), "1,234.6");
        assert_eq!(s.decimal(-0.01, 1), "0.0");
    }

    #[test]
    fn another_language_and_a_twelve_hour_clock() {
        let s = table(&[
            ("months", "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"),
            ("weekdays", "dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi"),
            ("date_weekday", "{weekday} {day} {month} {year}"),
            ("number_group", "\u{202f}"),
            ("number_decimal", ","),
        ]);
        assert_eq!(s.date("2026-08-01").as_deref(), Some("1 août 2026"));
        assert_eq!(
            s.date_weekday("2026-12-03").as_deref(),
            Some("jeudi 3 décembre 2026")
        );
        assert_eq!(s.decimal(12_500.25, 2), "12\u{202f}500,25");
        let s = table(&[("clock", "12h")]);
        assert_eq!(s.time_of_day(0), "12:00 am");
        assert_eq!(s.time_of_day(9 * 60 + 30), "9:30 am");
        assert_eq!(s.time_of_day(12 * 60 + 5), "12:05 pm");
        assert_eq!(s.time_of_day(23 * 60 + 59), "11:59 pm");
    }
}
