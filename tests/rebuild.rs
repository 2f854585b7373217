//! Rebuilds into an existing site: only what changed is rendered and written, and the
//! result is byte for byte what a clean build of the same book writes. The book is a
//! copy of the shipped handbook (parts, tags, packs, facts, snippets).

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{carebook, carebook_env, snapshot, write};

/// A private copy of the shipped handbook: book.toml, the chapters and the snippets.
fn handbook() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::copy(repo.join("book.toml"), tmp.path().join("book.toml")).unwrap();
    for dir in ["guide", "snippets"] {
        fs::create_dir(tmp.path().join(dir)).unwrap();
        common::copy_dir(&repo.join(dir), &tmp.path().join(dir));
    }
    tmp
}

/// Builds `book` into its own site/ with `--timings`; returns the report lines.
#[track_caller]
fn rebuild(book: &Path, envs: &[(&str, &str)]) -> String {
    let run = carebook_env(&["build", "--timings"], book, envs);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stderr
}

/// The numbers in `--timings`' line about pages and files.
fn counts(stderr: &str) -> (usize, usize, usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("pages:"))
        .unwrap_or_else(|| panic!("no pages line in:\n{stderr}"));
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    (n[0], n[1], n[2], n[3])
}

/// What a build of `book` from nothing writes: into a folder with no previous site and
/// no cache beside it.
fn clean_build(book: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = carebook(&["build", "--out", site.to_str().unwrap()], book);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot(&site)
}

#[track_caller]
fn assert_same_as_clean(book: &Path, step: &str) {
    let rebuilt = snapshot(&book.join("site"));
    let clean = clean_build(book);
    let names = |s: &[(PathBuf, Vec<u8>)]| s.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&rebuilt), names(&clean), "after {step}: other files");
    for ((path, a), (_, b)) in rebuilt.iter().zip(&clean) {
        assert!(
            a == b,
            "after {step}: {} differs from a clean build",
            path.display()
        );
    }
}

