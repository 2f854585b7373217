//! Rendering the site's pages from the book model with the theme's templates.
//! Template data is typed: one struct per page kind, wrapped in a common frame.

pub mod card;
pub mod theme;

use std::borrow::Cow;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::book::{Book, ChapterId};
use crate::markdown::TocEntry;
use crate::output::Sink;
use crate::paths::{audience_href, tag_href};
use crate::Error;

pub use theme::Theme;

/// What turns the analysed book into pages: the theme's templates, the data every page
/// shares, and the search index's file name, which every page's search box loads.
pub struct Renderer {
    pub theme: Theme,
    pub site: SiteCtx,
    /// The search index's core file from the site root; `None` with search off.
    pub search_core: Option<String>,
    /// The header and footer links of the site's pages, worked out once: whether
    /// there is a What's new page looks at every chapter, which once a page made
    /// building 100,000 chapters take quadratic time.
    pub links: Links,
}

impl Renderer {
    pub fn new(theme: Theme, analysis: &Analysis) -> Self {
        Renderer {
            site: SiteCtx::new(&analysis.book, &theme.strings),
            search_core: crate::search::core_path(analysis),
            links: Links::site(&analysis.book, &theme.strings),
            theme,
        }
    }
}

/// An analysed book with its renderer: what every output (site, cards, print, packs,
/// feed, search) renders from. Outputs share nothing else.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub model: &'a Analysis,
    pub book: &'a Book,
    pub renderer: &'a Renderer,
    /// The search terms kept from the last build, when there is a build cache.
    pub terms: Option<&'a crate::search::TermStore>,
    /// Where the print plan of this site is kept once worked out, so its print pages
    /// share one; without it each works it out for itself.
    pub print: Option<&'a PrintSlot>,
}

/// A site's print plan, worked out by the first print page that needs it.
pub type PrintSlot = std::sync::OnceLock<std::sync::Arc<crate::print::Plan>>;

/// What a page's frame needs to know about it: where it goes, what kind it is, its
/// title, and where it sits in the book for the sidebar.
pub struct PageInfo<'s> {
    pub kind: FrameKind,
    pub path: &'s str,
    pub title: &'s str,
    pub description: &'s str,
    pub part: Option<usize>,
    pub chapter: Option<ChapterId>,
}

/// A page's kind as templates see it (`kind == "chapter"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FrameKind {
    Home,
    Chapter,
    Part,
    Term,
    Terms,
    NotFound,
    Cards,
    Print,
    Pack,
    WhatsNew,
    Review,
    Facts,
    /// The pack builder.
    Builder,
}

impl<'a> Site<'a> {
    pub fn new(model: &'a Analysis, renderer: &'a Renderer) -> Self {
        Site {
            model,
            book: &model.book,
            renderer,
            terms: None,
            print: None,
        }
    }

    /// This site, its print pages sharing the plan kept in `slot`.
    pub fn with_print(self, slot: &'a PrintSlot) -> Self {
        Site {
            print: Some(slot),
            ..self
        }
    }

    /// How this site is printed (see [`crate::print::Plan`]).
    pub fn print_plan(&self) -> std::sync::Arc<crate::print::Plan> {
        match self.print {
            Some(slot) => slot
                .get_or_init(|| std::sync::Arc::new(crate::print::Plan::new(self)))
                .clone(),
            None => std::sync::Arc::new(crate::print::Plan::new(self)),
        }
    }

    /// This site, its search index made with the terms `store` keeps between builds.
    pub fn with_terms(self, store: Option<&'a crate::search::TermStore>) -> Self {
        Site {
            terms: store,
            ..self
        }
    }

    /// The interface's text for `key` (see `crate::strings`).
    pub fn t(&self, key: &'a str) -> &'a str {
        self.renderer.theme.strings.get(key)
    }

    /// The whole table, for dates, times, numbers and durations (`locale`).
    pub fn words(&self) -> &'a crate::strings::Strings {
        &self.renderer.theme.strings
    }

