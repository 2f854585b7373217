//! Words: how text is cut into words, folded and stemmed for search, and the search
//! synonyms a book declares. Below the model, because book.toml's `[search.synonyms]`
//! is read (and checked) with the words the search index will use.

pub mod codes;
pub mod synonyms;
pub mod tokenize;
