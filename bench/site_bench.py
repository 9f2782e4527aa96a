"""Benchmark: what a phone downloads, how soon it sees the page, and how long the build takes.

1. Builds the site into a temporary folder and serves it on 127.0.0.1 with gzip for text files
   (as a static host does). Loads the home page, a procedure page and a guidance page in
   Debian's Chromium on a throttled phone: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up
   (Chrome DevTools' "slow 4G"), CPU slowed 4 times, 412 x 915 mobile viewport, a fresh
   profile (cold cache) for every run. Prints the bytes transferred (compressed, as the network
   counts them, headers included) and the first contentful paint: median and min-max.
2. Times `mkdocs build` with synthetic data of 1, 10, 50 and 150 partnerships (see
   synthetic_data.py) and prints the seconds per size and the seconds each partnership adds.

Run it with the project's virtual environment (bin/setup makes it):

    .venv/bin/python bench/site_bench.py                 # both parts
    .venv/bin/python bench/site_bench.py --pages-only    # only the page loads
    .venv/bin/python bench/site_bench.py --build-only --sizes 1,10,50,150
    .venv/bin/python bench/site_bench.py --compare 3,150 # issue 11's table: 3 and 150 side by side

Targets (issue 3): at most 120 KB compressed and FCP at most 1.0 s for a guidance page; build
time growing linearly, at most 60 s for 150 partnerships on 2 cores.
"""
import argparse
import gzip
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_data  # noqa: E402
from phone_profile import CPU_SLOWDOWN, fetched_size, spread, throttled_phone  # noqa: E402
from served_site import served_site  # noqa: E402
from site_support import CHROMIUM, CHROMIUM_ARGS, Server, build_site  # noqa: E402

PAGES = {"home": "", "procedure": "salford/salford-vcse/", "guidance": "salford/support/information-sharing/"}
TARGET_BYTES = 120 * 1024
TARGET_FCP_MS = 1000
BUILD_TARGET_SECONDS = 60


def load_once(browser, url):
    """One cold load on the throttled phone: (bytes, bytes before the load event, FCP in ms,
    {url: bytes}). The page's CDP session does not see what its search worker fetches (the
    worker's own script): Playwright lists those requests, and their size is fetched directly."""
    context, page, cdp = throttled_phone(browser)
    urls, sizes, loaded = {}, {}, {"at": None}
    cdp.on("Network.requestWillBeSent", lambda event: urls.__setitem__(event["requestId"], event["request"]["url"]))
    cdp.on("Network.loadingFinished",
           lambda event: sizes.__setitem__(event["requestId"], (event["encodedDataLength"], event["timestamp"])))
    cdp.on("Page.loadEventFired", lambda event: loaded.__setitem__("at", event["timestamp"]))
    cdp.send("Page.enable")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="load", timeout=60_000)
    # Material fetches the search index in a worker after the page is shown: wait for it too.
    page.wait_for_load_state("networkidle", timeout=60_000)
    fcp = page.evaluate("() => { const e = performance.getEntriesByName('first-contentful-paint')[0];"
                        " return e ? e.startTime : null; }")
    context.close()
    by_url = {urls.get(rid, rid): size for rid, (size, _) in sizes.items()}
    for missed in set(requested) - set(by_url):
        if not missed.startswith("data:"):
            by_url[missed + " (worker)"] = fetched_size(missed)
    before_load = sum(size for size, at in sizes.values() if loaded["at"] is None or at <= loaded["at"])
    return sum(by_url.values()), before_load, fcp, by_url


def bench_pages(runs):
    from playwright.sync_api import sync_playwright

    with served_site() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print("Page loads: slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up), CPU x%d, 412x915 mobile, "
              "cold cache, gzip; %d runs each" % (CPU_SLOWDOWN, runs))
        print("%-10s %-38s %-24s %-24s %s" % ("page", "path", "KB transferred", "KB by load event", "FCP ms"))
        for name, path in PAGES.items():
            totals, early, paints, last = [], [], [], {}
            for _ in range(runs):
                total, before_load, fcp, last = load_once(browser, server.url(path))
                totals.append(total)
                early.append(before_load)
                paints.append(fcp)
            print("%-10s %-38s %-24s %-24s %s" % (name, "/" + path, spread(totals, scale=1024, digits=1),
                                                   spread(early, scale=1024, digits=1), spread(paints)))
            for url, size in sorted(last.items(), key=lambda item: -item[1]):
                if not url.startswith("data:"):
                    print("%14.1f KB  %s" % (size / 1024, url.replace(server.origin, "")))
            verdict = "meets" if statistics.median(totals) <= TARGET_BYTES and \
                statistics.median(paints) <= TARGET_FCP_MS else "MISSES"
            print("%14s the target of 120 KB and FCP 1.0 s" % verdict)
        browser.close()