fn edit(book: &Path, rel: &str, from: &str, to: &str) {
    let path = book.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no `{from}`");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// An edit to the book, by name.
type Step = Box<dyn Fn(&Path)>;

const CHAPTER: &str = "guide/communication/asking-questions.md";

#[test]
fn every_kind_of_edit_rebuilds_to_exactly_what_a_clean_build_writes() {
    let book = handbook();
    let b = book.path();
    let (rendered, kept, written, _) = counts(&rebuild(b, &[]));
    assert!(rendered > 50 && kept == 0 && written > 100, "first build");

    // Nothing changed: every file is kept.
    let (_, _, written, reused) = counts(&rebuild(b, &[]));
    assert!(reused > 100, "reused only {reused}");
    assert!(written <= 1, "wrote {written} files after no change");
    assert_same_as_clean(b, "no change");

    let steps: Vec<(&str, Step)> = vec![
        (
            "a text edit",
            Box::new(|b| {
                edit(
                    b,
                    CHAPTER,
                    "\n## ",
                    "\nAsk one thing at a time, and wait.\n\n## ",
                )
            }),
        ),
        (
            "a summary edit",
            Box::new(|b| {
                edit(
                    b,
                    CHAPTER,
                    "summary: Start with open questions",
                    "summary: Begin with open questions",
                )
            }),
        ),
        (
            "a desk card edit",
            Box::new(|b| {
                edit(
                    b,
                    CHAPTER,
                    "- [ ] Check the most common causes first.",
                    "- [ ] Check the most likely causes first.",
                )
            }),
        ),
        (
            "a title edit",
            Box::new(|b| {
                edit(
                    b,
                    CHAPTER,
                    "title: Asking the right questions",
                    "title: Asking good questions",
                )
            }),
        ),
        (
            "a tag edit",
            Box::new(|b| {
                edit(
                    b,
                    CHAPTER,
                    "tags: [communication, problem-solving]",
                    "tags: [communication]",
                )
            }),
        ),
        (
            "a snippet edit",
            Box::new(|b| {
                let path = b.join("snippets/verify-identity.md");
                let text = fs::read_to_string(&path).unwrap();
                fs::write(path, format!("{text}\nTake your time with this.\n")).unwrap();
            }),
        ),
        (
            "a theme's words",
            Box::new(|b| {
                write(
                    b,
                    "themes/default/strings.toml",
                    "contents = \"On this page\"\n",
                )
            }),
        ),
        (
            "a setting in book.toml",
            Box::new(|b| {
                let path = b.join("book.toml");
                let text = fs::read_to_string(&path).unwrap();
                let title = text.lines().find(|l| l.starts_with("title = ")).unwrap();
                fs::write(
                    &path,
                    text.replacen(title, "title = \"Our desk handbook\"", 1),
                )
                .unwrap();
            }),
        ),
        (
            "a new chapter",
            Box::new(|b| {
                write(
                    b,
                    "guide/communication/zz-closing-a-chat.md",
                    "---\ntitle: Closing a chat\nsummary: End so they know what happens next.\ntags: [communication]\n---\n\n# Closing a chat\n\nSay what happens next, then thank them.\n",
                )
            }),
        ),
        (
            "a deleted chapter",
            Box::new(|b| {
                fs::remove_file(b.join("guide/communication/zz-closing-a-chat.md")).unwrap()
            }),
        ),
    ];
    for (step, change) in steps {
        change(b);
        let (_, _, _, reused) = counts(&rebuild(b, &[]));
        assert!(reused > 0, "after {step}: no file was kept");
        assert_same_as_clean(b, step);
    }
}

#[test]
fn a_text_edit_renders_only_the_pages_that_show_the_text() {
    let book = handbook();
    let b = book.path();
    let (all, _, _, _) = counts(&rebuild(b, &[]));
    edit(b, CHAPTER, "\n## ", "\nAsk one thing at a time.\n\n## ");
    let (rendered, kept, written, reused) = counts(&rebuild(b, &[]));
    assert!(
        rendered < all / 4,
        "rendered {rendered} of {all} pages for one chapter's text"
    );
    assert!(kept > all / 2, "kept {kept} pages");
    assert!(written < reused / 4, "wrote {written} files, kept {reused}");
    assert_same_as_clean(b, "a text edit");
}

#[test]
fn a_failed_rebuild_leaves_the_previous_site_and_its_files_untouched() {
    let book = handbook();
    let b = book.path();
    rebuild(b, &[]);
    // A later build links these very files; a program holding a link of its own (a
    // deploy tool, say) must see them unchanged whatever a rebuild does.
    let witness = b.join("witness.html");
    fs::hard_link(b.join("site/index.html"), &witness).unwrap();
    let index_before = fs::read(&witness).unwrap();
    rebuild(b, &[]);
    let before = snapshot(&b.join("site"));
    let links_before = link_counts(&b.join("site"));

    edit(
        b,
        CHAPTER,
        "title: Asking the right questions",
        "title: Asking better questions",
    );
    edit(
        b,
        CHAPTER,
        "\n## ",
        "\nSee [the missing page](no-such-chapter.md).\n\n## ",
    );
    let run = carebook(&["build"], b);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(snapshot(&b.join("site")), before, "the site changed");
    assert_eq!(link_counts(&b.join("site")), links_before);
    assert_eq!(fs::read(&witness).unwrap(), index_before);

    // Fixed, the new title reaches every page, and the old files are not written into.
    edit(
        b,
        CHAPTER,
        "See [the missing page](no-such-chapter.md).",
        "",
    );
    rebuild(b, &[]);
    assert_ne!(fs::read(b.join("site/index.html")).unwrap(), index_before);
    assert_eq!(fs::read(&witness).unwrap(), index_before);
    assert_same_as_clean(b, "a fixed error");
}

/// Each file's number of hard links, by path.
fn link_counts(dir: &Path) -> Vec<(PathBuf, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut out: Vec<(PathBuf, u64)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), e.metadata().unwrap().nlink()))
        .collect();
    out.sort();
    out
}

#[test]
fn a_deleted_or_damaged_cache_means_a_full_build_not_an_error() {
    let book = handbook();
    let b = book.path();
    rebuild(b, &[]);
    let cache = b.join(".carebook-cache/site");
    assert!(
        cache.join("site.bin").is_file(),
        "no cache next to the site"
    );

    fs::remove_dir_all(b.join(".carebook-cache")).unwrap();
    edit(b, CHAPTER, "\n## ", "\nAsk one thing at a time.\n\n## ");
    let (_, kept, _, reused) = counts(&rebuild(b, &[]));
    assert_eq!((kept, reused), (0, 0));
    assert_same_as_clean(b, "a deleted cache");

    let files: Vec<PathBuf> = walkdir::WalkDir::new(&cache)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(
        files.iter().any(|f| f.starts_with(cache.join("chapters"))),
        "no chapter analyses in the cache: {files:?}"
    );
    for path in files {
        let mut bytes = fs::read(&path).unwrap();
        let half = bytes.len() / 2;
        bytes.truncate(half);
        bytes.extend_from_slice(b"not what carebook wrote");
        fs::write(&path, bytes).unwrap();
    }
    let report = rebuild(b, &[]);
    assert_eq!(counts(&report).1, 0);
    assert_eq!(chapters(&report).1, 0, "a damaged analysis was reused");
    assert_same_as_clean(b, "a damaged cache");

    // --force ignores a good cache.
    let (_, kept, _, reused) = counts(&rebuild(b, &[]));
    assert!(reused > 0 && kept > 0);
    let run = carebook(&["build", "--force", "--timings"], b);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(counts(&run.stderr).1, 0);
    assert_eq!(counts(&run.stderr).3, 0);
    assert_eq!(chapters(&run.stderr).1, 0, "--force reused chapters");
}

