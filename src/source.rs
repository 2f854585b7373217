//! Reading the chapters folder: walk it, read files in parallel, split front matter
//! from the Markdown body and parse it, keeping line numbers for diagnostics.

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, LineIndex, Pos};
pub use crate::textfile::OneOrMany;

/// What the walk found under the chapters folder, relative to it.
#[derive(Debug, Default)]
pub struct Listing {
    pub chapters: Vec<PathBuf>,
    /// Section pages: `<folder>/_part.yaml`, or a folder's own page (`index.md`,
    /// `README.md`, `_index.md`; see [`is_folder_page`]), at any depth; the chapters
    /// folder's own is the home page's text.
    pub part_files: Vec<PathBuf>,
    /// Every other file (images, PDFs...), copied to the site as they are.
    pub assets: Vec<PathBuf>,
    /// Translations: chapters and part files whose name ends in a language code
    /// (`listening.es.md`, `_part.es.yaml`); see `crate::translations`.
    pub translations: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lists `dir` in a stable order. Hidden entries are skipped. Symbolic links are followed only where `links` allows; a refused link is
/// reported once, and nothing under it is listed.
pub fn walk(dir: &Path, links: &LinkPolicy) -> Listing {
    let mut listing = Listing::default();
    if let Err(d) = links.check(dir) {
        listing.diagnostics.push(d);
        return listing;
    }
    let mut refused = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if is_hidden(e.file_name()) {
                return false;
            }
            if e.path_is_symlink() {
                if let Err(d) = links.check(e.path()) {
                    refused.push(d);
                    return false;
                }
            }
            true
        });
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
    listing.diagnostics.append(&mut refused);
    listing
}

/// Where symbolic links in a book may lead: into the book's own folder (the one holding
/// book.toml), or into a folder `[build] allow-symlinks-to` names. Paths are compared
/// after resolving every link, so `a/../..` tricks and links to links are seen through.
#[derive(Debug, Clone, Default)]
pub struct LinkPolicy {
    /// The book's folder, resolved.
    book: PathBuf,
    /// Folders links may point into, resolved: the book's, the allowed ones, and the
    /// chapters folder when book.toml places it outside the book on purpose.
    roots: Vec<PathBuf>,
}

impl LinkPolicy {
    pub fn new(root: &Path, config: &crate::config::Config) -> LinkPolicy {
        let resolve = |p: &Path| {
            std::fs::canonicalize(p)
                .or_else(|_| std::path::absolute(p))
                .unwrap_or_else(|_| p.to_path_buf())
        };
        let book = resolve(root);
        let mut roots = vec![book.clone()];
        for allowed in &config.build.allow_symlinks_to {
            // book.toml's check made sure each exists; one removed since is no root.
            if let Ok(p) = std::fs::canonicalize(root.join(allowed)) {
                roots.push(p);
            }
        }
        let source = &config.build.source;
        if source.is_absolute() || normalize(source).is_none() {
            roots.push(resolve(&root.join(source)));
        }
        LinkPolicy { book, roots }
    }

    /// Whether `path` may be read: wherever links lead it, it must really be inside one
    /// of the allowed folders. A path that is no link and does not exist passes, for the
    /// reader to report.
    pub fn check(&self, path: &Path) -> Result<(), Diagnostic> {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let target = match std::fs::canonicalize(path) {
            Ok(t) => t,
            Err(_) if !is_link => return Ok(()),
            Err(e) => {
                let shown = std::fs::read_link(path).unwrap_or_default();
                return Err(Diagnostic::error(
                    path,
                    Pos::FILE,
                    format!(
                        "this symbolic link points to `{}`, which cannot be read: {e}",
                        shown.display()
                    ),
                )
                .with_hint("fix the link, or delete it"));
            }
        };
        if self.roots.iter().any(|r| target.starts_with(r)) {
            return Ok(());
        }
        let folder = if target.is_dir() {
            target.as_path()
        } else {
            target.parent().unwrap_or(&target)
        };
        let what = if is_link {
            "this symbolic link points to"
        } else {
            "this is reached through a symbolic link and really is"
        };
        Err(Diagnostic::error(
            path,
            Pos::FILE,
            format!(
                "{what} `{}`, outside the book's folder; carebook does not publish files from outside the book",
                target.display()
            ),
        )
        .with_hint(format!(
            "copy the file into the book instead of linking to it; or, if that folder is meant to be shared, allow it in book.toml with `allow-symlinks-to = [\"{}\"]` under [build]",
            crate::diag::display_path(&relative_to(folder, &self.book))
        )))
    }
}

