"""The "Still worried?" wizard in Debian's Chromium at phone size, on PyScript's MicroPython:
every procedure and stage gives the engine's answer through the page, the address holds the
answers and nothing else, the danger question works with JavaScript off, the keyboard is
enough, axe finds nothing at any step, "today" is London's date, nothing is requested from
another host and nothing typed is kept anywhere."""
import datetime

import icalendar
import pytest

from tests.conftest import ROOT
from tests.site_support import PHONE
from stillworried.core import address_grammar, question_order
from stillworried.data import engine_bundle
from stillworried.core.worded import next_step
from stillworried.core.words.dates import long_date

WIZARD = "still-worried/"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SINCE = "2026-11-23"
CANARY = "ZQXCANARY42"
NO = ".sw-answer-links a[href='#area']"
YES = ".sw-answer-links a[href='#immediate-danger']"


class Watched:
    """A phone-sized page that records requests to other hosts and console errors."""

    def __init__(self, browser, server, **options):
        self.server = server
        self.expect_errors = False
        options.setdefault("viewport", PHONE)
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        self.elsewhere, self.errors, self.requests = [], [], []
        self.page.on("request", self._request)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _request(self, request):
        self.requests.append(request.url)
        if not request.url.startswith(self.server.origin) and not request.url.startswith(("data:", "blob:")):
            self.elsewhere.append(request.url)

    def open(self, fragment="", ready_within=30000):
        self.page.goto(self.server.url(WIZARD + fragment))
        self.page.wait_for_selector("#sw-wizard[data-ready=yes]", state="attached", timeout=ready_within)
        return self.page

    def close(self):
        self.context.close()
        assert self.elsewhere == []
        assert self.expect_errors or self.errors == []


@pytest.fixture
def watched(browser, server):
    made = []

    def make(**options):
        made.append(Watched(browser, server, **options))
        return made[-1]
    yield make
    for item in made:
        item.close()


def visible_step(page):
    return page.evaluate("""() => {
        const shown = [...document.querySelectorAll('.sw-step-form, #sw-result')].filter(e => !e.hidden);
        return shown.map(e => e.id);
    }""")


def result_facts(page):
    return page.evaluate("""() => ({
        title: document.querySelector('#sw-result-title').textContent,
        deadline: (document.querySelector('.sw-result__deadline time') || {}).dateTime || null,
        overall: (document.querySelector('.sw-result__overall time') || {}).dateTime || null,
        others: [...document.querySelectorAll('.sw-result__others time')].map(t => t.dateTime),
        tel: [...document.querySelectorAll('.sw-first__contacts > .sw-contact a[href^="tel:"]')].map(a => a.getAttribute('href')),
        mail: [...document.querySelectorAll('.sw-first__contacts > .sw-contact a[href^="mailto:"]')].map(a => a.getAttribute('href')),
    })""")


def expected_facts(answer):
    # Without the day the disagreement began, after stage 1, the engine gives no overall date
    # (never one counted from the day this stage began), and the page shows none.
    return {
        "title": "Stage %d: %s" % (answer["stage"], answer["title"]),
        # The date in bold: the stage's, or the whole process's where that ends first (engine.keep_to).
        "deadline": (answer["overall"] if answer["keep_to"] == "overall" else answer["deadline"] or {}).get("date"),
        "overall": answer["overall"]["date"] if answer["overall"] else None,
        "others": [item["date"] for item in answer["deadlines"] if not item["headline"] and item["date"]],
        "tel": [link for contact in answer["contacts"] + (answer["no_number"] or {}).get("contacts", []) for link in
                ["tel:" + phone["e164"] for phone in contact["phones"] if phone.get("e164")]
                + ["tel:" + other["phone"] for other in contact["conflicts"]]],
        "mail": ["mailto:" + email["address"] for contact in answer["contacts"] + (answer["no_number"] or {}).get(
            "contacts", []) for email in contact["emails"]],
    }


def test_every_stage_of_every_procedure_gives_the_engines_answer_through_the_page(watched, bundle):
    """Opened by link on each answer, at 412x915, the page shows the engine's deadline, every
    other time limit, the overall limit and the contacts' tel: and mailto: links."""
    browser_bundle = engine_bundle(bundle)
    page = watched().open()
    checked = 0
    for procedure_id, procedure in bundle["procedures"].items():
        for stage in procedure["stages"]:
            for started in (None, "2026-11-02"):
                answers = {"procedure": procedure_id, "stage": stage["number"], "since": SINCE, "started": started}
                page.evaluate("fragment => { location.hash = fragment; }", address_grammar.make_fragment(answers))
                page.wait_for_selector("#sw-result:not([hidden])[data-answers='%s']" % address_grammar.make_fragment(answers))
                expected = expected_facts(next_step(browser_bundle, procedure_id, stage["number"], SINCE, started))
                assert result_facts(page) == expected, answers
                checked += 1
    assert checked == 2 * sum(len(p["stages"]) for p in bundle["procedures"].values())


def test_southwark_stage_4_the_quality_assurance_unit_has_2_working_days(watched):
    page = watched().open("#procedure=southwark&stage=4&since=2026-11-23")
    deadline = page.locator(".sw-result__deadline time")
    assert deadline.get_attribute("datetime") == "2026-11-25"
    assert deadline.inner_text() == "Wednesday 25 November 2026"
    said = page.inner_text(".sw-result__deadline")
    assert "within 2 working days of the day it was referred to them" in said
    assert "Counted from your date, Monday 23 November 2026." in said  # the day typed, repeated (issue 21)


def test_the_answer_says_whether_each_contact_was_ever_confirmed_as_the_pages_do(watched, bundle):
    """Issue 22: the source's date is not a check. 'Where this comes from' names each contact
    shown with the pages' words (engine.checked_words)."""
    from stillworried.core import worded
    page = watched().open("#procedure=salford-vcse&stage=2&since=2026-11-23")
    said = page.evaluate("() => document.querySelector('.sw-result__sources').textContent")
    bridge = bundle["contacts"]["salford-bridge"]
    assert bridge["name"] + ": " + worded.checked_words(bundle, bridge) in said
    assert "Verified" not in said


