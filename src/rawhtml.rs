//! Raw HTML in chapters: chapters are trusted HTML (as in mdBook and Hugo), so by default
//! it goes to the page as written. `[build] raw-html = "warn"` reports what can run code
//! in a reader's browser (`<script>`, `<iframe>`, `<object>` and `<embed>` elements,
//! `on...=` event handlers, and `javascript:`, `vbscript:` and `data:text/html` URLs,
//! in Markdown links too); `"strip"` also removes them. This is a small, careful filter
//! of those constructs, not a general HTML sanitizer: everything else is kept.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// `[build] raw-html`: what to do with HTML in chapters that can run code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RawHtml {
    /// Keep it: the chapters' authors are trusted (the default).
    #[default]
    Allow,
    /// Keep it, with a warning for each script, handler or script URL.
    Warn,
    /// Remove scripts, handlers and script URLs from the pages, with a warning.
    Strip,
}

/// Elements removed with their content (`embed` has none).
const ELEMENTS: [&str; 4] = ["script", "iframe", "object", "embed"];

/// Something in a piece of raw HTML that can run code.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The bytes `strip` removes.
    pub remove: Range<usize>,
    /// Where the warning points (a byte offset in the piece).
    pub at: usize,
    /// What was found; `None` for the rest of an element reported in an earlier piece.
    pub message: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Inside {
    Comment,
    Element(&'static str),
}

/// Scans the pieces of raw HTML of one document in order; an element or comment that
/// opens in one piece and closes in a later one is followed across them.
#[derive(Debug, Default)]
pub struct Scanner {
    inside: Option<Inside>,
}

impl Scanner {
    /// True between a `<script>` (or `<iframe>`, `<object>`) and its end tag, where the
    /// Markdown text belongs to that element.
    pub fn in_element(&self) -> bool {
        matches!(self.inside, Some(Inside::Element(_)))
    }

    pub fn scan(&mut self, html: &str) -> Vec<Finding> {
        let lower = html.to_ascii_lowercase();
        let mut found = Vec::new();
        let mut i = 0;
        match self.inside.take() {
            Some(Inside::Comment) => match html.find("-->") {
                Some(e) => i = e + 3,
                None => {
                    self.inside = Some(Inside::Comment);
                    return found;
                }
            },
            Some(Inside::Element(name)) => {
                let (end, open) = close_of(&lower, 0, name);
                found.push(Finding {
                    remove: 0..end,
                    at: 0,
                    message: None,
                });
                if open {
                    self.inside = Some(Inside::Element(name));
                    return found;
                }
                i = end;
            }
            None => {}
        }
        let mut walk = Walk {
            html,
            lower: &lower,
            i,
        };
        while let Some(step) = walk.next() {
            let (start, tag) = match step {
                Step::UnclosedComment => {
                    self.inside = Some(Inside::Comment);
                    return found;
                }
                Step::Tag { start, tag } => (start, tag),
            };
            if tag.end_tag {
                continue;
            }
            if let Some(&name) = ELEMENTS.iter().find(|&&n| n == tag.name) {
                let (end, open) = if name == "embed" {
                    (tag.end, false)
                } else {
                    close_of(&lower, tag.end, name)
                };
                found.push(Finding {
                    remove: start..end,
                    at: start,
                    message: Some(format!(
                        "raw HTML `<{name}>` can run code in the reader's browser"
                    )),
                });
                if open {
                    self.inside = Some(Inside::Element(name));
                    return found;
                }
                walk.i = end;
                continue;
            }
            for attr in &tag.attrs {
                let message = if attr.name.starts_with("on") {
                    format!(
                        "the event handler `{}=` in raw HTML runs code in the reader's browser",
                        attr.name
                    )
                } else if attr.value.as_deref().is_some_and(is_script_url) {
                    format!(
                        "the `{}` address `{}` in raw HTML runs code in the reader's browser",
                        attr.name,
                        shorten(attr.value.as_deref().unwrap_or_default())
                    )
                } else {
                    continue;
                };
                found.push(Finding {
                    remove: attr.range.clone(),
                    at: attr.name_at,
                    message: Some(message),
                });
            }
        }
        found
    }
}

/// A link in raw HTML that is rewritten like a Markdown link: the `href` of `<a>` and
/// `<area>`, the `src` of `<img>`, `<source>`, `<video>`, `<audio>` and `<track>`.
#[derive(Debug, Clone, PartialEq)]
pub struct RawLink {
    /// The value's bytes in the piece, inside its quotes.
    pub value: Range<usize>,
    pub url: String,
}

/// The links of a piece of raw HTML (an HTML block, or one inline tag), in order.
/// Comments are skipped: a link commented out is not checked.
pub fn links(html: &str) -> Vec<RawLink> {
    let lower = html.to_ascii_lowercase();
    let walk = Walk {
        html,
        lower: &lower,
        i: 0,
    };
    let mut found = Vec::new();
    for step in walk {
        let Step::Tag { tag, .. } = step else {
            break;
        };
        let wanted = match tag.name.as_str() {
            "a" | "area" => "href",
            "img" | "source" | "video" | "audio" | "track" => "src",
            _ => "",
        };
        if tag.end_tag || wanted.is_empty() {
            continue;
        }
        let link = tag
            .attrs
            .into_iter()
            .find(|a| a.name == wanted && a.value.is_some());
        if let Some(Attr {
            value: Some(url),
            value_range,
            ..
        }) = link
        {
            found.push(RawLink {
                value: value_range,
                url,
            });
        }
    }
    found
}

/// `html` without the findings' bytes (findings in order, as `scan` gives them).
pub fn strip(html: &str, found: &[Finding]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for f in found {
        if let Some(keep) = html.get(copied..f.remove.start) {
            out.push_str(keep);
            copied = f.remove.end.max(copied);
        }
    }
    out.push_str(html.get(copied..).unwrap_or_default());
    out
}

/// Whether following `url` would run code: `javascript:`, `vbscript:` or
/// `data:text/html`, read as a browser reads it (character references decoded, tabs
/// and line breaks dropped, leading spaces and controls skipped, any letter case).
pub fn is_script_url(url: &str) -> bool {
    let decoded = decode_references(url);
    let cleaned: String = decoded
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:text/html"]
        .iter()
        .any(|s| cleaned.starts_with(s))
}

/// A URL shortened for a message.
pub fn shorten(url: &str) -> String {
    match url.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &url[..i]),
        None => url.to_owned(),
    }
}

