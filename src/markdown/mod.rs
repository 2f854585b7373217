//! The Markdown pass: one parse per chapter gives its HTML, heading ids and table of
//! contents, rewritten and checked links, its desk-card checklist and its plain text
//! by section for search.

pub mod callouts;
pub mod prose;
pub mod quiz;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::book::{slash_path, Book, ChapterId};
use crate::config::{ChecklistConfig, Strictness};
use crate::diag::{did_you_mean, Diagnostic, LineIndex, Pos};
use crate::rawhtml::{self, RawHtml};
use crate::source::normalize;

/// A Markdown document to render: a chapter or a part's introduction.
pub struct Doc<'a> {
    /// Path relative to the source dir; links resolve from its folder.
    pub source: &'a Path,
    /// Path shown in diagnostics.
    pub path: &'a Path,
    pub text: &'a str,
    pub body_start: usize,
    /// Where the page is written, relative to the site root.
    pub out_path: &'a str,
}

impl<'a> Doc<'a> {
    /// A chapter as a document to render.
    pub fn chapter(ch: &'a crate::book::Chapter) -> Self {
        Doc {
            source: &ch.source,
            path: &ch.path,
            text: &ch.text,
            body_start: ch.body_start,
            out_path: &ch.out_path,
        }
    }
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    /// Level-2 and level-3 headings, for the on-page contents.
    pub toc: Vec<TocEntry>,
    pub anchors: HashSet<String>,
    pub checklist: Checklist,
    /// Plain text by heading, for the search index and its excerpts.
    pub sections: Vec<Section>,
    pub words: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// `#anchor` links into other chapters, checked once every chapter is rendered.
    pub anchor_links: Vec<AnchorLink>,
    /// The book's facts this document uses, by name, for facts.html.
    pub facts_used: Vec<String>,
    /// The Markdown links to other pages, where they are in `html`.
    pub page_links: Vec<PageLink>,
    /// The chapter's knowledge check (its last section), drawn by the templates.
    pub quiz: Option<crate::markdown::quiz::Quiz>,
    /// The prose as the linter reads it, from the same parse, when the analysis was
    /// asked to keep it (`carebook check`); `None` for a build.
    pub prose: Option<prose::Prose>,
}

/// A Markdown link to a page of the site, located in the HTML while it was written, so
/// a course pack can turn the links that leave it into text without searching HTML
/// that authors wrote (and could make look like anything).
#[derive(Debug, Clone, PartialEq)]
pub struct PageLink {
    /// The chapter linked to; `None` for any other page (a part's page, or a link that
    /// does not resolve).
    pub chapter: Option<ChapterId>,
    /// The `<a ...>` start tag, as a byte range of the HTML.
    pub open: std::ops::Range<usize>,
    /// Its `</a>`.
    pub close: std::ops::Range<usize>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A heading and the plain text up to the next heading. Code blocks are left out: they
/// hold commands and samples, not words people search for.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Section {
    /// The heading's id; empty for text before the first heading.
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Default, Clone)]
pub struct Checklist {
    pub do_items: Vec<ChecklistItem>,
    pub avoid_items: Vec<ChecklistItem>,
    /// Byte offset (in the body) of the first Do/Avoid heading, for diagnostics.
    pub offset: Option<usize>,
    /// WARNING and CAUTION callouts of the checklist section, printed on the card.
    pub callouts: Vec<crate::markdown::callouts::CardCallout>,
}

impl Checklist {
    pub fn is_empty(&self) -> bool {
        self.do_items.is_empty() && self.avoid_items.is_empty()
    }

