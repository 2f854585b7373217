//! carebook turns a folder of Markdown chapters with YAML front matter into a
//! searchable static handbook site.
//!
//! The pipeline, one module per stage (see docs/architecture.md for the rule of which
//! module may use which):
//!
//! 1. [`config`] reads book.toml; [`source`] walks the chapters and splits their front
//!    matter; [`book`] assembles parts and chapters (each named by a
//!    [`book::ChapterId`]) and validates them.
//! 2. [`analysis`] renders every chapter's Markdown once ([`markdown`]), measures its
//!    desk card ([`cardfit`]), resolves the packs ([`course`]) and collects every problem
//!    ([`diag`]). [`check`] stops here and lints.
//! 3. [`pages`] lists every page with its kind and inputs; [`render`] holds the theme
//!    and the interface's words ([`strings`]); the outputs ([`site`], [`cards`],
//!    [`print`], [`packs`], [`search`], [`feed`]) render from the analysis and the
//!    renderer only.
//! 4. [`output`] writes into a staging folder that replaces the old site only on
//!    success; [`build`] drives it, and [`serve`] re-renders the pages an edit changes.

pub mod analysis;
pub mod book;
pub mod build;
pub mod callouts;
pub mod cardfit;
pub mod cards;
pub mod check;
pub mod config;
pub mod config_env;
pub mod course;
pub mod diag;
pub mod facts;
pub mod feed;
pub mod gitinfo;
pub mod include;
pub mod init;
pub mod markdown;
pub mod open;
pub mod output;
pub mod packs;
pub mod pages;
pub mod paths;
pub mod print;
pub mod progress;
pub mod quiz;
pub mod rawhtml;
pub mod redirects;
pub mod relink;
pub mod render;
pub mod review;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod strings;
pub mod terms;
pub mod url;

pub use build::{build, BuildOptions, BuildReport};

use diag::Diagnostic;

#[derive(Debug)]
pub enum Error {
    /// The command was used wrongly (bad arguments, dangerous output folder).
    Usage(String),
    /// book.toml or the theme is wrong.
    Config(Vec<Diagnostic>),
    /// Chapters have problems; holds every diagnostic of the build, warnings included.
    Content(Vec<Diagnostic>),
    /// The output folder is not carebook's (a usage error), or a file or folder could not
    /// be read or written (an I/O error).
    Output(output::OutputError),
    /// A check found problems it has already shown; the message sums them up.
    Failed(String),
}

impl Error {
    /// The problems a build found, when that is why it failed.
    pub fn diagnostics(&self) -> Option<&[Diagnostic]> {
        match self {
            Error::Config(ds) | Error::Content(ds) => Some(ds),
            _ => None,
        }
    }

    /// Exit codes: 1 for problems in the chapters (and a failed check), 2 for usage and
    /// configuration errors, 3 when a file or folder could not be read or written
    /// (permissions, a full disk, a path that is not a folder), which no edit to the
    /// book fixes.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Content(_) | Error::Failed(_) => 1,
            Error::Output(output::OutputError::Io { .. }) => 3,
            Error::Usage(_) | Error::Config(_) | Error::Output(output::OutputError::NotOurs(_)) => {
                2
            }
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage(m) => write!(f, "error: {m}"),
            Error::Config(ds) | Error::Content(ds) => {
                for d in ds {
                    writeln!(f, "{d}")?;
                }
                let errors = ds.iter().filter(|d| d.is_error()).count();
                let warnings = ds.len() - errors;
                write!(f, "{}", summary_line(errors, warnings))
            }
            Error::Output(e) => write!(f, "error: {e}"),
            Error::Failed(m) => write!(f, "{m}"),
        }
    }
}

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

/// "1 warning", "2 warnings".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "build failed: 2 errors, 1 warning; the site was not changed".
pub fn summary_line(errors: usize, warnings: usize) -> String {
    format!(
        "build failed: {}, {}; the site was not changed",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}
