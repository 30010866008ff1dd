// newsprism web UI: small progressive enhancements; every page works without this file.
"use strict";

// Table filters: <input data-filter="TABLE_ID"> hides rows whose text lacks the typed words.
function installFilters() {
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    if (!table) { return; }
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) !== -1; });
      });
    });
  });
}

// Evidence anchors (#ev-START-END): scroll the span into view and flash it briefly.
function flashTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  if (!/^ev-\d+-\d+$/.test(id)) { return; }
  var el = document.getElementById(id);
  if (!el) { return; }
  el.scrollIntoView({block: "center"});
  el.classList.add("flash");
  setTimeout(function () { el.classList.remove("flash"); }, 2000);
}

document.addEventListener("DOMContentLoaded", function () {
  installFilters();
  flashTarget();
});
window.addEventListener("hashchange", flashTarget);
