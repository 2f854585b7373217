//! The build pipeline: configuration → book → Markdown → checks → site, written to a
//! staging folder and swapped into place only when everything succeeded.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::book::{self, Book, Chapter};
use crate::config::Config;
use crate::diag::{Diagnostic, Pos};
use crate::markdown::{self, anchor_hint, Doc, LinkTargets, Rendered};
use crate::output::{OutputLock, OutputPath, Staging};
use crate::render::theme::Theme;
use crate::render::SiteCtx;
use crate::site::Site;
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

/// Everything the outputs are made from: the book read, rendered and checked once.
pub struct Prepared {
    pub book: Book,
    pub rendered: Vec<Rendered>,
    pub intros: Vec<Intro>,
    pub fits: Vec<Option<crate::cards::CardFit>>,
    pub packs: Vec<crate::packs::Pack>,
    /// Where the search index's core file goes (`None` with search off); the index
    /// itself is built while the pages are written.
    pub search_core: Option<String>,
    pub theme: Theme,
    /// Warnings (errors stop `prepare`).
    pub warnings: Vec<Diagnostic>,
    timer: Timer,
}

impl Prepared {
    pub fn site(&self) -> Site<'_> {
        Site {
            book: &self.book,
            rendered: &self.rendered,
            intros: &self.intros,
            theme: &self.theme,
            ctx: SiteCtx::new(&self.book),
            fits: &self.fits,
            packs: &self.packs,
            search_core: self.search_core.as_deref(),
            search_time: Default::default(),
            cards: Default::default(),
        }
    }
}

/// Reads, renders and checks the book; all content problems come back together.
pub fn prepare(root: &Path, config: Config) -> Result<Prepared, Error> {
    prepare_reporting(root, config, None)
}

/// `prepare`, telling `progress` as each stage finishes.
pub fn prepare_reporting(
    root: &Path,
    config: Config,
    progress: Option<Sender<&'static str>>,
) -> Result<Prepared, Error> {
    let mut timer = Timer::new(progress);
    let links = crate::source::LinkPolicy::new(root, &config);
    let theme =
        Theme::load(root, &config.build.theme, &links).map_err(|d| Error::Config(vec![d]))?;
    timer.lap("config");
    let (book, mut diags) = book::load(root, config);
    timer.lap("load");
    let loaded = diags.len();
    let (rendered, intros) = render_markdown(&book, &mut diags);
    let (fits, card_diags) = crate::cards::fit_all(&book, &rendered);
    diags.extend(card_diags);
    crate::include::Remap::new(&book).diagnostics(&mut diags[loaded..]);
    diags.extend(crate::redirects::plan(&book).1);
    let (packs, pack_diags) = crate::packs::load(root, &book);
    diags.extend(pack_diags);
    timer.lap("markdown");
    diags.sort_by(|a, b| (a.level, &a.path, a.line, a.col).cmp(&(b.level, &b.path, b.line, b.col)));
    if diags.iter().any(Diagnostic::is_error) {
        return Err(Error::Content(diags));
    }
    let search_core = crate::search::core_path(&book, &rendered);
    Ok(Prepared {
        book,
        rendered,
        intros,
        fits,
        packs,
        search_core,
        theme,
        warnings: diags,
        timer,
    })
}

