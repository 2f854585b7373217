//! Reusable passages: `{{#include ../snippets/verify-identity.md}}` in a chapter is
//! replaced by that file's text when the chapter is read, the way mdBook does it: the
//! path is relative to the file that holds the directive, `:3:8` keeps lines 3 to 8
//! (`:3`, `:3:`, `::8` too), and `:name` keeps the lines between `ANCHOR: name` and
//! `ANCHOR_END: name` markers. Included files may include others; a cycle is an error
//! that shows the chain. `\{{#include ...}}` stays as written, without the backslash.
//!
//! Every later stage sees the expanded text. Positions in it are mapped back: a
//! problem in included text is reported in the included file, at its own line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{did_you_mean, Diagnostic, Pos};

const DIRECTIVE: &str = "{{#include";
/// Includes within includes, at most.
const MAX_DEPTH: usize = 10;

/// Where each line of an expanded chapter body came from.
#[derive(Debug, Default, Clone)]
pub struct Included {
    /// The chapter (first) and the files it includes, as shown in diagnostics.
    pub files: Vec<PathBuf>,
    /// The included files with links resolved, to match the paths a file watcher reports.
    pub real_files: Vec<PathBuf>,
    /// The file line the chapter's body starts on.
    pub body_line: usize,
    /// For each line of the expanded body: (index into `files`, line in that file).
    origins: Vec<(u32, u32)>,
}

impl Included {
    pub fn is_empty(&self) -> bool {
        self.files.len() <= 1
    }

    /// Where line `line` of the expanded chapter text really is; `None` when it is the
    /// chapter's own line, unchanged.
    pub fn origin(&self, line: usize) -> Option<(&Path, usize)> {
        let k = line.checked_sub(self.body_line)?;
        let &(file, l) = self.origins.get(k)?;
        let (file, l) = (file as usize, l as usize);
        (file != 0 || l != line).then(|| (self.files[file].as_path(), l))
    }
}

struct Builder {
    text: String,
    origins: Vec<(u32, u32)>,
    at_line_start: bool,
    files: Vec<PathBuf>,
    real_files: Vec<PathBuf>,
    diags: Vec<Diagnostic>,
    root: PathBuf,
    snippets: PathBuf,
    /// The language of the chapter: `verify-identity.md` included into a Spanish
    /// translation is `verify-identity.es.md` when there is one.
    language: String,
}

impl Builder {
    /// Appends `s`, which is part of line `line` of file `file`.
    fn push(&mut self, s: &str, file: usize, line: usize) {
        for piece in s.split_inclusive('\n') {
            if self.at_line_start {
                self.origins.push((file as u32, line as u32));
                self.at_line_start = false;
            }
            self.text.push_str(piece);
            self.at_line_start = piece.ends_with('\n');
        }
    }

    fn file_index(&mut self, shown: &Path, real: &Path) -> usize {
        match self.real_files.iter().position(|f| f == real) {
            Some(i) => i,
            None => {
                self.files.push(shown.to_path_buf());
                self.real_files.push(real.to_path_buf());
                self.files.len() - 1
            }
        }
    }

    /// Copies `lines` (each with its line number) with their includes expanded.
    /// `stack` holds the files being expanded, outermost first.
    fn expand(&mut self, lines: &[(&str, usize)], file: usize, stack: &mut Vec<usize>) {
        for &(line, n) in lines {
            let trimmed = line.trim();
            if trimmed.starts_with(DIRECTIVE)
                && trimmed.ends_with("}}")
                && trimmed.matches("}}").count() == 1
            {
                // A directive on a line of its own: the included text brings its own
                // line ends.
                let at = line.find(DIRECTIVE).unwrap_or(0);
                let pos = Pos::new(n, line[..at].chars().count() + 1);
                let arg = trimmed[DIRECTIVE.len()..trimmed.len() - 2].trim();
                self.include(arg, pos, file, stack);
                if !self.at_line_start && line.ends_with('\n') {
                    self.push("\n", file, n);
                }
                continue;
            }
            let mut rest = line;
            let mut col_base = 0;
            loop {
                let Some(at) = rest.find(DIRECTIVE) else {
                    self.push(rest, file, n);
                    break;
                };
                if at > 0 && rest.as_bytes()[at - 1] == b'\\' {
                    self.push(&rest[..at - 1], file, n);
                    self.push(DIRECTIVE, file, n);
                    col_base += at + DIRECTIVE.len();
                    rest = &rest[at + DIRECTIVE.len()..];
                    continue;
                }
                self.push(&rest[..at], file, n);
                let pos = Pos::new(n, line[..col_base + at].chars().count() + 1);
                let Some(close) = rest[at..].find("}}") else {
                    self.diags.push(
                        Diagnostic::error(
                            &self.files[file],
                            pos,
                            "this `{{#include` has no closing `}}`",
                        )
                        .with_hint("write it as `{{#include ../snippets/name.md}}` on one line"),
                    );
                    self.push(&rest[at..], file, n);
                    break;
                };
                let arg = rest[at + DIRECTIVE.len()..at + close].trim();
                self.include(arg, pos, file, stack);
                col_base += at + close + 2;
                rest = &rest[at + close + 2..];
            }
        }
    }

