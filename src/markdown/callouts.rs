//! Callouts: GitHub's alert syntax (`> [!WARNING]`), which pulldown-cmark reads as a
//! block quote with a kind, rendered as a labelled box with an icon and the word
//! ("Warning"). A WARNING or CAUTION in a chapter's checklist section also prints on
//! its desk card. `> [!UNKNOWN]` is not an alert to the parser and stays a plain quote.
//!
//! Every word and icon is in [`KINDS`], so a translation changes one table.

use std::ops::Range;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, HeadingLevel, Tag, TagEnd};
use serde::Serialize;

use crate::config::ChecklistConfig;
use crate::strings::Strings;

/// One kind of callout: its class suffix, its marker's word (`[!NOTE]`), its icon and
/// the key of the title shown and read out.
pub struct Kind {
    pub class: &'static str,
    pub word: &'static str,
    /// SVG path data on a 16×16 grid, drawn in the text colour.
    icon: &'static str,
    /// The strings table's key for the box's title, as the page's language writes it.
    pub key: &'static str,
}

/// The five kinds, in GitHub's order.
pub const KINDS: [(BlockQuoteKind, Kind); 5] = [
    (
        BlockQuoteKind::Note,
        Kind {
            class: "note",
            word: "Note",
            key: "callout_note",
            icon: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11ZM7.25 7h1.5v4.5h-1.5ZM8 4.25a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8Z",
        },
    ),
    (
        BlockQuoteKind::Tip,
        Kind {
            class: "tip",
            word: "Tip",
            key: "callout_tip",
            icon: "M8 1a5 5 0 0 0-3 9v1.5A1.5 1.5 0 0 0 6.5 13h3a1.5 1.5 0 0 0 1.5-1.5V10a5 5 0 0 0-3-9Zm0 1.5a3.5 3.5 0 0 1 2 6.37l-.5.35v2.28h-3V9.22l-.5-.35A3.5 3.5 0 0 1 8 2.5ZM6 14h4v1.5H6Z",
        },
    ),
    (
        BlockQuoteKind::Important,
        Kind {
            class: "important",
            word: "Important",
            key: "callout_important",
            icon: "M2 2h12v9H8l-3.5 3v-3H2Zm1.5 1.5v6h2.5v1.3l1.5-1.3h5v-6ZM7.25 4.5h1.5v2.75h-1.5Zm0 3.5h1.5v1.25h-1.5Z",
        },
    ),
    (
        BlockQuoteKind::Warning,
        Kind {
            class: "warning",
            word: "Warning",
            key: "callout_warning",
            icon: "M8 1 15.5 14.5H.5Zm0 3L3 13h10ZM7.25 6.5h1.5v3.5h-1.5Zm0 4.5h1.5v1.5h-1.5Z",
        },
    ),
    (
        BlockQuoteKind::Caution,
        Kind {
            class: "caution",
            word: "Caution",
            key: "callout_caution",
            icon: "M5 1h6l4 4v6l-4 4H5l-4-4V5Zm.6 1.5L2.5 5.6v4.8l3.1 3.1h4.8l3.1-3.1V5.6l-3.1-3.1ZM7.25 4.5h1.5v4.5h-1.5Zm0 5.5h1.5v1.5h-1.5Z",
        },
    ),
];

pub fn kind(k: BlockQuoteKind) -> &'static Kind {
    &KINDS.iter().find(|(q, _)| *q == k).unwrap_or(&KINDS[0]).1
}

/// The box's opening HTML: a note landmark named by its title (from the strings
/// table), the icon and the title.
pub fn open_html(k: &Kind, words: &Strings) -> String {
    format!(
        "<aside class=\"callout callout-{class}\" role=\"note\" aria-label=\"{word}\">\n<p class=\"callout-title\">{icon}{word}</p>\n",
        class = k.class,
        word = crate::markdown::escape_attr(words.get(k.key)),
        icon = icon_svg(k),
    )
}

pub fn icon_svg(k: &Kind) -> String {
    format!(
        "<svg class=\"callout-icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\"><path fill=\"currentColor\" fill-rule=\"evenodd\" d=\"{}\"/></svg>",
        k.icon
    )
}

