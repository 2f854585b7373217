//! Desk cards: one printed page of "Do / Avoid" per chapter, built from its checklist.
//! Card pages exist per part, per tag, per audience, and for the whole handbook; a
//! chapter's own card is an anchor on its part's page, which prints just that card when
//! it is the one chosen (a page per chapter would double a big book's file count).

use serde::Serialize;

use crate::book::{Book, Chapter};
use crate::diag::{Diagnostic, LineIndex, Pos};
use crate::markdown::{ChecklistItem, Rendered};

/// Printable card area, in points, that fits both A4 and US Letter with 12 mm margins:
/// the narrower width (A4) and the shorter height (Letter), less the page-number margin.
const CARD_WIDTH_PT: f64 = 186.0 * MM;
const CARD_HEIGHT_PT: f64 = 246.0 * MM;
/// Two cards per sheet: each takes half the height, less the cutting gap.
const HALF_HEIGHT_PT: f64 = 117.0 * MM;
const MM: f64 = 72.0 / 25.4;
/// Type sizes tried from largest to smallest; 9 pt is the floor for a readable card.
const SIZES: [f64; 10] = [16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.5, 10.0, 9.5, 9.0];
/// Average glyph width of the card font (DejaVu Sans / system sans), in ems.
const CHAR_EM: f64 = 0.56;
/// Estimates keep this share of the page free, so rounding never tips a card over.
const SAFETY: f64 = 0.9;

/// The type sizes a card prints at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardFit {
    pub full_pt: f64,
    /// `None` when the card needs a whole sheet even in two-per-sheet layout.
    pub half_pt: Option<f64>,
}

/// What the estimate needs to know about a card's text, in characters.
struct Measure {
    title: usize,
    when: usize,
    do_items: Vec<usize>,
    avoid_items: Vec<usize>,
    /// Warning and caution boxes above the columns.
    callouts: Vec<usize>,
}

impl Measure {
    fn new(title: &str, when: &str, list: &crate::markdown::Checklist) -> Self {
        // A critical item is bold (about a tenth wider) behind a two-character sign.
        let chars = |items: &[ChecklistItem]| {
            items
                .iter()
                .map(|i| {
                    let n = i.text.chars().count();
                    if i.critical {
                        n + n.div_ceil(10) + 2
                    } else {
                        n
                    }
                })
                .collect()
        };
        Measure {
            title: title.chars().count(),
            when: when.chars().count(),
            do_items: chars(&list.do_items),
            avoid_items: chars(&list.avoid_items),
            callouts: list
                .callouts
                .iter()
                .map(|c| c.text.chars().count())
                .collect(),
        }
    }

    /// Estimated height in points at type size `fs`; mirrors the card CSS in carebook.css.
    fn height(&self, fs: f64) -> f64 {
        let lines = |chars: usize, width: f64, size: f64| {
            ((chars as f64 * CHAR_EM * size) / width).ceil().max(1.0)
        };
        let title = lines(self.title, CARD_WIDTH_PT, 1.6 * fs) * 1.6 * fs * 1.2;
        let when = if self.when == 0 {
            0.0
        } else {
            lines(self.when, CARD_WIDTH_PT, fs) * fs * 1.4
        };
        let header = 1.3 * fs + title + when + 1.2 * fs;
        let col_width = (CARD_WIDTH_PT - 8.0 * MM) / 2.0 - 1.7 * fs;
        let column = |items: &[usize]| {
            1.25 * fs * 1.3
                + 0.5 * fs
                + items
                    .iter()
                    .map(|&c| lines(c, col_width, fs) * fs * 1.35 + 0.55 * fs)
                    .sum::<f64>()
        };
        let footer = 0.8 * fs * 1.3 + 1.5 * fs;
        // Each box: its title line, its text across the card, padding and margin.
        let callouts: f64 = self
            .callouts
            .iter()
            .map(|&c| 1.35 * fs + lines(c, CARD_WIDTH_PT - 8.0 * MM, fs) * fs * 1.35 + 1.6 * fs)
            .sum();
        header + callouts + column(&self.do_items).max(column(&self.avoid_items)) + footer
    }

    fn largest_fitting(&self, budget: f64) -> Option<f64> {
        SIZES
            .into_iter()
            .find(|&fs| self.height(fs) <= budget * SAFETY)
    }

