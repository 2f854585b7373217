//! Text as carebook reads it from files: UTF-8 (a byte-order mark dropped, a bad byte
//! located), and the one-or-many values that front matter and book.toml share.

use std::path::Path;

use serde::Deserialize;

use crate::diag::{Diagnostic, LineIndex};

/// `bytes` as UTF-8 text without a byte-order mark; otherwise an error at the line and
/// column of the first byte that is not UTF-8.
pub fn decode_text(bytes: Vec<u8>, path: &Path) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let pos = LineIndex::new(&prefix).pos(valid);
            Err(
                Diagnostic::error(path, pos, "the file is not valid UTF-8 text").with_hint(
                    "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)",
                ),
            )
        }
    }
}

/// A list that may be written as a single value (`tags: culture`).
#[derive(Debug, Clone, Default)]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a word or a list of words like [communication, empathy]")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![v.to_owned()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<String>()? {
                    out.push(v);
                }
                Ok(OneOrMany(out))
            }
        }
        d.deserialize_any(Visitor)
    }
}
