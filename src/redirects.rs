//! Addresses that keep working after a rename or a move: a chapter's `aliases` (old
//! addresses of that page) and book.toml's `[redirects]` (old folders or pages) become
//! small pages that send the reader on to the new address: a meta refresh, a visible
//! link, `<link rel="canonical">`, and a line of script that keeps any `#section`.
//! Every URL in them is relative, so they work from `file://` and any sub-path.
//!
//! An alias with a `/` is a path from the site's root (`stress/calming-callers.html`);
//! a bare name (`calming-callers`) is an old name in the chapter's own folder. `.html`
//! is added when missing and `.md` becomes `.html`, so a chapter's old file name works.
//! A folder redirect (`"old-part/" = "new-part/"`) covers every page now under the new
//! folder, by the same name, and the old folder's `index.html`. Pages that exist are
//! never replaced by a redirect.

use std::collections::{BTreeMap, HashMap};

use crate::book::{Book, RESERVED_FOLDERS};
use crate::config::TomlSpans;
use crate::diag::{did_you_mean, Diagnostic};

/// One redirect page: written at `from`, sending readers to `to` (both site paths).
#[derive(Debug, Clone, PartialEq)]
pub struct Redirect {
    pub from: String,
    pub to: String,
    pub title: String,
}

/// The pages carebook writes, with what each is, so a redirect never replaces one.
fn pages(book: &Book) -> HashMap<String, String> {
    let mut p: HashMap<String, String> = HashMap::new();
    for (path, what) in [
        ("index.html", "the home page"),
        ("404.html", "the not-found page"),
        ("print.html", "the printable handbook"),
        ("sitemap.xml", "the sitemap"),
        (crate::paths::FACTS, "the facts page"),
    ] {
        p.insert(path.to_owned(), what.to_owned());
    }
    for part in book.parts.iter().filter(|p| !p.is_root()) {
        p.insert(
            part.out_path.clone(),
            format!("the page of the part “{}”", part.title),
        );
    }
    for ch in &book.chapters {
        p.insert(ch.out_path.clone(), format!("the chapter “{}”", ch.title));
    }
    for a in &book.assets {
        p.insert(
            crate::book::slash_path(a),
            "a file in the chapters folder".to_owned(),
        );
    }
    p
}

/// `alias` as a site path, or why it cannot be one.
fn normalize(alias: &str, folder: &str) -> Result<String, String> {
    let a = alias.trim();
    if a.is_empty() {
        return Err("an alias cannot be empty".into());
    }
    if a.contains("://") || a.starts_with("//") || a.contains(['?', '#', '\\']) {
        return Err(format!("the alias `{a}` must be a path inside the site, like `old-part/old-name.html`, without `?`, `#` or a web address"));
    }
    let from_root = a.starts_with('/') || a.contains('/');
    let a = a.trim_start_matches('/');
    if a.split('/').any(|s| s == ".." || s == ".") {
        return Err(format!("the alias `{a}` cannot use `.` or `..`; write the old address from the top of the site"));
    }
    let mut path = if from_root || folder.is_empty() {
        a.to_owned()
    } else {
        format!("{folder}/{a}")
    };
    if path.ends_with('/') || path.is_empty() {
        path.push_str("index.html");
    } else if let Some(stem) = path.strip_suffix(".md") {
        path = format!("{stem}.html");
    } else if !(path.ends_with(".html") || path.ends_with(".htm")) {
        path.push_str(".html");
    }
    Ok(path)
}

fn reserved(path: &str) -> Option<&'static str> {
    let first = path.split('/').next().unwrap_or("");
    RESERVED_FOLDERS
        .iter()
        .find(|f| **f == first && path.contains('/'))
        .copied()
}

