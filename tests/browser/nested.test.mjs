// A handbook nested seven folders deep (tests/fixtures/nested-handbook), read from
// file:// as someone would open the built folder: the sidebar's tree opens and closes
// by keyboard and by mouse, the current page is marked, the breadcrumbs lead back up
// the tree, and search finds a page six folders down. The book has more than 200 pages,
// so the tree off the current path comes from assets/nav-data.js; a small book
// (foreign-handbook) has the whole tree on every page and is checked the same way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { axeOnPages, axeViolations, buildBook, fileUrl, launch, nuErrors, repoRoot, searchTitles, watch } from "./helpers.mjs";

const DEEP = "departments/support/frontline/guides/daily-work/handovers/checklists/before-you-leave.html";
let site, small, browser;

before(async () => {
  site = buildBook(path.join(repoRoot, "tests/fixtures/nested-handbook"));
  small = buildBook(path.join(repoRoot, "tests/fixtures/foreign-handbook"));
  browser = await launch();
});

after(async () => { await browser?.close(); });

/** The sidebar's open sections, from the top, and the page it marks as current. */
async function sidebarState(page) {
  return page.evaluate(() => ({
    open: [...document.querySelectorAll('#sidebar .nav-expand[aria-expanded="true"]')]
      .map((b) => b.previousElementSibling.textContent),
    current: document.querySelector('#sidebar a[aria-current="page"]')?.textContent,
  }));
}

test("the path to a page six folders down is open and the page is marked", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(site, DEEP));
  assert.deepEqual(await sidebarState(page), {
    open: ["Departments", "Customer support", "Frontline", "Guides (Customer support)",
      "Daily work (Customer support)", "Handovers (Customer support)", "Checklists (Customer support)"],
    current: "Before you leave the desk",
  });
  // The other top-level sections came from the shared script, closed, in reading order.
  const top = await page.locator("#sidebar .nav-parts > li > a").allTextContents();
  assert.deepEqual(top, ["Glossary", "Our company", "Departments", "Policies", "Tools"]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a section opens and closes by keyboard, filled from the shared script", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, DEEP));
  const button = page.getByRole("button", { name: "Pages in Our company" });
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  const list = page.locator(`#${await button.getAttribute("aria-controls")}`);
  assert.equal(await list.isVisible(), false);
  await button.focus();
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.ok(await list.isVisible());
  assert.equal(await list.locator(":scope > li").count(), 5, "its five pages");
  // Tab reaches the first page in it; following it goes there.
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement.getAttribute("href"));
  assert.match(first, /company\/[a-z-]+\.html$/);
  await button.focus();
  await page.keyboard.press(" ");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await list.isVisible(), false);
  // A sub-section opened inside it is filled in turn, down to the deep pages.
  await page.getByRole("button", { name: "Pages in Tools" }).click();
  assert.ok(await page.locator("#sidebar a", { hasText: "Password manager" }).isVisible());
  await page.close();
});

test("a closed section off the path opens by click, and its sub-sections too", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, DEEP));
  await page.getByRole("button", { name: "Pages in Engineering" }).click();
  await page.getByRole("button", { name: "Pages in Platform" }).click();
  await page.getByRole("button", { name: "Pages in Guides (Engineering)" }).click();
  // Its title comes from its file name: it has neither front matter nor a heading.
  const link = page.locator("#sidebar a", { hasText: /^Getting started$/ });
  assert.ok(await link.isVisible());
  await link.click();
  await page.waitForURL(/platform\/guides\/getting-started\.html$/);
  // On the new page that path is open and the page is marked.
  const state = await sidebarState(page);
  assert.deepEqual(state.open, ["Departments", "Engineering", "Platform", "Guides (Engineering)"]);
  assert.equal(state.current, "Getting started");
  await page.close();
});

