//! The pack builder: `packs/builder.html`, where a trainer picks and orders chapters for
//! a class in the browser, and `packs/print.html`, which prints the handout, desk cards or
//! trainer's sheet for that choice. Both work from file:// with no server, so their data
//! comes in script files, never fetched:
//!
//! - `packs/builder/index.js`: one compact row per chapter (slug, title, part, tags,
//!   audiences, reading and class minutes), all the builder needs to open;
//! - `packs/builder/chapters/<b>.js`: the printable content of chapters
//!   `b * CHAPTERS_PER_FILE ..` in reading order, loaded by the print page only for the
//!   blocks that hold the chapters chosen. Blocks rather than a file a chapter: a site
//!   of 10,000 chapters has 1,250 of these files instead of 10,000, which is most of
//!   the cost of building, copying and rebuilding it, and a block is still a small
//!   load (about 80 KB).
//!
//! The choice itself lives in the page's address (see `edit_href`), so it can be
//! bookmarked and shared; the agenda rules are shared with `carebook pack` through
//! `agenda-cases.json`.

use serde::Serialize;

use crate::book::{Book, ChapterId};
use crate::course::Pack;
use crate::markdown::ChecklistItem;
use crate::output::Sink;
use crate::paths::PACKS_DIR;
use crate::relink::{demote_headings, rewrite_attrs, SiteLink};
use crate::render::{FrameKind, PageInfo, Site};
use crate::Error;

/// The builder page, from the site root.
pub const PAGE: &str = "packs/builder.html";
/// The print page for a builder choice, from the site root.
pub const PRINT_PAGE: &str = "packs/print.html";
/// The theme's scripts only the builder and its print page use.
pub const ASSETS: &[&str] = &["agenda.js", "builder.js", "builder-print.js"];
/// The chapter index, from `packs/`.
const INDEX: &str = "builder/index.js";
/// The folder of the chapter scripts, from `packs/`.
const CHAPTERS: &str = "builder/chapters";
/// Chapters in one script of `CHAPTERS`: fixed, so an edit never moves a chapter to
/// another file.
pub const CHAPTERS_PER_FILE: usize = 8;

/// Writes the builder page, its print page and the chapter index (the page list's
/// `Builder`); each block of chapters' script is a page of its own (`BuilderChapters`).
pub fn write(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    write_index(site, out)?;
    write_page(site, out)?;
    write_print_page(site, out)
}

fn write_index(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let index = format!("window.carebookBuilderIndex = {};\n", index_json(site));
    out.write(&format!("{PACKS_DIR}/{INDEX}"), index.as_bytes())
        .map_err(Error::Output)
}

/// The index as JSON: labels once, then one array per chapter, so it stays about a
/// hundred bytes a chapter.
fn index_json(site: &Site<'_>) -> String {
    let book = site.book;
    let config = &book.config;
    let tag_ids: Vec<&str> = config.tags.keys().map(String::as_str).collect();
    let audience_ids: Vec<&str> = config.audiences.keys().map(String::as_str).collect();
    let position = |ids: &[&str], id: &str| ids.iter().position(|t| *t == id);
    let chapters: Vec<serde_json::Value> = book
        .chapter_ids()
        .map(|id| {
            let ch = site.model.chapter(id);
            let tags: Vec<usize> = ch
                .tags
                .iter()
                .filter_map(|t| position(&tag_ids, t))
                .collect();
            let audiences: Vec<usize> = ch
                .audience
                .iter()
                .filter_map(|a| position(&audience_ids, a))
                .collect();
            serde_json::json!([
                ch.name,
                ch.title,
                ch.part,
                tags,
                audiences,
                site.model.minutes(id),
                ch.class_minutes,
            ])
        })
        .collect();
    let labels = |terms: &indexmap::IndexMap<String, crate::config::Term>| {
        terms
            .iter()
            .map(|(id, t)| serde_json::json!([id, t.label]))
            .collect::<Vec<_>>()
    };
    serde_json::json!({
        "fields": ["slug", "title", "part", "tags", "audiences", "minutes", "class-minutes"],
        "per_file": CHAPTERS_PER_FILE,
        "handbook": config.title,
        "parts": book.parts.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(),
        "tags": labels(&config.tags),
        "audiences": labels(&config.audiences),
        "packs": site.model.packs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        "chapters": chapters,
    })
    .to_string()
}

