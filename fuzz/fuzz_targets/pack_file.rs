//! A `packs/<id>.yaml` pack definition, resolved against the book in `fuzz/book` by
//! `packs::load` (what `carebook build` and `carebook pack` run), then, when it
//! resolves, rendered in the site and standalone (the intro's Markdown and links, the
//! agenda, handout, trainer's sheet, cards and SCORM package).
#![no_main]

use std::cell::RefCell;
use std::path::PathBuf;

use carebook::build::Prepared;
use libfuzzer_sys::fuzz_target;

struct State {
    prepared: Prepared,
    /// A scratch book root holding only `packs/fuzzed.yaml`.
    root: PathBuf,
    file: PathBuf,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(setup());
}

fn setup() -> State {
    let prepared = carebook_fuzz::prepare_book();
    let root = carebook_fuzz::scratch_dir("pack_file");
    let packs = root.join(carebook::packs::PACKS_DIR);
    std::fs::create_dir_all(&packs).expect("create packs/");
    let file = packs.join("fuzzed.yaml");
    State {
        prepared,
        root,
        file,
    }
}

fuzz_target!(|data: &[u8]| {
    STATE.with(|state| {
        let state = &mut *state.borrow_mut();
        std::fs::write(&state.file, data).expect("write the pack file");
        let (packs, diags) = carebook::course::load(
            &state.root,
            &state.prepared.analysis.book,
            &carebook::markdown::LinkTargets::new(&state.prepared.analysis.book),
        );
        let _: Vec<String> = diags.iter().map(ToString::to_string).collect();
        if diags.iter().any(carebook::diag::Diagnostic::is_error) {
            return;
        }
        let Some(pack) = packs.into_iter().find(|p| p.id == "fuzzed") else {
            return;
        };
        let p = &mut state.prepared;
        let declared = std::mem::replace(&mut p.analysis.packs, vec![pack]);
        {
            let site = p.site();
            let sink = carebook_fuzz::NullSink;
            let _ = site.model.pack_summaries();
            let _ = carebook::packs::write_in_site(&site, &site.model.packs[0], &sink);
        }
        p.analysis.packs = declared;
    });
});