/// `path` relative to `base` (both resolved), climbing with `..` where needed.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let (p, b): (Vec<_>, Vec<_>) = (path.components().collect(), base.components().collect());
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path.to_path_buf();
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
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
    if let Some((original, _)) = translation_of(&name) {
        // Notes for authors in another language stay unpublished like the README.
        if original != "readme.md" || in_part {
            listing.translations.push(rel);
        }
        return;
    }
    // The chapters folder's own page (index.md, README.md) is the home page's text.
    if is_folder_page(&name) || (in_part && (name == "_part.yaml" || name == "_part.yml")) {
        listing.part_files.push(rel);
    } else if name.ends_with(".md") || name.ends_with(".markdown") {
        listing.chapters.push(rel);
    } else {
        listing.assets.push(rel);
    }
}

/// The original's file name and the language code of a translation's file name:
/// `listening.es.md` → (`listening.md`, `es`); `_part.pt-BR.yaml` → (`_part.yaml`,
/// `pt-BR`). `None` for any other name, `notes.old.md` included (`old` is no language).
pub fn translation_of(name: &str) -> Option<(String, &str)> {
    let (rest, ext) = name.rsplit_once('.')?;
    let (stem, code) = rest.rsplit_once('.')?;
    let text = matches!(ext.to_ascii_lowercase().as_str(), "md" | "markdown");
    // Of YAML files only the part's own; any other is a data file, copied as it is.
    let part = matches!(ext.to_ascii_lowercase().as_str(), "yaml" | "yml")
        && stem.eq_ignore_ascii_case("_part");
    ((text || part) && !stem.is_empty() && crate::language::codes::is_language_tag(code))
        .then(|| (format!("{stem}.{ext}"), code))
}

/// The file names (in lowercase) of a folder's own page in the tools handbooks come
/// from: `index.md` (MkDocs, Docusaurus), `README.md` (GitHub), `_index.md` (Hugo).
/// In a part's folder it gives the part's title and introduction.
pub fn is_folder_page(lowercase_name: &str) -> bool {
    matches!(lowercase_name, "index.md" | "readme.md" | "_index.md")
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
    crate::textfile::decode_text(bytes, path)
}

/// Reads many files in parallel, keeping their order.
pub fn read_all(dir: &Path, rels: &[PathBuf]) -> Vec<Result<String, Diagnostic>> {
    rels.par_iter()
        .map(|rel| read_text(&dir.join(rel)))
        .collect()
}

/// A file split into its front matter and Markdown body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The front matter's text and the 1-based line it starts on, when the file has any.
    pub yaml: Option<(&'a str, usize)>,
    /// Byte offset in the file where the Markdown body starts.
    pub body_start: usize,
    /// The front matter is TOML between `+++` lines (Hugo, Zola), not YAML.
    pub toml: bool,
}

/// Splits front matter from the body: YAML between `---` lines (or closed by `...`),
/// or TOML between `+++` lines as Hugo and Zola write it. A file that starts with
/// neither has no front matter; one that opens it but never closes it is an error.
pub fn split_front_matter<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let none = Split {
        yaml: None,
        body_start: 0,
        toml: false,
    };
    let Some(first_end) = line_end(text, 0) else {
        return Ok(none);
    };
    let fence = text[..first_end].trim_end();
    let toml = fence == "+++";
    if fence != "---" && !toml {
        return Ok(none);
    }
    let yaml_start = next_line(text, first_end);
    let mut at = yaml_start;
    while at < text.len() {
        let end = line_end(text, at).unwrap_or(text.len());
        let line = text[at..end].trim_end();
        if (!toml && (line == "---" || line == "...")) || (toml && line == "+++") {
            return Ok(Split {
                yaml: Some((&text[yaml_start..at], 2)),
                body_start: next_line(text, end),
                toml,
            });
        }
        at = next_line(text, end);
    }
    Err(Diagnostic::error(
        path,
        Pos::new(1, 1),
        format!("front matter starts here with `{fence}` but is never closed"),
    )
    .with_hint(format!(
        "add a line with only `{fence}` after the last metadata line (title, tags, ...)"
    )))
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
    "title",
    "summary",
    "tags",
    "audience",
    "order",
    "minutes",
    "class-minutes",
    "slug",
    "draft",
    "card",
    "search",
    "owner",
    "reviewed",
    "review-every",
    "changes",
    "aliases",
    "translated-from",
];

