// Page titles over the whole shipped handbook: every page's <title> should be unique, so
// tabs, bookmarks, history and screen readers can tell pages apart. Desk card pages are
// checked on their own as well, since they were the first to collide.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildBook } from "./helpers.mjs";

let site;
const titles = new Map();
before(() => {
  site = buildBook();
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) walk(file);
    else if (e.name.endsWith(".html")) {
      const title = /<title>([^<]*)<\/title>/.exec(readFileSync(file, "utf8"))?.[1] ?? "";
      const rel = path.relative(site, file).split(path.sep).join("/");
      titles.set(title, [...(titles.get(title) || []), rel]);
    }
  });
  walk(site);
});

const isCardPage = (rel) => rel.startsWith("checklists/") || /^packs\/[^/]+\/cards\.html$/.test(rel);
const shared = (which = () => true) => Array.from(titles)
  .filter(([, pages]) => pages.length > 1 && pages.some(which))
  .map(([t, pages]) => `${t}: ${pages.join(", ")}`);

test("no desk card page shares its title with another page", () => {
  assert.ok(Array.from(titles.values()).flat().filter(isCardPage).length > 30, "the card pages were found");
  assert.deepEqual(shared(isCardPage), []);
});

test("no two pages of the site share a title", () => {
  assert.deepEqual(shared(), []);
});
