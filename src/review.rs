//! Keeping the handbook true: who owns each chapter, when it was last reviewed and when
//! the next review is due (front matter `owner`, `reviewed`, `review-every`; a part's
//! `_part.yaml`; book.toml `[review]`), the "Edit this page" link and the feedback line.
//!
//! A chapter's review period is its own `review-every`, else its part's, else
//! `[review] every`, else 180 days when book.toml has a `[review]` table. Without any
//! of these the chapter is not tracked: its owner and review date are still shown, but
//! it is never overdue. "Today" is `SOURCE_DATE_EPOCH` when set, so builds and tests
//! are reproducible.

use std::path::Path;

use serde::Serialize;

use crate::book::{slash_path, Book, Chapter, Part};
use crate::diag::{Diagnostic, Pos};

pub use crate::clock::{today, Date, Period, PERIOD_HINT};
pub use crate::config::{FeedbackConfig, ReviewConfig};
pub use crate::source::{ChangeNote, PartUpkeep, Text, Upkeep};

/// The period when `[review]` is present without `every`.
pub const DEFAULT_EVERY: &str = "180 days";

/// Where a chapter stands with its reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Reviewed, and not yet due.
    Current,
    /// The due date has passed.
    Overdue,
    /// Tracked, but has no `reviewed` date.
    Never,
    /// No review period applies.
    Untracked,
}

/// A chapter's review status on a given day.
#[derive(Debug, Clone)]
pub struct Status<'a> {
    pub owner: Option<&'a str>,
    pub reviewed: Option<Date>,
    pub due: Option<Date>,
    pub state: State,
}

/// The review period that applies to chapter `ch`, if any (invalid values count as none;
/// they are reported by `validate_*`).
fn period(book: &Book, ch: &Chapter) -> Option<Period> {
    ch.upkeep
        .every
        .as_deref()
        .or_else(|| sections(book, ch).find_map(|u| u.every.as_ref().map(|t| t.0.as_str())))
        .or(book
            .config
            .review
            .as_ref()
            .map(|r| r.every.as_deref().unwrap_or(DEFAULT_EVERY)))
        .and_then(Period::parse)
}

/// The owner of chapter `ch`: its own, else its section's, else the nearest section's
/// above it that names one.
pub fn owner<'a>(book: &'a Book, ch: &'a Chapter) -> Option<&'a str> {
    ch.upkeep
        .owner
        .as_deref()
        .or_else(|| sections(book, ch).find_map(|u| u.owner.as_deref()))
}

/// The upkeep settings of chapter `ch`'s section and of each section above it, nearest
/// first.
fn sections<'a>(
    book: &'a Book,
    ch: &Chapter,
) -> impl Iterator<Item = &'a crate::source::PartUpkeep> + 'a {
    std::iter::successors(Some(ch.part), |&p| book.parts[p].parent).map(|p| &book.parts[p].upkeep)
}

pub fn status<'a>(book: &'a Book, ch: &'a Chapter, today: Date) -> Status<'a> {
    let reviewed = ch.upkeep.reviewed.as_deref().and_then(Date::parse);
    let period = period(book, ch);
    let due = reviewed.zip(period).map(|(r, p)| r.plus(p));
    let state = match (period, due) {
        (None, _) => State::Untracked,
        (Some(_), None) => State::Never,
        (Some(_), Some(d)) if d < today => State::Overdue,
        _ => State::Current,
    };
    Status {
        owner: owner(book, ch),
        reviewed,
        due,
        state,
    }
}

/// Problems in every part's and chapter's review settings.
pub fn validate(book: &Book) -> Vec<Diagnostic> {
    let parts = book.parts.iter().flat_map(validate_part);
    parts
        .chain(book.chapters.iter().flat_map(validate_chapter))
        .collect()
}

/// Problems in a chapter's `reviewed`, `review-every` and `changes`.
pub fn validate_chapter(ch: &Chapter) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if let Some(r) = &ch.upkeep.reviewed {
        if Date::parse(r).is_none() {
            diags.push(bad_date(&ch.path, ch.locate("reviewed", r), "reviewed", r));
        }
    }
    if let Some(e) = &ch.upkeep.every {
        if Period::parse(e).is_none() {
            diags.push(
                Diagnostic::error(
                    &ch.path,
                    ch.locate("review-every", e),
                    format!("`review-every` must be a period, found `{e}`"),
                )
                .with_hint(PERIOD_HINT),
            );
        }
    }
    for c in &ch.upkeep.changes {
        if Date::parse(&c.date.0).is_none() {
            diags.push(bad_date(
                &ch.path,
                ch.locate("changes", &c.date.0),
                "date",
                &c.date.0,
            ));
        }
        if c.note.trim().is_empty() {
            diags.push(
                Diagnostic::error(
                    &ch.path,
                    ch.locate("changes", &c.date.0),
                    "this change has an empty `note`",
                )
                .with_hint(
                    "say in one line what changed, e.g. note: \"Refund window is now 30 days\"",
                ),
            );
        }
    }
    diags
}

