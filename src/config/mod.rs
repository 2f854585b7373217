//! `book.toml`: the typed configuration of a book, with documented defaults.
//! Unknown keys are errors so a typo never silently does nothing.

pub mod env;

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diag::{Diagnostic, LineIndex, Pos};

pub const CONFIG_FILE: &str = "book.toml";

/// The settings file a `Config` was read from. Shared, not copied, by the per-language
/// copies of the settings.
#[derive(Debug, Clone, Default)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub text: std::sync::Arc<str>,
}

impl ConfigFile {
    /// Spans of book.toml's keys and values, for locating a problem in it.
    pub fn spans(&self) -> TomlSpans<'_> {
        TomlSpans::new(&self.text)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// book.toml as read, for locating values in it: read once, here, and used by every
    /// later check of its tables (packs, redirects, rules, strings).
    #[serde(skip)]
    pub file: ConfigFile,
    /// The handbook's title, shown on every page.
    pub title: String,
    /// One or two sentences for the home page and search engines.
    #[serde(default)]
    pub description: String,
    /// Language of the content, as a BCP 47 tag (`en`, `en-GB`, `fr`); default `en`.
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub authors: Vec<String>,
    /// Edition shown on printed pages and desk cards (e.g. "2026.1"); without it they
    /// show the build date.
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub build: BuildConfig,
    #[serde(default)]
    pub checklists: ChecklistConfig,
    /// `[checks]`: chapters' knowledge checks; see `quiz.rs`.
    #[serde(default)]
    pub checks: ChecksConfig,
    /// `[print]`: what print.html holds.
    #[serde(default)]
    pub print: PrintConfig,
    #[serde(default)]
    pub search: SearchConfig,
    /// The tag vocabulary, in the order it should be shown.
    #[serde(default)]
    pub tags: IndexMap<String, Term>,
    /// Who chapters are for (new hires, team leads...), in display order.
    #[serde(default)]
    pub audiences: IndexMap<String, Term>,
    /// Course packs, keyed by id.
    #[serde(default)]
    pub packs: IndexMap<String, PackConfig>,
    /// Settings for `carebook check` (prose rules).
    #[serde(default)]
    pub check: CheckConfig,
    /// `[review]`: review dates and owners are tracked when this table is present.
    #[serde(default)]
    pub review: Option<ReviewConfig>,
    /// `[feedback]`: the "Something wrong or missing?" line on each chapter page.
    #[serde(default)]
    pub feedback: Option<FeedbackConfig>,
    /// Book-wide facts (`refund-window = "30 days"`), used in chapters as
    /// `{{ fact.refund-window }}`; see `facts.rs`.
    #[serde(default)]
    pub facts: IndexMap<String, String>,
    /// Old addresses of moved folders or pages (`"old-part/" = "new-part/"`); see
    /// `redirects.rs`.
    #[serde(default)]
    pub redirects: IndexMap<String, String>,
    /// `[languages.<code>]`: the languages the book is translated into, each built as
    /// its own site under `/<code>/` (see `crate::translations`). Without it the book
    /// has one language, `language`.
    #[serde(default)]
    pub languages: IndexMap<String, LanguageConfig>,
}

