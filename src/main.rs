//! The `carebook` command line: parses arguments, calls the library, maps errors to
//! exit codes (0 success, 1 content errors, 2 usage or configuration errors, 3 a file or
//! folder that could not be read or written).

use std::path::PathBuf;
use std::process::ExitCode;

use carebook::build::{BuildOptions, PackRequest};
use carebook::check::CheckOptions;
use carebook::diag::{render, Diagnostic, Format};
use carebook::Error;
use clap::{Parser, Subcommand, ValueEnum};

// glibc's allocator spent ~14% of a 10,000-chapter build in malloc/free across the
// rayon threads; mimalloc's thread-local heaps avoid that contention.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "carebook",
    version,
    about = "Build a customer-care handbook into a searchable website, desk checklists and course packs.",
    after_help = "Exit codes: 0 success, 1 problems in the chapters, 2 a usage or settings problem\n(arguments, book.toml), 3 a file or folder could not be read or written.",
    propagate_version = true,
    disable_help_subcommand = true
)]
struct Cli {
    /// The book's folder (the one with book.toml), for any command [default: this folder].
    #[arg(short = 'C', long = "book", global = true, value_name = "DIR")]
    book: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the handbook into a website.
    #[command(
        after_help = "Examples:\n  carebook build                      build the book in this folder into site/\n  carebook build my-handbook          build the book in my-handbook/\n  carebook build --out /srv/www/help  write the site somewhere else\n  carebook build --base-url https://help.example.com/  also write sitemap.xml\n\nThe site is written to a temporary folder first; if anything is wrong, the\nprevious site stays exactly as it was.\n\nExit codes: 0 built, 1 problems in the chapters, 2 a usage or settings problem,\n3 a file or folder could not be read or written."
    )]
    Build {
        /// The book's folder (the one with book.toml); the same as -C DIR [default: .].
        dir: Option<PathBuf>,
        /// Where to write the site [default: `output` in book.toml, normally site/].
        #[arg(long, short, visible_alias = "dest-dir", visible_short_alias = 'd')]
        out: Option<PathBuf>,
        /// The address the site will be published at, for sitemap.xml.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include chapters marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Print how long each stage of the build took.
        #[arg(long)]
        timings: bool,
        /// Render and write every page, ignoring what the last build left in
        /// .carebook-cache/ next to the output folder.
        #[arg(long)]
        force: bool,
        /// Open the built site in your browser.
        #[arg(long)]
        open: bool,
        /// List every warning; otherwise a kind of warning that comes up in many
        /// places is shown once, with how many there are (`carebook check` lists all).
        #[arg(long, short)]
        verbose: bool,
        /// How to show problems: human and line on stderr; json and github on stdout.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
    },
    /// Check links, structure and prose without writing anything.
    #[command(
        after_help = "Examples:\n  carebook check                      check the book in this folder\n  carebook check --format line        one `path:line:col: level[rule]: message` per line\n  carebook check --max-warnings 0     fail (exit 1) on any warning, e.g. in CI\n  carebook check --external           also check web links (needs the network)\n\nExit codes: 0 no errors, 1 errors (or too many warnings), 2 a usage or\nconfiguration problem (book.toml, rule files), 3 a file could not be read or\nwritten. Rules: docs/rules.md."
    )]
    Check {
        /// The book's folder (the one with book.toml); the same as -C DIR [default: .].
        dir: Option<PathBuf>,
        /// How to show the findings.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Fail when there are more warnings than this.
        #[arg(long, value_name = "N")]
        max_warnings: Option<usize>,
        /// Also check http(s) links: 8 at a time, 10 seconds each at most.
        #[arg(long)]
        external: bool,
        /// Check chapters marked `draft: true` too.
        #[arg(long)]
        drafts: bool,
        /// Report overdue and never-reviewed pages as errors, not warnings.
        #[arg(long)]
        strict: bool,
    },
    /// List the pages due for review, by owner and due date.
    #[command(
        after_help = "Examples:\n  carebook review                     pages by owner, soonest due first\n  carebook review --format json       the same as JSON, for scripts and dashboards\n\nReview dates are tracked when book.toml has a [review] table (every = \"180 days\")\nor a chapter or part sets review-every. \"Today\" is SOURCE_DATE_EPOCH when set.\nThe built site has the same report as review.html."
    )]
    Review {
        /// The book's folder (the one with book.toml); the same as -C DIR [default: .].
        dir: Option<PathBuf>,
        /// How to show the report.
        #[arg(long, value_enum, default_value_t = ReviewFormat::Text)]
        format: ReviewFormat,
    },
    /// Show which chapters are translated, which are behind their original, and which
    /// are missing, per language; or stamp translations as up to date.
    #[command(
        after_help = "Examples:\n  carebook translations                          per language: behind, not stamped, missing\n  carebook translations --format json            the same as JSON\n  carebook translations --stamp guide/money/refunds.es.md\n                                                 record that this translation follows its original as it is now\n\nLanguages are declared in book.toml ([languages.es]); a translation sits next to its\noriginal with the language's code before the extension: refunds.es.md translates\nrefunds.md, _part.es.yaml a part's title and introduction. `carebook check` reports\nthe same, as warnings."
    )]
    Translations {
        /// The book's folder (the one with book.toml); the same as -C DIR [default: .].
        dir: Option<PathBuf>,
        /// How to show the report.
        #[arg(long, value_enum, default_value_t = ReviewFormat::Text)]
        format: ReviewFormat,
        /// Translation files to stamp with their original's current fingerprint
        /// (`translated-from` in their front matter), once they say what it says.
        #[arg(long, num_args = 1.., value_name = "FILE")]
        stamp: Vec<PathBuf>,
    },
    /// Create a new handbook with settings and two example chapters.
    #[command(
        after_help = "Examples:\n  carebook init my-handbook   create my-handbook/ with book.toml and guide/\n  carebook init               create the book in this folder"
    )]
    Init {
        /// Folder for the new book; created when missing [default: .].
        dir: Option<PathBuf>,
    },
    /// Build a course pack on its own: a mini-site, handout, desk cards, trainer's sheet
    /// and SCORM 1.2 package.
    #[command(
        after_help = "Examples:\n  carebook pack --list                          show the packs declared in book.toml and packs/\n  carebook pack new-hire-week-one               build a declared pack into pack-new-hire-week-one/\n  carebook pack --tag culture --tag stress --audience new-hire --title \"Calm and clear\" --out class\n  carebook pack --chapter de-escalation --chapter patience --title \"Difficult calls\"\n\nChapters chosen by tag and audience come in handbook order; chapters named with\n--chapter come first, in the order given. Links to chapters outside the pack become\nplain text. A full `carebook build` also builds every declared pack under site/packs/."
    )]
    Pack {
        /// A pack declared in book.toml ([packs.<id>]) or packs/<id>.yaml.
        id: Option<String>,
        /// Choose chapters with this tag (repeatable; a chapter needs any one of them).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Choose chapters for this audience.
        #[arg(long)]
        audience: Option<String>,
        /// Add this chapter by its slug (repeatable).
        #[arg(long = "chapter", value_name = "SLUG")]
        chapters: Vec<String>,
        /// Title of a pack chosen on the command line.
        #[arg(long, default_value = "Course pack")]
        title: String,
        /// Where to write the pack [default: pack-<id>/ next to book.toml].
        #[arg(long, short, visible_alias = "dest-dir", visible_short_alias = 'd')]
        out: Option<PathBuf>,
        /// List the declared packs with their chapters and times.
        #[arg(long)]
        list: bool,
        /// Build the pack in one of the book's other languages ([languages.<code>] in
        /// book.toml), e.g. --language es.
        #[arg(long, value_name = "CODE")]
        language: Option<String>,
        /// How to show problems: human and line on stderr; json and github on stdout.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
    },
    /// Preview the handbook while you write: serves it and reloads the browser after
    /// every saved change.
    #[command(
        after_help = "Examples:\n  carebook serve                   serve the book in this folder at http://127.0.0.1:3000/\n  carebook serve my-handbook --open\n  carebook serve --port 8080\n\nThe site is kept in memory: nothing is written to site/. Only this computer can\nsee it unless you pass --host 0.0.0.0. When a change does not build, the browser\nshows the error and keeps the last good version until you fix it."
    )]
    Serve {
        /// The book's folder (the one with book.toml); the same as -C DIR [default: .].
        dir: Option<PathBuf>,
        /// Port to listen on (0 picks a free one).
        #[arg(long, short, default_value_t = 3000)]
        port: u16,
        /// Address to listen on; 0.0.0.0 shares the preview with your network.
        #[arg(
            long,
            short = 'n',
            visible_alias = "hostname",
            default_value = "127.0.0.1"
        )]
        host: String,
        /// Open the preview in your browser.
        #[arg(long)]
        open: bool,
        /// Include chapters marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Also answer to this host name (repeatable; `.example.com` allows every name
        /// under example.com). Other names are refused, so web sites cannot read the
        /// preview by pointing their name at this computer.
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_host: Vec<String>,
    },
    /// Delete the built site.
    #[command(
        after_help = "Examples:\n  carebook clean             delete site/ of the book in this folder\n  carebook clean my-handbook\n\nOnly a folder that carebook built is deleted, with its build cache (.carebook-cache/site/ beside it)."
    )]
    Clean {
        /// The book's folder (the one with book.toml); the same as -C DIR [default: .].
        dir: Option<PathBuf>,
        /// The site folder to delete [default: `output` in book.toml].
        #[arg(long, short, visible_alias = "dest-dir", visible_short_alias = 'd')]
        out: Option<PathBuf>,
    },
    /// Print a shell completion script, e.g. `carebook completions bash > ~/.local/share/bash-completion/completions/carebook`.
    #[command(
        after_help = "Examples:\n  carebook completions bash > ~/.local/share/bash-completion/completions/carebook\n  carebook completions zsh > ~/.zfunc/_carebook\n  carebook completions fish > ~/.config/fish/completions/carebook.fish\n  carebook completions powershell >> $PROFILE"
    )]
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print help for carebook or one of its commands.
    Help {
        /// The command to explain, e.g. `build`.
        command: Option<String>,
    },
}

