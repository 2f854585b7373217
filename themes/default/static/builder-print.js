/* The pack builder's print page (packs/print.html): the handout, desk cards or trainer's
   sheet for the class in the address (#doc=handout&title=...&c=slug&c=slug~title, the
   pack builder's format). Only the chosen chapters' content is loaded, from the scripts
   in packs/builder/chapters/ that hold them (chapter i of the index is in script
   floor(i / per_file)), since a page opened from file:// cannot fetch files. */
(function () {
  "use strict";
  var data = window.carebookBuilderIndex;
  var agenda = window.carebookAgenda;
  var main = document.getElementById("main");
  if (!data || !agenda || !main) return;
  var $ = function (id) { return document.getElementById(id); };
  // The words come from the strings table (the page's carebook-strings block, with the
  // keys this script reads), never from here.
  var S = {};
  try { S = JSON.parse($("carebook-strings").textContent); } catch (e) { /* no block: keys show */ }
  function ui(key, values) {
    return (S[key] || key).replace(/\{(\w+)\}/g, function (m, name) { return values && name in values ? values[name] : m; });
  }
  function uiCount(key, n, values) { return ui(key + (n === 1 ? "_one" : "_other"), values); }
  function template(id) { return $(id).content.firstElementChild.cloneNode(true); }
  function fill(el, selector, text) { el.querySelector(selector).textContent = text; }

  var bySlug = Object.create(null);
  data.chapters.forEach(function (row, i) { bySlug[row[0]] = i; });

  // The class, read as the builder writes it.
  var params = new URLSearchParams(location.hash.replace(/^#/, ""));
  var doc = ["handout", "cards", "trainer"].indexOf(params.get("doc")) >= 0 ? params.get("doc") : "handout";
  var title = params.get("title") || ui("builder_untitled");
  var date = agenda.dateLabel(params.get("date"));
  var start = agenda.parseStart(params.get("start"));
  var items = [], unknown = [], seen = Object.create(null);
  params.getAll("c").forEach(function (value) {
    var cut = value.indexOf("~");
    var slug = cut < 0 ? value : value.slice(0, cut);
    if (!(slug in bySlug)) { unknown.push(slug); return; }
    if (seen[slug]) return;
    seen[slug] = true;
    var row = data.chapters[bySlug[slug]];
    items.push({ slug: slug, title: cut < 0 ? row[1] : value.slice(cut + 1), minutes: agenda.classMinutes(row[5], row[6]) });
  });
  params.delete("doc");
  document.querySelector(".builder-back").href = "builder.html#" + params.toString();

  // Another class or document typed into the address: start again from it.
  window.addEventListener("hashchange", function () { location.reload(); });

  // Each chapter script calls this with its content.
  var loaded = Object.create(null);
  window.carebookBuilderChapter = function (chapter) { loaded[chapter.slug] = chapter; };

  var blocks = [];
  items.forEach(function (it) {
    var b = Math.floor(bySlug[it.slug] / data.per_file);
    if (blocks.indexOf(b) < 0) blocks.push(b);
  });
  var pending = blocks.length;
  if (!pending) finish();
  var dir = main.getAttribute("data-chapters");
  blocks.forEach(function (b) {
    var script = document.createElement("script");
    script.src = dir + "/" + b + ".js";
    script.onload = script.onerror = function () { if (--pending === 0) finish(); };
    document.body.appendChild(script);
  });

  function finish() {
    var missing = unknown.concat(items.filter(function (it) { return !loaded[it.slug]; }).map(function (it) { return it.slug; }));
    items = items.filter(function (it) { return loaded[it.slug]; });
    var out = $("doc");
    var plan = agenda.plan(items.map(function (it) { return it.minutes; }), start);
    document.title = doc === "handout" ? ui("builder_title_handout", { title: title })
      : doc === "cards" ? ui("builder_title_cards", { title: title })
      : ui("trainers_sheet", { title: title });
    if (doc === "cards") {
      out.appendChild(cards(out));
      document.body.classList.add("page-cards");
      document.querySelector(".layout-choice").hidden = false;
    } else {
      out.appendChild(cover(plan));
      out.appendChild(agendaTable(plan));
      if (doc === "handout") {
        items.forEach(function (it) { out.appendChild(chapter(it)); });
        if (items.some(function (it) { return loaded[it.slug].card; })) out.appendChild(cards());
      } else {
        out.appendChild(template("tpl-prompts-heading"));
        items.forEach(function (it, pos) { out.appendChild(prompt(it, pos)); });
      }
    }
    var status = [];
    if (!items.length) status.push(ui("builder_empty"));
    else if (doc === "cards" && !items.some(function (it) { return loaded[it.slug].card; })) status.push(ui("builder_no_cards"));
    else status.push(ui("builder_ready", { chapters: items.length }));
    if (missing.length) status.push(ui("builder_print_missing", { slugs: missing.join(", ") }));
    $("print-status").textContent = status.join(" ");
    // The print tools (paper, layout, Print button) find the cards once they are here.
    var tools = document.createElement("script");
    tools.src = "../assets/carebook.js";
    tools.onload = function () { document.documentElement.setAttribute("data-ready", doc); };
    document.body.appendChild(tools);
  }

  function cover(plan) {
    var el = template("tpl-cover");
    fill(el, ".doc-kind", doc === "handout" ? ui("builder_doc_handout") : doc === "cards" ? ui("builder_doc_cards") : ui("builder_doc_trainer"));
    fill(el, ".doc-title", title);
    var edition = main.getAttribute("data-edition");
    var meta = ui("builder_cover_meta", { edition: edition ? edition + " · " : "", chapters: items.length, total: plan.total });
    if (date) meta = (start == null ? date : ui("builder_date_meta", { date: date, start: agenda.timeOfDay(start) })) + " · " + meta;
    fill(el, ".cover-meta", meta);
    return el;
  }

  function agendaTable(plan) {
    var el = template("tpl-agenda");
    var body = el.querySelector("tbody");
    plan.slots.forEach(function (slot) {
      var tr = template(slot.chapter == null ? "tpl-agenda-break" : "tpl-agenda-chapter");
      fill(tr, ".agenda-time", slot.start + "–" + slot.end);
      fill(tr, ".agenda-min", slot.minutes);
      if (slot.chapter != null) {
        var it = items[slot.chapter];
        fill(tr, ".agenda-title", it.title);
        var summary = loaded[it.slug].summary;
        if (summary) fill(tr, ".agenda-summary", summary);
        else { tr.querySelector("br").remove(); tr.querySelector(".agenda-summary").remove(); }
      }
      body.appendChild(tr);
    });
    var breaks = plan.breaks === 0 ? "" : uiCount("agenda_breaks", plan.breaks, { breaks: plan.breaks, minutes: agenda.BREAK_MINUTES });
    fill(el, "caption", ui("agenda_caption", { chapters: items.length, teaching: agenda.duration(plan.teaching_minutes), breaks: breaks, total: plan.total }));
    fill(el, ".agenda-total", plan.total);
    return el;
  }

  function chapter(it) {
    var c = loaded[it.slug];
    var el = template("tpl-chapter");
    el.id = it.slug;
    el.setAttribute("aria-labelledby", it.slug + "--title");
    var h = el.querySelector(".chapter-title");
    h.id = it.slug + "--title";
    h.textContent = it.title;
    if (c.summary) fill(el, ".lede", c.summary); else el.querySelector(".lede").remove();
    fill(el, ".chapter-meta", agenda.duration(it.minutes));
    // The handbook's own HTML, made by carebook at build time.
    el.querySelector(".chapter-body").innerHTML = c.html;
    return el;
  }

  function cards() {
    var el = template("tpl-cards");
    el.innerHTML = items.map(function (it) { return loaded[it.slug].card || ""; }).join("");
    return el;
  }

  function prompt(it, pos) {
    var c = loaded[it.slug];
    var el = template("tpl-prompt");
    el.setAttribute("aria-labelledby", "prompt-" + (pos + 1));
    var h = el.querySelector("h3");
    h.id = "prompt-" + (pos + 1);
    var link = el.querySelector(".prompt-link");
    link.href = c.href;
    link.textContent = it.title;
    fill(el, ".prompt-minutes", ui("builder_prompt_minutes", { minutes: agenda.duration(it.minutes) }));
    if (c.summary) fill(el, ".prompt-summary", c.summary); else el.querySelector(".prompt-summary").remove();
    list(el.querySelector(".prompt-do"), c.do);
    list(el.querySelector(".prompt-avoid"), c.avoid);
    return el;
  }

  function list(block, entries) {
    if (!entries || !entries.length) { block.remove(); return; }
    var ul = block.querySelector("ul");
    entries.forEach(function (item) {
      var li = document.createElement("li");
      if (item.critical) li.appendChild($("tpl-critical").content.cloneNode(true));
      var span = document.createElement("span");
      span.innerHTML = item.html;
      while (span.firstChild) li.appendChild(span.firstChild);
      ul.appendChild(li);
    });
  }
})();
