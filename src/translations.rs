//! One handbook in several languages. book.toml declares the languages
//! (`[languages.es]`); a translation sits next to its original with the language's
//! code before the extension (`listening.es.md`, `_part.es.yaml`, `index.es.md`), the
//! convention Hugo and Zola use. Each language is built as a site of its own (the
//! book's own language at the root, the others under `/<code>/`) from a `Book` made by
//! [`Book::in_language`]: the same parts, chapters and addresses, with each chapter's
//! text from its translation, or the original with a notice when there is none.
//!
//! A translation records which version of its original it follows: `translated-from`
//! in its front matter holds [`fingerprint`] of the original's file, written by
//! `carebook translations stamp`. `carebook translations` and `carebook check` report,
//! per language, what is missing and what has fallen behind (see [`status`]).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

pub use crate::book::translated::{
    config_for, find, read_stamp, site_languages, Found, Set, SiteLanguage,
};
use crate::book::{Book, Chapter};
use crate::diag::{Diagnostic, Pos};

impl Book {
    /// This book as the site in `languages[lang]`: the same parts and chapters at the
    /// same addresses, with the translated text where there is one; an untranslated
    /// chapter is the original marked [`Chapter::untranslated`], or left out when the
    /// language says `untranslated = "omit"`.
    pub fn in_language(&self, lang: usize) -> Book {
        let code = &self.languages[lang].code;
        let config = config_for(&self.config, code);
        let set = &self.translations.sets[lang - 1];
        let own = &self.config.language;
        let mut chapters = Vec::with_capacity(self.chapters.len());
        let mut parts = Vec::with_capacity(self.parts.len());
        let mut elsewhere = Vec::new();
        let up = "../".repeat(self.languages[lang].prefix.matches('/').count());
        for (pi, part) in self.parts.iter().enumerate() {
            let mut part = part.clone();
            if let Some(meta) = set.parts.get(&pi) {
                if let Some(title) = &meta.title {
                    part.title = title.clone();
                }
                if !meta.intro.is_empty() {
                    part.intro = meta.intro.clone();
                }
            }
            let start = chapters.len();
            for id in part.chapter_ids() {
                let original = &self.chapters[id];
                if let Some(tr) = set.chapters.get(&id) {
                    chapters.push(translated(original, tr));
                } else if self.languages[lang].has(&original.out_path) {
                    let mut ch = original.clone();
                    ch.untranslated = Some(own.clone());
                    chapters.push(ch);
                } else {
                    elsewhere.push((
                        original.source.clone(),
                        format!("{up}{}", original.out_path),
                    ));
                }
            }
            part.chapters = start..chapters.len();
            parts.push(part);
        }
        crate::book::span_sections(&mut parts);
        Book {
            // The home page's text from its translation, else the book's own.
            home: set.home.clone().or_else(|| self.home.clone()),
            config,
            root: self.root.clone(),
            source_dir: self.source_dir.clone(),
            parts,
            chapters,
            assets: self.assets.clone(),
            links: self.links.clone(),
            history: self.history.clone(),
            tags_from_chapters: self.tags_from_chapters,
            languages: self.languages.clone(),
            language: lang,
            translations: Found::default(),
            elsewhere,
        }
    }
}

/// A translated chapter in its original's place: the translation's words (title,
/// summary, card wording, body), the original's structure (address, slug, part,
/// tags, audience, order, review dates), so every site has the same pages.
fn translated(original: &Chapter, tr: &Chapter) -> Chapter {
    let mut ch = tr.clone();
    ch.source = original.source.clone();
    ch.slug = original.slug.clone();
    ch.name = original.name.clone();
    ch.out_path = original.out_path.clone();
    ch.part = original.part;
    ch.tags = original.tags.clone();
    ch.audience = original.audience.clone();
    ch.order = original.order;
    ch.class_minutes = original.class_minutes;
    ch.search = original.search;
    ch.aliases = original.aliases.clone();
    ch.upkeep = original.upkeep.clone();
    if original.card.is_none() {
        ch.card = None;
    }
    ch
}

/// The fingerprint of an original's text that a translation's `translated-from`
/// records: 16 hexadecimal digits, the same whatever the file's line endings.
pub fn fingerprint(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    format!(
        "{:016x}",
        xxhash_rust::xxh3::xxh3_64(text.trim_end().as_bytes())
    )
}