/// The book's folder: the command's own argument or `-C DIR`, not both.
fn book_dir(positional: Option<PathBuf>, global: &Option<PathBuf>) -> Result<PathBuf, Error> {
    match (positional, global) {
        (Some(p), Some(g)) if p != *g => Err(Error::Usage(format!(
            "two book folders given: `{}` and -C `{}`; give one",
            p.display(),
            g.display()
        ))),
        (Some(p), _) => Ok(p),
        (None, Some(g)) => Ok(g.clone()),
        (None, None) => Ok(PathBuf::from(".")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let book = cli.book;
    let dated = matches!(
        cli.command,
        Command::Build { .. } | Command::Pack { .. } | Command::Serve { .. }
    );
    // Printed pages carry the build date: a date that is set must be one.
    if let (true, Err(e)) = (dated, carebook::source_date_epoch()) {
        return fail(e);
    }
    // The format a build or pack shows its problems in, also when it fails.
    let mut shown: Option<Shown> = None;
    let result = match cli.command {
        Command::Build {
            dir,
            out,
            base_url,
            drafts,
            timings,
            force,
            open,
            format,
            verbose,
        } => book_dir(dir, &book).and_then(|dir| {
            let opts = BuildOptions {
                out,
                base_url,
                drafts,
                progress: None,
                force,
            };
            let shown = shown.insert(Shown::new(format, &dir));
            shown.verbose = verbose;
            build(dir, opts, timings, open, shown)
        }),
        Command::Check {
            dir,
            format,
            max_warnings,
            external,
            drafts,
            strict,
        } => book_dir(dir, &book).and_then(|dir| {
            check(
                dir,
                CheckOptions {
                    external,
                    drafts,
                    strict,
                },
                format.into(),
                max_warnings,
            )
        }),
        Command::Init { dir } => book_dir(dir, &book).and_then(init),
        Command::Review { dir, format } => book_dir(dir, &book).and_then(|dir| {
            let report = carebook::build::review_report(&dir)?;
            match format {
                ReviewFormat::Text => print!("{}", report.text()),
                ReviewFormat::Json => print!("{}", report.json()),
            }
            Ok(())
        }),
        Command::Translations { dir, format, stamp } => book_dir(dir, &book).and_then(|dir| {
            if !stamp.is_empty() {
                for (file, print) in carebook::build::stamp_translations(&dir, &stamp)? {
                    println!("{}: translated-from: {print}", file.display());
                }
                return Ok(());
            }
            let report = carebook::build::translations_report(&dir)?;
            match format {
                ReviewFormat::Text => print!("{}", report.text()),
                ReviewFormat::Json => print!("{}", report.json()),
            }
            Ok(())
        }),
        Command::Clean { dir, out } => book_dir(dir, &book).and_then(|dir| clean(dir, out)),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "carebook",
                &mut std::io::stdout(),
            );
            Ok(())
        }
        Command::Help { command } => help(command.as_deref()),
        Command::Serve {
            dir,
            port,
            host,
            open,
            drafts,
            allow_host,
        } => book_dir(dir, &book).and_then(|dir| {
            carebook::serve::serve(
                &dir,
                &carebook::serve::ServeOptions {
                    host,
                    port,
                    open,
                    drafts,
                    allow_hosts: allow_host,
                },
            )
        }),
        Command::Pack {
            id,
            tags,
            audience,
            chapters,
            title,
            out,
            list,
            language,
            format,
        } => {
            let book = book.unwrap_or_else(|| PathBuf::from("."));
            if list {
                list_packs(book)
            } else {
                let request = pack_request(id, tags, audience, chapters, title);
                let format = shown.insert(Shown::new(format, &book));
                pack(book, out, request, language, format)
            }
        }
    };
    match (result, shown) {
        (Ok(()), _) => ExitCode::SUCCESS,
        (Err(e), Some(shown)) if e.diagnostics().is_some() => {
            let ds = e.diagnostics().unwrap_or_default();
            shown.print(ds);
            let errors = ds.iter().filter(|d| d.is_error()).count();
            eprintln!("{}", carebook::summary_line(errors, ds.len() - errors));
            ExitCode::from(e.exit_code() as u8)
        }
        (Err(e), _) => fail(e),
    }
}

