//! Keeping the handbook true, over the `review` fixture book (read its chapters: each
//! says what it expects). "Today" is 2025-11-23 (SOURCE_DATE_EPOCH in `common`).
//!
//! - Review dates and owners: shown on each chapter, an overdue notice, `check` warnings
//!   located at the `reviewed` line (errors with `--strict`), `carebook review` in text
//!   and JSON, and `review.html`.
//! - Last change dates from one `git log`, in a repository the test makes.
//! - What's new, its Atom feed (valid, stable ids, absolute links) and "Updated" cards.
//! - The edit link and the feedback line.
//! - Mistakes in the new fields, each named with file, line and column.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn build(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    let run = carebook(&args, dir);
    assert_eq!(run.code, 0, "{}", run.problems);
    run
}

fn site(dir: &Path, rel: &str) -> String {
    read(&dir.join("site").join(rel))
}

#[test]
fn chapter_pages_show_review_owner_and_an_overdue_notice() {
    let book = copy_fixture("review");
    build(book.path(), &[]);
    let refunds = site(book.path(), "billing/refunds.html");
    // No owner of its own: the part's owner.
    assert_contains(
        &refunds,
        r#"Reviewed <time datetime="2025-06-02">2 June 2025</time> by Billing team."#,
    );
    assert_contains(
        &refunds,
        r#"This page was due for review on <time datetime="2025-08-31">31 August 2025</time>. Check with Billing team before relying on it."#,
    );
    let invoices = site(book.path(), "billing/invoices.html");
    assert_contains(&invoices, "by Dana Reyes.");
    assert!(
        !invoices.contains("review-notice"),
        "invoices is up to date"
    );
    let hold = site(book.path(), "calls/hold.html");
    assert!(!hold.contains("review-notice"), "its own 2-year period");
    let welcome = site(book.path(), "calls/welcome.html");
    assert_contains(&welcome, "Owner: Support Operations.");
    assert_contains(&welcome, "Not reviewed yet.");
    // Outside Git: no last change date.
    assert!(!refunds.contains("Last changed"));
}

#[test]
fn check_warns_at_the_reviewed_line_and_strict_makes_it_an_error() {
    let book = copy_fixture("review");
    let run = carebook(&["check", "--format", "line"], book.path());
    assert_eq!(
        run.code, 0,
        "warnings only:\n{}{}",
        run.stdout, run.problems
    );
    assert_contains(
        &run.stdout,
        "guide/billing/refunds.md:5:11: warning[review-overdue]: this page was due for review on 2025-08-31 (last reviewed 2025-06-02 by Billing team)",
    );
    // Never reviewed: the whole file.
    assert_contains(
        &run.stdout,
        "guide/calls/welcome.md: warning[review-missing]: this page has never been reviewed (owner: Support Operations)",
    );
    assert_eq!(run.stdout.matches("review-").count(), 2, "{}", run.stdout);

    let strict = carebook(&["check", "--strict", "--format", "line"], book.path());
    assert_eq!(strict.code, 1, "{}", strict.stdout);
    assert_contains(&strict.stdout, "refunds.md:5:11: error[review-overdue]");
    assert_contains(&strict.stdout, "welcome.md: error[review-missing]");
}

/// A report row: title, due date and state.
type Row<'a> = (&'a str, &'a str, &'a str);

#[test]
fn the_review_report_lists_pages_by_owner_and_due_date() {
    let book = copy_fixture("review");
    let run = carebook(&["review", "--format", "json"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["today"], "2025-11-23");
    assert_eq!(
        (&json["overdue"], &json["never"], &json["current"]),
        (&1.into(), &1.into(), &2.into())
    );
    let owners: Vec<(&str, Vec<Row<'_>>)> = json["owners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let rows = g["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r["title"].as_str().unwrap(),
                        r["due"].as_str().unwrap_or("-"),
                        r["state"].as_str().unwrap(),
                    )
                })
                .collect();
            (g["owner"].as_str().unwrap(), rows)
        })
        .collect();
    assert_eq!(
        owners,
        [
            ("Billing team", vec![("Refunds", "2025-08-31", "overdue")]),
            ("Dana Reyes", vec![("Invoices", "2025-12-30", "current")]),
            (
                "Support Operations",
                vec![
                    ("Welcome", "-", "never"),
                    ("Putting a call on hold", "2026-06-01", "current")
                ]
            ),
        ]
    );

    let text = carebook(&["review"], book.path());
    assert_contains(
        &text.stdout,
        "OVERDUE since 2025-08-31  reviewed 2025-06-02  Refunds",
    );
    assert_contains(
        &text.stdout,
        "1 overdue, 1 never reviewed, 2 up to date (today is 2025-11-23)",
    );
}

