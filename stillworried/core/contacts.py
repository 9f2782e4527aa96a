"""Contacts as an answer gives them: the buttons to show, the numbers the sources print for the
same team (the newest document's first), where the source gives no number, and whether an office
should be open now by the hours its source prints. Facts only; worded.py says them in words."""
from stillworried.core import team_numbers
from stillworried.core.words.dates import TODAYS_DATE_WHAT
from stillworried.core.workdays import WorkingCalendar, parse_date


def document_name(bundle, file_name):
    """What a person calls a source document ('Salford VCSE protocol'): its short_title in
    stages.yaml, else its title, else (a document the data does not list) its file name."""
    document = (bundle.get("sources") or {}).get(file_name) or {}
    return document.get("short_title") or document.get("title") or file_name


def source_documents(bundle, sources):
    """[(name, date or None)] for each document the sources name, in order: the name a reader
    knows it by (short_title) and the date printed on it."""
    found = []
    for source in sources:
        document = bundle["sources"].get(source["file"]) or {}
        item = (document_name(bundle, source["file"]), document.get("date"))
        if item not in found:
            found.append(item)
    return found


def phone_from(bundle, phone):
    """(date, name) of the newest dated document that prints a phone ("2015-01", "Salford VCSE
    protocol"); date is "" where no source of it is dated."""
    documents = bundle.get("sources", {})
    newest, named = "", None
    for source in phone.get("sources", []):
        document = documents.get(source["file"], {})
        date = document.get("date") or ""
        if named is None or date > newest:
            newest, named = date, document_name(bundle, source["file"])
    return newest, named or ""


def team_phones(bundle, contact_id):
    """Every number printed for a contact's team where the sources compete (its 'conflict'
    note): its own and its teammates', the newest document's first where all are dated (else
    its own first), each with the document (and date) it comes from, and the first marked newest
    where its document is newer than the next's (issue 21, item 11: Salford's
    Quality Assurance Unit is 0161 603 4322 in the VCSE protocol of January 2015, 0161 603 4350
    in the 2014 procedure)."""
    found = []
    seen = []
    for member in [contact_id] + team_numbers.teammates(bundle["contacts"], contact_id):
        for phone in bundle["contacts"][member].get("phones", []):
            key = phone.get("e164") or phone["number"]
            if key in seen or (member != contact_id and not phone.get("e164")):
                continue
            seen.append(key)
            date, named = phone_from(bundle, phone)
            found.append(dict(phone, document=named, from_date=date, member=member))
    # Newest first, only where every number comes from a dated document (an undated source is not
    # older, only of unknown age: the Bridge's advice line); the same date keeps the contact's own
    # order (a stable insertion, by hand, so MicroPython orders them exactly as CPython does).
    if not all(phone["from_date"] for phone in found):
        return found
    ordered = []
    for phone in found:
        at = len(ordered)
        while at > 0 and ordered[at - 1]["from_date"] < phone["from_date"]:
            at -= 1
        ordered.insert(at, phone)
    # The button's number is said to be the newest, where it is (a phone tester read "Salford VCSE
    # protocol, January 2015" on the 2014 procedure's answer as a mistake).
    if len(ordered) > 1 and ordered[0]["from_date"] > ordered[1]["from_date"]:
        ordered[0]["newest"] = True
    return ordered