/// Keys other tools use for carebook's own: `description` (Hugo, MkDocs, Docusaurus)
/// is read as `summary`, `weight` (Hugo) as `order`, when the page does not give
/// carebook's own (Hugo has a `summary` too; then `description` stays another key).
pub const FRONT_MATTER_ALIASES: &[&str] = &["description", "weight"];

/// Keys other tools write that are a letter or two from one of carebook's; they are
/// kept like any other foreign key, never taken for a misspelling.
const FOREIGN_KEYS: &[&str] = &["page", "pages", "date", "type", "icon", "lang", "math"];

/// Chapter metadata, as written between the `---` (or `+++`) lines. Keys it does not
/// name are kept apart by [`parse_front_matter`], for templates.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub tags: OneOrMany,
    #[serde(default)]
    pub audience: OneOrMany,
    pub order: Option<i64>,
    pub minutes: Option<u32>,
    /// Minutes to teach it in a class, practice included; course pack agendas use it
    /// instead of `minutes` (reading time).
    #[serde(rename = "class-minutes")]
    pub class_minutes: Option<u32>,
    pub slug: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub card: Option<CardSetting>,
    /// `search: false` keeps a chapter out of the search index.
    pub search: Option<bool>,
    /// Who keeps the chapter true (a person or a team).
    pub owner: Option<String>,
    /// When it was last reviewed (YYYY-MM-DD); checked by the review module.
    pub reviewed: Option<Text>,
    /// How often it must be reviewed ("180 days"), overriding its part and the book.
    #[serde(rename = "review-every")]
    pub review_every: Option<Text>,
    /// Dated one-line notes for "What's new".
    #[serde(default)]
    pub changes: Vec<ChangeNote>,
    /// Old addresses that redirect to this chapter (see `redirects.rs`).
    #[serde(default)]
    pub aliases: OneOrMany,
    /// In a translation: the fingerprint of the original it follows, written by
    /// `carebook translations stamp` (see `crate::translations`).
    #[serde(rename = "translated-from")]
    pub translated_from: Option<Text>,
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
    /// The owner of the part's chapters that name none.
    pub owner: Option<String>,
    /// How often the part's chapters must be reviewed, overriding the book.
    #[serde(rename = "review-every")]
    pub review_every: Option<Text>,
    /// In a translation (`_part.es.yaml`): the original's fingerprint.
    #[serde(rename = "translated-from")]
    pub translated_from: Option<Text>,
    /// The file this came from, for locating problems in it.
    #[serde(skip)]
    pub file: std::path::PathBuf,
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
    check_yaml_shape(yaml, first_line, path, None)?;
    serde_yaml::from_str(yaml).map_err(|e| yaml_diagnostic(&e, first_line, path))
}

/// Front-matter keys carebook does not read, with their values, for templates
/// (`chapter.extra.<key>`): what Hugo, MkDocs or a wiki export wrote for themselves.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// Parses a chapter's front matter (YAML, or TOML when `toml`) that starts on
/// `first_line` of `path`. Keys carebook does not know are returned apart, not refused:
/// a handbook written for another tool keeps its own. A key a letter or two from one of
/// carebook's (`tittle`, `tag`) is an error at the key, with the likely intended one.
pub fn parse_front_matter(
    meta: &str,
    first_line: usize,
    path: &Path,
    toml: bool,
) -> Result<(FrontMatter, Extra), Diagnostic> {
    if meta.trim().is_empty() {
        return Ok(Default::default());
    }
    if toml {
        return parse_toml_front_matter(meta, first_line, path);
    }
    // The top-level keys come from the same pass over the parser's events that checks
    // the shape: a third parse of every chapter's front matter cost more than a tenth
    // of loading a book.
    let mut marks = Vec::new();
    check_yaml_shape(meta, first_line, path, Some(&mut marks))?;
    let mut fm: FrontMatter =
        serde_yaml::from_str(meta).map_err(|e| yaml_diagnostic(&e, first_line, path))?;
    let keys: Vec<(String, Pos)> = marks
        .into_iter()
        .map(|(key, mark)| (key, mark_pos(meta, first_line, mark)))
        .collect();
    misspelt_key(&keys, path)?;
    let mut extra = Extra::new();
    if keys.iter().any(|(k, _)| !is_own_key(k)) {
        if let Ok(serde_yaml::Value::Mapping(map)) = serde_yaml::from_str(meta) {
            for (k, v) in map {
                let Some(k) = k.as_str().filter(|k| !is_own_key(k)) else {
                    continue;
                };
                // A value JSON cannot hold (a mapping with list keys) is left out.
                if let Ok(v) = serde_json::to_value(v) {
                    extra.insert(k.to_owned(), v);
                }
            }
        }
    }
    read_aliases(&mut fm, &mut extra);
    Ok((fm, extra))
}

