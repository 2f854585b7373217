//! What `check` found, and the three ways to show it: for people (with the source line
//! and a caret under the match, coloured on a terminal), one line each, and JSON.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

use crate::config::Severity;
use crate::diag::{display_path, one_line, Diagnostic, Level};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub level: Severity,
    pub path: PathBuf,
    /// 1-based; 0 when the finding concerns the whole file.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
    /// `carebook.blame` for prose rules; `structure`, `checklist`, `pack`... otherwise.
    pub rule: String,
    pub message: String,
    pub hint: Option<String>,
    /// The chapter (or page) that explains the rule.
    pub link: Option<String>,
    /// The source line, for the human format.
    pub source: Option<String>,
}

impl Finding {
    /// A build diagnostic, under the rule name `rule`.
    pub fn from_diag(d: Diagnostic, rule: &str) -> Self {
        Finding {
            level: match d.level {
                Level::Error => Severity::Error,
                Level::Warning => Severity::Warning,
            },
            path: d.path,
            line: d.line,
            col: d.col,
            width: 1,
            rule: rule.to_owned(),
            message: d.message,
            hint: d.hint,
            link: None,
            source: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Human,
    Line,
    Json,
    /// GitHub Actions workflow commands: each finding becomes an annotation on the file.
    Github,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub suggestions: usize,
}

pub fn counts(findings: &[Finding]) -> Counts {
    let mut c = Counts::default();
    for f in findings {
        match f.level {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Suggestion => c.suggestions += 1,
        }
    }
    c
}

fn level_name(level: Severity) -> &'static str {
    match level {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "suggestion",
    }
}

fn location(f: &Finding) -> String {
    let path = one_line(&display_path(&f.path)).into_owned();
    if f.line == 0 {
        path
    } else {
        format!("{path}:{}:{}", f.line, f.col)
    }
}

/// `path:line:col: level[rule]: message`, one finding per line: control characters in
/// file names (a newline is allowed in one) and messages are escaped, so no finding
/// spills onto a second line for the editor or script reading them.
pub fn line_format(findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let _ = writeln!(
            out,
            "{}: {}[{}]: {}",
            location(f),
            level_name(f.level),
            one_line(&f.rule),
            one_line(&f.message)
        );
    }
    out
}

/// GitHub Actions workflow commands (`::warning file=…,line=…::message`), which show
/// each finding on the changed file in a pull request. Paths are prefixed with
/// `book_dir`, the book's folder as given on the command line: Actions resolves them
/// from the repository root, where the workflow runs.
pub fn github_format(findings: &[Finding], book_dir: &std::path::Path) -> String {
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
    for f in findings {
        let command = match f.level {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "notice",
        };
        // `./guide/a.md` and `guide/a.md` are the same file to GitHub: drop the `.`s.
        let joined: std::path::PathBuf = book_dir
            .join(&f.path)
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect();
        let path = display_path(&joined);
        let mut props = format!("file={}", property(&path));
        if f.line > 0 {
            let _ = write!(props, ",line={},col={}", f.line, f.col);
            if f.width > 1 {
                let _ = write!(props, ",endColumn={}", f.col + f.width);
            }
        }
        let _ = write!(
            props,
            ",title={}",
            property(&format!("carebook {}", f.rule))
        );
        let mut message = f.message.clone();
        if let Some(hint) = &f.hint {
            let _ = write!(message, "\nhelp: {hint}");
        }
        let _ = writeln!(out, "::{command} {props}::{}", data(&message));
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSummary {
    chapters: usize,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    level: Severity,
    rule: &'a str,
    message: &'a str,
    hint: Option<&'a str>,
    link: Option<&'a str>,
}

pub fn json_format(findings: &[Finding], chapters: usize) -> String {
    let report = JsonReport {
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                path: display_path(&f.path),
                line: (f.line > 0).then_some(f.line),
                column: (f.line > 0).then_some(f.col),
                level: f.level,
                rule: &f.rule,
                message: &f.message,
                hint: f.hint.as_deref(),
                link: f.link.as_deref(),
            })
            .collect(),
        summary: JsonSummary {
            chapters,
            counts: counts(findings),
        },
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}

/// ANSI styles, or none when colour is off.
struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn level(&self, level: Severity) -> &'static str {
        match level {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Suggestion => "1;36",
        }
    }
}

/// The format for people: each finding with its source line and a caret under the match.
pub fn human_format(findings: &[Finding], chapters: usize, color: bool) -> String {
    let p = Paint { on: color };
    let mut out = String::new();
    for f in findings {
        let head = format!("{}[{}]", level_name(f.level), f.rule);
        let _ = writeln!(
            out,
            "{}: {}",
            p.wrap(p.level(f.level), &head),
            p.wrap("1", &f.message)
        );
        let _ = writeln!(out, "  {} {}", p.wrap("34", "-->"), location(f));
        if let Some(src) = f.source.as_ref().filter(|_| f.line > 0) {
            snippet(&mut out, &p, f, src);
        }
        if let Some(h) = &f.hint {
            let _ = writeln!(out, "  {} help: {h}", p.wrap("34", "="));
        }
        if let Some(l) = &f.link {
            let _ = writeln!(out, "  {} see: {l}", p.wrap("34", "="));
        }
        out.push('\n');
    }
    out.push_str(&summary(&counts(findings), chapters));
    out.push('\n');
    out
}