    /// How many of the longest items must go for the card to fit at the floor size.
    fn items_to_cut(mut self) -> usize {
        let mut cut = 0;
        while self.largest_fitting(CARD_HEIGHT_PT).is_none() {
            let longer = if self.do_items.len() >= self.avoid_items.len() {
                &mut self.do_items
            } else {
                &mut self.avoid_items
            };
            if longer.is_empty() {
                break;
            }
            let max = longer
                .iter()
                .enumerate()
                .max_by_key(|(_, c)| **c)
                .map_or(0, |(i, _)| i);
            longer.remove(max);
            cut += 1;
        }
        cut
    }
}

/// Fits every chapter's card; a card that does not fit one page at 9 pt is an error
/// naming the chapter and how many items to cut.
pub fn fit_all(book: &Book, rendered: &[Rendered]) -> (Vec<Option<CardFit>>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let fits = book
        .chapters
        .iter()
        .zip(rendered)
        .map(|(ch, r)| {
            fit(ch, r).unwrap_or_else(|d| {
                diags.push(d);
                None
            })
        })
        .collect();
    (fits, diags)
}

/// One chapter's card; `None` without a card or checklist, an error when it cannot fit.
pub fn fit(ch: &Chapter, r: &Rendered) -> Result<Option<CardFit>, Diagnostic> {
    let Some(details) = ch.card.as_ref() else {
        return Ok(None);
    };
    if r.checklist.is_empty() {
        return Ok(None);
    }
    let measure = Measure::new(
        card_title(ch),
        details.when.as_deref().unwrap_or(""),
        &r.checklist,
    );
    match measure.largest_fitting(CARD_HEIGHT_PT) {
        Some(full_pt) => Ok(Some(CardFit {
            full_pt,
            half_pt: measure.largest_fitting(HALF_HEIGHT_PT),
        })),
        None => Err(too_long(ch, r, measure)),
    }
}

fn too_long(ch: &Chapter, r: &Rendered, measure: Measure) -> Diagnostic {
    let pos = r.checklist.offset.map_or(Pos::new(1, 1), |o| {
        LineIndex::new(&ch.text).pos(ch.body_start + o)
    });
    let total = measure.do_items.len() + measure.avoid_items.len();
    let cut = measure.items_to_cut();
    Diagnostic::error(&ch.path, pos, format!("the desk card for “{}” does not fit on one printed page, even in 9 pt type ({total} items)", ch.title))
        .with_hint(format!("cut about {cut} item(s) or shorten the longest ones; a card reads best with 3-6 short items per column"))
}

pub fn card_title(ch: &Chapter) -> &str {
    ch.card
        .as_ref()
        .and_then(|c| c.title.as_deref())
        .unwrap_or(&ch.title)
}

/// A card as the templates see it.
#[derive(Serialize)]
pub struct CardCtx<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub chapter_title: &'a str,
    pub chapter_href: String,
    pub part: &'a str,
    pub when: &'a str,
    pub do_items: &'a [ChecklistItem],
    pub avoid_items: &'a [ChecklistItem],
    /// WARNING and CAUTION callouts of the checklist section.
    pub callouts: &'a [crate::callouts::CardCallout],
    /// Type size for one card per page, e.g. "14pt".
    pub font: String,
    /// Type size for two cards per sheet; empty when the card needs a whole sheet.
    pub half_font: String,
    /// Space-separated tag and audience ids, for the on-screen filters.
    pub tags: String,
    pub audiences: String,
    /// The date of the chapter's newest change note, for the card's top line.
    pub updated: Option<String>,
}

pub fn card_ctx<'a>(book: &'a Book, i: usize, rendered: &'a Rendered, fit: CardFit) -> CardCtx<'a> {
    let ch = &book.chapters[i];
    let when = ch
        .card
        .as_ref()
        .and_then(|c| c.when.as_deref())
        .unwrap_or("");
    CardCtx {
        slug: &ch.slug,
        title: card_title(ch),
        chapter_title: &ch.title,
        chapter_href: crate::url::encode_path(&ch.out_path).into_owned(),
        part: &book.parts[ch.part].title,
        when,
        do_items: &rendered.checklist.do_items,
        avoid_items: &rendered.checklist.avoid_items,
        callouts: &rendered.checklist.callouts,
        font: format!("{}pt", fit.full_pt),
        half_font: fit.half_pt.map(|p| format!("{p}pt")).unwrap_or_default(),
        tags: ch.tags.join(" "),
        audiences: ch.audience.join(" "),
        updated: ch.upkeep.updated().map(|d| d.to_string()),
    }
}

/// The page with the desk cards of part `p`, from the site root.
pub fn part_cards_path(book: &Book, p: usize) -> String {
    format!("checklists/{}", part_cards_file(book, p))
}

