"""The contacts as open data, in the tables of the Open Referral UK (ORUK) standard, version 3.0:
organizations, services, contacts, phones and schedule, as CSV files named as in ORUK's data
package, and the same records as one ORUK service list in JSON.

Why: local directories and referral tools read ORUK, so a partnership can load the numbers this
site checks instead of retyping them. Everything is written from the checked bundle
(stillworried.data.build_bundle), the same object the pages are made from.

How our data maps onto ORUK (documented in docs/decisions/0017-open-data-oruk.md):
- every contact (a team or a person) is a service with one contact; its organisation is an
  organization;
- phone numbers are in E.164 (+441616034500). A number the source prints wrongly is not
  published as a number; the service's alert says what the source prints and why it cannot
  be dialled;
- opening hours are a weekly schedule (byday, opens_at, closes_at in local UK time) with the
  source's own words as its description;
- ORUK has no place for the source of a value or for the number as shown, so those go in
  extension fields whose names start with sw_. ORUK's fields come first, all of them.
Identifiers are UUIDs, as ORUK asks, derived from our ids (uuid5), so they stay the same from
one build to the next.

CSV cells are written by defusedcsv, which neutralises text a spreadsheet would run as a
formula (a leading = + - @ | %) by prefixing a quote. A phone number in E.164 starts with + but
is digits only, so it cannot call anything: it is passed through unchanged.
"""
import io
import json
import numbers
import re
import uuid

from defusedcsv import csv as defused_csv

from macros.context import absolute_url
from macros.html import el, join
from stillworried.core import page_ids, team_numbers, worded

FOLDER = page_ids.OPEN_DATA
JSON_FILE = "services.json"
NAMESPACE = uuid.UUID("3f318c40-5564-405c-a113-748defd7a79e")
ORUK_VERSION = "3.0"

# table: (file, ORUK 3.0 fields in the standard's order, our extension fields)
TABLES = {
    "organization": ("organizations.csv",
                     ["id", "name", "description", "email", "website", "logo", "uri", "parent_organization_id"],
                     []),
    "service": ("services.csv",
                ["id", "organization_id", "name", "description", "url", "email", "status", "fees", "accreditations",
                 "minimum_age", "maximum_age", "assured_date", "assurer_email", "alert", "last_modified"],
                ["sw_contact_id", "sw_partnership", "sw_verified_on", "sw_checked", "sw_other_emails", "sw_sources"]),
    "contact": ("contacts.csv", ["id", "service_id", "name", "title"], []),
    "phone": ("phones.csv", ["id", "contact_id", "number", "description"],
              ["sw_display", "sw_as_printed", "sw_sources"]),
    "schedule": ("schedule.csv",
                 ["id", "service_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "freq", "interval",
                  "byday", "bymonthday", "description", "opens_at", "closes_at", "schedule_link", "attending_type",
                  "notes"],
                 ["sw_source"]),
}
BYDAY = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
         "saturday": "SA", "sunday": "SU"}
DIALLABLE = re.compile(r"\+?[0-9]+")


class Dialable(str):
    """A phone number that is digits only (E.164, or 999). Registered as a number so that
    defusedcsv leaves it alone, as it leaves -5 or 3.2: nothing in it can be run."""


numbers.Number.register(Dialable)


def identifier(kind, key):
    """The ORUK id (a UUID) of one of our records: the same every build."""
    return str(uuid.uuid5(NAMESPACE, kind + ":" + key))


def sources(items):
    return [{"file": s["file"], "section": s["section"]} for s in items]


def area_names(bundle, partnership_ids):
    names = [bundle["partnerships"][pid]["name"] if pid in bundle["partnerships"] else "all areas (national)"
             for pid in partnership_ids]
    return ", ".join(names)


def invalid_alert(phone):
    text = ("The source prints the phone number %s, which is not a valid number and cannot be dialled."
            % phone["number"])
    return text + (" " + phone["note"] if phone.get("note") else "")


def tables(bundle, site_url):
    """{table: [row]} in ORUK's tables. Rows hold every field of the table ("" when empty);
    sw_sources and sw_source hold lists of {file, section}."""
    rows = {table: [] for table in TABLES}
    organisations = {}
    for contact in bundle["contacts"].values():
        organisations.setdefault(contact["organisation"], []).append(contact["partnership"])
    for name, partnership_ids in organisations.items():
        rows["organization"].append(row("organization", id=identifier("organization", name), name=name,
                                        description="Named in the safeguarding documents for %s."
                                                    % area_names(bundle, dict.fromkeys(partnership_ids))))
    for cid, contact in bundle["contacts"].items():
        service_id = identifier("service", cid)
        pid = contact["partnership"]
        page = page_ids.contacts_path(pid) + "#contact-" + cid if pid in bundle["partnerships"] else "contacts/"
        emails = [email["address"] for email in contact.get("emails", [])]
        verified = contact.get("verified_on", "")
        alerts = ([contact["conflict"]] if contact.get("conflict") else []) + [
            invalid_alert(phone) for phone in contact.get("phones", []) if not phone.get("e164")]
        rows["service"].append(row(
            "service", id=service_id, organization_id=identifier("organization", contact["organisation"]),
            name=contact["name"], description=contact.get("note", ""), url=absolute_url(site_url, page),
            email=emails[0] if emails else "", status="active",
            assured_date=verified if len(verified) == len("2015-01-31") else "", alert=" ".join(alerts),
            sw_contact_id=cid, sw_partnership=pid, sw_verified_on=verified,
            sw_checked=worded.checked_words(bundle, contact), sw_other_emails=" ".join(emails[1:]),
            sw_sources=sources(contact["sources"])))
        contact_id = identifier("contact", cid)
        rows["contact"].append(row("contact", id=contact_id, service_id=service_id,
                                   name=contact.get("person") or contact["name"], title=contact.get("role", "")))
        seen = set()
        for phone in team_numbers.dialable_phones(contact):  # one printed wrongly is in the service's alert
            key = "%s:%s" % (cid, phone["e164"])
            while key in seen:
                key += "+"
            seen.add(key)
            rows["phone"].append(row(
                "phone", id=identifier("phone", key), contact_id=contact_id, number=phone["e164"],
                description=". ".join(part for part in (phone.get("label"), phone.get("note")) if part),
                sw_display=phone["display"], sw_as_printed=phone["number"], sw_sources=sources(phone["sources"])))
        hours = contact.get("hours")
        if hours:
            days = hours.get("days", [])
            rows["schedule"].append(row(
                "schedule", id=identifier("schedule", cid), service_id=service_id,
                freq="WEEKLY" if days else "", interval=1 if days else "",
                byday=",".join(BYDAY[d] for d in days), description=hours["text"],
                opens_at=hours["opens"], closes_at=hours["closes"], sw_source=sources([hours["source"]])))
    return rows


