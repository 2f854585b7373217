/* carebook: small progressive enhancements. The site works without this script. */
(function () {
  "use strict";
  var doc = document.documentElement;

  function currentTheme() {
    var t = doc.getAttribute("data-theme");
    if (t) return t;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function syncToggle(btn) {
    var dark = currentTheme() === "dark";
    btn.setAttribute("aria-pressed", dark ? "true" : "false");
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

  var navBtn = document.querySelector(".nav-toggle");
  var sidebar = document.getElementById("sidebar");
  if (navBtn && sidebar) {
    navBtn.addEventListener("click", function () {
      var open = sidebar.classList.toggle("is-open");
      navBtn.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) { var first = sidebar.querySelector("a"); if (first) first.focus(); }
    });
  }
})();