/// That page's file name in `checklists/`.
fn part_cards_file(book: &Book, p: usize) -> String {
    let dir = &book.parts[p].dir;
    if dir.as_os_str().is_empty() {
        "start.html".to_owned()
    } else {
        format!("part-{}.html", dir.to_string_lossy())
    }
}

/// Where chapter `i`'s card is, from the site root: at the card on its part's page.
pub fn card_href(book: &Book, i: usize) -> String {
    let ch = &book.chapters[i];
    let page = part_cards_path(book, ch.part);
    format!("{}#card-{}", crate::url::encode_path(&page), ch.slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(title: usize, items: &[usize]) -> Measure {
        Measure {
            title,
            when: 20,
            do_items: items.to_vec(),
            avoid_items: items.to_vec(),
            callouts: Vec::new(),
        }
    }

    #[test]
    fn short_cards_print_large() {
        assert_eq!(
            measure(20, &[40; 5]).largest_fitting(CARD_HEIGHT_PT),
            Some(16.0)
        );
    }

    #[test]
    fn long_cards_shrink_but_not_below_nine_points() {
        let fs = measure(40, &[85; 14])
            .largest_fitting(CARD_HEIGHT_PT)
            .unwrap();
        assert!((9.0..16.0).contains(&fs), "{fs}");
        assert_eq!(measure(40, &[85; 60]).largest_fitting(CARD_HEIGHT_PT), None);
    }

    #[test]
    fn items_to_cut_makes_it_fit() {
        let m = measure(40, &[85; 60]);
        let cut = m.items_to_cut();
        assert!(cut > 0 && cut < 120, "{cut}");
        let mut fitted = measure(40, &[85; 60]);
        for _ in 0..cut {
            let longer = if fitted.do_items.len() >= fitted.avoid_items.len() {
                &mut fitted.do_items
            } else {
                &mut fitted.avoid_items
            };
            longer.pop();
        }
        assert!(fitted.largest_fitting(CARD_HEIGHT_PT).is_some());
    }

    #[test]
    fn half_sheets_need_smaller_type() {
        let m = measure(20, &[60; 6]);
        let full = m.largest_fitting(CARD_HEIGHT_PT).unwrap();
        let half = m.largest_fitting(HALF_HEIGHT_PT).unwrap();
        assert!(half < full, "{half} < {full}");
    }
}

pub use pages::{set_heading, CardsBody, INDEX_INLINE_CARDS};

/// What the card template sees when a card is rendered on its own.
#[derive(Serialize)]
struct CardPartial<'a> {
    site: &'a crate::render::SiteCtx,
    root: &'a str,
    card: CardCtx<'a>,
}

/// One card as HTML, for a page `root` away from the site's (or pack's) root.
pub fn render_card(
    site: &crate::site::Site<'_>,
    root: &str,
    card: CardCtx<'_>,
) -> Result<String, crate::Error> {
    let partial = CardPartial {
        site: &site.ctx,
        root,
        card,
    };
    site.render("partials/card.html", &partial)
}

mod pages {
    use rayon::prelude::*;
    use serde::Serialize;

    use super::{card_ctx, part_cards_file, part_cards_path, render_card};
    use crate::output::Sink;
    use crate::render::splice::splice;
    use crate::site::{PageInfo, Site, TermKind};
    use crate::Error;

