//! book.toml: `Config::parse`, then, when it parses, the book in `fuzz/book` read,
//! rendered and checked with that configuration (tags, audiences, checklists, search
//! and `[packs.*]` tables resolved against real chapters), as `carebook build` does.
//! The chapters folder and theme stay the fuzz book's, so no run reads outside it.
#![no_main]

use std::path::Path;

use carebook::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = carebook_fuzz::text(data);
    let path = Path::new("book.toml");
    let mut config = match Config::parse(&text, path) {
        Ok(c) => c,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    for key in ["title", "build", "tags", "packs", "search"] {
        let _ = carebook::config::TomlSpans::new(&text).value(&[key, "title"]);
    }
    let root = carebook_fuzz::book_root();
    config.build.source = "guide".into();
    config.build.theme = "default".into();
    config.build.output = "site".into();
    match carebook::build::prepare(root, config, None, None) {
        Ok(mut p) => {
            carebook_fuzz::lighten(&mut p);
            let site = p.site();
            let sink = carebook_fuzz::NullSink;
            if let Some(first) = site.book.chapter_ids().next() {
                let _ = carebook::site::chapter(&site, first, &sink);
            }
            let _ = site.model.pack_summaries();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
