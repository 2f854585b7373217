//! The pack builder: its page, chapter index and per-chapter print scripts are written in
//! every site and linked from the home page and each pack; the pack files it downloads
//! (YAML with a date and start time) build, and bad dates and times are located errors.
//! Its behaviour in a browser is tested in tests/browser/builder.test.mjs.

mod common;

use common::*;

/// The index script's JSON.
fn index(site: &std::path::Path) -> serde_json::Value {
    let text = read(&site.join("packs/builder/index.js"));
    let json = text
        .strip_prefix("window.carebookBuilderIndex = ")
        .and_then(|t| t.trim_end().strip_suffix(';'))
        .expect("index.js sets window.carebookBuilderIndex");
    serde_json::from_str(json).unwrap()
}

#[test]
fn every_site_has_the_builder_with_a_compact_index_and_chapter_scripts_in_blocks() {
    let book = copy_fixture("good");
    build_ok(book.path());
    let site = book.path().join("site");
    let page = read(&site.join("packs/builder.html"));
    for script in [
        "../assets/agenda.js",
        "../packs/builder/index.js",
        "../assets/builder.js",
    ] {
        assert_contains(&page, &format!(r#"<script src="{script}"></script>"#));
    }
    assert_contains(
        &page,
        r#"<option value="communication">Communication</option>"#,
    );
    assert_contains(&page, r#"<option value="new-hire">New hires</option>"#);

    let index = index(&site);
    let rows = index["chapters"].as_array().unwrap();
    let listening = rows.iter().find(|r| r[0] == "listening").unwrap();
    let tags = index["tags"].as_array().unwrap();
    let tag = |i: &serde_json::Value| tags[i.as_u64().unwrap() as usize][0].clone();
    assert_eq!(listening[1], "Listening");
    assert_eq!(
        listening[3]
            .as_array()
            .unwrap()
            .iter()
            .map(tag)
            .collect::<Vec<_>>(),
        ["communication", "empathy"]
    );
    assert_eq!(listening[5], 12, "reading minutes from the front matter");
    assert_eq!(listening[6], serde_json::Value::Null, "no class-minutes");
    assert!(
        rows.iter().all(|r| r.as_array().unwrap().len() == 7),
        "no chapter text in the index: {rows:?}"
    );
    // Chapters go in fixed blocks of the index's order: chapter i in script i / per_file.
    let per = index["per_file"].as_u64().unwrap() as usize;
    assert!(per > 1, "one file a chapter");
    let block = |i: usize| read(&site.join(format!("packs/builder/chapters/{}.js", i / per)));
    for (i, row) in rows.iter().enumerate() {
        let slug = row[0].as_str().unwrap();
        let script = block(i);
        assert!(script.starts_with("carebookBuilderChapter({"), "{slug}");
        assert_contains(
            &script,
            &format!(r#"carebookBuilderChapter({{"slug":"{slug}","#),
        );
    }
    let files = std::fs::read_dir(site.join("packs/builder/chapters"))
        .unwrap()
        .count();
    assert_eq!(files, rows.len().div_ceil(per));
    let tone = block(rows.iter().position(|r| r[0] == "tone").unwrap());
    assert_contains(&tone, r##"id=\"tone--tone-on-the-phone\""##);
    assert_contains(
        &tone,
        r##"href=\"../basics/listening.html#dont-interrupt-1\""##,
    );
    assert!(site.join("packs/print.html").is_file());
    assert!(broken_links(&site).is_empty(), "{:#?}", broken_links(&site));
}

#[test]
fn the_home_page_and_each_pack_link_to_the_builder_with_the_packs_choices() {
    let book = copy_fixture("good");
    write(
        book.path(),
        "packs/first-day.yaml",
        "title: First day & more\nchapters:\n  - tone\n  - slug: notes\n    title: Your notes\n",
    );
    build_ok(book.path());
    let site = book.path().join("site");
    assert_contains(
        &read(&site.join("index.html")),
        r#"<a href="packs/builder.html">Build your own class</a>"#,
    );
    assert_contains(
        &read(&site.join("packs/first-day/index.html")),
        r#"<a href="../builder.html#title=First+day+%26+more&amp;c=tone&amp;c=notes%7EYour+notes">"#,
    );
    assert_eq!(index(&site)["packs"], serde_json::json!(["first-day"]));
}

/// What the builder downloads: JSON-quoted strings, a date and a start time.
const BUILDER_FILE: &str = r#"# A course pack made with the pack builder of “Fixture Handbook”.
# Save it in the handbook's packs/ folder: `carebook build` makes it a pack.
title: "Tone \"first\" class"
date: "2026-12-03"
start: "09:30"
chapters:
  - slug: listening
    title: "Listen first"
  - tone
"#;

#[test]
fn a_pack_file_from_the_builder_builds_with_its_date_and_start_time() {
    let book = copy_fixture("good");
    write(book.path(), "packs/tone-first-class.yaml", BUILDER_FILE);
    build_ok(book.path());
    let home = read(&book.path().join("site/packs/tone-first-class/index.html"));
    assert_contains(&home, "Tone &quot;first&quot; class");
    assert_contains(&home, "Thursday 3 December 2026");
    assert_contains(&home, "9:30–9:42");
    let first = home.find(">Listen first<").expect("renamed chapter");
    assert!(first < home.find(">Tone<").unwrap(), "in the file's order");
    assert_contains(&home, "start=09%3A30");

    let run = carebook(&["pack", "tone-first-class"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let alone = read(&book.path().join("pack-tone-first-class/index.html"));
    assert_contains(&alone, "9:30–9:42");
}

#[test]
fn a_start_time_or_date_that_is_not_one_is_a_located_error() {
    let book = copy_fixture("good");
    write(
        book.path(),
        "packs/evening.yaml",
        "title: Evening\ndate: \"2026-02-30\"\nstart: \"7.30pm\"\nchapters: [tone]\n",
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert_contains(&run.problems, "evening.yaml:3:9");
    assert_contains(&run.problems, "starts at `7.30pm`, which is not a time");
    assert_contains(&run.problems, r#"like start: "09:30""#);
    assert_contains(&run.problems, "evening.yaml:2:8");
    assert_contains(&run.problems, "`2026-02-30`, which is not a real date");
}