    /// Every item, Do then Avoid.
    pub fn items(&self) -> impl Iterator<Item = &ChecklistItem> {
        self.do_items.iter().chain(&self.avoid_items)
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ChecklistItem {
    /// Inline HTML (emphasis, code and links kept).
    pub html: String,
    pub text: String,
    /// Marked with a leading `!` (`- [ ] ! Confirm identity`): printed first in its
    /// group and emphasised. The `!` is not part of `html` or `text`.
    pub critical: bool,
    /// Byte offset of the item's text in the document body, for diagnostics.
    #[serde(skip)]
    pub offset: usize,
}

#[derive(Debug)]
pub struct AnchorLink {
    pub target: ChapterId,
    pub anchor: String,
    pub pos: Pos,
    pub link: String,
}

/// Where links can point: chapters, parts and asset files, by their normalized source path.
pub struct LinkTargets {
    /// Keep each chapter's prose for the linter (see `Rendered::prose`).
    pub keep_prose: bool,
    chapters: HashMap<PathBuf, ChapterId>,
    chapter_outs: Vec<String>,
    parts: HashMap<PathBuf, String>,
    assets: HashSet<PathBuf>,
    strictness: Strictness,
    checklists: ChecklistConfig,
    check_heading: String,
    raw_html: RawHtml,
    facts: indexmap::IndexMap<String, String>,
    /// Every chapter, part folder and file by its path in lowercase, for links that
    /// differ from the file's name only in letter case.
    folded: HashMap<String, PathBuf>,
    /// Chapters another language's site leaves out, where they are instead (see
    /// `Book::elsewhere`).
    elsewhere: HashMap<PathBuf, String>,
    /// The interface's words, for markdown's own labels (callout titles, footnote
    /// links, "Critical:"): the book's theme's table, in the book's language.
    words: crate::strings::Strings,
}

impl LinkTargets {
    /// The interface's words chapters are rendered with (callout titles, footnote
    /// labels), loaded once with the targets.
    pub fn words(&self) -> &crate::strings::Strings {
        &self.words
    }

    pub fn new(book: &Book) -> Self {
        LinkTargets {
            keep_prose: false,
            chapters: book
                .chapters
                .iter()
                .enumerate()
                .map(|(i, c)| (c.source.clone(), ChapterId::new(i)))
                .collect(),
            chapter_outs: book.chapters.iter().map(|c| c.out_path.clone()).collect(),
            // Every section's folder leads to its page; the chapters folder itself (a
            // link to `/README.md` or `../../`) to the home page.
            parts: book
                .parts
                .iter()
                .filter(|p| !p.dir.as_os_str().is_empty())
                .map(|p| (p.dir.clone(), p.out_path.clone()))
                .chain([(PathBuf::new(), crate::paths::HOME.to_owned())])
                .collect(),
            assets: book.assets.iter().cloned().collect(),
            strictness: book.config.build.broken_links,
            checklists: book.config.checklists.clone(),
            check_heading: book.config.checks.heading.clone(),
            raw_html: book.config.build.raw_html,
            facts: book.config.facts.clone(),
            folded: book
                .chapters
                .iter()
                .map(|c| &c.source)
                .chain(book.parts.iter().filter(|p| !p.is_root()).map(|p| &p.dir))
                .chain(&book.assets)
                .map(|p| (slash_path(p).to_lowercase(), p.clone()))
                .collect(),
            elsewhere: book.elsewhere.iter().cloned().collect(),
            words: crate::strings::Strings::for_book(book),
        }
    }
}

/// Whether a link names a folder's own page: `team/index.md` (MkDocs),
/// `team/README.md` (GitHub) and `team/_index.md` (Hugo) all mean the folder `team`.
fn is_folder_page(name: &std::ffi::OsStr) -> bool {
    crate::source::is_folder_page(&name.to_string_lossy().to_lowercase())
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_GFM
}

/// Renders one document. `index` is the chapter's own index, so links to itself resolve.
pub fn render(doc: &Doc<'_>, index: Option<ChapterId>, targets: &LinkTargets) -> Rendered {
    let body = &doc.text[doc.body_start..];
    let mut events: Vec<(Event<'_>, std::ops::Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();
    let prose = targets.keep_prose.then(|| {
        let avoid = &targets.checklists.avoid_headings;
        prose::of_events(&events, doc.text, doc.body_start, avoid)
    });
    let mut facts_used = Vec::new();
    let unknown_facts =
        crate::facts::substitute(&mut events, body, &targets.facts, &mut facts_used);
    let mut out = Rendered {
        facts_used,
        prose,
        ..Rendered::default()
    };
    let mut pass = Pass {
        doc,
        targets,
        index,
        lines: None,
        out: &mut out,
        self_anchors: Vec::new(),
        page_links: Vec::new(),
        resolved: Resolved::Kept,
    };
    for (offset, d) in unknown_facts {
        let pos = pass.pos(offset);
        pass.out.diagnostics.push(d.at(doc.path, pos));
    }
    for (offset, message, hint) in crate::markdown::callouts::near_misses(&events, body) {
        let pos = pass.pos(offset);
        let d = Diagnostic::warning(doc.path, pos, message).with_hint(hint);
        pass.out.diagnostics.push(d);
    }
    drop_leading_title(&mut events);
    if targets.raw_html != RawHtml::Allow {
        pass.check_raw_html(&mut events);
    }
    pass.assign_heading_ids(&mut events);
    pass.take_quiz(&mut events);
    pass.rewrite_links(&mut events);
    pass.rewrite_raw_links(&mut events);
    number_footnotes(&mut events, &mut pass.out.anchors, &targets.words);
    pass.check_self_anchors();
    let mut page_links = std::mem::take(&mut pass.page_links);
    // The parser keeps NUL characters, so a chapter holding one could fake a link
    // mark: its links are then not located (a pack points them nowhere instead).
    if let Some(nul) = body.find(LINK_MARK) {
        let pos = pass.pos(nul);
        let d = Diagnostic::warning(
            doc.path,
            pos,
            "this chapter contains a NUL character (an invisible control character, often from a copied PDF or a broken file)",
        )
        .with_hint("delete it: it shows as � on the page");
        pass.out.diagnostics.push(d);
        page_links.clear();
    }
    let critical = take_critical_marks(&mut events, &targets.checklists);
    out.checklist = extract_checklist(&events, &targets.checklists, &critical);
    out.checklist.callouts = crate::markdown::callouts::card_callouts(&events, &targets.checklists);
    out.words = count_words(&events);
    out.sections = extract_sections(&events);
    enable_task_boxes(&mut events, &critical, &targets.words);
    mark_lead_ins(&mut events);
    crate::markdown::callouts::render(&mut events, &targets.words);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    let marked = page_links.iter().map(|&(at, _)| at).collect();
    pulldown_cmark::html::push_html(&mut html, with_link_marks(events, marked));
    let chapters = page_links.iter().map(|&(_, chapter)| chapter);
    (out.html, out.page_links) = if page_links.is_empty() {
        (html, Vec::new())
    } else {
        take_link_marks(html, chapters)
    };
    if out.html.contains(LINK_MARK) {
        out.html = out.html.replace(LINK_MARK, "\u{FFFD}");
    }
    out
}

/// Written around each page link while the HTML is written, then taken out. Only used
/// for chapters without a NUL of their own.
const LINK_MARK: char = '\0';

/// The events with `LINK_MARK` before the links at the indexes `marked` (ascending)
/// and after their ends.
fn with_link_marks<'e>(
    events: Vec<(Event<'e>, std::ops::Range<usize>)>,
    marked: Vec<usize>,
) -> impl Iterator<Item = Event<'e>> {
    let mark = || Event::InlineHtml(CowStr::Borrowed("\0"));
    let mut next = marked.into_iter().peekable();
    let mut open = false;
    events.into_iter().enumerate().flat_map(move |(i, (e, _))| {
        let before = (next.peek() == Some(&i)).then(|| {
            next.next();
            open = true;
            mark()
        });
        let after = (open && matches!(e, Event::End(TagEnd::Link))).then(|| {
            open = false;
            mark()
        });
        before.into_iter().chain([e]).chain(after)
    })
}

/// The HTML without its link marks, and where the marked links are in it. A pair of
/// marks that does not hold exactly one `<a ...>...</a>` is dropped, never trusted.
fn take_link_marks(
    html: String,
    mut chapters: impl Iterator<Item = Option<ChapterId>>,
) -> (String, Vec<PageLink>) {
    let mut out = String::with_capacity(html.len());
    let mut links = Vec::new();
    let mut pieces = html.split(LINK_MARK);
    if let Some(first) = pieces.next() {
        out.push_str(first);
    }
    while let (Some(link), after) = (pieces.next(), pieces.next()) {
        let start = out.len();
        out.push_str(link);
        let chapter = chapters.next().flatten();
        let tag_end = link.find('>').map(|i| i + 1);
        if let Some(tag_end) = tag_end.filter(|_| link.starts_with("<a ") && link.ends_with("</a>"))
        {
            links.push(PageLink {
                chapter,
                open: start..start + tag_end,
                close: out.len() - 4..out.len(),
            });
        }
        out.push_str(after.unwrap_or_default());
    }
    (out, links)
}

/// The page template shows the title; a `# Title` opening the body would repeat it.
fn drop_leading_title(events: &mut Vec<(Event<'_>, std::ops::Range<usize>)>) {
    if let Some((
        Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        }),
        _,
    )) = events.first()
    {
        let end = events
            .iter()
            .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
            .unwrap_or(0);
        events.drain(..=end);
    }
}

struct Pass<'a, 'd> {
    doc: &'a Doc<'d>,
    targets: &'a LinkTargets,
    index: Option<ChapterId>,
    lines: Option<LineIndex<'d>>,
    out: &'a mut Rendered,
    self_anchors: Vec<(String, Pos, String)>,
    /// Event indexes of Markdown links to pages (not files), with the chapter linked to.
    page_links: Vec<(usize, Option<ChapterId>)>,
    /// What the last `resolve` found.
    resolved: Resolved,
}

/// What a link turned out to point to.
#[derive(Clone, Copy, PartialEq)]
enum Resolved {
    /// An external or same-page link, kept as written.
    Kept,
    Chapter(ChapterId),
    /// A file copied into the site (an image, a PDF).
    Asset,
    /// A part's page, or a link that does not resolve.
    OtherPage,
}

impl<'d> Pass<'_, 'd> {
    /// Takes the knowledge check out of the chapter (so the checklist, the card and
    /// search never see its options) and parses it; see `quiz.rs`.
    fn take_quiz(&mut self, events: &mut Vec<(Event<'d>, std::ops::Range<usize>)>) {
        let mut problems = Vec::new();
        let heading = self.targets.check_heading.as_str();
        let Some(mut section) = crate::markdown::quiz::split(events, heading, &mut problems) else {
            return;
        };
        self.rewrite_links(&mut section);
        // Links in the check are checked; only the chapter's own are located for packs.
        self.page_links.clear();
        crate::markdown::callouts::render(&mut section, &self.targets.words);
        self.out.quiz = crate::markdown::quiz::parse(&section, &mut problems);
        for p in problems {
            let pos = self.pos(p.offset);
            let d = Diagnostic::error(self.doc.path, pos, p.message).with_hint(p.hint);
            self.out.diagnostics.push(d);
        }
    }

    /// Where the link to `dest` that the parser found at `body_offset` is: its whole
    /// address when that is written there (a raw HTML `href`) or in the link's
    /// `](address)` on the same line, else the link's first character.
    fn link_pos(&mut self, body_offset: usize, dest: &str) -> Pos {
        let body = &self.doc.text[self.doc.body_start..];
        let rest = body.get(body_offset..).unwrap_or_default();
        let line = rest.split('\n').next().unwrap_or_default();
        let at = if line.starts_with(dest) {
            Some(0)
        } else {
            ["](", "](<"]
                .iter()
                .filter_map(|open| {
                    let i = line.find(&format!("{open}{dest}"))?;
                    Some(i + open.len())
                })
                .min()
        };
        match at {
            Some(i) if !dest.is_empty() => self.pos(body_offset + i).wide(dest.chars().count()),
            _ => self.pos(body_offset),
        }
    }

    fn pos(&mut self, body_offset: usize) -> Pos {
        let text = self.doc.text;
        self.lines
            .get_or_insert_with(|| LineIndex::new(text))
            .pos(self.doc.body_start + body_offset)
    }

    /// `raw-html = "warn"` or `"strip"`: reports (and with `strip` removes) what can run
    /// code: script elements, event handlers, script URLs in raw HTML and in links.
    fn check_raw_html(&mut self, events: &mut [(Event<'_>, std::ops::Range<usize>)]) {
        let strip = self.targets.raw_html == RawHtml::Strip;
        let mut scanner = rawhtml::Scanner::default();
        let mut i = 0;
        while i < events.len() {
            let Some(pieces) = HtmlRun::len_at(events, i) else {
                self.check_raw_event(&mut scanner, &mut events[i], strip);
                i += 1;
                continue;
            };
            let block = &mut events[i..i + pieces];
            i += pieces;
            let run = HtmlRun::gather(block);
            let found = scanner.scan(&run.text);
            for f in &found {
                let Some(message) = &f.message else { continue };
                let pos = self.pos(run.source(f.at));
                self.raw_html_warning(pos, message, strip);
            }
            if strip && !found.is_empty() {
                HtmlRun::put_back(block, rawhtml::strip(&run.text, &found));
            }
        }
    }

    fn check_raw_event(
        &mut self,
        scanner: &mut rawhtml::Scanner,
        (event, range): &mut (Event<'_>, std::ops::Range<usize>),
        strip: bool,
    ) {
        match event {
            // Text between an inline `<script>` and `</script>` is the script.
            Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak
                if strip && scanner.in_element() =>
            {
                *event = Event::Text(CowStr::Borrowed(""));
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if rawhtml::is_script_url(dest_url) =>
            {
                let message = format!(
                    "the link `{}` runs code in the reader's browser",
                    rawhtml::shorten(dest_url)
                );
                let pos = self.pos(range.start);
                self.raw_html_warning(pos, &message, strip);
                if strip {
                    *dest_url = CowStr::Borrowed("");
                }
            }
            _ => {}
        }
    }

    fn raw_html_warning(&mut self, pos: Pos, message: &str, strip: bool) {
        let (message, hint) = if strip {
            (
                format!("{message}; it was removed (`raw-html = \"strip\"` in book.toml)"),
                "delete it from the chapter, or put what it does in a theme you trust",
            )
        } else {
            (
                message.to_owned(),
                "delete it if this chapter's author is not trusted; `raw-html = \"strip\"` under [build] in book.toml removes such code from every page",
            )
        };
        let d = Diagnostic::warning(self.doc.path, pos, message).with_hint(hint);
        self.out.diagnostics.push(d);
    }

    fn assign_heading_ids(&mut self, events: &mut [(Event<'_>, std::ops::Range<usize>)]) {
        let mut used: HashMap<String, usize> = HashMap::new();
        for i in 0..events.len() {
            let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 else {
                continue;
            };
            let level = *level;
            let title = inline_text(&events[i + 1..]);
            let id = match id {
                Some(explicit) => explicit.to_string(),
                None => unique_id(github_id(&title), &mut used),
            };
            used.entry(id.clone()).or_insert(0);
            if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                self.out.toc.push(TocEntry {
                    level: level as u8,
                    id: id.clone(),
                    title,
                });
            }
            self.out.anchors.insert(id.clone());
            if let (Event::Start(Tag::Heading { id: slot, .. }), _) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
        }
    }

    fn rewrite_links(&mut self, events: &mut [(Event<'_>, std::ops::Range<usize>)]) {
        for (at, (event, range)) in events.iter_mut().enumerate() {
            let is_link = matches!(event, Event::Start(Tag::Link { .. }));
            let dest = match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }) if !matches!(
                    link_type,
                    pulldown_cmark::LinkType::Autolink | pulldown_cmark::LinkType::Email
                ) =>
                {
                    dest_url
                }
                Event::Start(Tag::Image { dest_url, .. }) => dest_url,
                _ => continue,
            };
            let start = range.start;
            self.resolved = Resolved::Kept;
            if let Some(new) = self.resolve(dest, start) {
                *dest = CowStr::from(new);
            }
            match self.resolved {
                Resolved::Chapter(i) if is_link => self.page_links.push((at, Some(i))),
                Resolved::OtherPage if is_link => self.page_links.push((at, None)),
                _ => {}
            }
        }
    }

    /// Links in raw HTML (`<a href>`, `<img src>`; see `rawhtml::links`) are checked
    /// and rewritten like Markdown links, so a handbook written for GitHub, where
    /// `<img src="team.png" width="200">` is common, works the same. An address of the
    /// built site written by hand (`x.html`), one to a place on the same page and one
    /// with character references are left as written.
    fn rewrite_raw_links(&mut self, events: &mut [(Event<'_>, std::ops::Range<usize>)]) {
        let mut i = 0;
        while i < events.len() {
            let Some(pieces) = HtmlRun::len_at(events, i) else {
                i += 1;
                continue;
            };
            let block = &mut events[i..i + pieces];
            i += pieces;
            let run = HtmlRun::gather(block);
            let mut out = String::new();
            let mut copied = 0;
            for link in rawhtml::links(&run.text) {
                let path = link.url.split(['#', '?']).next().unwrap_or_default();
                let by_hand = path.ends_with(".html") || path.ends_with(".htm");
                // `#top` may name an `<a name>` anchor, which only the browser knows.
                let skip = by_hand || link.url.starts_with('#') || link.url.contains('&');
                if skip || link.url.trim() != link.url {
                    continue;
                }
                self.resolved = Resolved::Kept;
                if let Some(new) = self.resolve(&link.url, run.source(link.value.start)) {
                    out.push_str(&run.text[copied..link.value.start]);
                    out.push_str(&escape_attr(&new));
                    copied = link.value.end;
                }
            }
            if copied > 0 {
                out.push_str(&run.text[copied..]);
                HtmlRun::put_back(block, out);
            }
        }
    }

    /// The rewritten link for `dest`, or `None` to keep it as written.
    fn resolve(&mut self, dest: &str, offset: usize) -> Option<String> {
        if is_external(dest) {
            return None;
        }
        let (path_part, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let path_part = path_part.split('?').next().unwrap_or("");
        if path_part.is_empty() {
            if let Some(f) = fragment {
                let pos = self.link_pos(offset, dest);
                self.self_anchors
                    .push((percent_decode(f), pos, dest.to_owned()));
            }
            return None;
        }
        let decoded = percent_decode(path_part);
        self.resolved = Resolved::OtherPage;
        let base = if decoded.starts_with('/') {
            PathBuf::new()
        } else {
            self.doc
                .source
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default()
        };
        let Some(target) = normalize(&base.join(decoded.trim_start_matches('/'))) else {
            let pos = self.link_pos(offset, dest);
            self.broken(
                pos,
                format!("the link `{dest}` points outside the chapters folder"),
                None,
            );
            return None;
        };
        let href = self.resolve_path(&target, dest, offset)?;
        Some(match fragment {
            Some(f) => format!("{href}#{f}"),
            None => href,
        })
    }

    fn resolve_path(&mut self, target: &Path, dest: &str, offset: usize) -> Option<String> {
        let from = self.doc.out_path;
        if let Some(&i) = self.targets.chapters.get(target) {
            if let Some(f) = dest.split_once('#').map(|(_, f)| percent_decode(f)) {
                let pos = self.link_pos(offset, dest);
                if Some(i) == self.index {
                    self.self_anchors.push((f, pos, dest.to_owned()));
                } else {
                    self.out.anchor_links.push(AnchorLink {
                        target: i,
                        anchor: f,
                        pos,
                        link: dest.to_owned(),
                    });
                }
            }
            self.resolved = Resolved::Chapter(i);
            return Some(href_to(from, &self.targets.chapter_outs[i]));
        }
        let part_dir = if target.file_name().is_some_and(is_folder_page) {
            target.parent().unwrap_or(target)
        } else {
            target
        };
        if let Some(out) = self.targets.parts.get(part_dir) {
            return Some(href_to(from, out));
        }
        if let Some(out) = self.targets.elsewhere.get(target) {
            return Some(href_to(from, out));
        }
        if self.targets.assets.contains(target) {
            self.resolved = Resolved::Asset;
            return Some(href_to(from, &slash_path(target)));
        }
        if let Some(href) = self.resolve_other_case(target, part_dir, dest, offset) {
            return Some(href);
        }
        let pos = self.link_pos(offset, dest);
        let is_md = target.extension().is_some_and(|e| e == "md");
        let (message, hint) = if is_md {
            (
                format!(
                    "the link `{dest}` points to a chapter that does not exist (`{}`)",
                    slash_path(target)
                ),
                self.chapter_hint(target),
            )
        } else {
            (
                format!(
                    "the link `{dest}` points to a file that does not exist (`{}`)",
                    slash_path(target)
                ),
                Some("put the file in the chapters folder, or fix the path".to_owned()),
            )
        };
        self.broken(pos, message, hint);
        None
    }

    /// A link to a chapter, folder or file that exists with other capital letters
    /// (`Team/Onboarding.md` for `team/onboarding.md`) works on Windows and macOS but
    /// not on GitHub or a web server: it is linked to the file, with a warning.
    fn resolve_other_case(
        &mut self,
        target: &Path,
        part_dir: &Path,
        dest: &str,
        offset: usize,
    ) -> Option<String> {
        let (found, _) = [target, part_dir].into_iter().find_map(|t| {
            let key = slash_path(t).to_lowercase();
            self.targets.folded.get(&key).map(|p| (p.clone(), t))
        })?;
        let href = self.resolve_path(&found, dest, offset)?;
        let pos = self.link_pos(offset, dest);
        let actual = slash_path(&found);
        let d = Diagnostic::warning(
            self.doc.path,
            pos,
            format!(
                "the link `{dest}` differs in capital letters from what it points to, `{actual}`"
            ),
        )
        .with_hint(format!(
            "write the link with the file's own capitals (`{actual}`): GitHub and most web servers treat them as different files"
        ));
        self.out.diagnostics.push(d);
        Some(href)
    }

    fn chapter_hint(&self, target: &Path) -> Option<String> {
        let name = target.file_name()?.to_string_lossy().into_owned();
        let names: Vec<(String, &PathBuf)> = self
            .targets
            .chapters
            .keys()
            .map(|p| {
                (
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    p,
                )
            })
            .collect();
        let best = did_you_mean(&name, names.iter().map(|(n, _)| n.as_str()))?;
        let path = names.iter().find(|(n, _)| n == best).map(|(_, p)| *p)?;
        let from_dir = self.doc.source.parent().map(slash_path).unwrap_or_default();
        let link = relative_href(&format!("{from_dir}/x"), &slash_path(path));
        Some(format!("did you mean `{link}`?"))
    }

    fn broken(&mut self, pos: Pos, message: String, hint: Option<String>) {
        let mut d = Diagnostic::error(self.doc.path, pos, message);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        if self.targets.strictness == Strictness::Warn {
            d = d.with_severity(crate::diag::Severity::Warning);
        }
        self.out.diagnostics.push(d);
    }

    fn check_self_anchors(&mut self) {
        for (anchor, pos, link) in std::mem::take(&mut self.self_anchors) {
            if !self.out.anchors.contains(&anchor) {
                let hint = anchor_hint(&anchor, &self.out.anchors);
                self.broken(pos, format!("the link `{link}` points to a heading `#{anchor}` that is not on this page"), hint);
            }
        }
    }
}

/// Footnotes get ids prefixed with `fn-` (so they cannot clash with heading ids), numbers
/// in order of first reference, and a link back to where they were cited.
fn number_footnotes(
    events: &mut [(Event<'_>, std::ops::Range<usize>)],
    anchors: &mut HashSet<String>,
    words: &crate::strings::Strings,
) {
    let back = escape_attr(words.get("footnote_back"));
    let mut numbers: HashMap<String, usize> = HashMap::new();
    for (event, _) in events.iter_mut() {
        let html = match event {
            Event::FootnoteReference(name) => {
                let next = numbers.len() + 1;
                let n = *numbers.entry(name.to_string()).or_insert(next);
                let id = footnote_id(name);
                let label = escape_attr(&words.fill("footnote_label", &[("n", &n.to_string())]));
                format!("<sup class=\"footnote-reference\" id=\"{id}-ref\"><a href=\"#{id}\" aria-label=\"{label}\">{n}</a></sup>")
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let next = numbers.len() + 1;
                let n = *numbers.entry(name.to_string()).or_insert(next);
                let id = footnote_id(name);
                anchors.insert(id.clone());
                format!("<div class=\"footnote-definition\" id=\"{id}\" role=\"note\"><sup class=\"footnote-definition-label\">{n}</sup> <a class=\"footnote-back\" href=\"#{id}-ref\" aria-label=\"{back}\">↩</a>")
            }
            Event::End(TagEnd::FootnoteDefinition) => "</div>\n".to_owned(),
            _ => continue,
        };
        *event = Event::Html(CowStr::from(html));
    }
}

fn footnote_id(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("fn-{cleaned}")
}

/// Task-list boxes become real checkboxes an agent can tick during a shift (the page
/// script remembers them), each named by its item's text for screen readers.
fn enable_task_boxes(
    events: &mut [(Event<'_>, std::ops::Range<usize>)],
    critical: &HashSet<usize>,
    words: &crate::strings::Strings,
) {
    let word = words.get("critical");
    // Shown before a critical item on the chapter page: a sign and the word, so it
    // reads the same in colour, in black and white and to a screen reader.
    let mark = format!(
        "<strong class=\"critical-mark\"><span aria-hidden=\"true\">⚠ </span>{}</strong> ",
        escape_attr(word)
    );
    for i in 0..events.len() {
        let Event::TaskListMarker(checked) = events[i].0 else {
            continue;
        };
        let text = inline_text(&events[i + 1..]);
        let checked = if checked { " checked" } else { "" };
        let html = if critical.contains(&i) {
            let label = escape_attr(&format!("{word} {text}"));
            format!("<input type=\"checkbox\" class=\"task-box\" aria-label=\"{label}\"{checked}> {mark}")
        } else {
            let label = escape_attr(&text);
            format!("<input type=\"checkbox\" class=\"task-box\" aria-label=\"{label}\"{checked}> ")
        };
        events[i].0 = Event::InlineHtml(CowStr::from(html));
    }
}

/// A paragraph ending in a colon ("Before:", "Try this:") introduces what follows; the
/// class lets print keep it on the same page as that.
fn mark_lead_ins(events: &mut [(Event<'_>, std::ops::Range<usize>)]) {
    let mut start = None;
    let mut colon = false;
    for i in 0..events.len() {
        match &events[i].0 {
            Event::Start(Tag::Paragraph) => (start, colon) = (Some(i), false),
            Event::Text(t) | Event::Code(t) => colon = t.trim_end().ends_with(':'),
            Event::End(TagEnd::Paragraph) => {
                if let Some(s) = start.take().filter(|_| colon) {
                    events[s].0 = Event::Html(CowStr::from("<p class=\"lead-in\">"));
                }
            }
            _ => {}
        }
    }
}

pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).unwrap_or_default();
    out
}

/// "did you mean" for a missing anchor, from the ids that do exist.
pub fn anchor_hint(anchor: &str, anchors: &HashSet<String>) -> Option<String> {
    did_you_mean(anchor, anchors.iter().map(String::as_str))
        .map(|a| format!("did you mean `#{a}`?"))
}

pub fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && !scheme.contains('/')
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        })
}

/// The plain text of the inline events up to the end of the current block.
fn inline_text(events: &[(Event<'_>, std::ops::Range<usize>)]) -> String {
    let mut s = String::new();
    for (e, _) in events {
        match e {
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item) => break,
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_owned()
}

/// The id GitHub gives a heading: lowercase, punctuation removed, spaces to hyphens.
pub fn github_id(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

fn unique_id(base: String, used: &mut HashMap<String, usize>) -> String {
    let base = if base.is_empty() {
        "section".to_owned()
    } else {
        base
    };
    let Some(&start) = used.get(&base) else {
        return base;
    };
    let mut n = start;
    loop {
        n += 1;
        let candidate = format!("{base}-{n}");
        if !used.contains_key(&candidate) {
            used.insert(base, n);
            return candidate;
        }
    }
}

/// A relative URL from the page at `from` to `to` (both site-root paths with `/`).
pub fn relative_href(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts[..to_parts.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    let mut href = "../".repeat(from_dirs.len() - common);
    href.push_str(&to_parts[common..].join("/"));
    href
}

/// The href from the page at `from` to the site file `to`, percent-encoded.
fn href_to(from: &str, to: &str) -> String {
    crate::url::encode_path(&relative_href(from, to)).into_owned()
}

/// `../` repeated once per folder above `page`: the way back to the site root.
pub fn root_prefix(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

/// A link's path or fragment, decoded for looking up files and ids. Bytes that are not
/// UTF-8 once decoded keep the text as written, which then matches nothing.
fn percent_decode(s: &str) -> String {
    crate::url::decode(s).map_or_else(|| s.to_owned(), std::borrow::Cow::into_owned)
}

#[derive(Clone, Copy, PartialEq)]
enum Group {
    Do,
    Avoid,
}

/// Task-list items under `Do` / `Avoid` headings (names from book.toml). A group runs
/// until the next heading of the same or a higher level.
pub fn extract_checklist(
    events: &[(Event<'_>, std::ops::Range<usize>)],
    names: &ChecklistConfig,
    critical: &HashSet<usize>,
) -> Checklist {
    let mut list = Checklist::default();
    let mut group: Option<(Group, HeadingLevel)> = None;
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::Heading { level, .. }) => {
                if group.is_some_and(|(_, gl)| *level <= gl) {
                    group = None;
                }
                let title = inline_text(&events[i + 1..]);
                if let Some(g) = group_for(&title, names) {
                    group = Some((g, *level));
                    list.offset.get_or_insert(events[i].1.start);
                }
            }
            Event::Start(Tag::Item)
                if group.is_some()
                    && matches!(events.get(i + 1), Some((Event::TaskListMarker(_), _))) =>
            {
                let end = matching_end(events, i);
                let mut item = item_from(&events[i + 2..end]);
                item.critical = critical.contains(&(i + 1));
                match group.map(|(g, _)| g) {
                    Some(Group::Do) => list.do_items.push(item),
                    _ => list.avoid_items.push(item),
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    // Critical items first, each group otherwise in the order written.
    list.do_items.sort_by_key(|item| !item.critical);
    list.avoid_items.sort_by_key(|item| !item.critical);
    list
}

/// Takes the `!` off critical checklist items (`- [ ] ! Confirm identity`, or
/// `- [ ] !Confirm identity`) so that neither the page, the card nor search shows it,
/// and returns the event indexes of their task-list markers.
fn take_critical_marks(
    events: &mut [(Event<'_>, std::ops::Range<usize>)],
    names: &ChecklistConfig,
) -> HashSet<usize> {
    let mut critical = HashSet::new();
    let mut group: Option<HeadingLevel> = None;
    for i in 0..events.len() {
        match &events[i].0 {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = *level;
                if group.is_some_and(|gl| level <= gl) {
                    group = None;
                }
                if group_for(&inline_text(&events[i + 1..]), names).is_some() {
                    group = Some(level);
                }
            }
            Event::TaskListMarker(_)
                if group.is_some()
                    && matches!(
                        events.get(i.wrapping_sub(1)),
                        Some((Event::Start(Tag::Item), _))
                    ) =>
            {
                let Some((Event::Text(t), _)) = events.get(i + 1) else {
                    continue;
                };
                let Some(rest) = t.trim_start().strip_prefix('!') else {
                    continue;
                };
                let rest = rest.trim_start().to_owned();
                let empty = rest.is_empty();
                events[i + 1].0 = Event::Text(CowStr::from(rest));
                // The parser may give the `!` a text event of its own.
                if empty {
                    if let Some((Event::Text(next), _)) = events.get(i + 2) {
                        let next = next.trim_start().to_owned();
                        events[i + 2].0 = Event::Text(CowStr::from(next));
                    }
                }
                critical.insert(i);
            }
            _ => {}
        }
    }
    critical
}

/// Whether the heading whose inline events start `after` names a Do/Avoid group.
pub(crate) fn is_checklist_heading(
    after: &[(Event<'_>, std::ops::Range<usize>)],
    names: &ChecklistConfig,
) -> bool {
    group_for(&inline_text(after), names).is_some()
}

fn group_for(title: &str, names: &ChecklistConfig) -> Option<Group> {
    let t = title.trim().trim_end_matches(':').trim();
    let matches = |list: &[String]| {
        list.iter()
            .any(|n| n.eq_ignore_ascii_case(t) || n.replace('\'', "’").eq_ignore_ascii_case(t))
    };
    if matches(&names.do_headings) {
        Some(Group::Do)
    } else if matches(&names.avoid_headings) {
        Some(Group::Avoid)
    } else {
        None
    }
}

fn matching_end(events: &[(Event<'_>, std::ops::Range<usize>)], start: usize) -> usize {
    let mut depth = 0;
    for (j, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(Tag::Item) => depth += 1,
            Event::End(TagEnd::Item) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn item_from(events: &[(Event<'_>, std::ops::Range<usize>)]) -> ChecklistItem {
    let inline = events.iter().map(|(e, _)| e.clone()).filter(|e| {
        !matches!(
            e,
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
        )
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, inline);
    let text = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            Event::SoftBreak => Some(" "),
            _ => None,
        })
        .collect::<String>();
    ChecklistItem {
        html: html.trim().to_owned(),
        text: text.trim().to_owned(),
        critical: false,
        offset: events.first().map_or(0, |(_, r)| r.start),
    }
}

fn extract_sections(events: &[(Event<'_>, std::ops::Range<usize>)]) -> Vec<Section> {
    let mut sections = vec![Section::default()];
    let (mut in_heading, mut in_code) = (false, false);
    for (e, _) in events {
        match e {
            Event::Start(Tag::Heading { id, .. }) => {
                in_heading = true;
                let id = id.as_deref().unwrap_or_default().to_owned();
                sections.push(Section {
                    id,
                    ..Section::default()
                });
                continue;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        let Some(current) = sections.last_mut() else {
            break;
        };
        let target = if in_heading {
            &mut current.title
        } else {
            &mut current.text
        };
        match e {
            Event::Text(t) | Event::Code(t) if !in_code => target.push_str(t),
            Event::SoftBreak | Event::HardBreak => target.push(' '),
            // Blocks and cells end with a space so their words do not run together.
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) if !target.is_empty() && !target.ends_with(' ') => target.push(' '),
            _ => {}
        }
    }
    for s in &mut sections {
        s.title.truncate(s.title.trim_end().len());
        s.text.truncate(s.text.trim_end().len());
    }
    sections.retain(|s| !(s.id.is_empty() && s.text.is_empty()));
    sections
}

fn count_words(events: &[(Event<'_>, std::ops::Range<usize>)]) -> usize {
    events
        .iter()
        .map(|(e, _)| match e {
            Event::Text(t) => words_in(t),
            _ => 0,
        })
        .sum()
}

/// `text.split_whitespace().count()`, without decoding characters when the text is
/// ASCII (almost always): the decoding was a tenth of the Markdown stage.
fn words_in(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // The ASCII characters `char::is_whitespace` accepts (which include \x0B, unlike
    // `u8::is_ascii_whitespace`).
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let bytes = text.as_bytes();
    let starts = bytes
        .windows(2)
        .filter(|w| space(w[0]) && !space(w[1]))
        .count();
    starts + usize::from(bytes.first().is_some_and(|&b| !space(b)))
}

/// Raw HTML as the Markdown parser hands it over, read as one text: an HTML block comes
/// one line per event, so a tag across lines is only seen whole when the lines are
/// joined. An inline tag is a run of one.
struct HtmlRun {
    text: String,
    /// Where each event's text starts in `text`, and in the chapter's body.
    starts: Vec<(usize, usize)>,
}

impl HtmlRun {
    /// How many events the run starting at `events[i]` has; `None` when that event is
    /// not raw HTML.
    fn len_at(events: &[(Event<'_>, std::ops::Range<usize>)], i: usize) -> Option<usize> {
        match &events.get(i)?.0 {
            Event::Html(_) => Some(
                events[i..]
                    .iter()
                    .take_while(|(e, _)| matches!(e, Event::Html(_)))
                    .count(),
            ),
            Event::InlineHtml(_) => Some(1),
            _ => None,
        }
    }

    fn gather(block: &[(Event<'_>, std::ops::Range<usize>)]) -> Self {
        let mut run = HtmlRun {
            text: String::new(),
            starts: Vec::with_capacity(block.len()),
        };
        for (e, range) in block {
            if let Event::Html(t) | Event::InlineHtml(t) = e {
                run.starts.push((run.text.len(), range.start));
                run.text.push_str(t);
            }
        }
        run
    }

    /// The body offset of byte `at` of the run's text, for locating a diagnostic.
    fn source(&self, at: usize) -> usize {
        let (from, source) = self
            .starts
            .iter()
            .rev()
            .find(|(start, _)| *start <= at)
            .copied()
            .unwrap_or((0, 0));
        source + (at - from)
    }

    /// Replaces the run's text with `text`, kept in its first event (the others are
    /// left empty, so the events keep their kinds and source ranges).
    fn put_back(block: &mut [(Event<'_>, std::ops::Range<usize>)], text: String) {
        let mut text = Some(CowStr::from(text));
        for (e, _) in block.iter_mut() {
            let t = text.take().unwrap_or(CowStr::Borrowed(""));
            match e {
                Event::InlineHtml(_) => *e = Event::InlineHtml(t),
                _ => *e = Event::Html(t),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_does() {
        for text in [
            "",
            " ",
            "one",
            " two words ",
            "tab\tand\nnew\x0Bline\x0C\rend",
            "  lead and trail  ",
            "non-ASCII\u{a0}space and café",
        ] {
            assert_eq!(words_in(text), text.split_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn github_ids_match_github() {
        assert_eq!(
            github_id("Hold, transfer & escalation"),
            "hold-transfer--escalation"
        );
        assert_eq!(github_id("Don’t say “no”"), "dont-say-no");
        assert_eq!(github_id("Step 2: ask_why"), "step-2-ask_why");
        assert_eq!(github_id("Café olé"), "café-olé");
    }

    #[test]
    fn duplicate_ids_get_suffixes() {
        let mut used = HashMap::new();
        let a = unique_id("do".into(), &mut used);
        used.insert(a.clone(), 0);
        let b = unique_id("do".into(), &mut used);
        used.insert(b.clone(), 0);
        let c = unique_id("do".into(), &mut used);
        assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("do", "do-1", "do-2"));
    }

    #[test]
    fn relative_hrefs() {
        assert_eq!(relative_href("a/b.html", "a/c.html"), "c.html");
        assert_eq!(relative_href("a/b.html", "d/c.html"), "../d/c.html");
        assert_eq!(relative_href("index.html", "d/c.html"), "d/c.html");
        assert_eq!(
            relative_href("a/b/c.html", "index.html"),
            "../../index.html"
        );
        assert_eq!(root_prefix("a/b/c.html"), "../../");
    }

    #[test]
    fn external_links_are_left_alone() {
        assert!(is_external("https://example.com"));
        assert!(is_external("mailto:a@b.c"));
        assert!(!is_external("../a.md"));
        assert!(!is_external("a.md#x:y"));
    }

    #[test]
    fn link_marks_locate_whole_links_only() {
        let html =
            "<p>\0<a href=\"a.html\" title=\"&gt;\">A <b>b</b></a>\0 and \0<img alt=\"x\">\0.</p>"
                .to_owned();
        let (html, links) = take_link_marks(html, [Some(ChapterId::new(3)), None].into_iter());
        assert_eq!(
            html,
            "<p><a href=\"a.html\" title=\"&gt;\">A <b>b</b></a> and <img alt=\"x\">.</p>"
        );
        assert_eq!(
            links,
            [PageLink {
                chapter: Some(ChapterId::new(3)),
                open: 3..33,
                close: 43..47
            }]
        );
        assert_eq!(
            (&html[3..33], &html[43..47]),
            ("<a href=\"a.html\" title=\"&gt;\">", "</a>")
        );
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("my%20file.md"), "my file.md");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%aé.md"), "%aé.md");
        assert_eq!(percent_decode("%FF.md"), "%FF.md");
    }

    fn checklist(md: &str) -> Checklist {
        let mut events: Vec<_> = Parser::new_ext(md, options()).into_offset_iter().collect();
        let names = ChecklistConfig::default();
        let critical = take_critical_marks(&mut events, &names);
        extract_checklist(&events, &names, &critical)
    }

    #[test]
    fn critical_items_lose_their_mark_and_come_first() {
        let c = checklist("### Do\n- [ ] Say your name.\n- [ ] ! Confirm *identity* first.\n- [ ] !Check the date.\n### Avoid\n- [ ] Guessing!\n- [ ] ! Reading out a card number.\n## Notes\n- [ ] ! Not on the card.\n");
        let got: Vec<(&str, bool)> = c.items().map(|i| (i.html.as_str(), i.critical)).collect();
        assert_eq!(
            got,
            [
                ("Confirm <em>identity</em> first.", true),
                ("Check the date.", true),
                ("Say your name.", false),
                ("Reading out a card number.", true),
                ("Guessing!", false),
            ]
        );
        assert_eq!(c.do_items[0].text, "Confirm identity first.");
    }

    #[test]
    fn checklist_groups_by_heading_and_keeps_formatting() {
        let c = checklist("## Checklist\n### Do\n- [ ] Say *your* name.\n- [x] Use `code`.\n- plain item\n### Avoid\n- [ ] Interrupting.\n## After\n- [ ] not on the card\n");
        let html: Vec<_> = c.do_items.iter().map(|i| i.html.as_str()).collect();
        assert_eq!(html, ["Say <em>your</em> name.", "Use <code>code</code>."]);
        assert_eq!(c.do_items[0].text, "Say your name.");
        assert_eq!(c.avoid_items.len(), 1);
    }

    #[test]
    fn sections_split_at_headings_and_skip_code() {
        let md = "Intro *here*.\n\n## First `one` {#first}\nText\nmore.\n\n```\nls -l\n```\n\n- a\n- b\n\n### Sub\n| x | y |\n|---|---|\n| 1 | 2 |\n";
        let mut events: Vec<_> = Parser::new_ext(md, options()).into_offset_iter().collect();
        for (e, _) in &mut events {
            if let Event::Start(Tag::Heading { id, .. }) = e {
                id.get_or_insert(CowStr::from("sub"));
            }
        }
        let s = extract_sections(&events);
        let got: Vec<(&str, &str, &str)> = s
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("", "", "Intro here."),
                ("first", "First one", "Text more. a b"),
                ("sub", "Sub", "x y 1 2"),
            ]
        );
    }

    #[test]
    fn checklist_missing_groups_are_empty() {
        let c = checklist("# T\n- [ ] loose task\n");
        assert!(c.do_items.is_empty() && c.avoid_items.is_empty());
        let c = checklist("### Don't\n- [ ] Guessing.\n");
        assert_eq!(c.avoid_items.len(), 1, "smart quotes still match");
    }
}
