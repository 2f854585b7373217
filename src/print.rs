//! `print.html`: the whole handbook as one printable document. Each chapter's HTML from
//! the Markdown pass is reused with its ids prefixed by the chapter slug (so they stay
//! unique), its headings moved one level down, and links between chapters turned into
//! links within the document.

use std::collections::{HashMap, HashSet};

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
    /// The section this document prints, when a big book prints one per section.
    section: Option<&'a str>,
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

/// print.html of a book printed by section: what each section's document holds.
#[derive(Serialize)]
struct IndexBody<'a> {
    print_index: IndexCtx<'a>,
}

#[derive(Serialize)]
struct IndexCtx<'a> {
    chapter_count: usize,
    sections: Vec<IndexSection<'a>>,
}

#[derive(Serialize)]
struct IndexSection<'a> {
    href: &'a str,
    title: &'a str,
    chapter_count: usize,
    /// The sub-sections, one level down, to show what the document covers.
    covers: Vec<&'a str>,
}

/// One printed document: a top-level section with every section under it, or the
/// whole book in one.
struct Document {
    /// Its file in the site.
    file: String,
    /// The parts it prints (indexes into `Book::parts`), in reading order.
    parts: Vec<usize>,
}

/// The printed documents: one for the whole book, or, past `[print] sections-above`
/// chapters, one per top-level section (chapters at the top of the book make one of
/// their own).
fn documents(book: &Book) -> Vec<Document> {
    if book.chapters.len() <= book.config.print.sections_above {
        return vec![Document {
            file: PRINT_PAGE.to_owned(),
            parts: (0..book.parts.len()).collect(),
        }];
    }
    let taken: HashSet<&str> = book
        .chapters
        .iter()
        .map(|c| c.out_path.as_str())
        .chain(book.parts.iter().map(|p| p.out_path.as_str()))
        .collect();
    let mut names: HashSet<String> = HashSet::new();
    let mut docs: Vec<Document> = Vec::new();
    let mut doc_of_top: HashMap<usize, usize> = HashMap::new();
    for (i, part) in book.parts.iter().enumerate() {
        let top = top_section(book, i);
        let d = *doc_of_top.entry(top).or_insert_with(|| {
            let stem = match book.parts[top].dir.file_name() {
                Some(name) => crate::url::slugify(&name.to_string_lossy()),
                None => "top".to_owned(),
            };
            // A section's name could match a chapter's page at the top of the site, or
            // another section's after slugging: the first free of -2, -3 ...
            let file = (1..)
                .map(|n| match n {
                    1 => crate::paths::print_section(&stem),
                    _ => crate::paths::print_section(&format!("{stem}-{n}")),
                })
                .find(|f| !taken.contains(f.as_str()) && !names.contains(f))
                .unwrap_or_default();
            names.insert(file.clone());
            docs.push(Document {
                file,
                parts: Vec::new(),
            });
            docs.len() - 1
        });
        if !part.all_chapters.is_empty() {
            docs[d].parts.push(i);
        }
    }
    docs.retain(|d| !d.parts.is_empty());
    docs
}

/// The top-level section `part` is in (itself at the top, or the top of the book).
fn top_section(book: &Book, mut part: usize) -> usize {
    while let Some(up) = book.parts[part].parent {
        part = up;
    }
    part
}

/// Where pages of the site land in the printed documents.
struct Anchors {
    /// Page → (its document, its id there).
    pages: HashMap<String, (usize, String)>,
    files: Vec<String>,
}

