"""The built site in Debian's Chromium, one page of each kind (home, an area, a procedure, the
guidance, a guidance section, contacts, a form, the glossary, the wizard, the 404 page...):
nothing requested from any other host, no console errors, axe-core finds no WCAG 2.2 AA
violation at phone and desktop widths, 999 and the quick exit on screen, targets big enough,
and the quick exit works. Search has its own tests (tests/browser/test_search.py).

One page of each kind, not every page: the pages of a kind come from one template and one macro,
so a browser visit to each would make the suite grow with the number of partnerships (axe at two
widths on every page took 100 s with three). What can be checked from the HTML alone (links,
the CSP, tel: links, unique ids) is checked on every page in test_site_static.py."""
import json
import re

import pytest

from tests.conftest import ROOT
from tests.site_support import PHONE, site_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
# The kinds of page every site has, whatever its data (kind_of names them).
KINDS = {"home", "area", "procedure", "guidance", "guidance section", "contacts", "area contacts", "forms", "form",
         "404", "still-worried/", "search/", "glossary/", "amendments/", "about/", "accessibility/", "privacy/", "maintainers/",
         "offline/"}


def kind_of(path, bundle):
    """What kind of page a site path is: pages of one kind are made by one template and macro."""
    parts = path.strip("/").split("/")
    if path == "":
        return "home"
    if path == "404.html":
        return "404"
    if parts[0] in bundle["partnerships"]:
        if len(parts) == 1:
            return "area"
        if parts[1] == "support":
            return "guidance" if len(parts) == 2 else "guidance section"
        if parts[1] in bundle["procedures"]:
            return "procedure"
    if parts[0] == "contacts":
        return "contacts" if len(parts) == 1 else "area contacts"
    if parts[0] == "forms":
        return "forms" if len(parts) == 1 else "form"
    return path  # a page of its own (the glossary, the wizard, about...)


@pytest.fixture(scope="module")
def pages(built_site, bundle):
    """One page of each kind: the largest, which has the most of what its template shows."""
    chosen = {}
    for path in site_pages(built_site) + ["404.html"]:
        kind = kind_of(path, bundle)
        size = (built_site / (path if path.endswith(".html") else path + "index.html")).stat().st_size
        if kind not in chosen or size > chosen[kind][1]:
            chosen[kind] = (path, size)
    assert set(chosen) == KINDS, "a new kind of page: add it to KINDS (and kind_of if it has many pages)"
    return [path for path, _ in chosen.values()]


# What the checks below read on a page as it loads at 412 px (nothing clicked): the call buttons and
# the links in lists (each with its size), and the banner's 999 and quick exit.
TARGETS = ".sw-banner a, .sw-contact__ways a, .sw-procedures a, .sw-areas a, a.sw-emergency__call"
SCROLLED_TO = ("0", "document.body.scrollHeight / 2", "document.body.scrollHeight")
# The tests that read on_a_phone run on one pytest-xdist worker, so the pages are opened once.
ON_ONE_VISIT = pytest.mark.xdist_group("on_a_phone")


