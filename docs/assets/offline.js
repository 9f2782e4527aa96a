// Offline after one visit (issue 25), on every page. On the wizard page, once the answer is
// shown, and on the home page and an area's pages, once the phone is idle, it registers the
// site's service worker (sw.js at the site's root, made by sitebuild/offline.py), which saves the
// wizard and what it runs on as it installs, so that a shared link opens at once the next time,
// and hands it the site's files this page fetched before the worker was in charge. On Save-Data
// it registers nothing; on 2G, only on the wizard page (whose files the phone has just fetched).
// A page shown from the saved copy says how old it is, wherever it is.
//
// Nothing here stores anything a person typed or chose: the worker keeps only the site's own
// files, by their paths (no address fragment, no query). The page works without it.
(function () {
  "use strict";
  var html = document.documentElement;
  var script = document.currentScript;

  // "Thursday 3 December 2026", in London, as the rest of the site writes dates.
  function longDate(stamp) {
    var when = new Date(stamp);
    if (!stamp || isNaN(when.getTime()) || !window.Intl) { return null; }
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {timeZone: "Europe/London", weekday: "long", day: "numeric", month: "long",
                                      year: "numeric"}).formatToParts(when).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return parts.weekday + " " + parts.day + " " + parts.month + " " + parts.year;
  }

  // The worker adds <meta name="sw-saved-on"> to a page it shows from its saved copy (no signal,
  // or none in time): say so at the top, where it is read first.
  var saved = document.querySelector('meta[name="sw-saved-on"]');
  if (saved) {
    var day = longDate(saved.getAttribute("content"));
    var notice = document.createElement("div");
    notice.className = "sw-saved";
    notice.setAttribute("role", "status");
    var line = document.createElement("p");
    line.textContent = (day ? "Saved on " + day : "Saved on an earlier visit") + "; check the number if you can.";
    notice.appendChild(line);
    var place = document.querySelector(".md-content__inner") || document.querySelector("main") || document.body;
    place.insertBefore(notice, place.firstChild);
  }

  if (!script || !("serviceWorker" in navigator) || !window.URL || !window.MessageChannel) {
    html.setAttribute("data-sw-offline", "unsupported");
    return;
  }
  var connection = navigator.connection || {};
  if (connection.saveData) {
    html.setAttribute("data-sw-offline", "save-data");
    return;
  }
  var site = new URL("../", script.src);  // this file is assets/offline.js
  var wizard = document.getElementById("sw-wizard");
  if (!wizard && !document.querySelector('meta[name="sw-save-wizard"]')) {
    html.setAttribute("data-sw-offline", "not here");
    return;
  }
  if (!wizard && /2g$/.test(connection.effectiveType || "")) {
    html.setAttribute("data-sw-offline", "slow");
    return;
  }

  function send(worker, message) {
    return new Promise(function (done) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { done(); };
      worker.postMessage(message, [channel.port2]);
    });
  }

  // The site's files this page fetched before the worker was in charge of it (workerStart 0),
  // by their paths: the page itself and its stylesheets, scripts, runtime and data.
  function fetchedWithoutWorker() {
    var entries = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"));
    var urls = [];
    entries.forEach(function (entry) {
      if (entry.workerStart) { return; }
      var url = new URL(entry.name, location.href);
      if (url.origin !== site.origin || url.search || url.pathname.indexOf(site.pathname) !== 0) { return; }
      url.hash = "";
      if (urls.indexOf(url.href) < 0) { urls.push(url.href); }
    });
    return urls;
  }

  function start() {
    navigator.serviceWorker.register(new URL("sw.js", site).href, {scope: site.href}).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return send(registration.active, {type: "CACHE_URLS", payload: {urlsToCache: fetchedWithoutWorker()}});
    }).then(function () {
      html.setAttribute("data-sw-offline", "on");
    }, function () {
      html.setAttribute("data-sw-offline", "failed");  // the page works as before
    });
  }

  function whenIdle() {
    if (window.requestIdleCallback) { window.requestIdleCallback(start, {timeout: 5000}); } else { window.setTimeout(start, 1000); }
  }

  // On the wizard page, wait until the answer (or the message that it did not load) is shown, so
  // that nothing competes with a shared link's first download.
  function whenWizardDone() {
    var done = function () {
      return wizard.getAttribute("data-ready") === "yes" || wizard.getAttribute("data-slow") === "yes";
    };
    if (done()) { return whenIdle(); }
    var watcher = new MutationObserver(function () {
      if (done()) { watcher.disconnect(); whenIdle(); }
    });
    watcher.observe(wizard, {attributes: true, attributeFilter: ["data-ready", "data-slow"]});
  }

  var begin = wizard ? whenWizardDone : whenIdle;
  if (document.readyState === "complete") { begin(); } else { window.addEventListener("load", begin); }
}());
