/* SCORM 1.2 runtime for a carebook pack. Finds the learning platform's API in a parent
   or opener window and reports to it: the learner's place (lesson_location, where the
   next launch resumes), the knowledge-check score across the pack, and the status. The
   pack is completed (or passed/failed against the pack's mastery score) only once every
   chapter was visited and every check answered; jumping to the last chapter is not
   enough. Progress is kept in suspend_data, one character per chapter, so even a pack
   of thousands of chapters stays under SCORM 1.2's 4,096 characters. Without a
   platform it does nothing, so the same files work as a plain site. */
(function () {
  "use strict";
  function search(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try { if (win.API) return win.API; } catch (e) { return null; }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = search(window.parent !== window ? window.parent : null) || (window.opener ? search(window.opener) : null);
  if (!api) return;
  var frame = document.getElementById("pack-content");
  var pages = (frame.getAttribute("data-pages") || "").split(" ").filter(Boolean);
  var questions = (frame.getAttribute("data-questions") || "").split(" ").filter(Boolean).map(Number);
  var masteryAttr = frame.getAttribute("data-mastery");
  var mastery = masteryAttr === null ? null : Number(masteryAttr);
  var total = questions.reduce(function (a, b) { return a + b; }, 0);
  var visited = pages.map(function () { return false; });
  // Questions answered right in each chapter's check; -1 while it is not answered.
  var right = pages.map(function () { return -1; });
  var started = new Date().getTime();
  var finished = false;

  /* suspend_data: "c1:" then one character per chapter: "." not visited, "-" visited
     (check not answered, or no check), a base-36 digit for the number right, or the
     number in brackets above 35. */
  function encode() {
    return "c1:" + pages.map(function (_, i) {
      if (right[i] >= 0) return right[i] < 36 ? right[i].toString(36) : "(" + right[i] + ")";
      return visited[i] ? "-" : ".";
    }).join("");
  }
  function restore(data) {
    if (data.indexOf("c1:") !== 0) return;
    var tokens = data.slice(3).match(/\([0-9]+\)|./g) || [];
    if (tokens.length !== pages.length) return; // the pack has changed since
    tokens.forEach(function (t, i) {
      if (t === ".") return;
      visited[i] = true;
      if (t !== "-") right[i] = Math.min(questions[i], t.charAt(0) === "(" ? parseInt(t.slice(1), 10) : parseInt(t, 36));
    });
  }
  function done() {
    return visited.every(Boolean) && questions.every(function (q, i) { return q === 0 || right[i] >= 0; });
  }
  function score() {
    var sum = right.reduce(function (a, r) { return a + Math.max(r, 0); }, 0);
    return Math.round((100 * sum) / total);
  }

  api.LMSInitialize("");
  var status = String(api.LMSGetValue("cmi.core.lesson_status") || "");
  if (status === "" || status === "not attempted") {
    status = "incomplete";
    api.LMSSetValue("cmi.core.lesson_status", status);
  }
  restore(String(api.LMSGetValue("cmi.suspend_data") || ""));
  var location = String(api.LMSGetValue("cmi.core.lesson_location") || "");
  if (location && /^[\w.-]+\.html$/.test(location)) frame.src = location;
  api.LMSCommit("");

  function report() {
    if (total > 0 && right.some(function (r) { return r >= 0; })) {
      api.LMSSetValue("cmi.core.score.raw", String(score()));
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
    }
    var next = status;
    if (done()) {
      next = mastery !== null && total > 0 ? (score() >= mastery ? "passed" : "failed") : "completed";
    }
    if (next !== status) {
      status = next;
      api.LMSSetValue("cmi.core.lesson_status", status);
    }
    api.LMSSetValue("cmi.suspend_data", encode());
    api.LMSCommit("");
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!frame || event.source !== frame.contentWindow || !data || data.carebookPack !== 1) return;
    var page = String(data.page);
    var i = pages.indexOf(page);
    api.LMSSetValue("cmi.core.lesson_location", page);
    if (i !== -1) {
      visited[i] = true;
      var check = data.check;
      if (check && check.total === questions[i] && check.right >= 0 && check.right <= questions[i]) right[i] = Math.floor(check.right);
    }
    report();
  });

  /* CMITimespan: HHHH:MM:SS.SS */
  function timespan(ms) {
    var cs = Math.floor(ms / 10);
    var pad = function (n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; };
    var h = Math.min(Math.floor(cs / 360000), 9999);
    return pad(h, 4) + ":" + pad(Math.floor(cs / 6000) % 60, 2) + ":" + pad(Math.floor(cs / 100) % 60, 2) + "." + pad(cs % 100, 2);
  }
  function finish() {
    if (finished) return;
    finished = true;
    api.LMSSetValue("cmi.core.session_time", timespan(new Date().getTime() - started));
    api.LMSSetValue("cmi.core.exit", done() ? "" : "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