/// The numbers in `--timings`' line about chapters: (rendered, kept).
fn chapters(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("chapters:"))
        .unwrap_or_else(|| panic!("no chapters line in:\n{stderr}"));
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    (n[0], n[1])
}

#[test]
fn only_edited_chapters_are_rendered_again_and_their_warnings_stay() {
    let book = handbook();
    let b = book.path();
    // A warning from the Markdown pass: a link whose capitals differ from its file's.
    edit(
        b,
        CHAPTER,
        "\n## ",
        "\nSee [this chapter](Asking-Questions.md).\n\n## ",
    );
    let first = rebuild(b, &[]);
    let (all, none) = chapters(&first);
    assert!(all > 20 && none == 0, "first build: {first}");
    let warning = "differs in capital letters";
    assert!(first.contains(warning), "{first}");

    // Nothing changed: no chapter is rendered, and the kept chapter still warns, at
    // the same place.
    let again = rebuild(b, &[]);
    assert_eq!(chapters(&again), (0, all), "{again}");
    let located = |s: &str| {
        s.lines()
            .filter(|l| l.contains("asking-questions.md:"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert!(again.contains(warning), "{again}");
    assert_eq!(located(&again), located(&first));

    // One chapter's text: that chapter only (the Spanish site has its own
    // translation of it).
    edit(b, CHAPTER, "\n## ", "\nAsk one thing at a time.\n\n## ");
    assert_eq!(chapters(&rebuild(b, &[])), (1, all - 1));
    assert_same_as_clean(b, "a text edit");

    // A new chapter changes the book's pages, which links resolve against: every
    // chapter is rendered again.
    write(
        b,
        "guide/communication/zz-closing-a-chat.md",
        "---\ntitle: Closing a chat\nsummary: End so they know what happens next.\n---\n\nSay what happens next.\n",
    );
    // (The handbook is in two languages: the Spanish site shows the new chapter too.)
    let (rendered, kept) = chapters(&rebuild(b, &[]));
    assert!(
        rendered > all && kept == 0,
        "{rendered} rendered, {kept} kept"
    );
    assert_same_as_clean(b, "a new chapter");
}

#[test]
fn without_hard_links_unchanged_files_are_copied() {
    let book = handbook();
    let b = book.path();
    rebuild(b, &[]);
    fs::hard_link(b.join("site/index.html"), b.join("witness.html")).unwrap();
    edit(b, CHAPTER, "\n## ", "\nAsk one thing at a time.\n\n## ");
    // A whole new folder swapped in, as after an edit that changes many pages.
    let (_, _, _, reused) = counts(&rebuild(
        b,
        &[
            ("CAREBOOK_TEST_LINKS", "copy"),
            ("CAREBOOK_TEST_SWAP", "whole"),
        ],
    ));
    assert!(reused > 100, "kept {reused} files");
    // Copies are files of their own: the previous site's are not linked again.
    use std::os::unix::fs::MetadataExt;
    assert_eq!(fs::metadata(b.join("witness.html")).unwrap().nlink(), 1);
    assert_same_as_clean(b, "a build without hard links");
}

#[test]
fn a_rebuild_after_no_change_leaves_the_site_in_place_unless_it_was_touched() {
    use std::os::unix::fs::MetadataExt;
    let book = handbook();
    let b = book.path();
    rebuild(b, &[]);
    let inode = |rel: &str| fs::metadata(b.join("site").join(rel)).unwrap().ino();
    let (site, index) = (inode(""), inode("index.html"));
    let (rendered, _, written, _) = counts(&rebuild(b, &[]));
    assert_eq!((rendered, written), (1, 0), "only the assets are compared");
    assert_eq!(
        (inode(""), inode("index.html")),
        (site, index),
        "the site was replaced"
    );

    // A file changed or added by hand is not what a build writes: the next build
    // replaces the site as usual.
    write(b, "site/stray.html", "left here by hand");
    let tone = b.join("site/index.html");
    let mut text = fs::read(&tone).unwrap();
    text.extend_from_slice(b"<!-- edited by hand -->");
    fs::remove_file(&tone).unwrap();
    fs::write(&tone, text).unwrap();
    rebuild(b, &[]);
    assert!(!b.join("site/stray.html").exists());
    assert_same_as_clean(b, "files changed by hand");
}

/// Each file's inode, by path inside `dir` (`""` for the folder itself).
fn inodes(dir: &Path) -> std::collections::BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                e.metadata().unwrap().ino(),
            )
        })
        .collect()
}

