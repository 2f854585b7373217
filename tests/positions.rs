//! Every message that names a value points at that value: the line and column come
//! from the TOML parser's spans and the YAML parser's marks, not from a text search.
//! Each case is a small book with one mistake and the place the message must name.

mod common;

use common::*;

const BOOK: &str = "title = \"Positions\"\n\n[tags.care]\nlabel = \"Care\"\n\n[audiences.agent]\nlabel = \"Agents\"\n";

const CHAPTER: &str =
    "---\ntitle: Calm\nsummary: Stay calm.\ntags: [care]\naudience: [agent]\n---\n\nText.\n";

/// (what is appended to book.toml, the chapter's text, the file, `line:col`, message start)
const CASES: &[(&str, &str, &str, &str, &str)] = &[
    // book.toml: the value, inside its table, wherever the table is.
    ("\n[search.boost]\ntitle = 500\n", CHAPTER, "book.toml", "10:9", "`title` under [search.boost] must be"),
    ("\n[search]\nmax-results = 0\n", CHAPTER, "book.toml", "10:15", "`max-results` under [search] must be"),
    ("\n[search]\nexcerpt-words = 2\n", CHAPTER, "book.toml", "10:17", "`excerpt-words` under [search] must be"),
    ("\n[search]\nshard-size = 5\n", CHAPTER, "book.toml", "10:14", "`shard-size` under [search] must be"),
    ("\n[build]\nbase-url = \"ftp://x\"\n", CHAPTER, "book.toml", "10:12", "`base-url` must be an absolute"),
    ("\n[build]\nedit-url = \"https://x/\"\n", CHAPTER, "book.toml", "10:12", "`edit-url` must contain"),
    ("\n[build]\nallow-symlinks-to = [\"..\", \"../nowhere\"]\n", CHAPTER, "book.toml", "10:29", "`allow-symlinks-to` names the folder `../nowhere`"),
    ("\n[review]\nevery = \"soon\"\n", CHAPTER, "book.toml", "10:9", "`every` under [review] must be a period"),
    ("\n[feedback]\nemail = \"nobody\"\n", CHAPTER, "book.toml", "10:9", "`email` under [feedback] must be"),
    ("\n[facts]\n\"bad name\" = \"x\"\n", CHAPTER, "book.toml", "10:1", "the fact name `bad name`"),
    ("\n[redirects]\n\"old/\" = \"nowhere/\"\n", CHAPTER, "book.toml", "10:11", "no page of the site is in `nowhere/`"),
    ("\n[packs.week]\ntitle = \"Week\"\nchapters = [\"calm\", \"clam\"]\n", CHAPTER, "book.toml", "11:22", "the pack `week` lists a chapter `clam` that does not exist"),
    ("\n[packs.builder]\ntitle = \"B\"\nchapters = [\"calm\"]\n", CHAPTER, "book.toml", "9:8", "`builder` cannot be a pack id"),
    // Front matter: the value, inside quotes or a list, on the file's own lines.
    ("", "---\ntitle: Calm\nsummary: Stay calm.\ntags: [care, kindnes]\naudience: [agent]\n---\n", "guide/part/calm.md", "4:14", "unknown tag `kindnes`"),
    ("", "---\ntitle: Calm\nsummary: Stay calm.\ntags:\n  - care\n  - \"kindnes\"\naudience: [agent]\n---\n", "guide/part/calm.md", "6:6", "unknown tag `kindnes`"),
    ("", "---\ntitle: Calm\nsummary: Stay calm.\ntags: [care]\naudience: [agnet]\n---\n", "guide/part/calm.md", "5:12", "unknown audience `agnet`"),
    ("", "---\ntitle: Calm\nsummary: Stay calm.\ntags: [care]\naudience: [agent]\nreviewed: \"2026-13-01\"\n---\n", "guide/part/calm.md", "6:12", "`reviewed` must be a date"),
    ("", "---\ntitle: \"Calm {{ fact.nope }}\"\nsummary: Stay calm.\ntags: [care]\naudience: [agent]\n---\n", "guide/part/calm.md", "2:14", "unknown fact `nope`"),
    // A key a letter off carebook's own, at the key; TOML front matter from its spans.
    ("", "---\ntitle: Calm\nlayout: page\n  \nsumary: Stay calm.\n---\n", "guide/part/calm.md", "5:1", "invalid front matter: unknown field `sumary`"),
    ("", "+++\ntitle = \"Calm\"\n tag = [\"care\"]\n+++\n", "guide/part/calm.md", "3:2", "invalid front matter: unknown field `tag`"),
    ("", "+++\ntitle = \"Calm\"\ntags = [\"care\", \"kindnes\"]\naudience = \"agent\"\n+++\n", "guide/part/calm.md", "3:18", "unknown tag `kindnes`"),
    ("", "+++\ntitle = \"Calm\"\nminutes = \"five\"\n+++\n", "guide/part/calm.md", "3:11", "invalid front matter: invalid type"),
    // A link in raw HTML, at its value.
    ("", "---\ntitle: Calm\ntags: [care]\naudience: [agent]\n---\n\n<p>See <a href=\"nowhere.md\">this</a>.</p>\n", "guide/part/calm.md", "7:17", "the link `nowhere.md` points to a chapter that does not exist"),
    // A Markdown link, at its address.
    ("", "---\ntitle: Calm\ntags: [care]\naudience: [agent]\n---\n\nSee [the notes](notes.md).\n", "guide/part/calm.md", "7:17", "the link `notes.md` points to a chapter that does not exist"),
];

#[test]
fn every_message_that_names_a_value_points_at_it() {
    let mut failures = Vec::new();
    for (toml, chapter, file, at, message) in CASES {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "book.toml", &format!("{BOOK}{toml}"));
        write(dir.path(), "guide/part/calm.md", chapter);
        let run = carebook(&["build"], dir.path());
        let expected = format!("{file}:{at}: error: {message}");
        if run.code == 0 || !run.problems.contains(&expected) {
            failures.push(format!(
                "expected `{expected}`\n--- got ---\n{}",
                run.problems
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// What the carets underline for each of `CASES`, in order: the whole value (or key)
/// the message names, read back from the file at the reported columns.
const COVERS: &[&str] = &[
    "500",
    "0",
    "2",
    "5",
    "\"ftp://x\"",
    "\"https://x/\"",
    "../nowhere",
    "\"soon\"",
    "\"nobody\"",
    "\"bad name\"",
    "nowhere/",
    "clam",
    "builder",
    "kindnes",
    "kindnes",
    "agnet",
    "2026-13-01",
    "{{ fact.nope }}",
    "sumary",
    "tag",
    "kindnes",
    "\"five\"",
    "nowhere.md",
    "notes.md",
];

#[test]
fn carets_underline_the_whole_value() {
    let mut got = Vec::new();
    for (toml, chapter, file, _, message) in CASES {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "book.toml", &format!("{BOOK}{toml}"));
        write(dir.path(), "guide/part/calm.md", chapter);
        let run = carebook(&["build", "--format", "json"], dir.path());
        let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let finding = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["message"].as_str().unwrap().starts_with(message))
            .unwrap_or_else(|| panic!("no finding `{message}` in {}", run.stdout));
        let n = |k: &str| finding[k].as_u64().unwrap() as usize;
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        let line = text.lines().nth(n("line") - 1).unwrap();
        let covered: String = line
            .chars()
            .skip(n("column") - 1)
            .take(n("end_column") - n("column"))
            .collect();
        got.push(covered);
    }
    assert_eq!(got, COVERS, "what each message's carets underline");
}
