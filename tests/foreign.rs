//! A handbook brought from other tools (tests/fixtures/foreign-handbook): it builds as
//! it is, other tools' front matter is kept or read, titles come from where GitHub
//! takes them, the tags used are the vocabulary, every kind of link a GitHub or MkDocs
//! handbook writes reaches its page, and repeated warnings are printed once.

mod common;

use common::*;

#[test]
fn a_handbook_from_other_tools_builds_as_it_is_and_every_link_resolves() {
    let book = copy_fixture("foreign-handbook");
    let run = build_ok(book.path());
    let site = book.path().join("site");
    assert_eq!(broken_links(&site), Vec::<String>::new());

    // The file's name is the title of a page with neither front matter nor a heading.
    let tech = read(&site.join("working-with-tech.html"));
    assert_contains(&tech, "<h1");
    assert_contains(&tech, "Working with tech</h1>");
    // Folder links, a folder's README.md, root links and other capitals all resolve.
    assert!(
        attr_values(&tech, "href")
            .iter()
            .filter(|h| **h == "team/index.html")
            .count()
            >= 3,
        "three links to the team folder: {tech}"
    );
    assert_contains(&tech, "href=\"company/index.html\"");
    assert_contains(&tech, "href=\"company/values.html#why-values\"");
    assert_contains(&tech, "href=\"policies/leave.html\"");
    // Files beside the pages are copied and linked.
    assert_contains(&tech, "href=\"forms/expenses.pdf\"");
    assert_contains(&tech, "href=\"notes.txt\"");
    assert!(site.join("forms/expenses.pdf").is_file());
    assert!(site.join("notes.txt").is_file());

    // A part's README.md (GitHub) or index.md (MkDocs) is its page's title and text.
    let team = read(&site.join("team/index.html"));
    assert_contains(&team, "Our team");
    assert_contains(&team, "GitHub shows this file as the");
    let company = read(&site.join("company/index.html"));
    assert_contains(&company, "MkDocs shows this file as the");

    // `description` is the summary, `weight` the order: "Your first week" (weight 1)
    // comes before "Tools we use" (weight 2) though it sorts after it by title.
    assert_contains(&team, "What happens on each day of your first week");
    let first = team.find("Your first week").expect("listed");
    let second = team.find("Tools we use").expect("listed");
    assert!(first < second, "weight orders the part's pages");

    // The first heading is the title, shown once.
    let values = read(&site.join("company/values.html"));
    assert_eq!(values.matches("Our values</h1>").count(), 1, "{values}");
    assert!(!values.contains("<h1>Our values</h1>\n<p>The heading above"));
    // Links and image sources in raw HTML are rewritten like Markdown links.
    assert_contains(&values, "<a href=\"../team/onboarding.html\">start");
    assert_contains(&values, "<img src=\"logo.svg\" alt=\"\">");
    let onboarding = read(&site.join("team/onboarding.html"));
    assert_contains(
        &onboarding,
        "<img src=\"../company/logo.svg\" width=\"120\"",
    );
    // Hugo's `aliases` become redirects.
    assert_contains(
        &read(&site.join("about/values/index.html")),
        "../../company/values.html",
    );

    // TOML front matter between `+++` lines reads like YAML.
    let tools = read(&site.join("team/tools.html"));
    assert_contains(&tools, "Tools we use</h1>");
    assert_contains(&tools, "The help desk, the chat and the phone system");

    // No [tags] in book.toml: the tags used are the vocabulary, each with its page,
    // named from the tag as written.
    let support = read(&site.join("tags/customer-support.html"));
    assert_contains(&support, "Customer Support");
    assert_contains(&support, "Your first week");
    assert_contains(&support, "Tools we use");
    assert!(site.join("tags/onboarding.html").is_file());
    assert!(site.join("tags/tools.html").is_file());

    // The warnings: other tools' keys once for the whole book, the link in other
    // capitals; nothing about missing front matter or titles.
    insta::assert_snapshot!("foreign_build_warnings", run.stderr);
}

#[test]
fn other_tools_keys_reach_the_templates() {
    let book = copy_fixture("foreign-handbook");
    let toml = read(&book.path().join("book.toml"));
    write(
        book.path(),
        "book.toml",
        &format!("{toml}\n[build]\ntheme = \"house\"\n"),
    );
    // A theme's chapter page that shows who wrote it and when, as Hugo's front matter
    // says (TOML: the date is a TOML date) and the source system of a wiki export (YAML).
    let default = read(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/chapter.html"),
    );
    let house = default.replacen(
        "<h1>{{ chapter.title }}</h1>",
        "<h1>{{ chapter.title }}</h1>{% if chapter.extra.author %}<p class=\"byline\">By {{ chapter.extra.author }}, {{ chapter.extra.date }}</p>{% endif %}{% if chapter.extra.data_source %}<p class=\"source\">From {{ chapter.extra.data_source }}</p>{% endif %}",
        1,
    );
    assert_ne!(house, default, "the title line is in the default template");
    write(book.path(), "themes/house/templates/chapter.html", &house);
    build_ok(book.path());
    let site = book.path().join("site");
    assert_contains(
        &read(&site.join("team/tools.html")),
        "<p class=\"byline\">By Sam Okafor, 2024-05-01</p>",
    );
    assert_contains(
        &read(&site.join("team/onboarding.html")),
        "<p class=\"source\">From hr-sheet</p>",
    );
}

