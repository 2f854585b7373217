//! The tokenizer's test vectors: Rust's output for hard cases and the words of the
//! shipped handbook (listed in `tests/search/tokenizer-inputs.txt`), kept in `tests/search/tokenizer-vectors.json`. The browser
//! test `tests/browser/search.test.mjs` runs search.js on the same inputs, so the Rust
//! and JavaScript tokenizers cannot drift apart.
//!
//! The other languages' vectors (`tests/search/tokenizer-vectors-languages.json`) come
//! from `tests/search/inputs/<code>.txt` (written for each language: inflections,
//! accents, kept letters, stop words, Han and kana) and, for es fr de pt it nl, a few
//! hundred dictionary words each from `tests/search/words/` (es also every word of the
//! Spanish chapters), which check the browser's Snowball stemmers against rust-stemmers.
//! With them go the rules search.js gets from each language's script.
//!
//! After changing the tokenizer on purpose: `UPDATE_SEARCH_VECTORS=1 cargo test --test search_vectors`.

use std::collections::BTreeSet;
use std::path::Path;

use carebook::language::tokenize::Tokenizer;

const VECTORS: &str = "tests/search/tokenizer-vectors.json";

const LANGUAGE_VECTORS: &str = "tests/search/tokenizer-vectors-languages.json";

/// Every language with rules of its own, and some without (ja zh ko hi he).
const LANGUAGES: &[&str] = &[
    "ar", "da", "de", "el", "es", "fi", "fr", "he", "hi", "hu", "it", "ja", "ko", "nl", "no", "pt",
    "ro", "ru", "sv", "ta", "tr", "zh",
];

fn inputs(root: &Path) -> Vec<String> {
    inputs_from(&root.join("tests/search/tokenizer-inputs.txt"))
}

fn inputs_from(path: &Path) -> Vec<String> {
    let mut words = BTreeSet::new();
    let extra = std::fs::read_to_string(path).expect("inputs readable");
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

#[test]
fn language_vectors_match_the_rust_tokenizer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut rules = Vec::new();
    let mut lines = Vec::new();
    for &code in LANGUAGES {
        let tok = Tokenizer::for_language(code);
        let mut words = inputs_from(&root.join(format!("tests/search/inputs/{code}.txt")));
        for list in [format!("{code}.txt"), format!("{code}-chapters.txt")] {
            let path = root.join("tests/search/words").join(list);
            if path.exists() {
                words.extend(inputs_from(&path));
            }
        }
        words.sort();
        words.dedup();
        assert!(words.len() >= 5, "{code} has inputs");
        for w in words {
            let terms = tok.terms(&w);
            lines.push(serde_json::to_string(&(code, w, terms)).expect("serializable"));
        }
        let r = carebook::search::language_rules(code);
        rules.push(format!(
            "{}: {r}",
            serde_json::to_string(code).expect("code")
        ));
    }
    let json = format!(
        "{{\"rules\": {{\n{}\n}},\n\"vectors\": [\n{}\n]}}\n",
        rules.join(",\n"),
        lines.join(",\n")
    );
    let path = root.join(LANGUAGE_VECTORS);
    if std::env::var_os("UPDATE_SEARCH_VECTORS").is_some() {
        std::fs::write(&path, &json).expect("write vectors");
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == json,
        "{LANGUAGE_VECTORS} is out of date with the Rust tokenizer; regenerate it with \
         UPDATE_SEARCH_VECTORS=1 cargo test --test search_vectors"
    );
}

#[test]
fn spanish_inflections_reach_one_term() {
    let tok = Tokenizer::for_language("es");
    for group in [
        &["devolución", "devoluciones", "Devolución"][..],
        &["reembolso", "reembolsos", "reembolsó"],
        &["verificación", "verificaciones"],
    ] {
        let terms: BTreeSet<Vec<String>> = group.iter().map(|w| tok.terms(w)).collect();
        assert_eq!(terms.len(), 1, "{group:?} give {terms:?}");
    }
}
