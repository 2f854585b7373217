//! `carebook init --from DIR`: settings for a handbook a team already has. The folder is
//! read by the build's own pipeline (the walk, front matter, sections, the analysis's
//! link resolution), so what this reports is what `carebook build` will do; the only
//! file written is book.toml, beside the folder, never in it.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::analysis::Analysis;
use crate::book::{self, Book};
use crate::config::{Config, CONFIG_FILE};
use crate::diag::{display_path, Diagnostic, Severity};
use crate::Error;

/// What `init --from` found and wrote.
#[derive(Debug)]
pub struct Imported {
    /// The book.toml written.
    pub book_toml: PathBuf,
    /// The handbook's folder as given on the command line.
    pub folder: PathBuf,
    /// The folder as book.toml names it (`[build] source`), relative to book.toml.
    pub source: String,
    pub title: String,
    /// Where the title came from: the home page's file, or `None` for the folder's name.
    pub title_from: Option<PathBuf>,
    /// The chapters (published pages), drafts left out as the build leaves them out.
    pub pages: usize,
    /// Pages marked `draft: true`, which the build leaves out.
    pub drafts: usize,
    /// Folders holding pages, at any depth.
    pub sections: usize,
    /// Sections with a page of their own (`README.md`, `index.md`, `_index.md`,
    /// `_part.yaml`): its title and introduction.
    pub section_pages: usize,
    /// The deepest section's folder and its depth (1 for a top-level folder).
    pub deepest: Option<(String, usize)>,
    /// The top folder's own page (README.md, index.md, _index.md): the home page's text.
    pub home: Option<PathBuf>,
    pub titles: TitleSources,
    /// Front-matter keys in use, most used first.
    pub keys: Vec<KeyUse>,
    /// Tags in use, by id, as declared in book.toml.
    pub tags: Vec<TagUse>,
    /// Audiences in use (`audience:`), as written, as declared in book.toml.
    pub audiences: Vec<TagUse>,
    /// Links that lead nowhere, in file order: warnings under `broken-links = "warn"`.
    pub unresolved: Vec<Diagnostic>,
    /// Problems that will stop `carebook build` until they are fixed in the pages.
    pub errors: Vec<Diagnostic>,
    /// Every other warning the build will show.
    pub other_warnings: usize,
}

/// Where the pages' titles come from.
#[derive(Debug, Default, Clone, Copy)]
pub struct TitleSources {
    pub front_matter: usize,
    pub heading: usize,
    pub file_name: usize,
}

/// One front-matter key: on how many pages, and what carebook does with it.
#[derive(Debug, Clone)]
pub struct KeyUse {
    pub key: String,
    pub pages: usize,
    /// Pages where carebook reads it (all of them for its own keys, none for another
    /// tool's; for `description` and `weight`, those without `summary` or `order`).
    pub read: usize,
    /// What carebook does with it, in plain words.
    pub meaning: String,
}

/// A tag as declared: its id (the table's name and its page's name), its label as the
/// pages first write it, and how many pages carry it.
#[derive(Debug, Clone)]
pub struct TagUse {
    pub id: String,
    pub label: String,
    pub pages: usize,
}

/// Reads `from` as a handbook and writes book.toml for it in `dir`. Refuses to
/// overwrite a book.toml, and to write one inside `from`.
pub fn init_from(dir: &Path, from: &Path) -> Result<Imported, Error> {
    // The book's folder must exist for `source` to lead from it (`site-book/../handbook`
    // is resolved through `site-book`); one made here goes again if nothing is written.
    let made = !dir.exists();
    if made {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::Output(crate::output::OutputError::Io {
                path: dir.to_path_buf(),
                error: e,
            })
        })?;
    }
    let result = survey_and_write(dir, from);
    if made && result.is_err() {
        // Only when still empty: remove_dir refuses anything else.
        let _ = std::fs::remove_dir(dir);
    }
    result
}

