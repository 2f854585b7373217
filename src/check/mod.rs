//! `carebook check`: everything the build validates, reported at once without writing
//! anything, plus structure checks ([`structure`]), a prose linter ([`lint`]) driven by
//! YAML rules ([`rules`]) over the prose of each chapter ([`prose`]), and optionally
//! web links ([`external`]). [`report`] shows the findings.

pub mod external;
pub mod lint;
pub mod prose;
pub mod report;
pub mod rules;
pub mod structure;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::book::{self, Book};
use crate::build::{self, BuildOptions};
use crate::config::{Severity, CONFIG_FILE};
use crate::diag::{did_you_mean, LineIndex};
use crate::Error;
use report::Finding;
use rules::RuleSet;

#[derive(Debug, Default, Clone)]
pub struct CheckOptions {
    /// Also check `http(s)://` links over the network.
    pub external: bool,
    /// Check chapters marked `draft: true` too.
    pub drafts: bool,
    /// Overdue and never-reviewed pages are errors rather than warnings.
    pub strict: bool,
}

#[derive(Debug)]
pub struct Report {
    /// Sorted by file, line and column.
    pub findings: Vec<Finding>,
    pub chapters: usize,
}

impl Report {
    pub fn counts(&self) -> report::Counts {
        report::counts(&self.findings)
    }

    /// The findings in `format`; `book_dir` (the book's folder as given) prefixes the
    /// paths of GitHub annotations, which are resolved from the repository root.
    pub fn render(&self, format: report::Format, color: bool, book_dir: &Path) -> String {
        match format {
            report::Format::Github => report::github_format(&self.findings, book_dir),
            report::Format::Human => report::human_format(&self.findings, self.chapters, color),
            report::Format::Line => report::line_format(&self.findings),
            report::Format::Json => report::json_format(&self.findings, self.chapters),
        }
    }

    /// Fails on any error, or on more warnings than `max_warnings` allows.
    pub fn passes(&self, max_warnings: Option<usize>) -> bool {
        let c = self.counts();
        c.errors == 0 && max_warnings.is_none_or(|m| c.warnings <= m)
    }
}

pub fn check(root: &Path, opts: &CheckOptions) -> Result<Report, Error> {
    let build_opts = BuildOptions {
        drafts: opts.drafts,
        ..Default::default()
    };
    let config = build::configure(root, &build_opts)?;
    build::check_source(root, &config)?;
    let toml_text = std::fs::read_to_string(root.join(CONFIG_FILE)).unwrap_or_default();
    let (book, diags) = book::load(root, config);
    let rules = rules::load(root, &book, &toml_text).map_err(Error::Config)?;
    // The build's analysis, whose problems are the check's first findings; no page is
    // rendered.
    let (analysis, diags) = crate::analysis::Analysis::of(root, book, diags);
    let book = &analysis.book;
    let remap = crate::include::Remap::new(book);

    let mut findings: Vec<Finding> = diags
        .into_iter()
        .map(|d| Finding::from_diag(d, "build"))
        .collect();
    findings.extend(crate::review::check_findings(book, opts.strict));
    findings.extend(crate::quiz::missing_in_packs(&analysis));
    let mut later = structure::check(&analysis, &rules);
    let (prose_findings, links) = lint_chapters(book, &rules);
    later.extend(prose_findings);
    for f in &mut later {
        if let Some((p, l)) = remap.locate(&f.path, f.line) {
            (f.path, f.line) = (p, l);
        }
    }
    findings.extend(later);
    if opts.external {
        findings.extend(external_links(links));
    }
    attach_sources(&mut findings, book, root, &toml_text);
    findings.sort_by(|a, b| {
        (&a.path, a.line, a.col, &a.rule, &a.message)
            .cmp(&(&b.path, b.line, b.col, &b.rule, &b.message))
    });
    findings.dedup();
    Ok(Report {
        findings,
        chapters: book.chapters.len(),
    })
}

/// Web links found in the chapters: each address with every place it appears.
type Links = Vec<(String, Vec<Finding>)>;

