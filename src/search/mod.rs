//! The search index: built from the rendered chapters, written as classic script files
//! under `search/` so the site searches from file:// as well as from a server.
//! The format is documented in docs/search-index.md; `assets/search.js` reads it.

pub mod encode;
mod shard;
pub mod tokenize;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::book::Book;
use crate::config::SearchConfig;
use crate::markdown::Rendered;
use crate::output::{OutputError, Sink};
use encode::{push_vlq, Posting, DIGITS};
use tokenize::{StemCache, Tokenizer};

/// Format version, bumped when search.js must change with it.
pub const FORMAT: u32 = 1;

/// The index files, ready to write.
pub struct SearchIndex {
    /// Path of the core file from the site root; pages point search.js at it.
    pub core: String,
    /// `(path from the site root, contents)`.
    pub files: Vec<(String, String)>,
    /// Bytes of the core and postings files (everything but the chapter records).
    pub index_bytes: usize,
}

impl SearchIndex {
    pub fn write(&self, out: &dyn Sink) -> Result<(), OutputError> {
        self.files
            .par_iter()
            .try_for_each(|(path, text)| out.write(path, text.as_bytes()))
    }
}

/// One chapter's terms: `(term, weight)` sorted by term, and its length in terms.
struct DocTerms {
    terms: Vec<(String, u32)>,
    len: u32,
}

/// Builds the index, or `None` when search is switched off.
pub fn build(book: &Book, rendered: &[Rendered]) -> Option<SearchIndex> {
    let docs: Vec<usize> = (0..book.chapters.len()).collect();
    build_for(book, rendered, &docs, &|i| {
        book.chapters[i].out_path.clone()
    })
}

/// An index of some chapters only (a course pack's), whose pages are at `url(chapter)`
/// from the folder the index is written to.
pub fn build_for(
    book: &Book,
    rendered: &[Rendered],
    chapters: &[usize],
    url: &(dyn Fn(usize) -> String + Sync),
) -> Option<SearchIndex> {
    let config = &book.config.search;
    if !config.enable {
        return None;
    }
    let docs: Vec<usize> = chapters
        .iter()
        .copied()
        .filter(|&i| book.chapters[i].search)
        .collect();
    let tokenizer = Tokenizer::default();
    let doc_terms: Vec<DocTerms> = docs
        .par_iter()
        .map_init(StemCache::default, |cache, &i| {
            doc_terms(&tokenizer, cache, book, i, &rendered[i])
        })
        .collect();
    let (terms, postings) = invert(&doc_terms);

    let records: Vec<String> = docs
        .par_iter()
        .map(|&i| record(book, i, &rendered[i], &url(i)))
        .collect();
    let core = CoreParts {
        config,
        facets: facets(book),
        docs: &docs,
        doc_terms: &doc_terms,
        book,
    };
    Some(shard::assemble(&core, &terms, &postings, records))
}

fn doc_terms(
    tok: &Tokenizer,
    cache: &mut StemCache,
    book: &Book,
    i: usize,
    r: &Rendered,
) -> DocTerms {
    let ch = &book.chapters[i];
    // (folded text, is the title, is a heading)
    let mut texts = vec![
        (tokenize::fold(&ch.title), true, false),
        (tokenize::fold(&ch.summary), false, false),
    ];
    for s in &r.sections {
        texts.push((tokenize::fold(&s.title), false, true));
        texts.push((tokenize::fold(&s.text), false, false));
    }
    // Folded word → (count, in title, in a heading), so each distinct word is looked
    // up once.
    let mut words: HashMap<&str, (u32, bool, bool)> = HashMap::default();
    for (text, title, heading) in &texts {
        for w in tokenize::words(text) {
            let e = words.entry(w).or_default();
            e.0 += 1;
            e.1 |= title;
            e.2 |= heading;
        }
    }
    let mut counts: HashMap<String, (u32, bool, bool)> =
        HashMap::with_capacity_and_hasher(words.len(), Default::default());
    let mut len = 0;
    for (w, (n, title, heading)) in words {
        let Some(term) = tok.cached_term(w, cache) else {
            continue;
        };
        len += n;
        let e = match counts.get_mut(term) {
            Some(e) => e,
            None => counts.entry(term.to_owned()).or_default(),
        };
        e.0 += n;
        e.1 |= title;
        e.2 |= heading;
    }
    let mut terms: Vec<(String, u32)> = counts
        .into_iter()
        .map(|(t, (tf, title, heading))| (t, Posting::weight(tf, title, heading)))
        .collect();
    terms.sort_unstable();
    DocTerms { terms, len }
}

/// Sorted terms and, for each, its postings in document order.
fn invert(docs: &[DocTerms]) -> (Vec<String>, Vec<Vec<Posting>>) {
    let mut map: HashMap<&str, Vec<Posting>> = HashMap::default();
    for (doc, d) in docs.iter().enumerate() {
        for (term, weight) in &d.terms {
            map.entry(term.as_str()).or_default().push(Posting {
                doc: doc as u32,
                weight: *weight,
            });
        }
    }
    let mut entries: Vec<(&str, Vec<Posting>)> = map.into_iter().collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    entries.into_iter().map(|(t, p)| (t.to_owned(), p)).unzip()
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
    doc_terms: &'a [DocTerms],
    book: &'a Book,
}

impl CoreParts<'_> {
    /// Per document: one digit of length norm, then VLQ(index into `masks`).
    fn docs_and_masks(&self) -> (String, Vec<String>) {
        let mut masks: Vec<String> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::default();
        let mut out = String::with_capacity(self.docs.len() * 2);
        for (n, &i) in self.docs.iter().enumerate() {
            out.push(DIGITS[length_norm(self.doc_terms[n].len)] as char);
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
        let total: u64 = self.doc_terms.iter().map(|d| u64::from(d.len)).sum();
        total as f64 / self.doc_terms.len().max(1) as f64
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
fn record(book: &Book, i: usize, r: &Rendered, url: &str) -> String {
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
    json.replace('<', "\\u003c")
}

/// A classic script that hands `data` to search.js: works where fetch() does not.
pub fn jsonp<T: Serialize>(key: &str, data: &T) -> String {
    jsonp_raw(key, &to_json(data))
}

pub fn jsonp_raw(key: &str, json: &str) -> String {
    format!("carebookSearch.add({key:?},{json});\n")
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
        let d = |terms: &[(&str, u32)]| DocTerms {
            terms: terms.iter().map(|(t, w)| (t.to_string(), *w)).collect(),
            len: 1,
        };
        let (terms, postings) = invert(&[d(&[("b", 0), ("c", 4)]), d(&[("a", 0), ("b", 1)])]);
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
