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

test("agenda plans match the shared cases", () => {
  assert.ok(cases.plans.length >= 5);
  for (const c of cases.plans) {
    const start = c.start == null ? null : agenda.parseStart(c.start);
    assert.deepEqual(agenda.plan(c.minutes, start), c.agenda, c.name);
  }
});

test("start times, dates and pack ids match the shared cases", () => {
  for (const [text, want] of cases.starts) assert.equal(agenda.parseStart(text), want, text);
  for (const [text, want] of cases.dates) assert.equal(agenda.dateLabel(text), want, text);
  for (const [title, want] of cases.ids) assert.equal(agenda.packId(title), want, title);
});
