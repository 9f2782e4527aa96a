"""The edges a hostile page or a curious browser would find: the 404 page carries the same
Content-Security-Policy as every page and its inline scripts still run under it; no page may be
framed (_headers); and the wizard leaves nothing behind on the phone, not even the empty
IndexedDB database PyScript would create."""
import re

from tests.site_support import PHONE

WIZARD = "still-worried/"
# Every CSP violation on the page, whether or not the browser logs it.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_the_404_page_has_the_policy_and_its_inline_scripts_run_under_it(browser, server, built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
    assert html.index("Content-Security-Policy") < html.index("<script")
    scripts = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto(server.url("404.html"))
    page.wait_for_load_state("load")
    # Material's inline scripts define __md_scope and read the palette; they ran, so the hashes match.
    assert page.evaluate("() => typeof __md_scope") == "object"
    assert page.evaluate("() => window.__violations") == []
    assert [error for error in errors if "Content Security Policy" in error] == []
    context.close()


def test_headers_forbid_framing_for_every_page_including_404(built_site):
    blocks = (built_site / "_headers").read_text().strip().split("\n\n")
    paths = [block.splitlines()[0] for block in blocks]
    assert "/404.html" in paths and "/" in paths and "/" + WIZARD in paths
    for block in blocks:
        headers = dict(line.strip().split(": ", 1) for line in block.splitlines()[1:])
        assert headers["X-Frame-Options"] == "DENY", block
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], block


def test_frame_ancestors_is_not_in_the_meta_tags_where_browsers_ignore_it(built_site):
    """In a meta tag frame-ancestors does nothing and Chromium logs an error for it."""
    for name in ("index.html", "404.html", WIZARD + "index.html"):
        html = (built_site / name).read_text(encoding="utf-8")
        assert "frame-ancestors" not in html, name


def test_the_wizard_creates_no_indexeddb_database(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url(WIZARD + "#procedure=wigan&stage=2&since=2026-11-23"))
    page.wait_for_selector("#sw-wizard[data-ready=yes]", state="attached", timeout=30000)
    page.wait_for_selector("#sw-result:not([hidden])")
    assert "Wigan" in page.inner_text("#sw-result")
    page.evaluate("() => { location.hash = 'procedure=southwark&stage=4&since=2026-11-23'; }")
    page.wait_for_function("() => document.querySelector('#sw-result-title').textContent.includes('Stage 4')")
    assert page.evaluate("async () => (await indexedDB.databases()).map(d => d.name)") == []
    assert page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    assert errors == []
    context.close()