/// Every redirect of the book, and the problems: aliases and `[redirects]` entries that
/// would replace a page or each other, or lead nowhere.
pub fn plan(book: &Book) -> (Vec<Redirect>, Vec<Diagnostic>) {
    let existing = pages(book);
    let mut diags = Vec::new();
    // Site path → (redirect, who asked for it).
    let mut taken: BTreeMap<String, (Redirect, String)> = BTreeMap::new();
    for ch in &book.chapters {
        let folder = ch
            .out_path
            .rsplit_once('/')
            .map_or("", |(f, _)| f)
            .to_owned();
        for alias in &ch.aliases {
            let pos = ch.locate("aliases", alias);
            let from = match normalize(alias, &folder) {
                Ok(f) => f,
                Err(m) => {
                    diags.push(Diagnostic::error(&ch.path, pos, m).with_hint("for example `aliases: [calming-callers]` (an old name in this folder) or `aliases: [stress/calming-callers.html]` (an old address from the top of the site)"));
                    continue;
                }
            };
            let problem = if from == ch.out_path {
                Some((
                    "is this chapter's own address".to_owned(),
                    "remove it: the page is already there".to_owned(),
                ))
            } else if let Some(what) = existing.get(&from) {
                Some((
                    format!("would replace {what} (`{from}`)"),
                    "remove the alias, or rename the page that has that address".to_owned(),
                ))
            } else if let Some(dir) = reserved(&from) {
                Some((
                    format!("is in `{dir}/`, where carebook writes its own pages"),
                    "choose an address outside that folder".to_owned(),
                ))
            } else if let Some((_, other)) = taken.get(&from) {
                Some((format!("is already an alias of {other}"), "an old address can lead to one page only; remove it from one of the two chapters".to_owned()))
            } else {
                None
            };
            if let Some((what, hint)) = problem {
                diags.push(
                    Diagnostic::error(
                        &ch.path,
                        pos,
                        format!("the alias `{alias}` (`{from}`) {what}"),
                    )
                    .with_hint(hint),
                );
                continue;
            }
            let r = Redirect {
                from: from.clone(),
                to: ch.out_path.clone(),
                title: ch.title.clone(),
            };
            taken.insert(from, (r, format!("`{}`", ch.path.display())));
        }
    }
    if !book.config.redirects.is_empty() {
        table(book, &existing, &mut taken, &mut diags);
    }
    (taken.into_values().map(|(r, _)| r).collect(), diags)
}