    /// The interface's text for `key` with its `{name}` values filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.renderer.theme.strings.fill(key, values)
    }

    pub fn search_core(&self) -> Option<&'a str> {
        self.renderer.search_core.as_deref()
    }

    /// `template` rendered with `ctx`; a template error is a configuration error (it is
    /// in the theme, not in the chapters).
    pub fn render<T: Serialize>(&self, template: &str, ctx: &T) -> Result<String, Error> {
        self.renderer
            .theme
            .render(template, ctx)
            .map_err(|d| Error::Config(vec![d]))
    }

    pub fn page<T: Serialize>(
        &self,
        out: &dyn Sink,
        template: &str,
        path: &str,
        frame: Frame<'_, T>,
    ) -> Result<(), Error> {
        let html = self.render(template, &frame)?;
        out.write(path, html.as_bytes()).map_err(Error::Output)
    }

    /// `page`, with `bodies` put where the frame holds `splice::marker(n)`.
    pub fn page_spliced<T: Serialize, B: AsRef<str>>(
        &self,
        out: &dyn Sink,
        template: &str,
        path: &str,
        frame: Frame<'_, T>,
        bodies: &[B],
    ) -> Result<(), Error> {
        let html = self.render(template, &frame)?;
        out.write_parts(path, &splice::splice(&html, bodies))
            .map_err(Error::Output)
    }

    /// The frame of a page of the site (the header, sidebar and footer around `body`).
    pub fn frame<T: Serialize>(&self, info: PageInfo<'a>, body: T) -> Frame<'a, T> {
        Frame {
            site: &self.renderer.site,
            root: crate::markdown::root_prefix(info.path),
            kind: info.kind,
            page_title: info.title,
            description: info.description,
            nav: nav(self.book, info.part, info.chapter, info.path),
            links: self.renderer.links.clone(),
            search: self.search_core().map(|_| crate::search::POINTER),
            languages: self.language_links(info.path),
            body,
        }
    }

    /// The page at `path` in each of the book's languages: the same path in each
    /// site, or that site's home page where it leaves the page out.
    pub fn language_links(&self, path: &str) -> Vec<LanguageLink<'a>> {
        let langs = &self.book.languages;
        if langs.len() < 2 {
            return Vec::new();
        }
        let here = &langs[self.book.language];
        let up = "../".repeat(here.prefix.matches('/').count());
        // The book's own site's address: this site's, less its folder.
        let base = self.book.config.build.base_url.as_deref().map(|b| {
            let b = if b.ends_with('/') {
                b.to_owned()
            } else {
                format!("{b}/")
            };
            b.strip_suffix(here.prefix.as_str())
                .map_or(b.clone(), str::to_owned)
        });
        langs
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let target = if l.has(path) {
                    path
                } else {
                    crate::paths::HOME
                };
                let rel = format!("{}{}", l.prefix, crate::url::encode_path(target));
                LanguageLink {
                    code: &l.code,
                    label: &l.label,
                    href: format!("{up}{rel}"),
                    url: base.as_ref().map(|b| format!("{b}{rel}")),
                    current: i == self.book.language,
                }
            })
            .collect()
    }
}

/// Books with more sections than this, or more chapters than `NAV_INLINE_CHAPTERS`,
/// load the sidebar's tree from a shared script: each page then holds only the path to
/// itself, so output stays linear in chapter count. Smaller books have the whole tree
/// on every page, collapsible without any data script.
pub const NAV_INLINE_PARTS: usize = 40;
pub const NAV_INLINE_CHAPTERS: usize = 200;

/// Whether the book's sidebar tree comes from `assets/nav-data.js`.
pub fn nav_from_script(book: &Book) -> bool {
    book.parts.len() > NAV_INLINE_PARTS || book.chapters.len() > NAV_INLINE_CHAPTERS
}

#[derive(Serialize)]
pub struct SiteCtx {
    pub title: String,
    pub description: String,
    pub language: String,
    /// `rtl` for a right-to-left language, else nothing: `<html dir>` is written only when
    /// it changes something, so left-to-right pages are as they were.
    pub dir: Option<&'static str>,
    /// The search tokenizer's language when it is not English ("es", "ja"): search.js
    /// reads it from the search box.
    pub search_language: Option<&'static str>,
    /// The script with that language's stemmer, under `assets/`, when it has one.
    pub search_script: Option<String>,
    pub authors: String,
    pub version: &'static str,
    /// `@page` size for print pages: `A4` or `letter`.
    pub paper: &'static str,
    /// The edition line on printed pages: the book's `version`, else the build date as
    /// the language writes it.
    pub edition: String,
    /// Whether the book has facts, so the footer links to facts.html.
    pub facts_page: bool,
    /// `[redirects]` folder moves as a JSON object, for 404.html; empty without any.
    pub folder_redirects: String,
}

