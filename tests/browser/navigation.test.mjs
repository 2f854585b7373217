// Navigation of the built handbook in a real Chromium, from file:// and from a
// sub-path of a web server: links, sidebar, keyboard use, dark mode, small screens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { buildBook, fileUrl, launch, serve, watch } from "./helpers.mjs";

let site, browser, server;

before(async () => {
  site = buildBook();
  browser = await launch();
  server = await serve(site);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function walkThrough(page, start) {
  await page.goto(start);
  assert.equal(await page.title(), "Customer Care Handbook");
  await page.locator("main h2 a", { hasText: "Communication" }).click();
  assert.equal(await page.locator("h1").textContent(), "Communication");
  await page.locator("main .chapter-link", { hasText: "Listening actively" }).click();
  assert.equal(await page.locator("h1").textContent(), "Listening actively");
  assert.equal(await page.locator('#sidebar a[aria-current="page"]').textContent(), "Listening actively");
  await page.locator("a[rel=next]").click();
  assert.equal(await page.locator("h1").textContent(), "Asking the right questions");
  await page.locator(".chapter-meta a.chip-tag").first().click();
  assert.match(await page.locator("h1").textContent(), /Topic:/);
  await page.locator(".breadcrumbs a", { hasText: "Contents" }).click();
  assert.equal(await page.title(), "Customer Care Handbook");
}

test("clicking through the handbook works from file://", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await walkThrough(page, fileUrl(site, "index.html"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("clicking through the handbook works from a server sub-path", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await walkThrough(page, server.base + "index.html");
  const position = await page.locator(".site-header").evaluate((el) => getComputedStyle(el).position);
  assert.equal(position, "sticky", "the stylesheet loaded");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the skip link is the first stop and moves focus to the content", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "communication/listening-actively.html"));
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  assert.equal(await focused.textContent(), "Skip to content");
  const box = await focused.boundingBox();
  assert.ok(box && box.y >= 0, "the skip link is visible when focused");
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(outline, "solid", "focus is visible");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  await page.close();
});

test("the dark mode toggle applies and is remembered", async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(fileUrl(site, "index.html"));
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await bg(), "rgb(255, 255, 255)");
  const toggle = page.locator(".theme-toggle");
  assert.equal(await toggle.textContent(), "◐ Dark mode", "in light mode the button offers dark mode");
  assert.equal(await toggle.getAttribute("aria-label"), "Switch to dark mode");
  await toggle.click();
  assert.equal(await toggle.textContent(), "◐ Light mode", "in dark mode it offers light mode");
  assert.equal(await toggle.getAttribute("aria-label"), "Switch to light mode");
  assert.equal(await bg(), "rgb(21, 24, 28)");
  await page.goto(fileUrl(site, "culture/time-zones.html"));
  assert.equal(await bg(), "rgb(21, 24, 28)", "the choice carries to the next page");
  await page.locator(".theme-toggle").click();
  assert.equal(await bg(), "rgb(255, 255, 255)");
  await page.close();
});

test("the system dark preference is followed", async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(fileUrl(site, "index.html"));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(21, 24, 28)");
  assert.equal(await page.locator(".theme-toggle").textContent(), "◐ Light mode", "the label follows the system theme");
  await page.close();
});

test("on a small screen the menu button opens the contents", async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(fileUrl(site, "stress/managing-stress.html"));
  const sidebar = page.locator("#sidebar");
  assert.equal(await sidebar.isVisible(), false);
  const button = page.locator(".nav-toggle");
  await button.click();
  assert.equal(await sidebar.isVisible(), true);
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (page is ${width}px wide)`);
  await page.close();
});