fn bad_date(path: &Path, pos: Pos, key: &str, value: &str) -> Diagnostic {
    Diagnostic::error(
        path,
        pos,
        format!("`{key}` must be a date written YYYY-MM-DD, found `{value}`"),
    )
    .with_hint(format!("for example {key}: {}", today()))
}

/// Problems in a part's `review-every`.
pub fn validate_part(p: &Part) -> Vec<Diagnostic> {
    let Some(every) = &p.upkeep.every else {
        return Vec::new();
    };
    if Period::parse(&every.0).is_some() {
        return Vec::new();
    }
    let text = crate::source::read_text(&p.upkeep.file).unwrap_or_default();
    let pos = crate::source::locate_in_yaml(&text, 1, "review-every", &every.0);
    vec![Diagnostic::error(
        &p.upkeep.file,
        pos,
        format!("`review-every` must be a period, found `{}`", every.0),
    )
    .with_hint(PERIOD_HINT)]
}

pub fn opt(d: Option<Date>) -> String {
    d.map_or_else(String::new, |d| d.to_string())
}

/// One row of the review report.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub title: String,
    /// The chapter's file, as shown in diagnostics.
    pub path: String,
    /// The chapter's page, from the site root.
    pub href: String,
    pub owner: Option<String>,
    pub reviewed: Option<String>,
    pub due: Option<String>,
    pub state: State,
}

/// The rows of one owner.
#[derive(Debug, Clone, Serialize)]
pub struct OwnerGroup {
    /// `None` for chapters nobody owns.
    pub owner: Option<String>,
    pub overdue: usize,
    pub never: usize,
    pub rows: Vec<Row>,
}

/// The review report: every tracked chapter by owner, soonest due first (never-reviewed
/// chapters first of all).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub today: String,
    pub overdue: usize,
    pub never: usize,
    pub current: usize,
    pub owners: Vec<OwnerGroup>,
}

pub fn report(book: &Book, today: Date) -> Report {
    let mut rows: Vec<(Option<Date>, usize, Row)> = Vec::new();
    for (i, ch) in book.chapters.iter().enumerate() {
        let s = status(book, ch, today);
        if s.state == State::Untracked {
            continue;
        }
        rows.push((
            s.due,
            i,
            Row {
                title: ch.title.clone(),
                path: crate::diag::display_path(&ch.path),
                href: ch.out_path.clone(),
                owner: s.owner.map(str::to_owned),
                reviewed: s.reviewed.map(|d| d.to_string()),
                due: s.due.map(|d| d.to_string()),
                state: s.state,
            },
        ));
    }
    // Nobody's pages last; within an owner, never reviewed, then by due date.
    rows.sort_by(|a, b| {
        (a.2.owner.is_none(), &a.2.owner, a.0, a.1).cmp(&(
            b.2.owner.is_none(),
            &b.2.owner,
            b.0,
            b.1,
        ))
    });
    let count = |s: State| rows.iter().filter(|r| r.2.state == s).count();
    let (overdue, never, current) = (
        count(State::Overdue),
        count(State::Never),
        count(State::Current),
    );
    let mut owners: Vec<OwnerGroup> = Vec::new();
    for (_, _, row) in rows {
        if owners.last().is_none_or(|g| g.owner != row.owner) {
            owners.push(OwnerGroup {
                owner: row.owner.clone(),
                overdue: 0,
                never: 0,
                rows: Vec::new(),
            });
        }
        let g = owners.last_mut().expect("just pushed");
        g.overdue += usize::from(row.state == State::Overdue);
        g.never += usize::from(row.state == State::Never);
        g.rows.push(row);
    }
    Report {
        today: today.to_string(),
        overdue,
        never,
        current,
        owners,
    }
}

