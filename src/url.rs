//! URLs in the site: the one place a percent-encoded string is decoded, the one place
//! a site path (as written to disk) becomes the path part of an href, and slugs.

use std::borrow::Cow;

use percent_encoding::{percent_decode_str, percent_encode_byte};

/// What a path segment must not hold as is: the characters that end a path (`#`, `?`),
/// start an escape (`%`), are turned into `/` by browsers (`\`), or are not allowed in a
/// URL (controls, space, quotes, `<`, `>`, backtick, braces). `/` separates segments and
/// stays. Letters beyond ASCII are valid in links (browsers encode them when they fetch)
/// and are kept, so the hrefs of books with ordinary folder names do not change.
fn escaped(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b" \"#%<>?`{}\\".contains(&b)
}

/// Percent-decodes `s` as a browser does: `%` followed by two hex digits is a byte, any
/// other `%` is kept. `None` if the bytes are not UTF-8 (no file can have that name).
pub fn decode(s: &str) -> Option<Cow<'_, str>> {
    percent_decode_str(s).decode_utf8().ok()
}

/// The href for a site path such as `faq#1/refunds.html`: each segment percent-encoded
/// (`faq%231/refunds.html`). Borrowed, and so unchanged, when nothing needs encoding.
pub fn encode_path(path: &str) -> Cow<'_, str> {
    if !path.bytes().any(escaped) {
        return Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len() + 8);
    for c in path.chars() {
        match u8::try_from(c) {
            Ok(b) if escaped(b) => out.push_str(percent_encode_byte(b)),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The path of a relative href with its `?query` and `#fragment` removed, decoded.
/// `None` when the decoded path is not UTF-8.
pub fn href_path(href: &str) -> Option<Cow<'_, str>> {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    decode(&href[..end])
}

/// A name as a slug: lowercase ASCII letters, digits and single hyphens.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "chapter".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_a_browser() {
        assert_eq!(decode("my%20file.md").as_deref(), Some("my file.md"));
        assert_eq!(decode("100%").as_deref(), Some("100%"));
        assert_eq!(decode("%zz%2").as_deref(), Some("%zz%2"));
        assert_eq!(decode("caf%C3%A9").as_deref(), Some("café"));
        // A `%`, a hex digit and a character of several bytes: once a panic.
        assert_eq!(decode("%aé.md").as_deref(), Some("%aé.md"));
        assert_eq!(decode("%é").as_deref(), Some("%é"));
        assert_eq!(decode("%FF.md"), None);
    }

    #[test]
    fn encodes_each_segment() {
        assert_eq!(
            encode_path("faq#1/what?/100%/my part/x.html"),
            "faq%231/what%3F/100%25/my%20part/x.html"
        );
        assert!(matches!(
            encode_path("part-1/café_v2.(x).html"),
            Cow::Borrowed(_)
        ));
        for p in ["faq#1/a b.html", "100%/x.html", "é?/%41.html"] {
            assert_eq!(decode(&encode_path(p)).as_deref(), Some(p));
        }
    }

    #[test]
    fn href_paths_drop_query_and_fragment() {
        assert_eq!(
            href_path("faq%231/a.html#top").as_deref(),
            Some("faq#1/a.html")
        );
        assert_eq!(
            href_path("what%3F/a.html?x=1#y").as_deref(),
            Some("what?/a.html")
        );
        assert_eq!(href_path("#top").as_deref(), Some(""));
    }
}
