//! Shared helpers for the integration tests: copy a fixture book to a temporary folder,
//! run the real `carebook` binary on it, and inspect the site it wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// stderr with each problem in its short form (`path:line:col: error: message`, then
    /// `  help: ...`), as `Diagnostic`'s Display writes it, so a test can name one
    /// problem exactly in one string. The snapshot tests show the real rendering.
    pub problems: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            problems: short_form(&stderr),
            stderr,
        }
    }
}

/// The human format's blocks (`error[rule]: message`, `--> place`, the quoted source,
/// `help: ...`) turned back into the short form; other lines are kept as they are.
pub fn short_form(human: &str) -> String {
    let mut out = String::new();
    let mut lines = human.lines().peekable();
    while let Some(line) = lines.next() {
        let head = ["error", "warning", "suggestion"].iter().find_map(|level| {
            let rest = line.strip_prefix(level)?;
            let rest = match rest.strip_prefix('[') {
                Some(r) => &r[r.find("]")? + 1..],
                None => rest,
            };
            Some((level, rest.strip_prefix(": ")?))
        });
        let place = lines
            .peek()
            .and_then(|l| l.trim_start().strip_prefix("--> "));
        let (Some((level, message)), Some(place)) = (head, place) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        out.push_str(&format!("{place}: {level}: {message}\n"));
        lines.next();
        // The quoted source, then `help:` and `see:` lines, up to the blank line.
        while let Some(l) = lines.next_if(|l| !l.is_empty()) {
            if let Some(help) = l.strip_prefix("help: ") {
                out.push_str(&format!("  help: {help}\n"));
            }
        }
        lines.next_if(|l| l.is_empty());
    }
    out
}

pub fn carebook(args: &[&str], cwd: &Path) -> Run {
    Command::new(env!("CARGO_BIN_EXE_carebook"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1763856000")
        .output()
        .expect("the carebook binary runs")
        .into()
}

/// `carebook` with extra environment variables (they win over the fixed date).
pub fn carebook_env(args: &[&str], cwd: &Path, envs: &[(&str, &str)]) -> Run {
    Command::new(env!("CARGO_BIN_EXE_carebook"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1763856000")
        .envs(envs.iter().copied())
        .output()
        .expect("the carebook binary runs")
        .into()
}

/// Runs `carebook build` in `dir`; the test fails, showing the errors, unless it succeeds.
pub fn build_ok(dir: &Path) -> Run {
    let run = carebook(&["build"], dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A private copy of a fixture book, so tests can build and modify it freely.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture(name), tmp.path());
    tmp
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("fixture readable");
        let rel = entry.path().strip_prefix(from).expect("inside fixture");
        if rel.starts_with("site") {
            continue;
        }
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("create dir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy file");
        }
    }
}

pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("has parent")).expect("create dir");
    std::fs::write(path, text).expect("write file");
}

/// Fails with the whole text when `needle` is not in it, so the failure shows what was there.
#[track_caller]
pub fn assert_contains(text: &str, needle: &str) {
    assert!(
        text.contains(needle),
        "expected to find:\n{needle}\n--- in ---\n{text}"
    );
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every file under `dir`, relative, sorted, with its bytes.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

pub fn html_files(site: &Path) -> Vec<PathBuf> {
    snapshot(site)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

/// Values of `attr="..."` in an HTML text.
pub fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// Checks that every link and resource in every page is relative and resolves to a file
/// in the site (and, for `#fragment`s, to an element id), reading each href as a browser
/// does: `?query` and `#fragment` cut off, then percent-decoded. Returns the problems found.
pub fn broken_links(site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for page in html_files(site) {
        let html = read(&site.join(&page));
        let dir = page.parent().unwrap_or(Path::new("")).to_path_buf();
        for value in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            if let Some(p) = check_link(site, &page, &dir, &html, value) {
                problems.push(p);
            }
        }
    }
    problems
}

fn check_link(site: &Path, page: &Path, dir: &Path, html: &str, value: &str) -> Option<String> {
    let value = value.replace("&amp;", "&").replace("&#x27;", "'");
    if value.contains("://") || value.starts_with("mailto:") || value.starts_with("tel:") {
        return None;
    }
    if value.starts_with('/') {
        return Some(format!(
            "{}: absolute link `{value}` breaks file:// and sub-paths",
            page.display()
        ));
    }
    let (path, frag) = value
        .split_once('#')
        .map_or((value.as_str(), None), |(p, f)| (p, Some(f)));
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let (path, frag) = (decode(path), frag.map(decode));
    let (path, frag) = (path.as_str(), frag.as_deref());
    let target_rel = if path.is_empty() {
        page.to_path_buf()
    } else {
        normalize(&dir.join(path))
    };
    let target = site.join(&target_rel);
    if !target.is_file() {
        return Some(format!(
            "{}: `{value}` does not resolve to a file (looked for {})",
            page.display(),
            target_rel.display()
        ));
    }
    // A fragment like `#title=...&c=...` is a page's state (the pack builder's choice,
    // print settings), read by its script, not an element to scroll to.
    if let Some(f) = frag.filter(|f| !f.is_empty() && !f.contains('=')) {
        let text = if path.is_empty() {
            html.to_owned()
        } else {
            read(&target)
        };
        if !text.contains(&format!(" id=\"{f}\"")) {
            return Some(format!(
                "{}: `{value}` points to a missing id",
                page.display()
            ));
        }
    }
    None
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