/// `[languages.<code>]` in book.toml: one language the book is translated into. Its
/// chapters are `<name>.<code>.md` files next to the originals.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LanguageConfig {
    /// The language's name in the switcher; default: its own name for itself
    /// ("Español"), when carebook knows it, else the code.
    #[serde(default)]
    pub label: Option<String>,
    /// The handbook's title in this language; default: the book's `title`.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// What this language's site does with a chapter nobody has translated yet.
    #[serde(default)]
    pub untranslated: Untranslated,
    /// The interface's words, over the built-in translation (keys of strings.toml).
    #[serde(default)]
    pub strings: IndexMap<String, String>,
    /// Tags' labels and descriptions in this language, by tag id.
    #[serde(default)]
    pub tags: IndexMap<String, Term>,
    /// Audiences' labels and descriptions in this language, by audience id.
    #[serde(default)]
    pub audiences: IndexMap<String, Term>,
    /// Packs' titles and introductions in this language, by pack id.
    #[serde(default)]
    pub packs: IndexMap<String, PackText>,
    /// Facts' values in this language, by fact name (the others keep the book's).
    #[serde(default)]
    pub facts: IndexMap<String, String>,
    /// The desk card's headings as translations write them (`do = ["Haz"]`), besides
    /// the book's own.
    #[serde(default)]
    pub checklists: Option<ChecklistConfig>,
    /// The knowledge check's heading as translations write it.
    #[serde(default)]
    pub checks: Option<ChecksConfig>,
}

/// `untranslated` under `[languages.<code>]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Untranslated {
    /// Shown in the original language, with a notice saying so (the default).
    #[default]
    Original,
    /// Left out of this language's site; its switcher links lead to the home page.
    Omit,
}

/// A pack's title and introduction in another language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackText {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub intro: Option<String>,
}

/// `[check]`: where the book's own prose rules live and which rules are switched on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckConfig {
    /// Folder of the book's own rule files (`<style>.yml`), relative to book.toml;
    /// default `styles`. A missing folder just means no rules of the book's own.
    #[serde(default = "default_styles")]
    pub styles: PathBuf,
    /// Rule switches by style, then rule: `carebook.weasel = false`,
    /// `carebook.sentence-length = "error"`, or `carebook = false` for a whole style.
    #[serde(default)]
    pub rules: IndexMap<String, StyleSwitch>,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            styles: default_styles(),
            rules: IndexMap::new(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum StyleSwitch {
    /// The whole style on or off.
    All(bool),
    Rules(IndexMap<String, RuleSwitch>),
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
pub enum RuleSwitch {
    On(bool),
    /// On, at this level instead of the rule's own.
    Level(Severity),
}

/// How serious a `check` finding is (defined with the diagnostics it grades).
pub use crate::diag::Severity;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BuildConfig {
    /// Folder holding the chapters, relative to book.toml; default `guide`.
    #[serde(default = "default_source")]
    pub source: PathBuf,
    /// Folder the site is written to, relative to book.toml; default `site`.
    #[serde(default = "default_output")]
    pub output: PathBuf,
    /// Theme name: `default` (built in) or a folder under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Paper size for print pages and desk cards; default `a4`.
    #[serde(default)]
    pub paper: Paper,
    /// What a broken link between chapters is: `error` (default) or `warn`.
    #[serde(default)]
    pub broken_links: Strictness,
    /// Absolute URL the site is published at; enables `sitemap.xml`.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Build chapters marked `draft: true` too; default false.
    #[serde(default)]
    pub drafts: bool,
    /// Scripts, event handlers and `javascript:` links in chapters: `allow` (default),
    /// `warn` or `strip`.
    #[serde(default)]
    pub raw_html: crate::rawhtml::RawHtml,
    /// Folders outside the book that symbolic links in it may point into, relative to
    /// book.toml (e.g. `["../shared-snippets"]`); default none. Links inside the book
    /// are always fine; others are refused so nothing outside it is published by mistake.
    #[serde(default)]
    pub allow_symlinks_to: Vec<PathBuf>,
    /// Chapters bigger than this get a warning (they slow every build and page down):
    /// a number of bytes or a size like "5 MB"; default 5 MB.
    #[serde(default)]
    pub max_chapter_size: ByteSize,
    /// "Edit this page" address; `{path}` is the chapter's path from the book root.
    #[serde(default)]
    pub edit_url: Option<String>,
    /// Show each chapter's last change date from Git history; default true.
    #[serde(default = "default_true")]
    pub git_dates: bool,
    /// Folder of reusable Markdown pulled in with `{{#include}}`, relative to book.toml;
    /// default `snippets`. Its files are not chapters.
    #[serde(default = "default_snippets")]
    pub snippets: PathBuf,
}

impl Default for BuildConfig {
    fn default() -> Self {
        BuildConfig {
            source: default_source(),
            output: default_output(),
            theme: default_theme(),
            paper: Paper::default(),
            broken_links: Strictness::default(),
            base_url: None,
            drafts: false,
            raw_html: crate::rawhtml::RawHtml::default(),
            allow_symlinks_to: Vec::new(),
            max_chapter_size: ByteSize::default(),
            edit_url: None,
            git_dates: true,
            snippets: default_snippets(),
        }
    }
}

/// A size in bytes, written in book.toml as a number of bytes (`5000000`) or with a
/// unit (`"5 MB"`, `"500 kB"`, `"2 MiB"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl Default for ByteSize {
    /// 5 MB: ten times the longest real chapters, a tenth of a size that takes seconds.
    fn default() -> Self {
        ByteSize(5_000_000)
    }
}

impl std::fmt::Display for ByteSize {
    /// "5 MB", "1.5 MB", "800 kB", "950 bytes".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0 as f64;
        let (value, unit) = match self.0 {
            0..1_000 => return write!(f, "{} bytes", self.0),
            1_000..1_000_000 => (n / 1e3, "kB"),
            1_000_000..1_000_000_000 => (n / 1e6, "MB"),
            _ => (n / 1e9, "GB"),
        };
        let text = format!("{value:.1}");
        write!(f, "{} {unit}", text.strip_suffix(".0").unwrap_or(&text))
    }
}

