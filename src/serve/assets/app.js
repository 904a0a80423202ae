// The review page's keyboard: j or n to the next unit that needs work, k or p to the
// previous one; u uses a missing unit's suggestion. The page works without this script.
(function () {
  "use strict";
  function todo() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-todo="true"]'));
  }
  function current(rows) {
    var active = document.activeElement;
    var row = active && active.closest ? active.closest("[data-unit]") : null;
    return row ? rows.indexOf(row) : -1;
  }
  function go(step) {
    var rows = todo();
    if (rows.length === 0) { return; }
    var at = current(rows);
    var next = at < 0 ? (step > 0 ? 0 : rows.length - 1) : at + step;
    if (next < 0 || next >= rows.length) { return; }
    rows[next].focus();
    rows[next].scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "TEXTAREA" || tag === "INPUT" || tag === "SELECT" || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === "j" || event.key === "n") { go(1); event.preventDefault(); }
    if (event.key === "k" || event.key === "p") { go(-1); event.preventDefault(); }
  });
  // A suggestion's button copies its Vietnamese into the unit's editor; saving stays a
  // person's decision.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-suggestion]") : null;
    if (!button) { return; }
    var row = button.closest("[data-unit]");
    var editor = row && row.querySelector("textarea[name=vi]");
    if (editor) { editor.value = button.getAttribute("data-suggestion"); editor.focus(); }
    event.preventDefault();
  });
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-suggestion]");
    for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = false; }
    // After a save, an approval or a conflict, the page opens at the unit acted on.
    var notice = document.querySelector("[data-focus-unit]");
    var unit = notice && notice.getAttribute("data-focus-unit");
    var rows = document.querySelectorAll("[data-unit]");
    for (var j = 0; unit && j < rows.length; j++) {
      if (rows[j].getAttribute("data-unit") === unit) {
        rows[j].focus();
        rows[j].scrollIntoView({ block: "center" });
        break;
      }
    }
  });
})();
