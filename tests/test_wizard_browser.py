"""The "Still worried?" wizard in Debian's Chromium at phone size, on PyScript's MicroPython:
every procedure and stage gives the engine's answer through the page, the address holds the
answers and nothing else, the danger question works with JavaScript off, the keyboard is
enough, axe finds nothing at any step, "today" is London's date, nothing is requested from
another host and nothing typed is kept anywhere."""
import datetime

import icalendar
import pytest

from conftest import ROOT
from site_support import PHONE
from stillworried import flow
from stillworried.data import engine_bundle
from stillworried.engine import next_step

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
        self.context = browser.new_context(viewport=PHONE, **options)
        self.page = self.context.new_page()
        self.elsewhere, self.errors, self.requests = [], [], []
        self.page.on("request", self._request)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _request(self, request):
        self.requests.append(request.url)
        if not request.url.startswith(self.server.origin) and not request.url.startswith(("data:", "blob:")):
            self.elsewhere.append(request.url)

    def open(self, fragment=""):
        self.page.goto(self.server.url(WIZARD + fragment))
        self.page.wait_for_selector("#sw-wizard[data-ready=yes]", state="attached", timeout=30000)
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
        tel: [...document.querySelectorAll('.sw-result__contacts > .sw-contact a[href^="tel:"]')].map(a => a.getAttribute('href')),
        mail: [...document.querySelectorAll('.sw-result__contacts > .sw-contact a[href^="mailto:"]')].map(a => a.getAttribute('href')),
    })""")


def expected_facts(answer):
    main = [item for item in answer["deadlines"] if item["id"] == answer["deadline_id"]]
    return {
        "title": "Stage %d: %s" % (answer["stage"], answer["title"]),
        "deadline": answer["deadline"],
        "overall": answer["overall_deadline"],
        "others": [item["date"] for item in answer["deadlines"] if item not in main],
        "tel": [link for contact in answer["contacts"] for link in
                ["tel:" + phone["e164"] for phone in contact["phones"] if phone.get("e164")]
                + ["tel:" + other["phone"] for other in contact["conflicts"]]],
        "mail": ["mailto:" + email["address"] for contact in answer["contacts"] for email in contact["emails"]],
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
                page.evaluate("fragment => { location.hash = fragment; }", flow.make_fragment(answers))
                page.wait_for_selector("#sw-result:not([hidden])[data-answers='%s']" % flow.make_fragment(answers))
                expected = expected_facts(next_step(browser_bundle, procedure_id, stage["number"], SINCE, started))
                assert result_facts(page) == expected, answers
                checked += 1
    assert checked == 2 * sum(len(p["stages"]) for p in bundle["procedures"].values())


def test_southwark_stage_4_the_quality_assurance_unit_has_2_working_days(watched):
    page = watched().open("#procedure=southwark&stage=4&since=2026-11-23")
    deadline = page.locator(".sw-result__deadline time")
    assert deadline.get_attribute("datetime") == "2026-11-25"
    assert deadline.inner_text() == "Wednesday 25 November 2026"
    assert "2 working days from Monday 23 November 2026" in page.inner_text(".sw-result__deadline")


def test_answering_the_questions_builds_the_address_and_back_steps_through_them(watched):
    page = watched().open()
    page.click(NO)
    page.wait_for_selector("#sw-area:not([hidden])")
    page.check("#sw-area input[value=wigan]")
    page.click("#sw-area .sw-continue")
    page.wait_for_selector("#sw-situation-wigan:not([hidden])")
    assert page.url.endswith("#area=wigan")
    page.check("#sw-situation-wigan input[value=wigan]")
    page.click("#sw-situation-wigan .sw-continue")
    page.wait_for_selector("#sw-stage-wigan:not([hidden])")
    page.check("#sw-stage-wigan input[value='2']")
    page.click("#sw-stage-wigan .sw-continue")
    page.wait_for_selector("#sw-when:not([hidden])")
    assert page.url.endswith("#procedure=wigan&stage=2")
    page.fill("#since-day", "23")
    page.fill("#since-month", "11")
    page.fill("#since-year", "2026")
    page.click("#sw-when .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.url.endswith("#procedure=wigan&stage=2&since=2026-11-23")
    page.go_back()
    page.wait_for_selector("#sw-when:not([hidden])")
    page.go_back()
    page.wait_for_selector("#sw-stage-wigan:not([hidden])")
    page.go_forward()
    page.go_forward()
    page.wait_for_selector("#sw-result:not([hidden])")


def test_a_question_left_unanswered_gets_a_gov_uk_error_message(watched):
    page = watched().open("#area")
    page.click("#sw-area .sw-continue")
    assert page.locator("#sw-area .sw-error-summary").is_visible()
    assert "Select the area the child is in" in page.inner_text("#sw-area .sw-error-summary")
    assert page.title().startswith("Error: ")
    page = watched().open("#procedure=wigan&stage=2")
    page.fill("#since-day", "30")
    page.fill("#since-month", "2")
    page.fill("#since-year", "2026")
    page.click("#sw-when .sw-continue")
    assert "must be a real date" in page.inner_text("#sw-when .sw-error-summary")
    assert page.url.endswith("#procedure=wigan&stage=2")


def test_a_broken_link_says_so_and_asks_again(watched):
    page = watched().open("#procedure=nowhere&stage=2&since=2026-11-23")
    assert visible_step(page) == ["sw-area"]
    assert "procedure we do not have" in page.inner_text("#sw-area .sw-error-summary")
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
    assert page.locator("#immediate-danger a[href='tel:999']").is_visible()
    for door in ("The Bridge Partnership", "MAST", "MASH"):
        assert door in page.inner_text("#immediate-danger")
    page.goto(w.server.url(WIZARD))
    page.click(NO)
    links = page.locator(".sw-fallback a")
    assert links.count() == 4 and links.first.is_visible()


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
    for form, choose in (("#sw-area", "Space"), ("#sw-situation-salford", "Space"),
                         ("#sw-stage-salford-vcse", "ArrowDown")):
        page.wait_for_selector(form + ":not([hidden])")
        tab_to(form + " input[type=radio]")
        page.keyboard.press(choose)
        tab_to(form + " .sw-continue")
        page.keyboard.press("Enter")
    page.wait_for_selector("#sw-when:not([hidden])")
    tab_to("#sw-when .sw-continue")
    page.keyboard.press("Enter")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.evaluate("() => document.activeElement.id") == "sw-result-title"
    assert "Practice Manager" in page.inner_text("#sw-result-title")


@pytest.mark.parametrize("fragment", ["", "#immediate-danger", "#area", "#area=salford", "#procedure=salford-sscb-2014",
                                      "#procedure=southwark&stage=1", "#procedure=southwark&stage=1&since=2026-11-23",
                                      "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02"])
def test_axe_finds_no_violation_at_any_step(watched, fragment):
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run bin/setup (it runs npm ci)")
    w = watched(bypass_csp=True)
    page = w.open(fragment)
    if fragment == "#area":
        page.click("#sw-area .sw-continue")  # the error state too
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


@pytest.mark.parametrize("utc, london", [("2026-07-14T23:30:00Z", "2026-07-15"), ("2026-07-14T22:30:00Z", "2026-07-14"),
                                         ("2026-12-31T23:30:00Z", "2026-12-31")])
def test_today_is_the_london_date_whatever_the_phones_time_zone(watched, utc, london):
    """23:30 UTC on a summer date is 00:30 the next day in London (BST), but still the same day
    in New York, where this phone thinks it is."""
    w = watched(timezone_id="America/New_York")
    w.page.clock.set_fixed_time(utc)
    page = w.open("#procedure=wigan&stage=2")
    typed = [page.input_value("#since-" + part) for part in ("day", "month", "year")]
    assert "%s-%02d-%02d" % (typed[2], int(typed[1]), int(typed[0])) == london


def test_nothing_typed_is_kept_in_the_address_history_storage_or_cookies(watched):
    w = watched()
    page = w.open()
    page.click(NO)
    for fragment in ("#procedure=wigan&stage=2",):
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
    later = [url for url in w.requests[loaded:] if not url.endswith("/assets/images/favicon.png")]
    assert len(later) == 1 and "/assets/wizard/data/area-salford-" in later[0], later


def test_the_wizard_does_not_load_pyscripts_unused_plugins_or_a_service_worker(watched):
    w = watched()
    w.open("#area")
    w.page.wait_for_load_state("networkidle")
    fetched = [url.rsplit("/", 1)[-1] for url in w.requests]
    for unused in ("codemirror", "py-editor", "py-terminal", "py-game", "xterm", "donkey", "toml", "service-worker"):
        assert not [name for name in fetched if name.startswith(unused)], fetched
    assert w.page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


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
    assert w.page.locator(".sw-fallback a").count() == 4


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
    from site_support import Server, build_site
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
        page = w.open("#procedure=southwark&stage=4&since=2026-11-23")
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
    page = watched().open("#procedure=wigan&stage=2&since=2026-11-16&started=2026-11-02")
    page.click("text=Change an answer")
    page.wait_for_selector("#sw-when:not([hidden])")
    assert [page.input_value("#since-" + p) for p in ("day", "month", "year")] == ["16", "11", "2026"]
    assert [page.input_value("#started-" + p) for p in ("day", "month", "year")] == ["2", "11", "2026"]
    page.click("#sw-when .sw-continue")
    page.wait_for_selector("#sw-result:not([hidden])")
    assert page.url.endswith("#procedure=wigan&stage=2&since=2026-11-16&started=2026-11-02")


def test_the_date_question_asks_for_the_day_the_stage_counts_from(watched):
    """Wigan stage 4 counts from the day the heads of service could not agree, not from the day
    the reader raised it with the directors."""
    page = watched().open("#procedure=wigan&stage=4")
    assert page.inner_text("#since-legend") == "The day the heads of service could not agree"


def test_a_wrong_start_of_the_disagreement_is_marked_on_its_own_boxes(watched):
    page = watched().open("#procedure=wigan&stage=2")
    for part, value in (("day", "1"), ("month", "1"), ("year", "1999")):
        page.fill("#started-" + part, value)
    page.click("#sw-when .sw-continue")
    assert page.locator("#started-error").is_visible()
    assert "The date the disagreement began must be between" in page.inner_text("#started-error")
    assert not page.locator("#since-error").is_visible()
