"""Open data: the contacts as Open Referral UK 3.0 tables (CSV) and service list (JSON), and a
vCard per area. Everything the site shows comes back out of each export: every contact, every
number in E.164 and as shown, every email, every opening-hours text. A number the source
prints wrongly is never published as a number, and no cell can run as a spreadsheet formula."""
import copy
import csv
import html
import io
import json
import re
import uuid

import pytest
import vobject

from exports import open_data
from macros.context import Context
from stillworried.core import page_ids
from tests.site.test_site_content import PAYLOADS, assert_safe, poison

# The fields of ORUK 3.0's tables, in order, as its data package (datapackage.json) lists them.
ORUK = {
    "organizations.csv": ["id", "name", "description", "email", "website", "logo", "uri", "parent_organization_id"],
    "services.csv": ["id", "organization_id", "name", "description", "url", "email", "status", "fees",
                     "accreditations", "minimum_age", "maximum_age", "assured_date", "assurer_email", "alert",
                     "last_modified"],
    "contacts.csv": ["id", "service_id", "name", "title"],
    "phones.csv": ["id", "contact_id", "number", "description"],
    "schedule.csv": ["id", "service_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "freq",
                     "interval", "byday", "bymonthday", "description", "opens_at", "closes_at", "schedule_link",
                     "attending_type", "notes"],
}
SITE_URL = "https://still-worried.example/"
FORMULA_START = tuple("=+-@\t\r|%")


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def exported(bundle):
    return open_data.files(bundle, SITE_URL)


@pytest.fixture(scope="module")
def csv_tables(exported):
    return {name: read_csv(exported[open_data.FOLDER + name]) for name in ORUK}


@pytest.fixture(scope="module")
def services_json(exported):
    return json.loads(exported[open_data.FOLDER + open_data.JSON_FILE])


def from_csv(tables):
    """Our contacts, put back together from the CSV tables by following ORUK's ids."""
    organizations = {row["id"]: row for row in tables["organizations.csv"]}
    found = {}
    for service in tables["services.csv"]:
        [contact] = [row for row in tables["contacts.csv"] if row["service_id"] == service["id"]]
        phones = [row for row in tables["phones.csv"] if row["contact_id"] == contact["id"]]
        schedules = [row for row in tables["schedule.csv"] if row["service_id"] == service["id"]]
        found[service["sw_contact_id"]] = {
            "name": service["name"], "person_or_name": contact["name"], "role": contact["title"],
            "organisation": organizations[service["organization_id"]]["name"],
            "emails": [e for e in [service["email"]] + service["sw_other_emails"].split() if e],
            "phones": [(p["number"], p["sw_display"], p["sw_as_printed"]) for p in phones],
            "hours": [(s["description"], s["opens_at"], s["closes_at"], s["byday"]) for s in schedules],
            "alert": service["alert"], "url": service["url"]}
    return found


def from_json(service_list):
    found = {}
    for service in service_list["contents"]:
        [contact] = service["contacts"]
        found[service["sw_contact_id"]] = {
            "name": service["name"], "person_or_name": contact["name"], "role": contact.get("title", ""),
            "organisation": service["organization"]["name"],
            "emails": [e for e in [service.get("email", "")] + service.get("sw_other_emails", "").split() if e],
            "phones": [(p["number"], p["sw_display"], p["sw_as_printed"]) for p in contact["phones"]],
            "hours": [(s["description"], s["opens_at"], s["closes_at"], s.get("byday", ""))
                      for s in service["schedules"]],
            "alert": service.get("alert", ""), "url": service["url"]}
    return found


def expected(bundle):
    days = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR"}
    wanted = {}
    for cid, contact in bundle["contacts"].items():
        hours = contact.get("hours")
        wanted[cid] = {
            "name": contact["name"], "person_or_name": contact.get("person") or contact["name"],
            "role": contact.get("role", ""), "organisation": contact["organisation"],
            "emails": [e["address"] for e in contact.get("emails", [])],
            "phones": [(p["e164"], p["display"], p["number"]) for p in contact.get("phones", []) if p["e164"]],
            "hours": [(hours["text"], hours["opens"], hours["closes"],
                       ",".join(days[d] for d in hours.get("days", [])))] if hours else []}
    return wanted


def test_every_contact_number_email_and_opening_hours_comes_back_from_the_csv_and_the_json(
        bundle, csv_tables, services_json):
    wanted = expected(bundle)
    assert len(wanted) == 83 and sum(len(c["phones"]) for c in wanted.values()) == 83  # 84 printed, 1 invalid
    for name, found in (("CSV", from_csv(csv_tables)), ("JSON", from_json(services_json))):
        assert set(found) == set(wanted), name
        for cid, contact in wanted.items():
            got = {key: found[cid][key] for key in contact}
            assert got == contact, (name, cid)
    bridge = from_csv(csv_tables)["salford-bridge"]
    assert bridge["phones"] == [("+441616034500", "0161 603 4500", "0161 603 4500")]
    assert bridge["emails"] == ["worriedaboutachild@salford.gov.uk"]
    assert bridge["url"] == SITE_URL + "contacts/salford/#contact-salford-bridge"
    assert from_json(services_json)["wigan-dave-henshall"]["phones"] == [
        ("+441618567952", "0161 856 7952", "0161 8567952")]


