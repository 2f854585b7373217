// One handbook in several languages (tests/fixtures/languages: English, with Spanish,
// Arabic and Japanese translations), in Chromium from file://: the switcher leads to the
// same page in another language and works with the keyboard; each language's search
// searches that language; an untranslated chapter shows its notice; a Spanish desk card
// prints on one page; the pages pass axe and the Nu HTML checker.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { axeOnPages, buildBook, fileUrl, launch, nuErrors, pdfInfo, printToPdf, repoRoot, watch, searchTitles } from "./helpers.mjs";

let site, browser;

before(async () => {
  site = buildBook(path.join(repoRoot, "tests/fixtures/languages"));
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test("the switcher opens the same chapter in another language, by keyboard", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(site, "money/refunds.html"));
  const summary = page.locator(".language-switcher summary");
  assert.match(await summary.textContent(), /English/);
  await summary.focus();
  await page.keyboard.press("Enter");
  const spanish = page.locator('.language-switcher a[hreflang="es"]');
  assert.ok(await spanish.isVisible(), "the list opens");
  await spanish.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/es\/money\/refunds\.html$/);
  assert.equal(await page.locator("h1").textContent(), "Reembolsos");
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  // And on to Japanese, then back to English, each time the same chapter.
  await page.locator(".language-switcher summary").click();
  await page.locator('.language-switcher a[hreflang="ja"]').click();
  await page.waitForURL(/\/ja\/money\/refunds\.html$/);
  assert.equal(await page.locator("h1").textContent(), "返金");
  await page.locator(".language-switcher summary").click();
  await page.locator('.language-switcher a[hreflang="en"]').click();
  await page.waitForURL(/[^a-z]money\/refunds\.html$/);
  assert.ok(!page.url().includes("/ja/") && !page.url().includes("/es/"), page.url());
  assert.deepEqual(problems, []);
  await page.close();
});

test("each language's search finds that language's chapters", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(site, "es/talking/greeting.html"));
  await page.locator("#search-input").focus();
  // Accents and inflections: "devoluciones" and "reembolsó" are not in the text.
  for (const q of ["devoluciones", "reembolsó", "REEMBOLSOS"]) {
    const titles = await searchTitles(page, q);
    assert.equal(titles[0], "Reembolsos", `${q}: ${titles}`);
  }
  await page.goto(fileUrl(site, "ja/index.html"));
  await page.locator("#search-input").focus();
  assert.equal((await searchTitles(page, "返金"))[0], "返金");
  // The English site searches English: the Spanish word finds nothing there.
  await page.goto(fileUrl(site, "index.html"));
  await page.locator("#search-input").focus();
  assert.deepEqual(await searchTitles(page, "reembolsos"), []);
  assert.equal((await searchTitles(page, "refunds"))[0], "Refunds");
  assert.deepEqual(problems, []);
  await page.close();
});

test("an untranslated chapter is shown in English with a notice in Spanish", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "es/talking/closing-a-contact.html"));
  const notice = page.locator(".untranslated-notice");
  assert.ok(await notice.isVisible());
  assert.match(await notice.textContent(), /no está disponible en este idioma/);
  assert.equal(await page.locator("article.chapter").getAttribute("lang"), "en");
  assert.equal(await page.locator(".skip-link").textContent(), "Saltar al contenido");
  await page.close();
});

test("a Spanish desk card prints on one page", () => {
  const info = pdfInfo(printToPdf(fileUrl(site, "es/checklists/part-money.html") + "#card-refunds"));
  assert.equal(info.pages, 1);
});

const pages = [
  "money/refunds.html",
  "es/money/refunds.html",
  "es/talking/closing-a-contact.html",
  "es/index.html",
  "es/checklists/index.html",
  "ar/money/refunds.html",
  "ar/talking/closing-a-contact.html",
  "ja/money/refunds.html",
];

test("no serious axe violations on the languages' pages", async () => {
  assert.deepEqual(await axeOnPages(browser, site, pages, "light"), []);
});

test("the Nu HTML checker finds no errors on the languages' pages", () => {
  assert.deepEqual(nuErrors(pages.map((p) => path.join(site, p))), []);
});
