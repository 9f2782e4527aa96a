"""Offline after one visit, instant the second time, and the Python as it ships (issue 25).

The service worker (sitebuild/offline.py, sitebuild/service-worker.js, registered by
docs/assets/offline.js) keeps only the site's own files. In Chromium, with the network switched
off after one visit (Playwright's context.set_offline): the wizard answers for the area used and
its contacts page opens, each saying when it was saved; nothing a person typed or chose is in
Cache Storage; a new build's data replaces the saved copy on the next visit online; the home
page saves the wizard while idle, except on Save-Data and 2G. The browser tests are few, each
one phone's visits, on the session's built site where they can be.
"""
import json
import os
import re
import shutil

import pytest

from tests.conftest import DATA, ROOT
from tests.site_support import CACHE_HOLDS, PHONE, Server, build_site
from tests.source_copies import record_fingerprints, sources_copy
from sitebuild import offline, wizard_assets

LINK = "still-worried/#procedure=salford-vcse&stage=2&since=2026-11-23"
BRIDGE, NEW_BRIDGE = "0161 603 4500", "0161 603 4599"
CANARY = "ZQXCANARY42"
# Every request URL in the page's Cache Storage.
CACHED = """async () => {
    const urls = [];
    for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) { urls.push(request.url); }
    }
    return urls;
}"""


def wait_saved(page, *paths):
    page.wait_for_function(CACHE_HOLDS, arg=list(paths), polling=100, timeout=60000)


def cached_paths(page):
    return sorted({re.sub(r"^https?://[^/]+", "", url) for url in page.evaluate(CACHED)})


# --- The files (no browser) -------------------------------------------------------------------

def test_the_service_worker_names_only_files_of_the_site_by_their_paths(built_site):
    config = offline.written_config(built_site)
    named = config["wizard"] + config["page_files"]
    for path in named:
        assert not re.search(r"[:?#]", path), path
        assert (built_site / path).is_file() or (built_site / path / "index.html").is_file(), path
    for name in offline.WORKBOX:
        assert (built_site / config["workbox"] / name).is_file()
    script = (built_site / offline.SERVICE_WORKER).read_text()
    # Workbox from the site itself, never its CDN.
    assert "importScripts(SITE.workbox" in script and "googleapis" not in script
    assert "indexedDB" not in script


def test_every_file_the_wizard_runs_on_is_named_by_its_content(built_site):
    """So the saved copy of one can never be an old one: the runtime's folders, the Python and
    the data have a hash in their path, and a new version of a file replaces the old one."""
    config = offline.written_config(built_site)
    patterns = [re.compile(pattern) for pattern in config["hashed"]]
    not_hashed = {"still-worried/"} | {path for path in config["wizard"]
                                       if path.startswith("assets/") and path.count("/") <= 2}
    for path in config["wizard"]:
        if path not in not_hashed:
            assert any(pattern.match(path) for pattern in patterns), path
    areas = sorted((built_site / "assets" / "wizard" / "data").glob("area-*.json"))
    assert [re.match(config["area_part"], path.relative_to(built_site).as_posix()).group(1) for path in areas] \
        == sorted(["salford", "southwark", "wigan"])
    for path in areas + sorted((built_site / "assets" / "wizard" / "first").glob("*.txt")):
        assert any(pattern.match(path.relative_to(built_site).as_posix()) for pattern in patterns), path


def test_the_python_ships_as_one_archive_of_what_the_interpreters_import(built_site):
    """One file, py-<hash>.tar.gz: MicroPython's bytecode of the browser modules and the glue
    joined into one module, and the shared part of the data (the parity tests run the engine
    joined by the same code, with the suite in the glue's place)."""
    archives = list((built_site / "assets" / "wizard").glob("py-*.tar.gz"))
    assert len(archives) == 1
    members = wizard_assets.unpacked(archives[0].read_bytes())
    shipped = wizard_assets.shipped_modules("micropython")
    assert {path: content for path, content in members.items() if path != wizard_assets.SHARED_DATA} == shipped
    assert json.loads(members[wizard_assets.SHARED_DATA])["parts"].keys() == {"salford", "southwark", "wigan"}
    html = (built_site / "still-worried" / "index.html").read_text()
    assert html.count(archives[0].name) == 2  # preloaded, and in PyScript's config; no other Python file
    assert ".py&#34;" not in html and 'src="../assets/wizard/py/' not in html


