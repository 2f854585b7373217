//! The repository itself: what a newcomer reads first must be whole.

use std::path::Path;
use std::process::Command;

/// Every tracked text file, from `git ls-files` (the test is skipped with a printed
/// notice only when the tree is not a Git checkout, e.g. a source tarball).
fn tracked_files() -> Option<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// A line that git writes for an unresolved merge: seven `<`, `=` or `>` at the start,
/// alone or followed by a space and a label.
fn is_conflict_marker(line: &str) -> bool {
    ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
        .iter()
        .any(|m| line == *m || line.strip_prefix(m).is_some_and(|r| r.starts_with(' ')))
}

#[test]
fn conflict_marker_detection() {
    assert!(is_conflict_marker("<<<<<<< HEAD"));
    assert!(is_conflict_marker("======="));
    assert!(is_conflict_marker(">>>>>>> search"));
    assert!(
        !is_conflict_marker("========"),
        "a Markdown setext underline is not one"
    );
    assert!(!is_conflict_marker("=== heading"));
}

#[test]
fn no_tracked_file_has_merge_conflict_markers() {
    let Some(files) = tracked_files() else {
        println!("notice: not a Git checkout; conflict-marker check skipped");
        return;
    };
    assert!(
        files.iter().any(|f| f == "README.md"),
        "git ls-files lists README.md"
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            continue; // binary files (images, zips) cannot hold a text conflict
        };
        for (i, line) in text.lines().enumerate() {
            if is_conflict_marker(line) {
                found.push(format!("{file}:{}: {line}", i + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "unresolved merge-conflict markers:\n{}",
        found.join("\n")
    );
}