impl Anchors {
    fn new(book: &Book, docs: &[Document]) -> Self {
        let mut doc_of_part = vec![0; book.parts.len()];
        for (d, doc) in docs.iter().enumerate() {
            for &p in &doc.parts {
                doc_of_part[p] = d;
            }
        }
        let mut pages: HashMap<String, (usize, String)> = book
            .chapters
            .iter()
            .map(|c| (c.out_path.clone(), (doc_of_part[c.part], c.name.clone())))
            .collect();
        for (i, p) in book.parts.iter().enumerate() {
            pages
                .entry(p.out_path.clone())
                .or_insert_with(|| (doc_of_part[i], part_id(i)));
        }
        let mut files: Vec<String> = docs.iter().map(|d| d.file.clone()).collect();
        // The home page's place is the table of contents: in the one document, or
        // print.html's list of sections.
        if docs.len() == 1 && docs[0].file == PRINT_PAGE {
            pages.insert(crate::paths::HOME.to_owned(), (0, "contents".to_owned()));
        } else {
            pages.insert(crate::paths::HOME.to_owned(), (files.len(), String::new()));
            files.push(PRINT_PAGE.to_owned());
        }
        Anchors { pages, files }
    }

    /// The printed document's version of a link or id found in a page at `from`,
    /// written into document `doc`.
    fn rebase(
        &self,
        attr: &str,
        value: &str,
        from: &str,
        prefix: &str,
        doc: usize,
    ) -> Option<String> {
        if attr == "id" {
            return Some(format!("{prefix}--{value}"));
        }
        let file = |d: usize| if d == doc { "" } else { self.files[d].as_str() };
        match SiteLink::parse(value, from)? {
            SiteLink::Fragment(f) => Some(format!("#{prefix}--{f}")),
            SiteLink::Page { target, href, frag } => {
                match (self.pages.get(target.as_str()), frag) {
                    (Some((d, id)), Some(f)) if attr == "href" => {
                        Some(format!("{}#{id}--{f}", file(*d)))
                    }
                    (Some((d, id)), _) if attr == "href" && id.is_empty() => {
                        Some(file(*d).to_owned())
                    }
                    (Some((d, id)), _) if attr == "href" => Some(format!("{}#{id}", file(*d))),
                    _ => Some(href + &frag.map(|f| format!("#{f}")).unwrap_or_default()),
                }
            }
        }
    }
}

fn part_id(i: usize) -> String {
    format!("part-{}", i + 1)
}

/// How a book is printed: its documents, where each page of the site lands in them, and
/// each document's section title. Worked out once per site (see [`Site::print_plan`])
/// and shared by its print pages, which are rendered one document at a time.
pub struct Plan {
    docs: Vec<Document>,
    anchors: Anchors,
    titles: Vec<String>,
}

impl Plan {
    pub fn new(site: &Site<'_>) -> Plan {
        let docs = documents(site.book);
        let anchors = Anchors::new(site.book, &docs);
        let titles = docs.iter().map(|doc| section_title(site, doc)).collect();
        Plan {
            docs,
            anchors,
            titles,
        }
    }

    /// Whether the book is printed by section: print.html lists the documents.
    fn split(&self) -> bool {
        is_split(&self.docs)
    }
}

fn is_split(docs: &[Document]) -> bool {
    docs.len() > 1 || docs[0].file != PRINT_PAGE
}

/// The chapters of each section's printed document, when the book is printed by
/// section (none when print.html prints the whole book): one page of the page list each.
pub fn sections(book: &Book) -> Vec<Vec<crate::book::ChapterId>> {
    let docs = documents(book);
    if !is_split(&docs) {
        return Vec::new();
    }
    docs.iter()
        .map(|doc| {
            doc.parts
                .iter()
                .flat_map(|&p| book.parts[p].chapter_ids())
                .collect()
        })
        .collect()
}

/// The knowledge check of each chapter in `doc` as a worksheet, when print pages show
/// them (`[print] knowledge-checks`).
fn worksheets(site: &Site<'_>, doc: &Document) -> Result<HashMap<usize, String>, Error> {
    let mut sheets = HashMap::new();
    if !site.book.config.print.knowledge_checks {
        return Ok(sheets);
    }
    for &p in &doc.parts {
        for id in site.book.parts[p].chapter_ids() {
            if let Some(q) = &site.model.rendered(id).quiz {
                let html = site.quiz_html(q, crate::render::QuizMode::Worksheet, "")?;
                sheets.insert(id.index(), html);
            }
        }
    }
    Ok(sheets)
}

/// print.html: the whole book, or for a book printed by section the list of sections.
pub fn write(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let plan = site.print_plan();
    if plan.split() {
        index(site, out, &plan.docs, &plan.titles)
    } else {
        document(site, out, &plan, 0)
    }
}