impl SiteCtx {
    pub fn new(book: &Book, words: &crate::strings::Strings) -> Self {
        let c = &book.config;
        SiteCtx {
            title: c.title.clone(),
            description: c.description.clone(),
            language: c.language.clone(),
            dir: crate::language::direction(&c.language).html_attr(),
            search_language: crate::language::tokenize::Tokenizer::for_language(&c.language)
                .rules()
                .map(|r| r.code),
            search_script: crate::search::language_script(&c.language).map(|(name, _)| name),
            authors: c.authors.join(", "),
            version: env!("CARGO_PKG_VERSION"),
            paper: match c.build.paper {
                crate::config::Paper::A4 => "A4",
                crate::config::Paper::Letter => "letter",
            },
            edition: c.version.clone().unwrap_or_else(|| {
                let today = crate::clock::build_date();
                words.date(&today).unwrap_or(today)
            }),
            facts_page: !c.facts.is_empty(),
            folder_redirects: crate::redirects::folders_json(c),
        }
    }
}

/// How a check is drawn by `partials/quiz.html`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuizMode {
    /// On the chapter page: answer, check, see why.
    Form,
    /// In print: questions with empty boxes, no answers.
    Worksheet,
    /// The trainer's answer key, with explanations.
    Key,
}

#[derive(Serialize)]
struct QuizCtx<'a> {
    quiz: &'a crate::markdown::quiz::Quiz,
    quiz_mode: QuizMode,
    /// Put before ids, so they stay unique on a page of many chapters.
    quiz_prefix: &'a str,
}

impl Site<'_> {
    /// A knowledge check as HTML, from the theme's `partials/quiz.html`: the chapter
    /// page, print and packs all draw checks through here.
    pub fn quiz_html(
        &self,
        quiz: &crate::markdown::quiz::Quiz,
        mode: QuizMode,
        prefix: &str,
    ) -> Result<String, Error> {
        let ctx = QuizCtx {
            quiz,
            quiz_mode: mode,
            quiz_prefix: prefix,
        };
        self.render("partials/quiz.html", &ctx)
    }
}

/// What every page template receives; `body` adds the page kind's own data.
#[derive(Serialize)]
pub struct Frame<'a, T: Serialize> {
    pub site: &'a SiteCtx,
    /// The way back to the site root (`../` per folder), prefixed to every link.
    pub root: String,
    pub kind: FrameKind,
    pub page_title: &'a str,
    pub description: &'a str,
    pub nav: Nav<'a>,
    pub links: Links,
    /// The search index's core file from the site root, when search is on.
    pub search: Option<&'a str>,
    /// The same page in each of the book's languages, for the switcher and the
    /// `hreflang` alternates; empty in a book of one language.
    pub languages: Vec<LanguageLink<'a>>,
    #[serde(flatten)]
    pub body: T,
}

/// The page in one of the book's languages.
#[derive(Serialize)]
pub struct LanguageLink<'a> {
    pub code: &'a str,
    pub label: &'a str,
    /// Root-relative, like every href in templates.
    pub href: String,
    /// The absolute address, with `base-url`.
    pub url: Option<String>,
    /// This page's own language.
    pub current: bool,
}

/// The header and footer links of a page; root-relative like every href in templates.
#[derive(Clone, Serialize)]
pub struct Links {
    /// Name in the header: the handbook's title, or a pack's.
    pub brand: String,
    pub home: &'static str,
    pub cards: &'static str,
    pub print: &'static str,
    pub print_label: String,
    pub topics: Option<&'static str>,
    pub audiences: Option<&'static str>,
    /// For pages in a pack: the full handbook's home, when it is there to link to.
    pub handbook: Option<&'static str>,
    /// A pack page's role for the SCORM launcher: "home", "chapter", "last" or "extra".
    pub pack_role: &'static str,
    /// The footer's "What's new" and "Review status" pages, when the book has them.
    pub whats_new: Option<&'static str>,
    pub review: Option<&'static str>,
}