fn survey_and_write(dir: &Path, from: &Path) -> Result<Imported, Error> {
    let book_toml = dir.join(CONFIG_FILE);
    if book_toml.exists() {
        return Err(Error::Usage(format!(
            "`{}` already exists; nothing was changed. Delete it first, or run `carebook init --from` in another folder",
            display_path(&book_toml)
        )));
    }
    if !from.is_dir() {
        let what = if from.exists() {
            "is a file, not a folder"
        } else {
            "does not exist"
        };
        return Err(Error::Usage(format!(
            "`{}` {what}; give the folder that holds your handbook's Markdown pages, e.g. `carebook init --from handbook`",
            display_path(from)
        )));
    }
    let (abs_dir, abs_from) = (absolute(dir), absolute(from));
    if abs_dir.starts_with(&abs_from) {
        let name = abs_from
            .file_name()
            .map_or_else(|| display_path(from), |n| n.to_string_lossy().into_owned());
        return Err(Error::Usage(format!(
            "book.toml would be written inside `{}`, and `carebook init --from` changes nothing in your handbook's folder. Run it in the folder above instead: `cd ..` then `carebook init --from {name}`",
            display_path(from)
        )));
    }
    let source = relative(&abs_from, &abs_dir);
    let folder_name = abs_from
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();

    // First as the build reads a book.toml without [tags] and with broken links as
    // errors: the tags the pages use, and every problem.
    let mut plan = Plan {
        title: book::humanize(&folder_name),
        source: source.clone(),
        folder: display_path(from),
        tags: Vec::new(),
        audiences: Vec::new(),
        unresolved: 0,
    };
    let (first, first_diags) = analyse(dir, &plan.settings())?;
    if first.chapters.is_empty() {
        // A folder that could not be read says why, in the build's own words.
        let unreadable: Vec<Diagnostic> = first_diags
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        if !unreadable.is_empty() {
            return Err(Error::Content(unreadable));
        }
        return Err(Error::Usage(format!(
            "found no pages in `{}`: carebook publishes Markdown files (.md, .markdown) in the folder and the folders under it; nothing was written",
            display_path(from)
        )));
    }
    let home_meta = first.home.as_ref().and_then(|h| {
        book::read_part_meta(&h.file)
            .ok()
            .map(|m| (m, h.file.clone()))
    });
    let title_from = match home_meta {
        Some((m, file)) if m.title.as_deref().is_some_and(|t| !t.trim().is_empty()) => {
            plan.title = m.title.unwrap_or_default().trim().to_owned();
            Some(file)
        }
        _ => None,
    };
    plan.tags = first
        .config
        .tags
        .iter()
        .map(|(id, term)| TagUse {
            id: id.clone(),
            label: term.label.clone(),
            pages: first.chapters_tagged(id).count(),
        })
        .collect();
    // Audiences are never taken from the pages the way tags are: a book must declare
    // the ones its pages name, as they write them.
    let mut audiences: BTreeMap<&str, usize> = BTreeMap::new();
    for ch in &first.chapters {
        for a in &ch.audience {
            *audiences.entry(a.as_str()).or_default() += 1;
        }
    }
    plan.audiences = audiences
        .into_iter()
        .map(|(id, pages)| TagUse {
            id: id.to_owned(),
            label: book::humanize(id),
            pages,
        })
        .collect();
    let first_errors: Vec<Diagnostic> = first_diags
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    plan.unresolved = first_errors.len();

    // Then with the settings to be written. A problem that was an error and is now a
    // warning is one `broken-links` governs: a link that does not resolve.
    let (book, diags) =
        if plan.tags.is_empty() && plan.audiences.is_empty() && first_errors.is_empty() {
            (first, first_diags)
        } else {
            analyse(dir, &plan.settings())?
        };
    let same = |a: &Diagnostic, b: &Diagnostic| {
        (&a.path, a.line, a.col, &a.message) == (&b.path, b.line, b.col, &b.message)
    };
    let mut unresolved = Vec::new();
    let mut errors = Vec::new();
    let mut other_warnings = 0;
    for d in diags {
        if d.is_error() {
            errors.push(d);
        } else if first_errors.iter().any(|e| same(e, &d)) {
            unresolved.push(d);
        } else if d.severity == Severity::Warning {
            other_warnings += 1;
        }
    }
    plan.unresolved = unresolved.len();

    // The walk again, for what the book keeps no count of: drafts, and which folders
    // have a page of their own.
    let listing = crate::source::walk(&book.source_dir, &book.links);
    let unreadable = book
        .assets
        .iter()
        .filter(|a| a.extension().is_some_and(|e| e == "md" || e == "markdown"))
        .count();
    let folders_with_page: std::collections::BTreeSet<&Path> = listing
        .part_files
        .iter()
        .filter_map(|p| p.parent())
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    let imported = Imported {
        drafts: listing
            .chapters
            .len()
            .saturating_sub(book.chapters.len() + unreadable),
        section_pages: folders_with_page.len(),
        source,
        title: plan.title.clone(),
        title_from,
        pages: book.chapters.len(),
        sections: book.parts.iter().filter(|p| !p.is_root()).count(),
        deepest: book
            .parts
            .iter()
            .filter(|p| !p.is_root())
            .max_by_key(|p| (p.depth, std::cmp::Reverse(book::slash_path(&p.dir))))
            .map(|p| (book::slash_path(&p.dir), p.depth)),
        home: book.home.as_ref().map(|h| h.file.clone()),
        titles: title_sources(&book),
        keys: key_uses(&book),
        tags: plan.tags.clone(),
        audiences: plan.audiences.clone(),
        unresolved,
        errors,
        other_warnings,
        folder: from.to_path_buf(),
        book_toml: book_toml.clone(),
    };
    write_new(&book_toml, &plan.settings())?;
    Ok(imported)
}

