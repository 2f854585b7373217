// Search in other languages, in a real Chromium from file://: a Spanish fixture book
// (Snowball Spanish in search.js, loaded from assets/search-es.js), a Japanese one
// (overlapping character pairs), and every language's tokenizer vectors run through
// search.js with the stemmer files the theme ships.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildBook, fileUrl, launch, repoRoot, watch, searchTitles } from "./helpers.mjs";

let es, ja, en, browser;

before(async () => {
  es = buildBook(path.join(repoRoot, "tests/fixtures/search-es"));
  ja = buildBook(path.join(repoRoot, "tests/fixtures/search-ja"));
  en = buildBook(path.join(repoRoot, "tests/fixtures/search"));
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test("a Spanish site finds the refund chapter for other forms of its words, from file://", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(es, "atencion/saludo.html"));
  assert.equal(await page.locator(".search").getAttribute("data-lang"), "es");
  await page.locator("#search-input").focus();
  await page.waitForFunction(() => window.carebookSearch && window.carebookSearch.tokenize);
  const scripts = await page.evaluate(() => Array.from(document.scripts, (s) => s.src.split("/").pop()));
  assert.ok(scripts.includes("search-es.js"), scripts.join(" "));
  for (const q of ["devoluciones", "reembolsó", "Reembolso", "devolución del dinero", "devolucion"]) {
    const titles = await searchTitles(page, q);
    assert.equal(titles[0], "Reembolsos", `${q}: ${titles}`);
  }
  // ñ is a letter of its own: "señor" is not "senor", and stop words alone find nothing.
  assert.deepEqual(await searchTitles(page, "señor"), ["Turno de mañana"]);
  const first = page.locator("#search-results .search-excerpt mark").first();
  assert.equal(await first.textContent(), "señor");
  assert.equal((await searchTitles(page, "identidades"))[0], "Comprobar la identidad");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a Japanese site finds chapters by the character pairs of a query", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(ja, "index.html"));
  assert.equal(await page.locator(".search").getAttribute("data-lang"), "ja");
  assert.equal(await page.locator(".search").getAttribute("data-lang-script"), null, "Japanese has no stemmer to load");
  await page.locator("#search-input").focus();
  assert.deepEqual(await searchTitles(page, "返金"), ["返金の手続き"]);
  assert.ok((await page.locator("#search-results .search-excerpt mark").count()) > 0, "the match is highlighted");
  assert.deepEqual(await searchTitles(page, "本人確認"), ["本人確認"]);
  // Katakana too, and a query's pairs are all wanted: only one chapter has them all.
  assert.deepEqual(await searchTitles(page, "メールアドレス"), ["本人確認"]);
  assert.deepEqual(await searchTitles(page, "お客様"), ["返金の手続き"]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("an English site loads no language script and its index records no language", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(en, "index.html"));
  assert.equal(await page.locator(".search").getAttribute("data-lang"), null);
  assert.equal(await page.locator(".search").getAttribute("data-lang-script"), null);
  assert.deepEqual(readdirSync(path.join(en, "assets")).filter((f) => /^search-.+\.js$/.test(f) && f !== "search-loader.js"), []);
  const core = readdirSync(path.join(en, "search")).filter((f) => f.startsWith("core"));
  for (const f of core) assert.ok(!readFileSync(path.join(en, "search", f), "utf8").includes("\"language\""), f);
  assert.ok(existsSync(path.join(es, "assets/search-es.js")));
  await page.close();
});

test("search.js tokenizes every language exactly like the Rust indexer", async () => {
  const { rules, vectors } = JSON.parse(readFileSync(path.join(repoRoot, "tests/search/tokenizer-vectors-languages.json"), "utf8"));
  assert.ok(vectors.length > 3000);
  const page = await browser.newPage();
  await page.goto(fileUrl(en, "index.html"));
  await page.locator("#search-input").focus();
  await page.waitForFunction(() => window.carebookSearch && window.carebookSearch.tokenizer);
  const stemmers = path.join(repoRoot, "themes/default/static/stemmers");
  // Each language's class goes in one function with the shared runtime, as a site's
  // search-<code>.js has it (src/search/mod.rs, language_script).
  const runtime = readFileSync(path.join(stemmers, "runtime.js"), "utf8");
  for (const f of readdirSync(stemmers).filter((f) => f.endsWith(".js") && f !== "runtime.js")) {
    const own = readFileSync(path.join(stemmers, f), "utf8");
    await page.addScriptTag({ content: `(function () {\n    'use strict';\n${runtime}${own}})();` });
  }
  const wrong = await page.evaluate(({ rules, vectors }) => {
    window.carebookLanguages = rules;
    const toks = {};
    return vectors
      .map(([lang, input, want]) => {
        toks[lang] = toks[lang] || window.carebookSearch.tokenizer(lang);
        return [lang, input, want, toks[lang].tokenize(input)];
      })
      .filter(([, , want, got]) => JSON.stringify(want) !== JSON.stringify(got));
  }, { rules, vectors });
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${vectors.length} inputs differ`);
  await page.close();
});