impl Links {
    /// The full site's links, with the footer's "What's new" and "Review status" when
    /// the book has those pages.
    pub fn site(book: &Book, strings: &crate::strings::Strings) -> Self {
        Links {
            brand: book.config.title.clone(),
            home: "index.html",
            cards: "checklists/index.html",
            print: "print.html",
            print_label: strings.get("printable_handbook").to_owned(),
            topics: Some("tags/index.html"),
            audiences: Some("audiences/index.html"),
            handbook: None,
            pack_role: "",
            whats_new: book.has_changes().then_some(crate::paths::WHATS_NEW),
            review: book.has_review_page().then_some(crate::paths::REVIEW),
        }
    }
}

#[derive(Serialize)]
pub struct Nav<'a> {
    /// The top of the tree: the book's own chapters (a part with `root`) and its
    /// top-level sections.
    pub parts: Vec<NavPart<'a>>,
    /// True when the tree comes from `assets/nav-data.js` (`nav.js` adds the sections
    /// off the current path).
    pub script: bool,
    /// The current top-level section's href, as `assets/nav-data.js` lists it.
    pub current_part: Cow<'a, str>,
}

/// A section in the sidebar's tree.
#[derive(Serialize)]
pub struct NavPart<'a> {
    /// The book's top level: its chapters are shown without a part link.
    pub root: bool,
    /// The section's index in `Book::parts`, which names its list (`nav-s<id>`).
    pub id: usize,
    pub title: &'a str,
    pub href: Cow<'a, str>,
    /// The current page is in this section or under it: it is open.
    pub current: bool,
    /// This is the section's own page.
    pub page_current: bool,
    /// The section has chapters or sub-sections, so it gets a button to open it.
    pub has_children: bool,
    /// Its chapters, then its sub-sections: filled when it is open, or in a book small
    /// enough to hold the whole tree on every page.
    pub chapters: Vec<NavChapter<'a>>,
    pub sections: Vec<NavPart<'a>>,
}

/// A chapter in the sidebar, with the chapters SUMMARY.md nests under it.
#[derive(Serialize)]
pub struct NavChapter<'a> {
    #[serde(flatten)]
    pub link: LinkCtx<'a>,
    pub children: Vec<NavChapter<'a>>,
}

/// Section chapters as a tree by their `nest` depth (flat in a book ordered by folders).
fn nest_chapters<'a>(
    book: &'a Book,
    ids: impl Iterator<Item = ChapterId>,
    current: Option<ChapterId>,
) -> Vec<NavChapter<'a>> {
    // The open path: one list per depth, each child list joined to its parent when a
    // shallower chapter (or the end) closes it.
    let mut stack: Vec<Vec<NavChapter<'a>>> = vec![Vec::new()];
    for id in ids {
        // At most one deeper than the last chapter: a chapter needs one to hang under.
        let open = stack.len() - 1 + usize::from(stack.last().is_some_and(|l| !l.is_empty()));
        let depth = book.chapters[id].nest.min(open);
        while stack.len() > depth + 1 {
            close(&mut stack);
        }
        if stack.len() < depth + 1 {
            stack.push(Vec::new());
        }
        stack[depth].push(NavChapter {
            link: link(book, id, Some(id) == current),
            children: Vec::new(),
        });
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().unwrap_or_default()
}

/// Ends the deepest open list: its chapters go under the last chapter above them.
fn close(stack: &mut Vec<Vec<NavChapter<'_>>>) {
    let done = stack.pop().unwrap_or_default();
    match stack.last_mut() {
        Some(list) => match list.last_mut() {
            Some(parent) => parent.children = done,
            None => list.extend(done),
        },
        None => stack.push(done),
    }
}

#[derive(Serialize, Clone)]
pub struct LinkCtx<'a> {
    pub title: &'a str,
    pub href: Cow<'a, str>,
    pub current: bool,
}

#[derive(Serialize)]
pub struct Chip<'a> {
    pub label: &'a str,
    pub href: String,
}

