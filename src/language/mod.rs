//! Words: how text is cut into words, folded and stemmed for search, the search synonyms
//! a book declares, language codes and their names, and which way a language's text runs. Below the model, because
//! book.toml's `[search.synonyms]` is read (and checked) with the words the search index
//! will use.

pub mod codes;
pub mod direction;
pub mod synonyms;
pub mod tokenize;

pub use direction::{direction, Direction};
