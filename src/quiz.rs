//! Knowledge checks: the chapter's last section, under `## Check your understanding`
//! (book.toml `[checks] heading`), written as a list of questions whose options are
//! task-list items, the correct ones ticked. In any other Markdown viewer it reads as a
//! numbered list with the answers ticked: a readable answer key.
//!
//! The Markdown pass hands the section's events here ([`split`]); they leave the
//! chapter's own HTML, so the checklist, the desk card and search never see the options,
//! and the templates draw the check as a form, a worksheet or an answer key.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use serde::Serialize;

type Events<'e> = Vec<(Event<'e>, Range<usize>)>;

/// A chapter's knowledge check.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Quiz {
    /// The heading's id (also the id of the form's section on the page).
    pub id: String,
    /// The heading as inline HTML.
    pub heading_html: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    /// The question's first paragraph, as inline HTML (it is the fieldset's legend).
    pub text_html: String,
    /// Blocks between the question and its options (a quoted message, a table), as HTML.
    pub context_html: String,
    pub options: Vec<Choice>,
    pub kind: Kind,
    /// What follows the options, shown once the learner has checked; may be empty.
    pub explanation_html: String,
    /// The page adds "Choose all that apply" to a multiple-answer question whose text
    /// does not already say so.
    pub add_choose_all: bool,
}

/// One answer option of a question.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// Inline HTML.
    pub html: String,
    pub correct: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// One ticked option: radio buttons.
    Single,
    /// More than one: checkboxes.
    Multiple,
    /// Two options, "True" and "False".
    TrueFalse,
}

impl Quiz {
    /// The number of questions, for pack scores.
    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// The check with every piece of HTML passed through `f` (a course pack points its
    /// links inside the pack).
    pub fn map_html(&self, mut f: impl FnMut(&str) -> String) -> Quiz {
        Quiz {
            id: self.id.clone(),
            heading_html: f(&self.heading_html),
            questions: self
                .questions
                .iter()
                .map(|q| Question {
                    text_html: f(&q.text_html),
                    context_html: f(&q.context_html),
                    options: q
                        .options
                        .iter()
                        .map(|o| Choice {
                            html: f(&o.html),
                            correct: o.correct,
                        })
                        .collect(),
                    kind: q.kind,
                    explanation_html: f(&q.explanation_html),
                    add_choose_all: q.add_choose_all,
                })
                .collect(),
        }
    }
}

/// How a check is drawn by `partials/quiz.html`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// On the chapter page: answer, check, see why.
    Form,
    /// In print: questions with empty boxes, no answers.
    Worksheet,
    /// The trainer's answer key, with explanations.
    Key,
}

#[derive(Serialize)]
struct QuizCtx<'a> {
    quiz: &'a Quiz,
    quiz_mode: Mode,
    /// Put before ids, so they stay unique on a page of many chapters.
    quiz_prefix: &'a str,
}

/// The check as HTML, from the theme's `partials/quiz.html`.
pub fn html(
    site: &crate::render::Site<'_>,
    quiz: &Quiz,
    mode: Mode,
    prefix: &str,
) -> Result<String, crate::Error> {
    let ctx = QuizCtx {
        quiz,
        quiz_mode: mode,
        quiz_prefix: prefix,
    };
    site.render("partials/quiz.html", &ctx)
}

/// Something wrong in a check, at a byte offset of the chapter's body.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
    pub hint: String,
}

