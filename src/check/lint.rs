//! Runs the prose rules over a chapter's blocks.

use crate::check::rules::{fill, Rule, Scope, Test};
use crate::markdown::prose::{self, Block, BlockKind, Prose, PLACEHOLDER};

/// A rule's match: a byte range in the file and the finished message.
#[derive(Debug)]
pub struct Hit<'r> {
    pub rule: &'r Rule,
    /// File offsets of the first and the last character matched.
    pub start: usize,
    pub last: usize,
    pub message: String,
}

pub fn lint<'r>(prose: &Prose, rules: &'r [Rule]) -> Vec<Hit<'r>> {
    let mut hits = Vec::new();
    for rule in rules {
        let live = |b: &&Block| !b.counter && !b.off.covers(&rule.id, &rule.short);
        match &rule.test {
            Test::Readability { max, min_words } => {
                let blocks: Vec<&Block> = prose.blocks.iter().filter(live).collect();
                hits.extend(readability(rule, &blocks, *max, *min_words));
            }
            test => {
                for block in prose.blocks.iter().filter(live) {
                    block_hits(rule, test, block, &mut hits);
                }
            }
        }
    }
    hits
}

fn block_hits<'r>(rule: &'r Rule, test: &Test, block: &Block, hits: &mut Vec<Hit<'r>>) {
    match test {
        Test::Existence {
            pattern,
            exceptions,
        } => {
            for m in pattern.find_iter(&block.text) {
                if !excepted(exceptions.as_ref(), &block.text, m.range()) {
                    hits.push(hit(rule, block, m.range(), &[m.as_str()]));
                }
            }
        }
        Test::Substitution {
            pattern,
            swaps,
            exceptions,
        } => {
            for m in pattern.find_iter(&block.text) {
                if excepted(exceptions.as_ref(), &block.text, m.range()) {
                    continue;
                }
                let swap = swaps.iter().find(|(re, _)| re.is_match(m.as_str()));
                let with = swap.map_or("", |(_, s)| s.as_str());
                hits.push(hit(rule, block, m.range(), &[with, m.as_str()]));
            }
        }
        Test::Occurrence { scope, max } if block.kind != BlockKind::Heading => {
            let spans = match scope {
                Scope::Sentence => prose::sentences(&block.text),
                Scope::Paragraph => std::iter::once(0..block.text.len()).collect(),
            };
            for span in spans {
                let n = prose::words(&block.text[span.clone()]).count();
                if n > *max {
                    let lead = block.text[span.clone()].len()
                        - block.text[span.clone()].trim_start().len();
                    let span = span.start + lead..span.end;
                    hits.push(hit(rule, block, span, &[&n.to_string()]));
                }
            }
        }
        _ => {}
    }
}

/// A match inside an exception's match is not reported.
fn excepted(exceptions: Option<&regex::Regex>, text: &str, m: std::ops::Range<usize>) -> bool {
    exceptions.is_some_and(|re| {
        re.find_iter(text)
            .any(|e| e.start() <= m.start && m.end <= e.end())
    })
}

fn hit<'r>(rule: &'r Rule, block: &Block, m: std::ops::Range<usize>, args: &[&str]) -> Hit<'r> {
    let span = block.span(m);
    Hit {
        rule,
        start: span.start,
        last: span.end,
        message: fill(&rule.message, args),
    }
}

/// Flesch-Kincaid grade of the chapter's running prose: paragraphs and quotes, not
/// headings, lists or tables, and only when there is enough of it to mean something.
fn readability<'r>(
    rule: &'r Rule,
    blocks: &[&Block],
    max: f64,
    min_words: usize,
) -> Option<Hit<'r>> {
    let running: Vec<&&Block> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote))
        .collect();
    let (mut words, mut sentences, mut syllables) = (0usize, 0usize, 0usize);
    for b in &running {
        sentences += prose::sentences(&b.text).len();
        for w in prose::words(&b.text) {
            words += 1;
            syllables += syllable_count(w);
        }
    }
    if words < min_words || sentences == 0 {
        return None;
    }
    let grade = flesch_kincaid(words, sentences, syllables);
    if grade <= max {
        return None;
    }
    let first = running.first()?;
    let shown = format!("{grade:.1}");
    Some(hit(
        rule,
        first,
        0..first.text.chars().next()?.len_utf8(),
        &[&shown],
    ))
}

pub fn flesch_kincaid(words: usize, sentences: usize, syllables: usize) -> f64 {
    let (w, s, y) = (words as f64, sentences as f64, syllables as f64);
    0.39 * (w / s) + 11.8 * (y / w) - 15.59
}

/// Syllables by vowel groups, with a silent final `e`: close enough for a grade level.
pub fn syllable_count(word: &str) -> usize {
    if word.contains(PLACEHOLDER) || !word.chars().any(char::is_alphabetic) {
        return 1;
    }
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let vowel = |c: char| "aeiouyàâäéèêëîïôöûüù".contains(c);
    let mut groups = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    let n = w.len();
    // "make" has one syllable, "table" two.
    let ends_le = n > 2 && w[n - 2] == 'l' && !vowel(w[n - 3]);
    let silent_e = n > 2 && w[n - 1] == 'e' && !vowel(w[n - 2]) && !ends_le;
    if silent_e && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        let counts: Vec<usize> = ["the", "customer", "table", "make", "refund", "agree", "I"]
            .iter()
            .map(|w| syllable_count(w))
            .collect();
        assert_eq!(counts, [1, 3, 2, 1, 2, 2, 1]);
    }

    #[test]
    fn grade_of_simple_text_is_low() {
        assert!(flesch_kincaid(100, 10, 130) < 5.0);
        assert!(flesch_kincaid(100, 3, 190) > 12.0);
    }
}
