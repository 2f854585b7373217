//! The analysis: the book read, every chapter's Markdown rendered once, desk cards
//! measured, packs resolved, and everything checked. It is all `build`, `pack`, `serve`
//! and `check` need to know about the content; it knows nothing of pages or themes.

use std::path::Path;

use rayon::prelude::*;

use crate::book::{self, Book, Chapter, ChapterId};
use crate::cardfit::{self, CardFit};
use crate::config::Config;
use crate::course::{self, Pack};
use crate::diag::Diagnostic;
use crate::markdown::{self, anchor_hint, Doc, LinkTargets, Rendered};
use crate::memo::Memo;
use crate::progress::Stages;
use crate::Error;

/// The analysed book.
pub struct Analysis {
    pub book: Book,
    /// What each chapter became, by [`ChapterId`]: see [`ChapterOutput`].
    pub chapters: Vec<ChapterOutput>,
    /// Each part's introduction as HTML, by part index.
    pub intros: Vec<Intro>,
    /// The home page's text as HTML (from the chapters folder's `index.md` or
    /// `README.md`); empty without one.
    pub home: String,
    pub packs: Vec<Pack>,
    /// Warnings (errors stop the analysis).
    pub warnings: Vec<Diagnostic>,
}

/// One chapter's results: its Markdown rendered (HTML, contents, checklist, search
/// text, links) and its desk card's type sizes (`None` without a card).
pub struct ChapterOutput {
    pub rendered: Rendered,
    pub fit: Option<CardFit>,
    /// What `carebook check`'s linter found (see [`Analysis::linting`]).
    pub lint: Option<ProseFindings>,
}

/// Reads a chapter's prose while the analysis has it: the linter of `carebook check`.
pub trait ProseReader: Sync {
    fn read(&self, chapter: &Chapter, prose: &crate::markdown::prose::Prose) -> ProseFindings;
}

/// What a [`ProseReader`] found in one chapter.
#[derive(Debug, Default)]
pub struct ProseFindings {
    pub diagnostics: Vec<Diagnostic>,
    /// External links (`http(s)://`) with where each is, for `check --external`.
    pub links: Vec<(String, Diagnostic)>,
}

/// A part's introduction, rendered for each page it appears on.
pub struct Intro {
    pub part_page: String,
    pub home_page: String,
}

impl Analysis {
    /// Reads, renders and checks the book; all content problems come back together,
    /// sorted by severity and place.
    /// `memo` holds the last build's chapter analyses: a chapter whose inputs did not
    /// change is not rendered again (see `crate::memo`).
    pub fn run(
        root: &Path,
        config: Config,
        stages: &mut Stages,
        memo: Option<&Memo>,
    ) -> Result<Analysis, Error> {
        let (book, diags) = book::load(root, config);
        stages.lap("load");
        let (analysis, mut diags) = Analysis::of_with(root, book, diags, memo);
        stages.lap("markdown");
        sort(&mut diags);
        if diags.iter().any(Diagnostic::is_error) {
            return Err(Error::Content(diags));
        }
        Ok(Analysis {
            warnings: diags,
            ..analysis
        })
    }

    /// The analysis of a loaded book, with every diagnostic found (`diags` holds the
    /// loader's), errors included.
    pub fn of(root: &Path, book: Book, diags: Vec<Diagnostic>) -> (Analysis, Vec<Diagnostic>) {
        Self::with_reader(root, book, diags, None, None)
    }

    /// [`Analysis::of`], reusing the chapter analyses in `memo` whose inputs are the
    /// same and keeping the new ones in it (see `crate::memo`).
    pub fn of_with(
        root: &Path,
        book: Book,
        diags: Vec<Diagnostic>,
        memo: Option<&Memo>,
    ) -> (Analysis, Vec<Diagnostic>) {
        Self::with_reader(root, book, diags, None, memo)
    }

    /// The analysis `carebook check` lints: `reader` reads each chapter's prose from
    /// the same parse that renders it (kept in [`ChapterOutput::lint`]), while the
    /// chapter is at hand, so no chapter is parsed twice and no prose is held for the
    /// whole book.
    pub fn linting(
        root: &Path,
        book: Book,
        diags: Vec<Diagnostic>,
        reader: &dyn ProseReader,
    ) -> (Analysis, Vec<Diagnostic>) {
        Self::with_reader(root, book, diags, Some(reader), None)
    }