def time_build(data_dir, site_dir):
    """(wall-clock seconds, CPU seconds) of one build. The CPU time is shown too because the
    machine may be shared: it does not grow when other work slows the build down."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = build_site(site_dir, data_dir=data_dir,
                        env={"STILLWORRIED_SOURCES": str(synthetic_data.documents_of(data_dir))})
    seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit("The synthetic site did not build:\n" + result.stdout + result.stderr)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return seconds, cpu


def fit(label, points):
    """Least-squares line through (partnerships, seconds), and how far each point is from it."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    slope, intercept = statistics.linear_regression(xs, ys)
    print("%s: %.2f s + %.3f s per partnership (r = %.4f; 1 is a straight line)"
          % (label, intercept, slope, statistics.correlation(xs, ys)))
    print("  " + "; ".join("%d: measured %.1f s, line %.1f s" % (x, y, intercept + slope * x) for x, y in points))


def bench_builds(sizes, runs):
    print("\nmkdocs build --strict with synthetic data (Salford, Wigan and Southwark, then copies of them); "
          "%d CPU cores, load average %.1f" % (os.cpu_count(), os.getloadavg()[0]))
    print("%-13s %-6s %-5s %-24s %-24s %-12s %s" % ("partnerships", "pages", "runs", "wall-clock seconds",
                                                    "CPU seconds", "s/partner.", "search index KB (gzip)"))
    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="stillworried-build-") as temp:
        for size in sizes:
            data = synthetic_data.write_data(ROOT / "data", Path(temp) / ("data-%d" % size), size)
            site = Path(temp) / ("site-%d" % size)
            times = [time_build(data, site) for _ in range(runs if size < 100 else max(1, min(runs, 2)))]
            pages = sum(1 for _ in site.rglob("index.html"))
            wall, cpu = [t[0] for t in times], [t[1] for t in times]
            walls.append((size, statistics.median(wall)))
            cpus.append((size, statistics.median(cpu)))
            index = len(gzip.compress((site / "search" / "search_index.json").read_bytes(), compresslevel=6))
            print("%-13d %-6d %-5d %-24s %-24s %-12.3f %.0f" % (size, pages, len(times), spread(wall, "s", digits=2),
                                                              spread(cpu, "s", digits=2), statistics.median(wall) / size,
                                                              index / 1024))
    if len(walls) >= 2:
        fit("Wall clock", walls)
        fit("CPU", cpus)
        largest, seconds = walls[-1]
        print("%d partnerships in %.1f s: %s the target of %d s" % (largest, seconds, "meets" if seconds
              <= BUILD_TARGET_SECONDS else "MISSES", BUILD_TARGET_SECONDS))


def served_file(site, origin, url):
    path = site / url[len(origin) + 1:].split("#")[0].split("?")[0].replace(" (worker)", "")
    return path / "index.html" if path.is_dir() or url.endswith("/") else path


def brotli_kb(site, origin, urls):
    """KB of the bodies (no headers) a host sending Brotli would send for these URLs: the build's
    .br copy where there is one, else the file compressed at quality 5, as a host does on the fly
    (images, and Pagefind's files, which are gzip already, as they are). Chromium asks for Brotli
    only over HTTPS, so the local benchmark cannot measure it on the wire."""
    import brotli

    total = 0
    for url in set(urls):
        if not url.startswith(origin):
            continue
        path = served_file(site, origin, url)
        ready = path.with_name(path.name + ".br")
        if ready.is_file():
            total += ready.stat().st_size
        elif path.suffix in (".png", ".ico", ".woff2", ".zip", ".pf_meta", ".pf_index", ".pf_fragment", ".pagefind"):
            total += path.stat().st_size
        elif path.is_file():
            total += len(brotli.compress(path.read_bytes(), quality=5))
    return total / 1024


# Targets at 150 partnerships (issue 11).
COMPARE_TARGETS = {"home KB": 150, "first search KB": 150, "wizard answer KB": 350, "build s": 60}