impl std::str::FromStr for ByteSize {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let split = s
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(s.len());
        let (number, unit) = (s[..split].trim(), s[split..].trim());
        if number.is_empty() {
            return Err(format!(
                "`{s}` is not a size: write a number of bytes, or a number and a unit, like \"5 MB\""
            ));
        }
        let scale: u64 = match unit.to_ascii_lowercase().as_str() {
            "" | "b" | "byte" | "bytes" => 1,
            "kb" => 1_000,
            "mb" => 1_000_000,
            "gb" => 1_000_000_000,
            "kib" => 1 << 10,
            "mib" => 1 << 20,
            "gib" => 1 << 30,
            _ => return Err(format!("`{unit}` is not a size unit; use B, kB, MB or GB")),
        };
        let value: f64 = number.parse().map_err(|_| {
            format!("`{s}` is not a size: write a number and a unit, like \"5 MB\"")
        })?;
        let bytes = value * scale as f64;
        if !(bytes.is_finite() && (0.0..=1e15).contains(&bytes)) {
            return Err(format!("`{s}` is not a size carebook can use"));
        }
        Ok(ByteSize(bytes.round() as u64))
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ByteSize;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number of bytes, or a size like \"5 MB\"")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ByteSize, E> {
                u64::try_from(v)
                    .map(ByteSize)
                    .map_err(|_| E::custom("a size cannot be negative"))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ByteSize, E> {
                Ok(ByteSize(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ByteSize, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strictness {
    #[default]
    Error,
    Warn,
}

/// Heading names that mark a chapter's desk-card checklist groups.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ChecklistConfig {
    /// Headings whose task list is the card's "Do" column; default `["Do"]`.
    #[serde(default = "default_do", rename = "do")]
    pub do_headings: Vec<String>,
    /// Headings whose task list is the card's "Avoid" column; default `["Avoid", "Don't"]`.
    #[serde(default = "default_avoid", rename = "avoid")]
    pub avoid_headings: Vec<String>,
}

impl Default for ChecklistConfig {
    fn default() -> Self {
        ChecklistConfig {
            do_headings: default_do(),
            avoid_headings: default_avoid(),
        }
    }
}

/// `[checks]`: chapters' knowledge checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct ChecksConfig {
    /// The heading of a chapter's knowledge check (its last section); default
    /// `Check your understanding`.
    pub heading: String,
}

impl Default for ChecksConfig {
    fn default() -> Self {
        ChecksConfig {
            heading: "Check your understanding".into(),
        }
    }
}

/// `[print]`: what the printable edition (print.html) holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct PrintConfig {
    /// Print chapters' knowledge checks as worksheets (questions with empty boxes, no
    /// answers); default true. The page also has a switch for one printing.
    pub knowledge_checks: bool,
    /// Above this many chapters, print.html lists the top-level sections and each
    /// section prints as a document of its own; default 300. One document of 10,000
    /// chapters weighs about 70 MB, more than a browser can lay out for printing.
    pub sections_above: usize,
}

impl Default for PrintConfig {
    fn default() -> Self {
        PrintConfig {
            knowledge_checks: true,
            sections_above: 300,
        }
    }
}

/// `[search]`: the site's search box and its index.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct SearchConfig {
    /// Build the index and show the search box; default true.
    pub enable: bool,
    /// Chapters shown per page of results; default 10.
    pub max_results: usize,
    /// Words in a result's excerpt; default 30.
    pub excerpt_words: usize,
    pub boost: SearchBoost,
    /// Above this many bytes the core index file holds no postings: they go to shards
    /// loaded as needed; default 1,500,000.
    pub shard_above: usize,
    /// Target bytes of one postings shard; default 48,000.
    pub shard_size: usize,
    /// `[search.synonyms]`: what readers type → other words it should also find.
    pub synonyms: crate::language::synonyms::Synonyms,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            enable: true,
            max_results: 10,
            excerpt_words: 30,
            boost: SearchBoost::default(),
            shard_above: 1_500_000,
            shard_size: 48_000,
            synonyms: Default::default(),
        }
    }
}

