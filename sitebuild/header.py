"""What the header of every page shows (overrides/main.html reads it as config.extra.sw): the
emergency line, 999 and, on an area's pages, its front door; and where "Exit this page" leads.
"""
NEUTRAL_SITE = "https://www.bbc.co.uk/weather"


def header_data(bundle):
    """What the header's emergency line shows: 999, and on an area's pages its front door."""
    doors = {}
    for pid, partnership in bundle["partnerships"].items():
        contact = bundle["contacts"][partnership["front_door"]["contacts"][0]]
        phone = next((p for p in contact.get("phones", []) if p.get("e164")), None)
        doors[pid] = {"area": partnership["name"], "name": partnership["front_door"]["name"],
                      "tel": phone["e164"] if phone else None, "display": phone["display"] if phone else None,
                      "caveat": partnership["front_door"].get("caveat")}
    return {"front_doors": doors, "exit_to": NEUTRAL_SITE}
