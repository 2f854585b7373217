//! A pack's agenda: each chapter with a running clock, and a short break suggested so
//! that no stretch of teaching runs much past 60-90 minutes.
//!
//! The pack builder in the browser plans the same agenda in `themes/default/static/
//! agenda.js`; both run the cases in `agenda-cases.json`, so the two cannot drift.

use serde::Serialize;

use crate::strings::Strings;

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

/// One stretch of the class: a chapter (its position in the pack) or a break (`None`),
/// from `at` minutes after the start for `minutes`.
struct Step {
    chapter: Option<usize>,
    at: u32,
    minutes: u32,
}

/// The class's chapters of the given lengths, in order, with the breaks between them.
fn steps(minutes: &[u32]) -> (Vec<Step>, u32, usize) {
    let mut steps = Vec::new();
    let (mut clock, mut stretch, mut breaks) = (0, 0, 0);
    for (i, &m) in minutes.iter().enumerate() {
        if stretch > 0 && (stretch >= STRETCH_MIN || stretch + m > STRETCH_MAX) {
            steps.push(Step {
                chapter: None,
                at: clock,
                minutes: BREAK_MINUTES,
            });
            clock += BREAK_MINUTES;
            stretch = 0;
            breaks += 1;
        }
        steps.push(Step {
            chapter: Some(i),
            at: clock,
            minutes: m,
        });
        clock += m;
        stretch += m;
    }
    (steps, clock, breaks)
}

/// How long a class of chapters of these lengths takes, breaks included.
pub fn total_minutes(minutes: &[u32]) -> u32 {
    steps(minutes).1
}

/// Plans chapters of the given lengths, in order, on a clock that starts at 0:00;
/// `words` writes the durations.
pub fn plan(minutes: &[u32], words: &Strings) -> Agenda {
    plan_from(minutes, None, words)
}

/// Plans chapters of the given lengths, in order; with `start` (minutes after midnight)
/// the clock shows the time of day, as `words` writes it (24-hour or 12-hour).
pub fn plan_from(minutes: &[u32], start: Option<u32>, words: &Strings) -> Agenda {
    let (steps, total, breaks) = steps(minutes);
    let show = |m: u32| match start {
        Some(s) => words.time_of_day(s + m),
        None => clock(m),
    };
    Agenda {
        slots: steps
            .iter()
            .map(|s| Slot {
                chapter: s.chapter,
                minutes: s.minutes,
                start: show(s.at),
                end: show(s.at + s.minutes),
            })
            .collect(),
        teaching_minutes: minutes.iter().sum(),
        total_minutes: total,
        total: words.duration(total),
        breaks,
    }
}

/// "1:05" for 65 minutes into the class: hours and minutes, not a time of day, so the
/// same in every language.
pub fn clock(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// A start time written "9:30" or "09:30" (24-hour, as a time field gives it), as
/// minutes after midnight.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_clock_and_totals() {
        let a = plan(&[15, 20, 10], &Strings::default());
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
        let a = plan(&[20; 9], &Strings::default());
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
        let a = plan(&[50, 45], &Strings::default());
        assert_eq!(a.slots[1].chapter, None, "50 + 45 > 90");
        assert_eq!(a.slots[2].start, "1:00");
    }

    /// The words a shared case plans with: the built-in table, with the case's own
    /// `strings` (another language's, a 12-hour clock) over it.
    fn case_words(case: &serde_json::Value) -> Strings {
        let mut words = Strings::default();
        if let Some(map) = case["strings"].as_object() {
            for (k, v) in map {
                assert!(words.has(k), "{k} is not in strings.toml");
                words.set(k, v.as_str().unwrap());
            }
        }
        words
    }

    /// The cases the browser's agenda.js runs too (tests/browser/agenda.test.mjs).
    #[test]
    fn shared_cases() {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("agenda-cases.json")).unwrap();
        // agenda.js has no table of its own in node: the cases carry the built-in
        // table's locale words, which must be the table's.
        let english = Strings::default();
        for (k, v) in cases["words"].as_object().unwrap() {
            assert_eq!(english.get(k), v.as_str().unwrap(), "words.{k}");
        }
        for case in cases["plans"].as_array().unwrap() {
            let minutes: Vec<u32> = serde_json::from_value(case["minutes"].clone()).unwrap();
            let start = case["start"].as_str().map(|s| parse_start(s).unwrap());
            let got = serde_json::to_value(plan_from(&minutes, start, &case_words(case))).unwrap();
            assert_eq!(got, case["agenda"], "{}", case["name"]);
        }
        for pair in cases["starts"].as_array().unwrap() {
            let want = pair[1].as_u64().map(|n| n as u32);
            assert_eq!(parse_start(pair[0].as_str().unwrap()), want, "{pair}");
        }
        for case in cases["dates"].as_array().unwrap() {
            let got = case_words(case).date_weekday(case["date"].as_str().unwrap());
            assert_eq!(got.as_deref(), case["label"].as_str(), "{case}");
        }
        for pair in cases["ids"].as_array().unwrap() {
            let id = crate::book::slugify(pair[0].as_str().unwrap());
            assert_eq!(id, pair[1].as_str().unwrap(), "{pair}");
        }
    }

    #[test]
    fn durations_read_naturally() {
        let words = Strings::default();
        assert_eq!(words.duration(60), "1 h");
        assert_eq!(words.duration(135), "2 h 15 min");
        assert_eq!(clock(65), "1:05");
        assert_eq!(total_minutes(&[50, 45]), 105);
    }
}
