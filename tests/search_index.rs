//! The search index a real build writes: hashed file names, pages pointing at it,
//! opted-out chapters left out, settings carried over, and sharding when forced.

mod common;

use std::path::Path;

use carebook::search::encode::{front_decode, read_postings};
use common::{carebook, copy_fixture, read};

/// The JSON handed to `carebookSearch.add(key, ...)` in a search file.
fn payload(text: &str, key: &str) -> serde_json::Value {
    let prefix = format!("carebookSearch.add(\"{key}\",");
    let json = text
        .strip_prefix(&prefix)
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("not a `{key}` search file: {}", &text[..80.min(text.len())]));
    serde_json::from_str(json).expect("valid JSON")
}

fn search_files(site: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.join("search"))
        .expect("search folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn core(site: &Path) -> serde_json::Value {
    let name = search_files(site)
        .into_iter()
        .find(|n| n.starts_with("core-"))
        .expect("a core file");
    payload(&read(&site.join("search").join(name)), "core")
}

fn terms(core: &serde_json::Value) -> Vec<String> {
    front_decode(core["terms"].as_str().expect("terms")).expect("front coded")
}

#[test]
fn the_index_is_hashed_linked_and_leaves_out_opted_out_chapters() {
    let book = copy_fixture("search");
    let run = carebook(&["build", "--out", "out"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let site = book.path().join("out");
    let files = search_files(&site);
    let core_name = files.iter().find(|n| n.starts_with("core-")).unwrap();
    assert!(core_name.len() == "core-0123456789.js".len(), "{files:?}");
    let page = read(&site.join("safety/calm-voice.html"));
    assert!(
        page.contains("data-index=\"../search/index.js\""),
        "pages point at the index's fixed entry"
    );
    assert_eq!(
        read(&site.join("search/index.js")),
        format!("carebookSearch.add(\"index\",\"{core_name}\");\n"),
        "which names the core"
    );
    let core = core(&site);
    assert_eq!(core["settings"]["maxResults"], 5);
    assert_eq!(core["settings"]["excerptWords"], 12);
    let terms = terms(&core);
    assert!(
        terms.contains(&"invoic".to_owned()),
        "stemmed terms: {terms:?}"
    );
    assert!(
        !terms.iter().any(|t| t == "zebraphon"),
        "search: false is honoured"
    );
    assert!(!terms.iter().any(|t| t == "the"), "stop words are dropped");
    let postings = core["postings"].as_str().expect("inline postings");
    let (bytes, mut pos) = (postings.as_bytes(), 0);
    let lists: Vec<_> = terms
        .iter()
        .map(|_| read_postings(bytes, &mut pos).expect("postings"))
        .collect();
    assert_eq!(pos, bytes.len(), "one postings list per term");
    let invoices = &lists[terms.iter().position(|t| t == "invoic").unwrap()];
    assert_eq!(
        invoices.iter().map(|p| p.doc).collect::<Vec<_>>(),
        [0, 1],
        "both indexed chapters"
    );
    assert_eq!(
        core["docs"].as_str().unwrap().len(),
        4,
        "two documents: norm + mask each"
    );
}

#[test]
fn a_small_threshold_splits_postings_into_shards_that_cover_every_term() {
    let book = copy_fixture("search");
    let toml = read(&book.path().join("book.toml"));
    let toml = toml.replace(
        "excerpt-words = 12",
        "excerpt-words = 12\nshard-above = 100\nshard-size = 100",
    );
    std::fs::write(book.path().join("book.toml"), toml).unwrap();
    let run = carebook(&["build", "--out", "out"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let site = book.path().join("out");
    let core = core(&site);
    assert!(
        core["postings"].is_null(),
        "no inline postings once sharded"
    );
    let shards = core["shards"].as_array().expect("shards");
    let terms = terms(&core);
    let mut covered = 0;
    for (k, shard) in shards.iter().enumerate() {
        let first = shard[0].as_u64().unwrap() as usize;
        assert_eq!(first, covered, "shards are consecutive term ranges");
        let text = read(&site.join("search").join(shard[1].as_str().unwrap()));
        let data = payload(&text, &format!("p{k}"));
        let bytes = data.as_str().unwrap().as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            read_postings(bytes, &mut pos).expect("postings");
            covered += 1;
        }
    }
    assert_eq!(covered, terms.len());
    assert!(shards.len() > 1, "{shards:?}");
}

#[test]
fn search_can_be_switched_off() {
    let book = copy_fixture("search");
    let toml = read(&book.path().join("book.toml"));
    std::fs::write(
        book.path().join("book.toml"),
        toml.replace("max-results = 5", "enable = false"),
    )
    .unwrap();
    let run = carebook(&["build", "--out", "out"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(!book.path().join("out/search").exists());
    assert!(!read(&book.path().join("out/index.html")).contains("search-input"));
}

fn core_name(site: &Path) -> String {
    search_files(site)
        .into_iter()
        .find(|n| n.starts_with("core-"))
        .expect("a core file")
}

/// The core is named before the index is built (from what goes into it), so a browser
/// cache must still see a new name whenever the index changes, and the same name when
/// nothing did.
#[test]
fn the_core_name_changes_with_the_indexed_text_and_only_then() {
    let book = copy_fixture("search");
    let build = |out: &str| {
        let run = carebook(&["build", "--out", out], book.path());
        assert_eq!(run.code, 0, "{}", run.problems);
        core_name(&book.path().join(out))
    };
    let first = build("a");
    assert_eq!(build("b"), first, "same book, same name");
    let chapter = book.path().join("guide/safety/calm-voice.md");
    let text = read(&chapter);
    std::fs::write(
        &chapter,
        format!("{text}\nA brand new sentence about kettles.\n"),
    )
    .unwrap();
    let edited = build("c");
    assert_ne!(edited, first, "new text, new name");
    let site = book.path().join("c");
    assert!(terms(&core(&site)).contains(&"kettl".to_owned()));
    let toml = read(&book.path().join("book.toml"));
    std::fs::write(
        book.path().join("book.toml"),
        toml.replace("excerpt-words = 12", "excerpt-words = 13"),
    )
    .unwrap();
    assert_ne!(build("d"), edited, "new settings, new name");
}

/// Adds `table` as `[search.synonyms]` at the end of the fixture's book.toml.
fn with_synonyms(book: &Path, table: &str) {
    let toml = read(&book.join("book.toml"));
    std::fs::write(
        book.join("book.toml"),
        format!("{toml}\n[search.synonyms]\n{table}"),
    )
    .unwrap();
}

/// Synonyms ship in the core folded and stemmed like the terms (so "Callers" in
/// book.toml matches a query for "caller"), add nothing to the postings, and rename
/// the core when they change.
#[test]
fn the_core_carries_folded_stemmed_synonyms_and_is_renamed_by_them() {
    let book = copy_fixture("search");
    let build = |out: &str| {
        let run = carebook(&["build", "--out", out], book.path());
        assert_eq!(run.code, 0, "{}", run.problems);
        book.path().join(out)
    };
    let plain = build("a");
    let before = core(&plain);
    assert_eq!(before["synonyms"], serde_json::json!({}));
    with_synonyms(
        book.path(),
        "Callers = [\"Customers\", \"Client\"]\n\"Money Back\" = \"Refunds\"\n\"café\" = [\"kettle\"]\ncaller = [\"caller\", \"patron\"]\n",
    );
    let site = build("b");
    let after = core(&site);
    assert_eq!(
        after["synonyms"],
        serde_json::json!({
            "cafe": ["kettl"],
            "caller": ["client", "custom", "patron"],
            "money back": ["refund"],
        })
    );
    assert_eq!(after["terms"], before["terms"], "no new terms");
    assert_eq!(after["postings"], before["postings"], "no new postings");
    assert_ne!(
        core_name(&site),
        core_name(&plain),
        "new synonyms, new name"
    );
    let toml = read(&book.path().join("book.toml"));
    std::fs::write(
        book.path().join("book.toml"),
        toml.replace("\"Refunds\"", "\"Reimburse\""),
    )
    .unwrap();
    let changed = build("c");
    assert_ne!(
        core_name(&changed),
        core_name(&site),
        "a changed synonym, a new name"
    );
    assert_eq!(
        core(&changed)["synonyms"]["money back"],
        serde_json::json!(["reimburs"])
    );
}

#[test]
fn a_bad_synonym_stops_the_build_at_its_line_and_column() {
    let book = copy_fixture("search");
    let lines = read(&book.path().join("book.toml")).lines().count();
    with_synonyms(
        book.path(),
        "caller = [\"customer\"]\nclient = [\"customer\", \"the\"]\n",
    );
    let run = carebook(&["build", "--out", "out"], book.path());
    assert_ne!(run.code, 0);
    // The table starts after a blank line and its header.
    let at = format!("book.toml:{}:23: error:", lines + 4);
    assert!(run.problems.contains(&at), "{at} in {}", run.problems);
    assert!(run.problems.contains("is a stop word"), "{}", run.problems);
    assert!(!book.path().join("out/search").exists());
}

#[test]
fn an_index_built_in_the_background_gives_up_between_chapters() {
    // `serve` builds the index after each edit and drops it when the next edit comes;
    // that edit waits until the index notices. Looking only between whole steps made it
    // wait for all chapters to be read (about a second at 10,000 chapters).
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = carebook::build::configure(root, &Default::default()).expect("config");
    let prepared = carebook::build::prepare(root, config, None, None).expect("prepared");
    let chapters = prepared.analysis.book.chapters.len();
    assert!(
        chapters > 30,
        "the shipped handbook has {chapters} chapters"
    );

    let asked = AtomicUsize::new(0);
    let whole = carebook::search::build_unless(&prepared.analysis, "search/core.js", &|| {
        asked.fetch_add(1, Relaxed);
        false
    });
    assert!(whole.is_some(), "never told to stop: the index is built");
    assert!(
        asked.load(Relaxed) >= chapters,
        "asked {} times for {chapters} chapters",
        asked.load(Relaxed)
    );

    let asked = AtomicUsize::new(0);
    let stopped = carebook::search::build_unless(&prepared.analysis, "search/core.js", &|| {
        asked.fetch_add(1, Relaxed) >= 3
    });
    assert!(stopped.is_none(), "told to stop: no index");
    assert!(
        asked.load(Relaxed) < 3 + 8,
        "kept reading chapters after being told to stop ({} looks)",
        asked.load(Relaxed)
    );
}
