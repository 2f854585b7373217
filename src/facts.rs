//! Facts stated once: `[facts]` in book.toml (`refund-window = "30 days"`), used in
//! chapters as `{{ fact.refund-window }}`: in the text, checklist items, headings, and
//! the front matter's title, summary and card lines. Code spans and code blocks keep it
//! as written. An unknown name is an error at its line and column with a "did you mean".
//!
//! Why this syntax: double braces never mean anything in Markdown (square brackets do:
//! `[[x]]` is a link or a task box to the parser), the `fact.` prefix keeps it apart
//! from mdBook's `{{#include}}`, and chapters never go through the Tera templates.
//! `facts.html` lists every fact with the pages that use it.

use std::ops::Range;
use std::path::Path;

use indexmap::IndexMap;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use serde::Serialize;

use crate::book::Chapter;
use crate::diag::{did_you_mean, Diagnostic, LineIndex, Pos};

/// The page that lists the facts, from the site root.
pub const PAGE: &str = crate::paths::FACTS;

/// A problem found in chapter text, without its file and position yet.
pub struct FactError {
    message: String,
    hint: String,
}

impl FactError {
    pub fn at(self, path: &Path, pos: Pos) -> Diagnostic {
        Diagnostic::error(path, pos, self.message).with_hint(self.hint)
    }
}

/// A `{{ ... }}` found in text: its byte range, and the fact name when well formed.
struct Use<'t> {
    range: Range<usize>,
    name: Result<&'t str, &'t str>,
}

/// The `{{ fact.name }}` uses in `text`; `Err` holds the whole directive for ones that
/// start like a fact but are not well formed (`{{ fact refund }}`), or name a fact
/// without the `fact.` prefix (`{{ refund-window }}`).
fn scan<'t>(text: &'t str, facts: &IndexMap<String, String>) -> Vec<Use<'t>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("{{") {
        let start = from + at;
        from = start + 2;
        let Some(len) = text[start..].find("}}") else {
            break;
        };
        let inner = text[start + 2..start + len].trim();
        let range = start..start + len + 2;
        if inner.starts_with('#') || inner.contains("{{") {
            continue; // mdBook's {{#include}} and friends, or a stray pair of braces
        }
        if let Some(name) = inner.strip_prefix("fact.") {
            let ok = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            out.push(Use {
                name: if ok {
                    Ok(name)
                } else {
                    Err(&text[range.clone()])
                },
                range,
            });
            from = start + len + 2;
        } else if inner.starts_with("fact") || facts.contains_key(inner) {
            out.push(Use {
                name: Err(&text[range.clone()]),
                range,
            });
            from = start + len + 2;
        }
    }
    out
}

