//! Hostile or careless input (issue 14): symbolic links out of the book, YAML nested
//! deeply, huge chapters, files that are not UTF-8. Each is refused or reported at its
//! place with what to do, nothing outside the book is published, nothing hangs.

mod common;

use std::path::Path;

use common::*;

#[test]
fn hostile_fixture_reports_each_problem_at_its_place() {
    let book = copy_fixture("hostile");
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    for expected in [
        "guide/deep.md:2:71: error: invalid front matter: lists and mappings are nested more than 64 levels deep here",
        "guide/prices.md:8:4: error: the file is not valid UTF-8 text",
        "guide/twice.md:4:1: error: invalid front matter: `title` is given twice; the first is on line 2\n  help: keep one `title:` line",
        "packs/deep.yaml:2:74: error: invalid front matter: lists and mappings are nested more than 64 levels deep here",
    ] {
        assert_contains(&run.problems, expected);
    }
    // welcome.md links to prices.md and a heading in it: that file's own error is enough.
    assert!(!run.problems.contains("welcome.md"), "{}", run.problems);
    assert!(
        run.problems
            .trim_end()
            .ends_with("build failed: 4 errors, 0 warnings; the site was not changed"),
        "{}",
        run.problems
    );
    let check = carebook(&["check", "--format", "line"], book.path());
    assert_eq!(check.code, 1, "{}", check.problems);
    assert_contains(
        &check.stdout,
        "guide/twice.md:4:1: error[build]: invalid front matter: `title` is given twice",
    );
    assert!(
        !check.stdout.contains("welcome.md:"),
        "no finding inside welcome.md:\n{}",
        check.stdout
    );
}

#[test]
fn very_deep_front_matter_is_refused_at_the_first_level_too_deep() {
    // The time bound is in scripts/bench_inputs.py; here only the error and its place.
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"T\"\n");
    let n = 100_000;
    let deep = format!(
        "---\nsummary: S\ntitle: {}{}\n---\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    write(tmp.path(), "guide/deep.md", &deep);
    for args in [&["build"][..], &["check", "--format", "line"]] {
        let run = carebook(args, tmp.path());
        assert_eq!(run.code, 1, "{}", run.problems);
        let out = format!("{}{}", run.stdout, run.problems);
        assert_contains(&out, "guide/deep.md:3:71: error");
        assert_contains(&out, "nested more than 64 levels deep");
    }
}

#[test]
fn chapters_over_the_size_limit_get_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n[build]\nmax-chapter-size = \"2 kB\"\n",
    );
    write(
        tmp.path(),
        "guide/small.md",
        "---\ntitle: Small\n---\nShort.\n",
    );
    let big = format!(
        "---\ntitle: Big\n---\n{}",
        "All work and no play.\n".repeat(150)
    );
    write(tmp.path(), "guide/big.md", &big);
    let run = build_ok(tmp.path());
    assert_contains(
        &run.problems,
        "guide/big.md:1:1: warning: this chapter is 3.3 kB, more than the 2 kB a chapter should be (`max-chapter-size` in book.toml)",
    );
    assert_contains(&run.problems, "help: split it into several chapters");
    assert!(!run.problems.contains("small.md"), "{}", run.problems);

    // The default is 5 MB; a plain number is bytes; a wrong value is located.
    write(tmp.path(), "book.toml", "title = \"T\"\n");
    let run = build_ok(tmp.path());
    assert!(!run.problems.contains("big.md"), "{}", run.problems);
    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n[build]\nmax-chapter-size = 3000\n",
    );
    let run = build_ok(tmp.path());
    assert_contains(&run.problems, "more than the 3 kB");
    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n[build]\nmax-chapter-size = \"5 parsecs\"\n",
    );
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_contains(
        &run.problems,
        "book.toml:3:20: error: invalid book.toml: `parsecs` is not a size unit",
    );
}

#[cfg(unix)]
mod symlinks {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A book next to a folder outside it holding a secret file and a secret folder.
    struct Setup {
        _tmp: tempfile::TempDir,
        book: std::path::PathBuf,
        outside: std::path::PathBuf,
    }

