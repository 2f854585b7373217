//! The interface's words come from one table, and a theme's `strings.toml` changes them
//! everywhere they show: in the templates' markup and in what the browser scripts say
//! (they read their words from the page's `carebook-strings` block).

mod common;

use common::{assert_contains, build_ok, carebook, copy_fixture, read, write};

/// The page's `carebook-strings` block, parsed.
fn script_words(page: &str) -> serde_json::Map<String, serde_json::Value> {
    let start = page
        .find("<script type=\"application/json\" id=\"carebook-strings\">")
        .expect("the page has a carebook-strings block");
    let rest = &page[start..];
    let json = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
    serde_json::from_str(json).expect("the block is JSON")
}

#[test]
fn a_theme_strings_table_changes_template_and_script_words() {
    let book = copy_fixture("knowledge-checks");
    write(
        book.path(),
        "themes/default/strings.toml",
        "kc_check = \"Check my answers\"\n\
         kc_result_right = \"Correct!\"\n\
         minutes = \"{minutes} minutes\"\n\
         chapter_count_one = \"one chapter\"\n\
         chapter_count_other = \"{n} chapters in all\"\n",
    );
    build_ok(book.path());
    let page = read(&book.path().join("site/calls/summing-up.html"));
    // A template word, and a text with a value filled in.
    assert_contains(
        &page,
        "<button type=\"submit\" class=\"kc-check\">Check my answers</button>",
    );
    assert!(
        !page.contains(">Check answers<"),
        "the default word is gone"
    );
    assert!(
        page.contains(" minutes</span>"),
        "reading time uses the theme's words"
    );
    // A script word: the knowledge-check script reads it from the page.
    let words = script_words(&page);
    assert_eq!(words["kc_result_right"], "Correct!");
    assert_eq!(
        words["kc_result_wrong"], "Not quite.",
        "other keys keep the default"
    );
    // Only the words of the scripts this page loads: no search-result counts here
    // unless search is on, no pack-builder words.
    assert!(!words.contains_key("card_count_one"));
    // A count: the pack's three chapters use the `_other` form.
    let pack = read(&book.path().join("site/packs/phone-basics/index.html"));
    assert_contains(&pack, "3 chapters in all");
}

#[test]
fn every_page_lists_the_words_of_the_scripts_it_loads() {
    let book = copy_fixture("knowledge-checks");
    build_ok(book.path());
    let chapter = script_words(&read(&book.path().join("site/calls/summing-up.html")));
    for key in [
        "kc_score",
        "kc_unanswered",
        "clear_ticks",
        "search_none",
        "search_count_one",
    ] {
        assert!(
            chapter.contains_key(key),
            "{key} missing from the chapter page"
        );
    }
    let home = script_words(&read(&book.path().join("site/index.html")));
    assert!(
        !home.contains_key("kc_score"),
        "the home page has no knowledge check"
    );
    assert!(home.contains_key("clear_ticks"));
}

#[test]
fn a_misspelt_key_in_a_theme_table_is_a_located_error() {
    let book = copy_fixture("knowledge-checks");
    write(
        book.path(),
        "themes/default/strings.toml",
        "kc_chek = \"Check\"\n",
    );
    let run = carebook(&["build"], book.path());
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.problems, "strings.toml:1:1");
    assert_contains(&run.stderr, "kc_check");
}

/// A translation changes the builder's words, the month names and the clock: the
/// built pages follow, and the agenda of a pack with a start time reads in 12-hour form.
#[test]
fn a_theme_table_changes_builder_words_month_names_and_the_clock() {
    let book = copy_fixture("knowledge-checks");
    write(
        book.path(),
        "themes/default/strings.toml",
        "builder_title = \"Class planner\"\n\
         builder_matches_none = \"Nothing fits: try other words.\"\n\
         months = \"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dez\"\n\
         clock = \"12h\"\n",
    );
    write(
        book.path(),
        "packs/afternoon.yaml",
        "title: Afternoon class\ndate: \"2026-12-03\"\nstart: \"13:30\"\nchapters: [summing-up, holding]\n",
    );
    build_ok(book.path());
    // The builder's template word, and a word its script reads from the page.
    let builder = read(&book.path().join("site/packs/builder.html"));
    assert_contains(&builder, "<h1>Class planner</h1>");
    assert!(
        !builder.contains("Pack builder<"),
        "the default word is gone"
    );
    let words = script_words(&builder);
    assert_eq!(
        words["builder_matches_none"],
        "Nothing fits: try other words."
    );
    assert_eq!(words["clock"], "12h", "agenda.js reads the clock");
    assert!(words["months"].as_str().unwrap().ends_with("|Dez"));
    // The print page carries the same words for its scripts.
    let print = script_words(&read(&book.path().join("site/packs/print.html")));
    assert_eq!(print["clock"], "12h");
    assert!(print.contains_key("builder_ready"));
    // The pack's date with the theme's month name, and 12-hour times on its agenda,
    // handout and trainer's sheet.
    let dir = book.path().join("site/packs/afternoon");
    let home = read(&dir.join("index.html"));
    assert_contains(&home, "Thursday 3 Dez 2026");
    for page in ["index.html", "handout.html", "trainer.html"] {
        let html = read(&dir.join(page));
        assert_contains(&html, "1:30 pm");
        assert!(!html.contains("13:30"), "{page} keeps a 24-hour time");
    }
}
