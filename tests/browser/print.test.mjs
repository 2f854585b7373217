// Printing in a real Chromium: desk cards are exactly one page in A4 and US Letter and
// carry every item with a dark checkbox glyph, or two to a sheet, each in its own half;
// print.html starts every chapter on a page; lead-in lines never end a page; a chapter
// prints on its own; dark mode prints light, margins and page numbers included.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildBook, fileUrl, launch, printToPdf, pdfInfo, pdfPageText, fold, squash } from "./helpers.mjs";

const SIZES = { A4: { width: 595, height: 842 }, letter: { width: 612, height: 792 } };
let site, browser, cards;

before(async () => {
  site = buildBook();
  browser = await launch();
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "checklists/index.html"));
  cards = await page.$$eval(".cards .card", (els) => els.map((el) => ({
    slug: el.id.replace(/^card-/, ""),
    title: el.querySelector(".card-title").textContent,
    // The words an item prints: without its box, and without the sign and the
    // screen-reader label that mark a critical item (they sit apart in the PDF's text).
    items: Array.from(el.querySelectorAll("li")).map((li) => {
      const copy = li.cloneNode(true);
      copy.querySelectorAll(".visually-hidden, .critical-mark").forEach((e) => e.remove());
      return copy.textContent.replace("☐", "");
    }),
  })));
  await page.close();
});

after(async () => { await browser?.close(); });

function assertSize(info, paper) {
  assert.ok(Math.abs(info.width - SIZES[paper].width) < 2 && Math.abs(info.height - SIZES[paper].height) < 2,
    `expected ${paper}, got ${info.width} x ${info.height}`);
}

for (const paper of ["A4", "letter"]) {
  test(`every desk card prints on exactly one ${paper} page with all its items`, () => {
    assert.equal(cards.length, 43, "one card per desk-work chapter of the shipped handbook");
    const pdf = printToPdf(fileUrl(site, "checklists/index.html") + `#paper=${paper}`);
    const info = pdfInfo(pdf);
    assertSize(info, paper);
    assert.equal(info.pages, cards.length, "one page per card");
    cards.forEach((card, i) => {
      const text = squash(pdfPageText(pdf, i + 1));
      assert.ok(text.includes(squash(card.title)), `page ${i + 1} shows “${card.title}”`);
      for (const item of card.items) {
        assert.ok(text.includes(squash(item)), `page ${i + 1} (${card.slug}) lacks item “${fold(item)}”`);
      }
      const boxes = (text.match(/☐/g) || []).length;
      assert.equal(boxes, card.items.length, `page ${i + 1}: one checkbox glyph per item`);
    });
  });

  test(`a chapter's chosen card prints alone on one ${paper} page`, () => {
    const part = printToPdf(fileUrl(site, "checklists/part-stress.html") + `#paper=${paper}`);
    assert.ok(pdfInfo(part).pages > 1, "the part page has several cards");
    const pdf = printToPdf(fileUrl(site, "checklists/part-stress.html") + `#card-de-escalation&paper=${paper}`);
    const info = pdfInfo(pdf);
    assertSize(info, paper);
    assert.equal(info.pages, 1);
    assert.match(pdfPageText(pdf, 1), /De-escalating an angry customer/);
  });
}

test("the Desk card link of a chapter chooses its card without script settings", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "stress/de-escalation.html"));
  await page.getByRole("link", { name: "Desk card", exact: true }).click();
  await page.waitForURL(/checklists\/part-stress\.html#card-de-escalation$/);
  assert.ok(await page.locator(".one-card-note").isVisible(), "the note says only this card prints");
  await page.emulateMedia({ media: "print" });
  const shown = await page.$$eval(".cards .card", (els) => els.filter((e) => getComputedStyle(e).display !== "none").map((e) => e.id));
  assert.deepEqual(shown, ["card-de-escalation"]);
  await page.emulateMedia({ media: "screen" });
  await page.locator(".one-card-note a").click();
  await page.emulateMedia({ media: "print" });
  const all = await page.$$eval(".cards .card", (els) => els.filter((e) => getComputedStyle(e).display !== "none").length);
  assert.ok(all > 1, `every card prints again (${all})`);
  await page.close();
});

/** Every word of a PDF, per page, with its box in points (poppler's -bbox-layout). */
function pdfWords(pdf) {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  return xml.split("<page ").slice(1).map((page) => ({
    height: Number(/height="([\d.]+)"/.exec(page)[1]),
    words: Array.from(page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g))
      .map(([, top, bottom, text]) => ({ top: Number(top), bottom: Number(bottom), text })),
  }));
}

