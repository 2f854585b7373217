// Reading and printing details a new user meets in the first hour: section links land
// below the sticky header on a desktop and a phone, and print is always light.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { buildBook, fileUrl, launch } from "./helpers.mjs";

let site, browser;

before(async () => {
  site = buildBook();
  browser = await launch();
});

after(async () => { await browser?.close(); });

/** How far the heading's top is below the sticky header's bottom (negative: hidden). */
async function clearance(page, id) {
  return page.evaluate((id) => {
    const header = document.querySelector(".site-header").getBoundingClientRect();
    return document.getElementById(id).getBoundingClientRect().top - header.bottom;
  }, id);
}

for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
  test(`a shared #anchor and an "On this page" link show the heading below the header (${name})`, async () => {
    const page = await browser.newPage({ viewport });
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
    assert.ok(gap >= 0 && gap < 40, `heading ${id} sits ${gap}px below the header`);
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
