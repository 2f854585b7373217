//! One chapter file, front matter and all: the `---` split, the YAML parse into the
//! chapter's metadata and the checks `carebook build` makes on it (`book::load` on a
//! one-chapter book in a scratch folder, then `Book::reload_chapter` as `serve` does).
#![no_main]

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use carebook::config::Config;
use libfuzzer_sys::fuzz_target;

struct State {
    root: PathBuf,
    config: Config,
    file: PathBuf,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(setup());
}

fn setup() -> State {
    let root = carebook_fuzz::scratch_dir("front_matter");
    let toml = std::fs::read_to_string(carebook_fuzz::book_root().join("book.toml"))
        .expect("fuzz/book/book.toml");
    std::fs::write(root.join("book.toml"), toml).expect("write book.toml");
    let part = root.join("guide/part/deep");
    std::fs::create_dir_all(&part).expect("create the part folder");
    let file = part.join("chapter.md");
    let config = Config::load(&root).expect("book.toml parses");
    State { root, config, file }
}

fuzz_target!(|data: &[u8]| {
    STATE.with(|state| {
        let state = state.borrow();
        // The split and the parse on their own.
        let text = carebook_fuzz::text(data);
        let path = Path::new("guide/part/deep/chapter.md");
        if let Ok(split) = carebook::source::split_front_matter(&text, path) {
            if let Some((yaml, line)) = split.yaml {
                let _ =
                    carebook::source::parse_yaml::<carebook::source::FrontMatter>(yaml, line, path)
                        .map_err(|d| d.to_string());
                for key in ["title", "tags", "audience", "slug", "card"] {
                    let _ = carebook::source::locate_in_yaml(yaml, line, key, "x");
                }
            }
        }
        // The chapter reader as `build` runs it, bytes as they are (invalid UTF-8 too).
        std::fs::write(&state.file, data).expect("rewrite the chapter");
        let (book, diags) = carebook::book::load(&state.root, state.config.clone());
        let _: Vec<String> = diags.iter().map(ToString::to_string).collect();
        if !book.chapters.is_empty() {
            let (chapter, diags) = book.reload_chapter(0);
            let _: Vec<String> = diags.iter().map(ToString::to_string).collect();
            if let Some(ch) = chapter {
                for tag in &ch.tags {
                    let _ = ch.locate("tags", tag);
                }
                let _ = carebook::book::first_heading(ch.body());
                let _ = carebook::book::slugify(&ch.title);
            }
        }
    });
});
