//! A company handbook as a team already keeps it (tests/fixtures/nested-handbook, made
//! by scripts/gen_nested_fixture.py): folders seven deep, a folder page in each, the
//! same file names in many folders. It builds as it is, with only the warnings it has
//! earned; every folder is a section with its page, in the sidebar's tree and the
//! breadcrumbs; every link in the site leads somewhere; a page is known by its path.

mod common;

use common::*;

const DEEP: &str =
    "departments/support/frontline/guides/daily-work/handovers/checklists/before-you-leave.html";

#[test]
fn a_deeply_nested_handbook_builds_as_it_is_and_every_link_resolves() {
    let book = copy_fixture("nested-handbook");
    let run = build_ok(book.path());
    let site = book.path().join("site");
    // Every link leads somewhere but the three the fixture breaks on purpose (kept as
    // written, with a warning, since book.toml says `broken-links = "warn"`).
    assert_eq!(
        broken_links(&site),
        [
            "departments/people/learning/faq.html: `../courses/` does not resolve to a file (looked for departments/people/courses)",
            "departments/sales/faq.html: `old-pricing.md` does not resolve to a file (looked for departments/sales/old-pricing.md)",
            "policies/travel.html: `expenses.html#booking-rules` points to a missing id",
            "print.html: `departments/people/courses` does not resolve to a file (looked for departments/people/courses)",
            "print.html: `departments/sales/old-pricing.md` does not resolve to a file (looked for departments/sales/old-pricing.md)",
            "print.html: `#expenses--booking-rules` points to a missing id",
        ]
    );
    // Only what the fixture earns: other tools' keys once, and its three broken links.
    insta::assert_snapshot!("nested_build_warnings", run.stderr);

    // Two onboarding.md, two faq.md in different folders: each its own page.
    for page in [
        "departments/engineering/onboarding.html",
        "departments/sales/onboarding.html",
        "departments/sales/accounts/onboarding.html",
        "company/faq.html",
        "departments/support/frontline/guides/faq.html",
    ] {
        assert!(site.join(page).is_file(), "missing {page}");
    }
    // index.md at the top is the home page's text; the README.md beside it is not
    // published. Links to folders, to index.md and README.md, and from the root lead to
    // the section pages.
    let home = read(&site.join("index.html"));
    assert_contains(
        &home,
        "Welcome. This handbook is the folder your team already keeps",
    );
    assert!(!home.contains("About this folder"));
    let hrefs = attr_values(&home, "href");
    for target in [
        "company/index.html",
        "company/values.html",
        "departments/index.html",
        "departments/engineering/index.html",
        "policies/index.html",
        "tools/index.html",
        "departments/support/frontline/index.html",
    ] {
        assert!(hrefs.contains(&target), "home links to {target}: {hrefs:?}");
    }
    assert!(!site.join("README.html").exists());
}

