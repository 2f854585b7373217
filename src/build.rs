//! The build pipeline: configuration → book → Markdown → checks → site, written to a
//! staging folder and swapped into place only when everything succeeded.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::book::{self, Book, Chapter};
use crate::cache::{Manifest, PageRecord};
use crate::config::Config;
use crate::diag::{Diagnostic, Pos};
use crate::memo::Memo;
use crate::output::{OutputLock, OutputPath, Previous, Sink, Staging};
use crate::progress::Stages;
use crate::render::{Renderer, Site, Theme};
use crate::Error;

/// What the command line can change for one build.
#[derive(Debug, Default, Clone)]
pub struct BuildOptions {
    /// Output folder; default `[build] output` relative to the book.
    pub out: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Receives the name of each build stage as it finishes.
    pub progress: Option<Sender<&'static str>>,
    /// Renders and writes everything, ignoring the build cache (`--force`).
    pub force: bool,
}

#[derive(Debug)]
pub struct BuildReport {
    pub out_dir: PathBuf,
    pub chapters: usize,
    pub files: usize,
    pub bytes: u64,
    pub warnings: Vec<Diagnostic>,
    /// Wall time per stage, for `--timings`.
    pub timings: Vec<(&'static str, Duration)>,
    /// Files written anew and files kept from the previous site.
    pub written: crate::output::Written,
    /// Pages rendered, and pages whose inputs had not changed, kept without rendering.
    pub pages: PageCounts,
    /// Chapters whose analysis the build cache kept, and chapters rendered (in every
    /// language); `None` when the build keeps no cache.
    pub chapters_reused: Option<(usize, usize)>,
}

/// How many pages a build rendered and how many it kept from the previous build.
#[derive(Debug, Default, Clone, Copy)]
pub struct PageCounts {
    pub rendered: usize,
    pub kept: usize,
}

/// The build cache's name for the record of the site's files and pages.
const MANIFEST: &str = "site.bin";

/// The pages of the previous build, and of this one as it is written.
#[derive(Default)]
pub struct PageLog {
    previous: HashMap<String, PageRecord>,
    now: Mutex<HashMap<String, PageRecord>>,
    rendered: AtomicUsize,
    kept: AtomicUsize,
}

impl PageLog {
    fn counts(&self) -> PageCounts {
        PageCounts {
            rendered: self.rendered.load(Ordering::Relaxed),
            kept: self.kept.load(Ordering::Relaxed),
        }
    }

    /// Renders `page` into `out`, or keeps its files from the previous site when it
    /// is made from the same inputs (same `fingerprint`) and they are all still there.
    pub fn render(
        &self,
        key: String,
        fingerprint: Option<u128>,
        out: &Staging,
        prefix: &str,
        render: impl FnOnce(&dyn Sink) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if let (Some(fp), Some(prev)) = (fingerprint, self.previous.get(&key)) {
            if prev.fingerprint == Some(fp) && keep_all(out, &prev.files)? {
                self.kept.fetch_add(1, Ordering::Relaxed);
                self.log(key, prev.clone());
                return Ok(());
            }
        }
        let sink = Recording {
            out,
            prefix,
            files: Mutex::default(),
        };
        render(&sink)?;
        self.rendered.fetch_add(1, Ordering::Relaxed);
        let files = sink.files.into_inner().unwrap_or_else(|e| e.into_inner());
        self.log(key, PageRecord { fingerprint, files });
        Ok(())
    }

    fn log(&self, key: String, record: PageRecord) {
        self.now
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, record);
    }
}

/// Keeps every file in `files` from the previous site; `false` as soon as one is gone.
fn keep_all(out: &Staging, files: &[String]) -> Result<bool, Error> {
    for rel in files {
        if !out.keep(rel).map_err(Error::Output)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A sink that notes the files a page writes, for the build cache.
/// Its files go under `prefix`, the folder of the page's language.
struct Recording<'a> {
    out: &'a Staging,
    prefix: &'a str,
    files: Mutex<Vec<String>>,
}

impl Recording<'_> {
    /// Notes `rel` and returns where it goes in the site.
    fn note(&self, rel: &str) -> String {
        let full = format!("{}{rel}", self.prefix);
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(full.clone());
        full
    }
}

