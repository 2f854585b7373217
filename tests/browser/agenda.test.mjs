// The pack builder's agenda rules (themes/default/static/agenda.js) against the cases
// that src/course/agenda.rs runs too: the browser and `carebook pack` plan alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const agenda = require(path.join(repoRoot, "themes/default/static/agenda.js"));
const cases = JSON.parse(readFileSync(path.join(repoRoot, "src/course/agenda-cases.json"), "utf8"));

// The built-in table's locale words, with a case's own over them (another language, a
// 12-hour clock), as a page's carebook-strings block would give them.
const words = (c) => agenda.useWords({ ...cases.words, ...(c.strings || {}) });

test("agenda plans match the shared cases", () => {
  assert.ok(cases.plans.length >= 5);
  assert.ok(cases.plans.some((c) => c.strings && c.strings.clock === "12h"), "a 12-hour case");
  for (const c of cases.plans) {
    words(c);
    const start = c.start == null ? null : agenda.parseStart(c.start);
    assert.deepEqual(agenda.plan(c.minutes, start), c.agenda, c.name);
  }
});

test("start times, dates and pack ids match the shared cases", () => {
  for (const [text, want] of cases.starts) assert.equal(agenda.parseStart(text), want, text);
  for (const c of cases.dates) {
    words(c);
    assert.equal(agenda.dateLabel(c.date), c.label, c.date);
  }
  words({});
  for (const [title, want] of cases.ids) assert.equal(agenda.packId(title), want, title);
});
