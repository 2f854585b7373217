//! Where carebook's own pages go in the site, and which exist for a book: one place
//! for the names the model checks chapters against (a chapter may not take them) and
//! the outputs write to.

use crate::book::{Book, ChapterId};

/// Output folders carebook fills itself.
pub const RESERVED_FOLDERS: &[&str] = &[
    "assets",
    "tags",
    "audiences",
    "checklists",
    "packs",
    "search",
];

pub const HOME: &str = "index.html";
pub const NOT_FOUND: &str = "404.html";
pub const PRINT: &str = "print.html";
pub const SITEMAP: &str = "sitemap.xml";
pub const WHATS_NEW: &str = "whats-new.html";
pub const FEED: &str = "feed.xml";
pub const REVIEW: &str = "review.html";
pub const FACTS: &str = "facts.html";
/// The index of desk cards.
pub const CARDS: &str = "checklists/index.html";
/// The sidebar's part list of a big book (see `render::NAV_INLINE_PARTS`).
pub const NAV_DATA: &str = "assets/nav-data.js";
/// Where packs are written inside the site, and where pack files are read from.
pub const PACKS_DIR: &str = "packs";

/// Whether any chapter has change notes, so the book has a "What's new" page.
pub fn has_changes(book: &Book) -> bool {
    book.chapters.iter().any(|c| !c.upkeep.changes.is_empty())
}

/// Whether `[review]` asks for the review report page.
pub fn has_review_page(book: &Book) -> bool {
    book.config.review.as_ref().is_some_and(|r| r.page)
}

pub fn tag_href(id: &str) -> String {
    format!("tags/{}.html", crate::url::encode_path(id))
}

pub fn audience_href(id: &str) -> String {
    format!("audiences/{}.html", crate::url::encode_path(id))
}

/// The page with the desk cards of part `p`, from the site root.
pub fn part_cards_path(book: &Book, p: usize) -> String {
    format!("checklists/{}", part_cards_file(book, p))
}

/// That page's file name in `checklists/`.
pub fn part_cards_file(book: &Book, p: usize) -> String {
    let dir = &book.parts[p].dir;
    if dir.as_os_str().is_empty() {
        "start.html".to_owned()
    } else {
        format!("part-{}.html", dir.to_string_lossy())
    }
}

/// Where a chapter's card is, from the site root: at the card on its part's page.
pub fn card_href(book: &Book, id: ChapterId) -> String {
    let ch = &book.chapters[id];
    let page = part_cards_path(book, ch.part);
    format!("{}#card-{}", crate::url::encode_path(&page), ch.slug)
}
