//! Where carebook's own pages go in the site: one place for the names the model checks
//! chapters against (a chapter may not take them) and the outputs write to. Plain
//! names and functions of names, below the book (which pages a given book has is the
//! book's to say: `Book::has_changes`, `Book::has_review_page`).

use std::path::Path;

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

/// One section's printed document, when a big book prints by section (`print`).
pub fn print_section(stem: &str) -> String {
    format!("print-{stem}.html")
}

pub fn tag_href(id: &str) -> String {
    format!("tags/{}.html", crate::url::encode_path(id))
}

pub fn audience_href(id: &str) -> String {
    format!("audiences/{}.html", crate::url::encode_path(id))
}

/// The page with the desk cards of the part in folder `part_dir`, from the site root.
pub fn part_cards_path(part_dir: &Path) -> String {
    format!("checklists/{}", part_cards_file(part_dir))
}

/// That page's file name in `checklists/`.
pub fn part_cards_file(part_dir: &Path) -> String {
    if part_dir.as_os_str().is_empty() {
        "start.html".to_owned()
    } else {
        format!("part-{}.html", part_dir.to_string_lossy())
    }
}

/// Where the card of the chapter `slug` in the part in `part_dir` is, from the site
/// root: at the card on its part's page.
pub fn card_href(part_dir: &Path, slug: &str) -> String {
    let page = part_cards_path(part_dir);
    format!("{}#card-{}", crate::url::encode_path(&page), slug)
}
