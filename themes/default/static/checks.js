/* Knowledge checks on chapter pages: the learner answers, checks, and sees which answers
   were right and why. Answers and whether they were checked are remembered on this
   computer (like checklist ticks), so a reload or a later visit shows the same state.
   Inside a SCORM course pack the result is also told to the launcher (scorm.js). */
(function () {
  "use strict";
  var section = document.querySelector(".knowledge-check[data-kc]");
  if (!section) return;
  var form = section.querySelector(".kc-form");
  var questions = Array.prototype.slice.call(form.querySelectorAll(".kc-question"));
  var checkButton = form.querySelector(".kc-check");
  var retryButton = form.querySelector(".kc-retry");
  var summary = form.querySelector(".kc-summary");
  // The same scheme as the checklist's "carebook-ticks:" key: one entry per page.
  var key = "carebook-checks:" + location.pathname;
  form.querySelector(".kc-actions").hidden = false;

  function inputs(q) { return Array.prototype.slice.call(q.querySelectorAll("input")); }
  function answers() {
    return questions.map(function (q) {
      return inputs(q).filter(function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
    });
  }
  function save(checked) {
    try { localStorage.setItem(key, JSON.stringify({ a: answers(), c: checked ? 1 : 0 })); } catch (e) { /* storage may be off */ }
  }
  function isRight(q) {
    return inputs(q).every(function (i) { return i.checked === i.hasAttribute("data-correct"); });
  }
  function mark(i, checked) {
    var el = i.closest("li").querySelector(".kc-mark");
    var correct = i.hasAttribute("data-correct");
    var sign = "", words = "", cls = "";
    if (checked && i.checked) {
      sign = correct ? "✓ " : "✗ ";
      words = correct ? "Your answer: right" : "Your answer: not right";
      cls = correct ? "kc-mark-right" : "kc-mark-wrong";
    } else if (checked && correct) {
      sign = "✓ "; words = "The right answer"; cls = "kc-mark-missed";
    }
    el.textContent = "";
    el.hidden = !words;
    el.className = "kc-mark" + (cls ? " " + cls : "");
    if (!words) return;
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = sign;
    el.appendChild(icon);
    el.appendChild(document.createTextNode(words));
  }
  /* Shows the marks and explanations (checked) or the plain form; returns how many
     questions are right. */
  function show(checked) {
    var right = 0;
    questions.forEach(function (q) {
      var ok = isRight(q);
      if (ok) right++;
      q.classList.toggle("kc-right", checked && ok);
      q.classList.toggle("kc-wrong", checked && !ok);
      inputs(q).forEach(function (i) { i.disabled = checked; mark(i, checked); });
      var result = q.querySelector(".kc-result");
      result.hidden = !checked;
      result.textContent = checked ? (ok ? "Right." : "Not quite.") : "";
      var why = q.querySelector(".kc-explanation");
      if (why) why.hidden = !checked;
    });
    checkButton.hidden = checked;
    retryButton.hidden = !checked;
    summary.textContent = checked ? "You got " + right + " of " + questions.length + " right." : "";
    return right;
  }
  /* In a course pack inside a learning platform, the launcher keeps the score. */
  function tell(right) {
    if (window.parent === window || !document.documentElement.getAttribute("data-pack-role")) return;
    var page = location.pathname.split("/").pop() || "index.html";
    window.parent.postMessage({ carebookPack: 1, page: page, check: { right: right, total: questions.length } }, "*");
  }

  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
  if (saved && Array.isArray(saved.a) && saved.a.length === questions.length) {
    questions.forEach(function (q, n) {
      var chosen = Array.isArray(saved.a[n]) ? saved.a[n] : [];
      inputs(q).forEach(function (i) { i.checked = chosen.indexOf(Number(i.value)) !== -1; });
    });
    if (saved.c) tell(show(true));
  }

  form.addEventListener("change", function () { save(false); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var open = questions.filter(function (q) { return !inputs(q).some(function (i) { return i.checked; }); });
    if (open.length) {
      var n = questions.indexOf(open[0]) + 1;
      summary.textContent = "Question " + n + " has no answer yet. Answer every question, then check.";
      inputs(open[0])[0].focus();
      return;
    }
    var right = show(true);
    save(true);
    summary.focus();
    tell(right);
  });
  retryButton.addEventListener("click", function () {
    questions.forEach(function (q) { inputs(q).forEach(function (i) { i.checked = false; }); });
    show(false);
    try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
    summary.textContent = "Answers cleared. Try the questions again.";
    inputs(questions[0])[0].focus();
  });
})();

/* print.html and the handout: a screen-only switch that leaves the knowledge-check
   worksheets out of one printing. */
(function () {
  "use strict";
  var toggle = document.querySelector(".kc-print-toggle");
  if (!toggle) return;
  function apply() { document.body.classList.toggle("kc-omit", !toggle.checked); }
  toggle.addEventListener("change", apply);
  apply();
})();
