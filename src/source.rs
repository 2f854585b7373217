//! Reading the chapters folder: walk it, read files in parallel, split front matter
//! from the Markdown body and parse it, keeping line numbers for diagnostics.

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, LineIndex, Pos};

/// What the walk found under the chapters folder, relative to it.
#[derive(Debug, Default)]
pub struct Listing {
    pub chapters: Vec<PathBuf>,
    /// Part metadata files: `<part>/_part.yaml` or `<part>/index.md`.
    pub part_files: Vec<PathBuf>,
    /// Every other file (images, PDFs...), copied to the site as they are.
    pub assets: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lists `dir` in a stable order. Hidden entries and README.md (notes for authors) are skipped.
pub fn walk(dir: &Path) -> Listing {
    let mut listing = Listing::default();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf();
                classify(rel, &mut listing);
            }
            Ok(_) => {}
            Err(err) => listing.diagnostics.push(walk_error(&err, dir)),
        }
    }
    listing
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn classify(rel: PathBuf, listing: &mut Listing) {
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let in_part = rel.components().count() > 1;
    if name == "readme.md" {
        return;
    }
    if in_part && (name == "_part.yaml" || name == "_part.yml" || name == "index.md") {
        listing.part_files.push(rel);
    } else if name.ends_with(".md") || name.ends_with(".markdown") {
        listing.chapters.push(rel);
    } else {
        listing.assets.push(rel);
    }
}

fn walk_error(err: &walkdir::Error, dir: &Path) -> Diagnostic {
    let path = err.path().unwrap_or(dir).to_path_buf();
    if let Some(ancestor) = err.loop_ancestor() {
        Diagnostic::error(
            path,
            Pos::FILE,
            format!(
                "this folder links back to `{}`, which would make an endless loop",
                ancestor.display()
            ),
        )
        .with_hint("remove the symbolic link, or point it somewhere outside the chapters folder")
    } else {
        Diagnostic::error(path, Pos::FILE, format!("cannot read: {err}"))
    }
}

/// A file's text, read as UTF-8 with any byte-order mark removed.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(path, Pos::FILE, format!("cannot read: {e}")))?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let pos = LineIndex::new(&prefix).pos(valid);
            Err(
                Diagnostic::error(path, pos, "the file is not valid UTF-8 text").with_hint(
                    "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)",
                ),
            )
        }
    }
}

/// Reads many files in parallel, keeping their order.
pub fn read_all(dir: &Path, rels: &[PathBuf]) -> Vec<Result<String, Diagnostic>> {
    rels.par_iter()
        .map(|rel| read_text(&dir.join(rel)))
        .collect()
}

/// A file split into its YAML front matter and Markdown body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML text and the 1-based line it starts on, when the file has front matter.
    pub yaml: Option<(&'a str, usize)>,
    /// Byte offset in the file where the Markdown body starts.
    pub body_start: usize,
}

/// Splits `---` delimited front matter from the body. A file that does not start with
/// `---` has no front matter; one that starts it but never closes it is an error.
pub fn split_front_matter<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let Some(first_end) = line_end(text, 0) else {
        return Ok(Split {
            yaml: None,
            body_start: 0,
        });
    };
    if text[..first_end].trim_end() != "---" {
        return Ok(Split {
            yaml: None,
            body_start: 0,
        });
    }
    let yaml_start = next_line(text, first_end);
    let mut at = yaml_start;
    while at < text.len() {
        let end = line_end(text, at).unwrap_or(text.len());
        let line = text[at..end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Split {
                yaml: Some((&text[yaml_start..at], 2)),
                body_start: next_line(text, end),
            });
        }
        at = next_line(text, end);
    }
    Err(Diagnostic::error(
        path,
        Pos::new(1, 1),
        "front matter starts here with `---` but is never closed",
    )
    .with_hint("add a line with only `---` after the last metadata line (title, tags, ...)"))
}

fn line_end(text: &str, from: usize) -> Option<usize> {
    if from >= text.len() {
        return None;
    }
    Some(text[from..].find('\n').map_or(text.len(), |i| from + i))
}

fn next_line(text: &str, line_end: usize) -> usize {
    (line_end + 1).min(text.len())
}

pub const FRONT_MATTER_FIELDS: &[&str] = &[
    "title", "summary", "tags", "audience", "order", "minutes", "slug", "draft", "card", "search",
];

/// Chapter metadata, as written between the `---` lines.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub tags: OneOrMany,
    #[serde(default)]
    pub audience: OneOrMany,
    pub order: Option<i64>,
    pub minutes: Option<u32>,
    pub slug: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub card: Option<CardSetting>,
    /// `search: false` keeps a chapter out of the search index.
    pub search: Option<bool>,
    /// Old addresses that redirect to this chapter (see `redirects.rs`).
    #[serde(default)]
    pub aliases: OneOrMany,
}

/// A list that may be written as a single value (`tags: culture`).
#[derive(Debug, Clone, Default)]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a word or a list of words like [communication, empathy]")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![v.to_owned()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<String>()? {
                    out.push(v);
                }
                Ok(OneOrMany(out))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// `card: false`, or `card: { when: ..., title: ... }`.
#[derive(Debug, Clone)]
pub enum CardSetting {
    Enabled(bool),
    Details(CardDetails),
}

