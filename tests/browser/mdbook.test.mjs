// A handbook kept for mdBook (tests/fixtures/mdbook-book), read from file://: the
// sidebar shows SUMMARY.md's nesting as nested lists a keyboard walks through in
// reading order, the current page is marked inside them, and the pages have no
// serious accessibility violations and no HTML errors.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { axeOnPages, buildBook, fileUrl, launch, nuErrors, repoRoot, watch } from "./helpers.mjs";

let site, browser;

before(async () => {
  site = buildBook(path.join(repoRoot, "tests/fixtures/mdbook-book"));
  browser = await launch();
});

after(async () => { await browser?.close(); });

test("the sidebar nests chapters as SUMMARY.md does and marks the page", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(site, "receiving/photos.html"));
  const nested = page.locator("#sidebar .nav-nested .nav-nested a");
  assert.deepEqual(await nested.allTextContents(), ["Photographing damage"]);
  assert.equal(await nested.getAttribute("aria-current"), "page");
  assert.ok(await nested.isVisible());
  // Every link in the sidebar, in order: the nesting does not change reading order.
  const links = await page.locator("#sidebar .nav-parts a").allTextContents();
  assert.deepEqual(links, ["Welcome to the desk", "Handling a return", "Receiving a parcel",
    "Checking the label", "Damaged parcels", "Photographing damage", "Refunds",
    "Talking with customers", "When a refund is late", "Who to ask"]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("Tab walks the nested chapters in reading order", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "refunds.html"));
  await page.locator('#sidebar a[href$="receiving/index.html"]').focus();
  const seen = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(() => document.activeElement.textContent));
  }
  assert.deepEqual(seen, ["Checking the label", "Damaged parcels", "Photographing damage"]);
  await page.close();
});

test("no serious accessibility violations and no HTML errors", async () => {
  const pages = ["index.html", "welcome.html", "receiving/photos.html", "handling-a-return/index.html", "contacts.html"];
  for (const scheme of ["light", "dark"]) {
    assert.deepEqual(await axeOnPages(browser, site, pages, scheme), []);
  }
  assert.deepEqual(nuErrors(pages.map((p) => path.join(site, p))), []);
});