/// The printed document of section `d`, for a book printed by section.
pub fn write_section(site: &Site<'_>, out: &dyn Sink, d: usize) -> Result<(), Error> {
    let plan = site.print_plan();
    match plan.docs.get(d) {
        Some(_) => document(site, out, &plan, d),
        None => Ok(()),
    }
}

/// The name of the section a document prints; chapters at the top of the book, outside
/// any folder, have none of their own.
fn section_title(site: &Site<'_>, doc: &Document) -> String {
    let top = &site.book.parts[top_section(site.book, doc.parts[0])];
    if top.depth == 0 {
        site.fill("print_top_section", &[])
    } else {
        top.title.clone()
    }
}

/// One printed document: the parts of document `d` with their chapters.
fn document(site: &Site<'_>, out: &dyn Sink, plan: &Plan, d: usize) -> Result<(), Error> {
    let doc = &plan.docs[d];
    let anchors = &plan.anchors;
    let section = plan.split().then_some(plan.titles[d].as_str());
    let sheets = worksheets(site, doc)?;
    let knowledge_checks = !sheets.is_empty();
    let mut bodies: Vec<String> = Vec::new();
    let mut chapter_count = 0;
    let parts: Vec<PrintPart<'_>> = doc
        .parts
        .iter()
        .map(|&pi| {
            let p = &site.book.parts[pi];
            let id = part_id(pi);
            let intro_html = rewrite_attrs(&site.model.intros[pi].home_page, |a, v| {
                anchors.rebase(a, v, crate::paths::HOME, &id, d)
            });
            let chapters = p
                .chapter_ids()
                .map(|id| {
                    let ch = site.model.chapter(id);
                    let rendered = &site.model.rendered(id).html;
                    let html = match sheets.get(&id.index()) {
                        Some(sheet) => std::borrow::Cow::Owned(format!("{rendered}{sheet}")),
                        None => std::borrow::Cow::Borrowed(rendered.as_str()),
                    };
                    let html = rewrite_attrs(&html, |a, v| {
                        anchors.rebase(a, v, &ch.out_path, &ch.name, d)
                    });
                    bodies.push(demote_headings(&html));
                    chapter_count += 1;
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
    let body = PrintBody {
        print: PrintCtx {
            parts,
            chapter_count,
            knowledge_checks,
            section,
        },
    };
    let title = site.fill(
        "printable_edition",
        &[("title", section.unwrap_or(&site.book.config.title))],
    );
    let info = PageInfo {
        kind: FrameKind::Print,
        path: &doc.file,
        title: &title,
        description: &site.book.config.description,
        part: None,
        chapter: None,
    };
    let frame = site.frame(info, body);
    site.page_spliced(out, "print.html", &doc.file, frame, &bodies)
}

/// print.html of a book printed by section: a list of the sections' documents.
fn index(
    site: &Site<'_>,
    out: &dyn Sink,
    docs: &[Document],
    titles: &[String],
) -> Result<(), Error> {
    let book = site.book;
    let sections = docs
        .iter()
        .zip(titles)
        .map(|(doc, title)| {
            let top = &book.parts[top_section(book, doc.parts[0])];
            IndexSection {
                href: &doc.file,
                title,
                chapter_count: doc
                    .parts
                    .iter()
                    .map(|&p| book.parts[p].chapters.len())
                    .sum(),
                covers: top
                    .children
                    .iter()
                    .map(|&c| book.parts[c].title.as_str())
                    .collect(),
            }
        })
        .collect();
    let body = IndexBody {
        print_index: IndexCtx {
            chapter_count: book.chapters.len(),
            sections,
        },
    };
    let title = site.fill("printable_edition", &[("title", &book.config.title)]);
    let info = PageInfo {
        kind: FrameKind::Print,
        path: PRINT_PAGE,
        title: &title,
        description: &book.config.description,
        part: None,
        chapter: None,
    };
    site.page(out, "print-index.html", PRINT_PAGE, site.frame(info, body))
}
