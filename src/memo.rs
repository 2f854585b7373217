//! Each chapter's analysis kept between builds, so a rebuild renders only the chapters
//! whose inputs changed. A chapter's entry is keyed by a hash of everything its Markdown
//! pass and desk-card measure read: its text (includes already expanded), its place
//! (id, source and output paths), its card settings, and the book's context, which is
//! every other chapter's and part's address, the asset files, all of book.toml and the
//! interface's words (links resolve against the book's page set; see
//! `markdown::LinkTargets::new`, which reads exactly these). A different key, an entry
//! that does not decode, or a cache from another carebook is a miss: the chapter is
//! rendered as if there were no cache.
//!
//! Stored in `.carebook-cache/<site>/chapters/<n>.bin` (see `crate::cache`): entries
//! are spread over shard files by chapter name, about a hundred chapters a file, so an
//! edit rewrites one small file rather than the analysis of the whole book. Each file is
//! a plain list of frames (name, key, bytes) so loading is one read and a slice per
//! chapter; an entry's bytes are its analysis in postcard (already the cache's format),
//! decoded only for the chapters that are reused.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::book::{Book, Chapter, ChapterId};
use crate::cardfit::CardFit;
use crate::diag::{Diagnostic, Pos, Severity};
use crate::markdown::callouts::{CardCallout, KINDS};
use crate::markdown::quiz::{Choice, Kind, Question, Quiz};
use crate::markdown::{
    AnchorLink, Checklist, ChecklistItem, PageLink, Rendered, Section, TocEntry,
};

/// The folder of the shard files, inside the site's cache folder.
const DIR: &str = "chapters";
/// About this many chapters go in one shard file.
const PER_SHARD: usize = 100;

/// The analyses of the last build, and what this build keeps and adds.
#[derive(Default)]
pub struct Memo {
    /// Last build's entries by chapter name: its key and its encoded analysis.
    old: HashMap<String, (u128, Blob)>,
    /// What each shard file of the last build held, (name, key) sorted.
    old_files: HashMap<usize, Vec<(String, u128)>>,
    /// This build's entries: name → key, with the encoded analysis when it is new.
    now: Mutex<HashMap<String, Kept>>,
    reused: AtomicUsize,
    rendered: AtomicUsize,
}

/// One chapter's entry in this build: its key, and where its analysis is.
type Kept = (u128, Made);

/// Where the analysis of an entry of this build is.
#[derive(Clone, Copy)]
enum Made {
    /// Reused: the last build's bytes.
    Before,
    /// Rendered by this build: chapter `id` of the site in `language`, encoded only
    /// when its shard file is written. Encoding as each chapter was rendered held the
    /// whole book's encoded analyses until the end (about 100 MB at 10,000 chapters).
    Now { language: usize, id: ChapterId },
}

/// A shard file's frames: (chapter name, key, where its encoded analysis is in the file).
type Frames = Vec<(String, u128, std::ops::Range<usize>)>;

/// An entry's encoded analysis: a range of its shard file, which is read once and
/// shared by its entries rather than copied out entry by entry.
struct Blob {
    shard: std::sync::Arc<Vec<u8>>,
    range: std::ops::Range<usize>,
}

impl Blob {
    fn bytes(&self) -> &[u8] {
        &self.shard[self.range.clone()]
    }
}

/// A chapter's place in the memo: its name (stable across edits) and the key of its
/// inputs.
pub struct Entry {
    name: String,
    key: u128,
}

