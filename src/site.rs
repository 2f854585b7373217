//! The site output: chapter, part, home, topic and audience pages, 404, sitemap and
//! assets, all rendered from the book model into the staging folder.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::book::{slash_path, Book, ChapterId};
use crate::output::Sink;
use crate::render::{self, summary, ChapterBody, ChapterSummary, FrameKind, PageInfo, Site};
use crate::terms::TermKind;
use crate::Error;

/// A chapter's own page.
pub fn chapter(site: &Site<'_>, id: ChapterId, out: &dyn Sink) -> Result<(), Error> {
    let ch = site.model.chapter(id);
    let body = ChapterBody {
        chapter: render::chapter_ctx(site.model, id),
    };
    let info = PageInfo {
        kind: FrameKind::Chapter,
        path: &ch.out_path,
        title: &ch.title,
        description: &ch.summary,
        part: Some(ch.part),
        chapter: Some(id),
    };
    site.page(out, "chapter.html", &ch.out_path, site.frame(info, body))
}

fn summaries<'a>(site: &Site<'a>, ids: impl Iterator<Item = ChapterId>) -> Vec<ChapterSummary<'a>> {
    ids.map(|id| summary(site.model, id)).collect()
}

/// The home page: every part with its chapters, the topics, audiences and packs.
/// Past this many chapters the home page lists the top-level sections (with their
/// chapter counts) instead of every chapter: at 10,000 chapters the full list weighs
/// 4 MB, 300 KB gzipped, and ten times that at 100,000.
pub const HOME_CHAPTERS_UP_TO: usize = 1_000;

pub fn home(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let book = site.book;
    // The top of the tree: the book's own chapters and its top-level sections, each
    // with its chapters and links to its sub-sections.
    let compact = book.chapters.len() > HOME_CHAPTERS_UP_TO;
    let (parts, top): (Vec<PartCtx>, Vec<PartCtx>) = book
        .parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.parent.is_none())
        .map(|(i, p)| {
            // A big book's home page lists its top-level sections, not their chapters.
            let listed = !compact || p.is_root();
            PartCtx {
                title: &p.title,
                href: if p.is_root() {
                    Cow::Borrowed("")
                } else {
                    crate::url::encode_path(&p.out_path)
                },
                intro_html: if listed {
                    &site.model.intros[i].home_page
                } else {
                    ""
                },
                chapters: if listed {
                    summaries(site, p.chapter_ids())
                } else {
                    Vec::new()
                },
                sections: if listed {
                    sections(site, i)
                } else {
                    Vec::new()
                },
                trail: Vec::new(),
                count: p.all_chapters.len(),
            }
        })
        .partition(|p| !compact || p.href.is_empty());
    let total_minutes: u32 = book.chapter_ids().map(|id| site.model.minutes(id)).sum();
    let home = HomeCtx {
        intro_html: &site.model.home,
        chapter_count: book.chapters.len(),
        total_hours: site.words().decimal(f64::from(total_minutes) / 60.0, 1),
        parts,
        sections: top,
        tags: term_items(site, TermKind::Tag),
        audiences: term_items(site, TermKind::Audience),
        packs: site
            .model
            .pack_summaries()
            .into_iter()
            .map(|p| PackItem {
                href: format!(
                    "{}/{}/index.html",
                    crate::paths::PACKS_DIR,
                    crate::url::encode_path(&p.id)
                ),
                audience: p
                    .audience_ids
                    .iter()
                    .map(|a| {
                        book.config
                            .audiences
                            .get(a)
                            .map_or(a.clone(), |t| t.label.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                total: site.words().duration(p.total_minutes),
                summary: p,
            })
            .collect(),
    };
    let frame = site.frame(
        PageInfo {
            kind: FrameKind::Home,
            path: crate::paths::HOME,
            title: &book.config.title,
            description: &book.config.description,
            part: None,
            chapter: None,
        },
        HomeBody { home },
    );
    site.page(out, "index.html", crate::paths::HOME, frame)
}

/// Section `i`'s sub-sections, as links with how many chapters each holds.
fn sections<'a>(site: &Site<'a>, i: usize) -> Vec<SectionLink<'a>> {
    let book = site.book;
    book.parts[i]
        .children
        .iter()
        .map(|&c| {
            let p = &book.parts[c];
            SectionLink {
                title: &p.title,
                href: crate::url::encode_path(&p.out_path),
                chapters: p.all_chapters.len(),
            }
        })
        .collect()
}