/// `description` as the summary and `weight` as the order, unless the page gives its
/// own; what is read is no longer another tool's key.
fn read_aliases(fm: &mut FrontMatter, extra: &mut Extra) {
    let [description, weight] = ["description", "weight"];
    if fm.summary.is_none() {
        if let Some(serde_json::Value::String(d)) = extra.get(description) {
            fm.summary = Some(d.clone());
            extra.remove(description);
        }
    }
    if fm.order.is_none() {
        if let Some(w) = extra.get(weight).and_then(serde_json::Value::as_i64) {
            fm.order = Some(w);
            extra.remove(weight);
        }
    }
}

fn parse_toml_front_matter(
    meta: &str,
    first_line: usize,
    path: &Path,
) -> Result<(FrontMatter, Extra), Diagnostic> {
    let shift = |p: Pos| Pos {
        line: p.line + first_line - 1,
        ..p
    };
    let at = |e: &toml::de::Error| {
        shift(
            e.span()
                .map_or(Pos::new(1, 1), |s| LineIndex::new(meta).span(s)),
        )
    };
    let table: toml::Table = toml::from_str(meta).map_err(|e| {
        Diagnostic::error(
            path,
            at(&e),
            format!("invalid front matter: {}", e.message().trim()),
        )
        .with_hint("front matter between `+++` lines is TOML: `title = \"Holding a call\"`, `tags = [\"calls\"]`")
    })?;
    let spans = crate::config::TomlSpans::new(meta);
    let keys: Vec<(String, Pos)> = table
        .keys()
        .map(|k| (k.clone(), shift(spans.key(&[k]))))
        .collect();
    misspelt_key(&keys, path)?;
    let mut fm: FrontMatter = toml::from_str(meta).map_err(|e| {
        Diagnostic::error(
            path,
            at(&e),
            format!("invalid front matter: {}", e.message().trim()),
        )
    })?;
    let mut extra = table
        .into_iter()
        .filter(|(k, _)| !is_own_key(k))
        .map(|(k, v)| (k, toml_to_json(v)))
        .collect();
    read_aliases(&mut fm, &mut extra);
    Ok((fm, extra))
}

/// A TOML value as JSON for templates; dates become their text.
fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// Whether `key` is one of carebook's own (another tool's name for one of them is not).
pub fn is_own_key(key: &str) -> bool {
    FRONT_MATTER_FIELDS.contains(&key)
}

/// The first key that looks like a misspelling of one of carebook's, as an error.
fn misspelt_key(keys: &[(String, Pos)], path: &Path) -> Result<(), Diagnostic> {
    let own = || {
        FRONT_MATTER_FIELDS
            .iter()
            .chain(FRONT_MATTER_ALIASES)
            .copied()
    };
    for (key, pos) in keys {
        let known =
            FRONT_MATTER_ALIASES.contains(&key.as_str()) || FOREIGN_KEYS.contains(&key.as_str());
        if is_own_key(key) || known {
            continue;
        }
        if let Some(best) = crate::diag::did_you_mean(key, own()) {
            return Err(Diagnostic::error(
                path,
                pos.wide(key.chars().count()),
                format!("invalid front matter: unknown field `{key}`"),
            )
            .with_hint(format!("did you mean `{best}`?")));
        }
    }
    Ok(())
}

/// How deeply lists and mappings may nest in front matter and pack files. Real metadata
/// needs three or four levels; the YAML parser slows down quadratically with depth, so
/// deeper text is refused before it is parsed whole.
pub const MAX_YAML_DEPTH: usize = 64;

