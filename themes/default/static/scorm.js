/* SCORM 1.2 runtime for a carebook pack. Finds the learning platform's API in a parent
   or opener window, marks the lesson completed once the learner reaches the last
   chapter, and finishes the session when the pack is closed. Without a platform it does
   nothing, so the same files work as a plain site. */
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
  var completed = false;
  var finished = false;
  api.LMSInitialize("");
  var status = String(api.LMSGetValue("cmi.core.lesson_status") || "");
  completed = status === "completed" || status === "passed";
  if (status === "" || status === "not attempted") api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  var location = String(api.LMSGetValue("cmi.core.lesson_location") || "");
  if (location && /^[\w.-]+\.html$/.test(location)) frame.src = location;
  api.LMSCommit("");
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!frame || event.source !== frame.contentWindow || !data || data.carebookPack !== 1) return;
    api.LMSSetValue("cmi.core.lesson_location", String(data.page));
    if (data.last && !completed) {
      api.LMSSetValue("cmi.core.lesson_status", "completed");
      completed = true;
    }
    api.LMSCommit("");
  });
  function finish() {
    if (finished) return;
    finished = true;
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
