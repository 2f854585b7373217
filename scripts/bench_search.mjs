#!/usr/bin/env node
// Measures every search target of issue 4 on generated corpora (../shared/bench/gen_corpus.py):
//   - index bytes per chapter, raw and gzipped, at 1,000 chapters (core + postings;
//     chapter titles/links/summaries reported apart; section text for excerpts excluded),
//   - at 10,000 chapters: bytes (gzipped) loaded before the first result, query p95 for
//     exact/prefix and for typo queries in headless Chromium, index load time from disk,
//   - search JS size gzipped,
//   - index build overhead: 10,000-chapter builds with search on and off (median of runs).
// Usage: node scripts/bench_search.mjs [--runs 5] [--queries 60]
// Needs the release binary (cargo build --release) and tests/browser's npm packages.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync, cpSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "tests/browser/package.json"));
const { chromium } = require("playwright-core");
const args = Object.fromEntries(process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)));
const RUNS = Number(args.runs || 5), QUERIES = Number(args.queries || 60);
const cache = path.join(root, "target/bench");
const bin = path.join(root, "target/release/carebook");
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + " KB";

function corpus(n) {
  const dir = path.join(cache, `corpus-${n}`);
  if (!existsSync(path.join(dir, "book.toml"))) {
    mkdirSync(cache, { recursive: true });
    execFileSync("python3", [path.join(root, "../shared/bench/gen_corpus.py"), "--chapters", String(n), "--out", dir], { stdio: "ignore" });
  }
  return dir;
}

/** Builds with GNU time around carebook: wall seconds, CPU seconds (user + system). */
function build(book, out) {
  rmSync(out, { recursive: true, force: true });
  const run = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S", bin, "build", book, "--out", out, "--timings"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`carebook build ${book} failed:\n${run.stderr}`);
  const [wall, user, sys] = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(run.stderr).slice(1).map(Number);
  return { seconds: wall, cpu: user + sys, timings: run.stdout + run.stderr };
}

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p)); else out.push(p);
  }
  return out;
}

/** The JSON argument of a carebookSearch.add(key, ...) script. */
function payload(file) {
  const text = readFileSync(file, "utf8");
  return JSON.parse(text.slice(text.indexOf(",") + 1, text.lastIndexOf(");")));
}

function indexSizes(site, n) {
  const all = files(path.join(site, "search"));
  const index = all.filter((f) => /\/(core|p\d+)-[0-9a-f]+\.js$/.test(f));
  const raw = index.reduce((s, f) => s + statSync(f).size, 0);
  const zipped = index.reduce((s, f) => s + gz(readFileSync(f)), 0);
  const records = all.filter((f) => /\/r-[0-9a-f]+\//.test(f)).flatMap(payload);
  const meta = Buffer.from(JSON.stringify(records.map((r) => [r.u, r.t, r.p, r.s])));
  const text = Buffer.from(JSON.stringify(records.map((r) => r.x)));
  return { n, raw, zipped, metaRaw: meta.length, metaGz: gz(meta), textRaw: text.length, textGz: gz(text), files: index.length };
}

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
function p95(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; }

/** Query words from the corpus's titles: real words people would type. */
function queryWords(site) {
  const core = payload(files(path.join(site, "search")).find((f) => /\/core-/.test(f)));
  const words = new Set();
  for (const f of files(path.join(site, "search")).filter((f) => /\/r-/.test(f)).slice(0, 40)) {
    for (const r of payload(f)) for (const w of r.t.toLowerCase().match(/[a-z]{4,}/g) || []) words.add(w);
  }
  const list = [...words];
  const pick = (i) => list[(i * 7919) % list.length];
  const exact = [], prefix = [], typo = [];
  for (let i = 0; i < QUERIES; i++) {
    const a = pick(i), b = pick(i + 1);
    exact.push(i % 2 ? a : `${a} ${b}`);
    prefix.push(a.slice(0, 4));
    const k = 1 + (i % (a.length - 2));
    typo.push(a.slice(0, k) + a.slice(k + 1)); // one letter dropped
  }
  return { exact, prefix, typo, terms: core.terms.split("\n").length };
}

async function browserNumbers(site) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  const url = pathToFileURL(path.join(site, "index.html")).href;
  const qs = queryWords(site);

  // Cold loads: bytes of every script the first result needed, and core load time.
  const loads = [], firstBytes = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(url + "?run=" + i);
    // From the first focus: search.js loads, then the core index is read and decoded.
    await page.evaluate(() => { window.benchStart = performance.now(); document.getElementById("search-input").focus(); });
    await page.waitForFunction(() => window.carebookSearch && window.carebookSearch.open);
    loads.push(await page.evaluate(async () => { await carebookSearch.open(); return performance.now() - window.benchStart; }));
    await page.evaluate(async (q) => { const r = await carebookSearch.query(q, {}); await Promise.all(r.docs.slice(0, 10).map((d) => carebookSearch.describe(d, r.terms))); }, qs.exact[i]);
    const srcs = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
    firstBytes.push(srcs.reduce((s, src) => s + gz(readFileSync(fileURLToPath(src))), 0));
  }

  // Warm query times: every query once to load its shards, then timed runs.
  const timed = async (list) => page.evaluate(async ({ list, reps }) => {
    for (const q of list) await carebookSearch.query(q, {});
    const times = [];
    for (let r = 0; r < reps; r++) for (const q of list) {
      const t = performance.now();
      await carebookSearch.query(q, {});
      times.push(performance.now() - t);
    }
    return times;
  }, { list, reps: 5 });
  const exact = await timed(qs.exact), prefix = await timed(qs.prefix), typo = await timed(qs.typo);
  const typoUsed = await page.evaluate(async (list) => {
    let n = 0;
    for (const q of list) if ((await carebookSearch.query(q, {})).typos) n++;
    return n;
  }, qs.typo);
  await browser.close();
  return { loads, firstBytes, exact, prefix, typo, typoUsed, typoQueries: qs.typo.length, terms: qs.terms };
}

