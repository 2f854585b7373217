/* carebook: small progressive enhancements. The site works without this script. */
(function () {
  "use strict";
  var doc = document.documentElement;

  function currentTheme() {
    var t = doc.getAttribute("data-theme");
    if (t) return t;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  // The button names the mode it switches to ("Light mode" while the page is dark), so
  // its label never contradicts what is on screen; the words come from the template.
  function syncToggle(btn) {
    var to = currentTheme() === "dark" ? "light" : "dark";
    var label = btn.querySelector(".theme-toggle-label");
    if (label) label.textContent = btn.getAttribute("data-label-" + to);
    btn.setAttribute("aria-label", btn.getAttribute("data-action-" + to));
  }
  var themeBtn = document.querySelector(".theme-toggle");
  if (themeBtn) {
    syncToggle(themeBtn);
    themeBtn.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      doc.setAttribute("data-theme", next);
      try { localStorage.setItem("carebook-theme", next); } catch (e) { /* file:// in some browsers */ }
      syncToggle(themeBtn);
    });
  }

  // Scroll targets clear the sticky header, whose height changes with the screen width.
  var header = document.querySelector(".site-header");
  function headerHeight() { if (header) doc.style.setProperty("--header-h", header.offsetHeight + "px"); }
  headerHeight();
  window.addEventListener("resize", headerHeight);

  var navBtn = document.querySelector(".nav-toggle");
  var sidebar = document.getElementById("sidebar");
  function setMenu(open) {
    sidebar.classList.toggle("is-open", open);
    navBtn.setAttribute("aria-expanded", open ? "true" : "false");
    var label = navBtn.querySelector(".nav-toggle-label");
    if (label) label.textContent = navBtn.getAttribute(open ? "data-label-close" : "data-label-open");
  }
  if (navBtn && sidebar) {
    navBtn.addEventListener("click", function () {
      var open = !sidebar.classList.contains("is-open");
      setMenu(open);
      if (open) { var first = sidebar.querySelector("a"); if (first) first.focus(); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && sidebar.classList.contains("is-open")) { setMenu(false); navBtn.focus(); }
    });
  }

  // The sidebar's tree: a section's button opens or closes its list. In a big book the
  // list of a section off the current path is empty until nav.js fills it from
  // assets/nav-data.js.
  if (sidebar) {
    var setSection = function (btn, open) {
      var list = document.getElementById(btn.getAttribute("aria-controls"));
      if (open && list && !list.children.length && window.carebookNavFill) window.carebookNavFill(list);
      btn.setAttribute("aria-expanded", open ? "true" : "false");
      if (list) list.hidden = !open;
    };
    sidebar.addEventListener("click", function (e) {
      var btn = e.target.closest ? e.target.closest(".nav-expand") : null;
      if (btn) setSection(btn, btn.getAttribute("aria-expanded") !== "true");
    });
    // Arrow keys move through the tree as in a file browser: Down and Up to the next or
    // previous link or button shown, Right opens a section (or steps into an open one),
    // Left closes it (or steps up to the section around), Home and End to the ends.
    // Right-to-left pages swap Left and Right. Tab still moves as it always does.
    sidebar.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      var el = e.target;
      var tree = el.closest ? el.closest(".nav-parts") : null;
      if (!tree || !/^(A|BUTTON)$/.test(el.tagName)) return;
      var items = Array.prototype.filter.call(tree.querySelectorAll("a, button"), function (x) {
        return x.getClientRects().length > 0;
      });
      var at = items.indexOf(el);
      var li = el.closest("li");
      var btn = li.querySelector(":scope > .nav-expand");
      var open = btn && btn.getAttribute("aria-expanded") === "true";
      var key = e.key;
      if (getComputedStyle(tree).direction === "rtl") {
        key = key === "ArrowLeft" ? "ArrowRight" : key === "ArrowRight" ? "ArrowLeft" : key;
      }
      var to = null;
      if (key === "ArrowDown") to = items[at + 1];
      else if (key === "ArrowUp") to = items[at - 1];
      else if (key === "Home") to = items[0];
      else if (key === "End") to = items[items.length - 1];
      else if (key === "ArrowRight" && btn && !open) setSection(btn, true);
      else if (key === "ArrowRight" && open) to = document.getElementById(btn.getAttribute("aria-controls")).querySelector("a");
      else if (key === "ArrowLeft" && open) { setSection(btn, false); to = li.querySelector(":scope > a"); }
      else if (key === "ArrowLeft") {
        var up = li.parentElement.closest("li");
        to = up && up.querySelector(":scope > a");
      } else return;
      e.preventDefault();
      if (to) to.focus();
    });
  }

  // Phones: the search button opens the search box on its own row and focuses it; the
  // box closes again when focus leaves it empty. "/" and Ctrl-K open it too.
  var searchBtn = document.querySelector(".search-toggle");
  var searchInput = document.getElementById("search-input");
  if (header && searchBtn && searchInput) {
    var openSearch = function (open) {
      header.classList.toggle("search-open", open);
      searchBtn.setAttribute("aria-expanded", open ? "true" : "false");
      headerHeight();
      if (open) searchInput.focus();
    };
    searchBtn.addEventListener("click", function () { openSearch(!header.classList.contains("search-open")); });
    // Runs before search-loader.js's own "/" and Ctrl-K handler, which focuses the box:
    // a hidden box cannot take focus, so show it first.
    document.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      var ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "k" || e.key === "K");
      if (ctrlK || (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey)) {
        header.classList.add("search-open");
        searchBtn.setAttribute("aria-expanded", "true");
      }
    });
    searchInput.addEventListener("focus", function () { if (!header.classList.contains("search-open")) openSearch(true); });
    header.querySelector(".search").addEventListener("focusout", function (e) {
      if (!searchInput.value && !header.contains(e.relatedTarget)) openSearch(false);
    });
  }

  // Phones: the header slides away while reading down and comes back on the way up (or
  // as soon as something in it has focus).
  var small = window.matchMedia && window.matchMedia("(max-width: 52rem)");
  var lastY = window.scrollY;
  if (header && small) {
    window.addEventListener("scroll", function () {
      var y = window.scrollY;
      var keep = !small.matches || header.contains(document.activeElement) || (sidebar && sidebar.classList.contains("is-open"));
      if (keep || y < lastY - 4 || y < header.offsetHeight) header.classList.remove("is-hidden");
      else if (y > lastY + 4) header.classList.add("is-hidden");
      lastY = y;
    }, { passive: true });
    header.addEventListener("focusin", function () { header.classList.remove("is-hidden"); });
  }
})();

