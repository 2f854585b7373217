//! The search index: built from the rendered chapters, written as classic script files
//! under `search/` so the site searches from file:// as well as from a server.
//! The format is documented in docs/search-index.md; `assets/search.js` reads it.

pub mod encode;
mod shard;
mod terms;

pub use terms::TermStore;
use terms::{Block, DocTerms};

use crate::language::tokenize;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::{Analysis, ChapterOutput};
use crate::book::Book;
use crate::book::ChapterId;
use crate::config::SearchConfig;
use crate::markdown::Rendered;
use crate::output::{OutputError, Sink};
use encode::{push_vlq, Posting, DIGITS};
use tokenize::Tokenizer;

/// Format version, bumped when search.js must change with it.
pub const FORMAT: u32 = 2;

/// The index files, ready to write.
#[derive(Default)]
pub struct SearchIndex {
    /// Path of the core file from the site root; pages point search.js at it.
    pub core: String,
    /// `(path from the site root, contents)`.
    pub files: Vec<(String, String)>,
    /// Bytes of the core and postings files (everything but the chapter records).
    pub index_bytes: usize,
    /// Record files the last build wrote with these very records, kept as they are.
    pub kept: Vec<String>,
}

impl SearchIndex {
    /// Writes the index; `false`, with nothing written, when a file it would keep from
    /// the last build is not there as that build left it: then it must be made again
    /// without the build cache.
    pub fn write(&self, out: &dyn Sink) -> Result<bool, OutputError> {
        for path in &self.kept {
            if !out.keep(path)? {
                return Ok(false);
            }
        }
        self.files
            .par_iter()
            .try_for_each(|(path, text)| out.write(path, text.as_bytes()))?;
        Ok(true)
    }
}

/// The whole book's index, its core written at `core`: the name `core_path` gave the
/// pages (for `serve`, the name of its first build, which the served pages keep).
/// Given up (`None`) as soon as `stop` says so between its steps: `serve`
/// builds the index in the background and drops it when the next edit comes, which
/// then need not wait for an index nobody will see.
pub fn build_unless(
    model: &Analysis,
    core: &str,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<SearchIndex> {
    build_kept(model, core, stop, None)
}

/// [`build_unless`], reusing the terms of chapter blocks that `terms` kept from the last
/// build and keeping this build's there.
pub fn build_kept(
    model: &Analysis,
    core: &str,
    stop: &(dyn Fn() -> bool + Sync),
    terms: Option<&TermStore>,
) -> Option<SearchIndex> {
    let book = &model.book;
    let docs: Vec<usize> = (0..book.chapters.len()).collect();
    let mut index = build_named(
        book,
        &model.chapters,
        &docs,
        &site_url(book),
        core.to_owned(),
        stop,
        terms,
    )?;
    let name = core.rsplit('/').next().unwrap_or(core);
    index
        .files
        .push((POINTER.to_owned(), jsonp("index", &name)));
    Some(index)
}

/// Builds the whole book's index with the terms and record files `terms` kept, and
/// writes it into `out`; `Ok(false)` when `stop` gave it up. Should a record file it
/// would keep be gone from the site, the index is made again without the cache.
pub fn write_kept(
    model: &Analysis,
    core: &str,
    stop: &(dyn Fn() -> bool + Sync),
    terms: Option<&TermStore>,
    out: &dyn Sink,
) -> Result<bool, OutputError> {
    let Some(index) = build_kept(model, core, stop, terms) else {
        return Ok(false);
    };
    if index.write(out)? {
        return Ok(true);
    }
    match build_kept(model, core, stop, None) {
        Some(index) => index.write(out),
        None => Ok(false),
    }
}

/// The file the site's pages point search.js at: it names the core. The core's own
/// name changes with every change to the index, and pages naming it directly would
/// all change with any chapter's text; through this file they stay the same, so a
/// rebuild after an edit writes only the pages that show it.
pub const POINTER: &str = "search/index.js";

/// Where a chapter's page is, from the site root.
fn site_url(book: &Book) -> impl Fn(usize) -> String + Sync + '_ {
    |i| crate::url::encode_path(&book.chapters[i].out_path).into_owned()
}

