//! Snapshots of what users see: the shipped handbook's key pages and every kind of
//! diagnostic in each format. They pin today's output so that refactoring (the
//! pipeline redesign) can prove it changed nothing, and so that an intended change
//! shows up as a reviewable diff in `tests/snapshots/`.
//!
//! After an intended change: `INSTA_UPDATE=always cargo test --test snapshots`, then
//! review the diff of `tests/snapshots/` before committing.

mod common;

use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use common::*;

/// The shipped handbook, built once for all page snapshots (with a fixed date).
fn handbook_site() -> &'static Path {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = tempfile::tempdir().expect("temp dir");
        let root = env!("CARGO_MANIFEST_DIR");
        let dest = out.path().join("site");
        // Git history dates would change with every commit: leave them out.
        let run = carebook_env(
            &["build", root, "--out", dest.to_str().unwrap()],
            out.path(),
            &[("CAREBOOK_BUILD__GIT_DATES", "false")],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        out
    })
    .path()
}

fn page(rel: &str) -> String {
    read(&handbook_site().join("site").join(rel))
}

macro_rules! page_snapshot {
    ($name:ident, $rel:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(page($rel));
        }
    };
}

page_snapshot!(home_page, "index.html");
page_snapshot!(chapter_page, "stress/de-escalation.html");
page_snapshot!(part_page, "stress/index.html");
page_snapshot!(tag_page, "tags/culture.html");
page_snapshot!(audience_page, "audiences/trainer.html");
page_snapshot!(card_page, "checklists/part-stress.html");
page_snapshot!(card_tag_page, "checklists/tag-stress.html");
page_snapshot!(pack_home, "packs/calm-under-pressure/index.html");
page_snapshot!(pack_chapter, "packs/calm-under-pressure/de-escalation.html");
page_snapshot!(not_found_page, "404.html");

#[test]
fn print_page_head() {
    // The whole book is 270 KB; its cover, contents and first chapter show the structure.
    let print = page("print.html");
    let head: String = print.lines().take(200).collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!(head);
}

#[test]
fn scorm_manifest() {
    let zip =
        handbook_site().join("site/packs/calm-under-pressure/calm-under-pressure-scorm12.zip");
    let file = std::fs::File::open(zip).expect("the pack's SCORM zip exists");
    let mut archive = zip::ZipArchive::new(file).expect("a valid zip");
    let mut manifest = String::new();
    archive
        .by_name("imsmanifest.xml")
        .expect("the zip has a manifest")
        .read_to_string(&mut manifest)
        .unwrap();
    insta::assert_snapshot!(manifest);
}

/// One command's report: exit code, then stdout and stderr, with the book's temporary
/// folder written as `[BOOK]` so the snapshot does not depend on where it ran.
fn report(book: &Path, args: &[&str]) -> String {
    let run = carebook(args, book);
    let dir = book.to_string_lossy();
    format!(
        "exit: {}\n--- stdout ---\n{}--- stderr ---\n{}",
        run.code,
        run.stdout.replace(dir.as_ref(), "[BOOK]"),
        run.stderr.replace(dir.as_ref(), "[BOOK]")
    )
}

#[test]
fn diagnostics_build_broken_book() {
    let book = copy_fixture("broken");
    insta::assert_snapshot!(report(book.path(), &["build"]));
    // The same problems, the same type, in the formats for editors, scripts and CI.
    for format in ["line", "json", "github"] {
        insta::assert_snapshot!(
            format!("build_broken_{format}"),
            report(book.path(), &["build", "--format", format])
        );
    }
}

#[test]
fn diagnostics_pack_in_every_format() {
    let book = tempfile::tempdir().unwrap();
    write(
        book.path(),
        "book.toml",
        "title = \"T\"\n[tags.calm]\nlabel = \"Calm\"\n[packs.p]\ntitle = \"P\"\nchapters = [\"one\", \"nope\"]\n",
    );
    write(
        book.path(),
        "guide/part/one.md",
        "---\ntitle: One\nsummary: The first.\ntags: [calm, clam]\n---\n\nText.\n",
    );
    for format in ["human", "line", "json"] {
        insta::assert_snapshot!(
            format!("pack_errors_{format}"),
            report(book.path(), &["pack", "p", "--format", format])
        );
    }
}

#[test]
fn diagnostics_check_broken_book_in_every_format() {
    let book = copy_fixture("broken");
    for format in ["human", "line", "json"] {
        insta::assert_snapshot!(
            format!("check_broken_{format}"),
            report(book.path(), &["check", "--format", format])
        );
    }
}

#[test]
fn diagnostics_check_lint_book_in_every_format() {
    let book = copy_fixture("lint");
    for format in ["human", "line", "json", "github"] {
        insta::assert_snapshot!(
            format!("check_lint_{format}"),
            report(book.path(), &["check", "--format", format])
        );
    }
}

/// book.toml and pack mistakes: each case is a small book whose book.toml is `toml`.
#[test]
fn diagnostics_config_mistakes() {
    let cases = [
        ("missing_title", "description = \"x\"\n"),
        ("unknown_key", "title = \"T\"\ntitel = \"T\"\n"),
        (
            "wrong_type",
            "title = \"T\"\n[search]\nmax-results = \"ten\"\n",
        ),
        (
            "boost_wrong_type",
            "title = \"T\"\n[search.boost]\ntitle = \"high\"\n",
        ),
        ("bad_paper", "title = \"T\"\n[build]\npaper = \"a5\"\n"),
        ("toml_syntax", "title = \"T\n"),
        (
            "pack_unknown_chapter",
            "title = \"T\"\n[packs.p]\ntitle = \"P\"\nchapters = [\"nope\"]\n",
        ),
        (
            "pack_unknown_tag",
            "title = \"T\"\n[packs.p]\ntitle = \"P\"\nchapters = [{ tags = [\"nope\"] }]\n",
        ),
    ];
    for (name, toml) in cases {
        let book = tempfile::tempdir().unwrap();
        write(book.path(), "book.toml", toml);
        write(
            book.path(),
            "guide/part/one.md",
            "---\ntitle: One\nsummary: The first.\n---\n\nText.\n",
        );
        insta::assert_snapshot!(format!("config_{name}"), report(book.path(), &["build"]));
    }
}
