// Page titles over the whole shipped handbook: every page's <title> should be unique, so
// tabs, bookmarks, history and screen readers can tell pages apart. Desk card pages are
// checked on their own as well, since they were the first to collide. Each language's
// site (es/) is a site of its own: a page and its translation may share a title (an
// untranslated pack's handout has its English title in both), and are told apart by
// their language, as hreflang says.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildBook } from "./helpers.mjs";

let site;
const titles = new Map();
/** A page's path within its language's site, and that site's folder ("" or "es"). */
let inSite = (rel) => ({ lang: "", rel });
before(() => {
  site = buildBook();
  const languages = readdirSync(site).filter((d) => existsSync(path.join(site, d, "assets/carebook.css")));
  assert.ok(languages.includes("es"), "the shipped handbook has its Spanish site");
  inSite = (rel) => {
    const [first, ...rest] = rel.split("/");
    return languages.includes(first) ? { lang: first, rel: rest.join("/") } : { lang: "", rel };
  };
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) walk(file);
    else if (e.name.endsWith(".html")) {
      const title = /<title>([^<]*)<\/title>/.exec(readFileSync(file, "utf8"))?.[1] ?? "";
      const rel = path.relative(site, file).split(path.sep).join("/");
      const key = `${inSite(rel).lang}\u0000${title}`;
      titles.set(key, [...(titles.get(key) || []), rel]);
    }
  });
  walk(site);
});

const isCardPage = (page) => {
  const { rel } = inSite(page);
  return rel.startsWith("checklists/") || /^packs\/[^/]+\/cards\.html$/.test(rel);
};
const shared = (which = () => true) => Array.from(titles)
  .filter(([, pages]) => pages.length > 1 && pages.some(which))
  .map(([key, pages]) => `${key.split("\u0000")[1]}: ${pages.join(", ")}`);

test("no desk card page shares its title with another page", () => {
  assert.ok(Array.from(titles.values()).flat().filter(isCardPage).length > 30, "the card pages were found");
  assert.deepEqual(shared(isCardPage), []);
});

test("no two pages of the site share a title", () => {
  assert.deepEqual(shared(), []);
});
