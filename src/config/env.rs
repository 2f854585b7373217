//! `CAREBOOK_*` environment variables override book.toml settings, the way
//! `MDBOOK_BOOK__TITLE` works for mdBook: useful in CI, e.g. a preview build with another
//! `base-url`, without editing the file.
//!
//! `CAREBOOK_TITLE` sets `title`; `__` separates tables and `_` stands for `-`, so
//! `CAREBOOK_BUILD__BASE_URL` sets `[build] base-url`. A value is read as TOML when it
//! parses (numbers, `true`, `["a", "b"]`), else as a string. Only the top-level keys and
//! names containing `__` are settings: other `CAREBOOK_*` variables are left alone.

use std::path::Path;

use crate::config::Config;
use crate::diag::{Diagnostic, Pos};

const PREFIX: &str = "CAREBOOK_";
/// book.toml's top-level values (the tables are reached with `__`).
const TOP_LEVEL: [&str; 5] = ["title", "description", "language", "authors", "version"];

/// The overrides among `vars`: (variable name, key path, value).
pub fn overrides(
    vars: impl Iterator<Item = (String, String)>,
) -> Vec<(String, Vec<String>, toml::Value)> {
    let mut found: Vec<_> = vars
        .filter_map(|(name, value)| {
            let rest = name.strip_prefix(PREFIX)?;
            let path: Vec<String> = rest
                .split("__")
                .map(|s| s.to_ascii_lowercase().replace('_', "-"))
                .collect();
            let is_setting = path.len() > 1 || TOP_LEVEL.contains(&path[0].as_str());
            (is_setting && path.iter().all(|p| !p.is_empty()))
                .then(|| (name.clone(), path, parse_value(&value)))
        })
        .collect();
    // Environment order is arbitrary: apply in name order so the result is deterministic.
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn parse_value(raw: &str) -> toml::Value {
    format!("v = {raw}")
        .parse::<toml::Table>()
        .ok()
        .and_then(|mut t| t.remove("v"))
        .unwrap_or_else(|| toml::Value::String(raw.to_owned()))
}

/// Applies the process's `CAREBOOK_*` overrides to the book.toml `text` that gave
/// `config`. Without overrides, `config` is returned as it is. A mistake is reported
/// against the variable, since the file itself was fine.
pub fn apply(config: Config, text: &str, path: &Path) -> Result<Config, Diagnostic> {
    apply_vars(config, text, path, std::env::vars())
}

pub fn apply_vars(
    config: Config,
    text: &str,
    path: &Path,
    vars: impl Iterator<Item = (String, String)>,
) -> Result<Config, Diagnostic> {
    let found = overrides(vars);
    if found.is_empty() {
        return Ok(config);
    }
    let names = found
        .iter()
        .map(|(n, ..)| n.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let problem = |message: String| {
        Diagnostic::error(path, Pos::FILE, message).with_hint(format!(
            "check the environment variable{} {names}: `__` separates tables and `_` stands for `-`, as in CAREBOOK_BUILD__BASE_URL",
            if found.len() == 1 { "" } else { "s" }
        ))
    };
    let mut table: toml::Table = text
        .parse()
        .map_err(|e| problem(format!("cannot apply {names}: {e}")))?;
    for (name, keys, value) in &found {
        let (last, tables) = keys.split_last().expect("at least one key");
        let mut at = &mut table;
        for key in tables {
            let entry = at
                .entry(key.clone())
                .or_insert_with(|| toml::Value::Table(Default::default()));
            at = match entry {
                toml::Value::Table(t) => t,
                _ => {
                    return Err(problem(format!(
                        "{name} sets a key inside `{key}`, which is not a table in book.toml"
                    )))
                }
            };
        }
        at.insert(last.clone(), value.clone());
    }
    // Back through TOML text rather than from the value: settings that keep their
    // position in book.toml (`Spanned`) can only be read from text.
    let changed =
        toml::to_string(&table).map_err(|e| problem(format!("cannot apply {names}: {e}")))?;
    // Parsed and validated as book.toml is: an override is held to the same bounds.
    let notes = config.notes;
    let mut config = Config::parse(&changed, path).map_err(|d| {
        let message = d.message.trim_start_matches("invalid book.toml: ");
        problem(format!("invalid setting from {names}: {message}"))
    })?;
    // Located in the file the user wrote, like the checks below.
    config.notes = notes;
    // Later checks locate values in the file the user wrote, not in this rewrite.
    config.file.text = text.into();
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(list: &[(&str, &str)]) -> impl Iterator<Item = (String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
            .into_iter()
    }

    const BOOK: &str = "title = \"Handbook\"\n[search]\nmax-results = 10\n";

    fn load(list: &[(&str, &str)]) -> Result<Config, Diagnostic> {
        let path = Path::new("book.toml");
        let config = Config::parse(BOOK, path).unwrap();
        apply_vars(config, BOOK, path, vars(list))
    }

    #[test]
    fn names_map_to_keys_and_values_parse_as_toml() {
        let found = overrides(vars(&[
            ("CAREBOOK_BUILD__BASE_URL", "https://x.example/"),
            ("CAREBOOK_SEARCH__MAX_RESULTS", "5"),
            ("CAREBOOK_BIN", "/usr/bin/carebook"),
            ("CAREBOOK_TITLE", "My book"),
            ("PATH", "/bin"),
        ]));
        let shown: Vec<(String, String)> = found
            .iter()
            .map(|(_, k, v)| (k.join("."), v.to_string()))
            .collect();
        assert_eq!(
            shown,
            [
                ("build.base-url".into(), "\"https://x.example/\"".into()),
                ("search.max-results".into(), "5".into()),
                ("title".into(), "\"My book\"".into()),
            ]
        );
    }

    #[test]
    fn overrides_replace_and_add_settings() {
        let config = load(&[
            ("CAREBOOK_TITLE", "Preview"),
            ("CAREBOOK_SEARCH__MAX_RESULTS", "25"),
            ("CAREBOOK_BUILD__BASE_URL", "https://preview.example/"),
        ])
        .unwrap();
        assert_eq!(config.title, "Preview");
        assert_eq!(config.search.max_results, 25);
        assert_eq!(
            config.build.base_url.as_deref(),
            Some("https://preview.example/")
        );
    }

    #[test]
    fn a_mistake_names_the_variable() {
        let e = load(&[("CAREBOOK_BUILD__OUTPT", "x")]).unwrap_err();
        assert!(e.message.contains("unknown field `outpt`"), "{}", e.message);
        assert!(
            e.hint
                .as_deref()
                .unwrap_or("")
                .contains("CAREBOOK_BUILD__OUTPT"),
            "{:?}",
            e.hint
        );
        let e = load(&[("CAREBOOK_SEARCH__MAX_RESULTS", "0")]).unwrap_err();
        assert!(
            e.message
                .contains("`max-results` under [search] must be between 1 and 200"),
            "an override is held to book.toml's bounds: {}",
            e.message
        );
        let e = load(&[("CAREBOOK_TITLE__X", "y")]).unwrap_err();
        assert!(e.message.contains("not a table"), "{}", e.message);
    }
}
