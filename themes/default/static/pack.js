/* Tells the SCORM launcher (scorm.html, when the pack runs inside a learning platform)
   which page the learner is on. Does nothing when the page is not in a frame. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var role = document.documentElement.getAttribute("data-pack-role");
  if (!role) return;
  var page = location.pathname.split("/").pop() || "index.html";
  window.parent.postMessage({ carebookPack: 1, page: page, last: role === "last" }, "*");
})();