impl Memo {
    /// The memo kept beside the site at `target`; empty when there is none or it does
    /// not read back (each unreadable shard file only loses its own chapters).
    pub fn load(target: &Path) -> Memo {
        let dir = crate::cache::dir(target).join(DIR);
        let Ok(listing) = std::fs::read_dir(&dir) else {
            return Memo::default();
        };
        let shards: Vec<usize> = listing
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                name.strip_suffix(".bin")?.parse().ok()
            })
            .collect();
        let loaded: Vec<(usize, std::sync::Arc<Vec<u8>>, Frames)> = shards
            .into_par_iter()
            .filter_map(|n| {
                let bytes = crate::cache::load_raw(target, &shard_name(n))?;
                let frames = parse_frames(&bytes)?;
                Some((n, std::sync::Arc::new(bytes), frames))
            })
            .collect();
        let mut memo = Memo::default();
        for (n, shard, entries) in loaded {
            let mut listed = Vec::with_capacity(entries.len());
            for (name, key, range) in entries {
                listed.push((name.clone(), key));
                let blob = Blob {
                    shard: shard.clone(),
                    range,
                };
                memo.old.insert(name, (key, blob));
            }
            listed.sort();
            memo.old_files.insert(n, listed);
        }
        memo
    }

    /// The entry of chapter `id` of `book`, with `context` from [`Memo::context`].
    pub fn entry(context: u128, book: &Book, id: ChapterId) -> Entry {
        let ch = &book.chapters[id];
        let mut h = Xxh3::new();
        h.update(&context.to_le_bytes());
        feed(&mut h, &(id.index() as u64).to_le_bytes());
        chapter_inputs(&mut h, ch);
        Entry {
            name: format!("{}\u{1f}{}", book.language, ch.source.display()),
            key: h.digest128(),
        }
    }

    /// Everything besides the chapter itself that its analysis reads, as one hash.
    /// `words` are the interface's words the chapters are rendered with (the link
    /// targets' table, already loaded).
    pub fn context(book: &Book, words: &crate::strings::Strings) -> u128 {
        let mut h = Xxh3::new();
        feed_debug(&mut h, &book.config);
        feed_debug(&mut h, &book.language);
        feed_debug(&mut h, words);
        for ch in &book.chapters {
            feed_debug(&mut h, &(&ch.source, &ch.out_path));
        }
        for p in &book.parts {
            feed_debug(&mut h, &(&p.dir, &p.out_path));
        }
        feed_debug(&mut h, &book.assets);
        feed_debug(&mut h, &book.elsewhere);
        h.digest128()
    }

    /// The last build's analysis of the chapter at `entry`, when its inputs are the
    /// same; notes the entry as kept either way (`keep` notes a miss).
    pub fn get(&self, entry: &Entry) -> Option<(Rendered, Option<CardFit>)> {
        let (key, blob) = self.old.get(&entry.name)?;
        if *key != entry.key {
            return None;
        }
        let found = decode(blob.bytes())?;
        self.reused.fetch_add(1, Ordering::Relaxed);
        self.note(entry, Made::Before);
        Some(found)
    }

    /// Notes that chapter `id` of the site in `language` was rendered for `entry`; its
    /// analysis (as `rendered` is now: `save` reads it back from the site's analysis,
    /// which must not change it meanwhile) is kept for the next build.
    pub fn keep(&self, entry: &Entry, language: usize, id: ChapterId, rendered: &Rendered) {
        self.rendered.fetch_add(1, Ordering::Relaxed);
        if rendered.prose.is_some() {
            // Made for `check`, which the memo does not serve.
            return;
        }
        self.note(entry, Made::Now { language, id });
    }

    fn note(&self, entry: &Entry, made: Made) {
        self.now
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(entry.name.clone(), (entry.key, made));
    }

    /// Chapters whose analysis was reused, and chapters rendered, so far.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.reused.load(Ordering::Relaxed),
            self.rendered.load(Ordering::Relaxed),
        )
    }

    /// Writes this build's entries beside the site at `target`: only the shard files
    /// whose entries changed, and removes the ones no longer used. `analysis` gives the
    /// analysis of a chapter this build rendered (site language, chapter). Failures are
    /// warnings (see `crate::cache::save_raw`): the next build renders more.
    pub fn save<'a>(
        self,
        target: &Path,
        analysis: impl Fn(usize, ChapterId) -> Option<(&'a Rendered, Option<CardFit>)> + Sync,
    ) {
        let now = self.now.into_inner().unwrap_or_else(|e| e.into_inner());
        let shards = now.len().div_ceil(PER_SHARD).max(1).next_power_of_two();
        let mut files: Vec<Vec<(&String, u128, Made)>> = vec![Vec::new(); shards];
        for (name, &(key, made)) in &now {
            if matches!(made, Made::Before) && !self.old.contains_key(name) {
                continue;
            }
            let n = (xxhash_rust::xxh3::xxh3_64(name.as_bytes()) % shards as u64) as usize;
            files[n].push((name, key, made));
        }
        let dir = crate::cache::dir(target).join(DIR);
        if std::fs::create_dir_all(&dir).is_err() {
            return;
        }
        files.par_iter_mut().enumerate().for_each(|(n, entries)| {
            entries.sort_by(|a, b| a.0.cmp(b.0));
            let same = self.old_files.get(&n).is_some_and(|old| {
                old.len() == entries.len()
                    && old
                        .iter()
                        .zip(entries.iter())
                        .all(|(o, e)| &o.0 == e.0 && o.1 == e.1)
            });
            if same {
                return;
            }
            let mut body = Vec::new();
            for &(name, key, made) in entries.iter() {
                let fresh;
                let blob: &[u8] = match made {
                    Made::Before => match self.old.get(name) {
                        Some((_, b)) => b.bytes(),
                        None => continue,
                    },
                    Made::Now { language, id } => {
                        // One that cannot be encoded is not kept: the next build
                        // renders it again.
                        let Some(bytes) = analysis(language, id)
                            .and_then(|(r, fit)| postcard::to_allocvec(&Stored::of(r, fit)).ok())
                        else {
                            continue;
                        };
                        fresh = bytes;
                        &fresh
                    }
                };
                frame(&mut body, name.as_bytes());
                body.extend_from_slice(&key.to_le_bytes());
                frame(&mut body, blob);
            }
            crate::cache::save_raw(target, &shard_name(n), &body);
        });
        let stale: HashSet<usize> = self
            .old_files
            .keys()
            .filter(|&&n| n >= shards)
            .copied()
            .collect();
        for n in stale {
            crate::cache::forget(target, &shard_name(n));
        }
    }
}

