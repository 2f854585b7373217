//! Prose rules: the YAML rule format (modelled on Vale's rule kinds), the built-in
//! `carebook` style, the book's own styles from `styles/`, and the switches in book.toml.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use regex::Regex;
use serde::Deserialize;

use crate::book::Book;
use crate::config::{RuleSwitch, Severity, StyleSwitch, TomlSpans, CONFIG_FILE};
use crate::diag::{did_you_mean, suggestion, Diagnostic, LineIndex, Pos};

pub const BUILTIN_STYLE: &str = "carebook";
const BUILTIN_YAML: &str = include_str!("carebook.yml");
/// The spelling-variant rules of the built-in style (`carebook.spelling-us`, `-gb`).
const BUILTIN_SPELLING_YAML: &str = include_str!("spelling.yml");

/// One rule file: `styles/<style>.yml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleFile {
    #[serde(default)]
    #[allow(dead_code)]
    description: String,
    rules: Vec<RuleDef>,
}

/// A rule as written. One flat shape for every kind, so a misspelt key is reported
/// with its line; which keys a kind accepts is checked afterwards.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RuleDef {
    id: String,
    kind: Kind,
    #[serde(default = "default_level")]
    level: Severity,
    message: Option<String>,
    hint: Option<String>,
    link: Option<String>,
    ignorecase: Option<bool>,
    #[serde(default)]
    regex: bool,
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    swap: IndexMap<String, String>,
    #[serde(default)]
    exceptions: Vec<String>,
    scope: Option<Scope>,
    max: Option<f64>,
    metric: Option<Metric>,
    min_words: Option<usize>,
    /// Only for books in this language (`en-US`): the book's `language` is it or
    /// starts with it and a `-`.
    language: Option<String>,
    /// The book's chapter titles and file names are names: where the text quotes one
    /// ("customer-centred team"), a match inside it is not reported.
    #[serde(default)]
    title_exceptions: bool,
}

