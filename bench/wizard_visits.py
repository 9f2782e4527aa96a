"""Benchmark (issue 25): the wizard on one phone, from a cold shared link to no signal, and what
keeping it costs a visitor who never opens it. At 3 and at 150 partnerships, side by side.

For each size it builds the site from synthetic_data.py, serves it on 127.0.0.1 with gzip (the
build's .gz copies, as nginx gzip_static sends them), and on the throttled phone of phone_profile.py
(slow 4G: 150 ms, 1.6 Mbit/s; CPU x4; 412 x 915) measures, 5 runs each:

- the wizard cold: a shared link (Southwark stage 4) on a fresh phone: when the date is shown
  (the glue's "wizard-ready" mark), and the bytes and files fetched until then;
- the floor: a page that fetches the same files at once and runs nothing, timed until it has
  them all; the ratio is the wizard's time over the floor's;
- what the service worker fetches after the date to keep the area's pages, and what the phone
  then holds in Cache Storage (the runtime, one area's data and pages, the home page);
- the second link: the same phone, another shared link (Southwark stage 2) opened afterwards;
- offline: the same phone with no network, a third link (Southwark stage 3);
- a step once loaded: the answer after a tap (another stage of the same area), and after
  choosing another area (Wigan, whose data is fetched then);
- a visitor who never opens the wizard: the home page on a fresh phone until the service worker
  has saved the wizard while idle, and the same page with Save-Data on.

The service worker's own requests are throttled like the page's (through its DevTools target);
its CPU is not slowed. Prints a Markdown table for bench/README.md, medians with min-max, and the
load average with each size.

    .venv/bin/python bench/wizard_visits.py [--runs 5] [--sizes 3,150]
"""
import argparse
import json
import os
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
from phone_profile import CPU_SLOWDOWN, SLOW_4G, spread, throttled_page  # noqa: E402
from site_bench import time_build  # noqa: E402
from site_support import CACHE_HOLDS, CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402

from sitebuild import offline  # noqa: E402
from stillworried.core import address_grammar  # noqa: E402

WIZARD = "still-worried/"
COLD = {"procedure": "southwark", "stage": 4, "since": "2026-11-23"}
SECOND = {"procedure": "southwark", "stage": 2, "since": "2026-11-23"}
OFFLINE = {"procedure": "southwark", "stage": 3, "since": "2026-11-23"}
SAME_AREA_STEPS = [{"procedure": "southwark", "stage": 5, "since": "2026-11-23"},
                   {"procedure": "southwark", "stage": 1, "since": "2026-11-23"}]
OTHER_AREA_STEP = {"procedure": "wigan", "stage": 2, "since": "2026-11-23"}
TARGETS = {"cold ms": 2300, "cold KB": 300, "ratio": 1.25, "second ms": 1000, "step ms": 300}
READY = "#sw-wizard[data-ready=yes]"
# Every path in Cache Storage, with the size of its body.
STORED = """async () => {
    const stored = {};
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            stored[new URL(request.url).pathname] = (await (await cache.match(request)).arrayBuffer()).byteLength;
        }
    }
    return stored;
}"""
# The time from a tap (the address changing) to the answer for it being written.
STEP = """async (fragment) => {
    const result = document.getElementById("sw-result");
    const started = performance.now();
    location.hash = fragment;
    await new Promise((done) => {
        const check = () => (!result.hidden && result.getAttribute("data-answers") === fragment
                             ? done() : requestAnimationFrame(check));
        check();
    });
    return performance.now() - started;
}"""
FAKE_SAVE_DATA = """Object.defineProperty(Navigator.prototype, "connection", {
    get: () => ({saveData: true, effectiveType: "4g"}), configurable: true});"""


class ServiceWorkers:
    """The service workers' DevTools targets, each throttled like the page as it starts
    (Playwright's per-page session does not reach a service worker)."""

    def __init__(self, browser):
        self.root = browser.new_browser_cdp_session()
        self.attached, self.sessions, self.next_id, self.offline = set(), [], 0, False
        self.root.on("Target.targetCreated", self._created)
        self.root.on("Target.detachedFromTarget", lambda event: self.sessions.remove(event["sessionId"])
                     if event["sessionId"] in self.sessions else None)
        self.root.send("Target.setDiscoverTargets", {"discover": True})

    def _send(self, session, method, params):
        self.next_id += 1
        self.root.send("Target.sendMessageToTarget", {"sessionId": session, "message": json.dumps(
            {"id": self.next_id, "method": method, "params": params})})

    def _created(self, event):
        info = event["targetInfo"]
        if info["type"] != "service_worker" or info["targetId"] in self.attached:
            return
        self.attached.add(info["targetId"])
        session = self.root.send("Target.attachToTarget", {"targetId": info["targetId"], "flatten": False})["sessionId"]
        self.sessions.append(session)
        self._send(session, "Network.enable", {})
        self._send(session, "Network.emulateNetworkConditions", dict(SLOW_4G, offline=self.offline))

    def set_offline(self, offline):
        """No network for the workers too (these conditions stand in for Playwright's own)."""
        self.offline = offline
        for session in list(self.sessions):
            try:
                self._send(session, "Network.emulateNetworkConditions", dict(SLOW_4G, offline=offline))
            except Exception:  # its phone has been closed
                if session in self.sessions:
                    self.sessions.remove(session)



