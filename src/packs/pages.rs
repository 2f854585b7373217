//! A pack's files: home with agenda, chapters with pack-local navigation, desk cards,
//! a printable handout, a trainer's sheet and the SCORM launcher. The same renderer
//! serves the pack inside the site (links leaving the pack go to the handbook) and on
//! its own (such links become plain text).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::book::{slash_path, ChapterId};
use crate::course::agenda::{self, Agenda};
use crate::course::Pack;
use crate::markdown::{PageLink, TocEntry};
use crate::relink::{rewrite_attrs, SiteLink};
use crate::render::card::card_ctx;
use crate::render::{self, Chip, Frame, FrameKind, LinkCtx, Links, Nav, NavChapter, NavPart, Site};
use crate::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackMode {
    /// At `packs/<id>/` in the full site.
    InSite,
    /// A folder or SCORM package of its own.
    Standalone,
}

/// Files of a rendered pack, by path inside the pack, in a stable order.
pub type PackFiles = BTreeMap<String, Vec<u8>>;

struct Relinker<'a> {
    /// Site path of each chapter in the pack → its page in the pack.
    in_pack: HashMap<&'a str, &'a str>,
    /// Site path of every chapter of the book.
    out_paths: Vec<&'a str>,
    assets: HashSet<String>,
    mode: PackMode,
    /// What goes before and after the words of a link that leaves a standalone pack,
    /// from the theme's `partials/not-in-pack.html`.
    not_in_pack: (String, String),
}

impl Relinker<'_> {
    /// The pack's version of a link found in the page the site has at `from`. With
    /// `print_prefix`, links between chapters point inside one document.
    fn href(
        &self,
        attr: &str,
        value: &str,
        from: &str,
        print_prefix: Option<&str>,
        used: &mut Vec<String>,
    ) -> Option<String> {
        if attr == "id" {
            return print_prefix.map(|p| format!("{p}--{value}"));
        }
        let (target, href, frag) = match SiteLink::parse(value, from)? {
            SiteLink::Fragment(f) => return print_prefix.map(|p| format!("#{p}--{f}")),
            SiteLink::Page { target, href, frag } => (target, href, frag),
        };
        let frag_suffix = frag.map(|f| format!("#{f}")).unwrap_or_default();
        if let Some(slug) = self.in_pack.get(target.as_str()) {
            return Some(match (print_prefix, frag) {
                (Some(_), Some(f)) => format!("#{slug}--{f}"),
                (Some(_), None) => format!("#{slug}"),
                (None, _) => format!("{slug}.html{frag_suffix}"),
            });
        }
        match self.mode {
            PackMode::InSite => Some(format!("../../{href}{frag_suffix}")),
            PackMode::Standalone if self.assets.contains(&target) => {
                used.push(target);
                Some(format!("files/{href}"))
            }
            // Markdown links leaving the pack are text by now (see `unlink`); this is a
            // link in the chapter's own HTML, which is kept but goes nowhere.
            PackMode::Standalone => Some("#".to_owned()),
        }
    }

    /// The HTML with the Markdown links that leave a standalone pack made plain text:
    /// `<a href="...">text</a>` → `<span class="not-in-pack">text</span>`. The links
    /// are the ones the Markdown pass located, so HTML in a chapter cannot fake one.
    fn unlink<'h>(&self, html: &'h str, links: &[PageLink]) -> Cow<'h, str> {
        let leaves = |l: &&PageLink| {
            l.chapter
                .is_none_or(|i| !self.in_pack.contains_key(self.out_paths[i]))
        };
        if self.mode == PackMode::InSite || !links.iter().any(|l| leaves(&l)) {
            return Cow::Borrowed(html);
        }
        let mut out = String::with_capacity(html.len());
        let mut copied = 0;
        for link in links.iter().filter(leaves) {
            let (Some(before), Some(text)) = (
                html.get(copied..link.open.start),
                html.get(link.open.end..link.close.start),
            ) else {
                continue; // not in order or not in this HTML: leave the link alone
            };
            out.push_str(before);
            out.push_str(&self.not_in_pack.0);
            out.push_str(text);
            out.push_str(&self.not_in_pack.1);
            copied = link.close.end;
        }
        out.push_str(html.get(copied..).unwrap_or_default());
        Cow::Owned(out)
    }
}