/// Where one translation stands against its original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum State {
    /// Stamped with the original's current fingerprint.
    Current,
    /// The original changed after the translation was stamped; `changes` says where,
    /// when the original's history (Git) still has the stamped version.
    Stale { changes: Vec<String> },
    /// No `translated-from` yet: nobody has said which version it follows.
    Unstamped,
    /// Not translated.
    Missing,
}

/// One chapter or part in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The original, as shown in messages.
    pub original: PathBuf,
    /// The translation's file, when there is one.
    pub translation: Option<PathBuf>,
    #[serde(flatten)]
    pub state: State,
    /// Where the stamp is in the translation (for messages).
    #[serde(skip)]
    pub pos: Pos,
}

/// One language's translations, chapter by chapter, in reading order.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    pub code: String,
    pub label: String,
    pub entries: Vec<Entry>,
}

impl LanguageStatus {
    pub fn count(&self, state: fn(&State) -> bool) -> usize {
        self.entries.iter().filter(|e| state(&e.state)).count()
    }
}

/// Where every translation of `book` (the book in its own language, as loaded)
/// stands: per language, each chapter (and each translated part) current, stale,
/// unstamped or missing. Reads the originals from disk, so it sees them as written.
pub fn status(book: &Book) -> Vec<LanguageStatus> {
    let originals: Vec<(PathBuf, Option<String>)> = book
        .chapters
        .par_iter()
        .map(|ch| {
            let path = book.source_dir.join(&ch.source);
            let text = std::fs::read_to_string(&path).ok();
            (path, text)
        })
        .collect();
    let mut out = Vec::new();
    for (i, set) in book.translations.sets.iter().enumerate() {
        let lang = &book.languages[i + 1];
        let mut entries = Vec::new();
        if let (Some(home), Some(tr)) = (&book.home, &set.home) {
            let text = std::fs::read_to_string(&home.file).ok();
            entries.push(entry(
                home.file.clone(),
                Some(tr.file.clone()),
                tr.translated_from.clone(),
                text.as_deref(),
                Pos::FILE,
            ));
        }
        for (pi, part) in book.parts.iter().enumerate() {
            if let Some(meta) = set.parts.get(&pi) {
                let original = part.upkeep.file.clone();
                let text = std::fs::read_to_string(&original).ok();
                entries.push(entry(
                    original,
                    Some(meta.file.clone()),
                    meta.translated_from
                        .as_ref()
                        .map(|t| t.0.trim().to_ascii_lowercase()),
                    text.as_deref(),
                    Pos::FILE,
                ));
            }
            for id in part.chapter_ids() {
                let (path, text) = &originals[id.index()];
                let e = match set.chapters.get(&id) {
                    Some(tr) => {
                        let pos = tr
                            .translated_from
                            .as_deref()
                            .map_or(Pos::new(1, 1), |v| tr.locate("translated-from", v));
                        entry(
                            path.clone(),
                            Some(tr.path.clone()),
                            tr.translated_from.clone(),
                            text.as_deref(),
                            pos,
                        )
                    }
                    None => Entry {
                        original: path.clone(),
                        translation: None,
                        state: State::Missing,
                        pos: Pos::FILE,
                    },
                };
                entries.push(e);
            }
        }
        out.push(LanguageStatus {
            code: lang.code.clone(),
            label: lang.label.clone(),
            entries,
        });
    }
    out
}

fn entry(
    original: PathBuf,
    translation: Option<PathBuf>,
    stamp: Option<String>,
    text: Option<&str>,
    pos: Pos,
) -> Entry {
    let state = match (stamp, text) {
        (None, _) => State::Unstamped,
        (Some(stamp), Some(text)) if stamp != fingerprint(text) => State::Stale {
            changes: what_changed(&original, &stamp, text).unwrap_or_default(),
        },
        _ => State::Current,
    };
    Entry {
        original,
        translation,
        state,
        pos,
    }
}

/// How the original at `path` (now `now`) differs from its version whose fingerprint
/// is `stamp`, found in its Git history: the sections (headings) with paragraphs
/// added, removed or changed. `None` without Git or that version.
fn what_changed(path: &Path, stamp: &str, now: &str) -> Option<Vec<String>> {
    let dir = path.parent()?;
    let name = path.file_name()?.to_string_lossy().into_owned();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    let log = git(&["log", "--format=%H", "-n", "100", "--", &name])?;
    for hash in log.lines() {
        let Some(old) = git(&["show", &format!("{hash}:./{name}")]) else {
            continue;
        };
        if fingerprint(&old) == stamp {
            return Some(changed_sections(&old, now));
        }
    }
    None
}

