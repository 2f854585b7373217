// Shared helpers for the browser tests: build a book with the real carebook binary,
// start Debian's Chromium with a fresh profile, and serve a folder over loopback HTTP.
import { execFileSync } from "node:child_process";
import { mkdtempSync, existsSync, createReadStream, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import http from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = process.env.CAREBOOK_BIN || path.join(repoRoot, "target/debug/carebook");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

/** Builds the book in `bookDir` into a new temporary folder and returns the site path. */
/** Builds `bookDir` into a fresh folder; `env` adds CAREBOOK_* setting overrides. */
export function buildBook(bookDir = repoRoot, env = {}) {
  if (!existsSync(bin)) throw new Error(`carebook binary not found at ${bin}; run cargo build first`);
  const out = path.join(mkdtempSync(path.join(tmpdir(), "carebook-site-")), "site");
  execFileSync(bin, ["build", bookDir, "--out", out], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env } });
  return out;
}

export function fileUrl(site, page) {
  return pathToFileURL(path.join(site, page)).href;
}

/** Chromium with the flags this machine needs and a fresh user-data-dir. */
export async function launch(options = {}) {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}; scripts/test.sh installs it`);
  const profile = mkdtempSync(path.join(tmpdir(), "carebook-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  return context;
}

/** Records console errors, page errors and failed requests, to assert none happened. */
export function watch(page) {
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return problems;
}

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".xml": "application/xml", ".zip": "application/zip" };

/** Serves `dir` under the URL prefix `/prefix/` on a free loopback port. */
export function serve(dir, prefix = "handbook") {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!url.startsWith(`/${prefix}/`)) { res.writeHead(404); res.end(); return; }
    const file = path.join(dir, url.slice(prefix.length + 2));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end("not found"); return; }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    resolve({ base: `http://127.0.0.1:${port}/${prefix}/`, close: () => new Promise((r) => server.close(r)) });
  }));
}

/** Types `q` into the search box and returns the result titles once they are shown. */
export async function searchTitles(page, q) {
  await page.locator("#search-input").fill(q);
  await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(q), q, { timeout: 20000 });
  return page.locator("#search-results .search-title").allTextContents();
}

/** Prints `url` to a PDF with Chromium's own `--print-to-pdf`, as a user's print would. */
export function printToPdf(url) {
  const dir = mkdtempSync(path.join(tmpdir(), "carebook-print-"));
  const pdf = path.join(dir, "out.pdf");
  execFileSync(chromiumPath, [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", `--user-data-dir=${path.join(dir, "profile")}`,
    "--no-pdf-header-footer", "--virtual-time-budget=2000", `--print-to-pdf=${pdf}`, url,
  ], { stdio: "ignore", timeout: 60000 });
  return pdf;
}

/** Page count and size of a PDF, from poppler's pdfinfo. */
export function pdfInfo(pdf) {
  const text = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(text)[1]);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text);
  return { pages, width: Number(w), height: Number(h) };
}

/** The text of one PDF page (1-based), whitespace folded. */
export function pdfPageText(pdf, page) {
  const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-raw", pdf, "-"], { encoding: "utf8" });
  // The page number sits in the bottom margin but comes first in the text stream.
  return text.replace(/\s+/g, " ").trim().replace(/^\d+ \/ \d+ /, "");
}

export const fold = (s) => s.replace(/\s+/g, " ").trim();

/** Text with all white space removed: PDF text breaks lines (and hyphenated words) anywhere. */
export const squash = (s) => s.replace(/\s+/g, "");

// The accessibility and markup checkers, npm packages installed by scripts/test.sh.
const requireHere = createRequire(import.meta.url);
const axePath = requireHere.resolve("axe-core/axe.min.js");
const vnuJar = path.join(path.dirname(requireHere.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");

/** Serious and critical axe violations on the open page, as "rule (impact): target" lines. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}`));
}

/** The Nu HTML checker's errors for these files or folders (the HTML files in them). */
export function nuErrors(targets) {
  let out = "";
  try {
    execFileSync("java", ["-jar", vnuJar, "--errors-only", "--skip-non-html", "--format", "text", ...targets],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = `${e.stdout || ""}${e.stderr || ""}` || String(e);
  }
  return out.split("\n").filter((l) => /Error:|error:/i.test(l));
}

/** Serious axe violations on each of `pages` of `site` in one colour scheme, each line
 *  prefixed with its page. */
export async function axeOnPages(browser, site, pages, scheme) {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const found = [];
  for (const rel of pages) {
    await page.goto(fileUrl(site, rel));
    found.push(...(await axeViolations(page)).map((v) => `${rel}: ${v}`));
  }
  await page.close();
  return found;
}
