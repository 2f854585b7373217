// Reading and printing details a new user meets in the first hour: section links land
// below the sticky header, the phone header is one row, the contents list is nested,
// the menu and checklists work by touch and keyboard, 404 works at any depth, and print
// is always light.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { buildBook, fileUrl, launch, serve } from "./helpers.mjs";

let site, browser;

before(async () => {
  site = buildBook();
  browser = await launch();
});

after(async () => { await browser?.close(); });

/** A new page at the given viewport (a persistent context's newPage takes no options). */
async function newPage(viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  return page;
}

/** How far the heading's top is below the sticky header's bottom (negative: hidden). */
async function clearance(page, id) {
  return page.evaluate((id) => {
    const header = document.querySelector(".site-header").getBoundingClientRect();
    return document.getElementById(id).getBoundingClientRect().top - header.bottom;
  }, id);
}

for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
  test(`a shared #anchor and an "On this page" link show the heading below the header (${name})`, async () => {
    const page = await newPage(viewport);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(fileUrl(site, "stress/de-escalation.html") + "#name-the-feeling");
    await page.waitForTimeout(100);
    assert.ok(await clearance(page, "name-the-feeling") >= 0, "the shared anchor's heading is visible");
    await page.goto(fileUrl(site, "stress/de-escalation.html"));
    const entry = page.locator(".toc a").nth(1);
    const id = (await entry.getAttribute("href")).slice(1);
    if (name === "phone") await page.evaluate((id) => { location.hash = id; }, id);
    else await entry.click();
    await page.waitForTimeout(100);
    const gap = await clearance(page, id);
    // On a phone the header slides away while scrolling down, so the gap is its height.
    const most = name === "phone" ? 120 : 40;
    assert.ok(gap >= 0 && gap < most, `heading ${id} sits ${gap}px below the header`);
    await page.close();
  });
}

test("print uses the light palette even when the screen is dark", async () => {
  const page = await browser.newPage();
  for (const setup of ["system", "toggle"]) {
    await page.emulateMedia({ colorScheme: "dark", media: "screen" });
    await page.goto(fileUrl(site, "stress/de-escalation.html"));
    await page.evaluate(() => localStorage.clear());
    if (setup === "toggle") await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(21, 24, 28)");
    await page.emulateMedia({ colorScheme: "dark", media: "print" });
    const colours = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      meta: getComputedStyle(document.querySelector(".chapter-meta")).color,
    }));
    assert.deepEqual(colours, { bg: "rgb(255, 255, 255)", meta: "rgb(51, 51, 51)" }, setup);
  }
  await page.close();
});

const phone = { width: 390, height: 844 };

test("on a phone the header is one row; its links are in the menu and search opens from a button", async () => {
  for (const rel of ["stress/de-escalation.html", "packs/calm-under-pressure/index.html"]) {
    const page = await newPage(phone);
    await page.goto(fileUrl(site, rel));
    const height = await page.locator(".site-header").evaluate((h) => h.offsetHeight);
    assert.ok(height <= 56, `${rel}: header is ${height}px high (one row)`);
    const tops = await page.locator(".site-header > :is(button, a)").evaluateAll((els) =>
      els.filter((e) => e.offsetParent).map((e) => Math.round(e.getBoundingClientRect().top)));
    assert.equal(new Set(tops.map((t) => Math.round(t / 10))).size, 1, `${rel}: all controls on one row ${tops}`);
    await page.locator(".nav-toggle").click();
    assert.ok(await page.locator(".sidebar-tools a", { hasText: "Desk cards" }).isVisible(), "Desk cards is in the menu");
    await page.locator(".nav-toggle").click();
    await page.locator(".search-toggle").click();
    assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
    assert.equal(await page.locator(".search-toggle").getAttribute("aria-expanded"), "true");
    await page.keyboard.type("angry");
    await page.waitForFunction(() => /result/.test(document.getElementById("search-status").textContent));
    await page.close();
  }
  const page = await newPage(phone);
  await page.goto(fileUrl(site, "index.html"));
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input", "/ opens and focuses search");
  await page.close();
});