/// Decodes the character references that can hide a scheme: numeric ones and
/// `&colon;`, `&tab;`, `&newline;`.
fn decode_references(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (c, len) = reference(rest).unwrap_or(('&', 1));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `s` stands for, and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    for (name, c) in [("&colon;", ':'), ("&tab;", '\t'), ("&newline;", '\n')] {
        if s.get(..name.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(name))
        {
            return Some((c, name.len()));
        }
    }
    let body = s.strip_prefix("&#")?;
    let (hex, digits) = match body.strip_prefix(['x', 'X']) {
        Some(h) => (true, h),
        None => (false, body),
    };
    let n = digits
        .bytes()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    let value = u32::from_str_radix(&digits[..n], if hex { 16 } else { 10 }).ok()?;
    let semicolon = usize::from(digits[n..].starts_with(';'));
    let len = 2 + usize::from(hex) + n + semicolon;
    Some((char::from_u32(value).unwrap_or('\u{FFFD}'), len))
}

/// What a walk over a piece of raw HTML meets, in order. Comments are skipped: a tag
/// or link commented out is not there for the browser either.
enum Step {
    Tag {
        start: usize,
        tag: Tag,
    },
    /// A comment that does not close in this piece (the walk ends there).
    UnclosedComment,
}

/// The tags of a piece of raw HTML from byte `i`, comments skipped. `i` may be moved
/// forward between steps (past an element's content).
struct Walk<'a> {
    html: &'a str,
    /// `html` in ASCII lowercase, for tag names and comment openers.
    lower: &'a str,
    i: usize,
}

