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
    // A site in another language loads its stemmer first; async = false runs the two
    // scripts in order, so search.js finds the stemmer there.
    [box.getAttribute("data-lang-script"), box.getAttribute("data-script")].forEach(function (src) {
      if (!src) return;
      var s = document.createElement("script");
      s.src = src;
      s.async = false;
      document.head.appendChild(s);
    });
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
