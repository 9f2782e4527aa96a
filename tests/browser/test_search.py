"""Search (search/, Pagefind) as a person on a phone uses it: the Bridge is found with a button to
call it, results read as prose, nothing is asked of another host, the words stay on the phone,
it works by keyboard and without JavaScript says where else to look; and the index holds clean
text, built in the build, which fails plainly if indexing fails."""
import json
import re

import pytest

from tests.conftest import ROOT
from sitebuild import site_search
from tests.site_support import PHONE, site_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
# Markup or a character reference shown as text: "<cite>", "</span>", "&#58;", "&lt;", "&amp;".
MARKUP_AS_TEXT = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
STATUS = ".sw-search__status"


def search(page, words):
    """Type the words and press Enter, as a person does; wait for Pagefind's answer."""
    page.fill("#sw-search-input", words)
    page.press("#sw-search-input", "Enter")
    page.wait_for_function("s => /match/.test(document.querySelector(s).textContent)", arg=STATUS)


@pytest.fixture
def phone(browser, server):
    """A page on a 412 x 915 phone that records every request it makes."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.requested = []
    page.errors = []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()


def test_a_search_for_bridge_shows_the_bridge_with_a_button_to_call_it(phone, server):
    phone.goto(server.url(""))
    with phone.expect_navigation():
        phone.click("a.sw-search-link")
    search(phone, "Bridge")
    first = phone.locator(".sw-result").first
    assert "Bridge" in first.locator(".sw-result__title").inner_text()
    calls = phone.eval_on_selector_all(".sw-search__results a[href^='tel:']",
                                       "links => links.map(a => [a.getAttribute('href'), a.innerText])")
    assert ["tel:+441616034500", "0161 603 4500"] in calls
    # The page title, the area and the section each result comes from are shown.
    bridge = phone.locator(".sw-result", has_text="The Bridge Partnership and making a referral").first
    assert bridge.locator(".sw-result__area").inner_text() == "Salford"
    assert bridge.locator(".sw-result__section a").count() >= 1
    assert phone.errors == []


def test_a_search_for_lado_finds_southwarks_procedure_where_it_names_the_officer(phone, server):
    """Southwark 3.1: "a referral to the Local Authority Designated Officer". The data writes it
    out with "(LADO)", as Salford's 2014 procedure does, so the abbreviation finds it too."""
    phone.goto(server.url("search/"))
    search(phone, "LADO")
    areas = phone.eval_on_selector_all(".sw-result", "items => items.map(i => i.innerText)")
    southwark = [text for text in areas if "Southwark" in text]
    assert southwark and any("Local Authority Designated Officer (LADO)" in text for text in southwark), areas
    assert phone.errors == []


# What a worried person types, and where the first result must open (issue 22): their words,
# not only the sources'. The data's search words (guidance.yaml) lead "allegation" to the LADO and
# "no reply" to the Referrals Outcome Form; the glossary's entries and the notes are headings, so a
# result opens at its entry.
FIRST_RESULTS = [
    ("allegation against a teacher", "glossary/#lado", "Local Authority Designated Officer"),
    ("LADO", "glossary/#lado", "Local Authority Designated Officer"),
    # The procedure page's section for a referral with no answer (its follow-up, App. 2 section 2).
    ("no reply to my referral", "salford/salford-vcse/#after-referral", "Referrals Outcome Form"),
    ("front door", "#choose-your-area", "Each area has a front door"),
    ("out of hours", "contacts/#out-of-hours", "None of the sources gives a number for out of hours"),
]


