/* carebook serve: reloads the page after each rebuild and shows build errors over the
   page. Injected only by `carebook serve`, never written into a built site. */
(function () {
  "use strict";
  var script = document.currentScript;
  var loaded = script ? script.getAttribute("data-version") : null;
  var overlay = null;
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "carebook-error-overlay";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
        "background:rgba(30,0,0,.94);color:#fff;font:15px/1.5 system-ui,sans-serif";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var title = document.createElement("h2");
    title.textContent = "The last change did not build";
    var note = document.createElement("p");
    note.textContent = "You are looking at the last version that built. Fix the problem below and save: this page updates by itself.";
    var pre = document.createElement("pre");
    pre.style.cssText = "white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;background:#000;padding:1rem;border-radius:6px";
    pre.textContent = text;
    overlay.appendChild(title);
    overlay.appendChild(note);
    overlay.appendChild(pre);
  }
  // The browser reconnects by itself after a dropped connection; a refused one (the
  // server restarting, or too many open tabs) is retried here, less and less often.
  var wait = 1000;
  function connect() {
    var events = new EventSource("/__carebook/events");
    events.addEventListener("open", function () { wait = 1000; });
    events.addEventListener("error", function () {
      if (events.readyState === EventSource.CLOSED) {
        events.close();
        setTimeout(connect, wait);
        wait = Math.min(wait * 2, 30000);
      }
    });
    events.addEventListener("reload", function () { location.reload(); });
    events.addEventListener("build-error", function (e) { show(e.data); });
    events.addEventListener("updated", function (e) {
      var here = decodeURIComponent(location.pathname.replace(/^\//, "")) || "index.html";
      if (e.data.split("\n").indexOf(here) >= 0) location.reload();
    });
    events.addEventListener("ok", function (e) {
      hide();
      if (loaded && e.data && e.data !== loaded) location.reload();
    });
  }
  connect();
})();