    #[derive(Serialize)]
    pub struct CardsBody<'a> {
        cards: CardsPage<'a>,
    }

    impl<'a> CardsBody<'a> {
        /// One list of cards (as HTML) under a heading, with no filters.
        pub fn single(heading: String, intro: String, cards: Vec<&'a str>) -> Self {
            let groups = vec![CardGroup { title: "", cards }];
            CardsBody {
                cards: CardsPage::new(heading, intro, groups),
            }
        }
    }

    impl<'a> CardsPage<'a> {
        fn new(heading: String, intro: String, groups: Vec<CardGroup<'a>>) -> Self {
            let count = groups.iter().map(|g| g.cards.len()).sum();
            CardsPage {
                heading,
                intro,
                groups,
                count,
                filters: None,
                directory: None,
            }
        }
    }

    #[derive(Serialize)]
    struct CardsPage<'a> {
        heading: String,
        intro: String,
        groups: Vec<CardGroup<'a>>,
        count: usize,
        filters: Option<Filters<'a>>,
        directory: Option<Directory<'a>>,
    }

    /// The card index of a big book: where its cards are, rather than the cards.
    #[derive(Serialize)]
    struct Directory<'a> {
        tags: Vec<Chip<'a>>,
        audiences: Vec<Chip<'a>>,
        parts: Vec<PartCards<'a>>,
    }

    #[derive(Serialize)]
    struct PartCards<'a> {
        title: &'a str,
        /// The part's card page, from `checklists/`.
        href: String,
        count: usize,
    }

    #[derive(Serialize)]
    struct CardGroup<'a> {
        title: &'a str,
        /// Each card's HTML, rendered once and shared by every page that shows it.
        cards: Vec<&'a str>,
    }

    #[derive(Serialize)]
    struct Filters<'a> {
        tags: Vec<Chip<'a>>,
        audiences: Vec<Chip<'a>>,
    }

    #[derive(Serialize)]
    struct Chip<'a> {
        id: &'a str,
        /// The term's page of cards, from `checklists/`.
        href: String,
        label: &'a str,
        count: usize,
    }

    /// Books with more cards than this get a directory as their card index (topics,
    /// audiences and parts, as links) instead of every card on one page: 10,000 cards
    /// made a 17 MB page that a browser can hardly open.
    pub const INDEX_INLINE_CARDS: usize = 300;

    const INDEX: &str = "checklists/index.html";

    const PART_INTRO: &str = "The cards of this part, one per chapter. Open a card from its chapter (“Desk card”) to print that card alone.";

    /// Stand-ins for a page's `n` cards in its template; the cards are spliced in after
    /// (see `render::splice`), so a 10,000-card index is not copied through Tera.
    /// A card page's heading and title, naming its set and how many cards it has, so
    /// that no two card pages (a part and a topic of the same name) share a title.
    pub fn set_heading(set: &str, count: usize) -> String {
        let cards = if count == 1 { "card" } else { "cards" };
        format!("Desk cards · {set} ({count} {cards})")
    }

    fn markers(n: usize) -> Vec<String> {
        (0..n).map(crate::render::splice::marker).collect()
    }

    impl Site<'_> {
        /// How many of `chapters` have a card.
        fn cards_among(&self, chapters: impl Iterator<Item = usize>) -> usize {
            chapters.filter(|&i| self.fits[i].is_some()).count()
        }

        fn card(&self, i: usize) -> Option<&str> {
            self.card_html()[i].as_deref()
        }

        /// Every chapter's card as HTML for pages in `checklists/`, rendered on first use.
        fn card_html(&self) -> &[Option<String>] {
            self.cards.get_or_init(|| {
                (0..self.book.chapters.len())
                    .into_par_iter()
                    .map(|i| {
                        let card = card_ctx(self.book, i, &self.rendered[i], self.fits[i]?);
                        render_card(self, "../", card).ok()
                    })
                    .collect()
            })
        }

        /// Every part's card page (see `part_cards_path`).
        pub fn write_part_card_pages(&self, out: &dyn Sink) -> Result<(), Error> {
            (0..self.book.parts.len())
                .into_par_iter()
                .try_for_each(|p| self.write_part_cards(p, out).map(|_| ()))
        }

        /// Part `p`'s card page; `false`, and nothing written, when none of its chapters
        /// has a card.
        pub fn write_part_cards(&self, p: usize, out: &dyn Sink) -> Result<bool, Error> {
            let part = &self.book.parts[p];
            let cards: Vec<&str> = part.chapters.clone().filter_map(|i| self.card(i)).collect();
            if cards.is_empty() {
                return Ok(false);
            }
            let heading = if part.title.is_empty() {
                set_heading("Start of the handbook", cards.len())
            } else {
                set_heading(&format!("Part: {}", part.title), cards.len())
            };
            let path = part_cards_path(self.book, p);
            self.write_card_list(out, &path, heading, PART_INTRO.to_owned(), &cards)?;
            Ok(true)
        }

        /// The pages that gather many cards: all, per tag and per audience.
        pub fn write_card_sets(&self, out: &dyn Sink) -> Result<(), Error> {
            let sets: Vec<_> = TermKind::ALL
                .into_iter()
                .flat_map(|k| k.terms(self.book).iter().map(move |(id, t)| (k, id, t)))
                .collect();
            let (index, sets) = rayon::join(
                || self.write_card_index(out),
                || {
                    sets.into_par_iter().try_for_each(|(kind, id, term)| {
                        let cards: Vec<&str> = kind
                            .chapters(self.book, id)
                            .filter_map(|i| self.card(i))
                            .collect();
                        let heading = kind.card_set_heading(&term.label, cards.len());
                        let path = kind.card_set_path(id);
                        self.write_card_list(out, &path, heading, term.description.clone(), &cards)
                    })
                },
            );
            index.and(sets)
        }

        /// A part's name on card pages; chapters at the top level go by the book's.
        fn part_title(&self, p: usize) -> &str {
            let part = &self.book.parts[p];
            if part.title.is_empty() {
                &self.book.config.title
            } else {
                &part.title
            }
        }

        /// Topics or audiences that have cards, with how many.
        fn chips(&self, kind: TermKind) -> Vec<Chip<'_>> {
            kind.terms(self.book)
                .iter()
                .filter_map(|(id, t)| {
                    let count = self.cards_among(kind.chapters(self.book, id));
                    (count > 0).then(|| Chip {
                        id,
                        href: kind.card_set_file(&crate::url::encode_path(id)),
                        label: &t.label,
                        count,
                    })
                })
                .collect()
        }

        fn write_card_index(&self, out: &dyn Sink) -> Result<(), Error> {
            let total = self.cards_among(0..self.book.chapters.len());
            if total > INDEX_INLINE_CARDS {
                return self.write_card_directory(out, total);
            }
            let by_part: Vec<(&str, Vec<&str>)> = self
                .book
                .parts
                .iter()
                .map(|p| {
                    (
                        p.title.as_str(),
                        p.chapters
                            .clone()
                            .filter_map(|i| self.card(i))
                            .collect::<Vec<_>>(),
                    )
                })
                .filter(|(_, cards)| !cards.is_empty())
                .collect();
            let cards: Vec<&str> = by_part
                .iter()
                .flat_map(|(_, c)| c.iter().copied())
                .collect();
            let markers = markers(cards.len());
            // Markers are handed out in order, as the cards were gathered.
            let mut next = markers.iter().map(String::as_str);
            let groups = by_part
                .iter()
                .map(|(title, c)| CardGroup {
                    title,
                    cards: next.by_ref().take(c.len()).collect(),
                })
                .collect();
            let filters = Filters {
                tags: self.chips(TermKind::Tag),
                audiences: self.chips(TermKind::Audience),
            };
            let intro = "One card per chapter: the things to do and to avoid, to keep at your desk. Print them all, or choose a topic or an audience first.".to_owned();
            let page = CardsPage {
                filters: Some(filters),
                ..CardsPage::new(set_heading("All chapters", cards.len()), intro, groups)
            };
            self.write_card_page(out, INDEX, page, &cards)
        }

        /// The card index of a book with more than `INDEX_INLINE_CARDS` cards.
        fn write_card_directory(&self, out: &dyn Sink, total: usize) -> Result<(), Error> {
            let parts = (0..self.book.parts.len())
                .filter_map(|p| {
                    let count = self.cards_among(self.book.parts[p].chapters.clone());
                    (count > 0).then(|| PartCards {
                        title: self.part_title(p),
                        href: crate::url::encode_path(&part_cards_file(self.book, p)).into_owned(),
                        count,
                    })
                })
                .collect();
            let directory = Directory {
                tags: self.chips(TermKind::Tag),
                audiences: self.chips(TermKind::Audience),
                parts,
            };
            let intro = "One card per chapter: the things to do and to avoid, to keep at your desk. Choose a topic, an audience or a part to see its cards and print them.".to_owned();
            let page = CardsPage {
                directory: Some(directory),
                count: total,
                ..CardsPage::new(set_heading("All chapters", total), intro, Vec::new())
            };
            self.write_card_page(out, INDEX, page, &[])
        }

        /// A page of `cards` under one heading.
        fn write_card_list(
            &self,
            out: &dyn Sink,
            path: &str,
            heading: String,
            intro: String,
            cards: &[&str],
        ) -> Result<(), Error> {
            let markers = markers(cards.len());
            let group = vec![CardGroup {
                title: "",
                cards: markers.iter().map(String::as_str).collect(),
            }];
            self.write_card_page(out, path, CardsPage::new(heading, intro, group), cards)
        }

        /// A page of cards; `cards` replace the markers standing for them in `page`.
        fn write_card_page(
            &self,
            out: &dyn Sink,
            path: &str,
            page: CardsPage<'_>,
            cards: &[&str],
        ) -> Result<(), Error> {
            let html = self.render_cards_page(path, page)?;
            out.write_parts(path, &splice(&html, cards))
                .map_err(Error::Output)
        }

        fn render_cards_page(&self, path: &str, page: CardsPage<'_>) -> Result<String, Error> {
            let (title, description) = (page.heading.clone(), page.intro.clone());
            let info = PageInfo {
                kind: "cards",
                path,
                title: &title,
                description: &description,
                part: None,
                chapter: None,
            };
            let body = CardsBody { cards: page };
            self.render("cards.html", &self.frame(info, body))
        }
    }
}
