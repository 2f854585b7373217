//! Desk cards and the printable handbook, as files: which pages exist, what a card holds,
//! unique ids, in-document links, and the errors for cards that cannot fit a page.

mod common;

use common::*;

fn built_good() -> tempfile::TempDir {
    let book = copy_fixture("good");
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    book
}

fn ids(html: &str) -> Vec<&str> {
    attr_values(html, "id")
}

fn assert_unique_ids(html: &str, name: &str) {
    let mut all = ids(html);
    all.sort();
    let mut dup: Vec<&str> = all
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    dup.dedup();
    assert!(dup.is_empty(), "{name}: duplicate ids {dup:?}");
}

#[test]
fn card_pages_exist_per_chapter_tag_and_audience() {
    let book = built_good();
    let site = book.path().join("site");
    for page in [
        "checklists/index.html",
        "checklists/listening.html",
        "checklists/tag-communication.html",
        "checklists/tag-empathy.html",
        "checklists/audience-new-hire.html",
    ] {
        assert!(site.join(page).is_file(), "missing {page}");
    }
    assert!(
        !site.join("checklists/tone.html").exists(),
        "a chapter without Do/Avoid items has no card"
    );
    let card = read(&site.join("checklists/listening.html"));
    assert!(card.contains(r#"<h2 class="card-title" id="card-title-listening">Listening</h2>"#));
    assert!(card.contains("During every call"), "the when line");
    assert!(
        card.contains("Let the customer <em>finish</em>."),
        "inline formatting kept"
    );
    assert_eq!(
        card.matches(r#"<span class="box" aria-hidden="true">☐</span>"#)
            .count(),
        3,
        "a drawn box per item"
    );
    assert!(
        card.contains(
            "Fixture Handbook · <a href=\"../basics/listening.html\">Listening</a> · 2025-11-23"
        ),
        "footer: handbook, chapter, date"
    );
    assert!(
        card.contains("@page { size: letter; }"),
        "paper from book.toml"
    );
    let chapter = read(&site.join("basics/listening.html"));
    assert!(chapter
        .contains(r#"<a class="card-link" href="../checklists/listening.html">Desk card</a>"#));
}

#[test]
fn card_false_leaves_a_chapter_off_the_cards() {
    let book = copy_fixture("good");
    let path = book.path().join("guide/basics/listening.md");
    write(
        book.path(),
        "guide/basics/listening.md",
        &read(&path).replace("card:\n  when: During every call", "card: false"),
    );
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    let site = book.path().join("site");
    assert!(!site.join("checklists/listening.html").exists());
    assert!(!read(&site.join("checklists/index.html")).contains("card-listening"));
    assert!(
        read(&site.join("basics/listening.html")).contains("type=\"checkbox\""),
        "the checklist stays in the chapter"
    );
}

#[test]
fn card_title_and_version_are_used() {
    let book = copy_fixture("good");
    let path = book.path().join("guide/basics/listening.md");
    write(
        book.path(),
        "guide/basics/listening.md",
        &read(&path).replace(
            "  when: During every call",
            "  when: During every call\n  title: Listen first",
        ),
    );
    let toml = read(&book.path().join("book.toml")).replace(
        "authors = [\"Test Team\"]",
        "authors = [\"Test Team\"]\nversion = \"v3.2\"",
    );
    write(book.path(), "book.toml", &toml);
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    let card = read(&book.path().join("site/checklists/listening.html"));
    assert!(card.contains(">Listen first</h2>"));
    assert!(card.contains("· v3.2</footer>"));
}

#[test]
fn a_card_too_long_for_one_page_fails_the_build_with_advice() {
    let book = copy_fixture("good");
    let items: String = (1..=40).map(|i| format!("- [ ] Item number {i} is a long instruction that goes on and on about one detail.\n")).collect();
    write(
        book.path(),
        "guide/basics/long.md",
        &format!("---\ntitle: Long card\n---\n\nText.\n\n### Do\n\n{items}\n### Avoid\n\n{items}"),
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "guide/basics/long.md:7:1: error: the desk card for “Long card” does not fit on one printed page, even in 9 pt type (80 items)");
    assert_contains(&run.stderr, "help: cut about");
}

#[test]
fn print_page_is_one_document_with_unique_ids_and_internal_links() {
    let book = built_good();
    let site = book.path().join("site");
    let html = read(&site.join("print.html"));
    assert_unique_ids(&html, "print.html");
    for id in [
        "cover",
        "contents",
        "welcome",
        "listening",
        "tone",
        "escalation",
        "notes",
        "part-2",
    ] {
        assert!(html.contains(&format!(" id=\"{id}\"")), "missing #{id}");
    }
    let order: Vec<usize> = [
        "id=\"welcome\"",
        "id=\"tone\"",
        "id=\"listening\"",
        "id=\"escalation\"",
        "id=\"notes\"",
    ]
    .iter()
    .map(|s| html.find(s).unwrap())
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "chapters in reading order"
    );
    assert!(
        html.contains(r##"href="#tone--tone-on-the-phone""##),
        "link to another chapter's heading"
    );
    assert!(
        html.contains(r##"href="#escalation""##),
        "link to another chapter"
    );
    assert!(
        html.contains(r##"href="#listening--dont-interrupt""##),
        "link within a chapter"
    );
    assert!(
        html.contains(r#"id="listening--fn-1""#) && html.contains(r##"href="#listening--fn-1""##),
        "footnotes kept"
    );
    assert!(
        html.contains(r#"src="extras/img/diagram.svg""#),
        "images rebased to the document's folder"
    );
    assert!(
        html.contains("<h3 id=\"listening--dont-interrupt\">"),
        "chapter headings sit under the chapter title"
    );
    for href in attr_values(&html, "href")
        .into_iter()
        .filter(|h| h.starts_with('#'))
    {
        assert!(
            html.contains(&format!(" id=\"{}\"", &href[1..])),
            "in-document link {href} has no target"
        );
    }
    assert!(
        !html.contains("id=\"sidebar\"") && !html.contains("<script>window.print"),
        "no sidebar, no automatic print"
    );
    assert!(html.contains(r#"<button type="button" class="print-button">Print</button>"#));
    assert!(html.contains("@page { size: letter; }"));
}

#[test]
fn card_pages_have_unique_ids() {
    let book = built_good();
    let site = book.path().join("site");
    for page in html_files(&site)
        .into_iter()
        .filter(|p| p.starts_with("checklists"))
    {
        assert_unique_ids(&read(&site.join(&page)), &page.display().to_string());
    }
}

#[test]
fn chapters_cannot_take_over_generated_pages() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "book.toml",
        "title = \"T\"\n[tags.calm]\nlabel = \"Calm\"\n",
    );
    write(tmp.path(), "guide/index.md", "# Home\n");
    write(
        tmp.path(),
        "guide/p/tag-calm.md",
        "# A chapter whose card would replace the tag's cards\n",
    );
    write(
        tmp.path(),
        "guide/tags/x.md",
        "# In a folder carebook uses\n",
    );
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "guide/index.md:1:1: error: this chapter's page would replace the home page",
    );
    assert_contains(
        &run.stderr,
        "would replace the desk cards of the tag `calm`",
    );
    assert_contains(&run.stderr, "a part folder cannot be called `tags`");
}

/// A small book whose chapters all have desk cards.
fn carded_book(chapters: &[&str]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"Cards & Co\"\n");
    for (n, title) in chapters.iter().enumerate() {
        write(
            tmp.path(),
            &format!("guide/desk/c{n}.md"),
            &format!("---\ntitle: '{title}'\norder: {n}\n---\n\n## Do\n\n- [ ] Do thing {n}\n\n## Avoid\n\n- [ ] Avoid thing {n}\n"),
        );
    }
    tmp
}

/// Card pages are filled in from one rendering (see `write_card_pages`): each must
/// still carry its own chapter's title, escaped, and its own card.
#[test]
fn every_card_page_has_its_own_title_and_card() {
    let book = carded_book(&["First <one>", "Second & last", "Third \"quoted\""]);
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = [
        ("c0", "First &lt;one&gt;", "Do thing 0"),
        ("c1", "Second &amp; last", "Avoid thing 1"),
        ("c2", "Third &quot;quoted&quot;", "Do thing 2"),
    ];
    for (slug, title, item) in expected {
        let page = read(&book.path().join(format!("site/checklists/{slug}.html")));
        assert_contains(
            &page,
            &format!("<title>Desk card: {title} · Cards &amp; Co</title>"),
        );
        assert_contains(&page, &format!("<h1>Desk card: {title}</h1>"));
        assert_contains(&page, item);
        assert_eq!(
            page.matches("class=\"card\"").count(),
            1,
            "{slug}: one card"
        );
    }
}

/// A theme that transforms the title cannot be filled in from one rendering; its
/// card pages are rendered in full instead.
#[test]
fn a_theme_that_changes_the_card_title_still_gets_each_pages_title() {
    let book = carded_book(&["Alpha", "Beta", "Gamma"]);
    write(
        book.path(),
        "book.toml",
        "title = \"Cards\"\n[build]\ntheme = \"loud\"\n",
    );
    let default = read(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/cards.html"),
    );
    let loud = default.replace(
        "<h1>{{ cards.heading }}</h1>",
        "<h1>{{ cards.heading | upper }}</h1>",
    );
    assert_ne!(
        loud, default,
        "the default card template has the heading to change"
    );
    write(book.path(), "themes/loud/templates/cards.html", &loud);
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (slug, title) in [("c0", "ALPHA"), ("c1", "BETA"), ("c2", "GAMMA")] {
        let page = read(&book.path().join(format!("site/checklists/{slug}.html")));
        assert_contains(&page, &format!("<h1>DESK CARD: {title}</h1>"));
    }
}
