"""Benchmark: how soon the "Still worried?" wizard can answer on a cheap phone with a weak signal.

Builds the site, serves it on 127.0.0.1 with compression as a static host does, and opens the
wizard on an answer (Southwark stage 4) in Debian's Chromium on the throttled phone profile of
phone_profile.py: slow 4G (150 ms, 1.6 Mbit/s down), CPU x4, 412 x 915, a cold cache every run.
For each of 5 runs it records:

- able to answer: the moment the glue has started Python, loaded the engine and its data, and
  written the answer (the "wizard-ready" performance mark), from the start of navigation;
- the bytes transferred (compressed, as the network counts them);
- a plain page of the same size: a static page that fetches one file with the same number of
  bytes (random, so it does not compress), timed to the moment it has them all. The ratio shows what
  starting Python costs beyond the download itself.

It prints medians with min-max. Targets (issue 4): able to answer in at most 2.0 s median, at most
3 times the plain page, at most 300 KB compressed; (issue 11) at most 350 KB with 150
partnerships, and no slower than with 3 (site_bench.py --compare 3,150 prints both side by side).

    .venv/bin/python bench/wizard_bench.py [--runs 5] [--interpreter micropython|pyodide] [--partnerships 150]
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from phone_profile import CPU_SLOWDOWN, spread, throttled_page  # noqa: E402
from site_support import CHROMIUM, CHROMIUM_ARGS, Server, build_site  # noqa: E402

ANSWER = "still-worried/#procedure=southwark&stage=4&since=2026-11-23"
TARGET_MS = 2000
TARGET_RATIO = 3.0
TARGET_BYTES = 300 * 1024


def wizard_once(browser, url):
    """(ms until able to answer, bytes transferred, the URLs fetched) for one cold load."""
    context, page, sizes = throttled_page(browser)
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_selector("#sw-wizard[data-ready=yes]", state="attached", timeout=120_000)
    ready = page.evaluate("() => performance.getEntriesByName('wizard-ready')[0].startTime")
    answered = page.evaluate("() => !document.querySelector('#sw-result').hidden")
    page.wait_for_load_state("networkidle")
    fetched = page.fetched()
    context.close()
    if not answered:
        sys.exit("The wizard was ready but had not written the answer: the benchmark is measuring the wrong moment.")
    return ready, sum(sizes.values()), fetched


def plain_once(browser, url):
    """(ms until the plain page has all its bytes, bytes transferred)."""
    context, page, sizes = throttled_page(browser)
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_function("() => performance.getEntriesByName('plain-done').length", timeout=120_000)
    done = page.evaluate("() => performance.getEntriesByName('plain-done')[0].startTime")
    context.close()
    return done, sum(sizes.values())


def write_plain_page(site, size):
    """A page with nothing to run: HTML that fetches one file of `size` random (so
    incompressible) bytes, the same weight as the wizard, and marks when it has them all."""
    folder = site / "bench-plain"
    folder.mkdir()
    (folder / "payload.bin").write_bytes(os.urandom(size))
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title></head>'
        '<body><h1>Plain page</h1><script>fetch("payload.bin").then(r => r.arrayBuffer())'
        '.then(() => performance.mark("plain-done"));</script></body></html>')
    return "bench-plain/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--encoding", choices=("gzip", "br"), default="gzip",
                        help="what the host sends: gzip (every static host) or Brotli (br), from the build's copies")
    parser.add_argument("--interpreter", choices=("micropython", "pyodide"), default="micropython")
    parser.add_argument("--partnerships", type=int, default=None,
                        help="build with this many synthetic partnerships (synthetic_data.py) instead of data/")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    temp = Path(tempfile.mkdtemp(prefix="stillworried-wizard-bench-"))
    config = None
    if args.interpreter != "micropython":
        config = ROOT / (".mkdocs-bench-%d.yml" % os.getpid())
        config.write_text("INHERIT: mkdocs.yml\nextra:\n  wizard_interpreter: %s\n" % args.interpreter)
    try:
        data, env = None, None
        if args.partnerships:
            import synthetic_data
            data = synthetic_data.write_data(ROOT / "data", temp / "data", args.partnerships)
            env = {"STILLWORRIED_SOURCES": str(synthetic_data.documents_of(data))}
        result = build_site(temp / "site", data_dir=data, config_file=config, env=env)
        if result.returncode != 0:
            sys.exit("The site did not build:\n" + result.stderr)
        server = Server(temp / "site", compress=args.encoding)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            times, sizes = [], []
            for _ in range(args.runs):
                ready, size, _ = wizard_once(browser, server.url(ANSWER))
                times.append(ready)
                sizes.append(size)
            plain = write_plain_page(temp / "site", int(statistics.median(sizes)))
            plain_times, plain_sizes = [], []
            for _ in range(args.runs):
                loaded, size = plain_once(browser, server.url(plain))
                plain_times.append(loaded)
                plain_sizes.append(size)
            browser.close()
        server.close()
    finally:
        if config:
            config.unlink()
        shutil.rmtree(temp, ignore_errors=True)

    ratios = [ready / loaded for ready, loaded in zip(sorted(times), sorted(plain_times))]
    ratio = statistics.median(times) / statistics.median(plain_times)
    print("Wizard on %s, %s: slow 4G (150 ms, 1.6 Mbit/s), CPU x%d, 412x915, cold cache, %d runs, served with %s"
          % (args.interpreter, "%d partnerships" % args.partnerships if args.partnerships else "data/",
             CPU_SLOWDOWN, args.runs, args.encoding))
    print("  able to answer     %s ms" % spread(times))
    print("  transferred        %s KB" % spread(sizes, scale=1024, digits=1))
    print("  plain page, same size: all bytes in %s ms, %s KB" % (spread(plain_times), spread(plain_sizes, scale=1024, digits=1)))
    print("  ratio to the plain page  %.2f (median over median; sorted pairs %.2f-%.2f)"
          % (ratio, min(ratios), max(ratios)))
    verdicts = [("able to answer <= 2.0 s", statistics.median(times) <= TARGET_MS),
                ("<= 3x the plain page", ratio <= TARGET_RATIO),
                ("<= 300 KB compressed", statistics.median(sizes) <= TARGET_BYTES)]
    for label, met in verdicts:
        print("  %-26s %s" % (label, "meets" if met else "MISSES"))


if __name__ == "__main__":
    main()
