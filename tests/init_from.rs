//! `carebook init --from DIR`: a team's existing handbook folder gets a book.toml beside
//! it, a report of what the build will find, and not one byte of the folder changes.
//! The folders are the fixtures' `guide/`, copied without their book.toml.

mod common;

use std::path::Path;

use common::*;

/// A temporary folder holding only `fixture`'s pages, as `handbook/`.
fn handbook(fixture: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &common::fixture(fixture).join("guide"),
        &tmp.path().join("handbook"),
    );
    tmp
}

/// Every file under `dir` with its bytes: compared before and after, byte for byte.
fn files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let files = snapshot(dir);
    assert!(!files.is_empty(), "{} has files", dir.display());
    files
}

#[test]
fn nested_handbook_report_counts_tags_and_unresolved_links() {
    let tmp = handbook("nested-handbook");
    let root = tmp.path();
    let before = files(&root.join("handbook"));
    let run = carebook(&["init", "--from", "handbook"], root);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    for line in [
        "Read handbook/ the way `carebook build` will:",
        "  Sections   all 52 have a page of their own (README.md, index.md or _index.md)",
        "  Pages      248 pages in 52 sections (folders), 7 levels deep at departments/engineering/platform/guides/daily-work/handovers/checklists",
        "  Home page  the text of handbook/index.md",
        "  Titles     149 from front matter, 50 from the first heading, 49 from the file name",
        "  Title      “Company handbook”, from handbook/index.md",
        "  weight       100 pages  read as `order`",
        "  description  50 pages   read as `summary`",
        "  layout       50 pages   not read; kept for themes as chapter.extra.layout",
        "Tags in use: 5, declared in book.toml as your list of topics:",
        "  tools    5 pages",
        "  company  1 page",
        "Links that lead nowhere: 3 (book.toml says broken-links = \"warn\" until they are fixed):",
        "  handbook/departments/people/learning/faq.md:18:21: the link `../courses/` points to a file that does not exist (`departments/people/courses`)",
        "  handbook/departments/sales/faq.md:19:26: the link `old-pricing.md` points to a chapter that does not exist (`departments/sales/old-pricing.md`)",
        "  handbook/policies/travel.md:16:19: the link `expenses.md#booking-rules` points to a heading `#booking-rules` that is not in `policies/expenses.md`",
        "Wrote book.toml. Nothing in handbook/ was changed.",
        "  carebook build   write the website into site/",
    ] {
        assert!(
            out.lines().any(|l| l == line),
            "missing line {line:?} in:\n{out}"
        );
    }
    let toml = read(&root.join("book.toml"));
    assert_contains(&toml, "title = \"Company handbook\"");
    assert_contains(&toml, "source = \"handbook\"");
    assert_contains(&toml, "broken-links = \"warn\"");
    assert_contains(&toml, "[tags.policy]\nlabel = \"policy\"  # on 3 pages");
    assert_eq!(
        before,
        files(&root.join("handbook")),
        "init changed the folder"
    );

    // The settings load, and the book builds as init said: with the three links as
    // warnings, no error.
    let built = build_ok(root);
    assert_contains(&built.stdout, "Built 248 chapters");
    assert_contains(
        &built.problems,
        "handbook/departments/sales/faq.md:19:26: warning: the link `old-pricing.md` points to a chapter that does not exist",
    );
    assert!(root.join("site/tags/policy.html").is_file());
    assert_eq!(
        before,
        files(&root.join("handbook")),
        "the build changed the folder"
    );
}

#[test]
fn foreign_handbook_tags_are_declared_as_written_and_still_build() {
    let tmp = handbook("foreign-handbook");
    let root = tmp.path();
    let before = files(&root.join("handbook"));
    let run = carebook(&["init", "--from", "handbook/"], root);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    insta::assert_snapshot!("init_from_foreign_report", run.stdout);
    let toml = read(&root.join("book.toml"));
    insta::assert_snapshot!("init_from_foreign_book_toml", toml);
    // No link is broken, so broken links stay errors.
    assert!(!toml.contains("broken-links"), "{toml}");
    assert_eq!(before, files(&root.join("handbook")));

    // `tags: [Onboarding, Customer Support]` meets `[tags.customer-support]`: the
    // pages build unchanged, and each tag has its page.
    let built = build_ok(root);
    assert_contains(&built.stdout, "Built 5 chapters");
    let tag_page = read(&root.join("site/tags/customer-support.html"));
    assert_contains(&tag_page, "Customer Support");
    assert_contains(&tag_page, "Your first week");
    assert_eq!(before, files(&root.join("handbook")));

    // The list is now the vocabulary: a misspelt tag is an error, not a new topic.
    write(
        root,
        "handbook/team/shifts.md",
        "---\ntags: [Custmer Support]\n---\n# Shifts\n\nWho covers when.\n",
    );
    let run = carebook(&["build"], root);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.problems,
        "handbook/team/shifts.md:2:8: error: unknown tag `Custmer Support`; tags must be declared in book.toml",
    );
}