/// Turns alert block quotes into callout boxes. Runs last, after the passes that read
/// block quotes as text (search sections, the checklist).
pub fn render(events: &mut [(Event<'_>, Range<usize>)], words: &Strings) {
    for (e, _) in events.iter_mut() {
        match e {
            Event::Start(Tag::BlockQuote(Some(k))) => {
                *e = Event::Html(CowStr::from(open_html(kind(*k), words)));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                *e = Event::Html(CowStr::from("</aside>\n"));
            }
            _ => {}
        }
    }
}

/// A WARNING or CAUTION as its desk card shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CardCallout {
    pub class: &'static str,
    /// The strings table's key for its title (`ui[c.key]` in the card template).
    pub key: &'static str,
    pub icon: String,
    /// The callout's content as HTML (paragraphs and lists kept).
    pub html: String,
    pub text: String,
}

/// The WARNING and CAUTION callouts in the chapter's checklist section: under the
/// heading that holds the first Do/Avoid heading (e.g. `## Checklist`), up to the next
/// heading of its level; without such a heading, within the Do/Avoid groups.
pub fn card_callouts(
    events: &[(Event<'_>, Range<usize>)],
    names: &ChecklistConfig,
) -> Vec<CardCallout> {
    let headings: Vec<(usize, HeadingLevel, bool)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, (e, _))| match e {
            Event::Start(Tag::Heading { level, .. }) => Some((
                i,
                *level,
                crate::markdown::is_checklist_heading(&events[i + 1..], names),
            )),
            _ => None,
        })
        .collect();
    let Some(first) = headings.iter().position(|h| h.2) else {
        return Vec::new();
    };
    let (_, first_level, _) = headings[first];
    let parent = headings[..first].iter().rposition(|h| h.1 < first_level);
    let (start, end) = match parent {
        Some(p) => {
            let level = headings[p].1;
            let end = headings[p + 1..]
                .iter()
                .find(|h| h.1 <= level)
                .map_or(events.len(), |h| h.0);
            (headings[p].0, end)
        }
        None => {
            let end = headings[first + 1..]
                .iter()
                .find(|h| h.1 <= first_level && !h.2)
                .map_or(events.len(), |h| h.0);
            (headings[first].0, end)
        }
    };
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if let Event::Start(Tag::BlockQuote(Some(
            k @ (BlockQuoteKind::Warning | BlockQuoteKind::Caution),
        ))) = &events[i].0
        {
            let close = matching_end(events, i);
            out.push(card_callout(kind(*k), &events[i + 1..close]));
            i = close;
        }
        i += 1;
    }
    out
}

