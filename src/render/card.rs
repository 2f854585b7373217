//! A desk card as the templates see it, and the page of cards that holds it: shared by
//! the site's card pages (`crate::cards`) and a pack's (`crate::packs`), so neither
//! output uses the other.

use serde::Serialize;

use super::Site;

use crate::analysis::Analysis;
use crate::book::ChapterId;
use crate::cardfit::{card_title, CardFit};
use crate::markdown::ChecklistItem;

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
    pub callouts: &'a [crate::markdown::callouts::CardCallout],
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

pub fn card_ctx(model: &Analysis, id: ChapterId, fit: CardFit) -> CardCtx<'_> {
    let book = &model.book;
    let ch = &book.chapters[id];
    let rendered = model.rendered(id);
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

/// What the card template sees when a card is rendered on its own.
#[derive(Serialize)]
struct CardPartial<'a> {
    site: &'a super::SiteCtx,
    root: &'a str,
    card: CardCtx<'a>,
}

/// One card as HTML, for a page `root` away from the site's (or pack's) root.
pub fn render_card(site: &Site<'_>, root: &str, card: CardCtx<'_>) -> Result<String, crate::Error> {
    let partial = CardPartial {
        site: &site.renderer.site,
        root,
        card,
    };
    site.render("partials/card.html", &partial)
}

#[derive(Serialize)]
pub struct CardsBody<'a> {
    pub(crate) cards: CardsPage<'a>,
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
    pub(crate) fn new(heading: String, intro: String, groups: Vec<CardGroup<'a>>) -> Self {
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
pub(crate) struct CardsPage<'a> {
    pub(crate) heading: String,
    pub(crate) intro: String,
    pub(crate) groups: Vec<CardGroup<'a>>,
    pub(crate) count: usize,
    pub(crate) filters: Option<Filters<'a>>,
    pub(crate) directory: Option<Directory<'a>>,
}

/// The card index of a big book: where its cards are, rather than the cards.
#[derive(Serialize)]
pub(crate) struct Directory<'a> {
    pub(crate) tags: Vec<Chip<'a>>,
    pub(crate) audiences: Vec<Chip<'a>>,
    pub(crate) parts: Vec<PartCards<'a>>,
}

#[derive(Serialize)]
pub(crate) struct PartCards<'a> {
    pub(crate) title: &'a str,
    /// The part's card page, from `checklists/`.
    pub(crate) href: String,
    pub(crate) count: usize,
}

#[derive(Serialize)]
pub(crate) struct CardGroup<'a> {
    pub(crate) title: &'a str,
    /// Each card's HTML, rendered once and shared by every page that shows it.
    pub(crate) cards: Vec<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct Filters<'a> {
    pub(crate) tags: Vec<Chip<'a>>,
    pub(crate) audiences: Vec<Chip<'a>>,
}

#[derive(Serialize)]
pub(crate) struct Chip<'a> {
    pub(crate) id: &'a str,
    /// The term's page of cards, from `checklists/`.
    pub(crate) href: String,
    pub(crate) label: &'a str,
    pub(crate) count: usize,
}

/// A card page's heading and title, naming its set and how many cards it has, so
/// that no two card pages (a part and a topic of the same name) share a title.
pub fn set_heading(site: &Site<'_>, set: &str, count: usize) -> String {
    let cards = site.t(if count == 1 { "card" } else { "cards" });
    site.fill(
        "cards_heading",
        &[
            ("set", set),
            ("count", &count.to_string()),
            ("cards", cards),
        ],
    )
}
