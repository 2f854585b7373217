// Splits the snowball-stemmers npm package (JavaScript generated from the Snowball
// sources, one file for every language) into one classic script per language under
// themes/default/static/stemmers/, so a site loads only its own language's stemmer.
// The generated code is copied as it is, never edited, as fragments: runtime.js (Among,
// SnowballProgram, SnowballStemmer, the class helpers), kept once, and per language its
// stemmer class with the line that registers window.carebookStemmers[code]. carebook
// puts runtime.js and one language's file in one function (src/search/mod.rs,
// language_script), so a site still loads a single script.
//
//   npm install --prefix /tmp/ss snowball-stemmers@0.6.0
//   node scripts/vendor-stemmers.mjs /tmp/ss/node_modules/snowball-stemmers
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = process.argv[2];
if (!pkgDir) throw new Error("usage: node scripts/vendor-stemmers.mjs <snowball-stemmers package folder>");
const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
const lines = readFileSync(path.join(pkgDir, "snowball-stemmers.js"), "utf8").split("\n");
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "../themes/default/static/stemmers");

// The languages carebook stems (src/language/tokenize.rs), by Snowball name.
const LANGS = { ar: "arabic", da: "danish", de: "german", es: "spanish", fi: "finnish", fr: "french",
  hu: "hungarian", it: "italian", nl: "dutch", no: "norwegian", pt: "portuguese", ro: "romanian",
  ru: "russian", sv: "swedish", ta: "tamil", tr: "turkish" };

const classStart = (name) => lines.findIndex((l) => l.startsWith(`    var ${name}Stemmer = function (`));
const runtimeStart = lines.findIndex((l) => l.startsWith("    function _possibleConstructorReturn"));
if (runtimeStart < 0 || classStart("arabic") < 0) throw new Error("unexpected layout of snowball-stemmers.js");
const sharedEnd = lines.findIndex((l) => l.startsWith("    var arabicStemmer = function ("));
const runtime = [lines[0], ...lines.slice(runtimeStart, sharedEnd)].join("\n");
const header = (what) => `/* Snowball ${what}: JavaScript generated from the Snowball algorithms, from the
   ${pkg.name} package ${pkg.version} (${pkg.license}; see LICENSE beside this file), split out
   by scripts/vendor-stemmers.mjs. Do not edit: re-run that script. A fragment:
   carebook puts runtime.js and one language's file in one function (see
   src/search/mod.rs, language_script). */
`;
writeFileSync(path.join(out, "runtime.js"), header("stemmers' runtime (Among, BaseStemmer, the class helpers)") + runtime + "\n");

for (const [code, name] of Object.entries(LANGS)) {
  const start = classStart(name);
  const end = lines.findIndex((l, i) => i > start && l === `    }(SnowballStemmer);`);
  if (start < 0 || end < 0) throw new Error(`no ${name} stemmer in the package`);
  const body = lines.slice(start, end + 1).join("\n");
  writeFileSync(path.join(out, `${code}.js`), `${header(`${name} stemmer`)}${body}

    var stemmer = new ${name}Stemmer();
    (window.carebookStemmers = window.carebookStemmers || {})[${JSON.stringify(code)}] = function (word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    };
`);
}
console.log(`wrote runtime.js and ${Object.keys(LANGS).length} stemmers to ${out}`);
