"""The contacts pages on a 412 x 915 phone (issue 10): who to call is on the first screen, the
rest is grouped by agency and closed, so no page is longer than 8 screens, "find the right
person" lands on the right agency of the right list with roles shown, and an area whose source
gives its front door no number says so beside 999, with no other area's tables in the way."""
import re

import pytest

from macros import contacts, front_doors
from macros.context import Context
from tests.site_support import PHONE

SCREEN = PHONE["height"]
MAX_SCREENS = 8


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def contacts_pages(bundle):
    return ["contacts/%s/" % pid for pid in bundle["partnerships"]]


def test_the_front_door_is_on_the_first_screen_and_no_page_is_longer_than_8_screens(phone, server, bundle):
    figures = []
    for pid, partnership in bundle["partnerships"].items():
        phone.goto(server.url("contacts/%s/" % pid))
        assert phone.locator("details[open]").count() == 0  # every group starts closed
        height = phone.evaluate("document.documentElement.scrollHeight")
        door = partnership["front_door"]
        if front_doors.door_reachable(Context(bundle, ""), door):
            button = phone.locator(".sw-who [data-contact='%s'] a.sw-call" % door["contacts"][0]).first
            what = "front door's call button"
        else:
            # The source gives no number: the line saying so and the 999 button beside it.
            assert phone.locator(".sw-who .sw-no-number").first.bounding_box()["y"] < SCREEN
            button = phone.locator(".sw-who a.sw-emergency__call").first
            what = "'no number' line and 999 button"
        box = button.bounding_box()
        figures.append("%-10s %s ends at %4.0f px; page %5d px = %.1f screens"
                       % (partnership["name"], what, box["y"] + box["height"], height, height / SCREEN))
        assert box["y"] + box["height"] <= SCREEN, figures[-1]
        assert height <= MAX_SCREENS * SCREEN, figures[-1]
    print("\nAt 412 x 915, groups closed:\n" + "\n".join(figures))


def test_who_to_call_comes_first_then_agencies_with_a_jump_list(phone, server, bundle):
    for path in contacts_pages(bundle):
        phone.goto(server.url(path))
        headings = phone.eval_on_selector_all("article h2", "els => els.map(e => e.textContent)")
        assert headings[0] == "Who to call", (path, headings)
        jump = phone.eval_on_selector_all("nav[aria-label='Agencies'] a", "els => els.map(e => e.getAttribute('href'))")
        groups = phone.eval_on_selector_all("details.sw-agency[id^='agency-']", "els => els.map(e => '#' + e.id)")
        assert jump and jump == groups, path


def test_every_contact_of_an_area_is_on_its_page_once_with_its_source(phone, server, bundle):
    for pid in bundle["partnerships"]:
        phone.goto(server.url("contacts/%s/" % pid))
        own = sorted(cid for cid, contact in bundle["contacts"].items() if contact["partnership"] == pid)
        cards = sorted(phone.eval_on_selector_all("[id^='contact-']", "els => els.map(e => e.id.slice(8))"))
        assert cards == own
        # Source lines read like a person wrote them; the file name is kept for maintainers.
        cites = phone.eval_on_selector_all(".sw-source cite", "els => els.map(e => [e.textContent, e.title])")
        assert cites and all(title.endswith((".md", ".txt")) and not text.endswith((".md", ".txt"))
                             for text, title in cites)


def test_repeated_source_lines_are_merged(bundle):
    ctx = Context(bundle, "contacts/wigan/")
    page = contacts.contacts_page(ctx, "wigan")
    lines = re.findall(r'<p class="sw-source"[^>]*>(.*?)</p>', page)
    assert len(lines) == len(set(lines)) or "contacts above" in page
    # Wigan's Children's Social Care teams share one source line.
    assert re.search(r"Source for the \d+ contacts above", page)
    assert page.count("Date not known") < len([c for c in bundle["contacts"].values() if c["partnership"] == "wigan"])


