//! The book as `serve` keeps it between changes, and how a change becomes a new site:
//! a chapter edit re-renders that chapter and the pages that show it; anything that
//! moves chapters around (new, deleted or renamed files, new titles or order, parts,
//! book.toml, packs, the theme) rebuilds everything.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use super::Files;
use crate::build::{self, BuildOptions, Prepared};
use crate::markdown::{self, ChecklistItem, Doc, LinkTargets, Rendered};
use crate::output::MemorySite;
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
    model: Option<(Arc<Prepared>, LinkTargets)>,
    deferred: Option<Deferred>,
}

/// A background rendering of the deferred pages, cancelled when the next change comes.
struct Deferred {
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<()>,
}

pub enum Change {
    Full,
    Chapters(Vec<usize>),
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

/// What a chapter shows on pages other than its own.
#[derive(PartialEq)]
struct Listing {
    summary: String,
    tags: Vec<String>,
    audience: Vec<String>,
    minutes: u32,
}

fn listing(p: &Prepared, i: usize) -> Listing {
    let ch = &p.book.chapters[i];
    Listing {
        summary: ch.summary.clone(),
        tags: ch.tags.clone(),
        audience: ch.audience.clone(),
        minutes: crate::render::minutes(ch, &p.rendered[i]),
    }
}

fn card_items(r: &Rendered) -> Vec<&ChecklistItem> {
    r.checklist
        .do_items
        .iter()
        .chain(&r.checklist.avoid_items)
        .collect()
}

/// What a chapter's desk card shows, to tell whether its card pages need rendering.
fn card_html(r: &Rendered) -> Vec<String> {
    card_items(r)
        .iter()
        .map(|c| {
            if c.critical {
                format!("!{}", c.html)
            } else {
                c.html.clone()
            }
        })
        .chain(r.checklist.callouts.iter().map(|c| c.html.clone()))
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
        let prepared = build::prepare(&self.root, config).map_err(|e| e.to_string())?;
        for w in &prepared.warnings {
            eprintln!("{w}");
        }
        let mem = MemorySite::default();
        prepared.site().write(&mem).map_err(|e| e.to_string())?;
        let targets = LinkTargets::new(&prepared.book);
        self.model = Some((Arc::new(prepared), targets));
        Ok(mem.into_files())
    }

    /// What a batch of changed paths asks for; `None` when none of them matters.
    pub fn classify(&self, paths: &[PathBuf]) -> Option<Change> {
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
        (!chapters.is_empty()).then_some(Change::Chapters(chapters))
    }

    /// The chapters that `{{#include}}` the file at `path`.
    fn includers(&self, path: &Path) -> Vec<usize> {
        let Some((p, _)) = self.model.as_ref() else {
            return Vec::new();
        };
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        (0..p.book.chapters.len())
            .filter(|&i| {
                let inc = &p.book.chapters[i].includes.real_files;
                inc.iter().skip(1).any(|f| *f == real || f == path)
            })
            .collect()
    }

