//! Quiet build output. A handbook brought from another tool can raise the same warning
//! in hundreds of files; `carebook build` prints each kind of warning once, with how many
//! there are and a few places, so the one error that stops the build is not lost among
//! them. `--verbose` (and `carebook check`, always) lists every one.

use std::fmt::Write;

use crate::diag::{display_path, one_line, Diagnostic};

/// How many places a grouped warning shows: the first in full, then the next ones'
/// positions.
const EXAMPLES: usize = 3;

/// What kind of problem `d` is: its level and its message with the values it names (in
/// backticks) and numbers taken out, so "the link `a.md` …" and "the link `b.md` …" are
/// one kind.
pub fn kind(d: &Diagnostic) -> String {
    let mut out = String::with_capacity(d.message.len());
    out.push_str(if d.is_error() { "E:" } else { "W:" });
    let mut quoted = false;
    for c in d.message.chars() {
        match c {
            '`' => {
                quoted = !quoted;
                if quoted {
                    out.push('…');
                }
            }
            _ if quoted => {}
            '0'..='9' => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The diagnostics as the build prints them: errors in full, every one; warnings of
/// one kind that come up more than [`EXAMPLES`] times once, with their count and a few
/// places, in the order each kind first came up. With `verbose`, every one in full.
pub fn render(diags: &[Diagnostic], verbose: bool) -> String {
    let mut out = String::new();
    if verbose {
        for d in diags {
            let _ = writeln!(out, "{d}");
        }
        return out;
    }
    let mut groups: indexmap::IndexMap<String, Vec<&Diagnostic>> = indexmap::IndexMap::new();
    for d in diags {
        groups.entry(kind(d)).or_default().push(d);
    }
    for group in groups.values() {
        if group[0].is_error() || group.len() <= EXAMPLES {
            for d in group {
                let _ = writeln!(out, "{d}");
            }
            continue;
        }
        let _ = writeln!(out, "{}", group[0]);
        let places: Vec<String> = group[1..EXAMPLES].iter().map(|d| place(d)).collect();
        let _ = writeln!(
            out,
            "  … and {} more like it, e.g. at {} (`--verbose` lists every one)",
            group.len() - 1,
            places.join(" and ")
        );
    }
    out
}

/// `path:line:col`, or the path for a problem with a whole file.
fn place(d: &Diagnostic) -> String {
    let path = one_line(&display_path(&d.path)).into_owned();
    if d.line == 0 {
        path
    } else {
        format!("{path}:{}:{}", d.line, d.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Pos;

    fn warn(path: &str, message: &str) -> Diagnostic {
        Diagnostic::warning(path, Pos::new(3, 1), message)
    }

    #[test]
    fn values_and_numbers_do_not_make_a_new_kind() {
        assert_eq!(
            kind(&warn("a.md", "the link `A.md` differs in case from `a.md`")),
            kind(&warn(
                "b.md",
                "the link `Bee.md` differs in case from `bee.md`"
            ))
        );
        assert_eq!(
            kind(&warn("a.md", "this chapter is 12 kB")),
            kind(&warn("a.md", "this chapter is 3 kB"))
        );
        assert_ne!(
            kind(&warn("a.md", "one thing")),
            kind(&warn("a.md", "another thing"))
        );
    }

    #[test]
    fn repeated_warnings_are_shown_once_with_a_count_and_examples() {
        let mut diags: Vec<Diagnostic> = (0..10)
            .map(|i| warn(&format!("p{i}.md"), &format!("the link `x{i}.md` is odd")))
            .collect();
        diags.push(warn("q.md", "something else"));
        diags.push(Diagnostic::error("e.md", Pos::new(1, 1), "broken"));
        let quiet = render(&diags, false);
        assert_eq!(
            quiet,
            "p0.md:3:1: warning: the link `x0.md` is odd\n  … and 9 more like it, e.g. at p1.md:3:1 and p2.md:3:1 (`--verbose` lists every one)\nq.md:3:1: warning: something else\ne.md:1:1: error: broken\n"
        );
        let verbose = render(&diags, true);
        assert_eq!(verbose.lines().count(), 12);
        assert!(verbose.contains("p9.md:3:1"));
    }

    #[test]
    fn a_few_of_a_kind_are_all_shown() {
        let diags: Vec<Diagnostic> = (0..3).map(|i| warn(&format!("p{i}.md"), "odd")).collect();
        assert_eq!(render(&diags, false), render(&diags, true));
    }
}