impl Problem {
    fn new(offset: usize, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Problem {
            offset,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// Takes the check section (its heading and everything up to the next heading of the
/// same or a higher level) out of `events` and returns its events. Footnote definitions
/// written at the end of the chapter stay in the chapter. A section after the check is
/// reported: the check is the chapter's last section, so the page can put it last.
pub fn split<'e>(
    events: &mut Events<'e>,
    heading: &str,
    problems: &mut Vec<Problem>,
) -> Option<Events<'e>> {
    let start = events.iter().enumerate().position(|(i, (e, _))| {
        matches!(e, Event::Start(Tag::Heading { .. }))
            && is_check_heading(&events[i + 1..], heading)
    })?;
    let Event::Start(Tag::Heading { level, .. }) = events[start].0 else {
        return None;
    };
    let end = events[start + 1..]
        .iter()
        .position(|(e, _)| matches!(e, Event::Start(Tag::Heading { level: l, .. }) if *l <= level))
        .map_or(events.len(), |p| start + 1 + p);
    if end < events.len() {
        problems.push(Problem::new(
            events[end].1.start,
            format!("this section comes after the knowledge check (`{}`), which must be the chapter's last section", heading_mark(level, heading)),
            "move the knowledge check to the end of the chapter",
        ));
    }
    let mut section: Events<'e> = Vec::new();
    let mut kept: Events<'e> = Vec::with_capacity(events.len());
    let mut depth_in_footnote = 0usize;
    for (i, ev) in events.drain(..).enumerate() {
        if i < start || i >= end {
            kept.push(ev);
            continue;
        }
        match &ev.0 {
            Event::Start(Tag::FootnoteDefinition(_)) => depth_in_footnote += 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                depth_in_footnote = depth_in_footnote.saturating_sub(1);
                kept.push(ev);
                continue;
            }
            _ => {}
        }
        if depth_in_footnote > 0 {
            kept.push(ev);
        } else {
            section.push(ev);
        }
    }
    *events = kept;
    Some(section)
}

fn heading_mark(level: HeadingLevel, heading: &str) -> String {
    format!("{} {heading}", "#".repeat(level as usize))
}