    fn with_reader(
        root: &Path,
        book: Book,
        mut diags: Vec<Diagnostic>,
        reader: Option<&dyn ProseReader>,
        memo: Option<&Memo>,
    ) -> (Analysis, Vec<Diagnostic>) {
        diags.extend(crate::review::validate(&book));
        let loaded = diags.len();
        let mut targets = LinkTargets::new(&book);
        targets.keep_prose = reader.is_some();
        // A linted chapter needs its prose, which the memo does not keep.
        let memo = memo
            .filter(|_| reader.is_none())
            .map(|m| (m, Memo::context(&book, targets.words())));
        // With a reader, chapters go in runs: each run is rendered, then its prose read,
        // so the reader (the linter's hundred patterns) works on warm caches and only a
        // run's prose is held at a time (8% less CPU at 10,000 chapters than reading
        // each chapter's right after rendering it).
        let run_len = if reader.is_some() { 32 } else { 1 };
        // A chapter's analysis: from the memo when its inputs did not change.
        let analyse = |ch: &Chapter, id: ChapterId| {
            let entry = memo.map(|(m, context)| (m, Memo::entry(context, &book, id)));
            if let Some((memo, entry)) = &entry {
                if let Some((rendered, fit)) = memo.get(entry) {
                    return ChapterOutput {
                        rendered,
                        fit,
                        lint: None,
                    };
                }
            }
            let out = analyse_chapter(ch, id, &targets);
            if let Some((memo, entry)) = &entry {
                memo.keep(entry, book.language, id, &out.rendered);
            }
            out
        };
        let chapters: Vec<ChapterOutput> = book
            .chapters
            .par_chunks(run_len)
            .enumerate()
            .flat_map_iter(|(run, chs)| {
                let first = run * run_len;
                let mut outs: Vec<ChapterOutput> = chs
                    .iter()
                    .enumerate()
                    .map(|(i, ch)| analyse(ch, ChapterId::new(first + i)))
                    .collect();
                if let Some(reader) = reader {
                    for (out, ch) in outs.iter_mut().zip(chs) {
                        if let Some(prose) = out.rendered.prose.take() {
                            out.lint = Some(reader.read(ch, &prose));
                        }
                    }
                }
                outs
            })
            .collect();
        // Only chapters are linted.
        targets.keep_prose = false;
        let intros = render_intros(&book, &targets, &mut diags);
        let home = render_home(&book, &targets, &mut diags);
        let mut analysis = Analysis {
            book,
            chapters,
            intros,
            home,
            packs: Vec::new(),
            warnings: Vec::new(),
        };
        // Copied, not taken: the chapter cache stores each chapter's analysis as it
        // is, its problems included, once the build is written (`Memo::save`).
        for out in &analysis.chapters {
            diags.extend(out.rendered.diagnostics.iter().cloned());
        }
        for from in analysis.book.chapter_ids() {
            diags.extend(analysis.broken_anchors_from(from, |_| true));
        }
        analysis.book.remap().diagnostics(&mut diags[loaded..]);
        diags.extend(crate::redirects::plan(&analysis.book).1);
        let (packs, pack_diags) = course::load(root, &analysis.book, &targets);
        analysis.packs = packs;
        diags.extend(pack_diags);
        (analysis, diags)
    }

    pub fn chapter(&self, id: ChapterId) -> &Chapter {
        &self.book.chapters[id]
    }

    pub fn rendered(&self, id: ChapterId) -> &Rendered {
        &self.chapters[id].rendered
    }

    pub fn fit(&self, id: ChapterId) -> Option<CardFit> {
        self.chapters[id].fit
    }

    /// Reading time: the front matter's `minutes`, else about 200 words a minute.
    pub fn minutes(&self, id: ChapterId) -> u32 {
        minutes(self.chapter(id), self.rendered(id))
    }

    /// A chapter's time in a class: its `class-minutes` (taught, with practice), else
    /// its reading time.
    pub fn class_minutes(&self, id: ChapterId) -> u32 {
        self.chapter(id)
            .class_minutes
            .unwrap_or_else(|| self.minutes(id))
    }

    /// Each chapter's class time in `pack`, in pack order.
    pub fn pack_minutes(&self, pack: &Pack) -> Vec<u32> {
        pack.chapters
            .iter()
            .map(|c| self.class_minutes(c.id))
            .collect()
    }

    /// One line per pack for `carebook pack --list` and the home page.
    pub fn pack_summaries(&self) -> Vec<course::PackSummary> {
        self.packs
            .iter()
            .map(|p| p.summary(&self.pack_minutes(p)))
            .collect()
    }

