"""The contacts pages: each area's page (who to call first, then everyone else by agency, then the
lists the sources print, as tables by agency), the index of every area's front door, and the
anchors a procedure's stage links to ("find the right person" in a list).
"""

from stillworried.core.words import contacts as contact_words
from stillworried.core import team_numbers
from stillworried.core.contacts import EMERGENCY, emergency_phone
from stillworried.core import wizard_choices
from stillworried.core.wizard_choices import slug
from stillworried.core.page_ids import contacts_path, procedure_path, vcard_path

from macros.front_doors import (door_caveat, door_reachable, emergency_box, emergency_notice, front_door_cards,
                                no_number, out_of_hours)
from macros.html import Html, el, join
from macros.pieces import contact_card, contact_source_line, contact_title, email_link, phone_link, source_line


def agency_anchor(organisation):
    return "agency-" + slug(organisation)


def list_anchor(list_id, organisation=None):
    """The id of a contact list on its contacts page, or of one agency's group in it."""
    return "list-" + list_id + ("--" + slug(organisation) if organisation else "")


def by_agency(ctx, contact_ids, list_id=None):
    """[(organisation, [contact ids])] in the order the data (and so the source) first names each:
    in a list, the heading the list prints each contact under (wizard_choices.listed_as); an
    agency the sources print under two names is one group (its also_printed_as in the data)."""
    groups = {}
    for cid in contact_ids:
        contact = ctx.contact(cid)
        name = wizard_choices.listed_as(contact, list_id) if list_id else contact["organisation"]
        name = ctx.printed_names(contact["partnership"]).get(name, name)
        groups.setdefault(name, []).append(cid)
    return list(groups.items())


def directory_links(ctx, listing):
    """A stage's "find the right person": the list, and a link to each agency's group in it."""
    page = ctx.url(contacts_path(listing["partnership"]))
    before, after = contact_words.find_the_right_person(len(listing["contacts"]))
    return el("div", {"class": "sw-directory"},
              el("p", None, before,
                 el("a", {"href": page + "#" + list_anchor(listing["id"])}, listing["title"]), after),
              el("ul", {"class": "sw-jump"},
                 [el("li", None, el("a", {"href": page + "#" + list_anchor(listing["id"], organisation)},
                                    contact_words.with_count(organisation, len(ids))))
                  for organisation, ids in by_agency(ctx, listing["contacts"], listing["id"])]))


def procedure_contacts(ctx, procedure):
    """{contact id: [stage numbers]}: the contacts a procedure's stages name, in the order used."""
    used = {}
    for stage in procedure["stages"]:
        named = list(stage["contacts"]) + [cid for note in stage.get("notes", []) for cid in note.get("contacts", [])]
        for cid in named:
            numbers = used.setdefault(cid, [])
            if stage["number"] not in numbers:
                numbers.append(stage["number"])
    return used


def merged_cards(ctx, contact_ids, heading="h3"):
    """Contact cards in detail, with one source line for each run of cards that share it."""
    parts, run = [], []

    def close():
        if run:
            parts.append(contact_source_line(ctx, ctx.contact(run[0]), count=len(run)))
            run.clear()

    def key(cid):
        contact = ctx.contact(cid)
        return ([(s["file"], s["section"]) for s in contact["sources"]], contact.get("verified_on"))

    for cid in contact_ids:
        if run and key(run[0]) != key(cid):
            close()
        parts.append(contact_card(ctx, cid, heading=heading, detail=True, agency=False, source=False))
        run.append(cid)
    close()
    return parts


def list_table(ctx, contact_ids):
    """One agency's part of a contact list: team or person, role and number, to scan."""
    rows = []
    for cid in contact_ids:
        contact = ctx.contact(cid)
        role = contact.get("role") if contact.get("role") and contact["role"] != contact["name"] else None
        ways = [phone_link(phone) for phone in contact.get("phones", [])] + \
               [email_link(email) for email in contact.get("emails", [])]
        rows.append(el("tr", None,
                       # National numbers (999) have no card on an area's page to link to.
                       el("td", None, contact_title(contact) if contact["partnership"] == "national"
                          else el("a", {"href": "#contact-" + cid}, contact_title(contact)),
                          el("br") if role else None, el("small", None, role) if role else None),
                       el("td", {"class": "sw-list__ways"},
                          join(ways, Html("<br>")) if ways else contact_words.NONE_GIVEN)))
    return el("table", {"class": "sw-list"},
              el("thead", None, el("tr", None, el("th", {"scope": "col"}, contact_words.TEAM_OR_PERSON),
                                   el("th", {"scope": "col"}, contact_words.NUMBER_HEADING))),
              el("tbody", None, rows))