def contact_summary(bundle, contact_id):
    """A contact as the wizard shows it: the first callable number and email, every other
    number, and any conflicting number printed for the same team by another source.

    Where the contact has a 'conflict' note (the data says the numbers compete), the buttons are
    the numbers of the newest document (team_phones: Salford's Quality Assurance Unit is 0161 603
    4322 in the VCSE protocol of January 2015, so that is the button even on the 2014
    procedure's card), each naming the document it comes from; the team's other numbers are in
    conflicts, each with its document too. Two numbers of one team can each have their own use
    (the Bridge's referral and advice lines), and a route on which every source gives the same
    number should not offer the other one, so without the note only the contact's own numbers
    are shown. documents: each document the contact comes from, with its date (for the words
    saying how old the details are)."""
    contact = bundle["contacts"][contact_id]
    phones = contact.get("phones", [])
    conflicts = []
    if contact.get("conflict"):
        ordered = team_phones(bundle, contact_id)
        own = set(phone.get("e164") or phone["number"] for phone in phones)
        dated = all(phone["from_date"] for phone in ordered)
        newest = ordered[0]["from_date"] if ordered else ""
        phones = [phone for phone in ordered if (phone["from_date"] == newest if dated else
                                                 (phone.get("e164") or phone["number"]) in own)]
        for phone in ordered:
            if phone in phones or not phone.get("e164"):
                continue
            conflicts.append({"contact": phone["member"], "name": bundle["contacts"][phone["member"]]["name"],
                              "phone": phone["e164"], "phone_text": phone["display"], "own_label": phone.get("label"),
                              "document": phone["document"], "from_date": phone["from_date"],
                              "sources": phone["sources"]})
    callable_phones = [phone for phone in phones if phone.get("e164")]
    emails = contact.get("emails", [])
    return {
        "id": contact_id, "name": contact["name"], "person": contact.get("person"), "role": contact.get("role"),
        "organisation": contact["organisation"], "serves": contact.get("serves"),
        "phone": callable_phones[0]["e164"] if callable_phones else None,
        "phone_text": callable_phones[0]["display"] if callable_phones else None,
        "email": emails[0]["address"] if emails else None,
        "phones": phones, "emails": emails, "address": contact.get("address"), "hours": contact.get("hours"),
        "note": contact.get("note"), "conflict": contact.get("conflict"), "conflicts": conflicts,
        "verified_on": contact.get("verified_on"), "documents": source_documents(bundle, contact["sources"]),
        "sources": contact["sources"],
    }


# The national contact every area's emergency route names (stillworried/validation/areas.py checks
# that each route reaches 999), and so in the wizard's shared part of the data too.
EMERGENCY = "emergency-999"


def emergency_phone(bundle):
    """The number to call if a child is in immediate danger, as the data gives it ({"display",
    "e164", ...}): every page, the header, the calendar file and the wizard say it from here."""
    return bundle["contacts"][EMERGENCY]["phones"][0]


def no_number(bundle, stage):
    """None, or, at a stage (or follow-up) whose source gives no phone number or email for the
    person to contact (Southwark stages 1 to 3, say), what the answer says instead of showing
    nothing: {for: whom the source gives no number for, reach: how to reach them instead,
    contacts: the way in the source gives, if any, as contact_summary gives them (Salford's
    Partnership Bridge), source}."""
    said = stage.get("no_number")
    if not said:
        return None
    return {"for": said["for"], "reach": said["reach"],
            "contacts": [contact_summary(bundle, contact_id) for contact_id in said.get("contacts", [])],
            "source": said["source"]}


DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def office_status(bundle, hours, day, time):
    """Whether an office should be open at a moment in London, by the hours its source prints.

    day is the London date (YYYY-MM-DD) and time the London time ("HH:MM"); the browser works
    them out with Intl in Europe/London, never from the device's own time zone. state is "open",
    "closed" or "unknown": unknown when the source gives no days, or on a bank holiday, which no
    source in the data mentions; reason says which ("no_hours", "holiday", "no_days", or None)."""
    if not hours:
        return {"state": "unknown", "reason": "no_hours", "hours": None}
    calendar = WorkingCalendar(bundle["calendar"])
    today = calendar.check(parse_date(day, TODAYS_DATE_WHAT))
    if today.isoformat() in calendar.holidays:
        return {"state": "unknown", "reason": "holiday", "hours": hours["text"]}
    if not hours.get("days"):
        return {"state": "unknown", "reason": "no_days", "hours": hours["text"]}
    open_today = DAY_NAMES[today.weekday()] in hours["days"]
    state = "open" if open_today and hours["opens"] <= time < hours["closes"] else "closed"
    return {"state": state, "reason": None, "hours": hours["text"]}