impl Iterator for Walk<'_> {
    type Item = Step;
    fn next(&mut self) -> Option<Step> {
        loop {
            let start = self.i + self.html.get(self.i..)?.find('<')?;
            if self.lower[start..].starts_with("<!--") {
                match self.html[start + 4..].find("-->") {
                    Some(e) => {
                        self.i = start + 4 + e + 3;
                        continue;
                    }
                    None => {
                        self.i = self.html.len();
                        return Some(Step::UnclosedComment);
                    }
                }
            }
            match parse_tag(self.html, self.lower, start) {
                None => self.i = start + 1,
                Some(tag) => {
                    self.i = tag.end.max(start + 1);
                    return Some(Step::Tag { start, tag });
                }
            }
        }
    }
}

struct Tag {
    name: String,
    end_tag: bool,
    attrs: Vec<Attr>,
    /// Just after the `>` (or the end of the piece).
    end: usize,
}

struct Attr {
    name: String,
    value: Option<String>,
    /// Where the value is, inside its quotes.
    value_range: Range<usize>,
    /// The attribute with the space before it.
    range: Range<usize>,
    name_at: usize,
}

/// The tag starting at `start` (a `<`), or `None` if no tag name follows. Indexes only
/// ever stop at ASCII bytes, so every slice is on a character boundary.
fn parse_tag(html: &str, lower: &str, start: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let mut j = start + 1;
    let end_tag = b.get(j) == Some(&b'/');
    j += usize::from(end_tag);
    if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_start = j;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
        j += 1;
    }
    let name = lower.get(name_start..j)?.to_owned();
    let mut attrs = Vec::new();
    let space = |c: u8| c.is_ascii_whitespace();
    loop {
        let attr_start = j;
        while j < b.len() && (space(b[j]) || b[j] == b'/') {
            j += 1;
        }
        match b.get(j) {
            None => break,
            Some(b'>') => {
                j += 1;
                break;
            }
            _ => {}
        }
        let name_at = j;
        j += 1; // an attribute name may start with `=`
        while j < b.len() && !space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
            j += 1;
        }
        let attr_name = lower.get(name_at..j)?.to_owned();
        let mut k = j;
        while k < b.len() && space(b[k]) {
            k += 1;
        }
        let mut value = None;
        let mut value_range = j..j;
        if b.get(k) == Some(&b'=') {
            k += 1;
            while k < b.len() && space(b[k]) {
                k += 1;
            }
            let (range, after) = match b.get(k) {
                Some(&q @ (b'"' | b'\'')) => match html[k + 1..].find(char::from(q)) {
                    Some(e) => (k + 1..k + 1 + e, k + 2 + e),
                    None => (k + 1..b.len(), b.len()),
                },
                _ => {
                    let e = html[k..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(b.len(), |e| k + e);
                    (k..e, e)
                }
            };
            value = Some(html[range.clone()].to_owned());
            value_range = range;
            j = after;
        }
        attrs.push(Attr {
            name: attr_name,
            value,
            value_range,
            range: attr_start..j,
            name_at,
        });
    }
    Some(Tag {
        name,
        end_tag,
        attrs,
        end: j,
    })
}

