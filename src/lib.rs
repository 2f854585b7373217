//! carebook turns a folder of Markdown chapters with YAML front matter into a
//! searchable static handbook site.
//!
//! The pipeline, one module per stage: [`config`] reads book.toml, [`source`] walks and
//! splits the chapter files, [`book`] assembles and validates the model, [`markdown`]
//! renders each chapter once, [`render`] and [`site`] produce the pages, [`search`]
//! builds the search index, and [`output`] writes them to a staging folder that
//! replaces the old site only on success.

pub mod book;
pub mod build;
pub mod callouts;
pub mod cards;
pub mod check;
pub mod config;
pub mod config_env;
pub mod diag;
pub mod facts;
pub mod include;
pub mod init;
pub mod markdown;
pub mod open;
pub mod output;
pub mod packs;
pub mod print;
pub mod progress;
pub mod redirects;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;

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
    Output(output::OutputError),
    /// A check found problems it has already shown; the message sums them up.
    Failed(String),
}

impl Error {
    /// Exit codes: 1 for content errors, 2 for usage and configuration errors.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Content(_) | Error::Failed(_) => 1,
            Error::Output(output::OutputError::Io { .. }) => 1,
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
