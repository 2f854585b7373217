//! Checks on the book as a whole that the build does not need but a publisher wants:
//! duplicate titles, desk-card checklists of a useful size, pages due for review and
//! pack chapters without a knowledge check. (Packs themselves are checked in every
//! build.)

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::book::{Book, Chapter};
use crate::check::rules::{RuleSet, BUILTIN_STYLE};
use crate::config::Severity;
use crate::diag::{Diagnostic, LineIndex, Pos};
use crate::markdown::{ChecklistItem, Rendered};
use crate::review;

/// A desk card group holds at most 9 items, a card at most 7 in all (a suggestion);
/// each item fits a printed line.
const GROUP_MAX: usize = 9;
const CARD_MAX: usize = 7;
const ITEM_CHARS: usize = 90;

/// The words `card.when` may start with: it names the moment an agent picks up the card.
pub const MOMENT_WORDS: &[&str] = &[
    "as soon as",
    "whenever",
    "before",
    "after",
    "when",
    "while",
    "once",
    "at",
    "if",
];

/// Phrases that make a `card.when` no moment at all ("At all times", "Always").
const NO_MOMENT: &[&str] = &["always", "all times", "any time", "anytime", "every moment"];

pub fn check(analysis: &Analysis, rules: &RuleSet) -> Vec<Diagnostic> {
    let book = &analysis.book;
    let mut out = duplicate_titles(book);
    // The moment words ("Before", "When"…) are English; in another language only a
    // missing `card.when` is reported.
    let english = crate::language::codes::base(&book.config.language) == "en";
    for (ch, r) in book
        .chapters
        .iter()
        .zip(analysis.chapters.iter().map(|c| &c.rendered))
    {
        if ch.card.is_some() {
            out.extend(card(ch, r, rules, english));
        }
    }
    out
}

fn finding(d: Diagnostic, rule: &str, severity: Severity) -> Diagnostic {
    d.with_rule(rule).with_severity(severity)
}

fn duplicate_titles(book: &Book) -> Vec<Diagnostic> {
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

/// The desk-card rules (`carebook.card-*`, see `rules::CARD_RULES`) on one chapter.
fn card(ch: &Chapter, r: &Rendered, rules: &RuleSet, english: bool) -> Vec<Diagnostic> {
    let list = &r.checklist;
    let (dos, avoids) = (&list.do_items, &list.avoid_items);
    let lines = LineIndex::new(&ch.text);
    let pos = |item: &ChecklistItem| lines.pos(ch.body_start + item.offset);
    let heading = list
        .offset
        .map_or(Pos::FILE, |o| lines.pos(ch.body_start + o));
    let mut out = Vec::new();
    let mut report = |rule: &str, pos: Pos, width: usize, message: String, hint: &str| {
        let Some(level) = rules.card_level(rule) else {
            return;
        };
        let d = Diagnostic::warning(&ch.path, pos, message).with_hint(hint);
        out.push(finding(d, &format!("{BUILTIN_STYLE}.{rule}"), level).with_width(width));
    };
    if dos.is_empty() && avoids.is_empty() {
        // The other card rules would only repeat this: there is no card yet.
        report("card-groups", Pos::FILE, 1, "this chapter has no checklist, so its desk card would be empty".into(),
            "end the chapter with `### Do` and `### Avoid` task lists (`- [ ] ...`), or add `card: false` to its front matter");
        return out;
    }
    card_when(ch, english, &mut report);
    for (name, items) in [("Do", dos), ("Avoid", avoids)] {
        if items.is_empty() || items.len() > GROUP_MAX {
            let at = items.iter().min_by_key(|i| i.offset).map_or(heading, pos);
            report(
                "card-groups",
                at,
                1,
                format!(
                    "the {name} list has {} items; a desk card group needs 1 to {GROUP_MAX} (2 to 4 read best)",
                    items.len()
                ),
                if items.is_empty() {
                    "add a `### Do` and an `### Avoid` group, each with task items (`- [ ] ...`)"
                } else {
                    "cut or merge items: keep the ones an agent acts on at the desk, and leave the rest in the chapter"
                },
            );
        }
        for item in items {
            let n = item.text.chars().count();
            if n > ITEM_CHARS {
                report("card-item-length", pos(item), n, format!("this checklist item is {n} characters long; card items must fit one printed line (90 at most)"),
                    "shorten it to one plain instruction; put the explanation in the chapter");
            }
        }
    }
    let total = dos.len() + avoids.len();
    if total > CARD_MAX {
        report(
            "card-length",
            heading,
            1,
            format!("the desk card has {total} items in all; a card an agent takes in at a glance has {CARD_MAX} at most (Do and Avoid together)"),
            "keep the items an agent must act on at this moment; the rest can stay in the chapter's text",
        );
    }
    if !list.items().any(|i| i.critical) {
        report(
            "card-critical",
            heading,
            1,
            "the desk card has no critical item: nothing on it says what must never be skipped".into(),
            "mark the one or two items that matter most with `!` after the box, e.g. `- [ ] ! Confirm identity before you change anything`",
        );
    }
    out
}

/// `card.when` must name a moment an agent stops at ("Before you transfer"), not a
/// standing rule ("During every call", "Always").
fn card_when(ch: &Chapter, english: bool, report: &mut impl FnMut(&str, Pos, usize, String, &str)) {
    let when = ch
        .card
        .as_ref()
        .and_then(|c| c.when.as_deref())
        .unwrap_or("")
        .trim();
    let hint = "start it with the moment the card is for: Before, After, When, While, At, If, Once, As soon as or Whenever, e.g. `card:` then `  when: Before you transfer a call`";
    if when.is_empty() {
        report(
            "card-when",
            Pos::new(ch.locate("card", "").line, 1),
            1,
            "this desk card has no `card.when`: the card does not say when to pick it up".into(),
            hint,
        );
        return;
    }
    if !english || names_a_moment(when) {
        return;
    }
    let width = when.chars().count();
    report(
        "card-when",
        ch.locate("card", when),
        width,
        format!("`card.when` is “{when}”, which names no moment; a card is for a moment an agent stops at"),
        hint,
    );
}

/// Whether `when` starts with a moment word and is not a standing rule.
pub fn names_a_moment(when: &str) -> bool {
    let lower = when.trim().to_lowercase();
    // "Right after a hard contact", "Just before you close".
    let lower = ["right ", "just ", "straight "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .map_or(lower.clone(), str::to_owned);
    let starts = MOMENT_WORDS.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
    });
    starts && !NO_MOMENT.iter().any(|p| lower.contains(p))
}