    fn setup() -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        let book = tmp.path().join("book");
        copy_dir(&fixture("good"), &book);
        let outside = tmp.path().join("outside");
        write(&outside, "secret.md", "# Secret\n\nOUTSIDE-SECRET-TEXT\n");
        write(&outside, "ssh/id_rsa", "OUTSIDE-SECRET-KEY\n");
        Setup {
            _tmp: tmp,
            book,
            outside,
        }
    }

    /// No file under `dir` holds text from outside the book.
    fn assert_no_leak(dir: &Path) {
        for (path, bytes) in snapshot(dir) {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("OUTSIDE-SECRET"),
                "{} holds text from outside the book",
                path.display()
            );
            assert!(!path.ends_with("id_rsa"), "{} was copied", path.display());
        }
    }

    /// A theme's static folder, or one file in it, linked to outside the book would be
    /// copied under assets/: refused like a chapter link.
    #[test]
    fn theme_files_linked_out_of_the_book_are_refused() {
        for linked in ["static", "static/keys"] {
            let s = setup();
            let toml = read(&s.book.join("book.toml"));
            let toml = toml.replacen("[build]\n", "[build]\ntheme = \"house\"\n", 1);
            write(&s.book, "book.toml", &toml);
            let theme = s.book.join("themes/house");
            std::fs::create_dir_all(theme.join("templates")).unwrap();
            if linked == "static" {
                symlink(s.outside.join("ssh"), theme.join("static")).unwrap();
            } else {
                std::fs::create_dir_all(theme.join("static")).unwrap();
                symlink(s.outside.join("ssh"), theme.join(linked)).unwrap();
            }
            let run = carebook(&["build", "--out", "site"], &s.book);
            assert_ne!(run.code, 0, "{linked}: {}", run.problems);
            assert_contains(&run.problems, "symbolic link");
            assert!(
                !s.book.join("site").exists(),
                "{linked}: nothing was written"
            );
        }
    }

    #[test]
    fn links_out_of_the_book_are_refused_and_nothing_leaks() {
        let s = setup();
        symlink(s.outside.join("secret.md"), s.book.join("guide/leak.md")).unwrap();
        symlink(s.outside.join("ssh"), s.book.join("guide/extras/keys")).unwrap();
        let outside = std::fs::canonicalize(&s.outside).unwrap();
        for args in [&["build"][..], &["check", "--format", "line"]] {
            let run = carebook(args, &s.book);
            assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.problems);
            let out = format!("{}{}", run.stdout, run.problems);
            for (link, target) in [("guide/leak.md", "secret.md"), ("guide/extras/keys", "ssh")] {
                // `build` says `error:`, `check` says `error[build]:`.
                assert_contains(&out, &format!("{link}: error"));
                assert_contains(
                    &out,
                    &format!(
                        "this symbolic link points to `{}`, outside the book's folder; carebook does not publish files from outside the book",
                        outside.join(target).display()
                    ),
                );
            }
            assert!(!out.contains("OUTSIDE-SECRET"), "{out}");
        }
        let run = carebook(&["build"], &s.book);
        assert_contains(
            &run.problems,
            "help: copy the file into the book instead of linking to it; or, if that folder is meant to be shared, allow it in book.toml with `allow-symlinks-to = [\"../outside\"]` under [build]",
        );
        assert_contains(&run.problems, "`allow-symlinks-to = [\"../outside/ssh\"]`");
        assert!(!s.book.join("site").exists());
        assert_no_leak(&s.book);
        // A pack file linked from outside is refused the same way.
        std::fs::remove_file(s.book.join("guide/leak.md")).unwrap();
        std::fs::remove_file(s.book.join("guide/extras/keys")).unwrap();
        write(&s.outside, "pack.yaml", "title: OUTSIDE-SECRET-PACK\n");
        std::fs::create_dir_all(s.book.join("packs")).unwrap();
        symlink(s.outside.join("pack.yaml"), s.book.join("packs/leak.yaml")).unwrap();
        let run = carebook(&["build"], &s.book);
        assert_eq!(run.code, 1, "{}", run.problems);
        assert_contains(
            &run.problems,
            "packs/leak.yaml: error: this symbolic link points to",
        );
        assert_no_leak(&s.book);
    }

    #[test]
    fn links_inside_the_book_are_followed() {
        let s = setup();
        write(
            &s.book,
            "shared/hours.md",
            "---\ntitle: Opening hours\n---\n\nINSIDE-LINKED-TEXT\n",
        );
        symlink("../shared/hours.md", s.book.join("guide/hours.md")).unwrap();
        symlink("img", s.book.join("guide/extras/pictures")).unwrap();
        build_ok(&s.book);
        let site = s.book.join("site");
        assert_contains(&read(&site.join("hours.html")), "INSIDE-LINKED-TEXT");
        assert!(site.join("extras/pictures/diagram.svg").is_file());
    }

    #[test]
    fn allowed_folders_may_be_linked_to_and_others_still_not() {
        let s = setup();
        let toml = read(&s.book.join("book.toml")).replace(
            "[build]\n",
            "[build]\nallow-symlinks-to = [\"../outside/ssh\"]\n",
        );
        write(&s.book, "book.toml", &toml);
        write(
            &s.outside,
            "ssh/snippet.md",
            "---\ntitle: Snippet\n---\n\nALLOWED-SHARED-TEXT\n",
        );
        symlink(s.outside.join("ssh"), s.book.join("guide/extras/shared")).unwrap();
        build_ok(&s.book);
        let site = s.book.join("site");
        assert_contains(
            &read(&site.join("extras/shared/snippet.html")),
            "ALLOWED-SHARED-TEXT",
        );
        assert!(
            site.join("extras/shared/id_rsa").is_file(),
            "the allowed folder is published whole"
        );

        // Its neighbour is not allowed.
        symlink(s.outside.join("secret.md"), s.book.join("guide/leak.md")).unwrap();
        let run = carebook(&["build"], &s.book);
        assert_eq!(run.code, 1, "{}", run.problems);
        assert_contains(
            &run.problems,
            "guide/leak.md: error: this symbolic link points to",
        );

        // A folder that is not there is a settings error, located.
        let toml = toml.replace("../outside/ssh", "../nowhere");
        write(&s.book, "book.toml", &toml);
        let run = carebook(&["build"], &s.book);
        assert_eq!(run.code, 2, "{}", run.problems);
        assert_contains(
            &run.problems,
            "book.toml:6:23: error: `allow-symlinks-to` names the folder `../nowhere`, which does not exist next to book.toml",
        );
    }
}