/* Print pages and desk cards: paper size, layout, the Print buttons, card filters. The
   address keeps the settings: #paper=letter&layout=2up&tags=culture,stress&audiences=agent */
(function () {
  "use strict";
  var doc = document.documentElement;
  var setup = document.getElementById("page-setup");
  var paperSelect = document.querySelector(".paper-select");
  var layoutSelect = document.querySelector(".layout-select");
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  var cards = Array.prototype.slice.call(document.querySelectorAll(".cards .card"));
  var printButtons = document.querySelectorAll(".print-button");

  function readHash() {
    var params = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var p = kv.split("=");
      try {
        if (p[0]) params[decodeURIComponent(p[0])] = decodeURIComponent(p[1] || "");
      } catch (e) { /* a malformed address is ignored */ }
    });
    return params;
  }

  // A page with print options but no page setup of its own (the trainer's sheet).
  if (paperSelect && !setup) {
    setup = document.createElement("style");
    setup.id = "page-setup";
    document.head.appendChild(setup);
  }
  function setPaper(paper) {
    if (paper === "a4") paper = "A4";
    if (!setup || (paper !== "A4" && paper !== "letter")) return;
    setup.textContent = "@page { size: " + paper + "; }";
    doc.setAttribute("data-paper", paper);
    if (paperSelect) paperSelect.value = paper;
  }
  function setLayout(layout) {
    document.body.classList.toggle("two-up", layout === "2up");
    if (layoutSelect) layoutSelect.value = layout === "2up" ? "2up" : "1up";
    markHalves();
  }

  // Two cards per sheet: which shown cards start a sheet (the top half), so the print
  // style can start a page there and draw the cut line below them.
  function markHalves() {
    var chosen = document.querySelector(".cards .card.is-chosen, .cards .card:target");
    var top = true;
    cards.forEach(function (c) {
      var shown = chosen ? c === chosen : !c.hidden;
      var full = c.hasAttribute("data-full-sheet");
      c.classList.toggle("is-top-half", shown && !full && top);
      if (shown) top = full ? true : !top;
    });
  }

  // "#card-<slug>&paper=letter": the card is chosen as by "#card-<slug>" alone (CSS
  // :target), which the other settings in the address would otherwise prevent.
  function chooseCard(params) {
    document.body.classList.remove("one-card");
    each(document.querySelectorAll(".card.is-chosen"), function (c) { c.classList.remove("is-chosen"); });
    Object.keys(params).forEach(function (key) {
      var card = /^card-/.test(key) && !params[key] ? document.getElementById(key) : null;
      if (!card || !card.classList.contains("card")) return;
      card.classList.add("is-chosen");
      document.body.classList.add("one-card");
      card.scrollIntoView();
    });
  }

  function fromAddress(params) {
    if (params.paper) setPaper(params.paper);
    if (params.layout) setLayout(params.layout);
    chooseCard(params);
    if (filters) restoreFilters(params);
    markHalves();
  }

  if (paperSelect) paperSelect.addEventListener("change", function () { setPaper(paperSelect.value); });
  if (layoutSelect) layoutSelect.addEventListener("change", function () { setLayout(layoutSelect.value); });
  each(printButtons, function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });

  // Card filters: chips of one group (topics, audiences) add cards (OR); the groups
  // narrow each other (AND). Each chip counts the cards it would add to the other
  // group's choice.
  var filters = document.querySelector(".card-filters");
  var buttons = filters ? Array.prototype.slice.call(filters.querySelectorAll("button[data-filter]")) : [];
  var groups = [];
  buttons.forEach(function (b) {
    var name = b.getAttribute("data-filter");
    if (groups.indexOf(name) < 0) groups.push(name);
  });
  var shown = filters && filters.querySelector(".shown-count");
  var clear = filters && filters.querySelector(".filters-clear");
  var clearButton = clear && clear.querySelector("button");

  function chosen() {
    var sel = {};
    groups.forEach(function (g) {
      sel[g] = buttons.filter(function (b) {
        return b.getAttribute("data-filter") === g && b.getAttribute("aria-pressed") === "true";
      }).map(function (b) { return b.getAttribute("data-value"); });
    });
    return sel;
  }
  function matches(card, group, values) {
    if (!values.length) return true;
    var have = (card.getAttribute("data-" + group) || "").split(" ");
    return values.some(function (v) { return have.indexOf(v) >= 0; });
  }
  function apply(toAddress) {
    var sel = chosen();
    var count = 0;
    cards.forEach(function (card) {
      var ok = groups.every(function (g) { return matches(card, g, sel[g]); });
      card.hidden = !ok;
      if (ok) count++;
    });
    buttons.forEach(function (b) {
      var g = b.getAttribute("data-filter");
      var n = cards.filter(function (card) {
        return matches(card, g, [b.getAttribute("data-value")]) &&
          groups.every(function (o) { return o === g || matches(card, o, sel[o]); });
      }).length;
      var c = b.querySelector(".count");
      if (c) c.textContent = String(n);
    });
    each(document.querySelectorAll(".card-group"), function (g) {
      g.hidden = !g.querySelector(".card:not([hidden])");
    });
    if (shown) shown.textContent = String(count);
    var any = groups.some(function (g) { return sel[g].length > 0; });
    if (clear) clear.hidden = !any;
    each(printButtons, function (b) { b.disabled = count === 0; });
    markHalves();
    if (toAddress) writeAddress(sel);
  }
  function writeAddress(sel) {
    var params = readHash();
    var parts = [];
    groups.forEach(function (g) {
      delete params[g];
      if (sel[g].length) parts.push(g + "=" + sel[g].map(encodeURIComponent).join(","));
    });
    Object.keys(params).forEach(function (k) {
      parts.push(encodeURIComponent(k) + (params[k] ? "=" + encodeURIComponent(params[k]) : ""));
    });
    var url = location.href.replace(/#.*$/, "") + (parts.length ? "#" + parts.join("&") : "");
    try { history.replaceState(history.state, "", url); } catch (e) { /* some file:// browsers */ }
  }
  function restoreFilters(params) {
    buttons.forEach(function (b) {
      var values = (params[b.getAttribute("data-filter")] || "").split(",");
      b.setAttribute("aria-pressed", values.indexOf(b.getAttribute("data-value")) >= 0 ? "true" : "false");
    });
    apply(false);
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () {
      b.setAttribute("aria-pressed", b.getAttribute("aria-pressed") === "true" ? "false" : "true");
      apply(true);
    });
  });
  if (clearButton) clearButton.addEventListener("click", function () {
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    apply(true);
    if (buttons[0]) buttons[0].focus();
  });

  if (paperSelect) setPaper(paperSelect.value);
  fromAddress(readHash());
  window.addEventListener("hashchange", function () { fromAddress(readHash()); });
})();

