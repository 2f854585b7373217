//! Putting a rebuild's few changed files into the site in place, instead of swapping in
//! a whole new folder.
//!
//! A rebuild after an edit changes a handful of files among thousands. Swapping in a
//! whole new folder costs two file-system operations per unchanged file (a hard link
//! into the new folder, an unlink when the old one is deleted): at 10,000 chapters more
//! than the rest of the rebuild. So when few files changed, the staging folder holds
//! only those, and they are moved into the site one by one, each replaced file moved
//! aside first. A journal next to the site (`.site.patch`) lists every move before the
//! first is made and is removed after the last: a build stopped in between (killed,
//! power cut) leaves it behind, and the next build takes every move back before it does
//! anything else, so the site is again exactly the previous one. A failure during the
//! moves is taken back at once. Files are only ever renamed, never written into, so a
//! program holding a hard link to a site file (a deploy tool) keeps seeing its bytes.
//!
//! While the moves run (a few milliseconds for an edit's dozen files) a web server
//! reading the folder may serve one page of the new site beside one of the previous.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// One move of a patch, by the file's `/`-separated path inside the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Move {
    /// A changed file: the site's moves to the backup folder, the new one takes its place.
    Replace(String),
    /// A new file.
    Add(String),
    /// A file the new site no longer has: moved to the backup folder.
    Delete(String),
}

/// A patch: the staging folder with the new files, the backup folder for the ones they
/// replace, and the moves.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Patch {
    pub staging: PathBuf,
    pub backup: PathBuf,
    pub moves: Vec<Move>,
}

const HEAD: &str = "carebook patch 1";

impl Patch {
    fn text(&self) -> String {
        let mut out = format!(
            "{HEAD}\n{}\n{}\n",
            self.staging.display(),
            self.backup.display()
        );
        for m in &self.moves {
            let (tag, rel) = match m {
                Move::Replace(r) => ('R', r),
                Move::Add(r) => ('A', r),
                Move::Delete(r) => ('D', r),
            };
            out.push(tag);
            out.push(' ');
            out.push_str(rel);
            out.push('\n');
        }
        out
    }

    /// The journal read back; `None` when it is not one (cut short, or not ours).
    fn parse(text: &str) -> Option<Patch> {
        let mut lines = text.split('\n');
        if lines.next()? != HEAD {
            return None;
        }
        let staging = PathBuf::from(lines.next()?);
        let backup = PathBuf::from(lines.next()?);
        let mut moves = Vec::new();
        let mut ended = false;
        for line in lines {
            if line.is_empty() {
                ended = true;
                continue;
            }
            if ended {
                return None;
            }
            let (tag, rel) = line.split_at_checked(2)?;
            moves.push(match tag {
                "R " => Move::Replace(rel.to_owned()),
                "A " => Move::Add(rel.to_owned()),
                "D " => Move::Delete(rel.to_owned()),
                _ => return None,
            });
        }
        // Written whole with a final newline: a journal without it was cut short, and
        // then no move was made yet (the journal is complete before the first).
        ended.then_some(Patch {
            staging,
            backup,
            moves,
        })
    }
}

/// For tests: `kill-during-patch` kills the process halfway through the moves.
fn kill_halfway() -> bool {
    std::env::var(super::TEST_SWAP_ENV).as_deref() == Ok("kill-during-patch")
}

/// Applies `patch` to the site at `site`, with its journal at `journal`. On an error the
/// moves made so far are taken back and the site is the previous one.
pub(super) fn apply(site: &Path, journal: &Path, patch: &Patch) -> io::Result<()> {
    write_journal(journal, patch)?;
    let half = patch.moves.len() / 2;
    for (n, m) in patch.moves.iter().enumerate() {
        if n == half && n > 0 && kill_halfway() {
            super::kill_self();
        }
        if let Err(e) = make_move(site, patch, m) {
            let _ = roll_back(site, journal);
            return Err(e);
        }
    }
    fs::remove_file(journal)
}

/// Where the journal is written before it is renamed into place.
pub(super) fn unfinished(journal: &Path) -> PathBuf {
    journal.with_extension("patch-new")
}

fn write_journal(journal: &Path, patch: &Patch) -> io::Result<()> {
    let tmp = unfinished(journal);
    let mut file = fs::File::create(&tmp)?;
    file.write_all(patch.text().as_bytes())?;
    // On disk before any move: after a power cut the moves can be found and undone.
    file.sync_all()?;
    fs::rename(&tmp, journal)
}

fn make_move(site: &Path, patch: &Patch, m: &Move) -> io::Result<()> {
    match m {
        Move::Replace(rel) => {
            let backup = patch.backup.join(rel);
            make_parent(&backup)?;
            match fs::rename(site.join(rel), &backup) {
                // Gone already (a deletion of the same name in other letter case, on a
                // disk that ignores case): the new file simply goes in.
                Err(e) if e.kind() == io::ErrorKind::NotFound => make_parent(&site.join(rel))?,
                other => other?,
            }
            fs::rename(patch.staging.join(rel), site.join(rel))
        }
        Move::Add(rel) => {
            let to = site.join(rel);
            make_parent(&to)?;
            fs::rename(patch.staging.join(rel), to)
        }
        Move::Delete(rel) => {
            let backup = patch.backup.join(rel);
            make_parent(&backup)?;
            fs::rename(site.join(rel), &backup)?;
            remove_empty_parents(site, rel);
            Ok(())
        }
    }
}

fn make_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(p) => fs::create_dir_all(p),
        None => Ok(()),
    }
}

