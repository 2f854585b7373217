//! Laying the index out in files: the core (with the postings inline while it stays
//! small), term-range postings shards for large books, and one record per chapter.
//! Every file name carries a hash, so a browser never mixes two builds: of the file's
//! content, or for the core, of everything the index is made from (see `input_hash`).

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::encode::{content_hash, front_code, push_postings, Posting};
use super::{jsonp, jsonp_raw, record, CoreParts, Facet, SearchIndex, TermStore, FORMAT};
use crate::analysis::ChapterOutput;
use crate::book::Book;
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
    records: &Records<'_>,
    core_path: String,
) -> SearchIndex {
    let term_refs: Vec<&str> = terms.iter().map(String::as_str).collect();
    let (docs, masks) = parts.docs_and_masks();
    let c = parts.config;
    let blocks = records.blocks();
    let records_per = blocks.per;
    let mut files = blocks.files;
    let record_hashes = blocks.hashes;
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
        kept: blocks.kept,
    }
}

/// The core file's path, from the hash naming it.
pub fn core_path(hash: &str) -> String {
    format!("{DIR}/core-{hash}.js")
}

/// The chapter records of the indexed documents, to be laid out in files.
pub(super) struct Records<'a> {
    pub book: &'a Book,
    pub rendered: &'a [ChapterOutput],
    pub docs: &'a [usize],
    pub url: &'a (dyn Fn(usize) -> String + Sync),
    /// Where the last build's record files are remembered, when there is a build cache.
    pub store: Option<&'a TermStore>,
}

/// The record files: those written, and those kept from the last build.
struct RecordBlocks {
    /// Records per file.
    per: usize,
    /// `(path, contents)` of the files to write.
    files: Vec<(String, String)>,
    /// Paths of the files the last build wrote with the same records.
    kept: Vec<String>,
    /// Each file's content hash, in its name.
    hashes: Vec<String>,
}

impl Records<'_> {
    /// About how many bytes a document's record takes: its text and some punctuation.
    /// Counted rather than serialized, so unchanged files need not be made at all.
    fn size(&self, i: usize) -> usize {
        let ch = &self.book.chapters[i];
        let sections: usize = self.rendered[i]
            .rendered
            .sections
            .iter()
            .map(|s| s.id.len() + s.title.len() + s.text.len() + 10)
            .sum();
        ch.out_path.len()
            + ch.title.len()
            + self.book.parts[ch.part].title.len()
            + ch.summary.len()
            + sections
            + 30
    }

    /// The key of block `b` holding `docs` at `per` records a file: everything the file
    /// is made of.
    fn key(&self, b: usize, per: usize, docs: &[usize]) -> u128 {
        use super::terms::field;
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&u64::from(FORMAT).to_le_bytes());
        h.update(&(b as u64).to_le_bytes());
        h.update(&(per as u64).to_le_bytes());
        for &i in docs {
            let ch = &self.book.chapters[i];
            field(&mut h, &(self.url)(i));
            field(&mut h, &ch.title);
            field(&mut h, &self.book.parts[ch.part].title);
            field(&mut h, &ch.summary);
            for s in &self.rendered[i].rendered.sections {
                field(&mut h, &s.id);
                field(&mut h, &s.title);
                field(&mut h, &s.text);
            }
            h.update(&[0xfe]);
        }
        h.digest128()
    }

    /// Lays the records out in files of about [`RECORD_BLOCK_BYTES`], side by side;
    /// a file the last build made from the same records is kept, not made again.
    fn blocks(&self) -> RecordBlocks {
        let total: usize = self.docs.par_iter().map(|&i| self.size(i)).sum();
        let average = total / self.docs.len().max(1);
        let per = (RECORD_BLOCK_BYTES / average.max(1)).clamp(1, 64);
        let made: Vec<(String, Option<String>, String)> = self
            .docs
            .par_chunks(per)
            .enumerate()
            .map(|(b, docs)| {
                let key = self.store.map(|_| self.key(b, per, docs));
                let path = |hash: &str| {
                    format!(
                        "{DIR}/{RECORDS_DIR}/{}/{b}-{hash}.js",
                        b / RECORDS_PER_FOLDER
                    )
                };
                if let (Some(store), Some(key)) = (self.store, key) {
                    if let Some(hash) = store.record_file(key) {
                        return (path(&hash), None, hash);
                    }
                }
                let text = self.file(b, docs);
                let hash = content_hash(&[text.as_bytes()]);
                if let (Some(store), Some(key)) = (self.store, key) {
                    store.put_record(key, hash.clone());
                }
                (path(&hash), Some(text), hash)
            })
            .collect();
        let mut blocks = RecordBlocks {
            per,
            files: Vec::with_capacity(made.len() + 200),
            kept: Vec::new(),
            hashes: Vec::with_capacity(made.len()),
        };
        for (path, text, hash) in made {
            blocks.hashes.push(hash);
            match text {
                Some(text) => blocks.files.push((path, text)),
                None => blocks.kept.push(path),
            }
        }
        blocks
    }

    /// Record file `b`: the records of `docs`, as `jsonp_raw` writes them, each
    /// serialized straight into it.
    fn file(&self, b: usize, docs: &[usize]) -> String {
        let head = jsonp_raw(&format!("r{b}"), "");
        let (open, close) = head.split_at(head.len() - 3);
        let mut text =
            String::with_capacity(head.len() + docs.iter().map(|&i| self.size(i)).sum::<usize>());
        text.push_str(open);
        text.push('[');
        for (k, &i) in docs.iter().enumerate() {
            if k > 0 {
                text.push(',');
            }
            text.push_str(&record(
                self.book,
                i,
                &self.rendered[i].rendered,
                &(self.url)(i),
            ));
        }
        text.push(']');
        text.push_str(close);
        text
    }
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
