// Right-to-left handbooks (tests/fixtures/rtl, `language = "ar"`): every page says
// <html dir="rtl" lang="ar">, and the layout mirrors on screen and in print: the sidebar
// on the right, text from the right edge, the "next" link on the left, desk cards still
// one page on A4 and Letter. The same book with `language = "en"` is the control: same
// content, sidebar on the left, no dir attribute. Nothing here reads the interface's
// words, so a translated strings table does not change the result.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { axeOnPages, buildBook, fileUrl, launch, nuErrors, pdfInfo, printToPdf, repoRoot, watch } from "./helpers.mjs";

const fixture = path.join(repoRoot, "tests/fixtures/rtl");
const width = 1280;

// One page of each kind, site and course pack.
const pages = [
  "index.html", "basics/index.html", "basics/refunds.html", "tags/calls.html", "checklists/index.html",
  "checklists/part-basics.html", "print.html", "404.html", "packs/first-week/index.html",
  "packs/first-week/greeting.html", "packs/first-week/handout.html", "packs/first-week/trainer.html",
  "packs/first-week/cards.html", "packs/first-week/scorm.html", "packs/builder.html",
];

let rtl, ltr, browser;

before(async () => {
  rtl = buildBook(fixture);
  // The control: the same book, only its language changed.
  const copy = path.join(mkdtempSync(path.join(tmpdir(), "carebook-ltr-")), "book");
  cpSync(fixture, copy, { recursive: true });
  const toml = path.join(copy, "book.toml");
  writeFileSync(toml, readFileSync(toml, "utf8").replace('language = "ar"', 'language = "en"'));
  ltr = buildBook(copy);
  browser = await launch({ viewport: { width, height: 900 } });
});

after(async () => { await browser?.close(); });

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".html")).map((f) => path.join(dir, f));
}

test("every page of a right-to-left book says dir=rtl and its language; a left-to-right book has no dir", () => {
  const files = htmlFiles(rtl);
  assert.ok(files.length >= 25, `pages: ${files.length}`);
  for (const f of files) {
    const tag = /<html[^>]*>/.exec(readFileSync(f, "utf8"))?.[0] ?? "";
    assert.match(tag, /\blang="ar"/, `${path.relative(rtl, f)}: ${tag}`);
    assert.match(tag, /\bdir="rtl"/, `${path.relative(rtl, f)}: ${tag}`);
  }
  for (const f of htmlFiles(ltr)) {
    const tag = /<html[^>]*>/.exec(readFileSync(f, "utf8"))?.[0] ?? "";
    assert.doesNotMatch(tag, /\bdir=/, `${path.relative(ltr, f)}: ${tag}`);
  }
});

/** Where the layout's pieces are: the sidebar's box, the first paragraph's box, and the
 *  box of the paragraph's first line (from a Range, so it is where the glyphs are). */
async function layout(page) {
  return page.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width }; };
    const p = document.querySelector(".chapter-body > p");
    const range = document.createRange();
    range.selectNodeContents(p);
    const line = range.getClientRects()[0];
    const style = getComputedStyle(p);
    return {
      dir: document.documentElement.getAttribute("dir"), lang: document.documentElement.lang,
      direction: style.direction, textAlign: style.textAlign,
      sidebar: box(document.querySelector(".sidebar")), main: box(document.querySelector("main")),
      p: box(p), line: { left: line.left, right: line.right },
    };
  });
}

