//! The command line: init, clean, help text and exit codes.

mod common;

use common::*;

#[test]
fn init_creates_a_book_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let run = carebook(&["init", "my-book"], tmp.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let book = tmp.path().join("my-book");
    assert!(book.join("book.toml").is_file());
    let chapters: Vec<_> = std::fs::read_dir(book.join("guide/getting-started"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .collect();
    assert_eq!(chapters.len(), 2, "two example chapters");
    let run = carebook(&["build", "my-book"], tmp.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(
        run.problems.is_empty(),
        "the starter book builds without warnings: {}",
        run.problems
    );
    assert!(book.join("site/getting-started/welcome.html").is_file());
    assert!(broken_links(&book.join("site")).is_empty());
    let run = carebook(&["check", "my-book", "--format", "line"], tmp.path());
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, ""),
        "the starter book follows its own card and prose rules"
    );
}

#[test]
fn init_never_overwrites_a_book() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"Mine\"\n");
    let run = carebook(&["init"], tmp.path());
    assert_eq!(run.code, 2);
    assert_contains(&run.problems, "already holds a book");
    assert_eq!(read(&tmp.path().join("book.toml")), "title = \"Mine\"\n");
}

#[test]
fn clean_removes_only_a_built_site() {
    let book = copy_fixture("good");
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    assert!(book.path().join(".carebook-cache/site").is_dir());
    let run = carebook(&["clean"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(!book.path().join("site").exists());
    // The build cache goes with the site, and the folder holding it once empty.
    assert!(!book.path().join(".carebook-cache").exists());
    assert!(run.stdout.contains("(the build cache)"), "{}", run.stdout);
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
        run.problems.contains("build"),
        "suggests the right command: {}",
        run.problems
    );
}

/// `--timings` lists every stage, the search index (built during the write) included,
/// each with a time in milliseconds.
#[test]
fn timings_name_every_stage() {
    let book = copy_fixture("good");
    let run = carebook(&["build", "--timings"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let stages: Vec<(&str, f64)> = run
        .problems
        .lines()
        .filter_map(|l| {
            let (name, ms) = l.trim().strip_suffix(" ms")?.rsplit_once(' ')?;
            Some((name.trim(), ms.parse::<f64>().expect("a number")))
        })
        .collect();
    let names: Vec<&str> = stages.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names[..6],
        [
            "config",
            "cache",
            "load",
            "markdown",
            "fingerprints",
            "write"
        ],
        "{}",
        run.problems
    );
    assert_eq!(names.last(), Some(&"commit"), "{}", run.problems);
    // Between them, the kinds of page that took longest to write (which ones depends
    // on the machine for a book this small), at most five, each once.
    let kinds = &names[6..names.len() - 1];
    let known = [
        "search",
        "chapters",
        "home",
        "parts",
        "tags, audiences",
        "term indexes",
        "404",
        "sitemap",
        "assets",
        "desk cards",
        "print",
        "packs",
        "what's new",
        "review",
        "facts",
        "redirects",
        "builder",
        "builder chapters",
    ];
    assert!((1..=5).contains(&kinds.len()), "{}", run.problems);
    assert!(kinds.iter().all(|k| known.contains(k)), "{}", run.problems);
    let mut distinct = kinds.to_vec();
    distinct.dedup();
    assert_eq!(distinct.len(), kinds.len(), "{}", run.problems);
    assert!(stages.iter().all(|(_, ms)| *ms >= 0.0));
}

/// `cargo install` puts the binary somewhere on PATH, far from this repository: the
/// theme must come from the binary itself.
#[test]
fn an_installed_binary_builds_outside_the_repository() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin/carebook");
    std::fs::create_dir_all(bin.parent().unwrap()).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_carebook"), &bin).unwrap();
    let work = tmp.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let run = |args: &[&str]| -> Run {
        std::process::Command::new(&bin)
            .args(args)
            .current_dir(&work)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
            .into()
    };
    let init = run(&["init", "book"]);
    assert_eq!(init.code, 0, "{}", init.problems);
    assert!(!work.join("book/themes").exists(), "init writes no theme");
    let built = run(&["build", "book"]);
    assert_eq!(built.code, 0, "{}", built.problems);
    let css = read(&work.join("book/site/assets/carebook.css"));
    let shipped = read(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/static/carebook.css"),
    );
    assert_eq!(css, shipped, "the embedded theme is the shipped one");
}

#[test]
fn help_works_as_a_command_and_with_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let run = carebook(&["help", "--help"], tmp.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_contains(
        &run.stdout,
        "Print help for carebook or one of its commands",
    );
    let run = carebook(&["help", "build"], tmp.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_contains(&run.stdout, "--dest-dir");
    assert_contains(&run.stdout, "--open");
    let run = carebook(&["help", "biuld"], tmp.path());
    assert_eq!(run.code, 2);
    assert_contains(&run.problems, "there is no command `biuld`");
    let run = carebook(&["help"], tmp.path());
    assert_eq!(run.code, 0);
    assert_contains(&run.stdout, "completions");
}

#[test]
fn completions_are_printed_for_each_shell() {
    let tmp = tempfile::tempdir().unwrap();
    for (shell, expect) in [
        ("bash", "_carebook()"),
        ("zsh", "#compdef carebook"),
        ("fish", "complete -c carebook"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = carebook(&["completions", shell], tmp.path());
        assert_eq!(run.code, 0, "{shell}: {}", run.problems);
        assert_contains(&run.stdout, expect);
        assert_contains(&run.stdout, "dest-dir");
    }
}

#[test]
fn the_book_folder_is_given_the_same_way_on_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(carebook(&["-C", "b", "init"], tmp.path()).code, 0);
    let book = tmp.path().join("b");
    for args in [
        &["-C", "b", "check"][..],
        &["build", "-C", "b", "-d", "out-one"],
        &["build", "b", "--dest-dir", "out-two"],
        &["pack", "-C", "b", "--list"],
        &["clean", "-C", "b", "-d", "out-one"],
    ] {
        let run = carebook(args, tmp.path());
        assert_eq!(run.code, 0, "{args:?}: {}", run.problems);
    }
    assert!(book.join("book.toml").is_file());
    assert!(!tmp.path().join("out-one").exists(), "clean removed it");
    assert!(
        tmp.path().join("out-two/index.html").is_file(),
        "-d is --out: relative to where the command runs"
    );
    let run = carebook(&["build", "b", "-C", "elsewhere"], tmp.path());
    assert_eq!(run.code, 2);
    assert_contains(&run.problems, "two book folders given");
}

#[test]
fn environment_variables_override_book_toml() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(carebook(&["init", "b"], tmp.path()).code, 0);
    let run: Run = std::process::Command::new(env!("CARGO_BIN_EXE_carebook"))
        .args(["build", "b"])
        .current_dir(tmp.path())
        .env("CAREBOOK_TITLE", "Preview edition")
        .env("CAREBOOK_BUILD__BASE_URL", "https://preview.example/help/")
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 0, "{}", run.problems);
    let home = read(&tmp.path().join("b/site/index.html"));
    assert_contains(&home, "<title>Preview edition</title>");
    assert_contains(
        &read(&tmp.path().join("b/site/sitemap.xml")),
        "https://preview.example/help/",
    );
    let run: Run = std::process::Command::new(env!("CARGO_BIN_EXE_carebook"))
        .args(["build", "b"])
        .current_dir(tmp.path())
        .env("CAREBOOK_BUILD__OUTPT", "x")
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 2);
    assert_contains(&run.problems, "unknown field `outpt`");
    assert_contains(&run.problems, "CAREBOOK_BUILD__OUTPT");
}