pub fn build(root: &Path, opts: &BuildOptions) -> Result<BuildReport, Error> {
    let config = configure(root, opts)?;
    let out_dir = output_dir(root, &config, opts);
    let lock = claim_output(root, &config, &out_dir)?;
    let mut prepared = prepare_reporting(root, config, opts.progress.clone())?;
    prepared
        .book
        .chapters
        .iter_mut()
        .for_each(Chapter::drop_body);
    write_out(&out_dir, lock, prepared, |site, staging| {
        site.write(staging)
    })
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
/// output; `out_dir` is the output as the user named it, for the report.
pub fn write_out(
    out_dir: &Path,
    lock: OutputLock,
    mut prepared: Prepared,
    write: impl FnOnce(&Site<'_>, &dyn crate::output::Sink) -> Result<(), Error>,
) -> Result<BuildReport, Error> {
    let staging = Staging::create(lock).map_err(Error::Output)?;
    let mut timer = std::mem::replace(&mut prepared.timer, Timer::new(None));
    let site = prepared.site();
    write(&site, &staging)?;
    timer.lap("write");
    if let Some(t) = site.search_time.get() {
        // Part of the write stage, side by side with the pages.
        timer.laps.push(("  search", *t));
    }
    let (files, bytes) = (staging.files(), staging.bytes());
    staging.commit().map_err(Error::Output)?;
    timer.lap("commit");
    Ok(BuildReport {
        out_dir: out_dir.to_path_buf(),
        chapters: prepared.book.chapters.len(),
        files,
        bytes,
        warnings: prepared.warnings,
        timings: timer.laps,
    })
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

/// A part's introduction, rendered for each page it appears on.
pub struct Intro {
    pub part_page: String,
    pub home_page: String,
}

/// Renders every chapter and part introduction once, in parallel, then checks links
/// into other chapters' headings now that every page's anchors are known.
pub fn render_markdown(book: &Book, diags: &mut Vec<Diagnostic>) -> (Vec<Rendered>, Vec<Intro>) {
    let targets = LinkTargets::new(book);
    let mut rendered: Vec<Rendered> = book
        .chapters
        .par_iter()
        .enumerate()
        .map(|(i, ch)| {
            let doc = Doc::chapter(ch);
            markdown::render(&doc, Some(i), &targets)
        })
        .collect();
    let intros = book
        .parts
        .iter()
        .map(|p| {
            let source = p.dir.join("index.md");
            let path = book.source_dir.join(&p.dir).join("_part.yaml");
            // The intro shows on the part's page and on the home page; links differ.
            let mut render_at = |out_path: &str, report: bool| {
                let doc = Doc {
                    source: &source,
                    path: &path,
                    text: &p.intro,
                    body_start: 0,
                    out_path,
                };
                let mut r = markdown::render(&doc, None, &targets);
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
                home_page: render_at("index.html", false),
            }
        })
        .collect();
    for r in &mut rendered {
        diags.append(&mut r.diagnostics);
    }
    check_anchor_links(book, &rendered, diags);
    (rendered, intros)
}

fn check_anchor_links(book: &Book, rendered: &[Rendered], diags: &mut Vec<Diagnostic>) {
    for from in 0..rendered.len() {
        diags.extend(broken_anchors_from(book, rendered, from, |_| true));
    }
}

/// Links from chapter `from` to headings of other chapters that do not exist, for the
/// targets `wanted` selects. The links stay in `Rendered` so `serve` can check again.
pub fn broken_anchors_from(
    book: &Book,
    rendered: &[Rendered],
    from: usize,
    wanted: impl Fn(usize) -> bool,
) -> Vec<Diagnostic> {
    let strict = book.config.build.broken_links == crate::config::Strictness::Error;
    let mut diags = Vec::new();
    for link in rendered[from]
        .anchor_links
        .iter()
        .filter(|l| wanted(l.target))
    {
        let target = &rendered[link.target];
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
            d = d.with_level(crate::diag::Level::Warning);
        }
        diags.push(d);
    }
    diags
}

struct Timer {
    last: Instant,
    laps: Vec<(&'static str, Duration)>,
    /// Told the name of each stage as it finishes, for a progress display.
    progress: Option<Sender<&'static str>>,
}

impl Timer {
    fn new(progress: Option<Sender<&'static str>>) -> Self {
        Timer {
            last: Instant::now(),
            laps: Vec::new(),
            progress,
        }
    }
    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.laps.push((name, now - self.last));
        self.last = now;
        if let Some(p) = &self.progress {
            // Nobody listening any more is fine.
            let _ = p.send(name);
        }
    }
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
) -> Result<(BuildReport, crate::packs::Pack), Error> {
    let config = configure(root, opts)?;
    let prepared = prepare(root, config)?;
    let pack = match request {
        PackRequest::Declared(id) => prepared
            .packs
            .iter()
            .find(|p| &p.id == id)
            .cloned()
            .ok_or_else(|| {
                let ids: Vec<&str> = prepared.packs.iter().map(|p| p.id.as_str()).collect();
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
        } => crate::packs::ad_hoc(
            &prepared.book,
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
    let lock = claim_output(root, &prepared.book.config, &out_dir)?;
    let report = write_out(&out_dir, lock, prepared, |site, staging| {
        crate::packs::write_standalone(site, &pack, staging)
    })?;
    Ok((report, pack))
}

/// The declared packs with their chapter counts and times, for `carebook pack --list`.
pub fn list_packs(root: &Path) -> Result<Vec<crate::packs::PackSummary>, Error> {
    let config = configure(root, &BuildOptions::default())?;
    let prepared = prepare(root, config)?;
    Ok(crate::packs::summaries(&prepared.site()))
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