test("the sidebar is on the right and text starts at the right edge", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(rtl, "basics/refunds.html"));
  const l = await layout(page);
  assert.equal(l.dir, "rtl");
  assert.equal(l.lang, "ar");
  assert.ok(l.sidebar.left >= width / 2, `sidebar on the right half: ${JSON.stringify(l.sidebar)}`);
  assert.ok(l.main.right <= l.sidebar.left + 1, `main text left of the sidebar: ${JSON.stringify(l.main)}`);
  assert.ok(l.p.left < width / 2, "the chapter text is on the left half");
  assert.equal(l.direction, "rtl");
  assert.equal(l.textAlign, "start", "paragraphs align to their start, not to a fixed side");
  assert.ok(Math.abs(l.line.right - l.p.right) < 2, `the first line starts at the right edge: ${JSON.stringify(l)}`);
  // The "next" chapter is the one further along in reading order: on the left.
  const prev = await page.locator(".prev-next .prev").boundingBox();
  const next = await page.locator(".prev-next .next").boundingBox();
  assert.ok(next.x + next.width <= prev.x, `next (${next.x}) left of previous (${prev.x})`);
  // The current page's mark in the sidebar is on its inline start: the right-hand side.
  const mark = await page.locator(".sidebar a[aria-current=page]").evaluate((a) => getComputedStyle(a));
  assert.equal(mark.borderRightWidth, "3px");
  assert.equal(mark.borderLeftWidth, "0px");
  // A Latin order number inside Arabic text keeps its own left-to-right order.
  await page.goto(fileUrl(rtl, "basics/greeting.html"));
  const code = await page.locator(".chapter-body code", { hasText: "ORD-4821" }).first().evaluate((c) => {
    const text = c.firstChild, r = document.createRange();
    r.setStart(text, 0); r.setEnd(text, 1);
    const first = r.getBoundingClientRect().left;
    r.setStart(text, text.length - 1); r.setEnd(text, text.length);
    return { first, last: r.getBoundingClientRect().left };
  });
  assert.ok(code.first < code.last, `ORD-4821 reads left to right: ${JSON.stringify(code)}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the same book in English keeps its sidebar on the left", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(ltr, "basics/refunds.html"));
  const l = await layout(page);
  assert.equal(l.dir, null);
  assert.ok(l.sidebar.right <= width / 2, `sidebar on the left half: ${JSON.stringify(l.sidebar)}`);
  assert.ok(l.main.left >= l.sidebar.right - 1, "main text right of the sidebar");
  assert.equal(l.direction, "ltr");
  assert.ok(Math.abs(l.line.left - l.p.left) < 2, "the first line starts at the left edge");
  await page.close();
});

/** The x of the one pixel column that runs down (nearly) the whole layout in the
 *  border colour: the sidebar's edge. Read from a real PNG screenshot, decoded by the
 *  browser into a canvas, so it checks what is painted, not what the DOM says. */
async function sidebarEdge(site) {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "basics/refunds.html"));
  const border = await page.locator(".sidebar").evaluate((s) => getComputedStyle(s).getPropertyValue("--border").trim());
  const top = Math.ceil((await page.locator(".layout").boundingBox()).y) + 2;
  const png = (await page.screenshot()).toString("base64");
  const columns = await page.evaluate(async ({ png, border, top }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    const want = [1, 3, 5].map((i) => parseInt(border.slice(i, i + 2), 16));
    const found = [];
    for (let x = 0; x < img.width; x++) {
      let hits = 0;
      for (let y = top; y < img.height; y++) {
        const o = (y * img.width + x) * 4;
        if (want.every((v, k) => Math.abs(data[o + k] - v) <= 2)) hits++;
      }
      if (hits >= 0.95 * (img.height - top)) found.push(x);
    }
    return found;
  }, { png, border, top });
  await page.close();
  return columns;
}

test("a screenshot shows the sidebar's edge on the right in Arabic and on the left in English", async () => {
  const right = await sidebarEdge(rtl);
  assert.ok(right.length >= 1 && right.every((x) => x > width / 2), `border columns (rtl): ${right}`);
  const left = await sidebarEdge(ltr);
  assert.ok(left.length >= 1 && left.every((x) => x < width / 2), `border columns (ltr): ${left}`);
});

test("in print the text is right-aligned and the palette light", async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await page.goto(fileUrl(rtl, "basics/refunds.html"));
  const l = await layout(page);
  assert.equal(l.direction, "rtl");
  assert.ok(Math.abs(l.line.right - l.p.right) < 2, `first line at the right edge in print: ${JSON.stringify(l)}`);
  const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
  assert.deepEqual(colours, ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]);
  // The desk card's boxes sit on the right of their items.
  await page.goto(fileUrl(rtl, "checklists/part-basics.html"));
  const side = await page.locator(".card-col li").first().evaluate((li) => {
    const b = li.querySelector(".box").getBoundingClientRect(), r = li.getBoundingClientRect();
    return { box: b.right, item: r.right };
  });
  assert.ok(Math.abs(side.box - side.item) < 2, `the box is at the item's right edge: ${JSON.stringify(side)}`);
  await page.close();
});

for (const paper of ["a4", "letter"]) {
  test(`an Arabic desk card prints to one ${paper} page`, () => {
    for (const slug of ["greeting", "refunds", "staying-calm"]) {
      const info = pdfInfo(printToPdf(fileUrl(rtl, "checklists/part-basics.html") + `#card-${slug}&paper=${paper}`));
      assert.equal(info.pages, 1, `${slug} on ${paper}`);
      const [w, h] = paper === "a4" ? [595, 842] : [612, 792];
      assert.ok(Math.abs(info.width - w) < 2 && Math.abs(info.height - h) < 2, `${slug}: ${info.width} x ${info.height}`);
    }
  });
}

test("search results in a right-to-left book open from the box's inline end, labels isolated", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(rtl, "basics/greeting.html"));
  await page.locator("#search-input").fill("الاسترداد");
  await page.locator("#search-results [role=option]").first().waitFor();
  const input = await page.locator("#search-input").boundingBox();
  const panel = await page.locator(".search-panel").boundingBox();
  // The box is in the header's left half in Arabic: the panel opens from its left edge
  // towards the middle (inset-inline-end), as it opens from the right edge in English.
  assert.ok(input.x < width / 2, `search box on the left: ${JSON.stringify(input)}`);
  assert.ok(Math.abs(input.x - panel.x) < 2, `the panel starts at the box's left edge: ${JSON.stringify(panel)}`);
  assert.ok(panel.x + panel.width <= width, "the panel stays on screen");
  assert.equal(await page.locator("#search-results .search-title").first().getAttribute("dir"), "auto");
  await page.close();
});

for (const scheme of ["light", "dark"]) {
  test(`no serious axe violations on right-to-left pages (${scheme})`, async () => {
    assert.deepEqual(await axeOnPages(browser, rtl, pages, scheme), []);
  });
}

test("the Nu HTML checker finds no errors on right-to-left pages", () => {
  assert.deepEqual(nuErrors(pages.map((p) => path.join(rtl, p))), []);
});