    fn include(&mut self, arg: &str, pos: Pos, from: usize, stack: &mut Vec<usize>) {
        let here = self.files[from].clone();
        let error =
            |message: String, hint: String| Diagnostic::error(&here, pos, message).with_hint(hint);
        if arg.is_empty() {
            self.diags.push(error(
                "this `{{#include}}` names no file".into(),
                "write the path of the file to include, e.g. `{{#include ../snippets/verify-identity.md}}`".into(),
            ));
            return;
        }
        let (path_part, selector) = split_selector(arg);
        let base = self.real_files[from]
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let shown_base = here.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut shown = tidy(&shown_base.join(path_part));
        let mut target = base.join(path_part);
        if let Some(translated) = in_language(&target, &self.language).filter(|t| t.is_file()) {
            shown = in_language(&shown, &self.language).unwrap_or(shown);
            target = translated;
        }
        let real = match std::fs::canonicalize(&target) {
            Ok(r) if r.is_file() => r,
            _ => {
                let hint = self.missing_hint(path_part, &base);
                self.diags.push(error(
                    format!(
                        "the included file `{path_part}` does not exist (looked for `{}`)",
                        shown.display()
                    ),
                    hint,
                ));
                return;
            }
        };
        if !real.starts_with(&self.root) {
            self.diags.push(error(
                format!("`{path_part}` is outside the book's folder; only files inside it can be included"),
                "move the passage into the snippets folder next to the chapters".into(),
            ));
            return;
        }
        let index = self.file_index(&shown, &real);
        if stack.contains(&index) {
            let chain: Vec<String> = stack
                .iter()
                .chain(std::iter::once(&index))
                .map(|&f| self.files[f].display().to_string())
                .collect();
            self.diags.push(error(
                format!("including `{path_part}` here would go round in a circle: {}", chain.join(" → ")),
                "remove one of these includes; an included file cannot include itself, directly or through others".into(),
            ));
            return;
        }
        if stack.len() > MAX_DEPTH {
            self.diags.push(error(
                format!("includes are nested more than {MAX_DEPTH} deep here"),
                "include the passages from the chapter itself instead of from each other".into(),
            ));
            return;
        }
        let text = match std::fs::read_to_string(&real) {
            Ok(t) => t,
            Err(e) => {
                self.diags.push(error(
                    format!("cannot read the included file `{path_part}`: {e}"),
                    "save it as UTF-8 text".into(),
                ));
                return;
            }
        };
        let numbered: Vec<(&str, usize)> = text.split_inclusive('\n').zip(1..).collect();
        let chosen = match select(&numbered, selector) {
            Ok(lines) => lines,
            Err((message, hint)) => {
                self.diags.push(error(message, hint));
                return;
            }
        };
        stack.push(index);
        self.expand(&chosen, index, stack);
        stack.pop();
    }

    fn missing_hint(&self, path_part: &str, base: &Path) -> String {
        let name = Path::new(path_part)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let in_snippets = self.snippets.join(&name);
        if in_snippets.is_file() {
            if let Some(rel) = relative_path(base, &in_snippets) {
                return format!(
                    "did you mean `{{{{#include {rel}}}}}`? (the path is relative to this file)"
                );
            }
        }
        let names: Vec<String> = std::fs::read_dir(&self.snippets)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        if let Some(best) = did_you_mean(&name, names.iter().map(String::as_str)) {
            if let Some(rel) = relative_path(base, &self.snippets.join(best)) {
                return format!("did you mean `{{{{#include {rel}}}}}`?");
            }
        }
        format!(
            "the path is relative to this file; put the file in the snippets folder `{}`",
            self.snippets.display()
        )
    }
}

/// `file.md:2:10` → (`file.md`, `Some("2:10")`); `file.md:intro` → (`file.md`, `Some("intro")`).
fn split_selector(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once(':') {
        Some((p, sel)) => (p.trim(), Some(sel.trim())),
        None => (arg, None),
    }
}

type Lines<'t> = Vec<(&'t str, usize)>;

