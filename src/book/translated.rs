//! The translations found next to a book's chapters, read with the book: which sites
//! the book is built as ([`SiteLanguage`]), which file translates which chapter or
//! part ([`find`]), and a translation's `translated-from` stamp ([`read_stamp`]). The
//! rest of the languages' story (each language's book, status, stamping) is
//! `crate::translations`, which builds on the book, as the book does not on it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::{Book, Chapter, ChapterId};
use crate::config::{Config, Untranslated};
use crate::diag::{Diagnostic, Pos};
use crate::language::codes;
use crate::source::PartMeta;

/// One of the sites a book is built as.
#[derive(Debug, Clone, Serialize)]
pub struct SiteLanguage {
    /// As book.toml writes it (`es`, `pt-BR`).
    pub code: String,
    /// Its name in the switcher ("Español").
    pub label: String,
    /// Where its site is, from the book's own site's root: `` or `es/`.
    pub prefix: String,
    /// Output paths of the chapters its site leaves out (`untranslated = "omit"`),
    /// sorted; a link to one leads to that site's home page instead.
    #[serde(skip)]
    pub missing: Vec<String>,
}

impl SiteLanguage {
    /// Whether this language's site has the page at `path` (all but the chapters it
    /// leaves out).
    pub fn has(&self, path: &str) -> bool {
        self.missing
            .binary_search_by(|m| m.as_str().cmp(path))
            .is_err()
    }
}

/// The book's sites: its own language first, then each declared other language.
pub fn site_languages(config: &Config) -> Vec<SiteLanguage> {
    let label = |code: &str| {
        config
            .language_config(code)
            .and_then(|(_, l)| l.label.clone())
            .or_else(|| codes::endonym(code).map(str::to_owned))
            .unwrap_or_else(|| code.to_owned())
    };
    let mut out = vec![SiteLanguage {
        code: config.language.clone(),
        label: label(&config.language),
        prefix: String::new(),
        missing: Vec::new(),
    }];
    for code in config.languages.keys() {
        if !codes::same(code, &config.language) {
            out.push(SiteLanguage {
                code: code.clone(),
                label: label(code),
                prefix: format!("{code}/"),
                missing: Vec::new(),
            });
        }
    }
    out
}

/// The translations found next to the chapters, per other language (in the order of
/// `Book::languages[1..]`).
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub sets: Vec<Set>,
}

/// One language's translations.
#[derive(Debug, Clone, Default)]
pub struct Set {
    /// Translated chapters by their original, read with the language's settings.
    pub chapters: HashMap<ChapterId, Chapter>,
    /// Translated part titles and introductions, by part index.
    pub parts: HashMap<usize, PartMeta>,
    /// The home page's text (`index.es.md` at the top of the chapters folder).
    pub home: Option<crate::book::HomeText>,
}

/// The book's settings as a site in `code` sees them: its title, tags, audiences
/// and facts in that language where book.toml gives them.
pub fn config_for(config: &Config, code: &str) -> Config {
    let mut c = config.clone();
    c.language = code.to_owned();
    if !codes::same(code, &config.language) {
        // The language's site is a folder of the book's.
        if let Some(base) = &mut c.build.base_url {
            if !base.ends_with('/') {
                base.push('/');
            }
            base.push_str(&format!("{code}/"));
        }
    }
    let Some((_, lang)) = config.language_config(code) else {
        return c;
    };
    if let Some(t) = &lang.title {
        c.title = t.clone();
    }
    if let Some(d) = &lang.description {
        c.description = d.clone();
    }
    for (id, term) in &lang.tags {
        c.tags.insert(id.clone(), term.clone());
    }
    for (id, term) in &lang.audiences {
        c.audiences.insert(id.clone(), term.clone());
    }
    // Packs' titles and introductions: `course::load`, which also reads packs/.
    for (name, value) in &lang.facts {
        c.facts.insert(name.clone(), value.clone());
    }
    // A translation may keep the book's headings or use its own language's.
    if let Some(own) = &lang.checklists {
        c.checklists
            .do_headings
            .extend(own.do_headings.iter().cloned());
        c.checklists
            .avoid_headings
            .extend(own.avoid_headings.iter().cloned());
    }
    if let Some(own) = &lang.checks {
        c.checks.heading = own.heading.clone();
    }
    c
}