impl Sink for Recording<'_> {
    fn write(&self, rel: &str, data: &[u8]) -> Result<(), crate::output::OutputError> {
        let rel = self.note(rel);
        self.out.write(&rel, data)
    }
    fn copy(&self, from: &Path, rel: &str) -> Result<(), crate::output::OutputError> {
        let rel = self.note(rel);
        self.out.copy(from, &rel)
    }
    fn write_parts(&self, rel: &str, parts: &[&[u8]]) -> Result<(), crate::output::OutputError> {
        let rel = self.note(rel);
        self.out.write_parts(&rel, parts)
    }
    fn keep(&self, rel: &str) -> Result<bool, crate::output::OutputError> {
        let full = format!("{}{rel}", self.prefix);
        let kept = self.out.keep(&full)?;
        if kept {
            self.note(rel);
        }
        Ok(kept)
    }
}

/// The book's configuration with command-line overrides applied.
pub fn configure(root: &Path, opts: &BuildOptions) -> Result<Config, Error> {
    let mut config = Config::load(root).map_err(|d| Error::Config(vec![d]))?;
    if let Some(url) = &opts.base_url {
        let text = format!("title = \"\"\n[build]\nbase-url = {}\n", toml_string(url));
        Config::parse(&text, Path::new("--base-url")).map_err(|mut d| {
            d.path = PathBuf::from("--base-url");
            d.line = 0;
            Error::Config(vec![d])
        })?;
        config.build.base_url = Some(url.clone());
    }
    config.build.drafts |= opts.drafts;
    Ok(config)
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The output folder for a build: `--out` as given, else `[build] output` under the book.
pub fn output_dir(root: &Path, config: &Config, opts: &BuildOptions) -> PathBuf {
    opts.out
        .clone()
        .unwrap_or_else(|| root.join(&config.build.output))
}

/// Everything a build renders from: the analysed book and the theme, in each of the
/// book's languages.
pub struct Prepared {
    pub analysis: Analysis,
    pub renderer: Renderer,
    /// The book's other languages (`book.languages[1..]`), each a site of its own.
    pub translations: Vec<(Analysis, Renderer)>,
    /// The chapter analyses kept for the next build, when this one keeps a cache.
    memo: Option<Memo>,
    /// The search terms kept for the next build, likewise.
    terms: Option<crate::search::TermStore>,
    /// Each language's print plan, the book's own first.
    print: Vec<crate::render::PrintSlot>,
    stages: Stages,
}

impl Prepared {
    pub fn site(&self) -> Site<'_> {
        Site::new(&self.analysis, &self.renderer)
            .with_terms(self.terms.as_ref())
            .with_print(&self.print[0])
    }

    /// Every language's site with the folder it goes in (`` for the book's own).
    pub fn sites(&self) -> Vec<(&str, Site<'_>)> {
        let own = ("", self.site());
        let others = self
            .translations
            .iter()
            .zip(&self.print[1..])
            .map(|((a, r), print)| {
                let prefix = a.book.languages[a.book.language].prefix.as_str();
                let site = Site::new(a, r)
                    .with_terms(self.terms.as_ref())
                    .with_print(print);
                (prefix, site)
            });
        std::iter::once(own).chain(others).collect()
    }

    /// Keeps this build's chapter analyses in the build cache of the site at `target`;
    /// returns how many were reused and how many rendered.
    fn save_memo(&mut self, target: &Path) -> Option<(usize, usize)> {
        let memo = self.memo.take()?;
        let counts = memo.counts();
        let analyses: Vec<&Analysis> = std::iter::once(&self.analysis)
            .chain(self.translations.iter().map(|(a, _)| a))
            .collect();
        memo.save(target, |language, id| {
            let a = analyses.iter().find(|a| a.book.language == language)?;
            let out = a.chapters.get(id.index())?;
            Some((&out.rendered, out.fit))
        });
        Some(counts)
    }

    /// The site in `language` (a code as book.toml writes it, any case).
    pub fn site_in(&self, language: &str) -> Option<Site<'_>> {
        self.sites()
            .into_iter()
            .map(|(_, s)| s)
            .find(|s| crate::language::codes::same(&s.book.config.language, language))
    }
}