def row(table, **values):
    _, oruk, extension = TABLES[table]
    unknown = set(values) - set(oruk) - set(extension)
    assert not unknown, (table, unknown)
    return {name: values.get(name, "") for name in oruk + extension}


# --- Files ----------------------------------------------------------------------------------

def csv_cell(value):
    if isinstance(value, list):  # sources
        return "; ".join(item["file"] + ", " + item["section"] for item in value)
    value = str(value)
    if DIALLABLE.fullmatch(value):
        return Dialable(value)
    # OWASP also lists a leading tab or carriage return, which defusedcsv leaves as they are.
    return "'" + value if value[:1] in ("\t", "\r") else value


def csv_text(table, table_rows):
    _, oruk, extension = TABLES[table]
    out = io.StringIO()
    writer = defused_csv.DictWriter(out, fieldnames=oruk + extension)
    writer.writeheader()
    for item in table_rows:
        writer.writerow({name: csv_cell(value) for name, value in item.items()})
    return out.getvalue()


def filled(item, drop=()):
    return {key: value for key, value in item.items() if value not in ("", None, []) and key not in drop}


def service_list(table_rows):
    """ORUK's service list (the shape of GET /services): one page holding every service, each
    with its organization, its contacts (each with its phones) and its schedules."""
    organizations = {item["id"]: filled(item) for item in table_rows["organization"]}
    # Grouped once, in table order, so the list grows linearly with the contacts (150 areas).
    grouped = {}
    for table, key in (("contact", "service_id"), ("phone", "contact_id"), ("schedule", "service_id")):
        for row in table_rows[table]:
            grouped.setdefault((table, row[key]), []).append(row)
    contents = []
    for service in table_rows["service"]:
        contacts = []
        for contact in grouped.get(("contact", service["id"]), []):
            phones = [filled(p, drop=("contact_id",)) for p in grouped.get(("phone", contact["id"]), [])]
            contacts.append(dict(filled(contact, drop=("service_id",)), phones=phones))
        schedules = [filled(s, drop=("service_id",)) for s in grouped.get(("schedule", service["id"]), [])]
        contents.append(dict(filled(service, drop=("organization_id",)),
                             organization=organizations[service["organization_id"]],
                             contacts=contacts, schedules=schedules))
    return {"total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
            "first_page": True, "last_page": True, "empty": not contents, "contents": contents}


def files(bundle, site_url):
    """{site path: text} for every open-data file."""
    table_rows = tables(bundle, site_url)
    made = {FOLDER + TABLES[table][0]: csv_text(table, items) for table, items in table_rows.items()}
    made[FOLDER + JSON_FILE] = json.dumps(service_list(table_rows), ensure_ascii=False, indent=1) + "\n"
    return made


# --- The links on the contacts page ---------------------------------------------------------

def _download(ctx, path, label):
    return el("a", {"href": ctx.url(path), "download": True}, label)


def downloads(ctx):
    """Save to a phone: a vCard per area, for the contacts index."""
    cards = [el("li", None, _download(ctx, page_ids.vcard_path(pid), partnership["name"] + " contacts (vCard)"))
             for pid, partnership in ctx.bundle["partnerships"].items()]
    return join([
        el("h2", None, "Save the contacts to your phone"),
        el("p", None, "Each file holds every number and email for an area, and the national ones such as 999, ready to open on a phone."),
        el("ul", None, cards),
    ])


def file_links(ctx):
    """The open data files, for the About page: they are for directories and referral tools, not
    for a reader looking for a number (a phone tester took them for developers' text on the
    contacts index). The field-by-field explanation is for developers, in
    docs/decisions/0017-open-data-oruk.md."""
    tables_list = [el("li", None, _download(ctx, FOLDER + name, name), ": the " + table + " table")
                   for table, (name, _, _) in TABLES.items()]
    return join([
        el("p", None, "The contacts on this site are also published as open data, for directories and referral tools."),
        el("ul", None, [el("li", None, _download(ctx, FOLDER + JSON_FILE, JSON_FILE),
                               ": every service with its organisation, contacts, phones and opening hours (JSON)")]
           + tables_list),
    ])