def test_pyodide_gets_the_same_modules_as_source_without_docstrings_or_comments():
    """A file each (MicroPython's are joined into one: tests/site/test_one_module.py)."""
    shipped = wizard_assets.shipped_modules("pyodide")
    assert sorted(shipped) == sorted(path.split("pyscript/", 1)[-1] for _, path, _ in wizard_assets.browser_sources())
    for path, content in shipped.items():
        text = content.decode("utf-8")
        compile(text, path, "exec")
        assert '"""' not in text and not re.search(r"^\s*#", text, re.M), path
    source = (ROOT / "stillworried" / "core" / "answers.py").read_bytes()
    assert len(shipped["stillworried/core/answers.py"]) < len(source) * 0.7


def test_each_first_paint_fragment_names_its_areas_data_for_the_status_script_to_preload(built_site, bundle):
    """A shared link fetches its area's part while Python starts (docs/assets/wizard/status.js
    copies the link), not after."""
    for path in sorted((built_site / "assets" / "wizard" / "first").glob("*.txt")):
        procedure = path.name.rsplit("-", 1)[0]
        link = re.search(r'<link rel="preload" as="fetch" crossorigin="anonymous" href="([^"]+)">', path.read_text())
        href = link.group(1).replace("&#47;", "/")
        area = bundle["procedures"][procedure]["partnership"]
        assert re.fullmatch(r"\.\./assets/wizard/data/area-%s-[0-9a-f]{12}\.json" % area, href), href
        assert (built_site / "still-worried" / href).resolve().is_file()


def test_an_assert_in_a_module_the_phone_runs_stops_the_build():
    """MicroPython's bytecode is compiled without asserts (-O3): the phone would skip what
    CPython checks, so the build refuses such a module with a plain message."""
    with pytest.raises(wizard_assets.MissingRuntime, match="assert statement"):
        wizard_assets.compiled("def f(x):\n    assert x\n", "stillworried/example.py")


def test_the_privacy_page_says_the_saved_copy_is_a_trace_and_what_the_quick_exit_leaves(built_site):
    text = " ".join(re.sub(r"<[^>]+>", " ", (built_site / "privacy" / "index.html").read_text()).split())
    assert "The copy shows that this site was visited on this phone, as your browser history does." in text
    assert "It does not hold your answers, the dates you type or anything about a child." in text
    assert "It does not clear your browser history or the saved copy." in text


def test_the_policy_lets_the_sites_own_worker_run_and_nothing_else(built_site):
    for path in (built_site / "index.html", built_site / "still-worried" / "index.html"):
        policy = (path.read_text().split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0])
        assert "worker-src 'self';" in policy
    assert "Service-Worker" not in (built_site / "_headers").read_text()


# --- In Chromium ----------------------------------------------------------------------------------

def open_page(context, url, ready="#sw-wizard[data-ready=yes]"):
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded", timeout=60000)
    if ready:
        page.wait_for_selector(ready, state="attached", timeout=60000)
    return page


def phone(browser, server, **options):
    options.setdefault("service_workers", "allow")
    context = browser.new_context(viewport=PHONE, **options)
    elsewhere = []
    context.on("request", lambda request: elsewhere.append(request.url)
               if not request.url.startswith((server.origin, "data:", "blob:")) else None)
    return context, elsewhere


def visit_once(context, server, site, base="", link=LINK, area="salford", procedures=("salford-vcse", "salford-sscb-2014")):
    """One visit to a shared link, until the worker has saved the area's pages and their files.
    base: the site's folder on the server ("repo/" for a project's sub-path)."""
    page = open_page(context, server.url(base + link))
    page.wait_for_selector("html[data-sw-offline=on]", state="attached", timeout=60000)
    wanted = ["contacts/%s/" % area, "%s/" % area, "", "assets/wizard/data/area-%s-" % area, "contacts/", "offline/"]
    wanted += ["%s/%s/" % (area, procedure) for procedure in procedures]
    wanted += offline.written_config(site)["page_files"]
    wait_saved(page, *["/" + base + path for path in wanted])
    return page


def tel_links(page):
    return page.eval_on_selector_all(".sw-first__contacts a[href^='tel:']", "links => links.map(a => a.href)")


def no_axe_violation(page):
    """axe-core finds nothing on the page (injected as a script, which the site's CSP rightly
    forbids: the phone's context bypasses it for this)."""
    page.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                           ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


