// Search in a real Chromium: the shipped handbook from file:// and from a server
// sub-path, a fixture book with markup in its prose (and a copy with synonyms), and a
// generated 10,000-chapter corpus whose postings are sharded.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildBook, fileUrl, launch, repoRoot, serve, watch } from "./helpers.mjs";

// Next to the main checkout, or two levels up from a worktree under /work/wt/.
const generator = ["../shared", "../../shared"].map((d) => path.resolve(repoRoot, d, "bench/gen_corpus.py"))
  .find(existsSync) ?? path.resolve(repoRoot, "../shared/bench/gen_corpus.py");
let site, fixture, synonyms, big, browser, server;

/** The search fixture plus two notes that differ in one word, and a synonyms table. */
function synonymBook() {
  const book = path.join(mkdtempSync(path.join(tmpdir(), "carebook-synonyms-")), "book");
  cpSync(path.join(repoRoot, "tests/fixtures/search"), book, { recursive: true });
  const note = (title, who) => `---\ntitle: ${title}\ntags: [tone]\naudience: [agent]\n---\n\nThe ${who} asked about the parcel twice.\n`;
  writeFileSync(path.join(book, "guide/safety/note-one.md"), note("Note one", "patron"));
  writeFileSync(path.join(book, "guide/safety/note-two.md"), note("Note two", "caller"));
  appendFileSync(path.join(book, "book.toml"), '\n[search.synonyms]\nCallers = ["patrons"]\n"Billing statement" = ["invoices"]\n');
  return buildBook(book);
}

