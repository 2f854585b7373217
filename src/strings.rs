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

/// The built-in translations of the table, by language (see `strings.<code>.toml`
/// beside the default theme's `strings.toml`). A key a translation lacks keeps its
/// English text.
const BUILT_IN: &[(&str, &str)] = &[
    ("ar", include_str!("../themes/default/strings.ar.toml")),
    ("de", include_str!("../themes/default/strings.de.toml")),
    ("es", include_str!("../themes/default/strings.es.toml")),
    ("fr", include_str!("../themes/default/strings.fr.toml")),
    ("hi", include_str!("../themes/default/strings.hi.toml")),
    ("it", include_str!("../themes/default/strings.it.toml")),
    ("ja", include_str!("../themes/default/strings.ja.toml")),
    ("nl", include_str!("../themes/default/strings.nl.toml")),
    ("pt", include_str!("../themes/default/strings.pt.toml")),
    ("zh", include_str!("../themes/default/strings.zh.toml")),
];

#[derive(Debug, Clone, serde::Serialize)]
#[serde(transparent)]
pub struct Strings {
    words: IndexMap<String, String>,
    #[serde(skip)]
    plural: Plural,
}

impl Default for Strings {
    fn default() -> Self {
        // The built-in table is checked by a test; it always parses.
        Strings {
            words: toml::from_str(DEFAULT).unwrap_or_default(),
            plural: Plural::default(),
        }
    }
}

/// How a language chooses between a counted text's forms (CLDR's plural rules for
/// cardinal numbers, for the languages carebook translates and their neighbours):
/// `key_one`, `key_other`, and in some languages `key_zero`, `key_two`, `key_few`,
/// `key_many`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Plural {
    /// English, Spanish, German…: one for 1, other otherwise.
    #[default]
    OneOther,
    /// French, Portuguese, Hindi: one for 0 and 1.
    ZeroAndOne,
    /// Japanese, Chinese, Korean…: one form for every number.
    Other,
    /// Arabic: zero, one, two, few (3-10), many (11-99), other.
    Arabic,
    /// Russian, Ukrainian, Serbian, Croatian…: one (21, 31…), few (2-4, 22-24…), many.
    EastSlavic,
    /// Polish: one for 1 only, few (2-4, 22-24…), many.
    Polish,
}

impl Plural {
    pub fn of(language: &str) -> Plural {
        match crate::language::codes::base(language).as_str() {
            "fr" | "pt" | "hi" | "bn" | "fa" => Plural::ZeroAndOne,
            "ja" | "zh" | "ko" | "vi" | "th" | "id" | "ms" => Plural::Other,
            "ar" => Plural::Arabic,
            "ru" | "uk" | "be" | "sr" | "hr" | "bs" => Plural::EastSlavic,
            "pl" => Plural::Polish,
            _ => Plural::OneOther,
        }
    }

    /// The rule's name, for the browser scripts' `uiCount` (the same rules in
    /// search.js's `pluralCategory`).
    pub fn name(self) -> &'static str {
        match self {
            Plural::OneOther => "one-other",
            Plural::ZeroAndOne => "zero-and-one",
            Plural::Other => "other",
            Plural::Arabic => "arabic",
            Plural::EastSlavic => "east-slavic",
            Plural::Polish => "polish",
        }
    }

    /// The form for `n`: "zero", "one", "two", "few", "many" or "other".
    pub fn category(self, n: i128) -> &'static str {
        let n = n.unsigned_abs();
        let (n10, n100) = (n % 10, n % 100);
        match self {
            Plural::OneOther if n == 1 => "one",
            Plural::ZeroAndOne if n <= 1 => "one",
            Plural::Arabic => match n {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ if (3..=10).contains(&n100) => "few",
                _ if (11..=99).contains(&n100) => "many",
                _ => "other",
            },
            Plural::EastSlavic | Plural::Polish => {
                if n10 == 1 && n100 != 11 {
                    if self == Plural::Polish && n != 1 {
                        "many"
                    } else {
                        "one"
                    }
                } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
                    "few"
                } else {
                    "many"
                }
            }
            _ => "other",
        }
    }
}

