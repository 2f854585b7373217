//! `[search.synonyms]` in book.toml: words readers type that the handbook words
//! differently. `caller = ["customer"]` makes a search for "caller" (or "callers") also
//! find chapters that say "customer". One way only: a search for "customer" does not
//! find "caller". A key may be a phrase (`"money back" = ["refund"]`), matched when its
//! words come one after the other in the query; a synonym is one word.
//!
//! The index carries the table folded and stemmed like its terms (see
//! docs/search-index.md), and search.js applies it to the query, so synonyms never add
//! to the postings.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

use super::tokenize::{Tokenizer, MAX_WORD};
use crate::diag::{Diagnostic, LineIndex};

/// The table as written, in book.toml order, with where each key and word is.
#[derive(Clone, Default)]
pub struct Synonyms {
    entries: Vec<Entry>,
}

#[derive(Clone)]
struct Entry {
    key: String,
    key_span: Range<usize>,
    /// Span of the whole value (the array), for an empty list.
    values_span: Range<usize>,
    values: Vec<(String, Range<usize>)>,
}

/// Only what the table says, not where: the index's name hashes this, and moving a
/// line in book.toml does not change the index.
impl fmt::Debug for Synonyms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|e| {
                let values: Vec<&str> = e.values.iter().map(|(v, _)| v.as_str()).collect();
                (&e.key, values)
            }))
            .finish()
    }
}

impl Synonyms {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Checks every entry has words to search for, with the position of the first
    /// that does not.
    pub fn validate(&self, language: &str, text: &str, path: &Path) -> Result<(), Diagnostic> {
        let tok = Tokenizer::for_language(language);
        let lines = LineIndex::new(text);
        let error = |span: &Range<usize>, message: String, hint: &str| {
            Err(Diagnostic::error(path, lines.pos(span.start), message).with_hint(hint))
        };
        for e in &self.entries {
            let key = e.key.trim();
            if tok.terms(key).is_empty() {
                let message = match emptiness(&tok, key) {
                    Empty::NoWords => format!("the synonym key \"{}\" has no words to search for", e.key),
                    Empty::StopWords => format!("the synonym key \"{key}\" is made of stop words, which search ignores"),
                    Empty::TooLong => format!("the synonym key \"{key}\" is longer than the {MAX_WORD} letters a search word may have"),
                };
                return error(&e.key_span, message, "a key is a word or phrase readers type, as in caller = [\"customer\"]; search ignores stop words such as the, to, on and your");
            }
            if e.values.is_empty() {
                return error(
                    &e.values_span,
                    format!("the synonym \"{key}\" lists no words"),
                    &format!("give the words it should also find, as in \"{key}\" = [\"customer\"], or remove the line"),
                );
            }
            for (value, span) in &e.values {
                let terms = tok.terms(value);
                match terms.len() {
                    1 => {}
                    0 => {
                        let message = match emptiness(&tok, value) {
                            Empty::NoWords => format!("an empty synonym for \"{key}\""),
                            Empty::StopWords => format!("the synonym \"{}\" for \"{key}\" is a stop word, which search ignores", value.trim()),
                            Empty::TooLong => format!("the synonym \"{}\" for \"{key}\" is longer than the {MAX_WORD} letters a search word may have", value.trim()),
                        };
                        return error(span, message, "write a word that carries meaning, or remove the entry; search ignores stop words such as the, to, on and your");
                    }
                    _ => {
                        return error(
                            span,
                            format!(
                                "a synonym is one word, but \"{}\" for \"{key}\" has {}",
                                value.trim(),
                                terms.len()
                            ),
                            &format!(
                                "list the words one by one, or make the phrase a key of its own: \"{}\" = [\"{key}\"]",
                                value.trim()
                            ),
                        );
                    }
                }
            }
        }
        Ok(())
    }

    /// The table as the index carries it: each key's terms joined by a space → the terms
    /// of its synonyms, sorted, without the key's own. Keys that fold to the same terms
    /// ("Caller", "callers") are merged.
    pub fn compile(&self, tok: &Tokenizer) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for e in &self.entries {
            let key = tok.terms(&e.key);
            if key.is_empty() {
                continue;
            }
            let values = out.entry(key.join(" ")).or_default();
            for (value, _) in &e.values {
                if let [t] = tok.terms(value).as_slice() {
                    let own = key.len() == 1 && key[0] == *t;
                    if !own && !values.contains(t) {
                        values.push(t.clone());
                    }
                }
            }
        }
        out.retain(|_, v| !v.is_empty());
        for v in out.values_mut() {
            v.sort();
        }
        out
    }
}

enum Empty {
    NoWords,
    StopWords,
    TooLong,
}

/// Why `text` gives no search terms.
fn emptiness(tok: &Tokenizer, text: &str) -> Empty {
    let (mut words, mut stop) = (0, 0);
    tok.each_word(text, |w| {
        words += 1;
        stop += usize::from(tok.is_stop_word(w));
    });
    match words {
        0 => Empty::NoWords,
        n if n == stop => Empty::StopWords,
        _ => Empty::TooLong,
    }
}

/// A synonym list: an array of words, or one word as a plain string.
struct Values(Vec<(String, Range<usize>)>);