def worker_bytes(context):
    """A function giving the compressed bytes (headers included) that the context's service
    worker has fetched from the network so far; a copy from the browser's cache counts 0."""
    finished = []
    context.on("requestfinished", lambda request: finished.append(request) if request.service_worker else None)

    def fetched():
        # Playwright reports the worker's requests a little after they end: wait until a second
        # goes by with none.
        count = -1
        while count != len(finished):
            count = len(finished)
            context.pages[0].wait_for_timeout(1000) if context.pages else time.sleep(1)
        return sum(sizes["responseBodySize"] + sizes["responseHeadersSize"]
                   for sizes in (request.sizes() for request in finished) if sizes["responseBodySize"] >= 0)
    return fetched


def mark(page, name):
    return page.evaluate("n => (performance.getEntriesByName(n)[0] || {}).startTime || null", name)


def open_link(browser, server, answers, context=None):
    """A page of the phone (a fresh one without context) on a shared link, once the date is
    shown: (context, page, {request id: bytes}, ms until the date)."""
    context, page, sizes = throttled_page(browser, context, cold_cache=False)
    page.goto(server.url(WIZARD + address_grammar.make_fragment(answers)), wait_until="commit", timeout=120_000)
    page.wait_for_selector(READY, state="attached", timeout=120_000)
    if not page.evaluate("() => !!document.querySelector('#sw-result time[datetime]')"):
        sys.exit("The wizard was ready but showed no date: the benchmark is measuring the wrong moment.")
    return context, page, sizes, mark(page, "wizard-ready")



def area_saved(page, config, area="southwark"):
    wanted = ["/contacts/%s/" % area, "/%s/" % area, "/", "/assets/wizard/data/area-%s-" % area]
    page.wait_for_function(CACHE_HOLDS, arg=wanted + ["/" + path for path in config["page_files"]], polling=200,
                           timeout=120_000)


def one_phone(browser, server, workers, config):
    """One phone's visits: cold, what is saved after it, the second link, steps, offline."""
    figures = {}
    context, page, sizes, figures["cold ms"] = open_link(browser, server, COLD)
    figures["cold bytes"], figures["cold files"] = sum(sizes.values()), len(sizes)
    figures["cold urls"] = page.fetched()
    by_worker = worker_bytes(context)
    page.wait_for_selector("html[data-sw-offline=on]", state="attached", timeout=120_000)
    area_saved(page, config)
    page.wait_for_load_state("networkidle")
    figures["saved after bytes"] = by_worker() + sum(sizes.values()) - figures["cold bytes"]
    stored = page.evaluate(STORED)
    figures["stored bytes"] = sum(stored.values())
    figures["stored largest"] = sorted(stored.items(), key=lambda item: -item[1])[:6]
    figures["stored area bytes"] = sum(size for path, size in stored.items()
                                       if "southwark" in path and path.endswith((".json", "/")))
    page.close()
    before = by_worker()
    _, page, sizes, figures["second ms"] = open_link(browser, server, SECOND, context)
    figures["second bytes"] = sum(sizes.values()) + by_worker() - before
    figures["step ms"] = [page.evaluate(STEP, address_grammar.make_fragment(step)) for step in SAME_AREA_STEPS]
    figures["step other area ms"] = page.evaluate(STEP, address_grammar.make_fragment(OTHER_AREA_STEP))
    page.close()
    context.set_offline(True)
    workers.set_offline(True)
    _, page, _, figures["offline ms"] = open_link(browser, server, OFFLINE, context)
    figures["offline notice"] = "check the number if you can" in page.inner_text(".sw-saved")
    context.close()
    workers.set_offline(False)
    return figures


def write_floor_page(site, urls, origin):
    """A page that fetches the given files at once, as the wizard's page does, and runs nothing."""
    folder = site / "bench-floor"
    folder.mkdir(exist_ok=True)
    paths = ["/" + url[len(origin) + 1:].split("#")[0] for url in urls if url.startswith(origin)]
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><h1>Floor</h1>'
        '<script>window.failed = [];Promise.allSettled(%s.map(u => fetch(u).then(r => r.ok ? r.arrayBuffer() : '
        'window.failed.push(u)).catch(() => window.failed.push(u))))'
        '.then(() => performance.mark("floor-done"));</script></body></html>' % json.dumps(paths))
    return "bench-floor/"


def floor_once(browser, server, path):
    context, page, sizes = throttled_page(browser)
    page.goto(server.url(path), wait_until="commit", timeout=120_000)
    page.wait_for_function("() => performance.getEntriesByName('floor-done').length", timeout=120_000)
    done = mark(page, "floor-done")
    if page.evaluate("() => window.failed"):
        sys.exit("The floor page could not fetch %s" % page.evaluate("() => window.failed"))
    context.close()
    return done, sum(sizes.values())


