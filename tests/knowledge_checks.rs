//! Knowledge checks end to end: tests/fixtures/knowledge-checks builds a form on each
//! chapter page, a worksheet in print.html and the pack's handout, and the answer key on
//! the trainer's sheet; tests/fixtures/knowledge-checks-broken has one chapter per mistake
//! and each is reported at its file:line:col with a hint.

mod common;

use std::io::Read;
use std::path::Path;

use common::{assert_contains, build_ok, carebook, copy_fixture, read, write};

fn built() -> tempfile::TempDir {
    let book = copy_fixture("knowledge-checks");
    build_ok(book.path());
    book
}

/// The part of `html` from `start` to the next `end` after it.
fn between<'h>(html: &'h str, start: &str, end: &str) -> &'h str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start} not in page"));
    let rest = &html[from..];
    &rest[..rest.find(end).map_or(rest.len(), |i| i + end.len())]
}

#[test]
fn the_chapter_page_has_the_check_as_a_form_and_the_checklist_keeps_only_its_own_items() {
    let book = built();
    let page = read(&book.path().join("site/calls/summing-up.html"));
    let form = between(&page, "<section class=\"knowledge-check\"", "</section>");
    assert_eq!(form.matches("<fieldset>").count(), 3);
    assert_eq!(
        form.matches("type=\"radio\"").count(),
        5,
        "single and true/false"
    );
    assert_eq!(
        form.matches("type=\"checkbox\"").count(),
        3,
        "multiple answers"
    );
    assert_contains(form, "Choose all that apply.");
    assert_contains(
        form,
        "class=\"kc-explanation\" hidden><p>Summing up proves you listened",
    );
    assert_contains(
        form,
        "<h2 id=\"check-your-understanding\">Check your understanding</h2>",
    );
    assert_contains(&page, "assets/checks.js");
    let body = between(&page, "<div class=\"chapter-body\">", "</div>");
    assert!(
        !body.contains("refund policy"),
        "options are not chapter text"
    );
    assert_eq!(
        body.matches("class=\"task-box\"").count(),
        3,
        "the checklist's own boxes"
    );
    assert_contains(&page, "href=\"#check-your-understanding\"");

    let cards = read(&book.path().join("site/checklists/index.html"));
    assert!(!cards.contains("refund policy") && !cards.contains("I see"));
    assert_contains(&cards, "Sum up the problem in your own words.");
}

#[test]
fn print_html_has_worksheets_unless_book_toml_leaves_them_out() {
    let book = built();
    let print = read(&book.path().join("site/print.html"));
    let sheet = between(
        &print,
        "<section class=\"knowledge-check kc-worksheet\"",
        "</section>",
    );
    assert_contains(sheet, "id=\"summing-up--check-your-understanding\"");
    assert_contains(sheet, "<h3 ");
    assert_contains(sheet, "class=\"kc-box\"");
    assert!(!sheet.contains("data-correct") && !sheet.contains("<input"));
    assert!(!sheet.contains("Summing up proves"), "no explanations");
    assert_contains(&print, "class=\"kc-print-toggle\" checked");

    let toml = read(&book.path().join("book.toml"));
    write(
        book.path(),
        "book.toml",
        &format!("{toml}\n[print]\nknowledge-checks = false\n"),
    );
    build_ok(book.path());
    let print = read(&book.path().join("site/print.html"));
    assert!(!print.contains("kc-worksheet") && !print.contains("kc-print-toggle"));
}