#[test]
fn a_page_six_folders_down_has_the_whole_path_in_its_breadcrumbs_and_sidebar() {
    let book = copy_fixture("nested-handbook");
    build_ok(book.path());
    let site = book.path().join("site");
    let page = read(&site.join(DEEP));
    let crumbs = &page[page.find(r#"class="breadcrumbs""#).unwrap()..];
    let crumbs = &crumbs[..crumbs.find("</nav>").unwrap()];
    let up = "../".repeat(7);
    let expected = [
        ("index.html", "Contents"),
        ("departments/index.html", "Departments"),
        ("departments/support/index.html", "Customer support"),
        ("departments/support/frontline/index.html", "Frontline"),
        (
            "departments/support/frontline/guides/index.html",
            "Guides (Customer support)",
        ),
        (
            "departments/support/frontline/guides/daily-work/index.html",
            "Daily work (Customer support)",
        ),
        (
            "departments/support/frontline/guides/daily-work/handovers/index.html",
            "Handovers (Customer support)",
        ),
        (
            "departments/support/frontline/guides/daily-work/handovers/checklists/index.html",
            "Checklists (Customer support)",
        ),
    ];
    let mut at = 0;
    for (href, title) in expected {
        let link = format!(r#"<a href="{up}{href}">{title}</a>"#);
        let found = crumbs[at..]
            .find(&link)
            .unwrap_or_else(|| panic!("breadcrumb {link} in order: {crumbs}"));
        at += found + link.len();
    }
    assert_contains(
        &crumbs[at..],
        r#"<span aria-current="page">Before you leave the desk</span>"#,
    );

    // The sidebar: the path to the page is open, the page is marked, and the sections
    // off the path come from the shared script (the book has more than 200 pages).
    let nav = &page[page.find(r#"<nav id="sidebar""#).unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    assert_contains(
        nav,
        r#"<a href="../../../../../../../departments/support/frontline/guides/daily-work/handovers/checklists/before-you-leave.html" aria-current="page">Before you leave the desk</a>"#,
    );
    assert_eq!(
        nav.matches(r#"<li class="nav-part is-current">"#).count(),
        7
    );
    assert_eq!(nav.matches(r#"aria-expanded="true""#).count(), 7);
    assert!(
        !nav.contains("Our company"),
        "other top-level sections: nav.js"
    );
    assert_contains(&page, "assets/nav-data.js");
    let data = read(&site.join("assets/nav-data.js"));
    assert_contains(&data, r#"["Our company","company/index.html",-1,"#);
    // Output stays linear: a page holds the path to itself, not the tree.
    assert!(
        nav.matches("<li").count() < 60,
        "{}",
        nav.matches("<li").count()
    );
}

#[test]
fn a_section_page_shows_its_text_then_its_chapters_then_its_sub_sections() {
    let book = copy_fixture("nested-handbook");
    build_ok(book.path());
    let site = book.path().join("site");
    let team = read(&site.join("departments/support/frontline/index.html"));
    let main = &team[team.find("<main").unwrap()..];
    let text = main.find("The frontline team").expect("its text");
    let chapter = main.find("frontline/contacts.html").expect("its chapters");
    let sub = main
        .find(r#"href="../../../departments/support/frontline/guides/index.html""#)
        .expect("its sub-sections");
    assert!(text < chapter && chapter < sub, "{main}");
    assert_contains(main, "11 chapters");
    // A folder with only a folder page and sub-folders is a section too.
    let departments = read(&site.join("departments/index.html"));
    assert_contains(&departments, "Every department");
    assert_contains(
        &departments,
        r#"href="../departments/engineering/index.html""#,
    );
}

#[test]
fn a_page_named_by_a_shared_file_name_must_be_named_by_its_path() {
    let book = copy_fixture("nested-handbook");
    let toml = read(&book.path().join("book.toml"));
    write(
        book.path(),
        "book.toml",
        &format!(
            "{toml}\n[packs.first-week]\ntitle = \"First week\"\nchapters = [\"glossary\", \"onboarding\", \"sales/onboarding\"]\n"
        ),
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.problems,
        "error: the pack `first-week` lists a chapter `onboarding`, but 31 chapters are called that: `company/onboarding` (company/onboarding.md), `engineering/onboarding` (departments/engineering/onboarding.md), `platform/onboarding` (departments/engineering/platform/onboarding.md), `platform/guides/daily-work/onboarding` (departments/engineering/platform/guides/daily-work/onboarding.md), `product/onboarding` (departments/engineering/product/onboarding.md), and 26 more",
    );
    assert_contains(
        &run.problems,
        "help: write the one you mean by its path, e.g. `company/onboarding`",
    );
    // Written as a path it builds; a unique name alone is enough.
    write(
        book.path(),
        "book.toml",
        &format!(
            "{toml}\n[packs.first-week]\ntitle = \"First week\"\nchapters = [\"glossary\", \"company/onboarding\", \"sales/onboarding\"]\n"
        ),
    );
    build_ok(book.path());
    let pack = book.path().join("site/packs/first-week");
    assert!(pack.join("glossary.html").is_file());
    // Pack pages are named by each chapter's short name, from its path when shared.
    assert!(pack.join("company-onboarding.html").is_file());
    assert!(pack.join("departments-sales-onboarding.html").is_file());
}

#[test]
fn ids_stay_unique_in_print_when_file_names_repeat() {
    let book = copy_fixture("nested-handbook");
    build_ok(book.path());
    let print = read(&book.path().join("site/print.html"));
    let mut ids = attr_values(&print, "id");
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "every id in print.html is unique");
    assert!(all > 300, "{all}");
}

#[test]
fn a_big_book_prints_one_document_per_top_level_section() {
    // Past `[print] sections-above` chapters print.html lists the top-level sections
    // and each prints as a document of its own: one document of 10,000 chapters is
    // more than a browser can lay out for printing.
    let book = copy_fixture("nested-handbook");
    let toml = read(&book.path().join("book.toml"));
    write(
        book.path(),
        "book.toml",
        &format!("{toml}\n[print]\nsections-above = 50\n"),
    );
    build_ok(book.path());
    let site = book.path().join("site");

    let index = read(&site.join("print.html"));
    let listed = attr_values(&index, "href");
    let documents = [
        "print-top.html",
        "print-company.html",
        "print-departments.html",
        "print-policies.html",
        "print-tools.html",
    ];
    assert_eq!(
        listed
            .iter()
            .filter(|h| h.starts_with("print-"))
            .copied()
            .collect::<Vec<_>>(),
        documents,
        "the sections in reading order"
    );
    assert_contains(
        &index,
        "This handbook has 248 chapters, too many to print as one document.",
    );
    assert_contains(&index, "<a href=\"print-departments.html\">Departments</a> <span class=\"count\">204 chapters</span>");
    assert_contains(
        &index,
        "Includes: Engineering · Finance · Marketing · People · Sales · Customer support",
    );
    assert_contains(
        &index,
        "<a href=\"print-top.html\">Pages outside any section</a>",
    );

    // Every chapter is printed once, in its section's document.
    let mut printed = 0;
    for doc in documents {
        let html = read(&site.join(doc));
        printed += html.matches("<article class=\"print-chapter\"").count();
        assert_contains(&html, "<a href=\"print.html\">All sections</a>");
    }
    assert_eq!(printed, 248);
    let departments = read(&site.join("print-departments.html"));
    assert_contains(&departments, "<h1 id=\"cover-title\">Departments</h1>");
    assert_contains(&departments, "Print this section");
    assert_contains(&departments, "This prints the 204 chapters of this section");
    assert!(
        departments.contains("id=\"departments-support-frontline-guides-daily-work-handovers-checklists-before-you-leave\""),
        "a chapter seven folders down"
    );
    assert!(!departments.contains("class=\"print-chapter\" id=\"travel\""));
    // A link to a chapter in another section leads into that section's document; a
    // link to the home page leads to the list of sections.
    assert_contains(&departments, "href=\"print-policies.html#travel\"");

    // Every link between the documents resolves, ids included: only the fixture's own
    // broken links remain, once per document that prints them.
    let print_problems: Vec<String> = broken_links(&site)
        .into_iter()
        .filter(|p| p.starts_with("print"))
        .collect();
    assert_eq!(
        print_problems,
        [
            "print-departments.html: `departments/people/courses` does not resolve to a file (looked for departments/people/courses)",
            "print-departments.html: `departments/sales/old-pricing.md` does not resolve to a file (looked for departments/sales/old-pricing.md)",
            "print-policies.html: `#expenses--booking-rules` points to a missing id",
        ]
    );
}

#[test]
fn a_book_under_the_limit_prints_as_one_document() {
    let book = copy_fixture("nested-handbook");
    build_ok(book.path());
    let site = book.path().join("site");
    let print = read(&site.join("print.html"));
    assert_eq!(
        print.matches("<article class=\"print-chapter\"").count(),
        248
    );
    assert!(!site.join("print-departments.html").exists());
}

/// A generated book: `top` chapters outside any folder, then `per` chapters in each of
/// `sections` folders.
fn generated(top: usize, sections: usize, per: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let b = tmp.path();
    std::fs::write(b.join("book.toml"), "title = \"A big book\"\n").unwrap();
    for t in 0..top {
        common::write(
            b,
            &format!("guide/top-{t:02}.md"),
            &format!("# Top {t}\n\nText.\n"),
        );
    }
    for s in 0..sections {
        for c in 0..per {
            common::write(
                b,
                &format!("guide/section-{s:02}/chapter-{c:03}.md"),
                &format!("# Chapter {s}.{c}\n\nSome words about it.\n"),
            );
        }
    }
    tmp
}

#[test]
fn a_big_books_home_page_lists_its_sections_not_every_chapter() {
    // 2 + 3 × 333 = 1,001 chapters: one past carebook::site::HOME_CHAPTERS_UP_TO.
    assert_eq!(carebook::site::HOME_CHAPTERS_UP_TO, 1_000);
    let book = generated(2, 3, 333);
    common::build_ok(book.path());
    let home = common::read(&book.path().join("site/index.html"));
    // Each top-level section, by name, with its count, linked to its page.
    for s in 0..3 {
        common::assert_contains(
            &home,
            &format!("href=\"section-{s:02}/index.html\">Section {s:02}</a> <span class=\"chapter-meta\">333 chapters</span>"),
        );
    }
    // The chapters outside any section are still listed; those in sections are not.
    common::assert_contains(&home, "href=\"top-00.html\"");
    assert!(
        !home.contains("chapter-000.html"),
        "a section's chapter is listed"
    );
    // The section's own page lists its chapters.
    let section = common::read(&book.path().join("site/section-01/index.html"));
    common::assert_contains(&section, "href=\"../section-01/chapter-332.html\"");

    // One chapter fewer: every chapter is on the home page, as in any smaller book.
    std::fs::remove_file(book.path().join("guide/top-01.md")).unwrap();
    common::build_ok(book.path());
    let home = common::read(&book.path().join("site/index.html"));
    common::assert_contains(&home, "href=\"section-02/chapter-332.html\"");
}
