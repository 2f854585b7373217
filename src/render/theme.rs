//! The theme: Tera templates and static files. The default theme is embedded in the
//! binary; a book's `themes/<name>/` overrides it file by file.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use tera::{Context, Tera};

use crate::diag::{Diagnostic, Pos};

macro_rules! embed {
    ($kind:literal, $($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/", $kind, "/", $name)))),*]
    };
}

const TEMPLATES: &[(&str, &[u8])] = embed!(
    "templates",
    "base.html",
    "partials/nav_section.html",
    "partials/sidebar.html",
    "partials/chapter_list.html",
    "partials/section_list.html",
    "partials/card.html",
    "partials/print_tools.html",
    "partials/print_head.html",
    "partials/quiz.html",
    "partials/not-in-pack.html",
    "cards.html",
    "print.html",
    "print-index.html",
    "partials/agenda.html",
    "pack.html",
    "trainer.html",
    "handout.html",
    "scorm.html",
    "partials/search.html",
    "chapter.html",
    "index.html",
    "part.html",
    "term.html",
    "terms.html",
    "404.html",
    "review.html",
    "whats-new.html",
    "feed.xml",
    "sitemap.xml",
    "imsmanifest.xml",
    "facts.html",
    "redirect.html",
    "builder.html",
    "builder-print.html",
);

const STATIC: &[(&str, &[u8])] = embed!(
    "static",
    "carebook.css",
    "carebook.js",
    "nav.js",
    "favicon.svg",
    "pack.js",
    "scorm.js",
    "checks.js",
    "search.js",
    "search-loader.js",
    "search.css",
    "agenda.js",
    "builder.js",
    "builder-print.js",
);

/// A file under `assets/`: its name and bytes.
pub type StaticFile = (String, Cow<'static, [u8]>);

pub struct Theme {
    tera: Tera,
    /// The interface's words: the built-in table with the theme's changes.
    pub strings: crate::strings::Strings,
    /// Static files, written under `assets/`.
    pub statics: Vec<StaticFile>,
    /// A hash of every template, word and static file, so a rebuild knows when the
    /// theme changed (every page then renders again).
    pub fingerprint: u128,
}

/// A theme's files as read from disk (the book's overrides over the embedded default
/// theme), before they become a [`Theme`] in one language.
pub struct ThemeFiles {
    dir: PathBuf,
    templates: Vec<(&'static str, String)>,
    statics: Vec<StaticFile>,
}

impl ThemeFiles {
    pub fn read(
        book_root: &Path,
        config: &crate::config::Config,
        links: &crate::source::LinkPolicy,
    ) -> Result<ThemeFiles, Diagnostic> {
        let name = config.build.theme.as_str();
        let dir = book_root.join("themes").join(name);
        for d in [dir.clone(), dir.join("templates"), dir.join("static")] {
            links.check(&d)?;
        }
        if name != "default" && !dir.is_dir() {
            return Err(Diagnostic::error(book_root.join(crate::config::CONFIG_FILE), Pos::FILE, format!("the theme `{name}` was not found at `{}`", dir.display()))
                .with_hint("create that folder with the templates/ and static/ files you want to change, or set theme = \"default\""));
        }
        let mut templates = Vec::new();
        for (file, bytes) in TEMPLATES {
            let path = dir.join("templates").join(file);
            links.check(&path)?;
            let text = read_override(&path)?
                .map(Cow::Owned)
                .unwrap_or_else(|| String::from_utf8_lossy(bytes));
            templates.push((*file, text.into_owned()));
        }
        let mut statics = Vec::new();
        for (file, bytes) in STATIC {
            let path = dir.join("static").join(file);
            links.check(&path)?;
            let content = match std::fs::read(&path) {
                Ok(b) => Cow::Owned(b),
                Err(_) => Cow::Borrowed(*bytes),
            };
            statics.push(((*file).to_owned(), content));
        }
        statics.extend(extra_statics(&dir.join("static"), links)?);
        Ok(ThemeFiles {
            dir,
            templates,
            statics,
        })
    }
}

impl Theme {
    /// Loads the embedded default theme with the book's overrides from `themes/<name>/`,
    /// with the interface's words in `language` (see `Strings::for_language`).
    /// Every file read goes through `links`, so a theme folder linked to somewhere
    /// outside the book cannot publish what is there.
    pub fn load(
        book_root: &Path,
        config: &crate::config::Config,
        language: &str,
        links: &crate::source::LinkPolicy,
    ) -> Result<Theme, Diagnostic> {
        let files = ThemeFiles::read(book_root, config, links)?;
        Theme::in_language(&files, book_root, config, language, links)
    }

    /// The theme from files read once, with the interface's words in `language`: a
    /// book in several languages reads its theme once and builds it for each.
    pub fn in_language(
        files: &ThemeFiles,
        book_root: &Path,
        config: &crate::config::Config,
        language: &str,
        links: &crate::source::LinkPolicy,
    ) -> Result<Theme, Diagnostic> {
        let (dir, sources) = (&files.dir, &files.templates);
        let statics = files.statics.clone();
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        let is_default = crate::language::codes::same(language, &config.language);
        let strings =
            crate::strings::Strings::for_language(book_root, config, language, is_default, links)?;
        // Every template reads the interface's words as `ui.<key>`, or through `t()`
        // when a text has values to fill in or a count; `ui_json()` gives the scripts
        // a page loads their words.
        tera.global_context().insert("ui", &strings);
        register_words(&mut tera, &strings, &statics);
        tera.add_raw_templates(sources.iter().map(|(n, t)| (*n, t.as_str())))
            .map_err(|e| template_error(&e, dir))?;
        let mut hash = xxhash_rust::xxh3::Xxh3::new();
        let mut feed = |bytes: &[u8]| {
            hash.update(&(bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        for (name, text) in sources {
            feed(name.as_bytes());
            feed(text.as_bytes());
        }
        for (name, bytes) in &statics {
            feed(name.as_bytes());
            feed(bytes);
        }
        feed(format!("{strings:?}").as_bytes());
        Ok(Theme {
            tera,
            strings,
            statics,
            fingerprint: hash.digest128(),
        })
    }

    pub fn render(
        &self,
        template: &str,
        ctx: &impl serde::Serialize,
    ) -> Result<String, Diagnostic> {
        let context = Context::from_serialize(ctx).map_err(|e| {
            Diagnostic::error(
                template,
                Pos::FILE,
                format!("cannot prepare the page data: {e}"),
            )
        })?;
        self.tera.render(template, &context).map_err(|e| {
            Diagnostic::error(
                PathBuf::from("themes").join(template),
                Pos::FILE,
                format!("template error: {}", error_chain(&e)),
            )
        })
    }
}

/// `t(key=KEY, n=count, name=value, ..)`: the text of KEY (of `KEY_one` or `KEY_other`
/// with `n`), HTML-escaped, with each `{name}` replaced by its value, escaped unless the
/// template marked it `| safe` (a link or a `<time>` inside a sentence).
///
/// `ui_json(scripts="a.js b.js")`: the words those scripts read, as the JSON of the
/// page's `carebook-strings` block.
///
/// `date | date_label`: a `YYYY-MM-DD` date as `<time datetime="2026-12-03">3 December
/// 2026</time>`, written as the language writes dates (`Strings::date`); any other
/// text as it is. `n | number`: a whole number grouped ("12,500", `Strings::number`).
fn register_words(tera: &mut Tera, strings: &crate::strings::Strings, statics: &[StaticFile]) {
    use tera::{Kwargs, State, TeraResult, Value};
    let table = strings.clone();
    tera.register_function("t", move |kw: Kwargs, st: &State| -> TeraResult<Value> {
        let key: &str = kw.must_get("key")?;
        let text = match kw.get::<Value>("n")?.and_then(|n| n.as_i128()) {
            Some(n) => table.count(key, n),
            None => table.get(key),
        };
        let mut out = st.escape(text)?;
        for (name, value) in kw.iter() {
            let Some(name) = name.as_str() else { continue };
            if name == "key" {
                continue;
            }
            // Whole numbers are grouped as the language writes them ("12,500").
            let raw = match (value.as_str(), value.as_i128()) {
                (Some(s), _) => s.to_owned(),
                (None, Some(n)) => table.number(n),
                (None, None) => value.to_string(),
            };
            let filled = if value.is_safe() {
                raw
            } else {
                st.escape(&raw)?
            };
            out = out.replace(&format!("{{{name}}}"), &filled);
        }
        Ok(Value::safe_string(&out))
    });
    let table = strings.clone();
    tera.register_filter(
        "date_label",
        move |value: Value, _: Kwargs, st: &State| -> TeraResult<Value> {
            let text = match value.as_str() {
                Some(s) => s.to_owned(),
                None => value.to_string(),
            };
            let html = match table.date(&text) {
                Some(label) => format!(
                    "<time datetime=\"{}\">{}</time>",
                    st.escape(text.trim())?,
                    st.escape(&label)?
                ),
                None => st.escape(&text)?,
            };
            Ok(Value::safe_string(&html))
        },
    );
    let table = strings.clone();
    tera.register_filter(
        "number",
        move |value: Value, _: Kwargs, _: &State| -> Value {
            match value.as_i128() {
                Some(n) => Value::from(table.number(n)),
                None => value,
            }
        },
    );
    let table = strings.clone();
    let scripts: Vec<(String, Vec<String>)> = statics
        .iter()
        .filter(|(name, _)| name.ends_with(".js"))
        .map(|(name, bytes)| {
            let keys = crate::strings::Strings::script_keys(&String::from_utf8_lossy(bytes));
            (name.clone(), keys)
        })
        .collect();
    tera.register_function(
        "ui_json",
        move |kw: Kwargs, _: &State| -> TeraResult<Value> {
            let wanted: &str = kw.must_get("scripts")?;
            let mut keys: Vec<&str> = wanted
                .split_whitespace()
                .filter_map(|w| scripts.iter().find(|(n, _)| n == w))
                .flat_map(|(_, k)| k.iter().map(String::as_str))
                .collect();
            keys.sort_unstable();
            keys.dedup();
            Ok(Value::safe_string(&table.json(keys)))
        },
    );
}

fn read_override(path: &Path) -> Result<Option<String>, Diagnostic> {
    match std::fs::read_to_string(path) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Diagnostic::error(
            path,
            Pos::FILE,
            format!("cannot read the template: {e}"),
        )),
    }
}

/// Static files a theme adds beyond the default ones (images, extra CSS).
fn extra_statics(
    dir: &Path,
    links: &crate::source::LinkPolicy,
) -> Result<Vec<StaticFile>, Diagnostic> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| {
            Diagnostic::error(dir, Pos::FILE, format!("cannot read the theme: {e}"))
        })?;
        // Links are followed only where the book's link policy allows them to lead.
        if entry.path_is_symlink() {
            links.check(entry.path())?;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = crate::book::slash_path(entry.path().strip_prefix(dir).unwrap_or(entry.path()));
        // stemmers/ holds the built-in Snowball stemmers: a site gets its language's
        // inside assets/search-<code>.js, and a theme cannot swap one (it must stem as
        // the Rust indexer does), so the folder itself is never published.
        if STATIC.iter().any(|(n, _)| *n == rel) || rel.starts_with("stemmers/") {
            continue;
        }
        let bytes = std::fs::read(entry.path())
            .map_err(|e| Diagnostic::error(entry.path(), Pos::FILE, format!("cannot read: {e}")))?;
        out.push((rel, Cow::Owned(bytes)));
    }
    Ok(out)
}

fn template_error(e: &tera::Error, dir: &Path) -> Diagnostic {
    Diagnostic::error(
        dir.join("templates"),
        Pos::FILE,
        format!("template error: {}", error_chain(e)),
    )
    .with_hint("fix the template in your theme, or delete it to use the built-in one")
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        source = inner.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of the default theme must be embedded, or installed binaries lack it.
    #[test]
    fn every_default_theme_file_is_embedded() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        for (kind, list) in [("templates", TEMPLATES), ("static", STATIC)] {
            let dir = root.join(kind);
            for entry in walkdir::WalkDir::new(&dir)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
            {
                let rel = crate::book::slash_path(entry.path().strip_prefix(&dir).unwrap());
                // The stemmers are embedded by the search index, which writes a site's.
                if let Some(file) = rel.strip_prefix("stemmers/") {
                    assert!(
                        crate::search::embeds_stemmer(file),
                        "themes/default/static/{rel} is not embedded in search/mod.rs"
                    );
                    continue;
                }
                assert!(
                    list.iter().any(|(n, _)| *n == rel),
                    "themes/default/{kind}/{rel} is not embedded in theme.rs"
                );
            }
        }
    }
}
