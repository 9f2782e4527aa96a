// The wizard's loading line, in plain JavaScript so that it runs while Python is still loading,
// and also when Python never loads. The glue (pyscript/wizard.py) marks the wizard ready; if
// that has not happened after a few seconds, this says so and points to the procedure pages,
// which have the same steps and contacts. Nothing is fetched or stored.
(function () {
  "use strict";
  var wizard = document.getElementById("sw-wizard");
  var status = document.getElementById("sw-status");
  if (!wizard || !status) { return; }
  status.textContent = "The quick answer is loading. Every procedure is also set out in full, stage by stage:";
  window.setTimeout(function () {
    if (wizard.getAttribute("data-ready") !== "yes") {
      wizard.setAttribute("data-slow", "yes");
      status.textContent = "The quick answer has not loaded, perhaps because the signal is weak. " +
        "Use the procedure pages instead: they have the same stages, contacts and time limits.";
    }
  }, 6000);
}());