/// The folders next to the site that a build leaves only when it was interrupted.
fn leftovers(book: &Path) -> Vec<String> {
    let mut found: Vec<String> = fs::read_dir(book)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site."))
        .collect();
    found.sort();
    found
}

#[test]
fn an_edit_moves_only_the_changed_files_into_the_site_in_place() {
    let book = handbook();
    let b = book.path();
    rebuild(b, &[]);
    let before = inodes(&b.join("site"));
    edit(b, CHAPTER, "\n## ", "\nAsk one thing at a time.\n\n## ");
    let (_, _, written, _) = counts(&rebuild(b, &[]));
    let after = inodes(&b.join("site"));
    assert_eq!(
        after[""], before[""],
        "the site folder was replaced, not patched"
    );
    let changed: Vec<&String> = after
        .iter()
        .filter(|(rel, ino)| before.get(*rel) != Some(ino))
        .map(|(rel, _)| rel)
        .collect();
    assert!(
        changed
            .iter()
            .any(|r| r.as_str() == "communication/asking-questions.html"),
        "the edited chapter's page is not new: {changed:?}"
    );
    // Every other file is the very file the last build wrote.
    assert_eq!(changed.len(), written, "changed {changed:?}");
    assert!(
        written < after.len() / 10,
        "{written} of {} files written",
        after.len()
    );
    assert!(
        before.contains_key("index.html") && !changed.iter().any(|r| r.as_str() == "index.html")
    );
    assert_eq!(leftovers(b), Vec::<String>::new());
    assert_same_as_clean(b, "a patched text edit");

    // A change that every page shows swaps in a whole new site instead.
    edit(b, "book.toml", "title = \"", "title = \"The ");
    rebuild(b, &[]);
    assert_ne!(inodes(&b.join("site"))[""], before[""], "not swapped whole");
    assert_eq!(leftovers(b), Vec::<String>::new());
    assert_same_as_clean(b, "a book title edit");
}

#[test]
fn a_build_killed_halfway_through_its_patch_is_taken_back_by_the_next() {
    let book = handbook();
    let b = book.path();
    rebuild(b, &[]);
    let before = snapshot(&b.join("site"));
    edit(
        b,
        CHAPTER,
        "title: Asking the right questions",
        "title: Asking better questions",
    );
    let run = carebook_env(
        &["build"],
        b,
        &[("CAREBOOK_TEST_SWAP", "kill-during-patch")],
    );
    assert_ne!(run.code, 0, "the failpoint did not stop the build");
    assert!(
        b.join(".site.patch").is_file(),
        "no journal left by the killed build"
    );
    assert_ne!(
        snapshot(&b.join("site")),
        before,
        "the kill came before any move"
    );

    // The next build fails on a content error: the previous site must be back whole.
    edit(
        b,
        CHAPTER,
        "\n## ",
        "\nSee [the missing page](no-such-chapter.md).\n\n## ",
    );
    let run = carebook(&["build"], b);
    assert_eq!(run.code, 1, "{}", run.stderr);
    common::assert_contains(&run.stderr, "put the previous site back");
    assert!(
        snapshot(&b.join("site")) == before,
        "the previous site is not back"
    );
    assert_eq!(leftovers(b), Vec::<String>::new());

    edit(
        b,
        CHAPTER,
        "See [the missing page](no-such-chapter.md).",
        "",
    );
    rebuild(b, &[]);
    assert_same_as_clean(b, "a build after a killed patch");
}

#[test]
fn search_files_removed_by_hand_are_made_again() {
    let book = handbook();
    let b = book.path();
    rebuild(b, &[]);
    // Search record files whose records did not change are kept from the site as it
    // is; ones that are gone must be written again, not left missing.
    let records: Vec<PathBuf> = walkdir::WalkDir::new(b.join("site/search/r"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(records.len() > 1, "too few record files: {records:?}");
    for path in &records {
        fs::remove_file(path).unwrap();
    }
    edit(b, CHAPTER, "\n## ", "\nAsk one thing at a time.\n\n## ");
    rebuild(b, &[]);
    let missing: Vec<&PathBuf> = records.iter().filter(|p| !p.is_file()).collect();
    // The edited chapter's own file has a new name; every other one is back.
    assert_eq!(missing.len(), 1, "missing {missing:?}");
    assert_same_as_clean(b, "search files removed by hand");
}