#[test]
fn json_report_for_scripts() {
    let tmp = handbook("nested-handbook");
    let run = carebook(
        &["init", "--from", "handbook", "--format", "json"],
        tmp.path(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect(&run.stdout);
    assert_eq!(v["pages"], 248);
    assert_eq!(v["sections"], 52);
    assert_eq!(v["deepest"]["depth"], 7);
    assert_eq!(v["source"], "handbook");
    assert_eq!(v["tags"].as_array().unwrap().len(), 5);
    let links = v["unresolved_links"].as_array().unwrap();
    assert_eq!(links.len(), 3);
    assert_eq!(links[1]["file"], "handbook/departments/sales/faq.md");
    assert_eq!(links[1]["line"], 19);
    assert_eq!(links[1]["column"], 26);
    assert_eq!(v["errors"].as_array().unwrap().len(), 0);
    let weight = v["front_matter_keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["key"] == "weight")
        .expect("weight is listed");
    assert_eq!(weight["pages"], 100);
    assert_eq!(weight["read"], 100);
}

#[test]
fn many_broken_links_are_summed_up_and_verbose_lists_them_all() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let links: String = (1..=23)
        .map(|i| format!("See [old page {i}](old-{i}.md).\n\n"))
        .collect();
    write(
        root,
        "handbook/moved.md",
        &format!("# Moved pages\n\n{links}"),
    );
    let run = carebook(&["init", "--from", "handbook"], root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stdout, "Links that lead nowhere: 23 ");
    assert_contains(&run.stdout, "handbook/moved.md:41:19: the link `old-20.md`");
    assert!(!run.stdout.contains("old-21.md"), "{}", run.stdout);
    assert_contains(
        &run.stdout,
        "  … and 3 more; `carebook check` lists every one",
    );
    assert_contains(&run.stdout, "Front matter: none;");
    assert_contains(&run.stdout, "Tags: none in use.");
    assert_contains(
        &read(&root.join("book.toml")),
        "# 23 links in your pages lead nowhere",
    );

    std::fs::remove_file(root.join("book.toml")).unwrap();
    let run = carebook(&["init", "--from", "handbook", "--verbose"], root);
    assert_contains(&run.stdout, "handbook/moved.md:45:19: the link `old-22.md`");
    assert!(!run.stdout.contains("more;"), "{}", run.stdout);
    build_ok(root);
}

#[test]
fn problems_that_stop_the_build_are_shown_and_book_toml_is_still_written() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "handbook/calls.md",
        "---\ntittle: Calls\n---\nText.\n",
    );
    write(
        root,
        "handbook/later.md",
        "---\ndraft: true\n---\n# Not yet\n",
    );
    let run = carebook(&["init", "--from", "handbook"], root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &run.stdout,
        "`carebook build` will stop on 1 problem in the pages until it is fixed (below); then run:",
    );
    assert_contains(
        &run.problems,
        "handbook/calls.md:2:1: error: invalid front matter: unknown field `tittle`",
    );
    assert_contains(
        &run.stdout,
        "             and 1 draft (draft: true), left out of the site\n",
    );
    assert!(root.join("book.toml").is_file());
    assert_eq!(carebook(&["build"], root).code, 1);
}

#[test]
fn an_existing_book_toml_is_never_replaced() {
    let tmp = handbook("foreign-handbook");
    let root = tmp.path();
    write(root, "book.toml", "title = \"Ours\"\n");
    let run = carebook(&["init", "--from", "handbook"], root);
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        "`book.toml` already exists; nothing was changed",
    );
    assert_eq!(read(&root.join("book.toml")), "title = \"Ours\"\n");
}

#[test]
fn a_missing_folder_a_file_and_an_empty_folder_are_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let run = carebook(&["init", "--from", "handbok"], root);
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        "`handbok` does not exist; give the folder that holds your handbook's Markdown pages",
    );
    write(root, "notes.md", "# Notes\n");
    let run = carebook(&["init", "--from", "notes.md"], root);
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "`notes.md` is a file, not a folder");
    std::fs::create_dir_all(root.join("empty/images")).unwrap();
    write(root, "empty/images/logo.svg", "<svg/>");
    write(root, "empty/README.md", "# Our handbook\n");
    let run = carebook(&["init", "--from", "empty"], root);
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "found no pages in `empty`");
    assert_contains(&run.stderr, "nothing was written");
    assert!(!root.join("book.toml").exists());
}

#[test]
fn book_toml_goes_beside_the_folder_never_inside_it() {
    let tmp = handbook("foreign-handbook");
    let root = tmp.path();
    let before = files(&root.join("handbook"));
    let run = carebook(&["init", "--from", "."], &root.join("handbook"));
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        "Run it in the folder above instead: `cd ..` then `carebook init --from handbook`",
    );
    assert_eq!(before, files(&root.join("handbook")));

    // A book folder elsewhere names the pages' folder relative to itself.
    let run = carebook(&["init", "site-book", "--from", "handbook"], root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &read(&root.join("site-book/book.toml")),
        "source = \"../handbook\"",
    );
    assert_contains(&run.stdout, "Wrote site-book/book.toml.");
    assert_contains(
        &run.stdout,
        "  carebook build site-book   write the website into site-book/site/",
    );
    build_ok(&root.join("site-book"));
    assert_eq!(before, files(&root.join("handbook")));
}

#[test]
fn format_and_verbose_need_from() {
    let tmp = tempfile::tempdir().unwrap();
    let run = carebook(&["init", "--format", "json"], tmp.path());
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "--from");
    assert!(!tmp.path().join("book.toml").exists());
}

#[test]
fn audiences_in_use_are_declared_so_the_pages_build_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "handbook/calls.md",
        "---\naudience: [new-hire, team-lead]\n---\n# Calls\n\nPick up by the third ring.\n",
    );
    write(
        root,
        "handbook/chat.md",
        "---\naudience: new-hire\n---\n# Chat\n\nOne question per message.\n",
    );
    let run = carebook(&["init", "--from", "handbook"], root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &run.stdout,
        "Audiences in use: 2, declared in book.toml:\n  new-hire   2 pages\n  team-lead  1 page\n",
    );
    assert_contains(
        &read(&root.join("book.toml")),
        "[audiences.new-hire]\nlabel = \"New hire\"  # on 2 pages\n",
    );
    build_ok(root);
    assert!(root.join("site/audiences/team-lead.html").is_file());
}
