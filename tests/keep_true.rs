//! Keeping the handbook true (issue 19): callouts, facts stated once, shared passages
//! pulled in with `{{#include}}`, and old addresses that keep working. The `keep-true`
//! fixture uses each of them; `keep-true-broken` makes every mistake an author can.

mod common;

use common::*;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let book = copy_fixture("keep-true");
    build_ok(book.path());
    let site = book.path().join("site");
    (book, site)
}

#[test]
fn alerts_render_as_labelled_callouts_and_unknown_kinds_stay_quotes() {
    let (_book, site) = built();
    let page = read(&site.join("security/account-changes.html"));
    for (class, word) in [
        ("note", "Note"),
        ("tip", "Tip"),
        ("important", "Important"),
        ("warning", "Warning"),
        ("caution", "Caution"),
    ] {
        assert_contains(
            &page,
            &format!(
                "<aside class=\"callout callout-{class}\" role=\"note\" aria-label=\"{word}\">"
            ),
        );
    }
    assert_contains(&page, "aria-hidden=\"true\" focusable=\"false\"");
    assert_contains(&page, "<blockquote>\n<p>[!UNKNOWN]");
    assert!(
        !page.contains("[!WARNING]"),
        "the marker itself is not shown"
    );
}

#[test]
fn warnings_and_cautions_in_the_checklist_section_print_on_the_desk_card() {
    let (_book, site) = built();
    let cards = read(&site.join("checklists/part-security.html"));
    let card = cards
        .split("id=\"card-account-changes\"")
        .nth(1)
        .and_then(|c| c.split("</article>").next())
        .expect("the chapter's card");
    assert_contains(
        card,
        "class=\"card-callout callout-warning\" role=\"note\" aria-label=\"Warning\"",
    );
    assert_contains(card, "Never promise a refund outside 30 days.");
    assert_contains(card, "class=\"card-callout callout-caution\"");
    assert_contains(card, "Never read a full card number aloud.");
    assert!(
        !card.contains("not on the card"),
        "a warning after the checklist stays in the chapter"
    );
    assert!(
        !card.contains("Tips help"),
        "notes and tips stay in the chapter"
    );
}

