//! `carebook check`: everything the build validates, reported at once without writing
//! anything, plus structure checks ([`structure`]), a prose linter ([`lint`]) driven by
//! YAML rules ([`rules`]) over the prose of each chapter ([`prose`]), and optionally
//! web links ([`external`]). `diag::render` shows the findings, as it shows every
//! command's problems.

pub mod external;
pub mod lint;

pub mod rules;
pub mod structure;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::analysis::ProseFindings;
use crate::book;
use crate::build::{self, BuildOptions};
use crate::diag::render::{self, Counts, Format, Scope, Sources};
use crate::diag::{did_you_mean, Diagnostic, LineIndex};
use crate::markdown::prose::Prose;
use crate::Error;
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
    pub findings: Vec<Diagnostic>,
    pub chapters: usize,
    /// The chapters' texts, which the human format quotes.
    sources: Vec<(PathBuf, String)>,
}

impl Report {
    pub fn counts(&self) -> Counts {
        render::counts(&self.findings)
    }

    /// The findings in `format`, the human one closed by a summary line; `book_dir`
    /// (the book's folder as given) prefixes the paths of GitHub annotations, which are
    /// resolved from the repository root.
    pub fn render(&self, format: Format, color: bool, book_dir: &Path) -> String {
        let scope = Scope {
            chapters: Some(self.chapters),
        };
        let mut sources = Sources::with(self.sources.iter().cloned());
        let mut out = render::render(&self.findings, format, scope, color, &mut sources, book_dir);
        if format == Format::Human {
            out.push_str(&render::summary(&self.counts(), scope).unwrap_or_default());
            out.push('\n');
        }
        out
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
    let toml = config.file.clone();
    let (book, mut diags) = book::load(root, config);
    let rules = rules::load(root, &book, &toml.text).map_err(Error::Config)?;
    // Each other language is checked as it is built: its translations' links,
    // includes and knowledge checks; and how far each has fallen behind.
    diags.extend(
        crate::translations::Report(crate::translations::status(&book))
            .findings(&toml.path, &toml.text),
    );
    let others: Vec<Diagnostic> = (1..book.languages.len())
        .into_par_iter()
        .flat_map_iter(|i| crate::analysis::Analysis::of(root, book.in_language(i), Vec::new()).1)
        .collect();
    diags.extend(others);
    // The build's analysis, whose problems are the check's first findings; no page is
    // rendered.
    let linter = Linter { rules: &rules };
    let (mut analysis, diags) = crate::analysis::Analysis::linting(root, book, diags, &linter);
    let (prose_findings, links) = lint_findings(&mut analysis);
    let book = &analysis.book;
    let remap = book.remap();

    let mut findings = diags;
    findings.extend(structure::review(book, opts.strict));
    findings.extend(structure::missing_knowledge_checks(&analysis));
    let mut later = structure::check(&analysis, &rules);
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
    findings.sort_by(|a, b| {
        (&a.path, a.line, a.col, &a.rule, &a.message)
            .cmp(&(&b.path, b.line, b.col, &b.rule, &b.message))
    });
    findings.dedup();
    let mut sources: Vec<(PathBuf, String)> = book
        .chapters
        .iter()
        .map(|c| (c.path.clone(), c.text.clone()))
        .collect();
    sources.push((toml.path, toml.text.to_string()));
    Ok(Report {
        findings,
        chapters: book.chapters.len(),
        sources,
    })
}

/// Web links found in the chapters: each address with every place it appears.
type Links = Vec<(String, Vec<Diagnostic>)>;

/// The prose linter, run by the analysis on each chapter's prose as it renders it.
struct Linter<'r> {
    rules: &'r RuleSet,
}

impl crate::analysis::ProseReader for Linter<'_> {
    fn read(&self, ch: &crate::book::Chapter, prose: &Prose) -> ProseFindings {
        let lines = LineIndex::new(&ch.text);
        let mut diagnostics: Vec<Diagnostic> = lint::lint(prose, &self.rules.rules)
            .into_iter()
            .map(|h| hit_finding(&ch.path, &lines, h))
            .collect();
        diagnostics.extend(comment_findings(&ch.path, &lines, prose, self.rules));
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
        ProseFindings { diagnostics, links }
    }
}

/// The linter's findings, taken from the analysis, and the external links gathered by
/// address.
fn lint_findings(analysis: &mut crate::analysis::Analysis) -> (Vec<Diagnostic>, Links) {
    let mut findings = Vec::new();
    let mut links: Links = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for out in &mut analysis.chapters {
        let Some(found) = out.lint.take() else {
            continue;
        };
        findings.extend(found.diagnostics);
        for (url, place) in found.links {
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
fn located(path: &Path, lines: &LineIndex<'_>, at: usize, width: usize) -> Diagnostic {
    let pos = lines.pos(at);
    Diagnostic::warning(path, pos, "").with_width(width)
}

fn hit_finding(path: &Path, lines: &LineIndex<'_>, h: lint::Hit<'_>) -> Diagnostic {
    let (start, last) = (lines.pos(h.start), lines.pos(h.last));
    let width = if start.line == last.line {
        last.col.saturating_sub(start.col) + 1
    } else {
        usize::MAX // to the end of the line
    };
    Diagnostic {
        severity: h.rule.level,
        rule: h.rule.id.clone(),
        message: h.message,
        hint: h.rule.hint.clone(),
        see: h.rule.link.clone(),
        ..located(path, lines, h.start, width)
    }
}

/// `carebook-lint` comments naming rules that do not exist, or with a wrong action.
fn comment_findings(
    path: &Path,
    lines: &LineIndex<'_>,
    prose: &Prose,
    rules: &RuleSet,
) -> Vec<Diagnostic> {
    let card = prose.comment_rules.iter().filter(|(r, _)| RuleSet::is_card_rule(r)).map(|(r, at)| Diagnostic {
        message: format!("`{r}` is a desk-card rule: comments in a chapter cannot switch it"),
        hint: Some(format!("switch it for the whole book in book.toml: `[check.rules]` then `carebook.{} = false`", r.strip_prefix("carebook.").unwrap_or(r))),
        ..located(path, lines, *at, r.chars().count())
    });
    let unknown = prose.comment_rules.iter().filter(|(r, _)| !rules.knows(r)).map(|(r, at)| {
        let hint = did_you_mean(r, rules.known.iter().map(String::as_str))
            .map_or("the rule names are listed by `carebook check --format json` output and in docs/rules.md".to_owned(), |b| format!("did you mean `{b}`?"));
        Diagnostic {
            message: format!("the comment names the rule `{r}`, which does not exist"),
            hint: Some(hint),
            ..located(path, lines, *at, r.chars().count())
        }
    });
    let bad = prose.bad_comments.iter().map(|(action, at)| Diagnostic {
        message: format!("`carebook-lint {action}` is not understood; write `carebook-lint off RULE` or `carebook-lint on`"),
        ..located(path, lines, *at, action.chars().count())
    });
    unknown
        .chain(card)
        .chain(bad)
        .map(|f| Diagnostic {
            rule: "lint-comment".into(),
            ..f
        })
        .collect()
}

fn external_links(links: Links) -> Vec<Diagnostic> {
    let urls: Vec<String> = links.iter().map(|(u, _)| u.clone()).collect();
    let problems = external::check(&urls);
    let places: HashMap<String, Vec<Diagnostic>> = links.into_iter().collect();
    problems
        .into_iter()
        .flat_map(|p| {
            places
                .get(&p.url)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |f| Diagnostic {
                    severity: p.level,
                    rule: "external-link".into(),
                    message: p.message.clone(),
                    ..f
                })
        })
        .collect()
}