def test_find_the_right_person_lands_on_the_agency_group_with_roles(phone, server, bundle):
    stage = next(stage for procedure in bundle["procedures"].values() for stage in procedure["stages"]
                 if stage.get("directory") == "wigan-stage-2-safeguarding-leads")
    listing = bundle["lists"][stage["directory"]]
    phone.goto(server.url("wigan/wigan/"))
    links = phone.eval_on_selector_all(".sw-directory a[href*='#list-%s--']" % listing["id"],
                                       "els => els.map(e => [e.textContent, e.getAttribute('href')])")
    # Each agency as the list prints it, once: the hospital trust's two spellings are one group.
    from stillworried.core import wizard_choices
    aliases = wizard_choices.printed_names(bundle, "wigan")
    organisations = {aliases.get(wizard_choices.listed_as(bundle["contacts"][cid], listing["id"]),
                                 wizard_choices.listed_as(bundle["contacts"][cid], listing["id"])) for cid in listing["contacts"]}
    named = {re.sub(r" \(\d+\)$", "", text): href for text, href in links}
    assert set(named) == organisations
    police = named["Greater Manchester Police"]
    phone.click(".sw-directory a[href='%s']" % police)
    target = phone.locator(":target")
    assert target.evaluate("e => e.tagName") == "DETAILS" and target.evaluate("e => e.open")
    assert target.evaluate("e => e.closest('section').id") == "list-" + listing["id"]
    shown = target.inner_text()
    for cid in listing["contacts"]:
        contact = bundle["contacts"][cid]
        if contact["organisation"] == "Greater Manchester Police":
            assert contact["name"] in shown
            if contact.get("role") and contact["role"] != contact["name"]:
                assert contact["role"] in shown
    box = target.bounding_box()
    assert 0 <= box["y"] < SCREEN


def test_without_javascript_the_groups_still_open_and_the_links_still_land(browser, server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("contacts/wigan/#list-wigan-stage-1-useful-contacts--greater-manchester-police-wigan-division"))
    target = page.locator(":target")
    assert target.count() == 1 and 0 <= target.bounding_box()["y"] < SCREEN
    target.locator("summary").click()
    assert "Response Inspector" in target.inner_text()
    context.close()


def test_no_area_makes_another_areas_reader_scroll_through_its_tables(bundle):
    """The front doors of every area (home page, the wizard's danger answer) carry no table."""
    ctx = Context(bundle, "")
    doors = front_doors.front_doors(ctx)
    assert "<table" not in doors
    for partnership in bundle["partnerships"].values():
        assert "<table" not in front_doors.partnership_emergency(ctx, partnership)


def test_a_front_door_with_no_number_says_so_beside_999(bundle, phone, server):
    ctx = Context(bundle, "")
    no_number = [p for p in bundle["partnerships"].values() if not front_doors.door_reachable(ctx, p["front_door"])]
    assert [p["id"] for p in no_number] == ["southwark"]  # the MASH manager: the source gives none
    for path in ("", "southwark/", "contacts/southwark/"):
        phone.goto(server.url(path))
        block = phone.locator(".sw-no-number").first
        assert "gives no phone number or email for the MASH manager" in block.inner_text(), path
        if path == "southwark/":
            # Inside the area's emergency box, whose route is said above: the door's own words
            # before the line, never "do what it says above" (the emergency action).
            box = phone.locator(".sw-emergency").first.inner_text()
            assert box.index(no_number[0]["front_door"]["text"][:40]) < box.index("No number given")
            assert "says above" not in box
        else:
            # What the source says to do, straight after the line; the call is the page's own
            # emergency box's (the home page's at its top: no second box or button in the list).
            text, calls = block.evaluate(
                "e => { let n = e.nextElementSibling, t = '', calls = []; for (let i = 0; n && i < 2; i++) {"
                " t += n.innerText + ' '; n.querySelectorAll('a').forEach(a => calls.push(a.getAttribute('href')));"
                " n = n.nextElementSibling; } return [t, calls]; }")
            assert no_number[0]["emergency"]["text"] in text, (path, text)
            assert calls == ([] if path == "" else ["tel:999"]), (path, calls)
            assert phone.locator(".sw-emergency a[href='tel:999']").count() == 1, path


def test_the_contacts_index_says_what_to_do_at_a_front_door_with_no_number_not_only_in_an_emergency(bundle, phone, server):
    """Southwark's MASH manager has no number: the index gives the source's own words for a worry
    (with their source) before saying so, and its emergency route is labelled as such, not as
    "what the source says to do" (the route itself says the policy does not mention 999)."""
    door = bundle["partnerships"]["southwark"]["front_door"]
    phone.goto(server.url("contacts/"))
    text = phone.locator(".md-content").inner_text()
    assert text.index(door["text"][:40]) < text.index("No number given") < text.index("In an emergency:")
    assert "Flow Chart" in text[text.index(door["text"][:40]):text.index("No number given")]
    assert "What the source says to do" not in text