#[test]
fn facts_are_stated_once_and_used_everywhere_but_in_code() {
    let (_book, site) = built();
    let page = read(&site.join("security/account-changes.html"));
    assert_contains(&page, "<p>Customers can get a refund within 30 days.</p>");
    assert_contains(
        &page,
        "<p class=\"lede\">Refunds within 30 days, after an identity check.</p>",
    );
    assert_contains(&page, "<code>{{ fact.refund-window }}</code>");
    assert_contains(&page, "<pre><code>{{ fact.refund-window }}\n</code></pre>");
    assert_contains(&page, "aria-label=\"Quote the window: 30 days.\"");
    let cards = read(&site.join("checklists/part-security.html"));
    assert_contains(&cards, "Before you change an account (call 0800 123 456)");
    assert_contains(&cards, "Quote the window: 30 days.");
    let facts = read(&site.join("facts.html"));
    assert_contains(&facts, "<h1>Set these for your team</h1>");
    assert_contains(
        &facts,
        "<th scope=\"row\"><code>refund-window</code></th>\n      <td>30 days</td>",
    );
    assert_contains(
        &facts,
        "<a href=\"security/account-changes.html\">Account changes</a>",
    );
    assert_contains(
        &facts,
        "<td>not used anywhere</td>\n      <td>Not used yet</td>",
    );
    let home = read(&site.join("index.html"));
    assert_contains(&home, "<a href=\"facts.html\">Facts for your team</a>");
    let search = walkdir::WalkDir::new(site.join("search"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect::<String>();
    assert_contains(&search, "30 days");
}

#[test]
fn includes_pull_in_whole_snippets_and_anchored_parts() {
    let (_book, site) = built();
    let page = read(&site.join("security/account-changes.html"));
    assert_contains(&page, "<aside class=\"callout callout-important\"");
    assert_contains(&page, "two of the security answers.</p>\n</aside>");
    assert!(
        !page.contains("ANCHOR"),
        "anchor markers are never included"
    );
    let calm = read(&site.join("calm/calming-callers.html"));
    assert_contains(
        &calm,
        "<p>Before anything else: Ask for the account number and two security answers.</p>",
    );
    assert!(
        !calm.contains("callout-important"),
        "`:short` takes only the anchored lines"
    );
}

#[test]
fn aliases_and_redirects_write_relative_redirect_pages() {
    let (_book, site) = built();
    for (from, to, title) in [
        // `aliases: [changing-accounts]`: an old name in the chapter's own folder.
        (
            "security/changing-accounts.html",
            "account-changes.html",
            "Account changes",
        ),
        // `aliases: [/calming.html]`: an old address from the top of the site.
        (
            "calming.html",
            "calm/calming-callers.html",
            "Calming callers",
        ),
        // `"stress/" = "calm/"`: every page of the renamed folder, by the same name.
        (
            "stress/calming-callers.html",
            "../calm/calming-callers.html",
            "Calming callers",
        ),
        ("stress/index.html", "../calm/index.html", "Calm"),
        // `"old-refunds.html" = "security/account-changes.html"`: one page.
        (
            "old-refunds.html",
            "security/account-changes.html",
            "Account changes",
        ),
    ] {
        let page = read(&site.join(from));
        assert_contains(
            &page,
            &format!("<meta http-equiv=\"refresh\" content=\"0; url={to}\">"),
        );
        assert_contains(&page, &format!("<link rel=\"canonical\" href=\"{to}\">"));
        assert_contains(&page, &format!("<a href=\"{to}\">{title}</a>"));
        assert_contains(
            &page,
            &format!("location.replace(\"{to}\" + location.hash)"),
        );
    }
}

const BROKEN: &[&str] = &[
    "book.toml:14:14: error: no page of the site is in `calmm/`",
    "book.toml:18:1: error: `security/changing-accounts.html` is already an alias of",
    "guide/security/account-changes.md:2:25: error: unknown fact `refund-windw` in `{{ fact.refund-windw }}`\n  help: did you mean `{{ fact.refund-window }}`?",
    "guide/security/account-changes.md:8:11: error: the alias `other` (`security/other.html`) would replace the chapter “Other” (`security/other.html`)",
    "guide/security/account-changes.md:8:18: error: the alias `security/index.html` (`security/index.html`) would replace the page of the part “Security”",
    "guide/security/account-changes.md:11:8: error: unknown fact `refund-windo`",
    "guide/security/account-changes.md:11:36: error: `{{ refund-window }}` is not a fact: expected `{{ fact.name }}`, with a name from [facts] in book.toml\n  help: did you mean `{{ fact.refund-window }}`?",
    "guide/security/account-changes.md:13:1: error: the included file has no anchor `shortt`\n  help: did you mean `:short`?",
    "guide/security/account-changes.md:15:1: error: the included file `../../snippets/verify-identiy.md` does not exist",
    "help: did you mean `{{#include ../../snippets/verify-identity.md}}`?",
    "guide/security/account-changes.md:19:22: error: the link `nowhere.md` points to a chapter that does not exist",
    "guide/security/account-changes.md:21:3: warning: `[!WARN]` is not a callout kind, so this shows as a plain quote\n  help: did you mean `[!WARNING]`?",
    "guide/security/third.md:8:11: error: the alias `changing-accounts` (`security/changing-accounts.html`) is already an alias of",
    // Problems in included text are reported in the included file, at its own line.
    "snippets/bad-link.md:3:24: error: the link `missing.md` points to a chapter that does not exist",
    "snippets/bad-link.md:3:40: error: unknown fact `nope`",
    "snippets/loop-b.md:2:1: error: including `loop-a.md` here would go round in a circle: ",
];

#[test]
fn every_mistake_is_located_with_a_fix() {
    let book = copy_fixture("keep-true-broken");
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    for line in BROKEN {
        assert_contains(&run.problems, line);
    }
    assert_contains(
        &run.problems,
        "guide/security/account-changes.md → snippets/loop-a.md → snippets/loop-b.md → snippets/loop-a.md",
    );
    assert_contains(&run.problems, "build failed: 14 errors, 1 warning");
    let check = carebook(&["check", "--format", "line"], book.path());
    assert_eq!(check.code, 1, "{}", check.stdout);
    for place in [
        "guide/security/account-changes.md:2:25:",
        "guide/security/account-changes.md:21:3: warning[build]: `[!WARN]` is not a callout kind",
        "guide/security/third.md:8:11:",
        "snippets/bad-link.md:3:40:",
        "snippets/loop-b.md:2:1:",
        "book.toml:14:14:",
    ] {
        assert_contains(&check.stdout, place);
    }
}

#[test]
fn fact_names_in_book_toml_are_checked() {
    let book = copy_fixture("keep-true");
    let toml = read(&book.path().join("book.toml"));
    write(
        book.path(),
        "book.toml",
        &toml.replace(
            "unused-fact = \"not used anywhere\"",
            "\"bad name\" = \"x\"",
        ),
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_contains(
        &run.problems,
        "book.toml:10:1: error: the fact name `bad name` can only use letters, digits, `-` and `_`",
    );
}