/// An index of some chapters only (a course pack's), whose pages are at `url(chapter)`
/// from the folder the index is written to.
pub fn build_for(
    model: &Analysis,
    chapters: &[ChapterId],
    url: &(dyn Fn(ChapterId) -> String + Sync),
) -> Option<SearchIndex> {
    let (book, rendered) = (&model.book, &model.chapters);
    let chapters: Vec<usize> = chapters.iter().map(|id| id.index()).collect();
    let url = |i: usize| url(ChapterId::new(i));
    let core = core_path_for(book, rendered, &chapters, &url)?;
    build_named(book, rendered, &chapters, &url, core, &|| false, None)
}

fn build_named(
    book: &Book,
    rendered: &[ChapterOutput],
    chapters: &[usize],
    url: &(dyn Fn(usize) -> String + Sync),
    core: String,
    stop: &(dyn Fn() -> bool + Sync),
    store: Option<&TermStore>,
) -> Option<SearchIndex> {
    let docs = indexed(book, chapters);
    // Each step drops what it no longer needs: at 10,000 chapters these are tens of
    // megabytes each.
    let (terms, postings, lengths) = {
        let chunks = tokenize_docs(book, rendered, &docs, stop, store);
        if stop() {
            return None;
        }
        let (terms, postings) = invert(&chunks);
        let lengths: Vec<u32> = chunks.iter().flat_map(|c| &c.docs).map(|d| d.len).collect();
        (terms, postings, lengths)
    };
    if stop() {
        return None;
    }
    let encoded = shard::encode(postings);
    if stop() {
        return None;
    }
    let core_parts = CoreParts {
        config: &book.config.search,
        facets: facets(book),
        docs: &docs,
        lengths: &lengths,
        book,
    };
    let records = shard::Records {
        book,
        rendered,
        docs: &docs,
        url,
        store,
    };
    (!stop()).then(|| shard::assemble(&core_parts, &terms, encoded, &records, core))
}

/// The chapters among `chapters` that are searchable.
fn indexed(book: &Book, chapters: &[usize]) -> Vec<usize> {
    chapters
        .iter()
        .copied()
        .filter(|&i| book.chapters[i].search)
        .collect()
}

/// Where the index's core file goes, named by `input_hash` and so known before the index
/// is built: pages are written while it is made. `None` when search is off.
fn core_path_for(
    book: &Book,
    rendered: &[ChapterOutput],
    chapters: &[usize],
    url: &(dyn Fn(usize) -> String + Sync),
) -> Option<String> {
    if !book.config.search.enable {
        return None;
    }
    let docs = indexed(book, chapters);
    Some(shard::core_path(&input_hash(book, rendered, &docs, url)))
}

/// `core_path_for` the whole book.
pub fn core_path(model: &Analysis) -> Option<String> {
    let book = &model.book;
    let docs: Vec<usize> = (0..book.chapters.len()).collect();
    core_path_for(book, &model.chapters, &docs, &site_url(book))
}

/// A hash of everything the index is made from: the core file is named by it rather
/// than by its contents, so the name is known before the index is built. The format
/// version and carebook's version stand for the code that turns these into the index.
fn input_hash(
    book: &Book,
    rendered: &[ChapterOutput],
    docs: &[usize],
    url: &(dyn Fn(usize) -> String + Sync),
) -> String {
    let settings = format!(
        "{FORMAT}\u{1f}{}\u{1f}{:?}",
        env!("CARGO_PKG_VERSION"),
        book.config.search
    );
    let facets: Vec<String> = facets(book)
        .iter()
        .map(|f| format!("{}\u{1f}{}\u{1f}{}", f.id, f.label, f.kind))
        .collect();
    let per_doc: Vec<[u8; 8]> = docs
        .par_iter()
        .map(|&i| doc_hash(book, i, &rendered[i].rendered, &url(i)).to_le_bytes())
        .collect();
    let mut parts: Vec<&[u8]> = vec![settings.as_bytes()];
    parts.extend(facets.iter().map(|f| f.as_bytes()));
    parts.extend(per_doc.iter().map(|h| h.as_slice()));
    encode::content_hash(&parts)
}