fn matching_end(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (j, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(Tag::BlockQuote(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len()
}

fn card_callout(k: &Kind, inner: &[(Event<'_>, Range<usize>)]) -> CardCallout {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, inner.iter().map(|(e, _)| e.clone()));
    let mut text = String::new();
    for (e, _) in inner {
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    CardCallout {
        class: k.class,
        key: k.key,
        icon: icon_svg(k),
        html: html.trim().to_owned(),
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// Quotes that start like a callout with a kind that is not one (`> [!WARN]`): a
/// warning with the closest kind, as such a quote shows as a plain quote. Returns the
/// byte offset of the marker in `body` and the message and hint.
pub fn near_misses(
    events: &[(Event<'_>, Range<usize>)],
    body: &str,
) -> Vec<(usize, String, String)> {
    const ALSO: [(&str, &str); 5] = [
        ("INFO", "NOTE"),
        ("HINT", "TIP"),
        ("WARN", "WARNING"),
        ("DANGER", "CAUTION"),
        ("ALERT", "WARNING"),
    ];
    let mut out = Vec::new();
    for (e, range) in events {
        if !matches!(e, Event::Start(Tag::BlockQuote(None))) {
            continue;
        }
        let Some(src) = body.get(range.clone()) else {
            continue;
        };
        let rest = src.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let Some(marker) = rest.strip_prefix("[!").and_then(|r| r.split_once(']')) else {
            continue;
        };
        let name = marker.0.trim().to_ascii_uppercase();
        let kinds = KINDS
            .iter()
            .map(|(_, k)| k.word.to_ascii_uppercase())
            .collect::<Vec<_>>();
        let best = ALSO
            .iter()
            .find(|(a, _)| *a == name)
            .map(|(_, k)| (*k).to_owned())
            .or_else(|| {
                crate::diag::did_you_mean(&name, kinds.iter().map(String::as_str))
                    .map(str::to_owned)
            });
        if let Some(best) = best {
            let at = range.start + (src.len() - rest.len());
            out.push((
                at,
                format!("`[!{}]` is not a callout kind, so this shows as a plain quote", marker.0),
                format!("did you mean `[!{best}]`? The kinds are NOTE, TIP, IMPORTANT, WARNING and CAUTION"),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn events(md: &str) -> Vec<(Event<'_>, Range<usize>)> {
        Parser::new_ext(md, crate::markdown::options())
            .into_offset_iter()
            .collect()
    }

    fn html(md: &str) -> String {
        let mut ev = events(md);
        render(&mut ev, &Strings::default());
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, ev.into_iter().map(|(e, _)| e));
        out
    }

    #[test]
    fn alerts_become_labelled_callouts() {
        let out = html("> [!WARNING]\n> Check the caller's identity.\n");
        assert!(
            out.starts_with(
                "<aside class=\"callout callout-warning\" role=\"note\" aria-label=\"Warning\">"
            ),
            "{out}"
        );
        assert!(out.contains("</svg>Warning</p>"), "{out}");
        assert!(
            out.contains("<p>Check the caller’s identity.</p>\n</aside>"),
            "{out}"
        );
        assert!(!out.contains("[!WARNING]"), "{out}");
    }

    #[test]
    fn every_kind_has_its_word() {
        for (md, word) in [
            ("NOTE", "Note"),
            ("TIP", "Tip"),
            ("IMPORTANT", "Important"),
            ("CAUTION", "Caution"),
        ] {
            let out = html(&format!("> [!{md}]\n> Text.\n"));
            assert!(out.contains(&format!("aria-label=\"{word}\"")), "{out}");
        }
    }

    #[test]
    fn near_misses_are_named() {
        let md = "> [!WARN]\n> x\n\n> [!Cautoin]\n> y\n\n> [!UNKNOWN]\n> z\n\n> [!note]\n> w\n";
        let got = near_misses(&events(md), md);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, 2);
        assert!(
            got[0].2.starts_with("did you mean `[!WARNING]`?"),
            "{got:?}"
        );
        assert_eq!(&md[got[1].0..got[1].0 + 10], "[!Cautoin]");
        assert!(
            got[1].2.starts_with("did you mean `[!CAUTION]`?"),
            "{got:?}"
        );
    }

    #[test]
    fn unknown_kinds_and_plain_quotes_stay_quotes() {
        let out = html("> [!UNKNOWN]\n> Text.\n");
        assert!(out.starts_with("<blockquote>"), "{out}");
        assert!(out.contains("[!UNKNOWN]"), "{out}");
        assert!(html("> Just a quote.\n").starts_with("<blockquote>"));
    }

    #[test]
    fn warnings_in_the_checklist_section_go_on_the_card() {
        let md = "> [!WARNING]\n> Not on the card: before the checklist.\n\n## Checklist\n\n> [!CAUTION]\n> Never read out a full card number.\n\n> [!TIP]\n> Tips stay in the chapter.\n\n### Do\n\n- [ ] One.\n\n> [!WARNING]\n> Inside a group.\n\n### Avoid\n\n- [ ] Two.\n\n## After\n\n> [!WARNING]\n> Not on the card: after the checklist.\n";
        let got = card_callouts(&events(md), &ChecklistConfig::default());
        let texts: Vec<_> = got.iter().map(|c| (c.key, c.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                ("callout_caution", "Never read out a full card number."),
                ("callout_warning", "Inside a group.")
            ]
        );
    }

    #[test]
    fn every_kind_has_its_title_in_the_strings_table() {
        let words = Strings::default();
        for (_, k) in &KINDS {
            assert!(words.has(k.key), "{} is not in strings.toml", k.key);
        }
        let mut french = Strings::default();
        french.set("callout_warning", "Attention");
        let mut ev = events("> [!WARNING]\n> Vérifiez l'identité.\n");
        render(&mut ev, &french);
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, ev.into_iter().map(|(e, _)| e));
        assert!(out.contains("aria-label=\"Attention\""), "{out}");
        assert!(out.contains("</svg>Attention</p>"), "{out}");
    }

    #[test]
    fn without_a_checklist_section_only_the_groups_count() {
        let md = "### Do\n\n- [ ] One.\n\n> [!WARNING]\n> In the group.\n\n### Avoid\n\n- [ ] Two.\n\n### Later\n\n> [!WARNING]\n> Not in it.\n";
        let got = card_callouts(&events(md), &ChecklistConfig::default());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "In the group.");
        assert!(
            card_callouts(&events("> [!WARNING]\n> x\n"), &ChecklistConfig::default()).is_empty()
        );
    }
}
