//! The page list: every page of the site, what kind it is, what it is made from, and
//! how it renders. `build` renders the whole list; `serve` renders the pages whose
//! inputs an edit changed; a new kind of page is one variant here and one arm in
//! [`Page::render`], and both commands follow.

use xxhash_rust::xxh3::Xxh3;

use crate::analysis::{Analysis, ChapterOutput};
use crate::book::{Chapter, ChapterId};
use crate::markdown::Rendered;
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
    /// print.html: the whole book, or the list of sections of a book printed by section.
    Print,
    /// A section's printed document, by index, for a book printed by section.
    PrintSection(usize),
    /// A course pack's mini-site and SCORM package, by index in `Analysis::packs`.
    Pack(usize),
    WhatsNew,
    Review,
    Facts,
    Redirects,
    /// The pack builder: its page, its print page and its chapter index.
    Builder,
    /// A block of chapters' content for the pack builder's print page (see
    /// `packs::builder::CHAPTERS_PER_FILE`).
    BuilderChapters(usize),
}

impl PageKind {
    /// The kind's name in `--timings` (indented under the write stage).
    pub fn name(&self) -> &'static str {
        match self {
            PageKind::Search => "  search",
            PageKind::Chapter(_) => "  chapters",
            PageKind::Home => "  home",
            PageKind::Part(_) => "  parts",
            PageKind::Term(..) => "  tags, audiences",
            PageKind::TermIndex(_) => "  term indexes",
            PageKind::NotFound => "  404",
            PageKind::Sitemap => "  sitemap",
            PageKind::Assets => "  assets",
            PageKind::DeskCards => "  desk cards",
            PageKind::Print | PageKind::PrintSection(_) => "  print",
            PageKind::Pack(_) => "  packs",
            PageKind::WhatsNew => "  what's new",
            PageKind::Review => "  review",
            PageKind::Facts => "  facts",
            PageKind::Redirects => "  redirects",
            PageKind::Builder => "  builder",
            PageKind::BuilderChapters(_) => "  builder chapters",
        }
    }
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
        matches!(
            self.kind,
            PageKind::Search | PageKind::Print | PageKind::PrintSection(_)
        )
    }

    /// Renders the page into `out`, giving up (`Ok(false)`, with some of its files
    /// perhaps written) as soon as `stop` says so: the long pages (print, search) check
    /// it as they go, so `serve` can drop a background rendering the next edit makes
    /// stale without waiting for it.
    pub fn render_unless(
        &self,
        site: &Site<'_>,
        out: &dyn Sink,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<bool, Error> {
        match &self.kind {
            PageKind::Print => crate::print::write(site, out).map(|()| !stop()),
            PageKind::PrintSection(d) => {
                crate::print::write_section(site, out, *d).map(|()| !stop())
            }
            PageKind::Search => match site.search_core() {
                Some(core) => crate::search::write_kept(site.model, core, stop, site.terms, out)
                    .map_err(Error::Output),
                None => Ok(true),
            },
            _ => self.render(site, out).map(|()| !stop()),
        }
    }

    /// Renders the page into `out`.
    pub fn render(&self, site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
        use crate::{cards, feed, packs, print, site as pages};
        match &self.kind {
            PageKind::Search => match site.search_core() {
                Some(core) => {
                    crate::search::write_kept(site.model, core, &|| false, site.terms, out)
                        .map(|_| ())
                        .map_err(Error::Output)
                }
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
            PageKind::PrintSection(d) => print::write_section(site, out, *d),
            PageKind::Pack(i) => packs::write_in_site(site, &site.model.packs[*i], out),
            PageKind::WhatsNew => feed::whats_new(site, out),
            PageKind::Review => feed::review_page(site, out),
            PageKind::Facts => feed::write_facts(site, out),
            PageKind::Redirects => pages::write_redirects(site, out),
            PageKind::Builder => packs::builder::write(site, out),
            PageKind::BuilderChapters(b) => packs::builder::write_chapters(site, *b, out),
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
        // Cards show no summary or reading time: their titles, tags and audiences are
        // the book's structure.
        Page::new(PageKind::DeskCards, Inputs::Every(A::CARD)),
        Page::new(PageKind::Home, Inputs::Every(A::LISTING)),
    ];
    // A big book prints by section: each section's document is a page made from its
    // own chapters, and print.html lists them.
    let sections = crate::print::sections(book);
    let whole = if sections.is_empty() {
        A::TEXT.and(A::LISTING)
    } else {
        A::LISTING
    };
    pages.insert(1, Page::new(PageKind::Print, Inputs::Every(whole)));
    pages.extend(sections.into_iter().enumerate().map(|(d, chapters)| {
        Page::new(
            PageKind::PrintSection(d),
            Inputs::Chapters(chapters, A::TEXT.and(A::LISTING)),
        )
    }));
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
    pages.extend((0..crate::packs::builder::blocks(book)).map(|b| {
        Page::new(
            PageKind::BuilderChapters(b),
            Inputs::Chapters(
                crate::packs::builder::block_chapters(book, b),
                A::TEXT.and(A::CARD).and(A::LISTING),
            ),
        )
    }));
    pages
}

/// What a chapter shows on pages other than its own (summary, reading and class
/// time): when it changes, the pages that use its [`Aspects::LISTING`] change.
pub fn listing(ch: &Chapter, r: &Rendered) -> (String, u32, Option<u32>) {
    (
        ch.summary.clone(),
        crate::analysis::minutes(ch, r),
        ch.class_minutes,
    )
}

/// What a chapter's desk card shows: when it changes, the pages that use its
/// [`Aspects::CARD`] change.
pub fn card(ch: &Chapter, out: &ChapterOutput) -> Vec<String> {
    let r = &out.rendered;
    r.checklist
        .items()
        .map(|c| {
            if c.critical {
                format!("!{}", c.html)
            } else {
                c.html.clone()
            }
        })
        .chain(r.checklist.callouts.iter().map(|c| c.html.clone()))
        .chain([format!("{:?} {:?}", ch.card, out.fit)])
        .collect()
}

/// What a chapter contributes to the book's structure, which every page may show: a
/// change here (a new title, order, address, tags, audiences, upkeep, aliases or facts)
/// renders every page again. `serve` rebuilds everything on the same changes.
#[allow(clippy::type_complexity)]
pub fn structure<'a>(
    ch: &'a Chapter,
    r: &'a Rendered,
) -> (
    &'a String,
    &'a String,
    Option<i64>,
    &'a String,
    &'a Vec<String>,
    &'a Vec<String>,
    &'a crate::source::Upkeep,
    &'a Vec<String>,
    &'a Vec<String>,
    &'a Vec<String>,
) {
    (
        &ch.slug,
        &ch.title,
        ch.order,
        &ch.out_path,
        &ch.tags,
        &ch.audience,
        &ch.upkeep,
        &ch.aliases,
        &ch.facts_used,
        &r.facts_used,
    )
}

/// The fingerprint of what each page is made from, for rebuilds: a page whose
/// fingerprint is the last build's has the same files, so they are kept without
/// rendering it. One hash for what every page may show (carebook's settings, the
/// theme, the date, the book's structure), and one per chapter and [`Aspects`] bit,
/// combined along each page's [`Inputs`].
pub struct Fingerprints {
    global: u128,
    /// Per chapter: TEXT, LISTING, CARD, UPKEEP.
    chapters: Vec<[u128; 4]>,
}

/// A hash of anything with a `Debug` form, fed with its length so parts never run
/// together.
fn feed(h: &mut Xxh3, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

fn feed_debug(h: &mut Xxh3, value: &impl std::fmt::Debug) {
    feed(h, format!("{value:?}").as_bytes());
}

impl Fingerprints {
    /// Fingerprints of the site's pages. Needs the chapters' text, so it is taken
    /// before a build drops it.
    pub fn of(site: &Site<'_>) -> Fingerprints {
        use rayon::prelude::*;
        let model = site.model;
        let book = &model.book;
        let mut g = Xxh3::new();
        feed_debug(&mut g, &book.config);
        feed(&mut g, &site.renderer.theme.fingerprint.to_le_bytes());
        // Printed pages carry the date, and review pages count days to it.
        feed(&mut g, crate::clock::build_date().as_bytes());
        feed_debug(&mut g, &crate::review::today());
        feed_debug(&mut g, &book.assets);
        feed_debug(&mut g, &model.packs);
        feed(&mut g, model.home.as_bytes());
        for (p, intro) in book.parts.iter().zip(&model.intros) {
            feed_debug(
                &mut g,
                &(
                    &p.dir,
                    &p.title,
                    p.order,
                    &p.chapters,
                    &p.out_path,
                    &p.upkeep,
                    (p.parent, &p.children),
                ),
            );
            feed(&mut g, intro.part_page.as_bytes());
            feed(&mut g, intro.home_page.as_bytes());
        }
        let per_chapter: Vec<(u128, [u128; 4])> = book
            .chapter_ids()
            .collect::<Vec<_>>()
            .par_iter()
            .map(|&id| {
                let ch = model.chapter(id);
                let r = model.rendered(id);
                let out = &model.chapters[id];
                let hash = |f: &dyn Fn(&mut Xxh3)| {
                    let mut h = Xxh3::new();
                    f(&mut h);
                    h.digest128()
                };
                let structure = hash(&|h| {
                    feed_debug(h, &structure(ch, r));
                    feed_debug(h, &(&ch.source, ch.part, ch.search, &ch.name));
                    feed_debug(h, &book.history.last_changed(&ch.source));
                });
                let text = hash(&|h| {
                    feed(h, ch.text.as_bytes());
                    feed_debug(h, &ch.includes.files);
                });
                let listing = hash(&|h| feed_debug(h, &listing(ch, r)));
                let card = hash(&|h| feed_debug(h, &card(ch, out)));
                (structure, [text, listing, card, structure])
            })
            .collect();
        let mut chapters = Vec::with_capacity(per_chapter.len());
        for (structure, aspects) in per_chapter {
            feed(&mut g, &structure.to_le_bytes());
            chapters.push(aspects);
        }
        Fingerprints {
            global: g.digest128(),
            chapters,
        }
    }

    /// The fingerprint of `page`; `None` for a page rendered on every build (the
    /// assets: the book's own files are not fingerprinted, and writing them again
    /// keeps unchanged ones anyway).
    pub fn page(&self, page: &Page) -> Option<u128> {
        if page.kind == PageKind::Assets {
            return None;
        }
        let mut h = Xxh3::new();
        feed(&mut h, &self.global.to_le_bytes());
        feed_debug(&mut h, &page.kind);
        let mut add = |id: ChapterId, aspects: Aspects| {
            let Some(hashes) = self.chapters.get(id.index()) else {
                return;
            };
            for (bit, hash) in hashes.iter().enumerate() {
                if aspects.meets(Aspects(1 << bit)) {
                    h.update(&hash.to_le_bytes());
                }
            }
        };
        match &page.inputs {
            Inputs::Structure => {}
            Inputs::Chapters(ids, aspects) => ids.iter().for_each(|&id| add(id, *aspects)),
            Inputs::Every(aspects) => {
                (0..self.chapters.len()).for_each(|i| add(ChapterId::new(i), *aspects))
            }
        }
        Some(h.digest128())
    }
}