/// `text` with every known fact replaced; problems with their byte offset in `text`.
fn replace(
    text: &str,
    facts: &IndexMap<String, String>,
    used: &mut Vec<String>,
) -> (Option<String>, Vec<(usize, FactError)>) {
    let uses = scan(text, facts);
    if uses.is_empty() {
        return (None, Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut errors = Vec::new();
    let mut last = 0;
    for u in uses {
        out.push_str(&text[last..u.range.start]);
        last = u.range.end;
        match u.name {
            Ok(name) => match facts.get(name) {
                Some(value) => {
                    out.push_str(value);
                    if !used.iter().any(|n| n == name) {
                        used.push(name.to_owned());
                    }
                }
                None => {
                    out.push_str(&text[u.range.clone()]);
                    errors.push((u.range.start, unknown(name, facts)));
                }
            },
            Err(written) => {
                out.push_str(written);
                errors.push((u.range.start, malformed(written, facts)));
            }
        }
    }
    out.push_str(&text[last..]);
    (Some(out), errors)
}

fn unknown(name: &str, facts: &IndexMap<String, String>) -> FactError {
    let add = format!("or add `{name} = \"...\"` under [facts] in book.toml");
    let hint = match did_you_mean(name, facts.keys().map(String::as_str)) {
        Some(best) => format!("did you mean `{{{{ fact.{best} }}}}`? ({add})"),
        None if facts.is_empty() => format!("this book has no facts yet: {add}"),
        None => format!(
            "the facts are: {} ({add})",
            facts
                .keys()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    FactError {
        message: format!("unknown fact `{name}` in `{{{{ fact.{name} }}}}`"),
        hint,
    }
}

fn malformed(written: &str, facts: &IndexMap<String, String>) -> FactError {
    let inner = written.trim_start_matches('{').trim_end_matches('}').trim();
    let guess = inner
        .trim_start_matches("fact")
        .trim_start_matches(['.', ' ', ':'])
        .trim();
    let name = if facts.contains_key(guess) {
        Some(guess)
    } else {
        did_you_mean(guess, facts.keys().map(String::as_str))
    };
    FactError {
        message: format!("`{written}` is not a fact: expected `{{{{ fact.name }}}}`, with a name from [facts] in book.toml"),
        hint: match name {
            Some(n) => format!("did you mean `{{{{ fact.{n} }}}}`?"),
            None => "write it as `{{ fact.name }}`, or put it in `code` to show the braces as they are".to_owned(),
        },
    }
}

/// Replaces facts in a document's text events (not in code), merging text the parser
/// split so a fact is never cut in two. Returns problems with their offset in `body`.
pub fn substitute(
    events: &mut Vec<(Event<'_>, Range<usize>)>,
    body: &str,
    facts: &IndexMap<String, String>,
    used: &mut Vec<String>,
) -> Vec<(usize, FactError)> {
    if !body.contains("{{") {
        return Vec::new();
    }
    merge_text(events);
    let mut errors = Vec::new();
    let mut in_code = false;
    for (e, range) in events.iter_mut() {
        match e {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if !in_code && t.contains("{{") => {
                let (new, errs) = replace(t, facts, used);
                let source = body.get(range.clone()).unwrap_or("");
                for (at, err) in errs {
                    // Where the directive is in the source: the same `{{` counted from
                    // the event's start (escapes aside, text matches its source).
                    let nth = t[..at].matches("{{").count();
                    let offset = source
                        .match_indices("{{")
                        .nth(nth)
                        .map_or(range.start, |(i, _)| range.start + i);
                    errors.push((offset, err));
                }
                if let Some(new) = new {
                    *e = Event::Text(CowStr::from(new));
                }
            }
            _ => {}
        }
    }
    errors
}

/// Joins runs of adjacent text events into one (the parser splits text at characters
/// that might start markup, and `{`/`}` runs can fall on either side).
fn merge_text(events: &mut Vec<(Event<'_>, Range<usize>)>) {
    let mut out: Vec<(Event<'_>, Range<usize>)> = Vec::with_capacity(events.len());
    for (e, r) in events.drain(..) {
        if let (Event::Text(t), Some((Event::Text(prev), pr))) = (&e, out.last_mut()) {
            let mut joined = prev.to_string();
            joined.push_str(t);
            *prev = CowStr::from(joined);
            pr.end = pr.end.max(r.end);
            continue;
        }
        out.push((e, r));
    }
    *events = out;
}

/// Facts in the front matter's title, summary and card lines. Returns the names used.
pub fn apply_to_front_matter(
    ch: &mut Chapter,
    facts: &IndexMap<String, String>,
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
        let (new, errors) = replace(&value, facts, &mut used);
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

/// Fact names must be plain words, and values one line of plain text.
pub fn validate(
    facts: &IndexMap<String, String>,
    text: &str,
    path: &Path,
) -> Result<(), Diagnostic> {
    for (name, value) in facts {
        let ok = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(Diagnostic::error(
                path,
                find_fact(text, name),
                format!("the fact name `{name}` can only use letters, digits, `-` and `_`"),
            )
            .with_hint(format!(
                "for example `{} = ...`",
                crate::book::slugify(name)
            )));
        }
        if value.contains('\n') || value.contains("{{") {
            return Err(Diagnostic::error(
                path,
                find_fact(text, name),
                format!("the fact `{name}` must be one line of text, without `{{{{`"),
            )
            .with_hint("facts are short values such as \"30 days\" or a phone number"));
        }
    }
    Ok(())
}

fn find_fact(text: &str, name: &str) -> Pos {
    crate::config::TomlSpans::new(text).key(&["facts", name])
}

/// One row of facts.html.
#[derive(Serialize)]
pub struct FactRow<'a> {
    pub name: &'a str,
    pub value: &'a str,
    pub uses: Vec<FactUse<'a>>,
}

#[derive(Serialize)]
pub struct FactUse<'a> {
    pub title: &'a str,
    pub href: &'a str,
}

/// Every fact, in book.toml's order, with the chapters that use it.
pub fn rows(model: &crate::analysis::Analysis) -> Vec<FactRow<'_>> {
    let book = &model.book;
    book.config
        .facts
        .iter()
        .map(|(name, value)| FactRow {
            name,
            value,
            uses: book
                .chapters
                .iter()
                .zip(&model.chapters)
                .filter(|(ch, out)| {
                    out.rendered
                        .facts_used
                        .iter()
                        .chain(&ch.facts_used)
                        .any(|n| n == name)
                })
                .map(|(ch, _)| FactUse {
                    title: &ch.title,
                    href: &ch.out_path,
                })
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct FactsBody<'a> {
    facts: Vec<FactRow<'a>>,
}

/// facts.html: every fact, its value and the chapters that use it. Not written when the
/// book has no facts.
pub fn write_page(
    site: &crate::render::Site<'_>,
    out: &dyn crate::output::Sink,
) -> Result<(), crate::Error> {
    if site.book.config.facts.is_empty() {
        return Ok(());
    }
    let body = FactsBody {
        facts: rows(site.model),
    };
    let info = crate::render::PageInfo {
        kind: crate::render::FrameKind::Facts,
        path: PAGE,
        title: site.t("facts_title"),
        description: site.t("facts_description"),
        part: None,
        chapter: None,
    };
    site.page(out, "facts.html", PAGE, site.frame(info, body))
}

/// The position of `offset` in a chapter's file, for callers with a whole text.
pub fn pos_in(text: &str, offset: usize) -> Pos {
    LineIndex::new(text).pos(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> IndexMap<String, String> {
        [
            ("refund-window", "30 days"),
            ("support-phone", "0800 123 456"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
    }

    fn run(text: &str) -> (String, Vec<String>, Vec<String>) {
        let mut used = Vec::new();
        let (new, errors) = replace(text, &facts(), &mut used);
        (
            new.unwrap_or_else(|| text.to_owned()),
            used,
            errors
                .into_iter()
                .map(|(at, e)| format!("{at}: {} / {}", e.message, e.hint))
                .collect(),
        )
    }

    #[test]
    fn known_facts_are_replaced() {
        let (out, used, errors) =
            run("Refunds within {{ fact.refund-window }}; call {{fact.support-phone}}.");
        assert_eq!(out, "Refunds within 30 days; call 0800 123 456.");
        assert_eq!(used, ["refund-window", "support-phone"]);
        assert!(errors.is_empty());
    }

    #[test]
    fn unknown_and_malformed_facts_are_explained() {
        let (out, _, errors) = run("x {{ fact.refund-windw }} y");
        assert_eq!(out, "x {{ fact.refund-windw }} y");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("2: unknown fact `refund-windw`"),
            "{errors:?}"
        );
        assert!(
            errors[0].contains("did you mean `{{ fact.refund-window }}`?"),
            "{errors:?}"
        );
        let (_, _, errors) = run("{{ refund-window }} and {{ fact support-phone }}");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].contains("did you mean `{{ fact.refund-window }}`"),
            "{errors:?}"
        );
        assert!(
            errors[1].contains("did you mean `{{ fact.support-phone }}`"),
            "{errors:?}"
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "{{",
            "}}{{",
            "{{ fact.}}",
            "{{fact.é}}",
            "{{ fact.refund-window }}}}",
            "é{{ fact.x",
            "{{{{ fact.refund-window }}",
            "{{ fact.a }}é{{ factb }}",
        ] {
            let _ = run(text);
        }
    }

    #[test]
    fn other_braces_are_left_alone() {
        for text in ["{{#include x.md}}", "{{ name }}", "{ one }", "{{ unclosed"] {
            let (out, _, errors) = run(text);
            assert_eq!(out, text);
            assert!(errors.is_empty(), "{text}: {errors:?}");
        }
    }

    #[test]
    fn code_stays_literal_and_split_text_is_joined() {
        let md = "Keep `{{ fact.refund-window }}` and *{{ fact.refund-window }}*.\n\n```\n{{ fact.refund-window }}\n```\n\nSay \"{{ fact.support-phone }}\".\n";
        let mut events: Vec<_> = pulldown_cmark::Parser::new_ext(md, crate::markdown::options())
            .into_offset_iter()
            .collect();
        let mut used = Vec::new();
        let errors = substitute(&mut events, md, &facts(), &mut used);
        assert!(errors.is_empty());
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
        assert!(
            html.contains("<code>{{ fact.refund-window }}</code>"),
            "{html}"
        );
        assert!(html.contains("<em>30 days</em>"), "{html}");
        assert!(
            html.contains("<pre><code>{{ fact.refund-window }}\n</code></pre>"),
            "{html}"
        );
        assert!(html.contains("0800 123 456"), "{html}");
    }

    #[test]
    fn errors_point_at_the_directive() {
        let md = "Para one.\n\nWait *a* {{ fact.nope }} here.\n";
        let mut events: Vec<_> = pulldown_cmark::Parser::new_ext(md, crate::markdown::options())
            .into_offset_iter()
            .collect();
        let errors = substitute(&mut events, md, &facts(), &mut Vec::new());
        assert_eq!(errors.len(), 1);
        assert_eq!(pos_in(md, errors[0].0), Pos::new(3, 10));
    }
}
