//! Bad input: every problem is reported at once with file:line:col, a clear message and
//! a hint; exit codes are 1 for content and 2 for configuration; nothing panics.

mod common;

use common::*;

#[test]
fn broken_book_reports_every_error_with_positions_and_hints() {
    let book = copy_fixture("broken");
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    let expected = [
        "guide/part/bad-links.md:5:25: error: the link `missing.md` points to a chapter that does not exist (`part/missing.md`)",
        "guide/part/bad-links.md:5:50: error: the link `typo-tags.md` points to a chapter that does not exist (`part/typo-tags.md`)\n  help: did you mean `typo-tag.md`?",
        "guide/part/bad-links.md:7:20: error: the link `typo-tag.md#real-headin` points to a heading `#real-headin` that is not in `part/typo-tag.md`\n  help: did you mean `#real-heading`?",
        "guide/part/bad-links.md:7:63: error: the link `#nowhere` points to a heading `#nowhere` that is not on this page",
        "guide/part/bad-links.md:9:18: error: the link `img/none.png` points to a file that does not exist (`part/img/none.png`)",
        "guide/part/bad-yaml.md:2:12: error: invalid front matter: mapping values are not allowed in this context\n  help: a value that contains `: ` must be in quotes",
        "guide/part/typo-tag.md:4:23: error: unknown tag `empaty`; tags must be declared in book.toml\n  help: did you mean `empathy`?",
        "guide/part/typo-tag.md:5:12: error: unknown audience `agnet`; audiences must be declared in book.toml\n  help: did you mean `agent`?",
        "guide/part/unclosed.md:1:1: error: front matter starts here with `---` but is never closed\n  help: add a line with only `---`",
        "guide/part/unknown-field.md:3:1: error: invalid front matter: unknown field `sumary`\n  help: did you mean `summary`?",
    ];
    for line in expected {
        assert!(
            run.problems.contains(line),
            "missing diagnostic:\n{line}\n--- got ---\n{}",
            run.problems
        );
    }
    assert!(
        run.problems
            .trim_end()
            .ends_with("build failed: 10 errors, 0 warnings; the site was not changed"),
        "{}",
        run.problems
    );
    assert!(!book.path().join("site").exists(), "nothing written");
}

#[test]
fn broken_links_can_be_downgraded_to_warnings() {
    let book = copy_fixture("broken");
    for f in [
        "typo-tag.md",
        "bad-yaml.md",
        "unclosed.md",
        "unknown-field.md",
    ] {
        std::fs::remove_file(book.path().join("guide/part").join(f)).unwrap();
    }
    let toml = read(&book.path().join("book.toml")).replace(
        "title = \"Broken Handbook\"",
        "title = \"Broken Handbook\"\n[build]\nbroken-links = \"warn\"",
    );
    write(book.path(), "book.toml", &toml);
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_contains(
        &run.problems,
        "bad-links.md:5:25: warning: the link `missing.md`",
    );
    assert_contains(&run.stdout, "with 5 warnings");
}

#[test]
fn config_errors_exit_2_with_position() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "guide/a.md", "# A\n");
    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n\n[build]\nsorce = \"guide\"\n",
    );
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 2);
    assert_contains(
        &run.problems,
        "book.toml:4:1: error: invalid book.toml: unknown field `sorce`",
    );

    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n[build]\npaper = \"a5\"\n",
    );
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 2);
    assert!(
        run.problems.contains("book.toml:3:9: error:") && run.problems.contains("a4"),
        "{}",
        run.problems
    );

    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n[build]\nsource = \"chapters\"\n",
    );
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 2);
    assert!(
        run.problems.contains("the chapters folder") && run.problems.contains("does not exist"),
        "{}",
        run.problems
    );

    std::fs::remove_file(tmp.path().join("book.toml")).unwrap();
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 2);
    assert!(
        run.problems
            .contains("book.toml: error: cannot read the book's settings")
            && run.problems.contains("carebook init"),
        "{}",
        run.problems
    );
}

