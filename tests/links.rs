//! Links in and out of the site: percent-escapes in chapter links, folder names that
//! need escaping in URLs, links that leave a course pack, and raw HTML.

mod common;

use common::*;

#[test]
fn odd_percent_escapes_are_broken_links_not_crashes() {
    let book = copy_fixture("odd-escapes");
    let expected = [
        "guide/escapes.md:6:18: error: the link `%aé.md` points to a chapter that does not exist (`%aé.md`)",
        "guide/escapes.md:6:47: error: the link `#%aé` points to a heading `#%aé` that is not on this page",
    ];
    let build = carebook(&["build"], book.path());
    assert_eq!(build.code, 1, "{}", build.problems);
    for line in expected {
        assert_contains(&build.problems, line);
    }
    assert_contains(&build.problems, "build failed: 2 errors, 0 warnings");
    let check = carebook(&["check", "--format", "line"], book.path());
    assert_eq!(check.code, 1, "{}", check.problems);
    for line in expected {
        let line = line.replace(": error: ", ": error[build]: ");
        assert_contains(&check.stdout, &line);
    }
    assert!(
        !check.stdout.contains("my notes"),
        "`my%20notes.md` resolves"
    );
}

/// The odd-folders fixture, with the part it cannot store (see its book.toml).
fn odd_folders() -> tempfile::TempDir {
    let book = copy_fixture("odd-folders");
    write(
        book.path(),
        "guide/what?/why.md",
        "---\ntitle: Why\ncard: false\n---\n\nBecause of [refunds](../faq%231/refunds.md) and [notes](<../my part/notes.md#top>).\n",
    );
    book
}