/* Checklists on chapter pages: ticks are remembered on this computer until cleared. */
(function () {
  "use strict";
  // The interface's words come from the page (strings.toml, rendered into the
  // carebook-strings block with the keys this script reads), never from here.
  var S = {};
  try { S = JSON.parse(document.getElementById("carebook-strings").textContent); } catch (e) { /* no block: keys show */ }
  function ui(key, values) {
    return (S[key] || key).replace(/\{(\w+)\}/g, function (m, name) { return values && name in values ? values[name] : m; });
  }
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".chapter-body .task-box"));
  if (!boxes.length) return;
  var key = "carebook-ticks:" + location.pathname;
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
  if (saved && saved.length === boxes.length) {
    boxes.forEach(function (b, i) { b.checked = !!saved[i]; });
  }
  function save() {
    try { localStorage.setItem(key, JSON.stringify(boxes.map(function (b) { return b.checked ? 1 : 0; }))); } catch (e) { /* storage may be off */ }
  }
  boxes.forEach(function (b) { b.addEventListener("change", save); });
  // The whole item is the tap target: a click on its text ticks the box (links inside
  // the item still work, and selecting text does not tick).
  boxes.forEach(function (b) {
    var li = b.parentElement;
    li.addEventListener("click", function (e) {
      if (e.target === b || e.target.closest("a") || String(window.getSelection())) return;
      b.checked = !b.checked;
      save();
    });
  });
  var clear = document.createElement("button");
  clear.type = "button";
  clear.className = "tasks-clear";
  clear.textContent = ui("clear_ticks");
  clear.addEventListener("click", function () {
    boxes.forEach(function (b) { b.checked = b.defaultChecked; });
    try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
    boxes[0].focus();
  });
  var lastList = boxes[boxes.length - 1].closest("ul, ol");
  if (lastList) lastList.parentNode.insertBefore(clear, lastList.nextSibling);
})();
