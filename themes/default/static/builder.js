/* The pack builder (packs/builder.html): choose chapters, order and rename them, and see
   the agenda as `carebook pack` would plan it. Everything it shows is worked out here from
   the chapter index (packs/builder/index.js); the choice is kept in the address:
     #title=Calm+and+clear&date=2026-12-03&start=09:00&c=patience&c=de-escalation~Angry+callers
   The print page (packs/print.html) reads the same address. */
(function () {
  "use strict";
  var root = document.getElementById("builder");
  var data = window.carebookBuilderIndex;
  var agenda = window.carebookAgenda;
  if (!root || !data || !agenda) return;
  var $ = function (id) { return document.getElementById(id); };
  // The words come from the strings table (the page's carebook-strings block, with the
  // keys this script reads), never from here.
  var S = {};
  try { S = JSON.parse($("carebook-strings").textContent); } catch (e) { /* no block: keys show */ }
  function ui(key, values) {
    return (S[key] || key).replace(/\{(\w+)\}/g, function (m, name) { return values && name in values ? values[name] : m; });
  }
  function uiCount(key, n, values) { return ui(key + (n === 1 ? "_one" : "_other"), values); }

  // The index: one array per chapter, fields named in data.fields.
  var chapters = data.chapters.map(function (row) {
    return {
      slug: row[0], title: row[1], part: row[2], tags: row[3], audiences: row[4],
      minutes: agenda.classMinutes(row[5], row[6]), lower: row[1].toLowerCase(),
    };
  });
  var bySlug = Object.create(null);
  chapters.forEach(function (c, i) { bySlug[c.slug] = i; });
  var tagIndex = indexOf(data.tags), audienceIndex = indexOf(data.audiences);
  function indexOf(pairs) {
    var map = Object.create(null);
    pairs.forEach(function (p, i) { map[p[0]] = i; });
    return map;
  }

  // The class being built. `items` are {index, title}; `title` is the class's own name
  // for the chapter, or "" for the handbook's.
  var state = { title: "", date: "", start: "", items: [] };
  var PAGE = 200; // results shown at a time, so a huge handbook stays quick
  var shownLimit = PAGE;
  var missing = [];

  var fields = { title: $("class-title"), date: $("class-date"), start: $("class-start") };
  var filters = { text: $("filter-text"), tag: $("filter-tag"), audience: $("filter-audience"), part: $("filter-part") };
  var results = $("results"), selection = $("selection"), announcer = $("announce");

  /* ---- The address ---- */

  function toQuery() {
    var p = new URLSearchParams();
    if (state.title) p.append("title", state.title);
    if (state.date) p.append("date", state.date);
    if (state.start) p.append("start", state.start);
    state.items.forEach(function (it) {
      p.append("c", chapters[it.index].slug + (it.title ? "~" + it.title : ""));
    });
    return p.toString();
  }

  function fromQuery(query) {
    var p = new URLSearchParams(query);
    state.title = p.get("title") || "";
    state.date = agenda.dateLabel(p.get("date")) ? p.get("date") : "";
    var start = agenda.parseStart(p.get("start"));
    state.start = start == null ? "" : agenda.clock(start).padStart(5, "0");
    state.items = [];
    missing = [];
    var seen = Object.create(null);
    p.getAll("c").forEach(function (value) {
      var cut = value.indexOf("~");
      var slug = cut < 0 ? value : value.slice(0, cut);
      var index = bySlug[slug];
      if (index === undefined) { missing.push(slug); return; }
      if (seen[slug]) return;
      seen[slug] = true;
      state.items.push({ index: index, title: cut < 0 ? "" : value.slice(cut + 1) });
    });
  }

  var lastHash = null;
  function save() {
    var query = toQuery();
    lastHash = "#" + query;
    if (location.hash !== lastHash && !(query === "" && location.hash === "")) {
      history.replaceState(null, "", query ? lastHash : location.pathname + location.search);
    }
    updateOutputs(query);
  }

  /* ---- Step 1: the class ---- */

  function packId() { return agenda.packId(state.title || ui("builder_untitled")); }

  function showClass() {
    fields.title.value = state.title;
    fields.date.value = state.date;
    fields.start.value = state.start;
  }

  fields.title.addEventListener("input", function () { state.title = fields.title.value.trim(); changed(); });
  fields.date.addEventListener("change", function () { state.date = agenda.dateLabel(fields.date.value) ? fields.date.value : ""; changed(); });
  fields.start.addEventListener("change", function () {
    var m = agenda.parseStart(fields.start.value);
    state.start = m == null ? "" : fields.start.value;
    changed();
  });

  /* ---- Step 2: finding and ticking chapters ---- */

  function matches() {
    var words = filters.text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var tag = filters.tag && filters.tag.value ? tagIndex[filters.tag.value] : null;
    var audience = filters.audience && filters.audience.value ? audienceIndex[filters.audience.value] : null;
    var part = filters.part && filters.part.value !== "" ? Number(filters.part.value) : null;
    var out = [];
    for (var i = 0; i < chapters.length; i++) {
      var c = chapters[i];
      if (tag != null && c.tags.indexOf(tag) < 0) continue;
      if (audience != null && c.audiences.indexOf(audience) < 0) continue;
      if (part != null && c.part !== part) continue;
      if (words.length && !words.every(function (w) { return c.lower.indexOf(w) >= 0 || c.slug.indexOf(w) >= 0; })) continue;
      out.push(i);
    }
    return out;
  }

  function chosen(index) {
    for (var k = 0; k < state.items.length; k++) if (state.items[k].index === index) return k;
    return -1;
  }

  var resultRow = $("result-row").content.firstElementChild;
  function showResults() {
    var found = matches();
    var shown = found.slice(0, shownLimit);
    var frag = document.createDocumentFragment();
    shown.forEach(function (i) {
      var c = chapters[i];
      var li = resultRow.cloneNode(true);
      var box = li.querySelector("input"), label = li.querySelector("label");
      box.id = "pick-" + c.slug;
      box.value = c.slug;
      box.checked = chosen(i) >= 0;
      label.htmlFor = box.id;
      li.querySelector(".result-title").textContent = c.title;
      li.querySelector(".result-meta").textContent = ui("builder_meta", { part: data.parts[c.part], minutes: agenda.duration(c.minutes) });
      frag.appendChild(li);
    });
    results.replaceChildren(frag);
    var status = found.length === 0 ? ui("builder_matches_none")
      : shown.length < found.length ? ui("builder_matches", { shown: shown.length, count: found.length })
      : ui("builder_matches_all", { count: found.length });
    $("match-status").textContent = status;
    var more = $("show-more");
    more.hidden = shown.length >= found.length;
    more.textContent = ui("builder_show_more", { more: Math.min(PAGE, found.length - shown.length) });
  }

  results.addEventListener("change", function (e) {
    var box = e.target;
    if (!box.matches("input[type=checkbox]")) return;
    var index = bySlug[box.value];
    var at = chosen(index);
    if (box.checked && at < 0) {
      state.items.push({ index: index, title: "" });
      announce(ui("builder_added", { title: chapters[index].title, count: state.items.length }));
    } else if (!box.checked && at >= 0) {
      state.items.splice(at, 1);
      announce(ui("builder_removed", { title: chapters[index].title, count: state.items.length }));
    }
    showSelection();
    changed();
  });

  Object.keys(filters).forEach(function (k) {
    if (!filters[k]) return;
    filters[k].addEventListener(k === "text" ? "input" : "change", function () { shownLimit = PAGE; showResults(); });
  });
  $("show-more").addEventListener("click", function () {
    var first = shownLimit;
    shownLimit += PAGE;
    showResults();
    // Keyboard users carry on from the first new chapter.
    var next = results.children[first];
    if (next) next.querySelector("input").focus();
  });

  /* ---- Step 3: order and names ---- */

  var selectionRow = $("selection-row").content.firstElementChild;
  function itemTitle(it) { return it.title || chapters[it.index].title; }

  function showSelection(focus) {
    var count = state.items.length;
    var frag = document.createDocumentFragment();
    state.items.forEach(function (it, pos) {
      var c = chapters[it.index];
      var li = selectionRow.cloneNode(true);
      var shown = itemTitle(it);
      li.dataset.pos = pos;
      li.querySelector(".builder-pos").textContent = (pos + 1) + ".";
      var input = li.querySelector(".item-title");
      input.value = shown;
      input.dataset.slug = c.slug;
      li.querySelector(".rename-label").textContent = ui("builder_rename_label", { pos: pos + 1, count: count });
      li.querySelector(".item-meta").textContent = it.title
        ? ui("builder_meta_renamed", { title: c.title, minutes: agenda.duration(c.minutes) })
        : ui("builder_meta", { part: data.parts[c.part], minutes: agenda.duration(c.minutes) });
      var up = li.querySelector(".move-up"), down = li.querySelector(".move-down");
      up.setAttribute("aria-label", ui("builder_move_up", { title: shown }));
      down.setAttribute("aria-label", ui("builder_move_down", { title: shown }));
      li.querySelector(".remove").setAttribute("aria-label", ui("builder_remove", { title: shown }));
      up.disabled = pos === 0;
      down.disabled = pos === count - 1;
      frag.appendChild(li);
    });
    selection.replaceChildren(frag);
    $("selection-empty").hidden = count > 0;
    if (focus) {
      var li = selection.children[focus.pos];
      var target = li && (li.querySelector(focus.selector + ":not(:disabled)") || li.querySelector(".item-title"));
      if (target) target.focus();
    }
  }

  function move(from, to, selector) {
    if (to < 0 || to >= state.items.length || from === to) {
      var it = state.items[from];
      if (it) announce(to < 0 ? ui("builder_at_top", { title: itemTitle(it) }) : ui("builder_at_bottom", { title: itemTitle(it) }));
      return;
    }
    var item = state.items.splice(from, 1)[0];
    state.items.splice(to, 0, item);
    showSelection({ pos: to, selector: selector || ".item-title" });
    announce(ui("builder_moved", { title: itemTitle(item), pos: to + 1, count: state.items.length }));
    changed();
  }

  function posOf(el) {
    var li = el.closest(".builder-item");
    return li ? Number(li.dataset.pos) : -1;
  }

  selection.addEventListener("click", function (e) {
    var button = e.target.closest("button");
    if (!button) return;
    var pos = posOf(button);
    if (button.classList.contains("move-up")) move(pos, pos - 1, ".move-up");
    else if (button.classList.contains("move-down")) move(pos, pos + 1, ".move-down");
    else if (button.classList.contains("remove")) {
      var it = state.items.splice(pos, 1)[0];
      announce(ui("builder_removed", { title: itemTitle(it), count: state.items.length }));
      showSelection(state.items.length ? { pos: Math.min(pos, state.items.length - 1), selector: ".remove" } : null);
      if (!state.items.length) fields.title.focus();
      showResults();
      changed();
    }
  });

  selection.addEventListener("keydown", function (e) {
    if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
    var pos = posOf(e.target);
    if (pos < 0) return;
    e.preventDefault();
    var selector = e.target.classList.contains("item-title") ? ".item-title" : "." + e.target.className.split(" ")[0];
    move(pos, e.key === "ArrowUp" ? pos - 1 : pos + 1, selector);
  });

  selection.addEventListener("input", function (e) {
    if (!e.target.classList.contains("item-title")) return;
    var it = state.items[posOf(e.target)];
    var typed = e.target.value.trim();
    it.title = typed === chapters[it.index].title ? "" : typed;
    changed();
  });
  // Names and labels follow the new title once the trainer leaves the field.
  selection.addEventListener("change", function (e) {
    if (!e.target.classList.contains("item-title")) return;
    var it = state.items[posOf(e.target)];
    if (!it.title) e.target.value = chapters[it.index].title;
    var li = e.target.closest(".builder-item");
    var c = chapters[it.index];
    li.querySelector(".item-meta").textContent = it.title
      ? ui("builder_meta_renamed", { title: c.title, minutes: agenda.duration(c.minutes) })
      : ui("builder_meta", { part: data.parts[c.part], minutes: agenda.duration(c.minutes) });
    var shown = itemTitle(it);
    li.querySelector(".move-up").setAttribute("aria-label", ui("builder_move_up", { title: shown }));
    li.querySelector(".move-down").setAttribute("aria-label", ui("builder_move_down", { title: shown }));
    li.querySelector(".remove").setAttribute("aria-label", ui("builder_remove", { title: shown }));
  });

  // Drag and drop: a chapter dropped on another takes its place.
  var dragged = -1;
  selection.addEventListener("dragstart", function (e) {
    dragged = posOf(e.target);
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", String(dragged));
    e.target.classList.add("is-dragged");
  });
  selection.addEventListener("dragover", function (e) {
    if (dragged < 0) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    var over = e.target.closest && e.target.closest(".builder-item");
    Array.prototype.forEach.call(selection.children, function (li) { li.classList.toggle("is-drop-target", li === over); });
  });
  selection.addEventListener("drop", function (e) {
    if (dragged < 0) return;
    e.preventDefault();
    var to = posOf(e.target);
    var from = dragged;
    dragged = -1;
    move(from, to < 0 ? state.items.length - 1 : to);
  });
  selection.addEventListener("dragend", function () {
    dragged = -1;
    Array.prototype.forEach.call(selection.children, function (li) { li.classList.remove("is-dragged", "is-drop-target"); });
  });

  function announce(text) {
    // Cleared first, so the same words said twice are read twice.
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 30);
  }

  /* ---- Step 4: the agenda ---- */

  var chapterRow = $("agenda-chapter-row").content.firstElementChild;
  var breakRow = $("agenda-break-row").content.firstElementChild;
  function showAgenda() {
    var start = agenda.parseStart(state.start);
    var plan = agenda.plan(state.items.map(function (it) { return chapters[it.index].minutes; }), start);
    var frag = document.createDocumentFragment();
    plan.slots.forEach(function (slot) {
      var tr = (slot.chapter == null ? breakRow : chapterRow).cloneNode(true);
      tr.querySelector(".agenda-time").textContent = slot.start + "–" + slot.end;
      tr.querySelector(".agenda-min").textContent = slot.minutes;
      if (slot.chapter != null) tr.querySelector(".agenda-title").textContent = itemTitle(state.items[slot.chapter]);
      frag.appendChild(tr);
    });
    $("agenda").tBodies[0].replaceChildren(frag);
    var date = agenda.dateLabel(state.date);
    var caption = !state.items.length ? ui("builder_caption_empty") : ui("agenda_caption", {
      chapters: state.items.length,
      teaching: agenda.duration(plan.teaching_minutes),
      breaks: plan.breaks === 0 ? "" : uiCount("agenda_breaks", plan.breaks, { breaks: plan.breaks, minutes: agenda.BREAK_MINUTES }),
      total: plan.total,
    });
    $("agenda-caption").textContent = (date ? ui("builder_caption_date", { date: date }) : "") + caption;
    $("agenda-total").textContent = plan.total;
    $("agenda").dataset.totalMinutes = plan.total_minutes;
  }

  /* ---- Step 5: print and save ---- */

  /** The pack file in the format `carebook build` reads from packs/<id>.yaml. Strings
   *  are JSON-quoted, which YAML reads as double-quoted strings. */
  function yaml() {
    var q = JSON.stringify;
    var lines = [
      "# A course pack made with the pack builder of “" + data.handbook + "”.",
      "# Save it in the handbook's packs/ folder: `carebook build` makes it a pack.",
      "title: " + q(state.title || ui("builder_untitled")),
    ];
    if (state.date) lines.push("date: " + q(state.date));
    if (state.start) lines.push("start: " + q(state.start));
    lines.push("chapters:");
    state.items.forEach(function (it) {
      var slug = chapters[it.index].slug;
      if (it.title) lines.push("  - slug: " + slug, "    title: " + q(it.title));
      else lines.push("  - " + slug);
    });
    return lines.join("\n") + "\n";
  }

  function updateOutputs(query) {
    var print = root.getAttribute("data-print");
    var empty = state.items.length === 0;
    Array.prototype.forEach.call(document.querySelectorAll(".builder-output"), function (a) {
      a.href = print + "#doc=" + a.getAttribute("data-doc") + (query ? "&" + query : "");
      toggleLink(a, empty);
    });
    var id = packId();
    var download = $("download");
    download.setAttribute("download", id + ".yaml");
    download.href = "data:text/yaml;charset=utf-8," + encodeURIComponent(yaml());
    toggleLink(download, empty);
    $("download-name").textContent = "packs/" + id + ".yaml";
    $("class-id").textContent = ui("builder_file_id", { id: id });
    var taken = data.packs.indexOf(id) >= 0;
    var note = $("id-taken");
    note.hidden = !taken;
    note.textContent = taken ? ui("builder_id_taken", { id: id }) : "";
  }

  /** A link that has nothing to give yet stays in place, marked unavailable. */
  function toggleLink(a, off) {
    if (off) { a.setAttribute("aria-disabled", "true"); a.removeAttribute("href"); a.setAttribute("role", "link"); }
    else { a.removeAttribute("aria-disabled"); a.removeAttribute("role"); }
  }

  function changed() {
    showAgenda();
    save();
  }

  function restore() {
    fromQuery(location.hash.replace(/^#/, ""));
    showClass();
    showSelection();
    showResults();
    changed();
    if (missing.length) announce(ui("builder_missing", { count: missing.length, slugs: missing.join(", ") }));
  }

  window.addEventListener("hashchange", function () {
    if (location.hash !== lastHash) restore();
  });
  restore();
  root.classList.add("is-ready");
})();