/// Whether the heading whose inline events start `after` is the check heading.
fn is_check_heading(after: &[(Event<'_>, Range<usize>)], heading: &str) -> bool {
    let mut title = String::new();
    for (e, _) in after {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => title.push_str(t),
            Event::SoftBreak | Event::HardBreak => title.push(' '),
            _ => {}
        }
    }
    let norm = |s: &str| {
        s.trim()
            .trim_end_matches(':')
            .trim()
            .replace('’', "'")
            .to_lowercase()
    };
    norm(&title) == norm(heading)
}

/// The check in `section` (from [`split`]); `None` when it has errors, which are added
/// to `problems`.
pub fn parse(section: &[(Event<'_>, Range<usize>)], problems: &mut Vec<Problem>) -> Option<Quiz> {
    let before = problems.len();
    let Some((Event::Start(Tag::Heading { id, .. }), head_range)) = section.first() else {
        return None;
    };
    let head_end = section
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
        .unwrap_or(0);
    let mut quiz = Quiz {
        id: id
            .as_deref()
            .unwrap_or("check-your-understanding")
            .to_owned(),
        heading_html: html_of(&section[1..head_end]),
        questions: Vec::new(),
    };
    let mut i = head_end + 1;
    while i < section.len() {
        let end = block_end(section, i);
        match &section[i].0 {
            Event::Start(Tag::List(_)) => {
                let mut j = i + 1;
                while j < end {
                    let item_end = block_end(section, j);
                    if let Some(q) = question(&section[j..=item_end], problems) {
                        quiz.questions.push(q);
                    }
                    j = item_end + 1;
                }
            }
            Event::Html(t) if is_comment_or_blank(t) => {}
            _ => problems.push(Problem::new(
                section[i].1.start,
                "only the list of questions belongs in the knowledge check",
                "make this part of a question (indent it under the question, after its options, to make it the explanation), or move it above the check's heading",
            )),
        }
        i = end + 1;
    }
    if quiz.questions.is_empty() && problems.len() == before {
        problems.push(Problem::new(
            head_range.start,
            "this knowledge check has no questions",
            "under the heading, write a numbered list of questions, each with its options as a task list (`- [ ]` wrong, `- [x]` right)",
        ));
    }
    (problems.len() == before).then_some(quiz)
}

/// One question from its list item's events (`Start(Item)` to `End(Item)`).
fn question(item: &[(Event<'_>, Range<usize>)], problems: &mut Vec<Problem>) -> Option<Question> {
    let at = item[0].1.start;
    if let Some((Event::TaskListMarker(_), r)) = item.get(1) {
        problems.push(Problem::new(
            r.start,
            "this option is not inside a question",
            "write the question as a list item of its own, then indent the options under it so they line up with the question's text",
        ));
        return None;
    }
    let inner = &item[1..item.len() - 1];
    // A tight list item holds its text without a paragraph; a loose one in paragraphs.
    let mut text: &[(Event<'_>, Range<usize>)] = &[];
    let mut context: Vec<&[(Event<'_>, Range<usize>)]> = Vec::new();
    let mut explanation: Vec<&[(Event<'_>, Range<usize>)]> = Vec::new();
    let mut options: Option<(usize, Vec<Choice>)> = None;
    let mut i = 0;
    let mut first = true;
    while i < inner.len() {
        let (block, next) = if is_block_start(&inner[i].0) {
            let end = block_end(inner, i);
            (&inner[i..=end], end + 1)
        } else {
            // Inline events up to the next block.
            let end = inner[i..]
                .iter()
                .position(|(e, _)| is_block_start(e))
                .map_or(inner.len(), |p| i + p);
            (&inner[i..end], end)
        };
        i = next;
        let is_list = matches!(block[0].0, Event::Start(Tag::List(_)));
        if first && !is_list {
            first = false;
            text = match block[0].0 {
                Event::Start(Tag::Paragraph) => &block[1..block.len() - 1],
                _ => block,
            };
            continue;
        }
        first = false;
        if is_list && options.is_none() && has_task_items(block) {
            options = Some((block[0].1.start, choices(block, problems)?));
        } else if options.is_none() {
            if is_list && !has_task_items(block) {
                problems.push(Problem::new(
                    block[0].1.start,
                    "the options of a question must be task-list items",
                    "write each option as `- [ ] wrong answer` or `- [x] right answer`",
                ));
                return None;
            }
            context.push(block);
        } else {
            if is_list && has_task_items(block) {
                problems.push(Problem::new(
                    block[0].1.start,
                    "these options come after the question's explanation",
                    "keep all the options in one list right under the question, and the explanation after them",
                ));
                return None;
            }
            explanation.push(block);
        }
    }
    let text_html = html_of(text);
    if plain_text(text).is_empty() {
        problems.push(Problem::new(
            at,
            "this question has no text",
            "write the question on the list item's first line, before its options",
        ));
        return None;
    }
    let Some((options_at, options)) = options else {
        problems.push(Problem::new(
            at,
            "this question has no options",
            "add its options under it as a task list, indented to line up with the question's text: `- [ ] wrong answer`, `- [x] right answer`",
        ));
        return None;
    };
    if options.len() < 2 {
        problems.push(Problem::new(
            options_at,
            format!(
                "a question needs at least two options; this one has {}",
                options.len()
            ),
            "add the wrong answers a learner might believe, as `- [ ]` items",
        ));
        return None;
    }
    let correct = options.iter().filter(|o| o.correct).count();
    if correct == 0 {
        problems.push(Problem::new(
            options_at,
            "no option of this question is ticked as correct",
            "tick the right answer (or answers) with `[x]`: `- [x] the right answer`",
        ));
        return None;
    }
    let kind = if correct > 1 {
        Kind::Multiple
    } else if is_true_false(&options) {
        Kind::TrueFalse
    } else {
        Kind::Single
    };
    let says = plain_text(text).to_lowercase();
    Some(Question {
        add_choose_all: kind == Kind::Multiple && !says.contains("all that apply"),
        text_html,
        context_html: context.iter().map(|b| html_of(b)).collect(),
        options,
        kind,
        explanation_html: explanation.iter().map(|b| html_of(b)).collect(),
    })
}

/// The options of a task list (`Start(List)` to `End(List)`).
fn choices(list: &[(Event<'_>, Range<usize>)], problems: &mut Vec<Problem>) -> Option<Vec<Choice>> {
    let mut out = Vec::new();
    let mut j = 1;
    while j + 1 < list.len() {
        let end = block_end(list, j);
        let item = &list[j..=end];
        j = end + 1;
        let Some((Event::TaskListMarker(correct), _)) = item.get(1) else {
            problems.push(Problem::new(
                item[0].1.start,
                "this option is not a task-list item",
                "start it with `[ ]` (a wrong answer) or `[x]` (a right one): `- [ ] answer`",
            ));
            return None;
        };
        let body = &item[2..item.len() - 1];
        if plain_text(body).is_empty() {
            problems.push(Problem::new(
                item[0].1.start,
                "this option is empty",
                "write the answer after its box, or delete the line",
            ));
            return None;
        }
        let inline: Vec<_> = body
            .iter()
            .filter(|(e, _)| {
                !matches!(
                    e,
                    Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                )
            })
            .cloned()
            .collect();
        out.push(Choice {
            html: html_of(&inline).trim().to_owned(),
            correct: *correct,
        });
    }
    Some(out)
}

fn is_true_false(options: &[Choice]) -> bool {
    let word = |o: &Choice| o.html.trim().trim_end_matches('.').to_lowercase();
    options.len() == 2 && {
        let (a, b) = (word(&options[0]), word(&options[1]));
        (a == "true" && b == "false") || (a == "false" && b == "true")
    }
}

/// Whether the list holds a task item of its own (not one in a nested list).
fn has_task_items(list: &[(Event<'_>, Range<usize>)]) -> bool {
    let mut depth = 0;
    for w in list.windows(2) {
        match w[0].0 {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) if depth == 1 && matches!(w[1].0, Event::TaskListMarker(_)) => {
                return true
            }
            _ => {}
        }
    }
    false
}

fn is_block_start(e: &Event<'_>) -> bool {
    matches!(
        e,
        Event::Start(
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::List(_)
                | Tag::Item
                | Tag::FootnoteDefinition(_)
                | Tag::Table(_)
                | Tag::DefinitionList
                | Tag::MetadataBlock(_)
        ) | Event::Rule
            | Event::Html(_)
    )
}

/// The index of the event that closes the one at `start` (itself when it opens nothing).
fn block_end(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    if !matches!(events[start].0, Event::Start(_)) {
        return start;
    }
    let mut depth = 0usize;
    for (j, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn is_comment_or_blank(html: &str) -> bool {
    let t = html.trim();
    t.is_empty() || (t.starts_with("<!--") && t.ends_with("-->"))
}

fn html_of(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.iter().map(|(e, _)| e.clone()));
    html
}

fn plain_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut s = String::new();
    for (e, _) in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            Event::Start(Tag::Image { .. }) => s.push_str("[image]"),
            _ => {}
        }
    }
    s.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{LineIndex, Pos};
    use pulldown_cmark::Parser;

    const HEADING: &str = "Check your understanding";

    /// The check of `md`, what is left of the chapter as HTML, and the problems with
    /// their line:col.
    fn run(md: &str) -> (Option<Quiz>, String, Vec<(Pos, String)>) {
        let mut events: Events<'_> = Parser::new_ext(md, crate::markdown::options())
            .into_offset_iter()
            .collect();
        let mut problems = Vec::new();
        let quiz =
            split(&mut events, HEADING, &mut problems).and_then(|s| parse(&s, &mut problems));
        let lines = LineIndex::new(md);
        let found = problems
            .iter()
            .map(|p| (lines.pos(p.offset), p.message.clone()))
            .collect();
        (quiz, html_of(&events), found)
    }

    fn errors(md: &str) -> Vec<(usize, usize, String)> {
        run(md)
            .2
            .into_iter()
            .map(|(p, m)| (p.line, p.col, m))
            .collect()
    }

    const GOOD: &str = "# Listening\n\nIntro.\n\n## Checklist\n\n### Do\n\n- [ ] Sum up.\n\n## Check your understanding\n\n1. What do you do *first*?\n\n   - [ ] Read the policy.\n   - [x] Sum up what you heard.\n   - [ ] Ask for the number twice.\n\n   Summing up proves you listened.\n\n2. Which show you are following? Choose all that apply.\n   - [x] A short \"I see\".\n   - [x] Using their details.\n   - [ ] Silence.\n\n3. True or false: asking again is fine.\n\n   - [ ] True\n   - [x] False\n\n   > They told you once.\n\n[^1]: A footnote at the end.\n";

    #[test]
    fn a_good_check_is_parsed_and_leaves_the_chapter() {
        let (quiz, html, problems) = run(GOOD);
        assert_eq!(problems, []);
        let quiz = quiz.expect("a quiz");
        assert_eq!(quiz.heading_html, "Check your understanding");
        assert_eq!(quiz.questions.len(), 3);
        let q = &quiz.questions[0];
        assert_eq!(q.text_html, "What do you do <em>first</em>?");
        assert_eq!(q.kind, Kind::Single);
        assert_eq!(
            q.options.iter().map(|o| o.correct).collect::<Vec<_>>(),
            [false, true, false]
        );
        assert_eq!(q.options[1].html, "Sum up what you heard.");
        assert_eq!(
            q.explanation_html,
            "<p>Summing up proves you listened.</p>\n"
        );
        assert_eq!(quiz.questions[1].kind, Kind::Multiple);
        assert!(
            !quiz.questions[1].add_choose_all,
            "the text already says it"
        );
        assert_eq!(quiz.questions[2].kind, Kind::TrueFalse);
        assert!(quiz.questions[2].explanation_html.contains("<blockquote>"));
        assert!(
            !html.contains("Read the policy"),
            "options leave the chapter"
        );
        assert!(html.contains("Sum up."), "the checklist stays");
        assert!(html.contains("A footnote at the end"), "footnotes stay");
    }

    #[test]
    fn no_ticked_option() {
        let md = "## Check your understanding\n\n1. Which?\n   - [ ] a\n   - [ ] b\n";
        assert_eq!(
            errors(md),
            [(
                4,
                4,
                "no option of this question is ticked as correct".into()
            )]
        );
    }

    #[test]
    fn fewer_than_two_options() {
        let md = "## Check your understanding\n\n1. Which?\n\n   - [x] only\n";
        assert_eq!(
            errors(md),
            [(
                5,
                4,
                "a question needs at least two options; this one has 1".into()
            )]
        );
    }

    #[test]
    fn empty_question_text() {
        let md = "## Check your understanding\n\n1. Fine?\n   - [x] a\n   - [ ] b\n2.\n   - [x] a\n   - [ ] b\n";
        assert_eq!(errors(md), [(6, 1, "this question has no text".into())]);
    }

    #[test]
    fn task_item_outside_a_question() {
        let md = "## Check your understanding\n\n- [x] Stray option\n- [ ] Another\n";
        assert_eq!(
            errors(md),
            [
                (3, 3, "this option is not inside a question".into()),
                (4, 3, "this option is not inside a question".into())
            ]
        );
    }

    #[test]
    fn question_without_options() {
        let md = "## Check your understanding\n\n1. What now?\n\n   Just a paragraph.\n";
        assert_eq!(errors(md), [(3, 1, "this question has no options".into())]);
    }

    #[test]
    fn options_that_are_not_task_items() {
        let md = "## Check your understanding\n\n1. What now?\n   - one\n   - two\n";
        assert_eq!(
            errors(md),
            [(
                4,
                4,
                "the options of a question must be task-list items".into()
            )]
        );
    }

    #[test]
    fn something_else_in_the_section() {
        let md = "## Check your understanding\n\nRead this first.\n\n1. Q?\n   - [x] a\n   - [ ] b\n\n### Extra\n";
        assert_eq!(
            errors(md),
            [
                (
                    3,
                    1,
                    "only the list of questions belongs in the knowledge check".into()
                ),
                (
                    9,
                    1,
                    "only the list of questions belongs in the knowledge check".into()
                )
            ]
        );
    }

    #[test]
    fn a_section_after_the_check() {
        let md =
            "## Check your understanding\n\n1. Q?\n   - [x] a\n   - [ ] b\n\n## Notes\n\nMore.\n";
        let found = errors(md);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1), (7, 1));
        assert!(found[0].2.contains("must be the chapter's last section"));
    }

    #[test]
    fn an_empty_check() {
        let md = "Text.\n\n## Check your understanding\n";
        assert_eq!(
            errors(md),
            [(3, 1, "this knowledge check has no questions".into())]
        );
    }

    #[test]
    fn options_after_the_explanation() {
        let md = "## Check your understanding\n\n1. Q?\n\n   - [x] a\n   - [ ] b\n\n   Because.\n\n   - [ ] c\n";
        assert_eq!(
            errors(md),
            [(
                10,
                4,
                "these options come after the question's explanation".into()
            )]
        );
    }

    #[test]
    fn a_chapter_without_a_check_is_left_alone() {
        let (quiz, html, problems) = run("## Checklist\n\n- [ ] a\n");
        assert!(quiz.is_none() && problems.is_empty());
        assert!(html.contains("checkbox"));
    }

    #[test]
    fn multiple_answers_get_the_hint_and_true_false_needs_both_words() {
        let md = "## Check your understanding:\n\n1. Which?\n   - [x] a\n   - [x] b\n2. Is it?\n   - [x] True\n   - [ ] Maybe\n";
        let (quiz, _, problems) = run(md);
        assert_eq!(problems, []);
        let quiz = quiz.unwrap();
        assert!(quiz.questions[0].add_choose_all);
        assert_eq!(quiz.questions[1].kind, Kind::Single);
    }
}
