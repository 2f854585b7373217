//! The tokenizer's test vectors: Rust's output for hard cases and the words of the
//! shipped handbook (listed in `tests/search/tokenizer-inputs.txt`), kept in `tests/search/tokenizer-vectors.json`. The browser
//! test `tests/browser/search.test.mjs` runs search.js on the same inputs, so the Rust
//! and JavaScript tokenizers cannot drift apart.
//!
//! After changing the tokenizer on purpose: `UPDATE_SEARCH_VECTORS=1 cargo test --test search_vectors`.

use std::collections::BTreeSet;
use std::path::Path;

use carebook::language::tokenize::Tokenizer;

const VECTORS: &str = "tests/search/tokenizer-vectors.json";

fn inputs(root: &Path) -> Vec<String> {
    let mut words = BTreeSet::new();
    let extra = std::fs::read_to_string(root.join("tests/search/tokenizer-inputs.txt"))
        .expect("inputs readable");
    let lines = extra
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    for line in lines {
        words.insert(line.to_owned());
        words.extend(line.split_whitespace().map(str::to_owned));
    }
    words.into_iter().collect()
}

#[test]
fn vectors_file_matches_the_rust_tokenizer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tok = Tokenizer::default();
    let vectors: Vec<(String, Vec<String>)> = inputs(root)
        .into_iter()
        .map(|w| {
            let terms = tok.terms(&w);
            (w, terms)
        })
        .collect();
    // One vector per line keeps diffs and failures readable.
    let lines: Vec<String> = vectors
        .iter()
        .map(|v| serde_json::to_string(v).expect("serializable"))
        .collect();
    let json = format!("[\n{}\n]\n", lines.join(",\n"));
    let path = root.join(VECTORS);
    if std::env::var_os("UPDATE_SEARCH_VECTORS").is_some() {
        std::fs::write(&path, &json).expect("write vectors");
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == json,
        "{VECTORS} is out of date with the Rust tokenizer; regenerate it with \
         UPDATE_SEARCH_VECTORS=1 cargo test --test search_vectors"
    );
    assert!(vectors.len() > 1000, "the handbook gives plenty of words");
}
