//! The ways to show problems, the same for every command: for people (the source line
//! with carets under the problem, drawn by `annotate-snippets`, the renderer rustc uses),
//! one line each for editors, JSON for scripts, and GitHub Actions annotations.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use super::{display_path, one_line, Diagnostic, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// For people: each problem with its source line and carets under it.
    #[default]
    Human,
    /// `path:line:col: level[rule]: message`, one problem per line.
    Line,
    /// One JSON document with every problem and a summary.
    Json,
    /// GitHub Actions workflow commands: each problem becomes an annotation on the file.
    Github,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub suggestions: usize,
}

pub fn counts(diags: &[Diagnostic]) -> Counts {
    let mut c = Counts::default();
    for d in diags {
        match d.severity {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Suggestion => c.suggestions += 1,
        }
    }
    c
}

/// What a report is about, for its closing line and the JSON summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    /// How many chapters were read; `None` when the book could not be read at all
    /// (book.toml is wrong), so the summary does not claim "0 chapters".
    pub chapters: Option<usize>,
}

/// Where the human format finds the lines it quotes: files are read once, on first use,
/// from the paths the diagnostics name (the book's folder as given, joined to the file).
#[derive(Default)]
pub struct Sources {
    texts: HashMap<PathBuf, Option<String>>,
}

impl Sources {
    /// Sources that already hold some texts (e.g. the chapters in memory).
    pub fn with(texts: impl IntoIterator<Item = (PathBuf, String)>) -> Self {
        Sources {
            texts: texts.into_iter().map(|(p, t)| (p, Some(t))).collect(),
        }
    }

    fn line(&mut self, path: &Path, line: usize) -> Option<&str> {
        let text = self
            .texts
            .entry(path.to_path_buf())
            .or_insert_with(|| std::fs::read_to_string(path).ok());
        text.as_deref()?.lines().nth(line.checked_sub(1)?)
    }
}

/// `diags` in `format`. `book_dir` (the book's folder as given on the command line)
/// prefixes the paths of GitHub annotations, which Actions resolves from the
/// repository root.
pub fn render(
    diags: &[Diagnostic],
    format: Format,
    scope: Scope,
    color: bool,
    sources: &mut Sources,
    book_dir: &Path,
) -> String {
    match format {
        Format::Human => human(diags, color, sources),
        Format::Line => line(diags),
        Format::Json => json(diags, scope),
        Format::Github => github(diags, book_dir),
    }
}

/// `path:line:col: level[rule]: message`, one problem per line: control characters in
/// file names (a newline is allowed in one) and messages are escaped, so no problem
/// spills onto a second line for the editor or script reading them.
pub fn line(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(
            out,
            "{}: {}[{}]: {}",
            d.location(),
            d.severity.name(),
            one_line(&d.rule),
            one_line(&d.message)
        );
    }
    out
}