/// The hash of what a chapter contributes to the index; fields end with 0xff, a byte
/// UTF-8 never uses, so moving text between fields changes it. FxHash reads eight
/// bytes at a time (FNV's byte-at-a-time loop was 5% of a big build); its weaker
/// mixing is fine for telling builds apart.
fn doc_hash(book: &Book, i: usize, r: &Rendered, url: &str) -> u64 {
    use std::hash::Hasher;
    let ch = &book.chapters[i];
    let mut fields: Vec<&str> = vec![url, &ch.title, &book.parts[ch.part].title, &ch.summary];
    fields.extend(ch.tags.iter().map(String::as_str));
    fields.push("\u{1f}");
    fields.extend(ch.audience.iter().map(String::as_str));
    for s in &r.sections {
        fields.extend([s.id.as_str(), s.title.as_str(), s.text.as_str()]);
    }
    let mut h = rustc_hash::FxHasher::default();
    for f in fields {
        h.write(f.as_bytes());
        h.write_u8(0xff);
    }
    h.finish()
}

/// Tokenizing a block of consecutive chapters, on one thread. Terms are numbered within
/// the block so each is stored and stemmed once per block, not once per chapter.
#[derive(Default)]
struct Chunk {
    /// The block's vocabulary and documents so far.
    block: Block,
    /// Folded word → term id (`None` for stop words), so each word is stemmed once.
    words: HashMap<String, Option<u32>>,
    /// Term → id.
    ids: HashMap<String, u32>,
    /// The current chapter's (count, in title, in a heading) by term id.
    counts: Vec<(u32, bool, bool)>,
    /// Term ids counted in the current chapter, in first-seen order.
    touched: Vec<u32>,
}

impl Chunk {
    fn tally(&mut self, term: u32, title: bool, heading: bool) {
        let t = term as usize;
        if t >= self.counts.len() {
            self.counts
                .resize(self.block.vocab.len().max(t + 1), (0, false, false));
        }
        let c = &mut self.counts[t];
        if c.0 == 0 {
            self.touched.push(term);
        }
        c.0 += 1;
        c.1 |= title;
        c.2 |= heading;
    }

    fn term_id(&mut self, tok: &Tokenizer, word: &str) -> Option<u32> {
        if let Some(id) = self.words.get(word) {
            return *id;
        }
        let id = tok
            .term(word)
            .map(|term| match self.ids.get(term.as_ref()) {
                Some(&id) => id,
                None => {
                    let id = self.block.vocab.len() as u32;
                    self.block.vocab.push(term.clone().into_owned());
                    self.ids.insert(term.into_owned(), id);
                    id
                }
            });
        self.words.insert(word.to_owned(), id);
        id
    }
}

/// Tokenizes the documents in blocks of [`terms::BLOCK`] spread over the cores; blocks
/// come back in order. A block `store` kept from the last build with the same text is
/// not tokenized again. Gives up part-way (leaving blocks short) once `stop` says so: at
/// 10,000 chapters this is the longest step, and `serve` waits for it before applying
/// the next edit.
fn tokenize_docs(
    book: &Book,
    rendered: &[ChapterOutput],
    docs: &[usize],
    stop: &(dyn Fn() -> bool + Sync),
    store: Option<&TermStore>,
) -> Vec<std::sync::Arc<Block>> {
    let tokenizer = Tokenizer::for_language(&book.config.language);
    docs.par_chunks(terms::BLOCK)
        .map(|ids| {
            let key = store.map(|_| terms::block_key(&book.config.language, book, rendered, ids));
            if let (Some(store), Some(key)) = (store, key) {
                if let Some(block) = store.get(key).filter(|b| b.docs.len() == ids.len()) {
                    return std::sync::Arc::new(block);
                }
            }
            let mut chunk = Chunk::default();
            for &i in ids {
                if stop() {
                    break;
                }
                let d = doc_terms(&tokenizer, &mut chunk, book, i, &rendered[i].rendered);
                chunk.block.docs.push(d);
            }
            let block = std::sync::Arc::new(chunk.block);
            if let (Some(store), Some(key)) = (store, key) {
                if block.docs.len() == ids.len() {
                    store.put(key, block.clone());
                }
            }
            block
        })
        .collect()
}

