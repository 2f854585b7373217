//! `print.html`: the whole handbook as one printable document. Each chapter's HTML from
//! the Markdown pass is reused with its ids prefixed by the chapter slug (so they stay
//! unique), its headings moved one level down, and links between chapters turned into
//! links within the document.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::book::{slash_path, Book};
use crate::output::Sink;
use crate::render::splice;
use crate::site::{PageInfo, Site};
use crate::source::normalize;
use crate::Error;

pub const PRINT_PAGE: &str = "print.html";

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
            .map(|c| (c.out_path.as_str(), c.slug.clone()))
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

/// A relative link found in a page of the site, resolved against the site's root; for
/// outputs that move pages elsewhere (print.html, packs). External links are `None`.
pub enum SiteLink<'v> {
    /// `#fragment` on the same page.
    Fragment(&'v str),
    /// Another page or file, with its fragment.
    Page {
        /// The file's path from the site root, decoded as a browser does (without the
        /// `?query`): for looking the file up.
        target: String,
        /// The link's path from the site root, still encoded: for writing a new href.
        href: String,
        frag: Option<&'v str>,
    },
}

impl<'v> SiteLink<'v> {
    pub fn parse(value: &'v str, from: &str) -> Option<SiteLink<'v>> {
        if crate::markdown::is_external(value) {
            return None;
        }
        let (path, frag) = value
            .split_once('#')
            .map_or((value, None), |(p, f)| (p, Some(f)));
        if path.is_empty() {
            return frag.map(SiteLink::Fragment);
        }
        // `from` is where the page is on disk; the link is written from its encoded URL.
        let from = crate::url::encode_path(from);
        let dir = Path::new(from.as_ref()).parent().unwrap_or(Path::new(""));
        let href = slash_path(&normalize(&dir.join(path))?);
        let target = crate::url::href_path(&href).map_or_else(|| href.clone(), Cow::into_owned);
        Some(SiteLink::Page { target, href, frag })
    }
}

fn part_id(i: usize) -> String {
    format!("part-{}", i + 1)
}

/// Rewrites the values of `id`, `href` and `src` attributes in HTML we generated.
pub fn rewrite_attrs(html: &str, mut f: impl FnMut(&str, &str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(eq) = attribute_value(rest) {
        let name_start = rest[..eq]
            .rfind(|c: char| c.is_whitespace())
            .map_or(eq, |i| i + 1);
        let attr = &rest[name_start..eq];
        let value_start = eq + 2;
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_start + len];
        let new = matches!(attr, "id" | "href" | "src")
            .then(|| f(attr, value))
            .flatten();
        out.push_str(new.as_deref().unwrap_or(value));
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    out
}

/// Where the next `="` is: found by jumping between quotes, which is quicker than a
/// substring search over every chapter.
fn attribute_value(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(q) = html[from..].find('"') {
        let q = from + q;
        if q > 0 && html.as_bytes()[q - 1] == b'=' {
            return Some(q - 1);
        }
        from = q + 1;
    }
    None
}

/// Chapter headings sit under the chapter's own `<h2>` title in print. Jumps from `<`
/// to `<` (a byte-at-a-time copy of every chapter was a tenth of a big build).
pub fn demote_headings(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..=lt]);
        rest = &rest[lt + 1..];
        let slash = usize::from(rest.starts_with('/'));
        if let [b'h', d @ b'2'..=b'5', ..] = rest.as_bytes()[slash..] {
            out.push_str(&rest[..slash + 1]);
            out.push(char::from(d + 1));
            rest = &rest[slash + 2..];
        }
    }
    out.push_str(rest);
    out
}

impl Site<'_> {
    /// Each chapter's knowledge check as a worksheet, when print.html shows them
    /// (`[print] knowledge-checks`).
    fn worksheets(&self) -> Result<Vec<Option<String>>, Error> {
        self.rendered
            .iter()
            .map(|r| match &r.quiz {
                Some(q) if self.book.config.print.knowledge_checks => {
                    crate::quiz::html(self, q, crate::quiz::Mode::Worksheet, "").map(Some)
                }
                _ => Ok(None),
            })
            .collect()
    }

    pub fn write_print(&self, out: &dyn Sink) -> Result<(), Error> {
        self.write_print_unless(out, &|| false).map(|_| ())
    }

    /// Like `write_print`, but gives up (returning `false`) as soon as `stop` says so, so
    /// `serve` can drop a stale rendering of a big book when the next edit arrives.
    pub fn write_print_unless(
        &self,
        out: &dyn Sink,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<bool, Error> {
        let anchors = Anchors::new(self.book);
        let sheets = self.worksheets()?;
        let mut bodies: Vec<String> = Vec::with_capacity(self.book.chapters.len());
        let parts: Vec<PrintPart<'_>> = self
            .book
            .parts
            .iter()
            .enumerate()
            .take_while(|_| !stop())
            .map(|(pi, p)| {
                let id = part_id(pi);
                let intro_html = rewrite_attrs(&self.intros[pi].home_page, |a, v| {
                    anchors.rebase(a, v, "index.html", &id)
                });
                let chapters = p
                    .chapters
                    .clone()
                    .map(|i| {
                        let ch = &self.book.chapters[i];
                        let html = match &sheets[i] {
                            Some(sheet) => Cow::Owned(format!("{}{sheet}", self.rendered[i].html)),
                            None => Cow::Borrowed(self.rendered[i].html.as_str()),
                        };
                        let html = rewrite_attrs(&html, |a, v| {
                            anchors.rebase(a, v, &ch.out_path, &ch.slug)
                        });
                        bodies.push(demote_headings(&html));
                        PrintChapter {
                            id: &ch.slug,
                            title: &ch.title,
                            summary: &ch.summary,
                            minutes: crate::render::minutes(ch, &self.rendered[i]),
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
                chapter_count: self.book.chapters.len(),
                knowledge_checks: sheets.iter().any(Option::is_some),
            },
        };
        let title = format!("{} (printable edition)", self.book.config.title);
        let info = PageInfo {
            kind: "print",
            path: PRINT_PAGE,
            title: &title,
            description: &self.book.config.description,
            part: None,
            chapter: None,
        };
        let frame = self.frame(info, body);
        self.page_spliced(out, "print.html", PRINT_PAGE, frame, &bodies)?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_only_id_href_src() {
        let html = r##"<h2 id="a">A</h2><a href="#a" title="x">x</a><img src="../img/p.png" alt="p"><p data-id="z">"q"</p>"##;
        let out = rewrite_attrs(html, |attr, v| Some(format!("{attr}:{v}")));
        assert_eq!(
            out,
            r##"<h2 id="id:a">A</h2><a href="href:#a" title="x">x</a><img src="src:../img/p.png" alt="p"><p data-id="z">"q"</p>"##
        );
    }

    #[test]
    fn demotes_every_heading_in_one_pass() {
        assert_eq!(
            demote_headings("<h5>e</h5><header><hr><h6>f</h6>"),
            "<h6>e</h6><header><hr><h6>f</h6>"
        );
        assert_eq!(demote_headings("<p>é</p></h2><h2>"), "<p>é</p></h3><h3>");
    }

    #[test]
    fn demotes_headings_once() {
        assert_eq!(
            demote_headings("<h2 id=\"a\">A</h2><h3>B</h3>"),
            "<h3 id=\"a\">A</h3><h4>B</h4>"
        );
    }
}
