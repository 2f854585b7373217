//! Course packs as the book declares them: a chosen, ordered set of chapters for a
//! class, from book.toml (`[packs.<id>]`), `packs/<id>.yaml`, or the command line, and
//! the agenda that times them. The pack's pages are made by the packs output.

pub mod agenda;

use std::path::{Path, PathBuf};

use crate::book::Book;
use crate::config::{PackConfig, PackEntry, PackSelector, Paper, TomlSpans};
use crate::diag::{suggestion, Diagnostic, Pos};

use crate::book::ChapterId;
use crate::Error;

use crate::paths::PACKS_DIR;

#[derive(Debug, Clone)]
pub struct Pack {
    pub id: String,
    pub title: String,
    /// The introduction as HTML, with links as seen from the site's home page.
    pub intro_html: String,
    /// The intro's links to pages, located in `intro_html`.
    pub intro_links: Vec<crate::markdown::PageLink>,
    pub audience: Vec<String>,
    pub paper: Paper,
    /// The class's date as written (`YYYY-MM-DD`), checked.
    pub date: Option<String>,
    /// The class's start, in minutes after midnight.
    pub start: Option<u32>,
    pub chapters: Vec<PackChapter>,
    /// The score (0-100) that passes in a learning platform; `None`: completion only.
    pub mastery: Option<u8>,
}

#[derive(Debug, Clone)]
pub struct PackChapter {
    pub id: ChapterId,
    /// The title the pack shows, when it renames the chapter.
    pub title: Option<String>,
}

impl Pack {
    pub fn contains(&self, chapter: ChapterId) -> bool {
        self.chapters.iter().any(|c| c.id == chapter)
    }

    /// One line for `carebook pack --list` and the home page.
    pub fn summary(&self, minutes: &[u32]) -> PackSummary {
        PackSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            audience_ids: self.audience.clone(),
            chapters: self.chapters.len(),
            total_minutes: agenda::total_minutes(minutes),
            teaching_minutes: minutes.iter().sum(),
        }
    }
}

/// Where a pack was declared, so errors can point into that file.
struct Origin<'a> {
    path: PathBuf,
    text: &'a str,
    /// How the declaration is written.
    form: Form<'a>,
}

enum Form<'a> {
    /// A `[packs.<id>]` table of book.toml.
    Toml(&'a str),
    /// A pack file of its own.
    Yaml,
    /// Chosen on the command line.
    Arguments,
}

impl Origin<'_> {
    /// Where the value `needle` is in the pack's declaration, from the parser: the
    /// TOML parser's spans or the YAML parser's marks.
    fn pos(&self, needle: &str) -> Pos {
        match self.form {
            Form::Toml(id) => TomlSpans::new(self.text).string_in(&["packs", id], needle),
            Form::Yaml => crate::source::locate_scalar(self.text, 1, needle),
            Form::Arguments => Pos::FILE,
        }
    }

    fn error(&self, needle: &str, message: String) -> Diagnostic {
        Diagnostic::error(&self.path, self.pos(needle), message)
    }
}