fn lint_chapters(book: &Book, rules: &RuleSet) -> (Vec<Finding>, Links) {
    let avoid = &book.config.checklists.avoid_headings;
    type ChapterResult = (Vec<Finding>, Vec<(String, Finding)>);
    let per_chapter: Vec<ChapterResult> = book
        .chapters
        .par_iter()
        .map(|ch| {
            let prose = prose::extract(&ch.text, ch.body_start, avoid);
            let lines = LineIndex::new(&ch.text);
            let mut out: Vec<Finding> = lint::lint(&prose, &rules.rules)
                .into_iter()
                .map(|h| hit_finding(&ch.path, &lines, h))
                .collect();
            out.extend(comment_findings(&ch.path, &lines, &prose, rules));
            let links = prose
                .links
                .iter()
                .map(|(url, at)| {
                    (
                        url.clone(),
                        located(&ch.path, &lines, *at, url.chars().count()),
                    )
                })
                .collect();
            (out, links)
        })
        .collect();
    let mut findings = Vec::new();
    let mut links: Links = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (f, l) in per_chapter {
        findings.extend(f);
        for (url, place) in l {
            let i = *index.entry(url.clone()).or_insert_with(|| {
                links.push((url, Vec::new()));
                links.len() - 1
            });
            links[i].1.push(place);
        }
    }
    (findings, links)
}

/// A finding skeleton at a file offset, to be filled in by the caller.
fn located(path: &Path, lines: &LineIndex<'_>, at: usize, width: usize) -> Finding {
    let pos = lines.pos(at);
    Finding {
        level: Severity::Warning,
        path: path.to_path_buf(),
        line: pos.line,
        col: pos.col,
        width: width.max(1),
        rule: String::new(),
        message: String::new(),
        hint: None,
        link: None,
        source: None,
    }
}

fn hit_finding(path: &Path, lines: &LineIndex<'_>, h: lint::Hit<'_>) -> Finding {
    let (start, last) = (lines.pos(h.start), lines.pos(h.last));
    let width = if start.line == last.line {
        last.col.saturating_sub(start.col) + 1
    } else {
        usize::MAX // to the end of the line
    };
    Finding {
        level: h.rule.level,
        rule: h.rule.id.clone(),
        message: h.message,
        hint: h.rule.hint.clone(),
        link: h.rule.link.clone(),
        ..located(path, lines, h.start, width)
    }
}

/// `carebook-lint` comments naming rules that do not exist, or with a wrong action.
fn comment_findings(
    path: &Path,
    lines: &LineIndex<'_>,
    prose: &prose::Prose,
    rules: &RuleSet,
) -> Vec<Finding> {
    let card = prose.comment_rules.iter().filter(|(r, _)| RuleSet::is_card_rule(r)).map(|(r, at)| Finding {
        message: format!("`{r}` is a desk-card rule: comments in a chapter cannot switch it"),
        hint: Some(format!("switch it for the whole book in book.toml: `[check.rules]` then `carebook.{} = false`", r.strip_prefix("carebook.").unwrap_or(r))),
        ..located(path, lines, *at, r.chars().count())
    });
    let unknown = prose.comment_rules.iter().filter(|(r, _)| !rules.knows(r)).map(|(r, at)| {
        let hint = did_you_mean(r, rules.known.iter().map(String::as_str))
            .map_or("the rule names are listed by `carebook check --format json` output and in docs/rules.md".to_owned(), |b| format!("did you mean `{b}`?"));
        Finding {
            message: format!("the comment names the rule `{r}`, which does not exist"),
            hint: Some(hint),
            ..located(path, lines, *at, r.chars().count())
        }
    });
    let bad = prose.bad_comments.iter().map(|(action, at)| Finding {
        message: format!("`carebook-lint {action}` is not understood; write `carebook-lint off RULE` or `carebook-lint on`"),
        ..located(path, lines, *at, action.chars().count())
    });
    unknown
        .chain(card)
        .chain(bad)
        .map(|f| Finding {
            rule: "lint-comment".into(),
            ..f
        })
        .collect()
}

fn external_links(links: Links) -> Vec<Finding> {
    let urls: Vec<String> = links.iter().map(|(u, _)| u.clone()).collect();
    let problems = external::check(&urls);
    let places: HashMap<String, Vec<Finding>> = links.into_iter().collect();
    problems
        .into_iter()
        .flat_map(|p| {
            places
                .get(&p.url)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |f| Finding {
                    level: p.level,
                    rule: "external-link".into(),
                    message: p.message.clone(),
                    ..f
                })
        })
        .collect()
}

/// Gives each finding the text of its line, for the human format.
fn attach_sources(findings: &mut [Finding], book: &Book, root: &Path, toml_text: &str) {
    let mut texts: HashMap<&Path, &str> = book
        .chapters
        .iter()
        .map(|c| (c.path.as_path(), c.text.as_str()))
        .collect();
    let toml_path: PathBuf = root.join(CONFIG_FILE);
    texts.insert(&toml_path, toml_text);
    for f in findings.iter_mut().filter(|f| f.line > 0) {
        if let Some(text) = texts.get(f.path.as_path()) {
            f.source = text.lines().nth(f.line - 1).map(str::to_owned);
        }
    }
}