/** One page of a PDF as grey pixel rows (0 black, 255 white), at `dpi`. */
function pdfGreyRows(pdf, page, dpi = 72) {
  const dir = mkdtempSync(path.join(tmpdir(), "carebook-px-"));
  execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", String(dpi), "-gray", pdf, path.join(dir, "p")]);
  const file = readdirSync(dir).find((f) => f.endsWith(".pgm"));
  const data = readFileSync(path.join(dir, file));
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.toString("latin1", 0, 40));
  const [w, h] = [Number(header[1]), Number(header[2])];
  const px = data.subarray(header[0].length);
  return Array.from({ length: h }, (_, y) => px.subarray(y * w, (y + 1) * w));
}

for (const paper of ["A4", "letter"]) {
  test(`two cards per ${paper} sheet: each card inside its own half, a faint cut line at the midline`, () => {
    const pdf = printToPdf(fileUrl(site, "checklists/index.html") + `#paper=${paper}&layout=2up`);
    const info = pdfInfo(pdf);
    assertSize(info, paper);
    assert.equal(info.pages, Math.ceil(cards.length / 2));
    pdfWords(pdf).forEach(({ height, words }, i) => {
      const mid = height / 2;
      const crossing = words.filter((w) => w.top < mid && w.bottom > mid).map((w) => w.text);
      assert.deepEqual(crossing, [], `sheet ${i + 1}: no text on the cut`);
      // Each half's text in reading order: pdftotext cropped to that half (72 dpi = points).
      const half = (top) => squash(execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-raw",
        "-x", "0", "-y", top ? "0" : String(Math.ceil(mid)), "-W", "2000", "-H", String(Math.floor(mid)), pdf, "-"], { encoding: "utf8" }));
      const [upper, lower] = [half(true), half(false)];
      const [a, b] = [cards[2 * i], cards[2 * i + 1]];
      assert.ok(upper.includes(squash(a.title)), `sheet ${i + 1}: “${a.title}” in the top half`);
      assert.ok(!b || !upper.includes(squash(b.title)), `sheet ${i + 1}: only one card in the top half`);
      if (b) {
        assert.ok(lower.includes(squash(b.title)), `sheet ${i + 1}: “${b.title}” in the bottom half`);
        assert.ok(!lower.includes(squash(a.title)), `sheet ${i + 1}: only one card in the bottom half`);
        for (const item of b.items) assert.ok(lower.includes(squash(item)), `sheet ${i + 1}: bottom card has “${fold(item)}”`);
      }
      for (const item of a.items) assert.ok(upper.includes(squash(item)), `sheet ${i + 1}: top card has “${fold(item)}”`);
    });
    // The cut line: a faint (grey, dashed) row across most of the sheet at the midline,
    // with white paper between it and each card's frame.
    const rows = pdfGreyRows(pdf, 1);
    const mid = rows.length / 2;
    const inked = (row) => row.filter((v) => v < 235).length / row.length;
    const near = rows.slice(Math.floor(mid - 3), Math.ceil(mid + 3));
    const line = near.find((row) => inked(row) > 0.4);
    assert.ok(line, "a cut line at the midline");
    assert.ok(Math.min(...line) > 60, `the cut line is faint (darkest ${Math.min(...line)})`);
    for (const offset of [12, -12]) {
      assert.equal(inked(rows[Math.round(mid + offset)]), 0, `blank paper ${Math.abs(offset)} pt ${offset > 0 ? "below" : "above"} the cut`);
    }
  });
}

test("changing #paper= on an open page updates the paper choice and the page setup", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "print.html") + "#paper=A4");
  assert.equal(await page.locator(".paper-select").inputValue(), "A4");
  await page.evaluate(() => { location.hash = "paper=letter"; });
  await page.waitForFunction(() => document.getElementById("page-setup").textContent.includes("letter"));
  assert.equal(await page.locator(".paper-select").inputValue(), "letter");
  await page.goto(fileUrl(site, "checklists/index.html") + "#paper=letter");
  await page.evaluate(() => { location.hash = "paper=A4&layout=2up"; });
  await page.waitForFunction(() => document.body.classList.contains("two-up"));
  assert.equal(await page.locator(".paper-select").inputValue(), "A4");
  assert.equal(await page.locator(".layout-select").inputValue(), "2up");
  assert.match(await page.locator("#page-setup").textContent(), /size: A4/);
  await page.close();
});

test("the checkboxes print dark, not as pale disabled boxes", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "checklists/part-communication.html"));
  await page.emulateMedia({ media: "print" });
  const color = await page.locator(".card .box").first().evaluate((el) => getComputedStyle(el).color);
  assert.equal(color, "rgb(0, 0, 0)");
  await page.close();
});

