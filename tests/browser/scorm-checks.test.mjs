// The SCORM 1.2 package of a pack with knowledge checks and `mastery = 80`
// (tests/fixtures/knowledge-checks), launched inside a page whose recording SCORM API keeps
// the learner's data across launches as a learning platform does: the score, passed and
// failed, completion only once every chapter is visited and every check answered, the
// session time and exit, and resuming where the learner left off with suspend_data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildBook, launch, repoRoot, serve, watch } from "./helpers.mjs";

let browser, server, lms, guide;
const PACK = "phone-basics";

// The platform double: `?run=` names a learner's record, kept in localStorage so a second
// launch (a reload) sees what the first one stored; `?pkg=` picks the unzipped package.
const HOST = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<script>
  var params = new URLSearchParams(location.search);
  var run = "lms:" + params.get("run");
  window.calls = [];
  var data = JSON.parse(localStorage.getItem(run) || "null") || { "cmi.core.lesson_status": "not attempted" };
  function keep() { localStorage.setItem(run, JSON.stringify(data)); }
  function record(name, args, result) { window.calls.push([name].concat(Array.prototype.slice.call(args))); return result; }
  window.API = {
    LMSInitialize: function () { return record("LMSInitialize", arguments, "true"); },
    LMSFinish: function () { keep(); return record("LMSFinish", arguments, "true"); },
    LMSGetValue: function (k) { return record("LMSGetValue", arguments, data[k] || ""); },
    LMSSetValue: function (k, v) { data[k] = v; return record("LMSSetValue", arguments, "true"); },
    LMSCommit: function () { keep(); return record("LMSCommit", arguments, "true"); },
    LMSGetLastError: function () { return "0"; },
    LMSGetErrorString: function () { return ""; },
    LMSGetDiagnostic: function () { return ""; }
  };
  window.value = function (k) { return data[k]; };
  document.addEventListener("DOMContentLoaded", function () {
    document.getElementById("sco").src = (params.get("pkg") || "pkg") + "/scorm.html";
  });
