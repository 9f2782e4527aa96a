"""Benchmark: what search costs a phone, with Material's search and with Pagefind (issue 11).

For 3 and for 150 partnerships (synthetic_data.py), builds the site twice: as it is (Pagefind, the
search page search/) and with Material's search plugin switched on (a temporary copy of
mkdocs.yml). Serves each on 127.0.0.1 with gzip and loads it in Debian's Chromium on the throttled
phone of phone_profile.py (slow 4G, CPU x4, 412 x 915, cold cache). Prints the medians (and min-max)
of several runs of:

- a page view: the home page, bytes until the network is quiet;
- a first search for "Bridge": bytes fetched for it, and the time from submitting the words to
  the results being shown.

Material (a), "index loaded on first use", is measured by holding back its search_index.json
until the first search: the page view is the home page without the index and the search worker,
and the first search is the index (sent when the search is made), the worker script and the time
until Material shows "matching documents". Material 9.8.1 has no option to do this itself, so the
figures are what a lazy-loading override could at best achieve. Pagefind (b) is measured as built:
the search page fetches nothing until the words are submitted.

Also prints the build time of each, Pagefind's indexing time on its own, and what each needs in
the Content-Security-Policy.

    .venv/bin/python bench/search_bench.py                 # 3 and 150 partnerships, 5 runs
    .venv/bin/python bench/search_bench.py --sizes 3 --runs 3
    .venv/bin/python bench/search_bench.py --keep /tmp/search-sites   # keep the builds; reuse them next time

Targets at 150 partnerships: home page view at most 150 KB, first search at most 150 KB.
"""
import argparse
import contextlib
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

import synthetic_data  # noqa: E402
from phone_profile import CPU_SLOWDOWN, fetched_size, spread, throttled_phone  # noqa: E402
from site_support import CHROMIUM, CHROMIUM_ARGS, Server, build_site  # noqa: E402

from sitebuild import site_search  # noqa: E402

QUERY = "Bridge"
TARGET_KB = 150
# Beside mkdocs.yml, since its paths are relative to it; one per run, so two runs never clash.
MATERIAL_CONFIG = ROOT / (".search-bench-material-%d.yml" % os.getpid())


class Traffic:
    """Every response of one page, as the network counts it (compressed, headers included).
    The page's CDP session sees what the page fetches; a worker's own script it does not, so
    Playwright's list of requests fills the gap, sized by fetching it directly."""

    def __init__(self, page, cdp):
        self.urls, self.done, self.requested = {}, {}, []
        cdp.on("Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: self.done.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.on("request", lambda request: self.requested.append(request.url))

    def snapshot(self):
        """{url: bytes} of everything finished so far."""
        seen = {}
        for rid, size in list(self.done.items()):
            url = self.urls.get(rid, rid)
            seen[url] = seen.get(url, 0) + size
        for url in list(self.requested):
            if url not in seen and not url.startswith("data:"):
                seen[url + " (worker)"] = fetched_size(url)
        return seen


def since(before, after):
    return {url: size for url, size in after.items() if url not in before}


def kb(sizes):
    return sum(sizes.values()) / 1024


def pagefind_run(browser, server):
    """(home page view KB, search page view KB, first search KB, first search ms, {url: bytes})."""
    context, page, cdp = throttled_phone(browser)
    traffic = Traffic(page, cdp)
    page.goto(server.url(""), wait_until="load", timeout=60_000)
    page.wait_for_load_state("networkidle", timeout=60_000)
    home = traffic.snapshot()
    context.close()

    search_page, searched, took = pagefind_search(browser, server)
    return kb(home), kb(search_page), kb(searched), took, searched


def pagefind_search(browser, server):
    """A first search on the search page, cold: ({url: bytes} of the page view, {url: bytes}
    fetched for the search, ms from submitting the words to the results being shown)."""
    context, page, cdp = throttled_phone(browser)
    traffic = Traffic(page, cdp)
    page.goto(server.url("search/"), wait_until="load", timeout=60_000)
    page.wait_for_load_state("networkidle", timeout=60_000)
    search_page = traffic.snapshot()
    page.evaluate("() => { window.swStarted = performance.now(); }")
    page.fill("#sw-search-input", QUERY)
    page.press("#sw-search-input", "Enter")
    took = page.wait_for_function(
        "() => /match/.test(document.querySelector('.sw-search__status').textContent)"
        " && document.querySelector('.sw-result') && performance.now() - window.swStarted", timeout=60_000).json_value()
    page.wait_for_load_state("networkidle", timeout=60_000)
    searched = since(search_page, traffic.snapshot())
    context.close()
    return search_page, searched, took


def material_run(browser, server):
    """The same for Material's search, its index held back until the first search."""
    context, page, cdp = throttled_phone(browser)
    traffic = Traffic(page, cdp)
    held = []
    page.route("**/search/search_index.json", lambda route: held.append(route))
    page.goto(server.url(""), wait_until="load", timeout=60_000)
    # The held request keeps the network busy, so "quiet" is: nothing new finished for 1.5 s.
    count, quiet_since = -1, time.monotonic()
    while time.monotonic() - quiet_since < 1.5:
        if len(traffic.done) != count:
            count, quiet_since = len(traffic.done), time.monotonic()
        page.wait_for_timeout(100)
    home = traffic.snapshot()
    worker = {url: size for url, size in home.items() if "/workers/search" in url}
    # The held index is listed as requested, not as received: it is not part of the page view.
    page_view = {url: size for url, size in home.items() if url not in worker and "search_index.json" not in url}
    page.evaluate("() => { window.swStarted = performance.now(); }")
    for route in held:
        route.continue_()
    page.click(".md-header__button[for='__search']")
    page.locator(".md-search__input").press_sequentially(QUERY, delay=20)
    took = page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && /matching document/i.test(m.textContent) && performance.now() - window.swStarted; }",
        timeout=120_000).json_value()
    searched = dict(since(home, traffic.snapshot()), **worker)
    context.close()
    return kb(page_view), None, kb(searched), took, searched


