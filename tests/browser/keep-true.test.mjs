// Keeping the handbook true: callouts are accessible in light and dark and print light
// with a border; facts.html and the redirect pages are valid; an old address (an alias
// or a moved folder) lands on the page from file:// and over HTTP, keeping #section.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { axeViolations, buildBook, fileUrl, launch, nuErrors, serve, repoRoot, printToPdf, pdfInfo, pdfPageText, squash } from "./helpers.mjs";


const pages = ["security/account-changes.html", "checklists/part-security.html", "facts.html", "calming.html"];

let site, browser;

before(async () => {
  site = buildBook(path.join(repoRoot, "tests/fixtures/keep-true"));
  browser = await launch();
});

after(async () => { await browser?.close(); });


for (const scheme of ["light", "dark"]) {
  test(`callouts, cards, facts and redirect pages have no serious axe violations (${scheme})`, async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const found = [];
    for (const rel of pages) {
      // The redirect page would leave at once; check it as it is, without its script.
      if (rel === "calming.html") await page.route("**/calming.html", (route) => {
        const body = readFileSync(path.join(site, rel), "utf8").replace(/<script>.*<\/script>/, "").replace(/<meta http-equiv="refresh"[^>]*>/, "");
        return route.fulfill({ body, contentType: "text/html" });
      });
      await page.goto(fileUrl(site, rel));
      found.push(...(await axeViolations(page)).map((v) => `${rel}: ${v}`));
    }
    assert.deepEqual(found, []);
    await page.close();
  });
}

test("callouts say their kind in words and print light with a dark border", async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(fileUrl(site, "security/account-changes.html"));
  const warning = page.locator("aside.callout-warning").first();
  assert.equal(await warning.getAttribute("role"), "note");
  assert.equal((await warning.locator(".callout-title").textContent()).trim(), "Warning");
  const screen = await warning.evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(screen, "rgb(255, 255, 255)", "dark on screen");
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  const printed = await warning.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.backgroundColor, s.borderTopColor, s.borderTopStyle, s.borderLeftWidth, getComputedStyle(el.querySelector(".callout-title")).color];
  });
  assert.deepEqual(printed.slice(0, 3), ["rgb(255, 255, 255)", "rgb(0, 0, 0)", "solid"]);
  assert.ok(parseFloat(printed[3]) >= 4, `a thick left border: ${printed[3]}`);
  assert.equal(printed[4], "rgb(125, 78, 0)", "the light palette's warning colour");
  await page.close();
});

test("a desk card with a warning and a caution still prints on one page, boxes included", () => {
  for (const paper of ["A4", "letter"]) {
    const pdf = printToPdf(fileUrl(site, "checklists/part-security.html") + `#card-account-changes&paper=${paper}`);
    assert.equal(pdfInfo(pdf).pages, 1, paper);
    const text = squash(pdfPageText(pdf, 1));
    for (const words of ["Warning", "Neverpromisearefundoutside30days.", "Caution", "Neverreadafullcardnumberaloud.", "Checkidentityfirst."]) {
      assert.ok(text.includes(words), `${paper}: ${words} in ${text}`);
    }
  }
});

async function followsTo(page, url, landing) {
  await page.goto(url);
  await page.waitForURL((u) => u.href.includes(landing));
  return { url: page.url(), h1: (await page.locator("h1").textContent()).trim() };
}

test("old addresses land on the page from file://, keeping the #section", async () => {
  const page = await browser.newPage();
  let r = await followsTo(page, fileUrl(site, "stress/calming-callers.html") + "#checklist", "calm/calming-callers.html");
  assert.ok(r.url.endsWith("calm/calming-callers.html#checklist"), r.url);
  assert.equal(r.h1, "Calming callers");
  r = await followsTo(page, fileUrl(site, "security/changing-accounts.html"), "security/account-changes.html");
  assert.equal(r.h1, "Account changes");
  await page.close();
});

test("old addresses land on the page over HTTP under a sub-path, with scripts off too", async () => {
  const server = await serve(site, "handbook");
  try {
    const page = await browser.newPage();
    let r = await followsTo(page, `${server.base}calming.html#checklist`, "calm/calming-callers.html");
    assert.equal(r.url, `${server.base}calm/calming-callers.html#checklist`);
    assert.equal(r.h1, "Calming callers");
    await page.close();
    // Without the script, the meta refresh still moves on.
    const noJs = await browser.newPage();
    await noJs.route("**/stress/index.html", async (route) => {
      const body = (await (await route.fetch()).text()).replace(/<script>.*<\/script>/, "");
      assert.ok(body.includes('http-equiv="refresh"'));
      await route.fulfill({ body, contentType: "text/html" });
    });
    r = await followsTo(noJs, `${server.base}stress/index.html`, "calm/index.html");
    assert.equal(r.url, `${server.base}calm/index.html`);
    assert.equal(r.h1, "Calm");
    await noJs.close();
    // A page of the moved folder that no longer exists: the server's not-found page
    // (404.html, as a web server shows it) leads to the new folder's first page.
    const gone = await browser.newPage();
    await gone.route("**/stress/gone.html", (route) =>
      route.fulfill({ status: 404, contentType: "text/html", body: readFileSync(path.join(site, "404.html"), "utf8") }));
    r = await followsTo(gone, `${server.base}stress/gone.html`, "calm/index.html");
    assert.equal(r.url, `${server.base}calm/index.html`);
    await gone.close();
  } finally {
    await server.close();
  }
});

test("the new pages are valid HTML (Nu HTML checker)", () => {
  const errors = nuErrors([...pages.map((p) => path.join(site, p)), path.join(site, "stress/index.html"), path.join(site, "404.html")]);
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors`);
});