/// Walks the parser's events for what serde_yaml reports badly or slowly: nesting past
/// [`MAX_YAML_DEPTH`] (stopping at the first level too deep, so the cost stays small) and
/// a key given twice in one mapping (reported at the second, naming the first's line).
/// Syntax errors are left to serde_yaml, which explains them. `top_keys` gets the
/// top-level mapping's keys with where they start.
fn check_yaml_shape(
    yaml: &str,
    first_line: usize,
    path: &Path,
    mut top_keys: Option<&mut Vec<(String, yaml_events::Mark)>>,
) -> Result<(), Diagnostic> {
    use std::collections::HashMap;
    use yaml_events::Event;
    enum Frame {
        Sequence,
        /// The keys seen so far with their positions, and whether a key comes next.
        Mapping {
            keys: HashMap<Vec<u8>, Pos>,
            key_next: bool,
        },
    }
    let at = |m: yaml_events::Mark| Pos::new(first_line + m.line, m.column + 1);
    let mut stack: Vec<Frame> = Vec::new();
    let mut found = None;
    yaml_events::for_each(yaml, |event, mark| {
        let is_key = match (&event, stack.last_mut()) {
            (
                Event::Scalar(_) | Event::Alias | Event::SequenceStart | Event::MappingStart,
                Some(Frame::Mapping { key_next, .. }),
            ) => std::mem::replace(key_next, !*key_next),
            _ => false,
        };
        match event {
            Event::Scalar(value) if is_key => {
                if let Some(Frame::Mapping { keys, .. }) = stack.last_mut() {
                    if let Some(first) = keys.get(value) {
                        let key = String::from_utf8_lossy(value);
                        found = Some(
                            Diagnostic::error(
                                path,
                                at(mark),
                                format!(
                                    "invalid front matter: `{key}` is given twice; the first is on line {}",
                                    first.line
                                ),
                            )
                            .with_hint(format!(
                                "keep one `{key}:` line and delete the other (a second one would silently replace the first)"
                            )),
                        );
                        return false;
                    }
                    keys.insert(value.to_vec(), at(mark));
                    if stack.len() == 1 {
                        if let Some(top) = top_keys.as_deref_mut() {
                            top.push((String::from_utf8_lossy(value).into_owned(), mark));
                        }
                    }
                }
            }
            Event::SequenceStart | Event::MappingStart => {
                if stack.len() == MAX_YAML_DEPTH {
                    found = Some(
                        Diagnostic::error(
                            path,
                            at(mark),
                            format!(
                                "invalid front matter: lists and mappings are nested more than {MAX_YAML_DEPTH} levels deep here"
                            ),
                        )
                        .with_hint(
                            "metadata needs only a few levels, like `tags: [a, b]`; remove the extra `[`, `{` or `-` (carebook stops reading here so a file like this cannot stall the build)",
                        ),
                    );
                    return false;
                }
                stack.push(if matches!(event, Event::MappingStart) {
                    Frame::Mapping {
                        keys: HashMap::new(),
                        key_next: true,
                    }
                } else {
                    Frame::Sequence
                });
            }
            Event::End => {
                stack.pop();
            }
            _ => {}
        }
        true
    });
    found.map_or(Ok(()), Err)
}

/// The YAML parser's event stream, from unsafe-libyaml (the parser serde_yaml runs),
/// behind a safe function.
mod yaml_events {
    use std::mem::MaybeUninit;
    use unsafe_libyaml as unsafe_sys;

    pub enum Event<'a> {
        Scalar(&'a [u8]),
        Alias,
        SequenceStart,
        MappingStart,
        /// The end of a sequence or a mapping.
        End,
        /// Stream and document boundaries.
        Other,
    }

    /// Where an event starts: 0-based line, 0-based column in characters.
    #[derive(Clone, Copy)]
    pub struct Mark {
        pub line: usize,
        pub column: usize,
    }

    /// The parser, on the heap because it points to itself once given its input.
    struct Parser(Box<MaybeUninit<unsafe_sys::yaml_parser_t>>);

    impl Drop for Parser {
        fn drop(&mut self) {
            // SAFETY: initialized in `for_each` before this value is made.
            unsafe { unsafe_sys::yaml_parser_delete(self.0.as_mut_ptr()) }
        }
    }