@contextlib.contextmanager
def material_config():
    """mkdocs.yml with Material's search plugin switched on, beside it (its paths are relative)."""
    text = (ROOT / "mkdocs.yml").read_text()
    MATERIAL_CONFIG.write_text(re.sub(r"^plugins:\n", "plugins:\n  - search\n", text, count=1, flags=re.M))
    try:
        yield MATERIAL_CONFIG
    finally:
        MATERIAL_CONFIG.unlink(missing_ok=True)


def policy(site, path):
    page = (site / path / "index.html").read_text()
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)


def extra_in_policy(site, path):
    """What the page's script-src allows beyond the site's own files and inline-script hashes."""
    script_src = re.search(r"script-src ([^;]*)", policy(site, path)).group(1).split()
    return [s for s in script_src if s != "'self'" and not s.startswith("'sha256-")] or ["nothing extra"]


def measure(browser, site, runs, run):
    server = Server(site, compress=True)
    try:
        results = [run(browser, server) for _ in range(runs)]
    finally:
        server.close()
    return results


def report(label, results, build_seconds):
    home = [r[0] for r in results]
    first = [r[2] for r in results]
    took = [r[3] for r in results]
    built = "build reused" if build_seconds != build_seconds else "build %.1f s" % build_seconds  # NaN: reused
    print("  %-26s home page view %-22s first search %-22s %-24s %s"
          % (label, spread(home, " KB", digits=1), spread(first, " KB", digits=1), spread(took, " ms"), built))
    if results[0][1] is not None:
        print("  %-26s search page view (before typing) %s" % ("", spread([r[1] for r in results], " KB", digits=1)))
    for url, size in sorted(results[-1][4].items(), key=lambda item: -item[1])[:8]:
        print("  %26s   %7.1f KB  %s" % ("", size / 1024, re.sub(r"^https?://[^/]+", "", url)))
    return statistics.median(home), statistics.median(first)


def main():
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="3,150")
    parser.add_argument("--keep", metavar="DIR", help="build into DIR and keep the sites; sites already there "
                        "(pagefind-N, material-N) are measured again without rebuilding")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # each line as soon as it is measured
    print("Search: slow 4G (150 ms, 1.6 Mbit/s down), CPU x%d, 412x915 mobile, cold cache, gzip; "
          "%d runs each; a first search for %r" % (CPU_SLOWDOWN, args.runs, QUERY))
    with (contextlib.nullcontext(args.keep) if args.keep else tempfile.TemporaryDirectory(prefix="stillworried-search-")
          ) as temp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in [int(s) for s in args.sizes.split(",")]:
            data = Path(temp) / ("data-%d" % size)
            if not data.is_dir():
                synthetic_data.write_data(ROOT / "data", data, size)
            print("\n%d partnerships" % size)
            built = {}
            for name, config in (("pagefind", None), ("material", MATERIAL_CONFIG)):
                site = Path(temp) / ("%s-%d" % (name, size))
                if args.keep and (site / "index.html").exists():
                    built[name] = (site, float("nan"))
                    continue
                with (material_config() if config else contextlib.nullcontext()):
                    started = time.perf_counter()
                    result = build_site(site, data_dir=data, config_file=config,
                                        env={"STILLWORRIED_SOURCES": str(synthetic_data.documents_of(data))})
                    built[name] = (site, time.perf_counter() - started)
                if result.returncode != 0:
                    sys.exit("The site did not build:\n" + result.stdout + result.stderr)
            site, seconds = built["pagefind"]
            started = time.perf_counter()
            site_search.index(site)
            indexing = time.perf_counter() - started
            pages = sum(1 for _ in site.rglob("index.html"))
            material_index = (built["material"][0] / "search" / "search_index.json").stat().st_size
            home_a, first_a = report("(a) Material, lazy index", measure(browser, built["material"][0], args.runs,
                                                                         material_run), built["material"][1])
            home_b, first_b = report("(b) Pagefind", measure(browser, site, args.runs, pagefind_run), seconds)
            print("  %d pages; Pagefind indexes them in %.1f s (within the build above); Material's index is "
                  "%.0f KB of JSON" % (pages, indexing, material_index / 1024))
            print("  CSP script-src beyond 'self': (a) every page: %s; (b) search page: %s, other pages: %s"
                  % (", ".join(extra_in_policy(built["material"][0], "")), ", ".join(extra_in_policy(site, "search")),
                     ", ".join(extra_in_policy(site, ""))))
            for label, home, first in (("(a)", home_a, first_a), ("(b)", home_b, first_b)):
                verdict = "meets" if home <= TARGET_KB and first <= TARGET_KB else "MISSES"
                print("  %s %s the targets (home <= %d KB, first search <= %d KB)" % (label, verdict, TARGET_KB,
                                                                                     TARGET_KB))
        browser.close()


if __name__ == "__main__":
    main()
