//! A pack's agenda: each chapter with a running clock, and a short break suggested so
//! that no stretch of teaching runs much past 60-90 minutes.
//!
//! The pack builder in the browser plans the same agenda in `themes/default/static/
//! agenda.js`; both run the cases in `agenda-cases.json`, so the two cannot drift.

use serde::Serialize;

/// Length of a suggested break, in minutes.
pub const BREAK_MINUTES: u32 = 10;
/// A break is suggested once a stretch reaches this long...
const STRETCH_MIN: u32 = 60;
/// ...or before a chapter that would take the stretch past this.
const STRETCH_MAX: u32 = 90;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    /// Position in the pack for chapters (0-based); `None` for a break.
    pub chapter: Option<usize>,
    pub minutes: u32,
    /// Clock times: from the start of the session, like "1:05", or the time of day, like
    /// "10:05", when the class has a start time.
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agenda {
    pub slots: Vec<Slot>,
    /// Chapter time only.
    pub teaching_minutes: u32,
    /// Chapters and breaks.
    pub total_minutes: u32,
    pub total: String,
    pub breaks: usize,
}

/// Plans chapters of the given lengths, in order, on a clock that starts at 0:00.
pub fn plan(minutes: &[u32]) -> Agenda {
    plan_from(minutes, None)
}

/// Plans chapters of the given lengths, in order; with `start` (minutes after midnight)
/// the clock shows the time of day.
pub fn plan_from(minutes: &[u32], start: Option<u32>) -> Agenda {
    let mut slots = Vec::new();
    let (mut clock, mut stretch, mut breaks) = (0, 0, 0);
    for (i, &m) in minutes.iter().enumerate() {
        if stretch > 0 && (stretch >= STRETCH_MIN || stretch + m > STRETCH_MAX) {
            slots.push(slot(None, clock, BREAK_MINUTES, start));
            clock += BREAK_MINUTES;
            stretch = 0;
            breaks += 1;
        }
        slots.push(slot(Some(i), clock, m, start));
        clock += m;
        stretch += m;
    }
    Agenda {
        slots,
        teaching_minutes: minutes.iter().sum(),
        total_minutes: clock,
        total: duration(clock),
        breaks,
    }
}

fn slot(chapter: Option<usize>, at: u32, minutes: u32, start: Option<u32>) -> Slot {
    let show = |m: u32| match start {
        Some(s) => time_of_day(s + m),
        None => clock(m),
    };
    Slot {
        chapter,
        minutes,
        start: show(at),
        end: show(at + minutes),
    }
}

/// "1:05" for 65 minutes.
pub fn clock(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// "13:05" for 785 minutes after midnight; a class running past midnight reads "0:15".
pub fn time_of_day(minutes: u32) -> String {
    clock(minutes % (24 * 60))
}

/// A start time written "9:30" or "09:30" (24-hour), as minutes after midnight.
pub fn parse_start(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let digits = |s: &str, max: u32| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|&n| n <= max)
    };
    Some(digits(h, 23)? * 60 + digits(m, 59).filter(|_| m.len() == 2)?)
}

/// A class date written `YYYY-MM-DD`, as "Thursday 3 December 2026"; `None` when it is
/// not a real date.
pub fn date_label(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
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
    const DAYS: [&str; 7] = [
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
    ];
    let t = text.trim();
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        let s = t.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse::<i64>().ok())
            .flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > days_in[(m - 1) as usize] {
        return None;
    }
    // Days since 1970-01-01 (a Thursday), by the civil-calendar formula.
    let (yy, mm) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * mm + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(format!(
        "{} {d} {} {y}",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[(m - 1) as usize]
    ))
}

/// "2 h 15 min", "45 min".
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_clock_and_totals() {
        let a = plan(&[15, 20, 10]);
        let times: Vec<(&str, &str)> = a
            .slots
            .iter()
            .map(|s| (s.start.as_str(), s.end.as_str()))
            .collect();
        assert_eq!(
            times,
            [("0:00", "0:15"), ("0:15", "0:35"), ("0:35", "0:45")]
        );
        assert_eq!((a.teaching_minutes, a.total_minutes, a.breaks), (45, 45, 0));
        assert_eq!(a.total, "45 min");
    }

    #[test]
    fn breaks_every_sixty_to_ninety_minutes() {
        let a = plan(&[20; 9]);
        let kinds: Vec<bool> = a.slots.iter().map(|s| s.chapter.is_some()).collect();
        // 20+20+20 = 60 → break, three times over; no break after the last chapter.
        assert_eq!(
            kinds,
            [true, true, true, false, true, true, true, false, true, true, true]
        );
        assert_eq!((a.breaks, a.total_minutes), (2, 200));
        assert_eq!(a.total, "3 h 20 min");
    }

    #[test]
    fn a_break_comes_before_a_chapter_that_would_pass_ninety() {
        let a = plan(&[50, 45]);
        assert_eq!(a.slots[1].chapter, None, "50 + 45 > 90");
        assert_eq!(a.slots[2].start, "1:00");
    }

    /// The cases the browser's agenda.js runs too (tests/browser/agenda.test.mjs).
    #[test]
    fn shared_cases() {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("agenda-cases.json")).unwrap();
        for case in cases["plans"].as_array().unwrap() {
            let minutes: Vec<u32> = serde_json::from_value(case["minutes"].clone()).unwrap();
            let start = case["start"].as_str().map(|s| parse_start(s).unwrap());
            let got = serde_json::to_value(plan_from(&minutes, start)).unwrap();
            assert_eq!(got, case["agenda"], "{}", case["name"]);
        }
        for pair in cases["starts"].as_array().unwrap() {
            let want = pair[1].as_u64().map(|n| n as u32);
            assert_eq!(parse_start(pair[0].as_str().unwrap()), want, "{pair}");
        }
        for pair in cases["dates"].as_array().unwrap() {
            let want = pair[1].as_str().map(str::to_owned);
            assert_eq!(date_label(pair[0].as_str().unwrap()), want, "{pair}");
        }
        for pair in cases["ids"].as_array().unwrap() {
            let id = crate::book::slugify(pair[0].as_str().unwrap());
            assert_eq!(id, pair[1].as_str().unwrap(), "{pair}");
        }
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(60), "1 h");
        assert_eq!(duration(135), "2 h 15 min");
        assert_eq!(clock(65), "1:05");
    }
}
