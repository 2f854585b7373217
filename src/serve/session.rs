//! The book as `serve` keeps it between changes, and how a change becomes a new site:
//! a chapter edit re-renders that chapter and the pages that show it; anything that
//! moves chapters around (new, deleted or renamed files, new titles or order, parts,
//! book.toml, packs, the theme) rebuilds everything.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use rayon::prelude::*;

use super::Files;
use crate::analysis::{analyse_chapter, broken_anchors, Analysis, ChapterOutput};
use crate::book::{Chapter, ChapterId};
use crate::build::{self, BuildOptions, Prepared};
use crate::markdown::LinkTargets;
use crate::output::MemorySite;
use crate::pages::{card, listing, Aspects, Page, PageKind};
use crate::Error;

pub struct Session {
    /// The book folder as given, so messages show paths the way the user wrote them.
    root: PathBuf,
    /// The same folder made absolute, to match the paths the file watcher reports.
    watched: PathBuf,
    opts: BuildOptions,
    source_dir: PathBuf,
    output_dir: PathBuf,
    /// The last good build; `None` until one succeeds. Shared with the thread that
    /// renders deferred pages, which only reads it.
    model: Option<Arc<Model>>,
    deferred: Option<Deferred>,
}

/// A good build as `serve` keeps it: the analysis, its page list, and the files each
/// page wrote, so a page rendered again can drop files it no longer writes.
struct Model {
    prepared: Prepared,
    targets: LinkTargets,
    pages: Vec<Page>,
    written: HashMap<PageKind, Vec<String>>,
}

/// A background rendering of the deferred pages, cancelled when the next change comes.
struct Deferred {
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<()>,
}

pub enum Change {
    Full,
    Chapters(Vec<ChapterId>),
}

impl Change {
    pub fn describe(&self) -> String {
        match self {
            Change::Full => "the whole site".to_owned(),
            Change::Chapters(ids) if ids.len() == 1 => "1 chapter".to_owned(),
            Change::Chapters(ids) => format!("{} chapters", ids.len()),
        }
    }
}

/// A chapter read and rendered again, not yet part of the model.
struct Fresh {
    id: ChapterId,
    chapter: Chapter,
    output: ChapterOutput,
    /// What changed, for finding the pages to render again.
    changed: Aspects,
}

/// Renders `pages` side by side, each into files of its own.
fn render_pages<'p>(
    prepared: &Prepared,
    pages: impl IntoParallelIterator<Item = &'p Page>,
) -> Result<Vec<(PageKind, Files)>, Error> {
    let site = prepared.site();
    pages
        .into_par_iter()
        .map(|page| {
            let mem = MemorySite::default();
            page.render(&site, &mem)?;
            Ok((page.kind.clone(), mem.into_files()))
        })
        .collect()
}

impl Session {
    pub fn start(root: &Path, drafts: bool) -> Result<Session, Error> {
        let watched = std::fs::canonicalize(root).map_err(|e| {
            Error::Usage(format!(
                "cannot open the book folder {}: {e}",
                root.display()
            ))
        })?;
        let opts = BuildOptions {
            drafts,
            ..Default::default()
        };
        let config = build::configure(root, &opts)?;
        build::check_source(root, &config)?;
        let source_dir = watched.join(&config.build.source);
        let output_dir = watched.join(&config.build.output);
        Ok(Session {
            root: root.to_path_buf(),
            watched,
            opts,
            source_dir,
            output_dir,
            model: None,
            deferred: None,
        })
    }

    /// The folder to watch for changes.
    pub fn watched(&self) -> &Path {
        &self.watched
    }

    /// Builds everything; the files, and the diagnostics text when the build failed.
    pub fn render_all(&mut self) -> (Option<Files>, Result<(), String>) {
        match self.full() {
            Ok(files) => (Some(files), Ok(())),
            Err(text) => (None, Err(text)),
        }
    }