fn shard_name(n: usize) -> String {
    format!("{DIR}/{n}.bin")
}

fn frame(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// The frames of a shard file; `None` when it is cut short or not UTF-8 where it
/// should be.
fn parse_frames(whole: &[u8]) -> Option<Frames> {
    let mut bytes = whole;
    fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        if bytes.len() < n {
            return None;
        }
        let (head, rest) = bytes.split_at(n);
        *bytes = rest;
        Some(head)
    }
    fn sized<'a>(bytes: &mut &'a [u8]) -> Option<&'a [u8]> {
        let len = u32::from_le_bytes(take(bytes, 4)?.try_into().ok()?) as usize;
        take(bytes, len)
    }
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let name = std::str::from_utf8(sized(&mut bytes)?).ok()?.to_owned();
        let key = u128::from_le_bytes(take(&mut bytes, 16)?.try_into().ok()?);
        let blob = sized(&mut bytes)?;
        let start = whole.len() - bytes.len() - blob.len();
        out.push((name, key, start..start + blob.len()));
    }
    Some(out)
}

fn feed(h: &mut Xxh3, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

fn feed_debug(h: &mut Xxh3, value: &impl std::fmt::Debug) {
    feed(h, format!("{value:?}").as_bytes());
}

/// What the Markdown pass (`markdown::Doc::chapter`) and the card measure
/// (`cardfit::fit`) read of the chapter itself.
fn chapter_inputs(h: &mut Xxh3, ch: &Chapter) {
    feed(h, ch.text.as_bytes());
    feed_debug(
        h,
        &(
            &ch.source,
            &ch.path,
            &ch.out_path,
            ch.body_start,
            &ch.title,
            &ch.card,
        ),
    );
}

/// A chapter's analysis as it is stored: the same fields as [`Rendered`] and the card
/// fit, in types serde can write and read back (the originals hold `&'static str`s and
/// skip fields that only JSON for the templates should skip). [`Stored::of`] and
/// [`Stored::into_parts`] name every field of `Rendered`, so a field added there does
/// not compile until it is stored here too.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(borrow)]
    html: Cow<'a, str>,
    toc: Vec<(u8, Cow<'a, str>, Cow<'a, str>)>,
    anchors: Vec<Cow<'a, str>>,
    do_items: Vec<Item<'a>>,
    avoid_items: Vec<Item<'a>>,
    checklist_offset: Option<usize>,
    callouts: Vec<Callout<'a>>,
    sections: Vec<(Cow<'a, str>, Cow<'a, str>, Cow<'a, str>)>,
    words: usize,
    diagnostics: Vec<Diag<'a>>,
    anchor_links: Vec<StoredAnchor<'a>>,
    facts_used: Vec<Cow<'a, str>>,
    page_links: Vec<(Option<usize>, [usize; 4])>,
    quiz: Option<StoredQuiz<'a>>,
    fit: Option<(f64, Option<f64>)>,
}

/// An `AnchorLink`: target chapter, anchor, line, column, width, the link as written.
type StoredAnchor<'a> = (usize, Cow<'a, str>, [usize; 3], Cow<'a, str>);

#[derive(Serialize, Deserialize)]
struct Item<'a> {
    #[serde(borrow)]
    html: Cow<'a, str>,
    text: Cow<'a, str>,
    critical: bool,
    offset: usize,
}