fn doc_terms(tok: &Tokenizer, chunk: &mut Chunk, book: &Book, i: usize, r: &Rendered) -> DocTerms {
    let ch = &book.chapters[i];
    // (folded text, is the title, is a heading)
    let mut texts = vec![
        (tok.prepare(&ch.title), true, false),
        (tok.prepare(&ch.summary), false, false),
    ];
    for s in &r.sections {
        texts.push((tok.prepare(&s.title), false, true));
        texts.push((tok.prepare(&s.text), false, false));
    }
    // Counted by term id in the chunk's tally, which is left zeroed for the next
    // chapter: no per-chapter map to build, grow and drop.
    let mut len = 0;
    for (text, title, heading) in &texts {
        tok.words(text, |w| {
            if let Some(term) = chunk.term_id(tok, w) {
                len += 1;
                chunk.tally(term, *title, *heading);
            }
        });
    }
    let terms = chunk
        .touched
        .drain(..)
        .map(|t| {
            let (tf, title, heading) = std::mem::take(&mut chunk.counts[t as usize]);
            (t, Posting::weight(tf, title, heading))
        })
        .collect();
    DocTerms { terms, len }
}

/// Sorted terms and, for each, its postings in document order.
fn invert(chunks: &[std::sync::Arc<Block>]) -> (Vec<String>, Vec<Vec<Posting>>) {
    // Blocks share most of their vocabulary: the distinct terms are found first, so
    // only they are sorted (a few times fewer than all blocks' terms together).
    let mut distinct: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for c in chunks {
        distinct.extend(c.vocab.iter().map(String::as_str));
    }
    let mut all: Vec<&str> = distinct.into_iter().collect();
    all.par_sort_unstable_by(|a, b| encode::js_order(a, b));
    let rank: HashMap<&str, u32> = all
        .iter()
        .enumerate()
        .map(|(r, &t)| (t, r as u32))
        .collect();
    // Each block's terms by global rank, side by side; then the postings of each run of
    // terms are gathered on its own thread, documents in order.
    let globals: Vec<Vec<u32>> = chunks
        .par_iter()
        .map(|c| c.vocab.iter().map(|t| rank[t.as_str()]).collect())
        .collect();
    let starts: Vec<u32> = chunks
        .iter()
        .scan(0u32, |doc, c| {
            let first = *doc;
            *doc += c.docs.len() as u32;
            Some(first)
        })
        .collect();
    let runs = rayon::current_num_threads().max(1);
    let per_run = all.len().div_ceil(runs).max(1);
    let postings: Vec<Vec<Posting>> = (0..all.len())
        .step_by(per_run)
        .collect::<Vec<_>>()
        .into_par_iter()
        .flat_map_iter(|lo| {
            let hi = (lo + per_run).min(all.len());
            let mut run: Vec<Vec<Posting>> = vec![Vec::new(); hi - lo];
            for ((c, global), &first) in chunks.iter().zip(&globals).zip(&starts) {
                for (k, d) in c.docs.iter().enumerate() {
                    let doc = first + k as u32;
                    for &(term, weight) in &d.terms {
                        let g = global[term as usize] as usize;
                        if (lo..hi).contains(&g) {
                            run[g - lo].push(Posting { doc, weight });
                        }
                    }
                }
            }
            run
        })
        .collect();
    (all.into_iter().map(str::to_owned).collect(), postings)
}

#[derive(Serialize)]
struct Facet<'a> {
    id: &'a str,
    label: &'a str,
    /// `tag` or `audience`.
    kind: &'static str,
}

fn facets(book: &Book) -> Vec<Facet<'_>> {
    let c = &book.config;
    let tags = c.tags.iter().map(|(id, t)| Facet {
        id,
        label: &t.label,
        kind: "tag",
    });
    let audiences = c.audiences.iter().map(|(id, t)| Facet {
        id,
        label: &t.label,
        kind: "audience",
    });
    tags.chain(audiences).collect()
}

/// What the core file is made of, besides the terms and postings.
struct CoreParts<'a> {
    config: &'a SearchConfig,
    facets: Vec<Facet<'a>>,
    /// Book chapter index of each indexed document.
    docs: &'a [usize],
    /// Each document's length in terms.
    lengths: &'a [u32],
    book: &'a Book,
}

