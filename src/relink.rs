//! Moving a page's HTML somewhere else: links resolved against the site's root,
//! attributes rewritten, headings moved down a level. Shared by the outputs that put
//! chapters on other pages (print.html and course packs).

use std::borrow::Cow;
use std::path::Path;

use crate::book::slash_path;
use crate::source::normalize;

/// A relative link found in a page of the site, resolved against the site's root; for
/// outputs that move pages elsewhere (print.html, packs). External links are `None`.
pub enum SiteLink<'v> {
    /// `#fragment` on the same page.
    Fragment(&'v str),
    /// Another page or file, with its fragment.
    Page {
        /// The file's path from the site root, decoded as a browser does (without the
        /// `?query`): for looking the file up.
        target: String,
        /// The link's path from the site root, still encoded: for writing a new href.
        href: String,
        frag: Option<&'v str>,
    },
}

impl<'v> SiteLink<'v> {
    pub fn parse(value: &'v str, from: &str) -> Option<SiteLink<'v>> {
        if crate::markdown::is_external(value) {
            return None;
        }
        let (path, frag) = value
            .split_once('#')
            .map_or((value, None), |(p, f)| (p, Some(f)));
        if path.is_empty() {
            return frag.map(SiteLink::Fragment);
        }
        // `from` is where the page is on disk; the link is written from its encoded URL.
        let from = crate::url::encode_path(from);
        let dir = Path::new(from.as_ref()).parent().unwrap_or(Path::new(""));
        let href = slash_path(&normalize(&dir.join(path))?);
        let target = crate::url::href_path(&href).map_or_else(|| href.clone(), Cow::into_owned);
        Some(SiteLink::Page { target, href, frag })
    }
}

/// Rewrites the values of `id`, `href` and `src` attributes in HTML we generated.
pub fn rewrite_attrs(html: &str, mut f: impl FnMut(&str, &str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(eq) = attribute_value(rest) {
        let name_start = rest[..eq]
            .rfind(|c: char| c.is_whitespace())
            .map_or(eq, |i| i + 1);
        let attr = &rest[name_start..eq];
        let value_start = eq + 2;
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_start + len];
        let new = matches!(attr, "id" | "href" | "src")
            .then(|| f(attr, value))
            .flatten();
        out.push_str(new.as_deref().unwrap_or(value));
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    out
}

/// Where the next `="` is: found by jumping between quotes, which is quicker than a
/// substring search over every chapter.
fn attribute_value(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(q) = html[from..].find('"') {
        let q = from + q;
        if q > 0 && html.as_bytes()[q - 1] == b'=' {
            return Some(q - 1);
        }
        from = q + 1;
    }
    None
}

/// Chapter headings sit under the chapter's own `<h2>` title in print. Jumps from `<`
/// to `<` (a byte-at-a-time copy of every chapter was a tenth of a big build).
pub fn demote_headings(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..=lt]);
        rest = &rest[lt + 1..];
        let slash = usize::from(rest.starts_with('/'));
        if let [b'h', d @ b'2'..=b'5', ..] = rest.as_bytes()[slash..] {
            out.push_str(&rest[..slash + 1]);
            out.push(char::from(d + 1));
            rest = &rest[slash + 2..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_only_id_href_src() {
        let html = r##"<h2 id="a">A</h2><a href="#a" title="x">x</a><img src="../img/p.png" alt="p"><p data-id="z">"q"</p>"##;
        let out = rewrite_attrs(html, |attr, v| Some(format!("{attr}:{v}")));
        assert_eq!(
            out,
            r##"<h2 id="id:a">A</h2><a href="href:#a" title="x">x</a><img src="src:../img/p.png" alt="p"><p data-id="z">"q"</p>"##
        );
    }

    #[test]
    fn demotes_every_heading_in_one_pass() {
        assert_eq!(
            demote_headings("<h5>e</h5><header><hr><h6>f</h6>"),
            "<h6>e</h6><header><hr><h6>f</h6>"
        );
        assert_eq!(demote_headings("<p>é</p></h2><h2>"), "<p>é</p></h3><h3>");
    }

    #[test]
    fn demotes_headings_once() {
        assert_eq!(
            demote_headings("<h2 id=\"a\">A</h2><h3>B</h3>"),
            "<h3 id=\"a\">A</h3><h4>B</h4>"
        );
    }
}
