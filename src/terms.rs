//! Tags and audiences: the two ways a book groups chapters besides its parts. Both are
//! declared in book.toml, listed, linked and carded the same way.

use crate::book::{Book, ChapterId};
use crate::config::Term;
use crate::paths::{audience_href, tag_href};

/// Tags and audiences are listed, linked and carded the same way; this says which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermKind {
    Tag,
    Audience,
}

impl TermKind {
    pub const ALL: [TermKind; 2] = [TermKind::Tag, TermKind::Audience];

    pub fn terms(self, book: &Book) -> &indexmap::IndexMap<String, Term> {
        match self {
            TermKind::Tag => &book.config.tags,
            TermKind::Audience => &book.config.audiences,
        }
    }
    pub fn chapters<'a>(
        self,
        book: &'a Book,
        id: &'a str,
    ) -> Box<dyn Iterator<Item = ChapterId> + 'a> {
        match self {
            TermKind::Tag => Box::new(book.chapters_tagged(id)),
            TermKind::Audience => Box::new(book.chapters_for(id)),
        }
    }
    pub fn href(self, id: &str) -> String {
        match self {
            TermKind::Tag => tag_href(id),
            TermKind::Audience => audience_href(id),
        }
    }
    /// The term's page, from the site root, as written to disk.
    pub fn path(self, id: &str) -> String {
        match self {
            TermKind::Tag => format!("tags/{id}.html"),
            TermKind::Audience => format!("audiences/{id}.html"),
        }
    }
    pub fn index(self) -> &'static str {
        match self {
            TermKind::Tag => "tags/index.html",
            TermKind::Audience => "audiences/index.html",
        }
    }
    /// The strings-table key of the kind's name ("Topic").
    pub fn key(self) -> &'static str {
        match self {
            TermKind::Tag => "topic",
            TermKind::Audience => "audience",
        }
    }
    /// The strings-table key of the kind's plural ("Topics").
    pub fn plural_key(self) -> &'static str {
        match self {
            TermKind::Tag => "topics",
            TermKind::Audience => "audiences",
        }
    }
    /// The page of desk cards for one tag or audience.
    pub fn card_set_path(self, id: &str) -> String {
        format!("checklists/{}", self.card_set_file(id))
    }
    /// That page's file name in `checklists/`.
    pub fn card_set_file(self, id: &str) -> String {
        match self {
            TermKind::Tag => format!("tag-{id}.html"),
            TermKind::Audience => format!("audience-{id}.html"),
        }
    }
}