/// The markup around a link's words once the link is gone: the theme's
/// `partials/not-in-pack.html`, cut where the words go (a broken template leaves them
/// bare; loading the theme reports it).
fn not_in_pack(site: &Site<'_>) -> (String, String) {
    const WORDS: &str = "\u{1}";
    let html = site
        .render(
            "partials/not-in-pack.html",
            &serde_json::json!({ "text": WORDS }),
        )
        .unwrap_or_default();
    match html.trim().split_once(WORDS) {
        Some((open, close)) => (open.to_owned(), close.to_owned()),
        None => (String::new(), String::new()),
    }
}

/// The pack's own search index (over its chapters only, written inside the pack), when
/// the site has search.
pub fn search_index(site: &Site<'_>, pack: &Pack) -> Option<crate::search::SearchIndex> {
    let book = site.book;
    let ids: Vec<ChapterId> = pack.chapters.iter().map(|c| c.id).collect();
    let url = |id: ChapterId| format!("{}.html", book.chapters[id].name);
    site.search_core()
        .and_then(|_| crate::search::build_for(site.model, &ids, &url))
}

pub struct PackRender<'a> {
    site: &'a Site<'a>,
    pack: &'a Pack,
    mode: PackMode,
    relinker: Relinker<'a>,
    minutes: Vec<u32>,
    agenda: Agenda,
    /// Search over the pack's chapters only, written inside the pack.
    search: Option<&'a crate::search::SearchIndex>,
}

impl<'a> PackRender<'a> {
    pub fn new(
        site: &'a Site<'a>,
        pack: &'a Pack,
        mode: PackMode,
        search: Option<&'a crate::search::SearchIndex>,
    ) -> Self {
        let book = site.book;
        let in_pack = pack
            .chapters
            .iter()
            .map(|c| {
                (
                    book.chapters[c.id].out_path.as_str(),
                    book.chapters[c.id].name.as_str(),
                )
            })
            .collect();
        let assets = book.assets.iter().map(|a| slash_path(a)).collect();
        let minutes = site.model.pack_minutes(pack);
        let agenda = agenda::plan_from(&minutes, pack.start, site.words());
        PackRender {
            site,
            pack,
            mode,
            relinker: Relinker {
                in_pack,
                out_paths: book.chapters.iter().map(|c| c.out_path.as_str()).collect(),
                assets,
                mode,
                not_in_pack: not_in_pack(site),
            },
            minutes,
            agenda,
            search,
        }
    }

    /// Every file of the pack. `zip_name` is linked from the home page when a SCORM
    /// package sits next to the pack.
    pub fn files(&self, zip_name: Option<&str>) -> Result<PackFiles, Error> {
        let mut files = PackFiles::new();
        let mut assets = Vec::new();
        for (pos, _) in self.pack.chapters.iter().enumerate() {
            let (path, html) = self.chapter_page(pos, &mut assets)?;
            files.insert(path, html.into_bytes());
        }
        files.insert("index.html".into(), self.home(zip_name)?.into_bytes());
        files.insert("cards.html".into(), self.cards()?.into_bytes());
        files.insert(
            "handout.html".into(),
            self.handout(&mut assets)?.into_bytes(),
        );
        files.insert("trainer.html".into(), self.trainer()?.into_bytes());
        files.insert(
            "scorm.html".into(),
            self.render("scorm.html", "extra", &self.pack.title, self.scorm_ctx())?
                .into_bytes(),
        );
        let statics = self.site.renderer.theme.statics.iter();
        // The pack builder's scripts serve the whole site's builder, not a pack.
        for (name, bytes) in statics.filter(|(n, _)| !super::builder::ASSETS.contains(&n.as_str()))
        {
            files.insert(format!("assets/{name}"), bytes.to_vec());
        }
        for (path, text) in self.search.iter().flat_map(|s| &s.files) {
            files.insert(path.clone(), text.clone().into_bytes());
        }
        for asset in assets {
            let bytes = std::fs::read(self.site.book.source_dir.join(&asset)).map_err(|error| {
                Error::Output(crate::output::OutputError::Io {
                    path: self.site.book.source_dir.join(&asset),
                    error,
                })
            })?;
            files.insert(format!("files/{asset}"), bytes);
        }
        Ok(files)
    }

