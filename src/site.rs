//! The site output: chapter, part, home, topic and audience pages, 404, sitemap and
//! assets, all rendered from the book model into the staging folder.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::book::{slash_path, Book};
use crate::config::Term;
use crate::markdown::{root_prefix, Rendered};
use crate::output::Sink;
use crate::render::theme::Theme;
use crate::render::{self, summary, ChapterBody, ChapterSummary, Frame, SiteCtx};
use crate::Error;

pub struct Site<'a> {
    pub book: &'a Book,
    pub rendered: &'a [Rendered],
    /// Each part's introduction as HTML, by part index.
    pub intros: &'a [crate::build::Intro],
    pub theme: &'a Theme,
    pub ctx: SiteCtx,
    /// Each chapter's desk-card type sizes; `None` for chapters without a card.
    pub fits: &'a [Option<crate::cards::CardFit>],
    pub packs: &'a [crate::packs::Pack],
    /// Desk cards as HTML, made on first use (see `cards`).
    pub cards: std::sync::OnceLock<Vec<Option<String>>>,
    /// The search index's core file, when search is on.
    pub search_core: Option<&'a str>,
    /// How long building and writing the search index took, for `--timings`.
    pub search_time: std::sync::OnceLock<std::time::Duration>,
}

impl Site<'_> {
    /// Writes every output. They are independent, so they run side by side; each one
    /// also spreads its own pages over the cores.
    pub fn write(&self, out: &dyn Sink) -> Result<(), Error> {
        type Task<'t> = &'t (dyn Fn() -> Result<(), Error> + Sync);
        // The search index comes first: it is the longest single task.
        let tasks: [Task<'_>; 12] = [
            &|| self.write_search(out),
            &|| self.write_chapters(out),
            &|| self.write_home(out),
            &|| self.write_parts(out),
            &|| self.write_all_terms(out),
            &|| self.write_404(out).and_then(|_| self.write_sitemap(out)),
            &|| self.write_part_card_pages(out),
            &|| self.write_card_sets(out),
            &|| self.write_print(out),
            &|| crate::packs::write_in_site(self, out),
            &|| self.write_assets(out),
            &|| {
                crate::feed::write(self, out)
                    .and_then(|_| crate::facts::write_page(self, out))
                    .and_then(|_| crate::redirects::write(self, out))
            },
        ];
        tasks.par_iter().try_for_each(|task| task())
    }

    fn write_search(&self, out: &dyn Sink) -> Result<(), Error> {
        let Some(core) = self.search_core else {
            return Ok(());
        };
        let started = std::time::Instant::now();
        crate::search::build(self.book, self.rendered, core)
            .write(out)
            .map_err(Error::Output)?;
        let _ = self.search_time.set(started.elapsed());
        Ok(())
    }

    /// `template` rendered with `ctx`; a template error is a configuration error (it is
    /// in the theme, not in the chapters).
    pub(crate) fn render<T: Serialize>(&self, template: &str, ctx: &T) -> Result<String, Error> {
        self.theme
            .render(template, ctx)
            .map_err(|d| Error::Config(vec![d]))
    }

    pub(crate) fn page<T: Serialize>(
        &self,
        out: &dyn Sink,
        template: &str,
        path: &str,
        frame: Frame<'_, T>,
    ) -> Result<(), Error> {
        let html = self.render(template, &frame)?;
        out.write(path, html.as_bytes()).map_err(Error::Output)
    }

    /// `page`, with `bodies` put where the frame holds `render::splice::marker(n)`.
    pub(crate) fn page_spliced<T: Serialize, B: AsRef<str>>(
        &self,
        out: &dyn Sink,
        template: &str,
        path: &str,
        frame: Frame<'_, T>,
        bodies: &[B],
    ) -> Result<(), Error> {
        let html = self.render(template, &frame)?;
        out.write_parts(path, &render::splice::splice(&html, bodies))
            .map_err(Error::Output)
    }

    pub(crate) fn frame<'s, T: Serialize>(&'s self, info: PageInfo<'s>, body: T) -> Frame<'s, T> {
        Frame {
            site: &self.ctx,
            root: root_prefix(info.path),
            kind: info.kind,
            page_title: info.title,
            description: info.description,
            nav: render::nav(self.book, info.part, info.chapter, info.path),
            links: crate::feed::with_footer_links(
                self.book,
                render::Links::site(&self.book.config.title),
            ),
            search: self.search_core,
            body,
        }
    }

    fn write_chapters(&self, out: &dyn Sink) -> Result<(), Error> {
        (0..self.book.chapters.len())
            .into_par_iter()
            .try_for_each(|i| self.write_chapter(i, out))
    }

    pub fn write_chapter(&self, i: usize, out: &dyn Sink) -> Result<(), Error> {
        let ch = &self.book.chapters[i];
        let body = ChapterBody {
            chapter: render::chapter_ctx(self.book, i, &self.rendered[i], self.fits[i].is_some()),
        };
        let info = PageInfo {
            kind: "chapter",
            path: &ch.out_path,
            title: &ch.title,
            description: &ch.summary,
            part: Some(ch.part),
            chapter: Some(i),
        };
        self.page(out, "chapter.html", &ch.out_path, self.frame(info, body))
    }

    fn summaries(&self, range: impl Iterator<Item = usize>) -> Vec<ChapterSummary<'_>> {
        range
            .map(|i| summary(self.book, i, self.rendered))
            .collect()
    }

    pub fn write_home(&self, out: &dyn Sink) -> Result<(), Error> {
        let book = self.book;
        let parts = book
            .parts
            .iter()
            .enumerate()
            .map(|(i, p)| PartCtx {
                title: &p.title,
                href: if p.dir.as_os_str().is_empty() {
                    Cow::Borrowed("")
                } else {
                    crate::url::encode_path(&p.out_path)
                },
                intro_html: &self.intros[i].home_page,
                chapters: self.summaries(p.chapters.clone()),
            })
            .collect();
        let total_minutes: u32 = (0..book.chapters.len())
            .map(|i| render::minutes(&book.chapters[i], &self.rendered[i]))
            .sum();
        let home = HomeCtx {
            chapter_count: book.chapters.len(),
            total_hours: format!("{:.1}", f64::from(total_minutes) / 60.0),
            parts,
            tags: self.term_items(TermKind::Tag),
            audiences: self.term_items(TermKind::Audience),
            packs: crate::packs::summaries(self)
                .into_iter()
                .map(|p| PackItem {
                    href: format!(
                        "{}/{}/index.html",
                        crate::packs::PACKS_DIR,
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
                    summary: p,
                })
                .collect(),
        };
        let title = book.config.title.as_str();
        let frame = self.frame(
            PageInfo {
                kind: "home",
                path: "index.html",
                title,
                description: &book.config.description,
                part: None,
                chapter: None,
            },
            HomeBody { home },
        );
        self.page(out, "index.html", "index.html", frame)
    }

    fn write_parts(&self, out: &dyn Sink) -> Result<(), Error> {
        (0..self.book.parts.len())
            .into_par_iter()
            .try_for_each(|i| self.write_part(i, out))
    }

    pub fn write_part(&self, i: usize, out: &dyn Sink) -> Result<(), Error> {
        let p = &self.book.parts[i];
        if p.dir.as_os_str().is_empty() {
            return Ok(()); // top-level chapters are listed on the home page
        }
        let part = PartCtx {
            title: &p.title,
            href: crate::url::encode_path(&p.out_path),
            intro_html: &self.intros[i].part_page,
            chapters: self.summaries(p.chapters.clone()),
        };
        let info = PageInfo {
            kind: "part",
            path: &p.out_path,
            title: &p.title,
            description: "",
            part: Some(i),
            chapter: None,
        };
        self.page(
            out,
            "part.html",
            &p.out_path,
            self.frame(info, PartBody { part }),
        )
    }

    /// Tag and audience pages, with their indexes.
    pub fn write_all_terms(&self, out: &dyn Sink) -> Result<(), Error> {
        TermKind::ALL
            .into_par_iter()
            .try_for_each(|kind| self.write_terms(out, kind))
    }

    fn term_items(&self, kind: TermKind) -> Vec<TermItem<'_>> {
        kind.terms(self.book)
            .iter()
            .map(|(id, t)| TermItem {
                label: &t.label,
                description: &t.description,
                href: kind.href(id),
                count: kind.chapters(self.book, id).count(),
            })
            .filter(|t| t.count > 0)
            .collect()
    }

    fn write_terms(&self, out: &dyn Sink, kind: TermKind) -> Result<(), Error> {
        for (id, t) in kind.terms(self.book) {
            let path = kind.path(id);
            let term = TermCtx {
                kind: kind.singular(),
                kind_plural: kind.plural(),
                index_href: kind.index(),
                label: &t.label,
                description: &t.description,
                chapters: self.summaries(kind.chapters(self.book, id)),
            };
            // "Topic: Stress", as the page's heading says: a part and a topic may share a name.
            let title = format!("{}: {}", kind.singular(), t.label);
            let frame = self.frame(
                PageInfo {
                    kind: "term",
                    path: &path,
                    title: &title,
                    description: &t.description,
                    part: None,
                    chapter: None,
                },
                TermBody { term },
            );
            self.page(out, "term.html", &path, frame)?;
        }
        let terms = TermsCtx {
            kind_plural: kind.plural(),
            items: self.term_items(kind),
        };
        let path = kind.index();
        let frame = self.frame(
            PageInfo {
                kind: "terms",
                path,
                title: kind.plural(),
                description: "",
                part: None,
                chapter: None,
            },
            TermsBody { terms },
        );
        self.page(out, "terms.html", path, frame)
    }

    fn write_404(&self, out: &dyn Sink) -> Result<(), Error> {
        // A server shows 404.html at any depth, so its links need the absolute base when known.
        let mut frame = self.frame(
            PageInfo {
                kind: "not-found",
                path: "404.html",
                title: "Page not found",
                description: "",
                part: None,
                chapter: None,
            },
            NotFoundBody {
                // JSON for the page's script; `<` escaped so a folder name cannot end it.
                top_folders: serde_json::to_string(&self.top_folders())
                    .unwrap_or_else(|_| "[]".into())
                    .replace('<', "\\u003c"),
            },
        );
        if let Some(base) = &self.book.config.build.base_url {
            frame.root = with_trailing_slash(base);
        }
        self.page(out, "404.html", "404.html", frame)
    }

    /// The site's top-level folders. Without `base-url`, 404.html finds the site root
    /// from the address of the missing page: the path up to the last of these folders.
    fn top_folders(&self) -> Vec<String> {
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
        let paths = self.book.parts.iter().map(|p| &p.out_path);
        for path in paths.chain(self.book.chapters.iter().map(|c| &c.out_path)) {
            if let Some((first, _)) = path.split_once('/') {
                if !dirs.iter().any(|d| d == first) {
                    dirs.push(first.to_owned());
                }
            }
        }
        dirs
    }

    fn write_sitemap(&self, out: &dyn Sink) -> Result<(), Error> {
        let Some(base) = &self.book.config.build.base_url else {
            return Ok(());
        };
        let base = with_trailing_slash(base);
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        let pages = std::iter::once("index.html")
            .chain(
                self.book
                    .parts
                    .iter()
                    .filter(|p| !p.dir.as_os_str().is_empty())
                    .map(|p| p.out_path.as_str()),
            )
            .chain(self.book.chapters.iter().map(|c| c.out_path.as_str()));
        for page in pages {
            xml.push_str(&format!(
                "  <url><loc>{}</loc></url>\n",
                xml_escape(&format!("{base}{}", crate::url::encode_path(page)))
            ));
        }
        xml.push_str("</urlset>\n");
        out.write("sitemap.xml", xml.as_bytes())
            .map_err(Error::Output)
    }

    fn write_assets(&self, out: &dyn Sink) -> Result<(), Error> {
        for (name, bytes) in &self.theme.statics {
            out.write(&format!("assets/{name}"), bytes)
                .map_err(Error::Output)?;
        }
        if self.book.parts.len() > render::NAV_INLINE_PARTS {
            let parts: Vec<(&str, Cow<'_, str>)> = self
                .book
                .parts
                .iter()
                .map(|p| (p.title.as_str(), crate::url::encode_path(&p.out_path)))
                .collect();
            let json = serde_json::to_string(&parts).unwrap_or_else(|_| "[]".into());
            out.write(
                "assets/nav-data.js",
                format!("window.carebookParts={json};\n").as_bytes(),
            )
            .map_err(Error::Output)?;
        }
        self.book.assets.par_iter().try_for_each(|rel| {
            out.copy(&self.book.source_dir.join(rel), &slash_path(rel))
                .map_err(Error::Output)
        })
    }
}

