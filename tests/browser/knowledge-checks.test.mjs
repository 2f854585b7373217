// Knowledge checks in the browser (tests/fixtures/knowledge-checks): the learner answers,
// checks, sees what was right and why, and finds the same state after a reload; all of it
// works with the keyboard alone, from file://, and passes axe and the Nu checker.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { axeOnPages, axeViolations, buildBook, fileUrl, launch, nuErrors, repoRoot, watch } from "./helpers.mjs";

let site, browser;
const CHAPTER = "calls/summing-up.html";
before(async () => {
  site = buildBook(path.join(repoRoot, "tests/fixtures/knowledge-checks"));
  browser = await launch();
});
after(async () => { await browser?.close(); });

test("answer, check, see the explanation, reload and keep it, try again", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(site, CHAPTER));
  const check = page.locator(".knowledge-check");
  const q = (n) => check.locator(".kc-question").nth(n);
  assert.equal(await check.locator("fieldset").count(), 3);
  assert.equal(await q(0).locator("input[type=radio]").count(), 3, "single answer: radio buttons");
  assert.equal(await q(1).locator("input[type=checkbox]").count(), 3, "multiple answers: checkboxes");
  assert.match(await q(1).locator("legend").textContent(), /Choose all that apply\./);
  assert.equal(await q(0).locator(".kc-explanation").isVisible(), false, "the explanation waits for the check");

  await q(0).getByLabel("Sum up what you heard").check();
  await q(1).getByLabel("A short").check();
  await page.getByRole("button", { name: "Check answers" }).click();
  assert.match(await page.locator(".kc-summary").textContent(), /Question 3 has no answer yet/);
  assert.equal(await q(0).locator(".kc-result").isVisible(), false, "nothing marked until every question is answered");

  await q(2).getByLabel("False").check();
  await page.getByRole("button", { name: "Check answers" }).click();
  assert.equal(await page.locator(".kc-summary").textContent(), "You got 2 of 3 right.");
  assert.equal(await q(0).locator(".kc-result").textContent(), "Right.");
  assert.equal(await q(1).locator(".kc-result").textContent(), "Not quite.");
  assert.match(await q(1).locator(".kc-option").nth(1).locator(".kc-mark").textContent(), /The right answer/, "a missed right answer is named in words");
  assert.match(await q(0).locator(".kc-option").nth(1).locator(".kc-mark").textContent(), /Your answer: right/);
  assert.equal(await q(0).locator(".kc-explanation").isVisible(), true);
  assert.match(await q(0).locator(".kc-explanation").textContent(), /Summing up proves you listened/);
  assert.equal(await page.getByRole("button", { name: "Try again" }).isVisible(), true);

  await page.reload();
  assert.equal(await page.locator(".kc-summary").textContent(), "You got 2 of 3 right.", "checked state kept");
  assert.equal(await q(0).getByLabel("Sum up what you heard").isChecked(), true, "answers kept");
  assert.equal(await q(2).locator(".kc-explanation").isVisible(), true);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("carebook-checks:")));
  assert.equal(stored.length, 1, "stored per page, like checklist ticks");

  await page.getByRole("button", { name: "Try again" }).click();
  assert.equal(await q(0).getByLabel("Sum up what you heard").isChecked(), false);
  assert.equal(await q(0).locator(".kc-explanation").isVisible(), false);
  await page.reload();
  assert.equal(await q(0).locator(".kc-result").isVisible(), false, "cleared for good");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the check works with the keyboard alone and announces the result", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "calls/holding.html"));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // Tab from the last link of the chapter into the first question.
  await page.locator(".knowledge-check h2").evaluate((h) => { h.tabIndex = -1; h.focus(); });
  await page.keyboard.press("Tab");
  let focused = await page.evaluate(() => document.activeElement.closest("li.kc-option")?.textContent.trim());
  assert.match(focused, /Stay on hold/);
  await page.keyboard.press("ArrowDown"); // radio groups move and select with arrows
  assert.equal(await page.evaluate(() => document.activeElement.value), "1");
  await page.keyboard.press("Tab"); // into the second question
  await page.keyboard.press("Space");
  assert.equal(await page.evaluate(() => document.activeElement.checked), true);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Check answers");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.className), "kc-summary", "focus moves to the result");
  assert.equal(await page.locator(".kc-summary").getAttribute("aria-live"), "polite");
  assert.equal(await page.locator(".kc-summary").textContent(), "You got 2 of 2 right.");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Try again");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.name), "check-your-understanding-q1", "back to the first question");
  await page.close();
});

test("print.html prints the checks as worksheets, with a switch to leave them out", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "print.html"));
  const sheets = page.locator(".kc-worksheet");
  assert.equal(await sheets.count(), 2);
  assert.equal(await page.locator(".kc-worksheet input, .kc-worksheet .kc-explanation").count(), 0, "no inputs, no answers");
  await page.emulateMedia({ media: "print" });
  assert.equal(await sheets.first().isVisible(), true);
  await page.emulateMedia({ media: "screen" });
  await page.getByLabel("Include the knowledge checks").uncheck();
  await page.emulateMedia({ media: "print" });
  assert.equal(await sheets.first().isVisible(), false, "left out of this printing");
  await page.close();
});

test("pages with checks pass axe in light and dark, checked or not, and the Nu checker", async () => {
  const pages = [CHAPTER, "print.html", "packs/phone-basics/handout.html", "packs/phone-basics/trainer.html", "packs/phone-basics/summing-up.html"];
  for (const scheme of ["light", "dark"]) {
    assert.deepEqual(await axeOnPages(browser, site, pages, scheme), [], scheme);
  }
  const page = await browser.newPage();
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(fileUrl(site, CHAPTER));
    await page.locator(".kc-question").nth(0).getByLabel("Read out").check();
    await page.locator(".kc-question").nth(1).getByLabel("A short").check();
    await page.locator(".kc-question").nth(2).getByLabel("True").check();
    await page.getByRole("button", { name: "Check answers" }).click();
    assert.deepEqual(await axeViolations(page), [], `checked, ${scheme}`);
    await page.getByRole("button", { name: "Try again" }).click();
  }
  await page.close();
  assert.deepEqual(nuErrors(pages.map((p) => path.join(site, p))), []);
});