/// The lines a selector keeps, as mdBook reads it.
fn select<'t>(
    lines: &[(&'t str, usize)],
    selector: Option<&str>,
) -> Result<Lines<'t>, (String, String)> {
    let Some(sel) = selector.filter(|s| !s.is_empty()) else {
        return Ok(strip_anchors(lines));
    };
    let number = |s: &str| -> Result<Option<usize>, (String, String)> {
        if s.is_empty() {
            return Ok(None);
        }
        s.parse::<usize>().map(Some).map_err(|_| {
            (
                format!("`{s}` is not a line number"),
                "use `file.md:3:8` for lines 3 to 8, or `file.md:name` for an anchor".into(),
            )
        })
    };
    let first_char = sel.chars().next().unwrap_or(' ');
    if first_char.is_ascii_digit() || first_char == ':' {
        let (a, b) = match sel.split_once(':') {
            Some((a, b)) => (number(a)?, number(b)?),
            None => {
                let n = number(sel)?;
                (n, n)
            }
        };
        let from = a.unwrap_or(1).max(1);
        let to = b.unwrap_or(usize::MAX);
        if from > lines.len() || to < from {
            return Err((
                format!(
                    "the line range `{sel}` selects nothing: the file has {} lines",
                    lines.len()
                ),
                "give lines that exist, e.g. `:1:5`".into(),
            ));
        }
        let kept: Vec<_> = lines
            .iter()
            .copied()
            .filter(|(_, n)| (from..=to).contains(n))
            .collect();
        return Ok(strip_anchors(&kept));
    }
    let start = lines
        .iter()
        .position(|(l, _)| anchor_name(l, "ANCHOR:") == Some(sel));
    let Some(start) = start else {
        let names: Vec<&str> = lines
            .iter()
            .filter_map(|(l, _)| anchor_name(l, "ANCHOR:"))
            .collect();
        let hint = match did_you_mean(sel, names.iter().copied()) {
            Some(best) => format!("did you mean `:{best}`?"),
            None if names.is_empty() => format!("mark the passage with `<!-- ANCHOR: {sel} -->` and `<!-- ANCHOR_END: {sel} -->` lines in the file"),
            None => format!("the file's anchors are: {}", names.join(", ")),
        };
        return Err((format!("the included file has no anchor `{sel}`"), hint));
    };
    let end = lines[start + 1..]
        .iter()
        .position(|(l, _)| anchor_name(l, "ANCHOR_END:") == Some(sel))
        .map_or(lines.len(), |e| start + 1 + e);
    Ok(strip_anchors(&lines[start + 1..end]))
}

/// The name after `marker` on an anchor line (`<!-- ANCHOR: intro -->`).
fn anchor_name<'t>(line: &'t str, marker: &str) -> Option<&'t str> {
    let at = line.find(marker)?;
    let rest = line[at + marker.len()..].trim_start();
    let name: &str = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .next()?;
    (!name.is_empty()).then_some(name)
}

/// Anchor marker lines are never part of the included text.
fn strip_anchors<'t>(lines: &[(&'t str, usize)]) -> Lines<'t> {
    lines
        .iter()
        .copied()
        .filter(|(l, _)| {
            anchor_name(l, "ANCHOR:").is_none() && anchor_name(l, "ANCHOR_END:").is_none()
        })
        .collect()
}

