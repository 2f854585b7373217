//! Checks on the book as a whole that the build does not need but a publisher wants:
//! duplicate titles, desk-card checklists of a useful size, and packs that name
//! chapters, tags and audiences that exist.

use std::collections::HashMap;
use std::path::Path;

use crate::book::Book;
use crate::check::report::Finding;
use crate::config::{PackEntry, Severity, CONFIG_FILE};
use crate::diag::{suggestion, Diagnostic, LineIndex, Pos};
use crate::markdown::{ChecklistItem, Rendered};

/// A desk card group holds 3 to 9 items; each item fits a printed line.
const GROUP_SIZE: std::ops::RangeInclusive<usize> = 3..=9;
const ITEM_CHARS: usize = 90;

pub fn check(root: &Path, book: &Book, rendered: &[Rendered], toml_text: &str) -> Vec<Finding> {
    let mut out = duplicate_titles(book);
    for (ch, r) in book.chapters.iter().zip(rendered) {
        if ch.card.is_some() {
            out.extend(checklist(ch, r));
        }
    }
    out.extend(packs(root, book, toml_text));
    out
}

fn finding(d: Diagnostic, rule: &str, level: Severity) -> Finding {
    Finding {
        level,
        ..Finding::from_diag(d, rule)
    }
}

fn duplicate_titles(book: &Book) -> Vec<Finding> {
    let mut seen: HashMap<String, &crate::book::Chapter> = HashMap::new();
    let mut out = Vec::new();
    for ch in &book.chapters {
        let first = match seen.entry(ch.title.to_lowercase()) {
            std::collections::hash_map::Entry::Occupied(e) => *e.get(),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(ch);
                continue;
            }
        };
        {
            let d = Diagnostic::warning(
                &ch.path,
                ch.locate("title", &ch.title),
                format!("the title `{}` is also used by `{}`; readers cannot tell the two apart in lists and search", ch.title, crate::diag::display_path(&first.path)),
            )
            .with_hint("give one of them a more specific title");
            out.push(finding(d, "title", Severity::Warning));
        }
    }
    out
}

fn checklist(ch: &crate::book::Chapter, r: &Rendered) -> Vec<Finding> {
    let (dos, avoids) = (&r.checklist.do_items, &r.checklist.avoid_items);
    let lines = LineIndex::new(&ch.text);
    let pos = |item: &ChecklistItem| lines.pos(ch.body_start + item.offset);
    let mut out = Vec::new();
    let mut warn = |pos: Pos, width: usize, message: String, hint: &str| {
        let d = Diagnostic::warning(&ch.path, pos, message).with_hint(hint);
        out.push(Finding {
            width,
            ..finding(d, "checklist", Severity::Warning)
        });
    };
    if dos.is_empty() && avoids.is_empty() {
        warn(Pos::FILE, 1, "this chapter has no checklist, so its desk card would be empty".into(),
            "end the chapter with `### Do` and `### Avoid` task lists (`- [ ] ...`), or add `card: false` to its front matter");
        return out;
    }
    for (name, items) in [("Do", dos), ("Avoid", avoids)] {
        if !GROUP_SIZE.contains(&items.len()) {
            let at = items.first().map_or(Pos::FILE, pos);
            warn(
                at,
                1,
                format!(
                    "the {name} list has {} items; a desk card group needs 3 to 9",
                    items.len()
                ),
                "merge or split items so each group has 3 to 9 short lines",
            );
        }
        for item in items {
            let n = item.text.chars().count();
            if n > ITEM_CHARS {
                warn(pos(item), n, format!("this checklist item is {n} characters long; card items must fit one printed line (90 at most)"),
                    "shorten it to one plain instruction; put the explanation in the chapter");
            }
        }
    }
    out
}

fn packs(root: &Path, book: &Book, toml_text: &str) -> Vec<Finding> {
    let path = root.join(CONFIG_FILE);
    let cfg = &book.config;
    let slugs: Vec<&str> = book.chapters.iter().map(|c| c.slug.as_str()).collect();
    let mut out = Vec::new();
    let mut error = |id: &str, value: &str, message: String, hint: String| {
        let pos = locate_in_pack(toml_text, id, value);
        let d = Diagnostic::error(&path, pos, message).with_hint(hint);
        out.push(finding(d, "pack", Severity::Error));
    };
    for (id, pack) in &cfg.packs {
        for a in pack
            .audience
            .iter()
            .filter(|a| !cfg.audiences.contains_key(*a))
        {
            error(
                id,
                a,
                format!("pack `{id}` is for the audience `{a}`, which is not declared"),
                suggestion(a, cfg.audience_ids()),
            );
        }
        for entry in &pack.chapters {
            match entry {
                PackEntry::Slug(slug) | PackEntry::Chapter { slug, .. } => {
                    if !slugs.contains(&slug.as_str()) {
                        error(
                            id,
                            slug,
                            format!("pack `{id}` lists the chapter `{slug}`, which does not exist"),
                            suggestion(slug, slugs.iter().copied()),
                        );
                    }
                }
                PackEntry::Select(sel) => {
                    for t in sel.tags.iter().filter(|t| !cfg.tags.contains_key(*t)) {
                        error(
                            id,
                            t,
                            format!("pack `{id}` selects the tag `{t}`, which is not declared"),
                            suggestion(t, cfg.tag_ids()),
                        );
                    }
                    if let Some(a) = sel
                        .audience
                        .as_ref()
                        .filter(|a| !cfg.audiences.contains_key(*a))
                    {
                        error(
                            id,
                            a,
                            format!(
                                "pack `{id}` selects the audience `{a}`, which is not declared"
                            ),
                            suggestion(a, cfg.audience_ids()),
                        );
                    }
                }
            }
        }
    }
    out
}

/// Position of the quoted `value` in the `[packs.<id>]` table of book.toml.
fn locate_in_pack(text: &str, id: &str, value: &str) -> Pos {
    let header = format!("[packs.{id}]");
    let Some(start) = text.find(&header) else {
        return Pos::new(1, 1);
    };
    let body = &text[start + header.len()..];
    let end = body.find("\n[").map_or(body.len(), |i| i + 1);
    let body = &body[..end];
    let found = [format!("\"{value}\""), format!("'{value}'")]
        .iter()
        .find_map(|q| body.find(q.as_str()))
        // Point at the value, just inside its quote.
        .map_or(start, |i| start + header.len() + i + 1);
    LineIndex::new(text).pos(found)
}
