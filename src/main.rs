//! The `carebook` command line: parses arguments, calls the library, maps errors to
//! exit codes (0 success, 1 content errors, 2 usage or configuration errors, 3 a file or
//! folder that could not be read or written).

use std::path::PathBuf;
use std::process::ExitCode;

use carebook::build::BuildOptions;
use carebook::check::CheckOptions;
use carebook::commands::{self, Shown};
use carebook::diag::Format;
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
    /// Create a new handbook with settings and two example chapters, or (with --from)
    /// settings for a handbook you already have.
    #[command(
        after_help = "Examples:\n  carebook init my-handbook      create my-handbook/ with book.toml and guide/\n  carebook init                  create the book in this folder\n  carebook init --from handbook  write book.toml here for the Markdown pages in handbook/\n\nWith --from, carebook reads the folder the way `carebook build` will and tells you\nwhat it found: pages and sections, front-matter keys and what it does with each,\nthe tags in use (listed in book.toml as your topics) and the links that lead\nnowhere. It writes only book.toml, next to the folder: nothing inside it changes.\nIt never replaces an existing book.toml."
    )]
    Init {
        /// Folder for the new book (and its book.toml); created when missing [default: .].
        dir: Option<PathBuf>,
        /// A folder of Markdown pages you already have (from GitHub, MkDocs, Hugo,
        /// Docusaurus or a wiki export): book.toml is written for it, nothing in it changes.
        #[arg(long, value_name = "DIR")]
        from: Option<PathBuf>,
        /// How to show what --from found.
        #[arg(long, value_enum, default_value_t = InitFormat::Text, requires = "from")]
        format: InitFormat,
        /// List every link that leads nowhere, not only the first 20.
        #[arg(long, short, requires = "from")]
        verbose: bool,
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
            let shown = shown.insert(Shown::new(format.into(), &dir));
            shown.verbose = verbose;
            commands::build(dir, opts, timings, open, shown)
        }),
        Command::Check {
            dir,
            format,
            max_warnings,
            external,
            drafts,
            strict,
        } => book_dir(dir, &book).and_then(|dir| {
            commands::check(
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
        Command::Init {
            dir, from: None, ..
        } => book_dir(dir, &book).and_then(commands::init),
        Command::Init {
            dir,
            from: Some(from),
            format,
            verbose,
        } => book_dir(dir, &book).and_then(|dir| {
            // A folder that cannot be read fails with the build's own problems.
            shown = Some(Shown::new(Format::Human, &dir));
            commands::init_from(dir, from, matches!(format, InitFormat::Json), verbose)
        }),
        Command::Review { dir, format } => book_dir(dir, &book)
            .and_then(|dir| commands::review(&dir, matches!(format, ReviewFormat::Json))),
        Command::Translations { dir, format, stamp } => book_dir(dir, &book).and_then(|dir| {
            commands::translations(&dir, &stamp, matches!(format, ReviewFormat::Json))
        }),
        Command::Clean { dir, out } => {
            book_dir(dir, &book).and_then(|dir| commands::clean(dir, out))
        }
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
                commands::list_packs(book)
            } else {
                let request = commands::pack_request(id, tags, audience, chapters, title);
                let format = shown.insert(Shown::new(format.into(), &book));
                commands::pack(book, out, request, language, format)
            }
        }
    };
    match (result, shown) {
        (Ok(()), _) => ExitCode::SUCCESS,
        (Err(e), Some(shown)) if e.diagnostics().is_some() => {
            shown.print_failure(&e);
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

#[derive(Clone, Copy, ValueEnum)]
enum ReviewFormat {
    /// For people: one block per owner.
    Text,
    /// One JSON document, for scripts.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum InitFormat {
    /// For people: what was found, in plain words.
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
