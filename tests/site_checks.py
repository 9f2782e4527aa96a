"""Fast checks of every page of a built site, by parsing its HTML (lxml): no browser visit per
page, so they take seconds for the 40 pages of today and well under a minute for the ~1,800 of a
150-partnership site. What only a browser can tell (layout, axe, focus, what is visible) is
tested on one page of each kind in test_site_browser.py.

Each check returns a list of problems ("page: what is wrong"), empty when all is well, so the
tests print every problem at once and the same checks can be run on a synthetic site by hand:

    .venv/bin/python tests/site_checks.py SITE_DIR
"""
import base64
import hashlib
import re
import sys
import time
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import phonenumbers

from stillworried.core import page_ids

WIZARD = "still-worried/"
# Attributes that make a browser fetch something: none may point at another host.
FETCHING = {"script": ["src"], "link": ["href"], "img": ["src", "srcset"], "iframe": ["src"], "source": ["src", "srcset"],
            "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"], "track": ["src"],
            "form": ["action"], "input": ["src"]}
# Links to other sites a reader may follow (never fetched by the page itself).
E164_UK = re.compile(r"\+44\d{9,10}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]+", re.I)


def html_files(site):
    """{site path of the page: file}, e.g. {'': .../index.html, 'salford/': ..., '404.html': ...}."""
    site = Path(site)
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.endswith("index.html"):
            relative = relative[:-len("index.html")]
        pages[relative] = path
    return pages


@lru_cache(maxsize=None)
def parsed(path):
    return lxml.html.parse(str(path)).getroot()


def is_elsewhere(url):
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def target_file(site, page_path, url):
    """The file a same-site link points at (None for a link to another site or a scheme such as
    tel:), and its fragment."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, None
    joined = urlsplit(urljoin("http://site/" + page_path, url))
    path = unquote(joined.path).lstrip("/")
    target = Path(site) / path
    if not path or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def ids(path):
    return set(parsed(path).xpath("//@id"))


def check_links(site, pages):
    """Every link, script, stylesheet and image on the site resolves to a file of the site, and
    every #fragment to an id on its page. Nothing is fetched from another host."""
    problems = []
    for page_path, path in pages.items():
        root = parsed(path)
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            if element.tag == "link" and set((element.get("rel") or "").split()) & {"canonical", "alternate"}:
                continue  # names the page's address, fetches nothing
            for attribute in FETCHING.get(element.tag, []):
                value = element.get(attribute)
                if value and is_elsewhere(value) and not value.startswith(("data:", "blob:")):
                    problems.append("%s: <%s %s=%r> is fetched from another host" % (page_path, element.tag,
                                                                                     attribute, value))
            urls = [element.get("href")] if element.tag in ("a", "link") else []
            urls += [element.get("src")] if element.tag in ("script", "img", "source", "iframe") else []
            for url in urls:
                if not url or url.startswith(("tel:", "mailto:", "data:", "javascript:")):
                    continue
                target, fragment = target_file(site, page_path, url)
                if target is None:
                    continue
                if not target.is_file():
                    problems.append("%s: the link %r leads to no file" % (page_path, url))
                elif fragment and target.suffix == ".html" and fragment not in ids(target) \
                        and not fragment.startswith(("area", "procedure=", "immediate-danger", "__")):
                    problems.append("%s: the link %r leads to no id %r" % (page_path, url, fragment))
    return problems


def check_policies(pages):
    """A Content-Security-Policy meta tag first in <head> on every page (the 404 page too), no
    'unsafe-inline' script, eval on the wizard page only, and every inline script's hash in it."""
    problems = []
    for page_path, path in pages.items():
        if page_path == "404.html":
            continue  # TODO(issue 12): MkDocs writes 404.html without the hook; helper 12 adds its CSP
        head = parsed(path).find("head")
        first = head[0] if head is not None and len(head) else None
        if first is None or first.tag != "meta" or first.get("http-equiv") != "Content-Security-Policy":
            problems.append("%s: the Content-Security-Policy is not the first tag of <head>" % page_path)
            continue
        policy = first.get("content")
        found = re.search(r"script-src ([^;]*)", policy)
        scripts = found.group(1).split() if found else []
        if "default-src 'self'" not in policy or not scripts:
            problems.append("%s: the policy has no default-src 'self' or no script-src" % page_path)
        if "'unsafe-inline'" in scripts:
            problems.append("%s: the policy allows inline scripts" % page_path)
        if ("'unsafe-eval'" in scripts) != (page_path == WIZARD):
            problems.append("%s: eval must be allowed on the wizard page and only there" % page_path)
        for script in parsed(path).xpath("//script[not(@src)]"):
            body = script.text or ""
            kind = script.get("type", "")
            if kind in ("application/json", "application/ld+json") or kind.endswith("-config"):
                continue
            digest = "'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            if digest not in scripts:
                problems.append("%s: an inline script is not allowed by the policy (%s)" % (page_path, body[:40]))
    return problems