/// How much more a match in the title or a heading counts than one in the text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SearchBoost {
    /// Default 3.
    pub title: f64,
    /// Default 1.5.
    pub heading: f64,
}

impl Default for SearchBoost {
    fn default() -> Self {
        SearchBoost {
            title: 3.0,
            heading: 1.5,
        }
    }
}

/// A declared tag or audience.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// A course pack as declared in book.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackConfig {
    pub title: String,
    /// Markdown shown on the pack's home page.
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub audience: crate::textfile::OneOrMany,
    #[serde(default)]
    pub paper: Option<Paper>,
    /// The class's date, `YYYY-MM-DD`, shown on the pack's pages.
    #[serde(default)]
    pub date: Option<String>,
    /// The class's start time, `HH:MM` (24-hour): the agenda then shows times of day.
    #[serde(default)]
    pub start: Option<String>,
    /// The score (a percentage of the pack's knowledge-check questions answered right)
    /// a learner needs to pass in a learning platform; default none: the SCORM package
    /// then reports completion only.
    #[serde(default)]
    pub mastery: Option<u8>,
    /// Ordered entries: a chapter slug, a chapter with a title override, or a selector.
    #[serde(default)]
    pub chapters: Vec<PackEntry>,
}

#[derive(Debug, Clone)]
pub enum PackEntry {
    /// `"listening-actively"`
    Slug(String),
    /// `{ slug = "listening-actively", title = "Listening first" }`
    Chapter { slug: String, title: Option<String> },
    /// `{ tags = ["culture"], audience = "international" }`
    Select(PackSelector),
}

/// Every key an entry table may have; which ones are present decides its kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    slug: Option<String>,
    title: Option<String>,
    #[serde(default)]
    tags: crate::textfile::OneOrMany,
    audience: Option<String>,
}

