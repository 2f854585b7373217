//! One handbook in several languages (tests/fixtures/languages: English with Spanish,
//! Arabic and Japanese translations next to the chapters). Each language is a site of
//! its own, the book's language at the root and the others under `/<code>/`, with a
//! switcher to the same page in each; an untranslated chapter is shown in English with
//! a notice; `carebook translations` and `carebook check` say what is behind or missing.

mod common;

use common::*;
use std::path::Path;

fn built() -> tempfile::TempDir {
    let book = copy_fixture("languages");
    build_ok(book.path());
    book
}

#[test]
fn each_language_is_a_site_whose_switcher_leads_to_the_same_page() {
    let book = built();
    let site = book.path().join("site");
    let en = read(&site.join("talking/greeting.html"));
    let es = read(&site.join("es/talking/greeting.html"));
    let ja = read(&site.join("ja/talking/greeting.html"));
    assert_contains(&en, "<html lang=\"en\"");
    assert_contains(&es, "<html lang=\"es\"");
    assert_contains(&es, "<h1>Saludar al cliente</h1>");
    assert_contains(&ja, "<html lang=\"ja\"");
    // The switcher, from each site to the others.
    assert_contains(
        &en,
        r#"<a href="../es/talking/greeting.html" hreflang="es" lang="es">Español</a>"#,
    );
    assert_contains(
        &es,
        r#"<a href="../../talking/greeting.html" hreflang="en" lang="en">English</a>"#,
    );
    assert_contains(
        &es,
        r#"<a href="../../ja/talking/greeting.html" hreflang="ja" lang="ja">日本語</a>"#,
    );
    assert_contains(
        &es,
        r#"<a href="../../es/talking/greeting.html" aria-current="page" lang="es">Español</a>"#,
    );
    // Alternates for search engines, the book's own language as the default.
    assert_contains(
        &ja,
        r#"<link rel="alternate" hreflang="x-default" href="../../talking/greeting.html">"#,
    );
    assert_contains(
        &ja,
        r#"<link rel="alternate" hreflang="ar" href="../../ar/talking/greeting.html">"#,
    );
    // Every language has the whole site: cards, print, search, terms.
    for lang in ["es", "ar", "ja"] {
        for page in [
            "index.html",
            "print.html",
            "checklists/index.html",
            "404.html",
        ] {
            assert!(site.join(lang).join(page).is_file(), "{lang}/{page}");
        }
        assert!(site.join(lang).join("search").is_dir(), "{lang}/search");
    }
    let problems = broken_links(&site);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn an_untranslated_chapter_is_the_original_with_a_notice_in_the_reader_s_language() {
    let book = built();
    let site = book.path().join("site");
    let es = read(&site.join("es/talking/closing-a-contact.html"));
    assert_contains(&es, r#"<article class="chapter" lang="en">"#);
    assert_contains(
        &es,
        r#"<div class="untranslated-notice" role="note" lang="es"><p>Este capítulo todavía no está disponible en este idioma."#,
    );
    assert_contains(&es, "<h1>Closing a contact</h1>");
    // A translated chapter has no notice, and the English site none at all.
    assert!(!read(&site.join("es/talking/greeting.html")).contains("untranslated-notice"));
    assert!(!read(&site.join("talking/closing-a-contact.html")).contains("untranslated-notice"));
    // Parts fall back the same way: Spanish has the money part's title, not the talking one.
    let es_home = read(&site.join("es/index.html"));
    assert_contains(&es_home, "Cuestiones de dinero");
}

#[test]
fn interface_words_tags_and_titles_follow_the_language() {
    let book = copy_fixture("languages");
    let toml = book.path().join("book.toml");
    let text = read(&toml).replace(
        "[languages.es]\nlabel = \"Español\"\n",
        "[languages.es]\nlabel = \"Español\"\ntitle = \"Atención al cliente\"\n\n[languages.es.strings]\nskip_to_content = \"Ir al texto\"\n",
    );
    std::fs::write(&toml, text).unwrap();
    build_ok(book.path());
    let site = book.path().join("site");
    let es = read(&site.join("es/money/refunds.html"));
    assert_contains(&es, ">Ir al texto<");
    assert_contains(&es, "Atención al cliente");
    assert_contains(&es, ">Dinero</a>");
    let en = read(&site.join("money/refunds.html"));
    assert_contains(&en, ">Skip to content<");
    assert_contains(&en, ">Money</a>");
    // Japanese has its built-in words and, with no translated tags, the English labels.
    let ja = read(&site.join("ja/money/refunds.html"));
    assert_contains(&ja, ">本文へ移動<");
    assert_contains(&ja, ">Money</a>");
}

#[test]
fn untranslated_omit_leaves_chapters_out_and_the_switcher_leads_home() {
    let book = copy_fixture("languages");
    let toml = book.path().join("book.toml");
    let text = read(&toml).replace(
        "[languages.ja]\nlabel = \"日本語\"\n",
        "[languages.ja]\nlabel = \"日本語\"\nuntranslated = \"omit\"\n",
    );
    std::fs::write(&toml, text).unwrap();
    build_ok(book.path());
    let site = book.path().join("site");
    assert!(!site.join("ja/talking/closing-a-contact.html").exists());
    assert!(site.join("ja/talking/greeting.html").is_file());
    let en = read(&site.join("talking/closing-a-contact.html"));
    assert_contains(
        &en,
        r#"<a href="../ja/index.html" hreflang="ja" lang="ja">日本語</a>"#,
    );
    assert!(!read(&site.join("ja/index.html")).contains("closing-a-contact"));
    let problems = broken_links(&site);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn translation_mistakes_are_located_errors_with_hints() {
    let book = copy_fixture("languages");
    let root = book.path();
    let greeting = read(&root.join("guide/talking/greeting.es.md"));
    write(root, "guide/talking/greeting.fr.md", "# Bonjour\n");
    write(root, "guide/talking/greeting.en.md", "# Hello\n");
    write(root, "guide/talking/saludo.es.md", "# Saludo\n");
    write(root, "guide/talking/greeting.ES.md", &greeting);
    write(
        root,
        "guide/money/billing-errors.es.md",
        &read(&root.join("guide/money/billing-errors.es.md")).replacen(
            "---\n",
            "---\ntranslated-from: yesterday\n",
            1,
        ),
    );
    let run = carebook(&["build"], root);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let p = &run.problems;
    assert_contains(p, "guide/talking/greeting.fr.md: error: this file is named as a translation into `fr`, a language book.toml does not declare\n  help: add `[languages.fr]` to book.toml (for example `[languages.fr], label = \"Français\"` on its own lines), or rename the file if it is not a translation");
    assert_contains(p, "guide/talking/greeting.en.md: error: `en` is the book's own language (`language` in book.toml), so this file translates nothing\n  help: name the file `greeting.md`, without the language code");
    assert_contains(p, "guide/talking/saludo.es.md: error: this translation has no original: there is no `saludo.md` in its folder");
    assert_contains(p, "guide/talking/greeting.es.md: error: `guide/talking/greeting.ES.md` already translates the same chapter into `es`\n  help: keep one translation per language and remove the other file");
    assert_contains(p, "guide/money/billing-errors.es.md:2:18: error: `translated-from` must be the 16-digit fingerprint of the original, found `yesterday`");
    assert_contains(&run.stderr, "the site was not changed");
}

#[test]
fn book_toml_languages_are_checked() {
    for (toml, expected) in [
        ("[languages.xx]\n", "error: `xx` under [languages] is not a language code\n  help: use the two-letter ISO 639-1 code"),
        ("[languages.es.tags.mony]\nlabel = \"Dinero\"\n", "error: [languages.es.tags] translates `mony`, which is not one of the book's tags"),
        ("[languages.es.strings]\nskip_to_contents = \"Saltar\"\n", "error: `skip_to_contents` is not one of the interface's strings\n  help: did you mean `skip_to_content`?"),
    ] {
        let book = copy_fixture("languages");
        let path = book.path().join("book.toml");
        let text = read(&path).replacen("[languages.es]\nlabel = \"Español\"\n", &format!("[languages.es]\nlabel = \"Español\"\n\n{toml}"), 1);
        let text = if toml.starts_with("[languages.xx]") {
            format!("{}\n[languages.xx]\n", read(&path))
        } else {
            text
        };
        std::fs::write(&path, text).unwrap();
        let run = carebook(&["build"], book.path());
        assert_eq!(run.code, 2, "{toml}: {}", run.stderr);
        assert_contains(&run.problems, expected);
    }
}

fn git(dir: &Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs")
        .status
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn a_translation_falls_behind_when_its_original_changes_and_says_where() {
    let book = copy_fixture("languages");
    let root = book.path();
    let run = carebook(
        &[
            "translations",
            "--stamp",
            "guide/money/refunds.es.md",
            "guide/money/_part.es.yaml",
        ],
        root,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &read(&root.join("guide/money/refunds.es.md")),
        "\ntranslated-from: ",
    );
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "first"]);
    let report = carebook(&["translations"], root);
    assert_contains(&report.stdout, "Español (es): 2 up to date, 0 behind the original, 3 not stamped, 1 not translated (of 5 chapters)");
    assert_contains(
        &report.stdout,
        "  missing     guide/talking/closing-a-contact.md",
    );

    // The English refunds chapter changes one paragraph.
    let refunds = root.join("guide/money/refunds.md");
    let text = read(&refunds);
    let para = text
        .split("\n\n")
        .find(|p| p.starts_with("If the amount is over your limit"))
        .expect("the paragraph is in the fixture")
        .to_owned();
    std::fs::write(
        &refunds,
        text.replacen(&para, "Over your limit, ask your team lead first.", 1),
    )
    .unwrap();
    let report = carebook(&["translations"], root);
    assert_contains(&report.stdout, "  behind      guide/money/refunds.es.md (the original guide/money/refunds.md changed)\n              “When you can refund”: 1 paragraph changed\n");
    let check = carebook(&["check", "--format", "line"], root);
    assert_contains(&check.stdout, "guide/money/refunds.es.md:");
    assert_contains(&check.stdout, "warning[translation-behind]: this Español translation is behind its original `guide/money/refunds.md`, which changed after it was stamped: “When you can refund”: 1 paragraph changed");
    assert_contains(&check.stdout, "suggestion[translation-missing]: 1 of the book's chapters are not translated into Español yet: `guide/talking/closing-a-contact.md`");
    // Stamped again once brought up to date: current.
    carebook(
        &["translations", "--stamp", "guide/money/refunds.es.md"],
        root,
    );
    let report = carebook(&["translations", "--format", "json"], root);
    let json: serde_json::Value = serde_json::from_str(&report.stdout).unwrap();
    let es = &json[0];
    assert_eq!(es["code"], "es");
    let refunds_state = es["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["original"].as_str().unwrap().ends_with("refunds.md"))
        .unwrap()["state"]
        .clone();
    assert_eq!(refunds_state, "current");
}

#[test]
fn an_included_passage_comes_in_the_chapter_s_language() {
    let book = copy_fixture("languages");
    let root = book.path();
    write(root, "snippets/sign-off.md", "Thank you for calling.\n");
    write(root, "snippets/sign-off.es.md", "Gracias por llamar.\n");
    for (file, marker) in [
        ("guide/talking/greeting.md", "\n## "),
        ("guide/talking/greeting.es.md", "\n## "),
    ] {
        let path = root.join(file);
        let text = read(&path).replacen(
            marker,
            "\n{{#include ../../snippets/sign-off.md}}\n\n## ",
            1,
        );
        std::fs::write(&path, text).unwrap();
    }
    build_ok(root);
    assert_contains(
        &read(&root.join("site/talking/greeting.html")),
        "Thank you for calling.",
    );
    assert_contains(
        &read(&root.join("site/es/talking/greeting.html")),
        "Gracias por llamar.",
    );
}

#[test]
fn the_sitemap_lists_every_language_with_its_alternates() {
    let book = copy_fixture("languages");
    let run = carebook(
        &["build", "--base-url", "https://help.example.com/care/"],
        book.path(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = book.path().join("site");
    let sitemap = read(&site.join("sitemap.xml"));
    assert_contains(&sitemap, r#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#);
    assert_contains(
        &sitemap,
        r#"<url><loc>https://help.example.com/care/es/talking/greeting.html</loc><xhtml:link rel="alternate" hreflang="en" href="https://help.example.com/care/talking/greeting.html"/><xhtml:link rel="alternate" hreflang="es" href="https://help.example.com/care/es/talking/greeting.html"/>"#,
    );
    assert!(!site.join("es/sitemap.xml").exists());
    let es = read(&site.join("es/talking/greeting.html"));
    assert_contains(
        &es,
        r#"<link rel="alternate" hreflang="ja" href="https://help.example.com/care/ja/talking/greeting.html">"#,
    );
}

#[test]
fn a_second_build_with_nothing_changed_keeps_every_language() {
    let book = built();
    let run = carebook(&["build", "--timings"], book.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stderr, "files: 0 written, ");
    // An edit to one Spanish chapter renders again only what uses it.
    let path = book.path().join("guide/money/refunds.es.md");
    std::fs::write(&path, read(&path).replace("Reembolsos", "Devoluciones")).unwrap();
    build_ok(book.path());
    assert_contains(
        &read(&book.path().join("site/es/money/refunds.html")),
        "Devoluciones",
    );
}

#[test]
fn the_home_page_text_is_translated_by_a_file_named_after_it() {
    // index.md at the top is the home page's text; index.es.md is its Spanish version.
    // README.es.md beside them is notes for authors, like README.md, and is not used;
    // a language with no translation shows the book's own text.
    let book = copy_fixture("languages");
    let root = book.path();
    write(root, "guide/index.md", "Welcome to the desk handbook.\n");
    write(
        root,
        "guide/index.es.md",
        "Te damos la bienvenida al manual.\n",
    );
    write(root, "guide/README.es.md", "Notas para quien escribe.\n");
    let run = build_ok(root);
    let site = root.join("site");
    assert_contains(
        &read(&site.join("index.html")),
        "Welcome to the desk handbook.",
    );
    let es = read(&site.join("es/index.html"));
    assert_contains(&es, "Te damos la bienvenida al manual.");
    assert!(!es.contains("Welcome to the desk handbook."));
    assert!(!es.contains("Notas para quien escribe"));
    assert_contains(
        &read(&site.join("ja/index.html")),
        "Welcome to the desk handbook.",
    );
    assert!(!run.stderr.contains("README.es.md"), "{}", run.stderr);

    // It is tracked like a chapter's translation: stamped, then behind when the
    // original changes.
    let stamp = carebook(&["translations", "--stamp", "guide/index.es.md"], root);
    assert_eq!(stamp.code, 0, "{}", stamp.stderr);
    write(
        root,
        "guide/index.md",
        "Welcome to the desk handbook, second edition.\n",
    );
    let status = carebook(&["translations"], root);
    assert_contains(
        &status.stdout,
        "behind      guide/index.es.md (the original guide/index.md changed)",
    );

    // A translation of a home text the book does not read from says so.
    write(root, "guide/_index.es.md", "Otra bienvenida.\n");
    let run = build_ok(root);
    assert_contains(&run.problems, "guide/_index.es.md: warning: this file is not used: it translates a home page text the book does not have\n  help: the home page's text comes from `index.md`: name its translation after it (`index.es.md`), or remove this file");
}