/// Every declared pack, from book.toml and the `packs/` folder, resolved against the book.
/// `targets` are the analysis's, made once for the book.
pub fn load(
    root: &Path,
    book: &Book,
    targets: &crate::markdown::LinkTargets,
) -> (Vec<Pack>, Vec<Diagnostic>) {
    let mut packs = Vec::new();
    let mut diags = Vec::new();
    let toml_path = book.config.file.path.clone();
    let toml_text = &*book.config.file.text;
    for (id, cfg) in &book.config.packs {
        let origin = Origin {
            path: toml_path.clone(),
            text: toml_text,
            form: Form::Toml(id),
        };
        collect(
            resolve(book, id, &in_language(book, id, cfg), &origin, targets),
            &mut packs,
            &mut diags,
        );
    }
    for (path, text) in pack_files(&root.join(PACKS_DIR), &book.links, &mut diags) {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let origin = Origin {
            path: path.clone(),
            text: &text,
            form: Form::Yaml,
        };
        if book.config.packs.contains_key(&id) {
            diags.push(
                Diagnostic::error(
                    &path,
                    Pos::FILE,
                    format!("the pack `{id}` is also declared in book.toml as [packs.{id}]"),
                )
                .with_hint("keep one of the two declarations, or rename this file"),
            );
            continue;
        }
        match crate::source::parse_yaml::<PackConfig>(&text, 1, &path) {
            Ok(cfg) => collect(
                resolve(book, &id, &in_language(book, &id, &cfg), &origin, targets),
                &mut packs,
                &mut diags,
            ),
            Err(d) => diags.push(d),
        }
    }
    if let Some((code, lang)) = site_language(book) {
        for id in lang.packs.keys() {
            if !packs.iter().any(|p| &p.id == id) && !diags.iter().any(Diagnostic::is_error) {
                diags.push(
                    Diagnostic::error(&toml_path, crate::config::TomlSpans::new(toml_text).key(&["languages", code, "packs", id]), format!("[languages.{code}.packs] translates `{id}`, which is not one of the book's packs"))
                        .with_hint(crate::diag::suggestion(id, packs.iter().map(|p| p.id.as_str()))),
                );
            }
        }
    }
    (packs, diags)
}

/// book.toml's `[languages.<code>]` of the site `book` is, when it is another language's.
fn site_language(book: &Book) -> Option<(&str, &crate::config::LanguageConfig)> {
    book.config
        .language_config(&book.config.language)
        .filter(|_| book.language != 0)
}

/// A pack's declaration with its title and introduction in the site's language, where
/// `[languages.<code>.packs.<id>]` gives them.
fn in_language<'c>(book: &Book, id: &str, cfg: &'c PackConfig) -> std::borrow::Cow<'c, PackConfig> {
    let Some(text) = site_language(book).and_then(|(_, l)| l.packs.get(id)) else {
        return std::borrow::Cow::Borrowed(cfg);
    };
    let mut cfg = cfg.clone();
    if let Some(t) = &text.title {
        cfg.title = t.clone();
    }
    if let Some(i) = &text.intro {
        cfg.intro = i.clone();
    }
    std::borrow::Cow::Owned(cfg)
}

fn collect(
    result: Result<Pack, Vec<Diagnostic>>,
    packs: &mut Vec<Pack>,
    diags: &mut Vec<Diagnostic>,
) {
    match result {
        Ok(p) => packs.push(p),
        Err(mut d) => diags.append(&mut d),
    }
}

/// `packs/*.yaml` (and `.yml`), sorted by name; symbolic links only where `links` allows.
fn pack_files(
    dir: &Path,
    links: &crate::source::LinkPolicy,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(
            |p| match links.check(&p).and_then(|()| crate::source::read_text(&p)) {
                Ok(t) => Some((p, t)),
                Err(d) => {
                    diags.push(d);
                    None
                }
            },
        )
        .collect()
}

/// A pack made on the command line: `carebook pack --tag culture --audience new-hire`.
/// What is wrong with the choice is a usage error, each problem said once (an audience
/// is checked both as the pack's and as the selector's).
pub fn ad_hoc(
    book: &Book,
    title: &str,
    tags: Vec<String>,
    audience: Option<String>,
    chapters: Vec<String>,
) -> Result<Pack, Error> {
    let mut entries: Vec<PackEntry> = chapters.into_iter().map(PackEntry::Slug).collect();
    if !tags.is_empty() || audience.is_some() {
        entries.push(PackEntry::Select(PackSelector {
            tags: crate::textfile::OneOrMany(tags),
            audience: audience.clone(),
        }));
    }
    let cfg = PackConfig {
        title: title.to_owned(),
        audience: crate::textfile::OneOrMany(audience.into_iter().collect()),
        chapters: entries,
        ..PackConfig::default()
    };
    let origin = Origin {
        path: PathBuf::from("command line"),
        text: "",
        form: Form::Arguments,
    };
    resolve(
        book,
        &crate::book::slugify(title),
        &cfg,
        &origin,
        &crate::markdown::LinkTargets::new(book),
    )
    .map_err(|diags| {
        let mut problems: Vec<String> = Vec::new();
        for d in diags {
            let mut text = d.message;
            if let Some(hint) = d.hint {
                text.push_str("\n  help: ");
                text.push_str(&hint);
            }
            if !problems.contains(&text) {
                problems.push(text);
            }
        }
        Error::Usage(problems.join("\nerror: "))
    })
}