impl<'de> Deserialize<'de> for PackEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = PackEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a chapter slug, `{ slug = ..., title = ... }`, or a selector `{ tags = [...], audience = ... }`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PackEntry, E> {
                Ok(PackEntry::Slug(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<PackEntry, A::Error> {
                let raw = RawEntry::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                match raw.slug {
                    Some(_) if !raw.tags.0.is_empty() || raw.audience.is_some() => Err(serde::de::Error::custom(
                        "an entry is either one chapter (`slug`, `title`) or a selector (`tags`, `audience`), not both",
                    )),
                    Some(slug) => Ok(PackEntry::Chapter { slug, title: raw.title }),
                    None if raw.title.is_some() => Err(serde::de::Error::custom("`title` renames one chapter, so the entry needs its `slug` too")),
                    None if raw.tags.0.is_empty() && raw.audience.is_none() => Err(serde::de::Error::custom("an empty selector would select every chapter; give `tags` or `audience`")),
                    None => Ok(PackEntry::Select(PackSelector { tags: raw.tags, audience: raw.audience })),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// Chapters that carry at least one of `tags` (any tag when empty) and are for
/// `audience` (any audience when absent).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackSelector {
    #[serde(default)]
    pub tags: crate::textfile::OneOrMany,
    #[serde(default)]
    pub audience: Option<String>,
}

fn default_true() -> bool {
    true
}
fn default_language() -> String {
    "en".into()
}
fn default_source() -> PathBuf {
    "guide".into()
}
fn default_output() -> PathBuf {
    "site".into()
}
fn default_snippets() -> PathBuf {
    "snippets".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_styles() -> PathBuf {
    "styles".into()
}
fn default_do() -> Vec<String> {
    vec!["Do".into()]
}
fn default_avoid() -> Vec<String> {
    vec!["Avoid".into(), "Don't".into(), "Don’t".into()]
}

impl Config {
    /// Reads and checks `book.toml` in `root`.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        let bytes = std::fs::read(&path).map_err(|e| {
            let d = Diagnostic::error(&path, Pos::FILE, format!("cannot read the book's settings: {e}"));
            if e.kind() == std::io::ErrorKind::NotFound {
                d.with_hint("run this command in the folder that holds book.toml, pass that folder as an argument, or create a new book with `carebook init <dir>`")
            } else {
                d
            }
        })?;
        let text = crate::textfile::decode_text(bytes, &path)?;
        let config = Self::parse(&text, &path)?;
        let config = env::apply(config, &text, &path)?;
        config.check_folders(root, &text, &path)?;
        Ok(config)
    }

    /// The folders book.toml names must exist (checked here, where the book's folder is known).
    fn check_folders(&self, root: &Path, text: &str, path: &Path) -> Result<(), Diagnostic> {
        for allowed in &self.build.allow_symlinks_to {
            if !root.join(allowed).is_dir() {
                return Err(Diagnostic::error(
                    path,
                    TomlSpans::new(text)
                        .string_in(&["build", "allow-symlinks-to"], &allowed.to_string_lossy()),
                    format!(
                        "`allow-symlinks-to` names the folder `{}`, which does not exist next to book.toml",
                        allowed.display()
                    ),
                )
                .with_hint("give folders relative to the folder holding book.toml, e.g. allow-symlinks-to = [\"../shared-snippets\"]"));
            }
        }
        Ok(())
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config, Diagnostic> {
        let mut config: Config =
            toml::from_str(text).map_err(|e| toml_diagnostic(&e, text, path))?;
        config.validate(text, path)?;
        config.file = ConfigFile {
            path: path.to_path_buf(),
            text: text.into(),
        };
        Ok(config)
    }

    fn validate(&self, text: &str, path: &Path) -> Result<(), Diagnostic> {
        if let Some(url) = &self.build.base_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(Diagnostic::error(
                    path,
                    TomlSpans::new(text).value(&["build", "base-url"]),
                    format!("`base-url` must be an absolute http(s) address, found `{url}`"),
                )
                .with_hint("for example base-url = \"https://help.example.com/handbook/\""));
            }
        }
        self.search.validate(&self.language, text, path)?;
        validate_facts(&self.facts, text, path)?;
        self.validate_languages(text, path)?;
        self.validate_upkeep(text, path)
    }

    /// `[languages]`: known language codes, one entry per language, and translations
    /// only of tags, audiences and facts the book declares.
    fn validate_languages(&self, text: &str, path: &Path) -> Result<(), Diagnostic> {
        use crate::language::codes;
        let spans = TomlSpans::new(text);
        let mut seen: Vec<&str> = Vec::new();
        for (code, lang) in &self.languages {
            if !codes::is_language_tag(code) {
                return Err(Diagnostic::error(
                    path,
                    spans.key(&["languages", code]),
                    format!("`{code}` under [languages] is not a language code"),
                )
                .with_hint("use the two-letter ISO 639-1 code, with a region if needed: [languages.es], [languages.pt-BR]"));
            }
            if let Some(other) = seen.iter().find(|s| codes::same(s, code)) {
                return Err(Diagnostic::error(
                    path,
                    spans.key(&["languages", code]),
                    format!("[languages.{code}] and [languages.{other}] are the same language"),
                )
                .with_hint("keep one table per language"));
            }
            seen.push(code);
            let unknown = |table: &str,
                           keys: &mut dyn Iterator<Item = &String>,
                           known: &dyn Fn(&str) -> bool,
                           what: &str| {
                for key in keys {
                    if !known(key) {
                        return Err(Diagnostic::error(
                            path,
                            spans.key(&["languages", code, table, key]),
                            format!("[languages.{code}.{table}] translates `{key}`, which is not one of the book's {what}"),
                        )
                        .with_hint(format!("translate the {what} declared under [{table}]; the ids stay as they are in the book's language")));
                    }
                }
                Ok(())
            };
            // A book without [tags] takes its tags from the chapters; those are
            // checked when the chapters are read.
            if !self.tags.is_empty() {
                unknown(
                    "tags",
                    &mut lang.tags.keys(),
                    &|k| self.tags.contains_key(k),
                    "tags",
                )?;
            }
            unknown(
                "audiences",
                &mut lang.audiences.keys(),
                &|k| self.audiences.contains_key(k),
                "audiences",
            )?;
            unknown(
                "facts",
                &mut lang.facts.keys(),
                &|k| self.facts.contains_key(k),
                "facts",
            )?;
        }
        Ok(())
    }

    /// `[languages.<code>]` for `code` (any case, `-` or `_`), with the code as
    /// book.toml writes it.
    pub fn language_config(&self, code: &str) -> Option<(&str, &LanguageConfig)> {
        self.languages
            .iter()
            .find(|(k, _)| crate::language::codes::same(k, code))
            .map(|(k, l)| (k.as_str(), l))
    }

    /// Whether the book is built in more than one language.
    pub fn is_multilingual(&self) -> bool {
        self.languages
            .keys()
            .any(|code| !crate::language::codes::same(code, &self.language))
    }

    pub fn tag_ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.tags.keys().map(String::as_str)
    }