def never_opens(browser, server, config, save_data=False):
    """The home page on a fresh phone: (bytes of the page, bytes the service worker fetched),
    once the worker has saved the wizard (or, on Save-Data, once the page is quiet)."""
    context, page, sizes = throttled_page(browser, cold_cache=False)
    if save_data:
        context.add_init_script(FAKE_SAVE_DATA)
    by_worker = worker_bytes(context)
    page.goto(server.url(""), wait_until="load", timeout=120_000)
    state = "save-data" if save_data else "on"
    page.wait_for_selector("html[data-sw-offline=%s]" % state, state="attached", timeout=120_000)
    if not save_data:
        page.wait_for_function(CACHE_HOLDS, arg=["/" + path for path in config["wizard"]], polling=200, timeout=120_000)
    page.wait_for_load_state("networkidle")
    page_bytes, saved = sum(sizes.values()), by_worker()
    context.close()
    return page_bytes, saved


def measure(size, runs, temp, browser, workers):
    data = synthetic_data.write_data(ROOT / "data", Path(temp) / ("data-%d" % size), size)
    site = Path(temp) / ("site-%d" % size)
    time_build(data, site)
    config = offline.written_config(site)
    server = Server(site, compress="gzip")
    phones = [one_phone(browser, server, workers, config) for _ in range(runs)]
    floor = write_floor_page(site, phones[-1]["cold urls"], server.origin)
    floors = [floor_once(browser, server, floor) for _ in range(runs)]
    homes = [never_opens(browser, server, config) for _ in range(runs)]
    thrifty = [never_opens(browser, server, config, save_data=True) for _ in range(runs)]
    server.close()
    load = os.getloadavg()[0]

    def column(key):
        return [phone[key] for phone in phones]
    kb = dict(scale=1024, digits=1)
    cold_ms, floor_ms = statistics.median(column("cold ms")), statistics.median(f[0] for f in floors)
    steps = [ms for phone in phones for ms in phone["step ms"]]
    rows = {
        "the wizard cold: the date shown, ms": spread(column("cold ms")),
        "  transferred until then, KB (files)": "%s (%d)" % (spread(column("cold bytes"), **kb),
                                                           statistics.median(column("cold files"))),
        "the floor: the same files fetched, nothing run, ms": spread([f[0] for f in floors]),
        "  ratio, wizard to floor": "%.2f" % (cold_ms / floor_ms),
        "after the date, fetched to keep the area's pages, KB": spread(column("saved after bytes"), **kb),
        "  then held on the phone, KB (of which the area's data and pages)": "%s (%s)" % (
            spread(column("stored bytes"), **kb), spread(column("stored area bytes"), **kb)),
        "the second link on the same phone: the date shown, ms": spread(column("second ms")),
        "  transferred, KB": spread(column("second bytes"), **kb),
        "offline after one visit: the date shown, ms": spread(column("offline ms")),
        "  says \"Saved on ...; check the number if you can\"": "%d of %d runs" % (sum(column("offline notice")), runs),
        "a step once loaded (same area), ms": spread(steps),
        "a step to another area (its data fetched), ms": spread(column("step other area ms")),
        "never opens the wizard: home page, KB": spread([home[0] for home in homes], **kb),
        "  then saved while idle (service worker, wizard), KB": spread([home[1] for home in homes], **kb),
        "  with Save-Data: home page, KB; saved while idle, KB": "%s; %s" % (
            spread([home[0] for home in thrifty], **kb), spread([home[1] for home in thrifty], **kb)),
        "load average (1 min) after the runs": "%.1f" % load,
    }
    medians = {"cold ms": cold_ms, "cold KB": statistics.median(column("cold bytes")) / 1024,
               "ratio": cold_ms / floor_ms, "second ms": statistics.median(column("second ms")),
               "step ms": statistics.median(steps)}
    print("measured %d partnerships (load average %.1f); the phone's largest saved files, KB: %s" % (
        size, load, "; ".join("%s %.0f" % (path, size / 1024) for path, size in phones[-1]["stored largest"])),
        flush=True)
    return rows, medians


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="3,150")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sizes = [int(size) for size in args.sizes.split(",")]
    columns = {}
    with tempfile.TemporaryDirectory(prefix="stillworried-visits-") as temp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        workers = ServiceWorkers(browser)
        for size in sizes:
            columns[size] = measure(size, args.runs, temp, browser, workers)
        browser.close()
    print("\nSlow 4G (150 ms, 1.6 Mbit/s), CPU x%d, 412x915, gzip; median (min-max) of %d runs; %d CPU cores"
          % (CPU_SLOWDOWN, args.runs, os.cpu_count()))
    print("| | " + " | ".join("%d partnerships" % size for size in sizes) + " |")
    print("| --- |" + " --- |" * len(sizes))
    for row in columns[sizes[0]][0]:
        print("| %s | %s |" % (row, " | ".join(columns[size][0][row] for size in sizes)))
    for size in sizes:
        medians = columns[size][1]
        print("%d partnerships: " % size + "; ".join(
            "%s %.2f (target <= %s): %s" % (key, medians[key], target, "meets" if medians[key] <= target else "MISSES")
            for key, target in TARGETS.items()))


if __name__ == "__main__":
    main()
