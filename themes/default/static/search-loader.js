/* Loads assets/search.js the first time search is wanted: focus on the search box, the
   "/" or Ctrl-K shortcut, a shared search link (#q=...), or highlighted terms
   (?highlight=...) on a page opened from a result. Pages stay light until then. */
(function () {
  "use strict";
  var box = document.querySelector(".search");
  var input = document.getElementById("search-input");
  if (!box || !input) return;
  var requested = false;
  function load() {
    if (requested) return;
    requested = true;
    var s = document.createElement("script");
    s.src = box.getAttribute("data-script");
    document.head.appendChild(s);
  }
  input.addEventListener("focus", load);
  document.addEventListener("keydown", function (e) {
    var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    var ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "k" || e.key === "K");
    if (ctrlK || (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
  if (/^#(q|tag|audience)=/.test(location.hash) || /[?&]highlight=/.test(location.search)) load();
})();
