//! The book model: parts and chapters in reading order, checked once against the
//! configuration. Every output is rendered from this model.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{suggestion, Diagnostic, Pos};
use crate::source::{self, CardDetails, CardSetting, FrontMatter, PartMeta};

pub use crate::paths::RESERVED_FOLDERS;

pub mod summary;
pub mod translated;

/// A chapter's key: its place in reading order. Every per-chapter result (the book's
/// chapter, its rendered Markdown and card fit in the analysis, a page's inputs) is
/// reached through it rather than through bare indexes into parallel lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChapterId(usize);

impl ChapterId {
    pub const fn new(index: usize) -> Self {
        ChapterId(index)
    }
    /// The position in reading order, from 0.
    pub const fn index(self) -> usize {
        self.0
    }
}

impl<T> std::ops::Index<ChapterId> for Vec<T> {
    type Output = T;
    fn index(&self, id: ChapterId) -> &T {
        &self[id.0]
    }
}

impl<T> std::ops::IndexMut<ChapterId> for Vec<T> {
    fn index_mut(&mut self, id: ChapterId) -> &mut T {
        &mut self[id.0]
    }
}

#[derive(Debug, Clone)]
pub struct Book {
    pub config: Config,
    /// The book's folder (where book.toml is).
    pub root: PathBuf,
    /// The folder chapters are read from (book root joined with `[build] source`).
    pub source_dir: PathBuf,
    pub parts: Vec<Part>,
    /// Every chapter, in reading order (part by part).
    pub chapters: Vec<Chapter>,
    /// Non-Markdown files, relative to `source_dir`, copied as they are.
    pub assets: Vec<PathBuf>,
    /// Where symbolic links in the book may lead; a reloaded chapter is checked again.
    pub links: source::LinkPolicy,
    /// Each chapter file's last commit time, when the book is in a Git repository.
    pub history: crate::gitinfo::History,
    /// book.toml declares no `[tags]`, so the tags the chapters use are the vocabulary.
    pub tags_from_chapters: bool,
    /// The sites the book is built as, one per language, the book's own first; one
    /// site when book.toml declares no other `[languages]`.
    pub languages: Vec<translated::SiteLanguage>,
    /// Which of `languages` this book is.
    pub language: usize,
    /// The translations found next to the chapters (only in the book's own language's
    /// `Book`; see `crate::translations`).
    pub translations: translated::Found,
    /// The top folder's own page (`index.md`, `_index.md` or `README.md`): the home
    /// page's text.
    pub home: Option<HomeText>,
    /// Chapters this language's site leaves out (`untranslated = "omit"`): their
    /// source path and where they are, from this site's root (in the book's own
    /// language's site), so links to them still lead somewhere.
    pub elsewhere: Vec<(PathBuf, String)>,
}