@pytest.fixture(scope="module")
def on_a_phone(browser, server, pages):
    """Each kind of page opened once on a 412 px phone, and what four tests below look at, taken on
    that one visit (a page's load is most of a check's cost): what it asked of other hosts and its
    console errors (the whole visit), its status, then at the top of the page the call buttons'
    and list links' sizes and the banner's 999 and quick exit, then the header's 999 at the top,
    the middle and the bottom of the page."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    seen = {"elsewhere": [], "errors": [], "status": {}, "targets": {}, "banner": {}, "header_999": {}}
    page.on("request", lambda request: None if request.url.startswith(server.origin)
            else seen["elsewhere"].append((page.url, request.url)))
    page.on("console", lambda message: seen["errors"].append((page.url, message.text)) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen["errors"].append((page.url, str(error))))
    for path in pages:
        response = page.goto(server.url(path), wait_until="networkidle")
        seen["status"][path] = response.status
        seen["targets"][path] = page.eval_on_selector_all(
            TARGETS, "els => els.filter(e => e.offsetParent).map(e => { const r = e.getBoundingClientRect(); "
            "return [e.textContent.trim(), r.width, r.height]; })")
        banner = page.locator(".sw-banner")
        seen["banner"][path] = (banner.locator("a[href='tel:999']").is_visible(),
                                banner.locator("a[data-sw-exit]").is_visible(), banner.bounding_box())
        seen["header_999"][path] = []
        for where in SCROLLED_TO:
            page.evaluate("() => scrollTo(0, %s)" % where)
            seen["header_999"][path].append((where, page.evaluate("""() => { const a = document.querySelector('.md-header a.sw-header-999');
                const r = a.getBoundingClientRect();
                return [a.getAttribute('href'), r.top, r.bottom, r.height, innerHeight]; }""")))
    context.close()
    return seen


@ON_ONE_VISIT
def test_every_kind_of_page_loads_everything_from_the_site_itself_with_no_console_error(pages, on_a_phone):
    assert on_a_phone["status"] == {path: 200 for path in pages}
    assert on_a_phone["elsewhere"] == []
    assert on_a_phone["errors"] == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone 412px", "desktop 1280px"])
def test_axe_finds_no_accessibility_violation_on_any_kind_of_page(browser, server, pages, viewport):
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run bin/setup (it runs npm ci)")
    # axe is injected as a script, which the site's own CSP rightly forbids; bypass it here only.
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    found = {}
    for path in pages:
        page.goto(server.url(path))
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        for violation in result["violations"]:
            found.setdefault(path, []).append(
                "%s: %s" % (violation["id"], [node["target"] for node in violation["nodes"]][:3]))
    context.close()
    assert found == {}, json.dumps(found, indent=1)


@ON_ONE_VISIT
def test_every_kind_of_page_shows_999_first_and_a_quick_exit(pages, on_a_phone):
    for path in pages:
        calls_999, exits, box = on_a_phone["banner"][path]
        assert calls_999, path
        assert exits, path
        assert box["y"] < 100, path


@ON_ONE_VISIT
def test_999_stays_on_the_screen_however_far_a_page_is_scrolled_and_is_44_px_tall(pages, on_a_phone):
    """Issue 21: the banner's "Call 999" (53 by 24 px) left the screen once a page scrolled, and
    Wigan's procedure page is some 12,000 px. The sticky header's 999 control stays in view at the
    top, the middle and the bottom of every kind of page, at least 44 px tall, and calls 999."""
    missing = []
    for path in pages:
        assert [where for where, _ in on_a_phone["header_999"][path]] == list(SCROLLED_TO)
        for where, box in on_a_phone["header_999"][path]:
            if not (box[0] == "tel:999" and 0 <= box[1] and box[2] <= box[4] and box[3] >= 44):
                missing.append((path, where, box))
    assert missing == []


def test_a_procedure_page_opens_with_a_jump_list_to_each_stage_that_works_without_javascript(browser, server, bundle):
    """Each procedure page: "On this page" links every stage's heading (each has an id), and a
    jump lands with the heading clear of the sticky header, with JavaScript off."""
    from stillworried.core import page_ids
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    for procedure in bundle["procedures"].values():
        page.goto(server.url(page_ids.procedure_path(procedure)))
        contents = page.locator("nav.sw-contents")
        assert contents.is_visible() and contents.bounding_box()["y"] < 915, procedure["id"]
        targets = contents.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert targets[:len(procedure["stages"])] == ["#stage-%d" % stage["number"] for stage in procedure["stages"]]
        last = procedure["stages"][-1]["number"]
        page.click("nav.sw-contents a[href='#stage-%d']" % last)
        heading = page.locator("#stage-%d" % last)
        top = heading.bounding_box()["y"]
        header = page.locator(".md-header").bounding_box()
        assert header["y"] + header["height"] <= top < 915 / 2, (procedure["id"], top)
        assert "Stage %d" % last in heading.inner_text()
    context.close()


def test_the_invalid_cafcass_number_is_shown_as_text_with_a_warning_never_a_link(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url("contacts/wigan/"))
    assert page.locator("a[href*='0300456400'], a[href*='300456400']").count() == 0
    # CAFCASS's card is in its agency's group, closed until the reader opens it.
    page.click("#agency-cafcass > summary")
    assert "0300 456 400 is printed like this in the source and cannot be dialled" in page.inner_text("main")
    context.close()


def test_an_area_page_shows_its_front_door_in_the_header(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url("salford/salford-vcse/"))
    assert page.locator(".sw-banner a[href='tel:+441616034500']").is_visible()
    context.close()


def test_exit_this_page_leaves_for_a_neutral_site_and_is_not_in_the_back_history(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    left_for = []

    def neutral(route):
        left_for.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><p>Weather</p>")

    page.route("https://www.bbc.co.uk/**", neutral)
    page.goto(server.url(""))
    page.goto(server.url("southwark/southwark/"))
    before = page.evaluate("history.length")
    page.click("a[data-sw-exit]")
    page.wait_for_url("https://www.bbc.co.uk/weather")
    assert left_for == ["https://www.bbc.co.uk/weather"]
    assert page.evaluate("history.length") == before
    page.go_back()
    assert page.url == server.url("")
    context.close()


def test_pressing_shift_three_times_also_exits(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(status=200, body="Weather"))
    page.goto(server.url("wigan/"))
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.bbc.co.uk/weather")
    context.close()


def test_the_home_page_can_be_used_by_keyboard_alone(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url(""))
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(
            "() => { const e = document.activeElement; return [e.tagName, e.getAttribute('href') || e.textContent.trim().slice(0, 40)]; }"))
    hrefs = [href for tag, href in reached if tag == "A"]
    assert "tel:999" in hrefs[:4], reached[:6]
    assert any(href.startswith("salford/") for href in hrefs)
    assert any(href.startswith("southwark/") for href in hrefs)
    # Every focused element shows a visible focus indicator.
    context.close()


FOCUSED = """() => { const e = document.activeElement;
    return {tag: e.tagName, text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40),
            inDrawer: !!e.closest('.md-sidebar--primary')}; }"""


def tab_until(page, found, most=30):
    """Press Tab until found(focused) is true; the elements focused on the way, in order."""
    seen = []
    for _ in range(most):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
        if found(seen[-1]):
            return seen
    raise AssertionError("not reached in %d presses: %s" % (most, seen))


@pytest.mark.parametrize("path, first, most", [
    # The wizard's first question, "Is a child in immediate danger?": 999, the front door, Exit
    # this page, Menu, the header's 999 (in view however far the page scrolls), Search, then Yes.
    ("still-worried/", "Yes", 7),
    # The home page: Skip to content, the same six, its 999 button, then the wizard's start.
    ("", "Still worried? Find who to contact", 9),
])
def test_a_closed_menu_gives_no_tab_stops_so_the_first_question_is_a_few_presses_away(
        browser, server, path, first, most):
    """At 412 px the navigation is a drawer. Closed, its links are hidden, not only off screen:
    before, the wizard's first answer was the 19th Tab stop, behind 14 links nobody could see."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url(path))
    seen = tab_until(page, lambda focused: focused["text"].startswith(first))
    assert not [item for item in seen if item["inDrawer"]], seen
    assert len(seen) <= most, seen
    context.close()