#[test]
fn the_handout_is_a_worksheet_and_the_trainer_sheet_has_the_key() {
    let book = built();
    let pack = book.path().join("site/packs/phone-basics");
    let handout = read(&pack.join("handout.html"));
    assert_eq!(
        handout
            .matches("class=\"knowledge-check kc-worksheet\"")
            .count(),
        2
    );
    assert_contains(&handout, "Read out the refund policy");
    for answer in [
        "data-correct",
        "kc-correct",
        "Summing up proves",
        "Coming back on time",
    ] {
        assert!(!handout.contains(answer), "the handout gives away {answer}");
    }
    let trainer = read(&pack.join("trainer.html"));
    let key = between(
        &trainer,
        "<section class=\"knowledge-check kc-key\"",
        "</section>",
    );
    assert_contains(key, "Answer key: Check your understanding");
    assert_contains(key, "<li class=\"kc-correct\"><strong><span aria-hidden=\"true\">✓ </span>Right:</strong> Sum up what you heard");
    assert_contains(
        key,
        "<span class=\"kc-wrong-label\">Wrong:</span> Read out the refund policy",
    );
    assert_contains(key, "Summing up proves you listened");
    assert_eq!(
        trainer.matches("class=\"knowledge-check kc-key\"").count(),
        2
    );
}

#[test]
fn the_scorm_package_knows_the_questions_and_mastery_and_carries_the_schemas() {
    let book = built();
    let pack = book.path().join("site/packs/phone-basics");
    let launcher = read(&pack.join("scorm.html"));
    assert_contains(&launcher, "data-pages=\"summing-up.html holding.html wrap-up.html\" data-questions=\"3 2 0\" data-mastery=\"80\"");
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(pack.join("phone-basics-scorm12.zip")).unwrap())
            .unwrap();
    let mut manifest = String::new();
    zip.by_name("imsmanifest.xml")
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    for xsd in [
        "imscp_rootv1p1p2.xsd",
        "imsmd_rootv1p2p1.xsd",
        "adlcp_rootv1p2.xsd",
        "ims_xml.xsd",
    ] {
        let mut text = String::new();
        zip.by_name(xsd)
            .unwrap_or_else(|_| panic!("{xsd} missing"))
            .read_to_string(&mut text)
            .unwrap();
        assert!(text.contains("<xsd:schema"), "{xsd} is a schema");
        if xsd != "ims_xml.xsd" {
            assert_contains(&manifest, xsd);
        }
    }
}

#[test]
fn mastery_must_be_a_percentage() {
    let book = copy_fixture("knowledge-checks");
    let toml = read(&book.path().join("book.toml")).replace("mastery = 80", "mastery = 120");
    write(book.path(), "book.toml", &toml);
    let run = carebook(&["build"], book.path());
    assert_ne!(run.code, 0);
    assert_contains(
        &run.problems,
        "book.toml:7:11: error: `mastery = 120` is not a percentage",
    );
}

#[test]
fn check_suggests_a_knowledge_check_for_pack_chapters_without_one() {
    let book = copy_fixture("knowledge-checks");
    let run = carebook(&["check", "--format", "line"], book.path());
    assert_eq!(run.code, 0, "a suggestion does not fail the check");
    assert_contains(&run.stdout, "guide/calls/wrap-up.md:10:1: suggestion[knowledge-check]: this chapter is in the course pack `phone-basics` but has no knowledge check");
    assert_eq!(run.stdout.matches("knowledge-check").count(), 1);
}

#[test]
fn every_mistake_is_located_with_a_hint() {
    let book = copy_fixture("knowledge-checks-broken");
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1);
    let expected = [
        ("empty-question.md:7:1", "this question has no text"),
        ("extra-text.md:7:1", "only the list of questions belongs in the knowledge check"),
        ("no-answer.md:8:4", "no option of this question is ticked as correct"),
        ("no-options.md:7:1", "this question has no options"),
        ("not-last.md:11:1", "this section comes after the knowledge check (`## Quiz`), which must be the chapter's last section"),
        ("one-option.md:9:4", "a question needs at least two options; this one has 1"),
        ("stray-option.md:7:3", "this option is not inside a question"),
    ];
    for (at, message) in expected {
        assert_contains(
            &run.problems,
            &format!("guide/{at}: error: {message}\n  help: "),
        );
    }
    assert_contains(&run.problems, "build failed: 7 errors, 0 warnings");
    assert!(!Path::new(&book.path().join("site")).exists());
}