def test_after_one_visit_the_wizard_and_the_contacts_page_open_with_no_signal(browser, server, built_site):
    context, elsewhere = phone(browser, server, bypass_csp=True)
    visit_once(context, server, built_site).close()
    context.set_offline(True)
    # Another shared link for the same area, opened later with no signal.
    page = open_page(context, server.url("still-worried/#procedure=salford-vcse&stage=3&since=2026-12-01"))
    assert page.get_attribute(".sw-result__deadline time", "datetime")
    assert "tel:+441616034500" in tel_links(page)
    seen = page.evaluate("() => document.body.innerText")
    saved = re.search(r"Saved on (\w+ \d+ \w+ \d{4}); check the number if you can\.", seen)
    assert saved, seen[:400]
    assert page.locator(".sw-saved").bounding_box()["y"] < PHONE["height"]
    no_axe_violation(page)
    for path, wanted in (("contacts/salford/", BRIDGE), ("salford/", "Salford"), ("salford/salford-vcse/", "Stage 2"),
                         ("", "Choose your area")):
        shown = open_page(context, server.url(path), ready=".md-content")
        text = shown.inner_text("body")
        assert wanted in text and "Saved on %s; check the number if you can." % saved.group(1) in text, path
        if path.startswith("contacts/"):
            no_axe_violation(shown)
        shown.close()
    # Every header's "Your area's front door" and the menu's Contacts lead to the contacts index:
    # saved with the area. A page never opened (another area's) shows the no-signal page, with
    # 999 in the header and in the page, never the browser's error page.
    index = open_page(context, server.url("contacts/"), ready=".md-content")
    assert "Contacts by area" in index.inner_text("body")
    index.close()
    never = open_page(context, server.url("southwark/"), ready=".md-content")
    text = never.inner_text("body")
    assert "You have no signal, and this page was not saved on this phone" in text
    assert never.locator(".md-content a[href='tel:999']").count() == 1
    assert never.locator(".md-header a[href='tel:999']").count() >= 1
    no_axe_violation(never)
    never.close()
    # In the saved wizard, an area never used on this phone: no signal, said as such, not "a
    # problem with this page" with a pointer to pages that were not saved either.
    other = open_page(context, server.url("still-worried/#procedure=southwark&stage=1&since=2026-12-01"), ready=None)
    other.wait_for_function("() => /no signal|problem with this page/.test("
                            "(document.querySelector('#sw-result') || {}).innerText || '')", timeout=60000)
    text = other.inner_text("#sw-result")
    assert text.startswith("You have no signal") and "were not saved on this phone" in text, text
    assert "problem with this page" not in text
    other.close()
    context.close()
    assert elsewhere == []