/// The sections of `new` whose paragraphs differ from `old`'s, as "“Heading”: 1
/// paragraph changed"; paragraphs are compared whole, in order (a longest common
/// subsequence of paragraphs).
pub fn changed_sections(old: &str, new: &str) -> Vec<String> {
    fn blocks(text: &str) -> Vec<(String, String)> {
        let text = text.replace("\r\n", "\n");
        let mut out = Vec::new();
        let mut heading = String::new();
        let (front, body) = match text
            .strip_prefix("---\n")
            .and_then(|r| r.split_once("\n---"))
        {
            Some((fm, body)) => (Some(fm.to_owned()), body.to_owned()),
            None => (None, text.clone()),
        };
        if let Some(fm) = front {
            out.push(("the front matter".to_owned(), fm));
        }
        for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
            if let Some(h) = block.lines().next().filter(|l| l.starts_with('#')) {
                heading = format!("“{}”", h.trim_start_matches('#').trim());
            }
            let section = if heading.is_empty() {
                "the opening".to_owned()
            } else {
                heading.clone()
            };
            out.push((section, block.to_owned()));
        }
        out
    }
    let (a, b) = (blocks(old), blocks(new));
    if a.len() * b.len() > 4_000_000 {
        return vec!["the whole text".to_owned()];
    }
    // lcs[i][j]: the longest common run of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i].1 == b[j].1 {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // Per section, in the new text's order: paragraphs added and removed.
    let mut sections: Vec<(String, usize, usize)> = Vec::new();
    let mut note = |section: &str, added: usize, removed: usize| match sections
        .iter_mut()
        .find(|(s, ..)| s == section)
    {
        Some(entry) => {
            entry.1 += added;
            entry.2 += removed;
        }
        None => sections.push((section.to_owned(), added, removed)),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i].1 == b[j].1 {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            note(&b[j].0, 1, 0);
            j += 1;
        } else {
            note(&a[i].0, 0, 1);
            i += 1;
        }
    }
    sections
        .into_iter()
        .map(|(section, added, removed)| {
            let changed = added.min(removed);
            let mut parts = Vec::new();
            let n = |k: usize, what: &str| {
                format!("{k} paragraph{} {what}", if k == 1 { "" } else { "s" })
            };
            if changed > 0 {
                parts.push(n(changed, "changed"));
            }
            if added > changed {
                parts.push(n(added - changed, "added"));
            }
            if removed > changed {
                parts.push(n(removed - changed, "removed"));
            }
            if section == "the front matter" {
                "the front matter (title, summary or card) changed".to_owned()
            } else {
                format!("{section}: {}", parts.join(", "))
            }
        })
        .collect()
}

/// Writes the fingerprint of each translation's original into its front matter
/// (`translated-from: …`), adding front matter when it has none; returns what was done
/// per file. A file that is not a translation of a chapter or part of `book` is an
/// error.
pub fn stamp(book: &Book, files: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, Diagnostic> {
    let mut done = Vec::new();
    for file in files {
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.clone());
        let source =
            std::fs::canonicalize(&book.source_dir).unwrap_or_else(|_| book.source_dir.clone());
        let real = std::fs::canonicalize(&abs).unwrap_or(abs.clone());
        let name = real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let translation =
            crate::source::translation_of(&name).filter(|_| real.starts_with(&source));
        let Some((original_name, _)) = translation else {
            return Err(Diagnostic::error(file, Pos::FILE, "this is not a translation in the book's chapters folder")
                .with_hint("stamp a file named like `listening.es.md`, next to its original `listening.md` under the chapters folder"));
        };
        let folder = real.parent().unwrap_or(Path::new(""));
        let mut original = folder.join(&original_name);
        if !original.is_file() && original_name.to_lowercase().starts_with("_part.") {
            // A part's translation follows whichever file holds the part's own text.
            original = [
                "_part.yaml",
                "_part.yml",
                "index.md",
                "_index.md",
                "README.md",
            ]
            .iter()
            .map(|n| folder.join(n))
            .find(|p| p.is_file())
            .unwrap_or(original);
        }
        let text = std::fs::read_to_string(&original).map_err(|e| {
            Diagnostic::error(
                file,
                Pos::FILE,
                format!(
                    "cannot read its original `{}`: {e}",
                    crate::diag::display_path(&original)
                ),
            )
        })?;
        let print = fingerprint(&text);
        let mine = crate::source::read_text(file)?;
        let updated = with_stamp(&mine, &print, is_yaml(file));
        if updated != mine {
            std::fs::write(file, &updated)
                .map_err(|e| Diagnostic::error(file, Pos::FILE, format!("cannot write: {e}")))?;
        }
        done.push((file.clone(), print));
    }
    Ok(done)
}

