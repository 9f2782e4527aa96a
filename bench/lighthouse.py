"""Lighthouse scores for the guidance pages, on its default mobile profile.

Builds the site, serves it on 127.0.0.1 with gzip, and runs npm's lighthouse (pinned in
bench/package.json, kept out of the root package.json so that bin/setup and CI stay light)
in Debian's Chromium on each page. Prints the four category scores per page and, for any
score under 100, the audits that cost points. Target (issue 3): 100 in all four.

    .venv/bin/python bench/lighthouse.py                        # home, procedure, guidance, contacts
    .venv/bin/python bench/lighthouse.py wigan/wigan/ glossary/ # other pages
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from served_site import served_site  # noqa: E402
from site_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PAGES = ["", "salford/salford-vcse/", "salford/support/information-sharing/", "contacts/salford/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"


def install():
    """npm ci --prefix bench, skipped when the lock file has not changed since the last install."""
    stamp = BENCH / "node_modules" / ".stillworried-installed"
    lock = (BENCH / "package-lock.json").read_text()
    if not LIGHTHOUSE.exists() or not stamp.exists() or stamp.read_text() != lock:
        subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund", "--loglevel=error"],
                       check=True)
        stamp.write_text(lock)


def audit(url, report):
    flags = " ".join(["--headless=new"] + CHROMIUM_ARGS)
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=%s" % report,
                    "--chrome-flags=%s" % flags, "--only-categories=%s" % ",".join(CATEGORIES)],
                   check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    return json.loads(Path(report).read_text())


def lost_points(result, category):
    """The audits of a category that did not pass fully, with Lighthouse's own titles."""
    lost = []
    for ref in result["categories"][category]["auditRefs"]:
        found = result["audits"][ref["id"]]
        if ref["weight"] and found["score"] is not None and found["score"] < 1:
            lost.append("%s (%s: %s)" % (found["title"], ref["id"], found.get("displayValue", found["score"])))
    return lost


def main():
    pages = sys.argv[1:] or PAGES
    install()
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    print("Lighthouse %s, mobile (its default), Chromium at %s" % (version, CHROMIUM))
    print("%-40s %s" % ("page", "  ".join("%-14s" % name for name in CATEGORIES)))
    misses = []
    with served_site() as server, tempfile.TemporaryDirectory() as temp:
        for index, path in enumerate(pages):
            result = audit(server.url(path), Path(temp) / ("%d.json" % index))
            scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
            print("%-40s %s" % ("/" + path, "  ".join("%-14d" % scores[name] for name in CATEGORIES)))
            print("%-40s %s" % ("", ", ".join("%s %s" % (m.replace("-", " ").replace("contentful", "c.").replace(
                "cumulative ", ""), result["audits"][m]["displayValue"]) for m in METRICS)))
            for name in CATEGORIES:
                if scores[name] < 100:
                    misses += ["/%s %s: %s" % (path, name, lost) for lost in lost_points(result, name)]
    for miss in misses:
        print("  below 100 because of: " + miss)
    print("All four categories are 100 on every page." if not misses else "Target missed: see above.")


if __name__ == "__main__":
    main()
