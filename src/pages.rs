//! The page list: every page of the site, what kind it is, what it is made from, and
//! how it renders. `build` renders the whole list; `serve` renders the pages whose
//! inputs an edit changed; a new kind of page is one variant here and one arm in
//! [`Page::render`], and both commands follow.

use crate::analysis::Analysis;
use crate::book::ChapterId;
use crate::output::Sink;
use crate::render::Site;
use crate::terms::TermKind;
use crate::Error;

/// One page of the site, or one group of files made together (the search index, the
/// desk card pages, a pack).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// The search index: its core, shards and records, under `search/`.
    Search,
    Chapter(ChapterId),
    Home,
    /// A part's page, by part index.
    Part(usize),
    /// One tag's or audience's page, by its id.
    Term(TermKind, String),
    /// The list of all tags or all audiences.
    TermIndex(TermKind),
    NotFound,
    Sitemap,
    /// The theme's files, the sidebar data of a big book, the book's own files.
    Assets,
    /// Every desk card page: per part, tag and audience, and their index. Made
    /// together so each card is rendered once.
    DeskCards,
    Print,
    /// A course pack's mini-site and SCORM package, by index in `Analysis::packs`.
    Pack(usize),
    WhatsNew,
    Review,
    Facts,
    Redirects,
    /// The pack builder: its page, its print page and its chapter index.
    Builder,
    /// A chapter's content for the pack builder's print page.
    BuilderChapter(ChapterId),
}

/// Which of a chapter's results a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aspects(u8);

impl Aspects {
    /// Its rendered text (HTML, contents, search text).
    pub const TEXT: Aspects = Aspects(1);
    /// What lists of chapters show: summary, tags, audiences, minutes.
    pub const LISTING: Aspects = Aspects(2);
    /// Its desk card.
    pub const CARD: Aspects = Aspects(4);
    /// Owner, review dates, change notes, aliases and the facts it uses.
    pub const UPKEEP: Aspects = Aspects(8);
    pub const ALL: Aspects = Aspects(15);
    pub const NONE: Aspects = Aspects(0);

    pub const fn and(self, other: Aspects) -> Aspects {
        Aspects(self.0 | other.0)
    }
    pub const fn meets(self, other: Aspects) -> bool {
        self.0 & other.0 != 0
    }
}

/// What a page is made from, besides the book's structure and settings (chapter
/// titles, order and paths, book.toml, the theme), which every page may show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inputs {
    /// Nothing but the structure and settings.
    Structure,
    /// These aspects of these chapters.
    Chapters(Vec<ChapterId>, Aspects),
    /// These aspects of every chapter.
    Every(Aspects),
}

impl Inputs {
    /// Whether a change to `aspects` of chapter `id` changes the page.
    pub fn uses(&self, id: ChapterId, aspects: Aspects) -> bool {
        match self {
            Inputs::Structure => false,
            Inputs::Chapters(ids, a) => a.meets(aspects) && ids.contains(&id),
            Inputs::Every(a) => a.meets(aspects),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub kind: PageKind,
    pub inputs: Inputs,
}

impl Page {
    fn new(kind: PageKind, inputs: Inputs) -> Page {
        Page { kind, inputs }
    }

    /// Whether `serve` renders it after the other pages of an edit, in the background:
    /// the pages made from every chapter's text, which a big book's edit should not wait for.
    pub fn deferred(&self) -> bool {
        matches!(self.kind, PageKind::Search | PageKind::Print)
    }

    /// Renders the page into `out`.
    pub fn render(&self, site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
        use crate::{cards, facts, feed, packs, print, redirects, site as pages};
        match &self.kind {
            PageKind::Search => match site.search_core() {
                Some(core) => crate::search::build(site.model, core)
                    .write(out)
                    .map_err(Error::Output),
                None => Ok(()),
            },
            PageKind::Chapter(id) => pages::chapter(site, *id, out),
            PageKind::Home => pages::home(site, out),
            PageKind::Part(i) => pages::part(site, *i, out),
            PageKind::Term(kind, id) => pages::term(site, *kind, id, out),
            PageKind::TermIndex(kind) => pages::term_index(site, *kind, out),
            PageKind::NotFound => pages::not_found(site, out),
            PageKind::Sitemap => pages::sitemap(site, out),
            PageKind::Assets => pages::assets(site, out),
            PageKind::DeskCards => cards::write_all(site, out),
            PageKind::Print => print::write(site, out),
            PageKind::Pack(i) => packs::write_in_site(site, &site.model.packs[*i], out),
            PageKind::WhatsNew => feed::whats_new(site, out),
            PageKind::Review => feed::review_page(site, out),
            PageKind::Facts => facts::write_page(site, out),
            PageKind::Redirects => redirects::write(site, out),
            PageKind::Builder => packs::builder::write(site, out),
            PageKind::BuilderChapter(id) => packs::builder::write_chapter(site, *id, out),
        }
    }
}

/// Every page of the site, the longest to make first (the search index), so that
/// pages rendered side by side finish together.
pub fn site_pages(model: &Analysis) -> Vec<Page> {
    use Aspects as A;
    let book = &model.book;
    let mut pages = vec![
        Page::new(PageKind::Search, Inputs::Every(A::TEXT.and(A::LISTING))),
        Page::new(PageKind::Print, Inputs::Every(A::TEXT.and(A::LISTING))),
        Page::new(PageKind::DeskCards, Inputs::Every(A::CARD.and(A::LISTING))),
        Page::new(PageKind::Home, Inputs::Every(A::LISTING)),
    ];
    pages.extend(
        book.chapter_ids()
            .map(|id| Page::new(PageKind::Chapter(id), Inputs::Chapters(vec![id], A::ALL))),
    );
    pages.extend(book.parts.iter().enumerate().map(|(i, p)| {
        Page::new(
            PageKind::Part(i),
            Inputs::Chapters(p.chapter_ids().collect(), A::LISTING),
        )
    }));
    for kind in TermKind::ALL {
        for id in kind.terms(book).keys() {
            let chapters = kind.chapters(book, id).collect();
            pages.push(Page::new(
                PageKind::Term(kind, id.clone()),
                Inputs::Chapters(chapters, A::LISTING),
            ));
        }
        pages.push(Page::new(
            PageKind::TermIndex(kind),
            Inputs::Every(A::LISTING),
        ));
    }
    pages.extend(model.packs.iter().enumerate().map(|(i, p)| {
        Page::new(
            PageKind::Pack(i),
            Inputs::Chapters(p.chapters.iter().map(|c| c.id).collect(), A::ALL),
        )
    }));
    pages.extend([
        Page::new(PageKind::NotFound, Inputs::Structure),
        Page::new(PageKind::Sitemap, Inputs::Structure),
        Page::new(PageKind::Assets, Inputs::Structure),
        Page::new(PageKind::WhatsNew, Inputs::Every(A::UPKEEP)),
        Page::new(PageKind::Review, Inputs::Every(A::UPKEEP)),
        Page::new(PageKind::Facts, Inputs::Every(A::UPKEEP)),
        Page::new(PageKind::Redirects, Inputs::Every(A::UPKEEP)),
        Page::new(PageKind::Builder, Inputs::Every(A::LISTING)),
    ]);
    pages.extend(book.chapter_ids().map(|id| {
        Page::new(
            PageKind::BuilderChapter(id),
            Inputs::Chapters(vec![id], A::TEXT.and(A::CARD).and(A::LISTING)),
        )
    }));
    pages
}