#[derive(Serialize, Deserialize)]
struct Callout<'a> {
    #[serde(borrow)]
    class: Cow<'a, str>,
    key: Cow<'a, str>,
    icon: Cow<'a, str>,
    html: Cow<'a, str>,
    text: Cow<'a, str>,
}

#[derive(Serialize, Deserialize)]
struct Diag<'a> {
    severity: Severity,
    #[serde(borrow)]
    rule: Cow<'a, str>,
    path: Cow<'a, str>,
    line: usize,
    col: usize,
    width: usize,
    message: Cow<'a, str>,
    hint: Option<Cow<'a, str>>,
    see: Option<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
struct StoredQuiz<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    heading_html: Cow<'a, str>,
    questions: Vec<StoredQuestion<'a>>,
}

#[derive(Serialize, Deserialize)]
struct StoredQuestion<'a> {
    #[serde(borrow)]
    text_html: Cow<'a, str>,
    context_html: Cow<'a, str>,
    options: Vec<(Cow<'a, str>, bool)>,
    kind: u8,
    explanation_html: Cow<'a, str>,
    add_choose_all: bool,
}

fn b(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

fn own(s: Cow<'_, str>) -> String {
    s.into_owned()
}

impl<'a> Stored<'a> {
    fn of(r: &'a Rendered, fit: Option<CardFit>) -> Stored<'a> {
        let Rendered {
            html,
            toc,
            anchors,
            checklist,
            sections,
            words,
            diagnostics,
            anchor_links,
            facts_used,
            page_links,
            quiz,
            // Kept only while `check` lints, which does not use the memo.
            prose: _,
        } = r;
        let Checklist {
            do_items,
            avoid_items,
            offset,
            callouts,
        } = checklist;
        let item = |i: &'a ChecklistItem| {
            let ChecklistItem {
                html,
                text,
                critical,
                offset,
            } = i;
            Item {
                html: b(html),
                text: b(text),
                critical: *critical,
                offset: *offset,
            }
        };
        let mut anchors: Vec<Cow<'a, str>> = anchors.iter().map(|a| b(a)).collect();
        anchors.sort();
        Stored {
            html: b(html),
            toc: toc
                .iter()
                .map(|TocEntry { level, id, title }| (*level, b(id), b(title)))
                .collect(),
            anchors,
            do_items: do_items.iter().map(item).collect(),
            avoid_items: avoid_items.iter().map(item).collect(),
            checklist_offset: *offset,
            callouts: callouts
                .iter()
                .map(|c| {
                    let CardCallout {
                        class,
                        key,
                        icon,
                        html,
                        text,
                    } = c;
                    Callout {
                        class: b(class),
                        key: b(key),
                        icon: b(icon),
                        html: b(html),
                        text: b(text),
                    }
                })
                .collect(),
            sections: sections
                .iter()
                .map(|Section { id, title, text }| (b(id), b(title), b(text)))
                .collect(),
            words: *words,
            diagnostics: diagnostics.iter().map(Diag::of).collect(),
            anchor_links: anchor_links
                .iter()
                .map(
                    |AnchorLink {
                         target,
                         anchor,
                         pos,
                         link,
                     }| {
                        (
                            target.index(),
                            b(anchor),
                            [pos.line, pos.col, pos.width],
                            b(link),
                        )
                    },
                )
                .collect(),
            facts_used: facts_used.iter().map(|f| b(f)).collect(),
            page_links: page_links
                .iter()
                .map(
                    |PageLink {
                         chapter,
                         open,
                         close,
                     }| {
                        (
                            chapter.map(ChapterId::index),
                            [open.start, open.end, close.start, close.end],
                        )
                    },
                )
                .collect(),
            quiz: quiz.as_ref().map(StoredQuiz::of),
            fit: fit.map(|CardFit { full_pt, half_pt }| (full_pt, half_pt)),
        }
    }

    /// Back to the analysis; `None` for anything this carebook would not have written.
    fn into_parts(self) -> Option<(Rendered, Option<CardFit>)> {
        let item = |i: Item<'_>| ChecklistItem {
            html: own(i.html),
            text: own(i.text),
            critical: i.critical,
            offset: i.offset,
        };
        let callouts = self
            .callouts
            .into_iter()
            .map(|c| {
                // The class and key are the callout kind's own static names.
                let kind = KINDS
                    .iter()
                    .find(|(_, k)| k.class == c.class && k.key == c.key)?;
                Some(CardCallout {
                    class: kind.1.class,
                    key: kind.1.key,
                    icon: own(c.icon),
                    html: own(c.html),
                    text: own(c.text),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let quiz = match self.quiz {
            Some(q) => Some(q.into_quiz()?),
            None => None,
        };
        let rendered = Rendered {
            html: own(self.html),
            toc: self
                .toc
                .into_iter()
                .map(|(level, id, title)| TocEntry {
                    level,
                    id: own(id),
                    title: own(title),
                })
                .collect(),
            anchors: self.anchors.into_iter().map(own).collect(),
            checklist: Checklist {
                do_items: self.do_items.into_iter().map(item).collect(),
                avoid_items: self.avoid_items.into_iter().map(item).collect(),
                offset: self.checklist_offset,
                callouts,
            },
            sections: self
                .sections
                .into_iter()
                .map(|(id, title, text)| Section {
                    id: own(id),
                    title: own(title),
                    text: own(text),
                })
                .collect(),
            words: self.words,
            diagnostics: self
                .diagnostics
                .into_iter()
                .map(Diag::into_diagnostic)
                .collect(),
            anchor_links: self
                .anchor_links
                .into_iter()
                .map(|(target, anchor, [line, col, width], link)| AnchorLink {
                    target: ChapterId::new(target),
                    anchor: own(anchor),
                    pos: Pos { line, col, width },
                    link: own(link),
                })
                .collect(),
            facts_used: self.facts_used.into_iter().map(own).collect(),
            page_links: self
                .page_links
                .into_iter()
                .map(|(chapter, [a, b, c, d])| PageLink {
                    chapter: chapter.map(ChapterId::new),
                    open: a..b,
                    close: c..d,
                })
                .collect(),
            quiz,
            prose: None,
        };
        let fit = self
            .fit
            .map(|(full_pt, half_pt)| CardFit { full_pt, half_pt });
        Some((rendered, fit))
    }
}

impl<'a> Diag<'a> {
    fn of(d: &'a Diagnostic) -> Diag<'a> {
        let Diagnostic {
            severity,
            rule,
            path,
            line,
            col,
            width,
            message,
            hint,
            see,
        } = d;
        Diag {
            severity: *severity,
            rule: b(rule),
            path: path.to_string_lossy(),
            line: *line,
            col: *col,
            width: *width,
            message: b(message),
            hint: hint.as_deref().map(b),
            see: see.as_deref().map(b),
        }
    }

    fn into_diagnostic(self) -> Diagnostic {
        Diagnostic {
            severity: self.severity,
            rule: own(self.rule),
            path: own(self.path).into(),
            line: self.line,
            col: self.col,
            width: self.width,
            message: own(self.message),
            hint: self.hint.map(own),
            see: self.see.map(own),
        }
    }
}

const KINDS_OF_QUESTION: [Kind; 3] = [Kind::Single, Kind::Multiple, Kind::TrueFalse];

impl<'a> StoredQuiz<'a> {
    fn of(q: &'a Quiz) -> StoredQuiz<'a> {
        let Quiz {
            id,
            heading_html,
            questions,
        } = q;
        StoredQuiz {
            id: b(id),
            heading_html: b(heading_html),
            questions: questions
                .iter()
                .map(|q| {
                    let Question {
                        text_html,
                        context_html,
                        options,
                        kind,
                        explanation_html,
                        add_choose_all,
                    } = q;
                    StoredQuestion {
                        text_html: b(text_html),
                        context_html: b(context_html),
                        options: options
                            .iter()
                            .map(|Choice { html, correct }| (b(html), *correct))
                            .collect(),
                        kind: KINDS_OF_QUESTION
                            .iter()
                            .position(|k| k == kind)
                            .unwrap_or(usize::MAX) as u8,
                        explanation_html: b(explanation_html),
                        add_choose_all: *add_choose_all,
                    }
                })
                .collect(),
        }
    }

    fn into_quiz(self) -> Option<Quiz> {
        let questions = self
            .questions
            .into_iter()
            .map(|q| {
                Some(Question {
                    text_html: own(q.text_html),
                    context_html: own(q.context_html),
                    options: q
                        .options
                        .into_iter()
                        .map(|(html, correct)| Choice {
                            html: own(html),
                            correct,
                        })
                        .collect(),
                    kind: *KINDS_OF_QUESTION.get(q.kind as usize)?,
                    explanation_html: own(q.explanation_html),
                    add_choose_all: q.add_choose_all,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Quiz {
            id: own(self.id),
            heading_html: own(self.heading_html),
            questions,
        })
    }
}

fn decode(bytes: &[u8]) -> Option<(Rendered, Option<CardFit>)> {
    let stored: Stored<'_> = postcard::from_bytes(bytes).ok()?;
    stored.into_parts()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_analysis_reads_back_as_it_was_written() {
        let r = Rendered {
            html: "<p>Hi</p>".into(),
            toc: vec![TocEntry {
                level: 2,
                id: "a".into(),
                title: "A".into(),
            }],
            anchors: ["a".to_owned(), "b".to_owned()].into_iter().collect(),
            checklist: Checklist {
                do_items: vec![ChecklistItem {
                    html: "<em>x</em>".into(),
                    text: "x".into(),
                    critical: true,
                    offset: 42,
                }],
                avoid_items: Vec::new(),
                offset: Some(7),
                callouts: vec![CardCallout {
                    class: KINDS[3].1.class,
                    key: KINDS[3].1.key,
                    icon: "<svg/>".into(),
                    html: "<p>w</p>".into(),
                    text: "w".into(),
                }],
            },
            sections: vec![Section {
                id: "".into(),
                title: "".into(),
                text: "words".into(),
            }],
            words: 12,
            diagnostics: vec![Diagnostic::warning("g/x.md", Pos::new(3, 4), "odd").with_hint("fix")],
            anchor_links: vec![AnchorLink {
                target: ChapterId::new(5),
                anchor: "h".into(),
                pos: Pos::new(1, 2).wide(6),
                link: "x.md#h".into(),
            }],
            facts_used: vec!["phone".into()],
            page_links: vec![PageLink {
                chapter: Some(ChapterId::new(1)),
                open: 3..9,
                close: 12..16,
            }],
            quiz: Some(Quiz {
                id: "check".into(),
                heading_html: "Check".into(),
                questions: vec![Question {
                    text_html: "Q?".into(),
                    context_html: String::new(),
                    options: vec![Choice {
                        html: "yes".into(),
                        correct: true,
                    }],
                    kind: Kind::TrueFalse,
                    explanation_html: "because".into(),
                    add_choose_all: false,
                }],
            }),
            prose: None,
        };
        let fit = Some(CardFit {
            full_pt: 11.5,
            half_pt: None,
        });
        let bytes = postcard::to_allocvec(&Stored::of(&r, fit)).unwrap();
        let (back, back_fit) = decode(&bytes).unwrap();
        // Field by field: `anchors` is a set, whose Debug order varies.
        assert_eq!(back.anchors, r.anchors);
        let shown = |x: &Rendered| {
            format!(
                "{:?} {:?} {:?} {:?} {} {:?} {:?} {:?} {:?} {:?} {:?}",
                x.html,
                x.toc,
                x.checklist,
                x.sections,
                x.words,
                x.diagnostics,
                x.anchor_links,
                x.facts_used,
                x.page_links,
                x.quiz,
                x.checklist.callouts,
            )
        };
        assert_eq!(shown(&back), shown(&r));
        assert_eq!(back.checklist.do_items[0].offset, 42);
        assert_eq!(back_fit, fit);
        assert!(
            decode(&bytes[..bytes.len() - 1]).is_none(),
            "a cut entry is a miss"
        );
    }

    #[test]
    fn shard_files_read_back_and_cut_files_are_rejected() {
        let mut body = Vec::new();
        frame(&mut body, b"0\x1fa.md");
        body.extend_from_slice(&7u128.to_le_bytes());
        frame(&mut body, b"blob");
        let entries = parse_frames(&body).unwrap();
        assert_eq!(entries.len(), 1);
        let (name, key, range) = &entries[0];
        assert_eq!((name.as_str(), *key), ("0\u{1f}a.md", 7));
        assert_eq!(&body[range.clone()], b"blob");
        assert!(parse_frames(&body[..body.len() - 2]).is_none());
    }
}
