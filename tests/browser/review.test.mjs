// The pages for keeping the handbook true, over tests/fixtures/review (built with a
// fixed "today", so one page is overdue and one never reviewed): review.html,
// whats-new.html and chapter pages with the review notice, the edit link and the
// feedback line. 0 serious axe violations in light and dark, 0 Nu checker errors, and
// the footer links work from file://.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { axeOnPages, fileUrl, launch, nuErrors, repoRoot, watch } from "./helpers.mjs";

const bin = process.env.CAREBOOK_BIN || path.join(repoRoot, "target/debug/carebook");

const pages = ["review.html", "whats-new.html", "billing/refunds.html", "calls/welcome.html", "calls/hold.html"];

let site, browser;

before(async () => {
  site = path.join(mkdtempSync(path.join(tmpdir(), "carebook-review-")), "site");
  execFileSync(bin, ["build", path.join(repoRoot, "tests/fixtures/review"), "--out", site, "--base-url", "https://help.example.com/kb/"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, SOURCE_DATE_EPOCH: "1763856000" },
  });
  browser = await launch();
});

after(async () => { await browser?.close(); });

for (const scheme of ["light", "dark"]) {
  test(`no serious axe violations on the review pages (${scheme})`, async () => {
    assert.deepEqual(await axeOnPages(browser, site, pages, scheme), []);
  });
}

test("the overdue notice is shown and the footer leads to the report and back", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(site, "billing/refunds.html"));
  const notice = page.locator(".review-notice");
  // The date as the page's language writes it; the machine-readable one stays in <time>.
  assert.match(await notice.textContent(), /due for review on 31 August 2025\. Check with Billing team/);
  assert.equal(await notice.locator("time").getAttribute("datetime"), "2025-08-31");
  assert.ok(await notice.isVisible());
  await page.locator("footer.site-footer a", { hasText: "Review status" }).click();
  await page.waitForURL(/review\.html$/);
  assert.equal(await page.locator("h1").textContent(), "Review status");
  await page.locator("table a", { hasText: "Refunds" }).click();
  await page.waitForURL(/billing\/refunds\.html$/);
  await page.locator("footer.site-footer a", { hasText: "What’s new" }).click();
  await page.waitForURL(/whats-new\.html$/);
  assert.equal(await page.locator(".change-list li").count(), 4);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the Nu HTML checker finds no errors in the review fixture's site", () => {
  const errors = nuErrors([site]);
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors`);
});