/// The book read and analysed with `settings` as its book.toml, every problem kept.
fn analyse(dir: &Path, settings: &str) -> Result<(Book, Vec<Diagnostic>), Error> {
    let config =
        Config::parse(settings, &dir.join(CONFIG_FILE)).map_err(|d| Error::Config(vec![d]))?;
    let (book, diags) = book::load(dir, config);
    let (analysis, mut diags) = Analysis::of(dir, book, diags);
    crate::analysis::sort(&mut diags);
    Ok((analysis.book, diags))
}

/// What book.toml will say.
struct Plan {
    title: String,
    source: String,
    /// The folder as the user named it, for the comments.
    folder: String,
    tags: Vec<TagUse>,
    audiences: Vec<TagUse>,
    unresolved: usize,
}

impl Plan {
    /// book.toml's text, with a note on each setting for someone who has never seen
    /// one: what it does and how to change it.
    fn settings(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
        let mut t = String::new();
        t.push_str(&format!(
            "# Settings for the handbook in {}/, written by `carebook init --from`.\n\
             # carebook reads your pages where they are and never changes them. Lines that\n\
             # start with # are notes for you; every setting is explained in carebook's README.\n\n",
            self.folder.trim_end_matches('/')
        ));
        t.push_str("# The handbook's name, at the top of every page and in the browser's tab.\n");
        t.push_str(&format!("title = {}\n", q(&self.title)));
        t.push_str(
            "# The language the pages are written in, as a code: \"en\", \"fr\", \"es\", \"pt-BR\"...\n",
        );
        t.push_str("language = \"en\"\n\n[build]\n");
        t.push_str("# The folder with your pages, from this file's folder.\n");
        t.push_str(&format!("source = {}\n", q(&self.source)));
        t.push_str("# Where `carebook build` writes the website.\n");
        t.push_str("output = \"site\"\n");
        if self.unresolved > 0 {
            t.push_str(&format!(
                "# {} in your pages {} nowhere (`carebook check` lists them). With \"warn\" the\n\
                 # site is still built and each is shown as a warning. Once they are fixed, delete\n\
                 # this line: a new broken link then stops the build instead of going live.\n",
                crate::plural(self.unresolved, "link"),
                if self.unresolved == 1 { "leads" } else { "lead" },
            ));
            t.push_str("broken-links = \"warn\"\n");
        }
        t.push('\n');
        if self.tags.is_empty() {
            t.push_str(
                "# Tags group pages by topic; none of your pages has any yet. To add one, write\n\
                 # `tags: [refunds]` in a page's front matter and declare it here:\n\
                 # [tags.refunds]\n\
                 # label = \"Refunds\"\n\
                 # description = \"Giving money back, and when we do not.\"\n",
            );
        } else {
            t.push_str(
                "# The tags your pages use: each is a topic with its own page listing its pages.\n\
                 # A page may write a tag as its label shows it (\"Customer Support\") or as its\n\
                 # name here (customer-support). Add a line `description = \"...\"` under any of\n\
                 # them to introduce its page. Now that they are listed, a tag that is not here is\n\
                 # an error, so a misspelt tag is caught instead of making a new topic.\n",
            );
            for tag in &self.tags {
                t.push_str(&format!(
                    "\n[tags.{}]\nlabel = {}  # on {}\n",
                    toml_key(&tag.id),
                    q(&tag.label),
                    crate::plural(tag.pages, "page")
                ));
            }
        }
        if !self.audiences.is_empty() {
            t.push_str(
                "\n# Who your pages are for, as their `audience:` lines name them. Change a label to\n\
                 # how readers should see it (\"New hires\"), and add a `description` if you like.\n",
            );
            for a in &self.audiences {
                t.push_str(&format!(
                    "\n[audiences.{}]\nlabel = {}  # on {}\n",
                    toml_key(&a.id),
                    q(&a.label),
                    crate::plural(a.pages, "page")
                ));
            }
        }
        t
    }
}