#[derive(Serialize)]
pub struct ChapterSummary<'a> {
    pub title: &'a str,
    pub href: Cow<'a, str>,
    pub summary: &'a str,
    pub minutes: u32,
    pub part: &'a str,
}

#[derive(Serialize)]
pub struct ChapterBody<'a> {
    pub chapter: ChapterCtx<'a>,
}

#[derive(Serialize)]
pub struct ChapterCtx<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub html: &'a str,
    /// "On this page": level-2 headings, each with its level-3 headings as children.
    pub toc: Vec<TocItem<'a>>,
    /// How many headings the contents list has in all (it is shown from two up).
    pub toc_entries: usize,
    pub tags: Vec<Chip<'a>>,
    pub audiences: Vec<Chip<'a>>,
    pub minutes: u32,
    pub part: Option<LinkCtx<'a>>,
    /// The sections above `part`, from the top: the breadcrumbs between "Contents" and
    /// the part.
    pub trail: Vec<LinkCtx<'a>>,
    pub prev: Option<LinkCtx<'a>>,
    pub next: Option<LinkCtx<'a>>,
    /// Where the chapter's desk card is, when it has one.
    pub card_href: Option<String>,
    /// Owner, review dates, edit and feedback links.
    pub upkeep: crate::review::PageUpkeep,
    /// The knowledge check, drawn after the chapter's text.
    pub quiz: Option<&'a crate::markdown::quiz::Quiz>,
    /// Front-matter keys carebook does not read itself (another tool's, like `author`
    /// or `date`), for a theme to show: `chapter.extra.author`.
    pub extra: &'a crate::source::Extra,
    /// In another language's site, a chapter with no translation yet: the original's
    /// language, whose text the page shows with a notice.
    pub untranslated: Option<Untranslated<'a>>,
}

/// The language an untranslated chapter is shown in.
#[derive(Serialize)]
pub struct Untranslated<'a> {
    pub code: &'a str,
    pub label: &'a str,
    /// `ltr` or `rtl` when its text runs the other way from the page's (English shown
    /// on an Arabic site), for the article's `dir`.
    pub dir: Option<crate::language::Direction>,
}

/// One entry of a chapter's "On this page" list.
#[derive(Serialize, Debug, PartialEq)]
pub struct TocItem<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub children: Vec<TocItem<'a>>,
}

/// Nests the flat heading list: each level-3 heading under the level-2 heading before
/// it (one that comes before any level-2 heading stays at the top), so the list's
/// numbering and its structure for screen readers follow the chapter's outline.
pub fn toc_tree(entries: &[TocEntry]) -> Vec<TocItem<'_>> {
    let mut tree: Vec<TocItem<'_>> = Vec::new();
    // The level of the last top-level entry: only a level-2 heading takes children.
    let mut last_top = 0;
    for e in entries {
        let item = TocItem {
            id: &e.id,
            title: &e.title,
            children: Vec::new(),
        };
        match tree.last_mut() {
            Some(parent) if e.level > 2 && last_top == 2 => parent.children.push(item),
            _ => {
                last_top = e.level;
                tree.push(item);
            }
        }
    }
    tree
}

#[cfg(test)]
mod toc_tests {
    use super::*;

    fn entry(level: u8, id: &str) -> TocEntry {
        TocEntry {
            level,
            id: id.into(),
            title: id.to_uppercase(),
        }
    }

    #[test]
    fn level_three_headings_nest_under_the_level_two_before_them() {
        let flat = [
            entry(3, "intro"),
            entry(2, "a"),
            entry(3, "a1"),
            entry(3, "a2"),
            entry(2, "b"),
        ];
        let tree = toc_tree(&flat);
        let shape: Vec<(&str, Vec<&str>)> = tree
            .iter()
            .map(|t| (t.id, t.children.iter().map(|c| c.id).collect()))
            .collect();
        assert_eq!(
            shape,
            [("intro", vec![]), ("a", vec!["a1", "a2"]), ("b", vec![])]
        );
        assert_eq!(tree[1].title, "A");
    }
}