    fn relink(
        &self,
        (html, links): (&str, &[PageLink]),
        from: &str,
        print_prefix: Option<&str>,
        used: &mut Vec<String>,
    ) -> String {
        let html = self.relinker.unlink(html, links);
        rewrite_attrs(&html, |attr, value| {
            self.relinker.href(attr, value, from, print_prefix, used)
        })
    }

    fn title(&self, pos: usize) -> &'a str {
        let pc = &self.pack.chapters[pos];
        pc.title
            .as_deref()
            .unwrap_or(&self.site.book.chapters[pc.id].title)
    }

    fn href(&self, pos: usize) -> String {
        format!(
            "{}.html",
            self.site.book.chapters[self.pack.chapters[pos].id].name
        )
    }

    fn nav(&self, current: Option<usize>) -> Nav<'a> {
        let chapters = (0..self.pack.chapters.len())
            .map(|p| NavChapter {
                link: LinkCtx {
                    title: self.title(p),
                    href: Cow::Owned(self.href(p)),
                    current: Some(p) == current,
                },
                children: Vec::new(),
            })
            .collect();
        let part = NavPart {
            root: false,
            id: 0,
            title: &self.pack.title,
            href: Cow::Borrowed("index.html"),
            current: true,
            page_current: current.is_none(),
            has_children: true,
            chapters,
            sections: Vec::new(),
        };
        Nav {
            parts: vec![part],
            script: false,
            current_part: Cow::Borrowed("index.html"),
        }
    }

    fn links(&self, role: &'static str) -> Links {
        let in_site = self.mode == PackMode::InSite;
        Links {
            brand: self.pack.title.clone(),
            home: "index.html",
            cards: "cards.html",
            print: "handout.html",
            print_label: self.site.t("handout").to_owned(),
            topics: in_site.then_some("../../tags/index.html"),
            audiences: in_site.then_some("../../audiences/index.html"),
            handbook: in_site.then_some("../../index.html"),
            pack_role: role,
            whats_new: None,
            review: None,
        }
    }

    fn render<T: Serialize>(
        &self,
        template: &str,
        role: &'static str,
        title: &str,
        body: T,
    ) -> Result<String, Error> {
        let frame = Frame {
            site: &self.site.renderer.site,
            root: String::new(),
            kind: kind_of(template),
            page_title: title,
            description: "",
            nav: self.nav(None),
            links: self.links(role),
            search: self.search.map(|s| s.core.as_str()),
            // A pack's mini-site travels alone (zipped for a learning platform).
            languages: Vec::new(),
            body,
        };
        self.site.render(template, &frame)
    }

    fn chapter_page(
        &self,
        pos: usize,
        assets: &mut Vec<String>,
    ) -> Result<(String, String), Error> {
        let book = self.site.book;
        let id = self.pack.chapters[pos].id;
        let ch = &book.chapters[id];
        let rendered = self.site.model.rendered(id);
        let html = self.relink(
            (&rendered.html, &rendered.page_links),
            &ch.out_path,
            None,
            assets,
        );
        // The check's links point where the pack's own links do.
        let quiz = rendered
            .quiz
            .as_ref()
            .map(|q| q.map_html(|h| self.relink((h, &[]), &ch.out_path, None, assets)));
        let mut ctx = render::chapter_ctx(self.site.model, id);
        ctx.title = self.title(pos);
        ctx.html = &html;
        ctx.quiz = quiz.as_ref();
        ctx.part = Some(LinkCtx {
            title: &self.pack.title,
            href: Cow::Borrowed("index.html"),
            current: false,
        });
        // A pack is one level: the handbook's sections are not its breadcrumbs.
        ctx.trail = Vec::new();
        ctx.prev = pos.checked_sub(1).map(|p| LinkCtx {
            title: self.title(p),
            href: Cow::Owned(self.href(p)),
            current: false,
        });
        ctx.next = (pos + 1 < self.pack.chapters.len()).then(|| LinkCtx {
            title: self.title(pos + 1),
            href: Cow::Owned(self.href(pos + 1)),
            current: false,
        });
        ctx.card_href = self
            .site
            .model
            .fit(id)
            .map(|_| format!("cards.html#card-{}", ch.name));
        let site_link = |href: String| {
            if self.mode == PackMode::InSite {
                format!("../../{href}")
            } else {
                String::new()
            }
        };
        ctx.tags = ctx
            .tags
            .into_iter()
            .map(|c| Chip {
                href: site_link(c.href),
                ..c
            })
            .collect();
        ctx.audiences = ctx
            .audiences
            .into_iter()
            .map(|c| Chip {
                href: site_link(c.href),
                ..c
            })
            .collect();
        let role = if pos + 1 == self.pack.chapters.len() {
            "last"
        } else {
            "chapter"
        };
        let frame = Frame {
            site: &self.site.renderer.site,
            root: String::new(),
            kind: FrameKind::Chapter,
            page_title: ctx.title,
            description: &ch.summary,
            nav: self.nav(Some(pos)),
            links: self.links(role),
            search: self.search.map(|s| s.core.as_str()),
            // A pack's mini-site travels alone (zipped for a learning platform).
            languages: Vec::new(),
            body: render::ChapterBody { chapter: ctx },
        };
        let page = self.site.render("chapter.html", &frame)?;
        Ok((self.href(pos), page))
    }

    /// What the SCORM runtime needs: the pack's pages in order with their number of
    /// questions, and the mastery score.
    fn scorm_ctx(&self) -> ScormBody {
        ScormBody {
            scorm: ScormCtx {
                pages: (0..self.pack.chapters.len())
                    .map(|p| self.href(p))
                    .collect(),
                questions: self
                    .pack
                    .chapters
                    .iter()
                    .map(|c| {
                        self.site
                            .model
                            .rendered(c.id)
                            .quiz
                            .as_ref()
                            .map_or(0, |q| q.len())
                    })
                    .collect(),
                mastery: self.pack.mastery,
            },
        }
    }

    fn agenda_rows(&self) -> Vec<AgendaRow<'a>> {
        self.agenda
            .slots
            .iter()
            .map(|s| match s.chapter {
                Some(p) => AgendaRow {
                    start: s.start.clone(),
                    end: s.end.clone(),
                    minutes: s.minutes,
                    title: Some(self.title(p)),
                    href: self.href(p),
                    summary: &self.site.book.chapters[self.pack.chapters[p].id].summary,
                },
                None => AgendaRow {
                    start: s.start.clone(),
                    end: s.end.clone(),
                    minutes: s.minutes,
                    title: None,
                    href: String::new(),
                    summary: "",
                },
            })
            .collect()
    }

    fn pack_ctx(&self, zip: Option<&str>) -> PackCtx<'a> {
        let book = self.site.book;
        let mut unused = Vec::new();
        PackCtx {
            id: &self.pack.id,
            title: &self.pack.title,
            intro_html: self.relink(
                (&self.pack.intro_html, &self.pack.intro_links),
                "index.html",
                None,
                &mut unused,
            ),
            audiences: self
                .pack
                .audience
                .iter()
                .map(|a| {
                    book.config
                        .audiences
                        .get(a)
                        .map_or(a.as_str(), |t| t.label.as_str())
                })
                .collect(),
            chapter_count: self.pack.chapters.len(),
            teaching: self.site.words().duration(self.agenda.teaching_minutes),
            total: self.agenda.total.clone(),
            breaks: self.agenda.breaks,
            break_minutes: agenda::BREAK_MINUTES,
            agenda: self.agenda_rows(),
            zip: zip.map(str::to_owned),
            handbook_title: &book.config.title,
            date: self
                .pack
                .date
                .as_deref()
                .and_then(|d| self.site.words().date_weekday(d)),
            builder_href: (self.mode == PackMode::InSite)
                .then(|| super::builder::edit_href(book, self.pack)),
        }
    }

    fn home(&self, zip: Option<&str>) -> Result<String, Error> {
        self.render(
            "pack.html",
            "home",
            &self.pack.title,
            PackBody {
                pack: self.pack_ctx(zip),
            },
        )
    }

    /// The pack's cards as HTML, with links to the pack's own chapter pages.
    fn card_list(&self) -> Result<Vec<String>, Error> {
        self.pack
            .chapters
            .iter()
            .filter_map(|pc| {
                let fit = self.site.model.fit(pc.id)?;
                let mut card = card_ctx(self.site.model, pc.id, fit);
                card.chapter_href = format!("{}.html", card.slug);
                Some(crate::render::card::render_card(self.site, "", card))
            })
            .collect()
    }

    fn cards(&self) -> Result<String, Error> {
        let cards = self.card_list()?;
        let heading = self
            .site
            .fill("course_pack", &[("title", &self.pack.title)]);
        let heading = crate::render::card::set_heading(self.site, &heading, cards.len());
        let cards = cards.iter().map(String::as_str).collect();
        let body = crate::render::card::CardsBody::single(heading.clone(), String::new(), cards);
        self.render("cards.html", "extra", &heading, body)
    }

    fn handout(&self, assets: &mut Vec<String>) -> Result<String, Error> {
        let book = self.site.book;
        let chapters = self
            .pack
            .chapters
            .iter()
            .enumerate()
            .map(|(pos, pc)| {
                let ch = &book.chapters[pc.id];
                let rendered = self.site.model.rendered(pc.id);
                // The check goes after the chapter's text as a worksheet, so its ids are
                // prefixed like the chapter's own.
                let html = match &rendered.quiz {
                    Some(q) => Cow::Owned(format!(
                        "{}{}",
                        rendered.html,
                        self.site
                            .quiz_html(q, crate::render::QuizMode::Worksheet, "")?
                    )),
                    None => Cow::Borrowed(rendered.html.as_str()),
                };
                let html = self.relink(
                    (&html, &rendered.page_links),
                    &ch.out_path,
                    Some(&ch.name),
                    assets,
                );
                Ok(HandoutChapter {
                    id: &ch.name,
                    title: self.title(pos),
                    summary: &ch.summary,
                    minutes: self.minutes[pos],
                    html: crate::relink::demote_headings(&html),
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let title = format!("{} (handout)", self.pack.title);
        let body = HandoutBody {
            pack: self.pack_ctx(None),
            chapters,
            cards: self.card_list()?,
            paper: paper_css(self.pack.paper),
        };
        self.render("handout.html", "extra", &title, body)
    }

    fn trainer(&self) -> Result<String, Error> {
        let book = self.site.book;
        let prompts = self
            .pack
            .chapters
            .iter()
            .enumerate()
            .map(|(pos, pc)| {
                let list = &self.site.model.rendered(pc.id).checklist;
                let quiz_key = self
                    .site
                    .model
                    .rendered(pc.id)
                    .quiz
                    .as_ref()
                    .map(|q| {
                        let prefix = format!("key-{}-", pos + 1);
                        let key = self
                            .site
                            .quiz_html(q, crate::render::QuizMode::Key, &prefix)?;
                        let from = &book.chapters[pc.id].out_path;
                        Ok::<_, Error>(self.relink((&key, &[]), from, None, &mut Vec::new()))
                    })
                    .transpose()?;
                Ok(TrainerChapter {
                    quiz_key,
                    title: self.title(pos),
                    href: self.href(pos),
                    minutes: self.minutes[pos],
                    summary: &book.chapters[pc.id].summary,
                    do_items: &list.do_items,
                    avoid_items: &list.avoid_items,
                    toc: &self.site.model.rendered(pc.id).toc,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let title = self
            .site
            .fill("trainers_sheet", &[("title", &self.pack.title)]);
        self.render(
            "trainer.html",
            "extra",
            &title,
            TrainerBody {
                pack: self.pack_ctx(None),
                prompts,
            },
        )
    }
}

fn kind_of(template: &str) -> FrameKind {
    match template {
        "cards.html" => FrameKind::Cards,
        "handout.html" => FrameKind::Print,
        _ => FrameKind::Pack,
    }
}

fn paper_css(p: crate::config::Paper) -> &'static str {
    match p {
        crate::config::Paper::A4 => "A4",
        crate::config::Paper::Letter => "letter",
    }
}

#[derive(Serialize)]
struct ScormBody {
    scorm: ScormCtx,
}

#[derive(Serialize)]
struct ScormCtx {
    pages: Vec<String>,
    questions: Vec<usize>,
    mastery: Option<u8>,
}

#[derive(Serialize)]
struct AgendaRow<'a> {
    start: String,
    end: String,
    minutes: u32,
    /// `None` for a break.
    title: Option<&'a str>,
    href: String,
    summary: &'a str,
}

#[derive(Serialize)]
struct PackCtx<'a> {
    id: &'a str,
    title: &'a str,
    intro_html: String,
    audiences: Vec<&'a str>,
    chapter_count: usize,
    teaching: String,
    total: String,
    breaks: usize,
    break_minutes: u32,
    agenda: Vec<AgendaRow<'a>>,
    zip: Option<String>,
    handbook_title: &'a str,
    /// The class's date, like "Thursday 3 December 2026".
    date: Option<String>,
    /// The pack builder with this pack's choices, for a pack inside the site.
    builder_href: Option<String>,
}

#[derive(Serialize)]
struct PackBody<'a> {
    pack: PackCtx<'a>,
}

#[derive(Serialize)]
struct HandoutChapter<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    minutes: u32,
    html: String,
}

#[derive(Serialize)]
struct HandoutBody<'a> {
    pack: PackCtx<'a>,
    chapters: Vec<HandoutChapter<'a>>,
    cards: Vec<String>,
    paper: &'static str,
}

#[derive(Serialize)]
struct TrainerChapter<'a> {
    title: &'a str,
    href: String,
    minutes: u32,
    summary: &'a str,
    do_items: &'a [crate::markdown::ChecklistItem],
    avoid_items: &'a [crate::markdown::ChecklistItem],
    toc: &'a [TocEntry],
    /// The answer key of the chapter's knowledge check, as HTML.
    quiz_key: Option<String>,
}

