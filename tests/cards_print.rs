//! Desk cards and the printable handbook, as files: which pages exist, what a card holds,
//! unique ids, in-document links, and the errors for cards that cannot fit a page.

mod common;

use common::*;

fn built_good() -> tempfile::TempDir {
    let book = copy_fixture("good");
    build_ok(book.path());
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
fn card_pages_exist_per_part_tag_and_audience() {
    let book = built_good();
    let site = book.path().join("site");
    for page in [
        "checklists/index.html",
        "checklists/part-basics.html",
        "checklists/tag-communication.html",
        "checklists/tag-empathy.html",
        "checklists/audience-new-hire.html",
    ] {
        assert!(site.join(page).is_file(), "missing {page}");
    }
    let card = read(&site.join("checklists/part-basics.html"));
    assert!(
        !card.contains("card-tone"),
        "a chapter without Do/Avoid items has no card"
    );
    assert!(
        !site.join("checklists/part-extras.html").exists(),
        "a part without cards has no card page"
    );
    assert!(
        !site.join("checklists/listening.html").exists(),
        "no page per chapter"
    );
    assert!(card.contains("<h1>Desk cards · Part: The Basics (1 card)</h1>"));
    assert!(card.contains(r#"<article class="card" id="card-listening""#));
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
            "Fixture Handbook · <a href=\"../basics/listening.html\">Listening</a> · 23 November 2025"
        ),
        "footer: handbook, chapter, date"
    );
    assert!(
        card.contains("@page { size: letter; }"),
        "paper from book.toml"
    );
    let chapter = read(&site.join("basics/listening.html"));
    assert_contains(
        &chapter,
        r#"<a class="card-link" href="../checklists/part-basics.html#card-listening">Desk card</a>"#,
    );
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
    build_ok(book.path());
    let site = book.path().join("site");
    for page in ["checklists/index.html", "checklists/part-basics.html"] {
        let html = std::fs::read_to_string(site.join(page)).unwrap_or_default();
        assert!(!html.contains("card-listening"), "{page}");
    }
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
    build_ok(book.path());
    let card = read(&book.path().join("site/checklists/part-basics.html"));
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
    assert_eq!(run.code, 1, "{}", run.problems);
    assert_contains(&run.problems, "guide/basics/long.md:7:1: error: the desk card for “Long card” does not fit on one printed page, even in 9 pt type (80 items)");
    assert_contains(&run.problems, "help: cut about");
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
    assert!(html.contains(
        r#"<button type="button" class="print-button">Print the whole handbook</button>"#
    ));
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
    // index.md at the top is the home page's text; a chapter cannot be the home page.
    write(tmp.path(), "guide/index.md", "# Home\n");
    write(
        tmp.path(),
        "guide/start.md",
        "---\nslug: index\n---\n# Start\n",
    );
    write(
        tmp.path(),
        "guide/p/a.md",
        "---\ntitle: A\nslug: index\n---\n\nA chapter in place of its part's page.\n",
    );
    write(
        tmp.path(),
        "guide/tags/x.md",
        "# In a folder carebook uses\n",
    );
    let run = carebook(&["build"], tmp.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert_contains(
        &run.problems,
        "guide/start.md:2:7: error: this chapter's page would replace the home page",
    );
    assert_contains(
        &run.problems,
        "error: this chapter's page would replace the page of the part “P”",
    );
    assert_contains(&run.problems, "a part folder cannot be called `tags`");
}

/// A small book whose chapters all have desk cards.
fn carded_book(chapters: &[&str]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "book.toml", "title = \"Cards & Co\"\n");
    for (n, title) in chapters.iter().enumerate() {
        write(
            tmp.path(),
            &format!("guide/desk/c{n}.md"),
            &carded_chapter(&format!("title: '{title}'\norder: {n}"), n),
        );
    }
    tmp
}

/// A chapter with front matter `front` and one Do and one Avoid item numbered `n`.
fn carded_chapter(front: &str, n: usize) -> String {
    format!(
        "---\n{front}\n---\n\n## Do\n\n- [ ] Do thing {n}\n\n## Avoid\n\n- [ ] Avoid thing {n}\n"
    )
}

/// A part's card page holds each of its chapters' cards once, in reading order, under
/// escaped titles; chapters at the top level get theirs on `start.html`.
#[test]
fn a_part_card_page_has_every_card_of_the_part_in_order() {
    let book = carded_book(&["First <one>", "Second & last", "Third \"quoted\""]);
    write(
        book.path(),
        "guide/opening.md",
        &carded_chapter("title: Opening", 9),
    );
    build_ok(book.path());
    let page = read(&book.path().join("site/checklists/part-desk.html"));
    assert_contains(&page, "<h1>Desk cards · Part: Desk (3 cards)</h1>");
    let titles = [
        "First &lt;one&gt;",
        "Second &amp; last",
        "Third &quot;quoted&quot;",
    ];
    let at: Vec<usize> = titles
        .iter()
        .map(|t| {
            page.find(&format!(">{t}</h2>"))
                .unwrap_or_else(|| panic!("{t}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "reading order: {at:?}");
    assert_eq!(page.matches("class=\"card\"").count(), 3);
    let main = &page[page.find("<main").expect("a main element")..];
    assert!(
        !main.contains("Opening"),
        "top-level chapters are not in the part (the sidebar lists them, the cards do not)"
    );
    let start = read(&book.path().join("site/checklists/start.html"));
    assert_contains(
        &start,
        "<h1>Desk cards · Start of the handbook (1 card)</h1>",
    );
    assert_contains(&start, r#"id="card-opening""#);
    let chapter = read(&book.path().join("site/opening.html"));
    assert_contains(&chapter, r#"href="checklists/start.html#card-opening""#);
}

/// Past `INDEX_INLINE_CARDS`, the card index lists where the cards are (topics,
/// audiences, parts) instead of holding every card; smaller books keep every card
/// inline (the other tests, and the shipped handbook's print test).
#[test]
fn a_big_books_card_index_is_a_directory() {
    let n = carebook::cards::INDEX_INLINE_CARDS + 1;
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "book.toml",
        "title = \"Big\"\n[tags.calm]\nlabel = \"Calm\"\n",
    );
    for k in 0..n {
        let part = if k < 2 { "first" } else { "second" };
        let tags = if k == 0 { "\ntags: [calm]" } else { "" };
        write(
            tmp.path(),
            &format!("guide/{part}/c{k}.md"),
            &carded_chapter(&format!("title: Card {k}{tags}"), k),
        );
    }
    build_ok(tmp.path());
    let index = read(&tmp.path().join("site/checklists/index.html"));
    assert!(!index.contains("class=\"card\""), "no cards inline");
    assert!(
        !index.contains("class=\"print-tools\""),
        "nothing to print here"
    );
    assert_contains(
        &index,
        &format!("This handbook has {n} desk cards, too many for one page."),
    );
    assert_contains(
        &index,
        r#"<a href="part-first.html">First</a> <span class="count">2 cards</span>"#,
    );
    assert_contains(
        &index,
        &format!(
            r#"<a href="part-second.html">Second</a> <span class="count">{} cards</span>"#,
            n - 2
        ),
    );
    assert_contains(
        &index,
        r#"href="tag-calm.html">Calm <span class="count">1</span></a>"#,
    );
    let second = read(&tmp.path().join("site/checklists/part-second.html"));
    assert_eq!(second.matches("class=\"card\"").count(), n - 2);
}

fn title_of(html: &str) -> &str {
    let start = html.find("<title>").expect("a <title>") + "<title>".len();
    &html[start..start + html[start..].find("</title>").unwrap()]
}

/// A part and a topic of the same name have card pages whose titles and headings say
/// which set each is, and how many cards it holds; so do audiences, the index and packs.
#[test]
fn card_pages_say_which_set_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "book.toml",
        "title = \"Desk\"\n[tags.culture]\nlabel = \"Culture\"\n[audiences.new-hire]\nlabel = \"New hires\"\n\n[packs.week]\ntitle = \"Week one\"\nchapters = [\"c0\", \"c1\"]\n",
    );
    for k in 0..3 {
        let front = match k {
            0 => "title: A\ntags: [culture]\naudience: [new-hire]",
            1 => "title: B\ntags: [culture]",
            _ => "title: C",
        };
        write(
            tmp.path(),
            &format!("guide/culture/c{k}.md"),
            &carded_chapter(front, k),
        );
    }
    build_ok(tmp.path());
    let site = tmp.path().join("site");
    let expect = [
        (
            "checklists/part-culture.html",
            "Desk cards · Part: Culture (3 cards)",
        ),
        (
            "checklists/tag-culture.html",
            "Desk cards · Topic: Culture (2 cards)",
        ),
        (
            "checklists/audience-new-hire.html",
            "Desk cards · Audience: New hires (1 card)",
        ),
        (
            "checklists/index.html",
            "Desk cards · All chapters (3 cards)",
        ),
        (
            "packs/week/cards.html",
            "Desk cards · Course pack: Week one (2 cards)",
        ),
    ];
    for (page, heading) in expect {
        let html = read(&site.join(page));
        assert_eq!(title_of(&html), format!("{heading} · Desk"), "{page}");
        assert_contains(&html, &format!("<h1>{heading}</h1>"));
    }
}

/// "Before:", "Try this:": a paragraph ending in a colon is marked so print keeps it
/// with what it introduces, in chapter pages and print.html alike.
#[test]
fn a_paragraph_ending_in_a_colon_is_a_lead_in() {
    let tmp = carded_book(&["Lead-ins"]);
    let text = "---\ntitle: Lead-ins\n---\n\nTry this pattern:\n\n- one\n- two\n\n**Before:**\n\n> \"No.\"\n\nA plain paragraph.\n\nA colon: in the middle.\n\nCode ends `like:`\n\n1. Step one:\n\n   Loose item text.\n";
    write(tmp.path(), "guide/desk/c0.md", text);
    build_ok(tmp.path());
    let chapter = read(&tmp.path().join("site/desk/c0.html"));
    assert_contains(&chapter, "<p class=\"lead-in\">Try this pattern:</p>");
    assert_contains(
        &chapter,
        "<p class=\"lead-in\"><strong>Before:</strong></p>",
    );
    assert_contains(
        &chapter,
        "<p class=\"lead-in\">Code ends <code>like:</code></p>",
    );
    assert_contains(&chapter, "<p>A plain paragraph.</p>");
    assert_contains(&chapter, "<p>A colon: in the middle.</p>");
    assert_eq!(chapter.matches("class=\"lead-in\"").count(), 4, "{chapter}");
    let print = read(&tmp.path().join("site/print.html"));
    assert_eq!(print.matches("class=\"lead-in\"").count(), 4);
}

/// A chapter offers to print itself; the whole handbook is a page of its own, named
/// as such in the header, whose Print button says it prints everything; the trainer's
/// sheet has a Print button and its lead-in lines stay with their lists.
#[test]
fn print_choices_say_what_they_print() {
    let tmp = carded_book(&["One", "Two"]);
    let toml =
        "title = \"Cards & Co\"\n[packs.week]\ntitle = \"Week one\"\nchapters = [\"c0\", \"c1\"]\n";
    write(tmp.path(), "book.toml", toml);
    build_ok(tmp.path());
    let site = tmp.path().join("site");
    let chapter = read(&site.join("desk/c0.html"));
    assert_contains(
        &chapter,
        r#"<button type="button" class="print-button print-chapter-button screen-only" hidden>Print this chapter</button>"#,
    );
    assert_contains(
        &chapter,
        r#"<a href="../print.html">Printable handbook</a>"#,
    );
    assert!(!chapter.contains(">Print</a>"), "no bare “Print” link");
    let print = read(&site.join("print.html"));
    assert_contains(
        &print,
        r#"<button type="button" class="print-button">Print the whole handbook</button>"#,
    );
    assert_contains(&print, "This prints all 2 chapters");
    let trainer = read(&site.join("packs/week/trainer.html"));
    assert_contains(
        &trainer,
        r#"<button type="button" class="print-button">Print the trainer’s sheet</button>"#,
    );
    assert_contains(&trainer, r#"<select class="paper-select">"#);
    assert_contains(
        &trainer,
        r#"<p class="lead-in"><strong>Ask for a real example of each:</strong></p>"#,
    );
    let cards = read(&site.join("checklists/part-desk.html"));
    assert_contains(
        &cards,
        r#"<button type="button" class="print-button">Print</button>"#,
    );
    let index = read(&site.join("checklists/index.html"));
    assert_contains(
        &index,
        r#"<p class="filters-clear" hidden><button type="button" class="filters-clear-button">Clear the filters</button>"#,
    );
}

/// The cards-check fixture: good-card.md marks two items critical (`- [ ] ! ...` and
/// `- [ ] !...`), long-card.md its last Do item.
fn built_cards_check() -> tempfile::TempDir {
    let book = copy_fixture("cards-check");
    build_ok(book.path());
    book
}

#[test]
fn critical_items_come_first_on_the_card_emphasised_and_without_their_mark() {
    let book = built_cards_check();
    let site = book.path().join("site");
    let cards = read(&site.join("checklists/part-desk.html"));
    let long = &cards[cards.find(r#"id="card-long-card""#).unwrap()..];
    let long = &long[..long.find("</article>").unwrap()];
    let first_do = &long[long.find("<ul>").unwrap()..];
    assert!(
        first_do.starts_with(r#"<ul><li class="critical"><span class="box" aria-hidden="true">☐</span> <strong><span class="critical-mark" aria-hidden="true">⚠ </span><span class="visually-hidden">Critical: </span>Confirm identity before you change anything.</strong></li><li>"#),
        "the critical item is first, bold, with a sign and a word for screen readers:\n{first_do}"
    );
    assert_eq!(long.matches("class=\"critical\"").count(), 1);
    let good = &cards[cards.find(r#"id="card-good-card""#).unwrap()..];
    let good = &good[..good.find("</article>").unwrap()];
    assert_eq!(
        good.matches("<li class=\"critical\">").count(),
        2,
        "`!` with or without a space"
    );
    let avoid = &good[good.find("card-avoid").unwrap()..];
    assert!(avoid.contains("<ul><li class=\"critical\"><span class=\"box\" aria-hidden=\"true\">☐</span> <strong><span class=\"critical-mark\" aria-hidden=\"true\">⚠ </span><span class=\"visually-hidden\">Critical: </span>Reading out a full card number.</strong>"), "{avoid}");
    for (name, html) in [
        ("cards", cards.as_str()),
        ("chapter", &read(&site.join("desk/good-card.html"))),
        ("print", &read(&site.join("print.html"))),
    ] {
        assert!(
            !html.contains("! Confirm") && !html.contains("!Reading"),
            "{name} shows the `!`"
        );
    }
    let chapter = read(&site.join("desk/good-card.html"));
    assert_contains(
        &chapter,
        r#"<input type="checkbox" class="task-box" aria-label="Critical: Confirm identity before you change anything."> <strong class="critical-mark"><span aria-hidden="true">⚠ </span>Critical:</strong> Confirm identity before you change anything.</li>"#,
    );
    assert_contains(
        &chapter,
        r#"aria-label="Critical: Reading out a full card number.""#,
    );
    assert_contains(
        &chapter,
        r#"<li><input type="checkbox" class="task-box" aria-label="Tell the customer who they will speak to."> Tell"#,
    );
    let mut search = String::new();
    for entry in walkdir::WalkDir::new(site.join("search")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            search.push_str(&read(entry.path()));
        }
    }
    assert!(
        search.contains("Confirm identity"),
        "the item is searchable"
    );
    assert!(
        !search.contains("! Confirm") && !search.contains("!Reading"),
        "search text has no `!`"
    );
    let trainer = read(&site.join("packs/class/trainer.html"));
    assert_contains(
        &trainer,
        r#"<li><strong class="critical-mark"><span aria-hidden="true">⚠ </span>Critical:</strong> Confirm identity before you change anything.</li><li>Tell the customer"#,
    );
}
