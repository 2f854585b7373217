//! A handbook kept for mdBook (tests/fixtures/mdbook-book) builds with carebook as it
//! is: `[book]` gives the title and the chapters folder, SUMMARY.md the order, the
//! parts and the nesting; mdBook's own tables get one warning each; a draft entry is
//! left out with a note; a file SUMMARY.md does not list is not published; a broken
//! entry is an error located in SUMMARY.md.

mod common;

use common::*;

/// The sidebar of `page`, with the whitespace between tags taken out.
fn sidebar(page: &str) -> String {
    let start = page.find("<nav id=\"sidebar\"").expect("a sidebar");
    let end = start + page[start..].find("</nav>").expect("the sidebar ends");
    let mut out = String::new();
    for line in page[start..end].lines() {
        out.push_str(line.trim());
    }
    out
}

#[test]
fn an_mdbook_book_builds_with_its_summary_order_parts_and_nesting() {
    let book = copy_fixture("mdbook-book");
    let run = build_ok(book.path());
    // `build-dir` under [build] is where the site goes, as in mdBook.
    let site = book.path().join("book");
    assert!(site.join("index.html").is_file(), "{}", run.stderr);
    assert!(!book.path().join("site").exists());
    assert_eq!(broken_links(&site), Vec::<String>::new());

    // The warnings, exactly: one per mdBook table carebook ignores, one naming the
    // file SUMMARY.md leaves out, one for the draft entry. The chapter-only include
    // (shared/refund-window.md) is not "left out".
    assert_eq!(
        run.problems,
        "book.toml:16:9: warning: [output.html] is ignored: it holds mdBook's settings for its HTML theme, and carebook makes the site with its own
  help: carebook makes the site, print.html and the desk cards itself; remove the table once mdBook no longer builds this book
book.toml:24:15: warning: [preprocessor.admonish] is ignored: carebook does not run mdBook's `admonish` preprocessor, so what it adds to the chapters will be missing
  help: look over the chapters that rely on it in the built site
src/SUMMARY.md: warning: 1 Markdown file is not listed in SUMMARY.md, so it is not published: old-process.md
  help: add an entry, `- [Title](file.md)`, for each one that should be a page; files only pulled in with {{#include}} are fine as they are
src/SUMMARY.md:12:3: warning: 1 draft entry in SUMMARY.md has no file yet and is left out of the site: “Exchanges” (line 12)
  help: give an entry its file, `- [Title](file.md)`, when the chapter is written
",
        "{}",
        run.stderr
    );
    insta::assert_snapshot!("mdbook_build_warnings", run.stderr);

    // [book]: title and description on the home page.
    let home = read(&site.join("index.html"));
    assert_contains(&home, "<title>Returns Desk Handbook</title>");
    assert_contains(
        &home,
        "How the returns desk receives parcels, pays refunds and keeps waiting customers informed.",
    );

    // The sidebar: the opening chapter, the two parts with their chapters nested as
    // SUMMARY.md nests them (three levels), then the closing chapter, in that order.
    // The labels are SUMMARY.md's, not the files' headings ("Welcome").
    let page = read(&site.join("receiving/label.html"));
    let nav = sidebar(&page);
    let expected = [
        r#"<li class="nav-part nav-top-chapter"><a href="../welcome.html">Welcome to the desk</a></li>"#,
        r#"<a href="../handling-a-return/index.html">Handling a return</a>"#,
        r#"<li><a href="../receiving/index.html">Receiving a parcel</a><ol class="nav-chapters nav-nested"><li><a href="../receiving/label.html" aria-current="page">Checking the label</a></li><li><a href="../receiving/damaged.html">Damaged parcels</a><ol class="nav-chapters nav-nested"><li><a href="../receiving/photos.html">Photographing damage</a></li></ol></li></ol></li><li><a href="../refunds.html">Refunds</a></li></ol>"#,
        r#"<a href="../talking-with-customers/index.html">Talking with customers</a>"#,
        r#"<li><a href="../customers/late-refund.html">When a refund is late</a></li>"#,
        r#"<li class="nav-part nav-top-chapter"><a href="../contacts.html">Who to ask</a></li>"#,
    ];
    let mut from = 0;
    for piece in expected {
        let at = nav[from..]
            .find(piece)
            .unwrap_or_else(|| panic!("expected, in this order:\n{piece}\n--- in ---\n{nav}"));
        from += at + piece.len();
    }
    assert_contains(&read(&site.join("welcome.html")), "<h1>Welcome to the desk");

    // Reading order follows SUMMARY.md: the label page's neighbours.
    assert_contains(&page, r#"rel="prev" href="../receiving/index.html""#);
    assert_contains(&page, r#"rel="next" href="../receiving/damaged.html""#);

    // A part title is a section with its page, listing its chapters.
    let part = read(&site.join("handling-a-return/index.html"));
    assert_contains(&part, "<h1>Handling a return</h1>");
    assert_contains(&part, "receiving/photos.html");

    // `{{#include}}` relative to the chapter, inside src/.
    assert_contains(
        &read(&site.join("refunds.html")),
        "Refunds reach the customer within ten working days",
    );
    // The draft has no page and no place in the sidebar; unlisted and included files
    // and SUMMARY.md itself are not pages.
    assert!(!page.contains("Exchanges"));
    for gone in [
        "old-process.html",
        "summary.html",
        "SUMMARY.html",
        "shared/refund-window.html",
        "receiving/readme.html",
    ] {
        assert!(!site.join(gone).exists(), "{gone} should not be published");
    }
    assert!(!read(&site.join("print.html")).contains("The old process"));
}

/// SUMMARY.md with `text` instead of the fixture's; the build's result.
fn with_summary(text: &str) -> (tempfile::TempDir, Run) {
    let book = copy_fixture("mdbook-book");
    write(book.path(), "src/SUMMARY.md", text);
    let run = carebook(&["build"], book.path());
    (book, run)
}

#[test]
fn an_entry_whose_file_is_missing_is_an_error_in_summary_md_and_nothing_is_created() {
    let (book, run) = with_summary(
        "# Summary\n\n- [Welcome](welcome.md)\n- [Receiving](receiving/README.md)\n- [Refunds](refunds.md)\n    - [Partial refunds](refunds/partial.md)\n",
    );
    assert_ne!(run.code, 0);
    assert_contains(
        &run.problems,
        "src/SUMMARY.md:6:7: error: SUMMARY.md lists `refunds/partial.md`, which is not in `src`\n  help: create the file, correct the path in the link, or write the entry as a draft, `- [Title]()`, until the chapter is written",
    );
    // mdBook would create the file; carebook leaves the author's folder alone.
    assert!(!book.path().join("src/refunds/partial.md").exists());
    assert!(!book.path().join("book").exists());
}

#[test]
fn an_entry_that_is_not_a_link_or_leaves_the_folder_is_located() {
    let (_book, run) = with_summary(
        "# Summary\n\n- [Welcome](welcome.md)\n- Refunds, to be written\n- [Secrets](../book.toml.md)\n",
    );
    assert_ne!(run.code, 0);
    assert_contains(
        &run.problems,
        "src/SUMMARY.md:4:1: error: this entry of SUMMARY.md is not a link to a chapter",
    );
    assert_contains(
        &run.problems,
        "src/SUMMARY.md:5:3: error: `../book.toml.md` in SUMMARY.md is not a chapter file: it leads out of the chapters folder",
    );
}

#[test]
fn a_file_listed_twice_keeps_its_first_place() {
    let (book, run) = with_summary(
        "- [Welcome](welcome.md)\n- [Receiving](receiving/README.md)\n- [Refunds](refunds.md)\n- [Welcome again](welcome.md)\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &run.problems,
        "src/SUMMARY.md:4:3: warning: `welcome.md` is listed twice in SUMMARY.md (first on line 1); this entry is left out",
    );
    let nav = sidebar(&read(&book.path().join("book/refunds.html")));
    assert_contains(&nav, "Welcome</a>");
    assert!(!nav.contains("Welcome again"), "{nav}");
}

#[test]
fn the_title_given_twice_is_an_error() {
    let book = copy_fixture("mdbook-book");
    let toml = read(&book.path().join("book.toml"));
    write(
        book.path(),
        "book.toml",
        &format!("title = \"Another\"\n{toml}"),
    );
    let run = carebook(&["build"], book.path());
    assert_ne!(run.code, 0);
    assert_contains(
        &run.problems,
        "book.toml:6:1: error: `title` is set twice: as `title` and under [book]",
    );
}

#[test]
fn a_book_without_title_is_told_where_mdbook_keeps_it() {
    let book = copy_fixture("mdbook-book");
    let toml =
        read(&book.path().join("book.toml")).replace("title = \"Returns Desk Handbook\"\n", "");
    write(book.path(), "book.toml", &toml);
    let run = carebook(&["build"], book.path());
    assert_ne!(run.code, 0);
    assert_contains(&run.problems, "error: invalid book.toml: missing field `title`\n  help: add `title = \"...\"` under [book]");
}

#[test]
fn without_summary_md_the_folders_give_the_order_and_the_build_says_so() {
    let book = copy_fixture("mdbook-book");
    std::fs::remove_file(book.path().join("src/SUMMARY.md")).expect("remove SUMMARY.md");
    let run = build_ok(book.path());
    assert_contains(
        &run.problems,
        "src/SUMMARY.md: warning: book.toml has mdBook's [book] table but the chapters folder has no SUMMARY.md: chapters are ordered by their folders and file names",
    );
    // Every Markdown file is a page again, as in a book without SUMMARY.md.
    assert!(book.path().join("book/old-process.html").is_file());
}