#[derive(Serialize)]
struct Choice<'a> {
    id: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct BuilderCtx<'a> {
    chapter_count: usize,
    parts: Vec<Choice<'a>>,
    tags: Vec<Choice<'a>>,
    audiences: Vec<Choice<'a>>,
    break_minutes: u32,
    index: &'static str,
    print_page: &'static str,
}

fn choices(terms: &indexmap::IndexMap<String, crate::config::Term>) -> Vec<Choice<'_>> {
    terms
        .iter()
        .map(|(id, t)| Choice {
            id,
            label: &t.label,
        })
        .collect()
}

#[derive(Serialize)]
struct BuilderBody<'a> {
    builder: BuilderCtx<'a>,
}

fn write_page(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let book = site.book;
    let parts: Vec<String> = (0..book.parts.len()).map(|i| i.to_string()).collect();
    let body = BuilderBody {
        builder: BuilderCtx {
            chapter_count: book.chapters.len(),
            parts: book
                .parts
                .iter()
                .zip(&parts)
                .map(|(p, id)| Choice {
                    id,
                    label: &p.title,
                })
                .collect(),
            tags: choices(&book.config.tags),
            audiences: choices(&book.config.audiences),
            break_minutes: crate::course::agenda::BREAK_MINUTES,
            index: INDEX,
            print_page: "print.html",
        },
    };
    let info = PageInfo {
        kind: FrameKind::Builder,
        path: PAGE,
        title: site.t("builder_title"),
        description: site.t("builder_description"),
        part: None,
        chapter: None,
    };
    site.page(out, "builder.html", PAGE, site.frame(info, body))
}

#[derive(Serialize)]
struct PrintCtx<'a> {
    site: &'a crate::render::SiteCtx,
    paper: &'static str,
    handbook_title: &'a str,
    index: &'static str,
    chapters_dir: &'static str,
    break_minutes: u32,
}

fn write_print_page(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let ctx = PrintCtx {
        site: &site.renderer.site,
        paper: match site.book.config.build.paper {
            crate::config::Paper::A4 => "A4",
            crate::config::Paper::Letter => "letter",
        },
        handbook_title: &site.book.config.title,
        index: INDEX,
        chapters_dir: CHAPTERS,
        break_minutes: crate::course::agenda::BREAK_MINUTES,
    };
    let html = site.render("builder-print.html", &ctx)?;
    out.write(PRINT_PAGE, html.as_bytes())
        .map_err(Error::Output)
}

/// What the print page needs of one chapter, with links made to work from `packs/`.
#[derive(Serialize)]
struct ChapterData<'a> {
    slug: &'a str,
    /// The chapter's page in the site, from `packs/`.
    href: String,
    summary: &'a str,
    /// The chapter's body for the handout: headings one level down, ids prefixed
    /// with the slug so chapters printed together cannot clash.
    html: String,
    /// Its desk card, when it has one.
    card: Option<String>,
    #[serde(rename = "do")]
    do_items: Vec<Item<'a>>,
    avoid: Vec<Item<'a>>,
}

/// A Do or Avoid item as the trainer's sheet shows it: its HTML and mark only (its
/// plain text, which the script never reads, was a tenth of these files).
#[derive(Serialize)]
struct Item<'a> {
    html: &'a str,
    critical: bool,
}

fn items(list: &[ChecklistItem]) -> Vec<Item<'_>> {
    list.iter()
        .map(|i| Item {
            html: &i.html,
            critical: i.critical,
        })
        .collect()
}

/// The chapters in script `block` of `packs/builder/chapters/`.
pub fn block_chapters(book: &Book, block: usize) -> Vec<ChapterId> {
    book.chapter_ids()
        .skip(block * CHAPTERS_PER_FILE)
        .take(CHAPTERS_PER_FILE)
        .collect()
}

/// How many scripts `packs/builder/chapters/` holds.
pub fn blocks(book: &Book) -> usize {
    book.chapters.len().div_ceil(CHAPTERS_PER_FILE)
}

