/* The sidebar's tree in a big book. Each page holds only the path to itself; the rest
   of the tree comes once, from assets/nav-data.js (window.carebookNav, written by
   carebook): s lists the sections as [title, href, parent, first chapter, end] (parent
   -1 at the top; href "" for the chapters at the top of the book), c the chapters as
   [title, href]. The other top-level sections are added closed; a section's list is
   filled the first time its button opens it (see carebook.js). */
(function () {
  "use strict";
  var list = document.querySelector(".nav-parts");
  var data = window.carebookNav;
  if (!list || !data) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var S = {};
  try { S = JSON.parse(document.getElementById("carebook-strings").textContent); } catch (e) { /* no block */ }
  function ui(key) { return S[key] || key; }
  function toggleLabel(title) {
    return ui("nav_section_toggle").replace("{title}", title);
  }
  var kids = data.s.map(function () { return []; });
  var top = [];
  data.s.forEach(function (s, i) { if (s[2] < 0) top.push(i); else kids[s[2]].push(i); });

  function link(title, href) {
    var a = document.createElement("a");
    a.href = root + href;
    a.textContent = title;
    return a;
  }
  function chapterItem(i, className) {
    var li = document.createElement("li");
    if (className) li.className = className;
    li.appendChild(link(data.c[i][0], data.c[i][1]));
    return li;
  }
  function sectionItem(i) {
    var s = data.s[i];
    var li = document.createElement("li");
    li.className = "nav-part";
    li.appendChild(link(s[0], s[1]));
    if (s[4] > s[3] || kids[i].length) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "nav-expand";
      btn.setAttribute("aria-expanded", "false");
      btn.setAttribute("aria-controls", "nav-s" + i);
      btn.setAttribute("aria-label", toggleLabel(s[0]));
      var ol = document.createElement("ol");
      ol.className = "nav-chapters";
      ol.id = "nav-s" + i;
      ol.hidden = true;
      li.appendChild(btn);
      li.appendChild(ol);
    }
    return li;
  }
  window.carebookNavFill = function (ol) {
    var i = Number(ol.id.slice("nav-s".length));
    var s = data.s[i];
    if (!s) return;
    var frag = document.createDocumentFragment();
    for (var c = s[3]; c < s[4]; c++) frag.appendChild(chapterItem(c));
    kids[i].forEach(function (k) { frag.appendChild(sectionItem(k)); });
    ol.appendChild(frag);
  };

  // The top level in reading order, keeping what the page drew itself (the open path).
  var current = list.getAttribute("data-current-part");
  var drawn = list.querySelector(":scope > .nav-part.is-current");
  var topChapters = list.querySelectorAll(":scope > .nav-top-chapter");
  var frag = document.createDocumentFragment();
  top.forEach(function (i) {
    var s = data.s[i];
    if (s[1] === "") {
      if (topChapters.length) {
        Array.prototype.forEach.call(topChapters, function (li) { frag.appendChild(li); });
      } else {
        for (var c = s[3]; c < s[4]; c++) frag.appendChild(chapterItem(c, "nav-part nav-top-chapter"));
      }
    } else if (drawn && s[1] === current) {
      frag.appendChild(drawn);
    } else {
      frag.appendChild(sectionItem(i));
    }
  });
  list.textContent = "";
  list.appendChild(frag);
})();