/// Section `i`'s page, at any depth: its introduction, its chapters and its
/// sub-sections. Chapters at the top level of the book have no part page (the home
/// page lists them).
pub fn part(site: &Site<'_>, i: usize, out: &dyn Sink) -> Result<(), Error> {
    let p = &site.book.parts[i];
    if p.is_root() {
        return Ok(());
    }
    let part = PartCtx {
        title: &p.title,
        href: crate::url::encode_path(&p.out_path),
        intro_html: &site.model.intros[i].part_page,
        chapters: summaries(site, p.chapter_ids()),
        sections: sections(site, i),
        trail: p
            .parent
            .map(|up| render::trail(site.book, up))
            .unwrap_or_default(),
        count: p.all_chapters.len(),
    };
    let info = PageInfo {
        kind: FrameKind::Part,
        path: &p.out_path,
        title: &p.title,
        description: "",
        part: Some(i),
        chapter: None,
    };
    site.page(
        out,
        "part.html",
        &p.out_path,
        site.frame(info, PartBody { part }),
    )
}

fn term_items<'a>(site: &Site<'a>, kind: TermKind) -> Vec<TermItem<'a>> {
    let book = site.book;
    kind.terms(book)
        .iter()
        .map(|(id, t)| TermItem {
            label: &t.label,
            description: &t.description,
            href: kind.href(id),
            count: kind.chapters(book, id).count(),
        })
        .filter(|t| t.count > 0)
        .collect()
}

/// The page of one tag or audience: its chapters.
pub fn term(site: &Site<'_>, kind: TermKind, id: &str, out: &dyn Sink) -> Result<(), Error> {
    let Some(t) = kind.terms(site.book).get(id) else {
        return Ok(());
    };
    let path = kind.path(id);
    let term = TermCtx {
        kind: site.t(kind.key()),
        kind_plural: site.t(kind.plural_key()),
        index_href: kind.index(),
        label: &t.label,
        description: &t.description,
        chapters: summaries(site, kind.chapters(site.book, id)),
    };
    // "Topic: Stress", as the page's heading says: a part and a topic may share a name.
    let title = site.fill(
        "cards_term",
        &[("kind", site.t(kind.key())), ("label", &t.label)],
    );
    let frame = site.frame(
        PageInfo {
            kind: FrameKind::Term,
            path: &path,
            title: &title,
            description: &t.description,
            part: None,
            chapter: None,
        },
        TermBody { term },
    );
    site.page(out, "term.html", &path, frame)
}

/// The list of every tag or every audience.
pub fn term_index(site: &Site<'_>, kind: TermKind, out: &dyn Sink) -> Result<(), Error> {
    let terms = TermsCtx {
        kind_plural: site.t(kind.plural_key()),
        items: term_items(site, kind),
    };
    let path = kind.index();
    let frame = site.frame(
        PageInfo {
            kind: FrameKind::Terms,
            path,
            title: site.t(kind.plural_key()),
            description: "",
            part: None,
            chapter: None,
        },
        TermsBody { terms },
    );
    site.page(out, "terms.html", path, frame)
}

/// 404.html, which finds the site's root from any depth.
pub fn not_found(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    // A server shows 404.html at any depth, so its links need the absolute base when known.
    let mut frame = site.frame(
        PageInfo {
            kind: FrameKind::NotFound,
            path: crate::paths::NOT_FOUND,
            title: site.t("page_not_found"),
            description: "",
            part: None,
            chapter: None,
        },
        NotFoundBody {
            // JSON for the page's script; `<` escaped so a folder name cannot end it.
            top_folders: serde_json::to_string(&top_folders(site.book))
                .unwrap_or_else(|_| "[]".into())
                .replace('<', "\\u003c"),
        },
    );
    if let Some(base) = &site.book.config.build.base_url {
        frame.root = with_trailing_slash(base);
    }
    site.page(out, "404.html", crate::paths::NOT_FOUND, frame)
}