    fn full(&mut self) -> Result<Files, String> {
        let config = build::configure(&self.root, &self.opts).map_err(|e| e.to_string())?;
        let prepared = build::prepare(&self.root, config, None, None).map_err(|e| e.to_string())?;
        for w in &prepared.analysis.warnings {
            eprintln!("{w}");
        }
        let pages = crate::pages::site_pages(&prepared.analysis);
        let rendered = render_pages(&prepared, &pages).map_err(|e| e.to_string())?;
        let mut files = Files::new();
        let mut written = HashMap::new();
        for (kind, page_files) in rendered {
            written.insert(kind, page_files.keys().cloned().collect());
            files.extend(page_files);
        }
        // The book's other languages, each under its folder. An edit re-renders them
        // all (see `classify`): their pages are not tracked one by one.
        for (prefix, site) in prepared.sites().into_iter().skip(1) {
            let pages = crate::pages::site_pages(site.model);
            let mem = MemorySite::default();
            let sink = crate::output::Prefixed {
                inner: &mem,
                prefix,
            };
            pages
                .par_iter()
                .try_for_each(|page| page.render(&site, &sink))
                .map_err(|e| e.to_string())?;
            files.extend(mem.into_files());
        }
        let targets = LinkTargets::new(&prepared.analysis.book);
        self.model = Some(Arc::new(Model {
            prepared,
            targets,
            pages,
            written,
        }));
        Ok(files)
    }

    /// What a batch of changed paths asks for; `None` when none of them matters.
    pub fn classify(&self, paths: &[PathBuf]) -> Option<Change> {
        let multilingual = self
            .model
            .as_ref()
            .is_some_and(|m| !m.prepared.translations.is_empty());
        let mut chapters = Vec::new();
        for path in paths.iter().filter(|p| !self.ignored(p)) {
            let Ok(rel) = path.strip_prefix(&self.watched) else {
                continue;
            };
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default();
            if rel == Path::new(crate::config::CONFIG_FILE)
                || first == "themes"
                || first == crate::packs::PACKS_DIR
            {
                return Some(Change::Full);
            }
            let Ok(src) = path.strip_prefix(&self.source_dir) else {
                // A snippet re-renders the chapters that include it.
                chapters.extend(self.includers(path));
                continue;
            };
            match self.chapter_at(src) {
                Some(i) if path.is_file() => chapters.push(i),
                _ => return Some(Change::Full),
            }
        }
        chapters.sort_unstable();
        chapters.dedup();
        if multilingual && !chapters.is_empty() {
            // A chapter's text is also the other languages' fallback.
            return Some(Change::Full);
        }
        (!chapters.is_empty()).then_some(Change::Chapters(chapters))
    }

    /// The chapters that `{{#include}}` the file at `path`.
    fn includers(&self, path: &Path) -> Vec<ChapterId> {
        let Some(model) = self.model.as_ref() else {
            return Vec::new();
        };
        let book = &model.prepared.analysis.book;
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        book.chapter_ids()
            .filter(|&id| {
                let inc = &book.chapters[id].includes.real_files;
                inc.iter().skip(1).any(|f| *f == real || f == path)
            })
            .collect()
    }

    fn chapter_at(&self, src: &Path) -> Option<ChapterId> {
        let book = &self.model.as_ref()?.prepared.analysis.book;
        book.chapter_ids()
            .find(|&id| book.chapters[id].source == src)
    }