def who_to_call(ctx, partnership):
    """The short block at the top of an area's contacts page: its front door, the emergency route,
    and the contacts its procedures' stages use. Returns (markup, the contact ids it showed)."""
    door = partnership["front_door"]
    shown = {EMERGENCY}
    parts = [el("h2", {"id": "who-to-call"}, contact_words.WHO_TO_CALL)]
    parts.append(el("h3", None, contact_words.worried_about(door["name"])))
    if not door_reachable(ctx, door):
        # The box keeps its call on the first screen: the MASH's own words are on its card below.
        parts += [no_number(ctx, partnership, door_words=False), emergency_box(ctx, partnership),
                  out_of_hours(ctx, partnership)]
    else:
        parts += [contact_card(ctx, cid, heading="h4", detail=True) for cid in door["contacts"]]
        parts.append(out_of_hours(ctx, partnership))
        shown.update(door["contacts"])
        parts.append(emergency_box(ctx, partnership))
    for procedure in ctx.bundle["procedures"].values():
        if procedure["partnership"] != partnership["id"]:
            continue
        used = [(cid, stages) for cid, stages in procedure_contacts(ctx, procedure).items() if cid not in shown]
        if not used:
            continue
        parts.append(el("h3", None, el("a", {"href": ctx.url(procedure_path(procedure))}, procedure["title"])))
        for cid, stages in used:
            parts.append(el("p", {"class": "sw-contact__used"}, contact_words.used_at(stages)))
            parts.append(contact_card(ctx, cid, heading="h4", detail=True, agency=True))
            shown.add(cid)
    return el("section", {"class": "sw-who", "aria-labelledby": "who-to-call"}, parts), shown


def contacts_page(ctx, partnership_id):
    """An area's contacts, for a phone: who to call first, then everyone else by agency (groups
    closed, a jump list at the top), then the lists the sources print, as tables by agency."""
    partnership = ctx.bundle["partnerships"][partnership_id]
    own = ctx.own_contacts(partnership_id)
    block, shown = who_to_call(ctx, partnership)
    groups = by_agency(ctx, [cid for cid in own if cid not in shown])
    parts = [block]
    if groups:
        parts += [el("h2", {"id": "by-agency"}, contact_words.EVERYONE_ELSE),
                  el("nav", {"aria-label": contact_words.AGENCIES},
                     el("ul", {"class": "sw-jump"},
                        [el("li", None, el("a", {"href": "#" + agency_anchor(organisation)},
                                           contact_words.with_count(organisation, len(ids))))
                         for organisation, ids in groups]))]
        parts += [el("details", {"class": "sw-agency", "id": agency_anchor(organisation)},
                     el("summary", None, contact_words.with_count(organisation, len(ids))),
                     merged_cards(ctx, ids))
                  for organisation, ids in groups]
    lists = [listing for listing in ctx.bundle["lists"].values() if listing["partnership"] == partnership_id]
    if lists:
        parts.append(el("h2", {"id": "lists"}, contact_words.LISTS_PRINTED))
        for listing in lists:
            parts.append(el("section", {"class": "sw-list-group", "id": list_anchor(listing["id"]),
                                        "aria-labelledby": list_anchor(listing["id"]) + "-title"},
                            el("h3", {"id": list_anchor(listing["id"]) + "-title"},
                               contact_words.with_count(listing["title"], len(listing["contacts"]))),
                            source_line(ctx, listing["source"]),
                            [el("details", {"class": "sw-agency", "id": list_anchor(listing["id"], organisation)},
                                el("summary", None, contact_words.with_count(organisation, len(ids))),
                                list_table(ctx, ids))
                             for organisation, ids in by_agency(ctx, listing["contacts"], listing["id"])]))
    parts += [el("p", None, el("a", {"href": ctx.url(vcard_path(partnership_id)), "download": True},
                               contact_words.save_every(partnership["name"]))),
              el("p", None, contact_words.AS_PRINTED)]
    return join(parts)


def list_member(ctx, contact_id, partnership_id):
    """A contact in a list: a link to its card on this page, or, for one whose card is not on
    this page (999, say), its name and numbers."""
    contact = ctx.contact(contact_id)
    if contact["partnership"] == partnership_id:
        return el("a", {"href": "#contact-" + contact_id}, contact["name"])
    numbers = [phone_link(phone) for phone in team_numbers.dialable_phones(contact)]
    return join([contact["name"]] + numbers, " ")


def contacts_index(ctx):
    """Where the header's "Your area's front door" leads: each area's front door, then its page."""
    items = [el("li", {"class": "sw-area"},
                el("h3", None, el("a", {"href": ctx.url(contacts_path(pid))},
                                  contact_words.area_contacts(partnership["name"]))),
                el("p", None, contact_words.worried_about(partnership["front_door"]["name"])),
                door_caveat(partnership["front_door"]),
                front_door_cards(ctx, partnership))
             for pid, partnership in ctx.bundle["partnerships"].items()]
    parts = [emergency_notice(ctx), el("h2", None, contact_words.CONTACTS_BY_AREA),
             el("ul", {"class": "sw-areas"}, items)]
    # Said once for every area where no source gives a number for out of hours (each area's
    # contacts page says it under its front door, with the opening hours the source gives).
    if all(out_of_hours(ctx, partnership) is not None for partnership in ctx.bundle["partnerships"].values()):
        every_area = contact_words.out_of_hours_every_area(emergency_phone(ctx.bundle)["display"])
        parts += [el("h2", {"id": "out-of-hours"}, contact_words.OUT_OF_HOURS), el("p", None, every_area)]
    return join(parts)