#[test]
fn folder_names_with_url_characters_are_escaped_in_every_link() {
    let book = odd_folders();
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert_contains(
        &run.problems,
        "guide/what?/why.md:6:58: error: the link `../my part/notes.md#top` points to a heading `#top` that is not in `my part/notes.md`",
    );
    write(
        book.path(),
        "guide/what?/why.md",
        "---\ntitle: Why\ncard: false\n---\n\nBecause of [refunds](../faq%231/refunds.md) and [notes](<../my part/notes.md>).\n",
    );
    build_ok(book.path());
    let site = book.path().join("site");
    for page in [
        "faq#1/refunds.html",
        "faq#1/index.html",
        "what?/why.html",
        "100%/percent.html",
        "my part/notes.html",
        "checklists/part-faq#1.html",
        "checklists/tag-on call.html",
        "packs/odd/refunds.html",
    ] {
        assert!(site.join(page).is_file(), "{page} is written");
    }
    assert_eq!(broken_links(&site), Vec::<String>::new());
    let refunds = read(&site.join("faq#1/refunds.html"));
    for href in [
        r#"href="../what%3F/why.html""#,
        r#"href="../my%20part/notes.html""#,
        r#"href="../100%25/percent.html#top-ten""#,
        r#"href="../my%20part/index.html""#,
        r#"src="img/a%20b.svg""#,
        r#"href="../tags/on%20call.html""#,
        r#"href="../checklists/part-faq%231.html#card-refunds""#,
    ] {
        assert_contains(&refunds, href);
    }
    let cards = read(&site.join("checklists/index.html"));
    assert_contains(&cards, r#"<a href="tag-on%20call.html">On call</a>"#);
    let home = read(&site.join("index.html"));
    assert!(!home.contains(r#"href="faq#1"#), "no raw `#` in a path");
    assert_contains(&home, r#"href="faq%231/index.html""#);
    let sitemap = read(&site.join("sitemap.xml"));
    for loc in sitemap.lines().filter(|l| l.contains("<loc>")) {
        assert!(!loc.trim().contains(' '), "raw space in {loc}");
    }
    assert_contains(
        &sitemap,
        "<loc>https://help.example.com/handbook/my%20part/notes.html</loc>",
    );
    assert_contains(
        &sitemap,
        "<loc>https://help.example.com/handbook/what%3F/index.html</loc>",
    );
}

#[test]
fn standalone_pack_links_to_odd_folders_resolve() {
    let book = odd_folders();
    write(
        book.path(),
        "guide/what?/why.md",
        "---\ntitle: Why\ncard: false\n---\n\nBecause of [refunds](../faq%231/refunds.md).\n",
    );
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("class");
    let run = carebook(
        &["pack", "odd", "--out", dir.to_str().unwrap()],
        book.path(),
    );
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_eq!(broken_links(&dir), Vec::<String>::new());
    assert!(
        dir.join("files/faq#1/img/a b.svg").is_file(),
        "image copied"
    );
    let refunds = read(&dir.join("refunds.html"));
    assert_contains(&refunds, r#"src="files/faq%231/img/a%20b.svg""#);
    assert_contains(&refunds, r#"href="percent.html#top-ten""#);
}

const NOT_IN_PACK: &str =
    r#"<span class="not-in-pack" title="This chapter is in the full handbook, not in this pack">"#;

#[test]
fn html_shaped_like_a_pack_marker_cannot_crash_build_or_pack() {
    let book = copy_fixture("pack-raw-html");
    build_ok(book.path());
    let site = book.path().join("site");
    let in_site = read(&site.join("packs/inside/inside.html"));
    assert_contains(&in_site, r#"<a href="carebook:unlink" data-x="</a>">t</a>"#);
    assert_contains(
        &in_site,
        r#"<a href="../../part/outside.html">Markdown link out</a>"#,
    );
    assert!(
        !in_site.contains("not-in-pack"),
        "in the site every link works"
    );

    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("class");
    let run = carebook(
        &["pack", "inside", "--out", dir.to_str().unwrap()],
        book.path(),
    );
    assert_eq!(run.code, 0, "{}", run.problems);
    let page = read(&dir.join("inside.html"));
    for expected in [
        // The author's HTML stays as written; its link out of the pack goes nowhere.
        r#"<a href="carebook:unlink" data-x="</a>">t</a>"#,
        r#"<a href="carebook:unlink">open"#,
        r##"<a href="#" data-x="</a>">out</a>"##,
        // Markdown links out of the pack become text, whatever their text holds.
        &format!("A {NOT_IN_PACK}Markdown link out</span>"),
        &format!(r#"{NOT_IN_PACK}with <b title="</a>">HTML</b> inside</span>"#),
        &format!("{NOT_IN_PACK}to the part</span>"),
        r#"<a href="inside.html">to this chapter</a>"#,
    ] {
        assert_contains(&page, expected);
    }
    let home = read(&dir.join("index.html"));
    assert_contains(&home, r#"<a href="inside.html">inside</a>"#);
    assert_contains(&home, &format!("{NOT_IN_PACK}outside</span>"));
    let handout = read(&dir.join("handout.html"));
    assert_contains(
        &handout,
        &format!("A {NOT_IN_PACK}Markdown link out</span>"),
    );
}

#[test]
fn nul_characters_in_a_chapter_cannot_fake_a_located_link() {
    let book = copy_fixture("pack-raw-html");
    write(
        book.path(),
        "guide/part/inside.md",
        "---\ntitle: Inside\ncard: false\n---\n\nNUL \0 in text, <b title=\"\0\">in HTML</b>, `\0` in code and [a link \0 out](outside.md).\n",
    );
    let run = build_ok(book.path());
    assert_contains(
        &run.problems,
        "guide/part/inside.md:6:5: warning: this chapter contains a NUL character",
    );
    let site_page = read(&book.path().join("site/part/inside.html"));
    assert_contains(&site_page, "NUL \u{FFFD} in text");
    assert_contains(
        &site_page,
        "<a href=\"outside.html\">a link \u{FFFD} out</a>",
    );
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("class");
    let run = carebook(
        &["pack", "inside", "--out", dir.to_str().unwrap()],
        book.path(),
    );
    assert_eq!(run.code, 0, "{}", run.problems);
    let page = read(&dir.join("inside.html"));
    assert!(!page.contains('\0'));
    // Not located, so not made text: the link out of the pack goes nowhere.
    assert_contains(&page, "<a href=\"#\">a link \u{FFFD} out</a>");
}

/// The raw-html fixture with `raw-html = "<mode>"` (no setting for `None`).
fn raw_html_book(mode: Option<&str>) -> tempfile::TempDir {
    let book = copy_fixture("raw-html");
    if let Some(mode) = mode {
        let toml = read(&book.path().join("book.toml")) + &format!("raw-html = \"{mode}\"\n");
        write(book.path(), "book.toml", &toml);
    }
    book
}

/// Every file of the built site as text, with its path.
fn site_texts(site: &std::path::Path) -> Vec<(String, String)> {
    snapshot(site)
        .into_iter()
        .map(|(p, bytes)| {
            (
                p.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect()
}

const RAW_HTML_WARNINGS: [&str; 7] = [
    "guide/scripts.md:6:7: warning: raw HTML `<script>` can run code in the reader's browser",
    "guide/scripts.md:8:1: warning: raw HTML `<script>` can run code in the reader's browser",
    "guide/scripts.md:13:6: warning: the event handler `onclick=` in raw HTML runs code in the reader's browser",
    "guide/scripts.md:15:3: warning: the link `javascript:alert('link')` runs code in the reader's browser",
    "guide/scripts.md:15:52: warning: the `href` address ` JaVaScRiPt:alert('html')` in raw HTML runs code in the reader's browser",
    "guide/scripts.md:16:5: warning: raw HTML `<iframe>` can run code in the reader's browser",
    "guide/scripts.md:22:16: warning: the event handler `onmouseover=` in raw HTML runs code in the reader's browser",
];

#[test]
fn raw_html_is_allowed_by_default() {
    for mode in [None, Some("allow")] {
        let book = raw_html_book(mode);
        let run = build_ok(book.path());
        assert!(!run.problems.contains("runs code"), "{}", run.problems);
        let page = read(&book.path().join("site/scripts.html"));
        assert_contains(&page, "Hello <script>alert(1)</script> world.");
        assert_contains(&page, "<script>\nalert(\"block\");\n</script>");
        assert_contains(&page, "onclick=\"alert('handler')\"");
        assert_contains(&page, r#"<a href="javascript:alert(&#x27;link&#x27;)">"#);
    }
}

#[test]
fn raw_html_warn_reports_each_script_at_its_position() {
    let book = raw_html_book(Some("warn"));
    let run = build_ok(book.path());
    for line in RAW_HTML_WARNINGS {
        assert_contains(&run.problems, line);
    }
    assert_contains(&run.stdout, "with 7 warnings");
    assert_contains(&run.problems, "help: delete it if this chapter's author is not trusted; `raw-html = \"strip\"` under [build] in book.toml removes such code from every page");
    let page = read(&book.path().join("site/scripts.html"));
    assert_contains(&page, "Hello <script>alert(1)</script> world.");
    let check = carebook(&["check", "--format", "line"], book.path());
    for line in RAW_HTML_WARNINGS {
        assert_contains(
            &check.stdout,
            &line.replace(": warning: ", ": warning[build]: "),
        );
    }
}

#[test]
fn raw_html_strip_removes_scripts_from_every_output() {
    let book = raw_html_book(Some("strip"));
    let run = build_ok(book.path());
    for line in RAW_HTML_WARNINGS {
        assert_contains(
            &run.problems,
            &format!("{line}; it was removed (`raw-html = \"strip\"` in book.toml)"),
        );
    }
    let site = book.path().join("site");
    let texts = site_texts(&site);
    for (path, text) in &texts {
        let lower = text.to_lowercase();
        for bad in ["alert(", "onclick", "onmouseover", "javascript:", "<iframe"] {
            assert!(!lower.contains(bad), "`{bad}` in {path}");
        }
    }
    assert!(
        texts.iter().any(|(p, _)| p.starts_with("search")),
        "the search index was checked"
    );
    let page = read(&site.join("scripts.html"));
    for kept in [
        "<p>Hello  world.</p>",
        "<div class=\"box\">Box</div>",
        "A <a href=\"\">Markdown link</a>, an <a>HTML link</a>\nand  a frame.",
        "<!-- <script>comment()</script> is only a comment -->",
    ] {
        assert_contains(&page, kept);
    }
    assert_contains(
        &read(&site.join("print.html")),
        "<div class=\"box\">Box</div>",
    );
    assert_contains(
        &read(&site.join("checklists/start.html")),
        "Greet <b>warmly</b>.",
    );
}

#[test]
fn raw_html_setting_rejects_unknown_values_with_the_line() {
    let book = raw_html_book(Some("scrub"));
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_contains(
        &run.problems,
        "book.toml:8:12: error: invalid book.toml: unknown variant `scrub`, expected one of `allow`, `warn`, `strip`",
    );
}