def test_nothing_typed_or_chosen_is_kept_only_the_sites_own_files(browser, server, built_site):
    context, elsewhere = phone(browser, server)
    page = open_page(context, server.url("still-worried/#procedure=southwark&stage=2"))
    page.wait_for_selector("html[data-sw-offline=on]", state="attached", timeout=60000)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    for box in ("since-day", "since-month", "since-year", "started-day", "started-month", "started-year"):
        page.fill("#" + box, CANARY)
    page.click("#sw-when .sw-continue")
    for box, value in (("since-day", "23"), ("since-month", "11"), ("since-year", "2026"), ("started-day", ""),
                       ("started-month", ""), ("started-year", "")):
        page.fill("#" + box, value)
    page.click("#sw-when .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    page.evaluate("() => { location.hash = '#area=wigan'; }")  # another area: its part and pages are saved
    wait_saved(page, "/contacts/wigan/", "/contacts/southwark/")
    urls = page.evaluate(CACHED)
    assert sorted(page.evaluate("() => caches.keys()")) == ["still-worried-files", "still-worried-pages"]
    for url in urls:
        assert url.startswith(server.origin + "/") and "#" not in url and "?" not in url, url
        path = url[len(server.origin) + 1:]
        assert (built_site / path).is_file() or (built_site / path / "index.html").is_file(), url
    with_canary = page.evaluate("""async (canary) => {
        const found = [];
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
                const body = new TextDecoder("latin1").decode(await (await cache.match(request)).arrayBuffer());
                if (body.includes(canary) || request.url.includes(canary)) { found.push(request.url); }
            }
        }
        return found;
    }""", CANARY)
    assert with_canary == []
    assert page.evaluate("() => indexedDB.databases()") == []
    assert page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    context.close()
    assert elsewhere == []


def test_a_new_builds_data_replaces_the_saved_copy_on_the_next_visit_online(browser, built_site, tmp_path):
    """The Bridge's number changes in a new build: the next visit online shows the new number,
    the saved copy of the area's data is replaced (not kept beside it), and with no signal
    afterwards the wizard and the contacts page show the new number. The site is served under
    a project's sub-path (/repo/, as GitHub Pages serves a project), with no headers."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    contacts = (data / "contacts.yaml").read_text()
    (data / "contacts.yaml").write_text(contacts.replace(BRIDGE, NEW_BRIDGE))
    # The partnership's new documents print the new number (the check reads them), recorded in the
    # data with their sha256, as a maintainer's pull request does.
    sources = sources_copy(tmp_path, [(name, BRIDGE, NEW_BRIDGE) for name in (
        "salford-vcse-joint-working-protocol.md", "salford-support-and-safeguarding-guidance.txt")])
    record_fingerprints(data, sources)
    result = build_site(tmp_path / "new", data_dir=data, env={"STILLWORRIED_SOURCES": str(sources)})
    assert result.returncode == 0, result.stderr
    (tmp_path / "host").mkdir()
    served = tmp_path / "host" / "repo"
    os.symlink(built_site, served)
    server = Server(tmp_path / "host")
    try:
        context, elsewhere = phone(browser, server)
        page = visit_once(context, server, built_site, base="repo/")
        assert page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.scope)") == server.url("repo/")
        assert all(path.startswith("/repo/") for path in cached_paths(page))
        old_part = [path for path in cached_paths(page) if "/data/area-salford-" in path]
        assert len(old_part) == 1, cached_paths(page)
        page.close()
        os.symlink(tmp_path / "new", tmp_path / "next")
        os.replace(tmp_path / "next", served)  # the new build is published
        page = open_page(context, server.url("repo/" + LINK))
        assert "tel:+441616034599" in tel_links(page) and "tel:+441616034500" not in tel_links(page)
        new_part = "/repo/" + next((tmp_path / "new").glob("assets/wizard/data/area-salford-*.json")).relative_to(
            tmp_path / "new").as_posix()
        wait_saved(page, new_part)
        page.wait_for_function("""async () => {
            const saved = await caches.match(new URL("../contacts/salford/", location.href).href);
            return saved && (await saved.text()).includes("%s");
        }""" % NEW_BRIDGE, polling=100, timeout=60000)
        assert old_part[0] not in cached_paths(page)
        page.close()
        context.set_offline(True)
        page = open_page(context, server.url("repo/" + LINK))
        assert "tel:+441616034599" in tel_links(page)
        contacts_page = open_page(context, server.url("repo/contacts/salford/"), ready=".md-content")
        assert NEW_BRIDGE in contacts_page.inner_text("body") and BRIDGE not in contacts_page.inner_text("body")
        context.close()
        assert elsewhere == []
    finally:
        server.close()


FAKE_CONNECTION = """Object.defineProperty(Navigator.prototype, "connection", {
    get: () => ({saveData: %s, effectiveType: "%s"}), configurable: true});"""


def test_the_home_page_saves_the_wizard_while_idle_but_not_on_save_data_or_2g(browser, server, built_site):
    """A shared link opens at once the next time; a visitor on Save-Data or 2G pays nothing."""
    wizard = offline.written_config(built_site)["wizard"]
    context, elsewhere = phone(browser, server)
    page = open_page(context, server.url(""), ready="html[data-sw-offline=on]")
    saved = cached_paths(page)
    assert [path for path in wizard if "/" + path not in saved] == []
    assert not [path for path in saved if "/assets/wizard/data/" in path or "/assets/wizard/first/" in path]
    # A page that is not the home page, an area's page or the wizard registers nothing.
    other = open_page(context, server.url("glossary/"), ready="html[data-sw-offline]")
    assert other.get_attribute("html", "data-sw-offline") == "not here"
    context.close()
    for save_data, connection, state in ((True, "4g", "save-data"), (False, "2g", "slow")):
        context, more = phone(browser, server)
        requested = []
        context.on("request", lambda request: requested.append(request.url))
        context.add_init_script(FAKE_CONNECTION % (json.dumps(save_data), connection))
        page = open_page(context, server.url(""), ready="html[data-sw-offline=%s]" % state)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => navigator.serviceWorker.getRegistrations()") == [], connection
        assert not [url for url in requested if "/assets/wizard/" in url or url.endswith("/sw.js")], connection
        context.close()
        elsewhere += more
    assert elsewhere == []