#[test]
fn review_html_is_in_the_footer_and_can_be_turned_off() {
    let book = copy_fixture("review");
    build(book.path(), &[]);
    let review = site(book.path(), "review.html");
    assert_contains(&review, "<h2 id=\"owner-1\">Billing team</h2>");
    assert_contains(&review, "<strong>1</strong> overdue");
    assert_contains(&review, r#"<a href="billing/refunds.html">Refunds</a>"#);
    assert_contains(
        &site(book.path(), "calls/hold.html"),
        r#"<a href="../review.html">Review status</a>"#,
    );

    let toml = read(&book.path().join("book.toml"));
    write(
        book.path(),
        "book.toml",
        &toml.replace("every = \"180 days\"", "every = \"180 days\"\npage = false"),
    );
    build(book.path(), &[]);
    assert!(!book.path().join("site/review.html").exists());
    assert!(!site(book.path(), "index.html").contains("Review status"));
}

#[test]
fn without_a_review_table_nothing_is_tracked() {
    let book = copy_fixture("review");
    let toml = read(&book.path().join("book.toml"));
    let toml = toml.replace("[review]\nevery = \"180 days\"\n", "");
    write(book.path(), "book.toml", &toml);
    let run = carebook(&["check", "--format", "line"], book.path());
    // The billing part still sets its own period; welcome.md is no longer tracked.
    assert!(!run.stdout.contains("welcome.md"), "{}", run.stdout);
    assert_contains(&run.stdout, "refunds.md:5:11: warning[review-overdue]");
    build(book.path(), &[]);
    assert!(!book.path().join("site/review.html").exists());
    assert_contains(
        &site(book.path(), "calls/welcome.html"),
        "Owner: Support Operations.",
    );
}

fn git(dir: &Path, args: &[&str], date: &str) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn chapters_show_their_last_change_from_git_history() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("git is not installed; skipping");
        return;
    }
    let book = copy_fixture("review");
    let dir = book.path();
    git(dir, &["init", "-q"], "2025-03-01T10:00:00Z");
    git(dir, &["add", "."], "2025-03-01T10:00:00Z");
    git(
        dir,
        &["commit", "-q", "-m", "first"],
        "2025-03-01T10:00:00Z",
    );
    let refunds = dir.join("guide/billing/refunds.md");
    let text = read(&refunds);
    write(
        dir,
        "guide/billing/refunds.md",
        &format!("{text}\nOne more line.\n"),
    );
    git(
        dir,
        &["commit", "-q", "-am", "second"],
        "2025-10-20T23:30:00Z",
    );
    build(dir, &[]);
    assert_contains(
        &site(dir, "billing/refunds.html"),
        r#"Last changed <time datetime="2025-10-20">20 October 2025</time>."#,
    );
    assert_contains(
        &site(dir, "calls/hold.html"),
        r#"Last changed <time datetime="2025-03-01">1 March 2025</time>."#,
    );
    // `[build] git-dates = false` leaves them out.
    let run = carebook_env(&["build"], dir, &[("CAREBOOK_BUILD__GIT_DATES", "false")]);
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(!site(dir, "billing/refunds.html").contains("Last changed"));
}