test("on a phone the header slides away while reading down and returns on the way up", async () => {
  const page = await newPage(phone);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(fileUrl(site, "stress/de-escalation.html"));
  const hidden = () => page.locator(".site-header").evaluate((h) => h.classList.contains("is-hidden"));
  await page.mouse.wheel(0, 800);
  await page.waitForFunction(() => document.querySelector(".site-header").classList.contains("is-hidden"));
  await page.mouse.wheel(0, -300);
  await page.waitForFunction(() => !document.querySelector(".site-header").classList.contains("is-hidden"));
  assert.equal(await hidden(), false);
  await page.close();
});

test("the menu says it is open and Escape closes it", async () => {
  const page = await newPage(phone);
  await page.goto(fileUrl(site, "stress/de-escalation.html"));
  const toggle = page.locator(".nav-toggle");
  assert.equal(await toggle.textContent(), "☰ Menu");
  await toggle.click();
  assert.equal(await toggle.textContent(), "☰ Close menu");
  assert.ok(await page.locator("#sidebar").isVisible());
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#sidebar").isVisible(), false);
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await page.evaluate(() => document.activeElement.className), "nav-toggle");
  await page.close();
});

test('"On this page" nests sub-headings under their section', async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "stress/de-escalation.html"));
  const outline = await page.locator(".toc > ol > li").evaluateAll((lis) => lis.map((li) => ({
    text: li.querySelector(":scope > a").textContent,
    children: [...li.querySelectorAll(":scope > ol > li > a")].map((a) => a.textContent),
  })));
  const first = outline.find((o) => o.children.length);
  assert.ok(first, JSON.stringify(outline));
  assert.ok(first.children.includes("Name the feeling"), JSON.stringify(first));
  assert.ok(!outline.some((o) => o.text === "Name the feeling"), "a sub-heading is not a top-level entry");
  await page.close();
});

test("checklist items are 24px tap targets and a tap on the text ticks the box", async () => {
  const page = await newPage(phone);
  await page.goto(fileUrl(site, "stress/de-escalation.html"));
  const box = page.locator(".chapter-body .task-box").first();
  const size = await box.boundingBox();
  assert.ok(size.width >= 24 && size.height >= 24, JSON.stringify(size));
  const item = box.locator("xpath=..");
  await item.scrollIntoViewIfNeeded();
  const itemBox = await item.boundingBox();
  await page.mouse.click(itemBox.x + itemBox.width - 20, itemBox.y + itemBox.height / 2);
  assert.equal(await box.isChecked(), true);
  await page.mouse.click(itemBox.x + itemBox.width - 20, itemBox.y + itemBox.height / 2);
  assert.equal(await box.isChecked(), false);
  await page.close();
});

test("404.html works when a server shows it for a missing page deep in the site", async () => {
  // A server answers a missing address in any folder with the site's 404.html.
  copyFileSync(path.join(site, "404.html"), path.join(site, "stress", "missing-page.html"));
  const server = await serve(site);
  const page = await browser.newPage();
  await page.goto(`${server.base}stress/missing-page.html`);
  assert.equal(await page.locator("h1").textContent(), "Page not found");
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).position);
  assert.equal(styled, "sticky", "the stylesheet loaded");
  await page.locator("main a", { hasText: "Go to the contents" }).click();
  assert.equal(page.url(), `${server.base}index.html`);
  assert.equal(await page.title(), "Customer Care Handbook");
  await page.close();
  await server.close();
});

test("the home page's current Contents link is marked as a whole row, like the part links", async () => {
  const page = await newPage();
  await page.goto(fileUrl(site, "index.html"));
  const look = await page.evaluate(() => {
    const current = document.querySelector('.sidebar-home a[aria-current="page"]');
    const part = document.querySelector(".nav-part > a");
    const style = getComputedStyle(current);
    return {
      display: style.display,
      sameWidth: Math.abs(current.getBoundingClientRect().width - part.getBoundingClientRect().width) < 6,
      marked: style.backgroundColor !== "rgba(0, 0, 0, 0)",
    };
  });
  assert.deepEqual(look, { display: "block", sameWidth: true, marked: true });
  await page.close();
});