/// What a translation file translates.
enum Target {
    Chapter(ChapterId),
    Part(usize),
}

/// Reads the translation files `files` (relative to the chapters folder) of `book`,
/// reporting files in undeclared languages, translations without an original and two
/// translations of one original. Also fills each language's `missing` list.
pub fn find(book: &mut Book, files: Vec<PathBuf>, diags: &mut Vec<Diagnostic>) -> Found {
    let others = book.languages.len() - 1;
    let mut found = Found {
        sets: vec![Set::default(); others],
    };
    let by_source: HashMap<(PathBuf, String), ChapterId> = book
        .chapter_ids()
        .map(|id| {
            let src = &book.chapters[id].source;
            (
                (
                    src.parent().unwrap_or(Path::new("")).to_path_buf(),
                    stem(src),
                ),
                id,
            )
        })
        .collect();
    let mut claimed: HashMap<(usize, String), PathBuf> = HashMap::new();
    let mut jobs: Vec<(usize, ChapterId, PathBuf)> = Vec::new();
    for rel in files {
        let path = book.source_dir.join(&rel);
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((original, code)) = crate::source::translation_of(&name) else {
            continue;
        };
        let Some(lang) = book
            .languages
            .iter()
            .position(|l| codes::same(&l.code, code))
        else {
            let known =
                codes::endonym(code).map_or(String::new(), |n| format!(", label = \"{n}\""));
            diags.push(
                Diagnostic::error(&path, Pos::FILE, format!("this file is named as a translation into `{code}`, a language book.toml does not declare"))
                    .with_hint(format!("add `[languages.{code}]` to book.toml (for example `[languages.{code}]{known}` on its own lines), or rename the file if it is not a translation")),
            );
            continue;
        };
        if lang == 0 {
            diags.push(
                Diagnostic::error(&path, Pos::FILE, format!("`{code}` is the book's own language (`language` in book.toml), so this file translates nothing"))
                    .with_hint(format!("name the file `{original}`, without the language code")),
            );
            continue;
        }
        let dir = rel.parent().unwrap_or(Path::new("")).to_path_buf();
        let lower = original.to_lowercase();
        let in_part = rel.components().count() >= 2;
        let is_part_file = in_part
            && (lower == "_part.yaml"
                || lower == "_part.yml"
                || crate::source::is_folder_page(&lower));
        if !in_part && crate::source::is_folder_page(&lower) {
            // The home page's text: translated by the file named like the one the book
            // reads it from (`index.es.md` for `index.md`). A README.<code>.md beside an
            // index.md is notes for authors, as its original is.
            let home_name = book
                .home
                .as_ref()
                .and_then(|h| h.file.file_name())
                .map(|n| n.to_string_lossy().to_lowercase());
            if home_name.as_deref() != Some(lower.as_str()) {
                if lower != "readme.md" {
                    let hint = match &home_name {
                        Some(n) => format!("the home page's text comes from `{n}`: name its translation after it (`{}`), or remove this file", n.replacen(".md", &format!(".{code}.md"), 1)),
                        None => format!("add the original `{original}` next to it first: the home page has no text of its own to translate"),
                    };
                    diags.push(
                        Diagnostic::warning(&path, Pos::FILE, "this file is not used: it translates a home page text the book does not have")
                            .with_hint(hint),
                    );
                }
                continue;
            }
            let set = &mut found.sets[lang - 1];
            if let Some(first) = &set.home {
                diags.push(
                    Diagnostic::error(
                        &path,
                        Pos::FILE,
                        format!(
                            "`{}` already translates the home page's text into `{code}`",
                            crate::diag::display_path(&first.file)
                        ),
                    )
                    .with_hint("keep one translation per language and remove the other file"),
                );
                continue;
            }
            match crate::book::read_part_meta(&path) {
                Ok(meta) => {
                    set.home = Some(crate::book::HomeText {
                        text: meta.intro,
                        file: path,
                        translated_from: meta
                            .translated_from
                            .map(|t| t.0.trim().to_ascii_lowercase()),
                    });
                }
                Err(d) => diags.push(d),
            }
            continue;
        }
        let target = if is_part_file {
            match book.parts.iter().position(|p| p.dir == dir) {
                Some(i) => Target::Part(i),
                None => {
                    diags.push(
                        Diagnostic::warning(&path, Pos::FILE, "this translates a part's title and introduction, but the folder has no chapters, so there is no part to translate")
                            .with_hint("add chapters to the folder, or remove this file"),
                    );
                    continue;
                }
            }
        } else if let Some(&id) = by_source.get(&(dir.clone(), stem(Path::new(&original)))) {
            Target::Chapter(id)
        } else {
            let stem_of = stem(Path::new(&original));
            // A draft's translation waits with its original.
            let draft = ["md", "markdown"].iter().any(|ext| {
                book.source_dir
                    .join(&dir)
                    .join(format!("{stem_of}.{ext}"))
                    .is_file()
            });
            if !draft {
                let near: Vec<String> = by_source
                    .keys()
                    .filter(|(d, _)| *d == dir)
                    .map(|(_, s)| format!("{s}.{code}.md"))
                    .collect();
                let hint = match crate::diag::did_you_mean(&format!("{}.{code}.md", stem_of), near.iter().map(String::as_str)) {
                    Some(best) => format!("name it after its original: did you mean `{best}`?"),
                    None => format!("a translation sits next to its original and has its name with `.{code}` added: `{stem_of}.{code}.md` translates `{stem_of}.md`"),
                };
                diags.push(
                    Diagnostic::error(&path, Pos::FILE, format!("this translation has no original: there is no `{original}` in its folder"))
                        .with_hint(hint),
                );
            }
            continue;
        };
        let key = match target {
            Target::Chapter(id) => (lang, format!("chapter {}", id.index())),
            Target::Part(i) => (lang, format!("part {i}")),
        };
        if let Some(first) = claimed.get(&key) {
            diags.push(
                Diagnostic::error(
                    &path,
                    Pos::FILE,
                    format!(
                        "`{}` already translates the same {} into `{code}`",
                        crate::diag::display_path(first),
                        if is_part_file { "part" } else { "chapter" }
                    ),
                )
                .with_hint("keep one translation per language and remove the other file"),
            );
            continue;
        }
        claimed.insert(key, path.clone());
        match target {
            Target::Chapter(id) => jobs.push((lang, id, rel)),
            Target::Part(i) => match crate::book::read_part_meta(&path) {
                Ok(mut meta) => {
                    meta.file = path;
                    found.sets[lang - 1].parts.insert(i, meta);
                }
                Err(d) => diags.push(d),
            },
        }
    }
    let configs: Vec<Config> = book
        .languages
        .iter()
        .map(|l| config_for(&book.config, &l.code))
        .collect();
    let drafted: Vec<_> = jobs
        .into_par_iter()
        .map(|(lang, id, rel)| {
            let text = crate::source::read_text(&book.source_dir.join(&rel));
            let (chapter, d) =
                crate::book::draft_chapter(&book.root, &book.source_dir, rel, text, &configs[lang]);
            (lang, id, chapter, d)
        })
        .collect();
    for (lang, id, chapter, mut d) in drafted {
        diags.append(&mut d);
        if let Some(ch) = chapter {
            found.sets[lang - 1].chapters.insert(id, ch);
        }
    }
    for (i, set) in found.sets.iter().enumerate() {
        let code = &book.languages[i + 1].code;
        let omit = book
            .config
            .language_config(code)
            .is_some_and(|(_, l)| l.untranslated == Untranslated::Omit);
        if omit {
            let mut missing: Vec<String> = book
                .chapter_ids()
                .filter(|id| !set.chapters.contains_key(id))
                .map(|id| book.chapters[id].out_path.clone())
                .collect();
            missing.sort();
            book.languages[i + 1].missing = missing;
        }
    }
    found
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `translated-from` as written: 16 hexadecimal digits, else a located error.
pub fn read_stamp(
    value: Option<crate::source::Text>,
    path: &Path,
    locate: impl Fn(&str) -> Pos,
) -> Result<Option<String>, Diagnostic> {
    let Some(crate::source::Text(v)) = value else {
        return Ok(None);
    };
    let v = v.trim();
    if v.len() == 16 && v.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(Some(v.to_ascii_lowercase()));
    }
    Err(Diagnostic::error(
        path,
        locate(v),
        format!("`translated-from` must be the 16-digit fingerprint of the original, found `{v}`"),
    )
    .with_hint(format!(
        "carebook writes it: run `carebook translations stamp {}` once the translation matches its original",
        crate::diag::display_path(path)
    )))
}