for (const paper of ["A4", "letter"]) {
  test(`print.html starts every chapter on a new ${paper} page`, async () => {
    const page = await browser.newPage();
    await page.goto(fileUrl(site, "print.html"));
    const titles = await page.$$eval(".print-chapter .chapter-title", (els) => els.map((e) => e.textContent));
    await page.close();
    assert.equal(titles.length, 52);
    const pdf = printToPdf(fileUrl(site, "print.html") + `#paper=${paper}`);
    const info = pdfInfo(pdf);
    assertSize(info, paper);
    const starts = [];
    for (let p = 1; p <= info.pages; p++) starts.push(pdfPageText(pdf, p));
    let from = 0;
    for (const title of titles) {
      const at = starts.findIndex((text, i) => i >= from && text.startsWith(fold(title)));
      assert.ok(at >= 0, `no page starts with “${title}”`);
      from = at + 1;
    }
  });
}

test("links inside print.html stay inside the document", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "print.html"));
  const broken = await page.$$eval("main a[href]", (links) => links
    .map((a) => a.getAttribute("href"))
    .filter((h) => !/^[a-z]+:/.test(h))
    .filter((h) => !h.startsWith("#") || !document.getElementById(decodeURIComponent(h.slice(1)))));
  assert.deepEqual(broken, []);
  const toChapter = await page.locator("#listening-actively a[href='#empathy-in-practice']").count();
  assert.ok(toChapter > 0, "a link between chapters became an in-document link");
  await page.close();
});

/** The pages of a PDF whose last line of text (page numbers aside) ends with a colon. */
function pagesEndingInColon(pdf) {
  const bad = [];
  for (let p = 1; p <= pdfInfo(pdf).pages; p++) {
    const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), "-layout", pdf, "-"], { encoding: "utf8" });
    const lines = text.split("\n").map((l) => l.trim()).filter((l) => l && !/^\d+ \/ \d+$/.test(l));
    const last = lines[lines.length - 1] || "";
    if (last.endsWith(":")) bad.push(`page ${p}: “${last.slice(-60)}”`);
  }
  return bad;
}

for (const paper of ["A4", "letter"]) {
  test(`no ${paper} page of print.html, the handouts or the trainer's sheets ends with a lead-in line`, () => {
    const docs = ["print.html"];
    for (const pack of ["new-hire-week-one", "international-voice", "calm-under-pressure", "team-lead-toolkit"]) {
      docs.push(`packs/${pack}/handout.html`, `packs/${pack}/trainer.html`);
    }
    const bad = [];
    for (const doc of docs) {
      const pdf = printToPdf(fileUrl(site, doc) + `#paper=${paper}`);
      assertSize(pdfInfo(pdf), paper);
      bad.push(...pagesEndingInColon(pdf).map((b) => `${doc} ${b}`));
    }
    assert.deepEqual(bad, []);
  });
}

test("the cover of print.html has no page number; the pages after it do", () => {
  const pdf = printToPdf(fileUrl(site, "print.html") + "#paper=A4");
  const pages = pdfInfo(pdf).pages;
  const raw = (p) => execFileSync("pdftotext", ["-f", String(p), "-l", String(p), "-raw", pdf, "-"], { encoding: "utf8" });
  assert.doesNotMatch(raw(1), /\d+ \/ \d+/, "no number on the cover");
  assert.match(raw(1), /Customer Care Handbook/);
  assert.match(raw(2), new RegExp(`\\b2 / ${pages}\\b`));
});

test("dark mode prints light with background graphics on: white margins, page numbers shown", async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  for (const [rel, hash] of [["stress/de-escalation.html", ""], ["print.html", "#paper=A4"], ["checklists/part-stress.html", "#paper=A4"]]) {
    await page.goto(fileUrl(site, rel) + hash);
    await page.evaluate(() => { localStorage.setItem("carebook-theme", "dark"); document.documentElement.setAttribute("data-theme", "dark"); });
    const dir = mkdtempSync(path.join(tmpdir(), "carebook-dark-"));
    const pdf = path.join(dir, "dark.pdf");
    await page.pdf({ path: pdf, printBackground: true, preferCSSPageSize: true });
    const pageNo = pdfInfo(pdf).pages > 1 ? 2 : 1;
    const rows = pdfGreyRows(pdf, pageNo, 36);
    const band = (from, to) => rows.slice(from, to).flatMap((r) => Array.from(r));
    const top = band(0, 8); // the top 16 pt of margin
    assert.ok(top.every((v) => v > 240), `${rel}: the top margin is white (darkest ${Math.min(...top)})`);
    const bottom = band(rows.length - 8, rows.length);
    const white = bottom.filter((v) => v > 240).length / bottom.length;
    assert.ok(white > 0.9, `${rel}: the bottom margin is white (${Math.round(white * 100)}%)`);
    const body = band(Math.round(rows.length * 0.2), Math.round(rows.length * 0.8));
    assert.ok(body.filter((v) => v > 240).length / body.length > 0.7, `${rel}: the page is white`);
    const text = execFileSync("pdftotext", ["-f", String(pageNo), "-l", String(pageNo), "-raw", pdf, "-"], { encoding: "utf8" });
    assert.match(text, /\d+ \/ \d+/, `${rel}: page numbers`);
  }
  await page.close();
});