/// Loads the theme and analyses the book, in each of its languages, telling
/// `progress` as each stage finishes. With `cache`, the build cache of the site at
/// that folder, chapters whose inputs did not change since that build are not
/// rendered again (see `crate::memo`); `None` renders every chapter.
pub fn prepare(
    root: &Path,
    config: Config,
    progress: Option<Sender<&'static str>>,
    cache: Option<Cache<'_>>,
) -> Result<Prepared, Error> {
    let mut stages = Stages::new(progress);
    let links = crate::source::LinkPolicy::new(root, &config);
    let files = crate::render::theme::ThemeFiles::read(root, &config, &links)
        .map_err(|d| Error::Config(vec![d]))?;
    let load_theme = |code: &str| -> Result<Theme, Error> {
        let mut theme = Theme::in_language(&files, root, &config, code, &links)
            .map_err(|d| Error::Config(vec![d]))?;
        // The language's stemmer for search.js, written beside the theme's files;
        // English sites have none (search.js stems English itself).
        if let Some((name, script)) = crate::search::language_script(code) {
            theme
                .statics
                .push((name, std::borrow::Cow::Owned(script.into_bytes())));
        }
        Ok(theme)
    };
    let theme = load_theme(&config.language)?;
    let languages = crate::translations::site_languages(&config);
    let mut themes = Vec::new();
    for lang in &languages[1..] {
        themes.push(load_theme(&lang.code)?);
    }
    stages.lap("config");
    let memo = cache.map(|c| match c {
        Cache::Fresh => Memo::default(),
        Cache::At(target) => Memo::load(target),
    });
    if memo.is_some() {
        stages.lap("cache");
    }
    let mut analysis = Analysis::run(root, config, &mut stages, memo.as_ref())?;
    let mut translations = Vec::new();
    if !themes.is_empty() {
        // Each language is analysed like the book's own; a chapter shown untranslated
        // reports its problems once, as the original's.
        let mut diags = Vec::new();
        let analyses: Vec<_> = (1..analysis.book.languages.len())
            .into_par_iter()
            .map(|i| {
                Analysis::of_with(
                    root,
                    analysis.book.in_language(i),
                    Vec::new(),
                    memo.as_ref(),
                )
            })
            .collect();
        for (a, mut d) in analyses {
            diags.append(&mut d);
            translations.push(a);
        }
        let mut seen: std::collections::HashSet<String> =
            analysis.warnings.iter().map(ToString::to_string).collect();
        diags.retain(|d| seen.insert(d.to_string()));
        if diags.iter().any(Diagnostic::is_error) {
            diags.extend(analysis.warnings);
            crate::analysis::sort(&mut diags);
            return Err(Error::Content(diags));
        }
        analysis.warnings.append(&mut diags);
        crate::analysis::sort(&mut analysis.warnings);
        stages.lap("languages");
    }
    let renderer = Renderer::new(theme, &analysis);
    let themes_len = themes.len();
    let translations = translations
        .into_iter()
        .zip(themes)
        .map(|(a, theme)| {
            let r = Renderer::new(theme, &a);
            (a, r)
        })
        .collect();
    let print = (0..=themes_len).map(|_| Default::default()).collect();
    Ok(Prepared {
        analysis,
        renderer,
        translations,
        memo,
        terms: None,
        print,
        stages,
    })
}

/// Where [`prepare`] finds the last build's chapter analyses.
#[derive(Debug, Clone, Copy)]
pub enum Cache<'a> {
    /// In the build cache of the site at this folder.
    At(&'a Path),
    /// Nowhere (`--force`): every chapter is rendered, and kept for the next build.
    Fresh,
}

