// The SCORM 1.2 package in a real Chromium: unzipped and launched inside a page that
// provides a recording SCORM API, the lesson becomes "completed" once the learner has
// read every chapter (answering the knowledge checks on the way) and not before; without
// an LMS the same files work as a plain site. scorm-checks.test.mjs tests scores.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildBook, fileUrl, launch, serve, watch } from "./helpers.mjs";

let browser, server, lms;
const PACK = "calm-under-pressure";

const HOST = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<script>
  window.calls = [];
  var data = { "cmi.core.lesson_status": "not attempted", "cmi.core.lesson_location": "" };
  function record(name, args, result) { window.calls.push([name].concat(Array.prototype.slice.call(args))); return result; }
  window.API = {
    LMSInitialize: function () { return record("LMSInitialize", arguments, "true"); },
    LMSFinish: function () { return record("LMSFinish", arguments, "true"); },
    LMSGetValue: function (k) { return record("LMSGetValue", arguments, data[k] || ""); },
    LMSSetValue: function (k, v) { data[k] = v; return record("LMSSetValue", arguments, "true"); },
    LMSCommit: function () { return record("LMSCommit", arguments, "true"); },
    LMSGetLastError: function () { return "0"; },
    LMSGetErrorString: function () { return ""; },
    LMSGetDiagnostic: function () { return ""; }
  };
</script></head><body><iframe id="sco" src="pkg/scorm.html" style="width:100%;height:90vh"></iframe></body></html>`;

before(async () => {
  const site = buildBook();
  lms = mkdtempSync(path.join(tmpdir(), "carebook-lms-"));
  execFileSync("python3", ["-m", "zipfile", "-e", path.join(site, "packs", PACK, `${PACK}-scorm12.zip`), path.join(lms, "pkg")]);
  writeFileSync(path.join(lms, "host.html"), HOST);
  browser = await launch();
  server = await serve(lms, "lms");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function contentFrame(page) {
  return page.frames().find((f) => /\/pkg\/[\w.-]+\.html$/.test(f.url()) && !f.url().endsWith("scorm.html"));
}

/** Answers a chapter's knowledge check, when it has one, and checks the answers. */
async function answerCheck(frame) {
  if ((await frame.locator(".kc-form").count()) === 0) return;
  const right = frame.locator(".kc-form input[data-correct]");
  for (let i = 0; i < (await right.count()); i++) await right.nth(i).check();
  await frame.getByRole("button", { name: "Check answers" }).click();
}

test("the lesson is completed when the learner reaches the last chapter", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(server.base + "host.html");
  await page.waitForFunction(() => window.calls.some((c) => c[0] === "LMSInitialize"));
  const calls = () => page.evaluate(() => window.calls);
  assert.deepEqual((await calls()).find((c) => c[0] === "LMSSetValue"), ["LMSSetValue", "cmi.core.lesson_status", "incomplete"]);

  await page.waitForFunction(() => document.getElementById("sco").contentDocument?.getElementById("pack-content")?.contentDocument?.readyState === "complete");
  let frame = contentFrame(page);
  // Waits until the content frame shows a chapter other than `from` and has loaded it,
  // so a slow page load is never mistaken for the end of the pack.
  const arrive = async (from) => {
    for (let i = 0; i < 200; i++) {
      const f = contentFrame(page);
      if (f && f.url() !== from) {
        try {
          await f.waitForLoadState("load");
          if (await f.locator("h1").count()) return f;
        } catch { /* the frame navigated again; look once more */ }
      }
      await page.waitForTimeout(25);
    }
    throw new Error(`the pack frame never left ${from}`);
  };
  let from = frame.url();
  await frame.locator("main .agenda a").first().click();
  let steps = 0;
  for (;;) {
    frame = await arrive(from);
    from = frame.url();
    const next = frame.locator("a[rel=next]");
    if ((await next.count()) === 0) break;
    const completedEarly = (await calls()).some((c) => c[1] === "cmi.core.lesson_status" && c[2] === "completed");
    assert.equal(completedEarly, false, "not completed before the last chapter");
    await answerCheck(frame);
    await next.click();
    steps++;
  }
  assert.equal(steps, 5, "walked through the six chapters of the pack");
  await answerCheck(frame);
  await page.waitForFunction(() => window.calls.some((c) => c[1] === "cmi.core.lesson_status" && c[2] === "completed"));
  const all = await calls();
  const done = all.findIndex((c) => c[1] === "cmi.core.lesson_status" && c[2] === "completed");
  assert.ok(all.slice(done).some((c) => c[0] === "LMSCommit"), "committed after completion");
  assert.ok(all.some((c) => c[0] === "LMSSetValue" && c[1] === "cmi.core.lesson_location" && c[2] === "balance-and-support.html"), "location recorded");
  await page.goto("about:blank");
  assert.deepEqual(problems, []);
  await page.close();
});

test("without an LMS the package works as a plain site", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(fileUrl(lms, "pkg/scorm.html"));
  await page.waitForTimeout(200);
  const inner = page.frames().find((f) => f.url().endsWith("/index.html"));
  assert.ok(inner, "the launcher shows the pack");
  assert.match(await inner.locator("h1").textContent(), /Calm under pressure/);
  await page.goto(fileUrl(lms, "pkg/index.html"));
  await page.locator("main .agenda a").first().click();
  assert.equal(await page.locator("h1").textContent(), "Patience with frustrated customers");
  assert.deepEqual(problems, []);
  await page.close();
});