    pub fn audience_ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.audiences.keys().map(String::as_str)
    }
}

impl SearchConfig {
    fn validate(&self, language: &str, text: &str, path: &Path) -> Result<(), Diagnostic> {
        let spans = TomlSpans::new(text);
        let out_of_range = |at: &[&str], expected: &str| {
            let (key, table) = at.split_last().unwrap_or((&"", &[]));
            Err(Diagnostic::error(
                path,
                spans.value(at),
                format!("`{key}` under [{}] must be {expected}", table.join(".")),
            ))
        };
        if !(1..=200).contains(&self.max_results) {
            return out_of_range(&["search", "max-results"], "between 1 and 200");
        }
        if !(5..=200).contains(&self.excerpt_words) {
            return out_of_range(&["search", "excerpt-words"], "between 5 and 200");
        }
        for (key, v) in [("title", self.boost.title), ("heading", self.boost.heading)] {
            if !(v.is_finite() && (1.0..=100.0).contains(&v)) {
                return out_of_range(
                    &["search", "boost", key],
                    "a number from 1 to 100 (1 means no boost)",
                );
            }
        }
        if self.shard_size < 100 {
            return out_of_range(&["search", "shard-size"], "at least 100 (bytes)");
        }
        self.synonyms.validate(language, text, path)
    }
}