#[test]
fn unknown_theme_is_a_config_error() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "guide/a.md", "# A\n");
    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n[build]\ntheme = \"fancy\"\n",
    );
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 2);
    assert_contains(&run.problems, "the theme `fancy` was not found");
}

#[test]
fn theme_overrides_one_file_and_keeps_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "guide/a.md", "# A\n\nBody.\n");
    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n[build]\ntheme = \"house\"\n",
    );
    write(tmp.path(), "themes/house/templates/404.html", "{% extends \"base.html\" %}{% block main %}<h1>Lost? Call the help desk.</h1>{% endblock main %}");
    write(
        tmp.path(),
        "themes/house/static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let site = tmp.path().join("site");
    assert!(read(&site.join("404.html")).contains("Lost? Call the help desk."));
    assert!(
        read(&site.join("a.html")).contains("<h1>A</h1>"),
        "other templates are the default ones"
    );
    assert!(site.join("assets/logo.svg").is_file());

    write(
        tmp.path(),
        "themes/house/templates/404.html",
        "{% block main %}{{ unclosed ",
    );
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_contains(&run.problems, "template error");
}

/// Inputs that must give a clean diagnostic (or a clean build), never a panic.
#[test]
fn hostile_inputs_never_panic() {
    let cases: &[(&str, &[u8])] = &[
        ("invalid-utf8.md", b"---\ntitle: A\n---\nok \xff\xfe bad\n"),
        ("empty.md", b""),
        ("only-dashes.md", b"---\n"),
        ("empty-front-matter.md", b"---\n---\n"),
        (
            "weird-types.md",
            b"---\ntitle: [1, 2]\ntags: 5\nminutes: -3\norder: many\n---\n",
        ),
        ("card-wrong.md", b"---\ntitle: C\ncard: yes please\n---\n"),
        ("bom.md", b"\xef\xbb\xbf---\ntitle: Bom\n---\nText\n"),
        ("nul.md", b"---\ntitle: N\n---\n\x00\x00\n"),
        ("deep-nesting.md", &[b'>'; 5000]),
        (
            "link-escape.md",
            b"[out](../../../../etc/passwd.md) [x](%zz.md) [y](#) [z](<>)\n",
        ),
        ("headings.md", b"# \n## \n## !!!\n## !!!\n###### x {#}\n"),
    ];
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"T\"\n");
    for (name, bytes) in cases {
        let path = tmp.path().join("guide/p").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let run = carebook(&["build"], tmp.path());
    assert!(
        run.code == 1,
        "expected content errors, got {}:\n{}",
        run.code,
        run.problems
    );
    assert!(!run.problems.contains("panicked"), "{}", run.problems);
    assert_contains(
        &run.problems,
        "guide/p/invalid-utf8.md:4:4: error: the file is not valid UTF-8 text",
    );
    assert_contains(
        &run.problems,
        "guide/p/only-dashes.md:1:1: error: front matter starts here",
    );
    assert_contains(&run.problems, "guide/p/weird-types.md:2:");
    assert!(
        run.problems.contains("guide/p/card-wrong.md:3:")
            && run.problems.contains("expected `false`, or `when:`"),
        "{}",
        run.problems
    );
    assert_contains(&run.problems, "points outside the chapters folder");
}

#[test]
fn duplicate_slugs_and_output_paths_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"T\"\n");
    write(tmp.path(), "guide/a/intro.md", "---\ntitle: A intro\n---\n");
    write(tmp.path(), "guide/b/intro.md", "---\ntitle: B intro\n---\n");
    write(
        tmp.path(),
        "guide/b/other.md",
        "---\ntitle: Other\nslug: intro-2\n---\n",
    );
    write(tmp.path(), "guide/b/intro-2.md", "---\ntitle: Clash\n---\n");
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert_contains(&run.problems, "error: the slug `intro` is already used by");
    assert_contains(&run.problems, "would both be written to `b/intro-2.html`");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"T\"\n");
    write(tmp.path(), "guide/p/a.md", "# A\n");
    std::os::unix::fs::symlink(tmp.path().join("guide"), tmp.path().join("guide/p/loop")).unwrap();
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert_contains(&run.problems, "endless loop");
}
