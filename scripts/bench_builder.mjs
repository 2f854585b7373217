#!/usr/bin/env node
// Measures the pack builder (packs/builder.html) on a generated corpus
// (../shared/bench/gen_corpus.py, 10,000 chapters by default), opened from file:// in
// headless Chromium:
//   - open time: navigation start until the builder is ready (index parsed, first
//     results, selection and agenda drawn), with no class and with a 50-chapter class
//     in the address; median and worst of the runs, each in a fresh tab;
//   - filter time: typing a word in the title search until the results are redrawn;
//   - print page: a 20-chapter handout from the address until it is ready to print;
//   - bytes: the index loaded up front (raw and gzipped), and the per-chapter scripts
//     (only the chosen ones are ever loaded).
// Usage: node scripts/bench_builder.mjs [--chapters 10000] [--runs 7]
// Needs the release binary (cargo build --release) and tests/browser's npm packages.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "tests/browser/package.json"));
const { chromium } = require("playwright-core");
const args = Object.fromEntries(process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)));
const CHAPTERS = Number(args.chapters || 10000), RUNS = Number(args.runs || 7);
const cache = path.join(root, "target/bench");
const bin = path.join(root, "target/release/carebook");
const kb = (n) => (n / 1024).toFixed(1) + " KB";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(bin)) throw new Error(`${bin} not found: run cargo build --release first`);
const book = path.join(cache, `corpus-${CHAPTERS}`);
if (!existsSync(path.join(book, "book.toml"))) {
  mkdirSync(cache, { recursive: true });
  execFileSync("python3", [path.join(root, "../shared/bench/gen_corpus.py"), "--chapters", String(CHAPTERS), "--out", book], { stdio: "ignore" });
}
const site = path.join(cache, `builder-site-${CHAPTERS}`);
rmSync(site, { recursive: true, force: true });
execFileSync(bin, ["build", book, "--out", site], { stdio: ["ignore", "ignore", "inherit"] });

const index = readFileSync(path.join(site, "packs/builder/index.js"));
const chapterDir = path.join(site, "packs/builder/chapters");
const chapterFiles = readdirSync(chapterDir);
const chapterBytes = chapterFiles.reduce((n, f) => n + statSync(path.join(chapterDir, f)).size, 0);
const slugs = JSON.parse(index.toString("utf8").replace(/^window\.carebookBuilderIndex = /, "").replace(/;\s*$/, "")).chapters.map((c) => c[0]);
// A class spread over the whole book, so nothing is helped by being near the top.
const pick = (n) => Array.from({ length: n }, (_, i) => slugs[Math.floor((i * slugs.length) / n)]);
const classHash = (n) => "#title=Bench+class&start=09:00&" + pick(n).map((s) => "c=" + s).join("&");
const builderUrl = pathToFileURL(path.join(site, "packs/builder.html")).href;
const printUrl = pathToFileURL(path.join(site, "packs/print.html")).href;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** Milliseconds from navigation start until `ready` matches, in a fresh tab. */
async function open(url, ready) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector(ready, { timeout: 30000 });
  const ms = await page.evaluate(() => performance.now());
  return { ms, page };
}

async function measure(label, url, ready) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { ms, page } = await open(url, ready);
    times.push(ms);
    await page.close();
  }
  console.log(`${label.padEnd(44)} median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms (${RUNS} runs)`);
  return times;
}

console.log(`pack builder at ${CHAPTERS.toLocaleString("en")} chapters (${site})`);
console.log(`index loaded up front: ${kb(index.length)} raw, ${kb(gzipSync(index, { level: 9 }).length)} gzipped (${(index.length / CHAPTERS).toFixed(0)} bytes a chapter)`);
console.log(`chapter scripts: ${chapterFiles.length} files, ${kb(chapterBytes)} in all; only the chosen ones load`);
const empty = await measure("open the builder, no class", builderUrl, "#builder.is-ready");
const full = await measure("open the builder, 50-chapter class in address", builderUrl + classHash(50), "#builder.is-ready");

// Typing a word: from the keystroke's input event until the status line changes.
const filter = [];
for (let i = 0; i < RUNS; i++) {
  const { page } = await open(builderUrl, "#builder.is-ready");
  filter.push(await page.evaluate(() => new Promise((resolve) => {
    const input = document.getElementById("filter-text");
    const status = document.getElementById("match-status");
    const before = status.textContent;
    const t0 = performance.now();
    input.value = "calm";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    if (status.textContent !== before) resolve(performance.now() - t0);
    else requestAnimationFrame(() => resolve(performance.now() - t0));
  })));
  await page.close();
}
console.log(`${"filter by a title word".padEnd(44)} median ${median(filter).toFixed(0)} ms, worst ${Math.max(...filter).toFixed(0)} ms`);
await measure("open the 20-chapter handout print page", printUrl + "#doc=handout&" + classHash(20).slice(1), "html[data-ready]");
await browser.close();

const worst = Math.max(...empty, ...full);
console.log(worst < 2000 ? `PASS: the builder opens in under 2 s (worst ${worst.toFixed(0)} ms)` : `FAIL: the builder took ${worst.toFixed(0)} ms to open`);
