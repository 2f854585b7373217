//! Shared set-up for the fuzz targets: the small book in `fuzz/book`, loaded once per
//! process, a sink that drops what is written, and a scratch folder per process.

use std::path::{Path, PathBuf};

use carebook::output::{OutputError, Sink};

/// The fuzz book's root (`fuzz/book`): chapters in nested part folders with headings,
/// anchors, an asset and a pack. Read only; no target writes into it.
pub fn book_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/book"))
}

/// The chapter whose body the `chapter` and `pack_page` targets replace.
pub const TARGET_CHAPTER: &str = "basics/deep/target.md";

/// The book, read, rendered and checked the way `carebook build` does it.
pub fn prepare_book() -> carebook::build::Prepared {
    let root = book_root();
    let config = carebook::config::Config::load(root).expect("fuzz/book/book.toml is valid");
    match carebook::build::prepare(root, config, None, None) {
        Ok(mut p) => {
            lighten(&mut p);
            p
        }
        Err(e) => panic!("fuzz/book does not build: {e}"),
    }
}

/// Leaves out the theme's static files (CSS, scripts): they are copied as they are into
/// every pack and deflated into its SCORM package on each run, which took most of the
/// time of a run and tests nothing the input changes.
pub fn lighten(p: &mut carebook::build::Prepared) {
    p.renderer.theme.statics.clear();
}

/// Fuzz input as text: the chapter reader rejects invalid UTF-8 before any parsing,
/// so invalid bytes are replaced to keep the input useful.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Drops every file; rendering still runs in full.
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _rel: &str, _data: &[u8]) -> Result<(), OutputError> {
        Ok(())
    }
    fn copy(&self, _from: &Path, _rel: &str) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A scratch folder for this process (one per process, not per run), under `$TMPDIR`;
/// scripts/fuzz.sh points `TMPDIR` at `fuzz/tmp` and removes it when done. The folder
/// is also removed when the process exits normally (libFuzzer ends with `exit`).
pub fn scratch_dir(target: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("carebook-fuzz-{target}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cannot create the fuzz scratch folder");
    let _ = CLEANUP.set(dir.clone());
    register_cleanup();
    dir
}

static CLEANUP: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

extern "C" fn remove_scratch() {
    if let Some(dir) = CLEANUP.get() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

extern "C" {
    fn atexit(f: extern "C" fn()) -> i32;
}

fn register_cleanup() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: `atexit` from the C library, given a plain function that never unwinds.
    ONCE.call_once(|| unsafe {
        atexit(remove_scratch);
    });
}

/// The book in `fuzz/book` with one chapter (`TARGET_CHAPTER`) whose body each run
/// replaces, for the `chapter` and `pack_page` targets.
pub struct ChapterBook {
    pub prepared: carebook::build::Prepared,
    targets: carebook::markdown::LinkTargets,
    /// The rewritten chapter and its front matter, kept as it is.
    pub id: carebook::book::ChapterId,
    front: String,
}

impl Default for ChapterBook {
    fn default() -> Self {
        Self::new()
    }
}

impl ChapterBook {
    pub fn new() -> Self {
        let prepared = prepare_book();
        let book = &prepared.analysis.book;
        let id = book
            .chapter_ids()
            .find(|&id| book.chapters[id].source == Path::new(TARGET_CHAPTER))
            .expect("fuzz/book has the target chapter");
        let ch = &book.chapters[id];
        let front = ch.text[..ch.body_start].to_owned();
        assert!(
            prepared.analysis.packs.iter().any(|p| p.contains(id)),
            "a pack in fuzz/book holds the target chapter"
        );
        let targets = carebook::markdown::LinkTargets::new(book);
        ChapterBook {
            prepared,
            targets,
            id,
            front,
        }
    }

    /// Puts `body` in the chapter and runs what `carebook serve` runs for a changed
    /// chapter before writing pages: the Markdown pass (links resolved against the other
    /// chapters, headings, checklist, search text), the desk-card fit and the check of
    /// `#anchor` links between chapters. False when that found an error, where `build`
    /// stops and `serve` keeps the old pages.
    pub fn update(&mut self, body: &str) -> bool {
        let i = self.id;
        let a = &mut self.prepared.analysis;
        let ch = &mut a.book.chapters[i];
        ch.text.clear();
        ch.text.push_str(&self.front);
        ch.text.push_str(body);
        // The Markdown pass and the desk-card fit, as the analysis runs them.
        a.chapters[i] = carebook::analysis::analyse_chapter(&a.book.chapters[i], i, &self.targets);
        let mut ok = report(&a.chapters[i].rendered.diagnostics);
        for j in a.book.chapter_ids() {
            let diags = a.broken_anchors_from(j, |t| t == i || j == i);
            ok &= report(&diags);
        }
        ok
    }
}

/// Formats diagnostics as the command line prints them; true when none is an error.
pub fn report(diags: &[carebook::diag::Diagnostic]) -> bool {
    for d in diags {
        let _ = d.to_string();
    }
    !diags.iter().any(carebook::diag::Diagnostic::is_error)
}
