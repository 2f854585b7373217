// Checklists in the browser: ticking boxes on a chapter page is remembered and can be
// cleared; the desk-card filters narrow the cards and count them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axeOnPages, buildBook, fileUrl, launch, nuErrors } from "./helpers.mjs";

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
  assert.equal(await visible(), 43);
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
  assert.equal(await visible(), 43, "clearing the filters shows every card");
  await page.close();
});

/** Every card's tags and audiences, from the page. */
const cardData = (page) => page.$$eval(".cards .card", (els) => els.map((el) => ({
  tags: el.dataset.tags.split(" ").filter(Boolean),
  audiences: el.dataset.audiences.split(" ").filter(Boolean),
})));

test("topics combine with OR, topics and audiences with AND, and the counts follow", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "checklists/index.html"));
  const data = await cardData(page);
  const visible = () => page.locator(".cards .card:visible").count();
  const chip = (group, value) => page.locator(`button[data-filter="${group}"][data-value="${value}"]`);
  const count = async (group, value) => Number(await chip(group, value).locator(".count").textContent());
  const having = (want) => data.filter(want).length;
  await chip("tags", "culture").click();
  await chip("tags", "stress").click();
  const either = having((c) => c.tags.includes("culture") || c.tags.includes("stress"));
  assert.ok(either > having((c) => c.tags.includes("culture")), "the shipped book has stress cards that are not culture cards");
  assert.equal(await visible(), either, "culture OR stress");
  assert.equal(await page.locator(".shown-count").textContent(), String(either));
  await chip("audiences", "team-lead").click();
  const both = having((c) => (c.tags.includes("culture") || c.tags.includes("stress")) && c.audiences.includes("team-lead"));
  assert.equal(await visible(), both, "(culture OR stress) AND team leads");
  assert.equal(await count("tags", "empathy"), having((c) => c.tags.includes("empathy") && c.audiences.includes("team-lead")),
    "a topic's count is its cards for the audiences chosen");
  assert.equal(await count("audiences", "agent"), having((c) => c.audiences.includes("agent") && (c.tags.includes("culture") || c.tags.includes("stress"))),
    "an audience's count is its cards for the topics chosen");
  await page.close();
});

test("the filter is kept in the address and restored from it", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "checklists/index.html") + "#paper=A4");
  await page.locator('button[data-filter="tags"][data-value="stress"]').click();
  await page.locator('button[data-filter="tags"][data-value="culture"]').click();
  await page.locator('button[data-filter="audiences"][data-value="agent"]').click();
  const url = page.url();
  assert.match(url, /#tags=culture,stress&audiences=agent&paper=A4$/);
  const shown = await page.locator(".cards .card:visible").count();
  const other = await browser.newPage();
  await other.goto(url);
  assert.equal(await other.locator(".cards .card:visible").count(), shown, "the same cards after opening the address");
  const pressed = await other.locator('button[data-filter][aria-pressed="true"]').evaluateAll((bs) => bs.map((b) => b.dataset.value));
  assert.deepEqual(pressed.sort(), ["agent", "culture", "stress"]);
  assert.equal(await other.locator(".paper-select").inputValue(), "A4");
  await other.close();
  await page.close();
});

test("no cards shown: a button clears the filters, and Print is off until then", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "checklists/index.html"));
  const data = await cardData(page);
  const tags = await page.locator('button[data-filter="tags"]').evaluateAll((bs) => bs.map((b) => b.dataset.value));
  const auds = await page.locator('button[data-filter="audiences"]').evaluateAll((bs) => bs.map((b) => b.dataset.value));
  const pair = tags.flatMap((t) => auds.map((a) => [t, a])).find(([t, a]) => !data.some((c) => c.tags.includes(t) && c.audiences.includes(a)));
  assert.ok(pair, "a topic and an audience that share no card");
  const print = page.locator(".print-tools .print-button");
  const clear = page.getByRole("button", { name: "Clear the filters" });
  assert.equal(await clear.isVisible(), false, "nothing to clear yet");
  await page.locator(`button[data-filter="tags"][data-value="${pair[0]}"]`).click();
  await page.locator(`button[data-filter="audiences"][data-value="${pair[1]}"]`).click();
  assert.equal(await page.locator(".cards .card:visible").count(), 0);
  assert.equal(await page.locator(".shown-count").textContent(), "0");
  assert.equal(await print.isDisabled(), true, "nothing to print");
  assert.ok(await clear.isVisible());
  await clear.click();
  assert.equal(await page.locator(".cards .card:visible").count(), 43);
  assert.equal(await print.isEnabled(), true);
  assert.equal(await page.locator('button[data-filter][aria-pressed="true"]').count(), 0);
  assert.doesNotMatch(page.url(), /tags=|audiences=/);
  await page.close();
});

test("critical items: no serious axe violations and no Nu errors where they are shown", async () => {
  const pathMod = (await import("node:path")).default;
  const book = pathMod.join(pathMod.dirname(new URL(import.meta.url).pathname), "../fixtures/cards-check");
  const fixtureSite = buildBook(book);
  const pages = ["checklists/part-desk.html", "desk/good-card.html", "packs/class/trainer.html", "packs/class/cards.html"];
  for (const scheme of ["light", "dark"]) {
    assert.deepEqual(await axeOnPages(browser, fixtureSite, pages, scheme), [], scheme);
  }
  assert.deepEqual(nuErrors(pages.map((p) => pathMod.join(fixtureSite, p))), [], "Nu checker errors");
});
