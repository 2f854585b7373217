/* Fills the sidebar's list of parts for large books, so each page stays small.
   window.carebookParts is defined in assets/nav-data.js, written by carebook. */
(function () {
  "use strict";
  var list = document.querySelector(".nav-parts");
  var parts = window.carebookParts;
  if (!list || !parts) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var current = list.getAttribute("data-current-part");
  var currentItem = list.querySelector(".nav-part.is-current");
  var frag = document.createDocumentFragment();
  for (var i = 0; i < parts.length; i++) {
    if (parts[i][1] === current && currentItem) { frag.appendChild(currentItem); continue; }
    var li = document.createElement("li");
    li.className = "nav-part";
    var a = document.createElement("a");
    a.href = root + parts[i][1];
    a.textContent = parts[i][0];
    li.appendChild(a);
    frag.appendChild(li);
  }
  list.textContent = "";
  list.appendChild(frag);
})();