    /// Our own output, version control, build folders and editors' scratch files.
    fn ignored(&self, path: &Path) -> bool {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let scratch = name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".swx")
            || name == "4913"
            || name.starts_with(".#");
        let hidden = path.strip_prefix(&self.watched).is_ok_and(|rel| {
            rel.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        });
        scratch
            || hidden
            || path.starts_with(&self.output_dir)
            || path.starts_with(self.watched.join("target"))
    }

    /// Renders what depends on every chapter (print.html, the search index) on another
    /// thread, after the reload signal, so a big book's edit is not held up by them;
    /// `publish` gets the files. A newer change cancels it.
    pub fn spawn_deferred(&mut self, publish: impl FnOnce(Result<Files, String>) + Send + 'static) {
        self.settle();
        let Some(model) = self.model.as_ref() else {
            return;
        };
        let model = Arc::clone(model);
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let handle = std::thread::spawn(move || {
            let stopped = || stop.load(Ordering::Relaxed);
            let site = model.prepared.site();
            let mem = MemorySite::default();
            // Served pages keep the first build's search core name; serve sends no
            // caching headers, so they get the new index under it.
            for page in model.pages.iter().filter(|p| p.deferred()) {
                match page.render_unless(&site, &mem, &stopped) {
                    Ok(true) if !stopped() => {}
                    Ok(_) => return,
                    Err(e) => return publish(Err(e.to_string())),
                }
            }
            publish(Ok(mem.into_files()));
        });
        self.deferred = Some(Deferred { cancel, handle });
    }

    /// Stops a deferred rendering still under way, so the model can change.
    fn settle(&mut self) {
        if let Some(d) = self.deferred.take() {
            d.cancel.store(true, Ordering::Relaxed);
            let _ = d.handle.join();
        }
    }

    /// The new site after `change`, built on the files served now.
    pub fn apply(&mut self, change: Change, current: &Files) -> Result<Files, String> {
        self.settle();
        match change {
            Change::Full => self.full(),
            Change::Chapters(ids) => match self.update_chapters(&ids, current)? {
                Some(files) => Ok(files),
                None => self.full(),
            },
        }
    }

    /// Re-reads and re-renders the chapters in `ids`, then the pages that show what
    /// changed; `None` when the edit moved things around and needs a full rebuild. The
    /// model changes only once every check has passed.
    fn update_chapters(
        &mut self,
        ids: &[ChapterId],
        current: &Files,
    ) -> Result<Option<Files>, String> {
        let Some(model) = self.model.as_ref() else {
            return Ok(None);
        };
        let Some(fresh) = reread(model, ids)? else {
            return Ok(None);
        };
        // `settle` ended the only other user of the model.
        let Some(model) = self.model.as_mut().and_then(Arc::get_mut) else {
            return Ok(None);
        };
        let analysis = &mut model.prepared.analysis;
        let mut changed = Vec::new();
        for f in fresh {
            analysis.book.chapters[f.id] = f.chapter;
            analysis.chapters[f.id] = f.output;
            changed.push((f.id, f.changed));
        }
        let pages: Vec<&Page> = model
            .pages
            .iter()
            .filter(|p| !p.deferred())
            .filter(|p| changed.iter().any(|&(id, a)| p.inputs.uses(id, a)))
            .collect();
        let rendered = render_pages(&model.prepared, pages).map_err(|e| e.to_string())?;
        let mut files = current.clone();
        for (kind, page_files) in rendered {
            let now: Vec<String> = page_files.keys().cloned().collect();
            for gone in model.written.get(&kind).into_iter().flatten() {
                if !page_files.contains_key(gone) {
                    files.remove(gone);
                }
            }
            model.written.insert(kind, now);
            files.extend(page_files);
        }
        Ok(Some(files))
    }
}

/// The chapters in `ids` read and rendered again and checked against the rest of the
/// book, without changing the model; `None` when an edit changes more than these
/// chapters' pages (a new title, order, slug, tags or audiences, review dates, change
/// notes, aliases or facts, which other pages list), so a full rebuild is needed.
fn reread(model: &Model, ids: &[ChapterId]) -> Result<Option<Vec<Fresh>>, String> {
    let analysis: &Analysis = &model.prepared.analysis;
    let mut fresh = Vec::new();
    let mut diags = Vec::new();
    for &id in ids {
        let (ch, mut d) = analysis.book.reload_chapter(id.index());
        let Some(ch) = ch else { return Ok(None) };
        let old = analysis.chapter(id);
        let before = analysis.rendered(id);
        let mut output = analyse_chapter(&ch, id, &model.targets);
        let moved =
            crate::pages::structure(&ch, &output.rendered) != crate::pages::structure(old, before);
        if moved {
            return Ok(None);
        }
        d.extend(analysis.book.validate_terms(&ch));
        d.extend(crate::review::validate_chapter(&ch));
        // Positions in included text belong to the included file.
        crate::include::Remap::new([(ch.path.as_path(), &ch.includes)])
            .diagnostics(&mut output.rendered.diagnostics);
        d.append(&mut output.rendered.diagnostics);
        diags.extend(d);
        let mut changed = Aspects::TEXT;
        if listing(&ch, &output.rendered) != listing(old, before) {
            changed = changed.and(Aspects::LISTING);
        }
        if card(&ch, &output) != card(old, &analysis.chapters[id]) {
            changed = changed.and(Aspects::CARD);
        }
        fresh.push(Fresh {
            id,
            chapter: ch,
            output,
            changed,
        });
    }
    // Links into the edited chapters, and out of them, with their new headings.
    let rendered = |id: ChapterId| {
        fresh
            .iter()
            .find(|f| f.id == id)
            .map_or_else(|| analysis.rendered(id), |f| &f.output.rendered)
    };
    for from in analysis.book.chapter_ids() {
        diags.extend(broken_anchors(&analysis.book, rendered, from, |to| {
            ids.contains(&to) || ids.contains(&from)
        }));
    }
    if diags.iter().any(crate::diag::Diagnostic::is_error) {
        return Err(Error::Content(diags).to_string());
    }
    for w in &diags {
        eprintln!("{w}");
    }
    Ok(Some(fresh))
}
