//! "What's new": the change notes of every chapter (front matter `changes:`), newest
//! first, as `whats-new.html` and, when `[build] base-url` is set, an Atom feed
//! (`feed.xml`; Atom needs absolute addresses, so without `base-url` there is no
//! feed). Also the review report page, `review.html`, and the footer links to both.

use serde::Serialize;

use crate::book::Book;
use crate::output::Sink;
use crate::render::{FrameKind, PageInfo, Site};
use crate::review::{self, Date};
use crate::Error;

pub use crate::paths::{has_changes, has_review_page, FEED, REVIEW, WHATS_NEW};
/// The feed holds the newest entries only; the page has them all.
pub const FEED_ENTRIES: usize = 50;

/// One change note, for the page and the feed.
#[derive(Debug, Clone, Serialize)]
pub struct Entry<'a> {
    pub date: String,
    pub title: &'a str,
    /// The chapter's page from the site root.
    pub href: &'a str,
    pub note: &'a str,
    pub added: bool,
    /// Stable across builds: the page's address, the date and, for a second note on the
    /// same day, its number. Empty without `base-url`.
    pub id: String,
    /// The absolute address of the page; empty without `base-url`.
    pub link: String,
}

#[derive(Serialize)]
struct DateGroup<'a> {
    date: String,
    entries: Vec<Entry<'a>>,
}

/// Every change note, newest first; on the same day, in reading order.
pub fn entries(book: &Book) -> Vec<Entry<'_>> {
    let base = base_url(book);
    let mut found: Vec<(Date, usize, usize, Entry<'_>)> = Vec::new();
    for (i, ch) in book.chapters.iter().enumerate() {
        for (k, c) in ch.upkeep.changes.iter().enumerate() {
            let Some(date) = Date::parse(&c.date.0) else {
                continue;
            };
            let same_day = ch.upkeep.changes[..k]
                .iter()
                .filter(|o| Date::parse(&o.date.0) == Some(date))
                .count();
            let (id, link) = match &base {
                Some(b) => {
                    let link = format!("{b}{}", ch.out_path);
                    let n = if same_day > 0 {
                        format!("-{}", same_day + 1)
                    } else {
                        String::new()
                    };
                    (format!("{link}#change-{date}{n}"), link)
                }
                None => (String::new(), String::new()),
            };
            found.push((
                date,
                i,
                k,
                Entry {
                    date: date.to_string(),
                    title: &ch.title,
                    href: &ch.out_path,
                    note: c.note.trim(),
                    added: c.added,
                    id,
                    link,
                },
            ));
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    found.into_iter().map(|(.., e)| e).collect()
}

fn base_url(book: &Book) -> Option<String> {
    book.config.build.base_url.as_ref().map(|u| {
        if u.ends_with('/') {
            u.clone()
        } else {
            format!("{u}/")
        }
    })
}

#[derive(Serialize)]
struct WhatsNewBody<'a> {
    groups: Vec<DateGroup<'a>>,
    feed: Option<&'static str>,
}

#[derive(Serialize)]
struct FeedCtx<'a> {
    title: &'a str,
    author: String,
    id: String,
    self_link: String,
    home_link: String,
    updated: String,
    entries: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct ReviewBody {
    review: review::Report,
}

/// `review.html`, when `[review]` asks for it.
pub fn review_page(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let book = site.book;
    if has_review_page(book) {
        let info = PageInfo {
            kind: FrameKind::Review,
            path: REVIEW,
            title: site.t("review_status"),
            description: "",
            part: None,
            chapter: None,
        };
        let body = ReviewBody {
            review: review::report(book, review::today()),
        };
        site.page(out, "review.html", REVIEW, site.frame(info, body))?;
    }
    Ok(())
}

/// `whats-new.html` and `feed.xml`, when the book has change notes.
pub fn whats_new(site: &Site<'_>, out: &dyn Sink) -> Result<(), Error> {
    let book = site.book;
    if !has_changes(book) {
        return Ok(());
    }
    let all = entries(book);
    let base = base_url(book);
    if let Some(base) = &base {
        let xml = site.render(
            "feed.xml",
            &FeedCtx {
                title: &book.config.title,
                author: if book.config.authors.is_empty() {
                    book.config.title.clone()
                } else {
                    book.config.authors.join(", ")
                },
                id: format!("{base}{FEED}"),
                self_link: format!("{base}{FEED}"),
                home_link: format!("{base}{WHATS_NEW}"),
                updated: all.first().map(|e| e.date.clone()).unwrap_or_default(),
                entries: all.iter().take(FEED_ENTRIES).cloned().collect(),
            },
        )?;
        out.write(FEED, xml.as_bytes()).map_err(Error::Output)?;
    }
    let mut groups: Vec<DateGroup<'_>> = Vec::new();
    for e in all {
        match groups.last_mut() {
            Some(g) if g.date == e.date => g.entries.push(e),
            _ => groups.push(DateGroup {
                date: e.date.clone(),
                entries: vec![e],
            }),
        }
    }
    let info = PageInfo {
        kind: FrameKind::WhatsNew,
        path: WHATS_NEW,
        title: site.t("whats_new"),
        description: "",
        part: None,
        chapter: None,
    };
    let body = WhatsNewBody {
        groups,
        feed: base.is_some().then_some(FEED),
    };
    site.page(out, "whats-new.html", WHATS_NEW, site.frame(info, body))
}