test("a chapter prints on its own, as a clean document, from its Print this chapter button", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "stress/de-escalation.html"));
  const button = page.getByRole("button", { name: "Print this chapter" });
  assert.ok(await button.isVisible());
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await button.click();
  assert.equal(await page.evaluate(() => window.printed), true, "the button prints the page");
  const header = page.locator(".site-header a", { hasText: "Printable handbook" });
  assert.equal(await header.getAttribute("href"), "../print.html", "the whole handbook is a separate, named choice");
  assert.equal(await page.locator(".site-header a", { hasText: /^Print$/ }).count(), 0);
  await page.close();
  const pdf = printToPdf(fileUrl(site, "stress/de-escalation.html"));
  const info = pdfInfo(pdf);
  assert.ok(info.pages >= 2 && info.pages <= 8, `one chapter's pages, not the handbook's (${info.pages})`);
  const first = pdfPageText(pdf, 1);
  assert.ok(first.startsWith("De-escalating an angry customer"), `starts with the chapter's title: ${first.slice(0, 80)}`);
  const all = Array.from({ length: info.pages }, (_, i) => pdfPageText(pdf, i + 1)).join(" ");
  for (const chrome of ["Skip to content", "Printable handbook", "Print this chapter", "On this page", "Next ", "Contents"]) {
    assert.ok(!all.includes(chrome), `no “${chrome}” on paper`);
  }
});

test("the trainer's sheet has a Print button and prints on the paper chosen", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "packs/calm-under-pressure/trainer.html"));
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await page.getByRole("button", { name: "Print the trainer’s sheet" }).click();
  assert.equal(await page.evaluate(() => window.printed), true);
  await page.close();
  for (const paper of ["A4", "letter"]) {
    const pdf = printToPdf(fileUrl(site, "packs/calm-under-pressure/trainer.html") + `#paper=${paper}`);
    assertSize(pdfInfo(pdf), paper);
    assert.match(pdfPageText(pdf, 1), /^Trainer’s sheet: Calm under pressure/);
  }
});

// Critical items (tests/fixtures/cards-check: `- [ ] ! ...`): printed first in their
// group, bold, with a sign that prints black, and the card still takes exactly one page.
const cardsBook = path.join(path.dirname(new URL(import.meta.url).pathname), "../fixtures/cards-check");

for (const paper of ["A4", "letter"]) {
  test(`cards with critical items print first and bold, one card per ${paper} page`, async () => {
    const fixtureSite = buildBook(cardsBook);
    const url = fileUrl(fixtureSite, "checklists/part-desk.html");
    const page = await browser.newPage();
    await page.goto(url);
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    const looks = await page.$$eval(".cards .card li.critical", (els) => els.map((li) => ({
      first: li === li.parentElement.firstElementChild || li.previousElementSibling.classList.contains("critical"),
      weight: Number(getComputedStyle(li.querySelector("strong")).fontWeight),
      mark: getComputedStyle(li.querySelector(".critical-mark")).color,
    })));
    await page.close();
    assert.equal(looks.length, 3, "good-card has two critical items, long-card one");
    for (const l of looks) {
      assert.ok(l.first, "critical items lead their group");
      assert.ok(l.weight >= 700, `bold (${l.weight})`);
      assert.equal(l.mark, "rgb(0, 0, 0)", "the sign prints black, even from dark mode");
    }
    const pdf = printToPdf(url + `#paper=${paper}`);
    const info = pdfInfo(pdf);
    assertSize(info, paper);
    assert.equal(info.pages, 3, "three cards, three pages");
    const long = fold(pdfPageText(pdf, 2));
    assert.match(long, /A long card/);
    assert.ok(long.indexOf("⚠ Confirm identity") >= 0, `the sign is printed: ${long}`);
    assert.ok(long.indexOf("Confirm identity") < long.indexOf("Say your name"), "printed first in its group");
    assert.ok(!/!\s*Confirm/.test(long), "the `!` is not printed");
  });
}