function buildOverhead(book) {
  const off = path.join(cache, "corpus-10000-nosearch");
  if (!existsSync(path.join(off, "book.toml"))) {
    mkdirSync(off, { recursive: true });
    cpSync(path.join(book, "guide"), path.join(off, "guide"), { recursive: true });
  }
  writeFileSync(path.join(off, "book.toml"), readFileSync(path.join(book, "book.toml"), "utf8") + "\n[search]\nenable = false\n");
  const on = [], offT = [], onCpu = [], offCpu = [], stage = [];
  for (let i = 0; i < RUNS; i++) {
    const a = build(book, path.join(cache, "out-on"));
    on.push(a.seconds);
    onCpu.push(a.cpu);
    stage.push(Number((/search\s+([\d.]+) ms/.exec(a.timings) || [0, 0])[1]) / 1000);
    const b = build(off, path.join(cache, "out-off"));
    offT.push(b.seconds);
    offCpu.push(b.cpu);
  }
  return { on: median(on), off: median(offT), onCpu: median(onCpu), offCpu: median(offCpu), stage: median(stage) };
}

function main() {
  if (!existsSync(bin)) throw new Error("build the release binary first: cargo build --release");
  const c1k = corpus(1000), c10k = corpus(10000);
  build(c1k, path.join(cache, "out-1k"));
  const s1 = indexSizes(path.join(cache, "out-1k"), 1000);
  build(c10k, path.join(cache, "out-on"));
  const s10 = indexSizes(path.join(cache, "out-on"), 10000);
  const js = ["search.js", "search-loader.js"].map((f) => readFileSync(path.join(root, "themes/default/static", f)));
  return browserNumbers(path.join(cache, "out-on")).then((b) => {
    const o = buildOverhead(c10k);
    const per = (s, k) => (s[k] / s.n).toFixed(0) + " B";
    const ms = (x) => x.toFixed(2) + " ms";
    const rows = [
      ["index bytes/chapter raw, 1k (core+postings)", per(s1, "raw"), "<= 1200 B"],
      ["index bytes/chapter gzip, 1k (core+postings)", per(s1, "zipped"), "<= 500 B"],
      ["  + chapter table (link/title/part/summary) raw", per(s1, "metaRaw"), "(reported apart)"],
      ["  + chapter table gzip", per(s1, "metaGz"), ""],
      ["  excerpt text raw / gzip (excluded)", `${per(s1, "textRaw")} / ${per(s1, "textGz")}`, ""],
      ["index total 1k raw (core+postings)", kb(s1.raw), "<= 1.3 MB"],
      ["index bytes/chapter raw / gzip, 10k", `${per(s10, "raw")} / ${per(s10, "zipped")}`, `${s10.files} files`],
      ["10k: bytes before first result, gzip (max of runs)", kb(Math.max(...b.firstBytes)), "<= 250 KB"],
      ["10k: query p95 exact", ms(p95(b.exact)), "<= 16 ms"],
      ["10k: query p95 prefix", ms(p95(b.prefix)), "<= 16 ms"],
      ["10k: query p95 typo", ms(p95(b.typo)), `<= 30 ms (${b.typoUsed}/${b.typoQueries} used typo matching)`],
      ["10k: index load from disk (max of runs)", ms(Math.max(...b.loads)), "<= 250 ms"],
      ["search JS gzip (search.js + loader)", `${kb(gz(js[0]))} + ${kb(gz(js[1]))}`, "<= 10 KB"],
      ["10k build with / without search (median)", `${o.on.toFixed(2)} s / ${o.off.toFixed(2)} s`, ""],
      ["10k build CPU with / without search (median)", `${o.onCpu.toFixed(2)} s / ${o.offCpu.toFixed(2)} s`, ""],
      ["10k index build overhead, wall", `${(((o.on - o.off) / o.off) * 100).toFixed(1)} % (search stage ${o.stage.toFixed(2)} s)`, "<= 20 %"],
      ["10k index build overhead, CPU", `${(((o.onCpu - o.offCpu) / o.offCpu) * 100).toFixed(1)} %`, "<= 20 %"],
    ];
    for (const [k, v, t] of rows) console.log(`${k.padEnd(52)} ${v.padStart(22)}  ${t}`);
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