#[test]
fn book_toml_that_is_not_utf8_is_located() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "guide/a.md", "# A\n");
    std::fs::write(
        tmp.path().join("book.toml"),
        b"title = \"T\"\n[build]\npaper = \"a\xff4\"\n",
    )
    .unwrap();
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_contains(
        &run.problems,
        "book.toml:3:11: error: the file is not valid UTF-8 text\n  help: save the file as UTF-8",
    );
}

#[test]
fn a_wrong_choice_on_the_pack_command_line_is_a_usage_error_said_once() {
    let book = copy_fixture("good");
    let run = carebook(&["pack", "--audience", "nobody"], book.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_eq!(
        run.problems,
        "error: unknown audience `nobody`\n  help: expected one of `new-hire`\n"
    );
}

#[test]
fn files_that_cannot_be_written_exit_3() {
    let book = copy_fixture("good");
    // As root no permission stops a write, but a file where a folder must be does.
    write(book.path(), "not-a-folder", "a file\n");
    let run = carebook(&["build", "--out", "not-a-folder/site"], book.path());
    assert_eq!(run.code, 3, "{}", run.problems);
    assert_contains(&run.problems, "not-a-folder");
    assert_contains(&run.problems, "cannot write");
    let help = carebook(&["--help"], book.path());
    assert_contains(
        &help.stdout,
        "3 a file or folder could not be read or written",
    );
}

#[test]
fn an_invalid_source_date_epoch_is_a_usage_error() {
    let book = copy_fixture("good");
    let run_with = |value: &str| -> Run {
        std::process::Command::new(env!("CARGO_BIN_EXE_carebook"))
            .arg("build")
            .current_dir(book.path())
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", value)
            .output()
            .unwrap()
            .into()
    };
    for value in ["yesterday", "-86400", "1.5", "99999999999999999999999", ""] {
        let run = run_with(value);
        assert_eq!(run.code, 2, "{value:?}: {}", run.problems);
        assert_contains(
            &run.problems,
            &format!("error: the environment variable SOURCE_DATE_EPOCH is `{value}`, which is not a date carebook can use\n  help: set it to a whole number of seconds since 1970-01-01 UTC, like 1763856000"),
        );
        assert!(!book.path().join("site").exists());
    }
    let run = run_with("1763856000");
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_contains(
        &read(&book.path().join("site/print.html")),
        "23 November 2025",
    );
}

#[cfg(unix)]
#[test]
fn check_line_format_keeps_a_file_name_with_a_newline_on_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n[build]\nraw-html = \"warn\"\n",
    );
    write(
        tmp.path(),
        "guide/two\nlines.md",
        "No front matter, no checklist, a <script>script</script>.\n",
    );
    let run = carebook(&["check", "--format", "line"], tmp.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(!lines.is_empty(), "{}", run.stdout);
    for line in &lines {
        assert!(line.starts_with("guide/two\\nlines.md"), "{}", run.stdout);
    }
    // The build's messages escape it too.
    let run = build_ok(tmp.path());
    assert_contains(
        &run.problems,
        "guide/two\\nlines.md:1:34: warning: raw HTML `<script>` can run code",
    );
}
