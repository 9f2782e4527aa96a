// The wizard's loading line, in plain JavaScript so that it runs while Python is still loading,
// and also when Python never loads. The glue (pyscript/wizard.py) marks the wizard ready; if
// that has not happened after a few seconds, this says so and points to the procedure pages,
// which have the same steps and contacts. Nothing is stored.
//
// First paint: on a shared answer link (#procedure=...&stage=...&since=...) it fetches that
// procedure's static block (made at build from templates/answer_first.html, named by the
// page's data-first-paint pattern) and shows the stage's who, rule in words and contact buttons
// while Python starts. It works nothing out: the date and the today/overdue flag are the
// engine's, filled in when the glue writes the answer over this block.
(function () {
  "use strict";
  var wizard = document.getElementById("sw-wizard");
  var status = document.getElementById("sw-status");
  if (!wizard || !status) { return; }
  // Its sentences, written into the page by the build from the words catalogue
  // (stillworried/core/words/questions.py LOADING and NOT_LOADED), so this keeps no English.
  // Without them the page's own line (the quick answer needs JavaScript) stays.
  var said = {};
  try { said = JSON.parse(wizard.getAttribute("data-status-words") || "{}") || {}; } catch (e) { said = {}; }
  if (said.loading) { status.textContent = said.loading; }
  window.setTimeout(function () {
    if (wizard.getAttribute("data-ready") !== "yes") {
      wizard.setAttribute("data-slow", "yes");
      if (said.not_loaded) { status.textContent = said.not_loaded; }
    }
  }, 6000);

  // The address grammar's patterns, written into the page by the build from the Python that
  // reads the address (stillworried/core/address_grammar.py), so this keeps no copy of them.
  var grammar = null;
  try { grammar = JSON.parse(wizard.getAttribute("data-address") || "null"); } catch (e) { grammar = null; }

  function linked() {
    if (!grammar) { return null; }
    var found = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var pair = part.split("=");
      if (pair.length === 2 && !(pair[0] in found)) { found[pair[0]] = pair[1]; }
    });
    // A question asked again (&ask=, a Back or "Change" link) shows that question, not the answer.
    if (!new RegExp(grammar.procedure).test(found.procedure || "") || !new RegExp(grammar.stage).test(found.stage || "") ||
        !new RegExp(grammar.since).test(found.since || "") || grammar.ask in found) { return null; }
    return { procedure: found.procedure, stage: String(parseInt(found.stage, 10)) };
  }

  // The block names its area's part of the wizard's data: start downloading it now, so that it
  // is here when Python has started and asks for it (the glue's fetch uses this download).
  function preloadAreaPart(fragment) {
    var link = fragment.querySelector("link[rel=preload]");
    var href = link && link.getAttribute("href");
    if (!href || !/^(\.\.\/)+assets\/wizard\/data\/area-[a-z0-9-]+\.json$/.test(href)) { return; }
    var preload = document.createElement("link");
    preload.rel = "preload";
    preload.as = "fetch";
    preload.crossOrigin = "anonymous";
    preload.href = href;
    document.head.appendChild(preload);
  }

  var wanted = linked();
  // One pattern names every procedure's block: "../assets/wizard/first/{procedure}-<digest>.txt"
  // (linked() has checked the id is letters, digits and hyphens; an unknown one is a 404).
  var pattern = wizard.getAttribute("data-first-paint") || "";
  if (!wanted || pattern.indexOf("{procedure}") < 0 || !window.fetch) { return; }
  // High priority: the block is small, and the runtime's 265 KB would otherwise go first.
  window.fetch(pattern.replace("{procedure}", wanted.procedure), { credentials: "same-origin", priority: "high" }).then(function (response) {
    return response.ok ? response.text() : "";
  }).then(function (text) {
    var fragment = new DOMParser().parseFromString(text, "text/html");
    preloadAreaPart(fragment);
    var block = fragment.getElementById("sw-first-stage-" + wanted.stage);
    var result = document.getElementById("sw-result");
    // The glue may have answered already, or the reader moved on: then leave the page alone.
    if (!block || !result || wizard.getAttribute("data-ready") === "yes" || linked() === null ||
        linked().procedure !== wanted.procedure || linked().stage !== wanted.stage) { return; }
    block.id = "sw-first";
    result.replaceChildren(document.importNode(block, true));
    result.hidden = false;
    var danger = document.querySelector(".sw-danger-question");
    if (danger) { danger.hidden = true; }
    performance.mark("wizard-first-paint");
  }).catch(function () { /* the glue or the procedure pages answer instead */ });
}());