impl Report {
    /// For the terminal: one block per owner, one line per page.
    pub fn text(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        if self.owners.is_empty() {
            s.push_str("No pages are tracked for review. Add a [review] table to book.toml (e.g. every = \"180 days\") and `reviewed:` dates to the chapters.\n");
            return s;
        }
        for g in &self.owners {
            let _ = writeln!(s, "{}", g.owner.as_deref().unwrap_or("(no owner)"));
            for r in &g.rows {
                let what = match r.state {
                    State::Overdue => format!("OVERDUE since {}", r.due.as_deref().unwrap_or("")),
                    State::Never => String::new(),
                    _ => format!("due {}", r.due.as_deref().unwrap_or("")),
                };
                let reviewed = r
                    .reviewed
                    .as_deref()
                    .map_or("never reviewed".to_owned(), |d| format!("reviewed {d}"));
                let what = if r.state == State::Never {
                    "due now".to_owned()
                } else {
                    what
                };
                let _ = writeln!(s, "  {what:<25} {reviewed:<20} {}  ({})", r.title, r.path);
            }
        }
        let _ = writeln!(
            s,
            "\n{} overdue, {} never reviewed, {} up to date (today is {})",
            self.overdue, self.never, self.current, self.today
        );
        s
    }

    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// What a chapter page shows about its upkeep; dates as YYYY-MM-DD.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PageUpkeep {
    pub owner: Option<String>,
    pub reviewed: Option<String>,
    pub due: Option<String>,
    pub overdue: bool,
    pub never: bool,
    /// The last commit that changed the file.
    pub last_changed: Option<String>,
    /// The newest change note's date.
    pub updated: Option<String>,
    pub edit_href: Option<String>,
    /// A form's address with the page filled in, for `[feedback] url`.
    pub feedback_href: Option<String>,
    /// For `[feedback] email`: the address, and the page's title and path
    /// percent-encoded, which the template puts in the mail's subject.
    pub feedback_email: Option<String>,
    pub title_encoded: String,
    pub path_encoded: String,
}

/// The chapter's path from the book root, e.g. `guide/stress/de-escalation.md`.
pub fn book_path(book: &Book, ch: &Chapter) -> String {
    slash_path(&book.config.build.source.join(&ch.source))
}

pub fn page_upkeep(book: &Book, i: usize) -> PageUpkeep {
    let ch = &book.chapters[i];
    let s = status(book, ch, today());
    let path = book_path(book, ch);
    let c = &book.config;
    let fill = |template: &str| {
        template
            .replace("{path}", &encode(&path, true))
            .replace("{title}", &encode(&ch.title, false))
    };
    PageUpkeep {
        owner: s.owner.map(str::to_owned),
        reviewed: s.reviewed.map(|d| d.to_string()),
        due: s.due.map(|d| d.to_string()),
        overdue: s.state == State::Overdue,
        never: s.state == State::Never,
        last_changed: book
            .history
            .last_changed(&ch.source)
            .map(|t| Date::from_unix(t).to_string()),
        updated: ch.upkeep.updated().map(|d| d.to_string()),
        edit_href: c.build.edit_url.as_deref().map(fill),
        feedback_href: c.feedback.as_ref().and_then(|f| f.url.as_deref()).map(fill),
        feedback_email: c.feedback.as_ref().and_then(|f| f.email.clone()),
        title_encoded: encode(&ch.title, false),
        path_encoded: encode(&path, false),
    }
}

/// Percent-encodes everything but unreserved characters (and `/` when `keep_slash`).
pub fn encode(s: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (keep_slash && b == b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_round_trip_and_reject_impossible_days() {
        for s in ["1970-01-01", "2026-11-02", "2024-02-29", "2000-12-31"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("1970-01-02").0, 1);
        for bad in [
            "2026-13-01",
            "2025-02-29",
            "2026-1-2",
            "02/11/2026",
            "2026-11-02x",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn periods_in_days_weeks_months_years() {
        assert_eq!(Period::parse("180 days"), Some(Period::Days(180)));
        assert_eq!(Period::parse("1 week"), Some(Period::Days(7)));
        assert_eq!(Period::parse("6 Months"), Some(Period::Months(6)));
        assert_eq!(Period::parse("1 year"), Some(Period::Months(12)));
        for bad in [
            "180",
            "days",
            "six months",
            "0 days",
            "3 fortnights",
            "1 day extra",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_keep_the_day_or_clamp_it() {
        assert_eq!(d("2026-01-31").plus(Period::Months(1)), d("2026-02-28"));
        assert_eq!(d("2026-05-15").plus(Period::Months(12)), d("2027-05-15"));
        assert_eq!(d("2026-11-02").plus(Period::Months(3)), d("2027-02-02"));
        assert_eq!(d("2026-11-02").plus(Period::Days(30)), d("2026-12-02"));
    }

    #[test]
    fn encoding_keeps_paths_readable() {
        assert_eq!(encode("guide/a b.md", true), "guide/a%20b.md");
        assert_eq!(encode("Hold & transfer", false), "Hold%20%26%20transfer");
        assert_eq!(encode("é", false), "%C3%A9");
    }
}