    /// Links from chapter `from` to headings of other chapters that do not exist, for
    /// the targets `wanted` selects.
    pub fn broken_anchors_from(
        &self,
        from: ChapterId,
        wanted: impl Fn(ChapterId) -> bool,
    ) -> Vec<Diagnostic> {
        broken_anchors(&self.book, |id| self.rendered(id), from, wanted)
    }
}

/// Reading time: the front matter's `minutes`, else about 200 words a minute.
pub fn minutes(chapter: &Chapter, rendered: &Rendered) -> u32 {
    chapter
        .minutes
        .unwrap_or_else(|| (rendered.words as u32).div_ceil(200).max(1))
}

/// Renders one chapter and measures its card; problems go into its diagnostics.
pub fn analyse_chapter(ch: &Chapter, id: ChapterId, targets: &LinkTargets) -> ChapterOutput {
    let mut rendered = markdown::render(&Doc::chapter(ch), Some(id), targets);
    let fit = cardfit::fit(ch, &rendered).unwrap_or_else(|d| {
        rendered.diagnostics.push(d);
        None
    });
    ChapterOutput {
        rendered,
        fit,
        lint: None,
    }
}

/// The home page's text, from the chapters folder's own page.
fn render_home(book: &Book, targets: &LinkTargets, diags: &mut Vec<Diagnostic>) -> String {
    let Some(home) = &book.home else {
        return String::new();
    };
    let doc = Doc {
        source: Path::new("index.md"),
        path: &home.file,
        text: &home.text,
        body_start: 0,
        out_path: crate::paths::HOME,
    };
    let mut r = markdown::render(&doc, None, targets);
    // The text was read without its front matter: its positions are not the file's.
    diags.extend(r.diagnostics.drain(..).map(|d| Diagnostic {
        line: 0,
        col: 0,
        ..d
    }));
    r.html
}

/// Every part's introduction, for its own page and, for top-level sections, the home
/// page (links differ).
fn render_intros(book: &Book, targets: &LinkTargets, diags: &mut Vec<Diagnostic>) -> Vec<Intro> {
    book.parts
        .iter()
        .map(|p| {
            let source = p.dir.join("index.md");
            let path = if p.upkeep.file.as_os_str().is_empty() {
                book.source_dir.join(&p.dir).join("_part.yaml")
            } else {
                p.upkeep.file.clone()
            };
            let mut render_at = |out_path: &str, report: bool| {
                let doc = Doc {
                    source: &source,
                    path: &path,
                    text: &p.intro,
                    body_start: 0,
                    out_path,
                };
                let mut r = markdown::render(&doc, None, targets);
                if report {
                    // Positions inside a YAML `intro:` value are not file positions.
                    diags.extend(r.diagnostics.drain(..).map(|d| Diagnostic {
                        line: 0,
                        col: 0,
                        ..d
                    }));
                }
                r.html
            };
            Intro {
                part_page: render_at(&p.out_path, true),
                // Only the top-level sections are shown on the home page.
                home_page: if p.depth <= 1 {
                    render_at("index.html", false)
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

/// Links from chapter `from` to headings of other chapters that do not exist, for the
/// targets `wanted` selects; `rendered` gives each chapter's Markdown results (`serve`
/// passes the edited chapters' new results before it keeps them).
pub fn broken_anchors<'r>(
    book: &Book,
    rendered: impl Fn(ChapterId) -> &'r Rendered,
    from: ChapterId,
    wanted: impl Fn(ChapterId) -> bool,
) -> Vec<Diagnostic> {
    let strict = book.config.build.broken_links == crate::config::Strictness::Error;
    let mut diags = Vec::new();
    for link in rendered(from)
        .anchor_links
        .iter()
        .filter(|l| wanted(l.target))
    {
        let target = rendered(link.target);
        if target.anchors.contains(&link.anchor) {
            continue;
        }
        let message = format!(
            "the link `{}` points to a heading `#{}` that is not in `{}`",
            link.link,
            link.anchor,
            book.chapters[link.target].source.display()
        );
        let mut d = Diagnostic::error(&book.chapters[from].path, link.pos, message);
        if let Some(h) = anchor_hint(&link.anchor, &target.anchors) {
            d = d.with_hint(h);
        }
        if !strict {
            d = d.with_severity(crate::diag::Severity::Warning);
        }
        diags.push(d);
    }
    diags
}

/// Diagnostics in the order they are shown: errors first, then by file and position.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (std::cmp::Reverse(a.severity), &a.path, a.line, a.col).cmp(&(
            std::cmp::Reverse(b.severity),
            &b.path,
            b.line,
            b.col,
        ))
    });
}
