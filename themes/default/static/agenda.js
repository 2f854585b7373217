/* The course-pack agenda rules, for the pack builder in the browser. The same rules as
   `carebook pack` (src/course/agenda.rs): both run the cases in src/course/agenda-cases.json,
   so change them together. Loaded by a script tag (window.carebookAgenda) and by node's
   require in the tests. */
(function (root) {
  "use strict";
  var BREAK_MINUTES = 10;
  // A break is suggested once a stretch reaches STRETCH_MIN, or before a chapter that
  // would take the stretch past STRETCH_MAX.
  var STRETCH_MIN = 60;
  var STRETCH_MAX = 90;

  // The words times, durations and dates are written with: the strings table's locale
  // keys, from the page's carebook-strings block (node's tests give them with useWords).
  var S = {};
  try { S = JSON.parse(document.getElementById("carebook-strings").textContent); } catch (e) { /* node, or no block */ }
  function useWords(words) { S = words; }
  function ui(key, values) {
    var text = S[key] == null ? key : String(S[key]);
    return text.replace(/\{(\w+)\}/g, function (m, name) { return values && name in values ? values[name] : m; });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** "1:05" for 65 minutes into the class: not a time of day, the same in every language. */
  function clock(minutes) { return Math.floor(minutes / 60) + ":" + pad(minutes % 60); }

  /** A time of day, `minutes` after midnight (past midnight wraps): "13:05", or "1:05 pm"
   *  on a 12-hour clock. */
  function timeOfDay(minutes) {
    minutes = minutes % (24 * 60);
    var h = Math.floor(minutes / 60), mm = pad(minutes % 60);
    if (ui("clock") === "12h") {
      return ui("time_12h", { h: h % 12 === 0 ? 12 : h % 12, mm: mm, ampm: ui(h < 12 ? "time_am" : "time_pm") });
    }
    return ui("time_24h", { h: h, mm: mm });
  }

  /** "2 h 15 min", "1 h", "45 min". */
  function duration(minutes) {
    var h = Math.floor(minutes / 60), min = minutes % 60;
    if (h === 0) return ui("duration_minutes", { min: min });
    if (min === 0) return ui("duration_hours", { h: h });
    return ui("duration_hours_minutes", { h: h, min: min });
  }

  /** "9:30" or "09:30" (24-hour, as a time field gives it) as minutes after midnight;
   *  null when it is not one. */
  function parseStart(text) {
    var match = /^(\d{1,2}):(\d{2})$/.exec(String(text == null ? "" : text).trim());
    if (!match) return null;
    var h = Number(match[1]), m = Number(match[2]);
    return h <= 23 && m <= 59 ? h * 60 + m : null;
  }

  /** "2026-12-03" as "Thursday 3 December 2026" (`date_weekday`); null when it is not a
   *  real date. */
  function dateLabel(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text == null ? "" : text).trim());
    if (!match) return null;
    var y = Number(match[1]), m = Number(match[2]), d = Number(match[3]);
    var date = new Date(Date.UTC(y, m - 1, d));
    date.setUTCFullYear(y); // Date.UTC reads years 0-99 as 1900-1999
    if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    var name = function (list, i) { return (list.split("|")[i] || "").trim(); };
    return ui("date_weekday", { weekday: name(ui("weekdays"), date.getUTCDay()), day: d, month: name(ui("months"), m - 1), year: y });
  }

  /** The agenda for chapters of these lengths, in order; `start` in minutes after
   *  midnight puts it on the clock. Same shape as the Rust `Agenda`. */
  function plan(minutes, start) {
    var show = start == null ? clock : function (m) { return timeOfDay(start + m); };
    var slots = [], at = 0, stretch = 0, breaks = 0, teaching = 0;
    function slot(chapter, length) {
      slots.push({ chapter: chapter, minutes: length, start: show(at), end: show(at + length) });
      at += length;
    }
    minutes.forEach(function (m, i) {
      if (stretch > 0 && (stretch >= STRETCH_MIN || stretch + m > STRETCH_MAX)) {
        slot(null, BREAK_MINUTES);
        stretch = 0;
        breaks += 1;
      }
      slot(i, m);
      stretch += m;
      teaching += m;
    });
    return { slots: slots, teaching_minutes: teaching, total_minutes: at, total: duration(at), breaks: breaks };
  }

  /** A chapter's time in a class: its class-minutes when set, else its reading time. */
  function classMinutes(reading, classMins) { return classMins == null ? reading : classMins; }

  /** A pack id from a title, as carebook's slugify makes one. */
  function packId(title) {
    var out = "";
    String(title).split("").forEach(function (c) {
      if (/[A-Za-z0-9_]/.test(c)) out += c.toLowerCase();
      else if (out && out.charAt(out.length - 1) !== "-") out += "-";
    });
    out = out.replace(/-+$/, "");
    return out || "chapter";
  }

  var api = {
    BREAK_MINUTES: BREAK_MINUTES, plan: plan, clock: clock, timeOfDay: timeOfDay, duration: duration,
    parseStart: parseStart, dateLabel: dateLabel, classMinutes: classMinutes, packId: packId,
    useWords: useWords,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.carebookAgenda = api;
})(this);
