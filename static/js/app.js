// Remiss: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }
  // Parts served open (so they work without JavaScript) fold away on small screens.
  function foldOnSmallScreens() {
    if (!window.matchMedia || !window.matchMedia("(max-width: 991.98px)").matches) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("details[data-fold-small]"), function (d) {
      d.open = false;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    foldOnSmallScreens();
    focusErrorSummary();
  });
})();
