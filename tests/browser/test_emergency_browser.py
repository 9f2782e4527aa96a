"""Issue 24: what to do if a child is in immediate danger, as a reader sees it on every page of
the built site (innerText, at 412 by 915 px, JavaScript off): the same question, the same call
button and the same sentences wherever the box is shown, all from the words catalogue
(stillworried/core/words/emergency.py) and the number from the data (contact emergency-999);
the header's button, the banner's line and the footer say it in the catalogue's words on every
page; and the wizard's loading line is the catalogue's, not status.js's own."""
import json

from stillworried.core.contacts import emergency_phone
from stillworried.core.words import emergency as words, questions as question_words
from tests.browser.test_visible_text import reader  # noqa: F401 (one page, JavaScript off, as a reader sees it)
from tests.site_support import PHONE, site_pages

WIZARD = "still-worried/"


SEEN = """() => ({
    boxes: [...document.querySelectorAll('article .sw-emergency')].map(box => {
        const call = box.querySelector('a.sw-emergency__call');
        return {text: box.innerText, call: call.innerText, tel: call.getAttribute('href'),
                bottom: call.getBoundingClientRect().bottom,
                first: box === document.querySelector('article .sw-emergency') && !box.closest('.sw-who, .sw-areas')};
    }),
    banner: document.querySelector('.sw-banner__emergency').innerText,
    bannerTel: document.querySelector('.sw-banner__emergency a').getAttribute('href'),
    header: document.querySelector('.md-header a.sw-header-999').innerText,
    headerName: document.querySelector('.md-header a.sw-header-999').textContent,
    headerTel: document.querySelector('.md-header a.sw-header-999').getAttribute('href'),
    footer: (document.querySelector('.md-copyright') || {innerText: ''}).innerText,
})"""


def test_every_page_says_what_to_do_in_danger_in_the_catalogues_words(reader, server, built_site, bundle):
    phone = emergency_phone(bundle)
    call, tel = words.call(phone["display"]), "tel:" + phone["e164"]
    # With no area chosen (home, contacts index, no-signal page): the question, the button and
    # what comes after it, word for word the same on each page.
    no_area = words.QUESTION + "\n" + call + " " + words.THEN
    routes = [partnership["emergency"]["text"] for partnership in bundle["partnerships"].values()]
    shown, wrong, first_call = {}, [], {}
    for path in site_pages(built_site):
        reader.goto(server.url(path), wait_until="load")  # with its stylesheets: where the button is
        seen = reader.evaluate(SEEN)
        if not (seen["banner"].startswith(words.QUESTION + " " + call + ".") and seen["bannerTel"] == tel):
            wrong.append((path, "banner", seen["banner"]))
        # "Call 999", and to a screen reader "Call 999 if a child is in immediate danger".
        if not seen["header"].startswith(call) or (seen["headerName"], seen["headerTel"]) != (call + words.WHY, tel):
            wrong.append((path, "header", seen["header"], seen["headerName"]))
        if words.in_danger(phone["display"]) not in seen["footer"]:
            wrong.append((path, "footer", seen["footer"]))
        for box in seen["boxes"]:
            text = "\n".join(line for line in box["text"].splitlines() if line.strip())
            shown.setdefault(path, []).append(text)
            if not text.startswith(words.QUESTION + "\n") or (box["call"], box["tel"]) != (call, tel):
                wrong.append((path, "box", text[:80], box["call"], box["tel"]))
            elif text != no_area and not any(route in text for route in routes):
                wrong.append((path, "box says neither the catalogue's words nor an area's route", text[:120]))
            if box["first"]:
                first_call[path] = box["bottom"]
    assert wrong == [], "\n".join(map(str, wrong))
    # The pages that open with the box have its call button on the first screen.
    opening = ["", "contacts/", "offline/"] + [pid + "/" for pid in bundle["partnerships"]]
    assert {path: first_call.get(path, 10 ** 6) <= PHONE["height"] for path in opening} == dict.fromkeys(opening, True)
    for path in ("", "contacts/", "offline/"):
        assert shown[path][0] == no_area, path  # (then, in the list of areas, an area's with no number)
    for pid, partnership in bundle["partnerships"].items():
        route = partnership["emergency"]["text"]
        assert len(shown[pid + "/"]) == 1 and route in shown[pid + "/"][0], pid
        # Its contacts page: the same box, with the route, the call and the source's line.
        assert [text for text in shown["contacts/%s/" % pid] if route in text], pid


def test_the_wizards_yes_to_immediate_danger_says_it_in_the_catalogues_words(reader, server, bundle):
    phone = emergency_phone(bundle)
    reader.goto(server.url(WIZARD + "#immediate-danger"), wait_until="domcontentloaded")
    text = "\n".join(line for line in reader.inner_text("#immediate-danger").splitlines() if line.strip())
    assert text.startswith("\n".join([words.call_now(phone["display"]), words.call(phone["display"]),
                                      " ".join([words.TELL_POLICE, words.THEN, words.AREA_PAGES])])), text
    assert reader.locator("#immediate-danger a.sw-emergency__call").get_attribute("href") == "tel:" + phone["e164"]
    assert reader.inner_text("#sw-danger-title") == words.QUESTION


def test_the_wizards_loading_line_is_the_catalogues(browser, server):
    """status.js says the quick answer is loading, then that it has not loaded, in the words the
    build wrote into the page from the catalogue: it keeps none of its own."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.install()
    page.route("**/micropython.wasm", lambda route: route.abort())
    page.goto(server.url(WIZARD), wait_until="domcontentloaded")
    said = json.loads(page.get_attribute("#sw-wizard", "data-status-words"))
    assert said == {"loading": question_words.LOADING, "not_loaded": question_words.NOT_LOADED}
    assert page.inner_text("#sw-status") == question_words.LOADING
    page.clock.fast_forward(7000)
    assert page.inner_text("#sw-status") == question_words.NOT_LOADED
    context.close()
