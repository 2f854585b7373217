//! Each block of chapters' search terms, kept between builds in the build cache, so a
//! rebuild after an edit tokenizes and stems only the block holding the edited chapter
//! (at 10,000 chapters tokenizing is about 60% of the index's time; see
//! docs/performance.md). Inverting the terms into postings and laying out the files is
//! still done for the whole book: it depends on every chapter at once.
//!
//! A block is [`BLOCK`] consecutive documents of the index. It is stored in
//! `.carebook-cache/<site>/search/<key>.bin`, named by its key: a hash of the text
//! the tokenizer reads for each of its documents (title, summary, section headings and
//! text) and of the language whose rules tokenize it. The cache's own header (carebook's
//! version and program file) covers the code. Only blocks a build made are written;
//! files the build did not use are removed after it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::analysis::ChapterOutput;
use crate::book::Book;

/// Documents per block: an edit re-tokenizes this many chapters (a few milliseconds).
/// Smaller blocks repeat more of the vocabulary between blocks, which the inversion then
/// sorts: at 10,000 chapters 128 keeps that under a tenth of the terms' time.
pub const BLOCK: usize = 128;

/// The folder of the block files inside the site's cache folder.
const DIR: &str = "search";

/// The terms of a run of consecutive documents: their vocabulary, and each document's
/// terms as ids into it.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Block {
    /// Term by id.
    pub vocab: Vec<String>,
    pub docs: Vec<DocTerms>,
}

/// One document's terms: `(term id, weight)`, ids from its block's vocabulary, and its
/// length in terms.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct DocTerms {
    pub terms: Vec<(u32, u32)>,
    pub len: u32,
}

/// The blocks of the last build, and the ones this build uses.
pub struct TermStore {
    /// The site whose cache holds the blocks; `None` keeps them in memory only.
    target: Option<PathBuf>,
    /// Whether blocks of earlier builds may be read (not for `--force`).
    reuse: bool,
    /// Every block this build used, by key, with the block itself when this build made
    /// it (it is written when the build is done).
    used: Mutex<HashMap<u128, Option<Arc<Block>>>>,
    /// The last build's chapter record files: the key of a file's records → the hash
    /// in its name (read when first asked for).
    records_before: std::sync::OnceLock<HashMap<u128, String>>,
    /// This build's record files, likewise.
    records_now: Mutex<HashMap<u128, String>>,
}

/// The file of the record files' names, in the folder of the blocks.
const RECORDS: &str = "records.bin";

impl TermStore {
    /// The store of the site at `target`: reads the blocks of its last build when
    /// `reuse`, and keeps this build's for the next.
    pub fn at(target: &Path, reuse: bool) -> TermStore {
        TermStore {
            target: Some(target.to_path_buf()),
            reuse,
            used: Mutex::default(),
            records_before: std::sync::OnceLock::new(),
            records_now: Mutex::default(),
        }
    }

    fn file(key: u128) -> String {
        format!("{DIR}/{key:032x}.bin")
    }

    /// The block stored under `key`, when there is one that reads back.
    pub(super) fn get(&self, key: u128) -> Option<Block> {
        if !self.reuse {
            return None;
        }
        let block: Block = crate::cache::load(self.target.as_deref()?, &Self::file(key))?;
        self.used().insert(key, None);
        Some(block)
    }

    /// Keeps `block`, made by this build, under `key`.
    pub(super) fn put(&self, key: u128, block: Arc<Block>) {
        self.used().entry(key).or_insert(Some(block));
    }

    /// The hash naming the record file the last build made from the records keyed
    /// `key`, noted as used again.
    pub(super) fn record_file(&self, key: u128) -> Option<String> {
        if !self.reuse {
            return None;
        }
        let before = self.records_before.get_or_init(|| {
            self.target
                .as_deref()
                .and_then(|t| crate::cache::load(t, &format!("{DIR}/{RECORDS}")))
                .unwrap_or_default()
        });
        let hash = before.get(&key)?.clone();
        self.put_record(key, hash.clone());
        Some(hash)
    }

