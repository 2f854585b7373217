//! An mdBook book's `SUMMARY.md`: the chapters, their order and nesting, read the way
//! mdBook reads it. Only the files it lists are pages; part titles (`# Title`) become
//! sections; unnumbered chapters before the first list open the book and those after
//! the last one close it; an entry without a file (`- [Title]()`) is a draft, left
//! out. carebook never creates a listed file that is missing (mdBook does): it says
//! where the entry is instead.

use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::diag::{Diagnostic, LineIndex, Pos};

pub const SUMMARY_FILE: &str = "SUMMARY.md";

/// One entry of the summary that names a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The label in SUMMARY.md: the chapter's title in the contents, as in mdBook.
    pub title: String,
    /// The file, relative to the chapters folder.
    pub path: PathBuf,
    /// 0 for a chapter at the top of its list, 1 for one nested under it...
    pub depth: usize,
    /// Where the entry's link is in SUMMARY.md.
    pub pos: Pos,
}

/// A run of chapters: the top of the book (no title), a part (`# Title`), or the
/// closing chapters after the last part (no title, `closing`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    pub title: Option<String>,
    pub closing: bool,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Default)]
pub struct Summary {
    /// In reading order; the first is always the untitled top of the book.
    pub groups: Vec<Group>,
    /// Draft entries (no file yet): their labels and where they are.
    pub drafts: Vec<(String, Pos)>,
}

/// SUMMARY.md in `source_dir`, when the book is an mdBook book (book.toml has `[book]`).
pub fn find(source_dir: &Path, mdbook: bool) -> Option<PathBuf> {
    let path = source_dir.join(SUMMARY_FILE);
    (mdbook && path.is_file()).then_some(path)
}

/// What is being read: the text of a heading, of a link, or an entry's own text.
enum Collect {
    None,
    Heading(HeadingLevel, usize),
    Link {
        dest: String,
        start: usize,
        end: usize,
    },
}

/// Reads SUMMARY.md's `text`; problems are located in `file`.
pub fn parse(text: &str, file: &Path) -> (Summary, Vec<Diagnostic>) {
    let lines = LineIndex::new(text);
    let mut diags = Vec::new();
    let mut summary = Summary {
        groups: vec![Group::default()],
        drafts: Vec::new(),
    };
    // Unnumbered chapters after a list: the closing chapters, unless a part or list
    // follows them (then they stay where they are, in the current group).
    let mut pending: Vec<Entry> = Vec::new();
    let mut seen_anything = false;
    let mut seen_list = false;
    let mut list_depth = 0usize;
    // Per open list item: whether it has its link yet.
    let mut items: Vec<bool> = Vec::new();
    let mut collect = Collect::None;
    let mut label = String::new();
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                collect = Collect::Heading(level, range.start);
                label.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                let Collect::Heading(level, start) = std::mem::replace(&mut collect, Collect::None)
                else {
                    continue;
                };
                let title = label.trim().to_owned();
                let first = !seen_anything;
                seen_anything = true;
                if level != HeadingLevel::H1 {
                    diags.push(
                        Diagnostic::warning(
                            file,
                            lines.span(start..range.end),
                            "only a `# ` heading is a part title in SUMMARY.md; this heading is ignored",
                        )
                        .with_hint("write the part's title as `# Title`"),
                    );
                    continue;
                }
                // The first heading, before any entry, is the summary's own title
                // (`# Summary`), as mdBook reads it.
                if first {
                    continue;
                }
                let group = summary.groups.last_mut().expect("one group");
                group.entries.append(&mut pending);
                summary.groups.push(Group {
                    title: Some(title),
                    closing: false,
                    entries: Vec::new(),
                });
            }
            Event::Start(Tag::List(_)) => {
                if list_depth == 0 {
                    let group = summary.groups.last_mut().expect("one group");
                    group.entries.append(&mut pending);
                    seen_list = true;
                }
                seen_anything = true;
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
            Event::Start(Tag::Item) => items.push(false),
            // The guard pops the item either way; only one without a link is reported.
            Event::End(TagEnd::Item) if items.pop() == Some(false) => {
                diags.push(
                    Diagnostic::error(
                        file,
                        lines.span(range.clone()),
                        "this entry of SUMMARY.md is not a link to a chapter",
                    )
                    .with_hint("write each entry as `- [Title](file.md)`, or `- [Title]()` for a chapter not written yet"),
                );
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                collect = Collect::Link {
                    dest: dest_url.into_string(),
                    start: range.start,
                    end: range.end,
                };
                label.clear();
            }
            Event::End(TagEnd::Link) => {
                let Collect::Link { dest, start, end } =
                    std::mem::replace(&mut collect, Collect::None)
                else {
                    continue;
                };
                seen_anything = true;
                // Only an item's first link is its entry; links later in it are text.
                if let Some(has) = items.last_mut() {
                    if *has {
                        continue;
                    }
                    *has = true;
                }
                let pos = lines.span(start..end);
                let title = label.trim().to_owned();
                if dest.trim().is_empty() {
                    summary.drafts.push((title, pos));
                    continue;
                }
                let path = match entry_path(&dest) {
                    Ok(p) => p,
                    Err(why) => {
                        diags.push(
                            Diagnostic::error(
                                file,
                                pos,
                                format!("`{dest}` in SUMMARY.md is not a chapter file: {why}"),
                            )
                            .with_hint("give the chapter's file relative to the folder holding SUMMARY.md, like `- [Refunds](billing/refunds.md)`"),
                        );
                        continue;
                    }
                };
                let entry = Entry {
                    title,
                    path,
                    depth: list_depth.saturating_sub(1),
                    pos,
                };
                if list_depth > 0 {
                    summary
                        .groups
                        .last_mut()
                        .expect("one group")
                        .entries
                        .push(entry);
                } else if seen_list || summary.groups.len() > 1 {
                    pending.push(entry);
                } else {
                    summary.groups[0].entries.push(entry);
                }
            }
            Event::Text(t) | Event::Code(t) if !matches!(collect, Collect::None) => {
                label.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak if !matches!(collect, Collect::None) => {
                label.push(' ')
            }
            Event::Rule => seen_anything = true,
            _ => {}
        }
    }
    if !pending.is_empty() {
        if summary.groups.len() > 1 {
            summary.groups.push(Group {
                title: None,
                closing: true,
                entries: pending,
            });
        } else {
            summary.groups[0].entries.append(&mut pending);
        }
    }
    (summary, diags)
}