/// Lines longer than this are shown as a window around the match.
const SNIPPET_CHARS: usize = 100;

fn snippet(out: &mut String, p: &Paint, f: &Finding, src: &str) {
    let num = f.line.to_string();
    let pad = " ".repeat(num.len());
    // Tabs become one space each, so the caret stays under the right character.
    let chars: Vec<char> = src
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let col = f.col.clamp(1, chars.len().max(1));
    let skip = if chars.len() > SNIPPET_CHARS {
        col.saturating_sub(30)
    } else {
        0
    };
    let end = chars.len().min(skip + SNIPPET_CHARS);
    let mut line: String = chars[skip..end].iter().collect();
    let mut caret_at = col - 1 - skip;
    if skip > 0 {
        line.insert(0, '…');
        caret_at += 1;
    }
    if end < chars.len() {
        line.push('…');
    }
    let room = (end + 1).saturating_sub(col).max(1);
    let caret = "^".repeat(f.width.clamp(1, room));
    let gutter = p.wrap("34", "|");
    let _ = writeln!(out, "  {pad} {gutter}");
    let _ = writeln!(out, "  {} {gutter} {line}", p.wrap("34", &num));
    let _ = writeln!(
        out,
        "  {pad} {gutter} {}{}",
        " ".repeat(caret_at),
        p.wrap(p.level(f.level), &caret)
    );
}

/// "2 errors, 1 warning, 0 suggestions in 36 chapters".
pub fn summary(c: &Counts, chapters: usize) -> String {
    let n = |k: usize, word: &str| {
        if k == 1 {
            format!("{k} {word}")
        } else {
            format!("{k} {word}s")
        }
    };
    if *c == Counts::default() {
        return format!("No problems found in {}.", n(chapters, "chapter"));
    }
    format!(
        "{}, {}, {} in {}",
        n(c.errors, "error"),
        n(c.warnings, "warning"),
        n(c.suggestions, "suggestion"),
        n(chapters, "chapter")
    )
}

/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(line: &str, col: usize, width: usize) -> Finding {
        Finding {
            level: Severity::Warning,
            path: PathBuf::from("a.md"),
            line: 3,
            col,
            width,
            rule: "r".into(),
            message: "m".into(),
            hint: None,
            link: None,
            source: Some(line.into()),
        }
    }

    #[test]
    fn caret_sits_under_the_match_in_characters() {
        let out = human_format(&[finding("Café: unfortunately.", 7, 13)], 1, false);
        assert!(
            out.contains("  3 | Café: unfortunately.\n    |       ^^^^^^^^^^^^^\n"),
            "{out}"
        );
    }

    #[test]
    fn long_lines_show_a_window_around_the_match() {
        let line = format!("{}target{}", "a ".repeat(100), " b".repeat(100));
        let out = human_format(&[finding(&line, 201, 6)], 1, false);
        let shown = out.lines().find(|l| l.contains("target")).unwrap();
        let caret = out.lines().find(|l| l.contains('^')).unwrap();
        assert!(
            shown.contains('…') && shown.chars().count() < 120,
            "{shown}"
        );
        let at = |s: &str, pat: &str| s.char_indices().position(|(i, _)| s[i..].starts_with(pat));
        assert_eq!(at(shown, "target"), at(caret, "^^^^^^"));
    }

    #[test]
    fn line_format_keeps_each_finding_on_one_line() {
        let f = Finding {
            path: PathBuf::from("guide/two\nlines\u{2028}é\x1b[31m.md"),
            message: "the title `a\rb` is used twice".into(),
            ..finding("x", 1, 1)
        };
        let out = line_format(&[f]);
        assert_eq!(
            out,
            "guide/two\\nlines\\u{2028}é\\u{1b}[31m.md:3:1: warning[r]: the title `a\\rb` is used twice\n"
        );
        assert_eq!(one_line("Café, no escapes"), "Café, no escapes");
    }

    #[test]
    fn colour_only_when_asked() {
        let f = [finding("x", 1, 1)];
        assert!(human_format(&f, 1, true).contains("\x1b[1;33m"));
        assert!(!human_format(&f, 1, false).contains('\x1b'));
    }
}

#[cfg(test)]
mod github_tests {
    use super::*;

    #[test]
    fn findings_become_escaped_workflow_commands() {
        let finding = |level, line, width, message: &str, hint: Option<&str>| Finding {
            level,
            path: "guide/part/a, b.md".into(),
            line,
            col: 3,
            width,
            rule: "carebook.negative".into(),
            message: message.into(),
            hint: hint.map(str::to_owned),
            link: None,
            source: None,
        };
        let out = github_format(
            &[
                finding(Severity::Warning, 12, 13, "100% sure: no", Some("say it")),
                finding(Severity::Error, 0, 1, "no front matter", None),
                finding(Severity::Suggestion, 2, 1, "x", None),
            ],
            std::path::Path::new("handbook"),
        );
        assert_eq!(
            out,
            "::warning file=handbook/guide/part/a%2C b.md,line=12,col=3,endColumn=16,title=carebook carebook.negative::100%25 sure: no%0Ahelp: say it\n\
             ::error file=handbook/guide/part/a%2C b.md,title=carebook carebook.negative::no front matter\n\
             ::notice file=handbook/guide/part/a%2C b.md,line=2,col=3,title=carebook carebook.negative::x\n"
        );
    }
}