/// A section of the book: one folder, at any depth. `Book::parts` lists them in
/// reading order, depth first (a section, then its sub-sections), so a section's own
/// chapters and the chapters of everything under it are each one run of
/// `Book::chapters`.
/// The text the home page shows above its contents, from the chapters folder's own page.
#[derive(Debug, Clone, Default)]
pub struct HomeText {
    /// The Markdown, front matter removed.
    pub text: String,
    /// The file, as shown in diagnostics.
    pub file: PathBuf,
    /// In a translation (`index.es.md`): the original's fingerprint it follows.
    pub translated_from: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Part {
    /// The section's folder relative to the source dir; empty for chapters at the top level.
    pub dir: PathBuf,
    pub title: String,
    /// Markdown introduction.
    pub intro: String,
    pub order: Option<i64>,
    /// The section's own chapters (not its sub-sections'): indexes into `Book::chapters`.
    pub chapters: std::ops::Range<usize>,
    /// The chapters of this section and of every section under it.
    pub all_chapters: std::ops::Range<usize>,
    /// Output path of the part's page, with `/` separators.
    pub out_path: String,
    /// Owner and review period for the part's chapters (`_part.yaml`).
    pub upkeep: crate::source::PartUpkeep,
    /// The section this one is in; `None` for a top-level folder and for the top of
    /// the book.
    pub parent: Option<usize>,
    /// How deep the folder is: 1 for a top-level folder, 0 for the top of the book.
    pub depth: usize,
    /// The sub-sections, in reading order (indexes into `Book::parts`).
    pub children: Vec<usize>,
}

impl Part {
    /// The part's own chapters, in reading order.
    pub fn chapter_ids(&self) -> impl Iterator<Item = ChapterId> + Clone {
        self.chapters.clone().map(ChapterId)
    }
    /// Every chapter of the section and its sub-sections, in reading order.
    pub fn all_chapter_ids(&self) -> impl Iterator<Item = ChapterId> + Clone {
        self.all_chapters.clone().map(ChapterId)
    }
    /// Chapters at the top of the book form a part with no folder and no page (so do
    /// the closing chapters of an mdBook book, after its last part).
    pub fn is_root(&self) -> bool {
        self.depth == 0
    }
}

#[derive(Debug, Clone)]
pub struct Chapter {
    /// Path relative to the source dir.
    pub source: PathBuf,
    /// Path as shown in diagnostics.
    pub path: PathBuf,
    pub slug: String,
    /// The chapter's short name, unique in the book: its slug when no other chapter has
    /// that slug, else one made from its folder path (`team-onboarding`). Desk card and
    /// print anchors and a pack's pages are named by it.
    pub name: String,
    pub title: String,
    pub summary: String,
    pub tags: Vec<String>,
    pub audience: Vec<String>,
    pub order: Option<i64>,
    pub minutes: Option<u32>,
    /// Teaching time in a class (front matter `class-minutes`), for course packs.
    pub class_minutes: Option<u32>,
    /// `None` when the chapter is left off the desk cards (`card: false`).
    pub card: Option<CardDetails>,
    pub search: bool,
    /// Output path with `/` separators, e.g. `communication/listening.html`.
    pub out_path: String,
    pub part: usize,
    /// The whole file; the Markdown body starts at `body_start`.
    pub text: String,
    pub body_start: usize,
    /// The 1-based line the front matter starts on, for locating values in it.
    pub yaml: Option<(usize, usize, usize)>,
    /// Owner, review date and change notes, as written (see `crate::review`).
    pub upkeep: crate::source::Upkeep,
    /// Old addresses (front matter `aliases`) that redirect here.
    pub aliases: Vec<String>,
    /// Front-matter keys carebook does not read (another tool's), for templates.
    pub extra: source::Extra,
    /// Facts used in the front matter, for facts.html.
    pub facts_used: Vec<String>,
    /// The files `{{#include}}`d into the body and where each line came from.
    pub includes: crate::include::Included,
    /// In a translation: `translated-from`, the original's fingerprint it follows.
    pub translated_from: Option<String>,
    /// In another language's site: the chapter is shown in the book's own language
    /// (this code) because it has no translation yet.
    pub untranslated: Option<String>,
    /// How deep SUMMARY.md nests the chapter under the chapters before it in its part
    /// (0 at the top); always 0 in a book ordered by its folders.
    pub nest: usize,
    /// SUMMARY.md lists the chapter: its title is the entry's label, kept when the
    /// file is read again.
    pub listed: bool,
}

impl Chapter {
    /// The chapter's identity: its path in the chapters folder without the extension,
    /// with `/` (`departments/engineering/onboarding`).
    pub fn key(&self) -> String {
        let mut key = slash_path(&self.source);
        if let Some(ext) = self.source.extension() {
            key.truncate(key.len() - ext.len() - 1);
        }
        key
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// Frees the Markdown once it is rendered (a 10,000-chapter book holds ~50 MB of it
    /// otherwise); the front matter stays, so diagnostics can still be located in it.
    /// `body()` is empty afterwards.
    pub fn drop_body(&mut self) {
        self.text.truncate(self.body_start);
        self.text.shrink_to_fit();
    }

    /// Position of a front-matter value, for diagnostics about it.
    pub fn locate(&self, key: &str, value: &str) -> Pos {
        locate_meta(&self.text, self.yaml, key, value)
    }
}

/// Where `value` under `key` is in the front matter at `meta` of `text` (YAML from the
/// YAML parser's marks, TOML from the TOML parser's spans); line 1 without any.
fn locate_meta(text: &str, meta: Option<(usize, usize, usize)>, key: &str, value: &str) -> Pos {
    let Some((start, end, line)) = meta else {
        return Pos::new(1, 1);
    };
    let Some(block) = text.get(start..end) else {
        return Pos::new(line, 1);
    };
    if text.starts_with("+++") {
        let p = crate::config::TomlSpans::new(block).string_in(&[key], value);
        Pos {
            line: p.line + line - 1,
            ..p
        }
    } else {
        source::locate_in_yaml(block, line, key, value)
    }
}

/// Loads the chapters under the configured source folder. Problems are collected, not
/// fatal, so one build reports all of them; a chapter with bad metadata is kept with
/// defaults so links to it still resolve.
pub fn load(root: &Path, mut config: Config) -> (Book, Vec<Diagnostic>) {
    let source_dir = root.join(&config.build.source);
    let links = source::LinkPolicy::new(root, &config);
    let mut listing = source::walk(&source_dir, &links);
    let mut diags = std::mem::take(&mut config.notes);
    diags.append(&mut listing.diagnostics);
    if let Some(file) = summary::find(&source_dir, config.book.is_some()) {
        let listed = summary::load(&file, root, &source_dir, &listing, &config);
        diags.extend(listed.diags);
        diags.extend(foreign_keys_summary(&listed.chapters, &source_dir));
        return finish(
            root,
            config,
            source_dir,
            listing,
            (listed.parts, listed.chapters),
            None,
            links,
            diags,
        );
    }
    let texts = source::read_all(&source_dir, &listing.chapters);
    if config.book.is_some() {
        diags.push(
            Diagnostic::warning(
                source_dir.join(summary::SUMMARY_FILE),
                Pos::FILE,
                "book.toml has mdBook's [book] table but the chapters folder has no SUMMARY.md: chapters are ordered by their folders and file names",
            )
            .with_hint("list the chapters in SUMMARY.md, as mdBook reads them, to give their order and nesting"),
        );
    }
    let drafted: Vec<_> = std::mem::take(&mut listing.chapters)
        .into_par_iter()
        .zip(texts)
        .map(|(rel, text)| {
            let unreadable = text.is_err().then(|| rel.clone());
            (
                draft_chapter(root, &source_dir, rel, text, &config),
                unreadable,
            )
        })
        .collect();
    let mut chapters = Vec::with_capacity(drafted.len());
    for ((chapter, mut d), unreadable) in drafted {
        diags.append(&mut d);
        chapters.extend(chapter);
        // A chapter that cannot be read has its own error; listed with the files, links
        // to it resolve instead of each adding a false "does not exist". The build fails
        // on that error, so nothing of it is published.
        listing.assets.extend(unreadable);
    }
    diags.extend(foreign_keys_summary(&chapters, &source_dir));
    let mut metas = load_part_metas(&source_dir, &listing.part_files, &mut diags);
    let home = metas.remove(Path::new("")).map(|m| HomeText {
        text: m.intro,
        file: m.file,
        translated_from: None,
    });
    let arranged = arrange(chapters, metas);
    finish(
        root, config, source_dir, listing, arranged, home, links, diags,
    )
}

/// The book from its parts and chapters in reading order, checked as a whole.
#[allow(clippy::too_many_arguments)]
fn finish(
    root: &Path,
    mut config: Config,
    source_dir: PathBuf,
    listing: source::Listing,
    (parts, mut chapters): (Vec<Part>, Vec<Chapter>),
    home: Option<HomeText>,
    links: source::LinkPolicy,
    mut diags: Vec<Diagnostic>,
) -> (Book, Vec<Diagnostic>) {
    let tags_from_chapters = config.tags.is_empty();
    if tags_from_chapters {
        tags_as_used(&mut chapters, &mut config.tags);
    } else {
        for ch in &mut chapters {
            declared_tags(&mut ch.tags, &config.tags);
        }
    }
    name_chapters(&mut chapters);
    let history = crate::gitinfo::History::read(&source_dir, config.build.git_dates);
    let languages = translated::site_languages(&config);
    let mut book = Book {
        languages,
        language: 0,
        translations: Default::default(),
        elsewhere: Vec::new(),
        home,
        config,
        root: root.to_path_buf(),
        source_dir,
        parts,
        chapters,
        assets: listing.assets,
        links,
        history,
        tags_from_chapters,
    };
    diags.extend(book.validate());
    book.translations = translated::find(&mut book, listing.translations, &mut diags);
    (book, diags)
}

/// One warning for the whole book naming the front-matter keys carebook does not read
/// (a handbook written for MkDocs or Hugo has many, in every file), with how many files
/// use each, instead of one per file: they are kept for templates, not wrong.
fn foreign_keys_summary(chapters: &[Chapter], source_dir: &Path) -> Option<Diagnostic> {
    let mut counts: indexmap::IndexMap<&str, usize> = indexmap::IndexMap::new();
    let mut files = 0;
    for ch in chapters {
        files += usize::from(!ch.extra.is_empty());
        for key in ch.extra.keys() {
            *counts.entry(key.as_str()).or_default() += 1;
        }
    }
    if files == 0 {
        return None;
    }
    let mut keys: Vec<(&str, usize)> = counts.into_iter().collect();
    keys.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    const SHOWN: usize = 8;
    let mut list: Vec<String> = keys
        .iter()
        .take(SHOWN)
        .map(|(k, n)| format!("{} ({n})", crate::diag::one_line(k)))
        .collect();
    if keys.len() > SHOWN {
        list.push(format!("and {} more", keys.len() - SHOWN));
    }
    let files = if files == 1 {
        "1 file uses keys".to_owned()
    } else {
        format!("{files} files use keys")
    };
    Some(
        Diagnostic::warning(
            source_dir,
            Pos::FILE,
            format!("{files} carebook does not read: {}", list.join(", ")),
        )
        .with_hint("they are kept: a theme's templates can show them as `chapter.extra.<key>`; carebook reads `description` as `summary` and `weight` as `order`"),
    )
}

/// A book.toml without `[tags]`: the tags the chapters use are the vocabulary, each with
/// its page, as in MkDocs and Hugo. A tag written `Customer Support` gets the id
/// `customer-support` (its page's name) and keeps how it was first written as its label.
fn tags_as_used(
    chapters: &mut [Chapter],
    tags: &mut indexmap::IndexMap<String, crate::config::Term>,
) {
    for ch in chapters.iter_mut() {
        for tag in &mut ch.tags {
            let id = term_id(tag);
            tags.entry(id.clone())
                .or_insert_with(|| crate::config::Term {
                    label: tag.trim().to_owned(),
                    description: String::new(),
                });
            *tag = id;
        }
        let mut seen = std::collections::HashSet::new();
        ch.tags.retain(|t| seen.insert(t.clone()));
    }
    tags.sort_by(|a, _, b, _| a.cmp(b));
}

/// A tag written as it is shown (`Customer Support`) where book.toml declares its id
/// (`[tags.customer-support]`) is that tag, as it would be without `[tags]`: declaring
/// the tags a handbook already uses (`carebook init --from`) needs no page changed. A
/// tag whose id is not declared either stays as written, for the check to report.
fn declared_tags(
    tags: &mut Vec<String>,
    declared: &indexmap::IndexMap<String, crate::config::Term>,
) {
    for tag in tags.iter_mut() {
        if !declared.contains_key(tag.as_str()) {
            let id = term_id(tag);
            if declared.contains_key(&id) {
                *tag = id;
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    tags.retain(|t| seen.insert(t.clone()));
}

/// `key` as written in a TOML table header: bare when it can be, else quoted.
fn toml_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare {
        key.to_owned()
    } else {
        format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// A tag as a page name: lowercase letters and digits (any script), single hyphens.
pub fn term_id(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    for c in tag.trim().chars() {
        if c.is_alphanumeric() || c == '_' {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let id = out.trim_end_matches('-');
    if id.is_empty() {
        "tag".to_owned()
    } else {
        id.to_owned()
    }
}

pub(crate) fn draft_chapter(
    root: &Path,
    dir: &Path,
    rel: PathBuf,
    text: Result<String, Diagnostic>,
    config: &Config,
) -> (Option<Chapter>, Vec<Diagnostic>) {
    let path = dir.join(&rel);
    let mut text = match text {
        Ok(t) => t,
        Err(d) => return (None, vec![d]),
    };
    let mut diags = Vec::new();
    let limit = config.build.max_chapter_size;
    if text.len() as u64 > limit.0 {
        diags.push(
            Diagnostic::warning(
                &path,
                Pos::new(1, 1),
                format!(
                    "this chapter is {}, more than the {limit} a chapter should be (`max-chapter-size` in book.toml); chapters this big make every build and every page slow",
                    crate::config::ByteSize(text.len() as u64)
                ),
            )
            .with_hint("split it into several chapters, one per topic, or raise `max-chapter-size` under [build] in book.toml"),
        );
    }
    // A file without front matter is fine: its title comes from its first heading or
    // its name, as on GitHub.
    let (fm, extra, body_start, yaml) = match source::split_front_matter(&text, &path) {
        Ok(split) => {
            let (fm, extra) = match split.yaml {
                Some((meta, line)) => source::parse_front_matter(meta, line, &path, split.toml)
                    .unwrap_or_else(|d| {
                        diags.push(d);
                        Default::default()
                    }),
                None => Default::default(),
            };
            let yaml = split.yaml.map(|(y, line)| {
                let start = y.as_ptr() as usize - text.as_ptr() as usize;
                (start, start + y.len(), line)
            });
            (fm, extra, split.body_start, yaml)
        }
        Err(d) => {
            diags.push(d);
            (FrontMatter::default(), Default::default(), 0, None)
        }
    };
    if fm.draft && !config.build.drafts {
        return (None, diags);
    }
    let (expanded, mut d) = crate::include::expand(
        &text,
        body_start,
        &path,
        root,
        &config.build.snippets,
        &config.language,
    );
    diags.append(&mut d);
    let includes = expanded.map_or_else(Default::default, |(t, inc)| {
        text = t;
        inc
    });
    let body = &text[body_start..];
    // The front matter's title, else the first heading (which the page then does not
    // show twice), else the file's name as words: `working-with-tech.md` reads
    // "Working with tech".
    let title = fm
        .title
        .clone()
        .or_else(|| first_heading(body))
        .unwrap_or_else(|| humanize(&file_stem(&rel)));
    let slug = match &fm.slug {
        Some(s) if is_valid_slug(s) => s.clone(),
        Some(s) => {
            let pos = locate_meta(&text, yaml, "slug", s);
            diags.push(
                Diagnostic::error(
                    &path,
                    pos,
                    format!("`{s}` is not a valid slug: use lowercase letters, digits and hyphens"),
                )
                .with_hint(format!("try `slug: {}`", slugify(s))),
            );
            slugify(s)
        }
        None => slugify(&file_stem(&rel)),
    };
    let out_path = output_path(&rel, &slug);
    let card = match fm.card {
        Some(CardSetting::Enabled(false)) => None,
        Some(CardSetting::Enabled(true)) | None => Some(CardDetails::default()),
        Some(CardSetting::Details(d)) => Some(d),
    };
    let translated_from = translated::read_stamp(fm.translated_from, &path, |v| {
        locate_meta(&text, yaml, "translated-from", v)
    })
    .unwrap_or_else(|d| {
        diags.push(d);
        None
    });
    let mut chapter = Chapter {
        translated_from,
        untranslated: None,
        nest: 0,
        listed: false,
        extra,
        aliases: fm.aliases.0,
        facts_used: Vec::new(),
        includes,
        path,
        slug,
        title,
        summary: fm.summary.unwrap_or_default(),
        tags: fm.tags.0,
        audience: fm.audience.0,
        order: fm.order,
        minutes: fm.minutes,
        class_minutes: fm.class_minutes,
        card,
        search: fm.search.unwrap_or(true),
        upkeep: crate::source::Upkeep::from_front_matter(
            fm.owner,
            fm.reviewed,
            fm.review_every,
            fm.changes,
        ),
        out_path,
        part: 0,
        name: String::new(),
        source: rel,
        body_start,
        yaml,
        text,
    };
    chapter.facts_used = apply_facts_to_front_matter(&mut chapter, &config.facts, &mut diags);
    (Some(chapter), diags)
}

fn file_stem(rel: &Path) -> String {
    rel.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn output_path(rel: &Path, slug: &str) -> String {
    let parent = rel.parent().map(slash_path).unwrap_or_default();
    if parent.is_empty() {
        format!("{slug}.html")
    } else {
        format!("{parent}/{slug}.html")
    }
}

/// A path with `/` separators, as used in URLs.
pub fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The text of the first `# ` heading, if the body starts with one (blank lines aside).
pub fn first_heading(body: &str) -> Option<String> {
    let line = body.lines().find(|l| !l.trim().is_empty())?;
    let text = line.strip_prefix("# ")?.trim().trim_end_matches('#').trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub use crate::url::slugify;

/// "02-getting_started" → "Getting started": folder names as readable titles.
pub fn humanize(name: &str) -> String {
    let stripped = name.trim_start_matches(|c: char| c.is_ascii_digit());
    let stripped = if stripped.len() < name.len() {
        stripped.trim_start_matches(['-', '_', ' ', '.'])
    } else {
        name
    };
    let words = stripped.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name.to_owned(),
    }
}

/// Each folder's section page (`_part.yaml`, else `index.md`, `_index.md`,
/// `README.md`), by folder; the chapters folder's own (`""`) is the home page's text.
fn load_part_metas(
    dir: &Path,
    files: &[PathBuf],
    diags: &mut Vec<Diagnostic>,
) -> HashMap<PathBuf, PartMeta> {
    let mut metas: HashMap<PathBuf, PartMeta> = HashMap::new();
    for rel in files {
        let path = dir.join(rel);
        let part_dir = rel.parent().map(Path::to_path_buf).unwrap_or_default();
        match read_part_meta(&path) {
            Ok(mut meta) => {
                meta.file = path.clone();
                // `_part.yaml` first, then the folder's page: index.md, _index.md, README.md.
                let rank = |p: &Path| {
                    let name = p
                        .file_name()
                        .map(|n| n.to_string_lossy().to_lowercase())
                        .unwrap_or_default();
                    [
                        "_part.yaml",
                        "_part.yml",
                        "index.md",
                        "_index.md",
                        "readme.md",
                    ]
                    .iter()
                    .position(|n| *n == name)
                    .unwrap_or(usize::MAX)
                };
                let top = part_dir.as_os_str().is_empty();
                let (kept, ignored) = match metas.remove(&part_dir) {
                    None => {
                        metas.insert(part_dir, meta);
                        continue;
                    }
                    Some(old) if rank(&old.file) <= rank(&meta.file) => (old, meta),
                    Some(old) => (meta, old),
                };
                let name = |p: &Path| {
                    p.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                };
                // At the top, a README.md beside index.md is the usual notes for people
                // browsing the repository: index.md is the home page, quietly.
                let readme = name(&ignored.file).eq_ignore_ascii_case("readme.md");
                if !(top && readme) {
                    diags.push(
                        Diagnostic::warning(
                            &ignored.file,
                            Pos::FILE,
                            format!(
                                "this part has both `{}` and `{}`; `{}` is ignored",
                                name(&kept.file),
                                name(&ignored.file),
                                name(&ignored.file)
                            ),
                        )
                        .with_hint(
                            "keep the part's title and introduction in one of the two files",
                        ),
                    );
                }
                metas.insert(part_dir, kept);
            }
            Err(d) => diags.push(d),
        }
    }
    metas
}

pub(crate) fn read_part_meta(path: &Path) -> Result<PartMeta, Diagnostic> {
    let text = source::read_text(path)?;
    let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
    if is_yaml {
        return source::parse_yaml(&text, 1, path);
    }
    let split = source::split_front_matter(&text, path)?;
    let (fm, _) = match split.yaml {
        Some((meta, line)) => source::parse_front_matter(meta, line, path, split.toml)?,
        None => Default::default(),
    };
    let body = text[split.body_start..].trim();
    Ok(PartMeta {
        title: fm.title.or_else(|| first_heading(body)),
        order: fm.order,
        intro: body.to_owned(),
        owner: fm.owner,
        review_every: fm.review_every,
        translated_from: fm.translated_from,
        file: PathBuf::new(),
    })
}

/// Makes every folder holding chapters (or a section page) a section, nested as the
/// folders are, and puts sections and chapters in reading order: depth first, a
/// section's own chapters before its sub-sections. Sections are sorted by `order` then
/// folder name, chapters by `order` then title; unordered items come after ordered
/// ones. Chapters at the top of the book come first, as its opening.
fn arrange(
    chapters: Vec<Chapter>,
    mut metas: HashMap<PathBuf, PartMeta>,
) -> (Vec<Part>, Vec<Chapter>) {
    use std::collections::BTreeMap;
    let total = chapters.len();
    // Each folder's chapters, and each folder's sub-folders, by path.
    let mut own: BTreeMap<PathBuf, Vec<Chapter>> = BTreeMap::new();
    let mut subs: BTreeMap<PathBuf, std::collections::BTreeSet<PathBuf>> = BTreeMap::new();
    let add_folder = |dir: &Path, subs: &mut BTreeMap<PathBuf, _>| {
        let mut d = dir.to_path_buf();
        while !d.as_os_str().is_empty() {
            let parent = d.parent().map(Path::to_path_buf).unwrap_or_default();
            let set: &mut std::collections::BTreeSet<PathBuf> =
                subs.entry(parent.clone()).or_default();
            if !set.insert(d.clone()) {
                break; // its ancestors are in already
            }
            d = parent;
        }
    };
    for ch in chapters {
        let dir = ch
            .source
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        add_folder(&dir, &mut subs);
        own.entry(dir).or_default().push(ch);
    }
    for dir in metas.keys() {
        add_folder(dir, &mut subs);
    }
    let mut parts = Vec::new();
    let mut all = Vec::with_capacity(total);
    // The top of the book is a part only when it holds chapters (it has no page).
    if let Some(top) = own.remove(Path::new("")) {
        let mut part = new_part(PathBuf::new(), PartMeta::default(), None, 0);
        push_chapters(&mut part, top, 0, &mut all);
        part.all_chapters = part.chapters.clone();
        parts.push(part);
    }
    let mut top_level: Vec<usize> = Vec::new();
    let roots: Vec<PathBuf> = subs
        .get(Path::new(""))
        .map(|s| s.iter().cloned().collect())
        .unwrap_or_default();
    let mut roots: Vec<(PartMeta, PathBuf)> = roots
        .into_iter()
        .map(|d| (metas.remove(&d).unwrap_or_default(), d))
        .collect();
    sort_sections(&mut roots);
    for (meta, dir) in roots {
        top_level.push(place(
            dir, meta, None, 1, &mut own, &subs, &mut metas, &mut parts, &mut all,
        ));
    }
    (parts, all)
}

/// Puts the section `dir`, its chapters and its sub-sections (depth first) at the end of
/// `parts` and `all`; returns the section's index.
#[allow(clippy::too_many_arguments)]
fn place(
    dir: PathBuf,
    meta: PartMeta,
    parent: Option<usize>,
    depth: usize,
    own: &mut std::collections::BTreeMap<PathBuf, Vec<Chapter>>,
    subs: &std::collections::BTreeMap<PathBuf, std::collections::BTreeSet<PathBuf>>,
    metas: &mut HashMap<PathBuf, PartMeta>,
    parts: &mut Vec<Part>,
    all: &mut Vec<Chapter>,
) -> usize {
    let index = parts.len();
    let chapters = own.remove(&dir).unwrap_or_default();
    let mut part = new_part(dir, meta, parent, depth);
    push_chapters(&mut part, chapters, index, all);
    let start = part.chapters.start;
    let mut children: Vec<(PartMeta, PathBuf)> = subs
        .get(&part.dir)
        .map(|s| {
            s.iter()
                .map(|d| (metas.remove(d).unwrap_or_default(), d.clone()))
                .collect()
        })
        .unwrap_or_default();
    sort_sections(&mut children);
    parts.push(part);
    let mut kids = Vec::with_capacity(children.len());
    for (meta, d) in children {
        kids.push(place(
            d,
            meta,
            Some(index),
            depth + 1,
            own,
            subs,
            metas,
            parts,
            all,
        ));
    }
    parts[index].children = kids;
    parts[index].all_chapters = start..all.len();
    index
}

/// Sets each section's `all_chapters` from its own chapters and its sub-sections'
/// (after chapters were left out of a language's site).
pub fn span_sections(parts: &mut [Part]) {
    for i in (0..parts.len()).rev() {
        let p = &parts[i];
        let end = p
            .children
            .last()
            .map_or(p.chapters.end, |&c| parts[c].all_chapters.end);
        parts[i].all_chapters = p.chapters.start..end;
    }
}

fn new_part(dir: PathBuf, meta: PartMeta, parent: Option<usize>, depth: usize) -> Part {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Part {
        upkeep: crate::source::PartUpkeep {
            owner: meta.owner,
            every: meta.review_every,
            file: meta.file,
        },
        title: meta.title.unwrap_or_else(|| humanize(&name)),
        intro: meta.intro,
        order: meta.order,
        out_path: if dir.as_os_str().is_empty() {
            "index.html".into()
        } else {
            format!("{}/index.html", slash_path(&dir))
        },
        dir,
        chapters: 0..0,
        all_chapters: 0..0,
        parent,
        depth,
        children: Vec::new(),
    }
}

/// Sorts sub-sections by `order`, then folder name.
fn sort_sections(sections: &mut [(PartMeta, PathBuf)]) {
    sections.sort_by(|(a, da), (b, db)| {
        (a.order.is_none(), a.order, da).cmp(&(b.order.is_none(), b.order, db))
    });
}

/// Appends a section's own chapters, sorted by `order` then title, to `all`.
fn push_chapters(part: &mut Part, mut chs: Vec<Chapter>, index: usize, all: &mut Vec<Chapter>) {
    chs.sort_by(|a, b| {
        (a.order.is_none(), a.order, &a.title, &a.source).cmp(&(
            b.order.is_none(),
            b.order,
            &b.title,
            &b.source,
        ))
    });
    let start = all.len();
    for mut ch in chs {
        ch.part = index;
        all.push(ch);
    }
    part.chapters = start..all.len();
}

/// Gives each chapter its short name (see `Chapter::name`): its slug when that is
/// unique, else its folder path and slug joined with hyphens, numbered if even that is
/// taken.
fn name_chapters(chapters: &mut [Chapter]) {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for ch in chapters.iter() {
        *count.entry(ch.slug.as_str()).or_default() += 1;
    }
    let shared: std::collections::HashSet<String> = count
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(s, _)| s.to_owned())
        .collect();
    let mut taken: std::collections::HashSet<String> = chapters
        .iter()
        .filter(|c| !shared.contains(&c.slug))
        .map(|c| c.slug.clone())
        .collect();
    for ch in chapters.iter_mut() {
        if !shared.contains(&ch.slug) {
            ch.name = ch.slug.clone();
            continue;
        }
        let folder = ch.source.parent().map(slash_path).unwrap_or_default();
        let base = if folder.is_empty() {
            ch.slug.clone()
        } else {
            format!("{}-{}", slugify(&folder.replace('/', " ")), ch.slug)
        };
        let mut name = base.clone();
        let mut n = 2;
        while !taken.insert(name.clone()) {
            name = format!("{base}-{n}");
            n += 1;
        }
        ch.name = name;
    }
}

/// Why a chapter's name found no single chapter (see [`Book::find`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotFound {
    /// No chapter has that name or path.
    None,
    /// Several do, in reading order: the name must be written as a path.
    Ambiguous(Vec<ChapterId>),
}

impl Book {
    /// The chapter a pack file or `--chapter` names. A chapter is known by its path
    /// without the extension (`departments/engineering/onboarding`); the end of that path
    /// (`engineering/onboarding`), its slug or its file name (`onboarding`) do as well
    /// when only one chapter has them, and so does its short name (`Chapter::name`).
    pub fn find(&self, written: &str) -> Result<ChapterId, NotFound> {
        let mut name = written
            .trim()
            .trim_start_matches("./")
            .trim_start_matches('/');
        for ext in [".md", ".markdown"] {
            if let Some(stem) = name.strip_suffix(ext) {
                name = stem;
            }
        }
        if name.is_empty() {
            return Err(NotFound::None);
        }
        let one = |ids: Vec<ChapterId>| match ids.len() {
            0 => Err(NotFound::None),
            1 => Ok(ids[0]),
            _ => Err(NotFound::Ambiguous(ids)),
        };
        if name.contains('/') {
            let tail = format!("/{name}");
            return one(self
                .chapter_ids()
                .filter(|&id| {
                    let key = self.chapters[id].key();
                    key == name || key.ends_with(&tail)
                })
                .collect());
        }
        if let Some(i) = self.chapters.iter().position(|c| c.name == name) {
            return Ok(ChapterId(i));
        }
        one(self
            .chapter_ids()
            .filter(|&id| {
                let c = &self.chapters[id];
                c.slug == name || file_stem(&c.source) == name
            })
            .collect())
    }

    /// The shortest end of chapter `id`'s path that names it alone, for messages that
    /// ask the author to write it (`engineering/onboarding`).
    pub fn unique_path(&self, id: ChapterId) -> String {
        let key = self.chapters[id].key();
        let parts: Vec<&str> = key.split('/').collect();
        for from in (0..parts.len().saturating_sub(1)).rev() {
            let tail = parts[from..].join("/");
            if self.find(&tail) == Ok(id) {
                return tail;
            }
        }
        key
    }

    /// Every chapter's id, in reading order.
    pub fn chapter_ids(&self) -> impl Iterator<Item = ChapterId> + Clone {
        (0..self.chapters.len()).map(ChapterId)
    }

    /// Checks that need the whole book: declared tags and audiences, unique output paths.
    /// Slugs need not be unique: a chapter is known by its path (see `Book::find`).
    fn validate(&self) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let mut outs: HashMap<&str, &Chapter> = HashMap::new();
        for p in self.parts.iter().filter(|p| p.depth == 1) {
            let name = p.dir.to_string_lossy();
            if RESERVED_FOLDERS.contains(&name.as_ref()) {
                diags.push(Diagnostic::error(self.source_dir.join(&p.dir), Pos::FILE, format!("a part folder cannot be called `{name}`: carebook writes its own pages there"))
                    .with_hint(format!("rename the folder, e.g. to `{name}-guide`; the part's title can stay the same in its _part.yaml")));
            }
        }
        let reserved = self.reserved_paths();
        for ch in &self.chapters {
            if let Some(what) = reserved.get(ch.out_path.as_str()) {
                diags.push(Diagnostic::error(&ch.path, ch.locate("slug", &ch.slug), format!("this chapter's page would replace {what}"))
                    .with_hint("rename the file or folder, or give the chapter another `slug:` in its front matter"));
            }
            diags.extend(self.validate_terms(ch));
            if let Some(other) = outs.insert(&ch.out_path, ch) {
                diags.push(Diagnostic::error(&ch.path, Pos::new(1, 1), format!("this chapter and `{}` would both be written to `{}`", other.path.display(), ch.out_path))
                    .with_hint("rename one of the files, or give one a different `slug:` in its front matter"));
            }
        }
        diags
    }

    /// Moves problems found in included text to the file and line they are in.
    pub fn remap(&self) -> crate::include::Remap<'_> {
        crate::include::Remap::new(
            self.chapters
                .iter()
                .map(|c| (c.path.as_path(), &c.includes)),
        )
    }

    /// Whether any chapter has change notes, so the book has a "What's new" page.
    pub fn has_changes(&self) -> bool {
        self.chapters.iter().any(|c| !c.upkeep.changes.is_empty())
    }

    /// Whether `[review]` asks for the review report page.
    pub fn has_review_page(&self) -> bool {
        self.config.review.as_ref().is_some_and(|r| r.page)
    }

    /// Where chapter `id`'s desk card is, from the site root.
    pub fn card_href(&self, id: ChapterId) -> String {
        let ch = &self.chapters[id];
        crate::paths::card_href(&self.parts[ch.part].dir, &ch.name)
    }

    /// Pages carebook generates itself, which no chapter may take over. Its own folders
    /// (`RESERVED_FOLDERS`) are refused as part folders, so only these can collide.
    fn reserved_paths(&self) -> HashMap<String, String> {
        let mut r: HashMap<String, String> = HashMap::new();
        for (path, what) in [
            ("index.html", "the home page"),
            ("404.html", "the not-found page"),
            ("print.html", "the printable handbook"),
        ] {
            r.insert(path.to_owned(), what.to_owned());
        }
        if self.has_review_page() {
            r.insert(crate::paths::REVIEW.into(), "the review report".into());
        }
        if self.has_changes() {
            r.insert(crate::paths::WHATS_NEW.into(), "the What's new page".into());
        }
        for p in self.parts.iter().filter(|p| !p.is_root()) {
            r.insert(
                p.out_path.clone(),
                format!("the page of the part “{}”", p.title),
            );
        }
        r
    }

    /// A chapter's tags and audiences must be declared in book.toml.
    pub fn validate_terms(&self, ch: &Chapter) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        self.check_terms(ch, "tags", &ch.tags, self.config.tag_ids(), &mut diags);
        self.check_terms(
            ch,
            "audience",
            &ch.audience,
            self.config.audience_ids(),
            &mut diags,
        );
        diags
    }

    /// Reads chapter `i` again from disk, as `load` would. `None` when it is now a draft.
    pub fn reload_chapter(&self, i: usize) -> (Option<Chapter>, Vec<Diagnostic>) {
        let old = &self.chapters[i];
        let text = self
            .links
            .check(&old.path)
            .and_then(|()| source::read_text(&old.path));
        let (ch, diags) = draft_chapter(
            &self.root,
            &self.source_dir,
            old.source.clone(),
            text,
            &self.config,
        );
        let ch = ch.map(|mut c| {
            if self.tags_from_chapters {
                // A tag no other chapter uses is new to the vocabulary: the checks
                // report it, and the next full build gives it its page.
                for tag in &mut c.tags {
                    *tag = term_id(tag);
                }
            } else {
                declared_tags(&mut c.tags, &self.config.tags);
            }
            // Its short name depends on the other chapters' slugs: kept while its own
            // slug is (a new slug is a change of structure, and the book is read again).
            let name = if c.slug == old.slug {
                old.name.clone()
            } else {
                c.slug.clone()
            };
            let title = if old.listed {
                old.title.clone()
            } else {
                c.title
            };
            Chapter {
                part: old.part,
                name,
                title,
                nest: old.nest,
                listed: old.listed,
                ..c
            }
        });
        (ch, diags)
    }

    fn check_terms<'a>(
        &self,
        ch: &Chapter,
        key: &str,
        used: &[String],
        declared: impl Iterator<Item = &'a str> + Clone,
        diags: &mut Vec<Diagnostic>,
    ) {
        let section = if key == "tags" { "tags" } else { "audiences" };
        for value in used {
            if !declared.clone().any(|d| d == value) {
                let what = if key == "tags" { "tag" } else { "audience" };
                diags.push(
                    Diagnostic::error(
                        &ch.path,
                        ch.locate(key, value),
                        format!("unknown {what} `{value}`; {what}s must be declared in book.toml"),
                    )
                    .with_hint(format!(
                        "{} (or declare it with a [{section}.{}] table in book.toml)",
                        suggestion(value, declared.clone()),
                        toml_key(value)
                    )),
                );
            }
        }
    }

    /// Chapters carrying a tag, in reading order.
    pub fn chapters_tagged<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = ChapterId> + 'a {
        self.chapter_ids()
            .filter(move |&id| self.chapters[id].tags.iter().any(|t| t == tag))
    }

    /// Chapters for an audience, in reading order.
    pub fn chapters_for<'a>(&'a self, audience: &'a str) -> impl Iterator<Item = ChapterId> + 'a {
        self.chapter_ids()
            .filter(move |&id| self.chapters[id].audience.iter().any(|a| a == audience))
    }
}

/// Facts in the front matter's title, summary and card lines. Returns the names used.
fn apply_facts_to_front_matter(
    ch: &mut Chapter,
    facts: &indexmap::IndexMap<String, String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut used = Vec::new();
    let mut fields: Vec<(&str, String)> =
        vec![("title", ch.title.clone()), ("summary", ch.summary.clone())];
    if let Some(card) = &ch.card {
        fields.push(("card", card.when.clone().unwrap_or_default()));
        fields.push(("card", card.title.clone().unwrap_or_default()));
    }
    let mut results = Vec::new();
    for (key, value) in fields {
        let (new, errors) = crate::facts::replace(&value, facts, &mut used);
        for (at, err) in errors {
            let directive = &value[at..];
            let directive = &directive[..directive.find("}}").map_or(directive.len(), |i| i + 2)];
            diags.push(err.at(&ch.path, ch.locate(key, directive)));
        }
        results.push(new);
    }
    let mut results = results.into_iter();
    if let Some(Some(t)) = results.next() {
        ch.title = t;
    }
    if let Some(Some(s)) = results.next() {
        ch.summary = s;
    }
    if let Some(card) = &mut ch.card {
        if let Some(Some(w)) = results.next() {
            card.when = Some(w);
        }
        if let Some(Some(t)) = results.next() {
            card.title = Some(t);
        }
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A book of the files `pages` (path, text) under guide/.
    fn book_of(pages: &[&str]) -> (tempfile::TempDir, Book) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("book.toml"), "title = \"T\"\n").unwrap();
        for rel in pages {
            let path = dir.path().join("guide").join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "# Page\n\nText.\n").unwrap();
        }
        let config = Config::load(dir.path()).unwrap();
        let (book, diags) = load(dir.path(), config);
        assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
        (dir, book)
    }

