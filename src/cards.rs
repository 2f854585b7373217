//! Desk cards: one printed page of "Do / Avoid" per chapter, built from its checklist.
//! Card pages exist per part, per tag, per audience, and for the whole handbook; a
//! chapter's own card is an anchor on its part's page, which prints just that card when
//! it is the one chosen (a page per chapter would double a big book's file count).

pub use pages::{write_all, INDEX_INLINE_CARDS};

mod pages {
    use rayon::prelude::*;

    use crate::book::ChapterId;
    use crate::output::Sink;
    use crate::paths::{part_cards_file, part_cards_path};
    use crate::render::card::{
        card_ctx, render_card, set_heading, CardGroup, CardsBody, CardsPage, Chip, Directory,
        Filters, PartCards,
    };
    use crate::render::splice::splice;
    use crate::render::{FrameKind, PageInfo, Site};
    use crate::terms::TermKind;
    use crate::Error;

    /// Books with more cards than this get a directory as their card index (topics,
    /// audiences and parts, as links) instead of every card on one page: 10,000 cards
    /// made a 17 MB page that a browser can hardly open.
    pub const INDEX_INLINE_CARDS: usize = 300;

    const INDEX: &str = crate::paths::CARDS;

    fn card_set_heading(site: &Site<'_>, kind: TermKind, label: &str, count: usize) -> String {
        let set = site.fill(
            "cards_term",
            &[("kind", site.t(kind.key())), ("label", label)],
        );
        set_heading(site, &set, count)
    }

    /// Stand-ins for a page's `n` cards in its template; the cards are spliced in after
    /// (see `render::splice`), so a 10,000-card index is not copied through Tera.
    fn markers(n: usize) -> Vec<String> {
        (0..n).map(crate::render::splice::marker).collect()
    }

    /// How many of `chapters` have a card.
    fn cards_among(site: &Site<'_>, chapters: impl Iterator<Item = ChapterId>) -> usize {
        chapters.filter(|&id| site.model.fit(id).is_some()).count()
    }

    fn card<'d>(deck: &'d Deck<'_>, id: ChapterId) -> Option<&'d str> {
        deck.cards[id].as_deref()
    }