impl CoreParts<'_> {
    /// Per document: one digit of length norm, then VLQ(index into `masks`).
    fn docs_and_masks(&self) -> (String, Vec<String>) {
        let mut masks: Vec<String> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::default();
        let mut out = String::with_capacity(self.docs.len() * 2);
        for (n, &i) in self.docs.iter().enumerate() {
            out.push(DIGITS[length_norm(self.lengths[n])] as char);
            let mask = self.mask(i);
            let next = masks.len();
            let idx = *seen.entry(mask.clone()).or_insert(next);
            if idx == next {
                masks.push(mask);
            }
            push_vlq(&mut out, idx as u64);
        }
        (out, masks)
    }

    /// The chapter's tags and audiences as a hex bitmask over `facets` (bit i = facet i).
    fn mask(&self, chapter: usize) -> String {
        let ch = &self.book.chapters[chapter];
        let mut bits = vec![false; self.facets.len()];
        for (k, f) in self.facets.iter().enumerate() {
            let list = if f.kind == "tag" {
                &ch.tags
            } else {
                &ch.audience
            };
            bits[k] = list.iter().any(|x| x == f.id);
        }
        hex_mask(&bits)
    }

    fn average_length(&self) -> f64 {
        let total: u64 = self.lengths.iter().map(|&l| u64::from(l)).sum();
        total as f64 / self.lengths.len().max(1) as f64
    }
}

/// Document length on a log scale in one base64 digit: `round(7 ln(1 + len))`, capped
/// at 63 (about 8,000 terms). BM25 needs lengths only roughly.
pub fn length_norm(len: u32) -> usize {
    ((7.0 * f64::from(len).ln_1p()).round() as usize).min(63)
}

pub fn hex_mask(bits: &[bool]) -> String {
    let mut nibbles: Vec<char> = bits
        .chunks(4)
        .map(|c| {
            let v = c
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << i);
            char::from_digit(v, 16).unwrap_or('0')
        })
        .collect();
    while nibbles.len() > 1 && nibbles.last() == Some(&'0') {
        nibbles.pop();
    }
    if nibbles.is_empty() {
        nibbles.push('0');
    }
    nibbles.iter().rev().collect()
}

/// A chapter's record: what a result shows, and its text for excerpts.
#[derive(Serialize)]
struct Record<'a> {
    /// Page path from the site root.
    u: &'a str,
    t: &'a str,
    /// The part's title.
    p: &'a str,
    s: &'a str,
    /// Sections: `[heading id, heading, plain text]`; the first has an empty id when
    /// text comes before the first heading.
    x: Vec<(&'a str, &'a str, &'a str)>,
}

/// The record's JSON.
pub(super) fn record(book: &Book, i: usize, r: &Rendered, url: &str) -> String {
    let ch = &book.chapters[i];
    let rec = Record {
        u: url,
        t: &ch.title,
        p: &book.parts[ch.part].title,
        s: &ch.summary,
        x: r.sections
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str(), s.text.as_str()))
            .collect(),
    };
    to_json(&rec)
}

fn to_json<T: Serialize>(data: &T) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    let json = serde_json::to_string(data).unwrap_or_else(|_| "null".into());
    // `</script` is harmless in a separate .js file, but escaping `<` keeps the files
    // safe to inline too.
    if json.contains('<') {
        json.replace('<', "\\u003c")
    } else {
        json
    }
}

/// A classic script that hands `data` to search.js: works where fetch() does not.
pub fn jsonp<T: Serialize>(key: &str, data: &T) -> String {
    jsonp_raw(key, &to_json(data))
}

pub fn jsonp_raw(key: &str, json: &str) -> String {
    format!("carebookSearch.add({key:?},{json});\n")
}

