//! Course packs: selection and ordering, errors, agendas, links, and the SCORM package.

mod common;

use std::io::Read;
use std::path::Path;

use common::*;

const PACKS: &str = r#"
[packs.basics]
title = "The basics"
intro = "Start with [listening](basics/listening.md)."
audience = "new-hire"
chapters = ["tone", { tags = ["communication"] }, { slug = "notes", title = "Your notes" }]
"#;

fn good_with_packs() -> tempfile::TempDir {
    let book = copy_fixture("good");
    let toml = read(&book.path().join("book.toml")) + PACKS;
    write(book.path(), "book.toml", &toml);
    write(
        book.path(),
        "packs/empathy-hour.yaml",
        "title: Empathy hour\nchapters:\n  - tags: empathy\n  - welcome\n",
    );
    book
}

fn zip_entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

#[test]
fn selectors_expand_in_reading_order_without_duplicates() {
    let book = good_with_packs();
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    let home = read(&book.path().join("site/packs/basics/index.html"));
    let nav = &home[home.find("nav-chapters").unwrap()..];
    let order: Vec<usize> = [">Tone<", ">Listening<", ">Your notes<"]
        .iter()
        .map(|t| nav.find(t).unwrap_or_else(|| panic!("{t} missing")))
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "explicit first, then selector matches, each once"
    );
    assert_eq!(nav[..nav.find("</ol>").unwrap()].matches("<li>").count(), 3);
    let yaml_pack = read(&book.path().join("site/packs/empathy-hour/index.html"));
    assert!(
        yaml_pack.find(">Listening<").unwrap() < yaml_pack.find(">Welcome<").unwrap(),
        "packs/*.yaml works too"
    );
}

