//! Diagnostics: every problem carebook reports names a file, a line and a column,
//! says what was expected and, where it can, how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

pub mod render;

pub use render::{Counts, Format};

/// How serious a problem is. Ordered from least to most serious, so a threshold such as
/// "warnings and worse" is a comparison.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// `carebook check` only: worth a look, never fails anything.
    Suggestion,
    /// Reported; the build still succeeds.
    Warning,
    /// The build stops and the previous site stays as it was.
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }
}

/// The rule a build problem is filed under when its maker names none: `carebook check`
/// shows it in brackets, `--format json` as `rule`.
pub const BUILD_RULE: &str = "build";

/// One problem, from any command: the build, `check`'s rules, a pack, `serve`'s error
/// page or `init`. Every renderer in [`render`] reads this one type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// `build` for what the build itself checks; `structure`, `checklist`, `pack`,
    /// `carebook.blame` (a prose rule) ... for `check`'s rules. Rules are open-ended
    /// (a book can define its own prose rules), so this is their name.
    pub rule: String,
    pub path: PathBuf,
    /// 1-based line in the source file; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub col: usize,
    /// How many characters from `col` the problem covers (at least 1).
    pub width: usize,
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// A page that explains the rule (a chapter of the handbook, or docs/rules.md).
    pub see: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, pos, message)
    }

    pub fn warning(path: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, pos, message)
    }

    pub fn new(
        severity: Severity,
        path: impl Into<PathBuf>,
        pos: Pos,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            rule: BUILD_RULE.to_owned(),
            path: path.into(),
            line: pos.line,
            col: pos.col,
            width: pos.width.max(1),
            message: message.into(),
            hint: None,
            see: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn with_rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = rule.into();
        self
    }

    pub fn with_width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` (or just `path` for the whole file), on one line.
    pub fn location(&self) -> String {
        let path = one_line(&display_path(&self.path)).into_owned();
        if self.line == 0 {
            path
        } else {
            format!("{path}:{}:{}", self.line, self.col)
        }
    }
}

/// The short form, `path:line:col: error: message` and an indented `help:` line: what
/// the browser's error page in `serve` shows, and what logs read best.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.location(),
            self.severity.name(),
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

/// Paths print with forward slashes and without a leading `./`, so messages read the
/// same on every system and can be pasted into an editor's "go to file".
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

/// `text` with control characters and line separators written as escapes (`\n`,
/// `\u{1b}`); everything else, accented letters included, as it is.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let breaks = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !text.contains(breaks) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if breaks(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A 1-based line/column position, and how many characters from there the thing it
/// names covers on that line (a value's carets underline all of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
    pub width: usize,
}

impl Default for Pos {
    fn default() -> Self {
        Pos::new(0, 0)
    }
}

impl Pos {
    pub const FILE: Pos = Pos {
        line: 0,
        col: 0,
        width: 1,
    };

    pub const fn new(line: usize, col: usize) -> Self {
        Pos {
            line,
            col,
            width: 1,
        }
    }

    /// The same place, covering `width` characters (at least one).
    pub fn wide(self, width: usize) -> Self {
        Pos {
            width: width.max(1),
            ..self
        }
    }
}

/// Maps byte offsets in a text to 1-based line and character columns.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Pos::new(line + 1, col)
    }

    /// The position of `range`, covering its characters up to the end of its first
    /// line.
    pub fn span(&self, range: std::ops::Range<usize>) -> Pos {
        let text = self.text.get(range.clone()).unwrap_or_default();
        let first_line = text.split('\n').next().unwrap_or_default();
        self.pos(range.start)
            .wide(first_line.trim_end_matches('\r').chars().count())
    }
}

/// The closest candidate to `word` by edit distance, when close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1) + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A hint naming the likely intended value, or listing the allowed ones.
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> String {
    match did_you_mean(word, candidates.clone()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            let list: Vec<String> = candidates.into_iter().map(|c| format!("`{c}`")).collect();
            if list.is_empty() {
                "none are declared yet".to_owned()
            } else {
                format!("expected one of {}", list.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_characters_not_bytes() {
        let idx = LineIndex::new("ab\ncé d\n");
        assert_eq!(idx.pos(0), Pos::new(1, 1));
        assert_eq!(idx.pos(3), Pos::new(2, 1));
        // "cé " is 4 bytes; the 'd' is the 4th character.
        assert_eq!(idx.pos(7), Pos::new(2, 4));
    }

    #[test]
    fn suggests_close_words_only() {
        let tags = ["empathy", "culture", "stress"];
        assert_eq!(did_you_mean("empaty", tags), Some("empathy"));
        assert_eq!(did_you_mean("culturel", tags), Some("culture"));
        assert_eq!(did_you_mean("banana", tags), None);
    }
}