impl<'de> Deserialize<'de> for Synonyms {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Table;
        impl<'de> Visitor<'de> for Table {
            type Value = Synonyms;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of synonyms, as in caller = [\"customer\"]")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Synonyms, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, values)) =
                    map.next_entry::<Spanned<String>, Spanned<Values>>()?
                {
                    let values_span = values.span();
                    let mut values = values.into_inner().0;
                    // A plain string has no span of its own: it is the value's.
                    for (_, span) in &mut values {
                        if span.start == span.end {
                            *span = values_span.clone();
                        }
                    }
                    entries.push(Entry {
                        key_span: key.span(),
                        key: key.into_inner(),
                        values_span,
                        values,
                    });
                }
                Ok(Synonyms { entries })
            }
        }
        d.deserialize_map(Table)
    }
}

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = Values;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of words, as in [\"customer\", \"client\"]")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Values, E> {
                Ok(Values(vec![(v.to_owned(), 0..0)]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Values, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<Spanned<String>>()? {
                    let span = v.span();
                    out.push((v.into_inner(), span));
                }
                Ok(Values(out))
            }
        }
        d.deserialize_any(List)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc {
        synonyms: Synonyms,
    }

    fn table(toml: &str) -> Synonyms {
        toml::from_str::<Doc>(&format!("[synonyms]\n{toml}"))
            .expect("parses")
            .synonyms
    }

    #[test]
    fn compiles_folded_stemmed_and_merged() {
        let s = table(
            "Callers = [\"Customers\", \"client\"]\ncaller = \"customer\"\n\"Money back\" = [\"refund\", \"refunds\"]\nrefund = [\"refund\", \"reimburse\"]\n",
        );
        let c = s.compile(&Tokenizer::default());
        let want: BTreeMap<String, Vec<String>> = [
            ("caller", vec!["client", "custom"]),
            ("money back", vec!["refund"]),
            ("refund", vec!["reimburs"]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
        .collect();
        assert_eq!(c, want);
    }

    /// The error for `[search.synonyms]` holding `table`, which starts on line 4.
    fn error(table: &str) -> (usize, usize, String) {
        let text = format!("title = \"T\"\n\n[search.synonyms]\n{table}");
        let e = crate::config::Config::parse(&text, Path::new("book.toml")).unwrap_err();
        (e.line, e.col, e.message)
    }

    #[test]
    fn a_good_table_loads_in_book_order() {
        let text =
            "title = 'T'\n[search.synonyms]\ncaller = ['customer']\n\"money back\" = 'refund'\n";
        let c = crate::config::Config::parse(text, Path::new("book.toml")).unwrap();
        assert_eq!(
            format!("{:?}", c.search.synonyms),
            r#"{"caller": ["customer"], "money back": ["refund"]}"#
        );
    }

    #[test]
    fn an_empty_key_is_located() {
        let (line, col, msg) = error("caller = ['customer']\n\"\" = ['customer']\n");
        assert_eq!((line, col), (5, 1));
        assert!(msg.contains("has no words"), "{msg}");
        let (line, col, msg) = error("  \"?!\" = ['customer']\n");
        assert_eq!((line, col), (4, 3));
        assert!(msg.contains("\"?!\" has no words"), "{msg}");
    }

    #[test]
    fn a_stop_word_key_is_located() {
        let (line, col, msg) = error("caller = ['customer']\n\n'The' = ['customer']\n");
        assert_eq!((line, col), (6, 1));
        assert!(msg.contains("stop words"), "{msg}");
        // A phrase with a stop word in it is fine: "on hold" searches for "hold".
        let text = "title = 'T'\n[search.synonyms]\n'on hold' = ['wait']\n";
        assert!(crate::config::Config::parse(text, Path::new("book.toml")).is_ok());
    }

    #[test]
    fn an_empty_list_is_located_at_the_list() {
        let (line, col, msg) = error("caller = ['customer']\nclient =  []\n");
        assert_eq!((line, col), (5, 11));
        assert!(msg.contains("lists no words"), "{msg}");
    }

    #[test]
    fn a_bad_synonym_is_located_at_the_word() {
        let (line, col, msg) = error("caller = ['customer', '']\n");
        assert_eq!((line, col), (4, 23));
        assert!(msg.contains("empty synonym for \"caller\""), "{msg}");
        let (line, col, msg) = error("caller = [\n  'customer',\n  'Your',\n]\n");
        assert_eq!((line, col), (6, 3));
        assert!(
            msg.contains("\"Your\" for \"caller\" is a stop word"),
            "{msg}"
        );
        let (line, col, msg) = error("refund = ['money back']\n");
        assert_eq!((line, col), (4, 11));
        assert!(msg.contains("one word"), "{msg}");
        // A plain string is the whole value.
        let (line, col, msg) = error("caller = 'the'\n");
        assert_eq!((line, col), (4, 10));
        assert!(msg.contains("stop word"), "{msg}");
    }

    #[test]
    fn a_synonym_that_is_not_text_is_a_toml_error() {
        let (line, col, msg) = error("caller = [1]\n");
        assert_eq!(line, 4, "{col} {msg}");
        assert!(msg.contains("invalid book.toml"), "{msg}");
    }

    #[test]
    fn debug_shows_words_not_positions() {
        let a = table("caller = [\"customer\"]\n");
        let b = table("\n\ncaller   =   [ \"customer\" ]\n");
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert_ne!(
            format!("{a:?}"),
            format!("{:?}", table("caller = [\"client\"]\n"))
        );
    }
}