macro_rules! stemmers {
    ($($code:literal),* $(,)?) => {
        &[$(($code, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/static/stemmers/", $code, ".js")))),*]
    };
}

/// The Snowball stemmers search.js can use, as generated JavaScript: each language's
/// class, registering `window.carebookStemmers[code]`, to be put in one function with
/// [`STEMMER_RUNTIME`] (see scripts/vendor-stemmers.mjs).
const BROWSER_STEMMERS: &[(&str, &str)] = stemmers!(
    "ar", "da", "de", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ro", "ru", "sv", "ta", "tr"
);

/// The code every stemmer builds on (Among, BaseStemmer, the class helpers), kept once.
const STEMMER_RUNTIME: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/themes/default/static/stemmers/runtime.js"
));

/// The stemmers' licences, which must go with every copy.
const STEMMER_LICENCE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/themes/default/static/stemmers/LICENSE"
));

/// Whether `file` (under themes/default/static/stemmers/) is in the binary.
pub fn embeds_stemmer(file: &str) -> bool {
    file == "LICENSE"
        || file == "runtime.js"
        || BROWSER_STEMMERS
            .iter()
            .any(|(code, _)| file.strip_suffix(".js") == Some(code))
}

/// The script a site in `language` loads before search.js, and its name under
/// `assets/`: the language's stemmer and its rules (stop words, kept letters), which
/// are made here from the tokenizer's own so the two sides cannot differ. `None` for
/// English (search.js has its stemmer built in) and for languages without a stemmer,
/// whose rules need no data.
pub fn language_script(language: &str) -> Option<(String, String)> {
    let tok = Tokenizer::for_language(language);
    let rules = tok.rules().filter(|r| r.stems())?;
    let (_, stemmer) = BROWSER_STEMMERS.iter().find(|(c, _)| *c == rules.code)?;
    let data = serde_json::json!({ "keep": rules.keep, "stop": tok.stop_words() });
    let script = format!(
        "/*\n{licence}*/\n(function () {{\n    'use strict';\n{STEMMER_RUNTIME}{stemmer}}})();\n(window.carebookLanguages = window.carebookLanguages || {{}})[{code}] = {data};\n",
        code = serde_json::to_string(rules.code).unwrap_or_default(),
        licence = STEMMER_LICENCE.replace("*/", "* /"),
    );
    Some((format!("search-{}.js", rules.code), script))
}

/// The rules search.js needs for `language` beside its stemmer, as the language script
/// gives them: `{"keep": …, "stop": […]}` (for the test vectors).
pub fn language_rules(language: &str) -> serde_json::Value {
    let tok = Tokenizer::for_language(language);
    serde_json::json!({
        "keep": tok.rules().map_or("", |r| r.keep),
        "stop": tok.stop_words(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_are_hex_with_bit_i_for_facet_i() {
        assert_eq!(hex_mask(&[true, false, false, false, true]), "11");
        assert_eq!(hex_mask(&[false, true, true]), "6");
        assert_eq!(hex_mask(&[false; 9]), "0");
        assert_eq!(hex_mask(&[]), "0");
    }

    #[test]
    fn length_norm_is_monotonic_and_capped() {
        assert_eq!(length_norm(0), 0);
        assert!(length_norm(100) < length_norm(200));
        assert_eq!(length_norm(1_000_000), 63);
    }

    #[test]
    fn inversion_keeps_document_order() {
        // One chapter per chunk, each chunk with its own term ids: "b" is 1 in the
        // first and 0 in the second.
        let chunk = |vocab: [&str; 2], terms: Vec<(u32, u32)>| {
            std::sync::Arc::new(Block {
                vocab: vocab.map(str::to_owned).to_vec(),
                docs: vec![DocTerms { terms, len: 2 }],
            })
        };
        let first = chunk(["c", "b"], vec![(1, 0), (0, 4)]);
        let second = chunk(["b", "a"], vec![(1, 0), (0, 1)]);
        let (terms, postings) = invert(&[first, second]);
        assert_eq!(terms, ["a", "b", "c"]);
        assert_eq!(
            postings[1],
            [Posting { doc: 0, weight: 0 }, Posting { doc: 1, weight: 1 }]
        );
    }

    #[test]
    fn jsonp_escapes_markup() {
        let s = jsonp("r1", &("</script><b>",));
        assert_eq!(
            s,
            "carebookSearch.add(\"r1\",[\"\\u003c/script>\\u003cb>\"]);\n"
        );
    }
}