/// The `[redirects]` table of book.toml.
fn table(
    book: &Book,
    existing: &HashMap<String, String>,
    taken: &mut BTreeMap<String, (Redirect, String)>,
    diags: &mut Vec<Diagnostic>,
) {
    let toml_path = &book.config.file.path;
    let text = &*book.config.file.text;
    let title_of = |to: &str| -> String {
        book.chapters
            .iter()
            .find(|c| c.out_path == to)
            .map(|c| c.title.clone())
            .or_else(|| {
                book.parts
                    .iter()
                    .find(|p| p.out_path == to)
                    .map(|p| p.title.clone())
            })
            .unwrap_or_else(|| book.config.title.clone())
    };
    let spans = TomlSpans::new(text);
    for (old, new) in &book.config.redirects {
        let pos = spans.key(&["redirects", old]);
        let err = |m: String, h: String| Diagnostic::error(toml_path, pos, m).with_hint(h);
        // Problems with where the redirect leads point at the new address.
        let target = spans.string_in(&["redirects", old], new);
        let err_new = |m: String, h: String| Diagnostic::error(toml_path, target, m).with_hint(h);
        let (o, n) = (
            old.trim().trim_start_matches('/'),
            new.trim().trim_start_matches('/'),
        );
        let folders = (
            o.ends_with('/') || o.is_empty(),
            n.ends_with('/') || n.is_empty(),
        );
        if folders.0 != folders.1 {
            diags.push(err(
                format!("`\"{old}\" = \"{new}\"` mixes a folder and a page"),
                "end both with `/` to move a folder (`\"old-part/\" = \"new-part/\"`), or neither to move one page".into(),
            ));
            continue;
        }
        let bad = [o, n].into_iter().find(|p| {
            p.contains("://")
                || p.contains(['?', '#', '\\'])
                || p.split('/').any(|s| s == ".." || s == ".")
        });
        if let Some(p) = bad {
            diags.push(err(
                format!(
                    "`{p}` must be a path inside the site, from its top, without `..`, `?` or `#`"
                ),
                "for example `\"old-part/\" = \"new-part/\"`".into(),
            ));
            continue;
        }
        let mut pairs = Vec::new();
        if folders.0 {
            if o == n {
                diags.push(err(
                    format!("`{old}` redirects to itself"),
                    "remove this line".into(),
                ));
                continue;
            }
            if o.is_empty() {
                diags.push(err(
                    "the top of the site cannot be redirected as a folder".into(),
                    "name the old folder, e.g. `\"stress/\" = \"calm/\"`".into(),
                ));
                continue;
            }
            let mut under: Vec<&str> = existing
                .keys()
                .filter(|p| p.starts_with(n) && p.ends_with(".html"))
                .map(String::as_str)
                .collect();
            under.sort_unstable();
            if under.is_empty() {
                let folders: Vec<String> = existing
                    .keys()
                    .filter_map(|p| p.rsplit_once('/').map(|(f, _)| format!("{f}/")))
                    .collect();
                let hint = match did_you_mean(n, folders.iter().map(String::as_str)) {
                    Some(best) => format!("did you mean `\"{old}\" = \"{best}\"`?"),
                    None => "the new folder must hold pages of this book".into(),
                };
                diags.push(err_new(format!("no page of the site is in `{new}`"), hint));
                continue;
            }
            for page in under {
                pairs.push((format!("{o}{}", &page[n.len()..]), page.to_owned()));
            }
        } else {
            let (Ok(from), Ok(to)) = (
                normalize(&format!("/{o}"), ""),
                normalize(&format!("/{n}"), ""),
            ) else {
                continue;
            };
            if !existing.contains_key(&to) {
                let hint = match did_you_mean(&to, existing.keys().map(String::as_str)) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "redirect to a page of the site, like `new-part/chapter.html`".into(),
                };
                diags.push(err_new(format!("`{new}` is not a page of the site"), hint));
                continue;
            }
            if let Some(what) = existing.get(&from) {
                diags.push(err(
                    format!("`{old}` would replace {what}"),
                    "a redirect can only stand where no page is".into(),
                ));
                continue;
            }
            if let Some((_, other)) = taken.get(&from) {
                diags.push(err(
                    format!("`{old}` is already an alias of {other}"),
                    "keep one of the two: an old address can lead to one page only".into(),
                ));
                continue;
            }
            pairs.push((from, to));
        }
        for (from, to) in pairs {
            // Pages that exist, and chapters' own aliases, win over a folder's redirects.
            if existing.contains_key(&from)
                || taken.contains_key(&from)
                || reserved(&from).is_some()
            {
                continue;
            }
            let title = title_of(&to);
            taken.insert(
                from.clone(),
                (
                    Redirect { from, to, title },
                    format!("`{old}` in book.toml"),
                ),
            );
        }
    }
}

/// The folder moves of `[redirects]` (`{"stress/": "calm/"}`) as JSON for the
/// not-found page, which sends a page that no longer exists to the new folder's first
/// page; empty when there are none.
pub fn folders_json(config: &crate::config::Config) -> String {
    let folders: serde_json::Map<String, serde_json::Value> = config
        .redirects
        .iter()
        .map(|(o, n)| {
            (
                o.trim().trim_start_matches('/'),
                n.trim().trim_start_matches('/'),
            )
        })
        .filter(|(o, n)| o.ends_with('/') && n.ends_with('/') && o.len() > 1)
        .map(|(o, n)| (o.to_owned(), serde_json::Value::from(n)))
        .collect();
    if folders.is_empty() {
        return String::new();
    }
    serde_json::to_string(&folders)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_become_site_paths() {
        assert_eq!(
            normalize("calming-callers", "stress").unwrap(),
            "stress/calming-callers.html"
        );
        assert_eq!(
            normalize("stress/calming-callers.html", "stress").unwrap(),
            "stress/calming-callers.html"
        );
        assert_eq!(normalize("/old.html", "stress").unwrap(), "old.html");
        assert_eq!(normalize("old-part/", "x").unwrap(), "old-part/index.html");
        assert_eq!(normalize("old/calm.md", "x").unwrap(), "old/calm.html");
        assert_eq!(normalize("calm", "").unwrap(), "calm.html");
        for bad in ["", "https://x.com/a", "../a", "a/../b", "a?x", "a#b"] {
            assert!(normalize(bad, "s").is_err(), "{bad}");
        }
    }
}
