//! The prose of a chapter, as the linter sees it: the text events of one pulldown-cmark
//! pass, grouped into blocks, each character mapped back to its byte in the file.
//! Code, raw HTML, link targets and front matter are not prose; struck-through text and
//! anything in an "Avoid" section are counter-examples, quoted so agents can avoid them.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Tag, TagEnd};

/// Stands in for inline code and struck-through text: counted as a word, never matched.
pub const PLACEHOLDER: char = '\u{FFFC}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    TableCell,
    Quote,
}

/// Rules switched off by `<!-- carebook-lint off RULE -->` comments.
#[derive(Debug, Clone, Default)]
pub struct Off {
    pub all: bool,
    pub rules: Vec<String>,
}

impl Off {
    pub fn covers(&self, id: &str, short: &str) -> bool {
        self.all || self.rules.iter().any(|r| r == id || r == short)
    }
}

#[derive(Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// Inside an "Avoid" section: quoted on purpose, so not held to the rules.
    pub counter: bool,
    pub off: Off,
    /// The prose, with curly apostrophes and quotes made straight.
    pub text: String,
    /// The file byte offset of every byte of `text`.
    map: Vec<usize>,
}

impl Block {
    /// The file offset of the character at `byte` in `text`.
    pub fn offset(&self, byte: usize) -> usize {
        self.map
            .get(byte)
            .or(self.map.last())
            .copied()
            .unwrap_or_default()
    }

    /// The file range a match in `text` covers (start of first to start of last char).
    pub fn span(&self, m: Range<usize>) -> Range<usize> {
        let last = self.text[m.clone()]
            .char_indices()
            .last()
            .map_or(m.start, |(i, _)| m.start + i);
        self.offset(m.start)..self.offset(last)
    }
}

#[derive(Debug, Default)]
pub struct Prose {
    pub blocks: Vec<Block>,
    /// External links (`http(s)://`) and their file offsets, for `--external`.
    pub links: Vec<(String, usize)>,
    /// `carebook-lint` comments: each rule name given, with the comment's offset.
    pub comment_rules: Vec<(String, usize)>,
    /// Comments that are not `off [RULE...]` or `on [RULE...]`, with offsets.
    pub bad_comments: Vec<(String, usize)>,
}

/// Whether `t` is what smart punctuation makes of `src`.
fn smart_form_of(src: &str, t: &str) -> bool {
    match src {
        "'" => matches!(t, "’" | "‘"),
        "\"" => matches!(t, "“" | "”"),
        "..." => t == "…",
        "--" => t == "–",
        "---" => t == "—",
        _ => false,
    }
}