    /// Calls `f` with each event of `text` in order, until `f` returns false, the text
    /// ends, or it does not parse.
    pub fn for_each(text: &str, mut f: impl FnMut(Event<'_>, Mark) -> bool) {
        let mut boxed = Box::new(MaybeUninit::<unsafe_sys::yaml_parser_t>::uninit());
        // SAFETY: `yaml_parser_initialize` fills the whole struct (zeroed, then buffers).
        if unsafe { unsafe_sys::yaml_parser_initialize(boxed.as_mut_ptr()) }.fail {
            return;
        }
        let mut parser = Parser(boxed);
        let p = parser.0.as_mut_ptr();
        // SAFETY: `text` outlives `parser`, which is dropped at the end of this function;
        // the parser stays in its box, so the pointer it keeps to itself stays valid.
        unsafe {
            unsafe_sys::yaml_parser_set_encoding(p, unsafe_sys::YAML_UTF8_ENCODING);
            unsafe_sys::yaml_parser_set_input_string(p, text.as_ptr(), text.len() as u64);
        }
        loop {
            let mut raw = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
            // SAFETY: the parser is initialized; on success the event is filled in and
            // is deleted below, after the last use of the scalar bytes it owns.
            unsafe {
                if unsafe_sys::yaml_parser_parse(p, raw.as_mut_ptr()).fail {
                    return;
                }
                let ev = raw.as_mut_ptr();
                let mark = Mark {
                    line: (*ev).start_mark.line as usize,
                    column: (*ev).start_mark.column as usize,
                };
                let kind = (*ev).type_;
                let event = match kind {
                    unsafe_sys::YAML_SCALAR_EVENT => {
                        let s = (*ev).data.scalar;
                        Event::Scalar(if s.value.is_null() || s.length == 0 {
                            &[]
                        } else {
                            std::slice::from_raw_parts(s.value, s.length as usize)
                        })
                    }
                    unsafe_sys::YAML_ALIAS_EVENT => Event::Alias,
                    unsafe_sys::YAML_SEQUENCE_START_EVENT => Event::SequenceStart,
                    unsafe_sys::YAML_MAPPING_START_EVENT => Event::MappingStart,
                    unsafe_sys::YAML_SEQUENCE_END_EVENT | unsafe_sys::YAML_MAPPING_END_EVENT => {
                        Event::End
                    }
                    _ => Event::Other,
                };
                let go_on = f(event, mark);
                unsafe_sys::yaml_event_delete(ev);
                if !go_on || kind == unsafe_sys::YAML_STREAM_END_EVENT {
                    return;
                }
            }
        }
    }
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
        let pos = pos.wide(field.chars().count());
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

/// Where `value` is under the top-level `key` of the YAML text `yaml` (front matter
/// whose first line is line `first_line` of its file), from the YAML parser's marks:
/// the value's first character (inside quotes), else the key, else the first line.
pub fn locate_in_yaml(yaml: &str, first_line: usize, key: &str, value: &str) -> Pos {
    let mut found = None;
    let mut key_at = None;
    walk_scalars(yaml, |top_key, scalar, is_key, mark| {
        if top_key != Some(key) {
            return true;
        }
        if is_key && key_at.is_none() {
            key_at = Some(mark);
        }
        if !is_key && !value.is_empty() && scalar.contains(value) {
            found = Some((mark, scalar != value));
            return false;
        }
        true
    });
    match (found, key_at) {
        // Part of a longer value (a `{{ fact.x }}` in a title): where the part is, on
        // the value's first line, when it is written there as it reads.
        (Some((mark, true)), _) => {
            let line = yaml.lines().nth(mark.line).unwrap_or_default();
            let from: usize = line.chars().take(mark.column).map(char::len_utf8).sum();
            match line.get(from..).and_then(|rest| rest.find(value)) {
                Some(at) => Pos::new(
                    first_line + mark.line,
                    line[..from + at].chars().count() + 1,
                )
                .wide(first_line_width(value)),
                None => mark_pos(yaml, first_line, mark),
            }
        }
        (Some((mark, false)), _) => mark_pos(yaml, first_line, mark).wide(first_line_width(value)),
        (None, Some(mark)) => mark_pos(yaml, first_line, mark).wide(first_line_width(key)),
        (None, None) => Pos::new(first_line, 1),
    }
}

/// Where the first scalar equal to `value` is anywhere in `yaml`, from the parser's
/// marks; the first line when there is none.
pub fn locate_scalar(yaml: &str, first_line: usize, value: &str) -> Pos {
    let mut found = None;
    walk_scalars(yaml, |_, scalar, is_key, mark| {
        if !is_key && scalar == value {
            found = Some(mark);
            return false;
        }
        true
    });
    found.map_or(Pos::new(first_line, 1), |m| {
        mark_pos(yaml, first_line, m).wide(first_line_width(value))
    })
}

/// How many characters a value covers on the line it starts on.
fn first_line_width(value: &str) -> usize {
    value.lines().next().map_or(1, |l| l.chars().count())
}

/// A parser mark as a file position, stepping inside an opening quote.
fn mark_pos(yaml: &str, first_line: usize, mark: yaml_events::Mark) -> Pos {
    let quoted = yaml
        .lines()
        .nth(mark.line)
        .and_then(|l| l.chars().nth(mark.column))
        .is_some_and(|c| c == '"' || c == '\'');
    Pos::new(
        first_line + mark.line,
        mark.column + 1 + usize::from(quoted),
    )
}

/// Calls `f` with each scalar of a YAML mapping: the top-level key it is under (`None`
/// outside the top mapping), its text, whether it is the top-level key itself, and
/// where it starts; stops when `f` returns false.
fn walk_scalars(
    yaml: &str,
    mut f: impl FnMut(Option<&str>, &str, bool, yaml_events::Mark) -> bool,
) {
    use yaml_events::Event;
    // Per open mapping or sequence: whether the next node of the top mapping is a key.
    let mut depth = 0usize;
    let mut key_next = true;
    let mut top_key: Option<String> = None;
    yaml_events::for_each(yaml, |event, mark| match event {
        Event::Scalar(bytes) => {
            let text = String::from_utf8_lossy(bytes);
            if depth == 1 && key_next {
                top_key = Some(text.clone().into_owned());
                key_next = false;
                return f(top_key.as_deref(), &text, true, mark);
            }
            if depth == 1 {
                key_next = true;
            }
            f(top_key.as_deref(), &text, false, mark)
        }
        Event::Alias => {
            if depth == 1 {
                key_next = !key_next;
            }
            true
        }
        Event::MappingStart | Event::SequenceStart => {
            depth += 1;
            true
        }
        Event::End => {
            depth = depth.saturating_sub(1);
            if depth == 1 {
                key_next = true;
            }
            true
        }
        Event::Other => true,
    });
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
    fn toml_front_matter_between_plus_lines() {
        let s = split("+++\ntitle = \"A\"\n+++\nbody").unwrap();
        assert_eq!((s.yaml, s.toml), (Some(("title = \"A\"\n", 2)), true));
        let e = split("+++\ntitle = \"A\"\n---\n").unwrap_err();
        assert!(e.message.contains("`+++`"), "{}", e.message);
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
            parse_front_matter("title: A\ntitel: B\n", 2, Path::new("c.md"), false).unwrap_err();
        assert_eq!((e.line, e.col), (3, 1));
        assert!(e.message.contains("unknown field `titel`"), "{}", e.message);
        assert_eq!(e.hint.as_deref(), Some("did you mean `title`?"));
        // In TOML too, at the key, from the TOML parser's spans.
        let e = parse_front_matter(
            "title = \"A\"\n  sumary = \"B\"\n",
            2,
            Path::new("c.md"),
            true,
        )
        .unwrap_err();
        assert_eq!((e.line, e.col), (3, 3));
        assert_eq!(e.hint.as_deref(), Some("did you mean `summary`?"));
        let e = parse_front_matter("title = [\n", 2, Path::new("c.md"), true).unwrap_err();
        assert_eq!(e.line, 3, "{}", e.message);
    }

    #[test]
    fn other_tools_keys_are_kept_and_theirs_for_ours_are_read() {
        let yaml = "title: A\ndescription: D\nweight: 3\nlayout: page\nhide: [toc]\n";
        let (fm, extra) = parse_front_matter(yaml, 2, Path::new("c.md"), false).unwrap();
        assert_eq!(fm.summary.as_deref(), Some("D"));
        assert_eq!(fm.order, Some(3));
        assert_eq!(extra.keys().collect::<Vec<_>>(), ["hide", "layout"]);
        assert_eq!(extra["hide"], serde_json::json!(["toc"]));
        let toml = "title = \"A\"\ndescription = \"D\"\nweight = 3\ndate = 2024-05-01\n";
        let (fm, extra) = parse_front_matter(toml, 2, Path::new("c.md"), true).unwrap();
        assert_eq!((fm.title.as_deref(), fm.order), (Some("A"), Some(3)));
        assert_eq!(extra["date"], "2024-05-01");
        // Keys other tools use that are near one of carebook's are not taken for typos.
        parse_front_matter(
            "date: 2024-01-01\npage: 2\ntype: doc\n",
            2,
            Path::new("c.md"),
            false,
        )
        .unwrap();
        // Hugo has both: carebook's own wins, and the other is another tool's key.
        let yaml = "summary: S\ndescription: D\nweight: heavy\n";
        let (fm, extra) = parse_front_matter(yaml, 2, Path::new("c.md"), false).unwrap();
        assert_eq!((fm.summary.as_deref(), fm.order), (Some("S"), None));
        assert_eq!(extra["description"], "D");
        assert_eq!(extra["weight"], "heavy");
    }

    #[test]
    fn deep_nesting_is_refused_at_the_first_level_too_deep() {
        let n = 100_000;
        let yaml = format!("title: {}{}\n", "[".repeat(n), "]".repeat(n));
        let e = parse_yaml::<FrontMatter>(&yaml, 2, Path::new("c.md")).unwrap_err();
        // The front matter's mapping is level 1, so the 64th `[` (column 8 + 63) is level 65.
        assert_eq!((e.line, e.col), (2, 71));
        assert!(
            e.message.contains("nested more than 64 levels"),
            "{}",
            e.message
        );
        let yaml = format!("tags:\n{}x\n", "- ".repeat(n));
        let e = parse_yaml::<FrontMatter>(&yaml, 2, Path::new("c.md")).unwrap_err();
        assert_eq!((e.line, e.col), (3, 2 * 63 + 1));
        // Columns count characters, not bytes.
        let yaml = format!("tïtlé: {}\n", "[".repeat(100));
        let e = parse_yaml::<FrontMatter>(&yaml, 2, Path::new("c.md")).unwrap_err();
        assert_eq!((e.line, e.col), (2, 71));
        // Within the limit, the value's type is what is wrong.
        let yaml = format!("title: {}{}\n", "[".repeat(63), "]".repeat(63));
        let e = parse_yaml::<FrontMatter>(&yaml, 2, Path::new("c.md")).unwrap_err();
        assert!(e.message.contains("expected a string"), "{}", e.message);
    }

    #[test]
    fn duplicate_keys_are_reported_at_the_second() {
        let e = parse_yaml::<FrontMatter>("title: A\nsummary: S\ntitle: B\n", 2, Path::new("c.md"))
            .unwrap_err();
        assert_eq!((e.line, e.col), (4, 1));
        assert!(
            e.message
                .contains("`title` is given twice; the first is on line 2"),
            "{}",
            e.message
        );
        let e = parse_yaml::<FrontMatter>("card:\n  when: a\n  when: b\n", 2, Path::new("c.md"))
            .unwrap_err();
        assert_eq!((e.line, e.col), (4, 3));
        // The same key in two mappings of a list is fine.
        let yaml = "title: T\nchapters:\n  - slug: a\n  - slug: b\n";
        let fm = parse_yaml::<crate::config::PackConfig>(yaml, 1, Path::new("p.yaml")).unwrap();
        assert_eq!(fm.chapters.len(), 2);
        // A key that is a value elsewhere is no duplicate.
        parse_yaml::<FrontMatter>("title: summary\nsummary: title\n", 2, Path::new("c.md"))
            .unwrap();
    }

    #[test]
    fn locates_values() {
        let yaml = "title: A\ntags: [communication, empaty]\n";
        assert_eq!(
            locate_in_yaml(yaml, 2, "tags", "empaty"),
            Pos::new(3, 23).wide(6)
        );
        let yaml = "tags:\n  - culture\n  - strss\n";
        assert_eq!(
            locate_in_yaml(yaml, 2, "tags", "strss"),
            Pos::new(4, 5).wide(5)
        );
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

/// A front-matter value read as text whatever YAML made of it (`2026-11-02`, `180`),
/// so a mistake is explained by carebook rather than by the YAML parser.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date like 2026-11-02 or a period like \"180 days\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// One entry of a chapter's `changes:` list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeNote {
    pub date: Text,
    pub note: String,
    /// This change added the page.
    #[serde(default)]
    pub added: bool,
}

/// A chapter's upkeep fields, as written in its front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Upkeep {
    pub owner: Option<String>,
    pub reviewed: Option<String>,
    pub every: Option<String>,
    pub changes: Vec<ChangeNote>,
}

impl Upkeep {
    pub fn from_front_matter(
        owner: Option<String>,
        reviewed: Option<Text>,
        every: Option<Text>,
        changes: Vec<ChangeNote>,
    ) -> Upkeep {
        Upkeep {
            owner: owner.filter(|o| !o.trim().is_empty()),
            reviewed: reviewed.map(|t| t.0),
            every: every.map(|t| t.0),
            changes,
        }
    }

    /// The newest change note's date, when the chapter has valid ones.
    pub fn updated(&self) -> Option<crate::clock::Date> {
        self.changes
            .iter()
            .filter_map(|c| crate::clock::Date::parse(&c.date.0))
            .max()
    }
}

/// A part's upkeep fields from `_part.yaml` (or its `index.md`).
#[derive(Debug, Clone, Default)]
pub struct PartUpkeep {
    pub owner: Option<String>,
    pub every: Option<Text>,
    /// The part's metadata file; empty when it has none.
    pub file: PathBuf,
}
