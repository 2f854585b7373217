//! Laying the index out in files: the core (with the postings inline while it stays
//! small), term-range postings shards for large books, and one record per chapter.
//! Every file name carries a hash, so a browser never mixes two builds: of the file's
//! content, or for the core, of everything the index is made from (see `input_hash`).

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::encode::{content_hash, front_code, push_postings, Posting};
use super::{jsonp, jsonp_raw, CoreParts, Facet, SearchIndex, FORMAT};
use crate::language::tokenize::Tokenizer;

/// Records are grouped so a file holds about this many bytes: few files (10,000 chapters
/// make about 1,100), and a page of ten results still loads well under a megabyte.
const RECORD_BLOCK_BYTES: usize = 48_000;

/// Record files per folder: big folders make file systems slow.
const RECORDS_PER_FOLDER: usize = 100;

/// Folder of the index files, from the site root.
pub const DIR: &str = "search";

/// Folder of the chapter records, in `DIR`.
const RECORDS_DIR: &str = "r";

#[derive(Serialize)]
struct Core<'a> {
    v: u32,
    /// The base language whose rules made the terms ("es", "ja"); absent for English.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    settings: Settings,
    /// `[search.synonyms]` as terms: key terms joined by a space → synonym terms.
    synonyms: BTreeMap<String, Vec<String>>,
    facets: &'a [Facet<'a>],
    /// Distinct tag/audience bitmasks (hex), indexed from `docs`.
    masks: Vec<String>,
    /// Per document: one digit of length norm, then VLQ(mask index).
    docs: String,
    /// Average document length in terms, for BM25.
    avgdl: f64,
    /// All terms, sorted and front coded.
    terms: String,
    /// Postings of every term in order, when they are inline.
    postings: Option<String>,
    /// Sharded postings: `[index of the shard's first term, file name]`.
    shards: Vec<(usize, String)>,
    /// Folder of the chapter records: block b of `records_per` documents is
    /// `<folder>/<b / 100>/<b>-<record_hashes[b]>.js`.
    records: &'static str,
    records_per: usize,
    /// Each block's content hash, in its file's name: an edit to one chapter changes
    /// one block's file, and a rebuild writes only that one.
    record_hashes: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Settings {
    max_results: usize,
    excerpt_words: usize,
    title_boost: f64,
    heading_boost: f64,
}

/// Each term's postings list, encoded.
pub(super) fn encode(postings: Vec<Vec<Posting>>) -> Vec<String> {
    postings
        .into_par_iter()
        .map(|p| {
            let mut s = String::new();
            push_postings(&mut s, &p);
            s
        })
        .collect()
}

pub(super) fn assemble(
    parts: &CoreParts<'_>,
    terms: &[String],
    encoded: Vec<String>,
    records: Vec<String>,
    core_path: String,
) -> SearchIndex {
    let term_refs: Vec<&str> = terms.iter().map(String::as_str).collect();
    let (docs, masks) = parts.docs_and_masks();
    let c = parts.config;
    let records_per = records_per(&records);
    // Each block's file made side by side, its records copied once, straight into it.
    let blocks: Vec<(String, String, String)> = records
        .par_chunks(records_per)
        .enumerate()
        .map(|(b, chunk)| {
            // As `jsonp_raw` writes it, without building the JSON apart first.
            let head = jsonp_raw(&format!("r{b}"), "");
            let (open, close) = head.split_at(head.len() - 3);
            let size: usize = chunk.iter().map(|r| r.len() + 1).sum();
            let mut text = String::with_capacity(head.len() + size + 2);
            text.push_str(open);
            text.push('[');
            for (k, r) in chunk.iter().enumerate() {
                if k > 0 {
                    text.push(',');
                }
                text.push_str(r);
            }
            text.push(']');
            text.push_str(close);
            let hash = content_hash(&[text.as_bytes()]);
            let path = format!(
                "{DIR}/{RECORDS_DIR}/{}/{b}-{hash}.js",
                b / RECORDS_PER_FOLDER
            );
            (path, text, hash)
        })
        .collect();
    drop(records);
    let mut files = Vec::with_capacity(blocks.len() + 200);
    let mut record_hashes = Vec::with_capacity(blocks.len());
    for (path, text, hash) in blocks {
        record_hashes.push(hash);
        files.push((path, text));
    }
    let record_bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let tok = Tokenizer::for_language(&parts.book.config.language);
    let mut core = Core {
        v: FORMAT,
        language: tok.rules().map(|r| r.code),
        settings: Settings {
            max_results: c.max_results,
            excerpt_words: c.excerpt_words,
            title_boost: c.boost.title,
            heading_boost: c.boost.heading,
        },
        synonyms: c.synonyms.compile(&tok),
        facets: &parts.facets,
        masks,
        docs,
        avgdl: parts.average_length(),
        terms: front_code(&term_refs),
        postings: None,
        shards: Vec::new(),
        records: RECORDS_DIR,
        records_per,
        record_hashes,
    };
    // Postings are base64 digits, which JSON does not escape: inline, they would turn
    // `null` into a string of their total length plus two quotes.
    let inline_len =
        jsonp("core", &core).len() + encoded.iter().map(String::len).sum::<usize>() - 2;
    let core_text = if inline_len <= c.shard_above {
        core.postings = Some(encoded.concat());
        jsonp("core", &core)
    } else {
        for (k, range) in split(&encoded, c.shard_size).into_iter().enumerate() {
            let text = jsonp(&format!("p{k}"), &encoded[range.clone()].concat());
            let name = format!("p{k}-{}.js", content_hash(&[text.as_bytes()]));
            core.shards.push((range.start, name.clone()));
            files.push((format!("{DIR}/{name}"), text));
        }
        jsonp("core", &core)
    };
    files.push((core_path.clone(), core_text));
    let index_bytes = files.iter().map(|(_, t)| t.len()).sum::<usize>() - record_bytes;
    SearchIndex {
        core: core_path,
        files,
        index_bytes,
    }
}

/// The core file's path, from the hash naming it.
pub fn core_path(hash: &str) -> String {
    format!("{DIR}/core-{hash}.js")
}

/// How many chapter records go in one file, from their average size.
fn records_per(records: &[String]) -> usize {
    let total: usize = records.iter().map(String::len).sum();
    let average = total / records.len().max(1);
    (RECORD_BLOCK_BYTES / average.max(1)).clamp(1, 64)
}

/// Consecutive ranges of terms whose postings add up to about `size` bytes each (a term
/// larger than `size` gets a shard of its own).
pub fn split(encoded: &[String], size: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, e) in encoded.iter().enumerate() {
        if bytes > 0 && bytes + e.len() > size {
            ranges.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += e.len();
    }
    if start < encoded.len() {
        ranges.push(start..encoded.len());
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(lens: &[usize]) -> Vec<String> {
        lens.iter().map(|&n| "A".repeat(n)).collect()
    }

    #[test]
    fn shards_cover_every_term_once_in_order() {
        let enc = strings(&[3, 3, 3, 3, 3]);
        assert_eq!(split(&enc, 7), [0..2, 2..4, 4..5]);
        assert_eq!(split(&enc, 100).len(), 1, "everything fits in one shard");
        assert!(split(&[], 10).is_empty());
    }

    #[test]
    fn an_oversized_term_gets_its_own_shard() {
        let enc = strings(&[2, 50, 2]);
        assert_eq!(split(&enc, 10), [0..1, 1..2, 2..3]);
    }
}