before(async () => {
  site = buildBook();
  fixture = buildBook(path.join(repoRoot, "tests/fixtures/search"));
  synonyms = synonymBook();
  if (!existsSync(generator)) throw new Error(`corpus generator not found at ${generator}`);
  const corpus = path.join(mkdtempSync(path.join(tmpdir(), "carebook-corpus-")), "c");
  execFileSync("python3", [generator, "--chapters", "10000", "--out", corpus], { stdio: "ignore" });
  big = buildBook(corpus);
  browser = await launch();
  server = await serve(site);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Types `q` into the search box and waits until the results for it are shown. */
async function search(page, q) {
  const input = page.locator("#search-input");
  await input.fill(q);
  await page.waitForFunction((q) => {
    const s = document.getElementById("search-status").textContent;
    return s.includes(`“${q}”`);
  }, q, { timeout: 20000 });
  return page.locator("#search-status").textContent();
}

const titles = (page) => page.locator("#search-results .search-title").allTextContents();
// Counts of a thousand and more are grouped as the page's language writes them ("1,234").
const resultCount = (status) => Number(((/^([\d,]+) result/.exec(status) || [0, "0"])[1]).replace(/,/g, ""));

for (const where of ["file", "http"]) {
  test(`queries, typos and facets work from ${where === "file" ? "file://" : "a server sub-path"}`, async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    const start = (p) => (where === "file" ? fileUrl(site, p) : server.base + p);
    await page.goto(start("communication/listening-actively.html"));
    await page.locator("#search-input").focus();

    await search(page, "empathy");
    assert.equal((await titles(page))[0], "Empathy in practice");
    const status = await search(page, "empaty");
    assert.equal((await titles(page))[0], "Empathy in practice", "a typo still finds the chapter");
    assert.match(status, /close spellings/);
    await search(page, "culturel");
    assert.equal((await titles(page))[0], "Cultural competence");

    // The Culture chip narrows "listen" results to the count it showed.
    const all = resultCount(await search(page, "listen"));
    const chip = page.locator('.search-chip-tag[data-facet="culture"]');
    const shown = Number(await chip.locator(".count").textContent());
    assert.ok(shown > 0 && shown < all, `culture ${shown} of ${all}`);
    await chip.click();
    await page.waitForFunction(() => /tag=culture/.test(location.hash));
    assert.equal(resultCount(await page.locator("#search-status").textContent()), shown);
    assert.equal(await page.locator('.search-chip-tag[data-facet="culture"]').getAttribute("aria-pressed"), "true");

    // With the query cleared, the tag lists all its chapters (as its topic page does).
    await page.locator("#search-input").fill("");
    await page.waitForFunction(() => /^\d+ results$/.test(document.getElementById("search-status").textContent));
    const listed = resultCount(await page.locator("#search-status").textContent());
    const topic = readFileSync(path.join(site, "tags/culture.html"), "utf8").match(/class="chapter-link"/g).length;
    assert.equal(listed, topic);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("search.js tokenizes exactly like the Rust indexer", async () => {
  const vectors = JSON.parse(readFileSync(path.join(repoRoot, "tests/search/tokenizer-vectors.json"), "utf8"));
  assert.ok(vectors.length > 1000);
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "index.html"));
  await page.locator("#search-input").focus();
  await page.waitForFunction(() => window.carebookSearch && window.carebookSearch.tokenize);
  const wrong = await page.evaluate((vectors) => vectors
    .map(([input, want]) => [input, want, window.carebookSearch.tokenize(input)])
    .filter(([, want, got]) => JSON.stringify(want) !== JSON.stringify(got)), vectors);
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${vectors.length} inputs differ`);
  await page.close();
});

test("excerpts are escaped, then highlighted; markup in prose never runs", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(fixture, "safety/calm-voice.html"));
  await page.locator("#search-input").focus();
  await search(page, "pwned onerror");
  const first = page.locator("#search-results .search-chapter").first();
  assert.equal(await first.locator(".search-title").textContent(), "Pasted code in tickets");
  const excerpt = await first.locator(".search-excerpt").textContent();
  assert.ok(excerpt.includes("<script>window.__pwned = 1</script>") || excerpt.includes("<img src=x"), excerpt);
  assert.ok((await first.locator(".search-excerpt mark").count()) > 0, "matches are highlighted");
  await search(page, "pwned script onerror");
  assert.equal(await page.locator("#search-results script, #search-results img").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await search(page, "zebraphone");
  assert.match(await page.locator("#search-status").textContent(), /^No results/, "search: false chapter is left out");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the keyboard drives search, and the opened page highlights the terms", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "stress/managing-stress.html"));
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.locator("#search-input").blur();
  await page.keyboard.press("Control+k");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.keyboard.type("patience");
  await page.waitForFunction(() => /“patience”/.test(document.getElementById("search-status").textContent));
  const input = page.locator("#search-input");
  assert.equal(await input.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("ArrowDown");
  const firstId = await input.getAttribute("aria-activedescendant");
  assert.equal(await page.locator(`#${firstId}`).getAttribute("aria-selected"), "true");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  assert.equal(await input.getAttribute("aria-activedescendant"), firstId);
  const title = await page.locator(`#${firstId} .search-title`).textContent();
  await page.keyboard.press("Enter");
  await page.waitForURL(/highlight=/);
  assert.equal(await page.locator("h1").textContent(), title);
  assert.ok((await page.locator("main mark.search-hit").count()) > 0, "the terms are highlighted");
  assert.equal(await page.locator("main nav mark.search-hit, main .chapter-meta mark.search-hit").count(), 0, "breadcrumbs and topic chips stay as they are");

  await page.locator("#search-input").focus();
  await page.keyboard.type("calm");
  await page.waitForFunction(() => /“calm”/.test(document.getElementById("search-status").textContent));
  await page.keyboard.press("Escape");
  assert.equal(await input.inputValue(), "");
  assert.equal(await input.getAttribute("aria-expanded"), "false");
  await page.close();
});

test("a shared search link restores the query and the facet", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "index.html") + "#q=customer&tag=stress");
  await page.waitForFunction(() => /“customer”/.test(document.getElementById("search-status").textContent));
  assert.equal(await page.locator("#search-input").inputValue(), "customer");
  assert.equal(await page.locator('.search-chip-tag[data-facet="stress"]').getAttribute("aria-pressed"), "true");
  await page.close();
});

test("a 10,000-chapter corpus searches from file:// with sharded postings", async () => {
  const shards = readdirSync(path.join(big, "search")).filter((f) => /^p\d+-/.test(f));
  assert.ok(shards.length > 10, `postings are sharded (${shards.length} shards)`);
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(big, "index.html"));
  await page.locator("#search-input").focus();
  await search(page, "frustrated callers");
  const first = (await titles(page))[0];
  assert.match(first, /Frustrated Callers/, first);
  const loaded = await page.evaluate(() => [...document.scripts].filter((s) => /\/search\/p\d+-/.test(s.src)).length);
  assert.ok(loaded >= 1 && loaded <= 4, `only the shards for the query's terms are loaded (${loaded})`);
  await search(page, "frustated");
  assert.ok(resultCount(await page.locator("#search-status").textContent()) > 0, "typos work on sharded postings");
  assert.deepEqual(problems, []);
  await page.close();
});