/// The format for people: each problem with its source line, carets under the exact
/// characters (wide characters and tabs included), the fix and the page that explains
/// the rule. The caller adds its own closing line (see [`summary`]).
pub fn human(diags: &[Diagnostic], color: bool, sources: &mut Sources) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Suggestion => Level::NOTE.with_name("suggestion"),
        };
        let path = one_line(&display_path(&d.path)).into_owned();
        let title = level.primary_title(d.message.as_str());
        // A check rule's name tells the reader what to look up or switch off; the
        // build's own problems need no label.
        let title = if d.rule == super::BUILD_RULE {
            title
        } else {
            title.id(d.rule.as_str())
        };
        let source = (d.line > 0)
            .then(|| sources.line(&d.path, d.line).map(str::to_owned))
            .flatten();
        let mut report = vec![match source {
            Some(text) => {
                let span = char_span(&text, d.col, d.width);
                title.element(
                    Snippet::source(text)
                        .line_start(d.line)
                        .path(path)
                        .annotation(AnnotationKind::Primary.span(span)),
                )
            }
            None if d.line > 0 => title.element(Origin::path(path).line(d.line).char_column(d.col)),
            None => title.element(Origin::path(path)),
        }];
        if let Some(hint) = &d.hint {
            report.push(Group::with_title(
                Level::HELP.secondary_title(hint.as_str()),
            ));
        }
        if let Some(see) = &d.see {
            report.push(Group::with_title(
                Level::NOTE.with_name("see").secondary_title(see.as_str()),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// The byte range of `width` characters from the 1-based character column `col`,
/// clamped to the line (a problem at the end of a line marks its last character).
fn char_span(text: &str, col: usize, width: usize) -> std::ops::Range<usize> {
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let chars = offsets.len() - 1;
    if chars == 0 {
        return 0..0;
    }
    let first = col.clamp(1, chars) - 1;
    let last = first.saturating_add(width.max(1)).min(chars);
    offsets[first]..offsets[last]
}

/// "2 errors, 1 warning, 0 suggestions in 36 chapters"; `None` for a clean report
/// without chapters (nothing to say).
pub fn summary(c: &Counts, scope: Scope) -> Option<String> {
    let n = |k: usize, word: &str| crate::plural(k, word);
    let in_chapters = scope
        .chapters
        .map(|k| format!(" in {}", n(k, "chapter")))
        .unwrap_or_default();
    if *c == Counts::default() {
        return scope
            .chapters
            .map(|_| format!("No problems found{in_chapters}."));
    }
    Some(format!(
        "{}, {}, {}{in_chapters}",
        n(c.errors, "error"),
        n(c.warnings, "warning"),
        n(c.suggestions, "suggestion"),
    ))
}

/// GitHub Actions workflow commands (`::warning file=…,line=…::message`), which show
/// each problem on the changed file in a pull request.
pub fn github(diags: &[Diagnostic], book_dir: &Path) -> String {
    // The escapes GitHub's runner documents for a command's data and its properties.
    fn data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }
    fn property(s: &str) -> String {
        data(s).replace(':', "%3A").replace(',', "%2C")
    }
    let mut out = String::new();
    for d in diags {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "notice",
        };
        // `./guide/a.md` and `guide/a.md` are the same file to GitHub: drop the `.`s.
        let joined: PathBuf = book_dir
            .join(&d.path)
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect();
        let mut props = format!("file={}", property(&display_path(&joined)));
        if d.line > 0 {
            let _ = write!(props, ",line={},col={}", d.line, d.col);
            if d.width > 1 {
                let _ = write!(props, ",endColumn={}", d.col + d.width);
            }
        }
        let _ = write!(
            props,
            ",title={}",
            property(&format!("carebook {}", d.rule))
        );
        let mut message = d.message.clone();
        if let Some(hint) = &d.hint {
            let _ = write!(message, "\nhelp: {hint}");
        }
        let _ = writeln!(out, "::{command} {props}::{}", data(&message));
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: Vec<JsonDiagnostic<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    chapters: Option<usize>,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    /// The column just after what the problem covers, on the same line.
    end_column: Option<usize>,
    level: Severity,
    rule: &'a str,
    message: &'a str,
    hint: Option<&'a str>,
    link: Option<&'a str>,
}

/// One JSON document: `findings` (each with path, line, column, end_column, level,
/// rule, message, hint, link) and a `summary` of the counts.
pub fn json(diags: &[Diagnostic], scope: Scope) -> String {
    let report = JsonReport {
        findings: diags
            .iter()
            .map(|d| JsonDiagnostic {
                path: display_path(&d.path),
                line: (d.line > 0).then_some(d.line),
                column: (d.line > 0).then_some(d.col),
                end_column: (d.line > 0).then_some(d.col + d.width),
                level: d.severity,
                rule: &d.rule,
                message: &d.message,
                hint: d.hint.as_deref(),
                link: d.see.as_deref(),
            })
            .collect(),
        summary: JsonSummary {
            chapters: scope.chapters,
            counts: counts(diags),
        },
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}

/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
pub fn use_color(stream: &impl std::io::IsTerminal) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && stream.is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Pos;

    fn at(line_text: &str, col: usize, width: usize) -> (Diagnostic, Sources) {
        let d = Diagnostic::warning("a.md", Pos::new(3, col), "m")
            .with_rule("r")
            .with_width(width);
        let text = format!("one\ntwo\n{line_text}\n");
        (d, Sources::with([(PathBuf::from("a.md"), text)]))
    }

    fn caret_under(out: &str, needle: &str) -> bool {
        let lines: Vec<&str> = out.lines().collect();
        let Some(i) = lines.iter().position(|l| l.contains(needle)) else {
            return false;
        };
        let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
        let shown = lines[i];
        let caret = lines[i + 1];
        let start = width(&shown[..shown.find(needle).unwrap()]);
        let carets = caret.trim_start_matches([' ', '|']);
        let caret_start = width(caret) - width(carets);
        caret_start == start && carets.trim_end().chars().all(|c| c == '^')
    }

    #[test]
    fn carets_sit_under_the_problem_in_characters() {
        let (d, mut s) = at("Café: unfortunately.", 7, 13);
        let out = human(&[d], false, &mut s);
        assert!(caret_under(&out, "unfortunately"), "{out}");
        assert!(out.contains("--> a.md:3:7"), "{out}");
    }

    #[test]
    fn carets_line_up_under_wide_characters() {
        // Each of 返金 takes two columns in a terminal.
        let (d, mut s) = at("返金の手続き: unfortunately", 9, 13);
        let out = human(&[d], false, &mut s);
        assert!(caret_under(&out, "unfortunately"), "{out}");
    }

    #[test]
    fn hint_and_see_also_follow_the_snippet() {
        let (mut d, mut s) = at("text", 1, 4);
        d.hint = Some("say it plainly".into());
        d.see = Some("guide/communication/plain-words.md".into());
        let out = human(&[d], false, &mut s);
        assert!(out.contains("help: say it plainly"), "{out}");
        assert!(
            out.contains("see: guide/communication/plain-words.md"),
            "{out}"
        );
        let c = counts(&[Diagnostic::warning("a", Pos::FILE, "m")]);
        assert_eq!(
            summary(&c, Scope { chapters: Some(2) }).unwrap(),
            "0 errors, 1 warning, 0 suggestions in 2 chapters"
        );
    }

    #[test]
    fn a_file_that_cannot_be_read_still_names_the_place() {
        let d = Diagnostic::error("nowhere/x.md", Pos::new(4, 2), "gone");
        let out = human(&[d], false, &mut Sources::default());
        assert!(out.contains("error: gone"), "{out}");
        assert!(out.contains("nowhere/x.md:4:2"), "{out}");
    }

    #[test]
    fn line_format_keeps_each_problem_on_one_line() {
        let d = Diagnostic::warning(
            "guide/two\nlines\u{2028}é\x1b[31m.md",
            Pos::new(3, 1),
            "the title `a\rb` is used twice",
        )
        .with_rule("r");
        assert_eq!(
            line(&[d]),
            "guide/two\\nlines\\u{2028}é\\u{1b}[31m.md:3:1: warning[r]: the title `a\\rb` is used twice\n"
        );
        assert_eq!(one_line("Café, no escapes"), "Café, no escapes");
    }

    #[test]
    fn colour_only_when_asked() {
        let (d, mut s) = at("x", 1, 1);
        assert!(human(std::slice::from_ref(&d), true, &mut s).contains('\x1b'));
        assert!(!human(&[d], false, &mut s).contains('\x1b'));
    }

    #[test]
    fn problems_become_escaped_workflow_commands() {
        let d = |severity, line, width, message: &str, hint: Option<&str>| Diagnostic {
            hint: hint.map(str::to_owned),
            ..Diagnostic::new(severity, "guide/part/a, b.md", Pos::new(line, 3), message)
                .with_rule("carebook.negative")
                .with_width(width)
        };
        let out = github(
            &[
                d(Severity::Warning, 12, 13, "100% sure: no", Some("say it")),
                d(Severity::Error, 0, 1, "no front matter", None),
                d(Severity::Suggestion, 2, 1, "x", None),
            ],
            Path::new("handbook"),
        );
        assert_eq!(
            out,
            "::warning file=handbook/guide/part/a%2C b.md,line=12,col=3,endColumn=16,title=carebook carebook.negative::100%25 sure: no%0Ahelp: say it\n\
             ::error file=handbook/guide/part/a%2C b.md,title=carebook carebook.negative::no front matter\n\
             ::notice file=handbook/guide/part/a%2C b.md,line=2,col=3,title=carebook carebook.negative::x\n"
        );
    }

    #[test]
    fn spans_are_clamped_to_the_line() {
        assert_eq!(char_span("abc", 2, usize::MAX), 1..3);
        assert_eq!(char_span("abc", 9, 1), 2..3);
        assert_eq!(char_span("", 1, 1), 0..0);
        assert_eq!(char_span("é", 1, 1), 0..2);
    }
}