#[test]
fn a_misspelt_key_of_carebooks_own_is_still_an_error() {
    let book = copy_fixture("foreign-handbook");
    write(
        book.path(),
        "guide/team/typo.md",
        "---\ntittle: Typo\nsumary: A typo\n---\n\nText.\n",
    );
    write(
        book.path(),
        "guide/team/hugo-typo.md",
        "+++\ntitle = \"Hugo\"\ntag = [\"x\"]\n+++\n\nText.\n",
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.problems,
        "guide/team/typo.md:2:1: error: invalid front matter: unknown field `tittle`\n  help: did you mean `title`?",
    );
    assert_contains(
        &run.problems,
        "guide/team/hugo-typo.md:3:1: error: invalid front matter: unknown field `tag`\n  help: did you mean `tags`?",
    );
}

#[test]
fn declared_tags_stay_the_vocabulary() {
    let book = copy_fixture("foreign-handbook");
    let toml = read(&book.path().join("book.toml"));
    write(
        book.path(),
        "book.toml",
        &format!("{toml}\n[tags.tools]\nlabel = \"Tools\"\n"),
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.problems,
        "guide/team/onboarding.md:7:8: error: unknown tag `Onboarding`; tags must be declared in book.toml",
    );
    assert_contains(
        &run.problems,
        "guide/team/tools.md:5:10: error: unknown tag `Customer Support`; tags must be declared in book.toml\n  help: expected one of `tools` (or declare it with a [tags.\"Customer Support\"] table in book.toml)",
    );
}

#[test]
fn a_warning_in_many_files_is_printed_once_with_a_count() {
    let book = copy_fixture("foreign-handbook");
    for i in 0..12 {
        write(
            book.path(),
            &format!("guide/policies/p{i:02}.md"),
            &format!("# Page {i}\n\nSee the [leave policy](Leave.md).\n"),
        );
    }
    let run = build_ok(book.path());
    let line = "warning: the link `Leave.md` differs in capital letters from what it points to, `policies/leave.md`";
    assert_eq!(run.stderr.matches(line).count(), 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "  … and 12 more like this, e.g. at guide/policies/p01.md:3:24 and guide/policies/p02.md:3:24 (`--verbose` lists every one)",
    );
    let verbose = carebook(&["build", "--verbose"], book.path());
    assert_eq!(verbose.code, 0, "{}", verbose.stderr);
    assert_eq!(
        verbose.stderr.matches(line).count(),
        12,
        "{}",
        verbose.stderr
    );
    assert_contains(&verbose.problems, "guide/policies/p11.md:3:24: warning:");
    let check = carebook(&["check", "--format", "line"], book.path());
    assert_eq!(
        check
            .stdout
            .matches("differs in capital letters from what it points to")
            .count(),
        13,
        "{}",
        check.stdout
    );
}

/// Each way a handbook written for GitHub, MkDocs or Hugo links a page, a folder or a
/// file, with the href it must become (from `guide/team/start.md`).
#[test]
fn every_link_form_reaches_its_target() {
    let forms = [
        ("[a](onboarding.md)", "onboarding.html"),
        (
            "[a](./onboarding.md#first-day)",
            "onboarding.html#first-day",
        ),
        ("[a](Onboarding.md)", "onboarding.html"),
        ("[a](../company/)", "../company/index.html"),
        ("[a](../company)", "../company/index.html"),
        ("[a](../company/index.md)", "../company/index.html"),
        ("[a](../company/README.md)", "../company/index.html"),
        ("[a](../company/_index.md)", "../company/index.html"),
        ("[a](/company/values.md)", "../company/values.html"),
        ("[a](/company/index.md)", "../company/index.html"),
        ("[a](../forms/expenses.pdf)", "../forms/expenses.pdf"),
        ("[a](/notes.txt)", "../notes.txt"),
        ("![a](../company/logo.svg)", "../company/logo.svg"),
        (
            "<a href=\"../company/values.md\">a</a>",
            "../company/values.html",
        ),
        (
            "<img src=\"/company/logo.svg\" alt=\"\">",
            "../company/logo.svg",
        ),
        ("[a](https://example.com/x.md)", "https://example.com/x.md"),
    ];
    let book = copy_fixture("foreign-handbook");
    write(
        book.path(),
        "guide/team/onboarding.md",
        "# Onboarding\n\n## First day\n\nWelcome.\n",
    );
    let body: Vec<String> = forms.iter().map(|(link, _)| format!("- {link}")).collect();
    write(
        book.path(),
        "guide/team/start.md",
        &format!("# Start\n\n{}\n", body.join("\n")),
    );
    build_ok(book.path());
    let html = read(&book.path().join("site/team/start.html"));
    let list = &html[html.find("<ul>").expect("the list")..];
    let list = &list[..list.find("</ul>").expect("its end")];
    let found: Vec<&str> = attr_values(list, "href")
        .into_iter()
        .chain(attr_values(list, "src"))
        .collect();
    for (link, href) in forms {
        assert!(
            found.contains(&href),
            "{link} should become {href}: {found:?}"
        );
    }
    assert_eq!(found.len(), forms.len(), "{found:?}");
}