/// The forms a counted text may have besides `_one` and `_other`.
const EXTRA_FORMS: [&str; 4] = ["zero", "two", "few", "many"];

impl Strings {
    /// The table for the site in `language` of the book at `book_root`: the built-in
    /// English table, then carebook's built-in translation for the language (when it
    /// has one), the theme's own files (`strings.toml` for the book's own language,
    /// `is_default`, then `strings.<code>.toml`), and last book.toml's
    /// `[languages.<code>.strings]`.
    pub fn for_language(
        book_root: &Path,
        config: &crate::config::Config,
        language: &str,
        is_default: bool,
        links: &crate::source::LinkPolicy,
    ) -> Result<Strings, Diagnostic> {
        let theme_dir = book_root.join("themes").join(&config.build.theme);
        let mut strings = Strings {
            plural: Plural::of(language),
            ..Strings::default()
        };
        let base = crate::language::codes::base(language);
        if let Some((_, table)) = BUILT_IN.iter().find(|(code, _)| *code == base) {
            // Checked by a test against the English table: always parses, same keys.
            let words: IndexMap<String, String> = toml::from_str(table).unwrap_or_default();
            strings.words.extend(words);
        }
        if is_default {
            strings.apply_file(&theme_dir.join("strings.toml"), links)?;
        }
        for code in [base.as_str(), language] {
            strings.apply_file(&theme_dir.join(format!("strings.{code}.toml")), links)?;
            if code == language {
                break;
            }
        }
        let overrides = config.language_config(language);
        if let Some((code, l)) = overrides.filter(|(_, l)| !l.strings.is_empty()) {
            for (key, value) in &l.strings {
                if !strings.accepts(key) {
                    return Err(Diagnostic::error(
                        &config.file.path,
                        config
                            .file
                            .spans()
                            .key(&["languages", code, "strings", key]),
                        format!("`{key}` is not one of the interface's strings"),
                    )
                    .with_hint(suggestion(key, strings.words.keys().map(String::as_str))));
                }
                strings.words.insert(key.clone(), value.clone());
            }
        }
        Ok(strings)
    }

    /// Whether a theme or book.toml may set `key`: a key of the table, or another
    /// plural form (`_few`…) of a counted text.
    fn accepts(&self, key: &str) -> bool {
        self.words.contains_key(key)
            || EXTRA_FORMS.iter().any(|form| {
                key.strip_suffix(form)
                    .and_then(|k| k.strip_suffix('_'))
                    .is_some_and(|base| self.words.contains_key(&format!("{base}_other")))
            })
    }

    /// Puts the keys of the strings file at `path`, when there is one, over the table.
    fn apply_file(
        &mut self,
        path: &Path,
        links: &crate::source::LinkPolicy,
    ) -> Result<(), Diagnostic> {
        if !path.is_file() {
            return Ok(());
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
            if !self.accepts(&key) {
                return Err(Diagnostic::error(
                    path,
                    TomlSpans::new(&text).key(&[&key]),
                    format!("`{key}` is not one of the interface's strings"),
                )
                .with_hint(suggestion(&key, self.words.keys().map(String::as_str))));
            }
            self.words.insert(key, value);
        }
        Ok(())
    }

    /// The language's plural rule.
    pub fn plural(&self) -> Plural {
        self.plural
    }

    /// The table of the book's theme (`themes/<theme>/strings.toml` over the built-in
    /// one), for what is made before the theme's templates are (markdown's own labels).
    /// A broken table gives the built-in one here: loading the theme reports it.
    pub fn for_book(book: &crate::book::Book) -> Strings {
        let links = crate::source::LinkPolicy::new(&book.root, &book.config);
        // The theme was loaded (and its tables checked) before the chapters are read.
        let language = &book.config.language;
        Strings::for_language(
            &book.root,
            &book.config,
            language,
            book.language == 0,
            &links,
        )
        .unwrap_or_default()
    }