/// The site's top-level folders. Without `base-url`, 404.html finds the site root
/// from the address of the missing page: the path up to the last of these folders.
fn top_folders(book: &Book) -> Vec<String> {
    let mut dirs: Vec<String> = [
        "assets",
        "search",
        "tags",
        "audiences",
        "checklists",
        "packs",
    ]
    .map(String::from)
    .into();
    let paths = book.parts.iter().map(|p| &p.out_path);
    for path in paths.chain(book.chapters.iter().map(|c| &c.out_path)) {
        if let Some((first, _)) = path.split_once('/') {
            if !dirs.iter().any(|d| d == first) {
                dirs.push(first.to_owned());
            }
        }
    }
    dirs
}

/// sitemap.xml, when `base-url` gives the absolute addresses it needs. A book in
/// several languages has one sitemap, at the root, listing each page in every language
/// with its alternates (the other sites write none).
pub fn sitemap(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let book = site.book;
    let Some(base) = &book.config.build.base_url else {
        return Ok(());
    };
    if book.language != 0 {
        return Ok(());
    }
    let base = with_trailing_slash(base);
    let pages = std::iter::once(crate::paths::HOME)
        .chain(
            book.parts
                .iter()
                .filter(|p| !p.is_root())
                .map(|p| p.out_path.as_str()),
        )
        .chain(book.chapters.iter().map(|c| c.out_path.as_str()));
    let mut urls = Vec::new();
    for page in pages {
        let alternates: Vec<SitemapAlternate> = book
            .languages
            .iter()
            .filter(|l| l.has(page))
            .map(|l| SitemapAlternate {
                code: l.code.clone(),
                url: format!("{base}{}{}", l.prefix, crate::url::encode_path(page)),
            })
            .collect();
        if alternates.len() < 2 {
            urls.push(SitemapUrl {
                loc: format!("{base}{}", crate::url::encode_path(page)),
                alternates: Vec::new(),
            });
            continue;
        }
        for a in &alternates {
            urls.push(SitemapUrl {
                loc: a.url.clone(),
                alternates: alternates.clone(),
            });
        }
    }
    let multilingual = book.languages.len() > 1;
    let xml = site.render("sitemap.xml", &SitemapCtx { urls, multilingual })?;
    out.write(crate::paths::SITEMAP, xml.as_bytes())
        .map_err(Error::Output)
}

/// The theme's files, the sidebar data of a big book, and the book's own files
/// (images and other files next to the chapters).
pub fn assets(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let book = site.book;
    for (name, bytes) in &site.renderer.theme.statics {
        out.write(&format!("assets/{name}"), bytes)
            .map_err(Error::Output)?;
    }
    if render::nav_from_script(book) {
        out.write(crate::paths::NAV_DATA, &nav_data(book))
            .map_err(Error::Output)?;
    }
    book.assets.par_iter().try_for_each(|rel| {
        out.copy(&book.source_dir.join(rel), &slash_path(rel))
            .map_err(Error::Output)
    })
}

/// The sidebar's whole tree for `nav.js`, loaded once by every page of a big book:
/// `s` lists the sections in reading order as `[title, href, parent, first chapter,
/// end]` (parent -1 at the top; the top of the book's own chapters has the href ""),
/// `c` the chapters as `[title, href]`.
fn nav_data(book: &crate::book::Book) -> Vec<u8> {
    #[derive(Serialize)]
    struct Data<'a> {
        s: Vec<(&'a str, Cow<'a, str>, i64, usize, usize)>,
        c: Vec<(&'a str, Cow<'a, str>)>,
    }
    let data = Data {
        s: book
            .parts
            .iter()
            .map(|p| {
                let href = if p.is_root() {
                    Cow::Borrowed("")
                } else {
                    crate::url::encode_path(&p.out_path)
                };
                let parent = p.parent.map_or(-1, |x| x as i64);
                (
                    p.title.as_str(),
                    href,
                    parent,
                    p.chapters.start,
                    p.chapters.end,
                )
            })
            .collect(),
        c: book
            .chapters
            .iter()
            .map(|c| (c.title.as_str(), crate::url::encode_path(&c.out_path)))
            .collect(),
    };
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".into());
    // `</script>` cannot end a script file, but keep the data inert in any case.
    format!("window.carebookNav={};\n", json.replace("</", "<\\/")).into_bytes()
}

