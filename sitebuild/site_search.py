"""Site search with Pagefind: what each page offers the index, and the indexing step of the build.

Why Pagefind and not Material's own search: Material fetches its whole search index on every page
view (1.2 MB compressed at 150 partnerships), whether or not anyone searches. Pagefind's index is
split into small files, and a query fetches only the few it needs, from the search page only
(figures in bench/README.md, "Search"; bench/search_bench.py measures both).

What is indexed is each page's article, nothing around it (navigation, header, 999 banner, quick
exit, footer), and within it not the source citations, the wizard's forms or anything hidden in a
<template>: a result should read as prose. Every heading gets an id, so a result can name the
section it comes from and link to it. Each page also tells the index which phone numbers its text
holds, as E.164 (checked by stillworried.phones, that is by libphonenumber), so the search page can
turn a number in a result into a call link without guessing.

Nothing here depends on MkDocs: mkdocs_hooks.py calls prepare() on each page's HTML and index() once
the site is written.
"""
import gzip
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from markupsafe import escape

from stillworried import phone_policy
from stillworried.core import page_ids

# Where the index and Pagefind's own script go, inside the built site.
BUNDLE = page_ids.SEARCH_INDEX
# Parts of an article that are not prose for a reader: source citations (the file names are for
# maintainers) and the tables of sources in a note (when the sources give different numbers, the
# note's own text already names both numbers and both documents), the wizard's questions and
# answer templates, scripts' fallbacks.
EXCLUDE = (".sw-source", "cite", ".admonition table", "form", "template", "noscript", "script", "style", ".headerlink",
           ".md-source-file", ".sw-noprint")
# Pagefind ships ready-made interfaces; the site uses its own small one (docs/assets/search.js),
# so these are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "pagefind-worker.js")
ARTICLE = '<article class="md-content__inner md-typeset">'
HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1>", re.S)
TAG = re.compile(r"<[^>]+>")
# Something that may be a UK phone number in running text: 11 digits from a 0 (or +44 and 10),
# in groups. libphonenumber then decides whether it is one.
CANDIDATE = re.compile(r"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[ -]?\d){8,9}(?![\d])|(?<!\d)999(?!\d)")


class IndexingFailed(Exception):
    """Pagefind could not index the site; the message says why, for a maintainer."""


def _text(fragment):
    return re.sub(r"\s+", " ", html.unescape(TAG.sub(" ", fragment))).strip()


def _slug(words):
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-") or "section"


def phone_numbers(text):
    """{number as written in the text: E.164} for every number in it that the site may make
    callable (stillworried.phone_policy: a valid UK number, and 999, never a premium-rate,
    personal, drama or other number the policy refuses)."""
    found = {}
    for match in CANDIDATE.finditer(text):
        written = re.sub(r"\s+", " ", match.group(0))
        parsed = phone_policy.callable(written)
        if parsed:
            found[written] = parsed[0]
    return found


def _name_headings(article, taken):
    def named(match):
        level, attributes, inner = match.group(1), match.group(2) or "", match.group(3)
        if re.search(r"\bid=", attributes):
            return match.group(0)
        base = candidate = _slug(_text(inner))
        number = 2
        while candidate in taken:
            candidate, number = "%s-%d" % (base, number), number + 1
        taken.add(candidate)
        return '<h%s id="%s"%s>%s</h%s>' % (level, candidate, attributes, inner, level)
    return HEADING.sub(named, article)


def prepare(output, site_name, area=None):
    """The page's HTML marked for the index: its article is what Pagefind reads, each heading in it
    has an id, and the index is told the page's title (as in its <title>, which names the area's
    partnership where the heading says only "Overview"), its area, and its phone numbers."""
    start = output.find(ARTICLE)
    if start < 0:
        return output
    end = output.find("</article>", start)
    article = output[start + len(ARTICLE):end]
    taken = set(re.findall(r'\bid="([^"]+)"', output))
    article = _name_headings(article, taken)
    numbers = phone_numbers(_text(article))
    meta = ";".join("%s=%s" % pair for pair in sorted(numbers.items()))
    opening = ARTICLE[:-1] + ' data-pagefind-body data-pagefind-meta="phones:%s">' % escape(meta)
    title = re.search(r"<title>(.*?)</title>", output, re.S)
    title = _text(title.group(1)) if title else ""
    suffix = " - " + site_name
    title = title[:-len(suffix)] if title.endswith(suffix) else title
    # Values in the element's text, not in an attribute: a title may hold a comma, which
    # Pagefind's attribute form would split on. Hidden, and left out of the searchable text.
    labels = "".join('<span hidden data-pagefind-ignore data-pagefind-meta="%s">%s</span>' % (key, escape(value))
                     for key, value in (("title", title), ("area", area)) if value)
    return output[:start] + opening + article + labels + output[end:]


def index(site_dir):
    """Index the built site into site_dir/pagefind/. Raises IndexingFailed with a plain message."""
    bundle = Path(site_dir) / BUNDLE
    if bundle.is_dir():
        shutil.rmtree(bundle)  # an index left from an earlier build (mkdocs build --dirty)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE, "--quiet"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        raise IndexingFailed("Pagefind took more than 5 minutes to index the site and was stopped.") from None
    if result.returncode != 0:
        said = list(dict.fromkeys(line.strip() for line in (result.stderr + result.stdout).splitlines() if line.strip()))
        if "pagefind" in "".join(said[-3:]).lower() and "no module" in "".join(said[-3:]).lower():
            raise IndexingFailed("Pagefind is not installed. Run bin/setup (it installs the versions pinned in "
                                 "requirements.txt), then build again.")
        raise IndexingFailed("Pagefind could not index the site (exit code %d). What it said: %s"
                             % (result.returncode, " / ".join(said[-5:]) or "nothing"))
    if not (bundle / "pagefind.js").exists():
        raise IndexingFailed("Pagefind finished but wrote no pagefind.js in %s." % bundle)
    for name in UNUSED:
        path = bundle / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def indexed_pages(site_dir):
    """What the index holds, page by page: Pagefind's fragments (gzip, after a 12-byte marker),
    each {url, content, meta, anchors}. For the tests and the benchmark."""
    pages = []
    for path in sorted((Path(site_dir) / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        pages.append(json.loads(data[data.index(b"{"):]))
    return pages
