//! `carebook init`: a new book with settings and two example chapters that build.

pub mod from;

use std::path::{Path, PathBuf};

use crate::Error;

const FILES: &[(&str, &str)] = &[
    ("book.toml", include_str!("starter/book.toml")),
    (
        "guide/getting-started/_part.yaml",
        include_str!("starter/guide/getting-started/_part.yaml"),
    ),
    (
        "guide/getting-started/welcome.md",
        include_str!("starter/guide/getting-started/welcome.md"),
    ),
    (
        "guide/getting-started/listening-first.md",
        include_str!("starter/guide/getting-started/listening-first.md"),
    ),
];

/// Creates the starter book in `dir`. Refuses to overwrite an existing book.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    if dir.join(crate::config::CONFIG_FILE).exists() {
        return Err(Error::Usage(format!(
            "`{}` already holds a book (book.toml exists); nothing was changed",
            dir.display()
        )));
    }
    let clash: Vec<String> = FILES
        .iter()
        .map(|(rel, _)| dir.join(rel))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !clash.is_empty() {
        return Err(Error::Usage(format!(
            "these files already exist and would be overwritten: {}; nothing was changed",
            clash.join(", ")
        )));
    }
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        let io = |e: std::io::Error| {
            Error::Output(crate::output::OutputError::Io {
                path: path.clone(),
                error: e,
            })
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, text).map_err(io)?;
        written.push(path);
    }
    Ok(written)
}
