//! `print.html`: the whole handbook as one printable document. Each chapter's HTML from
//! the Markdown pass is reused with its ids prefixed by the chapter slug (so they stay
//! unique), its headings moved one level down, and links between chapters turned into
//! links within the document.

use std::collections::HashMap;

use serde::Serialize;

use crate::book::Book;
use crate::output::Sink;
use crate::relink::{demote_headings, rewrite_attrs, SiteLink};
use crate::render::{splice, FrameKind, PageInfo, Site};
use crate::Error;

pub const PRINT_PAGE: &str = crate::paths::PRINT;

#[derive(Serialize)]
struct PrintBody<'a> {
    print: PrintCtx<'a>,
}

#[derive(Serialize)]
struct PrintCtx<'a> {
    parts: Vec<PrintPart<'a>>,
    chapter_count: usize,
    /// Some chapter's knowledge check is printed as a worksheet.
    knowledge_checks: bool,
}

#[derive(Serialize)]
struct PrintPart<'a> {
    id: String,
    title: &'a str,
    intro_html: String,
    chapters: Vec<PrintChapter<'a>>,
}

#[derive(Serialize)]
struct PrintChapter<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    minutes: u32,
    html: String,
}

/// Where pages of the site land in the printed document.
struct Anchors<'a> {
    pages: HashMap<&'a str, String>,
}

impl<'a> Anchors<'a> {
    fn new(book: &'a Book) -> Self {
        let mut pages: HashMap<&str, String> = book
            .chapters
            .iter()
            .map(|c| (c.out_path.as_str(), c.name.clone()))
            .collect();
        for (i, p) in book.parts.iter().enumerate() {
            pages
                .entry(p.out_path.as_str())
                .or_insert_with(|| part_id(i));
        }
        pages.insert("index.html", "contents".to_owned());
        Anchors { pages }
    }

    /// The printed document's version of a link or id found in a page at `from`.
    fn rebase(&self, attr: &str, value: &str, from: &str, prefix: &str) -> Option<String> {
        if attr == "id" {
            return Some(format!("{prefix}--{value}"));
        }
        match SiteLink::parse(value, from)? {
            SiteLink::Fragment(f) => Some(format!("#{prefix}--{f}")),
            SiteLink::Page { target, href, frag } => {
                match (self.pages.get(target.as_str()), frag) {
                    (Some(id), Some(f)) if attr == "href" => Some(format!("#{id}--{f}")),
                    (Some(id), _) if attr == "href" => Some(format!("#{id}")),
                    _ => Some(href + &frag.map(|f| format!("#{f}")).unwrap_or_default()),
                }
            }
        }
    }
}

fn part_id(i: usize) -> String {
    format!("part-{}", i + 1)
}

/// Each chapter's knowledge check as a worksheet (by chapter), when print.html shows
/// them (`[print] knowledge-checks`).
fn worksheets(site: &Site<'_>) -> Result<Vec<Option<String>>, Error> {
    site.book
        .chapter_ids()
        .map(|id| match &site.model.rendered(id).quiz {
            Some(q) if site.book.config.print.knowledge_checks => site
                .quiz_html(q, crate::render::QuizMode::Worksheet, "")
                .map(Some),
            _ => Ok(None),
        })
        .collect()
}

pub fn write(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    write_unless(site, out, &|| false).map(|_| ())
}

/// Like `write_print`, but gives up (returning `false`) as soon as `stop` says so, so
/// `serve` can drop a stale rendering of a big book when the next edit arrives.
pub fn write_unless(
    site: &Site<'_>,
    out: &dyn Sink,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<bool, Error> {
    let anchors = Anchors::new(site.book);
    let sheets = worksheets(site)?;
    let mut bodies: Vec<String> = Vec::with_capacity(site.book.chapters.len());
    let parts: Vec<PrintPart<'_>> = site
        .book
        .parts
        .iter()
        .enumerate()
        .take_while(|_| !stop())
        .map(|(pi, p)| {
            let id = part_id(pi);
            let intro_html = rewrite_attrs(&site.model.intros[pi].home_page, |a, v| {
                anchors.rebase(a, v, "index.html", &id)
            });
            let chapters = p
                .chapter_ids()
                .map(|id| {
                    let ch = site.model.chapter(id);
                    let rendered = &site.model.rendered(id).html;
                    let html = match &sheets[id] {
                        Some(sheet) => std::borrow::Cow::Owned(format!("{rendered}{sheet}")),
                        None => std::borrow::Cow::Borrowed(rendered.as_str()),
                    };
                    let html =
                        rewrite_attrs(&html, |a, v| anchors.rebase(a, v, &ch.out_path, &ch.name));
                    bodies.push(demote_headings(&html));
                    PrintChapter {
                        id: &ch.name,
                        title: &ch.title,
                        summary: &ch.summary,
                        minutes: site.model.minutes(id),
                        html: splice::marker(bodies.len() - 1),
                    }
                })
                .collect();
            PrintPart {
                id,
                title: &p.title,
                intro_html,
                chapters,
            }
        })
        .collect();
    if stop() {
        return Ok(false);
    }
    let body = PrintBody {
        print: PrintCtx {
            parts,
            chapter_count: site.book.chapters.len(),
            knowledge_checks: sheets.iter().any(Option::is_some),
        },
    };
    let title = site.fill("printable_edition", &[("title", &site.book.config.title)]);
    let info = PageInfo {
        kind: FrameKind::Print,
        path: PRINT_PAGE,
        title: &title,
        description: &site.book.config.description,
        part: None,
        chapter: None,
    };
    let frame = site.frame(info, body);
    site.page_spliced(out, "print.html", PRINT_PAGE, frame, &bodies)?;
    Ok(true)
}
