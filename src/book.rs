//! The book model: parts and chapters in reading order, checked once against the
//! configuration. Every output is rendered from this model.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{suggestion, Diagnostic, Pos};
use crate::source::{self, CardDetails, CardSetting, FrontMatter, PartMeta};

pub use crate::paths::RESERVED_FOLDERS;

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
    pub languages: Vec<crate::translations::SiteLanguage>,
    /// Which of `languages` this book is.
    pub language: usize,
    /// The translations found next to the chapters (only in the book's own language's
    /// `Book`; see `crate::translations`).
    pub translations: crate::translations::Found,
    /// Chapters this language's site leaves out (`untranslated = "omit"`): their
    /// source path and where they are, from this site's root (in the book's own
    /// language's site), so links to them still lead somewhere.
    pub elsewhere: Vec<(PathBuf, String)>,
}

#[derive(Debug, Clone)]
pub struct Part {
    /// The part's folder relative to the source dir; empty for chapters at the top level.
    pub dir: PathBuf,
    pub title: String,
    /// Markdown introduction.
    pub intro: String,
    pub order: Option<i64>,
    /// Indexes into `Book::chapters`.
    pub chapters: std::ops::Range<usize>,
    /// Output path of the part's page, with `/` separators.
    pub out_path: String,
    /// Owner and review period for the part's chapters (`_part.yaml`).
    pub upkeep: crate::source::PartUpkeep,
}

impl Part {
    /// The part's chapters, in reading order.
    pub fn chapter_ids(&self) -> impl Iterator<Item = ChapterId> + Clone {
        self.chapters.clone().map(ChapterId)
    }
    /// Chapters at the top of the book form a part with no folder and no page.
    pub fn is_root(&self) -> bool {
        self.dir.as_os_str().is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct Chapter {
    /// Path relative to the source dir.
    pub source: PathBuf,
    /// Path as shown in diagnostics.
    pub path: PathBuf,
    pub slug: String,
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
}

impl Chapter {
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
    let mut diags = listing.diagnostics;
    let texts = source::read_all(&source_dir, &listing.chapters);
    let drafted: Vec<_> = listing
        .chapters
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
    let tags_from_chapters = config.tags.is_empty();
    if tags_from_chapters {
        tags_as_used(&mut chapters, &mut config.tags);
    }
    let metas = load_part_metas(&source_dir, &listing.part_files, &mut diags);
    let (parts, chapters) = arrange(chapters, metas);
    let history = crate::gitinfo::History::read(&source_dir, config.build.git_dates);
    let languages = crate::translations::site_languages(&config);
    let mut book = Book {
        languages,
        language: 0,
        translations: Default::default(),
        elsewhere: Vec::new(),
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
    book.translations = crate::translations::find(&mut book, listing.translations, &mut diags);
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
    let translated_from = crate::translations::read_stamp(fm.translated_from, &path, |v| {
        locate_meta(&text, yaml, "translated-from", v)
    })
    .unwrap_or_else(|d| {
        diags.push(d);
        None
    });
    let mut chapter = Chapter {
        translated_from,
        untranslated: None,
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

fn load_part_metas(
    dir: &Path,
    files: &[PathBuf],
    diags: &mut Vec<Diagnostic>,
) -> HashMap<PathBuf, PartMeta> {
    let mut metas: HashMap<PathBuf, PartMeta> = HashMap::new();
    for rel in files {
        let path = dir.join(rel);
        let part_dir = rel
            .components()
            .next()
            .map(|c| PathBuf::from(c.as_os_str()))
            .unwrap_or_default();
        if rel.parent() != Some(part_dir.as_path()) {
            continue; // only a part folder's own metadata file describes it
        }
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
                    .with_hint("keep the part's title and introduction in one of the two files"),
                );
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

/// Groups chapters into parts by top-level folder and sorts both: parts by `order` then
/// folder name, chapters by `order` then title. Unordered items come after ordered ones.
fn arrange(
    chapters: Vec<Chapter>,
    mut metas: HashMap<PathBuf, PartMeta>,
) -> (Vec<Part>, Vec<Chapter>) {
    let mut groups: Vec<(PathBuf, Vec<Chapter>)> = Vec::new();
    let mut index: HashMap<PathBuf, usize> = HashMap::new();
    for ch in chapters {
        let dir = if ch.source.components().count() > 1 {
            ch.source
                .components()
                .next()
                .map(|c| PathBuf::from(c.as_os_str()))
                .unwrap_or_default()
        } else {
            PathBuf::new()
        };
        let i = *index.entry(dir.clone()).or_insert_with(|| {
            groups.push((dir, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(ch);
    }
    let mut parts: Vec<(Part, Vec<Chapter>)> = groups
        .into_iter()
        .map(|(dir, chs)| {
            let meta = metas.remove(&dir).unwrap_or_default();
            let name = dir.to_string_lossy().into_owned();
            let upkeep = crate::source::PartUpkeep {
                owner: meta.owner,
                every: meta.review_every,
                file: meta.file,
            };
            let part = Part {
                upkeep,
                title: meta.title.unwrap_or_else(|| humanize(&name)),
                intro: meta.intro,
                order: meta.order,
                out_path: if name.is_empty() {
                    "index.html".into()
                } else {
                    format!("{}/index.html", slash_path(&dir))
                },
                dir,
                chapters: 0..0,
            };
            (part, chs)
        })
        .collect();
    // The top-level chapters come first, as the book's opening.
    parts.sort_by(|(a, _), (b, _)| {
        (
            !a.dir.as_os_str().is_empty(),
            a.order.is_none(),
            a.order,
            &a.dir,
        )
            .cmp(&(
                !b.dir.as_os_str().is_empty(),
                b.order.is_none(),
                b.order,
                &b.dir,
            ))
    });
    let mut all = Vec::new();
    let mut out_parts = Vec::new();
    for (pi, (mut part, mut chs)) in parts.into_iter().enumerate() {
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
            ch.part = pi;
            all.push(ch);
        }
        part.chapters = start..all.len();
        out_parts.push(part);
    }
    (out_parts, all)
}

impl Book {
    /// Every chapter's id, in reading order.
    pub fn chapter_ids(&self) -> impl Iterator<Item = ChapterId> + Clone {
        (0..self.chapters.len()).map(ChapterId)
    }

    /// Checks that need the whole book: declared tags and audiences, unique slugs and paths.
    fn validate(&self) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let mut slugs: HashMap<&str, &Chapter> = HashMap::new();
        let mut outs: HashMap<&str, &Chapter> = HashMap::new();
        for p in &self.parts {
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
            } else if let Some(other) = slugs.insert(&ch.slug, ch) {
                diags.push(Diagnostic::error(&ch.path, ch.locate("slug", &ch.slug), format!("the slug `{}` is already used by `{}`; slugs name desk cards and pack entries, so each must be unique", ch.slug, other.path.display()))
                    .with_hint(format!("add `slug: {}-2` (or another unique name) to this chapter's front matter", ch.slug)));
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
        crate::paths::card_href(&self.parts[ch.part].dir, &ch.slug)
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
        for p in self.parts.iter().filter(|p| !p.dir.as_os_str().is_empty()) {
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
            }
            Chapter {
                part: old.part,
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