pub fn build(root: &Path, opts: &BuildOptions) -> Result<BuildReport, Error> {
    let config = configure(root, opts)?;
    let out_dir = output_dir(root, &config, opts);
    let lock = claim_output(root, &config, &out_dir)?;
    let target = lock.target().to_path_buf();
    let cache = if opts.force {
        Cache::Fresh
    } else {
        Cache::At(&target)
    };
    // The last build's record of the site is read while the book is.
    let (prepared, previous) = rayon::join(
        || prepare(root, config, opts.progress.clone(), Some(cache)),
        || -> Option<Manifest> {
            if opts.force {
                None
            } else {
                crate::cache::load(&target, MANIFEST)
            }
        },
    );
    let mut prepared = prepared?;
    prepared.terms = Some(crate::search::TermStore::at(&target, !opts.force));
    // Taken while the chapters' text is still there.
    let fingerprints: Vec<crate::pages::Fingerprints> = prepared
        .sites()
        .iter()
        .map(|(_, site)| crate::pages::Fingerprints::of(site))
        .collect();
    prepared.stages.lap("fingerprints");
    prepared.analysis.book.translations = Default::default();
    for analysis in std::iter::once(&mut prepared.analysis)
        .chain(prepared.translations.iter_mut().map(|(a, _)| a))
    {
        analysis
            .book
            .chapters
            .iter_mut()
            .for_each(Chapter::drop_body);
    }
    if let Some(previous) = &previous {
        if let Some(kept) = unchanged(&prepared, &target, previous, &fingerprints)? {
            // Nothing to swap: the site in place is byte for byte what this build
            // would write.
            drop(lock);
            prepared.stages.lap("compare");
            let chapters_reused = prepared.save_memo(&target);
            let records = previous.files.values();
            return Ok(BuildReport {
                out_dir,
                chapters: prepared.analysis.book.chapters.len(),
                files: previous.files.len(),
                bytes: records.map(|r| r.len).sum(),
                warnings: prepared.analysis.warnings,
                timings: prepared.stages.laps,
                written: crate::output::Written {
                    written: 0,
                    reused: previous.files.len(),
                },
                pages: PageCounts {
                    rendered: 1,
                    kept: kept - 1,
                },
                chapters_reused,
            });
        }
    }
    write_out(
        &out_dir,
        lock,
        prepared,
        previous,
        |prepared, out, log, stages| write_site(prepared, out, log, &fingerprints, stages),
    )
}

/// The cache's name for a page of the site in `prefix`.
fn page_key(prefix: &str, page: &crate::pages::Page) -> String {
    format!("{prefix}{:?}", page.kind)
}

/// Whether the site at `target` is exactly what this build would write: every page
/// made from the inputs of the last build, its assets the same bytes, and the folder
/// holding just the files the last build wrote, untouched since. `Some(pages)` when it
/// is.
fn unchanged(
    prepared: &Prepared,
    target: &Path,
    previous: &Manifest,
    fingerprints: &[crate::pages::Fingerprints],
) -> Result<Option<usize>, Error> {
    let mut count = 0;
    for ((prefix, site), fingerprints) in prepared.sites().iter().zip(fingerprints) {
        let pages = crate::pages::site_pages(site.model);
        count += pages.len();
        for page in &pages {
            let Some(record) = previous.pages.get(&page_key(prefix, page)) else {
                return Ok(None);
            };
            match fingerprints.page(page) {
                Some(fp) if Some(fp) == record.fingerprint => {}
                Some(_) => return Ok(None),
                None => {
                    // Rendered every time (the book's own files): compared by content.
                    let mem = crate::output::MemorySite::default();
                    page.render(
                        site,
                        &crate::output::Prefixed {
                            inner: &mem,
                            prefix,
                        },
                    )?;
                    let files = mem.into_files();
                    if files.len() != record.files.len() {
                        return Ok(None);
                    }
                    let same = files.iter().all(|(rel, bytes)| {
                        previous.files.get(rel).is_some_and(|r| {
                            r.len == bytes.len() as u64
                                && r.hash == xxhash_rust::xxh3::xxh3_128(bytes)
                        })
                    });
                    if !same {
                        return Ok(None);
                    }
                }
            }
        }
    }
    if count != previous.pages.len() {
        return Ok(None);
    }
    Ok(crate::output::holds_exactly(target, &previous.files).then_some(count))
}