</script></head><body><iframe id="sco" title="Course" style="width:100%;height:90vh"></iframe></body></html>`;

function unzip(site, id, into) {
  execFileSync("python3", ["-m", "zipfile", "-e", path.join(site, "packs", id, `${id}-scorm12.zip`), path.join(lms, into)]);
}

before(async () => {
  const site = buildBook(path.join(repoRoot, "tests/fixtures/knowledge-checks"));
  lms = mkdtempSync(path.join(tmpdir(), "carebook-lms-"));
  unzip(site, PACK, "pkg");
  writeFileSync(path.join(lms, "host.html"), HOST);
  writeFileSync(path.join(lms, "blank.html"), "<!DOCTYPE html><title>Blank</title><link rel=\"icon\" href=\"data:,\">");
  // The handbook's largest pack, for the size of suspend_data.
  const handbook = buildBook();
  const sizes = readdirSync(path.join(handbook, "packs"), { withFileTypes: true })
    // Packs are the folders with a launch page (packs/builder/ holds the pack builder's files).
    .filter((d) => d.isDirectory() && existsSync(path.join(handbook, "packs", d.name, "scorm.html")))
    .map((d) => [d.name, /data-pages="([^"]*)"/.exec(readFileSync(path.join(handbook, "packs", d.name, "scorm.html"), "utf8"))[1].split(" ").length]);
  sizes.sort((a, b) => b[1] - a[1]);
  guide = { id: sizes[0][0], chapters: sizes[0][1] };
  unzip(handbook, guide.id, "big");
  browser = await launch();
  server = await serve(lms, "lms");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The launched pack's own page (inside scorm.html), once it shows `file`. */
async function content(page, file) {
  for (let i = 0; i < 400; i++) {
    const f = page.frames().find((fr) => fr.url().endsWith(`/${file}`) && fr.parentFrame()?.url().endsWith("/scorm.html"));
    if (f) {
      try {
        await f.waitForLoadState("load");
        if (await f.locator("h1").count()) return f;
      } catch { /* navigated again */ }
    }
    await page.waitForTimeout(25);
  }
  throw new Error(`the pack never showed ${file}`);
}

/** Opens `file` in the pack frame, as the learner's click on a link would. */
async function go(page, from, file) {
  await from.locator(`a[href="${file}"]`).first().click();
  return content(page, file);
}

/** Answers the chapter's check: `right` picks the correct options, else the wrong ones. */
async function answer(frame, right) {
  const questions = frame.locator(".kc-question");
  for (let n = 0; n < (await questions.count()); n++) {
    const q = questions.nth(n);
    const pick = q.locator(right ? "input[data-correct]" : "input:not([data-correct])");
    for (let i = 0; i < (right ? await pick.count() : 1); i++) await pick.nth(i).check();
  }
  await frame.getByRole("button", { name: "Check answers" }).click();
  await frame.locator(".kc-summary").filter({ hasText: "right." }).waitFor();
}

/** A learner whose browser has never seen the pack: no answers kept from another test. */
async function fresh(page) {
  await page.goto(server.base + "blank.html");
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("carebook-")).forEach((k) => localStorage.removeItem(k)));
}

const sets = (calls, key) => calls.filter((c) => c[0] === "LMSSetValue" && c[1] === key).map((c) => c[2]);

/** Closes the course as a platform does: the launcher's frame goes away. */
async function close(page) {
  await page.evaluate(() => { document.getElementById("sco").src = "about:blank"; });
  await page.waitForFunction(() => window.calls.some((c) => c[0] === "LMSFinish"));
}

test("score, failed then passed, and no completion by jumping to the last chapter", async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await fresh(page);
  await page.goto(server.base + "host.html?run=score");
  let home = await content(page, "index.html");
  const last = await go(page, home, "wrap-up.html");
  const calls = () => page.evaluate(() => window.calls);
  await page.waitForFunction(() => window.value("cmi.core.lesson_location") === "wrap-up.html");
  assert.equal(await page.evaluate(() => window.value("cmi.core.lesson_status")), "incomplete", "jumping to the last chapter does not complete the pack");

  home = await go(page, last, "index.html");
  const first = await go(page, home, "summing-up.html");
  await answer(first, true); // 3 of 3
  assert.equal(await page.evaluate(() => window.value("cmi.core.score.raw")), "60", "3 of the pack's 5 questions right so far");
  assert.equal(await page.evaluate(() => window.value("cmi.core.lesson_status")), "incomplete", "a check is still unanswered");
  const second = await go(page, first, "holding.html");
  await answer(second, false); // 0 of 2: 60%, under the mastery of 80
  await page.waitForFunction(() => window.value("cmi.core.lesson_status") === "failed");
  assert.equal(await page.evaluate(() => window.value("cmi.core.score.min")), "0");
  assert.equal(await page.evaluate(() => window.value("cmi.core.score.max")), "100");

  await second.getByRole("button", { name: "Try again" }).click();
  await answer(second, true);
  await page.waitForFunction(() => window.value("cmi.core.lesson_status") === "passed");
  assert.equal(await page.evaluate(() => window.value("cmi.core.score.raw")), "100");
  const all = await calls();
  assert.deepEqual(sets(all, "cmi.core.lesson_status"), ["incomplete", "failed", "passed"]);
  assert.ok(all.slice(all.findLastIndex((c) => c[2] === "passed")).some((c) => c[0] === "LMSCommit"), "committed after passing");

  await close(page);
  const end = await calls();
  const [time] = sets(end, "cmi.core.session_time");
  assert.match(time, /^\d{4}:\d{2}:\d{2}\.\d{2}$/, "CMITimespan HHHH:MM:SS.SS");
  assert.deepEqual(sets(end, "cmi.core.exit"), [""], "finished: a normal exit");
  const finish = end.findIndex((c) => c[0] === "LMSFinish");
  assert.ok(end.findIndex((c) => c[1] === "cmi.core.session_time") < finish, "session time set before LMSFinish");
  assert.deepEqual(problems, []);
  await page.close();
});

test("an unfinished session suspends, and the next launch resumes at the bookmark with its progress", async () => {
  const page = await browser.newPage();
  await fresh(page);
  await page.goto(server.base + "host.html?run=resume");
  let home = await content(page, "index.html");
  const first = await go(page, home, "summing-up.html");
  await answer(first, true);
  await go(page, first, "holding.html");
  await page.waitForFunction(() => window.value("cmi.core.lesson_location") === "holding.html");
  await close(page);
  let calls = await page.evaluate(() => window.calls);
  assert.deepEqual(sets(calls, "cmi.core.exit"), ["suspend"]);
  const suspended = await page.evaluate(() => window.value("cmi.suspend_data"));
  assert.equal(suspended, "c1:3-.", "three right in the first chapter, the second visited, the third not");

  // The learner's own browser forgets the answers: only the platform's record remains.
  await fresh(page);
  await page.goto(server.base + "host.html?run=resume");
  const resumed = await content(page, "holding.html");
  calls = await page.evaluate(() => window.calls);
  assert.ok(calls.some((c) => c[0] === "LMSGetValue" && c[1] === "cmi.suspend_data"));
  await answer(resumed, true);
  await go(page, resumed, "wrap-up.html");
  await page.waitForFunction(() => window.value("cmi.core.lesson_status") === "passed");
  assert.equal(await page.evaluate(() => window.value("cmi.core.score.raw")), "100", "the first chapter's score came back from suspend_data");
  await close(page);
  calls = await page.evaluate(() => window.calls);
  assert.deepEqual(sets(calls, "cmi.core.exit"), [""]);
  await page.close();
});

test("suspend_data of the handbook's largest pack stays under 4,096 characters", async () => {
  const page = await browser.newPage();
  await page.goto(server.base + "host.html?run=big&pkg=big");
  const home = await content(page, "index.html");
  const questions = await page.frames().find((f) => f.url().endsWith("/big/scorm.html"))
    .locator("#pack-content").getAttribute("data-questions");
  const first = await home.locator("main .agenda a").first().getAttribute("href");
  await go(page, home, first);
  await page.waitForFunction(() => window.value("cmi.suspend_data"));
  // The longest it can be: every chapter visited and every question right.
  const worst = "c1:" + questions.split(" ").map((q) => (Number(q) < 36 ? Number(q).toString(36) : `(${q})`)).join("");
  const data = await page.evaluate(() => window.value("cmi.suspend_data"));
  assert.equal(data.length, worst.length, "one character per chapter");
  assert.equal(questions.split(" ").length, guide.chapters);
  assert.ok(worst.length < 4096, `${guide.id}: ${worst.length} characters`);
  await page.close();
});