def test_what_a_worried_person_types_has_a_useful_first_result_that_opens_at_its_entry(phone, server):
    phone.goto(server.url("search/"))
    seen = []
    for words, opens, says in FIRST_RESULTS:
        search(phone, words)
        first = phone.locator(".sw-result").first
        href = first.locator(".sw-result__title a").get_attribute("href")
        seen.append((words, href))
        assert href == "/" + opens, (words, href)
        assert says in first.inner_text(), (words, first.inner_text())
        links = phone.eval_on_selector_all(".sw-result a", "links => links.map(a => a.getAttribute('href'))")
        assert not [link for link in links if "amendments" in link], (words, links)
    assert "Also searched for: LADO." in (search(phone, "allegation against a teacher") or phone.inner_text(STATUS))
    # The glossary result opens at the entry, not at the top of a long page.
    with phone.expect_navigation():
        phone.click(".sw-result__title a >> nth=0")
    assert phone.url == server.url("glossary/#lado")
    top = phone.evaluate("() => document.getElementById('lado').getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] / 2, top
    print("first results:", seen)
    assert phone.errors == []


def test_every_group_of_search_words_finds_the_sites_words(phone, server, bundle):
    """Each group in guidance.yaml's search_words, typed as a person would (its first 'when'),
    says it also searched for its 'finds', and finds at least one page for each of them."""
    phone.goto(server.url("search/"))
    groups = bundle["guidance"]["search_words"]
    assert groups
    for group in groups:
        search(phone, group["when"][0])
        status = phone.inner_text(STATUS)
        finds = [words for words in group["finds"] if words.lower() != group["when"][0]]
        if finds:
            assert "Also searched for: " + ", ".join(finds) + "." in status, (group["when"][0], status)
        assert phone.locator(".sw-result").count() >= len(group["finds"]), (group["when"][0], status)
    assert phone.errors == []


def test_results_read_as_prose_with_no_markup_or_references_shown_as_text(phone, server):
    phone.goto(server.url("search/"))
    for words in ("Bridge", "source", "Wigan contacts", "Southwark MASH", "golden rules"):
        search(phone, words)
        shown = phone.inner_text(".sw-search__results")
        assert shown.strip(), words
        assert MARKUP_AS_TEXT.search(shown) is None, (words, MARKUP_AS_TEXT.search(shown).group(0))
        # No file names of the sources (salford-vcse-joint-working-protocol.md): citations are for
        # maintainers and are not indexed.
        assert not re.search(r"[a-z0-9]+-[a-z0-9-]+\.md\b", shown), words


def test_search_asks_no_other_host_and_keeps_the_words_out_of_the_address_history_and_storage(phone, server):
    phone.goto(server.url("search/"))
    before = phone.evaluate("() => history.length")
    search(phone, "Bridge")
    assert phone.url == server.url("search/")
    assert phone.evaluate("() => history.length") == before
    assert any("/pagefind/" in url for url in phone.requested)
    assert [url for url in phone.requested if not url.startswith(server.origin)] == []
    stored = phone.evaluate("""async () => JSON.stringify([Object.entries(localStorage),
        Object.entries(sessionStorage), document.cookie,
        indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
        self.caches ? await caches.keys() : []])""")
    assert "bridge" not in stored.lower(), stored
    # A result's link carries no search words either (Pagefind's highlight parameter is off).
    hrefs = phone.eval_on_selector_all(".sw-result a:not([href^='tel:'])", "links => links.map(a => a.href)")
    assert hrefs and all("?" not in href for href in hrefs), hrefs
    with phone.expect_navigation():
        phone.click(".sw-result__title a >> nth=0")
    assert "?" not in phone.url and "Bridge" not in phone.url
    assert phone.errors == []


def test_a_page_view_fetches_nothing_for_search_until_someone_searches(phone, server):
    phone.goto(server.url(""), wait_until="networkidle")
    phone.goto(server.url("salford/salford-vcse/"), wait_until="networkidle")
    phone.goto(server.url("search/"), wait_until="networkidle")
    assert [url for url in phone.requested if "/pagefind/" in url or "search_index" in url] == []


def test_search_by_keyboard_alone(phone, server):
    phone.goto(server.url("search/"))
    for _ in range(30):
        phone.keyboard.press("Tab")
        if phone.evaluate("() => document.activeElement.id") == "sw-search-input":
            break
    else:
        pytest.fail("Tab never reached the search box")
    phone.keyboard.type("Bridge")
    phone.keyboard.press("Enter")
    phone.wait_for_function("s => /match/.test(document.querySelector(s).textContent)", arg=STATUS)
    for _ in range(10):
        phone.keyboard.press("Tab")
        if phone.evaluate("() => !!document.activeElement.closest('.sw-result')"):
            break
    else:
        pytest.fail("Tab never reached a result")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.url.startswith(server.url("")) and phone.url != server.url("search/")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone 412px", "desktop 1280px"])
def test_axe_finds_no_violation_on_the_search_page_with_results_shown(browser, server, viewport):
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run bin/setup (it runs npm ci)")
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(server.url("search/"))
    search(page, "Bridge")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    context.close()
    found = ["%s: %s" % (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert found == [], json.dumps(found, indent=1)


def test_without_javascript_the_search_page_says_where_else_to_look(browser, server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("search/"))
    shown = page.inner_text("article")
    assert "Search needs JavaScript" in shown
    assert not page.locator("#sw-search-input").is_visible()
    links = page.eval_on_selector_all("article a", "links => links.map(a => a.getAttribute('href'))")
    assert any("contacts/" in href for href in links) and any("forms/" in href for href in links)
    context.close()


def test_the_index_holds_every_page_as_clean_text_with_its_title_and_numbers(built_site):
    indexed = {entry["url"]: entry for entry in site_search.indexed_pages(built_site)}
    # Not the search page, nor the record of changes: its text is the project's own change notes,
    # and a search for "LADO" found them first (issue 22). Nor the page shown with no signal: it is
    # not guidance.
    pages = {"/" + path for path in site_pages(built_site)} - {"/search/", "/amendments/", "/offline/"}
    assert set(indexed) == pages
    for url, entry in indexed.items():
        assert MARKUP_AS_TEXT.search(entry["content"]) is None, (url, MARKUP_AS_TEXT.search(entry["content"]).group(0))
        assert entry["meta"]["title"], url
        # Not the skip link, the menu or the footer: only the page's own text.
        for around in ("Skip to content", "Information from the safeguarding partnerships' published documents"):
            assert around not in entry["content"], (url, around)
    bridge = indexed["/salford/support/bridge-partnership/"]
    assert bridge["meta"]["area"] == "Salford"
    assert "0161 603 4500=+441616034500" in bridge["meta"]["phones"].split(";")
    assert not re.search(r"[a-z0-9]+-[a-z0-9-]+\.md\b", bridge["content"])
    # Every heading can be linked to, so a result can name and open its section.
    assert all(anchor["id"] for anchor in bridge["anchors"])


def test_phone_numbers_in_text_are_checked_by_libphonenumber():
    found = site_search.phone_numbers("Call 0161 603 4500, or 999. Not 0161 603 450, "
                                      "not 2026 0161 1234; +44 20 7946 1000.")
    assert found == {"0161 603 4500": "+441616034500", "999": "999", "+44 20 7946 1000": "+442079461000"}


def test_only_the_search_page_may_compile_webassembly(built_site):
    def script_src(path):
        page = (built_site / path / "index.html").read_text()
        return re.search(r"script-src ([^;]*)", page).group(1)
    assert "'wasm-unsafe-eval'" in script_src("search")
    assert "'unsafe-eval'" not in script_src("search").replace("'wasm-unsafe-eval'", "")
    for path in ("", "salford/salford-vcse", "contacts/salford"):
        assert "wasm-unsafe-eval" not in script_src(path), path



def test_every_page_but_the_search_page_links_to_it_from_the_header(built_site):
    for path in site_pages(built_site):
        header = (built_site / path / "index.html").read_text().split("</header>")[0]
        assert ('class="md-header__button md-icon sw-search-link"' in header) == (path != "search/"), path


def test_indexing_that_fails_says_so_plainly(tmp_path):
    with pytest.raises(site_search.IndexingFailed) as failed:
        site_search.index(tmp_path)
    assert "Pagefind could not index the site" in str(failed.value)
    assert "Traceback" not in str(failed.value)