/// The file an entry's link names, relative to the chapters folder: a relative path
/// that stays inside it, to a Markdown file.
fn entry_path(dest: &str) -> Result<PathBuf, &'static str> {
    if dest.contains("://") || dest.starts_with("mailto:") {
        return Err("it is a web address");
    }
    let dest = dest.split('#').next().unwrap_or_default();
    let decoded = dest.replace("%20", " ");
    let path = Path::new(&decoded);
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(n) => out.push(n),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return Err("it leads out of the chapters folder");
                }
            }
            Component::RootDir | Component::Prefix(_) => return Err("it is an absolute path"),
        }
    }
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "md" | "markdown") {
        return Err("chapters are Markdown files ending in `.md`");
    }
    Ok(out)
}

/// The chapters and sections SUMMARY.md lists, read from the files of `listing`, with
/// the problems found: entries whose file is missing, Markdown files it leaves out,
/// drafts.
pub(super) struct Listed {
    pub parts: Vec<super::Part>,
    pub chapters: Vec<super::Chapter>,
    pub diags: Vec<super::Diagnostic>,
}

pub(super) fn load(
    summary_file: &Path,
    root: &Path,
    source_dir: &Path,
    listing: &crate::source::Listing,
    config: &crate::config::Config,
) -> Listed {
    use std::collections::{HashMap, HashSet};
    let mut diags = Vec::new();
    let text = match crate::source::read_text(summary_file) {
        Ok(t) => t,
        Err(d) => {
            return Listed {
                parts: Vec::new(),
                chapters: Vec::new(),
                diags: vec![d],
            }
        }
    };
    let (summary, mut d) = parse(&text, summary_file);
    diags.append(&mut d);
    // Each listed file once, at its first entry; the files that exist, from the walk
    // (so a file the link policy refused is not read here either).
    let files: HashSet<&Path> = listing
        .chapters
        .iter()
        .chain(&listing.part_files)
        .map(PathBuf::as_path)
        .collect();
    let mut first: HashMap<PathBuf, Pos> = HashMap::new();
    let mut groups: Vec<(Group, Vec<Entry>)> = Vec::new();
    for group in summary.groups {
        let mut kept = Vec::new();
        for entry in &group.entries {
            if let Some(at) = first.get(&entry.path) {
                diags.push(
                    Diagnostic::warning(
                        summary_file,
                        entry.pos,
                        format!(
                            "`{}` is listed twice in SUMMARY.md (first on line {}); this entry is left out",
                            entry.path.display(),
                            at.line
                        ),
                    )
                    .with_hint("a chapter has one place in the book: remove one of the two entries"),
                );
                continue;
            }
            if !files.contains(entry.path.as_path()) {
                diags.push(
                    Diagnostic::error(
                        summary_file,
                        entry.pos,
                        format!(
                            "SUMMARY.md lists `{}`, which is not in `{}`",
                            entry.path.display(),
                            config.build.source.display()
                        ),
                    )
                    .with_hint("create the file, correct the path in the link, or write the entry as a draft, `- [Title]()`, until the chapter is written"),
                );
                continue;
            }
            first.insert(entry.path.clone(), entry.pos);
            kept.push(entry.clone());
        }
        groups.push((group, kept));
    }
    if let Some((_, pos)) = summary.drafts.first() {
        let names: Vec<String> = summary
            .drafts
            .iter()
            .map(|(t, p)| format!("“{t}” (line {})", p.line))
            .collect();
        diags.push(
            Diagnostic::warning(
                summary_file,
                *pos,
                format!(
                    "{} in SUMMARY.md {} no file yet and {} left out of the site: {}",
                    if names.len() == 1 {
                        "1 draft entry".to_owned()
                    } else {
                        format!("{} draft entries", names.len())
                    },
                    if names.len() == 1 { "has" } else { "have" },
                    if names.len() == 1 { "is" } else { "are" },
                    names.join(", ")
                ),
            )
            .with_hint("give an entry its file, `- [Title](file.md)`, when the chapter is written"),
        );
    }
    let listed: Vec<PathBuf> = groups
        .iter()
        .flat_map(|(_, e)| e.iter().map(|e| e.path.clone()))
        .collect();
    let texts = crate::source::read_all(source_dir, &listed);
    let mut drafted = texts.into_iter();
    let mut parts: Vec<super::Part> = Vec::new();
    let mut chapters: Vec<super::Chapter> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    for (group, entries) in groups {
        let index = parts.len();
        let start = chapters.len();
        // The depth of the last chapter kept, so a chapter under one left out
        // (`draft: true`) moves up rather than hanging under nothing.
        let mut last: Option<usize> = None;
        for entry in entries {
            let text = drafted.next().expect("one text per listed file");
            let (ch, mut d) =
                super::draft_chapter(root, source_dir, entry.path.clone(), text, config);
            diags.append(&mut d);
            let Some(mut ch) = ch else { continue };
            ch.title = entry.title.clone();
            // A folder's README.md is its index.html, as mdBook publishes it, so
            // addresses people kept still work (not at the top: that is the home page).
            let readme = entry
                .path
                .file_name()
                .is_some_and(|n| n.eq_ignore_ascii_case("readme.md"));
            let in_folder = entry
                .path
                .parent()
                .is_some_and(|p| !p.as_os_str().is_empty());
            if readme && in_folder && ch.slug == "readme" {
                ch.slug = "index".into();
                ch.out_path = super::output_path(&entry.path, "index");
            }
            ch.nest = entry.depth.min(last.map_or(0, |l| l + 1));
            ch.listed = true;
            last = Some(ch.nest);
            chapters.push(ch);
        }
        let (dir, depth) = match (&group.title, group.closing) {
            (None, false) => (PathBuf::new(), 0),
            // The closing chapters have no page; their folder name only names their
            // desk-card page.
            (None, true) => (PathBuf::from(unique("end", &mut taken)), 0),
            (Some(title), _) => {
                let slug = crate::url::slugify(title);
                let base = if slug.is_empty() {
                    format!("part-{index}")
                } else {
                    slug
                };
                (PathBuf::from(unique(&base, &mut taken)), 1)
            }
        };
        if chapters.len() == start && group.title.is_none() {
            continue;
        }
        let meta = crate::source::PartMeta {
            title: group.title.clone(),
            file: summary_file.to_path_buf(),
            ..Default::default()
        };
        let mut part = super::new_part(dir, meta, None, depth);
        if group.title.is_none() {
            part.title = String::new();
        }
        part.chapters = start..chapters.len();
        part.all_chapters = part.chapters.clone();
        // Chapters were numbered for the groups kept so far.
        let index = parts.len();
        for ch in &mut chapters[start..] {
            ch.part = index;
        }
        parts.push(part);
    }
    diags.extend(unlisted(summary_file, listing, &first, &chapters));
    Listed {
        parts,
        chapters,
        diags,
    }
}