test("synonyms: “angry caller” finds the de-escalation chapter, which never says caller", async () => {
  // Knowledge checks are not indexed (their answers must not show in excerpts), so the
  // chapter's text up to its check is what search sees.
  const text = readFileSync(path.join(repoRoot, "guide/stress/de-escalation.md"), "utf8")
    .split("## Check your understanding")[0];
  assert.doesNotMatch(text, /caller/i, "the chapter must not say caller for this test to mean anything");
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(site, "index.html"));
  await page.locator("#search-input").focus();
  for (const q of ["angry caller", "angry callers", "Angry Caller"]) {
    const status = await search(page, q);
    assert.equal((await titles(page))[0], "De-escalating an angry customer", `${q}: ${status}`);
    assert.doesNotMatch(status, /close spellings|some of the words/, q);
  }
  // "irate" is a synonym too: the chapter on frustrated customers may come first.
  await search(page, "irate caller");
  assert.ok((await titles(page)).slice(0, 2).includes("De-escalating an angry customer"));
  assert.ok((await page.locator("#search-results .search-excerpt mark").allTextContents()).some((m) => /^customers?$/i.test(m)),
    "the synonym is highlighted in the excerpts");
  assert.deepEqual(problems, []);
  await page.close();
});

test("synonyms: one way, a synonym ranks below a direct match, phrases match in order", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(synonyms, "safety/calm-voice.html"));
  await page.locator("#search-input").focus();
  await search(page, "caller");
  assert.deepEqual(await titles(page), ["Note two", "Note one"], "the direct match first, then the synonym's");
  await search(page, "patron");
  assert.deepEqual(await titles(page), ["Note one"], "one way: patron does not find caller");
  await search(page, "billing statements");
  assert.deepEqual((await titles(page)).sort(), ["A calm voice", "Pasted code in tickets"], "the phrase finds its synonym");
  await search(page, "statement billing");
  assert.ok(!(await titles(page)).includes("A calm voice"), "only with its words in order");
  assert.deepEqual(problems, []);
  await page.close();
});

test("“close spellings” is said only when a close spelling brought in a result", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "index.html"));
  await page.locator("#search-input").focus();
  // Fewer than three results, so close spellings are looked for, but none is used.
  for (const q of ["hold music", "burnout", "empathy"]) {
    const status = await search(page, q);
    assert.ok(resultCount(status) > 0, status);
    assert.doesNotMatch(status, /close spellings/, q);
  }
  const status = await search(page, "empaty");
  assert.match(status, /including close spellings/);
  assert.equal((await titles(page))[0], "Empathy in practice");
  await page.close();
});

test("a filter that hides every result is named, with a button that clears it", async () => {
  const first = await browser.newPage();
  await first.goto(fileUrl(site, "index.html"));
  await first.locator("#search-input").focus();
  const all = resultCount(await search(first, "empathy"));
  assert.ok(all > 0);
  await first.close();
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(site, "index.html") + "#q=empathy&tag=culture");
  await page.waitForFunction(() => /“empathy”/.test(document.getElementById("search-status").textContent));
  const status = await page.locator("#search-status").textContent();
  assert.equal(status, `No results for “empathy” in the topic Culture. ${all} results in all topics.`);
  assert.equal(await page.locator(".search-count").textContent(), status);
  const clear = page.locator(".search-clear-filter");
  assert.ok(await clear.isVisible());
  assert.equal(await clear.textContent(), "Clear the Culture filter");
  await clear.click();
  await page.waitForFunction(() => /^\d+ results for “empathy”$/.test(document.getElementById("search-status").textContent));
  assert.equal(resultCount(await page.locator("#search-status").textContent()), all);
  assert.equal((await titles(page))[0], "Empathy in practice");
  assert.ok(!(await clear.isVisible()), "the button goes with the filter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input", "focus returns to the box");
  assert.equal(await page.evaluate(() => location.hash), "#q=empathy");
  assert.equal(await page.locator('.search-chip[aria-pressed="true"]').count(), 0);

  // A filter that only narrows the results says how many there are without it.
  await page.locator('.search-chip-tag[data-facet="communication"]').click();
  await page.waitForFunction(() => /tag=communication/.test(location.hash));
  const narrowed = await page.locator("#search-status").textContent();
  assert.match(narrowed, new RegExp(`^\\d+ results? for “empathy” in the topic Communication \\(${all} in all topics\\)$`));
  assert.deepEqual(problems, []);
  await page.close();

  const audience = await browser.newPage();
  await audience.goto(fileUrl(site, "index.html") + "#q=empathy&audience=new-hire");
  await audience.waitForFunction(() => /“empathy”/.test(document.getElementById("search-status").textContent));
  assert.match(await audience.locator("#search-status").textContent(),
    new RegExp(`^\\d+ results? for “empathy” in chapters for New hires \\(${all} for all audiences\\)$`));
  await audience.close();
});