fn default_level() -> Severity {
    Severity::Warning
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Existence,
    Substitution,
    Occurrence,
    Metric,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Sentence,
    Paragraph,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Metric {
    FleschKincaid,
}

/// A compiled rule, ready to run.
#[derive(Debug)]
pub struct Rule {
    /// `style.id`, e.g. `carebook.jargon`.
    pub id: String,
    pub short: String,
    pub level: Severity,
    pub message: String,
    pub hint: Option<String>,
    /// Where to read more: a chapter's path as shown in diagnostics, or a web address.
    pub link: Option<String>,
    pub test: Test,
}

#[derive(Debug)]
pub enum Test {
    /// Flags every match; `message` gets the match for `%s`.
    Existence {
        pattern: Regex,
        exceptions: Option<Regex>,
    },
    /// Flags every match; `message` gets the replacement, then the match.
    Substitution {
        pattern: Regex,
        swaps: Vec<(Regex, String)>,
        exceptions: Option<Regex>,
    },
    /// At most `max` words per sentence or paragraph.
    Occurrence { scope: Scope, max: usize },
    /// Flesch-Kincaid grade of a chapter's running prose.
    Readability { max: f64, min_words: usize },
}

/// The desk-card rules of `carebook check`. They look at a chapter's card (its
/// checklist and `card.when`) rather than its prose, so they are built in, not YAML,
/// but they belong to the `carebook` style and are switched the same way in book.toml
/// (`carebook.card-critical = false`, `carebook.card-length = "warning"`).
pub const CARD_RULES: &[(&str, Severity)] = &[
    ("card-groups", Severity::Warning),
    ("card-length", Severity::Suggestion),
    ("card-item-length", Severity::Warning),
    ("card-critical", Severity::Warning),
    ("card-when", Severity::Warning),
];

#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// Every rule id that exists, switched on or not, for `carebook-lint` comments.
    pub known: Vec<String>,
    /// The desk-card rules that are on (short id, e.g. `card-when`), at their level.
    pub card: Vec<(&'static str, Severity)>,
}

impl RuleSet {
    /// Whether `name` (a full `style.id` or a bare id) names a rule.
    pub fn knows(&self, name: &str) -> bool {
        self.known
            .iter()
            .any(|k| k == name || k.split_once('.').is_some_and(|(_, s)| s == name))
    }

    /// The level of desk-card rule `id` (short, e.g. `card-when`), `None` when off.
    pub fn card_level(&self, id: &str) -> Option<Severity> {
        self.card.iter().find(|(r, _)| *r == id).map(|(_, l)| *l)
    }

    /// Whether `name` names a desk-card rule (which comments in a chapter cannot switch).
    pub fn is_card_rule(name: &str) -> bool {
        let short = name.strip_prefix("carebook.").unwrap_or(name);
        CARD_RULES.iter().any(|(r, _)| *r == short)
    }
}

/// A rule file with its text, for positions in errors found after parsing.
struct Source {
    style: String,
    path: PathBuf,
    text: String,
    builtin: bool,
}

/// Loads the built-in style and the book's styles, applies the switches in book.toml,
/// and compiles every rule. All mistakes are reported together.
pub fn load(root: &Path, book: &Book, toml_text: &str) -> Result<RuleSet, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut sources = vec![
        Source {
            style: BUILTIN_STYLE.into(),
            path: PathBuf::from("<built-in>/carebook.yml"),
            text: BUILTIN_YAML.into(),
            builtin: true,
        },
        Source {
            style: BUILTIN_STYLE.into(),
            path: PathBuf::from("<built-in>/spelling.yml"),
            text: BUILTIN_SPELLING_YAML.into(),
            builtin: true,
        },
    ];
    sources.extend(book_styles(root, book, toml_text, &mut diags));
    let mut set = RuleSet::default();
    let mut parsed = Vec::new();
    for src in &sources {
        match parse_style(src) {
            Ok(defs) => {
                set.known
                    .extend(defs.iter().map(|d| format!("{}.{}", src.style, d.id)));
                parsed.push((src, defs));
            }
            Err(mut d) => diags.append(&mut d),
        }
    }
    set.known.extend(
        CARD_RULES
            .iter()
            .map(|(id, _)| format!("{BUILTIN_STYLE}.{id}")),
    );
    let switches = &book.config.check.rules;
    set.card = CARD_RULES
        .iter()
        .filter_map(|&(id, level)| Some((id, switched(switches, BUILTIN_STYLE, id, level)?)))
        .collect();
    diags.extend(check_switches(
        root, &sources, &set.known, switches, toml_text,
    ));
    for (src, defs) in parsed {
        for def in defs {
            let Some(level) = switched_level(switches, &src.style, &def) else {
                continue;
            };
            if !def
                .language
                .as_deref()
                .is_none_or(|l| language_matches(l, &book.config.language))
            {
                continue;
            }
            match compile(src, def, level, book) {
                Ok(rule) => set.rules.push(rule),
                Err(d) => diags.push(d),
            }
        }
    }
    if diags.is_empty() {
        Ok(set)
    } else {
        Err(diags)
    }
}

