// The site's service worker (issue 25): after one visit the site works with no signal.
// sitebuild/offline.py fills in SITE and writes this file as sw.js at the site's root, so its
// scope is the whole site, under a project sub-path too. It uses Workbox (npm, pinned by
// package-lock.json), loaded from the site's own assets/workbox-<hash>/ folder, never a CDN.
//
// As it installs (on the wizard page once the answer is shown, or on the home page or an area's
// page while the phone is idle), it saves the wizard page and everything it runs on, so that the
// next shared link needs nothing from the network but the page itself: it takes charge only
// once that is saved. Not on Save-Data or 2G.
//
// What it keeps, in two caches of the site's own files and nothing else:
// - pages ("still-worried-pages"): every page opened, and, when the wizard is used for an
//   area, that area's page, procedure pages and contacts page and the home page. Network first:
//   online, the newest copy is shown and saved; with no signal (or none within 3 seconds) the
//   saved copy is shown, with a line saying when it was saved (savedOn).
// - files ("still-worried-files"): the wizard's runtime, Python and data, and the pages'
//   stylesheets and scripts. A file whose name holds a hash of its content is kept until a newer
//   one of the same name replaces it (newestOnly), so only the data of the areas used is kept,
//   one copy each; the few files without a hash (our own small scripts and stylesheets) are
//   shown from the cache and refreshed from the network each time.
// It keeps no answer, nothing typed and no address fragment: the cache is keyed by the path
// alone (sitePath), so neither the fragment that holds the wizard's answers nor a query string
// is ever stored. It uses no IndexedDB.
/* global importScripts, workbox */
"use strict";

const SITE = {/* SITE, filled in by sitebuild/offline.py */};

importScripts(SITE.workbox + "workbox-sw.js");
workbox.setConfig({modulePathPrefix: SITE.workbox, debug: false});
const {Router} = workbox.routing;
const {CacheFirst, NetworkFirst, StaleWhileRevalidate} = workbox.strategies;
const {clientsClaim} = workbox.core;

const SCOPE = new URL(self.registration.scope);
const PAGES = "still-worried-pages";
const FILES = "still-worried-files";
// A path (from the site's root) whose name holds a hash of its content: SITE.hashed's patterns,
// each matching the whole path as (what comes before the hash)(the hash)(what comes after it).
const HASHED = SITE.hashed.map((pattern) => new RegExp(pattern));

function sitePath(url) {
  const parsed = new URL(url, SCOPE);
  if (parsed.origin !== SCOPE.origin || !parsed.pathname.startsWith(SCOPE.pathname)) { return null; }
  return parsed.pathname.slice(SCOPE.pathname.length);
}

// The path with its hash left out: two versions of one file have the same family.
function hashedFamily(path) {
  for (const pattern of HASHED) {
    const found = pattern.exec(path);
    if (found) { return found[1] + "*" + found[3]; }
  }
  return null;
}

function isPage(path) {
  return path !== null && (path === "" || path.endsWith("/") || path.endsWith(".html")) &&
    !path.startsWith("assets/");
}

function saveData(request) {
  const connection = self.navigator.connection;
  return Boolean((connection && connection.saveData) || (request && request.headers.get("Save-Data") === "on"));
}

function slow() {
  const connection = self.navigator.connection;
  return Boolean(connection && /2g$/.test(connection.effectiveType || ""));
}

// Plugins (Workbox's lifecycle callbacks).

// The cache key is the URL without its fragment or query: nothing from the address but the path.
const keyedByPath = {
  cacheKeyWillBeUsed: async ({request}) => {
    const url = new URL(request.url);
    return url.origin + url.pathname;
  },
};

// Only whole, successful answers are kept.
const okOnly = {
  cacheWillUpdate: async ({response}) => (response && response.status === 200 ? response : null),
};

// A page shown from the cache says when it was saved: the status script (assets/offline.js)
// shows "Saved on <date>; check the number if you can" when it finds this line in the page.
const savedOn = {
  cachedResponseWillBeUsed: async ({cachedResponse}) => {
    if (!cachedResponse || (cachedResponse.headers.get("Content-Type") || "").indexOf("text/html") < 0) {
      return cachedResponse;
    }
    const when = Date.parse(cachedResponse.headers.get("Date") || "");
    const stamp = isNaN(when) ? "" : new Date(when).toISOString();
    const html = (await cachedResponse.text()).replace(
      "</head>", '<meta name="sw-saved-on" content="' + stamp + '"></head>');
    const headers = new Headers(cachedResponse.headers);
    headers.delete("Content-Length");
    headers.delete("Content-Encoding");
    return new Response(html, {status: cachedResponse.status, statusText: cachedResponse.statusText, headers});
  },
};

