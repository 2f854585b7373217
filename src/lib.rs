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
//!    ([`diag`]). [`check`] stops here and lints. [`search`] indexes an analysis.
//! 3. [`pages`] lists every page with its kind and inputs; [`render`] holds the theme,
//!    the interface's words ([`strings`]) and the template contexts outputs share; the
//!    outputs ([`site`], [`cards`], [`print`], [`packs`], [`feed`]) render from the
//!    analysis and the renderer only.
//! 4. [`output`] writes into a staging folder that replaces the old site only on
//!    success; [`build`] drives it, and [`serve`] re-renders the pages an edit changes.

pub mod analysis;
pub mod book;
pub mod build;
pub mod cache;
pub mod cardfit;
pub mod cards;
pub mod check;
pub mod clock;
pub mod commands;
pub mod config;
pub mod course;
pub mod diag;
pub mod facts;
pub mod feed;
pub mod gitinfo;
pub mod include;
pub mod init;
pub mod language;
pub mod locale;
pub mod markdown;
pub mod memo;
pub mod open;
pub mod output;
pub mod packs;
pub mod pages;
pub mod paths;
pub mod print;
pub mod progress;
pub mod quiet;
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
pub mod textfile;
pub mod translations;
pub mod url;

pub use build::{build, BuildOptions, BuildReport};
pub use clock::{now_secs, source_date_epoch};

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