    /// The text for `key`; the key itself for a key the table lacks (a test checks
    /// that every key the code uses is in the table).
    pub fn get<'s>(&'s self, key: &'s str) -> &'s str {
        self.words.get(key).map_or(key, String::as_str)
    }

    /// The text for `key` counted `n` times: `key_one` for one, `key_other` otherwise,
    /// `key` itself when the text does not change with the count (a translation with more plural forms adds its own keys
    /// the same way).
    pub fn count<'s>(&'s self, key: &'s str, n: i128) -> &'s str {
        let form = self.plural.category(n);
        self.words
            .get(&format!("{key}_{form}"))
            .or_else(|| self.words.get(&format!("{key}_other")))
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
        let mut map: IndexMap<&str, &str> = IndexMap::new();
        for k in keys {
            map.insert(k, self.get(k));
            // A language with more forms than `_one`/`_other` sends them too.
            if let Some(base) = k.strip_suffix("_other") {
                for form in EXTRA_FORMS {
                    if let Some((key, text)) = self.words.get_key_value(&format!("{base}_{form}")) {
                        map.insert(key, text);
                    }
                }
            }
        }
        if self.plural != Plural::OneOther {
            map.insert("_plural", self.plural.name());
        }
        serde_json::to_string(&map)
            .unwrap_or_default()
            .replace("</", "<\\/")
    }

    /// Sets `key` to `text`: a table made in code (a test's, or a shared agenda case's
    /// few words over the built-in table).
    pub fn set(&mut self, key: &str, text: &str) {
        self.words.insert(key.to_owned(), text.to_owned());
    }

    /// Whether the table has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.words.contains_key(key)
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
    fn built_in_translations_have_every_key_and_its_values() {
        let english: IndexMap<String, String> = toml::from_str(DEFAULT).unwrap();
        let placeholders = |s: &str| {
            let mut v: Vec<String> = regex::Regex::new(r"\{[a-z_]+\}")
                .unwrap()
                .find_iter(s)
                .map(|m| m.as_str().to_owned())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        for (code, text) in BUILT_IN {
            let table: IndexMap<String, String> =
                toml::from_str(text).unwrap_or_else(|e| panic!("strings.{code}.toml: {e}"));
            let s = Strings {
                words: english.clone(),
                plural: Plural::of(code),
            };
            for (key, value) in &table {
                assert!(s.accepts(key), "strings.{code}.toml: unknown key {key}");
                if let Some(en) = english.get(key) {
                    assert_eq!(
                        placeholders(en),
                        placeholders(value),
                        "strings.{code}.toml: {key}"
                    );
                }
            }
            for key in english.keys() {
                assert!(table.contains_key(key), "strings.{code}.toml lacks {key}");
            }
        }
    }

    #[test]
    fn plural_rules_choose_the_forms_a_language_has() {
        let ar = Plural::of("ar");
        let got: Vec<&str> = [0, 1, 2, 3, 10, 11, 99, 100, 103]
            .iter()
            .map(|&n| ar.category(n))
            .collect();
        assert_eq!(
            got,
            ["zero", "one", "two", "few", "few", "many", "many", "other", "few"]
        );
        assert_eq!(Plural::of("fr").category(0), "one");
        assert_eq!(Plural::of("es").category(0), "other");
        assert_eq!(Plural::of("ja").category(1), "other");
        let ru = Plural::of("ru");
        assert_eq!(
            [1, 2, 5, 11, 21, 22].map(|n| ru.category(n)),
            ["one", "few", "many", "many", "one", "few"]
        );
        assert_eq!(Plural::of("pl").category(21), "many");
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