fn toml_diagnostic(e: &toml::de::Error, text: &str, path: &Path) -> Diagnostic {
    let pos = e
        .span()
        .map_or(Pos::new(1, 1), |span| LineIndex::new(text).span(span));
    let message = e.message().trim().to_owned();
    let d = Diagnostic::error(path, pos, format!("invalid book.toml: {message}"));
    if message.starts_with("unknown field") {
        d.with_hint("check the spelling of the key; the README lists every book.toml setting")
    } else {
        d
    }
}

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

impl Config {
    /// Problems in `[review]`, `[feedback]` and `edit-url`.
    fn validate_upkeep(&self, text: &str, path: &Path) -> Result<(), Diagnostic> {
        let c = self;
        let spans = TomlSpans::new(text);
        if let Some(every) = c.review.as_ref().and_then(|r| r.every.as_deref()) {
            if crate::clock::Period::parse(every).is_none() {
                return Err(Diagnostic::error(
                    path,
                    spans.value(&["review", "every"]),
                    format!("`every` under [review] must be a period, found `{every}`"),
                )
                .with_hint(crate::clock::PERIOD_HINT));
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
}

/// Fact names must be plain words, and values one line of plain text.
fn validate_facts(
    facts: &indexmap::IndexMap<String, String>,
    text: &str,
    path: &Path,
) -> Result<(), Diagnostic> {
    for (name, value) in facts {
        let ok = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(Diagnostic::error(
                path,
                find_fact(text, name),
                format!("the fact name `{name}` can only use letters, digits, `-` and `_`"),
            )
            .with_hint(format!("for example `{} = ...`", crate::url::slugify(name))));
        }
        if value.contains('\n') || value.contains("{{") {
            return Err(Diagnostic::error(
                path,
                find_fact(text, name),
                format!("the fact `{name}` must be one line of text, without `{{{{`"),
            )
            .with_hint("facts are short values such as \"30 days\" or a phone number"));
        }
    }
    Ok(())
}

fn find_fact(text: &str, name: &str) -> Pos {
    TomlSpans::new(text).key(&["facts", name])
}

/// Positions in a TOML text (book.toml, a pack file), from the TOML parser's spans,
/// for problems found after the values are read: where the value at a key path is,
/// else its key, else the nearest table on the path that exists.
pub struct TomlSpans<'t> {
    text: &'t str,
    doc: Option<toml_edit::ImDocument<&'t str>>,
}

impl<'t> TomlSpans<'t> {
    pub fn new(text: &'t str) -> Self {
        TomlSpans {
            text,
            doc: toml_edit::ImDocument::parse(text).ok(),
        }
    }

    /// The value at `path` (`["search", "boost", "title"]`); see [`TomlSpans`].
    pub fn value(&self, path: &[&str]) -> Pos {
        self.find(path, true)
    }

    /// The key at `path` itself, for problems with the key rather than its value.
    pub fn key(&self, path: &[&str]) -> Pos {
        self.find(path, false)
    }