    /// Every chapter's card as HTML for pages in `checklists/`, each rendered once
    /// and shared by the pages that show it.
    pub(super) struct Deck<'s> {
        site: Site<'s>,
        cards: Vec<Option<String>>,
    }

    impl<'s> Deck<'s> {
        fn new(site: &Site<'s>) -> Self {
            let cards = site
                .book
                .chapter_ids()
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|id| {
                    let card = card_ctx(site.model, id, site.model.fit(id)?);
                    render_card(site, "../", card).ok()
                })
                .collect();
            Deck { site: *site, cards }
        }
    }

    /// Every page of desk cards: one per part, per tag and per audience, and the
    /// index of them all.
    pub fn write_all(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
        let deck = Deck::new(site);
        let (parts, sets) = rayon::join(
            || write_part_card_pages(&deck, out),
            || write_card_sets(&deck, out),
        );
        parts.and(sets)
    }

    /// Every part's card page (see `part_cards_path`).
    fn write_part_card_pages(deck: &Deck<'_>, out: &dyn Sink) -> Result<(), Error> {
        let site = &deck.site;
        (0..site.book.parts.len())
            .into_par_iter()
            .try_for_each(|p| write_part_cards(deck, p, out).map(|_| ()))
    }

    /// Part `p`'s card page; `false`, and nothing written, when none of its chapters
    /// has a card.
    fn write_part_cards(deck: &Deck<'_>, p: usize, out: &dyn Sink) -> Result<bool, Error> {
        let site = &deck.site;
        let part = &site.book.parts[p];
        let cards: Vec<&str> = part.chapter_ids().filter_map(|id| card(deck, id)).collect();
        if cards.is_empty() {
            return Ok(false);
        }
        let heading = if part.title.is_empty() {
            set_heading(site, site.t("cards_start_of_handbook"), cards.len())
        } else {
            let set = site.fill("cards_part", &[("title", &part.title)]);
            set_heading(site, &set, cards.len())
        };
        let path = part_cards_path(&site.book.parts[p].dir);
        let intro = site.t("cards_part_intro").to_owned();
        write_card_list(site, out, &path, heading, intro, &cards)?;
        Ok(true)
    }

    /// The pages that gather many cards: all, per tag and per audience.
    fn write_card_sets(deck: &Deck<'_>, out: &dyn Sink) -> Result<(), Error> {
        let site = &deck.site;
        let sets: Vec<_> = TermKind::ALL
            .into_iter()
            .flat_map(|k| k.terms(site.book).iter().map(move |(id, t)| (k, id, t)))
            .collect();
        let (index, sets) = rayon::join(
            || write_card_index(deck, out),
            || {
                sets.into_par_iter().try_for_each(|(kind, id, term)| {
                    let cards: Vec<&str> = kind
                        .chapters(site.book, id)
                        .filter_map(|id| card(deck, id))
                        .collect();
                    let heading = card_set_heading(site, kind, &term.label, cards.len());
                    let path = kind.card_set_path(id);
                    write_card_list(site, out, &path, heading, term.description.clone(), &cards)
                })
            },
        );
        index.and(sets)
    }

    /// A part's name on card pages; chapters at the top level go by the book's.
    fn part_title<'a>(site: &Site<'a>, p: usize) -> &'a str {
        let part = &site.book.parts[p];
        if part.title.is_empty() {
            &site.book.config.title
        } else {
            &part.title
        }
    }

    /// Topics or audiences that have cards, with how many.
    fn chips<'a>(site: &Site<'a>, kind: TermKind) -> Vec<Chip<'a>> {
        kind.terms(site.book)
            .iter()
            .filter_map(|(id, t)| {
                let count = cards_among(site, kind.chapters(site.book, id));
                (count > 0).then(|| Chip {
                    id,
                    href: kind.card_set_file(&crate::url::encode_path(id)),
                    label: &t.label,
                    count,
                })
            })
            .collect()
    }

    fn write_card_index(deck: &Deck<'_>, out: &dyn Sink) -> Result<(), Error> {
        let site = &deck.site;
        let total = cards_among(site, site.book.chapter_ids());
        if total > INDEX_INLINE_CARDS {
            return write_card_directory(site, out, total);
        }
        let by_part: Vec<(&str, Vec<&str>)> = site
            .book
            .parts
            .iter()
            .map(|p| {
                (
                    p.title.as_str(),
                    p.chapter_ids()
                        .filter_map(|id| card(deck, id))
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
            tags: chips(site, TermKind::Tag),
            audiences: chips(site, TermKind::Audience),
        };
        let intro = site.t("cards_index_intro").to_owned();
        let page = CardsPage {
            filters: Some(filters),
            ..CardsPage::new(
                set_heading(site, site.t("cards_all_chapters"), cards.len()),
                intro,
                groups,
            )
        };
        write_card_page(site, out, INDEX, page, &cards)
    }

    /// The card index of a book with more than `INDEX_INLINE_CARDS` cards.
    fn write_card_directory(site: &Site<'_>, out: &dyn Sink, total: usize) -> Result<(), Error> {
        let parts = (0..site.book.parts.len())
            .filter_map(|p| {
                let count = cards_among(site, site.book.parts[p].chapter_ids());
                (count > 0).then(|| PartCards {
                    title: part_title(site, p),
                    href: crate::url::encode_path(&part_cards_file(&site.book.parts[p].dir))
                        .into_owned(),
                    count,
                })
            })
            .collect();
        let directory = Directory {
            tags: chips(site, TermKind::Tag),
            audiences: chips(site, TermKind::Audience),
            parts,
        };
        let intro = site.t("cards_directory_intro").to_owned();
        let page = CardsPage {
            directory: Some(directory),
            count: total,
            ..CardsPage::new(
                set_heading(site, site.t("cards_all_chapters"), total),
                intro,
                Vec::new(),
            )
        };
        write_card_page(site, out, INDEX, page, &[])
    }

    /// A page of `cards` under one heading.
    fn write_card_list(
        site: &Site<'_>,
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
        write_card_page(
            site,
            out,
            path,
            CardsPage::new(heading, intro, group),
            cards,
        )
    }

    /// A page of cards; `cards` replace the markers standing for them in `page`.
    fn write_card_page(
        site: &Site<'_>,
        out: &dyn Sink,
        path: &str,
        page: CardsPage<'_>,
        cards: &[&str],
    ) -> Result<(), Error> {
        let html = render_cards_page(site, path, page)?;
        out.write_parts(path, &splice(&html, cards))
            .map_err(Error::Output)
    }

    fn render_cards_page(
        site: &Site<'_>,
        path: &str,
        page: CardsPage<'_>,
    ) -> Result<String, Error> {
        let (title, description) = (page.heading.clone(), page.intro.clone());
        let info = PageInfo {
            kind: FrameKind::Cards,
            path,
            title: &title,
            description: &description,
            part: None,
            chapter: None,
        };
        let body = CardsBody { cards: page };
        site.render("cards.html", &site.frame(info, body))
    }
}
