//! The search tokenizer. `assets/search.js` implements the same specification, and the
//! test vectors in `tests/search/tokenizer-vectors.json` (made here, checked there) keep
//! the two in step. The specification, in order:
//!
//! 1. Unicode NFKD (compatibility decomposition: ligatures and accents come apart),
//! 2. drop combining marks (General Category M), which folds diacritics,
//! 3. lowercase (full Unicode case mapping), then `ß` → `ss` (the one common case
//!    folding that lowercasing misses),
//! 4. delete apostrophes (`'` `’` `‘` `ʼ`), so "don't" is one word,
//! 5. split into runs of alphabetic or numeric characters,
//! 6. drop stop words and words longer than [`MAX_WORD`] characters,
//! 7. stem words made only of the letters a-z with the Snowball English (Porter2)
//!    stemmer; other words are kept as they are, so both sides agree without sharing
//!    Unicode tables beyond steps 1-5.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Longer "words" are identifiers or noise, not something people type.
pub const MAX_WORD: usize = 40;

/// Common English words that carry no meaning for search. Kept short: words like "not"
/// or "how" matter in a care handbook.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he",
    "her", "his", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she", "so",
    "that", "the", "their", "them", "then", "there", "they", "this", "to", "was", "we", "were",
    "will", "with", "you", "your",
];

pub struct Tokenizer {
    stemmer: Stemmer,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Tokenizer {
    /// Calls `f` with every search term of `text`, in order.
    pub fn each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        self.each_word(text, |word| {
            if let Some(term) = self.term(word) {
                f(&term);
            }
        });
    }

    /// Calls `f` with every folded word of `text` (steps 1-5), stop words included.
    pub fn each_word(&self, text: &str, f: impl FnMut(&str)) {
        words(&fold(text)).for_each(f);
    }

    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.each_term(text, |t| out.push(t.to_owned()));
        out
    }

    /// The term for one already folded word, or `None` for a stop word.
    pub fn term<'w>(&self, word: &'w str) -> Option<Cow<'w, str>> {
        if word.chars().count() > MAX_WORD || STOP_WORDS.binary_search(&word).is_ok() {
            return None;
        }
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            Some(self.stemmer.stem(word))
        } else {
            Some(Cow::Borrowed(word))
        }
    }
}

/// Step 5: the words of an already folded text.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Steps 1-4 of the specification. ASCII text skips the Unicode work.
pub fn fold(text: &str) -> Cow<'_, str> {
    let apostrophe = |c: char| matches!(c, '\'' | '’' | '‘' | 'ʼ');
    if text.is_ascii() {
        if !text.bytes().any(|b| b.is_ascii_uppercase() || b == b'\'') {
            return Cow::Borrowed(text);
        }
        // Byte-wise: going through `chars()` here was a tenth of a big build's search
        // index time.
        let mut folded = text.to_ascii_lowercase();
        if folded.contains('\'') {
            folded.retain(|c| c != '\'');
        }
        return Cow::Owned(folded);
    }
    let stripped: String = text.nfkd().filter(|&c| !is_combining_mark(c)).collect();
    Cow::Owned(
        stripped
            .to_lowercase()
            .replace('ß', "ss")
            .chars()
            .filter(|&c| !apostrophe(c))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        Tokenizer::default().terms(s)
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn stems_and_drops_stop_words() {
        assert_eq!(
            terms("The customers were listening to your apologies"),
            ["custom", "listen", "apolog"]
        );
        assert_eq!(
            terms("Empathy, empathetic; EMPATHISE"),
            ["empathi", "empathet", "empathis"]
        );
    }

    #[test]
    fn folds_case_diacritics_ligatures_and_apostrophes() {
        assert_eq!(terms("Café NAÏVE ﬁnal"), ["cafe", "naiv", "final"]);
        assert_eq!(terms("Don’t can't"), ["dont", "cant"]);
        assert_eq!(terms("Ｆｕｌｌｗｉｄｔｈ"), ["fullwidth"]);
    }

    #[test]
    fn non_latin_words_are_kept_unstemmed() {
        assert_eq!(
            terms("Ελληνικά straße 42nd"),
            ["ελληνικα", "strass", "42nd"]
        );
    }

    #[test]
    fn long_words_are_dropped() {
        let long = "a".repeat(MAX_WORD + 1);
        assert_eq!(terms(&format!("{long} ok")), ["ok"]);
    }
}