/// The rule files in the book's styles folder, sorted by name.
fn book_styles(
    root: &Path,
    book: &Book,
    toml_text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Source> {
    let setting = &book.config.check.styles;
    let dir = root.join(setting);
    if !dir.is_dir() {
        if setting != Path::new("styles") {
            diags.push(
                Diagnostic::error(
                    root.join(CONFIG_FILE),
                    TomlSpans::new(toml_text).value(&["check", "styles"]),
                    format!("the styles folder `{}` does not exist", dir.display()),
                )
                .with_hint(
                    "create it, or remove `styles` from [check] to use only the built-in rules",
                ),
            );
        }
        return Vec::new();
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"));
    files.sort();
    files
        .into_iter()
        .filter_map(|path| style_source(path, diags))
        .collect()
}

fn style_source(path: PathBuf, diags: &mut Vec<Diagnostic>) -> Option<Source> {
    let style = path.file_stem()?.to_string_lossy().into_owned();
    if !is_id(&style) || style == BUILTIN_STYLE {
        let why = if style == BUILTIN_STYLE {
            "`carebook` is the name of the built-in rules"
        } else {
            "a style's name is its file name, in lowercase letters, digits and hyphens"
        };
        diags.push(
            Diagnostic::error(
                &path,
                Pos::FILE,
                format!("cannot use `{style}` as a style name: {why}"),
            )
            .with_hint("rename the file, e.g. `house.yml`; its rules are then named `house.<id>`"),
        );
        return None;
    }
    match crate::source::read_text(&path) {
        Ok(text) => Some(Source {
            style,
            path,
            text,
            builtin: false,
        }),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn parse_style(src: &Source) -> Result<Vec<RuleDef>, Vec<Diagnostic>> {
    let file: StyleFile = serde_yaml::from_str(&src.text).map_err(|e| {
        let pos = e
            .location()
            .map_or(Pos::new(1, 1), |l| Pos::new(l.line(), l.column()));
        let raw = e.to_string();
        let message = raw.split(" at line ").next().unwrap_or(&raw).to_owned();
        vec![
            Diagnostic::error(&src.path, pos, format!("invalid rule file: {message}"))
                .with_hint("see docs/rules.md for the rule format"),
        ]
    })?;
    let mut diags = Vec::new();
    let mut seen = HashSet::new();
    for def in &file.rules {
        if !is_id(&def.id) {
            diags.push(src.error(
                &def.id,
                "id",
                format!(
                    "`{}` is not a valid rule id: use lowercase letters, digits and hyphens",
                    def.id
                ),
            ));
        } else if !seen.insert(def.id.as_str()) {
            diags.push(src.error(
                &def.id,
                "id",
                format!("the rule id `{}` is used twice in this file", def.id),
            ));
        }
    }
    if diags.is_empty() {
        Ok(file.rules)
    } else {
        Err(diags)
    }
}

impl Source {
    /// An error about `key` of rule `id`: at that key's line, else the rule's.
    fn error(&self, id: &str, key: &str, message: String) -> Diagnostic {
        Diagnostic::error(&self.path, self.locate(id, key), message)
    }

    /// Best-effort position of `needle` within the rule whose `id:` is `id`.
    fn locate(&self, id: &str, needle: &str) -> Pos {
        let lines = LineIndex::new(&self.text);
        let id_re = Regex::new(&format!(
            r#"(?m)^[\s-]*id:\s*['"]?{}['"]?\s*$"#,
            regex::escape(id)
        ));
        let Some(start) = id_re.ok().and_then(|re| re.find(&self.text)) else {
            return Pos::new(1, 1);
        };
        let rule_end = self.text[start.end()..]
            .find("\n  - ")
            .or_else(|| self.text[start.end()..].find("\n- "))
            .map_or(self.text.len(), |i| start.end() + i);
        let at = self.text[start.start()..rule_end]
            .find(needle)
            .map_or(start.start(), |i| start.start() + i);
        lines.pos(at)
    }
}

/// The level a rule runs at, or `None` when book.toml switches it off.
fn switched_level(
    switches: &IndexMap<String, StyleSwitch>,
    style: &str,
    def: &RuleDef,
) -> Option<Severity> {
    switched(switches, style, &def.id, def.level)
}

fn switched(
    switches: &IndexMap<String, StyleSwitch>,
    style: &str,
    id: &str,
    level: Severity,
) -> Option<Severity> {
    match switches.get(style) {
        Some(StyleSwitch::All(false)) => None,
        Some(StyleSwitch::Rules(rules)) => match rules.get(id) {
            Some(RuleSwitch::On(false)) => None,
            Some(RuleSwitch::Level(level)) => Some(*level),
            _ => Some(level),
        },
        _ => Some(level),
    }
}

/// Whether a rule for `rule` (`en-US`) applies to a book in `book` (`en-us`, `en_US`,
/// `en-US-x-house`); `en` alone matches no regional rule.
pub fn language_matches(rule: &str, book: &str) -> bool {
    let norm = |s: &str| s.trim().replace('_', "-").to_ascii_lowercase();
    let (rule, book) = (norm(rule), norm(book));
    !rule.is_empty() && (book == rule || book.starts_with(&format!("{rule}-")))
}

/// Switches must name styles and rules that exist, so a typo never silently does nothing.
fn check_switches(
    root: &Path,
    sources: &[Source],
    known: &[String],
    switches: &IndexMap<String, StyleSwitch>,
    toml_text: &str,
) -> Vec<Diagnostic> {
    let path = root.join(CONFIG_FILE);
    let styles: Vec<&str> = sources.iter().map(|s| s.style.as_str()).collect();
    let mut diags = Vec::new();
    for (style, switch) in switches {
        if !styles.contains(&style.as_str()) {
            diags.push(
                Diagnostic::error(
                    &path,
                    locate_switch(toml_text, style, None),
                    format!("[check.rules] names the style `{style}`, which does not exist"),
                )
                .with_hint(format!(
                    "{} (styles are `carebook` and the .yml files in the styles folder)",
                    suggestion(style, styles.iter().copied())
                )),
            );
            continue;
        }
        let StyleSwitch::Rules(rules) = switch else {
            continue;
        };
        let prefix = format!("{style}.");
        let ids: Vec<&str> = known
            .iter()
            .filter_map(|k| k.strip_prefix(&prefix))
            .collect();
        for rule in rules.keys().filter(|r| !ids.contains(&r.as_str())) {
            diags.push(
                Diagnostic::error(
                    &path,
                    locate_switch(toml_text, style, Some(rule)),
                    format!("[check.rules] names the rule `{style}.{rule}`, which does not exist"),
                )
                .with_hint(suggestion(rule, ids.iter().copied())),
            );
        }
    }
    diags
}

fn locate_switch(text: &str, style: &str, rule: Option<&str>) -> Pos {
    let spans = TomlSpans::new(text);
    match rule {
        Some(r) => spans.key(&["check", "rules", style, r]),
        None => spans.key(&["check", "rules", style]),
    }
}

fn compile(src: &Source, def: RuleDef, level: Severity, book: &Book) -> Result<Rule, Diagnostic> {
    check_keys(src, &def)?;
    let link = resolve_link(src, &def, book)?;
    let ignorecase = def.ignorecase.unwrap_or(true);
    let test = match def.kind {
        Kind::Existence => {
            let pattern = token_regex(src, &def, &def.tokens, ignorecase)?;
            let names = book_names(&def, &pattern, book);
            Test::Existence {
                exceptions: exceptions(src, &def, &names, ignorecase)?,
                pattern,
            }
        }
        Kind::Substitution => {
            let keys: Vec<String> = def.swap.keys().cloned().collect();
            let mut swaps = Vec::new();
            for (key, replacement) in &def.swap {
                let anchored = format!("^(?:{})$", pattern_of(key, def.regex));
                swaps.push((
                    build_regex(src, &def, key, &anchored, ignorecase)?,
                    replacement.clone(),
                ));
            }
            let pattern = token_regex(src, &def, &keys, ignorecase)?;
            let names = book_names(&def, &pattern, book);
            Test::Substitution {
                exceptions: exceptions(src, &def, &names, ignorecase)?,
                pattern,
                swaps,
            }
        }
        Kind::Occurrence => Test::Occurrence {
            scope: def.scope.unwrap_or(Scope::Sentence),
            max: whole_number(src, &def)?,
        },
        Kind::Metric => Test::Readability {
            max: def.max.unwrap_or(8.0),
            min_words: def.min_words.unwrap_or(100),
        },
    };
    Ok(Rule {
        id: format!("{}.{}", src.style, def.id),
        message: def
            .message
            .clone()
            .unwrap_or_else(|| default_message(def.kind).into()),
        hint: def.hint.clone(),
        short: def.id,
        level,
        link,
        test,
    })
}

fn default_message(kind: Kind) -> &'static str {
    match kind {
        Kind::Existence => "avoid '%s'",
        Kind::Substitution => "use '%s' instead of '%s'",
        Kind::Occurrence => "this sentence has %s words; keep it shorter",
        Kind::Metric => "this chapter reads at grade %s; use shorter words and sentences",
    }
}

/// Keys that only make sense for some kinds, so a misplaced one is an error.
fn check_keys(src: &Source, def: &RuleDef) -> Result<(), Diagnostic> {
    use Kind::*;
    let present: [(&str, bool, &[Kind]); 8] = [
        (
            "title-exceptions",
            def.title_exceptions,
            &[Existence, Substitution],
        ),
        ("tokens", !def.tokens.is_empty(), &[Existence]),
        ("swap", !def.swap.is_empty(), &[Substitution]),
        (
            "exceptions",
            !def.exceptions.is_empty(),
            &[Existence, Substitution],
        ),
        ("scope", def.scope.is_some(), &[Occurrence]),
        ("max", def.max.is_some(), &[Occurrence, Metric]),
        ("metric", def.metric.is_some(), &[Metric]),
        ("min-words", def.min_words.is_some(), &[Metric]),
    ];
    for (key, set, kinds) in present {
        if set && !kinds.contains(&def.kind) {
            return Err(src
                .error(
                    &def.id,
                    &format!("{key}:"),
                    format!(
                        "`{key}` does not apply to a rule of kind `{}`",
                        kind_name(def.kind)
                    ),
                )
                .with_hint(format!(
                    "`{key}` belongs to {} rules; see docs/rules.md",
                    kinds
                        .iter()
                        .map(|k| kind_name(*k))
                        .collect::<Vec<_>>()
                        .join(" and ")
                )));
        }
    }
    let (missing, example) = match def.kind {
        Existence if def.tokens.is_empty() => {
            ("tokens", "tokens: [unfortunately, \"I don't know\"]")
        }
        Substitution if def.swap.is_empty() => ("swap", "swap: { utilize: use }"),
        Occurrence | Metric if def.max.is_none() => ("max", "max: 25"),
        _ => return Ok(()),
    };
    Err(src
        .error(
            &def.id,
            "kind:",
            format!(
                "the {} rule `{}` needs `{missing}`",
                kind_name(def.kind),
                def.id
            ),
        )
        .with_hint(format!("for example {example}")))
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Existence => "existence",
        Kind::Substitution => "substitution",
        Kind::Occurrence => "occurrence",
        Kind::Metric => "metric",
    }
}

fn whole_number(src: &Source, def: &RuleDef) -> Result<usize, Diagnostic> {
    match def.max {
        Some(m) if m >= 1.0 && m.fract() == 0.0 => Ok(m as usize),
        _ => Err(src.error(
            &def.id,
            "max:",
            "`max` must be a whole number of words, 1 or more".into(),
        )),
    }
}

/// A chapter link becomes the chapter's path as shown in diagnostics; a rule of the
/// book's own that links to a missing chapter is a mistake, a built-in one is not
/// (the book may not have the shipped handbook's chapters).
fn resolve_link(src: &Source, def: &RuleDef, book: &Book) -> Result<Option<String>, Diagnostic> {
    let Some(link) = &def.link else {
        return Ok(None);
    };
    if link.starts_with("http://") || link.starts_with("https://") {
        return Ok(Some(link.clone()));
    }
    let target = crate::source::normalize(Path::new(link.split('#').next().unwrap_or(link)));
    let found = book
        .chapters
        .iter()
        .find(|c| Some(&c.source) == target.as_ref());
    match found {
        Some(ch) => Ok(Some(crate::diag::display_path(&ch.path))),
        None if src.builtin => Ok(None),
        None => {
            let names = book
                .chapters
                .iter()
                .map(|c| crate::book::slash_path(&c.source))
                .collect::<Vec<_>>();
            let hint = did_you_mean(link, names.iter().map(String::as_str))
                .map_or("give the chapter's path inside the chapters folder, e.g. `communication/plain-language.md`".to_owned(), |b| format!("did you mean `{b}`?"));
            Err(src
                .error(
                    &def.id,
                    "link:",
                    format!("the rule links to `{link}`, which is not a chapter of this book"),
                )
                .with_hint(hint))
        }
    }
}

/// A token as a regular expression: phrases match whole words, any run of spaces, and
/// either apostrophe (the text is normalized to `'`); `regex: true` uses them as written.
fn pattern_of(token: &str, is_regex: bool) -> String {
    if is_regex {
        return token.to_owned();
    }
    let body = token
        .replace('’', "'")
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let start = if word(token.chars().next()) {
        r"\b"
    } else {
        ""
    };
    let end = if word(token.chars().last()) {
        r"\b"
    } else {
        ""
    };
    format!("{start}{body}{end}")
}

fn token_regex(
    src: &Source,
    def: &RuleDef,
    tokens: &[String],
    ignorecase: bool,
) -> Result<Regex, Diagnostic> {
    for t in tokens {
        build_regex(src, def, t, &pattern_of(t, def.regex), ignorecase)?;
    }
    // Longer alternatives first, so "I don't know" wins over "know" at the same place.
    let mut sorted: Vec<&String> = tokens.iter().collect();
    sorted.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let alternation = sorted
        .iter()
        .map(|t| format!("(?:{})", pattern_of(t, def.regex)))
        .collect::<Vec<_>>()
        .join("|");
    build_regex(src, def, "tokens:", &alternation, ignorecase)
}

/// With `title-exceptions: true`, the chapter titles (each part of a title split at a
/// colon) and file names (`customer-centred-team`, matched with hyphens or spaces)
/// that the rule would flag, as patterns. Only those: a big book's thousands of titles
/// never make the exceptions slow.
fn book_names(def: &RuleDef, pattern: &Regex, book: &Book) -> Vec<String> {
    if !def.title_exceptions {
        return Vec::new();
    }
    let mut names = Vec::new();
    for ch in &book.chapters {
        for part in ch.title.split(':').map(str::trim) {
            if pattern.is_match(part) {
                names.push(pattern_of(part, false));
            }
        }
        let words: Vec<&str> = ch.slug.split('-').filter(|w| !w.is_empty()).collect();
        if words.len() > 1 && pattern.is_match(&words.join(" ")) {
            let body = words
                .iter()
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join(r"[-\s]+");
            names.push(format!(r"\b{body}\b"));
        }
    }
    names.sort();
    names.dedup();
    names
}

fn exceptions(
    src: &Source,
    def: &RuleDef,
    names: &[String],
    ignorecase: bool,
) -> Result<Option<Regex>, Diagnostic> {
    if def.exceptions.is_empty() && names.is_empty() {
        return Ok(None);
    }
    let alternation = def
        .exceptions
        .iter()
        .map(|t| pattern_of(t, def.regex))
        .chain(names.iter().cloned())
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    build_regex(src, def, "exceptions:", &alternation, ignorecase).map(Some)
}

fn build_regex(
    src: &Source,
    def: &RuleDef,
    token: &str,
    pattern: &str,
    ignorecase: bool,
) -> Result<Regex, Diagnostic> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(ignorecase)
        .build()
        .map_err(|e| {
            let detail = e.to_string();
            let last = detail.lines().last().unwrap_or(&detail).trim();
            let last = last.strip_prefix("error: ").unwrap_or(last).to_owned();
            src.error(&def.id, token, format!("`{token}` is not a valid regular expression: {last}"))
                .with_hint("escape special characters with a backslash (`\\.`), or remove `regex: true` to match the words as written")
        })
}

/// `%s` placeholders filled in order, as in Vale's messages.
pub fn fill(message: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(message.len() + 16);
    let mut args = args.iter();
    let mut rest = message;
    while let Some(i) = rest.find("%s") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_and_any_apostrophe() {
        let re = Regex::new(&format!("(?i){}", pattern_of("I don’t know", false))).unwrap();
        assert!(re.is_match("well, i don't   know."));
        assert!(!re.is_match("I don't knowledge"));
        let re = Regex::new(&pattern_of("100%", false)).unwrap();
        assert!(re.is_match("a 100% refund") && !re.is_match("1100%"));
    }

    #[test]
    fn rule_languages_match_the_book_and_its_subtags() {
        assert!(language_matches("en-US", "en-US"));
        assert!(language_matches("en-US", "en_us"));
        assert!(language_matches("en-US", "en-US-x-house"));
        assert!(!language_matches("en-US", "en"));
        assert!(!language_matches("en-US", "en-GB"));
        assert!(!language_matches("en-US", "en-USA"));
        assert!(language_matches("en", "en-GB"));
    }

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(fill("use '%s', not '%s'", &["a", "b"]), "use 'a', not 'b'");
        assert_eq!(fill("no args", &[]), "no args");
    }
}