def compare(sizes, runs, build_runs, encoding="gzip"):
    """The side-by-side table of issue 11: for each number of partnerships, the build time, the
    home and procedure pages' bytes until the network is quiet, a first search (bytes fetched for
    it and the time until its results show), and the wizard opened on a shared answer link (bytes
    and time until the answer is written)."""
    from playwright.sync_api import sync_playwright
    from search_bench import pagefind_search
    from wizard_bench import ANSWER, wizard_once

    columns = {}
    with tempfile.TemporaryDirectory(prefix="stillworried-compare-") as temp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in sizes:
            data = synthetic_data.write_data(ROOT / "data", Path(temp) / ("data-%d" % size), size)
            site = Path(temp) / ("site-%d" % size)
            builds = [time_build(data, site) for _ in range(build_runs)]
            server = Server(site, compress=encoding)
            column = {"build s": spread([wall for wall, _ in builds], digits=1),
                      "build CPU s": spread([cpu for _, cpu in builds], digits=1),
                      "pages": str(sum(1 for _ in site.rglob("index.html")))}
            medians = {"build s": statistics.median(wall for wall, _ in builds)}
            loads_by_page = {}
            for name in ("home", "procedure"):
                loads = [load_once(browser, server.url(PAGES[name])) for _ in range(runs)]
                loads_by_page[name] = list(loads[-1][3])
                column[name + " KB"] = spread([load[0] for load in loads], scale=1024, digits=1)
                column[name + " KB, Brotli bodies"] = "%.1f" % brotli_kb(site, server.origin, loads[-1][3])
                column[name + " FCP ms"] = spread([load[2] for load in loads])
                medians[name + " KB"] = statistics.median(load[0] for load in loads) / 1024
            # A first search (Pagefind, on the search page): what it fetches once the words are
            # submitted, and the time until the results show.
            searches = [pagefind_search(browser, server) for _ in range(runs)]
            column["first search KB"] = spread([sum(search[1].values()) for search in searches], scale=1024, digits=1)
            column["first search KB, Brotli bodies"] = "%.1f" % brotli_kb(site, server.origin, searches[-1][1])
            column["first search ms"] = spread([search[2] for search in searches])
            column["search page KB"] = spread([sum(search[0].values()) for search in searches], scale=1024, digits=1)
            medians["first search KB"] = statistics.median(sum(search[1].values()) for search in searches) / 1024
            answers = [wizard_once(browser, server.url(ANSWER)) for _ in range(runs)]
            column["wizard answer KB"] = spread([answer[1] for answer in answers], scale=1024, digits=1)
            column["wizard answer KB, Brotli bodies"] = "%.1f" % brotli_kb(site, server.origin, answers[-1][2])
            column["wizard answer ms"] = spread([answer[0] for answer in answers])
            column["wizard data fetched KB (raw JSON)"] = "%.1f" % (sum(
                (site / url[len(server.origin) + 1:]).stat().st_size for url in set(answers[-1][2])
                if "/assets/wizard/data/" in url) / 1024)
            medians["wizard answer KB"] = statistics.median(answer[1] for answer in answers) / 1024
            for label, urls in (("home", loads_by_page["home"]), ("wizard answer", answers[-1][2])):
                heavy = sorted(((len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0), url)
                               for url, file in ((url, served_file(site, server.origin, url)) for url in set(urls)))
                column[label + ": largest files, KB gzip"] = "; ".join(
                    "%s %.0f" % (url.replace(server.origin, "").rsplit("/", 1)[-1][:24] or "page", size / 1024)
                    for size, url in heavy[::-1][:4])
            medians["wizard answer ms"] = statistics.median(answer[0] for answer in answers)
            server.close()
            columns[size] = (column, medians)
            print("measured %d partnerships (load average %.1f)" % (size, os.getloadavg()[0]), flush=True)
        browser.close()
    rows = list(columns[sizes[0]][0])
    print("\nSlow 4G (150 ms, 1.6 Mbit/s), CPU x%d, 412x915, cold cache, %s; median (min-max) of %d loads, "
          "%d builds; the machine is shared, so times are noisy (CPU times are not)"
          % (CPU_SLOWDOWN, "Brotli" if encoding == "br" else "gzip", runs, build_runs))
    print("| | " + " | ".join("%d partnerships" % size for size in sizes) + " |")
    print("| --- |" + " --- |" * len(sizes))
    for row in rows:
        print("| %s | %s |" % (row, " | ".join(columns[size][0][row] for size in sizes)))
    largest = columns[sizes[-1]][1]
    for row, target in COMPARE_TARGETS.items():
        print("%s at %d: %.1f, target <= %d: %s" % (row, sizes[-1], largest[row], target,
                                                    "meets" if largest[row] <= target else "MISSES"))
    first = columns[sizes[0]][1]["wizard answer ms"]
    print("wizard answer at %d: %.0f ms, at %d: %.0f ms (%+.0f%%)" % (sizes[0], first, sizes[-1],
          largest["wizard answer ms"], 100 * (largest["wizard answer ms"] / first - 1)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads per page (default 5)")
    parser.add_argument("--build-runs", type=int, default=3, help="builds per size; sizes of 100 or more are built "
                        "at most twice (default 3)")
    parser.add_argument("--sizes", default="1,10,50,150", help="partnership counts to time the build with")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--pages-only", action="store_true")
    only.add_argument("--build-only", action="store_true")
    only.add_argument("--compare", metavar="SIZES", help="the side-by-side table for these partnership counts "
                      "(for example 3,150): build time, home and procedure pages, a first search, "
                      "the wizard on a shared link")
    parser.add_argument("--encoding", choices=("gzip", "br"), default="gzip",
                        help="with --compare, what the host sends: gzip (every static host) or Brotli (br)")
    args = parser.parse_args()
    if args.compare:
        return compare([int(size) for size in args.compare.split(",")], args.runs, args.build_runs, args.encoding)
    if not args.build_only:
        bench_pages(args.runs)
    if not args.pages_only:
        bench_builds([int(size) for size in args.sizes.split(",")], args.build_runs)


if __name__ == "__main__":
    main()