/// A TOML table name: bare when it can be, else quoted.
fn toml_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare {
        key.to_owned()
    } else {
        toml::Value::String(key.to_owned()).to_string()
    }
}

/// Writes `text` to `path`, which must not exist yet (checked again here, at the last
/// moment, so a book.toml made meanwhile is never replaced).
fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    use std::io::Write;
    let io = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::Usage(format!(
                "`{}` already exists; nothing was changed",
                display_path(path)
            ))
        } else {
            Error::Output(crate::output::OutputError::Io {
                path: path.to_path_buf(),
                error: e,
            })
        }
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(io)
}

/// The pages' front-matter keys as they wrote them, each with what carebook does with it.
fn key_uses(book: &Book) -> Vec<KeyUse> {
    let mut uses: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for ch in &book.chapters {
        for key in front_matter_keys(ch) {
            // Another tool's key stays in `extra` unless carebook reads it instead of
            // its own (`description` as `summary` where the page has no `summary`).
            let read = !ch.extra.contains_key(&key);
            let entry = uses.entry(key).or_default();
            entry.0 += 1;
            entry.1 += usize::from(read);
        }
    }
    let mut keys: Vec<KeyUse> = uses
        .into_iter()
        .map(|(key, (pages, read))| KeyUse {
            meaning: meaning(&key, pages, read),
            key,
            pages,
            read,
        })
        .collect();
    keys.sort_by(|a, b| b.pages.cmp(&a.pages).then_with(|| a.key.cmp(&b.key)));
    keys
}