#[derive(Serialize)]
struct TrainerBody<'a> {
    pack: PackCtx<'a>,
    prompts: Vec<TrainerChapter<'a>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlink_keeps_the_text_of_located_links_only() {
        let relinker = Relinker {
            in_pack: HashMap::from([("a/in.html", "in")]),
            out_paths: vec!["a/in.html", "a/out.html"],
            assets: HashSet::new(),
            mode: PackMode::Standalone,
            not_in_pack: (
                "<span class=\"not-in-pack\" title=\"This chapter is in the full handbook, not in this pack\">".to_owned(),
                "</span>".to_owned(),
            ),
        };
        let html = "See <a href=\"out.html\" title=\"t\">the <em>other</em> chapter</a>, <a href=\"in.html\">this</a> and <a href=\"../b/\">a part</a>.";
        let at = |open: &str, close_after: &str| {
            let start = html.find(open).unwrap();
            let end = start + html[start..].find('>').unwrap() + 1;
            let close = start + html[start..].find(close_after).unwrap() + close_after.len();
            PageLink {
                chapter: None,
                open: start..end,
                close: close..close + 4,
            }
        };
        let links = [
            PageLink {
                chapter: Some(ChapterId::new(1)),
                ..at("<a href=\"out", "chapter")
            },
            PageLink {
                chapter: Some(ChapterId::new(0)),
                ..at("<a href=\"in", "this")
            },
            at("<a href=\"../b/", "a part"),
        ];
        assert_eq!(relinker.unlink(html, &links), "See <span class=\"not-in-pack\" title=\"This chapter is in the full handbook, not in this pack\">the <em>other</em> chapter</span>, <a href=\"in.html\">this</a> and <span class=\"not-in-pack\" title=\"This chapter is in the full handbook, not in this pack\">a part</span>.");
        let wrong = [PageLink {
            chapter: None,
            open: 5..9,
            close: 999..1003,
        }];
        assert_eq!(
            relinker.unlink(html, &wrong),
            html,
            "bad ranges are left alone"
        );
        let in_site = Relinker {
            mode: PackMode::InSite,
            ..relinker
        };
        assert_eq!(in_site.unlink(html, &links), html);
    }
}
