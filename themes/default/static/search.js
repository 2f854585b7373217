/* carebook search. A classic script (no modules, no fetch): the index files under
   search/ are scripts too, so search works from file:// as well as from a server.
   The index format is described in docs/search-index.md; the tokenizer follows the
   same specification as src/language/tokenize.rs. */
(function () {
  "use strict";
  // The interface's words come from the page (strings.toml, rendered into the
  // carebook-strings block with the keys this script reads), never from here.
  var S = {};
  try { S = JSON.parse(document.getElementById("carebook-strings").textContent); } catch (e) { /* no block: keys show */ }
  function ui(key, values) {
    return (S[key] == null ? key : String(S[key])).replace(/\{(\w+)\}/g, function (m, name) { return values && name in values ? values[name] : m; });
  }
  /** A whole number with its thousands grouped as the language writes them ("12,500"). */
  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ui("number_group"));
  }
  function uiCount(key, n, values) {
    var v = { n: number(n) };
    for (var k in values) v[k] = values[k];
    return ui(key + (n === 1 ? "_one" : "_other"), v);
  }
  var api = window.carebookSearch = window.carebookSearch || {};
  if (api.query) return;

  /* ---------- tokenizer ---------- */
  // The rules follow src/language/tokenize.rs (its comment is the specification). The
  // page's language picks them: English's are built in; another language's stemmer,
  // stop words and kept letters come from the script the loader ran before this one
  // (assets/search-<code>.js), as window.carebookStemmers / carebookLanguages.
  var STOP_EN = {};
  ("a an and are as at be but by for from has have he her his i if in into is it its of on or our she so " +
   "that the their them then there they this to was we were will with you your").split(" ").forEach(function (w) { STOP_EN[w] = 1; });
  var WORD = /[\p{Alphabetic}\p{N}]+/gu, WORD_OTHER = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
  var RAW_WORD = /[\p{Alphabetic}\p{N}\p{M}'’‘ʼ]+/gu, MARK = /\p{M}/u;
  // Han, Hiragana, Katakana: runs of them are cut into overlapping pairs.
  var HAN_KANA = "\u3005\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}\u{30000}-\u{3134f}";
  var CJK = new RegExp("[" + HAN_KANA + "]", "u"), CJK_PARTS = new RegExp("[" + HAN_KANA + "]+|[^" + HAN_KANA + "]+", "gu");
  function cut(ws) {
    var out = [];
    ws.forEach(function (w) {
      if (!CJK.test(w)) { out.push(w); return; }
      w.match(CJK_PARTS).forEach(function (part) {
        if (!CJK.test(part)) { out.push(part); return; }
        var cs = Array.from(part);
        if (cs.length === 1) out.push(part);
        for (var i = 0; i + 1 < cs.length; i++) out.push(cs[i] + cs[i + 1]);
      });
    });
    return out;
  }
  function foldEn(s) {
    var d = s.normalize("NFKD");
    if (!/[\u3099\u309a]/.test(d)) return d.replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss").replace(/['’‘ʼ]/g, "");
    // Kana voicing marks are composed back onto the kana before them (が stays が).
    var out = [];
    for (var c of d) {
      if (c === "\u3099" || c === "\u309a") {
        var k = out.length ? (out[out.length - 1] + c).normalize("NFC") : "";
        if (k && Array.from(k).length === 1) out[out.length - 1] = k;
      } else if (!MARK.test(c)) out.push(c);
    }
    return out.join("").toLowerCase().replace(/ß/g, "ss").replace(/['’‘ʼ]/g, "");
  }
  // The tokenizer for a base language code ("en", "es", "ja").
  function tokenizer(lang) {
    if (!lang || lang === "en") {
      var termEn = function (w) {
        if (STOP_EN[w] === 1 || Array.from(w).length > 40) return null;
        return /^[a-z]+$/.test(w) ? stem(w) : w;
      };
      return make(foldEn, function (s) { return cut(s.match(WORD) || []); }, termEn);
    }
    var rules = (window.carebookLanguages || {})[lang] || { keep: "", stop: [] };
    var snowball = (window.carebookStemmers || {})[lang] || null, stop = {};
    rules.stop.forEach(function (w) { stop[w] = 1; });
    function prepare(s) {
      s = s.normalize("NFKC");
      if (lang === "tr") s = s.replace(/I/g, "ı").replace(/İ/g, "i");
      return s.toLowerCase().replace(/['’‘ʼ]/g, " ");
    }
    function foldWord(w) {
      var out = "";
      for (var c of w) {
        if (c.charCodeAt(0) < 128 || rules.keep.indexOf(c) >= 0) { out += c; continue; }
        if (c === "ß") { out += "ss"; continue; }
        var base = -1;
        for (var d of c.normalize("NFKD")) {
          var mark = MARK.test(d);
          if (!(mark && base >= 0 && (base < 0x530 || (base >= 0x1e00 && base < 0x2000)))) out += d;
          if (!mark) base = d.codePointAt(0);
        }
      }
      return out;
    }
    function termOther(w) {
      if (Array.from(w).length > 40) return null;
      if (CJK.test(w)) return w;
      var f = foldWord(w);
      if (stop[f] === 1) return null;
      return snowball && /^[\u0000-\u1fff]+$/.test(w) && !/\p{N}/u.test(w) ? foldWord(snowball(w)) : f;
    }
    var t = make(prepare, function (s) { return cut(s.match(WORD_OTHER) || []); }, termOther);
    if (snowball) t.fold = foldWord;
    return t;
  }
  function make(prepare, split, term) {
    return {
      prepare: prepare, term: term, fold: null,
      words: function (text) { return split(prepare(text)); },
      tokenize: function (text) {
        var out = [];
        split(prepare(text)).forEach(function (w) { var t = term(w); if (t !== null) out.push(t); });
        return out;
      }
    };
  }
  var searchBox0 = document.querySelector(".search");
  var T = tokenizer(searchBox0 && searchBox0.getAttribute("data-lang"));
  var term = T.term, words = T.words, tokenize = T.tokenize;

  /* ---------- Snowball English (Porter2) stemmer, as in rust-stemmers ---------- */
  var EXC1 = { skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes" };
  var EXC2 = /^(inning|outing|canning|herring|earring|proceed|exceed|succeed)$/;
  var STEP2 = [["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
    ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ation", "ate"], ["alism", "al"],
    ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["enci", "ence"], ["anci", "ance"],
    ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"], ["ogi", "og"], ["li", ""]];
  var STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
    ["ative", ""], ["ical", "ic"], ["ness", ""], ["ful", ""]];
  var STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive",
    "ize", "ion", "al", "er", "ic"];
  function isV(c) { return c !== undefined && "aeiouy".indexOf(c) >= 0; }
  function afterVN(w, i) {
    while (i < w.length && !isV(w[i])) i++;
    i++;
    while (i < w.length && isV(w[i])) i++;
    return Math.min(i + 1, w.length);
  }
  function shortV(w) {
    var n = w.length;
    return (n >= 3 && "aeiouywxY".indexOf(w[n - 1]) < 0 && isV(w[n - 2]) && !isV(w[n - 3])) ||
      (n === 2 && isV(w[0]) && !isV(w[1]));
  }
  function longest(w, list) {
    for (var i = 0; i < list.length; i++) {
      var s = typeof list[i] === "string" ? list[i] : list[i][0];
      if (w.length >= s.length && w.slice(-s.length) === s) return list[i];
    }
    return null;
  }
  function stem(w) {
    if (w.length < 3) return w;
    if (EXC1.hasOwnProperty(w)) return EXC1[w];
    w = w.replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y");
    var m = /^(gener|commun|arsen)/.exec(w);
    var p1 = m ? m[0].length : afterVN(w, 0), p2 = afterVN(w, p1);
    w = step1a(w);
    if (!EXC2.test(w)) w = step5(step4(step3(step2(step1c(step1b(w, p1)), p1), p1, p2), p2), p1, p2);
    return w.replace(/Y/g, "y");
  }
  function step1a(w) {
    if (/sses$/.test(w)) return w.slice(0, -2);
    if (/ie[ds]$/.test(w)) return w.slice(0, -3) + (w.length > 4 ? "i" : "ie");
    if (/(ss|us)$/.test(w)) return w;
    if (/s$/.test(w) && /[aeiouy]/.test(w.slice(0, -2))) return w.slice(0, -1);
    return w;
  }
  function step1b(w, p1) {
    var m = /(eedly|eed)$/.exec(w);
    if (m) return m.index >= p1 ? w.slice(0, m.index) + "ee" : w;
    m = /(ingly|edly|ing|ed)$/.exec(w);
    if (!m || !/[aeiouy]/.test(w.slice(0, m.index))) return w;
    w = w.slice(0, m.index);
    if (/(at|bl|iz)$/.test(w)) return w + "e";
    if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) return w.slice(0, -1);
    return w.length === p1 && shortV(w) ? w + "e" : w;
  }
  function step1c(w) {
    var n = w.length;
    return n > 2 && /[yY]$/.test(w) && !isV(w[n - 2]) ? w.slice(0, -1) + "i" : w;
  }
  function step2(w, p1) {
    var r = longest(w, STEP2);
    if (!r) return w;
    var at = w.length - r[0].length, before = w[at - 1];
    if (at < p1) return w;
    if (r[0] === "ogi" && before !== "l") return w;
    if (r[0] === "li" && "cdeghkmnrt".indexOf(before) < 0) return w;
    return w.slice(0, at) + r[1];
  }
  function step3(w, p1, p2) {
    var r = longest(w, STEP3);
    if (!r) return w;
    var at = w.length - r[0].length;
    if (at < p1 || (r[0] === "ative" && at < p2)) return w;
    return w.slice(0, at) + r[1];
  }
  function step4(w, p2) {
    var s = longest(w, STEP4);
    if (!s) return w;
    var at = w.length - s.length;
    if (at < p2 || (s === "ion" && "st".indexOf(w[at - 1] || "x") < 0)) return w;
    return w.slice(0, at);
  }
  function step5(w, p1, p2) {
    var n = w.length, last = w[n - 1];
    if (last === "e" && (n - 1 >= p2 || (n - 1 >= p1 && !shortV(w.slice(0, -1))))) return w.slice(0, -1);
    if (last === "l" && n - 1 >= p2 && w[n - 2] === "l") return w.slice(0, -1);
    return w;
  }

  /* ---------- loading index files (classic scripts calling carebookSearch.add) ---------- */
  var loaded = {}, waiting = {};
  api.add = function (key, data) { loaded[key] = data; };
  function load(key, url) {
    if (loaded.hasOwnProperty(key)) return Promise.resolve(loaded[key]);
    if (!waiting[key]) {
      waiting[key] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = url;
        s.onload = function () { loaded.hasOwnProperty(key) ? resolve(loaded[key]) : reject(new Error(url)); };
        s.onerror = function () { delete waiting[key]; reject(new Error("cannot load " + url)); };
        document.head.appendChild(s);
      });
    }
    return waiting[key];
  }

  /* ---------- the index ---------- */
  var D = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", DV = new Int8Array(128);
  for (var di = 0; di < 64; di++) DV[D.charCodeAt(di)] = di;
  function Reader(s, pos) { this.s = s; this.pos = pos || 0; }
  Reader.prototype.vlq = function () {
    var n = 0, shift = 0, d;
    do { d = DV[this.s.charCodeAt(this.pos++)]; n += (d & 31) * Math.pow(2, shift); shift += 5; } while (d & 32);
    return n;
  };
  function Index(core, base) {
    var i, t = [], prev = "";
    core.terms.split("\n").forEach(function (line) {
      if (!line) return;
      prev = prev.slice(0, DV[line.charCodeAt(0)]) + line.slice(1);
      t.push(prev);
    });
    this.core = core; this.base = base; this.terms = t; this.cache = new Map();
    this.masks = core.masks.map(function (hex) {
      var on = [];
      for (var b = 0; b < hex.length * 4; b++) {
        if (parseInt(hex[hex.length - 1 - (b >> 2)], 16) & (1 << (b & 3))) on.push(b);
      }
      return on;
    });
    var r = new Reader(core.docs), n = 0, lens = [], mask = [];
    while (r.pos < core.docs.length) { lens.push(Math.exp(DV[core.docs.charCodeAt(r.pos++)] / 7) - 1); mask.push(r.vlq()); n++; }
    this.n = n; this.lens = lens; this.docMask = mask;
    this.shards = core.postings !== null ? [[0, null]] : core.shards;
    this.offsets = [];
    if (core.postings !== null) loaded.p0 = core.postings;
    for (i = 0; i < this.shards.length; i++) this.offsets.push(null);
  }
  Index.prototype.find = function (word) {
    var lo = 0, hi = this.terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (this.terms[mid] < word) lo = mid + 1; else hi = mid; }
    return lo;
  };
  Index.prototype.shardOf = function (ti) {
    var k = this.shards.length - 1;
    while (k > 0 && this.shards[k][0] > ti) k--;
    return k;
  };
  Index.prototype.need = function (tis) {
    var self = this, want = {};
    tis.forEach(function (ti) { want[self.shardOf(ti)] = 1; });
    return Promise.all(Object.keys(want).map(function (k) {
      return load("p" + k, self.base + self.shards[k][1]);
    }));
  };
  // Postings of term ti: {docs, w} arrays. Offsets of each shard are found on first use.
  Index.prototype.postings = function (ti) {
    var hit = this.cache.get(ti);
    if (hit) return hit;
    var k = this.shardOf(ti), s = loaded["p" + k], first = this.shards[k][0];
    if (!this.offsets[k]) {
      var next = k + 1 < this.shards.length ? this.shards[k + 1][0] : this.terms.length;
      var offs = new Int32Array(next - first), r = new Reader(s);
      for (var j = 0; j < offs.length; j++) {
        offs[j] = r.pos;
        for (var c = r.vlq(); c > 0; c--) { if (r.vlq() & 1) r.vlq(); }
      }
      this.offsets[k] = offs;
    }
    var rd = new Reader(s, this.offsets[k][ti - first]), count = rd.vlq();
    var docs = new Int32Array(count), w = new Int32Array(count), doc = -1;
    for (var p = 0; p < count; p++) {
      var v = rd.vlq();
      doc += 1 + Math.floor(v / 2);
      docs[p] = doc;
      w[p] = v & 1 ? rd.vlq() : 0;
    }
    hit = { docs: docs, w: w };
    this.cache.set(ti, hit);
    return hit;
  };
  Index.prototype.record = function (doc) {
    var per = this.core.records_per, b = Math.floor(doc / per);
    var name = Math.floor(b / 100) + "/" + b + "-" + this.core.record_hashes[b] + ".js";
    return load("r" + b, this.base + this.core.records + "/" + name)
      .then(function (block) { return block[doc - b * per]; });
  };

  /* ---------- matching and ranking ---------- */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur[0] = i;
      var low = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (cur[j] < low) low = cur[j];
      }
      if (low > max) return max + 1;
      var tmp = prev; prev = cur; cur = tmp;
    }
    return prev[b.length];
  }
  // The query's words, each with the dictionary terms it matches and their weights.
  function parse(ix, q) {
    var raw = words(q).slice(0, 10), out = [];
    raw.forEach(function (w, i) {
      var t = term(w);
      if (t === null) return;
      var cands = new Map(), at = ix.find(t);
      if (ix.terms[at] === t) cands.set(at, 1);
      // Stemmers are written for accented words, so "devolucion" typed without its
      // accent does not reach "devolu" as "devolución" does: the longest term that
      // starts the folded word (leaving off at most 5 letters, keeping 4) stands in.
      if (T.fold && ix.terms[at] !== t) {
        var f = Array.from(T.fold(w));
        for (var n = f.length - 1; n >= Math.max(4, f.length - 5); n--) {
          var p = f.slice(0, n).join(""), k = ix.find(p);
          if (ix.terms[k] === p) { cands.set(k, 0.9); break; }
        }
      }
      var last = i === raw.length - 1 && !/\s$/.test(q);
      if (last && (w.length >= 2 || CJK.test(w))) {
        [w, t].forEach(function (p) {
          for (var k = ix.find(p), n = 0; k < ix.terms.length && n < 40 && ix.terms[k].lastIndexOf(p, 0) === 0; k++, n++) {
            if (!cands.has(k)) cands.set(k, 0.7);
          }
        });
      }
      out.push({ raw: w, term: t, cands: cands, last: last, typo: new Set(), syn: new Set() });
    });
    addSynonyms(ix, out);
    return out;
  }
  // [search.synonyms], one way: a key's words, one after the other in the query, also
  // match the key's synonyms (each word of a phrase does). A synonym counts SYNONYM of
  // a direct match; the word being typed may be the start of a key's last word.
  // score() gives a word and its synonyms one idf, so "caller" → "customer" is worth
  // as little as "customer" when every chapter says "customer".
  var SYNONYM = 0.8;
  function addSynonyms(ix, out) {
    var syn = ix.core.synonyms || {};
    Object.keys(syn).forEach(function (key) {
      var kw = key.split(" "), n = kw.length;
      for (var i = 0; i + n <= out.length; i++) {
        var typed = 1;
        for (var j = 0; j < n && typed; j++) {
          var q = out[i + j];
          if (q.term === kw[j]) continue;
          var partial = j === n - 1 && q.last && Array.from(q.raw).length >= 3 &&
            (kw[j].lastIndexOf(q.term, 0) === 0 || kw[j].lastIndexOf(q.raw, 0) === 0);
          typed = partial ? 0.7 : 0;
        }
        if (!typed) continue;
        var weight = SYNONYM * typed;
        syn[key].forEach(function (v) {
          var at = ix.find(v);
          if (ix.terms[at] !== v) return;
          for (var j = 0; j < n; j++) {
            var c = out[i + j].cands;
            if (!(c.get(at) >= weight)) { c.set(at, weight); out[i + j].syn.add(at); }
          }
        });
      }
    });
  }
  function addTypos(ix, qw) {
    qw.forEach(function (q) {
      var len = Array.from(q.raw).length, max = len >= 8 ? 2 : len >= 4 ? 1 : 0;
      if (!max) return;
      var found = [];
      for (var k = 0; k < ix.terms.length; k++) {
        if (q.cands.has(k)) continue;
        var t = ix.terms[k], d = Math.min(distance(q.term, t, max), distance(q.raw, t, max));
        if (d <= max) found.push([d, k]);
      }
      found.sort(function (a, b) { return a[0] - b[0] || ix.terms[a[1]].length - ix.terms[b[1]].length; });
      found.slice(0, 8).forEach(function (f) { q.cands.set(f[1], f[0] === 1 ? 0.6 : 0.4); q.typo.add(f[1]); });
    });
  }
  function allCands(qw) {
    var list = [];
    qw.forEach(function (q) { q.cands.forEach(function (_, k) { list.push(k); }); });
    return list;
  }
  // BM25 with title and heading boosts; per word the best of its terms counts. A
  // document some word matches only through a close spelling is marked in `typo`.
  function score(ix, qw) {
    var s = ix.core.settings, N = ix.n, total = new Float64Array(N), hits = new Int32Array(N), typo = new Uint8Array(N);
    function idfOf(df) { return Math.log(1 + (N - df + 0.5) / (df + 0.5)); }
    qw.forEach(function (q, qi) {
      var best = new Float64Array(N), exact = new Uint8Array(N), shared = 0;
      // A word with synonyms and its synonyms count as one term: the idf of the commonest.
      q.syn.forEach(function (ti) { shared = Math.max(shared, ix.postings(ti).docs.length); });
      if (shared && q.cands.get(ix.find(q.term)) === 1) shared = Math.max(shared, ix.postings(ix.find(q.term)).docs.length);
      q.cands.forEach(function (weight, ti) {
        var close = q.typo.has(ti);
        var p = ix.postings(ti), df = p.docs.length;
        var idf = idfOf(shared && (q.syn.has(ti) || ix.terms[ti] === q.term) ? shared : df);
        for (var j = 0; j < df; j++) {
          var d = p.docs[j], w = p.w[j], tf = (w >> 2) + 1;
          // The boost is added to the saturated term frequency, so a title match counts
          // for more than any number of mentions in the text.
          var boost = w & 2 ? s.titleBoost : w & 1 ? s.headingBoost - 1 : 0;
          var v = weight * idf * (boost + tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * ix.lens[d] / ix.core.avgdl)));
          if (v > best[d]) best[d] = v;
          if (!close) exact[d] = 1;
        }
      });
      for (var d = 0; d < N; d++) {
        if (best[d] > 0) { total[d] += best[d]; hits[d] |= 1 << qi; if (!exact[d]) typo[d] = 1; }
      }
    });
    return { total: total, hits: hits, typo: typo };
  }
  function rank(ix, qw, filter) {
    var sc = score(ix, qw), all = (1 << qw.length) - 1, and = [], or = [];
    for (var d = 0; d < ix.n; d++) {
      if (!sc.hits[d] || !filter(d)) continue;
      (sc.hits[d] === all ? and : or).push(d);
    }
    var list = and.length ? and : and.concat(or), bits = function (x) { var c = 0; while (x) { c += x & 1; x >>= 1; } return c; };
    list.sort(function (a, b) { return bits(sc.hits[b]) - bits(sc.hits[a]) || sc.total[b] - sc.total[a] || a - b; });
    return { docs: list, any: !and.length && list.length > 0, hits: sc.hits, typo: sc.typo };
  }

  /* ---------- the public query API (used by the UI, tests and benchmarks) ---------- */
  var index = null;
  function open() {
    if (index) return index;
    var box = document.querySelector(".search"), url = box.getAttribute("data-index");
    var base = url.slice(0, url.lastIndexOf("/") + 1);
    // The site's pages name index.js, which names the core; a pack's name the core.
    var core = /(^|\/)index\.js$/.test(url)
      ? load("index", url).then(function (name) { return load("core", base + name); })
      : load("core", url);
    index = core.then(function (core) { return new Index(core, base); });
    return index;
  }
  function facetFilter(ix, sel, skip) {
    var want = [];
    ix.core.facets.forEach(function (f, i) { if (f.kind !== skip && sel[f.kind] === f.id) want.push(i); });
    return function (d) {
      var m = ix.masks[ix.docMask[d]];
      for (var i = 0; i < want.length; i++) if (m.indexOf(want[i]) < 0) return false;
      return true;
    };
  }
  // Ranked documents for query q and facet selection sel ({tag, audience}).
  api.query = function (q, sel) {
    sel = sel || {};
    return open().then(function (ix) {
      var qw = parse(ix, q);
      if (!qw.length) {
        var docs = [];
        if (sel.tag || sel.audience) for (var d = 0; d < ix.n; d++) docs.push(d);
        return finish(ix, qw, { docs: docs, any: false }, sel, false);
      }
      return ix.need(allCands(qw)).then(function () {
        var r = rank(ix, qw, function () { return true; });
        if (r.docs.length >= 3 && !r.any) return finish(ix, qw, r, sel, false);
        addTypos(ix, qw);
        return ix.need(allCands(qw)).then(function () {
          return finish(ix, qw, rank(ix, qw, function () { return true; }), sel, true);
        });
      });
    });
  };
  function finish(ix, qw, r, sel, typos) {
    var both = facetFilter(ix, sel, ""), counts = ix.core.facets.map(function () { return 0; });
    ["tag", "audience"].forEach(function (kind) {
      var other = facetFilter(ix, sel, kind);
      r.docs.forEach(function (d) {
        if (!other(d)) return;
        ix.masks[ix.docMask[d]].forEach(function (f) { if (ix.core.facets[f].kind === kind) counts[f]++; });
      });
    });
    var matched = new Set();
    qw.forEach(function (q) { q.cands.forEach(function (_, k) { matched.add(ix.terms[k]); }); });
    // `typos`: some result matched a word only through a close spelling; `closeSpelling`
    // lists those results. `all`: the results without the facet filters.
    var docs = r.docs.filter(both), close = new Set();
    if (typos && r.typo) docs.forEach(function (d) { if (r.typo[d]) close.add(d); });
    return { docs: docs, all: r.docs.length, any: r.any, typos: close.size > 0, closeSpelling: close,
      counts: counts, terms: matched, facets: ix.core.facets };
  }
  // Title, link, section sub-results and an excerpt for one result.
  api.describe = function (doc, terms) {
    return open().then(function (ix) { return ix.record(doc).then(function (rec) { return describe(ix, rec, terms); }); });
  };
  function hit(terms, token) { return tokenize(token).some(function (t) { return terms.has(t); }); }
  function describe(ix, rec, terms) {
    var best = null, subs = [];
    rec.x.forEach(function (sec, i) {
      var n = 0, tn = 0;
      (sec[2].match(RAW_WORD) || []).forEach(function (w) { if (hit(terms, w)) n++; });
      (sec[1].match(RAW_WORD) || []).forEach(function (w) { if (hit(terms, w)) tn++; });
      var s = n + 3 * tn;
      if (s > 0 && (!best || s > best.s)) best = { s: s, i: i };
      if (s > 0 && sec[0]) subs.push({ s: s, i: i });
    });
    subs = subs.sort(function (a, b) { return b.s - a.s; }).slice(0, 3).sort(function (a, b) { return a.i - b.i; });
    var text = best ? rec.x[best.i][2] : rec.s;
    return {
      title: rec.t, part: rec.p, url: rec.u,
      excerpt: excerpt(text || rec.s, terms, ix.core.settings.excerptWords),
      sections: subs.map(function (x) { return { id: rec.x[x.i][0], title: rec.x[x.i][1] }; })
    };
  }
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  // HTML of the ~n-word window with the most matches; text is escaped before <mark>.
  function excerpt(text, terms, n) {
    var ws = text.split(/\s+/).filter(Boolean), marks = ws.map(function (w) {
      return (w.match(RAW_WORD) || []).some(function (t) { return hit(terms, t); }) ? 1 : 0;
    });
    var start = 0, best = -1, sum = 0;
    for (var i = 0; i < ws.length; i++) {
      sum += marks[i] - (i >= n ? marks[i - n] : 0);
      if (sum > best) { best = sum; start = Math.max(0, i - n + 1); }
    }
    var lo = start, hi = Math.min(ws.length, start + n) - 1;
    while (lo < hi && !marks[lo]) lo++;
    while (hi > lo && !marks[hi]) hi--;
    if (marks[lo]) start = Math.floor((lo + hi + 1 - n) / 2);
    start = Math.max(0, Math.min(start, ws.length - n));
    var html = ws.slice(start, start + n).map(function (w) { return highlight(w, terms); }).join(" ");
    return (start > 0 ? "… " : "") + html + (start + n < ws.length ? " …" : "");
  }
  function highlight(text, terms) {
    var out = "", at = 0;
    text.replace(RAW_WORD, function (w, i) {
      out += escapeHtml(text.slice(at, i));
      out += hit(terms, w) ? "<mark>" + escapeHtml(w) + "</mark>" : escapeHtml(w);
      at = i + w.length;
      return w;
    });
    return out + escapeHtml(text.slice(at));
  }
  api.open = open;
  api.tokenize = tokenize;
  api.tokenizer = tokenizer;
  api.stem = stem;
  api.excerpt = excerpt;

  /* ---------- highlighting on a page opened from a result ---------- */
  function highlightPage() {
    var m = /[?&]highlight=([^&#]*)/.exec(location.search), main = document.getElementById("main");
    if (!m || !main) return;
    var terms = new Set(decodeURIComponent(m[1].replace(/\+/g, " ")).split(" ").filter(Boolean)), first = null;
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT), nodes = [];
    while (walker.nextNode()) if (!walker.currentNode.parentNode.closest("script,style,pre,mark,nav,.chapter-meta")) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var html = highlight(node.nodeValue, terms);
      if (html.indexOf("<mark>") < 0) return;
      var span = document.createElement("span");
      span.innerHTML = html;
      span.querySelectorAll("mark").forEach(function (mk) { mk.className = "search-hit"; });
      if (!first) first = span.querySelector("mark");
      node.parentNode.replaceChild(span, node);
    });
    if (first && !location.hash) first.scrollIntoView({ block: "center" });
  }

  /* ---------- the search box: a WAI-ARIA combobox with a listbox of results ---------- */
  function searchBox() {
    var box = document.querySelector(".search");
    if (!box) return;
    var input = box.querySelector("#search-input"), panel = box.querySelector(".search-panel");
    var list = box.querySelector(".search-results"), facets = box.querySelector(".search-facets");
    var status = box.querySelector("#search-status"), count = box.querySelector(".search-count");
    var more = box.querySelector(".search-more"), clear = box.querySelector(".search-clear-filter"), root = document.documentElement.getAttribute("data-root") || "";
    var sel = {}, active = -1, generation = 0, limit = 0, last = null;

    function options() { return list.querySelectorAll("[role=option]"); }
    function show(open) {
      panel.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) setActive(-1);
    }
    function setActive(i) {
      var opts = options();
      if (active >= 0 && opts[active]) opts[active].setAttribute("aria-selected", "false");
      active = opts.length ? i : -1;
      if (active >= 0) {
        opts[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", opts[active].id);
        opts[active].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }
    function saveState(q) {
      var parts = [];
      if (q) parts.push("q=" + encodeURIComponent(q));
      if (sel.tag) parts.push("tag=" + encodeURIComponent(sel.tag));
      if (sel.audience) parts.push("audience=" + encodeURIComponent(sel.audience));
      var hash = parts.length ? "#" + parts.join("&") : "";
      if (hash !== location.hash && (hash || /^#(q|tag|audience)=/.test(location.hash))) {
        history.replaceState(null, "", location.pathname + location.search + (hash || ""));
      }
    }
    function run(keepLimit) {
      if (!ix0) return open().then(function (ix) { ix0 = ix.core; return run(keepLimit); });
      var q = input.value, mine = ++generation;
      if (!keepLimit) limit = ix0.settings.maxResults;
      saveState(q.trim());
      if (!q.trim() && !sel.tag && !sel.audience) {
        list.textContent = ""; facets.textContent = ""; count.textContent = ""; more.hidden = true; clear.hidden = true;
        status.textContent = ""; show(false); return Promise.resolve();
      }
      return api.query(q, sel).then(function (res) {
        if (mine !== generation) return null;
        last = res;
        return Promise.all(res.docs.slice(0, limit).map(function (d) { return api.describe(d, res.terms); }));
      }).then(function (items) {
        if (!items || mine !== generation) return;
        render(q.trim(), last, items);
      }).catch(function (e) {
        status.textContent = count.textContent = ui("search_unavailable", { error: e.message });
        show(true);
      });
    }
    function results(n) { return uiCount("search_count", n); }
    // "in the topic Culture", "for Agents", and where the results without them are.
    function filterWords(res) {
      var label = {};
      res.facets.forEach(function (f) { if (sel[f.kind] === f.id) label[f.kind] = f.label; });
      var where = label.tag ? (label.audience ? ui("search_in_topic_for", { topic: label.tag, audience: label.audience }) : ui("search_in_topic", { topic: label.tag })) :
        ui("search_in_audience", { audience: label.audience });
      if (!label.tag && !label.audience) where = "";
      var all = label.tag && label.audience ? ui("search_without_filters") : label.tag ? ui("search_all_topics") : ui("search_all_audiences");
      return { where: where, all: all, both: !!(label.tag && label.audience), one: label.tag || label.audience };
    }
    function render(q, res, items) {
      var n = res.docs.length, hl = encodeURIComponent(Array.from(res.terms).slice(0, 20).join(" "));
      var what = q ? ui("search_for", { query: q }) : "", f = filterWords(res), hidden = q && f.where && res.all > n;
      // Close spellings are named only when one brought in a result on show.
      var close = res.docs.slice(0, limit).some(function (d) { return res.closeSpelling.has(d); });
      var msg = (n ? results(n) + what : ui("search_none") + what) + (hidden ? f.where : "") +
        (res.any ? ui("search_some_words") : "") + (close ? ui("search_close_spellings") : "");
      if (hidden) msg += n ? " (" + res.all + " " + f.all + ")" : ". " + results(res.all) + " " + f.all + ".";
      count.textContent = msg;
      status.textContent = msg;
      clear.hidden = !(hidden && !n);
      clear.textContent = f.both ? ui("search_clear_both") : ui("search_clear_one", { filter: f.one });
      renderFacets(res);
      list.textContent = "";
      items.forEach(function (it, i) {
        var href = root + it.url + (q ? "?highlight=" + hl : "");
        list.appendChild(option("r" + i, href, "<span class=\"search-title\" dir=\"auto\">" + escapeHtml(it.title) +
          "</span> <span class=\"search-part\" dir=\"auto\">" + escapeHtml(it.part) + "</span><span class=\"search-excerpt\">" +
          it.excerpt + "</span>", "search-chapter"));
        it.sections.forEach(function (s, j) {
          list.appendChild(option("r" + i + "-" + j, href + "#" + encodeURIComponent(s.id),
            "<span class=\"search-section\" dir=\"auto\">" + escapeHtml(s.title) + "</span>", "search-sub"));
        });
      });
      more.hidden = n <= limit;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      show(true);
    }
    // Titles, part names and section names get dir="auto" (an isolate that takes its
    // direction from its first letter), so in a right-to-left book a Latin-script title
    // beside an Arabic part name keeps each in its own order.
    // Options hold no links: an option that contains a link is a nested interactive
    // control (axe "nested-interactive"), so a click or Enter navigates to data-href.
    function option(id, href, html, cls) {
      var li = document.createElement("li");
      li.id = "search-opt-" + id; li.className = cls;
      li.setAttribute("role", "option"); li.setAttribute("aria-selected", "false");
      li.setAttribute("data-href", href);
      li.innerHTML = html;
      return li;
    }
    function renderFacets(res) {
      facets.textContent = "";
      ["tag", "audience"].forEach(function (kind) {
        var group = document.createElement("div");
        group.className = "search-facet-group";
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", kind === "tag" ? ui("search_filter_topic") : ui("search_filter_audience"));
        res.facets.forEach(function (f, i) {
          if (f.kind !== kind || (!res.counts[i] && sel[kind] !== f.id)) return;
          var b = document.createElement("button");
          b.type = "button";
          b.className = "search-chip search-chip-" + kind;
          b.setAttribute("aria-pressed", sel[kind] === f.id ? "true" : "false");
          b.setAttribute("data-facet", f.id);
          b.innerHTML = "<bdi>" + escapeHtml(f.label) + "</bdi> <span class=\"count\">" + res.counts[i] + "</span>";
          b.addEventListener("click", function () {
            sel[kind] = sel[kind] === f.id ? undefined : f.id;
            run().then(function () {
              var again = facets.querySelector(".search-chip-" + kind + "[data-facet=\"" + f.id + "\"]");
              if (again) again.focus();
            });
          });
          group.appendChild(b);
        });
        if (group.firstChild) facets.appendChild(group);
      });
    }

    var ix0 = null;
    input.addEventListener("input", function () { run(); });
    input.addEventListener("focus", function () { if (list.firstChild) show(true); });
    input.addEventListener("keydown", function (e) {
      var n = options().length;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (panel.hidden && (input.value || sel.tag || sel.audience)) { show(true); return; }
        if (!n) return;
        setActive(e.key === "ArrowDown" ? (active + 1) % n : (active <= 0 ? n : active) - 1);
      } else if (e.key === "Enter") {
        var opts = options(), target = opts[active >= 0 ? active : 0];
        if (target && !panel.hidden) { e.preventDefault(); location.href = target.getAttribute("data-href"); }
      } else if (e.key === "Escape") {
        e.preventDefault();
        if (input.value || sel.tag || sel.audience) { input.value = ""; sel = {}; run(); } else show(false);
      }
    });
    box.addEventListener("focusout", function (e) { if (!box.contains(e.relatedTarget)) show(false); });
    box.addEventListener("focusin", function () { if (list.firstChild && (input.value || sel.tag || sel.audience)) show(true); });
    list.addEventListener("mousedown", function (e) { e.preventDefault(); });
    list.addEventListener("click", function (e) {
      var opt = e.target.closest("[role=option]");
      if (opt) location.href = opt.getAttribute("data-href");
    });
    more.addEventListener("click", function () { limit += ix0.settings.maxResults; run(true); });
    // Focus goes back to the box first: the button hides once the filter is gone.
    clear.addEventListener("click", function () { sel = {}; input.focus(); run(); });

    open().then(function (ix) {
      ix0 = ix.core;
      var h = location.hash;
      if (/^#(q|tag|audience)=/.test(h)) {
        h.slice(1).split("&").forEach(function (kv) {
          var p = kv.split("="), v = decodeURIComponent((p[1] || "").replace(/\+/g, " "));
          if (p[0] === "q") input.value = v; else if (p[0] === "tag" || p[0] === "audience") sel[p[0]] = v;
        });
        input.focus();
      }
      if (input.value || sel.tag || sel.audience) run();
    });
    api.ready = true;
  }

  highlightPage();
  searchBox();
})();