def test_the_csv_files_are_oruk_tables_with_our_extensions_after_them(exported, csv_tables):
    for name, fields in ORUK.items():
        header = next(csv.reader(io.StringIO(exported[open_data.FOLDER + name])))
        assert header[:len(fields)] == fields, name
        assert all(extra.startswith("sw_") for extra in header[len(fields):]), name
        assert csv_tables[name], name
    ids = [row["id"] for rows in csv_tables.values() for row in rows]
    assert len(ids) == len(set(ids)) and all(uuid.UUID(i).version == 5 for i in ids)
    assert {row["status"] for row in csv_tables["services.csv"]} == {"active"}
    # Every reference points at a row that exists.
    organizations = {row["id"] for row in csv_tables["organizations.csv"]}
    services = {row["id"] for row in csv_tables["services.csv"]}
    contacts = {row["id"] for row in csv_tables["contacts.csv"]}
    assert {row["organization_id"] for row in csv_tables["services.csv"]} <= organizations
    assert {row["service_id"] for row in csv_tables["contacts.csv"]} <= services
    assert {row["contact_id"] for row in csv_tables["phones.csv"]} <= contacts
    assert {row["service_id"] for row in csv_tables["schedule.csv"]} <= services


def test_ids_are_the_same_in_every_build(bundle, exported):
    assert open_data.files(copy.deepcopy(bundle), SITE_URL) == exported


def test_phone_numbers_are_e164_and_a_number_the_source_prints_wrongly_is_not_published(csv_tables, services_json):
    numbers = [row["number"] for row in csv_tables["phones.csv"]]
    assert all(re.fullmatch(r"\+44\d{9,10}|999", number) for number in numbers)
    cafcass = from_csv(csv_tables)["wigan-cafcass"]
    assert cafcass["phones"] == []
    assert "0300 456 400" in cafcass["alert"] and "not a valid number and cannot be dialled" in cafcass["alert"]
    assert not any("0300 456 400" in row["number"] or "0300 456 400" in row["sw_display"]
                   for row in csv_tables["phones.csv"])
    assert from_json(services_json)["wigan-cafcass"]["alert"] == cafcass["alert"]


def test_every_area_vcard_gives_back_the_areas_numbers_and_emails(built_site, bundle):
    for pid in bundle["partnerships"]:
        cards = list(vobject.readComponents((built_site / page_ids.vcard_path(pid)).read_text()))
        tels = {tel.value for card in cards for tel in card.contents.get("tel", [])}
        emails = {mail.value for card in cards for mail in card.contents.get("email", [])}
        mine = [c for c in bundle["contacts"].values() if c["partnership"] in (pid, "national")]
        assert tels == {p["e164"] for c in mine for p in c.get("phones", []) if p["e164"]}, pid
        assert emails == {e["address"] for c in mine for e in c.get("emails", [])}, pid
    wigan = (built_site / page_ids.vcard_path("wigan")).read_text()
    assert "0300456400" not in wigan.replace(" ", "")


def test_the_contacts_page_links_each_areas_vcard_and_the_about_page_the_open_data(built_site, bundle):
    """The contacts index is for a reader saving numbers to a phone; the open data files, for
    directories and referral tools, are on the About page."""
    def links(path):
        page = (built_site / path / "index.html").read_text()
        found = {html.unescape(link) for link in re.findall(r'href="([^"]+\.(?:json|csv|vcf))"', page)}
        for link in found:
            assert (built_site / path / link).resolve().stat().st_size > 100, link
        return found
    assert links("contacts") == {"vcards/%s.vcf" % pid for pid in bundle["partnerships"]}
    assert links("about") == {"../contacts/open-data/" + name for name in list(ORUK) + [open_data.JSON_FILE]}


FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"x\")", "=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)", "\t=1+1", "\r=1+1", "%0A=1", "|calc"]


@pytest.mark.parametrize("payload", FORMULAS + PAYLOADS)
def test_no_csv_cell_can_run_as_a_formula_and_the_json_keeps_the_text(bundle, payload):
    hostile = poison(copy.deepcopy(bundle), payload)
    made = open_data.files(hostile, SITE_URL)
    for name in ORUK:
        for row in csv.reader(io.StringIO(made[open_data.FOLDER + name], newline="")):
            for cell in row:
                if cell.startswith(FORMULA_START):
                    assert re.fullmatch(r"\+\d+", cell), (name, cell)  # an E.164 number: digits only
    service_list = json.loads(made[open_data.FOLDER + open_data.JSON_FILE])
    assert service_list["contents"][0]["name"] == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_download_links_stay_links_whatever_the_data_says(bundle, payload):
    hostile = poison(copy.deepcopy(bundle), payload)
    # The open data links name no data (their files are checked above); the vCards name each area.
    for made, name, named in ((open_data.downloads, "save_to_phone", True),
                              (open_data.file_links, "open_data_files", False)):
        output = made(Context(hostile, "contacts/"))
        assert "\n\n" not in output
        assert_safe(output, payload, name, shows_text=named)
