// Printing in a real Chromium: desk cards are exactly one page in A4 and US Letter and
// carry every item with a dark checkbox glyph; print.html starts every chapter on a page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
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
    items: Array.from(el.querySelectorAll("li")).map((li) => li.textContent.replace("☐", "")),
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
    assert.equal(cards.length, 36, "one card per chapter of the shipped handbook");
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

test("two cards per sheet halves the page count", () => {
  const pdf = printToPdf(fileUrl(site, "checklists/index.html") + "#paper=A4&layout=2up");
  const info = pdfInfo(pdf);
  assertSize(info, "A4");
  assert.equal(info.pages, Math.ceil(cards.length / 2));
  const first = squash(pdfPageText(pdf, 1));
  assert.ok(first.includes(squash(cards[0].title)) && first.includes(squash(cards[1].title)), "two cards on the first sheet");
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
    assert.equal(titles.length, 36);
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