#[test]
fn whats_new_lists_change_notes_newest_first() {
    let book = copy_fixture("review");
    build(book.path(), &[]);
    let page = site(book.path(), "whats-new.html");
    let order: Vec<usize> = [
        "Refund window is now 30 days",
        "Explain the new tax line",
        "Screenshots of the new invoice layout",
        "New page on refunds",
    ]
    .iter()
    .map(|n| {
        page.find(n)
            .unwrap_or_else(|| panic!("{n} missing:\n{page}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert_contains(
        &page,
        r#"<span class="change-kind">New page:</span> <a href="billing/refunds.html">Refunds</a>"#,
    );
    // Notes of the same day come in reading order: Refunds is before Invoices.
    // Without base-url there is no feed, and the page does not offer one.
    assert!(!book.path().join("site/feed.xml").exists());
    assert!(!page.contains("feed.xml"));
    assert_contains(
        &site(book.path(), "index.html"),
        r#"<a href="whats-new.html">What’s new</a>"#,
    );
    // The desk card of a changed page says when.
    let cards = site(book.path(), "checklists/part-billing.html");
    assert_contains(
        &cards,
        r#"Billing · Updated <time datetime="2025-11-02">2 November 2025</time>"#,
    );
    let calls = site(book.path(), "checklists/part-calls.html");
    assert!(!calls.contains("Updated"));
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children()
        .find(|c| c.tag_name().name() == name && c.tag_name().namespace() == Some(ATOM))
}

fn text(n: roxmltree::Node<'_, '_>, name: &str) -> String {
    child(n, name)
        .and_then(|c| c.text())
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("<{name}> missing or empty in <{}>", n.tag_name().name()))
}

/// Checks the elements Atom requires and returns the entries' ids.
fn atom(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("feed.xml is well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    let is_date = |s: &str| s.len() == 20 && s.ends_with("T00:00:00Z");
    assert_eq!(text(feed, "id"), "https://help.example.com/kb/feed.xml");
    assert!(!text(feed, "title").is_empty());
    assert_eq!(text(feed, "updated"), "2025-11-02T00:00:00Z");
    let author = child(feed, "author").expect("feed author");
    assert_eq!(text(author, "name"), "Support Operations");
    let mut ids = Vec::new();
    for entry in feed.children().filter(|c| c.tag_name().name() == "entry") {
        let id = text(entry, "id");
        assert!(id.starts_with("https://help.example.com/kb/"), "{id}");
        assert!(!text(entry, "title").is_empty());
        assert!(is_date(&text(entry, "updated")));
        let link = child(entry, "link").expect("entry link");
        let href = link.attribute("href").expect("link href");
        assert!(
            href.starts_with("https://help.example.com/kb/billing/"),
            "{href}"
        );
        ids.push(id);
    }
    ids
}

#[test]
fn the_atom_feed_is_valid_and_its_ids_are_stable() {
    let book = copy_fixture("review");
    build(book.path(), &["--base-url", "https://help.example.com/kb"]);
    let xml = site(book.path(), "feed.xml");
    let ids = atom(&xml);
    assert_eq!(ids.len(), 4);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4, "ids must be unique: {ids:?}");
    assert_eq!(
        ids[0],
        "https://help.example.com/kb/billing/refunds.html#change-2025-11-02"
    );
    assert!(ids.contains(
        &"https://help.example.com/kb/billing/invoices.html#change-2025-11-02-2".to_owned()
    ));
    // The page offers the feed, in its head too.
    let page = site(book.path(), "whats-new.html");
    assert_contains(
        &page,
        r#"<link rel="alternate" type="application/atom+xml" href="feed.xml""#,
    );

    // A rebuild, with an unrelated page edited, gives the same ids and the same feed.
    let welcome = read(&book.path().join("guide/calls/welcome.md"));
    write(
        book.path(),
        "guide/calls/welcome.md",
        &format!("{welcome}\nMore text.\n"),
    );
    build(book.path(), &["--base-url", "https://help.example.com/kb"]);
    let again = site(book.path(), "feed.xml");
    assert_eq!(atom(&again), ids);
    assert_eq!(again, xml);
}

#[test]
fn edit_link_and_feedback_line() {
    let book = copy_fixture("review");
    build(book.path(), &[]);
    let page = site(book.path(), "billing/refunds.html");
    assert_contains(
        &page,
        r#"<a class="edit-link" href="https://git.example.com/handbook/edit/main/guide/billing/refunds.md">Edit this page</a>"#,
    );
    assert_contains(&page, "Something wrong or missing? <a href=\"mailto:handbook@example.com?subject=Handbook%3A%20Refunds%20%28guide%2Fbilling%2Frefunds.md%29\">Tell Billing team</a>");

    // A form instead of mail, with the page's path and title filled in.
    let toml = read(&book.path().join("book.toml")).replace(
        "email = \"handbook@example.com\"",
        "url = \"https://forms.example.com/?page={path}&title={title}\"",
    );
    write(book.path(), "book.toml", &toml);
    build(book.path(), &[]);
    let page = site(book.path(), "calls/hold.html");
    assert_contains(
        &page,
        r#"href="https://forms.example.com/?page=guide/calls/hold.md&amp;title=Putting%20a%20call%20on%20hold">Tell Support Operations</a>"#,
    );

    // Both are off by default.
    let plain = copy_fixture("good");
    build(plain.path(), &[]);
    for f in html_files(&plain.path().join("site")) {
        let html = read(&plain.path().join("site").join(&f));
        assert!(
            !html.contains("Edit this page") && !html.contains("Something wrong"),
            "{}",
            f.display()
        );
    }
}

/// Each mistake in the new settings and fields is reported where it is, with a fix.
#[test]
fn mistakes_are_located_and_explained() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "guide/calls/hold.md",
            "reviewed: 2024-06-01",
            "reviewed: 2024-13-01",
            "guide/calls/hold.md:6:11: error: `reviewed` must be a date written YYYY-MM-DD, found `2024-13-01`",
            "help: for example reviewed: 2025-11-23",
        ),
        (
            "guide/calls/hold.md",
            "review-every: 2 years",
            "review-every: two years",
            "guide/calls/hold.md:7:15: error: `review-every` must be a period, found `two years`",
            "\"180 days\", \"26 weeks\", \"6 months\"",
        ),
        (
            "guide/billing/_part.yaml",
            "review-every: 90 days",
            "review-every: 90 dayz",
            "guide/billing/_part.yaml:5:15: error: `review-every` must be a period, found `90 dayz`",
            "help: write a number and a unit",
        ),
        (
            "guide/billing/refunds.md",
            "  - date: 2025-11-02",
            "  - date: 02/11/2025",
            "guide/billing/refunds.md:7:11: error: `date` must be a date written YYYY-MM-DD, found `02/11/2025`",
            "help: for example date:",
        ),
        (
            "book.toml",
            "every = \"180 days\"",
            "every = \"half a year\"",
            "book.toml:10:9: error: `every` under [review] must be a period, found `half a year`",
            "help: write a number and a unit",
        ),
        (
            "book.toml",
            "edit-url = \"https://git.example.com/handbook/edit/main/{path}\"",
            "edit-url = \"https://git.example.com/handbook/edit/main/\"",
            "book.toml:6:12: error: `edit-url` must contain `{path}`",
            "help: for example edit-url",
        ),
        (
            "book.toml",
            "email = \"handbook@example.com\"",
            "email = \"handbook@example.com\"\nurl = \"https://forms.example.com/\"",
            "book.toml:14:7: error: [feedback] takes `email` or `url`, not both",
            "help: keep the one",
        ),
    ];
    for (file, from, to, expected, hint) in cases {
        let book = copy_fixture("review");
        let text = read(&book.path().join(file));
        assert!(text.contains(from), "{file} lacks {from}");
        write(book.path(), file, &text.replacen(from, to, 1));
        let run = carebook(&["build"], book.path());
        assert_ne!(run.code, 0, "{to}: the build should fail");
        assert_contains(&run.problems, expected);
        assert_contains(&run.problems, hint);
    }
}

/// review.html and whats-new.html are carebook's own pages only when the book has them.
#[test]
fn a_chapter_cannot_take_over_the_review_report() {
    let book = copy_fixture("review");
    write(
        book.path(),
        "guide/review.md",
        "---\ntitle: Reviewing calls\nsummary: Listen back.\nowner: QA\nreviewed: 2025-11-01\n---\n\nText.\n",
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert_contains(
        &run.problems,
        "guide/review.md:2:1: error: this chapter's page would replace the review report",
    );
    // Without the report, the name is free.
    let toml = read(&book.path().join("book.toml"));
    write(
        book.path(),
        "book.toml",
        &toml.replace("every = \"180 days\"", "every = \"180 days\"\npage = false"),
    );
    build(book.path(), &[]);
    assert_contains(&site(book.path(), "review.html"), "Reviewing calls");
}