/// Script `block`, `packs/builder/chapters/<block>.js`: one `carebookBuilderChapter`
/// call per chapter.
pub fn write_chapters(site: &Site<'_>, block: usize, out: &dyn Sink) -> Result<(), Error> {
    let mut script = String::new();
    for id in block_chapters(site.book, block) {
        script.push_str(&chapter_script(site, id)?);
    }
    out.write(
        &format!("{PACKS_DIR}/{CHAPTERS}/{block}.js"),
        script.as_bytes(),
    )
    .map_err(Error::Output)
}

/// Chapter `id`'s call in its block's script.
fn chapter_script(site: &Site<'_>, id: ChapterId) -> Result<String, Error> {
    let ch = site.model.chapter(id);
    let rendered = site.model.rendered(id);
    let card = site
        .model
        .fit(id)
        .map(|fit| {
            let card = crate::render::card::card_ctx(site.model, id, fit);
            crate::render::card::render_card(site, "../", card)
        })
        .transpose()?;
    let data = ChapterData {
        slug: &ch.name,
        href: format!("../{}", crate::url::encode_path(&ch.out_path)),
        summary: &ch.summary,
        html: demote_headings(&relink(&rendered.html, &ch.out_path, &ch.name)),
        card,
        do_items: items(&rendered.checklist.do_items),
        avoid: items(&rendered.checklist.avoid_items),
    };
    let json = serde_json::to_string(&data).unwrap_or_default();
    Ok(format!("carebookBuilderChapter({json});\n"))
}

/// A chapter's HTML as seen from `packs/print.html`: links to pages go to the site, and
/// ids and same-page links carry the chapter's slug.
fn relink(html: &str, from: &str, slug: &str) -> String {
    rewrite_attrs(html, |attr, value| {
        if attr == "id" {
            return Some(format!("{slug}--{value}"));
        }
        match SiteLink::parse(value, from)? {
            SiteLink::Fragment(f) => Some(format!("#{slug}--{f}")),
            SiteLink::Page { href, frag, .. } => Some(match frag {
                Some(f) => format!("../{href}#{f}"),
                None => format!("../{href}"),
            }),
        }
    })
}

/// The builder's address with this pack's choices, from a page at `packs/<id>/`.
pub fn edit_href(book: &Book, pack: &Pack) -> String {
    format!("../builder.html#{}", selection_query(book, pack))
}

/// A pack's choices in the builder's address format: `title`, `date`, `start`, then one
/// `c` per chapter in order (`slug`, or `slug~title` when the class renames it).
pub fn selection_query(book: &Book, pack: &Pack) -> String {
    let mut pairs: Vec<(&str, String)> = vec![("title", pack.title.clone())];
    if let Some(d) = &pack.date {
        pairs.push(("date", d.clone()));
    }
    if let Some(s) = pack.start {
        pairs.push(("start", format!("{:02}:{:02}", s / 60, s % 60)));
    }
    for c in &pack.chapters {
        let slug = &book.chapters[c.id].name;
        pairs.push((
            "c",
            match &c.title {
                Some(t) => format!("{slug}~{t}"),
                None => slug.clone(),
            },
        ));
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", form_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `application/x-www-form-urlencoded`, as the browser's URLSearchParams reads it.
fn form_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_encoding_round_trips_through_the_browser_rules() {
        assert_eq!(
            form_encode("Calm & clear: day 1"),
            "Calm+%26+clear%3A+day+1"
        );
        assert_eq!(form_encode("café~x"), "caf%C3%A9%7Ex");
    }

    #[test]
    fn relinked_chapters_keep_their_ids_apart_and_reach_the_site() {
        let html = r##"<h2 id="why">Why</h2><p><a href="#why">up</a> <a href="../culture/empathy.html#a">e</a> <a href="https://example.com/">x</a> <img src="img/a.png"></p>"##;
        assert_eq!(
            relink(html, "communication/listening.html", "listening"),
            r##"<h2 id="listening--why">Why</h2><p><a href="#listening--why">up</a> <a href="../culture/empathy.html#a">e</a> <a href="https://example.com/">x</a> <img src="../communication/img/a.png"></p>"##
        );
    }
}