def test_the_menu_opens_and_closes_by_keyboard(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url("still-worried/"))
    tab_until(page, lambda focused: focused["tag"] == "BUTTON" and focused["text"] == "Menu")
    menu = page.locator(".md-header .sw-menu-button")
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    seen = tab_until(page, lambda focused: focused["inDrawer"] and focused["text"] == "Home")
    assert page.locator(".md-sidebar--primary").is_visible()
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate(FOCUSED)["text"] == "Menu" and len(seen) <= 4
    page.wait_for_timeout(400)  # the drawer slides out, then is hidden
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility") == \
        "hidden"
    context.close()


@pytest.mark.parametrize("path", ["", "salford/salford-vcse/", "still-worried/"])
def test_in_the_open_drawer_every_tab_stop_is_a_link_a_person_can_see(browser, server, path):
    """Material's drawer slid each section in as a panel whose name a keyboard cannot reach,
    while the closed panels' links (and the page's contents) took tab stops out of sight: a
    phone tester tabbed onto "Choose your area" and three "Overview"s and the drawer went blank.
    Sections are now listed open, so every page in the drawer is a visible link, in order."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url(path))
    tab_until(page, lambda focused: focused["tag"] == "BUTTON" and focused["text"] == "Menu")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # the drawer slides in
    stops = []
    for _ in range(40):  # round the drawer and back to the Menu button, never behind the overlay
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
            const drawer = document.querySelector('.md-sidebar--primary').getBoundingClientRect();
            return {inDrawer: !!e.closest('.md-sidebar--primary'), tag: e.tagName, text: e.innerText.trim(),
                    seen: r.width > 0 && r.height > 0 && r.left >= drawer.left - 1 && r.right <= drawer.right + 1
                          && r.top >= 0 && r.bottom <= innerHeight + 1}; }""")
        if not focused["inDrawer"]:
            assert focused["tag"] == "BUTTON" and focused["text"] == "Menu", (focused, stops)
            break
        stops.append(focused)
    assert stops and [stop for stop in stops if not stop["seen"] or stop["tag"] != "A"] == [], stops
    texts = [stop["text"] for stop in stops]
    assert "Home" in texts and "Contacts" in texts and "Privacy" in texts, texts
    if path == "salford/salford-vcse/":
        assert "Salford contacts" in texts, texts  # the area's own pages, in the drawer
    context.close()


def test_on_a_wide_screen_the_navigation_is_beside_the_page_and_reachable(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url("still-worried/"))
    assert not page.locator(".md-header .sw-menu-button").is_visible()
    seen = tab_until(page, lambda focused: focused["inDrawer"] and focused["text"] == "Home")
    assert seen
    context.close()


@ON_ONE_VISIT
def test_call_buttons_and_links_in_lists_are_at_least_24_pixels(pages, on_a_phone):
    small = []
    for path in pages:
        small += [(path, text, w, h) for text, w, h in on_a_phone["targets"][path] if w < 24 or h < 24]
    assert small == []
