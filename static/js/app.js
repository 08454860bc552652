// Remiss: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }
  // Parts served open (so they work without JavaScript) fold away on small screens: below the
  // width in data-fold-small (px), 991.98 when it is empty.
  function foldOnSmallScreens() {
    if (!window.matchMedia) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("details[data-fold-small]"), function (d) {
      var below = d.getAttribute("data-fold-small") || "991.98";
      if (window.matchMedia("(max-width: " + below + "px)").matches) { d.open = false; }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    foldOnSmallScreens();
    focusErrorSummary();
  });
})();
