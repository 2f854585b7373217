//! The interface's words in one table: every label, heading and page title carebook
//! puts on a page, read by templates (as `ui.<key>`) and by the Rust side alike. The
//! default table is the default theme's `strings.toml`; a theme's own `strings.toml`
//! changes the keys it sets. This is where translations plug in.

use std::path::Path;

use indexmap::IndexMap;

use crate::config::TomlSpans;
use crate::diag::{suggestion, Diagnostic, Pos};

/// The default theme's table, built in.
const DEFAULT: &str = include_str!("../themes/default/strings.toml");

#[derive(Debug, Clone, serde::Serialize)]
#[serde(transparent)]
pub struct Strings(IndexMap<String, String>);

impl Default for Strings {
    fn default() -> Self {
        // The built-in table is checked by a test; it always parses.
        Strings(toml::from_str(DEFAULT).unwrap_or_default())
    }
}

impl Strings {
    /// The built-in table with a theme's `strings.toml` (at `path`, if it exists)
    /// over it. A key the table does not have is a located error, so a typo in a
    /// theme cannot silently leave the English word in place.
    pub fn load(path: &Path, links: &crate::source::LinkPolicy) -> Result<Strings, Diagnostic> {
        let mut strings = Strings::default();
        if !path.is_file() {
            return Ok(strings);
        }
        links.check(path)?;
        let text = crate::source::read_text(path)?;
        let over: IndexMap<String, String> = toml::from_str(&text).map_err(|e| {
            let pos = e.span().map_or(Pos::new(1, 1), |s| {
                crate::diag::LineIndex::new(&text).pos(s.start)
            });
            Diagnostic::error(path, pos, format!("invalid strings.toml: {}", e.message()))
                .with_hint(
                    "each line is key = \"text\", with a key from the default theme's strings.toml",
                )
        })?;
        for (key, value) in over {
            if !strings.0.contains_key(&key) {
                return Err(Diagnostic::error(
                    path,
                    TomlSpans::new(&text).key(&[&key]),
                    format!("`{key}` is not one of the interface's strings"),
                )
                .with_hint(suggestion(&key, strings.0.keys().map(String::as_str))));
            }
            strings.0.insert(key, value);
        }
        Ok(strings)
    }

    /// The text for `key`; the key itself for a key the table lacks (a test checks
    /// that every key the code uses is in the table).
    pub fn get<'s>(&'s self, key: &'s str) -> &'s str {
        self.0.get(key).map_or(key, String::as_str)
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_table_parses_and_fills() {
        let parsed: Result<IndexMap<String, String>, _> = toml::from_str(DEFAULT);
        assert!(parsed.is_ok(), "{parsed:?}");
        let s = Strings::default();
        assert_eq!(s.get("on_this_page"), "On this page");
        assert_eq!(
            s.fill(
                "cards_heading",
                &[("set", "All chapters"), ("count", "2"), ("cards", "cards")]
            ),
            "Desk cards · All chapters (2 cards)"
        );
    }

    #[test]
    fn every_key_the_code_and_templates_use_is_in_the_table() {
        let s = Strings::default();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        // `site.t("key")`, `site.fill("key", ..)`, `strings.get("key")`, `{{ ui.key }}`.
        let used =
            regex::Regex::new(r#"(?:\.(?:t|fill|get)\(\s*"|\{\{-?\s*ui\.)([a-z_]+)"#).unwrap();
        let mut missing = Vec::new();
        for dir in ["src", "themes/default/templates"] {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let entry = entry.unwrap();
                if !entry.file_type().is_file() || entry.path().ends_with("strings.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for c in used.captures_iter(&text) {
                    if !s.0.contains_key(&c[1]) {
                        missing.push(format!("{}: {}", entry.path().display(), &c[1]));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys not in strings.toml: {missing:?}");
    }
}
