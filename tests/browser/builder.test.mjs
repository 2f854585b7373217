// The pack builder (packs/builder.html) from file://, as a trainer uses it: filter and
// tick chapters, reorder them with buttons, the keyboard and drag and drop, rename one,
// set the class's title, date and start. The agenda must be the one `carebook pack`
// plans for the downloaded pack file; the printed handout must hold exactly the chosen
// chapters; the address must bring the class back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { axeViolations, buildBook, fileUrl, launch, nuErrors, pdfInfo, printToPdf, repoRoot, squash, watch } from "./helpers.mjs";

const bin = process.env.CAREBOOK_BIN || path.join(repoRoot, "target/debug/carebook");
let browser, site;
/** The class built by the first test, for the tests after it. */
let built = null;

before(async () => {
  site = buildBook();
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const builderUrl = (hash = "") => fileUrl(site, "packs/builder.html") + hash;

async function open(url) {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(url);
  await page.waitForSelector("#builder.is-ready");
  return { page, problems };
}

/** The selection's titles, in order, as the rename fields show them. */
const order = (page) => page.$$eval("#selection .item-title", (inputs) => inputs.map((i) => i.value));

/** An agenda table's rows as [time, session, minutes]. */
const agendaRows = (page, selector) => page.$$eval(`${selector} tbody tr`, (rows) => rows.map((tr) => [
  tr.cells[0].textContent.trim(), tr.cells[1].firstChild.textContent.trim(), tr.cells[2].textContent.trim(),
]));

const announced = (page) => page.waitForFunction(() => document.getElementById("announce").textContent).then(() => page.$eval("#announce", (e) => e.textContent));

test("a trainer builds a class, and its agenda is the one carebook pack plans", async () => {
  const { page, problems } = await open(builderUrl());
  assert.match(await page.textContent("#match-status"), /^52 chapters match\.$/);
  await page.fill("#class-title", "Calm and clear");
  await page.fill("#class-date", "2026-12-03");
  await page.fill("#class-start", "09:30");
  await page.selectOption("#filter-tag", "stress");
  assert.match(await page.textContent("#match-status"), /^10 chapters match\.$/);
  for (const slug of ["patience", "de-escalation", "abusive-contacts", "managing-stress"]) await page.check(`#pick-${slug}`);
  assert.equal(await announced(page), "Added Managing stress on the floor: 4 chapters chosen.");
  await page.fill("#filter-text", "angry");
  assert.deepEqual(await page.$$eval("#results label", (ls) => ls.map((l) => l.textContent)), ["De-escalating an angry customer"]);
  assert.equal(await page.isChecked("#pick-de-escalation"), true, "a chosen chapter shows ticked");

  // Buttons: Abusive contacts up one.
  await page.click('#selection button[aria-label="Move Abusive contacts up"]');
  assert.deepEqual(await order(page), ["Patience with frustrated customers", "Abusive contacts", "De-escalating an angry customer", "Managing stress on the floor"]);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Move Abusive contacts up", "focus stays on the button");
  assert.equal(await announced(page), "Moved Abusive contacts to position 2 of 4.");
  // Keyboard: Alt+Up in the last chapter's title field.
  await page.focus("#selection li:nth-child(4) .item-title");
  await page.keyboard.press("Alt+ArrowUp");
  assert.deepEqual(await order(page), ["Patience with frustrated customers", "Abusive contacts", "Managing stress on the floor", "De-escalating an angry customer"]);
  assert.equal(await page.evaluate(() => document.activeElement.value), "Managing stress on the floor", "focus follows the chapter");
  assert.equal(await announced(page), "Moved Managing stress on the floor to position 3 of 4.");
  await page.keyboard.press("Alt+ArrowUp");
  await page.keyboard.press("Alt+ArrowDown");
  assert.equal((await order(page))[2], "Managing stress on the floor", "up and back down");
  // Drag and drop: the first chapter onto the second, and back.
  await page.dragAndDrop("#selection li:nth-child(1) .builder-handle", "#selection li:nth-child(2)");
  assert.deepEqual((await order(page)).slice(0, 2), ["Abusive contacts", "Patience with frustrated customers"]);
  await page.dragAndDrop("#selection li:nth-child(2) .builder-handle", "#selection li:nth-child(1)");
  assert.deepEqual((await order(page)).slice(0, 2), ["Patience with frustrated customers", "Abusive contacts"]);

  await page.fill("#selection li:nth-child(4) .item-title", "Angry callers");
  await page.press("#selection li:nth-child(4) .item-title", "Tab");
  assert.match(await page.textContent("#selection li:nth-child(4) .item-meta"), /Handbook title: De-escalating an angry customer/);

  // 30 + 7 + 25 = 62 minutes reaches the hour, so a break comes before the 45.
  const rows = await agendaRows(page, "#agenda");
  assert.deepEqual(rows, [
    ["9:30–10:00", "Patience with frustrated customers", "30"],
    ["10:00–10:07", "Abusive contacts", "7"],
    ["10:07–10:32", "Managing stress on the floor", "25"],
    ["10:32–10:42", "Break", "10"],
    ["10:42–11:27", "Angry callers", "45"],
  ]);
  assert.equal(await page.textContent("#agenda-caption"), "Thursday 3 December 2026. Agenda: 4 chapters, 1 h 47 min of teaching and 1 break of 10 min, 1 h 57 min in all");
  assert.equal(await page.textContent("#download-name"), "packs/calm-and-clear.yaml");

  // The downloaded pack file builds the same pack, on its own and in the site.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "calm-and-clear.yaml");
  const book = mkdtempSync(path.join(tmpdir(), "carebook-builder-book-"));
  for (const part of ["book.toml", "guide", "snippets"]) cpSync(path.join(repoRoot, part), path.join(book, part), { recursive: true });
  mkdirSync(path.join(book, "packs"));
  await download.saveAs(path.join(book, "packs/calm-and-clear.yaml"));
  const yaml = readFileSync(path.join(book, "packs/calm-and-clear.yaml"), "utf8");
  assert.match(yaml, /^title: "Calm and clear"$/m);
  assert.match(yaml, /^  - slug: de-escalation\n    title: "Angry callers"$/m);
  execFileSync(bin, ["pack", "calm-and-clear", "--out", path.join(book, "alone")], { cwd: book, stdio: "pipe" });
  execFileSync(bin, ["build", book, "--out", path.join(book, "site")], { stdio: "pipe" });
  for (const dir of ["alone", "site/packs/calm-and-clear"]) {
    const pack = await browser.newPage();
    await pack.goto(pathToFileURL(path.join(book, dir, "index.html")).href);
    assert.deepEqual(await agendaRows(pack, "table.agenda"), rows, dir);
    assert.match(await pack.textContent(".lede"), /^Thursday 3 December 2026 · 4 chapters · 1 h 57 min$/, dir);
    await pack.close();
  }
  built = { url: page.url(), rows, handout: await page.$eval('[data-doc="handout"]', (a) => a.href), cards: await page.$eval('[data-doc="cards"]', (a) => a.href), trainer: await page.$eval('[data-doc="trainer"]', (a) => a.href) };
  assert.deepEqual(problems, []);
  await page.close();
});

test("the address brings the class back", async () => {
  assert.ok(built, "needs the class from the first test");
  assert.match(built.url, /#title=Calm\+and\+clear&date=2026-12-03&start=09%3A30&c=patience&c=abusive-contacts&c=managing-stress&c=de-escalation%7EAngry\+callers$/);
  const { page, problems } = await open(built.url);
  assert.equal(await page.inputValue("#class-title"), "Calm and clear");
  assert.equal(await page.inputValue("#class-date"), "2026-12-03");
  assert.equal(await page.inputValue("#class-start"), "09:30");
  assert.deepEqual(await order(page), ["Patience with frustrated customers", "Abusive contacts", "Managing stress on the floor", "Angry callers"]);
  assert.deepEqual(await agendaRows(page, "#agenda"), built.rows);
  // Following a shared link to another class on the open page switches to it.
  await page.evaluate(() => { location.hash = "title=Short&c=patience&c=no-such-chapter"; });
  await page.waitForFunction(() => document.getElementById("class-title").value === "Short");
  assert.deepEqual(await order(page), ["Patience with frustrated customers"]);
  assert.match(await announced(page), /1 chapters in this address are no longer in the handbook and were left out: no-such-chapter/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the handout prints exactly the chosen chapters, loading only theirs", async () => {
  assert.ok(built, "needs the class from the first test");
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(built.handout);
  await page.waitForSelector("html[data-ready]");
  const scripts = await page.$$eval("script[src*='/chapters/']", (s) => s.map((e) => e.getAttribute("src")));
  // The files that hold the chosen chapters (chapter i of the index is in file
  // floor(i / per_file)), each once, and no other.
  const wanted = await page.evaluate((slugs) => {
    const d = window.carebookBuilderIndex;
    const files = [];
    slugs.forEach((s) => {
      const f = "builder/chapters/" + Math.floor(d.chapters.findIndex((r) => r[0] === s) / d.per_file) + ".js";
      if (!files.includes(f)) files.push(f);
    });
    return { files, all: Math.ceil(d.chapters.length / d.per_file) };
  }, ["patience", "abusive-contacts", "managing-stress", "de-escalation"]);
  assert.deepEqual(scripts, wanted.files);
  assert.ok(scripts.length < wanted.all, `loaded ${scripts.length} of ${wanted.all} chapter files`);
  const titles = await page.$$eval(".print-chapter .chapter-title", (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(titles, ["Patience with frustrated customers", "Abusive contacts", "Managing stress on the floor", "Angry callers"]);
  assert.equal(await page.title(), "Calm and clear (handout)");
  assert.ok(await page.$$eval(".handout-cards .card", (c) => c.length) >= 1, "desk cards at the back");
  assert.deepEqual(problems, []);
  await page.close();

  const pdf = printToPdf(built.handout);
  const info = pdfInfo(pdf);
  assert.ok(info.pages >= 5, `${info.pages} pages`);
  assert.ok(Math.abs(info.width - 595) < 2, "A4, the book's paper");
  const text = squash(execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" }));
  const first = squash(execFileSync("pdftotext", ["-f", "1", "-l", "1", "-raw", pdf, "-"], { encoding: "utf8" }));
  assert.ok(first.includes(squash("Calm and clear")) && first.includes(squash("Thursday 3 December 2026")), first);
  // Each chapter's title is in the agenda, then heads its chapter, in the class's order.
  let at = text.indexOf(squash("Agenda"));
  for (const title of titles) {
    assert.ok(text.indexOf(squash(title), at) > at, `${title} in the agenda`);
  }
  at = text.indexOf(squash("Angry callers"), at) + 1;
  for (const title of titles) {
    const found = text.indexOf(squash(title), at);
    assert.ok(found >= at, `${title} as a chapter, in order`);
    at = found + 1;
  }
  assert.ok(!text.includes(squash("Balance and support")), "no chapter that was not chosen");
});

test("the desk cards and the trainer's sheet are the chosen chapters'", async () => {
  assert.ok(built, "needs the class from the first test");
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(built.cards);
  await page.waitForSelector("html[data-ready]");
  const cards = await page.$$eval(".cards .card", (cs) => cs.map((c) => c.id));
  assert.ok(cards.length >= 1 && cards.every((id) => /^card-(patience|abusive-contacts|managing-stress|de-escalation)$/.test(id)), cards.join());
  assert.equal(await page.isVisible(".layout-select"), true, "cards can print two to a sheet");
  await page.close();
  const sheet = await browser.newPage();
  const sheetProblems = watch(sheet);
  await sheet.goto(built.trainer);
  await sheet.waitForSelector("html[data-ready]");
  assert.deepEqual(await sheet.$$eval(".trainer-chapter .prompt-link", (as) => as.map((a) => a.textContent)),
    ["Patience with frustrated customers", "Abusive contacts", "Managing stress on the floor", "Angry callers"]);
  assert.ok(await sheet.$$eval(".trainer-chapter li", (li) => li.length) > 4, "discussion prompts from the checklists");
  await sheet.click(".trainer-chapter .prompt-link");
  assert.match(sheet.url(), /\/patience\.html$/, "prompts link to the handbook's chapters");
  assert.equal(await sheet.textContent("h1"), "Patience with frustrated customers");
  assert.deepEqual(problems.concat(sheetProblems), []);
  await sheet.close();
});

test("each pack opens in the builder with its own chapters", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "packs/calm-under-pressure/index.html"));
  const packRows = await agendaRows(page, "table.agenda");
  await page.click("text=Change this class in the pack builder");
  await page.waitForSelector("#builder.is-ready");
  assert.equal(await page.inputValue("#class-title"), "Calm under pressure");
  assert.deepEqual(await agendaRows(page, "#agenda"), packRows);
  await page.goto(fileUrl(site, "index.html"));
  await page.click("text=Build your own class");
  await page.waitForSelector("#builder.is-ready");
  assert.equal(await page.locator("#selection li").count(), 0);
  assert.equal(await page.getAttribute("#download", "aria-disabled"), "true", "nothing to download yet");
  await page.close();
});

test("the builder and its print page pass axe and the Nu HTML checker", async () => {
  assert.ok(built, "needs the class from the first test");
  const found = [];
  for (const scheme of ["light", "dark"]) {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of [built.url, builderUrl(), built.handout, built.trainer]) {
      await page.goto(url);
      await page.waitForSelector("#builder.is-ready, html[data-ready]");
      found.push(...(await axeViolations(page)).map((v) => `${scheme} ${url.split("/").pop().slice(0, 40)}: ${v}`));
    }
    await page.close();
  }
  assert.deepEqual(found, []);
  assert.deepEqual(nuErrors([path.join(site, "packs/builder.html"), path.join(site, "packs/print.html")]), []);
});
