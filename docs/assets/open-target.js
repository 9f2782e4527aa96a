// A link to one group of contacts (#agency-... or #list-...--agency on a contacts page) opens
// that group's <details>, so "find the right person" lands on the names, not on a closed box.
// Without JavaScript the link still lands on the group's summary, which a tap opens.
(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var details = target.closest("details");
    while (details) {
      details.open = true;
      details = details.parentElement && details.parentElement.closest("details");
    }
  }
  window.addEventListener("hashchange", openTarget);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", openTarget);
  else openTarget();
})();
