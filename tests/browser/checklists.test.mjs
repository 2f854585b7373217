// Checklists in the browser: ticking boxes on a chapter page is remembered and can be
// cleared; the desk-card filters narrow the cards and count them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { buildBook, fileUrl, launch } from "./helpers.mjs";

let site, browser;
before(async () => { site = buildBook(); browser = await launch(); });
after(async () => { await browser?.close(); });

test("ticks on a chapter's checklist are remembered until cleared", async () => {
  const page = await browser.newPage();
  const url = fileUrl(site, "stress/de-escalation.html");
  await page.goto(url);
  const boxes = page.locator(".chapter-body .task-box");
  const count = await boxes.count();
  assert.ok(count >= 6, `checklist boxes on the page: ${count}`);
  assert.equal(await boxes.first().isEnabled(), true);
  assert.ok((await boxes.first().getAttribute("aria-label")).length > 10, "each box is named by its item");
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await page.reload();
  assert.equal(await boxes.nth(0).isChecked(), true, "remembered after reload");
  assert.equal(await boxes.nth(1).isChecked(), false);
  assert.equal(await boxes.nth(2).isChecked(), true);
  await page.getByRole("button", { name: "Clear ticks" }).click();
  assert.equal(await boxes.nth(0).isChecked(), false);
  await page.reload();
  assert.equal(await boxes.nth(2).isChecked(), false, "cleared for good");
  await page.close();
});

test("keyboard users can tick boxes", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "culture/time-zones.html"));
  const first = page.locator(".chapter-body .task-box").first();
  await first.focus();
  await page.keyboard.press("Space");
  assert.equal(await first.isChecked(), true);
  await page.close();
});

test("desk card filters narrow the cards and count them", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "checklists/index.html"));
  const visible = () => page.locator(".cards .card:visible").count();
  assert.equal(await visible(), 36);
  const stress = page.locator('button[data-filter="tags"][data-value="stress"]');
  const expected = Number(await stress.locator(".count").textContent());
  await stress.click();
  assert.equal(await stress.getAttribute("aria-pressed"), "true");
  assert.equal(await visible(), expected);
  assert.equal(await page.locator(".shown-count").textContent(), String(expected));
  const titles = await page.locator(".cards .card:visible .card-title").allTextContents();
  assert.ok(titles.includes("De-escalating an angry customer"), titles.join(", "));
  const leads = page.locator('button[data-filter="audiences"][data-value="team-lead"]');
  await leads.click();
  const both = await visible();
  assert.ok(both <= expected, "a second filter narrows further");
  await stress.click();
  await leads.click();
  assert.equal(await visible(), 36, "clearing the filters shows every card");
  await page.close();
});