fn is_yaml(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// `text` with `translated-from: <print>` in its front matter (replacing the line
/// there, or added as the front matter's last line; a YAML file gets it as a key).
fn with_stamp(text: &str, print: &str, yaml_file: bool) -> String {
    let line = format!("translated-from: {print}");
    let replace = |block: &str| -> Option<String> {
        let mut found = false;
        let lines: Vec<String> = block
            .lines()
            .map(|l| {
                if l.starts_with("translated-from:") {
                    found = true;
                    line.clone()
                } else {
                    l.to_owned()
                }
            })
            .collect();
        found.then(|| lines.join("\n"))
    };
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    if yaml_file {
        return match replace(text) {
            Some(t) => format!("{}{nl}", t.trim_end()),
            None => format!("{}{nl}{line}{nl}", text.trim_end()),
        };
    }
    let toml = text.starts_with("+++");
    if toml {
        let line = format!("translated-from = \"{print}\"");
        if let Some(end) = text[3..].find("\n+++").map(|e| e + 3) {
            let block = &text[..end];
            let kept: Vec<&str> = block
                .lines()
                .filter(|l| !l.starts_with("translated-from"))
                .collect();
            return format!("{}{nl}{line}{}", kept.join(nl), &text[end..]);
        }
    }
    if let Some(rest) = text.strip_prefix("---") {
        if let Some(end) = rest.find("\n---").map(|e| e + 3) {
            let block = &text[..end];
            return match replace(block) {
                Some(b) => format!("{b}{}", &text[end..]),
                None => format!("{}{nl}{line}{}", block.trim_end(), &text[end..]),
            };
        }
    }
    format!("---{nl}{line}{nl}---{nl}{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_line_endings_and_trailing_space() {
        assert_eq!(fingerprint("a\r\nb\n\n"), fingerprint("a\nb"));
        assert_ne!(fingerprint("a\nb"), fingerprint("a\nc"));
        assert_eq!(fingerprint("x").len(), 16);
    }

    #[test]
    fn stamps_go_into_front_matter_whatever_its_shape() {
        let p = "0123456789abcdef";
        assert_eq!(
            with_stamp("---\ntitle: Hola\n---\nTexto\n", p, false),
            "---\ntitle: Hola\ntranslated-from: 0123456789abcdef\n---\nTexto\n"
        );
        assert_eq!(
            with_stamp(
                "---\ntitle: Hola\ntranslated-from: 1111111111111111\n---\nTexto\n",
                p,
                false
            ),
            "---\ntitle: Hola\ntranslated-from: 0123456789abcdef\n---\nTexto\n"
        );
        assert_eq!(
            with_stamp("# Hola\n", p, false),
            "---\ntranslated-from: 0123456789abcdef\n---\n# Hola\n"
        );
        assert_eq!(
            with_stamp("title: Dinero\n", p, true),
            "title: Dinero\ntranslated-from: 0123456789abcdef\n"
        );
        assert_eq!(
            with_stamp("+++\ntitle = \"Hola\"\n+++\nTexto\n", p, false),
            "+++\ntitle = \"Hola\"\ntranslated-from = \"0123456789abcdef\"\n+++\nTexto\n"
        );
    }

    #[test]
    fn changed_sections_name_the_headings_whose_paragraphs_changed() {
        let old = "---\ntitle: Refunds\n---\nIntro.\n\n## Window\n\nThirty days.\n\n## Proof\n\nA receipt.\n";
        let new = "---\ntitle: Refunds\n---\nIntro.\n\n## Window\n\nFourteen days.\n\nNew rule.\n\n## Proof\n\nA receipt.\n";
        assert_eq!(
            changed_sections(old, new),
            ["“Window”: 1 paragraph changed, 1 paragraph added"]
        );
        let retitled = new.replace("title: Refunds", "title: Money back");
        assert_eq!(
            changed_sections(new, &retitled),
            ["the front matter (title, summary or card) changed"]
        );
    }
}

/// `carebook translations`: every language's status, for people or scripts.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Report(pub Vec<LanguageStatus>);

impl Report {
    pub fn text(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        if self.0.is_empty() {
            out.push_str("This book has one language. Declare others in book.toml, e.g. [languages.es], and add translations next to the chapters: listening.es.md translates listening.md.\n");
            return out;
        }
        let shown = |p: &Path| crate::diag::display_path(p);
        for lang in &self.0 {
            let chapters = lang
                .entries
                .iter()
                .filter(|e| {
                    e.original
                        .extension()
                        .is_some_and(|x| x == "md" || x == "markdown")
                })
                .count();
            let missing = lang.count(|s| *s == State::Missing);
            let stale = lang.count(|s| matches!(s, State::Stale { .. }));
            let unstamped = lang.count(|s| *s == State::Unstamped);
            let current = lang.count(|s| *s == State::Current);
            let _ = writeln!(
                out,
                "{} ({}): {current} up to date, {stale} behind the original, {unstamped} not stamped, {missing} not translated (of {chapters} chapters)",
                lang.label, lang.code
            );
            for e in &lang.entries {
                let file = e.translation.as_deref().map(shown).unwrap_or_default();
                match &e.state {
                    State::Current => {}
                    State::Stale { changes } => {
                        let _ = writeln!(
                            out,
                            "  behind      {file} (the original {} changed)",
                            shown(&e.original)
                        );
                        if changes.is_empty() {
                            let _ = writeln!(out, "              compare with the original; its stamped version is not in Git history");
                        }
                        for c in changes {
                            let _ = writeln!(out, "              {c}");
                        }
                    }
                    State::Unstamped => {
                        let _ = writeln!(out, "  not stamped {file}");
                    }
                    State::Missing => {
                        let _ = writeln!(out, "  missing     {}", shown(&e.original));
                    }
                }
            }
        }
        let any = self
            .0
            .iter()
            .any(|l| l.count(|s| matches!(s, State::Stale { .. } | State::Unstamped)) > 0);
        if any {
            out.push_str("\nOnce a translation says what its original says, stamp it: carebook translations --stamp <file>\n");
        }
        out
    }

    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// The report as `check` findings: a warning per translation behind its original
    /// or not stamped, and one note per language listing what is not translated.
    pub fn findings(&self, config_path: &Path, config_text: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for lang in &self.0 {
            let mut missing = Vec::new();
            for e in &lang.entries {
                let file = e.translation.clone().unwrap_or_else(|| e.original.clone());
                match &e.state {
                    State::Stale { changes } => {
                        let what = if changes.is_empty() { String::new() } else { format!(": {}", changes.join("; ")) };
                        out.push(
                            Diagnostic::warning(&file, e.pos, format!("this {} translation is behind its original `{}`, which changed after it was stamped{what}", lang.label, crate::diag::display_path(&e.original)))
                                .with_rule("translation-behind")
                                .with_hint(format!("bring the translation up to date, then run `carebook translations --stamp {}`", crate::diag::display_path(&file))),
                        );
                    }
                    State::Unstamped => out.push(
                        Diagnostic::warning(&file, Pos::new(1, 1), format!("this {} translation does not say which version of `{}` it follows, so carebook cannot tell when it falls behind", lang.label, crate::diag::display_path(&e.original)))
                            .with_rule("translation-unstamped")
                            .with_hint(format!("once it says what the original says, run `carebook translations --stamp {}`", crate::diag::display_path(&file))),
                    ),
                    State::Missing => missing.push(crate::diag::display_path(&e.original)),
                    State::Current => {}
                }
            }
            if !missing.is_empty() {
                const SHOWN: usize = 5;
                let mut list: Vec<String> = missing
                    .iter()
                    .take(SHOWN)
                    .map(|m| format!("`{m}`"))
                    .collect();
                if missing.len() > SHOWN {
                    list.push(format!("and {} more", missing.len() - SHOWN));
                }
                let pos =
                    crate::config::TomlSpans::new(config_text).key(&["languages", &lang.code]);
                out.push(
                    Diagnostic::new(crate::diag::Severity::Suggestion, config_path, pos, format!("{} of the book's chapters are not translated into {} yet: {}", missing.len(), lang.label, list.join(", ")))
                        .with_rule("translation-missing")
                        .with_hint("they are shown in the original language, with a notice; `carebook translations` lists them all"),
                );
            }
        }
        out
    }
}
