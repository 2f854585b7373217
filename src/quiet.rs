//! Quiet build output. A handbook brought from another tool can raise the same warning
//! in hundreds of files; `carebook build` prints each kind of warning once, with how many
//! there are and a few places, so the one error that stops the build is not lost among
//! them. `--verbose` (and `carebook check`, always) lists every one.

use crate::diag::Diagnostic;

/// How many places a kind of warning shows before it is summed up: the first in full,
/// then the next ones' positions.
const EXAMPLES: usize = 3;

/// What kind of problem `d` is: its severity, its rule and its message with the values
/// it names (in backticks) and numbers taken out, so "the link `a.md` …" and "the link
/// `b.md` …" are one kind.
pub fn kind(d: &Diagnostic) -> String {
    let mut out = format!("{}[{}]:", d.severity.name(), d.rule);
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

/// Problems to show together, and what stands for the rest of their kind.
#[derive(Debug)]
pub struct Group<'a> {
    pub shown: Vec<&'a Diagnostic>,
    /// "12 more like this, e.g. at a.md:3:1 and b.md:4:2 ..." when some are left out.
    pub more: Option<String>,
}

/// The diagnostics by kind, in the order each kind first comes up. Errors are always
/// shown, every one; a kind of warning that comes up more than [`EXAMPLES`] times is
/// shown once, with how many more there are and where the next two are.
pub fn group(diags: &[Diagnostic]) -> Vec<Group<'_>> {
    let mut kinds: indexmap::IndexMap<String, Vec<&Diagnostic>> = indexmap::IndexMap::new();
    for d in diags {
        kinds.entry(kind(d)).or_default().push(d);
    }
    kinds
        .into_values()
        .map(|all| {
            if all[0].is_error() || all.len() <= EXAMPLES {
                return Group {
                    shown: all,
                    more: None,
                };
            }
            let places: Vec<String> = all[1..EXAMPLES].iter().map(|d| d.location()).collect();
            Group {
                more: Some(format!(
                    "{} more like this, e.g. at {} (`--verbose` lists every one)",
                    all.len() - 1,
                    places.join(" and ")
                )),
                shown: vec![all[0]],
            }
        })
        .collect()
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
        assert_ne!(
            kind(&warn("a.md", "odd")),
            kind(&warn("a.md", "odd").with_rule("structure"))
        );
    }

    #[test]
    fn repeated_warnings_are_shown_once_with_a_count_and_examples() {
        let mut diags: Vec<Diagnostic> = (0..10)
            .map(|i| warn(&format!("p{i}.md"), &format!("the link `x{i}.md` is odd")))
            .collect();
        diags.push(warn("q.md", "something else"));
        diags.push(Diagnostic::error("e.md", Pos::new(1, 1), "broken"));
        diags.push(Diagnostic::error("f.md", Pos::new(1, 1), "broken"));
        let groups = group(&diags);
        let shown: Vec<Vec<String>> = groups
            .iter()
            .map(|g| g.shown.iter().map(|d| d.location()).collect())
            .collect();
        assert_eq!(
            shown,
            [
                vec!["p0.md:3:1"],
                vec!["q.md:3:1"],
                vec!["e.md:1:1", "f.md:1:1"]
            ]
        );
        assert_eq!(
            groups[0].more.as_deref(),
            Some("9 more like this, e.g. at p1.md:3:1 and p2.md:3:1 (`--verbose` lists every one)")
        );
        assert!(groups[1].more.is_none() && groups[2].more.is_none());
    }

    #[test]
    fn a_few_of_a_kind_are_all_shown() {
        let diags: Vec<Diagnostic> = (0..3).map(|i| warn(&format!("p{i}.md"), "odd")).collect();
        let groups = group(&diags);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].shown.len(), 3);
        assert!(groups[0].more.is_none());
    }
}