/// Checks that `out` is a safe place for the site, follows it when it is a symbolic
/// link, and locks it for this build: another build into the same folder waits until
/// this one is done. Held from before the book is read, so an interrupted build's
/// leftovers are repaired first (and a failed build can say the site is unchanged).
pub fn claim_output(root: &Path, config: &Config, out: &Path) -> Result<OutputLock, Error> {
    check_paths(root, config, out)?;
    let path = OutputPath::resolve(out).map_err(Error::Output)?;
    if path.is_link() {
        eprintln!(
            "note: {} is a symbolic link; the site is written to the folder it points to, {}",
            out.display(),
            path.target.display()
        );
    }
    OutputLock::acquire(&path.target).map_err(Error::Output)
}

/// Writes into a staging folder with `write`, then swaps it into place at the locked
/// output; `out_dir` is the output as the user named it, for the report. Files whose
/// bytes are those of the `previous` build are hard-linked from the previous site
/// rather than written (see `crate::cache`).
pub fn write_out(
    out_dir: &Path,
    lock: OutputLock,
    mut prepared: Prepared,
    previous: Option<Manifest>,
    write: impl FnOnce(&Prepared, &Staging, &PageLog, &mut Stages) -> Result<(), Error>,
) -> Result<BuildReport, Error> {
    let target = lock.target().to_path_buf();
    let mut staging = Staging::create(lock).map_err(Error::Output)?;
    let mut log = PageLog::default();
    if let Some(previous) = previous {
        staging.reuse_from(Previous {
            site: target.clone(),
            files: previous.files,
        });
        log.previous = previous.pages;
    }
    let mut stages = std::mem::replace(&mut prepared.stages, Stages::new(None));
    write(&prepared, &staging, &log, &mut stages)?;
    let (files, bytes, written) = (staging.files(), staging.bytes(), staging.written());
    let pages = log.counts();
    let pages_now = log.now.into_inner().unwrap_or_else(|e| e.into_inner());
    // Gone while the site changes: a build stopped in between starts from scratch.
    crate::cache::forget(&target, MANIFEST);
    let manifest = Manifest {
        files: staging.commit().map_err(Error::Output)?,
        pages: pages_now,
    };
    crate::cache::save(&target, MANIFEST, &manifest);
    let chapters_reused = prepared.save_memo(&target);
    if let Some(terms) = prepared.terms.take() {
        terms.save();
    }
    stages.lap("commit");
    let report = BuildReport {
        out_dir: out_dir.to_path_buf(),
        chapters: prepared.analysis.book.chapters.len(),
        files,
        bytes,
        warnings: std::mem::take(&mut prepared.analysis.warnings),
        timings: stages.laps,
        written,
        pages,
        chapters_reused,
    };
    drop_aside((prepared, manifest));
    Ok(report)
}

/// Frees `value` on a thread of its own: the book's model is hundreds of thousands of
/// allocations (about 60 ms at 10,000 chapters), and a command that has finished its
/// work need not wait for them; the process exits without waiting for the thread.
fn drop_aside<T: Send + 'static>(value: T) {
    // Without a thread to be had, the value is freed here, with the failed spawn.
    let _ = std::thread::Builder::new()
        .name("drop".into())
        .spawn(move || drop(value));
}

/// Renders every page of every language's site into `out`, side by side; a page made
/// from the same inputs as in the last build (see [`crate::pages::Fingerprints`])
/// keeps its files.
pub fn write_site(
    prepared: &Prepared,
    out: &Staging,
    log: &PageLog,
    fingerprints: &[crate::pages::Fingerprints],
    stages: &mut Stages,
) -> Result<(), Error> {
    let sites = prepared.sites();
    let pages: Vec<_> = sites
        .iter()
        .zip(fingerprints)
        .flat_map(|((prefix, site), fps)| {
            crate::pages::site_pages(site.model)
                .into_iter()
                .map(move |page| (*prefix, site, fps, page))
        })
        .collect();
    // Time spent on each kind of page (`Chapter`, `Search`...), for `--timings`.
    let kinds: Mutex<HashMap<&'static str, Duration>> = Mutex::default();
    pages.par_iter().try_for_each(|(prefix, site, fps, page)| {
        let started = Instant::now();
        let fingerprint = fps.page(page);
        let done = log.render(page_key(prefix, page), fingerprint, out, prefix, |sink| {
            page.render(site, sink)
        });
        *kinds
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(page.kind.name())
            .or_default() += started.elapsed();
        done
    })?;
    stages.lap("write");
    // Part of the write stage, side by side with one another: the kinds of page that
    // took longest, added up over the threads.
    let mut kinds: Vec<_> = kinds
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    for (name, time) in kinds.into_iter().take(5) {
        stages.laps.push((name, time));
    }
    Ok(())
}

