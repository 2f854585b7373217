//! Last change dates from Git history: one `git log` for the whole book, parsed once.
//! Without Git, outside a repository, or with `[build] git-dates = false`, the history
//! is empty and nothing is shown; a build never fails because of it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Each file's newest commit time (seconds since 1970), keyed by its path relative to
/// the chapters folder.
#[derive(Debug, Default, Clone)]
pub struct History {
    changed: HashMap<PathBuf, i64>,
}

impl History {
    /// Runs `git log` once in `source_dir`; empty when `enabled` is false or Git is not
    /// there to ask.
    pub fn read(source_dir: &Path, enabled: bool) -> History {
        if !enabled {
            return History::default();
        }
        let output = Command::new("git")
            .args([
                "-c",
                "core.quotePath=false",
                "log",
                "--format=@%ct",
                "--name-only",
                "--relative",
                "--no-renames",
                "--",
                ".",
            ])
            .current_dir(source_dir)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output();
        match output {
            Ok(o) if o.status.success() => History::parse(&String::from_utf8_lossy(&o.stdout)),
            _ => History::default(),
        }
    }

    /// Parses `git log --format=@%ct --name-only` output: a `@<time>` line per commit,
    /// then the files it touched.
    pub fn parse(log: &str) -> History {
        let mut changed: HashMap<PathBuf, i64> = HashMap::new();
        let mut time = None;
        for line in log.lines() {
            if let Some(t) = line.strip_prefix('@') {
                time = t.trim().parse::<i64>().ok();
            } else if let (Some(t), false) = (time, line.trim().is_empty()) {
                let at = changed.entry(PathBuf::from(line)).or_insert(t);
                *at = (*at).max(t);
            }
        }
        History { changed }
    }

    /// When the file at `rel` (relative to the chapters folder) last changed in Git.
    pub fn last_changed(&self, rel: &Path) -> Option<i64> {
        self.changed.get(rel).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_commit_wins() {
        let log = "@300\n\nb.md\n@200\n\na/x.md\nb.md\n@100\n\na/x.md\n";
        let h = History::parse(log);
        assert_eq!(h.last_changed(Path::new("b.md")), Some(300));
        assert_eq!(h.last_changed(Path::new("a/x.md")), Some(200));
        assert_eq!(h.last_changed(Path::new("c.md")), None);
    }

    #[test]
    fn no_git_repository_means_no_dates() {
        let dir = std::env::temp_dir();
        let h = History::read(&dir.join("carebook-surely-missing-folder"), true);
        assert_eq!(h.last_changed(Path::new("a.md")), None);
    }
}
