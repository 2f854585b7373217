//! The command line: init, clean, help text and exit codes.

mod common;

use common::*;

#[test]
fn init_creates_a_book_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let run = carebook(&["init", "my-book"], tmp.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let book = tmp.path().join("my-book");
    assert!(book.join("book.toml").is_file());
    let chapters: Vec<_> = std::fs::read_dir(book.join("guide/getting-started"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .collect();
    assert_eq!(chapters.len(), 2, "two example chapters");
    let run = carebook(&["build", "my-book"], tmp.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.is_empty(),
        "the starter book builds without warnings: {}",
        run.stderr
    );
    assert!(book.join("site/getting-started/welcome.html").is_file());
    assert!(broken_links(&book.join("site")).is_empty());
}

#[test]
fn init_never_overwrites_a_book() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"Mine\"\n");
    let run = carebook(&["init"], tmp.path());
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "already holds a book");
    assert_eq!(read(&tmp.path().join("book.toml")), "title = \"Mine\"\n");
}

#[test]
fn clean_removes_only_a_built_site() {
    let book = copy_fixture("good");
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    let run = carebook(&["clean"], book.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!book.path().join("site").exists());
    assert!(book.path().join("guide/welcome.md").is_file());
    let run = carebook(&["clean"], book.path());
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Nothing to remove"));

    write(book.path(), "site/important.txt", "keep me");
    let run = carebook(&["clean"], book.path());
    assert_eq!(run.code, 2, "refuses a folder carebook did not build");
    assert!(book.path().join("site/important.txt").is_file());
}

#[test]
fn every_command_has_help_with_examples() {
    let tmp = tempfile::tempdir().unwrap();
    for cmd in ["build", "init", "clean"] {
        let run = carebook(&[cmd, "--help"], tmp.path());
        assert_eq!(run.code, 0);
        assert!(
            run.stdout.contains("Examples:"),
            "{cmd} --help:\n{}",
            run.stdout
        );
    }
    let run = carebook(&["--help"], tmp.path());
    assert!(
        run.stdout.contains("build") && run.stdout.contains("init") && run.stdout.contains("clean")
    );
    let run = carebook(&["bild"], tmp.path());
    assert_eq!(run.code, 2, "usage errors exit 2");
    assert!(
        run.stderr.contains("build"),
        "suggests the right command: {}",
        run.stderr
    );
}

/// `--timings` lists every stage, the search index (built during the write) included,
/// each with a time in milliseconds.
#[test]
fn timings_name_every_stage() {
    let book = copy_fixture("good");
    let run = carebook(&["build", "--timings"], book.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stages: Vec<(&str, f64)> = run
        .stderr
        .lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let (name, ms, unit) = (words.next()?, words.next()?, words.next()?);
            (unit == "ms").then(|| (name, ms.parse::<f64>().expect("a number")))
        })
        .collect();
    let names: Vec<&str> = stages.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        ["config", "load", "markdown", "write", "search", "commit"],
        "{}",
        run.stderr
    );
    assert!(stages.iter().all(|(_, ms)| *ms >= 0.0));
}