#[derive(Serialize)]
struct SitemapCtx {
    urls: Vec<SitemapUrl>,
    multilingual: bool,
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    /// The page in every language, itself included; empty in a book of one language.
    alternates: Vec<SitemapAlternate>,
}

#[derive(Serialize, Clone)]
struct SitemapAlternate {
    code: String,
    url: String,
}

fn with_trailing_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    }
}

#[derive(Serialize)]
struct NotFoundBody {
    top_folders: String,
}

#[derive(Serialize)]
struct PartCtx<'a> {
    title: &'a str,
    href: Cow<'a, str>,
    intro_html: &'a str,
    chapters: Vec<ChapterSummary<'a>>,
    /// Its sub-sections, after its chapters as in reading order.
    sections: Vec<SectionLink<'a>>,
    /// The sections above it, from the top, for the breadcrumbs.
    trail: Vec<render::LinkCtx<'a>>,
    /// The chapters in it and under it.
    count: usize,
}

/// A sub-section in a section's list.
#[derive(Serialize)]
struct SectionLink<'a> {
    title: &'a str,
    href: Cow<'a, str>,
    /// The chapters in it and under it.
    chapters: usize,
}

#[derive(Serialize)]
struct PartBody<'a> {
    part: PartCtx<'a>,
}

#[derive(Serialize)]
struct HomeCtx<'a> {
    /// The chapters folder's own page (`index.md`, `README.md`) as HTML.
    intro_html: &'a str,
    chapter_count: usize,
    total_hours: String,
    /// The parts shown with their chapters: every top-level one, or in a big book
    /// only the chapters outside any section.
    parts: Vec<PartCtx<'a>>,
    /// In a big book, the top-level sections, listed by name with their chapter count.
    sections: Vec<PartCtx<'a>>,
    tags: Vec<TermItem<'a>>,
    audiences: Vec<TermItem<'a>>,
    packs: Vec<PackItem>,
}

#[derive(Serialize)]
struct PackItem {
    href: String,
    /// Audience labels, for people rather than ids.
    audience: String,
    /// The class's length, as the language writes it.
    total: String,
    #[serde(flatten)]
    summary: crate::course::PackSummary,
}

#[derive(Serialize)]
struct HomeBody<'a> {
    home: HomeCtx<'a>,
}

#[derive(Serialize)]
struct TermItem<'a> {
    label: &'a str,
    description: &'a str,
    href: String,
    count: usize,
}

#[derive(Serialize)]
struct TermCtx<'a> {
    kind: &'a str,
    kind_plural: &'a str,
    index_href: &'static str,
    label: &'a str,
    description: &'a str,
    chapters: Vec<ChapterSummary<'a>>,
}

#[derive(Serialize)]
struct TermBody<'a> {
    term: TermCtx<'a>,
}

#[derive(Serialize)]
struct TermsCtx<'a> {
    kind_plural: &'a str,
    items: Vec<TermItem<'a>>,
}

#[derive(Serialize)]
struct TermsBody<'a> {
    terms: TermsCtx<'a>,
}

#[derive(Serialize)]
struct RedirectCtx<'a> {
    site: &'a crate::render::SiteCtx,
    root: String,
    title: &'a str,
    href: String,
    /// The same address as a JavaScript string, for the script that keeps `#section`.
    href_json: String,
    canonical: String,
}

/// The redirect pages: each old address (a chapter's `aliases`, a part's old folder)
/// sends the reader on to the page it became.
pub fn write_redirects(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let (redirects, _) = crate::redirects::plan(site.book);
    let base = site.book.config.build.base_url.as_deref();
    for r in &redirects {
        let href = crate::markdown::relative_href(&r.from, &r.to);
        let canonical = match base {
            Some(b) => format!("{}/{}", b.trim_end_matches('/'), r.to),
            None => href.clone(),
        };
        let ctx = RedirectCtx {
            site: &site.renderer.site,
            root: crate::markdown::root_prefix(&r.from),
            title: &r.title,
            href_json: serde_json::to_string(&href)
                .unwrap_or_default()
                .replace('<', "\\u003c"),
            href,
            canonical,
        };
        let html = site.render("redirect.html", &ctx)?;
        out.write(&r.from, html.as_bytes()).map_err(Error::Output)?;
    }
    Ok(())
}
