"""Benchmark (issue 9): what a shared answer link shows, and when, on a cheap phone.

Builds the site, serves it on 127.0.0.1 with gzip, and opens the wizard on a shared link
(Southwark stage 4, and Wigan stage 2) on the throttled phone of phone_profile.py (slow 4G 150 ms,
1.6 Mbit/s, CPU x4, 412 x 915, cold cache). For each run it records:

- first contentful paint (FCP);
- who and the rule shown: the moment the status script has put the stage's static first-paint
  block on the page (the "wizard-first-paint" mark), before Python has started;
- the date: the moment the glue has written the engine's answer ("wizard-ready");
- the bytes transferred (compressed, as the network counts them);
- a plain-JS page that works out the same date: a static page whose inline script counts the
  same working days (weekends and the bank holidays of the data) and writes the date. It is a
  yardstick only: the site implements no rule in JavaScript.

Prints medians with min-max. Targets (issue 9): the date at most 2.3 s median, at most 3 times
the plain-JS page, at most 300 KB compressed; who and the rule shown at (or just after) FCP.

    .venv/bin/python bench/wizard_first_paint.py [--runs 5]
"""
import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from phone_profile import CPU_SLOWDOWN, spread, throttled_page  # noqa: E402
from site_support import CHROMIUM, CHROMIUM_ARGS, Server, build_site  # noqa: E402

LINKS = {"southwark stage 4": "still-worried/#procedure=southwark&stage=4&since=2026-11-23",
         "wigan stage 2": "still-worried/#procedure=wigan&stage=2&since=2026-11-23"}
TARGET_MS = 2300
TARGET_RATIO = 3.0
TARGET_BYTES = 300 * 1024


def mark(page, name):
    return page.evaluate("n => (performance.getEntriesByName(n)[0] || {}).startTime || null", name)


def wizard_once(browser, url):
    context, page, sizes = throttled_page(browser)
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_selector("#sw-wizard[data-ready=yes]", state="attached", timeout=120_000)
    page.wait_for_load_state("networkidle")
    figures = {"fcp": mark(page, "first-contentful-paint"), "who": mark(page, "wizard-first-paint"),
               "date": mark(page, "wizard-ready"), "bytes": sum(sizes.values())}
    if not page.evaluate("() => !!document.querySelector('#sw-result time[datetime]')"):
        sys.exit("The wizard was ready but showed no date: the benchmark is measuring the wrong moment.")
    context.close()
    return figures


def write_plain_page(site, holidays):
    """A static page whose script counts 2 working days from 23 November 2026 and shows it."""
    folder = site / "bench-plain-date"
    folder.mkdir()
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
        'content="width=device-width"><title>Plain date</title></head><body><h1>Southwark stage 4</h1>'
        '<p>Answer due by <time id="d"></time></p><script>var h=%s;var d=new Date(Date.UTC(2026,10,23));'
        'var n=0;while(n<2){d.setUTCDate(d.getUTCDate()+1);var s=d.toISOString().slice(0,10);'
        'if(d.getUTCDay()%%6&&h.indexOf(s)<0){n++;}}document.getElementById("d").textContent='
        'd.toDateString();performance.mark("plain-date");</script></body></html>' % json.dumps(holidays))
    return "bench-plain-date/"


def plain_once(browser, url):
    context, page, sizes = throttled_page(browser)
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_function("() => performance.getEntriesByName('plain-date').length", timeout=120_000)
    done = mark(page, "plain-date")
    context.close()
    return done


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--encoding", choices=("gzip", "br"), default="gzip",
                        help="what the host sends: gzip (every static host) or Brotli (br), from the build's copies")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    from stillworried.bank_holidays import calendar_data

    temp = Path(tempfile.mkdtemp(prefix="stillworried-first-paint-"))
    try:
        result = build_site(temp / "site")
        if result.returncode != 0:
            sys.exit("The site did not build:\n" + result.stderr)
        holidays = [day for day in calendar_data()["holidays"] if day.startswith("2026")]
        plain = write_plain_page(temp / "site", holidays)
        server = Server(temp / "site", compress=args.encoding)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            runs = {name: [wizard_once(browser, server.url(link)) for _ in range(args.runs)]
                    for name, link in LINKS.items()}
            plain_times = [plain_once(browser, server.url(plain)) for _ in range(args.runs)]
            browser.close()
        server.close()
    finally:
        shutil.rmtree(temp, ignore_errors=True)

    print("Wizard on a shared link: slow 4G (150 ms, 1.6 Mbit/s), CPU x%d, 412x915, cold cache, %d runs, served with %s"
          % (CPU_SLOWDOWN, args.runs, args.encoding))
    print("  plain-JS page working out the same date: %s ms" % spread(plain_times))
    for name, figures in runs.items():
        column = {key: [f[key] for f in figures if f[key] is not None] for key in ("fcp", "who", "date", "bytes")}
        print(" %s" % name)
        print("  first contentful paint   %s ms" % spread(column["fcp"]))
        print("  who and the rule shown   %s ms (%d of %d runs before Python)" % (
            spread(column["who"]) if column["who"] else "-", len(column["who"]), args.runs))
        print("  the date shown           %s ms" % spread(column["date"]))
        print("  transferred              %s KB" % spread(column["bytes"], scale=1024, digits=1))
        ratio = statistics.median(column["date"]) / statistics.median(plain_times)
        for label, met in (("date <= 2.3 s", statistics.median(column["date"]) <= TARGET_MS),
                           ("<= 3x the plain-JS page (%.2f)" % ratio, ratio <= TARGET_RATIO),
                           ("<= 300 KB compressed", statistics.median(column["bytes"]) <= TARGET_BYTES)):
            print("  %-30s %s" % (label, "meets" if met else "MISSES"))


if __name__ == "__main__":
    main()
