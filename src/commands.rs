//! What each command shows once its arguments are parsed: it runs the library and
//! prints the result (problems in the chosen format, the "Built …" lines, what was
//! removed). `main.rs` only parses arguments, calls these and maps errors to exit codes.

use std::path::PathBuf;

use crate::build::{BuildOptions, PackRequest};
use crate::check::CheckOptions;
use crate::diag::{render, Diagnostic, Format};
use crate::Error;

/// How one command shows its problems.
pub struct Shown {
    pub format: Format,
    pub book_dir: PathBuf,
    /// Every warning in full, not each kind once (see `crate::quiet`).
    pub verbose: bool,
}

impl Shown {
    pub fn new(format: Format, book_dir: &std::path::Path) -> Self {
        Shown {
            format,
            book_dir: book_dir.to_path_buf(),
            verbose: false,
        }
    }

    /// Prints `diags`: for people and editors on stderr, for scripts and GitHub on
    /// stdout, where they are the only output.
    pub fn print(&self, diags: &[Diagnostic]) {
        let machine = matches!(self.format, Format::Json | Format::Github);
        if diags.is_empty() && !machine {
            return;
        }
        let color = render::use_color(&std::io::stderr());
        let mut sources = render::Sources::default();
        let scope = render::Scope::default();
        let mut render = |diags: &[Diagnostic]| {
            render::render(
                diags,
                self.format,
                scope,
                color,
                &mut sources,
                &self.book_dir,
            )
        };
        // For people, a warning that repeats across files is shown once with a count;
        // the line, JSON and GitHub formats, read by programs, keep every one.
        let text = if self.format == Format::Human && !self.verbose {
            let mut text = String::new();
            for group in crate::quiet::group(diags) {
                let shown: Vec<Diagnostic> = group.shown.into_iter().cloned().collect();
                text.push_str(&render(&shown));
                if let Some(more) = group.more {
                    text.truncate(text.trim_end().len());
                    text.push_str(&format!("\n  … and {more}\n\n"));
                }
            }
            text
        } else {
            render(diags)
        };
        if machine {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
    }

    /// A failed build's or pack's problems, and the line that sums them up.
    pub fn print_failure(&self, e: &Error) {
        let ds = e.diagnostics().unwrap_or_default();
        self.print(ds);
        let errors = ds.iter().filter(|d| d.is_error()).count();
        eprintln!("{}", crate::summary_line(errors, ds.len() - errors));
    }

    /// A line for people: on stdout, unless stdout carries the JSON or annotations.
    pub fn say(&self, line: String) {
        if matches!(self.format, Format::Json | Format::Github) {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }
}

pub fn build(
    dir: PathBuf,
    mut opts: BuildOptions,
    timings: bool,
    open: bool,
    shown: &Shown,
) -> Result<(), Error> {
    use std::io::IsTerminal;
    let ticker = std::io::stderr().is_terminal().then(|| {
        let (tx, ticker) = crate::progress::Ticker::start();
        opts.progress = Some(tx);
        ticker
    });
    let result = crate::build(&dir, &opts);
    drop(opts);
    if let Some(t) = ticker {
        t.finish();
    }
    let report = result?;
    shown.print(&report.warnings);
    if timings {
        for (stage, t) in &report.timings {
            eprintln!("  {stage:<20} {:>9.1} ms", t.as_secs_f64() * 1000.0);
        }
        eprintln!(
            "  pages: {} rendered, {} kept unchanged; files: {} written, {} kept from the previous site",
            report.pages.rendered, report.pages.kept, report.written.written, report.written.reused
        );
        if let Some((reused, rendered)) = report.chapters_reused {
            eprintln!("  chapters: {rendered} rendered, {reused} kept from the last build");
        }
    }
    shown.say(format!(
        "Built {} chapters into {} ({} files, {:.1} MB){}",
        report.chapters,
        report.out_dir.display(),
        report.files,
        report.bytes as f64 / 1_000_000.0,
        match report.warnings.len() {
            0 => String::new(),
            1 => " with 1 warning".into(),
            n => format!(" with {n} warnings"),
        }
    ));
    let index = report.out_dir.join("index.html");
    if open {
        crate::open::open_in_browser(&index.to_string_lossy());
    } else {
        shown.say(format!("Open {} in a browser to read it.", index.display()));
    }
    Ok(())
}

pub fn pack_request(
    id: Option<String>,
    tags: Vec<String>,
    audience: Option<String>,
    chapters: Vec<String>,
    title: String,
) -> Result<PackRequest, Error> {
    let chosen = !tags.is_empty() || audience.is_some() || !chapters.is_empty();
    match (id, chosen) {
        (Some(_), true) => Err(Error::Usage("name a declared pack, or choose chapters with --tag/--audience/--chapter, not both".into())),
        (Some(id), false) => Ok(PackRequest::Declared(id)),
        (None, true) => Ok(PackRequest::AdHoc { title, tags, audience, chapters }),
        (None, false) => Err(Error::Usage("name a pack (see `carebook pack --list`) or choose chapters with --tag, --audience or --chapter".into())),
    }
}

pub fn pack(
    book: PathBuf,
    out: Option<PathBuf>,
    request: Result<PackRequest, Error>,
    language: Option<String>,
    shown: &Shown,
) -> Result<(), Error> {
    let opts = BuildOptions {
        out,
        ..Default::default()
    };
    let (report, pack) = crate::build::build_pack(&book, &opts, &request?, language.as_deref())?;
    shown.print(&report.warnings);
    shown.say(format!(
        "Built the pack “{}” ({} chapters) into {}",
        pack.title,
        pack.chapters.len(),
        report.out_dir.display()
    ));
    shown.say(format!(
        "Open {} in a browser; upload {}-scorm12.zip to your learning platform.",
        report.out_dir.join("index.html").display(),
        pack.id
    ));
    Ok(())
}

pub fn list_packs(book: PathBuf) -> Result<(), Error> {
    let packs = crate::build::list_packs(&book)?;
    if packs.is_empty() {
        println!(
            "No packs are declared yet. Add a [packs.<id>] table to book.toml (see README.md)."
        );
    }
    let words = crate::strings::Strings::default();
    for p in packs {
        println!(
            "{:<24} {:>3} chapters  {:>12}  {}{}",
            p.id,
            p.chapters,
            words.duration(p.total_minutes),
            p.title,
            if p.audience_ids.is_empty() {
                String::new()
            } else {
                format!(" (for {})", p.audience_ids.join(", "))
            }
        );
    }
    Ok(())
}

pub fn check(
    dir: PathBuf,
    opts: CheckOptions,
    format: Format,
    max_warnings: Option<usize>,
) -> Result<(), Error> {
    let report = crate::check::check(&dir, &opts).map_err(|e| match e {
        // "build failed ... site not changed" would be wrong here: say what stopped.
        Error::Config(ds) => {
            Shown {
                format,
                book_dir: dir.clone(),
                verbose: true,
            }
            .print(&ds);
            Error::Usage(format!(
                "nothing was checked: fix the settings above ({} found) and run `carebook check` again",
                ds.len()
            ))
        }
        other => other,
    })?;
    print!(
        "{}",
        report.render(format, render::use_color(&std::io::stdout()), &dir)
    );
    if report.passes(max_warnings) {
        return Ok(());
    }
    let c = report.counts();
    Err(Error::Failed(match max_warnings {
        Some(m) if c.errors == 0 => format!(
            "check failed: {}, more than --max-warnings {m} allows",
            crate::plural(c.warnings, "warning")
        ),
        _ => format!(
            "check failed: {}",
            render::summary(
                &c,
                render::Scope {
                    chapters: Some(report.chapters)
                }
            )
            .unwrap_or_default()
        ),
    }))
}

pub fn init(dir: PathBuf) -> Result<(), Error> {
    let written = crate::init::init(&dir)?;
    for p in &written {
        println!("  created {}", p.display());
    }
    let shown = dir.display();
    println!("Your handbook is ready. Build it with:\n  carebook build {shown}");
    Ok(())
}

pub fn clean(dir: PathBuf, out: Option<PathBuf>) -> Result<(), Error> {
    let opts = BuildOptions {
        out,
        ..Default::default()
    };
    let config = crate::build::configure(&dir, &opts)?;
    let given = crate::build::output_dir(&dir, &config, &opts);
    crate::build::check_overlap(&dir, &config, &given)?;
    let path = crate::output::OutputPath::resolve(&given).map_err(Error::Output)?;
    let removed = crate::output::clean(&path.target).map_err(Error::Output)?;
    // The build cache goes too: without the site it describes it is only disk space.
    let cache = crate::cache::remove(&path.target).map_err(|e| {
        Error::Failed(format!(
            "could not remove the build cache {}: {e}",
            crate::cache::dir(&path.target).display()
        ))
    })?;
    if removed.is_empty() && !cache {
        println!("Nothing to remove: {} does not exist", given.display());
    }
    for r in removed {
        match r.leftover {
            None if path.is_link() => println!(
                "Removed {} (the folder the link {} points to; the link is kept)",
                r.path.display(),
                given.display()
            ),
            None => println!("Removed {}", r.path.display()),
            Some(what) => println!("Removed {}: {what}", r.path.display()),
        }
    }
    if cache {
        println!(
            "Removed {} (the build cache)",
            crate::cache::dir(&path.target).display()
        );
    }
    Ok(())
}

/// `carebook review`: who must review what, by when.
pub fn review(dir: &std::path::Path, json: bool) -> Result<(), Error> {
    let report = crate::build::review_report(dir)?;
    print!("{}", if json { report.json() } else { report.text() });
    Ok(())
}

/// `carebook translations`: each language's state, or `--stamp FILE…` to record which
/// version of its original each translation follows.
pub fn translations(dir: &std::path::Path, stamp: &[PathBuf], json: bool) -> Result<(), Error> {
    if !stamp.is_empty() {
        for (file, print) in crate::build::stamp_translations(dir, stamp)? {
            println!("{}: translated-from: {print}", file.display());
        }
        return Ok(());
    }
    let report = crate::build::translations_report(dir)?;
    print!("{}", if json { report.json() } else { report.text() });
    Ok(())
}

/// How many unresolved links `init --from` lists before "and N more".
const LINKS_SHOWN: usize = 20;

/// `carebook init --from DIR`: book.toml for a handbook a team already has, and what
/// was found in it, for people or (`json`) for scripts.
pub fn init_from(dir: PathBuf, from: PathBuf, json: bool, verbose: bool) -> Result<(), Error> {
    let found = crate::init::from::init_from(&dir, &from)?;
    if json {
        println!("{}", import_json(&found));
    } else {
        print!("{}", import_text(&found, &dir, verbose));
    }
    if !json && !found.errors.is_empty() {
        // Each kind of problem once with its count, as `carebook build` shows them:
        // a folder written for another tool can have thousands of the same one.
        Shown {
            format: Format::Human,
            book_dir: dir,
            verbose,
        }
        .print(&found.errors);
    }
    Ok(())
}

/// The report for people: plain words, one block per kind of finding.
pub fn import_text(
    f: &crate::init::from::Imported,
    dir: &std::path::Path,
    verbose: bool,
) -> String {
    use crate::diag::display_path;
    use crate::plural;
    use std::fmt::Write;
    let folder = display_path(&f.folder);
    let folder = folder.trim_end_matches('/');
    let mut t = String::new();
    let _ = writeln!(t, "Read {folder}/ the way `carebook build` will:\n");
    let sections = match (f.sections, &f.deepest) {
        (0, _) | (_, None) => "all in the top folder".to_owned(),
        (n, Some((_, 1))) => format!("in {} (folders), none inside another", plural(n, "section")),
        (n, Some((path, depth))) => format!(
            "in {} (folders), {depth} levels deep at {path}",
            plural(n, "section"),
        ),
    };
    let _ = writeln!(t, "  Pages      {} {sections}", plural(f.pages, "page"));
    if f.drafts > 0 {
        let _ = writeln!(
            t,
            "             and {} (draft: true), left out of the site",
            plural(f.drafts, "draft")
        );
    }
    if f.sections > 0 {
        let pages = match (f.section_pages, f.sections) {
            (0, _) => "none has a page of its own: a README.md, index.md or _index.md in a folder gives it a title and text".to_owned(),
            (p, n) if p == n => format!("all {n} have a page of their own (README.md, index.md or _index.md)"),
            (p, n) => format!("{p} of {n} have a page of their own (README.md, index.md or _index.md); the others list their pages"),
        };
        let _ = writeln!(t, "  Sections   {pages}");
    }
    let _ = writeln!(
        t,
        "  Home page  {}",
        f.home.as_deref().map_or_else(
            || "none: the home page lists the sections (add a README.md or index.md at the top to introduce it)".to_owned(),
            |h| format!("the text of {}", display_path(h))
        )
    );
    let _ = writeln!(
        t,
        "  Titles     {} from front matter, {} from the first heading, {} from the file name",
        f.titles.front_matter, f.titles.heading, f.titles.file_name
    );
    let _ = writeln!(
        t,
        "  Title      “{}”, {}",
        f.title,
        f.title_from.as_deref().map_or_else(
            || "from the folder's name (change it in book.toml)".to_owned(),
            |p| format!("from {}", display_path(p))
        )
    );
    if f.keys.is_empty() {
        let _ = writeln!(t, "\nFront matter: none; each title comes from the page's first heading or its file name.");
    } else {
        let _ = writeln!(t, "\nFront matter, and what carebook does with each key:");
        let width = f
            .keys
            .iter()
            .map(|k| k.key.chars().count())
            .max()
            .unwrap_or(0);
        let count = f
            .keys
            .iter()
            .map(|k| plural(k.pages, "page").len())
            .max()
            .unwrap_or(0);
        for k in &f.keys {
            let _ = writeln!(
                t,
                "  {:<width$}  {:<count$}  {}",
                crate::diag::one_line(&k.key),
                plural(k.pages, "page"),
                k.meaning
            );
        }
    }
    if f.tags.is_empty() {
        let _ = writeln!(t, "\nTags: none in use.");
    } else {
        let _ = writeln!(
            t,
            "\nTags in use: {}, declared in book.toml as your list of topics:",
            f.tags.len()
        );
        let width = f
            .tags
            .iter()
            .map(|g| g.label.chars().count())
            .max()
            .unwrap_or(0);
        for g in &f.tags {
            let _ = writeln!(
                t,
                "  {:<width$}  {}",
                crate::diag::one_line(&g.label),
                plural(g.pages, "page")
            );
        }
    }
    if !f.audiences.is_empty() {
        let _ = writeln!(
            t,
            "\nAudiences in use: {}, declared in book.toml:",
            f.audiences.len()
        );
        let width = f
            .audiences
            .iter()
            .map(|a| a.id.chars().count())
            .max()
            .unwrap_or(0);
        for a in &f.audiences {
            let _ = writeln!(
                t,
                "  {:<width$}  {}",
                crate::diag::one_line(&a.id),
                plural(a.pages, "page")
            );
        }
    }
    if f.unresolved.is_empty() {
        let _ = writeln!(t, "\nLinks: every link leads to its page or file.");
    } else {
        let _ = writeln!(
            t,
            "\nLinks that lead nowhere: {} (book.toml says broken-links = \"warn\" until they are fixed):",
            f.unresolved.len()
        );
        let shown = if verbose {
            f.unresolved.len()
        } else {
            LINKS_SHOWN
        };
        for d in f.unresolved.iter().take(shown) {
            let _ = writeln!(
                t,
                "  {}:{}:{}: {}",
                display_path(&d.path),
                d.line,
                d.col,
                crate::diag::one_line(&d.message)
            );
        }
        if f.unresolved.len() > shown {
            let _ = writeln!(
                t,
                "  … and {} more; `carebook check` lists every one",
                f.unresolved.len() - shown
            );
        }
    }
    let _ = writeln!(
        t,
        "\nWrote {}. Nothing in {folder}/ was changed.",
        display_path(&f.book_toml)
    );
    let arg = if dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!(" {}", display_path(dir))
    };
    if f.errors.is_empty() {
        if f.other_warnings > 0 {
            let _ = writeln!(
                t,
                "The build will also show {}; `carebook check{arg}` explains each.",
                plural(f.other_warnings, "other warning")
            );
        }
        let _ = writeln!(t, "Next:");
        let _ = writeln!(
            t,
            "  carebook serve{arg}   preview it in your browser while you edit"
        );
        let _ = writeln!(
            t,
            "  carebook build{arg}   write the website into {}/",
            display_path(&dir.join("site"))
        );
    } else {
        let _ = writeln!(
            t,
            "`carebook build` will stop on {} in the pages until {} fixed (below); then run:\n  carebook build{arg}",
            plural(f.errors.len(), "problem"),
            if f.errors.len() == 1 { "it is" } else { "they are" }
        );
    }
    t
}

/// The report as one JSON document.
pub fn import_json(f: &crate::init::from::Imported) -> String {
    use crate::diag::display_path;
    use serde_json::json;
    let problem = |d: &Diagnostic| {
        json!({
            "file": display_path(&d.path),
            "line": d.line,
            "column": d.col,
            "message": d.message,
        })
    };
    let value = json!({
        "book_toml": display_path(&f.book_toml),
        "source": f.source,
        "title": f.title,
        "title_from": f.title_from.as_deref().map(display_path),
        "pages": f.pages,
        "drafts": f.drafts,
        "sections": f.sections,
        "section_pages": f.section_pages,
        "deepest": f.deepest.as_ref().map(|(path, depth)| json!({"path": path, "depth": depth})),
        "home": f.home.as_deref().map(display_path),
        "titles": {
            "front_matter": f.titles.front_matter,
            "heading": f.titles.heading,
            "file_name": f.titles.file_name,
        },
        "front_matter_keys": f.keys.iter().map(|k| json!({
            "key": k.key, "pages": k.pages, "read": k.read, "meaning": k.meaning,
        })).collect::<Vec<_>>(),
        "tags": f.tags.iter().map(|g| json!({
            "id": g.id, "label": g.label, "pages": g.pages,
        })).collect::<Vec<_>>(),
        "audiences": f.audiences.iter().map(|a| json!({
            "id": a.id, "label": a.label, "pages": a.pages,
        })).collect::<Vec<_>>(),
        "unresolved_links": f.unresolved.iter().map(problem).collect::<Vec<_>>(),
        "errors": f.errors.iter().map(problem).collect::<Vec<_>>(),
        "other_warnings": f.other_warnings,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
