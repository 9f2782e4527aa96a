"""What the header of every page shows (overrides/main.html and partials/header.html read it as
config.extra.sw): the emergency line and button, with the words catalogue's sentences and the
data's number (Material's templates cannot import the catalogue, so the build hands them its
words), on an area's pages its front door, and where "Exit this page" leads; and the footer's line.
"""
import html

from stillworried.core.contacts import emergency_phone
from stillworried.core.words import emergency, page as page_words

NEUTRAL_SITE = "https://www.bbc.co.uk/weather"


def footer(bundle):
    """The line at the foot of every page (Material prints config.copyright as it is, unescaped)."""
    return html.escape(page_words.FROM_THE_SOURCES + " " + emergency.in_danger(emergency_phone(bundle)["display"]))


def header_data(bundle):
    """What the header's emergency line shows: 999, and on an area's pages its front door."""
    doors = {}
    for pid, partnership in bundle["partnerships"].items():
        contact = bundle["contacts"][partnership["front_door"]["contacts"][0]]
        phone = next((p for p in contact.get("phones", []) if p.get("e164")), None)
        doors[pid] = {"area": partnership["name"], "name": partnership["front_door"]["name"],
                      "tel": phone["e164"] if phone else None, "display": phone["display"] if phone else None,
                      "caveat": partnership["front_door"].get("caveat")}
    phone = emergency_phone(bundle)
    return {"front_doors": doors, "exit_to": NEUTRAL_SITE,
            "emergency": {"question": emergency.QUESTION, "call": emergency.call(phone["display"]),
                          "why": emergency.WHY, "tel": phone["e164"]}}