fn resolve(
    book: &Book,
    id: &str,
    cfg: &PackConfig,
    origin: &Origin<'_>,
    targets: &crate::markdown::LinkTargets,
) -> Result<Pack, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let (intro_html, intro_links) = render_intro(&cfg.intro, origin, targets, &mut diags);
    if crate::book::slugify(id) != id {
        diags.push(
            origin
                .error(
                    id,
                    format!(
                        "`{id}` cannot be a pack id: use lowercase letters, digits and hyphens"
                    ),
                )
                .with_hint(format!("try `{}`", crate::book::slugify(id))),
        );
    }
    if id == "builder" {
        // packs/builder.html and packs/builder/ are the pack builder's.
        diags.push(
            origin
                .error(
                    id,
                    "`builder` cannot be a pack id: the pack builder's page is there".into(),
                )
                .with_hint("give the pack another id, e.g. `builder-class`"),
        );
    }
    for a in &cfg.audience.0 {
        check_audience(book, a, origin, &mut diags);
    }
    let start = cfg.start.as_deref().and_then(|s| {
        let minutes = agenda::parse_start(s);
        if minutes.is_none() {
            diags.push(
                origin
                    .error(
                        s,
                        format!("the pack `{id}` starts at `{s}`, which is not a time"),
                    )
                    .with_hint(
                        "write the start as a 24-hour time in quotes, like start: \"09:30\"",
                    ),
            );
        }
        minutes
    });
    if let Some(d) = cfg
        .date
        .as_deref()
        .filter(|d| crate::clock::Date::parse(d).is_none())
    {
        diags.push(
            origin
                .error(
                    d,
                    format!("the pack `{id}` has the date `{d}`, which is not a real date"),
                )
                .with_hint("write the date as year-month-day, like date: \"2026-12-03\""),
        );
    }
    if let Some(m) = cfg.mastery.filter(|&m| m > 100) {
        let pos = match origin.form {
            Form::Toml(id) => {
                crate::config::TomlSpans::new(origin.text).value(&["packs", id, "mastery"])
            }
            Form::Yaml => crate::source::locate_scalar(origin.text, 1, &m.to_string()),
            Form::Arguments => Pos::FILE,
        };
        diags.push(
            Diagnostic::error(
                &origin.path,
                pos,
                format!("`mastery = {m}` is not a percentage"),
            )
            .with_hint(
                "give the score a learner needs to pass, from 0 to 100, e.g. `mastery = 80`",
            ),
        );
    }
    let mut chapters: Vec<PackChapter> = Vec::new();
    for entry in &cfg.chapters {
        for (index, title) in expand(book, entry, id, origin, &mut diags) {
            let index = ChapterId::new(index);
            if !chapters.iter().any(|c| c.id == index) {
                chapters.push(PackChapter { id: index, title });
            }
        }
    }
    if chapters.is_empty() && diags.is_empty() {
        diags.push(
            origin
                .error(id, format!("the pack `{id}` has no chapters"))
                .with_hint(
                    "list chapter slugs in `chapters`, or a selector like { tags = [\"culture\"] }",
                ),
        );
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Pack {
        id: id.to_owned(),
        title: cfg.title.clone(),
        intro_html,
        intro_links,
        audience: cfg.audience.0.clone(),
        paper: cfg.paper.unwrap_or(book.config.build.paper),
        date: cfg.date.as_ref().map(|d| d.trim().to_owned()),
        start,
        chapters,
        mastery: cfg.mastery,
    })
}

