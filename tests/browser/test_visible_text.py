"""No markup is ever shown as text, on any page of the built site.

The escaping tests (test_site_content.py) prove that hostile text never becomes markup. This is
the other half: our own markup never becomes text. A tag or a character reference that a reader
can see (`<cite>`, `&#58;`, `&lt;`) means something was escaped twice, as when
`el(...) + ", " + el(...)` made a plain str that was escaped again (issue 10). Two checks:

- every HTML file, parsed: no text node holds a tag or a character reference after the parser
  has decoded it (fast, and covers every file, including ones no page links to);
- every page in Chromium, as a reader sees it: the innerText of the page with every <details>
  opened. One browser, one page reused, JavaScript off (the text must be right without it) and
  images not fetched, so the whole site takes a few seconds.
"""
import html.parser
import re
import time

import pytest

from tests.site_support import PHONE, site_pages

# A tag (<cite>, </span>, <br/>) or a character reference (&#58; &#x3a; &lt; &amp;) as text.
SHOWN_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>|&#[0-9]+;|&#x[0-9a-fA-F]+;|&[a-zA-Z][a-zA-Z0-9]*;")


def markup_in(text):
    return sorted({match.group(0) for match in SHOWN_MARKUP.finditer(text)})


def test_the_check_recognises_markup_shown_as_text():
    shown = ("<cite>salford-vcse-joint-working-protocol.md</cite>, <span>The Protocol&#58; Worried about a "
             "child&#63;</span> &lt;b&gt; &amp;")
    assert markup_in(shown) == ["&#58;", "&#63;", "&amp;", "&gt;", "&lt;", "</cite>", "</span>", "<cite>", "<span>"]
    assert markup_in("Call 0161 603 4500 (8.30am to 5.00pm). Children's Social Care & MAST: a < b > c") == []


class TextNodes(html.parser.HTMLParser):
    """The text of an HTML file as the browser would hold it (character references decoded),
    leaving out scripts, styles and the contents of <template> and PyScript's config."""
    SKIP = {"script", "style", "template", "py-config", "mpy-config", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.found = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth and data.strip():
            self.found.append(data)


def test_no_html_file_holds_markup_as_text(built_site):
    files = sorted(built_site.rglob("*.html"))
    assert len(files) > 30
    found = {}
    for path in files:
        parser = TextNodes()
        parser.feed(path.read_text(encoding="utf-8"))
        shown = markup_in("\n".join(parser.found))
        if shown:
            found[path.relative_to(built_site).as_posix()] = shown[:5]
    print("\n%d HTML files read, %d with markup shown as text" % (len(files), len(found)))
    assert found == {}


@pytest.fixture(scope="module")
def reader(browser):
    """One page, JavaScript off, images not fetched: the fastest way to see what a reader sees."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    context.route(re.compile(r"\.(png|jpe?g|gif|webp|avif|ico|svg|woff2?)(\?.*)?$"), lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


def test_no_page_shows_markup_as_text_in_chromium(reader, server, built_site):
    pages = site_pages(built_site)
    started = time.perf_counter()
    found = {}
    for path in pages:
        reader.goto(server.url(path), wait_until="domcontentloaded")
        # Closed <details> keep their text out of innerText; open them all (this runs in
        # Playwright's own world, so it works with the page's JavaScript off).
        shown = reader.evaluate("() => { document.querySelectorAll('details').forEach(d => d.open = true);"
                                " return document.body.innerText; }")
        assert "Still Worried" in shown, path  # the page really was read
        markup = markup_in(shown)
        if markup:
            found[path] = markup[:5]
    print("\n%d pages read in Chromium in %.1f s, %d showing markup as text"
          % (len(pages), time.perf_counter() - started, len(found)))
    assert len(pages) > 30
    assert found == {}
