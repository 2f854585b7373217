//! Building the `good` fixture book: the pages, their links, order, ids and safety.

mod common;

use common::*;
use std::path::Path;

fn built_good() -> (tempfile::TempDir, Run) {
    let book = copy_fixture("good");
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "build failed:\n{}", run.problems);
    (book, run)
}

#[test]
fn builds_every_page_kind() {
    let (book, run) = built_good();
    let site = book.path().join("site");
    for page in [
        "index.html",
        "404.html",
        "welcome.html",
        "basics/index.html",
        "basics/listening.html",
        "basics/tone.html",
        "02-advanced/index.html",
        "02-advanced/escalation.html",
        "extras/index.html",
        "extras/notes.html",
        "extras/img/diagram.svg",
        "tags/index.html",
        "tags/communication.html",
        "audiences/index.html",
        "audiences/new-hire.html",
        "assets/carebook.css",
        "assets/carebook.js",
    ] {
        assert!(site.join(page).is_file(), "missing {page}");
    }
    assert!(
        !site.join("basics/draft-chapter.html").exists(),
        "drafts are not published"
    );
    assert!(
        !site.join("README.html").exists(),
        "README.md is for authors only"
    );
    // index.md at the top is the home page's text; the README.md beside it stays for
    // people browsing the repository.
    let home = read(&site.join("index.html"));
    assert!(home.contains(r#"Start with <a href="basics/index.html">the basics</a>"#));
    assert!(!home.contains("Notes for authors"));
    assert!(
        !site.join("sitemap.xml").exists(),
        "no sitemap without a base URL"
    );
    assert_contains(&run.stdout, "Built 5 chapters");
}

#[test]
fn chapter_without_front_matter_builds_silently_titled_by_its_heading() {
    let (book, run) = built_good();
    // A page without front matter is what GitHub and most tools expect: nothing to warn.
    assert!(
        !run.problems.contains("guide/02-advanced/escalation.md"),
        "{}",
        run.problems
    );
    let html = read(&book.path().join("site/02-advanced/escalation.html"));
    assert!(html.contains("<h1>Escalation without front matter</h1>"));
    assert_eq!(
        html.matches("<h1").count(),
        1,
        "the leading # heading is not repeated"
    );
}

#[test]
fn every_link_in_the_output_resolves() {
    let (book, _) = built_good();
    let problems = broken_links(&book.path().join("site"));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn links_between_chapters_are_rewritten() {
    let (book, _) = built_good();
    let html = read(&book.path().join("site/basics/listening.html"));
    assert!(
        html.contains(r#"href="tone.html#tone-on-the-phone""#),
        "relative .md link with anchor"
    );
    assert!(
        html.contains(r#"href="../02-advanced/escalation.html" title="Escalation""#),
        "root-relative link"
    );
    assert!(
        html.contains(r#"href="../02-advanced/index.html""#),
        "link to a folder goes to its index.html"
    );
    assert!(
        html.contains(r#"src="../extras/img/diagram.svg""#),
        "image path kept"
    );
    let welcome = read(&book.path().join("site/welcome.html"));
    assert!(welcome.contains(r#"href="basics/listening.html""#));
}

#[test]
fn heading_ids_follow_github_and_are_unique() {
    let (book, _) = built_good();
    let html = read(&book.path().join("site/basics/listening.html"));
    assert!(html.contains(r#"<h2 id="dont-interrupt">Don’t interrupt</h2>"#));
    assert!(html.contains(r#"<h2 id="dont-interrupt-1">Don’t interrupt</h2>"#));
    assert!(
        html.contains(r##"<ol><li><a href="#do">Do</a></li>"##),
        "toc lists h3 too, nested under their h2"
    );
    let tone = read(&book.path().join("site/basics/tone.html"));
    assert!(
        tone.contains(r#"<h2 id="tone-on-the-phone">"#),
        "explicit {{#id}} is kept"
    );
    let ids = attr_values(&html, "id");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "duplicate ids in {ids:?}");
}

#[test]
fn markdown_extensions_render() {
    let (book, _) = built_good();
    let html = read(&book.path().join("site/basics/listening.html"));
    assert!(html.contains("<table>"), "tables");
    assert!(
        html.contains(r##"<a href="#fn-1" aria-label="Footnote 1">1</a>"##),
        "footnote reference"
    );
    assert!(html.contains(r#"id="fn-1""#), "footnote definition");
    assert!(html.contains("“I see”"), "smart punctuation");
    assert!(html.contains(r#"type="checkbox""#), "task lists");
}

#[test]
fn parts_and_chapters_are_ordered() {
    let (book, _) = built_good();
    let html = read(&book.path().join("site/index.html"));
    let home = &html[html.find("<main").unwrap()..];
    let pos = |s: &str| home.find(s).unwrap_or_else(|| panic!("home lacks {s}"));
    // Top-level chapters first, then parts by `order`, then unordered parts by name.
    assert!(pos(">Welcome<") < pos(">The Basics<"));
    assert!(pos(">The Basics<") < pos(">Advanced work<"));
    assert!(pos(">Advanced work<") < pos(">Extras<"));
    // Within a part: by `order`.
    assert!(
        pos(r#"chapter-link" href="basics/tone.html""#)
            < pos(r#"chapter-link" href="basics/listening.html""#)
    );
    let listening = read(&book.path().join("site/basics/listening.html"));
    assert!(listening.contains(r#"rel="prev" href="../basics/tone.html""#));
    assert!(listening.contains(r#"rel="next" href="../02-advanced/escalation.html""#));
}

#[test]
fn part_titles_come_from_metadata_or_folder() {
    let (book, _) = built_good();
    let site = book.path().join("site");
    assert!(read(&site.join("basics/index.html")).contains("<h1>The Basics</h1>"));
    let advanced = read(&site.join("02-advanced/index.html"));
    assert!(advanced.contains("<h1>Advanced work</h1>"));
    assert!(
        advanced.contains("For experienced agents."),
        "index.md body is the intro"
    );
    assert!(read(&site.join("extras/index.html")).contains("<h1>Extras</h1>"));
    let basics = read(&site.join("basics/index.html"));
    assert!(
        basics.contains(r#"<a href="listening.html">Listening</a>"#),
        "intro links resolve from the part folder"
    );
}

#[test]
fn tag_and_audience_pages_list_their_chapters() {
    let (book, _) = built_good();
    let site = book.path().join("site");
    let tag = read(&site.join("tags/communication.html"));
    assert!(tag.contains("../basics/listening.html") && tag.contains("../basics/tone.html"));
    assert!(tag.contains("2 chapters"));
    let empathy = read(&site.join("tags/empathy.html"));
    let main = &empathy[empathy.find("<main").unwrap()..];
    assert!(!main.contains("tone.html\""), "only tagged chapters");
    assert!(read(&site.join("audiences/new-hire.html")).contains("../basics/listening.html"));
    let home = read(&site.join("index.html"));
    assert!(
        home.contains("tags/communication.html") && !home.contains("tags/unused.html"),
        "empty tags hidden on home"
    );
    let chapter = read(&site.join("basics/listening.html"));
    assert!(chapter.contains(r#"href="../tags/empathy.html">Empathy</a>"#));
    assert!(chapter.contains(r#"href="../audiences/new-hire.html">New hires</a>"#));
    assert!(chapter.contains("12 min"));
}

#[test]
fn pages_are_accessible_landmarks_and_offline() {
    let (book, _) = built_good();
    let site = book.path().join("site");
    for page in html_files(&site) {
        let html = read(&site.join(&page));
        let name = page.display();
        assert!(html.contains(r#"<html lang="en""#), "{name}: lang");
        assert!(html.contains(r#"<main id="main""#), "{name}: main landmark");
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "{name}: no network references"
        );
        if page.ends_with("print.html") {
            // One printable document: a cover, then one h1 per part, and no site navigation.
            assert!(!html.contains(r#"id="sidebar""#), "{name}: no sidebar");
            continue;
        }
        assert!(
            html.contains(r##"<a class="skip-link" href="#main">"##),
            "{name}: skip link"
        );
        assert!(
            html.contains(r#"<nav id="sidebar" class="sidebar" aria-label="#),
            "{name}: labelled nav"
        );
        assert_eq!(html.matches("<h1").count(), 1, "{name}: one h1");
    }
}

#[test]
fn sidebar_shows_the_tree_with_the_current_part_open() {
    let (book, _) = built_good();
    let html = read(&book.path().join("site/basics/listening.html"));
    let nav = &html[html.find(r#"<nav id="sidebar""#).unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    assert!(nav.contains(r#"<a href="../basics/listening.html" aria-current="page">Listening</a>"#));
    assert!(nav.contains(">Extras<"), "other parts listed");
    // A small book has the whole tree on every page: other parts are closed, the
    // current one is open, each with a button that says which.
    let extras = &nav[nav.find(">Extras<").unwrap()..];
    assert!(extras.contains(r#"aria-expanded="false""#), "{extras}");
    let list = &extras[extras.find("<ol").unwrap()..];
    assert!(list[..list.find('>').unwrap()].contains("hidden"), "{list}");
    assert!(
        list.contains("notes.html"),
        "closed parts keep their chapters"
    );
    let basics = &nav[nav.find(">The Basics<").unwrap()..];
    assert!(basics.contains(r#"aria-expanded="true""#));
}

#[test]
fn large_books_load_the_part_list_from_a_shared_script() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"Big\"\n");
    for p in 0..45 {
        write(
            tmp.path(),
            &format!("guide/part-{p:02}/ch.md"),
            &format!("---\ntitle: Chapter {p}\nslug: ch-{p}\n---\nText.\n"),
        );
    }
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let site = tmp.path().join("site");
    let page = read(&site.join("part-07/ch-7.html"));
    assert_eq!(
        page.matches(r#"<li class="nav-part"#).count(),
        1,
        "only the current part inline"
    );
    assert!(page.contains("assets/nav-data.js"));
    let data = read(&site.join("assets/nav-data.js"));
    assert_eq!(data.matches("/index.html").count(), 45, "every part");
    assert_eq!(data.matches(".html").count(), 90, "and every chapter");
    assert!(broken_links(&site).is_empty());
}

#[test]
fn sitemap_with_base_url() {
    let book = copy_fixture("good");
    let run = carebook(
        &["build", "--base-url", "https://help.example.com/handbook"],
        book.path(),
    );
    assert_eq!(run.code, 0, "{}", run.problems);
    let site = book.path().join("site");
    let xml = read(&site.join("sitemap.xml"));
    assert!(
        xml.contains("<loc>https://help.example.com/handbook/basics/listening.html</loc>"),
        "{xml}"
    );
    assert!(xml.contains("<loc>https://help.example.com/handbook/index.html</loc>"));
    assert!(
        read(&site.join("404.html"))
            .contains(r#"href="https://help.example.com/handbook/index.html""#),
        "404 links work at any depth"
    );
    let bad = carebook(&["build", "--base-url", "help.example.com"], book.path());
    assert_eq!(bad.code, 2, "{}", bad.problems);
    assert_contains(&bad.problems, "must be an absolute http(s) address");
}

#[test]
fn output_is_deterministic() {
    let (book, _) = built_good();
    let site = book.path().join("site");
    let first = snapshot(&site);
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0);
    assert!(
        first == snapshot(&site),
        "two builds of the same input differ"
    );
}

#[test]
fn failed_build_leaves_previous_site_untouched() {
    let (book, _) = built_good();
    let site = book.path().join("site");
    let before = snapshot(&site);
    write(
        book.path(),
        "guide/basics/tone.md",
        "---\ntitle: Tone\ntags: [communicaton]\n---\nSee [gone](gone.md).\n",
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert!(run.problems.contains("the site was not changed"));
    assert!(before == snapshot(&site), "the previous site changed");
    let leftovers: Vec<_> = std::fs::read_dir(book.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().starts_with(".site"))
        .collect();
    assert!(leftovers.is_empty(), "staging left behind: {leftovers:?}");
}

#[test]
fn stale_files_do_not_survive_a_build() {
    let (book, _) = built_good();
    let site = book.path().join("site");
    std::fs::remove_file(book.path().join("guide/extras/notes.md")).unwrap();
    write(&site, "leftover.html", "old");
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(!site.join("extras/notes.html").exists());
    assert!(!site.join("leftover.html").exists());
}

#[test]
fn out_flag_and_refusing_foreign_folders() {
    let book = copy_fixture("good");
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("www");
    let run = carebook(&["build", ".", "--out", out.to_str().unwrap()], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(out.join("index.html").is_file());

    let precious = elsewhere.path().join("documents");
    write(&precious, "thesis.txt", "do not delete");
    let run = carebook(&["build", "--out", precious.to_str().unwrap()], book.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_contains(&run.problems, "did not write");
    assert_eq!(read(&precious.join("thesis.txt")), "do not delete");

    let run = carebook(&["build", "--out", "guide"], book.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_contains(&run.problems, "overlaps the book");
    let run = carebook(&["build", "--out", "."], book.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert!(book.path().join("guide/welcome.md").is_file());
}

#[test]
fn builds_a_book_from_another_folder() {
    let book = copy_fixture("good");
    let parent = book.path().parent().unwrap();
    let name = book.path().file_name().unwrap().to_str().unwrap();
    let run = carebook(&["build", name], parent);
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(Path::new(&book.path().join("site/index.html")).is_file());
}

/// Chapters at the top of the book, next to parts, are sidebar links of their own: no
/// part link without a name (an empty link is unusable with a screen reader).
#[test]
fn top_level_chapters_are_named_links_in_the_sidebar() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"T\"\n");
    write(
        tmp.path(),
        "guide/top.md",
        "---\ntitle: Top\nsummary: s.\n---\nText.\n",
    );
    write(
        tmp.path(),
        "guide/part/inner.md",
        "---\ntitle: Inner\nsummary: s.\n---\nText.\n",
    );
    build_ok(tmp.path());
    for page in ["index.html", "top.html", "part/inner.html"] {
        let html = read(&tmp.path().join("site").join(page));
        assert!(
            !html.contains("\"></a>"),
            "{page} has an empty link:\n{html}"
        );
        assert_contains(&html, ">Top</a></li>");
    }
}
