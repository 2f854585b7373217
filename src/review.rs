//! Keeping the handbook true: who owns each chapter, when it was last reviewed and when
//! the next review is due (front matter `owner`, `reviewed`, `review-every`; a part's
//! `_part.yaml`; book.toml `[review]`), the "Edit this page" link and the feedback line.
//!
//! A chapter's review period is its own `review-every`, else its part's, else
//! `[review] every`, else 180 days when book.toml has a `[review]` table. Without any
//! of these the chapter is not tracked: its owner and review date are still shown, but
//! it is never overdue. "Today" is `SOURCE_DATE_EPOCH` when set, so builds and tests
//! are reproducible.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::book::{slash_path, Book, Chapter, Part};
use crate::config::{Config, TomlSpans};
use crate::diag::{Diagnostic, Pos};

/// The period when `[review]` is present without `every`.
pub const DEFAULT_EVERY: &str = "180 days";

/// `[review]` in book.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReviewConfig {
    /// How often every chapter must be reviewed, e.g. "180 days", "26 weeks", "6 months".
    #[serde(default)]
    pub every: Option<String>,
    /// Write `review.html`, the report for team leads; default true.
    #[serde(default = "yes")]
    pub page: bool,
}

fn yes() -> bool {
    true
}

/// `[feedback]` in book.toml: one of `email` or `url`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FeedbackConfig {
    /// An address for a `mailto:` link, with the page's title and path as the subject.
    #[serde(default)]
    pub email: Option<String>,
    /// A form's address; `{path}` and `{title}` are replaced by the page's.
    #[serde(default)]
    pub url: Option<String>,
}

/// A front-matter value read as text whatever YAML made of it (`2026-11-02`, `180`),
/// so a mistake is explained by carebook rather than by the YAML parser.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date like 2026-11-02 or a period like \"180 days\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// One entry of a chapter's `changes:` list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeNote {
    pub date: Text,
    pub note: String,
    /// This change added the page.
    #[serde(default)]
    pub added: bool,
}

/// A chapter's upkeep fields, as written in its front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Upkeep {
    pub owner: Option<String>,
    pub reviewed: Option<String>,
    pub every: Option<String>,
    pub changes: Vec<ChangeNote>,
}

impl Upkeep {
    pub fn from_front_matter(
        owner: Option<String>,
        reviewed: Option<Text>,
        every: Option<Text>,
        changes: Vec<ChangeNote>,
    ) -> Upkeep {
        Upkeep {
            owner: owner.filter(|o| !o.trim().is_empty()),
            reviewed: reviewed.map(|t| t.0),
            every: every.map(|t| t.0),
            changes,
        }
    }

    /// The newest change note's date, when the chapter has valid ones.
    pub fn updated(&self) -> Option<Date> {
        self.changes
            .iter()
            .filter_map(|c| Date::parse(&c.date.0))
            .max()
    }
}

/// A part's upkeep fields from `_part.yaml` (or its `index.md`).
#[derive(Debug, Clone, Default)]
pub struct PartUpkeep {
    pub owner: Option<String>,
    pub every: Option<Text>,
    /// The part's metadata file; empty when it has none.
    pub file: PathBuf,
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
        let (y, m, d) = crate::render::civil_from_days(self.0);
        (y, i64::from(m), i64::from(d))
    }

    /// Midnight UTC, in seconds since 1970.
    pub fn unix(self) -> i64 {
        self.0 * 86_400
    }

    fn add(self, period: Period) -> Date {
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
    let secs = crate::now_secs();
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

const PERIOD_HINT: &str =
    "write a number and a unit: \"180 days\", \"26 weeks\", \"6 months\" or \"1 year\"";

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
    let part = &book.parts[ch.part].upkeep;
    ch.upkeep
        .every
        .as_deref()
        .or(part.every.as_ref().map(|t| t.0.as_str()))
        .or(book
            .config
            .review
            .as_ref()
            .map(|r| r.every.as_deref().unwrap_or(DEFAULT_EVERY)))
        .and_then(Period::parse)
}

/// The owner of chapter `ch`: its own, else its part's.
pub fn owner<'a>(book: &'a Book, ch: &'a Chapter) -> Option<&'a str> {
    ch.upkeep
        .owner
        .as_deref()
        .or(book.parts[ch.part].upkeep.owner.as_deref())
}

pub fn status<'a>(book: &'a Book, ch: &'a Chapter, today: Date) -> Status<'a> {
    let reviewed = ch.upkeep.reviewed.as_deref().and_then(Date::parse);
    let period = period(book, ch);
    let due = reviewed.zip(period).map(|(r, p)| r.add(p));
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

/// Problems in `[review]`, `[feedback]` and `edit-url`.
pub fn validate_config(c: &Config, text: &str, path: &Path) -> Result<(), Diagnostic> {
    let spans = TomlSpans::new(text);
    if let Some(every) = c.review.as_ref().and_then(|r| r.every.as_deref()) {
        if Period::parse(every).is_none() {
            return Err(Diagnostic::error(
                path,
                spans.value(&["review", "every"]),
                format!("`every` under [review] must be a period, found `{every}`"),
            )
            .with_hint(PERIOD_HINT));
        }
    }
    if let Some(url) = &c.build.edit_url {
        if !url.contains("{path}") {
            return Err(Diagnostic::error(path, spans.value(&["build", "edit-url"]), format!("`edit-url` must contain `{{path}}`, where each chapter's path goes; found `{url}`"))
                .with_hint("for example edit-url = \"https://git.example.com/handbook/edit/main/{path}\""));
        }
    }
    if let Some(f) = &c.feedback {
        let pos = |key| spans.value(&["feedback", key]);
        match (&f.email, &f.url) {
            (Some(_), Some(_)) => return Err(Diagnostic::error(path, pos("url"), "[feedback] takes `email` or `url`, not both")
                .with_hint("keep the one readers should use: a mail address or a form's address")),
            (None, None) => return Err(Diagnostic::error(path, spans.key(&["feedback"]), "[feedback] needs `email` or `url`")
                .with_hint("for example email = \"handbook@example.com\", or remove the [feedback] table to leave the line off")),
            (Some(e), None) if !e.contains('@') || e.contains(char::is_whitespace) => {
                return Err(Diagnostic::error(path, pos("email"), format!("`email` under [feedback] must be a mail address, found `{e}`"))
                    .with_hint("for example email = \"handbook@example.com\""))
            }
            (None, Some(u)) if !(u.starts_with("https://") || u.starts_with("http://")) => {
                return Err(Diagnostic::error(path, pos("url"), format!("`url` under [feedback] must be an absolute http(s) address, found `{u}`"))
                    .with_hint("for example url = \"https://forms.example.com/handbook?page={path}\""))
            }
            _ => {}
        }
    }
    Ok(())
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
        assert_eq!(d("2026-01-31").add(Period::Months(1)), d("2026-02-28"));
        assert_eq!(d("2026-05-15").add(Period::Months(12)), d("2027-05-15"));
        assert_eq!(d("2026-11-02").add(Period::Months(3)), d("2027-02-02"));
        assert_eq!(d("2026-11-02").add(Period::Days(30)), d("2026-12-02"));
    }

    #[test]
    fn encoding_keeps_paths_readable() {
        assert_eq!(encode("guide/a b.md", true), "guide/a%20b.md");
        assert_eq!(encode("Hold & transfer", false), "Hold%20%26%20transfer");
        assert_eq!(encode("é", false), "%C3%A9");
    }
}