/// The intro's Markdown as HTML; links resolve from the top of the chapters folder, like
/// links written `/part/chapter.md`, and are checked like a chapter's.
fn render_intro(
    markdown: &str,
    origin: &Origin<'_>,
    targets: &crate::markdown::LinkTargets,
    diags: &mut Vec<Diagnostic>,
) -> (String, Vec<crate::markdown::PageLink>) {
    let doc = crate::markdown::Doc {
        source: Path::new("index.md"),
        path: &origin.path,
        text: markdown,
        body_start: 0,
        out_path: "index.html",
    };
    let mut rendered = crate::markdown::render(&doc, None, targets);
    let pos = origin.pos("intro");
    // Positions inside the intro value are not positions in the file; point at the key.
    diags.extend(rendered.diagnostics.drain(..).map(|d| Diagnostic {
        line: pos.line,
        col: pos.col,
        ..d
    }));
    (rendered.html, rendered.page_links)
}

/// The chapters one entry stands for, in reading order.
fn expand(
    book: &Book,
    entry: &PackEntry,
    id: &str,
    origin: &Origin<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, Option<String>)> {
    match entry {
        PackEntry::Slug(slug) => by_slug(book, slug, id, origin, diags)
            .map(|i| (i, None))
            .into_iter()
            .collect(),
        PackEntry::Chapter { slug, title } => by_slug(book, slug, id, origin, diags)
            .map(|i| (i, title.clone()))
            .into_iter()
            .collect(),
        PackEntry::Select(sel) => select(book, sel, id, origin, diags)
            .into_iter()
            .map(|i| (i, None))
            .collect(),
    }
}

fn by_slug(
    book: &Book,
    slug: &str,
    id: &str,
    origin: &Origin<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let found = book.chapters.iter().position(|c| c.slug == slug);
    if found.is_none() {
        let slugs = book.chapters.iter().map(|c| c.slug.as_str());
        diags.push(
            origin
                .error(
                    slug,
                    format!("the pack `{id}` lists a chapter `{slug}` that does not exist"),
                )
                .with_hint(suggestion(slug, slugs)),
        );
    }
    found
}

fn select(
    book: &Book,
    sel: &PackSelector,
    id: &str,
    origin: &Origin<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let before = diags.len();
    for tag in &sel.tags.0 {
        if !book.config.tags.contains_key(tag) {
            diags.push(
                origin
                    .error(
                        tag,
                        format!("the pack `{id}` selects by an unknown tag `{tag}`"),
                    )
                    .with_hint(suggestion(tag, book.config.tag_ids())),
            );
        }
    }
    if let Some(a) = &sel.audience {
        check_audience(book, a, origin, diags);
    }
    if diags.len() > before {
        return Vec::new();
    }
    let matches: Vec<usize> = (0..book.chapters.len())
        .filter(|&i| {
            let ch = &book.chapters[i];
            (sel.tags.0.is_empty() || ch.tags.iter().any(|t| sel.tags.0.contains(t)))
                && sel
                    .audience
                    .as_ref()
                    .is_none_or(|a| ch.audience.contains(a))
        })
        .collect();
    if matches.is_empty() {
        let what = describe(sel);
        let needle = sel
            .tags
            .0
            .first()
            .or(sel.audience.as_ref())
            .map_or(id, String::as_str);
        diags.push(
            origin
                .error(
                    needle,
                    format!("in the pack `{id}`, the selector {what} matches no chapter"),
                )
                .with_hint("check the tags and audience, or list chapters by slug"),
        );
    }
    matches
}

fn check_audience(book: &Book, audience: &str, origin: &Origin<'_>, diags: &mut Vec<Diagnostic>) {
    if !book.config.audiences.contains_key(audience) {
        diags.push(
            origin
                .error(audience, format!("unknown audience `{audience}`"))
                .with_hint(suggestion(audience, book.config.audience_ids())),
        );
    }
}

fn describe(sel: &PackSelector) -> String {
    let mut parts = Vec::new();
    if !sel.tags.0.is_empty() {
        parts.push(format!("tags {}", sel.tags.0.join(", ")));
    }
    if let Some(a) = &sel.audience {
        parts.push(format!("audience {a}"));
    }
    format!("({})", parts.join("; "))
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PackSummary {
    pub id: String,
    pub title: String,
    pub audience_ids: Vec<String>,
    pub chapters: usize,
    /// The class's length, breaks included.
    pub total_minutes: u32,
    pub teaching_minutes: u32,
}