#[test]
fn pack_pages_link_within_the_pack_and_out_to_the_handbook() {
    let book = good_with_packs();
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    let site = book.path().join("site");
    assert!(broken_links(&site).is_empty(), "{:#?}", broken_links(&site));
    let listening = read(&site.join("packs/basics/listening.html"));
    assert!(
        listening.contains(r#"href="tone.html#tone-on-the-phone""#),
        "in-pack link stays in the pack"
    );
    assert!(
        listening.contains(r#"href="../../02-advanced/escalation.html""#),
        "out-of-pack link goes to the handbook"
    );
    assert!(
        listening.contains(r#"rel="prev" href="tone.html""#)
            && listening.contains(r#"rel="next" href="notes.html""#),
        "pack-local prev/next"
    );
    assert!(
        listening.contains(r#"href="../../tags/empathy.html""#),
        "tags link to the handbook"
    );
    for f in [
        "index.html",
        "handout.html",
        "cards.html",
        "trainer.html",
        "scorm.html",
        "basics-scorm12.zip",
        "assets/scorm.js",
    ] {
        assert!(site.join("packs/basics").join(f).is_file(), "missing {f}");
    }
    let home = read(&site.join("index.html"));
    assert!(home.contains(r#"href="packs/basics/index.html">The basics</a>"#));
    assert!(
        home.contains("For new hires · 3 chapters"),
        "the home page lists packs with audience and size"
    );
}

#[test]
fn agenda_totals_add_up() {
    let book = good_with_packs();
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    // tone: no minutes, ~10 words → 1 min; listening: 12 min; notes: 1 min.
    let home = read(&book.path().join("site/packs/basics/index.html"));
    assert!(
        home.contains("3 chapters, 14 min of teaching, 14 min in all"),
        "{}",
        &home[home.find("<caption>").unwrap()..][..200]
    );
    assert!(home.contains("0:01–0:13"), "running clock");
    let trainer = read(&book.path().join("site/packs/basics/trainer.html"));
    assert!(
        trainer.contains("Let the customer <em>finish</em>."),
        "checklist items as prompts"
    );
    let handout = read(&book.path().join("site/packs/basics/handout.html"));
    assert!(
        handout.contains(r##"href="#tone--tone-on-the-phone""##),
        "in-document links in the handout"
    );
    assert!(
        handout.contains(r#"class="card""#),
        "the pack's desk cards close the handout"
    );
}

#[test]
fn standalone_pack_turns_outside_links_into_text() {
    let book = good_with_packs();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("class");
    let run = carebook(
        &["pack", "basics", "--out", dir.to_str().unwrap()],
        book.path(),
    );
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(broken_links(&dir).is_empty(), "{:#?}", broken_links(&dir));
    let listening = read(&dir.join("listening.html"));
    assert!(
        listening.contains(r#"<span class="not-in-pack""#)
            && listening.contains(">advanced part</span>")
    );
    assert!(
        listening.contains(r#"src="files/extras/img/diagram.svg""#)
            && dir.join("files/extras/img/diagram.svg").is_file(),
        "images travel with the pack"
    );
    assert!(
        !listening.contains("../../"),
        "nothing points outside the folder"
    );
    assert!(dir.join("basics-scorm12.zip").is_file());
}

#[test]
fn ad_hoc_packs_from_the_command_line() {
    let book = copy_fixture("good");
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("calm");
    let run = carebook(
        &[
            "pack",
            "--tag",
            "empathy",
            "--chapter",
            "welcome",
            "--title",
            "Calm and clear",
            "--out",
            dir.to_str().unwrap(),
        ],
        book.path(),
    );
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_contains(&run.stdout, "“Calm and clear” (2 chapters)");
    assert!(dir.join("welcome.html").is_file() && dir.join("listening.html").is_file());
    assert!(dir.join("calm-and-clear-scorm12.zip").is_file());
    // A wrong choice on the command line is a usage error.
    let run = carebook(&["pack", "--tag", "empaty"], book.path());
    assert_eq!(run.code, 2);
    assert!(
        run.problems.contains("unknown tag `empaty`")
            && run.problems.contains("did you mean `empathy`?"),
        "{}",
        run.problems
    );
    let run = carebook(&["pack"], book.path());
    assert_eq!(run.code, 2, "{}", run.problems);
}

#[test]
fn pack_errors_point_at_the_declaration() {
    let book = copy_fixture("good");
    let toml = read(&book.path().join("book.toml"))
        + "\n[packs.broken]\ntitle = \"Broken\"\naudience = \"new-hires\"\nchapters = [\"listenin\", { tags = [\"unused\"] }, { tags = [\"empaty\"] }]\n\n[packs.empty]\ntitle = \"Empty\"\n";
    write(book.path(), "book.toml", &toml);
    write(
        book.path(),
        "packs/broken.yaml",
        "title: Twice\nchapters: [tone]\n",
    );
    write(
        book.path(),
        "packs/bad-entry.yaml",
        "title: Bad\nchapters:\n  - slug: tone\n    tags: [empathy]\n",
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    let line = |needle: &str| {
        read(&book.path().join("book.toml"))
            .lines()
            .position(|l| l.contains(needle))
            .unwrap()
            + 1
    };
    for expected in [
        format!("book.toml:{}:13: error: unknown audience `new-hires`\n  help: did you mean `new-hire`?", line("new-hires")),
        format!("book.toml:{}:14: error: the pack `broken` lists a chapter `listenin` that does not exist\n  help: did you mean `listening`?", line("\"listenin\"")),
        "error: in the pack `broken`, the selector (tags unused) matches no chapter".to_owned(),
        "error: the pack `broken` selects by an unknown tag `empaty`\n  help: did you mean `empathy`?".to_owned(),
        "error: the pack `empty` has no chapters".to_owned(),
        "packs/broken.yaml: error: the pack `broken` is also declared in book.toml".to_owned(),
        "packs/bad-entry.yaml:3:5: error: invalid front matter: chapters[0]: an entry is either one chapter".to_owned(),
    ] {
        assert!(run.problems.contains(&expected), "missing:\n{expected}\n--- got ---\n{}", run.problems);
    }
}

#[test]
fn scorm_package_is_complete_valid_and_reproducible() {
    let book = good_with_packs();
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    let zip_path = book.path().join("site/packs/basics/basics-scorm12.zip");
    let first = std::fs::read(&zip_path).unwrap();
    let entries = zip_entries(&zip_path);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names[0], "imsmanifest.xml",
        "manifest at the zip root, first"
    );
    let mut sorted = names[1..].to_vec();
    sorted.sort();
    assert_eq!(names[1..], sorted[..], "entries sorted");
    for f in [
        "scorm.html",
        "index.html",
        "tone.html",
        "listening.html",
        "notes.html",
        "handout.html",
        "cards.html",
        "assets/scorm.js",
        "files/extras/img/diagram.svg",
    ] {
        assert!(names.contains(&f), "{f} missing from the package");
    }
    let manifest = String::from_utf8(entries[0].1.clone()).unwrap();
    for name in &names[1..] {
        assert!(
            manifest.contains(&format!("<file href=\"{name}\"/>")),
            "manifest does not list {name}"
        );
    }
    assert_eq!(
        manifest.matches("<file href=").count(),
        names.len() - 1,
        "manifest lists only real files"
    );
    assert!(manifest.contains("<schemaversion>1.2</schemaversion>"));
    assert!(
        manifest.contains(r#"<organizations default="org-basics">"#)
            && manifest.contains(r#"<organization identifier="org-basics">"#)
    );
    assert!(manifest.contains(r#"identifierref="sco-basics""#) && manifest.contains(r#"<resource identifier="sco-basics" type="webcontent" adlcp:scormtype="sco" href="scorm.html">"#));
    let index = String::from_utf8(
        entries
            .iter()
            .find(|(n, _)| n == "index.html")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    assert!(
        !index.contains("scorm12.zip"),
        "the package does not link to itself"
    );

    assert_eq!(carebook(&["build"], book.path()).code, 0);
    assert!(
        first == std::fs::read(&zip_path).unwrap(),
        "rebuilding gives a byte-identical zip"
    );
    let out = tempfile::tempdir().unwrap();
    assert_eq!(
        carebook(
            &[
                "pack",
                "basics",
                "--out",
                out.path().join("p").to_str().unwrap()
            ],
            book.path()
        )
        .code,
        0
    );
    assert!(
        first == std::fs::read(out.path().join("p/basics-scorm12.zip")).unwrap(),
        "the same package from `carebook pack`"
    );
}

#[test]
fn shipped_packs_build() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = carebook(
        &["build", ".", "--out", site.to_str().unwrap()],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert_eq!(run.code, 0, "{}", run.problems);
    for (id, chapters) in [
        ("new-hire-week-one", 17),
        ("international-voice", 6),
        ("calm-under-pressure", 6),
        ("team-lead-toolkit", 6),
    ] {
        let home = read(&site.join("packs").join(id).join("index.html"));
        assert!(
            home.contains(&format!("Agenda: {chapters} chapters")),
            "{id}"
        );
        assert!(site
            .join("packs")
            .join(id)
            .join(format!("{id}-scorm12.zip"))
            .is_file());
    }
    let list = carebook(&["pack", "--list"], Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        list.stdout.contains("new-hire-week-one") && list.stdout.contains("17 chapters"),
        "{}",
        list.stdout
    );
}

#[test]
fn pack_search_covers_only_the_pack() {
    let book = good_with_packs();
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    let pack = book.path().join("site/packs/basics");
    let home = read(&pack.join("index.html"));
    let core = attr_values(&home, "data-core")
        .into_iter()
        .next()
        .or_else(|| home.split('"').find(|s| s.starts_with("search/core-")))
        .expect("the pack's pages point at its own index")
        .to_owned();
    assert!(pack.join(&core).is_file(), "{core} is inside the pack");
    let records: String = walkdir::WalkDir::new(pack.join("search"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| read(e.path()))
        .collect();
    for page in ["\"tone.html\"", "\"listening.html\"", "\"notes.html\""] {
        assert!(records.contains(page), "{page} missing from the pack index");
    }
    assert!(
        !records.contains("welcome.html") && !records.contains("escalation.html"),
        "chapters outside the pack are not searched"
    );
    assert!(
        records.contains("Smile while you talk"),
        "the pack's chapters' text is searchable"
    );
}

#[test]
fn class_minutes_set_the_agenda_and_reading_minutes_stay_on_the_page() {
    // good-card.md: minutes 3, class-minutes 25; long-card.md: minutes 4 and no
    // class-minutes, so the class takes its reading time.
    let book = copy_fixture("cards-check");
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    let site = book.path().join("site");
    let home = read(&site.join("packs/class/index.html"));
    assert_contains(&home, "2 chapters, 29 min of teaching, 29 min in all");
    assert_contains(&home, r#"<td class="agenda-time">0:00–0:25</td>"#);
    assert_contains(&home, r#"<td class="agenda-time">0:25–0:29</td>"#);
    let trainer = read(&site.join("packs/class/trainer.html"));
    assert_contains(
        &trainer,
        r#"<a href="good-card.html">A good card</a> <span class="agenda-min">(25 min)</span>"#,
    );
    assert_contains(
        &trainer,
        r#"<a href="long-card.html">A long card</a> <span class="agenda-min">(4 min)</span>"#,
    );
    let handout = read(&site.join("packs/class/handout.html"));
    assert_contains(&handout, "29 min");
    let chapter = read(&site.join("desk/good-card.html"));
    assert_contains(&chapter, r#"<span class="reading-time">3 min</span>"#);
    let list = carebook(&["pack", "--list"], book.path());
    assert_eq!(list.code, 0, "{}", list.problems);
    assert_contains(&list.stdout, "29 min");
}
