//! A book.toml written for mdBook: its `[book]` table gives the title, authors,
//! description, language and chapters folder, so a team's mdBook builds as it is. The
//! tables for mdBook's renderers and preprocessors mean nothing to carebook: each gets
//! one warning naming what is left out, never an error.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Config, TomlSpans};
use crate::diag::{Diagnostic, LineIndex};

/// `[book]` as mdBook reads it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BookTable {
    pub title: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    /// The chapters folder, relative to book.toml; mdBook's default is `src`.
    pub src: Option<PathBuf>,
    /// mdBook's own switch for a layout it never finished; nothing to do with
    /// carebook's `[languages]`.
    #[serde(default)]
    pub multilingual: Option<bool>,
    /// carebook takes the direction from the language (Arabic, Hebrew... are right to
    /// left), so this only matters to mdBook.
    #[serde(default)]
    pub text_direction: Option<String>,
}

/// Fills `config` from `[book]` and mdBook's `[build]` keys, and lists what carebook
/// leaves out as warnings in `config.notes`. A value given both the carebook way and
/// the mdBook way is an error: nobody can tell which one was meant.
pub fn apply(config: &mut Config, text: &str, path: &Path) -> Result<(), Diagnostic> {
    let spans = TomlSpans::new(text);
    let top: toml::Table = text.parse().unwrap_or_default();
    let has = |keys: &[&str]| {
        let mut at = &top;
        for (i, k) in keys.iter().enumerate() {
            match at.get(*k) {
                Some(toml::Value::Table(t)) if i + 1 < keys.len() => at = t,
                Some(_) if i + 1 == keys.len() => return true,
                _ => return false,
            }
        }
        false
    };
    let twice = |carebook: &[&str], mdbook: &str| {
        Diagnostic::error(
            path,
            spans.key(&["book", mdbook]),
            format!(
                "`{mdbook}` is set twice: as `{}` and under [book]",
                carebook.join(".")
            ),
        )
        .with_hint(format!(
            "keep one of the two; carebook reads either, mdBook only `{mdbook}` under [book]"
        ))
    };
    if let Some(book) = config.book.clone() {
        if let Some(title) = book.title {
            if has(&["title"]) {
                return Err(twice(&["title"], "title"));
            }
            config.title = title;
        }
        if !book.authors.is_empty() {
            if has(&["authors"]) {
                return Err(twice(&["authors"], "authors"));
            }
            config.authors = book.authors;
        }
        if let Some(description) = book.description {
            if has(&["description"]) {
                return Err(twice(&["description"], "description"));
            }
            config.description = description;
        }
        if let Some(language) = book.language {
            if has(&["language"]) {
                return Err(twice(&["language"], "language"));
            }
            config.language = language;
        }
        config.build.source = match book.src {
            Some(_) if has(&["build", "source"]) => return Err(twice(&["build", "source"], "src")),
            Some(src) => src,
            None if has(&["build", "source"]) => config.build.source.clone(),
            None => PathBuf::from("src"),
        };
    }
    let titled = has(&["title"]) || config.book.as_ref().is_some_and(|b| b.title.is_some());
    if !titled {
        return Err(missing_title(config, text, path));
    }
    if let Some(dir) = config.build.build_dir.clone() {
        if has(&["build", "output"]) {
            return Err(Diagnostic::error(
                path,
                spans.key(&["build", "build-dir"]),
                "the site's folder is set twice: as `output` and as mdBook's `build-dir`",
            )
            .with_hint("keep one of the two under [build]"));
        }
        config.build.output = dir;
    }
    config.notes = ignored(config, text, path);
    Ok(())
}

/// One warning per table or key that only mdBook reads.
fn ignored(config: &Config, text: &str, path: &Path) -> Vec<Diagnostic> {
    let spans = TomlSpans::new(text);
    let mut notes = Vec::new();
    for name in config.output.keys() {
        let why = match name.as_str() {
            "html" => "it holds mdBook's settings for its HTML theme, and carebook makes the site with its own".to_owned(),
            "markdown" => "carebook does not write a Markdown copy of the book".to_owned(),
            "linkcheck" => "carebook checks every link between chapters on each build".to_owned(),
            "pdf" => "carebook's print.html prints the whole handbook".to_owned(),
            _ => format!("carebook does not run mdBook's `{name}` renderer"),
        };
        notes.push(
            Diagnostic::warning(
                path,
                spans.key(&["output", name]),
                format!("[output.{name}] is ignored: {why}"),
            )
            .with_hint("carebook makes the site, print.html and the desk cards itself; remove the table once mdBook no longer builds this book"),
        );
    }
    for name in config.preprocessor.keys() {
        let why = match name.as_str() {
            "links" => "carebook reads `{{#include}}` itself".to_owned(),
            "index" => "carebook publishes a folder's README.md listed in SUMMARY.md as its index.html already".to_owned(),
            _ => format!("carebook does not run mdBook's `{name}` preprocessor, so what it adds to the chapters will be missing"),
        };
        notes.push(
            Diagnostic::warning(
                path,
                spans.key(&["preprocessor", name]),
                format!("[preprocessor.{name}] is ignored: {why}"),
            )
            .with_hint("look over the chapters that rely on it in the built site"),
        );
    }
    if config.rust.is_some() {
        notes.push(Diagnostic::warning(
            path,
            spans.key(&["rust"]),
            "[rust] is ignored: it sets the edition of Rust examples for mdBook's tests and playground",
        ));
    }
    let b = &config.build;
    for (key, set) in [
        ("create-missing", b.create_missing.is_some()),
        (
            "use-default-preprocessors",
            b.use_default_preprocessors.is_some(),
        ),
        ("extra-watch-dirs", b.extra_watch_dirs.is_some()),
    ] {
        if set {
            let why = match key {
                "create-missing" => "carebook never writes into your chapters folder: an entry of SUMMARY.md without its file is reported instead",
                "use-default-preprocessors" => "carebook runs no preprocessors",
                _ => "`carebook serve` watches the book's whole folder",
            };
            notes.push(Diagnostic::warning(
                path,
                spans.key(&["build", key]),
                format!("`{key}` under [build] is ignored: {why}"),
            ));
        }
    }
    notes
}

/// The error for a book.toml without a title, as the TOML reader reports a missing
/// key, with the mdBook way to fix it when the book has a `[book]` table.
fn missing_title(config: &Config, text: &str, path: &Path) -> Diagnostic {
    let d = Diagnostic::error(
        path,
        LineIndex::new(text).span(0..text.len()),
        "invalid book.toml: missing field `title`",
    );
    if config.book.is_some() {
        d.with_hint("add `title = \"...\"` under [book]")
    } else {
        d
    }
}
