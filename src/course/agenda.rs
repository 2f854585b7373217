//! A pack's agenda: each chapter with a running clock, and a short break suggested so
//! that no stretch of teaching runs much past 60-90 minutes.

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
    /// Clock times from the start of the session, like "1:05".
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

/// Plans chapters of the given lengths, in order.
pub fn plan(minutes: &[u32]) -> Agenda {
    let mut slots = Vec::new();
    let (mut clock, mut stretch, mut breaks) = (0, 0, 0);
    for (i, &m) in minutes.iter().enumerate() {
        if stretch > 0 && (stretch >= STRETCH_MIN || stretch + m > STRETCH_MAX) {
            slots.push(slot(None, clock, BREAK_MINUTES));
            clock += BREAK_MINUTES;
            stretch = 0;
            breaks += 1;
        }
        slots.push(slot(Some(i), clock, m));
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

fn slot(chapter: Option<usize>, start: u32, minutes: u32) -> Slot {
    Slot {
        chapter,
        minutes,
        start: clock(start),
        end: clock(start + minutes),
    }
}

/// "1:05" for 65 minutes.
pub fn clock(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
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

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(60), "1 h");
        assert_eq!(duration(135), "2 h 15 min");
        assert_eq!(clock(65), "1:05");
    }
}