fn with_trailing_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Tags and audiences are listed, linked and carded the same way; this says which.
#[derive(Clone, Copy)]
pub(crate) enum TermKind {
    Tag,
    Audience,
}

impl TermKind {
    pub(crate) const ALL: [TermKind; 2] = [TermKind::Tag, TermKind::Audience];

    pub(crate) fn terms(self, book: &Book) -> &indexmap::IndexMap<String, Term> {
        match self {
            TermKind::Tag => &book.config.tags,
            TermKind::Audience => &book.config.audiences,
        }
    }
    pub(crate) fn chapters<'a>(
        self,
        book: &'a Book,
        id: &'a str,
    ) -> Box<dyn Iterator<Item = usize> + 'a> {
        match self {
            TermKind::Tag => Box::new(book.chapters_tagged(id)),
            TermKind::Audience => Box::new(book.chapters_for(id)),
        }
    }
    fn href(self, id: &str) -> String {
        match self {
            TermKind::Tag => render::tag_href(id),
            TermKind::Audience => render::audience_href(id),
        }
    }
    /// The term's page, from the site root, as written to disk.
    fn path(self, id: &str) -> String {
        match self {
            TermKind::Tag => format!("tags/{id}.html"),
            TermKind::Audience => format!("audiences/{id}.html"),
        }
    }
    fn index(self) -> &'static str {
        match self {
            TermKind::Tag => "tags/index.html",
            TermKind::Audience => "audiences/index.html",
        }
    }
    fn singular(self) -> &'static str {
        match self {
            TermKind::Tag => "Topic",
            TermKind::Audience => "Audience",
        }
    }
    fn plural(self) -> &'static str {
        match self {
            TermKind::Tag => "Topics",
            TermKind::Audience => "Audiences",
        }
    }
    /// The page of desk cards for one tag or audience.
    pub(crate) fn card_set_path(self, id: &str) -> String {
        format!("checklists/{}", self.card_set_file(id))
    }
    /// That page's file name in `checklists/`.
    pub(crate) fn card_set_file(self, id: &str) -> String {
        match self {
            TermKind::Tag => format!("tag-{id}.html"),
            TermKind::Audience => format!("audience-{id}.html"),
        }
    }
    pub(crate) fn card_set_heading(self, label: &str, count: usize) -> String {
        match self {
            TermKind::Tag => crate::cards::set_heading(&format!("Topic: {label}"), count),
            TermKind::Audience => crate::cards::set_heading(&format!("Audience: {label}"), count),
        }
    }
}

/// Which page is being rendered, for its frame (root prefix, sidebar, title).
pub(crate) struct PageInfo<'s> {
    pub kind: &'static str,
    pub path: &'s str,
    pub title: &'s str,
    pub description: &'s str,
    pub part: Option<usize>,
    pub chapter: Option<usize>,
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
}

#[derive(Serialize)]
struct PartBody<'a> {
    part: PartCtx<'a>,
}

#[derive(Serialize)]
struct HomeCtx<'a> {
    chapter_count: usize,
    total_hours: String,
    parts: Vec<PartCtx<'a>>,
    tags: Vec<TermItem<'a>>,
    audiences: Vec<TermItem<'a>>,
    packs: Vec<PackItem>,
}

#[derive(Serialize)]
struct PackItem {
    href: String,
    /// Audience labels, for people rather than ids.
    audience: String,
    #[serde(flatten)]
    summary: crate::packs::PackSummary,
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
    kind: &'static str,
    kind_plural: &'static str,
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
    kind_plural: &'static str,
    items: Vec<TermItem<'a>>,
}

#[derive(Serialize)]
struct TermsBody<'a> {
    terms: TermsCtx<'a>,
}