/// The sidebar for a page in section `current` (and on chapter `chapter`, if any): the
/// tree with the path to the page open.
pub fn nav<'a>(
    book: &'a Book,
    current: Option<usize>,
    chapter: Option<ChapterId>,
    page: &str,
) -> Nav<'a> {
    let script = nav_from_script(book);
    let on_path: Vec<usize> =
        std::iter::successors(current, |&p| book.parts.get(p).and_then(|p| p.parent)).collect();
    let tree = NavTree {
        book,
        on_path: &on_path,
        whole: !script,
        chapter,
        page,
    };
    let parts = book
        .parts
        .iter()
        .enumerate()
        .filter(|(i, p)| p.parent.is_none() && (!script || on_path.contains(i)))
        .map(|(i, _)| tree.node(i))
        .collect();
    let current_part = on_path.last().map_or(Cow::Borrowed(""), |&i| {
        crate::url::encode_path(&book.parts[i].out_path)
    });
    Nav {
        parts,
        script,
        current_part,
    }
}

struct NavTree<'a, 'p> {
    book: &'a Book,
    /// The current page's section and the sections above it.
    on_path: &'p [usize],
    /// Every section's children are drawn, not only the open ones'.
    whole: bool,
    chapter: Option<ChapterId>,
    page: &'p str,
}

impl<'a> NavTree<'a, '_> {
    fn node(&self, i: usize) -> NavPart<'a> {
        let book = self.book;
        let part = &book.parts[i];
        let open = self.on_path.contains(&i);
        // Chapters at the top of the book have no part page: they are listed always, as
        // links of their own, rather than under a part link with no name.
        let root = part.is_root();
        let drawn = self.whole || open || root;
        let (chapters, sections) = if drawn {
            (
                nest_chapters(book, part.chapter_ids(), self.chapter),
                part.children.iter().map(|&c| self.node(c)).collect(),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        NavPart {
            root,
            id: i,
            title: &part.title,
            href: crate::url::encode_path(&part.out_path),
            current: open,
            page_current: part.out_path == self.page,
            has_children: !part.chapters.is_empty() || !part.children.is_empty(),
            chapters,
            sections,
        }
    }
}

/// The sections above section `part` and the section itself, from the top of the book,
/// as breadcrumb links (the top of the book itself is not one: it is "Contents").
pub fn trail(book: &Book, part: usize) -> Vec<LinkCtx<'_>> {
    let mut up: Vec<LinkCtx<'_>> = std::iter::successors(Some(part), |&p| book.parts[p].parent)
        .filter(|&p| !book.parts[p].is_root())
        .map(|p| LinkCtx {
            title: &book.parts[p].title,
            href: crate::url::encode_path(&book.parts[p].out_path),
            current: false,
        })
        .collect();
    up.reverse();
    up
}

pub fn link(book: &Book, id: ChapterId, current: bool) -> LinkCtx<'_> {
    let ch = &book.chapters[id];
    LinkCtx {
        title: &ch.title,
        href: crate::url::encode_path(&ch.out_path),
        current,
    }
}

pub fn summary(model: &Analysis, id: ChapterId) -> ChapterSummary<'_> {
    let book = &model.book;
    let ch = &book.chapters[id];
    ChapterSummary {
        title: &ch.title,
        href: crate::url::encode_path(&ch.out_path),
        summary: &ch.summary,
        minutes: model.minutes(id),
        part: &book.parts[ch.part].title,
    }
}

pub fn chapter_ctx<'a>(model: &'a Analysis, id: ChapterId) -> ChapterCtx<'a> {
    let book = &model.book;
    let ch = &book.chapters[id];
    let rendered = model.rendered(id);
    let i = id.index();
    let part = &book.parts[ch.part];
    let chips = |ids: &'a [String],
                 terms: &'a indexmap::IndexMap<String, crate::config::Term>,
                 href: fn(&str) -> String|
     -> Vec<Chip<'a>> {
        ids.iter()
            .map(|id| Chip {
                label: terms.get(id).map_or(id.as_str(), |t| t.label.as_str()),
                href: href(id),
            })
            .collect()
    };
    ChapterCtx {
        title: &ch.title,
        summary: &ch.summary,
        html: &rendered.html,
        toc: toc_tree(&rendered.toc),
        toc_entries: rendered.toc.len(),
        tags: chips(&ch.tags, &book.config.tags, tag_href),
        audiences: chips(&ch.audience, &book.config.audiences, audience_href),
        minutes: model.minutes(id),
        part: (!part.is_root()).then(|| LinkCtx {
            title: &part.title,
            href: crate::url::encode_path(&part.out_path),
            current: false,
        }),
        trail: part.parent.map(|p| trail(book, p)).unwrap_or_default(),
        prev: i
            .checked_sub(1)
            .map(|p| link(book, ChapterId::new(p), false)),
        next: (i + 1 < book.chapters.len()).then(|| link(book, ChapterId::new(i + 1), false)),
        card_href: model.fit(id).is_some().then(|| book.card_href(id)),
        upkeep: crate::review::page_upkeep(book, i),
        quiz: rendered.quiz.as_ref(),
        extra: &ch.extra,
        untranslated: ch.untranslated.as_ref().map(|code| {
            let dir = crate::language::direction(code);
            Untranslated {
                code,
                label: &book.languages[0].label,
                dir: (dir != crate::language::direction(&book.config.language)).then_some(dir),
            }
        }),
    }
}