    /// The first string equal to `needle` among the values under `table` (in arrays
    /// and inline tables too), else `table`'s key.
    pub fn string_in(&self, table: &[&str], needle: &str) -> Pos {
        fn search(item: &toml_edit::Item, needle: &str) -> Option<std::ops::Range<usize>> {
            match item {
                toml_edit::Item::Value(v) => search_value(v, needle),
                toml_edit::Item::Table(t) => t.iter().find_map(|(_, i)| search(i, needle)),
                toml_edit::Item::ArrayOfTables(a) => a
                    .iter()
                    .find_map(|t| t.iter().find_map(|(_, i)| search(i, needle))),
                toml_edit::Item::None => None,
            }
        }
        fn search_value(v: &toml_edit::Value, needle: &str) -> Option<std::ops::Range<usize>> {
            match v {
                toml_edit::Value::String(s) if s.value() == needle => {
                    // Inside the quotes, at the text's first character.
                    s.span().map(|r| r.start + 1..(r.end - 1).max(r.start + 1))
                }
                toml_edit::Value::Array(a) => a.iter().find_map(|v| search_value(v, needle)),
                toml_edit::Value::InlineTable(t) => {
                    t.iter().find_map(|(_, v)| search_value(v, needle))
                }
                _ => None,
            }
        }
        let found = self.doc.as_ref().and_then(|doc| {
            let mut item = doc.as_item();
            for name in table {
                item = item.as_table_like()?.get(name)?;
            }
            search(item, needle)
        });
        match found {
            Some(span) => LineIndex::new(self.text).span(span),
            None => self.key(table),
        }
    }

    fn find(&self, path: &[&str], want_value: bool) -> Pos {
        let Some(doc) = &self.doc else {
            return Pos::new(1, 1);
        };
        let mut table: &dyn toml_edit::TableLike = doc.as_table();
        let mut best = None;
        for (i, name) in path.iter().enumerate() {
            let Some((key, item)) = table.get_key_value(name) else {
                break;
            };
            let last = i + 1 == path.len();
            best = match (last && want_value, item.as_table_like()) {
                (true, _) => item.span().or(key.span()),
                // A table's own header (`[search.boost]`), where its key is.
                (false, Some(_)) => key.span().or(item.span()),
                (false, None) => key.span(),
            }
            .or(best);
            match item.as_table_like() {
                Some(t) if !last => table = t,
                _ => break,
            }
        }
        best.map_or(Pos::new(1, 1), |span| LineIndex::new(self.text).span(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Diagnostic> {
        Config::parse(text, Path::new("book.toml"))
    }

    #[test]
    fn defaults_apply() {
        let c = parse("title = \"T\"").unwrap();
        assert_eq!(c.build.source, PathBuf::from("guide"));
        assert_eq!(c.build.output, PathBuf::from("site"));
        assert_eq!(c.build.paper, Paper::A4);
        assert_eq!(c.language, "en");
        assert_eq!(c.checklists.do_headings, vec!["Do"]);
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let e = parse("title = \"T\"\n\n[build]\nouptut = \"x\"\n").unwrap_err();
        assert_eq!((e.line, e.col), (4, 1));
        assert!(
            e.message.contains("unknown field `ouptut`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn tags_keep_declaration_order() {
        let c = parse("title='T'\n[tags.stress]\nlabel='S'\n[tags.culture]\nlabel='C'\n").unwrap();
        assert_eq!(c.tag_ids().collect::<Vec<_>>(), ["stress", "culture"]);
    }

    #[test]
    fn search_settings_have_defaults_and_ranges() {
        let c = parse("title='T'\n[search]\nmax-results = 5\n[search.boost]\ntitle = 4\n").unwrap();
        assert_eq!((c.search.max_results, c.search.excerpt_words), (5, 30));
        assert!(c.search.enable);
        assert_eq!((c.search.boost.title, c.search.boost.heading), (4.0, 1.5));
        let e = parse("title='T'\n[search]\nexcerpt-words = 2\n").unwrap_err();
        assert_eq!((e.line, e.col), (3, 17));
        assert!(e.message.contains("between 5 and 200"), "{}", e.message);
        let e = parse("title='T'\n[search]\nenabled = false\n").unwrap_err();
        assert!(
            e.message.contains("unknown field `enabled`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn bad_paper_is_explained() {
        let e = parse("title='T'\n[build]\npaper = \"a5\"\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("a4"), "{}", e.message);
    }
}
