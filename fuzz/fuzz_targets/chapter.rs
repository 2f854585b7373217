//! The per-chapter Markdown pass on a fuzzed chapter body, inside the book in
//! `fuzz/book` (chapters in nested part folders with headings and anchors, an asset),
//! so links such as `../listening.md#dont-interrupt`, `%xx` forms and raw HTML
//! `<a href>` / `<img src>` reach link resolution. Then what `carebook serve` runs for
//! a changed chapter: desk-card fit, the anchor check between chapters, the chapter's
//! page and its part's desk cards. The pack pages are the `pack_page` target.
#![no_main]

use std::cell::RefCell;

use carebook_fuzz::{ChapterBook, NullSink};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static BOOK: RefCell<ChapterBook> = RefCell::new(ChapterBook::new());
}

fuzz_target!(|data: &[u8]| {
    BOOK.with(|book| {
        let book = &mut *book.borrow_mut();
        if !book.update(&carebook_fuzz::text(data)) {
            return;
        }
        let site = book.prepared.site();
        let _ = carebook::site::chapter(&site, book.id, &NullSink);
        let _ = carebook::cards::write_all(&site, &NullSink);
    });
});