/// `base`, or `base-2`, `base-3`... when it is taken.
fn unique(base: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let mut name = base.to_owned();
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}-{n}");
        n += 1;
    }
    name
}

/// One warning naming the Markdown files SUMMARY.md does not list (mdBook leaves
/// them out too), besides the ones chapters `{{#include}}`.
fn unlisted(
    summary_file: &Path,
    listing: &crate::source::Listing,
    listed: &std::collections::HashMap<PathBuf, Pos>,
    chapters: &[super::Chapter],
) -> Option<Diagnostic> {
    let included: std::collections::HashSet<&Path> = chapters
        .iter()
        .flat_map(|c| c.includes.real_files.iter().skip(1))
        .map(PathBuf::as_path)
        .collect();
    let dir = summary_file.parent().unwrap_or(Path::new(""));
    let left: Vec<String> = listing
        .chapters
        .iter()
        .chain(&listing.part_files)
        .filter(|rel| {
            let md = rel
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown");
            md && rel.as_path() != Path::new(SUMMARY_FILE)
                && !listed.contains_key(rel.as_path())
                && !std::fs::canonicalize(dir.join(rel))
                    .is_ok_and(|real| included.contains(real.as_path()))
        })
        .map(|rel| super::slash_path(rel))
        .collect();
    if left.is_empty() {
        return None;
    }
    const SHOWN: usize = 8;
    let mut names: Vec<String> = left.iter().take(SHOWN).cloned().collect();
    if left.len() > SHOWN {
        names.push(format!("and {} more", left.len() - SHOWN));
    }
    let n = left.len();
    Some(
        Diagnostic::warning(
            summary_file,
            Pos::FILE,
            format!(
                "{} not listed in SUMMARY.md, so {} not published: {}",
                if n == 1 { "1 Markdown file is".to_owned() } else { format!("{n} Markdown files are") },
                if n == 1 { "it is" } else { "they are" },
                names.join(", ")
            ),
        )
        .with_hint("add an entry, `- [Title](file.md)`, for each one that should be a page; files only pulled in with {{#include}} are fine as they are"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Summary, Vec<Diagnostic>) {
        parse(text, Path::new("SUMMARY.md"))
    }

    type Shape<'a> = Vec<(Option<&'a str>, Vec<(String, usize)>)>;

    fn shape(s: &Summary) -> Shape<'_> {
        s.groups
            .iter()
            .map(|g| {
                (
                    g.title.as_deref(),
                    g.entries
                        .iter()
                        .map(|e| (e.path.to_string_lossy().into_owned(), e.depth))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn prefix_parts_nesting_drafts_and_suffix() {
        let (s, d) = read(
            "# Summary\n\n[Intro](intro.md)\n\n# Basics\n\n- [One](one.md)\n  - [One A](one/a.md)\n    - [Deep](one/a/deep.md)\n- [Later]()\n- [Two](two.md)\n\n---\n\n[Thanks](thanks.md)\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let s2 = |p: &str, d| (p.to_owned(), d);
        assert_eq!(
            shape(&s),
            [
                (None, vec![s2("intro.md", 0)]),
                (
                    Some("Basics"),
                    vec![
                        s2("one.md", 0),
                        s2("one/a.md", 1),
                        s2("one/a/deep.md", 2),
                        s2("two.md", 0)
                    ]
                ),
                (None, vec![s2("thanks.md", 0)]),
            ]
        );
        assert!(s.groups[2].closing);
        assert_eq!(s.drafts[0].0, "Later");
        assert_eq!((s.drafts[0].1.line, s.drafts[0].1.col), (10, 3));
        assert_eq!(s.groups[1].entries[1].title, "One A");
    }

    #[test]
    fn without_parts_every_chapter_is_at_the_top() {
        let (s, _) = read("[A](a.md)\n\n- [B](b.md)\n\n[C](c.md)\n");
        assert_eq!(s.groups.len(), 1);
        assert_eq!(s.groups[0].entries.len(), 3);
    }

    #[test]
    fn bad_entries_are_located() {
        let (_, d) = read("- [A](a.md)\n- plain words\n- [Up](../../etc/passwd.md)\n- [Web](https://example.com)\n");
        let at: Vec<(usize, usize)> = d.iter().map(|d| (d.line, d.col)).collect();
        assert_eq!(at, [(2, 1), (3, 3), (4, 3)], "{d:?}");
        assert!(d[1].message.contains("out of the chapters folder"));
    }
}