test("the breadcrumbs lead up the tree, one section at a time, to the contents", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, DEEP));
  const seen = [];
  for (;;) {
    const crumbs = page.locator("nav.breadcrumbs li a");
    const count = await crumbs.count();
    if (count === 0) break;
    const up = crumbs.nth(count - 1);
    const title = await up.textContent();
    await up.click();
    await page.waitForLoadState("domcontentloaded");
    seen.push(title);
    if (title === "Contents") break;
    assert.equal(await page.locator("main h1").textContent(), title);
    assert.equal(await page.locator('nav.breadcrumbs [aria-current="page"]').textContent(), title);
  }
  assert.deepEqual(seen, ["Checklists (Customer support)", "Handovers (Customer support)",
    "Daily work (Customer support)", "Guides (Customer support)", "Frontline", "Customer support",
    "Departments", "Contents"]);
  assert.ok(page.url().endsWith("/index.html"));
  await page.close();
});

test("search finds a page six folders down and goes to it", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "index.html"));
  const titles = await searchTitles(page, "before you leave the desk");
  assert.equal(titles[0], "Before you leave the desk");
  await page.locator("#search-results .search-title").first().click();
  await page.waitForURL((u) => u.pathname.endsWith(DEEP));
  await page.close();
});

test("in a small book every section's list is on the page, and opens without the script", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(small, "team/onboarding.html"));
  assert.equal(await page.locator('script[src$="nav-data.js"]').count(), 0);
  const button = page.getByRole("button", { name: "Pages in Company" });
  const list = page.locator(`#${await button.getAttribute("aria-controls")}`);
  assert.ok(await list.locator("li").count() > 0, "the list is there, closed");
  assert.equal(await list.isVisible(), false);
  await button.click();
  assert.ok(await list.isVisible());
  await button.press("Enter");
  assert.equal(await list.isVisible(), false);
  const state = await sidebarState(page);
  assert.deepEqual(state.open, ["Our team"]);
  await page.close();
});

test("no serious axe violations with sections open and closed, and no Nu errors", async () => {
  const pages = [DEEP, "departments/support/frontline/index.html", "departments/index.html", "index.html"];
  for (const scheme of ["light", "dark"]) {
    assert.deepEqual(await axeOnPages(browser, site, pages, scheme), []);
  }
  const page = await browser.newPage();
  await page.goto(fileUrl(site, DEEP));
  await page.getByRole("button", { name: "Pages in Engineering" }).click();
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
  assert.deepEqual(nuErrors(pages.map((p) => path.join(site, p)).concat([path.join(small, "team/onboarding.html")])), []);
});

test("a big book's print.html lists its sections, each a printable document that passes axe and Nu", async () => {
  const bySection = buildBook(path.join(repoRoot, "tests/fixtures/nested-handbook"), { CAREBOOK_PRINT__SECTIONS_ABOVE: "50" });
  const page = await browser.newPage();
  await page.goto(fileUrl(bySection, "print.html"));
  const sections = await page.locator(".print-sections li > a").allTextContents();
  assert.deepEqual(sections, ["Pages outside any section", "Our company", "Departments", "Policies", "Tools"]);
  // Keyboard only: Tab reaches the section's link, Enter opens its document.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.textContent) === "Departments") break;
  }
  await page.keyboard.press("Enter");
  await page.waitForURL(/print-departments\.html$/);
  assert.equal(await page.locator("#cover-title").textContent(), "Departments");
  assert.equal(await page.locator("article.print-chapter").count(), 204);
  // A link into another section's document lands on that chapter.
  await page.locator('a[href="print-policies.html#travel"]').first().click();
  await page.waitForURL(/print-policies\.html#travel$/);
  assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), "travel");
  await page.close();
  const pages = ["print.html", "print-policies.html"];
  assert.deepEqual(await axeOnPages(browser, bySection, pages, "light"), []);
  assert.deepEqual(nuErrors(pages.map((p) => path.join(bySection, p))), []);
});