def test_answering_the_questions_builds_the_address_and_back_steps_through_them(watched):
    """Wigan has one situation, so it is chosen and said; stage 2 asks whose decision it is."""
    page = watched().open()
    page.click(NO)
    page.wait_for_selector("#sw-area:not([hidden])")
    page.check("#sw-area input[value=wigan]")
    page.click("#sw-area .sw-continue")
    page.wait_for_selector("#sw-stage:not([hidden])")
    assert page.url.endswith("#area=wigan")
    assert "Wigan has one procedure for this, so we have chosen it" in page.inner_text("#sw-stage")
    page.check("#sw-stage input[value='2']")
    page.click("#sw-stage .sw-continue")
    page.wait_for_selector("#sw-agency:not([hidden])")
    assert page.url.endswith("#procedure=wigan&stage=2")
    page.check("#sw-agency input[value=greater-manchester-police]")
    page.click("#sw-agency .sw-continue")
    page.wait_for_selector("#sw-when:not([hidden])")
    assert page.url.endswith("#procedure=wigan&stage=2&agency=greater-manchester-police")
    page.fill("#since-day", "23")
    page.fill("#since-month", "11")
    page.fill("#since-year", "2026")
    page.click("#sw-when .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.url.endswith("#procedure=wigan&stage=2&agency=greater-manchester-police&since=2026-11-23")
    # Greater Manchester Police's contacts for stage 2, as call buttons on the answer.
    assert page.locator(".sw-first__contacts a[href='tel:+441618564179']").count() == 1
    page.go_back()
    page.wait_for_selector("#sw-when:not([hidden])")
    page.go_back()
    page.wait_for_selector("#sw-agency:not([hidden])")
    page.go_back()
    page.wait_for_selector("#sw-stage:not([hidden])")
    assert page.get_attribute("#sw-stage .sw-back", "href") == "#area"
    page.go_forward()
    page.go_forward()
    page.go_forward()
    page.wait_for_selector("#sw-result:not([hidden])")


def test_a_question_left_unanswered_gets_a_gov_uk_error_message(watched):
    page = watched().open("#area")
    page.click("#sw-area .sw-continue")
    assert page.locator("#sw-area .sw-error-summary").is_visible()
    assert "Select the area the child is in" in page.inner_text("#sw-area .sw-error-summary")
    assert page.title().startswith("Error: ")
    page = watched().open("#procedure=southwark&stage=2")
    page.fill("#since-day", "30")
    page.fill("#since-month", "2")
    page.fill("#since-year", "2026")
    page.click("#sw-when .sw-continue")
    assert "must be a real date" in page.inner_text("#sw-when .sw-error-summary")
    assert page.url.endswith("#procedure=southwark&stage=2")


def test_a_broken_link_says_so_and_asks_again(watched):
    w = watched()
    page = w.open("#procedure=nowhere&stage=2&since=2026-11-23")
    assert visible_step(page) == ["sw-area"]
    assert "procedure we do not have" in page.inner_text("#sw-area .sw-error-summary")
    # The first-paint block is named by one pattern, so a made-up procedure's is asked for and
    # not found (nothing is shown from it); that 404 is the only error.
    assert [url for url in w.requests if "/first/nowhere-" in url]
    assert all("404" in error for error in w.errors), w.errors
    w.errors.clear()
    page = watched().open("#procedure=wigan&stage=2&since=2040-01-01")
    assert visible_step(page) == ["sw-when"]


def test_the_wizard_works_when_reached_by_a_link_from_another_page(watched, server):
    w = watched()
    w.page.goto(server.url(""))
    w.page.click(".sw-start")
    w.page.wait_for_selector("#sw-wizard[data-ready=yes]", state="attached", timeout=30000)
    w.page.click(NO)
    w.page.wait_for_selector("#sw-area:not([hidden])")


def test_the_immediate_danger_question_works_with_javascript_off(watched):
    w = watched(java_script_enabled=False)
    page = w.page
    page.goto(w.server.url(WIZARD))
    assert not page.locator("#immediate-danger").is_visible()
    page.click(YES)
    assert page.locator("#immediate-danger").is_visible()
    assert page.locator("#immediate-danger a[href='tel:999']").first.is_visible()
    # Each area's front door by name, linking the area's page, whose first screen has its numbers.
    for door in ("The Bridge Partnership", "MAST", "MASH"):
        assert door in page.inner_text("#immediate-danger")
    assert page.locator("#immediate-danger .sw-areas a").evaluate_all("links => links.map(a => a.getAttribute('href'))") \
        == ["../salford/", "../wigan/", "../southwark/"]
    page.goto(w.server.url(WIZARD))
    assert not page.locator("#area").is_visible()
    page.click(NO)
    # "No" leads somewhere (issue 21: it only changed the address): a section by the question,
    # linking the home page's list of areas, each area's page linking its procedures. One link,
    # whatever the number of areas.
    answer = page.locator("#area")
    assert answer.is_visible()
    assert "need JavaScript" in answer.inner_text()
    links = answer.locator("a.md-button")
    assert links.count() == 1 and links.first.is_visible()
    assert page.locator(".sw-fallback a").count() == 1  # and the same link below the questions
    links.first.click()
    assert page.url.endswith("/#choose-your-area")
    page.get_by_role("link", name="Salford", exact=True).first.click()
    assert page.locator("a[href='salford-vcse/']").count() and page.locator("a[href='salford-sscb-2014/']").count()


def test_keyboard_alone_reaches_an_answer(watched):
    page = watched().open()
    page.locator("body").focus()

    def tab_to(selector, limit=60):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError("Tab never reached " + selector)
    tab_to(".sw-answer-links a[href='#area']")
    page.keyboard.press("Enter")
    # Each question: Tab to its radios, choose with the keyboard, Tab to Continue, Enter.
    for form, choose in (("#sw-area", "Space"), ("#sw-situation", "Space"),
                         # "Where should I be today?" comes first, then stage 1, then stage 2.
                         ("#sw-stage", "ArrowDown ArrowDown")):
        page.wait_for_selector(form + ":not([hidden])")
        tab_to(form + " input[type=radio]")
        for key in choose.split():
            page.keyboard.press(key)
        tab_to(form + " .sw-continue")
        page.keyboard.press("Enter")
    page.wait_for_selector("#sw-when:not([hidden])")
    tab_to("#since-day")
    for box in ("23", "11", "2026"):
        page.keyboard.type(box)
        page.keyboard.press("Tab")
    tab_to("#sw-when .sw-continue")
    page.keyboard.press("Enter")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.evaluate("() => document.activeElement.id") == "sw-result-title"
    assert "Practice Manager" in page.inner_text("#sw-result-title")


AXE_STEPS = ["", "#immediate-danger", "#area", "#area=salford", "#procedure=salford-sscb-2014",
             "#procedure=southwark&stage=1", "#procedure=southwark&stage=1&since=2026-11-23",
             "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02",
             "#area=wigan", "#procedure=wigan&stage=1",
             "#procedure=wigan&stage=1&agency=childrens-social-care&since=2026-11-23",
             "#procedure=wigan&stage=3&since=2026-11-20",
             # Issue 21: a follow-up's question and answer; a date at the weekend and a step overdue.
             "#procedure=salford-vcse&after=referral",
             "#procedure=salford-vcse&after=referral&since=2026-11-25",
             "#procedure=southwark&stage=2&since=2026-11-23", "#procedure=southwark&stage=2&since=2026-12-04",
             # Issue 21: "when did stage 2 begin?", its answer, and a question asked again (&ask).
             "#procedure=wigan&raised=2026-11-16&stage=2",
             "#procedure=wigan&raised=2026-11-16&stage=2&agency=wigan-council&since=2026-11-24",
             "#procedure=wigan&stage=2&since=2026-11-23&ask=agency"]
# What each step shows: the danger question, a question's form, or the answer.
SHOWN = {address_grammar.DANGER: ".sw-danger-question", address_grammar.AREA: "#sw-area", address_grammar.SITUATION: "#sw-situation",
         address_grammar.STAGE: "#sw-stage", address_grammar.AGENCY: "#sw-agency", address_grammar.WHEN: "#sw-when", address_grammar.RESULT: "#sw-result",
         address_grammar.WHEN_ESCALATED: "#sw-when-escalated"}


def test_axe_finds_no_violation_at_any_step(watched, bundle):
    """Every step (and the area question's error state) in one page, the address changing as it
    does when the person answers: a step's markup is the same however it is reached, and
    MicroPython starts once rather than once a step."""
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run bin/setup (it runs npm ci)")
    w = watched(bypass_csp=True)
    page = w.open()
    page.add_script_tag(path=str(AXE))
    found = {}
    for fragment in AXE_STEPS:
        if fragment == "#immediate-danger":
            page.evaluate("() => { location.hash = '#immediate-danger'; }")
            page.wait_for_selector("#immediate-danger", state="visible")
        elif fragment:
            # Hide what is shown, so that waiting for this step's form or answer cannot pass early.
            page.evaluate("""f => { document.querySelectorAll('.sw-step-form, #sw-result').forEach(e => { e.hidden = true; });
                                    location.hash = f; }""", fragment)
            step = question_order.step(bundle, address_grammar.parse_fragment(fragment), datetime.date.today().isoformat())[0]
            page.wait_for_selector(SHOWN[step] + ":not([hidden])")
        if fragment == "#area":
            # The error state too, reached from below as a person who scrolled to Continue does:
            # focus then scrolls the error summary up under the sticky header, and the Back link
            # above it must stay clear of the header.
            page.evaluate("() => scrollTo(0, document.body.scrollHeight)")
            page.click("#sw-area .sw-continue")
            page.wait_for_selector("#sw-area .sw-error-summary:not([hidden])")
            # As on a fresh page, nothing hovered: the pointer would hover whatever the next steps
            # put under it.
            page.mouse.move(0, 0)
        # Colours are checked once any transition (Material's buttons fade in theirs) has ended.
        page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        if result["violations"]:
            found[fragment] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert found == {}


@pytest.mark.parametrize("utc, london", [("2026-07-14T23:30:00Z", "2026-07-15"), ("2026-07-14T22:30:00Z", "2026-07-14"),
                                         ("2026-12-31T23:30:00Z", "2026-12-31")])
def test_today_is_the_london_date_whatever_the_phones_time_zone(watched, utc, london):
    """23:30 UTC on a summer date is 00:30 the next day in London (BST), but still the same day
    in New York, where this phone thinks it is."""
    w = watched(timezone_id="America/New_York")
    w.page.clock.set_fixed_time(utc)
    page = w.open("#procedure=southwark&stage=2&since=" + london[:8] + "01")
    caption = page.locator(".sw-result__timeline .sw-timeline__caption").text_content()
    assert caption.startswith("Today is %s." % long_date(london)), caption
    # The date boxes are never filled with today (issue 21): the person types the day.
    page.evaluate("() => { location.hash = '#procedure=southwark&stage=3'; }")
    page.wait_for_selector("#sw-when:not([hidden])")
    assert [page.input_value("#since-" + part) for part in ("day", "month", "year")] == ["", "", ""]


def test_nothing_typed_is_kept_in_the_address_history_storage_or_cookies(watched):
    w = watched()
    page = w.open()
    page.click(NO)
    for fragment in ("#procedure=southwark&stage=2",):
        page.evaluate("f => { location.hash = f; }", fragment)
    page.wait_for_selector("#sw-when:not([hidden])")
    for field in ("since-day", "since-month", "since-year", "started-day", "started-month", "started-year"):
        page.fill("#" + field, CANARY)
    page.click("#sw-when .sw-continue")
    assert page.locator("#sw-when .sw-error-summary").is_visible()
    assert CANARY not in page.inner_text("#sw-when .sw-error-summary")
    # The date boxes are the only place to type: the wizard page has no search box (Material's
    # script, which would fetch the whole search index, is left out there).
    assert page.evaluate("() => [...document.querySelectorAll('input')].filter(i => i.offsetParent && "
                         "!['radio', 'checkbox'].includes(i.type)).map(i => i.id)") == \
        ["since-day", "since-month", "since-year", "started-day", "started-month", "started-year"]
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    seen = [page.url]
    while page.evaluate("() => history.length") > 1 and len(seen) < 12:
        before = page.url
        page.go_back()
        if page.url == before or page.url == "about:blank":
            break
        seen.append(page.url)
    for url in seen:
        assert CANARY not in url
    assert w.context.cookies() == []
    assert not [url for url in w.requests if CANARY in url]


def test_no_request_leaves_the_page_after_it_has_loaded(watched):
    w = watched()
    page = w.open()
    page.wait_for_load_state("networkidle")
    loaded = len(w.requests)
    for fragment in ("#area", "#area=salford", "#procedure=salford-vcse", "#procedure=salford-vcse&stage=3",
                     "#procedure=salford-vcse&stage=3&since=2026-11-23"):
        page.evaluate("f => { location.hash = f; }", fragment)
    page.wait_for_selector("#sw-result:not([hidden])")
    page.wait_for_timeout(300)
    # Chromium asks again for the site's own icon on each step (a same-document navigation); that
    # request carries nothing from the page. The wizard fetches the chosen area's data, once (it
    # names the area, as a visit to the area's pages does, and nothing typed); anything else would
    # be the wizard fetching.
    later = [url for url in w.requests[loaded:] if not url.endswith("/assets/images/favicon.svg")]
    assert len(later) == 1 and "/assets/wizard/data/area-salford-" in later[0], later


def test_the_wizard_does_not_load_pyscripts_unused_plugins_or_its_service_worker(watched):
    """PyScript's own service worker is never fetched; the only one is the site's (sw.js,
    tests/browser/test_offline.py), registered once the wizard has started."""
    w = watched(service_workers="allow")
    w.open("#area")
    w.page.wait_for_selector("html[data-sw-offline=on]", state="attached")
    fetched = [url.rsplit("/", 1)[-1] for url in w.requests]
    for unused in ("codemirror", "py-editor", "py-terminal", "py-game", "xterm", "donkey", "toml", "service-worker"):
        assert not [name for name in fetched if name.startswith(unused)], fetched
    assert w.page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.map(one => "
                           "new URL(one.active.scriptURL).pathname))") == ["/sw.js"]


def test_add_to_calendar_makes_a_valid_all_day_event_with_a_reminder(watched):
    page = watched().open("#procedure=southwark&stage=4&since=2026-11-23")
    with page.expect_download() as download:
        page.click("text=Add to calendar")
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("DTSTART") == datetime.date(2026, 11, 25)
    assert event.decoded("DTEND") == datetime.date(2026, 11, 26)
    assert event.walk("VALARM")
    assert "999" in str(event.get("DESCRIPTION"))


def test_print_a_record_has_blank_lines_for_the_case_and_not_the_questions(watched):
    page = watched().open("#procedure=wigan&stage=3&since=2026-11-23")
    page.emulate_media(media="print")
    assert page.locator(".sw-print-record").is_visible()
    assert page.locator("#sw-result").is_visible()
    assert not page.locator(".sw-fallback").is_visible()
    assert not page.locator(".sw-result__actions").is_visible()


def test_if_python_never_loads_the_page_points_to_the_procedure_pages(watched):
    w = watched()
    w.expect_errors = True  # the blocked download is this test's own doing
    w.page.clock.install()
    w.page.route("**/micropython.wasm", lambda route: route.abort())
    w.page.goto(w.server.url(WIZARD))
    w.page.clock.fast_forward(7000)
    assert "has not loaded" in w.page.inner_text("#sw-status")
    assert w.page.locator(".sw-fallback a").get_attribute("href") == "../#choose-your-area"  # the list of areas


def test_only_the_wizard_page_allows_eval_in_its_content_security_policy(built_site):
    for path in built_site.rglob("index.html"):
        html = path.read_text()
        policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        is_wizard = path.parent == built_site / "still-worried"
        assert ("'unsafe-eval'" in policy) == is_wizard, path
        assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_the_same_wizard_runs_on_pyodide_with_one_line_of_config_changed(browser, tmp_path, bundle):
    """Pyodide stays a supported second interpreter: extra.wizard_interpreter: pyodide in
    mkdocs.yml, nothing else, gives the same answer, still with nothing from another host."""
    from tests.site_support import Server, build_site
    config = ROOT / (".mkdocs-pyodide-test-%d.yml" % __import__("os").getpid())
    config.write_text("INHERIT: mkdocs.yml\nextra:\n  wizard_interpreter: pyodide\n")
    try:
        result = build_site(tmp_path / "site", config_file=config)
    finally:
        config.unlink()
    assert result.returncode == 0, result.stderr
    assert 'type="py"' in (tmp_path / "site" / "still-worried" / "index.html").read_text()
    server = Server(tmp_path / "site")
    try:
        w = Watched(browser, server)
        # Pyodide (full CPython) takes much longer to start than MicroPython: 35 s and more on a
        # busy 2-core machine. This waits for it to be ready; it is not a timing test.
        page = w.open("#procedure=southwark&stage=4&since=2026-11-23", ready_within=120000)
        expected = expected_facts(next_step(engine_bundle(bundle), "southwark", 4, SINCE))
        assert result_facts(page) == expected
        assert page.evaluate("() => [...document.querySelectorAll('script[type=mpy]')].length") == 0
        w.close()
    finally:
        server.close()


def test_a_link_with_an_impossible_date_asks_for_the_date_again(watched):
    page = watched().open("#procedure=wigan&stage=2&since=2026-02-30")
    assert visible_step(page) == ["sw-when"]
    assert "The date this stage began must be a real date" in page.inner_text("#sw-when .sw-error-summary")
    assert [page.input_value("#since-" + part) for part in ("day", "month", "year")] == ["", "", ""]


def test_an_address_it_does_not_know_shows_the_first_question(watched):
    page = watched().open("#nothing-here")
    assert page.locator(".sw-danger-question").is_visible()


def test_changing_an_answer_keeps_the_dates_already_given(watched):
    """Going back from the answer must never quietly reset the dates to today: Wigan's overall
    month counts from when the disagreement began."""
    page = watched().open("#procedure=wigan&stage=2&agency=other&since=2026-11-16&started=2026-11-02")
    page.click("text=Change an answer")
    page.wait_for_selector("#sw-when:not([hidden])")
    assert [page.input_value("#since-" + p) for p in ("day", "month", "year")] == ["16", "11", "2026"]
    assert [page.input_value("#started-" + p) for p in ("day", "month", "year")] == ["2", "11", "2026"]
    page.click("#sw-when .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.url.endswith("#procedure=wigan&stage=2&agency=other&since=2026-11-16&started=2026-11-02")


def test_the_date_question_asks_for_the_day_the_stage_counts_from(watched):
    """Wigan stage 4 counts from the day the heads of service could not agree, not from the day
    the reader raised it with the directors."""
    page = watched().open("#procedure=wigan&stage=4&agency=other")
    assert page.inner_text("#since-legend") == "The day the heads of service could not agree"


def test_a_wrong_start_of_the_disagreement_is_marked_on_its_own_boxes(watched):
    page = watched().open("#procedure=wigan&stage=2&agency=other")
    for part, value in (("day", "23"), ("month", "11"), ("year", "2026")):
        page.fill("#since-" + part, value)
    for part, value in (("day", "1"), ("month", "1"), ("year", "1999")):
        page.fill("#started-" + part, value)
    page.click("#sw-when .sw-continue")
    assert page.locator("#started-error").is_visible()
    assert "The date the disagreement began must be between" in page.inner_text("#started-error")
    assert not page.locator("#since-error").is_visible()


# --- Issue 9: the answer's first screen, flags, questions that fit, first paint ----------------

LONDON_MORNING = "2026-12-01T10:00:00Z"  # Tuesday 1 December 2026
RAW_MARKUP = r"&#?[A-Za-z0-9]+;|</?[a-z][a-z0-9]*[ >/]"


def first_screen(page):
    """What lies in the first 915 px of the answer (from the top of the answer section)."""
    return page.evaluate("""() => {
        const top = document.querySelector('#sw-result').getBoundingClientRect().top;
        const within = e => e && e.getClientRects().length && e.getBoundingClientRect().bottom - top <= 915;
        const time = document.querySelector('.sw-result__deadline time[datetime]');
        return {
            who: within(document.querySelector('.sw-who')) ? document.querySelector('.sw-who').innerText : null,
            date: within(time) ? time.getAttribute('datetime') : null,
            next: within(document.querySelector('.sw-result__next')),
            // A link in a closed disclosure counts where its disclosure's summary is.
            links: [...document.querySelectorAll('.sw-first__contacts a[href^="tel:"], .sw-first__contacts a[href^="mailto:"]')]
                .filter(a => within(a.closest('details:not([open])') ? a.closest('details').querySelector('summary') : a))
                .map(a => a.getAttribute('href')),
        };
    }""")


def stage_links(answer):
    """Each contact's call and email buttons, then any other number printed for the same team."""
    links = []
    # Where the source gives no number for the step, the way in it gives (Salford's Partnership Bridge).
    for contact in answer["contacts"] + (answer["no_number"]["contacts"] if answer["no_number"] else []):
        links += ["tel:" + phone["e164"] for phone in contact["phones"] if phone.get("e164")]
        links += ["mailto:" + email["address"] for email in contact["emails"]]
        links += ["tel:" + other["phone"] for other in contact["conflicts"]]
    return links


def test_the_first_screen_holds_who_how_and_by_when_for_every_stage(watched, bundle):
    """For every stage of every procedure, at 412x915 with the clock fixed: the who sentence,
    the date in <time datetime>, what happens next and every call and email button the source
    gives for the step are inside the first 915 px of the answer."""
    browser_bundle = engine_bundle(bundle)
    w = watched()
    w.page.clock.set_fixed_time(LONDON_MORNING)
    page = w.open()
    for procedure_id, procedure in bundle["procedures"].items():
        for stage in procedure["stages"]:
            answers = {"procedure": procedure_id, "stage": stage["number"], "since": SINCE}
            page.evaluate("fragment => { location.hash = fragment; }", address_grammar.make_fragment(answers))
            page.wait_for_selector("#sw-result:not([hidden])[data-answers='%s']" % address_grammar.make_fragment(answers))
            answer = next_step(browser_bundle, procedure_id, stage["number"], SINCE)
            seen = first_screen(page)
            # The date in bold: the stage's, or the whole process's where it ends first (None: no time limit).
            shown = answer["overall"] if answer["keep_to"] == "overall" else answer["deadline"]
            due = shown["date"] if shown else None
            assert seen == {"who": stage["who"]["sentence"], "date": due, "next": True,
                            "links": stage_links(answer)}, answers
            assert not page.locator("#sw-result details[open]").count()


@pytest.mark.parametrize("stage, agency, number", [
    (1, "childrens-social-care", "tel:+441942828468"),   # Appendix 2, Stage 1: Locality 1
    (2, "greater-manchester-police", "tel:+441942486398"),  # Stage 2 leads: DS Claire Harvey, MAST/Child Safeguarding
    (2, "wigan-council", "tel:+447810101910"),  # Stage 2 leads: Michelle McNally, Service Lead Duty & MAST
    (2, "gmmh", "tel:+447917471486"),  # Stage 2 leads: Kerrie Ashton, Child Safeguarding Lead
])
def test_wigan_after_choosing_an_agency_its_number_is_on_the_first_screen(watched, stage, agency, number):
    page = watched().open("#procedure=wigan&stage=%d&agency=%s&since=2026-11-23" % (stage, agency))
    assert number in first_screen(page)["links"]


def test_wigan_stage_2_with_both_dates_the_council_lead_is_still_on_the_first_screen(watched):
    """Begun 2 November, stage 2 from 23 November, on 3 December: the month has passed, so the
    overdue flag and the which-comes-first line sit above the contacts; Michelle McNally's
    number (Stage 2 leads, Wigan Council) must still be inside the first 915 px."""
    w = watched()
    w.page.clock.set_fixed_time("2026-12-03T10:00:00Z")
    page = w.open("#procedure=wigan&stage=2&agency=wigan-council&since=2026-11-23&started=2026-11-02")
    # The flag says the month's date, so the which-comes-first line is not repeated.
    assert page.locator(".sw-flag").is_visible() and not page.locator(".sw-which-wins").count()
    seen = first_screen(page)
    # The month ends on 2 December, before the 10 working days (7 December): 2 December in bold.
    assert seen["date"] == "2026-12-02" and seen["next"]
    assert page.locator(".sw-deadline").inner_text() == "Whole process due by Wednesday 2 December 2026"
    assert "tel:+447810101910" in seen["links"]
    # What the person sees when the link opens, counted from the top of the phone's screen (the
    # danger banner and the header above the answer included), not from the answer's top.
    assert page.evaluate("scrollY") == 0
    assert page.locator("a[href='tel:+447810101910']").first.bounding_box()["y"] + 48 <= 915


@pytest.mark.parametrize("since, today, flag", [
    # Southwark 3.2: "within 3 working days". Raised Thursday 26 November: due Tuesday 1 December.
    ("2026-11-27", "2026-12-01T10:00:00Z", None),
    ("2026-11-26", "2026-12-01T10:00:00Z", "This is due today."),
    ("2026-11-25", "2026-12-01T10:00:00Z", "This was due on Monday 30 November 2026. It is now overdue: "
                                           "move to stage 2 now."),
    # Over Christmas: raised Wednesday 23 December; 24, 29 and 30 December are the 3 working days
    # (25 December, 26 December's substitute on Monday 28 December, and the weekend are not).
    ("2026-12-23", "2026-12-29T10:00:00Z", None),
    ("2026-12-23", "2026-12-30T10:00:00Z", "This is due today."),
    ("2026-12-23", "2026-12-31T00:30:00Z", "This was due on Wednesday 30 December 2026. It is now overdue: "
                                           "move to stage 2 now."),
])
def test_the_deadline_is_flagged_today_or_overdue_from_londons_today(watched, since, today, flag):
    w = watched()
    w.page.clock.set_fixed_time(today)
    page = w.open("#procedure=southwark&stage=1&since=" + since)
    shown = page.locator(".sw-flag")
    assert (shown.inner_text() if shown.is_visible() else None) == flag


def test_the_first_screen_says_where_the_source_gives_no_number_and_which_limit_comes_first(watched):
    """Southwark 3.3 names no number for the other line manager; Salford's VCSE protocol none for
    the caseworker (and no time limit, so no "by then"); Wigan's month, begun 2 November, ends on
    2 December, before stage 2's 10 working days from 23 November, and is overdue on 3 December."""
    w = watched()
    w.page.clock.set_fixed_time("2026-12-03T10:00:00Z")
    page = w.open()

    def answer(fragment):
        page.evaluate("fragment => { location.hash = fragment; }", fragment)
        page.wait_for_selector("#sw-result:not([hidden])[data-answers='%s']" % fragment)
        return page.evaluate("""() => {
            const top = document.querySelector('#sw-result').getBoundingClientRect().top;
            const text = s => { const e = document.querySelector('#sw-result ' + s);
                                return e && e.getBoundingClientRect().bottom - top <= 915 ? e.innerText : null; };
            return {none: text('.sw-no-number'), wins: text('.sw-which-wins'), flag: text('.sw-flag:not([hidden])'),
                    next: text('.sw-result__next')};
        }""")

    seen = answer("#procedure=southwark&stage=2&since=2026-11-23")
    assert seen["none"].startswith("This procedure gives no phone number or email for the other "
                                   "practitioner's line manager.")
    assert seen["wins"] is None
    seen = answer("#procedure=salford-vcse&stage=1&since=2026-11-23")
    assert "gives no phone number or email for the practitioner or caseworker" in seen["none"]
    assert seen["next"] == "If it is not resolved, go to stage 2: Practice Manager."
    seen = answer("#procedure=wigan&stage=2&agency=other&since=2026-11-23&started=2026-11-02")
    assert seen["none"] is None
    # On 3 December the flag says the month's date, so the which-comes-first line is left out.
    assert seen["wins"] is None
    assert seen["flag"] == ("The whole process should have been finished by Wednesday 2 December 2026. It is now "
                            "overdue: move to stage 3 now.")
    # Begun 1 December, stage 2 from 3 December: 10 working days end on Thursday 17 December,
    # before the month (Friday 1 January 2027), and nothing is due yet, so the line says so.
    seen = answer("#procedure=wigan&stage=2&agency=other&since=2026-12-03&started=2026-12-01")
    assert seen["flag"] is None
    assert seen["wins"] == ("This stage's date comes first. The whole process should end by Friday 1 January 2027. "
                            "Friday 1 January 2027 is a bank holiday (New Year's Day): offices may be closed. The "
                            "last working day before it is Thursday 31 December 2026.")


def test_a_link_without_the_start_at_stage_3_never_shows_an_overall_date(watched):
    """Wigan's one month counts from the day the disagreement began. Without that day, at stage
    3, the answer says it cannot work it out; it never counts from the day the stage began."""
    page = watched().open("#procedure=wigan&stage=3&since=2026-11-20")
    overall = page.locator(".sw-result__overall")
    assert overall.locator("time").count() == 0
    page.click("text=Other time limits")
    assert "We need the date the disagreement began to work this out." in overall.inner_text()
    assert "2026" not in overall.inner_text()
    page = watched().open("#procedure=wigan&stage=3&since=2026-11-20&started=2026-11-02")
    assert page.locator(".sw-result__overall time").get_attribute("datetime") == "2026-12-02"


def test_question_pages_are_titled_by_the_question_and_focus_it_after_continue(watched):
    page = watched().open("#area")
    assert page.title().startswith("Which area is the child in? - ")
    page.check("#sw-area input[value=southwark]")
    page.click("#sw-area .sw-continue")
    page.wait_for_selector("#sw-stage:not([hidden])")
    assert page.title().startswith("Which stage have you reached? - ")
    assert "problem" not in page.title().lower()
    assert page.evaluate("() => document.activeElement.matches('#sw-stage .sw-question')")
    page.click("#sw-stage .sw-continue")
    assert page.title().startswith("Error: Which stage have you reached? - ")
    page.check("#sw-stage input[value='1']")
    page.click("#sw-stage .sw-continue")
    page.wait_for_selector("#sw-when:not([hidden])")
    assert page.title().startswith("When did this stage begin? - ")


def test_no_raw_markup_or_entity_text_at_any_step(watched):
    import re
    page = watched().open()
    for fragment in ("#area", "#area=salford", "#area=wigan", "#procedure=wigan&stage=2",
                     "#procedure=wigan&stage=2&agency=gmmh", "#procedure=wigan&stage=2&agency=gmmh&since=2026-11-23",
                     "#procedure=southwark&stage=4&since=2026-11-23", "#procedure=salford-vcse&stage=2&since=2026-11-23"):
        page.evaluate("f => { location.hash = f; }", fragment)
        page.wait_for_timeout(150)
        page.evaluate("() => document.querySelectorAll('#sw-result details').forEach(d => d.open = true)")
        text = page.inner_text("body")
        assert not re.findall(RAW_MARKUP, text), fragment


def test_who_and_the_rule_show_before_python_has_started(watched):
    """A shared link shows the stage's who, the rule in words and the contact buttons from the
    static first-paint block, with the interpreter never arriving: no rule in JavaScript, and
    no date until the engine answers."""
    w = watched()
    w.expect_errors = True
    w.page.route("**/micropython.wasm", lambda route: route.abort())
    w.page.goto(w.server.url(WIZARD + "#procedure=salford-vcse&stage=2&since=2026-11-23"))
    w.page.wait_for_selector("#sw-first .sw-who")
    text = w.page.inner_text("#sw-result")
    assert "You contact a Practice Manager at the Partnership Bridge, by phone or email." in text
    assert "within 5 working days" in text
    assert w.page.locator("#sw-first a[href='tel:+441616034500']").is_visible()
    assert w.page.locator("#sw-first time[datetime]").count() == 0
    assert not w.page.locator(".sw-danger-question").is_visible()


JOURNEYS = {
    # A Wigan youth-club volunteer who has already spoken to the social worker; stage 2 began today.
    "wigan volunteer": ("Wigan", [("click", NO), ("check", "#sw-area input[value=wigan]"), ("click", "#sw-area .sw-continue"),
                                  ("check", "#sw-stage input[value='2']"), ("click", "#sw-stage .sw-continue"),
                                  ("check", "#sw-agency input[value=wigan-council]"),
                                  ("click", "#sw-agency .sw-continue"), ("type", "#since-day", "1"),
                                  ("type", "#since-month", "12"), ("type", "#since-year", "2026"),
                                  ("click", "#sw-when .sw-continue")], 11),
    # A Southwark teacher who raised it three days ago and is still waiting.
    "southwark teacher": ("Southwark", [("click", NO), ("check", "#sw-area input[value=southwark]"),
                                        ("click", "#sw-area .sw-continue"),
                                        ("check", "#sw-stage input[value='1']"),
                                        ("click", "#sw-stage .sw-continue"),
                                        ("type", "#since-day", "26"), ("type", "#since-month", "11"),
                                        ("type", "#since-year", "2026"),
                                        ("click", "#sw-when .sw-continue")], 11),
    # A Salford VCSE worker who has spoken to the caseworker, and rang the Bridge today.
    "salford vcse worker": ("Salford", [("click", NO), ("check", "#sw-area input[value=salford]"),
                                        ("click", "#sw-area .sw-continue"),
                                        ("check", "#sw-situation input[value=salford-vcse]"),
                                        ("click", "#sw-situation .sw-continue"),
                                        ("check", "#sw-stage input[value='2']"),
                                        ("click", "#sw-stage .sw-continue"), ("type", "#since-day", "1"),
                                        ("type", "#since-month", "12"), ("type", "#since-year", "2026"),
                                        ("click", "#sw-when .sw-continue")], 11),
}


def emergency_in_view(page):
    """The header's 999 control: inside the phone's screen, and at least 44 px tall."""
    box = page.evaluate("""() => { const r = document.querySelector('.md-header .sw-header-999').getBoundingClientRect();
                                   return {top: r.top, bottom: r.bottom, height: r.height}; }""")
    return box["top"] >= 0 and box["bottom"] <= 915 and box["height"] >= 44


def act(page, action, selector, *value):
    """What a person does: tap, or tap a box and type into it."""
    if action == "type":
        page.click(selector)
        page.keyboard.type(value[0])
    else:
        getattr(page, action)(selector)


@pytest.mark.parametrize("person", sorted(JOURNEYS))
def test_three_people_reach_who_how_and_by_when_in_a_few_taps(watched, person, capsys):
    """Each of issue 9's three people, tap by tap, with 999 in view after every Continue. Issue 9
    counted 8 taps for Wigan and Salford and 10 for Southwark, with the day boxes filled in with
    today; since issue 21 nobody's date is filled in for them, so each types the day, month and
    year the stage began (3 taps more for Wigan and Salford, 1 for Southwark)."""
    area, steps, before = JOURNEYS[person]
    w = watched()
    w.page.clock.set_fixed_time(LONDON_MORNING)
    page = w.open()
    screens, taps = [page.title()], 0
    for action, selector, *value in steps:
        act(page, action, selector, *value)
        taps += 1
        if action == "click":
            page.wait_for_timeout(100)
            screens.append(page.title())
            assert emergency_in_view(page), screens[-1]
    page.wait_for_selector("#sw-result:not([hidden])")
    seen = first_screen(page)
    with capsys.disabled():
        print("\n%s: %d taps, %d screens: %s" % (person, taps, len(screens), " > ".join(t.split(" - ")[0] for t in screens)))
        print("  first screen: %s | due %s | %d call/email buttons" % (seen["who"], seen["date"], len(seen["links"])))
    assert taps <= before
    assert seen["who"] and seen["date"] and seen["next"]
    if person == "wigan volunteer":
        assert "tel:+447810101910" in seen["links"]  # Michelle McNally, Duty & MAST, Wigan Council
    if person == "salford vcse worker":
        assert "tel:+441616034500" in seen["links"]


def test_where_should_i_be_today_is_the_stage_questions_first_choice(watched):
    """Southwark: raised on Monday 23 November and nothing heard. Stage 1 gives 2 working days
    to raise it and 3 to answer; the engine's walk says where it should be on 1 December: stage 2,
    from 26 November. Asked when stage 2 began, the person does not know: the answer counts from
    the walk's day and says that day was assumed."""
    from stillworried.core.worded import where_today
    w = watched()
    w.page.clock.set_fixed_time(LONDON_MORNING)
    page = w.open("#procedure=southwark")
    first = page.locator("#sw-stage .sw-radio").first
    assert first.inner_text().startswith("Where should I be today?")
    first.locator("input").check()
    page.click("#sw-stage .sw-continue")
    page.wait_for_selector("#sw-when-raised:not([hidden])")
    assert page.title().startswith("When did you raise it? - ")
    assert [page.input_value("#raised-" + part) for part in ("day", "month", "year")] == ["", "", ""]
    for part, value in (("day", "23"), ("month", "11"), ("year", "2026")):
        act(page, "type", "#raised-" + part, value)
    page.click("#sw-when-raised .sw-continue")
    page.wait_for_selector("#sw-when-escalated:not([hidden])")
    assert page.title().startswith("When did stage 2 begin? - ")
    assert "it would have reached stage 2 (Line manager to line manager) on Thursday 26 November 2026" in \
        page.inner_text("#sw-when-escalated")
    page.click("text=I do not know when it began")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.url.endswith("#procedure=southwark&raised=2026-11-23")
    expected = where_today(engine_bundle_for_test(), "southwark", "2026-11-23", "2026-12-01")
    assert page.inner_text("#sw-result-title") == "Stage %d: %s" % (expected["stage"], expected["title"])
    assert expected["where_words"] in page.inner_text("#sw-result")
    assert first_screen(page)["date"] == expected["deadline"]["date"]
    assumed = page.inner_text("#sw-result .sw-counted")
    assert "Counted from Thursday 26 November 2026, the day we assumed stage 2 began." in assumed, assumed
    page.click("#sw-result .sw-counted a")
    page.wait_for_selector("#sw-when-escalated:not([hidden])")
    assert page.url.endswith("#procedure=southwark&raised=2026-11-23&stage=2")


def test_choosing_the_agency_after_where_should_i_be_today_keeps_the_walks_date(watched):
    """Wigan, raised with the other practitioner on Friday 20 November 2026, nothing heard on
    1 December: the walk puts it at stage 1, due Friday 4 December. Choosing the agency to see its
    numbers keeps the day it was raised: the answer comes straight back, still due on 4 December,
    and no date is asked again (never today, which would move the deadline to 15 December)."""
    w = watched()
    w.page.clock.set_fixed_time(LONDON_MORNING)
    page = w.open("#procedure=wigan&raised=2026-11-20")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert first_screen(page)["date"] == "2026-12-04"
    page.click("#sw-result .sw-agency a")
    page.wait_for_selector("#sw-agency:not([hidden])")
    assert page.url.endswith("#procedure=wigan&raised=2026-11-20&ask=agency")
    page.check("#sw-agency input[value=childrens-social-care]")
    page.click("#sw-agency .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.url.endswith("#procedure=wigan&raised=2026-11-20&agency=childrens-social-care")
    assert first_screen(page)["date"] == "2026-12-04"
    assert "Counted from your date, Friday 20 November 2026." in page.inner_text("#sw-result .sw-counted")
    # What the eye reads on a button is the stylesheet's ::before and the link's text together.
    shown = page.eval_on_selector_all("#sw-result a.sw-call, #sw-result a.sw-email", """links => links.map(a => {
        const before = getComputedStyle(a, "::before").content;
        return (before && before !== "none" ? JSON.parse(before) : "") + a.textContent; })""")
    assert shown and all(not text.startswith(("Call Call", "Email Email")) for text in shown), shown
    # Sources are named as a reader would, not by their file names.
    sources = page.eval_on_selector("#sw-result .sw-result__sources", "e => e.textContent")
    assert "Wigan Resolution Protocol" in sources and ".txt" not in sources, sources


def engine_bundle_for_test():
    from stillworried.data import build_bundle
    return engine_bundle(build_bundle())


def test_the_timeline_has_a_step_per_stage_reads_at_320_px_and_passes_axe(watched):
    w = watched(bypass_csp=True, viewport={"width": 320, "height": 800})
    page = w.open("#procedure=wigan&stage=2&agency=other&since=2026-11-23&started=2026-11-10")
    page.click("text=The whole procedure, with dates")
    ladder = page.locator(".sw-result__timeline svg")
    assert ladder.bounding_box()["width"] <= 320
    assert page.locator(".sw-result__timeline .sw-timeline__step").count() == 6  # 5 stages and the whole process
    text = page.locator(".sw-result__timeline .sw-timeline__text").text_content()
    assert "Stage 2: Line manager to line manager" in text and "The whole process: By Thursday 10 December 2026" in text
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run('.sw-result__timeline', {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert [v["id"] for v in result["violations"]] == []


# --- Issue 21: three more people, from the home page, typing dates as a person does ------------

def type_date(page, name, day, month, year):
    """Tap each box, select what is there, type: what a person does (never page.fill)."""
    for part, value in (("day", day), ("month", month), ("year", year)):
        page.click("#%s-%s" % (name, part))
        page.keyboard.press("Control+A")
        page.keyboard.type(value)


def first_screen_text(page):
    """The innerText of the answer's first 915 px, from the top of the answer: what a person reads
    before scrolling (a link in a closed disclosure is not read)."""
    return page.evaluate("""() => {
        const top = document.querySelector('#sw-result').getBoundingClientRect().top;
        return [...document.querySelectorAll('#sw-result .sw-first h2, #sw-result .sw-first p')]
            .filter(e => e.getClientRects().length && e.getBoundingClientRect().bottom - top <= 915)
            .map(e => e.innerText).join('\\n');
    }""")


PEOPLE = {
    # Southwark 3.3: stage 1 could not resolve it on Friday 4 December; on Monday 7th the youth
    # worker has not yet heard from the line managers. "Within a further five days": 5 days
    # (Wednesday 9th), the earlier reading, said why; the same-day escalation is overdue.
    "southwark 3.3, a youth worker": ("2026-12-07T10:00:00Z", [
        ("click", NO), ("check", "#sw-area input[value=southwark]"), ("click", "#sw-area .sw-continue"),
        ("check", "#sw-stage input[value='2']"), ("click", "#sw-stage .sw-continue"),
        ("date", "since", "4", "12", "2026"), ("click", "#sw-when .sw-continue")], [
        "Refer it to your line manager on the same working day that stage 1 could not resolve it.",
        "Resolution due by Wednesday 9 December 2026",
        "You should escalate it to your line manager by Friday 4 December 2026, the same working day as the day "
        "stage 1 could not resolve it. It is overdue: if it is not done yet, do it now.",
        'The policy says "within a further five days" here, not "working days" as at stage 3, so we count 5 days: '
        "the earlier date. Counted as 5 working days, it would be Friday 11 December 2026.",
        "This procedure gives no phone number or email for the other practitioner's line manager."], []),
    # Salford VCSE App. 2 section 2: referred to the Bridge on Wednesday 25 November, nothing by
    # Wednesday 9 December; the form was due within one week, on 2 December.
    "salford vcse app. 2 section 2, a volunteer with a referral": ("2026-12-09T10:00:00Z", [
        ("click", NO), ("check", "#sw-area input[value=salford]"), ("click", "#sw-area .sw-continue"),
        ("check", "#sw-situation input[value='salford-vcse/referral']"), ("click", "#sw-situation .sw-continue"),
        ("date", "since", "25", "11", "2026"), ("click", "#sw-when .sw-continue")], [
        "The Partnership Bridge should send you a Referrals Outcome Form within a week of your referral.",
        "Referrals Outcome Form due by Wednesday 2 December 2026",
        "This was due on Wednesday 2 December 2026. It is now overdue: telephone the Partnership Bridge and ask to "
        "speak to a Practice Manager (stage 2)."], ["tel:+441616034500", "mailto:worriedaboutachild@salford.gov.uk"]),
    # Wigan Appendix 1: the directors could not agree on Friday 18 December; the disagreement began
    # on 1 December. "Within further week" ends on Christmas Day, said next to the date with the
    # working day before it, whatever else is given.
    "wigan appendix 1, stage 5 at christmas": ("2026-12-18T10:00:00Z", [
        ("click", NO), ("check", "#sw-area input[value=wigan]"), ("click", "#sw-area .sw-continue"),
        ("check", "#sw-stage input[value='5']"), ("click", "#sw-stage .sw-continue"),
        ("date", "since", "18", "12", "2026"), ("date", "started", "1", "12", "2026"),
        ("click", "#sw-when .sw-continue")], [
        "Your manager or named safeguarding lead contacts the Wigan Safeguarding Children Partnership (WSCP) "
        "Business Manager.",
        "Refer it to the WSCP Business Manager by Friday 25 December 2026",
        "Friday 25 December 2026 is a bank holiday (Christmas Day): offices may be closed. The last working day "
        "before it is Thursday 24 December 2026."], ["mailto:wscb@wigan.gov.uk"]),
}


@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_issue_21s_people_from_the_home_page_see_who_how_and_when_on_the_first_screen(watched, person):
    clock, steps, said, links = PEOPLE[person]
    w = watched()
    w.page.clock.set_fixed_time(clock)
    page = w.page
    page.goto(w.server.url(""))
    page.click(".sw-start")
    page.wait_for_selector("#sw-wizard[data-ready=yes]", state="attached", timeout=30000)
    for action, *rest in steps:
        if action == "date":
            type_date(page, *rest)
        else:
            getattr(page, action)(rest[0])  # Playwright waits for each question to be shown
    page.wait_for_selector("#sw-result:not([hidden])")
    text = first_screen_text(page)
    for line in said:
        assert line in text, (person, line, text)
    assert "contact them again" not in text
    seen = first_screen(page)
    assert seen["who"] and seen["date"] and seen["next"]
    for link in links:
        assert link in seen["links"], (person, link, seen["links"])


def test_wigan_appendix_2_at_stage_4_names_the_stage_2_list_and_puts_adults_only_roles_apart(watched):
    """Appendix 2's second table is "for logging/discussion/resolution at Stage 2": at stage 4 the
    answer says so; Wigan Council's children's leads come first, its adults-only manager apart."""
    page = watched().open("#procedure=wigan&stage=4&agency=wigan-council&since=2026-11-30")
    assert page.inner_text(".sw-first .sw-agency").startswith(
        "Wigan Council, from the stage 2 list (the source gives none for stage 4):")
    names = page.eval_on_selector_all(".sw-first__contacts .sw-agency, .sw-first__contacts .sw-contact__name",
                                      "els => els.map(e => e.textContent)")
    assert names[1:4] == ["Michelle McNally", "Graham Doubleday", "Rebecca Sutton"]
    assert names[-2:] == ["For adult services only:", "Patricia Darbyshire"]


def test_salford_2014_3_2_the_newer_documents_number_is_the_call_button_and_says_where_it_is_from(watched):
    """The Quality Assurance Unit: 0161 603 4350 in the 2014 procedure (3.2), 0161 603 4322 in the
    VCSE protocol of January 2015: the button is the newer one's, each number naming its source."""
    page = watched().open("#procedure=salford-sscb-2014&stage=3&since=2026-11-23")
    call = page.locator(".sw-first__contacts a.sw-call").first
    assert call.get_attribute("href") == "tel:+441616034322"
    assert "Newest source: Salford VCSE protocol, January 2015" in call.inner_text()
    # The 2014 procedure's own number is in view, a link that dials it (a tester following the
    # 2014 procedure could not see it); why there are two is in a closed disclosure.
    also = page.locator(".sw-first__contacts .sw-conflict__also")
    assert also.is_visible()
    assert "Also printed for the same team: 0161 603 4350 (Salford escalation procedure (2014), 15 May 2014)" in \
        also.inner_text()
    assert also.locator("a").get_attribute("href") == "tel:+441616034350"
    assert "Why two numbers" in page.inner_text(".sw-first__contacts .sw-conflict summary")


# --- Issue 21: what a person types is what the answer uses, links keep the answers, the day a
# stage began is asked where the walk would only assume it, 999 in reach, the two new people ---

def test_salford_sscb_2014_3_4_the_day_typed_is_the_day_counted_from(watched):
    """Salford SSCB 2014 3.4: the Escalation Notice to the Service Manager within 2 working days.
    A school lead on Friday 18 December 2026 whose stage began on Thursday 17th: the boxes are
    empty (never today), she types 17 and is told Monday 21 December, counted from the 17th. A box
    holding a day already and typed into again says there are too many numbers: it never keeps
    the old day silently (18 would give Tuesday 22 December)."""
    w = watched()
    w.page.clock.set_fixed_time("2026-12-18T10:00:00Z")
    page = w.open("#procedure=salford-sscb-2014&stage=3")
    boxes = ["#since-" + part for part in ("day", "month", "year")]
    assert [page.input_value(box) for box in boxes] == ["", "", ""]
    assert page.locator("#sw-when input[maxlength]").count() == 0
    assert "For example, 27 11 2026." in page.inner_text("#since-hint")
    for box, value in zip(boxes, ("17", "12", "2026")):
        act(page, "type", box, value)
    page.click("#sw-when .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.inner_text(".sw-deadline") == ("Copy the Escalation Notice to the appropriate Service Manager "
                                               "(or equivalent) by Monday 21 December 2026")
    assert "Counted from your date, Thursday 17 December 2026." in page.inner_text(".sw-counted")
    page.click("#sw-result .sw-summary a:has-text('this stage began')")
    page.wait_for_selector("#sw-when:not([hidden])")
    assert [page.input_value(box) for box in boxes] == ["17", "12", "2026"]
    act(page, "type", "#since-day", "18")  # tapped at the end of "17" and typed: "1718"
    page.click("#sw-when .sw-continue")
    assert page.inner_text("#sw-when .sw-error-summary").endswith(
        "The day of the date this stage began has too many numbers. A day has 1 or 2 numbers, for example 27.")
    assert page.url.endswith("&ask=when")
    page.fill("#since-day", "18")
    page.click("#sw-when .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.inner_text(".sw-deadline") == ("Copy the Escalation Notice to the appropriate Service Manager "
                                               "(or equivalent) by Tuesday 22 December 2026")
    assert "Counted from your date, Friday 18 December 2026." in page.inner_text(".sw-counted")


def test_every_link_on_a_shared_wigan_answer_keeps_the_other_answers(watched):
    """Wigan Appendix 2 lists stage 2's contacts agency by agency. On a shared answer the agency
    link, every "Change" link and Back each ask their question again with the other answers kept:
    answered as before, each comes back to the same answer, and no date is asked again."""
    w = watched()
    w.page.clock.set_fixed_time(LONDON_MORNING)
    shared = "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02"
    page = w.open(shared)
    page.click("#sw-result .sw-agency a")
    page.wait_for_selector("#sw-agency:not([hidden])")
    page.check("#sw-agency input[value=wigan-council]")
    page.click("#sw-agency .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    answer = "#procedure=wigan&stage=2&agency=wigan-council&since=2026-11-23&started=2026-11-02"
    assert page.url.endswith(answer)
    assert "tel:+447810101910" in first_screen(page)["links"]
    links = page.eval_on_selector_all("#sw-result .sw-summary__change a, #sw-result a.sw-back",
                                      "links => links.map(a => a.getAttribute('href'))")
    assert len(links) == 7  # area, situation, stage, whose decision, the two dates; and Back
    for link in links:
        assert link.startswith(answer + "&ask="), link
        page.evaluate("f => { location.hash = f; }", link)
        page.wait_for_selector(".sw-step-form:not([hidden])")
        shown = page.locator(".sw-step-form:not([hidden])")
        # The answer given is chosen or filled in; Continue leads straight back.
        assert shown.locator("input[type=radio]:checked").count() or shown.locator("#since-day").input_value() == "23"
        shown.locator(".sw-continue").click()
        page.wait_for_selector("#sw-result:not([hidden])[data-answers='%s']" % answer)


def test_add_the_day_the_disagreement_began_keeps_the_day_the_stage_began(watched):
    """Wigan's month counts from the day the disagreement began; at stage 3 without it the answer
    links to add it, and the date question keeps the day stage 3 began."""
    page = watched().open("#procedure=wigan&stage=3&agency=other&since=2026-11-20")
    page.click("text=Other time limits")
    page.click("text=Add the day the disagreement began")
    page.wait_for_selector("#sw-when:not([hidden])")
    assert [page.input_value("#since-" + part) for part in ("day", "month", "year")] == ["20", "11", "2026"]
    for part, value in (("day", "2"), ("month", "11"), ("year", "2026")):
        act(page, "type", "#started-" + part, value)
    page.click("#sw-when .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.url.endswith("#procedure=wigan&stage=3&agency=other&since=2026-11-20&started=2026-11-02")


def screen_text(page):
    """What a person sees without scrolling: the innerText of the page's elements inside the first
    915 px of a phone's screen (headings, paragraphs, list items, links and buttons)."""
    return page.evaluate("""() => [...document.querySelectorAll('h1, h2, h3, p, li, dt, dd, a, button, time')]
        .filter(e => e.getClientRects().length && e.getBoundingClientRect().bottom <= 915
                     && e.getBoundingClientRect().top >= 0)
        .map(e => e.innerText).join('\\n')""")


HOME_JOURNEYS = {
    # Wigan Resolution Protocol, stages 1 and 2 ("10 working days ... for each stage"): a health
    # visitor raised it on Monday 16 November 2026, and her line manager took it to stage 2 on
    # Tuesday 24 November. On Tuesday 8 December the walk would say stage 2 from 30 November, due
    # Monday 14 December; her own day gives Tuesday 8 December: due today.
    "wigan health visitor": ("2026-12-08T10:00:00Z", [
        ("click", NO), ("check", "#sw-area input[value=wigan]"), ("click", "#sw-area .sw-continue"),
        ("check", "#sw-stage input[value=raised]"), ("click", "#sw-stage .sw-continue"),
        ("type", "#raised-day", "16"), ("type", "#raised-month", "11"), ("type", "#raised-year", "2026"),
        ("click", "#sw-when-raised .sw-continue"),
        ("type", "#escalated-day", "24"), ("type", "#escalated-month", "11"), ("type", "#escalated-year", "2026"),
        ("click", "#sw-when-escalated .sw-continue"),
        ("check", "#sw-agency input[value=wigan-council]"), ("click", "#sw-agency .sw-continue")],
        "#procedure=wigan&raised=2026-11-16&stage=2&agency=wigan-council&since=2026-11-24",
        ["Refer it straight away to your line manager.", "Call 07810 101910", "Resolution due by",
         "Tuesday 8 December 2026", "This is due today.", "Counted from your date, Tuesday 24 November 2026."]),
    # Salford SSCB 2014 3.4, a school lead: stage 3 began on Thursday 17 December 2026 and she
    # taps the Day box and types 17 on Friday 18th: the Escalation Notice by Monday 21 December
    # (from the 18th it would be Tuesday 22nd). The Safeguarding and Quality Assurance Unit's
    # number from the newer source (the VCSE protocol, January 2015) is the button (issue 21 item 11).
    "salford school lead": ("2026-12-18T10:00:00Z", [
        ("click", NO), ("check", "#sw-area input[value=salford]"), ("click", "#sw-area .sw-continue"),
        ("check", "#sw-situation input[value=salford-sscb-2014]"), ("click", "#sw-situation .sw-continue"),
        ("check", "#sw-stage input[value='3']"), ("click", "#sw-stage .sw-continue"),
        ("type", "#since-day", "17"), ("type", "#since-month", "12"), ("type", "#since-year", "2026"),
        ("click", "#sw-when .sw-continue")],
        "#procedure=salford-sscb-2014&stage=3&since=2026-12-17",
        ["Your manager contacts the Operational or Service Manager", "Call 0161 603 4322",
         "Copy the Escalation Notice", "Monday 21 December 2026", "Counted from your date, Thursday 17 December 2026."]),
}


@pytest.mark.parametrize("person", sorted(HOME_JOURNEYS))
def test_from_the_home_page_a_person_reaches_who_how_and_by_when_with_999_in_view(watched, server, person, capsys):
    """Issue 21's Wigan health visitor (Wigan Resolution Protocol, stage 2) and Salford school lead
    (Salford SSCB 2014 3.4), from the home page, on their own day, typing their dates as a person
    does. After every Continue the 999 control is on the screen; the answer's first screen (the
    first 915 px, as read) holds who, how and when."""
    clock, steps, address, expected = HOME_JOURNEYS[person]
    w = watched()
    w.page.clock.set_fixed_time(clock)
    page = w.page
    page.goto(server.url(""))
    page.click(".sw-start")
    page.wait_for_selector("#sw-wizard[data-ready=yes]", state="attached", timeout=30000)
    screens = [page.title()]
    for action, selector, *value in steps:
        act(page, action, selector, *value)
        if action == "click":
            page.wait_for_selector(".sw-step-form:not([hidden]), #sw-result:not([hidden])")
            screens.append(page.title().split(" - ")[0])
            assert emergency_in_view(page), screens[-1]
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.url.endswith(address)
    assert page.evaluate("scrollY") == 0
    seen = screen_text(page)
    with capsys.disabled():
        print("\n%s: %s" % (person, " > ".join(screens)))
    for words in expected:
        assert words in seen, (words, seen)