    fn chapter_at(&self, src: &Path) -> Option<usize> {
        let (p, _) = self.model.as_ref()?;
        p.book.chapters.iter().position(|c| c.source == src)
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
        let Some((p, _)) = self.model.as_ref() else {
            return;
        };
        let prepared = Arc::clone(p);
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let handle = std::thread::spawn(move || {
            let stopped = || stop.load(Ordering::Relaxed);
            let mem = MemorySite::default();
            match prepared.site().write_print_unless(&mem, &stopped) {
                Ok(true) => {}
                Ok(false) => return,
                Err(e) => return publish(Err(e.to_string())),
            }
            if let (Some(core), false) = (&prepared.search_core, stopped()) {
                // Served pages keep the first build's core name; serve sends no
                // caching headers, so they get the new index under it.
                let fresh = crate::search::build(&prepared.book, &prepared.rendered, core);
                let _ = fresh.write(&mem);
            }
            if !stopped() {
                publish(Ok(mem.into_files()));
            }
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

    /// Re-reads and re-renders the chapters in `ids`; `None` when the edit moved things
    /// around and needs a full rebuild. On error the model is left as it was.
    fn update_chapters(&mut self, ids: &[usize], current: &Files) -> Result<Option<Files>, String> {
        let Some((shared, targets)) = self.model.as_mut() else {
            return Ok(None);
        };
        // `settle` ended the only other user of the model.
        let Some(p) = Arc::get_mut(shared) else {
            return Ok(None);
        };
        let mut fresh = Vec::new();
        let mut diags = Vec::new();
        for &i in ids {
            let (ch, mut d) = p.book.reload_chapter(i);
            let Some(ch) = ch else { return Ok(None) };
            let old = &p.book.chapters[i];
            // A new review date or change note shows on review.html and whats-new.html;
            // a new alias is a new redirect page.
            if (
                &ch.slug,
                &ch.title,
                ch.order,
                &ch.out_path,
                &ch.upkeep,
                &ch.aliases,
            ) != (
                &old.slug,
                &old.title,
                old.order,
                &old.out_path,
                &old.upkeep,
                &old.aliases,
            ) {
                return Ok(None);
            }
            d.extend(p.book.validate_terms(&ch));
            d.extend(crate::review::validate_chapter(&ch));
            let doc = Doc::chapter(&ch);
            let mut r = markdown::render(&doc, Some(i), targets);
            if (&r.facts_used, &ch.facts_used) != (&p.rendered[i].facts_used, &old.facts_used) {
                return Ok(None); // facts.html lists where each fact is used
            }
            let fit = crate::cards::fit(&ch, &r).unwrap_or_else(|e| {
                r.diagnostics.push(e);
                None
            });
            // Positions in included text belong to the included file.
            crate::include::Remap::for_chapter(&ch).diagnostics(&mut r.diagnostics);
            d.append(&mut r.diagnostics);
            diags.extend(d);
            fresh.push((i, ch, r, fit));
        }
        let before: Vec<(usize, Listing, Vec<String>)> = ids
            .iter()
            .map(|&i| (i, listing(p, i), card_html(&p.rendered[i])))
            .collect();
        let mut old = Vec::new();
        for (i, ch, r, fit) in fresh {
            old.push((
                i,
                std::mem::replace(&mut p.book.chapters[i], ch),
                std::mem::replace(&mut p.rendered[i], r),
                std::mem::replace(&mut p.fits[i], fit),
            ));
        }
        for j in 0..p.rendered.len() {
            diags.extend(build::broken_anchors_from(&p.book, &p.rendered, j, |t| {
                ids.contains(&t) || ids.contains(&j)
            }));
        }
        let terms_changed = before.iter().any(|(i, l, _)| {
            (&l.tags, &l.audience) != (&p.book.chapters[*i].tags, &p.book.chapters[*i].audience)
        });
        if terms_changed {
            let (packs, d) = crate::packs::load(&self.root, &p.book);
            diags.extend(d);
            p.packs = packs;
        }
        if diags.iter().any(crate::diag::Diagnostic::is_error) {
            for (i, ch, r, fit) in old {
                p.book.chapters[i] = ch;
                p.rendered[i] = r;
                p.fits[i] = fit;
            }
            return Err(Error::Content(diags).to_string());
        }
        for w in &diags {
            eprintln!("{w}");
        }
        render_changes(p, &before, current)
            .map(Some)
            .map_err(|e| e.to_string())
    }
}

/// Writes the pages that show the changed chapters into a copy of the served files.
fn render_changes(
    p: &Prepared,
    before: &[(usize, Listing, Vec<String>)],
    current: &Files,
) -> Result<Files, Error> {
    let site = p.site();
    let mem = MemorySite::default();
    let mut listings_changed = false;
    let mut cards_changed = false;
    let mut gone = Vec::new();
    for (i, old_listing, old_items) in before {
        let i = *i;
        site.write_chapter(i, &mem)?;
        listings_changed |= *old_listing != listing(p, i);
        let items: Vec<String> = card_html(&p.rendered[i]);
        if *old_items != items || p.fits[i].is_none() {
            cards_changed = true;
            let part = p.book.chapters[i].part;
            if !site.write_part_cards(part, &mem)? {
                gone.push(crate::cards::part_cards_path(&p.book, part));
            }
        }
        crate::packs::builder::write_changed(&site, i, &mem)?;
        for pack in p.packs.iter().filter(|pack| pack.contains(i)) {
            crate::packs::write_pack_in_site(&site, pack, &mem)?;
        }
    }
    if listings_changed {
        site.write_home(&mem)?;
        for (i, _, _) in before {
            site.write_part(p.book.chapters[*i].part, &mem)?;
        }
        site.write_all_terms(&mem)?;
    }
    if listings_changed || cards_changed {
        site.write_card_sets(&mem)?;
    }
    let mut files = current.clone();
    for path in gone {
        files.remove(&path);
    }
    files.extend(mem.into_files());
    Ok(files)
}
