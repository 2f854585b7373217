// Accessibility and valid markup on every kind of page: axe-core in Chromium (light and
// dark, with the search panel open) and the Nu HTML checker over the whole site.
// Both tools are npm packages installed by scripts/test.sh (the checker needs a JRE,
// which it installs too); a missing tool fails the test rather than skipping it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { axeOnPages, axeViolations, buildBook, fileUrl, launch, nuErrors } from "./helpers.mjs";


// One page of each kind the site has.
const pages = [
  "index.html", "stress/index.html", "stress/de-escalation.html", "tags/index.html", "tags/culture.html",
  "audiences/index.html", "audiences/trainer.html", "checklists/index.html", "checklists/part-stress.html",
  "checklists/tag-stress.html", "print.html", "404.html", "packs/calm-under-pressure/index.html",
  "packs/calm-under-pressure/de-escalation.html", "packs/calm-under-pressure/handout.html",
  "packs/calm-under-pressure/trainer.html", "packs/calm-under-pressure/cards.html",
];

let site, browser;

before(async () => {
  site = buildBook();
  browser = await launch();
});

after(async () => { await browser?.close(); });

for (const scheme of ["light", "dark"]) {
  test(`no serious axe violations on any page kind (${scheme})`, async () => {
    assert.deepEqual(await axeOnPages(browser, site, pages, scheme), []);
  });
}

test("no serious axe violations with the search results open", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "stress/de-escalation.html"));
  await page.locator("#search-input").focus();
  await page.keyboard.type("angry");
  await page.waitForFunction(() => /result/.test(document.getElementById("search-status").textContent));
  await page.keyboard.press("ArrowDown");
  assert.ok((await page.locator("#search-results [role=option]").count()) > 0, "results are shown");
  assert.equal(await page.locator("#search-results [role=option] a, #search-results [role=option] button").count(), 0,
    "options hold no nested controls");
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("clicking a search result opens it", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "index.html"));
  await page.locator("#search-input").fill("de-escalation");
  await page.waitForFunction(() => /result/.test(document.getElementById("search-status").textContent));
  const first = page.locator("#search-results .search-chapter").first();
  const title = await first.locator(".search-title").textContent();
  await first.click();
  await page.waitForURL(/\.html/);
  assert.equal(await page.locator("h1").textContent(), title);
  await page.close();
});

test("the Nu HTML checker finds no errors on any page", () => {
  const errors = nuErrors([site]);
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors`);
});
