//! Links in and out of the site: percent-escapes in chapter links, folder names that
//! need escaping in URLs, links that leave a course pack, and raw HTML.

mod common;

use common::*;

#[test]
fn odd_percent_escapes_are_broken_links_not_crashes() {
    let book = copy_fixture("odd-escapes");
    let expected = [
        "guide/escapes.md:6:3: error: the link `%aé.md` points to a chapter that does not exist (`%aé.md`)",
        "guide/escapes.md:6:32: error: the link `#%aé` points to a heading `#%aé` that is not on this page",
    ];
    let build = carebook(&["build"], book.path());
    assert_eq!(build.code, 1, "{}", build.stderr);
    for line in expected {
        assert_contains(&build.stderr, line);
    }
    assert_contains(&build.stderr, "build failed: 2 errors, 0 warnings");
    let check = carebook(&["check", "--format", "line"], book.path());
    assert_eq!(check.code, 1, "{}", check.stderr);
    for line in expected {
        let line = line.replace(": error: ", ": error[build]: ");
        assert_contains(&check.stdout, &line);
    }
    assert!(!check.stdout.contains("my notes"), "`my%20notes.md` resolves");
}