// When a file with a hash in its name is saved, older copies of the same file go.
const newestOnly = {
  cacheDidUpdate: async ({cacheName, request}) => {
    const path = sitePath(request.url);
    const family = path && hashedFamily(path);
    if (!family) { return; }
    const cache = await caches.open(cacheName);
    for (const key of await cache.keys()) {
      const other = sitePath(key.url);
      if (other !== path && other && hashedFamily(other) === family) { await cache.delete(key); }
    }
  },
};

// A page is always asked of the server ("no-cache": one unchanged since the browser last had it
// costs a "304 Not Modified"), so the browser's own cache (GitHub Pages lets it keep a page for
// 10 minutes) never shows an older page while the network answers. Workbox passes no options
// when it fetches a navigation, so the request is made afresh; "manual": a redirect is handed
// to the browser as it is, never saved.
const revalidated = {
  requestWillFetch: async ({request}) =>
    new Request(request.url, {cache: "no-cache", redirect: "manual", credentials: "same-origin"}),
};

// With no signal and no saved copy of the page asked for, the no-signal page (docs/offline.md),
// which says so with 999 and a way back, instead of the browser's error page with no 999.
const noSignalPage = {
  handlerDidError: async () => caches.match(new URL(SITE.pages.offline, SCOPE).href),
};

const pages = new NetworkFirst({cacheName: PAGES, networkTimeoutSeconds: 3,
                                plugins: [keyedByPath, revalidated, okOnly, savedOn, noSignalPage]});
// "force-cache": a file named by its content is the same wherever it comes from, so a copy the
// browser already has (the page has just fetched it) is taken without asking the server again.
const files = new CacheFirst({cacheName: FILES, fetchOptions: {cache: "force-cache"},
                              plugins: [keyedByPath, okOnly, newestOnly]});
const refreshed = new StaleWhileRevalidate({cacheName: FILES, plugins: [keyedByPath, okOnly]});

const router = new Router();
router.registerRoute(new workbox.routing.Route(({url}) => !url.search && isPage(sitePath(url)), pages));
router.registerRoute(new workbox.routing.Route(
  ({url}) => !url.search && sitePath(url) !== null && hashedFamily(sitePath(url)) !== null, files));
// The other files of assets/. Not sitemap.xml, which Material's script fetches on every page
// and which lists every page of the site (300 KB with 150 partnerships): with no signal that
// request fails, which changes nothing on the page.
router.registerRoute(new workbox.routing.Route(
  ({url}) => !url.search && (sitePath(url) || "").startsWith("assets/"), refreshed));
router.addFetchListener();
// {type: "CACHE_URLS", payload: {urlsToCache: [...]}}: assets/offline.js sends the files a page
// fetched before this worker controlled it; each is saved by its route above.
router.addCacheListener();

async function saved(path) {
  return Boolean(await caches.match(new URL(path, SCOPE).href));
}

// Save these paths, each by its route: a page always (to have its newest copy), a file only
// if it is not saved yet.
function save(paths, event) {
  return Promise.all(paths.map(async (path) => {
    if (!isPage(path) && await saved(path)) { return; }
    await router.handleRequest({request: new Request(new URL(path, SCOPE).href), event});
  }));
}

// An area's part of the wizard's data has been saved: save that area's pages and the home page
// too (and the stylesheets and scripts they need), so that they open with no signal. Not on
// Save-Data, which asks for no more than what is opened.
const areaPages = {
  cacheDidUpdate: async ({request, newResponse, event}) => {
    const found = new RegExp(SITE.area_part).exec(sitePath(request.url) || "");
    if (!found || saveData(event && event.request)) { return; }
    const area = found[1];
    const data = await newResponse.clone().json();
    const procedures = (data.area_procedures || {})[area] || [];
    const fill = (pattern, procedure) => pattern.replace("{area}", area).replace("{procedure}", procedure);
    const wanted = [SITE.pages.home, fill(SITE.pages.area), fill(SITE.pages.contacts), SITE.pages.contacts_index,
                    SITE.pages.offline]
      .concat(procedures.map((procedure) => fill(SITE.pages.procedure, procedure)), SITE.page_files);
    await save(wanted, event);
  },
};
files.plugins.push(areaPages);

// The wizard page and everything it runs on, but no area's data. Nothing is fetched when all of
// it is saved already; when a file is missing (a new build), the wizard page is fetched again
// with it, so the saved page names the saved files. A file the page has just fetched comes from
// the browser's own cache (see files).
async function saveWizard(event) {
  const present = await Promise.all(SITE.wizard.map(saved));
  if (!present.every(Boolean)) { await save(SITE.wizard, event); }
  if (!await saved(SITE.pages.offline)) { await save([SITE.pages.offline], event); }
}

self.addEventListener("install", (event) => {
  self.skipWaiting();
  if (!saveData(null) && !slow()) { event.waitUntil(saveWizard(event)); }
});
clientsClaim();