    fn key(book: &Book, found: Result<ChapterId, NotFound>) -> String {
        book.chapters[found.expect("found")].key()
    }

    #[test]
    fn a_bare_name_finds_the_one_chapter_that_has_it() {
        let (_dir, book) = book_of(&["team/onboarding.md", "sales/faq.md", "glossary.md"]);
        assert_eq!(key(&book, book.find("onboarding")), "team/onboarding");
        assert_eq!(key(&book, book.find("glossary.md")), "glossary");
        assert_eq!(key(&book, book.find("/sales/faq")), "sales/faq");
        assert_eq!(book.find("refunds"), Err(NotFound::None));
    }

    #[test]
    fn a_shared_name_is_ambiguous_and_each_path_is_offered() {
        let (_dir, book) = book_of(&[
            "departments/engineering/onboarding.md",
            "departments/sales/onboarding.md",
            "people/engineering/onboarding.md",
            "faq.md",
        ]);
        let Err(NotFound::Ambiguous(ids)) = book.find("onboarding") else {
            panic!("three chapters are called onboarding");
        };
        let offered: Vec<String> = ids.iter().map(|&id| book.unique_path(id)).collect();
        assert_eq!(
            offered,
            [
                "departments/engineering/onboarding",
                "sales/onboarding",
                "people/engineering/onboarding"
            ]
        );
        // The end of a path is enough when only one chapter's path ends so.
        assert_eq!(
            key(&book, book.find("sales/onboarding")),
            "departments/sales/onboarding"
        );
        assert!(matches!(
            book.find("engineering/onboarding"),
            Err(NotFound::Ambiguous(ids)) if ids.len() == 2
        ));
        // Each has a short name of its own for anchors and pack pages, from its path.
        let names: Vec<&str> = book.chapters.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "faq",
                "departments-engineering-onboarding",
                "departments-sales-onboarding",
                "people-engineering-onboarding"
            ]
        );
        assert_eq!(
            key(&book, book.find("departments-sales-onboarding")),
            "departments/sales/onboarding"
        );
    }

    #[test]
    fn folders_nest_depth_first_with_a_sections_chapters_before_its_sub_sections() {
        let (_dir, book) = book_of(&[
            "a/b/c/deep.md",
            "a/index.md",
            "a/z-page.md",
            "a/b/README.md",
            "top.md",
            "index.md",
        ]);
        let dirs: Vec<(String, usize, Option<usize>)> = book
            .parts
            .iter()
            .map(|p| (slash_path(&p.dir), p.depth, p.parent))
            .collect();
        assert_eq!(
            dirs,
            [
                ("".into(), 0, None),
                ("a".into(), 1, None),
                ("a/b".into(), 2, Some(1)),
                ("a/b/c".into(), 3, Some(2)),
            ]
        );
        let keys: Vec<String> = book.chapters.iter().map(Chapter::key).collect();
        assert_eq!(keys, ["top", "a/z-page", "a/b/c/deep"]);
        assert_eq!(book.parts[1].all_chapters, 1..3);
        assert_eq!(book.parts[2].chapters, 2..2, "a/b has only its README");
        assert_eq!(book.parts[2].title, "Page", "from the README's heading");
        assert!(
            book.home.is_some(),
            "index.md at the top is the home page's text"
        );
    }

    #[test]
    fn humanize_strips_number_prefixes() {
        assert_eq!(humanize("02-getting_started"), "Getting started");
        assert_eq!(humanize("communication"), "Communication");
        assert_eq!(humanize("2024"), "2024");
    }

    #[test]
    fn slugify_is_url_safe() {
        assert_eq!(slugify("My Chapter (v2)"), "my-chapter-v2");
        assert_eq!(slugify("!!!"), "chapter");
    }

    #[test]
    fn first_heading_only_at_start() {
        assert_eq!(first_heading("\n# Hello #\ntext"), Some("Hello".into()));
        assert_eq!(first_heading("text\n# Hello"), None);
    }
}