/// `carebook help [COMMAND]`: the same text as `--help`.
fn help(command: Option<&str>) -> Result<(), Error> {
    use clap::CommandFactory;
    let mut cli = Cli::command();
    let result = match command {
        None => cli.print_long_help(),
        Some(name) => match cli.find_subcommand_mut(name) {
            Some(sub) => sub.print_long_help(),
            None => {
                return Err(Error::Usage(format!(
                    "there is no command `{name}`; run `carebook help` to see them all"
                )))
            }
        },
    };
    result.map_err(|e| Error::Usage(format!("cannot print the help: {e}")))
}

/// Prints the error once and gives its exit code.
fn fail(e: Error) -> ExitCode {
    eprintln!("{e}");
    ExitCode::from(e.exit_code() as u8)
}

/// How one command shows its problems.
struct Shown {
    format: Format,
    book_dir: PathBuf,
    /// Every warning in full, not each kind once (see `carebook::quiet`).
    verbose: bool,
}

impl Shown {
    fn new(format: FormatArg, book_dir: &std::path::Path) -> Self {
        Shown {
            format: format.into(),
            book_dir: book_dir.to_path_buf(),
            verbose: false,
        }
    }

    /// Prints `diags`: for people and editors on stderr, for scripts and GitHub on
    /// stdout, where they are the only output.
    fn print(&self, diags: &[Diagnostic]) {
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
            for group in carebook::quiet::group(diags) {
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

    /// A line for people: on stdout, unless stdout carries the JSON or annotations.
    fn say(&self, line: String) {
        if matches!(self.format, Format::Json | Format::Github) {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }
}

fn build(
    dir: PathBuf,
    mut opts: BuildOptions,
    timings: bool,
    open: bool,
    shown: &Shown,
) -> Result<(), Error> {
    use std::io::IsTerminal;
    let ticker = std::io::stderr().is_terminal().then(|| {
        let (tx, ticker) = carebook::progress::Ticker::start();
        opts.progress = Some(tx);
        ticker
    });
    let result = carebook::build(&dir, &opts);
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
        carebook::open::open_in_browser(&index.to_string_lossy());
    } else {
        shown.say(format!("Open {} in a browser to read it.", index.display()));
    }
    Ok(())
}

fn pack_request(
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

fn pack(
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
    let (report, pack) = carebook::build::build_pack(&book, &opts, &request?, language.as_deref())?;
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

fn list_packs(book: PathBuf) -> Result<(), Error> {
    let packs = carebook::build::list_packs(&book)?;
    if packs.is_empty() {
        println!(
            "No packs are declared yet. Add a [packs.<id>] table to book.toml (see README.md)."
        );
    }
    let words = carebook::strings::Strings::default();
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

#[derive(Clone, Copy, ValueEnum)]
enum ReviewFormat {
    /// For people: one block per owner.
    Text,
    /// One JSON document, for scripts.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// For people: the source line with a caret under each problem.
    Human,
    /// `path:line:col: level[rule]: message`, for editors and scripts.
    Line,
    /// One JSON document with every finding and a summary.
    Json,
    /// GitHub Actions annotations (`::warning file=…,line=…::message`) for pull requests.
    Github,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Line => Format::Line,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
        }
    }
}

fn check(
    dir: PathBuf,
    opts: CheckOptions,
    format: Format,
    max_warnings: Option<usize>,
) -> Result<(), Error> {
    let report = carebook::check::check(&dir, &opts).map_err(|e| match e {
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
            carebook::plural(c.warnings, "warning")
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

fn init(dir: PathBuf) -> Result<(), Error> {
    let written = carebook::init::init(&dir)?;
    for p in &written {
        println!("  created {}", p.display());
    }
    let shown = dir.display();
    println!("Your handbook is ready. Build it with:\n  carebook build {shown}");
    Ok(())
}

fn clean(dir: PathBuf, out: Option<PathBuf>) -> Result<(), Error> {
    let opts = BuildOptions {
        out,
        ..Default::default()
    };
    let config = carebook::build::configure(&dir, &opts)?;
    let given = carebook::build::output_dir(&dir, &config, &opts);
    carebook::build::check_overlap(&dir, &config, &given)?;
    let path = carebook::output::OutputPath::resolve(&given).map_err(Error::Output)?;
    let removed = carebook::output::clean(&path.target).map_err(Error::Output)?;
    // The build cache goes too: without the site it describes it is only disk space.
    let cache = carebook::cache::remove(&path.target).map_err(|e| {
        Error::Failed(format!(
            "could not remove the build cache {}: {e}",
            carebook::cache::dir(&path.target).display()
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
            carebook::cache::dir(&path.target).display()
        );
    }
    Ok(())
}