/// `a/b/../c` → `a/c`, without touching the file system (for paths in messages).
fn tidy(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir
                if out
                    .components()
                    .next_back()
                    .is_some_and(|l| matches!(l, std::path::Component::Normal(_))) =>
            {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn relative_path(from_dir: &Path, to: &Path) -> Option<String> {
    let from: Vec<_> = from_dir.components().collect();
    let to_c: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to_c).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> = vec!["..".into(); from.len() - common];
    parts.extend(
        to_c[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(parts.join("/"))
}

/// Expands the includes in `text[body_start..]` (a chapter at `path`, shown that way in
/// messages). `root` is the book's folder: included files must be inside it. Returns
/// the new text (`None` when it has no includes), the line map and any problems.
/// `dir/name.md` as `dir/name.<language>.md`.
fn in_language(path: &Path, language: &str) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_string_lossy();
    let ext = path.extension()?.to_string_lossy();
    Some(path.with_file_name(format!("{stem}.{language}.{ext}")))
}

pub fn expand(
    text: &str,
    body_start: usize,
    path: &Path,
    root: &Path,
    snippets: &Path,
    language: &str,
) -> (Option<(String, Included)>, Vec<Diagnostic>) {
    let body = &text[body_start..];
    if !body.contains(DIRECTIVE) {
        return (None, Vec::new());
    }
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let body_line = text[..body_start].matches('\n').count() + 1;
    let mut b = Builder {
        text: String::with_capacity(text.len() * 2),
        origins: Vec::new(),
        at_line_start: true,
        files: vec![path.to_path_buf()],
        real_files: vec![real],
        diags: Vec::new(),
        root: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
        snippets: std::fs::canonicalize(root.join(snippets))
            .unwrap_or_else(|_| root.join(snippets)),
        language: language.to_owned(),
    };
    let lines: Vec<(&str, usize)> = body.split_inclusive('\n').zip(body_line..).collect();
    b.expand(&lines, 0, &mut vec![0]);
    let mut out = String::with_capacity(body_start + b.text.len());
    out.push_str(&text[..body_start]);
    out.push_str(&b.text);
    let included = Included {
        files: b.files,
        real_files: b.real_files,
        body_line,
        origins: b.origins,
    };
    (Some((out, included)), b.diags)
}

/// Moves problems found in expanded chapter text to the file and line they are really in.
pub struct Remap<'b> {
    by_path: HashMap<&'b Path, &'b Included>,
}

impl<'b> Remap<'b> {
    /// From each chapter's file and what was included into it (`Book::remap` and
    /// `Chapter::remap` give these).
    pub fn new(chapters: impl IntoIterator<Item = (&'b Path, &'b Included)>) -> Self {
        Remap {
            by_path: chapters
                .into_iter()
                .filter(|(_, inc)| !inc.is_empty())
                .collect(),
        }
    }

    /// The real file and line of `line` in the chapter at `path`, when they differ.
    pub fn locate(&self, path: &Path, line: usize) -> Option<(PathBuf, usize)> {
        let inc = self.by_path.get(path)?;
        inc.origin(line).map(|(p, l)| (p.to_path_buf(), l))
    }

    pub fn diagnostics(&self, diags: &mut [Diagnostic]) {
        if self.by_path.is_empty() {
            return;
        }
        for d in diags {
            if let Some((p, l)) = self.locate(&d.path, d.line) {
                d.path = p;
                d.line = l;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(&str, usize)> {
        text.split_inclusive('\n').zip(1..).collect()
    }

    fn texts(sel: Option<&str>, text: &str) -> Result<String, String> {
        select(&lines(text), sel)
            .map(|l| l.iter().map(|(t, _)| *t).collect())
            .map_err(|(m, h)| format!("{m} / {h}"))
    }

    #[test]
    fn ranges_and_anchors_select_as_mdbook_does() {
        let text = "a\nb\n<!-- ANCHOR: mid -->\nc\n<!-- ANCHOR_END: mid -->\nd\n";
        assert_eq!(texts(None, text).unwrap(), "a\nb\nc\nd\n");
        assert_eq!(texts(Some("2"), text).unwrap(), "b\n");
        assert_eq!(texts(Some("2:4"), text).unwrap(), "b\nc\n");
        assert_eq!(texts(Some("5:"), text).unwrap(), "d\n");
        assert_eq!(texts(Some(":2"), text).unwrap(), "a\nb\n");
        assert_eq!(texts(Some("mid"), text).unwrap(), "c\n");
        let e = texts(Some("mdi"), text).unwrap_err();
        assert!(
            e.contains("no anchor `mdi`") && e.contains("did you mean `:mid`?"),
            "{e}"
        );
        assert!(texts(Some("9:12"), text).unwrap_err().contains("6 lines"));
        assert!(texts(Some("4:2"), text).is_err());
    }

    #[test]
    fn odd_directives_never_panic() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("s.md"), "one\ntwo\n").unwrap();
        std::fs::write(dir.path().join("self.md"), "{{#include self.md}}\n").unwrap();
        for body in [
            "{{#include}}",
            "{{#include :}}",
            "{{#include s.md:}}",
            "{{#include s.md::}}",
            "{{#include s.md:0:0}}",
            "{{#include s.md:x:y}}",
            "é{{#include s.md}}é {{#include s.md:2}}",
            "\\{{#include s.md}} and {{#include",
            "  {{#include s.md}}  ",
            "{{#include self.md}}",
            "{{#include ../../etc/passwd}}",
            "{{#include s.md}}}}",
        ] {
            let text = format!("---\ntitle: x\n---\n{body}\nafter\n");
            let (out, _) = expand(
                &text,
                16,
                &dir.path().join("c.md"),
                dir.path(),
                Path::new("snippets"),
                "en",
            );
            let (out, inc) = out.expect("has a directive");
            for line in 1..=out.lines().count() + 1 {
                let _ = inc.origin(line);
            }
        }
        let text = "{{#include s.md}}\nlast\n";
        let (out, diags) = expand(
            text,
            0,
            &dir.path().join("c.md"),
            dir.path(),
            Path::new("x"),
            "en",
        );
        let (out, inc) = out.unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(out, "one\ntwo\nlast\n");
        assert_eq!(
            inc.origin(2).map(|(p, l)| (p.ends_with("s.md"), l)),
            Some((true, 2))
        );
        assert_eq!(
            inc.origin(3).map(|(p, l)| (p.ends_with("c.md"), l)),
            Some((true, 2))
        );
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative_path(Path::new("/b/guide/part"), Path::new("/b/snippets/x.md")).as_deref(),
            Some("../../snippets/x.md")
        );
    }
}
