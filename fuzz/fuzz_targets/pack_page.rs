//! A fuzzed chapter body in a course pack: the chapter goes through the same pass as
//! in the `chapter` target, then the pack that holds it is rendered in the site and
//! standalone (for its SCORM package), where links between the pack's chapters are
//! rewritten to pack pages and links leaving the pack go to the handbook or become
//! plain text (src/packs/pages.rs).
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
        for pack in site
            .model
            .packs
            .iter()
            .filter(|pack| pack.contains(book.id))
        {
            let _ = carebook::packs::write_in_site(&site, pack, &NullSink);
        }
    });
});