    /// Notes that the record file named by `hash` was made from the records keyed `key`.
    pub(super) fn put_record(&self, key: u128, hash: String) {
        self.records_now
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, hash);
    }

    fn used(&self) -> std::sync::MutexGuard<'_, HashMap<u128, Option<Arc<Block>>>> {
        self.used
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes the blocks this build made and removes those it did not use. Called
    /// once the site is in place: a failed build leaves the last one's blocks.
    pub fn save(self) {
        let Some(target) = self.target else { return };
        let used = self
            .used
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if used.is_empty() {
            // Search is off, or this build did not make the index: keep what is there.
            return;
        }
        let records = self
            .records_now
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        crate::cache::save(&target, &format!("{DIR}/{RECORDS}"), &records);
        let dir = crate::cache::dir(&target).join(DIR);
        let present: HashSet<String> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let wanted: HashSet<String> = used
            .keys()
            .map(|k| Self::file(*k)[DIR.len() + 1..].to_owned())
            .chain([RECORDS.to_owned()])
            .collect();
        // A block this build made was not in the cache, or not readable there (from
        // another carebook): written either way.
        for (key, block) in &used {
            if let Some(block) = block {
                crate::cache::save(&target, &Self::file(*key), &**block);
            }
        }
        for stale in present.difference(&wanted) {
            let _ = std::fs::remove_file(dir.join(stale));
        }
    }
}

/// Feeds `s` to `h` as one field of a cache key: it ends with 0xff, a byte UTF-8 never
/// uses, so text moved between fields changes the key.
pub(super) fn field(h: &mut Xxh3, s: &str) {
    h.update(s.as_bytes());
    h.update(&[0xff]);
}

/// The key of the block of documents `docs` (chapter indices): everything the
/// tokenizer reads of them, in order, and the language (see [`field`]); 0xfe ends each
/// document, so a section cannot move between two.
pub(super) fn block_key(
    language: &str,
    book: &Book,
    rendered: &[ChapterOutput],
    docs: &[usize],
) -> u128 {
    let mut h = Xxh3::new();
    field(&mut h, language);
    for &i in docs {
        let ch = &book.chapters[i];
        field(&mut h, &ch.title);
        field(&mut h, &ch.summary);
        for s in &rendered[i].rendered.sections {
            field(&mut h, &s.title);
            field(&mut h, &s.text);
        }
        // Marks the end of a document, so a section cannot move between two.
        h.update(&[0xfe]);
    }
    h.digest128()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_read_back_as_they_were_written() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        let block = Block {
            vocab: vec!["listen".into(), "calm".into()],
            docs: vec![DocTerms {
                terms: vec![(0, 3), (1, 1)],
                len: 9,
            }],
        };
        let store = TermStore::at(&site, true);
        store.put(7, Arc::new(block));
        store.save();
        let again = TermStore::at(&site, true);
        let back = again.get(7).expect("the block is kept");
        assert_eq!(back.vocab, ["listen", "calm"]);
        assert_eq!(back.docs[0].terms, [(0, 3), (1, 1)]);
        assert_eq!(back.docs[0].len, 9);
        assert!(again.get(8).is_none(), "no block under another key");
        // The next build used only block 7: a block it did not use is removed.
        let third = TermStore::at(&site, true);
        third.put(9, Arc::new(Block::default()));
        third.save();
        let fourth = TermStore::at(&site, true);
        assert!(fourth.get(7).is_none(), "unused blocks are removed");
        assert!(fourth.get(9).is_some());
        assert!(
            TermStore::at(&site, false).get(9).is_none(),
            "a forced build reads nothing"
        );
        // A block that did not read back (another carebook wrote it) is made again and
        // written over it.
        let file = crate::cache::dir(&site).join(TermStore::file(9));
        std::fs::write(&file, b"not a block").unwrap();
        let fifth = TermStore::at(&site, true);
        assert!(fifth.get(9).is_none());
        fifth.put(9, Arc::new(Block::default()));
        fifth.save();
        assert!(TermStore::at(&site, true).get(9).is_some(), "not rewritten");
    }
}