/// The prose of the parsed body of `text`: `events` as the parser gave them, before
/// the build changes any (facts, links), with their ranges in the body.
pub fn of_events(
    events: &[(Event<'_>, Range<usize>)],
    text: &str,
    body_start: usize,
    avoid_headings: &[String],
) -> Prose {
    let mut w = Walker {
        file: text,
        base: body_start,
        avoid_headings,
        cur: None,
        heading: None,
        avoid: None,
        lists: 0,
        quotes: 0,
        cell: false,
        code: false,
        strike: 0,
        struck_end: None,
        autolink: false,
        off: Off::default(),
        out: Prose::default(),
    };
    for (event, range) in events {
        w.event(event, range.clone());
    }
    w.flush();
    w.out
}

struct Walker<'a> {
    file: &'a str,
    base: usize,
    avoid_headings: &'a [String],
    cur: Option<Block>,
    heading: Option<HeadingLevel>,
    /// The level of the "Avoid" heading whose section we are in.
    avoid: Option<HeadingLevel>,
    lists: usize,
    quotes: usize,
    cell: bool,
    code: bool,
    strike: usize,
    /// The last character of struck-through text, and its offset.
    struck_end: Option<(char, usize)>,
    autolink: bool,
    off: Off,
    out: Prose,
}

impl Walker<'_> {
    fn event(&mut self, event: &Event<'_>, range: Range<usize>) {
        let at = self.base + range.start;
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) if !(self.code || self.autolink) => {
                if self.strike == 0 {
                    self.push_text(t, range);
                } else {
                    self.struck_end = t
                        .trim_end()
                        .chars()
                        .last()
                        .map(|c| (c, self.base + range.end - 1));
                }
            }
            Event::Code(_) => self.push_char(PLACEHOLDER, at),
            Event::SoftBreak | Event::HardBreak => self.push_char(' ', at),
            Event::Html(h) | Event::InlineHtml(h) => self.comments(h, at),
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>, at: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                if self.avoid.is_some_and(|a| *level <= a) {
                    self.avoid = None;
                }
                self.heading = Some(*level);
            }
            Tag::Strikethrough => {
                if self.strike == 0 {
                    self.push_char(PLACEHOLDER, at);
                }
                self.strike += 1;
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                if dest_url.starts_with("http://") || dest_url.starts_with("https://") {
                    self.out.links.push((dest_url.to_string(), at));
                }
                self.autolink = matches!(*link_type, LinkType::Autolink | LinkType::Email);
            }
            Tag::List(_) => {
                self.flush();
                self.lists += 1;
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quotes += 1;
            }
            Tag::TableCell => {
                self.flush();
                self.cell = true;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = true;
            }
            Tag::Emphasis | Tag::Strong | Tag::Image { .. } | Tag::Superscript | Tag::Subscript => {
            }
            _ => self.flush(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                let title = self
                    .cur
                    .as_ref()
                    .map(|b| b.text.clone())
                    .unwrap_or_default();
                self.flush();
                self.heading = None;
                if is_avoid_heading(&title, self.avoid_headings) {
                    self.avoid = Some(level);
                }
            }
            TagEnd::Strikethrough => {
                self.strike = self.strike.saturating_sub(1);
                // A struck-out quote that ends a sentence still ends it.
                if let Some((c @ ('.' | '!' | '?'), at)) = self.struck_end.take() {
                    self.push_char(c, at);
                }
            }
            TagEnd::Link => self.autolink = false,
            TagEnd::List(_) => {
                self.flush();
                self.lists = self.lists.saturating_sub(1);
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::TableCell => {
                self.flush();
                self.cell = false;
            }
            TagEnd::CodeBlock => self.code = false,
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
            _ => self.flush(),
        }
    }

    fn flush(&mut self) {
        if let Some(b) = self.cur.take() {
            if b.text.chars().any(|c| c.is_alphanumeric()) {
                self.out.blocks.push(b);
            }
        }
    }

    fn block(&mut self) -> &mut Block {
        let kind = if self.heading.is_some() {
            BlockKind::Heading
        } else if self.cell {
            BlockKind::TableCell
        } else if self.lists > 0 {
            BlockKind::ListItem
        } else if self.quotes > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        };
        let (counter, off) = (self.avoid.is_some(), &self.off);
        self.cur.get_or_insert_with(|| Block {
            kind,
            counter,
            off: off.clone(),
            text: String::new(),
            map: Vec::new(),
        })
    }

    fn push_char(&mut self, c: char, at: usize) {
        let c = match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            c => c,
        };
        let b = self.block();
        b.text.push(c);
        b.map.extend(std::iter::repeat_n(at, c.len_utf8()));
    }

    /// Adds a text event, mapping each character to its source byte. Text usually is
    /// the source verbatim; escapes (`\*`) and entities (`&amp;`) are lined up greedily.
    fn push_text(&mut self, t: &str, range: Range<usize>) {
        let start = self.base + range.start;
        let src = self.file.get(start..self.base + range.end).unwrap_or("");
        // The build's parser makes punctuation typographic (`'` → `’`, `...` → `…`,
        // `--` → `–`); the rules read what the author typed. Without escapes or
        // entities, the source is the text as typed.
        if src == t || (!src.contains(['\\', '&']) && smart_form_of(src, t)) {
            for (i, c) in src.char_indices() {
                self.push_char(c, start + i);
            }
            return;
        }
        let mut rest = src.char_indices();
        let mut last = start;
        for c in t.chars() {
            let mut look = rest.clone();
            if let Some((i, _)) = look.find(|&(_, s)| s == c) {
                last = start + i;
                rest = look;
            }
            self.push_char(c, last);
        }
    }

    /// `<!-- carebook-lint off RULE... -->` and `<!-- carebook-lint on [RULE...] -->`.
    fn comments(&mut self, html: &str, at: usize) {
        let mut from = 0;
        while let Some(open) = html[from..].find("<!--") {
            let inner_start = from + open + 4;
            let Some(close) = html[inner_start..].find("-->") else {
                break;
            };
            let raw = &html[inner_start..inner_start + close];
            let inner = raw.trim();
            let lead = raw.len() - raw.trim_start().len();
            from = inner_start + close + 3;
            if let Some(rest) = inner.strip_prefix("carebook-lint") {
                self.flush();
                let rest_at = at + inner_start + lead + "carebook-lint".len();
                self.switch(rest, rest_at);
            }
        }
    }

    /// `args` is the comment's text after `carebook-lint`, found at file offset `at`.
    fn switch(&mut self, args: &str, at: usize) {
        let mut words = args
            .split_whitespace()
            .map(|w| (w, at + (w.as_ptr() as usize - args.as_ptr() as usize)));
        let (action, action_at) = words.next().unwrap_or(("", at));
        let named: Vec<(String, usize)> = words.map(|(w, i)| (w.to_owned(), i)).collect();
        let rules: Vec<String> = named.iter().map(|(r, _)| r.clone()).collect();
        self.out.comment_rules.extend(named);
        match (action, rules.is_empty()) {
            ("off", true) => self.off.all = true,
            ("off", false) => self.off.rules.extend(rules),
            ("on", true) => self.off = Off::default(),
            ("on", false) => self.off.rules.retain(|r| !rules.contains(r)),
            _ => self.out.bad_comments.push((action.to_owned(), action_at)),
        }
    }
}