impl<'de> Deserialize<'de> for CardSetting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = CardSetting;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`false`, or `when:` and `title:` lines indented under `card:`")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<CardSetting, E> {
                Ok(CardSetting::Enabled(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<CardSetting, A::Error> {
                CardDetails::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(CardSetting::Details)
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardDetails {
    pub when: Option<String>,
    pub title: Option<String>,
}

/// Part metadata from `_part.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartMeta {
    pub title: Option<String>,
    pub order: Option<i64>,
    #[serde(default)]
    pub intro: String,
}

/// Parses YAML that starts on `first_line` of `path`, with positions in the file's terms.
pub fn parse_yaml<T: for<'de> Deserialize<'de> + Default>(
    yaml: &str,
    first_line: usize,
    path: &Path,
) -> Result<T, Diagnostic> {
    if yaml.trim().is_empty() {
        return Ok(T::default());
    }
    serde_yaml::from_str(yaml).map_err(|e| yaml_diagnostic(&e, first_line, path))
}

fn yaml_diagnostic(e: &serde_yaml::Error, first_line: usize, path: &Path) -> Diagnostic {
    let pos = e.location().map_or(Pos::new(first_line, 1), |l| {
        Pos::new(l.line() + first_line - 1, l.column())
    });
    let raw = e.to_string();
    // serde_yaml appends " at line L column C" in the block's terms; the position is ours.
    let message = raw.split(" at line ").next().unwrap_or(&raw).to_owned();
    let d = Diagnostic::error(path, pos, format!("invalid front matter: {message}"));
    if let Some(field) = message
        .strip_prefix("unknown field `")
        .and_then(|m| m.split('`').next())
    {
        let short = message
            .split(", expected")
            .next()
            .unwrap_or(&message)
            .to_owned();
        Diagnostic::error(path, pos, format!("invalid front matter: {short}")).with_hint(
            crate::diag::suggestion(field, FRONT_MATTER_FIELDS.iter().copied()),
        )
    } else if message.contains("mapping values are not allowed") {
        d.with_hint(
            "a value that contains `: ` must be in quotes, e.g. title: \"Hold: when and how\"",
        )
    } else {
        d
    }
}

/// Best-effort position of `value` inside the `key:` entry of a YAML block starting at
/// `first_line`, so errors about a field's value point at the value itself.
pub fn locate_in_yaml(yaml: &str, first_line: usize, key: &str, value: &str) -> Pos {
    let mut in_key = false;
    for (i, line) in yaml.lines().enumerate() {
        let starts_key = !line.starts_with([' ', '\t', '-']) && line.contains(':');
        if starts_key {
            in_key = line.trim_start().starts_with(&format!("{key}:"));
        }
        if in_key {
            let search_from = if starts_key { key.len() + 1 } else { 0 };
            if let Some(col) = line.get(search_from..).and_then(|rest| rest.find(value)) {
                let byte = search_from + col;
                return Pos::new(first_line + i, line[..byte].chars().count() + 1);
            }
        }
    }
    yaml.lines()
        .position(|l| l.starts_with(&format!("{key}:")))
        .map_or(Pos::new(first_line, 1), |i| Pos::new(first_line + i, 1))
}

/// Resolves `.` and `..` without touching the file system; `None` if it climbs above the start.
pub fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::Normal(n) => out.push(n),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Result<Split<'_>, Diagnostic> {
        split_front_matter(text, Path::new("c.md"))
    }

    #[test]
    fn splits_front_matter_and_body() {
        let s = split("---\ntitle: A\n---\n# Body\n").unwrap();
        assert_eq!(s.yaml, Some(("title: A\n", 2)));
        assert_eq!(s.body_start, "---\ntitle: A\n---\n".len());
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(split("# Hi\n").unwrap().yaml, None);
        assert_eq!(split("").unwrap().yaml, None);
    }

    #[test]
    fn crlf_and_dots_close() {
        let s = split("---\r\ntitle: A\r\n...\r\nbody").unwrap();
        assert_eq!(s.yaml, Some(("title: A\r\n", 2)));
    }

    #[test]
    fn unclosed_is_an_error_with_hint() {
        let e = split("---\ntitle: A\n# Body\n").unwrap_err();
        assert_eq!((e.line, e.col), (1, 1));
        assert!(e.hint.unwrap().contains("---"));
    }

    #[test]
    fn yaml_errors_use_file_lines() {
        let e =
            parse_yaml::<FrontMatter>("title: A\ntags: [a\n", 2, Path::new("c.md")).unwrap_err();
        assert!(e.line >= 3, "line {}", e.line);
        let e =
            parse_yaml::<FrontMatter>("title: A\ntitel: B\n", 2, Path::new("c.md")).unwrap_err();
        assert_eq!((e.line, e.col), (3, 1));
        assert!(e.message.contains("unknown field `titel`"), "{}", e.message);
    }

    #[test]
    fn locates_values() {
        let yaml = "title: A\ntags: [communication, empaty]\n";
        assert_eq!(locate_in_yaml(yaml, 2, "tags", "empaty"), Pos::new(3, 23));
        let yaml = "tags:\n  - culture\n  - strss\n";
        assert_eq!(locate_in_yaml(yaml, 2, "tags", "strss"), Pos::new(4, 5));
    }

    #[test]
    fn single_tag_is_a_list() {
        let fm: FrontMatter =
            parse_yaml("tags: culture\ncard: false\n", 2, Path::new("c.md")).unwrap();
        assert_eq!(fm.tags.0, ["culture"]);
        assert!(matches!(fm.card, Some(CardSetting::Enabled(false))));
    }

    #[test]
    fn normalize_refuses_to_escape() {
        assert_eq!(
            normalize(Path::new("a/../b/./c.md")),
            Some(PathBuf::from("b/c.md"))
        );
        assert_eq!(normalize(Path::new("../x.md")), None);
    }
}