/// The top-level keys of a chapter's front matter, from the same block the build parsed
/// (it parsed without error, or the chapter has none).
fn front_matter_keys(ch: &book::Chapter) -> Vec<String> {
    let Some(block) = ch.yaml.and_then(|(start, end, _)| ch.text.get(start..end)) else {
        return Vec::new();
    };
    if ch.text.starts_with("+++") {
        toml::from_str::<toml::Table>(block)
            .map(|t| t.keys().cloned().collect())
            .unwrap_or_default()
    } else {
        match serde_yaml::from_str::<serde_yaml::Value>(block) {
            Ok(serde_yaml::Value::Mapping(m)) => m
                .keys()
                .filter_map(|k| k.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// What carebook does with `key`, in plain words.
fn meaning(key: &str, pages: usize, read: usize) -> String {
    let own = match key {
        "title" => "the page's title",
        "summary" => "the summary, under the title and in search results",
        "tags" => "topics: each tag gets a page listing its pages",
        "audience" => "who the page is for: each audience gets a page listing its pages",
        "order" => "where the page comes in its folder (lower first)",
        "minutes" => "reading time, in minutes",
        "class-minutes" => "teaching time in a class, for course packs",
        "slug" => "the page's file name in the site",
        "draft" => "draft: true leaves the page out of the site",
        "card" => "the page's desk card: card: false leaves it off",
        "search" => "search: false leaves the page out of search",
        "owner" => "who keeps the page up to date",
        "reviewed" => "when the page was last reviewed",
        "review-every" => "how often the page must be reviewed",
        "changes" => "dated notes for the \"What's new\" page",
        "aliases" => "old addresses that now lead to this page",
        "translated-from" => "which version of the original a translation follows",
        _ => "",
    };
    if !own.is_empty() {
        return own.to_owned();
    }
    let alias = match key {
        "description" => Some("summary"),
        "weight" => Some("order"),
        _ => None,
    };
    match alias {
        Some(own) if read == pages => format!("read as `{own}`"),
        Some(own) if read > 0 => format!(
            "read as `{own}`; kept unread on {} that also {} `{own}`",
            crate::plural(pages - read, "page"),
            if pages - read == 1 { "has" } else { "have" }
        ),
        _ => format!("not read; kept for themes as chapter.extra.{key}"),
    }
}

/// How many titles come from front matter, a first heading and a file name, the way
/// `book::load` chose them.
fn title_sources(book: &Book) -> TitleSources {
    let mut t = TitleSources::default();
    for ch in &book.chapters {
        if front_matter_keys(ch).iter().any(|k| k == "title") {
            t.front_matter += 1;
        } else if book::first_heading(ch.body()).is_some() {
            t.heading += 1;
        } else {
            t.file_name += 1;
        }
    }
    t
}

/// `p` from the working folder, with `.` and `..` taken out as written (the build
/// joins book.toml's folder and `source` the same way, without resolving links).
fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `base` (both absolute), with `/` and `..` where needed.
fn relative(path: &Path, base: &Path) -> String {
    let (p, b): (Vec<_>, Vec<_>) = (path.components().collect(), base.components().collect());
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return display_path(path);
    }
    let mut parts: Vec<String> = vec!["..".to_owned(); b.len() - common];
    parts.extend(
        p[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_where_needed() {
        let r = |a: &str, b: &str| relative(Path::new(a), Path::new(b));
        assert_eq!(r("/repo/handbook", "/repo"), "handbook");
        assert_eq!(
            r("/repo/docs/handbook", "/repo/site-book"),
            "../docs/handbook"
        );
        assert_eq!(r("/repo", "/repo"), ".");
    }

    #[test]
    fn settings_load_as_typed_config() {
        let plan = Plan {
            title: "Café \"Help\" desk".into(),
            source: "../hand book".into(),
            folder: "hand book".into(),
            tags: vec![
                TagUse {
                    id: "customer-support".into(),
                    label: "Customer Support".into(),
                    pages: 2,
                },
                TagUse {
                    id: "café".into(),
                    label: "Café".into(),
                    pages: 1,
                },
            ],
            audiences: vec![TagUse {
                id: "new hire".into(),
                label: "New hire".into(),
                pages: 4,
            }],
            unresolved: 3,
        };
        let text = plan.settings();
        let c = Config::parse(&text, Path::new("book.toml")).expect(&text);
        assert_eq!(c.title, "Café \"Help\" desk");
        assert_eq!(c.build.source, Path::new("../hand book"));
        assert_eq!(c.build.broken_links, crate::config::Strictness::Warn);
        assert_eq!(c.tags["customer-support"].label, "Customer Support");
        assert_eq!(c.tags["café"].label, "Café");
        assert_eq!(c.audiences["new hire"].label, "New hire");
        let none = Plan {
            tags: Vec::new(),
            audiences: Vec::new(),
            unresolved: 0,
            ..plan
        }
        .settings();
        let c = Config::parse(&none, Path::new("book.toml")).expect(&none);
        assert!(c.tags.is_empty());
        assert_eq!(c.build.broken_links, crate::config::Strictness::Error);
    }

    #[test]
    fn aliases_say_where_they_are_read() {
        assert_eq!(meaning("description", 3, 3), "read as `summary`");
        assert_eq!(
            meaning("weight", 3, 2),
            "read as `order`; kept unread on 1 page that also has `order`"
        );
        assert_eq!(
            meaning("layout", 2, 0),
            "not read; kept for themes as chapter.extra.layout"
        );
    }
}