/// Whether a heading starts an "Avoid" section (the card's avoid headings in book.toml).
fn is_avoid_heading(title: &str, names: &[String]) -> bool {
    let t = title.trim().trim_end_matches(':').trim();
    names
        .iter()
        .any(|n| n.replace('’', "'").eq_ignore_ascii_case(t))
}

/// Byte ranges of the sentences in `text`: a sentence ends at `.`, `!` or `?` (and any
/// closing quotes or brackets) followed by a space and a word that is not lowercase,
/// so "e.g. a refund" and "4 p.m. today" stay whole.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i].1, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '*' | '_'
                )
            {
                j += 1;
            }
            let space = j < chars.len() && chars[j].1.is_whitespace();
            let next = chars[j..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .map(|&(_, c)| c);
            if j == chars.len() || (space && !next.is_some_and(char::is_lowercase)) {
                let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
                out.push(start..end);
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if text[start..].chars().any(char::is_alphanumeric) {
        out.push(start..text.len());
    }
    out.retain(|r| {
        text[r.clone()]
            .chars()
            .any(|c| c.is_alphanumeric() || c == PLACEHOLDER)
    });
    out
}

/// The words of `text`: letters and digits, with inner apostrophes and hyphens.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        !(c.is_alphanumeric() || c == '\'' || c == '-' || c == PLACEHOLDER || c == '%')
    })
    .map(|w| w.trim_matches(|c| c == '\'' || c == '-'))
    .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Extracts the prose of `text` (a whole file) whose Markdown body starts at `body_start`.
    /// The analysis does this in its own pass over each chapter (see `markdown::render`);
    /// this parses the body itself, as the build does.
    fn extract(text: &str, body_start: usize, avoid_headings: &[String]) -> Prose {
        let body = &text[body_start..];
        let events: Vec<_> = pulldown_cmark::Parser::new_ext(body, crate::markdown::options())
            .into_offset_iter()
            .collect();
        of_events(&events, text, body_start, avoid_headings)
    }

    fn blocks(md: &str) -> Vec<(BlockKind, bool, String)> {
        extract(md, 0, &["Avoid".to_owned()])
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.counter, b.text))
            .collect()
    }

    #[test]
    fn reads_punctuation_as_typed_from_the_build_parse() {
        // The build's parse makes these typographic; the rules must see what was typed,
        // each character at its own place.
        let md = "Don't say \"sorry\"... -- or --- ever. \\*Really\\* &amp; truly.\n";
        let prose = extract(md, 0, &[]);
        let b = &prose.blocks[0];
        assert_eq!(
            b.text,
            "Don't say \"sorry\"... -- or --- ever. *Really* & truly."
        );
        for (i, c) in b.text.char_indices().take(37) {
            assert_eq!(md[b.offset(i)..].chars().next(), Some(c), "at {i}");
        }
    }

    #[test]
    fn only_prose_is_kept() {
        let md = "# Title\n\nSay `code` and <b>hi</b> [link](http://x.y) ~~not this~~.\n\n```\ncode block\n```\n";
        let b = blocks(md);
        assert_eq!(b[0], (BlockKind::Heading, false, "Title".into()));
        assert_eq!(b[1].2, "Say \u{fffc} and hi link \u{fffc}.");
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn avoid_sections_are_counter_examples() {
        let md = "## Avoid\n\n> I don't know.\n\nText.\n\n## Next\n\nMore.\n";
        let b = blocks(md);
        assert!(b[1].1 && b[2].1, "{b:?}");
        assert!(!b[4].1, "{b:?}");
    }

    #[test]
    fn offsets_map_back_to_the_file() {
        let text = "---\nx: y\n---\n- Café &amp; *bar* \\* baz\n";
        let start = text.find("- ").unwrap();
        let p = extract(text, start, &[]);
        let b = &p.blocks[0];
        assert_eq!(b.text, "Café & bar * baz");
        let bar = b.text.find("bar").unwrap();
        assert_eq!(&text[b.offset(bar)..b.offset(bar) + 3], "bar");
        let baz = b.text.find("baz").unwrap();
        assert_eq!(&text[b.offset(baz)..b.offset(baz) + 3], "baz");
    }

    #[test]
    fn sentences_split_on_end_punctuation_only() {
        let t = "Call by 4 p.m. today, e.g. now. Then stop! Really? Yes";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(
            s,
            [
                "Call by 4 p.m. today, e.g. now.",
                "Then stop!",
                "Really?",
                "Yes"
            ]
        );
        assert_eq!(words("It's a well-known 10% code.").count(), 5);
    }

    #[test]
    fn lint_comments_switch_rules() {
        let md = "<!-- carebook-lint off blame -->\n\nA.\n\n<!-- carebook-lint on -->\n\nB.\n";
        let p = extract(md, 0, &[]);
        assert_eq!(p.blocks[0].off.rules, ["blame"]);
        assert!(p.blocks[1].off.rules.is_empty());
        assert_eq!(p.comment_rules, [("blame".to_owned(), 23)]);
    }
}