/// The chapters folder must exist before anything is read from it.
pub fn check_source(root: &Path, config: &Config) -> Result<(), Error> {
    let source = root.join(&config.build.source);
    if !source.is_dir() {
        let d = Diagnostic::error(root.join(crate::config::CONFIG_FILE), Pos::FILE, format!("the chapters folder `{}` does not exist", source.display()))
            .with_hint("create it, or set `source` under [build] in book.toml to the folder that holds your chapters");
        return Err(Error::Config(vec![d]));
    }
    Ok(())
}

/// Refuses output folders that would overwrite the book itself. Paths are compared
/// both as written and with symbolic links resolved, so `--out g/sub` with `g` a link
/// to the chapters folder is caught too.
pub fn check_paths(root: &Path, config: &Config, out: &Path) -> Result<(), Error> {
    check_source(root, config)?;
    check_overlap(root, config, out)
}

/// The overlap half of [`check_paths`], also for `clean`, which must never delete the
/// chapters even when a site was once written among them.
pub fn check_overlap(root: &Path, config: &Config, out: &Path) -> Result<(), Error> {
    let source = root.join(&config.build.source);
    let abs = |p: &Path| {
        std::path::absolute(p)
            .ok()
            .and_then(|p| markdown_normalize(&p))
            .unwrap_or_else(|| p.to_path_buf())
    };
    // As written, then through any links (the output's own link included).
    let real_out = OutputPath::resolve(out)
        .map(|p| crate::output::real_path(&p.target))
        .unwrap_or_else(|_| crate::output::real_path(out));
    let pairs = [
        (abs(out), abs(root), abs(&source)),
        (
            real_out.clone(),
            crate::output::real_path(root),
            crate::output::real_path(&source),
        ),
    ];
    for (out_abs, root_abs, source_abs) in pairs {
        let relation = if out_abs == source_abs {
            format!("it is the chapters folder `{}`", source.display())
        } else if out_abs.starts_with(&source_abs) {
            format!("it is inside the chapters folder `{}`", source.display())
        } else if source_abs.starts_with(&out_abs) || root_abs.starts_with(&out_abs) {
            format!("it contains the book `{}`", root.display())
        } else {
            continue;
        };
        let through = if real_out != abs(out) && out_abs == real_out {
            format!(
                " (through a symbolic link, it leads to `{}`)",
                real_out.display()
            )
        } else {
            String::new()
        };
        return Err(Error::Usage(format!(
            "the output folder `{}` overlaps the book: {relation}{through}. Building there would delete or mix up your files. Choose a separate folder with --out, or set `output` under [build] in book.toml.",
            out.display()
        )));
    }
    Ok(())
}

fn markdown_normalize(p: &Path) -> Option<PathBuf> {
    crate::source::normalize(p).map(|rel| Path::new("/").join(rel))
}

/// Which pack `carebook pack` builds.
#[derive(Debug, Clone)]
pub enum PackRequest {
    /// A pack declared in book.toml or packs/.
    Declared(String),
    /// Chosen on the command line.
    AdHoc {
        title: String,
        tags: Vec<String>,
        audience: Option<String>,
        chapters: Vec<String>,
    },
}

