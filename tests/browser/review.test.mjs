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
import { createRequire } from "node:module";
import path from "node:path";
import { fileUrl, launch, repoRoot, watch } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const vnuJar = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");
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

async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}`));
}

for (const scheme of ["light", "dark"]) {
  test(`no serious axe violations on the review pages (${scheme})`, async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const found = [];
    for (const rel of pages) {
      await page.goto(fileUrl(site, rel));
      found.push(...(await axeViolations(page)).map((v) => `${rel}: ${v}`));
    }
    assert.deepEqual(found, []);
    await page.close();
  });
}

test("the overdue notice is shown and the footer leads to the report and back", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(site, "billing/refunds.html"));
  const notice = page.locator(".review-notice");
  assert.match(await notice.textContent(), /due for review on 2025-08-31\. Check with Billing team/);
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
  let out = "";
  try {
    execFileSync("java", ["-jar", vnuJar, "--errors-only", "--skip-non-html", "--format", "text", site],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = `${e.stdout || ""}${e.stderr || ""}` || String(e);
  }
  const errors = out.split("\n").filter((l) => /Error:|error:/i.test(l));
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors`);
});