/// Large HTML (chapter bodies, desk cards) goes into a page after its template has run:
/// the template sees a short marker in its place, and the page is written as slices cut
/// at the markers. Tens of megabytes are then not copied through the template engine.
pub mod splice {
    /// Stands for body `n` in a template's output.
    pub fn marker(n: usize) -> String {
        format!("<!--carebook-body-{n}-->")
    }

    /// `page` cut at each marker, in order, with its body in between.
    pub fn splice<'p, B: AsRef<str>>(page: &'p str, bodies: &'p [B]) -> Vec<&'p [u8]> {
        let mut parts = Vec::with_capacity(bodies.len() * 2 + 1);
        let mut rest = page;
        for (n, body) in bodies.iter().enumerate() {
            let marker = marker(n);
            let Some(i) = rest.find(&marker) else { break };
            parts.push(&rest.as_bytes()[..i]);
            parts.push(body.as_ref().as_bytes());
            rest = &rest[i + marker.len()..];
        }
        parts.push(rest.as_bytes());
        parts
    }

    /// A page rendered once around slot markers, then filled in for many pages that
    /// differ only there (desk card pages differ only in their title and card).
    pub struct Shell {
        html: String,
        pieces: Vec<Piece>,
    }

    enum Piece {
        Text(std::ops::Range<usize>),
        Slot(usize),
    }

    impl Shell {
        /// Cuts `html` at every occurrence of `markers`; slot k is where `markers[k]` was.
        pub fn new(html: String, markers: &[&str]) -> Shell {
            let mut pieces = Vec::new();
            let mut start = 0;
            let mut at = 0;
            while at < html.len() {
                let found = markers
                    .iter()
                    .enumerate()
                    .find(|(_, m)| html[at..].starts_with(*m));
                match found {
                    Some((k, m)) => {
                        pieces.push(Piece::Text(start..at));
                        pieces.push(Piece::Slot(k));
                        at += m.len();
                        start = at;
                    }
                    None => at += html[at..].chars().next().map_or(1, char::len_utf8),
                }
            }
            pieces.push(Piece::Text(start..html.len()));
            Shell { html, pieces }
        }

        /// The page with each slot k replaced by `values[k]`.
        pub fn fill<'s>(&'s self, values: &[&'s [u8]]) -> Vec<&'s [u8]> {
            self.pieces
                .iter()
                .map(|p| match p {
                    Piece::Text(r) => &self.html.as_bytes()[r.clone()],
                    Piece::Slot(k) => values.get(*k).copied().unwrap_or_default(),
                })
                .collect()
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn a_shell_fills_every_slot() {
            let shell = super::Shell::new(
                "<t>\u{1}T\u{1}</t>é\u{1}C\u{1}\u{1}T\u{1}".into(),
                &["\u{1}T\u{1}", "\u{1}C\u{1}"],
            );
            assert_eq!(shell.fill(&[b"a", b"b"]).concat(), "<t>a</t>éba".as_bytes());
        }

        #[test]
        fn bodies_are_spliced_in_order() {
            let page = format!("a{}b{}c", super::marker(0), super::marker(1));
            assert_eq!(super::splice(&page, &["X", "Y"]).concat(), b"aXbYc");
        }
    }
}
