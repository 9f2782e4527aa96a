// "Exit this page" (the GOV.UK pattern): leave at once for a neutral site, replacing this page in
// the history so Back does not return to it. Also on pressing Shift three times. Without
// JavaScript the button is still an ordinary link to the same neutral site.
(function () {
  "use strict";
  var EXIT = "[data-sw-exit]";

  function leave(event) {
    var link = document.querySelector(EXIT);
    if (!link) return;
    if (event) event.preventDefault();
    document.documentElement.classList.add("sw-leaving");
    document.title = "Loading";
    window.location.replace(link.href);
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(EXIT)) leave(event);
  });

  var presses = 0;
  var timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 5000);
    if (presses >= 3) leave();
  });
})();