/// Removes the folders holding `rel` inside `site` that are now empty, deepest first:
/// a clean build has no empty folders.
fn remove_empty_parents(site: &Path, rel: &str) {
    let mut dir = Path::new(rel).parent();
    while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
        if fs::remove_dir(site.join(d)).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Takes back the moves of the patch whose journal is at `journal`, if there is one:
/// the site at `site` is then the one before the patch. `Ok(true)` when something was
/// taken back. The staging and backup folders are left for the caller to remove.
pub(super) fn roll_back(site: &Path, journal: &Path) -> io::Result<bool> {
    let text = match fs::read_to_string(journal) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    let Some(patch) = Patch::parse(&text) else {
        // Cut short while being written: no move was made yet.
        fs::remove_file(journal)?;
        return Ok(false);
    };
    for m in patch.moves.iter().rev() {
        match m {
            Move::Replace(rel) | Move::Delete(rel) => {
                let backup = patch.backup.join(rel);
                if backup.exists() {
                    let to = site.join(rel);
                    make_parent(&to)?;
                    fs::rename(&backup, to)?;
                }
            }
            Move::Add(rel) => {
                // Still in the staging folder: not moved yet.
                if !patch.staging.join(rel).exists() && site.join(rel).exists() {
                    fs::remove_file(site.join(rel))?;
                    remove_empty_parents(site, rel);
                }
            }
        }
    }
    fs::remove_file(journal)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_reads_back_and_a_cut_one_does_not() {
        let patch = Patch {
            staging: "/out/.site.staging-1-2".into(),
            backup: "/out/.site.staging-1-2-old".into(),
            moves: vec![
                Move::Replace("index.html".into()),
                Move::Add("part/new page.html".into()),
                Move::Delete("search/r/0/1-abc.js".into()),
            ],
        };
        let text = patch.text();
        assert_eq!(Patch::parse(&text), Some(patch));
        assert_eq!(
            Patch::parse(&text[..text.len() - 1]),
            None,
            "no final newline"
        );
        assert_eq!(Patch::parse("something else\n"), None);
    }

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                let body = if e.file_type().is_dir() {
                    "/".to_owned()
                } else {
                    fs::read_to_string(e.path()).unwrap()
                };
                (rel, body)
            })
            .collect();
        out.sort();
        out
    }

    fn setup() -> (tempfile::TempDir, Patch) {
        let tmp = tempfile::tempdir().unwrap();
        let (site, staging) = (tmp.path().join("site"), tmp.path().join("staging"));
        for (dir, rel, body) in [
            (&site, "index.html", "old home"),
            (&site, "gone/page.html", "old page"),
            (&site, "kept.html", "kept"),
            (&staging, "index.html", "new home"),
            (&staging, "new/page.html", "new page"),
        ] {
            fs::create_dir_all(dir.join(rel).parent().unwrap()).unwrap();
            fs::write(dir.join(rel), body).unwrap();
        }
        let patch = Patch {
            staging,
            backup: tmp.path().join("backup"),
            moves: vec![
                Move::Replace("index.html".into()),
                Move::Add("new/page.html".into()),
                Move::Delete("gone/page.html".into()),
            ],
        };
        (tmp, patch)
    }

    #[test]
    fn a_patch_gives_the_new_site_and_taking_it_back_the_old_one() {
        let (tmp, patch) = setup();
        let site = tmp.path().join("site");
        let journal = tmp.path().join(".site.patch");
        let before = tree(&site);
        apply(&site, &journal, &patch).unwrap();
        assert!(!journal.exists(), "the journal goes once the patch is done");
        assert_eq!(
            tree(&site),
            [
                ("index.html".into(), "new home".into()),
                ("kept.html".into(), "kept".into()),
                ("new".into(), "/".into()),
                ("new/page.html".into(), "new page".into()),
            ],
            "no empty folder is left where a page was deleted"
        );

        // Stopped after every move, with the journal still there: taken back.
        write_journal(&journal, &patch).unwrap();
        assert!(roll_back(&site, &journal).unwrap());
        assert_eq!(tree(&site), before);
        assert!(!journal.exists());
    }

    #[test]
    fn a_file_to_replace_that_is_gone_already_is_put_in() {
        // As on a disk that ignores letter case, where deleting `Home.html` first took
        // the `home.html` this patch replaces.
        let (tmp, mut patch) = setup();
        let site = tmp.path().join("site");
        fs::remove_file(site.join("index.html")).unwrap();
        patch.moves.truncate(1);
        apply(&site, &tmp.path().join(".site.patch"), &patch).unwrap();
        assert_eq!(
            fs::read_to_string(site.join("index.html")).unwrap(),
            "new home"
        );
    }

    #[test]
    fn a_patch_stopped_at_any_move_is_taken_back_whole() {
        for stop in 0..=3 {
            let (tmp, patch) = setup();
            let site = tmp.path().join("site");
            let journal = tmp.path().join(".site.patch");
            let before = tree(&site);
            write_journal(&journal, &patch).unwrap();
            for m in &patch.moves[..stop] {
                make_move(&site, &patch, m).unwrap();
            }
            // Halfway through a replacement: the old file moved aside, the new not in.
            if stop == 0 {
                make_parent(&patch.backup.join("index.html")).unwrap();
                fs::rename(site.join("index.html"), patch.backup.join("index.html")).unwrap();
            }
            assert!(roll_back(&site, &journal).unwrap());
            assert_eq!(tree(&site), before, "stopped after {stop} moves");
        }
    }
}