/// The end of element `name`'s end tag, searching from `from`, and whether the element
/// is still open at the end of the piece.
fn close_of(lower: &str, from: usize, name: &str) -> (usize, bool) {
    let close = format!("</{name}");
    match lower.get(from..).and_then(|rest| rest.find(&close)) {
        Some(p) => {
            let p = from + p;
            let end = lower[p..].find('>').map_or(lower.len(), |e| p + e + 1);
            (end, false)
        }
        None => (lower.len(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(html: &str) -> String {
        strip(html, &Scanner::default().scan(html))
    }

    fn messages(html: &str) -> Vec<String> {
        Scanner::default()
            .scan(html)
            .into_iter()
            .filter_map(|f| f.message)
            .collect()
    }

    #[test]
    fn strips_scripts_handlers_and_script_urls() {
        for (html, clean) in [
            ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
            ("<SCRIPT src=x.js></SCRIPT >ok", "ok"),
            (
                "<iframe src=\"x\">fallback</iframe><embed src=y><object data=z><b>f</b></object>.",
                ".",
            ),
            (
                r#"<img src="a.png" onerror="alert(1)" alt="a">"#,
                r#"<img src="a.png" alt="a">"#,
            ),
            (r#"<a href="javascript:alert(1)">x</a>"#, "<a>x</a>"),
            (
                r#"<a href=" &#106;ava&#x09;script&colon;x">x</a>"#,
                "<a>x</a>",
            ),
            (
                r#"<a href='VBScript:x' title="t">x</a>"#,
                r#"<a title="t">x</a>"#,
            ),
            (r#"<iframe src="data:text/html,<b>">"#, ""),
            (r#"<a href="data:text/html;base64,xx">x</a>"#, "<a>x</a>"),
            (
                r#"<div onclick=go() class=c>x</div>"#,
                "<div class=c>x</div>",
            ),
        ] {
            assert_eq!(stripped(html), clean, "{html}");
        }
    }

    #[test]
    fn keeps_everything_else() {
        for html in [
            r#"<a href="https://example.com/javascript:x" title="onclick">x</a>"#,
            "<!-- <script>not run</script> -->",
            "<p>2 < 3 and <b>bold</b> &amp; <details><summary>s</summary>d</details></p>",
            r#"<img src="data:image/png;base64,AAAA" alt="dot">"#,
            "<span data-on=\"x\" data-onclick=\"1\">é</span>",
            "<a href=\"x\" data-x=\"</a>\">t</a>",
        ] {
            assert_eq!(stripped(html), html);
            assert!(messages(html).is_empty(), "{html}");
        }
    }

    #[test]
    fn follows_elements_across_pieces() {
        let mut s = Scanner::default();
        assert_eq!(s.scan("<script>").len(), 1);
        assert!(s.in_element());
        let rest = s.scan("x</script> after");
        assert_eq!(rest[0].remove, 0..10);
        assert_eq!(rest[0].message, None);
        assert!(!s.in_element());
        assert!(s.scan("<!-- <script>").is_empty());
        assert!(s.scan("--> ok").is_empty());
        assert!(!s.in_element());
    }

    #[test]
    fn finds_links_and_image_sources() {
        let html = "<p><a class=x href=\"../team/\">Team</a> <IMG SRC='pic.png' alt=a>\n<!-- <a href=\"old.md\"> --><img src=x.png><a name=top></p>";
        let found: Vec<(&str, String)> = links(html)
            .into_iter()
            .map(|l| (&html[l.value.clone()], l.url))
            .collect();
        assert_eq!(
            found,
            [
                ("../team/", "../team/".to_owned()),
                ("pic.png", "pic.png".to_owned()),
                ("x.png", "x.png".to_owned())
            ]
        );
        assert!(links("<a href").is_empty());
        assert!(links("<img src=\"unclosed").len() == 1);
    }

    #[test]
    fn odd_input_never_panics() {
        for html in [
            "<",
            "<a",
            "<a ",
            "<a href",
            "<a href=",
            "<a href=\"",
            "<a =",
            "<a ==>",
            "</",
            "<é onclick=x>",
            "<a onclick=\"é",
            "&#",
            "<a href=\"&#xFFFFFFFF;\">",
            "<a\u{0}b>",
            "<script",
            "<object",
            "<a href='&#99999999999999999999;'>",
        ] {
            let _ = stripped(html);
            let _ = is_script_url(html);
            let _ = links(html);
        }
    }
}