/// `carebook check`'s review findings: overdue and never-reviewed chapters, as
/// warnings (errors when `strict`).
pub fn review(book: &Book, strict: bool) -> Vec<Diagnostic> {
    let today = review::today();
    let level = if strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut out = Vec::new();
    for ch in &book.chapters {
        let s = review::status(book, ch, today);
        let who = s.owner.map_or(String::new(), |o| format!(" by {o}"));
        let (rule, pos, message, hint) = match s.state {
            review::State::Overdue => (
                "review-overdue",
                ch.locate("reviewed", ch.upkeep.reviewed.as_deref().unwrap_or("")),
                format!(
                    "this page was due for review on {} (last reviewed {}{who})",
                    review::opt(s.due),
                    review::opt(s.reviewed)
                ),
                format!("review the page, then set `reviewed: {today}`"),
            ),
            review::State::Never => (
                "review-missing",
                Pos::FILE,
                format!(
                    "this page has never been reviewed{}",
                    s.owner.map_or(String::new(), |o| format!(" (owner: {o})"))
                ),
                format!(
                    "review the page, then add `reviewed: {today}`{} to its front matter",
                    if s.owner.is_some() {
                        ""
                    } else {
                        " and `owner: <person or team>`"
                    }
                ),
            ),
            review::State::Current | review::State::Untracked => continue,
        };
        let width = ch
            .upkeep
            .reviewed
            .as_deref()
            .map_or(1, |r| r.chars().count());
        out.push(
            Diagnostic::new(level, &ch.path, pos, message)
                .with_hint(hint)
                .with_rule(rule)
                .with_width(width),
        );
    }
    out
}

/// `carebook check`: a suggestion for each chapter of a course pack without a knowledge
/// check, pointing at the end of the chapter, where the check goes.
pub fn missing_knowledge_checks(analysis: &Analysis) -> Vec<Diagnostic> {
    let book = &analysis.book;
    let mut found = Vec::new();
    for id in book.chapter_ids() {
        if analysis.rendered(id).quiz.is_some() {
            continue;
        }
        let ids: Vec<String> = analysis
            .packs
            .iter()
            .filter(|p| p.contains(id))
            .map(|p| format!("`{}`", p.id))
            .collect();
        if ids.is_empty() {
            continue;
        }
        let ch = analysis.chapter(id);
        let end = LineIndex::new(&ch.text).pos(ch.text.trim_end().len());
        let packs = if ids.len() == 1 { "pack" } else { "packs" };
        let message = format!(
            "this chapter is in the course {packs} {} but has no knowledge check",
            ids.join(", ")
        );
        found.push(
            Diagnostic::new(Severity::Suggestion, &ch.path, Pos::new(end.line, 1), message)
                .with_rule("knowledge-check")
                .with_hint(format!(
                    "end the chapter with a `## {}` section of 3-5 questions, so learners can see what they understood and a learning platform can score the pack",
                    book.config.checks.heading
                )),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::names_a_moment;

    #[test]
    fn moments_start_with_a_moment_word() {
        for ok in [
            "Before you transfer",
            "When a customer asks for a refund",
            "As soon as the call connects",
            "At the end of a call",
            "If the customer is upset",
            "Right after a hard contact",
        ] {
            assert!(names_a_moment(ok), "{ok}");
        }
        for bad in [
            "During every call",
            "Always",
            "At all times",
            "Atlas checks",
            "Every contact",
            "Whenever, always",
            "",
        ] {
            assert!(!names_a_moment(bad), "{bad}");
        }
    }
}