/// Builds one pack on its own (links leaving the pack become plain text) into
/// `opts.out`, or `pack-<id>/` next to book.toml.
pub fn build_pack(
    root: &Path,
    opts: &BuildOptions,
    request: &PackRequest,
    language: Option<&str>,
) -> Result<(BuildReport, crate::course::Pack), Error> {
    let config = configure(root, opts)?;
    let prepared = prepare(root, config, None, None)?;
    let site = match language {
        None => prepared.site(),
        Some(code) => prepared.site_in(code).ok_or_else(|| {
            let codes: Vec<&str> = prepared
                .analysis
                .book
                .languages
                .iter()
                .map(|l| l.code.as_str())
                .collect();
            Error::Usage(format!(
                "the book has no language `{code}`; {}",
                crate::diag::suggestion(code, codes.iter().copied())
            ))
        })?,
    };
    let model = site.model;
    let pack = match request {
        PackRequest::Declared(id) => model
            .packs
            .iter()
            .find(|p| &p.id == id)
            .cloned()
            .ok_or_else(|| {
                let ids: Vec<&str> = model.packs.iter().map(|p| p.id.as_str()).collect();
                Error::Usage(format!(
                    "there is no pack `{id}`; {}",
                    crate::diag::suggestion(id, ids.iter().copied())
                ))
            })?,
        PackRequest::AdHoc {
            title,
            tags,
            audience,
            chapters,
        } => crate::course::ad_hoc(
            &model.book,
            title,
            tags.clone(),
            audience.clone(),
            chapters.clone(),
        )?,
    };
    let out_dir = opts
        .out
        .clone()
        .unwrap_or_else(|| root.join(format!("pack-{}", pack.id)));
    let lock = claim_output(root, &prepared.analysis.book.config, &out_dir)?;
    let previous = if opts.force {
        None
    } else {
        crate::cache::load(lock.target(), MANIFEST)
    };
    let report = write_out(
        &out_dir,
        lock,
        prepared,
        previous,
        |prepared, staging, _, stages| {
            let site = language
                .and_then(|code| prepared.site_in(code))
                .unwrap_or_else(|| prepared.site());
            crate::packs::write_standalone(&site, &pack, staging)?;
            stages.lap("write");
            Ok(())
        },
    )?;
    Ok((report, pack))
}

/// The declared packs with their chapter counts and times, for `carebook pack --list`.
pub fn list_packs(root: &Path) -> Result<Vec<crate::course::PackSummary>, Error> {
    let config = configure(root, &BuildOptions::default())?;
    check_source(root, &config)?;
    let analysis = Analysis::run(root, config, &mut Stages::new(None), None)?;
    Ok(analysis.pack_summaries())
}

/// Where the translations of the book in `root` stand (see `crate::translations`).
pub fn translations_report(root: &Path) -> Result<crate::translations::Report, Error> {
    let book = load_for_report(root)?;
    Ok(crate::translations::Report(crate::translations::status(
        &book,
    )))
}

/// Stamps each of `files` with its original's fingerprint; returns (file, stamp).
pub fn stamp_translations(root: &Path, files: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, Error> {
    let book = load_for_report(root)?;
    crate::translations::stamp(&book, files).map_err(|d| Error::Content(vec![d]))
}

/// The book in `root`, read for a report; problems in the chapters stop it, as they
/// would a build.
fn load_for_report(root: &Path) -> Result<Book, Error> {
    let config = configure(root, &BuildOptions::default())?;
    check_source(root, &config)?;
    let (book, diags) = book::load(root, config);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(Error::Content(diags));
    }
    Ok(book)
}

/// The review report of the book in `root` (see `crate::review`), read without
/// rendering anything; problems in the chapters stop it, as they would a build.
pub fn review_report(root: &Path) -> Result<crate::review::Report, Error> {
    let config = configure(root, &BuildOptions::default())?;
    check_source(root, &config)?;
    let (book, diags) = book::load(root, config);
    if diags.iter().any(Diagnostic::is_error) {
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
        return Err(Error::Failed(format!(
            "{}\nno report: fix the {} above and run `carebook review` again",
            shown.join("\n"),
            crate::plural(errors, "error")
        )));
    }
    Ok(crate::review::report(&book, crate::review::today()))
}
