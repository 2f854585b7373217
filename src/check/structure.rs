//! Checks on the book as a whole that the build does not need but a publisher wants:
//! duplicate titles and desk-card checklists of a useful size. (Packs are checked by
//! the packs module, as in every build.)

use std::collections::HashMap;

use crate::book::Book;
use crate::check::report::Finding;
use crate::config::Severity;
use crate::diag::{Diagnostic, LineIndex, Pos};
use crate::markdown::{ChecklistItem, Rendered};

/// A desk card group holds 3 to 9 items; each item fits a printed line.
const GROUP_SIZE: std::ops::RangeInclusive<usize> = 3..=9;
const ITEM_CHARS: usize = 90;

pub fn check(book: &Book, rendered: &[Rendered]) -> Vec<Finding> {
    let mut out = duplicate_titles(book);
    for (ch, r) in book.chapters.iter().zip(rendered) {
        if ch.card.is_some() {
            out.extend(checklist(ch, r));
        }
    }
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
