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

    /// The table of the book's theme (`themes/<theme>/strings.toml` over the built-in
    /// one), for what is made before the theme's templates are (markdown's own labels).
    /// A broken table gives the built-in one here: loading the theme reports it.
    pub fn for_book(book: &crate::book::Book) -> Strings {
        let path = book
            .root
            .join("themes")
            .join(&book.config.build.theme)
            .join("strings.toml");
        let links = crate::source::LinkPolicy::new(&book.root, &book.config);
        Strings::load(&path, &links).unwrap_or_default()
    }

    /// The text for `key`; the key itself for a key the table lacks (a test checks
    /// that every key the code uses is in the table).
    pub fn get<'s>(&'s self, key: &'s str) -> &'s str {
        self.0.get(key).map_or(key, String::as_str)
    }

    /// The text for `key` counted `n` times: `key_one` for one, `key_other` otherwise,
    /// `key` itself when the text does not change with the count (a translation with more plural forms adds its own keys
    /// the same way).
    pub fn count<'s>(&'s self, key: &'s str, n: i128) -> &'s str {
        let form = if n == 1 { "_one" } else { "_other" };
        self.0
            .get(&format!("{key}{form}"))
            .map_or_else(|| self.get(key), String::as_str)
    }

    /// The keys a browser script reads (`ui("key")`, and `uiCount("key")` for the
    /// `_one`/`_other` pair), found in its source so that a page carries the words of
    /// exactly the scripts it loads, a theme's own scripts included.
    pub fn script_keys(source: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for (call, plural) in [("ui(\"", false), ("uiCount(\"", true)] {
            for (at, _) in source.match_indices(call) {
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let rest = &source[at + call.len()..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                    .unwrap_or(rest.len());
                if end == 0 || !rest[end..].starts_with('"') {
                    continue;
                }
                let key = &rest[..end];
                if plural {
                    keys.push(format!("{key}_one"));
                    keys.push(format!("{key}_other"));
                } else {
                    keys.push(key.to_owned());
                }
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }

    /// `keys` and their texts as a JSON object for a page's
    /// `<script type="application/json" id="carebook-strings">`; `</` is written `<\/`
    /// so a text cannot end the script element.
    pub fn json<'k>(&self, keys: impl IntoIterator<Item = &'k str>) -> String {
        let map: IndexMap<&str, &str> = keys.into_iter().map(|k| (k, self.get(k))).collect();
        serde_json::to_string(&map)
            .unwrap_or_default()
            .replace("</", "<\\/")
    }

    /// Sets `key` to `text`: a table made in code (a test's, or a shared agenda case's
    /// few words over the built-in table).
    pub fn set(&mut self, key: &str, text: &str) {
        self.0.insert(key.to_owned(), text.to_owned());
    }

    /// Whether the table has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
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
        // `site.t("key")`, `site.fill("key", ..)`, `strings.get("key")`, `ui.key` in a
        // template, and `t(key="key", ..)` there (with `n=`, the key may be a
        // `_one`/`_other` pair).
        let used = regex::Regex::new(
            r#"(?:\.(?:t|fill|get)\(\s*"|\bui\.|\bt\(key="|\.count\(\s*")([a-z][a-z_0-9]*)"#,
        )
        .unwrap();
        let known =
            |k: &str| s.has(k) || (s.has(&format!("{k}_one")) && s.has(&format!("{k}_other")));
        let mut missing = Vec::new();
        // The browser scripts' `ui("key")` and `uiCount("key", n)`, as their pages'
        // carebook-strings blocks will list them.
        for entry in walkdir::WalkDir::new(root.join("themes/default/static")) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "js") {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                for key in Strings::script_keys(&text) {
                    if !s.has(&key) {
                        missing.push(format!("{}: {key}", entry.path().display()));
                    }
                }
            }
        }
        for dir in ["src", "themes/default/templates"] {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let entry = entry.unwrap();
                if !entry.file_type().is_file() || entry.path().ends_with("strings.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for c in used.captures_iter(&text) {
                    if !known(&c[1]) {
                        missing.push(format!("{}: {}", entry.path().display(), &c[1]));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys not in strings.toml: {missing:?}");
    }

    #[test]
    fn scripts_keys_are_found_and_counts_choose_their_form() {
        let src =
            r#"a.textContent = ui("kc_check"); b = uiCount("card_count", n); x.ui("nope"); ui(k);"#;
        assert_eq!(
            Strings::script_keys(src),
            ["card_count_one", "card_count_other", "kc_check"]
        );
        let s = Strings::default();
        assert_eq!(s.count("card_count", 1), "{n} card");
        assert_eq!(s.count("card_count", 3), "{n} cards");
        assert_eq!(s.count("kc_question", 3), "Question {n}:");
        assert_eq!(
            s.json(["kc_check", "x</script>"]),
            r#"{"kc_check":"Check answers","x<\/script>":"x<\/script>"}"#
        );
    }
}