def shown_in(link, name):
    """The text of a link's data-field=name part if it has one, else all its text."""
    part = link.xpath(".//*[@data-field='%s']" % name)
    return (part[0] if part else link).text_content()


def check_phone_and_email_links(pages):
    """Every tel: link is 999 or a valid UK number in E.164 and shows that number; every mailto:
    link shows its own address. A contact card's button (templates/contact_card.html) says more
    ("Call", a label): there the number or address is its own field. The wizard's blank
    <template>s are filled in the browser. Returns (problems, numbers checked)."""
    problems, checked = [], 0
    for page_path, path in pages.items():
        for link in parsed(path).xpath("//a[starts-with(@href, 'tel:')][not(ancestor::template)]"):
            href, shown = link.get("href"), shown_in(link, page_ids.NUMBER)
            number = href[len("tel:"):]
            if number == "999":
                if "999" not in shown:
                    problems.append("%s: %s shows %r" % (page_path, href, shown))
                continue
            try:
                ok = E164_UK.fullmatch(number) and phonenumbers.is_valid_number(phonenumbers.parse(number)) \
                    and phonenumbers.parse(shown, "GB") == phonenumbers.parse(number)
            except phonenumbers.NumberParseException:
                ok = False
            if not ok:
                problems.append("%s: %s shows %r" % (page_path, href, shown.strip()))
            checked += 1
        for link in parsed(path).xpath("//a[starts-with(@href, 'mailto:')][not(ancestor::template)]"):
            href, shown = link.get("href"), shown_in(link, page_ids.EMAIL_ADDRESS)
            if href != "mailto:" + shown or not EMAIL.fullmatch(shown):
                problems.append("%s: %s shows %r" % (page_path, href, shown))
    return problems, checked


def check_page_basics(pages):
    """Each page: lang="en", a title, one <h1>, ids unique, and 999 and the quick exit in its
    header (that they are on screen is checked in the browser, one page of each kind)."""
    problems = []
    for page_path, path in pages.items():
        root = parsed(path)
        if root.get("lang") != "en":
            problems.append("%s: <html> has no lang=\"en\"" % page_path)
        title = root.findtext(".//title")
        if not title or not title.strip():
            problems.append("%s: no <title>" % page_path)
        headings = root.xpath("//h1")
        if len(headings) != 1:
            problems.append("%s: %d <h1> headings" % (page_path, len(headings)))
        seen = set()
        for ident in root.xpath("//@id"):
            if ident in seen:
                problems.append("%s: the id %r is used twice" % (page_path, ident))
            seen.add(ident)
        banner = root.xpath("//div[@class='sw-banner']")
        if not banner or not banner[0].xpath(".//a[@href='tel:999']") or not banner[0].xpath(".//a[@data-sw-exit]"):
            problems.append("%s: no 999 and quick exit in the header" % page_path)
    return problems


def check_all(site):
    """Every check on every page: (problems, pages, phone numbers checked)."""
    pages = html_files(site)
    phone_problems, numbers = check_phone_and_email_links(pages)
    problems = check_links(site, pages) + check_policies(pages) + phone_problems + check_page_basics(pages)
    return problems, len(pages), numbers


if __name__ == "__main__":
    started = time.perf_counter()
    found, count, numbers = check_all(sys.argv[1])
    print("\n".join(found[:50]))
    print("%d pages, %d phone links, %d problems, %.1f s" % (count, numbers, len(found), time.perf_counter() - started))
    sys.exit(1 if found else 0)
